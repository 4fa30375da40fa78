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

/// A document reference of SIASN's save bodies (`path`). This system sends none (an empty
/// list); the type documents SIASN's shape.
#[derive(Clone, Serialize, ToSchema)]
pub struct SiasnDocument {
    pub dok_id: String,
    pub dok_nama: String,
    pub dok_uri: String,
    pub object: String,
    pub slug: String,
}

/// The body of SIASN's `POST /skp22/save`, exactly as SIASN takes it (docs/siasn.md): the
/// annual result (Triwulan IV, or December for monthly periods).
#[derive(Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Skp22Save {
    /// SIASN's record id: absent on the first save; a resend after a change carries the id
    /// SIASN returned, so SIASN updates the record instead of adding one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub hasil_kinerja_nilai: u8,
    /// Predikat: 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang/Misconduct, 5 Sangat
    /// Kurang.
    pub kuadran_kinerja_nilai: u8,
    /// Supporting documents (none are sent).
    pub path: Vec<SiasnDocument>,
    /// SIASN golongan id of the penilai (`32` for III/b).
    pub penilai_golongan: String,
    pub penilai_jabatan: String,
    pub penilai_nama: String,
    pub penilai_nip_nrp: String,
    pub penilai_unor_nama: String,
    /// 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub perilaku_kerja_nilai: u8,
    /// SIASN's PNS id of the evaluated employee (the employee's `pns_id`).
    pub pns_dinilai_orang: String,
    /// `ASN` or `NON ASN`.
    pub status_penilai: String,
    pub tahun: i32,
}

/// The body of SIASN's `POST /kinerjaperiodik/save`, exactly as SIASN takes it
/// (docs/siasn.md): a month's (`periodikId` 1) or a quarter's (2) result.
#[derive(Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KinerjaPeriodikSave {
    /// SIASN's record id on a resend (see `Skp22Save.id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub bulan_mulai_penilaian: u32,
    pub bulan_selesai_penilaian: u32,
    pub hasil_kinerja_nilai: u8,
    /// SIASN koefisien: jenjang digit (1 Ahli Pertama … 8 Penyelia) then predikat code.
    pub koefisien_id: String,
    pub kuadran_kinerja_nilai: u8,
    pub path: Vec<SiasnDocument>,
    pub penilai_golongan: String,
    pub penilai_jabatan_nama: String,
    pub penilai_nama: String,
    pub penilai_nip_nrp: String,
    pub penilai_unor_nama: String,
    pub perilaku_kerja_nilai: u8,
    /// `1` Bulanan, `2` Triwulanan.
    pub periodik_id: String,
    /// SIASN's PNS id of the evaluated employee (the employee's `pns_id`).
    pub pns_dinilai_id: String,
    pub status_penilai: String,
    pub tahun: i32,
    pub tahun_mulai_penilaian: i32,
    pub tahun_selesai_penilaian: i32,
}

/// Why a SIASN body is not produced for an employee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SiasnGap {
    /// The employee has no `pns_id`: no body can name them.
    MissingPnsId,
    /// The jabatan has no functional jenjang, so there is no `koefisienId`: no
    /// `kinerjaperiodik` body (SIASN keeps periodic results for angka kredit).
    NotFunctional,
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
    /// The employee's SIASN PNS id (`null` when the HR system has not sent it).
    pub pns_id: Option<String>,
    /// SIASN's `skp22/save` body, as SIASN takes it: annual evaluation only, and only with
    /// a `pns_id`.
    pub skp22_save: Option<Skp22Save>,
    /// SIASN's `kinerjaperiodik/save` body, as SIASN takes it: only with a `pns_id` and a
    /// functional jenjang.
    pub kinerjaperiodik_save: Option<KinerjaPeriodikSave>,
    /// Why a body is missing (empty when nothing is missing).
    pub gaps: Vec<SiasnGap>,
    /// Deprecated (one release): this system's earlier SIASN-like shape; use `skp22_save`.
    #[schema(deprecated)]
    pub skp22: Option<Skp22>,
    /// Deprecated (one release): use `kinerjaperiodik_save`.
    #[schema(deprecated)]
    pub kinerjaperiodik: KinerjaPeriodik,
}

#[derive(Serialize, ToSchema)]
pub struct SiasnList {
    pub period_id: Uuid,
    pub items: Vec<SiasnItem>,
}
