//! Webhook subscriptions, their outbox of deliveries and the attempt log (ADR 0021).
//!
//! A delivery is claimed with an update guarded by its status (and, for a takeover, by the
//! stale claim time), so several instances on one database never send it twice at once.

use chrono::{DateTime, Utc};
use entity::{webhook, webhook_attempt, webhook_delivery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, Set,
    prelude::Uuid,
    sea_query::{Expr, ExprTrait},
};

use crate::domain::outbox::{AfterAttempt, DeliveryStatus};

pub async fn insert_webhook<C: ConnectionTrait>(
    conn: &C,
    m: webhook::Model,
) -> Result<webhook::Model, DbErr> {
    m.into_active_model().insert(conn).await
}

/// Every webhook, or those registered by `created_by`, oldest first.
pub async fn list_webhooks<C: ConnectionTrait>(
    conn: &C,
    created_by: Option<&str>,
) -> Result<Vec<webhook::Model>, DbErr> {
    let mut q = webhook::Entity::find().order_by_asc(webhook::Column::CreatedAt);
    if let Some(actor) = created_by {
        q = q.filter(webhook::Column::CreatedBy.eq(actor));
    }
    q.all(conn).await
}

/// Active webhooks (each subscribed to some kinds; the caller picks by kind).
pub async fn list_active<C: ConnectionTrait>(conn: &C) -> Result<Vec<webhook::Model>, DbErr> {
    webhook::Entity::find()
        .filter(webhook::Column::Active.eq(true))
        .order_by_asc(webhook::Column::CreatedAt)
        .all(conn)
        .await
}

pub async fn find_webhook<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<webhook::Model>, DbErr> {
    webhook::Entity::find_by_id(id).one(conn).await
}

pub async fn update_webhook<C: ConnectionTrait>(
    conn: &C,
    m: webhook::Model,
) -> Result<webhook::Model, DbErr> {
    let mut am = m.into_active_model();
    for c in [
        webhook::Column::Url,
        webhook::Column::Events,
        webhook::Column::Description,
        webhook::Column::Active,
        webhook::Column::UpdatedAt,
    ] {
        am.reset(c);
    }
    am.update(conn).await
}

/// Removes a webhook with its deliveries and their attempts.
pub async fn delete_webhook<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbErr> {
    let deliveries: Vec<Uuid> = webhook_delivery::Entity::find()
        .select_only()
        .column(webhook_delivery::Column::Id)
        .filter(webhook_delivery::Column::WebhookId.eq(id))
        .into_tuple()
        .all(conn)
        .await?;
    for chunk in deliveries.chunks(500) {
        webhook_attempt::Entity::delete_many()
            .filter(webhook_attempt::Column::DeliveryId.is_in(chunk.to_vec()))
            .exec(conn)
            .await?;
    }
    webhook_delivery::Entity::delete_many()
        .filter(webhook_delivery::Column::WebhookId.eq(id))
        .exec(conn)
        .await?;
    webhook::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

pub async fn insert_delivery<C: ConnectionTrait>(
    conn: &C,
    m: webhook_delivery::Model,
) -> Result<webhook_delivery::Model, DbErr> {
    m.into_active_model().insert(conn).await
}

pub async fn find_delivery<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<webhook_delivery::Model>, DbErr> {
    webhook_delivery::Entity::find_by_id(id).one(conn).await
}

/// A webhook's latest `limit` deliveries, newest first.
pub async fn list_deliveries<C: ConnectionTrait>(
    conn: &C,
    webhook_id: Uuid,
    limit: u64,
) -> Result<Vec<webhook_delivery::Model>, DbErr> {
    webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::WebhookId.eq(webhook_id))
        .order_by_desc(webhook_delivery::Column::CreatedAt)
        .order_by_desc(webhook_delivery::Column::Id)
        .limit(limit)
        .all(conn)
        .await
}

/// The attempts of these deliveries, oldest first.
pub async fn list_attempts<C: ConnectionTrait>(
    conn: &C,
    delivery_ids: &[Uuid],
) -> Result<Vec<webhook_attempt::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in delivery_ids.chunks(500) {
        out.extend(
            webhook_attempt::Entity::find()
                .filter(webhook_attempt::Column::DeliveryId.is_in(chunk.to_vec()))
                .order_by_asc(webhook_attempt::Column::AttemptedAt)
                .order_by_asc(webhook_attempt::Column::Id)
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

/// Rows a worker may claim now: pending and due, or claimed before `stale_before`.
fn claimable(now: DateTime<Utc>, stale_before: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending.as_str()))
                .add(webhook_delivery::Column::NextAttemptAt.lte(now)),
        )
        .add(
            Condition::all()
                .add(webhook_delivery::Column::Status.eq(DeliveryStatus::Sending.as_str()))
                .add(webhook_delivery::Column::ClaimedAt.lt(stale_before)),
        )
}

/// Ids of up to `limit` claimable deliveries, the longest waiting first.
pub async fn due_ids<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Uuid>, DbErr> {
    webhook_delivery::Entity::find()
        .select_only()
        .column(webhook_delivery::Column::Id)
        .filter(claimable(now, stale_before))
        .order_by_asc(webhook_delivery::Column::NextAttemptAt)
        .order_by_asc(webhook_delivery::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await
}

/// Claims one delivery for this worker at `now`; false when another worker has it.
pub async fn claim<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::Status,
            Expr::value(DeliveryStatus::Sending.as_str()),
        )
        .col_expr(webhook_delivery::Column::ClaimedAt, Expr::value(Some(now)))
        .filter(webhook_delivery::Column::Id.eq(id))
        .filter(claimable(now, stale_before))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// One attempt's result, recorded on the delivery and in the log.
pub struct AttemptRecord {
    pub attempted_at: DateTime<Utc>,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
}

/// Records an attempt of the delivery claimed at `claimed_at` and moves it on; false (and
/// nothing written) when the claim was taken over meanwhile.
pub async fn finish<C: ConnectionTrait>(
    conn: &C,
    d: &webhook_delivery::Model,
    claimed_at: DateTime<Utc>,
    after: AfterAttempt,
    attempt: AttemptRecord,
) -> Result<bool, DbErr> {
    let delivered_at = (after.status == DeliveryStatus::Delivered).then_some(attempt.attempted_at);
    let res = webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::Status,
            Expr::value(after.status.as_str()),
        )
        .col_expr(
            webhook_delivery::Column::Failures,
            Expr::value(i32::try_from(after.failures).unwrap_or(i32::MAX)),
        )
        .col_expr(
            webhook_delivery::Column::Attempts,
            Expr::col(webhook_delivery::Column::Attempts).add(1),
        )
        .col_expr(
            webhook_delivery::Column::NextAttemptAt,
            Expr::value(after.next_attempt_at),
        )
        .col_expr(
            webhook_delivery::Column::ClaimedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            webhook_delivery::Column::LastStatusCode,
            Expr::value(attempt.status_code),
        )
        .col_expr(
            webhook_delivery::Column::LastError,
            Expr::value(attempt.error.clone()),
        )
        .col_expr(
            webhook_delivery::Column::DeliveredAt,
            Expr::value(delivered_at),
        )
        .filter(webhook_delivery::Column::Id.eq(d.id))
        .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Sending.as_str()))
        .filter(webhook_delivery::Column::ClaimedAt.eq(claimed_at))
        .exec(conn)
        .await?;
    if res.rows_affected != 1 {
        return Ok(false);
    }
    webhook_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        delivery_id: Set(d.id),
        attempted_at: Set(attempt.attempted_at),
        status_code: Set(attempt.status_code),
        error: Set(attempt.error),
        duration_ms: Set(attempt.duration_ms),
    }
    .insert(conn)
    .await?;
    Ok(true)
}

/// Queues a delivery again at `now` with a fresh retry schedule, unless an attempt is
/// under way; false when it is.
pub async fn requeue<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::Status,
            Expr::value(DeliveryStatus::Pending.as_str()),
        )
        .col_expr(webhook_delivery::Column::Failures, Expr::value(0))
        .col_expr(
            webhook_delivery::Column::NextAttemptAt,
            Expr::value(Some(now)),
        )
        .col_expr(
            webhook_delivery::Column::ClaimedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(webhook_delivery::Column::Id.eq(id))
        .filter(webhook_delivery::Column::Status.ne(DeliveryStatus::Sending.as_str()))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}
