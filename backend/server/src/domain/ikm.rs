//! Survei Kepuasan Masyarakat (PermenPANRB 14/2017): the nine elements (unsur), the
//! Indeks Kepuasan Masyarakat (IKM) and its quality grade (mutu).
//!
//! - NRR_u = sum of scores for element u ÷ number of answers to element u
//! - IKM = Σ NRR_u × 1/9 (exactly 1/9, so all-4 answers give 100.00 after conversion)
//! - IKM konversi = IKM × 25 (25–100), shown with two decimals
//! - mutu: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, D below — judged on the two-decimal value
//!   people see, so the published number and the published grade never disagree.
//!
//! The employee-level index (U6 Kompetensi and U7 Perilaku pelaksana only) is Kinerja360's
//! own adaptation, not the regulated IKM; every screen and API field says so.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One SKM element with its question and the four answer labels (score 1–4).
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
pub struct Element {
    /// `u1` … `u9`.
    pub code: &'static str,
    pub name_id: &'static str,
    pub name_en: &'static str,
    pub question_id: &'static str,
    pub question_en: &'static str,
    /// Labels for scores 1, 2, 3, 4 (Indonesian).
    pub answers_id: [&'static str; 4],
    /// Labels for scores 1, 2, 3, 4 (English).
    pub answers_en: [&'static str; 4],
}

const SESUAI: [&str; 4] = ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"];
const SUITABLE: [&str; 4] = ["Not suitable", "Less suitable", "Suitable", "Very suitable"];

/// The nine elements, in the order of DOMAIN.md (U8 sarana, U9 pengaduan).
pub const ELEMENTS: [Element; 9] = [
    Element {
        code: "u1",
        name_id: "Persyaratan",
        name_en: "Requirements",
        question_id: "Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        question_en: "How well do the service requirements match the kind of service?",
        answers_id: SESUAI,
        answers_en: SUITABLE,
    },
    Element {
        code: "u2",
        name_id: "Sistem, mekanisme, dan prosedur",
        name_en: "System, mechanism and procedure",
        question_id: "Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?",
        question_en: "How easy is the service procedure at this office?",
        answers_id: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
        answers_en: ["Not easy", "Not very easy", "Easy", "Very easy"],
    },
    Element {
        code: "u3",
        name_id: "Waktu penyelesaian",
        name_en: "Completion time",
        question_id: "Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?",
        question_en: "How fast was the service?",
        answers_id: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
        answers_en: ["Not fast", "Not very fast", "Fast", "Very fast"],
    },
    Element {
        code: "u4",
        name_id: "Biaya/tarif",
        name_en: "Cost/fee",
        question_id: "Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?",
        question_en: "How fair was the cost or fee of the service?",
        answers_id: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
        answers_en: ["Very expensive", "Rather expensive", "Cheap", "Free"],
    },
    Element {
        code: "u5",
        name_id: "Produk spesifikasi jenis pelayanan",
        name_en: "Service product",
        question_id: "Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        question_en: "How well did the result match what the service standard promises?",
        answers_id: SESUAI,
        answers_en: SUITABLE,
    },
    Element {
        code: "u6",
        name_id: "Kompetensi pelaksana",
        name_en: "Staff competence",
        question_id: "Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?",
        question_en: "How competent was the staff who served you?",
        answers_id: [
            "Tidak kompeten",
            "Kurang kompeten",
            "Kompeten",
            "Sangat kompeten",
        ],
        answers_en: [
            "Not competent",
            "Less competent",
            "Competent",
            "Very competent",
        ],
    },
    Element {
        code: "u7",
        name_id: "Perilaku pelaksana",
        name_en: "Staff behaviour",
        question_id: "Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        question_en: "How polite and friendly was the staff?",
        answers_id: [
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ],
        answers_en: [
            "Not polite or friendly",
            "Not very polite or friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ],
    },
    Element {
        code: "u8",
        name_id: "Sarana dan prasarana",
        name_en: "Facilities",
        question_id: "Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?",
        question_en: "How good are the facilities?",
        answers_id: ["Buruk", "Cukup", "Baik", "Sangat baik"],
        answers_en: ["Poor", "Fair", "Good", "Very good"],
    },
    Element {
        code: "u9",
        name_id: "Penanganan pengaduan, saran, dan masukan",
        name_en: "Handling of complaints and suggestions",
        question_id: "Bagaimana pendapat Anda tentang penanganan pengaduan pengguna layanan?",
        question_en: "How well are complaints and suggestions handled?",
        answers_id: [
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ],
        answers_en: [
            "None",
            "Exists but does not work",
            "Works, not fully",
            "Handled well",
        ],
    },
];

/// Quality grade of a service unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum Mutu {
    /// Sangat Baik: 88.31–100.00
    A,
    /// Baik: 76.61–88.30
    B,
    /// Kurang Baik: 65.00–76.60
    C,
    /// Tidak Baik: 25.00–64.99
    D,
}

impl Mutu {
    /// The grade as it appears on the wire (`A` … `D`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mutu::A => "A",
            Mutu::B => "B",
            Mutu::C => "C",
            Mutu::D => "D",
        }
    }

    pub fn parse(s: &str) -> Option<Mutu> {
        match s {
            "A" => Some(Mutu::A),
            "B" => Some(Mutu::B),
            "C" => Some(Mutu::C),
            "D" => Some(Mutu::D),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mutu::A => "Sangat Baik",
            Mutu::B => "Baik",
            Mutu::C => "Kurang Baik",
            Mutu::D => "Tidak Baik",
        }
    }

    /// The grade of a converted index, judged on its two-decimal value.
    pub fn of(konversi: f64) -> Mutu {
        let hundredths = (konversi * 100.0).round() as i64;
        match hundredths {
            h if h >= 8831 => Mutu::A,
            h if h >= 7661 => Mutu::B,
            h if h >= 6500 => Mutu::C,
            _ => Mutu::D,
        }
    }
}

/// Rounds for display (two decimals, half away from zero).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Sum and count of scores for one element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ElementTotals {
    pub sum: i64,
    pub count: i64,
}

/// The computed index over a set of elements.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// NRR per element (same order as the input), unrounded; `None` without answers.
    pub nrr: Vec<Option<f64>>,
    /// Σ NRR × 1/n (1–4), unrounded.
    pub ikm: f64,
    /// IKM × 25 (25–100), unrounded; round with `round2` for display.
    pub konversi: f64,
    pub mutu: Mutu,
}

/// Computes the index over the given elements (9 for IKM, 2 for the employee index).
/// `None` when any element has no answers, since the weights would no longer be 1/n.
pub fn compute(totals: &[ElementTotals]) -> Option<Index> {
    if totals.is_empty() || totals.iter().any(|t| t.count <= 0) {
        return None;
    }
    let nrr: Vec<f64> = totals
        .iter()
        .map(|t| t.sum as f64 / t.count as f64)
        .collect();
    // Σ NRR × (1/n) computed as Σ NRR ÷ n: the same weights without rounding 1/9.
    let ikm = nrr.iter().sum::<f64>() / nrr.len() as f64;
    let konversi = ikm * 25.0;
    Some(Index {
        nrr: nrr.into_iter().map(Some).collect(),
        ikm,
        konversi,
        mutu: Mutu::of(konversi),
    })
}

/// Indexes of all nine elements (the unit IKM).
pub const ALL_ELEMENTS: [usize; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/// Indexes of U6 (kompetensi) and U7 (perilaku): the employee-level index.
pub const EMPLOYEE_ELEMENTS: [usize; 2] = [5, 6];

/// The label every screen shows beside the employee index.
pub const EMPLOYEE_INDEX_LABEL: &str = "Indeks layanan pegawai dari unsur U6 (kompetensi) dan U7 (perilaku) — \
adaptasi Kinerja360, bukan IKM resmi PermenPANRB 14/2017";

/// The minimum number of respondents in force: the setting, but never below one.
pub fn min_respondents(setting: i64) -> i64 {
    setting.max(1)
}

/// Whether an index may be shown: at least the minimum number of respondents.
pub fn sufficient(respondents: i64, min: i64) -> bool {
    respondents >= min
}

/// The index over the chosen elements (`ALL_ELEMENTS`, `EMPLOYEE_ELEMENTS`) of per-element
/// sums answered by `respondents`, or `None` below the minimum respondents.
pub fn index_of(sums: &[i64; 9], respondents: i64, min: i64, elements: &[usize]) -> Option<Index> {
    if !sufficient(respondents, min) {
        return None;
    }
    let totals: Vec<ElementTotals> = elements
        .iter()
        .map(|i| ElementTotals {
            sum: sums[*i],
            count: respondents,
        })
        .collect();
    compute(&totals)
}

/// Longest report range, in days (three years).
pub const MAX_RANGE_DAYS: i64 = 3 * 366;

/// A report's local date range: `to` defaults to today, `from` to the first day of the
/// month five months before `to`. Error: (field, message).
pub fn date_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), (&'static str, &'static str)> {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| {
        NaiveDate::from_ymd_opt(to.year(), to.month(), 1)
            .and_then(|d| d.checked_sub_months(Months::new(5)))
            .unwrap_or(to)
    });
    if from > to {
        return Err(("from", "Tanggal awal harus sebelum tanggal akhir"));
    }
    if (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(("from", "Rentang waktu maksimal tiga tahun"));
    }
    Ok((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uniform(n: i64, total: i64) -> Vec<ElementTotals> {
        // `total` spread over 9 elements answered by n respondents each.
        let base = total / 9;
        let extra = total % 9;
        (0..9)
            .map(|i| ElementTotals {
                sum: base + i64::from(i < extra),
                count: n,
            })
            .collect()
    }

    #[test]
    fn all_answers_four_give_exactly_100() {
        let idx = compute(&[ElementTotals { sum: 40, count: 10 }; 9]).expect("index");
        assert_eq!(round2(idx.konversi), 100.00);
        assert_eq!(idx.mutu, Mutu::A);
    }

    #[test]
    fn all_answers_one_give_25() {
        let idx = compute(&[ElementTotals { sum: 7, count: 7 }; 9]).expect("index");
        assert_eq!(round2(idx.konversi), 25.00);
        assert_eq!(idx.mutu, Mutu::D);
    }

    #[test]
    fn mutu_boundaries_follow_the_published_two_decimal_value() {
        assert_eq!(Mutu::of(64.99), Mutu::D);
        assert_eq!(Mutu::of(65.00), Mutu::C);
        assert_eq!(Mutu::of(76.60), Mutu::C);
        assert_eq!(Mutu::of(76.61), Mutu::B);
        assert_eq!(Mutu::of(88.30), Mutu::B);
        assert_eq!(Mutu::of(88.31), Mutu::A);
        // 64.995 is shown as 65.00, so it is graded C.
        assert_eq!(Mutu::of(64.995_000_1), Mutu::C);
    }

    #[test]
    fn hand_computed_datasets_land_on_each_boundary() {
        // konversi = 25 × S ÷ (9 × n) for n respondents whose answers sum to S.
        for (n, s, shown, mutu) in [
            (38, 889, 64.99, Mutu::D),
            (5, 117, 65.00, Mutu::C),
            (26, 717, 76.60, Mutu::C),
            (19, 524, 76.61, Mutu::B),
            (19, 604, 88.30, Mutu::B),
            (24, 763, 88.31, Mutu::A),
        ] {
            let idx = compute(&uniform(n, s)).expect("index");
            assert_eq!(round2(idx.konversi), shown, "n={n} S={s}");
            assert_eq!(idx.mutu, mutu, "n={n} S={s}");
        }
    }

    #[test]
    fn nrr_is_the_mean_score_of_each_element() {
        let mut t = vec![ElementTotals { sum: 30, count: 10 }; 9];
        t[0] = ElementTotals { sum: 25, count: 10 };
        let idx = compute(&t).expect("index");
        assert_eq!(idx.nrr[0], Some(2.5));
        assert_eq!(idx.nrr[1], Some(3.0));
        assert!((idx.ikm - (2.5 + 8.0 * 3.0) / 9.0).abs() < 1e-12);
    }

    #[test]
    fn no_index_without_answers() {
        assert!(compute(&[]).is_none());
        assert!(compute(&[ElementTotals::default(); 9]).is_none());
    }

    #[test]
    fn the_employee_index_uses_two_elements_with_equal_weight() {
        let idx = compute(&[
            ElementTotals { sum: 16, count: 4 },
            ElementTotals { sum: 12, count: 4 },
        ])
        .expect("index");
        assert_eq!(round2(idx.konversi), 87.50);
        assert_eq!(idx.mutu, Mutu::B);
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn mutu_keeps_its_wire_letters() {
        for m in [Mutu::A, Mutu::B, Mutu::C, Mutu::D] {
            assert_eq!(Mutu::parse(m.as_str()), Some(m));
            assert_eq!(
                serde_json::to_value(m).expect("json"),
                serde_json::Value::String(m.as_str().into())
            );
        }
        assert_eq!(Mutu::parse("E"), None);
    }

    #[test]
    fn no_index_is_given_below_the_minimum_respondents() {
        assert_eq!(min_respondents(0), 1);
        assert_eq!(min_respondents(5), 5);
        let sums = [16; 9];
        assert!(index_of(&sums, 4, 5, &ALL_ELEMENTS).is_none());
        let idx = index_of(&[20; 9], 5, 5, &ALL_ELEMENTS).expect("index");
        assert_eq!(round2(idx.konversi), 100.00);
        let emp =
            index_of(&[0, 0, 0, 0, 0, 20, 15, 0, 0], 5, 5, &EMPLOYEE_ELEMENTS).expect("index");
        assert_eq!(emp.nrr, vec![Some(4.0), Some(3.0)]);
    }

    #[test]
    fn the_default_range_starts_five_months_before_the_end_month() {
        assert_eq!(
            date_range(None, None, day(2026, 7, 15)),
            Ok((day(2026, 2, 1), day(2026, 7, 15)))
        );
        assert_eq!(
            date_range(None, Some(day(2026, 3, 31)), day(2026, 7, 15)),
            Ok((day(2025, 10, 1), day(2026, 3, 31)))
        );
    }

    #[test]
    fn a_reversed_or_too_long_range_is_refused() {
        assert!(
            date_range(
                Some(day(2026, 2, 1)),
                Some(day(2026, 1, 1)),
                day(2026, 7, 1)
            )
            .is_err()
        );
        assert!(
            date_range(
                Some(day(2020, 1, 1)),
                Some(day(2026, 1, 1)),
                day(2026, 7, 1)
            )
            .is_err()
        );
        assert!(
            date_range(
                Some(day(2024, 1, 1)),
                Some(day(2026, 1, 1)),
                day(2026, 7, 1)
            )
            .is_ok()
        );
    }
}
