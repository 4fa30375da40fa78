//! The grouped counts behind the task inbox (`app::tasks`). Every function is one query
//! whose size is bounded by the caller's own direct reports or by a `GROUP BY`; none runs
//! per member (ADR 0023).

use chrono::NaiveDate;
use entity::{
    development_item as item, development_plan as plan, evaluation, feedback_submission as sub,
    period, rating_360 as r360,
};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::domain::development::ItemStatus;
use crate::domain::feedback::SubmissionStatus;
use crate::domain::period::PeriodState;
use crate::domain::ratings360::AssignmentStatus;

fn bigint(e: SimpleExpr) -> SimpleExpr {
    // CAST keeps aggregates 64-bit integers on both engines.
    Func::cast_as(e, Alias::new("BIGINT")).into()
}

/// The periods in these states, oldest first.
pub async fn list_periods_in_states<C: ConnectionTrait>(
    conn: &C,
    states: &[PeriodState],
) -> Result<Vec<period::Model>, DbErr> {
    period::Entity::find()
        .filter(period::Column::State.is_in(states.iter().map(|s| s.as_str())))
        .order_by_asc(period::Column::StartsOn)
        .all(conn)
        .await
}

#[derive(FromQueryResult)]
struct PeriodCount {
    period_id: Uuid,
    n: i64,
}

/// 360 rows per period with one of `statuses`, of this rater or (with `ratees`) about
/// these ratees, grouped by period.
pub async fn count_360_by_period<C: ConnectionTrait>(
    conn: &C,
    period_ids: &[Uuid],
    rater_id: Option<Uuid>,
    ratee_ids: Option<&[Uuid]>,
    statuses: &[AssignmentStatus],
) -> Result<Vec<(Uuid, i64)>, DbErr> {
    if period_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = r360::Entity::find()
        .select_only()
        .column(r360::Column::PeriodId)
        .column_as(bigint(Func::count(Expr::col(r360::Column::Id)).into()), "n")
        .filter(r360::Column::PeriodId.is_in(period_ids.iter().copied()))
        .filter(r360::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .group_by(r360::Column::PeriodId);
    if let Some(r) = rater_id {
        q = q.filter(r360::Column::RaterId.eq(r));
    }
    if let Some(ratees) = ratee_ids {
        if ratees.is_empty() {
            return Ok(Vec::new());
        }
        q = q.filter(r360::Column::RateeId.is_in(ratees.iter().copied()));
    }
    Ok(q.into_model::<PeriodCount>()
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.period_id, r.n))
        .collect())
}

#[derive(FromQueryResult)]
struct EvaluationStatus {
    period_id: Uuid,
    employee_id: Uuid,
    status: String,
}

/// `(period, employee, status)` of the evaluations of these employees in these periods.
pub async fn list_evaluation_statuses<C: ConnectionTrait>(
    conn: &C,
    period_ids: &[Uuid],
    employee_ids: &[Uuid],
) -> Result<Vec<(Uuid, Uuid, String)>, DbErr> {
    if period_ids.is_empty() || employee_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(evaluation::Entity::find()
        .select_only()
        .column(evaluation::Column::PeriodId)
        .column(evaluation::Column::EmployeeId)
        .column(evaluation::Column::Status)
        .filter(evaluation::Column::PeriodId.is_in(period_ids.iter().copied()))
        .filter(evaluation::Column::EmployeeId.is_in(employee_ids.iter().copied()))
        .into_model::<EvaluationStatus>()
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.period_id, r.employee_id, r.status))
        .collect())
}

#[derive(FromQueryResult)]
struct DueItems {
    n: i64,
    first_due: Option<NaiveDate>,
}

/// The employee's development plan items not done and due on or before `due_by`: how
/// many, and the earliest due date.
pub async fn count_plan_items_due<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    due_by: NaiveDate,
) -> Result<(i64, Option<NaiveDate>), DbErr> {
    let row = item::Entity::find()
        .select_only()
        .column_as(bigint(Func::count(Expr::col(item::Column::Id)).into()), "n")
        .column_as(
            SimpleExpr::from(Func::min(Expr::col(item::Column::DueOn))),
            "first_due",
        )
        .filter(
            item::Column::PlanId.in_subquery(
                Query::select()
                    .column(plan::Column::Id)
                    .from(plan::Entity)
                    .and_where(Expr::col(plan::Column::EmployeeId).eq(employee_id))
                    .to_owned(),
            ),
        )
        .filter(item::Column::Status.ne(ItemStatus::Done.as_str()))
        .filter(item::Column::DueOn.lte(due_by))
        .into_model::<DueItems>()
        .one(conn)
        .await?;
    Ok(row.map(|r| (r.n, r.first_due)).unwrap_or((0, None)))
}

/// Citizen submissions held for moderation.
pub async fn count_held_submissions<C: ConnectionTrait>(conn: &C) -> Result<u64, DbErr> {
    sub::Entity::find()
        .filter(sub::Column::Status.eq(SubmissionStatus::Held.as_str()))
        .count(conn)
        .await
}
