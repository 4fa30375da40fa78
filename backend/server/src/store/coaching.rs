//! Continuous feedback notes (umpan balik berkelanjutan) and coaching sessions
//! (bimbingan kinerja) of an employee.
//!
//! Invariant: lists are newest first with a stable tie-break (id), so pages do not overlap.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{coaching_session, feedback_note};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::PageReq;

/// An employee's feedback notes, newest first, optionally of one period.
pub async fn list_notes<C: ConnectionTrait>(
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
pub async fn list_sessions<C: ConnectionTrait>(
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

/// A new feedback note.
pub struct NewNote {
    pub employee_id: Uuid,
    pub author_id: Uuid,
    pub period_id: Option<Uuid>,
    pub rhk_id: Option<Uuid>,
    pub value_code: Option<String>,
    pub body: String,
}

pub async fn insert_note<C: ConnectionTrait>(
    conn: &C,
    n: NewNote,
    now: DateTime<Utc>,
) -> Result<feedback_note::Model, DbErr> {
    feedback_note::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(n.employee_id),
        author_id: Set(n.author_id),
        period_id: Set(n.period_id),
        rhk_id: Set(n.rhk_id),
        value_code: Set(n.value_code),
        body: Set(n.body),
        created_at: Set(now),
    }
    .insert(conn)
    .await
}

/// A new coaching session (not yet rated).
pub struct NewSession {
    pub employee_id: Uuid,
    pub coach_id: Uuid,
    pub held_on: NaiveDate,
    pub topic: String,
    pub notes: Option<String>,
    /// JSON text of the B.1.9 scores.
    pub competency_scores: Option<String>,
}

pub async fn insert_session<C: ConnectionTrait>(
    conn: &C,
    n: NewSession,
    now: DateTime<Utc>,
) -> Result<coaching_session::Model, DbErr> {
    coaching_session::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(n.employee_id),
        coach_id: Set(n.coach_id),
        held_on: Set(n.held_on),
        topic: Set(n.topic),
        notes: Set(n.notes),
        coaching_rating: Set(None),
        competency_scores: Set(n.competency_scores),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await
}

/// Stores the employee's rating (JSON text), replacing an earlier one.
pub async fn update_session_rating<C: ConnectionTrait>(
    conn: &C,
    s: coaching_session::Model,
    rating_json: String,
    now: DateTime<Utc>,
) -> Result<coaching_session::Model, DbErr> {
    let mut am: coaching_session::ActiveModel = s.into();
    am.coaching_rating = Set(Some(rating_json));
    am.updated_at = Set(now);
    am.update(conn).await
}

/// Every feedback note of an employee in one period, oldest first (the Dokumen Evaluasi
/// Kinerja prints them all).
pub async fn list_notes_of_period<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    period_id: Uuid,
) -> Result<Vec<feedback_note::Model>, DbErr> {
    feedback_note::Entity::find()
        .filter(feedback_note::Column::EmployeeId.eq(employee_id))
        .filter(feedback_note::Column::PeriodId.eq(period_id))
        .order_by_asc(feedback_note::Column::CreatedAt)
        .order_by_asc(feedback_note::Column::Id)
        .all(conn)
        .await
}
