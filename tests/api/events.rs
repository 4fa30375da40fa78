//! Server-Sent Events: the signed-in employee is told when their record changes, and
//! nobody else's stream carries it.

use crate::helpers::{LURAH, STAF_A, STAF_B, employee_body, seed_hierarchy, spawn_app};
use futures_util::StreamExt;
use std::time::Duration;

/// Reads the stream until `needle` appears or the time runs out; returns what was read.
async fn read_until(resp: reqwest::Response, needle: &str, wait: Duration) -> String {
    let mut stream = resp.bytes_stream();
    let mut seen = String::new();
    let _ = tokio::time::timeout(wait, async {
        while let Some(Ok(chunk)) = stream.next().await {
            seen.push_str(&String::from_utf8_lossy(&chunk));
            if seen.contains(needle) {
                break;
            }
        }
    })
    .await;
    seen
}

#[tokio::test]
async fn an_employee_receives_an_event_when_their_record_changes() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let staf_token = app.employee_token(STAF_A, &["employee"]).await;
    let stream = app.open_events(&staf_token).await;
    assert_eq!(stream.status(), 200);
    assert!(
        stream
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"))
    );

    let mut body = employee_body("I Made Staf Baru", "CKN-KEL-CB", Some(LURAH));
    body["jabatan"] = "Pengolah Data".into();
    let changer = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let resp = app
            .put_json(&format!("/api/v1/employees/{STAF_A}"), &admin, &body)
            .await;
        assert_eq!(resp.status(), 200);
    };
    let (seen, ()) = tokio::join!(
        read_until(stream, "event: employee_updated", Duration::from_secs(5)),
        changer
    );

    assert!(seen.contains("event: ready"), "{seen}");
    assert!(seen.contains("event: employee_updated"), "{seen}");
    assert!(
        seen.contains(STAF_A),
        "the event names what to refetch: {seen}"
    );
}

#[tokio::test]
async fn another_employee_does_not_receive_someone_elses_event() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let other = app.employee_token(STAF_B, &["employee"]).await;
    let stream = app
        .client
        .get(app.url("/api/v1/events"))
        .bearer_auth(&other)
        .send()
        .await
        .expect("connect");

    let body = employee_body("I Made Staf Lain", "CKN-KEL-CB", Some(LURAH));
    let changer = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.put_json(&format!("/api/v1/employees/{STAF_A}"), &admin, &body)
            .await;
    };
    let (seen, ()) = tokio::join!(
        read_until(stream, "event: employee_updated", Duration::from_secs(2)),
        changer
    );

    assert!(seen.contains("event: ready"), "{seen}");
    assert!(!seen.contains("employee_updated"), "{seen}");
}

#[tokio::test]
async fn the_event_stream_refuses_a_missing_or_bad_token() {
    let app = spawn_app().await;

    let none = app
        .client
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .expect("request");
    let bad = app
        .client
        .get(app.url("/api/v1/events?ticket=not-a-ticket"))
        .send()
        .await
        .expect("request");

    assert_eq!(none.status(), 401);
    assert_eq!(bad.status(), 401);
}
