//! Request and response bodies of `api::career`: recommendations, development plans with
//! items and certificates, the training catalogue and its import, training hours.

use chrono::{NaiveDate, Utc};
use entity::{development_certificate as cert, period, training};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
use crate::domain::berakhlak::CoreValue;
use crate::domain::development::{
    ItemKind, ItemStatus, RecommendationKind, RecommendationTrigger, TrainingMode,
};
use crate::domain::predikat::Predikat;
use crate::error::RowError;

#[derive(Serialize, ToSchema, Clone)]
pub struct PeriodBrief {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub kind: String,
    pub number: i32,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct RecommendedAction {
    /// `training` or `mentoring`.
    pub kind: RecommendationKind,
    pub title: String,
    pub training_id: Option<Uuid>,
    pub hours: Option<i32>,
    pub mode: Option<TrainingMode>,
    pub provider: Option<String>,
    pub mentor_nip: Option<String>,
    pub mentor_name: Option<String>,
    pub mentor_jabatan: Option<String>,
    /// The mentor's own 360 mean in the value concerned.
    pub mentor_mean: Option<f64>,
    pub reason: String,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct RecommendationOut {
    /// Stable key of the recommendation within the period (`predikat` or `value:<code>`).
    pub key: String,
    /// `predikat` or `value_360`.
    pub trigger: RecommendationTrigger,
    pub period: PeriodBrief,
    pub predikat: Option<Predikat>,
    pub predikat_label: Option<String>,
    pub value_code: Option<CoreValue>,
    pub value_label: Option<String>,
    /// The 360 mean of the value (all submitted non-self responses of the period).
    pub mean: Option<f64>,
    pub responses: Option<u32>,
    pub rule: String,
    /// Why: period, predikat or value + mean.
    pub cause: String,
    pub actions: Vec<RecommendedAction>,
}

#[derive(Serialize, ToSchema)]
pub struct RecommendationList {
    pub nip: String,
    pub name: String,
    /// The published period the recommendations come from (none when nothing is published).
    pub period: Option<PeriodBrief>,
    pub items: Vec<RecommendationOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct RecommendationQuery {
    /// A published period; default: the latest published period with a result for the employee.
    pub period_id: Option<Uuid>,
}

#[derive(Deserialize, ToSchema)]
pub struct PlanItemInput {
    pub kind: ItemKind,
    #[schema(max_length = 200)]
    pub title: String,
    pub training_id: Option<Uuid>,
    pub mentor_nip: Option<String>,
    pub due_on: NaiveDate,
    /// Training hours (JP) credited when done, 1–500.
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 500)]
    pub hours: Option<serde_json::Number>,
    /// Why (the recommendation's cause, or the supervisor's own words).
    #[schema(max_length = 1000)]
    pub cause: String,
}

#[derive(Deserialize, ToSchema)]
pub struct PlanInput {
    #[schema(max_length = 200)]
    pub title: Option<String>,
    /// The published period whose result prompted the plan.
    pub period_id: Option<Uuid>,
    /// 1–20 items.
    pub items: Vec<PlanItemInput>,
}

#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemOut {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub kind: ItemKind,
    pub title: String,
    pub training_id: Option<Uuid>,
    pub training_title: Option<String>,
    pub mentor_nip: Option<String>,
    pub mentor_name: Option<String>,
    pub due_on: NaiveDate,
    pub hours: Option<i32>,
    pub cause: String,
    pub status: ItemStatus,
    pub progress_note: Option<String>,
    pub completed_on: Option<NaiveDate>,
    /// Not done and past its due date.
    pub overdue: bool,
    pub certificates: Vec<CertificateOut>,
    /// The employee (in lists across employees).
    pub nip: Option<String>,
    pub name: Option<String>,
    pub unit_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanOut {
    pub id: Uuid,
    pub nip: String,
    pub name: String,
    pub supervisor_nip: String,
    pub supervisor_name: String,
    pub title: String,
    pub period_id: Option<Uuid>,
    pub created_at: chrono::DateTime<Utc>,
    pub items: Vec<ItemOut>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanList {
    pub items: Vec<PlanOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemList {
    pub items: Vec<ItemOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemPage {
    pub items: Vec<ItemOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, ToSchema)]
pub struct ItemProgressInput {
    pub status: Option<ItemStatus>,
    #[schema(max_length = 2000)]
    pub progress_note: Option<String>,
    /// When the item was finished (default today; not in the future).
    pub completed_on: Option<NaiveDate>,
}

/// The raw bytes of a certificate file (documentation type).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct CertificateFile(pub Vec<u8>);

#[derive(Deserialize, IntoParams)]
pub struct CertificateQuery {
    /// The original file name (only its last segment is kept, sanitised).
    pub file_name: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct PlanItemQuery {
    /// Only employees of this unit and the units below it.
    pub unit_code: Option<String>,
    /// Only items not done and past their due date.
    pub overdue: Option<bool>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, IntoParams)]
pub struct CompletedQuery {
    /// Only items completed on or after this date (default: all).
    pub since: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingOut {
    pub id: Uuid,
    pub title: String,
    pub provider: String,
    pub value_code: Option<CoreValue>,
    pub value_label: Option<String>,
    pub competency: Option<String>,
    /// Length in JP (jam pelajaran).
    pub hours: i32,
    pub mode: TrainingMode,
    pub active: bool,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingList {
    pub items: Vec<TrainingOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct TrainingQuery {
    /// Part of the title.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// A BerAKHLAK value code.
    #[param(value_type = Option<CoreValue>)]
    pub value_code: Option<String>,
    /// `klasikal`, `e-learning`, `blended` or `lainnya`.
    #[param(value_type = Option<TrainingMode>)]
    pub mode: Option<String>,
    pub active: Option<bool>,
}

#[derive(Deserialize, ToSchema)]
pub struct TrainingInput {
    /// Not blank.
    #[schema(max_length = 200, pattern = r"\S")]
    pub title: String,
    /// Not blank.
    #[schema(max_length = 200, pattern = r"\S")]
    pub provider: String,
    pub value_code: Option<CoreValue>,
    #[schema(max_length = 200)]
    pub competency: Option<String>,
    /// Length in JP, 1–500.
    #[schema(value_type = i32, minimum = 1, maximum = 500)]
    pub hours: serde_json::Number,
    pub mode: TrainingMode,
    pub active: Option<bool>,
}

#[derive(Deserialize, IntoParams)]
pub struct DryRunQuery {
    /// Validate only.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Serialize, ToSchema, Default)]
pub struct CareerImportReport {
    pub dry_run: bool,
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub errors: Vec<RowError>,
}

#[derive(Deserialize, IntoParams)]
pub struct YearQuery {
    /// Default: the current year.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct HoursItem {
    pub item_id: Uuid,
    pub title: String,
    pub hours: i32,
    pub completed_on: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingHoursOut {
    pub nip: String,
    pub name: String,
    pub year: i32,
    pub target_jp: i64,
    pub completed_jp: i64,
    pub remaining_jp: i64,
    pub met: bool,
    pub items: Vec<HoursItem>,
}

#[derive(Serialize, ToSchema)]
pub struct UnitHoursRow {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub completed_jp: i64,
    pub met: bool,
}

#[derive(Serialize, ToSchema)]
pub struct UnitHoursOut {
    pub year: i32,
    pub target_jp: i64,
    pub items: Vec<UnitHoursRow>,
}

#[derive(Deserialize, IntoParams)]
pub struct UnitYearQuery {
    /// The unit (and the units below it); required for unit leaders.
    pub unit_code: Option<String>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

impl From<&period::Model> for PeriodBrief {
    fn from(p: &period::Model) -> Self {
        PeriodBrief {
            id: p.id,
            name: p.name.clone(),
            year: p.year,
            kind: p.kind.clone(),
            number: p.number,
        }
    }
}

impl From<cert::Model> for CertificateOut {
    fn from(c: cert::Model) -> Self {
        CertificateOut {
            id: c.id,
            file_name: c.file_name,
            content_type: c.content_type,
            size_bytes: c.size_bytes,
            sha256: c.sha256,
            created_at: c.created_at,
        }
    }
}

impl From<training::Model> for TrainingOut {
    fn from(t: training::Model) -> Self {
        let value = t.value_code.as_deref().and_then(CoreValue::parse);
        TrainingOut {
            id: t.id,
            title: t.title,
            provider: t.provider,
            value_code: value,
            value_label: value.map(|v| v.info().name_id.into()),
            competency: t.competency,
            hours: t.hours,
            mode: TrainingMode::parse(&t.mode).unwrap_or(TrainingMode::Lainnya),
            active: t.active,
        }
    }
}
