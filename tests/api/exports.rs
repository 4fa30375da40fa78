//! Results for the HR system: SIASN-shaped bodies (`skp22` for the annual evaluation,
//! `kinerjaperiodik` always), CSV and XLSX exports, their authorisation (API keys with
//! `results:read`) and the `unit_code` filter.

use crate::evaluations::{act, approve_skp, create_quarter, rate};
use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use serde_json::Value;
use std::io::Read;

/// STAF_A (Sangat Baik) and STAF_B (Kurang) rated by the lurah, final, in an open quarter.
async fn rated(app: &TestApp, quarter: u32) -> (String, String) {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    approve_skp(app, STAF_A).await;
    approve_skp(app, STAF_B).await;
    let period = create_quarter(app, &admin, quarter).await;
    act(app, &admin, &period, "open").await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    assert_json(
        rate(app, &lurah, &period, STAF_A, "sangat_baik", true).await,
        StatusCode::OK,
    )
    .await;
    assert_json(
        rate(app, &lurah, &period, STAF_B, "kurang", true).await,
        StatusCode::OK,
    )
    .await;
    (admin, period)
}

#[tokio::test]
async fn the_annual_period_gives_skp22_and_kinerjaperiodik_bodies() {
    let app = spawn_app().await;
    let (admin, period) = rated(&app, 4).await;

    let body = app
        .get_ok(&format!("/api/v1/periods/{period}/results/siasn"), &admin)
        .await;

    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let a = items.iter().find(|i| i["nip"] == STAF_A).expect("staf a");
    assert_eq!(a["status"], "final");
    assert_eq!(a["ready"], false);
    let skp22 = &a["skp22"];
    assert_eq!(skp22["tahun"], 2026);
    assert_eq!(skp22["hasilKinerjaNilai"], 1);
    assert_eq!(skp22["perilakuKerjaNilai"], 1);
    assert_eq!(skp22["kuadranKinerjaNilai"], 1);
    assert_eq!(skp22["pnsDinilaiId"], STAF_A);
    assert_eq!(skp22["penilaiNip"], LURAH);
    assert_eq!(skp22["penilaiNama"], "Baiq Lurah, S.Sos.");
    assert_eq!(skp22["penilaiGolongan"], "32");
    assert_eq!(skp22["penilaiJabatan"], "Pengadministrasi Umum");
    assert_eq!(skp22["penilaiUnorNama"], "Kelurahan Cakranegara Barat");
    assert_eq!(skp22["statusPenilai"], "ASN");
    let periodik = &a["kinerjaperiodik"];
    assert_eq!(periodik["periodeMulai"], 10);
    assert_eq!(periodik["periodeAkhir"], 12);
    assert_eq!(periodik["tahun"], 2026);
    assert_eq!(periodik["kuadranKinerjaNilai"], 1);
    let b = items.iter().find(|i| i["nip"] == STAF_B).expect("staf b");
    assert_eq!(b["kinerjaperiodik"]["hasilKinerjaNilai"], 2);
    assert_eq!(b["kinerjaperiodik"]["perilakuKerjaNilai"], 3);
    assert_eq!(b["kinerjaperiodik"]["kuadranKinerjaNilai"], 4);
}

#[tokio::test]
async fn a_quarter_other_than_the_fourth_has_no_skp22() {
    let app = spawn_app().await;
    let (admin, period) = rated(&app, 2).await;

    let body = app
        .get_ok(&format!("/api/v1/periods/{period}/results/siasn"), &admin)
        .await;

    for item in body["items"].as_array().expect("items") {
        assert!(item["skp22"].is_null(), "{item}");
        assert_eq!(item["kinerjaperiodik"]["periodeMulai"], 4);
        assert_eq!(item["kinerjaperiodik"]["periodeAkhir"], 6);
    }
}

#[tokio::test]
async fn the_csv_export_has_a_header_and_one_row_per_employee() {
    let app = spawn_app().await;
    let (admin, period) = rated(&app, 2).await;

    let resp = app
        .get(&format!("/api/v1/periods/{period}/results.csv"), &admin)
        .await;

    assert_eq!(resp.status(), StatusCode::OK);
    let ct = resp.headers()["content-type"]
        .to_str()
        .expect("ct")
        .to_string();
    assert!(ct.starts_with("text/csv"), "{ct}");
    let cd = resp.headers()["content-disposition"]
        .to_str()
        .expect("cd")
        .to_string();
    assert!(cd.contains("attachment") && cd.contains(".csv"), "{cd}");
    let text = resp.text().await.expect("body");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "NIP");
    assert_eq!(&headers[1], "Nama");
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    let a = rows.iter().find(|r| &r[0] == STAF_A).expect("staf a");
    assert_eq!(&a[col("Predikat")], "Sangat Baik");
    assert_eq!(&a[col("Kode Predikat")], "1");
    assert_eq!(&a[col("Nilai Hasil Kerja")], "1");
    assert_eq!(&a[col("NIP Penilai")], LURAH);
    assert_eq!(&a[col("Status")], "final");
    let b = rows.iter().find(|r| &r[0] == STAF_B).expect("staf b");
    assert_eq!(&b[col("Predikat")], "Kurang");
    assert_eq!(&b[col("Nama")], "Ni Luh Staf, S.Sos.");
}

#[tokio::test]
async fn the_xlsx_export_is_a_workbook_with_a_bold_header_and_the_rows() {
    let app = spawn_app().await;
    let (admin, period) = rated(&app, 2).await;

    let resp = app
        .get(&format!("/api/v1/periods/{period}/results.xlsx"), &admin)
        .await;

    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        resp.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let cd = resp.headers()["content-disposition"]
        .to_str()
        .expect("cd")
        .to_string();
    assert!(cd.contains("attachment") && cd.contains(".xlsx"), "{cd}");
    let bytes = resp.bytes().await.expect("body");
    assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip archive");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the workbook"))
            .read_to_string(&mut s)
            .expect("utf-8");
        s
    };
    let strings = read("xl/sharedStrings.xml");
    for expected in [
        STAF_A,
        STAF_B,
        LURAH,
        "Kode Predikat",
        "Sangat Baik",
        "Kurang",
    ] {
        assert!(strings.contains(expected), "{expected} missing");
    }
    assert!(read("xl/styles.xml").contains("<b/>"), "a bold format");
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<row r=\"3\""), "header and two rows");
    assert!(!sheet.contains("<row r=\"4\""), "no more rows");
    assert!(read("xl/workbook.xml").contains("Hasil Kinerja"));
}

#[tokio::test]
async fn api_keys_need_results_read_for_every_export() {
    let app = spawn_app().await;
    let (admin, period) = rated(&app, 4).await;
    let good = app
        .create_api_key(&admin, "SIMPEG", &["results:read"])
        .await["key"]
        .as_str()
        .expect("key")
        .to_string();
    let bad = app.create_api_key(&admin, "Master", &["master:read"]).await["key"]
        .as_str()
        .expect("key")
        .to_string();
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let auditor = app.role_token("auditor").await;

    for suffix in ["results", "results/siasn", "results.csv", "results.xlsx"] {
        let path = format!("/api/v1/periods/{period}/{suffix}");
        assert_eq!(
            app.get(&path, &good).await.status(),
            StatusCode::OK,
            "{suffix}"
        );
        assert_eq!(
            app.get_with_api_key_header(&path, &good).await.status(),
            StatusCode::OK,
            "{suffix}"
        );
        assert_eq!(
            app.get(&path, &auditor).await.status(),
            StatusCode::OK,
            "{suffix}"
        );
        let body = assert_error(
            app.get(&path, &bad).await,
            StatusCode::FORBIDDEN,
            "scope_missing",
        )
        .await;
        assert_eq!(body["error"]["details"]["scope"], "results:read");
        assert_error(
            app.get(&path, &camat).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
        let anonymous = app.get_anonymous(&path).await;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED, "{suffix}");
    }
}

#[tokio::test]
async fn exports_filter_by_unit_code() {
    let app = spawn_app().await;
    let (admin, period) = rated(&app, 2).await;

    let cb: Value = app
        .get_ok(
            &format!("/api/v1/periods/{period}/results/siasn?unit_code=CKN-KEL-CB"),
            &admin,
        )
        .await;
    assert_eq!(cb["items"].as_array().expect("items").len(), 2);
    let other = app
        .get(
            &format!("/api/v1/periods/{period}/results.csv?unit_code=CKN-KEL-MAY"),
            &admin,
        )
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(other.lines().count(), 1, "header only: {other}");
    let unknown = app
        .get(
            &format!("/api/v1/periods/{period}/results.xlsx?unit_code=NOPE"),
            &admin,
        )
        .await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
}
