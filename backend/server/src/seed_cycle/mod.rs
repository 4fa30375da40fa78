//! Demo data for the evaluation cycle (part of `seed --demo`): this year's quarters with
//! approved SKPs (and last year's, to copy from), realisasi, continuous feedback, coaching,
//! a complete set of 360 responses, supervisors' ratings (one employee on leave exempted
//! instead in the first quarter), organisational results and finalisation for the quarters
//! that have ended (published), one decided appeal, and the
//! current quarter open and in progress, so every screen has something real to show.
//!
//! Deterministic: the same employees get the same numbers on every machine. Written through
//! the entities in the caller's transaction; nothing here bypasses a rule that the API
//! enforces (predikat from the matrix, justification when the rating differs from the 360
//! suggestion, override reasons when a unit's curve breaks).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    appeal, coaching_session, evaluation, exemption, feedback_note, indicator, org_result, period,
    rating_360, realisasi, rhk, skp, skp_expectation,
};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, Set};
use std::collections::HashMap;
use uuid::Uuid;

use crate::config::Settings;
use crate::domain::berakhlak::CoreValue;
use crate::domain::distribution::{self, OrgResult};
use crate::domain::predikat::{Predikat, Rating, predikat};

pub(crate) mod data;

use data::{Lcg, clamp_score, profile, quarter_span, templates};

/// One employee as the cycle seed needs them.
pub struct Staff {
    pub id: Uuid,
    pub sup: Option<usize>,
    pub unit_id: Uuid,
    pub jabatan: String,
    pub jenis: &'static str,
    pub golongan: String,
}

const PRAISE_360: [&str; 6] = [
    "Selalu sigap membantu warga yang kebingungan dengan persyaratan.",
    "Teliti dan rapi dalam menyiapkan dokumen.",
    "Mau berbagi cara kerja dengan rekan baru.",
    "Tenang menghadapi antrean panjang.",
    "Aktif mengusulkan perbaikan alur layanan.",
    "Bisa diandalkan saat ada tugas mendadak.",
];

const ADVICE_360: [&str; 4] = [
    "Perlu lebih tepat waktu dalam menyelesaikan laporan.",
    "Sebaiknya lebih terbuka menerima masukan.",
    "Perlu meningkatkan komunikasi dengan warga lanjut usia.",
    "Koordinasi dengan rekan satu tim masih bisa ditingkatkan.",
];

/// Loads the cycle's demo data. Returns a short summary.
pub async fn seed_cycle(
    txn: &DatabaseTransaction,
    staff: &[Staff],
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    let settings = Settings::default();
    let mut rng = Lcg(2026);
    let year = now.year();
    let today = now.date_naive();
    let children: Vec<Vec<usize>> = (0..staff.len())
        .map(|i| {
            (0..staff.len())
                .filter(|&c| staff[c].sup == Some(i))
                .collect()
        })
        .collect();
    let profiles: Vec<(f64, Rating)> = (0..staff.len()).map(|i| profile(i, &mut rng)).collect();

    // Plans for last year and this year. Only employees with a supervisor in the system
    // have an approver; the heads of offices are evaluated outside it.
    let mut indicators_of: HashMap<(usize, i32), Vec<(Uuid, f64)>> = HashMap::new();
    let mut rhks_of: HashMap<(usize, i32), Vec<Uuid>> = HashMap::new();
    let mut skp_count = 0;
    for y in [year - 1, year] {
        // Supervisors first, so their RHK can be linked to.
        let mut order: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = (0..staff.len())
            .filter(|&i| staff[i].sup.is_none())
            .collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            stack.extend(children[i].iter().copied());
        }
        for &i in &order {
            let s = &staff[i];
            let Some(sup) = s.sup else { continue };
            let skp_id = Uuid::now_v7();
            let decided = NaiveDate::from_ymd_opt(y, 1, 20)
                .and_then(|d| d.and_hms_opt(2, 0, 0))
                .map(|d| d.and_utc())
                .unwrap_or(now);
            skp::ActiveModel {
                id: Set(skp_id),
                employee_id: Set(s.id),
                year: Set(y),
                status: Set("approved".into()),
                return_reason: Set(None),
                approver_id: Set(Some(staff[sup].id)),
                unit_id: Set(s.unit_id),
                jabatan: Set(s.jabatan.clone()),
                submitted_at: Set(Some(decided - Duration::days(5))),
                decided_at: Set(Some(decided)),
                created_at: Set(decided - Duration::days(10)),
                updated_at: Set(decided),
            }
            .insert(txn)
            .await?;
            skp_count += 1;
            let parent_rhks = rhks_of.get(&(sup, y)).cloned().unwrap_or_default();
            let mut mine = Vec::new();
            let mut inds = Vec::new();
            for (pos, (desc, list)) in templates(&s.jabatan, s.jenis).iter().enumerate() {
                let rhk_id = Uuid::now_v7();
                rhk::ActiveModel {
                    id: Set(rhk_id),
                    skp_id: Set(skp_id),
                    kind: Set(if pos < 2 { "utama" } else { "tambahan" }.into()),
                    description: Set(desc.to_string()),
                    parent_rhk_id: Set(parent_rhks.get(pos.min(1)).copied()),
                    position: Set(pos as i32),
                    created_at: Set(decided),
                    updated_at: Set(decided),
                }
                .insert(txn)
                .await?;
                mine.push(rhk_id);
                for (k, (aspect, d, target, unit)) in list.iter().enumerate() {
                    let id = Uuid::now_v7();
                    indicator::ActiveModel {
                        id: Set(id),
                        rhk_id: Set(rhk_id),
                        aspect: Set(aspect.to_string()),
                        description: Set(d.to_string()),
                        target_value: Set(Some(*target)),
                        target_unit: Set(Some(unit.to_string())),
                        target_text: Set(None),
                        position: Set(k as i32),
                        created_at: Set(decided),
                        updated_at: Set(decided),
                    }
                    .insert(txn)
                    .await?;
                    inds.push((id, *target));
                }
            }
            for (value, text) in [
                (
                    CoreValue::BerorientasiPelayanan,
                    "Melayani warga dengan ramah dan menuntaskan permohonan pada hari yang sama bila persyaratan lengkap.",
                ),
                (
                    CoreValue::Kolaboratif,
                    "Membantu rekan saat antrean padat dan berbagi informasi perubahan prosedur.",
                ),
            ] {
                skp_expectation::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    skp_id: Set(skp_id),
                    value_code: Set(value.as_str().into()),
                    expectation: Set(text.into()),
                    updated_at: Set(decided),
                }
                .insert(txn)
                .await?;
            }
            rhks_of.insert((i, y), mine);
            indicators_of.insert((i, y), inds);
        }
    }

    // This year's quarters: ended ones are published (the latest recently, so its appeal
    // window is still open), the current one is open.
    let mut periods = Vec::new();
    for q in 1..=4u32 {
        let Some((start, end)) = quarter_span(year, q) else {
            continue;
        };
        let ended = end < today;
        let current = start <= today && today <= end;
        if !ended && !current {
            continue;
        }
        let last_ended = ended && quarter_span(year, q + 1).is_none_or(|(_, e)| e >= today);
        let published_at = if last_ended {
            now - Duration::days(3)
        } else {
            end.and_hms_opt(2, 0, 0).map(|d| d.and_utc()).unwrap_or(now) + Duration::days(15)
        };
        let id = Uuid::now_v7();
        let roman = ["I", "II", "III", "IV"][(q - 1) as usize];
        period::ActiveModel {
            id: Set(id),
            year: Set(year),
            kind: Set("quarterly".into()),
            number: Set(q as i32),
            name: Set(format!("Triwulan {roman} {year}")),
            starts_on: Set(start),
            ends_on: Set(end),
            state: Set(if ended { "published" } else { "open" }.into()),
            created_at: Set(now - Duration::days(400)),
            updated_at: Set(if ended { published_at } else { now }),
            opened_at: Set(start.and_hms_opt(1, 0, 0).map(|d| d.and_utc())),
            closed_at: Set(ended.then(|| published_at - Duration::days(5))),
            published_at: Set(ended.then_some(published_at)),
            run_360: Set(true),
            deadline_360: Set(Some(end)),
            evaluation_deadline: Set(Some(end + Duration::days(10))),
            released_360_at: Set(ended.then(|| published_at - Duration::days(5))),
        }
        .insert(txn)
        .await?;
        periods.push((id, q, start, end, ended, published_at));
    }

    let mut responses = 0usize;
    let mut evaluations = 0usize;
    let mut appeals = 0usize;
    // One pelaksana was on leave in the first quarter: HR exempted them instead of a rating,
    // so the quarter is complete (every active member rated or exempted) and published.
    let on_leave = (0..staff.len())
        .filter(|&i| staff[i].sup.is_some() && children[i].is_empty())
        .nth(7);
    let mut exemptions = 0usize;
    for &(period_id, q, start, end, ended, published_at) in &periods {
        let at = if ended {
            end.and_hms_opt(3, 0, 0).map(|d| d.and_utc()).unwrap_or(now)
        } else {
            now - Duration::days(1)
        };
        // Realisasi: complete for ended quarters; the current one is half done.
        let mut rows = Vec::new();
        for (i, _) in staff.iter().enumerate() {
            let Some(inds) = indicators_of.get(&(i, year)) else {
                continue;
            };
            let (_, hk) = profiles[i];
            for (k, (ind, target)) in inds.iter().enumerate() {
                if !ended && k % 2 == 1 {
                    continue;
                }
                let factor = match hk {
                    Rating::DiAtas => 1.1,
                    Rating::Sesuai => 1.0,
                    Rating::DiBawah => 0.7,
                } + (rng.below(10) as f64 - 5.0) / 100.0;
                let quarterly = if *target > 100.0 || *target < 20.0 {
                    target / 4.0
                } else {
                    *target
                };
                rows.push(realisasi::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    indicator_id: Set(*ind),
                    period_id: Set(period_id),
                    employee_id: Set(staff[i].id),
                    value_number: Set(Some((quarterly * factor * 10.0).round() / 10.0)),
                    value_text: Set(None),
                    note: Set(Some(format!(
                        "Realisasi triwulan {q} sesuai laporan bulanan."
                    ))),
                    created_at: Set(at),
                    updated_at: Set(at),
                });
            }
        }
        for chunk in rows.chunks(200) {
            realisasi::Entity::insert_many(chunk.to_vec())
                .exec(txn)
                .await?;
        }

        // 360: self, supervisor, subordinates and up to three peers under the same supervisor.
        let mut rows = Vec::new();
        for (i, s) in staff.iter().enumerate() {
            if !indicators_of.contains_key(&(i, year)) {
                continue;
            }
            let mut raters: Vec<(usize, &str)> = vec![(i, "self")];
            if let Some(sup) = s.sup {
                raters.push((sup, "supervisor"));
                let peers: Vec<usize> = children[sup]
                    .iter()
                    .copied()
                    .filter(|&p| p != i)
                    .take(3)
                    .collect();
                raters.extend(peers.into_iter().map(|p| (p, "peer")));
            }
            raters.extend(children[i].iter().map(|&c| (c, "subordinate")));
            let (level, _) = profiles[i];
            for (r, group) in raters {
                // The current quarter: about half of the forms are still to be filled.
                let submitted = ended || rng.below(2) == 0;
                // One generous rater straight-lines 5s (a quality flag for HR to see).
                let straight = r % 17 == 4 && group != "self";
                let mut score = |v: usize| -> Option<i16> {
                    if !submitted {
                        return None;
                    }
                    if straight {
                        return Some(5);
                    }
                    let bias = if group == "self" { 0.4 } else { 0.0 };
                    let wobble = (rng.below(9) as f64 - 4.0) / 5.0;
                    // The low performers' service value sits below 3.
                    let dip = if v == 0 && level < 3.0 { -0.6 } else { 0.0 };
                    Some(clamp_score(level + bias + wobble + dip))
                };
                let scores: Vec<Option<i16>> = (0..7).map(&mut score).collect();
                let comment = if submitted && rng.below(3) == 0 {
                    let c = if level >= 3.5 {
                        PRAISE_360[rng.below(PRAISE_360.len() as u64) as usize]
                    } else {
                        ADVICE_360[rng.below(ADVICE_360.len() as u64) as usize]
                    };
                    Some(c.to_string())
                } else {
                    None
                };
                rows.push(rating_360::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    period_id: Set(period_id),
                    ratee_id: Set(s.id),
                    rater_id: Set(staff[r].id),
                    rater_group: Set(group.into()),
                    status: Set(if submitted { "submitted" } else { "assigned" }.into()),
                    nominated_by: Set(None),
                    decision_reason: Set(None),
                    score_pelayanan: Set(scores[0]),
                    score_akuntabel: Set(scores[1]),
                    score_kompeten: Set(scores[2]),
                    score_harmonis: Set(scores[3]),
                    score_loyal: Set(scores[4]),
                    score_adaptif: Set(scores[5]),
                    score_kolaboratif: Set(scores[6]),
                    comments: Set(None),
                    overall_comment: Set(comment),
                    submitted_at: Set(submitted.then_some(at)),
                    created_at: Set(start
                        .and_hms_opt(2, 0, 0)
                        .map(|d| d.and_utc())
                        .unwrap_or(now)),
                    updated_at: Set(at),
                });
                responses += usize::from(submitted);
            }
        }
        for chunk in rows.chunks(200) {
            rating_360::Entity::insert_many(chunk.to_vec())
                .exec(txn)
                .await?;
        }
        if !ended {
            continue;
        }

        // The supervisors' ratings, from the 360 suggestion as a real supervisor would see it.
        let period_model = period::Entity::find_by_id(period_id)
            .one(txn)
            .await?
            .ok_or_else(|| anyhow::anyhow!("period vanished"))?;
        let mut by_unit: HashMap<Uuid, Vec<Predikat>> = HashMap::new();
        let mut evaluated: Vec<(usize, Uuid, Rating, Rating)> = Vec::new();
        for (i, s) in staff.iter().enumerate() {
            let Some(sup) = s.sup else { continue };
            if !indicators_of.contains_key(&(i, year)) {
                continue;
            }
            if q == 1 && on_leave == Some(i) {
                exemption::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    period_id: Set(period_id),
                    employee_id: Set(s.id),
                    unit_id: Set(s.unit_id),
                    reason: Set("cuti".into()),
                    note: Set(
                        "Cuti melahirkan tiga bulan (Januari–Maret) sesuai surat izin cuti BKPSDM."
                            .into(),
                    ),
                    created_by: Set("seed:demo".into()),
                    created_at: Set(published_at - Duration::days(10)),
                }
                .insert(txn)
                .await?;
                exemptions += 1;
                continue;
            }
            let (_, hk) = profiles[i];
            let suggestion =
                crate::app::ratings360::suggestion(txn, &settings, &period_model, s.id).await?;
            let suggested = suggestion.map(|x| x.rating);
            // Most supervisors follow the suggestion; every seventh decides otherwise and
            // says why (the justification rule).
            let (perilaku, justification) = match suggested {
                Some(r) if i % 7 != 3 => (r, None),
                Some(r) => {
                    let other = if r == Rating::DiAtas {
                        Rating::Sesuai
                    } else {
                        Rating::DiAtas
                    };
                    (
                        other,
                        Some(
                            "Penilaian mempertimbangkan inisiatif pegawai menangani lonjakan layanan yang tidak terlihat oleh rekan kerja."
                                .to_string(),
                        ),
                    )
                }
                None => (Rating::Sesuai, None),
            };
            let p = predikat(hk, perilaku);
            by_unit.entry(s.unit_id).or_default().push(p);
            let pen = &staff[sup];
            let id = Uuid::now_v7();
            evaluation::ActiveModel {
                id: Set(id),
                period_id: Set(period_id),
                employee_id: Set(s.id),
                penilai_id: Set(pen.id),
                rating_hasil_kerja: Set(hk.as_str().into()),
                rating_perilaku: Set(perilaku.as_str().into()),
                predikat: Set(p.as_str().into()),
                justification: Set(justification),
                status: Set("final".into()),
                golongan: Set(s.golongan.clone()),
                jabatan: Set(s.jabatan.clone()),
                unit_id: Set(s.unit_id),
                penilai_golongan: Set(pen.golongan.clone()),
                penilai_jabatan: Set(pen.jabatan.clone()),
                penilai_unit_id: Set(pen.unit_id),
                suggested_perilaku: Set(suggested.map(|r| r.as_str().to_string())),
                mean_360: Set(suggestion.map(|x| (x.mean * 100.0).round() / 100.0)),
                created_at: Set(at + Duration::days(3)),
                updated_at: Set(at + Duration::days(4)),
            }
            .insert(txn)
            .await?;
            evaluated.push((i, id, hk, perilaku));
            evaluations += 1;
        }
        // Organisational results and finalisation per unit; where the curve breaks, the
        // leader finalised with a recorded reason.
        for (unit_id, predikats) in &by_unit {
            let result = OrgResult::Baik;
            let check = distribution::check(result, predikats);
            let override_reason = (!check.conforms && !check.warning_only).then(|| {
                "Hasil kerja unit memenuhi target layanan; sebaran predikat mengikuti capaian nyata pegawai dan telah dibahas dengan Sekretaris Camat.".to_string()
            });
            org_result::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period_id),
                unit_id: Set(*unit_id),
                result: Set("baik".into()),
                set_by: Set("seed:demo".into()),
                override_reason: Set(override_reason),
                finalised_at: Set(Some(published_at - Duration::days(6))),
                finalised_by: Set(Some("seed:demo".into())),
                created_at: Set(published_at - Duration::days(8)),
                updated_at: Set(published_at - Duration::days(6)),
            }
            .insert(txn)
            .await?;
        }
        // One decided appeal in the first quarter: the penilai's supervisor kept the rating.
        if q == 1
            && let Some(&(i, eval_id, hk, pk)) = evaluated.iter().find(|(i, _, _, _)| {
                staff[*i].sup.and_then(|s| staff[s].sup).is_some() && i % 13 == 2
            })
        {
            let sup = staff[i].sup.unwrap_or(i);
            let decider = staff[sup].sup.unwrap_or(sup);
            appeal::ActiveModel {
                id: Set(Uuid::now_v7()),
                evaluation_id: Set(eval_id),
                employee_id: Set(staff[i].id),
                decider_id: Set(staff[decider].id),
                reasons: Set("Target berkas tidak tercapai karena jaringan SIAK terputus dua minggu pada bulan Februari.".into()),
                employee_statement: Set(Some("Gangguan jaringan dilaporkan ke Dukcapil pada 12 Februari; bukti terlampir.".into())),
                penilai_statement: Set(Some("Gangguan memang terjadi, tetapi berkas yang tertunda tidak ditindaklanjuti setelah jaringan pulih.".into())),
                status: Set("decided".into()),
                decision: Set(Some("keep".into())),
                decision_reason: Set(Some("Setelah mendengar kedua pihak, penundaan setelah jaringan pulih tidak dapat dijelaskan; penilaian tetap.".into())),
                old_rating_hasil_kerja: Set(hk.as_str().into()),
                old_rating_perilaku: Set(pk.as_str().into()),
                old_predikat: Set(predikat(hk, pk).as_str().into()),
                new_rating_hasil_kerja: Set(None),
                new_rating_perilaku: Set(None),
                new_predikat: Set(None),
                filed_at: Set(published_at + Duration::days(2)),
                decided_at: Set(Some(published_at + Duration::days(9))),
                created_at: Set(published_at + Duration::days(2)),
                updated_at: Set(published_at + Duration::days(9)),
            }
            .insert(txn)
            .await?;
            appeals += 1;
        }
    }

    // Continuous feedback and coaching from supervisors this year.
    let mut notes = 0;
    for (i, s) in staff.iter().enumerate() {
        let Some(sup) = s.sup else { continue };
        let Some(rhks) = rhks_of.get(&(i, year)) else {
            continue;
        };
        let (level, _) = profiles[i];
        let (body, value) = if level >= 3.5 {
            (
                "Pelayanan di loket minggu ini sangat baik; warga mengapresiasi kejelasan informasi.",
                CoreValue::BerorientasiPelayanan,
            )
        } else {
            (
                "Mohon laporan mingguan dikirim sebelum Jumat siang agar rekap kecamatan tidak tertunda.",
                CoreValue::Akuntabel,
            )
        };
        feedback_note::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(s.id),
            author_id: Set(staff[sup].id),
            period_id: Set(periods.last().map(|p| p.0)),
            rhk_id: Set(rhks.first().copied()),
            value_code: Set(Some(value.as_str().into())),
            body: Set(body.into()),
            created_at: Set(now - Duration::days(2 + (i as i64 % 20))),
        }
        .insert(txn)
        .await?;
        notes += 1;
        if level < 3.0 {
            coaching_session::ActiveModel {
                id: Set(Uuid::now_v7()),
                employee_id: Set(s.id),
                coach_id: Set(staff[sup].id),
                held_on: Set(today - Duration::days(20)),
                topic: Set("Menyusun prioritas penyelesaian berkas".into()),
                notes: Set(Some(
                    "Disepakati daftar periksa harian dan tinjauan mingguan bersama atasan.".into(),
                )),
                coaching_rating: Set(Some("{\"answers\":[4,4,5,4,4,3,4,4,4]}".into())),
                competency_scores: Set(Some(
                    "{\"Manajemen waktu\":2,\"Pelayanan publik\":3,\"Ketelitian\":3}".into(),
                )),
                created_at: Set(now - Duration::days(20)),
                updated_at: Set(now - Duration::days(19)),
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(format!(
        "{} periods, {skp_count} approved SKPs, {responses} 360 responses, {evaluations} ratings, {exemptions} exemption, {appeals} appeal, {notes} feedback notes",
        periods.len()
    ))
}
