//! `GET /api/health`: liveness and database reachability.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` or `degraded`.
    pub status: String,
    /// `ok` or `unreachable`.
    pub database: String,
}

/// Health of the service and its database.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Service and database are up", body = Health),
        (status = 503, description = "The database is unreachable", body = Health),
    )
)]
#[get("/health")]
pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().json(Health {
            status: "ok".into(),
            database: "ok".into(),
        }),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            HttpResponse::ServiceUnavailable().json(Health {
                status: "degraded".into(),
                database: "unreachable".into(),
            })
        }
    }
}
