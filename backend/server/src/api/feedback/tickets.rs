//! Ticket batches of a target.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::app::feedback as uc;
use crate::auth::{Principal, policy};
use crate::dto::feedback::{TicketBatch, TicketBatchCreate, TicketList, TicketQuery};
use crate::error::ApiResult;
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

/// Generates a batch of single-use ticket codes for a target (admin, HR).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path)),
    request_body = TicketBatchCreate,
    security(("bearer_auth" = []), ("api_key" = ["feedback:write"])),
    responses(
        (status = 201, body = TicketBatch),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/feedback-targets/{id}/tickets")]
pub async fn create_feedback_tickets(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<TicketBatchCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::feedback::can_manage_feedback(&p))?;
    let batch = uc::create_tickets(&state, &p, *id, &body.count).await?;
    Ok(HttpResponse::Created().json(batch))
}

/// Lists a target's tickets, newest batch first (admin, HR, auditor).
#[utoipa::path(
    tag = "feedback",
    params(("id" = Uuid, Path), TicketQuery),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = TicketList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/feedback-targets/{id}/tickets")]
pub async fn list_feedback_tickets(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<TicketQuery>,
) -> ApiResult<web::Json<TicketList>> {
    policy::require(policy::feedback::can_read_feedback(&p))?;
    let page = crate::api::page_req(q.page, q.per_page)?;
    Ok(web::Json(
        uc::list_tickets(&state, *id, q.unused, page).await?,
    ))
}
