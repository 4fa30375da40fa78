//! Kinerja360 server: performance evaluation of Indonesian civil servants (ASN).
//!
//! Data flows one way: `api` → (`auth`, `domain`, `store`) → `entity`. `domain` holds pure
//! rules; `store` holds queries; handlers in `api` read as use cases.

pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod events;
pub mod import;
pub mod openapi;
pub mod qr;
pub mod seed;
pub mod seed_career;
pub mod seed_cycle;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod uploads;
