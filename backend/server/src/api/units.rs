//! Units (unit kerja): list, read and idempotent upsert by code.

use actix_web::{HttpResponse, get, put, web};
use entity::unit;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{PageMeta, created_or_ok};
use crate::api::auth::validation;
use crate::auth::{Principal, policy};
use crate::domain::master::{UNIT_KINDS, is_valid_unit_code};
use crate::error::{ApiError, ApiResult, ErrorResponse, FieldErrors};
use crate::events::Audience;
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_units).service(get_unit).service(put_unit);
}

#[derive(Serialize, ToSchema)]
pub struct UnitOut {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// kecamatan, kelurahan, sekretariat, seksi, dinas, bidang, uptd or lainnya.
    #[schema(value_type = crate::api::UnitKind)]
    pub kind: String,
    pub parent_code: Option<String>,
    pub parent_name: Option<String>,
    /// Employees directly in this unit.
    pub employee_count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct UnitList {
    pub items: Vec<UnitOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, ToSchema, Validate)]
pub struct UnitUpsert {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    #[validate(length(
        min = 1,
        max = 200,
        message = "Nama unit wajib diisi (maksimal 200 karakter)"
    ))]
    pub name: String,
    /// Code of the parent unit; omit or null for a root unit.
    #[serde(default)]
    pub parent_code: Option<String>,
    /// One of kecamatan, kelurahan, sekretariat, seksi, dinas, bidang, uptd, lainnya.
    #[schema(value_type = crate::api::UnitKind)]
    pub kind: String,
}

#[derive(Deserialize, IntoParams)]
pub struct UnitQuery {
    /// Search in code and name.
    pub q: Option<String>,
    /// Only children of this unit.
    pub parent_code: Option<String>,
    /// Page number, from 1 (smaller values mean 1).
    #[param(minimum = 0)]
    pub page: Option<i32>,
    /// Items per page, 1–100 (default 20; larger values mean 100).
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}

/// Builds the response rows for units with their parents and counts (three queries).
async fn unit_views<C: sea_orm::ConnectionTrait>(
    conn: &C,
    units: Vec<unit::Model>,
) -> ApiResult<Vec<UnitOut>> {
    let parents =
        store::units::find_by_ids(conn, units.iter().filter_map(|u| u.parent_id).collect()).await?;
    let counts = store::units::employee_counts(conn, units.iter().map(|u| u.id).collect()).await?;
    Ok(units
        .into_iter()
        .map(|u| {
            let parent = u.parent_id.and_then(|p| parents.get(&p));
            UnitOut {
                employee_count: counts.get(&u.id).copied().unwrap_or(0),
                parent_code: parent.map(|p| p.code.clone()),
                parent_name: parent.map(|p| p.name.clone()),
                id: u.id,
                code: u.code,
                name: u.name,
                kind: u.kind,
            }
        })
        .collect())
}

/// Lists units, ordered by code.
#[utoipa::path(
    tag = "units",
    params(UnitQuery),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = UnitList),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 404, description = "Unknown parent_code", body = ErrorResponse),
    )
)]
#[get("/units")]
pub async fn list_units(
    state: web::Data<AppState>,
    _p: Principal,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<UnitList>> {
    let db = &state.db.read;
    let parent = super::unit_filter(db, q.parent_code.as_deref()).await?;
    let page = super::page_req(q.page, q.per_page)?;
    let (units, total) = store::units::list(db, q.q.as_deref(), parent, page).await?;
    Ok(web::Json(UnitList {
        items: unit_views(db, units).await?,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// Reads one unit by code.
#[utoipa::path(
    tag = "units",
    params(("code" = String, Path, description = "Unit code")),
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = UnitOut),
        (status = 401, body = ErrorResponse),
        (status = 404, body = ErrorResponse),
    )
)]
#[get("/units/{code}")]
pub async fn get_unit(
    state: web::Data<AppState>,
    _p: Principal,
    code: web::Path<String>,
) -> ApiResult<web::Json<UnitOut>> {
    let db = &state.db.read;
    let unit = store::units::find_by_code(db, &code)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Unit {code} tidak ditemukan")))?;
    let mut views = unit_views(db, vec![unit]).await?;
    Ok(web::Json(views.remove(0)))
}

/// Creates or updates a unit by its code (idempotent: the same body twice changes nothing).
#[utoipa::path(
    tag = "units",
    params(("code" = String, Path, description = "Unit code (letters, digits, - _ .)")),
    request_body = UnitUpsert,
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Updated or unchanged", body = UnitOut),
        (status = 201, description = "Created", body = UnitOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, description = "Invalid field, unknown parent or a cycle", body = ErrorResponse),
    )
)]
#[put("/units/{code}")]
pub async fn put_unit(
    state: web::Data<AppState>,
    p: Principal,
    code: web::Path<String>,
    body: web::Json<UnitUpsert>,
) -> ApiResult<HttpResponse> {
    policy::require_write_master(&p)?;
    let code = code.into_inner();
    let body = body.into_inner();
    let mut fields = match body.validate() {
        Ok(()) => FieldErrors::new(),
        Err(e) => match validation(e) {
            ApiError::Validation(f) => f,
            other => return Err(other),
        },
    };
    if !is_valid_unit_code(&code) {
        fields.entry("code".into()).or_default().push(
            "Kode unit hanya boleh huruf, angka, '-', '_' atau '.' (maksimal 64 karakter)".into(),
        );
    }
    if !UNIT_KINDS.contains(&body.kind.as_str()) {
        fields.entry("kind".into()).or_default().push(format!(
            "Jenis unit harus salah satu dari: {}",
            UNIT_KINDS.join(", ")
        ));
    }
    if body.name.trim().is_empty() && !fields.contains_key("name") {
        fields
            .entry("name".into())
            .or_default()
            .push("Nama unit wajib diisi".into());
    }
    if !fields.is_empty() {
        return Err(ApiError::Validation(fields));
    }
    // Two concurrent PUTs of one new code may both find no unit before either inserts; the
    // loser's insert hits the unique index. Retrying once finds the winner's unit, so the
    // upsert stays idempotent under races.
    let (view, created) = match upsert_unit(&state, &code, &body).await {
        Err(ApiError::Conflict { .. }) => upsert_unit(&state, &code, &body).await?,
        other => other?,
    };
    state
        .events
        .publish("unit_updated", vec![view.code.clone()], Audience::Everyone);
    Ok(created_or_ok(created, &view))
}

/// The checks that need the database and the write, in one transaction: the stored view
/// and whether the unit was created.
async fn upsert_unit(
    state: &AppState,
    code: &str,
    body: &UnitUpsert,
) -> ApiResult<(UnitOut, bool)> {
    let txn = state.db.write.begin().await?;
    let existing = store::units::find_by_code(&txn, code).await?;
    let parent_code = body
        .parent_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let parent_id = match parent_code {
        None => None,
        Some(pc) if pc == code => {
            return Err(ApiError::field(
                "parent_code",
                "Unit tidak boleh menjadi induk dirinya sendiri",
            ));
        }
        Some(pc) => {
            let parent = store::units::find_by_code(&txn, pc).await?.ok_or_else(|| {
                ApiError::field("parent_code", format!("Unit induk {pc} tidak ditemukan"))
            })?;
            if let Some(me) = &existing {
                let ancestors = store::units::ancestors(&txn, Some(parent.id)).await?;
                if ancestors.iter().any(|a| a.id == me.id) {
                    return Err(ApiError::field(
                        "parent_code",
                        format!(
                            "Unit {pc} berada di bawah {code}; susunan unit tidak boleh melingkar"
                        ),
                    ));
                }
            }
            Some(parent.id)
        }
    };
    let now = chrono::Utc::now();
    let name = body.name.trim().to_string();
    let (model, created) = match existing {
        Some(u) if u.name == name && u.kind == body.kind && u.parent_id == parent_id => (u, false),
        Some(u) => {
            let mut am: unit::ActiveModel = u.into();
            am.name = Set(name);
            am.kind = Set(body.kind.clone());
            am.parent_id = Set(parent_id);
            am.updated_at = Set(now);
            (am.update(&txn).await?, false)
        }
        None => {
            let am = unit::ActiveModel {
                id: Set(Uuid::now_v7()),
                code: Set(code.to_string()),
                name: Set(name),
                kind: Set(body.kind.clone()),
                parent_id: Set(parent_id),
                created_at: Set(now),
                updated_at: Set(now),
            };
            let m = am.insert(&txn).await.map_err(|e| {
                let text = e.to_string();
                if text.contains("uq_units_code") || text.contains("units.code") {
                    // The existence check above ran in this transaction: only a concurrent
                    // insert of the same code can get here.
                    ApiError::conflict(
                        "conflict",
                        format!(
                            "Unit {code} baru saja disimpan oleh permintaan lain; ulangi permintaan"
                        ),
                    )
                } else {
                    ApiError::from(e)
                }
            })?;
            (m, true)
        }
    };
    let view = unit_views(&txn, vec![model]).await?.remove(0);
    txn.commit().await?;
    Ok((view, created))
}
