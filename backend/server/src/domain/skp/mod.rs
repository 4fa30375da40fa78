//! Pure rules of the planning and "doing" part of the cycle (DOMAIN.md §2.1–2.2): the SKP
//! workflow, the shape of a valid plan (RHK with indicators and targets), bukti dukung
//! (file types recognised by their magic bytes, safe file names, links), continuous
//! feedback and the coaching formats B.1.8 / B.1.9.
//!
//! Invariants: an SKP moves only draft → submitted → approved | returned and
//! returned → submitted; only a draft or returned plan is edited; realisasi is entered only
//! for an approved SKP of the period's year while the period is open; an uploaded file is
//! accepted only when its bytes match the type it claims.

pub mod coaching;
pub mod files;
pub mod validation;
pub mod workflow;

pub use coaching::*;
pub use files::*;
pub use validation::*;
pub use workflow::*;

/// Field path → message, for a 422 naming each problem.
pub type FieldProblems = Vec<(String, String)>;

/// Longest free text (return reason, realisasi text and note, feedback, comments).
pub const MAX_TEXT: usize = 2000;
/// Largest numeric target or realisasi accepted (beyond any real count or amount).
pub const MAX_NUMBER: f64 = 1e15;

pub fn year_is_valid(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

/// Trims; an empty text is absent.
pub fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Whether a text has more than `max` characters.
pub(crate) fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_outside_2000_to_2100_are_refused() {
        assert!(year_is_valid(2000));
        assert!(year_is_valid(2100));
        assert!(!year_is_valid(1999));
        assert!(!year_is_valid(2101));
    }

    #[test]
    fn cleaning_trims_and_drops_empty_texts() {
        assert_eq!(clean(Some("  a ")), Some("a".to_string()));
        assert_eq!(clean(Some("   ")), None);
        assert_eq!(clean(None), None);
        assert!(too_long("abc", 2));
        assert!(!too_long("äbc", 3));
    }
}
