//! Evaluation periods: created by HR for a quarter (or a month) of a year, then moved
//! through draft → open → closed → published. Every refused transition is a 409 with the
//! code `invalid_transition`; every change is audited.
//!
//! A period also carries its 360 round settings (`run_360`, `deadline_360`) and the
//! evaluation deadline, changeable until publication; deadlines lie within the period or at
//! most `DEADLINE_GRACE_DAYS` after it. Publishing needs every unit with evaluations to be
//! finalised (distribution curve, `org_results`) and every employee in scope rated final or
//! exempted (`exemptions`, ADR 0018), and tells each evaluated employee.

use actix_web::{HttpResponse, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::domain::period::PeriodState;
pub use crate::dto::periods::{
    PeriodCreate, PeriodKind, PeriodList, PeriodOut, PeriodQuery, PeriodUpdate,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_periods)
        .service(create_period)
        .service(get_period)
        .service(update_period)
        .service(open_period)
        .service(close_period)
        .service(publish_period);
}

/// Lists periods, newest year first (any signed-in user or API key).
#[utoipa::path(
    tag = "periods",
    params(PeriodQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = PeriodList),
        BadRequest, Unauthorized,
    )
)]
#[get("/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    _p: Principal,
    q: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<PeriodList>> {
    let page = super::page_req(q.page, q.per_page)?;
    Ok(web::Json(app::periods::list(&state, q.year, page).await?))
}

/// Creates a period in `draft` (admin, HR). 409 when that quarter or month exists.
#[utoipa::path(
    tag = "periods",
    request_body = PeriodCreate,
    security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
    responses(
        (status = 201, body = PeriodOut),
        (status = 409, description = "The period exists", body = ErrorResponse),
        (status = 422, description = "Not exactly one quarter or month of the year, or a deadline outside the period (+60 days)", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[post("/periods")]
pub async fn create_period(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<PeriodCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(policy::cycle::can_manage_periods(&p))?;
    let out = app::periods::create(&state, &p, &body).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Reads one period.
#[utoipa::path(
    tag = "periods",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = PeriodOut),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/periods/{id}")]
pub async fn get_period(
    state: web::Data<AppState>,
    _p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<PeriodOut>> {
    Ok(web::Json(app::periods::read(&state, *id).await?))
}

/// Changes a period's 360 round and deadlines (admin, HR) until it is published.
#[utoipa::path(
    tag = "periods",
    params(("id" = Uuid, Path)),
    request_body = PeriodUpdate,
    security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
    responses(
        (status = 200, body = PeriodOut),
        (status = 409, description = "The period is published", body = ErrorResponse),
        (status = 422, description = "A deadline outside the period (+60 days)", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[patch("/periods/{id}")]
pub async fn update_period(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<PeriodUpdate>,
) -> ApiResult<web::Json<PeriodOut>> {
    policy::require(policy::cycle::can_manage_periods(&p))?;
    Ok(web::Json(
        app::periods::update(&state, &p, *id, &body).await?,
    ))
}

macro_rules! transition_handler {
    ($name:ident, $path:literal, $to:expr, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "periods",
            params(("id" = Uuid, Path)),
            security(("bearer_auth" = []), ("api_key" = ["periods:write"])),
            responses(
                (status = 200, body = PeriodOut),
                (status = 409, description = "Transition not allowed from the current state, or (publish) units not finalised or employees with neither a final evaluation nor an exemption (`period_incomplete`, naming them in `details.blockers`)", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
            )
        )]
        #[post($path)]
        pub async fn $name(
            state: web::Data<AppState>,
            p: Principal,
            id: web::Path<Uuid>,
        ) -> ApiResult<web::Json<PeriodOut>> {
            policy::require(policy::cycle::can_manage_periods(&p))?;
            Ok(web::Json(
                app::periods::transition(&state, &p, *id, $to).await?,
            ))
        }
    };
}

transition_handler!(
    open_period,
    "/periods/{id}/open",
    PeriodState::Open,
    "Opens a draft (or reopens a closed) period (admin, HR, keys with `periods:write`)."
);
transition_handler!(
    close_period,
    "/periods/{id}/close",
    PeriodState::Closed,
    "Closes an open period (admin, HR)."
);
transition_handler!(
    publish_period,
    "/periods/{id}/publish",
    PeriodState::Published,
    "Publishes a closed period's results; final (admin, HR). Every unit with evaluations must be finalised (409 `units_not_finalised`) and every active employee with a supervisor in the system rated final or exempted (409 `period_incomplete`, naming them in `details.blockers`)."
);
