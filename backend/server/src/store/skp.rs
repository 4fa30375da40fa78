//! SKP plans: the plan row, its RHK items with indicators, and the supervisor's
//! expectations per BerAKHLAK value.
//!
//! Invariants: one plan per employee and year (`uq_skps_employee_year`); replacing a plan
//! keeps the rows whose ids are sent again (feedback notes and subordinates' parent links
//! point at them) and deletes the rest (their indicators cascade).

use chrono::{DateTime, Utc};
use entity::{indicator, rhk, skp, skp_expectation};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::domain::skp::SkpStatus;

/// Whether the employee's SKP for the year is approved (only then can it be evaluated).
/// (Kept under this name for the evaluations area; a `find_*` with a status filter.)
pub async fn is_approved<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    year: i32,
) -> Result<bool, DbErr> {
    Ok(skp::Entity::find()
        .filter(skp::Column::EmployeeId.eq(employee_id))
        .filter(skp::Column::Year.eq(year))
        .filter(skp::Column::Status.eq(SkpStatus::Approved.as_str()))
        .one(conn)
        .await?
        .is_some())
}

/// The employee's plan for a year.
pub async fn find<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    year: i32,
) -> Result<Option<skp::Model>, DbErr> {
    skp::Entity::find()
        .filter(skp::Column::EmployeeId.eq(employee_id))
        .filter(skp::Column::Year.eq(year))
        .one(conn)
        .await
}

pub async fn find_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<skp::Model>, DbErr> {
    skp::Entity::find_by_id(id).one(conn).await
}

/// The plans of several employees for one year.
pub async fn list_for_employees<C: ConnectionTrait>(
    conn: &C,
    employee_ids: Vec<Uuid>,
    year: i32,
) -> Result<HashMap<Uuid, skp::Model>, DbErr> {
    if employee_ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(skp::Entity::find()
        .filter(skp::Column::EmployeeId.is_in(employee_ids))
        .filter(skp::Column::Year.eq(year))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.employee_id, s))
        .collect())
}

/// The RHK items of one plan, in order.
pub async fn list_rhks<C: ConnectionTrait>(
    conn: &C,
    skp_id: Uuid,
) -> Result<Vec<rhk::Model>, DbErr> {
    rhk::Entity::find()
        .filter(rhk::Column::SkpId.eq(skp_id))
        .order_by_asc(rhk::Column::Position)
        .all(conn)
        .await
}

/// The RHK items of several plans (for counts in lists).
pub async fn list_rhks_of_plans<C: ConnectionTrait>(
    conn: &C,
    skp_ids: Vec<Uuid>,
) -> Result<Vec<rhk::Model>, DbErr> {
    if skp_ids.is_empty() {
        return Ok(Vec::new());
    }
    rhk::Entity::find()
        .filter(rhk::Column::SkpId.is_in(skp_ids))
        .all(conn)
        .await
}

pub async fn find_rhk<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<rhk::Model>, DbErr> {
    rhk::Entity::find_by_id(id).one(conn).await
}

pub async fn list_rhks_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, rhk::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(rhk::Entity::find()
        .filter(rhk::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect())
}

/// The indicators of the given RHK items, grouped by RHK, each group in order.
pub async fn list_indicators<C: ConnectionTrait>(
    conn: &C,
    rhk_ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<indicator::Model>>, DbErr> {
    let mut out: HashMap<Uuid, Vec<indicator::Model>> = HashMap::new();
    if rhk_ids.is_empty() {
        return Ok(out);
    }
    let rows = indicator::Entity::find()
        .filter(indicator::Column::RhkId.is_in(rhk_ids))
        .order_by_asc(indicator::Column::Position)
        .all(conn)
        .await?;
    for i in rows {
        out.entry(i.rhk_id).or_default().push(i);
    }
    Ok(out)
}

/// An indicator with the RHK and plan it belongs to.
pub async fn find_indicator_with_plan<C: ConnectionTrait>(
    conn: &C,
    indicator_id: Uuid,
) -> Result<Option<(indicator::Model, rhk::Model, skp::Model)>, DbErr> {
    let Some(ind) = indicator::Entity::find_by_id(indicator_id)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let Some(r) = rhk::Entity::find_by_id(ind.rhk_id).one(conn).await? else {
        return Ok(None);
    };
    let Some(s) = skp::Entity::find_by_id(r.skp_id).one(conn).await? else {
        return Ok(None);
    };
    Ok(Some((ind, r, s)))
}

pub async fn list_expectations<C: ConnectionTrait>(
    conn: &C,
    skp_id: Uuid,
) -> Result<Vec<skp_expectation::Model>, DbErr> {
    skp_expectation::Entity::find()
        .filter(skp_expectation::Column::SkpId.eq(skp_id))
        .all(conn)
        .await
}

/// Sets (Some) or clears (None) the expectation for one value.
pub async fn update_expectation<C: ConnectionTrait>(
    conn: &C,
    skp_id: Uuid,
    value_code: &str,
    text: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing = skp_expectation::Entity::find()
        .filter(skp_expectation::Column::SkpId.eq(skp_id))
        .filter(skp_expectation::Column::ValueCode.eq(value_code))
        .one(conn)
        .await?;
    match (existing, text) {
        (Some(e), None) => {
            skp_expectation::Entity::delete_by_id(e.id)
                .exec(conn)
                .await?;
        }
        (Some(e), Some(t)) if e.expectation != t => {
            let mut am: skp_expectation::ActiveModel = e.into();
            am.expectation = Set(t.to_string());
            am.updated_at = Set(now);
            am.update(conn).await?;
        }
        (Some(_), Some(_)) | (None, None) => {}
        (None, Some(t)) => {
            skp_expectation::ActiveModel {
                id: Set(Uuid::now_v7()),
                skp_id: Set(skp_id),
                value_code: Set(value_code.to_string()),
                expectation: Set(t.to_string()),
                updated_at: Set(now),
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// An indicator to save; `id` keeps an existing row of the same plan.
#[derive(Clone, Debug)]
pub struct PlanIndicator {
    pub id: Option<Uuid>,
    pub aspect: String,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
}

/// An RHK to save; `id` keeps an existing row of the same plan.
#[derive(Clone, Debug)]
pub struct PlanRhk {
    pub id: Option<Uuid>,
    pub kind: String,
    pub description: String,
    pub parent_rhk_id: Option<Uuid>,
    pub indicators: Vec<PlanIndicator>,
}

/// Replaces the plan's RHK items and indicators with `items` (positions follow the order).
/// Ids that are not rows of this plan get fresh ids (the caller refuses them first).
pub async fn update_plan_items<C: ConnectionTrait>(
    conn: &C,
    skp_id: Uuid,
    items: Vec<PlanRhk>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing: HashMap<Uuid, rhk::Model> = list_rhks(conn, skp_id)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let existing_ind: HashMap<Uuid, indicator::Model> =
        list_indicators(conn, existing.keys().copied().collect())
            .await?
            .into_values()
            .flatten()
            .map(|i| (i.id, i))
            .collect();
    let kept_rhk: HashSet<Uuid> = items.iter().filter_map(|r| r.id).collect();
    let kept_ind: HashSet<Uuid> = items
        .iter()
        .flat_map(|r| r.indicators.iter().filter_map(|i| i.id))
        .collect();
    for (pos, item) in items.into_iter().enumerate() {
        let rhk_id = match item.id.and_then(|id| existing.get(&id)) {
            Some(old) => {
                let mut am: rhk::ActiveModel = old.clone().into();
                am.kind = Set(item.kind);
                am.description = Set(item.description);
                am.parent_rhk_id = Set(item.parent_rhk_id);
                am.position = Set(pos as i32);
                am.updated_at = Set(now);
                am.update(conn).await?.id
            }
            None => {
                rhk::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    skp_id: Set(skp_id),
                    kind: Set(item.kind),
                    description: Set(item.description),
                    parent_rhk_id: Set(item.parent_rhk_id),
                    position: Set(pos as i32),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(conn)
                .await?
                .id
            }
        };
        for (ipos, ind) in item.indicators.into_iter().enumerate() {
            match ind.id.and_then(|id| existing_ind.get(&id)) {
                Some(old) => {
                    let mut am: indicator::ActiveModel = old.clone().into();
                    am.rhk_id = Set(rhk_id);
                    am.aspect = Set(ind.aspect);
                    am.description = Set(ind.description);
                    am.target_value = Set(ind.target_value);
                    am.target_unit = Set(ind.target_unit);
                    am.target_text = Set(ind.target_text);
                    am.position = Set(ipos as i32);
                    am.updated_at = Set(now);
                    am.update(conn).await?;
                }
                None => {
                    indicator::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        rhk_id: Set(rhk_id),
                        aspect: Set(ind.aspect),
                        description: Set(ind.description),
                        target_value: Set(ind.target_value),
                        target_unit: Set(ind.target_unit),
                        target_text: Set(ind.target_text),
                        position: Set(ipos as i32),
                        created_at: Set(now),
                        updated_at: Set(now),
                    }
                    .insert(conn)
                    .await?;
                }
            }
        }
    }
    // Deleted last: an indicator moved out of a dropped RHK must not cascade away first.
    let drop_ind: Vec<Uuid> = existing_ind
        .keys()
        .filter(|id| !kept_ind.contains(id))
        .copied()
        .collect();
    if !drop_ind.is_empty() {
        indicator::Entity::delete_many()
            .filter(indicator::Column::Id.is_in(drop_ind))
            .exec(conn)
            .await?;
    }
    let drop_rhk: Vec<Uuid> = existing
        .keys()
        .filter(|id| !kept_rhk.contains(id))
        .copied()
        .collect();
    if !drop_rhk.is_empty() {
        rhk::Entity::delete_many()
            .filter(rhk::Column::Id.is_in(drop_rhk))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// The active employees whose direct supervisor is `supervisor_id`, by name.
pub async fn list_direct_subordinates<C: ConnectionTrait>(
    conn: &C,
    supervisor_id: Uuid,
) -> Result<Vec<entity::employee::Model>, DbErr> {
    use entity::employee;
    employee::Entity::find()
        .filter(employee::Column::SupervisorId.eq(supervisor_id))
        .filter(employee::Column::Active.eq(true))
        .order_by_asc(employee::Column::Name)
        .order_by_asc(employee::Column::Nip)
        .all(conn)
        .await
}

/// A new plan row in `draft`, with the employee's unit and jabatan as its snapshot. The
/// unique index (`uq_skps_employee_year`) refuses a second plan of the year.
pub async fn insert_skp<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    year: i32,
    now: DateTime<Utc>,
) -> Result<skp::Model, DbErr> {
    skp::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(employee.id),
        year: Set(year),
        status: Set(SkpStatus::Draft.as_str().into()),
        return_reason: Set(None),
        approver_id: Set(None),
        unit_id: Set(employee.unit_id),
        jabatan: Set(employee.jabatan.clone()),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await
}

/// Refreshes the plan's unit and jabatan snapshot from the employee.
pub async fn update_skp_snapshot<C: ConnectionTrait>(
    conn: &C,
    s: skp::Model,
    employee: &entity::employee::Model,
    now: DateTime<Utc>,
) -> Result<skp::Model, DbErr> {
    let mut am: skp::ActiveModel = s.into();
    am.unit_id = Set(employee.unit_id);
    am.jabatan = Set(employee.jabatan.clone());
    am.updated_at = Set(now);
    am.update(conn).await
}

/// Marks the plan as submitted to `approver_id`.
pub async fn update_skp_submitted<C: ConnectionTrait>(
    conn: &C,
    s: skp::Model,
    status: SkpStatus,
    approver_id: Uuid,
    now: DateTime<Utc>,
) -> Result<skp::Model, DbErr> {
    let mut am: skp::ActiveModel = s.into();
    am.status = Set(status.as_str().into());
    am.approver_id = Set(Some(approver_id));
    am.submitted_at = Set(Some(now));
    am.updated_at = Set(now);
    am.update(conn).await
}

/// Records the supervisor's decision (the reason is kept only for a return).
pub async fn update_skp_decided<C: ConnectionTrait>(
    conn: &C,
    s: skp::Model,
    status: SkpStatus,
    return_reason: Option<String>,
    approver_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<skp::Model, DbErr> {
    let mut am: skp::ActiveModel = s.into();
    am.status = Set(status.as_str().into());
    am.return_reason = Set(return_reason);
    am.approver_id = Set(approver_id);
    am.decided_at = Set(Some(now));
    am.updated_at = Set(now);
    am.update(conn).await
}

/// Sets the plan's `updated_at`.
pub async fn update_skp_touched<C: ConnectionTrait>(
    conn: &C,
    s: skp::Model,
    now: DateTime<Utc>,
) -> Result<skp::Model, DbErr> {
    let mut am: skp::ActiveModel = s.into();
    am.updated_at = Set(now);
    am.update(conn).await
}
