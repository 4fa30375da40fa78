//! Continuous feedback notes (umpan balik berkelanjutan) and coaching sessions
//! (bimbingan kinerja) of an employee.
//!
//! Invariant: lists are newest first with a stable tie-break (id), so pages do not overlap.

use entity::{coaching_session, feedback_note};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::PageReq;

/// An employee's feedback notes, newest first, optionally of one period.
pub async fn notes_of<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    period_id: Option<Uuid>,
    page: PageReq,
) -> Result<(Vec<feedback_note::Model>, u64), DbErr> {
    let mut q = feedback_note::Entity::find()
        .filter(feedback_note::Column::EmployeeId.eq(employee_id))
        .order_by_desc(feedback_note::Column::CreatedAt)
        .order_by_desc(feedback_note::Column::Id);
    if let Some(p) = period_id {
        q = q.filter(feedback_note::Column::PeriodId.eq(p));
    }
    let pages = q.paginate(conn, page.per_page);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page.page - 1).await?, total))
}

pub async fn find_session<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<coaching_session::Model>, DbErr> {
    coaching_session::Entity::find_by_id(id).one(conn).await
}

/// An employee's coaching sessions, the most recent first.
pub async fn sessions_of<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    page: PageReq,
) -> Result<(Vec<coaching_session::Model>, u64), DbErr> {
    let pages = coaching_session::Entity::find()
        .filter(coaching_session::Column::EmployeeId.eq(employee_id))
        .order_by_desc(coaching_session::Column::HeldOn)
        .order_by_desc(coaching_session::Column::CreatedAt)
        .order_by_desc(coaching_session::Column::Id)
        .paginate(conn, page.per_page);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page.page - 1).await?, total))
}
