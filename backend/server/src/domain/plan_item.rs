//! Rules of development plan items as they are written: how many items a plan holds, the
//! hours an item credits, plausible dates, and what completion date a status change keeps.
//!
//! Invariants: a done item always has a completion date (given, kept or today) and leaving
//! done clears it; no completion or assessment date lies in the future.

use chrono::{Datelike, NaiveDate};

use super::development::ItemStatus;

/// A plan holds 1 to this many items.
pub const MAX_ITEMS: usize = 20;

/// Whether a plan may hold `n` items.
pub fn item_count_is_valid(n: usize) -> bool {
    (1..=MAX_ITEMS).contains(&n)
}

/// Training hours (JP) of an item or a course: a whole number 1..=500 (integral floats
/// accepted); `None` when out of range or fractional.
pub fn hours_from_number(n: &serde_json::Number) -> Option<i32> {
    let v = n.as_i64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e9)
            .map(|f| f as i64)
    })?;
    (1..=500).contains(&v).then_some(v as i32)
}

/// Whether a year is plausible for the app's dates and filters (2000–2100).
pub fn is_plausible_year(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

/// Whether a date that records something already done (a completion, an assessment) is
/// acceptable on `today`: not in the future and not before 2000.
pub fn is_past_date(d: NaiveDate, today: NaiveDate) -> bool {
    d <= today && d.year() >= 2000
}

/// The completion date after a progress update: done keeps the given date, else the
/// recorded one, else today; any other status clears it.
pub fn completed_on_after(
    status: ItemStatus,
    given: Option<NaiveDate>,
    recorded: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match status {
        ItemStatus::Done => given.or(recorded).or(Some(today)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_plan_holds_one_to_twenty_items() {
        assert!(!item_count_is_valid(0));
        assert!(item_count_is_valid(1));
        assert!(item_count_is_valid(20));
        assert!(!item_count_is_valid(21));
    }

    #[test]
    fn hours_are_whole_numbers_from_one_to_five_hundred() {
        assert_eq!(hours_from_number(&serde_json::Number::from(12)), Some(12));
        assert_eq!(
            serde_json::Number::from_f64(8.0).and_then(|n| hours_from_number(&n)),
            Some(8)
        );
        assert_eq!(
            serde_json::Number::from_f64(2.5).and_then(|n| hours_from_number(&n)),
            None
        );
        assert_eq!(hours_from_number(&serde_json::Number::from(0)), None);
        assert_eq!(hours_from_number(&serde_json::Number::from(501)), None);
    }

    #[test]
    fn a_done_item_keeps_a_completion_date_and_leaving_done_clears_it() {
        let today = d(2026, 5, 1);
        assert_eq!(
            completed_on_after(ItemStatus::Done, None, None, today),
            Some(today)
        );
        assert_eq!(
            completed_on_after(ItemStatus::Done, None, Some(d(2026, 4, 1)), today),
            Some(d(2026, 4, 1))
        );
        assert_eq!(
            completed_on_after(
                ItemStatus::Done,
                Some(d(2026, 3, 1)),
                Some(d(2026, 4, 1)),
                today
            ),
            Some(d(2026, 3, 1))
        );
        assert_eq!(
            completed_on_after(ItemStatus::InProgress, None, Some(d(2026, 4, 1)), today),
            None
        );
    }

    #[test]
    fn a_completion_date_is_never_in_the_future() {
        let today = d(2026, 5, 1);
        assert!(is_past_date(today, today));
        assert!(!is_past_date(d(2026, 5, 2), today));
        assert!(!is_past_date(d(1999, 12, 31), today));
        assert!(is_plausible_year(2000) && is_plausible_year(2100));
        assert!(!is_plausible_year(2101));
    }
}
