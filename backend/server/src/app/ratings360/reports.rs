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
    GroupOut, ProgressOut, QualityItem, QualityOut, RaterUnitPending, SummaryOut, UnitProgress,
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
    let released = super::is_released(&state.settings, &period);
    if !released {
        return Ok(unreleased(state, &period, &ratee));
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
    let p360 = params(&state.settings);
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
                responses: p360.shown_count(g.group, g.responses),
                count_below_threshold: p360.shown_count(g.group, g.responses).is_none(),
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
        released: true,
        release_on: release_day(&period),
        anonymity_threshold: aggregation::anonymity_threshold(state.settings.anonymity_threshold),
        groups,
        weighted_mean: e.mean,
        weights_used: e.shares,
        suggested_rating: e.rating,
        suggested_rating_label: e.rating.map(|r| r.label().to_string()),
        why: e.why,
    })
}

/// The first local day the results are released by the deadline (the day after
/// `deadline_360`); none when only closing the period releases them.
fn release_day(period: &entity::period::Model) -> Option<chrono::NaiveDate> {
    period.deadline_360.and_then(|d| d.succ_opt())
}

/// A summary before the release (ADR 0013): "not released yet", without any number,
/// count or comment, so that no single response changes what anyone can see.
fn unreleased(
    state: &AppState,
    period: &entity::period::Model,
    ratee: &entity::employee::Model,
) -> SummaryOut {
    SummaryOut {
        period_id: period.id,
        nip: ratee.nip.clone(),
        name: full_name(
            &ratee.name,
            ratee.gelar_depan.as_deref(),
            ratee.gelar_belakang.as_deref(),
        ),
        run_360: period.run_360,
        released: false,
        release_on: release_day(period),
        anonymity_threshold: aggregation::anonymity_threshold(state.settings.anonymity_threshold),
        groups: Vec::new(),
        weighted_mean: None,
        weights_used: Vec::new(),
        suggested_rating: None,
        suggested_rating_label: None,
        why: String::new(),
    }
}

/// How far a period's round is (the handler checks `can_read_all_360`): per unit of the
/// ratees the forms issued, submitted and pending and the nominations awaiting a decision;
/// per unit of the raters (with at least the threshold of raters) the forms still to
/// finish, pooled: never one rater's count, never whom they rate.
pub async fn progress(
    state: &AppState,
    period_id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<ProgressOut> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let units = unit_scope(db, unit_code).await?;
    let counts = store::ratings360::count_by_ratee_and_status(db, period.id, units.clone()).await?;
    let forms =
        store::ratings360::count_by_rater(db, period.id, units.clone(), &AssignmentStatus::FORMS)
            .await?;
    let pending: HashMap<Uuid, i64> =
        store::ratings360::count_by_rater(db, period.id, units, &AssignmentStatus::PENDING)
            .await?
            .into_iter()
            .collect();
    let mut ids: Vec<Uuid> = counts.iter().map(|(r, _, _)| *r).collect();
    ids.extend(forms.iter().map(|(r, _)| *r));
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
    // Pending forms pooled per unit of the raters, only for units with at least the
    // threshold of raters: no count that follows one rater (ADR 0013).
    let threshold = i64::from(aggregation::anonymity_threshold(
        state.settings.anonymity_threshold,
    ));
    let mut pooled: BTreeMap<Uuid, (i64, i64)> = BTreeMap::new();
    for (rater, _) in &forms {
        let Some(e) = emps.get(rater) else { continue };
        let entry = pooled.entry(e.unit_id).or_default();
        entry.0 += 1;
        entry.1 += pending.get(rater).copied().unwrap_or(0);
    }
    let mut raters: Vec<RaterUnitPending> = pooled
        .into_iter()
        .filter(|(_, (n, _))| *n >= threshold)
        .map(|(unit_id, (n, pending))| {
            let unit = unit_map.get(&unit_id);
            RaterUnitPending {
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                raters: n,
                pending,
            }
        })
        .collect();
    raters.sort_by(|a, b| a.unit_code.cmp(&b.unit_code));
    Ok(ProgressOut {
        period_id: period.id,
        units: units_out,
        raters,
    })
}

/// Raters whose submitted responses look unreliable (the handler checks
/// `can_read_all_360`): `domain::aggregation::rater_flags` against the raters of their unit,
/// only for raters with at least the threshold of forms, never about the viewer's own
/// raters, and without any mean or count (ADR 0013).
pub async fn quality(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<QualityOut> {
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let units = unit_scope(db, unit_code).await?;
    // Flags are computed from the released snapshot only (ADR 0013): before the release a
    // flag or the count of raters checked would move with each response.
    if !super::is_released(&state.settings, &period) {
        return Ok(QualityOut {
            period_id: period.id,
            raters_checked: 0,
            items: Vec::new(),
        });
    }
    let stats = store::ratings360::sum_rater_stats(db, period.id, units).await?;
    // Never about the viewer's own raters (ADR 0013): a flag would tell them how one of
    // the few people who rated them answered.
    let own_raters: std::collections::HashSet<Uuid> = match p.employee_id {
        Some(me) => store::ratings360::list_for_ratee(db, period.id, me)
            .await?
            .into_iter()
            .map(|r| r.rater_id)
            .collect(),
        None => Default::default(),
    };
    let min_forms = aggregation::anonymity_threshold(state.settings.anonymity_threshold);
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
            if own_raters.contains(rater) || s.responses < min_forms {
                return None;
            }
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
