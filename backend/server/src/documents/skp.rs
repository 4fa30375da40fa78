//! The SKP form (PermenPANRB 6/2022 annex, "Sasaran Kinerja Pegawai, pendekatan hasil
//! kerja kualitatif"): identities, Hasil Kerja (utama, tambahan) with the intervened RHK
//! of the leader, indicators and targets, Perilaku Kerja with the leader's expectations,
//! signatures.

use krilla::metadata::Metadata;

use super::layout::{Align, BODY, Cell, Layout, Row, Signature, Table};
use super::{Person, identity_table};

/// One indicator (Indikator Kinerja Individu) with its aspect and target, as printed.
#[derive(Clone, Debug, Default)]
pub struct IndicatorLine {
    pub aspect: String,
    pub description: String,
    pub target: String,
}

/// One RHK with the leader's RHK it supports.
#[derive(Clone, Debug, Default)]
pub struct RhkLine {
    pub parent: Option<String>,
    pub description: String,
    pub indicators: Vec<IndicatorLine>,
}

/// One BerAKHLAK value with its behaviour indicators and the leader's expectation.
#[derive(Clone, Debug, Default)]
pub struct BehaviourLine {
    pub name: String,
    pub indicators: Vec<String>,
    pub expectation: Option<String>,
}

/// Everything the SKP form prints.
#[derive(Clone, Debug, Default)]
pub struct SkpDoc {
    /// The agency heading (instansi), printed when not empty.
    pub agency: String,
    pub year: i32,
    /// "1 Januari s.d. 31 Desember 2026".
    pub period_text: String,
    /// A banner for a plan that is not approved ("DRAF — …"), if any.
    pub status_note: Option<String>,
    pub pegawai: Person,
    pub penilai: Option<Person>,
    pub utama: Vec<RhkLine>,
    pub tambahan: Vec<RhkLine>,
    pub perilaku: Vec<BehaviourLine>,
    /// The line above the penilai's signature ("Mataram, 5 Januari 2026").
    pub place_date: String,
}

fn rhk_rows(rows: &mut Vec<Row>, items: &[RhkLine], start: usize) {
    for (i, r) in items.iter().enumerate() {
        let no = (start + i).to_string();
        let parent = r.parent.clone().unwrap_or_else(|| "-".into());
        if r.indicators.is_empty() {
            rows.push(Row::Cells(vec![
                Cell::new(no).centered(),
                Cell::new(parent),
                Cell::new(r.description.clone()),
                Cell::new("-"),
                Cell::new("-"),
                Cell::new("-"),
            ]));
            continue;
        }
        for (k, ind) in r.indicators.iter().enumerate() {
            let first = k == 0;
            rows.push(Row::Cells(vec![
                Cell::new(if first { no.clone() } else { String::new() }).centered(),
                Cell::new(if first { parent.clone() } else { String::new() }),
                Cell::new(if first {
                    r.description.clone()
                } else {
                    String::new()
                }),
                Cell::new(ind.aspect.clone()),
                Cell::new(ind.description.clone()),
                Cell::new(ind.target.clone()),
            ]));
        }
    }
}

/// The SKP as PDF bytes.
pub fn render_skp(doc: &SkpDoc) -> Result<Vec<u8>, String> {
    let mut l = Layout::new(format!(
        "SKP {} · {} · NIP {}",
        doc.year, doc.pegawai.name, doc.pegawai.nip
    ));
    if !doc.agency.trim().is_empty() {
        l.paragraph(&doc.agency.to_uppercase(), 11.0, true, Align::Center);
    }
    l.paragraph("SASARAN KINERJA PEGAWAI", 12.0, true, Align::Center);
    l.paragraph(
        "PENDEKATAN HASIL KERJA KUALITATIF",
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
        doc.penilai.as_ref(),
    ));
    l.space(10.0);

    l.paragraph("HASIL KERJA", 9.5, true, Align::Left);
    l.space(2.0);
    let mut rows = vec![Row::Section("A. UTAMA".into())];
    rhk_rows(&mut rows, &doc.utama, 1);
    rows.push(Row::Section("B. TAMBAHAN".into()));
    if doc.tambahan.is_empty() {
        rows.push(Row::Cells((0..6).map(|_| Cell::new("-")).collect()));
    }
    rhk_rows(&mut rows, &doc.tambahan, 1);
    l.table(&Table {
        widths: vec![0.5, 2.4, 2.6, 0.9, 2.6, 1.3],
        header: vec![
            Cell::bold("NO").centered(),
            Cell::bold("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"),
            Cell::bold("RENCANA HASIL KERJA"),
            Cell::bold("ASPEK"),
            Cell::bold("INDIKATOR KINERJA INDIVIDU"),
            Cell::bold("TARGET"),
        ],
        rows,
    });
    l.space(10.0);

    l.paragraph("PERILAKU KERJA", 9.5, true, Align::Left);
    l.space(2.0);
    let mut rows = Vec::new();
    for (i, b) in doc.perilaku.iter().enumerate() {
        let mut text = b.name.clone();
        for ind in &b.indicators {
            text.push_str("\n- ");
            text.push_str(ind);
        }
        rows.push(Row::Cells(vec![
            Cell::new((i + 1).to_string()).centered(),
            Cell::new(text),
            Cell::new(b.expectation.clone().unwrap_or_else(|| "-".into())),
        ]));
    }
    l.table(&Table {
        widths: vec![0.5, 5.0, 4.8],
        header: vec![
            Cell::bold("NO").centered(),
            Cell::bold("PERILAKU KERJA"),
            Cell::bold("EKSPEKTASI KHUSUS PIMPINAN"),
        ],
        rows,
    });
    l.space(16.0);
    let penilai = doc.penilai.clone().unwrap_or_default();
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
            name: penilai.name,
            nip: penilai.nip,
        },
    );
    l.finish(
        Metadata::new()
            .title(format!(
                "Sasaran Kinerja Pegawai {} — {}",
                doc.year, doc.pegawai.nip
            ))
            .language("id".into())
            .creator("Kinerja360".into()),
    )
}
