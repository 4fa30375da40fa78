//! Use cases of `audit` (see `api::audit` for the HTTP side): the auditor's view of the
//! hash-chained log and its verification.

use crate::auth::{Principal, policy};
use crate::dto::PageMeta;
use crate::dto::audit::{AuditEntry, AuditList, AuditVerification};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::{self, PageReq};

/// Entries, newest first, optionally about one object type or object; an admin does not
/// see the 360 raters' entries.
pub async fn list_audit_entries(
    state: &AppState,
    p: &Principal,
    object_type: Option<&str>,
    object_id: Option<&str>,
    page: PageReq,
) -> ApiResult<AuditList> {
    policy::require(policy::master::can_read_audit(p))?;
    let (list, total) = store::audit::list(
        &state.db.read,
        object_type.filter(|s| !s.is_empty()),
        object_id.filter(|s| !s.is_empty()),
        policy::master::hidden_audit_object_types(p),
        page,
    )
    .await?;
    Ok(AuditList {
        items: list.into_iter().map(AuditEntry::from).collect(),
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Recomputes the hash chain.
pub async fn verify_audit_log(state: &AppState, p: &Principal) -> ApiResult<AuditVerification> {
    policy::require(policy::master::can_read_audit(p))?;
    Ok(match store::audit::verify(&state.db.read).await? {
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
    })
}
