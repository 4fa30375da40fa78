//! Wire types of the SIASN push (`POST`/`GET /periods/{id}/siasn/push`, ADR 0020).

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub use crate::domain::siasn::{DeliveryStatus, SiasnKind};

/// An employee whose result was not sent, and why.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SiasnSkipped {
    pub nip: String,
    pub name: String,
    /// `not_ready` (not published, or an appeal is open), `missing_pns_id`, or
    /// `not_functional` (no `kinerjaperiodik` without a functional jenjang).
    pub reason: String,
}

/// What one push did, counted per body.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct SiasnPushSummary {
    pub period_id: Uuid,
    /// Saved by SIASN in this push.
    pub sent: usize,
    /// Refused by SIASN in this push (its message is in the outcome list).
    pub rejected: usize,
    /// Failed in this push and due again later (`next_attempt_at`).
    pub to_retry: usize,
    /// Given up in this push after the last attempt.
    pub failed: usize,
    /// Not sent because SIASN already has this exact body (sent or refused before).
    pub unchanged: usize,
    /// Not sent because an earlier failure's retry is not due yet.
    pub waiting: usize,
    pub skipped: Vec<SiasnSkipped>,
}

/// One employee's delivery of one body.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SiasnDeliveryOut {
    pub nip: String,
    pub name: String,
    pub kind: SiasnKind,
    pub status: DeliveryStatus,
    /// Attempts for the current body.
    pub attempts: i32,
    /// SIASN's record id once saved.
    pub siasn_id: Option<String>,
    /// SIASN's message (refusals, errors).
    pub message: Option<String>,
    pub next_attempt_at: Option<chrono::DateTime<chrono::Utc>>,
    pub last_attempt_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SiasnDeliveryList {
    pub period_id: Uuid,
    /// Whether a SIASN base URL is configured (pushing is possible).
    pub enabled: bool,
    pub items: Vec<SiasnDeliveryOut>,
}
