//! Queries on evaluation periods.

use entity::period;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, prelude::Uuid,
};

use super::PageReq;
use crate::domain::period::PeriodState;

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<period::Model>, DbErr> {
    period::Entity::find_by_id(id).one(conn).await
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    year: Option<i32>,
    page: PageReq,
) -> Result<(Vec<period::Model>, u64), DbErr> {
    let mut q = period::Entity::find()
        .order_by_desc(period::Column::Year)
        .order_by_asc(period::Column::Kind)
        .order_by_asc(period::Column::Number);
    if let Some(y) = year {
        q = q.filter(period::Column::Year.eq(y));
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    Ok((p.fetch_page(page.page - 1).await?, total))
}

/// The period covering quarter/month `number` of `year`, if created.
pub async fn find_span<C: ConnectionTrait>(
    conn: &C,
    year: i32,
    kind: &str,
    number: i32,
) -> Result<Option<period::Model>, DbErr> {
    period::Entity::find()
        .filter(period::Column::Year.eq(year))
        .filter(period::Column::Kind.eq(kind))
        .filter(period::Column::Number.eq(number))
        .one(conn)
        .await
}

/// The periods with these ids that are in `state`.
pub async fn list_by_ids_in_state<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
    state: PeriodState,
) -> Result<Vec<period::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    period::Entity::find()
        .filter(period::Column::Id.is_in(ids))
        .filter(period::Column::State.eq(state.as_str()))
        .all(conn)
        .await
}

/// The periods with these ids.
pub async fn list_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<Vec<period::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    period::Entity::find()
        .filter(period::Column::Id.is_in(ids))
        .all(conn)
        .await
}

pub async fn insert_period<C: ConnectionTrait>(
    conn: &C,
    m: period::Model,
) -> Result<period::Model, DbErr> {
    m.into_active_model().reset_all().insert(conn).await
}

/// Writes every column of the period.
pub async fn update_period<C: ConnectionTrait>(
    conn: &C,
    m: period::Model,
) -> Result<period::Model, DbErr> {
    m.into_active_model().reset_all().update(conn).await
}

/// Periods running a 360 round whose release is not recorded yet (open, closed or
/// published; a draft has no responses).
pub async fn list_unreleased_360<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<period::Model>, DbErr> {
    period::Entity::find()
        .filter(period::Column::Run360.eq(true))
        .filter(period::Column::Released360At.is_null())
        .filter(period::Column::State.ne(PeriodState::Draft.as_str()))
        .all(conn)
        .await
}

/// Records the release of a period's 360 results once: `false` when it was already
/// recorded (by another run of the task).
pub async fn mark_released_360<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<bool, DbErr> {
    let res = period::Entity::update_many()
        .col_expr(
            period::Column::Released360At,
            sea_orm::sea_query::Expr::value(Some(at)),
        )
        .filter(period::Column::Id.eq(id))
        .filter(period::Column::Released360At.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Who hears that a period's 360 results are released: every ratee of the round and
/// their supervisor raters (distinct employee ids).
pub async fn list_360_release_audience<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
) -> Result<Vec<Uuid>, DbErr> {
    use entity::rating_360 as r360;
    use sea_orm::QuerySelect;
    let rows: Vec<(Uuid, Uuid, String)> = r360::Entity::find()
        .select_only()
        .column(r360::Column::RateeId)
        .column(r360::Column::RaterId)
        .column(r360::Column::RaterGroup)
        .filter(r360::Column::PeriodId.eq(period_id))
        .filter(r360::Column::RaterGroup.is_in(["self", "supervisor"]))
        .into_tuple()
        .all(conn)
        .await?;
    let mut ids: Vec<Uuid> = rows
        .into_iter()
        .flat_map(|(ratee, rater, _)| [ratee, rater])
        .collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
}
