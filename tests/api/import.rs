//! Bulk import of employees: CSV or JSON, all or nothing, dry runs, per-row error reports.

use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

const HEADER: &str = "nip,name,gelar_depan,gelar_belakang,status,golongan,jabatan,jenis_jabatan,unit_code,supervisor_nip,email,active";
const IMPORT: &str = "/api/v1/employees/import";
const DRY_RUN: &str = "/api/v1/employees/import?dry_run=true";
/// A PNS NIP whose TMT month is 13.
const BAD_MONTH: &str = "199002022015132003";

/// One CSV line with sensible defaults.
fn line(nip: &str, name: &str, unit: &str, supervisor: &str) -> String {
    format!(
        "{nip},{name},,S.Sos.,PNS,III/b,Pengadministrasi Umum,pelaksana,{unit},{supervisor},,true"
    )
}

fn csv(lines: &[String]) -> String {
    let mut out = String::from(HEADER);
    for l in lines {
        out.push('\n');
        out.push_str(l);
    }
    out.push('\n');
    out
}

/// Staff first, then the Lurah, then the Camat: every supervisor comes later in the file.
fn three_rows_supervisors_last() -> String {
    csv(&[
        line(STAF_A, "I Made Staf", "CKN-KEL-CB", LURAH),
        line(LURAH, "Baiq Lurah", "CKN-KEL-CB", CAMAT),
        line(CAMAT, "Lalu Camat", "CKN", ""),
    ])
}

async fn app_with_units() -> (TestApp, String) {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;
    (app, token)
}

async fn post_body(
    app: &TestApp,
    path: &str,
    token: &str,
    content_type: &str,
    body: &str,
) -> Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .header("Content-Type", content_type)
        .body(body.to_string())
        .send()
        .await
        .expect("request")
}

async fn employee_total(app: &TestApp, token: &str) -> u64 {
    app.get_ok("/api/v1/employees", token).await["meta"]["total"]
        .as_u64()
        .expect("total")
}

async fn assert_absent(app: &TestApp, token: &str, nip: &str) {
    let resp = app.get(&format!("/api/v1/employees/{nip}"), token).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

/// The row errors of a 422 `import_rejected`.
async fn rejected_rows(resp: Response) -> Vec<Value> {
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "import_rejected").await;
    body["error"]["rows"].as_array().expect("rows").clone()
}

fn has_row_error(rows: &[Value], row: u64, field: &str) -> bool {
    rows.iter().any(|r| r["row"] == row && r["field"] == field)
}

#[tokio::test]
async fn a_csv_with_supervisors_later_in_the_file_is_imported_with_its_links() {
    // Arrange
    let (app, token) = app_with_units().await;

    // Act
    let resp = app
        .post_csv(IMPORT, &token, &three_rows_supervisors_last())
        .await;

    // Assert
    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(
        report,
        json!({ "dry_run": false, "total": 3, "created": 3, "updated": 0, "unchanged": 0, "errors": [] })
    );
    let staff = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    let lurah = app
        .get_ok(&format!("/api/v1/employees/{LURAH}"), &token)
        .await;
    let camat = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &token)
        .await;
    assert_eq!(staff["supervisor_nip"], LURAH);
    assert_eq!(staff["full_name"], "I Made Staf, S.Sos.");
    assert_eq!(staff["golongan_code"], 32);
    assert_eq!(lurah["supervisor_nip"], CAMAT);
    assert_eq!(camat["supervisor_nip"], Value::Null);
    assert_eq!(camat["unit_code"], "CKN");
}

#[tokio::test]
async fn importing_the_same_csv_again_changes_nothing() {
    // Arrange
    let (app, token) = app_with_units().await;
    let file = three_rows_supervisors_last();
    let first = app.post_csv(IMPORT, &token, &file).await;
    assert_eq!(first.status(), StatusCode::OK);
    let before = app.get_ok("/api/v1/employees", &token).await;

    // Act
    let resp = app.post_csv(IMPORT, &token, &file).await;

    // Assert
    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["unchanged"], 3);
    assert_eq!(report["created"], 0);
    assert_eq!(report["updated"], 0);
    let after = app.get_ok("/api/v1/employees", &token).await;
    assert_eq!(after, before, "updated_at and everything else unchanged");
}

#[tokio::test]
async fn an_import_reports_updates_of_existing_employees() {
    let (app, token) = app_with_units().await;
    let first = app
        .post_csv(IMPORT, &token, &three_rows_supervisors_last())
        .await;
    assert_eq!(first.status(), StatusCode::OK);
    let changed = csv(&[
        line(STAF_A, "I Made Staf", "CKN-KEL-CB", CAMAT),
        line(LURAH, "Baiq Lurah Baru", "CKN-KEL-CB", CAMAT),
        line(CAMAT, "Lalu Camat", "CKN", ""),
    ]);

    let resp = app.post_csv(IMPORT, &token, &changed).await;

    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["updated"], 2);
    assert_eq!(report["unchanged"], 1);
    let staff = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    assert_eq!(staff["supervisor_nip"], CAMAT);
}

#[tokio::test]
async fn a_dry_run_reports_a_bad_row_and_writes_nothing() {
    // Arrange: row 2 has TMT month 13.
    let (app, token) = app_with_units().await;
    let file = csv(&[
        line(CAMAT, "Lalu Camat", "CKN", ""),
        line(BAD_MONTH, "Salah Bulan", "CKN", CAMAT),
    ]);

    // Act
    let resp = app.post_csv(DRY_RUN, &token, &file).await;

    // Assert
    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["total"], 2);
    let errors = report["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{report}");
    assert_eq!(errors[0]["row"], 2);
    assert_eq!(errors[0]["field"], "nip");
    let msg = errors[0]["message"].as_str().expect("message");
    assert!(msg.contains("digit 9–14"), "{msg}");
    assert_absent(&app, &token, CAMAT).await;
    assert_eq!(employee_total(&app, &token).await, 0);
}

#[tokio::test]
async fn a_valid_dry_run_previews_the_outcome_and_writes_nothing() {
    let (app, token) = app_with_units().await;

    let resp = app
        .post_csv(DRY_RUN, &token, &three_rows_supervisors_last())
        .await;

    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(
        report,
        json!({ "dry_run": true, "total": 3, "created": 3, "updated": 0, "unchanged": 0, "errors": [] })
    );
    assert_eq!(employee_total(&app, &token).await, 0);
}

#[tokio::test]
async fn a_dry_run_after_an_import_previews_unchanged_rows() {
    let (app, token) = app_with_units().await;
    let file = three_rows_supervisors_last();
    assert_eq!(
        app.post_csv(IMPORT, &token, &file).await.status(),
        StatusCode::OK
    );

    let resp = app.post_csv(DRY_RUN, &token, &file).await;

    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["unchanged"], 3);
    assert_eq!(report["created"], 0);
    assert_eq!(report["updated"], 0);
}

#[tokio::test]
async fn one_bad_row_rejects_the_whole_import() {
    // Arrange: two valid rows and one bad one.
    let (app, token) = app_with_units().await;
    let file = csv(&[
        line(CAMAT, "Lalu Camat", "CKN", ""),
        line(LURAH, "Baiq Lurah", "CKN-KEL-CB", CAMAT),
        line(BAD_MONTH, "Salah Bulan", "CKN", CAMAT),
    ]);

    // Act
    let resp = app.post_csv(IMPORT, &token, &file).await;

    // Assert: the report names the row, and not even the valid rows were written.
    let rows = rejected_rows(resp).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["row"], 3);
    assert_eq!(rows[0]["field"], "nip");
    assert!(
        rows[0]["message"]
            .as_str()
            .expect("msg")
            .contains("digit 9–14")
    );
    assert_absent(&app, &token, CAMAT).await;
    assert_absent(&app, &token, LURAH).await;
    assert_eq!(employee_total(&app, &token).await, 0);
}

#[tokio::test]
async fn a_rejected_import_leaves_existing_employees_untouched() {
    let (app, token) = app_with_units().await;
    seed_hierarchy(&app, &token).await;
    let before = app.get_ok("/api/v1/employees", &token).await;
    let file = csv(&[
        line(CAMAT, "Nama Baru", "CKN", ""),
        line(STAF_A, "I Made Staf", "NOPE", LURAH),
    ]);

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let rows = rejected_rows(resp).await;
    assert!(has_row_error(&rows, 2, "unit_code"), "{rows:?}");
    let after = app.get_ok("/api/v1/employees", &token).await;
    assert_eq!(after, before);
}

#[tokio::test]
async fn every_bad_row_and_field_is_reported() {
    let (app, token) = app_with_units().await;
    let file = csv(&[
        line(CAMAT, "Lalu Camat", "CKN", ""),
        format!("{BAD_MONTH},,,,PNS,III/f,Staf,boss,NOPE,,x@,maybe"),
        line(STAF_B, "Ni Luh Staf", "CKN", "198501012010011001"),
    ]);

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let rows = rejected_rows(resp).await;
    for field in [
        "nip",
        "name",
        "golongan",
        "jenis_jabatan",
        "unit_code",
        "email",
        "active",
    ] {
        assert!(has_row_error(&rows, 2, field), "{field} missing: {rows:?}");
    }
    assert!(has_row_error(&rows, 3, "supervisor_nip"), "{rows:?}");
    assert!(!rows.iter().any(|r| r["row"] == 1), "{rows:?}");
}

#[tokio::test]
async fn a_json_array_is_imported() {
    // Arrange
    let (app, token) = app_with_units().await;
    let rows = json!([
        {
            "nip": STAF_A, "name": "I Made Staf", "status": "PNS", "golongan": "II/c",
            "jabatan": "Pengadministrasi Umum", "jenis_jabatan": "pelaksana",
            "unit_code": "CKN-KEL-CB", "supervisor_nip": CAMAT, "email": "made@example.go.id"
        },
        {
            "nip": CAMAT, "name": "Lalu Camat", "gelar_depan": "Drs.", "status": "PNS",
            "golongan": "IV/a", "jabatan": "Camat", "jenis_jabatan": "struktural",
            "unit_code": "CKN", "active": true
        }
    ]);

    // Act
    let resp = app.post_json(IMPORT, &token, &rows).await;

    // Assert
    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["created"], 2);
    assert_eq!(report["errors"], json!([]));
    let staff = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    assert_eq!(staff["supervisor_nip"], CAMAT);
    assert_eq!(staff["pangkat"], "Pengatur");
    assert_eq!(staff["active"], true, "active defaults to true");
    assert_eq!(staff["email"], "made@example.go.id");
    let camat = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &token)
        .await;
    assert_eq!(camat["full_name"], "Drs. Lalu Camat");
}

#[tokio::test]
async fn a_json_row_of_the_wrong_shape_is_a_row_error() {
    let (app, token) = app_with_units().await;
    let rows = json!([
        { "nip": CAMAT, "name": "Lalu Camat", "status": "PNS", "golongan": "IV/a",
          "jabatan": "Camat", "jenis_jabatan": "struktural", "unit_code": "CKN" },
        { "nip": LURAH, "name": 42 }
    ]);

    let resp = app.post_json(IMPORT, &token, &rows).await;

    let rows = rejected_rows(resp).await;
    assert!(has_row_error(&rows, 2, "row"), "{rows:?}");
    assert_absent(&app, &token, CAMAT).await;
}

#[tokio::test]
async fn a_json_body_that_is_not_an_array_is_422_from_the_input_gate() {
    let (app, token) = app_with_units().await;

    let resp = app
        .post_json(IMPORT, &token, &json!({ "nip": CAMAT }))
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["body"].is_array(), "{body}");
}

#[tokio::test]
async fn a_duplicate_nip_in_the_file_is_a_row_error() {
    let (app, token) = app_with_units().await;
    let file = csv(&[
        line(CAMAT, "Lalu Camat", "CKN", ""),
        line(CAMAT, "Lalu Camat Lagi", "CKN", ""),
    ]);

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let rows = rejected_rows(resp).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["row"], 2);
    assert_eq!(rows[0]["field"], "nip");
    assert!(
        rows[0]["message"]
            .as_str()
            .expect("msg")
            .contains("baris 1")
    );
    assert_absent(&app, &token, CAMAT).await;
}

#[tokio::test]
async fn a_duplicate_email_in_the_file_is_a_row_error() {
    let (app, token) = app_with_units().await;
    let file = csv(&[
        format!("{CAMAT},Lalu Camat,,,PNS,IV/a,Camat,struktural,CKN,,sama@example.go.id,true"),
        format!(
            "{LURAH},Baiq Lurah,,,PNS,III/d,Lurah,struktural,CKN-KEL-CB,{CAMAT},SAMA@example.go.id,true"
        ),
    ]);

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let rows = rejected_rows(resp).await;
    assert!(has_row_error(&rows, 2, "email"), "{rows:?}");
}

#[tokio::test]
async fn a_csv_without_a_required_column_is_422_invalid_csv() {
    let (app, token) = app_with_units().await;
    let file =
        format!("nip,name,status,golongan,jabatan,unit_code\n{CAMAT},Lalu,PNS,IV/a,Camat,CKN\n");

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_csv").await;
    let msg = body["error"]["message"].as_str().expect("msg");
    assert!(
        msg.contains("jenis_jabatan"),
        "names the missing column: {msg}"
    );
}

#[tokio::test]
async fn a_semicolon_separated_csv_with_a_bom_is_accepted() {
    let (app, token) = app_with_units().await;
    let file = format!(
        "\u{feff}nip;name;status;golongan;jabatan;jenis_jabatan;unit_code;active\n{CAMAT};Lalu Camat;PNS;IV/a;Camat;struktural;CKN;tidak\n"
    );

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["created"], 1);
    let camat = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &token)
        .await;
    assert_eq!(camat["active"], false);
}

#[tokio::test]
async fn an_xml_body_is_415() {
    let (app, token) = app_with_units().await;

    let resp = post_body(&app, IMPORT, &token, "application/xml", "<employees/>").await;

    assert_error(
        resp,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[tokio::test]
async fn an_empty_file_is_422() {
    let (app, token) = app_with_units().await;

    let resp = app.post_csv(IMPORT, &token, "").await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["rows"].is_array(), "{body}");
}

#[tokio::test]
async fn a_csv_with_only_a_header_is_422() {
    let (app, token) = app_with_units().await;

    let resp = app.post_csv(IMPORT, &token, &format!("{HEADER}\n\n")).await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["rows"].is_array(), "{body}");
}

#[tokio::test]
async fn an_empty_json_body_is_422() {
    let (app, token) = app_with_units().await;

    let resp = post_body(&app, IMPORT, &token, "application/json", "  \n").await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["rows"].is_array(), "{body}");
}

#[tokio::test]
async fn an_empty_json_array_is_422() {
    let (app, token) = app_with_units().await;

    let resp = app.post_json(IMPORT, &token, &json!([])).await;

    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn a_supervision_cycle_inside_the_file_is_rejected() {
    let (app, token) = app_with_units().await;
    let file = csv(&[
        line(CAMAT, "Lalu Camat", "CKN", LURAH),
        line(LURAH, "Baiq Lurah", "CKN-KEL-CB", CAMAT),
    ]);

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let rows = rejected_rows(resp).await;
    assert!(has_row_error(&rows, 1, "supervisor_nip"), "{rows:?}");
    assert!(has_row_error(&rows, 2, "supervisor_nip"), "{rows:?}");
    assert_eq!(employee_total(&app, &token).await, 0);
}

#[tokio::test]
async fn an_import_that_closes_a_cycle_with_existing_employees_is_rejected() {
    // Arrange: Camat → Lurah → Staf A already stored.
    let (app, token) = app_with_units().await;
    seed_hierarchy(&app, &token).await;

    // Act: the Camat reports to Staf A.
    let resp = app
        .post_csv(
            IMPORT,
            &token,
            &csv(&[line(CAMAT, "Lalu Camat", "CKN", STAF_A)]),
        )
        .await;

    // Assert
    let rows = rejected_rows(resp).await;
    assert!(has_row_error(&rows, 1, "supervisor_nip"), "{rows:?}");
    let camat = app
        .get_ok(&format!("/api/v1/employees/{CAMAT}"), &token)
        .await;
    assert_eq!(camat["supervisor_nip"], Value::Null);
}

#[tokio::test]
async fn an_import_may_reverse_a_link_in_the_same_file() {
    // Lurah → Staf A stored; the file makes Staf A the Lurah's supervisor and moves
    // Staf A under the Camat: no cycle once the whole file applies.
    let (app, token) = app_with_units().await;
    seed_hierarchy(&app, &token).await;
    let file = csv(&[
        line(LURAH, "Baiq Lurah", "CKN-KEL-CB", STAF_A),
        line(STAF_A, "I Made Staf", "CKN-KEL-CB", CAMAT),
    ]);

    let resp = app.post_csv(IMPORT, &token, &file).await;

    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["updated"], 2);
    let lurah = app
        .get_ok(&format!("/api/v1/employees/{LURAH}"), &token)
        .await;
    assert_eq!(lurah["supervisor_nip"], STAF_A);
}

#[tokio::test]
async fn an_employee_account_cannot_import() {
    let (app, token) = app_with_units().await;
    seed_hierarchy(&app, &token).await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let resp = app
        .post_csv(IMPORT, &staff, &three_rows_supervisors_last())
        .await;

    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_api_key_with_master_write_can_import() {
    let (app, token) = app_with_units().await;
    let key = app
        .create_api_key(&token, "SIMPEG", &["master:write"])
        .await;
    let key = key["key"].as_str().expect("key");

    let resp = app
        .post_csv(IMPORT, key, &three_rows_supervisors_last())
        .await;

    let report = assert_json(resp, StatusCode::OK).await;
    assert_eq!(report["created"], 3);
}

#[tokio::test]
async fn import_needs_authentication() {
    let (app, _) = app_with_units().await;

    let resp = app
        .client
        .post(app.url(IMPORT))
        .header("Content-Type", "text/csv")
        .body(three_rows_supervisors_last())
        .send()
        .await
        .expect("request");

    assert_error(resp, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn two_employees_can_swap_emails_in_one_import() {
    // Arrange: A has a@, B has b@.
    let (app, token) = app_with_units().await;
    let row = |nip: &str, name: &str, email: &str| {
        json!({
            "nip": nip, "name": name, "status": "PNS", "golongan": "III/a",
            "jabatan": "Pengadministrasi Umum", "jenis_jabatan": "pelaksana",
            "unit_code": "CKN", "email": email
        })
    };
    let first = json!([
        row(STAF_A, "I Made Staf", "a@example.go.id"),
        row(STAF_B, "Ni Luh Staf", "b@example.go.id")
    ]);
    assert_json(app.post_json(IMPORT, &token, &first).await, StatusCode::OK).await;

    // Act: swap them.
    let swapped = json!([
        row(STAF_A, "I Made Staf", "b@example.go.id"),
        row(STAF_B, "Ni Luh Staf", "a@example.go.id")
    ]);
    let report = assert_json(
        app.post_json(IMPORT, &token, &swapped).await,
        StatusCode::OK,
    )
    .await;

    // Assert
    assert_eq!(report["updated"], 2);
    let a = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &token)
        .await;
    let b = app
        .get_ok(&format!("/api/v1/employees/{STAF_B}"), &token)
        .await;
    assert_eq!(a["email"], "b@example.go.id");
    assert_eq!(b["email"], "a@example.go.id");
}
