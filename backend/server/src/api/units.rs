//! Units (unit kerja): list, read and idempotent upsert by code.

use actix_web::{HttpResponse, get, put, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::created_or_ok;
use crate::app;
use crate::auth::Principal;
use crate::dto::units::{UnitList, UnitOut, UnitQuery, UnitUpsert};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_units).service(get_unit).service(put_unit);
}

/// Lists units, ordered by code.
#[utoipa::path(
    tag = "units",
    params(UnitQuery),
    security(("bearer_auth" = []), ("api_key" = ["master:read"]), ("api_key" = ["master:write"])),
    responses(
        (status = 200, body = UnitList),
        (status = 404, description = "Unknown parent_code", body = ErrorResponse),
        BadRequest, Unauthorized,
    )
)]
#[get("/units")]
pub async fn list_units(
    state: web::Data<AppState>,
    _p: Principal,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<UnitList>> {
    let page = super::page_req(q.page, q.per_page)?;
    let list =
        app::units::list_units(&state, q.q.as_deref(), q.parent_code.as_deref(), page).await?;
    Ok(web::Json(list))
}

/// Reads one unit by code.
#[utoipa::path(
    tag = "units",
    params(("code" = String, Path, description = "Unit code")),
    security(("bearer_auth" = []), ("api_key" = ["master:read"]), ("api_key" = ["master:write"])),
    responses(
        (status = 200, body = UnitOut),
        Unauthorized, NotFound,
    )
)]
#[get("/units/{code}")]
pub async fn get_unit(
    state: web::Data<AppState>,
    _p: Principal,
    code: web::Path<String>,
) -> ApiResult<web::Json<UnitOut>> {
    Ok(web::Json(app::units::get_unit(&state, &code).await?))
}

/// Creates or updates a unit by its code (idempotent: the same body twice changes nothing).
#[utoipa::path(
    tag = "units",
    params(("code" = String, Path, description = "Unit code (letters, digits, - _ .)")),
    request_body = UnitUpsert,
    security(("bearer_auth" = []), ("api_key" = ["master:write"])),
    responses(
        (status = 200, description = "Updated or unchanged", body = UnitOut),
        (status = 201, description = "Created", body = UnitOut),
        (status = 422, description = "Invalid field, unknown parent or a cycle", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, PayloadTooLarge, UnsupportedMediaType,
    )
)]
#[put("/units/{code}")]
pub async fn put_unit(
    state: web::Data<AppState>,
    p: Principal,
    code: web::Path<String>,
    body: web::Json<UnitUpsert>,
) -> ApiResult<HttpResponse> {
    let (view, created) = app::units::put_unit(&state, &p, &code, &body).await?;
    Ok(created_or_ok(created, &view))
}
