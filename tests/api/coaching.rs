//! Continuous feedback notes and coaching: written only by the supervisor chain, read by the
//! employee, the chain and staff; the coaching rating (B.1.8) only by the coached employee
//! with exactly nine answers from 1 to 5.

use crate::helpers::{LURAH, STAF_A, STAF_B, assert_error, assert_json, spawn_app};
use crate::skp::{people, plan, save};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn notes_path(nip: &str) -> String {
    format!("/api/v1/employees/{nip}/feedback-notes")
}

fn coaching_path(nip: &str) -> String {
    format!("/api/v1/employees/{nip}/coaching")
}

#[tokio::test]
async fn feedback_notes_come_only_from_the_supervisor_chain_and_name_their_author() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let skp = save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    let rhk_id = skp["rhk"][0]["id"].as_str().expect("rhk").to_string();
    let hr = app.role_token("hr").await;

    for token in [&who.staf_b, &who.staf_a, &hr, &who.admin] {
        let resp = app
            .post_json(&notes_path(STAF_A), token, &json!({ "body": "Bagus" }))
            .await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let first = assert_json(
        app.post_json(
            &notes_path(STAF_A),
            &who.lurah,
            &json!({ "rhk_id": rhk_id, "body": " Laporan bulan ini rapi " }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(first["body"], "Laporan bulan ini rapi");
    assert_eq!(first["rhk"]["id"], rhk_id.as_str());
    assert_eq!(first["author"]["nip"], LURAH);
    let second = assert_json(
        app.post_json(
            &notes_path(STAF_A),
            &who.camat,
            &json!({ "value_code": "berorientasi_pelayanan", "body": "Pelayanan kepada warga ramah" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(second["value"]["code"], "berorientasi_pelayanan");
    assert_eq!(second["value"]["name"], "Berorientasi Pelayanan");

    for token in [&who.staf_a, &who.lurah, &who.camat, &hr] {
        let list = app.get_ok(&notes_path(STAF_A), token).await;
        assert_eq!(list["meta"]["total"], 2);
        // Newest first, with the author's name.
        assert_eq!(list["items"][0]["id"], second["id"]);
        assert_eq!(list["items"][1]["author"]["name"], "Baiq Lurah, S.Sos.");
    }
    let resp = app.get(&notes_path(STAF_A), &who.staf_b).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_feedback_note_names_only_the_employees_rhk_and_real_values() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let peer_plan = save(&app, &who.staf_b, STAF_B, 2026, &plan(None)).await;
    let peer_rhk = peer_plan["rhk"][0]["id"].clone();

    let cases = [
        (json!({ "rhk_id": peer_rhk, "body": "x" }), "rhk_id"),
        (json!({ "value_code": "jujur", "body": "x" }), "value_code"),
        (json!({ "body": "   " }), "body"),
        (json!({ "body": "x".repeat(2001) }), "body"),
        (
            json!({ "period_id": uuid::Uuid::new_v4(), "body": "x" }),
            "period_id",
        ),
    ];
    for (body, field) in cases {
        let resp = app.post_json(&notes_path(STAF_A), &who.lurah, &body).await;
        let err = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(err["error"]["fields"][field].is_array(), "{field}: {err}");
    }
    let list = app.get_ok(&notes_path(STAF_A), &who.staf_a).await;
    assert_eq!(list["meta"]["total"], 0);
}

#[tokio::test]
async fn the_nine_coaching_statements_are_published() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let list = app
        .get_ok("/api/v1/reference/coaching-statements", &who.staf_a)
        .await;
    let items = list.as_array().expect("list");
    assert_eq!(items.len(), 9);
    assert_eq!(items[0]["number"], 1);
    assert_eq!(items[8]["number"], 9);
    assert!(
        items
            .iter()
            .all(|s| s["text"].as_str().is_some_and(|t| t.len() > 10))
    );
}

#[tokio::test]
async fn a_supervisor_records_coaching_with_competency_scores() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let body = json!({
        "held_on": "2026-01-15",
        "topic": "Penyusunan laporan",
        "notes": "Fokus pada ketepatan waktu",
        "competency_scores": { "Komunikasi": 4, "Ketelitian": 3.0 }
    });

    for token in [&who.staf_b, &who.staf_a] {
        let resp = app.post_json(&coaching_path(STAF_A), token, &body).await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let made = assert_json(
        app.post_json(&coaching_path(STAF_A), &who.lurah, &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(made["coach"]["nip"], LURAH);
    assert_eq!(made["employee"]["nip"], STAF_A);
    assert_eq!(made["rating"], Value::Null);
    let scores = made["competency_scores"].as_array().expect("scores");
    assert_eq!(scores.len(), 2);
    let score_of = |name: &str| {
        scores
            .iter()
            .find(|s| s["competency"] == name)
            .map(|s| s["score"].clone())
    };
    assert_eq!(score_of("Komunikasi"), Some(json!(4)));
    assert_eq!(score_of("Ketelitian"), Some(json!(3)));

    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).date_naive();
    let too_many: serde_json::Map<String, Value> =
        (0..11).map(|i| (format!("K{i}"), json!(3))).collect();
    let bad = [
        json!({ "held_on": tomorrow, "topic": "x" }),
        json!({ "held_on": "2026-01-15", "topic": "  " }),
        json!({ "held_on": "2026-01-15", "topic": "x", "competency_scores": { "Komunikasi": 6 } }),
        json!({ "held_on": "2026-01-15", "topic": "x", "competency_scores": { "Komunikasi": 2.5 } }),
        json!({ "held_on": "2026-01-15", "topic": "x", "competency_scores": too_many }),
    ];
    for body in bad {
        let resp = app
            .post_json(&coaching_path(STAF_A), &who.lurah, &body)
            .await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    for token in [&who.staf_a, &who.lurah, &who.camat] {
        let list = app.get_ok(&coaching_path(STAF_A), token).await;
        assert_eq!(list["meta"]["total"], 1);
    }
    let resp = app.get(&coaching_path(STAF_A), &who.staf_b).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn only_the_coached_employee_rates_with_exactly_nine_answers_from_one_to_five() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let made = assert_json(
        app.post_json(
            &coaching_path(STAF_A),
            &who.lurah,
            &json!({ "held_on": "2026-02-01", "topic": "Target triwulan" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let path = format!(
        "/api/v1/coaching/{}/rating",
        made["id"].as_str().expect("id")
    );
    let nine = json!({ "answers": [5, 4, 4, 5, 3, 4, 5, 4, 5.0], "comment": "Sangat membantu" });

    for token in [&who.lurah, &who.staf_b, &who.camat, &who.admin] {
        let resp = app.put_json(&path, token, &nine).await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    for answers in [
        json!([5, 4, 4, 5, 3, 4, 5, 4]),
        json!([5, 4, 4, 5, 3, 4, 5, 4, 5, 5]),
        json!([5, 4, 4, 5, 3, 4, 5, 4, 6]),
        json!([0, 4, 4, 5, 3, 4, 5, 4, 5]),
        json!([4.5, 4, 4, 5, 3, 4, 5, 4, 5]),
        json!([]),
    ] {
        let resp = app
            .put_json(&path, &who.staf_a, &json!({ "answers": answers }))
            .await;
        let err = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(err["error"]["fields"]["answers"].is_array());
    }
    let rated = assert_json(
        app.put_json(&path, &who.staf_a, &nine).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        rated["rating"]["answers"],
        json!([5, 4, 4, 5, 3, 4, 5, 4, 5])
    );
    assert_eq!(rated["rating"]["comment"], "Sangat membantu");

    let seen_by_coach = app.get_ok(&coaching_path(STAF_A), &who.lurah).await;
    assert_eq!(seen_by_coach["items"][0]["rating"]["answers"][0], 5);
    let resp = app
        .put_json(
            &format!("/api/v1/coaching/{}/rating", uuid::Uuid::new_v4()),
            &who.staf_a,
            &nine,
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}
