//! SeaORM entities of Kinerja360, in the generated style: plain data, no behaviour.
//!
//! Ids are UUIDs so the same entity serves SQLite and PostgreSQL. Rules live in
//! `kinerja::domain`, queries in `kinerja::store`.

pub mod api_key;
pub mod audit_log;
pub mod employee;
pub mod evaluation;
pub mod feedback_submission;
pub mod feedback_target;
pub mod feedback_ticket;
pub mod period;
pub mod refresh_token;
pub mod unit;
pub mod user;
