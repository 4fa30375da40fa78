//! The audit log, readable by the auditor (and admin): who changed what, when.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::audit::{AuditList, AuditQuery, AuditVerification};
use crate::error::ApiResult;
use crate::openapi::responses::{BadRequest, Forbidden, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit_entries).service(verify_audit_log);
}

/// Audit entries, newest first (auditor; admin without the 360 raters' entries).
#[utoipa::path(
    tag = "audit",
    params(AuditQuery),
    security(("bearer_auth" = []), ("api_key" = ["audit:read"])),
    responses(
        (status = 200, body = AuditList),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/audit")]
pub async fn list_audit_entries(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<AuditQuery>,
) -> ApiResult<web::Json<AuditList>> {
    // The caller is checked before the query string (403 before 400).
    policy::require(policy::master::can_read_audit(&p))?;
    let page = super::page_req(q.page, q.per_page)?;
    let list = app::audit::list_audit_entries(
        &state,
        &p,
        q.object_type.as_deref(),
        q.object_id.as_deref(),
        page,
    )
    .await?;
    Ok(web::Json(list))
}

/// Recomputes the hash chain (auditor, admin).
#[utoipa::path(
    tag = "audit",
    security(("bearer_auth" = []), ("api_key" = ["audit:read"])),
    responses(
        (status = 200, body = AuditVerification),
        Unauthorized, Forbidden,
    )
)]
#[get("/audit/verify")]
pub async fn verify_audit_log(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<AuditVerification>> {
    Ok(web::Json(app::audit::verify_audit_log(&state, &p).await?))
}
