//! Request and response bodies of `api::ratings360` (schema names, fields and docs as
//! they were when they lived beside the handlers), and the conversion of an employee row
//! into the `Person` the 360 screens show.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::aggregation::{QualityFlag, RaterGroup, Share};
use crate::domain::berakhlak::CoreValue;
use crate::domain::master::full_name;
use crate::domain::predikat::Rating;
use crate::domain::ratings360::{AssignmentStatus, NominationStatus};

/// An employee as the 360 screens show them.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct Person {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    pub unit_name: String,
}

/// What generating assignments created.
#[derive(Serialize, ToSchema)]
pub struct GenerateOut {
    /// Rows created in total.
    pub created: u64,
    /// Self-assessments created.
    #[serde(rename = "self")]
    pub self_rating: u64,
    pub supervisor: u64,
    pub subordinate: u64,
    /// Assignments that already existed and were left untouched.
    pub existing: u64,
}

#[derive(Deserialize, IntoParams)]
pub struct UnitQuery {
    /// Limit to the employees of this unit and the units below it.
    pub unit_code: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct PeersInput {
    /// NIPs of the peers (1–8; duplicates are ignored).
    #[schema(min_items = 1, max_items = 8)]
    pub nips: Vec<String>,
}

/// A peer as the ratee and the organisers see them: never whether they responded.
#[derive(Serialize, ToSchema)]
pub struct PeerOut {
    /// The assignment id (organisers only, for approve/reject).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    #[serde(flatten)]
    pub person: Person,
    /// `nominated`, `approved` or `rejected`.
    pub state: NominationStatus,
    pub decision_reason: Option<String>,
    /// Whether the ratee nominated this peer (organisers only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nominated_by_ratee: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct PeerList {
    pub items: Vec<PeerOut>,
}

/// One assignment as the organisers (supervisor chain, HR) see it.
#[derive(Serialize, ToSchema)]
pub struct RaterOut {
    /// The assignment id, on peer rows only (for approve/reject).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    pub group: RaterGroup,
    #[serde(flatten)]
    pub person: Person,
    /// Self and supervisor rows: `assigned`, `draft` or `submitted`. Peer and subordinate
    /// rows: only `nominated`, `approved` or `rejected` (they are anonymous).
    pub state: RaterState,
}

#[derive(Serialize, ToSchema)]
pub struct RaterList {
    pub items: Vec<RaterOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct RejectInput {
    /// Why the nomination is rejected (shown to the ratee who nominated).
    #[serde(default)]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// A rater's form: whom they rate and their saved answers.
#[derive(Serialize, ToSchema)]
pub struct FormOut {
    pub id: Uuid,
    pub period_id: Uuid,
    pub period_name: String,
    pub group: RaterGroup,
    /// `assigned`, `draft` or `submitted`.
    pub status: AssignmentStatus,
    /// Last local day answers may be saved; none means while the period is open.
    pub deadline: Option<NaiveDate>,
    /// Whether the form can still be saved or submitted now.
    pub editable: bool,
    pub ratee: Person,
    /// CoreValue code → 1..5 of a draft; empty once submitted (a submitted response is
    /// sealed and never read back, not even by its rater).
    pub scores: BTreeMap<String, i16>,
    /// CoreValue code → comment of a draft; empty once submitted.
    pub comments: BTreeMap<String, String>,
    /// Of a draft only.
    pub overall_comment: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct FormList {
    pub items: Vec<FormOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct MyFormsQuery {
    /// Forms of this period; without it, of every open period.
    pub period_id: Option<Uuid>,
}

/// Scores 1–5 per BerAKHLAK value (documentation type). All seven are needed to submit.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ScoresDoc {
    #[schema(minimum = 1, maximum = 5)]
    berorientasi_pelayanan: Option<i32>,
    #[schema(minimum = 1, maximum = 5)]
    akuntabel: Option<i32>,
    #[schema(minimum = 1, maximum = 5)]
    kompeten: Option<i32>,
    #[schema(minimum = 1, maximum = 5)]
    harmonis: Option<i32>,
    #[schema(minimum = 1, maximum = 5)]
    loyal: Option<i32>,
    #[schema(minimum = 1, maximum = 5)]
    adaptif: Option<i32>,
    #[schema(minimum = 1, maximum = 5)]
    kolaboratif: Option<i32>,
}

/// Comments per BerAKHLAK value (documentation type).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct CommentsDoc {
    #[schema(max_length = 1000)]
    berorientasi_pelayanan: Option<String>,
    #[schema(max_length = 1000)]
    akuntabel: Option<String>,
    #[schema(max_length = 1000)]
    kompeten: Option<String>,
    #[schema(max_length = 1000)]
    harmonis: Option<String>,
    #[schema(max_length = 1000)]
    loyal: Option<String>,
    #[schema(max_length = 1000)]
    adaptif: Option<String>,
    #[schema(max_length = 1000)]
    kolaboratif: Option<String>,
}

/// A rater's answers. PUT replaces what was saved; `submit` makes them final.
#[derive(Deserialize, ToSchema)]
pub struct ResponseInput {
    /// A missing or null score is not given.
    #[serde(default)]
    #[schema(value_type = Option<ScoresDoc>)]
    pub scores: Option<BTreeMap<String, Option<serde_json::Number>>>,
    /// An empty or null comment is removed.
    #[serde(default)]
    #[schema(value_type = Option<CommentsDoc>)]
    pub comments: Option<BTreeMap<String, Option<String>>>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub overall_comment: Option<String>,
    #[serde(default)]
    pub submit: bool,
}

/// One BerAKHLAK value of a shown group.
#[derive(Serialize, ToSchema)]
pub struct ValueOut {
    pub value: CoreValue,
    pub name: String,
    /// Mean score, two decimals.
    pub mean: f64,
    /// Comments, text only, sorted by text.
    pub comments: Vec<String>,
}

/// One rater group of the aggregate.
#[derive(Serialize, ToSchema)]
pub struct GroupOut {
    pub group: RaterGroup,
    pub label: String,
    /// Peers, subordinates and citizens are anonymous.
    pub anonymous: bool,
    /// Submitted responses (citizen respondents for the public group); null for an
    /// anonymous group below its minimum (never "1" or "2": see `count_below_threshold`).
    pub responses: Option<u32>,
    /// The anonymous group has fewer responses than its minimum (shown as "fewer than 3").
    pub count_below_threshold: bool,
    /// Responses needed before the group is shown.
    pub min_responses: u32,
    pub visible: bool,
    /// The configured weight of the group.
    pub weight: f64,
    /// Group mean (1–5), two decimals, when shown.
    pub mean: Option<f64>,
    /// Per value, when shown (not for the public).
    pub values: Vec<ValueOut>,
    /// Overall comments, text only, sorted by text, when shown.
    pub overall_comments: Vec<String>,
    /// The employee citizen index (25–100, U6 and U7) behind the public mean, when shown.
    pub public_index: Option<f64>,
}

/// A ratee's 360 aggregate for a period.
#[derive(Serialize, ToSchema)]
pub struct SummaryOut {
    pub period_id: Uuid,
    pub nip: String,
    pub name: String,
    pub run_360: bool,
    /// Whether the round's results are released (ADR 0013: once, when the 360 deadline
    /// has passed or the period is closed). Before that: no groups, numbers or comments.
    pub released: bool,
    /// The first day the deadline releases the results (the day after `deadline_360`);
    /// null when only closing the period releases them.
    pub release_on: Option<NaiveDate>,
    /// Effective threshold for peers and subordinates (never below 3).
    pub anonymity_threshold: u32,
    pub groups: Vec<GroupOut>,
    /// Weighted mean of the shown groups (1–5), two decimals.
    pub weighted_mean: Option<f64>,
    /// The groups counted, with their weights renormalised to shares.
    pub weights_used: Vec<Share>,
    pub suggested_rating: Option<Rating>,
    pub suggested_rating_label: Option<String>,
    /// The formula with the numbers.
    pub why: String,
}

#[derive(Serialize, ToSchema)]
pub struct UnitProgress {
    pub unit_code: String,
    pub unit_name: String,
    /// Forms issued (assigned, started or submitted).
    pub assigned: i64,
    pub submitted: i64,
    /// Issued and not yet submitted.
    pub pending: i64,
    /// Peer nominations waiting for a decision.
    pub awaiting_approval: i64,
}

/// Forms still to finish, pooled over the raters of one unit (only units with at least
/// the anonymity threshold of raters): never one rater, never whom they rate.
#[derive(Serialize, ToSchema)]
pub struct RaterUnitPending {
    pub unit_code: String,
    pub unit_name: String,
    /// Raters of the unit with forms in the period.
    pub raters: i64,
    /// Their forms not yet submitted, together.
    pub pending: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressOut {
    pub period_id: Uuid,
    /// Per unit of the ratees.
    pub units: Vec<UnitProgress>,
    /// Per unit of the raters, pooled.
    pub raters: Vec<RaterUnitPending>,
}

/// A rater whose responses look unreliable (never whom they rated, their mean or their
/// number of responses).
#[derive(Serialize, ToSchema)]
pub struct QualityItem {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub unit_name: String,
    pub flags: Vec<QualityFlag>,
}

#[derive(Serialize, ToSchema)]
pub struct QualityOut {
    pub period_id: Uuid,
    /// Raters with submitted responses that were checked (0 until the round is released).
    pub raters_checked: usize,
    /// Flagged raters only.
    pub items: Vec<QualityItem>,
}

/// The state of one assignment as organisers see it: the status of a self or supervisor
/// row, only the nomination state of an anonymous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum RaterState {
    Status(AssignmentStatus),
    Nomination(NominationStatus),
}

impl Person {
    /// An employee with their full name (with titles) and unit.
    pub fn new(e: &entity::employee::Model, unit: Option<&entity::unit::Model>) -> Person {
        Person {
            name: full_name(
                &e.name,
                e.gelar_depan.as_deref(),
                e.gelar_belakang.as_deref(),
            ),
            nip: e.nip.clone(),
            jabatan: e.jabatan.clone(),
            unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
            unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
        }
    }
}
