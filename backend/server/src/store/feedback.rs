//! Queries on citizen feedback: targets, tickets, submissions and their aggregates.
//!
//! Aggregates are one grouped query over an index (`unit_id|employee_id, status,
//! created_at`), never rows loaded into Rust to be counted.

use chrono::{DateTime, Utc};
use entity::{feedback_submission as sub, feedback_target as target, feedback_ticket as ticket};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, prelude::Uuid,
};
use std::collections::HashMap;

use super::PageReq;
use crate::domain::feedback::{SubmissionStatus, TargetKind};

pub async fn find_target_by_token<C: ConnectionTrait>(
    conn: &C,
    token: &str,
) -> Result<Option<target::Model>, DbErr> {
    target::Entity::find()
        .filter(target::Column::Token.eq(token))
        .one(conn)
        .await
}

pub async fn find_target<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<target::Model>, DbErr> {
    target::Entity::find_by_id(id).one(conn).await
}

/// Targets by id, in one query.
pub async fn find_targets<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<Vec<target::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    target::Entity::find()
        .filter(target::Column::Id.is_in(ids))
        .all(conn)
        .await
}

pub async fn find_target_of_employee<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
) -> Result<Option<target::Model>, DbErr> {
    target::Entity::find()
        .filter(target::Column::EmployeeId.eq(employee_id))
        .one(conn)
        .await
}

pub async fn list_targets<C: ConnectionTrait>(
    conn: &C,
    unit_id: Option<Uuid>,
    kind: Option<TargetKind>,
    page: PageReq,
) -> Result<(Vec<target::Model>, u64), DbErr> {
    let mut q = target::Entity::find()
        .order_by_asc(target::Column::Kind)
        .order_by_asc(target::Column::Label);
    if let Some(u) = unit_id {
        q = q.filter(target::Column::UnitId.eq(u));
    }
    if let Some(k) = kind {
        q = q.filter(target::Column::Kind.eq(k.as_str()));
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    Ok((p.fetch_page(page.page - 1).await?, total))
}

#[derive(FromQueryResult)]
struct TargetStatusCount {
    target_id: Uuid,
    status: String,
    n: i64,
}

/// (counted, held) submissions per target, in one grouped query.
pub async fn count_by_target<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, (i64, i64)>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = sub::Entity::find()
        .select_only()
        .column(sub::Column::TargetId)
        .column(sub::Column::Status)
        .column_as(sub::Column::Id.count(), "n")
        .filter(sub::Column::TargetId.is_in(ids))
        .group_by(sub::Column::TargetId)
        .group_by(sub::Column::Status)
        .into_model::<TargetStatusCount>()
        .all(conn)
        .await?;
    let mut out: HashMap<Uuid, (i64, i64)> = HashMap::new();
    for r in rows {
        let e = out.entry(r.target_id).or_default();
        match SubmissionStatus::parse(&r.status) {
            Some(SubmissionStatus::Counted) => e.0 += r.n,
            Some(SubmissionStatus::Held) => e.1 += r.n,
            _ => {}
        }
    }
    Ok(out)
}

/// A new target (an active one).
pub struct NewTarget {
    pub kind: TargetKind,
    pub label: String,
    pub unit_id: Uuid,
    pub employee_id: Option<Uuid>,
    pub token: String,
}

pub async fn insert_target<C: ConnectionTrait>(
    conn: &C,
    t: NewTarget,
) -> Result<target::Model, DbErr> {
    let now = Utc::now();
    target::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(t.kind.as_str().to_string()),
        label: Set(t.label),
        unit_id: Set(t.unit_id),
        employee_id: Set(t.employee_id),
        token: Set(t.token),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await
}

/// Replaces the token and/or the active flag (absent values stay).
pub async fn update_target<C: ConnectionTrait>(
    conn: &C,
    t: target::Model,
    token: Option<String>,
    active: Option<bool>,
) -> Result<target::Model, DbErr> {
    let mut am: target::ActiveModel = t.into();
    if let Some(token) = token {
        am.token = Set(token);
    }
    if let Some(active) = active {
        am.active = Set(active);
    }
    am.updated_at = Set(Utc::now());
    am.update(conn).await
}

pub async fn insert_tickets<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
    batch_id: Uuid,
    codes: &[String],
) -> Result<(), DbErr> {
    let now = Utc::now();
    let models: Vec<ticket::ActiveModel> = codes
        .iter()
        .map(|c| ticket::ActiveModel {
            id: Set(Uuid::now_v7()),
            target_id: Set(target_id),
            code: Set(c.clone()),
            batch_id: Set(batch_id),
            created_at: Set(now),
            used_at: Set(None),
        })
        .collect();
    for chunk in models.chunks(100) {
        ticket::Entity::insert_many(chunk.to_vec())
            .exec(conn)
            .await?;
    }
    Ok(())
}

pub async fn find_ticket<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<Option<ticket::Model>, DbErr> {
    ticket::Entity::find()
        .filter(ticket::Column::Code.eq(code))
        .one(conn)
        .await
}

/// Marks a ticket used; false when it already was (so it works exactly once, even when two
/// submissions race).
pub async fn update_ticket_used<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbErr> {
    let res = ticket::Entity::update_many()
        .col_expr(ticket::Column::UsedAt, Expr::value(Some(Utc::now())))
        .filter(ticket::Column::Id.eq(id))
        .filter(ticket::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn list_tickets<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
    unused_only: bool,
    page: PageReq,
) -> Result<(Vec<ticket::Model>, u64), DbErr> {
    let mut q = ticket::Entity::find()
        .filter(ticket::Column::TargetId.eq(target_id))
        .order_by_desc(ticket::Column::CreatedAt)
        .order_by_asc(ticket::Column::Code);
    if unused_only {
        q = q.filter(ticket::Column::UsedAt.is_null());
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    Ok((p.fetch_page(page.page - 1).await?, total))
}

/// Serialises submissions per target until the end of the transaction on PostgreSQL (an
/// advisory lock keyed by the target), so checks in the transaction see every earlier
/// submission. SQLite already has a single writer: nothing to do.
pub async fn lock_target_submissions<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
) -> Result<(), DbErr> {
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        let key = i64::from_be_bytes(target_id.as_bytes()[..8].try_into().unwrap_or_default());
        conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({key})"))
            .await?;
    }
    Ok(())
}

/// Recent submissions that the abuse checks look at.
pub async fn list_recent_from_client<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
    client_hash: &str,
    since: DateTime<Utc>,
) -> Result<Vec<sub::Model>, DbErr> {
    sub::Entity::find()
        .filter(sub::Column::TargetId.eq(target_id))
        .filter(sub::Column::ClientHash.eq(client_hash))
        .filter(sub::Column::CreatedAt.gte(since))
        .limit(200)
        .all(conn)
        .await
}

pub async fn count_for_target_since<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    sub::Entity::find()
        .filter(sub::Column::TargetId.eq(target_id))
        .filter(sub::Column::CreatedAt.gte(since))
        .count(conn)
        .await
}

pub async fn find_submission<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<sub::Model>, DbErr> {
    sub::Entity::find_by_id(id).one(conn).await
}

/// A citizen's submission as it is stored.
pub struct NewSubmission {
    pub target_id: Uuid,
    pub unit_id: Uuid,
    pub employee_id: Option<Uuid>,
    pub scores: [i16; 9],
    pub comment: Option<String>,
    pub ticket_id: Option<Uuid>,
    pub verified: bool,
    pub status: SubmissionStatus,
    pub hold_reason: Option<String>,
    pub client_hash: Option<String>,
    /// Local month `YYYY-MM`.
    pub month: String,
    pub created_at: DateTime<Utc>,
    pub kiosk_id: Option<Uuid>,
}

pub async fn insert_submission<C: ConnectionTrait>(
    conn: &C,
    n: NewSubmission,
) -> Result<sub::Model, DbErr> {
    let [u1, u2, u3, u4, u5, u6, u7, u8, u9] = n.scores;
    sub::ActiveModel {
        id: Set(Uuid::now_v7()),
        target_id: Set(n.target_id),
        unit_id: Set(n.unit_id),
        employee_id: Set(n.employee_id),
        u1: Set(u1),
        u2: Set(u2),
        u3: Set(u3),
        u4: Set(u4),
        u5: Set(u5),
        u6: Set(u6),
        u7: Set(u7),
        u8: Set(u8),
        u9: Set(u9),
        comment: Set(n.comment),
        comment_hidden: Set(false),
        comment_hidden_reason: Set(None),
        ticket_id: Set(n.ticket_id),
        verified: Set(n.verified),
        status: Set(n.status.as_str().to_string()),
        hold_reason: Set(n.hold_reason),
        client_hash: Set(n.client_hash),
        month: Set(n.month),
        created_at: Set(n.created_at),
        reply: Set(None),
        replied_at: Set(None),
        kiosk_id: Set(n.kiosk_id),
    }
    .insert(conn)
    .await
}

/// Sets a submission's moderation status and hold reason.
pub async fn update_submission_status<C: ConnectionTrait>(
    conn: &C,
    s: sub::Model,
    status: SubmissionStatus,
    hold_reason: Option<String>,
) -> Result<sub::Model, DbErr> {
    let mut am: sub::ActiveModel = s.into();
    am.status = Set(status.as_str().to_string());
    am.hold_reason = Set(hold_reason);
    am.update(conn).await
}

/// Hides a submission's comment with a reason (the comment is kept).
pub async fn update_submission_comment_hidden<C: ConnectionTrait>(
    conn: &C,
    s: sub::Model,
    reason: String,
) -> Result<sub::Model, DbErr> {
    let mut am: sub::ActiveModel = s.into();
    am.comment_hidden = Set(true);
    am.comment_hidden_reason = Set(Some(reason));
    am.update(conn).await
}

/// Stores the employee's reply to a submission.
pub async fn update_submission_reply<C: ConnectionTrait>(
    conn: &C,
    s: sub::Model,
    reply: String,
    at: DateTime<Utc>,
) -> Result<sub::Model, DbErr> {
    let mut am: sub::ActiveModel = s.into();
    am.reply = Set(Some(reply));
    am.replied_at = Set(Some(at));
    am.update(conn).await
}

pub async fn list_submissions<C: ConnectionTrait>(
    conn: &C,
    status: Option<SubmissionStatus>,
    unit_id: Option<Uuid>,
    page: PageReq,
) -> Result<(Vec<sub::Model>, u64), DbErr> {
    let mut q = sub::Entity::find().order_by_desc(sub::Column::CreatedAt);
    if let Some(s) = status {
        q = q.filter(sub::Column::Status.eq(s.as_str()));
    }
    if let Some(u) = unit_id {
        q = q.filter(sub::Column::UnitId.eq(u));
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    Ok((p.fetch_page(page.page - 1).await?, total))
}

/// Comments about one employee (counted submissions only), newest first; hidden ones only
/// when `include_hidden`.
pub async fn list_employee_comments<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    include_hidden: bool,
    limit: u64,
) -> Result<Vec<sub::Model>, DbErr> {
    let mut q = sub::Entity::find()
        .filter(sub::Column::EmployeeId.eq(employee_id))
        .filter(sub::Column::Status.eq(SubmissionStatus::Counted.as_str()))
        .filter(sub::Column::Comment.is_not_null())
        .filter(sub::Column::CreatedAt.gte(from))
        .filter(sub::Column::CreatedAt.lt(to))
        .order_by_desc(sub::Column::CreatedAt)
        .limit(limit);
    if !include_hidden {
        q = q.filter(sub::Column::CommentHidden.eq(false));
    }
    q.all(conn).await
}

/// Score sums of the nine elements and the number of submissions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub sums: [i64; 9],
    pub count: i64,
    pub verified: i64,
}

#[derive(FromQueryResult)]
struct SumRow {
    month: Option<String>,
    n: i64,
    v: Option<i64>,
    s1: Option<i64>,
    s2: Option<i64>,
    s3: Option<i64>,
    s4: Option<i64>,
    s5: Option<i64>,
    s6: Option<i64>,
    s7: Option<i64>,
    s8: Option<i64>,
    s9: Option<i64>,
}

impl From<SumRow> for Totals {
    fn from(r: SumRow) -> Self {
        let s = [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9];
        Totals {
            sums: s.map(|x| x.unwrap_or(0)),
            count: r.n,
            verified: r.v.unwrap_or(0),
        }
    }
}

/// Which submissions an aggregate covers.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    Unit(Uuid),
    Employee(Uuid),
}

/// The scope of a sums query: one of [`Scope`] or several employees at once.
enum Filter {
    One(Scope),
    Employees(Vec<Uuid>),
}

fn sums_query(
    filter: Filter,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sea_orm::Select<sub::Entity> {
    let cols = [
        sub::Column::U1,
        sub::Column::U2,
        sub::Column::U3,
        sub::Column::U4,
        sub::Column::U5,
        sub::Column::U6,
        sub::Column::U7,
        sub::Column::U8,
        sub::Column::U9,
    ];
    let mut q = sub::Entity::find()
        .select_only()
        .column_as(sub::Column::Id.count(), "n")
        // CAST keeps the sum a 64-bit integer on both engines.
        .column_as(Expr::cust("SUM(CASE WHEN verified THEN 1 ELSE 0 END)"), "v");
    for (i, c) in cols.into_iter().enumerate() {
        q = q.column_as(
            Expr::expr(Func::cast_as(
                Func::sum(Expr::col(c)),
                sea_orm::sea_query::Alias::new("BIGINT"),
            )),
            format!("s{}", i + 1),
        );
    }
    q = match filter {
        Filter::One(Scope::Unit(u)) => q.filter(sub::Column::UnitId.eq(u)),
        Filter::One(Scope::Employee(e)) => q.filter(sub::Column::EmployeeId.eq(e)),
        Filter::Employees(ids) => q.filter(sub::Column::EmployeeId.is_in(ids)),
    };
    q.filter(sub::Column::Status.eq(SubmissionStatus::Counted.as_str()))
        .filter(sub::Column::CreatedAt.gte(from))
        .filter(sub::Column::CreatedAt.lt(to))
}

/// Totals over a time range (counted submissions only).
pub async fn totals<C: ConnectionTrait>(
    conn: &C,
    scope: Scope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Totals, DbErr> {
    let row = sums_query(Filter::One(scope), from, to)
        .column_as(Expr::cust("NULL"), "month")
        .into_model::<SumRow>()
        .one(conn)
        .await?;
    Ok(row.map(Totals::from).unwrap_or_default())
}

/// Totals per employee over a time range (counted submissions only), one grouped query per
/// chunk of ids; employees without submissions are absent.
pub async fn totals_of_employees<C: ConnectionTrait>(
    conn: &C,
    employee_ids: Vec<Uuid>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<HashMap<Uuid, Totals>, DbErr> {
    #[derive(FromQueryResult)]
    struct Keyed {
        employee_id: Uuid,
        #[sea_orm(nested)]
        sums: SumRow,
    }
    let rows = super::bulk::by_id_chunks(employee_ids, |chunk| {
        sums_query(Filter::Employees(chunk), from, to)
            .column_as(Expr::cust("NULL"), "month")
            .column(sub::Column::EmployeeId)
            .group_by(sub::Column::EmployeeId)
            .into_model::<Keyed>()
            .all(conn)
    })
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.employee_id, Totals::from(r.sums)))
        .collect())
}

/// Totals per local month (`YYYY-MM`), oldest first.
pub async fn monthly_totals<C: ConnectionTrait>(
    conn: &C,
    scope: Scope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(String, Totals)>, DbErr> {
    let rows = sums_query(Filter::One(scope), from, to)
        .column_as(sub::Column::Month, "month")
        .group_by(sub::Column::Month)
        .order_by_asc(sub::Column::Month)
        .into_model::<SumRow>()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.month.clone().unwrap_or_default(), Totals::from(r)))
        .collect())
}

/// Erases client-address hashes older than `before` (they only serve abuse checks).
pub async fn purge_client_hashes<C: ConnectionTrait>(
    conn: &C,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let res = sub::Entity::update_many()
        .col_expr(sub::Column::ClientHash, Expr::value(Option::<String>::None))
        .filter(sub::Column::ClientHash.is_not_null())
        .filter(sub::Column::CreatedAt.lt(before))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}
