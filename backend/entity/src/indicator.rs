//! An indicator (Indikator Kinerja Individu) of an RHK with its target.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "indicators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub rhk_id: Uuid,
    /// `kuantitas`, `kualitas`, `waktu` or `biaya`.
    pub aspect: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// A numeric target with its unit, or a text target.
    #[sea_orm(column_type = "Double", nullable)]
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub target_text: Option<String>,
    pub position: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
