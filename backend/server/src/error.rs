//! One error type for the API and the JSON envelope every non-2xx response uses:
//! `{ "error": { "code", "message", "fields"?, "rows"? } }`.
//!
//! Invariants: codes are stable snake_case strings the SPA translates; messages are
//! Indonesian and never contain SQL, stack traces or secrets; unexpected errors are logged
//! with their cause chain and answered with a bare 500.

use actix_web::{HttpResponse, ResponseError, http::StatusCode};
use sea_orm::DbErr;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

use crate::domain::master::ApiScope;
pub use crate::error_code::ErrorCode;

/// Field name → messages.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// One rejected row of a bulk import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct RowError {
    /// 1-based data row (the CSV header is not counted).
    pub row: usize,
    pub field: String,
    pub message: String,
}

/// One employee who blocks a unit's finalisation or a period's publication: in scope, with
/// neither a final evaluation nor an exemption (ADR 0018).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct Blocker {
    /// The employee's unit.
    pub unit_code: String,
    pub unit_name: String,
    pub nip: String,
    pub name: String,
}

/// Structured details of a refusal that names what blocks it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorDetails {
    /// Every blocking employee, by unit code and NIP (`unit_incomplete`,
    /// `period_incomplete`; empty and left out otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blockers: Vec<Blocker>,
    /// The scope the API key lacks (`scope_missing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ApiScope>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable code (`validation_failed`, `not_found`, …).
    pub code: ErrorCode,
    /// Human-readable message in Indonesian.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<FieldErrors>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<RowError>>,
    /// Who blocks (`unit_incomplete`, `period_incomplete`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<ErrorDetails>,
}

/// The envelope of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorResponse {
    pub error: ErrorBody,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request is malformed (bad JSON, path or query).
    #[error("{message}")]
    BadRequest { code: ErrorCode, message: String },
    /// 401: missing, invalid or expired credentials.
    #[error("{message}")]
    Unauthorized { code: ErrorCode, message: String },
    /// 403: authenticated but not allowed.
    #[error("Anda tidak berhak melakukan tindakan ini")]
    Forbidden,
    /// 403: an API key without the scope the operation needs (`scope_missing`).
    #[error("Kunci API tidak memiliki cakupan (scope) {0} yang diperlukan untuk tindakan ini")]
    ScopeMissing(ApiScope),
    /// 404: the named thing does not exist (or is not visible to the caller).
    #[error("{0}")]
    NotFound(String),
    /// 405: the path exists but not with this method; `allow` lists the methods.
    #[error("Metode {method} tidak didukung di sini (yang didukung: {allow})")]
    MethodNotAllowed { method: String, allow: String },
    /// 409: conflicts with the current state.
    #[error("{message}")]
    Conflict { code: ErrorCode, message: String },
    /// 409: refused because of the employees named in `details.blockers`.
    #[error("{message}")]
    Blocked {
        code: ErrorCode,
        message: String,
        blockers: Vec<Blocker>,
    },
    /// 413: the body exceeds the configured limit.
    #[error("Ukuran permintaan melebihi batas")]
    PayloadTooLarge,
    /// 415: the content type is not accepted here.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: the input is well-formed but invalid; `fields` names each problem.
    #[error("Data tidak valid")]
    Validation(FieldErrors),
    /// 422: the content is readable but unusable as a whole (e.g. a CSV without the
    /// required columns).
    #[error("{message}")]
    Unprocessable { code: ErrorCode, message: String },
    /// 422: a bulk import was rejected as a whole; `rows` names each problem.
    #[error("Impor ditolak: {} baris bermasalah", .0.len())]
    ImportRejected(Vec<RowError>),
    /// 429: too many attempts; retry after the given seconds.
    #[error("{message}")]
    TooManyRequests { message: String, retry_after: u64 },
    /// 503: a dependency (the database) is unavailable.
    #[error("Layanan sedang tidak tersedia")]
    Unavailable,
    /// Any 4xx with a code more specific than its generic variant (a 404 `skp_not_found`,
    /// a 415 `unsupported_file_type`).
    #[error("{message}")]
    Coded {
        status: StatusCode,
        code: ErrorCode,
        message: String,
    },
    /// 500: anything unexpected; logged with its cause, answered without details.
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest { code, .. }
            | ApiError::Unprocessable { code, .. }
            | ApiError::Unauthorized { code, .. }
            | ApiError::Conflict { code, .. }
            | ApiError::Blocked { code, .. }
            | ApiError::Coded { code, .. } => *code,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::ScopeMissing(_) => ErrorCode::ScopeMissing,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            ApiError::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::ImportRejected(_) => ErrorCode::ImportRejected,
            ApiError::TooManyRequests { .. } => ErrorCode::TooManyRequests,
            ApiError::Unavailable => ErrorCode::ServiceUnavailable,
            ApiError::Internal(_) => ErrorCode::InternalError,
        }
    }

    pub fn bad_request(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError::BadRequest {
            code,
            message: message.into(),
        }
    }

    pub fn unprocessable(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError::Unprocessable {
            code,
            message: message.into(),
        }
    }

    pub fn unauthorized(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError::Unauthorized {
            code,
            message: message.into(),
        }
    }

    pub fn coded(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError::Coded {
            status,
            code,
            message: message.into(),
        }
    }

    /// A 404 with a code more specific than `not_found` (`skp_not_found`), for layers
    /// that know nothing of HTTP status types.
    /// 403 with a specific code (e.g. `password_change_required`).
    pub fn forbidden_coded(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::coded(StatusCode::FORBIDDEN, code, message)
    }

    pub fn not_found_coded(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::coded(StatusCode::NOT_FOUND, code, message)
    }

    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError::Conflict {
            code,
            message: message.into(),
        }
    }

    /// A 422 with a single field error.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(field.to_string(), vec![message.into()]);
        ApiError::Validation(fields)
    }

    fn body(&self) -> ErrorBody {
        let message = match self {
            ApiError::Validation(fields) => fields
                .iter()
                .next()
                .and_then(|(f, m)| m.first().map(|m| format!("Data tidak valid: {f}: {m}")))
                .unwrap_or_else(|| self.to_string()),
            ApiError::Internal(_) => "Terjadi kesalahan pada server".to_string(),
            other => other.to_string(),
        };
        ErrorBody {
            code: self.code(),
            message,
            fields: match self {
                ApiError::Validation(f) => Some(f.clone()),
                _ => None,
            },
            rows: match self {
                ApiError::ImportRejected(r) => Some(r.clone()),
                _ => None,
            },
            details: match self {
                ApiError::Blocked { blockers, .. } => Some(ErrorDetails {
                    blockers: blockers.clone(),
                    scope: None,
                }),
                ApiError::ScopeMissing(scope) => Some(ErrorDetails {
                    blockers: Vec::new(),
                    scope: Some(*scope),
                }),
                _ => None,
            },
        }
    }
}

impl From<DbErr> for ApiError {
    fn from(e: DbErr) -> Self {
        match &e {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => {
                tracing::error!(error = %e, "database unavailable");
                ApiError::Unavailable
            }
            _ => ApiError::Internal(anyhow::Error::new(e)),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::ScopeMissing(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } | ApiError::Blocked { .. } => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_)
            | ApiError::ImportRejected(_)
            | ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Coded { status, .. } => *status,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(e) = self {
            tracing::error!(error = format!("{e:#}"), "unexpected error");
        }
        let mut resp = HttpResponse::build(self.status_code());
        if let ApiError::TooManyRequests { retry_after, .. } = self {
            resp.insert_header(("Retry-After", retry_after.to_string()));
        }
        if let ApiError::MethodNotAllowed { allow, .. } = self {
            resp.insert_header(("Allow", allow.clone()));
        }
        if let ApiError::Unauthorized { .. } = self {
            resp.insert_header(("WWW-Authenticate", "Bearer"));
        }
        resp.json(ErrorResponse { error: self.body() })
    }
}

/// Turns a unique or foreign-key violation of a named constraint into a field error;
/// any other database error stays unexpected.
pub fn on_constraint(e: DbErr, constraint: &str, field: &str, message: &str) -> ApiError {
    if violates(&e, constraint) {
        ApiError::field(field, message)
    } else {
        ApiError::from(e)
    }
}

/// Whether a database error is a violation of the named constraint, on either engine
/// (PostgreSQL names the index; SQLite names `table.column` of single-column indexes).
pub fn violates(e: &DbErr, constraint: &str) -> bool {
    let text = e.to_string();
    text.contains(constraint) || constraint_column_match(&text, constraint)
}

/// SQLite reports unique violations by column (`UNIQUE constraint failed: employees.nip`),
/// not by index name; map `uq_<table>_<column>` to that form.
fn constraint_column_match(text: &str, constraint: &str) -> bool {
    let Some(rest) = constraint.strip_prefix("uq_") else {
        return false;
    };
    // uq_employees_nip → employees.nip ; try every split point of the remaining name.
    rest.match_indices('_').any(|(i, _)| {
        let (table, column) = (&rest[..i], &rest[i + 1..]);
        text.contains(&format!("{table}.{column}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_unique_messages_match_named_constraints() {
        assert!(constraint_column_match(
            "UNIQUE constraint failed: employees.email",
            "uq_employees_email"
        ));
        assert!(constraint_column_match(
            "UNIQUE constraint failed: refresh_tokens.token_hash",
            "uq_refresh_tokens_token_hash"
        ));
        assert!(!constraint_column_match(
            "UNIQUE constraint failed: employees.nip",
            "uq_employees_email"
        ));
    }

    #[test]
    fn internal_errors_hide_their_cause() {
        let e = ApiError::Internal(anyhow::anyhow!("SELECT secret FROM x"));
        let body = e.body();
        assert_eq!(body.code, ErrorCode::InternalError);
        assert!(!body.message.contains("SELECT"));
    }
}
