//! What the signed-in person may do with an object now (`allowed_actions` on responses).
//! Each action is computed by the same `auth::policy` function (and domain rule) that
//! authorises it, so the SPA shows exactly the buttons the server then accepts (ADR 0023).

use serde::Serialize;
use utoipa::ToSchema;

/// An action a response says the caller may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AllowedAction {
    /// Decide the appeal (keep or change the ratings); final.
    DecideAppeal,
    /// Write one's own statement on the appeal.
    WriteStatement,
    /// Set the unit's organisational result (hasil kerja organisasi).
    SetOrgResult,
    /// Finalise the unit's distribution; final.
    FinaliseUnit,
}

/// The actions whose condition holds, in the order given.
pub fn allowed(candidates: &[(AllowedAction, bool)]) -> Vec<AllowedAction> {
    candidates
        .iter()
        .filter(|(_, ok)| *ok)
        .map(|(a, _)| *a)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_actions_whose_condition_holds_are_listed() {
        let out = allowed(&[
            (AllowedAction::DecideAppeal, false),
            (AllowedAction::WriteStatement, true),
        ]);
        assert_eq!(out, vec![AllowedAction::WriteStatement]);
    }
}
