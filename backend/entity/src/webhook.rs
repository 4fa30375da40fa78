//! A webhook subscription of the HR system: where to POST which event kinds (ADR 0021).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhooks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub url: String,
    /// Event kinds, comma-separated (`period.published`, `predikat.changed`, `result.ready`).
    pub events: String,
    pub description: String,
    /// The signing secret (kept as-is to sign; never logged or shown again, ADR 0021).
    pub secret: String,
    pub active: bool,
    /// Actor who registered it (as in the audit log).
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
