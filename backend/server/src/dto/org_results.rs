//! Wire types of the distribution curve per unit: the org result input, finalisation and
//! the distribution views.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::distribution::{OrgResult, RuleCheck};

#[derive(Deserialize, ToSchema)]
pub struct OrgResultInput {
    pub result: OrgResult,
}

#[derive(Deserialize, ToSchema)]
pub struct FinaliseInput {
    /// Required (10–2000 characters) when the curve breaks in a unit of 5 or more.
    #[serde(default)]
    #[schema(min_length = 10, max_length = 2000)]
    pub override_reason: Option<String>,
}

/// Employees per predikat.
#[derive(Serialize, ToSchema, Default)]
pub struct PredikatCounts {
    pub sangat_baik: usize,
    pub baik: usize,
    pub butuh_perbaikan: usize,
    pub kurang: usize,
    pub sangat_kurang: usize,
}

/// Share of the unit's employees per predikat, in percent (one decimal).
#[derive(Serialize, ToSchema, Default)]
pub struct PredikatPercentages {
    pub sangat_baik: f64,
    pub baik: f64,
    pub butuh_perbaikan: f64,
    pub kurang: f64,
    pub sangat_kurang: f64,
}

/// A unit's distribution of predikat against its organisational result.
#[derive(Serialize, ToSchema)]
pub struct Distribution {
    pub period_id: Uuid,
    pub unit_code: String,
    pub unit_name: String,
    /// Null until the leader one level up sets it.
    pub org_result: Option<OrgResult>,
    pub org_result_label: Option<String>,
    /// Evaluated employees of the unit (snapshot unit, sub-units not included).
    pub employees: usize,
    pub counts: PredikatCounts,
    pub percentages: PredikatPercentages,
    /// The rules of the org result, each with its limit (employees, after rounding), the
    /// actual count and, when broken, a sentence saying what breaks. Empty without an org
    /// result.
    pub rules: Vec<RuleCheck>,
    /// Whether every rule holds; null without an org result.
    pub conforms: Option<bool>,
    /// Fewer than 5 evaluated employees: broken rules are warnings only.
    pub small_unit: bool,
    /// The warning shown for a small unit whose rules break.
    pub warning: Option<String>,
    /// Whether finalising needs an override reason.
    pub needs_override: bool,
    /// Evaluations of the unit still in draft.
    pub evaluations_not_final: usize,
    pub finalised: bool,
    pub finalised_at: Option<DateTime<Utc>>,
    /// Actor who finalised (`user:<id>`), as in the audit log.
    pub finalised_by: Option<String>,
    pub override_reason: Option<String>,
}

/// One unit in the period overview.
#[derive(Serialize, ToSchema)]
pub struct UnitDistributionSummary {
    pub unit_code: String,
    pub unit_name: String,
    pub employees: usize,
    pub org_result: Option<OrgResult>,
    pub conforms: Option<bool>,
    pub needs_override: bool,
    pub small_unit: bool,
    pub evaluations_not_final: usize,
    pub finalised: bool,
    /// Active members with neither a final evaluation nor an exemption, by NIP: they
    /// block the unit's finalisation and the period's publication.
    pub blockers: Vec<crate::error::Blocker>,
}

#[derive(Serialize, ToSchema)]
pub struct UnitDistributionList {
    pub period_id: Uuid,
    /// Units with evaluations, an org result or blocking members in the period, by code.
    pub items: Vec<UnitDistributionSummary>,
}
