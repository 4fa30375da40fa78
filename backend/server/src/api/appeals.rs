//! Appeals (keberatan) against a published predikat (DOMAIN.md section 7).
//!
//! Invariants:
//! - only the evaluated employee files, only for a published period, within `appeal_days`
//!   of publication (to the end of that local day), at most once per evaluation;
//! - the decider is the atasan pejabat penilai: the penilai's direct supervisor when the
//!   appeal is filed. When the penilai has no supervisor in the system, HR (or admin)
//!   decides — our choice; the appeal then records the penilai as `decider_id`, which never
//!   lets the penilai decide (see `policy::appeal_decided_by_hr`);
//! - both sides are heard (employee and penilai statements) until the decision; the
//!   decision is taken once and is final; "change" sets new ratings and the predikat comes
//!   from the matrix;
//! - every step is audited in its transaction; events go to the employee, the penilai and
//!   the decider (staff when HR decides).

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{DateTime, Utc};
use entity::{appeal, employee, evaluation, period};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::PageMeta;
use super::evaluations::{PredikatOut, display_name};
use super::skp::PersonRef;
use crate::auth::{Principal, policy};
use crate::domain::appeal::{Decision, deadline, decide, within};
use crate::domain::period::PeriodState;
use crate::domain::predikat::Rating;
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;
use crate::store::appeals::AppealFilter;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(file_appeal)
        .service(list_appeals)
        .service(get_appeal)
        .service(update_statements)
        .service(decide_appeal);
}

const TEXT_MAX: usize = 4000;
const REASON_MAX: usize = 2000;

#[derive(Deserialize, ToSchema)]
pub struct AppealCreate {
    /// Why the employee objects (required, up to 4000 characters).
    #[schema(min_length = 1, max_length = 4000)]
    pub reasons: String,
}

/// One side's statement; each party may only write their own.
#[derive(Deserialize, ToSchema)]
pub struct StatementsInput {
    /// The employee's statement (the employee only).
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub employee_statement: Option<String>,
    /// The penilai's statement (the penilai only).
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub penilai_statement: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct DecideInput {
    pub decision: Decision,
    /// With `change`: the new rating hasil kerja (unchanged when absent).
    #[serde(default)]
    pub rating_hasil_kerja: Option<Rating>,
    /// With `change`: the new rating perilaku kerja (unchanged when absent).
    #[serde(default)]
    pub rating_perilaku: Option<Rating>,
    /// The reason for the decision (required, up to 2000 characters).
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// Which appeals to list.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealRole {
    /// Filed by me.
    Mine,
    /// Against evaluations I made (as pejabat penilai).
    Penilai,
    /// For me to decide (as atasan pejabat penilai; HR/admin also get those HR decides).
    ToDecide,
    /// Every appeal (admin, HR, auditor).
    All,
}

/// Status of an appeal (documentation type).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealStatus {
    Filed,
    Decided,
}

#[derive(Deserialize, IntoParams)]
pub struct AppealQuery {
    /// `mine` (default), `penilai`, `to_decide` or `all`.
    #[param(value_type = Option<AppealRole>)]
    pub role: Option<String>,
    /// `filed` or `decided`.
    #[param(value_type = Option<AppealStatus>)]
    pub status: Option<String>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct AppealPeriod {
    pub id: Uuid,
    pub name: String,
}

/// A pair of ratings and their predikat.
#[derive(Serialize, ToSchema)]
pub struct RatingsOut {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: PredikatOut,
}

#[derive(Serialize, ToSchema)]
pub struct AppealOut {
    pub id: Uuid,
    pub evaluation_id: Uuid,
    pub period: AppealPeriod,
    pub employee: PersonRef,
    pub penilai: PersonRef,
    /// The atasan pejabat penilai; null when HR decides.
    pub decider: Option<PersonRef>,
    /// True when the penilai had no supervisor in the system: HR decides.
    pub decided_by_hr: bool,
    pub reasons: String,
    pub employee_statement: Option<String>,
    pub penilai_statement: Option<String>,
    /// `filed` or `decided`.
    #[schema(value_type = AppealStatus)]
    pub status: String,
    /// `keep` or `change`.
    pub decision: Option<String>,
    pub decision_reason: Option<String>,
    /// The ratings appealed against.
    pub old: Option<RatingsOut>,
    /// The ratings after a `change` decision.
    pub new: Option<RatingsOut>,
    pub filed_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// Whether the caller may decide it now.
    pub can_decide: bool,
    /// Which statement the caller may still write: `employee`, `penilai` or null.
    pub can_write_statement: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AppealList {
    /// The role the list was taken in.
    #[schema(value_type = AppealRole)]
    pub role: String,
    pub items: Vec<AppealOut>,
    pub meta: PageMeta,
}

fn not_found() -> ApiError {
    ApiError::NotFound("Keberatan tidak ditemukan".into())
}

fn ratings(hk: &str, pk: &str) -> Option<RatingsOut> {
    let hk = Rating::parse(hk)?;
    let pk = Rating::parse(pk)?;
    Some(RatingsOut {
        rating_hasil_kerja: hk,
        rating_perilaku: pk,
        predikat: crate::domain::predikat::predikat(hk, pk).into(),
    })
}

fn person(e: Option<&employee::Model>) -> PersonRef {
    PersonRef {
        nip: e.map(|e| e.nip.clone()).unwrap_or_default(),
        name: e.map(display_name).unwrap_or_default(),
        jabatan: e.map(|e| e.jabatan.clone()).unwrap_or_default(),
    }
}

/// Which statement `p` may write on an undecided appeal.
fn statement_side(p: &Principal, a: &appeal::Model, penilai_id: Uuid) -> Option<&'static str> {
    if a.status != "filed" {
        return None;
    }
    match p.employee_id {
        Some(me) if me == a.employee_id => Some("employee"),
        Some(me) if me == penilai_id => Some("penilai"),
        _ => None,
    }
}

/// Views of appeals: loads their evaluations, people and periods by id sets.
async fn views<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &Principal,
    list: Vec<appeal::Model>,
) -> ApiResult<Vec<AppealOut>> {
    let evals: HashMap<Uuid, evaluation::Model> = if list.is_empty() {
        HashMap::new()
    } else {
        evaluation::Entity::find()
            .filter(
                evaluation::Column::Id
                    .is_in(list.iter().map(|a| a.evaluation_id).collect::<Vec<_>>()),
            )
            .all(conn)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect()
    };
    let periods: HashMap<Uuid, period::Model> = if evals.is_empty() {
        HashMap::new()
    } else {
        period::Entity::find()
            .filter(
                period::Column::Id.is_in(evals.values().map(|e| e.period_id).collect::<Vec<_>>()),
            )
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let people = store::results::employees_by_ids(
        conn,
        list.iter()
            .flat_map(|a| [a.employee_id, a.decider_id])
            .chain(evals.values().map(|e| e.penilai_id)),
    )
    .await?;
    Ok(list
        .into_iter()
        .filter_map(|a| {
            let ev = evals.get(&a.evaluation_id)?;
            let per = periods.get(&ev.period_id)?;
            let by_hr = policy::appeal_decided_by_hr(&a, ev.penilai_id);
            Some(AppealOut {
                id: a.id,
                evaluation_id: a.evaluation_id,
                period: AppealPeriod {
                    id: per.id,
                    name: per.name.clone(),
                },
                employee: person(people.get(&a.employee_id)),
                penilai: PersonRef {
                    jabatan: ev.penilai_jabatan.clone(),
                    ..person(people.get(&ev.penilai_id))
                },
                decider: (!by_hr).then(|| person(people.get(&a.decider_id))),
                decided_by_hr: by_hr,
                can_decide: a.status == "filed" && policy::can_decide_appeal(p, &a, ev.penilai_id),
                can_write_statement: statement_side(p, &a, ev.penilai_id).map(str::to_string),
                old: ratings(&a.old_rating_hasil_kerja, &a.old_rating_perilaku),
                new: match (&a.new_rating_hasil_kerja, &a.new_rating_perilaku) {
                    (Some(hk), Some(pk)) => ratings(hk, pk),
                    _ => None,
                },
                reasons: a.reasons,
                employee_statement: a.employee_statement,
                penilai_statement: a.penilai_statement,
                status: a.status,
                decision: a.decision,
                decision_reason: a.decision_reason,
                filed_at: a.filed_at,
                decided_at: a.decided_at,
            })
        })
        .collect())
}

async fn view_one<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &Principal,
    a: appeal::Model,
) -> ApiResult<AppealOut> {
    views(conn, p, vec![a])
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("appeal view").into())
}

/// The audiences of an appeal's events: the employee, the penilai and the decider (staff
/// when HR decides).
fn notify(state: &AppState, kind: &str, a: &appeal::Model, penilai_id: Uuid) {
    let ids = vec![a.id.to_string()];
    state
        .events
        .publish(kind, ids.clone(), Audience::Employee(a.employee_id));
    state
        .events
        .publish(kind, ids.clone(), Audience::Employee(penilai_id));
    if policy::appeal_decided_by_hr(a, penilai_id) {
        state.events.publish(kind, ids, Audience::Staff);
    } else {
        state
            .events
            .publish(kind, ids, Audience::Employee(a.decider_id));
    }
}

/// A trimmed, non-empty text of at most `max` characters, else 422 naming the field.
fn required_text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(ApiError::field(field, "Wajib diisi"));
    }
    if v.chars().count() > max {
        return Err(ApiError::field(field, format!("Maksimal {max} karakter")));
    }
    Ok(v.to_string())
}

/// Files an appeal against the employee's own published evaluation (that employee only),
/// within `appeal_days` days of publication.
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path)),
    request_body = AppealCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = AppealOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the evaluated employee", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`period_not_published`, `appeal_deadline_passed` or `appeal_exists`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Empty or too long reasons", body = ErrorResponse),
    )
)]
#[post("/periods/{id}/evaluations/{nip}/appeal")]
pub async fn file_appeal(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<AppealCreate>,
) -> ApiResult<HttpResponse> {
    let (period_id, nip) = path.into_inner();
    let reasons = required_text("reasons", &body.reasons, TEXT_MAX)?;
    let txn = state.db.write.begin().await?;
    let period = store::periods::find(&txn, period_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Periode tidak ditemukan".into()))?;
    let employee = store::employees::find_by_nip(&txn, &nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    policy::require(p.employee_id == Some(employee.id))?;
    if PeriodState::parse(&period.state) != Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            "period_not_published",
            "Keberatan hanya dapat diajukan setelah predikat dipublikasikan",
        ));
    }
    let ev = store::results::find_evaluation(&txn, period.id, employee.id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Tidak ada penilaian Anda pada periode ini".into()))?;
    let settings = &state.settings;
    let now = Utc::now();
    if let Some(published_at) = period.published_at
        && !within(
            now,
            published_at,
            settings.appeal_days,
            settings.local_offset(),
        )
    {
        let last = deadline(published_at, settings.appeal_days, settings.local_offset())
            .with_timezone(&settings.local_offset());
        return Err(ApiError::conflict(
            "appeal_deadline_passed",
            format!(
                "Batas waktu keberatan ({} hari setelah publikasi) sudah lewat pada {}",
                settings.appeal_days,
                last.format("%d-%m-%Y %H:%M")
            ),
        ));
    }
    if store::appeals::find_by_evaluation(&txn, ev.id)
        .await?
        .is_some()
    {
        return Err(ApiError::conflict(
            "appeal_exists",
            "Keberatan atas penilaian ini sudah diajukan",
        ));
    }
    // The atasan pejabat penilai: the penilai's direct supervisor now. Without one, the
    // penilai is recorded and HR decides.
    let penilai = store::employees::find_by_id(&txn, ev.penilai_id).await?;
    let decider_id = penilai
        .and_then(|pe| pe.supervisor_id)
        .filter(|s| *s != employee.id)
        .unwrap_or(ev.penilai_id);
    let a = appeal::ActiveModel {
        id: Set(Uuid::now_v7()),
        evaluation_id: Set(ev.id),
        employee_id: Set(employee.id),
        decider_id: Set(decider_id),
        reasons: Set(reasons),
        employee_statement: Set(None),
        penilai_statement: Set(None),
        status: Set("filed".into()),
        decision: Set(None),
        decision_reason: Set(None),
        old_rating_hasil_kerja: Set(ev.rating_hasil_kerja.clone()),
        old_rating_perilaku: Set(ev.rating_perilaku.clone()),
        old_predikat: Set(ev.predikat.clone()),
        new_rating_hasil_kerja: Set(None),
        new_rating_perilaku: Set(None),
        new_predikat: Set(None),
        filed_at: Set(now),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_appeals_evaluation") {
            ApiError::conflict(
                "appeal_exists",
                "Keberatan atas penilaian ini sudah diajukan",
            )
        } else {
            ApiError::from(e)
        }
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "appeal.file",
        "appeal",
        &a.id.to_string(),
        json!({
            "period": period.id, "nip": employee.nip, "evaluation": ev.id,
            "decider": if decider_id == ev.penilai_id { json!("hr") } else { json!(decider_id) },
            "predikat": ev.predikat
        }),
    )
    .await?;
    let out = view_one(&txn, &p, a.clone()).await?;
    txn.commit().await?;
    notify(&state, "appeal_filed", &a, ev.penilai_id);
    Ok(HttpResponse::Created().json(out))
}

/// Lists appeals: `mine` (filed by me, default), `penilai` (against my evaluations),
/// `to_decide` (mine to decide; HR/admin also those HR decides), `all` (admin, HR, auditor).
#[utoipa::path(
    tag = "appeals",
    params(AppealQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AppealList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "`all` without admin, HR or auditor role", body = ErrorResponse),
        (status = 422, description = "Unknown role or status", body = ErrorResponse),
    )
)]
#[get("/appeals")]
pub async fn list_appeals(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<AppealQuery>,
) -> ApiResult<web::Json<AppealList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s @ ("filed" | "decided")) => Some(s.to_string()),
        Some(_) => return Err(ApiError::field("status", "Status harus filed atau decided")),
    };
    let role = q
        .role
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("mine");
    // An account without an employee record matches no employee-scoped appeal.
    let me = p.employee_id.unwrap_or(Uuid::nil());
    let mut f = AppealFilter {
        status,
        ..AppealFilter::default()
    };
    match role {
        "mine" => f.employee_id = Some(me),
        "penilai" => f.penilai_id = Some(me),
        "to_decide" => {
            f.decider_id = p.employee_id;
            f.hr_decides = p.has_role("hr") || p.has_role("admin");
            if f.decider_id.is_none() && !f.hr_decides {
                f.decider_id = Some(me);
            }
        }
        "all" => policy::require(p.has_role("admin") || p.has_role("hr") || p.has_role("auditor"))?,
        _ => {
            return Err(ApiError::field(
                "role",
                "Peran harus mine, penilai, to_decide atau all",
            ));
        }
    }
    let db = &state.db.read;
    let (list, total) = store::appeals::list(db, &f, page).await?;
    Ok(web::Json(AppealList {
        role: role.to_string(),
        items: views(db, &p, list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Loads an appeal with its evaluation; 404 when missing or not visible to the caller.
async fn load_visible<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<(appeal::Model, evaluation::Model)> {
    let a = store::appeals::find(conn, id)
        .await?
        .ok_or_else(not_found)?;
    let ev = evaluation::Entity::find_by_id(a.evaluation_id)
        .one(conn)
        .await?
        .ok_or_else(not_found)?;
    if !policy::can_read_appeal(p, &a, ev.penilai_id) {
        return Err(not_found());
    }
    Ok((a, ev))
}

/// One appeal (the employee, the penilai, the decider, admin, HR, auditor).
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AppealOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/appeals/{id}")]
pub async fn get_appeal(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<AppealOut>> {
    let db = &state.db.read;
    let (a, _) = load_visible(db, &p, *id).await?;
    Ok(web::Json(view_one(db, &p, a).await?))
}

fn refuse_decided(a: &appeal::Model) -> ApiResult<()> {
    if a.status != "filed" {
        return Err(ApiError::conflict(
            "appeal_decided",
            "Keberatan ini sudah diputuskan dan bersifat final",
        ));
    }
    Ok(())
}

/// Adds or replaces one side's statement while the appeal is undecided: the employee
/// writes `employee_statement`, the penilai `penilai_statement`.
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path)),
    request_body = StatementsInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AppealOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Writing the other side's statement, or not a party", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`appeal_decided`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Empty or too long statement", body = ErrorResponse),
    )
)]
#[put("/appeals/{id}/statements")]
pub async fn update_statements(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<StatementsInput>,
) -> ApiResult<web::Json<AppealOut>> {
    let employee_statement = body
        .employee_statement
        .as_deref()
        .map(|s| required_text("employee_statement", s, TEXT_MAX))
        .transpose()?;
    let penilai_statement = body
        .penilai_statement
        .as_deref()
        .map(|s| required_text("penilai_statement", s, TEXT_MAX))
        .transpose()?;
    if employee_statement.is_none() && penilai_statement.is_none() {
        return Err(ApiError::field(
            "employee_statement",
            "Isi employee_statement atau penilai_statement",
        ));
    }
    let txn = state.db.write.begin().await?;
    let (a, ev) = load_visible(&txn, &p, *id).await?;
    let me = p.employee_id;
    let is_employee = me == Some(a.employee_id);
    let is_penilai = me == Some(ev.penilai_id);
    policy::require(
        (employee_statement.is_none() || is_employee)
            && (penilai_statement.is_none() || is_penilai),
    )?;
    refuse_decided(&a)?;
    let mut am: appeal::ActiveModel = a.into();
    if let Some(s) = &employee_statement {
        am.employee_statement = Set(Some(s.clone()));
    }
    if let Some(s) = &penilai_statement {
        am.penilai_statement = Set(Some(s.clone()));
    }
    am.updated_at = Set(Utc::now());
    let a = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "appeal.statement",
        "appeal",
        &a.id.to_string(),
        json!({
            "employee_statement": employee_statement.is_some(),
            "penilai_statement": penilai_statement.is_some()
        }),
    )
    .await?;
    let out = view_one(&txn, &p, a.clone()).await?;
    txn.commit().await?;
    notify(&state, "appeal_updated", &a, ev.penilai_id);
    Ok(web::Json(out))
}

/// Decides an appeal, once and finally (the atasan pejabat penilai only; HR/admin when the
/// penilai has no supervisor). `change` sets the new ratings on the evaluation and the
/// predikat from the matrix.
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path)),
    request_body = DecideInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AppealOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the decider (the penilai and the employee never are)", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`appeal_decided`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Missing reason, or ratings that contradict the decision", body = ErrorResponse),
    )
)]
#[post("/appeals/{id}/decide")]
pub async fn decide_appeal(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<DecideInput>,
) -> ApiResult<web::Json<AppealOut>> {
    let reason = required_text("reason", &body.reason, REASON_MAX)?;
    let txn = state.db.write.begin().await?;
    let (a, ev) = load_visible(&txn, &p, *id).await?;
    policy::require(policy::can_decide_appeal(&p, &a, ev.penilai_id))?;
    refuse_decided(&a)?;
    let old = (
        Rating::parse(&ev.rating_hasil_kerja),
        Rating::parse(&ev.rating_perilaku),
    );
    let (Some(old_hk), Some(old_pk)) = old else {
        return Err(anyhow::anyhow!("stored ratings not recognised").into());
    };
    let (hk, pk, pr) = decide(
        body.decision,
        (old_hk, old_pk),
        body.rating_hasil_kerja,
        body.rating_perilaku,
    )
    .map_err(|(field, msg)| ApiError::field(field, msg))?;
    let now = Utc::now();
    let changed = body.decision == Decision::Change;
    if changed {
        let mut em: evaluation::ActiveModel = ev.clone().into();
        em.rating_hasil_kerja = Set(hk.as_str().into());
        em.rating_perilaku = Set(pk.as_str().into());
        em.predikat = Set(pr.as_str().into());
        em.updated_at = Set(now);
        em.update(&txn).await?;
        store::audit::append(
            &txn,
            &p.actor(),
            "evaluation.appeal_change",
            "evaluation",
            &ev.id.to_string(),
            json!({
                "appeal": a.id,
                "from": { "hasil_kerja": ev.rating_hasil_kerja, "perilaku": ev.rating_perilaku, "predikat": ev.predikat },
                "to": { "hasil_kerja": hk.as_str(), "perilaku": pk.as_str(), "predikat": pr.as_str() }
            }),
        )
        .await?;
    }
    let mut am: appeal::ActiveModel = a.into();
    am.status = Set("decided".into());
    am.decision = Set(Some(body.decision.as_str().into()));
    am.decision_reason = Set(Some(reason.clone()));
    if changed {
        am.new_rating_hasil_kerja = Set(Some(hk.as_str().into()));
        am.new_rating_perilaku = Set(Some(pk.as_str().into()));
        am.new_predikat = Set(Some(pr.as_str().into()));
    }
    am.decided_at = Set(Some(now));
    am.updated_at = Set(now);
    let a = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "appeal.decide",
        "appeal",
        &a.id.to_string(),
        json!({
            "decision": body.decision.as_str(), "reason": reason,
            "predikat": pr.as_str(), "previous_predikat": ev.predikat
        }),
    )
    .await?;
    let out = view_one(&txn, &p, a.clone()).await?;
    txn.commit().await?;
    notify(&state, "appeal_decided", &a, ev.penilai_id);
    if changed {
        state.events.publish(
            "evaluation_updated",
            vec![ev.id.to_string()],
            Audience::Staff,
        );
    }
    Ok(web::Json(out))
}
