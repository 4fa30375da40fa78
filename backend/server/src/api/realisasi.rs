//! Realisasi (DOMAIN.md §2.2): what the employee achieved per indicator in a period, with
//! bukti dukung as links or uploaded files.
//!
//! Invariants: only the employee who owns the indicator records realisasi or adds and
//! removes evidence, only for an approved SKP of the period's year and only while the period
//! is open; uploaded files are accepted only when their magic bytes match the declared type,
//! are stored under a random name in `upload_dir` (never a user-derived path), and are
//! served only to readers of the employee's performance data, as attachments with
//! `nosniff`. Every change is audited in its transaction.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use chrono::Utc;
use entity::{evidence, realisasi};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::skp::{PersonRef, Res, person, readable_employee};
use crate::auth::{Principal, policy};
use crate::domain::period::PeriodState;
use crate::domain::skp::{self as rules, Aspect, RhkKind, SkpStatus};
use crate::error::{ApiError, ErrorResponse};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;
use crate::uploads;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_realisasi)
        .service(list_realisasi)
        .service(add_evidence_link)
        .service(upload_evidence_file)
        .service(download_evidence)
        .service(delete_evidence);
}

/// Most pieces of evidence per realisasi.
const MAX_EVIDENCE: u64 = 20;

// ---------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct RealisasiInput {
    /// The achieved number (same unit as the target), or leave out and give `value_text`.
    #[serde(default)]
    #[schema(minimum = 0)]
    pub value_number: Option<f64>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub value_text: Option<String>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Kind of evidence (documentation type).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Link,
    File,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceOut {
    pub id: Uuid,
    #[schema(value_type = EvidenceKind)]
    pub kind: String,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    pub created_at: chrono::DateTime<Utc>,
    /// Where a file is downloaded (`/api/v1/evidence/{id}/file`), null for a link.
    pub download_url: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RealisasiOut {
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub period_id: Uuid,
    pub value_number: Option<f64>,
    pub value_text: Option<String>,
    pub note: Option<String>,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
    pub evidence: Vec<EvidenceOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct EvidenceLinkInput {
    /// An http(s) link, at most 2000 characters.
    #[schema(max_length = 2000)]
    pub url: String,
}

#[derive(Deserialize, IntoParams)]
pub struct FileQuery {
    /// The original file name (only its last segment is kept, sanitised).
    pub filename: Option<String>,
}

/// The raw bytes of a file (documentation type).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct FileBody(pub Vec<u8>);

#[derive(Serialize, ToSchema)]
pub struct RealisasiPeriod {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub state: PeriodState,
}

#[derive(Serialize, ToSchema)]
pub struct SkpRef {
    pub id: Uuid,
    pub status: SkpStatus,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorRealisasi {
    pub id: Uuid,
    pub aspect: Aspect,
    pub description: String,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub target_text: Option<String>,
    /// This period's realisasi, null when none yet.
    pub realisasi: Option<RealisasiOut>,
}

#[derive(Serialize, ToSchema)]
pub struct RhkRealisasi {
    pub id: Uuid,
    pub kind: RhkKind,
    pub description: String,
    pub indicators: Vec<IndicatorRealisasi>,
}

/// An employee's realisasi of a period, per RHK and indicator.
#[derive(Serialize, ToSchema)]
pub struct RealisasiSheet {
    pub period: RealisasiPeriod,
    pub employee: PersonRef,
    /// The SKP of the period's year, null when none.
    pub skp: Option<SkpRef>,
    pub rhk: Vec<RhkRealisasi>,
    /// The caller may record realisasi now (own approved SKP, open period).
    pub can_edit: bool,
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

fn realisasi_not_found() -> ApiError {
    ApiError::NotFound("Realisasi tidak ditemukan".into())
}

fn evidence_not_found() -> ApiError {
    ApiError::NotFound("Bukti dukung tidak ditemukan".into())
}

fn is_open(period: &entity::period::Model) -> bool {
    PeriodState::parse(&period.state) == Some(PeriodState::Open)
}

fn period_not_open(period: &entity::period::Model) -> ApiError {
    ApiError::conflict(
        "period_not_open",
        format!(
            "Realisasi dan bukti dukung hanya dapat diubah saat periode terbuka (status: {})",
            period.state
        ),
    )
}

fn evidence_view(e: evidence::Model) -> EvidenceOut {
    let download_url = (e.kind == "file").then(|| format!("/api/v1/evidence/{}/file", e.id));
    EvidenceOut {
        id: e.id,
        kind: e.kind,
        url: e.url,
        file_name: e.file_name,
        content_type: e.content_type,
        size_bytes: e.size_bytes,
        sha256: e.sha256,
        created_at: e.created_at,
        download_url,
    }
}

fn realisasi_view(r: realisasi::Model, evidence: Vec<evidence::Model>) -> RealisasiOut {
    RealisasiOut {
        id: r.id,
        indicator_id: r.indicator_id,
        period_id: r.period_id,
        value_number: r.value_number,
        value_text: r.value_text,
        note: r.note,
        created_at: r.created_at,
        updated_at: r.updated_at,
        evidence: evidence.into_iter().map(evidence_view).collect(),
    }
}

/// A realisasi the caller owns, in an open period (for evidence changes).
async fn own_open_realisasi<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    id: Uuid,
) -> Res<realisasi::Model> {
    let r = store::realisasi::find(conn, id)
        .await?
        .ok_or_else(realisasi_not_found)?;
    policy::require(policy::is_self(p, r.employee_id))?;
    let period = store::periods::find(conn, r.period_id)
        .await?
        .ok_or_else(period_not_found)?;
    if !is_open(&period) {
        return Err(period_not_open(&period));
    }
    Ok(r)
}

async fn check_evidence_room<C: ConnectionTrait>(conn: &C, realisasi_id: Uuid) -> Res<()> {
    if store::realisasi::count_evidence(conn, realisasi_id).await? >= MAX_EVIDENCE {
        return Err(ApiError::conflict(
            "evidence_limit",
            format!("Paling banyak {MAX_EVIDENCE} bukti dukung per realisasi"),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------

/// Records the employee's realisasi of one indicator in a period (201 first time, 200
/// after). Only the owner of the indicator, with an approved SKP of the period's year,
/// while the period is open.
#[utoipa::path(
    tag = "realisasi",
    params(("period_id" = Uuid, Path), ("indicator_id" = Uuid, Path)),
    request_body = RealisasiInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RealisasiOut),
        (status = 201, body = RealisasiOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the employee's own indicator", body = ErrorResponse),
        (status = 404, description = "No such period or indicator", body = ErrorResponse),
        (status = 409, description = "`skp_not_approved`, `period_not_open`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "No value, a text too long, or the SKP is of another year than the period", body = ErrorResponse),
    )
)]
#[put("/periods/{period_id}/realisasi/{indicator_id}")]
pub async fn put_realisasi(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<RealisasiInput>,
) -> Res<HttpResponse> {
    let (period_id, indicator_id) = path.into_inner();
    let value_text = rules::clean(body.value_text.as_deref());
    let note = rules::clean(body.note.as_deref());
    for (field, text) in [("value_text", &value_text), ("note", &note)] {
        if text
            .as_deref()
            .is_some_and(|t| t.chars().count() > rules::MAX_TEXT)
        {
            return Err(ApiError::field(
                field,
                format!("Maksimal {} karakter", rules::MAX_TEXT),
            ));
        }
    }
    if let Some(v) = body.value_number
        && !(0.0..=rules::MAX_NUMBER).contains(&v)
    {
        return Err(ApiError::field(
            "value_number",
            "Realisasi angka harus bilangan tidak negatif yang wajar",
        ));
    }
    if body.value_number.is_none() && value_text.is_none() {
        return Err(ApiError::field(
            "value_number",
            "Isi realisasi berupa angka atau teks",
        ));
    }
    let txn = state.db.write.begin().await?;
    let period = store::periods::find(&txn, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let (indicator, _rhk, plan) = store::skp::indicator_with_plan(&txn, indicator_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Indikator tidak ditemukan".into()))?;
    policy::require(policy::is_self(&p, plan.employee_id))?;
    if SkpStatus::parse(&plan.status) != Some(SkpStatus::Approved) {
        return Err(ApiError::conflict(
            "skp_not_approved",
            "Realisasi hanya dapat diisi untuk SKP yang sudah disetujui",
        ));
    }
    if plan.year != period.year {
        return Err(ApiError::field(
            "period_id",
            format!(
                "Periode tahun {} tidak sesuai dengan SKP tahun {}",
                period.year, plan.year
            ),
        ));
    }
    if !is_open(&period) {
        return Err(period_not_open(&period));
    }
    let now = Utc::now();
    let existing = store::realisasi::find_for(&txn, indicator.id, period.id).await?;
    let created = existing.is_none();
    let r = match existing {
        Some(r) => {
            let mut am: realisasi::ActiveModel = r.into();
            am.value_number = Set(body.value_number);
            am.value_text = Set(value_text);
            am.note = Set(note);
            am.updated_at = Set(now);
            am.update(&txn).await?
        }
        None => realisasi::ActiveModel {
            id: Set(Uuid::now_v7()),
            indicator_id: Set(indicator.id),
            period_id: Set(period.id),
            employee_id: Set(plan.employee_id),
            value_number: Set(body.value_number),
            value_text: Set(value_text),
            note: Set(note),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(|e| {
            if crate::error::violates(&e, "uq_realisasi_indicator_period") {
                ApiError::conflict(
                    "realisasi_conflict",
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
    let evidence = store::realisasi::evidence_of(&txn, vec![r.id])
        .await?
        .remove(&r.id)
        .unwrap_or_default();
    let employee = store::employees::find_by_id(&txn, plan.employee_id).await?;
    txn.commit().await?;
    if let Some(sup) = employee.as_ref().and_then(|e| e.supervisor_id)
        && let Some(e) = &employee
    {
        state.events.publish(
            "realisasi_updated",
            vec![e.nip.clone(), period.id.to_string()],
            Audience::Employee(sup),
        );
    }
    Ok(super::created_or_ok(created, &realisasi_view(r, evidence)))
}

/// An employee's realisasi of a period per RHK and indicator, with targets and evidence
/// (the employee, their supervisor chain, admin/HR/auditor).
#[utoipa::path(
    tag = "realisasi",
    params(("period_id" = Uuid, Path), ("nip" = String, Path)),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = RealisasiSheet),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, description = "No such period, or employee not visible", body = ErrorResponse),
    )
)]
#[get("/periods/{period_id}/employees/{nip}/realisasi")]
pub async fn list_realisasi(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> Res<web::Json<RealisasiSheet>> {
    let (period_id, nip) = path.into_inner();
    let db = &state.db.read;
    let period = store::periods::find(db, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let employee = readable_employee(db, &p, &nip).await?;
    let plan = store::skp::find(db, employee.id, period.year).await?;
    let mut rhk = Vec::new();
    if let Some(plan) = &plan {
        let rhks = store::skp::rhks_of(db, plan.id).await?;
        let mut indicators =
            store::skp::indicators_of(db, rhks.iter().map(|r| r.id).collect()).await?;
        let mut by_indicator: HashMap<Uuid, realisasi::Model> =
            store::realisasi::of_employee_period(db, employee.id, period.id).await?;
        let mut evidence =
            store::realisasi::evidence_of(db, by_indicator.values().map(|r| r.id).collect())
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
                            realisasi_view(real, ev)
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
    Ok(web::Json(RealisasiSheet {
        can_edit: policy::is_self(&p, employee.id)
            && status == Some(SkpStatus::Approved)
            && is_open(&period),
        period: RealisasiPeriod {
            id: period.id,
            name: period.name.clone(),
            year: period.year,
            state: PeriodState::parse(&period.state).unwrap_or(PeriodState::Draft),
        },
        employee: person(&employee),
        skp: plan.as_ref().map(|s| SkpRef {
            id: s.id,
            status: SkpStatus::parse(&s.status).unwrap_or(SkpStatus::Draft),
        }),
        rhk,
    }))
}

/// Adds a link as bukti dukung (the owner, while the period is open).
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Realisasi id")),
    request_body = EvidenceLinkInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = EvidenceOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the owner", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`period_not_open`, `evidence_limit`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Not an http(s) link, or longer than 2000 characters", body = ErrorResponse),
    )
)]
#[post("/realisasi/{id}/evidence")]
pub async fn add_evidence_link(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    body: web::Json<EvidenceLinkInput>,
) -> Res<HttpResponse> {
    let url = rules::validate_url(&body.url).map_err(|m| ApiError::field("url", m))?;
    let uploader = p.user_id().ok_or(ApiError::Forbidden)?;
    let txn = state.db.write.begin().await?;
    let r = own_open_realisasi(&txn, &p, *id).await?;
    check_evidence_room(&txn, r.id).await?;
    let e = evidence::ActiveModel {
        id: Set(Uuid::now_v7()),
        realisasi_id: Set(r.id),
        kind: Set("link".into()),
        url: Set(Some(url.clone())),
        file_name: Set(None),
        content_type: Set(None),
        size_bytes: Set(None),
        storage_key: Set(None),
        sha256: Set(None),
        uploaded_by: Set(uploader),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
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
    Ok(HttpResponse::Created().json(evidence_view(e)))
}

/// Uploads a file as bukti dukung: the body is the raw file with its `Content-Type` (PDF,
/// PNG, JPEG, WebP, DOCX, XLSX, CSV or plain text). The bytes must match the declared type
/// (magic bytes) and fit `upload_max_bytes`. The owner only, while the period is open.
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Realisasi id"), FileQuery),
    request_body(
        description = "The raw file bytes",
        content(
            (FileBody = "application/pdf"),
            (FileBody = "image/png"),
            (FileBody = "image/jpeg"),
            (FileBody = "image/webp"),
            (FileBody = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBody = "text/csv"),
            (FileBody = "text/plain"),
        )
    ),
    security(("bearer_auth" = [])),
    responses(
        (status = 201, body = EvidenceOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the owner", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`period_not_open`, `evidence_limit`", body = ErrorResponse),
        (status = 413, description = "Larger than the upload limit", body = ErrorResponse),
        (status = 415, description = "`unsupported_file_type`: type not accepted or the bytes do not match it", body = ErrorResponse),
        (status = 422, description = "Empty file", body = ErrorResponse),
    )
)]
#[post("/realisasi/{id}/evidence/file")]
pub async fn upload_evidence_file(
    req: HttpRequest,
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<FileQuery>,
    payload: web::Payload,
) -> Res<HttpResponse> {
    let uploader = p.user_id().ok_or(ApiError::Forbidden)?;
    // Cheap checks first, on the read pool; they are repeated in the write transaction.
    let r = own_open_realisasi(&state.db.read, &p, *id).await?;
    let up = uploads::receive(&req, payload, &state.settings, q.filename.as_deref()).await?;
    let (file_type, file_name, key, sha, size) = (
        up.file_type,
        up.file_name.clone(),
        up.key.clone(),
        up.sha256.clone(),
        up.size,
    );

    let saved: Res<evidence::Model> = async {
        let txn = state.db.write.begin().await?;
        own_open_realisasi(&txn, &p, r.id).await?;
        check_evidence_room(&txn, r.id).await?;
        let e = evidence::ActiveModel {
            id: Set(Uuid::now_v7()),
            realisasi_id: Set(r.id),
            kind: Set("file".into()),
            url: Set(None),
            file_name: Set(Some(file_name.clone())),
            content_type: Set(Some(file_type.mime().into())),
            size_bytes: Set(Some(size)),
            storage_key: Set(Some(key.clone())),
            sha256: Set(Some(sha.clone())),
            uploaded_by: Set(uploader),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
        store::audit::append(
            &txn,
            &p.actor(),
            "evidence.upload",
            "evidence",
            &e.id.to_string(),
            json!({
                "realisasi": r.id, "file_name": file_name, "content_type": file_type.mime(),
                "size_bytes": size, "sha256": sha
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(e)
    }
    .await;
    match saved {
        Ok(e) => Ok(HttpResponse::Created().json(evidence_view(e))),
        Err(err) => {
            // The row was not written: the file must not linger without it.
            uploads::remove(up.path).await;
            Err(err)
        }
    }
}

/// Downloads an uploaded file (readers of the employee's performance data; 403 otherwise),
/// always as an attachment with its stored type.
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Evidence id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = FileBody),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "May not read this employee's realisasi", body = ErrorResponse),
        (status = 404, description = "No such evidence, or it is a link", body = ErrorResponse),
    )
)]
#[get("/evidence/{id}/file")]
pub async fn download_evidence(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Res<HttpResponse> {
    let db = &state.db.read;
    let e = store::realisasi::find_evidence(db, *id)
        .await?
        .ok_or_else(evidence_not_found)?;
    let r = store::realisasi::find(db, e.realisasi_id)
        .await?
        .ok_or_else(evidence_not_found)?;
    let owner = store::employees::find_by_id(db, r.employee_id)
        .await?
        .ok_or_else(evidence_not_found)?;
    policy::require(policy::can_read_performance(db, &p, &owner).await?)?;
    let (Some(key), Some(mime)) = (e.storage_key.as_deref(), e.content_type.as_deref()) else {
        return Err(ApiError::NotFound(
            "Bukti dukung ini berupa tautan, bukan berkas".into(),
        ));
    };
    uploads::serve(&state.settings, key, mime, e.file_name.as_deref())
        .await?
        .ok_or_else(|| ApiError::NotFound("Berkas bukti dukung tidak ditemukan".into()))
}

/// Removes a piece of evidence (the owner, while the period is open); a file is deleted
/// from disk too.
#[utoipa::path(
    tag = "realisasi",
    params(("id" = Uuid, Path, description = "Evidence id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the owner", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`period_not_open`", body = ErrorResponse),
    )
)]
#[delete("/evidence/{id}")]
pub async fn delete_evidence(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> Res<HttpResponse> {
    let txn = state.db.write.begin().await?;
    let e = store::realisasi::find_evidence(&txn, *id)
        .await?
        .ok_or_else(evidence_not_found)?;
    own_open_realisasi(&txn, &p, e.realisasi_id).await?;
    evidence::Entity::delete_by_id(e.id).exec(&txn).await?;
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
    Ok(HttpResponse::NoContent().finish())
}
