//! An employee's SKP (Sasaran Kinerja Pegawai) for one year.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub year: i32,
    /// `draft`, `submitted`, `approved` or `returned`.
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub return_reason: Option<String>,
    /// The supervisor who approves (the direct supervisor when it was submitted).
    pub approver_id: Option<Uuid>,
    /// Snapshot of the employee's unit and jabatan when the plan was made.
    pub unit_id: Uuid,
    pub jabatan: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
