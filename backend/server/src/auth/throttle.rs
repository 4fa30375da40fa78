//! Failed sign-in throttling: after `max` failures for one account (or `4 × max` from one
//! client address) within the window, further attempts get 429 until the window ends.
//!
//! In memory, per process (see ADR 0004): a restart forgets the counts, which is acceptable
//! for slowing down password guessing on a single-node deployment.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct LoginThrottle {
    max: u32,
    window: Duration,
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl LoginThrottle {
    pub fn new(max: u32, window: Duration) -> Self {
        LoginThrottle {
            max: max.max(1),
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn keys(username: &str, client: &str) -> [(String, u32); 2] {
        [
            (format!("u:{}", username.trim().to_lowercase()), 1),
            (format!("ip:{client}"), 4),
        ]
    }

    /// Seconds to wait when the account or client is blocked, `None` when allowed.
    pub fn blocked(&self, username: &str, client: &str) -> Option<u64> {
        let now = Instant::now();
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        Self::keys(username, client)
            .iter()
            .filter_map(|(k, factor)| {
                let (count, since) = map.get(k)?;
                let elapsed = now.duration_since(*since);
                (*count >= self.max * factor && elapsed < self.window)
                    .then(|| (self.window - elapsed).as_secs().max(1))
            })
            .max()
    }

    pub fn record_failure(&self, username: &str, client: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, (_, since)| now.duration_since(*since) < window);
        }
        for (k, _) in Self::keys(username, client) {
            let entry = map.entry(k).or_insert((0, now));
            if now.duration_since(entry.1) >= self.window {
                *entry = (0, now);
            }
            entry.0 += 1;
        }
    }

    pub fn record_success(&self, username: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("u:{}", username.trim().to_lowercase()));
    }
}

/// A fixed-window counter per key: at most `limit` hits per `window`.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    hits: Mutex<HashMap<String, (u32, Instant)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            limit: limit.max(1),
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a hit; `Err(seconds to wait)` when the key is over its limit.
    pub fn hit(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, (_, since)| now.duration_since(*since) < window);
        }
        let entry = map.entry(key.to_string()).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        if entry.0 >= self.limit {
            return Err((self.window - now.duration_since(entry.1)).as_secs().max(1));
        }
        entry.0 += 1;
        Ok(())
    }

    /// `Err(seconds to wait)` when the key has reached its limit; counts nothing, so only
    /// what really happened is counted later with `record`.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let map = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(key) {
            Some((count, since))
                if now.duration_since(*since) < self.window && *count >= self.limit =>
            {
                Err((self.window - now.duration_since(*since)).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Counts one hit, over the limit or not (a `check` came first).
    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let mut map = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        let entry = map.entry(key.to_string()).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_is_blocked_after_max_failures_and_freed_by_success() {
        let t = LoginThrottle::new(3, Duration::from_secs(60));
        for _ in 0..2 {
            t.record_failure("Budi", "1.1.1.1");
        }
        assert!(t.blocked("budi", "2.2.2.2").is_none());
        t.record_failure("budi", "1.1.1.1");
        assert!(t.blocked("BUDI", "2.2.2.2").is_some());
        t.record_success("budi");
        assert!(t.blocked("budi", "2.2.2.2").is_none());
    }

    #[test]
    fn the_rate_limiter_refuses_hits_over_the_limit_per_key() {
        let r = RateLimiter::new(2, Duration::from_secs(60));
        assert!(r.hit("a").is_ok());
        assert!(r.hit("a").is_ok());
        assert!(r.hit("a").is_err());
        assert!(r.hit("b").is_ok());
    }

    #[test]
    fn check_counts_nothing_and_record_counts() {
        let r = RateLimiter::new(1, Duration::from_secs(60));
        assert!(r.check("a").is_ok());
        assert!(r.check("a").is_ok());
        r.record("a");
        assert!(r.check("a").is_err());
        assert!(r.check("b").is_ok());
    }

    #[test]
    fn one_client_guessing_many_accounts_is_blocked() {
        let t = LoginThrottle::new(2, Duration::from_secs(60));
        for i in 0..8 {
            t.record_failure(&format!("user{i}"), "9.9.9.9");
        }
        assert!(t.blocked("someone-else", "9.9.9.9").is_some());
        assert!(t.blocked("someone-else", "8.8.8.8").is_none());
    }
}
