//! Rules of the 360 round (DOMAIN.md §5), free of I/O: the statuses of an assignment, when
//! a form may be edited, when assignments may change, who may be a peer (and how many),
//! and which hierarchy assignments a round starts with.
//!
//! One row of `ratings_360` is both the assignment and the response; its `status` is one
//! of `AssignmentStatus`. Peers and subordinates are anonymous, so organisers only ever see
//! a `NominationStatus` of their rows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::aggregation::RaterGroup;
use super::period::PeriodState;

mod peers;
pub mod release;

pub use peers::{
    Existing, MAX_PEERS, Member, PeerChange, PeerNipsError, PeerRefusal, decided_status, is_live,
    peer_change, peer_nips, peer_refusal, restored_status, too_many_peers,
};

/// The stored status of a 360 row (`ratings_360.status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    /// A form issued to the rater, not yet started.
    Assigned,
    /// Answers saved, not yet submitted.
    Draft,
    /// Final answers.
    Submitted,
    /// A peer nominated by the ratee, waiting for a decision (not a form yet).
    Nominated,
    /// A peer nomination or assignment rejected (answers kept, never counted).
    Rejected,
}

impl AssignmentStatus {
    pub const ALL: [AssignmentStatus; 5] = [
        AssignmentStatus::Assigned,
        AssignmentStatus::Draft,
        AssignmentStatus::Submitted,
        AssignmentStatus::Nominated,
        AssignmentStatus::Rejected,
    ];

    /// Statuses of a row that is a form for the rater (issued, started or done).
    pub const FORMS: [AssignmentStatus; 3] = [
        AssignmentStatus::Assigned,
        AssignmentStatus::Draft,
        AssignmentStatus::Submitted,
    ];

    /// Forms still to finish.
    pub const PENDING: [AssignmentStatus; 2] =
        [AssignmentStatus::Assigned, AssignmentStatus::Draft];

    pub fn as_str(self) -> &'static str {
        match self {
            AssignmentStatus::Assigned => "assigned",
            AssignmentStatus::Draft => "draft",
            AssignmentStatus::Submitted => "submitted",
            AssignmentStatus::Nominated => "nominated",
            AssignmentStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<AssignmentStatus> {
        AssignmentStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the row is a form for its rater.
    pub fn is_form(self) -> bool {
        AssignmentStatus::FORMS.contains(&self)
    }

    /// Whether the form is issued and not yet submitted.
    pub fn is_pending(self) -> bool {
        AssignmentStatus::PENDING.contains(&self)
    }

    /// Whether the answers of a form can be read back (by its rater only): a submitted
    /// response is sealed and never read back through the API by anyone, the rater
    /// included (ADR 0016), so a password reset or a borrowed session reveals nothing.
    pub fn answers_readable(self) -> bool {
        self.is_pending()
    }

    /// What an organiser may see of an anonymous (peer or subordinate) row: never whether
    /// the rater started or submitted.
    pub fn nomination(self) -> NominationStatus {
        match self {
            AssignmentStatus::Nominated => NominationStatus::Nominated,
            AssignmentStatus::Rejected => NominationStatus::Rejected,
            _ => NominationStatus::Approved,
        }
    }
}

/// The state of a peer (or subordinate) as the ratee and the organisers see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NominationStatus {
    Nominated,
    Approved,
    Rejected,
}

impl NominationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NominationStatus::Nominated => "nominated",
            NominationStatus::Approved => "approved",
            NominationStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<NominationStatus> {
        [
            NominationStatus::Nominated,
            NominationStatus::Approved,
            NominationStatus::Rejected,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// The period facts the 360 rules depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Round {
    pub run_360: bool,
    pub state: Option<PeriodState>,
    /// Last local day answers may be saved.
    pub deadline: Option<NaiveDate>,
    /// Whether the results were released (`release::is_released`): no form is saved after.
    pub released: bool,
}

/// Why a form cannot be saved now, in the order the rater should hear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditBlock {
    Submitted,
    NoRound,
    PeriodNotOpen,
    DeadlinePassed(NaiveDate),
    /// The results were released as one snapshot (ADR 0013); nothing may change them.
    Released,
}

/// Whether a 360 form can be saved or submitted on local day `today`: not submitted, the
/// period runs a 360 round and is open, and the deadline day (if any) has not passed.
pub fn edit_block(status: AssignmentStatus, round: Round, today: NaiveDate) -> Option<EditBlock> {
    if status == AssignmentStatus::Submitted {
        return Some(EditBlock::Submitted);
    }
    if !round.run_360 {
        return Some(EditBlock::NoRound);
    }
    if round.state != Some(PeriodState::Open) {
        return Some(EditBlock::PeriodNotOpen);
    }
    match round.deadline {
        Some(deadline) if today > deadline => Some(EditBlock::DeadlinePassed(deadline)),
        _ if round.released => Some(EditBlock::Released),
        _ => None,
    }
}

/// Why assignments cannot change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignBlock {
    NoRound,
    Published,
}

/// Assignments (generation, peers, decisions) change while the period runs a 360 round
/// and until it is published.
pub fn assign_block(round: Round) -> Option<AssignBlock> {
    if !round.run_360 {
        Some(AssignBlock::NoRound)
    } else if round.state == Some(PeriodState::Published) {
        Some(AssignBlock::Published)
    } else {
        None
    }
}

/// The hierarchy's raters of one ratee: themself, their direct supervisor when active,
/// and each active direct subordinate.
pub fn hierarchy_raters(
    ratee: Uuid,
    active_supervisor: Option<Uuid>,
    subordinates: &[Uuid],
) -> Vec<(Uuid, RaterGroup)> {
    let mut pairs = vec![(ratee, RaterGroup::SelfRating)];
    if let Some(sup) = active_supervisor {
        pairs.push((sup, RaterGroup::Supervisor));
    }
    pairs.extend(subordinates.iter().map(|s| (*s, RaterGroup::Subordinate)));
    pairs
}

/// Local midnight of a day as a UTC instant.
fn local_midnight(offset: chrono::FixedOffset, d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(offset).single())
        .map_or_else(
            || d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
            |t| t.with_timezone(&Utc),
        )
}

/// The instants `[from, to)` covering a period's local days (citizens' submissions of the
/// period count towards the public group).
pub fn period_range(
    offset: chrono::FixedOffset,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        local_midnight(offset, starts_on),
        local_midnight(offset, ends_on.succ_opt().unwrap_or(ends_on)),
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_submitted_response_is_sealed_and_a_draft_is_not() {
        assert!(!AssignmentStatus::Submitted.answers_readable());
        assert!(AssignmentStatus::Draft.answers_readable());
        assert!(AssignmentStatus::Assigned.answers_readable());
    }

    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn open(deadline: Option<NaiveDate>) -> Round {
        Round {
            run_360: true,
            state: Some(PeriodState::Open),
            deadline,
            released: false,
        }
    }

    #[test]
    fn a_released_round_refuses_every_save_even_when_reopened() {
        let round = Round {
            released: true,
            ..open(None)
        };
        assert_eq!(
            edit_block(AssignmentStatus::Draft, round, day("2026-12-01")),
            Some(EditBlock::Released)
        );
    }

    fn id() -> Uuid {
        Uuid::now_v7()
    }

    #[test]
    fn statuses_keep_their_stored_strings() {
        for s in AssignmentStatus::ALL {
            assert_eq!(AssignmentStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).expect("json"),
                serde_json::json!(s.as_str())
            );
        }
        assert_eq!(AssignmentStatus::parse("approved"), None);
        for s in ["nominated", "approved", "rejected"] {
            assert_eq!(NominationStatus::parse(s).map(|n| n.as_str()), Some(s));
        }
    }

    #[test]
    fn only_assigned_draft_and_submitted_rows_are_forms() {
        assert!(AssignmentStatus::Draft.is_form());
        assert!(!AssignmentStatus::Nominated.is_form());
        assert!(!AssignmentStatus::Rejected.is_form());
        assert!(AssignmentStatus::Assigned.is_pending());
        assert!(!AssignmentStatus::Submitted.is_pending());
    }

    #[test]
    fn organisers_see_an_anonymous_row_only_as_nominated_approved_or_rejected() {
        assert_eq!(
            AssignmentStatus::Submitted.nomination(),
            NominationStatus::Approved
        );
        assert_eq!(
            AssignmentStatus::Draft.nomination(),
            NominationStatus::Approved
        );
        assert_eq!(
            AssignmentStatus::Nominated.nomination(),
            NominationStatus::Nominated
        );
        assert_eq!(
            AssignmentStatus::Rejected.nomination(),
            NominationStatus::Rejected
        );
    }

    #[test]
    fn a_submitted_form_is_no_longer_editable() {
        let today = day("2026-03-10");
        assert_eq!(
            edit_block(AssignmentStatus::Submitted, open(None), today),
            Some(EditBlock::Submitted)
        );
        assert_eq!(edit_block(AssignmentStatus::Draft, open(None), today), None);
    }

    #[test]
    fn a_form_is_editable_only_while_the_round_runs_and_the_period_is_open() {
        let today = day("2026-03-10");
        let mut r = open(None);
        r.run_360 = false;
        assert_eq!(
            edit_block(AssignmentStatus::Assigned, r, today),
            Some(EditBlock::NoRound)
        );
        let mut r = open(None);
        r.state = Some(PeriodState::Closed);
        assert_eq!(
            edit_block(AssignmentStatus::Assigned, r, today),
            Some(EditBlock::PeriodNotOpen)
        );
    }

    #[test]
    fn a_form_is_editable_up_to_the_end_of_the_deadline_day() {
        let deadline = day("2026-03-10");
        let r = open(Some(deadline));
        assert_eq!(edit_block(AssignmentStatus::Draft, r, deadline), None);
        assert_eq!(
            edit_block(AssignmentStatus::Draft, r, day("2026-03-11")),
            Some(EditBlock::DeadlinePassed(deadline))
        );
    }

    #[test]
    fn assignments_change_until_the_period_is_published() {
        assert_eq!(assign_block(open(None)), None);
        let mut r = open(None);
        r.state = Some(PeriodState::Published);
        assert_eq!(assign_block(r), Some(AssignBlock::Published));
        r.run_360 = false;
        assert_eq!(assign_block(r), Some(AssignBlock::NoRound));
    }

    #[test]
    fn a_round_starts_with_self_the_active_supervisor_and_the_subordinates() {
        let (me, boss, a, b) = (id(), id(), id(), id());
        assert_eq!(
            hierarchy_raters(me, Some(boss), &[a, b]),
            vec![
                (me, RaterGroup::SelfRating),
                (boss, RaterGroup::Supervisor),
                (a, RaterGroup::Subordinate),
                (b, RaterGroup::Subordinate)
            ]
        );
        assert_eq!(
            hierarchy_raters(me, None, &[]),
            vec![(me, RaterGroup::SelfRating)]
        );
    }

    #[test]
    fn a_period_covers_its_local_days() {
        let offset = chrono::FixedOffset::east_opt(8 * 3600).expect("offset");
        let (from, to) = period_range(offset, day("2026-01-01"), day("2026-03-31"));
        assert_eq!(from.to_rfc3339(), "2025-12-31T16:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-03-31T16:00:00+00:00");
    }
}
