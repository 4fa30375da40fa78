//! Angka kredit of functional positions: one employee, a unit tree, and its CSV.

use actix_web::{HttpResponse, get, web};

use crate::app;
use crate::auth::Principal;
use crate::dto::career::{UnitYearQuery, YearQuery};
use crate::dto::talent::{EmployeeAk, UnitAk};
use crate::error::ApiResult;
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized, ValidationFailed};
use crate::state::AppState;

/// Angka kredit of an employee in a year, per published period (the employee, their
/// supervisor chain, admin/HR/auditor).
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path), YearQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = EmployeeAk),
        BadRequest, Unauthorized, Forbidden, NotFound, ValidationFailed,
    )
)]
#[get("/employees/{nip}/angka-kredit")]
pub async fn employee_angka_kredit(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<YearQuery>,
) -> ApiResult<web::Json<EmployeeAk>> {
    Ok(web::Json(
        app::talent::employee_angka_kredit(&state, &p, &nip, q.year).await?,
    ))
}

/// Angka kredit of the functional employees of a unit (and below) in a year:
/// admin/HR/auditor and the unit's leaders.
#[utoipa::path(
    tag = "talent",
    params(UnitYearQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = UnitAk),
        BadRequest, Unauthorized, Forbidden, NotFound, ValidationFailed,
    )
)]
#[get("/talent/angka-kredit")]
pub async fn unit_angka_kredit(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitYearQuery>,
) -> ApiResult<web::Json<UnitAk>> {
    Ok(web::Json(
        app::talent::unit_angka_kredit(&state, &p, q.unit_code.as_deref(), q.year).await?,
    ))
}

/// The same angka kredit list as CSV.
#[utoipa::path(
    tag = "talent",
    params(UnitYearQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        BadRequest, Unauthorized, Forbidden, NotFound, ValidationFailed,
    )
)]
#[get("/talent/angka-kredit.csv")]
pub async fn unit_angka_kredit_csv(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitYearQuery>,
) -> ApiResult<HttpResponse> {
    let (year, rows) =
        app::talent::unit_angka_kredit_csv(&state, &p, q.unit_code.as_deref(), q.year).await?;
    crate::api::csv_attachment(&format!("angka-kredit-{year}.csv"), rows)
}
