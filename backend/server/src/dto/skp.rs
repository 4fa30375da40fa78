//! Request and response bodies of `api::skp` (and the BerAKHLAK reference list).

use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::berakhlak::{CoreValue, ValueInfo};
use crate::domain::master::full_name;
use crate::domain::skp::{Aspect, RhkKind, SkpStatus};

/// An employee named in a response.
#[derive(Serialize, ToSchema)]
pub struct PersonRef {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
}

#[derive(Serialize, ToSchema)]
pub struct ParentRhkRef {
    pub id: Uuid,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorOut {
    pub id: Uuid,
    pub aspect: Aspect,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
    pub position: i32,
}

#[derive(Serialize, ToSchema)]
pub struct RhkOut {
    pub id: Uuid,
    pub kind: RhkKind,
    pub description: String,
    pub position: i32,
    /// The supervisor's RHK this one supports (RHK pimpinan yang diintervensi).
    pub parent_rhk: Option<ParentRhkRef>,
    pub indicators: Vec<IndicatorOut>,
}

/// The supervisor's specific expectation for one BerAKHLAK value (null when none).
#[derive(Serialize, ToSchema)]
pub struct ExpectationOut {
    pub value_code: CoreValue,
    pub value_name: String,
    pub expectation: Option<String>,
}

/// An SKP with its RHK items, indicators and the seven expectations.
#[derive(Serialize, ToSchema)]
pub struct SkpOut {
    pub id: Uuid,
    pub year: i32,
    pub status: SkpStatus,
    pub return_reason: Option<String>,
    pub employee: PersonRef,
    /// The supervisor it was submitted to or decided by.
    pub approver: Option<PersonRef>,
    /// Snapshot of the employee's unit and jabatan when the plan was last saved.
    pub unit_code: String,
    pub jabatan: String,
    pub rhk: Vec<RhkOut>,
    /// Always the seven values in the official order.
    pub expectations: Vec<ExpectationOut>,
    pub submitted_at: Option<chrono::DateTime<Utc>>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
    /// The caller may edit and submit (the employee, while draft or returned).
    pub can_edit: bool,
    /// The caller may approve or return (the direct supervisor, while submitted).
    pub can_decide: bool,
    /// The caller may set expectations (the direct supervisor).
    pub can_set_expectations: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct IndicatorInput {
    /// An existing indicator of this plan to keep.
    #[serde(default)]
    pub id: Option<Uuid>,
    #[schema(value_type = Aspect)]
    pub aspect: String,
    #[schema(max_length = 1000)]
    pub description: String,
    /// A numeric target (with `target_unit`), or leave out and give `target_text`.
    #[serde(default)]
    #[schema(minimum = 0)]
    pub target_value: Option<f64>,
    #[serde(default)]
    #[schema(max_length = 50)]
    pub target_unit: Option<String>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub target_text: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct RhkInput {
    /// An existing RHK of this plan to keep (feedback notes and subordinates' links stay).
    #[serde(default)]
    pub id: Option<Uuid>,
    #[schema(value_type = RhkKind)]
    pub kind: String,
    #[schema(max_length = 2000)]
    pub description: String,
    /// An RHK of the direct supervisor's SKP of the same year.
    #[serde(default)]
    pub parent_rhk_id: Option<Uuid>,
    #[schema(min_items = 1, max_items = 10)]
    pub indicators: Vec<IndicatorInput>,
}

/// The whole plan; it replaces what was saved.
#[derive(Deserialize, ToSchema)]
pub struct SkpInput {
    #[schema(max_items = 30)]
    pub rhk: Vec<RhkInput>,
}

#[derive(Deserialize, ToSchema)]
pub struct ReturnInput {
    /// Why the plan goes back (5–2000 characters).
    #[schema(min_length = 5, max_length = 2000)]
    pub reason: String,
}

/// CoreValue code → expectation text, or null to clear it. Values left out are unchanged.
#[derive(Deserialize, ToSchema)]
pub struct ExpectationsInput {
    #[schema(value_type = BTreeMap<String, Option<String>>)]
    pub expectations: BTreeMap<String, Option<String>>,
}

#[derive(Deserialize, ToSchema)]
pub struct CopyInput {
    #[schema(minimum = 2000, maximum = 2100)]
    #[serde(deserialize_with = "crate::dto::de::integral_i32")]
    pub from_year: i32,
}

#[derive(Serialize, ToSchema)]
pub struct ParentOption {
    pub id: Uuid,
    pub kind: RhkKind,
    pub description: String,
    pub position: i32,
}

/// The direct supervisor's RHK items of the year, to link to.
#[derive(Serialize, ToSchema)]
pub struct ParentOptions {
    pub supervisor: Option<PersonRef>,
    pub skp_status: Option<SkpStatus>,
    pub items: Vec<ParentOption>,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalSkp {
    pub id: Uuid,
    pub status: SkpStatus,
    pub submitted_at: Option<chrono::DateTime<Utc>>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
    pub rhk_count: u64,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalItem {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    /// Null when the subordinate has no plan for the year yet.
    pub skp: Option<ApprovalSkp>,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalList {
    pub year: i32,
    pub items: Vec<ApprovalItem>,
}

/// Status filter of the approval inbox (documentation type; `none` = no plan yet).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatusFilter {
    Draft,
    Submitted,
    Approved,
    Returned,
    None,
}

#[derive(Deserialize, IntoParams)]
pub struct ApprovalQuery {
    /// Defaults to the current year.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    #[param(value_type = Option<ApprovalStatusFilter>, inline)]
    pub status: Option<String>,
}

impl From<&entity::employee::Model> for PersonRef {
    fn from(e: &entity::employee::Model) -> Self {
        PersonRef {
            nip: e.nip.clone(),
            name: full_name(
                &e.name,
                e.gelar_depan.as_deref(),
                e.gelar_belakang.as_deref(),
            ),
            jabatan: e.jabatan.clone(),
        }
    }
}

impl From<&entity::rhk::Model> for ParentRhkRef {
    fn from(r: &entity::rhk::Model) -> Self {
        ParentRhkRef {
            id: r.id,
            description: r.description.clone(),
        }
    }
}

impl From<entity::indicator::Model> for IndicatorOut {
    fn from(i: entity::indicator::Model) -> Self {
        IndicatorOut {
            id: i.id,
            aspect: Aspect::parse(&i.aspect).unwrap_or(Aspect::Kuantitas),
            description: i.description,
            target_value: i.target_value,
            target_unit: i.target_unit,
            target_text: i.target_text,
            position: i.position,
        }
    }
}

impl From<entity::rhk::Model> for ParentOption {
    fn from(r: entity::rhk::Model) -> Self {
        ParentOption {
            id: r.id,
            kind: RhkKind::parse(&r.kind).unwrap_or(RhkKind::Tambahan),
            description: r.description,
            position: r.position,
        }
    }
}

/// The stored status of a plan (an unknown string reads as a draft).
pub fn status_of(s: &entity::skp::Model) -> SkpStatus {
    SkpStatus::parse(&s.status).unwrap_or(SkpStatus::Draft)
}

/// A BerAKHLAK core value with its three behaviour indicators.
#[derive(Serialize, ToSchema)]
pub struct BerakhlakValue {
    pub code: CoreValue,
    /// 1–7 in the official order.
    pub number: u8,
    pub name: String,
    pub name_en: String,
    pub indicators: Vec<String>,
    pub indicators_en: Vec<String>,
}

impl From<&ValueInfo> for BerakhlakValue {
    fn from(v: &ValueInfo) -> Self {
        BerakhlakValue {
            code: v.value,
            number: v.number,
            name: v.name_id.into(),
            name_en: v.name_en.into(),
            indicators: v.indicators_id.iter().map(|s| s.to_string()).collect(),
            indicators_en: v.indicators_en.iter().map(|s| s.to_string()).collect(),
        }
    }
}
