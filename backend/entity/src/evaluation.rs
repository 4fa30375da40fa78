//! The supervisor's evaluation of one employee for one period, with snapshots.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub period_id: Uuid,
    pub employee_id: Uuid,
    pub penilai_id: Uuid,
    /// `di_atas`, `sesuai` or `di_bawah`.
    pub rating_hasil_kerja: String,
    pub rating_perilaku: String,
    /// `sangat_baik`, `baik`, `butuh_perbaikan`, `kurang` or `sangat_kurang`.
    pub predikat: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub justification: Option<String>,
    /// `draft` or `final`.
    pub status: String,
    pub golongan: String,
    pub jabatan: String,
    pub unit_id: Uuid,
    pub penilai_golongan: String,
    pub penilai_jabatan: String,
    pub penilai_unit_id: Uuid,
    /// The 360 suggestion for the behaviour rating when the supervisor rated, if any.
    pub suggested_perilaku: Option<String>,
    /// The weighted 360 mean behind that suggestion.
    #[sea_orm(column_type = "Double", nullable)]
    pub mean_360: Option<f64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
