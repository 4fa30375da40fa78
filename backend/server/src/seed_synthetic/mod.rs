//! Synthetic data at city scale (`kinerja seed --synthetic --employees N`): a unit tree of
//! about one unit per 90 employees, valid NIPs and NI PPPK, sign-in accounts, and one year
//! with three published quarters and an open one (approved SKPs, realisasi, 360 responses,
//! citizen submissions, ratings, finalised units). For benchmarks and load tests (issue 11).
//!
//! Deterministic content (same names, NIPs, numbers on every machine; ids and QR tokens are
//! fresh). Everything is built in memory and written with multi-row INSERTs through
//! `store::bulk` in one transaction; nothing goes through HTTP or row by row.

mod cycle;
mod org;

use sea_orm::{DatabaseConnection, TransactionTrait};
use std::time::Instant;

pub use org::{AccountMode, SYNTHETIC_PASSWORD};

/// What was loaded and whom to sign in as.
pub struct Summary {
    pub units: usize,
    pub employees: usize,
    pub accounts: Vec<SignIn>,
    pub account_rows: usize,
    pub cycle: cycle::Counts,
    pub seconds: f64,
}

/// One account to sign in with (the password is [`SYNTHETIC_PASSWORD`]).
pub struct SignIn {
    pub role: &'static str,
    pub login: String,
    pub name: String,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.cycle;
        writeln!(
            f,
            "synthetic data loaded in {:.1} s: {} units, {} employees, {} accounts, {} periods, \
             {} approved SKPs, {} realisasi, {} 360 responses ({} forms), {} ratings, \
             {} finalised units, {} feedback targets, {} citizen submissions",
            self.seconds,
            self.units,
            self.employees,
            self.account_rows,
            c.periods,
            c.skps,
            c.realisasi,
            c.responses,
            c.forms,
            c.evaluations,
            c.finalised,
            c.targets,
            c.submissions
        )?;
        writeln!(f, "sign in with (password {SYNTHETIC_PASSWORD}):")?;
        for a in &self.accounts {
            writeln!(f, "  {:<11} {:<40} {}", a.role, a.login, a.name)?;
        }
        Ok(())
    }
}

/// Loads the synthetic data into an empty database, in one transaction.
pub async fn seed_synthetic(
    conn: &DatabaseConnection,
    employees: usize,
    accounts: AccountMode,
) -> anyhow::Result<Summary> {
    anyhow::ensure!(
        (10..=2_000_000).contains(&employees),
        "--employees must be between 10 and 2,000,000"
    );
    let started = Instant::now();
    let now = chrono::Utc::now();
    let org = org::build(employees, now);
    let txn = conn.begin().await?;
    org::write(&txn, &org).await?;
    let (sign_in, account_rows) = org::write_accounts(&txn, &org, accounts, now).await?;
    let cycle = cycle::write(&txn, &org, now).await?;
    txn.commit().await?;
    Ok(Summary {
        units: org.units.len(),
        employees: org.people.len(),
        accounts: sign_in,
        account_rows,
        cycle,
        seconds: started.elapsed().as_secs_f64(),
    })
}
