//! 360-degree ratings: assignments from the hierarchy, peer nominations, the rater's form
//! and its locks (submitted, deadline, period state), the hand-computed suggestion, HR's
//! progress and rater-quality views, and the justification rule it feeds.
//!
//! The fixture (`Round`) is shared with `anonymity.rs`.

use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy,
    spawn_app_with,
};
use kinerja::config::Settings;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use std::collections::HashMap;

pub const STAF_C: &str = "199304042017012005";
/// Peers of the Lurah: other heads under the Camat.
pub const PEER_1: &str = "198502022010011006";
pub const PEER_2: &str = "198603032011012007";
pub const PEER_3: &str = "198704042012011008";
pub const PEER_4: &str = "198805052013012009";

pub const VALUES: [&str; 7] = [
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
];

/// An open quarter with run_360, the hierarchy Camat → (Lurah, four peers) and
/// Lurah → (three staff), assignments generated, and a signed-in token for everyone.
pub struct Round {
    pub app: TestApp,
    pub admin: String,
    pub hr: String,
    pub period: String,
    pub tokens: HashMap<&'static str, String>,
}

impl Round {
    pub fn token(&self, nip: &str) -> &str {
        self.tokens.get(nip).map(String::as_str).expect("token")
    }

    /// The rater's form about `ratee` (from their inbox); panics when there is none.
    pub async fn form_id(&self, rater: &str, ratee: &str) -> String {
        let inbox = self
            .app
            .get_ok(
                &format!("/api/v1/me/360?period_id={}", self.period),
                self.token(rater),
            )
            .await;
        inbox["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|f| f["ratee"]["nip"] == ratee)
            .unwrap_or_else(|| panic!("{rater} has no form about {ratee}: {inbox}"))["id"]
            .as_str()
            .expect("id")
            .to_string()
    }

    /// Saves (and optionally submits) answers on a form.
    pub async fn put_form(&self, rater: &str, id: &str, body: &Value) -> Response {
        self.app
            .put_json(&format!("/api/v1/ratings360/{id}"), self.token(rater), body)
            .await
    }

    /// `rater` submits the same score for all seven values about `ratee`, with a comment.
    pub async fn rate(&self, rater: &str, ratee: &str, score: i64, comment: Option<&str>) {
        let id = self.form_id(rater, ratee).await;
        let mut body = json!({ "scores": scores(score), "submit": true });
        if let Some(c) = comment {
            body["comments"] = json!({ "akuntabel": c });
            body["overall_comment"] = json!(format!("Umum: {c}"));
        }
        let resp = self.put_form(rater, &id, &body).await;
        assert_json(resp, StatusCode::OK).await;
    }

    /// HR assigns peers to a ratee directly.
    pub async fn assign_peers(&self, ratee: &str, peers: &[&str]) {
        let resp = self
            .app
            .post_json(
                &format!("/api/v1/periods/{}/employees/{ratee}/peers", self.period),
                &self.hr,
                &json!({ "nips": peers }),
            )
            .await;
        assert_json(resp, StatusCode::OK).await;
    }

    /// The summary as the released snapshot would show it now: the test records the
    /// release, reads, and takes the record back (a fixture only: the product never
    /// un-releases), so that one round can show the aggregate at several steps.
    pub async fn summary(&self, ratee: &str, token: &str) -> Value {
        self.set_released(true).await;
        let out = self.summary_now(ratee, token).await;
        self.set_released(false).await;
        out
    }

    /// The summary as it is now (before the release: `released: false`, no numbers).
    pub async fn summary_now(&self, ratee: &str, token: &str) -> Value {
        self.app
            .get_ok(
                &format!("/api/v1/periods/{}/employees/{ratee}/360", self.period),
                token,
            )
            .await
    }

    /// Records the release of a period's results directly (as the task would).
    pub async fn record_release(app: &TestApp, period: &str) {
        Self::write_release(app, period, true).await;
    }

    /// Records (or, as a fixture, erases) the release of the round's results.
    pub async fn set_released(&self, released: bool) {
        Self::write_release(&self.app, &self.period, released).await;
    }

    async fn write_release(app: &TestApp, period: &str, released: bool) {
        use sea_orm::{EntityTrait, Set};
        let id: uuid::Uuid = period.parse().expect("period id");
        entity::period::Entity::update(entity::period::ActiveModel {
            id: Set(id),
            released_360_at: Set(released.then(chrono::Utc::now)),
            ..Default::default()
        })
        .exec(&app.db.write)
        .await
        .expect("record the release");
    }
}

/// The seven values all scored `score`.
pub fn scores(score: i64) -> Value {
    Value::Object(
        VALUES
            .iter()
            .map(|v| (v.to_string(), json!(score)))
            .collect(),
    )
}

/// The group entry of a summary.
pub fn group<'a>(summary: &'a Value, name: &str) -> &'a Value {
    summary["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["group"] == name)
        .unwrap_or_else(|| panic!("no group {name}: {summary}"))
}

pub async fn open_q2(app: &TestApp, token: &str) -> String {
    let resp = app
        .post_json(
            "/api/v1/periods",
            token,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30" }),
        )
        .await;
    let p = assert_json(resp, StatusCode::CREATED).await;
    let id = p["id"].as_str().expect("id").to_string();
    let open = app
        .post_json(&format!("/api/v1/periods/{id}/open"), token, &json!({}))
        .await;
    assert_eq!(open.status(), StatusCode::OK);
    id
}

pub async fn round() -> Round {
    round_with(|_| {}).await
}

pub async fn round_with(adjust: impl FnOnce(&mut Settings)) -> Round {
    let app = spawn_app_with(adjust).await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    for (nip, name, unit, sup) in [
        (STAF_C, "Lale Staf", "CKN-KEL-CB", LURAH),
        (PEER_1, "Baiq Lurah Mayura", "CKN-KEL-MAY", CAMAT),
        (PEER_2, "Lalu Sekcam", "CKN-SEK", CAMAT),
        (PEER_3, "Dewa Kasi", "CKN-SEK", CAMAT),
        (PEER_4, "Ni Kadek Kasi", "CKN-SEK", CAMAT),
    ] {
        let resp = app.put_employee(&admin, nip, name, unit, Some(sup)).await;
        assert!(resp.status().is_success(), "seed {nip}: {}", resp.status());
    }
    let hr = app.role_token("hr").await;
    let period = open_q2(&app, &admin).await;
    let resp = app
        .post_json(
            &format!("/api/v1/periods/{period}/raters/generate"),
            &hr,
            &json!({}),
        )
        .await;
    assert_json(resp, StatusCode::OK).await;
    let mut tokens = HashMap::new();
    for nip in [
        CAMAT, LURAH, STAF_A, STAF_B, STAF_C, PEER_1, PEER_2, PEER_3, PEER_4,
    ] {
        tokens.insert(nip, app.employee_token(nip, &["employee"]).await);
    }
    Round {
        app,
        admin,
        hr,
        period,
        tokens,
    }
}

/// The Lurah's full dataset: Camat 5s, three peers 4s, three staff 3s, self 1s.
pub async fn rate_lurah_fully(r: &Round) {
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3]).await;
    r.rate(CAMAT, LURAH, 5, Some("Memimpin dengan baik")).await;
    for (p, c) in [
        (PEER_1, "Zaman rapat tepat"),
        (PEER_2, "Akurat"),
        (PEER_3, "Membantu"),
    ] {
        r.rate(p, LURAH, 4, Some(c)).await;
    }
    for (s, c) in [(STAF_A, "Tegas"), (STAF_B, "Adil"), (STAF_C, "Sabar")] {
        r.rate(s, LURAH, 3, Some(c)).await;
    }
    r.rate(LURAH, LURAH, 1, None).await;
}

#[tokio::test]
async fn generating_follows_the_hierarchy_and_is_idempotent() {
    let r = round().await;
    let path = format!("/api/v1/periods/{}/raters/generate", r.period);

    // The fixture generated once already: a second run creates nothing.
    let again = assert_json(
        r.app.post_json(&path, &r.hr, &json!({})).await,
        StatusCode::OK,
    )
    .await;
    let raters = r
        .app
        .get_ok(
            &format!("/api/v1/periods/{}/employees/{LURAH}/raters", r.period),
            &r.hr,
        )
        .await;

    assert_eq!(again["created"], 0, "{again}");
    // 9 self, 8 supervisor (all but the Camat), 5 + 3 subordinate rows.
    assert_eq!(again["existing"], 25, "{again}");
    let rows: Vec<(String, String)> = raters["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["group"].as_str().expect("group").to_string(),
                i["nip"].as_str().expect("nip").to_string(),
            )
        })
        .collect();
    let mut expected = vec![
        ("self".to_string(), LURAH.to_string()),
        ("supervisor".to_string(), CAMAT.to_string()),
    ];
    for s in [STAF_A, STAF_B, STAF_C] {
        expected.push(("subordinate".to_string(), s.to_string()));
    }
    let mut sorted = rows.clone();
    sorted.sort();
    expected.sort();
    assert_eq!(sorted, expected);
}

#[tokio::test]
async fn a_first_generation_counts_each_group_and_a_unit_limits_it() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let period = open_q2(&app, &admin).await;
    let path = format!("/api/v1/periods/{period}/raters/generate");

    let unit = assert_json(
        app.post_json(&format!("{path}?unit_code=CKN-KEL-CB"), &admin, &json!({}))
            .await,
        StatusCode::OK,
    )
    .await;
    let all = assert_json(
        app.post_json(&path, &admin, &json!({})).await,
        StatusCode::OK,
    )
    .await;

    // CKN-KEL-CB: Lurah, Staf A, Staf B → 3 self, 3 supervisor, 2 subordinate.
    assert_eq!(
        (
            unit["self"].clone(),
            unit["supervisor"].clone(),
            unit["subordinate"].clone()
        ),
        (json!(3), json!(3), json!(2)),
        "{unit}"
    );
    // Then the rest: the Camat's self row and the Lurah rating the Camat.
    assert_eq!(all["created"], 2, "{all}");
    assert_eq!(all["existing"], 8, "{all}");
}

#[tokio::test]
async fn only_hr_and_admin_generate_and_only_in_a_360_round() {
    let r = round().await;
    let path = format!("/api/v1/periods/{}/raters/generate", r.period);

    let as_employee = r.app.post_json(&path, r.token(CAMAT), &json!({})).await;
    assert_error(as_employee, StatusCode::FORBIDDEN, "forbidden").await;

    let resp = r
        .app
        .client
        .patch(r.app.url(&format!("/api/v1/periods/{}", r.period)))
        .bearer_auth(&r.admin)
        .json(&json!({ "run_360": false }))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::OK, "PATCH run_360");
    let without_round = r.app.post_json(&path, &r.hr, &json!({})).await;
    assert_error(without_round, StatusCode::CONFLICT, "no_360_round").await;
}

#[tokio::test]
async fn an_employee_cannot_nominate_themself_as_a_peer() {
    let r = round().await;

    let resp = r
        .app
        .post_json(
            &format!("/api/v1/periods/{}/employees/{STAF_A}/peers", r.period),
            r.token(STAF_A),
            &json!({ "nips": [STAF_B, STAF_A] }),
        )
        .await;

    assert_error(
        resp,
        StatusCode::UNPROCESSABLE_ENTITY,
        "cannot_rate_self_as_peer",
    )
    .await;
}

#[tokio::test]
async fn the_supervisor_a_subordinate_or_an_unknown_nip_cannot_be_a_peer() {
    let r = round().await;
    let path = format!("/api/v1/periods/{}/employees/{LURAH}/peers", r.period);

    let supervisor = r
        .app
        .post_json(&path, r.token(LURAH), &json!({ "nips": [CAMAT] }))
        .await;
    let subordinate = r
        .app
        .post_json(&path, r.token(LURAH), &json!({ "nips": [STAF_A] }))
        .await;
    let unknown_nip = "199912312020121001";
    let unknown = r
        .app
        .post_json(
            &path,
            r.token(LURAH),
            &json!({ "nips": [PEER_1, unknown_nip] }),
        )
        .await;
    let too_many = r
        .app
        .post_json(
            &path,
            &r.hr,
            &json!({ "nips": ["1", "2", "3", "4", "5", "6", "7", "8", "9"] }),
        )
        .await;

    assert_error(
        supervisor,
        StatusCode::UNPROCESSABLE_ENTITY,
        "peer_in_other_group",
    )
    .await;
    assert_error(
        subordinate,
        StatusCode::UNPROCESSABLE_ENTITY,
        "peer_in_other_group",
    )
    .await;
    let body = assert_error(
        unknown,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        body["error"]["fields"]["nips"][0]
            .as_str()
            .is_some_and(|m| m.contains(unknown_nip)),
        "{body}"
    );
    assert_error(too_many, StatusCode::UNPROCESSABLE_ENTITY, "too_many_peers").await;
}

#[tokio::test]
async fn a_nomination_waits_for_the_supervisor_and_then_reaches_the_peers_inbox() {
    let r = round().await;
    let path = format!("/api/v1/periods/{}/employees/{LURAH}/peers", r.period);

    let nominated = assert_json(
        r.app
            .post_json(&path, r.token(LURAH), &json!({ "nips": [PEER_1, PEER_2] }))
            .await,
        StatusCode::OK,
    )
    .await;
    let inbox_before = r
        .app
        .get_ok(
            &format!("/api/v1/me/360?period_id={}", r.period),
            r.token(PEER_1),
        )
        .await;
    let organiser = r.app.get_ok(&path, r.token(CAMAT)).await;
    let id_of = |nip: &str| {
        organiser["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["nip"] == nip)
            .expect("peer")["id"]
            .as_str()
            .expect("id")
            .to_string()
    };
    let (p1, p2) = (id_of(PEER_1), id_of(PEER_2));
    // A peer cannot decide on their own nomination, nor can the ratee.
    let by_ratee = r
        .app
        .post_json(
            &format!("/api/v1/ratings360/{p1}/approve"),
            r.token(LURAH),
            &json!({}),
        )
        .await;
    let approve = r
        .app
        .post_json(
            &format!("/api/v1/ratings360/{p1}/approve"),
            r.token(CAMAT),
            &json!({}),
        )
        .await;
    let reject = r
        .app
        .post_json(
            &format!("/api/v1/ratings360/{p2}/reject"),
            r.token(CAMAT),
            &json!({ "reason": "Jarang bekerja sama" }),
        )
        .await;
    let ratee_view = r.app.get_ok(&path, r.token(LURAH)).await;

    assert!(
        nominated["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["state"] == "nominated"),
        "{nominated}"
    );
    assert!(
        !inbox_before["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|f| f["ratee"]["nip"] == LURAH),
        "a nominated peer has no form yet: {inbox_before}"
    );
    assert_error(by_ratee, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(
        assert_json(approve, StatusCode::OK).await["state"],
        "approved"
    );
    assert_eq!(
        assert_json(reject, StatusCode::OK).await["state"],
        "rejected"
    );
    r.form_id(PEER_1, LURAH).await;
    let states: HashMap<String, (String, Value)> = ratee_view["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["nip"].as_str().expect("nip").to_string(),
                (
                    i["state"].as_str().expect("state").to_string(),
                    i["decision_reason"].clone(),
                ),
            )
        })
        .collect();
    assert_eq!(states[PEER_1].0, "approved");
    assert_eq!(
        states[PEER_2],
        ("rejected".to_string(), json!("Jarang bekerja sama"))
    );
}

#[tokio::test]
async fn a_peer_cannot_read_or_edit_another_peers_response() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2]).await;
    let id = r.form_id(PEER_1, LURAH).await;
    let saved = r
        .put_form(
            PEER_1,
            &id,
            &json!({ "scores": { "akuntabel": 4 }, "submit": false }),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);

    let read = r
        .app
        .get(&format!("/api/v1/ratings360/{id}"), r.token(PEER_2))
        .await;
    let edit = r
        .put_form(PEER_2, &id, &json!({ "scores": scores(1), "submit": true }))
        .await;
    let by_ratee = r
        .app
        .get(&format!("/api/v1/ratings360/{id}"), r.token(LURAH))
        .await;
    let by_hr = r.app.get(&format!("/api/v1/ratings360/{id}"), &r.hr).await;
    let own = r
        .app
        .get_ok(&format!("/api/v1/ratings360/{id}"), r.token(PEER_1))
        .await;

    assert_error(read, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(edit, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(by_ratee, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(by_hr, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(own["scores"], json!({ "akuntabel": 4 }), "unchanged: {own}");
    assert_eq!(own["status"], "draft");
}

#[tokio::test]
async fn a_draft_may_be_partial_but_submitting_needs_all_seven_scores_in_range() {
    let r = round().await;
    let id = r.form_id(STAF_A, LURAH).await;

    let partial = r
        .put_form(
            STAF_A,
            &id,
            &json!({ "scores": { "loyal": 3.0, "adaptif": 5 }, "submit": true }),
        )
        .await;
    let out_of_range = r
        .put_form(
            STAF_A,
            &id,
            &json!({ "scores": { "loyal": 6, "rajin": 3 }, "submit": false }),
        )
        .await;
    let long_comment = r
        .put_form(
            STAF_A,
            &id,
            &json!({ "scores": {}, "comments": { "loyal": "x".repeat(1001) }, "submit": false }),
        )
        .await;
    let draft = r
        .put_form(
            STAF_A,
            &id,
            &json!({ "scores": { "loyal": 3.0 }, "comments": { "loyal": "  Setia  " }, "submit": false }),
        )
        .await;

    let body = assert_error(
        partial,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(body["error"]["fields"]["scores"].is_array(), "{body}");
    let body = assert_error(
        out_of_range,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(body["error"]["fields"]["scores.loyal"].is_array(), "{body}");
    assert!(body["error"]["fields"]["scores.rajin"].is_array(), "{body}");
    let body = assert_error(
        long_comment,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        body["error"]["fields"]["comments.loyal"].is_array(),
        "{body}"
    );
    let draft = assert_json(draft, StatusCode::OK).await;
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["scores"], json!({ "loyal": 3 }));
    assert_eq!(draft["comments"], json!({ "loyal": "Setia" }));
    assert_eq!(draft["editable"], true);
}

#[tokio::test]
async fn a_submitted_response_cannot_be_edited() {
    let r = round().await;
    r.rate(STAF_A, LURAH, 4, None).await;
    let id = r.form_id(STAF_A, LURAH).await;

    let again = r
        .put_form(STAF_A, &id, &json!({ "scores": scores(1), "submit": true }))
        .await;
    let as_draft = r
        .put_form(
            STAF_A,
            &id,
            &json!({ "scores": scores(1), "submit": false }),
        )
        .await;
    let form = r
        .app
        .get_ok(&format!("/api/v1/ratings360/{id}"), r.token(STAF_A))
        .await;

    assert_error(again, StatusCode::CONFLICT, "response_submitted").await;
    assert_error(as_draft, StatusCode::CONFLICT, "response_submitted").await;
    // Sealed: a submitted response is never read back, not even by its rater.
    assert_eq!(form["scores"], json!({}));
    assert!(form["overall_comment"].is_null());
    assert_eq!(form["status"], "submitted");
    assert_eq!(form["editable"], false);
    assert!(form["submitted_at"].is_string());
}

#[tokio::test]
async fn after_the_deadline_day_a_response_is_refused() {
    let r = round().await;
    let id = r.form_id(STAF_A, LURAH).await;
    let resp = r
        .app
        .client
        .patch(r.app.url(&format!("/api/v1/periods/{}", r.period)))
        .bearer_auth(&r.admin)
        .json(&json!({ "deadline_360": "2026-06-30" }))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::OK, "PATCH deadline_360");

    let late = r
        .put_form(STAF_A, &id, &json!({ "scores": scores(4), "submit": true }))
        .await;
    let form = r
        .app
        .get_ok(&format!("/api/v1/ratings360/{id}"), r.token(STAF_A))
        .await;

    assert_error(late, StatusCode::CONFLICT, "deadline_passed").await;
    assert_eq!(form["deadline"], "2026-06-30");
    assert_eq!(form["editable"], false);
}

#[tokio::test]
async fn a_response_is_refused_when_the_period_is_not_open() {
    let r = round().await;
    let id = r.form_id(STAF_A, LURAH).await;
    let close = r
        .app
        .post_json(
            &format!("/api/v1/periods/{}/close", r.period),
            &r.admin,
            &json!({}),
        )
        .await;
    assert_eq!(close.status(), StatusCode::OK);

    let resp = r
        .put_form(STAF_A, &id, &json!({ "scores": scores(4), "submit": true }))
        .await;

    assert_error(resp, StatusCode::CONFLICT, "period_not_open").await;
}

#[tokio::test]
async fn the_suggestion_is_the_renormalised_weighted_mean_of_the_shown_groups() {
    let r = round().await;
    rate_lurah_fully(&r).await;

    let s = r.summary(LURAH, r.token(CAMAT)).await;

    // (40 × 5 + 20 × 4 + 20 × 3) ÷ (40 + 20 + 20) = 340 ÷ 80 = 4.25 → Di Atas (≥ 4.20);
    // the public has no respondents and self weighs 0.
    assert_eq!(s["weighted_mean"], 4.25, "{s}");
    assert_eq!(s["suggested_rating"], "di_atas");
    assert_eq!(s["suggested_rating_label"], "Di Atas Ekspektasi");
    let shares: Vec<(String, f64, f64)> = s["weights_used"]
        .as_array()
        .expect("weights_used")
        .iter()
        .map(|w| {
            (
                w["group"].as_str().expect("group").to_string(),
                w["weight"].as_f64().expect("weight"),
                w["share"].as_f64().expect("share"),
            )
        })
        .collect();
    assert_eq!(
        shares,
        vec![
            ("supervisor".to_string(), 40.0, 0.5),
            ("peer".to_string(), 20.0, 0.25),
            ("subordinate".to_string(), 20.0, 0.25),
        ]
    );
    let why = s["why"].as_str().expect("why");
    assert!(
        why.contains("(40 × 5,00 (atasan) + 20 × 4,00 (rekan kerja) + 20 × 3,00 (bawahan)) ÷ (40 + 20 + 20) = 4,25"),
        "{why}"
    );
    assert!(why.contains("diri sendiri (bobot 0)"), "{why}");
    assert!(why.contains("masyarakat (belum ada tanggapan)"), "{why}");
    assert_eq!(group(&s, "self")["mean"], 1.0);
    assert_eq!(group(&s, "self")["visible"], true);
    assert!(group(&s, "public")["responses"].is_null());
    assert_eq!(group(&s, "public")["count_below_threshold"], true);
    assert_eq!(group(&s, "public")["visible"], false);
    let values = group(&s, "peer")["values"].as_array().expect("values");
    assert_eq!(values.len(), 7);
    assert!(values.iter().all(|v| v["mean"] == 4.0), "{s}");
}

#[tokio::test]
async fn per_value_means_have_two_decimals_and_the_rating_follows_the_shown_mean() {
    let r = round().await;
    // Supervisor: six 5s and a 4 → 34/7 = 4.857… shown 4,86; alone it is Di Atas.
    let id = r.form_id(CAMAT, LURAH).await;
    let mut s = scores(5);
    s["kolaboratif"] = json!(4);
    assert_json(
        r.put_form(CAMAT, &id, &json!({ "scores": s, "submit": true }))
            .await,
        StatusCode::OK,
    )
    .await;
    for p in [STAF_A, STAF_B, STAF_C] {
        r.rate(p, LURAH, 3, None).await;
    }

    let s = r.summary(LURAH, &r.hr).await;

    assert_eq!(group(&s, "supervisor")["mean"], 4.86, "{s}");
    // (40 × 4.86 + 20 × 3.00) ÷ 60 = 254.4 ÷ 60 = 4.24 → Di Atas.
    assert_eq!(s["weighted_mean"], 4.24, "{s}");
    assert_eq!(s["suggested_rating"], "di_atas");
    let sub_values = group(&s, "subordinate")["values"]
        .as_array()
        .expect("values")
        .clone();
    assert!(sub_values.iter().all(|v| v["mean"] == 3.0));
}

#[tokio::test]
async fn the_supervisor_must_justify_a_rating_perilaku_that_differs_from_the_suggestion() {
    let r = round().await;
    rate_lurah_fully(&r).await;
    approve_skp(&r.app, LURAH, 2026).await;
    // The suggestion has its 360 part once the results are released.
    r.set_released(true).await;
    let path = format!("/api/v1/periods/{}/evaluations/{LURAH}", r.period);

    let differs = r
        .app
        .put_json(
            &path,
            r.token(CAMAT),
            &json!({ "rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai" }),
        )
        .await;
    let justified = r
        .app
        .put_json(
            &path,
            r.token(CAMAT),
            &json!({ "rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai",
                     "justification": "Ada keluhan disiplin yang belum tercermin dalam 360" }),
        )
        .await;
    let follows = r
        .app
        .put_json(
            &path,
            r.token(CAMAT),
            &json!({ "rating_hasil_kerja": "sesuai", "rating_perilaku": "di_atas" }),
        )
        .await;

    let body = assert_error(
        differs,
        StatusCode::UNPROCESSABLE_ENTITY,
        "justification_required",
    )
    .await;
    assert!(
        body["error"]["fields"]["justification"].is_array(),
        "{body}"
    );
    assert_eq!(
        assert_json(justified, StatusCode::OK).await["rating_perilaku_kerja"],
        "sesuai"
    );
    assert_eq!(
        assert_json(follows, StatusCode::OK).await["rating_perilaku_kerja"],
        "di_atas"
    );
}

/// Inserts an approved SKP directly (the SKP workflow has its own tests).
pub async fn approve_skp(app: &TestApp, nip: &str, year: i32) {
    use sea_orm::ConnectionTrait;
    use sea_orm::sea_query::{Alias, Query};
    let e = kinerja::store::employees::find_by_nip(&app.db.read, nip)
        .await
        .expect("query")
        .expect("employee");
    let now = chrono::Utc::now();
    let stmt = Query::insert()
        .into_table(Alias::new("skps"))
        .columns(
            [
                "id",
                "employee_id",
                "year",
                "status",
                "approver_id",
                "unit_id",
                "jabatan",
                "submitted_at",
                "decided_at",
                "created_at",
                "updated_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            uuid::Uuid::now_v7().into(),
            e.id.into(),
            year.into(),
            "approved".into(),
            e.supervisor_id.into(),
            e.unit_id.into(),
            e.jabatan.clone().into(),
            now.into(),
            now.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    app.db.write.execute(&stmt).await.expect("insert skp");
}

#[tokio::test]
async fn quality_flags_are_shown_to_hr_and_refused_to_employees() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1]).await;
    r.assign_peers(PEER_2, &[PEER_1]).await;
    r.assign_peers(PEER_3, &[PEER_1]).await;
    // Peer 1 gives 4 to everything for three ratees (the threshold): straight-lining.
    r.rate(PEER_1, LURAH, 4, None).await;
    r.rate(PEER_1, PEER_2, 4, None).await;
    r.rate(PEER_1, PEER_3, 4, None).await;
    // A varied rater is not flagged.
    let id = r.form_id(STAF_A, LURAH).await;
    let mut varied = scores(4);
    varied["loyal"] = json!(3);
    assert_json(
        r.put_form(STAF_A, &id, &json!({ "scores": varied, "submit": true }))
            .await,
        StatusCode::OK,
    )
    .await;
    let path = format!("/api/v1/periods/{}/360/quality", r.period);
    // Before the release nothing is checked: a flag would move with each response.
    let early = r.app.get_ok(&path, &r.hr).await;
    assert_eq!(early["raters_checked"], 0, "{early}");
    assert_eq!(early["items"], json!([]), "{early}");
    r.set_released(true).await;

    let q = r.app.get_ok(&path, &r.hr).await;
    let auditor = r.app.role_token("auditor").await;
    let by_auditor = r.app.get(&path, &auditor).await;
    let by_employee = r.app.get(&path, r.token(CAMAT)).await;
    let by_ratee = r.app.get(&path, r.token(LURAH)).await;

    assert_eq!(q["raters_checked"], 2, "{q}");
    let items = q["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{q}");
    assert_eq!(items[0]["nip"], PEER_1);
    // Never the rater's mean or number of responses.
    assert!(items[0].get("responses").is_none(), "{q}");
    assert!(items[0].get("mean").is_none(), "{q}");
    assert_eq!(items[0]["flags"], json!(["straight_lining"]));
    let text = q.to_string();
    assert!(
        !text.contains(LURAH) && !text.contains(PEER_2) && !text.contains(PEER_3),
        "never the ratees: {text}"
    );
    assert_eq!(by_auditor.status(), StatusCode::OK);
    assert_error(by_employee, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(by_ratee, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn progress_counts_forms_per_unit_and_names_raters_with_pending_forms_only() {
    let r = round().await;
    r.rate(STAF_A, LURAH, 4, None).await;
    let path = format!(
        "/api/v1/periods/{}/360/progress?unit_code=CKN-KEL-CB",
        r.period
    );

    let p = r.app.get_ok(&path, &r.hr).await;
    let by_employee = r.app.get(&path, r.token(LURAH)).await;

    // Ratees in CKN-KEL-CB: the Lurah (self, Camat, three staff) and three staff (self,
    // Lurah) = 11 forms, one submitted.
    let units = p["units"].as_array().expect("units");
    assert_eq!(units.len(), 1, "{p}");
    assert_eq!(units[0]["unit_code"], "CKN-KEL-CB");
    assert_eq!(
        (
            units[0]["assigned"].clone(),
            units[0]["submitted"].clone(),
            units[0]["pending"].clone()
        ),
        (json!(11), json!(1), json!(10))
    );
    // Pending forms are pooled per unit of the raters, and only for units with at least
    // three raters: the Lurah and three staff of CKN-KEL-CB (4 + 1 + 2 + 2); the Camat,
    // alone in CKN, is never a line of his own.
    assert_eq!(
        p["raters"],
        json!([{
            "unit_code": "CKN-KEL-CB",
            "unit_name": p["raters"][0]["unit_name"],
            "raters": 4,
            "pending": 9
        }]),
        "{p}"
    );
    let text = p["raters"].to_string();
    for nip in [LURAH, STAF_A, CAMAT] {
        assert!(!text.contains(nip), "no rater is named: {text}");
    }
    assert_error(by_employee, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn the_rater_inbox_lists_whom_to_rate_with_the_deadline_and_saved_answers() {
    let r = round().await;
    let id = r.form_id(LURAH, STAF_A).await;
    assert_json(
        r.put_form(
            LURAH,
            &id,
            &json!({ "scores": { "kompeten": 5 }, "overall_comment": "Bagus", "submit": false }),
        )
        .await,
        StatusCode::OK,
    )
    .await;

    let inbox = r
        .app
        .get_ok(
            &format!("/api/v1/me/360?period_id={}", r.period),
            r.token(LURAH),
        )
        .await;
    let open_periods = r.app.get_ok("/api/v1/me/360", r.token(LURAH)).await;

    let items = inbox["items"].as_array().expect("items");
    // Self first, then the three staff as their supervisor, then the Camat as subordinate.
    assert_eq!(items.len(), 5, "{inbox}");
    assert_eq!(items[4]["group"], "subordinate");
    assert_eq!(items[4]["ratee"]["nip"], CAMAT);
    assert_eq!(items[0]["group"], "self");
    let a = items
        .iter()
        .find(|f| f["ratee"]["nip"] == STAF_A)
        .expect("form");
    assert_eq!(a["group"], "supervisor");
    assert_eq!(a["status"], "draft");
    assert_eq!(a["scores"], json!({ "kompeten": 5 }));
    assert_eq!(a["overall_comment"], "Bagus");
    assert_eq!(a["ratee"]["unit_code"], "CKN-KEL-CB");
    assert_eq!(a["editable"], true);
    assert_eq!(open_periods["items"].as_array().expect("items").len(), 5);
}

#[tokio::test]
async fn without_a_360_round_peers_cannot_be_assigned() {
    let r = round().await;
    let resp = r
        .app
        .client
        .patch(r.app.url(&format!("/api/v1/periods/{}", r.period)))
        .bearer_auth(&r.admin)
        .json(&json!({ "run_360": false }))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::OK);

    let peers = r
        .app
        .post_json(
            &format!("/api/v1/periods/{}/employees/{LURAH}/peers", r.period),
            &r.hr,
            &json!({ "nips": [PEER_1] }),
        )
        .await;

    assert_error(peers, StatusCode::CONFLICT, "no_360_round").await;
}

#[tokio::test]
async fn the_public_group_maps_the_citizen_index_onto_one_to_five() {
    use chrono::Datelike;
    let app = spawn_app_with(crate::helpers::generous_feedback_limits).await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    // The quarter of today (local time), so the citizens' submissions fall inside it.
    let today = (chrono::Utc::now() + chrono::Duration::minutes(480)).date_naive();
    let first_month = (today.month() - 1) / 3 * 3 + 1;
    let starts = chrono::NaiveDate::from_ymd_opt(today.year(), first_month, 1).expect("date");
    let ends = starts
        .checked_add_months(chrono::Months::new(3))
        .and_then(|d| d.pred_opt())
        .expect("date");
    let period = assert_json(
        app.post_json(
            "/api/v1/periods",
            &admin,
            &json!({ "year": today.year(), "kind": "quarterly", "starts_on": starts, "ends_on": ends }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let target = app
        .employee_feedback_target(&admin, "CKN-KEL-CB", LURAH)
        .await;
    let public = target["token"].as_str().expect("token").to_string();
    let path = format!("/api/v1/periods/{period}/employees/{LURAH}/360");
    // U6 = 4 and U7 = 3 from every citizen: index (4 + 3) ÷ 2 × 25 = 87.50. U1 varies so
    // no submission looks like a repeat.
    let answers = |i: i64| [i % 4 + 1, i / 4 + 1, 3, 3, 3, 4, 3, 3, 3];
    for i in 0..4 {
        app.submit_answers(&public, answers(i)).await;
    }
    // The summary has numbers only once the round is released (ADR 0013).
    Round::record_release(&app, &period).await;

    let four = app.get_ok(&path, &admin).await;
    app.submit_answers(&public, answers(4)).await;
    let five = app.get_ok(&path, &admin).await;

    let g = group(&four, "public");
    assert_eq!(
        (g["responses"].clone(), g["visible"].clone()),
        (json!(null), json!(false)),
        "{four}"
    );
    assert!(g["mean"].is_null() && g["public_index"].is_null(), "{four}");
    assert!(four["weighted_mean"].is_null());
    let g = group(&five, "public");
    assert_eq!(g["min_responses"], 5);
    assert_eq!(g["visible"], true, "{five}");
    assert_eq!(g["public_index"], 87.5);
    // m = 1 + (87.50 − 25) × 4 ÷ 75 = 4.333… → 4.33, alone → Di Atas.
    assert_eq!(g["mean"], 4.33);
    assert_eq!(five["weighted_mean"], 4.33);
    assert_eq!(five["suggested_rating"], "di_atas");
}

#[tokio::test]
async fn a_rejected_peer_stops_counting_and_approving_again_restores_their_answers() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3]).await;
    for p in [PEER_1, PEER_2, PEER_3] {
        r.rate(p, LURAH, 4, None).await;
    }
    let form = r.form_id(PEER_3, LURAH).await;
    let peers = r
        .app
        .get_ok(
            &format!("/api/v1/periods/{}/employees/{LURAH}/peers", r.period),
            r.token(CAMAT),
        )
        .await;
    let id = peers["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["nip"] == PEER_3)
        .expect("peer 3")["id"]
        .as_str()
        .expect("id")
        .to_string();

    let rejected = r
        .app
        .post_json(
            &format!("/api/v1/ratings360/{id}/reject"),
            &r.hr,
            &json!({}),
        )
        .await;
    let while_rejected = r.summary(LURAH, &r.hr).await;
    let hidden_form = r
        .app
        .get(&format!("/api/v1/ratings360/{form}"), r.token(PEER_3))
        .await;
    let approved = r
        .app
        .post_json(
            &format!("/api/v1/ratings360/{id}/approve"),
            &r.hr,
            &json!({}),
        )
        .await;
    let after = r.summary(LURAH, &r.hr).await;
    let restored = r
        .app
        .get_ok(&format!("/api/v1/ratings360/{form}"), r.token(PEER_3))
        .await;

    assert_eq!(
        assert_json(rejected, StatusCode::OK).await["state"],
        "rejected"
    );
    assert!(group(&while_rejected, "peer")["responses"].is_null());
    assert_eq!(
        group(&while_rejected, "peer")["count_below_threshold"],
        true
    );
    assert_eq!(group(&while_rejected, "peer")["visible"], false);
    assert_error(hidden_form, StatusCode::NOT_FOUND, "not_found").await;
    // The organiser hears "approved", never whether the peer had answered.
    assert_eq!(
        assert_json(approved, StatusCode::OK).await["state"],
        "approved"
    );
    assert_eq!(group(&after, "peer")["responses"], 3);
    assert_eq!(restored["status"], "submitted");
    // The restored answers count again (3 responses) but stay sealed.
    assert_eq!(restored["scores"], json!({}));
}
