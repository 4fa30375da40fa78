//! Use cases of the 360 round (DOMAIN.md §5; the HTTP side is `api::ratings360`):
//! assignments and peers (`assignments`), the rater's forms and responses (`forms`), and
//! the ratee's aggregate with HR's progress and rater-quality views (`reports`).
//!
//! Invariants:
//! - an anonymous rater (peer, subordinate, citizen) is never revealed to the ratee, the
//!   supervisor or HR: no names, ids, timestamps or per-rater submission state beside an
//!   anonymous group; a group's numbers and comments only appear once it may be shown
//!   (`domain::aggregation::group_visible`), and only shown groups count toward the
//!   suggestion;
//! - a response is read and written by its rater only, while the form is editable
//!   (`domain::ratings360::edit_block`);
//! - results are released as one snapshot (`release`, ADR 0013): before the 360 deadline
//!   passes or the period closes nobody but the rater sees anything of a response, and no
//!   event follows a submit except the rater's own `rating_submitted`.

pub mod assignments;
pub mod forms;
pub mod release;
pub mod reports;

pub use assignments::{add_peers, approve, generate, list_peers, list_raters, reject};
pub use forms::{get_form, my_forms, save_response};
pub use release::announce_due;
pub use reports::{progress, quality, summary};

use chrono::{NaiveDate, Utc};
use entity::{employee, period, rating_360 as r360};
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

use crate::config::Settings;
use crate::domain::aggregation::{self, AggregateParams, RaterGroup, Suggestion};
use crate::domain::berakhlak::CoreValue;
use crate::domain::period::PeriodState;
use crate::domain::ratings360::{AssignBlock, AssignmentStatus, EditBlock, Round, edit_block};
use crate::dto::ratings360::{FormOut, Person};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::store;

/// The suggested rating perilaku of a ratee in a period: the same numbers the ratee and
/// the supervisor see in the 360 summary once released; before the release of the round
/// only the public group counts. `None` when no group has results to count.
pub async fn suggestion<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    period: &period::Model,
    ratee_id: Uuid,
) -> Result<Option<Suggestion>, DbErr> {
    Ok(suggestions(conn, settings, period, vec![ratee_id])
        .await?
        .remove(&ratee_id)
        .flatten())
}

/// [`suggestion`] for a whole team in a fixed number of grouped queries.
pub async fn suggestions<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    period: &period::Model,
    ratee_ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, Option<Suggestion>>, DbErr> {
    let inputs =
        store::ratings360::sum_aggregate_inputs_of(conn, settings, period, ratee_ids).await?;
    // Before the release the suggestion has no 360 part (ADR 0013): only the citizens'
    // index, which has its own minimum of respondents.
    let released = is_released(settings, period);
    Ok(inputs
        .into_iter()
        .map(|(id, (totals, citizens))| {
            let totals = if released { totals } else { Vec::new() };
            let s = aggregation::aggregate(&totals, &citizens, &params(settings)).suggestion();
            (id, s)
        })
        .collect())
}

fn params(settings: &Settings) -> AggregateParams {
    AggregateParams::new(
        settings.anonymity_threshold,
        settings.feedback_min_respondents,
        settings.weights_360(),
    )
}

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

fn employee_not_found(nip: &str) -> ApiError {
    ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"))
}

fn form_not_found() -> ApiError {
    ApiError::NotFound("Penilaian 360 tidak ditemukan".into())
}

fn response_submitted() -> ApiError {
    ApiError::conflict(
        ErrorCode::ResponseSubmitted,
        "Penilaian ini sudah dikirim dan tidak dapat diubah",
    )
}

fn no_round(period: &period::Model) -> ApiError {
    ApiError::conflict(
        ErrorCode::No360Round,
        format!("Periode {} tidak menjalankan penilaian 360", period.name),
    )
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

fn round_of(settings: &Settings, period: &period::Model) -> Round {
    Round {
        run_360: period.run_360,
        state: PeriodState::parse(&period.state),
        deadline: period.deadline_360,
        released: is_released(settings, period),
    }
}

/// Whether the period's 360 results are released today (`domain::ratings360::release`).
pub fn is_released(settings: &Settings, period: &period::Model) -> bool {
    crate::domain::ratings360::release::is_released(
        period.released_360_at.is_some(),
        period.deadline_360,
        PeriodState::parse(&period.state),
        today(settings),
    )
}

/// Assignments change until the period is published (`domain::ratings360::assign_block`).
fn require_assignable(period: &period::Model) -> ApiResult<()> {
    let round = Round {
        run_360: period.run_360,
        state: PeriodState::parse(&period.state),
        deadline: period.deadline_360,
        released: period.released_360_at.is_some(),
    };
    match crate::domain::ratings360::assign_block(round) {
        None => Ok(()),
        Some(AssignBlock::NoRound) => Err(no_round(period)),
        Some(AssignBlock::Published) => Err(ApiError::conflict(
            ErrorCode::PeriodPublished,
            "Periode sudah dipublikasikan; penugasan 360 tidak dapat diubah",
        )),
    }
}

fn today(settings: &Settings) -> NaiveDate {
    Utc::now()
        .with_timezone(&settings.local_offset())
        .date_naive()
}

/// Why the row's form cannot be saved now (`None` when it can).
fn edit_error(settings: &Settings, period: &period::Model, row: &r360::Model) -> Option<ApiError> {
    let block = edit_block(status_of(row), round_of(settings, period), today(settings))?;
    Some(match block {
        EditBlock::Submitted => response_submitted(),
        EditBlock::NoRound => no_round(period),
        EditBlock::PeriodNotOpen => ApiError::conflict(
            ErrorCode::PeriodNotOpen,
            format!(
                "Penilaian 360 hanya dapat diisi saat periode terbuka (status: {})",
                period.state
            ),
        ),
        EditBlock::DeadlinePassed(deadline) => ApiError::conflict(
            ErrorCode::DeadlinePassed,
            format!(
                "Batas waktu penilaian 360 ({}) sudah lewat",
                deadline.format("%d-%m-%Y")
            ),
        ),
        EditBlock::Released => ApiError::conflict(
            ErrorCode::Results360Released,
            "Hasil 360 periode ini sudah dirilis; penilaian tidak dapat diubah lagi",
        ),
    })
}

/// The employees with their units, as the 360 screens show them.
async fn people<C: ConnectionTrait>(conn: &C, ids: Vec<Uuid>) -> ApiResult<HashMap<Uuid, Person>> {
    let emps = store::employees::find_by_ids(conn, ids).await?;
    let units = store::units::find_by_ids(conn, emps.values().map(|e| e.unit_id).collect()).await?;
    Ok(emps
        .into_values()
        .map(|e| (e.id, Person::new(&e, units.get(&e.unit_id))))
        .collect())
}

fn take_person(map: &mut HashMap<Uuid, Person>, id: Uuid) -> Person {
    map.remove(&id).unwrap_or_default()
}

fn group_of(row: &r360::Model) -> RaterGroup {
    RaterGroup::parse(&row.rater_group).unwrap_or(RaterGroup::Peer)
}

fn status_of(row: &r360::Model) -> AssignmentStatus {
    AssignmentStatus::parse(&row.status).unwrap_or(AssignmentStatus::Assigned)
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

fn form_out(
    settings: &Settings,
    period: &period::Model,
    row: r360::Model,
    ratee: Person,
) -> FormOut {
    let editable = edit_error(settings, period, &row).is_none();
    // A submitted response is sealed: its answers are never read back (ADR 0016).
    let readable = status_of(&row).answers_readable();
    let scores = CoreValue::ALL
        .iter()
        .zip(scores_of(&row))
        .filter_map(|(v, s)| s.map(|s| (v.as_str().to_string(), s)))
        .filter(|_| readable)
        .collect();
    FormOut {
        id: row.id,
        period_id: row.period_id,
        period_name: period.name.clone(),
        group: group_of(&row),
        status: status_of(&row),
        deadline: period.deadline_360,
        editable,
        ratee,
        scores,
        comments: if readable {
            comments_map(row.comments.as_deref())
        } else {
            BTreeMap::new()
        },
        overall_comment: row.overall_comment.filter(|_| readable),
        submitted_at: row.submitted_at,
    }
}

fn assignment_conflict(e: DbErr) -> ApiError {
    if crate::error::violates(&e, "uq_ratings_360_period_ratee_rater") {
        ApiError::conflict(
            ErrorCode::AssignmentConflict,
            "Penugasan ini baru saja dibuat dari tempat lain; muat ulang dan coba lagi",
        )
    } else {
        ApiError::from(e)
    }
}

/// The unit and the units below it named by an optional `unit_code` (`None`: all).
async fn unit_scope<C: ConnectionTrait>(
    conn: &C,
    code: Option<&str>,
) -> ApiResult<Option<Vec<Uuid>>> {
    Ok(match super::unit_filter(conn, code).await? {
        Some(root) => Some(store::ratings360::list_unit_subtree(conn, root).await?),
        None => None,
    })
}
