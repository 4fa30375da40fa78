//! Every permission decision of the API, in one place, so a handler reads
//! "load → authorise → decide → write" and no check is forgotten or duplicated.
//!
//! Rules (DESIGN.md): an employee reads their own data; a supervisor their subordinates'
//! (direct and indirect); HR and admin manage master data; the auditor reads everything;
//! API keys act within their scopes.

pub mod career;
pub mod cycle;
pub mod feedback;
pub mod master;
pub mod plans;
pub mod ratings360;

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::Principal;
use crate::error::{ApiError, ApiResult};
use crate::store;

/// May change units and employees (HR system, admin, HR).
pub fn can_write_master(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr") || p.has_scope("master:write")
}

/// May read all master data.
pub fn can_read_all_master(p: &Principal) -> bool {
    can_write_master(p) || p.has_role("auditor") || p.has_scope("master:read")
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
    require(p.has_role("admin"))
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
    p.has_role("admin") || p.has_role("hr") || p.has_role("auditor")
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

/// Whether `p` is the employee `employee_id` themself.
pub fn is_self(p: &Principal, employee_id: Uuid) -> bool {
    p.employee_id == Some(employee_id)
}

// ---- end of "skp" block ----

// ---- Results area: results, distribution curve per unit, appeals (helper "results") ----

/// May read a period's results and their exports (HR system, admin, HR, auditor).
pub fn can_read_results(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr") || p.has_role("auditor") || p.has_scope("results:read")
}

/// Whether the caller leads the unit: supervises, directly or through others, someone whose
/// unit it is (the unit's head and everyone above them in the supervisor chain).
pub async fn leads_unit<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    let Some(me) = p.employee_id else {
        return Ok(false);
    };
    Ok(store::results::supervises_in_unit(conn, unit.id, me).await?)
}

/// Whether the caller is a leader ABOVE the unit (the "leader one level up" of SE MenPANRB
/// 3/2023): they lead the unit and their own unit is an ancestor of it. The unit's own head
/// (whose unit is the unit itself) is not above it.
pub async fn is_leader_above_unit<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    let Some(me) = p.employee_id else {
        return Ok(false);
    };
    let Some(me) = store::employees::find_by_id(conn, me).await? else {
        return Ok(false);
    };
    if me.unit_id == unit.id {
        return Ok(false);
    }
    let ancestors = store::units::ancestors(conn, unit.parent_id).await?;
    if !ancestors.iter().any(|u| u.id == me.unit_id) {
        return Ok(false);
    }
    leads_unit(conn, p, unit).await
}

/// May set a unit's organisational result and finalise its distribution.
pub async fn can_set_org_result<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    if p.has_role("admin") || p.has_role("hr") {
        return Ok(true);
    }
    is_leader_above_unit(conn, p, unit).await
}

/// May read a unit's distribution: staff, and the leaders of and above the unit.
pub async fn can_read_distribution<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
) -> ApiResult<bool> {
    if p.has_role("admin") || p.has_role("hr") || p.has_role("auditor") {
        return Ok(true);
    }
    leads_unit(conn, p, unit).await
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
        p.has_role("hr") || p.has_role("admin")
    } else {
        me == Some(appeal.decider_id)
    }
}

/// May read an appeal: the employee, the penilai, the decider, admin, HR and the auditor.
pub fn can_read_appeal(
    p: &Principal,
    appeal: &entity::appeal::Model,
    penilai_id: uuid::Uuid,
) -> bool {
    let me = p.employee_id;
    p.has_role("admin")
        || p.has_role("hr")
        || p.has_role("auditor")
        || me == Some(appeal.employee_id)
        || me == Some(penilai_id)
        || me == Some(appeal.decider_id)
}

#[cfg(test)]
mod results_policy_tests {
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
    fn results_are_read_by_staff_and_results_scoped_keys_only() {
        assert!(can_read_results(&person(None, &["auditor"])));
        assert!(!can_read_results(&person(
            Some(Uuid::now_v7()),
            &["employee"]
        )));
        let mut key = person(None, &[]);
        key.scopes = vec!["results:read".into()];
        assert!(can_read_results(&key));
        key.scopes = vec!["master:read".into()];
        assert!(!can_read_results(&key));
    }
}

// ---- end of results area ----

// ---- 360-degree ratings (helper "360": api/ratings360.rs) ----

/// May organise 360 rounds: generate assignments, assign peers and decide on nominations
/// for anyone (admin, HR).
pub fn can_organise_360(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr")
}

/// May read any ratee's 360 aggregates, a round's progress and rater quality (admin, HR,
/// auditor). Never individual anonymous responses.
pub fn can_read_all_360(p: &Principal) -> bool {
    can_organise_360(p) || p.has_role("auditor")
}

// ---- end of 360-degree ratings ----

// ---- Career area: development, training catalogue, talent (helper "career") ----

/// May manage the training catalogue and potensi assessments (admin, HR).
pub fn can_manage_career(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr")
}

/// Reads every unit's talent data (9-box, candidates, angka kredit): admin, HR, auditor.
pub fn reads_all_talent(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr") || p.has_role("auditor")
}

/// Whether the caller leads a unit tree: their own unit is the unit or one of its ancestors,
/// and they supervise (directly or through others) someone in the tree. So the Camat leads
/// the kecamatan and every kelurahan below it; a lurah leads only their kelurahan.
pub async fn leads_unit_tree<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
    tree: &[Uuid],
) -> ApiResult<bool> {
    let Some(me) = p.employee_id else {
        return Ok(false);
    };
    let Some(me) = store::employees::find_by_id(conn, me).await? else {
        return Ok(false);
    };
    if me.unit_id != unit.id {
        let ancestors = store::units::ancestors(conn, unit.parent_id).await?;
        if !ancestors.iter().any(|u| u.id == me.unit_id) {
            return Ok(false);
        }
    }
    let below = store::employees::subtree_ids(conn, me.id).await?;
    let people = store::employees::find_by_ids(conn, below).await?;
    Ok(people.values().any(|e| tree.contains(&e.unit_id)))
}

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
