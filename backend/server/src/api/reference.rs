//! Reference data: golongan/ruang with SIASN codes and pangkat, unit kinds.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Principal;
use crate::domain::golongan::{ALL, Golongan};
use crate::error::ErrorResponse;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_golongan);
}

/// Every golongan (PNS with pangkat and SIASN code, then PPPK I–XVII).
#[utoipa::path(
    tag = "reference",
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = [Golongan]),
        (status = 401, body = ErrorResponse),
    )
)]
#[get("/reference/golongan")]
pub async fn list_golongan(_p: Principal) -> web::Json<Vec<Golongan>> {
    web::Json(ALL.to_vec())
}
