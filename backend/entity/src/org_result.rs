//! The organisational result of a unit in a period and the unit's finalisation.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "org_results")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub unit_id: Uuid,
    /// `istimewa`, `baik`, `butuh_perbaikan`, `kurang` or `sangat_kurang`.
    pub result: String,
    /// Actor who set it (as in the audit log).
    pub set_by: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub override_reason: Option<String>,
    pub finalised_at: Option<DateTimeUtc>,
    pub finalised_by: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
