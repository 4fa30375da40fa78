//! The synthetic organisation: units, employees with valid NIPs, accounts.

use chrono::{DateTime, Utc};
use entity::{employee, unit, user};
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use super::SignIn;
use crate::auth::password;
use crate::domain::predikat::Rating;
use crate::seed::people::{FEMALE, MALE, SURNAMES};
use crate::seed_cycle::data::Lcg;
use crate::store::bulk::insert_all;

/// The one password of every synthetic account (documented in docs/benchmarks.md).
pub const SYNTHETIC_PASSWORD: &str = "Sintetis#2026";

/// Which employees get an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AccountMode {
    /// A few accounts (administrator, HR, auditor, heads, supervisors, staff), each hashed.
    Sample,
    /// Every employee gets an account with its own salt (argon2id: slow at scale).
    All,
}

const DINAS: [&str; 12] = [
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Koperasi dan UKM",
    "Dinas Pariwisata",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Komunikasi dan Informatika",
];

const BIDANG: [&str; 7] = [
    "Bidang Pelayanan",
    "Bidang Perencanaan dan Program",
    "Bidang Pengawasan",
    "Bidang Pembinaan",
    "Bidang Data dan Informasi",
    "Bidang Sarana dan Prasarana",
    "Bidang Pengembangan",
];

/// Employees per unit, as in the city's real structure.
const PER_UNIT: usize = 90;
/// Staff per team leader.
const PER_TEAM: usize = 22;

pub struct Unit {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: &'static str,
    pub parent: Option<usize>,
    pub head: usize,
}

pub struct Person {
    pub id: Uuid,
    pub unit: usize,
    pub sup: Option<usize>,
    pub nip: String,
    pub name: String,
    pub email: String,
    pub golongan: &'static str,
    pub pppk: bool,
    pub jabatan: String,
    pub jenis: &'static str,
    /// The level raters see (1–5) and the work rating.
    pub level: f64,
    pub hk: Rating,
}

pub struct Org {
    pub units: Vec<Unit>,
    pub people: Vec<Person>,
    /// Direct reports of each person.
    pub children: Vec<Vec<usize>>,
    pub at: DateTime<Utc>,
}

/// A valid 18-digit NIP (PNS) or NI PPPK, unique for every index below ten million.
pub fn synthetic_nip(i: usize, pppk: bool, female: bool) -> String {
    let seq = i % 999 + 1;
    let k = i / 999;
    let year = 1970 + (k % 26) as i32;
    let month = (k / 26) % 12 + 1;
    let day = (k / 312) % 28 + 1;
    let gender = if female { 2 } else { 1 };
    if pppk {
        let contract = i % 9 + 1;
        format!(
            "{year:04}{month:02}{day:02}{:04}2{contract}{gender}{seq:03}",
            year + 30
        )
    } else {
        let tmt_month = [1, 3, 12][i % 3];
        format!(
            "{year:04}{month:02}{day:02}{:04}{tmt_month:02}{gender}{seq:03}",
            year + 24
        )
    }
}

fn person_name(i: usize) -> (String, bool) {
    let female = i % 5 == 1 || i % 5 == 3;
    let pool: &[&str] = if female { &FEMALE } else { &MALE };
    let first = pool[(i / 2) % pool.len()];
    let family = SURNAMES[(i / (2 * pool.len())) % SURNAMES.len()];
    (format!("{first} {family}"), female)
}

fn email_of(name: &str, i: usize) -> String {
    format!(
        "{}.{}@sintetis.mataramkota.go.id",
        crate::seed::email_slug(name),
        i + 1
    )
}

/// The organisation in memory: units of about 90 (a head, team leaders of about 22, staff);
/// a dinas head has no supervisor in the system, a bidang head reports to the dinas head.
pub fn build(n: usize, at: DateTime<Utc>) -> Org {
    let unit_count = n.div_ceil(PER_UNIT).max(1);
    let dinas_count = unit_count.div_ceil(8).max(1);
    let mut units = Vec::with_capacity(unit_count);
    for u in 0..unit_count {
        let (code, name, kind, parent) = if u < dinas_count {
            let base = DINAS[u % DINAS.len()];
            let name = match u / DINAS.len() {
                0 => format!("{base} Kota Mataram"),
                r => format!("{base} Wilayah {}", r + 1),
            };
            (format!("SYN-D{:04}", u + 1), name, "dinas", None)
        } else {
            let p = u % dinas_count;
            let b = u / dinas_count;
            let name = format!("{} {}", BIDANG[b % BIDANG.len()], b);
            (
                format!("SYN-D{:04}-B{b:03}", p + 1),
                name,
                "bidang",
                Some(p),
            )
        };
        units.push(Unit {
            id: Uuid::now_v7(),
            code,
            name,
            kind,
            parent,
            head: 0,
        });
    }
    let mut rng = Lcg(11_2026);
    let mut people: Vec<Person> = Vec::with_capacity(n);
    let mut sup_of: Vec<Option<usize>> = Vec::with_capacity(n);
    // Dinas units first, so a bidang head's supervisor already exists.
    for (u, unit) in units.iter_mut().enumerate() {
        let start = u * n / unit_count;
        let end = (u + 1) * n / unit_count;
        let size = end - start;
        let leads = ((size.saturating_sub(1)) / PER_TEAM).max(1).min(size - 1);
        unit.head = start;
        for k in 0..size {
            let i = start + k;
            let (role, jenis, golongan, sup): (String, &str, &str, Option<usize>) = if k == 0 {
                match unit.parent {
                    None => (format!("Kepala {}", unit.name), "struktural", "IV/c", None),
                    Some(_) => (format!("Kepala {}", unit.name), "struktural", "IV/a", None),
                }
            } else if k <= leads {
                let (j, jenis) = if k % 2 == 1 {
                    ("Kepala Seksi", "struktural")
                } else {
                    ("Analis Kebijakan Ahli Muda", "fungsional")
                };
                (j.to_string(), jenis, ["III/d", "III/c"][k % 2], Some(start))
            } else {
                let lead = start + 1 + (k % leads);
                let (j, jenis, g) = match k % 6 {
                    0 => ("Pengadministrasi Perkantoran", "pelaksana", "II/c"),
                    1 => ("Penata Layanan Operasional", "pelaksana", "III/a"),
                    2 => ("Pengolah Data dan Informasi", "pelaksana", "III/b"),
                    3 => ("Pranata Komputer Ahli Pertama", "fungsional", "IX"),
                    4 => ("Pengadministrasi Layanan", "pelaksana", "II/d"),
                    _ => ("Arsiparis Terampil", "fungsional", "VII"),
                };
                (j.to_string(), jenis, g, Some(lead))
            };
            let (name, female) = person_name(i);
            let pppk = !golongan.contains('/');
            let level = 3.0 + rng.below(16) as f64 / 10.0;
            let hk = match rng.below(10) {
                0 => Rating::DiAtas,
                1 if level < 3.4 => Rating::DiBawah,
                _ => Rating::Sesuai,
            };
            people.push(Person {
                id: Uuid::now_v7(),
                unit: u,
                sup: None,
                nip: synthetic_nip(i, pppk, female),
                email: email_of(&name, i),
                name,
                golongan,
                pppk,
                jabatan: role,
                jenis,
                level,
                hk,
            });
            sup_of.push(sup);
        }
    }
    // A bidang head reports to the head of the dinas above.
    for unit in &units {
        if let Some(p) = unit.parent {
            sup_of[unit.head] = Some(units[p].head);
        }
    }
    let mut children = vec![Vec::new(); n];
    for (i, s) in sup_of.iter().enumerate() {
        people[i].sup = *s;
        if let Some(s) = s {
            children[*s].push(i);
        }
    }
    Org {
        units,
        people,
        children,
        at,
    }
}

/// Units (parents first) and employees (supervisors first).
pub async fn write(txn: &DatabaseTransaction, org: &Org) -> anyhow::Result<()> {
    let at = org.at;
    let units = org.units.iter().map(|u| unit::ActiveModel {
        id: Set(u.id),
        code: Set(u.code.clone()),
        name: Set(u.name.clone()),
        kind: Set(u.kind.into()),
        parent_id: Set(u.parent.map(|p| org.units[p].id)),
        created_at: Set(at),
        updated_at: Set(at),
    });
    // Dinas (no parent) before bidang.
    let (roots, rest): (Vec<_>, Vec<_>) =
        units.partition(|u| matches!(&u.parent_id, sea_orm::ActiveValue::Set(None)));
    insert_all(txn, roots).await?;
    insert_all(txn, rest).await?;
    for depth in 0..=4 {
        let rows: Vec<employee::ActiveModel> = org
            .people
            .iter()
            .filter(|p| depth_of(org, p) == depth)
            .map(|p| employee::ActiveModel {
                id: Set(p.id),
                nip: Set(p.nip.clone()),
                name: Set(p.name.clone()),
                gelar_depan: Set(None),
                gelar_belakang: Set(None),
                status: Set(if p.pppk { "PPPK" } else { "PNS" }.into()),
                golongan: Set(p.golongan.into()),
                jabatan: Set(p.jabatan.clone()),
                jenis_jabatan: Set(p.jenis.into()),
                unit_id: Set(org.units[p.unit].id),
                supervisor_id: Set(p.sup.map(|s| org.people[s].id)),
                email: Set(Some(p.email.clone())),
                active: Set(true),
                created_at: Set(at),
                updated_at: Set(at),
                pns_id: Set(None),
            })
            .collect();
        insert_all(txn, rows).await?;
    }
    Ok(())
}

/// Levels above a person (0 for someone without a supervisor in the system).
pub fn depth_of(org: &Org, p: &Person) -> usize {
    let mut d = 0;
    let mut cur = p.sup;
    while let Some(s) = cur {
        d += 1;
        cur = org.people[s].sup;
    }
    d
}

/// An account to write: (person index, name, email, roles).
type AccountRow = (Option<usize>, String, Option<String>, Vec<&'static str>);

/// The sample accounts: (role shown, person index, roles).
fn sample(org: &Org) -> Vec<(&'static str, usize, Vec<&'static str>)> {
    let first_bidang = org
        .units
        .iter()
        .position(|u| u.parent.is_some())
        .unwrap_or(0);
    let head = org.units[first_bidang].head;
    let lead = org.children[head]
        .iter()
        .copied()
        .find(|&c| !org.children[c].is_empty())
        .unwrap_or(head);
    let mut out = vec![
        ("hr", org.units[0].head + 1, vec!["employee", "hr"]),
        ("kepala", org.units[0].head, vec!["employee"]),
        ("kepala", head, vec!["employee"]),
        ("atasan", lead, vec!["employee"]),
    ];
    // Staff of that team, for load spread over several sessions.
    for &c in org.children[lead].iter().take(8) {
        out.push(("pegawai", c, vec!["employee"]));
    }
    out.dedup_by_key(|x| x.1);
    out
}

/// Accounts: admin and auditor without an employee, and the sample (or every employee).
/// Each hash has its own salt; with `All` the hashing runs on every core.
pub async fn write_accounts(
    txn: &DatabaseTransaction,
    org: &Org,
    mode: AccountMode,
    at: DateTime<Utc>,
) -> anyhow::Result<(Vec<SignIn>, usize)> {
    let mut rows: Vec<AccountRow> = vec![
        (
            None,
            "Administrator Sintetis".into(),
            Some("admin@sintetis.mataramkota.go.id".into()),
            vec!["admin"],
        ),
        (
            None,
            "Auditor Sintetis".into(),
            Some("auditor@sintetis.mataramkota.go.id".into()),
            vec!["auditor"],
        ),
    ];
    let picked = sample(org);
    let mut shown: Vec<SignIn> = vec![
        SignIn {
            role: "admin",
            login: "admin@sintetis.mataramkota.go.id".into(),
            name: "Administrator Sintetis".into(),
        },
        SignIn {
            role: "auditor",
            login: "auditor@sintetis.mataramkota.go.id".into(),
            name: "Auditor Sintetis".into(),
        },
    ];
    for (role, i, _) in &picked {
        let p = &org.people[*i];
        shown.push(SignIn {
            role,
            login: p.nip.clone(),
            name: format!("{} — {}", p.name, p.jabatan),
        });
    }
    match mode {
        AccountMode::Sample => {
            for (_, i, roles) in picked {
                let p = &org.people[i];
                rows.push((Some(i), p.name.clone(), Some(p.email.clone()), roles));
            }
        }
        AccountMode::All => {
            for (i, p) in org.people.iter().enumerate() {
                let roles = picked
                    .iter()
                    .find(|x| x.1 == i)
                    .map(|x| x.2.clone())
                    .unwrap_or_else(|| vec!["employee"]);
                rows.push((Some(i), p.name.clone(), Some(p.email.clone()), roles));
            }
        }
    }
    let hashes = hash_all(rows.len())?;
    let models: Vec<user::ActiveModel> = rows
        .into_iter()
        .zip(hashes)
        .map(|((i, name, email, roles), hash)| user::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(i.map(|i| org.people[i].id)),
            name: Set(name),
            nip: Set(i.map(|i| org.people[i].nip.clone())),
            email: Set(email),
            password_hash: Set(hash),
            roles: Set(roles.join(",")),
            active: Set(true),
            session_version: Set(1),
            set_password_code_hash: Set(None),
            set_password_code_expires_at: Set(None),
            created_at: Set(at),
            updated_at: Set(at),
        })
        .collect();
    let n = insert_all(txn, models).await?;
    Ok((shown, n))
}

/// `n` argon2id hashes of the synthetic password, each with its own salt, on every core.
fn hash_all(n: usize) -> anyhow::Result<Vec<String>> {
    let threads = std::thread::available_parallelism().map_or(2, |c| c.get());
    let per = n.div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .step_by(per)
            .map(|start| {
                s.spawn(move || {
                    (start..(start + per).min(n))
                        .map(|_| password::hash(SYNTHETIC_PASSWORD))
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(n);
        for h in handles {
            let part = h
                .join()
                .map_err(|_| anyhow::anyhow!("hashing thread panicked"))??;
            out.extend(part);
        }
        Ok(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nip::Nip;

    #[test]
    fn synthetic_nips_are_valid_and_distinct_across_fifty_thousand() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..50_000 {
            let nip = synthetic_nip(i, i % 4 == 3, i % 2 == 0);
            assert!(Nip::parse(&nip).is_ok(), "{nip} (index {i}) is not valid");
            assert!(seen.insert(nip), "index {i} repeats a NIP");
        }
    }

    #[test]
    fn the_organisation_has_a_unit_per_ninety_and_no_cycle() {
        let org = build(5_500, Utc::now());
        assert_eq!(org.units.len(), 62);
        assert_eq!(org.people.len(), 5_500);
        for p in &org.people {
            assert!(
                crate::domain::golongan::find(if p.pppk { "PPPK" } else { "PNS" }, p.golongan)
                    .is_some()
            );
            assert!(depth_of(&org, p) <= 3);
        }
        let widest = org.children.iter().map(Vec::len).max().unwrap_or(0);
        assert!(widest <= 30, "a team of {widest}");
    }
}
