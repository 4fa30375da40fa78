//! Recommendations and development plans: who may read or write is decided in
//! `app::career` with the loaded employee (the employee, their supervisor chain,
//! admin/HR/auditor read; the direct supervisor plans; the employee records progress).

use actix_web::{HttpResponse, get, patch, post, web};
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::career::{
    CompletedQuery, ItemList, ItemOut, ItemPage, ItemProgressInput, PlanInput, PlanItemQuery,
    PlanList, PlanOut, RecommendationList, RecommendationQuery,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

/// The development recommendations of an employee for a published period, each with its
/// cause and rule (computed on read). Readers: the employee, their supervisor chain,
/// admin/HR/auditor.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path), RecommendationQuery),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = RecommendationList),
        (status = 404, description = "Unknown NIP, or the period does not exist or is not published", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/employees/{nip}/recommendations")]
pub async fn get_recommendations(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<RecommendationQuery>,
) -> ApiResult<web::Json<RecommendationList>> {
    Ok(web::Json(
        app::career::get_recommendations(&state, &p, &nip, q.period_id).await?,
    ))
}

/// Creates a development plan for a subordinate (the DIRECT supervisor only), from
/// recommendations or free items.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path)),
    request_body = PlanInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = PlanOut),
        (status = 403, description = "Not the employee's direct supervisor", body = ErrorResponse),
        (status = 422, description = "Invalid items, or a referenced training, mentor or period does not exist", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/employees/{nip}/development-plans")]
pub async fn create_plan(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<PlanInput>,
) -> ApiResult<HttpResponse> {
    let out = app::career::create_plan(&state, &p, &nip, &body).await?;
    Ok(HttpResponse::Created().json(out))
}

/// An employee's development plans with items and certificates (the employee, their
/// supervisor chain, admin/HR/auditor; anyone else 403).
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path)),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = PlanList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/employees/{nip}/development-plans")]
pub async fn list_plans(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
) -> ApiResult<web::Json<PlanList>> {
    Ok(web::Json(app::career::list_plans(&state, &p, &nip).await?))
}

/// Updates an item's progress (the employee only): status, note, completion date.
/// Done sets `completed_on` (given or today); leaving done clears it.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id")),
    request_body = ItemProgressInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ItemOut),
        (status = 403, description = "Not the plan's employee", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[patch("/development-items/{id}")]
pub async fn update_item(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ItemProgressInput>,
) -> ApiResult<web::Json<ItemOut>> {
    Ok(web::Json(
        app::career::update_item(&state, &p, *id, &body).await?,
    ))
}

/// Development plan items across employees for HR (admin/HR/auditor), by due date;
/// `overdue=true` keeps only items not done and past due.
#[utoipa::path(
    tag = "career",
    params(PlanItemQuery),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = ItemPage),
        (status = 404, description = "Unknown unit", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/development-plans")]
pub async fn list_plan_items(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<PlanItemQuery>,
) -> ApiResult<web::Json<ItemPage>> {
    policy::require(policy::reads_all_performance(&p))?;
    let page = crate::api::page_req(q.page, q.per_page)?;
    let overdue = q.overdue.unwrap_or(false);
    Ok(web::Json(
        app::career::list_plan_items(&state, q.unit_code.as_deref(), overdue, page).await?,
    ))
}

/// Finished development items of an employee (shown on the next period's evaluation
/// screens). Readers: the employee, their supervisor chain, admin/HR/auditor.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path), CompletedQuery),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = ItemList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/employees/{nip}/development/completed")]
pub async fn completed_development(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<CompletedQuery>,
) -> ApiResult<web::Json<ItemList>> {
    Ok(web::Json(
        app::career::completed_development(&state, &p, &nip, q.since).await?,
    ))
}
