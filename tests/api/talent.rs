//! Talent management: the 9-box grid and who may see it, promotion candidates, placement,
//! potensi import and angka kredit.

use crate::career::{evaluate, published_period};
use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, employee_body,
    seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn potensi(app: &TestApp, hr: &str, nip: &str, level: &str) {
    assert_json(
        app.post_json(
            &format!("/api/v1/employees/{nip}/potensi"),
            hr,
            &json!({ "level": level, "source": "Assessment Center BKD 2025",
                     "assessed_on": "2025-11-01" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
}

fn box_of(grid: &Value, nip: &str) -> Option<u64> {
    grid["cells"].as_array()?.iter().find_map(|c| {
        c["employees"]
            .as_array()?
            .iter()
            .any(|e| e["nip"] == nip)
            .then(|| c["box"].as_u64())?
    })
}

#[tokio::test]
async fn the_grid_places_people_and_is_visible_to_hr_and_unit_leaders_only() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let annual = published_period(&app, 2025, "quarterly", 4).await;
    evaluate(&app, annual, STAF_A, "di_atas", "sesuai").await;
    evaluate(&app, annual, STAF_B, "di_bawah", "sesuai").await;
    evaluate(&app, annual, LURAH, "sesuai", "sesuai").await;
    potensi(&app, &hr, STAF_A, "tinggi").await;
    potensi(&app, &hr, STAF_B, "rendah").await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    let grid = app.get_ok("/api/v1/talent/grid?unit_code=CKN", &hr).await;

    assert_eq!(grid["year"], 2025);
    assert_eq!(grid["cells"].as_array().expect("cells").len(), 9);
    assert_eq!(box_of(&grid, STAF_A), Some(9));
    assert_eq!(box_of(&grid, STAF_B), Some(1));
    assert_eq!(grid["cells"][8]["count"], 1);
    assert!(
        grid["cells"][8]["recommendations"][0]
            .as_str()
            .expect("text")
            .contains("Dipromosikan")
    );
    let unplaced: Vec<&Value> = grid["unplaced"]
        .as_array()
        .expect("unplaced")
        .iter()
        .collect();
    assert!(unplaced.iter().any(|u| u["nip"] == LURAH));
    // The camat leads the kecamatan; the lurah only their kelurahan.
    assert_eq!(
        app.get("/api/v1/talent/grid?unit_code=CKN&year=2025", &camat)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get("/api/v1/talent/grid?unit_code=CKN-KEL-CB", &lurah)
            .await
            .status(),
        StatusCode::OK
    );
    for (token, path) in [
        (&lurah, "/api/v1/talent/grid?unit_code=CKN"),
        (&staff, "/api/v1/talent/grid?unit_code=CKN-KEL-CB"),
        (&staff, "/api/v1/talent/grid"),
        (&camat, "/api/v1/talent/grid"),
    ] {
        assert_error(
            app.get(path, token).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let mine = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}/talent"), &staff)
        .await;
    assert_eq!(mine["box"], 9);
    assert_eq!(mine["kinerja"], "di_atas");
}

#[tokio::test]
async fn candidates_need_baik_in_both_annual_years_and_a_top_box() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let y2024 = published_period(&app, 2024, "quarterly", 4).await;
    let y2025 = published_period(&app, 2025, "quarterly", 4).await;
    // STAF_A: Baik, then Baik with work above expectation; potensi menengah → box 7.
    evaluate(&app, y2024, STAF_A, "sesuai", "sesuai").await;
    evaluate(&app, y2025, STAF_A, "di_atas", "sesuai").await;
    potensi(&app, &hr, STAF_A, "menengah").await;
    // STAF_B: Butuh Perbaikan in 2024, Sangat Baik in 2025, box 9 → not listed.
    evaluate(&app, y2024, STAF_B, "di_bawah", "sesuai").await;
    evaluate(&app, y2025, STAF_B, "di_atas", "di_atas").await;
    potensi(&app, &hr, STAF_B, "tinggi").await;
    // LURAH: Baik both years but box 5 (sesuai × menengah) → not listed.
    evaluate(&app, y2024, LURAH, "sesuai", "sesuai").await;
    evaluate(&app, y2025, LURAH, "sesuai", "di_atas").await;
    potensi(&app, &hr, LURAH, "menengah").await;
    // CAMAT: box 6 (di bawah × tinggi) → not listed.
    evaluate(&app, y2024, CAMAT, "sesuai", "sesuai").await;
    evaluate(&app, y2025, CAMAT, "di_bawah", "di_atas").await;
    potensi(&app, &hr, CAMAT, "tinggi").await;

    let list = app
        .get_ok("/api/v1/talent/candidates?unit_code=CKN", &hr)
        .await;

    assert_eq!(list["years"], json!([2025, 2024]));
    let items = list["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{list}");
    let c = &items[0];
    assert_eq!(c["nip"], STAF_A);
    assert_eq!(c["box"], 7);
    assert_eq!(c["annual"][0]["year"], 2025);
    assert_eq!(c["annual"][0]["predikat"], "baik");
    assert_eq!(c["annual"][1]["year"], 2024);
    assert_eq!(c["tmt_cpns"], "2015-03");
    assert_eq!(c["golongan"], "III/b");
    let csv = app
        .get("/api/v1/talent/candidates.csv?unit_code=CKN", &hr)
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.expect("text");
    assert!(text.contains(STAF_A) && !text.contains(STAF_B));
}

#[tokio::test]
async fn angka_kredit_counts_each_published_quarter_of_a_functional_position() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let mut body = employee_body("I Made Staf", "CKN-KEL-CB", Some(LURAH));
    body["jabatan"] = json!("Analis SDM Aparatur Ahli Pertama");
    body["jenis_jabatan"] = json!("fungsional");
    let resp = app
        .put_json(&format!("/api/v1/employees/{STAF_A}"), &admin, &body)
        .await;
    assert!(resp.status().is_success());
    let q1 = published_period(&app, 2026, "quarterly", 1).await;
    let q2 = published_period(&app, 2026, "quarterly", 2).await;
    evaluate(&app, q1, STAF_A, "sesuai", "sesuai").await; // Baik: 100% × 12.5 × 3/12
    evaluate(&app, q2, STAF_A, "di_atas", "di_atas").await; // Sangat Baik: 150% × 12.5 × 3/12
    evaluate(&app, q1, STAF_B, "sesuai", "sesuai").await;
    let me = app.employee_token(STAF_A, &["employee"]).await;

    let mine = app
        .get_ok(
            &format!("/api/v1/employees/{STAF_A}/angka-kredit?year=2026"),
            &me,
        )
        .await;
    let unit = app
        .get_ok("/api/v1/talent/angka-kredit?unit_code=CKN&year=2026", &hr)
        .await;

    assert_eq!(mine["jenjang"], "ahli_pertama");
    assert_eq!(mine["coefficient"], 12.5);
    assert_eq!(mine["periods"][0]["ak"], 3.125);
    assert_eq!(mine["periods"][1]["ak"], 4.688);
    assert_eq!(mine["total_ak"], 7.813);
    let items = unit["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "only functional positions: {unit}");
    assert_eq!(items[0]["nip"], STAF_A);
    assert_eq!(items[0]["total_ak"], 7.813);
    let placement = app
        .get_ok(
            "/api/v1/talent/placement?jabatan=Analis%20SDM%20Aparatur%20Ahli%20Muda",
            &hr,
        )
        .await;
    assert_eq!(placement["family"], "Analis SDM Aparatur");
    assert_eq!(placement["items"][0]["nip"], STAF_A);
    assert_eq!(placement["items"][0]["latest_predikat"], "sangat_baik");
}

#[tokio::test]
async fn a_potensi_import_with_a_bad_row_saves_nothing() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let csv = format!(
        "nip,level,source,assessed_on\n{STAF_A},tinggi,Assessment Center BKD 2026,2026-02-01\n\
         {STAF_B},luar biasa,Assessment Center BKD 2026,2026-02-01\n"
    );

    let rejected = app
        .post_csv("/api/v1/talent/potensi/import", &hr, &csv)
        .await;

    let body = assert_error(
        rejected,
        StatusCode::UNPROCESSABLE_ENTITY,
        "import_rejected",
    )
    .await;
    assert_eq!(body["error"]["rows"][0]["row"], 2);
    assert_eq!(body["error"]["rows"][0]["field"], "level");
    let history = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}/potensi"), &hr)
        .await;
    assert_eq!(history["items"], json!([]));
    let ok = app
        .post_csv(
            "/api/v1/talent/potensi/import",
            &hr,
            &csv.replace("luar biasa", "rendah"),
        )
        .await;
    assert_eq!(assert_json(ok, StatusCode::OK).await["created"], 2);
}

/// The demo data (`seed --demo` plus the career seed) fills every 9-box cell of
/// Cakranegara, lists promotion candidates and gives the low performer a plan.
#[tokio::test]
async fn the_career_demo_data_fills_every_box_and_lists_candidates() {
    let app = spawn_app().await;
    // `seed --demo` includes the career data (seed_career after seed_cycle).
    kinerja::seed::seed_demo(&app.db.write)
        .await
        .expect("demo seed");
    let admin = app.admin_token().await;

    let grid = app
        .get_ok("/api/v1/talent/grid?unit_code=CKN", &admin)
        .await;
    let candidates = app
        .get_ok("/api/v1/talent/candidates?unit_code=CKN", &admin)
        .await;
    let overdue_or_not = app
        .get_ok(
            "/api/v1/development-plans?unit_code=CKN&per_page=100",
            &admin,
        )
        .await;

    for cell in grid["cells"].as_array().expect("cells") {
        assert!(
            cell["count"].as_u64().unwrap_or(0) > 0,
            "empty box {}",
            cell["box"]
        );
    }
    assert!(!candidates["items"].as_array().expect("items").is_empty());
    let items = overdue_or_not["items"].as_array().expect("items");
    assert!(items.iter().any(|i| i["status"] == "in_progress"));
    assert!(items.iter().any(|i| i["status"] == "done"));
}
