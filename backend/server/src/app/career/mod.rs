//! Use cases of career development (DOMAIN.md §7 "Development"; see `api::career` for the
//! HTTP side): recommendations computed from published results, development plans
//! confirmed by the direct supervisor, progress and certificates recorded by the employee,
//! the training catalogue (HR) and training hours against the 20 JP/year target.
//!
//! Invariants:
//! - recommendations are computed on read from published periods (never stored), so they
//!   always follow the current evaluations (appeals included) and the current catalogue;
//! - every write runs in one transaction on the writer with its audit entry;
//! - the helpers below (employee lookup, names, dates, text checks, CSV parsing) are shared
//!   with `app::talent`, which uses this module and never the other way round.

mod certificates;
pub mod csv_import;
mod hours;
mod plans;
mod recommendations;
mod trainings;

pub use certificates::{
    certificate_file, certificate_not_found, delete_certificate, upload_certificate,
};
pub use hours::{employee_training_hours, unit_training_hours};
pub use plans::{completed_development, create_plan, list_plan_items, list_plans, update_item};
pub use recommendations::{get_recommendations, recommendations_for};
pub use trainings::{
    create_training, delete_training, get_training, import_trainings, list_trainings,
    update_training,
};

use chrono::{NaiveDate, Utc};
use entity::employee;
use sea_orm::ConnectionTrait;

use crate::domain::master::full_name;
use crate::domain::plan_item;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::state::AppState;
use crate::store;

pub(crate) async fn employee_by_nip<C: ConnectionTrait>(
    conn: &C,
    nip: &str,
) -> ApiResult<employee::Model> {
    store::employees::find_by_nip(conn, nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))
}

pub(crate) fn display_name(e: &employee::Model) -> String {
    full_name(
        &e.name,
        e.gelar_depan.as_deref(),
        e.gelar_belakang.as_deref(),
    )
}

/// Date bounds for open ranges. Not `NaiveDate::MIN/MAX`: SQLite compares dates as text,
/// and those format with a sign and six-digit years.
pub(crate) const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
pub(crate) const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

pub(crate) fn today(state: &AppState) -> NaiveDate {
    Utc::now()
        .with_timezone(&state.settings.local_offset())
        .date_naive()
}

/// The requested year (2000–2100) or `default`.
pub(crate) fn valid_year(y: Option<i32>, default: i32) -> ApiResult<i32> {
    match y {
        None => Ok(default),
        Some(y) if plan_item::is_plausible_year(y) => Ok(y),
        Some(_) => Err(ApiError::field("year", "Tahun harus 2000–2100")),
    }
}

pub(crate) fn year_span(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(EARLIEST),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(LATEST),
    )
}

fn push(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors.entry(field.into()).or_default().push(message.into());
}

/// Trims and bounds a required text field.
pub(crate) fn required_text(errors: &mut FieldErrors, field: &str, v: &str, max: usize) -> String {
    let t = v.trim();
    if t.is_empty() {
        push(errors, field, "Wajib diisi");
    } else if t.chars().count() > max {
        push(errors, field, format!("Maksimal {max} karakter"));
    }
    t.to_string()
}

pub(crate) fn optional_text(
    errors: &mut FieldErrors,
    field: &str,
    v: Option<&str>,
    max: usize,
) -> Option<String> {
    let t = v.map(str::trim).filter(|t| !t.is_empty())?;
    if t.chars().count() > max {
        push(errors, field, format!("Maksimal {max} karakter"));
    }
    Some(t.to_string())
}

pub(crate) fn check(errors: FieldErrors) -> ApiResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Hours (JP): a whole number 1..=500 (integral floats accepted).
pub(crate) fn hours_of(
    errors: &mut FieldErrors,
    field: &str,
    n: Option<&serde_json::Number>,
) -> Option<i32> {
    let n = n?;
    let hours = plan_item::hours_from_number(n);
    if hours.is_none() {
        push(errors, field, "Jam pelajaran harus bilangan bulat 1–500");
    }
    hours
}
