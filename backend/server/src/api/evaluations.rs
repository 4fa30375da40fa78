//! The supervisor's ratings for a period, the supervisor's team view, the employee's own
//! published results with the "why", and the results the HR system reads.
//!
//! Invariants:
//! - only the direct supervisor (pejabat penilai) rates, only while the period is open,
//!   only when the employee's SKP for the year is approved, and not once the evaluation is
//!   final or the unit's distribution is finalised;
//! - the predikat always comes from the matrix (`domain::predikat`), never typed;
//! - when the 360 suggests another behaviour rating than the supervisor gives, a
//!   justification is required and kept with the suggestion and its mean;
//! - an employee sees their results only once the period is published.

use actix_web::{HttpResponse, get, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::app::evaluations::RateOutcome;
use crate::auth::{Principal, policy};
use crate::domain::predikat::Rating;
use crate::dto::evaluations::{
    EvaluationInput, MyResultList, ResultList, ResultOut, ResultQuery, TeamList,
};
use crate::error::ErrorCode;
use crate::error::{ApiResult, ErrorBody, ErrorResponse, FieldErrors};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_evaluation)
        .service(list_period_results)
        .service(get_team)
        .service(my_results);
}

/// A 422 with a stable code of its own and the field it concerns (the shared error type
/// only pairs field lists with `validation_failed`).
fn justification_required(suggested: Rating) -> HttpResponse {
    let message = format!(
        "Rating perilaku berbeda dari saran 360 ({}); tuliskan alasannya",
        suggested.label()
    );
    let mut fields = FieldErrors::new();
    fields.insert("justification".into(), vec![message.clone()]);
    HttpResponse::UnprocessableEntity().json(ErrorResponse {
        error: ErrorBody {
            code: ErrorCode::JustificationRequired,
            message,
            fields: Some(fields),
            rows: None,
            details: None,
        },
    })
}

/// Sets the supervisor's two ratings for a subordinate (the direct supervisor only, while
/// the period is open, when the SKP of the year is approved). The predikat follows from
/// the matrix. When a 360 suggestion exists and the behaviour rating differs from it, a
/// justification is required (422 `justification_required`).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path)),
    request_body = EvaluationInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ResultOut),
        (status = 403, description = "Not the employee's direct supervisor", body = ErrorResponse),
        (status = 409, description = "`period_not_open`, `evaluation_final`, `unit_finalised` or `skp_not_approved`", body = ErrorResponse),
        (status = 422, description = "`justification_required` (field `justification`) or a too long justification", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/periods/{id}/evaluations/{nip}")]
pub async fn put_evaluation(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<EvaluationInput>,
) -> ApiResult<HttpResponse> {
    let (period_id, nip) = path.into_inner();
    match app::evaluations::rate(&state, &p, period_id, &nip, &body).await? {
        RateOutcome::Saved(out) => Ok(HttpResponse::Ok().json(out)),
        RateOutcome::JustificationRequired(s) => Ok(justification_required(s)),
    }
}

/// Results of a period per employee (HR, admin, auditor, API keys with `results:read`).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = ["results:read"])),
    responses(
        (status = 200, body = ResultList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/results")]
pub async fn list_period_results(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<web::Json<ResultList>> {
    policy::require(policy::cycle::can_read_results(&p))?;
    let list = app::evaluations::list_results(&state, &p, *id, q.unit_code.as_deref()).await?;
    Ok(web::Json(list))
}

/// The signed-in supervisor's direct subordinates for a period: SKP status, indicators and
/// realisasi, the number of submitted 360 responses, the suggestion, the evaluation and any
/// appeal. Related rows load by id sets (one query per table); the 360 suggestion is
/// computed per subordinate (a team is small).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TeamList),
        (status = 403, description = "The account is not linked to an employee", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/periods/{id}/team")]
pub async fn get_team(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TeamList>> {
    Ok(web::Json(app::evaluations::team(&state, &p, *id).await?))
}

/// The signed-in employee's results of PUBLISHED periods, newest first, each with the
/// matrix cell and a sentence explaining the predikat, the 360 suggestion, the penilai,
/// and the appeal deadline and status. Unpublished evaluations never appear.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = MyResultList),
        (status = 403, description = "The account is not linked to an employee", body = ErrorResponse),
        Unauthorized,
    )
)]
#[get("/me/results")]
pub async fn my_results(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<MyResultList>> {
    Ok(web::Json(app::evaluations::my_results(&state, &p).await?))
}
