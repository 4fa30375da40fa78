//! Queries on evaluation periods.

use entity::period;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    prelude::Uuid,
};

use super::PageReq;

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
