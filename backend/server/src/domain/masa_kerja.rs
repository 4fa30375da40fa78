//! Masa kerja (service time) read from the NIP, for the promotion candidate evidence: no
//! TMT golongan is recorded, so the TMT CPNS in the NIP is the only date we have.
//!
//! Invariant: a PNS NIP carries the TMT as `YYYYMM` in digits 9–14; a PPPK NIP (digit 13 is
//! `2`) carries only the year in digits 9–12.

/// The TMT from an 18-digit NIP: the year and, for PNS, the month.
pub fn tmt_of(nip: &str) -> Option<(i32, Option<u32>)> {
    if nip.len() != 18 || !nip.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = nip[8..12].parse().ok()?;
    if &nip[12..13] == "2" {
        return Some((year, None));
    }
    let month: u32 = nip[12..14].parse().ok()?;
    (1..=12).contains(&month).then_some((year, Some(month)))
}

/// The TMT as shown: `YYYY-MM` (PNS) or `YYYY` (PPPK).
pub fn tmt_label(tmt: (i32, Option<u32>)) -> String {
    match tmt {
        (y, Some(m)) => format!("{y}-{m:02}"),
        (y, None) => y.to_string(),
    }
}

/// Whole years of service on `today` since the TMT (a PPPK TMT counts from January).
pub fn masa_kerja(tmt: (i32, Option<u32>), today: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    let (y, m) = tmt;
    let mut years = today.year() - y;
    if today.month() < m.unwrap_or(1) {
        years -= 1;
    }
    years.max(0)
}

/// How the service time was derived, as shown with every candidate.
pub const MASA_KERJA_NOTE: &str =
    "Masa kerja dihitung dari TMT CPNS pada NIP; TMT golongan tidak tercatat di sistem";

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_tmt_comes_from_the_nip() {
        assert_eq!(tmt_of("199002022015032003"), Some((2015, Some(3))));
        assert_eq!(tmt_of("199207152022212001"), Some((2022, None)));
        assert_eq!(tmt_of("123"), None);
        let d = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default();
        assert_eq!(masa_kerja((2015, Some(3)), d), 10);
        assert_eq!(masa_kerja((2015, Some(1)), d), 11);
    }

    #[test]
    fn a_pns_tmt_shows_its_month_and_a_pppk_tmt_only_its_year() {
        assert_eq!(tmt_label((2015, Some(3))), "2015-03");
        assert_eq!(tmt_label((2022, None)), "2022");
    }
}
