//! Wire types: the request and response bodies of the API (serde + utoipa `ToSchema`),
//! one module per area (ADR 0011). Plain data: conversions from rows are allowed here,
//! decisions are not.
//!
//! Import rule: `dto` may use `domain` (for typed vocabularies), `entity` (for `From`
//! conversions) and `error`; never `api`, `app` or `store`.

pub mod accounts;
pub mod api_keys;
pub mod appeals;
pub mod audit;
pub mod auth;
pub mod career;
pub mod coaching;
pub mod de;
pub mod employees;
pub mod evaluations;
pub mod exemptions;
pub mod exports;
pub mod feedback;
pub mod ikm;
pub mod notifications;
pub mod org_results;
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

use serde::Serialize;
use utoipa::ToSchema;

/// Pagination of every list.
#[derive(Debug, Serialize, ToSchema)]
pub struct PageMeta {
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// The typed vocabularies of master data live in `domain::master`; the schema names stay.
pub use crate::domain::master::{ApiScope, EmployeeStatus, JenisJabatan, Role, UnitKind};

/// One Server-Sent Event as it appears on the wire.
#[derive(Serialize, ToSchema)]
pub struct SseEvent {
    pub event: Option<crate::events::EventKind>,
    /// JSON text: `{ "kind", "ids": [...] }`.
    pub data: Option<String>,
    pub id: Option<String>,
    /// Reconnection delay in milliseconds.
    pub retry: Option<u64>,
}
