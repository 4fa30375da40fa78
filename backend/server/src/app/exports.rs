//! Use cases of `exports` (see `api::exports` for the HTTP side): a period's results in
//! SIASN shape, and as spreadsheet rows (CSV, XLSX) with the same columns.
//!
//! The rows are those of `GET /periods/{id}/results` (`store::results::list_results`: one
//! query per table), sorted by unit, then name.

use chrono::Datelike;
use rust_xlsxwriter::{Format, Workbook};
use uuid::Uuid;

use crate::domain::evaluation::ResultStatus;
use crate::domain::period::{PeriodKind, is_annual};
use crate::domain::predikat::{Predikat, Rating};
use crate::domain::siasn::status_penilai;
use crate::dto::evaluations::{display_name, golongan_siasn};
use crate::dto::exports::{KinerjaPeriodik, SiasnItem, SiasnList, Skp22};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::results::ResultRow;

/// The rows an XLSX sheet can hold below its header.
pub const XLSX_MAX_ROWS: usize = 1_048_575;

/// Loads the period and its result rows (sorted by unit, then name) for an export (the
/// caller has checked `policy::cycle::can_read_results`).
async fn load(
    state: &AppState,
    id: Uuid,
    unit_code: Option<&str>,
) -> ApiResult<(entity::period::Model, Vec<ResultRow>)> {
    let (period, mut rows) = super::evaluations::period_results(state, id, unit_code).await?;
    rows.sort_by_cached_key(|r| {
        (
            r.unit.as_ref().map(|u| u.code.clone()).unwrap_or_default(),
            display_name(&r.employee),
        )
    });
    Ok((period, rows))
}

fn row_status(period: &entity::period::Model, row: &ResultRow) -> ResultStatus {
    super::evaluations::row_status(&period.state, row)
}

fn siasn_item(period: &entity::period::Model, row: &ResultRow) -> Option<SiasnItem> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?.siasn_code();
    let pk = Rating::parse(&e.rating_perilaku)?.siasn_code();
    let pr = Predikat::parse(&e.predikat)?.siasn_code();
    let penilai_nama = display_name(&row.penilai);
    let penilai_golongan = golongan_siasn(&row.penilai.status, &e.penilai_golongan);
    let unor = row
        .penilai_unit
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let status = row_status(period, row);
    let nip = row.employee.nip.clone();
    let bodies = super::siasn::bodies(period, row)?;
    Some(SiasnItem {
        pns_id: row.employee.pns_id.clone(),
        skp22_save: bodies.skp22,
        kinerjaperiodik_save: bodies.kinerjaperiodik,
        gaps: bodies.gaps,
        nip: nip.clone(),
        name: display_name(&row.employee),
        unit_code: row
            .unit
            .as_ref()
            .map(|u| u.code.clone())
            .unwrap_or_default(),
        status,
        ready: status.is_ready(),
        skp22: is_annual(&period.kind, period.number).then(|| Skp22 {
            tahun: period.year,
            hasil_kinerja_nilai: hk,
            perilaku_kerja_nilai: pk,
            kuadran_kinerja_nilai: pr,
            pns_dinilai_id: nip.clone(),
            nip: nip.clone(),
            penilai_nip: row.penilai.nip.clone(),
            penilai_nama: penilai_nama.clone(),
            penilai_golongan: penilai_golongan.clone(),
            penilai_jabatan: e.penilai_jabatan.clone(),
            penilai_unor_nama: unor.clone(),
            status_penilai: status_penilai(&row.penilai.status).into(),
        }),
        kinerjaperiodik: KinerjaPeriodik {
            periode_mulai: period.starts_on.month(),
            periode_akhir: period.ends_on.month(),
            tahun: period.year,
            hasil_kinerja_nilai: hk,
            perilaku_kerja_nilai: pk,
            kuadran_kinerja_nilai: pr,
            pns_dinilai_id: nip.clone(),
            nip,
            penilai_nip: row.penilai.nip.clone(),
            penilai_nama,
            penilai_golongan,
            penilai_jabatan: e.penilai_jabatan.clone(),
            penilai_unor_nama: unor,
            status_penilai: status_penilai(&row.penilai.status).into(),
        },
    })
}

/// The period's results in SIASN shape.
pub async fn siasn(state: &AppState, id: Uuid, unit_code: Option<&str>) -> ApiResult<SiasnList> {
    let (period, rows) = load(state, id, unit_code).await?;
    Ok(SiasnList {
        period_id: period.id,
        items: rows.iter().filter_map(|r| siasn_item(&period, r)).collect(),
    })
}

/// The export columns: Indonesian header and XLSX width.
const COLUMNS: [(&str, f64); 18] = [
    ("NIP", 21.0),
    ("Nama", 32.0),
    ("Golongan", 10.0),
    ("Jabatan", 30.0),
    ("Kode Unit", 14.0),
    ("Nama Unit", 30.0),
    ("Rating Hasil Kerja", 22.0),
    ("Nilai Hasil Kerja", 10.0),
    ("Rating Perilaku Kerja", 22.0),
    ("Nilai Perilaku Kerja", 10.0),
    ("Predikat", 18.0),
    ("Kode Predikat", 10.0),
    ("NIP Penilai", 21.0),
    ("Nama Penilai", 32.0),
    ("Jabatan Penilai", 30.0),
    ("Golongan Penilai", 10.0),
    ("Unit Penilai", 30.0),
    ("Status", 14.0),
];

/// Which columns hold numbers (written as numbers in XLSX).
const NUMERIC: [usize; 3] = [7, 9, 11];

/// One export row as text cells, in the order of [`COLUMNS`].
fn cells(period: &entity::period::Model, row: &ResultRow) -> Option<Vec<String>> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?;
    let pk = Rating::parse(&e.rating_perilaku)?;
    let pr = Predikat::parse(&e.predikat)?;
    Some(vec![
        row.employee.nip.clone(),
        display_name(&row.employee),
        e.golongan.clone(),
        e.jabatan.clone(),
        row.unit
            .as_ref()
            .map(|u| u.code.clone())
            .unwrap_or_default(),
        row.unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        hk.label().into(),
        hk.siasn_code().to_string(),
        pk.label().into(),
        pk.siasn_code().to_string(),
        pr.label().into(),
        pr.siasn_code().to_string(),
        row.penilai.nip.clone(),
        display_name(&row.penilai),
        e.penilai_jabatan.clone(),
        e.penilai_golongan.clone(),
        row.penilai_unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        row_status(period, row).as_str().into(),
    ])
}

/// The download name: `hasil-kinerja-2026-triwulan-2.csv`.
pub fn filename(period: &entity::period::Model, ext: &str) -> String {
    let kind = if PeriodKind::parse(&period.kind) == Some(PeriodKind::Monthly) {
        "bulan"
    } else {
        "triwulan"
    };
    format!(
        "hasil-kinerja-{}-{kind}-{}.{ext}",
        period.year, period.number
    )
}

/// A spreadsheet export: the period (for the file name) and the rows.
pub struct Sheet {
    pub period: entity::period::Model,
    /// One row of text cells per employee, in the order of [`COLUMNS`].
    pub rows: Vec<Vec<String>>,
    /// Result rows before dropping unrecognised ones (the XLSX size check counts these).
    pub loaded: usize,
}

impl Sheet {
    pub fn file_name(&self, ext: &str) -> String {
        filename(&self.period, ext)
    }

    /// The header row.
    pub fn header() -> Vec<String> {
        COLUMNS.iter().map(|(h, _)| h.to_string()).collect()
    }
}

/// The period's results as spreadsheet rows.
pub async fn sheet(state: &AppState, id: Uuid, unit_code: Option<&str>) -> ApiResult<Sheet> {
    let (period, rows) = load(state, id, unit_code).await?;
    let cells: Vec<Vec<String>> = rows.iter().filter_map(|r| cells(&period, r)).collect();
    Ok(Sheet {
        period,
        rows: cells,
        loaded: rows.len(),
    })
}

/// The workbook: one sheet "Hasil Kinerja", a bold header row, numbers as numbers.
pub fn xlsx(rows: Vec<Vec<String>>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Hasil Kinerja")?;
    let bold = Format::new().set_bold();
    for (col, (header, width)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, *header, &bold)?;
        ws.set_column_width(col, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, cells) in rows.into_iter().enumerate() {
        let row = (i + 1) as u32;
        for (col, value) in cells.into_iter().enumerate() {
            let number = NUMERIC
                .contains(&col)
                .then(|| value.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => ws.write_number(row, col as u16, n)?,
                None => ws.write_string(row, col as u16, value)?,
            };
        }
    }
    wb.save_to_buffer()
}
