//! NIP (PNS) and NI PPPK: 18-digit identifiers whose segments carry meaning.
//!
//! PNS: 1–8 birth date, 9–14 TMT CPNS (YYYYMM), 15 gender, 16–18 sequence.
//! PPPK: 1–8 birth date, 9–12 TMT year, 13 = `2`, 14 contract count, 15 gender, 16–18 sequence.
//! A PNS month can never start with `2`, so digit 13 tells the two apart. Errors name the
//! failing digits, in Indonesian (the product's first language).

use chrono::NaiveDate;
use std::fmt;

/// Which kind of civil servant an 18-digit number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NipKind {
    Pns,
    Pppk,
}

impl NipKind {
    pub fn as_status(self) -> &'static str {
        match self {
            NipKind::Pns => "PNS",
            NipKind::Pppk => "PPPK",
        }
    }
}

/// A validated NIP or NI PPPK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nip {
    digits: String,
    kind: NipKind,
    birth_date: NaiveDate,
    male: bool,
}

/// Why a string is not a valid NIP; `Display` gives the user-facing message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NipError(String);

impl fmt::Display for NipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NipError {}

fn err(msg: impl Into<String>) -> NipError {
    NipError(msg.into())
}

fn num(s: &str) -> u32 {
    // Only called on ASCII-digit slices checked by `parse`.
    s.bytes()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
}

impl Nip {
    /// Parses and checks every segment.
    pub fn parse(input: &str) -> Result<Self, NipError> {
        let s = input.trim();
        if s.len() != 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(format!(
                "NIP harus terdiri dari 18 digit angka (diterima {} karakter)",
                s.chars().count()
            )));
        }
        let birth_date =
            NaiveDate::from_ymd_opt(num(&s[0..4]) as i32, num(&s[4..6]), num(&s[6..8]))
                .ok_or_else(|| {
                    err(format!(
                        "NIP digit 1–8: {} bukan tanggal lahir yang sah (format TTTTBBHH)",
                        &s[0..8]
                    ))
                })?;
        let birth_year = birth_date.format("%Y").to_string();
        let birth_year: u32 = num(&birth_year);
        if !(1940..=2015).contains(&birth_year) {
            return Err(err(format!(
                "NIP digit 1–8: tahun lahir {birth_year} tidak masuk akal"
            )));
        }

        let kind = if &s[12..13] == "2" {
            NipKind::Pppk
        } else {
            NipKind::Pns
        };
        match kind {
            NipKind::Pns => {
                let year = num(&s[8..12]);
                let month = num(&s[12..14]);
                if !(1..=12).contains(&month) {
                    return Err(err(format!(
                        "NIP digit 9–14: bulan {} bukan bulan yang sah (TMT CPNS TTTTBB)",
                        &s[12..14]
                    )));
                }
                let tmt = year * 100 + month;
                let birth = birth_year * 100 + num(&s[4..6]);
                if tmt <= birth {
                    return Err(err(format!(
                        "NIP digit 9–14: TMT CPNS {} tidak lebih akhir dari tanggal lahir",
                        &s[8..14]
                    )));
                }
            }
            NipKind::Pppk => {
                let year = num(&s[8..12]);
                if year <= birth_year {
                    return Err(err(format!(
                        "NI PPPK digit 9–12: tahun TMT {year} tidak lebih akhir dari tahun lahir"
                    )));
                }
                if &s[13..14] == "0" {
                    return Err(err(
                        "NI PPPK digit 14: urutan kontrak harus 1–9, bukan 0".to_string()
                    ));
                }
            }
        }
        let male = match &s[14..15] {
            "1" => true,
            "2" => false,
            other => {
                return Err(err(format!(
                    "NIP digit 15: kode jenis kelamin {other} tidak sah (1 laki-laki, 2 perempuan)"
                )));
            }
        };
        if &s[15..18] == "000" {
            return Err(err("NIP digit 16–18: nomor urut harus 001–999, bukan 000"));
        }
        Ok(Nip {
            digits: s.to_string(),
            kind,
            birth_date,
            male,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn kind(&self) -> NipKind {
        self.kind
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    pub fn is_male(&self) -> bool {
        self.male
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_pns_nip_parses_with_its_segments() {
        let nip = Nip::parse("198503142010011002").expect("valid");
        assert_eq!(nip.kind(), NipKind::Pns);
        assert_eq!(
            nip.birth_date(),
            NaiveDate::from_ymd_opt(1985, 3, 14).expect("date")
        );
        assert!(nip.is_male());
    }

    #[test]
    fn a_valid_ni_pppk_parses_as_pppk() {
        let nip = Nip::parse("199207152022212001").expect("valid");
        assert_eq!(nip.kind(), NipKind::Pppk);
        assert!(!nip.is_male());
    }

    #[test]
    fn wrong_length_or_letters_are_refused() {
        assert!(
            Nip::parse("12345")
                .unwrap_err()
                .to_string()
                .contains("18 digit")
        );
        assert!(Nip::parse("19850314201001100A").is_err());
    }

    #[test]
    fn an_impossible_birth_date_names_digits_1_to_8() {
        let e = Nip::parse("198502302010011002").unwrap_err().to_string();
        assert!(e.contains("digit 1–8"), "{e}");
    }

    #[test]
    fn month_13_names_digits_9_to_14() {
        let e = Nip::parse("198503142010131002").unwrap_err().to_string();
        assert!(e.contains("digit 9–14") && e.contains("bulan 13"), "{e}");
    }

    #[test]
    fn month_00_is_not_a_month() {
        let e = Nip::parse("198503142010001002").unwrap_err().to_string();
        assert!(e.contains("digit 9–14"), "{e}");
    }

    #[test]
    fn tmt_before_birth_is_refused() {
        let e = Nip::parse("198503141984011002").unwrap_err().to_string();
        assert!(e.contains("digit 9–14"), "{e}");
    }

    #[test]
    fn gender_digit_must_be_1_or_2() {
        let e = Nip::parse("198503142010013002").unwrap_err().to_string();
        assert!(e.contains("digit 15"), "{e}");
    }

    #[test]
    fn sequence_000_is_refused() {
        let e = Nip::parse("198503142010011000").unwrap_err().to_string();
        assert!(e.contains("digit 16–18"), "{e}");
    }

    #[test]
    fn pppk_contract_count_zero_is_refused() {
        let e = Nip::parse("199207152022202001").unwrap_err().to_string();
        assert!(e.contains("digit 14"), "{e}");
    }

    #[test]
    fn pppk_tmt_year_must_follow_birth_year() {
        let e = Nip::parse("199207151990212001").unwrap_err().to_string();
        assert!(e.contains("digit 9–12"), "{e}");
    }
}
