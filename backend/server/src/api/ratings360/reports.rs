//! Reading a round: a ratee's aggregate, HR's progress and rater-quality views.

use actix_web::{get, web};
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::ratings360::*;
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::state::AppState;

/// A ratee's 360 aggregate for a period: per group the number of responses, and — once the
/// group may be shown — means per value, the group mean and the comments (text only);
/// the weighted mean with the weights used, the suggested rating perilaku and its formula.
/// For the ratee, their supervisor chain and admin/HR/auditor.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), ("nip" = String, Path, description = "The ratee")),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = SummaryOut),
        BadRequest, Unauthorized, NotFound,
    )
)]
#[get("/periods/{id}/employees/{nip}/360")]
pub async fn get_summary(
    state: web::Data<AppState>,
    p: Principal,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<SummaryOut>> {
    let (period_id, nip) = path.into_inner();
    let out = app::ratings360::summary(&state, &p, period_id, &nip).await?;
    Ok(web::Json(out))
}

/// How far a period's 360 round is (admin, HR, auditor): per unit of the ratees the forms
/// issued, submitted and pending and the nominations awaiting a decision; per unit of the
/// raters (at least the anonymity threshold of them) their pending forms pooled.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = ProgressOut),
        (status = 404, description = "Period or unit not found", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/periods/{id}/360/progress")]
pub async fn get_progress(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<ProgressOut>> {
    policy::require(policy::ratings360::can_read_all_360(&p))?;
    let out = app::ratings360::progress(&state, *id, q.unit_code.as_deref()).await?;
    Ok(web::Json(out))
}

/// Raters whose submitted responses in the period look unreliable (admin, HR, auditor
/// only): straight-lining, leniency or severity (z-score of the rater's mean against all
/// raters' means in their unit), only for raters with at least the anonymity threshold of
/// forms, never about the viewer's own raters, and never with a mean or a count.
#[utoipa::path(
    tag = "ratings360",
    params(("id" = Uuid, Path, description = "Period id"), UnitQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = QualityOut),
        (status = 404, description = "Period or unit not found", body = ErrorResponse),
        BadRequest, Unauthorized, Forbidden,
    )
)]
#[get("/periods/{id}/360/quality")]
pub async fn get_quality(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
    q: web::Query<UnitQuery>,
) -> ApiResult<web::Json<QualityOut>> {
    policy::require(policy::ratings360::can_read_all_360(&p))?;
    let out = app::ratings360::quality(&state, &p, *id, q.unit_code.as_deref()).await?;
    Ok(web::Json(out))
}
