//! The distribution curve per unit and period (SE MenPANRB 3/2023): the organisational
//! result set by the leader one level up, the unit's predikat distribution checked against
//! it, and the unit's finalisation.
//!
//! Invariants:
//! - the evaluations of a unit are those whose snapshot unit is exactly that unit; sub-units
//!   (a kelurahan under the kecamatan) are their own units with their own curve (our choice);
//! - the rules live in `domain::distribution` (limits rounded in the employees' favour;
//!   units below 5 employees warn, never block);
//! - finalising needs the org result, every evaluation of the unit final, and a conforming
//!   curve or an override reason (≥ 10 characters), which is recorded and audited;
//! - after finalisation the unit's ratings are frozen and nothing here changes again.

use actix_web::{get, post, put, web};
use chrono::{DateTime, Utc};
use entity::{org_result, period, unit};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::distribution::{CurveCheck, OrgResult, RuleCheck, SMALL_UNIT, check};
use crate::domain::period::PeriodState;
use crate::domain::predikat::Predikat;
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(set_org_result)
        .service(get_distribution)
        .service(finalise_unit)
        .service(list_unit_distributions);
}

/// Shortest override reason accepted.
const OVERRIDE_MIN: usize = 10;
const OVERRIDE_MAX: usize = 2000;

#[derive(Deserialize, ToSchema)]
pub struct OrgResultInput {
    pub result: OrgResult,
}

#[derive(Deserialize, ToSchema)]
pub struct FinaliseInput {
    /// Required (10–2000 characters) when the curve breaks in a unit of 5 or more.
    #[serde(default)]
    #[schema(min_length = 10, max_length = 2000)]
    pub override_reason: Option<String>,
}

/// Employees per predikat.
#[derive(Serialize, ToSchema, Default)]
pub struct PredikatCounts {
    pub sangat_baik: usize,
    pub baik: usize,
    pub butuh_perbaikan: usize,
    pub kurang: usize,
    pub sangat_kurang: usize,
}

/// Share of the unit's employees per predikat, in percent (one decimal).
#[derive(Serialize, ToSchema, Default)]
pub struct PredikatPercentages {
    pub sangat_baik: f64,
    pub baik: f64,
    pub butuh_perbaikan: f64,
    pub kurang: f64,
    pub sangat_kurang: f64,
}

/// A unit's distribution of predikat against its organisational result.
#[derive(Serialize, ToSchema)]
pub struct Distribution {
    pub period_id: Uuid,
    pub unit_code: String,
    pub unit_name: String,
    /// Null until the leader one level up sets it.
    pub org_result: Option<OrgResult>,
    pub org_result_label: Option<String>,
    /// Evaluated employees of the unit (snapshot unit, sub-units not included).
    pub employees: usize,
    pub counts: PredikatCounts,
    pub percentages: PredikatPercentages,
    /// The rules of the org result, each with its limit (employees, after rounding), the
    /// actual count and, when broken, a sentence saying what breaks. Empty without an org
    /// result.
    pub rules: Vec<RuleCheck>,
    /// Whether every rule holds; null without an org result.
    pub conforms: Option<bool>,
    /// Fewer than 5 evaluated employees: broken rules are warnings only.
    pub small_unit: bool,
    /// The warning shown for a small unit whose rules break.
    pub warning: Option<String>,
    /// Whether finalising needs an override reason.
    pub needs_override: bool,
    /// Evaluations of the unit still in draft.
    pub evaluations_not_final: usize,
    pub finalised: bool,
    pub finalised_at: Option<DateTime<Utc>>,
    /// Actor who finalised (`user:<id>`), as in the audit log.
    pub finalised_by: Option<String>,
    pub override_reason: Option<String>,
}

fn period_not_found() -> ApiError {
    ApiError::NotFound("Periode tidak ditemukan".into())
}

fn pct(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (n as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

/// Builds the distribution view from the unit's evaluations' predikats.
fn view(
    period_id: Uuid,
    unit: &unit::Model,
    org: Option<&org_result::Model>,
    predikats: &[Predikat],
    not_final: usize,
) -> Distribution {
    let n = predikats.len();
    let count = |p: Predikat| predikats.iter().filter(|x| **x == p).count();
    let counts = PredikatCounts {
        sangat_baik: count(Predikat::SangatBaik),
        baik: count(Predikat::Baik),
        butuh_perbaikan: count(Predikat::ButuhPerbaikan),
        kurang: count(Predikat::Kurang),
        sangat_kurang: count(Predikat::SangatKurang),
    };
    let percentages = PredikatPercentages {
        sangat_baik: pct(counts.sangat_baik, n),
        baik: pct(counts.baik, n),
        butuh_perbaikan: pct(counts.butuh_perbaikan, n),
        kurang: pct(counts.kurang, n),
        sangat_kurang: pct(counts.sangat_kurang, n),
    };
    let result = org.and_then(|o| OrgResult::parse(&o.result));
    let curve: Option<CurveCheck> = result.map(|r| check(r, predikats));
    let small_unit = n < SMALL_UNIT;
    let warning = curve.as_ref().filter(|c| c.warning_only).map(|c| {
        format!(
            "Unit ini hanya memiliki {n} pegawai yang dinilai (kurang dari {SMALL_UNIT}); \
             kurva distribusi tidak terpenuhi ({}) tetapi hanya menjadi peringatan.",
            c.broken().join(" ")
        )
    });
    Distribution {
        period_id,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        org_result: result,
        org_result_label: result.map(|r| r.label().to_string()),
        employees: n,
        counts,
        percentages,
        conforms: curve.as_ref().map(|c| c.conforms),
        needs_override: curve.as_ref().is_some_and(CurveCheck::needs_override),
        rules: curve.map(|c| c.rules).unwrap_or_default(),
        small_unit,
        warning,
        evaluations_not_final: not_final,
        finalised: org.is_some_and(|o| o.finalised_at.is_some()),
        finalised_at: org.and_then(|o| o.finalised_at),
        finalised_by: org.and_then(|o| o.finalised_by.clone()),
        override_reason: org.and_then(|o| o.override_reason.clone()),
    }
}

/// The predikats and the number of draft evaluations of a unit in a period.
async fn unit_state<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    unit_id: Uuid,
) -> ApiResult<(Vec<Predikat>, usize)> {
    let evals = store::results::evaluations(conn, period_id, Some(unit_id)).await?;
    let not_final = evals.iter().filter(|e| e.status != "final").count();
    let predikats = evals
        .iter()
        .filter_map(|e| Predikat::parse(&e.predikat))
        .collect();
    Ok((predikats, not_final))
}

async fn load_period_unit<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
    code: &str,
) -> ApiResult<(period::Model, unit::Model)> {
    let period = store::periods::find(conn, period_id)
        .await?
        .ok_or_else(period_not_found)?;
    let unit = store::units::find_by_code(conn, code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    Ok((period, unit))
}

fn refuse_published(period: &period::Model) -> ApiResult<()> {
    if PeriodState::parse(&period.state) == Some(PeriodState::Published) {
        return Err(ApiError::conflict(
            "period_published",
            "Periode sudah dipublikasikan; hasil unit tidak dapat diubah",
        ));
    }
    Ok(())
}

fn refuse_finalised(org: Option<&org_result::Model>) -> ApiResult<()> {
    if org.is_some_and(|o| o.finalised_at.is_some()) {
        return Err(ApiError::conflict(
            "unit_finalised",
            "Hasil unit kerja ini sudah difinalisasi",
        ));
    }
    Ok(())
}

/// Sets the unit's organisational result for the period (admin, HR, or a leader above the
/// unit: someone whose own unit is an ancestor of it and who supervises, directly or
/// indirectly, an employee of it). Not after finalisation or publication.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("code" = String, Path, description = "Unit code")),
    request_body = OrgResultInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = Distribution),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not HR/admin nor a leader above the unit", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`unit_finalised` or `period_published`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
    )
)]
#[put("/periods/{id}/units/{code}/org-result")]
pub async fn set_org_result(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<OrgResultInput>,
) -> ApiResult<web::Json<Distribution>> {
    let (period_id, code) = path.into_inner();
    let txn = state.db.write.begin().await?;
    let (period, unit) = load_period_unit(&txn, period_id, &code).await?;
    policy::require(policy::can_set_org_result(&txn, &p, &unit).await?)?;
    refuse_published(&period)?;
    let existing = store::results::find_org_result(&txn, period.id, unit.id).await?;
    refuse_finalised(existing.as_ref())?;
    let result = body.result.as_str();
    let now = Utc::now();
    let org = match existing {
        Some(o) if o.result == result => o,
        Some(o) => {
            let previous = o.result.clone();
            let mut am: org_result::ActiveModel = o.into();
            am.result = Set(result.into());
            am.set_by = Set(p.actor());
            am.updated_at = Set(now);
            let o = am.update(&txn).await?;
            audit_set(&txn, &p, &o, &unit, Some(&previous)).await?;
            o
        }
        None => {
            let o = org_result::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period.id),
                unit_id: Set(unit.id),
                result: Set(result.into()),
                set_by: Set(p.actor()),
                override_reason: Set(None),
                finalised_at: Set(None),
                finalised_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(|e| {
                if crate::error::violates(&e, "uq_org_results_period_unit") {
                    ApiError::conflict(
                        "org_result_conflict",
                        "Hasil unit ini baru saja disimpan dari tempat lain; muat ulang dan coba lagi",
                    )
                } else {
                    ApiError::from(e)
                }
            })?;
            audit_set(&txn, &p, &o, &unit, None).await?;
            o
        }
    };
    let (predikats, not_final) = unit_state(&txn, period.id, unit.id).await?;
    txn.commit().await?;
    state.events.publish(
        "distribution_updated",
        vec![period.id.to_string(), unit.code.clone()],
        Audience::Staff,
    );
    Ok(web::Json(view(
        period.id,
        &unit,
        Some(&org),
        &predikats,
        not_final,
    )))
}

async fn audit_set<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    o: &org_result::Model,
    unit: &unit::Model,
    previous: Option<&str>,
) -> ApiResult<()> {
    store::audit::append(
        conn,
        &p.actor(),
        "org_result.set",
        "org_result",
        &o.id.to_string(),
        json!({ "period": o.period_id, "unit": unit.code, "result": o.result, "previous": previous }),
    )
    .await?;
    Ok(())
}

/// The unit's distribution of predikat against its organisational result (admin, HR,
/// auditor, and the leaders of and above the unit).
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("code" = String, Path, description = "Unit code")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = Distribution),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/units/{code}/distribution")]
pub async fn get_distribution(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<Distribution>> {
    let (period_id, code) = path.into_inner();
    let db = &state.db.read;
    let (period, unit) = load_period_unit(db, period_id, &code).await?;
    policy::require(policy::can_read_distribution(db, &p, &unit).await?)?;
    let org = store::results::find_org_result(db, period.id, unit.id).await?;
    let (predikats, not_final) = unit_state(db, period.id, unit.id).await?;
    Ok(web::Json(view(
        period.id,
        &unit,
        org.as_ref(),
        &predikats,
        not_final,
    )))
}

/// Finalises the unit's results for the period (who may set the org result). Needs the org
/// result (409 `org_result_missing`), every evaluation of the unit final (409
/// `evaluations_not_final`), and a conforming curve — or, when it breaks in a unit of 5 or
/// more, an `override_reason` of at least 10 characters (else 409 `distribution_violated`,
/// listing the broken rules). Ratings of the unit are frozen afterwards.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id"), ("code" = String, Path, description = "Unit code")),
    request_body = FinaliseInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = Distribution),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 409, description = "`org_result_missing`, `evaluations_not_final`, `distribution_violated`, `unit_finalised` or `period_published`", body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Override reason shorter than 10 or longer than 2000 characters", body = ErrorResponse),
    )
)]
#[post("/periods/{id}/units/{code}/finalise")]
pub async fn finalise_unit(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
    body: web::Json<FinaliseInput>,
) -> ApiResult<web::Json<Distribution>> {
    let (period_id, code) = path.into_inner();
    let reason = body
        .override_reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    if let Some(r) = &reason {
        let len = r.chars().count();
        if len < OVERRIDE_MIN {
            return Err(ApiError::field(
                "override_reason",
                format!("Alasan minimal {OVERRIDE_MIN} karakter"),
            ));
        }
        if len > OVERRIDE_MAX {
            return Err(ApiError::field(
                "override_reason",
                format!("Alasan maksimal {OVERRIDE_MAX} karakter"),
            ));
        }
    }
    let txn = state.db.write.begin().await?;
    let (period, unit) = load_period_unit(&txn, period_id, &code).await?;
    policy::require(policy::can_set_org_result(&txn, &p, &unit).await?)?;
    refuse_published(&period)?;
    let org = store::results::find_org_result(&txn, period.id, unit.id).await?;
    refuse_finalised(org.as_ref())?;
    let Some(org) = org else {
        return Err(ApiError::conflict(
            "org_result_missing",
            "Hasil kinerja organisasi unit ini belum ditetapkan",
        ));
    };
    let Some(result) = OrgResult::parse(&org.result) else {
        return Err(anyhow::anyhow!("unknown org result {}", org.result).into());
    };
    let (predikats, not_final) = unit_state(&txn, period.id, unit.id).await?;
    if not_final > 0 {
        return Err(ApiError::conflict(
            "evaluations_not_final",
            format!("{not_final} penilaian di unit ini belum final"),
        ));
    }
    let curve = check(result, &predikats);
    if curve.needs_override() && reason.is_none() {
        return Err(ApiError::conflict(
            "distribution_violated",
            format!(
                "Distribusi predikat tidak sesuai kurva untuk hasil organisasi {}: {} \
                 Finalisasi memerlukan alasan (override_reason).",
                result.label(),
                curve.broken().join(" ")
            ),
        ));
    }
    let now = Utc::now();
    let mut am: org_result::ActiveModel = org.into();
    am.finalised_at = Set(Some(now));
    am.finalised_by = Set(Some(p.actor()));
    am.override_reason = Set(reason.clone());
    am.updated_at = Set(now);
    let org = am.update(&txn).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "org_result.finalise",
        "org_result",
        &org.id.to_string(),
        json!({
            "period": period.id, "unit": unit.code, "result": org.result,
            "employees": predikats.len(), "conforms": curve.conforms,
            "broken": curve.broken(), "override_reason": reason
        }),
    )
    .await?;
    txn.commit().await?;
    state.events.publish(
        "distribution_updated",
        vec![period.id.to_string(), unit.code.clone()],
        Audience::Staff,
    );
    Ok(web::Json(view(period.id, &unit, Some(&org), &predikats, 0)))
}

/// One unit in the period overview.
#[derive(Serialize, ToSchema)]
pub struct UnitDistributionSummary {
    pub unit_code: String,
    pub unit_name: String,
    pub employees: usize,
    pub org_result: Option<OrgResult>,
    pub conforms: Option<bool>,
    pub needs_override: bool,
    pub small_unit: bool,
    pub evaluations_not_final: usize,
    pub finalised: bool,
}

#[derive(Serialize, ToSchema)]
pub struct UnitDistributionList {
    pub period_id: Uuid,
    /// Units with evaluations or an org result in the period, by code.
    pub items: Vec<UnitDistributionSummary>,
}

/// Every unit of the period with evaluations or an org result: where its curve and
/// finalisation stand (admin, HR, auditor). Publishing needs all of them finalised.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Period id")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = UnitDistributionList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/periods/{id}/units")]
pub async fn list_unit_distributions(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<UnitDistributionList>> {
    policy::require(p.has_role("admin") || p.has_role("hr") || p.has_role("auditor"))?;
    let db = &state.db.read;
    let period = store::periods::find(db, *id)
        .await?
        .ok_or_else(period_not_found)?;
    let evals = store::results::evaluations(db, period.id, None).await?;
    let orgs = store::results::org_results_of_period(db, period.id).await?;
    let mut by_unit: HashMap<Uuid, (Vec<Predikat>, usize)> = HashMap::new();
    for e in &evals {
        let entry = by_unit.entry(e.unit_id).or_default();
        if let Some(pr) = Predikat::parse(&e.predikat) {
            entry.0.push(pr);
        }
        if e.status != "final" {
            entry.1 += 1;
        }
    }
    for u in orgs.keys() {
        by_unit.entry(*u).or_default();
    }
    let units = store::results::units_by_ids(db, by_unit.keys().copied()).await?;
    let mut items: Vec<UnitDistributionSummary> = by_unit
        .iter()
        .filter_map(|(unit_id, (predikats, not_final))| {
            let unit = units.get(unit_id)?;
            let v = view(period.id, unit, orgs.get(unit_id), predikats, *not_final);
            Some(UnitDistributionSummary {
                unit_code: v.unit_code,
                unit_name: v.unit_name,
                employees: v.employees,
                org_result: v.org_result,
                conforms: v.conforms,
                needs_override: v.needs_override,
                small_unit: v.small_unit,
                evaluations_not_final: v.evaluations_not_final,
                finalised: v.finalised,
            })
        })
        .collect();
    items.sort_by(|a, b| a.unit_code.cmp(&b.unit_code));
    Ok(web::Json(UnitDistributionList {
        period_id: period.id,
        items,
    }))
}
