//! Evaluation periods: creation rules and every state transition, allowed and refused.

use crate::helpers::{STAF_A, TestApp, assert_error, seed_hierarchy, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn create_q2(app: &TestApp, token: &str) -> Value {
    let resp = app
        .post_json(
            "/api/v1/periods",
            token,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30" }),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json().await.expect("json")
}

async fn act(app: &TestApp, token: &str, id: &str, action: &str) -> reqwest::Response {
    app.post_json(&format!("/api/v1/periods/{id}/{action}"), token, &json!({}))
        .await
}

#[tokio::test]
async fn a_quarter_is_created_in_draft_with_its_name() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let p = create_q2(&app, &token).await;

    assert_eq!(p["name"], "Triwulan II 2026");
    assert_eq!(p["number"], 2);
    assert_eq!(p["state"], "draft");
}

#[tokio::test]
async fn the_same_quarter_twice_is_409() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    create_q2(&app, &token).await;

    let again = app
        .post_json(
            "/api/v1/periods",
            &token,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30" }),
        )
        .await;

    assert_error(again, StatusCode::CONFLICT, "period_exists").await;
}

#[tokio::test]
async fn a_span_that_is_not_a_quarter_is_422_naming_the_field() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let resp = app
        .post_json(
            "/api/v1/periods",
            &token,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-05-31" }),
        )
        .await;

    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["ends_on"].is_array(), "{body}");
}

#[tokio::test]
async fn the_whole_forward_path_is_allowed_and_recorded() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let id = create_q2(&app, &token).await["id"]
        .as_str()
        .expect("id")
        .to_string();

    for (action, state) in [
        ("open", "open"),
        ("close", "closed"),
        ("publish", "published"),
    ] {
        let resp = act(&app, &token, &id, action).await;
        assert_eq!(resp.status(), StatusCode::OK, "{action}");
        let body: Value = resp.json().await.expect("json");
        assert_eq!(body["state"], state);
    }
    let auditor = app.role_token("auditor").await;
    let log: Value = app
        .get(
            &format!("/api/v1/audit?object_type=period&object_id={id}"),
            &auditor,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(log["meta"]["total"], 4, "create + three transitions: {log}");
}

#[tokio::test]
async fn refused_transitions_are_409_invalid_transition() {
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let id = create_q2(&app, &token).await["id"]
        .as_str()
        .expect("id")
        .to_string();

    // draft → closed, draft → published
    for action in ["close", "publish"] {
        assert_error(
            act(&app, &token, &id, action).await,
            StatusCode::CONFLICT,
            "invalid_transition",
        )
        .await;
    }
    assert_eq!(
        act(&app, &token, &id, "open").await.status(),
        StatusCode::OK
    );
    // open → open, open → published
    for action in ["open", "publish"] {
        assert_error(
            act(&app, &token, &id, action).await,
            StatusCode::CONFLICT,
            "invalid_transition",
        )
        .await;
    }
    assert_eq!(
        act(&app, &token, &id, "close").await.status(),
        StatusCode::OK
    );
    // closed → open is a reopening, allowed until publication
    assert_eq!(
        act(&app, &token, &id, "open").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        act(&app, &token, &id, "close").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        act(&app, &token, &id, "publish").await.status(),
        StatusCode::OK
    );
    // published is final
    for action in ["open", "close", "publish"] {
        assert_error(
            act(&app, &token, &id, action).await,
            StatusCode::CONFLICT,
            "invalid_transition",
        )
        .await;
    }
}

#[tokio::test]
async fn only_admin_and_hr_create_or_move_periods() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let id = create_q2(&app, &admin).await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let employee = app.employee_token(STAF_A, &["employee"]).await;

    let create = app
        .post_json(
            "/api/v1/periods",
            &employee,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-07-01", "ends_on": "2026-09-30" }),
        )
        .await;
    assert_error(create, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(
        act(&app, &employee, &id, "open").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // …but everyone may read them.
    let list = app.get("/api/v1/periods?year=2026", &employee).await;
    assert_eq!(list.status(), StatusCode::OK);
}
