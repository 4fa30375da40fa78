//! Complete publication (ADR 0018): a unit is finalised and a period published only when
//! every active member in scope has a final evaluation or an exemption recorded by HR; the
//! 409s and HR's overview name who blocks; an exempted employee gets no result and no
//! event; exemptions are HR's (and admin's), audited, and frozen with the unit.

use crate::evaluations::{approve_skp, finalise, open_q2, rate, set_org_result};
use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

const UNIT: &str = "CKN-KEL-CB";

struct Cycle {
    admin: String,
    lurah: String,
    period: String,
}

/// Camat → Lurah → STAF_A, STAF_B (CKN-KEL-CB); Triwulan II open; STAF_A rated final by
/// the lurah and the unit's org result set. The lurah and STAF_B are not rated.
async fn cycle(app: &TestApp) -> Cycle {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    approve_skp(app, STAF_A).await;
    let period = open_q2(app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    assert_json(
        rate(app, &lurah, &period, STAF_A, "baik", true).await,
        StatusCode::OK,
    )
    .await;
    assert_json(
        set_org_result(app, &admin, &period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;
    Cycle {
        admin,
        lurah,
        period,
    }
}

async fn exempt(app: &TestApp, token: &str, period: &str, nip: &str, reason: &str) -> Response {
    app.post_json(
        &format!("/api/v1/periods/{period}/exemptions"),
        token,
        &json!({ "nip": nip, "reason": reason, "note": "Cuti melahirkan sesuai surat izin" }),
    )
    .await
}

async fn publish(app: &TestApp, token: &str, period: &str) -> Response {
    app.post_json(
        &format!("/api/v1/periods/{period}/publish"),
        token,
        &json!({}),
    )
    .await
}

async fn close(app: &TestApp, token: &str, period: &str) {
    let resp = app
        .post_json(
            &format!("/api/v1/periods/{period}/close"),
            token,
            &json!({}),
        )
        .await;
    assert_json(resp, StatusCode::OK).await;
}

/// (unit_code, nip) of each blocker in a 409's details.
fn blockers(body: &Value) -> Vec<(String, String)> {
    body["error"]["details"]["blockers"]
        .as_array()
        .expect("details.blockers")
        .iter()
        .map(|b| {
            (
                b["unit_code"].as_str().expect("unit").to_string(),
                b["nip"].as_str().expect("nip").to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn finalising_a_unit_with_unrated_members_is_refused_naming_them() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    let refused = finalise(&app, &c.admin, &c.period, UNIT, None).await;
    let body = assert_error(refused, StatusCode::CONFLICT, "unit_incomplete").await;
    assert_eq!(
        blockers(&body),
        vec![(UNIT.into(), LURAH.into()), (UNIT.into(), STAF_B.into())]
    );
    assert_eq!(
        body["error"]["details"]["blockers"][0]["name"],
        "Baiq Lurah"
    );
    let message = body["error"]["message"].as_str().expect("message");
    assert!(message.starts_with("2 pegawai"), "{message}");
    assert!(message.contains(STAF_B), "{message}");
    // The rated member and the camat (no supervisor in the system) do not block.
    assert!(
        !message.contains(STAF_A) && !message.contains(CAMAT),
        "{message}"
    );

    // HR's overview names the same blockers for the unit.
    let list = app
        .get_ok(&format!("/api/v1/periods/{}/units", c.period), &c.admin)
        .await;
    let unit = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|u| u["unit_code"] == UNIT)
        .expect("unit listed")
        .clone();
    let nips: Vec<&str> = unit["blockers"]
        .as_array()
        .expect("blockers")
        .iter()
        .filter_map(|b| b["nip"].as_str())
        .collect();
    assert_eq!(nips, vec![LURAH, STAF_B]);
    assert_eq!(unit["finalised"], false);
}

#[tokio::test]
async fn exempting_the_unrated_members_lets_the_unit_be_finalised_and_is_audited() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    let hr = app.role_token("hr").await;
    let created = assert_json(
        exempt(&app, &hr, &c.period, STAF_B, "cuti").await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["nip"], STAF_B);
    assert_eq!(created["reason"], "cuti");
    assert_eq!(created["unit_code"], UNIT);
    assert_json(
        exempt(&app, &c.admin, &c.period, LURAH, "dipekerjakan").await,
        StatusCode::CREATED,
    )
    .await;
    // Once per employee and period.
    assert_error(
        exempt(&app, &hr, &c.period, STAF_B, "lainnya").await,
        StatusCode::CONFLICT,
        "exemption_exists",
    )
    .await;

    let done = assert_json(
        finalise(&app, &c.admin, &c.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(done["finalised"], true);

    let auditor = app.role_token("auditor").await;
    let list = app
        .get_ok(
            &format!("/api/v1/periods/{}/exemptions", c.period),
            &auditor,
        )
        .await;
    let nips: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|x| x["nip"].as_str())
        .collect();
    assert_eq!(nips, vec![STAF_B, LURAH]);
    let log = app
        .get_ok("/api/v1/audit?object_type=exemption&per_page=50", &auditor)
        .await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        vec!["exemption.create", "exemption.create"],
        "{log}"
    );
    assert!(
        log["items"][1]["detail"]
            .as_str()
            .is_some_and(|d| d.contains(STAF_B) && d.contains("cuti")),
        "{log}"
    );
}

#[tokio::test]
async fn an_exemption_is_removed_before_finalisation_but_not_after() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    for nip in [LURAH, STAF_B] {
        assert_json(
            exempt(&app, &c.admin, &c.period, nip, "tugas_belajar").await,
            StatusCode::CREATED,
        )
        .await;
    }
    let path = format!("/api/v1/periods/{}/exemptions/{STAF_B}", c.period);
    assert_eq!(
        app.delete(&path, &c.admin).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_error(
        app.delete(&path, &c.admin).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Without the exemption STAF_B blocks again.
    let refused = finalise(&app, &c.admin, &c.period, UNIT, None).await;
    let body = assert_error(refused, StatusCode::CONFLICT, "unit_incomplete").await;
    assert_eq!(blockers(&body), vec![(UNIT.into(), STAF_B.into())]);

    assert_json(
        exempt(&app, &c.admin, &c.period, STAF_B, "cuti").await,
        StatusCode::CREATED,
    )
    .await;
    assert_json(
        finalise(&app, &c.admin, &c.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    assert_error(
        app.delete(&path, &c.admin).await,
        StatusCode::CONFLICT,
        "unit_finalised",
    )
    .await;
    let auditor = app.role_token("auditor").await;
    let log = app
        .get_ok("/api/v1/audit?object_type=exemption&per_page=50", &auditor)
        .await;
    assert!(
        log["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|e| e["action"] == "exemption.delete"),
        "{log}"
    );
}

#[tokio::test]
async fn a_period_result_is_a_rating_or_an_exemption_never_both() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    // STAF_A is rated: no exemption.
    assert_error(
        exempt(&app, &c.admin, &c.period, STAF_A, "cuti").await,
        StatusCode::CONFLICT,
        "employee_evaluated",
    )
    .await;
    // STAF_B is exempted: no rating.
    approve_skp(&app, STAF_B).await;
    assert_json(
        exempt(&app, &c.admin, &c.period, STAF_B, "cuti").await,
        StatusCode::CREATED,
    )
    .await;
    assert_error(
        rate(&app, &c.lurah, &c.period, STAF_B, "baik", true).await,
        StatusCode::CONFLICT,
        "employee_exempt",
    )
    .await;
    // A note is required; an unknown employee is a 404.
    let short = app
        .post_json(
            &format!("/api/v1/periods/{}/exemptions", c.period),
            &c.admin,
            &json!({ "nip": LURAH, "reason": "cuti", "note": " " }),
        )
        .await;
    let body = assert_error(short, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["note"].is_array(), "{body}");
    assert_error(
        exempt(&app, &c.admin, &c.period, "199901012020011999", "cuti").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn only_hr_and_admin_may_exempt_and_the_auditor_reads() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let auditor = app.role_token("auditor").await;
    for token in [&c.lurah, &camat, &auditor] {
        assert_error(
            exempt(&app, token, &c.period, STAF_B, "cuti").await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let list = format!("/api/v1/periods/{}/exemptions", c.period);
    assert_error(
        app.get(&list, &c.lurah).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_json(
        exempt(&app, &c.admin, &c.period, STAF_B, "cuti").await,
        StatusCode::CREATED,
    )
    .await;
    assert_error(
        app.delete(&format!("{list}/{STAF_B}"), &c.lurah).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_eq!(app.get_ok(&list, &auditor).await["items"][0]["nip"], STAF_B);
}

#[tokio::test]
async fn publishing_is_refused_while_anyone_in_scope_has_neither_naming_them() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    for nip in [LURAH, STAF_B] {
        assert_json(
            exempt(&app, &c.admin, &c.period, nip, "cuti").await,
            StatusCode::CREATED,
        )
        .await;
    }
    assert_json(
        finalise(&app, &c.admin, &c.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    // A member of another kelurahan, never rated: that unit has no evaluations to finalise,
    // but its member blocks publication.
    let other = "199504042019031005";
    let resp = app
        .put_employee(&c.admin, other, "Lalu Lain", "CKN-KEL-MAY", Some(CAMAT))
        .await;
    assert!(resp.status().is_success(), "{}", resp.status());
    close(&app, &c.admin, &c.period).await;

    let refused = publish(&app, &c.admin, &c.period).await;
    let body = assert_error(refused, StatusCode::CONFLICT, "period_incomplete").await;
    assert_eq!(
        blockers(&body),
        vec![("CKN-KEL-MAY".to_string(), other.to_string())]
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains(other) && m.contains("CKN-KEL-MAY")),
        "{body}"
    );
    // The overview lists the unit with its blocker although it has no evaluations.
    let list = app
        .get_ok(&format!("/api/v1/periods/{}/units", c.period), &c.admin)
        .await;
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|u| { u["unit_code"] == "CKN-KEL-MAY" && u["blockers"][0]["nip"] == other }),
        "{list}"
    );

    assert_json(
        exempt(&app, &c.admin, &c.period, other, "dipekerjakan").await,
        StatusCode::CREATED,
    )
    .await;
    let published = assert_json(publish(&app, &c.admin, &c.period).await, StatusCode::OK).await;
    assert_eq!(published["state"], "published");
    // Nothing changes once published.
    assert_error(
        app.delete(
            &format!("/api/v1/periods/{}/exemptions/{other}", c.period),
            &c.admin,
        )
        .await,
        StatusCode::CONFLICT,
        "period_published",
    )
    .await;
}

/// Reads an SSE stream until `needle` appears or the time runs out; returns what was read.
async fn read_until(resp: Response, needle: &str, wait: std::time::Duration) -> String {
    use futures_util::StreamExt;
    let mut stream = resp.bytes_stream();
    let mut seen = String::new();
    let _ = tokio::time::timeout(wait, async {
        while let Some(Ok(chunk)) = stream.next().await {
            seen.push_str(&String::from_utf8_lossy(&chunk));
            if seen.contains(needle) {
                break;
            }
        }
    })
    .await;
    seen
}

#[tokio::test]
async fn an_exempted_employee_gets_no_result_and_no_event() {
    let app = spawn_app().await;
    let c = cycle(&app).await;
    for nip in [LURAH, STAF_B] {
        assert_json(
            exempt(&app, &c.admin, &c.period, nip, "cuti").await,
            StatusCode::CREATED,
        )
        .await;
    }
    assert_json(
        finalise(&app, &c.admin, &c.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    close(&app, &c.admin, &c.period).await;
    let rated = app.employee_token(STAF_A, &["employee"]).await;
    let exempted = app.employee_token(STAF_B, &["employee"]).await;
    let connect = |token: String| {
        let app = &app;
        async move { app.open_events(&token).await }
    };
    let mine = connect(rated).await;
    let theirs = connect(exempted.clone()).await;
    let publisher = async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_json(publish(&app, &c.admin, &c.period).await, StatusCode::OK).await;
    };
    let wait = std::time::Duration::from_secs(3);
    let (seen, unseen, ()) = tokio::join!(
        read_until(mine, "event: predikat_published", wait),
        read_until(theirs, "event: predikat_published", wait),
        publisher
    );
    assert!(seen.contains("event: predikat_published"), "{seen}");
    assert!(unseen.contains("event: period_published"), "{unseen}");
    assert!(!unseen.contains("event: predikat_published"), "{unseen}");

    // The results and the SIASN export carry the rated employee only.
    let results = app
        .get_ok(&format!("/api/v1/periods/{}/results", c.period), &c.admin)
        .await;
    let text = results.to_string();
    assert!(text.contains(STAF_A), "{text}");
    assert!(!text.contains(STAF_B), "{text}");
    let siasn = app
        .get(
            &format!("/api/v1/periods/{}/results/siasn", c.period),
            &c.admin,
        )
        .await;
    assert_eq!(siasn.status(), StatusCode::OK);
    let siasn = siasn.text().await.expect("body");
    assert!(siasn.contains(STAF_A) && !siasn.contains(STAF_B), "{siasn}");
}
