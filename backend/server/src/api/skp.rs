//! SKP plans (Sasaran Kinerja Pegawai, DOMAIN.md §2.1): the employee writes RHK items with
//! indicators and targets, submits; the direct supervisor sets expectations per BerAKHLAK
//! value, approves or returns with a reason.
//!
//! Invariants: only the employee edits, only while the plan is a draft or returned
//! (`skp_locked` otherwise); status changes follow `domain::skp::SkpStatus::apply`; only the
//! current direct supervisor decides; a parent RHK is always an RHK of the direct
//! supervisor's plan of the same year; every change is audited in its transaction.
//! Reads: the employee, their supervisor chain, admin/HR/auditor; anyone else gets a 404.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use chrono::{Datelike, Utc};
use entity::skp;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::berakhlak::CoreValue;
use crate::domain::master::full_name;
use crate::domain::skp::{
    self as rules, Aspect, IndicatorDraft, RhkDraft, RhkKind, SkpAction, SkpStatus,
};
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;
use crate::store::skp::{PlanIndicator, PlanRhk};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_approvals)
        .service(get_skp)
        .service(put_skp)
        .service(submit_skp)
        .service(approve_skp)
        .service(return_skp)
        .service(put_expectations)
        .service(copy_skp)
        .service(parent_options);
}

// ---------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------

/// An employee named in a response.
#[derive(Serialize, ToSchema)]
pub struct PersonRef {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
}

#[derive(Serialize, ToSchema)]
pub struct ParentRhkRef {
    pub id: Uuid,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorOut {
    pub id: Uuid,
    pub aspect: Aspect,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
    pub position: i32,
}

#[derive(Serialize, ToSchema)]
pub struct RhkOut {
    pub id: Uuid,
    pub kind: RhkKind,
    pub description: String,
    pub position: i32,
    /// The supervisor's RHK this one supports (RHK pimpinan yang diintervensi).
    pub parent_rhk: Option<ParentRhkRef>,
    pub indicators: Vec<IndicatorOut>,
}

/// The supervisor's specific expectation for one BerAKHLAK value (null when none).
#[derive(Serialize, ToSchema)]
pub struct ExpectationOut {
    pub value_code: CoreValue,
    pub value_name: String,
    pub expectation: Option<String>,
}

/// An SKP with its RHK items, indicators and the seven expectations.
#[derive(Serialize, ToSchema)]
pub struct SkpOut {
    pub id: Uuid,
    pub year: i32,
    pub status: SkpStatus,
    pub return_reason: Option<String>,
    pub employee: PersonRef,
    /// The supervisor it was submitted to or decided by.
    pub approver: Option<PersonRef>,
    /// Snapshot of the employee's unit and jabatan when the plan was last saved.
    pub unit_code: String,
    pub jabatan: String,
    pub rhk: Vec<RhkOut>,
    /// Always the seven values in the official order.
    pub expectations: Vec<ExpectationOut>,
    pub submitted_at: Option<chrono::DateTime<Utc>>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
    /// The caller may edit and submit (the employee, while draft or returned).
    pub can_edit: bool,
    /// The caller may approve or return (the direct supervisor, while submitted).
    pub can_decide: bool,
    /// The caller may set expectations (the direct supervisor).
    pub can_set_expectations: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct IndicatorInput {
    /// An existing indicator of this plan to keep.
    #[serde(default)]
    pub id: Option<Uuid>,
    #[schema(value_type = Aspect)]
    pub aspect: String,
    #[schema(max_length = 1000)]
    pub description: String,
    /// A numeric target (with `target_unit`), or leave out and give `target_text`.
    #[serde(default)]
    #[schema(minimum = 0)]
    pub target_value: Option<f64>,
    #[serde(default)]
    #[schema(max_length = 50)]
    pub target_unit: Option<String>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub target_text: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct RhkInput {
    /// An existing RHK of this plan to keep (feedback notes and subordinates' links stay).
    #[serde(default)]
    pub id: Option<Uuid>,
    #[schema(value_type = RhkKind)]
    pub kind: String,
    #[schema(max_length = 2000)]
    pub description: String,
    /// An RHK of the direct supervisor's SKP of the same year.
    #[serde(default)]
    pub parent_rhk_id: Option<Uuid>,
    #[schema(min_items = 1, max_items = 10)]
    pub indicators: Vec<IndicatorInput>,
}

/// The whole plan; it replaces what was saved.
#[derive(Deserialize, ToSchema)]
pub struct SkpInput {
    #[schema(max_items = 30)]
    pub rhk: Vec<RhkInput>,
}

#[derive(Deserialize, ToSchema)]
pub struct ReturnInput {
    /// Why the plan goes back (5–2000 characters).
    #[schema(min_length = 5, max_length = 2000)]
    pub reason: String,
}

/// CoreValue code → expectation text, or null to clear it. Values left out are unchanged.
#[derive(Deserialize, ToSchema)]
pub struct ExpectationsInput {
    #[schema(value_type = BTreeMap<String, Option<String>>)]
    pub expectations: BTreeMap<String, Option<String>>,
}

#[derive(Deserialize, ToSchema)]
pub struct CopyInput {
    #[schema(minimum = 2000, maximum = 2100)]
    #[serde(deserialize_with = "super::de::integral_i32")]
    pub from_year: i32,
}

#[derive(Serialize, ToSchema)]
pub struct ParentOption {
    pub id: Uuid,
    pub kind: RhkKind,
    pub description: String,
    pub position: i32,
}

/// The direct supervisor's RHK items of the year, to link to.
#[derive(Serialize, ToSchema)]
pub struct ParentOptions {
    pub supervisor: Option<PersonRef>,
    pub skp_status: Option<SkpStatus>,
    pub items: Vec<ParentOption>,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalSkp {
    pub id: Uuid,
    pub status: SkpStatus,
    pub submitted_at: Option<chrono::DateTime<Utc>>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
    pub rhk_count: u64,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalItem {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    /// Null when the subordinate has no plan for the year yet.
    pub skp: Option<ApprovalSkp>,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalList {
    pub year: i32,
    pub items: Vec<ApprovalItem>,
}

/// Status filter of the approval inbox (documentation type; `none` = no plan yet).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatusFilter {
    Draft,
    Submitted,
    Approved,
    Returned,
    None,
}

#[derive(Deserialize, IntoParams)]
pub struct ApprovalQuery {
    /// Defaults to the current year.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    #[param(value_type = Option<ApprovalStatusFilter>, inline)]
    pub status: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Helpers shared with realisasi and coaching
// ---------------------------------------------------------------------------------------

pub(crate) fn employee_not_found(nip: &str) -> ApiError {
    ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"))
}

pub(crate) fn skp_not_found(year: i32) -> Failure {
    Failure::coded(
        StatusCode::NOT_FOUND,
        "skp_not_found",
        format!("SKP tahun {year} belum dibuat"),
    )
}

/// This area's errors are `ApiError`s (specific codes through `ApiError::coded`).
pub type Failure = ApiError;

/// The result of this area's handlers.
pub type Res<T> = ApiResult<T>;

pub(crate) fn person(e: &entity::employee::Model) -> PersonRef {
    PersonRef {
        nip: e.nip.clone(),
        name: full_name(
            &e.name,
            e.gelar_depan.as_deref(),
            e.gelar_belakang.as_deref(),
        ),
        jabatan: e.jabatan.clone(),
    }
}

pub(crate) fn check_year(year: i32, field: &str) -> ApiResult<()> {
    if rules::year_is_valid(year) {
        Ok(())
    } else {
        Err(ApiError::field(field, "Tahun harus antara 2000 dan 2100"))
    }
}

/// The employee by NIP, visible to the caller as performance data (404 otherwise, so an
/// invisible employee is not revealed).
pub(crate) async fn readable_employee<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    nip: &str,
) -> ApiResult<entity::employee::Model> {
    let e = store::employees::find_by_nip(conn, nip)
        .await?
        .ok_or_else(|| employee_not_found(nip))?;
    if !policy::can_read_performance(conn, p, &e).await? {
        return Err(employee_not_found(nip));
    }
    Ok(e)
}

async fn employee_by_nip<C: ConnectionTrait>(
    conn: &C,
    nip: &str,
) -> ApiResult<entity::employee::Model> {
    store::employees::find_by_nip(conn, nip)
        .await?
        .ok_or_else(|| employee_not_found(nip))
}

fn status_of(s: &skp::Model) -> SkpStatus {
    SkpStatus::parse(&s.status).unwrap_or(SkpStatus::Draft)
}

fn validation(problems: rules::FieldProblems) -> ApiError {
    let mut fields = FieldErrors::new();
    for (f, m) in problems {
        fields.entry(f).or_default().push(m);
    }
    ApiError::Validation(fields)
}

fn transition(s: &skp::Model, action: SkpAction) -> ApiResult<SkpStatus> {
    status_of(s)
        .apply(action)
        .map_err(|m| ApiError::conflict("invalid_transition", m))
}

fn skp_exists(year: i32) -> ApiError {
    ApiError::conflict("skp_exists", format!("SKP tahun {year} sudah ada"))
}

/// The full view of a plan for the caller.
async fn skp_view<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    s: skp::Model,
    employee: &entity::employee::Model,
) -> ApiResult<SkpOut> {
    let rhks = store::skp::rhks_of(conn, s.id).await?;
    let mut indicators =
        store::skp::indicators_of(conn, rhks.iter().map(|r| r.id).collect()).await?;
    let parents =
        store::skp::rhks_by_ids(conn, rhks.iter().filter_map(|r| r.parent_rhk_id).collect())
            .await?;
    let expectations: HashMap<String, String> = store::skp::expectations_of(conn, s.id)
        .await?
        .into_iter()
        .map(|e| (e.value_code, e.expectation))
        .collect();
    let approver = match s.approver_id {
        Some(id) => store::employees::find_by_id(conn, id).await?,
        None => None,
    };
    let unit_code = store::units::find_by_ids(conn, vec![s.unit_id])
        .await?
        .remove(&s.unit_id)
        .map(|u| u.code)
        .unwrap_or_default();
    let status = status_of(&s);
    let is_self = policy::is_self(p, employee.id);
    let is_supervisor = policy::is_direct_supervisor(p, employee);
    Ok(SkpOut {
        id: s.id,
        year: s.year,
        status,
        return_reason: s.return_reason,
        employee: person(employee),
        approver: approver.as_ref().map(person),
        unit_code,
        jabatan: s.jabatan,
        rhk: rhks
            .into_iter()
            .map(|r| RhkOut {
                id: r.id,
                kind: RhkKind::parse(&r.kind).unwrap_or(RhkKind::Tambahan),
                parent_rhk: r.parent_rhk_id.and_then(|pid| parents.get(&pid)).map(|pr| {
                    ParentRhkRef {
                        id: pr.id,
                        description: pr.description.clone(),
                    }
                }),
                indicators: indicators
                    .remove(&r.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|i| IndicatorOut {
                        id: i.id,
                        aspect: Aspect::parse(&i.aspect).unwrap_or(Aspect::Kuantitas),
                        description: i.description,
                        target_value: i.target_value,
                        target_unit: i.target_unit,
                        target_text: i.target_text,
                        position: i.position,
                    })
                    .collect(),
                description: r.description,
                position: r.position,
            })
            .collect(),
        expectations: CoreValue::ALL
            .into_iter()
            .map(|v| ExpectationOut {
                value_code: v,
                value_name: v.info().name_id.to_string(),
                expectation: expectations.get(v.as_str()).cloned(),
            })
            .collect(),
        submitted_at: s.submitted_at,
        decided_at: s.decided_at,
        created_at: s.created_at,
        updated_at: s.updated_at,
        can_edit: is_self && status.is_editable(),
        can_decide: is_supervisor && status == SkpStatus::Submitted,
        can_set_expectations: is_supervisor,
    })
}

/// The RHK ids of the direct supervisor's plan of the year (valid parents).
async fn parent_ids<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    year: i32,
) -> ApiResult<HashSet<Uuid>> {
    let Some(sup) = employee.supervisor_id else {
        return Ok(HashSet::new());
    };
    let Some(plan) = store::skp::find(conn, sup, year).await? else {
        return Ok(HashSet::new());
    };
    Ok(store::skp::rhks_of(conn, plan.id)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// Inserts a new draft plan row (the unique index decides a concurrent race: 409).
async fn insert_draft<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    year: i32,
    now: chrono::DateTime<Utc>,
) -> ApiResult<skp::Model> {
    skp::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(employee.id),
        year: Set(year),
        status: Set(SkpStatus::Draft.as_str().into()),
        return_reason: Set(None),
        approver_id: Set(None),
        unit_id: Set(employee.unit_id),
        jabatan: Set(employee.jabatan.clone()),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_skps_employee_year") {
            skp_exists(year)
        } else {
            ApiError::from(e)
        }
    })
}

fn publish(state: &AppState, nip: &str, year: i32, to: Uuid) {
    state.events.publish(
        "skp_updated",
        vec![nip.to_string(), year.to_string()],
        Audience::Employee(to),
    );
}

// ---------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------

/// An employee's SKP of a year (the employee, their supervisor chain, admin/HR/auditor).
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, description = "No such employee (or not visible), or `skp_not_found`", body = ErrorResponse),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/skp/{year}")]
pub async fn get_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    check_year(year, "year")?;
    let db = &state.db.read;
    let employee = readable_employee(db, &p, &nip).await?;
    let s = store::skp::find(db, employee.id, year)
        .await?
        .ok_or_else(|| skp_not_found(year))?;
    Ok(web::Json(skp_view(db, &p, s, &employee).await?))
}

/// Creates (201) or replaces (200) the employee's own plan while it is a draft or returned.
/// Items that carry the `id` of an existing RHK or indicator of this plan keep it.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = SkpInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 201, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the employee themself", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`skp_locked`: submitted or approved", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Invalid plan (fields name each problem), a parent RHK that is not the supervisor's, or an unknown item id", body = ErrorResponse),
    )
)]
#[put("/employees/{nip}/skp/{year}")]
pub async fn put_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<SkpInput>,
) -> Res<HttpResponse> {
    let (nip, year) = path.into_inner();
    check_year(year, "year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, &nip).await?;
    policy::require(policy::is_self(&p, employee.id))?;
    let existing = store::skp::find(&txn, employee.id, year).await?;
    if let Some(s) = &existing
        && !status_of(s).is_editable()
    {
        return Err(ApiError::conflict(
            "skp_locked",
            format!("SKP berstatus {} tidak dapat diubah", status_of(s).label()),
        ));
    }
    let drafts: Vec<RhkDraft> = body
        .rhk
        .iter()
        .map(|r| RhkDraft {
            kind: r.kind.clone(),
            description: r.description.clone(),
            indicators: r
                .indicators
                .iter()
                .map(|i| IndicatorDraft {
                    aspect: i.aspect.clone(),
                    description: i.description.clone(),
                    target_value: i.target_value,
                    target_unit: i.target_unit.clone(),
                    target_text: i.target_text.clone(),
                })
                .collect(),
        })
        .collect();
    let plan = rules::validate_plan(&drafts).map_err(validation)?;

    // Ids may only name rows of this plan; parents only RHK of the supervisor's plan.
    let (own_rhk, own_ind): (HashSet<Uuid>, HashSet<Uuid>) = match &existing {
        Some(s) => {
            let rhks = store::skp::rhks_of(&txn, s.id).await?;
            let inds = store::skp::indicators_of(&txn, rhks.iter().map(|r| r.id).collect())
                .await?
                .into_values()
                .flatten()
                .map(|i| i.id)
                .collect();
            (rhks.into_iter().map(|r| r.id).collect(), inds)
        }
        None => (HashSet::new(), HashSet::new()),
    };
    let parents = parent_ids(&txn, &employee, year).await?;
    let mut problems = rules::FieldProblems::new();
    let (mut seen_rhk, mut seen_ind) = (HashSet::new(), HashSet::new());
    for (i, r) in body.rhk.iter().enumerate() {
        if let Some(id) = r.id
            && (!own_rhk.contains(&id) || !seen_rhk.insert(id))
        {
            problems.push((
                format!("rhk[{i}].id"),
                "Bukan RHK dari SKP ini (atau disebut dua kali)".into(),
            ));
        }
        if let Some(pid) = r.parent_rhk_id
            && !parents.contains(&pid)
        {
            problems.push((
                format!("rhk[{i}].parent_rhk_id"),
                "RHK pimpinan harus RHK dari SKP atasan langsung pada tahun yang sama".into(),
            ));
        }
        for (j, ind) in r.indicators.iter().enumerate() {
            if let Some(id) = ind.id
                && (!own_ind.contains(&id) || !seen_ind.insert(id))
            {
                problems.push((
                    format!("rhk[{i}].indicators[{j}].id"),
                    "Bukan indikator dari SKP ini (atau disebut dua kali)".into(),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(validation(problems));
    }

    let now = Utc::now();
    let created = existing.is_none();
    let s = match existing {
        Some(s) => {
            let mut am: skp::ActiveModel = s.into();
            // The snapshot follows the employee while the plan is still being written.
            am.unit_id = Set(employee.unit_id);
            am.jabatan = Set(employee.jabatan.clone());
            am.updated_at = Set(now);
            am.update(&txn).await?
        }
        None => insert_draft(&txn, &employee, year, now).await?,
    };
    let items: Vec<PlanRhk> = body
        .rhk
        .iter()
        .zip(plan)
        .map(|(input, checked)| PlanRhk {
            id: input.id,
            kind: checked.kind.as_str().into(),
            description: checked.description,
            parent_rhk_id: input.parent_rhk_id,
            indicators: input
                .indicators
                .iter()
                .zip(checked.indicators)
                .map(|(ii, ci)| PlanIndicator {
                    id: ii.id,
                    aspect: ci.aspect.as_str().into(),
                    description: ci.description,
                    target_value: ci.target_value,
                    target_unit: ci.target_unit,
                    target_text: ci.target_text,
                })
                .collect(),
        })
        .collect();
    let rhk_count = items.len();
    let indicator_count: usize = items.iter().map(|r| r.indicators.len()).sum();
    store::skp::replace_plan(&txn, s.id, items, now).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        if created { "skp.create" } else { "skp.update" },
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year, "rhk": rhk_count, "indicators": indicator_count }),
    )
    .await?;
    let view = skp_view(&txn, &p, s, &employee).await?;
    txn.commit().await?;
    Ok(super::created_or_ok(created, &view))
}

/// The employee submits their plan to the direct supervisor (draft or returned only; at
/// least one RHK utama).
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the employee themself", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`invalid_transition`: already submitted or approved", body = ErrorResponse),
        (status = 422, description = "`no_rhk_utama`, or `no_supervisor` (nobody to approve)", body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/skp/{year}/submit")]
pub async fn submit_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    check_year(year, "year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, &nip).await?;
    policy::require(policy::is_self(&p, employee.id))?;
    let s = store::skp::find(&txn, employee.id, year)
        .await?
        .ok_or_else(|| skp_not_found(year))?;
    let next = transition(&s, SkpAction::Submit)?;
    let rhks = store::skp::rhks_of(&txn, s.id).await?;
    if !rules::can_submit(rhks.iter().map(|r| r.kind.as_str())) {
        return Err(ApiError::unprocessable(
            "no_rhk_utama",
            "SKP memerlukan sedikitnya satu RHK utama sebelum diajukan",
        ));
    }
    let Some(supervisor_id) = employee.supervisor_id else {
        return Err(ApiError::unprocessable(
            "no_supervisor",
            "Pegawai belum memiliki atasan langsung yang dapat menyetujui SKP",
        ));
    };
    let now = Utc::now();
    let mut am: skp::ActiveModel = s.into();
    am.status = Set(next.as_str().into());
    am.approver_id = Set(Some(supervisor_id));
    am.submitted_at = Set(Some(now));
    am.updated_at = Set(now);
    let s = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "skp.submit",
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year }),
    )
    .await?;
    let view = skp_view(&txn, &p, s, &employee).await?;
    txn.commit().await?;
    publish(&state, &employee.nip, year, supervisor_id);
    Ok(web::Json(view))
}

/// The direct supervisor approves a submitted plan.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the direct supervisor", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`invalid_transition`: not submitted", body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/skp/{year}/approve")]
pub async fn approve_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    decide(&state, &p, &nip, year, SkpAction::Approve, None).await
}

/// The direct supervisor returns a submitted plan with a reason (5–2000 characters).
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = ReturnInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the direct supervisor", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`invalid_transition`: not submitted", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Reason missing or too short", body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/skp/{year}/return")]
pub async fn return_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<ReturnInput>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    let reason = body.into_inner().reason;
    decide(&state, &p, &nip, year, SkpAction::Return, Some(reason)).await
}

async fn decide(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: i32,
    action: SkpAction,
    reason: Option<String>,
) -> Res<web::Json<SkpOut>> {
    check_year(year, "year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::is_direct_supervisor(p, &employee))?;
    let reason = match (action, reason) {
        (SkpAction::Return, r) => Some(
            rules::return_reason(r.as_deref().unwrap_or(""))
                .map_err(|m| ApiError::field("reason", m))?,
        ),
        _ => None,
    };
    let s = store::skp::find(&txn, employee.id, year)
        .await?
        .ok_or_else(|| skp_not_found(year))?;
    let next = transition(&s, action)?;
    let now = Utc::now();
    let mut am: skp::ActiveModel = s.into();
    am.status = Set(next.as_str().into());
    am.return_reason = Set(reason.clone());
    am.approver_id = Set(p.employee_id);
    am.decided_at = Set(Some(now));
    am.updated_at = Set(now);
    let s = am.update(&txn).await?;
    let (verb, detail) = match action {
        SkpAction::Return => (
            "skp.return",
            json!({ "nip": employee.nip, "year": year, "reason": reason }),
        ),
        _ => ("skp.approve", json!({ "nip": employee.nip, "year": year })),
    };
    store::audit::append(&txn, &p.actor(), verb, "skp", &s.id.to_string(), detail).await?;
    let view = skp_view(&txn, p, s, &employee).await?;
    txn.commit().await?;
    publish(state, &employee.nip, year, employee.id);
    Ok(web::Json(view))
}

/// The direct supervisor sets or clears the expectation (ekspektasi khusus pimpinan) per
/// BerAKHLAK value. Allowed in every state: an approved plan's expectations may still be
/// clarified (the change is audited and the employee notified). Values left out are kept.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = ExpectationsInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the direct supervisor", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Unknown value code or text too long", body = ErrorResponse),
    )
)]
#[put("/employees/{nip}/skp/{year}/expectations")]
pub async fn put_expectations(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<ExpectationsInput>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    check_year(year, "year")?;
    let mut changes: Vec<(CoreValue, Option<String>)> = Vec::new();
    let mut problems = rules::FieldProblems::new();
    for (code, text) in &body.expectations {
        let field = format!("expectations.{code}");
        let Some(v) = CoreValue::parse(code.trim()) else {
            problems.push((field, "Bukan kode nilai BerAKHLAK".into()));
            continue;
        };
        let text = rules::clean(text.as_deref());
        if text
            .as_deref()
            .is_some_and(|t| t.chars().count() > rules::MAX_EXPECTATION)
        {
            problems.push((
                field,
                format!("Ekspektasi maksimal {} karakter", rules::MAX_EXPECTATION),
            ));
            continue;
        }
        changes.push((v, text));
    }
    if !problems.is_empty() {
        return Err(validation(problems));
    }
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, &nip).await?;
    policy::require(policy::is_direct_supervisor(&p, &employee))?;
    let s = store::skp::find(&txn, employee.id, year)
        .await?
        .ok_or_else(|| skp_not_found(year))?;
    let now = Utc::now();
    for (v, text) in &changes {
        store::skp::set_expectation(&txn, s.id, v.as_str(), text.as_deref(), now).await?;
    }
    let mut am: skp::ActiveModel = s.into();
    am.updated_at = Set(now);
    let s = am.update(&txn).await?;
    let detail: serde_json::Map<String, serde_json::Value> = changes
        .iter()
        .map(|(v, t)| (v.as_str().to_string(), json!(t)))
        .collect();
    store::audit::append(
        &txn,
        &p.actor(),
        "skp.expectations",
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year, "expectations": detail }),
    )
    .await?;
    let view = skp_view(&txn, &p, s, &employee).await?;
    txn.commit().await?;
    publish(&state, &employee.nip, year, employee.id);
    Ok(web::Json(view))
}

/// The employee starts the year's plan from an earlier one: RHK items, indicators and
/// expectations are copied into a new draft (not the status). Links to the supervisor's
/// RHK are kept only when still valid for the new year.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = CopyInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = SkpOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the employee themself", body = ErrorResponse),
        (status = 404, description = "No plan for `from_year`", body = ErrorResponse),
        (status = 409, description = "`skp_exists`: a plan for the year exists", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/skp/{year}/copy-from")]
pub async fn copy_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<CopyInput>,
) -> Res<HttpResponse> {
    let (nip, year) = path.into_inner();
    check_year(year, "year")?;
    check_year(body.from_year, "from_year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, &nip).await?;
    policy::require(policy::is_self(&p, employee.id))?;
    if store::skp::find(&txn, employee.id, year).await?.is_some() {
        return Err(skp_exists(year));
    }
    let source = store::skp::find(&txn, employee.id, body.from_year)
        .await?
        .ok_or_else(|| skp_not_found(body.from_year))?;
    let rhks = store::skp::rhks_of(&txn, source.id).await?;
    let mut indicators =
        store::skp::indicators_of(&txn, rhks.iter().map(|r| r.id).collect()).await?;
    let expectations = store::skp::expectations_of(&txn, source.id).await?;
    let parents = parent_ids(&txn, &employee, year).await?;
    let items: Vec<PlanRhk> = rhks
        .into_iter()
        .map(|r| PlanRhk {
            id: None,
            indicators: indicators
                .remove(&r.id)
                .unwrap_or_default()
                .into_iter()
                .map(|i| PlanIndicator {
                    id: None,
                    aspect: i.aspect,
                    description: i.description,
                    target_value: i.target_value,
                    target_unit: i.target_unit,
                    target_text: i.target_text,
                })
                .collect(),
            kind: r.kind,
            description: r.description,
            parent_rhk_id: r.parent_rhk_id.filter(|pid| parents.contains(pid)),
        })
        .collect();
    let now = Utc::now();
    let s = insert_draft(&txn, &employee, year, now).await?;
    let copied = items.len();
    store::skp::replace_plan(&txn, s.id, items, now).await?;
    for e in &expectations {
        store::skp::set_expectation(&txn, s.id, &e.value_code, Some(&e.expectation), now).await?;
    }
    store::audit::append(
        &txn,
        &p.actor(),
        "skp.copy",
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year, "from_year": body.from_year, "rhk": copied }),
    )
    .await?;
    let view = skp_view(&txn, &p, s, &employee).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(view))
}

/// The direct supervisor's RHK items of the year, which the employee's RHK may support.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ParentOptions),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/skp/{year}/parent-options")]
pub async fn parent_options(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<ParentOptions>> {
    let (nip, year) = path.into_inner();
    check_year(year, "year")?;
    let db = &state.db.read;
    let employee = readable_employee(db, &p, &nip).await?;
    let supervisor = match employee.supervisor_id {
        Some(id) => store::employees::find_by_id(db, id).await?,
        None => None,
    };
    let plan = match &supervisor {
        Some(sup) => store::skp::find(db, sup.id, year).await?,
        None => None,
    };
    let items = match &plan {
        Some(plan) => store::skp::rhks_of(db, plan.id)
            .await?
            .into_iter()
            .map(|r| ParentOption {
                id: r.id,
                kind: RhkKind::parse(&r.kind).unwrap_or(RhkKind::Tambahan),
                description: r.description,
                position: r.position,
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(web::Json(ParentOptions {
        supervisor: supervisor.as_ref().map(person),
        skp_status: plan.as_ref().map(status_of),
        items,
    }))
}

/// The approval inbox: the caller's direct subordinates and their plan of the year.
#[utoipa::path(
    tag = "skp",
    params(ApprovalQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ApprovalList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 422, description = "Unknown status filter or year outside 2000–2100", body = ErrorResponse),
    )
)]
#[get("/skp/approvals")]
pub async fn list_approvals(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<ApprovalQuery>,
) -> Res<web::Json<ApprovalList>> {
    let year = match q.year {
        Some(y) => y,
        None => Utc::now()
            .with_timezone(&state.settings.local_offset())
            .year(),
    };
    check_year(year, "year")?;
    // `None` = no filter; `Some(None)` = subordinates without a plan.
    let filter: Option<Option<SkpStatus>> = match q.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("none") => Some(None),
        Some(s) => Some(Some(SkpStatus::parse(s).ok_or_else(|| {
            ApiError::field(
                "status",
                "Status harus draft, submitted, approved, returned atau none",
            )
        })?)),
    };
    let Some(me) = p.employee_id else {
        return Ok(web::Json(ApprovalList {
            year,
            items: Vec::new(),
        }));
    };
    let db = &state.db.read;
    let subs = store::skp::direct_subordinates(db, me).await?;
    let plans =
        store::skp::find_for_employees(db, subs.iter().map(|e| e.id).collect(), year).await?;
    let mut counts: HashMap<Uuid, u64> = HashMap::new();
    for r in store::skp::rhks_of_many(db, plans.values().map(|s| s.id).collect()).await? {
        *counts.entry(r.skp_id).or_default() += 1;
    }
    let items = subs
        .iter()
        .filter_map(|e| {
            let plan = plans.get(&e.id);
            let status = plan.map(status_of);
            if let Some(wanted) = filter
                && wanted != status
            {
                return None;
            }
            let who = person(e);
            Some(ApprovalItem {
                nip: who.nip,
                name: who.name,
                jabatan: who.jabatan,
                skp: plan.map(|s| ApprovalSkp {
                    id: s.id,
                    status: status_of(s),
                    submitted_at: s.submitted_at,
                    decided_at: s.decided_at,
                    rhk_count: counts.get(&s.id).copied().unwrap_or(0),
                }),
            })
        })
        .collect();
    Ok(web::Json(ApprovalList { year, items }))
}
