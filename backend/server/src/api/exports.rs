//! A period's results for the regional HR system (SIMPEG) and BKN: the SIASN-shaped bodies
//! (`skp22`, `kinerjaperiodik`), CSV and XLSX (DOMAIN.md section 9, API-CONTRACT "Periods
//! and results").
//!
//! Invariants: the same authorisation as `GET /periods/{id}/results` (admin, HR, auditor,
//! API keys with `results:read`); the same rows (`store::results::load`: one query per
//! table, so the cost grows linearly with the employees); `?unit_code=` narrows to one
//! snapshot unit. Spreadsheets are built off the async executor.

use actix_web::{HttpResponse, get, web};
use chrono::Datelike;
use rust_xlsxwriter::{Format, Workbook};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::evaluations::{ResultQuery, display_name, golongan_siasn, result_status};
use crate::auth::{Principal, policy};
use crate::domain::period::is_annual;
use crate::domain::predikat::{Predikat, Rating};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store;
use crate::store::results::ResultRow;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(results_siasn)
        .service(results_csv)
        .service(results_xlsx);
}

/// The rows an XLSX sheet can hold below its header.
const XLSX_MAX_ROWS: usize = 1_048_575;

/// `skp22`: the annual SKP result as SIASN takes it (only for the annual evaluation:
/// Triwulan IV, or December for monthly periods).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Skp22 {
    /// Year evaluated.
    pub tahun: i32,
    /// Rating hasil kerja: 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub hasil_kinerja_nilai: u8,
    /// Rating perilaku kerja: 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub perilaku_kerja_nilai: u8,
    /// Predikat kinerja: 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang/Misconduct,
    /// 5 Sangat Kurang.
    pub kuadran_kinerja_nilai: u8,
    /// The evaluated employee. This system knows the NIP, not SIASN's internal PNS id:
    /// the HR system maps the NIP to it before forwarding.
    pub pns_dinilai_id: String,
    /// NIP of the evaluated employee.
    pub nip: String,
    /// NIP of the pejabat penilai.
    pub penilai_nip: String,
    /// Name of the penilai with titles.
    pub penilai_nama: String,
    /// Golongan of the penilai as the SIASN code (`32` for III/b; 1–17 for PPPK), as
    /// snapshotted with the evaluation.
    pub penilai_golongan: String,
    /// Jabatan of the penilai (snapshot).
    pub penilai_jabatan: String,
    /// Name of the penilai's unit (unor).
    pub penilai_unor_nama: String,
    /// `ASN` when the penilai is PNS or PPPK, otherwise `NON ASN`.
    pub status_penilai: String,
}

/// `kinerjaperiodik`: the periodic (quarterly or monthly) result as SIASN takes it.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KinerjaPeriodik {
    /// First month of the period (1–12).
    pub periode_mulai: u32,
    /// Last month of the period (1–12).
    pub periode_akhir: u32,
    pub tahun: i32,
    /// Rating hasil kerja (1–3), as in `skp22`.
    pub hasil_kinerja_nilai: u8,
    /// Rating perilaku kerja (1–3).
    pub perilaku_kerja_nilai: u8,
    /// Predikat kinerja (1–5).
    pub kuadran_kinerja_nilai: u8,
    /// NIP of the evaluated employee (see `skp22.pnsDinilaiId`).
    pub pns_dinilai_id: String,
    pub nip: String,
    pub penilai_nip: String,
    pub penilai_nama: String,
    /// SIASN golongan code of the penilai.
    pub penilai_golongan: String,
    pub penilai_jabatan: String,
    pub penilai_unor_nama: String,
    /// `ASN` or `NON ASN`.
    pub status_penilai: String,
}

/// One employee's result in SIASN shape.
#[derive(Serialize, ToSchema)]
pub struct SiasnItem {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    /// `draft`, `final`, `published` or `under_appeal`.
    pub status: String,
    /// True when the result may be forwarded: published and no appeal open.
    pub ready: bool,
    /// Present for the annual evaluation only (Triwulan IV, or December).
    pub skp22: Option<Skp22>,
    pub kinerjaperiodik: KinerjaPeriodik,
}

#[derive(Serialize, ToSchema)]
pub struct SiasnList {
    pub period_id: Uuid,
    pub items: Vec<SiasnItem>,
}

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// Loads the period and its result rows (sorted by unit, then name) for an export.
async fn load(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    q: &ResultQuery,
) -> ApiResult<(entity::period::Model, Vec<ResultRow>)> {
    policy::require(policy::can_read_results(p))?;
    let db = &state.db.read;
    let period = store::periods::find(db, id)
        .await?
        .ok_or_else(period_not_found)?;
    let unit = super::unit_filter(db, q.unit_code.as_deref()).await?;
    let mut rows = store::results::load(db, period.id, unit).await?;
    rows.sort_by_cached_key(|r| {
        (
            r.unit.as_ref().map(|u| u.code.clone()).unwrap_or_default(),
            display_name(&r.employee),
        )
    });
    Ok((period, rows))
}

fn status_penilai(status: &str) -> String {
    if matches!(status, "PNS" | "PPPK") {
        "ASN".into()
    } else {
        "NON ASN".into()
    }
}

fn siasn_item(period: &entity::period::Model, row: &ResultRow) -> Option<SiasnItem> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?.siasn_code();
    let pk = Rating::parse(&e.rating_perilaku)?.siasn_code();
    let pr = Predikat::parse(&e.predikat)?.siasn_code();
    let penilai_nama = display_name(&row.penilai);
    let penilai_golongan = golongan_siasn(&row.penilai.status, &e.penilai_golongan);
    let unor = row
        .penilai_unit
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let status = result_status(&period.state, row);
    let nip = row.employee.nip.clone();
    Some(SiasnItem {
        nip: nip.clone(),
        name: display_name(&row.employee),
        unit_code: row
            .unit
            .as_ref()
            .map(|u| u.code.clone())
            .unwrap_or_default(),
        status: status.into(),
        ready: status == "published",
        skp22: is_annual(&period.kind, period.number).then(|| Skp22 {
            tahun: period.year,
            hasil_kinerja_nilai: hk,
            perilaku_kerja_nilai: pk,
            kuadran_kinerja_nilai: pr,
            pns_dinilai_id: nip.clone(),
            nip: nip.clone(),
            penilai_nip: row.penilai.nip.clone(),
            penilai_nama: penilai_nama.clone(),
            penilai_golongan: penilai_golongan.clone(),
            penilai_jabatan: e.penilai_jabatan.clone(),
            penilai_unor_nama: unor.clone(),
            status_penilai: status_penilai(&row.penilai.status),
        }),
        kinerjaperiodik: KinerjaPeriodik {
            periode_mulai: period.starts_on.month(),
            periode_akhir: period.ends_on.month(),
            tahun: period.year,
            hasil_kinerja_nilai: hk,
            perilaku_kerja_nilai: pk,
            kuadran_kinerja_nilai: pr,
            pns_dinilai_id: nip.clone(),
            nip,
            penilai_nip: row.penilai.nip.clone(),
            penilai_nama,
            penilai_golongan,
            penilai_jabatan: e.penilai_jabatan.clone(),
            penilai_unor_nama: unor,
            status_penilai: status_penilai(&row.penilai.status),
        },
    })
}

/// The period's results shaped as SIASN `skp22` (annual evaluation only) and
/// `kinerjaperiodik` bodies, ready to forward once `ready` is true. Field names follow
/// SIASN (camelCase) inside those two bodies.
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = SiasnList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/results/siasn")]
pub async fn results_siasn(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<web::Json<SiasnList>> {
    let (period, rows) = load(&state, &p, *id, &q).await?;
    Ok(web::Json(SiasnList {
        period_id: period.id,
        items: rows.iter().filter_map(|r| siasn_item(&period, r)).collect(),
    }))
}

/// The export columns: Indonesian header and XLSX width.
const COLUMNS: [(&str, f64); 18] = [
    ("NIP", 21.0),
    ("Nama", 32.0),
    ("Golongan", 10.0),
    ("Jabatan", 30.0),
    ("Kode Unit", 14.0),
    ("Nama Unit", 30.0),
    ("Rating Hasil Kerja", 22.0),
    ("Nilai Hasil Kerja", 10.0),
    ("Rating Perilaku Kerja", 22.0),
    ("Nilai Perilaku Kerja", 10.0),
    ("Predikat", 18.0),
    ("Kode Predikat", 10.0),
    ("NIP Penilai", 21.0),
    ("Nama Penilai", 32.0),
    ("Jabatan Penilai", 30.0),
    ("Golongan Penilai", 10.0),
    ("Unit Penilai", 30.0),
    ("Status", 14.0),
];

/// Which columns hold numbers (written as numbers in XLSX).
const NUMERIC: [usize; 3] = [7, 9, 11];

/// One export row as text cells, in the order of [`COLUMNS`].
fn cells(period: &entity::period::Model, row: &ResultRow) -> Option<Vec<String>> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?;
    let pk = Rating::parse(&e.rating_perilaku)?;
    let pr = Predikat::parse(&e.predikat)?;
    Some(vec![
        row.employee.nip.clone(),
        display_name(&row.employee),
        e.golongan.clone(),
        e.jabatan.clone(),
        row.unit
            .as_ref()
            .map(|u| u.code.clone())
            .unwrap_or_default(),
        row.unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        hk.label().into(),
        hk.siasn_code().to_string(),
        pk.label().into(),
        pk.siasn_code().to_string(),
        pr.label().into(),
        pr.siasn_code().to_string(),
        row.penilai.nip.clone(),
        display_name(&row.penilai),
        e.penilai_jabatan.clone(),
        e.penilai_golongan.clone(),
        row.penilai_unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        result_status(&period.state, row).into(),
    ])
}

fn filename(period: &entity::period::Model, ext: &str) -> String {
    let kind = if period.kind == "monthly" {
        "bulan"
    } else {
        "triwulan"
    };
    format!(
        "hasil-kinerja-{}-{kind}-{}.{ext}",
        period.year, period.number
    )
}

fn attachment(name: &str) -> (&'static str, String) {
    (
        "Content-Disposition",
        format!("attachment; filename=\"{name}\""),
    )
}

/// The period's results as CSV (UTF-8, comma-separated, a header row, one row per
/// employee). Columns: NIP, Nama, Golongan, Jabatan, Kode Unit, Nama Unit, Rating Hasil
/// Kerja, Nilai Hasil Kerja (1–3), Rating Perilaku Kerja, Nilai Perilaku Kerja (1–3),
/// Predikat, Kode Predikat (1–5), NIP Penilai, Nama Penilai, Jabatan Penilai, Golongan
/// Penilai, Unit Penilai, Status (draft/final/published/under_appeal).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "CSV file", content_type = "text/csv", body = String),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/results.csv")]
pub async fn results_csv(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<HttpResponse> {
    let (period, rows) = load(&state, &p, *id, &q).await?;
    let header = COLUMNS.iter().map(|(h, _)| h.to_string()).collect();
    let body = rows.iter().filter_map(|r| cells(&period, r));
    super::csv_attachment(
        &filename(&period, "csv"),
        std::iter::once(header).chain(body),
    )
}

fn xlsx(rows: Vec<Vec<String>>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Hasil Kinerja")?;
    let bold = Format::new().set_bold();
    for (col, (header, width)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, *header, &bold)?;
        ws.set_column_width(col, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, cells) in rows.into_iter().enumerate() {
        let row = (i + 1) as u32;
        for (col, value) in cells.into_iter().enumerate() {
            let number = NUMERIC
                .contains(&col)
                .then(|| value.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => ws.write_number(row, col as u16, n)?,
                None => ws.write_string(row, col as u16, value)?,
            };
        }
    }
    wb.save_to_buffer()
}

/// The period's results as an Excel workbook: one sheet "Hasil Kinerja", a bold header row
/// (the CSV's columns), one row per employee. 422 `too_many_rows` beyond what a sheet holds
/// (filter by `unit_code`).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, description = "More rows than a sheet holds", body = ErrorResponse),
    )
)]
#[get("/periods/{id}/results.xlsx")]
pub async fn results_xlsx(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<HttpResponse> {
    let (period, rows) = load(&state, &p, *id, &q).await?;
    if rows.len() > XLSX_MAX_ROWS {
        return Err(ApiError::unprocessable(
            "too_many_rows",
            "Terlalu banyak baris untuk satu lembar Excel; saring dengan unit_code",
        ));
    }
    let data: Vec<Vec<String>> = rows.iter().filter_map(|r| cells(&period, r)).collect();
    let bytes = web::block(move || xlsx(data))
        .await
        .map_err(|e| anyhow::anyhow!("xlsx task: {e}"))?
        .map_err(|e| anyhow::anyhow!("xlsx: {e}"))?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header(attachment(&filename(&period, "xlsx")))
        .body(bytes))
}
