use crate::helpers::spawn_app;
use serde_json::Value;

#[tokio::test]
async fn health_reports_ok_for_service_and_database() {
    let app = spawn_app().await;
    let resp = app
        .client
        .get(app.url("/api/health"))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(
        body,
        serde_json::json!({ "status": "ok", "database": "ok" })
    );
}

#[tokio::test]
async fn swagger_ui_and_the_spec_are_served() {
    let app = spawn_app().await;
    let spec = app
        .client
        .get(app.url("/api-docs/openapi.json"))
        .send()
        .await
        .expect("request");
    assert_eq!(spec.status(), 200);
    let spec: Value = spec.json().await.expect("json");
    assert!(
        spec["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    let ui = app
        .client
        .get(app.url("/swagger-ui/"))
        .send()
        .await
        .expect("request");
    assert_eq!(ui.status(), 200);
    assert!(ui.text().await.expect("text").contains("swagger"));
    let redirect = app
        .client
        .get(app.url("/swagger-ui"))
        .send()
        .await
        .expect("request");
    assert!(redirect.status().is_redirection());
}
