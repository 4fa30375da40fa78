//! A 360-degree rater assignment and its response (one per rater, ratee and period).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ratings_360")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub ratee_id: Uuid,
    pub rater_id: Uuid,
    /// `self`, `supervisor`, `peer` or `subordinate`.
    pub rater_group: String,
    /// `nominated`, `rejected`, `assigned`, `draft` or `submitted`.
    pub status: String,
    pub nominated_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub decision_reason: Option<String>,
    pub score_pelayanan: Option<i16>,
    pub score_akuntabel: Option<i16>,
    pub score_kompeten: Option<i16>,
    pub score_harmonis: Option<i16>,
    pub score_loyal: Option<i16>,
    pub score_adaptif: Option<i16>,
    pub score_kolaboratif: Option<i16>,
    /// JSON object: BerAKHLAK value code → comment.
    #[sea_orm(column_type = "Text", nullable)]
    pub comments: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub overall_comment: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
