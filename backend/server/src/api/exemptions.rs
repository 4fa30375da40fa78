//! Exemptions from a period's evaluation (ADR 0018): HR records that an active employee is
//! not evaluated in a period — cuti, tugas belajar, dipekerjakan (secondment) or another
//! reason with a note — so the unit can be finalised and the period published without them.
//!
//! Invariants:
//! - admin and HR write, the auditor reads too; every change is audited;
//! - nothing changes once the period is published or the employee's unit is finalised;
//! - an employee has either an evaluation or an exemption in a period, never both, so an
//!   exempted employee gets no predikat, no `predikat_published` event and no export row.

use actix_web::{HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::exemptions::{ExemptionInput, ExemptionList, ExemptionOut};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_exemptions)
        .service(create_exemption)
        .service(delete_exemption);
}

/// The period's exemptions, oldest first (admin, HR, auditor).
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = ExemptionList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/exemptions")]
pub async fn list_exemptions(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ExemptionList>> {
    policy::require(policy::cycle::can_read_exemptions(&p))?;
    Ok(web::Json(app::exemptions::list(&state, *id).await?))
}

/// Exempts an employee from the period's evaluation (admin, HR), with a reason and a note.
/// Not once the period is published or the unit finalised, not for an employee who already
/// has an evaluation in the period, once per employee.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id")),
    request_body = ExemptionInput,
    security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
    responses(
        (status = 201, body = ExemptionOut),
        (status = 409, description = "`exemption_exists`, `employee_evaluated`, `unit_finalised` or `period_published`", body = ErrorResponse),
        (status = 422, description = "A note shorter than 5 or longer than 1000 characters", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/periods/{id}/exemptions")]
pub async fn create_exemption(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ExemptionInput>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::cycle::can_manage_exemptions(&p))?;
    let out = app::exemptions::create(&state, &p, *id, &body).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Removes an employee's exemption (admin, HR); the path names the employee by NIP. Not
/// once the period is published or the unit finalised.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "NIP of the exempted employee")),
    security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
    responses(
        (status = 204, description = "Removed"),
        (status = 409, description = "`unit_finalised` or `period_published`", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[delete("/periods/{id}/exemptions/{nip}")]
pub async fn delete_exemption(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::cycle::can_manage_exemptions(&p))?;
    let (id, nip) = path.into_inner();
    app::exemptions::delete(&state, &p, id, &nip).await?;
    Ok(HttpResponse::NoContent().finish())
}
