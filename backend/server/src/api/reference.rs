//! Reference data: golongan/ruang with SIASN codes and pangkat; the BerAKHLAK values.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Principal;
use crate::domain::berakhlak::VALUES;
use crate::domain::golongan::{ALL, Golongan};
use crate::openapi::responses::Unauthorized;

pub use crate::dto::skp::BerakhlakValue;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_golongan).service(list_berakhlak);
}

/// Every golongan (PNS with pangkat and SIASN code, then PPPK I–XVII).
#[utoipa::path(
    tag = "reference",
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = [Golongan]),
        Unauthorized,
    )
)]
#[get("/reference/golongan")]
pub async fn list_golongan(_p: Principal) -> web::Json<Vec<Golongan>> {
    web::Json(ALL.to_vec())
}

/// The seven BerAKHLAK values in the official order, Indonesian wording with English.
#[utoipa::path(
    tag = "reference",
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = [BerakhlakValue]),
        Unauthorized,
    )
)]
#[get("/reference/berakhlak")]
pub async fn list_berakhlak(_p: Principal) -> web::Json<Vec<BerakhlakValue>> {
    web::Json(VALUES.iter().map(BerakhlakValue::from).collect())
}
