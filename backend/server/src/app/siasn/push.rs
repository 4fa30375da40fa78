//! `POST /periods/{id}/siasn/push`: sends each ready result's SIASN bodies and records each
//! outcome; `GET` lists the outcomes (ADR 0020).
//!
//! Invariants: only published results without an open appeal are sent; an employee without
//! `pns_id` is reported, not sent; a body SIASN already has (same hash, sent or refused) is
//! not sent again, so pushing twice sends nothing new, and a result changed by an appeal is
//! sent again with SIASN's record id (an update, not a second record); a failure is retried
//! by a later push once `domain::backoff` says it is due, and given up after the last
//! attempt. One push runs at a time in this process. The push is audited.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::auth::Principal;
use crate::domain::backoff;
use crate::domain::evaluation::ResultStatus;
use crate::domain::siasn::{Answer, DeliveryStatus, SiasnKind};
use crate::dto::evaluations::display_name;
use crate::dto::exports::SiasnGap;
use crate::dto::siasn::{SiasnDeliveryList, SiasnDeliveryOut, SiasnPushSummary, SiasnSkipped};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::siasn_client::SiasnClient;
use crate::state::AppState;
use crate::store;
use crate::store::siasn::Attempt;

/// One push at a time: two concurrent pushes would send the same bodies twice.
static PUSH_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn disabled() -> ApiError {
    ApiError::conflict(
        ErrorCode::SiasnDisabled,
        "Pengiriman ke SIASN belum dikonfigurasi (KINERJA_SIASN_BASE_URL belum diisi)",
    )
}

fn skipped(row: &store::results::ResultRow, reason: &str) -> SiasnSkipped {
    SiasnSkipped {
        nip: row.employee.nip.clone(),
        name: display_name(&row.employee),
        reason: reason.into(),
    }
}

/// SHA-256 (hex) of a body's JSON.
fn hash(body: &serde_json::Value) -> String {
    hex::encode(Sha256::digest(body.to_string().as_bytes()))
}

/// Sends the period's ready results to SIASN; the caller has checked
/// `policy::cycle::can_push_siasn`.
pub async fn push(state: &AppState, p: &Principal, period_id: Uuid) -> ApiResult<SiasnPushSummary> {
    let client = SiasnClient::from_settings(&state.settings).ok_or_else(disabled)?;
    let _one_at_a_time = PUSH_LOCK.lock().await;
    let (period, rows) = crate::app::evaluations::period_results(state, period_id, None).await?;
    let mut existing: HashMap<(Uuid, String), entity::siasn_delivery::Model> =
        store::siasn::list(&state.db.write, period.id)
            .await?
            .into_iter()
            .map(|d| ((d.employee_id, d.kind.clone()), d))
            .collect();
    let mut summary = SiasnPushSummary {
        period_id: period.id,
        ..SiasnPushSummary::default()
    };
    for row in &rows {
        if super::super::evaluations::row_status(&period.state, row) != ResultStatus::Published {
            summary.skipped.push(skipped(row, "not_ready"));
            continue;
        }
        let Some(bodies) = super::bodies(&period, row) else {
            continue;
        };
        for gap in &bodies.gaps {
            summary.skipped.push(skipped(
                row,
                match gap {
                    SiasnGap::MissingPnsId => "missing_pns_id",
                    SiasnGap::NotFunctional => "not_functional",
                },
            ));
        }
        let mut out = Vec::new();
        if let Some(b) = &bodies.skp22 {
            out.push((
                SiasnKind::Skp22,
                serde_json::to_value(b).map_err(anyhow::Error::from)?,
            ));
        }
        if let Some(b) = &bodies.kinerjaperiodik {
            out.push((
                SiasnKind::KinerjaPeriodik,
                serde_json::to_value(b).map_err(anyhow::Error::from)?,
            ));
        }
        for (kind, body) in out {
            let prior = existing.remove(&(row.employee.id, kind.as_str().to_string()));
            deliver(state, &client, &mut summary, row, kind, body, prior).await?;
        }
    }
    let txn = sea_orm::TransactionTrait::begin(&state.db.write).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "siasn.push",
        "period",
        &period.id.to_string(),
        serde_json::json!({
            "sent": summary.sent, "rejected": summary.rejected,
            "to_retry": summary.to_retry, "failed": summary.failed,
            "unchanged": summary.unchanged, "waiting": summary.waiting,
            "skipped": summary.skipped.len(),
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(summary)
}

/// Sends one body unless SIASN already has it or its retry is not due, and records the
/// outcome.
async fn deliver(
    state: &AppState,
    client: &SiasnClient,
    summary: &mut SiasnPushSummary,
    row: &store::results::ResultRow,
    kind: SiasnKind,
    mut body: serde_json::Value,
    prior: Option<entity::siasn_delivery::Model>,
) -> ApiResult<()> {
    let body_hash = hash(&body);
    let now = chrono::Utc::now();
    let same = prior.as_ref().filter(|d| d.body_hash == body_hash);
    let prior_status = same.and_then(|d| DeliveryStatus::parse(&d.status));
    match prior_status {
        Some(DeliveryStatus::Sent | DeliveryStatus::Rejected) => {
            summary.unchanged += 1;
            return Ok(());
        }
        Some(DeliveryStatus::ToRetry)
            if same
                .and_then(|d| d.next_attempt_at)
                .is_some_and(|due| due > now) =>
        {
            summary.waiting += 1;
            return Ok(());
        }
        _ => {}
    }
    // Attempts count per body: a retry continues the count, a new body or a given-up one
    // starts again.
    let attempts_before = match prior_status {
        Some(DeliveryStatus::ToRetry) => same.map_or(0, |d| d.attempts),
        _ => 0,
    };
    let siasn_id = prior.as_ref().and_then(|d| d.siasn_id.clone());
    if let (Some(id), Some(obj)) = (&siasn_id, body.as_object_mut()) {
        obj.insert("id".into(), serde_json::Value::String(id.clone()));
    }
    let answer = client.save(kind, &body).await;
    let attempts = attempts_before + 1;
    let (status, new_id, response, next) = match answer {
        Answer::Saved(id) => {
            summary.sent += 1;
            (DeliveryStatus::Sent, id.or(siasn_id), None, None)
        }
        Answer::Refused(msg) => {
            summary.rejected += 1;
            (DeliveryStatus::Rejected, siasn_id, Some(msg), None)
        }
        Answer::Transient(msg) => match backoff::next_attempt_at(attempts.max(0) as u32, now) {
            Some(due) => {
                summary.to_retry += 1;
                (DeliveryStatus::ToRetry, siasn_id, Some(msg), Some(due))
            }
            None => {
                summary.failed += 1;
                (DeliveryStatus::Failed, siasn_id, Some(msg), None)
            }
        },
    };
    store::siasn::record(
        &state.db.write,
        prior,
        Attempt {
            period_id: row.evaluation.period_id,
            employee_id: row.employee.id,
            kind: kind.as_str().into(),
            body_hash,
            body: body.to_string(),
            status: status.as_str().into(),
            attempts,
            siasn_id: new_id,
            response,
            next_attempt_at: next,
            at: now,
        },
    )
    .await?;
    Ok(())
}

/// The period's deliveries, by NIP then kind; the caller has checked
/// `policy::cycle::can_read_siasn`.
pub async fn list(state: &AppState, period_id: Uuid) -> ApiResult<SiasnDeliveryList> {
    let db = &state.db.read;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(crate::app::evaluations::period_not_found)?;
    let deliveries = store::siasn::list(db, period.id).await?;
    let ids: Vec<Uuid> = deliveries.iter().map(|d| d.employee_id).collect();
    let employees = store::employees::find_by_ids(db, ids).await?;
    let mut items: Vec<SiasnDeliveryOut> = deliveries
        .into_iter()
        .filter_map(|d| {
            let e = employees.get(&d.employee_id)?;
            Some(SiasnDeliveryOut {
                nip: e.nip.clone(),
                name: display_name(e),
                kind: SiasnKind::parse(&d.kind)?,
                status: DeliveryStatus::parse(&d.status)?,
                attempts: d.attempts,
                siasn_id: d.siasn_id,
                message: d.response,
                next_attempt_at: d.next_attempt_at,
                last_attempt_at: d.last_attempt_at,
            })
        })
        .collect();
    items.sort_by(|a, b| (&a.nip, a.kind.as_str()).cmp(&(&b.nip, b.kind.as_str())));
    Ok(SiasnDeliveryList {
        period_id: period.id,
        enabled: state.settings.siasn_base_url.is_some(),
        items,
    })
}
