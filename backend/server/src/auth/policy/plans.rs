//! Permissions — SKP, realisasi, evidence, continuous feedback and coaching: who writes, approves and reads.
//!
//! One home per rule: the employee edits their own plan (while draft or returned, the
//! status half being `SkpStatus::is_editable`) and records their own realisasi and
//! evidence; only the direct supervisor approves or returns a plan and sets expectations;
//! anyone above the employee in the supervisor chain gives continuous feedback and
//! coaching; the coached employee rates a coaching; the employee, their chain and
//! admin/HR/auditor read all of it.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::auth::Principal;
use crate::domain::skp::SkpStatus;
use crate::error::ApiResult;

/// May read an employee's plans, realisasi, evidence, feedback notes and coaching records:
/// the employee, anyone above them in the chain, admin/HR/auditor.
pub async fn can_read_plans<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    employee: &entity::employee::Model,
) -> ApiResult<bool> {
    super::can_read_performance(conn, p, employee).await
}

/// Owns the employee's plan: writes, copies and submits it (the employee themself only).
pub fn owns_plan(p: &Principal, employee_id: Uuid) -> bool {
    super::is_self(p, employee_id)
}

/// May edit the plan now: its owner, while it is a draft or returned.
pub fn can_edit_plan(p: &Principal, employee_id: Uuid, status: SkpStatus) -> bool {
    owns_plan(p, employee_id) && status.is_editable()
}

/// Approves or returns the employee's plan and sets its expectations: only the direct
/// supervisor (atasan langsung / pejabat penilai).
pub fn decides_plan(p: &Principal, employee: &entity::employee::Model) -> bool {
    super::is_direct_supervisor(p, employee)
}

/// May decide the plan now: the direct supervisor, while it is submitted.
pub fn can_decide_plan(
    p: &Principal,
    employee: &entity::employee::Model,
    status: SkpStatus,
) -> bool {
    decides_plan(p, employee) && status == SkpStatus::Submitted
}

/// Records realisasi of an indicator and adds or removes its evidence: the owner of the
/// indicator's plan only (when is `domain::skp::realisasi_allowed`'s question).
pub fn records_realisasi(p: &Principal, employee_id: Uuid) -> bool {
    super::is_self(p, employee_id)
}

/// Gives continuous feedback and records coaching: someone above the employee in the
/// supervisor chain (never the employee themself).
pub async fn gives_feedback<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    employee: &entity::employee::Model,
) -> ApiResult<bool> {
    super::is_superior(conn, p, employee).await
}

/// Rates a coaching session (B.1.8): the coached employee only.
pub fn rates_coaching(p: &Principal, coached_employee_id: Uuid) -> bool {
    super::is_self(p, coached_employee_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::PrincipalKind;
    use chrono::Utc;

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

    fn employee(id: Uuid, supervisor: Option<Uuid>) -> entity::employee::Model {
        let now = Utc::now();
        entity::employee::Model {
            id,
            nip: "199001012015011001".into(),
            name: "Siti".into(),
            gelar_depan: None,
            gelar_belakang: None,
            status: "PNS".into(),
            golongan: "III/a".into(),
            jabatan: "Analis".into(),
            jenis_jabatan: "pelaksana".into(),
            unit_id: Uuid::now_v7(),
            supervisor_id: supervisor,
            email: None,
            active: true,
            pns_id: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn only_the_direct_supervisor_decides_and_only_a_submitted_plan() {
        let (me, boss, big_boss) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let e = employee(me, Some(boss));
        let supervisor = person(Some(boss), &["employee"]);
        assert!(decides_plan(&supervisor, &e));
        assert!(can_decide_plan(&supervisor, &e, SkpStatus::Submitted));
        assert!(!can_decide_plan(&supervisor, &e, SkpStatus::Draft));
        assert!(!decides_plan(&person(Some(big_boss), &["employee"]), &e));
        assert!(!decides_plan(&person(Some(me), &["employee"]), &e));
        assert!(!decides_plan(&person(None, &["admin", "hr"]), &e));
        assert!(!decides_plan(
            &person(None, &["employee"]),
            &employee(me, None)
        ));
    }

    #[test]
    fn only_the_employee_edits_and_only_while_draft_or_returned() {
        let me = Uuid::now_v7();
        let p = person(Some(me), &["employee"]);
        assert!(can_edit_plan(&p, me, SkpStatus::Draft));
        assert!(can_edit_plan(&p, me, SkpStatus::Returned));
        assert!(!can_edit_plan(&p, me, SkpStatus::Submitted));
        assert!(!can_edit_plan(&p, me, SkpStatus::Approved));
        assert!(!can_edit_plan(
            &person(Some(Uuid::now_v7()), &["admin"]),
            me,
            SkpStatus::Draft
        ));
        assert!(!can_edit_plan(&person(None, &["hr"]), me, SkpStatus::Draft));
    }

    #[test]
    fn realisasi_and_coaching_ratings_belong_to_the_employee_alone() {
        let me = Uuid::now_v7();
        assert!(records_realisasi(&person(Some(me), &["employee"]), me));
        assert!(!records_realisasi(
            &person(Some(Uuid::now_v7()), &["hr"]),
            me
        ));
        assert!(rates_coaching(&person(Some(me), &["employee"]), me));
        assert!(!rates_coaching(&person(None, &["admin"]), me));
    }
}
