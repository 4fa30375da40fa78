//! The task inbox's vocabulary: the kinds of pending duty a person can have (`GET
//! /api/v1/me/tasks`), and the pure rules that turn a status into a duty. Tasks are
//! computed on read, never stored (ADR 0023).

use serde::Serialize;
use utoipa::ToSchema;

use super::skp::SkpStatus;

/// What a pending duty asks of the signed-in person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// Write this year's SKP (there is none yet).
    SkpWrite,
    /// Submit the SKP draft to the supervisor.
    SkpSubmit,
    /// Revise the SKP the supervisor returned.
    SkpRevise,
    /// Approve or return the SKPs direct subordinates submitted.
    SkpApprove,
    /// Fill in 360 forms (as a rater).
    Form360,
    /// Decide on peer nominations of direct subordinates.
    NominationDecide,
    /// Rate direct subordinates not yet rated in an open period.
    MemberRate,
    /// Mark draft ratings final.
    MemberFinalise,
    /// Write the penilai's statement on an appeal against one's rating.
    AppealStatement,
    /// Decide appeals (atasan pejabat penilai, or HR when the penilai has no supervisor).
    AppealDecide,
    /// Units whose members are neither finally rated nor exempted block publication (HR).
    PublicationBlocked,
    /// Development plan items due soon or overdue.
    PlanItemDue,
    /// Citizen submissions held for moderation (HR).
    FeedbackHeld,
}

/// The duty an employee with a supervisor has about this year's SKP, if any.
pub fn skp_duty(status: Option<SkpStatus>) -> Option<TaskKind> {
    match status {
        None => Some(TaskKind::SkpWrite),
        Some(SkpStatus::Draft) => Some(TaskKind::SkpSubmit),
        Some(SkpStatus::Returned) => Some(TaskKind::SkpRevise),
        Some(SkpStatus::Submitted | SkpStatus::Approved) => None,
    }
}

/// Development plan items come into the inbox this many days before they are due.
pub const PLAN_ITEM_HORIZON_DAYS: i64 = 30;

/// A supervisor's duty about one active direct subordinate in an open period, from the
/// stored evaluation status (`None`: not rated yet).
pub fn rating_duty(status: Option<&str>) -> Option<TaskKind> {
    match status {
        None => Some(TaskKind::MemberRate),
        Some(s) if super::evaluation::EvaluationStatus::is_final(s) => None,
        Some(_) => Some(TaskKind::MemberFinalise),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_employee_without_a_plan_writes_one_and_a_returned_plan_is_revised() {
        assert_eq!(skp_duty(None), Some(TaskKind::SkpWrite));
        assert_eq!(skp_duty(Some(SkpStatus::Draft)), Some(TaskKind::SkpSubmit));
        assert_eq!(
            skp_duty(Some(SkpStatus::Returned)),
            Some(TaskKind::SkpRevise)
        );
        assert_eq!(skp_duty(Some(SkpStatus::Submitted)), None);
        assert_eq!(skp_duty(Some(SkpStatus::Approved)), None);
    }

    #[test]
    fn unrated_members_are_rated_and_drafts_are_finalised() {
        assert_eq!(rating_duty(None), Some(TaskKind::MemberRate));
        assert_eq!(rating_duty(Some("draft")), Some(TaskKind::MemberFinalise));
        assert_eq!(rating_duty(Some("final")), None);
    }
}
