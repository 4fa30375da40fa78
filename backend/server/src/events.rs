//! In-process broadcast of change events, delivered to browsers as Server-Sent Events.
//!
//! Invariants: an event carries only ids to refetch and a kind, never the changed data
//! itself and never a rater's identity; each subscriber only receives events addressed to
//! it (its user or employee) or to everyone. Lost events are harmless: the SPA refetches.

use serde::Serialize;
use tokio::sync::broadcast;
use uuid::Uuid;

/// Who an event is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    Employee(Uuid),
    User(Uuid),
    /// Admin, HR and auditor accounts.
    Staff,
}

#[derive(Clone, Debug, Serialize)]
pub struct Event {
    /// `employee_updated`, `unit_updated`, `rating_submitted`, `predikat_published`, …
    pub kind: String,
    /// Ids the client should refetch.
    pub ids: Vec<String>,
    #[serde(skip)]
    pub audience: Audience,
}

#[derive(Clone, Debug)]
pub struct EventBus {
    tx: broadcast::Sender<Event>,
}

impl Default for EventBus {
    fn default() -> Self {
        Self::new()
    }
}

impl EventBus {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        EventBus { tx }
    }

    /// Publishes; having no subscriber is not an error.
    pub fn publish(&self, kind: &str, ids: Vec<String>, audience: Audience) {
        let _ = self.tx.send(Event {
            kind: kind.to_string(),
            ids,
            audience,
        });
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}

impl Event {
    pub fn is_for(&self, user: Option<Uuid>, employee: Option<Uuid>, staff: bool) -> bool {
        match self.audience {
            Audience::Everyone => true,
            Audience::Staff => staff,
            Audience::Employee(e) => employee == Some(e),
            Audience::User(u) => user == Some(u),
        }
    }

    /// The SSE wire form: `event: <kind>\ndata: {"ids":[…]}\n\n`.
    pub fn to_sse(&self) -> String {
        let data = serde_json::json!({ "kind": self.kind, "ids": self.ids });
        format!("event: {}\ndata: {}\n\n", self.kind, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_reach_only_their_audience() {
        let me = Uuid::now_v7();
        let e = Event {
            kind: "employee_updated".into(),
            ids: vec![],
            audience: Audience::Employee(me),
        };
        assert!(e.is_for(None, Some(me), false));
        assert!(!e.is_for(None, Some(Uuid::now_v7()), true));
        let staff = Event {
            audience: Audience::Staff,
            ..e.clone()
        };
        assert!(staff.is_for(None, None, true));
        assert!(!staff.is_for(None, Some(me), false));
        assert!(e.to_sse().starts_with("event: employee_updated\ndata: "));
    }
}
