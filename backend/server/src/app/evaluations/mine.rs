//! The signed-in employee's published results.

use chrono::Utc;
use std::collections::HashMap;
use uuid::Uuid;

use super::row_status;
use crate::auth::Principal;
use crate::domain::appeal::{AppealStatus, Decision, can_still_appeal, deadline, explain};
use crate::domain::period::{PeriodKind, PeriodState};
use crate::domain::predikat::{Rating, predikat};
use crate::dto::evaluations::{
    AppealRef, MyResult, MyResultList, PenilaiRef, ResultPeriod, display_name,
};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// The employee's results of PUBLISHED periods, newest first, with the "why", the
/// penilai, and the appeal deadline and status (403 without an employee record).
pub async fn my_results(state: &AppState, p: &Principal) -> ApiResult<MyResultList> {
    let Some(me) = p.employee_id else {
        return Err(ApiError::Forbidden);
    };
    let db = &state.db.read;
    let mine = store::evaluations::list_evaluations_of_employee(db, me).await?;
    let periods: HashMap<Uuid, entity::period::Model> = store::periods::list_by_ids_in_state(
        db,
        mine.iter().map(|e| e.period_id).collect(),
        PeriodState::Published,
    )
    .await?
    .into_iter()
    .map(|p| (p.id, p))
    .collect();
    let published: Vec<_> = mine
        .into_iter()
        .filter(|e| periods.contains_key(&e.period_id))
        .collect();
    let rows = store::results::list_result_rows(db, published).await?;
    let now = Utc::now();
    let settings = &state.settings;
    let mut items: Vec<MyResult> = rows
        .iter()
        .filter_map(|row| {
            let e = &row.evaluation;
            let per = periods.get(&e.period_id)?;
            let hk = Rating::parse(&e.rating_hasil_kerja)?;
            let pk = Rating::parse(&e.rating_perilaku)?;
            let deadline = per
                .published_at
                .map(|t| deadline(t, settings.appeal_days, settings.local_offset()));
            Some(MyResult {
                period: ResultPeriod {
                    id: per.id,
                    name: per.name.clone(),
                    year: per.year,
                    kind: PeriodKind::parse(&per.kind)?,
                    number: per.number,
                    starts_on: per.starts_on,
                    ends_on: per.ends_on,
                    published_at: per.published_at,
                },
                evaluation_id: e.id,
                rating_hasil_kerja: hk.into(),
                rating_perilaku: pk.into(),
                predikat: predikat(hk, pk).into(),
                matrix: explain(hk, pk),
                suggested_perilaku: e
                    .suggested_perilaku
                    .as_deref()
                    .and_then(Rating::parse)
                    .map(Into::into),
                mean_360: e.mean_360,
                justification: e.justification.clone(),
                penilai: PenilaiRef {
                    nip: row.penilai.nip.clone(),
                    name: display_name(&row.penilai),
                    jabatan: e.penilai_jabatan.clone(),
                },
                status: row_status(&per.state, row),
                appeal: match &row.appeal {
                    Some(a) => Some(AppealRef {
                        id: a.id,
                        status: AppealStatus::parse(&a.status)?,
                        decision: a.decision.as_deref().and_then(Decision::parse),
                    }),
                    None => None,
                },
                can_appeal: can_still_appeal(
                    row.appeal.is_some(),
                    now,
                    per.published_at,
                    settings.appeal_days,
                    settings.local_offset(),
                ),
                appeal_deadline: deadline,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (b.period.year, b.period.kind.as_str(), b.period.number).cmp(&(
            a.period.year,
            a.period.kind.as_str(),
            a.period.number,
        ))
    });
    Ok(MyResultList { items })
}
