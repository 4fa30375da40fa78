//! The 9-box talent matrix (Manajemen Talenta, DOMAIN.md §7): kinerja (the three rating
//! levels) × potensi (rendah / menengah / tinggi) → box 1–9, each with its recommendations.
//!
//! Invariant: the box comes from a lookup table, never from arithmetic on the levels, so the
//! table in the code reads exactly like the table in the rules.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::predikat::{Predikat, Rating};

/// Potensi level from an assessment (entered or imported by HR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Potensi {
    Rendah,
    Menengah,
    Tinggi,
}

impl Potensi {
    pub const ALL: [Potensi; 3] = [Potensi::Rendah, Potensi::Menengah, Potensi::Tinggi];

    pub fn as_str(self) -> &'static str {
        match self {
            Potensi::Rendah => "rendah",
            Potensi::Menengah => "menengah",
            Potensi::Tinggi => "tinggi",
        }
    }

    pub fn parse(s: &str) -> Option<Potensi> {
        Potensi::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Potensi::Rendah => "Rendah",
            Potensi::Menengah => "Menengah",
            Potensi::Tinggi => "Tinggi",
        }
    }
}

/// Rows potensi Tinggi, Menengah, Rendah; columns kinerja Di Bawah, Sesuai, Di Atas.
const GRID: [[u8; 3]; 3] = [[6, 8, 9], [3, 5, 7], [1, 2, 4]];

/// The box (1–9) of a kinerja level and a potensi level.
pub fn box_of(kinerja: Rating, potensi: Potensi) -> u8 {
    let row = match potensi {
        Potensi::Tinggi => 0,
        Potensi::Menengah => 1,
        Potensi::Rendah => 2,
    };
    let col = match kinerja {
        Rating::DiBawah => 0,
        Rating::Sesuai => 1,
        Rating::DiAtas => 2,
    };
    GRID[row][col]
}

/// The kinerja and potensi levels of a box (the inverse of [`box_of`]).
pub fn levels_of(b: u8) -> Option<(Rating, Potensi)> {
    for p in Potensi::ALL {
        for k in Rating::ALL {
            if box_of(k, p) == b {
                return Some((k, p));
            }
        }
    }
    None
}

/// The recommended follow-up for a box, in Indonesian (DOMAIN.md §7).
pub fn recommendations(b: u8) -> &'static [&'static str] {
    match b {
        9 => &[
            "Dipromosikan dan dipertahankan",
            "Masuk kelompok rencana suksesi",
            "Diberikan penghargaan",
        ],
        8 => &[
            "Dipertahankan",
            "Masuk kelompok rencana suksesi",
            "Rotasi/perluasan jabatan (job enlargement)",
            "Bimbingan kinerja (coaching)",
        ],
        7 => &[
            "Dipertahankan",
            "Masuk kelompok rencana suksesi",
            "Rotasi/pengayaan jabatan (job enrichment)",
            "Pengembangan kompetensi",
            "Tugas belajar",
        ],
        6 => &[
            "Penempatan yang sesuai",
            "Bimbingan kinerja (coaching)",
            "Konseling kinerja",
        ],
        5 => &[
            "Penempatan yang sesuai",
            "Bimbingan kinerja (coaching)",
            "Pengembangan kompetensi",
        ],
        4 => &["Rotasi", "Pengembangan kompetensi"],
        3 => &[
            "Bimbingan kinerja (coaching)",
            "Konseling kinerja",
            "Pengembangan kompetensi",
            "Penempatan yang sesuai",
        ],
        2 => &[
            "Bimbingan kinerja (coaching)",
            "Pengembangan kompetensi",
            "Penempatan yang sesuai",
        ],
        1 => &["Diproses sesuai ketentuan peraturan perundang-undangan"],
        _ => &[],
    }
}

/// A short name of the box for screens.
pub fn label(b: u8) -> String {
    match levels_of(b) {
        Some((k, p)) => format!("Kotak {b}: kinerja {} × potensi {}", k.label(), p.label()),
        None => format!("Kotak {b}"),
    }
}

/// Whether a period is the annual one of its year: Triwulan IV, or month 12 (used when the
/// year has no published Triwulan IV).
pub fn is_annual_period(kind: &str, number: i32) -> bool {
    (kind == "quarterly" && number == 4) || (kind == "monthly" && number == 12)
}

/// Which annual period counts for a year among `(kind, number)` candidates of that year:
/// the index of Triwulan IV, else of month 12.
pub fn annual_period_index<'a>(periods: impl IntoIterator<Item = (&'a str, i32)>) -> Option<usize> {
    let all: Vec<(&str, i32)> = periods.into_iter().collect();
    all.iter()
        .position(|&(k, n)| k == "quarterly" && n == 4)
        .or_else(|| all.iter().position(|&(k, n)| k == "monthly" && n == 12))
}

/// Why an employee has no box.
pub fn unplaced_reason(has_kinerja: bool, has_potensi: bool) -> &'static str {
    match (has_kinerja, has_potensi) {
        (false, false) => "Belum ada hasil tahunan dan data potensi",
        (false, true) => "Belum ada hasil tahunan",
        _ => "Belum ada data potensi",
    }
}

/// The promotion candidate rule as shown to HR.
pub const CANDIDATE_RULE: &str = "Predikat tahunan minimal Baik pada dua periode tahunan terakhir dan berada di kotak 7, 8 atau 9";

/// Promotion candidate rule (DOMAIN.md §7): Baik or better in EACH of the last two annual
/// periods (both must exist) and box 7, 8 or 9.
pub fn is_promotion_candidate(last_two_annual: [Option<Predikat>; 2], b: Option<u8>) -> bool {
    let good = |p: Option<Predikat>| matches!(p, Some(Predikat::SangatBaik | Predikat::Baik));
    good(last_two_annual[0]) && good(last_two_annual[1]) && matches!(b, Some(7..=9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Potensi::*;
    use Rating::*;

    #[test]
    fn the_annual_period_is_triwulan_four_else_month_twelve() {
        assert!(is_annual_period("quarterly", 4));
        assert!(is_annual_period("monthly", 12));
        assert!(!is_annual_period("quarterly", 3));
        assert!(!is_annual_period("monthly", 4));
        assert_eq!(
            annual_period_index([("monthly", 12), ("quarterly", 4)]),
            Some(1)
        );
        assert_eq!(annual_period_index([("monthly", 12)]), Some(0));
        assert_eq!(annual_period_index([("quarterly", 3)]), None);
    }

    #[test]
    fn an_unplaced_employee_is_told_what_is_missing() {
        assert_eq!(
            unplaced_reason(false, false),
            "Belum ada hasil tahunan dan data potensi"
        );
        assert_eq!(unplaced_reason(false, true), "Belum ada hasil tahunan");
        assert_eq!(unplaced_reason(true, false), "Belum ada data potensi");
    }

    #[test]
    fn every_cell_of_the_grid_has_the_box_of_the_rules() {
        for (k, p, expected) in [
            (DiBawah, Tinggi, 6),
            (Sesuai, Tinggi, 8),
            (DiAtas, Tinggi, 9),
            (DiBawah, Menengah, 3),
            (Sesuai, Menengah, 5),
            (DiAtas, Menengah, 7),
            (DiBawah, Rendah, 1),
            (Sesuai, Rendah, 2),
            (DiAtas, Rendah, 4),
        ] {
            assert_eq!(box_of(k, p), expected, "{k:?} × {p:?}");
            assert_eq!(levels_of(expected), Some((k, p)));
        }
    }

    #[test]
    fn every_box_has_recommendations_and_box_nine_promotes() {
        for b in 1..=9 {
            assert!(!recommendations(b).is_empty(), "box {b}");
        }
        assert!(recommendations(9)[0].contains("Dipromosikan"));
        assert!(recommendations(1)[0].contains("ketentuan"));
        assert!(recommendations(10).is_empty());
        assert_eq!(levels_of(0), None);
    }

    #[test]
    fn candidates_need_two_good_annual_results_and_a_top_box() {
        use Predikat::*;
        assert!(is_promotion_candidate(
            [Some(Baik), Some(SangatBaik)],
            Some(7)
        ));
        assert!(is_promotion_candidate(
            [Some(SangatBaik), Some(Baik)],
            Some(9)
        ));
        assert!(!is_promotion_candidate(
            [Some(Baik), Some(ButuhPerbaikan)],
            Some(9)
        ));
        assert!(!is_promotion_candidate([Some(Baik), None], Some(8)));
        assert!(!is_promotion_candidate([Some(Baik), Some(Baik)], Some(6)));
        assert!(!is_promotion_candidate([Some(Baik), Some(Baik)], None));
    }

    #[test]
    fn potensi_codes_round_trip() {
        for p in Potensi::ALL {
            assert_eq!(Potensi::parse(p.as_str()), Some(p));
        }
        assert_eq!(Potensi::parse("sedang"), None);
    }
}
