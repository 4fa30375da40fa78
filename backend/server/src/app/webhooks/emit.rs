//! Queues webhook deliveries inside the caller's transaction, so an event is delivered
//! exactly when its change is committed and survives a restart (ADR 0021).
//!
//! Payloads carry ids, NIPs, ratings and predikat: what the HR system is entitled to. They
//! never carry a 360 rater, a citizen, an appeal's statements or any free text.

use chrono::{DateTime, SecondsFormat, Utc};
use entity::{evaluation, period};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::domain::outbox::DeliveryStatus;
use crate::domain::webhook::WebhookEvent;
use crate::error::ApiResult;
use crate::store;

/// One event to queue: its kind and its `data`.
pub struct Event {
    pub kind: WebhookEvent,
    pub data: Value,
}

/// Queues one delivery per active webhook subscribed to each event's kind; returns how many.
pub async fn queue<C: ConnectionTrait>(
    conn: &C,
    events: Vec<Event>,
    now: DateTime<Utc>,
) -> ApiResult<usize> {
    if events.is_empty() {
        return Ok(0);
    }
    let hooks = store::webhooks::list_active(conn).await?;
    let mut queued = 0;
    for hook in &hooks {
        let wanted = WebhookEvent::parse_list(&hook.events);
        for e in events.iter().filter(|e| wanted.contains(&e.kind)) {
            let id = Uuid::now_v7();
            let body = json!({
                "id": id,
                "kind": e.kind.as_str(),
                "occurred_at": now.to_rfc3339_opts(SecondsFormat::Millis, true),
                "data": e.data,
            });
            store::webhooks::insert_delivery(
                conn,
                entity::webhook_delivery::Model {
                    id,
                    webhook_id: hook.id,
                    kind: e.kind.as_str().into(),
                    body: body.to_string(),
                    status: DeliveryStatus::Pending.as_str().into(),
                    failures: 0,
                    attempts: 0,
                    next_attempt_at: Some(now),
                    claimed_at: None,
                    last_status_code: None,
                    last_error: None,
                    created_at: now,
                    delivered_at: None,
                },
            )
            .await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// `period.published` for the period and `result.ready` for each evaluated employee.
pub async fn period_published<C: ConnectionTrait>(
    conn: &C,
    p: &period::Model,
    evaluations: &[evaluation::Model],
) -> ApiResult<usize> {
    let now = p.published_at.unwrap_or_else(Utc::now);
    let people =
        store::results::list_employees_by_ids(conn, evaluations.iter().map(|e| e.employee_id))
            .await?;
    let mut events = vec![Event {
        kind: WebhookEvent::PeriodPublished,
        data: json!({
            "period_id": p.id,
            "year": p.year,
            "kind": p.kind,
            "number": p.number,
            "name": p.name,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "published_at": now.to_rfc3339_opts(SecondsFormat::Millis, true),
            "results": evaluations.len(),
        }),
    }];
    for ev in evaluations {
        events.push(Event {
            kind: WebhookEvent::ResultReady,
            data: json!({
                "period_id": p.id,
                "period_name": p.name,
                "year": p.year,
                "employee_id": ev.employee_id,
                "nip": people.get(&ev.employee_id).map(|e| e.nip.clone()),
                "golongan": ev.golongan,
                "jabatan": ev.jabatan,
                "unit_id": ev.unit_id,
                "rating_hasil_kerja": ev.rating_hasil_kerja,
                "rating_perilaku": ev.rating_perilaku,
                "predikat": ev.predikat,
            }),
        });
    }
    queue(conn, events, now).await
}

/// `predikat.changed` when an appeal decision changed an evaluation from `before` to `after`.
pub async fn predikat_changed<C: ConnectionTrait>(
    conn: &C,
    appeal_id: Uuid,
    before: &evaluation::Model,
    after: (&str, &str, &str),
    now: DateTime<Utc>,
) -> ApiResult<usize> {
    let nip = store::results::list_employees_by_ids(conn, [before.employee_id])
        .await?
        .remove(&before.employee_id)
        .map(|e| e.nip);
    let event = Event {
        kind: WebhookEvent::PredikatChanged,
        data: json!({
            "period_id": before.period_id,
            "employee_id": before.employee_id,
            "nip": nip,
            "appeal_id": appeal_id,
            "previous": {
                "rating_hasil_kerja": before.rating_hasil_kerja,
                "rating_perilaku": before.rating_perilaku,
                "predikat": before.predikat,
            },
            "current": {
                "rating_hasil_kerja": after.0,
                "rating_perilaku": after.1,
                "predikat": after.2,
            },
        }),
    };
    queue(conn, vec![event], now).await
}
