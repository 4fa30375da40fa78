//! Queries on employees.

use entity::employee;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set, prelude::Uuid,
};
use std::collections::HashMap;

use super::{PageReq, contains_ci};

/// Filters of the employee list.
#[derive(Clone, Debug, Default)]
pub struct EmployeeFilter {
    pub unit_id: Option<Uuid>,
    pub q: Option<String>,
    pub active: Option<bool>,
    /// When set, only these employees are visible (an employee's own subtree).
    pub only_ids: Option<Vec<Uuid>>,
}

pub async fn find_by_nip<C: ConnectionTrait>(
    conn: &C,
    nip: &str,
) -> Result<Option<employee::Model>, DbErr> {
    employee::Entity::find()
        .filter(employee::Column::Nip.eq(nip))
        .one(conn)
        .await
}

pub async fn find_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<employee::Model>, DbErr> {
    employee::Entity::find_by_id(id).one(conn).await
}

pub async fn find_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, employee::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = super::bulk::by_id_chunks(ids, |chunk| {
        employee::Entity::find()
            .filter(employee::Column::Id.is_in(chunk))
            .all(conn)
    })
    .await?;
    Ok(rows.into_iter().map(|e| (e.id, e)).collect())
}

/// The active employees of some units (for choosing a unit's head).
pub async fn list_active_in_units<C: ConnectionTrait>(
    conn: &C,
    unit_ids: Vec<Uuid>,
) -> Result<Vec<employee::Model>, DbErr> {
    if unit_ids.is_empty() {
        return Ok(Vec::new());
    }
    employee::Entity::find()
        .filter(employee::Column::UnitId.is_in(unit_ids))
        .filter(employee::Column::Active.eq(true))
        .all(conn)
        .await
}

pub async fn find_by_nips<C: ConnectionTrait>(
    conn: &C,
    nips: Vec<String>,
) -> Result<HashMap<String, employee::Model>, DbErr> {
    let mut out = HashMap::new();
    // Chunked to stay under bind-parameter limits on big imports.
    for chunk in nips.chunks(500) {
        let rows = employee::Entity::find()
            .filter(employee::Column::Nip.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        out.extend(rows.into_iter().map(|e| (e.nip.clone(), e)));
    }
    Ok(out)
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    filter: &EmployeeFilter,
    page: PageReq,
) -> Result<(Vec<employee::Model>, u64), DbErr> {
    let mut select = employee::Entity::find()
        .order_by_asc(employee::Column::Name)
        .order_by_asc(employee::Column::Nip);
    if let Some(unit_id) = filter.unit_id {
        select = select.filter(employee::Column::UnitId.eq(unit_id));
    }
    if let Some(active) = filter.active {
        select = select.filter(employee::Column::Active.eq(active));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let mut any = Condition::any().add(contains_ci(Expr::col(employee::Column::Name), q));
        // NIPs are digits only; other text cannot be a NIP prefix, and `starts_with` does
        // not escape LIKE wildcards (`%`, `_`), so only digits are matched against NIPs.
        if q.bytes().all(|b| b.is_ascii_digit()) {
            any = any.add(employee::Column::Nip.starts_with(q));
        }
        select = select.filter(any);
    }
    if let Some(ids) = &filter.only_ids {
        select = select.filter(employee::Column::Id.is_in(ids.clone()));
    }
    let paginator = select.paginate(conn, page.per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.page - 1).await?;
    Ok((items, total))
}

/// The supervisor chain above an employee, nearest first. Bounded, so a corrupt
/// hierarchy cannot loop forever.
pub async fn supervisor_chain<C: ConnectionTrait>(
    conn: &C,
    start: Option<Uuid>,
) -> Result<Vec<employee::Model>, DbErr> {
    let mut out: Vec<employee::Model> = Vec::new();
    let mut next = start;
    while let Some(id) = next {
        if out.len() > 64 || out.iter().any(|e| e.id == id) {
            break;
        }
        let Some(e) = find_by_id(conn, id).await? else {
            break;
        };
        next = e.supervisor_id;
        out.push(e);
    }
    Ok(out)
}

/// Every employee below `root` in the hierarchy (breadth-first, one query per level).
pub async fn subtree_ids<C: ConnectionTrait>(conn: &C, root: Uuid) -> Result<Vec<Uuid>, DbErr> {
    let mut out = Vec::new();
    let mut level = vec![root];
    for _ in 0..64 {
        if level.is_empty() {
            break;
        }
        let children: Vec<Uuid> = employee::Entity::find()
            .filter(employee::Column::SupervisorId.is_in(level.clone()))
            .all(conn)
            .await?
            .into_iter()
            .map(|e| e.id)
            .filter(|id| *id != root && !out.contains(id))
            .collect();
        out.extend(children.iter().copied());
        level = children;
    }
    Ok(out)
}

pub async fn count_direct_subordinates<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<u64, DbErr> {
    employee::Entity::find()
        .filter(employee::Column::SupervisorId.eq(id))
        .count(conn)
        .await
}

/// Employees holding any of these (lower-case) emails, chunked like `find_by_nips`.
pub async fn find_by_emails<C: ConnectionTrait>(
    conn: &C,
    emails: Vec<String>,
) -> Result<Vec<employee::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in emails.chunks(500) {
        out.extend(
            employee::Entity::find()
                .filter(employee::Column::Email.is_in(chunk.to_vec()))
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

/// Employees holding any of these SIASN PNS ids, chunked like `find_by_nips`.
pub async fn find_by_pns_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<String>,
) -> Result<Vec<employee::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            employee::Entity::find()
                .filter(employee::Column::PnsId.is_in(chunk.to_vec()))
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

/// The fields of an employee that the HR system writes (everything but the NIP and the
/// supervisor link).
#[derive(Clone, Debug)]
pub struct EmployeeFields {
    pub name: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub status: String,
    pub golongan: String,
    pub jabatan: String,
    pub jenis_jabatan: String,
    pub unit_id: Uuid,
    pub email: Option<String>,
    pub active: bool,
    /// SIASN's PNS id (`pnsDinilaiId`).
    pub pns_id: Option<String>,
}

/// Inserts an employee with the given supervisor; created and updated at `at`.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    nip: String,
    f: EmployeeFields,
    supervisor_id: Option<Uuid>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<employee::Model, DbErr> {
    employee::ActiveModel {
        id: Set(Uuid::now_v7()),
        nip: Set(nip),
        name: Set(f.name),
        gelar_depan: Set(f.gelar_depan),
        gelar_belakang: Set(f.gelar_belakang),
        status: Set(f.status),
        golongan: Set(f.golongan),
        jabatan: Set(f.jabatan),
        jenis_jabatan: Set(f.jenis_jabatan),
        unit_id: Set(f.unit_id),
        supervisor_id: Set(supervisor_id),
        email: Set(f.email),
        active: Set(f.active),
        pns_id: Set(f.pns_id),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(conn)
    .await
}

/// Saves the HR fields of an employee; `updated_at` is set to `at`.
pub async fn update_fields<C: ConnectionTrait>(
    conn: &C,
    e: employee::Model,
    f: EmployeeFields,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<employee::Model, DbErr> {
    let mut am: employee::ActiveModel = e.into();
    am.name = Set(f.name);
    am.gelar_depan = Set(f.gelar_depan);
    am.gelar_belakang = Set(f.gelar_belakang);
    am.status = Set(f.status);
    am.golongan = Set(f.golongan);
    am.jabatan = Set(f.jabatan);
    am.jenis_jabatan = Set(f.jenis_jabatan);
    am.unit_id = Set(f.unit_id);
    am.email = Set(f.email);
    am.active = Set(f.active);
    am.pns_id = Set(f.pns_id);
    am.updated_at = Set(at);
    am.update(conn).await
}

/// Removes an employee's email (without touching `updated_at`), so another employee of
/// the same batch can take it over.
pub async fn clear_email<C: ConnectionTrait>(
    conn: &C,
    e: employee::Model,
) -> Result<employee::Model, DbErr> {
    let mut am: employee::ActiveModel = e.into();
    am.email = Set(None);
    am.update(conn).await
}

/// Sets an employee's direct supervisor; `updated_at` is set to `at`.
pub async fn set_supervisor<C: ConnectionTrait>(
    conn: &C,
    e: employee::Model,
    supervisor_id: Option<Uuid>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<employee::Model, DbErr> {
    let mut am: employee::ActiveModel = e.into();
    am.supervisor_id = Set(supervisor_id);
    am.updated_at = Set(at);
    am.update(conn).await
}
