//! Queries of the career area: the training catalogue, potensi assessments, development
//! plans with items and certificates, and the read-only views of the cycle they build on
//! (published periods, evaluations, submitted 360 responses).
//!
//! Invariants: lists load related rows by id sets (no query per row); id lists are chunked
//! to stay under bind-parameter limits; nothing here writes to cycle tables.

use chrono::NaiveDate;
use entity::{
    development_certificate as cert, development_item as item, development_plan as plan, employee,
    evaluation, period, potensi_assessment as potensi, rating_360, training, unit,
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    prelude::Uuid,
};
use std::collections::{HashMap, HashSet};

use crate::domain::berakhlak::CoreValue;

const CHUNK: usize = 500;

// ---- periods and results (read-only) ----

/// Published periods, newest first (by end date, quarterly before monthly on ties).
pub async fn published_periods<C: ConnectionTrait>(conn: &C) -> Result<Vec<period::Model>, DbErr> {
    period::Entity::find()
        .filter(period::Column::State.eq("published"))
        .order_by_desc(period::Column::EndsOn)
        .order_by_desc(period::Column::Kind)
        .all(conn)
        .await
}

/// The annual period of a year: its published Triwulan IV, else its published month 12.
pub fn annual_period(published: &[period::Model], year: i32) -> Option<&period::Model> {
    published
        .iter()
        .find(|p| p.year == year && p.kind == "quarterly" && p.number == 4)
        .or_else(|| {
            published
                .iter()
                .find(|p| p.year == year && p.kind == "monthly" && p.number == 12)
        })
}

/// Years with a published annual period, newest first.
pub fn annual_years(published: &[period::Model]) -> Vec<i32> {
    let mut years: Vec<i32> = published
        .iter()
        .filter(|p| {
            (p.kind == "quarterly" && p.number == 4) || (p.kind == "monthly" && p.number == 12)
        })
        .map(|p| p.year)
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// Final evaluations of the given employees in the given periods.
pub async fn evaluations_of<C: ConnectionTrait>(
    conn: &C,
    period_ids: &[Uuid],
    employee_ids: &[Uuid],
) -> Result<Vec<evaluation::Model>, DbErr> {
    if period_ids.is_empty() || employee_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for chunk in employee_ids.chunks(CHUNK) {
        out.extend(
            evaluation::Entity::find()
                .filter(evaluation::Column::PeriodId.is_in(period_ids.to_vec()))
                .filter(evaluation::Column::EmployeeId.is_in(chunk.to_vec()))
                .filter(evaluation::Column::Status.eq("final"))
                .all(conn)
                .await?,
        );
    }
    Ok(out)
}

/// Per ratee: the mean and count per value (order of `CoreValue::ALL`) over every submitted,
/// non-self 360 response of the period.
pub async fn value_means<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    ratee_ids: &[Uuid],
) -> Result<HashMap<Uuid, [Option<(f64, u32)>; 7]>, DbErr> {
    let mut sums: HashMap<Uuid, [(i64, u32); 7]> = HashMap::new();
    for chunk in ratee_ids.chunks(CHUNK) {
        let rows = rating_360::Entity::find()
            .filter(rating_360::Column::PeriodId.eq(period_id))
            .filter(rating_360::Column::RateeId.is_in(chunk.to_vec()))
            .filter(rating_360::Column::Status.eq("submitted"))
            .filter(rating_360::Column::RaterGroup.ne("self"))
            .all(conn)
            .await?;
        for r in rows {
            let entry = sums.entry(r.ratee_id).or_insert([(0, 0); 7]);
            for v in CoreValue::ALL {
                let score = match v {
                    CoreValue::BerorientasiPelayanan => r.score_pelayanan,
                    CoreValue::Akuntabel => r.score_akuntabel,
                    CoreValue::Kompeten => r.score_kompeten,
                    CoreValue::Harmonis => r.score_harmonis,
                    CoreValue::Loyal => r.score_loyal,
                    CoreValue::Adaptif => r.score_adaptif,
                    CoreValue::Kolaboratif => r.score_kolaboratif,
                };
                if let Some(s) = score {
                    entry[v.index()].0 += i64::from(s);
                    entry[v.index()].1 += 1;
                }
            }
        }
    }
    Ok(sums
        .into_iter()
        .map(|(id, s)| {
            let means = s.map(|(sum, n)| (n > 0).then(|| (sum as f64 / f64::from(n), n)));
            (id, means)
        })
        .collect())
}

/// Periods (newest first among `published`) in which the employee has a final evaluation
/// or submitted non-self 360 responses: the first is their latest published result.
pub async fn latest_result_period<C: ConnectionTrait>(
    conn: &C,
    published: &[period::Model],
    employee_id: Uuid,
) -> Result<Option<period::Model>, DbErr> {
    if published.is_empty() {
        return Ok(None);
    }
    let ids: Vec<Uuid> = published.iter().map(|p| p.id).collect();
    let mut with: HashSet<Uuid> = evaluation::Entity::find()
        .filter(evaluation::Column::EmployeeId.eq(employee_id))
        .filter(evaluation::Column::PeriodId.is_in(ids.clone()))
        .filter(evaluation::Column::Status.eq("final"))
        .all(conn)
        .await?
        .into_iter()
        .map(|e| e.period_id)
        .collect();
    with.extend(
        rating_360::Entity::find()
            .filter(rating_360::Column::RateeId.eq(employee_id))
            .filter(rating_360::Column::PeriodId.is_in(ids))
            .filter(rating_360::Column::Status.eq("submitted"))
            .filter(rating_360::Column::RaterGroup.ne("self"))
            .all(conn)
            .await?
            .into_iter()
            .map(|r| r.period_id),
    );
    Ok(published.iter().find(|p| with.contains(&p.id)).cloned())
}

/// Employees who could mentor: active, in the same unit, or whose jabatan starts with the
/// family (the caller keeps exact family matches).
pub async fn colleagues<C: ConnectionTrait>(
    conn: &C,
    me: &employee::Model,
    family: &str,
) -> Result<Vec<employee::Model>, DbErr> {
    employee::Entity::find()
        .filter(employee::Column::Active.eq(true))
        .filter(employee::Column::Id.ne(me.id))
        .filter(
            Condition::any()
                .add(employee::Column::UnitId.eq(me.unit_id))
                .add(employee::Column::Jabatan.starts_with(family)),
        )
        .all(conn)
        .await
}

/// Active employees whose jabatan starts with `prefix` (placement; the caller filters).
pub async fn employees_with_jabatan_prefix<C: ConnectionTrait>(
    conn: &C,
    prefix: &str,
    unit_ids: Option<&[Uuid]>,
) -> Result<Vec<employee::Model>, DbErr> {
    let mut q = employee::Entity::find()
        .filter(employee::Column::Active.eq(true))
        .filter(employee::Column::Jabatan.starts_with(prefix))
        .order_by_asc(employee::Column::Name);
    if let Some(ids) = unit_ids {
        q = q.filter(employee::Column::UnitId.is_in(ids.to_vec()));
    }
    q.all(conn).await
}

// ---- units ----

/// A unit and every unit below it (breadth-first, one query per level).
pub async fn unit_subtree<C: ConnectionTrait>(conn: &C, root: Uuid) -> Result<Vec<Uuid>, DbErr> {
    let mut out = vec![root];
    let mut level = vec![root];
    for _ in 0..64 {
        if level.is_empty() {
            break;
        }
        let mut next = Vec::new();
        for chunk in level.chunks(CHUNK) {
            next.extend(
                unit::Entity::find()
                    .filter(unit::Column::ParentId.is_in(chunk.to_vec()))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|u| u.id)
                    .filter(|id| !out.contains(id)),
            );
        }
        out.extend(next.iter().copied());
        level = next;
    }
    Ok(out)
}

/// Active employees of the given units (or of every unit), by name.
pub async fn employees_in_units<C: ConnectionTrait>(
    conn: &C,
    unit_ids: Option<&[Uuid]>,
) -> Result<Vec<employee::Model>, DbErr> {
    let mut q = employee::Entity::find()
        .filter(employee::Column::Active.eq(true))
        .order_by_asc(employee::Column::Name)
        .order_by_asc(employee::Column::Nip);
    if let Some(ids) = unit_ids {
        q = q.filter(employee::Column::UnitId.is_in(ids.to_vec()));
    }
    q.all(conn).await
}

// ---- training catalogue ----

pub async fn find_training<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<training::Model>, DbErr> {
    training::Entity::find_by_id(id).one(conn).await
}

pub async fn trainings_by_ids<C: ConnectionTrait>(
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

pub async fn training_in_use<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbErr> {
    Ok(item::Entity::find()
        .filter(item::Column::TrainingId.eq(id))
        .one(conn)
        .await?
        .is_some())
}

// ---- potensi ----

pub async fn potensi_history<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
) -> Result<Vec<potensi::Model>, DbErr> {
    potensi::Entity::find()
        .filter(potensi::Column::EmployeeId.eq(employee_id))
        .order_by_desc(potensi::Column::AssessedOn)
        .order_by_desc(potensi::Column::CreatedAt)
        .all(conn)
        .await
}

/// The latest assessment (by date, then by recording time) per employee.
pub async fn latest_potensi<C: ConnectionTrait>(
    conn: &C,
    employee_ids: &[Uuid],
) -> Result<HashMap<Uuid, potensi::Model>, DbErr> {
    let mut out: HashMap<Uuid, potensi::Model> = HashMap::new();
    for chunk in employee_ids.chunks(CHUNK) {
        let rows = potensi::Entity::find()
            .filter(potensi::Column::EmployeeId.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        for r in rows {
            let newer = out.get(&r.employee_id).is_none_or(|cur| {
                (r.assessed_on, r.created_at) > (cur.assessed_on, cur.created_at)
            });
            if newer {
                out.insert(r.employee_id, r);
            }
        }
    }
    Ok(out)
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

pub async fn plans_of<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
) -> Result<Vec<plan::Model>, DbErr> {
    plan::Entity::find()
        .filter(plan::Column::EmployeeId.eq(employee_id))
        .order_by_desc(plan::Column::CreatedAt)
        .all(conn)
        .await
}

pub async fn plans_by_ids<C: ConnectionTrait>(
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

pub async fn items_of_plans<C: ConnectionTrait>(
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

pub async fn certificates_of<C: ConnectionTrait>(
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
pub async fn done_items<C: ConnectionTrait>(
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
                .filter(item::Column::Status.eq("done"))
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
pub async fn items_for_units<C: ConnectionTrait>(
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
                .filter(item::Column::Status.ne("done"))
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
