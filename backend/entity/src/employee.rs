//! An employee (pegawai), keyed by NIP (or NI PPPK).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employees")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub status: String,
    pub golongan: String,
    pub jabatan: String,
    pub jenis_jabatan: String,
    pub unit_id: Uuid,
    pub supervisor_id: Option<Uuid>,
    pub email: Option<String>,
    pub active: bool,
    /// SIASN's id of the person (`pnsDinilaiId`), from the HR system; `None` until known.
    pub pns_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
