//! The supervisor's ratings for a period and the results the HR system reads.
//!
//! Only the direct supervisor (pejabat penilai) rates, only while the period is open, and a
//! final evaluation is not changed again. The predikat always comes from the matrix.

use actix_web::{get, put, web};
use chrono::Utc;
use entity::evaluation;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::golongan;
use crate::domain::master::full_name;
use crate::domain::period::PeriodState;
use crate::domain::predikat::{Predikat, Rating, predikat};
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_evaluation).service(list_period_results);
}

#[derive(Deserialize, ToSchema)]
pub struct EvaluationInput {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    /// Why the behaviour rating differs from the 360 suggestion, when it does.
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
    pub code: u8,
    pub label: String,
    pub value: Predikat,
}

#[derive(Serialize, ToSchema)]
pub struct Penilai {
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub golongan: String,
    pub unit_code: String,
    pub unit_name: String,
}

/// One employee's result for a period.
#[derive(Serialize, ToSchema)]
pub struct ResultOut {
    pub nip: String,
    pub name: String,
    pub golongan: String,
    pub jabatan: String,
    pub unit_code: String,
    pub rating_hasil_kerja: Rating,
    /// SIASN hasilKinerjaNilai (1–3).
    pub rating_hasil_kerja_code: u8,
    pub rating_perilaku_kerja: Rating,
    /// SIASN perilakuKerjaNilai (1–3).
    pub rating_perilaku_kerja_code: u8,
    pub predikat: PredikatOut,
    pub penilai: Penilai,
    /// `draft`, `final` or `published`.
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ResultList {
    pub period_id: Uuid,
    pub items: Vec<ResultOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct ResultQuery {
    pub unit_code: Option<String>,
}

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

/// Sets the supervisor's two ratings for a subordinate (the direct supervisor only, while
/// the period is open). The predikat follows from the matrix.
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
        (status = 409, description = "Period not open, or the evaluation is final", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[put("/periods/{id}/evaluations/{nip}")]
pub async fn put_evaluation(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<EvaluationInput>,
) -> ApiResult<web::Json<ResultOut>> {
    let (period_id, nip) = path.into_inner();
    if body
        .justification
        .as_deref()
        .is_some_and(|j| j.chars().count() > 2000)
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
    let existing = evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(period_id))
        .filter(evaluation::Column::EmployeeId.eq(employee.id))
        .one(&txn)
        .await?;
    if existing.as_ref().is_some_and(|e| e.status == "final") {
        return Err(ApiError::conflict(
            "evaluation_final",
            "Penilaian ini sudah final dan tidak dapat diubah",
        ));
    }
    let p_value = predikat(body.rating_hasil_kerja, body.rating_perilaku);
    let now = Utc::now();
    let justification = body
        .justification
        .as_deref()
        .map(str::trim)
        .filter(|j| !j.is_empty())
        .map(str::to_string);
    let status = if body.r#final { "final" } else { "draft" };
    let model = match existing {
        Some(e) => {
            let mut am: evaluation::ActiveModel = e.into();
            am.rating_hasil_kerja = Set(body.rating_hasil_kerja.as_str().into());
            am.rating_perilaku = Set(body.rating_perilaku.as_str().into());
            am.predikat = Set(p_value.as_str().into());
            am.justification = Set(justification);
            am.status = Set(status.into());
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
                suggested_perilaku: Set(None),
                mean_360: Set(None),
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
            "predikat": model.predikat, "status": model.status
        }),
    )
    .await?;
    let out = result_views(&txn, &period.state, vec![model])
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("no view"))?;
    txn.commit().await?;
    Ok(web::Json(out))
}

async fn result_views<C: sea_orm::ConnectionTrait>(
    conn: &C,
    period_state: &str,
    list: Vec<evaluation::Model>,
) -> ApiResult<Vec<ResultOut>> {
    let mut people = list.iter().map(|e| e.employee_id).collect::<Vec<_>>();
    people.extend(list.iter().map(|e| e.penilai_id));
    let emps = store::employees::find_by_ids(conn, people).await?;
    let mut unit_ids: Vec<Uuid> = list.iter().map(|e| e.unit_id).collect();
    unit_ids.extend(list.iter().map(|e| e.penilai_unit_id));
    let units = store::units::find_by_ids(conn, unit_ids).await?;
    let published = period_state == PeriodState::Published.as_str();
    Ok(list
        .into_iter()
        .filter_map(|e| {
            let emp = emps.get(&e.employee_id)?;
            let pen = emps.get(&e.penilai_id)?;
            let hk = Rating::parse(&e.rating_hasil_kerja)?;
            let pk = Rating::parse(&e.rating_perilaku)?;
            let pr = Predikat::parse(&e.predikat)?;
            let unit = units.get(&e.unit_id);
            let pen_unit = units.get(&e.penilai_unit_id);
            let pen_gol = golongan::find(&pen.status, &e.penilai_golongan)
                .map_or(e.penilai_golongan.clone(), |g| g.code.to_string());
            Some(ResultOut {
                nip: emp.nip.clone(),
                name: full_name(
                    &emp.name,
                    emp.gelar_depan.as_deref(),
                    emp.gelar_belakang.as_deref(),
                ),
                golongan: e.golongan.clone(),
                jabatan: e.jabatan.clone(),
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                rating_hasil_kerja: hk,
                rating_hasil_kerja_code: hk.siasn_code(),
                rating_perilaku_kerja: pk,
                rating_perilaku_kerja_code: pk.siasn_code(),
                predikat: PredikatOut {
                    code: pr.siasn_code(),
                    label: pr.label().into(),
                    value: pr,
                },
                penilai: Penilai {
                    nip: pen.nip.clone(),
                    name: full_name(
                        &pen.name,
                        pen.gelar_depan.as_deref(),
                        pen.gelar_belakang.as_deref(),
                    ),
                    jabatan: e.penilai_jabatan.clone(),
                    golongan: pen_gol,
                    unit_code: pen_unit.map(|u| u.code.clone()).unwrap_or_default(),
                    unit_name: pen_unit.map(|u| u.name.clone()).unwrap_or_default(),
                },
                status: if published {
                    "published".into()
                } else {
                    e.status.clone()
                },
            })
        })
        .collect())
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
    policy::require(
        p.has_role("admin")
            || p.has_role("hr")
            || p.has_role("auditor")
            || p.has_scope("results:read"),
    )?;
    let db = &state.db.read;
    let period = store::periods::find(db, *id)
        .await?
        .ok_or_else(period_not_found)?;
    let mut query = evaluation::Entity::find().filter(evaluation::Column::PeriodId.eq(period.id));
    if let Some(unit_id) = super::unit_filter(db, q.unit_code.as_deref()).await? {
        query = query.filter(evaluation::Column::UnitId.eq(unit_id));
    }
    let list = query.all(db).await?;
    let mut items = result_views(db, &period.state, list).await?;
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code).then(a.name.cmp(&b.name)));
    Ok(web::Json(ResultList {
        period_id: period.id,
        items,
    }))
}
