//! Realisasi of one indicator in one period.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "realisasi")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub period_id: Uuid,
    pub employee_id: Uuid,
    #[sea_orm(column_type = "Double", nullable)]
    pub value_number: Option<f64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub value_text: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
