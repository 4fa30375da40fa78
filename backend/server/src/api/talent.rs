//! Talent management (DOMAIN.md §7 "Career", "Angka kredit"): potensi assessments entered
//! or imported by HR, the 9-box grid, promotion candidates, placement for a vacant
//! position, and angka kredit of functional positions.
//!
//! Definitions (our choices, documented in the API):
//! - the annual result of year Y is the employee's final evaluation in the PUBLISHED
//!   Triwulan IV period of Y (or, failing that, month 12 of Y);
//! - kinerja for the 9-box is that evaluation's `rating_hasil_kerja` (the three rating
//!   levels); potensi is the latest assessment by `assessed_on`;
//! - angka kredit per period = percentage(predikat) × coefficient(jenjang of the jabatan
//!   snapshot of the evaluation) × months ÷ 12 (quarter 3, month 1); a year sums the
//!   published periods of one kind (quarterly preferred).
//!
//! Invariants: grids, candidates and angka kredit lists are visible to admin/HR/auditor and
//! to the unit's leaders (own unit is the unit or above it, and supervising someone in it);
//! an ordinary employee gets 403. Potensi is written by admin/HR only; history is kept.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{Datelike, NaiveDate, Utc};
use entity::{employee, evaluation, period, potensi_assessment as potensi};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::career::{
    CareerImportReport, DryRunQuery, display_name, employee_by_nip, read_csv, row_errors, today,
    valid_year,
};
use crate::auth::{Principal, policy};
use crate::domain::angka_kredit::{self as ak, Jenjang, family_key, parse_jabatan};
use crate::domain::ninebox::{self, Potensi};
use crate::domain::predikat::{Predikat, Rating};
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors};
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_potensi)
        .service(add_potensi)
        .service(import_potensi)
        .service(employee_talent)
        .service(talent_grid)
        .service(promotion_candidates)
        .service(promotion_candidates_csv)
        .service(placement)
        .service(employee_angka_kredit)
        .service(unit_angka_kredit)
        .service(unit_angka_kredit_csv);
}

/// The units a caller may see talent data of: `None` = every unit (admin/HR/auditor without
/// a filter); otherwise the unit tree named by `unit_code`. Leaders must name their unit.
pub async fn authorised_units<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    unit_code: Option<&str>,
) -> ApiResult<Option<Vec<Uuid>>> {
    let code = unit_code.map(str::trim).filter(|c| !c.is_empty());
    let Some(code) = code else {
        policy::require(policy::reads_all_talent(p))?;
        return Ok(None);
    };
    let unit = store::units::find_by_code(conn, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    let tree = store::career::unit_subtree(conn, unit.id).await?;
    if !policy::reads_all_talent(p) {
        policy::require(policy::leads_unit_tree(conn, p, &unit, &tree).await?)?;
    }
    Ok(Some(tree))
}

fn csv_response(name: &str, rows: Vec<Vec<String>>) -> ApiResult<HttpResponse> {
    super::csv_attachment(name, rows)
}

// ---------------------------------------------------------------------------------------
// Potensi
// ---------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct PotensiOut {
    pub id: Uuid,
    pub level: Potensi,
    pub source: String,
    pub assessed_on: NaiveDate,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PotensiList {
    pub nip: String,
    /// Newest first; the first one counts.
    pub items: Vec<PotensiOut>,
}

fn potensi_view(m: potensi::Model) -> PotensiOut {
    PotensiOut {
        id: m.id,
        level: Potensi::parse(&m.level).unwrap_or(Potensi::Rendah),
        source: m.source,
        assessed_on: m.assessed_on,
        created_at: m.created_at,
    }
}

/// An employee's potensi assessments, newest first (the employee, their supervisor chain,
/// admin/HR/auditor).
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = PotensiList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/potensi")]
pub async fn list_potensi(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
) -> ApiResult<web::Json<PotensiList>> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let items = store::career::potensi_history(db, emp.id).await?;
    Ok(web::Json(PotensiList {
        nip: emp.nip,
        items: items.into_iter().map(potensi_view).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct PotensiInput {
    pub level: Potensi,
    /// Where the result comes from, e.g. "Assessment Center BKD 2026".
    #[schema(max_length = 200)]
    pub source: String,
    /// Not in the future.
    pub assessed_on: NaiveDate,
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
        Some(d) if d > today || d.year() < 2000 => errors
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
    level: Potensi,
    source: String,
    assessed_on: NaiveDate,
) -> ApiResult<potensi::Model> {
    let m = potensi::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(emp.id),
        level: Set(level.as_str().into()),
        source: Set(source),
        assessed_on: Set(assessed_on),
        recorded_by: Set(p.actor()),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
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

/// Records a potensi assessment (admin/HR); earlier ones stay as history.
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path)),
    request_body = PotensiInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = PotensiOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/potensi")]
pub async fn add_potensi(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<PotensiInput>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::can_manage_career(&p))?;
    let mut errors = FieldErrors::new();
    let clean = clean_potensi(
        &mut errors,
        body.level.as_str(),
        &body.source,
        Some(body.assessed_on),
        today(&state),
    );
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let (level, source, assessed_on) = clean.ok_or_else(|| anyhow::anyhow!("unchecked potensi"))?;
    let txn = state.db.write.begin().await?;
    let emp = employee_by_nip(&txn, &nip).await?;
    let m = insert_potensi(&txn, &p, &emp, level, source, assessed_on).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(potensi_view(m)))
}

/// Imports potensi assessments from CSV (admin/HR): columns `nip, level, source,
/// assessed_on`. All or nothing, with a per-row report; each row adds to the history.
#[utoipa::path(
    tag = "talent",
    params(DryRunQuery),
    request_body(content((String = "text/csv"))),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CareerImportReport),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "`import_rejected` (rows list every problem) or an unusable CSV", body = ErrorResponse),
    )
)]
#[post("/talent/potensi/import")]
pub async fn import_potensi(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<DryRunQuery>,
    payload: web::Payload,
) -> ApiResult<web::Json<CareerImportReport>> {
    policy::require(policy::can_manage_career(&p))?;
    let (headers, rows, mut errors) =
        read_csv(&req, payload, &["nip", "level", "source", "assessed_on"]).await?;
    let col = |r: &Vec<String>, name: &str| super::career::csv_cell(&headers, r, name);
    let nips: Vec<String> = rows
        .iter()
        .map(|(_, r)| col(r, "nip").trim().to_string())
        .collect();
    let emps = store::employees::find_by_nips(&state.db.read, nips).await?;
    let today = today(&state);
    let mut clean = Vec::new();
    for (row, r) in &rows {
        let mut fe = FieldErrors::new();
        let nip = col(r, "nip").trim().to_string();
        let emp = emps.get(&nip);
        if emp.is_none() {
            fe.entry("nip".into())
                .or_default()
                .push(format!("Pegawai dengan NIP {nip} tidak ditemukan"));
        }
        let date_text = col(r, "assessed_on");
        let date = NaiveDate::parse_from_str(date_text.trim(), "%Y-%m-%d").ok();
        let c = clean_potensi(&mut fe, &col(r, "level"), &col(r, "source"), date, today);
        match (fe.is_empty(), emp, c) {
            (true, Some(e), Some(c)) => clean.push((e.clone(), c)),
            _ => errors.extend(row_errors(*row, fe)),
        }
    }
    errors.sort_by_key(|e| e.row);
    let total = rows.len() + errors.iter().filter(|e| e.field == "row").count();
    if !errors.is_empty() {
        if q.dry_run {
            return Ok(web::Json(CareerImportReport {
                dry_run: true,
                total,
                errors,
                ..Default::default()
            }));
        }
        return Err(ApiError::ImportRejected(errors));
    }
    let created = clean.len();
    if !q.dry_run {
        let txn = state.db.write.begin().await?;
        for (e, (level, source, date)) in clean {
            insert_potensi(&txn, &p, &e, level, source, date).await?;
        }
        txn.commit().await?;
    }
    Ok(web::Json(CareerImportReport {
        dry_run: q.dry_run,
        total,
        created,
        updated: 0,
        errors: Vec::new(),
    }))
}

// ---------------------------------------------------------------------------------------
// Placement on the 9-box
// ---------------------------------------------------------------------------------------

/// One employee's place: the annual result, potensi and box (when both are known).
#[derive(Clone, Debug)]
struct Place {
    kinerja: Option<Rating>,
    predikat: Option<Predikat>,
    potensi: Option<Potensi>,
    box_: Option<u8>,
}

/// The annual evaluations of `year` (Triwulan IV, else month 12) of the given employees.
async fn annual_results<C: ConnectionTrait>(
    conn: &C,
    published: &[period::Model],
    year: i32,
    ids: &[Uuid],
) -> ApiResult<HashMap<Uuid, evaluation::Model>> {
    let Some(per) = store::career::annual_period(published, year) else {
        return Ok(HashMap::new());
    };
    Ok(store::career::evaluations_of(conn, &[per.id], ids)
        .await?
        .into_iter()
        .map(|e| (e.employee_id, e))
        .collect())
}

async fn places<C: ConnectionTrait>(
    conn: &C,
    published: &[period::Model],
    year: i32,
    ids: &[Uuid],
) -> ApiResult<HashMap<Uuid, Place>> {
    let annual = annual_results(conn, published, year, ids).await?;
    let pot = store::career::latest_potensi(conn, ids).await?;
    Ok(ids
        .iter()
        .map(|id| {
            let e = annual.get(id);
            let kinerja = e.and_then(|e| Rating::parse(&e.rating_hasil_kerja));
            let potensi = pot.get(id).and_then(|p| Potensi::parse(&p.level));
            let box_ = match (kinerja, potensi) {
                (Some(k), Some(p)) => Some(ninebox::box_of(k, p)),
                _ => None,
            };
            (
                *id,
                Place {
                    kinerja,
                    predikat: e.and_then(|e| Predikat::parse(&e.predikat)),
                    potensi,
                    box_,
                },
            )
        })
        .collect())
}

/// The year of the grid: the requested one, else the latest year with a published annual
/// period, else the current year.
fn grid_year(published: &[period::Model], requested: Option<i32>, now_year: i32) -> ApiResult<i32> {
    match requested {
        Some(_) => valid_year(requested, now_year),
        None => Ok(store::career::annual_years(published)
            .first()
            .copied()
            .unwrap_or(now_year)),
    }
}

#[derive(Deserialize, IntoParams)]
pub struct TalentYearQuery {
    /// Year of the annual result (default: the latest year with a published annual period).
    pub year: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeTalent {
    pub nip: String,
    pub name: String,
    pub year: i32,
    /// rating_hasil_kerja of the annual result.
    pub kinerja: Option<Rating>,
    pub predikat: Option<Predikat>,
    pub potensi: Option<Potensi>,
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: Option<u8>,
    pub box_label: Option<String>,
    pub recommendations: Vec<String>,
    /// Why no box: what is missing.
    pub missing: Vec<String>,
}

/// One employee's 9-box placement and its recommendations (the employee, their supervisor
/// chain, admin/HR/auditor).
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path), TalentYearQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = EmployeeTalent),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/talent")]
pub async fn employee_talent(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<TalentYearQuery>,
) -> ApiResult<web::Json<EmployeeTalent>> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let published = store::career::published_periods(db).await?;
    let year = grid_year(&published, q.year, today(&state).year())?;
    let place = places(db, &published, year, &[emp.id])
        .await?
        .remove(&emp.id)
        .unwrap_or(Place {
            kinerja: None,
            predikat: None,
            potensi: None,
            box_: None,
        });
    let mut missing = Vec::new();
    if place.kinerja.is_none() {
        missing.push(format!(
            "Belum ada hasil tahunan (Triwulan IV) {year} yang terbit"
        ));
    }
    if place.potensi.is_none() {
        missing.push("Belum ada data potensi".into());
    }
    Ok(web::Json(EmployeeTalent {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        year,
        kinerja: place.kinerja,
        predikat: place.predikat,
        potensi: place.potensi,
        box_: place.box_,
        box_label: place.box_.map(ninebox::label),
        recommendations: place
            .box_
            .map(|b| {
                ninebox::recommendations(b)
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            })
            .unwrap_or_default(),
        missing,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct GridQuery {
    /// The unit and the units below it; required for unit leaders.
    pub unit_code: Option<String>,
    pub year: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct GridPerson {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    pub predikat: Option<Predikat>,
}

#[derive(Serialize, ToSchema)]
pub struct GridCell {
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: u8,
    pub kinerja: Rating,
    pub potensi: Potensi,
    pub label: String,
    pub recommendations: Vec<String>,
    pub count: usize,
    pub employees: Vec<GridPerson>,
}

#[derive(Serialize, ToSchema)]
pub struct Unplaced {
    pub nip: String,
    pub name: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct TalentGrid {
    pub year: i32,
    pub unit_code: Option<String>,
    /// The nine cells, box 1 to 9.
    pub cells: Vec<GridCell>,
    /// Employees without an annual result or potensi.
    pub unplaced: Vec<Unplaced>,
}

/// The 9-box grid of a unit (and the units below it) with counts and names: admin, HR,
/// auditor, and the unit's leaders; ordinary employees get 403.
#[utoipa::path(
    tag = "talent",
    params(GridQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TalentGrid),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, description = "Unknown unit", body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/talent/grid")]
pub async fn talent_grid(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<GridQuery>,
) -> ApiResult<web::Json<TalentGrid>> {
    let db = &state.db.read;
    let units = authorised_units(db, &p, q.unit_code.as_deref()).await?;
    let published = store::career::published_periods(db).await?;
    let year = grid_year(&published, q.year, today(&state).year())?;
    let people = store::career::employees_in_units(db, units.as_deref()).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let placed = places(db, &published, year, &ids).await?;
    let unit_map =
        store::units::find_by_ids(db, people.iter().map(|e| e.unit_id).collect()).await?;
    let mut cells: Vec<GridCell> = (1..=9u8)
        .filter_map(|b| {
            let (k, pot) = ninebox::levels_of(b)?;
            Some(GridCell {
                box_: b,
                kinerja: k,
                potensi: pot,
                label: ninebox::label(b),
                recommendations: ninebox::recommendations(b)
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                count: 0,
                employees: Vec::new(),
            })
        })
        .collect();
    let mut unplaced = Vec::new();
    for e in &people {
        let place = placed.get(&e.id);
        match place.and_then(|pl| pl.box_) {
            Some(b) => {
                if let Some(cell) = cells.get_mut(usize::from(b) - 1) {
                    cell.count += 1;
                    cell.employees.push(GridPerson {
                        nip: e.nip.clone(),
                        name: display_name(e),
                        jabatan: e.jabatan.clone(),
                        unit_code: unit_map
                            .get(&e.unit_id)
                            .map(|u| u.code.clone())
                            .unwrap_or_default(),
                        predikat: place.and_then(|pl| pl.predikat),
                    });
                }
            }
            None => {
                let reason = match place {
                    Some(pl) if pl.kinerja.is_none() && pl.potensi.is_none() => {
                        "Belum ada hasil tahunan dan data potensi"
                    }
                    Some(pl) if pl.kinerja.is_none() => "Belum ada hasil tahunan",
                    _ => "Belum ada data potensi",
                };
                unplaced.push(Unplaced {
                    nip: e.nip.clone(),
                    name: display_name(e),
                    reason: reason.into(),
                });
            }
        }
    }
    Ok(web::Json(TalentGrid {
        year,
        unit_code: q
            .unit_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        cells,
        unplaced,
    }))
}

// ---------------------------------------------------------------------------------------
// Promotion candidates
// ---------------------------------------------------------------------------------------

#[derive(Deserialize, IntoParams)]
pub struct UnitQuery {
    /// The unit and the units below it; required for unit leaders.
    pub unit_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AnnualResult {
    pub year: i32,
    pub predikat: Predikat,
    pub predikat_label: String,
}

#[derive(Serialize, ToSchema)]
pub struct CompletedDevelopment {
    pub title: String,
    pub completed_on: Option<NaiveDate>,
    pub hours: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct Candidate {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub jabatan: String,
    pub golongan: String,
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: u8,
    pub potensi: Potensi,
    /// The last two annual results, newest first.
    pub annual: Vec<AnnualResult>,
    /// TMT CPNS read from the NIP (`YYYY-MM`; PPPK: the TMT year).
    pub tmt_cpns: Option<String>,
    /// Whole years since the TMT (masa kerja, from the NIP).
    pub masa_kerja_tahun: Option<i32>,
    /// How the service time was derived (no TMT golongan is recorded).
    pub masa_kerja_note: String,
    pub completed_development: Vec<CompletedDevelopment>,
}

#[derive(Serialize, ToSchema)]
pub struct CandidateList {
    /// The two annual years compared (newest first); fewer when not yet published.
    pub years: Vec<i32>,
    pub rule: String,
    pub items: Vec<Candidate>,
}

/// TMT from the NIP: PNS digits 9–14 (YYYYMM), PPPK digits 9–12 (year).
fn tmt_of(nip: &str) -> Option<(i32, Option<u32>)> {
    if nip.len() != 18 || !nip.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = nip[8..12].parse().ok()?;
    if &nip[12..13] == "2" {
        return Some((year, None));
    }
    let month: u32 = nip[12..14].parse().ok()?;
    (1..=12).contains(&month).then_some((year, Some(month)))
}

fn masa_kerja(tmt: (i32, Option<u32>), today: NaiveDate) -> i32 {
    let (y, m) = tmt;
    let mut years = today.year() - y;
    if today.month() < m.unwrap_or(1) {
        years -= 1;
    }
    years.max(0)
}

async fn candidates<C: ConnectionTrait>(
    conn: &C,
    units: Option<&[Uuid]>,
    today: NaiveDate,
) -> ApiResult<CandidateList> {
    let published = store::career::published_periods(conn).await?;
    let years: Vec<i32> = store::career::annual_years(&published)
        .into_iter()
        .take(2)
        .collect();
    let rule = "Predikat tahunan minimal Baik pada dua periode tahunan terakhir dan berada di kotak 7, 8 atau 9".to_string();
    if years.len() < 2 {
        return Ok(CandidateList {
            years,
            rule,
            items: Vec::new(),
        });
    }
    let people = store::career::employees_in_units(conn, units).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let latest = places(conn, &published, years[0], &ids).await?;
    let previous = annual_results(conn, &published, years[1], &ids).await?;
    let chosen: Vec<&employee::Model> = people
        .iter()
        .filter(|e| {
            let now = latest.get(&e.id);
            let before = previous
                .get(&e.id)
                .and_then(|x| Predikat::parse(&x.predikat));
            ninebox::is_promotion_candidate(
                [now.and_then(|pl| pl.predikat), before],
                now.and_then(|pl| pl.box_),
            )
        })
        .collect();
    let chosen_ids: Vec<Uuid> = chosen.iter().map(|e| e.id).collect();
    let mut dev: HashMap<Uuid, Vec<CompletedDevelopment>> = HashMap::new();
    for (i, emp) in store::career::done_items(
        conn,
        &chosen_ids,
        super::career::EARLIEST,
        super::career::LATEST,
    )
    .await?
    {
        dev.entry(emp).or_default().push(CompletedDevelopment {
            title: i.title,
            completed_on: i.completed_on,
            hours: i.hours,
        });
    }
    let unit_map =
        store::units::find_by_ids(conn, chosen.iter().map(|e| e.unit_id).collect()).await?;
    let mut items: Vec<Candidate> = chosen
        .into_iter()
        .filter_map(|e| {
            let pl = latest.get(&e.id)?;
            let before = previous.get(&e.id).and_then(|x| Predikat::parse(&x.predikat))?;
            let tmt = tmt_of(&e.nip);
            Some(Candidate {
                nip: e.nip.clone(),
                name: display_name(e),
                unit_code: unit_map.get(&e.unit_id).map(|u| u.code.clone()).unwrap_or_default(),
                jabatan: e.jabatan.clone(),
                golongan: e.golongan.clone(),
                box_: pl.box_?,
                potensi: pl.potensi?,
                annual: vec![
                    AnnualResult {
                        year: years[0],
                        predikat: pl.predikat?,
                        predikat_label: pl.predikat?.label().into(),
                    },
                    AnnualResult {
                        year: years[1],
                        predikat: before,
                        predikat_label: before.label().into(),
                    },
                ],
                tmt_cpns: tmt.map(|(y, m)| match m {
                    Some(m) => format!("{y}-{m:02}"),
                    None => y.to_string(),
                }),
                masa_kerja_tahun: tmt.map(|t| masa_kerja(t, today)),
                masa_kerja_note: "Masa kerja dihitung dari TMT CPNS pada NIP; TMT golongan tidak tercatat di sistem".into(),
                completed_development: dev.remove(&e.id).unwrap_or_default(),
            })
        })
        .collect();
    items.sort_by(|a, b| {
        b.box_
            .cmp(&a.box_)
            .then(a.unit_code.cmp(&b.unit_code))
            .then(a.name.cmp(&b.name))
    });
    Ok(CandidateList { years, rule, items })
}

/// Promotion candidates of a unit (and below): Baik or better in each of the last two
/// annual periods and box 7, 8 or 9, with the evidence. Admin/HR/auditor and unit leaders.
#[utoipa::path(
    tag = "talent",
    params(UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CandidateList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/talent/candidates")]
pub async fn promotion_candidates(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<CandidateList>> {
    let db = &state.db.read;
    let units = authorised_units(db, &p, q.unit_code.as_deref()).await?;
    Ok(web::Json(
        candidates(db, units.as_deref(), today(&state)).await?,
    ))
}

/// The promotion candidates as CSV (same rule and visibility).
#[utoipa::path(
    tag = "talent",
    params(UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/talent/candidates.csv")]
pub async fn promotion_candidates_csv(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitQuery>,
) -> ApiResult<HttpResponse> {
    let db = &state.db.read;
    let units = authorised_units(db, &p, q.unit_code.as_deref()).await?;
    let list = candidates(db, units.as_deref(), today(&state)).await?;
    let mut rows = vec![
        [
            "nip",
            "nama",
            "unit_code",
            "jabatan",
            "golongan",
            "kotak",
            "potensi",
            "predikat_tahun_terakhir",
            "predikat_tahun_sebelumnya",
            "tmt_cpns",
            "masa_kerja_tahun",
            "pengembangan_selesai",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    for c in list.items {
        let annual = |i: usize| {
            c.annual
                .get(i)
                .map(|a| format!("{} {}", a.year, a.predikat_label))
                .unwrap_or_default()
        };
        rows.push(vec![
            c.nip.clone(),
            c.name.clone(),
            c.unit_code.clone(),
            c.jabatan.clone(),
            c.golongan.clone(),
            c.box_.to_string(),
            c.potensi.label().into(),
            annual(0),
            annual(1),
            c.tmt_cpns.clone().unwrap_or_default(),
            c.masa_kerja_tahun
                .map(|y| y.to_string())
                .unwrap_or_default(),
            c.completed_development
                .iter()
                .map(|d| d.title.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    csv_response("kandidat-promosi.csv", rows)
}

// ---------------------------------------------------------------------------------------
// Placement
// ---------------------------------------------------------------------------------------

#[derive(Deserialize, IntoParams)]
pub struct PlacementQuery {
    /// The vacant position's jabatan (its family is compared, without the jenjang).
    pub jabatan: Option<String>,
    /// Only this unit and below (required for unit leaders).
    pub unit_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlacementRow {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    pub latest_predikat: Option<Predikat>,
    pub latest_period: Option<String>,
    #[serde(rename = "box")]
    #[schema(rename = "box")]
    pub box_: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct PlacementList {
    pub family: String,
    pub jenjang: Option<String>,
    pub items: Vec<PlacementRow>,
}

/// Who fits a vacant position: employees of the same jabatan family, with their latest
/// published predikat and 9-box (best first). Admin/HR/auditor, and unit leaders for their
/// unit.
#[utoipa::path(
    tag = "talent",
    params(PlacementQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = PlacementList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, description = "jabatan missing or too long", body = ErrorResponse),
    )
)]
#[get("/talent/placement")]
pub async fn placement(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<PlacementQuery>,
) -> ApiResult<web::Json<PlacementList>> {
    let jabatan = q.jabatan.as_deref().map(str::trim).unwrap_or("");
    if jabatan.is_empty() {
        return Err(ApiError::field("jabatan", "Wajib diisi"));
    }
    if jabatan.chars().count() > 200 {
        return Err(ApiError::field("jabatan", "Maksimal 200 karakter"));
    }
    let db = &state.db.read;
    let units = authorised_units(db, &p, q.unit_code.as_deref()).await?;
    let parsed = parse_jabatan(jabatan);
    let key = parsed.family.to_lowercase();
    // Prefix match in SQL narrows the rows; the exact family comparison happens here.
    let people: Vec<employee::Model> =
        store::career::employees_with_jabatan_prefix(db, &parsed.family, units.as_deref())
            .await?
            .into_iter()
            .filter(|e| family_key(&e.jabatan) == key)
            .collect();
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let published = store::career::published_periods(db).await?;
    let pids: Vec<Uuid> = published.iter().map(|p| p.id).collect();
    let order: HashMap<Uuid, usize> = published
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let mut latest: HashMap<Uuid, (usize, Predikat)> = HashMap::new();
    for e in store::career::evaluations_of(db, &pids, &ids).await? {
        let (Some(rank), Some(pr)) = (order.get(&e.period_id), Predikat::parse(&e.predikat)) else {
            continue;
        };
        let newer = latest.get(&e.employee_id).is_none_or(|(r, _)| rank < r);
        if newer {
            latest.insert(e.employee_id, (*rank, pr));
        }
    }
    let year = grid_year(&published, None, today(&state).year())?;
    let placed = places(db, &published, year, &ids).await?;
    let unit_map =
        store::units::find_by_ids(db, people.iter().map(|e| e.unit_id).collect()).await?;
    let mut items: Vec<PlacementRow> = people
        .iter()
        .map(|e| {
            let l = latest.get(&e.id);
            PlacementRow {
                nip: e.nip.clone(),
                name: display_name(e),
                jabatan: e.jabatan.clone(),
                unit_code: unit_map
                    .get(&e.unit_id)
                    .map(|u| u.code.clone())
                    .unwrap_or_default(),
                latest_predikat: l.map(|(_, p)| *p),
                latest_period: l
                    .and_then(|(r, _)| published.get(*r))
                    .map(|p| p.name.clone()),
                box_: placed.get(&e.id).and_then(|pl| pl.box_),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        b.box_
            .cmp(&a.box_)
            .then(
                a.latest_predikat
                    .map(|p| p.siasn_code())
                    .unwrap_or(9)
                    .cmp(&b.latest_predikat.map(|p| p.siasn_code()).unwrap_or(9)),
            )
            .then(a.name.cmp(&b.name))
    });
    Ok(web::Json(PlacementList {
        family: parsed.family,
        jenjang: parsed.jenjang.map(|j| j.label().to_string()),
        items,
    }))
}

// ---------------------------------------------------------------------------------------
// Angka kredit
// ---------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct AkPeriod {
    pub period_id: Uuid,
    pub name: String,
    pub months: u32,
    pub predikat: Predikat,
    /// 1.5 = 150%.
    pub percentage: f64,
    /// The jabatan at the time (evaluation snapshot).
    pub jabatan: String,
    pub jenjang: Option<Jenjang>,
    pub coefficient: Option<f64>,
    /// None when the jabatan then had no jenjang (not functional).
    pub ak: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct EmployeeAk {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub family: String,
    pub jenjang: Option<Jenjang>,
    pub coefficient: Option<f64>,
    pub functional: bool,
    pub year: i32,
    pub formula: String,
    pub periods: Vec<AkPeriod>,
    pub total_ak: f64,
}

/// The published periods of a year used for angka kredit: quarters when any are
/// published, otherwise months (never both, so months are not counted twice).
fn ak_periods(published: &[period::Model], year: i32) -> Vec<period::Model> {
    let of_year: Vec<&period::Model> = published.iter().filter(|p| p.year == year).collect();
    let kind = if of_year.iter().any(|p| p.kind == "quarterly") {
        "quarterly"
    } else {
        "monthly"
    };
    let mut out: Vec<period::Model> = of_year
        .into_iter()
        .filter(|p| p.kind == kind)
        .cloned()
        .collect();
    out.sort_by_key(|p| p.number);
    out
}

fn ak_rows(periods: &[period::Model], evals: &[&evaluation::Model]) -> Vec<AkPeriod> {
    periods
        .iter()
        .filter_map(|per| {
            let e = evals.iter().find(|e| e.period_id == per.id)?;
            let pr = Predikat::parse(&e.predikat)?;
            let months = ak::months_of(&per.kind);
            let jenjang = parse_jabatan(&e.jabatan).jenjang;
            Some(AkPeriod {
                period_id: per.id,
                name: per.name.clone(),
                months,
                predikat: pr,
                percentage: ak::percentage(pr),
                jabatan: e.jabatan.clone(),
                jenjang,
                coefficient: jenjang.map(Jenjang::coefficient),
                ak: jenjang.map(|j| ak::angka_kredit(pr, j, months)),
            })
        })
        .collect()
}

fn total(rows: &[AkPeriod]) -> f64 {
    (rows.iter().filter_map(|r| r.ak).sum::<f64>() * 1000.0).round() / 1000.0
}

const AK_FORMULA: &str = "AK = persentase predikat × koefisien jenjang × bulan ÷ 12 (Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%)";

/// Angka kredit of an employee in a year, per published period (the employee, their
/// supervisor chain, admin/HR/auditor).
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path), super::career::YearQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = EmployeeAk),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/angka-kredit")]
pub async fn employee_angka_kredit(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<super::career::YearQuery>,
) -> ApiResult<web::Json<EmployeeAk>> {
    let year = valid_year(q.year, today(&state).year())?;
    let db = &state.db.read;
    let emp = employee_by_nip(db, &nip).await?;
    policy::require(policy::can_read_performance(db, &p, &emp).await?)?;
    let published = store::career::published_periods(db).await?;
    let periods = ak_periods(&published, year);
    let pids: Vec<Uuid> = periods.iter().map(|p| p.id).collect();
    let evals = store::career::evaluations_of(db, &pids, &[emp.id]).await?;
    let refs: Vec<&evaluation::Model> = evals.iter().collect();
    let rows = ak_rows(&periods, &refs);
    let parsed = parse_jabatan(&emp.jabatan);
    Ok(web::Json(EmployeeAk {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        jabatan: emp.jabatan.clone(),
        family: parsed.family,
        jenjang: parsed.jenjang,
        coefficient: parsed.jenjang.map(Jenjang::coefficient),
        functional: emp.jenis_jabatan == "fungsional" || parsed.jenjang.is_some(),
        year,
        formula: AK_FORMULA.into(),
        total_ak: total(&rows),
        periods: rows,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct UnitAkRow {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    pub jabatan: String,
    pub jenjang: Option<Jenjang>,
    pub coefficient: Option<f64>,
    pub periods: usize,
    pub total_ak: f64,
}

#[derive(Serialize, ToSchema)]
pub struct UnitAk {
    pub year: i32,
    pub formula: String,
    pub items: Vec<UnitAkRow>,
}

async fn unit_ak<C: ConnectionTrait>(
    conn: &C,
    units: Option<&[Uuid]>,
    year: i32,
) -> ApiResult<UnitAk> {
    let people: Vec<employee::Model> = store::career::employees_in_units(conn, units)
        .await?
        .into_iter()
        .filter(|e| e.jenis_jabatan == "fungsional" || parse_jabatan(&e.jabatan).jenjang.is_some())
        .collect();
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let published = store::career::published_periods(conn).await?;
    let periods = ak_periods(&published, year);
    let pids: Vec<Uuid> = periods.iter().map(|p| p.id).collect();
    let evals = store::career::evaluations_of(conn, &pids, &ids).await?;
    let mut by_emp: HashMap<Uuid, Vec<&evaluation::Model>> = HashMap::new();
    for e in &evals {
        by_emp.entry(e.employee_id).or_default().push(e);
    }
    let unit_map =
        store::units::find_by_ids(conn, people.iter().map(|e| e.unit_id).collect()).await?;
    let items = people
        .iter()
        .map(|e| {
            let rows = ak_rows(
                &periods,
                by_emp.get(&e.id).map(Vec::as_slice).unwrap_or(&[]),
            );
            let jenjang = parse_jabatan(&e.jabatan).jenjang;
            UnitAkRow {
                nip: e.nip.clone(),
                name: display_name(e),
                unit_code: unit_map
                    .get(&e.unit_id)
                    .map(|u| u.code.clone())
                    .unwrap_or_default(),
                jabatan: e.jabatan.clone(),
                jenjang,
                coefficient: jenjang.map(Jenjang::coefficient),
                periods: rows.len(),
                total_ak: total(&rows),
            }
        })
        .collect();
    Ok(UnitAk {
        year,
        formula: AK_FORMULA.into(),
        items,
    })
}

/// Angka kredit of the functional employees of a unit (and below) in a year:
/// admin/HR/auditor and the unit's leaders.
#[utoipa::path(
    tag = "talent",
    params(super::career::UnitYearQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = UnitAk),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/talent/angka-kredit")]
pub async fn unit_angka_kredit(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<super::career::UnitYearQuery>,
) -> ApiResult<web::Json<UnitAk>> {
    let year = valid_year(q.year, today(&state).year())?;
    let db = &state.db.read;
    let units = authorised_units(db, &p, q.unit_code.as_deref()).await?;
    Ok(web::Json(unit_ak(db, units.as_deref(), year).await?))
}

/// The same angka kredit list as CSV.
#[utoipa::path(
    tag = "talent",
    params(super::career::UnitYearQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[get("/talent/angka-kredit.csv")]
pub async fn unit_angka_kredit_csv(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<super::career::UnitYearQuery>,
) -> ApiResult<HttpResponse> {
    let year = valid_year(q.year, today(&state).year())?;
    let db = &state.db.read;
    let units = authorised_units(db, &p, q.unit_code.as_deref()).await?;
    let list = unit_ak(db, units.as_deref(), year).await?;
    let mut rows = vec![
        [
            "nip",
            "nama",
            "unit_code",
            "jabatan",
            "jenjang",
            "koefisien",
            "jumlah_periode",
            "tahun",
            "angka_kredit",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    for r in list.items {
        rows.push(vec![
            r.nip,
            r.name,
            r.unit_code,
            r.jabatan,
            r.jenjang.map(|j| j.label().to_string()).unwrap_or_default(),
            r.coefficient.map(|c| c.to_string()).unwrap_or_default(),
            r.periods.to_string(),
            year.to_string(),
            r.total_ak.to_string(),
        ]);
    }
    csv_response(&format!("angka-kredit-{year}.csv"), rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tmt_comes_from_the_nip() {
        assert_eq!(tmt_of("199002022015032003"), Some((2015, Some(3))));
        assert_eq!(tmt_of("199207152022212001"), Some((2022, None)));
        assert_eq!(tmt_of("123"), None);
        let d = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default();
        assert_eq!(masa_kerja((2015, Some(3)), d), 10);
        assert_eq!(masa_kerja((2015, Some(1)), d), 11);
    }
}
