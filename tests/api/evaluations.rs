//! Supervisor ratings: who may rate, when, the predikat from the matrix (all nine cells),
//! and the results the HR system reads.

use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn open_q2(app: &TestApp, token: &str) -> String {
    let p: Value = app
        .post_json(
            "/api/v1/periods",
            token,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30" }),
        )
        .await
        .json()
        .await
        .expect("json");
    let id = p["id"].as_str().expect("id").to_string();
    let open = app
        .post_json(&format!("/api/v1/periods/{id}/open"), token, &json!({}))
        .await;
    assert_eq!(open.status(), StatusCode::OK);
    id
}

fn ratings(hasil: &str, perilaku: &str) -> Value {
    json!({ "rating_hasil_kerja": hasil, "rating_perilaku": perilaku })
}

#[tokio::test]
async fn the_direct_supervisor_gets_the_predikat_of_every_matrix_cell() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    for (hasil, perilaku, label, code) in [
        ("di_atas", "di_bawah", "Kurang", 4),
        ("di_atas", "sesuai", "Baik", 2),
        ("di_atas", "di_atas", "Sangat Baik", 1),
        ("sesuai", "di_bawah", "Kurang", 4),
        ("sesuai", "sesuai", "Baik", 2),
        ("sesuai", "di_atas", "Baik", 2),
        ("di_bawah", "di_bawah", "Sangat Kurang", 5),
        ("di_bawah", "sesuai", "Butuh Perbaikan", 3),
        ("di_bawah", "di_atas", "Butuh Perbaikan", 3),
    ] {
        let resp = app
            .put_json(
                &format!("/api/v1/periods/{period}/evaluations/{STAF_A}"),
                &lurah,
                &ratings(hasil, perilaku),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK, "{hasil} × {perilaku}");
        let body: Value = resp.json().await.expect("json");
        assert_eq!(body["predikat"]["label"], label, "{hasil} × {perilaku}");
        assert_eq!(body["predikat"]["code"], code, "{hasil} × {perilaku}");
    }
}

#[tokio::test]
async fn only_the_direct_supervisor_may_rate() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let period = open_q2(&app, &admin).await;
    let peer = app.employee_token(STAF_B, &["employee"]).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let myself = app.employee_token(STAF_A, &["employee"]).await;
    let path = format!("/api/v1/periods/{period}/evaluations/{STAF_A}");

    for token in [&peer, &camat, &myself, &admin] {
        let resp = app
            .put_json(&path, token, &ratings("sesuai", "sesuai"))
            .await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
}

#[tokio::test]
async fn ratings_need_an_open_period_and_a_final_one_is_not_changed() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let draft: Value = app
        .post_json(
            "/api/v1/periods",
            &admin,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-07-01", "ends_on": "2026-09-30" }),
        )
        .await
        .json()
        .await
        .expect("json");
    let draft_id = draft["id"].as_str().expect("id");
    let resp = app
        .put_json(
            &format!("/api/v1/periods/{draft_id}/evaluations/{STAF_A}"),
            &lurah,
            &ratings("sesuai", "sesuai"),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "period_not_open").await;

    let period = open_q2(&app, &admin).await;
    let path = format!("/api/v1/periods/{period}/evaluations/{STAF_A}");
    let mut body = ratings("sesuai", "di_atas");
    body["final"] = json!(true);
    assert_eq!(
        app.put_json(&path, &lurah, &body).await.status(),
        StatusCode::OK
    );
    let again = app
        .put_json(&path, &lurah, &ratings("di_bawah", "di_bawah"))
        .await;
    assert_error(again, StatusCode::CONFLICT, "evaluation_final").await;
}

#[tokio::test]
async fn the_hr_system_reads_results_with_the_penilai_and_their_state() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let mut body = ratings("di_atas", "di_atas");
    body["final"] = json!(true);
    app.put_json(
        &format!("/api/v1/periods/{period}/evaluations/{STAF_A}"),
        &lurah,
        &body,
    )
    .await;
    let key: Value = app
        .post_json(
            "/api/v1/api-keys",
            &admin,
            &json!({ "name": "SIMPEG", "scopes": ["results:read"] }),
        )
        .await
        .json()
        .await
        .expect("json");
    let key = key["key"].as_str().expect("key");

    let results: Value = app
        .get(&format!("/api/v1/periods/{period}/results"), key)
        .await
        .json()
        .await
        .expect("json");

    let item = &results["items"][0];
    assert_eq!(item["nip"], STAF_A);
    assert_eq!(item["rating_hasil_kerja_code"], 1);
    assert_eq!(item["rating_perilaku_kerja_code"], 1);
    assert_eq!(item["predikat"]["code"], 1);
    assert_eq!(item["penilai"]["nip"], LURAH);
    assert_eq!(item["penilai"]["golongan"], "III/b");
    assert_eq!(item["status"], "final");

    for action in ["close", "publish"] {
        app.post_json(
            &format!("/api/v1/periods/{period}/{action}"),
            &admin,
            &json!({}),
        )
        .await;
    }
    let results: Value = app
        .get(&format!("/api/v1/periods/{period}/results"), key)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(results["items"][0]["status"], "published");

    let employee = app.employee_token(STAF_B, &["employee"]).await;
    let refused = app
        .get(&format!("/api/v1/periods/{period}/results"), &employee)
        .await;
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}
