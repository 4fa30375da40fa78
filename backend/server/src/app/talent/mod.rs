//! Use cases of talent management (DOMAIN.md §7 "Career", "Angka kredit"; see
//! `api::talent` for the HTTP side): potensi assessments entered or imported by HR, the
//! 9-box grid, promotion candidates, placement for a vacant position, and angka kredit of
//! functional positions.
//!
//! Definitions (our choices, documented in the API):
//! - the annual result of year Y is the employee's final evaluation in the PUBLISHED
//!   Triwulan IV period of Y (or, failing that, month 12 of Y);
//! - kinerja for the 9-box is that evaluation's `rating_hasil_kerja` (the three rating
//!   levels); potensi is the latest assessment by `assessed_on`;
//! - angka kredit per period = percentage(predikat) × coefficient(jenjang of the jabatan
//!   snapshot of the evaluation) × months ÷ 12 (quarter 3, month 1); a year sums the
//!   published periods of one kind (quarterly preferred).
//!
//! Invariants: grids, candidates and angka kredit lists are visible to admin/HR/auditor and
//! to the unit's leaders (`policy::career::authorised_units`); potensi is written by
//! admin/HR only; history is kept.

mod angka_kredit;
mod candidates;
mod grid;
mod potensi;

pub use angka_kredit::{employee_angka_kredit, unit_angka_kredit, unit_angka_kredit_csv};
pub use candidates::{promotion_candidates, promotion_candidates_csv};
pub use grid::{employee_talent, placement, talent_grid};
pub use potensi::{add_potensi, import_potensi, list_potensi};

use entity::{evaluation, period};
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use uuid::Uuid;

use crate::app::career::valid_year;
use crate::domain::ninebox::{self, Potensi};
use crate::domain::predikat::{Predikat, Rating};
use crate::error::ApiResult;
use crate::store;

/// One employee's place: the annual result, potensi and box (when both are known).
#[derive(Clone, Debug, Default)]
struct Place {
    kinerja: Option<Rating>,
    predikat: Option<Predikat>,
    potensi: Option<Potensi>,
    box_: Option<u8>,
}

/// The annual period of a year among the published periods (Triwulan IV, else month 12).
fn annual_period(published: &[period::Model], year: i32) -> Option<&period::Model> {
    let of_year: Vec<&period::Model> = published.iter().filter(|p| p.year == year).collect();
    ninebox::annual_period_index(of_year.iter().map(|p| (p.kind.as_str(), p.number)))
        .and_then(|i| of_year.get(i).copied())
}

/// Years with a published annual period, newest first.
fn annual_years(published: &[period::Model]) -> Vec<i32> {
    let mut years: Vec<i32> = published
        .iter()
        .filter(|p| ninebox::is_annual_period(&p.kind, p.number))
        .map(|p| p.year)
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The annual evaluations of `year` (Triwulan IV, else month 12) of the given employees.
async fn annual_results<C: ConnectionTrait>(
    conn: &C,
    published: &[period::Model],
    year: i32,
    ids: &[Uuid],
) -> ApiResult<HashMap<Uuid, evaluation::Model>> {
    let Some(per) = annual_period(published, year) else {
        return Ok(HashMap::new());
    };
    Ok(store::talent::list_final_evaluations(conn, &[per.id], ids)
        .await?
        .into_iter()
        .map(|e| (e.employee_id, e))
        .collect())
}

async fn places<C: ConnectionTrait>(
    conn: &C,
    published: &[period::Model],
    year: i32,
    ids: &[Uuid],
) -> ApiResult<HashMap<Uuid, Place>> {
    let annual = annual_results(conn, published, year, ids).await?;
    let pot = store::talent::list_latest_potensi(conn, ids).await?;
    Ok(ids
        .iter()
        .map(|id| {
            let e = annual.get(id);
            let kinerja = e.and_then(|e| Rating::parse(&e.rating_hasil_kerja));
            let potensi = pot.get(id).and_then(|p| Potensi::parse(&p.level));
            let box_ = match (kinerja, potensi) {
                (Some(k), Some(p)) => Some(ninebox::box_of(k, p)),
                _ => None,
            };
            (
                *id,
                Place {
                    kinerja,
                    predikat: e.and_then(|e| Predikat::parse(&e.predikat)),
                    potensi,
                    box_,
                },
            )
        })
        .collect())
}

/// The year of the grid: the requested one, else the latest year with a published annual
/// period, else the current year.
fn grid_year(published: &[period::Model], requested: Option<i32>, now_year: i32) -> ApiResult<i32> {
    match requested {
        Some(_) => valid_year(requested, now_year),
        None => Ok(annual_years(published).first().copied().unwrap_or(now_year)),
    }
}
