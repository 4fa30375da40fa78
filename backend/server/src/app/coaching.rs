//! Use cases of `coaching` (see `api::coaching` for the HTTP side): continuous feedback
//! notes and coaching sessions (B.1.8 rating by the employee, B.1.9 competency scores by
//! the leader).
//!
//! Who: notes and sessions by someone above the employee in the chain
//! (`policy::plans::gives_feedback`), never anonymous; the rating by the coached employee
//! (`policy::plans::rates_coaching`); readers as for the employee's plans.

use chrono::Utc;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::app::skp::{employee_by_nip, readable_employee};
use crate::auth::{Principal, policy};
use crate::domain::berakhlak::CoreValue;
use crate::domain::skp::{self as rules, COACHING_STATEMENTS};
use crate::dto::PageMeta;
use crate::dto::coaching::{
    CoachingInput, CoachingList, CoachingOut, CoachingRating, CoachingRatingInput,
    CoachingStatement, CompetencyScore, FeedbackNoteInput, FeedbackNoteList, FeedbackNoteOut,
    RhkRef, ValueRef,
};
use crate::dto::skp::PersonRef;
use crate::error::{ApiError, ApiResult};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;
use crate::store::PageReq;
use crate::store::coaching::{NewNote, NewSession};

/// The nine B.1.8 statements in answer order.
pub fn statements() -> Vec<CoachingStatement> {
    COACHING_STATEMENTS
        .iter()
        .enumerate()
        .map(|(i, t)| CoachingStatement {
            number: (i + 1) as u8,
            text: t.to_string(),
        })
        .collect()
}

async fn note_views<C: ConnectionTrait>(
    conn: &C,
    notes: Vec<entity::feedback_note::Model>,
) -> ApiResult<Vec<FeedbackNoteOut>> {
    let authors =
        store::employees::find_by_ids(conn, notes.iter().map(|n| n.author_id).collect()).await?;
    let rhks =
        store::skp::list_rhks_by_ids(conn, notes.iter().filter_map(|n| n.rhk_id).collect()).await?;
    Ok(notes
        .into_iter()
        .map(|n| FeedbackNoteOut {
            id: n.id,
            period_id: n.period_id,
            rhk: n.rhk_id.and_then(|id| rhks.get(&id)).map(RhkRef::from),
            value: n
                .value_code
                .as_deref()
                .and_then(CoreValue::parse)
                .map(ValueRef::from),
            body: n.body,
            author: authors.get(&n.author_id).map(PersonRef::from),
            created_at: n.created_at,
        })
        .collect())
}

async fn coaching_views<C: ConnectionTrait>(
    conn: &C,
    list: Vec<entity::coaching_session::Model>,
) -> ApiResult<Vec<CoachingOut>> {
    let mut ids: Vec<Uuid> = list.iter().map(|c| c.coach_id).collect();
    ids.extend(list.iter().map(|c| c.employee_id));
    let people = store::employees::find_by_ids(conn, ids).await?;
    Ok(list
        .into_iter()
        .map(|c| CoachingOut {
            id: c.id,
            employee: people.get(&c.employee_id).map(PersonRef::from),
            coach: people.get(&c.coach_id).map(PersonRef::from),
            held_on: c.held_on,
            topic: c.topic,
            notes: c.notes,
            competency_scores: c
                .competency_scores
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or_default(),
            rating: c
                .coaching_rating
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok()),
            created_at: c.created_at,
            updated_at: c.updated_at,
        })
        .collect())
}

/// Continuous feedback to an employee from someone above them in the chain, optionally
/// about one RHK of their SKP or one BerAKHLAK value, in a period.
pub async fn add_feedback_note(
    state: &AppState,
    p: &Principal,
    nip: &str,
    input: &FeedbackNoteInput,
) -> ApiResult<FeedbackNoteOut> {
    let text = rules::feedback_body(&input.body).map_err(|m| ApiError::field("body", m))?;
    let value = match rules::clean(input.value_code.as_deref()) {
        Some(code) => Some(
            CoreValue::parse(&code)
                .ok_or_else(|| ApiError::field("value_code", "Bukan kode nilai BerAKHLAK"))?,
        ),
        None => None,
    };
    let author_id = p.employee_id.ok_or(ApiError::Forbidden)?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::gives_feedback(&txn, p, &employee).await?)?;
    let period = match input.period_id {
        Some(id) => Some(
            store::periods::find(&txn, id)
                .await?
                .ok_or_else(|| ApiError::field("period_id", "Periode tidak ditemukan"))?,
        ),
        None => None,
    };
    if let Some(rhk_id) = input.rhk_id {
        let rhk = store::skp::find_rhk(&txn, rhk_id).await?;
        let plan = match &rhk {
            Some(r) => store::skp::find_by_id(&txn, r.skp_id).await?,
            None => None,
        };
        let belongs = plan.is_some_and(|s| {
            s.employee_id == employee.id && period.as_ref().is_none_or(|p| p.year == s.year)
        });
        if !belongs {
            return Err(ApiError::field(
                "rhk_id",
                "RHK harus RHK dari SKP pegawai ini (pada tahun periode yang dipilih)",
            ));
        }
    }
    let note = store::coaching::insert_note(
        &txn,
        NewNote {
            employee_id: employee.id,
            author_id,
            period_id: input.period_id,
            rhk_id: input.rhk_id,
            value_code: value.map(|v| v.as_str().to_string()),
            body: text,
        },
        Utc::now(),
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "feedback_note.add",
        "feedback_note",
        &note.id.to_string(),
        json!({ "nip": employee.nip, "period": note.period_id, "rhk": note.rhk_id, "value": note.value_code }),
    )
    .await?;
    let view = note_views(&txn, vec![note]).await?.pop();
    txn.commit().await?;
    state.events.publish(
        EventKind::FeedbackNoteAdded,
        vec![employee.nip.clone()],
        Audience::Employee(employee.id),
    );
    Ok(view.ok_or_else(|| anyhow::anyhow!("note view missing"))?)
}

/// An employee's feedback notes, newest first.
pub async fn list_feedback_notes(
    state: &AppState,
    p: &Principal,
    nip: &str,
    period_id: Option<Uuid>,
    page: PageReq,
) -> ApiResult<FeedbackNoteList> {
    let db = &state.db.read;
    let employee = readable_employee(db, p, nip).await?;
    let (notes, total) = store::coaching::list_notes(db, employee.id, period_id, page).await?;
    Ok(FeedbackNoteList {
        items: note_views(db, notes).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Records a coaching session (a supervisor in the employee's chain), with the leader's
/// competency scores (B.1.9) when given.
pub async fn add_coaching(
    state: &AppState,
    p: &Principal,
    nip: &str,
    input: &CoachingInput,
) -> ApiResult<CoachingOut> {
    let today = Utc::now()
        .with_timezone(&state.settings.local_offset())
        .date_naive();
    let session = rules::validate_coaching_session(
        input.held_on,
        today,
        &input.topic,
        input.notes.as_deref(),
    )
    .map_err(|(field, m)| ApiError::field(field, m))?;
    let mut entries = Vec::new();
    for (name, v) in input.competency_scores.iter().flatten() {
        let score = rules::whole_number(v).ok_or_else(|| {
            ApiError::field(
                "competency_scores",
                format!("Nilai {name} harus bilangan bulat 1–5"),
            )
        })?;
        entries.push((name.clone(), score));
    }
    let scores = rules::validate_competency_scores(&entries)
        .map_err(|m| ApiError::field("competency_scores", m))?;
    let coach_id = p.employee_id.ok_or(ApiError::Forbidden)?;
    let txn = state.db.write.begin().await?;
    let employee = employee_by_nip(&txn, nip).await?;
    policy::require(policy::plans::gives_feedback(&txn, p, &employee).await?)?;
    let scores_json = (!scores.is_empty())
        .then(|| {
            serde_json::to_string(
                &scores
                    .iter()
                    .map(|(c, s)| CompetencyScore {
                        competency: c.clone(),
                        score: *s,
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .transpose()
        .map_err(|e| anyhow::anyhow!("scores: {e}"))?;
    let row = store::coaching::insert_session(
        &txn,
        NewSession {
            employee_id: employee.id,
            coach_id,
            held_on: input.held_on,
            topic: session.topic,
            notes: session.notes,
            competency_scores: scores_json,
        },
        Utc::now(),
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "coaching.add",
        "coaching_session",
        &row.id.to_string(),
        json!({ "nip": employee.nip, "held_on": row.held_on, "competencies": scores.len() }),
    )
    .await?;
    let view = coaching_views(&txn, vec![row]).await?.pop();
    txn.commit().await?;
    let view = view.ok_or_else(|| anyhow::anyhow!("coaching view missing"))?;
    state.events.publish(
        EventKind::CoachingRecorded,
        vec![view.id.to_string()],
        Audience::Employee(employee.id),
    );
    Ok(view)
}

/// An employee's coaching sessions, the most recent first.
pub async fn list_coaching(
    state: &AppState,
    p: &Principal,
    nip: &str,
    page: PageReq,
) -> ApiResult<CoachingList> {
    let db = &state.db.read;
    let employee = readable_employee(db, p, nip).await?;
    let (list, total) = store::coaching::list_sessions(db, employee.id, page).await?;
    Ok(CoachingList {
        items: coaching_views(db, list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// The coached employee rates the session (B.1.8); rating again replaces the answers.
pub async fn rate_coaching(
    state: &AppState,
    p: &Principal,
    session_id: Uuid,
    input: &CoachingRatingInput,
) -> ApiResult<CoachingOut> {
    let txn = state.db.write.begin().await?;
    let session = store::coaching::find_session(&txn, session_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Sesi bimbingan tidak ditemukan".into()))?;
    policy::require(policy::plans::rates_coaching(p, session.employee_id))?;
    let answers: Vec<i64> = input
        .answers
        .iter()
        .map(rules::whole_number)
        .collect::<Option<_>>()
        .ok_or_else(|| ApiError::field("answers", "Setiap jawaban harus bilangan bulat 1–5"))?;
    let answers =
        rules::validate_coaching_answers(&answers).map_err(|m| ApiError::field("answers", m))?;
    let comment = rules::coaching_comment(input.comment.as_deref())
        .map_err(|m| ApiError::field("comment", m))?;
    let now = Utc::now();
    let rating = CoachingRating {
        answers: answers.to_vec(),
        comment,
        rated_at: now,
    };
    let rating_json = serde_json::to_string(&rating).map_err(|e| anyhow::anyhow!("rating: {e}"))?;
    let coach_id = session.coach_id;
    let session = store::coaching::update_session_rating(&txn, session, rating_json, now).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "coaching.rate",
        "coaching_session",
        &session.id.to_string(),
        json!({ "answers": rating.answers }),
    )
    .await?;
    let view = coaching_views(&txn, vec![session]).await?.pop();
    txn.commit().await?;
    let view = view.ok_or_else(|| anyhow::anyhow!("coaching view missing"))?;
    state.events.publish(
        EventKind::CoachingRated,
        vec![view.id.to_string()],
        Audience::Employee(coach_id),
    );
    Ok(view)
}
