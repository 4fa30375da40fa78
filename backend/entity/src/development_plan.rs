//! A development plan for an employee, confirmed by their direct supervisor.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "development_plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    /// The direct supervisor who confirmed the plan.
    pub supervisor_id: Uuid,
    /// The period whose result prompted the plan, if any.
    pub period_id: Option<Uuid>,
    pub title: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
