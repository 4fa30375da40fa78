//! Employees: idempotent upsert by NIP, NIP and field validation, the hierarchy, list
//! filters, display fields, and who may read or write which record.

use crate::helpers::{
    CAMAT, LURAH, PASSWORD, PPPK, STAF_A, STAF_B, TestApp, assert_error, assert_json,
    employee_body, nips_of, seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// An app with the unit tree and an admin token.
async fn app_with_units() -> (TestApp, String) {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;
    (app, token)
}

/// An app with Camat → Lurah → two staff and an admin token.
async fn app_with_hierarchy() -> (TestApp, String) {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    seed_hierarchy(&app, &token).await;
    (app, token)
}

/// PUTs `body` for `nip` and returns the 422 body, asserting the envelope.
async fn put_invalid(app: &TestApp, token: &str, nip: &str, body: &Value) -> Value {
    let resp = app
        .put_json(&format!("/api/v1/employees/{nip}"), token, body)
        .await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await
}

/// The first message for `field` in a 422 body.
fn field_message(body: &Value, field: &str) -> String {
    body["error"]["fields"][field][0]
        .as_str()
        .unwrap_or_else(|| panic!("no message for {field} in {body}"))
        .to_string()
}

fn with(mut body: Value, key: &str, value: Value) -> Value {
    body[key] = value;
    body
}

// ---------------------------------------------------------------- upsert

#[tokio::test]
async fn putting_a_new_employee_creates_it_with_201() {
    // Arrange
    let (app, token) = app_with_units().await;

    // Act
    let resp = app
        .put_employee(&token, CAMAT, "Lalu Camat", "CKN", None)
        .await;

    // Assert
    let body = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(body["nip"], CAMAT);
    assert_eq!(body["name"], "Lalu Camat");
    assert_eq!(body["status"], "PNS");
    assert_eq!(body["golongan"], "III/b");
    assert_eq!(body["jabatan"], "Pengadministrasi Umum");
    assert_eq!(body["jenis_jabatan"], "pelaksana");
    assert_eq!(body["unit_code"], "CKN");
    assert_eq!(body["unit_name"], "Kecamatan Cakranegara");
    assert_eq!(body["supervisor_nip"], Value::Null);
    assert_eq!(body["active"], true);
    assert_eq!(body["created_at"], body["updated_at"]);
    let read = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &token)
        .await;
    assert_eq!(read, body);
}

#[tokio::test]
async fn putting_the_same_employee_twice_changes_nothing() {
    // Arrange
    let (app, token) = app_with_hierarchy().await;
    let body = with(
        employee_body("I Made Staf", "CKN-KEL-CB", Some(LURAH)),
        "email",
        json!("made@example.go.id"),
    );
    let first = app
        .put_json(&format!("/api/v1/employees/{STAF_A}"), &token, &body)
        .await;
    let first = assert_json(first, StatusCode::OK).await;

    // Act
    let second = app
        .put_json(&format!("/api/v1/employees/{STAF_A}"), &token, &body)
        .await;

    // Assert: the whole answer, updated_at included, is identical.
    let second = assert_json(second, StatusCode::OK).await;
    assert_eq!(second, first);
}

#[tokio::test]
async fn a_created_employee_put_again_returns_200_with_an_identical_body() {
    let (app, token) = app_with_units().await;
    let first = app
        .put_employee(&token, CAMAT, "Lalu Camat", "CKN", None)
        .await;
    let first = assert_json(first, StatusCode::CREATED).await;

    let second = app
        .put_employee(&token, CAMAT, "Lalu Camat", "CKN", None)
        .await;

    let second = assert_json(second, StatusCode::OK).await;
    assert_eq!(second, first);
    assert_eq!(second["updated_at"], first["updated_at"]);
}

#[tokio::test]
async fn golongan_is_stored_as_written_on_documents_whatever_its_case() {
    let (app, token) = app_with_units().await;
    let lower = with(
        employee_body("Lalu Camat", "CKN", None),
        "golongan",
        json!("iii/b"),
    );
    let first = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &lower)
        .await;
    let first = assert_json(first, StatusCode::CREATED).await;

    let again = app
        .put_employee(&token, CAMAT, "Lalu Camat", "CKN", None)
        .await;

    assert_eq!(first["golongan"], "III/b");
    let again = assert_json(again, StatusCode::OK).await;
    assert_eq!(again, first, "III/b and iii/b are the same golongan");
}

#[tokio::test]
async fn changing_a_field_updates_the_employee_with_200() {
    // Arrange
    let (app, token) = app_with_units().await;
    let created = app
        .put_employee(&token, CAMAT, "Lalu Camat", "CKN", None)
        .await;
    let created = assert_json(created, StatusCode::CREATED).await;

    // Act
    let body = with(
        employee_body("Lalu Camat", "CKN", None),
        "jabatan",
        json!("Camat"),
    );
    let resp = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &body)
        .await;

    // Assert
    let updated = assert_json(resp, StatusCode::OK).await;
    assert_eq!(updated["id"], created["id"]);
    assert_eq!(updated["jabatan"], "Camat");
    assert_eq!(updated["created_at"], created["created_at"]);
    let before: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(created["updated_at"].clone()).expect("timestamp");
    let after: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(updated["updated_at"].clone()).expect("timestamp");
    assert!(after > before, "{before} → {after}");
}

#[tokio::test]
async fn changing_only_the_supervisor_is_an_update() {
    let (app, token) = app_with_hierarchy().await;

    let resp = app
        .put_employee(&token, STAF_A, "I Made Staf", "CKN-KEL-CB", Some(CAMAT))
        .await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["supervisor_nip"], CAMAT);
    assert_eq!(body["supervisor_name"], "Lalu Camat, S.Sos.");
    let read = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    assert_eq!(read["supervisor_nip"], CAMAT);
}

#[tokio::test]
async fn the_supervisor_can_be_removed() {
    let (app, token) = app_with_hierarchy().await;

    let resp = app
        .put_employee(&token, STAF_A, "I Made Staf", "CKN-KEL-CB", None)
        .await;

    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["supervisor_nip"], Value::Null);
    assert_eq!(body["supervisor_name"], Value::Null);
}

#[tokio::test]
async fn full_name_pangkat_and_golongan_code_are_derived() {
    // Arrange
    let (app, token) = app_with_units().await;
    let body = json!({
        "name": "Lalu Ahmad",
        "gelar_depan": "Drs.",
        "gelar_belakang": "M.Si.",
        "status": "PNS",
        "golongan": "III/b",
        "jabatan": "Camat",
        "jenis_jabatan": "struktural",
        "unit_code": "CKN",
        "active": true
    });

    // Act
    let resp = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &body)
        .await;

    // Assert
    let e = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(e["full_name"], "Drs. Lalu Ahmad, M.Si.");
    assert_eq!(e["gelar_depan"], "Drs.");
    assert_eq!(e["gelar_belakang"], "M.Si.");
    assert_eq!(e["pangkat"], "Penata Muda Tk I");
    assert_eq!(e["golongan_code"], 32);
}

#[tokio::test]
async fn a_pppk_employee_with_golongan_ix_is_accepted() {
    let (app, token) = app_with_units().await;
    let body = json!({
        "name": "Baiq Nurul",
        "status": "PPPK",
        "golongan": "IX",
        "jabatan": "Penata Layanan Operasional",
        "jenis_jabatan": "fungsional",
        "unit_code": "CKN-SEK",
        "active": true
    });

    let resp = app
        .put_json(&format!("/api/v1/employees/{PPPK}"), &token, &body)
        .await;

    let e = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(e["status"], "PPPK");
    assert_eq!(e["golongan"], "IX");
    assert_eq!(e["golongan_code"], 9);
    assert_eq!(e["pangkat"], Value::Null);
    assert_eq!(e["full_name"], "Baiq Nurul");
}

#[tokio::test]
async fn optional_fields_default_to_empty_and_active() {
    let (app, token) = app_with_units().await;
    let body = json!({
        "name": "Lalu Camat",
        "status": "PNS",
        "golongan": "IV/a",
        "jabatan": "Camat",
        "jenis_jabatan": "struktural",
        "unit_code": "CKN"
    });

    let resp = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &body)
        .await;

    let e = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(e["active"], true);
    assert_eq!(e["email"], Value::Null);
    assert_eq!(e["gelar_depan"], Value::Null);
    assert_eq!(e["pangkat"], "Pembina");
    assert_eq!(e["golongan_code"], 41);
}

#[tokio::test]
async fn email_is_stored_in_lower_case() {
    let (app, token) = app_with_units().await;
    let body = with(
        employee_body("Lalu Camat", "CKN", None),
        "email",
        json!("Camat@Mataram.Go.Id"),
    );

    let resp = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &body)
        .await;

    let e = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(e["email"], "camat@mataram.go.id");
}

#[tokio::test]
async fn reading_an_unknown_nip_is_404() {
    let (app, token) = app_with_units().await;

    let resp = app.get(&format!("/api/v1/employees/{CAMAT}"), &token).await;

    let body = assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains(CAMAT)
    );
}

// ---------------------------------------------------------------- NIP validation

/// PUTs a valid body under an invalid NIP and returns the message for `nip`.
async fn nip_error(nip: &str) -> String {
    let (app, token) = app_with_units().await;
    let body = put_invalid(&app, &token, nip, &employee_body("Uji", "CKN", None)).await;
    assert_error(
        app.get(&format!("/api/v1/employees/{nip}"), &token).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    field_message(&body, "nip")
}

#[tokio::test]
async fn a_nip_with_month_13_is_refused_naming_digits_9_to_14() {
    let msg = nip_error("199002022015132003").await;

    assert!(msg.contains("digit 9–14"), "{msg}");
    assert!(msg.contains("13"), "{msg}");
}

#[tokio::test]
async fn a_nip_with_an_impossible_birth_date_is_refused_naming_digits_1_to_8() {
    let msg = nip_error("199002302015032003").await;

    assert!(msg.contains("digit 1–8"), "{msg}");
}

#[tokio::test]
async fn a_nip_with_gender_3_is_refused_naming_digit_15() {
    let msg = nip_error("199002022015033003").await;

    assert!(msg.contains("digit 15"), "{msg}");
}

#[tokio::test]
async fn a_nip_with_sequence_000_is_refused_naming_digits_16_to_18() {
    let msg = nip_error("199002022015031000").await;

    assert!(msg.contains("digit 16–18"), "{msg}");
}

#[tokio::test]
async fn a_nip_of_17_digits_is_refused_asking_for_18() {
    let msg = nip_error("19900202201503200").await;

    assert!(msg.contains("18 digit"), "{msg}");
}

#[tokio::test]
async fn a_nip_with_letters_is_refused_asking_for_18_digits() {
    let msg = nip_error("19900202201503200X").await;

    assert!(msg.contains("18 digit"), "{msg}");
}

#[tokio::test]
async fn a_tmt_before_the_birth_date_is_refused_naming_digits_9_to_14() {
    let msg = nip_error("199002021989032003").await;

    assert!(msg.contains("digit 9–14"), "{msg}");
}

#[tokio::test]
async fn a_pppk_number_with_status_pns_is_refused_on_status() {
    let (app, token) = app_with_units().await;

    let body = put_invalid(&app, &token, PPPK, &employee_body("Baiq", "CKN", None)).await;

    let msg = field_message(&body, "status");
    assert!(msg.contains("digit 13"), "{msg}");
    assert!(body["error"]["fields"].get("nip").is_none(), "{body}");
}

#[tokio::test]
async fn a_pns_number_with_status_pppk_is_refused_on_status() {
    let (app, token) = app_with_units().await;
    let body = with(
        with(employee_body("Lalu", "CKN", None), "status", json!("PPPK")),
        "golongan",
        json!("IX"),
    );

    let body = put_invalid(&app, &token, CAMAT, &body).await;

    assert!(body["error"]["fields"]["status"].is_array(), "{body}");
}

// ---------------------------------------------------------------- field validation

#[tokio::test]
async fn an_unknown_golongan_is_refused_on_golongan() {
    let (app, token) = app_with_units().await;
    let body = with(
        employee_body("Lalu", "CKN", None),
        "golongan",
        json!("III/f"),
    );

    let body = put_invalid(&app, &token, CAMAT, &body).await;

    let msg = field_message(&body, "golongan");
    assert!(msg.contains("III/f"), "{msg}");
}

#[tokio::test]
async fn a_pppk_golongan_for_a_pns_is_refused_on_golongan() {
    let (app, token) = app_with_units().await;
    let body = with(employee_body("Lalu", "CKN", None), "golongan", json!("IX"));

    let body = put_invalid(&app, &token, CAMAT, &body).await;

    assert!(body["error"]["fields"]["golongan"].is_array(), "{body}");
}

#[tokio::test]
async fn an_unknown_status_is_refused_on_status() {
    let (app, token) = app_with_units().await;
    let body = with(
        employee_body("Lalu", "CKN", None),
        "status",
        json!("Honorer"),
    );

    let body = put_invalid(&app, &token, CAMAT, &body).await;

    assert!(body["error"]["fields"]["status"].is_array(), "{body}");
}

#[tokio::test]
async fn an_unknown_jenis_jabatan_is_refused() {
    let (app, token) = app_with_units().await;
    let body = with(
        employee_body("Lalu", "CKN", None),
        "jenis_jabatan",
        json!("boss"),
    );

    let body = put_invalid(&app, &token, CAMAT, &body).await;

    assert!(
        body["error"]["fields"]["jenis_jabatan"].is_array(),
        "{body}"
    );
}

#[tokio::test]
async fn an_unknown_unit_is_refused_on_unit_code() {
    let (app, token) = app_with_units().await;

    let body = put_invalid(&app, &token, CAMAT, &employee_body("Lalu", "NOPE", None)).await;

    let msg = field_message(&body, "unit_code");
    assert!(msg.contains("NOPE"), "{msg}");
}

#[tokio::test]
async fn an_unknown_supervisor_is_refused_on_supervisor_nip() {
    let (app, token) = app_with_units().await;

    let body = put_invalid(
        &app,
        &token,
        STAF_A,
        &employee_body("I Made", "CKN", Some(LURAH)),
    )
    .await;

    let msg = field_message(&body, "supervisor_nip");
    assert!(msg.contains(LURAH), "{msg}");
}

#[tokio::test]
async fn an_invalid_supervisor_nip_is_refused_on_supervisor_nip() {
    let (app, token) = app_with_units().await;

    let body = put_invalid(
        &app,
        &token,
        STAF_A,
        &employee_body("I Made", "CKN", Some("123")),
    )
    .await;

    assert!(
        body["error"]["fields"]["supervisor_nip"].is_array(),
        "{body}"
    );
}

#[tokio::test]
async fn an_employee_cannot_supervise_themselves() {
    let (app, token) = app_with_hierarchy().await;

    let body = put_invalid(
        &app,
        &token,
        STAF_A,
        &employee_body("I Made Staf", "CKN-KEL-CB", Some(STAF_A)),
    )
    .await;

    assert!(
        body["error"]["fields"]["supervisor_nip"].is_array(),
        "{body}"
    );
    let read = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    assert_eq!(read["supervisor_nip"], LURAH);
}

#[tokio::test]
async fn a_new_employee_cannot_supervise_themselves() {
    let (app, token) = app_with_units().await;

    let body = put_invalid(
        &app,
        &token,
        CAMAT,
        &employee_body("Lalu", "CKN", Some(CAMAT)),
    )
    .await;

    assert!(
        body["error"]["fields"]["supervisor_nip"].is_array(),
        "{body}"
    );
}

#[tokio::test]
async fn a_supervision_cycle_is_refused() {
    // Arrange: Camat → Lurah → Staf A.
    let (app, token) = app_with_hierarchy().await;

    // Act: make Staf A the Camat's supervisor.
    let body = put_invalid(
        &app,
        &token,
        CAMAT,
        &employee_body("Lalu Camat", "CKN", Some(STAF_A)),
    )
    .await;

    // Assert
    let msg = field_message(&body, "supervisor_nip");
    assert!(msg.to_lowercase().contains("melingkar"), "{msg}");
    let camat = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &token)
        .await;
    assert_eq!(camat["supervisor_nip"], Value::Null);
}

#[tokio::test]
async fn an_email_used_by_another_employee_is_refused_on_email() {
    // Arrange
    let (app, token) = app_with_hierarchy().await;
    let camat = with(
        employee_body("Lalu Camat", "CKN", None),
        "email",
        json!("camat@mataram.go.id"),
    );
    let resp = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &camat)
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    // Act: the same address, differently capitalised, for someone else.
    let staff = with(
        employee_body("I Made Staf", "CKN-KEL-CB", Some(LURAH)),
        "email",
        json!("Camat@Mataram.go.id"),
    );
    let body = put_invalid(&app, &token, STAF_A, &staff).await;

    // Assert
    assert!(body["error"]["fields"]["email"].is_array(), "{body}");
    let read = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    assert_eq!(read["email"], Value::Null);
}

#[tokio::test]
async fn an_employee_may_keep_their_own_email() {
    let (app, token) = app_with_units().await;
    let body = with(
        employee_body("Lalu Camat", "CKN", None),
        "email",
        json!("camat@mataram.go.id"),
    );
    let first = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &body)
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);

    let renamed = with(body, "name", json!("Lalu Camat Baru"));
    let resp = app
        .put_json(&format!("/api/v1/employees/{CAMAT}"), &token, &renamed)
        .await;

    let e = assert_json(resp, StatusCode::OK).await;
    assert_eq!(e["email"], "camat@mataram.go.id");
    assert_eq!(e["name"], "Lalu Camat Baru");
}

#[tokio::test]
async fn an_invalid_email_is_refused_on_email() {
    let (app, token) = app_with_units().await;
    let body = with(
        employee_body("Lalu", "CKN", None),
        "email",
        json!("not-an-email"),
    );

    let body = put_invalid(&app, &token, CAMAT, &body).await;

    assert!(body["error"]["fields"]["email"].is_array(), "{body}");
}

#[tokio::test]
async fn every_invalid_field_is_reported_at_once() {
    let (app, token) = app_with_units().await;
    let body = json!({
        "name": " ",
        "status": "PNS",
        "golongan": "V/z",
        "jabatan": "",
        "jenis_jabatan": "boss",
        "unit_code": "NOPE",
        "email": "x@"
    });

    let body = put_invalid(&app, &token, "199002022015132003", &body).await;

    let fields = body["error"]["fields"].as_object().expect("fields");
    for f in [
        "nip",
        "name",
        "golongan",
        "jabatan",
        "jenis_jabatan",
        "unit_code",
        "email",
    ] {
        assert!(fields.contains_key(f), "{f} missing in {body}");
    }
}

// ---------------------------------------------------------------- list

#[tokio::test]
async fn the_list_filters_by_unit_code() {
    let (app, token) = app_with_hierarchy().await;

    let kelurahan = app
        .get_ok("/api/v1/employees?unit_code=CKN-KEL-CB", &token)
        .await;
    let kecamatan = app.get_ok("/api/v1/employees?unit_code=CKN", &token).await;
    let empty = app
        .get_ok("/api/v1/employees?unit_code=CKN-KEL-MAY", &token)
        .await;

    assert_eq!(nips_of(&kelurahan), [LURAH, STAF_A, STAF_B]);
    assert_eq!(kelurahan["meta"]["total"], 3);
    assert_eq!(nips_of(&kecamatan), [CAMAT]);
    assert_eq!(empty["meta"]["total"], 0);
}

#[tokio::test]
async fn an_unknown_unit_code_filter_is_404() {
    let (app, token) = app_with_hierarchy().await;

    let resp = app.get("/api/v1/employees?unit_code=NOPE", &token).await;

    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn q_finds_names_containing_the_text_whatever_the_case() {
    let (app, token) = app_with_hierarchy().await;

    let lower = app.get_ok("/api/v1/employees?q=staf", &token).await;
    let upper = app.get_ok("/api/v1/employees?q=STAF", &token).await;
    let middle = app.get_ok("/api/v1/employees?q=luh", &token).await;

    assert_eq!(nips_of(&lower), [STAF_A, STAF_B]);
    assert_eq!(nips_of(&upper), [STAF_A, STAF_B]);
    assert_eq!(nips_of(&middle), [STAF_B]);
}

#[tokio::test]
async fn q_finds_nips_by_prefix_only() {
    let (app, token) = app_with_hierarchy().await;

    let prefix = app.get_ok("/api/v1/employees?q=199", &token).await;
    let exact = app
        .get_ok(&format!("/api/v1/employees?q={LURAH}"), &token)
        .await;
    // "2003" occurs inside STAF_A's NIP but is not a prefix of any NIP.
    let inside = app.get_ok("/api/v1/employees?q=2003", &token).await;

    assert_eq!(nips_of(&prefix), [STAF_A, STAF_B]);
    assert_eq!(nips_of(&exact), [LURAH]);
    assert_eq!(inside["meta"]["total"], 0);
}

#[tokio::test]
async fn q_treats_like_wildcards_literally() {
    let (app, token) = app_with_hierarchy().await;

    let percent = app.get_ok("/api/v1/employees?q=%25", &token).await;
    let underscore = app.get_ok("/api/v1/employees?q=_9", &token).await;

    assert_eq!(percent["meta"]["total"], 0);
    assert_eq!(underscore["meta"]["total"], 0);
}

#[tokio::test]
async fn active_false_lists_only_inactive_employees() {
    // Arrange
    let (app, token) = app_with_hierarchy().await;
    let inactive = with(
        employee_body("Ni Luh Staf", "CKN-KEL-CB", Some(LURAH)),
        "active",
        json!(false),
    );
    let resp = app
        .put_json(&format!("/api/v1/employees/{STAF_B}"), &token, &inactive)
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    // Act
    let only_inactive = app.get_ok("/api/v1/employees?active=false", &token).await;
    let only_active = app.get_ok("/api/v1/employees?active=true", &token).await;
    let everyone = app.get_ok("/api/v1/employees", &token).await;

    // Assert
    assert_eq!(nips_of(&only_inactive), [STAF_B]);
    assert_eq!(only_inactive["items"][0]["active"], false);
    assert_eq!(only_active["meta"]["total"], 3);
    assert_eq!(everyone["meta"]["total"], 4);
}

#[tokio::test]
async fn the_list_is_paginated_by_name_with_totals() {
    let (app, token) = app_with_hierarchy().await;

    let page1 = app.get_ok("/api/v1/employees?per_page=3", &token).await;
    let page2 = app
        .get_ok("/api/v1/employees?per_page=3&page=2", &token)
        .await;

    // Baiq Lurah, I Made Staf, Lalu Camat | Ni Luh Staf
    assert_eq!(
        page1["meta"],
        json!({ "page": 1, "per_page": 3, "total": 4 })
    );
    assert_eq!(nips_of(&page1), [LURAH, STAF_A, CAMAT]);
    assert_eq!(
        page2["meta"],
        json!({ "page": 2, "per_page": 3, "total": 4 })
    );
    assert_eq!(nips_of(&page2), [STAF_B]);
}

#[tokio::test]
async fn filters_combine_and_the_total_counts_the_filtered_rows() {
    let (app, token) = app_with_hierarchy().await;

    let list = app
        .get_ok(
            "/api/v1/employees?unit_code=CKN-KEL-CB&q=staf&per_page=1",
            &token,
        )
        .await;

    assert_eq!(
        list["meta"],
        json!({ "page": 1, "per_page": 1, "total": 2 })
    );
    assert_eq!(nips_of(&list), [STAF_A]);
}

#[tokio::test]
async fn per_page_above_100_is_clamped_to_100() {
    let (app, token) = app_with_hierarchy().await;

    let list = app.get_ok("/api/v1/employees?per_page=500", &token).await;

    assert_eq!(
        list["meta"],
        json!({ "page": 1, "per_page": 100, "total": 4 })
    );
    assert_eq!(nips_of(&list).len(), 4);
}

#[tokio::test]
async fn page_zero_is_read_as_the_first_page() {
    let (app, token) = app_with_hierarchy().await;

    let list = app
        .get_ok("/api/v1/employees?page=0&per_page=0", &token)
        .await;

    assert_eq!(
        list["meta"],
        json!({ "page": 1, "per_page": 1, "total": 4 })
    );
    assert_eq!(nips_of(&list), [LURAH]);
}

#[tokio::test]
async fn a_page_far_beyond_the_end_is_empty_not_an_error() {
    let (app, token) = app_with_hierarchy().await;

    let list = app
        .get_ok("/api/v1/employees?page=2147483647&per_page=100", &token)
        .await;

    assert_eq!(list["meta"]["total"], 4);
    assert_eq!(list["meta"]["per_page"], 100);
    assert_eq!(nips_of(&list), Vec::<String>::new());
}

// ---------------------------------------------------------------- who may read and write

#[tokio::test]
async fn an_employee_reads_their_own_record() {
    let (app, admin) = app_with_hierarchy().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let resp = app
        .get(&format!("/api/v1/employees/{STAF_A}"), &staff)
        .await;

    let e = assert_json(resp, StatusCode::OK).await;
    assert_eq!(e["nip"], STAF_A);
    let as_admin = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &admin)
        .await;
    assert_eq!(e, as_admin);
}

#[tokio::test]
async fn an_employee_cannot_read_a_peer_and_gets_404() {
    let (app, _) = app_with_hierarchy().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let peer = app
        .get(&format!("/api/v1/employees/{STAF_B}"), &staff)
        .await;
    let unknown = app
        .get("/api/v1/employees/198501012010011001", &staff)
        .await;

    // Hidden and missing look the same, so NIPs cannot be probed.
    let peer = assert_error(peer, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    assert!(
        peer["error"]["message"]
            .as_str()
            .expect("msg")
            .contains(STAF_B)
    );
}

#[tokio::test]
async fn an_employee_cannot_read_their_supervisor_record() {
    let (app, _) = app_with_hierarchy().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let resp = app.get(&format!("/api/v1/employees/{LURAH}"), &staff).await;

    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn an_employee_cannot_write_any_record() {
    // Arrange
    let (app, admin) = app_with_hierarchy().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;
    let promoted = with(
        employee_body("I Made Staf", "CKN-KEL-CB", Some(LURAH)),
        "golongan",
        json!("IV/e"),
    );

    // Act
    let own = app
        .put_json(&format!("/api/v1/employees/{STAF_A}"), &staff, &promoted)
        .await;
    let peer = app
        .put_employee(&staff, STAF_B, "Diubah", "CKN-KEL-CB", None)
        .await;
    let new = app
        .put_employee(&staff, "198501012010011001", "Baru", "CKN", None)
        .await;

    // Assert
    for resp in [own, peer, new] {
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let e = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &admin)
        .await;
    assert_eq!(e["golongan"], "III/b");
}

#[tokio::test]
async fn an_employee_lists_only_themselves() {
    let (app, _) = app_with_hierarchy().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let list = app.get_ok("/api/v1/employees", &staff).await;

    assert_eq!(nips_of(&list), [STAF_A]);
    assert_eq!(list["meta"]["total"], 1);
}

#[tokio::test]
async fn a_supervisor_reads_their_subordinates() {
    let (app, _) = app_with_hierarchy().await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    let a = app
        .get(&format!("/api/v1/employees/{STAF_A}"), &lurah)
        .await;
    let b = app
        .get(&format!("/api/v1/employees/{STAF_B}"), &lurah)
        .await;
    let boss = app.get(&format!("/api/v1/employees/{CAMAT}"), &lurah).await;

    assert_eq!(assert_json(a, StatusCode::OK).await["nip"], STAF_A);
    assert_eq!(assert_json(b, StatusCode::OK).await["nip"], STAF_B);
    assert_error(boss, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_supervisor_lists_themselves_and_their_subordinates_only() {
    let (app, _) = app_with_hierarchy().await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    let list = app.get_ok("/api/v1/employees", &lurah).await;

    assert_eq!(nips_of(&list), [LURAH, STAF_A, STAF_B]);
    assert_eq!(list["meta"]["total"], 3);
}

#[tokio::test]
async fn a_supervisor_sees_indirect_subordinates_too() {
    let (app, _) = app_with_hierarchy().await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;

    let list = app.get_ok("/api/v1/employees", &camat).await;
    let staff = app
        .get(&format!("/api/v1/employees/{STAF_B}"), &camat)
        .await;

    assert_eq!(list["meta"]["total"], 4);
    assert_eq!(assert_json(staff, StatusCode::OK).await["nip"], STAF_B);
}

#[tokio::test]
async fn a_supervisor_cannot_write_their_subordinates() {
    let (app, _) = app_with_hierarchy().await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    let resp = app
        .put_employee(&lurah, STAF_A, "I Made Staf", "CKN-KEL-CB", Some(LURAH))
        .await;

    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_account_without_employee_record_or_role_sees_nobody() {
    let (app, _) = app_with_hierarchy().await;
    app.create_user("Tamu", Some("tamu@test.local"), None, None, &["employee"])
        .await;
    let guest = app.login_token("tamu@test.local", PASSWORD).await;

    let list = app.get_ok("/api/v1/employees", &guest).await;
    let one = app
        .get(&format!("/api/v1/employees/{STAF_A}"), &guest)
        .await;

    assert_eq!(list["meta"]["total"], 0);
    assert_error(one, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_auditor_reads_everything_but_cannot_write() {
    // Arrange
    let (app, _) = app_with_hierarchy().await;
    app.create_user(
        "Auditor",
        Some("auditor@test.local"),
        None,
        None,
        &["auditor"],
    )
    .await;
    let auditor = app.login_token("auditor@test.local", PASSWORD).await;

    // Act
    let list = app.get_ok("/api/v1/employees", &auditor).await;
    let one = app
        .get(&format!("/api/v1/employees/{STAF_B}"), &auditor)
        .await;
    let put = app
        .put_employee(&auditor, STAF_B, "Diubah", "CKN-KEL-CB", Some(LURAH))
        .await;
    let put_unit = app
        .put_unit(&auditor, "CKN", "Diubah", "kecamatan", None)
        .await;

    // Assert
    assert_eq!(list["meta"]["total"], 4);
    assert_eq!(
        assert_json(one, StatusCode::OK).await["name"],
        "Ni Luh Staf"
    );
    assert_error(put, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(put_unit, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn hr_writes_employees() {
    let (app, _) = app_with_hierarchy().await;
    app.create_user("Pengelola", Some("hr@test.local"), None, None, &["hr"])
        .await;
    let hr = app.login_token("hr@test.local", PASSWORD).await;

    let resp = app
        .put_employee(&hr, PPPK, "Baiq Nurul", "CKN-SEK", Some(CAMAT))
        .await;

    // PPPK body with PNS status: HR is allowed in, and then validated.
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["status"].is_array());
    let ok = app
        .put_employee(
            &hr,
            "198501012010011001",
            "Lalu Baru",
            "CKN-SEK",
            Some(CAMAT),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn employees_need_authentication() {
    let (app, _) = app_with_hierarchy().await;

    let list = app.get_anonymous("/api/v1/employees").await;
    let one = app
        .get_anonymous(&format!("/api/v1/employees/{STAF_A}"))
        .await;

    assert_error(list, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_error(one, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}
