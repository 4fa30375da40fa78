//! `GET /api/v1/events`: Server-Sent Events for the signed-in user.
//!
//! Browsers' `EventSource` cannot send headers, so a browser first takes a single-use
//! ticket (`POST /events/ticket`, valid 30 s) and opens `GET /events?ticket=…`. An access
//! token in the URL is refused with 401 `token_in_url` (ADR 0016).

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use futures_util::stream;
use serde::Deserialize;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::app;
use crate::auth::{Principal, extract, policy};
use crate::dto::auth::EventTicket;
use crate::error::{ApiError, ApiResult};
use crate::error::{ErrorCode, ErrorResponse};
use crate::openapi::responses::{BadRequest, Unauthorized};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(stream_events).service(create_event_ticket);
}

#[derive(Deserialize, IntoParams)]
pub struct EventsQuery {
    /// A single-use ticket from `POST /events/ticket`, for clients that cannot send an
    /// Authorization header (EventSource).
    pub ticket: Option<String>,
    /// Refused: an access token never travels in a URL (401 `token_in_url`).
    #[deprecated]
    pub access_token: Option<String>,
}

/// A single-use ticket, valid 30 seconds, that opens the event stream
/// (`GET /events?ticket=…`) for the signed-in user.
#[utoipa::path(
    tag = "events",
    security(("bearer_auth" = [])),
    responses(
        (status = 200, body = EventTicket),
        (status = 403, description = "Called with an API key (send the header to /events instead)", body = ErrorResponse),
        Unauthorized,
    )
)]
#[post("/events/ticket")]
pub async fn create_event_ticket(
    state: web::Data<AppState>,
    p: Principal,
) -> ApiResult<web::Json<EventTicket>> {
    Ok(web::Json(app::auth::event_ticket(&state, &p).await?))
}

/// A stream of change notifications (`event: <kind>` with the ids to refetch), with a
/// comment line every 20 seconds to keep proxies from closing it. Opened with a ticket
/// (`?ticket=`) or the Authorization header; 401 `token_in_url` for `?access_token=`,
/// 401 `invalid_ticket` for an unknown, used or expired ticket.
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
    #[allow(deprecated)]
    let token_in_url = q.access_token.is_some();
    if token_in_url {
        return Err(ApiError::unauthorized(
            ErrorCode::TokenInUrl,
            "Token akses tidak boleh dikirim di URL; gunakan tiket dari POST /api/v1/events/ticket",
        ));
    }
    let (principal, session) = match q.ticket.as_deref() {
        Some(ticket) => {
            let (p, version) = app::auth::redeem_event_ticket(&state, ticket).await?;
            let session = p.user_id().map(|u| (u, version));
            (p, session)
        }
        None => {
            use actix_web::FromRequest;
            let p = Principal::extract(&req).await?;
            (p, extract::bearer_session(&state, &req))
        }
    };
    let user = principal.user_id();
    let employee = principal.employee_id;
    let staff = policy::master::receives_staff_events(&principal);
    let rx = state.events.subscribe();
    let hello = web::Bytes::from_static(b"retry: 3000\nevent: ready\ndata: {}\n\n");
    let live = state.clone();
    let body = stream::unfold((rx, Some(hello)), move |(mut rx, first)| {
        let live = live.clone();
        async move {
            if let Some(first) = first {
                return Some((Ok::<_, actix_web::Error>(first), (rx, None)));
            }
            loop {
                // The stream ends with its session (sign-out, reset, role change, deactivation);
                // the client's reconnect then needs a new ticket.
                if let Some((user, version)) = session
                    && extract::check_session(&live, user, version).await.is_err()
                {
                    return None;
                }
                match tokio::time::timeout(Duration::from_secs(20), rx.recv()).await {
                    Err(_) => {
                        return Some((
                            Ok(web::Bytes::from_static(b": keep-alive\n\n")),
                            (rx, None),
                        ));
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
        }
    });
    Ok(HttpResponse::Ok()
        .insert_header(("Content-Type", "text/event-stream"))
        .insert_header(("Cache-Control", "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(body))
}
