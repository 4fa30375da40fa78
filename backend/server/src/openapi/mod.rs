//! The OpenAPI document: metadata and security schemes here; paths and schemas are
//! collected from the handlers by utoipa-actix-web (`assemble`). This module imports no
//! other module of the crate: `api::spec()` hands it the routes.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
pub mod gate;
pub mod responses;

use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;
use utoipa_actix_web::service_config::ServiceConfig;

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
        (name = "notifications", description = "In-app notifications and email preferences of the signed-in account"),
        (name = "webhooks", description = "Signed event deliveries to the HR system (docs/webhooks.md)"),
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
        for (_, name, description) in responses::SHARED {
            components.responses.insert(
                (*name).to_string(),
                responses::component(description).into(),
            );
        }
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-API-Key",
                "API key created by an admin (POST /api/v1/api-keys)",
            ))),
        );
    }
}

/// The document of an app whose routes `configure` mounts (paths and schemas collected from
/// the handlers), as served at `/api-docs/openapi.json`. `api::spec()` calls it with the
/// API's routes, so this module needs nothing from `api` or `startup`.
pub fn assemble(configure: impl FnOnce(&mut ServiceConfig)) -> utoipa::openapi::OpenApi {
    let (_, api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(configure)
        .split_for_parts();
    nullable_formats_as_one_of(api)
}

/// A document as pretty JSON with a trailing newline (the committed file's form).
pub fn to_json(spec: &utoipa::openapi::OpenApi) -> anyhow::Result<String> {
    let mut s = spec.to_pretty_json()?;
    s.push('\n');
    Ok(s)
}

/// Rewrites `{"type": [T, "null"], "format": F}` (utoipa's form of an optional date, uuid,
/// …) into `{"oneOf": [{"type": T, "format": F}, {"type": "null"}]}`. Both say the same in
/// OpenAPI 3.1, but generators such as schemathesis honour a format only on a single type,
/// and would otherwise send `""` for an optional date and call the 400 a server bug.
pub fn nullable_formats_as_one_of(api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                let nullable_pair = map.get("type").and_then(|t| t.as_array()).and_then(|t| {
                    (t.len() == 2 && t.iter().any(|x| x == "null"))
                        .then(|| t.iter().find(|x| *x != "null").cloned())
                        .flatten()
                });
                if let (Some(base), Some(format)) = (nullable_pair, map.get("format").cloned()) {
                    let mut inner = serde_json::Map::new();
                    inner.insert("type".into(), base);
                    inner.insert("format".into(), format);
                    for k in ["minimum", "maximum", "minLength", "maxLength", "pattern"] {
                        if let Some(x) = map.remove(k) {
                            inner.insert(k.into(), x);
                        }
                    }
                    map.remove("type");
                    map.remove("format");
                    map.insert(
                        "oneOf".into(),
                        serde_json::json!([inner, { "type": "null" }]),
                    );
                }
                for (_, child) in map.iter_mut() {
                    walk(child);
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let Ok(mut json) = serde_json::to_value(&api) else {
        return api;
    };
    walk(&mut json);
    // Documentation types (`…Doc`) describe closed objects: keys beyond theirs are refused.
    if let Some(schemas) = json
        .pointer_mut("/components/schemas")
        .and_then(|s| s.as_object_mut())
    {
        for (name, schema) in schemas.iter_mut() {
            if name.ends_with("Doc")
                && let Some(obj) = schema.as_object_mut()
                && obj.contains_key("properties")
            {
                obj.insert(
                    "additionalProperties".into(),
                    serde_json::Value::Bool(false),
                );
            }
        }
    }
    gate::document(&mut json);
    serde_json::from_value(json).unwrap_or(api)
}
