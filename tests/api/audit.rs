//! The audit log: changes to citizen feedback leave hash-chained entries the auditor can
//! read and verify, and editing a stored entry is detected. Tampering with the anchored
//! log and the coverage of master data and accounts are in `audit_anchor.rs`.

use crate::helpers::{
    AUDIT_KEY, STAF_A, TestApp, answers, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

fn s(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("string expected, got {v}"))
}

/// A target created by the admin and a comment hidden by HR. Returns the app, the target
/// and the id of the submission whose comment was hidden.
async fn audited_changes() -> (TestApp, Value, String) {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let hr = app.role_token("hr").await;
    seed_hierarchy(&app, &admin).await;
    let target = app
        .employee_feedback_target(&admin, "CKN-KEL-CB", STAF_A)
        .await;
    let resp = app
        .submit_feedback(
            s(&target["token"]),
            &json!({ "answers": answers([2; 9]), "comment": "Tidak sopan" }),
        )
        .await;
    assert_json(resp, StatusCode::CREATED).await;
    let counted = app.moderation(&hr, "counted").await;
    let id = s(&counted["items"][0]["id"]).to_string();
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{id}/hide-comment"),
            &hr,
            &json!({ "reason": "Bahasa kasar" }),
        )
        .await;
    assert_json(resp, StatusCode::OK).await;
    (app, target, id)
}

#[tokio::test]
async fn creating_a_target_and_hiding_a_comment_are_audited_for_the_auditor() {
    // Arrange
    let (app, target, submission) = audited_changes().await;
    let auditor = app.role_token("auditor").await;

    // Act
    let resp = app.get("/api/v1/audit?per_page=100", &auditor).await;

    // Assert
    let log = assert_json(resp, StatusCode::OK).await;
    let items = log["items"].as_array().expect("items");
    assert_eq!(log["meta"]["total"], items.len() as u64);
    let seqs: Vec<i64> = items
        .iter()
        .map(|e| e["seq"].as_i64().expect("seq"))
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[0] > w[1]),
        "newest first: {seqs:?}"
    );
    let create = items
        .iter()
        .find(|e| e["action"] == "feedback_target.create")
        .expect("target creation audited");
    assert_eq!(create["object_type"], "feedback_target");
    assert_eq!(create["object_id"], target["id"]);
    assert!(s(&create["actor"]).starts_with("user:"));
    let detail: Value = serde_json::from_str(s(&create["detail"])).expect("detail is JSON");
    assert_eq!(detail["kind"], "employee");
    assert_eq!(detail["unit"], "CKN-KEL-CB");
    let hide = items
        .iter()
        .find(|e| e["action"] == "feedback.hide_comment")
        .expect("hiding audited");
    assert_eq!(hide["object_type"], "feedback_submission");
    assert_eq!(hide["object_id"], submission.as_str());
    let detail: Value = serde_json::from_str(s(&hide["detail"])).expect("detail is JSON");
    assert_eq!(detail["reason"], "Bahasa kasar");
    assert_ne!(
        hide["actor"], create["actor"],
        "HR hid it, the admin created"
    );
    assert_eq!(s(&hide["hash"]).len(), 64);
}

#[tokio::test]
async fn the_audit_log_can_be_filtered_by_object() {
    // Arrange
    let (app, _, submission) = audited_changes().await;
    let auditor = app.role_token("auditor").await;

    // Act
    let log = app
        .get_ok(
            &format!("/api/v1/audit?object_type=feedback_submission&object_id={submission}"),
            &auditor,
        )
        .await;

    // Assert
    assert_eq!(log["meta"]["total"], 1, "{log}");
    assert_eq!(log["items"][0]["action"], "feedback.hide_comment");
}

#[tokio::test]
async fn an_employee_cannot_read_the_audit_log() {
    // Arrange
    let (app, _, _) = audited_changes().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let list = app.get("/api/v1/audit", &staff).await;
    let verify = app.get("/api/v1/audit/verify", &staff).await;

    // Assert
    assert_error(list, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(verify, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_untouched_audit_log_verifies_with_its_entry_count() {
    // Arrange
    let (app, _, _) = audited_changes().await;
    let auditor = app.role_token("auditor").await;
    let total = app.get_ok("/api/v1/audit", &auditor).await["meta"]["total"]
        .as_u64()
        .expect("total");
    assert!(total >= 2, "at least the creation and the hiding");

    // Act
    let verified = app.get_ok("/api/v1/audit/verify", &auditor).await;

    // Assert
    assert_eq!(verified["intact"], true, "{verified}");
    assert_eq!(verified["entries"], total);
    assert!(verified["broken_at"].is_null());
    assert!(verified["reason"].is_null());
}

#[tokio::test]
async fn an_edited_audit_entry_is_detected() {
    // Arrange
    let (app, _, _) = audited_changes().await;
    let auditor = app.role_token("auditor").await;
    app.db
        .write
        .execute_unprepared(r#"UPDATE audit_log SET detail = '{"x":1}' WHERE seq = 1"#)
        .await
        .expect("tamper with the first entry");

    // Act
    let verified = app.get_ok("/api/v1/audit/verify", &auditor).await;

    // Assert
    assert_eq!(verified["intact"], false, "{verified}");
    assert_eq!(verified["broken_at"], 1);
    assert!(s(&verified["reason"]).contains("edited"), "{verified}");
    // `kinerja audit verify` runs the same check and reports the same entry.
    let cli = kinerja::store::audit::verify(&app.db.read, AUDIT_KEY.as_bytes(), None)
        .await
        .expect("query")
        .expect_err("tampering detected");
    assert_eq!(cli.seq, 1);
}

#[tokio::test]
async fn a_deleted_audit_entry_breaks_the_chain() {
    // Arrange
    let (app, _, _) = audited_changes().await;
    let auditor = app.role_token("auditor").await;
    app.db
        .write
        .execute_unprepared("DELETE FROM audit_log WHERE seq = 1")
        .await
        .expect("delete the first entry");

    // Act
    let verified = app.get_ok("/api/v1/audit/verify", &auditor).await;

    // Assert
    assert_eq!(verified["intact"], false, "{verified}");
    assert_eq!(verified["broken_at"], 2);
}
