//! The 9-box: one employee's place, a unit tree's grid, and placement for a vacant
//! position (same jabatan family, latest predikat and box).

use chrono::Datelike;
use entity::employee;
use std::collections::HashMap;
use uuid::Uuid;

use super::{Place, grid_year, places};
use crate::app::career::{display_name, employee_by_nip, today};
use crate::auth::{Principal, policy};
use crate::domain::angka_kredit::{family_key, parse_jabatan};
use crate::domain::ninebox;
use crate::domain::predikat::Predikat;
use crate::dto::talent::{
    EmployeeTalent, GridCell, GridPerson, PlacementList, PlacementRow, TalentGrid, Unplaced,
};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

fn box_recommendations(b: u8) -> Vec<String> {
    ninebox::recommendations(b)
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// One employee's 9-box placement and its recommendations (readers of the employee).
pub async fn employee_talent(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: Option<i32>,
) -> ApiResult<EmployeeTalent> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::career::can_read_employee_talent(db, p, &emp).await?)?;
    let published = store::talent::list_published_periods(db).await?;
    let year = grid_year(&published, year, today(state).year())?;
    let place = places(db, &published, year, &[emp.id])
        .await?
        .remove(&emp.id)
        .unwrap_or_default();
    let mut missing = Vec::new();
    if place.kinerja.is_none() {
        missing.push(format!(
            "Belum ada hasil tahunan (Triwulan IV) {year} yang terbit"
        ));
    }
    if place.potensi.is_none() {
        missing.push("Belum ada data potensi".into());
    }
    Ok(EmployeeTalent {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        year,
        kinerja: place.kinerja,
        predikat: place.predikat,
        potensi: place.potensi,
        box_: place.box_,
        box_label: place.box_.map(ninebox::label),
        recommendations: place.box_.map(box_recommendations).unwrap_or_default(),
        missing,
    })
}

/// The 9-box grid of a unit tree with counts and names (staff and the unit's leaders).
pub async fn talent_grid(
    state: &AppState,
    p: &Principal,
    unit_code: Option<&str>,
    year: Option<i32>,
) -> ApiResult<TalentGrid> {
    let db = &state.db.read;
    let units = policy::career::authorised_units(db, p, unit_code).await?;
    let published = store::talent::list_published_periods(db).await?;
    let year = grid_year(&published, year, today(state).year())?;
    let people = store::talent::list_employees_in_units(db, units.as_deref()).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let placed = places(db, &published, year, &ids).await?;
    let unit_map =
        store::units::find_by_ids(db, people.iter().map(|e| e.unit_id).collect()).await?;
    let mut cells: Vec<GridCell> = (1..=9u8)
        .filter_map(|b| {
            let (k, pot) = ninebox::levels_of(b)?;
            Some(GridCell {
                box_: b,
                kinerja: k,
                potensi: pot,
                label: ninebox::label(b),
                recommendations: box_recommendations(b),
                count: 0,
                employees: Vec::new(),
            })
        })
        .collect();
    let mut unplaced = Vec::new();
    for e in &people {
        let place = placed.get(&e.id);
        match place.and_then(|pl| pl.box_) {
            Some(b) => {
                if let Some(cell) = cells.get_mut(usize::from(b) - 1) {
                    cell.count += 1;
                    cell.employees.push(GridPerson {
                        nip: e.nip.clone(),
                        name: display_name(e),
                        jabatan: e.jabatan.clone(),
                        unit_code: unit_map
                            .get(&e.unit_id)
                            .map(|u| u.code.clone())
                            .unwrap_or_default(),
                        predikat: place.and_then(|pl| pl.predikat),
                    });
                }
            }
            None => {
                // No place at all counts as "no potensi", as before.
                let (has_kinerja, has_potensi) = match place {
                    Some(Place {
                        kinerja, potensi, ..
                    }) => (kinerja.is_some(), potensi.is_some()),
                    None => (true, false),
                };
                unplaced.push(Unplaced {
                    nip: e.nip.clone(),
                    name: display_name(e),
                    reason: ninebox::unplaced_reason(has_kinerja, has_potensi).into(),
                });
            }
        }
    }
    Ok(TalentGrid {
        year,
        unit_code: unit_code
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        cells,
        unplaced,
    })
}

/// Who fits a vacant position: employees of the same jabatan family, with their latest
/// published predikat and 9-box, best first (staff, and unit leaders for their unit).
pub async fn placement(
    state: &AppState,
    p: &Principal,
    jabatan: Option<&str>,
    unit_code: Option<&str>,
) -> ApiResult<PlacementList> {
    let jabatan = jabatan.map(str::trim).unwrap_or("");
    if jabatan.is_empty() {
        return Err(ApiError::field("jabatan", "Wajib diisi"));
    }
    if jabatan.chars().count() > 200 {
        return Err(ApiError::field("jabatan", "Maksimal 200 karakter"));
    }
    let db = &state.db.read;
    let units = policy::career::authorised_units(db, p, unit_code).await?;
    let parsed = parse_jabatan(jabatan);
    let key = parsed.family.to_lowercase();
    // Prefix match in SQL narrows the rows; the exact family comparison happens here.
    let people: Vec<employee::Model> =
        store::talent::list_employees_with_jabatan_prefix(db, &parsed.family, units.as_deref())
            .await?
            .into_iter()
            .filter(|e| family_key(&e.jabatan) == key)
            .collect();
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let published = store::talent::list_published_periods(db).await?;
    let pids: Vec<Uuid> = published.iter().map(|p| p.id).collect();
    let order: HashMap<Uuid, usize> = published
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let mut latest: HashMap<Uuid, (usize, Predikat)> = HashMap::new();
    for e in store::talent::list_final_evaluations(db, &pids, &ids).await? {
        let (Some(rank), Some(pr)) = (order.get(&e.period_id), Predikat::parse(&e.predikat)) else {
            continue;
        };
        let newer = latest.get(&e.employee_id).is_none_or(|(r, _)| rank < r);
        if newer {
            latest.insert(e.employee_id, (*rank, pr));
        }
    }
    let year = grid_year(&published, None, today(state).year())?;
    let placed = places(db, &published, year, &ids).await?;
    let unit_map =
        store::units::find_by_ids(db, people.iter().map(|e| e.unit_id).collect()).await?;
    let mut items: Vec<PlacementRow> = people
        .iter()
        .map(|e| {
            let l = latest.get(&e.id);
            PlacementRow {
                nip: e.nip.clone(),
                name: display_name(e),
                jabatan: e.jabatan.clone(),
                unit_code: unit_map
                    .get(&e.unit_id)
                    .map(|u| u.code.clone())
                    .unwrap_or_default(),
                latest_predikat: l.map(|(_, p)| *p),
                latest_period: l
                    .and_then(|(r, _)| published.get(*r))
                    .map(|p| p.name.clone()),
                box_: placed.get(&e.id).and_then(|pl| pl.box_),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        b.box_
            .cmp(&a.box_)
            .then(
                a.latest_predikat
                    .map(|p| p.siasn_code())
                    .unwrap_or(9)
                    .cmp(&b.latest_predikat.map(|p| p.siasn_code()).unwrap_or(9)),
            )
            .then(a.name.cmp(&b.name))
    });
    Ok(PlacementList {
        family: parsed.family,
        jenjang: parsed.jenjang.map(|j| j.label().to_string()),
        items,
    })
}
