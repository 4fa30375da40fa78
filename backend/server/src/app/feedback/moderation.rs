//! The moderation queue (accept, reject, hide a comment) and the employee's reply.

use chrono::Utc;
use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use super::{status_of, submission_not_found, submission_views};
use crate::auth::{Principal, policy};
use crate::domain::feedback::{
    ModerationAction, ModerationChange, ModerationRefusal, ModerationSubject, SubmissionStatus,
    clean_reason, clean_reply, comment_visible_to_employee, moderate as decide,
};
use crate::dto::PageMeta;
use crate::dto::feedback::{ReplyOut, SubmissionList, SubmissionOut};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{self, PageReq};

/// Submissions of one status (`held` by default), newest first; 422 for an unknown status,
/// 404 for an unknown unit. Reading individual submissions is itself audited
/// (`app::audit::record_anonymous_read`).
pub async fn list_submissions(
    state: &AppState,
    p: &Principal,
    status: Option<&str>,
    unit_code: Option<&str>,
    page: PageReq,
) -> ApiResult<SubmissionList> {
    let db = &state.db.read;
    let status = match status {
        None => SubmissionStatus::Held,
        Some(s) => SubmissionStatus::parse(s)
            .ok_or_else(|| ApiError::field("status", "Status harus held, counted atau rejected"))?,
    };
    let unit_id = crate::app::unit_filter(db, unit_code).await?;
    let (list, total) = store::feedback::list_submissions(db, Some(status), unit_id, page).await?;
    if !list.is_empty() {
        let ids: Vec<String> = list.iter().map(|s| s.id.to_string()).collect();
        let txn = state.db.write.begin().await?;
        crate::app::audit::record_anonymous_read(
            &txn,
            p,
            "feedback_submission",
            serde_json::json!({ "status": status.as_str(), "submissions": ids }),
        )
        .await?;
        txn.commit().await?;
    }
    Ok(SubmissionList {
        items: submission_views(db, list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Applies a moderation action (with its reason, for reject and hide) and audits it, in one
/// transaction. 422 for a missing reason, 404 for an unknown submission, 409 when the
/// action does not apply.
pub async fn moderate(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    action: ModerationAction,
    reason: Option<&str>,
) -> ApiResult<SubmissionOut> {
    let reason = match (action, reason) {
        (ModerationAction::Accept, _) => None,
        (_, r) => {
            Some(clean_reason(r.unwrap_or_default()).map_err(|m| ApiError::field("reason", m))?)
        }
    };
    let detail = match &reason {
        Some(r) => json!({ "reason": r }),
        None => json!({}),
    };
    let txn = state.db.write.begin().await?;
    let s = apply(&txn, p, id, action, reason.as_deref(), detail).await?;
    let view = submission_views(&txn, vec![s]).await?.remove(0);
    txn.commit().await?;
    Ok(view)
}

/// One moderation action on one submission, with its audit entry, inside `txn`.
async fn apply<C: sea_orm::ConnectionTrait>(
    txn: &C,
    p: &Principal,
    id: Uuid,
    action: ModerationAction,
    reason: Option<&str>,
    detail: serde_json::Value,
) -> ApiResult<entity::feedback_submission::Model> {
    let s = store::feedback::find_submission(txn, id)
        .await?
        .ok_or_else(submission_not_found)?;
    let subject = ModerationSubject {
        status: status_of(&s)?,
        hold_reason: s.hold_reason.as_deref(),
        has_comment: s.comment.is_some(),
    };
    let change = decide(action, subject, reason.unwrap_or_default()).map_err(|r| match r {
        ModerationRefusal::NotHeld => {
            ApiError::conflict(ErrorCode::NotHeld, "Penilaian ini tidak sedang ditahan")
        }
        ModerationRefusal::NoComment => ApiError::conflict(
            ErrorCode::NoComment,
            "Penilaian ini tidak memiliki komentar",
        ),
    })?;
    let s = match change {
        ModerationChange::Status {
            status,
            hold_reason,
        } => store::feedback::update_submission_status(txn, s, status, hold_reason).await?,
        ModerationChange::HideComment { reason } => {
            store::feedback::update_submission_comment_hidden(txn, s, reason).await?
        }
    };
    store::audit::append(
        txn,
        &p.actor(),
        action.audit_action(),
        "feedback_submission",
        &id.to_string(),
        detail,
    )
    .await?;
    Ok(s)
}

/// Accepts several held submissions at once, all or none (one transaction, one audit
/// entry each); 404 for an unknown id, 409 when one is not held.
pub async fn accept_many(
    state: &AppState,
    p: &Principal,
    ids: &[Uuid],
) -> ApiResult<Vec<SubmissionOut>> {
    let mut unique: Vec<Uuid> = ids.to_vec();
    unique.sort();
    unique.dedup();
    let txn = state.db.write.begin().await?;
    let mut rows = Vec::with_capacity(unique.len());
    for id in unique {
        rows.push(
            apply(
                &txn,
                p,
                id,
                ModerationAction::Accept,
                None,
                json!({ "bulk": true }),
            )
            .await?,
        );
    }
    let views = submission_views(&txn, rows).await?;
    txn.commit().await?;
    Ok(views)
}

/// The employee's one reply to a comment about them that they can see (404 otherwise;
/// 409 when already replied).
pub async fn reply(state: &AppState, p: &Principal, id: Uuid, text: &str) -> ApiResult<ReplyOut> {
    let text = clean_reply(text).map_err(|m| ApiError::field("text", m))?;
    let txn = state.db.write.begin().await?;
    let s = store::feedback::find_submission(&txn, id)
        .await?
        .ok_or_else(submission_not_found)?;
    let visible =
        comment_visible_to_employee(status_of(&s)?, s.comment.is_some(), s.comment_hidden);
    if !policy::feedback::can_reply_to(p, s.employee_id) || !visible {
        return Err(submission_not_found());
    }
    if s.reply.is_some() {
        return Err(ApiError::conflict(
            ErrorCode::AlreadyReplied,
            "Komentar ini sudah Anda balas; balasan hanya sekali",
        ));
    }
    let now = Utc::now();
    store::feedback::update_submission_reply(&txn, s, text.clone(), now).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback.reply",
        "feedback_submission",
        &id.to_string(),
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(ReplyOut {
        id,
        reply: text,
        replied_at: now,
    })
}
