//! The 9-box (one employee, a unit tree), promotion candidates and placement. Unit-wide
//! lists are for admin/HR/auditor and the unit's leaders (checked in `app::talent`).

use actix_web::{HttpResponse, get, web};

use crate::app;
use crate::auth::Principal;
use crate::dto::talent::{
    CandidateList, EmployeeTalent, GridQuery, PlacementList, PlacementQuery, TalentGrid,
    TalentYearQuery, UnitQuery,
};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized, ValidationFailed};
use crate::state::AppState;

/// One employee's 9-box placement and its recommendations (the employee, their supervisor
/// chain, admin/HR/auditor).
#[utoipa::path(
    tag = "talent",
    params(("nip" = String, Path), TalentYearQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = EmployeeTalent),
        BadRequest, Unauthorized, Forbidden, NotFound, ValidationFailed,
    )
)]
#[get("/employees/{nip}/talent")]
pub async fn employee_talent(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    q: web::Query<TalentYearQuery>,
) -> ApiResult<web::Json<EmployeeTalent>> {
    Ok(web::Json(
        app::talent::employee_talent(&state, &p, &nip, q.year).await?,
    ))
}

/// The 9-box grid of a unit (and the units below it) with counts and names: admin, HR,
/// auditor, and the unit's leaders; ordinary employees get 403.
#[utoipa::path(
    tag = "talent",
    params(GridQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = TalentGrid),
        (status = 404, description = "Unknown unit", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, ValidationFailed,
    )
)]
#[get("/talent/grid")]
pub async fn talent_grid(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<GridQuery>,
) -> ApiResult<web::Json<TalentGrid>> {
    Ok(web::Json(
        app::talent::talent_grid(&state, &p, q.unit_code.as_deref(), q.year).await?,
    ))
}

/// Promotion candidates of a unit (and below): Baik or better in each of the last two
/// annual periods and box 7, 8 or 9, with the evidence. Admin/HR/auditor and unit leaders.
#[utoipa::path(
    tag = "talent",
    params(UnitQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = CandidateList),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/talent/candidates")]
pub async fn promotion_candidates(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<CandidateList>> {
    Ok(web::Json(
        app::talent::promotion_candidates(&state, &p, q.unit_code.as_deref()).await?,
    ))
}

/// The promotion candidates as CSV (same rule and visibility).
#[utoipa::path(
    tag = "talent",
    params(UnitQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/talent/candidates.csv")]
pub async fn promotion_candidates_csv(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<UnitQuery>,
) -> ApiResult<HttpResponse> {
    let rows = app::talent::promotion_candidates_csv(&state, &p, q.unit_code.as_deref()).await?;
    crate::api::csv_attachment("kandidat-promosi.csv", rows)
}

/// Who fits a vacant position: employees of the same jabatan family, with their latest
/// published predikat and 9-box (best first). Admin/HR/auditor, and unit leaders for their
/// unit.
#[utoipa::path(
    tag = "talent",
    params(PlacementQuery),
    security(("bearer_auth" = []), ("api_key" = ["talent:read"])),
    responses(
        (status = 200, body = PlacementList),
        (status = 422, description = "jabatan missing or too long", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden, NotFound,
    )
)]
#[get("/talent/placement")]
pub async fn placement(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<PlacementQuery>,
) -> ApiResult<web::Json<PlacementList>> {
    Ok(web::Json(
        app::talent::placement(&state, &p, q.jabatan.as_deref(), q.unit_code.as_deref()).await?,
    ))
}
