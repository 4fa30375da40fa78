//! The citizen's side, without login: what a QR code points at, and submitting feedback.
//! The use cases live in `app::public` (shared with the HTML form in `public_form`).

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::api::client::client_address;
use crate::app::public as uc;
use crate::dto::public::{FeedbackReceived, LangQuery, PublicFeedback, PublicTarget};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, PayloadTooLarge, UnsupportedMediaType};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_public_feedback_target)
        .service(submit_public_feedback);
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
    )
    .await?;
    Ok(HttpResponse::Created().json(FeedbackReceived {
        message:
            "Terima kasih atas penilaian Anda. Masukan Anda membantu kami memperbaiki pelayanan."
                .into(),
        verified: done.verified,
    }))
}
