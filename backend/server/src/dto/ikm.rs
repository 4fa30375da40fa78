//! Request and response bodies of `api::ikm`: a unit's IKM and an employee's citizen
//! feedback.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub use crate::domain::ikm::Mutu;

#[derive(Deserialize, IntoParams)]
pub struct RangeQuery {
    /// First day (local date, `YYYY-MM-DD`); default: the first day of the month five months ago.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive; default: today.
    pub to: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct ElementResult {
    pub code: String,
    pub name: String,
    /// NRR (1–4), two decimals; null below the minimum respondents.
    pub nrr: Option<f64>,
    /// Number of answers to this element.
    pub answers: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TrendPoint {
    /// Local month `YYYY-MM`.
    pub month: String,
    pub respondents: i64,
    pub konversi: Option<f64>,
    pub mutu: Option<Mutu>,
}

/// The SKM result of a unit over a period.
#[derive(Serialize, ToSchema)]
pub struct IkmReport {
    pub unit_code: String,
    pub unit_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub respondents: i64,
    /// Respondents whose submission carried a valid ticket.
    pub verified_respondents: i64,
    pub min_respondents: i64,
    /// False below the minimum: then no index is given.
    pub sufficient: bool,
    pub elements: Vec<ElementResult>,
    /// Σ NRR × 1/9 (1–4), three decimals.
    pub ikm: Option<f64>,
    /// IKM × 25 (25–100), two decimals.
    pub konversi: Option<f64>,
    pub mutu: Option<Mutu>,
    /// Sangat Baik / Baik / Kurang Baik / Tidak Baik.
    pub mutu_label: Option<String>,
    pub trend: Vec<TrendPoint>,
}

/// The employee-level index over U6 and U7.
#[derive(Serialize, ToSchema)]
pub struct EmployeeIndex {
    /// Says, in Indonesian, that this is Kinerja360's own adaptation, not the regulated IKM.
    pub label: String,
    pub u6_nrr: f64,
    pub u7_nrr: f64,
    /// (NRR U6 + NRR U7) ÷ 2 × 25, two decimals.
    pub konversi: f64,
    pub mutu: Mutu,
    pub mutu_label: String,
}

/// A comment about the employee; the citizen is anonymous by construction.
#[derive(Serialize, ToSchema)]
pub struct CitizenComment {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub comment: String,
    pub reply: Option<String>,
    pub replied_at: Option<DateTime<Utc>>,
    /// Only for HR, admin and auditor: the comment is hidden from the employee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct CitizenFeedback {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub respondents: i64,
    pub min_respondents: i64,
    pub sufficient: bool,
    pub index: Option<EmployeeIndex>,
    /// Newest first (at most 50).
    pub comments: Vec<CitizenComment>,
}
