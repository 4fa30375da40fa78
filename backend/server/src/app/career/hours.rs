//! Training hours (JP) against the 20 JP/year target: the hours of done development items,
//! counted by completion date.

use chrono::Datelike;
use std::collections::HashMap;
use uuid::Uuid;

use super::{display_name, employee_by_nip, today, valid_year, year_span};
use crate::auth::{Principal, policy};
use crate::domain::development::TARGET_JP_PER_YEAR;
use crate::dto::career::{HoursItem, TrainingHoursOut, UnitHoursOut, UnitHoursRow};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;

/// An employee's completed hours in a year (readers of the employee).
pub async fn employee_training_hours(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: Option<i32>,
) -> ApiResult<TrainingHoursOut> {
    let year = valid_year(year, today(state).year())?;
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::career::can_read_employee_talent(db, p, &emp).await?)?;
    let (from, to) = year_span(year);
    let items: Vec<HoursItem> = store::career::list_done_items(db, &[emp.id], from, to)
        .await?
        .into_iter()
        .filter_map(|(i, _)| {
            Some(HoursItem {
                item_id: i.id,
                title: i.title,
                hours: i.hours.filter(|h| *h > 0)?,
                completed_on: i.completed_on?,
            })
        })
        .collect();
    let completed: i64 = items.iter().map(|i| i64::from(i.hours)).sum();
    Ok(TrainingHoursOut {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        year,
        target_jp: TARGET_JP_PER_YEAR,
        completed_jp: completed,
        remaining_jp: (TARGET_JP_PER_YEAR - completed).max(0),
        met: completed >= TARGET_JP_PER_YEAR,
        items,
    })
}

/// Completed hours per employee of a unit tree in a year (staff and the unit's leaders).
pub async fn unit_training_hours(
    state: &AppState,
    p: &Principal,
    unit_code: Option<&str>,
    year: Option<i32>,
) -> ApiResult<UnitHoursOut> {
    let year = valid_year(year, today(state).year())?;
    let db = &state.db.read;
    let units = policy::career::authorised_units(db, p, unit_code).await?;
    let people = store::talent::list_employees_in_units(db, units.as_deref()).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let (from, to) = year_span(year);
    let mut hours: HashMap<Uuid, i64> = HashMap::new();
    for (i, emp) in store::career::list_done_items(db, &ids, from, to).await? {
        *hours.entry(emp).or_default() += i64::from(i.hours.unwrap_or(0).max(0));
    }
    let unit_map =
        store::units::find_by_ids(db, people.iter().map(|e| e.unit_id).collect()).await?;
    Ok(UnitHoursOut {
        year,
        target_jp: TARGET_JP_PER_YEAR,
        items: people
            .iter()
            .map(|e| {
                let jp = hours.get(&e.id).copied().unwrap_or(0);
                UnitHoursRow {
                    nip: e.nip.clone(),
                    name: display_name(e),
                    unit_code: unit_map
                        .get(&e.unit_id)
                        .map(|u| u.code.clone())
                        .unwrap_or_default(),
                    completed_jp: jp,
                    met: jp >= TARGET_JP_PER_YEAR,
                }
            })
            .collect(),
    })
}
