//! The distribution curve per unit (SE MenPANRB 3/2023) through the API: each org result
//! at and around each limit, the small-unit warning, who may set the org result and read
//! the distribution, and finalisation (refused when broken, accepted with a recorded
//! override reason).

use crate::evaluations::{approve_skp, exempt_unrated, finalise, open_q2, rate, set_org_result};
use crate::helpers::{
    CAMAT, LURAH, STAF_A, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use serde_json::Value;

const UNIT: &str = "CKN-KEL-CB";

/// A valid NIP for the n-th extra staff member (born 1 January 1990, TMT March 2015).
fn staff_nip(n: usize) -> String {
    format!("199001012015031{:03}", n + 100)
}

struct Unit {
    period: String,
    admin: String,
    lurah: String,
    staff: Vec<String>,
}

/// The camat, the lurah and `n` staff under the lurah in CKN-KEL-CB, each with an
/// approved SKP; Triwulan II 2026 open.
async fn unit_of(app: &TestApp, n: usize) -> Unit {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    let mut staff = Vec::new();
    for i in 0..n {
        let nip = staff_nip(i);
        let resp = app
            .put_employee(&admin, &nip, &format!("Staf Uji {i}"), UNIT, Some(LURAH))
            .await;
        assert!(resp.status().is_success(), "seed {nip}: {}", resp.status());
        approve_skp(app, &nip).await;
        staff.push(nip);
    }
    let period = open_q2(app, &admin).await;
    let lurah = app.employee_token(LURAH, &["employee"]).await;
    Unit {
        period,
        admin,
        lurah,
        staff,
    }
}

/// Rates the unit's staff in order with the given predikats (as drafts, or final).
async fn rate_unit(app: &TestApp, u: &Unit, spec: &[(&str, usize)], fin: bool) {
    let predikats: Vec<&str> = spec
        .iter()
        .flat_map(|(p, n)| std::iter::repeat_n(*p, *n))
        .collect();
    assert_eq!(
        predikats.len(),
        u.staff.len(),
        "spec covers every staff member"
    );
    for (nip, p) in u.staff.iter().zip(predikats) {
        assert_json(
            rate(app, &u.lurah, &u.period, nip, p, fin).await,
            StatusCode::OK,
        )
        .await;
    }
}

async fn distribution(app: &TestApp, u: &Unit) -> Value {
    app.get_ok(
        &format!("/api/v1/periods/{}/units/{UNIT}/distribution", u.period),
        &u.admin,
    )
    .await
}

/// (limit, actual, satisfied) of each rule.
fn rules(d: &Value) -> Vec<(u64, u64, bool)> {
    d["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            (
                r["limit"].as_u64().expect("limit"),
                r["actual"].as_u64().expect("actual"),
                r["satisfied"].as_bool().expect("satisfied"),
            )
        })
        .collect()
}

/// Rates, reads the distribution, and checks the rules' outcome and `conforms`.
async fn expect(app: &TestApp, u: &Unit, spec: &[(&str, usize)], outcome: &[(u64, u64, bool)]) {
    rate_unit(app, u, spec, false).await;
    let d = distribution(app, u).await;
    assert_eq!(rules(&d), outcome, "{spec:?}: {d}");
    let all_ok = outcome.iter().all(|o| o.2);
    assert_eq!(d["conforms"], all_ok, "{spec:?}");
    assert_eq!(d["needs_override"], !all_ok, "{spec:?}");
    for r in d["rules"].as_array().expect("rules") {
        // A broken rule says what breaks; a kept one says nothing.
        assert_eq!(
            r["message"].is_string(),
            !r["satisfied"].as_bool().expect("bool")
        );
    }
}

#[tokio::test]
async fn istimewa_allows_at_most_seventy_percent_sangat_baik() {
    let app = spawn_app().await;
    let u = unit_of(&app, 10).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "istimewa").await,
        StatusCode::OK,
    )
    .await;

    expect(
        &app,
        &u,
        &[("sangat_baik", 7), ("baik", 3)],
        &[(7, 7, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("sangat_baik", 6), ("kurang", 4)],
        &[(7, 6, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("sangat_baik", 8), ("baik", 2)],
        &[(7, 8, false)],
    )
    .await;

    let d = distribution(&app, &u).await;
    assert_eq!(d["counts"]["sangat_baik"], 8);
    assert_eq!(d["percentages"]["sangat_baik"], 80.0);
    assert_eq!(d["employees"], 10);
    assert_eq!(
        d["rules"][0]["message"],
        "Predikat Sangat Baik paling banyak 7 dari 10 pegawai (70%, dibulatkan ke atas), tetapi ada 8 pegawai."
    );
}

#[tokio::test]
async fn baik_allows_at_most_seventy_percent_baik_and_needs_one_low_predikat() {
    let app = spawn_app().await;
    let u = unit_of(&app, 10).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;

    expect(
        &app,
        &u,
        &[("baik", 7), ("sangat_baik", 2), ("butuh_perbaikan", 1)],
        &[(7, 7, true), (1, 1, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("baik", 8), ("sangat_baik", 1), ("kurang", 1)],
        &[(7, 8, false), (1, 1, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("baik", 7), ("sangat_baik", 2), ("sangat_kurang", 1)],
        &[(7, 7, true), (1, 0, false)],
    )
    .await;
}

#[tokio::test]
async fn butuh_perbaikan_needs_sixty_percent_and_at_most_ten_percent_sangat_baik() {
    let app = spawn_app().await;
    let u = unit_of(&app, 10).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "butuh_perbaikan").await,
        StatusCode::OK,
    )
    .await;

    expect(
        &app,
        &u,
        &[("butuh_perbaikan", 6), ("baik", 3), ("sangat_baik", 1)],
        &[(6, 6, true), (1, 1, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("butuh_perbaikan", 5), ("baik", 5)],
        &[(6, 5, false), (1, 0, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("butuh_perbaikan", 7), ("baik", 1), ("sangat_baik", 2)],
        &[(6, 7, true), (1, 2, false)],
    )
    .await;
}

#[tokio::test]
async fn kurang_needs_sixty_percent_kurang_ten_percent_butuh_perbaikan_and_few_sangat_baik() {
    let app = spawn_app().await;
    let u = unit_of(&app, 10).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "kurang").await,
        StatusCode::OK,
    )
    .await;

    expect(
        &app,
        &u,
        &[
            ("kurang", 6),
            ("butuh_perbaikan", 1),
            ("sangat_baik", 1),
            ("baik", 2),
        ],
        &[(6, 6, true), (1, 1, true), (1, 1, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("kurang", 5), ("butuh_perbaikan", 1), ("baik", 4)],
        &[(6, 5, false), (1, 1, true), (1, 0, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("kurang", 7), ("baik", 3)],
        &[(6, 7, true), (1, 0, false), (1, 0, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("kurang", 6), ("butuh_perbaikan", 2), ("sangat_baik", 2)],
        &[(6, 6, true), (1, 2, true), (1, 2, false)],
    )
    .await;
}

#[tokio::test]
async fn sangat_kurang_needs_sixty_percent_and_no_sangat_baik() {
    let app = spawn_app().await;
    let u = unit_of(&app, 10).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "sangat_kurang").await,
        StatusCode::OK,
    )
    .await;

    expect(
        &app,
        &u,
        &[("sangat_kurang", 6), ("kurang", 1), ("baik", 3)],
        &[(6, 6, true), (1, 1, true), (0, 0, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("sangat_kurang", 5), ("butuh_perbaikan", 1), ("baik", 4)],
        &[(6, 5, false), (1, 1, true), (0, 0, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("sangat_kurang", 7), ("baik", 3)],
        &[(6, 7, true), (1, 0, false), (0, 0, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[
            ("sangat_kurang", 6),
            ("kurang", 1),
            ("sangat_baik", 1),
            ("baik", 2),
        ],
        &[(6, 6, true), (1, 1, true), (0, 1, false)],
    )
    .await;
}

#[tokio::test]
async fn rounding_favours_the_employees_in_a_unit_of_nine() {
    let app = spawn_app().await;
    let u = unit_of(&app, 9).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "butuh_perbaikan").await,
        StatusCode::OK,
    )
    .await;

    // At least 60% of 9 = 5.4 → 5 (down); at most 10% of 9 = 0.9 → 1 (up).
    expect(
        &app,
        &u,
        &[("butuh_perbaikan", 5), ("baik", 3), ("sangat_baik", 1)],
        &[(5, 5, true), (1, 1, true)],
    )
    .await;
    expect(
        &app,
        &u,
        &[("butuh_perbaikan", 4), ("baik", 5)],
        &[(5, 4, false), (1, 0, true)],
    )
    .await;
}

#[tokio::test]
async fn a_unit_below_five_gets_a_warning_and_finalises_without_an_override() {
    let app = spawn_app().await;
    let u = unit_of(&app, 4).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;
    rate_unit(&app, &u, &[("baik", 4)], true).await;
    // The seeded lurah and staff outside the test's staff are exempted (ADR 0018).
    exempt_unrated(&app, &u.admin, &u.period).await;

    let d = distribution(&app, &u).await;
    assert_eq!(d["small_unit"], true);
    assert_eq!(d["conforms"], false);
    assert_eq!(d["needs_override"], false);
    assert!(
        d["warning"]
            .as_str()
            .is_some_and(|w| w.contains("peringatan")),
        "{d}"
    );

    let done = assert_json(
        finalise(&app, &u.admin, &u.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(done["finalised"], true);
    assert!(done["override_reason"].is_null());
}

#[tokio::test]
async fn finalising_a_broken_curve_needs_an_override_reason_which_is_recorded() {
    let app = spawn_app().await;
    let u = unit_of(&app, 5).await;
    // Istimewa, 5 employees: at most ceil(3.5) = 4 Sangat Baik; here 5.
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "istimewa").await,
        StatusCode::OK,
    )
    .await;
    rate_unit(&app, &u, &[("sangat_baik", 5)], true).await;
    exempt_unrated(&app, &u.admin, &u.period).await;

    let refused = finalise(&app, &u.admin, &u.period, UNIT, None).await;
    let body = assert_error(refused, StatusCode::CONFLICT, "distribution_violated").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("paling banyak 4 dari 5")),
        "{body}"
    );
    let short = finalise(&app, &u.admin, &u.period, UNIT, Some("terlalu")).await;
    assert_error(short, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let reason = "Seluruh staf menuntaskan program prioritas wali kota";
    let ok = assert_json(
        finalise(&app, &u.admin, &u.period, UNIT, Some(reason)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ok["finalised"], true);

    let d = distribution(&app, &u).await;
    assert_eq!(d["override_reason"], reason);
    assert!(d["finalised_at"].is_string());
    let auditor = app.role_token("auditor").await;
    let log = app
        .get_ok("/api/v1/audit?object_type=org_result&per_page=50", &auditor)
        .await;
    let entries = log["items"].as_array().expect("items");
    assert!(
        entries.iter().any(|e| e["action"] == "org_result.finalise"
            && e["detail"].as_str().is_some_and(|d| d.contains(reason))),
        "{log}"
    );
    // Finalised once: a second finalisation is refused.
    assert_error(
        finalise(&app, &u.admin, &u.period, UNIT, Some(reason)).await,
        StatusCode::CONFLICT,
        "unit_finalised",
    )
    .await;
}

#[tokio::test]
async fn finalising_needs_the_org_result_and_every_evaluation_final() {
    let app = spawn_app().await;
    let u = unit_of(&app, 2).await;
    rate_unit(&app, &u, &[("baik", 2)], false).await;

    let missing = finalise(&app, &u.admin, &u.period, UNIT, None).await;
    assert_error(missing, StatusCode::CONFLICT, "org_result_missing").await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;
    let drafts = finalise(&app, &u.admin, &u.period, UNIT, None).await;
    let body = assert_error(drafts, StatusCode::CONFLICT, "evaluations_not_final").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .starts_with('2')
    );
    assert_eq!(distribution(&app, &u).await["evaluations_not_final"], 2);
}

#[tokio::test]
async fn the_leader_above_sets_the_org_result_and_the_unit_head_only_reads() {
    let app = spawn_app().await;
    let u = unit_of(&app, 1).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    let staf = app.employee_token(STAF_A, &["employee"]).await;
    let hr = app.role_token("hr").await;
    let auditor = app.role_token("auditor").await;

    // The camat (CKN, above the kelurahan, supervising its lurah) sets it…
    assert_json(
        set_org_result(&app, &camat, &u.period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;
    // …the lurah (head of the unit itself) and a staff member may not, nor the auditor.
    for token in [&u.lurah, &staf, &auditor] {
        assert_error(
            set_org_result(&app, token, &u.period, UNIT, "istimewa").await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
        assert_error(
            finalise(&app, token, &u.period, UNIT, None).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    // The camat leads nothing above CKN itself: not a leader above his own unit.
    assert_error(
        set_org_result(&app, &camat, &u.period, "CKN", "baik").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_json(
        set_org_result(&app, &hr, &u.period, UNIT, "kurang").await,
        StatusCode::OK,
    )
    .await;

    let path = format!("/api/v1/periods/{}/units/{UNIT}/distribution", u.period);
    for token in [&camat, &u.lurah, &hr, &auditor] {
        let d = app.get_ok(&path, token).await;
        assert_eq!(d["org_result"], "kurang");
    }
    assert_error(
        app.get(&path, &staf).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // The other kelurahan is not the lurah's.
    let other = format!(
        "/api/v1/periods/{}/units/CKN-KEL-MAY/distribution",
        u.period
    );
    assert_error(
        app.get(&other, &u.lurah).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn an_unknown_org_result_is_refused_and_the_overview_lists_units() {
    let app = spawn_app().await;
    let u = unit_of(&app, 1).await;
    rate_unit(&app, &u, &[("baik", 1)], true).await;
    let bad = app
        .put_json(
            &format!("/api/v1/periods/{}/units/{UNIT}/org-result", u.period),
            &u.admin,
            &serde_json::json!({ "result": "luar_biasa" }),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let missing = set_org_result(&app, &u.admin, &u.period, "NOPE", "baik").await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;

    let list = app
        .get_ok(&format!("/api/v1/periods/{}/units", u.period), &u.admin)
        .await;
    assert_eq!(list["items"][0]["unit_code"], UNIT);
    assert_eq!(list["items"][0]["employees"], 1);
    assert_eq!(list["items"][0]["finalised"], false);
}

#[tokio::test]
async fn publishing_waits_for_every_unit_with_evaluations() {
    let app = spawn_app().await;
    let u = unit_of(&app, 1).await;
    rate_unit(&app, &u, &[("baik", 1)], true).await;
    let camat = app.employee_token(CAMAT, &["employee"]).await;
    approve_skp(&app, LURAH).await;
    // The lurah's own evaluation counts in the kelurahan too (his unit).
    assert_json(
        rate(&app, &camat, &u.period, LURAH, "baik", true).await,
        StatusCode::OK,
    )
    .await;
    let close = app
        .post_json(
            &format!("/api/v1/periods/{}/close", u.period),
            &u.admin,
            &serde_json::json!({}),
        )
        .await;
    assert_json(close, StatusCode::OK).await;

    let publish = || async {
        app.post_json(
            &format!("/api/v1/periods/{}/publish", u.period),
            &u.admin,
            &serde_json::json!({}),
        )
        .await
    };
    let refused = publish().await;
    let body = assert_error(refused, StatusCode::CONFLICT, "units_not_finalised").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains(UNIT)
    );

    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;
    exempt_unrated(&app, &u.admin, &u.period).await;
    assert_json(
        finalise(&app, &u.admin, &u.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    let published = assert_json(publish().await, StatusCode::OK).await;
    assert_eq!(published["state"], "published");
    // Nothing of the unit changes after publication.
    assert_error(
        set_org_result(&app, &u.admin, &u.period, UNIT, "istimewa").await,
        StatusCode::CONFLICT,
        "period_published",
    )
    .await;
}

/// Reads an SSE stream until `needle` appears or the time runs out; returns what was read.
async fn read_until(resp: reqwest::Response, needle: &str, wait: std::time::Duration) -> String {
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
async fn publishing_tells_each_evaluated_employee_and_nobody_else() {
    let app = spawn_app().await;
    let u = unit_of(&app, 1).await;
    rate_unit(&app, &u, &[("baik", 1)], true).await;
    let evaluated = app.employee_token(&u.staff[0], &["employee"]).await;
    let other = app.employee_token(STAF_A, &["employee"]).await;
    assert_json(
        set_org_result(&app, &u.admin, &u.period, UNIT, "baik").await,
        StatusCode::OK,
    )
    .await;
    exempt_unrated(&app, &u.admin, &u.period).await;
    assert_json(
        finalise(&app, &u.admin, &u.period, UNIT, None).await,
        StatusCode::OK,
    )
    .await;
    let close = app
        .post_json(
            &format!("/api/v1/periods/{}/close", u.period),
            &u.admin,
            &serde_json::json!({}),
        )
        .await;
    assert_json(close, StatusCode::OK).await;
    let connect = |token: String| {
        let app = &app;
        async move { app.open_events(&token).await }
    };
    let mine = connect(evaluated).await;
    let theirs = connect(other).await;

    let publisher = async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let resp = app
            .post_json(
                &format!("/api/v1/periods/{}/publish", u.period),
                &u.admin,
                &serde_json::json!({}),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
    };
    let wait = std::time::Duration::from_secs(3);
    let (seen, unseen, ()) = tokio::join!(
        read_until(mine, "event: predikat_published", wait),
        read_until(theirs, "event: predikat_published", wait),
        publisher
    );

    assert!(seen.contains("event: predikat_published"), "{seen}");
    assert!(seen.contains(&u.period), "{seen}");
    assert!(unseen.contains("event: period_published"), "{unseen}");
    assert!(!unseen.contains("event: predikat_published"), "{unseen}");
}
