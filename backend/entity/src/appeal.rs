//! An appeal (keberatan) against a published evaluation, decided by the atasan pejabat penilai.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "appeals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub evaluation_id: Uuid,
    pub employee_id: Uuid,
    pub decider_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub reasons: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub employee_statement: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub penilai_statement: Option<String>,
    /// `filed` or `decided`.
    pub status: String,
    /// `keep` or `change`.
    pub decision: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub decision_reason: Option<String>,
    pub old_rating_hasil_kerja: String,
    pub old_rating_perilaku: String,
    pub old_predikat: String,
    pub new_rating_hasil_kerja: Option<String>,
    pub new_rating_perilaku: Option<String>,
    pub new_predikat: Option<String>,
    pub filed_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
