//! The attacks of issue 10 on 360 anonymity, tried as a ratee, a supervisor and HR would
//! (ADR 0013): differencing around one more response, the event stream during a submit,
//! quality flags about one's own raters, and counts below the threshold.

use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

use crate::evaluations::act;
use crate::helpers::{CAMAT, LURAH, STAF_A, assert_error};
use crate::ratings360::{PEER_1, PEER_2, PEER_3, PEER_4, Round, group, round, scores};

/// Everything the ratee, their supervisor and HR can read about the Lurah's round.
async fn views(r: &Round) -> Vec<(&'static str, String)> {
    let summary = |token: String| async move { r.summary_now(LURAH, &token).await.to_string() };
    let team = r
        .app
        .get_ok(
            &format!("/api/v1/periods/{}/team", r.period),
            r.token(CAMAT),
        )
        .await;
    let raters = r
        .app
        .get_ok(
            &format!("/api/v1/periods/{}/employees/{LURAH}/raters", r.period),
            r.token(CAMAT),
        )
        .await;
    let peers = r
        .app
        .get_ok(
            &format!("/api/v1/periods/{}/employees/{LURAH}/peers", r.period),
            r.token(LURAH),
        )
        .await;
    vec![
        ("ratee summary", summary(r.token(LURAH).to_string()).await),
        (
            "supervisor summary",
            summary(r.token(CAMAT).to_string()).await,
        ),
        ("HR summary", summary(r.hr.clone()).await),
        ("supervisor team", team.to_string()),
        ("supervisor rater list", raters.to_string()),
        ("ratee peers list", peers.to_string()),
    ]
}

#[tokio::test]
async fn one_more_peer_response_changes_nothing_anyone_sees_until_the_release() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3, PEER_4])
        .await;
    for (p, s) in [(PEER_1, 4), (PEER_2, 5), (PEER_3, 3)] {
        r.rate(p, LURAH, s, Some("Cukup baik")).await;
    }

    let before = views(&r).await;
    r.rate(PEER_4, LURAH, 2, Some("Sering terlambat")).await;
    let after = views(&r).await;

    // Byte-identical: 4·m₁ − 3·m₀ recovers nothing, and nobody learns who submitted.
    for ((what, b), (_, a)) in before.iter().zip(&after) {
        assert_eq!(b, a, "{what} changed with one response");
    }
    let s: Value = serde_json::from_str(&after[0].1).expect("json");
    assert_eq!(s["released"], false, "{s}");
    assert_eq!(s["groups"], json!([]), "{s}");
    assert!(!after[0].1.contains("Sering terlambat"));
}

#[tokio::test]
async fn closing_releases_one_snapshot_that_no_later_response_changes() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3, PEER_4])
        .await;
    for (p, s) in [(PEER_1, 4), (PEER_2, 5), (PEER_3, 3), (PEER_4, 2)] {
        r.rate(p, LURAH, s, None).await;
    }

    act(&r.app, &r.admin, &r.period, "close").await;
    let released = r.summary_now(LURAH, r.token(LURAH)).await;
    let pending = r.form_id(STAF_A, LURAH).await;
    let while_closed = r
        .put_form(
            STAF_A,
            &pending,
            &json!({ "scores": scores(1), "submit": true }),
        )
        .await;
    act(&r.app, &r.admin, &r.period, "open").await;
    let after_reopening = r
        .put_form(
            STAF_A,
            &pending,
            &json!({ "scores": scores(1), "submit": true }),
        )
        .await;
    let later = r.summary_now(LURAH, r.token(LURAH)).await;

    assert_eq!(released["released"], true, "{released}");
    let peers = group(&released, "peer");
    assert_eq!(peers["responses"], 4, "{released}");
    assert_eq!(peers["mean"], 3.5, "(4 + 5 + 3 + 2) / 4: {released}");
    assert_error(while_closed, StatusCode::CONFLICT, "period_not_open").await;
    assert_error(
        after_reopening,
        StatusCode::CONFLICT,
        "results_360_released",
    )
    .await;
    assert_eq!(released, later, "the snapshot is final");
}

async fn read_stream(resp: reqwest::Response, wait: Duration) -> String {
    let mut stream = resp.bytes_stream();
    let mut seen = String::new();
    let _ = tokio::time::timeout(wait, async {
        while let Some(Ok(chunk)) = stream.next().await {
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    })
    .await;
    seen
}

#[tokio::test]
async fn a_submit_sends_no_event_to_the_ratee_the_supervisor_or_hr() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1]).await;
    let open = |token: String| {
        let app = &r.app;
        async move {
            app.client
                .get(app.url("/api/v1/events"))
                .bearer_auth(token)
                .send()
                .await
                .expect("connect")
        }
    };
    let ratee = open(r.token(LURAH).to_string()).await;
    let supervisor = open(r.token(CAMAT).to_string()).await;
    let hr = open(r.hr.clone()).await;
    let admin = open(r.admin.clone()).await;

    let (a, b, c, d, ()) = tokio::join!(
        read_stream(ratee, Duration::from_secs(3)),
        read_stream(supervisor, Duration::from_secs(3)),
        read_stream(hr, Duration::from_secs(3)),
        read_stream(admin, Duration::from_secs(3)),
        async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            r.rate(PEER_1, LURAH, 4, None).await;
        }
    );

    for (who, events) in [("ratee", a), ("supervisor", b), ("HR", c), ("admin", d)] {
        let kinds: Vec<&str> = events
            .lines()
            .filter_map(|l| l.strip_prefix("event: "))
            .filter(|k| *k != "ready")
            .collect();
        assert!(kinds.is_empty(), "{who} heard {kinds:?}");
    }
}

#[tokio::test]
async fn quality_flags_show_no_numbers_and_nothing_about_ones_own_raters() {
    let r = round().await;
    for ratee in [LURAH, PEER_2, PEER_3] {
        r.assign_peers(ratee, &[PEER_1]).await;
        r.rate(PEER_1, ratee, 4, None).await;
    }
    r.set_released(true).await;
    let path = format!("/api/v1/periods/{}/360/quality", r.period);
    // The Lurah is also an HR officer: Peer 1 rated him.
    {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        entity::user::Entity::update_many()
            .col_expr(entity::user::Column::Roles, Expr::value("employee,hr"))
            .filter(entity::user::Column::Nip.eq(LURAH))
            .exec(&r.app.db.write)
            .await
            .expect("make the Lurah an HR officer");
    }
    let lurah_hr = r.app.login_token(LURAH, crate::helpers::PASSWORD).await;

    let by_hr = r.app.get_ok(&path, &r.hr).await;
    let by_ratee_hr = r.app.get_ok(&path, &lurah_hr).await;

    let items = by_hr["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{by_hr}");
    assert_eq!(items[0]["nip"], PEER_1);
    assert!(items[0].get("mean").is_none() && items[0].get("responses").is_none());
    assert_eq!(by_ratee_hr["items"], json!([]), "{by_ratee_hr}");
}

#[tokio::test]
async fn a_released_group_below_the_threshold_has_no_count() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1]).await;
    r.rate(PEER_1, LURAH, 5, None).await;
    r.set_released(true).await;

    let s = r.summary_now(LURAH, r.token(LURAH)).await;

    let peer = group(&s, "peer");
    assert!(peer["responses"].is_null(), "{s}");
    assert_eq!(peer["count_below_threshold"], true);
    assert!(peer["mean"].is_null());
    assert_eq!(group(&s, "self")["count_below_threshold"], false);
}

#[tokio::test]
async fn no_get_the_ratee_can_reach_names_a_peer_who_rated_them() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3]).await;
    for (p, s) in [(PEER_1, 4), (PEER_2, 5), (PEER_3, 3)] {
        r.rate(p, LURAH, s, Some("Rahasia penilai")).await;
    }
    r.set_released(true).await;
    let doc: Value = r.app.get_ok("/api-docs/openapi.json", "").await;
    let mut paths: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .filter(|(_, item)| item.get("get").is_some())
        .map(|(path, _)| {
            path.replace("{id}", &r.period)
                .replace("{period_id}", &r.period)
                .replace("{nip}", LURAH)
                .replace("{code}", "CKN-KEL-CB")
        })
        .filter(|p| !p.contains('{') && !p.ends_with("/events"))
        .collect();
    paths.sort();
    let mut forbidden: Vec<String> = vec![PEER_1.into(), PEER_2.into(), PEER_3.into()];
    for p in [PEER_1, PEER_2, PEER_3] {
        forbidden.push(r.form_id(p, LURAH).await);
    }

    for path in &paths {
        let resp = r.app.get(path, r.token(LURAH)).await;
        let text = resp.text().await.expect("body");
        for secret in &forbidden {
            assert!(
                !text.contains(secret.as_str()),
                "GET {path} reveals a peer rater ({secret}) to the ratee"
            );
        }
    }
    assert!(paths.len() > 20, "the scan reaches the API: {paths:?}");
}

/// Every GET of the API with the round's ids filled in (the event stream aside).
async fn every_get(r: &Round) -> Vec<String> {
    let doc: Value = r.app.get_ok("/api-docs/openapi.json", "").await;
    let mut paths: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .filter(|(_, item)| item.get("get").is_some())
        .map(|(path, _)| {
            path.replace("{id}", &r.period)
                .replace("{period_id}", &r.period)
                .replace("{nip}", LURAH)
                .replace("{code}", "CKN-KEL-CB")
        })
        .filter(|p| !p.contains('{') && !p.ends_with("/events"))
        .collect();
    paths.sort();
    paths
}

/// What one role reads from every GET, in order.
async fn read_everything(r: &Round, paths: &[String], token: &str) -> Vec<(String, u16, String)> {
    let mut out = Vec::new();
    for path in paths {
        let resp = r.app.get(path, token).await;
        let status = resp.status().as_u16();
        out.push((path.clone(), status, resp.text().await.expect("body")));
    }
    out
}

#[tokio::test]
async fn no_get_of_the_ratee_supervisor_hr_or_admin_changes_when_one_more_peer_answers() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3, PEER_4])
        .await;
    for (p, s) in [(PEER_1, 4), (PEER_2, 5), (PEER_3, 3)] {
        r.rate(p, LURAH, s, Some("Cukup baik")).await;
    }
    let paths = every_get(&r).await;
    assert!(paths.len() > 20, "the scan reaches the API: {paths:?}");
    // The audit chain's length counts every change of the whole system (not responses):
    // its verification is the one read that moves with any write.
    // The workbook carries its creation time (its cells are those of `/results`, compared).
    let moves_with_any_write = |p: &str| p == "/api/v1/audit/verify" || p.ends_with(".xlsx");
    // HR's progress is live by design (HR chases late raters), pooled so that it never
    // isolates one rater: checked below instead of compared.
    let live_progress = |p: &str| p.ends_with("/360/progress");
    let roles = [
        ("ratee", r.token(LURAH).to_string()),
        ("supervisor", r.token(CAMAT).to_string()),
        ("HR", r.hr.clone()),
        ("admin", r.admin.clone()),
    ];

    let mut before = Vec::new();
    for (_, token) in &roles {
        before.push(read_everything(&r, &paths, token).await);
    }
    r.rate(PEER_4, LURAH, 2, Some("Sering terlambat")).await;
    for ((role, token), before) in roles.iter().zip(&before) {
        let after = read_everything(&r, &paths, token).await;
        for ((path, s0, b0), (_, s1, b1)) in before.iter().zip(&after) {
            if moves_with_any_write(path) {
                continue;
            }
            if live_progress(path) && *s1 == 200 {
                let v: Value = serde_json::from_str(b1).expect("json");
                for pool in v["raters"].as_array().expect("raters") {
                    assert!(
                        pool["raters"].as_u64().expect("count") >= 3,
                        "{role}: progress isolates fewer than 3 raters: {pool}"
                    );
                }
                continue;
            }
            assert_eq!(
                s0, s1,
                "{role}: GET {path} answers differently after one response"
            );
            assert!(
                b0 == b1,
                "{role}: GET {path} changed with one peer's response:\n{b0}\n{b1}"
            );
            assert!(
                !b1.contains("Sering terlambat"),
                "{role}: GET {path} shows the comment"
            );
        }
    }
}
