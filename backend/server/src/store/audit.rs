//! The audit log: append-only, each entry chained to the previous one by a SHA-256 hash,
//! so editing, deleting or reordering any row is detectable (`kinerja audit verify`).
//!
//! Invariant: entries are appended inside the transaction of the change they describe, so
//! a change and its audit entry commit or roll back together.

use entity::audit_log;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, prelude::Uuid,
};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry over every field that matters, in a fixed order.
pub fn entry_hash(e: &audit_log::Model) -> String {
    let mut h = Sha256::new();
    for part in [
        e.prev_hash.as_str(),
        &e.seq.to_string(),
        &e.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        &e.actor,
        &e.action,
        &e.object_type,
        &e.object_id,
        &e.detail,
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// Appends an entry. Call inside the transaction of the change.
pub async fn append<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
    action: &str,
    object_type: &str,
    object_id: &str,
    detail: serde_json::Value,
) -> Result<audit_log::Model, DbErr> {
    if conn.get_database_backend() == DbBackend::Postgres {
        // Serialise appenders so two transactions cannot both extend the same tail.
        conn.execute_unprepared("SELECT pg_advisory_xact_lock(360360)")
            .await?;
    }
    let last = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Seq)
        .limit(1)
        .one(conn)
        .await?;
    // Microsecond precision survives both engines' timestamp types unchanged.
    let now = chrono::Utc::now();
    let at = chrono::DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now);
    let mut entry = audit_log::Model {
        id: Uuid::now_v7(),
        seq: last.as_ref().map_or(1, |l| l.seq + 1),
        at,
        actor: actor.to_string(),
        action: action.to_string(),
        object_type: object_type.to_string(),
        object_id: object_id.to_string(),
        detail: detail.to_string(),
        prev_hash: last.map_or_else(|| GENESIS.to_string(), |l| l.hash),
        hash: String::new(),
    };
    entry.hash = entry_hash(&entry);
    let am: audit_log::ActiveModel = audit_log::ActiveModel {
        id: Set(entry.id),
        seq: Set(entry.seq),
        at: Set(entry.at),
        actor: Set(entry.actor),
        action: Set(entry.action),
        object_type: Set(entry.object_type),
        object_id: Set(entry.object_id),
        detail: Set(entry.detail),
        prev_hash: Set(entry.prev_hash),
        hash: Set(entry.hash),
    };
    am.insert(conn).await
}

/// Where the chain breaks.
#[derive(Debug, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: i64,
    pub reason: String,
}

/// Walks the whole chain in order (in pages); returns the number of entries, or the first
/// entry that does not verify.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> Result<Result<u64, ChainBreak>, DbErr> {
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1i64;
    let mut pages = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .paginate(conn, 1000);
    let mut count = 0u64;
    while let Some(page) = pages.fetch_and_next().await? {
        for e in page {
            if e.seq != expected_seq {
                return Ok(Err(ChainBreak {
                    seq: e.seq,
                    reason: format!("expected entry {expected_seq}, found {}", e.seq),
                }));
            }
            if e.prev_hash != expected_prev {
                return Ok(Err(ChainBreak {
                    seq: e.seq,
                    reason: "prev_hash does not match the previous entry".into(),
                }));
            }
            if entry_hash(&e) != e.hash {
                return Ok(Err(ChainBreak {
                    seq: e.seq,
                    reason: "content does not match its hash (edited)".into(),
                }));
            }
            expected_prev = e.hash.clone();
            expected_seq += 1;
            count += 1;
        }
    }
    Ok(Ok(count))
}

/// Entries about one object, newest first; `hidden` object types are left out.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    object_type: Option<&str>,
    object_id: Option<&str>,
    hidden: &[&str],
    page: super::PageReq,
) -> Result<(Vec<audit_log::Model>, u64), DbErr> {
    use sea_orm::ColumnTrait;
    let mut q = audit_log::Entity::find().order_by_desc(audit_log::Column::Seq);
    if !hidden.is_empty() {
        q = q.filter(audit_log::Column::ObjectType.is_not_in(hidden.iter().copied()));
    }
    if let Some(t) = object_type {
        q = q.filter(audit_log::Column::ObjectType.eq(t));
    }
    if let Some(id) = object_id {
        q = q.filter(audit_log::Column::ObjectId.eq(id));
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    Ok((p.fetch_page(page.page - 1).await?, total))
}
