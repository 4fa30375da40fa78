//! The citizen's side, without login: what a QR code points at, and submitting feedback.
//! Both the JSON API (`api::public`) and the server-rendered form (`api::public_form`)
//! use these.
//!
//! Invariants: no public response contains a NIP, an internal id or anything about other
//! citizens; nothing about the citizen is stored beyond a daily-salted hash of the client
//! address (erased after the retention period); a ticket works once, even under races.

use chrono::Utc;
use sea_orm::TransactionTrait;

use crate::auth::secret::sha256_hex;
use crate::domain::feedback::{
    self, HoldRules, RecentActivity, SubmissionStatus, TargetKind, ticket_usable,
};
use crate::domain::ikm::ELEMENTS;
use crate::domain::master::full_name;
use crate::dto::public::{AnswerOption, KioskSession, PublicElement, PublicTarget};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;
use crate::store::feedback::NewSubmission;

/// The language of the form: `en` when asked for, otherwise `id`.
pub fn lang_of(q: Option<&str>) -> &'static str {
    match q {
        Some(l) if l.eq_ignore_ascii_case("en") => "en",
        _ => "id",
    }
}

fn target_not_found() -> ApiError {
    ApiError::NotFound(
        "Kode QR ini tidak dikenal atau sudah tidak aktif. Silakan minta kode yang baru di loket."
            .into(),
    )
}

/// The active target behind a QR token; 404 when unknown or disabled.
async fn active_target(state: &AppState, token: &str) -> ApiResult<entity::feedback_target::Model> {
    if token.len() > 64 {
        return Err(target_not_found());
    }
    store::feedback::find_target_by_token(&state.db.read, token)
        .await?
        .filter(|t| t.active)
        .ok_or_else(target_not_found)
}

/// The form's content for a target, in a language.
async fn describe_target(
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
    let kind = TargetKind::parse(&t.kind)
        .ok_or_else(|| anyhow::anyhow!("target with unknown kind {}", t.kind))?;
    let en = lang == "en";
    Ok(PublicTarget {
        kind,
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

/// What a QR code points at, with the nine questions in the language `lang` (`id`/`en`).
pub async fn public_target(state: &AppState, token: &str, lang: &str) -> ApiResult<PublicTarget> {
    let t = active_target(state, token).await?;
    describe_target(state, &t, lang).await
}

fn kiosk_invalid() -> ApiError {
    ApiError::forbidden_coded(
        ErrorCode::KioskInvalid,
        "Perangkat kios ini tidak terdaftar atau sudah dicabut. Minta petugas mendaftarkannya lagi.",
    )
}

/// The active kiosk holding a device credential, or 403 `kiosk_invalid`.
async fn find_kiosk(
    state: &AppState,
    credential: &str,
) -> ApiResult<entity::feedback_kiosk::Model> {
    store::kiosks::find_active_by_hash(&state.db.read, &sha256_hex(credential.trim()))
        .await?
        .ok_or_else(kiosk_invalid)
}

/// Sets a device up as a kiosk (ADR 0027): checks the credential and names the form of
/// its target. The caller stores the credential in the kiosk cookie.
pub async fn activate_kiosk(
    state: &AppState,
    credential: &str,
    lang: &str,
) -> ApiResult<KioskSession> {
    let k = find_kiosk(state, credential).await?;
    let t = store::feedback::find_target(&state.db.read, k.target_id)
        .await?
        .filter(|t| t.active)
        .ok_or_else(target_not_found)?;
    Ok(KioskSession {
        name: k.name,
        form_path: format!("/f/{}", t.token),
        target: describe_target(state, &t, lang).await?,
    })
}

/// The name of the kiosk this device is at the target of `token`, if it is one (for the
/// form's banner); `Err(kiosk_invalid)` when its credential was revoked.
pub async fn kiosk_name_at(
    state: &AppState,
    token: &str,
    credential: Option<&str>,
) -> ApiResult<Option<String>> {
    let Some(raw) = credential else {
        return Ok(None);
    };
    let k = find_kiosk(state, raw).await?;
    let t = active_target(state, token).await?;
    Ok((k.target_id == t.id).then_some(k.name))
}

/// The outcome of a submission, for both the JSON API and the HTML form.
pub struct Submitted {
    pub verified: bool,
}

/// The submit use case: validation → the device's limit → the target's limit → ticket →
/// abuse checks → insert, in one transaction (only stored submissions count for the
/// target); then the employee (when counted) and staff are told.
pub async fn submit(
    state: &AppState,
    client_address: &str,
    token: &str,
    answers: impl Fn(&str) -> Option<serde_json::Value>,
    comment: Option<&str>,
    ticket: Option<&str>,
    kiosk_credential: Option<&str>,
) -> ApiResult<Submitted> {
    let target = active_target(state, token).await?;
    let too_many = |wait: u64| ApiError::TooManyRequests {
        message: format!(
            "Terlalu banyak penilaian dalam waktu singkat. Silakan coba lagi dalam {} menit.",
            wait.div_ceil(60)
        ),
        retry_after: wait,
    };
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
    // A kiosk counts only at its own target; elsewhere the tablet is an ordinary device.
    let kiosk = match kiosk_credential {
        Some(raw) => Some(find_kiosk(state, raw).await?).filter(|k| k.target_id == target.id),
        None => None,
    };
    // A kiosk is one device for many citizens: it is keyed by its id, not its address.
    let client_hash = match &kiosk {
        Some(k) => state.client_hasher.hash(&format!("kiosk:{}", k.id)),
        None => state.client_hasher.hash(client_address),
    };
    // Only valid submissions reach the limits, so invalid posts cannot close a target. The
    // device's own limit comes first; the target's counts only stored submissions.
    match &kiosk {
        Some(k) => state.feedback_per_kiosk.hit(&k.id.to_string()),
        None => state
            .feedback_per_client
            .hit(&format!("{}:{client_hash}", target.id)),
    }
    .map_err(too_many)?;
    state
        .feedback_per_token
        .check(&target.token)
        .map_err(too_many)?;

    let txn = state.db.write.begin().await?;
    // Serialise submissions per target, so the duplicate and burst checks below see every
    // earlier submission.
    store::feedback::lock_target_submissions(&txn, target.id).await?;
    let mut ticket_id = None;
    if let Some(code) = &ticket_code {
        let t = store::feedback::find_ticket(&txn, code)
            .await?
            .filter(|t| t.target_id == target.id)
            .ok_or_else(|| {
                ApiError::field("ticket", "Kode tiket tidak dikenal untuk layanan ini")
            })?;
        if !ticket_usable(t.used_at.is_some())
            || !store::feedback::update_ticket_used(&txn, t.id).await?
        {
            return Err(ApiError::conflict(
                ErrorCode::TicketUsed,
                "Kode tiket ini sudah dipakai. Setiap tiket hanya berlaku untuk satu penilaian.",
            ));
        }
        ticket_id = Some(t.id);
    }
    let now = Utc::now();
    let recent = store::feedback::list_recent_from_client(
        &txn,
        target.id,
        &client_hash,
        now - chrono::Duration::hours(24),
    )
    .await?;
    let same = |s: &entity::feedback_submission::Model| {
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
            client_burst: if kiosk.is_some() {
                state.settings.feedback_kiosk_burst
            } else {
                state.settings.feedback_client_burst
            },
            target_burst: state.settings.feedback_target_burst,
            kiosk: kiosk.is_some(),
        },
    );
    let month = now
        .with_timezone(&state.settings.local_offset())
        .format("%Y-%m")
        .to_string();
    store::feedback::insert_submission(
        &txn,
        NewSubmission {
            target_id: target.id,
            unit_id: target.unit_id,
            employee_id: target.employee_id,
            scores,
            comment,
            ticket_id,
            verified,
            status: SubmissionStatus::on_submit(hold),
            hold_reason: hold.map(str::to_string),
            client_hash: Some(client_hash),
            month,
            created_at: now,
            kiosk_id: kiosk.as_ref().map(|k| k.id),
        },
    )
    .await
    .map_err(|e| {
        if crate::error::violates(&e, "uq_feedback_submissions_ticket_id") {
            ApiError::conflict(ErrorCode::TicketUsed, "Kode tiket ini sudah dipakai.")
        } else {
            ApiError::from(e)
        }
    })?;
    if let Some(k) = &kiosk {
        store::kiosks::touch(&txn, k.id, now).await?;
    }
    txn.commit().await?;
    state.feedback_per_token.record(&target.token);
    // Ids are not sent: the employee and staff refetch their own views.
    if let (None, Some(e)) = (hold, target.employee_id) {
        state.events.publish(
            EventKind::FeedbackReceived,
            Vec::new(),
            Audience::Employee(e),
        );
    }
    state
        .events
        .publish(EventKind::FeedbackReceived, Vec::new(), Audience::Staff);
    Ok(Submitted { verified })
}
