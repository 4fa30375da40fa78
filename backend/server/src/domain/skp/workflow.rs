//! The SKP workflow (draft → submitted → approved | returned) and when realisasi may be
//! entered.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::period::PeriodState;

/// The state of an SKP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SkpStatus {
    /// Being written by the employee.
    Draft,
    /// Diajukan: waiting for the supervisor.
    Submitted,
    /// Disetujui: the only state that can be evaluated.
    Approved,
    /// Ditolak / dikembalikan with a reason; the employee edits and submits again.
    Returned,
}

/// What someone does to an SKP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkpAction {
    Submit,
    Approve,
    Return,
}

impl SkpStatus {
    pub const ALL: [SkpStatus; 4] = [
        SkpStatus::Draft,
        SkpStatus::Submitted,
        SkpStatus::Approved,
        SkpStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SkpStatus::Draft => "draft",
            SkpStatus::Submitted => "submitted",
            SkpStatus::Approved => "approved",
            SkpStatus::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        SkpStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Indonesian label for messages.
    pub fn label(self) -> &'static str {
        match self {
            SkpStatus::Draft => "Draf",
            SkpStatus::Submitted => "Diajukan",
            SkpStatus::Approved => "Disetujui",
            SkpStatus::Returned => "Dikembalikan",
        }
    }

    /// The employee may change the plan only before it is submitted or after it came back.
    pub fn is_editable(self) -> bool {
        matches!(self, SkpStatus::Draft | SkpStatus::Returned)
    }

    /// The state after `action`, or why it is refused (Indonesian, for the 409 message).
    pub fn apply(self, action: SkpAction) -> Result<SkpStatus, String> {
        use SkpAction::*;
        use SkpStatus::*;
        match (self, action) {
            (Draft | Returned, Submit) => Ok(Submitted),
            (Submitted, Approve) => Ok(Approved),
            (Submitted, Return) => Ok(Returned),
            (Submitted, Submit) => Err("SKP sudah diajukan dan menunggu persetujuan".into()),
            (Approved, _) => Err("SKP sudah disetujui dan tidak dapat diubah statusnya".into()),
            (from, _) => Err(format!(
                "SKP berstatus {} belum diajukan, sehingga tidak dapat diputuskan",
                from.label()
            )),
        }
    }
}

/// Why realisasi (or its evidence) may not be changed now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RealisasiRefusal {
    /// The SKP of the year is not approved (409 `skp_not_approved`).
    SkpNotApproved,
    /// The SKP is of another year than the period (422 on `period_id`).
    YearMismatch,
    /// The period is not open (409 `period_not_open`).
    PeriodNotOpen,
}

/// Realisasi may be entered only for an approved SKP of the period's year while the period
/// is open; the refusals are checked in this order.
pub fn realisasi_allowed(
    skp_status: Option<SkpStatus>,
    skp_year: i32,
    period_year: i32,
    period_state: Option<PeriodState>,
) -> Result<(), RealisasiRefusal> {
    if skp_status != Some(SkpStatus::Approved) {
        return Err(RealisasiRefusal::SkpNotApproved);
    }
    if skp_year != period_year {
        return Err(RealisasiRefusal::YearMismatch);
    }
    evidence_changes_allowed(period_state)
}

/// Evidence may be added or removed only while the realisasi's period is open.
pub fn evidence_changes_allowed(period_state: Option<PeriodState>) -> Result<(), RealisasiRefusal> {
    if period_state == Some(PeriodState::Open) {
        Ok(())
    } else {
        Err(RealisasiRefusal::PeriodNotOpen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn realisasi_needs_an_approved_skp_of_the_year_and_an_open_period() {
        let open = Some(PeriodState::Open);
        assert_eq!(
            realisasi_allowed(Some(SkpStatus::Approved), 2026, 2026, open),
            Ok(())
        );
        assert_eq!(
            realisasi_allowed(Some(SkpStatus::Submitted), 2026, 2026, open),
            Err(RealisasiRefusal::SkpNotApproved)
        );
        assert_eq!(
            realisasi_allowed(None, 2026, 2026, open),
            Err(RealisasiRefusal::SkpNotApproved)
        );
        assert_eq!(
            realisasi_allowed(Some(SkpStatus::Approved), 2025, 2026, open),
            Err(RealisasiRefusal::YearMismatch)
        );
        assert_eq!(
            realisasi_allowed(
                Some(SkpStatus::Approved),
                2026,
                2026,
                Some(PeriodState::Closed)
            ),
            Err(RealisasiRefusal::PeriodNotOpen)
        );
    }

    #[test]
    fn evidence_changes_only_while_the_period_is_open() {
        assert_eq!(evidence_changes_allowed(Some(PeriodState::Open)), Ok(()));
        assert!(evidence_changes_allowed(Some(PeriodState::Draft)).is_err());
        assert!(evidence_changes_allowed(Some(PeriodState::Published)).is_err());
        assert!(evidence_changes_allowed(None).is_err());
    }

    #[test]
    fn the_workflow_allows_exactly_the_documented_transitions() {
        use SkpAction::*;
        use SkpStatus::*;
        let allowed = [
            (Draft, Submit, Submitted),
            (Returned, Submit, Submitted),
            (Submitted, Approve, Approved),
            (Submitted, Return, Returned),
        ];
        for from in SkpStatus::ALL {
            for action in [Submit, Approve, Return] {
                let expected = allowed
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action)
                    .map(|(_, _, to)| *to);
                match expected {
                    Some(to) => assert_eq!(from.apply(action), Ok(to), "{from:?} {action:?}"),
                    None => assert!(from.apply(action).is_err(), "{from:?} {action:?}"),
                }
            }
        }
    }

    #[test]
    fn only_draft_and_returned_plans_are_editable() {
        assert!(SkpStatus::Draft.is_editable());
        assert!(SkpStatus::Returned.is_editable());
        assert!(!SkpStatus::Submitted.is_editable());
        assert!(!SkpStatus::Approved.is_editable());
        for s in SkpStatus::ALL {
            assert_eq!(SkpStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(SkpStatus::parse("ditolak"), None);
    }
}
