//! One RHK (Rencana Hasil Kerja) of an SKP.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rhks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub skp_id: Uuid,
    /// `utama` or `tambahan`.
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// The supervisor's RHK this one supports (RHK pimpinan yang diintervensi).
    pub parent_rhk_id: Option<Uuid>,
    pub position: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
