//! The audit log, readable by the auditor (and admin): who changed what, when.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::PageMeta;
use crate::auth::{Principal, policy};
use crate::error::{ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit_entries).service(verify_audit_log);
}

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

fn can_read(p: &Principal) -> bool {
    p.has_role("auditor") || p.has_role("admin")
}

/// Who rated whom in the 360 is for the auditor's eyes only (DOMAIN.md §5): an admin reads
/// the rest of the log without those entries.
fn hidden_for(p: &Principal) -> &'static [&'static str] {
    if p.has_role("auditor") {
        &[]
    } else {
        &["rating_360"]
    }
}

/// Audit entries, newest first (auditor; admin without the 360 raters' entries).
#[utoipa::path(
    tag = "audit",
    params(AuditQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AuditList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
    )
)]
#[get("/audit")]
pub async fn list_audit_entries(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<AuditQuery>,
) -> ApiResult<web::Json<AuditList>> {
    policy::require(can_read(&p))?;
    let page = super::page_req(q.page, q.per_page)?;
    let (list, total) = store::audit::list(
        &state.db.read,
        q.object_type.as_deref().filter(|s| !s.is_empty()),
        q.object_id.as_deref().filter(|s| !s.is_empty()),
        hidden_for(&p),
        page,
    )
    .await?;
    Ok(web::Json(AuditList {
        items: list
            .into_iter()
            .map(|e| AuditEntry {
                id: e.id,
                seq: e.seq,
                at: e.at,
                actor: e.actor,
                action: e.action,
                object_type: e.object_type,
                object_id: e.object_id,
                detail: e.detail,
                hash: e.hash,
            })
            .collect(),
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Recomputes the hash chain (auditor, admin).
#[utoipa::path(
    tag = "audit",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AuditVerification),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
    )
)]
#[get("/audit/verify")]
pub async fn verify_audit_log(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<AuditVerification>> {
    policy::require(can_read(&p))?;
    Ok(web::Json(
        match store::audit::verify(&state.db.read).await? {
            Ok(n) => AuditVerification {
                intact: true,
                entries: n,
                broken_at: None,
                reason: None,
            },
            Err(b) => AuditVerification {
                intact: false,
                entries: 0,
                broken_at: Some(b.seq),
                reason: Some(b.reason),
            },
        },
    ))
}
