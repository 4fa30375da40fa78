//! Indeks Kepuasan Masyarakat per unit and time range, and each employee's own citizen
//! index with the comments about them. The use cases live in `app::ikm`.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::app::ikm as uc;
use crate::auth::Principal;
use crate::dto::ikm::{CitizenFeedback, IkmReport, RangeQuery};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_unit_ikm)
        .service(get_employee_citizen_feedback);
}

/// The IKM of a unit: NRR per element, IKM, IKM konversi and mutu, with a monthly trend.
#[utoipa::path(
    tag = "ikm",
    params(("code" = String, Path, description = "Unit code"), RangeQuery),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = IkmReport),
        (status = 422, description = "Invalid date range", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/ikm/units/{code}")]
pub async fn get_unit_ikm(
    state: web::Data<AppState>,
    p: Principal,
    code: web::Path<String>,
    q: web::Query<RangeQuery>,
) -> ApiResult<web::Json<IkmReport>> {
    Ok(web::Json(
        uc::unit_report(&state, &p, &code, q.from, q.to).await?,
    ))
}

/// An employee's citizen index and the comments about them: the employee, their
/// supervisors, HR, admin and the auditor. Hidden comments only for HR, admin and auditor.
#[utoipa::path(
    tag = "ikm",
    params(("nip" = String, Path, description = "NIP or NI PPPK"), RangeQuery),
    security(("bearer_auth" = []), ("api_key" = ["feedback:read"]), ("api_key" = ["feedback:write"])),
    responses(
        (status = 200, body = CitizenFeedback),
        (status = 422, description = "Invalid date range", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/employees/{nip}/citizen-feedback")]
pub async fn get_employee_citizen_feedback(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<RangeQuery>,
) -> ApiResult<web::Json<CitizenFeedback>> {
    Ok(web::Json(
        uc::employee_feedback(&state, &p, &nip, q.from, q.to).await?,
    ))
}
