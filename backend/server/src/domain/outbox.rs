//! The life of an outbox row (webhook deliveries; any other outbound channel may reuse it):
//! `pending` → claimed (`sending`) by one worker → `delivered`, or back to `pending` with the
//! next attempt time from `domain::backoff`, or `failed` once given up. A row left in
//! `sending` by a worker that died is claimable again after `stale_after`.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::backoff;
use super::master::string_enum;

/// State of a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = WebhookDeliveryStatus)]
pub enum DeliveryStatus {
    /// Waiting for its next attempt (`next_attempt_at`).
    Pending,
    /// Claimed by a worker, attempt under way.
    Sending,
    Delivered,
    /// Given up after `backoff::MAX_ATTEMPTS` failures; redeliverable by hand.
    Failed,
}

string_enum!(DeliveryStatus {
    Pending => "pending",
    Sending => "sending",
    Delivered => "delivered",
    Failed => "failed",
});

/// What the row becomes after one attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AfterAttempt {
    pub status: DeliveryStatus,
    /// Failures counted for the backoff (reset by a manual redelivery).
    pub failures: u32,
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// The row after an attempt that `succeeded` or not, with `failures` counted before it.
/// `unit_ms` is the length of one schedule second (1000 in operation).
pub fn after_attempt(
    succeeded: bool,
    failures: u32,
    now: DateTime<Utc>,
    unit_ms: u64,
) -> AfterAttempt {
    if succeeded {
        return AfterAttempt {
            status: DeliveryStatus::Delivered,
            failures,
            next_attempt_at: None,
        };
    }
    let failures = failures + 1;
    match backoff::next_attempt_at(failures, now) {
        Some(_) => {
            let wait = backoff::delay_after(failures);
            let scaled_ms = wait
                .num_milliseconds()
                .saturating_mul(unit_ms.min(i64::MAX as u64) as i64)
                / 1000;
            AfterAttempt {
                status: DeliveryStatus::Pending,
                failures,
                next_attempt_at: Some(now + Duration::milliseconds(scaled_ms)),
            }
        }
        None => AfterAttempt {
            status: DeliveryStatus::Failed,
            failures,
            next_attempt_at: None,
        },
    }
}

/// How long a claim holds before another worker may take the row over: the delivery
/// timeout plus a minute of margin.
pub fn stale_after(timeout_secs: u64) -> Duration {
    Duration::seconds(timeout_secs.min(3600) as i64 + 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_success_is_delivered_and_waits_for_nothing() {
        let now = Utc::now();
        let a = after_attempt(true, 2, now, 1000);
        assert_eq!(a.status, DeliveryStatus::Delivered);
        assert_eq!(a.next_attempt_at, None);
    }

    #[test]
    fn a_failure_waits_by_the_shared_schedule_scaled_by_the_unit() {
        let now = Utc::now();
        let a = after_attempt(false, 0, now, 1000);
        assert_eq!(a.status, DeliveryStatus::Pending);
        assert_eq!(a.failures, 1);
        assert_eq!(a.next_attempt_at, Some(now + Duration::seconds(30)));
        let fast = after_attempt(false, 1, now, 10);
        assert_eq!(
            fast.next_attempt_at,
            Some(now + Duration::milliseconds(600))
        );
    }

    #[test]
    fn the_last_failure_gives_the_delivery_up() {
        let now = Utc::now();
        let a = after_attempt(false, backoff::MAX_ATTEMPTS - 1, now, 1000);
        assert_eq!(a.status, DeliveryStatus::Failed);
        assert_eq!(a.failures, backoff::MAX_ATTEMPTS);
        assert_eq!(a.next_attempt_at, None);
    }

    #[test]
    fn statuses_round_trip_and_a_claim_outlives_the_timeout() {
        for s in DeliveryStatus::ALL {
            assert_eq!(DeliveryStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(stale_after(10), Duration::seconds(70));
    }
}
