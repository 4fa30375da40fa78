//! SIASN exactly and the push (ADR 0020): the `skp22/save` and `kinerjaperiodik/save`
//! bodies as SIASN takes them, the employee's `pns_id`, and the push against a fake SIASN
//! started by the test (OAuth2 client credentials, bearer tokens, refusals, a failure
//! retried once due, idempotency, a resend after an appeal as an update).

use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};

use crate::evaluations::{act, approve_skp, close_finalise_publish, create_quarter, rate};
use crate::helpers::{
    CAMAT, LURAH, PASSWORD, STAF_A, STAF_B, TestApp, assert_error, assert_json, employee_body,
    penilai_answers_appeal, seed_hierarchy, spawn_app, spawn_app_with,
};

/// Base64 of `siasn-client:siasn-secret` (HTTP Basic of the token request).
const BASIC: &str = "Basic c2lhc24tY2xpZW50OnNpYXNuLXNlY3JldA==";

/// What the fake SIASN saw and how it answers.
#[derive(Default)]
struct Fake {
    /// Tokens issued so far.
    tokens: u32,
    /// The token it accepts now (empty: none).
    valid: String,
    /// Save requests with a valid token: (kind, body).
    saves: Vec<(String, Value)>,
    /// Save requests answered 401.
    unauthorised: u32,
    /// The skp22 of PNS-A failed once already.
    failed_once: bool,
    /// Refuse the next valid token once (as if SIASN had revoked it).
    revoke: bool,
}

type Shared = web::Data<Arc<Mutex<Fake>>>;

async fn token(req: HttpRequest, body: String, fake: Shared) -> HttpResponse {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if auth != BASIC || body != "grant_type=client_credentials" {
        return HttpResponse::Unauthorized().json(json!({ "error": "invalid_client" }));
    }
    let mut f = fake.lock().expect("lock");
    f.tokens += 1;
    f.valid = format!("tok-{}", f.tokens);
    HttpResponse::Ok().json(json!({
        "access_token": f.valid, "token_type": "Bearer", "expires_in": 3600
    }))
}

async fn save(
    req: HttpRequest,
    kind: web::Path<String>,
    body: web::Json<Value>,
    fake: Shared,
) -> HttpResponse {
    let mut f = fake.lock().expect("lock");
    let bearer = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if f.valid.is_empty() || bearer != f.valid || f.revoke {
        f.revoke = false;
        f.valid.clear();
        f.unauthorised += 1;
        return HttpResponse::Unauthorized().finish();
    }
    let body = body.into_inner();
    let pns = body["pnsDinilaiOrang"]
        .as_str()
        .or(body["pnsDinilaiId"].as_str())
        .unwrap_or("")
        .to_string();
    f.saves.push((kind.clone(), body));
    if pns == "PNS-B" {
        return HttpResponse::Ok()
            .json(json!({ "code": 0, "message": "Data PNS tidak ditemukan" }));
    }
    if kind.as_str() == "skp22" && !f.failed_once {
        f.failed_once = true;
        return HttpResponse::InternalServerError()
            .json(json!({ "message": "Internal Server Error" }));
    }
    HttpResponse::Ok().json(json!({
        "code": 1, "message": "success", "mapData": { "id": format!("{kind}-{pns}") }
    }))
}

/// Starts the fake SIASN; returns its shared state and port.
async fn fake_siasn() -> (Arc<Mutex<Fake>>, u16) {
    let fake = Arc::new(Mutex::new(Fake::default()));
    let data = web::Data::new(fake.clone());
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .route("/oauth2/token", web::post().to(token))
            .route("/apisiasn/1.0/{kind}/save", web::post().to(save))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .expect("bind");
    let port = server.addrs()[0].port();
    tokio::spawn(server.run());
    (fake, port)
}

async fn app_with_siasn(port: u16) -> TestApp {
    spawn_app_with(|s| {
        s.siasn_base_url = Some(format!("http://127.0.0.1:{port}/apisiasn/1.0"));
        s.siasn_token_url = Some(format!("http://127.0.0.1:{port}/oauth2/token"));
        s.siasn_client_id = Some("siasn-client".into());
        s.siasn_client_secret = Some("siasn-secret".into());
        s.siasn_timeout_secs = 5;
    })
    .await
}

/// STAF_A (Pranata Komputer Ahli Pertama, PNS-A) Sangat Baik and STAF_B (pelaksana, PNS-B)
/// Kurang, rated by the lurah in Triwulan IV, published. Returns (admin, period).
async fn published_q4(app: &TestApp) -> (String, String) {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    let mut a = employee_body("I Made Staf", "CKN-KEL-CB", Some(LURAH));
    a["jabatan"] = json!("Pranata Komputer Ahli Pertama");
    a["jenis_jabatan"] = json!("fungsional");
    a["pns_id"] = json!("PNS-A");
    let mut b = employee_body("Ni Luh Staf", "CKN-KEL-CB", Some(LURAH));
    b["pns_id"] = json!("PNS-B");
    for (nip, body) in [(STAF_A, a), (STAF_B, b)] {
        let resp = app
            .put_json(&format!("/api/v1/employees/{nip}"), &admin, &body)
            .await;
        assert_json(resp, StatusCode::OK).await;
        approve_skp(app, nip).await;
    }
    let period = create_quarter(app, &admin, 4).await;
    act(app, &admin, &period, "open").await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    for (nip, predikat) in [(STAF_A, "sangat_baik"), (STAF_B, "kurang")] {
        assert_json(
            rate(app, &lurah, &period, nip, predikat, true).await,
            StatusCode::OK,
        )
        .await;
    }
    close_finalise_publish(app, &admin, &period, "CKN-KEL-CB").await;
    (admin, period)
}

fn expected_skp22(pns: &str, hk: u8, pk: u8, kuadran: u8) -> Value {
    json!({
        "hasilKinerjaNilai": hk,
        "kuadranKinerjaNilai": kuadran,
        "path": [],
        "penilaiGolongan": "32",
        "penilaiJabatan": "Pengadministrasi Umum",
        "penilaiNama": "Baiq Lurah, S.Sos.",
        "penilaiNipNrp": LURAH,
        "penilaiUnorNama": "Kelurahan Cakranegara Barat",
        "perilakuKerjaNilai": pk,
        "pnsDinilaiOrang": pns,
        "statusPenilai": "ASN",
        "tahun": 2026
    })
}

fn expected_periodik(koefisien: &str, hk: u8, pk: u8, kuadran: u8) -> Value {
    json!({
        "bulanMulaiPenilaian": 10,
        "bulanSelesaiPenilaian": 12,
        "hasilKinerjaNilai": hk,
        "koefisienId": koefisien,
        "kuadranKinerjaNilai": kuadran,
        "path": [],
        "penilaiGolongan": "32",
        "penilaiJabatanNama": "Pengadministrasi Umum",
        "penilaiNama": "Baiq Lurah, S.Sos.",
        "penilaiNipNrp": LURAH,
        "penilaiUnorNama": "Kelurahan Cakranegara Barat",
        "perilakuKerjaNilai": pk,
        "periodikId": "2",
        "pnsDinilaiId": "PNS-A",
        "statusPenilai": "ASN",
        "tahun": 2026,
        "tahunMulaiPenilaian": 2026,
        "tahunSelesaiPenilaian": 2026
    })
}

fn delivery<'a>(list: &'a Value, nip: &str, kind: &str) -> &'a Value {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|d| d["nip"] == nip && d["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} delivery for {nip}: {list}"))
}

async fn push(app: &TestApp, token: &str, period: &str) -> Value {
    assert_json(
        app.post_json(
            &format!("/api/v1/periods/{period}/siasn/push"),
            token,
            &json!({}),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

#[tokio::test]
async fn the_export_gives_siasn_bodies_exactly_and_names_what_is_missing() {
    let (_fake, port) = fake_siasn().await;
    let app = app_with_siasn(port).await;
    let (admin, period) = published_q4(&app).await;

    let body = app
        .get_ok(&format!("/api/v1/periods/{period}/results/siasn"), &admin)
        .await;

    let items = body["items"].as_array().expect("items");
    let a = items.iter().find(|i| i["nip"] == STAF_A).expect("staf a");
    assert_eq!(a["pns_id"], "PNS-A");
    assert_eq!(a["ready"], true);
    assert_eq!(a["skp22_save"], expected_skp22("PNS-A", 1, 1, 1));
    assert_eq!(a["kinerjaperiodik_save"], expected_periodik("11", 1, 1, 1));
    assert_eq!(a["gaps"], json!([]));
    let b = items.iter().find(|i| i["nip"] == STAF_B).expect("staf b");
    assert_eq!(b["skp22_save"], expected_skp22("PNS-B", 2, 3, 4));
    assert!(b["kinerjaperiodik_save"].is_null());
    assert_eq!(b["gaps"], json!(["not_functional"]));
    // The earlier shape stays for one release.
    assert_eq!(a["skp22"]["pnsDinilaiId"], STAF_A);
}

#[tokio::test]
async fn the_push_sends_each_body_once_retries_failures_and_resends_after_an_appeal() {
    let (fake, port) = fake_siasn().await;
    let app = app_with_siasn(port).await;
    let (admin, period) = published_q4(&app).await;
    let key = app.create_api_key(&admin, "SIMPEG", &["siasn:push"]).await["key"]
        .as_str()
        .expect("key")
        .to_string();

    // First push: STAF_A's kinerjaperiodik saved, its skp22 fails once (500), STAF_B's
    // skp22 refused; STAF_B has no kinerjaperiodik (not functional).
    let first = push(&app, &key, &period).await;
    assert_eq!(
        (
            first["sent"].as_u64(),
            first["rejected"].as_u64(),
            first["to_retry"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{first}"
    );
    assert_eq!(
        first["skipped"],
        json!([{ "nip": STAF_B, "name": "Ni Luh Staf, S.Sos.", "reason": "not_functional" }])
    );
    {
        let f = fake.lock().expect("lock");
        assert_eq!(f.tokens, 1, "one token for the whole push");
        assert_eq!(f.saves.len(), 3);
        let sent: Vec<&Value> = f.saves.iter().map(|(_, b)| b).collect();
        assert!(sent.contains(&&expected_skp22("PNS-A", 1, 1, 1)));
        assert!(sent.contains(&&expected_skp22("PNS-B", 2, 3, 4)));
        assert!(sent.contains(&&expected_periodik("11", 1, 1, 1)));
    }
    let list = app
        .get_ok(&format!("/api/v1/periods/{period}/siasn/push"), &admin)
        .await;
    assert_eq!(list["enabled"], true);
    let retry = delivery(&list, STAF_A, "skp22");
    assert_eq!(retry["status"], "to_retry");
    assert_eq!(retry["attempts"], 1);
    assert!(
        retry["message"]
            .as_str()
            .is_some_and(|m| m.contains("HTTP 500")),
        "{retry}"
    );
    let due: chrono::DateTime<Utc> = retry["next_attempt_at"]
        .as_str()
        .expect("due")
        .parse()
        .expect("date");
    let wait = due - Utc::now();
    assert!(
        wait > Duration::seconds(20) && wait <= Duration::seconds(30),
        "{wait}"
    );
    let refused = delivery(&list, STAF_B, "skp22");
    assert_eq!(refused["status"], "rejected");
    assert_eq!(refused["message"], "Data PNS tidak ditemukan");
    let saved = delivery(&list, STAF_A, "kinerjaperiodik");
    assert_eq!(saved["status"], "sent");
    assert_eq!(saved["siasn_id"], "kinerjaperiodik-PNS-A");

    let auditor = app.role_token("auditor").await;
    let audit = app
        .get_ok(
            &format!("/api/v1/audit?object_type=period&object_id={period}"),
            &auditor,
        )
        .await;
    let entry = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["action"] == "siasn.push")
        .unwrap_or_else(|| panic!("no push in the audit log: {audit}"));
    let detail: Value =
        serde_json::from_str(entry["detail"].as_str().expect("detail")).expect("json");
    assert_eq!(
        (detail["sent"].as_u64(), detail["rejected"].as_u64()),
        (Some(1), Some(1)),
        "{entry}"
    );
    assert!(
        entry["actor"]
            .as_str()
            .is_some_and(|a| a.starts_with("api_key:")),
        "{entry}"
    );

    // Pushing again at once sends nothing: two bodies SIASN has, one retry not yet due.
    let second = push(&app, &admin, &period).await;
    assert_eq!(
        (
            second["sent"].as_u64(),
            second["unchanged"].as_u64(),
            second["waiting"].as_u64()
        ),
        (Some(0), Some(2), Some(1)),
        "{second}"
    );
    assert_eq!(fake.lock().expect("lock").saves.len(), 3);

    // Once due, the retry goes out; SIASN revoked the token meanwhile, so the client gets
    // a new one once and sends again.
    let rows = entity::siasn_delivery::Entity::find()
        .all(&app.db.read)
        .await
        .expect("deliveries");
    let row = rows
        .into_iter()
        .find(|d| d.kind == "skp22" && d.status == "to_retry")
        .expect("retry row");
    let mut am: entity::siasn_delivery::ActiveModel = row.into();
    am.next_attempt_at = Set(Some(Utc::now() - Duration::seconds(1)));
    am.update(&app.db.write).await.expect("make due");
    fake.lock().expect("lock").revoke = true;
    let third = push(&app, &admin, &period).await;
    assert_eq!(
        (third["sent"].as_u64(), third["unchanged"].as_u64()),
        (Some(1), Some(2)),
        "{third}"
    );
    {
        let f = fake.lock().expect("lock");
        assert_eq!((f.tokens, f.unauthorised), (2, 1));
        assert_eq!(f.saves.len(), 4);
    }
    let list = app
        .get_ok(&format!("/api/v1/periods/{period}/siasn/push"), &admin)
        .await;
    let retried = delivery(&list, STAF_A, "skp22");
    assert_eq!(retried["status"], "sent");
    assert_eq!(retried["attempts"], 2);
    assert_eq!(retried["siasn_id"], "skp22-PNS-A");
    assert!(retried["next_attempt_at"].is_null());

    // An appeal changes STAF_A's predikat (perilaku Sesuai → Baik): both bodies go again,
    // carrying SIASN's record ids so SIASN updates them.
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    let filed = assert_json(
        app.post_json(
            &format!("/api/v1/periods/{period}/evaluations/{STAF_A}/appeal"),
            &staf,
            &json!({ "reasons": "Bukti pelayanan sudah diunggah lengkap" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let under_appeal = push(&app, &admin, &period).await;
    assert_eq!(under_appeal["sent"], 0, "{under_appeal}");
    assert!(
        under_appeal["skipped"]
            .as_array()
            .expect("skipped")
            .iter()
            .any(|s| s["nip"] == STAF_A && s["reason"] == "not_ready")
    );
    // The lurah signed in to rate; the same account writes the statement.
    let lurah = app.login_token(LURAH, PASSWORD).await;
    penilai_answers_appeal(&app, &lurah, filed["id"].as_str().expect("id")).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    assert_json(
        app.post_json(
            &format!("/api/v1/appeals/{}/decide", filed["id"].as_str().expect("id")),
            &camat,
            &json!({ "decision": "change", "rating_perilaku": "sesuai", "reason": "Bukti perilaku pelayanan memadai" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let after = push(&app, &admin, &period).await;
    assert_eq!(
        (after["sent"].as_u64(), after["unchanged"].as_u64()),
        (Some(2), Some(1)),
        "{after}"
    );
    let f = fake.lock().expect("lock");
    assert_eq!(f.tokens, 2, "the token is reused across pushes");
    let resent: Vec<&Value> = f.saves[4..].iter().map(|(_, b)| b).collect();
    let mut skp22 = expected_skp22("PNS-A", 1, 2, 2);
    skp22["id"] = json!("skp22-PNS-A");
    let mut periodik = expected_periodik("12", 1, 2, 2);
    periodik["id"] = json!("kinerjaperiodik-PNS-A");
    assert!(resent.contains(&&skp22), "{resent:?}");
    assert!(resent.contains(&&periodik), "{resent:?}");
}

#[tokio::test]
async fn only_hr_admin_and_siasn_keys_push_and_an_unset_siasn_is_a_clear_409() {
    let app = spawn_app().await;
    let (admin, period) = published_q4(&app).await;
    let reader = app.create_api_key(&admin, "Baca", &["results:read"]).await["key"]
        .as_str()
        .expect("key")
        .to_string();
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    let path = format!("/api/v1/periods/{period}/siasn/push");
    for token in [&reader, &staf] {
        assert_error(
            app.post_json(&path, token, &json!({})).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let hr = app.role_token("hr").await;
    assert_error(
        app.post_json(&path, &hr, &json!({})).await,
        StatusCode::CONFLICT,
        "siasn_disabled",
    )
    .await;
    let list = app.get_ok(&path, &reader).await;
    assert_eq!(list["enabled"], false);
    assert_eq!(list["items"], json!([]));
    assert_error(
        app.get(&path, &staf).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let unknown = format!("/api/v1/periods/{}/siasn/push", uuid::Uuid::now_v7());
    assert_error(
        app.get(&unknown, &admin).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn pns_id_is_validated_kept_when_absent_cleared_when_empty_and_unique() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let put = |nip: &'static str, pns: Value| {
        let mut body = employee_body("I Made Staf", "CKN-KEL-CB", Some(LURAH));
        if !pns.is_null() {
            body["pns_id"] = pns;
        }
        let app = &app;
        let admin = admin.clone();
        async move {
            app.put_json(&format!("/api/v1/employees/{nip}"), &admin, &body)
                .await
        }
    };
    let bad = assert_error(
        put(STAF_A, json!("id dengan spasi")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        bad["error"]["fields"].to_string().contains("pns_id"),
        "{bad}"
    );
    let saved = assert_json(
        put(STAF_A, json!("A8ACA7B5F6E43912E040640A040269BB")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(saved["pns_id"], "A8ACA7B5F6E43912E040640A040269BB");
    let taken = assert_error(
        put(STAF_B, json!("A8ACA7B5F6E43912E040640A040269BB")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(taken.to_string().contains("sudah dipakai"), "{taken}");
    let kept = assert_json(put(STAF_A, Value::Null).await, StatusCode::OK).await;
    assert_eq!(kept["pns_id"], "A8ACA7B5F6E43912E040640A040269BB");
    let read = app
        .get_ok(&format!("/api/v1/employees/{STAF_A}"), &admin)
        .await;
    assert_eq!(read["pns_id"], "A8ACA7B5F6E43912E040640A040269BB");
    let cleared = assert_json(put(STAF_A, json!("")).await, StatusCode::OK).await;
    assert!(cleared["pns_id"].is_null());
}
