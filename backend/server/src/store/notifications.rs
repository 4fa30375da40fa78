//! Notifications, email opt-outs and the email outbox (ADR 0024).
//!
//! Invariants: a reminder row is inserted at most once (`uq_notifications_dedup_key`, an
//! insert that does nothing on conflict); an outbox row is claimed by one worker at a time
//! with a compare-and-set on `claimed_until` (a lease), so several instances never send
//! the same email twice while it is held, and a crashed worker's rows come back when the
//! lease ends.

use chrono::{DateTime, Utc};
use entity::{email_outbox, notification, notification_email_optout as optout, user};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::domain::paging::PageReq;

/// Inserts a notification; `false` when its `dedup_key` was already written (nothing done).
pub async fn insert_notification<C: ConnectionTrait>(
    conn: &C,
    m: notification::Model,
) -> Result<bool, DbErr> {
    let n = notification::Entity::insert(m.into_active_model())
        .on_conflict(
            OnConflict::column(notification::Column::DedupKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(n > 0)
}

/// A page of the account's notifications (newest first), the total and the unread count.
pub async fn list_of_user<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    unread_only: bool,
    page: PageReq,
) -> Result<(Vec<notification::Model>, u64, u64), DbErr> {
    let mut q = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id);
    if unread_only {
        q = q.filter(notification::Column::ReadAt.is_null());
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    let items = p.fetch_page(page.page - 1).await?;
    let unread = unread_count(conn, user_id).await?;
    Ok((items, total, unread))
}

pub async fn unread_count<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> Result<u64, DbErr> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(conn)
        .await
}

/// Marks the account's unread notifications read (`id` = one of them, `None` = all);
/// returns how many changed.
pub async fn mark_read<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    id: Option<Uuid>,
    at: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut q = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(at))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        q = q.filter(notification::Column::Id.eq(id));
    }
    Ok(q.exec(conn).await?.rows_affected)
}

pub async fn find_notification<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    id: Uuid,
) -> Result<Option<notification::Model>, DbErr> {
    notification::Entity::find_by_id(id)
        .filter(notification::Column::UserId.eq(user_id))
        .one(conn)
        .await
}

/// The categories the account switched email off for.
pub async fn list_optouts<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
) -> Result<Vec<String>, DbErr> {
    Ok(optout::Entity::find()
        .filter(optout::Column::UserId.eq(user_id))
        .order_by_asc(optout::Column::Category)
        .all(conn)
        .await?
        .into_iter()
        .map(|o| o.category)
        .collect())
}

/// Replaces the account's opt-outs with `categories`.
pub async fn replace_optouts<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    categories: &[&str],
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    optout::Entity::delete_many()
        .filter(optout::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    for c in categories {
        optout::Model {
            id: Uuid::now_v7(),
            user_id,
            category: (*c).to_string(),
            created_at: at,
        }
        .into_active_model()
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The active accounts of these employees.
pub async fn list_accounts_of_employees<C: ConnectionTrait>(
    conn: &C,
    employee_ids: &[Uuid],
) -> Result<Vec<user::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in employee_ids.chunks(500) {
        out.extend(
            user::Entity::find()
                .filter(user::Column::EmployeeId.is_in(chunk.to_vec()))
                .filter(user::Column::Active.eq(true))
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

/// Active accounts having one of these roles (roles are a comma-separated list).
pub async fn list_accounts_with_role<C: ConnectionTrait>(
    conn: &C,
    role: &str,
) -> Result<Vec<user::Model>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Active.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .filter(|u| u.roles.split(',').any(|r| r.trim() == role))
        .collect())
}

pub async fn insert_email<C: ConnectionTrait>(
    conn: &C,
    m: email_outbox::Model,
) -> Result<(), DbErr> {
    m.into_active_model().insert(conn).await.map(|_| ())
}

/// Up to `limit` emails due at `now` and not held by another worker, oldest first.
pub async fn list_due_emails<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<email_outbox::Model>, DbErr> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::SentAt.is_null())
        .filter(email_outbox::Column::FailedAt.is_null())
        .filter(email_outbox::Column::NextAttemptAt.lte(now))
        .filter(
            Condition::any()
                .add(email_outbox::Column::ClaimedUntil.is_null())
                .add(email_outbox::Column::ClaimedUntil.lt(now)),
        )
        .order_by_asc(email_outbox::Column::NextAttemptAt)
        .order_by_asc(email_outbox::Column::Id)
        .limit(limit)
        .all(conn)
        .await
}

/// Claims one email until `until` if nobody holds it (compare-and-set on the lease);
/// `true` when this caller got it.
pub async fn claim_email<C: ConnectionTrait>(
    conn: &C,
    row: &email_outbox::Model,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut held = Condition::all().add(email_outbox::Column::Id.eq(row.id));
    held = match row.claimed_until {
        Some(t) => held.add(email_outbox::Column::ClaimedUntil.eq(t)),
        None => held.add(email_outbox::Column::ClaimedUntil.is_null()),
    };
    let r = email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::ClaimedUntil, Expr::value(until))
        .filter(held)
        .filter(email_outbox::Column::SentAt.is_null())
        .filter(
            Condition::any()
                .add(email_outbox::Column::ClaimedUntil.is_null())
                .add(email_outbox::Column::ClaimedUntil.lt(now)),
        )
        .exec(conn)
        .await?;
    Ok(r.rows_affected == 1)
}

pub async fn mark_sent<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::SentAt, Expr::value(at))
        .col_expr(
            email_outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(email_outbox::Column::Id.eq(id))
        .exec(conn)
        .await
        .map(|_| ())
}

/// Records a failed attempt: the next try at `next`, or given up (`failed_at`) when `None`.
pub async fn mark_failed<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    attempts: i32,
    next: Option<DateTime<Utc>>,
    error: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut q = email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::Attempts, Expr::value(attempts))
        .col_expr(email_outbox::Column::LastError, Expr::value(error))
        .col_expr(
            email_outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        );
    q = match next {
        Some(n) => q.col_expr(email_outbox::Column::NextAttemptAt, Expr::value(n)),
        None => q.col_expr(email_outbox::Column::FailedAt, Expr::value(at)),
    };
    q.filter(email_outbox::Column::Id.eq(id))
        .exec(conn)
        .await
        .map(|_| ())
}

/// The raters (employees) who still have a form in one of `statuses` in the period.
pub async fn list_raters_with_forms_in<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    statuses: &[&str],
) -> Result<Vec<Uuid>, DbErr> {
    let mut ids: Vec<Uuid> = entity::rating_360::Entity::find()
        .filter(entity::rating_360::Column::PeriodId.eq(period_id))
        .filter(entity::rating_360::Column::Status.is_in(statuses.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.rater_id)
        .collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// The direct supervisors of the employees with these NIPs.
pub async fn list_supervisors_of_nips<C: ConnectionTrait>(
    conn: &C,
    nips: &[String],
) -> Result<Vec<Uuid>, DbErr> {
    let mut ids = Vec::new();
    for chunk in nips.chunks(500) {
        ids.extend(
            entity::employee::Entity::find()
                .filter(entity::employee::Column::Nip.is_in(chunk.iter().cloned()))
                .all(conn)
                .await?
                .into_iter()
                .filter_map(|e| e.supervisor_id),
        );
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// The employees with an evaluation in the period who have filed no appeal against it.
pub async fn list_evaluated_without_appeal<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
) -> Result<Vec<Uuid>, DbErr> {
    let evaluations = entity::evaluation::Entity::find()
        .filter(entity::evaluation::Column::PeriodId.eq(period_id))
        .all(conn)
        .await?;
    let mut appealed = std::collections::HashSet::new();
    let ids: Vec<Uuid> = evaluations.iter().map(|e| e.id).collect();
    for chunk in ids.chunks(500) {
        appealed.extend(
            entity::appeal::Entity::find()
                .filter(entity::appeal::Column::EvaluationId.is_in(chunk.to_vec()))
                .all(conn)
                .await?
                .into_iter()
                .map(|a| a.evaluation_id),
        );
    }
    Ok(evaluations
        .into_iter()
        .filter(|e| !appealed.contains(&e.id))
        .map(|e| e.employee_id)
        .collect())
}
