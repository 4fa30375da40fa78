//! Potensi assessments: read by the employee's readers, recorded or imported by admin/HR
//! (the handlers ask `policy::career::can_manage_career`); earlier ones stay as history.

use chrono::{NaiveDate, Utc};
use entity::{employee, potensi_assessment as potensi};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::app::career::csv_import::{self, row_errors};
use crate::app::career::{employee_by_nip, today};
use crate::auth::{Principal, policy};
use crate::domain::ninebox::Potensi;
use crate::domain::plan_item::is_past_date;
use crate::dto::career::CareerImportReport;
use crate::dto::talent::{PotensiInput, PotensiList, PotensiOut};
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::state::AppState;
use crate::store;

/// An employee's assessments, newest first (readers of the employee).
pub async fn list_potensi(state: &AppState, p: &Principal, nip: &str) -> ApiResult<PotensiList> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::career::can_read_employee_talent(db, p, &emp).await?)?;
    let items = store::talent::list_potensi(db, emp.id).await?;
    Ok(PotensiList {
        nip: emp.nip,
        items: items.into_iter().map(PotensiOut::from).collect(),
    })
}

fn clean_potensi(
    errors: &mut FieldErrors,
    level: &str,
    source: &str,
    assessed_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<(Potensi, String, NaiveDate)> {
    let level = Potensi::parse(level.trim().to_lowercase().as_str());
    if level.is_none() {
        errors
            .entry("level".into())
            .or_default()
            .push("Gunakan rendah, menengah atau tinggi".into());
    }
    let source = source.trim();
    if source.is_empty() {
        errors
            .entry("source".into())
            .or_default()
            .push("Wajib diisi".into());
    } else if source.chars().count() > 200 {
        errors
            .entry("source".into())
            .or_default()
            .push("Maksimal 200 karakter".into());
    }
    match assessed_on {
        None => errors
            .entry("assessed_on".into())
            .or_default()
            .push("Tanggal asesmen wajib (YYYY-MM-DD)".into()),
        Some(d) if !is_past_date(d, today) => errors
            .entry("assessed_on".into())
            .or_default()
            .push("Tanggal asesmen tidak boleh di masa depan".into()),
        _ => {}
    }
    Some((level?, source.to_string(), assessed_on?))
}

async fn insert_potensi<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    emp: &employee::Model,
    (level, source, assessed_on): (Potensi, String, NaiveDate),
) -> ApiResult<potensi::Model> {
    let m = store::talent::insert_potensi(
        conn,
        potensi::Model {
            id: Uuid::now_v7(),
            employee_id: emp.id,
            level: level.as_str().into(),
            source,
            assessed_on,
            recorded_by: p.actor(),
            created_at: Utc::now(),
        },
    )
    .await?;
    store::audit::append(
        conn,
        &p.actor(),
        "potensi.add",
        "potensi_assessment",
        &m.id.to_string(),
        json!({ "nip": emp.nip, "level": m.level, "source": m.source, "assessed_on": m.assessed_on }),
    )
    .await?;
    Ok(m)
}

/// Records an assessment.
pub async fn add_potensi(
    state: &AppState,
    p: &Principal,
    nip: &str,
    body: &PotensiInput,
) -> ApiResult<PotensiOut> {
    let mut errors = FieldErrors::new();
    let clean = clean_potensi(
        &mut errors,
        body.level.as_str(),
        &body.source,
        Some(body.assessed_on),
        today(state),
    );
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let clean = clean.ok_or_else(|| anyhow::anyhow!("unchecked potensi"))?;
    let txn = state.db.write.begin().await?;
    let emp = employee_by_nip(&txn, nip).await?;
    let m = insert_potensi(&txn, p, &emp, clean).await?;
    txn.commit().await?;
    Ok(m.into())
}

/// Imports assessments from CSV (`nip, level, source, assessed_on`): all or nothing, each
/// row adds to the history; `dry_run` validates only.
pub async fn import_potensi(
    state: &AppState,
    p: &Principal,
    bytes: &[u8],
    dry_run: bool,
) -> ApiResult<CareerImportReport> {
    let csv = csv_import::parse(bytes, &["nip", "level", "source", "assessed_on"])?;
    let mut errors = csv.errors.clone();
    let nips: Vec<String> = csv
        .rows
        .iter()
        .map(|(_, r)| csv.cell(r, "nip").trim().to_string())
        .collect();
    let emps = store::employees::find_by_nips(&state.db.read, nips).await?;
    let today = today(state);
    let mut clean = Vec::new();
    for (row, r) in &csv.rows {
        let col = |name: &str| csv.cell(r, name);
        let mut fe = FieldErrors::new();
        let nip = col("nip").trim().to_string();
        let emp = emps.get(&nip);
        if emp.is_none() {
            fe.entry("nip".into())
                .or_default()
                .push(format!("Pegawai dengan NIP {nip} tidak ditemukan"));
        }
        let date_text = col("assessed_on");
        let date = NaiveDate::parse_from_str(date_text.trim(), "%Y-%m-%d").ok();
        let c = clean_potensi(&mut fe, &col("level"), &col("source"), date, today);
        match (fe.is_empty(), emp, c) {
            (true, Some(e), Some(c)) => clean.push((e.clone(), c)),
            _ => errors.extend(row_errors(*row, fe)),
        }
    }
    errors.sort_by_key(|e| e.row);
    let total = csv.rows.len() + errors.iter().filter(|e| e.field == "row").count();
    if !errors.is_empty() {
        if dry_run {
            return Ok(CareerImportReport {
                dry_run: true,
                total,
                errors,
                ..Default::default()
            });
        }
        return Err(ApiError::ImportRejected(errors));
    }
    let created = clean.len();
    if !dry_run {
        let txn = state.db.write.begin().await?;
        for (e, c) in clean {
            insert_potensi(&txn, p, &e, c).await?;
        }
        txn.commit().await?;
    }
    Ok(CareerImportReport {
        dry_run,
        total,
        created,
        updated: 0,
        errors: Vec::new(),
    })
}
