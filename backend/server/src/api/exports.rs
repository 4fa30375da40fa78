//! A period's results for the regional HR system (SIMPEG) and BKN: the SIASN-shaped bodies
//! (`skp22`, `kinerjaperiodik`), CSV and XLSX (DOMAIN.md section 9, API-CONTRACT "Periods
//! and results").
//!
//! Invariants: the same authorisation as `GET /periods/{id}/results` (admin, HR, auditor,
//! API keys with `results:read`); the same rows (`store::results::load`: one query per
//! table, so the cost grows linearly with the employees); `?unit_code=` narrows to one
//! snapshot unit. Spreadsheets are built off the async executor.

use actix_web::{HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::app::exports::{Sheet, XLSX_MAX_ROWS};
use crate::auth::{Principal, policy};
use crate::dto::evaluations::ResultQuery;
use crate::dto::exports::SiasnList;
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(results_siasn)
        .service(results_csv)
        .service(results_xlsx);
}

fn attachment(name: &str) -> (&'static str, String) {
    (
        "Content-Disposition",
        format!("attachment; filename=\"{name}\""),
    )
}

/// The period's results shaped as SIASN `skp22` (annual evaluation only) and
/// `kinerjaperiodik` bodies, ready to forward once `ready` is true. Field names follow
/// SIASN (camelCase) inside those two bodies.
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = ["results:read"])),
    responses(
        (status = 200, body = SiasnList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/results/siasn")]
pub async fn results_siasn(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<web::Json<SiasnList>> {
    policy::require(policy::cycle::can_read_results(&p))?;
    let list = app::exports::siasn(&state, *id, q.unit_code.as_deref()).await?;
    Ok(web::Json(list))
}

/// The period's results as CSV (UTF-8, comma-separated, a header row, one row per
/// employee). Columns: NIP, Nama, Golongan, Jabatan, Kode Unit, Nama Unit, Rating Hasil
/// Kerja, Nilai Hasil Kerja (1–3), Rating Perilaku Kerja, Nilai Perilaku Kerja (1–3),
/// Predikat, Kode Predikat (1–5), NIP Penilai, Nama Penilai, Jabatan Penilai, Golongan
/// Penilai, Unit Penilai, Status (draft/final/published/under_appeal).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = ["results:read"])),
    responses(
        (status = 200, description = "CSV file", content_type = "text/csv", body = String),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/results.csv")]
pub async fn results_csv(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::cycle::can_read_results(&p))?;
    let sheet = app::exports::sheet(&state, *id, q.unit_code.as_deref()).await?;
    super::csv_attachment(
        &sheet.file_name("csv"),
        std::iter::once(Sheet::header()).chain(sheet.rows),
    )
}

/// The period's results as an Excel workbook: one sheet "Hasil Kinerja", a bold header row
/// (the CSV's columns), one row per employee. 422 `too_many_rows` beyond what a sheet holds
/// (filter by `unit_code`).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = ["results:read"])),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 422, description = "More rows than a sheet holds", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/results.xlsx")]
pub async fn results_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::cycle::can_read_results(&p))?;
    let sheet = app::exports::sheet(&state, *id, q.unit_code.as_deref()).await?;
    if sheet.loaded > XLSX_MAX_ROWS {
        return Err(ApiError::unprocessable(
            ErrorCode::TooManyRows,
            "Terlalu banyak baris untuk satu lembar Excel; saring dengan unit_code",
        ));
    }
    let name = sheet.file_name("xlsx");
    let rows = sheet.rows;
    let bytes = web::block(move || app::exports::xlsx(rows))
        .await
        .map_err(|e| anyhow::anyhow!("xlsx task: {e}"))?
        .map_err(|e| anyhow::anyhow!("xlsx: {e}"))?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header(attachment(&name))
        .body(bytes))
}
