//! The SIASN push (ADR 0020): `POST /periods/{id}/siasn/push` sends the period's ready
//! results to the configured SIASN, `GET` lists each employee's outcome.
//!
//! Invariants: pushing needs admin, HR or an API key with `siasn:push`; reading needs that
//! or the right to read results; 409 `siasn_disabled` when no SIASN base URL is set.

use actix_web::{get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::siasn::{SiasnDeliveryList, SiasnPushSummary};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(push).service(deliveries);
}

/// Sends the period's published results (no appeal open) to SIASN as `skp22/save` (annual
/// evaluation) and `kinerjaperiodik/save` bodies, and records each outcome: `sent` (with
/// SIASN's record id), `rejected` (with SIASN's message), `to_retry` (with the attempt count
/// and `next_attempt_at`) or `failed`. Idempotent: a body SIASN already has is not sent
/// again; a result changed since (an appeal) is sent again as an update. Failures are
/// retried by a later push once due. Employees without `pns_id` are reported in `skipped`.
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = SiasnPushSummary),
        (status = 409, description = "SIASN is not configured (`siasn_disabled`)", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[post("/periods/{id}/siasn/push")]
pub async fn push(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<SiasnPushSummary>> {
    policy::require(policy::cycle::can_push_siasn(&p))?;
    Ok(web::Json(app::siasn::push::push(&state, &p, *id).await?))
}

/// Each employee's SIASN delivery of the period (one per body kind), by NIP.
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = SiasnDeliveryList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/periods/{id}/siasn/push")]
pub async fn deliveries(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<SiasnDeliveryList>> {
    policy::require(policy::cycle::can_read_siasn(&p))?;
    Ok(web::Json(app::siasn::push::list(&state, *id).await?))
}
