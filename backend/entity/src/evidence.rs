//! Bukti dukung of a realisasi: a link or an uploaded file (stored under a random key).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "evidence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub realisasi_id: Uuid,
    /// `link` or `file`.
    pub kind: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    /// File name on disk (random, never derived from user input).
    pub storage_key: Option<String>,
    pub sha256: Option<String>,
    /// The user who added it.
    pub uploaded_by: Uuid,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
