//! Kiosk devices of a target (ADR 0027): a desk's own tablet with its own, higher limits.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::app::feedback as uc;
use crate::auth::{Principal, policy};
use crate::dto::feedback::{KioskCreate, KioskCreated, KioskList, KioskOut};
use crate::error::ApiResult;
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

/// Registers a desk's own tablet as a kiosk of a target (admin, HR). The credential and
/// the setup link are in this answer only.
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path, description = "Feedback target")),
    request_body = KioskCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = KioskCreated),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback-targets/{id}/kiosks")]
pub async fn create_feedback_kiosk(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<KioskCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    let created = uc::create_kiosk(&state, &p, *id, &body.name).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Lists a target's kiosks, active first (admin, HR, auditor); never their credentials.
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path, description = "Feedback target")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = KioskList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/feedback-targets/{id}/kiosks")]
pub async fn list_feedback_kiosks(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<KioskList>> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    Ok(web::Json(uc::list_kiosks(&state, *id).await?))
}

/// Revokes a kiosk at once (admin, HR); its next submission gets 403 `kiosk_invalid`.
/// Revoking a revoked kiosk changes nothing.
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path, description = "Kiosk")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = KioskOut),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/kiosks/{id}/revoke")]
pub async fn revoke_feedback_kiosk(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<KioskOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    Ok(web::Json(uc::revoke_kiosk(&state, &p, *id).await?))
}
