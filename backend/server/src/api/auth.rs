//! Sign-in, token refresh with rotation, sign-out and the signed-in user.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use crate::api::client::client_address;
use crate::app;
pub use crate::app::auth::validation;
use crate::auth::Principal;
pub use crate::dto::auth::{LoginRequest, MeOut, RefreshRequest, TokenPair, UserOut};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, PayloadTooLarge, Unauthorized, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(get_me);
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
        (status = 429, description = "Too many failed attempts", body = ErrorResponse),
        PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    body.validate().map_err(validation)?;
    let client = client_address(&req, state.settings.proxy_hops());
    let pair = app::auth::login(&state, &body.username, &body.password, &client).await?;
    Ok(web::Json(pair))
}

/// Exchanges a refresh token for a new pair. The old refresh token stops working; using
/// it again revokes the whole sign-in (every token of its family).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, description = "Unknown, expired, revoked or reused refresh token", body = ErrorResponse),
        BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> ApiResult<web::Json<TokenPair>> {
    body.validate().map_err(validation)?;
    Ok(web::Json(
        app::auth::refresh(&state, &body.refresh_token).await?,
    ))
}

/// Signs out: revokes the refresh token and every token rotated from it.
/// Unknown tokens are accepted silently, so the call is idempotent.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    body.validate().map_err(validation)?;
    app::auth::logout(&state, &body.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
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
