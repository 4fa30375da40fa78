//! Uploaded files (bukti dukung, certificates): received as a raw body with its declared
//! type, checked against the first bytes, limited in size, stored on disk under a random
//! key in `upload_dir`, and served back only as attachments.
//!
//! Invariants: a stored file's name on disk is always a random 32-hex key (never user
//! input), so a tampered row cannot point outside the folder; a file whose row was not
//! written is removed; downloads carry `nosniff`, a sandboxing CSP and `no-store`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use uuid::Uuid;

use crate::config::Settings;
use crate::domain::skp::{FileType, sanitise_file_name};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};

/// A file written to the upload folder, not yet referenced by a row.
pub struct Stored {
    pub file_type: FileType,
    /// The sanitised original name, for the download.
    pub file_name: String,
    pub key: String,
    pub path: PathBuf,
    pub sha256: String,
    pub size: i64,
}

/// 415 `unsupported_file_type`.
pub fn unsupported(message: impl Into<String>) -> ApiError {
    ApiError::coded(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::UnsupportedFileType,
        message,
    )
}

/// The declared type of the body, when it is one we accept.
pub fn declared_type(req: &HttpRequest) -> ApiResult<FileType> {
    let declared = req
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    FileType::from_declared(declared).ok_or_else(|| {
        unsupported(
            "Jenis berkas tidak diterima: gunakan PDF, PNG, JPEG, WebP, DOCX, XLSX, CSV atau teks",
        )
    })
}

/// Reads the body up to `upload_max_bytes` (413 beyond, early when announced), checks its
/// bytes against the declared type and stores it.
pub async fn receive(
    req: &HttpRequest,
    payload: web::Payload,
    settings: &Settings,
    file_name: Option<&str>,
) -> ApiResult<Stored> {
    let (file_type, bytes) = read_body(req, payload, settings).await?;
    store(settings, file_type, bytes, file_name).await
}

/// The HTTP half of `receive`: the declared type (415 when not accepted) and the body up to
/// `upload_max_bytes` (413 beyond, early when announced; 422 when empty).
pub async fn read_body(
    req: &HttpRequest,
    mut payload: web::Payload,
    settings: &Settings,
) -> ApiResult<(FileType, Vec<u8>)> {
    let file_type = declared_type(req)?;
    let limit = settings.upload_max_bytes;
    let announced = req
        .headers()
        .get("Content-Length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::PayloadTooLarge);
    }
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| {
            ApiError::bad_request(ErrorCode::InvalidBody, "Isi permintaan terputus")
        })?;
        if bytes.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    if bytes.is_empty() {
        return Err(ApiError::field("file", "Berkas kosong"));
    }
    Ok((file_type, bytes.to_vec()))
}

/// The storage half of `receive`: the bytes must really be of `file_type` (415 otherwise);
/// they are written under a fresh random key.
pub async fn store(
    settings: &Settings,
    file_type: FileType,
    bytes: Vec<u8>,
    file_name: Option<&str>,
) -> ApiResult<Stored> {
    if !file_type.matches(&bytes) {
        return Err(unsupported(format!(
            "Isi berkas bukan {} seperti yang disebutkan",
            file_type.mime()
        )));
    }
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let size = bytes.len() as i64;
    let key = Uuid::new_v4().simple().to_string();
    let dir = settings.upload_dir.clone();
    let path = stored_path(&dir, &key).ok_or_else(|| anyhow::anyhow!("bad storage key"))?;
    let target = path.clone();
    web::block(move || {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(&target, &bytes)
    })
    .await
    .map_err(|e| anyhow::anyhow!("upload task failed: {e}"))?
    .map_err(|e| anyhow::anyhow!("could not store the upload: {e}"))?;
    Ok(Stored {
        file_type,
        file_name: sanitise_file_name(file_name, file_type),
        key,
        path,
        sha256,
        size,
    })
}

/// The file of a storage key; `None` when the key is not one `receive` made.
pub fn stored_path(dir: &Path, key: &str) -> Option<PathBuf> {
    (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())).then(|| dir.join(key))
}

/// Removes a stored file; a missing file is fine, other failures are logged.
pub async fn remove(path: PathBuf) {
    let shown = path.display().to_string();
    match web::block(move || std::fs::remove_file(path)).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
        Ok(Err(e)) => tracing::warn!(error = %e, file = shown, "could not remove an uploaded file"),
        Err(e) => tracing::warn!(error = %e, file = shown, "could not remove an uploaded file"),
    }
}

/// The stored file as an attachment; `Ok(None)` when it is missing on disk (or the key is
/// not ours), so the caller answers its own 404.
pub async fn serve(
    settings: &Settings,
    key: &str,
    content_type: &str,
    file_name: Option<&str>,
) -> ApiResult<Option<HttpResponse>> {
    let (Some(file_type), Some(path)) = (
        FileType::from_declared(content_type),
        stored_path(&settings.upload_dir, key),
    ) else {
        return Ok(None);
    };
    let bytes = match web::block(move || std::fs::read(path)).await {
        Ok(Ok(b)) => b,
        Ok(Err(err)) if err.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(key, "uploaded file missing on disk");
            return Ok(None);
        }
        Ok(Err(err)) => {
            return Err(anyhow::anyhow!("could not read an uploaded file: {err}").into());
        }
        Err(err) => return Err(anyhow::anyhow!("read task failed: {err}").into()),
    };
    let name = sanitise_file_name(file_name, file_type);
    Ok(Some(
        HttpResponse::Ok()
            .content_type(file_type.served_type())
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"{name}\""),
            ))
            .insert_header(("X-Content-Type-Options", "nosniff"))
            .insert_header(("Cache-Control", "private, no-store"))
            .insert_header(("Content-Security-Policy", "default-src 'none'; sandbox"))
            .body(bytes),
    ))
}
