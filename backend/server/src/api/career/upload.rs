//! The HTTP side of CSV imports (training catalogue here, potensi in `api::talent`): the
//! content type must be `text/csv` (or `text/plain`) and the body is read up to the import
//! limit; parsing is `app::career::csv_import`.

use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use crate::app::career::csv_import::IMPORT_LIMIT;
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};

/// The bytes of a CSV upload: 415 for another content type, 413 past the limit.
pub(crate) async fn read_csv_body(
    req: &HttpRequest,
    mut payload: web::Payload,
) -> ApiResult<Vec<u8>> {
    let ct = req
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_lowercase();
    if !(ct.starts_with("text/csv") || ct.starts_with("text/plain")) {
        return Err(ApiError::UnsupportedMediaType(
            "Content-Type harus text/csv".into(),
        ));
    }
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
    Ok(bytes.to_vec())
}
