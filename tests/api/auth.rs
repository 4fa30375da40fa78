//! Sign-in, access tokens, refresh-token rotation, sign-out and `/me`.

use crate::helpers::{
    ADMIN_EMAIL, CAMAT, JWT_SECRET, LURAH, PASSWORD, STAF_A, assert_error, assert_json,
    seed_hierarchy, spawn_app, spawn_app_with,
};
use jsonwebtoken::{EncodingKey, Header, encode};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

/// base64url without padding, as JWT segments are encoded.
fn b64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Claims shaped like the server's, for a user that may or may not exist.
fn claims(exp_offset_secs: i64, roles: &[&str]) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({
        "sub": Uuid::new_v4(),
        "emp": null,
        "roles": roles,
        "iat": now - 3600,
        "exp": now + exp_offset_secs,
        "typ": "access",
    })
}

fn sign(claims: &Value, secret: &str) -> String {
    encode(
        &Header::default(),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()).expect("key"),
    )
    .expect("sign")
}

/// Calls `/me` and asserts the 401 `invalid_token` answer.
async fn assert_token_refused(token: &str) {
    let app = spawn_app().await;
    let resp = app.get("/api/v1/me", token).await;
    assert_eq!(
        resp.headers()
            .get("WWW-Authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_token").await;
}

#[tokio::test]
async fn login_by_email_returns_a_bearer_token_pair() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let resp = app.login(ADMIN_EMAIL, PASSWORD).await;

    // Assert
    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert!(
        body["access_token"]
            .as_str()
            .is_some_and(|t| t.split('.').count() == 3)
    );
    assert!(
        body["refresh_token"]
            .as_str()
            .is_some_and(|t| t.len() >= 32)
    );
    let me = app
        .get_ok("/api/v1/me", body["access_token"].as_str().expect("token"))
        .await;
    assert_eq!(me["user"]["email"], ADMIN_EMAIL);
    assert_eq!(me["user"]["roles"], json!(["admin"]));
}

#[tokio::test]
async fn login_by_email_ignores_the_case_of_the_address() {
    let app = spawn_app().await;

    let resp = app.login(&ADMIN_EMAIL.to_uppercase(), PASSWORD).await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["token_type"], "Bearer");
}

#[tokio::test]
async fn login_by_nip_signs_in_the_employee_account() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let token = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let resp = app.login(STAF_A, PASSWORD).await;

    // Assert
    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["token_type"], "Bearer");
    let me = app.get_ok("/api/v1/me", &token).await;
    assert_eq!(me["user"]["nip"], STAF_A);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_identical_401() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let wrong_password = app.login(ADMIN_EMAIL, "not-the-password").await;
    let unknown_user = app.login("nobody@test.local", PASSWORD).await;
    let unknown_nip = app.login("199001012015011001", PASSWORD).await;

    // Assert
    let mut bodies = Vec::new();
    for resp in [wrong_password, unknown_user, unknown_nip] {
        bodies.push(assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await);
    }
    assert_eq!(bodies[0], bodies[1]);
    assert_eq!(bodies[1], bodies[2]);
    assert!(bodies[0]["error"].get("fields").is_none());
}

#[tokio::test]
async fn an_empty_username_is_a_validation_error() {
    let app = spawn_app().await;

    let resp = app.login("", PASSWORD).await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["username"].is_array());
}

#[tokio::test]
async fn repeated_failures_lock_the_account_with_429_and_retry_after() {
    // Arrange
    let app = spawn_app_with(|s| s.login_max_failures = 3).await;
    for _ in 0..3 {
        let resp = app.login(ADMIN_EMAIL, "wrong-password").await;
        assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }

    // Act: even the right password is refused while the account is blocked.
    let resp = app.login(ADMIN_EMAIL, PASSWORD).await;

    // Assert
    let retry_after: u64 = resp
        .headers()
        .get("Retry-After")
        .expect("Retry-After header")
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}

#[tokio::test]
async fn failures_below_the_limit_do_not_block_a_correct_login() {
    let app = spawn_app_with(|s| s.login_max_failures = 3).await;
    for _ in 0..2 {
        let resp = app.login(ADMIN_EMAIL, "wrong-password").await;
        assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }

    let resp = app.login(ADMIN_EMAIL, PASSWORD).await;

    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_expired_access_token_is_refused() {
    let token = sign(&claims(-60, &["admin"]), JWT_SECRET);

    assert_token_refused(&token).await;
}

#[tokio::test]
async fn a_valid_minted_token_is_accepted_so_the_refusals_are_meaningful() {
    // The same minting code with a future expiry, for the real admin account at its
    // current session version, passes the token and session checks.
    let app = spawn_app().await;
    let admin = kinerja::store::users::find_by_login(&app.db.read, ADMIN_EMAIL)
        .await
        .expect("query")
        .expect("admin");
    let mut c = claims(600, &["admin"]);
    c["sub"] = json!(admin.id);
    c["sv"] = json!(admin.session_version);
    let token = sign(&c, JWT_SECRET);

    let resp = app.get("/api/v1/units", &token).await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["meta"]["total"], 0);
}

#[tokio::test]
async fn a_minted_token_of_an_unknown_account_is_a_session_that_ended() {
    let app = spawn_app().await;
    let token = sign(&claims(600, &["admin"]), JWT_SECRET);

    let resp = app.get("/api/v1/units", &token).await;

    assert_error(resp, StatusCode::UNAUTHORIZED, "session_ended").await;
}

#[tokio::test]
async fn a_token_with_a_tampered_payload_is_refused() {
    // Arrange: a real token with one payload character changed.
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let parts: Vec<&str> = token.split('.').collect();
    let mut payload: Vec<char> = parts[1].chars().collect();
    let i = payload.len() / 2;
    payload[i] = if payload[i] == 'A' { 'B' } else { 'A' };
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        payload.iter().collect::<String>(),
        parts[2]
    );

    // Act
    let resp = app.get("/api/v1/me", &tampered).await;

    // Assert
    assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_token").await;
}

#[tokio::test]
async fn a_token_with_a_forged_payload_and_the_original_signature_is_refused() {
    // Arrange: an employee's token re-written to claim the admin role.
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let token = app.employee_token(STAF_A, &["employee"]).await;
    let parts: Vec<&str> = token.split('.').collect();
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        b64url(claims(600, &["admin"]).to_string().as_bytes()),
        parts[2]
    );

    // Act
    let resp = app.get("/api/v1/employees", &forged).await;

    // Assert
    assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_token").await;
}

#[tokio::test]
async fn an_alg_none_token_is_refused() {
    let header = b64url(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = b64url(claims(600, &["admin"]).to_string().as_bytes());
    let token = format!("{header}.{payload}.");

    assert_token_refused(&token).await;
}

#[tokio::test]
async fn a_token_signed_with_another_secret_is_refused() {
    let token = sign(
        &claims(600, &["admin"]),
        "another-secret-0123456789-0123456789-xyz",
    );

    assert_token_refused(&token).await;
}

#[tokio::test]
async fn a_malformed_bearer_token_is_refused() {
    // Garbage in the Authorization header is an invalid token, not a server error.
    assert_token_refused("not-a-jwt").await;
}

#[tokio::test]
async fn refresh_returns_a_new_pair_that_works() {
    // Arrange
    let app = spawn_app().await;
    let pair = app.login_pair(ADMIN_EMAIL, PASSWORD).await;

    // Act
    let resp = app
        .post_refresh(pair["refresh_token"].as_str().expect("refresh"))
        .await;

    // Assert
    let new = assert_json(resp, StatusCode::OK).await;
    assert_eq!(new["token_type"], "Bearer");
    assert_ne!(new["refresh_token"], pair["refresh_token"]);
    let me = app
        .get_ok("/api/v1/me", new["access_token"].as_str().expect("access"))
        .await;
    assert_eq!(me["user"]["email"], ADMIN_EMAIL);
}

#[tokio::test]
async fn a_refresh_token_cannot_be_used_twice() {
    // Arrange
    let app = spawn_app().await;
    let pair = app.login_pair(ADMIN_EMAIL, PASSWORD).await;
    let old = pair["refresh_token"].as_str().expect("refresh");
    assert_eq!(app.post_refresh(old).await.status(), StatusCode::OK);

    // Act
    let again = app.post_refresh(old).await;

    // Assert
    assert_error(again, StatusCode::UNAUTHORIZED, "refresh_token_reused").await;
}

#[tokio::test]
async fn reusing_an_old_refresh_token_revokes_the_whole_family() {
    // Arrange: login → refresh (rotates) → refresh again (newest).
    let app = spawn_app().await;
    let first = app.login_pair(ADMIN_EMAIL, PASSWORD).await;
    let first_rt = first["refresh_token"].as_str().expect("refresh");
    let second = assert_json(app.post_refresh(first_rt).await, StatusCode::OK).await;
    let second_rt = second["refresh_token"].as_str().expect("refresh");
    let third = assert_json(app.post_refresh(second_rt).await, StatusCode::OK).await;
    let newest = third["refresh_token"].as_str().expect("refresh");

    // Act: somebody replays the very first token.
    let replay = app.post_refresh(first_rt).await;

    // Assert: the replay is detected and the newest token no longer works either.
    assert_error(replay, StatusCode::UNAUTHORIZED, "refresh_token_reused").await;
    let newest_resp = app.post_refresh(newest).await;
    assert_error(
        newest_resp,
        StatusCode::UNAUTHORIZED,
        "refresh_token_revoked",
    )
    .await;
}

#[tokio::test]
async fn a_reused_token_does_not_revoke_other_sign_ins() {
    // Arrange: two independent sign-ins of the same account.
    let app = spawn_app().await;
    let a = app.login_pair(ADMIN_EMAIL, PASSWORD).await;
    let b = app.login_pair(ADMIN_EMAIL, PASSWORD).await;
    let a_rt = a["refresh_token"].as_str().expect("refresh");
    assert_eq!(app.post_refresh(a_rt).await.status(), StatusCode::OK);
    assert_eq!(
        app.post_refresh(a_rt).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // Act
    let resp = app
        .post_refresh(b["refresh_token"].as_str().expect("refresh"))
        .await;

    // Assert
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_unknown_refresh_token_is_refused() {
    let app = spawn_app().await;

    let resp = app.post_refresh("0123456789abcdef").await;

    assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    // Arrange
    let app = spawn_app().await;
    let pair = app.login_pair(ADMIN_EMAIL, PASSWORD).await;
    let rt = pair["refresh_token"].as_str().expect("refresh");

    // Act
    let resp = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .json(&json!({ "refresh_token": rt }))
        .send()
        .await
        .expect("request");

    // Assert
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_error(
        app.post_refresh(rt).await,
        StatusCode::UNAUTHORIZED,
        "refresh_token_revoked",
    )
    .await;
}

#[tokio::test]
async fn logout_with_an_unknown_token_is_accepted() {
    let app = spawn_app().await;

    let resp = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .json(&json!({ "refresh_token": "never-issued" }))
        .send()
        .await
        .expect("request");

    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn me_returns_user_roles_employee_supervisor_and_subordinate_count() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let token = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let resp = app.get("/api/v1/me", &token).await;

    // Assert
    let me = assert_json(resp, StatusCode::OK).await;
    assert_eq!(me["user"]["nip"], STAF_A);
    assert_eq!(me["user"]["name"], "I Made Staf");
    assert_eq!(me["user"]["roles"], json!(["employee"]));
    assert_eq!(me["employee"]["nip"], STAF_A);
    assert_eq!(me["employee"]["unit_code"], "CKN-KEL-CB");
    assert_eq!(me["employee"]["supervisor_nip"], LURAH);
    assert_eq!(me["supervisor"]["nip"], LURAH);
    assert_eq!(me["supervisor"]["full_name"], "Baiq Lurah, S.Sos.");
    assert_eq!(me["supervisor"]["unit_name"], "Kelurahan Cakranegara Barat");
    assert_eq!(me["subordinates_count"], 0);
}

#[tokio::test]
async fn me_counts_the_direct_subordinates_of_a_supervisor() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;

    let lurah_me = app.get_ok("/api/v1/me", &lurah).await;
    let camat_me = app.get_ok("/api/v1/me", &camat).await;

    assert_eq!(lurah_me["subordinates_count"], 2);
    assert_eq!(lurah_me["supervisor"]["nip"], CAMAT);
    assert_eq!(camat_me["subordinates_count"], 1);
    assert_eq!(camat_me["supervisor"], Value::Null);
}

#[tokio::test]
async fn me_for_an_account_without_employee_record_has_no_employee() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let me = app.get_ok("/api/v1/me", &admin).await;

    assert_eq!(me["employee"], Value::Null);
    assert_eq!(me["supervisor"], Value::Null);
    assert_eq!(me["subordinates_count"], 0);
}

#[tokio::test]
async fn me_without_a_token_is_401_unauthenticated() {
    let app = spawn_app().await;

    let resp = app.get_anonymous("/api/v1/me").await;

    assert_error(resp, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn me_with_an_api_key_is_forbidden() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let key = app.create_api_key(&admin, "SIMPEG", &["master:read"]).await;

    let resp = app
        .get("/api/v1/me", key["key"].as_str().expect("key"))
        .await;

    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}
