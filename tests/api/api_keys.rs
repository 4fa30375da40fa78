//! API keys of the HR system: created by an admin, shown once, scoped, revocable; and what
//! a key may read or write.

use crate::helpers::{
    CAMAT, LURAH, PASSWORD, STAF_A, TestApp, assert_error, assert_json, nips_of, seed_hierarchy,
    spawn_app,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn hr_token(app: &TestApp) -> String {
    app.create_user("Pengelola", Some("hr@test.local"), None, None, &["hr"])
        .await;
    app.login_token("hr@test.local", PASSWORD).await
}

fn key_of(created: &Value) -> String {
    created["key"].as_str().expect("key").to_string()
}

/// The hierarchy plus a key with the given scopes; returns the app, admin token and key.
async fn app_with_key(scopes: &[&str]) -> (TestApp, String, String) {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let created = app
        .create_api_key(&admin, "SIMPEG Kota Mataram", scopes)
        .await;
    (app, admin, key_of(&created))
}

async fn list_keys(app: &TestApp, admin: &str) -> Vec<Value> {
    let resp = app.get("/api/v1/api-keys", admin).await;
    assert_json(resp, StatusCode::OK)
        .await
        .as_array()
        .expect("array")
        .clone()
}

// ---------------------------------------------------------------- managing keys

#[tokio::test]
async fn an_admin_creates_a_key_and_sees_it_once() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    // Act
    let resp = app
        .post_json(
            "/api/v1/api-keys",
            &admin,
            &json!({ "name": "SIMPEG", "scopes": ["master:read", "master:write", "master:read"] }),
        )
        .await;

    // Assert
    let created = assert_json(resp, StatusCode::CREATED).await;
    let key = key_of(&created);
    let prefix = created["prefix"].as_str().expect("prefix");
    assert!(key.starts_with("k360_") && key.len() > 40, "{key}");
    assert!(key.starts_with(prefix) && prefix.len() < key.len());
    assert_eq!(created["name"], "SIMPEG");
    assert_eq!(created["scopes"], json!(["master:read", "master:write"]));
    assert_eq!(created["last_used_at"], Value::Null);
    assert_eq!(created["revoked_at"], Value::Null);

    let listed = list_keys(&app, &admin).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], created["id"]);
    assert_eq!(listed[0]["prefix"], prefix);
    assert!(listed[0].get("key").is_none());
    let raw = app
        .get("/api/v1/api-keys", &admin)
        .await
        .text()
        .await
        .expect("text");
    assert!(!raw.contains(&key), "the list never shows the key again");
}

#[tokio::test]
async fn hr_cannot_create_or_list_keys() {
    let app = spawn_app().await;
    let hr = hr_token(&app).await;

    let create = app
        .post_json(
            "/api/v1/api-keys",
            &hr,
            &json!({ "name": "SIMPEG", "scopes": ["master:read"] }),
        )
        .await;
    let list = app.get("/api/v1/api-keys", &hr).await;

    assert_error(create, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(list, StatusCode::FORBIDDEN, "forbidden").await;
    let admin = app.admin_token().await;
    assert!(list_keys(&app, &admin).await.is_empty());
}

#[tokio::test]
async fn an_api_key_cannot_create_keys() {
    let (app, _, key) = app_with_key(&["master:write"]).await;

    let resp = app
        .post_json(
            "/api/v1/api-keys",
            &key,
            &json!({ "name": "eskalasi", "scopes": ["master:write"] }),
        )
        .await;

    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_unknown_scope_is_a_422_on_scopes() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let resp = app
        .post_json(
            "/api/v1/api-keys",
            &admin,
            &json!({ "name": "SIMPEG", "scopes": ["master:read", "root"] }),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let msg = body["error"]["fields"]["scopes"][0]
        .as_str()
        .expect("message");
    assert!(msg.contains("root"), "{msg}");
    assert!(list_keys(&app, &admin).await.is_empty());
}

#[tokio::test]
async fn a_key_needs_a_name_and_at_least_one_scope() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let resp = app
        .post_json(
            "/api/v1/api-keys",
            &admin,
            &json!({ "name": "", "scopes": [] }),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["name"].is_array(), "{body}");
    assert!(body["error"]["fields"]["scopes"].is_array(), "{body}");
}

#[tokio::test]
async fn a_new_key_works_at_once_and_records_its_last_use() {
    // Arrange
    let (app, admin, key) = app_with_key(&["master:read"]).await;
    assert_eq!(
        list_keys(&app, &admin).await[0]["last_used_at"],
        Value::Null
    );

    // Act
    let resp = app.get("/api/v1/employees", &key).await;

    // Assert
    let list = assert_json(resp, StatusCode::OK).await;
    assert_eq!(list["meta"]["total"], 4);
    let listed = list_keys(&app, &admin).await;
    let used: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(listed[0]["last_used_at"].clone()).expect("last_used_at is set");
    let created: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(listed[0]["created_at"].clone()).expect("created_at");
    assert!(used >= created);
}

#[tokio::test]
async fn deleting_a_key_revokes_it_at_once() {
    // Arrange
    let (app, admin, key) = app_with_key(&["master:read"]).await;
    let id = list_keys(&app, &admin).await[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    assert_eq!(
        app.get("/api/v1/units", &key).await.status(),
        StatusCode::OK
    );

    // Act
    let resp = app.delete(&format!("/api/v1/api-keys/{id}"), &admin).await;

    // Assert
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert!(resp.text().await.expect("body").is_empty());
    let bearer = app.get("/api/v1/units", &key).await;
    assert_error(bearer, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    let header = app.get_with_api_key_header("/api/v1/units", &key).await;
    assert_error(header, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    let listed = list_keys(&app, &admin).await;
    assert!(listed[0]["revoked_at"].is_string(), "{listed:?}");
}

#[tokio::test]
async fn deleting_a_key_twice_is_idempotent() {
    let (app, admin, _) = app_with_key(&["master:read"]).await;
    let id = list_keys(&app, &admin).await[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let first = app.delete(&format!("/api/v1/api-keys/{id}"), &admin).await;
    assert_eq!(first.status(), StatusCode::NO_CONTENT);
    let revoked_at = list_keys(&app, &admin).await[0]["revoked_at"].clone();

    let second = app.delete(&format!("/api/v1/api-keys/{id}"), &admin).await;

    assert_eq!(second.status(), StatusCode::NO_CONTENT);
    assert_eq!(list_keys(&app, &admin).await[0]["revoked_at"], revoked_at);
}

#[tokio::test]
async fn deleting_an_unknown_key_is_404() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let resp = app
        .delete(
            &format!("/api/v1/api-keys/{}", uuid::Uuid::new_v4()),
            &admin,
        )
        .await;

    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn only_an_admin_may_delete_a_key() {
    let (app, admin, key) = app_with_key(&["master:read"]).await;
    let id = list_keys(&app, &admin).await[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let hr = hr_token(&app).await;

    let resp = app.delete(&format!("/api/v1/api-keys/{id}"), &hr).await;

    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(
        app.get("/api/v1/units", &key).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_unknown_key_is_401_invalid_api_key() {
    let app = spawn_app().await;
    let forged = format!("k360_{}", "0".repeat(64));

    let bearer = app.get("/api/v1/units", &forged).await;
    let header = app.get_with_api_key_header("/api/v1/units", &forged).await;

    assert_error(bearer, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
    assert_error(header, StatusCode::UNAUTHORIZED, "invalid_api_key").await;
}

// ---------------------------------------------------------------- what a key may do

#[tokio::test]
async fn a_master_read_key_reads_everything() {
    let (app, _, key) = app_with_key(&["master:read"]).await;

    let list = app.get_ok("/api/v1/employees", &key).await;
    let one = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &key)
        .await;
    let units = app.get_ok("/api/v1/units", &key).await;

    assert_eq!(nips_of(&list).len(), 4);
    assert_eq!(one["supervisor_nip"], LURAH);
    assert_eq!(units["meta"]["total"], 4);
}

#[tokio::test]
async fn a_master_read_key_cannot_write() {
    // Arrange
    let (app, admin, key) = app_with_key(&["master:read"]).await;

    // Act
    let employee = app.put_employee(&key, CAMAT, "Diubah", "CKN", None).await;
    let unit = app.put_unit(&key, "CKN", "Diubah", "kecamatan", None).await;
    let import = app
        .post_csv(
            "/api/v1/employees/import",
            &key,
            "nip,name,status,golongan,jabatan,jenis_jabatan,unit_code\n",
        )
        .await;

    // Assert
    for resp in [employee, unit, import] {
        let body = assert_error(resp, StatusCode::FORBIDDEN, "scope_missing").await;
        assert_eq!(body["error"]["details"]["scope"], "master:write");
    }
    let camat = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &admin)
        .await;
    assert_eq!(camat["name"], "Lalu Camat");
}

#[tokio::test]
async fn a_master_write_key_can_put_units_and_employees() {
    let (app, _, key) = app_with_key(&["master:write"]).await;

    let unit = app
        .put_unit(
            &key,
            "CKN-SEK-UMUM",
            "Subbagian Umum",
            "seksi",
            Some("CKN-SEK"),
        )
        .await;
    let employee = app
        .put_employee(
            &key,
            "198501012010011001",
            "Lalu Baru",
            "CKN-SEK-UMUM",
            Some(CAMAT),
        )
        .await;
    let update = app
        .put_employee(&key, CAMAT, "Lalu Camat Baru", "CKN", None)
        .await;

    assert_eq!(
        assert_json(unit, StatusCode::CREATED).await["parent_code"],
        "CKN-SEK"
    );
    let e = assert_json(employee, StatusCode::CREATED).await;
    assert_eq!(e["unit_name"], "Subbagian Umum");
    assert_eq!(
        assert_json(update, StatusCode::OK).await["name"],
        "Lalu Camat Baru"
    );
}

#[tokio::test]
async fn the_x_api_key_header_works_like_bearer() {
    let (app, _, key) = app_with_key(&["master:read"]).await;

    let via_header = app
        .get_with_api_key_header(&format!("/api/v1/employees/{STAF_A}"), &key)
        .await;
    let via_bearer = app.get(&format!("/api/v1/employees/{STAF_A}"), &key).await;

    let a = assert_json(via_header, StatusCode::OK).await;
    let b = assert_json(via_bearer, StatusCode::OK).await;
    assert_eq!(a, b);
    assert_eq!(a["nip"], STAF_A);
}

#[tokio::test]
async fn a_master_write_key_via_x_api_key_can_put() {
    let (app, _, key) = app_with_key(&["master:write"]).await;

    let resp = app
        .client
        .put(app.url("/api/v1/units/CKN-KEL-BARU"))
        .header("X-API-Key", &key)
        .json(&json!({ "name": "Kelurahan Baru", "kind": "kelurahan", "parent_code": "CKN" }))
        .send()
        .await
        .expect("request");

    let unit = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(unit["code"], "CKN-KEL-BARU");
}
