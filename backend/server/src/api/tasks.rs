//! The signed-in person's task inbox.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::app;
use crate::auth::Principal;
use crate::dto::tasks::TaskList;
use crate::error::ApiResult;
use crate::openapi::responses::Unauthorized;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(my_tasks);
}

/// My pending duties, computed now: SKPs to write, submit, revise or approve, 360 forms,
/// members to rate and finalise, peer nominations, appeal statements and decisions, units
/// blocking publication (HR), development plan items due, held citizen submissions (HR).
/// Each has a count, a deadline when it has one, and the SPA route where it is done.
#[utoipa::path(
    tag = "tasks",
    security(("bearer_auth" = [])),
    responses((status = 200, body = TaskList), Unauthorized)
)]
#[get("/me/tasks")]
pub async fn my_tasks(state: web::Data<AppState>, p: Principal) -> ApiResult<web::Json<TaskList>> {
    Ok(web::Json(app::tasks::my_tasks(&state, &p).await?))
}
