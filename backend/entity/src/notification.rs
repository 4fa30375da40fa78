//! An in-app notification of one account (ADR 0024): a notice of a change or a reminder
//! of a deadline, with a link into the SPA. `dedup_key` makes a reminder unique.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `skp_returned`, `skp_approved`, `reminder_360`, … (`domain::notification::Kind`).
    pub kind: String,
    /// The preference category (`domain::notification::Category`).
    pub category: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// SPA path, e.g. `/skp`.
    pub link: String,
    pub dedup_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
