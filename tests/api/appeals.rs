//! Appeals (keberatan): filing within the window (the last day included), by the evaluated
//! employee only, once; both sides' statements; the decision by the atasan pejabat
//! penilai only (HR when the penilai has no supervisor), once, with a changed predikat
//! taken from the matrix and visible in the results.

use crate::evaluations::{approve_skp, close_finalise_publish, open_q2, rate, set_published_at};
use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, penilai_answers_appeal,
    seed_hierarchy, spawn_app, spawn_app_with,
};
use chrono::{Duration, Utc};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

struct Published {
    period: String,
    admin: String,
    lurah: String,
    staf: String,
}

/// STAF_A rated Kurang (Sesuai × Di Bawah) by the lurah; the period published.
async fn published(app: &TestApp) -> Published {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    approve_skp(app, STAF_A).await;
    let period = open_q2(app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    assert_json(
        rate(app, &lurah, &period, STAF_A, "kurang", true).await,
        StatusCode::OK,
    )
    .await;
    close_finalise_publish(app, &admin, &period, "CKN-KEL-CB").await;
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    Published {
        period,
        admin,
        lurah,
        staf,
    }
}

async fn appeal(app: &TestApp, token: &str, period: &str, nip: &str) -> Response {
    app.post_json(
        &format!("/api/v1/periods/{period}/evaluations/{nip}/appeal"),
        token,
        &json!({ "reasons": "Target layanan terpenuhi, bukti sudah diunggah" }),
    )
    .await
}

async fn decide(app: &TestApp, token: &str, id: &str, body: &Value) -> Response {
    app.post_json(&format!("/api/v1/appeals/{id}/decide"), token, body)
        .await
}

/// Moves an appeal's filing back, as if `days` days had passed.
async fn file_days_ago(app: &TestApp, id: &str, days: i64) {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let uuid: uuid::Uuid = id.parse().expect("uuid");
    let m = entity::appeal::Entity::find_by_id(uuid)
        .one(&app.db.read)
        .await
        .expect("query")
        .expect("appeal");
    let mut am: entity::appeal::ActiveModel = m.into();
    am.filed_at = Set(Utc::now() - Duration::days(days));
    am.update(&app.db.write).await.expect("update appeal");
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn the_employee_appeals_within_the_window_and_results_show_under_appeal() {
    let app = spawn_app().await;
    let s = published(&app).await;

    let filed = assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;

    assert_eq!(filed["status"], "filed");
    assert_eq!(filed["employee"]["nip"], STAF_A);
    assert_eq!(filed["penilai"]["nip"], LURAH);
    assert_eq!(filed["decider"]["nip"], CAMAT);
    assert_eq!(filed["decided_by_hr"], false);
    assert_eq!(filed["old"]["predikat"]["label"], "Kurang");
    let results = app
        .get_ok(&format!("/api/v1/periods/{}/results", s.period), &s.admin)
        .await;
    assert_eq!(results["items"][0]["status"], "under_appeal");
    let mine = app.get_ok("/api/v1/me/results", &s.staf).await;
    assert_eq!(mine["items"][0]["status"], "under_appeal");
    assert_eq!(mine["items"][0]["appeal"]["status"], "filed");
    assert_eq!(mine["items"][0]["can_appeal"], false);
    // One appeal per evaluation.
    assert_error(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CONFLICT,
        "appeal_exists",
    )
    .await;
}

#[tokio::test]
async fn the_last_day_of_the_window_is_accepted_and_the_day_after_is_409() {
    let app = spawn_app().await;
    let s = published(&app).await;

    // Published 15 days ago: the window (14 days, to the end of that local day) is over.
    set_published_at(&app, &s.period, Utc::now() - Duration::days(15)).await;
    let late = appeal(&app, &s.staf, &s.period, STAF_A).await;
    assert_error(late, StatusCode::CONFLICT, "appeal_deadline_passed").await;
    let mine = app.get_ok("/api/v1/me/results", &s.staf).await;
    assert_eq!(mine["items"][0]["can_appeal"], false);

    // Published exactly 14 days ago: today is the last day.
    set_published_at(&app, &s.period, Utc::now() - Duration::days(14)).await;
    let mine = app.get_ok("/api/v1/me/results", &s.staf).await;
    assert_eq!(mine["items"][0]["can_appeal"], true);
    assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
}

#[tokio::test]
async fn the_window_follows_the_appeal_days_setting() {
    let app = spawn_app_with(|s| s.appeal_days = 3).await;
    let s = published(&app).await;

    set_published_at(&app, &s.period, Utc::now() - Duration::days(4)).await;
    assert_error(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CONFLICT,
        "appeal_deadline_passed",
    )
    .await;
    set_published_at(&app, &s.period, Utc::now() - Duration::days(3)).await;
    assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
}

#[tokio::test]
async fn only_the_evaluated_employee_appeals_and_only_after_publication() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, STAF_A).await;
    let period = open_q2(&app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    assert_json(
        rate(&app, &lurah, &period, STAF_A, "kurang", true).await,
        StatusCode::OK,
    )
    .await;

    let early = appeal(&app, &staf, &period, STAF_A).await;
    assert_error(early, StatusCode::CONFLICT, "period_not_published").await;

    close_finalise_publish(&app, &admin, &period, "CKN-KEL-CB").await;
    let peer = app.employee_token(STAF_B, &["employee"]).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    for token in [&peer, &lurah, &camat, &admin] {
        assert_error(
            appeal(&app, token, &period, STAF_A).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    // STAF_B has no evaluation to appeal against.
    assert_error(
        appeal(&app, &peer, &period, STAF_B).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let empty = app
        .post_json(
            &format!("/api/v1/periods/{period}/evaluations/{STAF_A}/appeal"),
            &staf,
            &json!({ "reasons": "   " }),
        )
        .await;
    let body = assert_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["reasons"].is_array());
}

#[tokio::test]
async fn only_the_atasan_pejabat_penilai_decides_and_a_change_takes_the_matrix_predikat() {
    let app = spawn_app().await;
    let s = published(&app).await;
    let filed = assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
    let id = id_of(&filed);
    penilai_answers_appeal(&app, &s.lurah, &id).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let hr = app.role_token("hr").await;
    let change = json!({
        "decision": "change", "rating_perilaku": "sesuai",
        "reason": "Bukti perilaku pelayanan baik dari dua survei"
    });

    // The penilai, the employee and HR may read but not decide.
    for token in [&s.lurah, &s.staf, &hr] {
        assert_error(
            decide(&app, token, &id, &change).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    // Someone unrelated does not even see it.
    let peer = app.employee_token(STAF_B, &["employee"]).await;
    assert_error(
        decide(&app, &peer, &id, &change).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let decided = assert_json(decide(&app, &camat, &id, &change).await, StatusCode::OK).await;

    assert_eq!(decided["status"], "decided");
    assert_eq!(decided["decision"], "change");
    assert_eq!(decided["new"]["rating_hasil_kerja"], "sesuai");
    assert_eq!(decided["new"]["rating_perilaku"], "sesuai");
    assert_eq!(decided["new"]["predikat"]["label"], "Baik");
    let results = app
        .get_ok(&format!("/api/v1/periods/{}/results", s.period), &s.admin)
        .await;
    let item = &results["items"][0];
    assert_eq!(item["predikat"]["label"], "Baik");
    assert_eq!(item["predikat"]["code"], 2);
    assert_eq!(item["rating_perilaku_kerja_code"], 2);
    assert_eq!(item["status"], "published");
    let mine = app.get_ok("/api/v1/me/results", &s.staf).await;
    assert_eq!(mine["items"][0]["predikat"]["label"], "Baik");
    assert_eq!(mine["items"][0]["appeal"]["decision"], "change");

    // The decision is final.
    let keep = json!({ "decision": "keep", "reason": "Tetap" });
    assert_error(
        decide(&app, &camat, &id, &keep).await,
        StatusCode::CONFLICT,
        "appeal_decided",
    )
    .await;
    let auditor = app.role_token("auditor").await;
    let log = app
        .get_ok(
            &format!("/api/v1/audit?object_type=appeal&object_id={id}"),
            &auditor,
        )
        .await;
    assert_eq!(
        log["meta"]["total"], 3,
        "filed, the penilai's statement and decided: {log}"
    );
}

#[tokio::test]
async fn keeping_the_ratings_changes_nothing_and_contradictions_are_422() {
    let app = spawn_app().await;
    let s = published(&app).await;
    let filed = assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
    let id = id_of(&filed);
    // No statement from the penilai, but its deadline has lapsed.
    file_days_ago(&app, &id, 9).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;

    for bad in [
        json!({ "decision": "keep", "rating_perilaku": "sesuai", "reason": "Tetap" }),
        json!({ "decision": "change", "reason": "Diubah" }),
        json!({ "decision": "change", "rating_hasil_kerja": "sesuai", "rating_perilaku": "di_bawah", "reason": "Sama" }),
        json!({ "decision": "keep", "reason": "  " }),
    ] {
        assert_error(
            decide(&app, &camat, &id, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
    }
    let kept = assert_json(
        decide(
            &app,
            &camat,
            &id,
            &json!({ "decision": "keep", "reason": "Bukti tidak menunjukkan perubahan" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(kept["decision"], "keep");
    assert!(kept["new"].is_null());
    let results = app
        .get_ok(&format!("/api/v1/periods/{}/results", s.period), &s.admin)
        .await;
    assert_eq!(results["items"][0]["predikat"]["label"], "Kurang");
    assert_eq!(results["items"][0]["status"], "published");
}

#[tokio::test]
async fn both_sides_write_their_own_statement_until_the_decision() {
    let app = spawn_app().await;
    let s = published(&app).await;
    let filed = assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
    let id = id_of(&filed);
    let path = format!("/api/v1/appeals/{id}/statements");
    assert_eq!(filed["can_write_statement"], "employee");

    let e = assert_json(
        app.put_json(
            &path,
            &s.staf,
            &json!({ "employee_statement": "Laporan Mei terlampir" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(e["employee_statement"], "Laporan Mei terlampir");
    let p = assert_json(
        app.put_json(
            &path,
            &s.lurah,
            &json!({ "penilai_statement": "Dua keluhan warga" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(p["penilai_statement"], "Dua keluhan warga");
    assert_eq!(p["employee_statement"], "Laporan Mei terlampir");
    // Nobody writes the other side's statement.
    assert_error(
        app.put_json(&path, &s.staf, &json!({ "penilai_statement": "x" }))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.put_json(&path, &s.lurah, &json!({ "employee_statement": "x" }))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let got = app.get_ok(&format!("/api/v1/appeals/{id}"), &camat).await;
    assert_eq!(got["can_decide"], true);
    assert_eq!(got["penilai_statement"], "Dua keluhan warga");
    assert_json(
        decide(
            &app,
            &camat,
            &id,
            &json!({ "decision": "keep", "reason": "Sesuai bukti" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_error(
        app.put_json(&path, &s.staf, &json!({ "employee_statement": "Tambahan" }))
            .await,
        StatusCode::CONFLICT,
        "appeal_decided",
    )
    .await;
}

#[tokio::test]
async fn hr_decides_when_the_penilai_has_no_supervisor() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    approve_skp(&app, LURAH).await;
    let period = open_q2(&app, &admin).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    assert_json(
        app.put_json(
            &format!("/api/v1/periods/{period}/evaluations/{LURAH}"),
            &camat,
            &json!({ "rating_hasil_kerja": "di_bawah", "rating_perilaku": "sesuai", "final": true }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    close_finalise_publish(&app, &admin, &period, "CKN-KEL-CB").await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    let filed = assert_json(
        appeal(&app, &lurah, &period, LURAH).await,
        StatusCode::CREATED,
    )
    .await;
    let id = id_of(&filed);
    assert_eq!(filed["decided_by_hr"], true);
    assert!(filed["decider"].is_null());
    penilai_answers_appeal(&app, &camat, &id).await;

    let change = json!({ "decision": "change", "rating_hasil_kerja": "sesuai", "reason": "Target tercapai" });
    // The camat is the penilai here: never the decider of his own rating.
    assert_error(
        decide(&app, &camat, &id, &change).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let hr = app.role_token("hr").await;
    let to_decide = app.get_ok("/api/v1/appeals?role=to_decide", &hr).await;
    assert_eq!(to_decide["meta"]["total"], 1);
    let camat_list = app.get_ok("/api/v1/appeals?role=to_decide", &camat).await;
    assert_eq!(camat_list["meta"]["total"], 0, "{camat_list}");
    let decided = assert_json(decide(&app, &hr, &id, &change).await, StatusCode::OK).await;
    assert_eq!(decided["new"]["predikat"]["label"], "Baik");
}

#[tokio::test]
async fn appeal_lists_show_each_party_their_own() {
    let app = spawn_app().await;
    let s = published(&app).await;
    let filed = assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let peer = app.employee_token(STAF_B, &["employee"]).await;
    let auditor = app.role_token("auditor").await;

    let total = |v: Value| v["meta"]["total"].as_u64().expect("total");
    assert_eq!(total(app.get_ok("/api/v1/appeals", &s.staf).await), 1);
    assert_eq!(
        total(app.get_ok("/api/v1/appeals?role=penilai", &s.lurah).await),
        1
    );
    assert_eq!(
        total(app.get_ok("/api/v1/appeals?role=to_decide", &camat).await),
        1
    );
    assert_eq!(
        total(
            app.get_ok("/api/v1/appeals?role=to_decide&status=decided", &camat)
                .await
        ),
        0
    );
    assert_eq!(
        total(app.get_ok("/api/v1/appeals?role=all", &auditor).await),
        1
    );
    assert_eq!(total(app.get_ok("/api/v1/appeals", &peer).await), 0);
    assert_error(
        app.get("/api/v1/appeals?role=all", &peer).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/api/v1/appeals?role=boss", &peer).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let id = id_of(&filed);
    assert_error(
        app.get(&format!("/api/v1/appeals/{id}"), &peer).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let read = app.get_ok(&format!("/api/v1/appeals/{id}"), &auditor).await;
    assert_eq!(
        read["reasons"],
        "Target layanan terpenuhi, bukti sudah diunggah"
    );
}

#[tokio::test]
async fn an_appeal_is_decided_only_after_the_penilai_statement_or_its_recorded_lapse() {
    let app = spawn_app().await;
    let s = published(&app).await;
    let filed = assert_json(
        appeal(&app, &s.staf, &s.period, STAF_A).await,
        StatusCode::CREATED,
    )
    .await;
    let id = id_of(&filed);
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let keep = json!({ "decision": "keep", "reason": "Sesuai bukti" });

    // Before the penilai speaks, the decider sees no decide action and is refused.
    let got = app.get_ok(&format!("/api/v1/appeals/{id}"), &camat).await;
    assert_eq!(got["can_decide"], false);
    assert_eq!(got["allowed_actions"], json!([]));
    let lurah_view = app.get_ok(&format!("/api/v1/appeals/{id}"), &s.lurah).await;
    assert_eq!(lurah_view["allowed_actions"], json!(["write_statement"]));
    assert_error(
        decide(&app, &camat, &id, &keep).await,
        StatusCode::CONFLICT,
        "appeal_statement_pending",
    )
    .await;

    // A day short of the deadline, still refused; once it lapses, the decision goes
    // through and the lapse is in the audit log before it.
    file_days_ago(&app, &id, 6).await;
    assert_error(
        decide(&app, &camat, &id, &keep).await,
        StatusCode::CONFLICT,
        "appeal_statement_pending",
    )
    .await;
    file_days_ago(&app, &id, 9).await;
    let got = app.get_ok(&format!("/api/v1/appeals/{id}"), &camat).await;
    assert_eq!(got["allowed_actions"], json!(["decide_appeal"]));
    assert_json(decide(&app, &camat, &id, &keep).await, StatusCode::OK).await;
    let auditor = app.role_token("auditor").await;
    let log = app
        .get_ok(
            &format!("/api/v1/audit?object_type=appeal&object_id={id}"),
            &auditor,
        )
        .await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or(""))
        .collect();
    assert!(
        actions.contains(&"appeal.statement_lapsed") && actions.contains(&"appeal.decide"),
        "{actions:?}"
    );
}
