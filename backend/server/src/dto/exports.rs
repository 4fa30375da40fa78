//! Wire types of the results exports for the HR system and BKN (SIASN shapes).

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::evaluation::ResultStatus;

/// `skp22`: the annual SKP result as SIASN takes it (only for the annual evaluation:
/// Triwulan IV, or December for monthly periods).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Skp22 {
    /// Year evaluated.
    pub tahun: i32,
    /// Rating hasil kerja: 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub hasil_kinerja_nilai: u8,
    /// Rating perilaku kerja: 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub perilaku_kerja_nilai: u8,
    /// Predikat kinerja: 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang/Misconduct,
    /// 5 Sangat Kurang.
    pub kuadran_kinerja_nilai: u8,
    /// The evaluated employee. This system knows the NIP, not SIASN's internal PNS id:
    /// the HR system maps the NIP to it before forwarding.
    pub pns_dinilai_id: String,
    /// NIP of the evaluated employee.
    pub nip: String,
    /// NIP of the pejabat penilai.
    pub penilai_nip: String,
    /// Name of the penilai with titles.
    pub penilai_nama: String,
    /// Golongan of the penilai as the SIASN code (`32` for III/b; 1–17 for PPPK), as
    /// snapshotted with the evaluation.
    pub penilai_golongan: String,
    /// Jabatan of the penilai (snapshot).
    pub penilai_jabatan: String,
    /// Name of the penilai's unit (unor).
    pub penilai_unor_nama: String,
    /// `ASN` when the penilai is PNS or PPPK, otherwise `NON ASN`.
    pub status_penilai: String,
}

/// `kinerjaperiodik`: the periodic (quarterly or monthly) result as SIASN takes it.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KinerjaPeriodik {
    /// First month of the period (1–12).
    pub periode_mulai: u32,
    /// Last month of the period (1–12).
    pub periode_akhir: u32,
    pub tahun: i32,
    /// Rating hasil kerja (1–3), as in `skp22`.
    pub hasil_kinerja_nilai: u8,
    /// Rating perilaku kerja (1–3).
    pub perilaku_kerja_nilai: u8,
    /// Predikat kinerja (1–5).
    pub kuadran_kinerja_nilai: u8,
    /// NIP of the evaluated employee (see `skp22.pnsDinilaiId`).
    pub pns_dinilai_id: String,
    pub nip: String,
    pub penilai_nip: String,
    pub penilai_nama: String,
    /// SIASN golongan code of the penilai.
    pub penilai_golongan: String,
    pub penilai_jabatan: String,
    pub penilai_unor_nama: String,
    /// `ASN` or `NON ASN`.
    pub status_penilai: String,
}

/// One employee's result in SIASN shape.
#[derive(Serialize, ToSchema)]
pub struct SiasnItem {
    pub nip: String,
    pub name: String,
    pub unit_code: String,
    /// `draft`, `final`, `published` or `under_appeal`.
    pub status: ResultStatus,
    /// True when the result may be forwarded: published and no appeal open.
    pub ready: bool,
    /// Present for the annual evaluation only (Triwulan IV, or December).
    pub skp22: Option<Skp22>,
    pub kinerjaperiodik: KinerjaPeriodik,
}

#[derive(Serialize, ToSchema)]
pub struct SiasnList {
    pub period_id: Uuid,
    pub items: Vec<SiasnItem>,
}
