//! The batch against the database (units, existing employees, emails, the supervisor
//! hierarchy) and the write.

use sea_orm::{ConnectionTrait, DatabaseTransaction};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use super::{EmployeeUpsert, ImportReport, ImportRow, Outcome, check_fields, clean, row_err};
use crate::domain::golongan;
use crate::domain::hierarchy::{SupervisorWalk, walk_supervisors};
use crate::error::ErrorCode;
use crate::error::{ApiError, RowError};
use crate::store;
use crate::store::employees::EmployeeFields;
use entity::employee;

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
        let owners = store::employees::find_by_emails(
            conn,
            emails.iter().map(|(_, _, e)| e.clone()).collect(),
        )
        .await?;
        for (row, nip, email) in &emails {
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

    check_pns_ids(conn, &rows, &seen, &mut errors).await?;

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
        // Walk up from the supervisor; meeting this employee again means a cycle. Links
        // outside the batch are loaded from the database as the walk reaches them.
        let me = r.nip.trim().to_string();
        loop {
            let walk = walk_supervisors(&me, Some(sup.clone()), |nip| {
                batch.get(nip).or_else(|| db_parent.get(nip)).cloned()
            });
            match walk {
                SupervisorWalk::Cycle => {
                    errors.push(row_err(
                        r.row,
                        "supervisor_nip",
                        "Susunan atasan melingkar: pegawai ini akan menjadi atasan dari atasannya sendiri",
                    ));
                    break;
                }
                SupervisorWalk::Clear => break,
                SupervisorWalk::Unknown(nip) => {
                    let parent = parent_in_db(conn, &nip).await?;
                    db_parent.insert(nip, parent);
                }
            }
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

/// A SIASN PNS id belongs to one employee: not twice in the batch, not held by an employee
/// outside it.
async fn check_pns_ids<C: ConnectionTrait>(
    conn: &C,
    rows: &[ImportRow],
    batch: &HashMap<String, usize>,
    errors: &mut Vec<RowError>,
) -> Result<(), ApiError> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut wanted = Vec::new();
    for r in rows {
        if let Some(id) = clean(&r.data.pns_id) {
            if let Some(first) = seen.insert(id.clone(), r.row) {
                errors.push(row_err(
                    r.row,
                    "pns_id",
                    format!("ID PNS SIASN {id} sudah ada di baris {first}"),
                ));
            }
            wanted.push((r.row, r.nip.trim().to_string(), id));
        }
    }
    if wanted.is_empty() {
        return Ok(());
    }
    let owners = store::employees::find_by_pns_ids(
        conn,
        wanted.iter().map(|(_, _, id)| id.clone()).collect(),
    )
    .await?;
    for (row, nip, id) in &wanted {
        if owners.iter().any(|o| {
            o.pns_id.as_deref() == Some(id) && &o.nip != nip && !batch.contains_key(&o.nip)
        }) {
            errors.push(row_err(
                *row,
                "pns_id",
                format!("ID PNS SIASN {id} sudah dipakai pegawai lain"),
            ));
        }
    }
    Ok(())
}

/// The NIP of the supervisor of the stored employee `nip` (`None` at the top, or when
/// there is no such employee).
async fn parent_in_db<C: ConnectionTrait>(conn: &C, nip: &str) -> Result<Option<String>, ApiError> {
    Ok(match store::employees::find_by_nip(conn, nip).await? {
        Some(e) => match e.supervisor_id {
            Some(s) => store::employees::find_by_id(conn, s).await?.map(|s| s.nip),
            None => None,
        },
        None => None,
    })
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
        && e.pns_id == wanted_pns_id(d, Some(e))
}

/// The SIASN PNS id a row leaves stored: absent keeps the stored one, an empty string
/// clears it.
fn wanted_pns_id(d: &EmployeeUpsert, existing: Option<&employee::Model>) -> Option<String> {
    match &d.pns_id {
        None => existing.and_then(|e| e.pns_id.clone()),
        Some(_) => clean(&d.pns_id),
    }
}

/// The stored form of a row's fields.
fn fields(d: &EmployeeUpsert, unit_id: Uuid, existing: Option<&employee::Model>) -> EmployeeFields {
    EmployeeFields {
        pns_id: wanted_pns_id(d, existing),
        name: d.name.trim().to_string(),
        gelar_depan: clean(&d.gelar_depan),
        gelar_belakang: clean(&d.gelar_belakang),
        status: d.status.trim().to_string(),
        golongan: canonical_golongan(d),
        jabatan: d.jabatan.trim().to_string(),
        jenis_jabatan: d.jenis_jabatan.trim().to_string(),
        unit_id,
        email: clean(&d.email).map(|m| m.to_lowercase()),
        active: d.active,
    }
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
                    *e = store::employees::clear_email(txn, e.clone()).await?;
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
                    let m = store::employees::update_fields(
                        txn,
                        e.clone(),
                        fields(d, unit_id, Some(e)),
                        now,
                    )
                    .await?;
                    current.insert(nip.clone(), m);
                    Outcome::Updated
                }
                None => {
                    let m = store::employees::insert(txn, nip.clone(), fields(d, unit_id, None), None, now)
                    .await
                    .map_err(|e| {
                        if is_nip_conflict(&e) {
                            // Another request inserted this NIP after we validated (the
                            // PostgreSQL race of two concurrent upserts): not the caller's
                            // fault, and a retry sees the row as existing.
                            return ApiError::conflict(
                                ErrorCode::Conflict,
                                format!(
                                    "Pegawai dengan NIP {nip} baru saja disimpan oleh permintaan lain; ulangi permintaan"
                                ),
                            );
                        }
                        if e.to_string().contains("pns_id") {
                            return crate::error::on_constraint(
                                e,
                                "uq_employees_pns_id",
                                "pns_id",
                                "ID PNS SIASN sudah dipakai pegawai lain",
                            );
                        }
                        crate::error::on_constraint(
                            e,
                            "uq_employees_email",
                            "email",
                            "Email sudah dipakai pegawai lain",
                        )
                    })?;
                    ids.insert(nip.clone(), m.id);
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
                store::employees::set_supervisor(txn, e.clone(), wanted, now).await?;
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
