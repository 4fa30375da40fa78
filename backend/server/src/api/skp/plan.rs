//! Handlers of the plan itself: read, write, copy, the supervisor's RHK to link to, and
//! the approval inbox.

use actix_web::{HttpResponse, get, post, put, web};

use super::Res;
use crate::app;
use crate::auth::Principal;
use crate::dto::skp::{ApprovalList, ApprovalQuery, CopyInput, ParentOptions, SkpInput, SkpOut};
use crate::error::ErrorResponse;
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

/// An employee's SKP of a year (the employee, their supervisor chain, admin/HR/auditor).
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = SkpOut),
        (status = 404, description = "No such employee (or not visible), or `skp_not_found`", body = ErrorResponse),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/employees/{nip}/skp/{year}")]
pub async fn get_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<SkpOut>> {
    let (nip, year) = path.into_inner();
    Ok(web::Json(app::skp::get_plan(&state, &p, &nip, year).await?))
}

/// Creates (201) or replaces (200) the employee's own plan while it is a draft or returned.
/// Items that carry the `id` of an existing RHK or indicator of this plan keep it.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = SkpInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SkpOut),
        (status = 201, body = SkpOut),
        (status = 403, description = "Not the employee themself", body = ErrorResponse),
        (status = 409, description = "`skp_locked`: submitted or approved", body = ErrorResponse),
        (status = 422, description = "Invalid plan (fields name each problem), a parent RHK that is not the supervisor's, or an unknown item id", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/employees/{nip}/skp/{year}")]
pub async fn put_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<SkpInput>,
) -> Res<HttpResponse> {
    let (nip, year) = path.into_inner();
    let (created, view) = app::skp::save_plan(&state, &p, &nip, year, body.into_inner()).await?;
    Ok(crate::api::created_or_ok(created, &view))
}

/// The employee starts the year's plan from an earlier one: RHK items, indicators and
/// expectations are copied into a new draft (not the status). Links to the supervisor's
/// RHK are kept only when still valid for the new year.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    request_body = CopyInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = SkpOut),
        (status = 403, description = "Not the employee themself", body = ErrorResponse),
        (status = 404, description = "No plan for `from_year`", body = ErrorResponse),
        (status = 409, description = "`skp_exists`: a plan for the year exists", body = ErrorResponse),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
        BadRequest, Unauthorized, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/employees/{nip}/skp/{year}/copy-from")]
pub async fn copy_skp(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
    body: web::Json<CopyInput>,
) -> Res<HttpResponse> {
    let (nip, year) = path.into_inner();
    let view = app::skp::copy_plan(&state, &p, &nip, year, body.from_year).await?;
    Ok(HttpResponse::Created().json(view))
}

/// The direct supervisor's RHK items of the year, which the employee's RHK may support.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ParentOptions),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/employees/{nip}/skp/{year}/parent-options")]
pub async fn parent_options(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> Res<web::Json<ParentOptions>> {
    let (nip, year) = path.into_inner();
    Ok(web::Json(
        app::skp::parent_options(&state, &p, &nip, year).await?,
    ))
}

/// The approval inbox: the caller's direct subordinates and their plan of the year.
#[utoipa::path(
    tag = "skp",
    params(ApprovalQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ApprovalList),
        (status = 422, description = "Unknown status filter or year outside 2000–2100", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/skp/approvals")]
pub async fn list_approvals(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<ApprovalQuery>,
) -> Res<web::Json<ApprovalList>> {
    let list = app::skp::list_approvals(&state, &p, q.year, q.status.as_deref()).await?;
    Ok(web::Json(list))
}
