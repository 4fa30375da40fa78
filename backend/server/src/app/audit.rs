//! Use cases of `audit` (see `api::audit` for the HTTP side): the auditor's view of the
//! hash-chained log and its verification, and the audit of reads of anonymous data.

use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;

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
    let hidden = policy::master::hidden_audit_object_types(p);
    let (list, total) = store::audit::list(
        &state.db.read,
        object_type.filter(|s| !s.is_empty()),
        object_id.filter(|s| !s.is_empty()),
        hidden,
        page,
    )
    .await?;
    let anonymous: Vec<String> = list
        .iter()
        .filter(|e| ANONYMOUS_OBJECT_TYPES.contains(&e.object_type.as_str()))
        .map(|e| e.seq.to_string())
        .collect();
    if !anonymous.is_empty() {
        let txn = state.db.write.begin().await?;
        record_anonymous_read(&txn, p, "audit_log", json!({ "entries": anonymous })).await?;
        txn.commit().await?;
    }
    let mut items: Vec<AuditEntry> = list.into_iter().map(AuditEntry::from).collect();
    if !hidden.is_empty() {
        // Numbered among the entries the caller sees: no gaps where hidden entries are.
        let seqs: Vec<i64> = items.iter().map(|e| e.seq).collect();
        let positions = store::audit::visible_positions(&state.db.read, hidden, &seqs).await?;
        for e in &mut items {
            e.seq = positions.get(&e.seq).copied().unwrap_or(e.seq);
        }
    }
    Ok(AuditList {
        items,
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
    let key = state.settings.audit_key.as_bytes();
    Ok(
        match store::audit::verify(&state.db.read, key, None).await? {
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
    )
}

/// Object types whose audit entries name an anonymous rater (who answered whose 360 form).
const ANONYMOUS_OBJECT_TYPES: [&str; 1] = ["rating_360"];

/// Records, in the caller's transaction, that `p` read individual anonymous data (`what`:
/// `audit_log` for the 360 entries of the log, `feedback_submission` for held citizen
/// submissions) so such reads are themselves in the chain.
pub async fn record_anonymous_read<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    what: &str,
    detail: serde_json::Value,
) -> ApiResult<()> {
    store::audit::append(conn, &p.actor(), "anonymous.read", what, what, detail).await?;
    Ok(())
}
