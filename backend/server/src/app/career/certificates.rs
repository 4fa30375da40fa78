//! Certificates of development items: attached and removed by the employee only, read by
//! the readers of the employee's plans. Files follow the bukti dukung rules (`uploads`).

use chrono::Utc;
use entity::development_certificate as cert;
use sea_orm::TransactionTrait;
use serde_json::json;
use std::future::Future;
use uuid::Uuid;

use super::plans::item_not_found;
use crate::auth::{Principal, policy};
use crate::dto::career::CertificateOut;
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::uploads;

/// At most this many files per item.
const MAX_CERTIFICATES: usize = 10;

pub fn certificate_not_found() -> ApiError {
    ApiError::NotFound("Sertifikat tidak ditemukan".into())
}

/// Attaches a certificate to an item (the employee only). `receive` stores the uploaded
/// file; it runs only after the caller is known to be allowed, and the stored file is
/// removed again when the row cannot be written.
pub async fn upload_certificate<F, Fut>(
    state: &AppState,
    p: &Principal,
    item_id: Uuid,
    receive: F,
) -> ApiResult<CertificateOut>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ApiResult<uploads::Stored>>,
{
    let (it, pl) = store::career::find_item(&state.db.read, item_id)
        .await?
        .ok_or_else(item_not_found)?;
    policy::require(policy::is_self(p, pl.employee_id))?;
    let up = receive().await?;
    let saved: ApiResult<cert::Model> = async {
        let txn = state.db.write.begin().await?;
        let existing = store::career::list_certificates(&txn, &[it.id]).await?;
        if existing.len() >= MAX_CERTIFICATES {
            return Err(ApiError::conflict(
                ErrorCode::CertificateLimit,
                "Maksimal 10 berkas sertifikat per butir",
            ));
        }
        let c = store::career::insert_certificate(
            &txn,
            cert::Model {
                id: Uuid::now_v7(),
                item_id: it.id,
                file_name: up.file_name.clone(),
                content_type: up.file_type.mime().into(),
                size_bytes: up.size,
                storage_key: up.key.clone(),
                sha256: up.sha256.clone(),
                uploaded_by: pl.employee_id,
                created_at: Utc::now(),
            },
        )
        .await?;
        store::audit::append(
            &txn,
            &p.actor(),
            "development_certificate.upload",
            "development_certificate",
            &c.id.to_string(),
            json!({ "item": it.id, "file_name": up.file_name, "size_bytes": up.size, "sha256": up.sha256 }),
        )
        .await?;
        txn.commit().await?;
        Ok(c)
    }
    .await;
    match saved {
        Ok(c) => Ok(c.into()),
        Err(e) => {
            uploads::remove(up.path).await;
            Err(e)
        }
    }
}

/// The certificate row to download (readers of the employee's plans); the caller serves
/// the file as an attachment.
pub async fn certificate_file(
    state: &AppState,
    p: &Principal,
    item_id: Uuid,
    cert_id: Uuid,
) -> ApiResult<cert::Model> {
    let db = &state.db.read;
    let (_, pl) = store::career::find_item(db, item_id)
        .await?
        .ok_or_else(item_not_found)?;
    let owner = store::employees::find_by_id(db, pl.employee_id)
        .await?
        .ok_or_else(item_not_found)?;
    policy::require(policy::can_read_performance(db, p, &owner).await?)?;
    store::career::find_certificate(db, cert_id)
        .await?
        .filter(|c| c.item_id == item_id)
        .ok_or_else(certificate_not_found)
}

/// Removes a certificate (the employee only); the file is deleted from disk after commit.
pub async fn delete_certificate(
    state: &AppState,
    p: &Principal,
    item_id: Uuid,
    cert_id: Uuid,
) -> ApiResult<()> {
    let txn = state.db.write.begin().await?;
    let (_, pl) = store::career::find_item(&txn, item_id)
        .await?
        .ok_or_else(item_not_found)?;
    policy::require(policy::is_self(p, pl.employee_id))?;
    let c = store::career::find_certificate(&txn, cert_id)
        .await?
        .filter(|c| c.item_id == item_id)
        .ok_or_else(certificate_not_found)?;
    store::career::delete_certificate(&txn, c.id).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "development_certificate.delete",
        "development_certificate",
        &c.id.to_string(),
        json!({ "item": item_id, "file_name": c.file_name, "sha256": c.sha256 }),
    )
    .await?;
    txn.commit().await?;
    if let Some(path) = uploads::stored_path(&state.settings.upload_dir, &c.storage_key) {
        uploads::remove(path).await;
    }
    Ok(())
}
