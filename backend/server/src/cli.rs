//! The `kinerja` command line: serve | migrate | seed | admin create | import | openapi.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "kinerja",
    version,
    about = "Kinerja360: penilaian kinerja ASN 360 derajat"
)]
pub struct Cli {
    /// Settings file (TOML); defaults to ./kinerja.toml when present.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start the HTTP server (API, Swagger UI and the web app on one port).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load data into an empty database: `--demo` loads Kecamatan Cakranegara's demo data;
    /// `--synthetic --employees N` a city-sized year for benchmarks (docs/benchmarks.md).
    Seed {
        #[arg(long, conflicts_with = "synthetic")]
        demo: bool,
        #[arg(long, requires = "employees")]
        synthetic: bool,
        /// Employees of the synthetic organisation (about one unit per 90).
        #[arg(long)]
        employees: Option<usize>,
        /// Synthetic accounts: `sample` (a few, printed) or `all` (every employee; slow).
        #[arg(long, value_enum, default_value = "sample")]
        accounts: crate::seed_synthetic::AccountMode,
    },
    /// Administration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Import employees from a CSV or JSON file (all or nothing).
    Import(ImportArgs),
    /// Write the OpenAPI document.
    Openapi {
        /// Output file; `-` for standard output.
        #[arg(long, short, default_value = "openapi/openapi.json")]
        output: PathBuf,
        /// Only compare with the file; exit 1 when it differs.
        #[arg(long)]
        check: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an administrator account (prompts for the password when omitted).
    Create {
        #[arg(long)]
        nip: Option<String>,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// Password (prefer the prompt: command lines end up in shell history).
        #[arg(long)]
        password: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the hash chain and check every mac and the head (ADR 0015); exit 1 and name
    /// the first broken entry (or the first missing one) when tampered.
    Verify {
        /// A checkpoint printed earlier by `kinerja audit checkpoint`: a file holding it, or
        /// the line itself. Catches a cut tail even when the head was rewritten.
        #[arg(long, value_name = "FILE_OR_LINE")]
        checkpoint: Option<String>,
    },
    /// Print the signed head (seq, hash, mac, time) to store apart from the database.
    Checkpoint,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// CSV (header row) or JSON (array) file.
    pub file: PathBuf,
    /// Validate only.
    #[arg(long)]
    pub dry_run: bool,
}
