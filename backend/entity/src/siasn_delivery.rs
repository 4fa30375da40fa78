//! One body pushed to SIASN for an employee and period (`skp22` or `kinerjaperiodik`): the
//! last body sent, its hash (without SIASN's record id) and the outcome (ADR 0020).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "siasn_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub employee_id: Uuid,
    /// `skp22` or `kinerjaperiodik`.
    pub kind: String,
    /// SHA-256 (hex) of the body without SIASN's `id`: a changed result changes it.
    pub body_hash: String,
    /// The JSON body last sent.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// `sent`, `rejected`, `to_retry` or `failed` (given up after the last attempt).
    pub status: String,
    /// Attempts for the current body (reset when the body changes).
    pub attempts: i32,
    /// SIASN's id of the saved record (sent again as `id` so a resend updates it).
    pub siasn_id: Option<String>,
    /// SIASN's message (rejections, errors) or response.
    #[sea_orm(column_type = "Text", nullable)]
    pub response: Option<String>,
    pub next_attempt_at: Option<DateTimeUtc>,
    pub last_attempt_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
