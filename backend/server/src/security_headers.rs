//! Security and caching headers on every response the binary sends (ADR 0012).
//!
//! A header a handler set itself wins (the citizen form at `/f/{token}` sends its own CSP,
//! `Referrer-Policy` and `Cache-Control`), except that an API response to a request that
//! carried credentials, and every `/api/v1/me*` and `/api/v1/auth/*` response (tokens), is
//! always `no-store`.
//! `docker/nginx.conf` (with `docker/nginx-security-headers.conf`) sends the same policy for
//! what nginx serves itself; keep the two in step.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, web};

use crate::config::Environment;
use crate::state::AppState;

/// The SPA (and anything else not listed below): scripts only from this origin, never
/// inline; inline styles stay allowed for style attributes (charts).
pub const CSP_APP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; \
     manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// JSON, CSV and file responses of the API and the OpenAPI document: nothing may run.
pub const CSP_API: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Swagger UI: its scripts are files of this origin too; it needs inline styles and
/// `data:` images (its icons), and fetches the document from this origin.
pub const CSP_SWAGGER_UI: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
     frame-ancestors 'none'";

pub const REFERRER_POLICY: &str = "no-referrer";

pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
     bluetooth=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), \
     display-capture=()";

/// Sent in production only (`KINERJA_ENV=production`): a development server on plain HTTP
/// must not pin browsers to HTTPS for its host.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Vite's content-hashed build output.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Which policy a path gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    Api,
    SwaggerUi,
    Assets,
    /// The SPA's `index.html`, its client-side routes and other files of the static folder.
    App,
}

fn area(path: &str) -> Area {
    if path == "/api" || path.starts_with("/api/") || path.starts_with("/api-docs") {
        Area::Api
    } else if path == "/swagger-ui" || path.starts_with("/swagger-ui/") {
        Area::SwaggerUi
    } else if path.starts_with("/assets/") {
        Area::Assets
    } else {
        Area::App
    }
}

/// The request carried credentials: a bearer token, an API key, a cookie or an event
/// ticket (an access token in the URL is refused, but its answer is not cached either).
fn has_credentials(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    headers.contains_key(header::AUTHORIZATION)
        || headers.contains_key("x-api-key")
        || headers.contains_key(header::COOKIE)
        || req
            .query_string()
            .split('&')
            .any(|kv| matches!(kv.split('=').next(), Some("access_token" | "ticket")))
}

fn set_default(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    if !headers.contains_key(&name) {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

/// The middleware (`actix_web::middleware::from_fn(security_headers::apply)`).
pub async fn apply(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let path = req.path().to_owned();
    let area = area(&path);
    let credentials = has_credentials(&req);
    let production = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.settings.env == Environment::Production);
    // Handlers' and extractors' errors are responses by now (the JSON envelope), so they
    // get the headers too. The request must not be cloned before routing: actix needs it
    // unshared to record the path parameters.
    let mut res = next.call(req).await?;
    let status = res.status();
    let headers = res.headers_mut();

    let csp = match area {
        Area::Api => CSP_API,
        Area::SwaggerUi => CSP_SWAGGER_UI,
        Area::Assets | Area::App => CSP_APP,
    };
    set_default(headers, header::CONTENT_SECURITY_POLICY, csp);
    set_default(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_default(headers, header::REFERRER_POLICY, REFERRER_POLICY);
    set_default(headers, header::X_FRAME_OPTIONS, "DENY");
    set_default(
        headers,
        HeaderName::from_static("permissions-policy"),
        PERMISSIONS_POLICY,
    );
    set_default(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if production {
        set_default(headers, header::STRICT_TRANSPORT_SECURITY, HSTS);
    }

    match area {
        Area::Api => {
            // The caller's own data, and the tokens sign-in and refresh hand out.
            let personal = path.starts_with("/api/v1/me") || path.starts_with("/api/v1/auth/");
            let already = headers
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("no-store"));
            if (credentials || personal) && !already {
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            }
        }
        // A missing asset (404) must not be cached for a year.
        Area::Assets
            if status.is_success() || status == actix_web::http::StatusCode::NOT_MODIFIED =>
        {
            set_default(headers, header::CACHE_CONTROL, CACHE_IMMUTABLE);
        }
        Area::Assets | Area::App => {
            // index.html and the rest of the static folder revalidate on every load, so a
            // new release is picked up at once.
            set_default(headers, header::CACHE_CONTROL, "no-cache");
        }
        Area::SwaggerUi => {}
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fall_into_their_areas() {
        assert_eq!(area("/api/v1/me"), Area::Api);
        assert_eq!(area("/api-docs/openapi.json"), Area::Api);
        assert_eq!(area("/swagger-ui/"), Area::SwaggerUi);
        assert_eq!(area("/swagger-ui"), Area::SwaggerUi);
        assert_eq!(area("/assets/index-abc.js"), Area::Assets);
        assert_eq!(area("/me/results"), Area::App);
        assert_eq!(area("/f/abc"), Area::App);
        assert_eq!(area("/apix"), Area::App);
    }

    #[test]
    fn the_app_policy_allows_no_inline_script() {
        for csp in [CSP_APP, CSP_SWAGGER_UI] {
            assert!(csp.contains("script-src 'self';"));
            assert!(!csp.contains("unsafe-eval"));
            assert!(csp.contains("frame-ancestors 'none'"));
        }
    }
}
