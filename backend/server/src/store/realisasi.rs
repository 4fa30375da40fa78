//! Realisasi per indicator and period, and their bukti dukung (links and file records).
//!
//! Invariants: one realisasi per indicator and period (`uq_realisasi_indicator_period`);
//! a file's bytes live under `upload_dir/<storage_key>` where the key is random, never a
//! name a user chose; this module only knows the rows.

use entity::{evidence, realisasi};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use uuid::Uuid;

pub async fn find<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<realisasi::Model>, DbErr> {
    realisasi::Entity::find_by_id(id).one(conn).await
}

/// The realisasi of one indicator in one period.
pub async fn find_for<C: ConnectionTrait>(
    conn: &C,
    indicator_id: Uuid,
    period_id: Uuid,
) -> Result<Option<realisasi::Model>, DbErr> {
    realisasi::Entity::find()
        .filter(realisasi::Column::IndicatorId.eq(indicator_id))
        .filter(realisasi::Column::PeriodId.eq(period_id))
        .one(conn)
        .await
}

/// An employee's realisasi of one period, by indicator.
pub async fn of_employee_period<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    period_id: Uuid,
) -> Result<HashMap<Uuid, realisasi::Model>, DbErr> {
    Ok(realisasi::Entity::find()
        .filter(realisasi::Column::EmployeeId.eq(employee_id))
        .filter(realisasi::Column::PeriodId.eq(period_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.indicator_id, r))
        .collect())
}

pub async fn find_evidence<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<evidence::Model>, DbErr> {
    evidence::Entity::find_by_id(id).one(conn).await
}

/// The evidence of several realisasi, grouped, oldest first.
pub async fn evidence_of<C: ConnectionTrait>(
    conn: &C,
    realisasi_ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<evidence::Model>>, DbErr> {
    let mut out: HashMap<Uuid, Vec<evidence::Model>> = HashMap::new();
    if realisasi_ids.is_empty() {
        return Ok(out);
    }
    let rows = evidence::Entity::find()
        .filter(evidence::Column::RealisasiId.is_in(realisasi_ids))
        .order_by_asc(evidence::Column::CreatedAt)
        .order_by_asc(evidence::Column::Id)
        .all(conn)
        .await?;
    for e in rows {
        out.entry(e.realisasi_id).or_default().push(e);
    }
    Ok(out)
}

pub async fn count_evidence<C: ConnectionTrait>(
    conn: &C,
    realisasi_id: Uuid,
) -> Result<u64, DbErr> {
    evidence::Entity::find()
        .filter(evidence::Column::RealisasiId.eq(realisasi_id))
        .count(conn)
        .await
}
