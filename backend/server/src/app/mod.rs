//! Use cases: one module per capability (ADR 0011).
//!
//! A use case reads as the story of one request: load (through `store`) → decide (with
//! `domain` and `auth::policy`) → write in one transaction with its audit entry → publish
//! events. It takes the `AppState` (or a connection, inside a larger transaction), the
//! acting `Principal` and a typed input from `dto`, and returns a `dto` output or a row.
//!
//! Import rule: `app` may use `auth`, `domain`, `dto`, `store`, `events`, `error`, `state`
//! and `entity`; it never imports `api` and knows nothing of HTTP beyond `ApiError`.

pub mod accounts;
pub mod api_keys;
pub mod appeals;
pub mod audit;
pub mod auth;
pub mod career;
pub mod coaching;
pub mod documents;
pub mod employees;
pub mod evaluations;
pub mod exemptions;
pub mod exports;
pub mod feedback;
pub mod ikm;
pub mod notifications;
pub mod org_results;
pub mod passwords;
pub mod periods;
pub mod public;
pub mod ratings360;
pub mod realisasi;
pub mod siasn;
pub mod skp;
pub mod talent;
pub mod tasks;
pub mod units;
pub mod webhooks;

use sea_orm::ConnectionTrait;

use crate::error::ApiError;

/// The id of the unit named by an optional `unit_code` filter: `None` when absent or
/// empty, 404 when no such unit exists.
pub async fn unit_filter<C: ConnectionTrait>(
    conn: &C,
    code: Option<&str>,
) -> Result<Option<uuid::Uuid>, ApiError> {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    crate::store::units::find_by_code(conn, code)
        .await?
        .map(|u| Some(u.id))
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))
}
