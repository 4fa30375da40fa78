//! Database access: the connection pools and SeaORM queries as free functions.
//!
//! Invariants: store functions know nothing of HTTP; they take any `ConnectionTrait`, so a
//! handler can run several of them in one transaction. Naming: `find_*` returns `Option`,
//! `get_*` errors when missing, `list_*`, `insert_*`, `update_*`, `delete_*`.
//!
//! SQLite runs with one writer connection and a separate read pool (WAL mode), so concurrent
//! writes queue on the writer instead of failing with "database is locked".

pub mod api_keys;
pub mod appeals;
pub mod audit;
pub mod bulk;
pub mod career;
pub mod coaching;
pub mod employees;
pub mod evaluations;
pub mod exemptions;
pub mod feedback;
pub mod kiosks;
pub mod notifications;
pub mod org_results;
pub mod periods;
pub mod ratings360;
pub mod realisasi;
pub mod results;
pub mod siasn;
pub mod skp;
pub mod talent;
pub mod tasks;
pub mod tokens;
pub mod units;
pub mod users;
pub mod webhooks;

use crate::config::Settings;
use migration::{Migrator, MigratorTrait};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// The application's connections: `write` for every transaction and write, `read` for
/// plain reads. On PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Db {
    pub read: DatabaseConnection,
    pub write: DatabaseConnection,
}

fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && !path.starts_with(":memory:")).then_some(path)
}

fn options(url: &str, max: u32) -> ConnectOptions {
    let mut opt = ConnectOptions::new(url.to_string());
    opt.max_connections(max)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false);
    opt.map_sqlx_sqlite_opts(|o: SqliteConnectOptions| {
        o.journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
    });
    opt
}

impl Db {
    /// Connects (creating the SQLite file and its folder when needed).
    pub async fn connect(settings: &Settings) -> Result<Db, DbErr> {
        let url = settings.database_url.as_str();
        if let Some(path) = sqlite_file(url) {
            if let Some(parent) = std::path::Path::new(path).parent()
                && !parent.as_os_str().is_empty()
            {
                std::fs::create_dir_all(parent).map_err(|e| {
                    DbErr::Custom(format!("cannot create {}: {e}", parent.display()))
                })?;
            }
            let write = Database::connect(options(url, 1)).await?;
            // WAL is a property of the file: set by the writer before readers open it.
            let read = Database::connect(options(url, Ord::max(settings.db_pool_size, 1))).await?;
            Ok(Db { read, write })
        } else {
            let pool =
                Database::connect(options(url, Ord::max(settings.db_pool_size, 2) * 2)).await?;
            Ok(Db {
                read: pool.clone(),
                write: pool,
            })
        }
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        Migrator::up(&self.write, None).await
    }

    pub async fn ping(&self) -> Result<(), DbErr> {
        self.read.ping().await
    }
}

/// A case-insensitive "contains" filter on a text column, with `%`, `_` and `\` escaped.
pub fn contains_ci(col: impl Into<SimpleExpr>, needle: &str) -> SimpleExpr {
    let escaped = needle
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Expr::expr(Func::lower(col.into())).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

pub use crate::domain::paging::PageReq;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_file("sqlite://./data/k.db?mode=rwc"),
            Some("./data/k.db")
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x"), None);
    }
}
