//! Angka kredit (AK) for functional positions (PerBKN 3/2023, DOMAIN.md §7):
//! AK = percentage(predikat) × coefficient(jenjang) × months ÷ 12.
//!
//! The jenjang is read from the end of the jabatan name ("Analis SDM Aparatur Ahli
//! Pertama" → family "Analis SDM Aparatur", jenjang Ahli Pertama); the family (the jabatan
//! without its jenjang) is also what placement and mentor matching compare.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::predikat::Predikat;

/// Jenjang (level) of a functional position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Jenjang {
    AhliPertama,
    AhliMuda,
    AhliMadya,
    AhliUtama,
    Pemula,
    Terampil,
    Mahir,
    Penyelia,
}

impl Jenjang {
    /// Longest suffixes first is not needed (no suffix is a suffix of another), but the
    /// keterampilan and keahlian levels are kept in their official order.
    pub const ALL: [Jenjang; 8] = [
        Jenjang::AhliPertama,
        Jenjang::AhliMuda,
        Jenjang::AhliMadya,
        Jenjang::AhliUtama,
        Jenjang::Pemula,
        Jenjang::Terampil,
        Jenjang::Mahir,
        Jenjang::Penyelia,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Jenjang::AhliPertama => "Ahli Pertama",
            Jenjang::AhliMuda => "Ahli Muda",
            Jenjang::AhliMadya => "Ahli Madya",
            Jenjang::AhliUtama => "Ahli Utama",
            Jenjang::Pemula => "Pemula",
            Jenjang::Terampil => "Terampil",
            Jenjang::Mahir => "Mahir",
            Jenjang::Penyelia => "Penyelia",
        }
    }

    /// The annual coefficient of the jenjang.
    pub fn coefficient(self) -> f64 {
        match self {
            Jenjang::AhliPertama => 12.5,
            Jenjang::AhliMuda => 25.0,
            Jenjang::AhliMadya => 37.5,
            Jenjang::AhliUtama => 50.0,
            Jenjang::Pemula => 3.75,
            Jenjang::Terampil => 5.0,
            Jenjang::Mahir => 12.5,
            Jenjang::Penyelia => 25.0,
        }
    }
}

/// A jabatan split into its family and (for functional positions) its jenjang.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jabatan {
    pub family: String,
    pub jenjang: Option<Jenjang>,
}

/// Splits a jabatan name: the jenjang suffix (case-insensitive, whole words) and the family
/// before it, whitespace normalised. A name without a jenjang is its own family.
pub fn parse_jabatan(name: &str) -> Jabatan {
    let words: Vec<&str> = name.split_whitespace().collect();
    let normalised = words.join(" ");
    let lower = normalised.to_lowercase();
    for j in Jenjang::ALL {
        let suffix = j.label().to_lowercase();
        if lower == suffix {
            continue;
        }
        if let Some(stripped) = lower.strip_suffix(&format!(" {suffix}")) {
            let family = normalised[..stripped.len()].trim().to_string();
            return Jabatan {
                family,
                jenjang: Some(j),
            };
        }
    }
    Jabatan {
        family: normalised,
        jenjang: None,
    }
}

/// The jabatan family used for comparisons (case-insensitive).
pub fn family_key(name: &str) -> String {
    parse_jabatan(name).family.to_lowercase()
}

/// The percentage of the coefficient a predikat earns (1.5 = 150%).
pub fn percentage(p: Predikat) -> f64 {
    match p {
        Predikat::SangatBaik => 1.5,
        Predikat::Baik => 1.0,
        Predikat::ButuhPerbaikan => 0.75,
        Predikat::Kurang => 0.5,
        Predikat::SangatKurang => 0.25,
    }
}

/// AK earned for `months` (1–12) of work with predikat `p` at jenjang `j`, rounded to three
/// decimals (the exact products are at most three decimals for whole months anyway).
pub fn angka_kredit(p: Predikat, j: Jenjang, months: u32) -> f64 {
    let raw = percentage(p) * j.coefficient() * f64::from(months.min(12)) / 12.0;
    (raw * 1000.0).round() / 1000.0
}

/// Months a period covers: a quarter is 3, a month 1.
pub fn months_of(kind: &str) -> u32 {
    if kind == "monthly" { 1 } else { 3 }
}

/// How angka kredit is computed, as shown with every list.
pub const AK_FORMULA: &str = "AK = persentase predikat × koefisien jenjang × bulan ÷ 12 (Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%)";

/// The kind of the published periods a year's angka kredit is summed over: quarters when
/// any are published, otherwise months (never both, so months are not counted twice).
pub fn period_kind_for_year<'a>(kinds: impl IntoIterator<Item = &'a str>) -> &'static str {
    if kinds.into_iter().any(|k| k == "quarterly") {
        "quarterly"
    } else {
        "monthly"
    }
}

/// Whether an employee holds a functional position: recorded as such, or their jabatan
/// names a jenjang.
pub fn is_functional(jenis_jabatan: &str, jabatan: &str) -> bool {
    jenis_jabatan == "fungsional" || parse_jabatan(jabatan).jenjang.is_some()
}

/// A year's total angka kredit, rounded to three decimals.
pub fn total(per_period: impl IntoIterator<Item = f64>) -> f64 {
    (per_period.into_iter().sum::<f64>() * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_counts_quarters_when_any_are_published_otherwise_months() {
        assert_eq!(period_kind_for_year(["monthly", "quarterly"]), "quarterly");
        assert_eq!(period_kind_for_year(["monthly"]), "monthly");
        assert_eq!(period_kind_for_year([]), "monthly");
    }

    #[test]
    fn a_functional_employee_is_recorded_so_or_has_a_jenjang() {
        assert!(is_functional("fungsional", "Pranata Komputer"));
        assert!(is_functional(
            "pelaksana",
            "Analis SDM Aparatur Ahli Pertama"
        ));
        assert!(!is_functional("struktural", "Camat"));
    }

    #[test]
    fn the_yearly_total_is_rounded_to_three_decimals() {
        assert_eq!(total([0.1, 0.2]), 0.3);
        assert_eq!(total([]), 0.0);
    }

    #[test]
    fn the_jenjang_is_read_from_the_end_of_the_jabatan() {
        let j = parse_jabatan("Analis SDM Aparatur Ahli Pertama");
        assert_eq!(j.family, "Analis SDM Aparatur");
        assert_eq!(j.jenjang, Some(Jenjang::AhliPertama));
        let j = parse_jabatan("Arsiparis  Terampil");
        assert_eq!(j.family, "Arsiparis");
        assert_eq!(j.jenjang, Some(Jenjang::Terampil));
        let j = parse_jabatan("Pranata Komputer ahli muda");
        assert_eq!(j.family, "Pranata Komputer");
        assert_eq!(j.jenjang, Some(Jenjang::AhliMuda));
        let j = parse_jabatan("Pengadministrasi Umum");
        assert_eq!(j.family, "Pengadministrasi Umum");
        assert_eq!(j.jenjang, None);
        // A bare jenjang word is not a functional position.
        assert_eq!(parse_jabatan("Penyelia").jenjang, None);
        assert_eq!(
            family_key("Arsiparis Mahir"),
            family_key("arsiparis terampil")
        );
    }

    #[test]
    fn a_full_year_earns_percentage_times_coefficient_for_every_predikat() {
        let j = Jenjang::AhliPertama;
        for (p, expected) in [
            (Predikat::SangatBaik, 18.75),
            (Predikat::Baik, 12.5),
            (Predikat::ButuhPerbaikan, 9.375),
            (Predikat::Kurang, 6.25),
            (Predikat::SangatKurang, 3.125),
        ] {
            assert_eq!(angka_kredit(p, j, 12), expected, "{p:?}");
        }
    }

    #[test]
    fn every_coefficient_matches_the_rules() {
        for (j, c) in [
            (Jenjang::AhliPertama, 12.5),
            (Jenjang::AhliMuda, 25.0),
            (Jenjang::AhliMadya, 37.5),
            (Jenjang::AhliUtama, 50.0),
            (Jenjang::Pemula, 3.75),
            (Jenjang::Terampil, 5.0),
            (Jenjang::Mahir, 12.5),
            (Jenjang::Penyelia, 25.0),
        ] {
            assert_eq!(j.coefficient(), c);
            assert_eq!(angka_kredit(Predikat::Baik, j, 12), c);
        }
    }

    #[test]
    fn a_part_year_period_counts_its_months() {
        // A quarter of Ahli Muda with Baik: 100% × 25 × 3/12.
        assert_eq!(angka_kredit(Predikat::Baik, Jenjang::AhliMuda, 3), 6.25);
        // A quarter of Terampil with Sangat Baik: 150% × 5 × 3/12 = 1.875.
        assert_eq!(
            angka_kredit(Predikat::SangatBaik, Jenjang::Terampil, 3),
            1.875
        );
        // One month of Pemula with Butuh Perbaikan: 75% × 3.75 / 12 = 0.234375 → 0.234.
        assert_eq!(
            angka_kredit(Predikat::ButuhPerbaikan, Jenjang::Pemula, 1),
            0.234
        );
        assert_eq!(months_of("quarterly"), 3);
        assert_eq!(months_of("monthly"), 1);
    }
}
