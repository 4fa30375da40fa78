//! The two supervisor ratings and the predikat kinerja (PermenPANRB 6/2022).
//!
//! The predikat is a lookup in the exact matrix of DOMAIN.md section 4 — never `min`/`max`
//! arithmetic, because the matrix is not monotone in that way (Di Atas × Di Bawah is Kurang,
//! not Butuh Perbaikan).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Rating hasil kerja or rating perilaku kerja (SIASN codes 1/2/3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Di Atas Ekspektasi (SIASN 1)
    DiAtas,
    /// Sesuai Ekspektasi (SIASN 2)
    Sesuai,
    /// Di Bawah Ekspektasi (SIASN 3)
    DiBawah,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::DiAtas, Rating::Sesuai, Rating::DiBawah];

    pub fn siasn_code(self) -> u8 {
        match self {
            Rating::DiAtas => 1,
            Rating::Sesuai => 2,
            Rating::DiBawah => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::DiAtas => "Di Atas Ekspektasi",
            Rating::Sesuai => "Sesuai Ekspektasi",
            Rating::DiBawah => "Di Bawah Ekspektasi",
        }
    }

    pub fn parse(s: &str) -> Option<Rating> {
        match s {
            "di_atas" => Some(Rating::DiAtas),
            "sesuai" => Some(Rating::Sesuai),
            "di_bawah" => Some(Rating::DiBawah),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::DiAtas => "di_atas",
            Rating::Sesuai => "sesuai",
            Rating::DiBawah => "di_bawah",
        }
    }
}

/// Predikat kinerja (SIASN codes 1–5).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Predikat {
    SangatBaik,
    Baik,
    ButuhPerbaikan,
    Kurang,
    SangatKurang,
}

impl Predikat {
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatBaik,
        Predikat::Baik,
        Predikat::ButuhPerbaikan,
        Predikat::Kurang,
        Predikat::SangatKurang,
    ];

    pub fn siasn_code(self) -> u8 {
        match self {
            Predikat::SangatBaik => 1,
            Predikat::Baik => 2,
            Predikat::ButuhPerbaikan => 3,
            Predikat::Kurang => 4,
            Predikat::SangatKurang => 5,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "sangat_baik",
            Predikat::Baik => "baik",
            Predikat::ButuhPerbaikan => "butuh_perbaikan",
            Predikat::Kurang => "kurang",
            Predikat::SangatKurang => "sangat_kurang",
        }
    }

    pub fn parse(s: &str) -> Option<Predikat> {
        Predikat::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }
}

/// The predikat matrix, row = rating hasil kerja, column = rating perilaku kerja, both in
/// the order Di Atas, Sesuai, Di Bawah.
const MATRIX: [[Predikat; 3]; 3] = [
    // hasil kerja Di Atas
    [Predikat::SangatBaik, Predikat::Baik, Predikat::Kurang],
    // hasil kerja Sesuai
    [Predikat::Baik, Predikat::Baik, Predikat::Kurang],
    // hasil kerja Di Bawah
    [
        Predikat::ButuhPerbaikan,
        Predikat::ButuhPerbaikan,
        Predikat::SangatKurang,
    ],
];

fn index(r: Rating) -> usize {
    match r {
        Rating::DiAtas => 0,
        Rating::Sesuai => 1,
        Rating::DiBawah => 2,
    }
}

/// The predikat for a pair of ratings.
pub fn predikat(hasil_kerja: Rating, perilaku: Rating) -> Predikat {
    MATRIX[index(hasil_kerja)][index(perilaku)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;
    use Rating::*;

    #[test]
    fn every_cell_of_the_matrix_matches_the_regulation() {
        let cases = [
            (DiAtas, DiBawah, Kurang),
            (DiAtas, Sesuai, Baik),
            (DiAtas, DiAtas, SangatBaik),
            (Sesuai, DiBawah, Kurang),
            (Sesuai, Sesuai, Baik),
            (Sesuai, DiAtas, Baik),
            (DiBawah, DiBawah, SangatKurang),
            (DiBawah, Sesuai, ButuhPerbaikan),
            (DiBawah, DiAtas, ButuhPerbaikan),
        ];
        for (hasil, perilaku, expected) in cases {
            assert_eq!(
                predikat(hasil, perilaku),
                expected,
                "{hasil:?} × {perilaku:?}"
            );
        }
    }

    #[test]
    fn siasn_codes_are_one_to_five_and_one_to_three() {
        let codes: Vec<u8> = Predikat::ALL.iter().map(|p| p.siasn_code()).collect();
        assert_eq!(codes, vec![1, 2, 3, 4, 5]);
        let r: Vec<u8> = Rating::ALL.iter().map(|r| r.siasn_code()).collect();
        assert_eq!(r, vec![1, 2, 3]);
    }

    #[test]
    fn ratings_round_trip_through_their_names() {
        for r in Rating::ALL {
            assert_eq!(Rating::parse(r.as_str()), Some(r));
        }
        assert_eq!(Rating::parse("tinggi"), None);
    }
}
