//! The official documents as PDF (ADR 0022): an employee's SKP of a year and their
//! Dokumen Evaluasi Kinerja of a period, in Indonesian and the PermenPANRB 6/2022 layout.
//!
//! Invariants: who may download is `auth::policy::documents` (the employee, the pejabat
//! penilai and the chain above, admin/HR/auditor, API keys with `results:read`; anyone
//! else 404); the evaluation document only after publication (409 `period_not_published`);
//! served as an attachment named with the NIP only, never cached.

use actix_web::{HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::app::documents::PdfFile;
use crate::auth::Principal;
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(skp_pdf).service(evaluation_pdf);
}

fn pdf_attachment(file: PdfFile) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", file.file_name),
        ))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(file.bytes)
}

/// The employee's SKP of the year as a PDF (the SKP form: identities of the pegawai and
/// the pejabat penilai, RHK utama and tambahan with the intervened RHK, indicators and
/// targets, the leader's expectation per BerAKHLAK value, signature blocks). A plan that
/// is not approved yet is printed with a "DRAF" banner. File name `SKP-<year>-<nip>.pdf`.
#[utoipa::path(
    tag = "skp",
    params(("nip" = String, Path), ("year" = i32, Path, minimum = 2000, maximum = 2100)),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The SKP as PDF (attachment)", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No such employee (or not visible to the caller), or `skp_not_found`", body = ErrorResponse),
        (status = 422, description = "Year outside 2000–2100", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/employees/{nip}/skp/{year}/pdf")]
pub async fn skp_pdf(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(String, i32)>,
) -> ApiResult<HttpResponse> {
    let (nip, year) = path.into_inner();
    let file = app::documents::skp_pdf(&state, &p, &nip, year).await?;
    Ok(pdf_attachment(file))
}

/// The employee's Dokumen Evaluasi Kinerja Pegawai of a published period as a PDF
/// (identities with the atasan pejabat penilai, capaian kinerja organisasi, rating hasil
/// kerja, rating perilaku kerja, predikat, the penilai's notes, realisasi and feedback per
/// indicator and per BerAKHLAK value, signature blocks). No 360 rater or 360 figure is
/// printed. File name `Evaluasi-Kinerja-<year>-<TWn|Bmm>-<nip>.pdf`.
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path)),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The Dokumen Evaluasi Kinerja as PDF (attachment)", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No such period or employee (or not visible), or no evaluation of the employee in the period", body = ErrorResponse),
        (status = 409, description = "`period_not_published`: the period's results are not published yet", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/periods/{id}/evaluations/{nip}/pdf")]
pub async fn evaluation_pdf(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<HttpResponse> {
    let (id, nip) = path.into_inner();
    let file = app::documents::evaluasi_pdf(&state, &p, id, &nip).await?;
    Ok(pdf_attachment(file))
}
