//! Use cases of `skp` (see `api::skp` for the HTTP side): the plan (read, write, copy,
//! the supervisor's RHK to link to), its workflow (submit, approve, return, expectations)
//! and the supervisor's approval inbox. Also what realisasi and coaching share with it:
//! finding an employee whose plans the caller may read, and this area's error values.

mod approvals;
mod plan;
mod workflow;

pub use approvals::list_approvals;
pub use plan::{copy_plan, get_plan, parent_options, save_plan};
pub use workflow::{decide, set_expectations, submit};

use sea_orm::ConnectionTrait;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::berakhlak::CoreValue;
use crate::domain::skp::{self as rules, RhkKind};
use crate::dto::skp::{ExpectationOut, ParentRhkRef, PersonRef, RhkOut, SkpOut, status_of};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;

pub(crate) fn employee_not_found(nip: &str) -> ApiError {
    ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan"))
}

pub(crate) fn skp_not_found(year: i32) -> ApiError {
    ApiError::not_found_coded(
        ErrorCode::SkpNotFound,
        format!("SKP tahun {year} belum dibuat"),
    )
}

fn skp_exists(year: i32) -> ApiError {
    ApiError::conflict(ErrorCode::SkpExists, format!("SKP tahun {year} sudah ada"))
}

/// 422 on `field` when the year is outside 2000–2100.
pub fn check_year(year: i32, field: &str) -> ApiResult<()> {
    if rules::year_is_valid(year) {
        Ok(())
    } else {
        Err(ApiError::field(field, "Tahun harus antara 2000 dan 2100"))
    }
}

/// A 422 naming every problem.
pub(crate) fn validation(problems: rules::FieldProblems) -> ApiError {
    let mut fields = FieldErrors::new();
    for (f, m) in problems {
        fields.entry(f).or_default().push(m);
    }
    ApiError::Validation(fields)
}

/// The employee by NIP, visible to the caller as performance data (404 otherwise, so an
/// invisible employee is not revealed).
pub(crate) async fn readable_employee<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    nip: &str,
) -> ApiResult<entity::employee::Model> {
    let e = employee_by_nip(conn, nip).await?;
    if !policy::plans::can_read_plans(conn, p, &e).await? {
        return Err(employee_not_found(nip));
    }
    Ok(e)
}

pub(crate) async fn employee_by_nip<C: ConnectionTrait>(
    conn: &C,
    nip: &str,
) -> ApiResult<entity::employee::Model> {
    store::employees::find_by_nip(conn, nip)
        .await?
        .ok_or_else(|| employee_not_found(nip))
}

/// The employee's plan of the year (404 `skp_not_found`).
async fn plan_of<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
    year: i32,
) -> ApiResult<entity::skp::Model> {
    store::skp::find(conn, employee_id, year)
        .await?
        .ok_or_else(|| skp_not_found(year))
}

/// The full view of a plan for the caller.
async fn view<C: ConnectionTrait>(
    conn: &C,
    p: &Principal,
    s: entity::skp::Model,
    employee: &entity::employee::Model,
) -> ApiResult<SkpOut> {
    let rhks = store::skp::list_rhks(conn, s.id).await?;
    let mut indicators =
        store::skp::list_indicators(conn, rhks.iter().map(|r| r.id).collect()).await?;
    let parents =
        store::skp::list_rhks_by_ids(conn, rhks.iter().filter_map(|r| r.parent_rhk_id).collect())
            .await?;
    let expectations: HashMap<String, String> = store::skp::list_expectations(conn, s.id)
        .await?
        .into_iter()
        .map(|e| (e.value_code, e.expectation))
        .collect();
    let approver = match s.approver_id {
        Some(id) => store::employees::find_by_id(conn, id).await?,
        None => None,
    };
    let unit_code = store::units::find_by_ids(conn, vec![s.unit_id])
        .await?
        .remove(&s.unit_id)
        .map(|u| u.code)
        .unwrap_or_default();
    let status = status_of(&s);
    Ok(SkpOut {
        id: s.id,
        year: s.year,
        status,
        return_reason: s.return_reason,
        employee: PersonRef::from(employee),
        approver: approver.as_ref().map(PersonRef::from),
        unit_code,
        jabatan: s.jabatan,
        rhk: rhks
            .into_iter()
            .map(|r| RhkOut {
                id: r.id,
                kind: RhkKind::parse(&r.kind).unwrap_or(RhkKind::Tambahan),
                parent_rhk: r
                    .parent_rhk_id
                    .and_then(|pid| parents.get(&pid))
                    .map(ParentRhkRef::from),
                indicators: indicators
                    .remove(&r.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(Into::into)
                    .collect(),
                description: r.description,
                position: r.position,
            })
            .collect(),
        expectations: CoreValue::ALL
            .into_iter()
            .map(|v| ExpectationOut {
                value_code: v,
                value_name: v.info().name_id.to_string(),
                expectation: expectations.get(v.as_str()).cloned(),
            })
            .collect(),
        submitted_at: s.submitted_at,
        decided_at: s.decided_at,
        created_at: s.created_at,
        updated_at: s.updated_at,
        can_edit: policy::plans::can_edit_plan(p, employee.id, status),
        can_decide: policy::plans::can_decide_plan(p, employee, status),
        can_set_expectations: policy::plans::decides_plan(p, employee),
    })
}

/// The RHK ids of the direct supervisor's plan of the year (valid parents).
async fn parent_ids<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    year: i32,
) -> ApiResult<HashSet<Uuid>> {
    let Some(sup) = employee.supervisor_id else {
        return Ok(HashSet::new());
    };
    let Some(plan) = store::skp::find(conn, sup, year).await? else {
        return Ok(HashSet::new());
    };
    Ok(store::skp::list_rhks(conn, plan.id)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// Inserts a new draft plan row (the unique index decides a concurrent race: 409).
async fn insert_draft<C: ConnectionTrait>(
    conn: &C,
    employee: &entity::employee::Model,
    year: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<entity::skp::Model> {
    store::skp::insert_skp(conn, employee, year, now)
        .await
        .map_err(|e| {
            if crate::error::violates(&e, "uq_skps_employee_year") {
                skp_exists(year)
            } else {
                ApiError::from(e)
            }
        })
}

fn publish(state: &AppState, nip: &str, year: i32, to: Uuid) {
    state.events.publish(
        EventKind::SkpUpdated,
        vec![nip.to_string(), year.to_string()],
        Audience::Employee(to),
    );
}
