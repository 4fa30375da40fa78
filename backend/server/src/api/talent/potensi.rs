//! Potensi assessments: read by the employee's readers, recorded and imported by admin/HR.

use actix_web::{HttpRequest, HttpResponse, get, post, web};

use crate::api::career::upload::read_csv_body;
use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::career::{CareerImportReport, DryRunQuery};
use crate::dto::talent::{PotensiInput, PotensiList, PotensiOut};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

/// An employee's potensi assessments, newest first (the employee, their supervisor chain,
/// admin/HR/auditor).
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path)),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = PotensiList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/employees/{nip}/potensi")]
pub async fn list_potensi(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
) -> ApiResult<web::Json<PotensiList>> {
    Ok(web::Json(
        app::talent::list_potensi(&state, &p, &nip).await?,
    ))
}

/// Records a potensi assessment (admin/HR); earlier ones stay as history.
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path)),
    request_body = PotensiInput,
    security(("bearer_auth" = []), ("api_key" = ["talent:write"])),
    responses(
        (status = 201, body = PotensiOut),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/employees/{nip}/potensi")]
pub async fn add_potensi(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<PotensiInput>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::career::can_manage_career(&p))?;
    let out = app::talent::add_potensi(&state, &p, &nip, &body).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Imports potensi assessments from CSV (admin/HR): columns `nip, level, source,
/// assessed_on`. All or nothing, with a per-row report; each row adds to the history.
#[utoipa::path(
    tag = "talent",
    params(DryRunQuery),
    request_body(content((String = "text/csv"))),
    security(("bearer_auth" = []), ("api_key" = ["talent:write"])),
    responses(
        (status = 200, body = CareerImportReport),
        (status = 422, description = "`import_rejected` (rows list every problem) or an unusable CSV", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/talent/potensi/import")]
pub async fn import_potensi(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<DryRunQuery>,
    payload: web::Payload,
) -> ApiResult<web::Json<CareerImportReport>> {
    policy::require(policy::career::can_manage_career(&p))?;
    let bytes = read_csv_body(&req, payload).await?;
    Ok(web::Json(
        app::talent::import_potensi(&state, &p, &bytes, q.dry_run).await?,
    ))
}
