//! Queries of the career area: the training catalogue and development plans with items
//! and certificates (the talent and cycle views they build on are in `store::talent`).
//!
//! Invariants: lists load related rows by id sets (no query per row); id lists are chunked
//! to stay under bind-parameter limits; nothing here writes to cycle tables.

use chrono::NaiveDate;
use entity::{
    development_certificate as cert, development_item as item, development_plan as plan, employee,
    training,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, prelude::Uuid,
};
use std::collections::HashMap;

use crate::domain::development::ItemStatus;

pub(crate) const CHUNK: usize = 500;

// ---- training catalogue ----

pub async fn find_training<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<training::Model>, DbErr> {
    training::Entity::find_by_id(id).one(conn).await
}

pub async fn list_trainings_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, training::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(training::Entity::find()
        .filter(training::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect())
}

/// Filters of the catalogue list.
#[derive(Default)]
pub struct TrainingFilter {
    pub q: Option<String>,
    pub value_code: Option<String>,
    pub mode: Option<String>,
    pub active: Option<bool>,
}

pub async fn list_trainings<C: ConnectionTrait>(
    conn: &C,
    f: &TrainingFilter,
) -> Result<Vec<training::Model>, DbErr> {
    let mut q = training::Entity::find()
        .order_by_asc(training::Column::Title)
        .order_by_asc(training::Column::Provider);
    if let Some(text) = f.q.as_deref() {
        q = q.filter(super::contains_ci(
            sea_orm::sea_query::Expr::col(training::Column::Title),
            text,
        ));
    }
    if let Some(v) = &f.value_code {
        q = q.filter(training::Column::ValueCode.eq(v.clone()));
    }
    if let Some(m) = &f.mode {
        q = q.filter(training::Column::Mode.eq(m.clone()));
    }
    if let Some(a) = f.active {
        q = q.filter(training::Column::Active.eq(a));
    }
    q.all(conn).await
}

pub async fn find_training_by_title<C: ConnectionTrait>(
    conn: &C,
    title: &str,
    provider: &str,
) -> Result<Option<training::Model>, DbErr> {
    training::Entity::find()
        .filter(training::Column::Title.eq(title))
        .filter(training::Column::Provider.eq(provider))
        .one(conn)
        .await
}

/// Plan items that reference a course.
pub async fn count_items_with_training<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<u64, DbErr> {
    item::Entity::find()
        .filter(item::Column::TrainingId.eq(id))
        .count(conn)
        .await
}

pub async fn insert_training<C: ConnectionTrait>(
    conn: &C,
    t: training::Model,
) -> Result<training::Model, DbErr> {
    t.into_active_model().reset_all().insert(conn).await
}

pub async fn update_training<C: ConnectionTrait>(
    conn: &C,
    t: training::Model,
) -> Result<training::Model, DbErr> {
    t.into_active_model().reset_all().update(conn).await
}

pub async fn delete_training<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbErr> {
    training::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

// ---- development plans ----

pub async fn find_item<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<(item::Model, plan::Model)>, DbErr> {
    let Some(i) = item::Entity::find_by_id(id).one(conn).await? else {
        return Ok(None);
    };
    Ok(plan::Entity::find_by_id(i.plan_id)
        .one(conn)
        .await?
        .map(|p| (i, p)))
}

pub async fn list_plans_of_employee<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
) -> Result<Vec<plan::Model>, DbErr> {
    plan::Entity::find()
        .filter(plan::Column::EmployeeId.eq(employee_id))
        .order_by_desc(plan::Column::CreatedAt)
        .all(conn)
        .await
}

pub async fn list_plans_by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, plan::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            plan::Entity::find()
                .filter(plan::Column::Id.is_in(chunk.to_vec()))
                .all(conn)
                .await?
                .into_iter()
                .map(|p| (p.id, p)),
        );
    }
    Ok(out)
}

pub async fn list_items_of_plans<C: ConnectionTrait>(
    conn: &C,
    plan_ids: &[Uuid],
) -> Result<Vec<item::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in plan_ids.chunks(CHUNK) {
        out.extend(
            item::Entity::find()
                .filter(item::Column::PlanId.is_in(chunk.to_vec()))
                .order_by_asc(item::Column::Position)
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

pub async fn list_certificates<C: ConnectionTrait>(
    conn: &C,
    item_ids: &[Uuid],
) -> Result<Vec<cert::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in item_ids.chunks(CHUNK) {
        out.extend(
            cert::Entity::find()
                .filter(cert::Column::ItemId.is_in(chunk.to_vec()))
                .order_by_asc(cert::Column::CreatedAt)
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

pub async fn find_certificate<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<cert::Model>, DbErr> {
    cert::Entity::find_by_id(id).one(conn).await
}

/// Done items of the employees' plans completed in `[from, to]` (inclusive).
pub async fn list_done_items<C: ConnectionTrait>(
    conn: &C,
    employee_ids: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(item::Model, Uuid)>, DbErr> {
    let mut out = Vec::new();
    for chunk in employee_ids.chunks(CHUNK) {
        let plans: HashMap<Uuid, Uuid> = plan::Entity::find()
            .filter(plan::Column::EmployeeId.is_in(chunk.to_vec()))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p.employee_id))
            .collect();
        if plans.is_empty() {
            continue;
        }
        let ids: Vec<Uuid> = plans.keys().copied().collect();
        for ids in ids.chunks(CHUNK) {
            let items = item::Entity::find()
                .filter(item::Column::PlanId.is_in(ids.to_vec()))
                .filter(item::Column::Status.eq(ItemStatus::Done.as_str()))
                .filter(item::Column::CompletedOn.gte(from))
                .filter(item::Column::CompletedOn.lte(to))
                .order_by_asc(item::Column::CompletedOn)
                .all(conn)
                .await?;
            out.extend(
                items
                    .into_iter()
                    .filter_map(|i| plans.get(&i.plan_id).map(|e| (i.clone(), *e))),
            );
        }
    }
    Ok(out)
}

/// Items of plans of employees in the given units (or all), optionally only overdue ones
/// on `today`, ordered by due date; with the total for paging.
pub async fn list_items_for_units<C: ConnectionTrait>(
    conn: &C,
    unit_ids: Option<&[Uuid]>,
    overdue_on: Option<NaiveDate>,
) -> Result<Vec<(item::Model, plan::Model)>, DbErr> {
    let mut pq = plan::Entity::find();
    if let Some(units) = unit_ids {
        let emp_ids: Vec<Uuid> = employee::Entity::find()
            .filter(employee::Column::UnitId.is_in(units.to_vec()))
            .all(conn)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect();
        if emp_ids.is_empty() {
            return Ok(Vec::new());
        }
        pq = pq.filter(plan::Column::EmployeeId.is_in(emp_ids));
    }
    let plans: HashMap<Uuid, plan::Model> =
        pq.all(conn).await?.into_iter().map(|p| (p.id, p)).collect();
    let ids: Vec<Uuid> = plans.keys().copied().collect();
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let mut q = item::Entity::find().filter(item::Column::PlanId.is_in(chunk.to_vec()));
        if let Some(today) = overdue_on {
            q = q
                .filter(item::Column::Status.ne(ItemStatus::Done.as_str()))
                .filter(item::Column::DueOn.lt(today));
        }
        for i in q.all(conn).await? {
            if let Some(p) = plans.get(&i.plan_id) {
                out.push((i, p.clone()));
            }
        }
    }
    out.sort_by(|a, b| a.0.due_on.cmp(&b.0.due_on).then(a.0.id.cmp(&b.0.id)));
    Ok(out)
}

pub async fn insert_plan<C: ConnectionTrait>(
    conn: &C,
    p: plan::Model,
) -> Result<plan::Model, DbErr> {
    p.into_active_model().reset_all().insert(conn).await
}

pub async fn insert_item<C: ConnectionTrait>(
    conn: &C,
    i: item::Model,
) -> Result<item::Model, DbErr> {
    i.into_active_model().reset_all().insert(conn).await
}

pub async fn update_item<C: ConnectionTrait>(
    conn: &C,
    i: item::Model,
) -> Result<item::Model, DbErr> {
    i.into_active_model().reset_all().update(conn).await
}

pub async fn insert_certificate<C: ConnectionTrait>(
    conn: &C,
    c: cert::Model,
) -> Result<cert::Model, DbErr> {
    c.into_active_model().reset_all().insert(conn).await
}

pub async fn delete_certificate<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbErr> {
    cert::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}
