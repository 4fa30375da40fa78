//! Staff side of citizen feedback: targets with their QR sheets and tickets, the moderation
//! queue, hiding abusive comments, and the employee's reply. The use cases live in
//! `app::feedback`; these handlers authorise (`auth::policy::feedback`) and map to HTTP.

mod kiosks;
mod moderation;
mod tickets;

pub use kiosks::*;
pub use moderation::*;
pub use tickets::*;

use actix_web::{HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app::feedback as uc;
use crate::auth::{Principal, policy};
use crate::dto::feedback::{TargetCreate, TargetList, TargetOut, TargetQuery};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

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
        .service(create_feedback_kiosk)
        .service(list_feedback_kiosks)
        .service(revoke_feedback_kiosk)
        .service(list_feedback_moderation)
        .service(accept_feedback_many)
        .service(accept_feedback)
        .service(reject_feedback)
        .service(hide_feedback_comment)
        .service(reply_feedback);
}

/// Lists feedback targets (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(TargetQuery),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = TargetList),
        (status = 404, description = "Unknown unit_code", body = ErrorResponse),
        (status = 422, description = "Unknown kind", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/feedback-targets")]
pub async fn list_feedback_targets(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<TargetQuery>,
) -> ApiResult<web::Json<TargetList>> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    let page = super::page_req(q.page, q.per_page)?;
    let list = uc::list_targets(&state, q.unit_code.as_deref(), q.kind.as_deref(), page).await?;
    Ok(web::Json(list))
}

/// Creates a target: a service desk of a unit, or one employee (admin, HR).
#[utoipa::path(
    tag = "feedback",
    request_body = TargetCreate,
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 201, body = TargetOut),
        (status = 409, description = "The employee already has a target", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback-targets")]
pub async fn create_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<TargetCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    let view = uc::create_target(&state, &p, &body).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Reads one target (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = TargetOut),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/feedback-targets/{id}")]
pub async fn get_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    Ok(web::Json(uc::get_target(&state, *id).await?))
}

/// Replaces the token: the old QR code stops working at once (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = TargetOut),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/feedback-targets/{id}/rotate")]
pub async fn rotate_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    Ok(web::Json(uc::rotate_target(&state, &p, *id).await?))
}

/// Disables a target: its QR code shows "unknown or inactive" (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = TargetOut),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/feedback-targets/{id}/disable")]
pub async fn disable_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    Ok(web::Json(
        uc::set_target_active(&state, &p, *id, false).await?,
    ))
}

/// Enables a disabled target again (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = TargetOut),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/feedback-targets/{id}/enable")]
pub async fn enable_feedback_target(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TargetOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    Ok(web::Json(
        uc::set_target_active(&state, &p, *id, true).await?,
    ))
}

/// The printable QR sheet as SVG (office name, QR code, URL, instruction).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, description = "SVG image", content_type = "image/svg+xml", body = String),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/feedback-targets/{id}/qr.svg")]
pub async fn get_feedback_target_qr_svg(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    let svg = uc::qr_svg(&state, *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header(("Content-Disposition", "inline; filename=\"kode-qr.svg\""))
        .body(svg))
}

/// The printable QR sheet as PNG (600 × 840).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, description = "PNG image", content_type = "image/png", body = Vec<u8>),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/feedback-targets/{id}/qr.png")]
pub async fn get_feedback_target_qr_png(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    let png = uc::qr_png(&state, *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/png")
        .insert_header(("Content-Disposition", "inline; filename=\"kode-qr.png\""))
        .body(png))
}
