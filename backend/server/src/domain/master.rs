//! Enumerations of master data (unit kinds, employee status, jenis jabatan) and the
//! display rules for names with titles.

/// Unit kinds accepted from the HR system.
pub const UNIT_KINDS: [&str; 8] = [
    "kecamatan",
    "kelurahan",
    "sekretariat",
    "seksi",
    "dinas",
    "bidang",
    "uptd",
    "lainnya",
];

/// Employee status.
pub const STATUSES: [&str; 2] = ["PNS", "PPPK"];

/// Kinds of position.
pub const JENIS_JABATAN: [&str; 3] = ["struktural", "fungsional", "pelaksana"];

/// Unit codes are what the HR system uses in URLs: letters, digits, `-`, `_`, `.`.
pub fn is_valid_unit_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The name as written on documents: `Drs. H. Lalu Ahmad, M.Si.`.
pub fn full_name(name: &str, gelar_depan: Option<&str>, gelar_belakang: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(d) = gelar_depan.map(str::trim).filter(|d| !d.is_empty()) {
        out.push_str(d);
        out.push(' ');
    }
    out.push_str(name.trim());
    if let Some(b) = gelar_belakang.map(str::trim).filter(|b| !b.is_empty()) {
        out.push_str(", ");
        out.push_str(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_name_places_titles_around_the_name() {
        assert_eq!(
            full_name("Lalu Ahmad", Some("Drs."), Some("M.Si.")),
            "Drs. Lalu Ahmad, M.Si."
        );
        assert_eq!(full_name("Baiq Nurul", None, Some(" ")), "Baiq Nurul");
    }

    #[test]
    fn unit_codes_are_url_safe() {
        assert!(is_valid_unit_code("CKN-KEL-CB"));
        assert!(!is_valid_unit_code("CKN KEL"));
        assert!(!is_valid_unit_code(""));
    }
}
