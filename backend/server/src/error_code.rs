//! The stable, machine-readable error codes of the API, as one enum.
//!
//! The OpenAPI document exports it as a string enum (`ErrorCode`), so the SPA's texts for
//! each code are checked against it at build time. A new code is a new variant here; the
//! string is what clients match on and must never change once released.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A stable error code (snake_case on the wire). Each variant's doc names its HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum ErrorCode {
    /// 422: input is well-formed but invalid; `fields` names each problem.
    #[serde(rename = "validation_failed")]
    ValidationFailed,
    /// 422: a bulk import was rejected as a whole; `rows` names each problem.
    #[serde(rename = "import_rejected")]
    ImportRejected,
    /// 422: a CSV file without the required columns or unreadable.
    #[serde(rename = "invalid_csv")]
    InvalidCsv,
    /// 422: an export or import larger than its limit.
    #[serde(rename = "too_many_rows")]
    TooManyRows,
    /// 400: the body is not JSON.
    #[serde(rename = "invalid_json")]
    InvalidJson,
    /// 400: the JSON does not have the expected shape.
    #[serde(rename = "invalid_body")]
    InvalidBody,
    /// 400: a path parameter is malformed.
    #[serde(rename = "invalid_path")]
    InvalidPath,
    /// 400: a query parameter is malformed.
    #[serde(rename = "invalid_query")]
    InvalidQuery,
    /// 401: no credentials were sent.
    #[serde(rename = "unauthenticated")]
    Unauthenticated,
    /// 401: the access token is invalid or expired.
    #[serde(rename = "invalid_token")]
    InvalidToken,
    /// 401: the API key is unknown or revoked.
    #[serde(rename = "invalid_api_key")]
    InvalidApiKey,
    /// 401: wrong NIP/email or password.
    #[serde(rename = "invalid_credentials")]
    InvalidCredentials,
    /// 401: the refresh token is unknown.
    #[serde(rename = "invalid_refresh_token")]
    InvalidRefreshToken,
    /// 401: the refresh token has expired.
    #[serde(rename = "refresh_token_expired")]
    RefreshTokenExpired,
    /// 401: the refresh token was revoked (logout, deactivation).
    #[serde(rename = "refresh_token_revoked")]
    RefreshTokenRevoked,
    /// 401: a rotated refresh token was used again; its family is revoked.
    #[serde(rename = "refresh_token_reused")]
    RefreshTokenReused,
    /// 401: the session ended (sign-out, password or role change, reset, deactivation).
    #[serde(rename = "session_ended")]
    SessionEnded,
    /// 401: an access token was sent in the URL; use the header (or an event ticket).
    #[serde(rename = "token_in_url")]
    TokenInUrl,
    /// 401: the event-stream ticket is unknown, used or expired.
    #[serde(rename = "invalid_ticket")]
    InvalidTicket,
    /// 401: the one-time set-password code has expired; ask HR for a new one.
    #[serde(rename = "set_password_code_expired")]
    SetPasswordCodeExpired,
    /// 403: the account must set a new password first (signed in with a set-password code).
    #[serde(rename = "password_change_required")]
    PasswordChangeRequired,
    /// 403: signed in but not allowed.
    #[serde(rename = "forbidden")]
    Forbidden,
    /// 403: the API key lacks the scope named in the message and in `details.scope`.
    #[serde(rename = "scope_missing")]
    ScopeMissing,
    /// 404: the named thing does not exist or is not visible to the caller.
    #[serde(rename = "not_found")]
    NotFound,
    /// 405: the path exists but not with this method.
    #[serde(rename = "method_not_allowed")]
    MethodNotAllowed,
    /// 409: conflicts with the current data (a unique value is taken).
    #[serde(rename = "conflict")]
    Conflict,
    /// 409: the SIASN push is not configured (`KINERJA_SIASN_BASE_URL` is unset).
    #[serde(rename = "siasn_disabled")]
    SiasnDisabled,
    /// 409: that quarter or month already has a period.
    #[serde(rename = "period_exists")]
    PeriodExists,
    /// 409: the state machine refuses this step.
    #[serde(rename = "invalid_transition")]
    InvalidTransition,
    /// 409: the period is not open.
    #[serde(rename = "period_not_open")]
    PeriodNotOpen,
    /// 409: the period is published; nothing changes any more.
    #[serde(rename = "period_published")]
    PeriodPublished,
    /// 409: the period is not published yet.
    #[serde(rename = "period_not_published")]
    PeriodNotPublished,
    /// 409: units with evaluations are not finalised.
    #[serde(rename = "units_not_finalised")]
    UnitsNotFinalised,
    /// 409: the unit is finalised; its evaluations are frozen.
    #[serde(rename = "unit_finalised")]
    UnitFinalised,
    /// 409: active members of the unit have neither a final evaluation nor an exemption;
    /// `details.blockers` names them.
    #[serde(rename = "unit_incomplete")]
    UnitIncomplete,
    /// 409: employees in scope have neither a final evaluation nor an exemption;
    /// `details.blockers` names them with their units.
    #[serde(rename = "period_incomplete")]
    PeriodIncomplete,
    /// 409: the employee is already exempted in this period.
    #[serde(rename = "exemption_exists")]
    ExemptionExists,
    /// 409: the employee has an evaluation in this period and cannot be exempted.
    #[serde(rename = "employee_evaluated")]
    EmployeeEvaluated,
    /// 409: the employee is exempted in this period and cannot be rated.
    #[serde(rename = "employee_exempt")]
    EmployeeExempt,
    /// 409: a final evaluation cannot change.
    #[serde(rename = "evaluation_final")]
    EvaluationFinal,
    /// 409: two first saves of one evaluation raced.
    #[serde(rename = "evaluation_conflict")]
    EvaluationConflict,
    /// 409: the unit still has draft evaluations.
    #[serde(rename = "evaluations_not_final")]
    EvaluationsNotFinal,
    /// 422: perilaku differs from the 360 suggestion without a justification.
    #[serde(rename = "justification_required")]
    JustificationRequired,
    /// 409: the employee's SKP for the year is not approved.
    #[serde(rename = "skp_not_approved")]
    SkpNotApproved,
    /// 404: the employee has no SKP for that year.
    #[serde(rename = "skp_not_found")]
    SkpNotFound,
    /// 409: the employee already has an SKP for that year.
    #[serde(rename = "skp_exists")]
    SkpExists,
    /// 409: the SKP is submitted or approved and cannot be edited.
    #[serde(rename = "skp_locked")]
    SkpLocked,
    /// 409: an SKP needs at least one RHK utama before submission.
    #[serde(rename = "no_rhk_utama")]
    NoRhkUtama,
    /// 409: the employee has no supervisor to approve the SKP.
    #[serde(rename = "no_supervisor")]
    NoSupervisor,
    /// 409: two first saves of one realisasi raced.
    #[serde(rename = "realisasi_conflict")]
    RealisasiConflict,
    /// 409: an indicator has the most evidence items allowed.
    #[serde(rename = "evidence_limit")]
    EvidenceLimit,
    /// 415: the file's content does not match an accepted type.
    #[serde(rename = "unsupported_file_type")]
    UnsupportedFileType,
    /// 409: the period runs no 360 round.
    #[serde(rename = "no_360_round")]
    No360Round,
    /// 409: the 360 deadline has passed.
    #[serde(rename = "deadline_passed")]
    DeadlinePassed,
    /// 409: a submitted 360 response cannot change.
    #[serde(rename = "response_submitted")]
    ResponseSubmitted,
    /// 409: the period's 360 results were released; no response may change them.
    #[serde(rename = "results_360_released")]
    Results360Released,
    /// 409: the rater is already assigned to this ratee.
    #[serde(rename = "assignment_conflict")]
    AssignmentConflict,
    /// 422: an employee cannot be their own peer.
    #[serde(rename = "cannot_rate_self_as_peer")]
    CannotRateSelfAsPeer,
    /// 422: a supervisor or subordinate cannot be nominated as a peer.
    #[serde(rename = "not_a_peer")]
    NotAPeer,
    /// 422: the nominee already rates in another group.
    #[serde(rename = "peer_in_other_group")]
    PeerInOtherGroup,
    /// 422: more peers than allowed.
    #[serde(rename = "too_many_peers")]
    TooManyPeers,
    /// 409: the unit's organisational result is not set.
    #[serde(rename = "org_result_missing")]
    OrgResultMissing,
    /// 409: two first saves of one org result raced.
    #[serde(rename = "org_result_conflict")]
    OrgResultConflict,
    /// 409: the distribution curve breaks and no override reason was given.
    #[serde(rename = "distribution_violated")]
    DistributionViolated,
    /// 409: the employee already appealed this result.
    #[serde(rename = "appeal_exists")]
    AppealExists,
    /// 409: the appeal window has closed.
    #[serde(rename = "appeal_deadline_passed")]
    AppealDeadlinePassed,
    /// 409: the appeal is already decided.
    #[serde(rename = "appeal_decided")]
    AppealDecided,
    /// 409: the appeal waits for the penilai's statement until its deadline lapses.
    #[serde(rename = "appeal_statement_pending")]
    AppealStatementPending,
    /// 409: the employee already has a feedback target.
    #[serde(rename = "target_exists")]
    TargetExists,
    /// 409: the ticket was already used.
    #[serde(rename = "ticket_used")]
    TicketUsed,
    /// 409: the submission is not held for moderation.
    #[serde(rename = "not_held")]
    NotHeld,
    /// 403: the kiosk credential is unknown or was revoked (ADR 0027).
    #[serde(rename = "kiosk_invalid")]
    KioskInvalid,
    /// 409: the submission has no comment to hide.
    #[serde(rename = "no_comment")]
    NoComment,
    /// 409: the comment already has the one reply allowed.
    #[serde(rename = "already_replied")]
    AlreadyReplied,
    /// 409: a training with that code exists.
    #[serde(rename = "training_exists")]
    TrainingExists,
    /// 409: a training used by plans cannot be deleted.
    #[serde(rename = "training_in_use")]
    TrainingInUse,
    /// 409: a plan item has the most certificates allowed.
    #[serde(rename = "certificate_limit")]
    CertificateLimit,
    /// 413: the body exceeds the limit.
    #[serde(rename = "payload_too_large")]
    PayloadTooLarge,
    /// 415: the content type is not accepted here.
    #[serde(rename = "unsupported_media_type")]
    UnsupportedMediaType,
    /// 429: too many attempts; retry after the seconds in Retry-After.
    #[serde(rename = "too_many_requests")]
    TooManyRequests,
    /// 503: the database is unavailable.
    #[serde(rename = "service_unavailable")]
    ServiceUnavailable,
    /// 500: anything unexpected (logged, never detailed).
    #[serde(rename = "internal_error")]
    InternalError,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: &[ErrorCode] = &[
        ErrorCode::ValidationFailed,
        ErrorCode::ImportRejected,
        ErrorCode::InvalidCsv,
        ErrorCode::TooManyRows,
        ErrorCode::InvalidJson,
        ErrorCode::InvalidBody,
        ErrorCode::InvalidPath,
        ErrorCode::InvalidQuery,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidToken,
        ErrorCode::InvalidApiKey,
        ErrorCode::InvalidCredentials,
        ErrorCode::InvalidRefreshToken,
        ErrorCode::RefreshTokenExpired,
        ErrorCode::RefreshTokenRevoked,
        ErrorCode::RefreshTokenReused,
        ErrorCode::SessionEnded,
        ErrorCode::TokenInUrl,
        ErrorCode::InvalidTicket,
        ErrorCode::SetPasswordCodeExpired,
        ErrorCode::PasswordChangeRequired,
        ErrorCode::Forbidden,
        ErrorCode::ScopeMissing,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Conflict,
        ErrorCode::SiasnDisabled,
        ErrorCode::PeriodExists,
        ErrorCode::InvalidTransition,
        ErrorCode::PeriodNotOpen,
        ErrorCode::PeriodPublished,
        ErrorCode::PeriodNotPublished,
        ErrorCode::UnitsNotFinalised,
        ErrorCode::UnitFinalised,
        ErrorCode::UnitIncomplete,
        ErrorCode::PeriodIncomplete,
        ErrorCode::ExemptionExists,
        ErrorCode::EmployeeEvaluated,
        ErrorCode::EmployeeExempt,
        ErrorCode::EvaluationFinal,
        ErrorCode::EvaluationConflict,
        ErrorCode::EvaluationsNotFinal,
        ErrorCode::JustificationRequired,
        ErrorCode::SkpNotApproved,
        ErrorCode::SkpNotFound,
        ErrorCode::SkpExists,
        ErrorCode::SkpLocked,
        ErrorCode::NoRhkUtama,
        ErrorCode::NoSupervisor,
        ErrorCode::RealisasiConflict,
        ErrorCode::EvidenceLimit,
        ErrorCode::UnsupportedFileType,
        ErrorCode::No360Round,
        ErrorCode::DeadlinePassed,
        ErrorCode::ResponseSubmitted,
        ErrorCode::Results360Released,
        ErrorCode::AssignmentConflict,
        ErrorCode::CannotRateSelfAsPeer,
        ErrorCode::NotAPeer,
        ErrorCode::PeerInOtherGroup,
        ErrorCode::TooManyPeers,
        ErrorCode::OrgResultMissing,
        ErrorCode::OrgResultConflict,
        ErrorCode::DistributionViolated,
        ErrorCode::AppealExists,
        ErrorCode::AppealDeadlinePassed,
        ErrorCode::AppealDecided,
        ErrorCode::AppealStatementPending,
        ErrorCode::TargetExists,
        ErrorCode::TicketUsed,
        ErrorCode::NotHeld,
        ErrorCode::KioskInvalid,
        ErrorCode::NoComment,
        ErrorCode::AlreadyReplied,
        ErrorCode::TrainingExists,
        ErrorCode::TrainingInUse,
        ErrorCode::CertificateLimit,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::TooManyRequests,
        ErrorCode::ServiceUnavailable,
        ErrorCode::InternalError,
    ];

    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::ImportRejected => "import_rejected",
            ErrorCode::InvalidCsv => "invalid_csv",
            ErrorCode::TooManyRows => "too_many_rows",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidBody => "invalid_body",
            ErrorCode::InvalidPath => "invalid_path",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::InvalidApiKey => "invalid_api_key",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::InvalidRefreshToken => "invalid_refresh_token",
            ErrorCode::RefreshTokenExpired => "refresh_token_expired",
            ErrorCode::RefreshTokenRevoked => "refresh_token_revoked",
            ErrorCode::RefreshTokenReused => "refresh_token_reused",
            ErrorCode::SessionEnded => "session_ended",
            ErrorCode::TokenInUrl => "token_in_url",
            ErrorCode::InvalidTicket => "invalid_ticket",
            ErrorCode::SetPasswordCodeExpired => "set_password_code_expired",
            ErrorCode::PasswordChangeRequired => "password_change_required",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::ScopeMissing => "scope_missing",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::SiasnDisabled => "siasn_disabled",
            ErrorCode::PeriodExists => "period_exists",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::PeriodNotOpen => "period_not_open",
            ErrorCode::PeriodPublished => "period_published",
            ErrorCode::PeriodNotPublished => "period_not_published",
            ErrorCode::UnitsNotFinalised => "units_not_finalised",
            ErrorCode::UnitFinalised => "unit_finalised",
            ErrorCode::UnitIncomplete => "unit_incomplete",
            ErrorCode::PeriodIncomplete => "period_incomplete",
            ErrorCode::ExemptionExists => "exemption_exists",
            ErrorCode::EmployeeEvaluated => "employee_evaluated",
            ErrorCode::EmployeeExempt => "employee_exempt",
            ErrorCode::EvaluationFinal => "evaluation_final",
            ErrorCode::EvaluationConflict => "evaluation_conflict",
            ErrorCode::EvaluationsNotFinal => "evaluations_not_final",
            ErrorCode::JustificationRequired => "justification_required",
            ErrorCode::SkpNotApproved => "skp_not_approved",
            ErrorCode::SkpNotFound => "skp_not_found",
            ErrorCode::SkpExists => "skp_exists",
            ErrorCode::SkpLocked => "skp_locked",
            ErrorCode::NoRhkUtama => "no_rhk_utama",
            ErrorCode::NoSupervisor => "no_supervisor",
            ErrorCode::RealisasiConflict => "realisasi_conflict",
            ErrorCode::EvidenceLimit => "evidence_limit",
            ErrorCode::UnsupportedFileType => "unsupported_file_type",
            ErrorCode::No360Round => "no_360_round",
            ErrorCode::DeadlinePassed => "deadline_passed",
            ErrorCode::ResponseSubmitted => "response_submitted",
            ErrorCode::Results360Released => "results_360_released",
            ErrorCode::AssignmentConflict => "assignment_conflict",
            ErrorCode::CannotRateSelfAsPeer => "cannot_rate_self_as_peer",
            ErrorCode::NotAPeer => "not_a_peer",
            ErrorCode::PeerInOtherGroup => "peer_in_other_group",
            ErrorCode::TooManyPeers => "too_many_peers",
            ErrorCode::OrgResultMissing => "org_result_missing",
            ErrorCode::OrgResultConflict => "org_result_conflict",
            ErrorCode::DistributionViolated => "distribution_violated",
            ErrorCode::AppealExists => "appeal_exists",
            ErrorCode::AppealDeadlinePassed => "appeal_deadline_passed",
            ErrorCode::AppealDecided => "appeal_decided",
            ErrorCode::AppealStatementPending => "appeal_statement_pending",
            ErrorCode::TargetExists => "target_exists",
            ErrorCode::TicketUsed => "ticket_used",
            ErrorCode::NotHeld => "not_held",
            ErrorCode::KioskInvalid => "kiosk_invalid",
            ErrorCode::NoComment => "no_comment",
            ErrorCode::AlreadyReplied => "already_replied",
            ErrorCode::TrainingExists => "training_exists",
            ErrorCode::TrainingInUse => "training_in_use",
            ErrorCode::CertificateLimit => "certificate_limit",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::TooManyRequests => "too_many_requests",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::InternalError => "internal_error",
        }
    }

    /// The code with this wire string.
    pub fn parse(s: &str) -> Option<ErrorCode> {
        Self::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn every_code_serialises_to_its_wire_string_and_parses_back() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).expect("serialise");
            assert_eq!(json, serde_json::Value::String(code.as_str().to_string()));
            assert_eq!(ErrorCode::parse(code.as_str()), Some(*code));
        }
    }

    #[test]
    fn wire_strings_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
        }
    }
}
