//! Employee master data from the HR system: one code path for `PUT /employees/{nip}`, the
//! bulk import endpoint and the `kinerja import` command.
//!
//! Invariants: a batch is validated completely before anything is written (every problem is
//! reported with its row and field); a batch is written in one transaction (all or nothing);
//! writing the same data twice changes nothing (`updated_at` included); supervisors may be
//! in the same batch; the hierarchy never gets a cycle or self-supervision.

use entity::employee;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, Set};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::ValidateEmail;

use crate::domain::{golongan, master, nip::Nip};
use crate::error::{ApiError, RowError};
use crate::store;

fn default_true() -> bool {
    true
}

/// An employee as the HR system sends it (`PUT /employees/{nip}` body).
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema, PartialEq)]
pub struct EmployeeUpsert {
    /// Name without titles.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[serde(default)]
    pub gelar_depan: Option<String>,
    #[serde(default)]
    pub gelar_belakang: Option<String>,
    /// `PNS` or `PPPK` (must match the form of the NIP).
    #[schema(value_type = crate::dto::EmployeeStatus)]
    pub status: String,
    /// As written on documents: `III/b` (PNS) or `IX` (PPPK).
    #[schema(example = "III/b", min_length = 1)]
    pub golongan: String,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub jabatan: String,
    /// `struktural`, `fungsional` or `pelaksana`.
    #[schema(value_type = crate::dto::JenisJabatan)]
    pub jenis_jabatan: String,
    #[schema(min_length = 1, max_length = 64, pattern = r"^[A-Za-z0-9._-]+$")]
    pub unit_code: String,
    /// NIP of the direct supervisor; must exist or be in the same import.
    #[serde(default)]
    #[schema(pattern = r"^[0-9]{18}$")]
    pub supervisor_nip: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default = "default_true")]
    pub active: bool,
}

/// One row of a bulk import (JSON form): the upsert body plus the NIP.
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema)]
pub struct EmployeeImportRow {
    #[schema(pattern = r"^[0-9]{18}$")]
    pub nip: String,
    #[serde(flatten)]
    pub data: EmployeeUpsert,
}

/// Outcome of an import or a dry run.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Data rows read.
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Problems by row; empty when the batch is valid.
    pub errors: Vec<RowError>,
}

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
pub const CSV_COLUMNS: [&str; 12] = [
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
];

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "true" | "1" | "ya" | "y" | "aktif" | "yes" => Some(true),
        "false" | "0" | "tidak" | "t" | "n" | "no" | "nonaktif" => Some(false),
        _ => None,
    }
}

/// Parses CSV (comma or semicolon separated, header row required, UTF-8 with or without BOM).
pub fn parse_csv(bytes: &[u8]) -> Result<(Vec<ImportRow>, Vec<RowError>), ApiError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ApiError::unprocessable("invalid_csv", "Berkas CSV harus berenkode UTF-8"))?;
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
            ApiError::unprocessable("invalid_csv", format!("Header CSV tidak terbaca: {e}"))
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
            "invalid_csv",
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
            },
        });
    }
    Ok((rows, errors))
}

/// Parses a JSON array of rows; a row of the wrong shape is reported, not fatal.
pub fn parse_json(bytes: &[u8]) -> Result<(Vec<ImportRow>, Vec<RowError>), ApiError> {
    let values: Vec<serde_json::Value> = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request("invalid_json", format!("Harus berupa array JSON: {e}"))
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

/// Field checks that need no database.
pub fn check_fields(r: &ImportRow) -> Vec<RowError> {
    let mut out = Vec::new();
    let d = &r.data;
    let row = r.row;
    let nip = match Nip::parse(&r.nip) {
        Ok(n) => Some(n),
        Err(e) => {
            out.push(row_err(row, "nip", e.to_string()));
            None
        }
    };
    let name = d.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        out.push(row_err(
            row,
            "name",
            "Nama wajib diisi (maksimal 200 karakter)",
        ));
    }
    for (field, v) in [
        ("gelar_depan", &d.gelar_depan),
        ("gelar_belakang", &d.gelar_belakang),
    ] {
        if v.as_deref().is_some_and(|g| g.chars().count() > 100) {
            out.push(row_err(row, field, "Gelar maksimal 100 karakter"));
        }
    }
    let status = d.status.trim();
    if !master::STATUSES.contains(&status) {
        out.push(row_err(row, "status", "Status harus PNS atau PPPK"));
    } else {
        if let Some(n) = &nip
            && n.kind().as_status() != status
        {
            out.push(row_err(
                row,
                "status",
                format!(
                    "Status {status} tidak cocok dengan nomor induk: digit 13 menunjukkan {}",
                    n.kind().as_status()
                ),
            ));
        }
        if golongan::find(status, &d.golongan).is_none() {
            let hint = if status == "PNS" {
                "I/a sampai IV/e, misalnya III/b"
            } else {
                "I sampai XVII, misalnya IX"
            };
            out.push(row_err(
                row,
                "golongan",
                format!(
                    "Golongan '{}' tidak dikenal untuk {status} ({hint})",
                    d.golongan.trim()
                ),
            ));
        }
    }
    let jabatan = d.jabatan.trim();
    if jabatan.is_empty() || jabatan.chars().count() > 200 {
        out.push(row_err(
            row,
            "jabatan",
            "Jabatan wajib diisi (maksimal 200 karakter)",
        ));
    }
    if !master::JENIS_JABATAN.contains(&d.jenis_jabatan.trim()) {
        out.push(row_err(
            row,
            "jenis_jabatan",
            "Jenis jabatan harus struktural, fungsional atau pelaksana",
        ));
    }
    if d.unit_code.trim().is_empty() {
        out.push(row_err(row, "unit_code", "Kode unit wajib diisi"));
    }
    if let Some(email) = clean(&d.email)
        && (!email.validate_email() || email.len() > 254)
    {
        out.push(row_err(
            row,
            "email",
            format!("Alamat email '{email}' tidak valid"),
        ));
    }
    if let Some(sup) = clean(&d.supervisor_nip) {
        if sup == r.nip.trim() {
            out.push(row_err(
                row,
                "supervisor_nip",
                "Pegawai tidak boleh menjadi atasan dirinya sendiri",
            ));
        } else if let Err(e) = Nip::parse(&sup) {
            out.push(row_err(
                row,
                "supervisor_nip",
                format!("NIP atasan tidak valid: {e}"),
            ));
        }
    }
    out
}

/// Everything the writer needs, resolved during validation.
pub struct Plan {
    rows: Vec<ImportRow>,
    units: HashMap<String, Uuid>,
    existing: HashMap<String, employee::Model>,
}

/// Validates a batch against the rules and the database. Returns the plan, or every error.
pub async fn validate<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<ImportRow>,
    mut errors: Vec<RowError>,
) -> Result<Plan, ApiError> {
    for r in &rows {
        errors.extend(check_fields(r));
    }
    // Duplicates inside the batch.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut seen_email: HashMap<String, usize> = HashMap::new();
    for r in &rows {
        let nip = r.nip.trim().to_string();
        if let Some(first) = seen.insert(nip.clone(), r.row) {
            errors.push(row_err(
                r.row,
                "nip",
                format!("NIP {nip} sudah ada di baris {first}"),
            ));
        }
        if let Some(e) = clean(&r.data.email).map(|e| e.to_lowercase())
            && let Some(first) = seen_email.insert(e.clone(), r.row)
        {
            errors.push(row_err(
                r.row,
                "email",
                format!("Email {e} sudah dipakai di baris {first}"),
            ));
        }
    }

    // Units.
    let codes: HashSet<String> = rows
        .iter()
        .map(|r| r.data.unit_code.trim().to_string())
        .collect();
    let mut units = HashMap::new();
    for code in codes.into_iter().filter(|c| !c.is_empty()) {
        if let Some(u) = store::units::find_by_code(conn, &code).await? {
            units.insert(code, u.id);
        }
    }
    for r in &rows {
        let code = r.data.unit_code.trim();
        if !code.is_empty() && !units.contains_key(code) {
            errors.push(row_err(
                r.row,
                "unit_code",
                format!("Unit {code} tidak ditemukan"),
            ));
        }
    }

    // Existing employees: the rows themselves and the supervisors they name.
    let mut wanted: HashSet<String> = rows.iter().map(|r| r.nip.trim().to_string()).collect();
    wanted.extend(rows.iter().filter_map(|r| clean(&r.data.supervisor_nip)));
    let existing = store::employees::find_by_nips(conn, wanted.into_iter().collect()).await?;

    // Email already used by another employee.
    let emails: Vec<(usize, String, String)> = rows
        .iter()
        .filter_map(|r| {
            clean(&r.data.email).map(|e| (r.row, r.nip.trim().to_string(), e.to_lowercase()))
        })
        .collect();
    if !emails.is_empty() {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        for chunk in emails.chunks(500) {
            let owners = employee::Entity::find()
                .filter(employee::Column::Email.is_in(chunk.iter().map(|(_, _, e)| e.clone())))
                .all(conn)
                .await?;
            for (row, nip, email) in chunk {
                if let Some(o) = owners
                    .iter()
                    .find(|o| o.email.as_deref() == Some(email) && &o.nip != nip)
                    && !seen.contains_key(&o.nip)
                {
                    errors.push(row_err(
                        *row,
                        "email",
                        format!("Email {email} sudah dipakai pegawai lain"),
                    ));
                }
            }
        }
    }

    // Supervisors exist, and the resulting hierarchy has no cycle.
    let batch: HashMap<String, Option<String>> = rows
        .iter()
        .map(|r| (r.nip.trim().to_string(), clean(&r.data.supervisor_nip)))
        .collect();
    let mut db_parent: HashMap<String, Option<String>> = HashMap::new();
    for r in &rows {
        let Some(sup) = clean(&r.data.supervisor_nip) else {
            continue;
        };
        if sup == r.nip.trim() {
            continue; // reported by check_fields
        }
        if !batch.contains_key(&sup) && !existing.contains_key(&sup) {
            errors.push(row_err(
                r.row,
                "supervisor_nip",
                format!("Atasan dengan NIP {sup} tidak ditemukan (belum terdaftar dan tidak ada di berkas ini)"),
            ));
            continue;
        }
        // Walk up from the supervisor; meeting this employee again means a cycle.
        let me = r.nip.trim().to_string();
        let mut current = Some(sup);
        let mut steps = 0;
        while let Some(nip) = current {
            if nip == me {
                errors.push(row_err(
                    r.row,
                    "supervisor_nip",
                    "Susunan atasan melingkar: pegawai ini akan menjadi atasan dari atasannya sendiri",
                ));
                break;
            }
            steps += 1;
            if steps > 64 {
                break;
            }
            current = match batch.get(&nip) {
                Some(parent) => parent.clone(),
                None => parent_in_db(conn, &nip, &mut db_parent).await?,
            };
        }
    }

    if errors.is_empty() {
        Ok(Plan {
            rows,
            units,
            existing,
        })
    } else {
        errors.sort_by(|a, b| a.row.cmp(&b.row).then(a.field.cmp(&b.field)));
        errors.dedup();
        Err(ApiError::ImportRejected(errors))
    }
}

async fn parent_in_db<C: ConnectionTrait>(
    conn: &C,
    nip: &str,
    cache: &mut HashMap<String, Option<String>>,
) -> Result<Option<String>, ApiError> {
    if let Some(p) = cache.get(nip) {
        return Ok(p.clone());
    }
    let parent = match store::employees::find_by_nip(conn, nip).await? {
        Some(e) => match e.supervisor_id {
            Some(s) => store::employees::find_by_id(conn, s).await?.map(|s| s.nip),
            None => None,
        },
        None => None,
    };
    cache.insert(nip.to_string(), parent.clone());
    Ok(parent)
}

/// A unique violation on the NIP (PostgreSQL names the index, SQLite the column).
fn is_nip_conflict(e: &sea_orm::DbErr) -> bool {
    let text = e.to_string();
    text.contains("uq_employees_nip") || text.contains("employees.nip")
}

fn same_fields(e: &employee::Model, r: &ImportRow, unit_id: Uuid) -> bool {
    let d = &r.data;
    e.name == d.name.trim()
        && e.gelar_depan == clean(&d.gelar_depan)
        && e.gelar_belakang == clean(&d.gelar_belakang)
        && e.status == d.status.trim()
        && e.golongan == canonical_golongan(d)
        && e.jabatan == d.jabatan.trim()
        && e.jenis_jabatan == d.jenis_jabatan.trim()
        && e.unit_id == unit_id
        && e.email == clean(&d.email).map(|m| m.to_lowercase())
        && e.active == d.active
}

fn canonical_golongan(d: &EmployeeUpsert) -> String {
    golongan::find(d.status.trim(), &d.golongan)
        .map_or_else(|| d.golongan.trim().to_string(), |g| g.code.to_string())
}

impl Plan {
    /// What writing would do, without writing.
    pub fn preview(&self) -> ImportReport {
        let mut report = ImportReport {
            dry_run: true,
            total: self.rows.len(),
            ..ImportReport::default()
        };
        for r in &self.rows {
            match self.existing.get(r.nip.trim()) {
                None => report.created += 1,
                Some(e) => {
                    let unit = self
                        .units
                        .get(r.data.unit_code.trim())
                        .copied()
                        .unwrap_or_default();
                    let sup_same = match (&e.supervisor_id, clean(&r.data.supervisor_nip)) {
                        (None, None) => true,
                        (Some(id), Some(nip)) => {
                            self.existing.get(&nip).is_some_and(|s| s.id == *id)
                        }
                        _ => false,
                    };
                    if same_fields(e, r, unit) && sup_same {
                        report.unchanged += 1;
                    } else {
                        report.updated += 1;
                    }
                }
            }
        }
        report
    }

    /// Writes the batch inside `txn`: first every employee, then the supervisor links (so
    /// supervisors may come later in the same batch). `progress(done, total)` is called as
    /// rows are written. Returns the report and each row's outcome.
    pub async fn apply(
        self,
        txn: &DatabaseTransaction,
        progress: &dyn Fn(usize, usize),
    ) -> Result<(ImportReport, Vec<(String, Outcome)>), ApiError> {
        let total = self.rows.len();
        let now = chrono::Utc::now();
        let mut ids: HashMap<String, Uuid> = self
            .existing
            .iter()
            .map(|(nip, e)| (nip.clone(), e.id))
            .collect();
        let mut outcomes: Vec<(String, Outcome)> = Vec::with_capacity(total);
        let mut current: HashMap<String, employee::Model> = HashMap::new();
        // Emails may move between employees of the same batch (A's to B, B's to A). Free
        // every email that changes first, so the unique index never sees two owners.
        let mut existing = self.existing.clone();
        for r in &self.rows {
            if let Some(e) = existing.get_mut(r.nip.trim()) {
                let wanted = clean(&r.data.email).map(|m| m.to_lowercase());
                if e.email.is_some() && e.email != wanted {
                    let mut am: employee::ActiveModel = e.clone().into();
                    am.email = Set(None);
                    *e = am.update(txn).await?;
                }
            }
        }
        for (i, r) in self.rows.iter().enumerate() {
            let nip = r.nip.trim().to_string();
            let unit_id = self.units[r.data.unit_code.trim()];
            let d = &r.data;
            let outcome = match existing.get(&nip) {
                Some(e) if same_fields(e, r, unit_id) => {
                    current.insert(nip.clone(), e.clone());
                    Outcome::Unchanged
                }
                Some(e) => {
                    let mut am: employee::ActiveModel = e.clone().into();
                    am.name = Set(d.name.trim().to_string());
                    am.gelar_depan = Set(clean(&d.gelar_depan));
                    am.gelar_belakang = Set(clean(&d.gelar_belakang));
                    am.status = Set(d.status.trim().to_string());
                    am.golongan = Set(canonical_golongan(d));
                    am.jabatan = Set(d.jabatan.trim().to_string());
                    am.jenis_jabatan = Set(d.jenis_jabatan.trim().to_string());
                    am.unit_id = Set(unit_id);
                    am.email = Set(clean(&d.email).map(|m| m.to_lowercase()));
                    am.active = Set(d.active);
                    am.updated_at = Set(now);
                    current.insert(nip.clone(), am.update(txn).await?);
                    Outcome::Updated
                }
                None => {
                    let id = Uuid::now_v7();
                    let m = employee::ActiveModel {
                        id: Set(id),
                        nip: Set(nip.clone()),
                        name: Set(d.name.trim().to_string()),
                        gelar_depan: Set(clean(&d.gelar_depan)),
                        gelar_belakang: Set(clean(&d.gelar_belakang)),
                        status: Set(d.status.trim().to_string()),
                        golongan: Set(canonical_golongan(d)),
                        jabatan: Set(d.jabatan.trim().to_string()),
                        jenis_jabatan: Set(d.jenis_jabatan.trim().to_string()),
                        unit_id: Set(unit_id),
                        supervisor_id: Set(None),
                        email: Set(clean(&d.email).map(|m| m.to_lowercase())),
                        active: Set(d.active),
                        created_at: Set(now),
                        updated_at: Set(now),
                    }
                    .insert(txn)
                    .await
                    .map_err(|e| {
                        if is_nip_conflict(&e) {
                            // Another request inserted this NIP after we validated (the
                            // PostgreSQL race of two concurrent upserts): not the caller's
                            // fault, and a retry sees the row as existing.
                            return ApiError::conflict(
                                "conflict",
                                format!(
                                    "Pegawai dengan NIP {nip} baru saja disimpan oleh permintaan lain; ulangi permintaan"
                                ),
                            );
                        }
                        crate::error::on_constraint(
                            e,
                            "uq_employees_email",
                            "email",
                            "Email sudah dipakai pegawai lain",
                        )
                    })?;
                    ids.insert(nip.clone(), id);
                    current.insert(nip.clone(), m);
                    Outcome::Created
                }
            };
            outcomes.push((nip, outcome));
            progress(i + 1, total * 2);
        }
        // Second pass: supervisor links.
        for (i, r) in self.rows.iter().enumerate() {
            let nip = r.nip.trim();
            let wanted = clean(&r.data.supervisor_nip).and_then(|s| ids.get(&s).copied());
            if let Some(e) = current.get(nip)
                && e.supervisor_id != wanted
            {
                let mut am: employee::ActiveModel = e.clone().into();
                am.supervisor_id = Set(wanted);
                am.updated_at = Set(now);
                am.update(txn).await?;
                if let Some((_, o)) = outcomes.get_mut(i)
                    && *o == Outcome::Unchanged
                {
                    *o = Outcome::Updated;
                }
            }
            progress(total + i + 1, total * 2);
        }
        let mut report = ImportReport {
            dry_run: false,
            total,
            ..ImportReport::default()
        };
        for (_, o) in &outcomes {
            match o {
                Outcome::Created => report.created += 1,
                Outcome::Updated => report.updated += 1,
                Outcome::Unchanged => report.unchanged += 1,
            }
        }
        Ok((report, outcomes))
    }
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

    #[test]
    fn field_checks_name_each_failing_field() {
        let csv =
            format!("{HEADER}198503142010131002,,,,PNS,IX,,boss,CKN,198503142010131002,x@,maybe\n");
        let (rows, errors) = parse_csv(csv.as_bytes()).expect("parses");
        assert_eq!(errors[0].field, "active");
        let fields: Vec<String> = check_fields(&rows[0])
            .into_iter()
            .map(|e| e.field)
            .collect();
        for f in [
            "nip",
            "name",
            "golongan",
            "jabatan",
            "jenis_jabatan",
            "email",
            "supervisor_nip",
        ] {
            assert!(
                fields.contains(&f.to_string()),
                "{f} missing from {fields:?}"
            );
        }
    }

    #[test]
    fn a_pppk_number_with_status_pns_is_refused() {
        let row = ImportRow {
            row: 1,
            nip: "199207152022212001".into(),
            data: EmployeeUpsert {
                name: "Baiq Nurul".into(),
                gelar_depan: None,
                gelar_belakang: None,
                status: "PNS".into(),
                golongan: "III/a".into(),
                jabatan: "Staf".into(),
                jenis_jabatan: "pelaksana".into(),
                unit_code: "CKN".into(),
                supervisor_nip: None,
                email: None,
                active: true,
            },
        };
        let errs = check_fields(&row);
        assert!(errs.iter().any(|e| e.field == "status"), "{errs:?}");
    }
}
