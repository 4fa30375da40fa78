//! Notifications (ADR 0024): notices written with the change, the caller's own list and
//! read marks, email preferences, deadline reminders written once, and emails delivered
//! to a REAL SMTP receiver (aiosmtpd, installed by `scripts/smtp-receiver.sh`).

use crate::evaluations::{act as period_act, create_quarter};
use crate::helpers::{LURAH, STAF_A, TestApp, assert_error, assert_json, spawn_app_with};
use crate::skp::{act, people, plan, save, skp_path};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use uuid::Uuid;

const STAF_A_EMAIL: &str = "staf.a@mataram.test";
const LURAH_EMAIL: &str = "lurah@mataram.test";

/// aiosmtpd on a free port, writing each message to a folder; stopped when dropped.
struct SmtpReceiver {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl SmtpReceiver {
    fn start() -> SmtpReceiver {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let install = Command::new("bash")
            .arg(root.join("scripts/smtp-receiver.sh"))
            .stderr(Stdio::inherit())
            .output()
            .expect("run scripts/smtp-receiver.sh");
        assert!(
            install.status.success(),
            "the SMTP receiver (aiosmtpd from PyPI) could not be installed by \
             scripts/smtp-receiver.sh: the notification tests need it (python3-venv and pip)"
        );
        let python = String::from_utf8(install.stdout).expect("utf-8");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let dir = std::env::temp_dir().join(format!("kinerja-smtp-{}", Uuid::new_v4().simple()));
        let mut child = Command::new(python.trim())
            .arg(root.join("scripts/smtp_receiver.py"))
            .arg(port.to_string())
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the SMTP receiver");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read READY");
        assert_eq!(line.trim(), "READY", "the SMTP receiver did not start");
        SmtpReceiver { child, dir, port }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn messages(&self) -> Vec<Value> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .map(|e| {
                serde_json::from_str(&std::fs::read_to_string(e.path()).expect("read message"))
                    .expect("message json")
            })
            .collect()
    }

    /// Waits (up to 30 s) for a message to `to` whose subject contains `subject`.
    async fn wait_for(&self, to: &str, subject: &str) -> Value {
        let start = Instant::now();
        loop {
            if let Some(m) = self.messages().into_iter().find(|m| {
                m["rcpt_tos"][0] == to && m["subject"].as_str().unwrap_or("").contains(subject)
            }) {
                return m;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no email to {to} with subject '{subject}' arrived; got {:?}",
                self.messages()
                    .iter()
                    .map(|m| (m["rcpt_tos"].clone(), m["subject"].clone()))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for SmtpReceiver {
    fn drop(&mut self) {
        if let Some(mut stdin) = self.child.stdin.take() {
            let _ = stdin.flush();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn set_email(app: &TestApp, nip: &str, email: &str) {
    entity::user::Entity::update_many()
        .col_expr(entity::user::Column::Email, Expr::value(email))
        .filter(entity::user::Column::Nip.eq(nip))
        .exec(&app.db.write)
        .await
        .expect("set email");
}

async fn notifications(app: &TestApp, token: &str) -> Value {
    assert_json(
        app.get("/api/v1/me/notifications", token).await,
        StatusCode::OK,
    )
    .await
}

/// The local date the reminder job uses (WITA by default).
fn today(app: &TestApp) -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&app.settings.local_offset())
        .date_naive()
}

async fn set_evaluation_deadline(app: &TestApp, period: &str, d: chrono::NaiveDate) {
    let m = entity::period::Entity::find_by_id(period.parse::<Uuid>().expect("uuid"))
        .one(&app.db.read)
        .await
        .expect("query")
        .expect("period");
    let mut am: entity::period::ActiveModel = m.into();
    am.evaluation_deadline = Set(Some(d));
    am.update(&app.db.write).await.expect("update period");
}

async fn spawn_with_smtp(smtp: &SmtpReceiver) -> TestApp {
    let url = smtp.url();
    spawn_app_with(move |s| {
        s.smtp_url = Some(url);
        s.mail_interval_secs = 1;
        s.reminder_interval_secs = 1;
        s.public_base_url = Some("https://kinerja.mataram.test".into());
    })
    .await
}

#[tokio::test]
async fn a_returned_skp_reaches_the_employee_in_the_app_and_by_email_in_indonesian() {
    let smtp = SmtpReceiver::start();
    let app = spawn_with_smtp(&smtp).await;
    let who = people(&app).await;
    set_email(&app, STAF_A, STAF_A_EMAIL).await;
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    assert_eq!(
        act(&app, &who.staf_a, STAF_A, 2026, "submit")
            .await
            .status(),
        StatusCode::OK
    );
    let resp = app
        .post_json(
            &format!("{}/return", skp_path(STAF_A, 2026)),
            &who.lurah,
            &json!({ "reason": "Target belum terukur" }),
        )
        .await;
    assert_json(resp, StatusCode::OK).await;

    let list = notifications(&app, &who.staf_a).await;
    assert_eq!(list["unread"], 1);
    assert_eq!(list["meta"]["total"], 1);
    let n = &list["items"][0];
    assert_eq!(n["kind"], "skp_returned");
    assert_eq!(n["category"], "skp");
    assert_eq!(n["title"], "SKP 2026 dikembalikan");
    assert_eq!(n["link"], "/kinerja/skp");
    assert!(n["read_at"].is_null());
    // The supervisor who acted is told nothing.
    assert_eq!(notifications(&app, &who.lurah).await["meta"]["total"], 0);

    let mail = smtp.wait_for(STAF_A_EMAIL, "SKP 2026 dikembalikan").await;
    assert_eq!(mail["subject"], "[Kinerja360] SKP 2026 dikembalikan");
    let body = mail["body"].as_str().expect("body");
    assert!(body.contains("dikembalikan oleh atasan langsung"), "{body}");
    assert!(body.contains("Alasan: Target belum terukur"), "{body}");
    assert!(
        body.contains("https://kinerja.mataram.test/kinerja/skp"),
        "{body}"
    );
    for secret in [
        who.staf_a.as_str(),
        crate::helpers::JWT_SECRET,
        crate::helpers::AUDIT_KEY,
        crate::helpers::PASSWORD,
    ] {
        assert!(!mail["data"].as_str().expect("raw").contains(secret));
    }

    // Read marks: only the owner's; another account's notification is a 404.
    let id = n["id"].as_str().expect("id");
    let path = format!("/api/v1/me/notifications/{id}/read");
    let resp = app.post_json(&path, &who.lurah, &json!({})).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let read = assert_json(
        app.post_json(&path, &who.staf_a, &json!({})).await,
        StatusCode::OK,
    )
    .await;
    assert!(read["read_at"].is_string());
    assert_eq!(notifications(&app, &who.staf_a).await["unread"], 0);
}

#[tokio::test]
async fn a_deadline_reminder_is_written_and_emailed_once_and_preferences_stop_emails() {
    let smtp = SmtpReceiver::start();
    let app = spawn_with_smtp(&smtp).await;
    let who = people(&app).await;
    set_email(&app, STAF_A, STAF_A_EMAIL).await;
    set_email(&app, LURAH, LURAH_EMAIL).await;

    // Staf A switches SKP emails off: the approval is in the app only.
    let prefs = assert_json(
        app.put_json(
            "/api/v1/me/notification-preferences",
            &who.staf_a,
            &json!({ "categories": [{ "category": "skp", "email": false }] }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(prefs["email_available"], true);
    let skp = prefs["categories"]
        .as_array()
        .expect("categories")
        .iter()
        .find(|c| c["category"] == "skp")
        .expect("skp");
    assert_eq!(skp["email"], false);
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    assert_eq!(
        act(&app, &who.lurah, STAF_A, 2026, "approve")
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        notifications(&app, &who.staf_a).await["items"][0]["kind"],
        "skp_approved"
    );

    // The Lurah has members without a final evaluation, 3 days before the deadline.
    let admin = &who.admin;
    let period = create_quarter(&app, admin, 2).await;
    period_act(&app, admin, &period, "open").await;
    let deadline = today(&app) + chrono::Duration::days(3);
    set_evaluation_deadline(&app, &period, deadline).await;

    let mail = smtp.wait_for(LURAH_EMAIL, "batas penilaian kinerja").await;
    assert_eq!(
        mail["subject"],
        "[Kinerja360] Pengingat: batas penilaian kinerja Triwulan II 2026 3 hari lagi"
    );
    let body = mail["body"].as_str().expect("body");
    assert!(
        body.contains(&format!(
            "tinggal 3 hari lagi ({})",
            deadline.format("%d-%m-%Y")
        )),
        "{body}"
    );
    assert!(body.contains("belum Anda nilai"), "{body}");
    assert!(body.contains("https://kinerja.mataram.test/tim"), "{body}");

    // Several more runs of the job (1 s apart) write nothing more.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let lurah = notifications(&app, &who.lurah).await;
    let reminders: Vec<&Value> = lurah["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|n| n["kind"] == "reminder_evaluation")
        .collect();
    assert_eq!(reminders.len(), 1, "{lurah}");
    assert_eq!(reminders[0]["category"], "reminder");
    let to_lurah = smtp
        .messages()
        .into_iter()
        .filter(|m| m["rcpt_tos"][0] == LURAH_EMAIL)
        .count();
    assert_eq!(to_lurah, 1);
    // Staf A has no member to rate: no reminder; and no email for the approved SKP.
    assert!(
        notifications(&app, &who.staf_a).await["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|n| n["kind"] != "reminder_evaluation")
    );
    assert!(
        smtp.messages()
            .iter()
            .all(|m| m["rcpt_tos"][0] != STAF_A_EMAIL)
    );

    // Mark all read.
    let marked = assert_json(
        app.post_json("/api/v1/me/notifications/read-all", &who.lurah, &json!({}))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(marked["marked"], 1);
    assert_eq!(notifications(&app, &who.lurah).await["unread"], 0);
}

#[tokio::test]
async fn without_an_smtp_server_nothing_is_queued_and_api_keys_have_no_inbox() {
    let app = spawn_app_with(|_| {}).await;
    let who = people(&app).await;
    set_email(&app, STAF_A, STAF_A_EMAIL).await;
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    act(&app, &who.lurah, STAF_A, 2026, "approve").await;
    assert_eq!(notifications(&app, &who.staf_a).await["unread"], 1);
    let queued = entity::email_outbox::Entity::find()
        .all(&app.db.read)
        .await
        .expect("outbox");
    assert!(queued.is_empty());
    let prefs = app
        .get_ok("/api/v1/me/notification-preferences", &who.staf_a)
        .await;
    assert_eq!(prefs["email_available"], false);
    assert_eq!(prefs["categories"].as_array().expect("list").len(), 6);

    let key = app
        .create_api_key(&who.admin, "hr-system", &["master:read"])
        .await;
    let resp = app
        .get_with_api_key_header(
            "/api/v1/me/notifications",
            key["key"].as_str().expect("key"),
        )
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}
