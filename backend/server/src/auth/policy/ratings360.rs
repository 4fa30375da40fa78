//! Permissions — 360 rounds: who organises, who may assign or nominate peers, who decides
//! on a nomination, who reads a ratee's peers, assignments and aggregate, and whose form
//! a 360 row is.
//!
//! An individual anonymous response is never readable by anyone but its rater.

use sea_orm::ConnectionTrait;

use super::{is_direct_supervisor, is_self, is_self_or_superior, is_superior};
use crate::auth::Principal;
use crate::domain::master::Role;
use crate::error::ApiResult;

/// May organise 360 rounds: generate assignments, assign peers and decide on nominations
/// for anyone (admin, HR).
pub fn can_organise_360(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr)
}

/// May read any ratee's 360 aggregates, a round's progress and rater quality (admin, HR,
/// auditor). Never individual anonymous responses.
pub fn can_read_all_360(p: &Principal) -> bool {
    can_organise_360(p) || p.has_role(Role::Auditor)
}

/// How the caller may add peers for a ratee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerRole {
    /// The ratee themself: nominations wait for a decision.
    Nominate,
    /// The ratee's direct supervisor, admin or HR: assignments (approving nominations).
    Assign,
}

/// Whether and how the caller may add peers for `ratee`.
pub fn peer_role(p: &Principal, ratee: &entity::employee::Model) -> Option<PeerRole> {
    if is_self(p, ratee.id) {
        Some(PeerRole::Nominate)
    } else if may_decide_peers(p, ratee) {
        Some(PeerRole::Assign)
    } else {
        None
    }
}

/// May approve or reject the ratee's peers: their direct supervisor, admin or HR.
pub fn may_decide_peers(p: &Principal, ratee: &entity::employee::Model) -> bool {
    is_direct_supervisor(p, ratee) || can_organise_360(p)
}

/// Reads a ratee's 360 assignments as an organiser: admin/HR/auditor and the supervisor
/// chain (not the ratee).
pub async fn organises_ratee<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    ratee: &entity::employee::Model,
) -> ApiResult<bool> {
    Ok(can_read_all_360(p) || is_superior(conn, p, ratee).await?)
}

/// May read a ratee's 360 aggregate: the ratee, their supervisor chain, admin/HR/auditor.
pub async fn can_read_summary<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    ratee: &entity::employee::Model,
) -> ApiResult<bool> {
    Ok(can_read_all_360(p) || is_self_or_superior(conn, p, ratee).await?)
}

/// Whether a 360 row is the caller's own form (its rater); for anyone else it does not
/// exist.
pub fn is_rater(p: &Principal, row: &entity::rating_360::Model) -> bool {
    is_self(p, row.rater_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::PrincipalKind;
    use uuid::Uuid;

    fn person(employee: Option<Uuid>, roles: &[&str]) -> Principal {
        Principal {
            kind: PrincipalKind::User {
                user_id: Uuid::now_v7(),
            },
            employee_id: employee,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            scopes: vec![],
        }
    }

    #[test]
    fn admin_and_hr_organise_the_auditor_only_reads() {
        assert!(can_organise_360(&person(None, &["admin"])));
        assert!(can_organise_360(&person(None, &["hr"])));
        assert!(!can_organise_360(&person(None, &["auditor"])));
        assert!(can_read_all_360(&person(None, &["auditor"])));
        assert!(!can_read_all_360(&person(None, &["employee"])));
    }

    #[test]
    fn an_api_key_neither_organises_nor_reads_360() {
        let key = Principal {
            kind: PrincipalKind::ApiKey {
                key_id: Uuid::now_v7(),
                name: "simpeg".into(),
            },
            employee_id: None,
            roles: vec![],
            scopes: vec!["master:write".into(), "results:read".into()],
        };
        assert!(!can_read_all_360(&key));
    }
}
