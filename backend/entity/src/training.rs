//! A course in HR's training catalogue, mapped to a BerAKHLAK value and/or a competency.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trainings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    pub provider: String,
    /// BerAKHLAK value code (`berorientasi_pelayanan`, …) the course develops, if any.
    pub value_code: Option<String>,
    /// Free-text competency (e.g. "Manajemen Kearsipan"), if any.
    pub competency: Option<String>,
    /// Length in JP (jam pelajaran).
    pub hours: i32,
    /// `klasikal`, `e-learning`, `blended` or `lainnya`.
    pub mode: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
