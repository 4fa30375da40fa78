//! The edges of the API: the client address behind trusted proxies (spoofed
//! `X-Forwarded-For` heads change nothing), and the input gate (control characters, bodies
//! that are not objects, empty enum filters) on both engines.

use crate::helpers::{
    TestApp, answers, assert_error, assert_json, generous_feedback_limits, spawn_app,
    spawn_app_with,
};
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

// ---------------------------------------------------------------- the input gate

/// Asserts a 422 naming `field`.
async fn assert_refused_field(resp: reqwest::Response, field: &str) {
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(
        body["error"]["fields"][field].is_array(),
        "{field} is not named: {body}"
    );
}

#[tokio::test]
async fn a_nul_in_the_login_body_is_422_naming_the_field_without_signing_in() {
    let app = spawn_app().await;

    let resp = app.login("admin\u{0}@test.local", "x").await;

    assert_refused_field(resp, "/username").await;
}

#[tokio::test]
async fn a_nul_in_a_public_path_is_422_not_a_server_error() {
    let app = spawn_app().await;

    let form = app.get_anonymous("/f/abc%00").await;
    let api = app
        .get_anonymous("/api/v1/public/feedback-targets/abc%00")
        .await;

    assert_refused_field(form, "path").await;
    assert_refused_field(api, "path").await;
}

#[tokio::test]
async fn a_control_character_in_a_query_value_is_422_naming_the_parameter() {
    let app = spawn_app().await;

    let resp = app
        .get_anonymous("/api/v1/public/feedback-targets/abc?lang=id%1B")
        .await;

    assert_refused_field(resp, "lang").await;
}

#[tokio::test]
async fn control_characters_in_nested_values_and_keys_are_named_by_pointer() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    // Act
    let value = app
        .put_json(
            "/api/v1/units/CKN",
            &admin,
            &json!({ "name": "Kecamatan\u{0}Cakranegara", "kind": "kecamatan" }),
        )
        .await;
    let key = app
        .put_json(
            "/api/v1/employees/199002022015032003/skp/2026/expectations",
            &admin,
            &json!({ "expectations": { "ber\u{7}orientasi": "x" } }),
        )
        .await;

    // Assert
    assert_refused_field(value, "/name").await;
    assert_refused_field(key, "/expectations/berorientasi").await;
    let units = app.get_ok("/api/v1/units", &admin).await;
    assert_eq!(units["meta"]["total"], 0, "nothing was written: {units}");
}

#[tokio::test]
async fn an_array_or_a_scalar_where_an_object_is_expected_is_422() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let login = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!([]))
        .send()
        .await
        .expect("request");
    let period = app
        .post_json("/api/v1/periods", &admin, &json!([null, null]))
        .await;
    let scalar = app.post_json("/api/v1/periods", &admin, &json!("x")).await;

    assert_refused_field(login, "body").await;
    assert_refused_field(period, "body").await;
    assert_refused_field(scalar, "body").await;
}

#[tokio::test]
async fn the_employee_import_still_takes_an_array_and_refuses_an_object() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let array = app
        .post_json("/api/v1/employees/import", &admin, &json!([{ "nip": "x" }]))
        .await;
    let object = app
        .post_json("/api/v1/employees/import", &admin, &json!({ "rows": [] }))
        .await;

    // The array reaches the import (which reports the bad row), the object does not.
    assert_error(array, StatusCode::UNPROCESSABLE_ENTITY, "import_rejected").await;
    assert_refused_field(object, "body").await;
}

#[tokio::test]
async fn empty_enum_filters_are_422() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let appeals = app.get("/api/v1/appeals?status=", &admin).await;
    let approvals = app.get("/api/v1/skp/approvals?status=", &admin).await;
    let moderation = app.get("/api/v1/feedback/moderation?status=", &admin).await;

    assert_refused_field(appeals, "status").await;
    assert_refused_field(approvals, "status").await;
    assert_refused_field(moderation, "status").await;
}

#[tokio::test]
async fn free_text_keeps_its_line_breaks_and_the_form_refuses_a_nul() {
    // Arrange
    let app = spawn_app_with(generous_feedback_limits).await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();

    // Act
    let multi_line = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "comment": "Baris satu\nbaris dua\tok" }),
        )
        .await;
    let form = app
        .post_form(
            &format!("/f/{public}"),
            &format!("{}&comment=a%00b", crate::helpers::form_answers([4; 9])),
        )
        .await;

    // Assert
    assert_json(multi_line, StatusCode::CREATED).await;
    assert_refused_field(form, "comment").await;
}

// ---------------------------------------------------------------- citizen limits

#[tokio::test]
async fn invalid_posts_do_not_close_a_target_for_the_next_citizen() {
    // Arrange: the defaults (120 per target per minute, 30 per device per hour).
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    for _ in 0..120 {
        let resp = app
            .submit_feedback(&public, &json!({ "answers": { "u1": 9 } }))
            .await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }

    // Act
    let resp = app
        .submit_feedback(&public, &json!({ "answers": answers([4; 9]) }))
        .await;

    // Assert
    assert_json(resp, StatusCode::CREATED).await;
}

#[tokio::test]
async fn only_stored_submissions_count_toward_the_target_limit() {
    // Arrange: two per target per minute; one device posts an unknown ticket (refused).
    let app = spawn_app_with(|s| {
        generous_feedback_limits(s);
        s.trusted_proxies = 1;
        s.feedback_token_limit_per_minute = 2;
    })
    .await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    let bad_ticket = json!({ "answers": answers([4; 9]), "ticket": "ABCD-2345" });
    for _ in 0..3 {
        let resp = app
            .submit_feedback_from("10.1.1.1", &public, &bad_ticket)
            .await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let ok = json!({ "answers": answers([4; 9]) });

    // Act
    let first = app.submit_feedback_from("10.1.1.2", &public, &ok).await;
    let second = app.submit_feedback_from("10.1.1.3", &public, &ok).await;
    let third = app.submit_feedback_from("10.1.1.4", &public, &ok).await;

    // Assert
    assert_json(first, StatusCode::CREATED).await;
    assert_json(second, StatusCode::CREATED).await;
    assert_error(third, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}
