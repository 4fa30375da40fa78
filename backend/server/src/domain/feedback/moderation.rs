//! Moderation of citizen submissions: the actions staff take and what each does.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::SubmissionStatus;

/// What staff do with a submission in the moderation queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModerationAction {
    Accept,
    Reject,
    HideComment,
}

impl ModerationAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ModerationAction::Accept => "accept",
            ModerationAction::Reject => "reject",
            ModerationAction::HideComment => "hide_comment",
        }
    }

    pub fn parse(s: &str) -> Option<ModerationAction> {
        match s {
            "accept" => Some(ModerationAction::Accept),
            "reject" => Some(ModerationAction::Reject),
            "hide_comment" => Some(ModerationAction::HideComment),
            _ => None,
        }
    }

    /// The audit log's action name (`feedback.accept`, …).
    pub fn audit_action(self) -> &'static str {
        match self {
            ModerationAction::Accept => "feedback.accept",
            ModerationAction::Reject => "feedback.reject",
            ModerationAction::HideComment => "feedback.hide_comment",
        }
    }
}

/// The submission as moderation sees it.
#[derive(Clone, Copy, Debug)]
pub struct ModerationSubject<'a> {
    pub status: SubmissionStatus,
    pub hold_reason: Option<&'a str>,
    pub has_comment: bool,
}

/// The change a moderation action makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModerationChange {
    /// New status, and (for a rejection) the new hold reason.
    Status {
        status: SubmissionStatus,
        hold_reason: Option<String>,
    },
    /// The comment is hidden with this reason (kept, never deleted).
    HideComment { reason: String },
}

/// Why a moderation action is refused (a 409 for the API).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModerationRefusal {
    /// Accept and reject apply only to held submissions.
    NotHeld,
    /// There is no comment to hide.
    NoComment,
}

/// Decides what a moderation action does to a submission. `reason` is the staff's
/// (already cleaned) reason for rejecting or hiding.
pub fn moderate(
    action: ModerationAction,
    s: ModerationSubject<'_>,
    reason: &str,
) -> Result<ModerationChange, ModerationRefusal> {
    match action {
        ModerationAction::Accept | ModerationAction::Reject
            if s.status != SubmissionStatus::Held =>
        {
            Err(ModerationRefusal::NotHeld)
        }
        ModerationAction::Accept => Ok(ModerationChange::Status {
            status: SubmissionStatus::Counted,
            hold_reason: s.hold_reason.map(str::to_string),
        }),
        ModerationAction::Reject => Ok(ModerationChange::Status {
            status: SubmissionStatus::Rejected,
            hold_reason: Some(format!(
                "{} — ditolak: {reason}",
                s.hold_reason.unwrap_or_default()
            )),
        }),
        ModerationAction::HideComment if !s.has_comment => Err(ModerationRefusal::NoComment),
        ModerationAction::HideComment => Ok(ModerationChange::HideComment {
            reason: reason.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(status: SubmissionStatus, has_comment: bool) -> ModerationSubject<'static> {
        ModerationSubject {
            status,
            hold_reason: Some("beruntun"),
            has_comment,
        }
    }

    #[test]
    fn only_a_held_submission_is_accepted_or_rejected() {
        let held = subject(SubmissionStatus::Held, false);
        assert_eq!(
            moderate(ModerationAction::Accept, held, ""),
            Ok(ModerationChange::Status {
                status: SubmissionStatus::Counted,
                hold_reason: Some("beruntun".into())
            })
        );
        assert_eq!(
            moderate(ModerationAction::Reject, held, "spam"),
            Ok(ModerationChange::Status {
                status: SubmissionStatus::Rejected,
                hold_reason: Some("beruntun — ditolak: spam".into())
            })
        );
        for status in [SubmissionStatus::Counted, SubmissionStatus::Rejected] {
            for action in [ModerationAction::Accept, ModerationAction::Reject] {
                assert_eq!(
                    moderate(action, subject(status, true), "x"),
                    Err(ModerationRefusal::NotHeld)
                );
            }
        }
    }

    #[test]
    fn only_an_existing_comment_is_hidden_whatever_the_status() {
        assert_eq!(
            moderate(
                ModerationAction::HideComment,
                subject(SubmissionStatus::Counted, false),
                "kasar"
            ),
            Err(ModerationRefusal::NoComment)
        );
        assert_eq!(
            moderate(
                ModerationAction::HideComment,
                subject(SubmissionStatus::Counted, true),
                "kasar"
            ),
            Ok(ModerationChange::HideComment {
                reason: "kasar".into()
            })
        );
    }
}
