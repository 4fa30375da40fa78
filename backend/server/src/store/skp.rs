//! SKP plans (being built).

use entity::skp;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Whether the employee's SKP for the year is approved (only then can it be evaluated).
pub async fn is_approved<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    year: i32,
) -> Result<bool, DbErr> {
    Ok(skp::Entity::find()
        .filter(skp::Column::EmployeeId.eq(employee_id))
        .filter(skp::Column::Year.eq(year))
        .filter(skp::Column::Status.eq("approved"))
        .one(conn)
        .await?
        .is_some())
}
