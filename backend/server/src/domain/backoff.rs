//! Retry schedule shared by every outbound delivery (email, webhooks, SIASN push).
//!
//! One rule: the n-th failed attempt waits `base × 2^(n-1)`, capped at `cap`; after
//! `MAX_ATTEMPTS` failures a delivery is given up (kept, marked failed, redeliverable by hand).

use chrono::{DateTime, Duration, Utc};

/// Attempts before a delivery is given up.
pub const MAX_ATTEMPTS: u32 = 8;

/// Wait after the first failure.
pub const BASE_SECONDS: i64 = 30;

/// Longest wait between two attempts.
pub const CAP_SECONDS: i64 = 6 * 60 * 60;

/// The wait after `failed_attempts` failures (1 = the first failure); 0 failures → no wait.
pub fn delay_after(failed_attempts: u32) -> Duration {
    if failed_attempts == 0 {
        return Duration::zero();
    }
    let exp = (failed_attempts - 1).min(20);
    let secs = BASE_SECONDS.saturating_mul(1_i64 << exp).min(CAP_SECONDS);
    Duration::seconds(secs)
}

/// When the next attempt is due after `failed_attempts` failures at `now`, or `None` when
/// the delivery is to be given up.
pub fn next_attempt_at(failed_attempts: u32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (failed_attempts < MAX_ATTEMPTS).then(|| now + delay_after(failed_attempts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_each_failure_up_to_the_cap() {
        assert_eq!(delay_after(0), Duration::zero());
        assert_eq!(delay_after(1), Duration::seconds(30));
        assert_eq!(delay_after(2), Duration::seconds(60));
        assert_eq!(delay_after(5), Duration::seconds(480));
        assert_eq!(delay_after(30), Duration::seconds(CAP_SECONDS));
    }

    #[test]
    fn a_delivery_is_given_up_after_the_last_attempt() {
        let now = Utc::now();
        assert_eq!(next_attempt_at(1, now), Some(now + Duration::seconds(30)));
        assert!(next_attempt_at(MAX_ATTEMPTS - 1, now).is_some());
        assert_eq!(next_attempt_at(MAX_ATTEMPTS, now), None);
    }
}
