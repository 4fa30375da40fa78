//! Concurrent writes: SQLite queues them on its single writer connection instead of failing
//! with "database is locked"; PostgreSQL runs them in parallel. Both must accept them all.

use crate::helpers::{assert_json, employee_body, spawn_app};
use futures_util::future::join_all;
use reqwest::StatusCode;

/// A valid PNS NIP: born 1990-01-01, TMT 2015-01, male, sequence `seq` (1..=999).
fn nip(seq: usize) -> String {
    // 19900101 birth date, 201501 TMT, 1 gender, then the sequence.
    format!("199001012015011{seq:03}")
}

#[tokio::test]
async fn fifty_concurrent_writers_all_succeed() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;
    let nips: Vec<String> = (1..=50).map(nip).collect();

    // Act: 50 PUTs in flight at once.
    let (app_ref, token_ref) = (&app, &token);
    let responses = join_all(nips.iter().map(|n| async move {
        let body = employee_body(&format!("Pegawai {n}"), "CKN-SEK", None);
        app_ref
            .put_json(&format!("/api/v1/employees/{n}"), token_ref, &body)
            .await
    }))
    .await;

    // Assert
    for (n, resp) in nips.iter().zip(responses) {
        let body = assert_json(resp, StatusCode::CREATED).await;
        assert_eq!(body["nip"], n.as_str());
    }
    let list = app
        .get_ok("/api/v1/employees?unit_code=CKN-SEK&per_page=100", &token)
        .await;
    assert_eq!(list["meta"]["total"], 50);
    assert_eq!(list["items"].as_array().expect("items").len(), 50);
    let unit = app.get_ok("/api/v1/units/CKN-SEK", &token).await;
    assert_eq!(unit["employee_count"], 50);
}

#[tokio::test]
async fn concurrent_identical_puts_create_one_employee() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    app.seed_units(&token).await;
    let n = nip(7);
    let body = employee_body("Pegawai Sama", "CKN", None);

    // Act: the same upsert ten times at once.
    let path = format!("/api/v1/employees/{n}");
    let responses = join_all((0..10).map(|_| app.put_json(&path, &token, &body))).await;

    // Assert: one creates, the others find it and answer 200; exactly one record.
    let mut statuses = Vec::new();
    for resp in responses {
        let status = resp.status();
        let text = resp.text().await.expect("body");
        assert!(status.is_success(), "{status}: {text}");
        statuses.push(status);
    }
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{statuses:?}");
    let list = app.get_ok("/api/v1/employees", &token).await;
    assert_eq!(list["meta"]["total"], 1);
}

#[tokio::test]
async fn concurrent_identical_unit_puts_create_one_unit() {
    // Arrange
    let app = spawn_app().await;
    let token = app.admin_token().await;
    let body = serde_json::json!({ "name": "Kecamatan Cakranegara", "kind": "kecamatan" });

    // Act
    let responses =
        join_all((0..10).map(|_| app.put_json("/api/v1/units/CKN", &token, &body))).await;

    // Assert
    let mut statuses = Vec::new();
    for resp in responses {
        let status = resp.status();
        let text = resp.text().await.expect("body");
        assert!(status.is_success(), "{status}: {text}");
        statuses.push(status);
    }
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{statuses:?}");
    let list = app.get_ok("/api/v1/units", &token).await;
    assert_eq!(list["meta"]["total"], 1);
}
