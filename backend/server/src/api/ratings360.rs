//! 360-degree input (DOMAIN.md §5): assignments per period (self, supervisor and
//! subordinates from the hierarchy; peers nominated by the employee or assigned by the
//! supervisor or HR), the rater's forms and responses, the ratee's aggregate with the
//! suggested rating perilaku and its formula, and HR's progress and rater-quality views.
//!
//! Invariants:
//! - an anonymous rater (peer, subordinate, citizen) is never revealed to the ratee, the
//!   supervisor or HR: no names, ids, timestamps or per-rater submission state beside an
//!   anonymous group; a group's numbers and comments only appear once it has enough
//!   responses (`domain::aggregation`), and only shown groups count toward the suggestion;
//! - a response is read and written by its rater only, while the period is open, up to the
//!   end of the local deadline day, and never after it was submitted;
//! - events carry ids only; the ratee hears `feedback360_updated` only when a shown
//!   aggregate changed, never which rater caused it.

use actix_web::{get, post, put, web};
use chrono::{DateTime, NaiveDate, Utc};
use entity::{employee, period, rating_360 as r360};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::aggregation::{self, QualityFlag, RaterGroup, Share};
use crate::domain::berakhlak::CoreValue;
use crate::domain::master::full_name;
use crate::domain::period::PeriodState;
use crate::domain::predikat::Rating;
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;
use crate::store::ratings360::{FORM_STATUSES, SCORE_COLUMNS};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(generate_raters)
        .service(add_peers)
        .service(list_peers)
        .service(list_raters)
        .service(approve_peer)
        .service(reject_peer)
        .service(my_forms)
        .service(get_form)
        .service(put_form)
        .service(get_summary)
        .service(get_progress)
        .service(get_quality);
}

/// Most peers one ratee may have (nominated or assigned, rejected ones not counted).
pub const MAX_PEERS: usize = 8;
const MAX_COMMENT: usize = 1000;
const MAX_OVERALL: usize = 2000;
const MAX_REASON: usize = 500;

// ---------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------

/// An employee as the 360 screens show them.
#[derive(Serialize, ToSchema)]
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
    pub state: String,
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
    pub state: String,
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
    pub status: String,
    /// Last local day answers may be saved; none means while the period is open.
    pub deadline: Option<NaiveDate>,
    /// Whether the form can still be saved or submitted now.
    pub editable: bool,
    pub ratee: Person,
    /// CoreValue code → 1..5.
    pub scores: BTreeMap<String, i16>,
    /// CoreValue code → comment.
    pub comments: BTreeMap<String, String>,
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
    /// Submitted responses (citizen respondents for the public group).
    pub responses: u32,
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

/// A rater with forms to finish (never whom they rate).
#[derive(Serialize, ToSchema)]
pub struct RaterPending {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub unit_name: String,
    pub pending: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressOut {
    pub period_id: Uuid,
    /// Per unit of the ratees.
    pub units: Vec<UnitProgress>,
    pub raters: Vec<RaterPending>,
}

/// A rater whose responses look unreliable (never whom they rated).
#[derive(Serialize, ToSchema)]
pub struct QualityItem {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub unit_name: String,
    /// Submitted responses (self-assessments excluded).
    pub responses: u32,
    /// Mean of all their scores, two decimals.
    pub mean: f64,
    pub flags: Vec<QualityFlag>,
}

#[derive(Serialize, ToSchema)]
pub struct QualityOut {
    pub period_id: Uuid,
    /// Raters with submitted responses that were checked.
    pub raters_checked: usize,
    /// Flagged raters only.
    pub items: Vec<QualityItem>,
}

// ---------------------------------------------------------------------------------------
// Shared steps
// ---------------------------------------------------------------------------------------

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

fn employee_not_found(nip: &str) -> ApiError {
    ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"))
}

fn form_not_found() -> ApiError {
    ApiError::NotFound("Penilaian 360 tidak ditemukan".into())
}

async fn load_period<C: ConnectionTrait>(conn: &C, id: Uuid) -> ApiResult<period::Model> {
    store::periods::find(conn, id)
        .await?
        .ok_or_else(period_not_found)
}

async fn load_employee<C: ConnectionTrait>(conn: &C, nip: &str) -> ApiResult<employee::Model> {
    store::employees::find_by_nip(conn, nip)
        .await?
        .ok_or_else(|| employee_not_found(nip))
}

fn require_round(period: &period::Model) -> ApiResult<()> {
    if !period.run_360 {
        return Err(ApiError::conflict(
            "no_360_round",
            format!("Periode {} tidak menjalankan penilaian 360", period.name),
        ));
    }
    Ok(())
}

/// Assignments change until the period is published.
fn require_assignable(period: &period::Model) -> ApiResult<()> {
    require_round(period)?;
    if PeriodState::parse(&period.state) == Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            "period_published",
            "Periode sudah dipublikasikan; penugasan 360 tidak dapat diubah",
        ));
    }
    Ok(())
}

fn today(state: &AppState) -> NaiveDate {
    Utc::now()
        .with_timezone(&state.settings.local_offset())
        .date_naive()
}

/// Why a response cannot be saved now (`None` when it can), in the order the rater
/// should hear it.
fn edit_block(state: &AppState, period: &period::Model, row: &r360::Model) -> Option<ApiError> {
    if row.status == "submitted" {
        return Some(ApiError::conflict(
            "response_submitted",
            "Penilaian ini sudah dikirim dan tidak dapat diubah",
        ));
    }
    if !period.run_360 {
        return Some(ApiError::conflict(
            "no_360_round",
            format!("Periode {} tidak menjalankan penilaian 360", period.name),
        ));
    }
    if PeriodState::parse(&period.state) != Some(PeriodState::Open) {
        return Some(ApiError::conflict(
            "period_not_open",
            format!(
                "Penilaian 360 hanya dapat diisi saat periode terbuka (status: {})",
                period.state
            ),
        ));
    }
    if let Some(deadline) = period.deadline_360
        && today(state) > deadline
    {
        return Some(ApiError::conflict(
            "deadline_passed",
            format!(
                "Batas waktu penilaian 360 ({}) sudah lewat",
                deadline.format("%d-%m-%Y")
            ),
        ));
    }
    None
}

async fn people<C: ConnectionTrait>(conn: &C, ids: Vec<Uuid>) -> ApiResult<HashMap<Uuid, Person>> {
    let emps = store::employees::find_by_ids(conn, ids).await?;
    let units = store::units::find_by_ids(conn, emps.values().map(|e| e.unit_id).collect()).await?;
    Ok(emps
        .into_values()
        .map(|e| {
            let unit = units.get(&e.unit_id);
            let p = Person {
                name: full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                nip: e.nip,
                jabatan: e.jabatan,
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
            };
            (e.id, p)
        })
        .collect())
}

fn take_person(map: &mut HashMap<Uuid, Person>, id: Uuid) -> Person {
    map.remove(&id).unwrap_or_else(|| Person {
        nip: String::new(),
        name: String::new(),
        jabatan: String::new(),
        unit_code: String::new(),
        unit_name: String::new(),
    })
}

fn clone_person(p: &Person) -> Person {
    Person {
        nip: p.nip.clone(),
        name: p.name.clone(),
        jabatan: p.jabatan.clone(),
        unit_code: p.unit_code.clone(),
        unit_name: p.unit_name.clone(),
    }
}

/// The state an organiser may see of an anonymous (peer or subordinate) row.
fn anonymous_state(status: &str) -> &'static str {
    match status {
        "nominated" => "nominated",
        "rejected" => "rejected",
        _ => "approved",
    }
}

fn group_of(row: &r360::Model) -> RaterGroup {
    RaterGroup::parse(&row.rater_group).unwrap_or(RaterGroup::Peer)
}

fn scores_of(row: &r360::Model) -> [Option<i16>; 7] {
    [
        row.score_pelayanan,
        row.score_akuntabel,
        row.score_kompeten,
        row.score_harmonis,
        row.score_loyal,
        row.score_adaptif,
        row.score_kolaboratif,
    ]
}

fn comments_map(json_text: Option<&str>) -> BTreeMap<String, String> {
    json_text
        .and_then(|t| serde_json::from_str::<BTreeMap<String, String>>(t).ok())
        .unwrap_or_default()
}

fn form_out(state: &AppState, period: &period::Model, row: r360::Model, ratee: Person) -> FormOut {
    let editable = edit_block(state, period, &row).is_none();
    let scores = CoreValue::ALL
        .iter()
        .zip(scores_of(&row))
        .filter_map(|(v, s)| s.map(|s| (v.as_str().to_string(), s)))
        .collect();
    FormOut {
        id: row.id,
        period_id: row.period_id,
        period_name: period.name.clone(),
        group: group_of(&row),
        status: row.status.clone(),
        deadline: period.deadline_360,
        editable,
        ratee,
        scores,
        comments: comments_map(row.comments.as_deref()),
        overall_comment: row.overall_comment,
        submitted_at: row.submitted_at,
    }
}

fn new_row(
    period_id: Uuid,
    ratee_id: Uuid,
    rater_id: Uuid,
    group: RaterGroup,
    status: &str,
    nominated_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> r360::ActiveModel {
    r360::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(period_id),
        ratee_id: Set(ratee_id),
        rater_id: Set(rater_id),
        rater_group: Set(group.as_str().into()),
        status: Set(status.into()),
        nominated_by: Set(nominated_by),
        decision_reason: Set(None),
        score_pelayanan: Set(None),
        score_akuntabel: Set(None),
        score_kompeten: Set(None),
        score_harmonis: Set(None),
        score_loyal: Set(None),
        score_adaptif: Set(None),
        score_kolaboratif: Set(None),
        comments: Set(None),
        overall_comment: Set(None),
        submitted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

fn assignment_conflict(e: sea_orm::DbErr) -> ApiError {
    if crate::error::violates(&e, "uq_ratings_360_period_ratee_rater") {
        ApiError::conflict(
            "assignment_conflict",
            "Penugasan ini baru saja dibuat dari tempat lain; muat ulang dan coba lagi",
        )
    } else {
        ApiError::from(e)
    }
}

// ---------------------------------------------------------------------------------------
// Assignments
// ---------------------------------------------------------------------------------------

/// Creates the hierarchy's assignments for a period (admin, HR): for every active employee
/// (of the unit and the units below it when `unit_code` is given) a self-assessment, their
/// direct supervisor and each direct subordinate. Existing assignments are left untouched.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = GenerateOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Period or unit not found", body = ErrorResponse),
        (status = 409, description = "`no_360_round`, `period_published` or `assignment_conflict`", body = ErrorResponse),
    )
)]
#[post("/periods/{id}/raters/generate")]
pub async fn generate_raters(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<GenerateOut>> {
    policy::require(policy::can_organise_360(&p))?;
    let txn = state.db.write.begin().await?;
    let period = load_period(&txn, *id).await?;
    require_assignable(&period)?;
    let units = match super::unit_filter(&txn, q.unit_code.as_deref()).await? {
        Some(root) => Some(store::ratings360::unit_subtree(&txn, root).await?),
        None => None,
    };
    let ratees = store::ratings360::active_employees(&txn, units).await?;
    let ratee_ids: Vec<Uuid> = ratees.iter().map(|e| e.id).collect();
    let sup_ids: Vec<Uuid> = ratees.iter().filter_map(|e| e.supervisor_id).collect();
    let supervisors = store::employees::find_by_ids(&txn, sup_ids).await?;
    let subordinates = store::ratings360::active_subordinates_of(&txn, &ratee_ids).await?;
    let mut subs_of: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for s in &subordinates {
        if let Some(sup) = s.supervisor_id {
            subs_of.entry(sup).or_default().push(s.id);
        }
    }
    let existing = store::ratings360::existing_pairs(&txn, period.id, &ratee_ids).await?;
    let mut planned: HashSet<(Uuid, Uuid)> = HashSet::new();
    let mut rows = Vec::new();
    let mut out = GenerateOut {
        created: 0,
        self_rating: 0,
        supervisor: 0,
        subordinate: 0,
        existing: 0,
    };
    let now = Utc::now();
    for e in &ratees {
        let mut pairs = vec![(e.id, RaterGroup::SelfRating)];
        if let Some(sup) = e.supervisor_id.and_then(|s| supervisors.get(&s))
            && sup.active
        {
            pairs.push((sup.id, RaterGroup::Supervisor));
        }
        for s in subs_of.get(&e.id).into_iter().flatten() {
            pairs.push((*s, RaterGroup::Subordinate));
        }
        for (rater, group) in pairs {
            if existing.contains(&(e.id, rater)) {
                out.existing += 1;
                continue;
            }
            if !planned.insert((e.id, rater)) {
                continue;
            }
            match group {
                RaterGroup::SelfRating => out.self_rating += 1,
                RaterGroup::Supervisor => out.supervisor += 1,
                _ => out.subordinate += 1,
            }
            rows.push(new_row(
                period.id, e.id, rater, group, "assigned", None, now,
            ));
        }
    }
    out.created = rows.len() as u64;
    store::ratings360::insert_all(&txn, rows)
        .await
        .map_err(assignment_conflict)?;
    store::audit::append(
        &txn,
        &p.actor(),
        "ratings360.generate",
        "period",
        &period.id.to_string(),
        json!({
            "unit_code": q.unit_code, "created": out.created, "self": out.self_rating,
            "supervisor": out.supervisor, "subordinate": out.subordinate, "existing": out.existing
        }),
    )
    .await?;
    txn.commit().await?;
    if out.created > 0 {
        // One event for all new forms: raters refetch their inbox.
        state.events.publish(
            "ratings360_assigned",
            vec![period.id.to_string()],
            Audience::Everyone,
        );
    }
    Ok(web::Json(out))
}

/// Checks and normalises a list of peer NIPs (trimmed, de-duplicated, 1–8).
fn peer_nips(input: &PeersInput) -> ApiResult<Vec<String>> {
    let mut nips: Vec<String> = Vec::new();
    for raw in &input.nips {
        let nip = raw.trim();
        if nip.is_empty() || nip.chars().count() > 30 {
            return Err(ApiError::field(
                "nips",
                "Setiap NIP harus diisi (maksimal 30 karakter)",
            ));
        }
        if !nips.iter().any(|n| n == nip) {
            nips.push(nip.to_string());
        }
    }
    if nips.is_empty() {
        return Err(ApiError::field("nips", "Pilih minimal satu rekan kerja"));
    }
    if nips.len() > MAX_PEERS {
        return Err(too_many_peers());
    }
    Ok(nips)
}

fn too_many_peers() -> ApiError {
    ApiError::unprocessable(
        "too_many_peers",
        format!("Rekan kerja penilai paling banyak {MAX_PEERS} orang"),
    )
}

/// Peers: the employee nominates (`nominated`), their direct supervisor or HR assigns
/// (`assigned`, which also approves an earlier nomination). Not the employee themself, not
/// their supervisor or subordinates (they rate in their own groups), only active employees,
/// at most eight.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    request_body = PeersInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "The peers as the caller may see them", body = PeerList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Neither the employee, their direct supervisor nor HR", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`no_360_round`, `period_published` or `assignment_conflict`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "`cannot_rate_self_as_peer`, `peer_in_other_group`, `too_many_peers`, or `validation_failed` naming unknown or inactive NIPs", body = ErrorResponse),
    )
)]
#[post("/periods/{id}/employees/{nip}/peers")]
pub async fn add_peers(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<PeersInput>,
) -> ApiResult<web::Json<PeerList>> {
    let (period_id, nip) = path.into_inner();
    let nips = peer_nips(&body)?;
    let txn = state.db.write.begin().await?;
    let period = load_period(&txn, period_id).await?;
    let ratee = load_employee(&txn, &nip).await?;
    let nominating = p.employee_id == Some(ratee.id);
    let assigning =
        !nominating && (policy::is_direct_supervisor(&p, &ratee) || policy::can_organise_360(&p));
    if !nominating && !assigning {
        return Err(
            if policy::can_read_all_360(&p) || policy::is_superior(&txn, &p, &ratee).await? {
                ApiError::Forbidden
            } else {
                employee_not_found(&nip)
            },
        );
    }
    require_assignable(&period)?;
    if nips.contains(&ratee.nip) {
        return Err(ApiError::unprocessable(
            "cannot_rate_self_as_peer",
            "Anda tidak dapat menjadi rekan kerja penilai bagi diri sendiri",
        ));
    }
    let found = store::employees::find_by_nips(&txn, nips.clone()).await?;
    let mut errors: Vec<String> = Vec::new();
    for n in &nips {
        match found.get(n) {
            None => errors.push(format!("NIP {n} tidak ditemukan")),
            Some(e) if !e.active => errors.push(format!("Pegawai {n} tidak aktif")),
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        let mut fields = FieldErrors::new();
        fields.insert("nips".into(), errors);
        return Err(ApiError::Validation(fields));
    }
    let existing = store::ratings360::list_for_ratee(&txn, period.id, ratee.id).await?;
    let mut targets = Vec::new();
    for n in &nips {
        let Some(peer) = found.get(n) else { continue };
        let other_group = existing
            .iter()
            .any(|r| r.rater_id == peer.id && r.rater_group != RaterGroup::Peer.as_str());
        if ratee.supervisor_id == Some(peer.id)
            || peer.supervisor_id == Some(ratee.id)
            || other_group
        {
            return Err(ApiError::unprocessable(
                "peer_in_other_group",
                format!(
                    "{} adalah atasan atau bawahan langsung dan menilai dalam kelompoknya sendiri",
                    peer.nip
                ),
            ));
        }
        targets.push(peer);
    }
    let live_peers: HashSet<Uuid> = existing
        .iter()
        .filter(|r| r.rater_group == RaterGroup::Peer.as_str() && r.status != "rejected")
        .map(|r| r.rater_id)
        .collect();
    let after: HashSet<Uuid> = live_peers
        .iter()
        .copied()
        .chain(
            targets
                .iter()
                .filter(|t| {
                    // A rejected nomination stays rejected when the employee nominates again.
                    assigning || !existing.iter().any(|r| r.rater_id == t.id)
                })
                .map(|t| t.id),
        )
        .collect();
    if after.len() > MAX_PEERS {
        return Err(too_many_peers());
    }
    let now = Utc::now();
    let mut inserts = Vec::new();
    let mut assigned_raters = Vec::new();
    let mut ratee_nomination_changed = false;
    for t in &targets {
        match existing.iter().find(|r| r.rater_id == t.id) {
            None => {
                let status = if assigning { "assigned" } else { "nominated" };
                inserts.push(new_row(
                    period.id,
                    ratee.id,
                    t.id,
                    RaterGroup::Peer,
                    status,
                    p.employee_id,
                    now,
                ));
                if assigning {
                    assigned_raters.push(t.id);
                }
            }
            Some(r) if assigning && (r.status == "nominated" || r.status == "rejected") => {
                ratee_nomination_changed |= r.nominated_by == Some(ratee.id);
                let status = restored_status(r);
                let mut am: r360::ActiveModel = r.clone().into();
                am.status = Set(status.into());
                am.decision_reason = Set(None);
                am.updated_at = Set(now);
                am.update(&txn).await?;
                assigned_raters.push(t.id);
            }
            Some(_) => {}
        }
    }
    store::ratings360::insert_all(&txn, inserts)
        .await
        .map_err(assignment_conflict)?;
    store::audit::append(
        &txn,
        &p.actor(),
        if assigning {
            "ratings360.peers_assign"
        } else {
            "ratings360.peers_nominate"
        },
        "employee",
        &ratee.nip,
        json!({ "period": period.id, "peers": nips }),
    )
    .await?;
    let out = peer_list(&txn, &period, &ratee, !nominating).await?;
    txn.commit().await?;
    let ids = vec![period.id.to_string()];
    if nominating {
        if let Some(sup) = ratee.supervisor_id {
            state
                .events
                .publish("peers360_nominated", ids.clone(), Audience::Employee(sup));
        }
        state
            .events
            .publish("peers360_nominated", ids.clone(), Audience::Staff);
    }
    for r in assigned_raters {
        state
            .events
            .publish("ratings360_assigned", ids.clone(), Audience::Employee(r));
    }
    if ratee_nomination_changed {
        state
            .events
            .publish("peers360_updated", ids, Audience::Employee(ratee.id));
    }
    Ok(web::Json(out))
}

/// The status a peer row returns to when (re)approved: the rater's earlier work is kept.
fn restored_status(r: &r360::Model) -> &'static str {
    if r.submitted_at.is_some() {
        "submitted"
    } else if scores_of(r).iter().any(Option::is_some)
        || r.comments.is_some()
        || r.overall_comment.is_some()
    {
        "draft"
    } else {
        "assigned"
    }
}

async fn peer_list<C: ConnectionTrait>(
    conn: &C,
    period: &period::Model,
    ratee: &employee::Model,
    organiser: bool,
) -> ApiResult<PeerList> {
    let rows: Vec<r360::Model> = store::ratings360::list_for_ratee(conn, period.id, ratee.id)
        .await?
        .into_iter()
        .filter(|r| r.rater_group == RaterGroup::Peer.as_str())
        // The ratee sees only the peers they chose themselves.
        .filter(|r| organiser || r.nominated_by == Some(ratee.id))
        .collect();
    let mut persons = people(conn, rows.iter().map(|r| r.rater_id).collect()).await?;
    let mut items: Vec<PeerOut> = rows
        .into_iter()
        .map(|r| PeerOut {
            id: organiser.then_some(r.id),
            person: take_person(&mut persons, r.rater_id),
            state: anonymous_state(&r.status).to_string(),
            decision_reason: r.decision_reason.clone(),
            nominated_by_ratee: organiser.then_some(r.nominated_by == Some(ratee.id)),
        })
        .collect();
    items.sort_by(|a, b| {
        a.person
            .name
            .cmp(&b.person.name)
            .then(a.person.nip.cmp(&b.person.nip))
    });
    Ok(PeerList { items })
}

/// The peers of a ratee in a period. The ratee sees only the peers they nominated and
/// whether each was approved; the supervisor chain and admin/HR/auditor see all peers.
/// Nobody sees here whether a peer responded.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = PeerList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/employees/{nip}/peers")]
pub async fn list_peers(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<PeerList>> {
    let (period_id, nip) = path.into_inner();
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let ratee = load_employee(db, &nip).await?;
    let organiser = policy::can_read_all_360(&p) || policy::is_superior(db, &p, &ratee).await?;
    if !organiser && p.employee_id != Some(ratee.id) {
        return Err(employee_not_found(&nip));
    }
    Ok(web::Json(peer_list(db, &period, &ratee, organiser).await?))
}

/// Every assignment of a ratee in a period, for the organisers: the supervisor chain and
/// admin/HR/auditor (not the ratee). Peers and subordinates show only whether they are
/// nominated, approved or rejected, never whether they responded.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RaterList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "The ratee themself", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/employees/{nip}/raters")]
pub async fn list_raters(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<RaterList>> {
    let (period_id, nip) = path.into_inner();
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let ratee = load_employee(db, &nip).await?;
    if !(policy::can_read_all_360(&p) || policy::is_superior(db, &p, &ratee).await?) {
        return Err(if p.employee_id == Some(ratee.id) {
            ApiError::Forbidden
        } else {
            employee_not_found(&nip)
        });
    }
    let rows = store::ratings360::list_for_ratee(db, period.id, ratee.id).await?;
    let mut persons = people(db, rows.iter().map(|r| r.rater_id).collect()).await?;
    let mut items: Vec<RaterOut> = rows
        .into_iter()
        .map(|r| rater_out(&r, &mut persons))
        .collect();
    items.sort_by(|a, b| {
        a.group
            .order()
            .cmp(&b.group.order())
            .then(a.person.name.cmp(&b.person.name))
            .then(a.person.nip.cmp(&b.person.nip))
    });
    Ok(web::Json(RaterList { items }))
}

fn rater_out(r: &r360::Model, persons: &mut HashMap<Uuid, Person>) -> RaterOut {
    let group = group_of(r);
    RaterOut {
        id: (group == RaterGroup::Peer).then_some(r.id),
        group,
        person: take_person(persons, r.rater_id),
        state: if group.is_anonymous() {
            anonymous_state(&r.status).to_string()
        } else {
            r.status.clone()
        },
    }
}

/// Loads a peer row for a decision by the ratee's direct supervisor or admin/HR; anyone
/// else hears it does not exist.
async fn load_decision<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<(r360::Model, employee::Model, period::Model)> {
    let row = store::ratings360::find(conn, id)
        .await?
        .ok_or_else(form_not_found)?;
    let ratee = store::employees::find_by_id(conn, row.ratee_id)
        .await?
        .ok_or_else(form_not_found)?;
    if !(policy::is_direct_supervisor(p, &ratee) || policy::can_organise_360(p)) {
        return Err(form_not_found());
    }
    let period = load_period(conn, row.period_id).await?;
    require_assignable(&period)?;
    if group_of(&row) != RaterGroup::Peer {
        return Err(ApiError::conflict(
            "not_a_peer",
            "Hanya penugasan rekan kerja yang disetujui atau ditolak",
        ));
    }
    Ok((row, ratee, period))
}

async fn decide(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    approve: bool,
    reason: Option<String>,
) -> ApiResult<RaterOut> {
    let txn = state.db.write.begin().await?;
    let (row, ratee, period) = load_decision(&txn, p, id).await?;
    let was_live = row.status != "nominated" && row.status != "rejected";
    let status = if approve {
        if was_live {
            row.status.as_str()
        } else {
            restored_status(&row)
        }
    } else {
        "rejected"
    };
    let mut am: r360::ActiveModel = row.clone().into();
    am.status = Set(status.to_string());
    am.decision_reason = Set(if approve { None } else { reason.clone() });
    am.updated_at = Set(Utc::now());
    let updated = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        if approve {
            "ratings360.approve"
        } else {
            "ratings360.reject"
        },
        "rating_360",
        &row.id.to_string(),
        json!({ "period": period.id, "ratee": ratee.nip, "reason": reason }),
    )
    .await?;
    let mut persons = people(&txn, vec![updated.rater_id]).await?;
    let out = rater_out(&updated, &mut persons);
    txn.commit().await?;
    let ids = vec![period.id.to_string()];
    if approve != was_live {
        state.events.publish(
            if approve {
                "ratings360_assigned"
            } else {
                "ratings360_withdrawn"
            },
            ids.clone(),
            Audience::Employee(row.rater_id),
        );
    }
    if row.nominated_by == Some(ratee.id) {
        // Only the nomination's state, which the ratee may see; never a response event.
        state
            .events
            .publish("peers360_updated", ids, Audience::Employee(ratee.id));
    }
    Ok(out)
}

/// Approves a peer (nominated or rejected → approved): the ratee's direct supervisor or
/// admin/HR. Approving an approved peer changes nothing.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RaterOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`not_a_peer`, `no_360_round` or `period_published`", body = ErrorResponse),
    )
)]
#[post("/ratings360/{id}/approve")]
pub async fn approve_peer(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<RaterOut>> {
    Ok(web::Json(decide(&state, &p, *id, true, None).await?))
}

/// Rejects a peer (with an optional reason shown to the ratee who nominated them): the
/// ratee's direct supervisor or admin/HR. A rejected peer's answers are kept but never
/// counted; approving again restores them.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    request_body = RejectInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RaterOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`not_a_peer`, `no_360_round` or `period_published`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/ratings360/{id}/reject")]
pub async fn reject_peer(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<RejectInput>,
) -> ApiResult<web::Json<RaterOut>> {
    let reason = body
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    if reason
        .as_deref()
        .is_some_and(|r| r.chars().count() > MAX_REASON)
    {
        return Err(ApiError::field(
            "reason",
            format!("Alasan maksimal {MAX_REASON} karakter"),
        ));
    }
    Ok(web::Json(decide(&state, &p, *id, false, reason).await?))
}

// ---------------------------------------------------------------------------------------
// Rater
// ---------------------------------------------------------------------------------------

/// My 360 forms (to fill, in progress or submitted) of a period, or of every open period.
#[utoipa::path(
    tag = "ratings360",
    params(MyFormsQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FormList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, description = "Period not found", body = ErrorResponse),
    )
)]
#[get("/me/360")]
pub async fn my_forms(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<MyFormsQuery>,
) -> ApiResult<web::Json<FormList>> {
    let db = &state.db.read;
    let periods: Vec<period::Model> = match q.period_id {
        Some(id) => vec![load_period(db, id).await?],
        None => {
            period::Entity::find()
                .filter(period::Column::State.eq(PeriodState::Open.as_str()))
                .all(db)
                .await?
        }
    };
    let Some(me) = p.employee_id else {
        return Ok(web::Json(FormList { items: Vec::new() }));
    };
    let rows =
        store::ratings360::forms_of_rater(db, me, periods.iter().map(|p| p.id).collect()).await?;
    let persons = people(db, rows.iter().map(|r| r.ratee_id).collect()).await?;
    let by_id: HashMap<Uuid, &period::Model> = periods.iter().map(|p| (p.id, p)).collect();
    let mut items: Vec<FormOut> = rows
        .into_iter()
        .filter_map(|r| {
            let period = by_id.get(&r.period_id)?;
            let ratee = persons.get(&r.ratee_id).map(clone_person)?;
            Some(form_out(&state, period, r, ratee))
        })
        .collect();
    items.sort_by(|a, b| {
        a.period_name
            .cmp(&b.period_name)
            .then(a.group.order().cmp(&b.group.order()))
            .then(a.ratee.name.cmp(&b.ratee.name))
    });
    Ok(web::Json(FormList { items }))
}

/// Loads a form for its rater; for anyone else it does not exist.
async fn load_form<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<(r360::Model, period::Model)> {
    let row = store::ratings360::find(conn, id)
        .await?
        .filter(|r| p.employee_id == Some(r.rater_id))
        .filter(|r| FORM_STATUSES.contains(&r.status.as_str()))
        .ok_or_else(form_not_found)?;
    let period = load_period(conn, row.period_id).await?;
    Ok((row, period))
}

/// One of my forms (the rater only; for anyone else it does not exist).
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FormOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/ratings360/{id}")]
pub async fn get_form(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<FormOut>> {
    let db = &state.db.read;
    let (row, period) = load_form(db, &p, *id).await?;
    let mut persons = people(db, vec![row.ratee_id]).await?;
    let ratee = take_person(&mut persons, row.ratee_id);
    Ok(web::Json(form_out(&state, &period, row, ratee)))
}

/// Checked answers ready to store.
struct Answers {
    scores: [Option<i16>; 7],
    comments: Option<String>,
    overall: Option<String>,
}

fn check_answers(input: &ResponseInput) -> ApiResult<Answers> {
    let mut errors = FieldErrors::new();
    let mut scores: [Option<i16>; 7] = [None; 7];
    for (code, n) in input.scores.iter().flatten() {
        let field = format!("scores.{code}");
        let Some(v) = CoreValue::parse(code) else {
            errors.insert(field, vec!["Nilai BerAKHLAK tidak dikenal".into()]);
            continue;
        };
        let Some(n) = n else { continue };
        let score = n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && (1.0..=5.0).contains(f))
            .map(|f| f as i16);
        match score {
            Some(s) => scores[v.index()] = Some(s),
            None => {
                errors.insert(field, vec!["Skor harus bilangan bulat 1 sampai 5".into()]);
            }
        }
    }
    let mut comments = BTreeMap::new();
    for (code, text) in input.comments.iter().flatten() {
        let field = format!("comments.{code}");
        if CoreValue::parse(code).is_none() {
            errors.insert(field, vec!["Nilai BerAKHLAK tidak dikenal".into()]);
            continue;
        }
        let Some(text) = text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        if text.chars().count() > MAX_COMMENT {
            errors.insert(
                field,
                vec![format!("Komentar maksimal {MAX_COMMENT} karakter")],
            );
            continue;
        }
        comments.insert(code.clone(), text.to_string());
    }
    let overall = input
        .overall_comment
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    if overall
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_OVERALL)
    {
        errors.insert(
            "overall_comment".into(),
            vec![format!("Komentar umum maksimal {MAX_OVERALL} karakter")],
        );
    }
    if input.submit && errors.is_empty() {
        let missing: Vec<&str> = CoreValue::ALL
            .iter()
            .filter(|v| scores[v.index()].is_none())
            .map(|v| v.as_str())
            .collect();
        if !missing.is_empty() {
            errors.insert(
                "scores".into(),
                vec![format!(
                    "Semua 7 nilai harus diisi sebelum dikirim; belum diisi: {}",
                    missing.join(", ")
                )],
            );
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let comments = if comments.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&comments).map_err(anyhow::Error::new)?)
    };
    Ok(Answers {
        scores,
        comments,
        overall,
    })
}

/// Saves my answers (the rater only): scores 1–5 per BerAKHLAK value (all seven to
/// submit; a draft may be partial), optional comments per value (≤ 1000 characters) and an
/// overall comment. Replaces what was saved. Refused once submitted, after the deadline day
/// or when the period is not open.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    request_body = ResponseInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FormOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`response_submitted`, `period_not_open`, `deadline_passed` or `no_360_round`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Scores outside 1–5, unknown values, comments too long, or missing scores when submitting", body = ErrorResponse),
    )
)]
#[put("/ratings360/{id}")]
pub async fn put_form(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<ResponseInput>,
) -> ApiResult<web::Json<FormOut>> {
    let answers = check_answers(&body)?;
    let txn = state.db.write.begin().await?;
    let (row, period) = load_form(&txn, &p, *id).await?;
    if let Some(e) = edit_block(&state, &period, &row) {
        return Err(e);
    }
    let now = Utc::now();
    let status = if body.submit { "submitted" } else { "draft" };
    let mut update = r360::Entity::update_many()
        .col_expr(r360::Column::Status, Expr::value(status))
        .col_expr(r360::Column::Comments, Expr::value(answers.comments))
        .col_expr(r360::Column::OverallComment, Expr::value(answers.overall))
        .col_expr(
            r360::Column::SubmittedAt,
            Expr::value(body.submit.then_some(now)),
        )
        .col_expr(r360::Column::UpdatedAt, Expr::value(now));
    for (col, score) in SCORE_COLUMNS.into_iter().zip(answers.scores) {
        update = update.col_expr(col, Expr::value(score));
    }
    // Conditional on the row not being submitted meanwhile: two saves racing cannot
    // overwrite a submitted response.
    let res = update
        .filter(r360::Column::Id.eq(row.id))
        .filter(r360::Column::Status.ne("submitted"))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(ApiError::conflict(
            "response_submitted",
            "Penilaian ini sudah dikirim dan tidak dapat diubah",
        ));
    }
    let group = group_of(&row);
    store::audit::append(
        &txn,
        &p.actor(),
        if body.submit {
            "rating360.submit"
        } else {
            "rating360.save"
        },
        "rating_360",
        &row.id.to_string(),
        json!({ "period": period.id, "ratee_id": row.ratee_id, "group": group.as_str() }),
    )
    .await?;
    let shown_changed = if body.submit {
        let n = r360::Entity::find()
            .filter(r360::Column::PeriodId.eq(row.period_id))
            .filter(r360::Column::RateeId.eq(row.ratee_id))
            .filter(r360::Column::RaterGroup.eq(group.as_str()))
            .filter(r360::Column::Status.eq("submitted"))
            .count(&txn)
            .await?;
        aggregation::group_visible(
            group,
            u32::try_from(n).unwrap_or(u32::MAX),
            state.settings.anonymity_threshold,
        )
    } else {
        false
    };
    let saved = store::ratings360::find(&txn, row.id)
        .await?
        .ok_or_else(form_not_found)?;
    let ratee = store::employees::find_by_id(&txn, row.ratee_id).await?;
    let mut persons = people(&txn, vec![row.ratee_id]).await?;
    let out = form_out(
        &state,
        &period,
        saved,
        take_person(&mut persons, row.ratee_id),
    );
    txn.commit().await?;
    if body.submit {
        let ids = vec![period.id.to_string()];
        state.events.publish(
            "rating_submitted",
            vec![period.id.to_string(), row.id.to_string()],
            Audience::Employee(row.rater_id),
        );
        // Staff hear that the round moved, not which assignment.
        state
            .events
            .publish("rating_submitted", ids.clone(), Audience::Staff);
        if shown_changed {
            state.events.publish(
                "feedback360_updated",
                ids.clone(),
                Audience::Employee(row.ratee_id),
            );
            if let Some(sup) = ratee.and_then(|r| r.supervisor_id)
                && sup != row.rater_id
            {
                state
                    .events
                    .publish("feedback360_updated", ids, Audience::Employee(sup));
            }
        }
    }
    Ok(web::Json(out))
}

// ---------------------------------------------------------------------------------------
// Aggregates
// ---------------------------------------------------------------------------------------

/// A ratee's 360 aggregate for a period: per group the number of responses, and — once the
/// group may be shown — means per value, the group mean and the comments (text only);
/// the weighted mean with the weights used, the suggested rating perilaku and its formula.
/// For the ratee, their supervisor chain and admin/HR/auditor.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SummaryOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/employees/{nip}/360")]
pub async fn get_summary(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<SummaryOut>> {
    let (period_id, nip) = path.into_inner();
    let db = &state.db.read;
    let period = load_period(db, period_id).await?;
    let ratee = load_employee(db, &nip).await?;
    if !(policy::can_read_all_360(&p) || policy::is_self_or_superior(db, &p, &ratee).await?) {
        return Err(employee_not_found(&nip));
    }
    let agg = store::ratings360::aggregate(db, &state.settings, &period, ratee.id).await?;
    let shown: Vec<&'static str> = agg
        .groups
        .iter()
        .filter(|g| g.visible && g.group != RaterGroup::Public)
        .map(|g| g.group.as_str())
        .collect();
    let mut value_comments: HashMap<(RaterGroup, CoreValue), Vec<String>> = HashMap::new();
    let mut overall: HashMap<RaterGroup, Vec<String>> = HashMap::new();
    for (group, comments, overall_comment) in
        store::ratings360::comments_of(db, period.id, ratee.id, shown).await?
    {
        let Some(group) = RaterGroup::parse(&group) else {
            continue;
        };
        for (code, text) in comments_map(comments.as_deref()) {
            if let Some(v) = CoreValue::parse(&code) {
                value_comments.entry((group, v)).or_default().push(text);
            }
        }
        if let Some(t) = overall_comment {
            overall.entry(group).or_default().push(t);
        }
    }
    let weights = state.settings.weights_360();
    let groups = agg
        .groups
        .iter()
        .map(|g| {
            let values = if g.visible {
                CoreValue::ALL
                    .iter()
                    .zip(&g.value_means)
                    .map(|(v, m)| {
                        // Sorted by text: no order that could follow the raters.
                        let mut comments =
                            value_comments.remove(&(g.group, *v)).unwrap_or_default();
                        comments.sort();
                        ValueOut {
                            value: *v,
                            name: v.info().name_id.to_string(),
                            mean: *m,
                            comments,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let mut overall_comments = if g.visible {
                overall.remove(&g.group).unwrap_or_default()
            } else {
                Vec::new()
            };
            overall_comments.sort();
            GroupOut {
                group: g.group,
                label: g.group.label().to_string(),
                anonymous: g.group.is_anonymous(),
                responses: g.responses,
                min_responses: g.min_responses,
                visible: g.visible,
                weight: weights.of(g.group),
                mean: g.mean,
                values,
                overall_comments,
                public_index: g.public_index,
            }
        })
        .collect();
    let e = agg.explanation;
    Ok(web::Json(SummaryOut {
        period_id: period.id,
        nip: ratee.nip.clone(),
        name: full_name(
            &ratee.name,
            ratee.gelar_depan.as_deref(),
            ratee.gelar_belakang.as_deref(),
        ),
        run_360: period.run_360,
        anonymity_threshold: aggregation::anonymity_threshold(state.settings.anonymity_threshold),
        groups,
        weighted_mean: e.mean,
        weights_used: e.shares,
        suggested_rating: e.rating,
        suggested_rating_label: e.rating.map(|r| r.label().to_string()),
        why: e.why,
    }))
}

async fn unit_scope<C: ConnectionTrait>(
    conn: &C,
    code: Option<&str>,
) -> ApiResult<Option<Vec<Uuid>>> {
    Ok(match super::unit_filter(conn, code).await? {
        Some(root) => Some(store::ratings360::unit_subtree(conn, root).await?),
        None => None,
    })
}

/// How far a period's 360 round is (admin, HR, auditor): per unit of the ratees the forms
/// issued, submitted and pending and the nominations awaiting a decision; per rater the
/// number of forms still to finish (never whom they rate).
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ProgressOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Period or unit not found", body = ErrorResponse),
    )
)]
#[get("/periods/{id}/360/progress")]
pub async fn get_progress(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<ProgressOut>> {
    policy::require(policy::can_read_all_360(&p))?;
    let db = &state.db.read;
    let period = load_period(db, *id).await?;
    let units = unit_scope(db, q.unit_code.as_deref()).await?;
    let counts = store::ratings360::status_counts(db, period.id, units.clone()).await?;
    let pending = store::ratings360::pending_by_rater(db, period.id, units).await?;
    let mut ids: Vec<Uuid> = counts.iter().map(|(r, _, _)| *r).collect();
    ids.extend(pending.iter().map(|(r, _)| *r));
    ids.sort();
    ids.dedup();
    let emps = store::employees::find_by_ids(db, ids).await?;
    let unit_map =
        store::units::find_by_ids(db, emps.values().map(|e| e.unit_id).collect()).await?;
    let mut per_unit: BTreeMap<Uuid, UnitProgress> = BTreeMap::new();
    for (ratee, status, n) in counts {
        let Some(e) = emps.get(&ratee) else { continue };
        let u = per_unit.entry(e.unit_id).or_insert_with(|| UnitProgress {
            unit_code: unit_map
                .get(&e.unit_id)
                .map(|u| u.code.clone())
                .unwrap_or_default(),
            unit_name: unit_map
                .get(&e.unit_id)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            assigned: 0,
            submitted: 0,
            pending: 0,
            awaiting_approval: 0,
        });
        match status.as_str() {
            "assigned" | "draft" => {
                u.assigned += n;
                u.pending += n;
            }
            "submitted" => {
                u.assigned += n;
                u.submitted += n;
            }
            "nominated" => u.awaiting_approval += n,
            _ => {}
        }
    }
    let mut units_out: Vec<UnitProgress> = per_unit.into_values().collect();
    units_out.sort_by(|a, b| a.unit_code.cmp(&b.unit_code));
    let mut raters: Vec<RaterPending> = pending
        .into_iter()
        .filter_map(|(rater, n)| {
            let e = emps.get(&rater)?;
            let unit = unit_map.get(&e.unit_id);
            Some(RaterPending {
                nip: e.nip.clone(),
                name: full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                pending: n,
            })
        })
        .collect();
    raters.sort_by(|a, b| b.pending.cmp(&a.pending).then(a.name.cmp(&b.name)));
    Ok(web::Json(ProgressOut {
        period_id: period.id,
        units: units_out,
        raters,
    }))
}

/// Raters whose submitted responses in the period look unreliable (admin, HR, auditor
/// only): straight-lining, leniency or severity (z-score of the rater's mean against all
/// raters' means in their unit). Self-assessments are not checked; ratees never appear.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = QualityOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Period or unit not found", body = ErrorResponse),
    )
)]
#[get("/periods/{id}/360/quality")]
pub async fn get_quality(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<QualityOut>> {
    policy::require(policy::can_read_all_360(&p))?;
    let db = &state.db.read;
    let period = load_period(db, *id).await?;
    let units = unit_scope(db, q.unit_code.as_deref()).await?;
    let stats = store::ratings360::rater_stats(db, period.id, units).await?;
    let emps = store::employees::find_by_ids(db, stats.keys().copied().collect()).await?;
    let unit_map =
        store::units::find_by_ids(db, emps.values().map(|e| e.unit_id).collect()).await?;
    let mut means_by_unit: HashMap<Uuid, Vec<f64>> = HashMap::new();
    for (rater, s) in &stats {
        if let (Some(e), Some(m)) = (emps.get(rater), s.mean()) {
            means_by_unit.entry(e.unit_id).or_default().push(m);
        }
    }
    let mut items: Vec<QualityItem> = stats
        .iter()
        .filter_map(|(rater, s)| {
            let e = emps.get(rater)?;
            let means = means_by_unit.get(&e.unit_id).map_or(&[][..], Vec::as_slice);
            let flags = aggregation::rater_flags(s, means);
            if flags.is_empty() {
                return None;
            }
            let unit = unit_map.get(&e.unit_id);
            Some(QualityItem {
                nip: e.nip.clone(),
                name: full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                responses: s.responses,
                mean: aggregation::round2(s.mean().unwrap_or_default()),
                flags,
            })
        })
        .collect();
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code).then(a.name.cmp(&b.name)));
    Ok(web::Json(QualityOut {
        period_id: period.id,
        raters_checked: stats.len(),
        items,
    }))
}
