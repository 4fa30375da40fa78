//! Use cases of `api_keys` (see `api::api_keys` for the HTTP side): keys for the regional
//! HR system, shown once, stored hashed, scoped, revocable.

use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::auth::{Principal, policy, secret};
use crate::domain::master::{ApiScope, key_scopes};
use crate::dto::api_keys::{ApiKeyCreate, ApiKeyCreated, ApiKeyOut};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

fn require_manager(p: &Principal) -> ApiResult<()> {
    policy::require(policy::master::can_manage_api_keys(p))
}

/// Creates a key; the key itself is in the answer and nowhere else.
pub async fn create_api_key(
    state: &AppState,
    p: &Principal,
    input: &ApiKeyCreate,
) -> ApiResult<ApiKeyCreated> {
    require_manager(p)?;
    let scopes = key_scopes(&input.scopes).map_err(|s| {
        ApiError::field(
            "scopes",
            format!(
                "Cakupan '{s}' tidak dikenal; pilih dari: {}",
                ApiScope::list()
            ),
        )
    })?;
    if input.name.trim().is_empty() {
        return Err(ApiError::field("name", "Nama kunci wajib diisi"));
    }
    let scopes: Vec<String> = scopes.iter().map(|s| s.as_str().to_string()).collect();
    let (key, prefix) = secret::new_api_key();
    let txn = state.db.write.begin().await?;
    let model = store::api_keys::insert(
        &txn,
        input.name.trim().to_string(),
        prefix,
        secret::sha256_hex(&key),
        &scopes,
        p.user_id(),
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "api_key.create",
        "api_key",
        &model.id.to_string(),
        json!({ "name": model.name, "prefix": model.prefix, "scopes": scopes }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(key = %model.id, actor = %p.actor(), "API key created");
    Ok(ApiKeyCreated {
        info: model.into(),
        key,
    })
}

/// Every key, newest first; the keys themselves are never shown again.
pub async fn list_api_keys(state: &AppState, p: &Principal) -> ApiResult<Vec<ApiKeyOut>> {
    require_manager(p)?;
    let keys = store::api_keys::list(&state.db.read).await?;
    Ok(keys.into_iter().map(ApiKeyOut::from).collect())
}

/// Revokes a key (idempotent); 404 when there is no such key.
pub async fn revoke_api_key(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<()> {
    require_manager(p)?;
    let txn = state.db.write.begin().await?;
    let key = store::api_keys::find_by_id(&txn, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Kunci API tidak ditemukan".into()))?;
    if key.revoked_at.is_some() {
        return Ok(());
    }
    store::api_keys::revoke(&txn, id).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "api_key.revoke",
        "api_key",
        &id.to_string(),
        json!({ "name": key.name, "prefix": key.prefix }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(key = %id, actor = %p.actor(), "API key revoked");
    Ok(())
}
