//! Request and response bodies of `api::audit`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;

#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: Uuid,
    pub seq: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// `user:<uuid>` or `api_key:<uuid>`.
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    /// JSON text.
    pub detail: String,
    pub hash: String,
}

impl From<entity::audit_log::Model> for AuditEntry {
    fn from(e: entity::audit_log::Model) -> Self {
        AuditEntry {
            id: e.id,
            seq: e.seq,
            at: e.at,
            actor: e.actor,
            action: e.action,
            object_type: e.object_type,
            object_id: e.object_id,
            detail: e.detail,
            hash: e.hash,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditList {
    pub items: Vec<AuditEntry>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct AuditQuery {
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditVerification {
    pub intact: bool,
    pub entries: u64,
    /// The first entry that does not verify.
    pub broken_at: Option<i64>,
    pub reason: Option<String>,
}
