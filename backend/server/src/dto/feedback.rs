//! Request and response bodies of `api::feedback`: targets, tickets, the moderation queue
//! and replies.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
pub use crate::domain::feedback::{ModerationAction, SubmissionStatus, TargetKind};

#[derive(Serialize, ToSchema)]
pub struct TargetOut {
    pub id: Uuid,
    /// `unit` (a service desk) or `employee`.
    pub kind: TargetKind,
    pub label: String,
    pub unit_code: String,
    pub unit_name: String,
    pub employee_nip: Option<String>,
    pub employee_name: Option<String>,
    pub token: String,
    /// The address the QR code encodes.
    pub public_url: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    /// Submissions counted in the index.
    pub counted: i64,
    /// Submissions waiting in the moderation queue.
    pub held: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TargetList {
    pub items: Vec<TargetOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct TargetQuery {
    pub unit_code: Option<String>,
    /// `unit` or `employee`.
    #[param(value_type = Option<TargetKind>)]
    pub kind: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 0)]
    pub page: Option<i32>,
    /// Items per page, 1–100.
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
pub struct TargetCreate {
    /// `unit` (a service desk of the unit) or `employee`.
    #[schema(value_type = TargetKind)]
    pub kind: String,
    #[schema(min_length = 1)]
    pub unit_code: String,
    /// The desk's name, e.g. "Loket Pelayanan" (unit targets).
    #[serde(default)]
    #[schema(max_length = 100)]
    pub label: Option<String>,
    /// The employee (employee targets); must belong to `unit_code`.
    #[serde(default)]
    #[schema(pattern = r"^[0-9]{18}$")]
    pub employee_nip: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct TicketBatchCreate {
    #[schema(value_type = u32, minimum = 1, maximum = 500)]
    pub count: serde_json::Number,
}

#[derive(Serialize, ToSchema)]
pub struct TicketBatch {
    pub batch_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub codes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TicketOut {
    pub code: String,
    pub batch_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

impl From<entity::feedback_ticket::Model> for TicketOut {
    fn from(k: entity::feedback_ticket::Model) -> Self {
        TicketOut {
            code: k.code,
            batch_id: k.batch_id,
            created_at: k.created_at,
            used_at: k.used_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TicketList {
    pub items: Vec<TicketOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct TicketQuery {
    /// Only tickets not used yet.
    #[serde(default)]
    pub unused: bool,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

/// A submission as staff see it (never the client hash).
#[derive(Serialize, ToSchema)]
pub struct SubmissionOut {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub target_label: String,
    pub unit_code: String,
    pub unit_name: String,
    pub employee_nip: Option<String>,
    pub employee_name: Option<String>,
    /// `u1` … `u9` → 1–4.
    pub answers: BTreeMap<String, i16>,
    pub comment: Option<String>,
    pub comment_hidden: bool,
    pub comment_hidden_reason: Option<String>,
    pub verified: bool,
    /// `counted`, `held` or `rejected`.
    pub status: SubmissionStatus,
    pub hold_reason: Option<String>,
    pub reply: Option<String>,
    pub replied_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct SubmissionList {
    pub items: Vec<SubmissionOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct ModerationQuery {
    /// `held` (default), `counted` or `rejected`.
    #[param(value_type = Option<SubmissionStatus>)]
    pub status: Option<String>,
    pub unit_code: Option<String>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

/// Held submissions to accept at once (all or none).
#[derive(Deserialize, ToSchema)]
pub struct AcceptManyInput {
    #[schema(min_items = 1, max_items = 100)]
    pub ids: Vec<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct AcceptedList {
    pub items: Vec<SubmissionOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct ReasonBody {
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ReplyBody {
    #[schema(min_length = 1, max_length = 1000, pattern = r"\S")]
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReplyOut {
    pub id: Uuid,
    pub reply: String,
    pub replied_at: DateTime<Utc>,
}

/// Registers a desk's own tablet as a kiosk of a target (ADR 0027).
#[derive(Deserialize, ToSchema)]
pub struct KioskCreate {
    /// The device's name, e.g. "Tablet Loket 1".
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
}

/// A kiosk as staff see it (never its credential).
#[derive(Serialize, ToSchema)]
pub struct KioskOut {
    pub id: Uuid,
    pub target_id: Uuid,
    pub name: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<entity::feedback_kiosk::Model> for KioskOut {
    fn from(k: entity::feedback_kiosk::Model) -> Self {
        KioskOut {
            id: k.id,
            target_id: k.target_id,
            active: k.revoked_at.is_none(),
            name: k.name,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

/// A new kiosk with its credential, shown once.
#[derive(Serialize, ToSchema)]
pub struct KioskCreated {
    pub kiosk: KioskOut,
    /// The device credential (`kio_…`); shown only now.
    pub token: String,
    /// Open this address once on the tablet to set it up; the credential travels in the
    /// fragment, which browsers never send to a server.
    pub setup_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct KioskList {
    pub items: Vec<KioskOut>,
}
