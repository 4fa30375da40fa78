//! One event to deliver to one webhook: the outbox row, written in the transaction of the
//! change that caused the event and claimed by one worker at a time.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub kind: String,
    /// The exact JSON body sent (and signed) on every attempt.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// `pending`, `sending`, `delivered` or `failed`.
    pub status: String,
    /// Failures since it was queued or redelivered by hand (drives the backoff).
    pub failures: i32,
    /// Every attempt ever made.
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    pub claimed_at: Option<DateTimeUtc>,
    pub last_status_code: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub delivered_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
