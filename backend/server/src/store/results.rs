//! Queries behind a period's results: evaluations with the people, units and open appeals
//! they refer to, organisational results per unit, and who leads a unit.
//!
//! Invariant: lists load related rows by id sets, one query per table (chunked to stay
//! under the engines' bind-parameter limits), so an export of a whole province's period
//! costs a handful of queries, not one per employee.

use entity::{appeal, employee, evaluation, org_result, unit};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::domain::appeal::AppealStatus;

/// Ids per `IN (…)` query.
const CHUNK: usize = 500;

fn unique(ids: impl IntoIterator<Item = Uuid>) -> Vec<Uuid> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
}

/// Employees by id (chunked).
pub async fn list_employees_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, employee::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in unique(ids).chunks(CHUNK) {
        let rows = employee::Entity::find()
            .filter(employee::Column::Id.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        out.extend(rows.into_iter().map(|e| (e.id, e)));
    }
    Ok(out)
}

/// Units by id (chunked).
pub async fn list_units_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, unit::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in unique(ids).chunks(CHUNK) {
        let rows = unit::Entity::find()
            .filter(unit::Column::Id.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        out.extend(rows.into_iter().map(|u| (u.id, u)));
    }
    Ok(out)
}

/// The appeal of each evaluation that has one (at most one per evaluation), chunked.
pub async fn list_appeals_by_evaluations<C: ConnectionTrait>(
    conn: &C,
    evaluation_ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, appeal::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in unique(evaluation_ids).chunks(CHUNK) {
        let rows = appeal::Entity::find()
            .filter(appeal::Column::EvaluationId.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        out.extend(rows.into_iter().map(|a| (a.evaluation_id, a)));
    }
    Ok(out)
}

/// One employee's evaluation with everything a result view needs.
#[derive(Clone, Debug)]
pub struct ResultRow {
    pub evaluation: evaluation::Model,
    pub employee: employee::Model,
    pub penilai: employee::Model,
    /// The snapshot unit of the evaluation.
    pub unit: Option<unit::Model>,
    pub penilai_unit: Option<unit::Model>,
    /// The appeal against this evaluation, if one was filed.
    pub appeal: Option<appeal::Model>,
}

impl ResultRow {
    /// Whether an appeal is filed and not yet decided.
    pub fn under_appeal(&self) -> bool {
        self.appeal
            .as_ref()
            .is_some_and(|a| AppealStatus::is_open(&a.status))
    }
}

/// The evaluations of a period, optionally of one (snapshot) unit.
pub async fn list_evaluations<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Option<Uuid>,
) -> Result<Vec<evaluation::Model>, DbErr> {
    let mut q = evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(period_id))
        .order_by_asc(evaluation::Column::Id);
    if let Some(u) = unit_id {
        q = q.filter(evaluation::Column::UnitId.eq(u));
    }
    q.all(conn).await
}

/// Attaches people, units and appeals to evaluations (four queries, whatever the count).
pub async fn list_result_rows<C: ConnectionTrait>(
    conn: &C,
    list: Vec<evaluation::Model>,
) -> Result<Vec<ResultRow>, DbErr> {
    let people = list_employees_by_ids(
        conn,
        list.iter().flat_map(|e| [e.employee_id, e.penilai_id]),
    )
    .await?;
    let units = list_units_by_ids(
        conn,
        list.iter().flat_map(|e| [e.unit_id, e.penilai_unit_id]),
    )
    .await?;
    let appeals = list_appeals_by_evaluations(conn, list.iter().map(|e| e.id)).await?;
    Ok(list
        .into_iter()
        .filter_map(|e| {
            Some(ResultRow {
                employee: people.get(&e.employee_id)?.clone(),
                penilai: people.get(&e.penilai_id)?.clone(),
                unit: units.get(&e.unit_id).cloned(),
                penilai_unit: units.get(&e.penilai_unit_id).cloned(),
                appeal: appeals.get(&e.id).cloned(),
                evaluation: e,
            })
        })
        .collect())
}

/// The result rows of a period, optionally of one unit.
pub async fn list_results<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Option<Uuid>,
) -> Result<Vec<ResultRow>, DbErr> {
    let list = list_evaluations(conn, period_id, unit_id).await?;
    list_result_rows(conn, list).await
}

pub async fn find_evaluation<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    employee_id: Uuid,
) -> Result<Option<evaluation::Model>, DbErr> {
    evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(period_id))
        .filter(evaluation::Column::EmployeeId.eq(employee_id))
        .one(conn)
        .await
}

/// The organisational result (and finalisation) of a unit in a period, if set.
pub async fn find_org_result<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Uuid,
) -> Result<Option<org_result::Model>, DbErr> {
    org_result::Entity::find()
        .filter(org_result::Column::PeriodId.eq(period_id))
        .filter(org_result::Column::UnitId.eq(unit_id))
        .one(conn)
        .await
}

/// Every organisational result of a period, by unit.
pub async fn list_org_results_of_period<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
) -> Result<HashMap<Uuid, org_result::Model>, DbErr> {
    Ok(org_result::Entity::find()
        .filter(org_result::Column::PeriodId.eq(period_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.unit_id, o))
        .collect())
}

/// The (snapshot) units that have evaluations in a period.
pub async fn list_units_with_evaluations<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
) -> Result<Vec<Uuid>, DbErr> {
    evaluation::Entity::find()
        .select_only()
        .column(evaluation::Column::UnitId)
        .distinct()
        .filter(evaluation::Column::PeriodId.eq(period_id))
        .into_tuple::<Uuid>()
        .all(conn)
        .await
}

/// Whether employee `me` supervises, directly or through others, someone whose unit is
/// `unit_id`. Walks up from the unit's employees one hierarchy level per query (bounded
/// by the depth of the hierarchy, not by the number of employees).
pub async fn supervises_in_unit<C: ConnectionTrait>(
    conn: &C,
    unit_id: Uuid,
    me: Uuid,
) -> Result<bool, DbErr> {
    let mut level: Vec<Uuid> = employee::Entity::find()
        .select_only()
        .column(employee::Column::SupervisorId)
        .filter(employee::Column::UnitId.eq(unit_id))
        .filter(employee::Column::SupervisorId.is_not_null())
        .into_tuple::<Option<Uuid>>()
        .all(conn)
        .await?
        .into_iter()
        .flatten()
        .collect();
    let mut seen: HashSet<Uuid> = HashSet::new();
    for _ in 0..64 {
        level.retain(|id| seen.insert(*id));
        if level.is_empty() {
            return Ok(false);
        }
        if level.contains(&me) {
            return Ok(true);
        }
        let mut next = Vec::new();
        for chunk in level.chunks(CHUNK) {
            let ids: Vec<Option<Uuid>> = employee::Entity::find()
                .select_only()
                .column(employee::Column::SupervisorId)
                .filter(employee::Column::Id.is_in(chunk.to_vec()))
                .filter(employee::Column::SupervisorId.is_not_null())
                .into_tuple::<Option<Uuid>>()
                .all(conn)
                .await?;
            next.extend(ids.into_iter().flatten());
        }
        level = next;
    }
    Ok(false)
}
