//! Database migrations for Kinerja360.
//!
//! Invariants: a migration is never edited after it has landed on `main`; every migration
//! has a working `down`; constraints and indexes are named (`uq_*`, `fk_*`, `idx_*`) because
//! the server maps unique/foreign-key violations to field errors by constraint name.
//! Seed and demo data are CLI commands, never migrations.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_units;
mod m20261128_000002_create_employees;
mod m20261128_000003_create_auth;
mod m20261128_000004_create_audit_and_feedback;
mod m20261128_000005_create_periods;
mod m20261128_000006_create_evaluations;
mod m20261128_000007_create_cycle;
mod m20261128_000008_create_career;
mod m20261206_000101_periods_released_360_at;
mod m20261206_000201_audit_mac_and_head;
mod m20261206_000301_session_version;
mod m20261206_000501_create_exemptions;
mod m20261207_000201_siasn;
mod m20261207_000301_create_webhooks;
mod m20261207_000601_create_notifications;
mod m20261207_000701_scale_indexes;
mod m20261207_000901_create_feedback_kiosks;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_units::Migration),
            Box::new(m20261128_000002_create_employees::Migration),
            Box::new(m20261128_000003_create_auth::Migration),
            Box::new(m20261128_000004_create_audit_and_feedback::Migration),
            Box::new(m20261128_000005_create_periods::Migration),
            Box::new(m20261128_000006_create_evaluations::Migration),
            Box::new(m20261128_000007_create_cycle::Migration),
            Box::new(m20261128_000008_create_career::Migration),
            Box::new(m20261206_000201_audit_mac_and_head::Migration),
            Box::new(m20261206_000301_session_version::Migration),
            Box::new(m20261206_000101_periods_released_360_at::Migration),
            Box::new(m20261206_000501_create_exemptions::Migration),
            Box::new(m20261207_000901_create_feedback_kiosks::Migration),
            Box::new(m20261207_000201_siasn::Migration),
            Box::new(m20261207_000601_create_notifications::Migration),
            Box::new(m20261207_000301_create_webhooks::Migration),
            Box::new(m20261207_000701_scale_indexes::Migration),
        ]
    }
}
