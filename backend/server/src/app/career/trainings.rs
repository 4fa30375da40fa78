//! The training catalogue: read by anyone signed in, managed by admin/HR (the handlers ask
//! `policy::career::can_manage_career`), imported from CSV all or nothing.

use chrono::Utc;
use entity::training;
use sea_orm::{ConnectionTrait, DbErr, TransactionTrait};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

use super::csv_import::{self, row_errors};
use super::{check, hours_of, optional_text, required_text};
use crate::auth::Principal;
use crate::domain::berakhlak::CoreValue;
use crate::domain::development::TrainingMode;
use crate::dto::career::{
    CareerImportReport, TrainingInput, TrainingList, TrainingOut, TrainingQuery,
};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::state::AppState;
use crate::store;

const MODE_HINT: &str = "Gunakan klasikal, e-learning, blended atau lainnya";

struct CleanTraining {
    title: String,
    provider: String,
    value_code: Option<String>,
    competency: Option<String>,
    hours: i32,
    mode: String,
}

/// A course as submitted (JSON body or CSV row), before validation.
struct RawTraining<'a> {
    title: &'a str,
    provider: &'a str,
    value_code: Option<&'a str>,
    competency: Option<&'a str>,
    hours: Option<&'a serde_json::Number>,
    mode: &'a str,
}

impl<'a> RawTraining<'a> {
    fn of(body: &'a TrainingInput) -> Self {
        RawTraining {
            title: &body.title,
            provider: &body.provider,
            value_code: body.value_code.map(|v| v.as_str()),
            competency: body.competency.as_deref(),
            hours: Some(&body.hours),
            mode: body.mode.as_str(),
        }
    }
}

fn clean_training(errors: &mut FieldErrors, raw: RawTraining<'_>) -> CleanTraining {
    let RawTraining {
        title,
        provider,
        value_code,
        competency,
        hours,
        mode,
    } = raw;
    let title = required_text(errors, "title", title, 200);
    let provider = required_text(errors, "provider", provider, 200);
    let value_code = value_code.map(str::trim).filter(|v| !v.is_empty());
    if let Some(v) = value_code
        && CoreValue::parse(v).is_none()
    {
        errors
            .entry("value_code".into())
            .or_default()
            .push(format!("Nilai BerAKHLAK tidak dikenal: {v}"));
    }
    let competency = optional_text(errors, "competency", competency, 200);
    let hours = if hours.is_none() {
        errors
            .entry("hours".into())
            .or_default()
            .push("Wajib diisi".into());
        0
    } else {
        hours_of(errors, "hours", hours).unwrap_or(0)
    };
    let mode = mode.trim();
    if TrainingMode::parse(mode).is_none() {
        errors
            .entry("mode".into())
            .or_default()
            .push(MODE_HINT.into());
    }
    CleanTraining {
        title,
        provider,
        value_code: value_code.map(str::to_string),
        competency,
        hours,
        mode: mode.to_string(),
    }
}

fn training_exists() -> ApiError {
    ApiError::conflict(
        ErrorCode::TrainingExists,
        "Pelatihan dengan judul dan penyelenggara yang sama sudah ada",
    )
}

fn on_duplicate(e: DbErr) -> ApiError {
    if crate::error::violates(&e, "uq_trainings_title_provider") {
        training_exists()
    } else {
        ApiError::from(e)
    }
}

fn training_not_found() -> ApiError {
    ApiError::NotFound("Pelatihan tidak ditemukan".into())
}

/// The catalogue, filtered by title text, value, mode and active flag.
pub async fn list_trainings(state: &AppState, q: &TrainingQuery) -> ApiResult<TrainingList> {
    let value_code = q
        .value_code
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    if let Some(v) = value_code
        && CoreValue::parse(v).is_none()
    {
        return Err(ApiError::field(
            "value_code",
            "Nilai BerAKHLAK tidak dikenal",
        ));
    }
    let mode = q.mode.as_deref().map(str::trim).filter(|v| !v.is_empty());
    if let Some(m) = mode
        && TrainingMode::parse(m).is_none()
    {
        return Err(ApiError::field("mode", MODE_HINT));
    }
    let text = q.q.as_deref().map(str::trim).filter(|v| !v.is_empty());
    if text.is_some_and(|t| t.chars().count() > 200) {
        return Err(ApiError::field("q", "Maksimal 200 karakter"));
    }
    let list = store::career::list_trainings(
        &state.db.read,
        &store::career::TrainingFilter {
            q: text.map(str::to_string),
            value_code: value_code.map(str::to_string),
            mode: mode.map(str::to_string),
            active: q.active,
        },
    )
    .await?;
    Ok(TrainingList {
        items: list.into_iter().map(TrainingOut::from).collect(),
    })
}

/// One course of the catalogue.
pub async fn get_training(state: &AppState, id: Uuid) -> ApiResult<TrainingOut> {
    store::career::find_training(&state.db.read, id)
        .await?
        .map(TrainingOut::from)
        .ok_or_else(training_not_found)
}

/// Adds a course (title + provider unique).
pub async fn create_training(
    state: &AppState,
    p: &Principal,
    body: &TrainingInput,
) -> ApiResult<TrainingOut> {
    let mut errors = FieldErrors::new();
    let c = clean_training(&mut errors, RawTraining::of(body));
    check(errors)?;
    let txn = state.db.write.begin().await?;
    if store::career::find_training_by_title(&txn, &c.title, &c.provider)
        .await?
        .is_some()
    {
        return Err(training_exists());
    }
    let now = Utc::now();
    let t = store::career::insert_training(
        &txn,
        training::Model {
            id: Uuid::now_v7(),
            title: c.title,
            provider: c.provider,
            value_code: c.value_code,
            competency: c.competency,
            hours: c.hours,
            mode: c.mode,
            active: body.active.unwrap_or(true),
            created_at: now,
            updated_at: now,
        },
    )
    .await
    .map_err(on_duplicate)?;
    store::audit::append(
        &txn,
        &p.actor(),
        "training.create",
        "training",
        &t.id.to_string(),
        json!({ "title": t.title, "provider": t.provider, "hours": t.hours }),
    )
    .await?;
    txn.commit().await?;
    Ok(t.into())
}

/// Changes a course.
pub async fn update_training(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    body: &TrainingInput,
) -> ApiResult<TrainingOut> {
    let mut errors = FieldErrors::new();
    let c = clean_training(&mut errors, RawTraining::of(body));
    check(errors)?;
    let txn = state.db.write.begin().await?;
    let t = store::career::find_training(&txn, id)
        .await?
        .ok_or_else(training_not_found)?;
    if store::career::find_training_by_title(&txn, &c.title, &c.provider)
        .await?
        .is_some_and(|o| o.id != t.id)
    {
        return Err(training_exists());
    }
    let active = body.active.unwrap_or(t.active);
    let next = training::Model {
        title: c.title,
        provider: c.provider,
        value_code: c.value_code,
        competency: c.competency,
        hours: c.hours,
        mode: c.mode,
        active,
        updated_at: Utc::now(),
        ..t
    };
    let t = store::career::update_training(&txn, next)
        .await
        .map_err(on_duplicate)?;
    store::audit::append(
        &txn,
        &p.actor(),
        "training.update",
        "training",
        &t.id.to_string(),
        json!({ "title": t.title, "provider": t.provider, "hours": t.hours, "active": t.active }),
    )
    .await?;
    txn.commit().await?;
    Ok(t.into())
}

/// Removes a course no plan uses; a used course is deactivated instead.
pub async fn delete_training(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<()> {
    let txn = state.db.write.begin().await?;
    let t = store::career::find_training(&txn, id)
        .await?
        .ok_or_else(training_not_found)?;
    if store::career::count_items_with_training(&txn, t.id).await? > 0 {
        return Err(ApiError::conflict(
            ErrorCode::TrainingInUse,
            "Pelatihan ini dipakai dalam rencana pengembangan; nonaktifkan saja",
        ));
    }
    store::career::delete_training(&txn, t.id).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "training.delete",
        "training",
        &t.id.to_string(),
        json!({ "title": t.title, "provider": t.provider }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Writes the cleaned courses: an existing title + provider is updated when it differs.
/// Returns (created, updated).
async fn upsert_trainings<C: ConnectionTrait>(
    conn: &C,
    clean: Vec<CleanTraining>,
) -> ApiResult<(usize, usize)> {
    let (mut created, mut updated) = (0, 0);
    let now = Utc::now();
    for c in clean {
        match store::career::find_training_by_title(conn, &c.title, &c.provider).await? {
            Some(t) => {
                let changed = t.value_code != c.value_code
                    || t.competency != c.competency
                    || t.hours != c.hours
                    || t.mode != c.mode;
                if changed {
                    updated += 1;
                    let next = training::Model {
                        value_code: c.value_code,
                        competency: c.competency,
                        hours: c.hours,
                        mode: c.mode,
                        updated_at: now,
                        ..t
                    };
                    store::career::update_training(conn, next).await?;
                }
            }
            None => {
                created += 1;
                store::career::insert_training(
                    conn,
                    training::Model {
                        id: Uuid::now_v7(),
                        title: c.title,
                        provider: c.provider,
                        value_code: c.value_code,
                        competency: c.competency,
                        hours: c.hours,
                        mode: c.mode,
                        active: true,
                        created_at: now,
                        updated_at: now,
                    },
                )
                .await?;
            }
        }
    }
    Ok((created, updated))
}

/// Imports courses from CSV (`title, provider, value_code, competency, hours, mode`): all
/// or nothing; an existing title + provider is updated; `dry_run` validates only.
pub async fn import_trainings(
    state: &AppState,
    p: &Principal,
    bytes: &[u8],
    dry_run: bool,
) -> ApiResult<CareerImportReport> {
    let csv = csv_import::parse(bytes, &["title", "provider", "hours", "mode"])?;
    let mut errors = csv.errors.clone();
    let mut clean = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (row, r) in &csv.rows {
        let col = |name: &str| csv.cell(r, name);
        let mut fe = FieldErrors::new();
        let hours_text = col("hours");
        let hours_text = hours_text.trim();
        // Unparsable text becomes 0 so the row gets the same "1–500" message.
        let hours = (!hours_text.is_empty()).then(|| {
            hours_text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .unwrap_or_else(|| serde_json::Number::from(0))
        });
        let (title, provider, value, competency, mode) = (
            col("title"),
            col("provider"),
            col("value_code"),
            col("competency"),
            col("mode"),
        );
        let c = clean_training(
            &mut fe,
            RawTraining {
                title: &title,
                provider: &provider,
                value_code: Some(&value),
                competency: Some(&competency),
                hours: hours.as_ref(),
                mode: &mode,
            },
        );
        let key = (c.title.to_lowercase(), c.provider.to_lowercase());
        if let Some(first) = seen.get(&key) {
            fe.entry("title".into()).or_default().push(format!(
                "Duplikat baris {first} (judul dan penyelenggara sama)"
            ));
        } else {
            seen.insert(key, *row);
        }
        if fe.is_empty() {
            clean.push(c);
        } else {
            errors.extend(row_errors(*row, fe));
        }
    }
    errors.sort_by_key(|e| e.row);
    let total = csv.rows.len() + errors.iter().filter(|e| e.field == "row").count();
    if !errors.is_empty() {
        if dry_run {
            return Ok(CareerImportReport {
                dry_run: true,
                total,
                errors,
                ..Default::default()
            });
        }
        return Err(ApiError::ImportRejected(errors));
    }
    let txn = state.db.write.begin().await?;
    let (created, updated) = upsert_trainings(&txn, clean).await?;
    if dry_run {
        txn.rollback().await?;
    } else {
        store::audit::append(
            &txn,
            &p.actor(),
            "training.import",
            "training",
            "import",
            json!({ "total": total, "created": created, "updated": updated }),
        )
        .await?;
        txn.commit().await?;
    }
    Ok(CareerImportReport {
        dry_run,
        total,
        created,
        updated,
        errors: Vec::new(),
    })
}
