//! The supervisor rates a subordinate for a period.

use chrono::Utc;
use entity::evaluation;
use sea_orm::TransactionTrait;
use serde_json::json;
use uuid::Uuid;

use super::{period_not_found, result_out};
use crate::auth::{Principal, policy};
use crate::domain::evaluation::{
    EvaluationStatus, RatingRefusal, clean_justification, exemption_conflicts,
    missing_justification, rating_refusal, skp_allows_rating,
};
use crate::domain::predikat::{Rating, predikat};
use crate::dto::evaluations::{EvaluationInput, ResultOut};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;

/// What rating produced: the saved result, or the 360 suggestion the behaviour rating
/// differs from without a justification (422 `justification_required`, nothing saved).
pub enum RateOutcome {
    Saved(Box<ResultOut>),
    JustificationRequired(Rating),
}

/// Sets the two ratings of the employee `nip` for the period: only the direct supervisor
/// (403), only while the period is open, not once final or the unit finalised, only with
/// an approved SKP (409s); the predikat comes from the matrix.
pub async fn rate(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
    body: &EvaluationInput,
) -> ApiResult<RateOutcome> {
    let justification = clean_justification(body.justification.as_deref())
        .map_err(|m| ApiError::field("justification", m))?;
    let txn = state.db.write.begin().await?;
    let period = store::periods::find(&txn, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let employee = store::employees::find_by_nip(&txn, nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    let Some(penilai_id) = policy::cycle::rater_of(p, &employee) else {
        return Err(ApiError::Forbidden);
    };
    let existing = store::results::find_evaluation(&txn, period_id, employee.id).await?;
    // The unit the evaluation counts in: its snapshot, or the employee's unit for a new one.
    let unit_id = existing.as_ref().map_or(employee.unit_id, |e| e.unit_id);
    let unit_finalised = store::results::find_org_result(&txn, period_id, unit_id)
        .await?
        .is_some_and(|o| o.finalised_at.is_some());
    match rating_refusal(
        &period.state,
        existing.as_ref().map(|e| e.status.as_str()),
        unit_finalised,
    ) {
        Some(RatingRefusal::PeriodNotOpen) => {
            return Err(ApiError::conflict(
                ErrorCode::PeriodNotOpen,
                format!(
                    "Penilaian hanya dapat diisi saat periode terbuka (status: {})",
                    period.state
                ),
            ));
        }
        Some(RatingRefusal::EvaluationFinal) => {
            return Err(ApiError::conflict(
                ErrorCode::EvaluationFinal,
                "Penilaian ini sudah final dan tidak dapat diubah",
            ));
        }
        Some(RatingRefusal::UnitFinalised) => {
            return Err(ApiError::conflict(
                ErrorCode::UnitFinalised,
                "Hasil unit kerja ini sudah difinalisasi; penilaian tidak dapat diubah",
            ));
        }
        None => {}
    }
    let exempt = store::exemptions::find_exemption(&txn, period_id, employee.id)
        .await?
        .is_some();
    if exemption_conflicts(true, exempt) {
        return Err(ApiError::conflict(
            ErrorCode::EmployeeExempt,
            format!(
                "{} dikecualikan dari penilaian periode ini; hapus pengecualiannya dahulu",
                employee.name
            ),
        ));
    }
    let penilai = store::employees::find_by_id(&txn, penilai_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("penilai vanished"))?;
    if !skp_allows_rating(store::skp::is_approved(&txn, employee.id, period.year).await?) {
        return Err(ApiError::conflict(
            ErrorCode::SkpNotApproved,
            format!(
                "SKP {} tahun {} belum disetujui; hanya SKP yang disetujui yang dapat dinilai",
                employee.name, period.year
            ),
        ));
    }
    let suggestion =
        crate::app::ratings360::suggestion(&txn, &state.settings, &period, employee.id).await?;
    if let Some(s) = missing_justification(
        suggestion.map(|s| s.rating),
        body.rating_perilaku,
        justification.is_some(),
    ) {
        return Ok(RateOutcome::JustificationRequired(s));
    }
    let p_value = predikat(body.rating_hasil_kerja, body.rating_perilaku);
    let now = Utc::now();
    let status = EvaluationStatus::from_final(body.r#final)
        .as_str()
        .to_string();
    let suggested = suggestion.map(|s| s.rating.as_str().to_string());
    let mean = suggestion.map(|s| s.mean);
    let model = match existing {
        Some(e) => {
            store::evaluations::update_evaluation(
                &txn,
                evaluation::Model {
                    rating_hasil_kerja: body.rating_hasil_kerja.as_str().into(),
                    rating_perilaku: body.rating_perilaku.as_str().into(),
                    predikat: p_value.as_str().into(),
                    justification,
                    status,
                    suggested_perilaku: suggested,
                    mean_360: mean,
                    updated_at: now,
                    ..e
                },
            )
            .await?
        }
        None => store::evaluations::insert_evaluation(
            &txn,
            evaluation::Model {
                id: Uuid::now_v7(),
                period_id,
                employee_id: employee.id,
                penilai_id: penilai.id,
                rating_hasil_kerja: body.rating_hasil_kerja.as_str().into(),
                rating_perilaku: body.rating_perilaku.as_str().into(),
                predikat: p_value.as_str().into(),
                justification,
                status,
                golongan: employee.golongan.clone(),
                jabatan: employee.jabatan.clone(),
                unit_id: employee.unit_id,
                penilai_golongan: penilai.golongan.clone(),
                penilai_jabatan: penilai.jabatan.clone(),
                penilai_unit_id: penilai.unit_id,
                suggested_perilaku: suggested,
                mean_360: mean,
                created_at: now,
                updated_at: now,
            },
        )
        .await
        .map_err(|e| {
            // Two first submissions at once (PostgreSQL; SQLite has a single writer).
            if crate::error::violates(&e, "uq_evaluations_period_employee") {
                ApiError::conflict(
                    ErrorCode::EvaluationConflict,
                    "Penilaian ini baru saja disimpan dari tempat lain; muat ulang dan coba lagi",
                )
            } else {
                ApiError::from(e)
            }
        })?,
    };
    store::audit::append(
        &txn,
        &p.actor(),
        "evaluation.set",
        "evaluation",
        &model.id.to_string(),
        json!({
            "period": period_id, "nip": employee.nip,
            "hasil_kerja": model.rating_hasil_kerja, "perilaku": model.rating_perilaku,
            "predikat": model.predikat, "status": model.status,
            "suggested_perilaku": model.suggested_perilaku, "mean_360": model.mean_360,
            "justification": model.justification
        }),
    )
    .await?;
    let evaluation_id = model.id;
    let out = store::results::list_result_rows(&txn, vec![model])
        .await?
        .first()
        .and_then(|row| result_out(&period.state, row))
        .ok_or_else(|| anyhow::anyhow!("no view"))?;
    txn.commit().await?;
    state.events.publish(
        EventKind::EvaluationUpdated,
        vec![evaluation_id.to_string()],
        Audience::Staff,
    );
    Ok(RateOutcome::Saved(Box::new(out)))
}
