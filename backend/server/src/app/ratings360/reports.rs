//! Reading a round: a ratee's aggregate with the suggestion and its formula, HR's progress
//! per unit and rater, and the raters whose responses look unreliable.

use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

use super::{comments_map, employee_not_found, load_employee, load_period, params, unit_scope};
use crate::auth::{Principal, policy};
use crate::domain::aggregation::{self, RaterGroup};
use crate::domain::berakhlak::CoreValue;
use crate::domain::master::full_name;
use crate::domain::ratings360::AssignmentStatus;
use crate::dto::ratings360::{
    GroupOut, ProgressOut, QualityItem, QualityOut, RaterPending, SummaryOut, UnitProgress,
    ValueOut,
};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;

/// A ratee's 360 aggregate for a period, for the ratee, their supervisor chain and
/// admin/HR/auditor; for anyone else the ratee does not exist.
pub async fn summary(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
) -> ApiResult<SummaryOut> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let ratee = load_employee(db, nip).await?;
    if !policy::ratings360::can_read_summary(db, p, &ratee).await? {
        return Err(employee_not_found(nip));
    }
    let (totals, citizens) =
        store::ratings360::sum_aggregate_inputs(db, &state.settings, &period, ratee.id).await?;
    let agg = aggregation::aggregate(&totals, &citizens, &params(&state.settings));
    let shown: Vec<RaterGroup> = agg
        .groups
        .iter()
        .filter(|g| g.visible && g.group != RaterGroup::Public)
        .map(|g| g.group)
        .collect();
    let mut value_comments: HashMap<(RaterGroup, CoreValue), Vec<String>> = HashMap::new();
    let mut overall: HashMap<RaterGroup, Vec<String>> = HashMap::new();
    for (group, comments, overall_comment) in
        store::ratings360::list_comments(db, period.id, ratee.id, &shown).await?
    {
        let Some(group) = RaterGroup::parse(&group) else {
            continue;
        };
        for (code, text) in comments_map(comments.as_deref()) {
            if let Some(v) = CoreValue::parse(&code) {
                value_comments.entry((group, v)).or_default().push(text);
            }
        }
        if let Some(t) = overall_comment {
            overall.entry(group).or_default().push(t);
        }
    }
    let weights = state.settings.weights_360();
    let groups = agg
        .groups
        .iter()
        .map(|g| {
            let values = if g.visible {
                CoreValue::ALL
                    .iter()
                    .zip(&g.value_means)
                    .map(|(v, m)| {
                        // Sorted by text: no order that could follow the raters.
                        let mut comments =
                            value_comments.remove(&(g.group, *v)).unwrap_or_default();
                        comments.sort();
                        ValueOut {
                            value: *v,
                            name: v.info().name_id.to_string(),
                            mean: *m,
                            comments,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let mut overall_comments = if g.visible {
                overall.remove(&g.group).unwrap_or_default()
            } else {
                Vec::new()
            };
            overall_comments.sort();
            GroupOut {
                group: g.group,
                label: g.group.label().to_string(),
                anonymous: g.group.is_anonymous(),
                responses: g.responses,
                min_responses: g.min_responses,
                visible: g.visible,
                weight: weights.of(g.group),
                mean: g.mean,
                values,
                overall_comments,
                public_index: g.public_index,
            }
        })
        .collect();
    let e = agg.explanation;
    Ok(SummaryOut {
        period_id: period.id,
        nip: ratee.nip.clone(),
        name: full_name(
            &ratee.name,
            ratee.gelar_depan.as_deref(),
            ratee.gelar_belakang.as_deref(),
        ),
        run_360: period.run_360,
        anonymity_threshold: aggregation::anonymity_threshold(state.settings.anonymity_threshold),
        groups,
        weighted_mean: e.mean,
        weights_used: e.shares,
        suggested_rating: e.rating,
        suggested_rating_label: e.rating.map(|r| r.label().to_string()),
        why: e.why,
    })
}

/// How far a period's round is (the handler checks `can_read_all_360`): per unit of the
/// ratees the forms issued, submitted and pending and the nominations awaiting a decision;
/// per rater the number of forms still to finish (never whom they rate).
pub async fn progress(
    state: &AppState,
    period_id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<ProgressOut> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let units = unit_scope(db, unit_code).await?;
    let counts = store::ratings360::count_by_ratee_and_status(db, period.id, units.clone()).await?;
    let pending = store::ratings360::count_pending_by_rater(db, period.id, units).await?;
    let mut ids: Vec<Uuid> = counts.iter().map(|(r, _, _)| *r).collect();
    ids.extend(pending.iter().map(|(r, _)| *r));
    ids.sort();
    ids.dedup();
    let emps = store::employees::find_by_ids(db, ids).await?;
    let unit_map =
        store::units::find_by_ids(db, emps.values().map(|e| e.unit_id).collect()).await?;
    let mut per_unit: BTreeMap<Uuid, UnitProgress> = BTreeMap::new();
    for (ratee, status, n) in counts {
        let Some(e) = emps.get(&ratee) else { continue };
        let u = per_unit.entry(e.unit_id).or_insert_with(|| UnitProgress {
            unit_code: unit_map
                .get(&e.unit_id)
                .map(|u| u.code.clone())
                .unwrap_or_default(),
            unit_name: unit_map
                .get(&e.unit_id)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            assigned: 0,
            submitted: 0,
            pending: 0,
            awaiting_approval: 0,
        });
        match AssignmentStatus::parse(&status) {
            Some(s) if s.is_pending() => {
                u.assigned += n;
                u.pending += n;
            }
            Some(AssignmentStatus::Submitted) => {
                u.assigned += n;
                u.submitted += n;
            }
            Some(AssignmentStatus::Nominated) => u.awaiting_approval += n,
            _ => {}
        }
    }
    let mut units_out: Vec<UnitProgress> = per_unit.into_values().collect();
    units_out.sort_by(|a, b| a.unit_code.cmp(&b.unit_code));
    let mut raters: Vec<RaterPending> = pending
        .into_iter()
        .filter_map(|(rater, n)| {
            let e = emps.get(&rater)?;
            let unit = unit_map.get(&e.unit_id);
            Some(RaterPending {
                nip: e.nip.clone(),
                name: full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                pending: n,
            })
        })
        .collect();
    raters.sort_by(|a, b| b.pending.cmp(&a.pending).then(a.name.cmp(&b.name)));
    Ok(ProgressOut {
        period_id: period.id,
        units: units_out,
        raters,
    })
}

/// Raters whose submitted responses look unreliable (the handler checks
/// `can_read_all_360`): `domain::aggregation::rater_flags` against the raters of their unit.
pub async fn quality(
    state: &AppState,
    period_id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<QualityOut> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let units = unit_scope(db, unit_code).await?;
    let stats = store::ratings360::sum_rater_stats(db, period.id, units).await?;
    let emps = store::employees::find_by_ids(db, stats.keys().copied().collect()).await?;
    let unit_map =
        store::units::find_by_ids(db, emps.values().map(|e| e.unit_id).collect()).await?;
    let mut means_by_unit: HashMap<Uuid, Vec<f64>> = HashMap::new();
    for (rater, s) in &stats {
        if let (Some(e), Some(m)) = (emps.get(rater), s.mean()) {
            means_by_unit.entry(e.unit_id).or_default().push(m);
        }
    }
    let mut items: Vec<QualityItem> = stats
        .iter()
        .filter_map(|(rater, s)| {
            let e = emps.get(rater)?;
            let means = means_by_unit.get(&e.unit_id).map_or(&[][..], Vec::as_slice);
            let flags = aggregation::rater_flags(s, means);
            if flags.is_empty() {
                return None;
            }
            let unit = unit_map.get(&e.unit_id);
            Some(QualityItem {
                nip: e.nip.clone(),
                name: full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                responses: s.responses,
                mean: aggregation::round2(s.mean().unwrap_or_default()),
                flags,
            })
        })
        .collect();
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code).then(a.name.cmp(&b.name)));
    Ok(QualityOut {
        period_id: period.id,
        raters_checked: stats.len(),
        items,
    })
}
