//! The citizen's side, without login: what a QR code points at, and submitting feedback.
//!
//! Invariants: no public response contains a NIP, an internal id or anything about other
//! citizens; nothing about the citizen is stored beyond a daily-salted hash of the client
//! address (erased after the retention period); a ticket works once, even under races.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::Utc;
use entity::feedback_submission as sub;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::api::auth::client_address;
use crate::domain::feedback::{self, HoldRules, RecentActivity};
use crate::domain::ikm::ELEMENTS;
use crate::domain::master::full_name;
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_public_feedback_target)
        .service(submit_public_feedback);
}

#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `id` (default) or `en`.
    pub lang: Option<String>,
}

/// One answer option of an element.
#[derive(Serialize, ToSchema)]
pub struct AnswerOption {
    pub score: u8,
    pub label: String,
}

/// One question of the form.
#[derive(Serialize, ToSchema)]
pub struct PublicElement {
    /// `u1` … `u9`.
    pub code: String,
    pub name: String,
    pub question: String,
    pub options: Vec<AnswerOption>,
}

/// What a QR code points at, as a citizen may see it.
#[derive(Serialize, ToSchema)]
pub struct PublicTarget {
    /// `unit` (a service desk) or `employee`.
    pub kind: String,
    /// The office, or the employee's name with titles.
    pub title: String,
    /// The desk, or the employee's position and office.
    pub subtitle: String,
    /// `id` or `en`.
    pub lang: String,
    pub elements: Vec<PublicElement>,
    pub comment_max_length: usize,
}

/// The citizen's answers: `u1` … `u9`, each 1–4.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct PublicFeedback {
    #[schema(value_type = AnswersDoc)]
    pub answers: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub comment: Option<String>,
    /// Single-use code from a service receipt (`XXXX-XXXX`).
    #[serde(default)]
    pub ticket: Option<String>,
}

/// The nine answers (documentation type; the handler names each invalid one).
#[derive(Serialize, ToSchema)]
pub struct AnswersDoc {
    /// Persyaratan
    #[schema(minimum = 1, maximum = 4)]
    pub u1: u8,
    /// Sistem, mekanisme, dan prosedur
    #[schema(minimum = 1, maximum = 4)]
    pub u2: u8,
    /// Waktu penyelesaian
    #[schema(minimum = 1, maximum = 4)]
    pub u3: u8,
    /// Biaya/tarif
    #[schema(minimum = 1, maximum = 4)]
    pub u4: u8,
    /// Produk spesifikasi jenis pelayanan
    #[schema(minimum = 1, maximum = 4)]
    pub u5: u8,
    /// Kompetensi pelaksana
    #[schema(minimum = 1, maximum = 4)]
    pub u6: u8,
    /// Perilaku pelaksana
    #[schema(minimum = 1, maximum = 4)]
    pub u7: u8,
    /// Sarana dan prasarana
    #[schema(minimum = 1, maximum = 4)]
    pub u8: u8,
    /// Penanganan pengaduan, saran, dan masukan
    #[schema(minimum = 1, maximum = 4)]
    pub u9: u8,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackReceived {
    pub message: String,
    /// True when a valid ticket accompanied the feedback.
    pub verified: bool,
}

pub fn lang_of(q: Option<&str>) -> &'static str {
    match q {
        Some(l) if l.eq_ignore_ascii_case("en") => "en",
        _ => "id",
    }
}

/// The form's content for a target, in a language.
pub async fn describe_target(
    state: &AppState,
    t: &entity::feedback_target::Model,
    lang: &str,
) -> ApiResult<PublicTarget> {
    let db = &state.db.read;
    let unit = store::units::find_by_ids(db, vec![t.unit_id])
        .await?
        .remove(&t.unit_id)
        .ok_or_else(|| anyhow::anyhow!("target without unit"))?;
    let (title, subtitle) = match t.employee_id {
        Some(e) => {
            let e = store::employees::find_by_id(db, e)
                .await?
                .ok_or_else(|| anyhow::anyhow!("target without employee"))?;
            (
                full_name(
                    &e.name,
                    e.gelar_depan.as_deref(),
                    e.gelar_belakang.as_deref(),
                ),
                format!("{} · {}", e.jabatan, unit.name),
            )
        }
        None => (unit.name.clone(), t.label.clone()),
    };
    let en = lang == "en";
    Ok(PublicTarget {
        kind: t.kind.clone(),
        title,
        subtitle,
        lang: lang.to_string(),
        elements: ELEMENTS
            .iter()
            .map(|el| PublicElement {
                code: el.code.to_string(),
                name: if en { el.name_en } else { el.name_id }.to_string(),
                question: if en { el.question_en } else { el.question_id }.to_string(),
                options: (if en { el.answers_en } else { el.answers_id })
                    .iter()
                    .enumerate()
                    .map(|(i, l)| AnswerOption {
                        score: i as u8 + 1,
                        label: l.to_string(),
                    })
                    .collect(),
            })
            .collect(),
        comment_max_length: feedback::COMMENT_MAX,
    })
}

fn target_not_found() -> ApiError {
    ApiError::NotFound(
        "Kode QR ini tidak dikenal atau sudah tidak aktif. Silakan minta kode yang baru di loket."
            .into(),
    )
}

pub async fn active_target(
    state: &AppState,
    token: &str,
) -> ApiResult<entity::feedback_target::Model> {
    if token.len() > 64 {
        return Err(target_not_found());
    }
    store::feedback::find_target_by_token(&state.db.read, token)
        .await?
        .filter(|t| t.active)
        .ok_or_else(target_not_found)
}

/// What a QR code points at, with the nine questions in the requested language.
/// Never exposes a NIP or internal id.
#[utoipa::path(
    tag = "public",
    params(("token" = String, Path, description = "Token from the QR code"), LangQuery),
    responses(
        (status = 200, body = PublicTarget),
        (status = 400, body = ErrorResponse),
        (status = 404, description = "Unknown or disabled token", body = ErrorResponse),
    )
)]
#[get("/public/feedback-targets/{token}")]
pub async fn get_public_feedback_target(
    state: web::Data<AppState>,
    token: web::Path<String>,
    q: web::Query<LangQuery>,
) -> ApiResult<web::Json<PublicTarget>> {
    let t = active_target(&state, &token).await?;
    Ok(web::Json(
        describe_target(&state, &t, lang_of(q.lang.as_deref())).await?,
    ))
}

/// The outcome of a submission, for both the JSON API and the HTML form.
pub struct Submitted {
    pub verified: bool,
}

/// The submit use case: rate limits → validation → ticket → abuse checks → insert.
pub async fn submit(
    state: &AppState,
    req: &HttpRequest,
    token: &str,
    answers: impl Fn(&str) -> Option<serde_json::Value>,
    comment: Option<&str>,
    ticket: Option<&str>,
) -> ApiResult<Submitted> {
    let target = active_target(state, token).await?;
    let client = client_address(req, state.settings.trust_proxy);
    let client_hash = state.client_hasher.hash(&client);
    let too_many = |wait: u64| ApiError::TooManyRequests {
        message: format!(
            "Terlalu banyak penilaian dalam waktu singkat. Silakan coba lagi dalam {} menit.",
            wait.div_ceil(60)
        ),
        retry_after: wait,
    };
    state
        .feedback_per_token
        .hit(&target.token)
        .map_err(too_many)?;
    state
        .feedback_per_client
        .hit(&format!("{}:{client_hash}", target.id))
        .map_err(too_many)?;

    let mut fields = FieldErrors::new();
    let scores = match feedback::parse_answers(answers) {
        Ok(s) => Some(s),
        Err(e) => {
            fields.extend(e);
            None
        }
    };
    let comment = match feedback::clean_comment(comment) {
        Ok(c) => c,
        Err(e) => {
            fields.insert("comment".into(), vec![e]);
            None
        }
    };
    let ticket_code = match ticket.map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => match feedback::normalise_ticket(t) {
            Some(code) => Some(code),
            None => {
                fields.insert(
                    "ticket".into(),
                    vec!["Kode tiket harus 8 huruf/angka, misalnya ABCD-2345".into()],
                );
                None
            }
        },
    };
    let Some(scores) = scores.filter(|_| fields.is_empty()) else {
        return Err(ApiError::Validation(fields));
    };

    let txn = state.db.write.begin().await?;
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        // Serialise submissions per target, so the duplicate and burst checks below see
        // every earlier submission (SQLite already has a single writer).
        let key = i64::from_be_bytes(target.id.as_bytes()[..8].try_into().unwrap_or_default());
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({key})"))
            .await?;
    }
    let mut ticket_id = None;
    if let Some(code) = &ticket_code {
        let t = store::feedback::find_ticket(&txn, code)
            .await?
            .filter(|t| t.target_id == target.id)
            .ok_or_else(|| {
                ApiError::field("ticket", "Kode tiket tidak dikenal untuk layanan ini")
            })?;
        if t.used_at.is_some() || !store::feedback::use_ticket(&txn, t.id).await? {
            return Err(ApiError::conflict(
                "ticket_used",
                "Kode tiket ini sudah dipakai. Setiap tiket hanya berlaku untuk satu penilaian.",
            ));
        }
        ticket_id = Some(t.id);
    }
    let now = Utc::now();
    let recent = store::feedback::recent_from_client(
        &txn,
        target.id,
        &client_hash,
        now - chrono::Duration::hours(24),
    )
    .await?;
    let same = |s: &sub::Model| {
        [s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9] == scores && s.comment == comment
    };
    let activity = RecentActivity {
        identical_from_client: recent.iter().filter(|s| same(s)).count() as u64,
        from_client_recently: recent
            .iter()
            .filter(|s| s.created_at >= now - chrono::Duration::minutes(10))
            .count() as u64,
        for_target_last_minute: store::feedback::count_for_target_since(
            &txn,
            target.id,
            now - chrono::Duration::minutes(1),
        )
        .await?,
    };
    let verified = ticket_id.is_some();
    let hold = feedback::hold_reason(
        activity,
        verified,
        HoldRules {
            client_burst: state.settings.feedback_client_burst,
            target_burst: state.settings.feedback_target_burst,
        },
    );
    let month = now
        .with_timezone(&state.settings.local_offset())
        .format("%Y-%m")
        .to_string();
    let [u1, u2, u3, u4, u5, u6, u7, u8, u9] = scores;
    sub::ActiveModel {
        id: Set(Uuid::now_v7()),
        target_id: Set(target.id),
        unit_id: Set(target.unit_id),
        employee_id: Set(target.employee_id),
        u1: Set(u1),
        u2: Set(u2),
        u3: Set(u3),
        u4: Set(u4),
        u5: Set(u5),
        u6: Set(u6),
        u7: Set(u7),
        u8: Set(u8),
        u9: Set(u9),
        comment: Set(comment),
        comment_hidden: Set(false),
        comment_hidden_reason: Set(None),
        ticket_id: Set(ticket_id),
        verified: Set(verified),
        status: Set(if hold.is_some() { "held" } else { "counted" }.to_string()),
        hold_reason: Set(hold.map(str::to_string)),
        client_hash: Set(Some(client_hash)),
        month: Set(month),
        created_at: Set(now),
        reply: Set(None),
        replied_at: Set(None),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_feedback_submissions_ticket_id") {
            ApiError::conflict("ticket_used", "Kode tiket ini sudah dipakai.")
        } else {
            ApiError::from(e)
        }
    })?;
    txn.commit().await?;
    // Ids are not sent: the employee and staff refetch their own views.
    if let (None, Some(e)) = (hold, target.employee_id) {
        state
            .events
            .publish("feedback_received", Vec::new(), Audience::Employee(e));
    }
    state
        .events
        .publish("feedback_received", Vec::new(), Audience::Staff);
    Ok(Submitted { verified })
}

/// Submits a citizen's feedback. 422 names each missing or out-of-range answer
/// (`answers.u3`); 409 when the ticket was already used; 429 when rate-limited.
#[utoipa::path(
    tag = "public",
    params(("token" = String, Path, description = "Token from the QR code")),
    request_body = PublicFeedback,
    responses(
        (status = 201, body = FeedbackReceived),
        (status = 400, body = ErrorResponse),
        (status = 404, description = "Unknown or disabled token", body = ErrorResponse),
        (status = 409, description = "Ticket already used", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Missing or out-of-range answer, bad ticket or comment", body = ErrorResponse),
        (status = 429, description = "Too many submissions", body = ErrorResponse),
    )
)]
#[post("/public/feedback/{token}")]
pub async fn submit_public_feedback(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Json<PublicFeedback>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let done = submit(
        &state,
        &req,
        &token,
        |k| body.answers.get(k).cloned(),
        body.comment.as_deref(),
        body.ticket.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Created().json(FeedbackReceived {
        message:
            "Terima kasih atas penilaian Anda. Masukan Anda membantu kami memperbaiki pelayanan."
                .into(),
        verified: done.verified,
    }))
}
