//! Request and response bodies of `api::webhooks` (ADR 0021).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::domain::outbox::DeliveryStatus;
use crate::domain::webhook::WebhookEvent;

/// A subscription: where to POST which events (the body of both registration and change;
/// the secret never changes).
#[derive(Deserialize, ToSchema, Validate)]
pub struct WebhookInput {
    /// The receiver: `https://…` (`http://` only to 127.0.0.1 or outside production); no
    /// user name or password in it.
    #[schema(min_length = 1, max_length = 2000)]
    #[validate(length(
        min = 1,
        max = 2000,
        message = "URL wajib diisi (maksimal 2000 karakter)"
    ))]
    pub url: String,
    /// Any of `period.published`, `result.ready`, `predikat.changed`.
    #[schema(value_type = Vec<WebhookEvent>, min_items = 1)]
    #[validate(length(min = 1, message = "Pilih minimal satu jenis peristiwa"))]
    pub events: Vec<String>,
    /// What it is for, e.g. "SIMPEG Kota Mataram".
    #[schema(max_length = 200)]
    #[validate(length(max = 200, message = "Keterangan maksimal 200 karakter"))]
    #[serde(default)]
    pub description: Option<String>,
    /// An inactive webhook gets no new deliveries; queued ones fail without being sent.
    /// Registration: `true` when left out; a change: unchanged when left out.
    #[serde(default)]
    pub active: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookOut {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<entity::webhook::Model> for WebhookOut {
    fn from(w: entity::webhook::Model) -> Self {
        WebhookOut {
            events: WebhookEvent::parse_list(&w.events),
            id: w.id,
            url: w.url,
            description: w.description,
            active: w.active,
            created_at: w.created_at,
            updated_at: w.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct WebhookCreated {
    #[serde(flatten)]
    pub info: WebhookOut,
    /// The signing secret. Shown only in this response; store it safely.
    pub secret: String,
}

/// One attempt of a delivery.
#[derive(Serialize, ToSchema)]
pub struct WebhookAttemptOut {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<i32>,
    /// Why the attempt failed (timeout, connection refused, non-2xx answer).
    pub error: Option<String>,
    pub duration_ms: i64,
}

impl From<entity::webhook_attempt::Model> for WebhookAttemptOut {
    fn from(a: entity::webhook_attempt::Model) -> Self {
        WebhookAttemptOut {
            attempted_at: a.attempted_at,
            status_code: a.status_code,
            error: a.error,
            duration_ms: a.duration_ms,
        }
    }
}

/// One event sent (or to send) to one webhook, with its attempts.
#[derive(Serialize, ToSchema)]
pub struct WebhookDeliveryOut {
    /// Also the body's `id` and the `X-Kinerja-Delivery` header.
    pub id: Uuid,
    pub webhook_id: Uuid,
    #[schema(value_type = WebhookEvent)]
    pub kind: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    /// The body sent on every attempt.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// Every attempt, oldest first.
    pub log: Vec<WebhookAttemptOut>,
}

impl WebhookDeliveryOut {
    pub fn new(d: entity::webhook_delivery::Model, log: Vec<WebhookAttemptOut>) -> Self {
        WebhookDeliveryOut {
            payload: serde_json::from_str(&d.body).unwrap_or(serde_json::Value::Null),
            status: DeliveryStatus::parse(&d.status).unwrap_or(DeliveryStatus::Pending),
            id: d.id,
            webhook_id: d.webhook_id,
            kind: d.kind,
            attempts: d.attempts,
            next_attempt_at: d.next_attempt_at,
            last_status_code: d.last_status_code,
            last_error: d.last_error,
            created_at: d.created_at,
            delivered_at: d.delivered_at,
            log,
        }
    }
}
