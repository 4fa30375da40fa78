//! Indeks Kepuasan Masyarakat per unit and time range, and each employee's own citizen
//! index (the system's adaptation over U6 and U7) with the comments about them.
//!
//! Invariants: no index is shown below the minimum number of respondents; the number of
//! respondents is always given beside an index; hidden comments never reach the employee
//! or their supervisors; no citizen identity exists to be shown.

use chrono::{DateTime, NaiveDate, Utc};

use crate::auth::{Principal, policy};
use crate::domain::ikm::{
    self, ALL_ELEMENTS, ELEMENTS, EMPLOYEE_ELEMENTS, EMPLOYEE_INDEX_LABEL, round2,
};
use crate::dto::ikm::{
    CitizenComment, CitizenFeedback, ElementResult, EmployeeIndex, IkmReport, TrendPoint,
};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{self, feedback::Scope};

/// A local date range → (from, to, UTC instants [from 00:00, to+1 00:00)).
fn range(
    state: &AppState,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<(NaiveDate, NaiveDate, DateTime<Utc>, DateTime<Utc>)> {
    let offset = state.settings.local_offset();
    let today = Utc::now().with_timezone(&offset).date_naive();
    let (from, to) =
        ikm::date_range(from, to, today).map_err(|(field, m)| ApiError::field(field, m))?;
    let start = |d: NaiveDate| -> ApiResult<DateTime<Utc>> {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| ApiError::field("from", "Tanggal tidak valid"))
    };
    let end_day = to
        .succ_opt()
        .ok_or_else(|| ApiError::field("to", "Tanggal tidak valid"))?;
    Ok((from, to, start(from)?, start(end_day)?))
}

/// The IKM of a unit: NRR per element, IKM, IKM konversi and mutu, with a monthly trend.
/// 404 for an unknown unit; 403 unless the caller may read it.
pub async fn unit_report(
    state: &AppState,
    p: &Principal,
    code: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<IkmReport> {
    let db = &state.db.read;
    let unit = store::units::find_by_code(db, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    policy::require(policy::feedback::can_read_unit_ikm(db, p, &unit).await?)?;
    let (from, to, start, end) = range(state, from, to)?;
    let min = ikm::min_respondents(state.settings.feedback_min_respondents);
    let totals = store::feedback::totals(db, Scope::Unit(unit.id), start, end).await?;
    let sufficient = ikm::sufficient(totals.count, min);
    let index = ikm::index_of(&totals.sums, totals.count, min, &ALL_ELEMENTS);
    let monthly = store::feedback::monthly_totals(db, Scope::Unit(unit.id), start, end).await?;
    Ok(IkmReport {
        unit_code: unit.code,
        unit_name: unit.name,
        from,
        to,
        respondents: totals.count,
        verified_respondents: totals.verified,
        min_respondents: min,
        sufficient,
        elements: ELEMENTS
            .iter()
            .enumerate()
            .map(|(i, el)| ElementResult {
                code: el.code.to_string(),
                name: el.name_id.to_string(),
                nrr: index.as_ref().and_then(|x| x.nrr[i]).map(round2),
                answers: totals.count,
            })
            .collect(),
        ikm: index.as_ref().map(|x| (x.ikm * 1000.0).round() / 1000.0),
        konversi: index.as_ref().map(|x| round2(x.konversi)),
        mutu: index.as_ref().map(|x| x.mutu),
        mutu_label: index.as_ref().map(|x| x.mutu.label().to_string()),
        trend: monthly
            .into_iter()
            .map(|(month, t)| {
                let idx = ikm::index_of(&t.sums, t.count, min, &ALL_ELEMENTS);
                TrendPoint {
                    month,
                    respondents: t.count,
                    konversi: idx.as_ref().map(|x| round2(x.konversi)),
                    mutu: idx.map(|x| x.mutu),
                }
            })
            .collect(),
    })
}

/// An employee's citizen index and the comments about them: the employee, their
/// supervisors, HR, admin and the auditor (404 for anyone else). Hidden comments only for
/// HR, admin and auditor.
pub async fn employee_feedback(
    state: &AppState,
    p: &Principal,
    nip: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<CitizenFeedback> {
    let db = &state.db.read;
    let not_found = || ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"));
    let e = store::employees::find_by_nip(db, nip)
        .await?
        .ok_or_else(not_found)?;
    if !policy::feedback::can_read_citizen_feedback(db, p, &e).await? {
        return Err(not_found());
    }
    let staff = policy::feedback::reads_all_citizen_feedback(p).granted();
    let (from, to, start, end) = range(state, from, to)?;
    let min = ikm::min_respondents(state.settings.feedback_min_respondents);
    let totals = store::feedback::totals(db, Scope::Employee(e.id), start, end).await?;
    let sufficient = ikm::sufficient(totals.count, min);
    let index =
        ikm::index_of(&totals.sums, totals.count, min, &EMPLOYEE_ELEMENTS).map(|x| EmployeeIndex {
            label: EMPLOYEE_INDEX_LABEL.to_string(),
            u6_nrr: round2(x.nrr[0].unwrap_or_default()),
            u7_nrr: round2(x.nrr[1].unwrap_or_default()),
            konversi: round2(x.konversi),
            mutu: x.mutu,
            mutu_label: x.mutu.label().to_string(),
        });
    let comments = store::feedback::list_employee_comments(db, e.id, start, end, staff, 50)
        .await?
        .into_iter()
        .map(|s| CitizenComment {
            id: s.id,
            created_at: s.created_at,
            comment: s.comment.unwrap_or_default(),
            reply: s.reply,
            replied_at: s.replied_at,
            hidden: staff.then_some(s.comment_hidden),
        })
        .collect();
    Ok(CitizenFeedback {
        from,
        to,
        respondents: totals.count,
        min_respondents: min,
        sufficient,
        index,
        comments,
    })
}
