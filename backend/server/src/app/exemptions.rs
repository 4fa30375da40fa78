//! Use cases of `exemptions` (see `api::exemptions` for the HTTP side): HR records that an
//! employee is not evaluated in a period (cuti, tugas belajar, dipekerjakan, other), lists
//! and removes such records; and the completeness rule's blockers (ADR 0018), which the
//! unit's finalisation, the period's publication and HR's overview share.

use chrono::Utc;
use entity::{exemption, period, unit};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

use crate::auth::Principal;
use crate::domain::evaluation::{
    EvaluationStatus, ExemptionReason, clean_exemption_note, exemption_conflicts,
};
use crate::domain::period::{Member, PeriodState};
use crate::dto::exemptions::{ExemptionInput, ExemptionList, ExemptionOut};
use crate::error::{ApiError, ApiResult, Blocker, ErrorCode};
use crate::events::{Audience, EventKind};
use crate::state::AppState;
use crate::store;

/// The active employees of a unit (or of the whole period) who have neither a final
/// evaluation nor an exemption, by unit code then NIP.
pub async fn blockers<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Option<Uuid>,
) -> ApiResult<Vec<Blocker>> {
    Ok(blockers_with_units(conn, period_id, unit_id).await?.0)
}

/// [`blockers`] and the units they belong to, by id.
pub async fn blockers_with_units<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Option<Uuid>,
) -> ApiResult<(Vec<Blocker>, HashMap<Uuid, unit::Model>)> {
    let members = store::exemptions::list_members(conn, period_id, unit_id).await?;
    let blocking: Vec<_> = members
        .into_iter()
        .filter(|m| {
            Member {
                active: m.employee.active,
                has_rater: m.employee.supervisor_id.is_some(),
                final_evaluation: m
                    .evaluation_status
                    .as_deref()
                    .is_some_and(EvaluationStatus::is_final),
                exempt: m.exempt,
            }
            .blocks()
        })
        .collect();
    let units =
        store::results::list_units_by_ids(conn, blocking.iter().map(|m| m.employee.unit_id))
            .await?;
    let mut out: Vec<Blocker> = blocking
        .into_iter()
        .map(|m| {
            let unit = units.get(&m.employee.unit_id);
            Blocker {
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                nip: m.employee.nip,
                name: m.employee.name,
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.unit_code, &a.nip).cmp(&(&b.unit_code, &b.nip)));
    Ok((out, units))
}

/// `NIP Name` labels of blockers, for the 409 messages.
pub fn labels(blockers: &[Blocker], with_unit: bool) -> Vec<String> {
    blockers
        .iter()
        .map(|b| {
            if with_unit {
                format!("{} {} ({})", b.nip, b.name, b.unit_code)
            } else {
                format!("{} {}", b.nip, b.name)
            }
        })
        .collect()
}

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

fn exemption_not_found() -> ApiError {
    ApiError::NotFound("Pengecualian tidak ditemukan".into())
}

async fn open_period<C: ConnectionTrait>(conn: &C, id: Uuid) -> ApiResult<period::Model> {
    let period = store::periods::find(conn, id)
        .await?
        .ok_or_else(period_not_found)?;
    if PeriodState::parse(&period.state) == Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            ErrorCode::PeriodPublished,
            "Periode sudah dipublikasikan; pengecualian tidak dapat diubah",
        ));
    }
    Ok(period)
}

async fn refuse_finalised<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_ids: &[Uuid],
) -> ApiResult<()> {
    for unit_id in unit_ids {
        let finalised = store::results::find_org_result(conn, period_id, *unit_id)
            .await?
            .is_some_and(|o| o.finalised_at.is_some());
        if finalised {
            return Err(ApiError::conflict(
                ErrorCode::UnitFinalised,
                "Hasil unit kerja ini sudah difinalisasi; pengecualian tidak dapat diubah",
            ));
        }
    }
    Ok(())
}

async fn out_of<C: ConnectionTrait>(
    conn: &C,
    list: Vec<exemption::Model>,
) -> ApiResult<Vec<ExemptionOut>> {
    let people =
        store::results::list_employees_by_ids(conn, list.iter().map(|x| x.employee_id)).await?;
    let units = store::results::list_units_by_ids(conn, list.iter().map(|x| x.unit_id)).await?;
    Ok(list
        .into_iter()
        .filter_map(|x| {
            let e = people.get(&x.employee_id)?;
            let u = units.get(&x.unit_id)?;
            Some(ExemptionOut {
                nip: e.nip.clone(),
                name: e.name.clone(),
                unit_code: u.code.clone(),
                unit_name: u.name.clone(),
                reason: ExemptionReason::parse(&x.reason).unwrap_or(ExemptionReason::Lainnya),
                note: x.note,
                created_by: x.created_by,
                created_at: x.created_at,
            })
        })
        .collect())
}

/// The period's exemptions (404 for an unknown period).
pub async fn list(state: &AppState, period_id: Uuid) -> ApiResult<ExemptionList> {
    let db = &state.db.read;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let items = out_of(db, store::exemptions::list_exemptions(db, period.id).await?).await?;
    Ok(ExemptionList {
        period_id: period.id,
        items,
    })
}

/// Records an exemption: not once the period is published or the employee's unit is
/// finalised, not for an employee with an evaluation in the period, once per employee.
pub async fn create(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    body: &ExemptionInput,
) -> ApiResult<ExemptionOut> {
    let note = clean_exemption_note(&body.note).map_err(|m| ApiError::field("note", m))?;
    let nip = body.nip.trim();
    let txn = state.db.write.begin().await?;
    let period = open_period(&txn, period_id).await?;
    let employee = store::employees::find_by_nip(&txn, nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    refuse_finalised(&txn, period.id, &[employee.unit_id]).await?;
    let exists = || {
        ApiError::conflict(
            ErrorCode::ExemptionExists,
            format!("{} sudah dikecualikan pada periode ini", employee.name),
        )
    };
    if store::exemptions::find_exemption(&txn, period.id, employee.id)
        .await?
        .is_some()
    {
        return Err(exists());
    }
    let evaluated = store::exemptions::find_evaluation_of(&txn, period.id, employee.id)
        .await?
        .is_some();
    if exemption_conflicts(evaluated, true) {
        return Err(ApiError::conflict(
            ErrorCode::EmployeeEvaluated,
            format!(
                "{} sudah memiliki penilaian pada periode ini dan tidak dapat dikecualikan",
                employee.name
            ),
        ));
    }
    let m = store::exemptions::insert_exemption(
        &txn,
        exemption::Model {
            id: Uuid::now_v7(),
            period_id: period.id,
            employee_id: employee.id,
            unit_id: employee.unit_id,
            reason: body.reason.as_str().into(),
            note,
            created_by: p.actor(),
            created_at: Utc::now(),
        },
    )
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_exemptions_period_employee") {
            exists()
        } else {
            ApiError::from(e)
        }
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "exemption.create",
        "exemption",
        &m.id.to_string(),
        json!({
            "period": period.id, "employee": employee.nip,
            "reason": m.reason, "note": m.note
        }),
    )
    .await?;
    let out = out_of(&txn, vec![m]).await?;
    txn.commit().await?;
    let out = out
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("exemption vanished"))?;
    publish(state, period.id, &out.unit_code);
    Ok(out)
}

/// Removes the exemption of the employee `nip`: not once the period is published or the
/// unit (when recorded, or now) is finalised.
pub async fn delete(state: &AppState, p: &Principal, period_id: Uuid, nip: &str) -> ApiResult<()> {
    let txn = state.db.write.begin().await?;
    let period = open_period(&txn, period_id).await?;
    let employee = store::employees::find_by_nip(&txn, nip)
        .await?
        .ok_or_else(exemption_not_found)?;
    let m = store::exemptions::find_exemption(&txn, period.id, employee.id)
        .await?
        .ok_or_else(exemption_not_found)?;
    refuse_finalised(&txn, period.id, &[m.unit_id, employee.unit_id]).await?;
    let units: HashMap<Uuid, unit::Model> =
        store::results::list_units_by_ids(&txn, [m.unit_id]).await?;
    let unit_code = units.get(&m.unit_id).map(|u| u.code.clone());
    let id = m.id;
    store::exemptions::delete_exemption(&txn, m).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "exemption.delete",
        "exemption",
        &id.to_string(),
        json!({ "period": period.id, "employee": employee.nip }),
    )
    .await?;
    txn.commit().await?;
    if let Some(code) = unit_code {
        publish(state, period.id, &code);
    }
    Ok(())
}

/// The unit's completeness changed: HR's overview refreshes.
fn publish(state: &AppState, period_id: Uuid, unit_code: &str) {
    state.events.publish(
        EventKind::DistributionUpdated,
        vec![period_id.to_string(), unit_code.to_string()],
        Audience::Staff,
    );
}
