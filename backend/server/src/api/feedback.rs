//! Staff side of citizen feedback: targets with their QR sheets and tickets, the moderation
//! queue, hiding abusive comments, and the employee's reply.
//!
//! Every change is written to the audit log in the same transaction. Hidden comments are
//! never deleted and never reach the employee.

use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use entity::{feedback_submission as sub, feedback_target as target};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::PageMeta;
use crate::auth::{Principal, policy};
use crate::domain::{feedback as rules, master::full_name};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::qr;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_feedback_targets)
        .service(create_feedback_target)
        .service(get_feedback_target)
        .service(rotate_feedback_target)
        .service(disable_feedback_target)
        .service(enable_feedback_target)
        .service(get_feedback_target_qr_svg)
        .service(get_feedback_target_qr_png)
        .service(create_feedback_tickets)
        .service(list_feedback_tickets)
        .service(list_feedback_moderation)
        .service(accept_feedback)
        .service(reject_feedback)
        .service(hide_feedback_comment)
        .service(reply_feedback);
}

/// Admin and HR manage feedback; the auditor reads.
fn can_manage(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr")
}

fn can_read(p: &Principal) -> bool {
    can_manage(p) || p.has_role("auditor")
}

#[derive(Serialize, ToSchema)]
pub struct TargetOut {
    pub id: Uuid,
    /// `unit` (a service desk) or `employee`.
    #[schema(value_type = TargetKind)]
    pub kind: String,
    pub label: String,
    pub unit_code: String,
    pub unit_name: String,
    pub employee_nip: Option<String>,
    pub employee_name: Option<String>,
    pub token: String,
    /// The address the QR code encodes.
    pub public_url: String,
    pub active: bool,
    pub created_at: chrono::DateTime<Utc>,
    /// Submissions counted in the index.
    pub counted: i64,
    /// Submissions waiting in the moderation queue.
    pub held: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TargetList {
    pub items: Vec<TargetOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct TargetQuery {
    pub unit_code: Option<String>,
    /// `unit` or `employee`.
    #[param(value_type = Option<TargetKind>)]
    pub kind: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 0)]
    pub page: Option<i32>,
    /// Items per page, 1–100.
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
pub struct TargetCreate {
    /// `unit` (a service desk of the unit) or `employee`.
    #[schema(value_type = TargetKind)]
    pub kind: String,
    #[schema(min_length = 1)]
    pub unit_code: String,
    /// The desk's name, e.g. "Loket Pelayanan" (unit targets).
    #[serde(default)]
    #[schema(max_length = 100)]
    pub label: Option<String>,
    /// The employee (employee targets); must belong to `unit_code`.
    #[serde(default)]
    #[schema(pattern = r"^[0-9]{18}$")]
    pub employee_nip: Option<String>,
}

/// Moderation state of a submission (documentation type).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionStatus {
    Counted,
    Held,
    Rejected,
}

/// Kind of feedback target (documentation type).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Unit,
    Employee,
}

fn new_token() -> String {
    // 128 bits, URL-safe hex: unguessable, short enough for a QR code.
    let mut b = [0u8; 16];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

async fn target_views<C: ConnectionTrait>(
    conn: &C,
    base: &str,
    list: Vec<target::Model>,
) -> ApiResult<Vec<TargetOut>> {
    let units = store::units::find_by_ids(conn, list.iter().map(|t| t.unit_id).collect()).await?;
    let emps =
        store::employees::find_by_ids(conn, list.iter().filter_map(|t| t.employee_id).collect())
            .await?;
    let counts = store::feedback::target_counts(conn, list.iter().map(|t| t.id).collect()).await?;
    Ok(list
        .into_iter()
        .map(|t| {
            let u = units.get(&t.unit_id);
            let e = t.employee_id.and_then(|e| emps.get(&e));
            let (counted, held) = counts.get(&t.id).copied().unwrap_or_default();
            TargetOut {
                public_url: format!("{base}/f/{}", t.token),
                unit_code: u.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: u.map(|u| u.name.clone()).unwrap_or_default(),
                employee_nip: e.map(|e| e.nip.clone()),
                employee_name: e.map(|e| {
                    full_name(
                        &e.name,
                        e.gelar_depan.as_deref(),
                        e.gelar_belakang.as_deref(),
                    )
                }),
                id: t.id,
                kind: t.kind,
                label: t.label,
                token: t.token,
                active: t.active,
                created_at: t.created_at,
                counted,
                held,
            }
        })
        .collect())
}

async fn one_view<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    t: target::Model,
) -> ApiResult<TargetOut> {
    let mut v = target_views(conn, &state.settings.public_base(), vec![t]).await?;
    Ok(v.remove(0))
}

fn target_not_found() -> ApiError {
    ApiError::NotFound("Target umpan balik tidak ditemukan".into())
}

async fn load_target(state: &AppState, id: Uuid) -> ApiResult<target::Model> {
    store::feedback::find_target(&state.db.read, id)
        .await?
        .ok_or_else(target_not_found)
}

/// Lists feedback targets (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(TargetQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TargetList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Unknown unit_code", body = ErrorResponse),
        (status = 422, description = "Unknown kind", body = ErrorResponse),
    )
)]
#[get("/feedback-targets")]
pub async fn list_feedback_targets(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<TargetQuery>,
) -> ApiResult<web::Json<TargetList>> {
    policy::require(can_read(&p))?;
    let db = &state.db.read;
    let unit_id = super::unit_filter(db, q.unit_code.as_deref()).await?;
    let page = super::page_req(q.page, q.per_page)?;
    let kind = q.kind.as_deref().filter(|k| !k.is_empty());
    if kind.is_some_and(|k| !["unit", "employee"].contains(&k)) {
        return Err(ApiError::field(
            "kind",
            "Jenis sasaran harus unit atau employee",
        ));
    }
    let (list, total) = store::feedback::list_targets(db, unit_id, kind, page).await?;
    Ok(web::Json(TargetList {
        items: target_views(db, &state.settings.public_base(), list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Creates a target: a service desk of a unit, or one employee (admin, HR).
#[utoipa::path(
    tag = "feedback",
    request_body = TargetCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = TargetOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 409, description = "The employee already has a target", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/feedback-targets")]
pub async fn create_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<TargetCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(can_manage(&p))?;
    let txn = state.db.write.begin().await?;
    let unit = store::units::find_by_code(&txn, body.unit_code.trim())
        .await?
        .ok_or_else(|| {
            ApiError::field(
                "unit_code",
                format!("Unit {} tidak ditemukan", body.unit_code),
            )
        })?;
    let (employee_id, label) = match body.kind.as_str() {
        "unit" => {
            let label = body
                .label
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .unwrap_or("Loket Pelayanan");
            if label.chars().count() > 100 {
                return Err(ApiError::field("label", "Nama loket maksimal 100 karakter"));
            }
            (None, label.to_string())
        }
        "employee" => {
            let nip = body
                .employee_nip
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .ok_or_else(|| ApiError::field("employee_nip", "NIP pegawai wajib diisi"))?;
            let e = store::employees::find_by_nip(&txn, nip)
                .await?
                .ok_or_else(|| {
                    ApiError::field(
                        "employee_nip",
                        format!("Pegawai dengan NIP {nip} tidak ditemukan"),
                    )
                })?;
            if e.unit_id != unit.id {
                return Err(ApiError::field(
                    "employee_nip",
                    format!("Pegawai {nip} tidak berada di unit {}", unit.code),
                ));
            }
            if store::feedback::find_target_of_employee(&txn, e.id)
                .await?
                .is_some()
            {
                return Err(ApiError::conflict(
                    "target_exists",
                    "Pegawai ini sudah memiliki kode QR; gunakan rotasi untuk menggantinya",
                ));
            }
            (
                Some(e.id),
                full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
            )
        }
        _ => {
            return Err(ApiError::field(
                "kind",
                "Jenis target harus unit atau employee",
            ));
        }
    };
    let now = Utc::now();
    let t = target::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(body.kind.clone()),
        label: Set(label),
        unit_id: Set(unit.id),
        employee_id: Set(employee_id),
        token: Set(new_token()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        crate::error::on_constraint(
            e,
            "uq_feedback_targets_employee_id",
            "employee_nip",
            "Pegawai ini sudah memiliki kode QR",
        )
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback_target.create",
        "feedback_target",
        &t.id.to_string(),
        json!({ "kind": t.kind, "unit": unit.code, "label": t.label }),
    )
    .await?;
    let view = one_view(&txn, &state, t).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(view))
}

async fn change_target(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    token: Option<String>,
    active: Option<bool>,
    action: &str,
) -> ApiResult<TargetOut> {
    policy::require(can_manage(p))?;
    let txn = state.db.write.begin().await?;
    let t = store::feedback::find_target(&txn, id)
        .await?
        .ok_or_else(target_not_found)?;
    let t = store::feedback::set_target(&txn, t, token, active).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        action,
        "feedback_target",
        &id.to_string(),
        json!({}),
    )
    .await?;
    let view = one_view(&txn, state, t).await?;
    txn.commit().await?;
    Ok(view)
}

/// Reads one target (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TargetOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/feedback-targets/{id}")]
pub async fn get_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    policy::require(can_read(&p))?;
    let t = load_target(&state, *id).await?;
    Ok(web::Json(one_view(&state.db.read, &state, t).await?))
}

/// Replaces the token: the old QR code stops working at once (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TargetOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[post("/feedback-targets/{id}/rotate")]
pub async fn rotate_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    Ok(web::Json(
        change_target(
            &state,
            &p,
            *id,
            Some(new_token()),
            None,
            "feedback_target.rotate",
        )
        .await?,
    ))
}

/// Disables a target: its QR code shows "unknown or inactive" (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TargetOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[post("/feedback-targets/{id}/disable")]
pub async fn disable_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    Ok(web::Json(
        change_target(
            &state,
            &p,
            *id,
            None,
            Some(false),
            "feedback_target.disable",
        )
        .await?,
    ))
}

/// Enables a disabled target again (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TargetOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[post("/feedback-targets/{id}/enable")]
pub async fn enable_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    Ok(web::Json(
        change_target(&state, &p, *id, None, Some(true), "feedback_target.enable").await?,
    ))
}

const INSTRUCTION: &str = "Pindai kode QR ini dengan kamera ponsel untuk menilai pelayanan kami. Tanpa login, cukup 1 menit. Terima kasih!";

async fn sheet_parts(state: &AppState, id: Uuid) -> ApiResult<(String, String, String)> {
    let t = load_target(state, id).await?;
    let view = one_view(&state.db.read, state, t).await?;
    let (title, subtitle) = match &view.employee_name {
        Some(name) => (name.clone(), view.unit_name.clone()),
        None => (view.unit_name.clone(), view.label.clone()),
    };
    Ok((title, subtitle, view.public_url))
}

/// The printable QR sheet as SVG (office name, QR code, URL, instruction).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "SVG image", content_type = "image/svg+xml", body = String),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/feedback-targets/{id}/qr.svg")]
pub async fn get_feedback_target_qr_svg(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require(can_read(&p))?;
    let (title, subtitle, url) = sheet_parts(&state, *id).await?;
    let svg = qr::svg(&qr::Sheet {
        title: &title,
        subtitle: &subtitle,
        url: &url,
        instruction: INSTRUCTION,
    })?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header(("Content-Disposition", "inline; filename=\"kode-qr.svg\""))
        .body(svg))
}

/// The printable QR sheet as PNG (600 × 840).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "PNG image", content_type = "image/png", body = Vec<u8>),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/feedback-targets/{id}/qr.png")]
pub async fn get_feedback_target_qr_png(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require(can_read(&p))?;
    let (title, subtitle, url) = sheet_parts(&state, *id).await?;
    let png = qr::png(&qr::Sheet {
        title: &title,
        subtitle: &subtitle,
        url: &url,
        instruction: INSTRUCTION,
    })?;
    Ok(HttpResponse::Ok()
        .content_type("image/png")
        .insert_header(("Content-Disposition", "inline; filename=\"kode-qr.png\""))
        .body(png))
}

#[derive(Deserialize, ToSchema)]
pub struct TicketBatchCreate {
    #[schema(value_type = u32, minimum = 1, maximum = 500)]
    pub count: serde_json::Number,
}

#[derive(Serialize, ToSchema)]
pub struct TicketBatch {
    pub batch_id: Uuid,
    pub created_at: chrono::DateTime<Utc>,
    pub codes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TicketOut {
    pub code: String,
    pub batch_id: Uuid,
    pub created_at: chrono::DateTime<Utc>,
    pub used_at: Option<chrono::DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct TicketList {
    pub items: Vec<TicketOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct TicketQuery {
    /// Only tickets not used yet.
    #[serde(default)]
    pub unused: bool,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

/// Generates a batch of single-use ticket codes for a target (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = TicketBatchCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = TicketBatch),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/feedback-targets/{id}/tickets")]
pub async fn create_feedback_tickets(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<TicketBatchCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(can_manage(&p))?;
    // JSON allows 25 and 25.0 for the same integer.
    let count = body
        .count
        .as_u64()
        .or_else(|| {
            body.count
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                .map(|f| f as u64)
        })
        .filter(|c| (1..=500).contains(c))
        .ok_or_else(|| {
            ApiError::field("count", "Jumlah tiket harus bilangan bulat 1–500 per batch")
        })? as usize;
    let t = load_target(&state, *id).await?;
    let mut codes: Vec<String> = Vec::with_capacity(count);
    let mut rng = rand::rng();
    while codes.len() < count {
        let mut b = [0u8; 8];
        rng.fill_bytes(&mut b);
        let code = rules::format_ticket(&b);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let batch_id = Uuid::now_v7();
    let txn = state.db.write.begin().await?;
    store::feedback::insert_tickets(&txn, t.id, batch_id, &codes).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback_ticket.create_batch",
        "feedback_target",
        &t.id.to_string(),
        json!({ "batch_id": batch_id, "count": codes.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(TicketBatch {
        batch_id,
        created_at: Utc::now(),
        codes,
    }))
}

/// Lists a target's tickets, newest batch first (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path), TicketQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TicketList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/feedback-targets/{id}/tickets")]
pub async fn list_feedback_tickets(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<TicketQuery>,
) -> ApiResult<web::Json<TicketList>> {
    policy::require(can_read(&p))?;
    let t = load_target(&state, *id).await?;
    let page = super::page_req(q.page, q.per_page)?;
    let (list, total) = store::feedback::list_tickets(&state.db.read, t.id, q.unused, page).await?;
    Ok(web::Json(TicketList {
        items: list
            .into_iter()
            .map(|k| TicketOut {
                code: k.code,
                batch_id: k.batch_id,
                created_at: k.created_at,
                used_at: k.used_at,
            })
            .collect(),
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// A submission as staff see it (never the client hash).
#[derive(Serialize, ToSchema)]
pub struct SubmissionOut {
    pub id: Uuid,
    pub created_at: chrono::DateTime<Utc>,
    pub target_label: String,
    pub unit_code: String,
    pub unit_name: String,
    pub employee_nip: Option<String>,
    pub employee_name: Option<String>,
    /// `u1` … `u9` → 1–4.
    pub answers: BTreeMap<String, i16>,
    pub comment: Option<String>,
    pub comment_hidden: bool,
    pub comment_hidden_reason: Option<String>,
    pub verified: bool,
    /// `counted`, `held` or `rejected`.
    #[schema(value_type = SubmissionStatus)]
    pub status: String,
    pub hold_reason: Option<String>,
    pub reply: Option<String>,
    pub replied_at: Option<chrono::DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct SubmissionList {
    pub items: Vec<SubmissionOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct ModerationQuery {
    /// `held` (default), `counted` or `rejected`.
    #[param(value_type = Option<SubmissionStatus>)]
    pub status: Option<String>,
    pub unit_code: Option<String>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

async fn submission_views<C: ConnectionTrait>(
    conn: &C,
    list: Vec<sub::Model>,
) -> ApiResult<Vec<SubmissionOut>> {
    let units = store::units::find_by_ids(conn, list.iter().map(|s| s.unit_id).collect()).await?;
    let emps =
        store::employees::find_by_ids(conn, list.iter().filter_map(|s| s.employee_id).collect())
            .await?;
    let targets: std::collections::HashMap<Uuid, String> =
        store::feedback::find_targets(conn, list.iter().map(|s| s.target_id).collect())
            .await?
            .into_iter()
            .map(|t| (t.id, t.label))
            .collect();
    Ok(list
        .into_iter()
        .map(|s| {
            let u = units.get(&s.unit_id);
            let e = s.employee_id.and_then(|e| emps.get(&e));
            let answers = [s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9]
                .into_iter()
                .enumerate()
                .map(|(i, v)| (format!("u{}", i + 1), v))
                .collect();
            SubmissionOut {
                target_label: targets.get(&s.target_id).cloned().unwrap_or_default(),
                unit_code: u.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: u.map(|u| u.name.clone()).unwrap_or_default(),
                employee_nip: e.map(|e| e.nip.clone()),
                employee_name: e.map(|e| {
                    full_name(
                        &e.name,
                        e.gelar_depan.as_deref(),
                        e.gelar_belakang.as_deref(),
                    )
                }),
                answers,
                id: s.id,
                created_at: s.created_at,
                comment: s.comment,
                comment_hidden: s.comment_hidden,
                comment_hidden_reason: s.comment_hidden_reason,
                verified: s.verified,
                status: s.status,
                hold_reason: s.hold_reason,
                reply: s.reply,
                replied_at: s.replied_at,
            }
        })
        .collect())
}

/// The moderation queue and the other submissions, newest first (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(ModerationQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SubmissionList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Unknown unit_code", body = ErrorResponse),
        (status = 422, description = "Unknown status", body = ErrorResponse),
    )
)]
#[get("/feedback/moderation")]
pub async fn list_feedback_moderation(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<ModerationQuery>,
) -> ApiResult<web::Json<SubmissionList>> {
    policy::require(can_read(&p))?;
    let db = &state.db.read;
    let status = q.status.as_deref().unwrap_or("held");
    if !["held", "counted", "rejected"].contains(&status) {
        return Err(ApiError::field(
            "status",
            "Status harus held, counted atau rejected",
        ));
    }
    let unit_id = super::unit_filter(db, q.unit_code.as_deref()).await?;
    let page = super::page_req(q.page, q.per_page)?;
    let (list, total) = store::feedback::list_submissions(db, Some(status), unit_id, page).await?;
    Ok(web::Json(SubmissionList {
        items: submission_views(db, list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReasonBody {
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

fn reason_of(body: &ReasonBody) -> ApiResult<String> {
    let r = body.reason.trim();
    if r.is_empty() || r.chars().count() > 500 {
        return Err(ApiError::field(
            "reason",
            "Alasan wajib diisi (maksimal 500 karakter)",
        ));
    }
    Ok(r.to_string())
}

fn submission_not_found() -> ApiError {
    ApiError::NotFound("Penilaian tidak ditemukan".into())
}

/// Applies a moderation change and audits it, in one transaction.
async fn moderate(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    action: &str,
    detail: serde_json::Value,
    change: impl FnOnce(&sub::Model, &mut sub::ActiveModel) -> ApiResult<()>,
) -> ApiResult<SubmissionOut> {
    policy::require(can_manage(p))?;
    let txn = state.db.write.begin().await?;
    let s = store::feedback::find_submission(&txn, id)
        .await?
        .ok_or_else(submission_not_found)?;
    let mut am: sub::ActiveModel = s.clone().into();
    change(&s, &mut am)?;
    let s = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        action,
        "feedback_submission",
        &id.to_string(),
        detail,
    )
    .await?;
    let view = submission_views(&txn, vec![s]).await?.remove(0);
    txn.commit().await?;
    Ok(view)
}

/// Accepts a held submission: it counts in the index from now on (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SubmissionOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "Not held", body = ErrorResponse),
    )
)]
#[post("/feedback/{id}/accept")]
pub async fn accept_feedback(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<SubmissionOut>> {
    let view = moderate(&state, &p, *id, "feedback.accept", json!({}), |s, am| {
        if s.status != "held" {
            return Err(ApiError::conflict(
                "not_held",
                "Penilaian ini tidak sedang ditahan",
            ));
        }
        am.status = Set("counted".into());
        Ok(())
    })
    .await?;
    Ok(web::Json(view))
}

/// Rejects a held submission with a reason: it never counts (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = ReasonBody,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SubmissionOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "Not held", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/feedback/{id}/reject")]
pub async fn reject_feedback(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ReasonBody>,
) -> ApiResult<web::Json<SubmissionOut>> {
    let reason = reason_of(&body)?;
    let view = moderate(
        &state,
        &p,
        *id,
        "feedback.reject",
        json!({ "reason": reason }),
        |s, am| {
            if s.status != "held" {
                return Err(ApiError::conflict(
                    "not_held",
                    "Penilaian ini tidak sedang ditahan",
                ));
            }
            am.status = Set("rejected".into());
            am.hold_reason = Set(Some(format!(
                "{} — ditolak: {reason}",
                s.hold_reason.clone().unwrap_or_default()
            )));
            Ok(())
        },
    )
    .await?;
    Ok(web::Json(view))
}

/// Hides an abusive comment with a reason (kept, never deleted; the employee no longer
/// sees it). The scores still count (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = ReasonBody,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SubmissionOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "No comment to hide", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/feedback/{id}/hide-comment")]
pub async fn hide_feedback_comment(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ReasonBody>,
) -> ApiResult<web::Json<SubmissionOut>> {
    let reason = reason_of(&body)?;
    let view = moderate(
        &state,
        &p,
        *id,
        "feedback.hide_comment",
        json!({ "reason": reason }),
        |s, am| {
            if s.comment.is_none() {
                return Err(ApiError::conflict(
                    "no_comment",
                    "Penilaian ini tidak memiliki komentar",
                ));
            }
            am.comment_hidden = Set(true);
            am.comment_hidden_reason = Set(Some(reason.clone()));
            Ok(())
        },
    )
    .await?;
    Ok(web::Json(view))
}

#[derive(Deserialize, ToSchema)]
pub struct ReplyBody {
    #[schema(min_length = 1, max_length = 1000, pattern = r"\S")]
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReplyOut {
    pub id: Uuid,
    pub reply: String,
    pub replied_at: chrono::DateTime<Utc>,
}

/// The employee's one reply to a comment about them (visible to HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = ReplyBody,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = ReplyOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, description = "No visible comment about the caller", body = ErrorResponse),
        (status = 409, description = "Already replied", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/feedback/{id}/reply")]
pub async fn reply_feedback(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ReplyBody>,
) -> ApiResult<HttpResponse> {
    let text = body.text.trim();
    if text.is_empty() || text.chars().count() > 1000 {
        return Err(ApiError::field(
            "text",
            "Balasan wajib diisi (maksimal 1000 karakter)",
        ));
    }
    let txn = state.db.write.begin().await?;
    let s = store::feedback::find_submission(&txn, *id)
        .await?
        .filter(|s| {
            // Only the employee the comment is about, and only a comment they can see.
            s.employee_id.is_some()
                && s.employee_id == p.employee_id
                && s.status == "counted"
                && s.comment.is_some()
                && !s.comment_hidden
        })
        .ok_or_else(submission_not_found)?;
    if s.reply.is_some() {
        return Err(ApiError::conflict(
            "already_replied",
            "Komentar ini sudah Anda balas; balasan hanya sekali",
        ));
    }
    let now = Utc::now();
    let mut am: sub::ActiveModel = s.into();
    am.reply = Set(Some(text.to_string()));
    am.replied_at = Set(Some(now));
    am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback.reply",
        "feedback_submission",
        &id.to_string(),
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ReplyOut {
        id: *id,
        reply: text.to_string(),
        replied_at: now,
    }))
}
