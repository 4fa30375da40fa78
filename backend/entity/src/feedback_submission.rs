//! One citizen's answers (U1–U9, scores 1–4). Nothing about the citizen is stored except a
//! salted hash of the client address, erased after the retention period.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_submissions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub target_id: Uuid,
    pub unit_id: Uuid,
    pub employee_id: Option<Uuid>,
    pub u1: i16,
    pub u2: i16,
    pub u3: i16,
    pub u4: i16,
    pub u5: i16,
    pub u6: i16,
    pub u7: i16,
    pub u8: i16,
    pub u9: i16,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
    pub comment_hidden: bool,
    pub comment_hidden_reason: Option<String>,
    pub ticket_id: Option<Uuid>,
    pub verified: bool,
    /// `counted`, `held` (moderation queue) or `rejected`.
    pub status: String,
    pub hold_reason: Option<String>,
    pub client_hash: Option<String>,
    /// Local month `YYYY-MM` (Kota Mataram, WITA), for trends.
    pub month: String,
    pub created_at: DateTimeUtc,
    #[sea_orm(column_type = "Text", nullable)]
    pub reply: Option<String>,
    pub replied_at: Option<DateTimeUtc>,
    /// The kiosk (desk tablet) it was made on, if any.
    pub kiosk_id: Option<Uuid>,
}

impl ActiveModelBehavior for ActiveModel {}
