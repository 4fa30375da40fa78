//! Black-box API tests: one binary, the app on port 0, a fresh database per test.
//!
//! Without `TEST_DATABASE_URL` every test gets its own SQLite file; with
//! `TEST_DATABASE_URL=postgres://…/postgres` every test gets its own PostgreSQL database
//! (cloned from a template migrated once per run, and dropped afterwards; `template.rs`).
//! `make test` runs the binary both ways.

mod helpers;
mod template;

mod accounts;
mod anonymity;
mod api_keys;
mod appeals;
mod attack_anonymity;
mod audit;
mod audit_anchor;
mod auth;
mod career;
mod coaching;
mod distribution;
mod documents;
mod employees;
mod errors;
mod evaluations;
mod events;
mod exports;
mod feedback;
mod gate;
mod headers;
mod health;
mod hr_system;
mod ikm;
mod import;
mod kiosk;
mod notifications;
mod openapi;
mod periods;
mod publication;
mod ratings360;
mod realisasi;
mod scale;
mod scope;
mod sessions;
mod siasn;
mod skp;
mod sqlite;
mod talent;
mod tasks;
mod units;
mod webhooks;
