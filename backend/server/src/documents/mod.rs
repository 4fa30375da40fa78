//! The official documents as PDF (ADR 0022): the SKP (Sasaran Kinerja Pegawai) and the
//! Dokumen Evaluasi Kinerja Pegawai of a period, in Indonesian and in the layout of the
//! PermenPANRB 6/2022 annexes.
//!
//! Pure rendering: the use case (`app::documents`) gathers the data into the structs
//! below, checked and snapshotted; nothing here reads the database or decides who may see
//! what. The text is real (searchable) text in a font embedded in the binary.

mod evaluasi;
mod layout;
mod skp;

pub use evaluasi::{EvaluasiDoc, HasilKerjaLine, PerilakuLine, render_evaluasi};
pub use skp::{BehaviourLine, IndicatorLine, RhkLine, SkpDoc, render_skp};

use chrono::{Datelike, NaiveDate};

use crate::domain::period::MONTHS;

/// One person as the forms print them.
#[derive(Clone, Debug, Default)]
pub struct Person {
    pub name: String,
    pub nip: String,
    /// "Penata Muda Tk I, III/b" (pangkat and golongan/ruang), or the golongan alone.
    pub pangkat_golongan: String,
    pub jabatan: String,
    pub unit: String,
}

/// A date as written on Indonesian official documents: "5 Januari 2026".
pub fn tanggal(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// The place-and-date line above a signature: "Mataram, 5 Januari 2026"; without a
/// place, a dotted blank to fill by hand.
pub fn place_date(place: &str, date: Option<NaiveDate>) -> String {
    let place = if place.trim().is_empty() {
        "……………………"
    } else {
        place.trim()
    };
    match date {
        Some(d) => format!("{place}, {}", tanggal(d)),
        None => format!("{place}, ……………………"),
    }
}

/// Reads one identity field of a person.
type PersonField = fn(&Person) -> &str;

/// The identity table of the forms: "PEGAWAI YANG DINILAI" beside "PEJABAT PENILAI KINERJA".
fn identity_table(
    left_title: &str,
    left: &Person,
    right_title: &str,
    right: Option<&Person>,
) -> layout::Table {
    use layout::{Cell, Row};
    let empty = Person::default();
    let right = right.unwrap_or(&empty);
    let fields: [(&str, PersonField); 5] = [
        ("NAMA", |p| &p.name),
        ("NIP", |p| &p.nip),
        ("PANGKAT/GOL. RUANG", |p| &p.pangkat_golongan),
        ("JABATAN", |p| &p.jabatan),
        ("UNIT KERJA", |p| &p.unit),
    ];
    let mut rows = Vec::new();
    for (i, (label, get)) in fields.iter().enumerate() {
        let n = (i + 1).to_string();
        rows.push(Row::Cells(vec![
            Cell::new(n.clone()).centered(),
            Cell::new(*label),
            Cell::new(get(left)),
            Cell::new(n).centered(),
            Cell::new(*label),
            Cell::new(get(right)),
        ]));
    }
    layout::Table {
        widths: vec![0.5, 1.6, 3.0, 0.5, 1.6, 3.0],
        header: vec![
            Cell::bold("NO").centered(),
            Cell::bold(left_title),
            Cell::new(""),
            Cell::bold("NO").centered(),
            Cell::bold(right_title),
            Cell::new(""),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_indonesian_way() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
        assert_eq!(tanggal(d), "31 Maret 2026");
        assert_eq!(place_date("Mataram", Some(d)), "Mataram, 31 Maret 2026");
        assert!(place_date(" ", None).starts_with('…'));
    }
}
