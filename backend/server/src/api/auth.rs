//! Sign-in, token refresh with rotation, sign-out, the signed-in user and passwords.
//!
//! The refresh token travels in the cookie `kinerja_refresh` (`HttpOnly; Secure;
//! SameSite=Strict; Path=/api/v1/auth`): sign-in and set-password set it, refresh rotates
//! it, sign-out clears it. The body's `refresh_token` is kept for one release for API
//! clients and is deprecated (ADR 0016).

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use crate::api::client::client_address;
use crate::app;
pub use crate::app::auth::validation;
use crate::auth::Principal;
pub use crate::dto::auth::{
    ChangePasswordRequest, LoginRequest, MeOut, RefreshRequest, SetPasswordRequest, TokenPair,
    UserOut,
};
use crate::error::{ApiError, ApiResult, ErrorCode, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, PayloadTooLarge, Unauthorized, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

/// The refresh cookie's name.
pub const REFRESH_COOKIE: &str = "kinerja_refresh";
const REFRESH_COOKIE_PATH: &str = "/api/v1/auth";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(set_password)
        .service(get_me)
        .service(change_own_password);
}

fn refresh_cookie(value: String, max_age: CookieDuration) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .path(REFRESH_COOKIE_PATH)
        .max_age(max_age)
        .finish()
}

/// 200 with the pair, and the refresh token set as the cookie.
fn with_cookie(state: &AppState, pair: TokenPair) -> HttpResponse {
    let days = state.settings.refresh_token_ttl_days.max(0);
    HttpResponse::Ok()
        .cookie(refresh_cookie(
            pair.refresh_token.clone(),
            CookieDuration::days(days),
        ))
        .json(pair)
}

/// The refresh token of a request: the deprecated body field when sent, else the cookie.
fn refresh_token_of(req: &HttpRequest, body: Option<&RefreshRequest>) -> ApiResult<Option<String>> {
    if let Some(b) = body {
        b.validate().map_err(validation)?;
        return Ok(Some(b.refresh_token.clone()));
    }
    Ok(req
        .cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty()))
}

/// Parses an optional JSON body: empty means none; anything else must be valid.
fn optional_body(bytes: &web::Bytes) -> ApiResult<Option<RefreshRequest>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    // JSON `null` is "no body" too (the spec's body is optional and nullable).
    serde_json::from_slice::<Option<RefreshRequest>>(bytes).map_err(|e| {
        ApiError::bad_request(
            ErrorCode::InvalidBody,
            format!("Isi permintaan tidak sesuai: {e}"),
        )
    })
}

/// Signs in with NIP or email and password.
///
/// The answer is the same whether or not the account exists. After repeated failures for
/// an account (whichever identifier was typed) or from one client address, sign-in is
/// refused with 429 for a while. Signing in with a one-time set-password code instead of
/// a password gives no session: 403 `password_change_required` (use
/// `POST /auth/set-password`) or 401 `set_password_code_expired`. Sets the refresh cookie.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenPair, headers(("Set-Cookie" = String, description = "kinerja_refresh; HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth"))),
        (status = 400, description = "Malformed body", body = ErrorResponse),
        (status = 401, description = "Wrong NIP/email or password, or an expired set-password code", body = ErrorResponse),
        (status = 403, description = "A set-password code was given: set a new password first", body = ErrorResponse),
        (status = 429, description = "Too many failed attempts", body = ErrorResponse),
        PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    body.validate().map_err(validation)?;
    let client = client_address(&req, state.settings.proxy_hops());
    let pair = app::auth::login(&state, &body.username, &body.password, &client).await?;
    Ok(with_cookie(&state, pair))
}

/// Exchanges the refresh token (the `kinerja_refresh` cookie, or the deprecated body
/// field) for a new pair and rotates the cookie. The old refresh token stops working;
/// using it again revokes the whole sign-in (every token of its family).
#[utoipa::path(
    tag = "auth",
    request_body(content = Option<RefreshRequest>, description = "Deprecated: send nothing; the cookie carries the refresh token"),
    responses(
        (status = 200, body = TokenPair),
        (status = 401, description = "No, unknown, expired, revoked or reused refresh token", body = ErrorResponse),
        BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let body = optional_body(&body)?;
    let token = refresh_token_of(&req, body.as_ref())?.ok_or_else(|| {
        ApiError::unauthorized(
            ErrorCode::InvalidRefreshToken,
            "Sesi tidak ada, silakan masuk kembali",
        )
    })?;
    let pair = app::auth::refresh(&state, &token).await?;
    Ok(with_cookie(&state, pair))
}

/// Signs out: revokes the refresh token (cookie or deprecated body field) and every token
/// rotated from it, ends the account's access tokens at once and clears the cookie.
/// Unknown tokens are accepted silently, so the call is idempotent.
#[utoipa::path(
    tag = "auth",
    request_body(content = Option<RefreshRequest>, description = "Deprecated: send nothing; the cookie carries the refresh token"),
    responses(
        (status = 204, description = "Signed out"),
        BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let body = optional_body(&body)?;
    if let Some(token) = refresh_token_of(&req, body.as_ref())? {
        app::auth::logout(&state, &token).await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie(String::new(), CookieDuration::ZERO))
        .finish())
}

/// Sets a new password with the one-time set-password code from the admin/HR (valid 24
/// hours, single use) and signs in; every earlier session of the account has ended.
#[utoipa::path(
    tag = "auth",
    request_body = SetPasswordRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, description = "Unknown, used or expired code (`set_password_code_expired`)", body = ErrorResponse),
        (status = 429, description = "Too many wrong codes from this address", body = ErrorResponse),
        BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/set-password")]
pub async fn set_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<SetPasswordRequest>,
) -> ApiResult<HttpResponse> {
    body.validate().map_err(validation)?;
    let client = client_address(&req, state.settings.proxy_hops());
    let pair =
        app::passwords::set_with_code(&state, &body.code, &body.new_password, &client).await?;
    Ok(with_cookie(&state, pair))
}

/// The signed-in user, their employee record, supervisor and roles.
#[utoipa::path(
    tag = "auth",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = MeOut),
        (status = 403, description = "Called with an API key", body = ErrorResponse),
        Unauthorized,
    )
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, p: Principal) -> ApiResult<web::Json<MeOut>> {
    Ok(web::Json(app::auth::me(&state, &p).await?))
}

/// Changes the signed-in user's own password (the current one is required). Every other
/// session of the account ends; this one continues with the new pair returned here.
#[utoipa::path(
    tag = "auth",
    request_body = ChangePasswordRequest,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TokenPair),
        (status = 403, description = "Called with an API key", body = ErrorResponse),
        (status = 429, description = "Too many wrong current passwords", body = ErrorResponse),
        BadRequest, Unauthorized, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/me/password")]
pub async fn change_own_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    body.validate().map_err(validation)?;
    let client = client_address(&req, state.settings.proxy_hops());
    let pair = app::passwords::change_own(
        &state,
        &p,
        &body.current_password,
        &body.new_password,
        &client,
    )
    .await?;
    Ok(with_cookie(&state, pair))
}
