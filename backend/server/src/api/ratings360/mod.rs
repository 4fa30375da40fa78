//! 360-degree input (DOMAIN.md §5), the HTTP side: assignments per period (self,
//! supervisor and subordinates from the hierarchy; peers nominated by the employee or
//! assigned by the supervisor or HR), the rater's forms and responses (`forms`), the
//! ratee's aggregate with the suggested rating perilaku and HR's progress and
//! rater-quality views (`reports`). The use cases are `app::ratings360`; the anonymity and
//! editability rules live in `domain::aggregation` and `domain::ratings360`.

mod forms;
mod reports;

use actix_web::{get, post, web};
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::ratings360::*;
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;
use utoipa_actix_web::service_config::ServiceConfig;

pub use forms::{get_form, my_forms, put_form};
pub use reports::{get_progress, get_quality, get_summary};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(generate_raters)
        .service(add_peers)
        .service(list_peers)
        .service(list_raters)
        .service(approve_peer)
        .service(reject_peer)
        .service(my_forms)
        .service(get_form)
        .service(put_form)
        .service(get_summary)
        .service(get_progress)
        .service(get_quality);
}

/// Creates the hierarchy's assignments for a period (admin, HR): for every active employee
/// (of the unit and the units below it when `unit_code` is given) a self-assessment, their
/// direct supervisor and each direct subordinate. Existing assignments are left untouched.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = GenerateOut),
        (status = 404, description = "Period or unit not found", body = ErrorResponse),
        (status = 409, description = "`no_360_round`, `period_published` or `assignment_conflict`", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[post("/periods/{id}/raters/generate")]
pub async fn generate_raters(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<GenerateOut>> {
    policy::require(policy::ratings360::can_organise_360(&p))?;
    let out = app::ratings360::generate(&state, &p, *id, q.unit_code.as_deref()).await?;
    Ok(web::Json(out))
}

/// Peers: the employee nominates (`nominated`), their direct supervisor or HR assigns
/// (`assigned`, which also approves an earlier nomination). Not the employee themself, not
/// their supervisor or subordinates (they rate in their own groups), only active employees,
/// at most eight.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    request_body = PeersInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "The peers as the caller may see them", body = PeerList),
        (status = 403, description = "Neither the employee, their direct supervisor nor HR", body = ErrorResponse),
        (status = 409, description = "`no_360_round`, `period_published` or `assignment_conflict`", body = ErrorResponse),
        (status = 422, description = "`cannot_rate_self_as_peer`, `peer_in_other_group`, `too_many_peers`, or `validation_failed` naming unknown or inactive NIPs", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/periods/{id}/employees/{nip}/peers")]
pub async fn add_peers(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<PeersInput>,
) -> ApiResult<web::Json<PeerList>> {
    let (period_id, nip) = path.into_inner();
    let out = app::ratings360::add_peers(&state, &p, period_id, &nip, &body).await?;
    Ok(web::Json(out))
}

/// The peers of a ratee in a period. The ratee sees only the peers they nominated and
/// whether each was approved; the supervisor chain and admin/HR/auditor see all peers.
/// Nobody sees here whether a peer responded.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = PeerList),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/periods/{id}/employees/{nip}/peers")]
pub async fn list_peers(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<PeerList>> {
    let (period_id, nip) = path.into_inner();
    let out = app::ratings360::list_peers(&state, &p, period_id, &nip).await?;
    Ok(web::Json(out))
}

/// Every assignment of a ratee in a period, for the organisers: the supervisor chain and
/// admin/HR/auditor (not the ratee). Peers and subordinates show only whether they are
/// nominated, approved or rejected, never whether they responded.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RaterList),
        (status = 403, description = "The ratee themself", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/periods/{id}/employees/{nip}/raters")]
pub async fn list_raters(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<RaterList>> {
    let (period_id, nip) = path.into_inner();
    let out = app::ratings360::list_raters(&state, &p, period_id, &nip).await?;
    Ok(web::Json(out))
}

/// Approves a peer (nominated or rejected → approved): the ratee's direct supervisor or
/// admin/HR. Approving an approved peer changes nothing.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RaterOut),
        (status = 409, description = "`not_a_peer`, `no_360_round` or `period_published`", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[post("/ratings360/{id}/approve")]
pub async fn approve_peer(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<RaterOut>> {
    Ok(web::Json(app::ratings360::approve(&state, &p, *id).await?))
}

/// Rejects a peer (with an optional reason shown to the ratee who nominated them): the
/// ratee's direct supervisor or admin/HR. A rejected peer's answers are kept but never
/// counted; approving again restores them.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Assignment id")),
    request_body = RejectInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RaterOut),
        (status = 409, description = "`not_a_peer`, `no_360_round` or `period_published`", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[post("/ratings360/{id}/reject")]
pub async fn reject_peer(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<RejectInput>,
) -> ApiResult<web::Json<RaterOut>> {
    Ok(web::Json(
        app::ratings360::reject(&state, &p, *id, &body).await?,
    ))
}
