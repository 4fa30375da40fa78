//! The Dokumen Evaluasi Kinerja Pegawai of a period (PermenPANRB 6/2022 annex):
//! identities (pegawai, pejabat penilai, atasan pejabat penilai), the evaluation (capaian
//! kinerja organisasi, ratings, predikat, catatan), the realisasi of each indicator with
//! its feedback, the behaviour feedback, signatures. No 360 rater is named: the document
//! carries the supervisor's ratings and written feedback only.

use krilla::metadata::Metadata;

use super::layout::{Align, BODY, Cell, Layout, Row, Signature, Table};
use super::{Person, identity_table};

/// One indicator's target and realisasi in the period, with the feedback on its RHK.
#[derive(Clone, Debug, Default)]
pub struct HasilKerjaLine {
    /// `Utama` or `Tambahan`, printed in the RHK cell.
    pub kind: String,
    pub rhk: String,
    pub indicator: String,
    pub target: String,
    pub realisasi: String,
    pub feedback: String,
}

/// One BerAKHLAK value with the expectation and the feedback given in the period.
#[derive(Clone, Debug, Default)]
pub struct PerilakuLine {
    pub name: String,
    pub expectation: String,
    pub feedback: String,
}

/// Everything the Dokumen Evaluasi Kinerja prints.
#[derive(Clone, Debug, Default)]
pub struct EvaluasiDoc {
    pub agency: String,
    /// The period's name ("Triwulan I 2026").
    pub period_name: String,
    /// "1 Januari s.d. 31 Maret 2026".
    pub period_text: String,
    /// A banner, e.g. while an appeal is open.
    pub status_note: Option<String>,
    pub pegawai: Person,
    pub penilai: Person,
    pub atasan_penilai: Option<Person>,
    pub capaian_organisasi: String,
    pub rating_hasil_kerja: String,
    pub rating_perilaku: String,
    pub predikat: String,
    /// The penilai's written notes (the justification of the rating), or "-".
    pub catatan: String,
    pub hasil_kerja: Vec<HasilKerjaLine>,
    pub perilaku: Vec<PerilakuLine>,
    pub place_date: String,
}

/// The Dokumen Evaluasi Kinerja as PDF bytes.
pub fn render_evaluasi(doc: &EvaluasiDoc) -> Result<Vec<u8>, String> {
    let mut l = Layout::new(format!(
        "Dokumen Evaluasi Kinerja · {} · NIP {}",
        doc.period_name, doc.pegawai.nip
    ));
    if !doc.agency.trim().is_empty() {
        l.paragraph(&doc.agency.to_uppercase(), 11.0, true, Align::Center);
    }
    l.paragraph(
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        12.0,
        true,
        Align::Center,
    );
    l.paragraph(
        &format!("PERIODE: {}", doc.period_name.to_uppercase()),
        10.0,
        true,
        Align::Center,
    );
    l.space(6.0);
    l.paragraph(
        &format!("PERIODE PENILAIAN: {}", doc.period_text.to_uppercase()),
        BODY,
        false,
        Align::Left,
    );
    if let Some(note) = &doc.status_note {
        l.paragraph(note, BODY, true, Align::Left);
    }
    l.space(4.0);
    l.table(&identity_table(
        "PEGAWAI YANG DINILAI",
        &doc.pegawai,
        "PEJABAT PENILAI KINERJA",
        Some(&doc.penilai),
    ));
    if let Some(a) = &doc.atasan_penilai {
        l.space(6.0);
        let rows = [
            ("NAMA", &a.name),
            ("NIP", &a.nip),
            ("PANGKAT/GOL. RUANG", &a.pangkat_golongan),
            ("JABATAN", &a.jabatan),
            ("UNIT KERJA", &a.unit),
        ]
        .iter()
        .enumerate()
        .map(|(i, (k, v))| {
            Row::Cells(vec![
                Cell::new((i + 1).to_string()).centered(),
                Cell::new(*k),
                Cell::new((*v).clone()),
            ])
        })
        .collect();
        l.table(&Table {
            widths: vec![0.5, 1.6, 7.6],
            header: vec![
                Cell::bold("NO").centered(),
                Cell::bold("ATASAN PEJABAT PENILAI KINERJA"),
                Cell::new(""),
            ],
            rows,
        });
    }
    l.space(10.0);
    let evaluation = [
        ("CAPAIAN KINERJA ORGANISASI", &doc.capaian_organisasi),
        ("RATING HASIL KERJA", &doc.rating_hasil_kerja),
        ("RATING PERILAKU KERJA", &doc.rating_perilaku),
        ("PREDIKAT KINERJA PEGAWAI", &doc.predikat),
        ("CATATAN/REKOMENDASI", &doc.catatan),
    ]
    .iter()
    .enumerate()
    .map(|(i, (k, v))| {
        Row::Cells(vec![
            Cell::new((i + 1).to_string()).centered(),
            Cell::new(*k),
            Cell::bold((*v).clone()),
        ])
    })
    .collect();
    l.table(&Table {
        widths: vec![0.5, 3.0, 6.2],
        header: vec![
            Cell::bold("NO").centered(),
            Cell::bold("EVALUASI KINERJA"),
            Cell::new(""),
        ],
        rows: evaluation,
    });
    l.space(10.0);

    l.paragraph("HASIL KERJA", 9.5, true, Align::Left);
    l.space(2.0);
    let mut rows = Vec::new();
    if doc.hasil_kerja.is_empty() {
        rows.push(Row::Cells((0..6).map(|_| Cell::new("-")).collect()));
    }
    for (i, h) in doc.hasil_kerja.iter().enumerate() {
        rows.push(Row::Cells(vec![
            Cell::new((i + 1).to_string()).centered(),
            Cell::new(format!("{} ({})", h.rhk, h.kind)),
            Cell::new(h.indicator.clone()),
            Cell::new(h.target.clone()),
            Cell::new(h.realisasi.clone()),
            Cell::new(h.feedback.clone()),
        ]));
    }
    l.table(&Table {
        widths: vec![0.5, 2.6, 2.4, 1.2, 1.6, 2.0],
        header: vec![
            Cell::bold("NO").centered(),
            Cell::bold("RENCANA HASIL KERJA"),
            Cell::bold("INDIKATOR KINERJA INDIVIDU"),
            Cell::bold("TARGET"),
            Cell::bold("REALISASI"),
            Cell::bold("UMPAN BALIK"),
        ],
        rows,
    });
    l.space(10.0);
    l.paragraph("PERILAKU KERJA", 9.5, true, Align::Left);
    l.space(2.0);
    let mut rows = Vec::new();
    for (i, p) in doc.perilaku.iter().enumerate() {
        rows.push(Row::Cells(vec![
            Cell::new((i + 1).to_string()).centered(),
            Cell::new(p.name.clone()),
            Cell::new(p.expectation.clone()),
            Cell::new(p.feedback.clone()),
        ]));
    }
    l.table(&Table {
        widths: vec![0.5, 2.6, 3.3, 3.9],
        header: vec![
            Cell::bold("NO").centered(),
            Cell::bold("PERILAKU KERJA"),
            Cell::bold("EKSPEKTASI KHUSUS PIMPINAN"),
            Cell::bold("UMPAN BALIK"),
        ],
        rows,
    });
    l.space(16.0);
    l.signatures(
        &Signature {
            place_date: String::new(),
            role: "Pegawai yang Dinilai".into(),
            name: doc.pegawai.name.clone(),
            nip: doc.pegawai.nip.clone(),
        },
        &Signature {
            place_date: doc.place_date.clone(),
            role: "Pejabat Penilai Kinerja".into(),
            name: doc.penilai.name.clone(),
            nip: doc.penilai.nip.clone(),
        },
    );
    l.finish(
        Metadata::new()
            .title(format!(
                "Dokumen Evaluasi Kinerja Pegawai {} — {}",
                doc.period_name, doc.pegawai.nip
            ))
            .language("id".into())
            .creator("Kinerja360".into()),
    )
}
