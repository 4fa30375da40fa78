//! The plan itself: read it, write it (create or replace), start it from an earlier year,
//! and list the supervisor's RHK it may support.

use chrono::Utc;
use sea_orm::TransactionTrait;
use serde_json::json;
use std::collections::HashSet;
use uuid::Uuid;

use super::{
    check_year, employee_by_nip, insert_draft, parent_ids, plan_of, readable_employee, skp_exists,
    validation, view,
};
use crate::auth::{Principal, policy};
use crate::domain::skp::{self as rules, IndicatorDraft, RhkDraft};
use crate::dto::skp::{ParentOption, ParentOptions, PersonRef, SkpInput, SkpOut, status_of};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::skp::{PlanIndicator, PlanRhk};

/// An employee's SKP of a year, for a reader of their plans.
pub async fn get_plan(state: &AppState, p: &Principal, nip: &str, year: i32) -> ApiResult<SkpOut> {
    check_year(year, "year")?;
    let db = &state.db.read;
    let employee = readable_employee(db, p, nip).await?;
    let s = plan_of(db, employee.id, year).await?;
    view(db, p, s, &employee).await
}

/// Creates or replaces the employee's own plan while it is a draft or returned; `true`
/// with the view when it was created.
pub async fn save_plan(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: i32,
    input: SkpInput,
) -> ApiResult<(bool, SkpOut)> {
    check_year(year, "year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::owns_plan(p, employee.id))?;
    let existing = store::skp::find(&txn, employee.id, year).await?;
    if let Some(s) = &existing
        && !status_of(s).is_editable()
    {
        return Err(ApiError::conflict(
            ErrorCode::SkpLocked,
            format!("SKP berstatus {} tidak dapat diubah", status_of(s).label()),
        ));
    }
    let drafts: Vec<RhkDraft> = input
        .rhk
        .iter()
        .map(|r| RhkDraft {
            kind: r.kind.clone(),
            description: r.description.clone(),
            indicators: r
                .indicators
                .iter()
                .map(|i| IndicatorDraft {
                    aspect: i.aspect.clone(),
                    description: i.description.clone(),
                    target_value: i.target_value,
                    target_unit: i.target_unit.clone(),
                    target_text: i.target_text.clone(),
                })
                .collect(),
        })
        .collect();
    let plan = rules::validate_plan(&drafts).map_err(validation)?;

    // Ids may only name rows of this plan; parents only RHK of the supervisor's plan.
    let (own_rhk, own_ind): (HashSet<Uuid>, HashSet<Uuid>) = match &existing {
        Some(s) => {
            let rhks = store::skp::list_rhks(&txn, s.id).await?;
            let inds = store::skp::list_indicators(&txn, rhks.iter().map(|r| r.id).collect())
                .await?
                .into_values()
                .flatten()
                .map(|i| i.id)
                .collect();
            (rhks.into_iter().map(|r| r.id).collect(), inds)
        }
        None => (HashSet::new(), HashSet::new()),
    };
    let parents = parent_ids(&txn, &employee, year).await?;
    let mut problems = rules::FieldProblems::new();
    let (mut seen_rhk, mut seen_ind) = (HashSet::new(), HashSet::new());
    for (i, r) in input.rhk.iter().enumerate() {
        if let Some(id) = r.id
            && (!own_rhk.contains(&id) || !seen_rhk.insert(id))
        {
            problems.push((
                format!("rhk[{i}].id"),
                "Bukan RHK dari SKP ini (atau disebut dua kali)".into(),
            ));
        }
        if let Some(pid) = r.parent_rhk_id
            && !parents.contains(&pid)
        {
            problems.push((
                format!("rhk[{i}].parent_rhk_id"),
                "RHK pimpinan harus RHK dari SKP atasan langsung pada tahun yang sama".into(),
            ));
        }
        for (j, ind) in r.indicators.iter().enumerate() {
            if let Some(id) = ind.id
                && (!own_ind.contains(&id) || !seen_ind.insert(id))
            {
                problems.push((
                    format!("rhk[{i}].indicators[{j}].id"),
                    "Bukan indikator dari SKP ini (atau disebut dua kali)".into(),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(validation(problems));
    }

    let now = Utc::now();
    let created = existing.is_none();
    let s = match existing {
        // The snapshot follows the employee while the plan is still being written.
        Some(s) => store::skp::update_skp_snapshot(&txn, s, &employee, now).await?,
        None => insert_draft(&txn, &employee, year, now).await?,
    };
    let items: Vec<PlanRhk> = input
        .rhk
        .iter()
        .zip(plan)
        .map(|(given, checked)| PlanRhk {
            id: given.id,
            kind: checked.kind.as_str().into(),
            description: checked.description,
            parent_rhk_id: given.parent_rhk_id,
            indicators: given
                .indicators
                .iter()
                .zip(checked.indicators)
                .map(|(gi, ci)| PlanIndicator {
                    id: gi.id,
                    aspect: ci.aspect.as_str().into(),
                    description: ci.description,
                    target_value: ci.target_value,
                    target_unit: ci.target_unit,
                    target_text: ci.target_text,
                })
                .collect(),
        })
        .collect();
    let rhk_count = items.len();
    let indicator_count: usize = items.iter().map(|r| r.indicators.len()).sum();
    store::skp::update_plan_items(&txn, s.id, items, now).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        if created { "skp.create" } else { "skp.update" },
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year, "rhk": rhk_count, "indicators": indicator_count }),
    )
    .await?;
    let out = view(&txn, p, s, &employee).await?;
    txn.commit().await?;
    Ok((created, out))
}

/// The employee starts the year's plan from an earlier one (RHK items, indicators and
/// expectations; links to the supervisor's RHK only when still valid for the new year).
pub async fn copy_plan(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: i32,
    from_year: i32,
) -> ApiResult<SkpOut> {
    check_year(year, "year")?;
    check_year(from_year, "from_year")?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::owns_plan(p, employee.id))?;
    if store::skp::find(&txn, employee.id, year).await?.is_some() {
        return Err(skp_exists(year));
    }
    let source = plan_of(&txn, employee.id, from_year).await?;
    let rhks = store::skp::list_rhks(&txn, source.id).await?;
    let mut indicators =
        store::skp::list_indicators(&txn, rhks.iter().map(|r| r.id).collect()).await?;
    let expectations = store::skp::list_expectations(&txn, source.id).await?;
    let parents = parent_ids(&txn, &employee, year).await?;
    let items: Vec<PlanRhk> = rhks
        .into_iter()
        .map(|r| PlanRhk {
            id: None,
            indicators: indicators
                .remove(&r.id)
                .unwrap_or_default()
                .into_iter()
                .map(|i| PlanIndicator {
                    id: None,
                    aspect: i.aspect,
                    description: i.description,
                    target_value: i.target_value,
                    target_unit: i.target_unit,
                    target_text: i.target_text,
                })
                .collect(),
            kind: r.kind,
            description: r.description,
            parent_rhk_id: r.parent_rhk_id.filter(|pid| parents.contains(pid)),
        })
        .collect();
    let now = Utc::now();
    let s = insert_draft(&txn, &employee, year, now).await?;
    let copied = items.len();
    store::skp::update_plan_items(&txn, s.id, items, now).await?;
    for e in &expectations {
        store::skp::update_expectation(&txn, s.id, &e.value_code, Some(&e.expectation), now)
            .await?;
    }
    store::audit::append(
        &txn,
        &p.actor(),
        "skp.copy",
        "skp",
        &s.id.to_string(),
        json!({ "nip": employee.nip, "year": year, "from_year": from_year, "rhk": copied }),
    )
    .await?;
    let out = view(&txn, p, s, &employee).await?;
    txn.commit().await?;
    Ok(out)
}

/// The direct supervisor's RHK items of the year, which the employee's RHK may support.
pub async fn parent_options(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: i32,
) -> ApiResult<ParentOptions> {
    check_year(year, "year")?;
    let db = &state.db.read;
    let employee = readable_employee(db, p, nip).await?;
    let supervisor = match employee.supervisor_id {
        Some(id) => store::employees::find_by_id(db, id).await?,
        None => None,
    };
    let plan = match &supervisor {
        Some(sup) => store::skp::find(db, sup.id, year).await?,
        None => None,
    };
    let items = match &plan {
        Some(plan) => store::skp::list_rhks(db, plan.id)
            .await?
            .into_iter()
            .map(ParentOption::from)
            .collect(),
        None => Vec::new(),
    };
    Ok(ParentOptions {
        supervisor: supervisor.as_ref().map(PersonRef::from),
        skp_status: plan.as_ref().map(status_of),
        items,
    })
}
