//! Sessions that end at once (ADR 0016).
//!
//! - `SessionCache`: each account's current session version (and whether it is active),
//!   cached for at most 30 seconds per process and forgotten locally whenever this process
//!   changes it, so that every authenticated request can compare its token's version
//!   without a query each time.
//! - `SseTickets`: short-lived, single-use tickets that open the event stream, so that no
//!   access token ever travels in a URL.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::secret::{random_token, sha256_hex};

/// How long a cached session version is trusted.
pub const SESSION_CACHE_TTL: Duration = Duration::from_secs(30);
/// How long an event-stream ticket is valid.
pub const TICKET_TTL: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionState {
    pub version: i32,
    pub active: bool,
}

impl SessionState {
    /// Whether a token issued for `token_version` is still a live session.
    pub fn admits(self, token_version: i32) -> bool {
        self.active && self.version == token_version
    }
}

#[derive(Debug)]
pub struct SessionCache {
    ttl: Duration,
    entries: Mutex<HashMap<Uuid, (SessionState, Instant)>>,
}

impl Default for SessionCache {
    fn default() -> Self {
        Self::new(SESSION_CACHE_TTL)
    }
}

impl SessionCache {
    pub fn new(ttl: Duration) -> Self {
        SessionCache {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The cached state of an account, when it is fresh.
    pub fn get(&self, user: Uuid) -> Option<SessionState> {
        let map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&user)
            .filter(|(_, at)| at.elapsed() < self.ttl)
            .map(|(s, _)| *s)
    }

    pub fn put(&self, user: Uuid, state: SessionState) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            let ttl = self.ttl;
            map.retain(|_, (_, at)| at.elapsed() < ttl);
        }
        map.insert(user, (state, Instant::now()));
    }

    /// Forgets an account after its sessions changed, so the next request reads the store.
    pub fn forget(&self, user: Uuid) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&user);
    }
}

/// Who a ticket was issued to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketHolder {
    pub user_id: Uuid,
    pub employee_id: Option<Uuid>,
    pub roles: Vec<String>,
    pub session_version: i32,
}

/// Single-use tickets for the event stream, kept hashed in memory.
#[derive(Debug)]
pub struct SseTickets {
    ttl: Duration,
    tickets: Mutex<HashMap<String, (TicketHolder, Instant)>>,
}

impl Default for SseTickets {
    fn default() -> Self {
        Self::new(TICKET_TTL)
    }
}

impl SseTickets {
    pub fn new(ttl: Duration) -> Self {
        SseTickets {
            ttl,
            tickets: Mutex::new(HashMap::new()),
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Issues a ticket for `holder`; the ticket itself is returned once and never stored.
    pub fn issue(&self, holder: TicketHolder) -> String {
        let ticket = random_token();
        let mut map = self.tickets.lock().unwrap_or_else(|p| p.into_inner());
        let ttl = self.ttl;
        map.retain(|_, (_, at)| at.elapsed() < ttl);
        map.insert(sha256_hex(&ticket), (holder, Instant::now()));
        ticket
    }

    /// Takes a ticket: it is gone afterwards, whether or not it was still valid.
    pub fn redeem(&self, ticket: &str) -> Option<TicketHolder> {
        let mut map = self.tickets.lock().unwrap_or_else(|p| p.into_inner());
        let (holder, at) = map.remove(&sha256_hex(ticket.trim()))?;
        (at.elapsed() < self.ttl).then_some(holder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holder() -> TicketHolder {
        TicketHolder {
            user_id: Uuid::now_v7(),
            employee_id: None,
            roles: vec!["employee".into()],
            session_version: 1,
        }
    }

    #[test]
    fn a_ticket_opens_once() {
        let t = SseTickets::default();
        let h = holder();
        let ticket = t.issue(h.clone());
        assert_eq!(t.redeem(&ticket), Some(h));
        assert_eq!(t.redeem(&ticket), None);
        assert_eq!(t.redeem("made-up"), None);
    }

    #[test]
    fn an_expired_ticket_opens_nothing() {
        let t = SseTickets::new(Duration::from_millis(0));
        let ticket = t.issue(holder());
        assert_eq!(t.redeem(&ticket), None);
    }

    #[test]
    fn a_session_is_admitted_only_with_its_current_version_while_active() {
        let s = SessionState {
            version: 3,
            active: true,
        };
        assert!(s.admits(3));
        assert!(!s.admits(2));
        assert!(
            !SessionState {
                version: 3,
                active: false
            }
            .admits(3)
        );
    }

    #[test]
    fn a_forgotten_or_stale_entry_is_not_served() {
        let c = SessionCache::default();
        let u = Uuid::now_v7();
        let s = SessionState {
            version: 1,
            active: true,
        };
        c.put(u, s);
        assert_eq!(c.get(u), Some(s));
        c.forget(u);
        assert_eq!(c.get(u), None);
        let stale = SessionCache::new(Duration::from_millis(0));
        stale.put(u, s);
        assert_eq!(stale.get(u), None);
    }
}
