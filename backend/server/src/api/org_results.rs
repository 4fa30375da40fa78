//! The distribution curve per unit and period (SE MenPANRB 3/2023): the organisational
//! result set by the leader one level up, the unit's predikat distribution checked against
//! it, and the unit's finalisation.
//!
//! Invariants:
//! - the evaluations of a unit are those whose snapshot unit is exactly that unit; sub-units
//!   (a kelurahan under the kecamatan) are their own units with their own curve (our choice);
//! - the rules live in `domain::distribution` (limits rounded in the employees' favour;
//!   units below 5 employees warn, never block);
//! - finalising needs the org result, every evaluation of the unit final, every active
//!   member with a supervisor rated final or exempted (ADR 0018), and a conforming
//!   curve or an override reason (≥ 10 characters), which is recorded and audited;
//! - after finalisation the unit's ratings are frozen and nothing here changes again.

use actix_web::{get, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::org_results::{Distribution, FinaliseInput, OrgResultInput, UnitDistributionList};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(set_org_result)
        .service(get_distribution)
        .service(finalise_unit)
        .service(list_unit_distributions);
}

/// Sets the unit's organisational result for the period (admin, HR, or a leader above the
/// unit: a head of an ancestor unit or a supervisor of the unit's head). Not after
/// finalisation or publication.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("code" = String, Path, description = "Unit code")),
    request_body = OrgResultInput,
    security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
    responses(
        (status = 200, body = Distribution),
        (status = 403, description = "Not HR/admin nor a leader above the unit", body = ErrorResponse),
        (status = 409, description = "`unit_finalised` or `period_published`", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/periods/{id}/units/{code}/org-result")]
pub async fn set_org_result(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<OrgResultInput>,
) -> ApiResult<web::Json<Distribution>> {
    let (period_id, code) = path.into_inner();
    let view = app::org_results::set_org_result(&state, &p, period_id, &code, body.result).await?;
    Ok(web::Json(view))
}

/// The unit's distribution of predikat against its organisational result (admin, HR,
/// auditor, and the leaders of and above the unit).
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("code" = String, Path, description = "Unit code")),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = Distribution),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/units/{code}/distribution")]
pub async fn get_distribution(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<Distribution>> {
    let (period_id, code) = path.into_inner();
    Ok(web::Json(
        app::org_results::distribution(&state, &p, period_id, &code).await?,
    ))
}

/// Finalises the unit's results for the period (who may set the org result). Needs the org
/// result (409 `org_result_missing`), every evaluation of the unit final (409
/// `evaluations_not_final`), every active member rated final or exempted (409
/// `unit_incomplete`, naming them in `details.blockers`), and a conforming curve — or, when it breaks in a unit of 5 or
/// more, an `override_reason` of at least 10 characters (else 409 `distribution_violated`,
/// listing the broken rules). Ratings of the unit are frozen afterwards.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("code" = String, Path, description = "Unit code")),
    request_body = FinaliseInput,
    security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
    responses(
        (status = 200, body = Distribution),
        (status = 409, description = "`org_result_missing`, `evaluations_not_final`, `unit_incomplete`, `distribution_violated`, `unit_finalised` or `period_published`", body = ErrorResponse),
        (status = 422, description = "Override reason shorter than 10 or longer than 2000 characters", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/periods/{id}/units/{code}/finalise")]
pub async fn finalise_unit(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<FinaliseInput>,
) -> ApiResult<web::Json<Distribution>> {
    let (period_id, code) = path.into_inner();
    Ok(web::Json(
        app::org_results::finalise(&state, &p, period_id, &code, &body).await?,
    ))
}

/// Every unit of the period with evaluations, an org result or blocking members: where its
/// curve and finalisation stand, and who blocks it — active members with neither a final
/// evaluation nor an exemption (admin, HR, auditor). Publishing needs all of them finalised
/// and no blockers.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = UnitDistributionList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/units")]
pub async fn list_unit_distributions(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<UnitDistributionList>> {
    policy::require(policy::cycle::can_list_unit_distributions(&p))?;
    Ok(web::Json(app::org_results::list_units(&state, *id).await?))
}
