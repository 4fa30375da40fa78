//! Test harness: `spawn_app` starts the real server on port 0 against a fresh database.
#![allow(dead_code)]

use kinerja::config::Settings;
use kinerja::startup::Application;
use kinerja::store::{Db, users};
use reqwest::{Client, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use std::sync::LazyLock;
use uuid::Uuid;

pub const ADMIN_EMAIL: &str = "admin@test.local";
pub const PASSWORD: &str = "Rahasia#2026";
/// The HMAC secret every test app signs its access tokens with.
pub const JWT_SECRET: &str = "test-secret-0123456789-0123456789-abcdef";
/// The key every test app anchors its audit log with (one per process: the key is global).
pub const AUDIT_KEY: &str = "test-audit-key-0123456789-0123456789-abcdef";

/// One argon2 hash shared by every account the tests create (hashing is the slow part).
static PASSWORD_HASH: LazyLock<String> =
    LazyLock::new(|| kinerja::auth::password::hash(PASSWORD).expect("hash"));

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub client: Client,
    pub db: Db,
    pub settings: Settings,
    cleanup: Option<Cleanup>,
}

enum Cleanup {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if self
            .settings
            .upload_dir
            .starts_with(crate::template::sqlite_dir())
        {
            let _ = std::fs::remove_dir_all(&self.settings.upload_dir);
        }
        match self.cleanup.take() {
            Some(Cleanup::Sqlite(path)) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Some(Cleanup::Postgres { admin_url, name }) => {
                // Drop runs outside async context: use a private runtime on a thread.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("runtime");
                    rt.block_on(async {
                        if let Ok(conn) = Database::connect(admin_url.as_str()).await {
                            let _ = conn
                                .execute_unprepared(&format!(
                                    "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                                ))
                                .await;
                        }
                    });
                })
                .join();
            }
            None => {}
        }
    }
}

/// Settings for a fresh database of the configured engine, copied from the run's migrated
/// template (`template.rs`).
async fn fresh_settings() -> (Settings, Cleanup) {
    let mut settings = Settings {
        bind: "127.0.0.1:0".into(),
        jwt_secret: JWT_SECRET.into(),
        audit_key: AUDIT_KEY.into(),
        log: "warn".into(),
        static_dir: "does-not-exist".into(),
        // Uploads of a test stay in the temp folder, never in the work tree.
        upload_dir: crate::template::sqlite_dir()
            .join(format!("uploads-{}", Uuid::new_v4().simple())),
        ..Settings::default()
    };
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let (db_url, name) = crate::template::pg_database(&url, &settings).await;
            settings.database_url = db_url;
            (
                settings,
                Cleanup::Postgres {
                    admin_url: url,
                    name,
                },
            )
        }
        _ => {
            let (db_url, path) = crate::template::sqlite_database(&settings).await;
            settings.database_url = db_url;
            (settings, Cleanup::Sqlite(path))
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the app with adjusted settings (e.g. a lower login throttle).
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let (mut settings, cleanup) = fresh_settings().await;
    adjust(&mut settings);
    let app = Application::build(settings.clone())
        .await
        .expect("build app");
    let port = app.port();
    let db = app.state.db.clone();
    tokio::spawn(app.run_until_stopped());
    let test_app = TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        client: Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        db,
        settings,
        cleanup: Some(cleanup),
    };
    test_app
        .create_user("Admin Uji", Some(ADMIN_EMAIL), None, None, &["admin"])
        .await;
    test_app
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Creates an account directly in the database.
    pub async fn create_user(
        &self,
        name: &str,
        email: Option<&str>,
        nip: Option<&str>,
        employee_id: Option<Uuid>,
        roles: &[&str],
    ) -> Uuid {
        users::insert(
            &self.db.write,
            users::NewUser {
                employee_id,
                name: name.into(),
                nip: nip.map(str::to_string),
                email: email.map(str::to_string),
                password_hash: PASSWORD_HASH.clone(),
                roles: roles.iter().map(|r| r.to_string()).collect(),
            },
        )
        .await
        .expect("insert user")
        .id
    }

    /// Creates an account for an existing employee (by NIP), signs in, returns the token.
    pub async fn employee_token(&self, nip: &str, roles: &[&str]) -> String {
        let e = kinerja::store::employees::find_by_nip(&self.db.read, nip)
            .await
            .expect("query")
            .expect("employee exists");
        self.create_user(&e.name, None, Some(nip), Some(e.id), roles)
            .await;
        self.login_token(nip, PASSWORD).await
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("request")
    }

    pub async fn login_pair(&self, username: &str, password: &str) -> Value {
        let resp = self.login(username, password).await;
        assert_eq!(resp.status(), StatusCode::OK, "login of {username} failed");
        resp.json().await.expect("json")
    }

    pub async fn login_token(&self, username: &str, password: &str) -> String {
        self.login_pair(username, password).await["access_token"]
            .as_str()
            .expect("token")
            .to_string()
    }

    pub async fn admin_token(&self) -> String {
        self.login_token(ADMIN_EMAIL, PASSWORD).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

    pub async fn put_json(&self, path: &str, token: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_json(&self, path: &str, token: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_csv(&self, path: &str, token: &str, csv: &str) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .header("Content-Type", "text/csv")
            .body(csv.to_string())
            .send()
            .await
            .expect("request")
    }

    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

    /// A GET without any credentials.
    pub async fn get_anonymous(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// A GET authenticated with the `X-API-Key` header instead of `Authorization`.
    pub async fn get_with_api_key_header(&self, path: &str, key: &str) -> Response {
        self.client
            .get(self.url(path))
            .header("X-API-Key", key)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_refresh(&self, refresh_token: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/refresh"))
            .json(&json!({ "refresh_token": refresh_token }))
            .send()
            .await
            .expect("request")
    }

    /// A single-use event-stream ticket for a signed-in user.
    pub async fn event_ticket(&self, token: &str) -> String {
        let resp = self
            .post_json("/api/v1/events/ticket", token, &json!({}))
            .await;
        assert_eq!(resp.status(), StatusCode::OK, "event ticket");
        let body: Value = resp.json().await.expect("json");
        body["ticket"].as_str().expect("ticket").to_string()
    }

    /// Opens the event stream the way a browser does: a ticket, then `?ticket=`.
    pub async fn open_events(&self, token: &str) -> Response {
        let ticket = self.event_ticket(token).await;
        self.client
            .get(self.url(&format!("/api/v1/events?ticket={ticket}")))
            .send()
            .await
            .expect("connect")
    }

    /// A POST with the refresh cookie sent by hand (reqwest keeps no `Secure` cookies for
    /// http://127.0.0.1) and no body.
    pub async fn post_with_refresh_cookie(&self, path: &str, refresh_token: &str) -> Response {
        self.client
            .post(self.url(path))
            .header("Cookie", format!("kinerja_refresh={refresh_token}"))
            .send()
            .await
            .expect("request")
    }

    /// Sets a new password with a one-time set-password code.
    pub async fn set_password_with_code(&self, code: &str, new_password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/set-password"))
            .json(&json!({ "code": code, "new_password": new_password }))
            .send()
            .await
            .expect("request")
    }

    /// Creates an API key as the admin; returns the 201 body (with `id` and `key`).
    pub async fn create_api_key(&self, admin_token: &str, name: &str, scopes: &[&str]) -> Value {
        let resp = self
            .post_json(
                "/api/v1/api-keys",
                admin_token,
                &json!({ "name": name, "scopes": scopes }),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::CREATED, "create API key {name}");
        resp.json().await.expect("json")
    }

    /// Upserts a unit; returns the response.
    pub async fn put_unit(
        &self,
        token: &str,
        code: &str,
        name: &str,
        kind: &str,
        parent: Option<&str>,
    ) -> Response {
        self.put_json(
            &format!("/api/v1/units/{code}"),
            token,
            &json!({ "name": name, "kind": kind, "parent_code": parent }),
        )
        .await
    }

    /// GET that must succeed; returns the JSON body.
    pub async fn get_ok(&self, path: &str, token: &str) -> Value {
        let resp = self.get(path, token).await;
        assert_eq!(resp.status(), StatusCode::OK, "GET {path}");
        resp.json().await.expect("json")
    }

    /// A small tree: CKN (kecamatan) with CKN-SEK and two kelurahan.
    pub async fn seed_units(&self, token: &str) {
        for (code, name, kind, parent) in [
            ("CKN", "Kecamatan Cakranegara", "kecamatan", None),
            ("CKN-SEK", "Sekretariat", "sekretariat", Some("CKN")),
            (
                "CKN-KEL-CB",
                "Kelurahan Cakranegara Barat",
                "kelurahan",
                Some("CKN"),
            ),
            ("CKN-KEL-MAY", "Kelurahan Mayura", "kelurahan", Some("CKN")),
        ] {
            let resp = self
                .put_json(
                    &format!("/api/v1/units/{code}"),
                    token,
                    &json!({ "name": name, "kind": kind, "parent_code": parent }),
                )
                .await;
            assert!(
                resp.status().is_success(),
                "seed unit {code}: {}",
                resp.status()
            );
        }
    }

    /// Upserts an employee with sensible defaults; returns the response.
    pub async fn put_employee(
        &self,
        token: &str,
        nip: &str,
        name: &str,
        unit: &str,
        supervisor: Option<&str>,
    ) -> Response {
        self.put_json(
            &format!("/api/v1/employees/{nip}"),
            token,
            &employee_body(name, unit, supervisor),
        )
        .await
    }
}

/// A valid PNS employee body.
/// The `kinerja_refresh` cookie set by a response: `(value, attributes)`.
pub fn refresh_cookie(resp: &Response) -> Option<(String, String)> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let rest = v.strip_prefix("kinerja_refresh=")?;
            let (value, attrs) = rest.split_once(';').unwrap_or((rest, ""));
            Some((value.to_string(), attrs.trim().to_string()))
        })
}

pub fn employee_body(name: &str, unit: &str, supervisor: Option<&str>) -> Value {
    json!({
        "name": name,
        "gelar_belakang": "S.Sos.",
        "status": "PNS",
        "golongan": "III/b",
        "jabatan": "Pengadministrasi Umum",
        "jenis_jabatan": "pelaksana",
        "unit_code": unit,
        "supervisor_nip": supervisor,
        "active": true
    })
}

/// Valid NIPs for tests (PNS unless named otherwise).
pub const CAMAT: &str = "197003152000031001";
pub const LURAH: &str = "198001012005011002";
pub const STAF_A: &str = "199002022015032003";
pub const STAF_B: &str = "199103032016031004";
pub const PPPK: &str = "199207152022212001";

/// Camat → Lurah → two staff, in CKN and CKN-KEL-CB.
pub async fn seed_hierarchy(app: &TestApp, token: &str) {
    app.seed_units(token).await;
    for (nip, name, unit, sup) in [
        (CAMAT, "Lalu Camat", "CKN", None),
        (LURAH, "Baiq Lurah", "CKN-KEL-CB", Some(CAMAT)),
        (STAF_A, "I Made Staf", "CKN-KEL-CB", Some(LURAH)),
        (STAF_B, "Ni Luh Staf", "CKN-KEL-CB", Some(LURAH)),
    ] {
        let resp = app.put_employee(token, nip, name, unit, sup).await;
        assert!(resp.status().is_success(), "seed {nip}: {}", resp.status());
    }
}

/// Asserts the error envelope and returns its body.
pub async fn assert_error(resp: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(resp.status(), status, "unexpected status");
    let body: Value = resp.json().await.expect("error body is JSON");
    assert_eq!(body["error"]["code"], code, "body: {body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    body
}

/// Asserts the status and returns the JSON body.
pub async fn assert_json(resp: Response, status: StatusCode) -> Value {
    let actual = resp.status();
    let text = resp.text().await.expect("body");
    assert_eq!(actual, status, "unexpected status; body: {text}");
    serde_json::from_str(&text).expect("body is JSON")
}

/// The NIPs of a list response, in order.
pub fn nips_of(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["nip"].as_str().expect("nip").to_string())
        .collect()
}

/// Abuse limits high enough that every submission of a test is accepted and counted.
pub fn generous_feedback_limits(s: &mut Settings) {
    s.feedback_client_limit_per_hour = 1_000_000;
    s.feedback_token_limit_per_minute = 1_000_000;
    s.feedback_client_burst = 1_000_000;
    s.feedback_target_burst = 1_000_000;
}

/// The nine answers (`u1` … `u9`) as the public API takes them.
pub fn answers(scores: [i64; 9]) -> Value {
    let map: serde_json::Map<String, Value> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("u{}", i + 1), json!(s)))
        .collect();
    Value::Object(map)
}

/// The same nine answers as the HTML form posts them (`u1=4&u2=…`).
pub fn form_answers(scores: [i64; 9]) -> String {
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| format!("u{}={s}", i + 1))
        .collect::<Vec<_>>()
        .join("&")
}

/// Citizen feedback: targets, public submissions and staff accounts by role.
impl TestApp {
    /// Creates a staff account with one role (`hr`, `auditor`, …) and signs it in.
    pub async fn role_token(&self, role: &str) -> String {
        let email = format!("{role}@test.local");
        self.create_user(&format!("Staf {role}"), Some(&email), None, None, &[role])
            .await;
        self.login_token(&email, PASSWORD).await
    }

    /// Creates a feedback target; asserts 201 and returns the target.
    pub async fn create_feedback_target(&self, token: &str, body: &Value) -> Value {
        let resp = self
            .post_json("/api/v1/feedback-targets", token, body)
            .await;
        assert_json(resp, StatusCode::CREATED).await
    }

    /// A service desk of a unit.
    pub async fn unit_feedback_target(&self, token: &str, unit_code: &str) -> Value {
        self.create_feedback_target(
            token,
            &json!({ "kind": "unit", "unit_code": unit_code, "label": "Loket Pelayanan" }),
        )
        .await
    }

    /// One employee of a unit.
    pub async fn employee_feedback_target(&self, token: &str, unit_code: &str, nip: &str) -> Value {
        self.create_feedback_target(
            token,
            &json!({ "kind": "employee", "unit_code": unit_code, "employee_nip": nip }),
        )
        .await
    }

    /// A citizen's submission (no credentials) to `/api/v1/public/feedback/{token}`.
    pub async fn submit_feedback(&self, public_token: &str, body: &Value) -> Response {
        self.client
            .post(self.url(&format!("/api/v1/public/feedback/{public_token}")))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// A submission from another client address (`X-Forwarded-For`; the app must run with
    /// one trusted proxy hop), as if from another phone.
    pub async fn submit_feedback_from(
        &self,
        client_ip: &str,
        public_token: &str,
        body: &Value,
    ) -> Response {
        self.client
            .post(self.url(&format!("/api/v1/public/feedback/{public_token}")))
            .header("X-Forwarded-For", client_ip)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Submits nine answers that must be accepted (201); returns the body.
    pub async fn submit_answers(&self, public_token: &str, scores: [i64; 9]) -> Value {
        let resp = self
            .submit_feedback(public_token, &json!({ "answers": answers(scores) }))
            .await;
        assert_json(resp, StatusCode::CREATED).await
    }

    /// Posts the HTML form at `/f/{token}` (`application/x-www-form-urlencoded`).
    pub async fn post_form(&self, path: &str, body: &str) -> Response {
        self.client
            .post(self.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body.to_string())
            .send()
            .await
            .expect("request")
    }

    /// The submissions of one moderation status (`held`, `counted`, `rejected`).
    pub async fn moderation(&self, token: &str, status: &str) -> Value {
        self.get_ok(
            &format!("/api/v1/feedback/moderation?status={status}&per_page=100"),
            token,
        )
        .await
    }
}

/// Every SQL statement the app ran since the last [`Statements::take`] (SeaORM's metric
/// callback on the app's own connections): the N+1 guard and the query-plan checks.
#[derive(Clone, Default)]
pub struct Statements(std::sync::Arc<std::sync::Mutex<Vec<sea_orm::Statement>>>);

impl Statements {
    pub fn take(&self) -> Vec<sea_orm::Statement> {
        std::mem::take(&mut *self.0.lock().expect("statements"))
    }
}

/// The app on a fresh database holding `employees` synthetic employees
/// (`kinerja seed --synthetic`), with every statement recorded; the sample accounts as
/// (role, login) pairs (password `SYNTHETIC_PASSWORD`).
pub async fn spawn_synthetic_app(
    employees: usize,
) -> (TestApp, Statements, Vec<(&'static str, String)>) {
    let (settings, cleanup) = fresh_settings().await;
    let mut db = Db::connect(&settings).await.expect("connect");
    db.migrate().await.expect("migrate");
    kinerja::store::audit::set_key(&settings.audit_key);
    let summary = kinerja::seed_synthetic::seed_synthetic(
        &db.write,
        employees,
        kinerja::seed_synthetic::AccountMode::Sample,
    )
    .await
    .expect("synthetic data");
    let accounts = summary
        .accounts
        .into_iter()
        .map(|a| (a.role, a.login))
        .collect();
    let statements = Statements::default();
    for conn in [&mut db.read, &mut db.write] {
        let log = statements.0.clone();
        conn.set_metric_callback(move |info| {
            log.lock().expect("statements").push(info.statement.clone());
        });
    }
    let app = Application::build_with_db(settings.clone(), db)
        .await
        .expect("build app");
    let port = app.port();
    let db = app.state.db.clone();
    tokio::spawn(app.run_until_stopped());
    let test_app = TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        client: Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        db,
        settings,
        cleanup: Some(cleanup),
    };
    (test_app, statements, accounts)
}

/// The penilai's statement on an appeal, which the decision waits for (or for its deadline).
pub async fn penilai_answers_appeal(app: &TestApp, penilai: &str, id: &str) {
    assert_json(
        app.put_json(
            &format!("/api/v1/appeals/{id}/statements"),
            penilai,
            &json!({ "penilai_statement": "Rating sesuai catatan kinerja" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
}
