//! Use cases of `org_results` (see `api::org_results` for the HTTP side): the unit's
//! organisational result, its distribution of predikat checked against it
//! (`domain::distribution`), and its finalisation.

use chrono::Utc;
use entity::{org_result, period, unit};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::distribution::{
    CurveCheck, OrgResult, SMALL_UNIT, check, clean_override_reason, percentage, small_unit_warning,
};
use crate::domain::evaluation::EvaluationStatus;
use crate::domain::period::{PeriodState, unit_incomplete};
use crate::domain::predikat::Predikat;
use crate::dto::org_results::{
    Distribution, FinaliseInput, PredikatCounts, PredikatPercentages, UnitDistributionList,
    UnitDistributionSummary,
};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, Blocker};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// Builds the distribution view from the unit's evaluations' predikats.
fn view(
    period_id: Uuid,
    unit: &unit::Model,
    org: Option<&org_result::Model>,
    predikats: &[Predikat],
    not_final: usize,
) -> Distribution {
    let n = predikats.len();
    let count = |p: Predikat| predikats.iter().filter(|x| **x == p).count();
    let counts = PredikatCounts {
        sangat_baik: count(Predikat::SangatBaik),
        baik: count(Predikat::Baik),
        butuh_perbaikan: count(Predikat::ButuhPerbaikan),
        kurang: count(Predikat::Kurang),
        sangat_kurang: count(Predikat::SangatKurang),
    };
    let percentages = PredikatPercentages {
        sangat_baik: percentage(counts.sangat_baik, n),
        baik: percentage(counts.baik, n),
        butuh_perbaikan: percentage(counts.butuh_perbaikan, n),
        kurang: percentage(counts.kurang, n),
        sangat_kurang: percentage(counts.sangat_kurang, n),
    };
    let result = org.and_then(|o| OrgResult::parse(&o.result));
    let curve: Option<CurveCheck> = result.map(|r| check(r, predikats));
    Distribution {
        period_id,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        org_result: result,
        org_result_label: result.map(|r| r.label().to_string()),
        employees: n,
        counts,
        percentages,
        conforms: curve.as_ref().map(|c| c.conforms),
        needs_override: curve.as_ref().is_some_and(CurveCheck::needs_override),
        warning: curve.as_ref().and_then(|c| small_unit_warning(n, c)),
        rules: curve.map(|c| c.rules).unwrap_or_default(),
        small_unit: n < SMALL_UNIT,
        evaluations_not_final: not_final,
        finalised: org.is_some_and(|o| o.finalised_at.is_some()),
        finalised_at: org.and_then(|o| o.finalised_at),
        finalised_by: org.and_then(|o| o.finalised_by.clone()),
        override_reason: org.and_then(|o| o.override_reason.clone()),
    }
}

/// The predikats and the number of draft evaluations of a unit in a period.
async fn unit_state<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Uuid,
) -> ApiResult<(Vec<Predikat>, usize)> {
    let evals = store::results::list_evaluations(conn, period_id, Some(unit_id)).await?;
    let not_final = evals
        .iter()
        .filter(|e| !EvaluationStatus::is_final(&e.status))
        .count();
    let predikats = evals
        .iter()
        .filter_map(|e| Predikat::parse(&e.predikat))
        .collect();
    Ok((predikats, not_final))
}

async fn load_period_unit<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    code: &str,
) -> ApiResult<(period::Model, unit::Model)> {
    let period = store::periods::find(conn, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let unit = store::units::find_by_code(conn, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    Ok((period, unit))
}

fn refuse_published(period: &period::Model) -> ApiResult<()> {
    if PeriodState::parse(&period.state) == Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            ErrorCode::PeriodPublished,
            "Periode sudah dipublikasikan; hasil unit tidak dapat diubah",
        ));
    }
    Ok(())
}

fn refuse_finalised(org: Option<&org_result::Model>) -> ApiResult<()> {
    if org.is_some_and(|o| o.finalised_at.is_some()) {
        return Err(ApiError::conflict(
            ErrorCode::UnitFinalised,
            "Hasil unit kerja ini sudah difinalisasi",
        ));
    }
    Ok(())
}

async fn audit_set<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    o: &org_result::Model,
    unit: &unit::Model,
    previous: Option<&str>,
) -> ApiResult<()> {
    store::audit::append(
        conn,
        &p.actor(),
        "org_result.set",
        "org_result",
        &o.id.to_string(),
        json!({ "period": o.period_id, "unit": unit.code, "result": o.result, "previous": previous }),
    )
    .await?;
    Ok(())
}

/// Sets the unit's org result (403 unless `policy::cycle::can_set_org_result`); not after
/// finalisation or publication.
pub async fn set_org_result(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    code: &str,
    result: OrgResult,
) -> ApiResult<Distribution> {
    let txn = state.db.write.begin().await?;
    let (period, unit) = load_period_unit(&txn, period_id, code).await?;
    policy::require(policy::cycle::can_set_org_result(&txn, p, &unit).await?)?;
    refuse_published(&period)?;
    let existing = store::results::find_org_result(&txn, period.id, unit.id).await?;
    refuse_finalised(existing.as_ref())?;
    let result = result.as_str();
    let now = Utc::now();
    let org = match existing {
        Some(o) if o.result == result => o,
        Some(o) => {
            let previous = o.result.clone();
            let o = store::org_results::update_org_result(
                &txn,
                org_result::Model {
                    result: result.into(),
                    set_by: p.actor(),
                    updated_at: now,
                    ..o
                },
            )
            .await?;
            audit_set(&txn, p, &o, &unit, Some(&previous)).await?;
            o
        }
        None => {
            let o = store::org_results::insert_org_result(
                &txn,
                org_result::Model {
                    id: Uuid::now_v7(),
                    period_id: period.id,
                    unit_id: unit.id,
                    result: result.into(),
                    set_by: p.actor(),
                    override_reason: None,
                    finalised_at: None,
                    finalised_by: None,
                    created_at: now,
                    updated_at: now,
                },
            )
            .await
            .map_err(|e| {
                if crate::error::violates(&e, "uq_org_results_period_unit") {
                    ApiError::conflict(
                        ErrorCode::OrgResultConflict,
                        "Hasil unit ini baru saja disimpan dari tempat lain; muat ulang dan coba lagi",
                    )
                } else {
                    ApiError::from(e)
                }
            })?;
            audit_set(&txn, p, &o, &unit, None).await?;
            o
        }
    };
    let (predikats, not_final) = unit_state(&txn, period.id, unit.id).await?;
    txn.commit().await?;
    state.events.publish(
        EventKind::DistributionUpdated,
        vec![period.id.to_string(), unit.code.clone()],
        Audience::Staff,
    );
    Ok(view(period.id, &unit, Some(&org), &predikats, not_final))
}

/// The unit's distribution (403 unless `policy::cycle::can_read_distribution`).
pub async fn distribution(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    code: &str,
) -> ApiResult<Distribution> {
    let db = &state.db.read;
    let (period, unit) = load_period_unit(db, period_id, code).await?;
    policy::require(policy::cycle::can_read_distribution(db, p, &unit).await?)?;
    let org = store::results::find_org_result(db, period.id, unit.id).await?;
    let (predikats, not_final) = unit_state(db, period.id, unit.id).await?;
    Ok(view(period.id, &unit, org.as_ref(), &predikats, not_final))
}

/// Finalises the unit: needs the org result, every evaluation final, every active member
/// rated or exempted (409 `unit_incomplete` naming them), and a conforming curve or an
/// override reason; audited with what broke.
pub async fn finalise(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    code: &str,
    body: &FinaliseInput,
) -> ApiResult<Distribution> {
    let reason = clean_override_reason(body.override_reason.as_deref())
        .map_err(|m| ApiError::field("override_reason", m))?;
    let txn = state.db.write.begin().await?;
    let (period, unit) = load_period_unit(&txn, period_id, code).await?;
    policy::require(policy::cycle::can_set_org_result(&txn, p, &unit).await?)?;
    refuse_published(&period)?;
    let org = store::results::find_org_result(&txn, period.id, unit.id).await?;
    refuse_finalised(org.as_ref())?;
    let Some(org) = org else {
        return Err(ApiError::conflict(
            ErrorCode::OrgResultMissing,
            "Hasil kinerja organisasi unit ini belum ditetapkan",
        ));
    };
    let Some(result) = OrgResult::parse(&org.result) else {
        return Err(anyhow::anyhow!("unknown org result {}", org.result).into());
    };
    let (predikats, not_final) = unit_state(&txn, period.id, unit.id).await?;
    if not_final > 0 {
        return Err(ApiError::conflict(
            ErrorCode::EvaluationsNotFinal,
            format!("{not_final} penilaian di unit ini belum final"),
        ));
    }
    let blockers = crate::app::exemptions::blockers(&txn, period.id, Some(unit.id)).await?;
    if let Some(why) = unit_incomplete(&crate::app::exemptions::labels(&blockers, false)) {
        return Err(ApiError::Blocked {
            code: ErrorCode::UnitIncomplete,
            message: why,
            blockers,
        });
    }
    let curve = check(result, &predikats);
    if curve.needs_override() && reason.is_none() {
        return Err(ApiError::conflict(
            ErrorCode::DistributionViolated,
            format!(
                "Distribusi predikat tidak sesuai kurva untuk hasil organisasi {}: {} \
                 Finalisasi memerlukan alasan (override_reason).",
                result.label(),
                curve.broken().join(" ")
            ),
        ));
    }
    let now = Utc::now();
    let org = store::org_results::update_org_result(
        &txn,
        org_result::Model {
            finalised_at: Some(now),
            finalised_by: Some(p.actor()),
            override_reason: reason.clone(),
            updated_at: now,
            ..org
        },
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "org_result.finalise",
        "org_result",
        &org.id.to_string(),
        json!({
            "period": period.id, "unit": unit.code, "result": org.result,
            "employees": predikats.len(), "conforms": curve.conforms,
            "broken": curve.broken(), "override_reason": reason
        }),
    )
    .await?;
    txn.commit().await?;
    state.events.publish(
        EventKind::DistributionUpdated,
        vec![period.id.to_string(), unit.code.clone()],
        Audience::Staff,
    );
    Ok(view(period.id, &unit, Some(&org), &predikats, 0))
}

/// Every unit of the period with evaluations, an org result or blocking members, by code,
/// each with the members who block it.
pub async fn list_units(state: &AppState, period_id: Uuid) -> ApiResult<UnitDistributionList> {
    let db = &state.db.read;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let evals = store::results::list_evaluations(db, period.id, None).await?;
    let orgs = store::results::list_org_results_of_period(db, period.id).await?;
    let mut by_unit: HashMap<Uuid, (Vec<Predikat>, usize)> = HashMap::new();
    for e in &evals {
        let entry = by_unit.entry(e.unit_id).or_default();
        if let Some(pr) = Predikat::parse(&e.predikat) {
            entry.0.push(pr);
        }
        if !EvaluationStatus::is_final(&e.status) {
            entry.1 += 1;
        }
    }
    for u in orgs.keys() {
        by_unit.entry(*u).or_default();
    }
    let (blockers, blocking_units) =
        crate::app::exemptions::blockers_with_units(db, period.id, None).await?;
    let mut blockers_of: HashMap<String, Vec<Blocker>> = HashMap::new();
    for b in blockers {
        blockers_of.entry(b.unit_code.clone()).or_default().push(b);
    }
    let mut units = store::results::list_units_by_ids(db, by_unit.keys().copied()).await?;
    // Units whose members are all unrated have no evaluations yet, but they block too.
    for (id, u) in blocking_units {
        by_unit.entry(id).or_default();
        units.entry(id).or_insert(u);
    }
    let mut items: Vec<UnitDistributionSummary> = by_unit
        .iter()
        .filter_map(|(unit_id, (predikats, not_final))| {
            let unit = units.get(unit_id)?;
            let v = view(period.id, unit, orgs.get(unit_id), predikats, *not_final);
            Some(UnitDistributionSummary {
                unit_code: v.unit_code,
                unit_name: v.unit_name,
                employees: v.employees,
                org_result: v.org_result,
                conforms: v.conforms,
                needs_override: v.needs_override,
                small_unit: v.small_unit,
                evaluations_not_final: v.evaluations_not_final,
                finalised: v.finalised,
                blockers: blockers_of.remove(&unit.code).unwrap_or_default(),
            })
        })
        .collect();
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code));
    Ok(UnitDistributionList {
        period_id: period.id,
        items,
    })
}
