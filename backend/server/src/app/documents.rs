//! Use cases of the official documents (ADR 0022; see `api::documents` for the HTTP side):
//! an employee's SKP of a year and their Dokumen Evaluasi Kinerja of a period, as PDF.
//!
//! Invariants: who may download is `auth::policy::documents` (an invisible employee is a
//! 404); the evaluation document exists only for a published period (409
//! `period_not_published` before), with the values as they stand (an open appeal is
//! printed as a banner); identities are the evaluation's snapshots (golongan, jabatan,
//! units); no 360 rater and no 360 number is printed, only the supervisor's ratings and
//! written feedback. Rendering runs off the async executor.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::documents::{
    self, BehaviourLine, EvaluasiDoc, HasilKerjaLine, IndicatorLine, PerilakuLine, Person, RhkLine,
    SkpDoc,
};
use crate::domain::berakhlak::CoreValue;
use crate::domain::distribution::OrgResult;
use crate::domain::evaluation::ResultStatus;
use crate::domain::golongan;
use crate::domain::period::PeriodKind;
use crate::domain::predikat::{Predikat, Rating};
use crate::domain::skp::{RhkKind, SkpStatus};
use crate::dto::evaluations::display_name;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::AppState;
use crate::store;

/// A rendered document and the name to save it under (only the NIP as personal data).
pub struct PdfFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The employee by NIP if the caller may download their documents (404 otherwise).
async fn downloadable_employee<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    nip: &str,
) -> ApiResult<entity::employee::Model> {
    let e = super::skp::employee_by_nip(conn, nip).await?;
    if !policy::documents::can_download_documents(conn, p, &e).await? {
        return Err(super::skp::employee_not_found(nip));
    }
    Ok(e)
}

/// "Penata Muda Tk I, III/b" for a PNS golongan; the written golongan otherwise.
fn pangkat_golongan(status: &str, code: &str) -> String {
    match golongan::find(status, code).and_then(|g| g.pangkat) {
        Some(pangkat) => format!("{pangkat}, {code}"),
        None => code.to_string(),
    }
}

async fn unit_names<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<Uuid>,
) -> ApiResult<HashMap<Uuid, String>> {
    Ok(store::units::find_by_ids(conn, ids)
        .await?
        .into_iter()
        .map(|(id, u)| (id, u.name))
        .collect())
}

fn person(
    e: &entity::employee::Model,
    golongan: &str,
    jabatan: &str,
    unit_id: Uuid,
    units: &HashMap<Uuid, String>,
) -> Person {
    Person {
        name: display_name(e),
        nip: e.nip.clone(),
        pangkat_golongan: pangkat_golongan(&e.status, golongan),
        jabatan: jabatan.to_string(),
        unit: units.get(&unit_id).cloned().unwrap_or_default(),
    }
}

/// A number as written in Indonesian (decimal comma, no trailing zeros).
fn angka(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

fn target(i: &entity::indicator::Model) -> String {
    match (i.target_value, &i.target_text) {
        (Some(v), _) => format!("{} {}", angka(v), i.target_unit.as_deref().unwrap_or(""))
            .trim()
            .to_string(),
        (None, Some(t)) => t.clone(),
        (None, None) => "-".into(),
    }
}

fn aspect(a: &str) -> String {
    let mut c = a.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn local_date(state: &AppState, t: Option<DateTime<Utc>>) -> Option<chrono::NaiveDate> {
    t.map(|t| t.with_timezone(&state.settings.local_offset()).date_naive())
}

fn year_text(year: i32) -> String {
    format!("1 Januari s.d. 31 Desember {year}")
}

async fn render<D: Send + 'static>(
    doc: D,
    f: fn(&D) -> Result<Vec<u8>, String>,
) -> ApiResult<Vec<u8>> {
    tokio::task::spawn_blocking(move || f(&doc))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("document rendering: {e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("document rendering: {e}")))
}

/// The employee's SKP of the year as PDF (any status; a plan that is not approved carries
/// a banner saying so).
pub async fn skp_pdf(state: &AppState, p: &Principal, nip: &str, year: i32) -> ApiResult<PdfFile> {
    super::skp::check_year(year, "year")?;
    let db = &state.db.read;
    let employee = downloadable_employee(db, p, nip).await?;
    let plan = store::skp::find(db, employee.id, year)
        .await?
        .ok_or_else(|| super::skp::skp_not_found(year))?;
    let rhks = store::skp::list_rhks(db, plan.id).await?;
    let mut indicators =
        store::skp::list_indicators(db, rhks.iter().map(|r| r.id).collect()).await?;
    let parents =
        store::skp::list_rhks_by_ids(db, rhks.iter().filter_map(|r| r.parent_rhk_id).collect())
            .await?;
    let expectations: HashMap<String, String> = store::skp::list_expectations(db, plan.id)
        .await?
        .into_iter()
        .map(|e| (e.value_code, e.expectation))
        .collect();
    let penilai = match plan.approver_id.or(employee.supervisor_id) {
        Some(id) => store::employees::find_by_id(db, id).await?,
        None => None,
    };
    let units = unit_names(
        db,
        [Some(plan.unit_id), penilai.as_ref().map(|e| e.unit_id)]
            .into_iter()
            .flatten()
            .collect(),
    )
    .await?;
    let status = SkpStatus::parse(&plan.status).unwrap_or(SkpStatus::Draft);
    let (mut utama, mut tambahan) = (Vec::new(), Vec::new());
    for r in rhks {
        let line = RhkLine {
            parent: r
                .parent_rhk_id
                .and_then(|id| parents.get(&id))
                .map(|p| p.description.clone()),
            indicators: indicators
                .remove(&r.id)
                .unwrap_or_default()
                .iter()
                .map(|i| IndicatorLine {
                    aspect: aspect(&i.aspect),
                    description: i.description.clone(),
                    target: target(i),
                })
                .collect(),
            description: r.description,
        };
        match RhkKind::parse(&r.kind) {
            Some(RhkKind::Utama) => utama.push(line),
            _ => tambahan.push(line),
        }
    }
    let doc = SkpDoc {
        agency: state.settings.document_agency.clone(),
        year,
        period_text: year_text(year),
        status_note: (status != SkpStatus::Approved).then(|| {
            format!(
                "DRAF — SKP ini belum disetujui pejabat penilai kinerja (status: {}).",
                skp_status_label(status)
            )
        }),
        pegawai: person(
            &employee,
            &employee.golongan,
            &plan.jabatan,
            plan.unit_id,
            &units,
        ),
        penilai: penilai
            .as_ref()
            .map(|e| person(e, &e.golongan, &e.jabatan, e.unit_id, &units)),
        utama,
        tambahan,
        perilaku: CoreValue::ALL
            .into_iter()
            .map(|v| BehaviourLine {
                name: v.info().name_id.to_string(),
                indicators: v
                    .info()
                    .indicators_id
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                expectation: expectations.get(v.as_str()).cloned(),
            })
            .collect(),
        place_date: documents::place_date(
            &state.settings.document_place,
            local_date(
                state,
                plan.decided_at.filter(|_| status == SkpStatus::Approved),
            ),
        ),
    };
    Ok(PdfFile {
        file_name: format!("SKP-{year}-{}.pdf", employee.nip),
        bytes: render(doc, documents::render_skp).await?,
    })
}

fn skp_status_label(s: SkpStatus) -> &'static str {
    match s {
        SkpStatus::Draft => "Draf",
        SkpStatus::Submitted => "Diajukan",
        SkpStatus::Approved => "Disetujui",
        SkpStatus::Returned => "Dikembalikan",
    }
}

/// The period's short name in a file name: `TW1` for a quarter, `B03` for a month.
fn period_tag(period: &entity::period::Model) -> String {
    match PeriodKind::parse(&period.kind) {
        Some(PeriodKind::Monthly) => format!("B{:02}", period.number),
        _ => format!("TW{}", period.number),
    }
}

/// The employee's Dokumen Evaluasi Kinerja of a published period as PDF.
pub async fn evaluasi_pdf(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
) -> ApiResult<PdfFile> {
    let db = &state.db.read;
    let employee = downloadable_employee(db, p, nip).await?;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(super::evaluations::period_not_found)?;
    let evaluation = store::evaluations::list_evaluations_of_employee(db, employee.id)
        .await?
        .into_iter()
        .find(|e| e.period_id == period.id)
        .ok_or_else(|| {
            ApiError::NotFound(format!(
                "Pegawai dengan NIP {nip} tidak memiliki penilaian pada periode ini"
            ))
        })?;
    let row = store::results::list_result_rows(db, vec![evaluation])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("evaluation row without people")))?;
    let status = super::evaluations::row_status(&period.state, &row);
    if !matches!(status, ResultStatus::Published | ResultStatus::UnderAppeal) {
        return Err(ApiError::conflict(
            ErrorCode::PeriodNotPublished,
            "Dokumen Evaluasi Kinerja tersedia setelah hasil periode ini dipublikasikan",
        ));
    }
    let e = &row.evaluation;
    let (hk, pk, pr) = match (
        Rating::parse(&e.rating_hasil_kerja),
        Rating::parse(&e.rating_perilaku),
        Predikat::parse(&e.predikat),
    ) {
        (Some(hk), Some(pk), Some(pr)) => (hk, pk, pr),
        _ => return Err(ApiError::Internal(anyhow::anyhow!("unknown stored rating"))),
    };
    let atasan = match row.penilai.supervisor_id {
        Some(id) => store::employees::find_by_id(db, id).await?,
        None => None,
    };
    let units = unit_names(
        db,
        [
            Some(e.unit_id),
            Some(e.penilai_unit_id),
            atasan.as_ref().map(|a| a.unit_id),
        ]
        .into_iter()
        .flatten()
        .collect(),
    )
    .await?;
    let org = store::results::find_org_result(db, period.id, e.unit_id)
        .await?
        .and_then(|o| OrgResult::parse(&o.result))
        .map_or("-".to_string(), |o| o.label().to_string());
    let notes = store::coaching::list_notes_of_period(db, employee.id, period.id).await?;
    let hasil_kerja = hasil_kerja(db, &employee, &period, &notes).await?;
    let perilaku = perilaku(db, &employee, period.year, &notes).await?;
    let doc = EvaluasiDoc {
        agency: state.settings.document_agency.clone(),
        period_name: period.name.clone(),
        period_text: format!(
            "{} s.d. {}",
            documents::tanggal(period.starts_on),
            documents::tanggal(period.ends_on)
        ),
        status_note: (status == ResultStatus::UnderAppeal).then(|| {
            "Keberatan atas hasil ini sedang diproses; rating dan predikat dapat berubah.".into()
        }),
        pegawai: person(&row.employee, &e.golongan, &e.jabatan, e.unit_id, &units),
        penilai: person(
            &row.penilai,
            &e.penilai_golongan,
            &e.penilai_jabatan,
            e.penilai_unit_id,
            &units,
        ),
        atasan_penilai: atasan
            .as_ref()
            .map(|a| person(a, &a.golongan, &a.jabatan, a.unit_id, &units)),
        capaian_organisasi: org,
        rating_hasil_kerja: hk.label().to_string(),
        rating_perilaku: pk.label().to_string(),
        predikat: pr.label().to_string(),
        catatan: e.justification.clone().unwrap_or_else(|| "-".into()),
        hasil_kerja,
        perilaku,
        place_date: documents::place_date(
            &state.settings.document_place,
            local_date(state, period.published_at),
        ),
    };
    Ok(PdfFile {
        file_name: format!(
            "Evaluasi-Kinerja-{}-{}-{}.pdf",
            period.year,
            period_tag(&period),
            employee.nip
        ),
        bytes: render(doc, documents::render_evaluasi).await?,
    })
}

fn joined(notes: impl Iterator<Item = String>) -> String {
    let all: Vec<String> = notes.collect();
    if all.is_empty() {
        "-".into()
    } else {
        all.join("\n")
    }
}

/// Each indicator of the year's plan with its target, the period's realisasi and the
/// feedback given on its RHK in the period.
async fn hasil_kerja<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    period: &entity::period::Model,
    notes: &[entity::feedback_note::Model],
) -> ApiResult<Vec<HasilKerjaLine>> {
    let Some(plan) = store::skp::find(conn, employee.id, period.year).await? else {
        return Ok(Vec::new());
    };
    let mut rhks = store::skp::list_rhks(conn, plan.id).await?;
    // Utama before tambahan, each in the plan's order.
    rhks.sort_by_key(|r| (RhkKind::parse(&r.kind) != Some(RhkKind::Utama), r.position));
    let mut indicators =
        store::skp::list_indicators(conn, rhks.iter().map(|r| r.id).collect()).await?;
    let realisasi = store::realisasi::list_of_employee_period(conn, employee.id, period.id).await?;
    let mut out = Vec::new();
    for r in &rhks {
        let kind = match RhkKind::parse(&r.kind) {
            Some(RhkKind::Utama) => "Utama",
            _ => "Tambahan",
        };
        let feedback = joined(
            notes
                .iter()
                .filter(|n| n.rhk_id == Some(r.id))
                .map(|n| n.body.clone()),
        );
        for i in indicators.remove(&r.id).unwrap_or_default() {
            let done = realisasi.get(&i.id);
            let value = match done {
                Some(x) => match (x.value_number, &x.value_text) {
                    (Some(v), _) => {
                        format!("{} {}", angka(v), i.target_unit.as_deref().unwrap_or(""))
                            .trim()
                            .to_string()
                    }
                    (None, Some(t)) => t.clone(),
                    (None, None) => "-".into(),
                },
                None => "-".into(),
            };
            out.push(HasilKerjaLine {
                kind: kind.into(),
                rhk: r.description.clone(),
                indicator: i.description.clone(),
                target: target(&i),
                realisasi: value,
                feedback: feedback.clone(),
            });
        }
    }
    Ok(out)
}

/// The seven BerAKHLAK values with the plan's expectations and the period's feedback.
async fn perilaku<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    year: i32,
    notes: &[entity::feedback_note::Model],
) -> ApiResult<Vec<PerilakuLine>> {
    let expectations: HashMap<String, String> =
        match store::skp::find(conn, employee.id, year).await? {
            Some(plan) => store::skp::list_expectations(conn, plan.id)
                .await?
                .into_iter()
                .map(|e| (e.value_code, e.expectation))
                .collect(),
            None => HashMap::new(),
        };
    Ok(CoreValue::ALL
        .into_iter()
        .map(|v| PerilakuLine {
            name: v.info().name_id.to_string(),
            expectation: expectations
                .get(v.as_str())
                .cloned()
                .unwrap_or_else(|| "-".into()),
            feedback: joined(
                notes
                    .iter()
                    .filter(|n| n.value_code.as_deref() == Some(v.as_str()))
                    .map(|n| n.body.clone()),
            ),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_with_a_decimal_comma_and_no_trailing_zeros() {
        assert_eq!(angka(12.0), "12");
        assert_eq!(angka(12.5), "12,5");
        assert_eq!(angka(0.25), "0,25");
    }

    #[test]
    fn pangkat_comes_with_the_golongan_of_a_pns() {
        assert_eq!(pangkat_golongan("PNS", "III/b"), "Penata Muda Tk I, III/b");
        assert_eq!(pangkat_golongan("PPPK", "IX"), "IX");
    }
}
