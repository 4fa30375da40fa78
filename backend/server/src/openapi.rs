//! The OpenAPI document: metadata and security schemes here; paths and schemas are
//! collected from the handlers by utoipa-actix-web when the app is assembled.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kinerja360 API",
        description = "Penilaian kinerja ASN 360 derajat. JSON REST API for the regional HR \
system (SIMPEG) and the Kinerja360 web app. Errors always use the envelope \
`{ \"error\": { \"code\", \"message\", \"fields\"?, \"rows\"? } }`. Lists return \
`{ \"items\", \"meta\": { \"page\", \"per_page\", \"total\" } }`.",
        license(name = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "health", description = "Liveness and database reachability"),
        (name = "auth", description = "Sign-in, tokens and the signed-in user"),
        (name = "units", description = "Unit kerja (master data from the HR system)"),
        (name = "employees", description = "Pegawai (master data from the HR system)"),
        (name = "reference", description = "Reference data"),
        (name = "api-keys", description = "API keys of integrating systems"),
        (name = "events", description = "Server-Sent Events"),
        (name = "public", description = "Citizen feedback without login (QR codes)"),
        (name = "feedback", description = "Feedback targets, tickets and moderation"),
        (name = "periods", description = "Evaluation periods and their states"),
        (name = "evaluations", description = "Supervisor ratings, predikat and period results"),
        (name = "audit", description = "The hash-chained audit log"),
        (name = "ikm", description = "Indeks Kepuasan Masyarakat and employee citizen index"),
    ),
    modifiers(&SecuritySchemes)
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_auth",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from POST /api/v1/auth/login (15 minutes). \
                         API keys (k360_…) are also accepted as a Bearer token.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-API-Key",
                "API key created by an admin (POST /api/v1/api-keys)",
            ))),
        );
    }
}

/// The complete document, as served at `/api-docs/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    crate::startup::openapi_of_app()
}

/// The document as pretty JSON with a trailing newline (the committed file's form).
pub fn spec_json() -> anyhow::Result<String> {
    let mut s = spec().to_pretty_json()?;
    s.push('\n');
    Ok(s)
}
