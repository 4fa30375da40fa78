//! In-process broadcast of change events, delivered to browsers as Server-Sent Events.
//!
//! Invariants: an event carries only ids to refetch and a kind, never the changed data
//! itself and never a rater's identity; each subscriber only receives events addressed to
//! it (its user or employee) or to everyone. Lost events are harmless: the SPA refetches.

use serde::Serialize;
use tokio::sync::broadcast;
use utoipa::ToSchema;
use uuid::Uuid;

/// The kinds of change events (the SSE `event:` field), as the OpenAPI document lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub enum EventKind {
    /// Sent once when the stream opens.
    #[serde(rename = "ready")]
    Ready,
    /// Sent after a lag: refetch everything shown.
    #[serde(rename = "resync")]
    Resync,
    /// An employee's master data changed.
    #[serde(rename = "employee_updated")]
    EmployeeUpdated,
    /// A bulk import wrote employees.
    #[serde(rename = "employees_imported")]
    EmployeesImported,
    /// A unit's master data changed.
    #[serde(rename = "unit_updated")]
    UnitUpdated,
    /// A citizen submission was counted for the employee or unit.
    #[serde(rename = "feedback_received")]
    FeedbackReceived,
    /// A period's state or settings changed.
    #[serde(rename = "period_updated")]
    PeriodUpdated,
    /// A period was published.
    #[serde(rename = "period_published")]
    PeriodPublished,
    /// The employee's predikat of a period is published.
    #[serde(rename = "predikat_published")]
    PredikatPublished,
    /// A supervisor's rating changed.
    #[serde(rename = "evaluation_updated")]
    EvaluationUpdated,
    /// A unit's org result or finalisation changed.
    #[serde(rename = "distribution_updated")]
    DistributionUpdated,
    /// An SKP changed state or content.
    #[serde(rename = "skp_updated")]
    SkpUpdated,
    /// Realisasi or evidence changed.
    #[serde(rename = "realisasi_updated")]
    RealisasiUpdated,
    /// A continuous-feedback note was added.
    #[serde(rename = "feedback_note_added")]
    FeedbackNoteAdded,
    /// A coaching session was recorded.
    #[serde(rename = "coaching_recorded")]
    CoachingRecorded,
    /// The employee rated a coaching session.
    #[serde(rename = "coaching_rated")]
    CoachingRated,
    /// 360 forms were assigned.
    #[serde(rename = "ratings360_assigned")]
    Ratings360Assigned,
    /// The rater's own 360 response was submitted (their inbox; nobody else hears it).
    #[serde(rename = "rating_submitted")]
    RatingSubmitted,
    /// A period's 360 results were released as one snapshot (ADR 0013).
    #[serde(rename = "results360_released")]
    Results360Released,
    /// Peers were nominated (for the supervisor to decide).
    #[serde(rename = "peers360_nominated")]
    Peers360Nominated,
    /// A peer nomination was decided.
    #[serde(rename = "peers360_updated")]
    Peers360Updated,
    /// A 360 form was withdrawn (a rejected peer's form).
    #[serde(rename = "ratings360_withdrawn")]
    Ratings360Withdrawn,
    /// An appeal was filed.
    #[serde(rename = "appeal_filed")]
    AppealFiled,
    /// A statement was added to an appeal.
    #[serde(rename = "appeal_updated")]
    AppealUpdated,
    /// An appeal was decided.
    #[serde(rename = "appeal_decided")]
    AppealDecided,
    /// The account's password was reset by HR/admin: its sessions have ended.
    #[serde(rename = "account_reset")]
    AccountReset,
    /// A notification was written for the account (no content: refetch the list).
    #[serde(rename = "notification_created")]
    NotificationCreated,
}

impl EventKind {
    pub const ALL: &[EventKind] = &[
        EventKind::Ready,
        EventKind::Resync,
        EventKind::EmployeeUpdated,
        EventKind::EmployeesImported,
        EventKind::UnitUpdated,
        EventKind::FeedbackReceived,
        EventKind::PeriodUpdated,
        EventKind::PeriodPublished,
        EventKind::PredikatPublished,
        EventKind::EvaluationUpdated,
        EventKind::DistributionUpdated,
        EventKind::SkpUpdated,
        EventKind::RealisasiUpdated,
        EventKind::FeedbackNoteAdded,
        EventKind::CoachingRecorded,
        EventKind::CoachingRated,
        EventKind::Ratings360Assigned,
        EventKind::RatingSubmitted,
        EventKind::Results360Released,
        EventKind::Peers360Nominated,
        EventKind::Peers360Updated,
        EventKind::Ratings360Withdrawn,
        EventKind::AppealFiled,
        EventKind::AppealUpdated,
        EventKind::AppealDecided,
        EventKind::AccountReset,
        EventKind::NotificationCreated,
    ];

    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Ready => "ready",
            EventKind::Resync => "resync",
            EventKind::EmployeeUpdated => "employee_updated",
            EventKind::EmployeesImported => "employees_imported",
            EventKind::UnitUpdated => "unit_updated",
            EventKind::FeedbackReceived => "feedback_received",
            EventKind::PeriodUpdated => "period_updated",
            EventKind::PeriodPublished => "period_published",
            EventKind::PredikatPublished => "predikat_published",
            EventKind::EvaluationUpdated => "evaluation_updated",
            EventKind::DistributionUpdated => "distribution_updated",
            EventKind::SkpUpdated => "skp_updated",
            EventKind::RealisasiUpdated => "realisasi_updated",
            EventKind::FeedbackNoteAdded => "feedback_note_added",
            EventKind::CoachingRecorded => "coaching_recorded",
            EventKind::CoachingRated => "coaching_rated",
            EventKind::Ratings360Assigned => "ratings360_assigned",
            EventKind::RatingSubmitted => "rating_submitted",
            EventKind::Results360Released => "results360_released",
            EventKind::Peers360Nominated => "peers360_nominated",
            EventKind::Peers360Updated => "peers360_updated",
            EventKind::Ratings360Withdrawn => "ratings360_withdrawn",
            EventKind::AppealFiled => "appeal_filed",
            EventKind::AppealUpdated => "appeal_updated",
            EventKind::AppealDecided => "appeal_decided",
            EventKind::AccountReset => "account_reset",
            EventKind::NotificationCreated => "notification_created",
        }
    }
}

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
    pub kind: EventKind,
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
    pub fn publish(&self, kind: EventKind, ids: Vec<String>, audience: Audience) {
        let _ = self.tx.send(Event {
            kind,
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
        format!("event: {}\ndata: {}\n\n", self.kind.as_str(), data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_reach_only_their_audience() {
        let me = Uuid::now_v7();
        let e = Event {
            kind: EventKind::EmployeeUpdated,
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

#[cfg(test)]
mod kind_tests {
    use super::EventKind;

    #[test]
    fn every_event_kind_serialises_to_its_wire_string() {
        for kind in EventKind::ALL {
            let json = serde_json::to_value(kind).expect("serialise");
            assert_eq!(json, serde_json::Value::String(kind.as_str().to_string()));
        }
    }
}
