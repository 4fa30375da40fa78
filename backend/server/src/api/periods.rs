//! Evaluation periods: created by HR for a quarter (or a month) of a year, then moved
//! through draft → open → closed → published. Every refused transition is a 409 with the
//! code `invalid_transition`; every change is audited.
//!
//! A period also carries its 360 round settings (`run_360`, `deadline_360`) and the
//! evaluation deadline, changeable until publication; deadlines lie within the period or at
//! most `DEADLINE_GRACE_DAYS` after it. Publishing needs every unit with evaluations to be
//! finalised (distribution curve, `org_results`) and tells each evaluated employee.

use actix_web::{HttpResponse, get, patch, post, web};
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
use crate::domain::period::{PeriodState, check_deadline, span};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_periods)
        .service(create_period)
        .service(get_period)
        .service(update_period)
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
    /// Whether this period runs a 360 round (default true).
    #[serde(default)]
    pub run_360: Option<bool>,
    /// Last day raters may edit or submit 360 responses (within the period or at most 60
    /// days after it).
    #[serde(default)]
    pub deadline_360: Option<NaiveDate>,
    /// Last day supervisors should rate (same bounds).
    #[serde(default)]
    pub evaluation_deadline: Option<NaiveDate>,
}

/// `Some(None)` for an explicit `null`, `None` when the field is absent.
fn nullable<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<NaiveDate>>, D::Error> {
    Option::<NaiveDate>::deserialize(d).map(Some)
}

/// Changes to a period's 360 and deadline settings; absent fields stay, `null` clears.
#[derive(Deserialize, ToSchema)]
pub struct PeriodUpdate {
    #[serde(default)]
    pub run_360: Option<bool>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub deadline_360: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub evaluation_deadline: Option<Option<NaiveDate>>,
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
    /// Whether this period runs a 360 round.
    pub run_360: bool,
    /// Last day of the 360 round.
    pub deadline_360: Option<NaiveDate>,
    /// Last day supervisors should rate.
    pub evaluation_deadline: Option<NaiveDate>,
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
        run_360: p.run_360,
        deadline_360: p.deadline_360,
        evaluation_deadline: p.evaluation_deadline,
    }
}

/// Checks both deadlines against the period's span; 422 naming the field.
fn check_deadlines(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    deadline_360: Option<NaiveDate>,
    evaluation_deadline: Option<NaiveDate>,
) -> ApiResult<()> {
    for (field, date) in [
        ("deadline_360", deadline_360),
        ("evaluation_deadline", evaluation_deadline),
    ] {
        if let Some(d) = date {
            check_deadline(starts_on, ends_on, d).map_err(|m| ApiError::field(field, m))?;
        }
    }
    Ok(())
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
        (status = 422, description = "Not exactly one quarter or month of the year, or a deadline outside the period (+60 days)", body = ErrorResponse),
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
    check_deadlines(
        body.starts_on,
        body.ends_on,
        body.deadline_360,
        body.evaluation_deadline,
    )?;
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
        run_360: Set(body.run_360.unwrap_or(true)),
        deadline_360: Set(body.deadline_360),
        evaluation_deadline: Set(body.evaluation_deadline),
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

/// Changes a period's 360 round and deadlines (admin, HR) until it is published.
#[utoipa::path(
    tag = "periods",
    params(("id" = Uuid, Path)),
    request_body = PeriodUpdate,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = PeriodOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "The period is published", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "A deadline outside the period (+60 days)", body = ErrorResponse),
    )
)]
#[patch("/periods/{id}")]
pub async fn update_period(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<PeriodUpdate>,
) -> ApiResult<web::Json<PeriodOut>> {
    policy::require(can_manage(&p))?;
    let txn = state.db.write.begin().await?;
    let m = store::periods::find(&txn, *id)
        .await?
        .ok_or_else(not_found)?;
    if PeriodState::parse(&m.state) == Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            "period_published",
            "Periode yang sudah dipublikasikan tidak dapat diubah",
        ));
    }
    let run_360 = body.run_360.unwrap_or(m.run_360);
    let deadline_360 = body.deadline_360.unwrap_or(m.deadline_360);
    let evaluation_deadline = body.evaluation_deadline.unwrap_or(m.evaluation_deadline);
    check_deadlines(m.starts_on, m.ends_on, deadline_360, evaluation_deadline)?;
    if (run_360, deadline_360, evaluation_deadline)
        == (m.run_360, m.deadline_360, m.evaluation_deadline)
    {
        // Nothing changes: no write, no audit entry.
        return Ok(web::Json(out(m)));
    }
    let mut am: period::ActiveModel = m.into();
    am.run_360 = Set(run_360);
    am.deadline_360 = Set(deadline_360);
    am.evaluation_deadline = Set(evaluation_deadline);
    am.updated_at = Set(Utc::now());
    let m = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "period.update",
        "period",
        &m.id.to_string(),
        json!({
            "run_360": m.run_360, "deadline_360": m.deadline_360,
            "evaluation_deadline": m.evaluation_deadline
        }),
    )
    .await?;
    txn.commit().await?;
    state
        .events
        .publish("period_updated", vec![id.to_string()], Audience::Everyone);
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
    // Publishing needs every unit's distribution finalised (SE MenPANRB 3/2023).
    let mut evaluated: Vec<Uuid> = Vec::new();
    if next == PeriodState::Published {
        let open = store::results::units_not_finalised(&txn, id).await?;
        if !open.is_empty() {
            let codes: Vec<&str> = open.iter().map(|u| u.code.as_str()).collect();
            return Err(ApiError::conflict(
                "units_not_finalised",
                format!(
                    "{} unit belum difinalisasi (kurva distribusi): {}",
                    open.len(),
                    codes.join(", ")
                ),
            ));
        }
        evaluated = store::results::evaluations(&txn, id, None)
            .await?
            .into_iter()
            .map(|e| e.employee_id)
            .collect();
    }
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
        // Each evaluated employee learns that their predikat is visible now.
        for employee_id in evaluated {
            state.events.publish(
                "predikat_published",
                vec![id.to_string()],
                Audience::Employee(employee_id),
            );
        }
        state
            .events
            .publish("predikat_published", vec![id.to_string()], Audience::Staff);
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
                (status = 409, description = "Transition not allowed from the current state, or (publish) units not finalised", body = ErrorResponse),
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
    "Publishes a closed period's results; final (admin, HR). Every unit with evaluations must be finalised (409 `units_not_finalised`)."
);
