//! The plan's workflow: the employee submits; the direct supervisor approves or returns
//! it with a reason and sets the expectations per BerAKHLAK value.

use chrono::Utc;
use sea_orm::TransactionTrait;
use serde_json::json;
use std::collections::BTreeMap;

use super::{check_year, employee_by_nip, plan_of, publish, validation, view};
use crate::app::notifications::{Notice, announce, notify_employees};
use crate::auth::{Principal, policy};
use crate::domain::notification::Kind;
use crate::domain::skp::{self as rules, SkpAction, SkpStatus};
use crate::dto::skp::{SkpOut, status_of};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

fn transition(s: &entity::skp::Model, action: SkpAction) -> ApiResult<SkpStatus> {
    status_of(s)
        .apply(action)
        .map_err(|m| ApiError::conflict(ErrorCode::InvalidTransition, m))
}

/// The employee submits their plan to the direct supervisor (draft or returned only; at
/// least one RHK utama).
pub async fn submit(state: &AppState, p: &Principal, nip: &str, year: i32) -> ApiResult<SkpOut> {
    check_year(year, "year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::owns_plan(p, employee.id))?;
    let s = plan_of(&txn, employee.id, year).await?;
    let next = transition(&s, SkpAction::Submit)?;
    let rhks = store::skp::list_rhks(&txn, s.id).await?;
    if !rules::can_submit(rhks.iter().map(|r| r.kind.as_str())) {
        return Err(ApiError::unprocessable(
            ErrorCode::NoRhkUtama,
            "SKP memerlukan sedikitnya satu RHK utama sebelum diajukan",
        ));
    }
    let Some(supervisor_id) = employee.supervisor_id else {
        return Err(ApiError::unprocessable(
            ErrorCode::NoSupervisor,
            "Pegawai belum memiliki atasan langsung yang dapat menyetujui SKP",
        ));
    };
    let now = Utc::now();
    let s = store::skp::update_skp_submitted(&txn, s, next, supervisor_id, now).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "skp.submit",
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year }),
    )
    .await?;
    let out = view(&txn, p, s, &employee).await?;
    txn.commit().await?;
    publish(state, &employee.nip, year, supervisor_id);
    Ok(out)
}

/// The direct supervisor approves (`SkpAction::Approve`) or returns (`SkpAction::Return`,
/// with a reason of 5–2000 characters) a submitted plan.
pub async fn decide(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: i32,
    action: SkpAction,
    reason: Option<String>,
) -> ApiResult<SkpOut> {
    check_year(year, "year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::decides_plan(p, &employee))?;
    let reason = match (action, reason) {
        (SkpAction::Return, r) => Some(
            rules::return_reason(r.as_deref().unwrap_or(""))
                .map_err(|m| ApiError::field("reason", m))?,
        ),
        _ => None,
    };
    let s = plan_of(&txn, employee.id, year).await?;
    let next = transition(&s, action)?;
    let now = Utc::now();
    let s =
        store::skp::update_skp_decided(&txn, s, next, reason.clone(), p.employee_id, now).await?;
    let (verb, detail) = match action {
        SkpAction::Return => (
            "skp.return",
            json!({ "nip": employee.nip, "year": year, "reason": reason }),
        ),
        _ => ("skp.approve", json!({ "nip": employee.nip, "year": year })),
    };
    store::audit::append(&txn, &p.actor(), verb, "skp", &s.id.to_string(), detail).await?;
    let notice = match action {
        SkpAction::Return => Notice::new(
            Kind::SkpReturned,
            format!("SKP {year} dikembalikan"),
            format!(
                "SKP tahun {year} Anda dikembalikan oleh atasan langsung untuk diperbaiki. \
                 Alasan: {}",
                reason.as_deref().unwrap_or("-")
            ),
            "/kinerja/skp",
        ),
        _ => Notice::new(
            Kind::SkpApproved,
            format!("SKP {year} disetujui"),
            format!("SKP tahun {year} Anda telah disetujui oleh atasan langsung."),
            "/kinerja/skp",
        ),
    };
    let notified = notify_employees(&txn, &state.settings, &[employee.id], &notice).await?;
    let out = view(&txn, p, s, &employee).await?;
    txn.commit().await?;
    publish(state, &employee.nip, year, employee.id);
    announce(state, &notified);
    Ok(out)
}

/// The direct supervisor sets or clears expectations per BerAKHLAK value (in every state;
/// values left out are kept).
pub async fn set_expectations(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: i32,
    expectations: &BTreeMap<String, Option<String>>,
) -> ApiResult<SkpOut> {
    check_year(year, "year")?;
    let changes = rules::validate_expectations(
        expectations
            .iter()
            .map(|(code, text)| (code.as_str(), text.as_deref())),
    )
    .map_err(validation)?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::decides_plan(p, &employee))?;
    let s = plan_of(&txn, employee.id, year).await?;
    let now = Utc::now();
    for (v, text) in &changes {
        store::skp::update_expectation(&txn, s.id, v.as_str(), text.as_deref(), now).await?;
    }
    let s = store::skp::update_skp_touched(&txn, s, now).await?;
    let detail: serde_json::Map<String, serde_json::Value> = changes
        .iter()
        .map(|(v, t)| (v.as_str().to_string(), json!(t)))
        .collect();
    store::audit::append(
        &txn,
        &p.actor(),
        "skp.expectations",
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year, "expectations": detail }),
    )
    .await?;
    let out = view(&txn, p, s, &employee).await?;
    txn.commit().await?;
    publish(state, &employee.nip, year, employee.id);
    Ok(out)
}
