//! Demo data: Kecamatan Cakranegara (Kota Mataram) with its secretariat, five sections and
//! ten kelurahan, plus the Dukcapil service office; 80 employees with valid NIPs, a full
//! supervisor hierarchy and sign-in accounts for every role. Deterministic: the same
//! database content every time, so the README can name the demo accounts.

use entity::{employee, unit};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, Set, TransactionTrait,
};
use uuid::Uuid;

use crate::auth::password;
use crate::store::users::{self, NewUser};

/// Demo passwords, documented in the README.
pub const ADMIN_EMAIL: &str = "admin@kinerja360.local";
pub const ADMIN_PASSWORD: &str = "Admin#2026";
pub const AUDITOR_EMAIL: &str = "auditor@kinerja360.local";
pub const AUDITOR_PASSWORD: &str = "Auditor#2026";
pub const EMPLOYEE_PASSWORD: &str = "Pegawai#2026";

pub async fn is_empty<C: ConnectionTrait>(conn: &C) -> Result<bool, DbErr> {
    Ok(unit::Entity::find().count(conn).await? == 0)
}

const KELURAHAN: [(&str, &str); 10] = [
    ("CB", "Cakranegara Barat"),
    ("CT", "Cakranegara Timur"),
    ("CS", "Cakranegara Selatan"),
    ("CSB", "Cakranegara Selatan Baru"),
    ("CU", "Cakranegara Utara"),
    ("CIL", "Cilinaya"),
    ("KT", "Karang Taliwang"),
    ("MAY", "Mayura"),
    ("SM", "Sapta Marga"),
    ("SS", "Sayang-Sayang"),
];

const SEKSI: [(&str, &str); 5] = [
    ("CKN-PEM", "Seksi Pemerintahan"),
    ("CKN-TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum"),
    ("CKN-PMD", "Seksi Pemberdayaan Masyarakat"),
    ("CKN-KESOS", "Seksi Kesejahteraan Sosial"),
    ("CKN-PEL", "Seksi Pelayanan Umum"),
];

const MALE: [&str; 24] = [
    "Lalu Muhammad Irfan",
    "Ahmad Zainuddin",
    "I Made Suarta",
    "Muhammad Rizal",
    "Lalu Sukardi",
    "I Gede Wirawan",
    "Hendra Saputra",
    "Zulkifli Hamdani",
    "I Ketut Arsana",
    "Fathurrahman",
    "Lalu Wirajaya",
    "Khairul Anwar",
    "I Wayan Sudarma",
    "Syamsul Hadi",
    "Ridwan Kurniawan",
    "Lalu Ahmad Jayadi",
    "Hasanuddin",
    "I Nyoman Budiarta",
    "Agus Salim",
    "Taufik Rahman",
    "Lalu Satria Wangsa",
    "Amrullah",
    "Dedi Mahendra",
    "Rizki Ramdhani",
];

const FEMALE: [&str; 24] = [
    "Baiq Nurul Hidayati",
    "Ni Luh Putu Ariani",
    "Siti Aisyah",
    "Sri Wahyuni",
    "Baiq Rina Astuti",
    "Ni Made Sukerti",
    "Nurhayati",
    "Dewi Rahmawati",
    "Baiq Fitriani",
    "Ni Ketut Suryani",
    "Hj. Rohani",
    "Lina Marlina",
    "Baiq Sri Handayani",
    "Ni Wayan Sasmita",
    "Yuliana Safitri",
    "Baiq Desy Amelia",
    "Nurul Aini",
    "Ni Nyoman Sudiani",
    "Rahmi Kurniati",
    "Baiq Wulandari",
    "Evi Susanti",
    "Ni Putu Ayu Lestari",
    "Hairunnisa",
    "Baiq Mutiara",
];

const SURNAMES: [&str; 7] = [
    "Pratama", "Hidayat", "Saputra", "Rahman", "Wijaya", "Kurnia", "Maulana",
];

struct Person {
    code: &'static str,
    unit: String,
    jabatan: String,
    jenis: &'static str,
    golongan: &'static str,
    pppk: bool,
    sup: Option<usize>,
    email: Option<&'static str>,
    roles: Vec<&'static str>,
}

fn person(
    unit: &str,
    jabatan: &str,
    jenis: &'static str,
    golongan: &'static str,
    sup: Option<usize>,
) -> Person {
    Person {
        code: "",
        unit: unit.to_string(),
        jabatan: jabatan.to_string(),
        jenis,
        golongan,
        pppk: !golongan.contains('/'),
        sup,
        email: None,
        roles: vec!["employee"],
    }
}

fn birth_year(golongan: &str, i: usize) -> i32 {
    let base = match golongan {
        g if g.starts_with("IV") => 1969,
        "III/d" => 1977,
        "III/c" => 1981,
        "III/b" | "III/a" => 1986,
        g if g.starts_with("II/") => 1991,
        _ => 1990,
    };
    base + (i % 6) as i32
}

fn gelar(golongan: &str, i: usize) -> (Option<&'static str>, Option<&'static str>) {
    match golongan {
        "IV/c" => (Some("Dr."), Some("S.STP., M.Si.")),
        g if g.starts_with("IV") => (None, Some(["S.STP., M.AP.", "S.Sos., M.Si."][i % 2])),
        g if g.starts_with("III") => (
            None,
            Some(["S.E.", "S.H.", "S.Kom.", "S.Sos.", "S.AP."][i % 5]),
        ),
        g if g.starts_with("II/") => (None, Some("A.Md.")),
        "IX" | "VII" => (None, Some(["S.Kom.", "S.T."][i % 2])),
        _ => (None, None),
    }
}

fn nip(i: usize, golongan: &str, pppk: bool, female: bool) -> String {
    let year = birth_year(golongan, i);
    let month = (i % 12) + 1;
    let day = (i * 7 % 28) + 1;
    let gender = if female { 2 } else { 1 };
    let seq = i + 1;
    if pppk {
        format!(
            "{year:04}{month:02}{day:02}{:04}2{}{gender}{seq:03}",
            year + 30,
            1
        )
    } else {
        let tmt_month = [1, 3, 12][i % 3];
        format!(
            "{year:04}{month:02}{day:02}{:04}{tmt_month:02}{gender}{seq:03}",
            year + 24
        )
    }
}

fn people() -> Vec<Person> {
    let mut p: Vec<Person> = Vec::new();
    let push = |p: &mut Vec<Person>, x: Person| -> usize {
        p.push(x);
        p.len() - 1
    };
    let mut camat = person("CKN", "Camat Cakranegara", "struktural", "IV/b", None);
    camat.email = Some("camat@kinerja360.local");
    camat.code = "camat";
    let camat = push(&mut p, camat);
    let sekcam = push(
        &mut p,
        person(
            "CKN-SEK",
            "Sekretaris Camat",
            "struktural",
            "IV/a",
            Some(camat),
        ),
    );
    let mut umum = person(
        "CKN-SEK",
        "Kepala Subbagian Umum dan Kepegawaian",
        "struktural",
        "III/d",
        Some(sekcam),
    );
    umum.email = Some("hr@kinerja360.local");
    umum.roles = vec!["employee", "hr"];
    umum.code = "hr";
    let umum = push(&mut p, umum);
    let keu = push(
        &mut p,
        person(
            "CKN-SEK",
            "Kepala Subbagian Perencanaan dan Keuangan",
            "struktural",
            "III/d",
            Some(sekcam),
        ),
    );
    push(
        &mut p,
        person(
            "CKN-SEK",
            "Analis SDM Aparatur Ahli Pertama",
            "fungsional",
            "III/b",
            Some(umum),
        ),
    );
    push(
        &mut p,
        person(
            "CKN-SEK",
            "Pengadministrasi Perkantoran",
            "pelaksana",
            "V",
            Some(umum),
        ),
    );
    push(
        &mut p,
        person(
            "CKN-SEK",
            "Pengelola Keuangan",
            "pelaksana",
            "III/a",
            Some(keu),
        ),
    );
    push(
        &mut p,
        person(
            "CKN-SEK",
            "Arsiparis Terampil",
            "fungsional",
            "II/d",
            Some(keu),
        ),
    );
    let staff = [
        ("Analis Kebijakan Ahli Pertama", "fungsional", "III/b"),
        ("Pengadministrasi Umum", "pelaksana", "II/c"),
    ];
    for (code, name) in SEKSI {
        let kasi = push(
            &mut p,
            person(
                code,
                &format!("Kepala {name}"),
                "struktural",
                "III/d",
                Some(camat),
            ),
        );
        let _ = name;
        for (j, jenis, g) in staff {
            push(&mut p, person(code, j, jenis, g, Some(kasi)));
        }
    }
    for (i, (code, name)) in KELURAHAN.iter().enumerate() {
        let unit = format!("CKN-KEL-{code}");
        let mut lurah = person(
            &unit,
            &format!("Lurah {name}"),
            "struktural",
            "III/d",
            Some(camat),
        );
        if i == 0 {
            lurah.email = Some("lurah.cb@kinerja360.local");
            lurah.code = "lurah";
        }
        let lurah = push(&mut p, lurah);
        let mut sekretaris = person(
            &unit,
            "Sekretaris Kelurahan",
            "struktural",
            "III/c",
            Some(lurah),
        );
        if i == 0 {
            sekretaris.email = Some("seklur.cb@kinerja360.local");
            sekretaris.code = "seklur";
        }
        let sek = push(&mut p, sekretaris);
        push(
            &mut p,
            person(
                &unit,
                "Kepala Seksi Pemerintahan dan Ketenteraman",
                "struktural",
                "III/c",
                Some(lurah),
            ),
        );
        let mut staf = person(
            &unit,
            "Pengadministrasi Layanan Kependudukan",
            "pelaksana",
            "II/c",
            Some(sek),
        );
        if i == 0 {
            staf.email = Some("staf@kinerja360.local");
            staf.code = "staf";
        }
        push(&mut p, staf);
        let g = if i % 3 == 0 { "VII" } else { "II/b" };
        let mut rekan = person(&unit, "Pengolah Data Pelayanan", "pelaksana", g, Some(sek));
        if i == 0 {
            rekan.email = Some("rekan.cb@kinerja360.local");
            rekan.code = "rekan";
        }
        push(&mut p, rekan);
    }
    let kadis = push(
        &mut p,
        person(
            "DUKCAPIL",
            "Kepala Dinas Kependudukan dan Pencatatan Sipil",
            "struktural",
            "IV/c",
            None,
        ),
    );
    let pdp = push(
        &mut p,
        person(
            "DUKCAPIL-PDP",
            "Kepala Bidang Pelayanan Pendaftaran Penduduk",
            "struktural",
            "IV/a",
            Some(kadis),
        ),
    );
    let pps = push(
        &mut p,
        person(
            "DUKCAPIL-PPS",
            "Kepala Bidang Pelayanan Pencatatan Sipil",
            "struktural",
            "IV/a",
            Some(kadis),
        ),
    );
    push(
        &mut p,
        person(
            "DUKCAPIL-PDP",
            "Administrator Database Kependudukan Ahli Pertama",
            "fungsional",
            "III/a",
            Some(pdp),
        ),
    );
    push(
        &mut p,
        person(
            "DUKCAPIL-PDP",
            "Petugas Registrasi Kependudukan",
            "pelaksana",
            "IX",
            Some(pdp),
        ),
    );
    push(
        &mut p,
        person(
            "DUKCAPIL-PPS",
            "Pranata Komputer Ahli Pertama",
            "fungsional",
            "III/b",
            Some(pps),
        ),
    );
    push(
        &mut p,
        person(
            "DUKCAPIL-PPS",
            "Pengolah Data Pencatatan Sipil",
            "pelaksana",
            "II/d",
            Some(pps),
        ),
    );
    p
}

fn units() -> Vec<(String, String, &'static str, Option<&'static str>)> {
    let mut u = vec![
        (
            "CKN".to_string(),
            "Kecamatan Cakranegara".to_string(),
            "kecamatan",
            None,
        ),
        (
            "CKN-SEK".into(),
            "Sekretariat Kecamatan Cakranegara".into(),
            "sekretariat",
            Some("CKN"),
        ),
    ];
    for (code, name) in SEKSI {
        u.push((code.into(), name.into(), "seksi", Some("CKN")));
    }
    for (code, name) in KELURAHAN {
        u.push((
            format!("CKN-KEL-{code}"),
            format!("Kelurahan {name}"),
            "kelurahan",
            Some("CKN"),
        ));
    }
    u.push((
        "DUKCAPIL".into(),
        "Dinas Kependudukan dan Pencatatan Sipil Kota Mataram".into(),
        "dinas",
        None,
    ));
    u.push((
        "DUKCAPIL-PDP".into(),
        "Bidang Pelayanan Pendaftaran Penduduk".into(),
        "bidang",
        Some("DUKCAPIL"),
    ));
    u.push((
        "DUKCAPIL-PPS".into(),
        "Bidang Pelayanan Pencatatan Sipil".into(),
        "bidang",
        Some("DUKCAPIL"),
    ));
    u
}

/// Loads the demo data in one transaction; returns a short summary.
pub async fn seed_demo(conn: &sea_orm::DatabaseConnection) -> anyhow::Result<String> {
    let txn = conn.begin().await?;
    let now = chrono::Utc::now();
    let mut unit_ids = std::collections::HashMap::new();
    for (code, name, kind, parent) in units() {
        let id = Uuid::now_v7();
        unit::ActiveModel {
            id: Set(id),
            code: Set(code.clone()),
            name: Set(name),
            kind: Set(kind.to_string()),
            parent_id: Set(parent.and_then(|p| unit_ids.get(p).copied())),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        unit_ids.insert(code, id);
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
        let email = p.email.map(str::to_string).unwrap_or_else(|| {
            let slug: String = name
                .to_lowercase()
                .replace("hj. ", "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(".");
            format!("{slug}{}@mataramkota.go.id", i + 1)
        });
        let id = Uuid::now_v7();
        employee::ActiveModel {
            id: Set(id),
            nip: Set(nip.clone()),
            name: Set(name.to_string()),
            gelar_depan: Set(depan.map(str::to_string)),
            gelar_belakang: Set(belakang.map(str::to_string)),
            status: Set(if p.pppk { "PPPK" } else { "PNS" }.to_string()),
            golongan: Set(p.golongan.to_string()),
            jabatan: Set(p.jabatan.clone()),
            jenis_jabatan: Set(p.jenis.to_string()),
            unit_id: Set(unit_ids[&p.unit]),
            supervisor_id: Set(p.sup.map(|s| ids[s])),
            email: Set(Some(email.clone())),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
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

/// A small deterministic generator, so the demo data is the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const PRAISE: [&str; 8] = [
    "Pelayanan cepat dan petugasnya ramah. Terima kasih.",
    "Prosesnya jelas, saya dibantu mengisi formulir.",
    "Petugas sabar menjelaskan persyaratan KTP anak saya.",
    "Antrian tertib dan ruang tunggu bersih.",
    "Surat pengantar selesai hari itu juga, mantap.",
    "Terima kasih, pelayanan tanpa biaya sesuai informasi.",
    "Petugas sopan, tapi mohon kursi tunggu ditambah.",
    "Sudah bagus, semoga dipertahankan.",
];

const COMPLAINTS: [&str; 6] = [
    "Menunggu lebih dari satu jam, petugas di loket hanya satu.",
    "Persyaratan yang diminta berbeda dengan di papan informasi.",
    "Tolong jam pelayanan ditepati, loket buka terlambat.",
    "Kotak pengaduan tidak ada, bingung harus melapor ke mana.",
    "Printer rusak sehingga harus kembali besok.",
    "Petugas kurang ramah saat saya bertanya.",
];

/// Feedback targets for every kelurahan desk, the Dukcapil desks and the service staff, and a
/// few hundred citizen submissions over the past six months (some held, one comment hidden).
async fn seed_feedback(
    txn: &sea_orm::DatabaseTransaction,
    people: &[Person],
    ids: &[Uuid],
    names: &[String],
    unit_ids: &std::collections::HashMap<String, Uuid>,
) -> anyhow::Result<String> {
    use entity::{feedback_submission as sub, feedback_target as target};
    let now = chrono::Utc::now();
    let wita = chrono::FixedOffset::east_opt(8 * 3600).ok_or_else(|| anyhow::anyhow!("offset"))?;
    let mut rng = Lcg(360);
    // Tokens stay random even in demo data: a QR token is a capability.
    let token = |_: &mut Lcg| {
        let mut b = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut b);
        hex::encode(b)
    };
    // (target id, unit id, employee id, quality 0–3)
    let mut targets: Vec<(Uuid, Uuid, Option<Uuid>, u64)> = Vec::new();
    let mut desks: Vec<(String, &str)> = KELURAHAN
        .iter()
        .map(|(code, _)| (format!("CKN-KEL-{code}"), "Loket Pelayanan"))
        .collect();
    desks.push(("DUKCAPIL-PDP".into(), "Loket Pendaftaran Penduduk"));
    desks.push(("DUKCAPIL-PPS".into(), "Loket Pencatatan Sipil"));
    for (i, (unit, label)) in desks.iter().enumerate() {
        let id = Uuid::now_v7();
        target::ActiveModel {
            id: Set(id),
            kind: Set("unit".into()),
            label: Set(label.to_string()),
            unit_id: Set(unit_ids[unit]),
            employee_id: Set(None),
            token: Set(token(&mut rng)),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(txn)
        .await?;
        targets.push((id, unit_ids[unit], None, (i as u64 * 7) % 4));
    }
    for (i, p) in people.iter().enumerate() {
        let service = p.jabatan.starts_with("Pengadministrasi Layanan")
            || p.jabatan.starts_with("Petugas Registrasi");
        if !service {
            continue;
        }
        let id = Uuid::now_v7();
        let name = names[i].clone();
        target::ActiveModel {
            id: Set(id),
            kind: Set("employee".into()),
            label: Set(name),
            unit_id: Set(unit_ids[&p.unit]),
            employee_id: Set(Some(ids[i])),
            token: Set(token(&mut rng)),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(txn)
        .await?;
        targets.push((id, unit_ids[&p.unit], Some(ids[i]), (i as u64) % 4));
    }
    let mut rows: Vec<sub::ActiveModel> = Vec::new();
    let mut held = 0;
    for (t_index, (tid, unit, emp, quality)) in targets.iter().enumerate() {
        let n = 14 + rng.below(18);
        for k in 0..n {
            let days_ago = rng.below(180) as i64;
            let at = now
                - chrono::Duration::days(days_ago)
                - chrono::Duration::minutes(rng.below(600) as i64);
            // Better desks answer higher; every desk has some spread.
            let score = |rng: &mut Lcg| -> i16 {
                let r = rng.below(100);
                match r {
                    r if r < 35 + 10 * quality => 4,
                    r if r < 85 + 4 * quality => 3,
                    r if r < 97 => 2,
                    _ => 1,
                }
            };
            let u: Vec<i16> = (0..9).map(|_| score(&mut rng)).collect();
            let mean = u.iter().map(|v| f64::from(*v)).sum::<f64>() / 9.0;
            let comment = match rng.below(4) {
                0 if mean >= 3.0 => {
                    Some(PRAISE[rng.below(PRAISE.len() as u64) as usize].to_string())
                }
                0 => Some(COMPLAINTS[rng.below(COMPLAINTS.len() as u64) as usize].to_string()),
                _ => None,
            };
            let is_held = k == 0 && t_index % 5 == 0;
            if is_held {
                held += 1;
            }
            let hidden = t_index == 10 && k == 1;
            let reply = (emp.is_some() && comment.is_some() && k % 3 == 0)
                .then(|| "Terima kasih atas masukannya, akan kami perbaiki.".to_string());
            rows.push(sub::ActiveModel {
                id: Set(Uuid::now_v7()),
                target_id: Set(*tid),
                unit_id: Set(*unit),
                employee_id: Set(*emp),
                u1: Set(u[0]),
                u2: Set(u[1]),
                u3: Set(u[2]),
                u4: Set(u[3]),
                u5: Set(u[4]),
                u6: Set(u[5]),
                u7: Set(u[6]),
                u8: Set(u[7]),
                u9: Set(u[8]),
                comment: Set(if hidden {
                    Some("Petugasnya bodoh dan tidak becus!!!".into())
                } else {
                    comment.clone()
                }),
                comment_hidden: Set(hidden),
                comment_hidden_reason: Set(
                    hidden.then(|| "Kata-kata kasar (contoh data demo)".into())
                ),
                ticket_id: Set(None),
                verified: Set(rng.below(5) == 0),
                status: Set(if is_held { "held" } else { "counted" }.into()),
                hold_reason: Set(is_held.then(|| {
                    "beruntun: banyak isian dari perangkat yang sama dalam 10 menit".into()
                })),
                client_hash: Set(None),
                month: Set(at.with_timezone(&wita).format("%Y-%m").to_string()),
                created_at: Set(at),
                replied_at: Set(reply.as_ref().map(|_| at + chrono::Duration::hours(20))),
                reply: Set(reply),
            });
        }
    }
    let total = rows.len();
    for chunk in rows.chunks(50) {
        sub::Entity::insert_many(chunk.to_vec()).exec(txn).await?;
    }
    Ok(format!(
        "{} feedback targets, {total} citizen submissions ({held} held for moderation)",
        targets.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nip::{Nip, NipKind};

    #[test]
    fn every_demo_nip_is_valid_unique_and_matches_its_status() {
        let people = people();
        assert!(people.len() >= 75, "{} people", people.len());
        let mut seen = std::collections::HashSet::new();
        for (i, p) in people.iter().enumerate() {
            let n = nip(i, p.golongan, p.pppk, i % 2 == 0);
            let parsed = Nip::parse(&n).unwrap_or_else(|e| panic!("{n}: {e}"));
            assert_eq!(parsed.kind() == NipKind::Pppk, p.pppk, "{n}");
            assert!(seen.insert(n));
            let status = if p.pppk { "PPPK" } else { "PNS" };
            assert!(crate::domain::golongan::find(status, p.golongan).is_some());
        }
    }

    #[test]
    fn every_unit_named_in_the_demo_exists_with_ten_kelurahan() {
        let u = units();
        assert_eq!(u.iter().filter(|x| x.2 == "kelurahan").count(), 10);
        for p in people() {
            assert!(u.iter().any(|x| x.0 == p.unit), "{}", p.unit);
        }
    }
}
