//! The edges of the API: the client address behind trusted proxies (spoofed
//! `X-Forwarded-For` heads change nothing), and the input gate (control characters, bodies
//! that are not objects, empty enum filters) on both engines.

use crate::helpers::{TestApp, answers, assert_error, assert_json, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The address nginx saw, appended after whatever the client wrote.
const REAL_CLIENT: &str = "198.51.100.7";

async fn login_via_proxy(app: &TestApp, invented: &str, username: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", format!("{invented}, {REAL_CLIENT}"))
        .json(&json!({ "username": username, "password": "salah-sandi" }))
        .send()
        .await
        .expect("request")
}

async fn submit_via_proxy(app: &TestApp, invented: &str, public: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/public/feedback/{public}")))
        .header("X-Forwarded-For", format!("{invented}, {REAL_CLIENT}"))
        .json(&json!({ "answers": answers([4; 9]) }))
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn invented_forwarded_addresses_do_not_escape_the_login_throttle() {
    // Arrange: one proxy in front; 5 failures per account, 20 per client address.
    let app = spawn_app_with(|s| s.trusted_proxies = 1).await;
    let mut statuses = Vec::new();

    // Act: 25 guesses at different accounts, each with a different invented address.
    for i in 0..25 {
        let resp = login_via_proxy(&app, &format!("10.66.{i}.1"), &format!("orang{i}@x.id")).await;
        statuses.push(resp.status());
    }

    // Assert
    assert!(
        statuses[..20]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED)
    );
    assert!(
        statuses[20..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn without_trusted_proxies_the_forwarded_header_is_ignored() {
    // Arrange: no proxy configured, so the header is the client's own text.
    let app = spawn_app_with(|s| s.trusted_proxies = 0).await;
    for i in 0..20 {
        let resp = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .header("X-Forwarded-For", format!("10.77.{i}.1"))
            .json(&json!({ "username": format!("orang{i}@x.id"), "password": "salah" }))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }

    // Act
    let resp = app.login("orang-lain@x.id", "salah").await;

    // Assert
    assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}

#[tokio::test]
async fn invented_forwarded_addresses_do_not_escape_the_citizen_limit() {
    // Arrange: 30 per device per hour (the default); holds do not matter here.
    let app = spawn_app_with(|s| {
        s.trusted_proxies = 1;
        s.feedback_client_limit_per_hour = 30;
        s.feedback_token_limit_per_minute = 1_000_000;
    })
    .await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    let mut statuses = Vec::new();

    // Act: 40 submissions, each pretending to come from another phone.
    for i in 0..40 {
        statuses.push(
            submit_via_proxy(&app, &format!("10.88.{i}.1"), &public)
                .await
                .status(),
        );
    }

    // Assert
    assert!(statuses[..30].iter().all(|s| *s == StatusCode::CREATED));
    assert!(
        statuses[30..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    let other_phone = app
        .client
        .post(app.url(&format!("/api/v1/public/feedback/{public}")))
        .header("X-Forwarded-For", "203.0.113.50")
        .json(&json!({ "answers": answers([3; 9]) }))
        .send()
        .await
        .expect("request");
    let _: Value = assert_json(other_phone, StatusCode::CREATED).await;
}
