//! The regional HR system as a client (ADR 0019): one API key with the scopes it is given
//! runs a whole quarter, from master data through accounts, the period, the unit overview,
//! finalisation and publication to the results, IKM, talent and audit reads. Personal acts
//! (writing one's SKP, approving it, rating) stay with the people's own sign-ins, and no
//! scope lets a key do them. A key without a scope is told which one it lacks.

use crate::evaluations::{create_quarter, rate};
use crate::helpers::{CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, spawn_app};
use crate::skp::{plan, save, skp_path};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

const UNIT: &str = "CKN-KEL-CB";

const HR_SCOPES: [&str; 10] = [
    "master:write",
    "accounts:write",
    "periods:write",
    "cycle:read",
    "results:read",
    "feedback:read",
    "feedback:write",
    "talent:read",
    "talent:write",
    "audit:read",
];

async fn key_with(app: &TestApp, scopes: &[&str]) -> String {
    let admin = app.admin_token().await;
    let created = app
        .create_api_key(&admin, "SIMPEG Kota Mataram", scopes)
        .await;
    created["key"].as_str().expect("key").to_string()
}

async fn post(app: &TestApp, key: &str, path: &str, body: Value) -> Value {
    let resp = app.post_json(path, key, &body).await;
    assert!(resp.status().is_success(), "POST {path}: {}", resp.status());
    resp.json().await.expect("json")
}

/// The key creates the employee's account; the employee sets a password with the code
/// and signs in. Returns the employee's access token.
async fn account_and_sign_in(app: &TestApp, key: &str, nip: &str) -> String {
    let resp = app
        .put_json(&format!("/api/v1/employees/{nip}/account"), key, &json!({}))
        .await;
    let body = assert_json(resp, StatusCode::CREATED).await;
    assert_eq!(body["username"], nip);
    assert_eq!(body["roles"], json!(["employee"]));
    let code = body["set_password_code"].as_str().expect("code shown once");
    assert_json(
        app.set_password_with_code(code, "Kata-Sandi-Baru-1").await,
        StatusCode::OK,
    )
    .await;
    app.login_token(nip, "Kata-Sandi-Baru-1").await
}

/// The employee writes and submits their SKP; the direct supervisor approves it.
async fn skp_approved(app: &TestApp, employee: &str, supervisor: &str, nip: &str) {
    save(app, employee, nip, 2026, &plan(None)).await;
    let submit = app
        .post_json(
            &format!("{}/submit", skp_path(nip, 2026)),
            employee,
            &json!({}),
        )
        .await;
    assert_json(submit, StatusCode::OK).await;
    let approve = app
        .post_json(
            &format!("{}/approve", skp_path(nip, 2026)),
            supervisor,
            &json!({}),
        )
        .await;
    assert_json(approve, StatusCode::OK).await;
}

#[tokio::test]
async fn the_hr_system_runs_a_whole_quarter_on_one_key() {
    let app = spawn_app().await;
    let key = key_with(&app, &HR_SCOPES).await;

    // Master data from the HR system.
    app.seed_units(&key).await;
    for (nip, name, unit, sup) in [
        (CAMAT, "Lalu Camat", "CKN", None),
        (LURAH, "Baiq Lurah", UNIT, Some(CAMAT)),
        (STAF_A, "I Made Staf", UNIT, Some(LURAH)),
        (STAF_B, "Ni Luh Staf", UNIT, Some(LURAH)),
    ] {
        let resp = app.put_employee(&key, nip, name, unit, sup).await;
        assert!(resp.status().is_success(), "{nip}: {}", resp.status());
    }

    // Accounts, and each person signs in with their own password.
    let camat = account_and_sign_in(&app, &key, CAMAT).await;
    let lurah = account_and_sign_in(&app, &key, LURAH).await;
    let staf_a = account_and_sign_in(&app, &key, STAF_A).await;
    let staf_b = account_and_sign_in(&app, &key, STAF_B).await;

    // The period.
    let period = create_quarter(&app, &key, 2).await;
    let opened = post(
        &app,
        &key,
        &format!("/api/v1/periods/{period}/open"),
        json!({}),
    )
    .await;
    assert_eq!(opened["state"], "open");

    // Personal acts: SKPs written by the employees, approved by their supervisors.
    skp_approved(&app, &lurah, &camat, LURAH).await;
    skp_approved(&app, &staf_a, &lurah, STAF_A).await;
    skp_approved(&app, &staf_b, &lurah, STAF_B).await;
    let skp = app.get_ok(&skp_path(STAF_A, 2026), &key).await;
    assert_eq!(skp["status"], "approved");

    // Personal acts: the direct supervisors rate.
    for (token, nip, predikat) in [
        (&lurah, STAF_A, "sangat_baik"),
        (&lurah, STAF_B, "baik"),
        (&camat, LURAH, "baik"),
    ] {
        assert_json(
            rate(&app, token, &period, nip, predikat, true).await,
            StatusCode::OK,
        )
        .await;
    }

    // The unit overview: nobody blocks.
    let units = app
        .get_ok(&format!("/api/v1/periods/{period}/units"), &key)
        .await;
    let unit = units["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|u| u["unit_code"] == UNIT)
        .expect("unit listed")
        .clone();
    assert_eq!(unit["blockers"], json!([]));
    assert_eq!(unit["finalised"], false);

    // Close, org result, finalise, publish.
    post(
        &app,
        &key,
        &format!("/api/v1/periods/{period}/close"),
        json!({}),
    )
    .await;
    let org = app
        .put_json(
            &format!("/api/v1/periods/{period}/units/{UNIT}/org-result"),
            &key,
            &json!({ "result": "baik" }),
        )
        .await;
    assert_json(org, StatusCode::OK).await;
    post(
        &app,
        &key,
        &format!("/api/v1/periods/{period}/units/{UNIT}/finalise"),
        json!({ "override_reason": "Unit kecil, kurva tidak berlaku penuh" }),
    )
    .await;
    let published = post(
        &app,
        &key,
        &format!("/api/v1/periods/{period}/publish"),
        json!({}),
    )
    .await;
    assert_eq!(published["state"], "published");

    // Results, IKM, talent and audit reads.
    let results = app
        .get_ok(&format!("/api/v1/periods/{period}/results"), &key)
        .await;
    let mut predikat: Vec<(String, String)> = results["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| {
            (
                r["nip"].as_str().expect("nip").to_string(),
                r["predikat"]["value"]
                    .as_str()
                    .expect("predikat")
                    .to_string(),
            )
        })
        .collect();
    predikat.sort();
    for r in results["items"].as_array().expect("items") {
        // One name per concept: the PUT body's `rating_perilaku`; the old name stays a release.
        assert_eq!(r["rating_perilaku"], r["rating_perilaku_kerja"], "{r}");
        assert_eq!(
            r["rating_perilaku_code"], r["rating_perilaku_kerja_code"],
            "{r}"
        );
    }
    let staf_a_row = results["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|r| r["nip"] == STAF_A)
        .expect("STAF_A");
    assert_eq!(staf_a_row["rating_perilaku"], "di_atas");
    assert_eq!(staf_a_row["rating_perilaku_code"], 1);
    let mut expected = vec![
        (LURAH.to_string(), "baik".to_string()),
        (STAF_A.to_string(), "sangat_baik".to_string()),
        (STAF_B.to_string(), "baik".to_string()),
    ];
    expected.sort();
    assert_eq!(predikat, expected);
    let ikm = app.get(&format!("/api/v1/ikm/units/{UNIT}"), &key).await;
    assert_eq!(ikm.status(), StatusCode::OK);
    let grid = app.get("/api/v1/talent/grid", &key).await;
    assert_eq!(grid.status(), StatusCode::OK);
    let audit = app.get_ok("/api/v1/audit?per_page=100", &key).await;
    let key_actions = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| {
            e["actor"]
                .as_str()
                .is_some_and(|a| a.starts_with("api_key:"))
        })
        .count();
    assert!(
        key_actions >= 10,
        "the key's acts are audited: {key_actions}"
    );
}

/// Each scope, an operation that needs it, and the key without it.
#[tokio::test]
async fn each_missing_scope_is_a_403_scope_missing_naming_it() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    crate::helpers::seed_hierarchy(&app, &admin).await;
    let period = create_quarter(&app, &admin, 2).await;
    let key = key_with(&app, &["master:read"]).await;

    let p = |s: &str| s.replace("{p}", &period);
    let cases: Vec<(&str, Response)> = vec![
        (
            "master:write",
            app.put_unit(&key, "CKN", "Baru", "kecamatan", None).await,
        ),
        (
            "accounts:write",
            app.put_json(
                &format!("/api/v1/employees/{STAF_A}/account"),
                &key,
                &json!({}),
            )
            .await,
        ),
        (
            "periods:write",
            app.post_json(&p("/api/v1/periods/{p}/open"), &key, &json!({}))
                .await,
        ),
        (
            "cycle:read",
            app.get(&p("/api/v1/periods/{p}/units"), &key).await,
        ),
        ("cycle:read", app.get(&skp_path(STAF_A, 2026), &key).await),
        (
            "results:read",
            app.get(&p("/api/v1/periods/{p}/results"), &key).await,
        ),
        (
            "feedback:read",
            app.get("/api/v1/feedback-targets", &key).await,
        ),
        (
            "feedback:write",
            app.post_json(
                "/api/v1/feedback-targets",
                &key,
                &json!({ "kind": "unit", "unit_code": "CKN" }),
            )
            .await,
        ),
        ("talent:read", app.get("/api/v1/talent/grid", &key).await),
        (
            "talent:read",
            app.get(&format!("/api/v1/employees/{STAF_A}/potensi"), &key)
                .await,
        ),
        ("audit:read", app.get("/api/v1/audit", &key).await),
    ];
    for (scope, resp) in cases {
        let body = assert_error(resp, StatusCode::FORBIDDEN, "scope_missing").await;
        assert_eq!(body["error"]["details"]["scope"], scope, "{body}");
        let message = body["error"]["message"].as_str().expect("message");
        assert!(message.contains(scope), "{message}");
    }

    // Nothing changed.
    let got = app.get_ok(&p("/api/v1/periods/{p}"), &admin).await;
    assert_eq!(got["state"], "draft");
}

#[tokio::test]
async fn a_key_reading_an_employee_gets_404_only_when_the_employee_does_not_exist() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    crate::helpers::seed_hierarchy(&app, &admin).await;
    let reader = key_with(&app, &["master:read", "cycle:read"]).await;

    // The employee exists but has no SKP: the plan is missing, not the employee.
    let missing_plan = app.get(&skp_path(STAF_A, 2026), &reader).await;
    let unknown = app
        .get(&skp_path("199912312020121001", 2026), &reader)
        .await;

    assert_error(missing_plan, StatusCode::NOT_FOUND, "skp_not_found").await;
    let body = assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("199912312020121001")),
        "{body}"
    );
}

#[tokio::test]
async fn no_scope_lets_a_key_do_personal_acts() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    crate::helpers::seed_hierarchy(&app, &admin).await;
    crate::evaluations::approve_skp(&app, STAF_A).await;
    let period = crate::evaluations::open_q2(&app, &admin).await;
    let key = key_with(&app, &HR_SCOPES).await;

    let rating = rate(&app, &key, &period, STAF_A, "baik", true).await;
    let own_plan = app
        .put_json(&skp_path(STAF_B, 2026), &key, &plan(None))
        .await;
    let approval = app
        .post_json(
            &format!("{}/approve", skp_path(STAF_A, 2026)),
            &key,
            &json!({}),
        )
        .await;
    let appeal = app
        .post_json(
            &format!("/api/v1/periods/{period}/evaluations/{STAF_A}/appeal"),
            &key,
            &json!({ "reasons": "Saya tidak setuju dengan penilaian ini" }),
        )
        .await;

    for resp in [rating, own_plan, approval, appeal] {
        let status = resp.status();
        let body: Value = resp.json().await.expect("json");
        assert!(
            status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
            "{status}: {body}"
        );
        assert_ne!(body["error"]["code"], "scope_missing", "{body}");
    }
    let team = app
        .get_ok(&format!("/api/v1/periods/{period}/results"), &admin)
        .await;
    assert_eq!(team["items"], json!([]), "nothing was rated");
}

#[tokio::test]
async fn a_person_without_the_role_still_gets_forbidden() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    crate::helpers::seed_hierarchy(&app, &admin).await;
    let staf = app.employee_token(STAF_A, &["employee"]).await;

    for resp in [
        app.get("/api/v1/audit", &staf).await,
        app.post_json(
            "/api/v1/periods",
            &staf,
            &json!({ "year": 2026, "kind": "quarterly", "starts_on": "2026-04-01", "ends_on": "2026-06-30" }),
        )
        .await,
        app.get("/api/v1/talent/grid", &staf).await,
    ] {
        let body = assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
        assert!(body["error"].get("details").is_none(), "{body}");
    }
}

#[tokio::test]
async fn the_admin_creates_keys_with_every_cycle_scope_and_the_spec_names_them() {
    let app = spawn_app().await;
    let admin = app.admin_token().await;

    let created = app.create_api_key(&admin, "SIMPEG", &HR_SCOPES).await;
    assert_eq!(created["scopes"], json!(HR_SCOPES));

    let spec = app.get_ok("/api-docs/openapi.json", &admin).await;
    let scopes = &spec["components"]["schemas"]["ApiScope"]["enum"];
    for s in HR_SCOPES {
        assert!(scopes.as_array().expect("enum").contains(&json!(s)), "{s}");
    }
    let result = &spec["components"]["schemas"]["ResultOut"]["properties"];
    // A `$ref` field carries no `deprecated` flag in utoipa; its description says it.
    assert_eq!(result["rating_perilaku_kerja_code"]["deprecated"], true);
    assert!(
        result["rating_perilaku_kerja"]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Deprecated"))
    );
    assert!(result["rating_perilaku"].is_object());
    assert!(result["rating_perilaku"].get("deprecated").is_none());
    let create_period = &spec["paths"]["/api/v1/periods"]["post"]["security"];
    assert!(
        create_period
            .as_array()
            .expect("security")
            .contains(&json!({ "api_key": ["periods:write"] })),
        "{create_period}"
    );
    assert!(
        create_period
            .as_array()
            .expect("security")
            .contains(&json!({ "bearer_auth": [] }))
    );
}

#[tokio::test]
async fn a_key_cannot_fill_a_360_form() {
    let r = crate::ratings360::round().await;
    let key = key_with(&r.app, &HR_SCOPES).await;
    let form = r.form_id(STAF_A, LURAH).await;

    let resp = r
        .app
        .put_json(
            &format!("/api/v1/ratings360/{form}"),
            &key,
            &json!({ "scores": crate::ratings360::scores(5), "submit": true }),
        )
        .await;

    let status = resp.status();
    let body: Value = resp.json().await.expect("json");
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "{status}: {body}"
    );
    assert_ne!(body["error"]["code"], "scope_missing", "{body}");
    // The rater's own form is still open to them.
    let own = r
        .put_form(
            STAF_A,
            &form,
            &json!({ "scores": crate::ratings360::scores(3) }),
        )
        .await;
    assert_json(own, StatusCode::OK).await;
}
