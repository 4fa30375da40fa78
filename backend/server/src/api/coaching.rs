//! Continuous feedback (umpan balik berkelanjutan) and coaching (bimbingan kinerja,
//! formats B.1.8 and B.1.9) between a supervisor and an employee.
//!
//! Invariants: feedback notes and coaching sessions are written only by someone above the
//! employee in the supervisor chain, never anonymously (the author is shown); only the
//! coached employee rates a coaching, with exactly nine answers on 1–5; readers are the
//! employee, their chain and admin/HR/auditor (`auth::policy::plans`). Every change is
//! audited (`app::coaching`).

use actix_web::{HttpResponse, get, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::skp::Res;
use crate::app;
use crate::auth::Principal;
use crate::error::ErrorResponse;
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub use crate::dto::coaching::{
    CoachingInput, CoachingList, CoachingOut, CoachingRating, CoachingRatingInput,
    CoachingStatement, CompetencyScore, FeedbackNoteInput, FeedbackNoteList, FeedbackNoteOut,
    NoteQuery, PageQuery, RhkRef, ValueRef,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(coaching_statements)
        .service(add_feedback_note)
        .service(list_feedback_notes)
        .service(add_coaching)
        .service(list_coaching)
        .service(rate_coaching);
}

/// The nine statements of the employee's coaching rating (B.1.8), in answer order.
#[utoipa::path(
    tag = "coaching",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = [CoachingStatement]),
        Unauthorized,
    )
)]
#[get("/reference/coaching-statements")]
pub async fn coaching_statements(_p: Principal) -> web::Json<Vec<CoachingStatement>> {
    web::Json(app::coaching::statements())
}

/// Gives continuous feedback to an employee (anyone above them in the supervisor chain),
/// optionally about one RHK of their SKP or one BerAKHLAK value, in a period.
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path)),
    request_body = FeedbackNoteInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = FeedbackNoteOut),
        (status = 403, description = "Not above the employee in the chain", body = ErrorResponse),
        (status = 422, description = "Empty or long body, unknown value code, an RHK not of this employee, or an unknown period", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/employees/{nip}/feedback-notes")]
pub async fn add_feedback_note(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<FeedbackNoteInput>,
) -> Res<HttpResponse> {
    let view = app::coaching::add_feedback_note(&state, &p, &nip, &body).await?;
    Ok(HttpResponse::Created().json(view))
}

/// An employee's feedback notes, newest first (the employee, their chain, admin/HR/auditor).
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path), NoteQuery),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = FeedbackNoteList),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/employees/{nip}/feedback-notes")]
pub async fn list_feedback_notes(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<NoteQuery>,
) -> Res<web::Json<FeedbackNoteList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let list = app::coaching::list_feedback_notes(&state, &p, &nip, q.period_id, page).await?;
    Ok(web::Json(list))
}

/// Records a coaching session with an employee (a supervisor in their chain), with the
/// leader's competency scores (B.1.9) when given.
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path)),
    request_body = CoachingInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = CoachingOut),
        (status = 403, description = "Not above the employee in the chain", body = ErrorResponse),
        (status = 422, description = "A date in the future, an empty topic, or invalid competency scores", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/employees/{nip}/coaching")]
pub async fn add_coaching(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<CoachingInput>,
) -> Res<HttpResponse> {
    let view = app::coaching::add_coaching(&state, &p, &nip, &body).await?;
    Ok(HttpResponse::Created().json(view))
}

/// An employee's coaching sessions, the most recent first (the employee, their chain,
/// admin/HR/auditor).
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path), PageQuery),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = CoachingList),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/employees/{nip}/coaching")]
pub async fn list_coaching(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Res<web::Json<CoachingList>> {
    let page = super::page_req(q.page, q.per_page)?;
    Ok(web::Json(
        app::coaching::list_coaching(&state, &p, &nip, page).await?,
    ))
}

/// The coached employee rates the session (B.1.8): nine answers 1–5 in statement order
/// and an optional comment. Rating again replaces the earlier answers.
#[utoipa::path(
    tag = "coaching",
    params(("id" = Uuid, Path, description = "Coaching session id")),
    request_body = CoachingRatingInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CoachingOut),
        (status = 403, description = "Not the coached employee", body = ErrorResponse),
        (status = 422, description = "Not exactly nine answers from 1 to 5, or a long comment", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/coaching/{id}/rating")]
pub async fn rate_coaching(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<CoachingRatingInput>,
) -> Res<web::Json<CoachingOut>> {
    Ok(web::Json(
        app::coaching::rate_coaching(&state, &p, *id, &body).await?,
    ))
}
