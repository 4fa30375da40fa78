//! Exemptions from a period's evaluation, and the rows behind the completeness rule
//! (`domain::period::Member`): the active employees in question with their evaluation
//! status and whether they are exempted.
//!
//! Invariant: a handful of queries whatever the number of employees (id sets are chunked).

use entity::{employee, evaluation, exemption};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    ModelTrait, QueryFilter, QueryOrder,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Ids per `IN (…)` query.
const CHUNK: usize = 500;

/// The exemptions of a period, oldest first.
pub async fn list_exemptions<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
) -> Result<Vec<exemption::Model>, DbErr> {
    exemption::Entity::find()
        .filter(exemption::Column::PeriodId.eq(period_id))
        .order_by_asc(exemption::Column::CreatedAt)
        .order_by_asc(exemption::Column::Id)
        .all(conn)
        .await
}

/// One employee's exemption in a period.
pub async fn find_exemption<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    employee_id: Uuid,
) -> Result<Option<exemption::Model>, DbErr> {
    exemption::Entity::find()
        .filter(exemption::Column::PeriodId.eq(period_id))
        .filter(exemption::Column::EmployeeId.eq(employee_id))
        .one(conn)
        .await
}

pub async fn insert_exemption<C: ConnectionTrait>(
    conn: &C,
    m: exemption::Model,
) -> Result<exemption::Model, DbErr> {
    m.into_active_model().insert(conn).await
}

pub async fn delete_exemption<C: ConnectionTrait>(
    conn: &C,
    m: exemption::Model,
) -> Result<(), DbErr> {
    m.delete(conn).await.map(|_| ())
}

/// An employee's evaluation in a period, if any.
pub async fn find_evaluation_of<C: ConnectionTrait>(
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

/// An active employee with what the completeness rule needs about them in a period.
#[derive(Clone, Debug)]
pub struct MemberRow {
    pub employee: employee::Model,
    /// The stored status of the employee's evaluation in the period, if any.
    pub evaluation_status: Option<String>,
    pub exempt: bool,
}

/// The active employees of a unit (or of every unit), by NIP, with their evaluation
/// status and exemption in the period.
pub async fn list_members<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Option<Uuid>,
) -> Result<Vec<MemberRow>, DbErr> {
    let mut q = employee::Entity::find()
        .filter(employee::Column::Active.eq(true))
        .order_by_asc(employee::Column::Nip);
    if let Some(u) = unit_id {
        q = q.filter(employee::Column::UnitId.eq(u));
    }
    let people = q.all(conn).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let mut status: HashMap<Uuid, String> = HashMap::new();
    let mut exempt: HashSet<Uuid> = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        let evals = evaluation::Entity::find()
            .filter(evaluation::Column::PeriodId.eq(period_id))
            .filter(evaluation::Column::EmployeeId.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        status.extend(evals.into_iter().map(|e| (e.employee_id, e.status)));
        let ex = exemption::Entity::find()
            .filter(exemption::Column::PeriodId.eq(period_id))
            .filter(exemption::Column::EmployeeId.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        exempt.extend(ex.into_iter().map(|x| x.employee_id));
    }
    Ok(people
        .into_iter()
        .map(|e| MemberRow {
            evaluation_status: status.remove(&e.id),
            exempt: exempt.contains(&e.id),
            employee: e,
        })
        .collect())
}
