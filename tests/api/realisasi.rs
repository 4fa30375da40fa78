//! Realisasi and bukti dukung: only the owner records them, only for an approved plan in an
//! open period; uploaded files round-trip byte-identical, are checked by their magic bytes
//! and size, and are served only to those who may read the employee's realisasi.

use crate::helpers::{STAF_A, TestApp, assert_error, assert_json, spawn_app, spawn_app_with};
use crate::skp::{People, act, approved_plan, people, plan, save};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use std::path::PathBuf;

/// A small but real PDF, with bytes that are not valid UTF-8 (so a text round trip fails).
const PDF: &[u8] = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn upload_dir() -> PathBuf {
    std::env::temp_dir()
        .join("kinerja-api-tests")
        .join(format!("uploads-{}", uuid::Uuid::new_v4().simple()))
}

/// Removes a test's upload folder when the test ends (pass or fail).
struct UploadDir(PathBuf);

impl Drop for UploadDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An app storing uploads in a folder of its own (and an optional lower size limit).
async fn app_with_uploads(max_bytes: Option<usize>) -> (TestApp, UploadDir) {
    let dir = upload_dir();
    let guard = UploadDir(dir.clone());
    let app = spawn_app_with(move |s| {
        s.upload_dir = dir;
        if let Some(m) = max_bytes {
            s.upload_max_bytes = m;
        }
    })
    .await;
    (app, guard)
}

/// Creates the quarterly period of `year` starting on `starts_on`; opens it when asked.
async fn period(app: &TestApp, admin: &str, year: i32, quarter: u32, open: bool) -> String {
    let (start, end) = match quarter {
        1 => ("01-01", "03-31"),
        2 => ("04-01", "06-30"),
        3 => ("07-01", "09-30"),
        _ => ("10-01", "12-31"),
    };
    let p = assert_json(
        app.post_json(
            "/api/v1/periods",
            admin,
            &json!({ "year": year, "kind": "quarterly", "starts_on": format!("{year}-{start}"), "ends_on": format!("{year}-{end}") }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let id = p["id"].as_str().expect("id").to_string();
    if open {
        let resp = app
            .post_json(&format!("/api/v1/periods/{id}/open"), admin, &json!({}))
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    id
}

fn first_indicator(plan: &Value) -> String {
    plan["rhk"][0]["indicators"][0]["id"]
        .as_str()
        .expect("indicator id")
        .to_string()
}

fn realisasi_path(period: &str, indicator: &str) -> String {
    format!("/api/v1/periods/{period}/realisasi/{indicator}")
}

/// Staf A with an approved 2026 plan, an open Q2 2026, and a realisasi of the first
/// indicator; returns (people, period id, realisasi id).
async fn with_realisasi(app: &TestApp) -> (People, String, String) {
    let who = people(app).await;
    let plan = approved_plan(app, &who, 2026).await;
    let period = period(app, &who.admin, 2026, 2, true).await;
    let r = assert_json(
        app.put_json(
            &realisasi_path(&period, &first_indicator(&plan)),
            &who.staf_a,
            &json!({ "value_number": 3, "note": "Triwulan II" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    (who, period, r["id"].as_str().expect("id").to_string())
}

async fn upload(
    app: &TestApp,
    token: &str,
    realisasi: &str,
    filename: &str,
    content_type: &str,
    bytes: &[u8],
) -> Response {
    app.client
        .post(app.url(&format!(
            "/api/v1/realisasi/{realisasi}/evidence/file?filename={filename}"
        )))
        .bearer_auth(token)
        .header("Content-Type", content_type)
        .body(bytes.to_vec())
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn the_owner_records_realisasi_and_others_may_not() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let plan = approved_plan(&app, &who, 2026).await;
    let period = period(&app, &who.admin, 2026, 2, true).await;
    let path = realisasi_path(&period, &first_indicator(&plan));

    for token in [&who.staf_b, &who.lurah, &who.admin] {
        let resp = app
            .put_json(&path, token, &json!({ "value_number": 3 }))
            .await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let first = assert_json(
        app.put_json(
            &path,
            &who.staf_a,
            &json!({ "value_number": 3, "note": " awal " }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(first["value_number"], 3.0);
    assert_eq!(first["note"], "awal");
    let second = assert_json(
        app.put_json(
            &path,
            &who.staf_a,
            &json!({ "value_number": 4, "value_text": "Empat dokumen" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(second["id"], first["id"]);

    let sheet = app
        .get_ok(
            &format!("/api/v1/periods/{period}/employees/{STAF_A}/realisasi"),
            &who.lurah,
        )
        .await;
    assert_eq!(sheet["skp"]["status"], "approved");
    let ind = &sheet["rhk"][0]["indicators"][0];
    assert_eq!(ind["target_value"], 12.0);
    assert_eq!(ind["realisasi"]["value_number"], 4.0);
    assert_eq!(ind["realisasi"]["value_text"], "Empat dokumen");
    assert_eq!(sheet["rhk"][0]["indicators"][1]["realisasi"], Value::Null);
    assert_eq!(sheet["can_edit"], false);
    let own = app
        .get_ok(
            &format!("/api/v1/periods/{period}/employees/{STAF_A}/realisasi"),
            &who.staf_a,
        )
        .await;
    assert_eq!(own["can_edit"], true);
    let resp = app
        .get(
            &format!("/api/v1/periods/{period}/employees/{STAF_A}/realisasi"),
            &who.staf_b,
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;

    let resp = app
        .put_json(&path, &who.staf_a, &json!({ "note": "tanpa nilai" }))
        .await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn realisasi_needs_an_approved_plan_of_the_year_and_an_open_period() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let draft = save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    let open = period(&app, &who.admin, 2026, 2, true).await;
    let body = json!({ "value_number": 1 });

    let resp = app
        .put_json(
            &realisasi_path(&open, &first_indicator(&draft)),
            &who.staf_a,
            &body,
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "skp_not_approved").await;
    act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    let resp = app
        .put_json(
            &realisasi_path(&open, &first_indicator(&draft)),
            &who.staf_a,
            &body,
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "skp_not_approved").await;
    act(&app, &who.lurah, STAF_A, 2026, "approve").await;

    let not_open = period(&app, &who.admin, 2026, 3, false).await;
    let resp = app
        .put_json(
            &realisasi_path(&not_open, &first_indicator(&draft)),
            &who.staf_a,
            &body,
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "period_not_open").await;

    let other_year = period(&app, &who.admin, 2025, 4, true).await;
    let resp = app
        .put_json(
            &realisasi_path(&other_year, &first_indicator(&draft)),
            &who.staf_a,
            &body,
        )
        .await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let resp = app
        .put_json(
            &realisasi_path(&open, &first_indicator(&draft)),
            &who.staf_a,
            &body,
        )
        .await;
    assert_json(resp, StatusCode::CREATED).await;
    let resp = app
        .put_json(
            &realisasi_path(&open, &uuid::Uuid::new_v4().to_string()),
            &who.staf_a,
            &body,
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_pdf_round_trips_byte_identical_to_the_owner_and_the_supervisor_only() {
    let (app, _uploads) = app_with_uploads(None).await;
    let (who, period, realisasi) = with_realisasi(&app).await;

    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "..%2F..%2FLaporan%20Q2.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    let ev = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(ev["kind"], "file");
    assert_eq!(ev["file_name"], "Laporan Q2.pdf");
    assert_eq!(ev["content_type"], "application/pdf");
    assert_eq!(ev["size_bytes"], PDF.len());
    assert_eq!(ev["sha256"].as_str().map(str::len), Some(64));
    let id = ev["id"].as_str().expect("id");
    // Stored under a random name, not the user's.
    let stored: Vec<String> = std::fs::read_dir(&app.settings.upload_dir)
        .expect("upload dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].len(), 32, "{stored:?}");

    let hr = app.role_token("hr").await;
    for token in [&who.staf_a, &who.lurah, &who.camat, &hr] {
        let resp = app.get(&format!("/api/v1/evidence/{id}/file"), token).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let h = resp.headers().clone();
        assert_eq!(h["content-type"], "application/pdf");
        assert_eq!(
            h["content-disposition"],
            "attachment; filename=\"Laporan Q2.pdf\""
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(
            h["cache-control"]
                .to_str()
                .expect("ascii")
                .starts_with("private")
        );
        let bytes = resp.bytes().await.expect("bytes");
        assert_eq!(bytes.as_ref(), PDF);
    }
    let resp = app
        .get(&format!("/api/v1/evidence/{id}/file"), &who.staf_b)
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;

    let sheet = app
        .get_ok(
            &format!("/api/v1/periods/{period}/employees/{STAF_A}/realisasi"),
            &who.staf_a,
        )
        .await;
    let listed = &sheet["rhk"][0]["indicators"][0]["realisasi"]["evidence"][0];
    assert_eq!(listed["id"], id);
    assert_eq!(
        listed["download_url"],
        format!("/api/v1/evidence/{id}/file")
    );
}

#[tokio::test]
async fn files_whose_bytes_do_not_match_the_declared_type_are_refused() {
    let (app, _uploads) = app_with_uploads(None).await;
    let (who, _, realisasi) = with_realisasi(&app).await;

    let cases: [(&str, &[u8]); 4] = [
        ("application/pdf", PNG),
        ("image/png", PDF),
        ("text/html", b"<html><script>alert(1)</script></html>"),
        ("text/plain", PNG),
    ];
    for (declared, bytes) in cases {
        let resp = upload(&app, &who.staf_a, &realisasi, "x", declared, bytes).await;
        assert_error(
            resp,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_file_type",
        )
        .await;
    }
    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "gambar.png",
        "image/png",
        PNG,
    )
    .await;
    assert_json(resp, StatusCode::CREATED).await;
    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "data.csv",
        "text/csv; charset=utf-8",
        b"nama,jumlah\nA,3\n",
    )
    .await;
    let csv = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(csv["content_type"], "text/csv");
    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "kosong.pdf",
        "application/pdf",
        b"",
    )
    .await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // Only the refused uploads left nothing behind: two files on disk.
    assert_eq!(
        std::fs::read_dir(&app.settings.upload_dir)
            .expect("dir")
            .count(),
        2
    );
}

#[tokio::test]
async fn an_upload_over_the_limit_is_413() {
    let (app, _uploads) = app_with_uploads(Some(1024)).await;
    let (who, _, realisasi) = with_realisasi(&app).await;
    let mut big = PDF.to_vec();
    big.resize(4096, b' ');

    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "besar.pdf",
        "application/pdf",
        &big,
    )
    .await;
    assert_error(resp, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "kecil.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_json(resp, StatusCode::CREATED).await;
}

#[tokio::test]
async fn only_the_owner_adds_evidence_and_links_must_be_http() {
    let (app, _uploads) = app_with_uploads(None).await;
    let (who, _, realisasi) = with_realisasi(&app).await;
    let path = format!("/api/v1/realisasi/{realisasi}/evidence");

    let resp = app
        .post_json(
            &path,
            &who.lurah,
            &json!({ "url": "https://drive.example.id/a" }),
        )
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    let resp = upload(
        &app,
        &who.staf_b,
        &realisasi,
        "a.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    for url in ["javascript:alert(1)", "ftp://example.id/a", "https://", ""] {
        let resp = app
            .post_json(&path, &who.staf_a, &json!({ "url": url }))
            .await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    let link = assert_json(
        app.post_json(
            &path,
            &who.staf_a,
            &json!({ "url": " https://drive.example.id/laporan " }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(link["kind"], "link");
    assert_eq!(link["url"], "https://drive.example.id/laporan");
    assert_eq!(link["download_url"], Value::Null);
    let resp = app
        .get(
            &format!("/api/v1/evidence/{}/file", link["id"].as_str().expect("id")),
            &who.staf_a,
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_owner_deletes_evidence_while_the_period_is_open_and_the_file_goes_too() {
    let (app, _uploads) = app_with_uploads(None).await;
    let (who, period, realisasi) = with_realisasi(&app).await;
    let first = assert_json(
        upload(
            &app,
            &who.staf_a,
            &realisasi,
            "a.pdf",
            "application/pdf",
            PDF,
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let second = assert_json(
        upload(
            &app,
            &who.staf_a,
            &realisasi,
            "b.pdf",
            "application/pdf",
            PDF,
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let dir = app.settings.upload_dir.clone();
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 2);

    let path = format!("/api/v1/evidence/{}", first["id"].as_str().expect("id"));
    for token in [&who.lurah, &who.staf_b] {
        assert_error(
            app.delete(&path, token).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    assert_eq!(
        app.delete(&path, &who.staf_a).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 1);
    let resp = app.get(&format!("{path}/file"), &who.staf_a).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;

    let close = app
        .post_json(
            &format!("/api/v1/periods/{period}/close"),
            &who.admin,
            &json!({}),
        )
        .await;
    assert_eq!(close.status(), StatusCode::OK);
    let resp = app
        .delete(
            &format!("/api/v1/evidence/{}", second["id"].as_str().expect("id")),
            &who.staf_a,
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "period_not_open").await;
    let resp = upload(
        &app,
        &who.staf_a,
        &realisasi,
        "c.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_error(resp, StatusCode::CONFLICT, "period_not_open").await;
    // The supervisor still reads the kept file after the period closed.
    let resp = app
        .get(
            &format!(
                "/api/v1/evidence/{}/file",
                second["id"].as_str().expect("id")
            ),
            &who.lurah,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
}
