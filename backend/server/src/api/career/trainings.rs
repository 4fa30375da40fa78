//! The training catalogue: read by anyone signed in, managed and imported by admin/HR.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use uuid::Uuid;

use super::upload::read_csv_body;
use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::career::{
    CareerImportReport, DryRunQuery, TrainingInput, TrainingList, TrainingOut, TrainingQuery,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

/// The training catalogue (any signed-in user).
#[utoipa::path(
    tag = "career",
    params(TrainingQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TrainingList),
        (status = 422, description = "Unknown value_code or mode", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/trainings")]
pub async fn list_trainings(
    state: web::Data<AppState>,
    _p: Principal,
    q: web::Query<TrainingQuery>,
) -> ApiResult<web::Json<TrainingList>> {
    Ok(web::Json(app::career::list_trainings(&state, &q).await?))
}

/// Adds a course to the catalogue (admin/HR).
#[utoipa::path(
    tag = "career",
    request_body = TrainingInput,
    security(("bearer_auth" = []), ("api_key" = ["talent:write"])),
    responses(
        (status = 201, body = TrainingOut),
        (status = 409, description = "`training_exists`", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/trainings")]
pub async fn create_training(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<TrainingInput>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::career::can_manage_career(&p))?;
    let out = app::career::create_training(&state, &p, &body).await?;
    Ok(HttpResponse::Created().json(out))
}

/// One course of the catalogue (any signed-in user).
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TrainingOut),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/trainings/{id}")]
pub async fn get_training(
    state: web::Data<AppState>,
    _p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TrainingOut>> {
    Ok(web::Json(app::career::get_training(&state, *id).await?))
}

/// Changes a course (admin/HR).
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path)),
    request_body = TrainingInput,
    security(("bearer_auth" = []), ("api_key" = ["talent:write"])),
    responses(
        (status = 200, body = TrainingOut),
        (status = 409, description = "`training_exists`", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[put("/trainings/{id}")]
pub async fn update_training(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<TrainingInput>,
) -> ApiResult<web::Json<TrainingOut>> {
    policy::require(policy::career::can_manage_career(&p))?;
    Ok(web::Json(
        app::career::update_training(&state, &p, *id, &body).await?,
    ))
}

/// Removes a course no plan uses (admin/HR); a used course is deactivated instead
/// (`PUT` with `active: false`).
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["talent:write"])),
    responses(
        (status = 204, description = "Removed"),
        (status = 409, description = "`training_in_use`", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[delete("/trainings/{id}")]
pub async fn delete_training(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::career::can_manage_career(&p))?;
    app::career::delete_training(&state, &p, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Imports courses from CSV (admin/HR): columns `title, provider, value_code, competency,
/// hours, mode`. All or nothing: any bad row rejects the whole file with a 422 whose `rows`
/// list every problem; an existing title + provider is updated. `dry_run=true` validates only.
#[utoipa::path(
    tag = "career",
    params(DryRunQuery),
    request_body(content((String = "text/csv"))),
    security(("bearer_auth" = []), ("api_key" = ["talent:write"])),
    responses(
        (status = 200, body = CareerImportReport),
        (status = 422, description = "`import_rejected` (rows list every problem) or an unusable CSV", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/trainings/import")]
pub async fn import_trainings(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<DryRunQuery>,
    payload: web::Payload,
) -> ApiResult<web::Json<CareerImportReport>> {
    policy::require(policy::career::can_manage_career(&p))?;
    let bytes = read_csv_body(&req, payload).await?;
    Ok(web::Json(
        app::career::import_trainings(&state, &p, &bytes, q.dry_run).await?,
    ))
}
