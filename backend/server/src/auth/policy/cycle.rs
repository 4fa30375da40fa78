//! Permissions — Periods, evaluations, org results, appeals and exports: who manages, rates, decides and reads.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::unit_leadership::unit_leadership;
use super::{Access, MANAGING_STAFF, READING_STAFF, staff_or_key};
use crate::auth::Principal;
use crate::domain::appeal::{AppealStatus, StatementSide};
use crate::domain::master::{ApiScope, Role};
use crate::error::ApiResult;

/// May create periods, change their settings and move them through their states (admin,
/// HR, keys with `periods:write`).
pub fn can_manage_periods(p: &Principal) -> Access {
    staff_or_key(p, MANAGING_STAFF, ApiScope::PeriodsWrite)
}

/// Who rates: only the pejabat penilai, the employee's direct supervisor in the hierarchy.
/// Returns the penilai's employee id.
pub fn rater_of(p: &Principal, target: &entity::employee::Model) -> Option<Uuid> {
    p.employee_id.filter(|me| target.supervisor_id == Some(*me))
}

/// May record and remove exemptions from a period's evaluation (admin, HR, keys with
/// `periods:write`).
pub fn can_manage_exemptions(p: &Principal) -> Access {
    staff_or_key(p, MANAGING_STAFF, ApiScope::PeriodsWrite)
}

/// May list a period's exemptions (admin, HR, auditor, keys with `cycle:read`).
pub fn can_read_exemptions(p: &Principal) -> Access {
    staff_or_key(p, READING_STAFF, ApiScope::CycleRead)
}

/// May see the overview of every unit's distribution in a period (admin, HR, auditor,
/// keys with `cycle:read`).
pub fn can_list_unit_distributions(p: &Principal) -> Access {
    staff_or_key(p, READING_STAFF, ApiScope::CycleRead)
}

/// May list every appeal (admin, HR, auditor, keys with `cycle:read`).
pub fn can_list_all_appeals(p: &Principal) -> Access {
    staff_or_key(p, READING_STAFF, ApiScope::CycleRead)
}

/// Whether the caller also sees the appeals HR decides among those "to decide".
pub fn decides_for_hr(p: &Principal) -> bool {
    p.has_role(Role::Hr) || p.has_role(Role::Admin)
}

/// May file an appeal against an evaluation: the evaluated employee only.
pub fn can_file_appeal(p: &Principal, employee_id: Uuid) -> bool {
    p.employee_id == Some(employee_id)
}

/// Which statement `p` may write on an undecided appeal: `employee` or `penilai`.
pub fn statement_side(
    p: &Principal,
    appeal: &entity::appeal::Model,
    penilai_id: Uuid,
) -> Option<StatementSide> {
    if !AppealStatus::is_open(&appeal.status) {
        return None;
    }
    match p.employee_id {
        Some(me) if me == appeal.employee_id => Some(StatementSide::Employee),
        Some(me) if me == penilai_id => Some(StatementSide::Penilai),
        _ => None,
    }
}

/// May write the given statements: each party only their own (the employee the
/// employee's, the penilai the penilai's).
pub fn can_write_statements(
    p: &Principal,
    appeal: &entity::appeal::Model,
    penilai_id: Uuid,
    employee_statement: bool,
    penilai_statement: bool,
) -> bool {
    let me = p.employee_id;
    (!employee_statement || me == Some(appeal.employee_id))
        && (!penilai_statement || me == Some(penilai_id))
}

/// May read a period's results and their exports (admin, HR, auditor, keys with
/// `results:read`).
pub fn can_read_results(p: &Principal) -> Access {
    staff_or_key(p, READING_STAFF, ApiScope::ResultsRead)
}

/// May push a period's results to SIASN: admin, HR, and API keys with `siasn:push`.
pub fn can_push_siasn(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_role(Role::Hr) || p.has_scope(ApiScope::SiasnPush)
}

/// May read a period's SIASN deliveries: whoever may push or read the results.
pub fn can_read_siasn(p: &Principal) -> bool {
    can_push_siasn(p) || can_read_results(p).granted()
}

/// May set a unit's organisational result and finalise its distribution: admin, HR and
/// the leaders above the unit (the "leader one level up" of SE MenPANRB 3/2023), not its
/// head; keys with `periods:write`.
pub async fn can_set_org_result<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    if staff_or_key(p, MANAGING_STAFF, ApiScope::PeriodsWrite).settle()? {
        return Ok(true);
    }
    Ok(unit_leadership(conn, p, unit, &[unit.id]).await?
        == Some(super::unit_leadership::Leadership::Above))
}

/// May read a unit's distribution: staff, keys with `cycle:read`, and the unit's leaders
/// (`unit_leadership`).
pub async fn can_read_distribution<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    if can_list_unit_distributions(p).settle()? {
        return Ok(true);
    }
    super::unit_leadership::leads(conn, p, unit, &[unit.id]).await
}

/// Whether HR decides an appeal: the recorded decider is the penilai themself, which
/// records that the penilai had no supervisor (atasan pejabat penilai) in the system.
pub fn appeal_decided_by_hr(appeal: &entity::appeal::Model, penilai_id: uuid::Uuid) -> bool {
    appeal.decider_id == penilai_id
}

/// May decide an appeal: the atasan pejabat penilai only; HR or admin only when the penilai
/// has no supervisor. Never the penilai or the employee.
pub fn can_decide_appeal(
    p: &Principal,
    appeal: &entity::appeal::Model,
    penilai_id: uuid::Uuid,
) -> bool {
    let me = p.employee_id;
    if me == Some(appeal.employee_id) || me == Some(penilai_id) {
        return false;
    }
    if appeal_decided_by_hr(appeal, penilai_id) {
        p.has_role(Role::Hr) || p.has_role(Role::Admin)
    } else {
        me == Some(appeal.decider_id)
    }
}

/// May read an appeal: the employee, the penilai, the decider, admin, HR, the auditor and
/// keys with `cycle:read`.
pub fn can_read_appeal(
    p: &Principal,
    appeal: &entity::appeal::Model,
    penilai_id: uuid::Uuid,
) -> bool {
    let me = p.employee_id;
    can_list_all_appeals(p).granted()
        || me == Some(appeal.employee_id)
        || me == Some(penilai_id)
        || me == Some(appeal.decider_id)
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

    fn appeal(employee: Uuid, decider: Uuid) -> entity::appeal::Model {
        let now = Utc::now();
        entity::appeal::Model {
            id: Uuid::now_v7(),
            evaluation_id: Uuid::now_v7(),
            employee_id: employee,
            decider_id: decider,
            reasons: "alasan".into(),
            employee_statement: None,
            penilai_statement: None,
            status: "filed".into(),
            decision: None,
            decision_reason: None,
            old_rating_hasil_kerja: "sesuai".into(),
            old_rating_perilaku: "sesuai".into(),
            old_predikat: "baik".into(),
            new_rating_hasil_kerja: None,
            new_rating_perilaku: None,
            new_predikat: None,
            filed_at: now,
            decided_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn only_the_atasan_pejabat_penilai_decides_an_appeal() {
        let (employee, penilai, atasan) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let a = appeal(employee, atasan);
        assert!(can_decide_appeal(
            &person(Some(atasan), &["employee"]),
            &a,
            penilai
        ));
        assert!(!can_decide_appeal(
            &person(Some(penilai), &["employee"]),
            &a,
            penilai
        ));
        assert!(!can_decide_appeal(
            &person(Some(employee), &["employee"]),
            &a,
            penilai
        ));
        assert!(!can_decide_appeal(&person(None, &["hr"]), &a, penilai));
        assert!(!appeal_decided_by_hr(&a, penilai));
    }

    #[test]
    fn hr_decides_when_the_penilai_has_no_supervisor_but_never_the_penilai() {
        let (employee, penilai) = (Uuid::now_v7(), Uuid::now_v7());
        let a = appeal(employee, penilai);
        assert!(appeal_decided_by_hr(&a, penilai));
        assert!(can_decide_appeal(&person(None, &["hr"]), &a, penilai));
        assert!(can_decide_appeal(&person(None, &["admin"]), &a, penilai));
        // A penilai who also holds the HR role still may not decide their own rating.
        assert!(!can_decide_appeal(
            &person(Some(penilai), &["hr"]),
            &a,
            penilai
        ));
        assert!(!can_decide_appeal(&person(None, &["auditor"]), &a, penilai));
    }

    #[test]
    fn the_parties_and_staff_read_an_appeal_others_do_not() {
        let (employee, penilai, atasan) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let a = appeal(employee, atasan);
        for who in [employee, penilai, atasan] {
            assert!(can_read_appeal(
                &person(Some(who), &["employee"]),
                &a,
                penilai
            ));
        }
        assert!(can_read_appeal(&person(None, &["auditor"]), &a, penilai));
        assert!(!can_read_appeal(
            &person(Some(Uuid::now_v7()), &["employee"]),
            &a,
            penilai
        ));
    }

    #[test]
    fn only_the_direct_supervisor_rates() {
        let (sup, other) = (Uuid::now_v7(), Uuid::now_v7());
        let now = Utc::now();
        let target = entity::employee::Model {
            id: Uuid::now_v7(),
            nip: "199001012020011001".into(),
            name: "Pegawai".into(),
            gelar_depan: None,
            gelar_belakang: None,
            status: "PNS".into(),
            golongan: "III/a".into(),
            jabatan: "Staf".into(),
            jenis_jabatan: "pelaksana".into(),
            unit_id: Uuid::now_v7(),
            supervisor_id: Some(sup),
            email: None,
            active: true,
            pns_id: None,
            created_at: now,
            updated_at: now,
        };
        assert_eq!(
            rater_of(&person(Some(sup), &["employee"]), &target),
            Some(sup)
        );
        assert_eq!(rater_of(&person(Some(other), &["employee"]), &target), None);
        assert_eq!(rater_of(&person(None, &["hr"]), &target), None);
    }

    #[test]
    fn each_party_writes_only_their_own_statement_and_only_while_filed() {
        let (employee, penilai, atasan) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let mut a = appeal(employee, atasan);
        let emp = person(Some(employee), &["employee"]);
        let pen = person(Some(penilai), &["employee"]);
        assert!(can_write_statements(&emp, &a, penilai, true, false));
        assert!(!can_write_statements(&emp, &a, penilai, false, true));
        assert!(can_write_statements(&pen, &a, penilai, false, true));
        assert_eq!(
            statement_side(&emp, &a, penilai),
            Some(StatementSide::Employee)
        );
        assert_eq!(
            statement_side(&pen, &a, penilai),
            Some(StatementSide::Penilai)
        );
        a.status = "decided".into();
        assert_eq!(statement_side(&emp, &a, penilai), None);
    }

    #[test]
    fn periods_are_managed_by_admin_and_hr_only() {
        assert!(can_manage_periods(&person(None, &["hr"])).granted());
        assert!(can_manage_periods(&person(None, &["admin"])).granted());
        assert_eq!(
            can_manage_periods(&person(None, &["auditor"])),
            Access::Denied
        );
        assert!(can_list_unit_distributions(&person(None, &["auditor"])).granted());
        assert!(!can_list_all_appeals(&person(Some(Uuid::now_v7()), &["employee"])).granted());
    }

    #[test]
    fn results_are_read_by_staff_and_results_scoped_keys_only() {
        assert!(can_read_results(&person(None, &["auditor"])).granted());
        assert_eq!(
            can_read_results(&person(Some(Uuid::now_v7()), &["employee"])),
            Access::Denied
        );
        let mut key = person(None, &[]);
        key.kind = PrincipalKind::ApiKey {
            key_id: Uuid::now_v7(),
            name: "simpeg".into(),
        };
        key.scopes = vec!["results:read".into()];
        assert!(can_read_results(&key).granted());
        key.scopes = vec!["master:read".into()];
        assert_eq!(
            can_read_results(&key),
            Access::ScopeMissing(ApiScope::ResultsRead)
        );
    }
}
