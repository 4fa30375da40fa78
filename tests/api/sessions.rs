//! Sessions that end (ADR 0016): sign-out, deactivation, a role change, a reset and a
//! password change end an access token at once; the refresh token lives in a strict
//! cookie; the event stream opens with a single-use ticket, never a token in the URL; the
//! sign-in throttle counts an account whatever identifier was typed; set-password codes.

use crate::helpers::{
    ADMIN_EMAIL, PASSWORD, STAF_A, TestApp, assert_error, assert_json, refresh_cookie,
    seed_hierarchy, spawn_app, spawn_app_with,
};
use futures_util::StreamExt;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use std::time::Duration;

const EMPLOYEE_EMAIL: &str = "staf.a@test.local";

/// An employee account (NIP `STAF_A`, with an email) signed in; returns the pair.
async fn employee_session(app: &TestApp) -> Value {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    let e = kinerja::store::employees::find_by_nip(&app.db.read, STAF_A)
        .await
        .expect("query")
        .expect("employee");
    app.create_user(
        "Staf A",
        Some(EMPLOYEE_EMAIL),
        Some(STAF_A),
        Some(e.id),
        &["employee"],
    )
    .await;
    app.login_pair(STAF_A, PASSWORD).await
}

fn access(pair: &Value) -> String {
    pair["access_token"].as_str().expect("access").to_string()
}

fn refresh(pair: &Value) -> String {
    pair["refresh_token"].as_str().expect("refresh").to_string()
}

async fn assert_session_ended(app: &TestApp, token: &str) {
    assert_error(
        app.get("/api/v1/me", token).await,
        StatusCode::UNAUTHORIZED,
        "session_ended",
    )
    .await;
}

fn account_path() -> String {
    format!("/api/v1/employees/{STAF_A}/account")
}

#[tokio::test]
async fn sign_out_ends_the_access_token_at_once() {
    let app = spawn_app().await;
    let pair = employee_session(&app).await;
    assert_eq!(app.get("/api/v1/me", &access(&pair)).await.status(), 200);

    let out = app
        .post_with_refresh_cookie("/api/v1/auth/logout", &refresh(&pair))
        .await;

    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_session_ended(&app, &access(&pair)).await;
    let (value, attrs) = refresh_cookie(&out).expect("cookie cleared");
    assert!(value.is_empty());
    assert!(attrs.contains("Max-Age=0"), "{attrs}");
}

#[tokio::test]
async fn deactivation_ends_the_access_token_at_once() {
    let app = spawn_app().await;
    let pair = employee_session(&app).await;
    assert_eq!(
        app.get("/api/v1/me/360", &access(&pair)).await.status(),
        200
    );
    let admin = app.admin_token().await;

    let resp = app
        .put_json(&account_path(), &admin, &json!({ "active": false }))
        .await;

    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        app.get("/api/v1/me/360", &access(&pair)).await,
        StatusCode::UNAUTHORIZED,
        "session_ended",
    )
    .await;
    assert_eq!(
        app.post_refresh(&refresh(&pair)).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_role_change_ends_the_access_token_at_once() {
    let app = spawn_app().await;
    let pair = employee_session(&app).await;
    let admin = app.admin_token().await;

    let resp = app
        .put_json(&account_path(), &admin, &json!({ "roles": ["auditor"] }))
        .await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["roles"], json!(["employee", "auditor"]));
    assert_session_ended(&app, &access(&pair)).await;
    let fresh = app.login_pair(STAF_A, PASSWORD).await;
    let me = assert_json(app.get("/api/v1/me", &access(&fresh)).await, StatusCode::OK).await;
    assert_eq!(me["user"]["roles"], json!(["employee", "auditor"]));
}

#[tokio::test]
async fn a_reset_ends_the_access_token_at_once_and_tells_the_employee() {
    let app = spawn_app().await;
    let pair = employee_session(&app).await;
    let hr = app.role_token("hr").await;
    let stream = app.open_events(&access(&pair)).await;
    assert_eq!(stream.status(), 200);

    let reset = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.put_json(&account_path(), &hr, &json!({ "reset_password": true }))
            .await
    };
    let (seen, resp) = tokio::join!(read_to_end(stream, Duration::from_secs(8)), reset);

    let body = assert_json(resp, StatusCode::OK).await;
    assert!(body["set_password_code"].is_string());
    let (seen, closed) = seen;
    assert!(seen.contains("event: account_reset"), "{seen}");
    assert!(closed, "the stream ends with its session: {seen}");
    assert_session_ended(&app, &access(&pair)).await;
    assert_eq!(
        app.login(STAF_A, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn changing_ones_own_password_ends_the_other_sessions_only() {
    let app = spawn_app().await;
    let here = employee_session(&app).await;
    let elsewhere = app.login_pair(EMPLOYEE_EMAIL, PASSWORD).await;

    let wrong = app
        .post_json(
            "/api/v1/me/password",
            &access(&here),
            &json!({ "current_password": "salah-sekali", "new_password": "Baru-Sekali-2026" }),
        )
        .await;
    let weak = app
        .post_json(
            "/api/v1/me/password",
            &access(&here),
            &json!({ "current_password": PASSWORD, "new_password": "pendek" }),
        )
        .await;
    let changed = app
        .post_json(
            "/api/v1/me/password",
            &access(&here),
            &json!({ "current_password": PASSWORD, "new_password": "Baru-Sekali-2026" }),
        )
        .await;

    let wrong = assert_error(wrong, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(
        wrong["error"]["fields"]["current_password"].is_array(),
        "{wrong}"
    );
    let weak = assert_error(weak, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(weak["error"]["fields"]["new_password"].is_array(), "{weak}");
    assert!(refresh_cookie(&changed).is_some());
    let renewed = assert_json(changed, StatusCode::OK).await;
    assert_eq!(app.get("/api/v1/me", &access(&renewed)).await.status(), 200);
    assert_session_ended(&app, &access(&here)).await;
    assert_session_ended(&app, &access(&elsewhere)).await;
    assert_eq!(
        app.post_refresh(&refresh(&elsewhere)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(STAF_A, "Baru-Sekali-2026").await.status(),
        StatusCode::OK
    );
    let log = assert_json(
        app.get(
            "/api/v1/audit?object_type=user&per_page=100",
            &app.admin_token().await,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(log.to_string().contains("account.password_change"), "{log}");
}

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_refresh_cookie_scoped_to_auth() {
    let app = spawn_app().await;

    let resp = app.login(ADMIN_EMAIL, PASSWORD).await;

    assert_eq!(resp.status(), StatusCode::OK);
    let (value, attrs) = refresh_cookie(&resp).expect("cookie set");
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["refresh_token"], value.as_str());
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(attrs.contains(attr), "{attr} missing in {attrs}");
    }
    assert!(attrs.contains("Max-Age="), "{attrs}");
}

#[tokio::test]
async fn the_cookie_alone_refreshes_and_is_rotated() {
    let app = spawn_app().await;
    let first = app.login(ADMIN_EMAIL, PASSWORD).await;
    let (cookie, _) = refresh_cookie(&first).expect("cookie");

    let resp = app
        .post_with_refresh_cookie("/api/v1/auth/refresh", &cookie)
        .await;

    assert_eq!(resp.status(), StatusCode::OK);
    let (rotated, _) = refresh_cookie(&resp).expect("rotated cookie");
    assert_ne!(rotated, cookie);
    let pair: Value = resp.json().await.expect("json");
    assert_eq!(app.get("/api/v1/me", &access(&pair)).await.status(), 200);
    // The rotated-away cookie is spent; no cookie at all is 401.
    assert_eq!(
        app.post_with_refresh_cookie("/api/v1/auth/refresh", &cookie)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let none = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .send()
        .await
        .expect("request");
    assert_error(none, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
}

/// Reads the stream until `needle` appears or the time runs out; returns what was read.
async fn read_until(resp: reqwest::Response, needle: &str, wait: Duration) -> String {
    let mut stream = resp.bytes_stream();
    let mut seen = String::new();
    let _ = tokio::time::timeout(wait, async {
        while let Some(Ok(chunk)) = stream.next().await {
            seen.push_str(&String::from_utf8_lossy(&chunk));
            if seen.contains(needle) {
                break;
            }
        }
    })
    .await;
    seen
}

/// Reads the stream until the server closes it or the time runs out; returns what was read
/// and whether it closed.
async fn read_to_end(resp: reqwest::Response, wait: Duration) -> (String, bool) {
    let mut stream = resp.bytes_stream();
    let mut seen = String::new();
    let closed = tokio::time::timeout(wait, async {
        while let Some(Ok(chunk)) = stream.next().await {
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    })
    .await
    .is_ok();
    (seen, closed)
}

#[tokio::test]
async fn an_event_ticket_opens_the_stream_once() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let ticket = app.event_ticket(&admin).await;
    let url = app.url(&format!("/api/v1/events?ticket={ticket}"));

    let first = app.client.get(&url).send().await.expect("connect");
    let second = app.client.get(&url).send().await.expect("connect");

    assert_eq!(first.status(), 200);
    assert!(
        read_until(first, "event: ready", Duration::from_secs(3))
            .await
            .contains("event: ready")
    );
    assert_error(second, StatusCode::UNAUTHORIZED, "invalid_ticket").await;
}

#[tokio::test]
async fn a_ticket_of_a_session_that_ended_opens_nothing() {
    let app = spawn_app().await;
    let pair = employee_session(&app).await;
    let ticket = app.event_ticket(&access(&pair)).await;
    app.post_with_refresh_cookie("/api/v1/auth/logout", &refresh(&pair))
        .await;

    let resp = app
        .client
        .get(app.url(&format!("/api/v1/events?ticket={ticket}")))
        .send()
        .await
        .expect("connect");

    assert_error(resp, StatusCode::UNAUTHORIZED, "session_ended").await;
}

#[tokio::test]
async fn an_access_token_in_the_url_is_refused() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let resp = app
        .client
        .get(app.url(&format!("/api/v1/events?access_token={admin}")))
        .send()
        .await
        .expect("connect");

    assert_error(resp, StatusCode::UNAUTHORIZED, "token_in_url").await;
}

#[tokio::test]
async fn the_throttle_counts_the_nip_and_the_email_of_one_account_together() {
    let app = spawn_app_with(|s| s.login_max_failures = 4).await;
    employee_session(&app).await;

    for username in [STAF_A, EMPLOYEE_EMAIL, STAF_A, EMPLOYEE_EMAIL] {
        assert_eq!(
            app.login(username, "tebakan-salah").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }

    assert_eq!(
        app.login(STAF_A, PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        app.login(EMPLOYEE_EMAIL, PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// Creates the STAF_A account through the API as the admin; returns its set-password code.
async fn account_with_code(app: &TestApp) -> String {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    let body = assert_json(
        app.put_json(&account_path(), &admin, &json!({})).await,
        StatusCode::CREATED,
    )
    .await;
    body["set_password_code"]
        .as_str()
        .expect("code")
        .to_string()
}

#[tokio::test]
async fn a_set_password_code_works_once() {
    let app = spawn_app().await;
    let code = account_with_code(&app).await;

    let first = app.set_password_with_code(&code, "Pertama-Kali-1").await;
    let again = app.set_password_with_code(&code, "Kedua-Kali-22").await;

    assert_eq!(first.status(), StatusCode::OK);
    assert!(refresh_cookie(&first).is_some());
    assert_error(again, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    assert_eq!(
        app.login(STAF_A, &code).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(STAF_A, "Pertama-Kali-1").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_expired_set_password_code_is_refused() {
    let app = spawn_app().await;
    let code = account_with_code(&app).await;
    let user = kinerja::store::users::find_by_login(&app.db.read, STAF_A)
        .await
        .expect("query")
        .expect("account");
    let mut am: entity::user::ActiveModel = user.into();
    am.set_password_code_expires_at = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    am.update(&app.db.write).await.expect("expire");

    let set = app
        .set_password_with_code(&code, "Terlambat-Sekali-1")
        .await;
    let login = app.login(STAF_A, &code).await;

    assert_error(set, StatusCode::UNAUTHORIZED, "set_password_code_expired").await;
    assert_error(login, StatusCode::UNAUTHORIZED, "set_password_code_expired").await;
}

#[tokio::test]
async fn a_put_without_roles_keeps_the_roles() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    account_with_code(&app).await;
    app.put_json(&account_path(), &admin, &json!({ "roles": ["hr"] }))
        .await;

    let deactivated = app
        .put_json(&account_path(), &admin, &json!({ "active": false }))
        .await;
    let reactivated = app
        .put_json(&account_path(), &admin, &json!({ "active": true }))
        .await;

    assert_eq!(
        assert_json(deactivated, StatusCode::OK).await["roles"],
        json!(["employee", "hr"])
    );
    let body = assert_json(reactivated, StatusCode::OK).await;
    assert_eq!(body["roles"], json!(["employee", "hr"]));
    assert_eq!(body["active"], true);
}

#[tokio::test]
async fn hr_changes_no_roles_and_resets_no_fellow_hr_account() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    account_with_code(&app).await;
    let hr = app.role_token("hr").await;
    let path = account_path();

    let grant = app
        .put_json(&path, &hr, &json!({ "roles": ["employee", "auditor"] }))
        .await;
    assert_error(grant, StatusCode::FORBIDDEN, "forbidden").await;
    // The same roles again is no change and allowed.
    let same = app
        .put_json(&path, &hr, &json!({ "roles": ["employee"] }))
        .await;
    assert_eq!(same.status(), StatusCode::OK);

    app.put_json(&path, &admin, &json!({ "roles": ["hr"] }))
        .await;
    let demote = app
        .put_json(&path, &hr, &json!({ "roles": ["employee"] }))
        .await;
    let reset = app
        .put_json(&path, &hr, &json!({ "reset_password": true }))
        .await;
    let deactivate = app.put_json(&path, &hr, &json!({ "active": false })).await;

    assert_error(demote, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(reset, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(deactivate, StatusCode::FORBIDDEN, "forbidden").await;
    let log = assert_json(
        app.get("/api/v1/audit?object_type=user&per_page=100", &admin)
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(log.to_string().contains("account.roles_change"), "{log}");
}

#[tokio::test]
async fn a_reset_and_the_code_flow_reveal_no_submitted_response() {
    use crate::helpers::LURAH;
    use crate::ratings360::{PEER_1, round};
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1]).await;
    let secret = "Komentar-Rahasia-Sekali";
    r.rate(PEER_1, LURAH, 2, Some(secret)).await;
    let form = r.form_id(PEER_1, LURAH).await;

    // HR resets the rater, takes the code and signs in as the rater.
    let reset = assert_json(
        r.app
            .put_json(
                &format!("/api/v1/employees/{PEER_1}/account"),
                &r.hr,
                &json!({ "reset_password": true }),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let code = reset["set_password_code"].as_str().expect("code");
    let pair = assert_json(
        r.app
            .set_password_with_code(code, "Diambil-Alih-2026")
            .await,
        StatusCode::OK,
    )
    .await;
    let token = access(&pair);

    for path in [
        "/api/v1/me/360".to_string(),
        format!("/api/v1/me/360?period_id={}", r.period),
        format!("/api/v1/ratings360/{form}"),
        format!("/api/v1/periods/{}/employees/{LURAH}/360", r.period),
        format!("/api/v1/periods/{}/employees/{LURAH}/raters", r.period),
    ] {
        let resp = r.app.get(&path, &token).await;
        let text = resp.text().await.expect("text");
        assert!(!text.contains(secret), "{path} shows the comment: {text}");
        assert!(
            !text.contains("\"berorientasi_pelayanan\":2"),
            "{path} shows a score: {text}"
        );
    }
    let sealed = r
        .app
        .get_ok(&format!("/api/v1/ratings360/{form}"), &token)
        .await;
    assert_eq!(sealed["status"], "submitted");
    assert_eq!(sealed["scores"], json!({}));
    assert_eq!(sealed["comments"], json!({}));
    assert!(sealed["overall_comment"].is_null());
}
