//! Webhooks (ADR 0021): a receiver started by the test gets signed deliveries when a period
//! is published and when an appeal changes a predikat; a failing receiver is retried with
//! the shared backoff (its second shrunk to 10 ms) until it answers; the delivery log shows
//! every attempt; a delivery is sent again by hand; who may manage webhooks; URL checks.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::evaluations::{approve_skp, close_finalise_publish, open_q2, rate};
use crate::helpers::{
    CAMAT, LURAH, PASSWORD, STAF_A, TestApp, assert_error, assert_json, penilai_answers_appeal,
    seed_hierarchy, spawn_app_with,
};
use kinerja::config::{Environment, Settings};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One request the receiver got: lower-cased headers and the raw body.
#[derive(Clone, Debug)]
struct Received {
    headers: HashMap<String, String>,
    body: String,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("body is JSON")
    }
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }
}

/// A plain HTTP receiver on 127.0.0.1:0 that records every request and answers with the
/// queued status codes (200 once they run out).
#[derive(Clone)]
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Received>>>,
    answers: Arc<Mutex<VecDeque<u16>>>,
}

async fn read_request(stream: &mut tokio::net::TcpStream) -> Option<Received> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let headers: HashMap<String, String> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + len {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..head_end + len]).to_string();
    Some(Received { headers, body })
}

impl Receiver {
    async fn start(answers: &[u16]) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind receiver");
        let port = listener.local_addr().expect("addr").port();
        let r = Receiver {
            url: format!("http://127.0.0.1:{port}/kinerja/hooks"),
            got: Arc::default(),
            answers: Arc::new(Mutex::new(answers.iter().copied().collect())),
        };
        let me = r.clone();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let me = me.clone();
                tokio::spawn(async move {
                    let Some(req) = read_request(&mut stream).await else {
                        return;
                    };
                    me.got.lock().expect("lock").push(req);
                    let code = me.answers.lock().expect("lock").pop_front().unwrap_or(200);
                    let reply = format!(
                        "HTTP/1.1 {code} X\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok"
                    );
                    let _ = stream.write_all(reply.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        r
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().expect("lock").clone()
    }

    /// Waits (up to 15 s) until `n` requests arrived; returns them.
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..300 {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("receiver got {} of {n} requests", self.received().len());
    }
}

/// HMAC-SHA256 written out here (RFC 2104), independent of the server's code.
fn hmac_sha256_hex(key: &[u8], msg: &[u8]) -> String {
    let mut k = [0u8; 64];
    if key.len() > 64 {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let ipad: Vec<u8> = k.iter().map(|b| b ^ 0x36).collect();
    let opad: Vec<u8> = k.iter().map(|b| b ^ 0x5c).collect();
    let inner = Sha256::new()
        .chain_update(&ipad)
        .chain_update(msg)
        .finalize();
    let outer = Sha256::new()
        .chain_update(&opad)
        .chain_update(inner)
        .finalize();
    outer.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks `X-Kinerja-Signature` of a request against the secret: a fresh timestamp and the
/// HMAC of "<t>.<raw body>".
fn assert_signed(r: &Received, secret: &str) {
    let sig = r.header("x-kinerja-signature");
    let (t, v1) = sig
        .split_once(',')
        .and_then(|(t, v)| Some((t.strip_prefix("t=")?, v.strip_prefix("v1=")?)))
        .unwrap_or_else(|| panic!("signature header malformed: {sig:?}"));
    let t: i64 = t.parse().expect("unix time");
    let age = chrono::Utc::now().timestamp() - t;
    assert!((0..=60).contains(&age), "timestamp {t} is {age} s old");
    assert_eq!(
        v1,
        hmac_sha256_hex(secret.as_bytes(), format!("{t}.{}", r.body).as_bytes()),
        "signature does not match the body"
    );
    assert_ne!(
        v1,
        hmac_sha256_hex(b"another secret", format!("{t}.{}", r.body).as_bytes())
    );
}

/// A fast worker: polls every 50 ms, one retry-schedule second lasts 10 ms.
fn fast(s: &mut Settings) {
    s.webhook_poll_ms = 50;
    s.webhook_retry_unit_ms = 10;
}

async fn register(app: &TestApp, token: &str, url: &str, events: &[&str]) -> Value {
    assert_json(
        app.post_json(
            "/api/v1/webhooks",
            token,
            &json!({ "url": url, "events": events, "description": "SIMPEG uji" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

/// STAF_A rated Kurang by the lurah, Triwulan II published; returns (admin, period).
async fn publish_q2(app: &TestApp) -> (String, String) {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    approve_skp(app, STAF_A).await;
    let period = open_q2(app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    assert_json(
        rate(app, &lurah, &period, STAF_A, "kurang", true).await,
        StatusCode::OK,
    )
    .await;
    close_finalise_publish(app, &admin, &period, "CKN-KEL-CB").await;
    (admin, period)
}

async fn deliveries(app: &TestApp, token: &str, hook: &str) -> Value {
    app.get_ok(&format!("/api/v1/webhooks/{hook}/deliveries"), token)
        .await
}

/// Waits (up to 15 s) until the webhook's newest delivery satisfies `done`.
async fn wait_log(app: &TestApp, token: &str, hook: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..300 {
        let list = deliveries(app, token, hook).await;
        if list
            .as_array()
            .is_some_and(|l| l.iter().all(&done) && !l.is_empty())
        {
            return list;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "delivery log never settled: {}",
        deliveries(app, token, hook).await
    );
}

#[tokio::test]
async fn a_published_period_reaches_the_hr_system_signed_with_its_results() {
    let app = spawn_app_with(fast).await;
    let admin = app.admin_token().await;
    let key = app
        .create_api_key(&admin, "SIMPEG", &["webhooks:write", "results:read"])
        .await;
    let key = key["key"].as_str().expect("key").to_string();
    let receiver = Receiver::start(&[]).await;
    let hook = register(
        &app,
        &key,
        &receiver.url,
        &["period.published", "result.ready"],
    )
    .await;
    let secret = hook["secret"]
        .as_str()
        .expect("secret shown once")
        .to_string();
    assert!(secret.len() >= 32);
    assert_eq!(hook["events"], json!(["period.published", "result.ready"]));
    // The secret is never shown again.
    let again = app
        .get_ok(
            &format!("/api/v1/webhooks/{}", hook["id"].as_str().expect("id")),
            &key,
        )
        .await;
    assert!(again.get("secret").is_none(), "{again}");

    let (_, period) = publish_q2(&app).await;
    let got = receiver.wait_for(2).await;

    let mut kinds: Vec<&str> = got.iter().map(|r| r.header("x-kinerja-event")).collect();
    kinds.sort();
    assert_eq!(kinds, ["period.published", "result.ready"]);
    for r in &got {
        assert_signed(r, &secret);
        let body = r.json();
        assert_eq!(
            r.header("x-kinerja-delivery"),
            body["id"].as_str().expect("id")
        );
        assert_eq!(r.header("x-kinerja-event"), body["kind"]);
        assert_eq!(r.header("content-type"), "application/json");
        assert!(
            body["occurred_at"]
                .as_str()
                .is_some_and(|t| t.ends_with('Z'))
        );
    }
    let published = got
        .iter()
        .find(|r| r.header("x-kinerja-event") == "period.published")
        .expect("period.published")
        .json();
    assert_eq!(published["data"]["period_id"], period.as_str());
    assert_eq!(published["data"]["name"], "Triwulan II 2026");
    assert_eq!(published["data"]["results"], 1);
    let result = got
        .iter()
        .find(|r| r.header("x-kinerja-event") == "result.ready")
        .expect("result.ready")
        .json();
    assert_eq!(result["data"]["nip"], STAF_A);
    assert_eq!(result["data"]["period_id"], period.as_str());
    assert_eq!(result["data"]["rating_hasil_kerja"], "sesuai");
    assert_eq!(result["data"]["rating_perilaku"], "di_bawah");
    assert_eq!(result["data"]["predikat"], "kurang");
    // Only the employee's own result: no supervisor, rater or free text.
    let mut fields: Vec<&str> = result["data"]
        .as_object()
        .expect("data")
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "employee_id",
            "golongan",
            "jabatan",
            "nip",
            "period_id",
            "period_name",
            "predikat",
            "rating_hasil_kerja",
            "rating_perilaku",
            "unit_id",
            "year"
        ]
    );

    // The log says delivered at the first attempt, with the receiver's 200.
    let log = wait_log(&app, &key, hook["id"].as_str().expect("id"), |d| {
        d["status"] == "delivered"
    })
    .await;
    assert_eq!(log.as_array().expect("list").len(), 2);
    for d in log.as_array().expect("list") {
        assert_eq!(d["attempts"], 1);
        assert_eq!(d["log"][0]["status_code"], 200);
        assert!(d["log"][0]["error"].is_null());
        assert!(d["delivered_at"].is_string());
    }
    // Delivered once: nothing more arrives.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(receiver.received().len(), 2);
}

#[tokio::test]
async fn an_appeal_that_changes_the_predikat_is_delivered_with_before_and_after() {
    let app = spawn_app_with(fast).await;
    let admin = app.admin_token().await;
    let receiver = Receiver::start(&[]).await;
    let hook = register(&app, &admin, &receiver.url, &["predikat.changed"]).await;
    let secret = hook["secret"].as_str().expect("secret").to_string();
    let (_, period) = publish_q2(&app).await;
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    let filed = assert_json(
        app.post_json(
            &format!("/api/v1/periods/{period}/evaluations/{STAF_A}/appeal"),
            &staf,
            &json!({ "reasons": "Target layanan terpenuhi, bukti sudah diunggah" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    // The lurah signed in to rate; the same account writes the statement.
    let lurah = app.login_token(LURAH, PASSWORD).await;
    penilai_answers_appeal(&app, &lurah, filed["id"].as_str().expect("id")).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    assert_json(
        app.post_json(
            &format!(
                "/api/v1/appeals/{}/decide",
                filed["id"].as_str().expect("id")
            ),
            &camat,
            &json!({
                "decision": "change", "rating_perilaku": "sesuai",
                "reason": "Bukti perilaku pelayanan baik dari dua survei"
            }),
        )
        .await,
        StatusCode::OK,
    )
    .await;

    // Subscribed to predikat.changed only: the publication sent nothing.
    let got = receiver.wait_for(1).await;
    assert_eq!(got.len(), 1);
    let r = &got[0];
    assert_eq!(r.header("x-kinerja-event"), "predikat.changed");
    assert_signed(r, &secret);
    let body = r.json();
    assert_eq!(body["data"]["nip"], STAF_A);
    assert_eq!(body["data"]["period_id"], period.as_str());
    assert_eq!(body["data"]["appeal_id"], filed["id"]);
    assert_eq!(body["data"]["previous"]["predikat"], "kurang");
    assert_eq!(body["data"]["current"]["predikat"], "baik");
    assert_eq!(body["data"]["current"]["rating_perilaku"], "sesuai");
    // The appeal's statements and the decision's reason stay inside.
    assert!(!r.body.contains("Bukti perilaku"), "{}", r.body);
    assert!(!r.body.contains("Target layanan"), "{}", r.body);
}

#[tokio::test]
async fn a_failing_receiver_is_retried_until_it_answers_and_can_be_sent_again_by_hand() {
    let app = spawn_app_with(fast).await;
    let admin = app.admin_token().await;
    let receiver = Receiver::start(&[500, 503]).await;
    let hook = register(&app, &admin, &receiver.url, &["period.published"]).await;
    let hook_id = hook["id"].as_str().expect("id").to_string();
    let secret = hook["secret"].as_str().expect("secret").to_string();
    publish_q2(&app).await;

    // 500, then 503 (after 30 "seconds"), then 200 (after 60): the same delivery each time.
    let got = receiver.wait_for(3).await;
    let ids: Vec<&str> = got.iter().map(|r| r.header("x-kinerja-delivery")).collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    assert!(
        got.iter().all(|r| r.body == got[0].body),
        "the body never changes"
    );
    for r in &got {
        assert_signed(r, &secret);
    }
    let log = wait_log(&app, &admin, &hook_id, |d| d["status"] == "delivered").await;
    let d = &log[0];
    assert_eq!(d["id"], ids[0]);
    assert_eq!(d["attempts"], 3);
    let codes: Vec<&Value> = d["log"]
        .as_array()
        .expect("log")
        .iter()
        .map(|a| &a["status_code"])
        .collect();
    assert_eq!(codes, [&json!(500), &json!(503), &json!(200)]);
    assert!(
        d["log"][0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("500"))
    );
    assert!(d["log"][2]["error"].is_null());
    assert!(
        d["log"]
            .as_array()
            .expect("log")
            .iter()
            .all(|a| a["duration_ms"].as_i64().is_some_and(|ms| ms >= 0))
    );

    // Sent again by hand: same id and body, a fourth attempt in the log.
    let resp = app
        .post_json(
            &format!("/api/v1/webhooks/{hook_id}/deliveries/{}/redeliver", ids[0]),
            &admin,
            &json!({}),
        )
        .await;
    let queued = assert_json(resp, StatusCode::ACCEPTED).await;
    assert_eq!(queued["status"], "pending");
    let got = receiver.wait_for(4).await;
    assert_eq!(got[3].header("x-kinerja-delivery"), ids[0]);
    assert_eq!(got[3].body, got[0].body);
    let log = wait_log(&app, &admin, &hook_id, |d| d["attempts"] == 4).await;
    assert_eq!(log[0]["status"], "delivered");
    assert_eq!(log[0]["log"].as_array().expect("log").len(), 4);

    // An unknown delivery is a 404.
    let resp = app
        .post_json(
            &format!(
                "/api/v1/webhooks/{hook_id}/deliveries/{}/redeliver",
                uuid::Uuid::now_v7()
            ),
            &admin,
            &json!({}),
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_receiver_that_never_answers_well_is_given_up_after_the_last_attempt() {
    let app = spawn_app_with(|s| {
        s.webhook_poll_ms = 20;
        // The whole schedule (8 attempts, up to 6 h between them) in well under a second.
        s.webhook_retry_unit_ms = 0;
    })
    .await;
    let admin = app.admin_token().await;
    let receiver = Receiver::start(&[500; 20]).await;
    let hook = register(&app, &admin, &receiver.url, &["period.published"]).await;
    let hook_id = hook["id"].as_str().expect("id").to_string();
    publish_q2(&app).await;
    let log = wait_log(&app, &admin, &hook_id, |d| d["status"] == "failed").await;
    assert_eq!(log[0]["attempts"], 8);
    assert!(log[0]["next_attempt_at"].is_null());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(receiver.received().len(), 8, "no attempt after giving up");
}

#[tokio::test]
async fn with_the_worker_disabled_deliveries_wait_in_the_outbox() {
    let app = spawn_app_with(|s| {
        fast(s);
        s.webhooks_enabled = false;
    })
    .await;
    let admin = app.admin_token().await;
    let receiver = Receiver::start(&[]).await;
    let hook = register(&app, &admin, &receiver.url, &["period.published"]).await;
    publish_q2(&app).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(receiver.received().is_empty());
    let log = deliveries(&app, &admin, hook["id"].as_str().expect("id")).await;
    assert_eq!(log[0]["status"], "pending");
    assert_eq!(log[0]["kind"], "period.published");
    assert_eq!(log[0]["attempts"], 0);
}

#[tokio::test]
async fn only_the_admin_and_keys_with_the_webhooks_scope_manage_webhooks_each_their_own() {
    let app = spawn_app_with(fast).await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let by_admin = register(
        &app,
        &admin,
        "https://simpeg.example.go.id/a",
        &["result.ready"],
    )
    .await;
    let admin_hook = by_admin["id"].as_str().expect("id").to_string();
    let with_scope = app
        .create_api_key(&admin, "SIMPEG", &["webhooks:write"])
        .await;
    let with_scope = with_scope["key"].as_str().expect("key").to_string();
    let without = app
        .create_api_key(&admin, "Lain", &["results:read", "master:write"])
        .await;
    let without = without["key"].as_str().expect("key").to_string();
    let employee = app.employee_token(STAF_A, &["employee"]).await;
    let hr = app.role_token("hr").await;
    let body = json!({ "url": "https://simpeg.example.go.id/b", "events": ["period.published"] });

    for token in [&employee, &without, &hr] {
        assert_error(
            app.post_json("/api/v1/webhooks", token, &body).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
        assert_error(
            app.get("/api/v1/webhooks", token).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
        assert_error(
            app.get(&format!("/api/v1/webhooks/{admin_hook}/deliveries"), token)
                .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let anonymous = app.get_anonymous("/api/v1/webhooks").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    // The key manages its own webhook; the admin's is invisible to it (404).
    let own = register(
        &app,
        &with_scope,
        "https://simpeg.example.go.id/b",
        &["period.published"],
    )
    .await;
    let own_id = own["id"].as_str().expect("id");
    let listed = app.get_ok("/api/v1/webhooks", &with_scope).await;
    let ids: Vec<&str> = listed
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|w| w["id"].as_str())
        .collect();
    assert_eq!(ids, [own_id]);
    assert!(listed[0].get("secret").is_none());
    for path in [
        format!("/api/v1/webhooks/{admin_hook}"),
        format!("/api/v1/webhooks/{admin_hook}/deliveries"),
    ] {
        assert_error(
            app.get(&path, &with_scope).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    assert_error(
        app.delete(&format!("/api/v1/webhooks/{admin_hook}"), &with_scope)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // The admin sees both.
    let all = app.get_ok("/api/v1/webhooks", &admin).await;
    assert_eq!(all.as_array().expect("list").len(), 2);

    // The key changes and removes its own.
    let changed = assert_json(
        app.put_json(
            &format!("/api/v1/webhooks/{own_id}"),
            &with_scope,
            &json!({
                "url": "https://simpeg.example.go.id/c", "events": ["result.ready", "predikat.changed"],
                "description": "baru", "active": false
            }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(changed["url"], "https://simpeg.example.go.id/c");
    assert_eq!(
        changed["events"],
        json!(["result.ready", "predikat.changed"])
    );
    assert_eq!(changed["active"], false);
    let resp = app
        .delete(&format!("/api/v1/webhooks/{own_id}"), &with_scope)
        .await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_error(
        app.get(&format!("/api/v1/webhooks/{own_id}"), &with_scope)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Registration and removal are audited, without the secret.
    let audit = app
        .get_ok("/api/v1/audit?object_type=webhook", &admin)
        .await;
    let text = audit.to_string();
    assert!(
        text.contains("webhook.create") && text.contains("webhook.delete"),
        "{text}"
    );
    assert!(!text.contains(by_admin["secret"].as_str().expect("secret")));
}

#[tokio::test]
async fn receiver_urls_and_event_kinds_are_checked() {
    let app = spawn_app_with(fast).await;
    let admin = app.admin_token().await;
    for url in [
        "ftp://simpeg.example.go.id/h",
        "javascript:alert(1)",
        "https://user:rahasia@simpeg.example.go.id/h",
        "https://simpeg.example.go.id/h#x",
        "simpeg.example.go.id/h",
        "",
    ] {
        let resp = app
            .post_json(
                "/api/v1/webhooks",
                &admin,
                &json!({ "url": url, "events": ["result.ready"] }),
            )
            .await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(body["error"]["fields"]["url"].is_array(), "{url}: {body}");
    }
    for events in [json!([]), json!(["period.closed"])] {
        let resp = app
            .post_json(
                "/api/v1/webhooks",
                &admin,
                &json!({ "url": "https://simpeg.example.go.id/h", "events": events }),
            )
            .await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(body["error"]["fields"]["events"].is_array(), "{body}");
    }
    // Outside production a plain http receiver is allowed.
    register(
        &app,
        &admin,
        "http://simpeg.example.go.id/h",
        &["result.ready"],
    )
    .await;
}

#[tokio::test]
async fn production_accepts_http_only_to_the_local_machine() {
    let app = spawn_app_with(|s| s.env = Environment::Production).await;
    let admin = app.admin_token().await;
    let resp = app
        .post_json(
            "/api/v1/webhooks",
            &admin,
            &json!({ "url": "http://simpeg.example.go.id/h", "events": ["result.ready"] }),
        )
        .await;
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["url"].is_array(), "{body}");
    register(&app, &admin, "http://127.0.0.1:9/h", &["result.ready"]).await;
    register(
        &app,
        &admin,
        "https://simpeg.example.go.id/h",
        &["result.ready"],
    )
    .await;
}
