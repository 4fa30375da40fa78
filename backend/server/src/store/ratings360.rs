//! 360-degree assignments and responses (`ratings_360`: one row per period, ratee and rater
//! is both the assignment and the response), and the aggregate of a ratee's responses.
//!
//! Invariants: counts and means come from grouped queries (`GROUP BY rater_group` or
//! `rater_id`), never from rows loaded into Rust to be counted; the aggregate only ever
//! exposes a group's numbers when `domain::aggregation` says the group may be shown, and
//! the suggestion is computed from exactly what the ratee and the supervisor see.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{employee, rating_360 as r360, unit};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::config::Settings;
use crate::domain::aggregation::{
    self, Explanation, GroupInput, RaterGroup, RaterStats, min_responses, public_scale, round2,
};
use crate::domain::ikm::{self, ElementTotals};
use crate::domain::predikat::Rating;

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

/// Statuses of a row that is a form for the rater (issued, started or done).
pub const FORM_STATUSES: [&str; 3] = ["assigned", "draft", "submitted"];

/// The suggested rating perilaku from a ratee's submitted 360 responses in a period, with
/// the weighted mean behind it. `None` when no group has results to count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    pub rating: Rating,
    pub mean: f64,
}

/// The suggestion the supervisor's behaviour rating is compared with: the same numbers the
/// ratee and the supervisor see in the 360 summary (two-decimal weighted mean of the groups
/// that may be shown).
pub async fn suggestion<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    period: &entity::period::Model,
    ratee_id: Uuid,
) -> Result<Option<Suggestion>, DbErr> {
    let agg = aggregate(conn, settings, period, ratee_id).await?;
    Ok(match (agg.explanation.rating, agg.explanation.mean) {
        (Some(rating), Some(mean)) => Some(Suggestion { rating, mean }),
        _ => None,
    })
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

/// The forms of one rater (assigned, draft or submitted), in the given periods.
pub async fn forms_of_rater<C: ConnectionTrait>(
    conn: &C,
    rater_id: Uuid,
    period_ids: Vec<Uuid>,
) -> Result<Vec<r360::Model>, DbErr> {
    if period_ids.is_empty() {
        return Ok(Vec::new());
    }
    r360::Entity::find()
        .filter(r360::Column::RaterId.eq(rater_id))
        .filter(r360::Column::PeriodId.is_in(period_ids))
        .filter(r360::Column::Status.is_in(FORM_STATUSES))
        .all(conn)
        .await
}

/// The (ratee, rater) pairs that already have a row in the period, for these ratees.
pub async fn existing_pairs<C: ConnectionTrait>(
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
pub async fn unit_subtree<C: ConnectionTrait>(conn: &C, root: Uuid) -> Result<Vec<Uuid>, DbErr> {
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
pub async fn active_employees<C: ConnectionTrait>(
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
pub async fn active_subordinates_of<C: ConnectionTrait>(
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

/// Submitted responses of one group of raters, summed per value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTotals {
    pub group: RaterGroup,
    pub responses: i64,
    /// Per value (official order): (sum of scores, number of scores).
    pub values: [(i64, i64); 7],
}

/// Submitted responses about one ratee per rater group, in one grouped query.
pub async fn group_totals<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_id: Uuid,
) -> Result<Vec<GroupTotals>, DbErr> {
    let q = r360::Entity::find()
        .select_only()
        .column(r360::Column::RaterGroup)
        .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n");
    let rows = score_aggregates(q, false)
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::RateeId.eq(ratee_id))
        .filter(r360::Column::Status.eq("submitted"))
        .group_by(r360::Column::RaterGroup)
        .into_model::<GroupRow>()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let group = RaterGroup::parse(&r.rater_group)?;
            let s = [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7].map(|x| x.unwrap_or(0));
            let c = [r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7];
            Some(GroupTotals {
                group,
                responses: r.n,
                values: std::array::from_fn(|i| (s[i], c[i])),
            })
        })
        .collect())
}

/// The comments of the submitted responses of the given groups about one ratee: only the
/// group and the texts (no ids, raters or times), for groups that may be shown.
pub async fn comments_of<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_id: Uuid,
    groups: Vec<&'static str>,
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
        .filter(r360::Column::Status.eq("submitted"))
        .filter(r360::Column::RaterGroup.is_in(groups))
        .filter(
            sea_orm::Condition::any()
                .add(r360::Column::Comments.is_not_null())
                .add(r360::Column::OverallComment.is_not_null()),
        )
        .into_tuple()
        .all(conn)
        .await
}

/// One group of the aggregate.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupAggregate {
    pub group: RaterGroup,
    pub responses: u32,
    pub min_responses: u32,
    pub visible: bool,
    /// Two-decimal mean per value (official order) when shown; empty otherwise and for
    /// the public, who do not score BerAKHLAK values.
    pub value_means: Vec<f64>,
    /// Two-decimal group mean (1–5) when shown.
    pub mean: Option<f64>,
    /// The public group's citizen index (25–100, two decimals) when shown.
    pub public_index: Option<f64>,
}

/// A ratee's 360 aggregate for a period, with the explained suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    pub groups: Vec<GroupAggregate>,
    pub explanation: Explanation,
}

/// Local midnight of a day as a UTC instant.
fn local_midnight(settings: &Settings, d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(settings.local_offset()).single())
        .map_or_else(
            || d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
            |t| t.with_timezone(&Utc),
        )
}

/// Computes the aggregate: groups in display order, each visible or withheld.
pub async fn aggregate<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    period: &entity::period::Model,
    ratee_id: Uuid,
) -> Result<Aggregate, DbErr> {
    let totals = group_totals(conn, period.id, ratee_id).await?;
    let threshold = settings.anonymity_threshold;
    let public_min =
        u32::try_from(Ord::max(settings.feedback_min_respondents, 1)).unwrap_or(u32::MAX);
    let from = local_midnight(settings, period.starts_on);
    let to = local_midnight(
        settings,
        period.ends_on.succ_opt().unwrap_or(period.ends_on),
    );
    let citizens =
        super::feedback::totals(conn, super::feedback::Scope::Employee(ratee_id), from, to).await?;
    let mut groups = Vec::with_capacity(RaterGroup::ALL.len());
    for g in RaterGroup::ALL {
        let min = min_responses(g, threshold, public_min);
        if g == RaterGroup::Public {
            let responses = u32::try_from(citizens.count).unwrap_or(u32::MAX);
            let index = (responses >= min)
                .then(|| {
                    ikm::compute(&[
                        ElementTotals {
                            sum: citizens.sums[5],
                            count: citizens.count,
                        },
                        ElementTotals {
                            sum: citizens.sums[6],
                            count: citizens.count,
                        },
                    ])
                })
                .flatten()
                .map(|x| ikm::round2(x.konversi));
            groups.push(GroupAggregate {
                group: g,
                responses,
                min_responses: min,
                visible: index.is_some(),
                value_means: Vec::new(),
                mean: index.map(|i| round2(public_scale(i))),
                public_index: index,
            });
            continue;
        }
        let t = totals.iter().find(|t| t.group == g);
        let responses = t.map_or(0, |t| u32::try_from(t.responses).unwrap_or(u32::MAX));
        let visible = responses > 0 && responses >= min;
        let (value_means, mean) = match t.filter(|_| visible) {
            Some(t) => {
                let means = t
                    .values
                    .iter()
                    .map(|(s, c)| {
                        if *c > 0 {
                            round2(*s as f64 / *c as f64)
                        } else {
                            0.0
                        }
                    })
                    .collect();
                let (s, c) = t
                    .values
                    .iter()
                    .fold((0i64, 0i64), |(s, c), (vs, vc)| (s + vs, c + vc));
                (means, (c > 0).then(|| round2(s as f64 / c as f64)))
            }
            None => (Vec::new(), None),
        };
        groups.push(GroupAggregate {
            group: g,
            responses,
            min_responses: min,
            visible: visible && mean.is_some(),
            value_means,
            mean,
            public_index: None,
        });
    }
    let inputs: Vec<GroupInput> = groups
        .iter()
        .map(|g| GroupInput {
            group: g.group,
            mean: g.mean,
            responses: g.responses,
        })
        .collect();
    let explanation = aggregation::explain(&inputs, &settings.weights_360());
    Ok(Aggregate {
        groups,
        explanation,
    })
}

#[derive(FromQueryResult)]
struct RateeStatusRow {
    ratee_id: Uuid,
    status: String,
    n: i64,
}

/// Rows per ratee and status in a period (of ratees in these units when set), grouped.
pub async fn status_counts<C: ConnectionTrait>(
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

/// Pending forms (assigned or draft) per rater in a period (about ratees in these units
/// when set), grouped.
pub async fn pending_by_rater<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    units: Option<Vec<Uuid>>,
) -> Result<Vec<(Uuid, i64)>, DbErr> {
    let mut q = r360::Entity::find()
        .select_only()
        .column(r360::Column::RaterId)
        .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n")
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::Status.is_in(["assigned", "draft"]))
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
pub async fn rater_stats<C: ConnectionTrait>(
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
        .filter(r360::Column::Status.eq("submitted"))
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
