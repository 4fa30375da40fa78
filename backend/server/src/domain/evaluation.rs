//! The supervisor's evaluation of a subordinate for a period: its status, when it may be
//! (re)rated, and when the behaviour rating needs a justification.
//!
//! The predikat itself comes from the matrix in `domain::predikat`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::period::PeriodState;
use super::predikat::Rating;

/// Longest justification accepted (characters).
pub const JUSTIFICATION_MAX: usize = 2000;

/// Status of an evaluation as stored: a draft may change, a final one never does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationStatus {
    Draft,
    Final,
}

impl EvaluationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationStatus::Draft => "draft",
            EvaluationStatus::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(EvaluationStatus::Draft),
            "final" => Some(EvaluationStatus::Final),
            _ => None,
        }
    }

    /// The status a rating is saved with: `final` when the supervisor says so.
    pub fn from_final(is_final: bool) -> Self {
        if is_final {
            EvaluationStatus::Final
        } else {
            EvaluationStatus::Draft
        }
    }

    /// Whether a stored status string is `final`.
    pub fn is_final(stored: &str) -> bool {
        EvaluationStatus::parse(stored) == Some(EvaluationStatus::Final)
    }
}

/// The status of a result as the HR system and the results screens show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResultStatus {
    Draft,
    Final,
    Published,
    /// Published, with an appeal filed and not yet decided.
    UnderAppeal,
}

impl ResultStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ResultStatus::Draft => "draft",
            ResultStatus::Final => "final",
            ResultStatus::Published => "published",
            ResultStatus::UnderAppeal => "under_appeal",
        }
    }

    /// Whether the result may be forwarded to SIASN: published and no appeal open.
    pub fn is_ready(self) -> bool {
        self == ResultStatus::Published
    }
}

/// The result status of an evaluation (stored status) in a period (stored state).
pub fn result_status(
    period_state: &str,
    evaluation_status: &str,
    under_appeal: bool,
) -> ResultStatus {
    if PeriodState::parse(period_state) == Some(PeriodState::Published) {
        if under_appeal {
            ResultStatus::UnderAppeal
        } else {
            ResultStatus::Published
        }
    } else if EvaluationStatus::is_final(evaluation_status) {
        ResultStatus::Final
    } else {
        ResultStatus::Draft
    }
}

/// A trimmed justification, `None` when empty; the error message when too long.
pub fn clean_justification(raw: Option<&str>) -> Result<Option<String>, &'static str> {
    let j = raw.map(str::trim).filter(|j| !j.is_empty());
    if j.is_some_and(|j| j.chars().count() > JUSTIFICATION_MAX) {
        return Err("Alasan maksimal 2000 karakter");
    }
    Ok(j.map(str::to_string))
}

/// The justification rule: when the 360 suggests another behaviour rating than the
/// supervisor gives, a justification is required. Returns the suggestion it differs
/// from when one is required and missing.
pub fn missing_justification(
    suggested: Option<Rating>,
    given: Rating,
    has_justification: bool,
) -> Option<Rating> {
    suggested.filter(|s| *s != given && !has_justification)
}

/// Why a (re)rating is refused, checked in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingRefusal {
    /// The period is not open (409 `period_not_open`).
    PeriodNotOpen,
    /// The evaluation is final: final is final (409 `evaluation_final`).
    EvaluationFinal,
    /// The unit's distribution is finalised: ratings are frozen (409 `unit_finalised`).
    UnitFinalised,
}

/// Whether an evaluation may be (re)rated now, apart from the approved SKP (checked
/// after these, see [`skp_allows_rating`]).
pub fn rating_refusal(
    period_state: &str,
    existing_status: Option<&str>,
    unit_finalised: bool,
) -> Option<RatingRefusal> {
    if PeriodState::parse(period_state) != Some(PeriodState::Open) {
        return Some(RatingRefusal::PeriodNotOpen);
    }
    if existing_status.is_some_and(EvaluationStatus::is_final) {
        return Some(RatingRefusal::EvaluationFinal);
    }
    if unit_finalised {
        return Some(RatingRefusal::UnitFinalised);
    }
    None
}

/// Approved SKP before rating: only an employee whose SKP of the period's year is
/// approved can be rated (409 `skp_not_approved`).
pub fn skp_allows_rating(skp_approved: bool) -> bool {
    skp_approved
}

/// Why an employee is exempted from a period's evaluation (stored snake_case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExemptionReason {
    /// Cuti (leave: maternity, long illness, cuti di luar tanggungan negara).
    Cuti,
    /// Tugas belajar (full-time study).
    TugasBelajar,
    /// Dipekerjakan / diperbantukan (seconded to another agency).
    Dipekerjakan,
    /// Any other reason, explained in the note.
    Lainnya,
}

impl ExemptionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ExemptionReason::Cuti => "cuti",
            ExemptionReason::TugasBelajar => "tugas_belajar",
            ExemptionReason::Dipekerjakan => "dipekerjakan",
            ExemptionReason::Lainnya => "lainnya",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "cuti" => Some(ExemptionReason::Cuti),
            "tugas_belajar" => Some(ExemptionReason::TugasBelajar),
            "dipekerjakan" => Some(ExemptionReason::Dipekerjakan),
            "lainnya" => Some(ExemptionReason::Lainnya),
            _ => None,
        }
    }
}

/// Longest exemption note accepted (characters).
pub const EXEMPTION_NOTE_MAX: usize = 1000;

/// The trimmed note of an exemption: required (at least 5 characters, at most
/// [`EXEMPTION_NOTE_MAX`]); the error message is Indonesian.
pub fn clean_exemption_note(raw: &str) -> Result<String, &'static str> {
    let note = raw.trim();
    let n = note.chars().count();
    if n < 5 {
        return Err("Keterangan minimal 5 karakter");
    }
    if n > EXEMPTION_NOTE_MAX {
        return Err("Keterangan maksimal 1000 karakter");
    }
    Ok(note.to_string())
}

/// An exempted employee is not rated in that period (409 `employee_exempt`), and an
/// employee who already has an evaluation in it is not exempted (409 `employee_evaluated`):
/// a period's result is either a predikat or an exemption, never both.
pub fn exemption_conflicts(has_evaluation: bool, exempt: bool) -> bool {
    has_evaluation && exempt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exemption_reasons_keep_their_stored_strings() {
        use ExemptionReason::*;
        for r in [Cuti, TugasBelajar, Dipekerjakan, Lainnya] {
            assert_eq!(ExemptionReason::parse(r.as_str()), Some(r));
            assert_eq!(
                serde_json::to_value(r).expect("json"),
                serde_json::json!(r.as_str())
            );
        }
        assert_eq!(ExemptionReason::parse("sakit"), None);
    }

    #[test]
    fn an_exemption_note_is_required_trimmed_and_limited() {
        assert!(clean_exemption_note("   ").is_err());
        assert!(clean_exemption_note("abc").is_err());
        assert_eq!(
            clean_exemption_note("  Cuti melahirkan  "),
            Ok("Cuti melahirkan".into())
        );
        assert!(clean_exemption_note(&"x".repeat(1001)).is_err());
        assert!(clean_exemption_note(&"x".repeat(1000)).is_ok());
    }

    #[test]
    fn a_period_result_is_a_predikat_or_an_exemption_never_both() {
        assert!(exemption_conflicts(true, true));
        assert!(!exemption_conflicts(true, false));
        assert!(!exemption_conflicts(false, true));
    }

    #[test]
    fn a_final_evaluation_can_no_longer_be_rated() {
        assert_eq!(
            rating_refusal("open", Some("final"), false),
            Some(RatingRefusal::EvaluationFinal)
        );
        assert_eq!(rating_refusal("open", Some("draft"), false), None);
        assert_eq!(rating_refusal("open", None, false), None);
    }

    #[test]
    fn ratings_are_only_given_while_the_period_is_open() {
        for state in ["draft", "closed", "published"] {
            assert_eq!(
                rating_refusal(state, None, false),
                Some(RatingRefusal::PeriodNotOpen)
            );
        }
    }

    #[test]
    fn a_finalised_unit_freezes_its_ratings() {
        assert_eq!(
            rating_refusal("open", Some("draft"), true),
            Some(RatingRefusal::UnitFinalised)
        );
    }

    #[test]
    fn only_an_approved_skp_can_be_rated() {
        assert!(skp_allows_rating(true));
        assert!(!skp_allows_rating(false));
    }

    #[test]
    fn a_behaviour_rating_differing_from_the_360_suggestion_needs_a_justification() {
        use Rating::*;
        assert_eq!(
            missing_justification(Some(DiAtas), Sesuai, false),
            Some(DiAtas)
        );
        assert_eq!(missing_justification(Some(DiAtas), Sesuai, true), None);
        assert_eq!(missing_justification(Some(Sesuai), Sesuai, false), None);
        assert_eq!(missing_justification(None, DiBawah, false), None);
    }

    #[test]
    fn a_justification_is_trimmed_and_limited_to_2000_characters() {
        assert_eq!(clean_justification(None), Ok(None));
        assert_eq!(clean_justification(Some("   ")), Ok(None));
        assert_eq!(clean_justification(Some(" ok ")), Ok(Some("ok".into())));
        assert!(clean_justification(Some(&"x".repeat(2001))).is_err());
        assert!(clean_justification(Some(&"x".repeat(2000))).is_ok());
    }

    #[test]
    fn a_result_is_under_appeal_only_once_published_with_an_open_appeal() {
        assert_eq!(
            result_status("published", "final", true),
            ResultStatus::UnderAppeal
        );
        assert_eq!(
            result_status("published", "final", false),
            ResultStatus::Published
        );
        assert_eq!(result_status("closed", "final", true), ResultStatus::Final);
        assert_eq!(result_status("open", "draft", false), ResultStatus::Draft);
        assert!(ResultStatus::Published.is_ready());
        assert!(!ResultStatus::UnderAppeal.is_ready());
    }

    #[test]
    fn statuses_keep_their_stored_strings() {
        for s in [EvaluationStatus::Draft, EvaluationStatus::Final] {
            assert_eq!(EvaluationStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).expect("json"),
                serde_json::json!(s.as_str())
            );
        }
        assert_eq!(
            serde_json::to_value(ResultStatus::UnderAppeal).expect("json"),
            serde_json::json!("under_appeal")
        );
    }
}
