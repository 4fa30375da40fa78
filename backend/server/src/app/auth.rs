//! Use cases of `auth` (see `api::auth` for the HTTP side): sign-in with throttling,
//! refresh-token rotation with reuse detection, sign-out (which ends the account's access
//! tokens), the signed-in user and event-stream tickets.

use sea_orm::{DatabaseTransaction, TransactionTrait};
use uuid::Uuid;

use crate::app::employees::employee_views;
use crate::auth::extract::check_session;
use crate::auth::sessions::TicketHolder;
use crate::auth::{Principal, PrincipalKind, password, secret};
use crate::dto::auth::{EventTicket, MeOut, TokenPair, UserOut};
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

/// Issues an access token for the account's current session version and a refresh token
/// of `family`, inside `txn`.
pub(crate) async fn issue_pair(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &entity::user::Model,
    family: Uuid,
) -> ApiResult<TokenPair> {
    let ttl = state.settings.access_token_ttl_secs;
    let access = state.jwt.issue(
        user.id,
        user.employee_id,
        store::users::roles_of(user),
        user.session_version,
        ttl,
    )?;
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

/// The throttle key of a sign-in: the account when the identifier (NIP or email) names
/// one, so both identifiers count together; otherwise the identifier as typed.
pub(crate) fn throttle_key(user: Option<&entity::user::Model>, username: &str) -> String {
    match user {
        Some(u) => format!("account:{}", u.id),
        None => format!("login:{}", username.trim().to_lowercase()),
    }
}

pub(crate) fn too_many_attempts(wait: u64) -> ApiError {
    ApiError::TooManyRequests {
        message: format!(
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {} menit.",
            wait.div_ceil(60)
        ),
        retry_after: wait,
    }
}

/// The answer to a sign-in with a pending set-password code instead of a password: never
/// a session; 403 `password_change_required` (set a new password with the code first) or
/// 401 `set_password_code_expired`.
fn pending_code_answer(user: &entity::user::Model, given: &str) -> Option<ApiError> {
    let stored = user.set_password_code_hash.as_deref()?;
    if stored != secret::set_password_code_hash(given) {
        return None;
    }
    Some(
        if user
            .set_password_code_expires_at
            .is_none_or(|t| t <= chrono::Utc::now())
        {
            code_expired()
        } else {
            ApiError::forbidden_coded(
                ErrorCode::PasswordChangeRequired,
                "Buat kata sandi baru dengan kode ini terlebih dahulu",
            )
        },
    )
}

pub(crate) fn code_expired() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::SetPasswordCodeExpired,
        "Kode sudah kedaluwarsa; minta kode baru kepada admin/BKPSDM",
    )
}

/// Signs in with NIP or email and password from the client address `client`; refused
/// with 429 while the account (whichever identifier was typed) or the address is
/// throttled.
pub async fn login(
    state: &AppState,
    username: &str,
    given_password: &str,
    client: &str,
) -> ApiResult<TokenPair> {
    let user = store::users::find_by_login(&state.db.read, username).await?;
    let key = throttle_key(user.as_ref(), username);
    if let Some(wait) = state.throttle.blocked(&key, client) {
        return Err(too_many_attempts(wait));
    }
    // The same work whether or not the account exists.
    let stored = user
        .as_ref()
        .map_or_else(|| password::DUMMY_HASH.clone(), |u| u.password_hash.clone());
    let given = given_password.to_string();
    let ok = blocking("password check", move || password::verify(&given, &stored)).await?;
    let user = match user {
        Some(u) if ok && u.active => u,
        Some(u) if u.active && pending_code_answer(&u, given_password).is_some() => {
            return Err(pending_code_answer(&u, given_password).unwrap_or_else(invalid_credentials));
        }
        _ => {
            state.throttle.record_failure(&key, client);
            return Err(invalid_credentials());
        }
    };
    state.throttle.record_success(&key);
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

/// Signs out: revokes the refresh token's family and ends the account's access tokens at
/// once (session version); other devices keep their refresh tokens and get new access
/// tokens. An unknown token is accepted silently.
pub async fn logout(state: &AppState, refresh_token: &str) -> ApiResult<()> {
    let hash = secret::sha256_hex(refresh_token.trim());
    let txn = state.db.write.begin().await?;
    let Some(token) = store::tokens::find_by_hash(&txn, &hash).await? else {
        return Ok(());
    };
    store::tokens::revoke_family(&txn, token.family_id).await?;
    if let Some(user) = store::users::find_by_id(&txn, token.user_id).await? {
        store::users::bump_session(&txn, user).await?;
    }
    txn.commit().await?;
    state.sessions.forget(token.user_id);
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

/// A single-use ticket (30 s) that opens the event stream for the signed-in user, so that
/// no access token travels in a URL (403 for an API key, which sends its header instead).
pub async fn event_ticket(state: &AppState, p: &Principal) -> ApiResult<EventTicket> {
    let PrincipalKind::User { user_id } = p.kind else {
        return Err(ApiError::Forbidden);
    };
    let user = store::users::find_by_id(&state.db.read, user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::Forbidden)?;
    let ticket = state.sse_tickets.issue(TicketHolder {
        user_id,
        employee_id: user.employee_id,
        roles: store::users::roles_of(&user),
        session_version: user.session_version,
    });
    Ok(EventTicket {
        ticket,
        expires_in: state.sse_tickets.ttl().as_secs() as i64,
    })
}

/// The caller a ticket was issued to and their session version, while that session
/// lasts; the ticket is spent.
pub async fn redeem_event_ticket(state: &AppState, ticket: &str) -> ApiResult<(Principal, i32)> {
    let holder = state.sse_tickets.redeem(ticket).ok_or_else(|| {
        ApiError::unauthorized(
            ErrorCode::InvalidTicket,
            "Tiket aliran peristiwa tidak valid, sudah dipakai, atau kedaluwarsa",
        )
    })?;
    check_session(state, holder.user_id, holder.session_version).await?;
    let version = holder.session_version;
    Ok((
        Principal {
            kind: PrincipalKind::User {
                user_id: holder.user_id,
            },
            employee_id: holder.employee_id,
            roles: holder.roles,
            scopes: Vec::new(),
        },
        version,
    ))
}
