//! API keys for the regional HR system: created by an admin (the key is shown once and
//! stored hashed), scoped, listed with their last use, revocable.

use actix_web::{HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use crate::api::auth::validation;
use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::api_keys::{ApiKeyCreate, ApiKeyCreated, ApiKeyOut};
use crate::error::ApiResult;
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_api_key)
        .service(list_api_keys)
        .service(revoke_api_key);
}

/// Creates an API key (admin only). The key is in this response and nowhere else.
#[utoipa::path(
    tag = "api-keys",
    request_body = ApiKeyCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = ApiKeyCreated),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<ApiKeyCreate>,
) -> ApiResult<HttpResponse> {
    // Who may create keys is decided before the body is checked (403 before 422).
    policy::require(policy::master::can_manage_api_keys(&p))?;
    body.validate().map_err(validation)?;
    let created = app::api_keys::create_api_key(&state, &p, &body).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Lists API keys (admin only); the keys themselves are never shown again.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = [ApiKeyOut]),
        Unauthorized, Forbidden,
    )
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<Vec<ApiKeyOut>>> {
    Ok(web::Json(app::api_keys::list_api_keys(&state, &p).await?))
}

/// Revokes an API key (admin only); it stops working at once. Idempotent.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "API key id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Revoked"),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::api_keys::revoke_api_key(&state, &p, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
