//! Queries and writes of supervisors' evaluations, and the lookups behind the
//! supervisor's team view (SKP, indicators, realisasi and 360 responses by id sets: one
//! query per table).

use entity::{employee, evaluation, indicator, realisasi};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use uuid::Uuid;

pub async fn find_evaluation_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<evaluation::Model>, DbErr> {
    evaluation::Entity::find_by_id(id).one(conn).await
}

/// Evaluations by id.
pub async fn list_evaluations_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<Vec<evaluation::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    evaluation::Entity::find()
        .filter(evaluation::Column::Id.is_in(ids))
        .all(conn)
        .await
}

/// Every evaluation of one employee, all periods.
pub async fn list_evaluations_of_employee<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
) -> Result<Vec<evaluation::Model>, DbErr> {
    evaluation::Entity::find()
        .filter(evaluation::Column::EmployeeId.eq(employee_id))
        .all(conn)
        .await
}

/// The evaluations of these employees in a period.
pub async fn list_evaluations_of_employees<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    employee_ids: Vec<Uuid>,
) -> Result<Vec<evaluation::Model>, DbErr> {
    if employee_ids.is_empty() {
        return Ok(Vec::new());
    }
    evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(period_id))
        .filter(evaluation::Column::EmployeeId.is_in(employee_ids))
        .all(conn)
        .await
}

pub async fn insert_evaluation<C: ConnectionTrait>(
    conn: &C,
    m: evaluation::Model,
) -> Result<evaluation::Model, DbErr> {
    m.into_active_model().reset_all().insert(conn).await
}

/// Writes every column of the evaluation.
pub async fn update_evaluation<C: ConnectionTrait>(
    conn: &C,
    m: evaluation::Model,
) -> Result<evaluation::Model, DbErr> {
    m.into_active_model().reset_all().update(conn).await
}

/// The active employees whose direct supervisor is `supervisor_id`.
pub async fn list_active_subordinates<C: ConnectionTrait>(
    conn: &C,
    supervisor_id: Uuid,
) -> Result<Vec<employee::Model>, DbErr> {
    employee::Entity::find()
        .filter(employee::Column::SupervisorId.eq(supervisor_id))
        .filter(employee::Column::Active.eq(true))
        .all(conn)
        .await
}

/// The indicators of these RHKs.
pub async fn list_indicators_of_rhks<C: ConnectionTrait>(
    conn: &C,
    rhk_ids: Vec<Uuid>,
) -> Result<Vec<indicator::Model>, DbErr> {
    if rhk_ids.is_empty() {
        return Ok(Vec::new());
    }
    indicator::Entity::find()
        .filter(indicator::Column::RhkId.is_in(rhk_ids))
        .all(conn)
        .await
}

/// The realisasi of these employees in a period.
pub async fn list_realisasi_of_employees<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    employee_ids: Vec<Uuid>,
) -> Result<Vec<realisasi::Model>, DbErr> {
    if employee_ids.is_empty() {
        return Ok(Vec::new());
    }
    realisasi::Entity::find()
        .filter(realisasi::Column::PeriodId.eq(period_id))
        .filter(realisasi::Column::EmployeeId.is_in(employee_ids))
        .all(conn)
        .await
}
