//! Indeks Kepuasan Masyarakat of a unit (PermenPANRB 14/2017) computed through the API from
//! hand-computed datasets: NRR per element, IKM, konversi and mutu at every grade boundary,
//! and no index below the minimum number of respondents.

use crate::helpers::{
    LURAH, STAF_A, TestApp, answers, assert_error, assert_json, generous_feedback_limits,
    seed_hierarchy, spawn_app_with,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// `n` respondents whose 9·n answers (each 1–4) sum to `total`: all 3s, then single answers
/// raised to 4 or lowered to 2 (and then 1) until the sum is reached.
fn dataset(n: usize, total: i64) -> Vec<[i64; 9]> {
    let mut rows = vec![[3i64; 9]; n];
    let mut diff = total - 27 * n as i64;
    for step in [1i64, -1, -1] {
        for row in rows.iter_mut() {
            for a in row.iter_mut() {
                if diff == 0 || diff.signum() != step {
                    continue;
                }
                let next = *a + step;
                if (1..=4).contains(&next) {
                    *a = next;
                    diff -= step;
                }
            }
        }
    }
    assert_eq!(
        diff, 0,
        "n={n} total={total} cannot be reached with answers 1–4"
    );
    rows
}

/// A fresh app with raised abuse limits and a unit desk target for CKN-SEK; returns the
/// app, the admin token and the public token.
async fn app_with_desk() -> (TestApp, String, String) {
    let app = spawn_app_with(|s| {
        generous_feedback_limits(s);
        s.trust_proxy = true;
    })
    .await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;
    let target = app.unit_feedback_target(&token, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    (app, token, public)
}

/// Each row from its own client address (another phone), all counted.
async fn submit_all(app: &TestApp, public: &str, rows: &[[i64; 9]]) {
    for (i, row) in rows.iter().enumerate() {
        let ip = format!("10.0.{}.{}", i / 200, i % 200 + 1);
        let resp = app
            .submit_feedback_from(&ip, public, &json!({ "answers": answers(*row) }))
            .await;
        let body = assert_json(resp, StatusCode::CREATED).await;
        assert_eq!(body["verified"], false);
    }
}

/// Submits the rows and returns the unit's IKM report; nothing may be held.
async fn ikm_of(rows: &[[i64; 9]]) -> Value {
    let (app, token, public) = app_with_desk().await;
    submit_all(&app, &public, rows).await;
    let held = app.moderation(&token, "held").await;
    assert_eq!(held["meta"]["total"], 0, "nothing is held: {held}");
    app.get_ok("/api/v1/ikm/units/CKN-SEK", &token).await
}

fn f(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("number expected, got {v}"))
}

/// Asserts the report of a dataset whose answers sum to `total` over n respondents.
async fn assert_boundary(n: usize, total: i64, konversi: f64, mutu: &str) {
    // Arrange
    let rows = dataset(n, total);

    // Act
    let report = ikm_of(&rows).await;

    // Assert: konversi = 25·S/(9n), shown with two decimals, graded on that value.
    assert_eq!(report["respondents"], n as i64);
    assert_eq!(report["sufficient"], true);
    assert_eq!(
        f(&report["konversi"]),
        konversi,
        "n={n} S={total}: {report}"
    );
    assert_eq!(report["mutu"], mutu, "n={n} S={total}");
    let ikm = (total as f64 / (9.0 * n as f64) * 1000.0).round() / 1000.0;
    assert_eq!(f(&report["ikm"]), ikm);
    let elements = report["elements"].as_array().expect("elements");
    assert_eq!(elements.len(), 9);
    for (i, el) in elements.iter().enumerate() {
        let column: i64 = rows.iter().map(|r| r[i]).sum();
        let nrr = (column as f64 / n as f64 * 100.0).round() / 100.0;
        assert_eq!(el["code"], format!("u{}", i + 1));
        assert_eq!(f(&el["nrr"]), nrr, "NRR of u{}", i + 1);
        assert_eq!(el["answers"], n as i64);
    }
}

#[tokio::test]
async fn all_answers_four_give_konversi_100_and_mutu_a() {
    // Arrange
    let rows = vec![[4i64; 9]; 5];

    // Act
    let report = ikm_of(&rows).await;

    // Assert
    assert_eq!(report["unit_code"], "CKN-SEK");
    assert_eq!(report["respondents"], 5);
    assert_eq!(report["min_respondents"], 5);
    assert_eq!(report["sufficient"], true);
    assert_eq!(f(&report["ikm"]), 4.0);
    assert_eq!(f(&report["konversi"]), 100.0);
    assert_eq!(report["mutu"], "A");
    assert_eq!(report["mutu_label"], "Sangat Baik");
    for el in report["elements"].as_array().expect("elements") {
        assert_eq!(f(&el["nrr"]), 4.0, "{el}");
    }
}

#[tokio::test]
async fn all_answers_one_give_konversi_25_and_mutu_d() {
    // Arrange
    let rows = vec![[1i64; 9]; 6];

    // Act
    let report = ikm_of(&rows).await;

    // Assert
    assert_eq!(report["respondents"], 6);
    assert_eq!(f(&report["ikm"]), 1.0);
    assert_eq!(f(&report["konversi"]), 25.0);
    assert_eq!(report["mutu"], "D");
    assert_eq!(report["mutu_label"], "Tidak Baik");
    for el in report["elements"].as_array().expect("elements") {
        assert_eq!(f(&el["nrr"]), 1.0, "{el}");
    }
}

#[tokio::test]
async fn a_konversi_of_64_99_is_graded_d() {
    // 38 respondents, S = 889: 25 × 889 ÷ 342 = 64.985… → 64.99
    assert_boundary(38, 889, 64.99, "D").await;
}

#[tokio::test]
async fn a_konversi_of_exactly_65_00_is_graded_c() {
    // 5 respondents, S = 117: 25 × 117 ÷ 45 = 65.00
    assert_boundary(5, 117, 65.00, "C").await;
}

#[tokio::test]
async fn a_konversi_of_76_60_is_graded_c() {
    // 26 respondents, S = 717: 25 × 717 ÷ 234 = 76.602… → 76.60
    assert_boundary(26, 717, 76.60, "C").await;
}

#[tokio::test]
async fn a_konversi_of_76_61_is_graded_b() {
    // 19 respondents, S = 524: 25 × 524 ÷ 171 = 76.608… → 76.61
    assert_boundary(19, 524, 76.61, "B").await;
}

#[tokio::test]
async fn a_konversi_of_88_30_is_graded_b() {
    // 19 respondents, S = 604: 25 × 604 ÷ 171 = 88.304… → 88.30
    assert_boundary(19, 604, 88.30, "B").await;
}

#[tokio::test]
async fn a_konversi_of_88_31_is_graded_a() {
    // 24 respondents, S = 763: 25 × 763 ÷ 216 = 88.310… → 88.31
    assert_boundary(24, 763, 88.31, "A").await;
}

#[tokio::test]
async fn the_nrr_of_each_element_is_its_mean_score_on_an_uneven_dataset() {
    // Arrange: six respondents, one column per element.
    //   u1 1 1 2 4 4 4 = 16 → 2.67    u4 all 1 = 6 → 1.00    u7 4 3 4 3 4 4 = 22 → 3.67
    //   u2 3 3 3 3 3 4 = 19 → 3.17    u5 2 3 2 3 2 3 = 15 → 2.50    u8 1 2 3 4 1 2 = 13 → 2.17
    //   u3 all 4 = 24 → 4.00          u6 all 3 = 18 → 3.00    u9 2 2 2 2 3 1 = 12 → 2.00
    // S = 145; IKM = 145 ÷ 54 = 2.685…; konversi = 67.129… → 67.13 (C, Kurang Baik).
    let rows = vec![
        [1, 3, 4, 1, 2, 3, 4, 1, 2],
        [1, 3, 4, 1, 3, 3, 3, 2, 2],
        [2, 3, 4, 1, 2, 3, 4, 3, 2],
        [4, 3, 4, 1, 3, 3, 3, 4, 2],
        [4, 3, 4, 1, 2, 3, 4, 1, 3],
        [4, 4, 4, 1, 3, 3, 4, 2, 1],
    ];

    // Act
    let report = ikm_of(&rows).await;

    // Assert
    assert_eq!(report["respondents"], 6);
    let nrr: Vec<f64> = report["elements"]
        .as_array()
        .expect("elements")
        .iter()
        .map(|e| f(&e["nrr"]))
        .collect();
    assert_eq!(
        nrr,
        vec![2.67, 3.17, 4.0, 1.0, 2.5, 3.0, 3.67, 2.17, 2.0],
        "{report}"
    );
    assert_eq!(f(&report["ikm"]), 2.685);
    assert_eq!(f(&report["konversi"]), 67.13);
    assert_eq!(report["mutu"], "C");
    assert_eq!(report["mutu_label"], "Kurang Baik");
}

#[tokio::test]
async fn below_the_minimum_respondents_no_index_is_given_but_the_count_is() {
    // Arrange: four respondents, one short of the default minimum of five.
    let rows = vec![[4i64; 9]; 4];

    // Act
    let report = ikm_of(&rows).await;

    // Assert
    assert_eq!(report["respondents"], 4);
    assert_eq!(report["min_respondents"], 5);
    assert_eq!(report["sufficient"], false);
    assert!(report["ikm"].is_null(), "{report}");
    assert!(report["konversi"].is_null());
    assert!(report["mutu"].is_null());
    assert!(report["mutu_label"].is_null());
    for el in report["elements"].as_array().expect("elements") {
        assert!(el["nrr"].is_null(), "{el}");
        assert_eq!(el["answers"], 4);
    }
    let trend = report["trend"].as_array().expect("trend");
    assert_eq!(trend.len(), 1, "one month of submissions: {report}");
    assert_eq!(trend[0]["respondents"], 4);
    assert!(trend[0]["konversi"].is_null());
}

#[tokio::test]
async fn the_ikm_of_an_unknown_unit_is_404() {
    // Arrange
    let (app, token, _) = app_with_desk().await;

    // Act
    let resp = app.get("/api/v1/ikm/units/NOPE", &token).await;

    // Assert
    let body = assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("NOPE"))
    );
}

#[tokio::test]
async fn the_employee_index_uses_u6_and_u7_and_says_it_is_an_adaptation() {
    // Arrange: five respondents about STAF_A; U6 = 4 4 4 3 3 (18 → 3.6), U7 = 3 3 3 3 2
    // (14 → 2.8); (3.6 + 2.8) ÷ 2 × 25 = 80.00 (B). The other elements do not matter.
    let app = spawn_app_with(generous_feedback_limits).await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let target = app
        .employee_feedback_target(&admin, "CKN-KEL-CB", STAF_A)
        .await;
    let public = target["token"].as_str().expect("token");
    for (i, (u6, u7)) in [(4, 3), (4, 3), (4, 3), (3, 3), (3, 2)]
        .into_iter()
        .enumerate()
    {
        let mut row = [1i64; 9];
        row[0] = i as i64 % 4 + 1;
        row[5] = u6;
        row[6] = u7;
        app.submit_answers(public, row).await;
    }
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let body = app
        .get_ok(
            &format!("/api/v1/employees/{STAF_A}/citizen-feedback"),
            &staff,
        )
        .await;

    // Assert
    assert_eq!(body["respondents"], 5);
    assert_eq!(body["sufficient"], true);
    let index = &body["index"];
    assert_eq!(f(&index["u6_nrr"]), 3.6);
    assert_eq!(f(&index["u7_nrr"]), 2.8);
    assert_eq!(f(&index["konversi"]), 80.0);
    assert_eq!(index["mutu"], "B");
    let label = index["label"].as_str().expect("label");
    assert!(label.contains("adaptasi Kinerja360"), "{label}");
    assert!(label.contains("bukan IKM resmi"), "{label}");
    // The unit's IKM counts the same submissions over all nine elements.
    let unit = app.get_ok("/api/v1/ikm/units/CKN-KEL-CB", &admin).await;
    assert_eq!(unit["respondents"], 5);
}

#[tokio::test]
async fn only_the_leaders_of_a_unit_read_its_ikm() {
    // Arrange
    let (app, admin, _) = app_with_desk().await;
    seed_hierarchy(&app, &admin).await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    // Act
    let by_staff = app.get("/api/v1/ikm/units/CKN-KEL-CB", &staff).await;
    let by_lurah = app.get("/api/v1/ikm/units/CKN-KEL-CB", &lurah).await;
    let other = app.get("/api/v1/ikm/units/CKN-SEK", &lurah).await;

    // Assert
    assert_error(by_staff, StatusCode::FORBIDDEN, "forbidden").await;
    let own = assert_json(by_lurah, StatusCode::OK).await;
    assert_eq!(own["unit_code"], "CKN-KEL-CB");
    assert_eq!(own["respondents"], 0);
    assert_error(other, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn the_date_range_is_in_local_days() {
    // Arrange: one submission now; WITA (UTC+8) is the default local time.
    let (app, token, public) = app_with_desk().await;
    submit_all(&app, &public, &[[4; 9]]).await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let yesterday = today.pred_opt().expect("yesterday");

    // Act
    let until_yesterday = app
        .get_ok(&format!("/api/v1/ikm/units/CKN-SEK?to={yesterday}"), &token)
        .await;
    let only_today = app
        .get_ok(
            &format!("/api/v1/ikm/units/CKN-SEK?from={today}&to={today}"),
            &token,
        )
        .await;
    let reversed = app
        .get(
            &format!("/api/v1/ikm/units/CKN-SEK?from={today}&to={yesterday}"),
            &token,
        )
        .await;

    // Assert
    assert_eq!(until_yesterday["respondents"], 0);
    assert_eq!(until_yesterday["to"], yesterday.to_string());
    assert_eq!(only_today["respondents"], 1);
    assert_eq!(only_today["from"], today.to_string());
    let body = assert_error(
        reversed,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(body["error"]["fields"]["from"].is_array(), "{body}");
}
