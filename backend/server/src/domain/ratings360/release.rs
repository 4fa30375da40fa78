//! When a round's 360 results are released (ADR 0013): as one snapshot, once, when the
//! period's `deadline_360` has passed or the period is closed (or published), never per
//! response. Before that the ratee, the supervisor and HR see "not released yet" and no
//! numbers, so no single response is ever the difference between two things they can see.
//!
//! The release is sticky: once recorded (`periods.released_360_at`) a period stays
//! released even if it is reopened or its deadline is moved, and no form can be submitted
//! any more (`edit_block` answers `EditBlock::Released`).

use chrono::NaiveDate;

use crate::domain::period::PeriodState;

/// Whether a period's 360 results are released on local day `today`.
///
/// `recorded` is whether the release was already recorded; `deadline` is the last local
/// day raters may answer (released the day after); without a deadline the results are
/// released when the period closes.
pub fn is_released(
    recorded: bool,
    deadline: Option<NaiveDate>,
    state: Option<PeriodState>,
    today: NaiveDate,
) -> bool {
    if recorded {
        return true;
    }
    if matches!(state, Some(PeriodState::Closed | PeriodState::Published)) {
        return true;
    }
    // A draft period has no responses yet: nothing to release.
    state == Some(PeriodState::Open) && deadline.is_some_and(|d| today > d)
}

/// Whether the release should be recorded now: released by the rule and not yet recorded.
pub fn release_due(
    recorded: bool,
    deadline: Option<NaiveDate>,
    state: Option<PeriodState>,
    today: NaiveDate,
) -> bool {
    !recorded && is_released(false, deadline, state, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).expect("date")
    }

    #[test]
    fn an_open_round_is_not_released_until_the_day_after_its_deadline() {
        let open = Some(PeriodState::Open);
        assert!(!is_released(false, Some(d(10)), open, d(9)));
        assert!(!is_released(false, Some(d(10)), open, d(10)));
        assert!(is_released(false, Some(d(10)), open, d(11)));
    }

    #[test]
    fn an_open_round_without_deadline_waits_for_the_close() {
        assert!(!is_released(false, None, Some(PeriodState::Open), d(31)));
        assert!(is_released(false, None, Some(PeriodState::Closed), d(1)));
        assert!(is_released(false, None, Some(PeriodState::Published), d(1)));
    }

    #[test]
    fn closing_releases_at_once_even_before_the_deadline() {
        assert!(is_released(
            false,
            Some(d(20)),
            Some(PeriodState::Closed),
            d(5)
        ));
    }

    #[test]
    fn a_draft_period_has_nothing_to_release() {
        assert!(!is_released(
            false,
            Some(d(1)),
            Some(PeriodState::Draft),
            d(20)
        ));
    }

    #[test]
    fn a_recorded_release_stays_released_after_reopening_or_a_moved_deadline() {
        assert!(is_released(
            true,
            Some(d(30)),
            Some(PeriodState::Open),
            d(5)
        ));
        assert!(is_released(true, None, Some(PeriodState::Open), d(5)));
    }

    #[test]
    fn the_release_is_due_once() {
        let closed = Some(PeriodState::Closed);
        assert!(release_due(false, None, closed, d(1)));
        assert!(!release_due(true, None, closed, d(1)));
        assert!(!release_due(
            false,
            Some(d(10)),
            Some(PeriodState::Open),
            d(10)
        ));
    }
}
