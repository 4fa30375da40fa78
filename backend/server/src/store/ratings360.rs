//! 360-degree assignments and responses (`ratings_360`: one row per period, ratee and rater
//! is both the assignment and the response), and the sums a ratee's aggregate is built from.
//!
//! Invariants: counts and means come from grouped queries (`GROUP BY rater_group` or
//! `rater_id`), never from rows loaded into Rust to be counted; this module returns rows
//! and sums only: which groups may be shown is `domain::aggregation`'s decision.

use chrono::{DateTime, Utc};
use entity::{employee, period, rating_360 as r360, unit};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::config::Settings;
use crate::domain::aggregation::{GroupTotals, PublicTotals, RaterGroup, RaterStats};
use crate::domain::period::PeriodState;
use crate::domain::ratings360::{AssignmentStatus, period_range};

/// The score columns in the official BerAKHLAK order of `domain::berakhlak::CoreValue::ALL`.
pub const SCORE_COLUMNS: [r360::Column; 7] = [
    r360::Column::ScorePelayanan,
    r360::Column::ScoreAkuntabel,
    r360::Column::ScoreKompeten,
    r360::Column::ScoreHarmonis,
    r360::Column::ScoreLoyal,
    r360::Column::ScoreAdaptif,
    r360::Column::ScoreKolaboratif,
];

/// The sums a ratee's aggregate is computed from: the submitted responses per rater group
/// and the citizens' counted submissions about the ratee during the period's local days.
pub async fn sum_aggregate_inputs<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    period: &period::Model,
    ratee_id: Uuid,
) -> Result<(Vec<GroupTotals>, PublicTotals), DbErr> {
    Ok(
        sum_aggregate_inputs_of(conn, settings, period, vec![ratee_id])
            .await?
            .remove(&ratee_id)
            .unwrap_or_default(),
    )
}

/// [`sum_aggregate_inputs`] for many ratees in two grouped queries (per chunk of ids).
pub async fn sum_aggregate_inputs_of<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    period: &period::Model,
    ratee_ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, (Vec<GroupTotals>, PublicTotals)>, DbErr> {
    let mut totals = sum_group_totals_of(conn, period.id, ratee_ids.clone()).await?;
    let (from, to) = period_range(settings.local_offset(), period.starts_on, period.ends_on);
    let mut citizens =
        super::feedback::totals_of_employees(conn, ratee_ids.clone(), from, to).await?;
    Ok(ratee_ids
        .into_iter()
        .map(|id| {
            let c = citizens.remove(&id).unwrap_or_default();
            let public = PublicTotals {
                respondents: c.count,
                u6_sum: c.sums[5],
                u7_sum: c.sums[6],
            };
            (id, (totals.remove(&id).unwrap_or_default(), public))
        })
        .collect())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<r360::Model>, DbErr> {
    r360::Entity::find_by_id(id).one(conn).await
}

/// Every row of one ratee in a period.
pub async fn list_for_ratee<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_id: Uuid,
) -> Result<Vec<r360::Model>, DbErr> {
    r360::Entity::find()
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::RateeId.eq(ratee_id))
        .all(conn)
        .await
}

/// The rows of one rater with one of these statuses, in the given periods.
pub async fn list_of_rater<C: ConnectionTrait>(
    conn: &C,
    rater_id: Uuid,
    period_ids: Vec<Uuid>,
    statuses: &[AssignmentStatus],
) -> Result<Vec<r360::Model>, DbErr> {
    if period_ids.is_empty() {
        return Ok(Vec::new());
    }
    r360::Entity::find()
        .filter(r360::Column::RaterId.eq(rater_id))
        .filter(r360::Column::PeriodId.is_in(period_ids))
        .filter(r360::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .all(conn)
        .await
}

/// The (ratee, rater) pairs that already have a row in the period, for these ratees.
pub async fn list_existing_pairs<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_ids: &[Uuid],
) -> Result<HashSet<(Uuid, Uuid)>, DbErr> {
    let mut out = HashSet::new();
    for chunk in ratee_ids.chunks(500) {
        let rows: Vec<(Uuid, Uuid)> = r360::Entity::find()
            .select_only()
            .column(r360::Column::RateeId)
            .column(r360::Column::RaterId)
            .filter(r360::Column::PeriodId.eq(period_id))
            .filter(r360::Column::RateeId.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Inserts new rows (in chunks, to stay under bind-parameter limits).
pub async fn insert_all<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<r360::ActiveModel>,
) -> Result<(), DbErr> {
    for chunk in rows.chunks(100) {
        r360::Entity::insert_many(chunk.to_vec()).exec(conn).await?;
    }
    Ok(())
}

/// A unit and every unit below it (breadth-first, one query per level, bounded).
pub async fn list_unit_subtree<C: ConnectionTrait>(
    conn: &C,
    root: Uuid,
) -> Result<Vec<Uuid>, DbErr> {
    let mut out = vec![root];
    let mut level = vec![root];
    for _ in 0..64 {
        if level.is_empty() {
            break;
        }
        let children: Vec<Uuid> = unit::Entity::find()
            .select_only()
            .column(unit::Column::Id)
            .filter(unit::Column::ParentId.is_in(level.clone()))
            .into_tuple()
            .all(conn)
            .await?;
        let children: Vec<Uuid> = children.into_iter().filter(|c| !out.contains(c)).collect();
        out.extend(children.iter().copied());
        level = children;
    }
    Ok(out)
}

/// Active employees, of the given units when set.
pub async fn list_active_employees<C: ConnectionTrait>(
    conn: &C,
    unit_ids: Option<Vec<Uuid>>,
) -> Result<Vec<employee::Model>, DbErr> {
    let mut q = employee::Entity::find()
        .filter(employee::Column::Active.eq(true))
        .order_by_asc(employee::Column::Nip);
    if let Some(units) = unit_ids {
        q = q.filter(employee::Column::UnitId.is_in(units));
    }
    q.all(conn).await
}

/// Active direct subordinates of any of these employees.
pub async fn list_active_subordinates_of<C: ConnectionTrait>(
    conn: &C,
    supervisor_ids: &[Uuid],
) -> Result<Vec<employee::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in supervisor_ids.chunks(500) {
        out.extend(
            employee::Entity::find()
                .filter(employee::Column::Active.eq(true))
                .filter(employee::Column::SupervisorId.is_in(chunk.to_vec()))
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

/// `ratee_id IN (employees of these units)`, as a subquery.
fn ratee_in_units(units: Vec<Uuid>) -> SimpleExpr {
    Expr::col((r360::Entity, r360::Column::RateeId)).in_subquery(
        Query::select()
            .column(employee::Column::Id)
            .from(employee::Entity)
            .and_where(Expr::col(employee::Column::UnitId).is_in(units))
            .to_owned(),
    )
}

/// `rater_id IN (employees of these units)`, as a subquery.
fn rater_in_units(units: Vec<Uuid>) -> SimpleExpr {
    Expr::col((r360::Entity, r360::Column::RaterId)).in_subquery(
        Query::select()
            .column(employee::Column::Id)
            .from(employee::Entity)
            .and_where(Expr::col(employee::Column::UnitId).is_in(units))
            .to_owned(),
    )
}

fn bigint(e: SimpleExpr) -> SimpleExpr {
    // CAST keeps aggregates 64-bit integers on both engines.
    Func::cast_as(e, Alias::new("BIGINT")).into()
}

/// Adds `s1..s7` (sums), `c1..c7` (counts) and optionally `lo1..lo7` / `hi1..hi7`
/// (minimum and maximum) of the seven score columns.
fn score_aggregates(
    mut q: sea_orm::Select<r360::Entity>,
    extremes: bool,
) -> sea_orm::Select<r360::Entity> {
    for (i, c) in SCORE_COLUMNS.into_iter().enumerate() {
        let n = i + 1;
        q = q
            .column_as(bigint(Func::sum(Expr::col(c)).into()), format!("s{n}"))
            .column_as(bigint(Func::count(Expr::col(c)).into()), format!("c{n}"));
        if extremes {
            q = q
                .column_as(bigint(Func::min(Expr::col(c)).into()), format!("lo{n}"))
                .column_as(bigint(Func::max(Expr::col(c)).into()), format!("hi{n}"));
        }
    }
    q
}

#[derive(FromQueryResult)]
struct GroupRow {
    ratee_id: Uuid,
    rater_group: String,
    n: i64,
    s1: Option<i64>,
    s2: Option<i64>,
    s3: Option<i64>,
    s4: Option<i64>,
    s5: Option<i64>,
    s6: Option<i64>,
    s7: Option<i64>,
    c1: i64,
    c2: i64,
    c3: i64,
    c4: i64,
    c5: i64,
    c6: i64,
    c7: i64,
}

/// Submitted responses per ratee and rater group: one grouped query per chunk of ids,
/// whatever the size of a team (no query per member).
pub async fn sum_group_totals_of<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<GroupTotals>>, DbErr> {
    let rows = super::bulk::by_id_chunks(ratee_ids, |chunk| {
        let q = r360::Entity::find()
            .select_only()
            .column(r360::Column::RateeId)
            .column(r360::Column::RaterGroup)
            .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n");
        score_aggregates(q, false)
            .filter(r360::Column::PeriodId.eq(period_id))
            .filter(r360::Column::RateeId.is_in(chunk))
            .filter(r360::Column::Status.eq(AssignmentStatus::Submitted.as_str()))
            .group_by(r360::Column::RateeId)
            .group_by(r360::Column::RaterGroup)
            .into_model::<GroupRow>()
            .all(conn)
    })
    .await?;
    let mut out: HashMap<Uuid, Vec<GroupTotals>> = HashMap::new();
    for r in rows {
        let Some(group) = RaterGroup::parse(&r.rater_group) else {
            continue;
        };
        let s = [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7].map(|x| x.unwrap_or(0));
        let c = [r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7];
        out.entry(r.ratee_id).or_default().push(GroupTotals {
            group,
            responses: r.n,
            values: std::array::from_fn(|i| (s[i], c[i])),
        });
    }
    Ok(out)
}

/// The comments of the submitted responses of the given groups about one ratee: only the
/// group and the texts (no ids, raters or times). The caller names the groups it may show.
pub async fn list_comments<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_id: Uuid,
    groups: &[RaterGroup],
) -> Result<Vec<(String, Option<String>, Option<String>)>, DbErr> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    r360::Entity::find()
        .select_only()
        .column(r360::Column::RaterGroup)
        .column(r360::Column::Comments)
        .column(r360::Column::OverallComment)
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::RateeId.eq(ratee_id))
        .filter(r360::Column::Status.eq(AssignmentStatus::Submitted.as_str()))
        .filter(r360::Column::RaterGroup.is_in(groups.iter().map(|g| g.as_str())))
        .filter(
            sea_orm::Condition::any()
                .add(r360::Column::Comments.is_not_null())
                .add(r360::Column::OverallComment.is_not_null()),
        )
        .into_tuple()
        .all(conn)
        .await
}

#[derive(FromQueryResult)]
struct RateeStatusRow {
    ratee_id: Uuid,
    status: String,
    n: i64,
}

/// Rows per ratee and status in a period (of ratees in these units when set), grouped.
pub async fn count_by_ratee_and_status<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    units: Option<Vec<Uuid>>,
) -> Result<Vec<(Uuid, String, i64)>, DbErr> {
    let mut q = r360::Entity::find()
        .select_only()
        .column(r360::Column::RateeId)
        .column(r360::Column::Status)
        .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n")
        .filter(r360::Column::PeriodId.eq(period_id))
        .group_by(r360::Column::RateeId)
        .group_by(r360::Column::Status);
    if let Some(units) = units {
        q = q.filter(ratee_in_units(units));
    }
    Ok(q.into_model::<RateeStatusRow>()
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.ratee_id, r.status, r.n))
        .collect())
}

#[derive(FromQueryResult)]
struct RaterCountRow {
    rater_id: Uuid,
    n: i64,
}

/// Forms with one of these statuses per rater in a period (about ratees in these units
/// when set), grouped.
pub async fn count_by_rater<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    units: Option<Vec<Uuid>>,
    statuses: &[AssignmentStatus],
) -> Result<Vec<(Uuid, i64)>, DbErr> {
    let mut q = r360::Entity::find()
        .select_only()
        .column(r360::Column::RaterId)
        .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n")
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .group_by(r360::Column::RaterId);
    if let Some(units) = units {
        q = q.filter(ratee_in_units(units));
    }
    Ok(q.into_model::<RaterCountRow>()
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.rater_id, r.n))
        .collect())
}

#[derive(FromQueryResult)]
struct RaterStatsRow {
    rater_id: Uuid,
    n: i64,
    s1: Option<i64>,
    s2: Option<i64>,
    s3: Option<i64>,
    s4: Option<i64>,
    s5: Option<i64>,
    s6: Option<i64>,
    s7: Option<i64>,
    c1: i64,
    c2: i64,
    c3: i64,
    c4: i64,
    c5: i64,
    c6: i64,
    c7: i64,
    lo1: Option<i64>,
    lo2: Option<i64>,
    lo3: Option<i64>,
    lo4: Option<i64>,
    lo5: Option<i64>,
    lo6: Option<i64>,
    lo7: Option<i64>,
    hi1: Option<i64>,
    hi2: Option<i64>,
    hi3: Option<i64>,
    hi4: Option<i64>,
    hi5: Option<i64>,
    hi6: Option<i64>,
    hi7: Option<i64>,
}

/// Every rater's submitted responses in a period summarised (self-ratings excluded: they
/// say nothing about a rater's reliability towards others), raters of these units when set.
pub async fn sum_rater_stats<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    units: Option<Vec<Uuid>>,
) -> Result<HashMap<Uuid, RaterStats>, DbErr> {
    let q = r360::Entity::find()
        .select_only()
        .column(r360::Column::RaterId)
        .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n");
    let mut q = score_aggregates(q, true)
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::Status.eq(AssignmentStatus::Submitted.as_str()))
        .filter(r360::Column::RaterGroup.ne(RaterGroup::SelfRating.as_str()))
        .group_by(r360::Column::RaterId);
    if let Some(units) = units {
        q = q.filter(rater_in_units(units));
    }
    let rows = q.into_model::<RaterStatsRow>().all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let sums = [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7];
            let counts = [r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7];
            let lows = [r.lo1, r.lo2, r.lo3, r.lo4, r.lo5, r.lo6, r.lo7];
            let highs = [r.hi1, r.hi2, r.hi3, r.hi4, r.hi5, r.hi6, r.hi7];
            let stats = RaterStats {
                responses: u32::try_from(r.n).unwrap_or(u32::MAX),
                sum: sums.iter().map(|s| s.unwrap_or(0)).sum(),
                scores: u32::try_from(counts.iter().sum::<i64>()).unwrap_or(u32::MAX),
                min: lows.iter().flatten().copied().min().unwrap_or(0),
                max: highs.iter().flatten().copied().max().unwrap_or(0),
            };
            (r.rater_id, stats)
        })
        .collect())
}

/// The submitted responses of one rater group about a ratee in a period.
pub async fn count_submitted_in_group<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_id: Uuid,
    group: RaterGroup,
) -> Result<u64, DbErr> {
    r360::Entity::find()
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::RateeId.eq(ratee_id))
        .filter(r360::Column::RaterGroup.eq(group.as_str()))
        .filter(r360::Column::Status.eq(AssignmentStatus::Submitted.as_str()))
        .count(conn)
        .await
}

/// Sets a row's status and decision reason.
pub async fn update_status<C: ConnectionTrait>(
    conn: &C,
    row: r360::Model,
    status: AssignmentStatus,
    decision_reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<r360::Model, DbErr> {
    let mut am: r360::ActiveModel = row.into();
    am.status = Set(status.as_str().into());
    am.decision_reason = Set(decision_reason);
    am.updated_at = Set(now);
    am.update(conn).await
}

/// A rater's answers as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswersRow {
    pub status: AssignmentStatus,
    /// Per value in the official order.
    pub scores: [Option<i16>; 7],
    /// JSON object CoreValue code → comment.
    pub comments: Option<String>,
    pub overall_comment: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// Replaces a row's answers unless it was submitted meanwhile (two saves racing cannot
/// overwrite a submitted response). Whether a row was updated.
pub async fn update_answers_unless_submitted<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    answers: &AnswersRow,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut update = r360::Entity::update_many()
        .col_expr(r360::Column::Status, Expr::value(answers.status.as_str()))
        .col_expr(
            r360::Column::Comments,
            Expr::value(answers.comments.clone()),
        )
        .col_expr(
            r360::Column::OverallComment,
            Expr::value(answers.overall_comment.clone()),
        )
        .col_expr(r360::Column::SubmittedAt, Expr::value(answers.submitted_at))
        .col_expr(r360::Column::UpdatedAt, Expr::value(now));
    for (col, score) in SCORE_COLUMNS.into_iter().zip(answers.scores) {
        update = update.col_expr(col, Expr::value(score));
    }
    let res = update
        .filter(r360::Column::Id.eq(id))
        .filter(r360::Column::Status.ne(AssignmentStatus::Submitted.as_str()))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Periods in a state (the rater's inbox lists the open ones).
pub async fn list_periods_in_state<C: ConnectionTrait>(
    conn: &C,
    state: PeriodState,
) -> Result<Vec<period::Model>, DbErr> {
    period::Entity::find()
        .filter(period::Column::State.eq(state.as_str()))
        .all(conn)
        .await
}

/// A new row (no answers yet).
pub fn new_row(
    period_id: Uuid,
    ratee_id: Uuid,
    rater_id: Uuid,
    group: RaterGroup,
    status: AssignmentStatus,
    nominated_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> r360::ActiveModel {
    r360::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(period_id),
        ratee_id: Set(ratee_id),
        rater_id: Set(rater_id),
        rater_group: Set(group.as_str().into()),
        status: Set(status.as_str().into()),
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
