//! Sign-in, token refresh with rotation, sign-out and the signed-in user.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use sea_orm::{DatabaseTransaction, TransactionTrait};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use crate::api::employees::{EmployeeOut, EmployeeSummary, employee_views};
use crate::auth::{Principal, PrincipalKind, password, secret};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(get_me);
}

#[derive(Deserialize, ToSchema, Validate)]
pub struct LoginRequest {
    /// NIP (18 digits) or email.
    #[schema(min_length = 1, max_length = 254)]
    #[validate(length(min = 1, max = 254, message = "NIP atau email wajib diisi"))]
    pub username: String,
    #[schema(min_length = 1, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "Kata sandi wajib diisi"))]
    pub password: String,
}

#[derive(Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    #[schema(min_length = 1, max_length = 512)]
    #[validate(length(min = 1, max = 512, message = "refresh_token wajib diisi"))]
    pub refresh_token: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
}

/// The signed-in account.
#[derive(Serialize, ToSchema)]
pub struct UserOut {
    pub id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub nip: Option<String>,
    #[schema(value_type = Vec<crate::api::Role>)]
    pub roles: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeOut {
    pub user: UserOut,
    /// The employee record, when the account belongs to an employee.
    pub employee: Option<EmployeeOut>,
    /// The direct supervisor (pejabat penilai).
    pub supervisor: Option<EmployeeSummary>,
    /// Number of direct subordinates; more than zero makes the user a supervisor.
    pub subordinates_count: u64,
}

/// Turns validator errors into the 422 envelope.
pub fn validation(e: validator::ValidationErrors) -> ApiError {
    let mut fields = crate::error::FieldErrors::new();
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

/// The caller's address for throttling: the socket peer, or the proxy-reported client
/// when `trust_proxy` is set.
pub fn client_address(req: &HttpRequest, trust_proxy: bool) -> String {
    if trust_proxy && let Some(ip) = req.connection_info().realip_remote_addr() {
        return ip.to_string();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

fn invalid_credentials() -> ApiError {
    ApiError::unauthorized("invalid_credentials", "NIP/email atau kata sandi salah")
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

/// Signs in with NIP or email and password.
///
/// The answer is the same whether or not the account exists. After repeated failures for
/// an account or from one client address, sign-in is refused with 429 for a while.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 400, description = "Malformed body", body = ErrorResponse),
        (status = 401, description = "Wrong NIP/email or password", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
        (status = 429, description = "Too many failed attempts", body = ErrorResponse),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    body.validate().map_err(validation)?;
    let client = client_address(&req, state.settings.trust_proxy);
    if let Some(wait) = state.throttle.blocked(&body.username, &client) {
        return Err(ApiError::TooManyRequests {
            message: format!(
                "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {} menit.",
                wait.div_ceil(60)
            ),
            retry_after: wait,
        });
    }
    let user = store::users::find_by_login(&state.db.read, &body.username).await?;
    let stored = user
        .as_ref()
        .map_or_else(|| password::DUMMY_HASH.clone(), |u| u.password_hash.clone());
    let given = body.password.clone();
    let ok = web::block(move || password::verify(&given, &stored))
        .await
        .map_err(|e| anyhow::anyhow!("password check failed: {e}"))?;
    let user = match user {
        Some(u) if ok && u.active => u,
        _ => {
            state.throttle.record_failure(&body.username, &client);
            return Err(invalid_credentials());
        }
    };
    state.throttle.record_success(&body.username);
    let txn = state.db.write.begin().await?;
    let pair = issue_pair(&state, &txn, &user, Uuid::now_v7()).await?;
    txn.commit().await?;
    tracing::info!(user = %user.id, "signed in");
    Ok(web::Json(pair))
}

/// Exchanges a refresh token for a new pair. The old refresh token stops working; using
/// it again revokes the whole sign-in (every token of its family).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 400, body = ErrorResponse),
        (status = 401, description = "Unknown, expired, revoked or reused refresh token", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    body.validate().map_err(validation)?;
    let hash = secret::sha256_hex(body.refresh_token.trim());
    let txn = state.db.write.begin().await?;
    let Some(token) = store::tokens::find_by_hash(&txn, &hash).await? else {
        return Err(ApiError::unauthorized(
            "invalid_refresh_token",
            "Sesi tidak valid, silakan masuk kembali",
        ));
    };
    if token.revoked_at.is_some() {
        return Err(ApiError::unauthorized(
            "refresh_token_revoked",
            "Sesi sudah berakhir, silakan masuk kembali",
        ));
    }
    if token.used_at.is_some() || !store::tokens::mark_used(&txn, token.id).await? {
        store::tokens::revoke_family(&txn, token.family_id).await?;
        txn.commit().await?;
        tracing::warn!(user = %token.user_id, "refresh token reused; sign-in revoked");
        return Err(ApiError::unauthorized(
            "refresh_token_reused",
            "Token sesi sudah pernah dipakai; demi keamanan semua sesi ini dicabut. Silakan masuk kembali.",
        ));
    }
    if token.expires_at <= chrono::Utc::now() {
        return Err(ApiError::unauthorized(
            "refresh_token_expired",
            "Sesi sudah kedaluwarsa, silakan masuk kembali",
        ));
    }
    let user = store::users::find_by_id(&txn, token.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(invalid_credentials)?;
    let pair = issue_pair(&state, &txn, &user, token.family_id).await?;
    txn.commit().await?;
    Ok(web::Json(pair))
}

/// Signs out: revokes the refresh token and every token rotated from it.
/// Unknown tokens are accepted silently, so the call is idempotent.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 400, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    body.validate().map_err(validation)?;
    let hash = secret::sha256_hex(body.refresh_token.trim());
    if let Some(token) = store::tokens::find_by_hash(&state.db.write, &hash).await? {
        store::tokens::revoke_family(&state.db.write, token.family_id).await?;
    }
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in user, their employee record, supervisor and roles.
#[utoipa::path(
    tag = "auth",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = MeOut),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Called with an API key", body = ErrorResponse),
    )
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, p: Principal) -> ApiResult<web::Json<MeOut>> {
    let PrincipalKind::User { user_id } = p.kind else {
        return Err(ApiError::Forbidden);
    };
    let db = &state.db.read;
    let user = store::users::find_by_id(db, user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(|| ApiError::unauthorized("invalid_token", "Akun tidak aktif"))?;
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
    Ok(web::Json(MeOut {
        user: UserOut {
            id: user.id,
            name: user.name.clone(),
            email: user.email.clone(),
            nip: user.nip.clone(),
            roles: store::users::roles_of(&user),
        },
        employee: employee_out,
        supervisor,
        subordinates_count,
    }))
}
