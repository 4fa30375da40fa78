//! Use cases of passwords (ADR 0016): setting a new password with a one-time set-password
//! code (after an account is created or reset), and changing one's own password. Both end
//! every other session of the account and sign this one in afresh.

use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::app::auth::{blocking, code_expired, issue_pair, throttle_key, too_many_attempts};
use crate::auth::{Principal, password, secret};
use crate::dto::auth::TokenPair;
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

fn strong_enough(new_password: &str) -> ApiResult<()> {
    password::check_strength(new_password).map_err(|m| ApiError::field("new_password", m))
}

/// Saves `hash` as the account's password, ends its sessions and refresh tokens, records
/// `action` in the audit log and signs this client in with a new pair, in one transaction.
async fn replace_password(
    state: &AppState,
    user: entity::user::Model,
    hash: String,
    actor: &str,
    action: &str,
) -> ApiResult<TokenPair> {
    let user_id = user.id;
    let txn = state.db.write.begin().await?;
    let user = store::users::set_password(&txn, user, hash).await?;
    let user = store::users::bump_session(&txn, user).await?;
    store::tokens::revoke_user(&txn, user.id).await?;
    store::audit::append(
        &txn,
        actor,
        action,
        "user",
        &user.id.to_string(),
        json!({ "nip": user.nip }),
    )
    .await?;
    let pair = issue_pair(state, &txn, &user, Uuid::now_v7()).await?;
    txn.commit().await?;
    state.sessions.forget(user_id);
    Ok(pair)
}

/// Sets a new password with a one-time set-password code and signs in. An unknown code is
/// a failed sign-in for the client address (401); an expired one is 401
/// `set_password_code_expired`.
pub async fn set_with_code(
    state: &AppState,
    code: &str,
    new_password: &str,
    client: &str,
) -> ApiResult<TokenPair> {
    let code_hash = secret::set_password_code_hash(code);
    let key = format!("code:{code_hash}");
    if let Some(wait) = state.throttle.blocked(&key, client) {
        return Err(too_many_attempts(wait));
    }
    let Some(user) = store::users::find_by_code_hash(&state.db.read, &code_hash)
        .await?
        .filter(|u| u.active)
    else {
        state.throttle.record_failure(&key, client);
        return Err(ApiError::unauthorized(
            ErrorCode::InvalidCredentials,
            "Kode tidak valid atau sudah dipakai",
        ));
    };
    if user
        .set_password_code_expires_at
        .is_none_or(|t| t <= chrono::Utc::now())
    {
        return Err(code_expired());
    }
    strong_enough(new_password)?;
    let given = new_password.to_string();
    let hash = blocking("hashing", move || password::hash(&given)).await??;
    let actor = format!("user:{}", user.id);
    replace_password(state, user, hash, &actor, "account.password_set").await
}

/// Changes the caller's own password (the current one is required); other sessions end.
pub async fn change_own(
    state: &AppState,
    p: &Principal,
    current_password: &str,
    new_password: &str,
    client: &str,
) -> ApiResult<TokenPair> {
    let user_id = p.user_id().ok_or(ApiError::Forbidden)?;
    let user = store::users::find_by_id(&state.db.read, user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::Forbidden)?;
    let key = throttle_key(Some(&user), "");
    if let Some(wait) = state.throttle.blocked(&key, client) {
        return Err(too_many_attempts(wait));
    }
    let stored = user.password_hash.clone();
    let given = current_password.to_string();
    let ok = blocking("password check", move || password::verify(&given, &stored)).await?;
    if !ok {
        state.throttle.record_failure(&key, client);
        return Err(ApiError::field(
            "current_password",
            "Kata sandi saat ini salah",
        ));
    }
    if current_password == new_password {
        return Err(ApiError::field(
            "new_password",
            "Kata sandi baru harus berbeda dari yang sekarang",
        ));
    }
    strong_enough(new_password)?;
    let given = new_password.to_string();
    let hash = blocking("hashing", move || password::hash(&given)).await??;
    replace_password(state, user, hash, &p.actor(), "account.password_change").await
}
