//! The anchored audit log (ADR 0015): each tampering case is named by `verify` (the
//! function behind `kinerja audit verify`), and changes to units, employees, imports, roles
//! and API keys each add an entry in their own transaction.

use crate::helpers::{AUDIT_KEY, STAF_A, STAF_B, TestApp, assert_json, seed_hierarchy, spawn_app};
use entity::{audit_head, audit_log};
use kinerja::domain::audit_anchor::Checkpoint;
use kinerja::store::audit::{ChainBreak, entry_hash, verify};
use reqwest::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};

/// An app whose log holds a few entries (units and employees written by the admin).
async fn logged_app() -> (TestApp, String, i64) {
    let app = spawn_app().await;
    let admin = app.admin_token().await;
    seed_hierarchy(&app, &admin).await;
    let last = last_seq(&app).await;
    assert!(last >= 6, "units and employees are audited: {last} entries");
    (app, admin, last)
}

async fn last_seq(app: &TestApp) -> i64 {
    audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Seq)
        .one(&app.db.read)
        .await
        .expect("query")
        .map_or(0, |e| e.seq)
}

async fn check(app: &TestApp, checkpoint: Option<&Checkpoint>) -> Result<u64, ChainBreak> {
    verify(&app.db.read, AUDIT_KEY.as_bytes(), checkpoint)
        .await
        .expect("query")
}

async fn sql(app: &TestApp, statement: &str) {
    app.db
        .write
        .execute_unprepared(statement)
        .await
        .expect("tamper");
}

async fn checkpoint(app: &TestApp) -> Checkpoint {
    let line = kinerja::store::audit::checkpoint(&app.db.read)
        .await
        .expect("checkpoint")
        .to_line();
    Checkpoint::parse(&line).expect("a checkpoint reads back")
}

#[tokio::test]
async fn an_untouched_anchored_log_verifies_with_and_without_a_checkpoint() {
    let (app, _, last) = logged_app().await;
    let cp = checkpoint(&app).await;
    assert_eq!(cp.seq, last);
    assert_eq!(check(&app, None).await, Ok(last as u64));
    assert_eq!(check(&app, Some(&cp)).await, Ok(last as u64));
}

#[tokio::test]
async fn deleting_the_last_entry_is_detected_as_a_missing_tail() {
    let (app, _, last) = logged_app().await;
    sql(&app, &format!("DELETE FROM audit_log WHERE seq = {last}")).await;

    let broken = check(&app, None).await.expect_err("detected");

    assert_eq!(broken.seq, last);
    assert!(broken.reason.contains("missing"), "{}", broken.reason);
}

#[tokio::test]
async fn deleting_the_tail_from_any_entry_names_the_first_missing_one() {
    let (app, _, last) = logged_app().await;
    let from = last / 2;
    sql(&app, &format!("DELETE FROM audit_log WHERE seq >= {from}")).await;

    let broken = check(&app, None).await.expect_err("detected");

    assert_eq!(broken.seq, from);
    assert!(broken.reason.contains("tail cut"), "{}", broken.reason);
}

#[tokio::test]
async fn deleting_the_whole_log_is_detected() {
    let (app, _, last) = logged_app().await;
    sql(&app, "DELETE FROM audit_log").await;

    let broken = check(&app, None).await.expect_err("detected");

    assert_eq!(broken.seq, 1);
    assert!(
        broken.reason.contains(&format!("1 to {last}")),
        "{}",
        broken.reason
    );
}

#[tokio::test]
async fn an_entry_edited_with_its_plain_chain_recomputed_fails_its_mac() {
    // Arrange: edit entry 3 and recompute every SHA-256 hash after it, as someone with
    // write access to the database but without the key could.
    let (app, _, last) = logged_app().await;
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Seq.gte(3))
        .order_by_asc(audit_log::Column::Seq)
        .all(&app.db.read)
        .await
        .expect("rows");
    let mut prev = audit_log::Entity::find()
        .filter(audit_log::Column::Seq.eq(2))
        .one(&app.db.read)
        .await
        .expect("query")
        .expect("entry 2")
        .hash;
    for mut row in rows {
        if row.seq == 3 {
            row.detail = json!({ "name": "Unit palsu" }).to_string();
        }
        row.prev_hash = prev.clone();
        row.hash = entry_hash(&row);
        prev = row.hash.clone();
        let mut am: audit_log::ActiveModel = row.clone().into();
        am.detail = Set(row.detail.clone());
        am.prev_hash = Set(row.prev_hash.clone());
        am.hash = Set(row.hash.clone());
        am.update(&app.db.write).await.expect("rewrite");
    }
    sql(
        &app,
        &format!("UPDATE audit_head SET hash = '{prev}' WHERE id = 1"),
    )
    .await;

    // Act
    let broken = check(&app, None).await.expect_err("detected");

    // Assert
    assert_eq!(broken.seq, 3);
    assert!(broken.reason.contains("mac"), "{}", broken.reason);
    assert!(last > 3);
}

#[tokio::test]
async fn a_cut_tail_with_a_rewritten_head_is_caught_by_a_checkpoint() {
    // Arrange: a checkpoint kept elsewhere, then more entries, then the tail from the
    // checkpoint's entry on deleted and the head pointed at the new last entry (its own mac
    // copied, no key needed).
    let (app, admin, _) = logged_app().await;
    let cp = checkpoint(&app).await;
    let resp = app
        .put_unit(
            &admin,
            "CKN-KEL-CT",
            "Kelurahan Cakranegara Timur",
            "kelurahan",
            Some("CKN"),
        )
        .await;
    assert!(resp.status().is_success());
    let keep = cp.seq - 1;
    sql(&app, &format!("DELETE FROM audit_log WHERE seq > {keep}")).await;
    let new_last = audit_log::Entity::find()
        .filter(audit_log::Column::Seq.eq(keep))
        .one(&app.db.read)
        .await
        .expect("query")
        .expect("kept entry");
    let mut head: audit_head::ActiveModel = audit_head::Entity::find_by_id(1)
        .one(&app.db.read)
        .await
        .expect("query")
        .expect("head")
        .into();
    head.seq = Set(new_last.seq);
    head.hash = Set(new_last.hash.clone());
    head.mac = Set(new_last.mac.clone().expect("mac"));
    head.update(&app.db.write).await.expect("rewrite head");

    // Act
    let without = check(&app, None).await;
    let with = check(&app, Some(&cp)).await.expect_err("detected");

    // Assert: the chain alone looks whole; the checkpoint names the first missing entry.
    assert_eq!(without, Ok(keep as u64));
    assert_eq!(with.seq, cp.seq);
    assert!(with.reason.contains("tail cut"), "{}", with.reason);
}

#[tokio::test]
async fn a_forged_checkpoint_is_refused() {
    let (app, _, _) = logged_app().await;
    let mut cp = checkpoint(&app).await;
    cp.seq += 5;
    let broken = check(&app, Some(&cp)).await.expect_err("refused");
    assert!(broken.reason.contains("mac"), "{}", broken.reason);
}

/// The actions of the entries added since `before`.
async fn actions_since(app: &TestApp, before: i64) -> Vec<String> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Seq.gt(before))
        .order_by_asc(audit_log::Column::Seq)
        .all(&app.db.read)
        .await
        .expect("rows")
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn units_employees_imports_roles_and_api_keys_are_each_audited() {
    // Arrange
    let (app, admin, _) = logged_app().await;
    let mut steps: Vec<(&str, Vec<String>)> = Vec::new();

    // Act + Assert: each change adds its entry; the same body again adds none.
    let before = last_seq(&app).await;
    let body =
        json!({ "name": "Sekretariat Kecamatan", "kind": "sekretariat", "parent_code": "CKN" });
    assert!(
        app.put_json("/api/v1/units/CKN-SEK", &admin, &body)
            .await
            .status()
            .is_success()
    );
    assert!(
        app.put_json("/api/v1/units/CKN-SEK", &admin, &body)
            .await
            .status()
            .is_success()
    );
    steps.push(("unit.update", actions_since(&app, before).await));

    let before = last_seq(&app).await;
    let resp = app
        .put_employee(
            &admin,
            STAF_B,
            "Ni Luh Staf Baru",
            "CKN-KEL-CB",
            Some(crate::helpers::LURAH),
        )
        .await;
    assert!(resp.status().is_success());
    steps.push(("employee.update", actions_since(&app, before).await));

    let before = last_seq(&app).await;
    let csv = "nip,name,gelar_depan,gelar_belakang,status,golongan,jabatan,jenis_jabatan,unit_code,supervisor_nip,email,active\n\
               199203032019031004,Impor Baru,,,PNS,III/a,Pengadministrasi Umum,pelaksana,CKN-KEL-CB,,,true\n";
    let resp = app.post_csv("/api/v1/employees/import", &admin, csv).await;
    assert_json(resp, StatusCode::OK).await;
    steps.push(("employee.import", actions_since(&app, before).await));

    let before = last_seq(&app).await;
    let path = format!("/api/v1/employees/{STAF_A}/account");
    assert!(
        app.put_json(&path, &admin, &json!({ "roles": ["hr"] }))
            .await
            .status()
            .is_success()
    );
    steps.push(("account.create", actions_since(&app, before).await));

    let before = last_seq(&app).await;
    let key = app.create_api_key(&admin, "simpeg", &["master:read"]).await;
    steps.push(("api_key.create", actions_since(&app, before).await));

    let before = last_seq(&app).await;
    let id = key["id"].as_str().expect("id");
    assert!(
        app.delete(&format!("/api/v1/api-keys/{id}"), &admin)
            .await
            .status()
            .is_success()
    );
    assert!(
        app.delete(&format!("/api/v1/api-keys/{id}"), &admin)
            .await
            .status()
            .is_success()
    );
    steps.push(("api_key.revoke", actions_since(&app, before).await));

    for (action, added) in steps {
        assert_eq!(added, vec![action.to_string()], "{action}");
    }
    assert!(check(&app, None).await.is_ok());
}

#[tokio::test]
async fn the_admin_sees_a_gap_free_list_while_verification_uses_the_real_chain() {
    // Arrange: hidden 360 entries between visible ones (written as the store would).
    let (app, admin, _) = logged_app().await;
    let db = &app.db.write;
    for i in 0..3 {
        kinerja::store::audit::append(
            db,
            "user:x",
            "rating360.submit",
            "rating_360",
            &format!("r{i}"),
            json!({}),
        )
        .await
        .expect("append");
        let body =
            json!({ "name": format!("Unit {i}"), "kind": "kelurahan", "parent_code": "CKN" });
        assert!(
            app.put_json(&format!("/api/v1/units/CKN-X{i}"), &admin, &body)
                .await
                .status()
                .is_success()
        );
    }

    // Act
    let list = app.get_ok("/api/v1/audit?per_page=100", &admin).await;

    // Assert
    let seqs: Vec<i64> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["seq"].as_i64().expect("seq"))
        .collect();
    let total = list["meta"]["total"].as_i64().expect("total");
    let expected: Vec<i64> = (1..=total).rev().collect();
    assert_eq!(seqs, expected, "numbered without gaps");
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|e| e["object_type"] != "rating_360")
    );
    let verified = app.get_ok("/api/v1/audit/verify", &admin).await;
    assert_eq!(verified["intact"], true, "{verified}");
}

#[tokio::test]
async fn the_auditors_read_of_360_entries_is_itself_audited() {
    // Arrange
    let (app, _, _) = logged_app().await;
    kinerja::store::audit::append(
        &app.db.write,
        "user:x",
        "rating360.submit",
        "rating_360",
        "r1",
        json!({}),
    )
    .await
    .expect("append");
    let auditor = app.role_token("auditor").await;
    let before = last_seq(&app).await;

    // Act
    let list: Value = app.get_ok("/api/v1/audit?per_page=100", &auditor).await;

    // Assert
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|e| e["object_type"] == "rating_360")
    );
    assert_eq!(
        actions_since(&app, before).await,
        vec!["anonymous.read".to_string()]
    );
}
