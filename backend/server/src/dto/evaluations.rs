//! Wire types of evaluations and results: the supervisor's rating input, the results per
//! employee, the supervisor's team view and the employee's own published results.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::appeal::{AppealStatus, Decision, MatrixCell};
use crate::domain::evaluation::{EvaluationStatus, ResultStatus};
use crate::domain::golongan;
use crate::domain::master::full_name;
use crate::domain::period::PeriodKind;
use crate::domain::predikat::{Predikat, Rating};

#[derive(Deserialize, ToSchema)]
pub struct EvaluationInput {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    /// Why the behaviour rating differs from the 360 suggestion; required when it does.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub justification: Option<String>,
    /// Final evaluations cannot be changed any more.
    #[serde(default)]
    pub r#final: bool,
}

/// The predikat with its SIASN code.
#[derive(Serialize, ToSchema)]
pub struct PredikatOut {
    /// SIASN kuadranKinerjaNilai (1 Sangat Baik … 5 Sangat Kurang).
    pub code: u8,
    pub label: String,
    pub value: Predikat,
}

impl From<Predikat> for PredikatOut {
    fn from(p: Predikat) -> Self {
        PredikatOut {
            code: p.siasn_code(),
            label: p.label().into(),
            value: p,
        }
    }
}

/// A rating with its label and SIASN code.
#[derive(Serialize, ToSchema)]
pub struct RatingOut {
    pub value: Rating,
    pub label: String,
    /// SIASN code: 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub code: u8,
}

impl From<Rating> for RatingOut {
    fn from(r: Rating) -> Self {
        RatingOut {
            value: r,
            label: r.label().into(),
            code: r.siasn_code(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Penilai {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    /// As written on documents (`III/b`).
    pub golongan: String,
    pub unit_code: String,
    pub unit_name: String,
}

/// One employee's result for a period.
#[derive(Serialize, ToSchema)]
pub struct ResultOut {
    pub evaluation_id: Uuid,
    pub nip: String,
    pub name: String,
    pub golongan: String,
    pub jabatan: String,
    pub unit_code: String,
    pub unit_name: String,
    pub rating_hasil_kerja: Rating,
    /// SIASN hasilKinerjaNilai (1–3).
    pub rating_hasil_kerja_code: u8,
    /// The behaviour rating: the same name as in the rating PUT body, the team view and
    /// `/me/results` (docs/api-conventions.md).
    pub rating_perilaku: Rating,
    /// SIASN perilakuKerjaNilai (1–3).
    pub rating_perilaku_code: u8,
    /// Deprecated: the old name of `rating_perilaku`; removed in the next release.
    #[schema(deprecated)]
    pub rating_perilaku_kerja: Rating,
    /// Deprecated: the old name of `rating_perilaku_code`; removed in the next release.
    #[schema(deprecated)]
    pub rating_perilaku_kerja_code: u8,
    pub predikat: PredikatOut,
    /// The 360 suggestion for the behaviour rating when the supervisor rated, if any.
    pub suggested_perilaku: Option<Rating>,
    /// The weighted 360 mean (1–5) behind the suggestion.
    pub mean_360: Option<f64>,
    /// The supervisor's justification when the rating differs from the suggestion.
    pub justification: Option<String>,
    pub penilai: Penilai,
    /// `draft`, `final`, `published` or `under_appeal` (published with an open appeal).
    pub status: ResultStatus,
}

#[derive(Serialize, ToSchema)]
pub struct ResultList {
    pub period_id: Uuid,
    pub items: Vec<ResultOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct ResultQuery {
    /// Only the results of this (snapshot) unit.
    pub unit_code: Option<String>,
}

/// The 360 suggestion shown to the supervisor.
#[derive(Serialize, ToSchema)]
pub struct SuggestionOut {
    pub rating: Rating,
    /// The weighted 360 mean (1–5).
    pub mean: f64,
}

/// A subordinate's evaluation as the supervisor sees it.
#[derive(Serialize, ToSchema)]
pub struct TeamEvaluation {
    pub id: Uuid,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: PredikatOut,
    /// `draft` or `final`.
    pub status: EvaluationStatus,
    pub justification: Option<String>,
    pub suggested_perilaku: Option<Rating>,
    pub mean_360: Option<f64>,
}

/// One direct subordinate and where their cycle stands.
#[derive(Serialize, ToSchema)]
pub struct TeamMember {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    /// SKP of the period's year: `draft`, `submitted`, `approved`, `returned`, or null.
    pub skp_status: Option<crate::domain::skp::SkpStatus>,
    /// Indicators in the SKP of the year.
    pub indicators: u64,
    /// Indicators with realisasi recorded in this period.
    pub realisasi: u64,
    /// Whether the period's 360 results are released (ADR 0013); no response counts are
    /// shown, since they would change with each submit.
    pub results_360_released: bool,
    /// The 360 suggestion for the behaviour rating, when there is one.
    pub suggestion: Option<SuggestionOut>,
    pub evaluation: Option<TeamEvaluation>,
    /// `filed` or `decided` when the employee appealed.
    pub appeal_status: Option<AppealStatus>,
}

#[derive(Serialize, ToSchema)]
pub struct TeamList {
    pub period_id: Uuid,
    pub items: Vec<TeamMember>,
}

/// The period of a result as the employee sees it.
#[derive(Serialize, ToSchema)]
pub struct ResultPeriod {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub kind: PeriodKind,
    pub number: i32,
    /// First day of the period (local date).
    pub starts_on: NaiveDate,
    /// Last day of the period, inclusive: with `starts_on` the range of the citizen index
    /// that belongs to this period (`GET /employees/{nip}/citizen-feedback?from=&to=`).
    pub ends_on: NaiveDate,
    pub published_at: Option<DateTime<Utc>>,
}

/// The penilai as the employee sees them.
#[derive(Serialize, ToSchema)]
pub struct PenilaiRef {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
}

/// The employee's appeal against a result.
#[derive(Serialize, ToSchema)]
pub struct AppealRef {
    pub id: Uuid,
    /// `filed` or `decided`.
    pub status: AppealStatus,
    /// `keep` or `change`, once decided.
    pub decision: Option<Decision>,
}

/// One published result of the signed-in employee, with the "why".
#[derive(Serialize, ToSchema)]
pub struct MyResult {
    pub period: ResultPeriod,
    pub evaluation_id: Uuid,
    pub rating_hasil_kerja: RatingOut,
    pub rating_perilaku: RatingOut,
    pub predikat: PredikatOut,
    /// The matrix cell the predikat comes from, explained in Indonesian.
    pub matrix: MatrixCell,
    /// The 360 suggestion for the behaviour rating when the supervisor rated.
    pub suggested_perilaku: Option<RatingOut>,
    /// The weighted 360 mean (1–5) behind the suggestion.
    pub mean_360: Option<f64>,
    /// The supervisor's reason when the rating differs from the suggestion.
    pub justification: Option<String>,
    pub penilai: PenilaiRef,
    /// `published` or `under_appeal`.
    pub status: ResultStatus,
    pub appeal: Option<AppealRef>,
    /// The last instant an appeal may be filed: the end of the local day `appeal_days`
    /// days after publication.
    pub appeal_deadline: Option<DateTime<Utc>>,
    /// Whether the employee may still file an appeal.
    pub can_appeal: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MyResultList {
    pub items: Vec<MyResult>,
}

/// A display name with titles.
pub fn display_name(e: &entity::employee::Model) -> String {
    full_name(
        &e.name,
        e.gelar_depan.as_deref(),
        e.gelar_belakang.as_deref(),
    )
}

/// The SIASN code of a snapshot golongan, as text (`32`); the written form when unknown.
pub fn golongan_siasn(status: &str, written: &str) -> String {
    golongan::find(status, written).map_or(written.to_string(), |g| g.siasn_code.to_string())
}
