//! CSV imports (training catalogue, potensi): parsing an uploaded file into rows with their
//! 1-based data row numbers. The HTTP side (content type, size limit) is the handler's.

use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors, RowError};

/// Largest accepted CSV import.
pub const IMPORT_LIMIT: usize = 5 * 1024 * 1024;

/// Most data rows per import.
const MAX_ROWS: usize = 10_000;

/// A parsed CSV file: the lower-cased header, the records with their data row numbers,
/// and the rows that could not be read.
pub struct CsvRows {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub errors: Vec<RowError>,
}

impl CsvRows {
    /// The value of a named column in a row (empty when the column or cell is absent).
    pub fn cell(&self, row: &[String], name: &str) -> String {
        self.headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    }
}

/// Parses a CSV upload (UTF-8, `,` or `;` separated, BOM allowed) that must have the
/// `required` columns.
pub fn parse(bytes: &[u8], required: &[&str]) -> ApiResult<CsvRows> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| {
            ApiError::unprocessable(ErrorCode::InvalidCsv, "Berkas CSV harus berenkode UTF-8")
        })?
        .trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ApiError::field(
            "rows",
            "Berkas kosong: tidak berisi baris data",
        ));
    }
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            ApiError::unprocessable(
                ErrorCode::InvalidCsv,
                format!("Header CSV tidak terbaca: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::unprocessable(
            ErrorCode::InvalidCsv,
            format!(
                "Kolom wajib tidak ada di header CSV: {}",
                missing.join(", ")
            ),
        ));
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i + 1;
        match rec {
            Ok(r) if r.iter().all(|f| f.trim().is_empty()) => {}
            Ok(r) => rows.push((row, r.iter().map(str::to_string).collect())),
            Err(e) => errors.push(RowError {
                row,
                field: "row".into(),
                message: format!("Baris tidak terbaca: {e}"),
            }),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(ApiError::field("rows", "Berkas tidak berisi baris data"));
    }
    if rows.len() + errors.len() > MAX_ROWS {
        return Err(ApiError::field("rows", "Maksimal 10.000 baris per impor"));
    }
    Ok(CsvRows {
        headers,
        rows,
        errors,
    })
}

/// Field errors of one row as row errors.
pub fn row_errors(row: usize, fields: FieldErrors) -> impl Iterator<Item = RowError> {
    fields.into_iter().flat_map(move |(field, msgs)| {
        msgs.into_iter().map(move |message| RowError {
            row,
            field: field.clone(),
            message,
        })
    })
}
