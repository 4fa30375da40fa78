//! Units: idempotent upsert by code, validation of the tree, list and read.

use crate::helpers::{PASSWORD, STAF_A, assert_error, assert_json, seed_hierarchy, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn codes_of(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|u| u["code"].as_str().expect("code"))
        .collect()
}

#[tokio::test]
async fn putting_a_new_unit_creates_it_with_201() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.put_unit(&token, "CKN", "Kecamatan Cakranegara", "kecamatan", None)
        .await;

    // Act
    let resp = app
        .put_unit(&token, "CKN-SEK", "Sekretariat", "sekretariat", Some("CKN"))
        .await;

    // Assert
    let body = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(body["code"], "CKN-SEK");
    assert_eq!(body["name"], "Sekretariat");
    assert_eq!(body["kind"], "sekretariat");
    assert_eq!(body["parent_code"], "CKN");
    assert_eq!(body["parent_name"], "Kecamatan Cakranegara");
    assert_eq!(body["employee_count"], 0);
    assert!(body["id"].as_str().is_some_and(|id| id.len() == 36));
    let read = app.get_ok("/api/v1/units/CKN-SEK", &token).await;
    assert_eq!(read, body);
}

#[tokio::test]
async fn putting_the_same_unit_twice_changes_nothing() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let first = app
        .put_unit(&token, "CKN", "Kecamatan Cakranegara", "kecamatan", None)
        .await;
    let first = assert_json(first, StatusCode::CREATED).await;
    let stored_before = kinerja::store::units::find_by_code(&app.db.read, "CKN")
        .await
        .expect("query")
        .expect("unit");

    // Act
    let second = app
        .put_unit(&token, "CKN", "Kecamatan Cakranegara", "kecamatan", None)
        .await;

    // Assert
    let second = assert_json(second, StatusCode::OK).await;
    assert_eq!(second, first);
    let stored_after = kinerja::store::units::find_by_code(&app.db.read, "CKN")
        .await
        .expect("query")
        .expect("unit");
    assert_eq!(stored_after.updated_at, stored_before.updated_at);
}

#[tokio::test]
async fn changing_the_name_updates_the_unit_with_200() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let created = app
        .put_unit(&token, "CKN", "Kecamatan Cakranegara", "kecamatan", None)
        .await;
    let created = assert_json(created, StatusCode::CREATED).await;

    // Act
    let resp = app
        .put_unit(&token, "CKN", "Kantor Camat Cakranegara", "kecamatan", None)
        .await;

    // Assert
    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["id"], created["id"]);
    assert_eq!(body["name"], "Kantor Camat Cakranegara");
    let read = app.get_ok("/api/v1/units/CKN", &token).await;
    assert_eq!(read["name"], "Kantor Camat Cakranegara");
}

#[tokio::test]
async fn a_unit_can_move_to_another_parent() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let resp = app
        .put_unit(
            &token,
            "CKN-KEL-MAY",
            "Kelurahan Mayura",
            "kelurahan",
            Some("CKN-SEK"),
        )
        .await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["parent_code"], "CKN-SEK");
    assert_eq!(body["parent_name"], "Sekretariat");
}

#[tokio::test]
async fn a_unit_can_be_made_a_root_again() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let resp = app
        .put_unit(&token, "CKN-SEK", "Sekretariat", "sekretariat", None)
        .await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["parent_code"], Value::Null);
    assert_eq!(body["parent_name"], Value::Null);
}

#[tokio::test]
async fn an_unknown_parent_is_a_422_on_parent_code() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;

    // Act
    let resp = app
        .put_unit(
            &token,
            "CKN-SEK",
            "Sekretariat",
            "sekretariat",
            Some("NOPE"),
        )
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let msg = body["error"]["fields"]["parent_code"][0]
        .as_str()
        .expect("message");
    assert!(msg.contains("NOPE"), "{msg}");
    let missing = app.get("/api/v1/units/CKN-SEK", &token).await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_unit_cannot_be_its_own_parent() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .put_unit(
            &token,
            "CKN",
            "Kecamatan Cakranegara",
            "kecamatan",
            Some("CKN"),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["parent_code"].is_array(), "{body}");
}

#[tokio::test]
async fn an_existing_unit_cannot_become_its_own_parent() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let resp = app
        .put_unit(
            &token,
            "CKN-SEK",
            "Sekretariat",
            "sekretariat",
            Some("CKN-SEK"),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["parent_code"].is_array(), "{body}");
    let read = app.get_ok("/api/v1/units/CKN-SEK", &token).await;
    assert_eq!(read["parent_code"], "CKN");
}

#[tokio::test]
async fn a_cycle_in_the_unit_tree_is_refused() {
    // Arrange: A is the parent of B.
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.put_unit(&token, "A", "Unit A", "dinas", None).await;
    let b = app
        .put_unit(&token, "B", "Unit B", "bidang", Some("A"))
        .await;
    assert_eq!(b.status(), StatusCode::CREATED);

    // Act: make B the parent of A.
    let resp = app
        .put_unit(&token, "A", "Unit A", "dinas", Some("B"))
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["parent_code"].is_array(), "{body}");
    let a = app.get_ok("/api/v1/units/A", &token).await;
    assert_eq!(a["parent_code"], Value::Null);
}

#[tokio::test]
async fn a_longer_cycle_in_the_unit_tree_is_refused() {
    // A → B → C; then A under C.
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.put_unit(&token, "A", "Unit A", "dinas", None).await;
    app.put_unit(&token, "B", "Unit B", "bidang", Some("A"))
        .await;
    app.put_unit(&token, "C", "Unit C", "seksi", Some("B"))
        .await;

    let resp = app
        .put_unit(&token, "A", "Unit A", "dinas", Some("C"))
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["parent_code"].is_array(), "{body}");
}

#[tokio::test]
async fn an_invalid_kind_is_a_422_on_kind() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .put_unit(&token, "CKN", "Kecamatan", "provinsi", None)
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let msg = body["error"]["fields"]["kind"][0]
        .as_str()
        .expect("message");
    assert!(msg.contains("kelurahan"), "lists the allowed kinds: {msg}");
}

#[tokio::test]
async fn a_code_with_a_space_is_a_422_on_code() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .put_json(
            "/api/v1/units/CKN%20KEL",
            &token,
            &json!({ "name": "Kelurahan", "kind": "kelurahan" }),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["code"].is_array(), "{body}");
}

#[tokio::test]
async fn every_invalid_field_is_reported_at_once() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .put_json(
            "/api/v1/units/CKN%20KEL",
            &token,
            &json!({ "name": "  ", "kind": "provinsi" }),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let fields = body["error"]["fields"].as_object().expect("fields");
    for f in ["code", "kind", "name"] {
        assert!(fields.contains_key(f), "{f} missing in {body}");
    }
}

#[tokio::test]
async fn the_unit_list_is_paginated_by_code() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    // Act
    let page1 = app.get_ok("/api/v1/units?per_page=2", &token).await;
    let page2 = app.get_ok("/api/v1/units?per_page=2&page=2", &token).await;
    let page3 = app.get_ok("/api/v1/units?per_page=2&page=3", &token).await;

    // Assert
    assert_eq!(
        page1["meta"],
        json!({ "page": 1, "per_page": 2, "total": 4 })
    );
    assert_eq!(codes_of(&page1), ["CKN", "CKN-KEL-CB"]);
    assert_eq!(
        page2["meta"],
        json!({ "page": 2, "per_page": 2, "total": 4 })
    );
    assert_eq!(codes_of(&page2), ["CKN-KEL-MAY", "CKN-SEK"]);
    assert_eq!(codes_of(&page3), Vec::<&str>::new());
    assert_eq!(page3["meta"]["total"], 4);
}

#[tokio::test]
async fn the_unit_list_defaults_to_20_per_page() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let list = app.get_ok("/api/v1/units", &token).await;

    assert_eq!(
        list["meta"],
        json!({ "page": 1, "per_page": 20, "total": 4 })
    );
    assert_eq!(list["items"].as_array().expect("items").len(), 4);
}

#[tokio::test]
async fn q_searches_unit_names_and_codes_case_insensitively() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let by_name = app.get_ok("/api/v1/units?q=KELURAHAN", &token).await;
    let by_code = app.get_ok("/api/v1/units?q=sek", &token).await;
    let nothing = app.get_ok("/api/v1/units?q=zzz", &token).await;

    assert_eq!(codes_of(&by_name), ["CKN-KEL-CB", "CKN-KEL-MAY"]);
    assert_eq!(by_name["meta"]["total"], 2);
    assert_eq!(codes_of(&by_code), ["CKN-SEK"]);
    assert_eq!(nothing["meta"]["total"], 0);
}

#[tokio::test]
async fn q_treats_like_wildcards_literally() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let percent = app.get_ok("/api/v1/units?q=%25", &token).await;
    let underscore = app.get_ok("/api/v1/units?q=_", &token).await;

    assert_eq!(percent["meta"]["total"], 0);
    assert_eq!(underscore["meta"]["total"], 0);
}

#[tokio::test]
async fn the_list_filters_children_of_a_parent() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;

    let children = app.get_ok("/api/v1/units?parent_code=CKN", &token).await;
    let unknown = app.get("/api/v1/units?parent_code=NOPE", &token).await;

    assert_eq!(
        codes_of(&children),
        ["CKN-KEL-CB", "CKN-KEL-MAY", "CKN-SEK"]
    );
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn units_show_how_many_employees_they_have() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    seed_hierarchy(&app, &token).await;

    let list = app.get_ok("/api/v1/units", &token).await;
    let one = app.get_ok("/api/v1/units/CKN-KEL-CB", &token).await;

    let count = |code: &str| {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|u| u["code"] == code)
            .map(|u| u["employee_count"].clone())
            .expect("unit listed")
    };
    assert_eq!(count("CKN"), 1);
    assert_eq!(count("CKN-KEL-CB"), 3);
    assert_eq!(count("CKN-KEL-MAY"), 0);
    assert_eq!(one["employee_count"], 3);
}

#[tokio::test]
async fn reading_an_unknown_unit_is_404() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app.get("/api/v1/units/NOPE", &token).await;

    let body = assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("NOPE")
    );
}

#[tokio::test]
async fn an_employee_reads_units_but_cannot_write_them() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let list = app.get_ok("/api/v1/units", &staff).await;
    let put = app
        .put_unit(&staff, "CKN", "Diubah", "kecamatan", None)
        .await;

    assert_eq!(list["meta"]["total"], 4);
    assert_error(put, StatusCode::FORBIDDEN, "forbidden").await;
    let unit = app.get_ok("/api/v1/units/CKN", &admin).await;
    assert_eq!(unit["name"], "Kecamatan Cakranegara");
}

#[tokio::test]
async fn units_need_authentication() {
    let app = spawn_app().await;

    let resp = app.get_anonymous("/api/v1/units").await;

    assert_error(resp, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn hr_may_write_units() {
    let app = spawn_app().await;
    app.create_user("Pengelola", Some("hr@test.local"), None, None, &["hr"])
        .await;
    let hr = app.login_token("hr@test.local", PASSWORD).await;

    let resp = app
        .put_unit(&hr, "CKN", "Kecamatan", "kecamatan", None)
        .await;

    assert_eq!(resp.status(), StatusCode::CREATED);
}
