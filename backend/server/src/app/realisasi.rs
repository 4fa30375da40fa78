//! Use cases of `realisasi` (see `api::realisasi` for the HTTP side): the employee's
//! realisasi per indicator and period, and its bukti dukung (links and uploaded files).
//!
//! Who: the owner of the indicator (`policy::plans::records_realisasi`); when: an approved
//! SKP of the period's year while the period is open (`domain::skp::realisasi_allowed`);
//! readers: those of the employee's plans. A stored file without its row is removed.

use chrono::Utc;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::app::skp::readable_employee;
use crate::auth::{Principal, policy};
use crate::domain::period::PeriodState;
use crate::domain::skp::{
    self as rules, Aspect, FileType, MAX_EVIDENCE, RealisasiRefusal, RhkKind, SkpStatus,
};
use crate::dto::realisasi::{
    EvidenceOut, IndicatorRealisasi, RealisasiInput, RealisasiOut, RealisasiPeriod, RealisasiSheet,
    RhkRealisasi, SkpRef,
};
use crate::dto::skp::PersonRef;
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;
use crate::store::realisasi::{EvidenceFile, RealisasiValues};
use crate::uploads;

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

fn realisasi_not_found() -> ApiError {
    ApiError::NotFound("Realisasi tidak ditemukan".into())
}

fn evidence_not_found() -> ApiError {
    ApiError::NotFound("Bukti dukung tidak ditemukan".into())
}

fn period_state(period: &entity::period::Model) -> Option<PeriodState> {
    PeriodState::parse(&period.state)
}

/// The API error of a refusal (codes and messages as the API documents them).
fn refused(refusal: RealisasiRefusal, period: &entity::period::Model, plan_year: i32) -> ApiError {
    match refusal {
        RealisasiRefusal::SkpNotApproved => ApiError::conflict(
            ErrorCode::SkpNotApproved,
            "Realisasi hanya dapat diisi untuk SKP yang sudah disetujui",
        ),
        RealisasiRefusal::YearMismatch => ApiError::field(
            "period_id",
            format!(
                "Periode tahun {} tidak sesuai dengan SKP tahun {}",
                period.year, plan_year
            ),
        ),
        RealisasiRefusal::PeriodNotOpen => ApiError::conflict(
            ErrorCode::PeriodNotOpen,
            format!(
                "Realisasi dan bukti dukung hanya dapat diubah saat periode terbuka (status: {})",
                period.state
            ),
        ),
    }
}

/// A realisasi the caller owns, in an open period (for evidence changes).
async fn own_open_realisasi<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> ApiResult<entity::realisasi::Model> {
    let r = store::realisasi::find(conn, id)
        .await?
        .ok_or_else(realisasi_not_found)?;
    policy::require(policy::plans::records_realisasi(p, r.employee_id))?;
    let period = store::periods::find(conn, r.period_id)
        .await?
        .ok_or_else(period_not_found)?;
    rules::evidence_changes_allowed(period_state(&period))
        .map_err(|why| refused(why, &period, period.year))?;
    Ok(r)
}

async fn check_evidence_room<C: ConnectionTrait>(conn: &C, realisasi_id: Uuid) -> ApiResult<()> {
    if store::realisasi::count_evidence(conn, realisasi_id).await? >= MAX_EVIDENCE {
        return Err(ApiError::conflict(
            ErrorCode::EvidenceLimit,
            format!("Paling banyak {MAX_EVIDENCE} bukti dukung per realisasi"),
        ));
    }
    Ok(())
}

/// Records the employee's realisasi of one indicator in a period; `true` when created.
pub async fn record(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    indicator_id: Uuid,
    input: &RealisasiInput,
) -> ApiResult<(bool, RealisasiOut)> {
    let value = rules::validate_realisasi(
        input.value_number,
        input.value_text.as_deref(),
        input.note.as_deref(),
    )
    .map_err(|(field, m)| ApiError::field(field, m))?;
    let txn = state.db.write.begin().await?;
    let period = store::periods::find(&txn, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let (indicator, _rhk, plan) = store::skp::find_indicator_with_plan(&txn, indicator_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Indikator tidak ditemukan".into()))?;
    policy::require(policy::plans::records_realisasi(p, plan.employee_id))?;
    rules::realisasi_allowed(
        SkpStatus::parse(&plan.status),
        plan.year,
        period.year,
        period_state(&period),
    )
    .map_err(|why| refused(why, &period, plan.year))?;
    let now = Utc::now();
    let values = RealisasiValues {
        value_number: value.value_number,
        value_text: value.value_text,
        note: value.note,
    };
    let existing = store::realisasi::find_for_indicator(&txn, indicator.id, period.id).await?;
    let created = existing.is_none();
    let r = match existing {
        Some(r) => store::realisasi::update_realisasi(&txn, r, values, now).await?,
        None => store::realisasi::insert_realisasi(
            &txn,
            indicator.id,
            period.id,
            plan.employee_id,
            values,
            now,
        )
        .await
        .map_err(|e| {
            if crate::error::violates(&e, "uq_realisasi_indicator_period") {
                ApiError::conflict(
                    ErrorCode::RealisasiConflict,
                    "Realisasi ini baru saja disimpan dari tempat lain; muat ulang dan coba lagi",
                )
            } else {
                ApiError::from(e)
            }
        })?,
    };
    store::audit::append(
        &txn,
        &p.actor(),
        "realisasi.set",
        "realisasi",
        &r.id.to_string(),
        json!({
            "period": period.id, "indicator": indicator.id,
            "value_number": r.value_number, "value_text": r.value_text
        }),
    )
    .await?;
    let evidence = store::realisasi::list_evidence(&txn, vec![r.id])
        .await?
        .remove(&r.id)
        .unwrap_or_default();
    let employee = store::employees::find_by_id(&txn, plan.employee_id).await?;
    txn.commit().await?;
    if let Some(sup) = employee.as_ref().and_then(|e| e.supervisor_id)
        && let Some(e) = &employee
    {
        state.events.publish(
            EventKind::RealisasiUpdated,
            vec![e.nip.clone(), period.id.to_string()],
            Audience::Employee(sup),
        );
    }
    Ok((created, RealisasiOut::new(r, evidence)))
}

/// An employee's realisasi of a period per RHK and indicator, with targets and evidence.
pub async fn sheet(
    state: &AppState,
    p: &Principal,
    period_id: Uuid,
    nip: &str,
) -> ApiResult<RealisasiSheet> {
    let db = &state.db.read;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let employee = readable_employee(db, p, nip).await?;
    let plan = store::skp::find(db, employee.id, period.year).await?;
    let mut rhk = Vec::new();
    if let Some(plan) = &plan {
        let rhks = store::skp::list_rhks(db, plan.id).await?;
        let mut indicators =
            store::skp::list_indicators(db, rhks.iter().map(|r| r.id).collect()).await?;
        let mut by_indicator =
            store::realisasi::list_of_employee_period(db, employee.id, period.id).await?;
        let mut evidence =
            store::realisasi::list_evidence(db, by_indicator.values().map(|r| r.id).collect())
                .await?;
        for r in rhks {
            rhk.push(RhkRealisasi {
                id: r.id,
                kind: RhkKind::parse(&r.kind).unwrap_or(RhkKind::Tambahan),
                indicators: indicators
                    .remove(&r.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|i| IndicatorRealisasi {
                        realisasi: by_indicator.remove(&i.id).map(|real| {
                            let ev = evidence.remove(&real.id).unwrap_or_default();
                            RealisasiOut::new(real, ev)
                        }),
                        id: i.id,
                        aspect: Aspect::parse(&i.aspect).unwrap_or(Aspect::Kuantitas),
                        description: i.description,
                        target_value: i.target_value,
                        target_unit: i.target_unit,
                        target_text: i.target_text,
                    })
                    .collect(),
                description: r.description,
            });
        }
    }
    let status = plan.as_ref().and_then(|s| SkpStatus::parse(&s.status));
    let allowed = plan.as_ref().is_some_and(|s| {
        rules::realisasi_allowed(status, s.year, period.year, period_state(&period)).is_ok()
    });
    Ok(RealisasiSheet {
        can_edit: policy::plans::records_realisasi(p, employee.id) && allowed,
        period: RealisasiPeriod::from(&period),
        employee: PersonRef::from(&employee),
        skp: plan.as_ref().map(|s| SkpRef {
            id: s.id,
            status: SkpStatus::parse(&s.status).unwrap_or(SkpStatus::Draft),
        }),
        rhk,
    })
}

/// Adds a link as bukti dukung (the owner, while the period is open).
pub async fn add_link(
    state: &AppState,
    p: &Principal,
    realisasi_id: Uuid,
    url: &str,
) -> ApiResult<EvidenceOut> {
    let url = rules::validate_url(url).map_err(|m| ApiError::field("url", m))?;
    let uploader = p.user_id().ok_or(ApiError::Forbidden)?;
    let txn = state.db.write.begin().await?;
    let r = own_open_realisasi(&txn, p, realisasi_id).await?;
    check_evidence_room(&txn, r.id).await?;
    let e = store::realisasi::insert_evidence(
        &txn,
        r.id,
        Some(url.clone()),
        None,
        uploader,
        Utc::now(),
    )
    .await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "evidence.add_link",
        "evidence",
        &e.id.to_string(),
        json!({ "realisasi": r.id, "url": url }),
    )
    .await?;
    txn.commit().await?;
    Ok(EvidenceOut::from(e))
}

/// The cheap checks before a file is read (on the read pool; repeated when it is saved):
/// a signed-in user who owns the realisasi, in an open period.
pub async fn check_upload(state: &AppState, p: &Principal, realisasi_id: Uuid) -> ApiResult<()> {
    p.user_id().ok_or(ApiError::Forbidden)?;
    own_open_realisasi(&state.db.read, p, realisasi_id).await?;
    Ok(())
}

/// Stores an uploaded file (its bytes must match `file_type`) and records it as bukti
/// dukung; the file is removed again when the row cannot be written.
pub async fn add_file(
    state: &AppState,
    p: &Principal,
    realisasi_id: Uuid,
    file_type: FileType,
    bytes: Vec<u8>,
    file_name: Option<&str>,
) -> ApiResult<EvidenceOut> {
    let uploader = p.user_id().ok_or(ApiError::Forbidden)?;
    let up = uploads::store(&state.settings, file_type, bytes, file_name).await?;
    let file = EvidenceFile {
        file_name: up.file_name.clone(),
        content_type: up.file_type.mime().into(),
        size_bytes: up.size,
        storage_key: up.key.clone(),
        sha256: up.sha256.clone(),
    };
    let saved: ApiResult<entity::evidence::Model> = async {
        let txn = state.db.write.begin().await?;
        own_open_realisasi(&txn, p, realisasi_id).await?;
        check_evidence_room(&txn, realisasi_id).await?;
        let e = store::realisasi::insert_evidence(
            &txn,
            realisasi_id,
            None,
            Some(file.clone()),
            uploader,
            Utc::now(),
        )
        .await?;
        store::audit::append(
            &txn,
            &p.actor(),
            "evidence.upload",
            "evidence",
            &e.id.to_string(),
            json!({
                "realisasi": realisasi_id, "file_name": file.file_name,
                "content_type": file.content_type, "size_bytes": file.size_bytes,
                "sha256": file.sha256
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(e)
    }
    .await;
    match saved {
        Ok(e) => Ok(EvidenceOut::from(e)),
        Err(err) => {
            // The row was not written: the file must not linger without it.
            uploads::remove(up.path).await;
            Err(err)
        }
    }
}

/// An uploaded evidence file the caller may read: its storage key, stored type and name.
pub struct EvidenceDownload {
    pub storage_key: String,
    pub content_type: String,
    pub file_name: Option<String>,
}

/// The file of a piece of evidence, for readers of the employee's plans (403 otherwise;
/// 404 for a link).
pub async fn evidence_file(
    state: &AppState,
    p: &Principal,
    evidence_id: Uuid,
) -> ApiResult<EvidenceDownload> {
    let db = &state.db.read;
    let e = store::realisasi::find_evidence(db, evidence_id)
        .await?
        .ok_or_else(evidence_not_found)?;
    let r = store::realisasi::find(db, e.realisasi_id)
        .await?
        .ok_or_else(evidence_not_found)?;
    let owner = store::employees::find_by_id(db, r.employee_id)
        .await?
        .ok_or_else(evidence_not_found)?;
    policy::require(policy::plans::can_read_plans(db, p, &owner).await?)?;
    let (Some(key), Some(mime)) = (e.storage_key, e.content_type) else {
        return Err(ApiError::NotFound(
            "Bukti dukung ini berupa tautan, bukan berkas".into(),
        ));
    };
    Ok(EvidenceDownload {
        storage_key: key,
        content_type: mime,
        file_name: e.file_name,
    })
}

/// Removes a piece of evidence (the owner, while the period is open); a file is deleted
/// from disk after the commit.
pub async fn delete_evidence(state: &AppState, p: &Principal, evidence_id: Uuid) -> ApiResult<()> {
    let txn = state.db.write.begin().await?;
    let e = store::realisasi::find_evidence(&txn, evidence_id)
        .await?
        .ok_or_else(evidence_not_found)?;
    own_open_realisasi(&txn, p, e.realisasi_id).await?;
    store::realisasi::delete_evidence(&txn, e.id).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "evidence.delete",
        "evidence",
        &e.id.to_string(),
        json!({ "realisasi": e.realisasi_id, "kind": e.kind, "file_name": e.file_name, "url": e.url, "sha256": e.sha256 }),
    )
    .await?;
    txn.commit().await?;
    // After the commit: a failed transaction must not lose the file of a kept row.
    if let Some(path) = e
        .storage_key
        .as_deref()
        .and_then(|k| uploads::stored_path(&state.settings.upload_dir, k))
    {
        uploads::remove(path).await;
    }
    Ok(())
}
