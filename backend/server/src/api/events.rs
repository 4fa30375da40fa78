//! `GET /api/v1/events`: Server-Sent Events for the signed-in user.
//!
//! Browsers' `EventSource` cannot send headers, so the access token may also be given as
//! the `access_token` query parameter (it is short-lived; the access log never records
//! query strings).

use actix_web::{HttpRequest, HttpResponse, get, web};
use futures_util::stream;
use serde::Deserialize;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{Principal, PrincipalKind, policy};
use crate::error::ErrorCode;
use crate::error::{ApiError, ApiResult};
use crate::openapi::responses::{BadRequest, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(stream_events);
}

#[derive(Deserialize, IntoParams)]
pub struct EventsQuery {
    /// Access token, for clients that cannot send an Authorization header (EventSource).
    pub access_token: Option<String>,
}

/// A stream of change notifications (`event: <kind>` with the ids to refetch), with a
/// comment line every 20 seconds to keep proxies from closing it.
#[utoipa::path(
    tag = "events",
    params(EventsQuery),
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "A stream of events", content_type = "text/event-stream", body = crate::api::SseEvent),
        BadRequest, Unauthorized,
    )
)]
#[get("/events")]
pub async fn stream_events(
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<EventsQuery>,
) -> ApiResult<HttpResponse> {
    let principal = match q.access_token.as_deref() {
        Some(token) => {
            let claims = state.jwt.verify(token).ok_or_else(|| {
                ApiError::unauthorized(
                    ErrorCode::InvalidToken,
                    "Token akses tidak valid atau sudah kedaluwarsa",
                )
            })?;
            Principal {
                kind: PrincipalKind::User {
                    user_id: claims.sub,
                },
                employee_id: claims.emp,
                roles: claims.roles,
                scopes: vec![],
            }
        }
        None => {
            use actix_web::FromRequest;
            Principal::extract(&req).await?
        }
    };
    let user = principal.user_id();
    let employee = principal.employee_id;
    let staff = policy::master::receives_staff_events(&principal);
    let rx = state.events.subscribe();
    let hello = web::Bytes::from_static(b"retry: 3000\nevent: ready\ndata: {}\n\n");
    let body = stream::unfold((rx, Some(hello)), move |(mut rx, first)| async move {
        if let Some(first) = first {
            return Some((Ok::<_, actix_web::Error>(first), (rx, None)));
        }
        loop {
            match tokio::time::timeout(Duration::from_secs(20), rx.recv()).await {
                Err(_) => {
                    return Some((Ok(web::Bytes::from_static(b": keep-alive\n\n")), (rx, None)));
                }
                Ok(Ok(ev)) if ev.is_for(user, employee, staff) => {
                    return Some((Ok(web::Bytes::from(ev.to_sse())), (rx, None)));
                }
                Ok(Ok(_)) => continue,
                Ok(Err(RecvError::Lagged(_))) => {
                    // Missed events: tell the client to refetch everything.
                    return Some((
                        Ok(web::Bytes::from_static(b"event: resync\ndata: {}\n\n")),
                        (rx, None),
                    ));
                }
                Ok(Err(RecvError::Closed)) => return None,
            }
        }
    });
    Ok(HttpResponse::Ok()
        .insert_header(("Content-Type", "text/event-stream"))
        .insert_header(("Cache-Control", "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(body))
}
