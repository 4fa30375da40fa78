//! Talent management (DOMAIN.md §7 "Career", "Angka kredit"): potensi assessments entered
//! or imported by HR, the 9-box grid, promotion candidates, placement for a vacant
//! position, and angka kredit of functional positions. The use cases and their definitions
//! (annual result, kinerja, angka kredit per period) are in `app::talent`.
//!
//! Invariants: grids, candidates and angka kredit lists are visible to admin/HR/auditor and
//! to the unit's leaders (`auth::policy::unit_leadership`: its head, the heads above, never
//! someone whose superior is in the tree); an ordinary employee gets 403. Potensi is written by admin/HR only; history is kept.

mod angka_kredit;
mod grid;
mod potensi;

use utoipa_actix_web::service_config::ServiceConfig;

pub use angka_kredit::{employee_angka_kredit, unit_angka_kredit, unit_angka_kredit_csv};
pub use grid::{
    employee_talent, placement, promotion_candidates, promotion_candidates_csv, talent_grid,
};
pub use potensi::{add_potensi, import_potensi, list_potensi};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_potensi)
        .service(add_potensi)
        .service(import_potensi)
        .service(employee_talent)
        .service(talent_grid)
        .service(promotion_candidates)
        .service(promotion_candidates_csv)
        .service(placement)
        .service(employee_angka_kredit)
        .service(unit_angka_kredit)
        .service(unit_angka_kredit_csv);
}
