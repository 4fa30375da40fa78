//! Permissions — citizen feedback and IKM: who manages targets, tickets and moderation,
//! who reads a unit's IKM and an employee's citizen feedback, who replies to a comment.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{Access, MANAGING_STAFF, READING_STAFF, is_self_or_superior, staff_or_key};
use crate::auth::Principal;
use crate::domain::master::ApiScope;
use crate::error::ApiResult;

/// Manages feedback targets, tickets and the moderation queue (admin, HR, keys with
/// `feedback:write`).
pub fn can_manage_feedback(p: &Principal) -> Access {
    staff_or_key(p, MANAGING_STAFF, ApiScope::FeedbackWrite)
}

/// Reads feedback targets, tickets and submissions: the managers, the auditor and keys
/// with `feedback:read` (or `feedback:write`).
pub fn can_read_feedback(p: &Principal) -> Access {
    if p.has_scope(ApiScope::FeedbackWrite) {
        return Access::Granted;
    }
    staff_or_key(p, READING_STAFF, ApiScope::FeedbackRead)
}

/// Reads every unit's IKM and every employee's citizen feedback, hidden comments
/// included (admin, HR, auditor, keys with `feedback:read`).
pub fn reads_all_citizen_feedback(p: &Principal) -> Access {
    can_read_feedback(p)
}

/// May see a unit's IKM: admin, HR, auditor, and the unit's leaders (`unit_leadership`).
pub async fn can_read_unit_ikm<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    if reads_all_citizen_feedback(p).settle()? {
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
    if reads_all_citizen_feedback(p).settle()? {
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
            assert!(can_manage_feedback(&person(None, &[role])).granted());
            assert!(can_read_feedback(&person(None, &[role])).granted());
        }
        let auditor = person(None, &["auditor"]);
        assert!(!can_manage_feedback(&auditor).granted());
        assert!(can_read_feedback(&auditor).granted());
        let employee = person(Some(Uuid::now_v7()), &["employee"]);
        assert!(!can_read_feedback(&employee).granted());
        assert!(!reads_all_citizen_feedback(&employee).granted());
        assert!(reads_all_citizen_feedback(&auditor).granted());
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
