//! The `Principal` extractor: who is calling.
//!
//! `Authorization: Bearer <jwt>` identifies a signed-in user; `Authorization: Bearer k360_…`
//! or `X-API-Key: k360_…` identifies an integrating system by its API key. Anything else on
//! a protected endpoint is a 401 in the error envelope.

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::secret::{API_KEY_PREFIX, sha256_hex};
use super::sessions::SessionState;
use crate::domain::master::{ApiScope, Role};
use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::state::AppState;
use crate::store;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrincipalKind {
    User { user_id: Uuid },
    ApiKey { key_id: Uuid, name: String },
}

/// The authenticated caller.
#[derive(Clone, Debug)]
pub struct Principal {
    pub kind: PrincipalKind,
    /// The employee record of a user, if linked.
    pub employee_id: Option<Uuid>,
    pub roles: Vec<String>,
    pub scopes: Vec<String>,
}

impl Principal {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r == role.as_str())
    }

    pub fn has_scope(&self, scope: ApiScope) -> bool {
        self.scopes.iter().any(|s| s == scope.as_str())
    }

    /// Whether the caller is an integrating system (an API key), not a person.
    pub fn is_api_key(&self) -> bool {
        matches!(self.kind, PrincipalKind::ApiKey { .. })
    }

    pub fn user_id(&self) -> Option<Uuid> {
        match self.kind {
            PrincipalKind::User { user_id } => Some(user_id),
            PrincipalKind::ApiKey { .. } => None,
        }
    }

    /// An id for the audit trail: `user:<uuid>` or `api_key:<uuid>`.
    pub fn actor(&self) -> String {
        match &self.kind {
            PrincipalKind::User { user_id } => format!("user:{user_id}"),
            PrincipalKind::ApiKey { key_id, .. } => format!("api_key:{key_id}"),
        }
    }
}

fn missing() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::Unauthenticated,
        "Silakan masuk terlebih dahulu (token akses tidak ada)",
    )
}

fn session_ended() -> ApiError {
    ApiError::unauthorized(
        ErrorCode::SessionEnded,
        "Sesi sudah berakhir (keluar, kata sandi atau peran diubah, atau akun dinonaktifkan). Silakan masuk kembali.",
    )
}

/// Checks that a token issued for `session_version` is still a live session of `user`
/// (401 `session_ended` otherwise). The account's state is cached for at most 30 seconds
/// and forgotten locally whenever this process changes it.
pub async fn check_session(
    state: &AppState,
    user: Uuid,
    session_version: i32,
) -> Result<(), ApiError> {
    let current = match state.sessions.get(user) {
        Some(s) => s,
        None => {
            let s = store::users::find_by_id(&state.db.read, user)
                .await?
                .map_or(
                    SessionState {
                        version: i32::MIN,
                        active: false,
                    },
                    |u| SessionState {
                        version: u.session_version,
                        active: u.active,
                    },
                );
            state.sessions.put(user, s);
            s
        }
    };
    if current.admits(session_version) {
        Ok(())
    } else {
        Err(session_ended())
    }
}

/// The account and session version of a request's bearer access token (not an API key),
/// for long-lived responses that re-check the session (the event stream).
pub fn bearer_session(state: &AppState, req: &HttpRequest) -> Option<(Uuid, i32)> {
    let token = credentials(req).filter(|t| !t.starts_with(API_KEY_PREFIX))?;
    let claims = state.jwt.verify(&token)?;
    Some((claims.sub, claims.sv))
}

fn credentials(req: &HttpRequest) -> Option<String> {
    if let Some(key) = req.headers().get("X-API-Key").and_then(|v| v.to_str().ok()) {
        return Some(key.trim().to_string());
    }
    let header = req.headers().get("Authorization")?.to_str().ok()?;
    let (scheme, token) = header.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = credentials(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| anyhow::anyhow!("AppState missing"))?;
            let token = token.filter(|t| !t.is_empty()).ok_or_else(missing)?;
            if token.starts_with(API_KEY_PREFIX) {
                let key = store::api_keys::find_active_by_hash(&state.db.read, &sha256_hex(&token))
                    .await?
                    .ok_or_else(|| {
                        ApiError::unauthorized(
                            ErrorCode::InvalidApiKey,
                            "Kunci API tidak valid atau sudah dicabut",
                        )
                    })?;
                // Record the last use at most once a minute: a bulk client would otherwise
                // turn every read into a write on the single SQLite writer. Recording must
                // not fail the request.
                let stale = key
                    .last_used_at
                    .is_none_or(|t| chrono::Utc::now() - t > chrono::Duration::seconds(60));
                if stale && let Err(e) = store::api_keys::touch(&state.db.write, key.id).await {
                    tracing::warn!(error = %e, "could not record API key use");
                }
                return Ok(Principal {
                    scopes: store::api_keys::scopes_of(&key),
                    kind: PrincipalKind::ApiKey {
                        key_id: key.id,
                        name: key.name,
                    },
                    employee_id: None,
                    roles: Vec::new(),
                });
            }
            let claims = state.jwt.verify(&token).ok_or_else(|| {
                ApiError::unauthorized(
                    ErrorCode::InvalidToken,
                    "Token akses tidak valid atau sudah kedaluwarsa",
                )
            })?;
            check_session(&state, claims.sub, claims.sv).await?;
            Ok(Principal {
                kind: PrincipalKind::User {
                    user_id: claims.sub,
                },
                employee_id: claims.emp,
                roles: claims.roles,
                scopes: Vec::new(),
            })
        })
    }
}
