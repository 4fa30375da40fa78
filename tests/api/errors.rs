//! The error envelope everywhere: extractor rejections (JSON, path, query, size, media
//! type), unknown endpoints, and no internals (SQL, panics, traces) in any answer.

use crate::helpers::{ADMIN_EMAIL, TestApp, assert_error, spawn_app, spawn_app_with};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

/// Sends a raw body with the given content type (none when `None`).
async fn send_raw(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    content_type: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> Response {
    let mut req = app
        .client
        .request(method, app.url(path))
        .bearer_auth(token)
        .body(body);
    if let Some(ct) = content_type {
        req = req.header("Content-Type", ct);
    }
    req.send().await.expect("request")
}

async fn put_unit_raw(
    app: &TestApp,
    token: &str,
    content_type: Option<&str>,
    body: &str,
) -> Response {
    send_raw(
        app,
        Method::PUT,
        "/api/v1/units/CKN",
        token,
        content_type,
        body.to_string(),
    )
    .await
}

/// Words that must never reach a client.
const LEAKS: [&str; 8] = [
    "SELECT",
    "INSERT",
    "sqlx",
    "panicked",
    "stack backtrace",
    "RUST_BACKTRACE",
    ".rs:",
    "DbErr",
];

fn assert_no_leak(body: &str) {
    for word in LEAKS {
        assert!(!body.contains(word), "response leaks {word:?}: {body}");
    }
}

#[tokio::test]
async fn malformed_json_is_400_invalid_json() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = put_unit_raw(&app, &token, Some("application/json"), r#"{"name": "CKN""#).await;

    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_json").await;
}

#[tokio::test]
async fn an_empty_json_body_is_400_invalid_json() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = put_unit_raw(&app, &token, Some("application/json"), "").await;

    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_json").await;
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_400_invalid_body() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .put_json(
            "/api/v1/units/CKN",
            &token,
            &json!({ "name": 123, "kind": "kecamatan" }),
        )
        .await;

    let body = assert_error(resp, StatusCode::BAD_REQUEST, "invalid_body").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("string")
    );
}

#[tokio::test]
async fn json_missing_a_required_field_is_400_invalid_body() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .put_json("/api/v1/units/CKN", &token, &json!({ "name": "Kecamatan" }))
        .await;

    let body = assert_error(resp, StatusCode::BAD_REQUEST, "invalid_body").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("kind")
    );
}

#[tokio::test]
async fn a_wrong_content_type_on_a_json_endpoint_is_415() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let body = r#"{"name":"Kecamatan","kind":"kecamatan"}"#;

    let text = put_unit_raw(&app, &token, Some("text/plain"), body).await;
    let form = put_unit_raw(
        &app,
        &token,
        Some("application/x-www-form-urlencoded"),
        body,
    )
    .await;
    let none = put_unit_raw(&app, &token, None, body).await;

    for resp in [text, form, none] {
        assert_error(
            resp,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        )
        .await;
    }
    let missing = app.get("/api/v1/units/CKN", &token).await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    // Arrange
    let app = spawn_app_with(|s| s.max_body_bytes = 1024).await;
    let token = app.admin_token().await;
    let big = json!({ "name": "x".repeat(4096), "kind": "kecamatan" });

    // Act
    let resp = app.put_json("/api/v1/units/CKN", &token, &big).await;

    // Assert
    assert_error(resp, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}

#[tokio::test]
async fn a_login_body_over_the_limit_is_413() {
    let app = spawn_app_with(|s| s.max_body_bytes = 1024).await;

    let resp = app.login(ADMIN_EMAIL, &"x".repeat(4096)).await;

    assert_error(resp, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}

#[tokio::test]
async fn a_body_under_the_limit_is_accepted() {
    let app = spawn_app_with(|s| s.max_body_bytes = 1024).await;
    let token = app.admin_token().await;

    let resp = app
        .put_unit(&token, "CKN", "Kecamatan Cakranegara", "kecamatan", None)
        .await;

    assert_eq!(resp.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_bad_query_parameter_is_400_invalid_query() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let page = app.get("/api/v1/employees?page=abc", &token).await;
    let negative = app.get("/api/v1/units?per_page=-1", &token).await;
    let active = app.get("/api/v1/employees?active=maybe", &token).await;

    for resp in [page, negative, active] {
        assert_error(resp, StatusCode::BAD_REQUEST, "invalid_query").await;
    }
}

#[tokio::test]
async fn a_bad_path_uuid_is_400_invalid_path() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app.delete("/api/v1/api-keys/not-a-uuid", &token).await;

    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_path").await;
}

#[tokio::test]
async fn an_unknown_endpoint_is_a_json_404() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let v1 = app.get("/api/v1/nope", &token).await;
    let anonymous = app.get_anonymous("/api/v1/nope").await;
    let api = app.get("/api/nope", &token).await;

    for resp in [v1, anonymous, api] {
        let ct = resp
            .headers()
            .get("Content-Type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(ct.starts_with("application/json"), "{ct}");
        let body = assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("msg")
                .contains("/nope")
        );
    }
}

#[tokio::test]
async fn an_unsupported_method_on_a_known_path_is_405_naming_the_allowed_methods() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let delete = app.delete("/api/v1/units/CKN", &token).await;
    let get_login = app.get("/api/v1/auth/login", &token).await;

    for (resp, allowed) in [(delete, "GET, PUT"), (get_login, "POST")] {
        let allow = resp
            .headers()
            .get("Allow")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .expect("Allow header");
        let mut methods: Vec<&str> = allow.split(", ").collect();
        methods.sort_unstable();
        assert_eq!(methods.join(", "), allowed);
        assert_error(resp, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    }
}

#[tokio::test]
async fn a_huge_page_number_on_units_is_an_empty_page() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let resp = app.get("/api/v1/units?page=2147483647", &token).await;

    assert_eq!(resp.status(), StatusCode::OK);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["meta"]["total"], 4);
    assert_eq!(body["items"], json!([]));
}

#[tokio::test]
async fn a_page_number_beyond_32_bits_is_a_bad_query() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .get("/api/v1/units?page=18446744073709551615", &token)
        .await;

    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_query").await;
}

#[tokio::test]
async fn no_error_response_leaks_sql_panics_or_traces() {
    // Arrange: many kinds of bad input against one app.
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;
    let long = "9".repeat(300);
    let long_q = "%27%3B%20DROP%20TABLE%20employees%3B--";
    let mut responses: Vec<Response> = vec![
        app.get(&format!("/api/v1/employees?q={long_q}"), &token)
            .await,
        app.get("/api/v1/employees?page=abc", &token).await,
        app.get("/api/v1/units?q=%5C%25%5F", &token).await,
        app.get(&format!("/api/v1/employees/{long}"), &token).await,
        app.get("/api/v1/units/%E2%9C%93", &token).await,
        app.get("/api/v1/nope", &token).await,
        app.delete("/api/v1/api-keys/not-a-uuid", &token).await,
        app.put_json(&format!("/api/v1/employees/{long}"), &token, &json!({}))
            .await,
        app.put_json("/api/v1/units/CKN", &token, &json!([1, 2, 3]))
            .await,
        app.put_json(
            "/api/v1/units/X",
            &token,
            &json!({ "name": "x".repeat(500), "kind": "dinas" }),
        )
        .await,
        put_unit_raw(&app, &token, Some("application/json"), "{\"name\":").await,
        app.post_csv("/api/v1/employees/import", &token, "\u{0}\u{1}garbage")
            .await,
        send_raw(
            &app,
            Method::POST,
            "/api/v1/employees/import",
            &token,
            Some("text/csv"),
            vec![0xff_u8, 0xfe, 0x00],
        )
        .await,
        app.post_json("/api/v1/api-keys", &token, &json!({ "name": 1 }))
            .await,
        app.get("/api/v1/me", "garbage.token.here").await,
        app.login("' OR 1=1 --", "x").await,
    ];
    responses.push(
        app.put_employee(
            &token,
            "199002022015132003",
            "Uji",
            "CKN",
            Some("19900202201503200X"),
        )
        .await,
    );

    // Act + Assert: never a server error; every error is an envelope without internals.
    for resp in responses {
        let status = resp.status();
        let text = resp.text().await.expect("body");
        assert!(!status.is_server_error(), "{status}: {text}");
        assert_no_leak(&text);
        let body: Value = serde_json::from_str(&text).expect("JSON");
        if !status.is_success() {
            assert!(body["error"]["code"].is_string(), "{text}");
            assert!(body["error"]["message"].is_string(), "{text}");
        }
    }
}
