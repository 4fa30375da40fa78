//! Wire types of appeals (keberatan) against a published predikat.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
use super::evaluations::PredikatOut;
pub use crate::domain::appeal::{AppealRole, AppealStatus, Decision};
use crate::domain::predikat::Rating;

pub use crate::dto::skp::PersonRef;

#[derive(Deserialize, ToSchema)]
pub struct AppealCreate {
    /// Why the employee objects (required, up to 4000 characters).
    #[schema(min_length = 1, max_length = 4000)]
    pub reasons: String,
}

/// One side's statement; each party may only write their own.
#[derive(Deserialize, ToSchema)]
#[schema(min_properties = 1)]
pub struct StatementsInput {
    /// The employee's statement (the employee only).
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub employee_statement: Option<String>,
    /// The penilai's statement (the penilai only).
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub penilai_statement: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct DecideInput {
    pub decision: Decision,
    /// With `change`: the new rating hasil kerja (unchanged when absent).
    #[serde(default)]
    pub rating_hasil_kerja: Option<Rating>,
    /// With `change`: the new rating perilaku kerja (unchanged when absent).
    #[serde(default)]
    pub rating_perilaku: Option<Rating>,
    /// The reason for the decision (required, up to 2000 characters).
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

#[derive(Deserialize, IntoParams)]
pub struct AppealQuery {
    /// `mine` (default), `penilai`, `to_decide` or `all`.
    #[param(value_type = Option<AppealRole>)]
    pub role: Option<String>,
    /// `filed` or `decided`.
    #[param(value_type = Option<AppealStatus>)]
    pub status: Option<String>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct AppealPeriod {
    pub id: Uuid,
    pub name: String,
}

/// A pair of ratings and their predikat.
#[derive(Serialize, ToSchema)]
pub struct RatingsOut {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: PredikatOut,
}

#[derive(Serialize, ToSchema)]
pub struct AppealOut {
    pub id: Uuid,
    pub evaluation_id: Uuid,
    pub period: AppealPeriod,
    pub employee: PersonRef,
    pub penilai: PersonRef,
    /// The atasan pejabat penilai; null when HR decides.
    pub decider: Option<PersonRef>,
    /// True when the penilai had no supervisor in the system: HR decides.
    pub decided_by_hr: bool,
    pub reasons: String,
    pub employee_statement: Option<String>,
    pub penilai_statement: Option<String>,
    /// `filed` or `decided`.
    pub status: AppealStatus,
    /// `keep` or `change`.
    pub decision: Option<Decision>,
    pub decision_reason: Option<String>,
    /// The ratings appealed against.
    pub old: Option<RatingsOut>,
    /// The ratings after a `change` decision.
    pub new: Option<RatingsOut>,
    pub filed_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// Whether the caller may decide it now (the decider, once the penilai's statement is
    /// given or its deadline has lapsed).
    pub can_decide: bool,
    /// What the caller may do with it now; the SPA shows only these buttons.
    pub allowed_actions: Vec<crate::domain::actions::AllowedAction>,
    /// The end of the penilai's statement deadline; after it the appeal may be decided
    /// without the statement (the lapse is recorded with the decision).
    pub penilai_statement_due: DateTime<Utc>,
    /// Which statement the caller may still write: `employee`, `penilai` or null.
    pub can_write_statement: Option<crate::domain::appeal::StatementSide>,
}

#[derive(Serialize, ToSchema)]
pub struct AppealList {
    /// The role the list was taken in.
    pub role: AppealRole,
    pub items: Vec<AppealOut>,
    pub meta: PageMeta,
}
