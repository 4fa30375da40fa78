//! Permissions — Career development and talent: who manages the catalogue and potensi, who
//! reads talent data, and which unit trees a caller may see talent data of.
//!
//! Reading one employee's development plans, recommendations, training hours, potensi,
//! 9-box place and angka kredit follows `can_read_performance` (the employee, their
//! supervisor chain, admin/HR/auditor); writing a plan is the direct supervisor's
//! (`is_direct_supervisor`), recording progress and certificates the employee's (`is_self`).

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::require;
use super::unit_leadership::leads;
use crate::auth::Principal;
use crate::domain::master::Role;
use crate::error::{ApiError, ApiResult};
use crate::store;

/// May manage the training catalogue and potensi assessments (admin, HR).
pub fn can_manage_career(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr)
}

/// Reads every unit's talent data (9-box, candidates, angka kredit): admin, HR, auditor.
pub fn reads_all_talent(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr) || p.has_role(Role::Auditor)
}

/// The units a caller may see talent data (and unit training hours) of: `None` = every
/// unit (admin/HR/auditor without a filter); otherwise the unit tree named by `unit_code`,
/// for staff or the tree's leaders (`unit_leadership`). Leaders must name their unit; an unknown unit is a 404.
pub async fn authorised_units<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit_code: Option<&str>,
) -> ApiResult<Option<Vec<Uuid>>> {
    let code = unit_code.map(str::trim).filter(|c| !c.is_empty());
    let Some(code) = code else {
        require(reads_all_talent(p))?;
        return Ok(None);
    };
    let unit = store::units::find_by_code(conn, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    let tree = store::talent::list_unit_subtree(conn, unit.id).await?;
    if !reads_all_talent(p) {
        require(leads(conn, p, &unit, &tree).await?)?;
    }
    Ok(Some(tree))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::PrincipalKind;

    fn user(roles: &[&str]) -> Principal {
        Principal {
            kind: PrincipalKind::User {
                user_id: Uuid::now_v7(),
            },
            employee_id: Some(Uuid::now_v7()),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            scopes: vec![],
        }
    }

    #[test]
    fn only_admin_and_hr_manage_the_catalogue_and_potensi() {
        assert!(can_manage_career(&user(&["admin"])));
        assert!(can_manage_career(&user(&["hr"])));
        assert!(!can_manage_career(&user(&["auditor"])));
        assert!(!can_manage_career(&user(&["employee"])));
    }

    #[test]
    fn staff_and_the_auditor_read_all_talent_data_employees_do_not() {
        assert!(reads_all_talent(&user(&["admin"])));
        assert!(reads_all_talent(&user(&["hr"])));
        assert!(reads_all_talent(&user(&["auditor"])));
        assert!(!reads_all_talent(&user(&["employee"])));
    }
}
