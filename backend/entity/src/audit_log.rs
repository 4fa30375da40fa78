//! One audit entry, chained to the previous one by `prev_hash` → `hash`.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub seq: i64,
    pub at: DateTimeUtc,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    /// HMAC-SHA256 of the hash with `KINERJA_AUDIT_KEY` (ADR 0015); `None` only for entries
    /// written before the anchor existed and not yet signed.
    pub mac: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
