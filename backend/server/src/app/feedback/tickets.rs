//! Single-use tickets printed on service receipts: a ticket makes one submission verified.

use chrono::Utc;
use rand::RngCore;
use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use super::load_target;
use crate::auth::Principal;
use crate::domain::feedback::{format_ticket, ticket_batch_size};
use crate::dto::PageMeta;
use crate::dto::feedback::{TicketBatch, TicketList};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{self, PageReq};

/// Generates a batch of `count` (1–500) distinct ticket codes for a target, audited.
pub async fn create_tickets(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    count: &serde_json::Number,
) -> ApiResult<TicketBatch> {
    let count = ticket_batch_size(count).map_err(|m| ApiError::field("count", m))?;
    let t = load_target(state, id).await?;
    let mut codes: Vec<String> = Vec::with_capacity(count);
    let mut rng = rand::rng();
    while codes.len() < count {
        let mut b = [0u8; 8];
        rng.fill_bytes(&mut b);
        let code = format_ticket(&b);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let batch_id = Uuid::now_v7();
    let txn = state.db.write.begin().await?;
    store::feedback::insert_tickets(&txn, t.id, batch_id, &codes).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback_ticket.create_batch",
        "feedback_target",
        &t.id.to_string(),
        json!({ "batch_id": batch_id, "count": codes.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(TicketBatch {
        batch_id,
        created_at: Utc::now(),
        codes,
    })
}

/// A target's tickets, newest batch first; only unused ones when `unused_only`.
pub async fn list_tickets(
    state: &AppState,
    id: Uuid,
    unused_only: bool,
    page: PageReq,
) -> ApiResult<TicketList> {
    let t = load_target(state, id).await?;
    let (list, total) =
        store::feedback::list_tickets(&state.db.read, t.id, unused_only, page).await?;
    Ok(TicketList {
        items: list.into_iter().map(Into::into).collect(),
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}
