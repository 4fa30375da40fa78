//! Training hours (JP) against the 20 JP/year target, per employee and per unit tree.

use actix_web::{get, web};

use crate::app;
use crate::auth::Principal;
use crate::dto::career::{TrainingHoursOut, UnitHoursOut, UnitYearQuery, YearQuery};
use crate::error::ApiResult;
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized, ValidationFailed};
use crate::state::AppState;

/// Completed training hours (JP) of an employee in a year against the 20 JP target: the
/// hours of done development items, by completion date. Readers of the employee.
#[utoipa::path(
    tag = "career",
    params(("nip" = String, Path), YearQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = TrainingHoursOut),
        BadRequest, Unauthorized, Forbidden, NotFound, ValidationFailed,
    )
)]
#[get("/employees/{nip}/training-hours")]
pub async fn employee_training_hours(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<TrainingHoursOut>> {
    Ok(web::Json(
        app::career::employee_training_hours(&state, &p, &nip, q.year).await?,
    ))
}

/// Completed training hours per employee of a unit (and below) in a year: admin/HR/auditor,
/// and the unit's leaders.
#[utoipa::path(
    tag = "career",
    params(UnitYearQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = UnitHoursOut),
        BadRequest, Unauthorized, Forbidden, NotFound, ValidationFailed,
    )
)]
#[get("/training-hours")]
pub async fn unit_training_hours(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitYearQuery>,
) -> ApiResult<web::Json<UnitHoursOut>> {
    Ok(web::Json(
        app::career::unit_training_hours(&state, &p, q.unit_code.as_deref(), q.year).await?,
    ))
}
