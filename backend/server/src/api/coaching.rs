//! Continuous feedback (umpan balik berkelanjutan) and coaching (bimbingan kinerja,
//! formats B.1.8 and B.1.9) between a supervisor and an employee.
//!
//! Invariants: feedback notes and coaching sessions are written only by someone above the
//! employee in the supervisor chain, never anonymously (the author is shown); only the
//! coached employee rates a coaching, with exactly nine answers on 1–5; readers are the
//! employee, their chain and admin/HR/auditor. Every change is audited.

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{NaiveDate, Utc};
use entity::{coaching_session, feedback_note};
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::PageMeta;
use super::skp::{PersonRef, Res, person, readable_employee};
use crate::auth::{Principal, policy};
use crate::domain::berakhlak::CoreValue;
use crate::domain::skp::{self as rules, COACHING_STATEMENTS};
use crate::error::{ApiError, ErrorResponse};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(coaching_statements)
        .service(add_feedback_note)
        .service(list_feedback_notes)
        .service(add_coaching)
        .service(list_coaching)
        .service(rate_coaching);
}

// ---------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------

/// One of the nine B.1.8 statements.
#[derive(Serialize, ToSchema)]
pub struct CoachingStatement {
    /// 1–9, the position of the answer in `answers`.
    pub number: u8,
    pub text: String,
}

#[derive(Deserialize, ToSchema)]
pub struct FeedbackNoteInput {
    #[serde(default)]
    pub period_id: Option<Uuid>,
    /// An RHK of the employee's SKP.
    #[serde(default)]
    pub rhk_id: Option<Uuid>,
    /// A BerAKHLAK value code.
    #[serde(default)]
    #[schema(value_type = Option<CoreValue>)]
    pub value_code: Option<String>,
    #[schema(min_length = 1, max_length = 2000)]
    pub body: String,
}

#[derive(Serialize, ToSchema)]
pub struct RhkRef {
    pub id: Uuid,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct ValueRef {
    pub code: CoreValue,
    pub name: String,
}

/// A feedback note; its author is named (feedback from the chain is not anonymous).
#[derive(Serialize, ToSchema)]
pub struct FeedbackNoteOut {
    pub id: Uuid,
    pub period_id: Option<Uuid>,
    pub rhk: Option<RhkRef>,
    pub value: Option<ValueRef>,
    pub body: String,
    pub author: Option<PersonRef>,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackNoteList {
    pub items: Vec<FeedbackNoteOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct NoteQuery {
    pub period_id: Option<Uuid>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, IntoParams)]
pub struct PageQuery {
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
pub struct CoachingInput {
    /// The day of the session (not in the future).
    pub held_on: NaiveDate,
    #[schema(min_length = 1, max_length = 200)]
    pub topic: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
    /// B.1.9: competency name → score 1–5, at most ten.
    #[serde(default)]
    #[schema(value_type = Option<std::collections::BTreeMap<String, i32>>)]
    pub competency_scores: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, ToSchema)]
pub struct CoachingRatingInput {
    /// The nine B.1.8 answers in statement order, each 1–5.
    #[schema(value_type = Vec<i32>, min_items = 9, max_items = 9)]
    pub answers: Vec<serde_json::Value>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct CompetencyScore {
    pub competency: String,
    pub score: u8,
}

/// The employee's rating of the coaching (B.1.8).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CoachingRating {
    pub answers: Vec<u8>,
    pub comment: Option<String>,
    pub rated_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CoachingOut {
    pub id: Uuid,
    pub employee: Option<PersonRef>,
    pub coach: Option<PersonRef>,
    pub held_on: NaiveDate,
    pub topic: String,
    pub notes: Option<String>,
    pub competency_scores: Vec<CompetencyScore>,
    pub rating: Option<CoachingRating>,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CoachingList {
    pub items: Vec<CoachingOut>,
    pub meta: PageMeta,
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// A whole number from JSON (`4` or `4.0`); anything else is `None`.
fn whole(v: &serde_json::Value) -> Option<i64> {
    v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e9)
            .map(|f| f as i64)
    })
}

async fn note_views<C: sea_orm::ConnectionTrait>(
    conn: &C,
    notes: Vec<feedback_note::Model>,
) -> Res<Vec<FeedbackNoteOut>> {
    let authors =
        store::employees::find_by_ids(conn, notes.iter().map(|n| n.author_id).collect()).await?;
    let rhks =
        store::skp::rhks_by_ids(conn, notes.iter().filter_map(|n| n.rhk_id).collect()).await?;
    Ok(notes
        .into_iter()
        .map(|n| FeedbackNoteOut {
            id: n.id,
            period_id: n.period_id,
            rhk: n.rhk_id.and_then(|id| rhks.get(&id)).map(|r| RhkRef {
                id: r.id,
                description: r.description.clone(),
            }),
            value: n
                .value_code
                .as_deref()
                .and_then(CoreValue::parse)
                .map(|v| ValueRef {
                    code: v,
                    name: v.info().name_id.to_string(),
                }),
            body: n.body,
            author: authors.get(&n.author_id).map(person),
            created_at: n.created_at,
        })
        .collect())
}

async fn coaching_views<C: sea_orm::ConnectionTrait>(
    conn: &C,
    list: Vec<coaching_session::Model>,
) -> Res<Vec<CoachingOut>> {
    let mut ids: Vec<Uuid> = list.iter().map(|c| c.coach_id).collect();
    ids.extend(list.iter().map(|c| c.employee_id));
    let people = store::employees::find_by_ids(conn, ids).await?;
    Ok(list
        .into_iter()
        .map(|c| CoachingOut {
            id: c.id,
            employee: people.get(&c.employee_id).map(person),
            coach: people.get(&c.coach_id).map(person),
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

// ---------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------

/// The nine statements of the employee's coaching rating (B.1.8), in answer order.
#[utoipa::path(
    tag = "coaching",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = [CoachingStatement]),
        (status = 401, body = ErrorResponse),
    )
)]
#[get("/reference/coaching-statements")]
pub async fn coaching_statements(_p: Principal) -> web::Json<Vec<CoachingStatement>> {
    web::Json(
        COACHING_STATEMENTS
            .iter()
            .enumerate()
            .map(|(i, t)| CoachingStatement {
                number: (i + 1) as u8,
                text: t.to_string(),
            })
            .collect(),
    )
}

/// Gives continuous feedback to an employee (anyone above them in the supervisor chain),
/// optionally about one RHK of their SKP or one BerAKHLAK value, in a period.
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path)),
    request_body = FeedbackNoteInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = FeedbackNoteOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not above the employee in the chain", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Empty or long body, unknown value code, an RHK not of this employee, or an unknown period", body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/feedback-notes")]
pub async fn add_feedback_note(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<FeedbackNoteInput>,
) -> Res<HttpResponse> {
    let text = body.body.trim().to_string();
    if text.is_empty() {
        return Err(ApiError::field("body", "Isi umpan balik wajib diisi"));
    }
    if too_long(&text, rules::MAX_TEXT) {
        return Err(ApiError::field(
            "body",
            format!("Umpan balik maksimal {} karakter", rules::MAX_TEXT),
        ));
    }
    let value = match rules::clean(body.value_code.as_deref()) {
        Some(code) => Some(
            CoreValue::parse(&code)
                .ok_or_else(|| ApiError::field("value_code", "Bukan kode nilai BerAKHLAK"))?,
        ),
        None => None,
    };
    let author_id = p.employee_id.ok_or(ApiError::Forbidden)?;
    let txn = state.db.write.begin().await?;
    let employee = store::employees::find_by_nip(&txn, &nip)
        .await?
        .ok_or_else(|| super::skp::employee_not_found(&nip))?;
    policy::require(policy::is_superior(&txn, &p, &employee).await?)?;
    let period = match body.period_id {
        Some(id) => Some(
            store::periods::find(&txn, id)
                .await?
                .ok_or_else(|| ApiError::field("period_id", "Periode tidak ditemukan"))?,
        ),
        None => None,
    };
    if let Some(rhk_id) = body.rhk_id {
        let rhk = store::skp::rhk_by_id(&txn, rhk_id).await?;
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
    let note = feedback_note::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(employee.id),
        author_id: Set(author_id),
        period_id: Set(body.period_id),
        rhk_id: Set(body.rhk_id),
        value_code: Set(value.map(|v| v.as_str().to_string())),
        body: Set(text),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
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
        "feedback_note_added",
        vec![employee.nip.clone()],
        Audience::Employee(employee.id),
    );
    let view = view.ok_or_else(|| anyhow::anyhow!("note view missing"))?;
    Ok(HttpResponse::Created().json(view))
}

/// An employee's feedback notes, newest first (the employee, their chain, admin/HR/auditor).
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path), NoteQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = FeedbackNoteList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/feedback-notes")]
pub async fn list_feedback_notes(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<NoteQuery>,
) -> Res<web::Json<FeedbackNoteList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let db = &state.db.read;
    let employee = readable_employee(db, &p, &nip).await?;
    let (notes, total) = store::coaching::notes_of(db, employee.id, q.period_id, page).await?;
    Ok(web::Json(FeedbackNoteList {
        items: note_views(db, notes).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Records a coaching session with an employee (a supervisor in their chain), with the
/// leader's competency scores (B.1.9) when given.
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path)),
    request_body = CoachingInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = CoachingOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not above the employee in the chain", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "A date in the future, an empty topic, or invalid competency scores", body = ErrorResponse),
    )
)]
#[post("/employees/{nip}/coaching")]
pub async fn add_coaching(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<CoachingInput>,
) -> Res<HttpResponse> {
    let today = Utc::now()
        .with_timezone(&state.settings.local_offset())
        .date_naive();
    if body.held_on > today {
        return Err(ApiError::field(
            "held_on",
            "Tanggal bimbingan tidak boleh di masa depan",
        ));
    }
    let topic = body.topic.trim().to_string();
    if topic.is_empty() {
        return Err(ApiError::field("topic", "Topik wajib diisi"));
    }
    if too_long(&topic, rules::MAX_TOPIC) {
        return Err(ApiError::field(
            "topic",
            format!("Topik maksimal {} karakter", rules::MAX_TOPIC),
        ));
    }
    let notes = rules::clean(body.notes.as_deref());
    if notes
        .as_deref()
        .is_some_and(|n| too_long(n, rules::MAX_NOTES))
    {
        return Err(ApiError::field(
            "notes",
            format!("Catatan maksimal {} karakter", rules::MAX_NOTES),
        ));
    }
    let mut entries = Vec::new();
    for (name, v) in body.competency_scores.iter().flatten() {
        let score = whole(v).ok_or_else(|| {
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
    let employee = store::employees::find_by_nip(&txn, &nip)
        .await?
        .ok_or_else(|| super::skp::employee_not_found(&nip))?;
    policy::require(policy::is_superior(&txn, &p, &employee).await?)?;
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
    let now = Utc::now();
    let session = coaching_session::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(employee.id),
        coach_id: Set(coach_id),
        held_on: Set(body.held_on),
        topic: Set(topic),
        notes: Set(notes),
        coaching_rating: Set(None),
        competency_scores: Set(scores_json),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "coaching.add",
        "coaching_session",
        &session.id.to_string(),
        json!({ "nip": employee.nip, "held_on": session.held_on, "competencies": scores.len() }),
    )
    .await?;
    let view = coaching_views(&txn, vec![session]).await?.pop();
    txn.commit().await?;
    let view = view.ok_or_else(|| anyhow::anyhow!("coaching view missing"))?;
    state.events.publish(
        "coaching_recorded",
        vec![view.id.to_string()],
        Audience::Employee(employee.id),
    );
    Ok(HttpResponse::Created().json(view))
}

/// An employee's coaching sessions, the most recent first (the employee, their chain,
/// admin/HR/auditor).
#[utoipa::path(
    tag = "coaching",
    params(("nip" = String, Path), PageQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CoachingList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/employees/{nip}/coaching")]
pub async fn list_coaching(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Res<web::Json<CoachingList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let db = &state.db.read;
    let employee = readable_employee(db, &p, &nip).await?;
    let (list, total) = store::coaching::sessions_of(db, employee.id, page).await?;
    Ok(web::Json(CoachingList {
        items: coaching_views(db, list).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// The coached employee rates the session (B.1.8): nine answers 1–5 in statement order
/// and an optional comment. Rating again replaces the earlier answers.
#[utoipa::path(
    tag = "coaching",
    params(("id" = Uuid, Path, description = "Coaching session id")),
    request_body = CoachingRatingInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = CoachingOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the coached employee", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Not exactly nine answers from 1 to 5, or a long comment", body = ErrorResponse),
    )
)]
#[put("/coaching/{id}/rating")]
pub async fn rate_coaching(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<CoachingRatingInput>,
) -> Res<web::Json<CoachingOut>> {
    let txn = state.db.write.begin().await?;
    let session = store::coaching::find_session(&txn, *id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Sesi bimbingan tidak ditemukan".into()))?;
    policy::require(policy::is_self(&p, session.employee_id))?;
    let answers: Vec<i64> = body
        .answers
        .iter()
        .map(whole)
        .collect::<Option<_>>()
        .ok_or_else(|| ApiError::field("answers", "Setiap jawaban harus bilangan bulat 1–5"))?;
    let answers =
        rules::validate_coaching_answers(&answers).map_err(|m| ApiError::field("answers", m))?;
    let comment = rules::clean(body.comment.as_deref());
    if comment
        .as_deref()
        .is_some_and(|c| too_long(c, rules::MAX_TEXT))
    {
        return Err(ApiError::field(
            "comment",
            format!("Komentar maksimal {} karakter", rules::MAX_TEXT),
        ));
    }
    let now = Utc::now();
    let rating = CoachingRating {
        answers: answers.to_vec(),
        comment,
        rated_at: now,
    };
    let rating_json = serde_json::to_string(&rating).map_err(|e| anyhow::anyhow!("rating: {e}"))?;
    let coach_id = session.coach_id;
    let mut am: coaching_session::ActiveModel = session.into();
    am.coaching_rating = Set(Some(rating_json));
    am.updated_at = Set(now);
    let session = am.update(&txn).await?;
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
        "coaching_rated",
        vec![view.id.to_string()],
        Audience::Employee(coach_id),
    );
    Ok(web::Json(view))
}
