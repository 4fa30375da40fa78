//! Use cases of `auth` (see `api::auth` for the HTTP side): sign-in with throttling,
//! refresh-token rotation with reuse detection, sign-out and the signed-in user.

use sea_orm::{DatabaseTransaction, TransactionTrait};
use uuid::Uuid;

use crate::app::employees::employee_views;
use crate::auth::{Principal, PrincipalKind, password, secret};
use crate::dto::auth::{MeOut, TokenPair, UserOut};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::state::AppState;
use crate::store;

/// Turns validator errors into the 422 envelope.
pub fn validation(e: validator::ValidationErrors) -> ApiError {
    let mut fields = FieldErrors::new();
    for (field, errs) in e.field_errors() {
        fields.insert(
            field.to_string(),
            errs.iter()
                .map(|er| {
                    er.message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| format!("{field} tidak valid"))
                })
                .collect(),
        );
    }
    ApiError::Validation(fields)
}

fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::InvalidCredentials,
        "NIP/email atau kata sandi salah",
    )
}

/// Runs a CPU-heavy password operation off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| anyhow::anyhow!("{what} failed: {e}").into())
}

async fn issue_pair(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &entity::user::Model,
    family: Uuid,
) -> ApiResult<TokenPair> {
    let ttl = state.settings.access_token_ttl_secs;
    let access = state
        .jwt
        .issue(user.id, user.employee_id, store::users::roles_of(user), ttl)?;
    let refresh_token = secret::random_token();
    let expires =
        chrono::Utc::now() + chrono::Duration::days(state.settings.refresh_token_ttl_days);
    store::tokens::insert(
        txn,
        user.id,
        family,
        secret::sha256_hex(&refresh_token),
        expires,
    )
    .await?;
    Ok(TokenPair {
        access_token: access,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: ttl,
    })
}

/// Signs in with NIP or email and password from the client address `client`; refused
/// with 429 while the account or the address is throttled.
pub async fn login(
    state: &AppState,
    username: &str,
    given_password: &str,
    client: &str,
) -> ApiResult<TokenPair> {
    if let Some(wait) = state.throttle.blocked(username, client) {
        return Err(ApiError::TooManyRequests {
            message: format!(
                "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {} menit.",
                wait.div_ceil(60)
            ),
            retry_after: wait,
        });
    }
    let user = store::users::find_by_login(&state.db.read, username).await?;
    // The same work whether or not the account exists.
    let stored = user
        .as_ref()
        .map_or_else(|| password::DUMMY_HASH.clone(), |u| u.password_hash.clone());
    let given = given_password.to_string();
    let ok = blocking("password check", move || password::verify(&given, &stored)).await?;
    let user = match user {
        Some(u) if ok && u.active => u,
        _ => {
            state.throttle.record_failure(username, client);
            return Err(invalid_credentials());
        }
    };
    state.throttle.record_success(username);
    let txn = state.db.write.begin().await?;
    let pair = issue_pair(state, &txn, &user, Uuid::now_v7()).await?;
    txn.commit().await?;
    tracing::info!(user = %user.id, "signed in");
    Ok(pair)
}

/// Exchanges a refresh token for a new pair; a token used twice revokes its family.
pub async fn refresh(state: &AppState, refresh_token: &str) -> ApiResult<TokenPair> {
    let hash = secret::sha256_hex(refresh_token.trim());
    let txn = state.db.write.begin().await?;
    let Some(token) = store::tokens::find_by_hash(&txn, &hash).await? else {
        return Err(ApiError::unauthorized(
            ErrorCode::InvalidRefreshToken,
            "Sesi tidak valid, silakan masuk kembali",
        ));
    };
    if token.revoked_at.is_some() {
        return Err(ApiError::unauthorized(
            ErrorCode::RefreshTokenRevoked,
            "Sesi sudah berakhir, silakan masuk kembali",
        ));
    }
    if token.used_at.is_some() || !store::tokens::mark_used(&txn, token.id).await? {
        store::tokens::revoke_family(&txn, token.family_id).await?;
        txn.commit().await?;
        tracing::warn!(user = %token.user_id, "refresh token reused; sign-in revoked");
        return Err(ApiError::unauthorized(
            ErrorCode::RefreshTokenReused,
            "Token sesi sudah pernah dipakai; demi keamanan semua sesi ini dicabut. Silakan masuk kembali.",
        ));
    }
    if token.expires_at <= chrono::Utc::now() {
        return Err(ApiError::unauthorized(
            ErrorCode::RefreshTokenExpired,
            "Sesi sudah kedaluwarsa, silakan masuk kembali",
        ));
    }
    let user = store::users::find_by_id(&txn, token.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(invalid_credentials)?;
    let pair = issue_pair(state, &txn, &user, token.family_id).await?;
    txn.commit().await?;
    Ok(pair)
}

/// Revokes the refresh token's family; an unknown token is accepted silently.
pub async fn logout(state: &AppState, refresh_token: &str) -> ApiResult<()> {
    let hash = secret::sha256_hex(refresh_token.trim());
    if let Some(token) = store::tokens::find_by_hash(&state.db.write, &hash).await? {
        store::tokens::revoke_family(&state.db.write, token.family_id).await?;
    }
    Ok(())
}

/// The signed-in user with their employee record, supervisor and number of subordinates
/// (403 for an API key).
pub async fn me(state: &AppState, p: &Principal) -> ApiResult<MeOut> {
    let PrincipalKind::User { user_id } = p.kind else {
        return Err(ApiError::Forbidden);
    };
    let db = &state.db.read;
    let user = store::users::find_by_id(db, user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(|| ApiError::unauthorized(ErrorCode::InvalidToken, "Akun tidak aktif"))?;
    let employee = match user.employee_id {
        Some(id) => store::employees::find_by_id(db, id).await?,
        None => None,
    };
    let (employee_out, supervisor, subordinates_count) = match employee {
        Some(e) => {
            let sup = match e.supervisor_id {
                Some(s) => store::employees::find_by_id(db, s).await?,
                None => None,
            };
            let n = store::employees::count_direct_subordinates(db, e.id).await?;
            let view = employee_views(db, vec![e]).await?.into_iter().next();
            let sup_view = match sup {
                Some(s) => employee_views(db, vec![s])
                    .await?
                    .into_iter()
                    .next()
                    .map(|v| v.summary()),
                None => None,
            };
            (view, sup_view, n)
        }
        None => (None, None, 0),
    };
    Ok(MeOut {
        user: UserOut::from(&user),
        employee: employee_out,
        supervisor,
        subordinates_count,
    })
}
