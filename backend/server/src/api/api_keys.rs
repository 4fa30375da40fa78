//! API keys for the regional HR system: created by an admin (the key is shown once and
//! stored hashed), scoped, listed with their last use, revocable.

use actix_web::{HttpResponse, delete, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use crate::api::auth::validation;
use crate::auth::{Principal, SCOPES, policy, secret};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_api_key)
        .service(list_api_keys)
        .service(revoke_api_key);
}

#[derive(Deserialize, ToSchema, Validate)]
pub struct ApiKeyCreate {
    /// What the key is for, e.g. "SIMPEG Kota Mataram".
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    #[validate(length(
        min = 1,
        max = 100,
        message = "Nama kunci wajib diisi (maksimal 100 karakter)"
    ))]
    pub name: String,
    /// Any of `master:read`, `master:write`, `results:read`.
    #[schema(value_type = Vec<crate::api::ApiScope>, min_items = 1)]
    #[validate(length(min = 1, message = "Pilih minimal satu cakupan (scope)"))]
    pub scopes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiKeyOut {
    pub id: Uuid,
    pub name: String,
    /// The first characters of the key, to recognise it.
    pub prefix: String,
    #[schema(value_type = Vec<crate::api::ApiScope>)]
    pub scopes: Vec<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiKeyCreated {
    #[serde(flatten)]
    pub info: ApiKeyOut,
    /// The key itself. Shown only in this response; store it safely.
    pub key: String,
}

fn out(k: entity::api_key::Model) -> ApiKeyOut {
    ApiKeyOut {
        scopes: store::api_keys::scopes_of(&k),
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        created_at: k.created_at,
        last_used_at: k.last_used_at,
        revoked_at: k.revoked_at,
    }
}

/// Creates an API key (admin only). The key is in this response and nowhere else.
#[utoipa::path(
    tag = "api-keys",
    request_body = ApiKeyCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = ApiKeyCreated),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<ApiKeyCreate>,
) -> ApiResult<HttpResponse> {
    policy::require_admin(&p)?;
    body.validate().map_err(validation)?;
    let mut scopes: Vec<String> = Vec::new();
    for s in &body.scopes {
        if !SCOPES.contains(&s.as_str()) {
            return Err(ApiError::field(
                "scopes",
                format!(
                    "Cakupan '{s}' tidak dikenal; pilih dari: {}",
                    SCOPES.join(", ")
                ),
            ));
        }
        if !scopes.contains(s) {
            scopes.push(s.clone());
        }
    }
    if body.name.trim().is_empty() {
        return Err(ApiError::field("name", "Nama kunci wajib diisi"));
    }
    let (key, prefix) = secret::new_api_key();
    let model = store::api_keys::insert(
        &state.db.write,
        body.name.trim().to_string(),
        prefix,
        secret::sha256_hex(&key),
        &scopes,
        p.user_id(),
    )
    .await?;
    tracing::info!(key = %model.id, actor = %p.actor(), "API key created");
    Ok(HttpResponse::Created().json(ApiKeyCreated {
        info: out(model),
        key,
    }))
}

/// Lists API keys (admin only); the keys themselves are never shown again.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = [ApiKeyOut]),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
    )
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<Vec<ApiKeyOut>>> {
    policy::require_admin(&p)?;
    let keys = store::api_keys::list(&state.db.read).await?;
    Ok(web::Json(keys.into_iter().map(out).collect()))
}

/// Revokes an API key (admin only); it stops working at once. Idempotent.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "API key id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require_admin(&p)?;
    let id = id.into_inner();
    store::api_keys::find_by_id(&state.db.read, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Kunci API tidak ditemukan".into()))?;
    store::api_keys::revoke(&state.db.write, id).await?;
    tracing::info!(key = %id, actor = %p.actor(), "API key revoked");
    Ok(HttpResponse::NoContent().finish())
}
