//! The life of an evaluation period: draft → open → closed → published.
//!
//! Every transition is checked here; the API answers a refused one with 409.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    Draft,
    Open,
    Closed,
    Published,
}

impl PeriodState {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodState::Draft => "draft",
            PeriodState::Open => "open",
            PeriodState::Closed => "closed",
            PeriodState::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(PeriodState::Draft),
            "open" => Some(PeriodState::Open),
            "closed" => Some(PeriodState::Closed),
            "published" => Some(PeriodState::Published),
            _ => None,
        }
    }

    /// The state after `to`, or why it is refused (Indonesian, for the 409 message).
    pub fn transition(self, to: PeriodState) -> Result<PeriodState, String> {
        use PeriodState::*;
        match (self, to) {
            (Draft, Open) | (Open, Closed) | (Closed, Published) => Ok(to),
            // Reopening a closed period is allowed until results are published.
            (Closed, Open) => Ok(to),
            (from, to) if from == to => Err(format!("Periode sudah berstatus {}", from.as_str())),
            (Published, _) => Err("Periode yang sudah dipublikasikan tidak dapat diubah".into()),
            (from, to) => Err(format!(
                "Periode berstatus {} tidak dapat langsung menjadi {}",
                from.as_str(),
                to.as_str()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PeriodState::*;

    #[test]
    fn the_forward_path_is_allowed() {
        assert_eq!(Draft.transition(Open), Ok(Open));
        assert_eq!(Open.transition(Closed), Ok(Closed));
        assert_eq!(Closed.transition(Published), Ok(Published));
        assert_eq!(Closed.transition(Open), Ok(Open));
    }

    #[test]
    fn skipping_going_back_and_repeating_are_refused() {
        assert!(Draft.transition(Closed).is_err());
        assert!(Draft.transition(Published).is_err());
        assert!(Open.transition(Published).is_err());
        assert!(Open.transition(Draft).is_err());
        assert!(Published.transition(Closed).is_err());
        assert!(Open.transition(Open).is_err());
    }
}
