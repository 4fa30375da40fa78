//! Realisasi (DOMAIN.md §2.2): what the employee achieved per indicator in a period, with
//! bukti dukung as links or uploaded files.
//!
//! Invariants: only the employee who owns the indicator records realisasi or adds and
//! removes evidence, only for an approved SKP of the period's year and only while the period
//! is open (`app::realisasi`, `domain::skp::realisasi_allowed`); uploaded files are accepted
//! only when their magic bytes match the declared type, are stored under a random name in
//! `upload_dir` (never a user-derived path), and are served only to readers of the
//! employee's performance data, as attachments with `nosniff`. Every change is audited in
//! its transaction.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::skp::Res;
use crate::app;
use crate::auth::Principal;
use crate::error::{ApiError, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;
use crate::uploads;

pub use crate::domain::skp::EvidenceKind;
pub use crate::dto::realisasi::{
    EvidenceLinkInput, EvidenceOut, FileBody, FileQuery, IndicatorRealisasi, RealisasiInput,
    RealisasiOut, RealisasiPeriod, RealisasiSheet, RhkRealisasi, SkpRef,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_realisasi)
        .service(list_realisasi)
        .service(add_evidence_link)
        .service(upload_evidence_file)
        .service(download_evidence)
        .service(delete_evidence);
}

/// Records the employee's realisasi of one indicator in a period (201 first time, 200
/// after). Only the owner of the indicator, with an approved SKP of the period's year,
/// while the period is open.
#[utoipa::path(
    tag = "realisasi",
    params(("period_id" = Uuid, Path), ("indicator_id" = Uuid, Path)),
    request_body = RealisasiInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RealisasiOut),
        (status = 201, body = RealisasiOut),
        (status = 403, description = "Not the employee's own indicator", body = ErrorResponse),
        (status = 404, description = "No such period or indicator", body = ErrorResponse),
        (status = 409, description = "`skp_not_approved`, `period_not_open`", body = ErrorResponse),
        (status = 422, description = "No value, a text too long, or the SKP is of another year than the period", body = ErrorResponse),
        BadRequest, Unauthorized, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/periods/{period_id}/realisasi/{indicator_id}")]
pub async fn put_realisasi(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<RealisasiInput>,
) -> Res<HttpResponse> {
    let (period_id, indicator_id) = path.into_inner();
    let (created, view) =
        app::realisasi::record(&state, &p, period_id, indicator_id, &body).await?;
    Ok(super::created_or_ok(created, &view))
}

/// An employee's realisasi of a period per RHK and indicator, with targets and evidence
/// (the employee, their supervisor chain, admin/HR/auditor).
#[utoipa::path(
    tag = "realisasi",
    params(("period_id" = Uuid, Path), ("nip" = String, Path)),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = RealisasiSheet),
        (status = 404, description = "No such period, or employee not visible", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/periods/{period_id}/employees/{nip}/realisasi")]
pub async fn list_realisasi(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> Res<web::Json<RealisasiSheet>> {
    let (period_id, nip) = path.into_inner();
    Ok(web::Json(
        app::realisasi::sheet(&state, &p, period_id, &nip).await?,
    ))
}

/// Adds a link as bukti dukung (the owner, while the period is open).
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Realisasi id")),
    request_body = EvidenceLinkInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = EvidenceOut),
        (status = 403, description = "Not the owner", body = ErrorResponse),
        (status = 409, description = "`period_not_open`, `evidence_limit`", body = ErrorResponse),
        (status = 422, description = "Not an http(s) link, or longer than 2000 characters", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/realisasi/{id}/evidence")]
pub async fn add_evidence_link(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<EvidenceLinkInput>,
) -> Res<HttpResponse> {
    let view = app::realisasi::add_link(&state, &p, *id, &body.url).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Uploads a file as bukti dukung: the body is the raw file with its `Content-Type` (PDF,
/// PNG, JPEG, WebP, DOCX, XLSX, CSV or plain text). The bytes must match the declared type
/// (magic bytes) and fit `upload_max_bytes`. The owner only, while the period is open.
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Realisasi id"), FileQuery),
    request_body(
        description = "The raw file bytes",
        content(
            (FileBody = "application/pdf"),
            (FileBody = "image/png"),
            (FileBody = "image/jpeg"),
            (FileBody = "image/webp"),
            (FileBody = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBody = "text/csv"),
            (FileBody = "text/plain"),
        )
    ),
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = EvidenceOut),
        (status = 403, description = "Not the owner", body = ErrorResponse),
        (status = 409, description = "`period_not_open`, `evidence_limit`", body = ErrorResponse),
        (status = 413, description = "Larger than the upload limit", body = ErrorResponse),
        (status = 415, description = "`unsupported_file_type`: type not accepted or the bytes do not match it", body = ErrorResponse),
        (status = 422, description = "Empty file", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[post("/realisasi/{id}/evidence/file")]
pub async fn upload_evidence_file(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<FileQuery>,
    payload: web::Payload,
) -> Res<HttpResponse> {
    // Cheap checks first (owner, open period), before the body is read.
    app::realisasi::check_upload(&state, &p, *id).await?;
    let (file_type, bytes) = uploads::read_body(&req, payload, &state.settings).await?;
    let view =
        app::realisasi::add_file(&state, &p, *id, file_type, bytes, q.filename.as_deref()).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Downloads an uploaded file (readers of the employee's performance data; 403 otherwise),
/// always as an attachment with its stored type.
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Evidence id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "The file, with the type it was stored as", content(
            (FileBody = "application/pdf"),
            (FileBody = "image/png"),
            (FileBody = "image/jpeg"),
            (FileBody = "image/webp"),
            (FileBody = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBody = "text/csv"),
            (FileBody = "text/plain"),
        )),
        (status = 403, description = "May not read this employee's realisasi", body = ErrorResponse),
        (status = 404, description = "No such evidence, or it is a link", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/evidence/{id}/file")]
pub async fn download_evidence(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Res<HttpResponse> {
    let file = app::realisasi::evidence_file(&state, &p, *id).await?;
    uploads::serve(
        &state.settings,
        &file.storage_key,
        &file.content_type,
        file.file_name.as_deref(),
    )
    .await?
    .ok_or_else(|| ApiError::NotFound("Berkas bukti dukung tidak ditemukan".into()))
}

/// Removes a piece of evidence (the owner, while the period is open); a file is deleted
/// from disk too.
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Evidence id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not the owner", body = ErrorResponse),
        (status = 409, description = "`period_not_open`", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[delete("/evidence/{id}")]
pub async fn delete_evidence(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Res<HttpResponse> {
    app::realisasi::delete_evidence(&state, &p, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
