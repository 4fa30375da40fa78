//! HTTP handlers, one module per resource. Handlers are the use cases:
//! load → authorise (`auth::policy`) → decide (`domain`) → write in one transaction → respond.
//!
//! Every handler is registered with `.service(...)` so utoipa-actix-web puts it in the
//! OpenAPI document; handler names become operation ids.

pub mod accounts;
pub mod api_keys;
pub mod appeals;
pub mod audit;
pub mod auth;
pub mod career;
pub mod client;
pub mod coaching;
pub mod documents;
pub mod employees;
pub mod evaluations;
pub mod events;
pub mod exemptions;
pub mod exports;
pub mod feedback;
pub mod health;
pub mod ikm;
pub mod input_gate;
pub mod notifications;
pub mod org_results;
pub mod periods;
pub mod public;
pub mod public_form;
pub mod ratings360;
pub mod realisasi;
pub mod reference;
pub mod siasn;
pub mod skp;
pub mod talent;
pub mod tasks;
pub mod units;
pub mod webhooks;

use actix_web::{HttpRequest, HttpResponse, error::JsonPayloadError, web};
use serde::Serialize;
use std::sync::LazyLock;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::error::ErrorCode;

pub use crate::app::unit_filter;
pub use crate::dto::{ApiScope, EmployeeStatus, JenisJabatan, PageMeta, Role, SseEvent, UnitKind};

/// The OpenAPI document of the API (served at `/api-docs/openapi.json`, committed as
/// `openapi/openapi.json`).
pub fn spec() -> utoipa::openapi::OpenApi {
    crate::openapi::assemble(configure)
}

/// The document as the committed file's JSON.
pub fn spec_json() -> anyhow::Result<String> {
    crate::openapi::to_json(&spec())
}

/// Mounts `/api/...`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(
        scope::scope("/api")
            .service(health::health)
            .service(
                scope::scope("/v1")
                    .configure(auth::configure)
                    .configure(units::configure)
                    .configure(employees::configure)
                    .configure(accounts::configure)
                    .configure(reference::configure)
                    .configure(api_keys::configure)
                    .configure(events::configure)
                    .configure(public::configure)
                    .configure(feedback::configure)
                    .configure(ikm::configure)
                    .configure(audit::configure)
                    .configure(periods::configure)
                    .configure(evaluations::configure)
                    .configure(skp::configure)
                    .configure(realisasi::configure)
                    .configure(coaching::configure)
                    .configure(ratings360::configure)
                    .configure(org_results::configure)
                    .configure(exemptions::configure)
                    .configure(appeals::configure)
                    .configure(notifications::configure)
                    .configure(exports::configure)
                    .configure(siasn::configure)
                    .configure(documents::configure)
                    .configure(career::configure)
                    .configure(talent::configure)
                    .configure(tasks::configure)
                    .configure(webhooks::configure)
                    // A nested scope falls back to the app's default (the SPA's HTML page),
                    // not its parent's: unknown /api/v1 paths need their own JSON 404.
                    .default_service(web::to(api_not_found)),
            )
            .default_service(web::to(api_not_found)),
    );
}

/// Path templates of the API (`/api/v1/units/{code}` as segments) with their methods,
/// taken from the OpenAPI document, so a wrong method on a known path is a 405.
static ROUTES: LazyLock<Vec<(Vec<String>, Vec<String>)>> = LazyLock::new(|| {
    let spec = spec();
    let json = serde_json::to_value(&spec).unwrap_or_default();
    json["paths"]
        .as_object()
        .map(|paths| {
            paths
                .iter()
                .map(|(path, item)| {
                    let segments = path.split('/').map(str::to_string).collect();
                    let methods = item
                        .as_object()
                        .map(|m| m.keys().map(|k| k.to_uppercase()).collect())
                        .unwrap_or_default();
                    (segments, methods)
                })
                .collect()
        })
        .unwrap_or_default()
});

/// Methods allowed on a concrete path, when it matches a documented template; a literal
/// segment beats a placeholder (`/trainings/import` before `/trainings/{id}`).
pub fn allowed_methods(path: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = path.split('/').collect();
    ROUTES
        .iter()
        .filter(|(template, _)| {
            template.len() == parts.len()
                && template
                    .iter()
                    .zip(&parts)
                    .all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p)
        })
        .min_by_key(|(template, _)| template.iter().filter(|t| t.starts_with('{')).count())
        .map(|(_, methods)| methods.clone())
}

async fn api_not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    if let Some(allow) = allowed_methods(req.path()) {
        return Err(ApiError::MethodNotAllowed {
            method: req.method().to_string(),
            allow: allow.join(", "),
        });
    }
    Err(ApiError::NotFound(format!(
        "Tidak ada endpoint {} {}",
        req.method(),
        req.path()
    )))
}

/// Maps JSON body errors to the envelope: 413, 415 or 400 with what was wrong.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api = match &err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => {
            ApiError::UnsupportedMediaType("Content-Type harus application/json".to_string())
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => ApiError::bad_request(
            ErrorCode::InvalidBody,
            format!("Isi permintaan tidak sesuai: {e}"),
        ),
        JsonPayloadError::Deserialize(e) => {
            ApiError::bad_request(ErrorCode::InvalidJson, format!("JSON tidak valid: {e}"))
        }
        _ => ApiError::bad_request(ErrorCode::InvalidBody, "Isi permintaan tidak dapat dibaca"),
    };
    api.into()
}

pub fn path_error(err: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    // `PUT /trainings/import` reaches `PUT /trainings/{id}` with "import" as the id: the
    // path is a literal route that does not take this method, so it is a 405, not a 400.
    if let Some(allow) = allowed_methods(req.path()) {
        let method = req.method().to_string();
        if !allow.contains(&method) {
            return ApiError::MethodNotAllowed {
                method,
                allow: allow.join(", "),
            }
            .into();
        }
    }
    ApiError::bad_request(
        ErrorCode::InvalidPath,
        format!("Parameter path tidak valid: {err}"),
    )
    .into()
}

pub fn query_error(
    err: actix_web::error::QueryPayloadError,
    _req: &HttpRequest,
) -> actix_web::Error {
    ApiError::bad_request(
        ErrorCode::InvalidQuery,
        format!("Parameter query tidak valid: {err}"),
    )
    .into()
}

/// Validates `page`/`per_page` query values (0 means the default bound, negatives are
/// malformed) and clamps them (`per_page` to 100).
pub fn page_req(
    page: Option<i32>,
    per_page: Option<i32>,
) -> Result<crate::domain::paging::PageReq, ApiError> {
    let non_negative = |v: Option<i32>, name: &str| match v {
        Some(n) if n < 0 => Err(ApiError::bad_request(
            ErrorCode::InvalidQuery,
            format!("Parameter query tidak valid: {name} tidak boleh negatif"),
        )),
        other => Ok(other.map(i32::unsigned_abs)),
    };
    Ok(crate::domain::paging::PageReq::new(
        non_negative(page, "page")?,
        non_negative(per_page, "per_page")?,
    ))
}

/// 201 when created, 200 otherwise.
pub fn created_or_ok<T: Serialize>(created: bool, body: &T) -> HttpResponse {
    if created {
        HttpResponse::Created().json(body)
    } else {
        HttpResponse::Ok().json(body)
    }
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
/// return first) gets a leading apostrophe, so an exported name can never execute when HR
/// opens the file (CSV injection). Numbers like `-1.5` are left alone.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = match cell.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => cell.parse::<f64>().is_err(),
        _ => false,
    };
    if risky {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV download (UTF-8, the first row is the header) with every cell made
/// spreadsheet-safe.
pub fn csv_attachment(
    file_name: &str,
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<HttpResponse, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r.iter().map(|c| spreadsheet_safe(c).into_owned()))
            .map_err(|e| anyhow::anyhow!("csv write: {e}"))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| anyhow::anyhow!("csv flush: {e}"))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(bytes))
}

#[cfg(test)]
mod csv_tests {
    use super::spreadsheet_safe;

    #[test]
    fn formula_like_cells_are_defused_and_numbers_kept() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+62"), "'+62");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("-cmd"), "'-cmd");
        assert_eq!(spreadsheet_safe("-1.5"), "-1.5");
        assert_eq!(spreadsheet_safe("Siti Aminah"), "Siti Aminah");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
