//! HTTP handlers, one module per resource. Handlers are the use cases:
//! load → authorise (`auth::policy`) → decide (`domain`) → write in one transaction → respond.
//!
//! Every handler is registered with `.service(...)` so utoipa-actix-web puts it in the
//! OpenAPI document; handler names become operation ids.

pub mod api_keys;
pub mod auth;
pub mod employees;
pub mod events;
pub mod health;
pub mod reference;
pub mod units;

use actix_web::{HttpRequest, HttpResponse, error::JsonPayloadError, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;

/// Pagination of every list.
#[derive(Debug, Serialize, ToSchema)]
pub struct PageMeta {
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// Mounts `/api/...`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(
        scope::scope("/api")
            .service(health::health)
            .service(
                scope::scope("/v1")
                    .configure(auth::configure)
                    .configure(units::configure)
                    .configure(employees::configure)
                    .configure(reference::configure)
                    .configure(api_keys::configure)
                    .configure(events::configure)
                    // A nested scope falls back to the app's default (the SPA's HTML page),
                    // not its parent's: unknown /api/v1 paths need their own JSON 404.
                    .default_service(web::to(api_not_found)),
            )
            .default_service(web::to(api_not_found)),
    );
}

async fn api_not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!(
        "Tidak ada endpoint {} {}",
        req.method(),
        req.path()
    )))
}

/// Maps JSON body errors to the envelope: 413, 415 or 400 with what was wrong.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api = match &err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => {
            ApiError::UnsupportedMediaType("Content-Type harus application/json".to_string())
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            ApiError::bad_request("invalid_body", format!("Isi permintaan tidak sesuai: {e}"))
        }
        JsonPayloadError::Deserialize(e) => {
            ApiError::bad_request("invalid_json", format!("JSON tidak valid: {e}"))
        }
        _ => ApiError::bad_request("invalid_body", "Isi permintaan tidak dapat dibaca"),
    };
    api.into()
}

pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("invalid_path", format!("Parameter path tidak valid: {err}")).into()
}

pub fn query_error(
    err: actix_web::error::QueryPayloadError,
    _req: &HttpRequest,
) -> actix_web::Error {
    ApiError::bad_request(
        "invalid_query",
        format!("Parameter query tidak valid: {err}"),
    )
    .into()
}

/// 201 when created, 200 otherwise.
pub fn created_or_ok<T: Serialize>(created: bool, body: &T) -> HttpResponse {
    if created {
        HttpResponse::Created().json(body)
    } else {
        HttpResponse::Ok().json(body)
    }
}
