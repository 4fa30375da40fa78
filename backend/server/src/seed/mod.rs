//! Demo data: Kecamatan Cakranegara (Kota Mataram) with its secretariat, five sections and
//! ten kelurahan, plus the Dukcapil service office; 80 employees with valid NIPs, a full
//! supervisor hierarchy and sign-in accounts for every role. Deterministic: the same
//! database content every time, so the README can name the demo accounts.

mod feedback;
pub(crate) mod people;

use sea_orm::{ConnectionTrait, DbErr, TransactionTrait};
use uuid::Uuid;

use self::feedback::seed_feedback;
use self::people::{FEMALE, MALE, SURNAMES, gelar, nip, people, units};
use crate::auth::password;
use crate::store;
use crate::store::employees::EmployeeFields;
use crate::store::units::NewUnit;
use crate::store::users::{self, NewUser};

/// Demo passwords, documented in the README.
pub const ADMIN_EMAIL: &str = "admin@kinerja360.local";
pub const ADMIN_PASSWORD: &str = "Admin#2026";
pub const AUDITOR_EMAIL: &str = "auditor@kinerja360.local";
pub const AUDITOR_PASSWORD: &str = "Auditor#2026";
pub const EMPLOYEE_PASSWORD: &str = "Pegawai#2026";

/// The local part of a generated email address: `Hj. Siti Aisyah` → `siti.aisyah`.
pub(crate) fn email_slug(name: &str) -> String {
    name.to_lowercase()
        .replace("hj. ", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(".")
}

pub async fn is_empty<C: ConnectionTrait>(conn: &C) -> Result<bool, DbErr> {
    Ok(store::units::count_all(conn).await? == 0)
}

/// Loads the demo data in one transaction; returns a short summary.
pub async fn seed_demo(conn: &sea_orm::DatabaseConnection) -> anyhow::Result<String> {
    let txn = conn.begin().await?;
    let now = chrono::Utc::now();
    let mut unit_ids = std::collections::HashMap::new();
    for (code, name, kind, parent) in units() {
        let parent_id = parent.and_then(|p| unit_ids.get(p).copied());
        let u = store::units::insert(
            &txn,
            NewUnit {
                code: code.clone(),
                name,
                kind: kind.to_string(),
                parent_id,
                at: now,
            },
        )
        .await?;
        unit_ids.insert(code, u.id);
    }

    // Demo only: one hash per password, shared by the generated employee accounts, so
    // seeding stays fast. Real accounts always get their own salt.
    let employee_hash = password::hash(EMPLOYEE_PASSWORD)?;
    let people = people();
    let mut ids: Vec<Uuid> = Vec::with_capacity(people.len());
    let mut names: Vec<String> = Vec::with_capacity(people.len());
    let (mut m, mut f) = (0usize, 0usize);
    for (i, p) in people.iter().enumerate() {
        let female = i % 5 == 1 || i % 5 == 3;
        let (pool, n) = if female {
            f += 1;
            (&FEMALE, f - 1)
        } else {
            m += 1;
            (&MALE, m - 1)
        };
        // A second round through a pool adds a family name, so names stay distinct.
        let name_owned = match n / pool.len() {
            0 => pool[n % pool.len()].to_string(),
            round => format!(
                "{} {}",
                pool[n % pool.len()],
                SURNAMES[(n + round) % SURNAMES.len()]
            ),
        };
        let name = name_owned.as_str();
        let (depan, belakang) = gelar(p.golongan, i);
        let nip = nip(i, p.golongan, p.pppk, female);
        let email = p
            .email
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}{}@mataramkota.go.id", email_slug(name), i + 1));
        let id = store::employees::insert(
            &txn,
            nip.clone(),
            EmployeeFields {
                name: name.to_string(),
                gelar_depan: depan.map(str::to_string),
                gelar_belakang: belakang.map(str::to_string),
                status: if p.pppk { "PPPK" } else { "PNS" }.to_string(),
                golongan: p.golongan.to_string(),
                jabatan: p.jabatan.clone(),
                jenis_jabatan: p.jenis.to_string(),
                unit_id: unit_ids[&p.unit],
                email: Some(email.clone()),
                active: true,
                pns_id: None,
            },
            p.sup.map(|s| ids[s]),
            now,
        )
        .await?
        .id;
        ids.push(id);
        let display = crate::domain::master::full_name(name, depan, belakang);
        names.push(display.clone());
        users::insert(
            &txn,
            NewUser {
                employee_id: Some(id),
                name: display,
                nip: Some(nip),
                email: Some(email),
                password_hash: employee_hash.clone(),
                roles: p.roles.iter().map(|r| r.to_string()).collect(),
            },
        )
        .await?;
        let _ = p.code;
    }
    users::insert(
        &txn,
        NewUser {
            employee_id: None,
            name: "Administrator Kinerja360".into(),
            nip: None,
            email: Some(ADMIN_EMAIL.into()),
            password_hash: password::hash(ADMIN_PASSWORD)?,
            roles: vec!["admin".into()],
        },
    )
    .await?;
    users::insert(
        &txn,
        NewUser {
            employee_id: None,
            name: "Auditor Inspektorat Kota Mataram".into(),
            nip: None,
            email: Some(AUDITOR_EMAIL.into()),
            password_hash: password::hash(AUDITOR_PASSWORD)?,
            roles: vec!["auditor".into()],
        },
    )
    .await?;
    let feedback = seed_feedback(&txn, &people, &ids, &names, &unit_ids).await?;
    let staff: Vec<crate::seed_cycle::Staff> = people
        .iter()
        .enumerate()
        .map(|(i, p)| crate::seed_cycle::Staff {
            id: ids[i],
            sup: p.sup,
            unit_id: unit_ids[&p.unit],
            jabatan: p.jabatan.clone(),
            jenis: p.jenis,
            golongan: p.golongan.to_string(),
        })
        .collect();
    let cycle = crate::seed_cycle::seed_cycle(&txn, &staff, now).await?;
    let career = crate::seed_career::seed_career(&txn, &staff, now).await?;
    txn.commit().await?;
    Ok(format!(
        "demo data loaded: {} units, {} employees, {} accounts, {feedback}, {cycle}, {career}",
        unit_ids.len(),
        ids.len(),
        ids.len() + 2
    ))
}
