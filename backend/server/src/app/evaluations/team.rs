//! The supervisor's team view for a period.

use std::collections::HashMap;
use uuid::Uuid;

use super::period_not_found;
use crate::auth::Principal;
use crate::domain::appeal::AppealStatus;
use crate::domain::evaluation::EvaluationStatus;
use crate::domain::predikat::{Predikat, Rating};
use crate::dto::evaluations::{SuggestionOut, TeamEvaluation, TeamList, TeamMember, display_name};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// Counts per key.
fn tally(keys: impl IntoIterator<Item = Uuid>) -> HashMap<Uuid, u64> {
    let mut out = HashMap::new();
    for k in keys {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

/// The signed-in supervisor's direct subordinates for a period (403 without an employee
/// record): SKP status, indicators and realisasi, submitted 360 responses, the
/// suggestion, the evaluation and any appeal. Related rows load by id sets.
pub async fn team(state: &AppState, p: &Principal, period_id: Uuid) -> ApiResult<TeamList> {
    let Some(me) = p.employee_id else {
        return Err(ApiError::Forbidden);
    };
    let db = &state.db.read;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let mut team = store::evaluations::list_active_subordinates(db, me).await?;
    team.sort_by(|a, b| a.name.cmp(&b.name));
    let ids: Vec<Uuid> = team.iter().map(|e| e.id).collect();
    let units = store::results::list_units_by_ids(db, team.iter().map(|e| e.unit_id)).await?;
    let skps: HashMap<Uuid, entity::skp::Model> =
        store::skp::list_for_employees(db, ids.clone(), period.year).await?;
    let skp_owner: HashMap<Uuid, Uuid> = skps.values().map(|s| (s.id, s.employee_id)).collect();
    let rhks = store::skp::list_rhks_of_plans(db, skp_owner.keys().copied().collect()).await?;
    let rhk_owner: HashMap<Uuid, Uuid> = rhks
        .iter()
        .filter_map(|r| Some((r.id, *skp_owner.get(&r.skp_id)?)))
        .collect();
    let indicators =
        store::evaluations::list_indicators_of_rhks(db, rhk_owner.keys().copied().collect())
            .await?;
    let indicator_counts = tally(
        indicators
            .iter()
            .filter_map(|i| rhk_owner.get(&i.rhk_id).copied()),
    );
    let realisasi_counts = tally(
        store::evaluations::list_realisasi_of_employees(db, period.id, ids.clone())
            .await?
            .into_iter()
            .map(|r| r.employee_id),
    );
    // No per-member response counts: they would change with each submit (ADR 0013).
    let released_360 = crate::app::ratings360::is_released(&state.settings, &period);
    let evaluations: HashMap<Uuid, entity::evaluation::Model> =
        store::evaluations::list_evaluations_of_employees(db, period.id, ids)
            .await?
            .into_iter()
            .map(|e| (e.employee_id, e))
            .collect();
    let appeals =
        store::results::list_appeals_by_evaluations(db, evaluations.values().map(|e| e.id)).await?;
    let mut suggestions = crate::app::ratings360::suggestions(
        db,
        &state.settings,
        &period,
        team.iter().map(|e| e.id).collect(),
    )
    .await?;
    let mut items = Vec::with_capacity(team.len());
    for e in team {
        let suggestion = suggestions.remove(&e.id).flatten();
        let evaluation = evaluations.get(&e.id);
        items.push(TeamMember {
            nip: e.nip.clone(),
            name: display_name(&e),
            jabatan: e.jabatan.clone(),
            unit_code: units
                .get(&e.unit_id)
                .map(|u| u.code.clone())
                .unwrap_or_default(),
            skp_status: skps
                .get(&e.id)
                .and_then(|s| crate::domain::skp::SkpStatus::parse(&s.status)),
            indicators: indicator_counts.get(&e.id).copied().unwrap_or(0),
            realisasi: realisasi_counts.get(&e.id).copied().unwrap_or(0),
            results_360_released: released_360,
            suggestion: suggestion.map(|s| SuggestionOut {
                rating: s.rating,
                mean: s.mean,
            }),
            appeal_status: evaluation
                .and_then(|ev| appeals.get(&ev.id))
                .and_then(|a| AppealStatus::parse(&a.status)),
            evaluation: evaluation.and_then(|ev| {
                Some(TeamEvaluation {
                    id: ev.id,
                    rating_hasil_kerja: Rating::parse(&ev.rating_hasil_kerja)?,
                    rating_perilaku: Rating::parse(&ev.rating_perilaku)?,
                    predikat: Predikat::parse(&ev.predikat)?.into(),
                    status: EvaluationStatus::parse(&ev.status)?,
                    justification: ev.justification.clone(),
                    suggested_perilaku: ev.suggested_perilaku.as_deref().and_then(Rating::parse),
                    mean_360: ev.mean_360,
                })
            }),
        });
    }
    Ok(TeamList {
        period_id: period.id,
        items,
    })
}
