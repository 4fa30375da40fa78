//! Request and response bodies of `api::talent`: potensi, the 9-box, promotion candidates,
//! placement and angka kredit.

use chrono::{NaiveDate, Utc};
use entity::potensi_assessment as potensi;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::angka_kredit::Jenjang;
use crate::domain::ninebox::Potensi;
use crate::domain::predikat::{Predikat, Rating};

#[derive(Serialize, ToSchema)]
pub struct PotensiOut {
    pub id: Uuid,
    pub level: Potensi,
    pub source: String,
    pub assessed_on: NaiveDate,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PotensiList {
    pub nip: String,
    /// Newest first; the first one counts.
    pub items: Vec<PotensiOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct PotensiInput {
    pub level: Potensi,
    /// Where the result comes from, e.g. "Assessment Center BKD 2026".
    #[schema(max_length = 200)]
    pub source: String,
    /// Not in the future.
    pub assessed_on: NaiveDate,
}

#[derive(Deserialize, IntoParams)]
pub struct TalentYearQuery {
    /// Year of the annual result (default: the latest year with a published annual period).
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeTalent {
    pub nip: String,
    pub name: String,
    pub year: i32,
    /// rating_hasil_kerja of the annual result.
    pub kinerja: Option<Rating>,
    pub predikat: Option<Predikat>,
    pub potensi: Option<Potensi>,
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: Option<u8>,
    pub box_label: Option<String>,
    pub recommendations: Vec<String>,
    /// Why no box: what is missing.
    pub missing: Vec<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct GridQuery {
    /// The unit and the units below it; required for unit leaders.
    pub unit_code: Option<String>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct GridPerson {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    pub predikat: Option<Predikat>,
}

#[derive(Serialize, ToSchema)]
pub struct GridCell {
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: u8,
    pub kinerja: Rating,
    pub potensi: Potensi,
    pub label: String,
    pub recommendations: Vec<String>,
    pub count: usize,
    pub employees: Vec<GridPerson>,
}

#[derive(Serialize, ToSchema)]
pub struct Unplaced {
    pub nip: String,
    pub name: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct TalentGrid {
    pub year: i32,
    pub unit_code: Option<String>,
    /// The nine cells, box 1 to 9.
    pub cells: Vec<GridCell>,
    /// Employees without an annual result or potensi.
    pub unplaced: Vec<Unplaced>,
}

#[derive(Deserialize, IntoParams)]
pub struct UnitQuery {
    /// The unit and the units below it; required for unit leaders.
    pub unit_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AnnualResult {
    pub year: i32,
    pub predikat: Predikat,
    pub predikat_label: String,
}

#[derive(Serialize, ToSchema)]
pub struct CompletedDevelopment {
    pub title: String,
    pub completed_on: Option<NaiveDate>,
    pub hours: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct Candidate {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub jabatan: String,
    pub golongan: String,
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: u8,
    pub potensi: Potensi,
    /// The last two annual results, newest first.
    pub annual: Vec<AnnualResult>,
    /// TMT CPNS read from the NIP (`YYYY-MM`; PPPK: the TMT year).
    pub tmt_cpns: Option<String>,
    /// Whole years since the TMT (masa kerja, from the NIP).
    pub masa_kerja_tahun: Option<i32>,
    /// How the service time was derived (no TMT golongan is recorded).
    pub masa_kerja_note: String,
    pub completed_development: Vec<CompletedDevelopment>,
}

#[derive(Serialize, ToSchema)]
pub struct CandidateList {
    /// The two annual years compared (newest first); fewer when not yet published.
    pub years: Vec<i32>,
    pub rule: String,
    pub items: Vec<Candidate>,
}

#[derive(Deserialize, IntoParams)]
pub struct PlacementQuery {
    /// The vacant position's jabatan (its family is compared, without the jenjang); not blank.
    #[param(required = true, value_type = String, pattern = r"\S", max_length = 200)]
    pub jabatan: Option<String>,
    /// Only this unit and below (required for unit leaders).
    pub unit_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlacementRow {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    pub latest_predikat: Option<Predikat>,
    pub latest_period: Option<String>,
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct PlacementList {
    pub family: String,
    pub jenjang: Option<String>,
    pub items: Vec<PlacementRow>,
}

#[derive(Serialize, ToSchema)]
pub struct AkPeriod {
    pub period_id: Uuid,
    pub name: String,
    pub months: u32,
    pub predikat: Predikat,
    /// 1.5 = 150%.
    pub percentage: f64,
    /// The jabatan at the time (evaluation snapshot).
    pub jabatan: String,
    pub jenjang: Option<Jenjang>,
    pub coefficient: Option<f64>,
    /// None when the jabatan then had no jenjang (not functional).
    pub ak: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeAk {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub family: String,
    pub jenjang: Option<Jenjang>,
    pub coefficient: Option<f64>,
    pub functional: bool,
    pub year: i32,
    pub formula: String,
    pub periods: Vec<AkPeriod>,
    pub total_ak: f64,
}

#[derive(Serialize, ToSchema)]
pub struct UnitAkRow {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub jabatan: String,
    pub jenjang: Option<Jenjang>,
    pub coefficient: Option<f64>,
    pub periods: usize,
    pub total_ak: f64,
}

#[derive(Serialize, ToSchema)]
pub struct UnitAk {
    pub year: i32,
    pub formula: String,
    pub items: Vec<UnitAkRow>,
}

impl From<potensi::Model> for PotensiOut {
    fn from(m: potensi::Model) -> Self {
        PotensiOut {
            id: m.id,
            level: Potensi::parse(&m.level).unwrap_or(Potensi::Rendah),
            source: m.source,
            assessed_on: m.assessed_on,
            created_at: m.created_at,
        }
    }
}
