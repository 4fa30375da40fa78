//! Use cases of `evaluations` (see `api::evaluations` for the HTTP side): the supervisor
//! rates (`rate`), sees the team (`team`), the employee reads their published results
//! (`mine`), and staff read a period's results (here).

mod mine;
mod rate;
mod team;

pub use mine::my_results;
pub use rate::{RateOutcome, rate};
pub use team::team;

use uuid::Uuid;

use crate::auth::Principal;
use crate::domain::evaluation::{ResultStatus, result_status};
use crate::domain::predikat::{Predikat, Rating};
use crate::dto::evaluations::{Penilai, ResultList, ResultOut, display_name};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::results::ResultRow;

pub(crate) fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// The status of a result row in a period (stored state).
pub fn row_status(period_state: &str, row: &ResultRow) -> ResultStatus {
    result_status(period_state, &row.evaluation.status, row.under_appeal())
}

/// The result view of one row; `None` when stored values are not recognised.
pub fn result_out(period_state: &str, row: &ResultRow) -> Option<ResultOut> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?;
    let pk = Rating::parse(&e.rating_perilaku)?;
    let pr = Predikat::parse(&e.predikat)?;
    let code =
        |u: &Option<entity::unit::Model>| u.as_ref().map(|u| u.code.clone()).unwrap_or_default();
    let name =
        |u: &Option<entity::unit::Model>| u.as_ref().map(|u| u.name.clone()).unwrap_or_default();
    Some(ResultOut {
        evaluation_id: e.id,
        nip: row.employee.nip.clone(),
        name: display_name(&row.employee),
        golongan: e.golongan.clone(),
        jabatan: e.jabatan.clone(),
        unit_code: code(&row.unit),
        unit_name: name(&row.unit),
        rating_hasil_kerja: hk,
        rating_hasil_kerja_code: hk.siasn_code(),
        rating_perilaku: pk,
        rating_perilaku_code: pk.siasn_code(),
        rating_perilaku_kerja: pk,
        rating_perilaku_kerja_code: pk.siasn_code(),
        predikat: pr.into(),
        suggested_perilaku: e.suggested_perilaku.as_deref().and_then(Rating::parse),
        mean_360: e.mean_360,
        justification: e.justification.clone(),
        penilai: Penilai {
            nip: row.penilai.nip.clone(),
            name: display_name(&row.penilai),
            jabatan: e.penilai_jabatan.clone(),
            golongan: e.penilai_golongan.clone(),
            unit_code: code(&row.penilai_unit),
            unit_name: name(&row.penilai_unit),
        },
        status: row_status(period_state, row),
    })
}

/// The period and its result rows, optionally of one (snapshot) unit, for the results
/// and exports (the caller has checked `policy::cycle::can_read_results`).
pub async fn period_results(
    state: &AppState,
    id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<(entity::period::Model, Vec<ResultRow>)> {
    let db = &state.db.read;
    let period = store::periods::find(db, id)
        .await?
        .ok_or_else(period_not_found)?;
    let unit = super::unit_filter(db, unit_code).await?;
    let rows = store::results::list_results(db, period.id, unit).await?;
    Ok((period, rows))
}

/// Results of a period per employee, by unit then name.
pub async fn list_results(
    state: &AppState,
    _p: &Principal,
    id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<ResultList> {
    let (period, rows) = period_results(state, id, unit_code).await?;
    let mut items: Vec<ResultOut> = rows
        .iter()
        .filter_map(|r| result_out(&period.state, r))
        .collect();
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code).then(a.name.cmp(&b.name)));
    Ok(ResultList {
        period_id: period.id,
        items,
    })
}
