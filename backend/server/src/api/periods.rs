//! Evaluation periods: created by HR for a quarter (or a month) of a year, then moved
//! through draft → open → closed → published. Every refused transition is a 409 with the
//! code `invalid_transition`; every change is audited.

use actix_web::{HttpResponse, get, post, web};
use chrono::{NaiveDate, Utc};
use entity::period;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::PageMeta;
use crate::auth::{Principal, policy};
use crate::domain::period::{PeriodState, span};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_periods)
        .service(create_period)
        .service(get_period)
        .service(open_period)
        .service(close_period)
        .service(publish_period);
}

/// Period length (documentation type).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Quarterly,
    Monthly,
}

#[derive(Deserialize, ToSchema)]
pub struct PeriodCreate {
    #[schema(minimum = 2000, maximum = 2100)]
    #[serde(deserialize_with = "super::de::integral_i32")]
    pub year: i32,
    #[schema(value_type = PeriodKind)]
    pub kind: String,
    /// First day (a quarter starts on 1 January, 1 April, 1 July or 1 October).
    pub starts_on: NaiveDate,
    /// Last day of the quarter or month.
    pub ends_on: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct PeriodOut {
    pub id: Uuid,
    pub year: i32,
    #[schema(value_type = PeriodKind)]
    pub kind: String,
    /// Quarter 1–4 or month 1–12.
    pub number: i32,
    /// `Triwulan II 2026`.
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub state: PeriodState,
    pub opened_at: Option<chrono::DateTime<Utc>>,
    pub closed_at: Option<chrono::DateTime<Utc>>,
    pub published_at: Option<chrono::DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct PeriodList {
    pub items: Vec<PeriodOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub year: Option<i32>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

fn out(p: period::Model) -> PeriodOut {
    PeriodOut {
        state: PeriodState::parse(&p.state).unwrap_or(PeriodState::Draft),
        id: p.id,
        year: p.year,
        kind: p.kind,
        number: p.number,
        name: p.name,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        opened_at: p.opened_at,
        closed_at: p.closed_at,
        published_at: p.published_at,
    }
}

fn can_manage(p: &Principal) -> bool {
    p.has_role("admin") || p.has_role("hr")
}

fn not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// Lists periods, newest year first (any signed-in user or API key).
#[utoipa::path(
    tag = "periods",
    params(PeriodQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = PeriodList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
    )
)]
#[get("/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    _p: Principal,
    q: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<PeriodList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let (list, total) = store::periods::list(&state.db.read, q.year, page).await?;
    Ok(web::Json(PeriodList {
        items: list.into_iter().map(out).collect(),
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Creates a period in `draft` (admin, HR). 409 when that quarter or month exists.
#[utoipa::path(
    tag = "periods",
    request_body = PeriodCreate,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = PeriodOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 409, description = "The period exists", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Not exactly one quarter or month of the year", body = ErrorResponse),
    )
)]
#[post("/periods")]
pub async fn create_period(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<PeriodCreate>,
) -> ApiResult<HttpResponse> {
    policy::require(can_manage(&p))?;
    let s = span(body.year, &body.kind, body.starts_on, body.ends_on)
        .map_err(|(field, msg)| ApiError::field(field, msg))?;
    let now = Utc::now();
    let txn = state.db.write.begin().await?;
    let exists = || ApiError::conflict("period_exists", format!("Periode {} sudah ada", s.name));
    if store::periods::find_span(&txn, s.year, &body.kind, s.number as i32)
        .await?
        .is_some()
    {
        return Err(exists());
    }
    let m = period::ActiveModel {
        id: Set(Uuid::now_v7()),
        year: Set(s.year),
        kind: Set(body.kind.clone()),
        number: Set(s.number as i32),
        name: Set(s.name.clone()),
        starts_on: Set(body.starts_on),
        ends_on: Set(body.ends_on),
        state: Set(PeriodState::Draft.as_str().into()),
        created_at: Set(now),
        updated_at: Set(now),
        opened_at: Set(None),
        closed_at: Set(None),
        published_at: Set(None),
        run_360: Set(true),
        deadline_360: Set(None),
        evaluation_deadline: Set(None),
    }
    .insert(&txn)
    .await
    // A concurrent creation can still lose the race on the unique index (PostgreSQL).
    .map_err(|e| {
        if crate::error::violates(&e, "uq_periods_year_kind_number") {
            exists()
        } else {
            ApiError::from(e)
        }
    })?;
    store::audit::append(
        &txn,
        &p.actor(),
        "period.create",
        "period",
        &m.id.to_string(),
        json!({ "name": m.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out(m)))
}

/// Reads one period.
#[utoipa::path(
    tag = "periods",
    params(("id" = Uuid, Path)),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = PeriodOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}")]
pub async fn get_period(
    state: web::Data<AppState>,
    _p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<PeriodOut>> {
    let m = store::periods::find(&state.db.read, *id)
        .await?
        .ok_or_else(not_found)?;
    Ok(web::Json(out(m)))
}

async fn transition(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    to: PeriodState,
) -> ApiResult<PeriodOut> {
    policy::require(can_manage(p))?;
    let txn = state.db.write.begin().await?;
    let m = store::periods::find(&txn, id)
        .await?
        .ok_or_else(not_found)?;
    let from = PeriodState::parse(&m.state).unwrap_or(PeriodState::Draft);
    let next = from
        .transition(to)
        .map_err(|why| ApiError::conflict("invalid_transition", why))?;
    let now = Utc::now();
    let mut am: period::ActiveModel = m.into();
    am.state = Set(next.as_str().into());
    am.updated_at = Set(now);
    match next {
        PeriodState::Open => am.opened_at = Set(Some(now)),
        PeriodState::Closed => am.closed_at = Set(Some(now)),
        PeriodState::Published => am.published_at = Set(Some(now)),
        PeriodState::Draft => {}
    }
    let m = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        &format!("period.{}", next.as_str()),
        "period",
        &id.to_string(),
        json!({ "from": from.as_str(), "to": next.as_str() }),
    )
    .await?;
    txn.commit().await?;
    if next == PeriodState::Published {
        state
            .events
            .publish("period_published", vec![id.to_string()], Audience::Everyone);
    }
    Ok(out(m))
}

macro_rules! transition_handler {
    ($name:ident, $path:literal, $to:expr, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "periods",
            params(("id" = Uuid, Path)),
            security(("bearer_auth" = [])),
            responses(
                (status = 200, body = PeriodOut),
                (status = 400, body = ErrorResponse),
                (status = 401, body = ErrorResponse),
                (status = 403, body = ErrorResponse),
                (status = 404, body = ErrorResponse),
                (status = 409, description = "Transition not allowed from the current state", body = ErrorResponse),
            )
        )]
        #[post($path)]
        pub async fn $name(
            state: web::Data<AppState>,
            p: Principal,
            id: web::Path<Uuid>,
        ) -> ApiResult<web::Json<PeriodOut>> {
            Ok(web::Json(transition(&state, &p, *id, $to).await?))
        }
    };
}

transition_handler!(
    open_period,
    "/periods/{id}/open",
    PeriodState::Open,
    "Opens a draft (or reopens a closed) period (admin, HR)."
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
    "Publishes a closed period's results; final (admin, HR)."
);
