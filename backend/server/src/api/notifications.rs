//! The signed-in account's notifications and email preferences (ADR 0024). Every route
//! acts on the caller's own account only; another account's notification is a 404.

use actix_web::{get, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::app;
use crate::auth::{Principal, policy};
use crate::dto::notifications::{
    MarkedRead, NotificationList, NotificationOut, NotificationQuery, Preferences, PreferencesInput,
};
use crate::error::ApiResult;
use crate::openapi::responses::{
    BadRequest, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType,
    ValidationFailed,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_notifications)
        .service(read_all_notifications)
        .service(read_notification)
        .service(get_notification_preferences)
        .service(put_notification_preferences);
}

/// The caller's notifications, newest first, with the unread count (`unread=true`: only
/// unread ones). `notification_created` on the event stream says a new one arrived.
#[utoipa::path(
    tag = "notifications",
    params(NotificationQuery),
    security(("bearer_auth" = [])),
    responses((status = 200, body = NotificationList), BadRequest, Unauthorized, Forbidden)
)]
#[get("/me/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    p: Principal,
    q: web::Query<NotificationQuery>,
) -> ApiResult<web::Json<NotificationList>> {
    policy::require(policy::has_inbox(&p))?;
    let page = super::page_req(q.page, q.per_page)?;
    let out = app::notifications::list(&state, &p, q.unread.unwrap_or(false), page).await?;
    Ok(web::Json(out))
}

/// Marks every unread notification of the caller read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_auth" = [])),
    responses((status = 200, body = MarkedRead), BadRequest, Unauthorized, Forbidden)
)]
#[post("/me/notifications/read-all")]
pub async fn read_all_notifications(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<MarkedRead>> {
    policy::require(policy::has_inbox(&p))?;
    let marked = app::notifications::mark_all_read(&state, &p).await?;
    Ok(web::Json(MarkedRead { marked }))
}

/// Marks one of the caller's notifications read (reading it again changes nothing).
#[utoipa::path(
    tag = "notifications",
    params(("id" = Uuid, Path, description = "Notification id")),
    security(("bearer_auth" = [])),
    responses((status = 200, body = NotificationOut), BadRequest, Unauthorized, Forbidden, NotFound)
)]
#[post("/me/notifications/{id}/read")]
pub async fn read_notification(
    state: web::Data<AppState>,
    p: Principal,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<NotificationOut>> {
    policy::require(policy::has_inbox(&p))?;
    Ok(web::Json(
        app::notifications::mark_read(&state, &p, *id).await?,
    ))
}

/// The caller's email preference per category (on unless switched off) and whether email
/// can reach them at all.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_auth" = [])),
    responses((status = 200, body = Preferences), BadRequest, Unauthorized, Forbidden)
)]
#[get("/me/notification-preferences")]
pub async fn get_notification_preferences(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<Preferences>> {
    policy::require(policy::has_inbox(&p))?;
    Ok(web::Json(
        app::notifications::preferences(&state, &p).await?,
    ))
}

/// Switches email on or off per category; categories left out keep their setting.
#[utoipa::path(
    tag = "notifications",
    request_body = PreferencesInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = Preferences),
        BadRequest, Unauthorized, Forbidden, ValidationFailed, PayloadTooLarge,
        UnsupportedMediaType,
    )
)]
#[put("/me/notification-preferences")]
pub async fn put_notification_preferences(
    state: web::Data<AppState>,
    p: Principal,
    body: web::Json<PreferencesInput>,
) -> ApiResult<web::Json<Preferences>> {
    policy::require(policy::has_inbox(&p))?;
    Ok(web::Json(
        app::notifications::set_preferences(&state, &p, &body).await?,
    ))
}
