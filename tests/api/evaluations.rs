//! Supervisor ratings: who may rate, when (open period, approved SKP, unit not finalised),
//! the predikat from the matrix (all nine cells), the 360 justification rule, the
//! supervisor's team view, the employee's own published results, and the results the HR
//! system reads.
//!
//! The helpers at the top are shared by the other tests of the results area
//! (distribution, appeals, exports, periods).

use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use chrono::{DateTime, Utc};
use reqwest::{Response, StatusCode};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

/// Creates a quarter of 2026 (1–4) as admin; returns its id.
pub async fn create_quarter(app: &TestApp, token: &str, quarter: u32) -> String {
    let (from, to) = match quarter {
        1 => ("2026-01-01", "2026-03-31"),
        2 => ("2026-04-01", "2026-06-30"),
        3 => ("2026-07-01", "2026-09-30"),
        _ => ("2026-10-01", "2026-12-31"),
    };
    let resp = app
        .post_json(
            "/api/v1/periods",
            token,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": from, "ends_on": to }),
        )
        .await;
    let p = assert_json(resp, StatusCode::CREATED).await;
    p["id"].as_str().expect("id").to_string()
}

/// Moves a period (`open`, `close`, `publish`) and asserts 200.
pub async fn act(app: &TestApp, token: &str, period: &str, action: &str) {
    let resp = app
        .post_json(
            &format!("/api/v1/periods/{period}/{action}"),
            token,
            &json!({}),
        )
        .await;
    assert_json(resp, StatusCode::OK).await;
}

/// Creates and opens Triwulan II 2026.
pub async fn open_q2(app: &TestApp, token: &str) -> String {
    let id = create_quarter(app, token, 2).await;
    act(app, token, &id, "open").await;
    id
}

/// Inserts an SKP of `year` in the given status for the employee, directly in the test
/// database (the SKP workflow is tested in its own module).
pub async fn insert_skp(app: &TestApp, nip: &str, year: i32, status: &str) {
    let e = kinerja::store::employees::find_by_nip(&app.db.read, nip)
        .await
        .expect("query")
        .expect("employee");
    let now = Utc::now();
    entity::skp::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(e.id),
        year: Set(year),
        status: Set(status.into()),
        return_reason: Set(None),
        approver_id: Set(e.supervisor_id),
        unit_id: Set(e.unit_id),
        jabatan: Set(e.jabatan.clone()),
        submitted_at: Set(Some(now)),
        decided_at: Set((status == "approved").then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&app.db.write)
    .await
    .expect("insert skp");
}

/// An approved SKP for 2026.
pub async fn approve_skp(app: &TestApp, nip: &str) {
    insert_skp(app, nip, 2026, "approved").await;
}

pub fn ratings(hasil: &str, perilaku: &str) -> Value {
    json!({ "rating_hasil_kerja": hasil, "rating_perilaku": perilaku })
}

/// The ratings that give a predikat (one cell of the matrix).
pub fn ratings_for(predikat: &str) -> (&'static str, &'static str) {
    match predikat {
        "sangat_baik" => ("di_atas", "di_atas"),
        "baik" => ("sesuai", "sesuai"),
        "butuh_perbaikan" => ("di_bawah", "sesuai"),
        "kurang" => ("sesuai", "di_bawah"),
        "sangat_kurang" => ("di_bawah", "di_bawah"),
        other => panic!("unknown predikat {other}"),
    }
}

/// PUTs an evaluation (draft or final).
pub async fn rate(
    app: &TestApp,
    token: &str,
    period: &str,
    nip: &str,
    predikat: &str,
    fin: bool,
) -> Response {
    let (h, p) = ratings_for(predikat);
    let mut body = ratings(h, p);
    body["final"] = json!(fin);
    app.put_json(
        &format!("/api/v1/periods/{period}/evaluations/{nip}"),
        token,
        &body,
    )
    .await
}

/// Sets a unit's organisational result; returns the response.
pub async fn set_org_result(
    app: &TestApp,
    token: &str,
    period: &str,
    unit: &str,
    result: &str,
) -> Response {
    app.put_json(
        &format!("/api/v1/periods/{period}/units/{unit}/org-result"),
        token,
        &json!({ "result": result }),
    )
    .await
}

/// Finalises a unit; returns the response.
pub async fn finalise(
    app: &TestApp,
    token: &str,
    period: &str,
    unit: &str,
    reason: Option<&str>,
) -> Response {
    let body = match reason {
        Some(r) => json!({ "override_reason": r }),
        None => json!({}),
    };
    app.post_json(
        &format!("/api/v1/periods/{period}/units/{unit}/finalise"),
        token,
        &body,
    )
    .await
}

/// Exempts every employee who still blocks the period (as HR's overview lists them: in
/// scope, with neither a final evaluation nor an exemption), so that tests about something
/// else can finalise and publish (ADR 0018).
pub async fn exempt_unrated(app: &TestApp, admin: &str, period: &str) {
    let list = app
        .get_ok(&format!("/api/v1/periods/{period}/units"), admin)
        .await;
    for unit in list["items"].as_array().expect("items") {
        for b in unit["blockers"].as_array().expect("blockers") {
            let resp = app
                .post_json(
                    &format!("/api/v1/periods/{period}/exemptions"),
                    admin,
                    &json!({
                        "nip": b["nip"], "reason": "lainnya",
                        "note": "Tidak dinilai dalam skenario uji ini"
                    }),
                )
                .await;
            assert_json(resp, StatusCode::CREATED).await;
        }
    }
}

/// Closes the period, exempts whoever is not rated, sets `result` and finalises the unit
/// (with an override reason), then publishes.
pub async fn close_finalise_publish(app: &TestApp, admin: &str, period: &str, unit: &str) {
    act(app, admin, period, "close").await;
    exempt_unrated(app, admin, period).await;
    assert_json(
        set_org_result(app, admin, period, unit, "baik").await,
        StatusCode::OK,
    )
    .await;
    assert_json(
        finalise(
            app,
            admin,
            period,
            unit,
            Some("Unit kecil, kurva tidak berlaku penuh"),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    act(app, admin, period, "publish").await;
}

/// Sets a period's `published_at` directly (to test the appeal window).
pub async fn set_published_at(app: &TestApp, period: &str, at: DateTime<Utc>) {
    let id: Uuid = period.parse().expect("uuid");
    let m = entity::period::Entity::find_by_id(id)
        .one(&app.db.read)
        .await
        .expect("query")
        .expect("period");
    let mut am: entity::period::ActiveModel = m.into();
    am.published_at = Set(Some(at));
    am.update(&app.db.write).await.expect("update period");
}

/// A submitted 360 response from the supervisor with every value scored `score`.
pub async fn insert_supervisor_360(
    app: &TestApp,
    period: &str,
    ratee: &str,
    rater: &str,
    score: i16,
) {
    let find = |nip: String| async move {
        kinerja::store::employees::find_by_nip(&app.db.read, &nip)
            .await
            .expect("query")
            .expect("employee")
    };
    let ratee = find(ratee.to_string()).await;
    let rater = find(rater.to_string()).await;
    let now = Utc::now();
    entity::rating_360::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(period.parse().expect("uuid")),
        ratee_id: Set(ratee.id),
        rater_id: Set(rater.id),
        rater_group: Set("supervisor".into()),
        status: Set("submitted".into()),
        nominated_by: Set(None),
        decision_reason: Set(None),
        score_pelayanan: Set(Some(score)),
        score_akuntabel: Set(Some(score)),
        score_kompeten: Set(Some(score)),
        score_harmonis: Set(Some(score)),
        score_loyal: Set(Some(score)),
        score_adaptif: Set(Some(score)),
        score_kolaboratif: Set(Some(score)),
        comments: Set(None),
        overall_comment: Set(None),
        submitted_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&app.db.write)
    .await
    .expect("insert 360 response");
}

#[tokio::test]
async fn the_direct_supervisor_gets_the_predikat_of_every_matrix_cell() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
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
    approve_skp(&app, STAF_A).await;
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
    approve_skp(&app, STAF_A).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let draft_id = create_quarter(&app, &admin, 3).await;
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
async fn an_employee_whose_skp_is_not_approved_is_not_rated() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    // No SKP at all; a submitted (not approved) one; an approved one of another year.
    insert_skp(&app, STAF_B, 2026, "submitted").await;
    insert_skp(&app, STAF_A, 2025, "approved").await;

    for nip in [STAF_A, STAF_B] {
        let resp = rate(&app, &lurah, &period, nip, "baik", false).await;
        assert_error(resp, StatusCode::CONFLICT, "skp_not_approved").await;
    }
    approve_skp(&app, STAF_A).await;
    assert_json(
        rate(&app, &lurah, &period, STAF_A, "baik", false).await,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn a_finalised_unit_freezes_its_ratings() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
    approve_skp(&app, STAF_B).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    assert_json(
        rate(&app, &lurah, &period, STAF_A, "baik", true).await,
        StatusCode::OK,
    )
    .await;
    assert_json(
        set_org_result(&app, &admin, &period, "CKN-KEL-CB", "istimewa").await,
        StatusCode::OK,
    )
    .await;
    // The unrated lurah and STAF_B are exempted, so the unit can be finalised.
    exempt_unrated(&app, &admin, &period).await;
    assert_json(
        finalise(&app, &admin, &period, "CKN-KEL-CB", None).await,
        StatusCode::OK,
    )
    .await;

    // Neither a new evaluation in the unit nor a change is accepted any more (the frozen
    // unit is refused before anything else).
    let resp = rate(&app, &lurah, &period, STAF_B, "baik", false).await;
    assert_error(resp, StatusCode::CONFLICT, "unit_finalised").await;
    let again = set_org_result(&app, &admin, &period, "CKN-KEL-CB", "baik").await;
    assert_error(again, StatusCode::CONFLICT, "unit_finalised").await;
}

#[tokio::test]
async fn a_rating_that_differs_from_the_360_suggestion_needs_a_justification() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    // The supervisor's own 360 response: every value 5 → suggestion Di Atas (mean 5).
    insert_supervisor_360(&app, &period, STAF_A, LURAH, 5).await;
    // The suggestion has its 360 part once the results are released (ADR 0013).
    crate::ratings360::Round::record_release(&app, &period).await;
    let path = format!("/api/v1/periods/{period}/evaluations/{STAF_A}");

    let refused = app
        .put_json(&path, &lurah, &ratings("sesuai", "sesuai"))
        .await;
    let body = assert_error(
        refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "justification_required",
    )
    .await;
    assert!(
        body["error"]["fields"]["justification"].is_array(),
        "{body}"
    );
    let mut blank = ratings("sesuai", "sesuai");
    blank["justification"] = json!("   ");
    assert_error(
        app.put_json(&path, &lurah, &blank).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "justification_required",
    )
    .await;

    let mut justified = ratings("sesuai", "sesuai");
    justified["justification"] = json!("Dua keluhan warga tentang sikap di loket bulan Mei");
    let ok = assert_json(
        app.put_json(&path, &lurah, &justified).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ok["suggested_perilaku"], "di_atas");
    assert_eq!(ok["mean_360"], 5.0);
    assert_eq!(
        ok["justification"],
        "Dua keluhan warga tentang sikap di loket bulan Mei"
    );
    // Agreeing with the suggestion needs no justification.
    let agree = assert_json(
        app.put_json(&path, &lurah, &ratings("sesuai", "di_atas"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(agree["predikat"]["label"], "Baik");
}

#[tokio::test]
async fn the_supervisor_sees_the_team_with_skp_360_evaluation_and_suggestion() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    insert_supervisor_360(&app, &period, STAF_A, LURAH, 3).await;
    crate::ratings360::Round::record_release(&app, &period).await;
    assert_json(
        rate(&app, &lurah, &period, STAF_A, "baik", false).await,
        StatusCode::OK,
    )
    .await;

    let team = app
        .get_ok(&format!("/api/v1/periods/{period}/team"), &lurah)
        .await;

    let items = team["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{team}");
    let a = items.iter().find(|i| i["nip"] == STAF_A).expect("staf a");
    assert_eq!(a["skp_status"], "approved");
    // No response counts per member, only whether the round is released.
    assert_eq!(a["results_360_released"], true);
    assert!(a.get("responses_360_submitted").is_none());
    assert_eq!(a["suggestion"]["rating"], "sesuai");
    assert_eq!(a["evaluation"]["predikat"]["label"], "Baik");
    assert_eq!(a["evaluation"]["status"], "draft");
    assert!(a["appeal_status"].is_null());
    let b = items.iter().find(|i| i["nip"] == STAF_B).expect("staf b");
    assert!(b["skp_status"].is_null());
    assert!(b["evaluation"].is_null());
    // A staff member has no team; the camat's team is the lurah only.
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    let none = app
        .get_ok(&format!("/api/v1/periods/{period}/team"), &staf)
        .await;
    assert_eq!(none["items"].as_array().expect("items").len(), 0);
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let top = app
        .get_ok(&format!("/api/v1/periods/{period}/team"), &camat)
        .await;
    assert_eq!(top["items"][0]["nip"], LURAH);
}

#[tokio::test]
async fn an_employee_sees_only_published_results_with_the_why() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    let mut body = ratings("di_atas", "di_bawah");
    body["final"] = json!(true);
    assert_json(
        app.put_json(
            &format!("/api/v1/periods/{period}/evaluations/{STAF_A}"),
            &lurah,
            &body,
        )
        .await,
        StatusCode::OK,
    )
    .await;

    let before = app.get_ok("/api/v1/me/results", &staf).await;
    assert_eq!(before["items"].as_array().expect("items").len(), 0);

    close_finalise_publish(&app, &admin, &period, "CKN-KEL-CB").await;
    let after = app.get_ok("/api/v1/me/results", &staf).await;

    let item = &after["items"][0];
    assert_eq!(item["period"]["id"], period);
    assert_eq!(item["predikat"]["label"], "Kurang");
    assert_eq!(item["predikat"]["code"], 4);
    assert_eq!(item["rating_hasil_kerja"]["code"], 1);
    assert_eq!(item["rating_perilaku"]["code"], 3);
    assert_eq!(item["matrix"]["row"], "di_atas");
    assert_eq!(item["matrix"]["column"], "di_bawah");
    assert!(
        item["matrix"]["explanation"]
            .as_str()
            .expect("explanation")
            .contains("predikat Kurang"),
        "{item}"
    );
    assert_eq!(item["penilai"]["nip"], LURAH);
    assert_eq!(item["status"], "published");
    assert_eq!(item["can_appeal"], true);
    let deadline: DateTime<Utc> = item["appeal_deadline"]
        .as_str()
        .expect("deadline")
        .parse()
        .expect("date-time");
    let days = (deadline - Utc::now()).num_hours();
    assert!((13 * 24..=15 * 24).contains(&days), "deadline {deadline}");
    // Someone else's results never show up in mine.
    let other = app.employee_token(STAF_B, &["employee"]).await;
    let theirs = app.get_ok("/api/v1/me/results", &other).await;
    assert_eq!(theirs["items"].as_array().expect("items").len(), 0);
}

#[tokio::test]
async fn the_hr_system_reads_results_with_the_penilai_and_their_state() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
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

    close_finalise_publish(&app, &admin, &period, "CKN-KEL-CB").await;
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
