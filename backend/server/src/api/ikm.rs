//! Indeks Kepuasan Masyarakat per unit and time range, and each employee's own citizen
//! index (the system's adaptation over U6 and U7) with the comments about them.
//!
//! Invariants: no index is shown below the minimum number of respondents; the number of
//! respondents is always given beside an index; hidden comments never reach the employee
//! or their supervisors; no citizen identity exists to be shown.

use actix_web::{get, web};
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::ikm::{self, ELEMENTS, ElementTotals, Mutu, round2};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store::{self, feedback::Scope};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_unit_ikm)
        .service(get_employee_citizen_feedback);
}

#[derive(Deserialize, IntoParams)]
pub struct RangeQuery {
    /// First day (local date, `YYYY-MM-DD`); default: the first day of the month five months ago.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive; default: today.
    pub to: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct ElementResult {
    pub code: String,
    pub name: String,
    /// NRR (1–4), two decimals; null below the minimum respondents.
    pub nrr: Option<f64>,
    /// Number of answers to this element.
    pub answers: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TrendPoint {
    /// Local month `YYYY-MM`.
    pub month: String,
    pub respondents: i64,
    pub konversi: Option<f64>,
    pub mutu: Option<Mutu>,
}

/// The SKM result of a unit over a period.
#[derive(Serialize, ToSchema)]
pub struct IkmReport {
    pub unit_code: String,
    pub unit_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub respondents: i64,
    /// Respondents whose submission carried a valid ticket.
    pub verified_respondents: i64,
    pub min_respondents: i64,
    /// False below the minimum: then no index is given.
    pub sufficient: bool,
    pub elements: Vec<ElementResult>,
    /// Σ NRR × 1/9 (1–4), three decimals.
    pub ikm: Option<f64>,
    /// IKM × 25 (25–100), two decimals.
    pub konversi: Option<f64>,
    pub mutu: Option<Mutu>,
    /// Sangat Baik / Baik / Kurang Baik / Tidak Baik.
    pub mutu_label: Option<String>,
    pub trend: Vec<TrendPoint>,
}

/// A local date range → UTC instants [from 00:00, to+1 00:00).
fn range(
    state: &AppState,
    q: &RangeQuery,
) -> ApiResult<(NaiveDate, NaiveDate, DateTime<Utc>, DateTime<Utc>)> {
    let offset = state.settings.local_offset();
    let today = Utc::now().with_timezone(&offset).date_naive();
    let to = q.to.unwrap_or(today);
    let from = q.from.unwrap_or_else(|| {
        NaiveDate::from_ymd_opt(to.year(), to.month(), 1)
            .and_then(|d| d.checked_sub_months(Months::new(5)))
            .unwrap_or(to)
    });
    if from > to {
        return Err(ApiError::field(
            "from",
            "Tanggal awal harus sebelum tanggal akhir",
        ));
    }
    if (to - from).num_days() > 3 * 366 {
        return Err(ApiError::field("from", "Rentang waktu maksimal tiga tahun"));
    }
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

fn totals_of(t: &store::feedback::Totals, idx: &[usize]) -> Vec<ElementTotals> {
    idx.iter()
        .map(|i| ElementTotals {
            sum: t.sums[*i],
            count: t.count,
        })
        .collect()
}

const ALL: [usize; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/// May see a unit's IKM: admin, HR, auditor, and the unit's own employees.
async fn can_read_unit(state: &AppState, p: &Principal, unit_id: Uuid) -> ApiResult<bool> {
    if p.has_role("admin") || p.has_role("hr") || p.has_role("auditor") {
        return Ok(true);
    }
    let Some(me) = p.employee_id else {
        return Ok(false);
    };
    Ok(store::employees::find_by_id(&state.db.read, me)
        .await?
        .is_some_and(|e| e.unit_id == unit_id))
}

/// The IKM of a unit: NRR per element, IKM, IKM konversi and mutu, with a monthly trend.
#[utoipa::path(
    tag = "ikm",
    params(("code" = String, Path, description = "Unit code"), RangeQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = IkmReport),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, description = "Invalid date range", body = ErrorResponse),
    )
)]
#[get("/ikm/units/{code}")]
pub async fn get_unit_ikm(
    state: web::Data<AppState>,
    p: Principal,
    code: web::Path<String>,
    q: web::Query<RangeQuery>,
) -> ApiResult<web::Json<IkmReport>> {
    let db = &state.db.read;
    let unit = store::units::find_by_code(db, &code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    policy::require(can_read_unit(&state, &p, unit.id).await?)?;
    let (from, to, start, end) = range(&state, &q)?;
    let min = state.settings.feedback_min_respondents.max(1);
    let totals = store::feedback::totals(db, Scope::Unit(unit.id), start, end).await?;
    let sufficient = totals.count >= min;
    let index = sufficient
        .then(|| ikm::compute(&totals_of(&totals, &ALL)))
        .flatten();
    let monthly = store::feedback::monthly_totals(db, Scope::Unit(unit.id), start, end).await?;
    Ok(web::Json(IkmReport {
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
                let idx = (t.count >= min)
                    .then(|| ikm::compute(&totals_of(&t, &ALL)))
                    .flatten();
                TrendPoint {
                    month,
                    respondents: t.count,
                    konversi: idx.as_ref().map(|x| round2(x.konversi)),
                    mutu: idx.map(|x| x.mutu),
                }
            })
            .collect(),
    }))
}

/// The employee-level index over U6 and U7.
#[derive(Serialize, ToSchema)]
pub struct EmployeeIndex {
    /// Says, in Indonesian, that this is Kinerja360's own adaptation, not the regulated IKM.
    pub label: String,
    pub u6_nrr: f64,
    pub u7_nrr: f64,
    /// (NRR U6 + NRR U7) ÷ 2 × 25, two decimals.
    pub konversi: f64,
    pub mutu: Mutu,
    pub mutu_label: String,
}

/// A comment about the employee; the citizen is anonymous by construction.
#[derive(Serialize, ToSchema)]
pub struct CitizenComment {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub comment: String,
    pub reply: Option<String>,
    pub replied_at: Option<DateTime<Utc>>,
    /// Only for HR, admin and auditor: the comment is hidden from the employee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct CitizenFeedback {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub respondents: i64,
    pub min_respondents: i64,
    pub sufficient: bool,
    pub index: Option<EmployeeIndex>,
    /// Newest first (at most 50).
    pub comments: Vec<CitizenComment>,
}

/// The label every screen shows beside the employee index.
pub const EMPLOYEE_INDEX_LABEL: &str = "Indeks layanan pegawai dari unsur U6 (kompetensi) dan U7 (perilaku) — \
adaptasi Kinerja360, bukan IKM resmi PermenPANRB 14/2017";

/// An employee's citizen index and the comments about them: the employee, their
/// supervisors, HR, admin and the auditor. Hidden comments only for HR, admin and auditor.
#[utoipa::path(
    tag = "ikm",
    params(("nip" = String, Path, description = "NIP or NI PPPK"), RangeQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CitizenFeedback),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, description = "Invalid date range", body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/citizen-feedback")]
pub async fn get_employee_citizen_feedback(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<RangeQuery>,
) -> ApiResult<web::Json<CitizenFeedback>> {
    let db = &state.db.read;
    let not_found = || ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"));
    let e = store::employees::find_by_nip(db, &nip)
        .await?
        .ok_or_else(not_found)?;
    let staff = p.has_role("admin") || p.has_role("hr") || p.has_role("auditor");
    if !staff && !policy::is_self_or_superior(db, &p, &e).await? {
        return Err(not_found());
    }
    let (from, to, start, end) = range(&state, &q)?;
    let min = state.settings.feedback_min_respondents.max(1);
    let totals = store::feedback::totals(db, Scope::Employee(e.id), start, end).await?;
    let sufficient = totals.count >= min;
    let index = sufficient
        .then(|| ikm::compute(&totals_of(&totals, &[5, 6])))
        .flatten()
        .map(|x| EmployeeIndex {
            label: EMPLOYEE_INDEX_LABEL.to_string(),
            u6_nrr: round2(x.nrr[0].unwrap_or_default()),
            u7_nrr: round2(x.nrr[1].unwrap_or_default()),
            konversi: round2(x.konversi),
            mutu: x.mutu,
            mutu_label: x.mutu.label().to_string(),
        });
    let comments = store::feedback::employee_comments(db, e.id, start, end, staff, 50)
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
    Ok(web::Json(CitizenFeedback {
        from,
        to,
        respondents: totals.count,
        min_respondents: min,
        sufficient,
        index,
        comments,
    }))
}
