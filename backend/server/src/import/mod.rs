//! Employee master data from the HR system: one code path for `PUT /employees/{nip}`, the
//! bulk import endpoint and the `kinerja import` command.
//!
//! Invariants: a batch is validated completely before anything is written (every problem is
//! reported with its row and field); a batch is written in one transaction (all or nothing);
//! writing the same data twice changes nothing (`updated_at` included); supervisors may be
//! in the same batch; the hierarchy never gets a cycle or self-supervision.
//!
//! `csv` reads CSV and JSON batches, `rows` checks each row on its own, `plan` checks the
//! batch against the database and writes it (through `store`).

mod csv;
mod plan;
mod rows;

pub use self::csv::{parse_csv, parse_json};
pub use self::plan::{Plan, validate};
pub use self::rows::check_fields;
pub use crate::dto::employees::{EmployeeImportRow, EmployeeUpsert, ImportReport};

use crate::error::RowError;

/// A parsed row with its 1-based data-row number.
#[derive(Clone, Debug)]
pub struct ImportRow {
    pub row: usize,
    pub nip: String,
    pub data: EmployeeUpsert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn row_err(row: usize, field: &str, message: impl Into<String>) -> RowError {
    RowError {
        row,
        field: field.to_string(),
        message: message.into(),
    }
}

/// The CSV columns, in template order.
pub const CSV_COLUMNS: [&str; 13] = [
    "nip",
    "name",
    "gelar_depan",
    "gelar_belakang",
    "status",
    "golongan",
    "jabatan",
    "jenis_jabatan",
    "unit_code",
    "supervisor_nip",
    "email",
    "active",
    "pns_id",
];
