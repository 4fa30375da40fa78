//! Employees: list/search, read, idempotent upsert by NIP and bulk import.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use futures_util::StreamExt;
use utoipa_actix_web::service_config::ServiceConfig;

use super::created_or_ok;
use crate::app;
use crate::app::employees::{BatchFormat, ListEmployees};
use crate::auth::{Principal, policy};
use crate::dto::employees::{
    EmployeeImportRow, EmployeeList, EmployeeOut, EmployeeQuery, EmployeeUpsert, ImportQuery,
    ImportReport,
};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_employees)
        .service(list_employees)
        .service(get_employee)
        .service(put_employee);
}

/// Lists employees visible to the caller: HR, admin, auditor and API keys see everyone;
/// an employee sees themselves and everyone below them in the hierarchy.
#[utoipa::path(
    tag = "employees",
    params(EmployeeQuery),
    security(("bearer_auth" = []), ("api_key" = ["master:read"]), ("api_key" = ["master:write"])),
    responses(
        (status = 200, body = EmployeeList),
        (status = 404, description = "Unknown unit_code", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/employees")]
pub async fn list_employees(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<EmployeeQuery>,
) -> ApiResult<web::Json<EmployeeList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let filter = ListEmployees {
        unit_code: q.unit_code.as_deref(),
        q: q.q.clone(),
        active: q.active,
        page,
    };
    Ok(web::Json(
        app::employees::list_employees(&state, &p, filter).await?,
    ))
}

/// Reads one employee by NIP (404 also when the caller may not see them).
#[utoipa::path(
    tag = "employees",
    params(("nip" = String, Path, description = "NIP or NI PPPK (18 digits)")),
    security(("bearer_auth" = []), ("api_key" = ["master:read"]), ("api_key" = ["master:write"])),
    responses(
        (status = 200, body = EmployeeOut),
        Unauthorized, NotFound,
    )
)]
#[get("/employees/{nip}")]
pub async fn get_employee(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
) -> ApiResult<web::Json<EmployeeOut>> {
    Ok(web::Json(
        app::employees::get_employee(&state, &p, &nip).await?,
    ))
}

/// Creates (201) or updates (200) an employee by NIP. The same body twice changes nothing.
/// An invalid NIP is a 422 whose message names the failing digits.
#[utoipa::path(
    tag = "employees",
    params(("nip" = String, Path, description = "NIP or NI PPPK (18 digits)")),
    request_body = EmployeeUpsert,
    security(("bearer_auth" = []), ("api_key" = ["master:write"])),
    responses(
        (status = 200, description = "Updated or unchanged", body = EmployeeOut),
        (status = 201, description = "Created", body = EmployeeOut),
        (status = 422, description = "Invalid NIP or field, unknown unit or supervisor, or a cycle", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/employees/{nip}")]
pub async fn put_employee(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<EmployeeUpsert>,
) -> ApiResult<HttpResponse> {
    let (view, created) = app::employees::put_employee(&state, &p, &nip, body.into_inner()).await?;
    Ok(created_or_ok(created, &view))
}

/// Largest accepted import body.
const IMPORT_LIMIT: usize = 20 * 1024 * 1024;

/// Bulk upsert from CSV (`text/csv`) or a JSON array (`application/json`).
///
/// All or nothing: when any row is invalid nothing is written and the answer is a 422
/// whose `rows` list every problem (row, field, message). With `dry_run=true` the batch is
/// only validated: the answer is 200 with the report, errors included.
/// CSV columns: nip, name, gelar_depan, gelar_belakang, status, golongan, jabatan,
/// jenis_jabatan, unit_code, supervisor_nip, email, active.
#[utoipa::path(
    tag = "employees",
    params(ImportQuery),
    request_body(content(
        (Vec<EmployeeImportRow> = "application/json"),
        (String = "text/csv"),
    )),
    security(("bearer_auth" = []), ("api_key" = ["master:write"])),
    responses(
        (status = 200, body = ImportReport),
        (status = 400, description = "Malformed JSON", body = ErrorResponse),
        (status = 409, description = "A row was saved at the same moment by another request; retry", body = ErrorResponse),
        (status = 422, description = "Rejected (`rows` lists every problem), or a CSV without the required columns or not in UTF-8", body = ErrorResponse),
        Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/employees/import")]
pub async fn import_employees(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<ImportQuery>,
    mut payload: web::Payload,
) -> ApiResult<web::Json<ImportReport>> {
    policy::require_write_master(&p)?;
    let content_type = req
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_lowercase();
    let format = if content_type.starts_with("text/csv") || content_type.starts_with("text/plain") {
        BatchFormat::Csv
    } else if content_type.starts_with("application/json") {
        BatchFormat::Json
    } else {
        return Err(ApiError::UnsupportedMediaType(
            "Content-Type harus text/csv atau application/json".into(),
        ));
    };
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| {
            ApiError::bad_request(ErrorCode::InvalidBody, "Isi permintaan terputus")
        })?;
        if bytes.len() + chunk.len() > IMPORT_LIMIT {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    let report = app::employees::import_employees(&state, &p, &bytes, format, q.dry_run).await?;
    Ok(web::Json(report))
}
