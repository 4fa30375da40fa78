//! The deterministic generator and the fixed content of the cycle's demo data: RHK
//! templates per kind of position, behaviour profiles, quarter spans.

use chrono::NaiveDate;

use crate::domain::predikat::Rating;

pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// An RHK template: (description, indicators as (aspect, description, target, unit)).
type RhkTemplate = (
    &'static str,
    &'static [(&'static str, &'static str, f64, &'static str)],
);

pub(super) fn templates(jabatan: &str, jenis: &str) -> [RhkTemplate; 3] {
    let lower = jabatan.to_lowercase();
    if jenis == "struktural" {
        [
            (
                "Terlaksananya koordinasi dan pengendalian program kerja unit",
                &[
                    (
                        "kuantitas",
                        "Jumlah rapat koordinasi yang dilaksanakan",
                        12.0,
                        "rapat",
                    ),
                    (
                        "waktu",
                        "Laporan pengendalian disampaikan tepat waktu",
                        100.0,
                        "persen",
                    ),
                ],
            ),
            (
                "Meningkatnya kualitas pelayanan publik di unit kerja",
                &[
                    (
                        "kualitas",
                        "Indeks Kepuasan Masyarakat unit",
                        82.0,
                        "nilai IKM",
                    ),
                    (
                        "kuantitas",
                        "Jumlah inovasi layanan yang diterapkan",
                        2.0,
                        "inovasi",
                    ),
                ],
            ),
            (
                "Terbinanya kinerja pegawai di lingkungan unit",
                &[(
                    "kuantitas",
                    "Sesi bimbingan kinerja yang dilaksanakan",
                    8.0,
                    "sesi",
                )],
            ),
        ]
    } else if lower.contains("layanan")
        || lower.contains("registrasi")
        || lower.contains("pelayanan")
    {
        [
            (
                "Terlayaninya permohonan dokumen kependudukan masyarakat",
                &[
                    (
                        "kuantitas",
                        "Jumlah permohonan yang diproses",
                        1200.0,
                        "berkas",
                    ),
                    (
                        "waktu",
                        "Permohonan selesai dalam standar waktu layanan",
                        95.0,
                        "persen",
                    ),
                ],
            ),
            (
                "Tersedianya data pelayanan yang akurat dan mutakhir",
                &[(
                    "kualitas",
                    "Data layanan tanpa kesalahan entri",
                    98.0,
                    "persen",
                )],
            ),
            (
                "Terlaksananya tugas tambahan dari pimpinan",
                &[(
                    "kuantitas",
                    "Tugas tambahan yang diselesaikan",
                    4.0,
                    "kegiatan",
                )],
            ),
        ]
    } else {
        [
            (
                "Terselesaikannya administrasi dan dokumen sesuai bidang tugas",
                &[
                    (
                        "kuantitas",
                        "Jumlah dokumen yang diselesaikan",
                        240.0,
                        "dokumen",
                    ),
                    ("kualitas", "Dokumen diterima tanpa revisi", 90.0, "persen"),
                ],
            ),
            (
                "Tersusunnya laporan berkala bidang tugas",
                &[(
                    "waktu",
                    "Laporan bulanan disampaikan tepat waktu",
                    12.0,
                    "laporan",
                )],
            ),
            (
                "Terlaksananya tugas tambahan dari pimpinan",
                &[(
                    "kuantitas",
                    "Tugas tambahan yang diselesaikan",
                    4.0,
                    "kegiatan",
                )],
            ),
        ]
    }
}

/// Each employee's behaviour profile: the level their raters see (1–5) and their work.
pub(super) fn profile(i: usize, rng: &mut Lcg) -> (f64, Rating) {
    // A few fixed low and high performers make every case visible.
    match i % 13 {
        // One employee is rated low by everyone; the others of this kind only on service.
        5 if i < 13 => (2.4, Rating::DiBawah),
        5 => (2.9, Rating::DiBawah),
        9 => (4.6, Rating::DiAtas),
        2 => (3.4, Rating::DiBawah),
        _ => {
            let r = rng.below(10);
            let hk = match r {
                0 | 1 => Rating::DiAtas,
                _ => Rating::Sesuai,
            };
            (3.3 + (rng.below(12) as f64) / 10.0, hk)
        }
    }
}

pub(crate) fn clamp_score(x: f64) -> i16 {
    x.round().clamp(1.0, 5.0) as i16
}

pub(crate) fn quarter_span(year: i32, q: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
    let end = if q == 4 {
        NaiveDate::from_ymd_opt(year, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(year, q * 3 + 1, 1)?.pred_opt()?
    };
    Some((start, end))
}
