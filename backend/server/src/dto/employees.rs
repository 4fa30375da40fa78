//! Request and response bodies of `api::employees` (the upsert and import rows are also
//! what `kinerja import` reads).

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
use crate::domain::golongan;
use crate::domain::master::{EmployeeStatus, JenisJabatan, full_name};
use crate::error::RowError;

/// An employee as the API shows it.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct EmployeeOut {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    /// Name with titles, as written on documents.
    pub full_name: String,
    /// `PNS` or `PPPK`.
    pub status: EmployeeStatus,
    pub golongan: String,
    /// SIASN code of the golongan.
    pub golongan_code: Option<u8>,
    /// Pangkat (PNS only).
    pub pangkat: Option<String>,
    pub jabatan: String,
    pub jenis_jabatan: JenisJabatan,
    pub unit_code: String,
    pub unit_name: String,
    pub supervisor_nip: Option<String>,
    pub supervisor_name: Option<String>,
    pub email: Option<String>,
    pub active: bool,
    /// SIASN's id of the person; `null` until the HR system sends it (the SIASN push
    /// skips employees without it).
    pub pns_id: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl EmployeeOut {
    /// The view of an employee row with their unit and direct supervisor.
    pub fn new(
        e: entity::employee::Model,
        unit: Option<&entity::unit::Model>,
        sup: Option<&entity::employee::Model>,
    ) -> Self {
        let g = golongan::find(&e.status, &e.golongan);
        EmployeeOut {
            full_name: full_name(
                &e.name,
                e.gelar_depan.as_deref(),
                e.gelar_belakang.as_deref(),
            ),
            golongan_code: g.map(|g| g.siasn_code),
            pangkat: g.and_then(|g| g.pangkat).map(str::to_string),
            unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
            unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
            supervisor_nip: sup.map(|s| s.nip.clone()),
            supervisor_name: sup.map(|s| {
                full_name(
                    &s.name,
                    s.gelar_depan.as_deref(),
                    s.gelar_belakang.as_deref(),
                )
            }),
            id: e.id,
            nip: e.nip,
            name: e.name,
            gelar_depan: e.gelar_depan,
            gelar_belakang: e.gelar_belakang,
            // Stored values are validated on every write.
            status: EmployeeStatus::parse(&e.status).unwrap_or(EmployeeStatus::Pns),
            golongan: e.golongan,
            jabatan: e.jabatan,
            jenis_jabatan: JenisJabatan::parse(&e.jenis_jabatan).unwrap_or(JenisJabatan::Pelaksana),
            email: e.email,
            active: e.active,
            pns_id: e.pns_id,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }

    pub fn summary(&self) -> EmployeeSummary {
        EmployeeSummary {
            nip: self.nip.clone(),
            full_name: self.full_name.clone(),
            jabatan: self.jabatan.clone(),
            unit_name: self.unit_name.clone(),
        }
    }
}

/// A short reference to an employee.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct EmployeeSummary {
    pub nip: String,
    pub full_name: String,
    pub jabatan: String,
    pub unit_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeList {
    pub items: Vec<EmployeeOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct EmployeeQuery {
    /// Only employees of this unit.
    pub unit_code: Option<String>,
    /// Search in name (contains) and NIP (prefix).
    pub q: Option<String>,
    pub active: Option<bool>,
    /// Page number, from 1 (smaller values mean 1).
    #[param(minimum = 0)]
    pub page: Option<i32>,
    /// Items per page, 1–100 (default 20; larger values mean 100).
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// Validate only; nothing is written.
    #[serde(default)]
    pub dry_run: bool,
}

fn default_true() -> bool {
    true
}

/// An employee as the HR system sends it (`PUT /employees/{nip}` body).
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema, PartialEq)]
pub struct EmployeeUpsert {
    /// Name without titles.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[serde(default)]
    pub gelar_depan: Option<String>,
    #[serde(default)]
    pub gelar_belakang: Option<String>,
    /// `PNS` or `PPPK` (must match the form of the NIP).
    #[schema(value_type = crate::dto::EmployeeStatus)]
    pub status: String,
    /// As written on documents: `III/b` (PNS) or `IX` (PPPK).
    #[schema(example = "III/b", min_length = 1)]
    pub golongan: String,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub jabatan: String,
    /// `struktural`, `fungsional` or `pelaksana`.
    #[schema(value_type = crate::dto::JenisJabatan)]
    pub jenis_jabatan: String,
    #[schema(min_length = 1, max_length = 64, pattern = r"^[A-Za-z0-9._-]+$")]
    pub unit_code: String,
    /// NIP of the direct supervisor; must exist or be in the same import.
    #[serde(default)]
    #[schema(pattern = r"^[0-9]{18}$")]
    pub supervisor_nip: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default = "default_true")]
    pub active: bool,
    /// SIASN's id of the person (`pnsDinilaiId` in SIASN's bodies), as the HR system knows
    /// it: letters, digits and `-`, at most 64. Absent or null keeps the stored id; an empty
    /// string clears it.
    #[serde(default)]
    #[schema(max_length = 64, pattern = r"^[A-Za-z0-9-]*$")]
    pub pns_id: Option<String>,
}

/// One row of a bulk import (JSON form): the upsert body plus the NIP.
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema)]
pub struct EmployeeImportRow {
    #[schema(pattern = r"^[0-9]{18}$")]
    pub nip: String,
    #[serde(flatten)]
    pub data: EmployeeUpsert,
}

/// Outcome of an import or a dry run.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Data rows read.
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Problems by row; empty when the batch is valid.
    pub errors: Vec<RowError>,
}
