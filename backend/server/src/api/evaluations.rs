//! The supervisor's ratings for a period, the supervisor's team view, the employee's own
//! published results with the "why", and the results the HR system reads.
//!
//! Invariants:
//! - only the direct supervisor (pejabat penilai) rates, only while the period is open,
//!   only when the employee's SKP for the year is approved, and not once the evaluation is
//!   final or the unit's distribution is finalised;
//! - the predikat always comes from the matrix (`domain::predikat`), never typed;
//! - when the 360 suggests another behaviour rating than the supervisor gives, a
//!   justification is required and kept with the suggestion and its mean;
//! - an employee sees their results only once the period is published.

use actix_web::{HttpResponse, get, put, web};
use chrono::{DateTime, Utc};
use entity::{evaluation, indicator, period, realisasi, rhk, skp};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::appeal::{MatrixCell, deadline, explain};
use crate::domain::golongan;
use crate::domain::master::full_name;
use crate::domain::period::PeriodState;
use crate::domain::predikat::{Predikat, Rating, predikat};
use crate::error::{ApiError, ApiResult, ErrorBody, ErrorResponse, FieldErrors};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;
use crate::store::results::ResultRow;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_evaluation)
        .service(list_period_results)
        .service(get_team)
        .service(my_results);
}

/// Longest justification accepted.
const JUSTIFICATION_MAX: usize = 2000;

#[derive(Deserialize, ToSchema)]
pub struct EvaluationInput {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    /// Why the behaviour rating differs from the 360 suggestion; required when it does.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub justification: Option<String>,
    /// Final evaluations cannot be changed any more.
    #[serde(default)]
    pub r#final: bool,
}

/// The predikat with its SIASN code.
#[derive(Serialize, ToSchema)]
pub struct PredikatOut {
    /// SIASN kuadranKinerjaNilai (1 Sangat Baik … 5 Sangat Kurang).
    pub code: u8,
    pub label: String,
    pub value: Predikat,
}

impl From<Predikat> for PredikatOut {
    fn from(p: Predikat) -> Self {
        PredikatOut {
            code: p.siasn_code(),
            label: p.label().into(),
            value: p,
        }
    }
}

/// A rating with its label and SIASN code.
#[derive(Serialize, ToSchema)]
pub struct RatingOut {
    pub value: Rating,
    pub label: String,
    /// SIASN code: 1 Di Atas, 2 Sesuai, 3 Di Bawah Ekspektasi.
    pub code: u8,
}

impl From<Rating> for RatingOut {
    fn from(r: Rating) -> Self {
        RatingOut {
            value: r,
            label: r.label().into(),
            code: r.siasn_code(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Penilai {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    /// As written on documents (`III/b`).
    pub golongan: String,
    pub unit_code: String,
    pub unit_name: String,
}

/// One employee's result for a period.
#[derive(Serialize, ToSchema)]
pub struct ResultOut {
    pub evaluation_id: Uuid,
    pub nip: String,
    pub name: String,
    pub golongan: String,
    pub jabatan: String,
    pub unit_code: String,
    pub unit_name: String,
    pub rating_hasil_kerja: Rating,
    /// SIASN hasilKinerjaNilai (1–3).
    pub rating_hasil_kerja_code: u8,
    pub rating_perilaku_kerja: Rating,
    /// SIASN perilakuKerjaNilai (1–3).
    pub rating_perilaku_kerja_code: u8,
    pub predikat: PredikatOut,
    /// The 360 suggestion for the behaviour rating when the supervisor rated, if any.
    pub suggested_perilaku: Option<Rating>,
    /// The weighted 360 mean (1–5) behind the suggestion.
    pub mean_360: Option<f64>,
    /// The supervisor's justification when the rating differs from the suggestion.
    pub justification: Option<String>,
    pub penilai: Penilai,
    /// `draft`, `final`, `published` or `under_appeal` (published with an open appeal).
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ResultList {
    pub period_id: Uuid,
    pub items: Vec<ResultOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct ResultQuery {
    /// Only the results of this (snapshot) unit.
    pub unit_code: Option<String>,
}

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// The status of a result as the HR system and the results screens show it.
pub fn result_status(period_state: &str, row: &ResultRow) -> &'static str {
    if period_state == PeriodState::Published.as_str() {
        if row.under_appeal() {
            "under_appeal"
        } else {
            "published"
        }
    } else if row.evaluation.status == "final" {
        "final"
    } else {
        "draft"
    }
}

/// A display name with titles.
pub fn display_name(e: &entity::employee::Model) -> String {
    full_name(
        &e.name,
        e.gelar_depan.as_deref(),
        e.gelar_belakang.as_deref(),
    )
}

/// The SIASN code of a snapshot golongan, as text (`32`); the written form when unknown.
pub fn golongan_siasn(status: &str, written: &str) -> String {
    golongan::find(status, written).map_or(written.to_string(), |g| g.siasn_code.to_string())
}

/// The result view of one row; `None` when stored values are not recognised.
pub fn result_out(period_state: &str, row: &ResultRow) -> Option<ResultOut> {
    let e = &row.evaluation;
    let hk = Rating::parse(&e.rating_hasil_kerja)?;
    let pk = Rating::parse(&e.rating_perilaku)?;
    let pr = Predikat::parse(&e.predikat)?;
    Some(ResultOut {
        evaluation_id: e.id,
        nip: row.employee.nip.clone(),
        name: display_name(&row.employee),
        golongan: e.golongan.clone(),
        jabatan: e.jabatan.clone(),
        unit_code: row
            .unit
            .as_ref()
            .map(|u| u.code.clone())
            .unwrap_or_default(),
        unit_name: row
            .unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        rating_hasil_kerja: hk,
        rating_hasil_kerja_code: hk.siasn_code(),
        rating_perilaku_kerja: pk,
        rating_perilaku_kerja_code: pk.siasn_code(),
        predikat: pr.into(),
        suggested_perilaku: e.suggested_perilaku.as_deref().and_then(Rating::parse),
        mean_360: e.mean_360,
        justification: e.justification.clone(),
        penilai: Penilai {
            nip: row.penilai.nip.clone(),
            name: display_name(&row.penilai),
            jabatan: e.penilai_jabatan.clone(),
            golongan: e.penilai_golongan.clone(),
            unit_code: row
                .penilai_unit
                .as_ref()
                .map(|u| u.code.clone())
                .unwrap_or_default(),
            unit_name: row
                .penilai_unit
                .as_ref()
                .map(|u| u.name.clone())
                .unwrap_or_default(),
        },
        status: result_status(period_state, row).into(),
    })
}

/// A 422 with a stable code of its own and the field it concerns (the shared error type
/// only pairs field lists with `validation_failed`).
fn justification_required(suggested: Rating) -> HttpResponse {
    let message = format!(
        "Rating perilaku berbeda dari saran 360 ({}); tuliskan alasannya",
        suggested.label()
    );
    let mut fields = FieldErrors::new();
    fields.insert("justification".into(), vec![message.clone()]);
    HttpResponse::UnprocessableEntity().json(ErrorResponse {
        error: ErrorBody {
            code: "justification_required".into(),
            message,
            fields: Some(fields),
            rows: None,
        },
    })
}

/// Sets the supervisor's two ratings for a subordinate (the direct supervisor only, while
/// the period is open, when the SKP of the year is approved). The predikat follows from
/// the matrix. When a 360 suggestion exists and the behaviour rating differs from it, a
/// justification is required (422 `justification_required`).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path)),
    request_body = EvaluationInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ResultOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not the employee's direct supervisor", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`period_not_open`, `evaluation_final`, `unit_finalised` or `skp_not_approved`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "`justification_required` (field `justification`) or a too long justification", body = ErrorResponse),
    )
)]
#[put("/periods/{id}/evaluations/{nip}")]
pub async fn put_evaluation(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<EvaluationInput>,
) -> ApiResult<HttpResponse> {
    let (period_id, nip) = path.into_inner();
    let justification = body
        .justification
        .as_deref()
        .map(str::trim)
        .filter(|j| !j.is_empty())
        .map(str::to_string);
    if justification
        .as_deref()
        .is_some_and(|j| j.chars().count() > JUSTIFICATION_MAX)
    {
        return Err(ApiError::field(
            "justification",
            "Alasan maksimal 2000 karakter",
        ));
    }
    let txn = state.db.write.begin().await?;
    let period = store::periods::find(&txn, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let employee = store::employees::find_by_nip(&txn, &nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    // Only the pejabat penilai: the direct supervisor in the hierarchy.
    let penilai_id = p
        .employee_id
        .filter(|me| employee.supervisor_id == Some(*me));
    let Some(penilai_id) = penilai_id else {
        return Err(ApiError::Forbidden);
    };
    if PeriodState::parse(&period.state) != Some(PeriodState::Open) {
        return Err(ApiError::conflict(
            "period_not_open",
            format!(
                "Penilaian hanya dapat diisi saat periode terbuka (status: {})",
                period.state
            ),
        ));
    }
    let penilai = store::employees::find_by_id(&txn, penilai_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("penilai vanished"))?;
    let existing = store::results::find_evaluation(&txn, period_id, employee.id).await?;
    if existing.as_ref().is_some_and(|e| e.status == "final") {
        return Err(ApiError::conflict(
            "evaluation_final",
            "Penilaian ini sudah final dan tidak dapat diubah",
        ));
    }
    // The unit the evaluation counts in: its snapshot, or the employee's unit for a new one.
    let unit_id = existing.as_ref().map_or(employee.unit_id, |e| e.unit_id);
    if store::results::is_unit_finalised(&txn, period_id, unit_id).await? {
        return Err(ApiError::conflict(
            "unit_finalised",
            "Hasil unit kerja ini sudah difinalisasi; penilaian tidak dapat diubah",
        ));
    }
    if !store::skp::is_approved(&txn, employee.id, period.year).await? {
        return Err(ApiError::conflict(
            "skp_not_approved",
            format!(
                "SKP {} tahun {} belum disetujui; hanya SKP yang disetujui yang dapat dinilai",
                employee.name, period.year
            ),
        ));
    }
    let suggestion =
        store::ratings360::suggestion(&txn, &state.settings, &period, employee.id).await?;
    if let Some(s) = suggestion
        && s.rating != body.rating_perilaku
        && justification.is_none()
    {
        return Ok(justification_required(s.rating));
    }
    let p_value = predikat(body.rating_hasil_kerja, body.rating_perilaku);
    let now = Utc::now();
    let status = if body.r#final { "final" } else { "draft" };
    let suggested = suggestion.map(|s| s.rating.as_str().to_string());
    let mean = suggestion.map(|s| s.mean);
    let model = match existing {
        Some(e) => {
            let mut am: evaluation::ActiveModel = e.into();
            am.rating_hasil_kerja = Set(body.rating_hasil_kerja.as_str().into());
            am.rating_perilaku = Set(body.rating_perilaku.as_str().into());
            am.predikat = Set(p_value.as_str().into());
            am.justification = Set(justification);
            am.status = Set(status.into());
            am.suggested_perilaku = Set(suggested);
            am.mean_360 = Set(mean);
            am.updated_at = Set(now);
            am.update(&txn).await?
        }
        None => {
            evaluation::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period_id),
                employee_id: Set(employee.id),
                penilai_id: Set(penilai.id),
                rating_hasil_kerja: Set(body.rating_hasil_kerja.as_str().into()),
                rating_perilaku: Set(body.rating_perilaku.as_str().into()),
                predikat: Set(p_value.as_str().into()),
                justification: Set(justification),
                status: Set(status.into()),
                golongan: Set(employee.golongan.clone()),
                jabatan: Set(employee.jabatan.clone()),
                unit_id: Set(employee.unit_id),
                penilai_golongan: Set(penilai.golongan.clone()),
                penilai_jabatan: Set(penilai.jabatan.clone()),
                penilai_unit_id: Set(penilai.unit_id),
                suggested_perilaku: Set(suggested),
                mean_360: Set(mean),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(|e| {
                // Two first submissions at once (PostgreSQL; SQLite has a single writer).
                if crate::error::violates(&e, "uq_evaluations_period_employee") {
                    ApiError::conflict(
                        "evaluation_conflict",
                        "Penilaian ini baru saja disimpan dari tempat lain; muat ulang dan coba lagi",
                    )
                } else {
                    ApiError::from(e)
                }
            })?
        }
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
    let out = store::results::rows(&txn, vec![model])
        .await?
        .first()
        .and_then(|row| result_out(&period.state, row))
        .ok_or_else(|| anyhow::anyhow!("no view"))?;
    txn.commit().await?;
    state.events.publish(
        "evaluation_updated",
        vec![evaluation_id.to_string()],
        Audience::Staff,
    );
    Ok(HttpResponse::Ok().json(out))
}

/// Results of a period per employee (HR, admin, auditor, API keys with `results:read`).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id"), ResultQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = ResultList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/results")]
pub async fn list_period_results(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> ApiResult<web::Json<ResultList>> {
    policy::require(policy::can_read_results(&p))?;
    let db = &state.db.read;
    let period = store::periods::find(db, *id)
        .await?
        .ok_or_else(period_not_found)?;
    let unit = super::unit_filter(db, q.unit_code.as_deref()).await?;
    let rows = store::results::load(db, period.id, unit).await?;
    let mut items: Vec<ResultOut> = rows
        .iter()
        .filter_map(|r| result_out(&period.state, r))
        .collect();
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code).then(a.name.cmp(&b.name)));
    Ok(web::Json(ResultList {
        period_id: period.id,
        items,
    }))
}

/// The 360 suggestion shown to the supervisor.
#[derive(Serialize, ToSchema)]
pub struct SuggestionOut {
    pub rating: Rating,
    /// The weighted 360 mean (1–5).
    pub mean: f64,
}

/// A subordinate's evaluation as the supervisor sees it.
#[derive(Serialize, ToSchema)]
pub struct TeamEvaluation {
    pub id: Uuid,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: PredikatOut,
    /// `draft` or `final`.
    pub status: String,
    pub justification: Option<String>,
    pub suggested_perilaku: Option<Rating>,
    pub mean_360: Option<f64>,
}

/// One direct subordinate and where their cycle stands.
#[derive(Serialize, ToSchema)]
pub struct TeamMember {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub unit_code: String,
    /// SKP of the period's year: `draft`, `submitted`, `approved`, `returned`, or null.
    pub skp_status: Option<String>,
    /// Indicators in the SKP of the year.
    pub indicators: u64,
    /// Indicators with realisasi recorded in this period.
    pub realisasi: u64,
    /// Submitted 360 responses about them in this period, all groups together (no
    /// per-rater detail).
    pub responses_360_submitted: u64,
    /// The 360 suggestion for the behaviour rating, when there is one.
    pub suggestion: Option<SuggestionOut>,
    pub evaluation: Option<TeamEvaluation>,
    /// `filed` or `decided` when the employee appealed.
    pub appeal_status: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TeamList {
    pub period_id: Uuid,
    pub items: Vec<TeamMember>,
}

/// Counts per key.
fn tally(keys: impl IntoIterator<Item = Uuid>) -> HashMap<Uuid, u64> {
    let mut out = HashMap::new();
    for k in keys {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

/// The signed-in supervisor's direct subordinates for a period: SKP status, indicators and
/// realisasi, the number of submitted 360 responses, the suggestion, the evaluation and any
/// appeal. Related rows load by id sets (one query per table); the 360 suggestion is
/// computed per subordinate (a team is small).
#[utoipa::path(
    tag = "evaluations",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = TeamList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "The account is not linked to an employee", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/team")]
pub async fn get_team(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TeamList>> {
    let Some(me) = p.employee_id else {
        return Err(ApiError::Forbidden);
    };
    let db = &state.db.read;
    let period = store::periods::find(db, *id)
        .await?
        .ok_or_else(period_not_found)?;
    let mut team = entity::employee::Entity::find()
        .filter(entity::employee::Column::SupervisorId.eq(me))
        .filter(entity::employee::Column::Active.eq(true))
        .all(db)
        .await?;
    team.sort_by(|a, b| a.name.cmp(&b.name));
    let ids: Vec<Uuid> = team.iter().map(|e| e.id).collect();
    let units = store::results::units_by_ids(db, team.iter().map(|e| e.unit_id)).await?;
    let skps: HashMap<Uuid, skp::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        skp::Entity::find()
            .filter(skp::Column::EmployeeId.is_in(ids.clone()))
            .filter(skp::Column::Year.eq(period.year))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.employee_id, s))
            .collect()
    };
    let skp_owner: HashMap<Uuid, Uuid> = skps.values().map(|s| (s.id, s.employee_id)).collect();
    let rhks: Vec<rhk::Model> = if skp_owner.is_empty() {
        Vec::new()
    } else {
        rhk::Entity::find()
            .filter(rhk::Column::SkpId.is_in(skp_owner.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
    };
    let rhk_owner: HashMap<Uuid, Uuid> = rhks
        .iter()
        .filter_map(|r| Some((r.id, *skp_owner.get(&r.skp_id)?)))
        .collect();
    let indicators: Vec<indicator::Model> = if rhk_owner.is_empty() {
        Vec::new()
    } else {
        indicator::Entity::find()
            .filter(indicator::Column::RhkId.is_in(rhk_owner.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
    };
    let indicator_counts = tally(
        indicators
            .iter()
            .filter_map(|i| rhk_owner.get(&i.rhk_id).copied()),
    );
    let realisasi_counts = if ids.is_empty() {
        HashMap::new()
    } else {
        tally(
            realisasi::Entity::find()
                .filter(realisasi::Column::PeriodId.eq(period.id))
                .filter(realisasi::Column::EmployeeId.is_in(ids.clone()))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.employee_id),
        )
    };
    let responses = if ids.is_empty() {
        HashMap::new()
    } else {
        tally(
            entity::rating_360::Entity::find()
                .filter(entity::rating_360::Column::PeriodId.eq(period.id))
                .filter(entity::rating_360::Column::RateeId.is_in(ids.clone()))
                .filter(entity::rating_360::Column::Status.eq("submitted"))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.ratee_id),
        )
    };
    let evaluations: HashMap<Uuid, evaluation::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        evaluation::Entity::find()
            .filter(evaluation::Column::PeriodId.eq(period.id))
            .filter(evaluation::Column::EmployeeId.is_in(ids.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.employee_id, e))
            .collect()
    };
    let appeals =
        store::results::appeals_by_evaluations(db, evaluations.values().map(|e| e.id)).await?;
    let mut items = Vec::with_capacity(team.len());
    for e in team {
        let suggestion = store::ratings360::suggestion(db, &state.settings, &period, e.id).await?;
        let evaluation = evaluations.get(&e.id);
        items.push(TeamMember {
            nip: e.nip.clone(),
            name: display_name(&e),
            jabatan: e.jabatan.clone(),
            unit_code: units
                .get(&e.unit_id)
                .map(|u| u.code.clone())
                .unwrap_or_default(),
            skp_status: skps.get(&e.id).map(|s| s.status.clone()),
            indicators: indicator_counts.get(&e.id).copied().unwrap_or(0),
            realisasi: realisasi_counts.get(&e.id).copied().unwrap_or(0),
            responses_360_submitted: responses.get(&e.id).copied().unwrap_or(0),
            suggestion: suggestion.map(|s| SuggestionOut {
                rating: s.rating,
                mean: s.mean,
            }),
            appeal_status: evaluation
                .and_then(|ev| appeals.get(&ev.id))
                .map(|a| a.status.clone()),
            evaluation: evaluation.and_then(|ev| {
                Some(TeamEvaluation {
                    id: ev.id,
                    rating_hasil_kerja: Rating::parse(&ev.rating_hasil_kerja)?,
                    rating_perilaku: Rating::parse(&ev.rating_perilaku)?,
                    predikat: Predikat::parse(&ev.predikat)?.into(),
                    status: ev.status.clone(),
                    justification: ev.justification.clone(),
                    suggested_perilaku: ev.suggested_perilaku.as_deref().and_then(Rating::parse),
                    mean_360: ev.mean_360,
                })
            }),
        });
    }
    Ok(web::Json(TeamList {
        period_id: period.id,
        items,
    }))
}

/// The period of a result as the employee sees it.
#[derive(Serialize, ToSchema)]
pub struct ResultPeriod {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub kind: String,
    pub number: i32,
    pub published_at: Option<DateTime<Utc>>,
}

/// The penilai as the employee sees them.
#[derive(Serialize, ToSchema)]
pub struct PenilaiRef {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
}

/// The employee's appeal against a result.
#[derive(Serialize, ToSchema)]
pub struct AppealRef {
    pub id: Uuid,
    /// `filed` or `decided`.
    pub status: String,
    /// `keep` or `change`, once decided.
    pub decision: Option<String>,
}

/// One published result of the signed-in employee, with the "why".
#[derive(Serialize, ToSchema)]
pub struct MyResult {
    pub period: ResultPeriod,
    pub evaluation_id: Uuid,
    pub rating_hasil_kerja: RatingOut,
    pub rating_perilaku: RatingOut,
    pub predikat: PredikatOut,
    /// The matrix cell the predikat comes from, explained in Indonesian.
    pub matrix: MatrixCell,
    /// The 360 suggestion for the behaviour rating when the supervisor rated.
    pub suggested_perilaku: Option<RatingOut>,
    /// The weighted 360 mean (1–5) behind the suggestion.
    pub mean_360: Option<f64>,
    /// The supervisor's reason when the rating differs from the suggestion.
    pub justification: Option<String>,
    pub penilai: PenilaiRef,
    /// `published` or `under_appeal`.
    pub status: String,
    pub appeal: Option<AppealRef>,
    /// The last instant an appeal may be filed: the end of the local day `appeal_days`
    /// days after publication.
    pub appeal_deadline: Option<DateTime<Utc>>,
    /// Whether the employee may still file an appeal.
    pub can_appeal: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MyResultList {
    pub items: Vec<MyResult>,
}

/// The signed-in employee's results of PUBLISHED periods, newest first, each with the
/// matrix cell and a sentence explaining the predikat, the 360 suggestion, the penilai,
/// and the appeal deadline and status. Unpublished evaluations never appear.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = MyResultList),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "The account is not linked to an employee", body = ErrorResponse),
    )
)]
#[get("/me/results")]
pub async fn my_results(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<MyResultList>> {
    let Some(me) = p.employee_id else {
        return Err(ApiError::Forbidden);
    };
    let db = &state.db.read;
    let mine = evaluation::Entity::find()
        .filter(evaluation::Column::EmployeeId.eq(me))
        .all(db)
        .await?;
    let periods: HashMap<Uuid, period::Model> = if mine.is_empty() {
        HashMap::new()
    } else {
        period::Entity::find()
            .filter(period::Column::Id.is_in(mine.iter().map(|e| e.period_id).collect::<Vec<_>>()))
            .filter(period::Column::State.eq(PeriodState::Published.as_str()))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let published: Vec<evaluation::Model> = mine
        .into_iter()
        .filter(|e| periods.contains_key(&e.period_id))
        .collect();
    let rows = store::results::rows(db, published).await?;
    let now = Utc::now();
    let settings = &state.settings;
    let mut items: Vec<MyResult> = rows
        .iter()
        .filter_map(|row| {
            let e = &row.evaluation;
            let per = periods.get(&e.period_id)?;
            let hk = Rating::parse(&e.rating_hasil_kerja)?;
            let pk = Rating::parse(&e.rating_perilaku)?;
            let deadline = per
                .published_at
                .map(|t| deadline(t, settings.appeal_days, settings.local_offset()));
            Some(MyResult {
                period: ResultPeriod {
                    id: per.id,
                    name: per.name.clone(),
                    year: per.year,
                    kind: per.kind.clone(),
                    number: per.number,
                    published_at: per.published_at,
                },
                evaluation_id: e.id,
                rating_hasil_kerja: hk.into(),
                rating_perilaku: pk.into(),
                predikat: predikat(hk, pk).into(),
                matrix: explain(hk, pk),
                suggested_perilaku: e
                    .suggested_perilaku
                    .as_deref()
                    .and_then(Rating::parse)
                    .map(Into::into),
                mean_360: e.mean_360,
                justification: e.justification.clone(),
                penilai: PenilaiRef {
                    nip: row.penilai.nip.clone(),
                    name: display_name(&row.penilai),
                    jabatan: e.penilai_jabatan.clone(),
                },
                status: result_status(&per.state, row).into(),
                appeal: row.appeal.as_ref().map(|a| AppealRef {
                    id: a.id,
                    status: a.status.clone(),
                    decision: a.decision.clone(),
                }),
                can_appeal: row.appeal.is_none() && deadline.is_some_and(|d| now <= d),
                appeal_deadline: deadline,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (b.period.year, &b.period.kind, b.period.number).cmp(&(
            a.period.year,
            &a.period.kind,
            a.period.number,
        ))
    });
    Ok(web::Json(MyResultList { items }))
}
