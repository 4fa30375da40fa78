//! Handlers of the plan's workflow: submit, approve, return, expectations.

use actix_web::{post, put, web};

use super::Res;
use crate::app;
use crate::auth::Principal;
use crate::domain::skp::SkpAction;
use crate::dto::skp::{ExpectationsInput, ReturnInput, SkpOut};
use crate::error::ErrorResponse;
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

/// The employee submits their plan to the direct supervisor (draft or returned only; at
/// least one RHK utama).
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 403, description = "Not the employee themself", body = ErrorResponse),
        (status = 409, description = "`invalid_transition`: already submitted or approved", body = ErrorResponse),
        (status = 422, description = "`no_rhk_utama`, or `no_supervisor` (nobody to approve)", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[post("/employees/{nip}/skp/{year}/submit")]
pub async fn submit_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    Ok(web::Json(app::skp::submit(&state, &p, &nip, year).await?))
}

/// The direct supervisor approves a submitted plan.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 403, description = "Not the direct supervisor", body = ErrorResponse),
        (status = 409, description = "`invalid_transition`: not submitted", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, ValidationFailed,
    )
)]
#[post("/employees/{nip}/skp/{year}/approve")]
pub async fn approve_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    let view = app::skp::decide(&state, &p, &nip, year, SkpAction::Approve, None).await?;
    Ok(web::Json(view))
}

/// The direct supervisor returns a submitted plan with a reason (5–2000 characters).
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = ReturnInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 403, description = "Not the direct supervisor", body = ErrorResponse),
        (status = 409, description = "`invalid_transition`: not submitted", body = ErrorResponse),
        (status = 422, description = "Reason missing or too short", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/employees/{nip}/skp/{year}/return")]
pub async fn return_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<ReturnInput>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    let reason = body.into_inner().reason;
    let view = app::skp::decide(&state, &p, &nip, year, SkpAction::Return, Some(reason)).await?;
    Ok(web::Json(view))
}

/// The direct supervisor sets or clears the expectation (ekspektasi khusus pimpinan) per
/// BerAKHLAK value. Allowed in every state: an approved plan's expectations may still be
/// clarified (the change is audited and the employee notified). Values left out are kept.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = ExpectationsInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 403, description = "Not the direct supervisor", body = ErrorResponse),
        (status = 422, description = "Unknown value code or text too long", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/employees/{nip}/skp/{year}/expectations")]
pub async fn put_expectations(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<ExpectationsInput>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    let view = app::skp::set_expectations(&state, &p, &nip, year, &body.expectations).await?;
    Ok(web::Json(view))
}
