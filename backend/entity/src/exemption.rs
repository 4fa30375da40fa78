//! An employee's exemption from a period's evaluation (cuti, tugas belajar, dipekerjakan,
//! other), recorded by HR with a note.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "exemptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub employee_id: Uuid,
    /// The employee's unit when the exemption was recorded.
    pub unit_id: Uuid,
    /// `cuti`, `tugas_belajar`, `dipekerjakan` or `lainnya`.
    pub reason: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    /// Actor who recorded it (as in the audit log).
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
