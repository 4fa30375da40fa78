//! Anonymity of 360 raters: whatever the ratee can call (their aggregate, their inbox, the
//! peers they nominated, their event stream), no peer or subordinate identity appears —
//! no NIP, name, employee id, user id or assignment id — and a group's numbers and
//! comments stay withheld below the threshold (3, or more when configured, never less).

use crate::helpers::{CAMAT, LURAH, STAF_A, STAF_B, assert_error, assert_json};
use crate::ratings360::{
    PEER_1, PEER_2, PEER_3, PEER_4, Round, STAF_C, group, rate_lurah_fully, round, round_with,
};
use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// Every string that would identify one of the Lurah's anonymous raters: per rater, in
/// this order, NIP, name, employee id, user id and the id of their form about the Lurah.
async fn identities(r: &Round, raters: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for nip in raters {
        let e = kinerja::store::employees::find_by_nip(&r.app.db.read, nip)
            .await
            .expect("query")
            .expect("employee");
        out.push(nip.to_string());
        out.push(e.name.clone());
        out.push(e.id.to_string());
        let user = kinerja::store::users::find_by_employee(&r.app.db.read, e.id)
            .await
            .expect("query")
            .expect("every rater has an account");
        out.push(user.id.to_string());
        out.push(r.form_id(nip, LURAH).await);
    }
    out
}

fn assert_no_identity(what: &str, text: &str, identities: &[String]) {
    for id in identities {
        assert!(
            !text.contains(id.as_str()),
            "{what} reveals a rater ({id}): {text}"
        );
    }
}

/// Reads an event stream for a while (or until `needle`), returning what was read.
async fn read_stream(resp: reqwest::Response, needle: &str, wait: Duration) -> String {
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
async fn no_rater_identity_reaches_the_ratee_through_any_endpoint_or_event() {
    let r = round().await;
    // The Lurah nominates Peer 4 (whom they may see); HR assigns peers 1–3.
    let peers_path = format!("/api/v1/periods/{}/employees/{LURAH}/peers", r.period);
    assert_json(
        r.app
            .post_json(&peers_path, r.token(LURAH), &json!({ "nips": [PEER_4] }))
            .await,
        StatusCode::OK,
    )
    .await;
    let stream = r
        .app
        .client
        .get(r.app.url("/api/v1/events"))
        .bearer_auth(r.token(LURAH))
        .send()
        .await
        .expect("connect");
    assert_eq!(stream.status(), StatusCode::OK);

    let (events, ()) = tokio::join!(
        read_stream(stream, "no-such-event", Duration::from_secs(6)),
        async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            rate_lurah_fully(&r).await;
        }
    );
    let anonymous = identities(&r, &[PEER_1, PEER_2, PEER_3, STAF_A, STAF_B, STAF_C]).await;
    let peer_4_form = {
        let organiser = r.app.get_ok(&peers_path, &r.hr).await;
        organiser["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["nip"] == PEER_4)
            .expect("peer 4")["id"]
            .as_str()
            .expect("id")
            .to_string()
    };

    let summary = r.summary(LURAH, r.token(LURAH)).await;
    let inbox = r
        .app
        .get_ok(
            &format!("/api/v1/me/360?period_id={}", r.period),
            r.token(LURAH),
        )
        .await;
    let inbox_open = r.app.get_ok("/api/v1/me/360", r.token(LURAH)).await;
    let peers = r.app.get_ok(&peers_path, r.token(LURAH)).await;
    let raters = r
        .app
        .get(
            &format!("/api/v1/periods/{}/employees/{LURAH}/raters", r.period),
            r.token(LURAH),
        )
        .await;
    let a_peer_form = r.form_id(PEER_1, LURAH).await;
    let form = r
        .app
        .get(&format!("/api/v1/ratings360/{a_peer_form}"), r.token(LURAH))
        .await;

    for (what, text) in [
        ("the 360 summary", summary.to_string()),
        ("the peers list", peers.to_string()),
        ("the event stream", events.clone()),
    ] {
        assert_no_identity(what, &text, &anonymous);
        assert!(
            !text.contains(&peer_4_form),
            "{what} gives an assignment id: {text}"
        );
    }
    // The Lurah rates their own staff (as their supervisor), so the staff appear in the
    // inbox as ratees; nothing of anyone's form about the Lurah does.
    let staff = [STAF_A, STAF_B, STAF_C];
    let about_me: Vec<String> = anonymous
        .chunks(5)
        .zip([PEER_1, PEER_2, PEER_3, STAF_A, STAF_B, STAF_C])
        .flat_map(|(ids, nip)| {
            if staff.contains(&nip) {
                ids[2..].to_vec()
            } else {
                ids.to_vec()
            }
        })
        .collect();
    for (what, text) in [
        ("the inbox of the period", inbox.to_string()),
        ("the inbox of open periods", inbox_open.to_string()),
    ] {
        assert_no_identity(what, &text, &about_me);
        assert!(
            !text.contains(&peer_4_form),
            "{what} gives an assignment id: {text}"
        );
    }
    // The peer and subordinate groups are shown (3 each), with comments but no identity.
    assert_eq!(group(&summary, "peer")["visible"], true);
    assert_eq!(group(&summary, "subordinate")["visible"], true);
    // The ratee hears nothing of other people's submits (ADR 0013): no per-submit event.
    assert!(!events.contains("event: feedback360_updated"), "{events}");
    // Every id the ratee is sent is the period's or their own self-assessment's.
    let own_form = r.form_id(LURAH, LURAH).await;
    for line in events.lines().filter_map(|l| l.strip_prefix("data: ")) {
        let data: Value = serde_json::from_str(line).expect("event data is JSON");
        for id in data["ids"].as_array().into_iter().flatten() {
            assert!(
                id == &json!(r.period) || id == &json!(own_form),
                "unexpected id {id} in {events}"
            );
        }
    }
    // Their inbox holds only their own forms; the peers list only their nomination.
    assert!(
        inbox["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|f| f["group"] != "peer")
    );
    let peer_items = peers["items"].as_array().expect("items");
    assert_eq!(peer_items.len(), 1, "{peers}");
    assert_eq!(peer_items[0]["nip"], PEER_4);
    assert!(peer_items[0].get("id").is_none(), "{peers}");
    assert_error(raters, StatusCode::FORBIDDEN, "forbidden").await;
    assert_error(form, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn anonymous_comments_are_text_only_and_sorted_by_text() {
    let r = round().await;
    rate_lurah_fully(&r).await;

    let s = r.summary(LURAH, r.token(LURAH)).await;

    let peer = group(&s, "peer");
    let akuntabel = peer["values"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| v["value"] == "akuntabel")
        .expect("akuntabel");
    // Submitted as Zaman…, Akurat, Membantu: shown sorted, never in submission order.
    assert_eq!(
        akuntabel["comments"],
        json!(["Akurat", "Membantu", "Zaman rapat tepat"])
    );
    assert_eq!(
        peer["overall_comments"],
        json!(["Umum: Akurat", "Umum: Membantu", "Umum: Zaman rapat tepat"])
    );
    assert!(
        akuntabel["comments"]
            .as_array()
            .expect("comments")
            .iter()
            .all(Value::is_string)
    );
}

/// Two, then three peers submit; returns the peer group both times.
async fn peer_group_at_two_and_three(r: &Round) -> (Value, Value) {
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3]).await;
    r.rate(PEER_1, LURAH, 4, Some("Pertama")).await;
    r.rate(PEER_2, LURAH, 5, Some("Kedua")).await;
    let two = group(&r.summary(LURAH, r.token(LURAH)).await, "peer").clone();
    r.rate(PEER_3, LURAH, 3, Some("Ketiga")).await;
    let three = group(&r.summary(LURAH, r.token(LURAH)).await, "peer").clone();
    (two, three)
}

fn assert_withheld(g: &Value, _responses: i64) {
    // Below the threshold the count is no number either ("fewer than 3").
    assert!(g["responses"].is_null(), "{g}");
    assert_eq!(g["count_below_threshold"], true, "{g}");
    assert_eq!(g["visible"], false, "{g}");
    assert!(g["mean"].is_null(), "{g}");
    assert_eq!(g["values"], json!([]), "{g}");
    assert_eq!(g["overall_comments"], json!([]), "{g}");
    let text = g.to_string();
    for c in ["Pertama", "Kedua", "Ketiga"] {
        assert!(!text.contains(c), "a withheld comment leaks: {text}");
    }
}

#[tokio::test]
async fn below_three_responses_a_group_is_withheld_and_at_three_it_appears() {
    let r = round().await;

    let (two, three) = peer_group_at_two_and_three(&r).await;

    assert_withheld(&two, 2);
    assert_eq!(two["min_responses"], 3);
    assert_eq!(three["responses"], 3);
    assert_eq!(three["visible"], true);
    assert_eq!(three["mean"], 4.0, "(4 + 5 + 3) / 3: {three}");
    assert_eq!(three["values"].as_array().expect("values").len(), 7);
    assert_eq!(
        three["overall_comments"],
        json!(["Umum: Kedua", "Umum: Ketiga", "Umum: Pertama"])
    );
}

#[tokio::test]
async fn a_threshold_of_four_withholds_a_group_of_three() {
    let r = round_with(|s| s.anonymity_threshold = 4).await;

    let (_, three) = peer_group_at_two_and_three(&r).await;
    let s = r.summary(LURAH, r.token(LURAH)).await;

    assert_withheld(&three, 3);
    assert_eq!(three["min_responses"], 4);
    assert_eq!(s["anonymity_threshold"], 4);
    // A withheld group does not count toward the suggestion either.
    assert!(s["weighted_mean"].is_null(), "{s}");
}

#[tokio::test]
async fn a_configured_threshold_of_one_still_withholds_below_three() {
    let r = round_with(|s| s.anonymity_threshold = 1).await;

    let (two, three) = peer_group_at_two_and_three(&r).await;
    let s = r.summary(LURAH, r.token(LURAH)).await;

    assert_withheld(&two, 2);
    assert_eq!(two["min_responses"], 3);
    assert_eq!(three["visible"], true);
    assert_eq!(s["anonymity_threshold"], 3);
}

#[tokio::test]
async fn a_withheld_group_cannot_be_derived_from_the_weighted_mean() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2]).await;
    r.rate(CAMAT, LURAH, 4, None).await;
    r.rate(PEER_1, LURAH, 1, None).await;
    r.rate(PEER_2, LURAH, 1, None).await;

    let s = r.summary(LURAH, r.token(LURAH)).await;

    // Only the supervisor counts: 4.00, not (40 × 4 + 20 × 1) ÷ 60 = 3.00.
    assert_eq!(s["weighted_mean"], 4.0, "{s}");
    assert_eq!(s["suggested_rating"], "sesuai");
    let why = s["why"].as_str().expect("why");
    assert!(
        why.contains("rekan kerja (tanggapan belum mencapai batas minimum)"),
        "{why}"
    );
}

#[tokio::test]
async fn organisers_see_no_per_rater_state_for_peers_and_subordinates() {
    let r = round().await;
    rate_lurah_fully(&r).await;

    let path = format!("/api/v1/periods/{}/employees/{LURAH}/raters", r.period);
    let by_camat = r.app.get_ok(&path, r.token(CAMAT)).await;
    let by_hr = r.app.get_ok(&path, &r.hr).await;
    let by_peer = r.app.get(&path, r.token(PEER_1)).await;

    for list in [&by_camat, &by_hr] {
        for item in list["items"].as_array().expect("items") {
            match item["group"].as_str().expect("group") {
                "peer" | "subordinate" => {
                    assert_eq!(item["state"], "approved", "{item}");
                    if item["group"] == "subordinate" {
                        assert!(item.get("id").is_none(), "{item}");
                    }
                }
                _ => assert_eq!(item["state"], "submitted", "{item}"),
            }
        }
    }
    // Not in the Lurah's chain: the Lurah is invisible to a peer.
    assert_error(by_peer, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn only_the_auditor_reads_who_rated_whom_in_the_audit_log() {
    let r = round().await;
    r.assign_peers(LURAH, &[PEER_1, PEER_2, PEER_3]).await;
    r.rate(PEER_1, LURAH, 4, None).await;
    let auditor = r.app.role_token("auditor").await;

    let for_admin = r.app.get_ok("/api/v1/audit?per_page=100", &r.admin).await;
    let for_auditor = r.app.get_ok("/api/v1/audit?per_page=100", &auditor).await;

    let rating_entries = |list: &Value| {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|e| e["object_type"] == "rating_360")
            .count()
    };
    assert_eq!(rating_entries(&for_admin), 0, "{for_admin}");
    assert!(rating_entries(&for_auditor) >= 1, "{for_auditor}");
    // Who is assigned is the organisers' knowledge; who answered is not.
    let answered = |list: &Value| {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|e| e["action"] == "rating360.submit")
    };
    assert!(!answered(&for_admin));
    assert!(answered(&for_auditor));
}
