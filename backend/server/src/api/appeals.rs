//! Appeals (keberatan) against a published predikat (DOMAIN.md section 7).
//!
//! Invariants:
//! - only the evaluated employee files, only for a published period, within `appeal_days`
//!   of publication (to the end of that local day), at most once per evaluation;
//! - the decider is the atasan pejabat penilai: the penilai's direct supervisor when the
//!   appeal is filed. When the penilai has no supervisor in the system, HR (or admin)
//!   decides — our choice; the appeal then records the penilai as `decider_id`, which never
//!   lets the penilai decide (see `policy::cycle::appeal_decided_by_hr`);
//! - both sides are heard (employee and penilai statements) until the decision; the
//!   decision is taken once and is final; "change" sets new ratings and the predikat comes
//!   from the matrix;
//! - every step is audited in its transaction; events go to the employee, the penilai and
//!   the decider (staff when HR decides).

use actix_web::{HttpResponse, get, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::auth::Principal;
use crate::dto::appeals::{
    AppealCreate, AppealList, AppealOut, AppealQuery, DecideInput, StatementsInput,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(file_appeal)
        .service(list_appeals)
        .service(get_appeal)
        .service(update_statements)
        .service(decide_appeal);
}

/// Files an appeal against the employee's own published evaluation (that employee only),
/// within `appeal_days` days of publication.
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path)),
    request_body = AppealCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = AppealOut),
        (status = 403, description = "Not the evaluated employee", body = ErrorResponse),
        (status = 409, description = "`period_not_published`, `appeal_deadline_passed` or `appeal_exists`", body = ErrorResponse),
        (status = 422, description = "Empty or too long reasons", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/periods/{id}/evaluations/{nip}/appeal")]
pub async fn file_appeal(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<AppealCreate>,
) -> ApiResult<HttpResponse> {
    let (period_id, nip) = path.into_inner();
    let out = app::appeals::file(&state, &p, period_id, &nip, &body.reasons).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Lists appeals: `mine` (filed by me, default), `penilai` (against my evaluations),
/// `to_decide` (mine to decide; HR/admin also those HR decides), `all` (admin, HR, auditor).
#[utoipa::path(
    tag = "appeals",
    params(AppealQuery),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = AppealList),
        (status = 403, description = "`all` without admin, HR or auditor role", body = ErrorResponse),
        (status = 422, description = "Unknown role or status", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/appeals")]
pub async fn list_appeals(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<AppealQuery>,
) -> ApiResult<web::Json<AppealList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let list = app::appeals::list(&state, &p, q.role.as_deref(), q.status.as_deref(), page).await?;
    Ok(web::Json(list))
}

/// One appeal (the employee, the penilai, the decider, admin, HR, auditor).
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = ["cycle:read"])),
    responses(
        (status = 200, body = AppealOut),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/appeals/{id}")]
pub async fn get_appeal(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<AppealOut>> {
    Ok(web::Json(app::appeals::read(&state, &p, *id).await?))
}

/// Adds or replaces one side's statement while the appeal is undecided: the employee
/// writes `employee_statement`, the penilai `penilai_statement`.
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path)),
    request_body = StatementsInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AppealOut),
        (status = 403, description = "Writing the other side's statement, or not a party", body = ErrorResponse),
        (status = 409, description = "`appeal_decided`", body = ErrorResponse),
        (status = 422, description = "Empty or too long statement", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/appeals/{id}/statements")]
pub async fn update_statements(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<StatementsInput>,
) -> ApiResult<web::Json<AppealOut>> {
    Ok(web::Json(
        app::appeals::write_statements(&state, &p, *id, &body).await?,
    ))
}

/// Decides an appeal, once and finally (the atasan pejabat penilai only; HR/admin when the
/// penilai has no supervisor). `change` sets the new ratings on the evaluation and the
/// predikat from the matrix.
#[utoipa::path(
    tag = "appeals",
    params(("id" = Uuid, Path)),
    request_body = DecideInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = AppealOut),
        (status = 403, description = "Not the decider (the penilai and the employee never are)", body = ErrorResponse),
        (status = 409, description = "`appeal_decided`", body = ErrorResponse),
        (status = 422, description = "Missing reason, or ratings that contradict the decision", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/appeals/{id}/decide")]
pub async fn decide_appeal(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<DecideInput>,
) -> ApiResult<web::Json<AppealOut>> {
    Ok(web::Json(
        app::appeals::decide_appeal(&state, &p, *id, &body).await?,
    ))
}
