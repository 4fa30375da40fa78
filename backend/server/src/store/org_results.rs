//! Writes of organisational results per unit and period (reads live in `store::results`).

use entity::org_result;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, IntoActiveModel};

pub async fn insert_org_result<C: ConnectionTrait>(
    conn: &C,
    m: org_result::Model,
) -> Result<org_result::Model, DbErr> {
    m.into_active_model().reset_all().insert(conn).await
}

/// Writes every column of the org result.
pub async fn update_org_result<C: ConnectionTrait>(
    conn: &C,
    m: org_result::Model,
) -> Result<org_result::Model, DbErr> {
    m.into_active_model().reset_all().update(conn).await
}
