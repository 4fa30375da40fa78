//! The committed `openapi/openapi.json` must be exactly what the code serves.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_committed_openapi_file_matches_the_served_spec() {
    let app = spawn_app().await;
    let served: serde_json::Value = app
        .client
        .get(app.url("/api-docs/openapi.json"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("openapi/openapi.json exists"))
            .expect("valid JSON");
    assert!(
        served == committed,
        "openapi/openapi.json is out of date: run `make openapi` and commit the result"
    );
}

#[tokio::test]
async fn every_operation_documents_its_error_envelope() {
    let spec = kinerja::api::spec();
    let json = serde_json::to_value(&spec).expect("serialise");
    for (path, item) in json["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let responses = op["responses"].as_object().expect("responses");
            let has_error = responses
                .keys()
                .any(|k| k.starts_with('4') || k.starts_with('5'));
            assert!(has_error, "{method} {path} documents no error response");
        }
    }
}
