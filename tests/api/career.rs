//! Career development: recommendations (triggers and causes), development plan permissions,
//! overdue items for HR, training hours, certificates and the catalogue CSV import.

use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use chrono::{NaiveDate, Utc};
use kinerja::domain::predikat::{Rating, predikat};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

async fn employee(app: &TestApp, nip: &str) -> entity::employee::Model {
    kinerja::store::employees::find_by_nip(&app.db.read, nip)
        .await
        .expect("query")
        .expect("employee")
}

/// Inserts a published period directly (the period workflow has its own tests).
pub async fn published_period(app: &TestApp, year: i32, kind: &str, number: i32) -> Uuid {
    let id = Uuid::now_v7();
    let (start, end) = if kind == "quarterly" {
        let start = NaiveDate::from_ymd_opt(year, (number as u32 - 1) * 3 + 1, 1).expect("date");
        let end = if number == 4 {
            NaiveDate::from_ymd_opt(year, 12, 31).expect("date")
        } else {
            NaiveDate::from_ymd_opt(year, number as u32 * 3 + 1, 1)
                .expect("date")
                .pred_opt()
                .expect("date")
        };
        (start, end)
    } else {
        let start = NaiveDate::from_ymd_opt(year, number as u32, 1).expect("date");
        (start, start + chrono::Duration::days(27))
    };
    let now = Utc::now();
    let roman = ["I", "II", "III", "IV"];
    entity::period::ActiveModel {
        id: Set(id),
        year: Set(year),
        kind: Set(kind.into()),
        number: Set(number),
        name: Set(if kind == "quarterly" {
            format!("Triwulan {} {year}", roman[(number - 1) as usize])
        } else {
            format!("Bulan {number} {year}")
        }),
        starts_on: Set(start),
        ends_on: Set(end),
        state: Set("published".into()),
        created_at: Set(now),
        updated_at: Set(now),
        opened_at: Set(Some(now)),
        closed_at: Set(Some(now)),
        published_at: Set(Some(now)),
        run_360: Set(true),
        deadline_360: Set(None),
        evaluation_deadline: Set(None),
        released_360_at: Set(Some(now)),
    }
    .insert(&app.db.write)
    .await
    .expect("insert period");
    id
}

fn rating(s: &str) -> Rating {
    Rating::parse(s).expect("rating")
}

/// Inserts a final evaluation by the employee's supervisor.
pub async fn evaluate(app: &TestApp, period: Uuid, nip: &str, hasil: &str, perilaku: &str) {
    let e = employee(app, nip).await;
    let penilai = match e.supervisor_id {
        Some(s) => kinerja::store::employees::find_by_id(&app.db.read, s)
            .await
            .expect("query")
            .expect("penilai"),
        None => e.clone(),
    };
    let now = Utc::now();
    entity::evaluation::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(period),
        employee_id: Set(e.id),
        penilai_id: Set(penilai.id),
        rating_hasil_kerja: Set(hasil.into()),
        rating_perilaku: Set(perilaku.into()),
        predikat: Set(predikat(rating(hasil), rating(perilaku)).as_str().into()),
        justification: Set(None),
        status: Set("final".into()),
        golongan: Set(e.golongan.clone()),
        jabatan: Set(e.jabatan.clone()),
        unit_id: Set(e.unit_id),
        penilai_golongan: Set(penilai.golongan.clone()),
        penilai_jabatan: Set(penilai.jabatan.clone()),
        penilai_unit_id: Set(penilai.unit_id),
        suggested_perilaku: Set(None),
        mean_360: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&app.db.write)
    .await
    .expect("insert evaluation");
}

/// Inserts a submitted 360 response with one score per value (order of `Value::ALL`).
pub async fn rate_360(
    app: &TestApp,
    period: Uuid,
    ratee: &str,
    rater: &str,
    group: &str,
    s: [i16; 7],
) {
    let ratee = employee(app, ratee).await;
    let rater = employee(app, rater).await;
    let now = Utc::now();
    entity::rating_360::ActiveModel {
        id: Set(Uuid::now_v7()),
        period_id: Set(period),
        ratee_id: Set(ratee.id),
        rater_id: Set(rater.id),
        rater_group: Set(group.into()),
        status: Set("submitted".into()),
        nominated_by: Set(None),
        decision_reason: Set(None),
        score_pelayanan: Set(Some(s[0])),
        score_akuntabel: Set(Some(s[1])),
        score_kompeten: Set(Some(s[2])),
        score_harmonis: Set(Some(s[3])),
        score_loyal: Set(Some(s[4])),
        score_adaptif: Set(Some(s[5])),
        score_kolaboratif: Set(Some(s[6])),
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

async fn add_training(app: &TestApp, hr: &str, title: &str, value: &str, hours: i64) -> String {
    let t = assert_json(
        app.post_json(
            "/api/v1/trainings",
            hr,
            &json!({ "title": title, "provider": "BPSDM NTB", "value_code": value,
                     "hours": hours, "mode": "klasikal" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    t["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn a_butuh_perbaikan_predikat_recommends_training_and_a_mentor_with_its_cause() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let training = add_training(&app, &hr, "Pelayanan Prima", "berorientasi_pelayanan", 24).await;
    let period = published_period(&app, 2026, "quarterly", 2).await;
    evaluate(&app, period, STAF_A, "di_bawah", "sesuai").await;
    evaluate(&app, period, STAF_B, "sesuai", "di_atas").await;
    rate_360(&app, period, STAF_A, LURAH, "supervisor", [3; 7]).await;
    rate_360(&app, period, STAF_A, STAF_B, "peer", [3; 7]).await;
    rate_360(&app, period, STAF_B, LURAH, "supervisor", [5; 7]).await;
    rate_360(&app, period, STAF_B, STAF_A, "peer", [4; 7]).await;
    let me = app.employee_token(STAF_A, &["employee"]).await;

    let body = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}/recommendations"), &me)
        .await;

    assert_eq!(body["period"]["id"], period.to_string());
    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{body}");
    let r = &items[0];
    assert_eq!(r["trigger"], "predikat");
    assert_eq!(r["predikat"], "butuh_perbaikan");
    let cause = r["cause"].as_str().expect("cause");
    assert!(cause.contains("Triwulan II 2026"), "{cause}");
    assert!(cause.contains("Butuh Perbaikan"), "{cause}");
    assert!(
        r["rule"]
            .as_str()
            .expect("rule")
            .contains("Butuh Perbaikan")
    );
    let actions = r["actions"].as_array().expect("actions");
    assert!(
        actions
            .iter()
            .any(|a| a["kind"] == "training" && a["training_id"] == training.as_str())
    );
    let mentor = actions
        .iter()
        .find(|a| a["kind"] == "mentoring")
        .expect("a mentor is proposed");
    assert_eq!(mentor["mentor_nip"], STAF_B);
    assert_eq!(mentor["mentor_mean"], 4.5);
}

#[tokio::test]
async fn a_value_mean_below_three_recommends_that_value_and_states_the_mean() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    add_training(&app, &hr, "Etika dan Integritas ASN", "akuntabel", 12).await;
    let period = published_period(&app, 2026, "quarterly", 1).await;
    evaluate(&app, period, STAF_A, "sesuai", "sesuai").await;
    rate_360(
        &app,
        period,
        STAF_A,
        LURAH,
        "supervisor",
        [4, 2, 4, 4, 4, 4, 4],
    )
    .await;
    rate_360(&app, period, STAF_A, STAF_B, "peer", [4, 3, 4, 4, 4, 4, 4]).await;
    // A self rating never counts.
    rate_360(&app, period, STAF_A, STAF_A, "self", [1; 7]).await;
    let url = format!("/api/v1/employees/{STAF_A}/recommendations");
    // Two raters are too few: their mean could reveal the peer's scores (anonymity).
    let with_two = app.get_ok(&url, &hr).await;
    let third = crate::ratings360::PEER_1;
    let resp = app
        .put_employee(&admin, third, "Lalu Rekan", "CKN-KEL-CB", Some(LURAH))
        .await;
    assert!(resp.status().is_success());
    rate_360(&app, period, STAF_A, third, "peer", [4, 2, 4, 4, 4, 4, 4]).await;

    let body = app.get_ok(&url, &hr).await;

    assert_eq!(with_two["items"], serde_json::json!([]), "{with_two}");
    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{body}");
    let r = &items[0];
    assert_eq!(r["trigger"], "value_360");
    assert_eq!(r["value_code"], "akuntabel");
    assert!(
        (r["mean"].as_f64().expect("mean") - 7.0 / 3.0).abs() < 0.01,
        "{r}"
    );
    assert_eq!(r["responses"], 3);
    let cause = r["cause"].as_str().expect("cause");
    assert!(
        cause.contains("Akuntabel") && cause.contains("2,33"),
        "{cause}"
    );
    assert!(cause.contains("Triwulan I 2026"), "{cause}");
    assert_eq!(r["actions"][0]["title"], "Etika dan Integritas ASN");
}

#[tokio::test]
async fn a_good_performer_gets_no_recommendation_and_a_peer_may_not_look() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let period = published_period(&app, 2026, "quarterly", 1).await;
    evaluate(&app, period, STAF_B, "di_atas", "sesuai").await;
    rate_360(&app, period, STAF_B, LURAH, "supervisor", [4; 7]).await;
    rate_360(&app, period, STAF_B, STAF_A, "peer", [4; 7]).await;
    let me = app.employee_token(STAF_B, &["employee"]).await;
    let peer = app.employee_token(STAF_A, &["employee"]).await;

    let body = app
        .get_ok(&format!("/api/v1/employees/{STAF_B}/recommendations"), &me)
        .await;
    let refused = app
        .get(
            &format!("/api/v1/employees/{STAF_B}/recommendations"),
            &peer,
        )
        .await;

    assert_eq!(body["items"], json!([]));
    assert_eq!(body["period"]["id"], period.to_string());
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

fn plan_body(due_on: &str) -> Value {
    json!({
        "title": "Rencana pengembangan Triwulan II",
        "items": [
            { "kind": "training", "title": "Pelayanan Prima", "due_on": due_on, "hours": 24.0,
              "cause": "Triwulan II 2026: predikat kinerja Butuh Perbaikan" },
            { "kind": "mentoring", "title": "Mentoring pelayanan", "mentor_nip": STAF_B,
              "due_on": due_on, "cause": "Triwulan II 2026: predikat kinerja Butuh Perbaikan" }
        ]
    })
}

#[tokio::test]
async fn only_the_direct_supervisor_creates_a_plan_and_only_the_employee_records_progress() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let me = app.employee_token(STAF_A, &["employee"]).await;
    let peer = app.employee_token(STAF_B, &["employee"]).await;
    let path = format!("/api/v1/employees/{STAF_A}/development-plans");

    for token in [&camat, &peer, &hr, &me] {
        let refused = app.post_json(&path, token, &plan_body("2026-12-31")).await;
        assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let plan = assert_json(
        app.post_json(&path, &lurah, &plan_body("2026-12-31")).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(plan["supervisor_nip"], LURAH);
    assert_eq!(plan["items"][0]["status"], "planned");
    assert_eq!(plan["items"][1]["mentor_nip"], STAF_B);
    let item = plan["items"][0]["id"].as_str().expect("id").to_string();
    let item_path = format!("/api/v1/development-items/{item}");

    let by_supervisor = app
        .client
        .patch(app.url(&item_path))
        .bearer_auth(&lurah)
        .json(&json!({ "status": "done" }))
        .send()
        .await
        .expect("request");
    assert_error(by_supervisor, StatusCode::FORBIDDEN, "forbidden").await;
    let done = app
        .client
        .patch(app.url(&item_path))
        .bearer_auth(&me)
        .json(&json!({ "status": "done", "completed_on": "2026-03-10",
                       "progress_note": "Sertifikat terlampir" }))
        .send()
        .await
        .expect("request");
    let done = assert_json(done, StatusCode::OK).await;

    assert_eq!(done["status"], "done");
    assert_eq!(done["completed_on"], "2026-03-10");
    let hours = app
        .get_ok(
            &format!("/api/v1/employees/{STAF_A}/training-hours?year=2026"),
            &lurah,
        )
        .await;
    assert_eq!(hours["completed_jp"], 24);
    assert_eq!(hours["target_jp"], 20);
    assert_eq!(hours["met"], true);
    let completed = app
        .get_ok(
            &format!("/api/v1/employees/{STAF_A}/development/completed?since=2026-01-01"),
            &camat,
        )
        .await;
    assert_eq!(completed["items"][0]["id"], item.as_str());
}

#[tokio::test]
async fn a_peer_cannot_read_a_plan_while_the_employee_the_chain_and_hr_can() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let path = format!("/api/v1/employees/{STAF_A}/development-plans");
    app.post_json(&path, &lurah, &plan_body("2026-12-31")).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let me = app.employee_token(STAF_A, &["employee"]).await;
    let peer = app.employee_token(STAF_B, &["employee"]).await;

    let refused = app.get(&path, &peer).await;

    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    for token in [&hr, &camat, &lurah, &me] {
        let list = app.get_ok(&path, token).await;
        assert_eq!(list["items"].as_array().expect("items").len(), 1);
    }
}

#[tokio::test]
async fn hr_sees_overdue_items_per_unit_and_employees_do_not() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    app.post_json(
        &format!("/api/v1/employees/{STAF_A}/development-plans"),
        &lurah,
        &plan_body("2020-01-31"),
    )
    .await;
    app.post_json(
        &format!("/api/v1/employees/{STAF_B}/development-plans"),
        &lurah,
        &json!({ "items": [{ "kind": "other", "title": "Magang", "due_on": "2099-01-31",
                             "cause": "Pengayaan" }] }),
    )
    .await;

    let overdue = app
        .get_ok("/api/v1/development-plans?unit_code=CKN&overdue=true", &hr)
        .await;
    let elsewhere = app
        .get_ok(
            "/api/v1/development-plans?unit_code=CKN-KEL-MAY&overdue=true",
            &hr,
        )
        .await;
    let refused = app.get("/api/v1/development-plans", &lurah).await;

    assert_eq!(overdue["meta"]["total"], 2);
    assert!(
        overdue["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["nip"] == STAF_A && i["overdue"] == true)
    );
    assert_eq!(elsewhere["meta"]["total"], 0);
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn the_employee_attaches_a_certificate_whose_bytes_match_its_type() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let me = app.employee_token(STAF_A, &["employee"]).await;
    let plan = assert_json(
        app.post_json(
            &format!("/api/v1/employees/{STAF_A}/development-plans"),
            &lurah,
            &plan_body("2026-12-31"),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let item = plan["items"][0]["id"].as_str().expect("id");
    let url = app.url(&format!(
        "/api/v1/development-items/{item}/certificates?file_name=sertifikat.pdf"
    ));
    let upload = |token: &str, ct: &str, bytes: &'static [u8]| {
        app.client
            .post(url.clone())
            .bearer_auth(token.to_string())
            .header("Content-Type", ct.to_string())
            .body(bytes)
            .send()
    };

    let fake = upload(&me, "application/pdf", b"MZ not a pdf")
        .await
        .expect("request");
    let by_other = upload(&lurah, "application/pdf", b"%PDF-1.4 x")
        .await
        .expect("request");
    let ok = upload(&me, "application/pdf", b"%PDF-1.4 sertifikat")
        .await
        .expect("request");

    assert_error(
        fake,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_file_type",
    )
    .await;
    assert_error(by_other, StatusCode::FORBIDDEN, "forbidden").await;
    let cert = assert_json(ok, StatusCode::CREATED).await;
    assert_eq!(cert["file_name"], "sertifikat.pdf");
    let file = app
        .get(
            &format!(
                "/api/v1/development-items/{item}/certificates/{}",
                cert["id"].as_str().expect("id")
            ),
            &lurah,
        )
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(
        file.bytes().await.expect("bytes").as_ref(),
        b"%PDF-1.4 sertifikat"
    );
}

#[tokio::test]
async fn a_catalogue_import_with_a_bad_row_saves_nothing_and_reports_the_row() {
    let app = spawn_app().await;
    let hr = app.role_token("hr").await;
    let csv = "title,provider,value_code,competency,hours,mode\n\
               Pelayanan Prima,BPSDM NTB,berorientasi_pelayanan,,24,klasikal\n\
               Etika dan Integritas ASN,BPSDM NTB,akuntabel,,banyak,e-learning\n\
               Manajemen Kearsipan,ANRI,,Kearsipan,16,blended\n";

    let rejected = app.post_csv("/api/v1/trainings/import", &hr, csv).await;

    let body = assert_error(
        rejected,
        StatusCode::UNPROCESSABLE_ENTITY,
        "import_rejected",
    )
    .await;
    let rows = body["error"]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{body}");
    assert_eq!(rows[0]["row"], 2);
    assert_eq!(rows[0]["field"], "hours");
    let list = app.get_ok("/api/v1/trainings", &hr).await;
    assert_eq!(list["items"], json!([]));

    let fixed = csv.replace("banyak", "12");
    let report = assert_json(
        app.post_csv("/api/v1/trainings/import", &hr, &fixed).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(report["created"], 3);
    let list = app
        .get_ok("/api/v1/trainings?value_code=akuntabel", &hr)
        .await;
    assert_eq!(list["items"][0]["title"], "Etika dan Integritas ASN");
    assert_eq!(list["items"][0]["mode"], "e-learning");
    let employee = app.role_token("employee").await;
    let refused = app
        .post_csv("/api/v1/trainings/import", &employee, &fixed)
        .await;
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}
