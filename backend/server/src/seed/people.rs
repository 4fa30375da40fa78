//! The demo organisation: Kecamatan Cakranegara's units and its 80 employees with their
//! positions, golongan, supervisors and roles (deterministic).

pub(super) const KELURAHAN: [(&str, &str); 10] = [
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

pub(super) const SEKSI: [(&str, &str); 5] = [
    ("CKN-PEM", "Seksi Pemerintahan"),
    ("CKN-TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum"),
    ("CKN-PMD", "Seksi Pemberdayaan Masyarakat"),
    ("CKN-KESOS", "Seksi Kesejahteraan Sosial"),
    ("CKN-PEL", "Seksi Pelayanan Umum"),
];

pub(crate) const MALE: [&str; 24] = [
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

pub(crate) const FEMALE: [&str; 24] = [
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

pub(crate) const SURNAMES: [&str; 7] = [
    "Pratama", "Hidayat", "Saputra", "Rahman", "Wijaya", "Kurnia", "Maulana",
];

pub(super) struct Person {
    pub(super) code: &'static str,
    pub(super) unit: String,
    pub(super) jabatan: String,
    pub(super) jenis: &'static str,
    pub(super) golongan: &'static str,
    pub(super) pppk: bool,
    pub(super) sup: Option<usize>,
    pub(super) email: Option<&'static str>,
    pub(super) roles: Vec<&'static str>,
}

pub(super) fn person(
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

pub(super) fn birth_year(golongan: &str, i: usize) -> i32 {
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

pub(super) fn gelar(golongan: &str, i: usize) -> (Option<&'static str>, Option<&'static str>) {
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

pub(super) fn nip(i: usize, golongan: &str, pppk: bool, female: bool) -> String {
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

pub(super) fn people() -> Vec<Person> {
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

pub(super) fn units() -> Vec<(String, String, &'static str, Option<&'static str>)> {
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
