//! The audit log: append-only, each entry chained to the previous one by a SHA-256 hash,
//! so editing, deleting or reordering any row is detectable (`kinerja audit verify`).
//! Each entry also carries a mac of its hash keyed with `KINERJA_AUDIT_KEY`, and
//! `audit_head` names the last entry (ADR 0015), so recomputing the chain without the key,
//! cutting the tail or deleting the whole log is detected too.
//!
//! Invariant: entries are appended inside the transaction of the change they describe, so
//! a change, its audit entry and the new head commit or roll back together.

use entity::{audit_head, audit_log};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, prelude::Uuid, sea_query::OnConflict,
};
use sha2::{Digest, Sha256};
use std::sync::RwLock;

use crate::domain::audit_anchor::{Checkpoint, entry_mac, mac_matches};

/// The key entries are signed with, set once at start from the settings
/// (`set_key`); until then the development default.
static KEY: RwLock<Option<Vec<u8>>> = RwLock::new(None);

/// Sets the audit key of this process (`Application::build`, the CLI).
pub fn set_key(key: &str) {
    if let Ok(mut k) = KEY.write() {
        *k = Some(key.as_bytes().to_vec());
    }
}

/// The key entries are signed with.
pub fn key() -> Vec<u8> {
    KEY.read()
        .ok()
        .and_then(|k| k.clone())
        .unwrap_or_else(|| crate::config::DEV_AUDIT_KEY.as_bytes().to_vec())
}

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
        mac: None,
    };
    entry.hash = entry_hash(&entry);
    let mac = entry_mac(&key(), entry.seq, &entry.hash);
    write_head(conn, entry.seq, &entry.hash, &mac, entry.at).await?;
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
        mac: Set(Some(mac)),
    };
    am.insert(conn).await
}

/// Writes the head (one row, id 1) in the caller's transaction.
async fn write_head<C: ConnectionTrait>(
    conn: &C,
    seq: i64,
    hash: &str,
    mac: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbErr> {
    let head = audit_head::ActiveModel {
        id: Set(1),
        seq: Set(seq),
        hash: Set(hash.to_string()),
        mac: Set(mac.to_string()),
        updated_at: Set(at),
    };
    audit_head::Entity::insert(head)
        .on_conflict(
            OnConflict::column(audit_head::Column::Id)
                .update_columns([
                    audit_head::Column::Seq,
                    audit_head::Column::Hash,
                    audit_head::Column::Mac,
                    audit_head::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// The current head, if any entry was ever written with the anchor.
pub async fn head<C: ConnectionTrait>(conn: &C) -> Result<Option<audit_head::Model>, DbErr> {
    audit_head::Entity::find_by_id(1).one(conn).await
}

/// The signed head to store elsewhere (`kinerja audit checkpoint`); entry 0 (the genesis
/// hash, signed) for an empty log.
pub async fn checkpoint<C: ConnectionTrait>(conn: &C) -> Result<Checkpoint, DbErr> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(match head(conn).await? {
        Some(h) => Checkpoint {
            seq: h.seq,
            hash: h.hash,
            mac: h.mac,
            at,
        },
        None => Checkpoint {
            seq: 0,
            hash: GENESIS.to_string(),
            mac: entry_mac(&key(), 0, GENESIS),
            at,
        },
    })
}

/// Signs the entries written before the anchor existed (no mac) and writes the head: only
/// when there is no head yet, i.e. once, at the first start after the upgrade.
pub async fn sign_unsigned<C: ConnectionTrait>(conn: &C) -> Result<u64, DbErr> {
    use sea_orm::ColumnTrait;
    if head(conn).await?.is_some() {
        return Ok(0);
    }
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Mac.is_null())
        .order_by_asc(audit_log::Column::Seq)
        .all(conn)
        .await?;
    let key = key();
    let mut signed = 0;
    for row in rows {
        let mac = entry_mac(&key, row.seq, &row.hash);
        let (seq, hash, at) = (row.seq, row.hash.clone(), row.at);
        let mut am: audit_log::ActiveModel = row.into();
        am.mac = Set(Some(mac.clone()));
        am.update(conn).await?;
        write_head(conn, seq, &hash, &mac, at).await?;
        signed += 1;
    }
    Ok(signed)
}

/// Where the chain breaks.
#[derive(Debug, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: i64,
    pub reason: String,
}

fn broken(seq: i64, reason: impl Into<String>) -> Result<Result<u64, ChainBreak>, DbErr> {
    Ok(Err(ChainBreak {
        seq,
        reason: reason.into(),
    }))
}

/// Walks the whole chain in order (in pages) and checks every entry's hash and mac with
/// `key`, then the head and, when given, a checkpoint taken earlier. Returns the number of
/// entries, or the first entry that does not verify (for a cut tail: the first missing).
pub async fn verify<C: ConnectionTrait>(
    conn: &C,
    key: &[u8],
    checkpoint: Option<&Checkpoint>,
) -> Result<Result<u64, ChainBreak>, DbErr> {
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1i64;
    let mut at_checkpoint: Option<String> = None;
    let mut pages = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .paginate(conn, 1000);
    let mut count = 0u64;
    while let Some(page) = pages.fetch_and_next().await? {
        for e in page {
            if e.seq != expected_seq {
                return broken(
                    e.seq,
                    format!("expected entry {expected_seq}, found {}", e.seq),
                );
            }
            if e.prev_hash != expected_prev {
                return broken(e.seq, "prev_hash does not match the previous entry");
            }
            if entry_hash(&e) != e.hash {
                return broken(e.seq, "content does not match its hash (edited)");
            }
            match &e.mac {
                Some(mac) if mac_matches(key, e.seq, &e.hash, mac) => {}
                Some(_) => {
                    return broken(
                        e.seq,
                        "mac does not match (edited and rehashed, or another key)",
                    );
                }
                None => return broken(e.seq, "entry has no mac"),
            }
            if checkpoint.is_some_and(|c| c.seq == e.seq) {
                at_checkpoint = Some(e.hash.clone());
            }
            expected_prev = e.hash.clone();
            expected_seq += 1;
            count += 1;
        }
    }
    let last = expected_seq - 1;
    match head(conn).await? {
        None if last > 0 => return broken(last, "the head (audit_head) is missing"),
        None => {}
        Some(h) => {
            if !mac_matches(key, h.seq, &h.hash, &h.mac) {
                return broken(h.seq.max(1), "the head's mac does not match");
            }
            if h.seq > last {
                return broken(
                    last + 1,
                    format!("entries {} to {} are missing (tail cut)", last + 1, h.seq),
                );
            }
            if h.seq < last || h.hash != expected_prev {
                return broken(h.seq.max(1), "the head does not match the last entry");
            }
        }
    }
    if let Some(c) = checkpoint {
        if !mac_matches(key, c.seq, &c.hash, &c.mac) {
            return broken(c.seq, "the checkpoint's mac does not match (another key?)");
        }
        if c.seq > last {
            return broken(
                last + 1,
                format!(
                    "entries {} to {} of the checkpoint are missing (tail cut)",
                    last + 1,
                    c.seq
                ),
            );
        }
        if c.seq > 0 && at_checkpoint.as_deref() != Some(c.hash.as_str()) {
            return broken(c.seq, "the entry differs from the checkpoint");
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

/// For a caller who does not see the `hidden` object types: the position of each of these
/// entries among the entries they see (1 = the oldest visible), so their list has no gaps
/// where hidden entries are. Two queries whatever the page size.
pub async fn visible_positions<C: ConnectionTrait>(
    conn: &C,
    hidden: &[&str],
    seqs: &[i64],
) -> Result<std::collections::HashMap<i64, i64>, DbErr> {
    use sea_orm::ColumnTrait;
    let (Some(lo), Some(hi)) = (seqs.iter().min(), seqs.iter().max()) else {
        return Ok(std::collections::HashMap::new());
    };
    let visible = || {
        audit_log::Entity::find()
            .filter(audit_log::Column::ObjectType.is_not_in(hidden.iter().copied()))
    };
    let before = visible()
        .filter(audit_log::Column::Seq.lt(*lo))
        .count(conn)
        .await? as i64;
    let between: Vec<i64> = visible()
        .select_only()
        .column(audit_log::Column::Seq)
        .filter(audit_log::Column::Seq.between(*lo, *hi))
        .order_by_asc(audit_log::Column::Seq)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(between
        .into_iter()
        .enumerate()
        .map(|(i, seq)| (seq, before + i as i64 + 1))
        .collect())
}
