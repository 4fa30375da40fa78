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
    // Closing also releases the 360 results once (ADR 0013).
    assert_eq!(
        log["meta"]["total"], 5,
        "create + three transitions + the 360 release: {log}"
    );
    assert!(log.to_string().contains("period.release_360"), "{log}");
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

#[tokio::test]
async fn a_period_carries_its_360_round_and_deadlines() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    let default = create_q2(&app, &token).await;
    assert_eq!(default["run_360"], true);
    assert!(default["deadline_360"].is_null());
    assert!(default["evaluation_deadline"].is_null());

    let resp = app
        .post_json(
            "/api/v1/periods",
            &token,
            &json!({
                "year": 2026, "kind": "quarterly", "starts_on": "2026-07-01", "ends_on": "2026-09-30",
                "run_360": false, "deadline_360": "2026-09-30", "evaluation_deadline": "2026-10-15"
            }),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let q3: Value = resp.json().await.expect("json");
    assert_eq!(q3["run_360"], false);
    assert_eq!(q3["deadline_360"], "2026-09-30");
    assert_eq!(q3["evaluation_deadline"], "2026-10-15");
    let read: Value = app
        .get(
            &format!("/api/v1/periods/{}", q3["id"].as_str().expect("id")),
            &token,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read["evaluation_deadline"], "2026-10-15");
}

#[tokio::test]
async fn deadlines_outside_the_period_or_long_after_it_are_422() {
    let app = spawn_app().await;
    let token = app.admin_token().await;

    for (field, date) in [
        ("deadline_360", "2026-03-31"),
        ("evaluation_deadline", "2026-08-30"),
        ("deadline_360", "2027-01-01"),
    ] {
        let mut body = json!({
            "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30"
        });
        body[field] = json!(date);
        let resp = app.post_json("/api/v1/periods", &token, &body).await;
        let err = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(err["error"]["fields"][field].is_array(), "{err}");
    }
    // 60 days after the end is still accepted.
    let mut body = json!({
        "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30"
    });
    body["evaluation_deadline"] = json!("2026-08-29");
    let resp = app.post_json("/api/v1/periods", &token, &body).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn hr_changes_the_360_round_and_deadlines_until_publication() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let id = create_q2(&app, &admin).await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let path = format!("/api/v1/periods/{id}");

    let changed: Value = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&hr)
        .json(&json!({ "run_360": false, "deadline_360": "2026-06-20", "evaluation_deadline": "2026-07-10" }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(changed["run_360"], false);
    assert_eq!(changed["deadline_360"], "2026-06-20");
    assert_eq!(changed["evaluation_deadline"], "2026-07-10");

    // Absent fields stay; null clears.
    let cleared: Value = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&hr)
        .json(&json!({ "deadline_360": null }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert!(cleared["deadline_360"].is_null());
    assert_eq!(cleared["evaluation_deadline"], "2026-07-10");
    assert_eq!(cleared["run_360"], false);

    let bad = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&hr)
        .json(&json!({ "evaluation_deadline": "2026-12-01" }))
        .send()
        .await
        .expect("request");
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let employee = app.employee_token(STAF_A, &["employee"]).await;
    let refused = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&employee)
        .json(&json!({ "run_360": true }))
        .send()
        .await
        .expect("request");
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;

    for action in ["open", "close"] {
        assert_eq!(
            act(&app, &admin, &id, action).await.status(),
            StatusCode::OK
        );
    }
    // Nobody is rated in this test: the seeded staff are exempted so it can be published.
    crate::evaluations::exempt_unrated(&app, &admin, &id).await;
    assert_eq!(
        act(&app, &admin, &id, "publish").await.status(),
        StatusCode::OK
    );
    let late = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&hr)
        .json(&json!({ "run_360": true }))
        .send()
        .await
        .expect("request");
    assert_error(late, StatusCode::CONFLICT, "period_published").await;
}
