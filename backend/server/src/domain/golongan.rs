//! Golongan/ruang reference data: PNS codes with their SIASN code and pangkat, PPPK I–XVII.

use serde::Serialize;
use utoipa::ToSchema;

/// One golongan as written on documents, with its SIASN code and pangkat (PNS only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Golongan {
    /// As written on documents: `III/b` for PNS, `IX` for PPPK.
    pub code: &'static str,
    /// SIASN code: 11–45 for PNS, 1–17 for PPPK.
    pub siasn_code: u8,
    /// Pangkat (PNS only).
    pub pangkat: Option<&'static str>,
    /// `PNS` or `PPPK`.
    pub status: &'static str,
}

const fn pns(code: &'static str, siasn_code: u8, pangkat: &'static str) -> Golongan {
    Golongan {
        code,
        siasn_code,
        pangkat: Some(pangkat),
        status: "PNS",
    }
}

const fn pppk(code: &'static str, siasn_code: u8) -> Golongan {
    Golongan {
        code,
        siasn_code,
        pangkat: None,
        status: "PPPK",
    }
}

/// Every golongan, PNS first (by rank), then PPPK.
pub const ALL: [Golongan; 34] = [
    pns("I/a", 11, "Juru Muda"),
    pns("I/b", 12, "Juru Muda Tk I"),
    pns("I/c", 13, "Juru"),
    pns("I/d", 14, "Juru Tk I"),
    pns("II/a", 21, "Pengatur Muda"),
    pns("II/b", 22, "Pengatur Muda Tk I"),
    pns("II/c", 23, "Pengatur"),
    pns("II/d", 24, "Pengatur Tk I"),
    pns("III/a", 31, "Penata Muda"),
    pns("III/b", 32, "Penata Muda Tk I"),
    pns("III/c", 33, "Penata"),
    pns("III/d", 34, "Penata Tk I"),
    pns("IV/a", 41, "Pembina"),
    pns("IV/b", 42, "Pembina Tk I"),
    pns("IV/c", 43, "Pembina Utama Muda"),
    pns("IV/d", 44, "Pembina Utama Madya"),
    pns("IV/e", 45, "Pembina Utama"),
    pppk("I", 1),
    pppk("II", 2),
    pppk("III", 3),
    pppk("IV", 4),
    pppk("V", 5),
    pppk("VI", 6),
    pppk("VII", 7),
    pppk("VIII", 8),
    pppk("IX", 9),
    pppk("X", 10),
    pppk("XI", 11),
    pppk("XII", 12),
    pppk("XIII", 13),
    pppk("XIV", 14),
    pppk("XV", 15),
    pppk("XVI", 16),
    pppk("XVII", 17),
];

/// Finds a golongan by its written code for the given status (`PNS` or `PPPK`).
pub fn find(status: &str, code: &str) -> Option<&'static Golongan> {
    let code = code.trim();
    ALL.iter()
        .find(|g| g.status == status && g.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pns_golongan_carry_siasn_code_and_pangkat() {
        let g = find("PNS", "III/b").expect("exists");
        assert_eq!(g.siasn_code, 32);
        assert_eq!(g.pangkat, Some("Penata Muda Tk I"));
        assert_eq!(find("PNS", "IV/e").map(|g| g.siasn_code), Some(45));
    }

    #[test]
    fn pppk_golongan_run_from_i_to_xvii_without_ruang() {
        assert_eq!(find("PPPK", "IX").map(|g| g.siasn_code), Some(9));
        assert_eq!(find("PPPK", "XVII").map(|g| g.siasn_code), Some(17));
        assert!(find("PPPK", "XVIII").is_none());
        assert!(find("PPPK", "III/b").is_none());
    }

    #[test]
    fn a_pns_cannot_have_a_pppk_golongan() {
        assert!(find("PNS", "IX").is_none());
        assert!(find("PNS", "III/f").is_none());
    }
}
