//! Permissions — who leads a unit (ADR 0014). One function decides every unit-scoped read
//! of a leader (talent grid, candidates, placement, angka kredit, training hours,
//! distribution, IKM) and who sets a unit's org result.
//!
//! A unit's leaders are its head (`domain::leadership::unit_head`), the heads of its
//! ancestor units, and the head's supervisors; and nobody leads a read that would show
//! one of their own superiors (a Sekretaris Kelurahan never leads his kelurahan).

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::auth::Principal;
use crate::domain::leadership::{Member, is_leader, unit_head};
use crate::error::ApiResult;
use crate::store;

/// How the caller leads a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leadership {
    /// The unit's own head.
    Head,
    /// A leader above the unit: a head of an ancestor unit or a supervisor of the head.
    Above,
}

fn member(e: &entity::employee::Model) -> Member {
    Member {
        id: e.id,
        supervisor_id: e.supervisor_id,
        jenis_jabatan: e.jenis_jabatan.clone(),
        status: e.status.clone(),
        golongan: e.golongan.clone(),
        active: e.active,
    }
}

/// The heads of these units (units without an active member have none).
async fn heads_of<C: ConnectionTrait>(
    conn: &C,
    unit_ids: &[Uuid],
) -> ApiResult<HashMap<Uuid, entity::employee::Model>> {
    let people = store::employees::list_active_in_units(conn, unit_ids.to_vec()).await?;
    let mut out = HashMap::new();
    for unit in unit_ids {
        let members: Vec<&entity::employee::Model> =
            people.iter().filter(|e| e.unit_id == *unit).collect();
        let rule: Vec<Member> = members.iter().map(|e| member(e)).collect();
        if let Some(head) = unit_head(&rule)
            && let Some(e) = members.into_iter().find(|e| e.id == head)
        {
            out.insert(*unit, e.clone());
        }
    }
    Ok(out)
}

/// Whether and how the caller leads `unit` for a read that shows the people of the units
/// `shown` (the unit's tree for talent data, the unit itself for its distribution or IKM).
pub async fn unit_leadership<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
    shown: &[Uuid],
) -> ApiResult<Option<Leadership>> {
    let Some(me) = p.employee_id else {
        return Ok(None);
    };
    let Some(me) = store::employees::find_by_id(conn, me).await? else {
        return Ok(None);
    };
    let ancestors: Vec<Uuid> = store::units::ancestors(conn, unit.parent_id)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut units = ancestors.clone();
    units.push(unit.id);
    let heads = heads_of(conn, &units).await?;
    let head = heads.get(&unit.id);
    let ancestor_heads: Vec<Uuid> = ancestors
        .iter()
        .filter_map(|u| heads.get(u).map(|e| e.id))
        .collect();
    let head_chain: Vec<Uuid> = match head {
        Some(h) => store::employees::supervisor_chain(conn, h.supervisor_id)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect(),
        None => Vec::new(),
    };
    let my_superiors = store::employees::supervisor_chain(conn, me.supervisor_id).await?;
    let shows_a_superior = my_superiors
        .iter()
        .any(|s| s.active && shown.contains(&s.unit_id));
    let head_id = head.map(|e| e.id);
    if !is_leader(
        me.id,
        head_id,
        &ancestor_heads,
        &head_chain,
        shows_a_superior,
    ) {
        return Ok(None);
    }
    Ok(Some(if head_id == Some(me.id) {
        Leadership::Head
    } else {
        Leadership::Above
    }))
}

/// Whether the caller leads `unit` (as its head or above it) for a read showing `shown`.
pub async fn leads<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit: &entity::unit::Model,
    shown: &[Uuid],
) -> ApiResult<bool> {
    Ok(unit_leadership(conn, p, unit, shown).await?.is_some())
}
