//! Demo citizen feedback: targets for the service desks and staff, and a few hundred
//! submissions over the past six months.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use uuid::Uuid;

use super::people::{KELURAHAN, Person};

/// A small deterministic generator, so the demo data is the same on every machine.
pub(super) struct Lcg(u64);

impl Lcg {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

pub(super) const PRAISE: [&str; 8] = [
    "Pelayanan cepat dan petugasnya ramah. Terima kasih.",
    "Prosesnya jelas, saya dibantu mengisi formulir.",
    "Petugas sabar menjelaskan persyaratan KTP anak saya.",
    "Antrian tertib dan ruang tunggu bersih.",
    "Surat pengantar selesai hari itu juga, mantap.",
    "Terima kasih, pelayanan tanpa biaya sesuai informasi.",
    "Petugas sopan, tapi mohon kursi tunggu ditambah.",
    "Sudah bagus, semoga dipertahankan.",
];

pub(super) const COMPLAINTS: [&str; 6] = [
    "Menunggu lebih dari satu jam, petugas di loket hanya satu.",
    "Persyaratan yang diminta berbeda dengan di papan informasi.",
    "Tolong jam pelayanan ditepati, loket buka terlambat.",
    "Kotak pengaduan tidak ada, bingung harus melapor ke mana.",
    "Printer rusak sehingga harus kembali besok.",
    "Petugas kurang ramah saat saya bertanya.",
];

/// Feedback targets for every kelurahan desk, the Dukcapil desks and the service staff, and a
/// few hundred citizen submissions over the past six months (some held, one comment hidden).
pub(super) async fn seed_feedback(
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
                kiosk_id: Set(None),
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
