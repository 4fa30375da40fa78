//! Accounts for employees from the HR system: created with a one-time set-password code,
//! roles granted by the right people, resets and deactivation end old sessions.

use crate::helpers::{STAF_A, STAF_B, assert_error, assert_json, seed_hierarchy, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn hr_creates_an_account_and_the_employee_sets_a_password_with_the_code() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;

    let resp = app
        .put_json(
            &format!("/api/v1/employees/{STAF_A}/account"),
            &hr,
            &json!({}),
        )
        .await;

    assert_eq!(resp.status(), StatusCode::CREATED);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["username"], STAF_A);
    assert_eq!(body["roles"], json!(["employee"]));
    assert!(body["temporary_password"].is_null());
    let code = body["set_password_code"].as_str().expect("shown once");
    assert!(body["set_password_code_expires_at"].is_string());
    // The code never yields a session by itself.
    assert_error(
        app.login(STAF_A, code).await,
        StatusCode::FORBIDDEN,
        "password_change_required",
    )
    .await;
    let pair = assert_json(
        app.set_password_with_code(code, "Kata-Sandi-Baru-1").await,
        StatusCode::OK,
    )
    .await;
    let me: Value = app
        .get("/api/v1/me", pair["access_token"].as_str().expect("token"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(me["employee"]["nip"], STAF_A);
    assert_eq!(
        app.login(STAF_A, "Kata-Sandi-Baru-1").await.status(),
        StatusCode::OK
    );

    // Updating again shows no code.
    let again: Value = app
        .put_json(
            &format!("/api/v1/employees/{STAF_A}/account"),
            &hr,
            &json!({}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert!(again["set_password_code"].is_null());
}

#[tokio::test]
async fn only_an_admin_grants_staff_roles_and_employees_manage_no_accounts() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let path = format!("/api/v1/employees/{STAF_B}/account");

    let by_hr = app.put_json(&path, &hr, &json!({ "roles": ["hr"] })).await;
    assert_error(by_hr, StatusCode::FORBIDDEN, "forbidden").await;
    let unknown = app
        .put_json(&path, &admin, &json!({ "roles": ["boss"] }))
        .await;
    assert_error(
        unknown,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let by_admin: Value = app
        .put_json(&path, &admin, &json!({ "roles": ["hr"] }))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(by_admin["roles"], json!(["employee", "hr"]));

    let employee = app.employee_token(STAF_A, &["employee"]).await;
    let by_employee = app.put_json(&path, &employee, &json!({})).await;
    assert_error(by_employee, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_password_reset_ends_the_old_password_and_sessions() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let path = format!("/api/v1/employees/{STAF_A}/account");
    let first: Value = app
        .put_json(&path, &admin, &json!({}))
        .await
        .json()
        .await
        .expect("json");
    let code = first["set_password_code"].as_str().expect("code");
    app.set_password_with_code(code, "Lama-Sekali-1").await;
    let session = app.login_pair(STAF_A, "Lama-Sekali-1").await;

    let reset: Value = app
        .put_json(&path, &admin, &json!({ "reset_password": true }))
        .await
        .json()
        .await
        .expect("json");

    let new_code = reset["set_password_code"].as_str().expect("new code");
    assert_ne!(new_code, code);
    assert_eq!(
        app.login(STAF_A, "Lama-Sekali-1").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(STAF_A, new_code).await.status(),
        StatusCode::FORBIDDEN
    );
    let refresh = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .json(&json!({ "refresh_token": session["refresh_token"] }))
        .send()
        .await
        .expect("request");
    assert_eq!(refresh.status(), StatusCode::UNAUTHORIZED);
    assert_json(
        app.set_password_with_code(new_code, "Baru-Sekali-2").await,
        StatusCode::OK,
    )
    .await;

    // Deactivation refuses sign-in.
    app.put_json(&path, &admin, &json!({ "active": false }))
        .await;
    assert_eq!(
        app.login(STAF_A, "Baru-Sekali-2").await.status(),
        StatusCode::UNAUTHORIZED
    );
}
