//! Citizen desks: HR accepts held submissions in bulk.

use crate::helpers::{answers, assert_error, assert_json, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn ids_of(list: &Value) -> Vec<Value> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|s| s["id"].clone())
        .collect()
}

#[tokio::test]
async fn hr_accepts_held_submissions_in_bulk_and_they_count() {
    // Arrange: from one phone, everything after the first is held.
    let app = spawn_app_with(|s| {
        s.feedback_client_limit_per_hour = 1000;
        s.feedback_client_burst = 1;
    })
    .await;
    let admin = app.admin_token().await;
    app.seed_units(&admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let public = target["token"].as_str().expect("token").to_string();
    for score in [4, 3, 2] {
        let resp = app
            .submit_feedback(&public, &json!({ "answers": answers([score; 9]) }))
            .await;
        assert_json(resp, StatusCode::CREATED).await;
    }
    let held = ids_of(&app.moderation(&admin, "held").await);
    assert_eq!(held.len(), 2);

    // Act
    let resp = app
        .post_json("/api/v1/feedback/accept", &admin, &json!({ "ids": held }))
        .await;

    // Assert
    let body = assert_json(resp, StatusCode::OK).await;
    assert_eq!(body["items"].as_array().expect("items").len(), 2);
    assert_eq!(app.moderation(&admin, "held").await["meta"]["total"], 0);
    assert_eq!(app.moderation(&admin, "counted").await["meta"]["total"], 3);
    let again = app
        .post_json("/api/v1/feedback/accept", &admin, &json!({ "ids": held }))
        .await;
    assert_error(again, StatusCode::CONFLICT, "not_held").await;
}

#[tokio::test]
async fn bulk_accept_is_for_staff_and_needs_ids() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.admin_token().await;
    let auditor = app.role_token("auditor").await;

    let empty = app
        .post_json("/api/v1/feedback/accept", &admin, &json!({ "ids": [] }))
        .await;
    let forbidden = app
        .post_json(
            "/api/v1/feedback/accept",
            &auditor,
            &json!({ "ids": ["6ba535d8-be9c-319b-a88a-93c24a6ac3b3"] }),
        )
        .await;

    assert_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}
