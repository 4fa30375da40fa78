//! Employees: list/search, read, idempotent upsert by NIP and bulk import.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use entity::employee;
use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{PageMeta, created_or_ok};
use crate::auth::{Principal, policy};
use crate::domain::{golongan, master};
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors};
use crate::events::Audience;
use crate::import::{self, EmployeeImportRow, EmployeeUpsert, ImportReport, ImportRow, Outcome};
use crate::state::AppState;
use crate::store::{self, employees::EmployeeFilter};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_employees)
        .service(list_employees)
        .service(get_employee)
        .service(put_employee);
}

/// An employee as the API shows it.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct EmployeeOut {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    /// Name with titles, as written on documents.
    pub full_name: String,
    /// `PNS` or `PPPK`.
    #[schema(value_type = crate::api::EmployeeStatus)]
    pub status: String,
    pub golongan: String,
    /// SIASN code of the golongan.
    pub golongan_code: Option<u8>,
    /// Pangkat (PNS only).
    pub pangkat: Option<String>,
    pub jabatan: String,
    #[schema(value_type = crate::api::JenisJabatan)]
    pub jenis_jabatan: String,
    pub unit_code: String,
    pub unit_name: String,
    pub supervisor_nip: Option<String>,
    pub supervisor_name: Option<String>,
    pub email: Option<String>,
    pub active: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A short reference to an employee.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct EmployeeSummary {
    pub nip: String,
    pub full_name: String,
    pub jabatan: String,
    pub unit_name: String,
}

impl EmployeeOut {
    pub fn summary(&self) -> EmployeeSummary {
        EmployeeSummary {
            nip: self.nip.clone(),
            full_name: self.full_name.clone(),
            jabatan: self.jabatan.clone(),
            unit_name: self.unit_name.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeList {
    pub items: Vec<EmployeeOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct EmployeeQuery {
    /// Only employees of this unit.
    pub unit_code: Option<String>,
    /// Search in name (contains) and NIP (prefix).
    pub q: Option<String>,
    pub active: Option<bool>,
    /// Page number, from 1 (smaller values mean 1).
    #[param(minimum = 0)]
    pub page: Option<i32>,
    /// Items per page, 1–100 (default 20; larger values mean 100).
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// Validate only; nothing is written.
    #[serde(default)]
    pub dry_run: bool,
}

/// Builds the response rows: units and supervisors are loaded in two batched queries.
pub async fn employee_views<C: ConnectionTrait>(
    conn: &C,
    list: Vec<employee::Model>,
) -> ApiResult<Vec<EmployeeOut>> {
    let units = store::units::find_by_ids(conn, list.iter().map(|e| e.unit_id).collect()).await?;
    let sups =
        store::employees::find_by_ids(conn, list.iter().filter_map(|e| e.supervisor_id).collect())
            .await?;
    Ok(list
        .into_iter()
        .map(|e| {
            let g = golongan::find(&e.status, &e.golongan);
            let unit = units.get(&e.unit_id);
            let sup = e.supervisor_id.and_then(|s| sups.get(&s));
            EmployeeOut {
                full_name: master::full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                golongan_code: g.map(|g| g.siasn_code),
                pangkat: g.and_then(|g| g.pangkat).map(str::to_string),
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                supervisor_nip: sup.map(|s| s.nip.clone()),
                supervisor_name: sup.map(|s| {
                    master::full_name(
                        &s.name,
                        s.gelar_depan.as_deref(),
                        s.gelar_belakang.as_deref(),
                    )
                }),
                id: e.id,
                nip: e.nip,
                name: e.name,
                gelar_depan: e.gelar_depan,
                gelar_belakang: e.gelar_belakang,
                status: e.status,
                golongan: e.golongan,
                jabatan: e.jabatan,
                jenis_jabatan: e.jenis_jabatan,
                email: e.email,
                active: e.active,
                created_at: e.created_at,
                updated_at: e.updated_at,
            }
        })
        .collect())
}

fn not_found(nip: &str) -> ApiError {
    ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"))
}

/// Lists employees visible to the caller: HR, admin, auditor and API keys see everyone;
/// an employee sees themselves and everyone below them in the hierarchy.
#[utoipa::path(
    tag = "employees",
    params(EmployeeQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = EmployeeList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, description = "Unknown unit_code", body = ErrorResponse),
    )
)]
#[get("/employees")]
pub async fn list_employees(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<EmployeeQuery>,
) -> ApiResult<web::Json<EmployeeList>> {
    let db = &state.db.read;
    let unit_id = super::unit_filter(db, q.unit_code.as_deref()).await?;
    let filter = EmployeeFilter {
        unit_id,
        q: q.q.clone(),
        active: q.active,
        only_ids: policy::visible_employee_ids(db, &p).await?,
    };
    let page = super::page_req(q.page, q.per_page)?;
    let (list, total) = store::employees::list(db, &filter, page).await?;
    Ok(web::Json(EmployeeList {
        items: employee_views(db, list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Reads one employee by NIP (404 also when the caller may not see them).
#[utoipa::path(
    tag = "employees",
    params(("nip" = String, Path, description = "NIP or NI PPPK (18 digits)")),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = EmployeeOut),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}")]
pub async fn get_employee(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
) -> ApiResult<web::Json<EmployeeOut>> {
    let db = &state.db.read;
    let e = store::employees::find_by_nip(db, &nip)
        .await?
        .ok_or_else(|| not_found(&nip))?;
    if !policy::can_read_employee(db, &p, &e).await? {
        return Err(not_found(&nip));
    }
    Ok(web::Json(employee_views(db, vec![e]).await?.remove(0)))
}

fn rows_to_fields(rows: Vec<crate::error::RowError>) -> ApiError {
    let mut fields = FieldErrors::new();
    for r in rows {
        fields.entry(r.field).or_default().push(r.message);
    }
    ApiError::Validation(fields)
}

/// Creates (201) or updates (200) an employee by NIP. The same body twice changes nothing.
/// An invalid NIP is a 422 whose message names the failing digits.
#[utoipa::path(
    tag = "employees",
    params(("nip" = String, Path, description = "NIP or NI PPPK (18 digits)")),
    request_body = EmployeeUpsert,
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Updated or unchanged", body = EmployeeOut),
        (status = 201, description = "Created", body = EmployeeOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Invalid NIP or field, unknown unit or supervisor, or a cycle", body = ErrorResponse),
    )
)]
#[put("/employees/{nip}")]
pub async fn put_employee(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<EmployeeUpsert>,
) -> ApiResult<HttpResponse> {
    policy::require_write_master(&p)?;
    let nip = nip.into_inner();
    let data = body.into_inner();
    // Two concurrent PUTs of one new NIP may both validate before either inserts; on
    // PostgreSQL the loser's insert then hits the unique index. Retrying once finds the
    // winner's row and answers as an update, so the upsert stays idempotent under races.
    let (view, outcome) = match upsert_one(&state, &nip, data.clone()).await {
        Err(ApiError::Conflict { .. }) => upsert_one(&state, &nip, data).await?,
        other => other?,
    };
    if outcome != Some(Outcome::Unchanged) {
        state.events.publish(
            "employee_updated",
            vec![view.nip.clone()],
            Audience::Employee(view.id),
        );
    }
    Ok(created_or_ok(outcome == Some(Outcome::Created), &view))
}

/// One upsert in its own transaction: the stored view and what happened.
async fn upsert_one(
    state: &AppState,
    nip: &str,
    data: EmployeeUpsert,
) -> ApiResult<(EmployeeOut, Option<Outcome>)> {
    let row = ImportRow {
        row: 1,
        nip: nip.to_string(),
        data,
    };
    let txn = state.db.write.begin().await?;
    let plan = match import::validate(&txn, vec![row], Vec::new()).await {
        Ok(plan) => plan,
        Err(ApiError::ImportRejected(rows)) => return Err(rows_to_fields(rows)),
        Err(e) => return Err(e),
    };
    let (_, outcomes) = plan.apply(&txn, &|_, _| {}).await.map_err(|e| match e {
        ApiError::ImportRejected(rows) => rows_to_fields(rows),
        other => other,
    })?;
    let e = store::employees::find_by_nip(&txn, nip.trim())
        .await?
        .ok_or_else(|| anyhow::anyhow!("employee vanished inside its own transaction"))?;
    let view = employee_views(&txn, vec![e]).await?.remove(0);
    txn.commit().await?;
    Ok((view, outcomes.first().map(|(_, o)| *o)))
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
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = ImportReport),
        (status = 400, description = "Malformed JSON", body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 409, description = "A row was saved at the same moment by another request; retry", body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Rejected (`rows` lists every problem), or a CSV without the required columns or not in UTF-8", body = ErrorResponse),
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
    let is_csv = content_type.starts_with("text/csv") || content_type.starts_with("text/plain");
    let is_json = content_type.starts_with("application/json");
    if !is_csv && !is_json {
        return Err(ApiError::UnsupportedMediaType(
            "Content-Type harus text/csv atau application/json".into(),
        ));
    }
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|_| ApiError::bad_request("invalid_body", "Isi permintaan terputus"))?;
        if bytes.len() + chunk.len() > IMPORT_LIMIT {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    // An empty upload has no rows (422 like a header-only file), not a CSV without columns
    // or malformed JSON (400).
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if content.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::field(
            "rows",
            "Berkas kosong: tidak berisi baris data",
        ));
    }
    let (rows, errors) = if is_csv {
        import::parse_csv(&bytes)?
    } else {
        import::parse_json(&bytes)?
    };
    if rows.is_empty() && errors.is_empty() {
        return Err(ApiError::field("rows", "Berkas tidak berisi baris data"));
    }
    let total = rows.len() + errors.iter().filter(|e| e.field == "row").count();
    if q.dry_run {
        let report = match import::validate(&state.db.read, rows, errors).await {
            Ok(plan) => plan.preview(),
            Err(ApiError::ImportRejected(errors)) => ImportReport {
                dry_run: true,
                total,
                errors,
                ..ImportReport::default()
            },
            Err(e) => return Err(e),
        };
        return Ok(web::Json(report));
    }
    let txn = state.db.write.begin().await?;
    let plan = import::validate(&txn, rows, errors).await?;
    let (report, outcomes) = plan.apply(&txn, &|_, _| {}).await?;
    txn.commit().await?;
    // Only a signal to refetch lists: which NIPs changed is not broadcast to everyone.
    if outcomes.iter().any(|(_, o)| *o != Outcome::Unchanged) {
        state
            .events
            .publish("employees_imported", Vec::new(), Audience::Everyone);
    }
    tracing::info!(created = report.created, updated = report.updated, actor = %p.actor(), "employees imported");
    Ok(web::Json(report))
}
