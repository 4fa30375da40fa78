//! Permissions — citizen feedback and IKM: who manages targets, tickets and moderation,
//! who reads a unit's IKM and an employee's citizen feedback, who replies to a comment.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::is_self_or_superior;
use crate::auth::Principal;
use crate::domain::master::Role;
use crate::error::ApiResult;

/// Manages feedback targets, tickets and the moderation queue (admin, HR).
pub fn can_manage_feedback(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr)
}

/// Reads feedback targets, tickets and submissions: the managers and the auditor.
pub fn can_read_feedback(p: &Principal) -> bool {
    can_manage_feedback(p) || p.has_role(Role::Auditor)
}

/// Reads every unit's IKM and every employee's citizen feedback, hidden comments
/// included (admin, HR, auditor).
pub fn reads_all_citizen_feedback(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr) || p.has_role(Role::Auditor)
}

/// May see a unit's IKM: admin, HR, auditor, and the unit's leaders (`unit_leadership`).
pub async fn can_read_unit_ikm<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    if reads_all_citizen_feedback(p) {
        return Ok(true);
    }
    super::unit_leadership::leads(conn, p, unit, &[unit.id]).await
}

/// May see an employee's citizen index and the comments about them: the employee, their
/// supervisors (at any level), admin, HR and the auditor.
pub async fn can_read_citizen_feedback<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    target: &entity::employee::Model,
) -> ApiResult<bool> {
    if reads_all_citizen_feedback(p) {
        return Ok(true);
    }
    is_self_or_superior(conn, p, target).await
}

/// May reply to a submission: only the employee it is about (never about a unit).
pub fn can_reply_to(p: &Principal, about_employee: Option<Uuid>) -> bool {
    about_employee.is_some() && about_employee == p.employee_id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::PrincipalKind;

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
    fn admin_and_hr_manage_feedback_and_the_auditor_only_reads_it() {
        for role in ["admin", "hr"] {
            assert!(can_manage_feedback(&person(None, &[role])));
            assert!(can_read_feedback(&person(None, &[role])));
        }
        let auditor = person(None, &["auditor"]);
        assert!(!can_manage_feedback(&auditor));
        assert!(can_read_feedback(&auditor));
        let employee = person(Some(Uuid::now_v7()), &["employee"]);
        assert!(!can_read_feedback(&employee));
        assert!(!reads_all_citizen_feedback(&employee));
        assert!(reads_all_citizen_feedback(&auditor));
    }

    #[test]
    fn only_the_employee_a_comment_is_about_replies_to_it() {
        let me = Uuid::now_v7();
        assert!(can_reply_to(&person(Some(me), &["employee"]), Some(me)));
        assert!(!can_reply_to(
            &person(Some(Uuid::now_v7()), &["employee"]),
            Some(me)
        ));
        assert!(!can_reply_to(&person(None, &["hr"]), None));
        assert!(!can_reply_to(&person(Some(me), &["hr"]), None));
    }
}
