//! Certificates of development items: the raw upload, the attachment download, removal.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use uuid::Uuid;

use crate::app;
use crate::auth::Principal;
use crate::dto::career::{CertificateFile, CertificateOut, CertificateQuery};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized};
use crate::state::AppState;
use crate::uploads;

/// Attaches a certificate to an item (the employee only). The body is the raw file with
/// its `Content-Type` (PDF, PNG, JPEG, WebP, DOCX, XLSX, CSV or plain text); the bytes must
/// match the declared type and fit `upload_max_bytes`.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id"), CertificateQuery),
    request_body(
        description = "The raw file bytes",
        content(
            (CertificateFile = "application/pdf"),
            (CertificateFile = "image/png"),
            (CertificateFile = "image/jpeg"),
            (CertificateFile = "image/webp"),
            (CertificateFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (CertificateFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (CertificateFile = "text/csv"),
            (CertificateFile = "text/plain"),
        )
    ),
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = CertificateOut),
        (status = 403, description = "Not the plan's employee", body = ErrorResponse),
        (status = 409, description = "`certificate_limit`: at most 10 files per item", body = ErrorResponse),
        (status = 415, description = "Type not accepted, or the bytes do not match it", body = ErrorResponse),
        (status = 422, description = "Empty file", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge,
    )
)]
#[post("/development-items/{id}/certificates")]
pub async fn upload_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<CertificateQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let receive = || uploads::receive(&req, payload, &state.settings, q.file_name.as_deref());
    let out = app::career::upload_certificate(&state, &p, *id, receive).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Downloads a certificate (readers of the employee's plans), always as an attachment.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id"), ("cert_id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "The file, with the type it was stored as", content(
            (CertificateFile = "application/pdf"),
            (CertificateFile = "image/png"),
            (CertificateFile = "image/jpeg"),
            (CertificateFile = "image/webp"),
            (CertificateFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (CertificateFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (CertificateFile = "text/csv"),
            (CertificateFile = "text/plain"),
        )),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/development-items/{id}/certificates/{cert_id}")]
pub async fn download_certificate(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (item_id, cert_id) = path.into_inner();
    let c = app::career::certificate_file(&state, &p, item_id, cert_id).await?;
    uploads::serve(
        &state.settings,
        &c.storage_key,
        &c.content_type,
        Some(&c.file_name),
    )
    .await?
    .ok_or_else(app::career::certificate_not_found)
}

/// Removes a certificate (the employee only); the file is deleted from disk too.
#[utoipa::path(
    tag = "career",
    params(("id" = Uuid, Path, description = "Item id"), ("cert_id" = Uuid, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Removed"),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[delete("/development-items/{id}/certificates/{cert_id}")]
pub async fn delete_certificate(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (item_id, cert_id) = path.into_inner();
    app::career::delete_certificate(&state, &p, item_id, cert_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
