//! The supervisor's specific expectation (ekspektasi khusus pimpinan) for one BerAKHLAK value in an SKP.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_expectations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub skp_id: Uuid,
    /// BerAKHLAK value code (`berorientasi_pelayanan`, `akuntabel`, …).
    pub value_code: String,
    #[sea_orm(column_type = "Text")]
    pub expectation: String,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
