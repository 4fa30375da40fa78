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

/// The answer to a permission that staff roles hold and an API key holds with a scope
/// (ADR 0019). A key without the scope is told which scope it lacks (`scope_missing`);
/// a person without the role gets `forbidden`.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Granted,
    Denied,
    ScopeMissing(ApiScope),
}

impl Access {
    /// Whether the caller may.
    pub fn granted(self) -> bool {
        self == Access::Granted
    }

    /// `Ok(true)` when granted, `Ok(false)` when denied (the caller may still be allowed
    /// per object, e.g. as a supervisor), and the `scope_missing` error for a key without
    /// the scope: a key has no place in the hierarchy, so nothing else can allow it.
    pub fn settle(self) -> ApiResult<bool> {
        match self {
            Access::Granted => Ok(true),
            Access::Denied => Ok(false),
            Access::ScopeMissing(scope) => Err(ApiError::ScopeMissing(scope)),
        }
    }
}

impl From<bool> for Access {
    fn from(allowed: bool) -> Self {
        if allowed {
            Access::Granted
        } else {
            Access::Denied
        }
    }
}

/// Staff holding one of `roles`, or an API key holding `scope`.
pub fn staff_or_key(p: &Principal, roles: &[Role], scope: ApiScope) -> Access {
    if roles.iter().any(|r| p.has_role(*r)) || p.has_scope(scope) {
        Access::Granted
    } else if p.is_api_key() {
        Access::ScopeMissing(scope)
    } else {
        Access::Denied
    }
}

/// Admin, HR and the auditor: the staff who read across the organisation.
pub const READING_STAFF: &[Role] = &[Role::Admin, Role::Hr, Role::Auditor];
/// Admin and HR: the staff who run the cycle.
pub const MANAGING_STAFF: &[Role] = &[Role::Admin, Role::Hr];

/// May change units and employees (HR system, admin, HR).
pub fn can_write_master(p: &Principal) -> Access {
    staff_or_key(p, MANAGING_STAFF, ApiScope::MasterWrite)
}

/// May read all master data (a key with `master:write` reads too).
pub fn can_read_all_master(p: &Principal) -> Access {
    if p.has_scope(ApiScope::MasterWrite) {
        return Access::Granted;
    }
    staff_or_key(p, READING_STAFF, ApiScope::MasterRead)
}

/// Ok when granted; 403 `forbidden`, or `scope_missing` naming the scope a key lacks.
pub fn require(access: impl Into<Access>) -> ApiResult<()> {
    match access.into() {
        Access::Granted => Ok(()),
        Access::Denied => Err(ApiError::Forbidden),
        Access::ScopeMissing(scope) => Err(ApiError::ScopeMissing(scope)),
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
    if can_read_all_master(p).settle()? {
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
    if can_read_all_master(p).settle()? {
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

/// Reads every employee's performance records (SKP, realisasi, evidence, feedback notes,
/// coaching, potensi, angka kredit): admin, HR, the auditor and keys with `cycle:read`.
pub fn reads_all_performance(p: &Principal) -> Access {
    staff_or_key(p, READING_STAFF, ApiScope::CycleRead)
}

/// May read an employee's SKP, realisasi, bukti dukung, feedback notes and coaching
/// records: the employee, anyone above them in the chain, admin/HR/auditor.
pub async fn can_read_performance<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    target: &entity::employee::Model,
) -> ApiResult<bool> {
    if reads_all_performance(p).settle()? {
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
        assert!(can_write_master(&user(&["admin"])).granted());
        assert!(can_write_master(&user(&["hr", "employee"])).granted());
        assert_eq!(can_write_master(&user(&["auditor"])), Access::Denied);
        assert_eq!(can_write_master(&user(&["employee"])), Access::Denied);
        let key = Principal {
            kind: PrincipalKind::ApiKey {
                key_id: Uuid::now_v7(),
                name: "simpeg".into(),
            },
            employee_id: None,
            roles: vec![],
            scopes: vec!["master:read".into()],
        };
        assert_eq!(
            can_write_master(&key),
            Access::ScopeMissing(ApiScope::MasterWrite)
        );
        assert!(can_read_all_master(&key).granted());
        assert_eq!(
            reads_all_performance(&key),
            Access::ScopeMissing(ApiScope::CycleRead)
        );
        assert!(matches!(
            require(reads_all_performance(&key)),
            Err(ApiError::ScopeMissing(ApiScope::CycleRead))
        ));
        assert!(matches!(
            require(reads_all_performance(&user(&["employee"]))),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn the_auditor_reads_everything_but_writes_nothing() {
        assert!(can_read_all_master(&user(&["auditor"])).granted());
        assert!(!can_read_all_master(&user(&["employee"])).granted());
    }
}
