//! SKP plans: who writes and reads them, the workflow (every transition allowed and
//! refused), validation of the plan, links to the supervisor's RHK, copying last year's
//! plan, the supervisor's expectations and the approval inbox.

use crate::helpers::{
    CAMAT, LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json, seed_hierarchy, spawn_app,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The tokens of the seeded hierarchy (Camat → Lurah → Staf A, Staf B) and the admin.
pub struct People {
    pub admin: String,
    pub camat: String,
    pub lurah: String,
    pub staf_a: String,
    pub staf_b: String,
}

pub async fn people(app: &TestApp) -> People {
    let admin = app.admin_token().await;
    seed_hierarchy(app, &admin).await;
    People {
        camat: app.employee_token(CAMAT, &["employee"]).await,
        lurah: app.employee_token(LURAH, &["employee"]).await,
        staf_a: app.employee_token(STAF_A, &["employee"]).await,
        staf_b: app.employee_token(STAF_B, &["employee"]).await,
        admin,
    }
}

pub fn skp_path(nip: &str, year: i32) -> String {
    format!("/api/v1/employees/{nip}/skp/{year}")
}

pub fn indicator(description: &str) -> Value {
    json!({
        "aspect": "kuantitas",
        "description": description,
        "target_value": 12,
        "target_unit": "dokumen"
    })
}

/// A plan with one RHK utama (two indicators) and one RHK tambahan.
pub fn plan(parent: Option<&str>) -> Value {
    json!({ "rhk": [
        {
            "kind": "utama",
            "description": "Terlaksananya pelayanan administrasi kependudukan",
            "parent_rhk_id": parent,
            "indicators": [
                indicator("Jumlah dokumen yang diproses"),
                { "aspect": "waktu", "description": "Ketepatan waktu", "target_text": "Paling lambat 3 hari kerja" }
            ]
        },
        {
            "kind": "tambahan",
            "description": "Terselenggaranya sosialisasi layanan",
            "indicators": [ indicator("Jumlah kegiatan sosialisasi") ]
        }
    ]})
}

/// Saves `body` as the employee's plan; returns the plan.
pub async fn save(app: &TestApp, token: &str, nip: &str, year: i32, body: &Value) -> Value {
    let resp = app.put_json(&skp_path(nip, year), token, body).await;
    assert!(resp.status().is_success(), "save plan: {}", resp.status());
    resp.json().await.expect("json")
}

pub async fn act(
    app: &TestApp,
    token: &str,
    nip: &str,
    year: i32,
    action: &str,
) -> reqwest::Response {
    app.post_json(
        &format!("{}/{action}", skp_path(nip, year)),
        token,
        &json!({}),
    )
    .await
}

/// Staf A's plan of `year`, submitted and approved by the Lurah; returns the plan.
pub async fn approved_plan(app: &TestApp, who: &People, year: i32) -> Value {
    save(app, &who.staf_a, STAF_A, year, &plan(None)).await;
    assert_eq!(
        act(app, &who.staf_a, STAF_A, year, "submit").await.status(),
        StatusCode::OK
    );
    assert_json(
        act(app, &who.lurah, STAF_A, year, "approve").await,
        StatusCode::OK,
    )
    .await
}

fn first_rhk_id(plan: &Value) -> String {
    plan["rhk"][0]["id"].as_str().expect("rhk id").to_string()
}

#[tokio::test]
async fn a_new_plan_is_a_draft_read_back_with_all_seven_expectations() {
    let app = spawn_app().await;
    let who = people(&app).await;

    let resp = app
        .put_json(&skp_path(STAF_A, 2026), &who.staf_a, &plan(None))
        .await;
    let created = assert_json(resp, StatusCode::CREATED).await;
    let read = app.get_ok(&skp_path(STAF_A, 2026), &who.staf_a).await;

    assert_eq!(read["status"], "draft");
    assert_eq!(read["year"], 2026);
    assert_eq!(read["employee"]["nip"], STAF_A);
    assert_eq!(read["rhk"].as_array().expect("rhk").len(), 2);
    assert_eq!(read["rhk"][0]["kind"], "utama");
    assert_eq!(read["rhk"][0]["indicators"][0]["target_value"], 12.0);
    assert_eq!(read["rhk"][0]["indicators"][0]["target_unit"], "dokumen");
    assert_eq!(
        read["rhk"][0]["indicators"][1]["target_text"],
        "Paling lambat 3 hari kerja"
    );
    assert_eq!(read["rhk"][0]["indicators"][1]["target_value"], Value::Null);
    assert_eq!(read["rhk"][1]["kind"], "tambahan");
    let expectations = read["expectations"].as_array().expect("expectations");
    assert_eq!(expectations.len(), 7);
    assert_eq!(expectations[0]["value_code"], "berorientasi_pelayanan");
    assert!(expectations.iter().all(|e| e["expectation"].is_null()));
    assert_eq!(read["can_edit"], true);
    assert_eq!(created["id"], read["id"]);
}

#[tokio::test]
async fn saving_again_with_ids_keeps_the_items_and_drops_the_ones_left_out() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let first = save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    let rhk_id = first_rhk_id(&first);
    let ind_id = first["rhk"][0]["indicators"][0]["id"].clone();

    let body = json!({ "rhk": [{
        "id": rhk_id, "kind": "utama", "description": "Uraian baru",
        "indicators": [{ "id": ind_id, "aspect": "kualitas", "description": "Mutu", "target_value": 90, "target_unit": "%" }]
    }]});
    let resp = app
        .put_json(&skp_path(STAF_A, 2026), &who.staf_a, &body)
        .await;
    let second = assert_json(resp, StatusCode::OK).await;

    assert_eq!(second["rhk"].as_array().expect("rhk").len(), 1);
    assert_eq!(second["rhk"][0]["id"], rhk_id.as_str());
    assert_eq!(second["rhk"][0]["description"], "Uraian baru");
    assert_eq!(second["rhk"][0]["indicators"][0]["id"], ind_id);
    assert_eq!(second["rhk"][0]["indicators"][0]["aspect"], "kualitas");
    assert_eq!(
        second["rhk"][0]["indicators"]
            .as_array()
            .expect("ind")
            .len(),
        1
    );

    // An id from someone else's plan is refused.
    let other = save(&app, &who.staf_b, STAF_B, 2026, &plan(None)).await;
    let mut foreign = plan(None);
    foreign["rhk"][0]["id"] = json!(first_rhk_id(&other));
    let resp = app
        .put_json(&skp_path(STAF_A, 2026), &who.staf_a, &foreign)
        .await;
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["rhk[0].id"].is_array(), "{body}");
}

#[tokio::test]
async fn only_the_employee_writes_the_plan_and_only_the_chain_and_staff_read_it() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let path = skp_path(STAF_A, 2026);

    for token in [&who.lurah, &who.staf_b, &who.admin] {
        let resp = app.put_json(&path, token, &plan(None)).await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;

    let hr = app.role_token("hr").await;
    let auditor = app.role_token("auditor").await;
    for token in [
        &who.staf_a,
        &who.lurah,
        &who.camat,
        &hr,
        &auditor,
        &who.admin,
    ] {
        app.get_ok(&path, token).await;
    }
    let resp = app.get(&path, &who.staf_b).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_missing_plan_is_skp_not_found_and_years_are_bounded() {
    let app = spawn_app().await;
    let who = people(&app).await;

    let resp = app.get(&skp_path(STAF_A, 2026), &who.staf_a).await;
    assert_error(resp, StatusCode::NOT_FOUND, "skp_not_found").await;
    let resp = app
        .put_json(&skp_path(STAF_A, 1999), &who.staf_a, &plan(None))
        .await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let resp = app.get(&skp_path(STAF_A, 2101), &who.staf_a).await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn invalid_plans_are_refused_naming_the_field() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let path = skp_path(STAF_A, 2026);

    let mut no_target = plan(None);
    no_target["rhk"][0]["indicators"][0] =
        json!({ "aspect": "kuantitas", "description": "Jumlah", "target_value": 5 });
    let body = assert_error(
        app.put_json(&path, &who.staf_a, &no_target).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        body["error"]["fields"]["rhk[0].indicators[0].target_unit"].is_array(),
        "{body}"
    );

    let mut no_indicator = plan(None);
    no_indicator["rhk"][1]["indicators"] = json!([]);
    let body = assert_error(
        app.put_json(&path, &who.staf_a, &no_indicator).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        body["error"]["fields"]["rhk[1].indicators"].is_array(),
        "{body}"
    );

    let mut bad_aspect = plan(None);
    bad_aspect["rhk"][0]["indicators"][0]["aspect"] = json!("kecepatan");
    let bad_kind =
        json!({ "rhk": [{ "kind": "pokok", "description": "x", "indicators": [indicator("a")] }]});
    let too_many = json!({ "rhk": vec![plan(None)["rhk"][0].clone(); 31] });
    let blank = json!({ "rhk": [{ "kind": "utama", "description": "   ", "indicators": [indicator("a")] }]});
    for body in [bad_aspect, bad_kind, too_many, blank] {
        let resp = app.put_json(&path, &who.staf_a, &body).await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    // Nothing was saved.
    let resp = app.get(&path, &who.staf_a).await;
    assert_error(resp, StatusCode::NOT_FOUND, "skp_not_found").await;
}

#[tokio::test]
async fn the_workflow_runs_draft_submitted_approved_and_refuses_wrong_steps() {
    let app = spawn_app().await;
    let who = people(&app).await;
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;

    // Approving a draft is not a transition.
    let resp = act(&app, &who.lurah, STAF_A, 2026, "approve").await;
    assert_error(resp, StatusCode::CONFLICT, "invalid_transition").await;
    // Only the employee submits.
    let resp = act(&app, &who.lurah, STAF_A, 2026, "submit").await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;

    let submitted = assert_json(
        act(&app, &who.staf_a, STAF_A, 2026, "submit").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(submitted["status"], "submitted");
    assert_eq!(submitted["approver"]["nip"], LURAH);
    assert!(submitted["submitted_at"].is_string());

    let resp = act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    assert_error(resp, StatusCode::CONFLICT, "invalid_transition").await;
    let resp = app
        .put_json(&skp_path(STAF_A, 2026), &who.staf_a, &plan(None))
        .await;
    assert_error(resp, StatusCode::CONFLICT, "skp_locked").await;

    // Only the direct supervisor decides: not a peer, not the Camat, not the employee, not HR.
    let hr = app.role_token("hr").await;
    for token in [&who.staf_b, &who.camat, &who.staf_a, &hr] {
        let resp = act(&app, token, STAF_A, 2026, "approve").await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let lurah_view = app.get_ok(&skp_path(STAF_A, 2026), &who.lurah).await;
    assert_eq!(lurah_view["can_decide"], true);

    let approved = assert_json(
        act(&app, &who.lurah, STAF_A, 2026, "approve").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(approved["status"], "approved");
    assert!(approved["decided_at"].is_string());

    for action in ["submit", "approve"] {
        let token = if action == "submit" {
            &who.staf_a
        } else {
            &who.lurah
        };
        let resp = act(&app, token, STAF_A, 2026, action).await;
        assert_error(resp, StatusCode::CONFLICT, "invalid_transition").await;
    }
    let resp = app
        .post_json(
            &format!("{}/return", skp_path(STAF_A, 2026)),
            &who.lurah,
            &json!({ "reason": "Terlambat dikembalikan" }),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "invalid_transition").await;
    let resp = app
        .put_json(&skp_path(STAF_A, 2026), &who.staf_a, &plan(None))
        .await;
    assert_error(resp, StatusCode::CONFLICT, "skp_locked").await;

    // Every step is in the audit log.
    let audit = app
        .get_ok(
            &format!(
                "/api/v1/audit?object_type=skp&object_id={}",
                approved["id"].as_str().expect("id")
            ),
            &who.admin,
        )
        .await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    for a in ["skp.create", "skp.submit", "skp.approve"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn a_return_needs_a_reason_and_the_returned_plan_is_edited_and_resubmitted() {
    let app = spawn_app().await;
    let who = people(&app).await;
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    let path = format!("{}/return", skp_path(STAF_A, 2026));

    for reason in ["", "   ", "ok"] {
        let resp = app
            .post_json(&path, &who.lurah, &json!({ "reason": reason }))
            .await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(body["error"]["fields"]["reason"].is_array());
    }
    let resp = app
        .post_json(
            &path,
            &who.staf_b,
            &json!({ "reason": "Target belum terukur" }),
        )
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;

    let returned = assert_json(
        app.post_json(
            &path,
            &who.lurah,
            &json!({ "reason": "  Target belum terukur  " }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(returned["status"], "returned");
    assert_eq!(returned["return_reason"], "Target belum terukur");

    let mut fixed = plan(None);
    fixed["rhk"][0]["indicators"][1] = indicator("Dokumen selesai tepat waktu");
    let resp = app
        .put_json(&skp_path(STAF_A, 2026), &who.staf_a, &fixed)
        .await;
    assert_json(resp, StatusCode::OK).await;
    let again = assert_json(
        act(&app, &who.staf_a, STAF_A, 2026, "submit").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(again["status"], "submitted");
    let approved = assert_json(
        act(&app, &who.lurah, STAF_A, 2026, "approve").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["return_reason"], Value::Null);
}

#[tokio::test]
async fn a_plan_without_an_rhk_utama_is_saved_but_not_submitted() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let empty = save(&app, &who.staf_a, STAF_A, 2026, &json!({ "rhk": [] })).await;
    assert_eq!(empty["status"], "draft");
    let resp = act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "no_rhk_utama").await;

    let tambahan_only = json!({ "rhk": [ plan(None)["rhk"][1].clone() ] });
    save(&app, &who.staf_a, STAF_A, 2026, &tambahan_only).await;
    let resp = act(&app, &who.staf_a, STAF_A, 2026, "submit").await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "no_rhk_utama").await;
    let still = app.get_ok(&skp_path(STAF_A, 2026), &who.staf_a).await;
    assert_eq!(still["status"], "draft");
}

#[tokio::test]
async fn a_parent_rhk_must_belong_to_the_direct_supervisors_plan_of_the_same_year() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let lurah_plan = save(&app, &who.lurah, LURAH, 2026, &plan(None)).await;
    let lurah_2025 = save(&app, &who.lurah, LURAH, 2025, &plan(None)).await;
    let camat_plan = save(&app, &who.camat, CAMAT, 2026, &plan(None)).await;
    let peer_plan = save(&app, &who.staf_b, STAF_B, 2026, &plan(None)).await;

    for wrong in [&lurah_2025, &camat_plan, &peer_plan] {
        let resp = app
            .put_json(
                &skp_path(STAF_A, 2026),
                &who.staf_a,
                &plan(Some(&first_rhk_id(wrong))),
            )
            .await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(
            body["error"]["fields"]["rhk[0].parent_rhk_id"].is_array(),
            "{body}"
        );
    }

    let options = app
        .get_ok(
            &format!("{}/parent-options", skp_path(STAF_A, 2026)),
            &who.staf_a,
        )
        .await;
    assert_eq!(options["supervisor"]["nip"], LURAH);
    assert_eq!(options["items"].as_array().expect("items").len(), 2);
    assert_eq!(
        options["items"][0]["id"],
        first_rhk_id(&lurah_plan).as_str()
    );

    let linked = save(
        &app,
        &who.staf_a,
        STAF_A,
        2026,
        &plan(Some(&first_rhk_id(&lurah_plan))),
    )
    .await;
    assert_eq!(
        linked["rhk"][0]["parent_rhk"]["id"],
        first_rhk_id(&lurah_plan).as_str()
    );
    assert_eq!(
        linked["rhk"][0]["parent_rhk"]["description"],
        lurah_plan["rhk"][0]["description"]
    );
    assert_eq!(linked["rhk"][1]["parent_rhk"], Value::Null);
}

#[tokio::test]
async fn last_years_plan_is_copied_into_a_new_draft() {
    let app = spawn_app().await;
    let who = people(&app).await;
    let lurah_2025 = save(&app, &who.lurah, LURAH, 2025, &plan(None)).await;
    save(
        &app,
        &who.staf_a,
        STAF_A,
        2025,
        &plan(Some(&first_rhk_id(&lurah_2025))),
    )
    .await;
    let resp = app
        .put_json(
            &format!("{}/expectations", skp_path(STAF_A, 2025)),
            &who.lurah,
            &json!({ "expectations": { "akuntabel": "Laporan tepat waktu" } }),
        )
        .await;
    assert_json(resp, StatusCode::OK).await;
    act(&app, &who.staf_a, STAF_A, 2025, "submit").await;
    let old = assert_json(
        act(&app, &who.lurah, STAF_A, 2025, "approve").await,
        StatusCode::OK,
    )
    .await;
    let copy_path = format!("{}/copy-from", skp_path(STAF_A, 2026));

    let resp = app
        .post_json(&copy_path, &who.lurah, &json!({ "from_year": 2025 }))
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    let resp = app
        .post_json(&copy_path, &who.staf_a, &json!({ "from_year": 2025.0 }))
        .await;
    let copy = assert_json(resp, StatusCode::CREATED).await;

    assert_eq!(copy["status"], "draft");
    assert_eq!(copy["year"], 2026);
    assert_eq!(copy["submitted_at"], Value::Null);
    assert_eq!(copy["rhk"].as_array().expect("rhk").len(), 2);
    for (new, was) in copy["rhk"]
        .as_array()
        .expect("rhk")
        .iter()
        .zip(old["rhk"].as_array().expect("rhk"))
    {
        assert_eq!(new["description"], was["description"]);
        assert_eq!(new["kind"], was["kind"]);
        assert_ne!(new["id"], was["id"]);
        assert_eq!(
            new["indicators"].as_array().map(Vec::len),
            was["indicators"].as_array().map(Vec::len)
        );
        assert_eq!(
            new["indicators"][0]["description"],
            was["indicators"][0]["description"]
        );
        assert_eq!(
            new["indicators"][0]["target_value"],
            was["indicators"][0]["target_value"]
        );
        // The 2025 parent is not an RHK of the supervisor's 2026 plan: the link is dropped.
        assert_eq!(new["parent_rhk"], Value::Null);
    }
    assert_eq!(copy["expectations"][1]["value_code"], "akuntabel");
    assert_eq!(
        copy["expectations"][1]["expectation"],
        "Laporan tepat waktu"
    );
    // The source is untouched.
    let source = app.get_ok(&skp_path(STAF_A, 2025), &who.staf_a).await;
    assert_eq!(source["status"], "approved");

    let resp = app
        .post_json(&copy_path, &who.staf_a, &json!({ "from_year": 2025 }))
        .await;
    assert_error(resp, StatusCode::CONFLICT, "skp_exists").await;
    let resp = app
        .post_json(
            &format!("{}/copy-from", skp_path(STAF_A, 2027)),
            &who.staf_a,
            &json!({ "from_year": 2019 }),
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "skp_not_found").await;
}

#[tokio::test]
async fn the_direct_supervisor_sets_expectations_even_after_approval() {
    let app = spawn_app().await;
    let who = people(&app).await;
    approved_plan(&app, &who, 2026).await;
    let path = format!("{}/expectations", skp_path(STAF_A, 2026));

    let set = assert_json(
        app.put_json(
            &path,
            &who.lurah,
            &json!({ "expectations": { "berorientasi_pelayanan": " Melayani dengan ramah ", "kolaboratif": "Aktif di tim" } }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(set["status"], "approved");
    assert_eq!(
        set["expectations"][0]["expectation"],
        "Melayani dengan ramah"
    );
    assert_eq!(set["expectations"][6]["expectation"], "Aktif di tim");

    let cleared = assert_json(
        app.put_json(
            &path,
            &who.lurah,
            &json!({ "expectations": { "kolaboratif": null } }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(cleared["expectations"][6]["expectation"], Value::Null);
    assert_eq!(
        cleared["expectations"][0]["expectation"],
        "Melayani dengan ramah"
    );

    for token in [&who.staf_a, &who.staf_b, &who.camat] {
        let resp = app
            .put_json(&path, token, &json!({ "expectations": { "loyal": "x" } }))
            .await;
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let resp = app
        .put_json(
            &path,
            &who.lurah,
            &json!({ "expectations": { "jujur": "x" } }),
        )
        .await;
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["expectations.jujur"].is_array());
}

#[tokio::test]
async fn the_approval_inbox_lists_direct_subordinates_with_their_plan_status() {
    let app = spawn_app().await;
    let who = people(&app).await;
    save(&app, &who.staf_a, STAF_A, 2026, &plan(None)).await;
    act(&app, &who.staf_a, STAF_A, 2026, "submit").await;

    let inbox = app
        .get_ok("/api/v1/skp/approvals?year=2026", &who.lurah)
        .await;
    let items = inbox["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let a = items.iter().find(|i| i["nip"] == STAF_A).expect("staf a");
    assert_eq!(a["skp"]["status"], "submitted");
    assert_eq!(a["skp"]["rhk_count"], 2);
    let b = items.iter().find(|i| i["nip"] == STAF_B).expect("staf b");
    assert_eq!(b["skp"], Value::Null);

    let submitted = app
        .get_ok(
            "/api/v1/skp/approvals?year=2026&status=submitted",
            &who.lurah,
        )
        .await;
    assert_eq!(submitted["items"].as_array().expect("items").len(), 1);
    let none = app
        .get_ok("/api/v1/skp/approvals?year=2026&status=none", &who.lurah)
        .await;
    assert_eq!(none["items"][0]["nip"], STAF_B);
    // The Camat's direct subordinate is the Lurah only.
    let camat = app
        .get_ok("/api/v1/skp/approvals?year=2026", &who.camat)
        .await;
    assert_eq!(camat["items"].as_array().expect("items").len(), 1);
    assert_eq!(camat["items"][0]["nip"], LURAH);

    let resp = app
        .get("/api/v1/skp/approvals?status=ditolak", &who.lurah)
        .await;
    assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}
