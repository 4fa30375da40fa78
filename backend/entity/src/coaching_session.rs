//! A coaching session (bimbingan kinerja) with the employee's rating of it (B.1.8) and the leader's competency scores (B.1.9).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "coaching_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Uuid,
    pub coach_id: Uuid,
    pub held_on: Date,
    pub topic: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    /// JSON: the employee's answers to the 9 B.1.8 statements.
    #[sea_orm(column_type = "Text", nullable)]
    pub coaching_rating: Option<String>,
    /// JSON: the leader's 1–5 competency scores (B.1.9).
    #[sea_orm(column_type = "Text", nullable)]
    pub competency_scores: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
