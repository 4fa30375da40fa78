//! SIASN (BKN): the exact `skp22/save` and `kinerjaperiodik/save` bodies of a result row
//! (also shown by `GET /periods/{id}/results/siasn`) and the push (`push`), ADR 0020 and
//! docs/siasn.md.
//!
//! Which body: every period gives `kinerjaperiodik` (monthly `periodikId` 1, quarterly 2)
//! for employees in a functional jabatan (SIASN's `koefisienId` needs the jenjang); the
//! annual evaluation (Triwulan IV, or December) also gives `skp22`. Both need the
//! employee's SIASN PNS id (`pns_id`).

pub mod push;

use chrono::Datelike;

use crate::domain::angka_kredit::parse_jabatan;
use crate::domain::period::{PeriodKind, is_annual};
use crate::domain::predikat::{Predikat, Rating};
use crate::domain::siasn::{koefisien_id, periodik_id, status_penilai};
use crate::dto::evaluations::{display_name, golongan_siasn};
use crate::dto::exports::{KinerjaPeriodikSave, SiasnGap, Skp22Save};
use crate::store::results::ResultRow;

/// A row's SIASN bodies and what keeps a body from being made.
pub struct Bodies {
    pub skp22: Option<Skp22Save>,
    pub kinerjaperiodik: Option<KinerjaPeriodikSave>,
    pub gaps: Vec<SiasnGap>,
}

/// The SIASN bodies of a result row; `None` when the row's ratings are not recognised.
pub fn bodies(period: &entity::period::Model, row: &ResultRow) -> Option<Bodies> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?.siasn_code();
    let pk = Rating::parse(&e.rating_perilaku)?.siasn_code();
    let predikat = Predikat::parse(&e.predikat)?;
    let pr = predikat.siasn_code();
    let mut gaps = Vec::new();
    let Some(pns_id) = row.employee.pns_id.clone() else {
        gaps.push(SiasnGap::MissingPnsId);
        return Some(Bodies {
            skp22: None,
            kinerjaperiodik: None,
            gaps,
        });
    };
    let penilai_golongan = golongan_siasn(&row.penilai.status, &e.penilai_golongan);
    let penilai_nama = display_name(&row.penilai);
    let penilai_unor = row
        .penilai_unit
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_default();
    let status = status_penilai(&row.penilai.status).to_string();
    let skp22 = is_annual(&period.kind, period.number).then(|| Skp22Save {
        id: None,
        hasil_kinerja_nilai: hk,
        kuadran_kinerja_nilai: pr,
        path: Vec::new(),
        penilai_golongan: penilai_golongan.clone(),
        penilai_jabatan: e.penilai_jabatan.clone(),
        penilai_nama: penilai_nama.clone(),
        penilai_nip_nrp: row.penilai.nip.clone(),
        penilai_unor_nama: penilai_unor.clone(),
        perilaku_kerja_nilai: pk,
        pns_dinilai_orang: pns_id.clone(),
        status_penilai: status.clone(),
        tahun: period.year,
    });
    let kind = PeriodKind::parse(&period.kind).unwrap_or(PeriodKind::Quarterly);
    let kinerjaperiodik = match parse_jabatan(&e.jabatan).jenjang {
        None => {
            gaps.push(SiasnGap::NotFunctional);
            None
        }
        Some(j) => Some(KinerjaPeriodikSave {
            id: None,
            bulan_mulai_penilaian: period.starts_on.month(),
            bulan_selesai_penilaian: period.ends_on.month(),
            hasil_kinerja_nilai: hk,
            koefisien_id: koefisien_id(j, predikat),
            kuadran_kinerja_nilai: pr,
            path: Vec::new(),
            penilai_golongan,
            penilai_jabatan_nama: e.penilai_jabatan.clone(),
            penilai_nama,
            penilai_nip_nrp: row.penilai.nip.clone(),
            penilai_unor_nama: penilai_unor,
            perilaku_kerja_nilai: pk,
            periodik_id: periodik_id(kind).to_string(),
            pns_dinilai_id: pns_id,
            status_penilai: status,
            tahun: period.year,
            tahun_mulai_penilaian: period.starts_on.year(),
            tahun_selesai_penilaian: period.ends_on.year(),
        }),
    };
    Some(Bodies {
        skp22,
        kinerjaperiodik,
        gaps,
    })
}
