//! Continuous feedback (umpan balik berkelanjutan) to an employee, per RHK or per BerAKHLAK value.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_notes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub author_id: Uuid,
    pub period_id: Option<Uuid>,
    pub rhk_id: Option<Uuid>,
    pub value_code: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
