//! Every permission decision of the API, in one place, so a handler reads
//! "load → authorise → decide → write" and no check is forgotten or duplicated.
//!
//! Rules (DESIGN.md): an employee reads their own data; a supervisor their subordinates'
//! (direct and indirect); HR and admin manage master data; the auditor reads everything;
//! API keys act within their scopes.

pub mod career;
pub mod cycle;
pub mod documents;
pub mod feedback;
pub mod master;
pub mod plans;
pub mod ratings360;
pub mod unit_leadership;

pub use unit_leadership::unit_leadership;

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::Principal;
use crate::domain::master::{ApiScope, Role};
use crate::error::{ApiError, ApiResult};
use crate::store;

/// May change units and employees (HR system, admin, HR).
pub fn can_write_master(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr) || p.has_scope(ApiScope::MasterWrite)
}

/// May read all master data.
pub fn can_read_all_master(p: &Principal) -> bool {
    can_write_master(p) || p.has_role(Role::Auditor) || p.has_scope(ApiScope::MasterRead)
}

pub fn require(allowed: bool) -> ApiResult<()> {
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

pub fn require_write_master(p: &Principal) -> ApiResult<()> {
    require(can_write_master(p))
}

pub fn require_admin(p: &Principal) -> ApiResult<()> {
    require(p.has_role(Role::Admin))
}

/// Whether `p` is `target` or one of `target`'s supervisors (at any level).
pub async fn is_self_or_superior<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    target: &entity::employee::Model,
) -> ApiResult<bool> {
    let Some(me) = p.employee_id else {
        return Ok(false);
    };
    if me == target.id {
        return Ok(true);
    }
    let chain = store::employees::supervisor_chain(conn, target.supervisor_id).await?;
    Ok(chain.iter().any(|e| e.id == me))
}

/// May read one employee's record.
pub async fn can_read_employee<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    target: &entity::employee::Model,
) -> ApiResult<bool> {
    if can_read_all_master(p) {
        return Ok(true);
    }
    is_self_or_superior(conn, p, target).await
}

/// The employees a caller may list: `None` means all, otherwise the caller and everyone
/// below them in the hierarchy.
pub async fn visible_employee_ids<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
) -> ApiResult<Option<Vec<Uuid>>> {
    if can_read_all_master(p) {
        return Ok(None);
    }
    let Some(me) = p.employee_id else {
        return Ok(Some(Vec::new()));
    };
    let mut ids = store::employees::subtree_ids(conn, me).await?;
    ids.push(me);
    Ok(Some(ids))
}

// ---- SKP, realisasi, bukti dukung, feedback notes, coaching (helper "skp") ----

/// Staff roles that read every employee's performance records (SKP, realisasi, evidence,
/// feedback notes, coaching): admin, HR and the auditor. API keys do not.
pub fn reads_all_performance(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr) || p.has_role(Role::Auditor)
}

/// May read an employee's SKP, realisasi, bukti dukung, feedback notes and coaching
/// records: the employee, anyone above them in the chain, admin/HR/auditor.
pub async fn can_read_performance<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    target: &entity::employee::Model,
) -> ApiResult<bool> {
    if reads_all_performance(p) {
        return Ok(true);
    }
    is_self_or_superior(conn, p, target).await
}

/// Whether `p` is above `target` in the supervisor chain (at any level; not `target`).
pub async fn is_superior<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    target: &entity::employee::Model,
) -> ApiResult<bool> {
    if p.employee_id.is_none() || p.employee_id == Some(target.id) {
        return Ok(false);
    }
    is_self_or_superior(conn, p, target).await
}

/// Whether `p` is `target`'s direct supervisor (atasan langsung / pejabat penilai).
pub fn is_direct_supervisor(p: &Principal, target: &entity::employee::Model) -> bool {
    p.employee_id.is_some() && target.supervisor_id == p.employee_id
}

/// Whether `p` has an own notification list and preferences: signed-in accounts only (an
/// API key has none).
pub fn has_inbox(p: &Principal) -> bool {
    p.user_id().is_some()
}

/// Whether `p` is the employee `employee_id` themself.
pub fn is_self(p: &Principal, employee_id: Uuid) -> bool {
    p.employee_id == Some(employee_id)
}

// ---- end of "skp" block ----

// ---- 360-degree ratings: see `ratings360.rs` ----

// ---- Career area: development, training catalogue, talent (helper "career") ----

// Unit leadership (who leads a unit tree): `unit_leadership.rs`.

// ---- end of career area ----

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::PrincipalKind;

    fn user(roles: &[&str]) -> Principal {
        Principal {
            kind: PrincipalKind::User {
                user_id: Uuid::now_v7(),
            },
            employee_id: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            scopes: vec![],
        }
    }

    #[test]
    fn only_admin_hr_and_write_scoped_keys_write_master_data() {
        assert!(can_write_master(&user(&["admin"])));
        assert!(can_write_master(&user(&["hr", "employee"])));
        assert!(!can_write_master(&user(&["auditor"])));
        assert!(!can_write_master(&user(&["employee"])));
        let key = Principal {
            kind: PrincipalKind::ApiKey {
                key_id: Uuid::now_v7(),
                name: "simpeg".into(),
            },
            employee_id: None,
            roles: vec![],
            scopes: vec!["master:read".into()],
        };
        assert!(!can_write_master(&key));
        assert!(can_read_all_master(&key));
    }

    #[test]
    fn the_auditor_reads_everything_but_writes_nothing() {
        assert!(can_read_all_master(&user(&["auditor"])));
        assert!(!can_read_all_master(&user(&["employee"])));
    }
}
