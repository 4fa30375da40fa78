//! One potensi assessment of an employee (history kept; the latest by date counts).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "potensi_assessments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    /// `rendah`, `menengah` or `tinggi`.
    pub level: String,
    /// Where the result comes from, e.g. "Assessment Center BKD 2026".
    pub source: String,
    pub assessed_on: Date,
    /// Actor (`user:<id>` / `api_key:<id>`) who recorded it.
    pub recorded_by: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
