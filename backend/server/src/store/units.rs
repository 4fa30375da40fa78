//! Queries on units.

use entity::{employee, unit};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, prelude::Uuid,
};
use std::collections::HashMap;

use super::{PageReq, contains_ci};
use sea_orm::sea_query::Expr;

pub async fn find_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<Option<unit::Model>, DbErr> {
    unit::Entity::find()
        .filter(unit::Column::Code.eq(code))
        .one(conn)
        .await
}

pub async fn find_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, unit::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = super::bulk::by_id_chunks(ids, |chunk| {
        unit::Entity::find()
            .filter(unit::Column::Id.is_in(chunk))
            .all(conn)
    })
    .await?;
    Ok(rows.into_iter().map(|u| (u.id, u)).collect())
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    q: Option<&str>,
    parent: Option<Uuid>,
    page: PageReq,
) -> Result<(Vec<unit::Model>, u64), DbErr> {
    let mut select = unit::Entity::find().order_by_asc(unit::Column::Code);
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(
            sea_orm::Condition::any()
                .add(contains_ci(Expr::col(unit::Column::Name), q))
                .add(contains_ci(Expr::col(unit::Column::Code), q)),
        );
    }
    if let Some(parent) = parent {
        select = select.filter(unit::Column::ParentId.eq(parent));
    }
    let paginator = select.paginate(conn, page.per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.page - 1).await?;
    Ok((items, total))
}

#[derive(FromQueryResult)]
struct UnitCount {
    unit_id: Uuid,
    n: i64,
}

/// Number of employees per unit, for the given units, in one grouped query.
pub async fn employee_counts<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, i64>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = employee::Entity::find()
        .select_only()
        .column(employee::Column::UnitId)
        .column_as(employee::Column::Id.count(), "n")
        .filter(employee::Column::UnitId.is_in(ids))
        .group_by(employee::Column::UnitId)
        .into_model::<UnitCount>()
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.unit_id, r.n)).collect())
}

/// The codes of a unit's ancestors, nearest first (bounded, so a corrupt tree cannot loop).
pub async fn ancestors<C: ConnectionTrait>(
    conn: &C,
    start: Option<Uuid>,
) -> Result<Vec<unit::Model>, DbErr> {
    let mut out = Vec::new();
    let mut next = start;
    while let Some(id) = next {
        if out.len() > 64 {
            break;
        }
        let Some(u) = unit::Entity::find_by_id(id).one(conn).await? else {
            break;
        };
        next = u.parent_id;
        out.push(u);
    }
    Ok(out)
}

/// Number of units (zero on a fresh database).
pub async fn count_all<C: ConnectionTrait>(conn: &C) -> Result<u64, DbErr> {
    unit::Entity::find().count(conn).await
}

/// A new unit.
pub struct NewUnit {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<Uuid>,
    pub at: chrono::DateTime<chrono::Utc>,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, new: NewUnit) -> Result<unit::Model, DbErr> {
    unit::ActiveModel {
        id: Set(Uuid::now_v7()),
        code: Set(new.code),
        name: Set(new.name),
        kind: Set(new.kind),
        parent_id: Set(new.parent_id),
        created_at: Set(new.at),
        updated_at: Set(new.at),
    }
    .insert(conn)
    .await
}

/// Saves a unit's name, kind and parent; `updated_at` is set to `at`.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    u: unit::Model,
    name: String,
    kind: String,
    parent_id: Option<Uuid>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<unit::Model, DbErr> {
    let mut am: unit::ActiveModel = u.into();
    am.name = Set(name);
    am.kind = Set(kind);
    am.parent_id = Set(parent_id);
    am.updated_at = Set(at);
    am.update(conn).await
}
