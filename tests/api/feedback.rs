//! Citizen feedback: tickets, rate limits, answer validation, the moderation queue and its
//! effect on the index, hidden comments and replies, what public responses never contain,
//! the HTML form, concurrency, and who may do what.

use crate::helpers::{
    LURAH, STAF_A, STAF_B, TestApp, answers, assert_error, assert_json, form_answers,
    generous_feedback_limits, seed_hierarchy, spawn_app, spawn_app_with,
};
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The public token and the target of a fresh unit desk (CKN-SEK).
async fn desk(app: &TestApp, admin: &str) -> (String, Value) {
    app.seed_units(admin).await;
    let target = app.unit_feedback_target(admin, "CKN-SEK").await;
    (target["token"].as_str().expect("token").to_string(), target)
}

fn s(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("string expected, got {v}"))
}

async fn issue_tickets(app: &TestApp, admin: &str, target: &Value, count: u32) -> Vec<String> {
    let resp = app
        .post_json(
            &format!("/api/v1/feedback-targets/{}/tickets", s(&target["id"])),
            admin,
            &json!({ "count": count }),
        )
        .await;
    let body = assert_json(resp, StatusCode::CREATED).await;
    body["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| s(c).to_string())
        .collect()
}

async fn unit_ikm(app: &TestApp, token: &str) -> Value {
    app.get_ok("/api/v1/ikm/units/CKN-SEK", token).await
}

/// The id of the only submission with this status.
async fn only_submission(app: &TestApp, token: &str, status: &str) -> Value {
    let list = app.moderation(token, status).await;
    assert_eq!(list["meta"]["total"], 1, "one {status} submission: {list}");
    list["items"][0].clone()
}

// ---------------------------------------------------------------- tickets

#[tokio::test]
async fn a_ticket_verifies_one_submission_and_a_used_ticket_is_refused_with_409() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, target) = desk(&app, &admin).await;
    let codes = issue_tickets(&app, &admin, &target, 3).await;
    assert_eq!(codes.len(), 3);
    assert!(
        codes
            .iter()
            .all(|c| c.len() == 9 && c.as_bytes()[4] == b'-'),
        "codes look like XXXX-XXXX: {codes:?}"
    );
    let first = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "ticket": codes[0] }),
        )
        .await;
    let first = assert_json(first, StatusCode::CREATED).await;
    assert_eq!(first["verified"], true);

    // Act
    let again = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([3; 9]), "ticket": codes[0] }),
        )
        .await;

    // Assert
    let body = assert_error(again, StatusCode::CONFLICT, "ticket_used").await;
    assert!(s(&body["error"]["message"]).contains("sudah dipakai"));
    let report = unit_ikm(&app, &admin).await;
    assert_eq!(report["respondents"], 1, "the refused one is not stored");
    assert_eq!(report["verified_respondents"], 1);
    let tickets = app
        .get_ok(
            &format!(
                "/api/v1/feedback-targets/{}/tickets?unused=true",
                s(&target["id"])
            ),
            &admin,
        )
        .await;
    assert_eq!(tickets["meta"]["total"], 2, "two tickets left: {tickets}");
}

#[tokio::test]
async fn a_ticket_of_another_target_is_refused_with_422_on_the_ticket_field() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let other = app.unit_feedback_target(&admin, "CKN-KEL-MAY").await;
    let codes = issue_tickets(&app, &admin, &other, 1).await;

    // Act
    let resp = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "ticket": codes[0] }),
        )
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let msg = s(&body["error"]["fields"]["ticket"][0]);
    assert!(msg.contains("tidak dikenal"), "{body}");
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 0);
    // The ticket still works where it belongs.
    let own = app
        .submit_feedback(
            s(&other["token"]),
            &json!({ "answers": answers([4; 9]), "ticket": codes[0] }),
        )
        .await;
    assert_eq!(
        assert_json(own, StatusCode::CREATED).await["verified"],
        true
    );
}

#[tokio::test]
async fn a_ticket_typed_in_lowercase_without_the_dash_is_accepted() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, target) = desk(&app, &admin).await;
    let codes = issue_tickets(&app, &admin, &target, 3).await;
    let typed = codes[1].replace('-', "").to_lowercase();

    // Act
    let resp = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "ticket": format!(" {typed} ") }),
        )
        .await;

    // Assert
    let body = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(body["verified"], true);
    assert!(s(&body["message"]).contains("Terima kasih"));
    // It was the same ticket: its canonical form is now used.
    let reuse = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([2; 9]), "ticket": codes[1] }),
        )
        .await;
    assert_error(reuse, StatusCode::CONFLICT, "ticket_used").await;
}

#[tokio::test]
async fn a_malformed_ticket_is_refused_with_422_on_the_ticket_field() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act: 0 and O are not in the alphabet, and it is too short.
    let resp = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "ticket": "ABC0" }),
        )
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(s(&body["error"]["fields"]["ticket"][0]).contains("8 huruf"));
}

// ---------------------------------------------------------------- rate limits

#[tokio::test]
async fn the_third_submission_from_one_client_within_the_hour_is_refused_with_429() {
    // Arrange
    let app = spawn_app_with(|s| s.feedback_client_limit_per_hour = 2).await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    app.submit_answers(&public, [4; 9]).await;
    app.submit_answers(&public, [3; 9]).await;

    // Act
    let resp = app
        .submit_feedback(&public, &json!({ "answers": answers([2; 9]) }))
        .await;

    // Assert
    let retry_after = resp
        .headers()
        .get("Retry-After")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .expect("Retry-After in seconds");
    assert!((1..=3600).contains(&retry_after), "{retry_after}");
    let body = assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    assert!(s(&body["error"]["message"]).contains("coba lagi"));
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 2);
}

#[tokio::test]
async fn the_hourly_limit_is_per_target() {
    // Arrange
    let app = spawn_app_with(|s| s.feedback_client_limit_per_hour = 1).await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let other = app.unit_feedback_target(&admin, "CKN-KEL-MAY").await;
    app.submit_answers(&public, [4; 9]).await;

    // Act
    let resp = app
        .submit_feedback(s(&other["token"]), &json!({ "answers": answers([4; 9]) }))
        .await;

    // Assert
    assert_json(resp, StatusCode::CREATED).await;
}

// ---------------------------------------------------------------- validation

#[tokio::test]
async fn a_missing_answer_is_refused_with_422_naming_the_element() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let mut a = answers([4; 9]);
    a.as_object_mut().expect("object").remove("u3");

    // Act
    let resp = app.submit_feedback(&public, &json!({ "answers": a })).await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let fields = body["error"]["fields"].as_object().expect("fields");
    assert_eq!(fields.len(), 1, "{body}");
    let msg = s(&fields["answers.u3"][0]);
    assert!(msg.contains("U3"), "{msg}");
    assert!(msg.contains("Waktu penyelesaian"), "{msg}");
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 0);
}

#[tokio::test]
async fn out_of_range_and_non_numeric_answers_are_refused_with_422_naming_each_element() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let cases = [
        ("u1", json!(0), "U1"),
        ("u2", json!(5), "U2"),
        ("u5", json!("x"), "U5"),
        ("u8", json!(2.5), "U8"),
        ("u9", json!(-1), "U9"),
        ("u4", json!(true), "U4"),
    ];
    for (code, value, name) in cases {
        let mut a = answers([4; 9]);
        a[code] = value.clone();

        // Act
        let resp = app.submit_feedback(&public, &json!({ "answers": a })).await;

        // Assert
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let fields = body["error"]["fields"].as_object().expect("fields");
        assert_eq!(fields.len(), 1, "{code}={value}: {body}");
        let msg = s(&fields[&format!("answers.{code}")][0]);
        assert!(msg.contains(name), "{code}={value}: {msg}");
    }
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 0);
}

#[tokio::test]
async fn every_bad_answer_is_named_in_one_response() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let resp = app
        .submit_feedback(
            &public,
            &json!({ "answers": { "u1": 0, "u2": 5, "u3": "x", "u5": 2.5, "u6": 4, "u7": 4, "u8": 4, "u9": 4 } }),
        )
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let fields = body["error"]["fields"].as_object().expect("fields");
    let mut keys: Vec<&String> = fields.keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "answers.u1",
            "answers.u2",
            "answers.u3",
            "answers.u4",
            "answers.u5"
        ]
    );
    assert!(s(&fields["answers.u2"][0]).contains("di luar skala"));
    assert!(s(&fields["answers.u4"][0]).contains("belum dijawab"));
}

#[tokio::test]
async fn a_comment_of_1001_characters_is_refused_with_422_on_the_comment() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let long = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "comment": "é".repeat(1001) }),
        )
        .await;

    // Assert
    let body = assert_error(long, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let fields = body["error"]["fields"].as_object().expect("fields");
    assert_eq!(fields.len(), 1, "{body}");
    assert!(s(&fields["comment"][0]).contains("1000"));
    // Exactly 1000 characters (not bytes) are fine.
    let max = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "comment": "é".repeat(1000) }),
        )
        .await;
    assert_json(max, StatusCode::CREATED).await;
}

// ---------------------------------------------------------------- moderation

#[tokio::test]
async fn a_burst_is_held_out_of_the_index_until_accepted() {
    // Arrange: the second submission from one client within 10 minutes is held.
    let app = spawn_app_with(|s| {
        s.feedback_client_burst = 1;
        s.feedback_min_respondents = 1;
    })
    .await;
    let admin = app.admin_token().await;
    let hr = app.role_token("hr").await;
    let (public, _) = desk(&app, &admin).await;
    app.submit_answers(&public, [4; 9]).await;

    // Act
    let second = app.submit_answers(&public, [2; 9]).await;

    // Assert: accepted for the citizen, but held out of the index.
    assert!(s(&second["message"]).contains("Terima kasih"));
    let report = unit_ikm(&app, &hr).await;
    assert_eq!(report["respondents"], 1);
    assert_eq!(report["konversi"].as_f64(), Some(100.0));
    let held = only_submission(&app, &hr, "held").await;
    assert_eq!(held["status"], "held");
    assert_eq!(held["unit_code"], "CKN-SEK");
    assert_eq!(held["answers"]["u1"], 2);
    assert!(s(&held["hold_reason"]).starts_with("beruntun"), "{held}");
    assert!(held.get("client_hash").is_none(), "never the client hash");

    // Act: HR accepts it.
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{}/accept", s(&held["id"])),
            &hr,
            &json!({}),
        )
        .await;

    // Assert: it counts from now on; (4 + 2) ÷ 2 = 3 → 75.00.
    let accepted = assert_json(resp, StatusCode::OK).await;
    assert_eq!(accepted["status"], "counted");
    let report = unit_ikm(&app, &hr).await;
    assert_eq!(report["respondents"], 2);
    assert_eq!(report["elements"][0]["nrr"].as_f64(), Some(3.0));
    assert_eq!(report["konversi"].as_f64(), Some(75.0));
    assert_eq!(report["mutu"], "C");
    assert_eq!(app.moderation(&hr, "held").await["meta"]["total"], 0);
}

#[tokio::test]
async fn a_rejected_submission_stays_out_of_the_index() {
    // Arrange
    let app = spawn_app_with(|s| {
        s.feedback_client_burst = 1;
        s.feedback_min_respondents = 1;
    })
    .await;
    let admin = app.admin_token().await;
    let hr = app.role_token("hr").await;
    let (public, _) = desk(&app, &admin).await;
    app.submit_answers(&public, [4; 9]).await;
    app.submit_answers(&public, [1; 9]).await;
    let held = only_submission(&app, &hr, "held").await;

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{}/reject", s(&held["id"])),
            &hr,
            &json!({ "reason": "Isian beruntun dari satu perangkat" }),
        )
        .await;

    // Assert
    let rejected = assert_json(resp, StatusCode::OK).await;
    assert_eq!(rejected["status"], "rejected");
    assert!(s(&rejected["hold_reason"]).contains("Isian beruntun dari satu perangkat"));
    let report = unit_ikm(&app, &hr).await;
    assert_eq!(report["respondents"], 1);
    assert_eq!(report["konversi"].as_f64(), Some(100.0));
    assert_eq!(app.moderation(&hr, "held").await["meta"]["total"], 0);
    let list = app.moderation(&hr, "rejected").await;
    assert_eq!(list["meta"]["total"], 1);
    assert_eq!(list["items"][0]["id"], held["id"]);
    // A rejected submission cannot be accepted afterwards.
    let accept = app
        .post_json(
            &format!("/api/v1/feedback/{}/accept", s(&held["id"])),
            &hr,
            &json!({}),
        )
        .await;
    assert_error(accept, StatusCode::CONFLICT, "not_held").await;
}

#[tokio::test]
async fn an_identical_submission_within_24_hours_is_held_as_a_duplicate() {
    // Arrange: default burst rules (the second one alone is no burst).
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let body = json!({ "answers": answers([3, 4, 3, 4, 3, 4, 3, 4, 3]), "comment": "Cepat" });
    assert_json(
        app.submit_feedback(&public, &body).await,
        StatusCode::CREATED,
    )
    .await;

    // Act
    let again = app.submit_feedback(&public, &body).await;

    // Assert
    assert_json(again, StatusCode::CREATED).await;
    let held = only_submission(&app, &admin, "held").await;
    assert!(s(&held["hold_reason"]).starts_with("duplikat"), "{held}");
    assert_eq!(held["comment"], "Cepat");
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 1);
}

#[tokio::test]
async fn accepting_a_submission_that_is_not_held_is_409() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    app.submit_answers(&public, [4; 9]).await;
    let counted = only_submission(&app, &admin, "counted").await;

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{}/accept", s(&counted["id"])),
            &admin,
            &json!({}),
        )
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::CONFLICT, "not_held").await;
    assert!(s(&body["error"]["message"]).contains("tidak sedang ditahan"));
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 1);
}

#[tokio::test]
async fn moderating_an_unknown_submission_is_404() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    // Act
    let resp = app
        .post_json(
            "/api/v1/feedback/0190f0f0-0000-7000-8000-000000000000/accept",
            &admin,
            &json!({}),
        )
        .await;

    // Assert
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

// ---------------------------------------------------------------- hidden comments and replies

const ABUSE: &str = "Petugas KASAR-ZX81 sekali";
const PRAISE: &str = "Pelayanan cepat dan ramah";

/// STAF_A's target with two counted comments, the abusive one hidden by HR. Returns the
/// app, the admin and HR tokens, and the ids of the abusive and the friendly submission.
async fn staff_with_hidden_comment() -> (TestApp, String, String, String, String) {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let hr = app.role_token("hr").await;
    seed_hierarchy(&app, &admin).await;
    let target = app
        .employee_feedback_target(&admin, "CKN-KEL-CB", STAF_A)
        .await;
    let public = s(&target["token"]).to_string();
    for (scores, comment) in [([1; 9], ABUSE), ([4; 9], PRAISE)] {
        let resp = app
            .submit_feedback(
                &public,
                &json!({ "answers": answers(scores), "comment": comment }),
            )
            .await;
        assert_json(resp, StatusCode::CREATED).await;
    }
    let counted = app.moderation(&hr, "counted").await;
    let id_of = |text: &str| {
        counted["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["comment"] == text)
            .map(|i| s(&i["id"]).to_string())
            .unwrap_or_else(|| panic!("{text} in {counted}"))
    };
    let (abuse, praise) = (id_of(ABUSE), id_of(PRAISE));
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{abuse}/hide-comment"),
            &hr,
            &json!({ "reason": "Kata-kata kasar" }),
        )
        .await;
    let hidden = assert_json(resp, StatusCode::OK).await;
    assert_eq!(hidden["comment_hidden"], true);
    assert_eq!(hidden["comment_hidden_reason"], "Kata-kata kasar");
    assert_eq!(hidden["status"], "counted", "the scores still count");
    (app, admin, hr, abuse, praise)
}

#[tokio::test]
async fn a_hidden_comment_never_reaches_the_employee() {
    // Arrange
    let (app, _, _, abuse, _) = staff_with_hidden_comment().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let resp = app
        .get(
            &format!("/api/v1/employees/{STAF_A}/citizen-feedback"),
            &staff,
        )
        .await;

    // Assert
    assert_eq!(resp.status(), StatusCode::OK);
    let text = resp.text().await.expect("body");
    assert!(
        !text.contains("KASAR-ZX81"),
        "hidden comment leaked: {text}"
    );
    assert!(
        !text.contains(&abuse),
        "hidden submission id leaked: {text}"
    );
    assert!(
        !text.contains("hidden"),
        "no hidden flag for the employee: {text}"
    );
    let body: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(body["respondents"], 2, "the scores still count");
    let comments = body["comments"].as_array().expect("comments");
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0]["comment"], PRAISE);
}

#[tokio::test]
async fn a_hidden_comment_never_reaches_the_supervisor() {
    // Arrange
    let (app, _, _, _, _) = staff_with_hidden_comment().await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;

    // Act
    let resp = app
        .get(
            &format!("/api/v1/employees/{STAF_A}/citizen-feedback"),
            &lurah,
        )
        .await;

    // Assert
    assert_eq!(resp.status(), StatusCode::OK);
    let text = resp.text().await.expect("body");
    assert!(
        !text.contains("KASAR-ZX81"),
        "hidden comment leaked: {text}"
    );
    assert!(text.contains(PRAISE));
}

#[tokio::test]
async fn the_admin_sees_a_hidden_comment_marked_hidden() {
    // Arrange
    let (app, admin, _, abuse, praise) = staff_with_hidden_comment().await;

    // Act
    let body = app
        .get_ok(
            &format!("/api/v1/employees/{STAF_A}/citizen-feedback"),
            &admin,
        )
        .await;

    // Assert
    let comments = body["comments"].as_array().expect("comments");
    assert_eq!(comments.len(), 2);
    let hidden = comments
        .iter()
        .find(|c| c["id"] == abuse.as_str())
        .expect("hidden comment present for admin");
    assert_eq!(hidden["comment"], ABUSE);
    assert_eq!(hidden["hidden"], true);
    let visible = comments
        .iter()
        .find(|c| c["id"] == praise.as_str())
        .expect("visible comment");
    assert_eq!(visible["hidden"], false);
}

#[tokio::test]
async fn hiding_a_comment_without_a_reason_is_refused() {
    // Arrange
    let (app, _, hr, _, praise) = staff_with_hidden_comment().await;
    let path = format!("/api/v1/feedback/{praise}/hide-comment");

    // Act
    let blank = app.post_json(&path, &hr, &json!({ "reason": "   " })).await;
    let absent = app.post_json(&path, &hr, &json!({})).await;

    // Assert: a blank reason names the field; an absent one is a malformed body (400), as
    // for every required JSON field.
    let body = assert_error(blank, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(s(&body["error"]["fields"]["reason"][0]).contains("Alasan"));
    assert_error(absent, StatusCode::BAD_REQUEST, "invalid_body").await;
    let counted = app.moderation(&hr, "counted").await;
    let item = counted["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == praise.as_str())
        .expect("praise");
    assert_eq!(item["comment_hidden"], false, "nothing changed");
}

#[tokio::test]
async fn the_employee_replies_once_and_hr_sees_the_reply() {
    // Arrange
    let (app, _, hr, _, praise) = staff_with_hidden_comment().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;
    let path = format!("/api/v1/feedback/{praise}/reply");

    // Act
    let first = app
        .post_json(&path, &staff, &json!({ "text": "Terima kasih, Bapak/Ibu" }))
        .await;
    let second = app
        .post_json(&path, &staff, &json!({ "text": "Sekali lagi" }))
        .await;

    // Assert
    let reply = assert_json(first, StatusCode::CREATED).await;
    assert_eq!(reply["id"], praise.as_str());
    assert_eq!(reply["reply"], "Terima kasih, Bapak/Ibu");
    assert_error(second, StatusCode::CONFLICT, "already_replied").await;
    let counted = app.moderation(&hr, "counted").await;
    let item = counted["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == praise.as_str())
        .expect("praise");
    assert_eq!(item["reply"], "Terima kasih, Bapak/Ibu");
    assert!(item["replied_at"].is_string());
    let own = app
        .get_ok(
            &format!("/api/v1/employees/{STAF_A}/citizen-feedback"),
            &staff,
        )
        .await;
    assert_eq!(own["comments"][0]["reply"], "Terima kasih, Bapak/Ibu");
}

#[tokio::test]
async fn another_employee_cannot_reply_to_a_comment_about_someone_else() {
    // Arrange
    let (app, _, hr, _, praise) = staff_with_hidden_comment().await;
    let other = app.employee_token(STAF_B, &["employee"]).await;

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{praise}/reply"),
            &other,
            &json!({ "text": "Bukan urusan saya" }),
        )
        .await;

    // Assert
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let counted = app.moderation(&hr, "counted").await;
    assert!(
        counted["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["reply"].is_null()),
        "{counted}"
    );
}

#[tokio::test]
async fn the_employee_cannot_reply_to_a_hidden_comment() {
    // Arrange
    let (app, _, _, abuse, _) = staff_with_hidden_comment().await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{abuse}/reply"),
            &staff,
            &json!({ "text": "Maaf" }),
        )
        .await;

    // Assert
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

// ---------------------------------------------------------------- public responses

/// The staff-side identifiers of STAF_A's target that no public response may contain.
struct Secrets {
    public: String,
    forbidden: Vec<String>,
}

async fn employee_target_secrets(app: &TestApp, admin: &str) -> Secrets {
    seed_hierarchy(app, admin).await;
    let target = app
        .employee_feedback_target(admin, "CKN-KEL-CB", STAF_A)
        .await;
    assert_eq!(target["employee_nip"], STAF_A);
    let unit = app.get_ok("/api/v1/units/CKN-KEL-CB", admin).await;
    let employee = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), admin)
        .await;
    let mut forbidden = vec![STAF_A.to_string()];
    for id in [&target["id"], &unit["id"], &employee["id"]] {
        let id = s(id).to_string();
        forbidden.push(id.replace('-', ""));
        forbidden.push(id.to_uppercase());
        forbidden.push(id);
    }
    Secrets {
        public: s(&target["token"]).to_string(),
        forbidden,
    }
}

fn assert_no_secrets(what: &str, text: &str, secrets: &Secrets) {
    for f in &secrets.forbidden {
        assert!(!text.contains(f.as_str()), "{what} contains {f}: {text}");
    }
}

#[tokio::test]
async fn public_responses_never_contain_a_nip_or_an_internal_id() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let secrets = employee_target_secrets(&app, &admin).await;
    let public = secrets.public.clone();

    // Act
    let described = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{public}"))
        .await;
    let submitted = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "comment": "Baik" }),
        )
        .await;
    let page = app.get_anonymous(&format!("/f/{public}")).await;
    let thanks = app
        .post_form(&format!("/f/{public}"), &form_answers([3; 9]))
        .await;
    let refused = app.post_form(&format!("/f/{public}"), "u1=4").await;

    // Assert
    assert_eq!(described.status(), StatusCode::OK);
    let described = described.text().await.expect("body");
    assert_no_secrets("public target", &described, &secrets);
    let d: Value = serde_json::from_str(&described).expect("json");
    assert_eq!(d["kind"], "employee");
    assert!(s(&d["title"]).contains("I Made Staf"), "{d}");
    assert!(
        s(&d["subtitle"]).contains("Kelurahan Cakranegara Barat"),
        "{d}"
    );
    assert_eq!(d["elements"].as_array().expect("elements").len(), 9);
    assert_eq!(submitted.status(), StatusCode::CREATED);
    assert_no_secrets(
        "submit response",
        &submitted.text().await.expect("body"),
        &secrets,
    );
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("body");
    assert!(page.contains("I Made Staf"));
    assert_no_secrets("form page", &page, &secrets);
    assert_eq!(thanks.status(), StatusCode::OK);
    assert_no_secrets("thanks page", &thanks.text().await.expect("body"), &secrets);
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_secrets("error page", &refused.text().await.expect("body"), &secrets);
}

#[tokio::test]
async fn an_unknown_token_is_404_in_the_error_envelope() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let get = app
        .get_anonymous("/api/v1/public/feedback-targets/0123456789abcdef0123456789abcdef")
        .await;
    let post = app
        .submit_feedback(
            "0123456789abcdef0123456789abcdef",
            &json!({ "answers": answers([4; 9]) }),
        )
        .await;
    let too_long = app
        .get_anonymous(&format!(
            "/api/v1/public/feedback-targets/{}",
            "a".repeat(200)
        ))
        .await;

    // Assert
    let body = assert_error(get, StatusCode::NOT_FOUND, "not_found").await;
    assert!(s(&body["error"]["message"]).contains("Kode QR"));
    assert_error(post, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(too_long, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_disabled_target_is_404_until_enabled_again() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, target) = desk(&app, &admin).await;
    let id = s(&target["id"]);

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback-targets/{id}/disable"),
            &admin,
            &json!({}),
        )
        .await;

    // Assert
    let disabled = assert_json(resp, StatusCode::OK).await;
    assert_eq!(disabled["active"], false);
    let get = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{public}"))
        .await;
    assert_error(get, StatusCode::NOT_FOUND, "not_found").await;
    let post = app
        .submit_feedback(&public, &json!({ "answers": answers([4; 9]) }))
        .await;
    assert_error(post, StatusCode::NOT_FOUND, "not_found").await;
    let page = app.get_anonymous(&format!("/f/{public}")).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("Kode QR tidak dikenal")
    );
    let resp = app
        .post_json(
            &format!("/api/v1/feedback-targets/{id}/enable"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(assert_json(resp, StatusCode::OK).await["active"], true);
    let again = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{public}"))
        .await;
    assert_eq!(again.status(), StatusCode::OK);
}

#[tokio::test]
async fn rotating_a_target_retires_the_old_token_at_once() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (old, target) = desk(&app, &admin).await;

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback-targets/{}/rotate", s(&target["id"])),
            &admin,
            &json!({}),
        )
        .await;

    // Assert
    let rotated = assert_json(resp, StatusCode::OK).await;
    let new = s(&rotated["token"]);
    assert_ne!(new, old);
    assert_eq!(rotated["id"], target["id"]);
    assert!(s(&rotated["public_url"]).ends_with(&format!("/f/{new}")));
    let old_get = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{old}"))
        .await;
    assert_error(old_get, StatusCode::NOT_FOUND, "not_found").await;
    let new_get = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{new}"))
        .await;
    let body = assert_json(new_get, StatusCode::OK).await;
    assert_eq!(body["kind"], "unit");
    assert_eq!(body["title"], "Sekretariat");
    assert_eq!(body["subtitle"], "Loket Pelayanan");
    app.submit_answers(new, [4; 9]).await;
}

#[tokio::test]
async fn the_public_target_speaks_english_on_request() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let id = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{public}"))
        .await;
    let en = app
        .get_anonymous(&format!("/api/v1/public/feedback-targets/{public}?lang=en"))
        .await;

    // Assert
    let id = assert_json(id, StatusCode::OK).await;
    assert_eq!(id["lang"], "id");
    assert_eq!(id["elements"][2]["name"], "Waktu penyelesaian");
    assert_eq!(id["comment_max_length"], 1000);
    let en = assert_json(en, StatusCode::OK).await;
    assert_eq!(en["lang"], "en");
    assert_eq!(en["elements"][2]["question"], "How fast was the service?");
    let options = en["elements"][0]["options"].as_array().expect("options");
    assert_eq!(options.len(), 4);
    assert_eq!(options[0]["score"], 1);
    assert_eq!(options[3]["label"], "Very suitable");
}

// ---------------------------------------------------------------- concurrency

#[tokio::test]
async fn two_hundred_concurrent_submissions_are_all_counted_exactly_once() {
    // Arrange
    let app = spawn_app_with(generous_feedback_limits).await;
    let admin = app.admin_token().await;
    let (public, target) = desk(&app, &admin).await;
    // Distinct answer sets: the base-4 digits of i.
    let rows: Vec<[i64; 9]> = (0..200i64)
        .map(|i| std::array::from_fn(|j| (i / 4i64.pow(j as u32)) % 4 + 1))
        .collect();
    let expected_u1: i64 = rows.iter().map(|r| r[0]).sum();

    // Act
    let responses = join_all(rows.iter().map(|r| {
        let body = json!({ "answers": answers(*r) });
        let (app, public) = (&app, &public);
        async move { app.submit_feedback(public, &body).await }
    }))
    .await;

    // Assert
    for resp in responses {
        assert_json(resp, StatusCode::CREATED).await;
    }
    let report = unit_ikm(&app, &admin).await;
    assert_eq!(report["respondents"], 200);
    let nrr = (expected_u1 as f64 / 200.0 * 100.0).round() / 100.0;
    assert_eq!(report["elements"][0]["nrr"].as_f64(), Some(nrr));
    assert_eq!(app.moderation(&admin, "held").await["meta"]["total"], 0);
    let targets = app
        .get_ok("/api/v1/feedback-targets?unit_code=CKN-SEK", &admin)
        .await;
    assert_eq!(targets["items"][0]["id"], target["id"]);
    assert_eq!(targets["items"][0]["counted"], 200);
    assert_eq!(targets["items"][0]["held"], 0);
}

#[tokio::test]
async fn one_ticket_used_by_ten_concurrent_submissions_counts_once() {
    // Arrange
    let app = spawn_app_with(generous_feedback_limits).await;
    let admin = app.admin_token().await;
    let (public, target) = desk(&app, &admin).await;
    let code = issue_tickets(&app, &admin, &target, 1).await.remove(0);

    // Act
    let responses = join_all((1..=10i64).map(|i| {
        let body = json!({ "answers": answers([i % 4 + 1; 9]), "ticket": code });
        let (app, public) = (&app, &public);
        async move { app.submit_feedback(public, &body).await }
    }))
    .await;

    // Assert
    let statuses: Vec<StatusCode> = responses.iter().map(|r| r.status()).collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        9,
        "{statuses:?}"
    );
    let report = unit_ikm(&app, &admin).await;
    assert_eq!(report["respondents"], 1);
    assert_eq!(report["verified_respondents"], 1);
}

// ---------------------------------------------------------------- the HTML form

#[tokio::test]
async fn the_form_page_has_nine_fieldsets_of_radios_a_csp_and_no_cookie() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let resp = app.get_anonymous(&format!("/f/{public}")).await;

    // Assert
    assert_eq!(resp.status(), StatusCode::OK);
    let headers = resp.headers().clone();
    let ct = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .expect("content type");
    assert!(ct.starts_with("text/html"), "{ct}");
    let csp = headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("CSP header");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(headers.get("set-cookie").is_none(), "no cookie");
    let html = resp.text().await.expect("body");
    assert!(html.starts_with("<!doctype html><html lang=\"id\">"));
    assert_eq!(html.matches("<fieldset").count(), 9);
    for i in 1..=9 {
        assert_eq!(
            html.matches(&format!("type=\"radio\" name=\"u{i}\""))
                .count(),
            4,
            "four radios for u{i}"
        );
    }
    assert!(html.contains("Waktu penyelesaian"));
    assert!(!html.contains("<script"), "no JavaScript");
}

#[tokio::test]
async fn posting_the_form_with_nine_answers_thanks_the_citizen_and_counts() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let body = format!(
        "{}&comment=Ruang+tunggu+nyaman&ticket=",
        form_answers([4; 9])
    );

    // Act
    let resp = app.post_form(&format!("/f/{public}"), &body).await;

    // Assert
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers().get("set-cookie").is_none());
    assert!(resp.headers().get("content-security-policy").is_some());
    let html = resp.text().await.expect("body");
    assert!(html.contains("Terima kasih"), "{html}");
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 1);
    let counted = only_submission(&app, &admin, "counted").await;
    assert_eq!(counted["comment"], "Ruang tunggu nyaman");
}

#[tokio::test]
async fn posting_the_form_with_missing_answers_is_422_listing_them() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let resp = app
        .post_form(&format!("/f/{public}"), "u1=4&u2=3&comment=Halo")
        .await;

    // Assert
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ct = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .expect("content type")
        .to_string();
    assert!(ct.starts_with("text/html"), "{ct}");
    let html = resp.text().await.expect("body");
    assert!(html.contains("role=\"alert\""));
    for el in ["U3", "U4", "U5", "U6", "U7", "U8", "U9"] {
        assert!(html.contains(&format!("Unsur {el} ")), "{el} listed");
    }
    assert!(!html.contains("Unsur U1 "), "U1 was answered");
    assert!(
        html.contains("value=\"3\" required checked"),
        "answers kept"
    );
    assert!(html.contains(">Halo</textarea>"), "comment kept");
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 0);
}

#[tokio::test]
async fn the_form_in_english_asks_the_english_questions() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let resp = app.get_anonymous(&format!("/f/{public}?lang=en")).await;

    // Assert
    assert_eq!(resp.status(), StatusCode::OK);
    let html = resp.text().await.expect("body");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("How fast was the service?"));
    assert!(html.contains("Send rating"));
    assert!(!html.contains("Waktu penyelesaian"));
    assert!(html.contains(&format!("action=\"/f/{public}?lang=en\"")));
}

// ---------------------------------------------------------------- permissions

#[tokio::test]
async fn an_employee_cannot_list_or_create_targets() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let list = app.get("/api/v1/feedback-targets", &staff).await;
    let create = app
        .post_json(
            "/api/v1/feedback-targets",
            &staff,
            &json!({ "kind": "unit", "unit_code": "CKN" }),
        )
        .await;
    let moderation = app.get("/api/v1/feedback/moderation", &staff).await;

    // Assert
    assert_error(list, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(create, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(moderation, StatusCode::FORBIDDEN, "forbidden").await;
    let targets = app.get_ok("/api/v1/feedback-targets", &admin).await;
    assert_eq!(targets["meta"]["total"], 0, "nothing was created");
}

#[tokio::test]
async fn an_employee_cannot_see_another_employees_citizen_feedback() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;

    // Act
    let other = app
        .get(
            &format!("/api/v1/employees/{STAF_B}/citizen-feedback"),
            &staff,
        )
        .await;
    let own = app
        .get(
            &format!("/api/v1/employees/{STAF_A}/citizen-feedback"),
            &staff,
        )
        .await;

    // Assert
    assert_error(other, StatusCode::NOT_FOUND, "not_found").await;
    let own = assert_json(own, StatusCode::OK).await;
    assert_eq!(own["respondents"], 0);
    assert_eq!(own["sufficient"], false);
    assert!(own["index"].is_null());
}

#[tokio::test]
async fn the_auditor_can_list_targets_but_not_create_them() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (_, target) = desk(&app, &admin).await;
    let auditor = app.role_token("auditor").await;

    // Act
    let list = app.get("/api/v1/feedback-targets", &auditor).await;
    let create = app
        .post_json(
            "/api/v1/feedback-targets",
            &auditor,
            &json!({ "kind": "unit", "unit_code": "CKN" }),
        )
        .await;

    // Assert
    let list = assert_json(list, StatusCode::OK).await;
    assert_eq!(list["meta"]["total"], 1);
    assert_eq!(list["items"][0]["id"], target["id"]);
    assert_eq!(list["items"][0]["unit_code"], "CKN-SEK");
    assert_error(create, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn hr_gets_the_qr_sheet_as_svg_and_png() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (_, target) = desk(&app, &admin).await;
    let hr = app.role_token("hr").await;
    let id = s(&target["id"]);

    // Act
    let svg = app
        .get(&format!("/api/v1/feedback-targets/{id}/qr.svg"), &hr)
        .await;
    let png = app
        .get(&format!("/api/v1/feedback-targets/{id}/qr.png"), &hr)
        .await;

    // Assert
    assert_eq!(svg.status(), StatusCode::OK);
    assert_eq!(
        svg.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/svg+xml")
    );
    let svg = svg.text().await.expect("body");
    assert!(svg.contains("<svg"), "an SVG document");
    assert!(svg.contains(s(&target["public_url"])), "the URL is printed");
    assert!(svg.contains("Sekretariat"));
    assert_eq!(png.status(), StatusCode::OK);
    assert_eq!(
        png.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    let bytes = png.bytes().await.expect("body");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature");
}

#[tokio::test]
async fn an_employee_cannot_get_a_qr_sheet_or_issue_tickets() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let target = app.unit_feedback_target(&admin, "CKN-SEK").await;
    let staff = app.employee_token(STAF_A, &["employee"]).await;
    let id = s(&target["id"]);

    // Act
    let qr = app
        .get(&format!("/api/v1/feedback-targets/{id}/qr.svg"), &staff)
        .await;
    let tickets = app
        .post_json(
            &format!("/api/v1/feedback-targets/{id}/tickets"),
            &staff,
            &json!({ "count": 1 }),
        )
        .await;

    // Assert
    assert_error(qr, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(tickets, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_employee_can_have_only_one_target() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    app.employee_feedback_target(&admin, "CKN-KEL-CB", STAF_A)
        .await;

    // Act
    let again = app
        .post_json(
            "/api/v1/feedback-targets",
            &admin,
            &json!({ "kind": "employee", "unit_code": "CKN-KEL-CB", "employee_nip": STAF_A }),
        )
        .await;
    let wrong_unit = app
        .post_json(
            "/api/v1/feedback-targets",
            &admin,
            &json!({ "kind": "employee", "unit_code": "CKN", "employee_nip": STAF_B }),
        )
        .await;

    // Assert
    assert_error(again, StatusCode::CONFLICT, "target_exists").await;
    let body = assert_error(
        wrong_unit,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(s(&body["error"]["fields"]["employee_nip"][0]).contains("tidak berada di unit"));
}

#[tokio::test]
async fn the_form_escapes_what_the_citizen_typed() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let prefilled = app
        .get_anonymous(&format!(
            "/f/{public}?t=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"
        ))
        .await;
    let rerendered = app
        .post_form(
            &format!("/f/{public}"),
            "u1=4&comment=%3C%2Ftextarea%3E%3Cscript%3Ex()%3C%2Fscript%3E",
        )
        .await;

    // Assert
    assert_eq!(prefilled.status(), StatusCode::OK);
    let html = prefilled.text().await.expect("body");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    assert_eq!(rerendered.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = rerendered.text().await.expect("body");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;</textarea>"));
}

#[tokio::test]
async fn the_form_prefills_a_ticket_from_the_receipt_link_and_verifies_it() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, target) = desk(&app, &admin).await;
    let code = issue_tickets(&app, &admin, &target, 1).await.remove(0);
    let page = app
        .get_anonymous(&format!("/f/{public}?t={code}"))
        .await
        .text()
        .await
        .expect("body");
    assert!(
        page.contains(&format!("value=\"{code}\"")),
        "ticket prefilled"
    );
    let body = format!("{}&ticket={code}", form_answers([4; 9]));

    // Act
    let first = app.post_form(&format!("/f/{public}"), &body).await;
    let second = app.post_form(&format!("/f/{public}"), &body).await;

    // Assert
    assert_eq!(first.status(), StatusCode::OK);
    let html = first.text().await.expect("body");
    assert!(html.contains("terverifikasi"), "{html}");
    assert_eq!(second.status(), StatusCode::CONFLICT);
    let html = second.text().await.expect("body");
    assert!(html.contains("sudah dipakai"), "{html}");
    assert_eq!(unit_ikm(&app, &admin).await["verified_respondents"], 1);
}

#[tokio::test]
async fn the_form_answers_429_when_rate_limited() {
    // Arrange
    let app = spawn_app_with(|s| s.feedback_client_limit_per_hour = 1).await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    let ok = app
        .post_form(&format!("/f/{public}"), &form_answers([4; 9]))
        .await;
    assert_eq!(ok.status(), StatusCode::OK);

    // Act
    let resp = app
        .post_form(&format!("/f/{public}"), &form_answers([3; 9]))
        .await;

    // Assert
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(resp.headers().get("Retry-After").is_some(), "Retry-After");
    let html = resp.text().await.expect("body");
    assert!(html.contains("coba lagi"), "{html}");
    assert_eq!(unit_ikm(&app, &admin).await["respondents"], 1);
}

#[tokio::test]
async fn hiding_a_submission_without_a_comment_is_409() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    app.submit_answers(&public, [4; 9]).await;
    let counted = only_submission(&app, &admin, "counted").await;

    // Act
    let resp = app
        .post_json(
            &format!("/api/v1/feedback/{}/hide-comment", s(&counted["id"])),
            &admin,
            &json!({ "reason": "Kasar" }),
        )
        .await;

    // Assert
    assert_error(resp, StatusCode::CONFLICT, "no_comment").await;
}

#[tokio::test]
async fn the_moderation_list_refuses_an_unknown_status() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    // Act
    let resp = app
        .get("/api/v1/feedback/moderation?status=deleted", &admin)
        .await;

    // Assert
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["status"].is_array(), "{body}");
}

#[tokio::test]
async fn a_comment_with_control_characters_is_refused_by_the_input_gate() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let resp = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "comment": "\u{7} Ramah\nsekali \u{1b}" }),
        )
        .await;

    // Assert: nothing is stored; line breaks alone are fine (tests/api/gate.rs).
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["/comment"].is_array(), "{body}");
    let counted = app.moderation(&admin, "counted").await;
    assert_eq!(counted["meta"]["total"], 0);
}

#[tokio::test]
async fn a_comment_is_stored_without_surrounding_blanks() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;

    // Act
    let resp = app
        .submit_feedback(
            &public,
            &json!({ "answers": answers([4; 9]), "comment": "  Ramah\nsekali \t" }),
        )
        .await;

    // Assert
    assert_json(resp, StatusCode::CREATED).await;
    let counted = only_submission(&app, &admin, "counted").await;
    assert_eq!(counted["comment"], "Ramah\nsekali");
}

#[tokio::test]
async fn the_auditor_cannot_moderate() {
    // Arrange
    let app = spawn_app_with(|s| s.feedback_client_burst = 1).await;
    let admin = app.admin_token().await;
    let (public, _) = desk(&app, &admin).await;
    app.submit_answers(&public, [4; 9]).await;
    app.submit_answers(&public, [3; 9]).await;
    let auditor = app.role_token("auditor").await;
    let held = only_submission(&app, &auditor, "held").await;

    // Act
    let accept = app
        .post_json(
            &format!("/api/v1/feedback/{}/accept", s(&held["id"])),
            &auditor,
            &json!({}),
        )
        .await;
    let reject = app
        .post_json(
            &format!("/api/v1/feedback/{}/reject", s(&held["id"])),
            &auditor,
            &json!({ "reason": "Spam" }),
        )
        .await;

    // Assert
    assert_error(accept, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(reject, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(
        only_submission(&app, &admin, "held").await["id"],
        held["id"],
        "still held"
    );
}

#[tokio::test]
async fn listing_targets_of_an_unknown_kind_is_422() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let resp = app.get("/api/v1/feedback-targets?kind=kiosk", &admin).await;

    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}
