//! Citizen desks: HR accepts held submissions in bulk, and registers a desk's own tablet as
//! a kiosk with its own limits (ADR 0027).

use crate::helpers::{TestApp, answers, assert_error, assert_json, form_answers, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn ids_of(list: &Value) -> Vec<Value> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|s| s["id"].clone())
        .collect()
}

#[tokio::test]
async fn hr_accepts_held_submissions_in_bulk_and_they_count() {
    // Arrange: from one phone, everything after the first is held.
    let app = spawn_app_with(|s| {
        s.feedback_client_limit_per_hour = 1000;
        s.feedback_client_burst = 1;
    })
    .await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    for score in [4, 3, 2] {
        let resp = app
            .submit_feedback(&public, &json!({ "answers": answers([score; 9]) }))
            .await;
        assert_json(resp, StatusCode::CREATED).await;
    }
    let held = ids_of(&app.moderation(&admin, "held").await);
    assert_eq!(held.len(), 2);

    // Act
    let resp = app
        .post_json("/api/v1/feedback/accept", &admin, &json!({ "ids": held }))
        .await;

    // Assert
    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["items"].as_array().expect("items").len(), 2);
    assert_eq!(app.moderation(&admin, "held").await["meta"]["total"], 0);
    assert_eq!(app.moderation(&admin, "counted").await["meta"]["total"], 3);
    let again = app
        .post_json("/api/v1/feedback/accept", &admin, &json!({ "ids": held }))
        .await;
    assert_error(again, StatusCode::CONFLICT, "not_held").await;
}

#[tokio::test]
async fn bulk_accept_is_for_staff_and_needs_ids() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.admin_token().await;
    let auditor = app.role_token("auditor").await;

    let empty = app
        .post_json("/api/v1/feedback/accept", &admin, &json!({ "ids": [] }))
        .await;
    let forbidden = app
        .post_json(
            "/api/v1/feedback/accept",
            &auditor,
            &json!({ "ids": ["6ba535d8-be9c-319b-a88a-93c24a6ac3b3"] }),
        )
        .await;

    assert_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}

/// A unit target and a kiosk registered for it by the admin: `(public token, kiosk id,
/// credential, the whole creation answer)`.
async fn desk_with_kiosk(app: &TestApp, admin: &str) -> (String, String, String, Value) {
    app.seed_units(admin).await;
    let target = app.unit_feedback_target(admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    let id = target["id"].as_str().expect("id");
    let resp = app
        .post_json(
            &format!("/api/v1/feedback-targets/{id}/kiosks"),
            admin,
            &json!({ "name": "  Tablet Loket 1 " }),
        )
        .await;
    let created = assert_json(resp, StatusCode::CREATED).await;
    let kiosk_id = created["kiosk"]["id"]
        .as_str()
        .expect("kiosk id")
        .to_string();
    let credential = created["token"].as_str().expect("credential").to_string();
    (public, kiosk_id, credential, created)
}

async fn submit_on_kiosk(
    app: &TestApp,
    public: &str,
    credential: &str,
    score: i64,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/public/feedback/{public}")))
        .header("X-Kiosk-Token", credential)
        .json(&json!({ "answers": answers([score; 9]) }))
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_registered_kiosk_is_not_capped_by_the_limits_meant_for_one_phone() {
    // Arrange: one phone may send 2 an hour and the second within 10 minutes is held.
    let app = spawn_app_with(|s| {
        s.feedback_client_limit_per_hour = 2;
        s.feedback_client_burst = 1;
    })
    .await;
    let admin = app.admin_token().await;
    let (public, _, credential, created) = desk_with_kiosk(&app, &admin).await;
    assert_eq!(created["kiosk"]["name"], "Tablet Loket 1");
    assert!(credential.starts_with("kio_"));
    assert!(
        created["setup_url"]
            .as_str()
            .expect("setup url")
            .ends_with(&format!("/kiosk#{credential}"))
    );

    // Act: eight citizens at the desk, several giving the same answers.
    for score in [4, 4, 3, 4, 2, 4, 4, 3] {
        let resp = submit_on_kiosk(&app, &public, &credential, score).await;
        assert_json(resp, StatusCode::CREATED).await;
    }
    // The same desk's address without the kiosk credential is an ordinary phone.
    app.submit_answers(&public, [4; 9]).await;
    app.submit_answers(&public, [3; 9]).await;
    let third = app
        .submit_feedback(&public, &json!({ "answers": answers([2; 9]) }))
        .await;

    // Assert
    assert_error(third, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    assert_eq!(app.moderation(&admin, "counted").await["meta"]["total"], 9);
    assert_eq!(app.moderation(&admin, "held").await["meta"]["total"], 1);
}

#[tokio::test]
async fn a_kiosk_has_its_own_hourly_limit_and_burst() {
    let app = spawn_app_with(|s| {
        s.feedback_kiosk_limit_per_hour = 3;
        s.feedback_kiosk_burst = 2;
    })
    .await;
    let admin = app.admin_token().await;
    let (public, _, credential, _) = desk_with_kiosk(&app, &admin).await;

    for score in [4, 3, 2] {
        let resp = submit_on_kiosk(&app, &public, &credential, score).await;
        assert_json(resp, StatusCode::CREATED).await;
    }
    let fourth = submit_on_kiosk(&app, &public, &credential, 1).await;

    assert_error(fourth, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    assert_eq!(app.moderation(&admin, "counted").await["meta"]["total"], 2);
    assert_eq!(app.moderation(&admin, "held").await["meta"]["total"], 1);
}

#[tokio::test]
async fn a_revoked_kiosk_is_refused_at_once_and_its_credential_is_never_listed() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.admin_token().await;
    let (public, kiosk_id, credential, created) = desk_with_kiosk(&app, &admin).await;
    let target_id = created["kiosk"]["target_id"].as_str().expect("target id");
    let first = submit_on_kiosk(&app, &public, &credential, 4).await;
    assert_json(first, StatusCode::CREATED).await;

    let revoked = app
        .post_json(
            &format!("/api/v1/kiosks/{kiosk_id}/revoke"),
            &admin,
            &json!({}),
        )
        .await;
    let revoked = assert_json(revoked, StatusCode::OK).await;
    let after = submit_on_kiosk(&app, &public, &credential, 4).await;
    let list = app
        .get_ok(
            &format!("/api/v1/feedback-targets/{target_id}/kiosks"),
            &admin,
        )
        .await;

    assert_eq!(revoked["active"], false);
    assert_error(after, StatusCode::FORBIDDEN, "kiosk_invalid").await;
    let item = &list["items"][0];
    assert_eq!(item["active"], false);
    assert!(
        item["last_used_at"].is_string(),
        "the first use is recorded"
    );
    assert!(!list.to_string().contains(&credential), "{list}");
    let audit = app.get_ok("/api/v1/audit?per_page=100", &admin).await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"feedback_kiosk.create"), "{actions:?}");
    assert!(actions.contains(&"feedback_kiosk.revoke"), "{actions:?}");
    assert!(!audit.to_string().contains(&credential));
}

#[tokio::test]
async fn a_kiosk_of_another_desk_gets_no_higher_limits_here() {
    let app = spawn_app_with(|s| {
        s.feedback_client_limit_per_hour = 1;
    })
    .await;
    let admin = app.admin_token().await;
    let (_, _, credential, _) = desk_with_kiosk(&app, &admin).await;
    let other = app.unit_feedback_target(&admin, "CKN-KEL-MAY").await;
    let other = other["token"].as_str().expect("token");

    let first = submit_on_kiosk(&app, other, &credential, 4).await;
    let second = submit_on_kiosk(&app, other, &credential, 3).await;

    assert_json(first, StatusCode::CREATED).await;
    assert_error(second, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}

#[tokio::test]
async fn only_admin_and_hr_register_kiosks_the_auditor_reads_them_and_names_are_checked() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let path = format!(
        "/api/v1/feedback-targets/{}/kiosks",
        target["id"].as_str().expect("id")
    );
    let auditor = app.role_token("auditor").await;
    let hr = app.role_token("hr").await;

    let by_auditor = app
        .post_json(&path, &auditor, &json!({ "name": "Tablet" }))
        .await;
    let blank = app.post_json(&path, &hr, &json!({ "name": "   " })).await;
    let unknown = app
        .post_json(
            "/api/v1/feedback-targets/6ba535d8-be9c-319b-a88a-93c24a6ac3b3/kiosks",
            &hr,
            &json!({ "name": "Tablet" }),
        )
        .await;
    let by_hr = app
        .post_json(&path, &hr, &json!({ "name": "Tablet" }))
        .await;
    let read = app.get(&path, &auditor).await;
    let anonymous = app.get_anonymous(&path).await;

    assert_eq!(by_auditor.status(), StatusCode::FORBIDDEN);
    let blank = assert_error(blank, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(blank["error"]["fields"]["name"].is_array(), "{blank}");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_json(by_hr, StatusCode::CREATED).await;
    let read = assert_json(read, StatusCode::OK).await;
    assert_eq!(read["items"].as_array().expect("items").len(), 1);
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn setting_up_a_tablet_keeps_the_credential_in_a_strict_cookie_and_the_form_uses_it() {
    let app = spawn_app_with(|s| {
        s.feedback_client_limit_per_hour = 1;
    })
    .await;
    let admin = app.admin_token().await;
    let (public, _, credential, _) = desk_with_kiosk(&app, &admin).await;

    // Act: the tablet opens the setup link; the SPA posts the credential.
    let resp = app
        .client
        .post(app.url("/api/v1/public/kiosk"))
        .json(&json!({ "token": credential }))
        .send()
        .await
        .expect("request");
    let cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("kinerja_kiosk="))
        .expect("kiosk cookie")
        .to_string();
    let session = assert_json(resp, StatusCode::OK).await;
    let bad = app
        .client
        .post(app.url("/api/v1/public/kiosk"))
        .json(&json!({ "token": "kio_unknown" }))
        .send()
        .await
        .expect("request");

    // Assert: the cookie is HttpOnly, Secure and SameSite=Strict; the answer names the form.
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{cookie}");
    }
    assert_eq!(session["name"], "Tablet Loket 1");
    assert_eq!(session["form_path"], format!("/f/{public}"));
    assert!(
        !session.to_string().contains("CKN-SEK"),
        "no internal code: {session}"
    );
    assert_error(bad, StatusCode::FORBIDDEN, "kiosk_invalid").await;

    // The server-rendered form shows the kiosk and, after a submission, returns to an
    // empty form; three citizens in a row are not capped at the phone's one per hour.
    let jar = format!("kinerja_kiosk={credential}");
    let form = app
        .client
        .get(app.url(&format!("/f/{public}")))
        .header("Cookie", &jar)
        .send()
        .await
        .expect("request");
    let html = form.text().await.expect("html");
    assert!(html.contains("Tablet Loket 1"), "{html}");
    for score in [4, 4, 3] {
        let resp = app
            .client
            .post(app.url(&format!("/f/{public}")))
            .header("Cookie", &jar)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form_answers([score; 9]))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status(), StatusCode::OK);
        let thanks = resp.text().await.expect("html");
        assert!(thanks.contains("http-equiv=\"refresh\""), "{thanks}");
    }
    assert_eq!(app.moderation(&admin, "counted").await["meta"]["total"], 3);
    let off = app
        .client
        .delete(app.url("/api/v1/public/kiosk"))
        .send()
        .await
        .expect("request");
    assert_eq!(off.status(), StatusCode::NO_CONTENT);
    let cleared = off
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("kinerja_kiosk=;") && v.contains("Max-Age=0"));
    assert!(cleared);
}
