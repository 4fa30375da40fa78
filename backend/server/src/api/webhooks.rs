//! Webhooks for the regional HR system (ADR 0021, docs/webhooks.md): register a URL and the
//! event kinds it wants (the signing secret is shown once), read the delivery log, redeliver.
//! The admin manages every webhook; an API key with `webhooks:write` those it registered.

use actix_web::{HttpResponse, delete, get, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use crate::api::auth::validation;
use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::webhooks::{WebhookCreated, WebhookDeliveryOut, WebhookInput, WebhookOut};
use crate::error::ApiResult;
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_webhook)
        .service(list_webhooks)
        .service(get_webhook)
        .service(update_webhook)
        .service(delete_webhook)
        .service(list_webhook_deliveries)
        .service(redeliver_webhook_delivery);
}

/// Registers a webhook (admin, or an API key with `webhooks:write`). The signing secret is
/// in this response and nowhere else.
#[utoipa::path(
    tag = "webhooks",
    request_body = WebhookInput,
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses(
        (status = 201, body = WebhookCreated),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<WebhookInput>,
) -> ApiResult<HttpResponse> {
    // Who may register is decided before the body is checked (403 before 422).
    policy::require(policy::master::can_manage_webhooks(&p))?;
    body.validate().map_err(validation)?;
    let created = app::webhooks::create(&state, &p, &body).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The webhooks the caller manages (the admin every one, a key its own); never the secrets.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses((status = 200, body = [WebhookOut]), Unauthorized, Forbidden)
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<Vec<WebhookOut>>> {
    Ok(web::Json(app::webhooks::list(&state, &p).await?))
}

/// One webhook.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id")),
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses((status = 200, body = WebhookOut), BadRequest, Unauthorized, Forbidden, NotFound)
)]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<WebhookOut>> {
    Ok(web::Json(
        app::webhooks::read(&state, &p, id.into_inner()).await?,
    ))
}

/// Replaces a webhook's URL, event kinds and description, and its active flag when given
/// (the secret stays).
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id")),
    request_body = WebhookInput,
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses(
        (status = 200, body = WebhookOut),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType,
        ValidationFailed,
    )
)]
#[put("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<WebhookInput>,
) -> ApiResult<web::Json<WebhookOut>> {
    policy::require(policy::master::can_manage_webhooks(&p))?;
    body.validate().map_err(validation)?;
    Ok(web::Json(
        app::webhooks::update(&state, &p, id.into_inner(), &body).await?,
    ))
}

/// Removes a webhook with its deliveries and their log.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id")),
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses(
        (status = 204, description = "Removed"),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::webhooks::delete(&state, &p, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The webhook's newest 100 deliveries, newest first, each with its attempts (status code,
/// error, duration).
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id")),
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses(
        (status = 200, body = [WebhookDeliveryOut]),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<Vec<WebhookDeliveryOut>>> {
    Ok(web::Json(
        app::webhooks::deliveries(&state, &p, id.into_inner()).await?,
    ))
}

/// Sends a delivery again (same id and body) with a fresh retry schedule; 202, sent by the
/// worker shortly. A delivery being sent right now is left to finish.
#[utoipa::path(
    tag = "webhooks",
    params(
        ("id" = Uuid, Path, description = "Webhook id"),
        ("delivery_id" = Uuid, Path, description = "Delivery id"),
    ),
    security(("bearer_auth" = []), ("api_key" = ["webhooks:write"])),
    responses(
        (status = 202, body = WebhookDeliveryOut),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/redeliver")]
pub async fn redeliver_webhook_delivery(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, delivery_id) = path.into_inner();
    let out = app::webhooks::redeliver(&state, &p, id, delivery_id).await?;
    Ok(HttpResponse::Accepted().json(out))
}
