//! A certificate file attached by the employee to a development item.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "development_certificates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub item_id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// File name on disk (random, never derived from user input).
    pub storage_key: String,
    pub sha256: String,
    /// The employee who uploaded it.
    pub uploaded_by: Uuid,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
