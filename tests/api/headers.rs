//! Security and cache headers the binary sends (ADR 0012): strict CSP, nosniff, referrer
//! and permissions policies, HSTS in production only, `no-store` on authenticated API
//! answers, immutable hashed assets and a revalidated `index.html`.

use crate::helpers::{ADMIN_EMAIL, PASSWORD, TestApp, spawn_app, spawn_app_with};
use kinerja::config::Environment;
use reqwest::Response;
use reqwest::header::HeaderMap;

fn one(headers: &HeaderMap, name: &str) -> String {
    let all: Vec<_> = headers.get_all(name).iter().collect();
    assert_eq!(all.len(), 1, "exactly one {name} header, got {all:?}");
    all[0].to_str().expect("ascii header").to_string()
}

/// The headers every response carries, whatever it is.
fn assert_baseline(headers: &HeaderMap) {
    assert_eq!(one(headers, "x-content-type-options"), "nosniff");
    assert_eq!(one(headers, "referrer-policy"), "no-referrer");
    assert_eq!(one(headers, "x-frame-options"), "DENY");
    let permissions = one(headers, "permissions-policy");
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"] {
        assert!(permissions.contains(feature), "{permissions}");
    }
    let csp = one(headers, "content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
}

/// The CSP's `script-src` allows this origin only: no inline script, no eval.
fn assert_script_src_self(headers: &HeaderMap) {
    let csp = one(headers, "content-security-policy");
    let script_src: Vec<_> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| d.starts_with("script-src"))
        .collect();
    assert_eq!(script_src, ["script-src 'self'"], "{csp}");
}

fn cache_control(resp: &Response) -> String {
    one(resp.headers(), "cache-control")
}

async fn get(app: &TestApp, path: &str) -> Response {
    app.client.get(app.url(path)).send().await.expect("request")
}

async fn sign_in(app: &TestApp) -> String {
    let resp = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "username": ADMIN_EMAIL, "password": PASSWORD }))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), 200);
    assert!(
        cache_control(&resp).contains("no-store"),
        "tokens are never stored"
    );
    let body: serde_json::Value = resp.json().await.expect("json");
    body["access_token"].as_str().expect("token").to_string()
}

/// A static folder like Vite's build output.
fn spa_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kinerja-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets")).expect("mkdir");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html><head><script type=\"module\" src=\"/assets/app-abc123.js\"></script>\
         </head><body><div id=\"root\"></div></body></html>",
    )
    .expect("index.html");
    std::fs::write(dir.join("assets/app-abc123.js"), "console.log('kinerja');").expect("asset");
    dir
}

#[tokio::test]
async fn an_api_response_carries_the_security_headers_and_a_policy_that_runs_nothing() {
    let app = spawn_app().await;
    let resp = get(&app, "/api/health").await;
    assert_eq!(resp.status(), 200);
    assert_baseline(resp.headers());
    let csp = one(resp.headers(), "content-security-policy");
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert!(
        resp.headers().get("strict-transport-security").is_none(),
        "no HSTS outside production"
    );
}

#[tokio::test]
async fn an_error_from_the_api_carries_the_security_headers_too() {
    let app = spawn_app().await;
    let resp = get(&app, "/api/v1/no-such-route").await;
    assert_eq!(resp.status(), 404);
    assert_baseline(resp.headers());
    let resp = get(&app, "/api/v1/me").await;
    assert_eq!(resp.status(), 401);
    assert_baseline(resp.headers());
    assert!(cache_control(&resp).contains("no-store"));
}

#[tokio::test]
async fn an_authenticated_api_response_is_never_cached() {
    let app = spawn_app().await;
    let token = sign_in(&app).await;
    for path in ["/api/v1/me", "/api/v1/units", "/api/v1/employees"] {
        let resp = app
            .client
            .get(app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(cache_control(&resp), "no-store", "{path}");
        assert_baseline(resp.headers());
    }
}

#[tokio::test]
async fn the_event_stream_opened_with_a_ticket_is_never_cached() {
    let app = spawn_app().await;
    let token = sign_in(&app).await;
    let resp = app.open_events(&token).await;
    assert_eq!(resp.status(), 200);
    assert!(cache_control(&resp).contains("no-store"));
}

#[tokio::test]
async fn production_adds_hsts_and_development_does_not() {
    let app = spawn_app_with(|s| s.env = Environment::Production).await;
    let resp = get(&app, "/api/health").await;
    let hsts = one(resp.headers(), "strict-transport-security");
    assert!(hsts.contains("max-age=31536000"), "{hsts}");
    let dev = spawn_app().await;
    let resp = get(&dev, "/api/health").await;
    assert!(resp.headers().get("strict-transport-security").is_none());
}

#[tokio::test]
async fn swagger_ui_gets_its_own_policy_with_scripts_from_this_origin_only() {
    let app = spawn_app().await;
    let resp = get(&app, "/swagger-ui/").await;
    assert_eq!(resp.status(), 200);
    assert_baseline(resp.headers());
    assert_script_src_self(resp.headers());
    let csp = one(resp.headers(), "content-security-policy");
    assert!(csp.contains("img-src 'self' data:"), "{csp}");
    let html = resp.text().await.expect("text");
    assert!(
        !html.contains("<script>"),
        "Swagger UI's page has no inline script"
    );
}

#[tokio::test]
async fn the_spa_index_is_revalidated_and_has_the_strict_policy() {
    let dir = spa_dir();
    let static_dir = dir.clone();
    let app = spawn_app_with(move |s| s.static_dir = static_dir).await;
    for path in ["/", "/index.html", "/me/results"] {
        let resp = get(&app, path).await;
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(cache_control(&resp), "no-cache", "{path}");
        assert_baseline(resp.headers());
        assert_script_src_self(resp.headers());
        assert!(
            resp.text()
                .await
                .expect("text")
                .contains("<div id=\"root\">")
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_a_missing_one_is_a_404() {
    let dir = spa_dir();
    let static_dir = dir.clone();
    let app = spawn_app_with(move |s| s.static_dir = static_dir).await;
    let resp = get(&app, "/assets/app-abc123.js").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(cache_control(&resp), "public, max-age=31536000, immutable");
    assert_baseline(resp.headers());
    let missing = get(&app, "/assets/app-000000.js").await;
    assert_eq!(missing.status(), 404);
    assert!(
        missing
            .headers()
            .get("cache-control")
            .is_none_or(|v| !v.to_str().unwrap_or("").contains("immutable"))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_citizen_form_keeps_its_own_policy_and_no_second_one_is_added() {
    let app = spawn_app().await;
    // An unknown token still renders the form's error page, through the same headers.
    let resp = get(&app, "/f/unknown-token").await;
    assert!(resp.status().is_client_error());
    let csp = one(resp.headers(), "content-security-policy");
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert_eq!(one(resp.headers(), "cache-control"), "no-store");
    assert_eq!(one(resp.headers(), "referrer-policy"), "no-referrer");
    assert_eq!(one(resp.headers(), "x-content-type-options"), "nosniff");
}
