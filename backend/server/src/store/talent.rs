//! Queries of the talent area: potensi assessments, and the read-only views of the cycle
//! and master data that talent and career build on (published periods, final evaluations,
//! submitted 360 responses, unit trees, active employees).
//!
//! Invariants: id lists are chunked to stay under bind-parameter limits; nothing here
//! writes to cycle tables.

use entity::{employee, evaluation, period, potensi_assessment as potensi, rating_360, unit};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, prelude::Uuid,
};
use std::collections::{HashMap, HashSet};

use super::career::CHUNK;
use crate::domain::berakhlak::CoreValue;

// ---- periods and results (read-only) ----

/// Published periods, newest first (by end date, quarterly before monthly on ties).
pub async fn list_published_periods<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<period::Model>, DbErr> {
    period::Entity::find()
        .filter(period::Column::State.eq("published"))
        .order_by_desc(period::Column::EndsOn)
        .order_by_desc(period::Column::Kind)
        .all(conn)
        .await
}

/// Final evaluations of the given employees in the given periods.
pub async fn list_final_evaluations<C: ConnectionTrait>(
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
pub async fn list_value_means<C: ConnectionTrait>(
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
pub async fn find_latest_result_period<C: ConnectionTrait>(
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
pub async fn list_colleague_candidates<C: ConnectionTrait>(
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
pub async fn list_employees_with_jabatan_prefix<C: ConnectionTrait>(
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
pub async fn list_unit_subtree<C: ConnectionTrait>(
    conn: &C,
    root: Uuid,
) -> Result<Vec<Uuid>, DbErr> {
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
pub async fn list_employees_in_units<C: ConnectionTrait>(
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

// ---- potensi ----

pub async fn list_potensi<C: ConnectionTrait>(
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
pub async fn list_latest_potensi<C: ConnectionTrait>(
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

pub async fn insert_potensi<C: ConnectionTrait>(
    conn: &C,
    m: potensi::Model,
) -> Result<potensi::Model, DbErr> {
    m.into_active_model().reset_all().insert(conn).await
}
