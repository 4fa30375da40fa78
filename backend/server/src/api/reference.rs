//! Reference data: golongan/ruang with SIASN codes and pangkat; the BerAKHLAK values.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Principal;
use crate::domain::berakhlak::{CoreValue, VALUES};
use crate::domain::golongan::{ALL, Golongan};
use crate::error::ErrorResponse;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_golongan).service(list_berakhlak);
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

/// A BerAKHLAK core value with its three behaviour indicators.
#[derive(Serialize, ToSchema)]
pub struct BerakhlakValue {
    pub code: CoreValue,
    /// 1–7 in the official order.
    pub number: u8,
    pub name: String,
    pub name_en: String,
    pub indicators: Vec<String>,
    pub indicators_en: Vec<String>,
}

/// The seven BerAKHLAK values in the official order, Indonesian wording with English.
#[utoipa::path(
    tag = "reference",
    security(("bearer_auth" = []), ("api_key" = [])),
    responses(
        (status = 200, body = [BerakhlakValue]),
        (status = 401, body = ErrorResponse),
    )
)]
#[get("/reference/berakhlak")]
pub async fn list_berakhlak(_p: Principal) -> web::Json<Vec<BerakhlakValue>> {
    web::Json(
        VALUES
            .iter()
            .map(|v| BerakhlakValue {
                code: v.value,
                number: v.number,
                name: v.name_id.into(),
                name_en: v.name_en.into(),
                indicators: v.indicators_id.iter().map(|s| s.to_string()).collect(),
                indicators_en: v.indicators_en.iter().map(|s| s.to_string()).collect(),
            })
            .collect(),
    )
}
