//! Wire types of exemptions from a period's evaluation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

pub use crate::domain::evaluation::ExemptionReason;

#[derive(Deserialize, ToSchema)]
pub struct ExemptionInput {
    /// NIP of the employee to exempt.
    #[schema(max_length = 32)]
    pub nip: String,
    pub reason: ExemptionReason,
    /// Why, in a few words (5–1000 characters), e.g. the leave decree.
    #[schema(min_length = 5, max_length = 1000)]
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct ExemptionOut {
    pub nip: String,
    pub name: String,
    /// The employee's unit when the exemption was recorded.
    pub unit_code: String,
    pub unit_name: String,
    pub reason: ExemptionReason,
    pub note: String,
    /// Actor who recorded it (`user:<id>`), as in the audit log.
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ExemptionList {
    pub period_id: Uuid,
    /// Every exemption of the period, oldest first.
    pub items: Vec<ExemptionOut>,
}
