//! One action of a development plan (training, mentoring or other) with its status.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "development_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub plan_id: Uuid,
    /// `training`, `mentoring` or `other`.
    pub kind: String,
    pub title: String,
    pub training_id: Option<Uuid>,
    pub mentor_id: Option<Uuid>,
    pub due_on: Date,
    /// Training hours (JP) credited when done.
    pub hours: Option<i32>,
    /// Why the item exists (the recommendation's cause, or the supervisor's words).
    #[sea_orm(column_type = "Text")]
    pub cause: String,
    /// `planned`, `in_progress` or `done`.
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub progress_note: Option<String>,
    pub completed_on: Option<Date>,
    pub position: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
