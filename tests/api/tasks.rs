//! The task inbox (`GET /api/v1/me/tasks`): each role's duties appear while they are due
//! and disappear once done; links land where the action is taken; `allowed_actions` on an
//! appeal match what the server then accepts.

use crate::evaluations::{approve_skp, close_finalise_publish, open_q2, rate};
use crate::helpers::{LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, spawn_app};
use crate::skp::{act, people, plan, save};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn tasks(app: &TestApp, token: &str) -> Value {
    app.get_ok("/api/v1/me/tasks", token).await
}

/// The task of `kind`, if listed.
fn find<'a>(list: &'a Value, kind: &str) -> Option<&'a Value> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|t| t["kind"] == kind)
}

fn kinds(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn an_employee_is_asked_to_write_and_submit_the_skp_and_the_supervisor_to_approve_it() {
    let app = spawn_app().await;
    let who = people(&app).await;
    open_q2(&app, &who.admin).await;

    let mine = tasks(&app, &who.staf_a).await;
    let write = find(&mine, "skp_write").expect("skp_write");
    assert_eq!(write["year"], 2026);
    assert_eq!(write["link"], "/kinerja/skp");
    assert!(find(&tasks(&app, &who.lurah).await, "skp_approve").is_none());

    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    let mine = tasks(&app, &who.staf_a).await;
    assert!(find(&mine, "skp_write").is_none());
    assert!(find(&mine, "skp_submit").is_some());

    assert_eq!(
        act(&app, &who.staf_a, STAF_A, 2026, "submit")
            .await
            .status(),
        StatusCode::OK
    );
    let mine = tasks(&app, &who.staf_a).await;
    assert!(
        !kinds(&mine).iter().any(|k| k.starts_with("skp_")),
        "{mine}"
    );
    let lurah = tasks(&app, &who.lurah).await;
    let approve = find(&lurah, "skp_approve").expect("skp_approve");
    assert_eq!(approve["count"], 1);
    assert_eq!(approve["nips"], json!([STAF_A]));
    assert_eq!(approve["link"], format!("/tim/skp/{STAF_A}"));
    // The camat is not the direct supervisor: nothing to approve.
    assert!(find(&tasks(&app, &who.camat).await, "skp_approve").is_none());

    save(&app, &who.staf_b, STAF_B, 2026, &plan(None)).await;
    act(&app, &who.staf_b, STAF_B, 2026, "submit").await;
    let lurah = tasks(&app, &who.lurah).await;
    let approve = find(&lurah, "skp_approve").expect("skp_approve");
    assert_eq!(approve["count"], 2);
    assert_eq!(approve["link"], "/tim/skp");

    // Returned: the employee revises; approved: the duty is gone.
    let returned = app
        .post_json(
            &format!("/api/v1/employees/{STAF_B}/skp/2026/return"),
            &who.lurah,
            &json!({ "reason": "Target kuantitas belum terukur" }),
        )
        .await;
    assert_eq!(returned.status(), StatusCode::OK);
    assert!(find(&tasks(&app, &who.staf_b).await, "skp_revise").is_some());
    assert_json(
        act(&app, &who.lurah, STAF_A, 2026, "approve").await,
        StatusCode::OK,
    )
    .await;
    let lurah = tasks(&app, &who.lurah).await;
    assert!(find(&lurah, "skp_approve").is_none(), "{lurah}");
    let sum: i64 = lurah["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["count"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(lurah["total"], sum);
}

#[tokio::test]
async fn a_supervisor_is_asked_to_rate_then_to_finalise_each_member() {
    let app = spawn_app().await;
    let who = people(&app).await;
    approve_skp(&app, STAF_A).await;
    let period = open_q2(&app, &who.admin).await;

    let lurah = tasks(&app, &who.lurah).await;
    let to_rate = find(&lurah, "member_rate").expect("member_rate");
    assert_eq!(to_rate["count"], 2);
    assert_eq!(to_rate["period_id"], period);
    assert_eq!(to_rate["link"], "/tim");
    let camat = tasks(&app, &who.camat).await;
    let camat_rate = find(&camat, "member_rate").expect("camat rates the lurah");
    assert_eq!(camat_rate["nips"], json!([LURAH]));
    assert_eq!(camat_rate["link"], format!("/tim/pegawai/{LURAH}"));

    assert_json(
        rate(&app, &who.lurah, &period, STAF_A, "baik", false).await,
        StatusCode::OK,
    )
    .await;
    let lurah = tasks(&app, &who.lurah).await;
    assert_eq!(
        find(&lurah, "member_rate").expect("rate")["nips"],
        json!([STAF_B])
    );
    let fin = find(&lurah, "member_finalise").expect("finalise");
    assert_eq!(fin["nips"], json!([STAF_A]));
    assert_eq!(fin["link"], format!("/tim/pegawai/{STAF_A}"));

    assert_json(
        rate(&app, &who.lurah, &period, STAF_A, "baik", true).await,
        StatusCode::OK,
    )
    .await;
    let lurah = tasks(&app, &who.lurah).await;
    assert!(find(&lurah, "member_finalise").is_none(), "{lurah}");
    // Staff without direct reports have no rating duty.
    assert!(find(&tasks(&app, &who.staf_a).await, "member_rate").is_none());
}

#[tokio::test]
async fn hr_sees_the_units_that_block_publication_until_everyone_is_rated() {
    let app = spawn_app().await;
    let who = people(&app).await;
    approve_skp(&app, STAF_A).await;
    approve_skp(&app, STAF_B).await;
    approve_skp(&app, LURAH).await;
    let period = open_q2(&app, &who.admin).await;
    let hr = app.role_token("hr").await;

    let list = tasks(&app, &hr).await;
    let blocked = find(&list, "publication_blocked").expect("blocked");
    // The lurah and both staff are in one unit; the camat has no penilai.
    assert_eq!(blocked["count"], 1);
    assert_eq!(blocked["link"], format!("/hr/periods/{period}/progress"));
    assert!(find(&tasks(&app, &who.staf_a).await, "publication_blocked").is_none());

    for nip in [STAF_A, STAF_B] {
        assert_json(
            rate(&app, &who.lurah, &period, nip, "baik", true).await,
            StatusCode::OK,
        )
        .await;
    }
    assert_json(
        rate(&app, &who.camat, &period, LURAH, "baik", true).await,
        StatusCode::OK,
    )
    .await;
    let list = tasks(&app, &hr).await;
    assert!(find(&list, "publication_blocked").is_none(), "{list}");
}

#[tokio::test]
async fn the_penilai_is_asked_for_a_statement_and_then_the_atasan_to_decide() {
    let app = spawn_app().await;
    let who = people(&app).await;
    approve_skp(&app, STAF_A).await;
    let period = open_q2(&app, &who.admin).await;
    assert_json(
        rate(&app, &who.lurah, &period, STAF_A, "kurang", true).await,
        StatusCode::OK,
    )
    .await;
    close_finalise_publish(&app, &who.admin, &period, "CKN-KEL-CB").await;
    let filed = assert_json(
        app.post_json(
            &format!("/api/v1/periods/{period}/evaluations/{STAF_A}/appeal"),
            &who.staf_a,
            &json!({ "reasons": "Target layanan terpenuhi" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let id = filed["id"].as_str().expect("id").to_string();

    let lurah = tasks(&app, &who.lurah).await;
    let statement = find(&lurah, "appeal_statement").expect("statement");
    assert_eq!(statement["ids"], json!([id]));
    assert_eq!(statement["link"], format!("/tim/keberatan/{id}"));
    assert!(statement["deadline"].is_string());
    // Not yet the camat's to decide, and the server agrees.
    assert!(find(&tasks(&app, &who.camat).await, "appeal_decide").is_none());
    let decide = |token: String| {
        let app = &app;
        let id = id.clone();
        async move {
            app.post_json(
                &format!("/api/v1/appeals/{id}/decide"),
                &token,
                &json!({ "decision": "keep", "reason": "Sesuai bukti" }),
            )
            .await
        }
    };
    assert_error(
        decide(who.camat.clone()).await,
        StatusCode::CONFLICT,
        "appeal_statement_pending",
    )
    .await;
    // The employee's view offers a statement, never the decision, which is a 403.
    let staf_view = app
        .get_ok(&format!("/api/v1/appeals/{id}"), &who.staf_a)
        .await;
    assert_eq!(staf_view["allowed_actions"], json!(["write_statement"]));
    assert_error(
        decide(who.staf_a.clone()).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    assert_json(
        app.put_json(
            &format!("/api/v1/appeals/{id}/statements"),
            &who.lurah,
            &json!({ "penilai_statement": "Dua keluhan warga tercatat" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(find(&tasks(&app, &who.lurah).await, "appeal_statement").is_none());
    let camat = tasks(&app, &who.camat).await;
    let to_decide = find(&camat, "appeal_decide").expect("decide");
    assert_eq!(to_decide["link"], format!("/tim/keberatan/{id}"));
    let camat_view = app
        .get_ok(&format!("/api/v1/appeals/{id}"), &who.camat)
        .await;
    assert_eq!(camat_view["allowed_actions"], json!(["decide_appeal"]));

    assert_json(decide(who.camat.clone()).await, StatusCode::OK).await;
    assert!(find(&tasks(&app, &who.camat).await, "appeal_decide").is_none());
}
