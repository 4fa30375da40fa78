//! Career development (DOMAIN.md §7 "Development"): recommendations computed from published
//! results, development plans confirmed by the direct supervisor, progress and certificates
//! recorded by the employee, the training catalogue (HR) and training hours against the
//! 20 JP/year target.
//!
//! Invariants:
//! - recommendations are computed on read from published periods (never stored), so they
//!   always follow the current evaluations (appeals included) and the current catalogue;
//!   every one states its cause and rule;
//! - only the direct supervisor creates a plan; only the employee updates an item's progress
//!   or attaches certificates; plans are read by the employee, their supervisor chain and
//!   admin/HR/auditor — anyone else gets 403;
//! - certificate files follow the bukti dukung rules: declared type accepted, magic bytes
//!   must match, size bounded, stored under a random key, served as an attachment.

use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put, web};
use chrono::{Datelike, NaiveDate, Utc};
use entity::{
    development_certificate as cert, development_item as item, development_plan as plan, employee,
    period, training,
};
use futures_util::StreamExt;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::PageMeta;
use crate::auth::{Principal, policy};
use crate::domain::angka_kredit::family_key;
use crate::domain::berakhlak::CoreValue;
use crate::domain::development::{
    self as rules, Action, Colleague, Course, ItemKind, ItemStatus, TARGET_JP_PER_YEAR,
    TrainingMode, Trigger,
};
use crate::domain::master::full_name;
use crate::domain::predikat::Predikat;
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors, RowError};
use crate::state::AppState;
use crate::store;
use crate::uploads;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_recommendations)
        .service(create_plan)
        .service(list_plans)
        .service(update_item)
        .service(upload_certificate)
        .service(download_certificate)
        .service(delete_certificate)
        .service(list_plan_items)
        .service(completed_development)
        .service(list_trainings)
        .service(create_training)
        .service(import_trainings)
        .service(get_training)
        .service(update_training)
        .service(delete_training)
        .service(employee_training_hours)
        .service(unit_training_hours);
}

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

pub(crate) async fn employee_by_nip<C: ConnectionTrait>(
    conn: &C,
    nip: &str,
) -> ApiResult<employee::Model> {
    store::employees::find_by_nip(conn, nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))
}

pub(crate) fn display_name(e: &employee::Model) -> String {
    full_name(
        &e.name,
        e.gelar_depan.as_deref(),
        e.gelar_belakang.as_deref(),
    )
}

/// Date bounds for open ranges. Not `NaiveDate::MIN/MAX`: SQLite compares dates as text,
/// and those format with a sign and six-digit years.
pub(crate) const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
pub(crate) const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

pub(crate) fn today(state: &AppState) -> NaiveDate {
    Utc::now()
        .with_timezone(&state.settings.local_offset())
        .date_naive()
}

/// Trims and bounds a required text field.
fn required_text(errors: &mut FieldErrors, field: &str, v: &str, max: usize) -> String {
    let t = v.trim();
    if t.is_empty() {
        errors
            .entry(field.into())
            .or_default()
            .push("Wajib diisi".into());
    } else if t.chars().count() > max {
        errors
            .entry(field.into())
            .or_default()
            .push(format!("Maksimal {max} karakter"));
    }
    t.to_string()
}

fn optional_text(
    errors: &mut FieldErrors,
    field: &str,
    v: Option<&str>,
    max: usize,
) -> Option<String> {
    let t = v.map(str::trim).filter(|t| !t.is_empty())?;
    if t.chars().count() > max {
        errors
            .entry(field.into())
            .or_default()
            .push(format!("Maksimal {max} karakter"));
    }
    Some(t.to_string())
}

fn check(errors: FieldErrors) -> ApiResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Hours (JP): a whole number 1..=500 (integral floats accepted).
fn hours_of(errors: &mut FieldErrors, field: &str, n: Option<&serde_json::Number>) -> Option<i32> {
    let n = n?;
    let v = n.as_i64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e9)
            .map(|f| f as i64)
    });
    match v {
        Some(v) if (1..=500).contains(&v) => Some(v as i32),
        _ => {
            errors
                .entry(field.into())
                .or_default()
                .push("Jam pelajaran harus bilangan bulat 1–500".into());
            None
        }
    }
}

// ---------------------------------------------------------------------------------------
// Recommendations
// ---------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema, Clone)]
pub struct PeriodBrief {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub kind: String,
    pub number: i32,
}

impl From<&period::Model> for PeriodBrief {
    fn from(p: &period::Model) -> Self {
        PeriodBrief {
            id: p.id,
            name: p.name.clone(),
            year: p.year,
            kind: p.kind.clone(),
            number: p.number,
        }
    }
}

#[derive(Serialize, ToSchema, Clone)]
pub struct RecommendedAction {
    /// `training` or `mentoring`.
    pub kind: String,
    pub title: String,
    pub training_id: Option<Uuid>,
    pub hours: Option<i32>,
    pub mode: Option<String>,
    pub provider: Option<String>,
    pub mentor_nip: Option<String>,
    pub mentor_name: Option<String>,
    pub mentor_jabatan: Option<String>,
    /// The mentor's own 360 mean in the value concerned.
    pub mentor_mean: Option<f64>,
    pub reason: String,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct RecommendationOut {
    /// Stable key of the recommendation within the period (`predikat` or `value:<code>`).
    pub key: String,
    /// `predikat` or `value_360`.
    pub trigger: String,
    pub period: PeriodBrief,
    pub predikat: Option<Predikat>,
    pub predikat_label: Option<String>,
    pub value_code: Option<CoreValue>,
    pub value_label: Option<String>,
    /// The 360 mean of the value (all submitted non-self responses of the period).
    pub mean: Option<f64>,
    pub responses: Option<u32>,
    pub rule: String,
    /// Why: period, predikat or value + mean.
    pub cause: String,
    pub actions: Vec<RecommendedAction>,
}

#[derive(Serialize, ToSchema)]
pub struct RecommendationList {
    pub nip: String,
    pub name: String,
    /// The published period the recommendations come from (none when nothing is published).
    pub period: Option<PeriodBrief>,
    pub items: Vec<RecommendationOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct RecommendationQuery {
    /// A published period; default: the latest published period with a result for the employee.
    pub period_id: Option<Uuid>,
}

/// Computes the recommendations of one employee for one published period (pure rules in
/// `domain::development`; this loads their inputs with a fixed number of queries).
pub async fn recommendations_for<C: ConnectionTrait>(
    conn: &C,
    emp: &employee::Model,
    period: &period::Model,
) -> ApiResult<Vec<RecommendationOut>> {
    let own = store::career::evaluations_of(conn, &[period.id], &[emp.id]).await?;
    let predikat = own.first().and_then(|e| Predikat::parse(&e.predikat));
    let means_all = store::career::value_means(conn, period.id, &[emp.id]).await?;
    let means = means_all.get(&emp.id).copied().unwrap_or([None; 7]);

    let catalogue = store::career::list_trainings(
        conn,
        &store::career::TrainingFilter {
            active: Some(true),
            ..Default::default()
        },
    )
    .await?;
    let courses: Vec<Course> = catalogue
        .iter()
        .enumerate()
        .map(|(i, t)| Course {
            index: i,
            title: t.title.clone(),
            value: t.value_code.as_deref().and_then(CoreValue::parse),
        })
        .collect();

    let family = crate::domain::angka_kredit::parse_jabatan(&emp.jabatan).family;
    let my_family = family.to_lowercase();
    let people = store::career::colleagues(conn, emp, &family).await?;
    let ids: Vec<Uuid> = people.iter().map(|c| c.id).collect();
    let evals: HashMap<Uuid, Predikat> = store::career::evaluations_of(conn, &[period.id], &ids)
        .await?
        .into_iter()
        .filter_map(|e| Predikat::parse(&e.predikat).map(|p| (e.employee_id, p)))
        .collect();
    let their_means = store::career::value_means(conn, period.id, &ids).await?;
    // Index 0 is reserved for the employee (never a colleague).
    let colleagues: Vec<Colleague> = people
        .iter()
        .enumerate()
        .map(|(i, c)| Colleague {
            index: i + 1,
            name: c.name.clone(),
            same_family: family_key(&c.jabatan) == my_family,
            same_unit: c.unit_id == emp.unit_id,
            predikat: evals.get(&c.id).copied(),
            means: their_means
                .get(&c.id)
                .map(|m| m.map(|x| x.map(|(v, _)| v)))
                .unwrap_or([None; 7]),
        })
        .collect();

    let recs = rules::recommend(&period.name, predikat, &means, &courses, &colleagues, 0);
    let brief = PeriodBrief::from(period);
    Ok(recs
        .into_iter()
        .map(|r| {
            let actions = r
                .actions
                .iter()
                .filter_map(|a| match a {
                    Action::Training { course, reason } => {
                        let t = catalogue.get(*course)?;
                        Some(RecommendedAction {
                            kind: "training".into(),
                            title: t.title.clone(),
                            training_id: Some(t.id),
                            hours: Some(t.hours),
                            mode: Some(t.mode.clone()),
                            provider: Some(t.provider.clone()),
                            mentor_nip: None,
                            mentor_name: None,
                            mentor_jabatan: None,
                            mentor_mean: None,
                            reason: reason.clone(),
                        })
                    }
                    Action::Mentoring {
                        colleague,
                        value,
                        mean,
                        reason,
                    } => {
                        let m = people.get(colleague.checked_sub(1)?)?;
                        Some(RecommendedAction {
                            kind: "mentoring".into(),
                            title: format!(
                                "Mentoring {}oleh {}",
                                value.map_or(String::new(), |v| format!(
                                    "nilai {} ",
                                    v.info().name_id
                                )),
                                display_name(m)
                            ),
                            training_id: None,
                            hours: None,
                            mode: None,
                            provider: None,
                            mentor_nip: Some(m.nip.clone()),
                            mentor_name: Some(display_name(m)),
                            mentor_jabatan: Some(m.jabatan.clone()),
                            mentor_mean: Some((mean * 100.0).round() / 100.0),
                            reason: reason.clone(),
                        })
                    }
                })
                .collect();
            let (key, trigger, predikat, value, mean, responses) = match r.trigger {
                Trigger::Predikat(p) => (
                    "predikat".to_string(),
                    "predikat",
                    Some(p),
                    None,
                    None,
                    None,
                ),
                Trigger::Value {
                    value,
                    mean,
                    responses,
                } => (
                    format!("value:{}", value.as_str()),
                    "value_360",
                    None,
                    Some(value),
                    Some((mean * 100.0).round() / 100.0),
                    Some(responses),
                ),
            };
            RecommendationOut {
                key,
                trigger: trigger.into(),
                period: brief.clone(),
                predikat,
                predikat_label: predikat.map(|p| p.label().into()),
                value_code: value,
                value_label: value.map(|v| v.info().name_id.into()),
                mean,
                responses,
                rule: r.rule,
                cause: r.cause,
                actions,
            }
        })
        .collect())
}

/// The development recommendations of an employee for a published period, each with its
/// cause and rule (computed on read). Readers: the employee, their supervisor chain,
/// admin/HR/auditor.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path), RecommendationQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RecommendationList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Unknown NIP, or the period does not exist or is not published", body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/recommendations")]
pub async fn get_recommendations(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<RecommendationQuery>,
) -> ApiResult<web::Json<RecommendationList>> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let period = match q.period_id {
        Some(id) => Some(
            store::periods::find(db, id)
                .await?
                .filter(|p| p.state == "published")
                .ok_or_else(|| ApiError::NotFound("Periode terbit tidak ditemukan".into()))?,
        ),
        None => {
            let published = store::career::published_periods(db).await?;
            store::career::latest_result_period(db, &published, emp.id).await?
        }
    };
    let items = match &period {
        Some(per) => recommendations_for(db, &emp, per).await?,
        None => Vec::new(),
    };
    Ok(web::Json(RecommendationList {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        period: period.as_ref().map(PeriodBrief::from),
        items,
    }))
}

// ---------------------------------------------------------------------------------------
// Development plans
// ---------------------------------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct PlanItemInput {
    pub kind: ItemKind,
    #[schema(max_length = 200)]
    pub title: String,
    pub training_id: Option<Uuid>,
    pub mentor_nip: Option<String>,
    pub due_on: NaiveDate,
    /// Training hours (JP) credited when done, 1–500.
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 500)]
    pub hours: Option<serde_json::Number>,
    /// Why (the recommendation's cause, or the supervisor's own words).
    #[schema(max_length = 1000)]
    pub cause: String,
}

#[derive(Deserialize, ToSchema)]
pub struct PlanInput {
    #[schema(max_length = 200)]
    pub title: Option<String>,
    /// The published period whose result prompted the plan.
    pub period_id: Option<Uuid>,
    /// 1–20 items.
    pub items: Vec<PlanItemInput>,
}

#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemOut {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub kind: ItemKind,
    pub title: String,
    pub training_id: Option<Uuid>,
    pub training_title: Option<String>,
    pub mentor_nip: Option<String>,
    pub mentor_name: Option<String>,
    pub due_on: NaiveDate,
    pub hours: Option<i32>,
    pub cause: String,
    pub status: ItemStatus,
    pub progress_note: Option<String>,
    pub completed_on: Option<NaiveDate>,
    /// Not done and past its due date.
    pub overdue: bool,
    pub certificates: Vec<CertificateOut>,
    /// The employee (in lists across employees).
    pub nip: Option<String>,
    pub name: Option<String>,
    pub unit_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanOut {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub supervisor_nip: String,
    pub supervisor_name: String,
    pub title: String,
    pub period_id: Option<Uuid>,
    pub created_at: chrono::DateTime<Utc>,
    pub items: Vec<ItemOut>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanList {
    pub items: Vec<PlanOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemList {
    pub items: Vec<ItemOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemPage {
    pub items: Vec<ItemOut>,
    pub meta: PageMeta,
}

fn cert_view(c: cert::Model) -> CertificateOut {
    CertificateOut {
        id: c.id,
        file_name: c.file_name,
        content_type: c.content_type,
        size_bytes: c.size_bytes,
        sha256: c.sha256,
        created_at: c.created_at,
    }
}

/// Views of items with their training, mentor and certificates (loaded by id sets).
/// `owners` maps plan id → employee, for lists across employees.
async fn item_views<C: ConnectionTrait>(
    conn: &C,
    items: Vec<item::Model>,
    today: NaiveDate,
    owners: Option<&HashMap<Uuid, (employee::Model, Option<String>)>>,
) -> ApiResult<Vec<ItemOut>> {
    let trainings =
        store::career::trainings_by_ids(conn, items.iter().filter_map(|i| i.training_id).collect())
            .await?;
    let mentors =
        store::employees::find_by_ids(conn, items.iter().filter_map(|i| i.mentor_id).collect())
            .await?;
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let mut certs: HashMap<Uuid, Vec<CertificateOut>> = HashMap::new();
    for c in store::career::certificates_of(conn, &ids).await? {
        certs.entry(c.item_id).or_default().push(cert_view(c));
    }
    Ok(items
        .into_iter()
        .map(|i| {
            let status = ItemStatus::parse(&i.status).unwrap_or(ItemStatus::Planned);
            let mentor = i.mentor_id.and_then(|m| mentors.get(&m));
            let owner = owners.and_then(|o| o.get(&i.plan_id));
            ItemOut {
                id: i.id,
                plan_id: i.plan_id,
                kind: ItemKind::parse(&i.kind).unwrap_or(ItemKind::Other),
                title: i.title,
                training_id: i.training_id,
                training_title: i
                    .training_id
                    .and_then(|t| trainings.get(&t))
                    .map(|t| t.title.clone()),
                mentor_nip: mentor.map(|m| m.nip.clone()),
                mentor_name: mentor.map(display_name),
                due_on: i.due_on,
                hours: i.hours,
                cause: i.cause,
                status,
                progress_note: i.progress_note,
                completed_on: i.completed_on,
                overdue: rules::is_overdue(status, i.due_on, today),
                certificates: certs.remove(&i.id).unwrap_or_default(),
                nip: owner.map(|(e, _)| e.nip.clone()),
                name: owner.map(|(e, _)| display_name(e)),
                unit_code: owner.and_then(|(_, u)| u.clone()),
            }
        })
        .collect())
}

async fn plan_views<C: ConnectionTrait>(
    conn: &C,
    plans: Vec<plan::Model>,
    today: NaiveDate,
) -> ApiResult<Vec<PlanOut>> {
    let plan_ids: Vec<Uuid> = plans.iter().map(|p| p.id).collect();
    let items = store::career::items_of_plans(conn, &plan_ids).await?;
    let mut by_plan: HashMap<Uuid, Vec<ItemOut>> = HashMap::new();
    for v in item_views(conn, items, today, None).await? {
        by_plan.entry(v.plan_id).or_default().push(v);
    }
    let mut people: Vec<Uuid> = plans.iter().map(|p| p.employee_id).collect();
    people.extend(plans.iter().map(|p| p.supervisor_id));
    let emps = store::employees::find_by_ids(conn, people).await?;
    Ok(plans
        .into_iter()
        .map(|p| {
            let e = emps.get(&p.employee_id);
            let s = emps.get(&p.supervisor_id);
            PlanOut {
                id: p.id,
                nip: e.map(|e| e.nip.clone()).unwrap_or_default(),
                name: e.map(display_name).unwrap_or_default(),
                supervisor_nip: s.map(|s| s.nip.clone()).unwrap_or_default(),
                supervisor_name: s.map(display_name).unwrap_or_default(),
                title: p.title,
                period_id: p.period_id,
                created_at: p.created_at,
                items: by_plan.remove(&p.id).unwrap_or_default(),
            }
        })
        .collect())
}

/// Creates a development plan for a subordinate (the DIRECT supervisor only), from
/// recommendations or free items.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path)),
    request_body = PlanInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = PlanOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the employee's direct supervisor", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Invalid items, or a referenced training, mentor or period does not exist", body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/development-plans")]
pub async fn create_plan(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<PlanInput>,
) -> ApiResult<HttpResponse> {
    let txn = state.db.write.begin().await?;
    let emp = employee_by_nip(&txn, &nip).await?;
    policy::require(policy::is_direct_supervisor(&p, &emp))?;
    let supervisor_id = p.employee_id.ok_or(ApiError::Forbidden)?;

    let mut errors = FieldErrors::new();
    let title = optional_text(&mut errors, "title", body.title.as_deref(), 200)
        .unwrap_or_else(|| "Rencana pengembangan kompetensi".into());
    if body.items.is_empty() || body.items.len() > 20 {
        errors
            .entry("items".into())
            .or_default()
            .push("Isi 1–20 butir rencana".into());
    }
    if let Some(pid) = body.period_id {
        let ok = store::periods::find(&txn, pid).await?.is_some();
        if !ok {
            errors
                .entry("period_id".into())
                .or_default()
                .push("Periode tidak ditemukan".into());
        }
    }
    let training_ids: Vec<Uuid> = body.items.iter().filter_map(|i| i.training_id).collect();
    let trainings = store::career::trainings_by_ids(&txn, training_ids).await?;
    let mentor_nips: Vec<String> = body
        .items
        .iter()
        .filter_map(|i| i.mentor_nip.as_deref().map(str::trim).map(str::to_string))
        .filter(|n| !n.is_empty())
        .collect();
    let mentors = store::employees::find_by_nips(&txn, mentor_nips).await?;
    let now = Utc::now();
    let mut rows = Vec::new();
    for (pos, it) in body.items.iter().enumerate() {
        let f = |name: &str| format!("items[{pos}].{name}");
        let t = required_text(&mut errors, &f("title"), &it.title, 200);
        let cause = required_text(&mut errors, &f("cause"), &it.cause, 1000);
        let hours = hours_of(&mut errors, &f("hours"), it.hours.as_ref());
        let training = it.training_id.and_then(|id| trainings.get(&id));
        if it.training_id.is_some() && training.is_none() {
            errors
                .entry(f("training_id"))
                .or_default()
                .push("Pelatihan tidak ada di katalog".into());
        }
        let mentor_nip = it
            .mentor_nip
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let mentor = mentor_nip.and_then(|n| mentors.get(n));
        if let Some(n) = mentor_nip {
            match mentor {
                None => errors
                    .entry(f("mentor_nip"))
                    .or_default()
                    .push(format!("Pegawai dengan NIP {n} tidak ditemukan")),
                Some(m) if m.id == emp.id => errors
                    .entry(f("mentor_nip"))
                    .or_default()
                    .push("Mentor tidak boleh pegawai itu sendiri".into()),
                _ => {}
            }
        }
        if it.kind == ItemKind::Mentoring && mentor_nip.is_none() {
            errors
                .entry(f("mentor_nip"))
                .or_default()
                .push("Mentoring memerlukan mentor".into());
        }
        if !(2000..=2100).contains(&it.due_on.year()) {
            errors
                .entry(f("due_on"))
                .or_default()
                .push("Tanggal tidak wajar".into());
        }
        rows.push(item::ActiveModel {
            id: Set(Uuid::now_v7()),
            plan_id: Set(Uuid::nil()),
            kind: Set(it.kind.as_str().into()),
            title: Set(t),
            training_id: Set(training.map(|t| t.id)),
            mentor_id: Set(mentor.map(|m| m.id)),
            due_on: Set(it.due_on),
            hours: Set(hours.or_else(|| training.map(|t| t.hours))),
            cause: Set(cause),
            status: Set(ItemStatus::Planned.as_str().into()),
            progress_note: Set(None),
            completed_on: Set(None),
            position: Set(pos as i32),
            created_at: Set(now),
            updated_at: Set(now),
        });
    }
    check(errors)?;
    let plan = plan::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(emp.id),
        supervisor_id: Set(supervisor_id),
        period_id: Set(body.period_id),
        title: Set(title),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for mut r in rows {
        r.plan_id = Set(plan.id);
        r.insert(&txn).await?;
    }
    store::audit::append(
        &txn,
        &p.actor(),
        "development_plan.create",
        "development_plan",
        &plan.id.to_string(),
        json!({ "nip": emp.nip, "items": body.items.len(), "period": body.period_id }),
    )
    .await?;
    let out = plan_views(&txn, vec![plan], today(&state))
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("plan view missing"))?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// An employee's development plans with items and certificates (the employee, their
/// supervisor chain, admin/HR/auditor; anyone else 403).
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = PlanList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/development-plans")]
pub async fn list_plans(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
) -> ApiResult<web::Json<PlanList>> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let plans = store::career::plans_of(db, emp.id).await?;
    Ok(web::Json(PlanList {
        items: plan_views(db, plans, today(&state)).await?,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ItemProgressInput {
    pub status: Option<ItemStatus>,
    #[schema(max_length = 2000)]
    pub progress_note: Option<String>,
    /// When the item was finished (default today; not in the future).
    pub completed_on: Option<NaiveDate>,
}

fn item_not_found() -> ApiError {
    ApiError::NotFound("Butir rencana pengembangan tidak ditemukan".into())
}

/// Updates an item's progress (the employee only): status, note, completion date.
/// Done sets `completed_on` (given or today); leaving done clears it.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id")),
    request_body = ItemProgressInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ItemOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the plan's employee", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[patch("/development-items/{id}")]
pub async fn update_item(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ItemProgressInput>,
) -> ApiResult<web::Json<ItemOut>> {
    let today = today(&state);
    let txn = state.db.write.begin().await?;
    let (it, pl) = store::career::find_item(&txn, *id)
        .await?
        .ok_or_else(item_not_found)?;
    // Only the employee records progress; supervisors and HR read it.
    policy::require(policy::is_self(&p, pl.employee_id))?;
    let mut errors = FieldErrors::new();
    let note = optional_text(
        &mut errors,
        "progress_note",
        body.progress_note.as_deref(),
        2000,
    );
    if body
        .completed_on
        .is_some_and(|d| d > today || d.year() < 2000)
    {
        errors
            .entry("completed_on".into())
            .or_default()
            .push("Tanggal selesai tidak boleh di masa depan".into());
    }
    check(errors)?;
    let status = body
        .status
        .unwrap_or(ItemStatus::parse(&it.status).unwrap_or(ItemStatus::Planned));
    let completed_on = match status {
        ItemStatus::Done => body.completed_on.or(it.completed_on).or(Some(today)),
        _ => None,
    };
    let before = (it.status.clone(), it.completed_on);
    let mut am: item::ActiveModel = it.into();
    am.status = Set(status.as_str().into());
    if body.progress_note.is_some() {
        am.progress_note = Set(note);
    }
    am.completed_on = Set(completed_on);
    am.updated_at = Set(Utc::now());
    let saved = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "development_item.update",
        "development_item",
        &saved.id.to_string(),
        json!({ "from": before.0, "to": saved.status, "completed_on": saved.completed_on }),
    )
    .await?;
    let out = item_views(&txn, vec![saved], today, None)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("item view missing"))?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// The raw bytes of a certificate file (documentation type).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct CertificateFile(pub Vec<u8>);

#[derive(Deserialize, IntoParams)]
pub struct CertificateQuery {
    /// The original file name (only its last segment is kept, sanitised).
    pub file_name: Option<String>,
}

/// Attaches a certificate to an item (the employee only). The body is the raw file with
/// its `Content-Type` (PDF, PNG, JPEG, WebP, DOCX, XLSX, CSV or plain text); the bytes must
/// match the declared type and fit `upload_max_bytes`.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id"), CertificateQuery),
    request_body(
        description = "The raw file bytes",
        content(
            (CertificateFile = "application/pdf"),
            (CertificateFile = "image/png"),
            (CertificateFile = "image/jpeg"),
            (CertificateFile = "image/webp"),
            (CertificateFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (CertificateFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (CertificateFile = "text/csv"),
            (CertificateFile = "text/plain"),
        )
    ),
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = CertificateOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the plan's employee", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`certificate_limit`: at most 10 files per item", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, description = "Type not accepted, or the bytes do not match it", body = ErrorResponse),
        (status = 422, description = "Empty file", body = ErrorResponse),
    )
)]
#[post("/development-items/{id}/certificates")]
pub async fn upload_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<CertificateQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let (it, pl) = store::career::find_item(&state.db.read, *id)
        .await?
        .ok_or_else(item_not_found)?;
    policy::require(policy::is_self(&p, pl.employee_id))?;
    let up = uploads::receive(&req, payload, &state.settings, q.file_name.as_deref()).await?;
    let (file_type, file_name, key, sha, size) = (
        up.file_type,
        up.file_name.clone(),
        up.key.clone(),
        up.sha256.clone(),
        up.size,
    );
    let uploader = pl.employee_id;
    let saved: ApiResult<cert::Model> = async {
        let txn = state.db.write.begin().await?;
        let existing = store::career::certificates_of(&txn, &[it.id]).await?;
        if existing.len() >= 10 {
            return Err(ApiError::conflict(
                "certificate_limit",
                "Maksimal 10 berkas sertifikat per butir",
            ));
        }
        let c = cert::ActiveModel {
            id: Set(Uuid::now_v7()),
            item_id: Set(it.id),
            file_name: Set(file_name.clone()),
            content_type: Set(file_type.mime().into()),
            size_bytes: Set(size),
            storage_key: Set(key.clone()),
            sha256: Set(sha.clone()),
            uploaded_by: Set(uploader),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
        store::audit::append(
            &txn,
            &p.actor(),
            "development_certificate.upload",
            "development_certificate",
            &c.id.to_string(),
            json!({ "item": it.id, "file_name": file_name, "size_bytes": size, "sha256": sha }),
        )
        .await?;
        txn.commit().await?;
        Ok(c)
    }
    .await;
    match saved {
        Ok(c) => Ok(HttpResponse::Created().json(cert_view(c))),
        Err(e) => {
            uploads::remove(up.path).await;
            Err(e)
        }
    }
}

fn cert_not_found() -> ApiError {
    ApiError::NotFound("Sertifikat tidak ditemukan".into())
}

/// Downloads a certificate (readers of the employee's plans), always as an attachment.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id"), ("cert_id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = CertificateFile),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/development-items/{id}/certificates/{cert_id}")]
pub async fn download_certificate(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (item_id, cert_id) = path.into_inner();
    let db = &state.db.read;
    let (_, pl) = store::career::find_item(db, item_id)
        .await?
        .ok_or_else(item_not_found)?;
    let owner = store::employees::find_by_id(db, pl.employee_id)
        .await?
        .ok_or_else(item_not_found)?;
    policy::require(policy::can_read_performance(db, &p, &owner).await?)?;
    let c = store::career::find_certificate(db, cert_id)
        .await?
        .filter(|c| c.item_id == item_id)
        .ok_or_else(cert_not_found)?;
    uploads::serve(
        &state.settings,
        &c.storage_key,
        &c.content_type,
        Some(&c.file_name),
    )
    .await?
    .ok_or_else(cert_not_found)
}

/// Removes a certificate (the employee only); the file is deleted from disk too.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id"), ("cert_id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[delete("/development-items/{id}/certificates/{cert_id}")]
pub async fn delete_certificate(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (item_id, cert_id) = path.into_inner();
    let txn = state.db.write.begin().await?;
    let (_, pl) = store::career::find_item(&txn, item_id)
        .await?
        .ok_or_else(item_not_found)?;
    policy::require(policy::is_self(&p, pl.employee_id))?;
    let c = store::career::find_certificate(&txn, cert_id)
        .await?
        .filter(|c| c.item_id == item_id)
        .ok_or_else(cert_not_found)?;
    cert::Entity::delete_by_id(c.id).exec(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "development_certificate.delete",
        "development_certificate",
        &c.id.to_string(),
        json!({ "item": item_id, "file_name": c.file_name, "sha256": c.sha256 }),
    )
    .await?;
    txn.commit().await?;
    if let Some(path) = uploads::stored_path(&state.settings.upload_dir, &c.storage_key) {
        uploads::remove(path).await;
    }
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, IntoParams)]
pub struct PlanItemQuery {
    /// Only employees of this unit and the units below it.
    pub unit_code: Option<String>,
    /// Only items not done and past their due date.
    pub overdue: Option<bool>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

/// Development plan items across employees for HR (admin/HR/auditor), by due date;
/// `overdue=true` keeps only items not done and past due.
#[utoipa::path(
    tag = "career",
    params(PlanItemQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ItemPage),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Unknown unit", body = ErrorResponse),
    )
)]
#[get("/development-plans")]
pub async fn list_plan_items(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<PlanItemQuery>,
) -> ApiResult<web::Json<ItemPage>> {
    policy::require(policy::reads_all_performance(&p))?;
    let page = super::page_req(q.page, q.per_page)?;
    let db = &state.db.read;
    let units = match super::unit_filter(db, q.unit_code.as_deref()).await? {
        Some(u) => Some(store::career::unit_subtree(db, u).await?),
        None => None,
    };
    let today = today(&state);
    let all = store::career::items_for_units(
        db,
        units.as_deref(),
        q.overdue.unwrap_or(false).then_some(today),
    )
    .await?;
    let total = all.len() as u64;
    let start = ((page.page - 1) * page.per_page).min(total) as usize;
    let slice: Vec<(item::Model, plan::Model)> = all
        .into_iter()
        .skip(start)
        .take(page.per_page as usize)
        .collect();
    let emps =
        store::employees::find_by_ids(db, slice.iter().map(|(_, p)| p.employee_id).collect())
            .await?;
    let unit_map =
        store::units::find_by_ids(db, emps.values().map(|e| e.unit_id).collect()).await?;
    let owners: HashMap<Uuid, (employee::Model, Option<String>)> = slice
        .iter()
        .filter_map(|(_, pl)| {
            let e = emps.get(&pl.employee_id)?;
            Some((
                pl.id,
                (e.clone(), unit_map.get(&e.unit_id).map(|u| u.code.clone())),
            ))
        })
        .collect();
    let items = item_views(
        db,
        slice.into_iter().map(|(i, _)| i).collect(),
        today,
        Some(&owners),
    )
    .await?;
    Ok(web::Json(ItemPage {
        items,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct CompletedQuery {
    /// Only items completed on or after this date (default: all).
    pub since: Option<NaiveDate>,
}

/// Finished development items of an employee (shown on the next period's evaluation
/// screens). Readers: the employee, their supervisor chain, admin/HR/auditor.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path), CompletedQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ItemList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/development/completed")]
pub async fn completed_development(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<CompletedQuery>,
) -> ApiResult<web::Json<ItemList>> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let from = q.since.unwrap_or(EARLIEST).clamp(EARLIEST, LATEST);
    let done = store::career::done_items(db, &[emp.id], from, LATEST).await?;
    let items = item_views(
        db,
        done.into_iter().map(|(i, _)| i).collect(),
        today(&state),
        None,
    )
    .await?;
    Ok(web::Json(ItemList { items }))
}

// ---------------------------------------------------------------------------------------
// Training catalogue
// ---------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct TrainingOut {
    pub id: Uuid,
    pub title: String,
    pub provider: String,
    pub value_code: Option<CoreValue>,
    pub value_label: Option<String>,
    pub competency: Option<String>,
    /// Length in JP (jam pelajaran).
    pub hours: i32,
    pub mode: TrainingMode,
    pub active: bool,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingList {
    pub items: Vec<TrainingOut>,
}

fn training_view(t: training::Model) -> TrainingOut {
    let value = t.value_code.as_deref().and_then(CoreValue::parse);
    TrainingOut {
        id: t.id,
        title: t.title,
        provider: t.provider,
        value_code: value,
        value_label: value.map(|v| v.info().name_id.into()),
        competency: t.competency,
        hours: t.hours,
        mode: TrainingMode::parse(&t.mode).unwrap_or(TrainingMode::Lainnya),
        active: t.active,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct TrainingQuery {
    /// Part of the title.
    pub q: Option<String>,
    /// A BerAKHLAK value code.
    pub value_code: Option<String>,
    /// `klasikal`, `e-learning`, `blended` or `lainnya`.
    pub mode: Option<String>,
    pub active: Option<bool>,
}

/// The training catalogue (any signed-in user).
#[utoipa::path(
    tag = "career",
    params(TrainingQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TrainingList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 422, description = "Unknown value_code or mode", body = ErrorResponse),
    )
)]
#[get("/trainings")]
pub async fn list_trainings(
    state: web::Data<AppState>,
    _p: Principal,
    q: web::Query<TrainingQuery>,
) -> ApiResult<web::Json<TrainingList>> {
    let value_code = q
        .value_code
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    if let Some(v) = value_code
        && CoreValue::parse(v).is_none()
    {
        return Err(ApiError::field(
            "value_code",
            "Nilai BerAKHLAK tidak dikenal",
        ));
    }
    let mode = q.mode.as_deref().map(str::trim).filter(|v| !v.is_empty());
    if let Some(m) = mode
        && TrainingMode::parse(m).is_none()
    {
        return Err(ApiError::field(
            "mode",
            "Gunakan klasikal, e-learning, blended atau lainnya",
        ));
    }
    let text = q.q.as_deref().map(str::trim).filter(|v| !v.is_empty());
    if text.is_some_and(|t| t.chars().count() > 200) {
        return Err(ApiError::field("q", "Maksimal 200 karakter"));
    }
    let list = store::career::list_trainings(
        &state.db.read,
        &store::career::TrainingFilter {
            q: text.map(str::to_string),
            value_code: value_code.map(str::to_string),
            mode: mode.map(str::to_string),
            active: q.active,
        },
    )
    .await?;
    Ok(web::Json(TrainingList {
        items: list.into_iter().map(training_view).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct TrainingInput {
    #[schema(max_length = 200)]
    pub title: String,
    #[schema(max_length = 200)]
    pub provider: String,
    pub value_code: Option<CoreValue>,
    #[schema(max_length = 200)]
    pub competency: Option<String>,
    /// Length in JP, 1–500.
    #[schema(value_type = i32, minimum = 1, maximum = 500)]
    pub hours: serde_json::Number,
    pub mode: TrainingMode,
    pub active: Option<bool>,
}

struct CleanTraining {
    title: String,
    provider: String,
    value_code: Option<String>,
    competency: Option<String>,
    hours: i32,
    mode: String,
}

/// A course as submitted (JSON body or CSV row), before validation.
struct RawTraining<'a> {
    title: &'a str,
    provider: &'a str,
    value_code: Option<&'a str>,
    competency: Option<&'a str>,
    hours: Option<&'a serde_json::Number>,
    mode: &'a str,
}

fn clean_training(errors: &mut FieldErrors, raw: RawTraining<'_>) -> CleanTraining {
    let RawTraining {
        title,
        provider,
        value_code,
        competency,
        hours,
        mode,
    } = raw;
    let f = |n: &str| n.to_string();
    let title = required_text(errors, &f("title"), title, 200);
    let provider = required_text(errors, &f("provider"), provider, 200);
    let value_code = value_code.map(str::trim).filter(|v| !v.is_empty());
    if let Some(v) = value_code
        && CoreValue::parse(v).is_none()
    {
        errors
            .entry(f("value_code"))
            .or_default()
            .push(format!("Nilai BerAKHLAK tidak dikenal: {v}"));
    }
    let competency = optional_text(errors, &f("competency"), competency, 200);
    let hours = if hours.is_none() {
        errors
            .entry(f("hours"))
            .or_default()
            .push("Wajib diisi".into());
        0
    } else {
        hours_of(errors, &f("hours"), hours).unwrap_or(0)
    };
    let mode = mode.trim();
    if TrainingMode::parse(mode).is_none() {
        errors
            .entry(f("mode"))
            .or_default()
            .push("Gunakan klasikal, e-learning, blended atau lainnya".into());
    }
    CleanTraining {
        title,
        provider,
        value_code: value_code.map(str::to_string),
        competency,
        hours,
        mode: mode.to_string(),
    }
}

fn training_exists() -> ApiError {
    ApiError::conflict(
        "training_exists",
        "Pelatihan dengan judul dan penyelenggara yang sama sudah ada",
    )
}

fn training_not_found() -> ApiError {
    ApiError::NotFound("Pelatihan tidak ditemukan".into())
}

/// Adds a course to the catalogue (admin/HR).
#[utoipa::path(
    tag = "career",
    request_body = TrainingInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = TrainingOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 409, description = "`training_exists`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/trainings")]
pub async fn create_training(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<TrainingInput>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::can_manage_career(&p))?;
    let mut errors = FieldErrors::new();
    let c = clean_training(
        &mut errors,
        RawTraining {
            title: &body.title,
            provider: &body.provider,
            value_code: body.value_code.map(|v| v.as_str()),
            competency: body.competency.as_deref(),
            hours: Some(&body.hours),
            mode: body.mode.as_str(),
        },
    );
    check(errors)?;
    let txn = state.db.write.begin().await?;
    if store::career::find_training_by_title(&txn, &c.title, &c.provider)
        .await?
        .is_some()
    {
        return Err(training_exists());
    }
    let now = Utc::now();
    let t = training::ActiveModel {
        id: Set(Uuid::now_v7()),
        title: Set(c.title),
        provider: Set(c.provider),
        value_code: Set(c.value_code),
        competency: Set(c.competency),
        hours: Set(c.hours),
        mode: Set(c.mode),
        active: Set(body.active.unwrap_or(true)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_trainings_title_provider") {
            training_exists()
        } else {
            ApiError::from(e)
        }
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "training.create",
        "training",
        &t.id.to_string(),
        json!({ "title": t.title, "provider": t.provider, "hours": t.hours }),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(training_view(t)))
}

/// One course of the catalogue (any signed-in user).
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TrainingOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/trainings/{id}")]
pub async fn get_training(
    state: web::Data<AppState>,
    _p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TrainingOut>> {
    let t = store::career::find_training(&state.db.read, *id)
        .await?
        .ok_or_else(training_not_found)?;
    Ok(web::Json(training_view(t)))
}

/// Changes a course (admin/HR).
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path)),
    request_body = TrainingInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TrainingOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`training_exists`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[put("/trainings/{id}")]
pub async fn update_training(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<TrainingInput>,
) -> ApiResult<web::Json<TrainingOut>> {
    policy::require(policy::can_manage_career(&p))?;
    let mut errors = FieldErrors::new();
    let c = clean_training(
        &mut errors,
        RawTraining {
            title: &body.title,
            provider: &body.provider,
            value_code: body.value_code.map(|v| v.as_str()),
            competency: body.competency.as_deref(),
            hours: Some(&body.hours),
            mode: body.mode.as_str(),
        },
    );
    check(errors)?;
    let txn = state.db.write.begin().await?;
    let t = store::career::find_training(&txn, *id)
        .await?
        .ok_or_else(training_not_found)?;
    if store::career::find_training_by_title(&txn, &c.title, &c.provider)
        .await?
        .is_some_and(|o| o.id != t.id)
    {
        return Err(training_exists());
    }
    let active = body.active.unwrap_or(t.active);
    let mut am: training::ActiveModel = t.into();
    am.title = Set(c.title);
    am.provider = Set(c.provider);
    am.value_code = Set(c.value_code);
    am.competency = Set(c.competency);
    am.hours = Set(c.hours);
    am.mode = Set(c.mode);
    am.active = Set(active);
    am.updated_at = Set(Utc::now());
    let t = am.update(&txn).await.map_err(|e| {
        if crate::error::violates(&e, "uq_trainings_title_provider") {
            training_exists()
        } else {
            ApiError::from(e)
        }
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "training.update",
        "training",
        &t.id.to_string(),
        json!({ "title": t.title, "provider": t.provider, "hours": t.hours, "active": t.active }),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(training_view(t)))
}

/// Removes a course no plan uses (admin/HR); a used course is deactivated instead
/// (`PUT` with `active: false`).
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`training_in_use`", body = ErrorResponse),
    )
)]
#[delete("/trainings/{id}")]
pub async fn delete_training(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::can_manage_career(&p))?;
    let txn = state.db.write.begin().await?;
    let t = store::career::find_training(&txn, *id)
        .await?
        .ok_or_else(training_not_found)?;
    if store::career::training_in_use(&txn, t.id).await? {
        return Err(ApiError::conflict(
            "training_in_use",
            "Pelatihan ini dipakai dalam rencana pengembangan; nonaktifkan saja",
        ));
    }
    training::Entity::delete_by_id(t.id).exec(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "training.delete",
        "training",
        &t.id.to_string(),
        json!({ "title": t.title, "provider": t.provider }),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, IntoParams)]
pub struct DryRunQuery {
    /// Validate only.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Serialize, ToSchema, Default)]
pub struct CareerImportReport {
    pub dry_run: bool,
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub errors: Vec<RowError>,
}

/// Largest accepted CSV import.
pub(crate) const IMPORT_LIMIT: usize = 5 * 1024 * 1024;

/// Reads a CSV upload: `text/csv` (or `text/plain`) only, bounded, UTF-8; returns the
/// lower-cased header and the records with their 1-based data row numbers.
pub(crate) async fn read_csv(
    req: &HttpRequest,
    mut payload: web::Payload,
    required: &[&str],
) -> ApiResult<(Vec<String>, Vec<(usize, Vec<String>)>, Vec<RowError>)> {
    let ct = req
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_lowercase();
    if !(ct.starts_with("text/csv") || ct.starts_with("text/plain")) {
        return Err(ApiError::UnsupportedMediaType(
            "Content-Type harus text/csv".into(),
        ));
    }
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|_| ApiError::bad_request("invalid_body", "Isi permintaan terputus"))?;
        if bytes.len() + chunk.len() > IMPORT_LIMIT {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::unprocessable("invalid_csv", "Berkas CSV harus berenkode UTF-8"))?
        .trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ApiError::field(
            "rows",
            "Berkas kosong: tidak berisi baris data",
        ));
    }
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            ApiError::unprocessable("invalid_csv", format!("Header CSV tidak terbaca: {e}"))
        })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::unprocessable(
            "invalid_csv",
            format!(
                "Kolom wajib tidak ada di header CSV: {}",
                missing.join(", ")
            ),
        ));
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i + 1;
        match rec {
            Ok(r) if r.iter().all(|f| f.trim().is_empty()) => {}
            Ok(r) => rows.push((row, r.iter().map(str::to_string).collect())),
            Err(e) => errors.push(RowError {
                row,
                field: "row".into(),
                message: format!("Baris tidak terbaca: {e}"),
            }),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(ApiError::field("rows", "Berkas tidak berisi baris data"));
    }
    if rows.len() + errors.len() > 10_000 {
        return Err(ApiError::field("rows", "Maksimal 10.000 baris per impor"));
    }
    Ok((headers, rows, errors))
}

/// The value of a named column in a CSV row (empty when the column or cell is absent).
pub(crate) fn csv_cell(headers: &[String], row: &[String], name: &str) -> String {
    headers
        .iter()
        .position(|h| h == name)
        .and_then(|i| row.get(i))
        .cloned()
        .unwrap_or_default()
}

/// Field errors of one row as row errors.
pub(crate) fn row_errors(row: usize, fields: FieldErrors) -> impl Iterator<Item = RowError> {
    fields.into_iter().flat_map(move |(field, msgs)| {
        msgs.into_iter().map(move |message| RowError {
            row,
            field: field.clone(),
            message,
        })
    })
}

/// Imports courses from CSV (admin/HR): columns `title, provider, value_code, competency,
/// hours, mode`. All or nothing: any bad row rejects the whole file with a 422 whose `rows`
/// list every problem; an existing title + provider is updated. `dry_run=true` validates only.
#[utoipa::path(
    tag = "career",
    params(DryRunQuery),
    request_body(content((String = "text/csv"))),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CareerImportReport),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "`import_rejected` (rows list every problem) or an unusable CSV", body = ErrorResponse),
    )
)]
#[post("/trainings/import")]
pub async fn import_trainings(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<DryRunQuery>,
    payload: web::Payload,
) -> ApiResult<web::Json<CareerImportReport>> {
    policy::require(policy::can_manage_career(&p))?;
    let (headers, rows, mut errors) =
        read_csv(&req, payload, &["title", "provider", "hours", "mode"]).await?;
    let col = |r: &Vec<String>, name: &str| csv_cell(&headers, r, name);
    let mut clean = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (row, r) in &rows {
        let mut fe = FieldErrors::new();
        let hours_text = col(r, "hours");
        let hours_text = hours_text.trim();
        // Unparsable text becomes 0 so the row gets the same "1–500" message.
        let hours = (!hours_text.is_empty()).then(|| {
            hours_text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .unwrap_or_else(|| serde_json::Number::from(0))
        });
        let (title, provider, value, competency, mode) = (
            col(r, "title"),
            col(r, "provider"),
            col(r, "value_code"),
            col(r, "competency"),
            col(r, "mode"),
        );
        let c = clean_training(
            &mut fe,
            RawTraining {
                title: &title,
                provider: &provider,
                value_code: Some(&value),
                competency: Some(&competency),
                hours: hours.as_ref(),
                mode: &mode,
            },
        );
        let key = (c.title.to_lowercase(), c.provider.to_lowercase());
        if let Some(first) = seen.get(&key) {
            fe.entry("title".into()).or_default().push(format!(
                "Duplikat baris {first} (judul dan penyelenggara sama)"
            ));
        } else {
            seen.insert(key, *row);
        }
        if fe.is_empty() {
            clean.push(c);
        } else {
            errors.extend(row_errors(*row, fe));
        }
    }
    errors.sort_by_key(|e| e.row);
    let total = rows.len() + errors.iter().filter(|e| e.field == "row").count();
    if !errors.is_empty() {
        if q.dry_run {
            return Ok(web::Json(CareerImportReport {
                dry_run: true,
                total,
                errors,
                ..Default::default()
            }));
        }
        return Err(ApiError::ImportRejected(errors));
    }
    let txn = state.db.write.begin().await?;
    let (mut created, mut updated) = (0, 0);
    let now = Utc::now();
    for c in clean {
        match store::career::find_training_by_title(&txn, &c.title, &c.provider).await? {
            Some(t) => {
                let changed = t.value_code != c.value_code
                    || t.competency != c.competency
                    || t.hours != c.hours
                    || t.mode != c.mode;
                if changed {
                    updated += 1;
                    let mut am: training::ActiveModel = t.into();
                    am.value_code = Set(c.value_code);
                    am.competency = Set(c.competency);
                    am.hours = Set(c.hours);
                    am.mode = Set(c.mode);
                    am.updated_at = Set(now);
                    am.update(&txn).await?;
                }
            }
            None => {
                created += 1;
                training::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    title: Set(c.title),
                    provider: Set(c.provider),
                    value_code: Set(c.value_code),
                    competency: Set(c.competency),
                    hours: Set(c.hours),
                    mode: Set(c.mode),
                    active: Set(true),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    if q.dry_run {
        txn.rollback().await?;
    } else {
        store::audit::append(
            &txn,
            &p.actor(),
            "training.import",
            "training",
            "import",
            json!({ "total": total, "created": created, "updated": updated }),
        )
        .await?;
        txn.commit().await?;
    }
    Ok(web::Json(CareerImportReport {
        dry_run: q.dry_run,
        total,
        created,
        updated,
        errors: Vec::new(),
    }))
}

// ---------------------------------------------------------------------------------------
// Training hours
// ---------------------------------------------------------------------------------------

#[derive(Deserialize, IntoParams)]
pub struct YearQuery {
    /// Default: the current year.
    pub year: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct HoursItem {
    pub item_id: Uuid,
    pub title: String,
    pub hours: i32,
    pub completed_on: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingHoursOut {
    pub nip: String,
    pub name: String,
    pub year: i32,
    pub target_jp: i64,
    pub completed_jp: i64,
    pub remaining_jp: i64,
    pub met: bool,
    pub items: Vec<HoursItem>,
}

#[derive(Serialize, ToSchema)]
pub struct UnitHoursRow {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub completed_jp: i64,
    pub met: bool,
}

#[derive(Serialize, ToSchema)]
pub struct UnitHoursOut {
    pub year: i32,
    pub target_jp: i64,
    pub items: Vec<UnitHoursRow>,
}

pub(crate) fn valid_year(y: Option<i32>, default: i32) -> ApiResult<i32> {
    match y {
        None => Ok(default),
        Some(y) if (2000..=2100).contains(&y) => Ok(y),
        Some(_) => Err(ApiError::field("year", "Tahun harus 2000–2100")),
    }
}

fn year_span(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(EARLIEST),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(LATEST),
    )
}

/// Completed training hours (JP) of an employee in a year against the 20 JP target: the
/// hours of done development items, by completion date. Readers of the employee.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path), YearQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TrainingHoursOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/training-hours")]
pub async fn employee_training_hours(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<TrainingHoursOut>> {
    let year = valid_year(q.year, today(&state).year())?;
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let (from, to) = year_span(year);
    let items: Vec<HoursItem> = store::career::done_items(db, &[emp.id], from, to)
        .await?
        .into_iter()
        .filter_map(|(i, _)| {
            Some(HoursItem {
                item_id: i.id,
                title: i.title,
                hours: i.hours.filter(|h| *h > 0)?,
                completed_on: i.completed_on?,
            })
        })
        .collect();
    let completed: i64 = items.iter().map(|i| i64::from(i.hours)).sum();
    Ok(web::Json(TrainingHoursOut {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        year,
        target_jp: TARGET_JP_PER_YEAR,
        completed_jp: completed,
        remaining_jp: (TARGET_JP_PER_YEAR - completed).max(0),
        met: completed >= TARGET_JP_PER_YEAR,
        items,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct UnitYearQuery {
    /// The unit (and the units below it); required for unit leaders.
    pub unit_code: Option<String>,
    pub year: Option<i32>,
}

/// Completed training hours per employee of a unit (and below) in a year: admin/HR/auditor,
/// and the unit's leaders.
#[utoipa::path(
    tag = "career",
    params(UnitYearQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = UnitHoursOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/training-hours")]
pub async fn unit_training_hours(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitYearQuery>,
) -> ApiResult<web::Json<UnitHoursOut>> {
    let year = valid_year(q.year, today(&state).year())?;
    let db = &state.db.read;
    let units = super::talent::authorised_units(db, &p, q.unit_code.as_deref()).await?;
    let people = store::career::employees_in_units(db, units.as_deref()).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let (from, to) = year_span(year);
    let mut hours: HashMap<Uuid, i64> = HashMap::new();
    for (i, emp) in store::career::done_items(db, &ids, from, to).await? {
        *hours.entry(emp).or_default() += i64::from(i.hours.unwrap_or(0).max(0));
    }
    let unit_map =
        store::units::find_by_ids(db, people.iter().map(|e| e.unit_id).collect()).await?;
    Ok(web::Json(UnitHoursOut {
        year,
        target_jp: TARGET_JP_PER_YEAR,
        items: people
            .iter()
            .map(|e| {
                let jp = hours.get(&e.id).copied().unwrap_or(0);
                UnitHoursRow {
                    nip: e.nip.clone(),
                    name: display_name(e),
                    unit_code: unit_map
                        .get(&e.unit_id)
                        .map(|u| u.code.clone())
                        .unwrap_or_default(),
                    completed_jp: jp,
                    met: jp >= TARGET_JP_PER_YEAR,
                }
            })
            .collect(),
    }))
}
