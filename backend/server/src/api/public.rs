//! The citizen's side, without login: what a QR code points at, and submitting feedback.
//! The use cases live in `app::public` (shared with the HTML form in `public_form`).

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::api::client::client_address;
use crate::app::public as uc;
use crate::dto::public::{
    FeedbackReceived, KioskActivate, KioskSession, LangQuery, PublicFeedback, PublicTarget,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_public_feedback_target)
        .service(submit_public_feedback)
        .service(activate_kiosk)
        .service(deactivate_kiosk);
}

/// The kiosk cookie: the device credential of a desk's tablet (ADR 0027).
pub const KIOSK_COOKIE: &str = "kinerja_kiosk";

/// The header an integrating kiosk app may send instead of the cookie.
pub const KIOSK_HEADER: &str = "X-Kiosk-Token";

/// The kiosk credential of a request: the header, else the cookie.
pub fn kiosk_credential(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(KIOSK_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.cookie(KIOSK_COOKIE).map(|c| c.value().to_string()))
        .filter(|v| !v.trim().is_empty())
}

fn kiosk_cookie(value: String, max_age: CookieDuration) -> Cookie<'static> {
    Cookie::build(KIOSK_COOKIE, value)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .path("/")
        .max_age(max_age)
        .finish()
}

/// What a QR code points at, with the nine questions in the requested language.
/// Never exposes a NIP or internal id.
#[utoipa::path(
    tag = "public",
    params(("token" = String, Path, description = "Token from the QR code"), LangQuery),
    responses(
        (status = 200, body = PublicTarget),
        (status = 404, description = "Unknown or disabled token", body = ErrorResponse),
        BadRequest,
    )
)]
#[get("/public/feedback-targets/{token}")]
pub async fn get_public_feedback_target(
    state: web::Data<AppState>,
    token: web::Path<String>,
    q: web::Query<LangQuery>,
) -> ApiResult<web::Json<PublicTarget>> {
    let lang = uc::lang_of(q.lang.as_deref());
    Ok(web::Json(uc::public_target(&state, &token, lang).await?))
}

/// Submits a citizen's feedback. 422 names each missing or out-of-range answer
/// (`answers.u3`); 409 when the ticket was already used; 429 when rate-limited.
#[utoipa::path(
    tag = "public",
    params(("token" = String, Path, description = "Token from the QR code")),
    request_body = PublicFeedback,
    responses(
        (status = 201, body = FeedbackReceived),
        (status = 404, description = "Unknown or disabled token", body = ErrorResponse),
        (status = 409, description = "Ticket already used", body = ErrorResponse),
        (status = 422, description = "Missing or out-of-range answer, bad ticket or comment", body = ErrorResponse),
        (status = 429, description = "Too many submissions", body = ErrorResponse),
        BadRequest, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/public/feedback/{token}")]
pub async fn submit_public_feedback(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Json<PublicFeedback>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let client = client_address(&req, state.settings.proxy_hops());
    let done = uc::submit(
        &state,
        &client,
        &token,
        |k| body.answers.get(k).cloned(),
        body.comment.as_deref(),
        body.ticket.as_deref(),
        kiosk_credential(&req).as_deref(),
    )
    .await?;
    Ok(HttpResponse::Created().json(FeedbackReceived {
        message:
            "Terima kasih atas penilaian Anda. Masukan Anda membantu kami memperbaiki pelayanan."
                .into(),
        verified: done.verified,
    }))
}

/// Sets this device up as a kiosk (a desk's own tablet, registered by HR): checks the
/// credential from the setup link and keeps it in the `kinerja_kiosk` cookie
/// (`HttpOnly; Secure; SameSite=Strict`, one year). Submissions from the device then count
/// against the kiosk's own, higher limits at its target. 403 `kiosk_invalid` when the
/// credential is unknown or revoked.
#[utoipa::path(
    tag = "public",
    params(LangQuery),
    request_body = KioskActivate,
    responses(
        (status = 200, body = KioskSession, headers(("Set-Cookie" = String, description = "kinerja_kiosk; HttpOnly; Secure; SameSite=Strict; Path=/"))),
        (status = 403, description = "Unknown or revoked kiosk credential (`kiosk_invalid`)", body = ErrorResponse),
        (status = 404, description = "The kiosk's target is disabled", body = ErrorResponse),
        BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/public/kiosk")]
pub async fn activate_kiosk(
    state: web::Data<AppState>,
    q: web::Query<LangQuery>,
    body: web::Json<KioskActivate>,
) -> ApiResult<HttpResponse> {
    let lang = uc::lang_of(q.lang.as_deref());
    let token = body.token.trim().to_string();
    let session = uc::activate_kiosk(&state, &token, lang).await?;
    Ok(HttpResponse::Ok()
        .cookie(kiosk_cookie(token, CookieDuration::days(365)))
        .json(session))
}

/// Ends kiosk mode on this device: clears the `kinerja_kiosk` cookie.
#[utoipa::path(
    tag = "public",
    responses((status = 204, description = "Kiosk mode ended on this device"))
)]
#[delete("/public/kiosk")]
pub async fn deactivate_kiosk() -> HttpResponse {
    HttpResponse::NoContent()
        .cookie(kiosk_cookie(String::new(), CookieDuration::ZERO))
        .finish()
}
