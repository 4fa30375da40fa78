//! The moderation queue and the employee's reply.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::app::feedback as uc;
use crate::auth::{Principal, policy};
use crate::dto::feedback::{
    AcceptManyInput, AcceptedList, ModerationAction, ModerationQuery, ReasonBody, ReplyBody,
    ReplyOut, SubmissionList, SubmissionOut,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

/// The moderation queue and the other submissions, newest first (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(ModerationQuery),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = SubmissionList),
        (status = 404, description = "Unknown unit_code", body = ErrorResponse),
        (status = 422, description = "Unknown status", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/feedback/moderation")]
pub async fn list_feedback_moderation(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<ModerationQuery>,
) -> ApiResult<web::Json<SubmissionList>> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    let page = crate::api::page_req(q.page, q.per_page)?;
    let list = uc::list_submissions(
        &state,
        &p,
        q.status.as_deref(),
        q.unit_code.as_deref(),
        page,
    )
    .await?;
    Ok(web::Json(list))
}

/// Accepts a held submission: it counts in the index from now on (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = SubmissionOut),
        (status = 409, description = "Not held", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/feedback/{id}/accept")]
pub async fn accept_feedback(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<SubmissionOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    let view = uc::moderate(&state, &p, *id, ModerationAction::Accept, None).await?;
    Ok(web::Json(view))
}

/// Accepts several held submissions at once, all or none, each audited (admin, HR).
/// 404 when an id is unknown, 409 when one is not held.
#[utoipa::path(
    tag = "feedback",
    request_body = AcceptManyInput,
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = AcceptedList),
        (status = 409, description = "One of them is not held", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback/accept")]
pub async fn accept_feedback_many(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<AcceptManyInput>,
) -> ApiResult<web::Json<AcceptedList>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    if body.ids.is_empty() || body.ids.len() > 100 {
        return Err(crate::error::ApiError::field(
            "ids",
            "Pilih 1 sampai 100 penilaian",
        ));
    }
    let items = uc::accept_many(&state, &p, &body.ids).await?;
    Ok(web::Json(AcceptedList { items }))
}

/// Rejects a held submission with a reason: it never counts (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = ReasonBody,
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = SubmissionOut),
        (status = 409, description = "Not held", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback/{id}/reject")]
pub async fn reject_feedback(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ReasonBody>,
) -> ApiResult<web::Json<SubmissionOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    let action = ModerationAction::Reject;
    let view = uc::moderate(&state, &p, *id, action, Some(&body.reason)).await?;
    Ok(web::Json(view))
}

/// Hides an abusive comment with a reason (kept, never deleted; the employee no longer
/// sees it). The scores still count (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = ReasonBody,
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = SubmissionOut),
        (status = 409, description = "No comment to hide", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback/{id}/hide-comment")]
pub async fn hide_feedback_comment(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ReasonBody>,
) -> ApiResult<web::Json<SubmissionOut>> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    let action = ModerationAction::HideComment;
    let view = uc::moderate(&state, &p, *id, action, Some(&body.reason)).await?;
    Ok(web::Json(view))
}

/// The employee's one reply to a comment about them (visible to HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = ReplyBody,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = ReplyOut),
        (status = 404, description = "No visible comment about the caller", body = ErrorResponse),
        (status = 409, description = "Already replied", body = ErrorResponse),
        BadRequest, Unauthorized, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback/{id}/reply")]
pub async fn reply_feedback(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ReplyBody>,
) -> ApiResult<HttpResponse> {
    let out = uc::reply(&state, &p, *id, &body.text).await?;
    Ok(HttpResponse::Created().json(out))
}
