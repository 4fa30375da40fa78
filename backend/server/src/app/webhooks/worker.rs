//! Sends due webhook deliveries (ADR 0021): claim a row (one worker wins), POST the stored
//! body signed with the webhook's secret, record the attempt and move the row on with the
//! shared retry schedule. The loop around it lives in `startup` (started with the server,
//! stopped with it, off when `webhooks_enabled = false`).

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use entity::webhook_delivery;
use futures_util::StreamExt;
use sea_orm::TransactionTrait;

use crate::config::Settings;
use crate::domain::outbox::{AfterAttempt, DeliveryStatus, after_attempt, stale_after};
use crate::domain::webhook::signature;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::{self, webhooks::AttemptRecord};

/// Deliveries claimed per round.
const BATCH: u64 = 20;
/// Deliveries sent at the same time.
const PARALLEL: usize = 4;
/// Longest error text kept in the log.
const ERROR_MAX: usize = 300;

/// The HTTP client of the worker: the delivery timeout, no redirects followed (a receiver
/// answers itself or the attempt fails).
pub fn client(settings: &Settings) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(settings.webhook_timeout_secs.max(1)))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Kinerja360-Webhook/1")
        .build()
}

/// Database timestamps keep microseconds: a claim time must compare equal after a round trip.
fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

/// One round: claims up to `BATCH` due deliveries and sends them; returns how many were
/// attempted by this worker.
pub async fn run_once(state: &AppState, client: &reqwest::Client) -> ApiResult<usize> {
    let now = micros(Utc::now());
    let stale_before = now - stale_after(state.settings.webhook_timeout_secs);
    let ids = store::webhooks::due_ids(&state.db.read, now, stale_before, BATCH).await?;
    let mut claimed = Vec::new();
    for id in ids {
        if store::webhooks::claim(&state.db.write, id, now, stale_before).await? {
            claimed.push(id);
        }
    }
    let count = claimed.len();
    futures_util::stream::iter(claimed)
        .for_each_concurrent(PARALLEL, |id| async move {
            if let Err(e) = attempt(state, client, id, now).await {
                tracing::warn!(delivery = %id, error = ?e, "webhook delivery not recorded");
            }
        })
        .await;
    Ok(count)
}

/// What one POST came to.
struct Outcome {
    succeeded: bool,
    status_code: Option<i32>,
    error: Option<String>,
}

fn short(text: String) -> String {
    text.chars().take(ERROR_MAX).collect()
}

async fn post(
    client: &reqwest::Client,
    url: &str,
    secret: &str,
    d: &webhook_delivery::Model,
) -> Outcome {
    let sig = signature(secret, Utc::now().timestamp(), &d.body);
    let sent = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-Kinerja-Signature", sig)
        .header("X-Kinerja-Event", d.kind.as_str())
        .header("X-Kinerja-Delivery", d.id.to_string())
        .body(d.body.clone())
        .send()
        .await;
    match sent {
        Ok(resp) if resp.status().is_success() => Outcome {
            succeeded: true,
            status_code: Some(i32::from(resp.status().as_u16())),
            error: None,
        },
        Ok(resp) => Outcome {
            succeeded: false,
            status_code: Some(i32::from(resp.status().as_u16())),
            error: Some(format!("Penerima menjawab HTTP {}", resp.status().as_u16())),
        },
        Err(e) => {
            let why = if e.is_timeout() {
                "Waktu habis".to_string()
            } else if e.is_connect() {
                "Tidak dapat terhubung".to_string()
            } else {
                "Permintaan gagal".to_string()
            };
            // The URL is left out of the error text (it is on the webhook already).
            Outcome {
                succeeded: false,
                status_code: None,
                error: Some(short(format!("{why}: {}", e.without_url()))),
            }
        }
    }
}

/// Sends one claimed delivery and records the attempt.
async fn attempt(
    state: &AppState,
    client: &reqwest::Client,
    id: uuid::Uuid,
    claimed_at: DateTime<Utc>,
) -> ApiResult<()> {
    let Some(d) = store::webhooks::find_delivery(&state.db.write, id).await? else {
        return Ok(());
    };
    let hook = store::webhooks::find_webhook(&state.db.write, d.webhook_id)
        .await?
        .filter(|w| w.active);
    let started = Instant::now();
    let attempted_at = Utc::now();
    let (after, outcome) = match &hook {
        Some(w) => {
            let o = post(client, &w.url, &w.secret, &d).await;
            let after = after_attempt(
                o.succeeded,
                d.failures.max(0) as u32,
                Utc::now(),
                state.settings.webhook_retry_unit_ms,
            );
            (after, o)
        }
        // A deactivated webhook: given up without sending, redeliverable after reactivation.
        None => (
            AfterAttempt {
                status: DeliveryStatus::Failed,
                failures: d.failures.max(0) as u32,
                next_attempt_at: None,
            },
            Outcome {
                succeeded: false,
                status_code: None,
                error: Some("Webhook nonaktif; tidak dikirim".into()),
            },
        ),
    };
    let duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    // The row and its log entry change together.
    let txn = state.db.write.begin().await?;
    let recorded = store::webhooks::finish(
        &txn,
        &d,
        claimed_at,
        after,
        AttemptRecord {
            attempted_at,
            status_code: outcome.status_code,
            error: outcome.error,
            duration_ms,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        delivery = %d.id,
        webhook = %d.webhook_id,
        kind = %d.kind,
        status = ?outcome.status_code,
        outcome = after.status.as_str(),
        recorded,
        "webhook delivery attempted"
    );
    Ok(())
}
