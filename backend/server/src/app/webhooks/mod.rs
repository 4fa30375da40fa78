//! Use cases of `webhooks` (see `api::webhooks` for the HTTP side, ADR 0021): the HR
//! system's subscriptions (secret shown once), their delivery log and manual redelivery.
//! `emit` queues deliveries inside the transaction of the change that causes the event;
//! `worker` sends them.

pub mod emit;
pub mod worker;

use chrono::Utc;
use entity::webhook;
use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::auth::{Principal, policy, secret};
use crate::config::Environment;
use crate::domain::webhook::{WebhookEvent, check_url, event_kinds};
use crate::dto::webhooks::{
    WebhookAttemptOut, WebhookCreated, WebhookDeliveryOut, WebhookInput, WebhookOut,
};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// Deliveries shown per webhook (the newest).
pub const DELIVERIES_SHOWN: u64 = 100;

fn not_found() -> ApiError {
    ApiError::NotFound("Webhook tidak ditemukan".into())
}

/// The URL, kinds and description of a body, checked (422 naming the field).
fn checked(state: &AppState, body: &WebhookInput) -> ApiResult<(String, String, String)> {
    let production = state.settings.env == Environment::Production;
    let url = check_url(&body.url, production).map_err(|m| ApiError::field("url", m))?;
    let kinds = event_kinds(&body.events).map_err(|k| {
        ApiError::field(
            "events",
            format!(
                "Jenis peristiwa '{k}' tidak dikenal; pilih dari: {}",
                WebhookEvent::list()
            ),
        )
    })?;
    let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let description = body.description.as_deref().unwrap_or("").trim().to_string();
    Ok((url, kinds.join(","), description))
}

/// The webhook if `p` may see it, else 404 (an invisible webhook does not exist).
async fn visible<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<webhook::Model> {
    let w = store::webhooks::find_webhook(conn, id)
        .await?
        .ok_or_else(not_found)?;
    if !policy::master::can_see_webhook(p, &w.created_by) {
        return Err(not_found());
    }
    Ok(w)
}

/// Registers a webhook; its signing secret is in the answer and nowhere else.
pub async fn create(
    state: &AppState,
    p: &Principal,
    body: &WebhookInput,
) -> ApiResult<WebhookCreated> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    let (url, events, description) = checked(state, body)?;
    let now = Utc::now();
    let secret = format!("whsec_{}", secret::random_token());
    let txn = state.db.write.begin().await?;
    let m = store::webhooks::insert_webhook(
        &txn,
        webhook::Model {
            id: Uuid::now_v7(),
            url,
            events,
            description,
            secret: secret.clone(),
            active: body.active.unwrap_or(true),
            created_by: p.actor(),
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "webhook.create",
        "webhook",
        &m.id.to_string(),
        json!({ "url": m.url, "events": m.events, "description": m.description }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(webhook = %m.id, actor = %p.actor(), "webhook registered");
    Ok(WebhookCreated {
        info: m.into(),
        secret,
    })
}

/// The webhooks `p` sees (the admin all, a key its own), oldest first.
pub async fn list(state: &AppState, p: &Principal) -> ApiResult<Vec<WebhookOut>> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    let all = store::webhooks::list_webhooks(&state.db.read, None).await?;
    Ok(all
        .into_iter()
        .filter(|w| policy::master::can_see_webhook(p, &w.created_by))
        .map(WebhookOut::from)
        .collect())
}

pub async fn read(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<WebhookOut> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    Ok(visible(&state.db.read, p, id).await?.into())
}

/// Replaces URL, kinds and description, and the active flag when given; the same body twice
/// changes nothing.
pub async fn update(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    body: &WebhookInput,
) -> ApiResult<WebhookOut> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    let (url, events, description) = checked(state, body)?;
    let txn = state.db.write.begin().await?;
    let w = visible(&txn, p, id).await?;
    let active = body.active.unwrap_or(w.active);
    if (&w.url, &w.events, &w.description, w.active) == (&url, &events, &description, active) {
        return Ok(w.into());
    }
    let m = store::webhooks::update_webhook(
        &txn,
        webhook::Model {
            url,
            events,
            description,
            active,
            updated_at: Utc::now(),
            ..w
        },
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "webhook.update",
        "webhook",
        &id.to_string(),
        json!({ "url": m.url, "events": m.events, "description": m.description, "active": m.active }),
    )
    .await?;
    txn.commit().await?;
    Ok(m.into())
}

/// Removes a webhook with its deliveries and their log.
pub async fn delete(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<()> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    let txn = state.db.write.begin().await?;
    let w = visible(&txn, p, id).await?;
    store::webhooks::delete_webhook(&txn, id).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "webhook.delete",
        "webhook",
        &id.to_string(),
        json!({ "url": w.url }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Attaches each delivery's attempts (one query).
async fn with_log<C: sea_orm::ConnectionTrait>(
    conn: &C,
    deliveries: Vec<entity::webhook_delivery::Model>,
) -> ApiResult<Vec<WebhookDeliveryOut>> {
    let ids: Vec<Uuid> = deliveries.iter().map(|d| d.id).collect();
    let mut attempts = store::webhooks::list_attempts(conn, &ids).await?;
    Ok(deliveries
        .into_iter()
        .map(|d| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                attempts.drain(..).partition(|a| a.delivery_id == d.id);
            attempts = rest;
            WebhookDeliveryOut::new(d, mine.into_iter().map(WebhookAttemptOut::from).collect())
        })
        .collect())
}

/// The webhook's newest deliveries with their attempts.
pub async fn deliveries(
    state: &AppState,
    p: &Principal,
    id: Uuid,
) -> ApiResult<Vec<WebhookDeliveryOut>> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    let conn = &state.db.read;
    visible(conn, p, id).await?;
    let list = store::webhooks::list_deliveries(conn, id, DELIVERIES_SHOWN).await?;
    with_log(conn, list).await
}

/// Queues a delivery again now, with a fresh retry schedule (same id and body, so the
/// receiver can recognise a repeat). An attempt under way is left to finish.
pub async fn redeliver(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    delivery_id: Uuid,
) -> ApiResult<WebhookDeliveryOut> {
    policy::require(policy::master::can_manage_webhooks(p))?;
    let txn = state.db.write.begin().await?;
    visible(&txn, p, id).await?;
    let d = store::webhooks::find_delivery(&txn, delivery_id)
        .await?
        .filter(|d| d.webhook_id == id)
        .ok_or_else(|| ApiError::NotFound("Pengiriman tidak ditemukan".into()))?;
    if store::webhooks::requeue(&txn, d.id, Utc::now()).await? {
        store::audit::append(
            &txn,
            &p.actor(),
            "webhook.redeliver",
            "webhook_delivery",
            &d.id.to_string(),
            json!({ "webhook": id, "kind": d.kind }),
        )
        .await?;
    }
    let d = store::webhooks::find_delivery(&txn, delivery_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Pengiriman tidak ditemukan".into()))?;
    let out = with_log(&txn, vec![d]).await?;
    txn.commit().await?;
    out.into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("delivery vanished").into())
}
