//! The rater's forms: the inbox, one form, saving and submitting answers.

use actix_web::{get, put, web};
use uuid::Uuid;

use crate::app;
use crate::auth::Principal;
use crate::dto::ratings360::*;
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

/// My 360 forms (to fill, in progress or submitted) of a period, or of every open period.
#[utoipa::path(
    tag = "ratings360",
    params(MyFormsQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FormList),
        (status = 404, description = "Period not found", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/me/360")]
pub async fn my_forms(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<MyFormsQuery>,
) -> ApiResult<web::Json<FormList>> {
    let out = app::ratings360::my_forms(&state, &p, q.period_id).await?;
    Ok(web::Json(out))
}

/// One of my forms (the rater only; for anyone else it does not exist).
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FormOut),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/ratings360/{id}")]
pub async fn get_form(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<FormOut>> {
    Ok(web::Json(app::ratings360::get_form(&state, &p, *id).await?))
}

/// Saves my answers (the rater only): scores 1–5 per BerAKHLAK value (all seven to
/// submit; a draft may be partial), optional comments per value (≤ 1000 characters) and an
/// overall comment. Replaces what was saved. Refused once submitted, after the deadline day
/// or when the period is not open.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    request_body = ResponseInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FormOut),
        (status = 409, description = "`response_submitted`, `period_not_open`, `deadline_passed` or `no_360_round`", body = ErrorResponse),
        (status = 422, description = "Scores outside 1–5, unknown values, comments too long, or missing scores when submitting", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/ratings360/{id}")]
pub async fn put_form(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ResponseInput>,
) -> ApiResult<web::Json<FormOut>> {
    let out = app::ratings360::save_response(&state, &p, *id, &body).await?;
    Ok(web::Json(out))
}
