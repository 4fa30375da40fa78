//! Reading a batch: CSV (comma or semicolon, header row) or a JSON array.

use std::collections::HashMap;

use super::{CSV_COLUMNS, EmployeeImportRow, EmployeeUpsert, ImportRow, row_err};
use crate::error::ErrorCode;
use crate::error::{ApiError, RowError};

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "true" | "1" | "ya" | "y" | "aktif" | "yes" => Some(true),
        "false" | "0" | "tidak" | "t" | "n" | "no" | "nonaktif" => Some(false),
        _ => None,
    }
}

/// Parses CSV (comma or semicolon separated, header row required, UTF-8 with or without BOM).
pub fn parse_csv(bytes: &[u8]) -> Result<(Vec<ImportRow>, Vec<RowError>), ApiError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ApiError::unprocessable(ErrorCode::InvalidCsv, "Berkas CSV harus berenkode UTF-8")
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
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
    let missing: Vec<&str> = [
        "nip",
        "name",
        "status",
        "golongan",
        "jabatan",
        "jenis_jabatan",
        "unit_code",
    ]
    .into_iter()
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
    let col = |name: &str| headers.iter().position(|h| h == name);
    let idx: HashMap<&str, Option<usize>> = CSV_COLUMNS.iter().map(|c| (*c, col(c))).collect();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(row_err(row, "row", format!("Baris tidak terbaca: {e}")));
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| -> String {
            idx.get(name)
                .copied()
                .flatten()
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_string()
        };
        let opt = |name: &str| Some(get(name)).filter(|s| !s.trim().is_empty());
        let active = match parse_bool(&get("active")) {
            Some(b) => b,
            None => {
                errors.push(row_err(
                    row,
                    "active",
                    "Kolom active harus true/false (atau ya/tidak)",
                ));
                true
            }
        };
        rows.push(ImportRow {
            row,
            nip: get("nip"),
            data: EmployeeUpsert {
                name: get("name"),
                gelar_depan: opt("gelar_depan"),
                gelar_belakang: opt("gelar_belakang"),
                status: get("status"),
                golongan: get("golongan"),
                jabatan: get("jabatan"),
                jenis_jabatan: get("jenis_jabatan"),
                unit_code: get("unit_code"),
                supervisor_nip: opt("supervisor_nip"),
                email: opt("email"),
                active,
                pns_id: opt("pns_id"),
            },
        });
    }
    Ok((rows, errors))
}

/// Parses a JSON array of rows; a row of the wrong shape is reported, not fatal.
pub fn parse_json(bytes: &[u8]) -> Result<(Vec<ImportRow>, Vec<RowError>), ApiError> {
    let values: Vec<serde_json::Value> = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(
            ErrorCode::InvalidJson,
            format!("Harus berupa array JSON: {e}"),
        )
    })?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, v) in values.into_iter().enumerate() {
        match serde_json::from_value::<EmployeeImportRow>(v) {
            Ok(r) => rows.push(ImportRow {
                row: i + 1,
                nip: r.nip,
                data: r.data,
            }),
            Err(e) => errors.push(row_err(
                i + 1,
                "row",
                format!("Bentuk data tidak sesuai: {e}"),
            )),
        }
    }
    Ok((rows, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "nip,name,gelar_depan,gelar_belakang,status,golongan,jabatan,jenis_jabatan,unit_code,supervisor_nip,email,active\n";
    #[test]
    fn csv_rows_are_numbered_from_one_after_the_header() {
        let csv = format!(
            "{HEADER}198503142010011002,Lalu Ahmad,,S.Sos.,PNS,III/b,Staf,pelaksana,CKN,,,true\n"
        );
        let (rows, errors) = parse_csv(csv.as_bytes()).expect("parses");
        assert!(errors.is_empty());
        assert_eq!(rows[0].row, 1);
        assert_eq!(rows[0].data.gelar_belakang.as_deref(), Some("S.Sos."));
        assert!(rows[0].data.active);
    }

    #[test]
    fn semicolon_csv_with_bom_is_accepted() {
        let csv = "\u{feff}nip;name;status;golongan;jabatan;jenis_jabatan;unit_code\n198503142010011002;A;PNS;III/b;Staf;pelaksana;CKN\n";
        let (rows, _) = parse_csv(csv.as_bytes()).expect("parses");
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn a_csv_without_required_columns_is_refused_as_a_whole() {
        assert!(parse_csv(b"nip,name\n1,2\n").is_err());
    }
}
