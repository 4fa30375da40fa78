//! Kinerja360 server: performance evaluation of Indonesian civil servants (ASN).
//!
//! Data flows one way (ADR 0011): `api` (thin handlers) → `app` (use cases) → (`auth::policy`,
//! `domain`, `store`, `dto`) → `entity`. `domain` holds pure rules without I/O; `store` holds
//! every query; `dto` holds the wire types. `scripts/check-layers.sh` enforces it.

pub mod api;
pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod documents;
pub mod domain;
pub mod dto;
pub mod error;
pub mod error_code;
pub mod events;
pub mod import;
pub mod openapi;
pub mod qr;
pub mod security_headers;
pub mod seed;
pub mod seed_career;
pub mod seed_cycle;
pub mod seed_synthetic;
pub mod siasn_client;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod uploads;
