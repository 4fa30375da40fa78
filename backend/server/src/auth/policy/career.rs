//! Permissions — Career development and talent: who manages the catalogue and potensi, who
//! reads talent data, and which unit trees a caller may see talent data of.
//!
//! Reading one employee's development plans, recommendations, training hours, potensi,
//! 9-box place and angka kredit follows `can_read_performance` (the employee, their
//! supervisor chain, admin/HR/auditor); writing a plan is the direct supervisor's
//! (`is_direct_supervisor`), recording progress and certificates the employee's (`is_self`).

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::unit_leadership::leads;
use super::{Access, MANAGING_STAFF, READING_STAFF, require, staff_or_key};
use crate::auth::Principal;
use crate::domain::master::ApiScope;
use crate::error::{ApiError, ApiResult};
use crate::store;

/// May manage the training catalogue and potensi assessments (admin, HR, keys with
/// `talent:write`).
pub fn can_manage_career(p: &Principal) -> Access {
    staff_or_key(p, MANAGING_STAFF, ApiScope::TalentWrite)
}

/// Reads every unit's talent data (9-box, candidates, angka kredit, training hours): admin,
/// HR, auditor, keys with `talent:read`.
pub fn reads_all_talent(p: &Principal) -> Access {
    staff_or_key(p, READING_STAFF, ApiScope::TalentRead)
}

/// May read one employee's talent data (potensi, 9-box place, angka kredit, training
/// hours): the employee, their supervisor chain, admin/HR/auditor and keys with
/// `talent:read`.
pub async fn can_read_employee_talent<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    employee: &entity::employee::Model,
) -> ApiResult<bool> {
    if reads_all_talent(p).settle()? {
        return Ok(true);
    }
    super::is_self_or_superior(conn, p, employee).await
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
    // A key without the scope learns that before whether the unit exists.
    let staff = reads_all_talent(p).settle()?;
    let Some(code) = code else {
        require(staff)?;
        return Ok(None);
    };
    let unit = store::units::find_by_code(conn, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    let tree = store::talent::list_unit_subtree(conn, unit.id).await?;
    if !staff {
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
        assert!(can_manage_career(&user(&["admin"])).granted());
        assert!(can_manage_career(&user(&["hr"])).granted());
        assert!(!can_manage_career(&user(&["auditor"])).granted());
        assert!(!can_manage_career(&user(&["employee"])).granted());
    }

    #[test]
    fn staff_and_the_auditor_read_all_talent_data_employees_do_not() {
        assert!(reads_all_talent(&user(&["admin"])).granted());
        assert!(reads_all_talent(&user(&["hr"])).granted());
        assert!(reads_all_talent(&user(&["auditor"])).granted());
        assert!(!reads_all_talent(&user(&["employee"])).granted());
    }
}
