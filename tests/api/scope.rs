//! Leaders' scope on the demo data (ADR 0014): every supervisor signs in and tries every
//! unit-scoped read of every unit; none may show one of their own superiors, while each
//! unit's head (the Lurah, the Camat, a Kepala Seksi) still reads their own unit.

use crate::helpers::{TestApp, assert_error, spawn_app};
use kinerja::seed::EMPLOYEE_PASSWORD;
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

struct Demo {
    app: TestApp,
    /// Every employee of the demo data.
    people: Vec<Value>,
    /// Unit code → parent code.
    parents: HashMap<String, Option<String>>,
    period: String,
}

async fn demo() -> Demo {
    let app = spawn_app().await;
    kinerja::seed::seed_demo(&app.db.write)
        .await
        .expect("demo seed");
    let admin = app.admin_token().await;
    let mut people = Vec::new();
    for page in 1..=3 {
        let list = app
            .get_ok(
                &format!("/api/v1/employees?per_page=100&page={page}"),
                &admin,
            )
            .await;
        people.extend(list["items"].as_array().expect("items").iter().cloned());
    }
    let units = app.get_ok("/api/v1/units?per_page=100", &admin).await;
    let parents = units["items"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["code"].as_str().expect("code").to_string(),
                u["parent_code"].as_str().map(str::to_string),
            )
        })
        .collect();
    let periods = app.get_ok("/api/v1/periods", &admin).await;
    let period = periods["items"][0]["id"]
        .as_str()
        .expect("a demo period")
        .to_string();
    Demo {
        app,
        people,
        parents,
        period,
    }
}

impl Demo {
    fn by_nip(&self, nip: &str) -> &Value {
        self.people
            .iter()
            .find(|p| p["nip"] == nip)
            .expect("employee")
    }

    /// Everyone above `nip` in the supervisor chain.
    fn superiors(&self, nip: &str) -> Vec<&Value> {
        let mut out = Vec::new();
        let mut next = self.by_nip(nip)["supervisor_nip"].as_str();
        while let Some(s) = next {
            let e = self.by_nip(s);
            out.push(e);
            next = e["supervisor_nip"].as_str();
        }
        out
    }

    /// The unit and every unit below it.
    fn tree(&self, code: &str) -> HashSet<String> {
        let mut out: HashSet<String> = HashSet::from([code.to_string()]);
        loop {
            let more: Vec<String> = self
                .parents
                .iter()
                .filter(|(c, p)| !out.contains(*c) && p.as_ref().is_some_and(|p| out.contains(p)))
                .map(|(c, _)| c.clone())
                .collect();
            if more.is_empty() {
                return out;
            }
            out.extend(more);
        }
    }

    fn supervisors(&self) -> Vec<String> {
        let sups: HashSet<&str> = self
            .people
            .iter()
            .filter_map(|p| p["supervisor_nip"].as_str())
            .collect();
        let mut out: Vec<String> = sups.into_iter().map(str::to_string).collect();
        out.sort();
        out
    }

    fn nip_of(&self, jabatan: &str, unit: &str) -> String {
        self.people
            .iter()
            .find(|p| p["jabatan"] == jabatan && p["unit_code"] == unit)
            .and_then(|p| p["nip"].as_str())
            .expect("demo employee")
            .to_string()
    }

    async fn sign_in(&self, nip: &str) -> String {
        self.app.login_token(nip, EMPLOYEE_PASSWORD).await
    }
}

/// The unit-scoped reads: (path, whether it shows the unit's whole tree).
fn reads(code: &str, period: &str) -> Vec<(String, bool)> {
    vec![
        (format!("/api/v1/talent/grid?unit_code={code}"), true),
        (format!("/api/v1/talent/candidates?unit_code={code}"), true),
        (
            format!("/api/v1/talent/candidates.csv?unit_code={code}"),
            true,
        ),
        (
            format!("/api/v1/talent/placement?unit_code={code}&jabatan=Lurah"),
            true,
        ),
        (
            format!("/api/v1/talent/angka-kredit?unit_code={code}"),
            true,
        ),
        (format!("/api/v1/training-hours?unit_code={code}"), true),
        (
            format!("/api/v1/periods/{period}/units/{code}/distribution"),
            false,
        ),
        (format!("/api/v1/ikm/units/{code}"), false),
    ]
}

#[tokio::test]
async fn no_demo_supervisor_reads_a_unit_that_holds_one_of_their_superiors() {
    // Arrange
    let d = demo().await;
    let supervisors = d.supervisors();
    assert!(supervisors.len() >= 12, "{} supervisors", supervisors.len());
    let units: Vec<String> = d.parents.keys().cloned().collect();

    let mut checked = 0;
    for nip in &supervisors {
        let token = d.sign_in(nip).await;
        // HR, admin and the auditor keep their reach over every unit (their own rule).
        let me = d.app.get_ok("/api/v1/me", &token).await;
        let roles = me["user"]["roles"].as_array().expect("roles");
        if roles.iter().any(|r| r != "employee") {
            continue;
        }
        checked += 1;
        let superiors = d.superiors(nip);
        for code in &units {
            let tree = d.tree(code);
            for (path, whole_tree) in reads(code, &d.period) {
                // Act
                let resp = d.app.get(&path, &token).await;
                let status = resp.status();
                let body = resp.text().await.expect("body");

                // Assert
                let shown = |unit: &str| {
                    if whole_tree {
                        tree.contains(unit)
                    } else {
                        unit == code
                    }
                };
                let shows_superior = superiors
                    .iter()
                    .any(|s| s["active"] == true && shown(s["unit_code"].as_str().unwrap_or("")));
                assert!(
                    status == StatusCode::OK || status == StatusCode::FORBIDDEN,
                    "{nip} {path}: {status}"
                );
                if shows_superior {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{nip} read {path}");
                }
                for s in &superiors {
                    let their_nip = s["nip"].as_str().expect("nip");
                    assert!(
                        !body.contains(their_nip),
                        "{nip} saw superior {their_nip} in {path}"
                    );
                }
            }
        }
    }
    assert!(checked >= 12, "{checked} supervisors checked");
}

#[tokio::test]
async fn the_sekretaris_kelurahan_does_not_lead_his_kelurahan() {
    // Arrange
    let d = demo().await;
    let seklur = d
        .sign_in(&d.nip_of("Sekretaris Kelurahan", "CKN-KEL-CB"))
        .await;

    for (path, _) in reads("CKN-KEL-CB", &d.period) {
        // Act
        let resp = d.app.get(&path, &seklur).await;

        // Assert
        assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
    }
}

#[tokio::test]
async fn the_lurah_and_the_camat_still_read_their_units() {
    // Arrange
    let d = demo().await;
    let lurah = d
        .sign_in(&d.nip_of("Lurah Cakranegara Barat", "CKN-KEL-CB"))
        .await;
    let camat = d.sign_in(&d.nip_of("Camat Cakranegara", "CKN")).await;
    let kasi = d
        .sign_in(&d.nip_of("Kepala Seksi Pemerintahan", "CKN-PEM"))
        .await;

    // Act + Assert
    for (token, code) in [
        (&lurah, "CKN-KEL-CB"),
        (&camat, "CKN-KEL-CB"),
        (&camat, "CKN"),
        (&camat, "CKN-SEK"),
        (&kasi, "CKN-PEM"),
    ] {
        for (path, _) in reads(code, &d.period) {
            let resp = d.app.get(&path, token).await;
            assert_eq!(resp.status(), StatusCode::OK, "{code}: {path}");
        }
    }
    let grid = d
        .app
        .get_ok("/api/v1/talent/grid?unit_code=CKN-KEL-CB", &lurah)
        .await;
    let names: Vec<&str> = grid["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .flat_map(|c| c["employees"].as_array().into_iter().flatten())
        .filter_map(|e| e["nip"].as_str())
        .collect();
    let seklur = d.nip_of("Sekretaris Kelurahan", "CKN-KEL-CB");
    assert!(
        names.contains(&seklur.as_str()),
        "the Lurah sees his Sekretaris"
    );
    // A Lurah is not a leader of a neighbouring kelurahan nor of the kecamatan.
    for path in [
        "/api/v1/talent/grid?unit_code=CKN-KEL-MAY",
        "/api/v1/talent/grid?unit_code=CKN",
    ] {
        assert_error(
            d.app.get(path, &lurah).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
}
