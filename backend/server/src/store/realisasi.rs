//! Realisasi per indicator and period, and their bukti dukung (links and file records).
//!
//! Invariants: one realisasi per indicator and period (`uq_realisasi_indicator_period`);
//! a file's bytes live under `upload_dir/<storage_key>` where the key is random, never a
//! name a user chose; this module only knows the rows.

use chrono::{DateTime, Utc};
use entity::{evidence, realisasi};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::domain::skp::EvidenceKind;

pub async fn find<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<realisasi::Model>, DbErr> {
    realisasi::Entity::find_by_id(id).one(conn).await
}

/// The realisasi of one indicator in one period.
pub async fn find_for_indicator<C: ConnectionTrait>(
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
pub async fn list_of_employee_period<C: ConnectionTrait>(
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
pub async fn list_evidence<C: ConnectionTrait>(
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

/// A realisasi's values.
#[derive(Clone, Debug)]
pub struct RealisasiValues {
    pub value_number: Option<f64>,
    pub value_text: Option<String>,
    pub note: Option<String>,
}

/// A new realisasi (`uq_realisasi_indicator_period` refuses a second one).
pub async fn insert_realisasi<C: ConnectionTrait>(
    conn: &C,
    indicator_id: Uuid,
    period_id: Uuid,
    employee_id: Uuid,
    values: RealisasiValues,
    now: DateTime<Utc>,
) -> Result<realisasi::Model, DbErr> {
    realisasi::ActiveModel {
        id: Set(Uuid::now_v7()),
        indicator_id: Set(indicator_id),
        period_id: Set(period_id),
        employee_id: Set(employee_id),
        value_number: Set(values.value_number),
        value_text: Set(values.value_text),
        note: Set(values.note),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await
}

pub async fn update_realisasi<C: ConnectionTrait>(
    conn: &C,
    r: realisasi::Model,
    values: RealisasiValues,
    now: DateTime<Utc>,
) -> Result<realisasi::Model, DbErr> {
    let mut am: realisasi::ActiveModel = r.into();
    am.value_number = Set(values.value_number);
    am.value_text = Set(values.value_text);
    am.note = Set(values.note);
    am.updated_at = Set(now);
    am.update(conn).await
}

/// A stored file's record (the bytes are already on disk under `storage_key`).
#[derive(Clone, Debug)]
pub struct EvidenceFile {
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_key: String,
    pub sha256: String,
}

/// A new piece of evidence: a link (`url`) or a file.
pub async fn insert_evidence<C: ConnectionTrait>(
    conn: &C,
    realisasi_id: Uuid,
    url: Option<String>,
    file: Option<EvidenceFile>,
    uploaded_by: Uuid,
    now: DateTime<Utc>,
) -> Result<evidence::Model, DbErr> {
    let kind = if file.is_some() {
        EvidenceKind::File
    } else {
        EvidenceKind::Link
    };
    evidence::ActiveModel {
        id: Set(Uuid::now_v7()),
        realisasi_id: Set(realisasi_id),
        kind: Set(kind.as_str().into()),
        url: Set(url),
        file_name: Set(file.as_ref().map(|f| f.file_name.clone())),
        content_type: Set(file.as_ref().map(|f| f.content_type.clone())),
        size_bytes: Set(file.as_ref().map(|f| f.size_bytes)),
        storage_key: Set(file.as_ref().map(|f| f.storage_key.clone())),
        sha256: Set(file.map(|f| f.sha256)),
        uploaded_by: Set(uploaded_by),
        created_at: Set(now),
    }
    .insert(conn)
    .await
}

pub async fn delete_evidence<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbErr> {
    evidence::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}
