//! Use cases of `periods` (see `api::periods` for the HTTP side): list, create, read,
//! change the settings of, and move an evaluation period through its states.

use crate::app::notifications::{Notice, announce, notify_employees};
use crate::domain::notification::Kind;
use chrono::{NaiveDate, Utc};
use entity::period;
use sea_orm::TransactionTrait;
use serde_json::json;
use std::collections::HashSet;
use uuid::Uuid;

use crate::auth::Principal;
use crate::domain::period::{
    PeriodState, check_deadline, period_incomplete, publication_blocker, span,
};
use crate::dto::PageMeta;
use crate::dto::periods::{PeriodCreate, PeriodList, PeriodOut, PeriodUpdate};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store::{self, PageReq};

fn not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// The period, or 404.
pub async fn get_period<C: sea_orm::ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> ApiResult<period::Model> {
    store::periods::find(conn, id).await?.ok_or_else(not_found)
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

pub async fn list(state: &AppState, year: Option<i32>, page: PageReq) -> ApiResult<PeriodList> {
    let (list, total) = store::periods::list(&state.db.read, year, page).await?;
    Ok(PeriodList {
        items: list.into_iter().map(PeriodOut::from).collect(),
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

pub async fn read(state: &AppState, id: Uuid) -> ApiResult<PeriodOut> {
    Ok(get_period(&state.db.read, id).await?.into())
}

/// Creates a period in `draft`; 409 `period_exists` when that quarter or month exists.
pub async fn create(state: &AppState, p: &Principal, body: &PeriodCreate) -> ApiResult<PeriodOut> {
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
    let exists = || {
        ApiError::conflict(
            ErrorCode::PeriodExists,
            format!("Periode {} sudah ada", s.name),
        )
    };
    if store::periods::find_span(&txn, s.year, &body.kind, s.number as i32)
        .await?
        .is_some()
    {
        return Err(exists());
    }
    let m = store::periods::insert_period(
        &txn,
        period::Model {
            id: Uuid::now_v7(),
            year: s.year,
            kind: body.kind.clone(),
            number: s.number as i32,
            name: s.name.clone(),
            starts_on: body.starts_on,
            ends_on: body.ends_on,
            state: PeriodState::Draft.as_str().into(),
            created_at: now,
            updated_at: now,
            opened_at: None,
            closed_at: None,
            published_at: None,
            run_360: body.run_360.unwrap_or(true),
            deadline_360: body.deadline_360,
            evaluation_deadline: body.evaluation_deadline,
            released_360_at: None,
        },
    )
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
    Ok(m.into())
}

/// Changes the 360 round and deadlines until publication (409 `period_published`).
pub async fn update(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    body: &PeriodUpdate,
) -> ApiResult<PeriodOut> {
    // A release that is due is recorded before the deadline can move (ADR 0013).
    crate::app::ratings360::announce_due(state).await?;
    let txn = state.db.write.begin().await?;
    let m = get_period(&txn, id).await?;
    if PeriodState::parse(&m.state) == Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            ErrorCode::PeriodPublished,
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
        return Ok(m.into());
    }
    let m = store::periods::update_period(
        &txn,
        period::Model {
            run_360,
            deadline_360,
            evaluation_deadline,
            updated_at: Utc::now(),
            ..m
        },
    )
    .await?;
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
    state.events.publish(
        EventKind::PeriodUpdated,
        vec![id.to_string()],
        Audience::Everyone,
    );
    Ok(m.into())
}

/// Moves a period to `to` (409 `invalid_transition`). Publishing needs every unit with
/// evaluations finalised (409 `units_not_finalised`) and every employee in scope rated or
/// exempted (409 `period_incomplete` naming them), and tells each evaluated employee.
pub async fn transition(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    to: PeriodState,
) -> ApiResult<PeriodOut> {
    let txn = state.db.write.begin().await?;
    let m = get_period(&txn, id).await?;
    let from = PeriodState::parse(&m.state).unwrap_or(PeriodState::Draft);
    let next = from
        .transition(to)
        .map_err(|why| ApiError::conflict(ErrorCode::InvalidTransition, why))?;
    let mut evaluated: Vec<entity::evaluation::Model> = Vec::new();
    if next == PeriodState::Published {
        let with = store::results::list_units_with_evaluations(&txn, id).await?;
        let orgs = store::results::list_org_results_of_period(&txn, id).await?;
        let open: Vec<Uuid> = with
            .into_iter()
            .filter(|u| orgs.get(u).is_none_or(|o| o.finalised_at.is_none()))
            .collect();
        let mut units: Vec<_> = store::results::list_units_by_ids(&txn, open)
            .await?
            .into_values()
            .collect();
        units.sort_by(|a, b| a.code.cmp(&b.code));
        let codes: Vec<&str> = units.iter().map(|u| u.code.as_str()).collect();
        if let Some(why) = publication_blocker(&codes) {
            return Err(ApiError::conflict(ErrorCode::UnitsNotFinalised, why));
        }
        let blockers = crate::app::exemptions::blockers(&txn, id, None).await?;
        let blocking_units: HashSet<&str> = blockers.iter().map(|b| b.unit_code.as_str()).collect();
        if let Some(why) = period_incomplete(
            &crate::app::exemptions::labels(&blockers, true),
            blocking_units.len(),
        ) {
            return Err(ApiError::Blocked {
                code: ErrorCode::PeriodIncomplete,
                message: why,
                blockers,
            });
        }
        evaluated = store::results::list_evaluations(&txn, id, None).await?;
    }
    let now = Utc::now();
    let mut changed = period::Model {
        state: next.as_str().into(),
        updated_at: now,
        ..m
    };
    match next {
        PeriodState::Open => changed.opened_at = Some(now),
        PeriodState::Closed => changed.closed_at = Some(now),
        PeriodState::Published => changed.published_at = Some(now),
        PeriodState::Draft => {}
    }
    let m = store::periods::update_period(&txn, changed).await?;
    let notice = Notice::new(
        Kind::PredikatPublished,
        format!("Predikat {} telah dipublikasikan", m.name),
        format!(
            "Predikat kinerja Anda untuk periode {} telah dipublikasikan. Lihat hasil dan \
             penjelasannya; keberatan dapat diajukan dalam {} hari.",
            m.name, state.settings.appeal_days
        ),
        "/kinerja/hasil",
    );
    let evaluated_ids: Vec<Uuid> = evaluated.iter().map(|e| e.employee_id).collect();
    let notified = notify_employees(&txn, &state.settings, &evaluated_ids, &notice).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        &format!("period.{}", next.as_str()),
        "period",
        &id.to_string(),
        json!({ "from": from.as_str(), "to": next.as_str() }),
    )
    .await?;
    if next == PeriodState::Published {
        // Queued in this transaction: delivered exactly when the publication is (ADR 0021).
        crate::app::webhooks::emit::period_published(&txn, &m, &evaluated).await?;
    }
    txn.commit().await?;
    if next == PeriodState::Closed {
        // Closing releases the 360 results at once (ADR 0013).
        crate::app::ratings360::announce_due(state).await?;
    }
    if next == PeriodState::Published {
        state.events.publish(
            EventKind::PeriodPublished,
            vec![id.to_string()],
            Audience::Everyone,
        );
        // Each evaluated employee learns that their predikat is visible now.
        for ev in evaluated {
            state.events.publish(
                EventKind::PredikatPublished,
                vec![id.to_string()],
                Audience::Employee(ev.employee_id),
            );
        }
        state.events.publish(
            EventKind::PredikatPublished,
            vec![id.to_string()],
            Audience::Staff,
        );
    }
    announce(state, &notified);
    Ok(m.into())
}
