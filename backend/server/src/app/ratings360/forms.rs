//! The rater's side: their inbox of forms, one form, and saving or submitting answers.
//!
//! Saving (`PUT /ratings360/{id}`) is one use case that loads the row, its period and the
//! ratee once, decides editability with `domain::ratings360::edit_block`, writes the
//! answers conditionally with the audit entry in one transaction, and builds the answer
//! from what it wrote (no second read).

use chrono::{SubsecRound, Utc};
use entity::{period, rating_360 as r360};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

use super::{
    edit_error, form_not_found, form_out, group_of, load_period, people, response_submitted,
    take_person,
};
use crate::auth::{Principal, policy};
use crate::domain::berakhlak::CoreValue;
use crate::domain::period::PeriodState;
use crate::domain::ratings360::AssignmentStatus;
use crate::dto::ratings360::{FormList, FormOut, Person, ResponseInput};
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;
use crate::store::ratings360::AnswersRow;

const MAX_COMMENT: usize = 1000;
const MAX_OVERALL: usize = 2000;

/// The caller's forms (to fill, in progress or submitted) of a period, or of every open
/// period.
pub async fn my_forms(
    state: &AppState,
    p: &Principal,
    period_id: Option<Uuid>,
) -> ApiResult<FormList> {
    let db = &state.db.read;
    let periods: Vec<period::Model> = match period_id {
        Some(id) => vec![load_period(db, id).await?],
        None => store::ratings360::list_periods_in_state(db, PeriodState::Open).await?,
    };
    let Some(me) = p.employee_id else {
        return Ok(FormList { items: Vec::new() });
    };
    let rows = store::ratings360::list_of_rater(
        db,
        me,
        periods.iter().map(|p| p.id).collect(),
        &AssignmentStatus::FORMS,
    )
    .await?;
    let persons = people(db, rows.iter().map(|r| r.ratee_id).collect()).await?;
    let by_id: HashMap<Uuid, &period::Model> = periods.iter().map(|p| (p.id, p)).collect();
    let mut items: Vec<FormOut> = rows
        .into_iter()
        .filter_map(|r| {
            let period = by_id.get(&r.period_id)?;
            let ratee = persons.get(&r.ratee_id).cloned()?;
            Some(form_out(&state.settings, period, r, ratee))
        })
        .collect();
    items.sort_by(|a, b| {
        a.period_name
            .cmp(&b.period_name)
            .then(a.group.order().cmp(&b.group.order()))
            .then(a.ratee.name.cmp(&b.ratee.name))
    });
    Ok(FormList { items })
}

/// Loads a form for its rater; for anyone else it does not exist.
async fn load_form<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<(r360::Model, period::Model)> {
    let row = store::ratings360::find(conn, id)
        .await?
        .filter(|r| policy::ratings360::is_rater(p, r))
        .filter(|r| AssignmentStatus::parse(&r.status).is_some_and(AssignmentStatus::is_form))
        .ok_or_else(form_not_found)?;
    let period = load_period(conn, row.period_id).await?;
    Ok((row, period))
}

/// One of the caller's forms.
pub async fn get_form(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<FormOut> {
    let db = &state.db.read;
    let (row, period) = load_form(db, p, id).await?;
    let mut persons = people(db, vec![row.ratee_id]).await?;
    let ratee = take_person(&mut persons, row.ratee_id);
    Ok(form_out(&state.settings, &period, row, ratee))
}

/// Checked answers ready to store.
struct Answers {
    scores: [Option<i16>; 7],
    comments: Option<String>,
    overall: Option<String>,
}

fn check_answers(input: &ResponseInput) -> ApiResult<Answers> {
    let mut errors = FieldErrors::new();
    let mut scores: [Option<i16>; 7] = [None; 7];
    for (code, n) in input.scores.iter().flatten() {
        let field = format!("scores.{code}");
        let Some(v) = CoreValue::parse(code) else {
            errors.insert(field, vec!["Nilai BerAKHLAK tidak dikenal".into()]);
            continue;
        };
        let Some(n) = n else { continue };
        let score = n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && (1.0..=5.0).contains(f))
            .map(|f| f as i16);
        match score {
            Some(s) => scores[v.index()] = Some(s),
            None => {
                errors.insert(field, vec!["Skor harus bilangan bulat 1 sampai 5".into()]);
            }
        }
    }
    let mut comments = BTreeMap::new();
    for (code, text) in input.comments.iter().flatten() {
        let field = format!("comments.{code}");
        if CoreValue::parse(code).is_none() {
            errors.insert(field, vec!["Nilai BerAKHLAK tidak dikenal".into()]);
            continue;
        }
        let Some(text) = text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        if text.chars().count() > MAX_COMMENT {
            errors.insert(
                field,
                vec![format!("Komentar maksimal {MAX_COMMENT} karakter")],
            );
            continue;
        }
        comments.insert(code.clone(), text.to_string());
    }
    let overall = input
        .overall_comment
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    if overall
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_OVERALL)
    {
        errors.insert(
            "overall_comment".into(),
            vec![format!("Komentar umum maksimal {MAX_OVERALL} karakter")],
        );
    }
    if input.submit && errors.is_empty() {
        let missing: Vec<&str> = CoreValue::ALL
            .iter()
            .filter(|v| scores[v.index()].is_none())
            .map(|v| v.as_str())
            .collect();
        if !missing.is_empty() {
            errors.insert(
                "scores".into(),
                vec![format!(
                    "Semua 7 nilai harus diisi sebelum dikirim; belum diisi: {}",
                    missing.join(", ")
                )],
            );
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let comments = if comments.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&comments).map_err(anyhow::Error::new)?)
    };
    Ok(Answers {
        scores,
        comments,
        overall,
    })
}

/// The row as it is after `answers` were written.
fn with_answers(mut row: r360::Model, a: &AnswersRow, now: chrono::DateTime<Utc>) -> r360::Model {
    row.status = a.status.as_str().to_string();
    [
        row.score_pelayanan,
        row.score_akuntabel,
        row.score_kompeten,
        row.score_harmonis,
        row.score_loyal,
        row.score_adaptif,
        row.score_kolaboratif,
    ] = a.scores;
    row.comments = a.comments.clone();
    row.overall_comment = a.overall_comment.clone();
    row.submitted_at = a.submitted_at;
    row.updated_at = now;
    row
}

/// Saves the rater's answers (replacing what was saved), or submits them.
pub async fn save_response(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    input: &ResponseInput,
) -> ApiResult<FormOut> {
    let answers = check_answers(input)?;
    let txn = state.db.write.begin().await?;
    let (row, period) = load_form(&txn, p, id).await?;
    if let Some(e) = edit_error(&state.settings, &period, &row) {
        return Err(e);
    }
    let ratee = store::employees::find_by_id(&txn, row.ratee_id).await?;
    let unit = match &ratee {
        Some(e) => store::units::find_by_ids(&txn, vec![e.unit_id])
            .await?
            .remove(&e.unit_id),
        None => None,
    };
    // Microseconds: what both engines keep, so the answer equals a later read.
    let now = Utc::now().trunc_subsecs(6);
    let stored = AnswersRow {
        status: if input.submit {
            AssignmentStatus::Submitted
        } else {
            AssignmentStatus::Draft
        },
        scores: answers.scores,
        comments: answers.comments,
        overall_comment: answers.overall,
        submitted_at: input.submit.then_some(now),
    };
    if !store::ratings360::update_answers_unless_submitted(&txn, row.id, &stored, now).await? {
        return Err(response_submitted());
    }
    let group = group_of(&row);
    store::audit::append(
        &txn,
        &p.actor(),
        if input.submit {
            "rating360.submit"
        } else {
            "rating360.save"
        },
        "rating_360",
        &row.id.to_string(),
        json!({ "period": period.id, "ratee_id": row.ratee_id, "group": group.as_str() }),
    )
    .await?;
    txn.commit().await?;
    let rater_id = row.rater_id;
    let person = ratee
        .as_ref()
        .map(|e| Person::new(e, unit.as_ref()))
        .unwrap_or_default();
    let out = form_out(
        &state.settings,
        &period,
        with_answers(row.clone(), &stored, now),
        person,
    );
    if input.submit {
        // Only the rater hears of their submit: no event, count or list changes for
        // anyone else until the round's results are released (ADR 0013).
        state.events.publish(
            EventKind::RatingSubmitted,
            vec![period.id.to_string(), row.id.to_string()],
            Audience::Employee(rater_id),
        );
    }
    Ok(out)
}
