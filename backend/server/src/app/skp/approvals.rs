//! The supervisor's approval inbox: their direct subordinates and their plan of the year.

use chrono::{Datelike, Utc};
use std::collections::HashMap;
use uuid::Uuid;

use super::check_year;
use crate::auth::Principal;
use crate::domain::skp::SkpStatus;
use crate::dto::skp::{ApprovalItem, ApprovalList, ApprovalSkp, PersonRef, status_of};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// The caller's direct subordinates with their plan of `year` (default: this year),
/// optionally only those whose plan has `status` (`none`: no plan yet).
pub async fn list_approvals(
    state: &AppState,
    p: &Principal,
    year: Option<i32>,
    status: Option<&str>,
) -> ApiResult<ApprovalList> {
    let year = match year {
        Some(y) => y,
        None => Utc::now()
            .with_timezone(&state.settings.local_offset())
            .year(),
    };
    check_year(year, "year")?;
    // `None` = no filter; `Some(None)` = subordinates without a plan.
    let filter: Option<Option<SkpStatus>> = match status.map(str::trim) {
        None | Some("") => None,
        Some("none") => Some(None),
        Some(s) => Some(Some(SkpStatus::parse(s).ok_or_else(|| {
            ApiError::field(
                "status",
                "Status harus draft, submitted, approved, returned atau none",
            )
        })?)),
    };
    let Some(me) = p.employee_id else {
        return Ok(ApprovalList {
            year,
            items: Vec::new(),
        });
    };
    let db = &state.db.read;
    let subs = store::skp::list_direct_subordinates(db, me).await?;
    let plans =
        store::skp::list_for_employees(db, subs.iter().map(|e| e.id).collect(), year).await?;
    let mut counts: HashMap<Uuid, u64> = HashMap::new();
    for r in store::skp::list_rhks_of_plans(db, plans.values().map(|s| s.id).collect()).await? {
        *counts.entry(r.skp_id).or_default() += 1;
    }
    let items = subs
        .iter()
        .filter_map(|e| {
            let plan = plans.get(&e.id);
            let status = plan.map(status_of);
            if let Some(wanted) = filter
                && wanted != status
            {
                return None;
            }
            let who = PersonRef::from(e);
            Some(ApprovalItem {
                nip: who.nip,
                name: who.name,
                jabatan: who.jabatan,
                skp: plan.map(|s| ApprovalSkp {
                    id: s.id,
                    status: status_of(s),
                    submitted_at: s.submitted_at,
                    decided_at: s.decided_at,
                    rhk_count: counts.get(&s.id).copied().unwrap_or(0),
                }),
            })
        })
        .collect();
    Ok(ApprovalList { year, items })
}
