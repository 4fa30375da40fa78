//! The synthetic year: four quarters (three published, the last open), approved SKPs,
//! realisasi, 360 responses, supervisors' ratings, finalised units and citizen feedback.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    evaluation, feedback_submission as sub, feedback_target as target, indicator, org_result,
    period, rating_360, realisasi, rhk, skp,
};
use sea_orm::{DatabaseTransaction, Set};
use std::collections::HashMap;
use uuid::Uuid;

use super::org::{Org, depth_of};
use crate::domain::aggregation::suggested_rating;
use crate::domain::distribution::{self, OrgResult};
use crate::domain::predikat::{Predikat, predikat};
use crate::seed_cycle::data::{Lcg, clamp_score, quarter_span};
use crate::store::bulk::insert_all;

#[derive(Default)]
pub struct Counts {
    pub periods: usize,
    pub skps: usize,
    pub realisasi: usize,
    pub forms: usize,
    pub responses: usize,
    pub evaluations: usize,
    pub finalised: usize,
    pub targets: usize,
    pub submissions: usize,
}

/// Citizen submissions per employee over the year (issue 11: about 36).
const SUBMISSIONS_PER_EMPLOYEE: usize = 36;

const INDICATORS: [(&str, &str, f64, &str); 4] = [
    (
        "kuantitas",
        "Jumlah berkas layanan yang diselesaikan",
        480.0,
        "berkas",
    ),
    (
        "kualitas",
        "Persentase berkas tanpa perbaikan",
        95.0,
        "persen",
    ),
    (
        "kuantitas",
        "Jumlah laporan kegiatan yang disampaikan",
        12.0,
        "laporan",
    ),
    (
        "waktu",
        "Persentase layanan selesai tepat waktu",
        90.0,
        "persen",
    ),
];

fn at(d: NaiveDate, h: u32) -> DateTime<Utc> {
    d.and_hms_opt(h, 0, 0)
        .map_or_else(Utc::now, |x| x.and_utc())
}

pub async fn write(
    txn: &DatabaseTransaction,
    org: &Org,
    now: DateTime<Utc>,
) -> anyhow::Result<Counts> {
    let mut c = Counts::default();
    let mut rng = Lcg(360_2026);
    let year = now.year();
    let people = &org.people;

    // Quarters: I–III published, IV open.
    let mut periods = Vec::new();
    let mut rows = Vec::new();
    for q in 1..=4u32 {
        let (start, end) =
            quarter_span(year, q).ok_or_else(|| anyhow::anyhow!("no quarter {q} in {year}"))?;
        let ended = q < 4;
        let published = (at(end, 2) + Duration::days(15)).min(now - Duration::hours(1));
        let id = Uuid::now_v7();
        rows.push(period::ActiveModel {
            id: Set(id),
            year: Set(year),
            kind: Set("quarterly".into()),
            number: Set(q as i32),
            name: Set(format!(
                "Triwulan {} {year}",
                ["I", "II", "III", "IV"][q as usize - 1]
            )),
            starts_on: Set(start),
            ends_on: Set(end),
            state: Set(if ended { "published" } else { "open" }.into()),
            created_at: Set(at(start, 0) - Duration::days(30)),
            updated_at: Set(if ended { published } else { now }),
            opened_at: Set(Some(at(start, 1))),
            closed_at: Set(ended.then(|| published - Duration::days(5))),
            published_at: Set(ended.then_some(published)),
            run_360: Set(true),
            deadline_360: Set(Some(end)),
            evaluation_deadline: Set(Some(end + Duration::days(10))),
            released_360_at: Set(ended.then(|| published - Duration::days(5))),
        });
        periods.push((id, q, start, end, ended, published));
    }
    c.periods = insert_all(txn, rows).await?;

    // SKPs for everyone with a supervisor, supervisors first (RHK link to the supervisor's).
    let decided = at(NaiveDate::from_ymd_opt(year, 1, 20).unwrap_or_default(), 2);
    let mut rhks_of: HashMap<usize, [Uuid; 2]> = HashMap::new();
    let mut indicators_of: HashMap<usize, Vec<Uuid>> = HashMap::new();
    let mut order: Vec<(usize, usize)> = (0..people.len())
        .filter(|&i| people[i].sup.is_some())
        .map(|i| (depth_of(org, &people[i]), i))
        .collect();
    order.sort_unstable();
    let mut skps = Vec::new();
    let mut rhk_rows: Vec<Vec<rhk::ActiveModel>> = vec![Vec::new(); 5];
    let mut ind_rows = Vec::new();
    for &(depth, i) in &order {
        let p = &people[i];
        let Some(sup) = p.sup else { continue };
        let skp_id = Uuid::now_v7();
        skps.push(skp::ActiveModel {
            id: Set(skp_id),
            employee_id: Set(p.id),
            year: Set(year),
            status: Set("approved".into()),
            return_reason: Set(None),
            approver_id: Set(Some(people[sup].id)),
            unit_id: Set(org.units[p.unit].id),
            jabatan: Set(p.jabatan.clone()),
            submitted_at: Set(Some(decided - Duration::days(5))),
            decided_at: Set(Some(decided)),
            created_at: Set(decided - Duration::days(10)),
            updated_at: Set(decided),
        });
        let parent = rhks_of.get(&sup).copied();
        let ids = [Uuid::now_v7(), Uuid::now_v7()];
        let mut inds = Vec::new();
        for (pos, rhk_id) in ids.iter().enumerate() {
            rhk_rows[depth.min(4)].push(rhk::ActiveModel {
                id: Set(*rhk_id),
                skp_id: Set(skp_id),
                kind: Set("utama".into()),
                description: Set([
                    "Terlaksananya pelayanan sesuai standar",
                    "Tersusunnya laporan kinerja",
                ][pos]
                    .into()),
                parent_rhk_id: Set(parent.map(|r| r[pos])),
                position: Set(pos as i32),
                created_at: Set(decided),
                updated_at: Set(decided),
            });
            for k in 0..2 {
                let (aspect, d, target, unit) = INDICATORS[pos * 2 + k];
                let id = Uuid::now_v7();
                ind_rows.push(indicator::ActiveModel {
                    id: Set(id),
                    rhk_id: Set(*rhk_id),
                    aspect: Set(aspect.into()),
                    description: Set(d.into()),
                    target_value: Set(Some(target)),
                    target_unit: Set(Some(unit.into())),
                    target_text: Set(None),
                    position: Set(k as i32),
                    created_at: Set(decided),
                    updated_at: Set(decided),
                });
                inds.push(id);
            }
        }
        rhks_of.insert(i, ids);
        indicators_of.insert(i, inds);
    }
    c.skps = insert_all(txn, skps).await?;
    for level in rhk_rows {
        insert_all(txn, level).await?;
    }
    insert_all(txn, ind_rows).await?;

    for &(period_id, q, start, end, ended, published) in &periods {
        let when = if ended {
            at(end, 3)
        } else {
            now - Duration::days(1)
        };
        // Realisasi: complete for ended quarters, half for the open one.
        let mut rows = Vec::new();
        for (i, p) in people.iter().enumerate() {
            let Some(inds) = indicators_of.get(&i) else {
                continue;
            };
            for (k, ind) in inds.iter().enumerate() {
                if !ended && k % 2 == 1 {
                    continue;
                }
                let target = INDICATORS[k].2;
                let quarterly = if !(20.0..=100.0).contains(&target) {
                    target / 4.0
                } else {
                    target
                };
                let factor = p.level / 4.0 + (rng.below(10) as f64 - 5.0) / 100.0;
                rows.push(realisasi::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    indicator_id: Set(*ind),
                    period_id: Set(period_id),
                    employee_id: Set(p.id),
                    value_number: Set(Some((quarterly * factor * 10.0).round() / 10.0)),
                    value_text: Set(None),
                    note: Set(Some(format!(
                        "Realisasi triwulan {q} sesuai laporan bulanan."
                    ))),
                    created_at: Set(when),
                    updated_at: Set(when),
                });
            }
        }
        c.realisasi += insert_all(txn, rows).await?;

        // 360: self, supervisor, up to three peers, one subordinate.
        let mut rows = Vec::new();
        let mut means: HashMap<usize, (f64, usize)> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            let Some(sup) = p.sup else { continue };
            let mut raters: Vec<(usize, &str)> = vec![(i, "self"), (sup, "supervisor")];
            let siblings = &org.children[sup];
            if let Some(pos) = siblings.iter().position(|&s| s == i) {
                for step in 1..=3 {
                    let s = siblings[(pos + step) % siblings.len()];
                    if s != i && !raters.iter().any(|r| r.0 == s) {
                        raters.push((s, "peer"));
                    }
                }
            }
            if let Some(&sub) = org.children[i].first() {
                raters.push((sub, "subordinate"));
            }
            for (r, group) in raters {
                let submitted = ended || rng.below(2) == 0;
                let bias = if group == "self" { 0.4 } else { 0.0 };
                let mut score = || -> Option<i16> {
                    submitted
                        .then(|| clamp_score(p.level + bias + (rng.below(9) as f64 - 4.0) / 5.0))
                };
                let s: Vec<Option<i16>> = (0..7).map(|_| score()).collect();
                if submitted && group != "self" {
                    let m = s.iter().flatten().map(|&v| f64::from(v)).sum::<f64>() / 7.0;
                    let e = means.entry(i).or_default();
                    e.0 += m;
                    e.1 += 1;
                }
                rows.push(rating_360::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    period_id: Set(period_id),
                    ratee_id: Set(p.id),
                    rater_id: Set(people[r].id),
                    rater_group: Set(group.into()),
                    status: Set(if submitted { "submitted" } else { "assigned" }.into()),
                    nominated_by: Set(None),
                    decision_reason: Set(None),
                    score_pelayanan: Set(s[0]),
                    score_akuntabel: Set(s[1]),
                    score_kompeten: Set(s[2]),
                    score_harmonis: Set(s[3]),
                    score_loyal: Set(s[4]),
                    score_adaptif: Set(s[5]),
                    score_kolaboratif: Set(s[6]),
                    comments: Set(None),
                    overall_comment: Set((submitted && rng.below(5) == 0)
                        .then(|| "Bekerja dengan teliti dan mau membantu rekan.".to_string())),
                    submitted_at: Set(submitted.then_some(when)),
                    created_at: Set(at(start, 2)),
                    updated_at: Set(when),
                });
                c.responses += usize::from(submitted);
            }
        }
        c.forms += rows.len();
        insert_all(txn, rows).await?;
        if !ended {
            continue;
        }

        // Ratings (perilaku from the 360 mean, as a supervisor following the suggestion)
        // and the finalised units.
        let mut rows = Vec::new();
        let mut by_unit: HashMap<usize, Vec<Predikat>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            let Some(sup) = p.sup else { continue };
            let mean = means.get(&i).map(|(s, n)| s / *n as f64);
            let perilaku = mean.map_or(p.hk, suggested_rating);
            let pk = predikat(p.hk, perilaku);
            by_unit.entry(p.unit).or_default().push(pk);
            let pen = &people[sup];
            rows.push(evaluation::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period_id),
                employee_id: Set(p.id),
                penilai_id: Set(pen.id),
                rating_hasil_kerja: Set(p.hk.as_str().into()),
                rating_perilaku: Set(perilaku.as_str().into()),
                predikat: Set(pk.as_str().into()),
                justification: Set(None),
                status: Set("final".into()),
                golongan: Set(p.golongan.into()),
                jabatan: Set(p.jabatan.clone()),
                unit_id: Set(org.units[p.unit].id),
                penilai_golongan: Set(pen.golongan.into()),
                penilai_jabatan: Set(pen.jabatan.clone()),
                penilai_unit_id: Set(org.units[pen.unit].id),
                suggested_perilaku: Set(mean.map(|m| suggested_rating(m).as_str().to_string())),
                mean_360: Set(mean.map(|m| (m * 100.0).round() / 100.0)),
                created_at: Set(when + Duration::days(3)),
                updated_at: Set(when + Duration::days(4)),
            });
        }
        c.evaluations += insert_all(txn, rows).await?;
        let mut units: Vec<_> = by_unit.into_iter().collect();
        units.sort_unstable_by_key(|(u, _)| *u);
        let rows: Vec<org_result::ActiveModel> = units
            .into_iter()
            .map(|(u, predikats)| {
                let check = distribution::check(OrgResult::Baik, &predikats);
                org_result::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    period_id: Set(period_id),
                    unit_id: Set(org.units[u].id),
                    result: Set("baik".into()),
                    set_by: Set("seed:synthetic".into()),
                    override_reason: Set(check.needs_override().then(|| {
                        "Sebaran predikat mengikuti capaian nyata pegawai (data sintetis).".into()
                    })),
                    finalised_at: Set(Some(published - Duration::days(6))),
                    finalised_by: Set(Some("seed:synthetic".into())),
                    created_at: Set(published - Duration::days(8)),
                    updated_at: Set(published - Duration::days(6)),
                }
            })
            .collect();
        c.finalised += insert_all(txn, rows).await?;
    }

    // Citizen feedback: a desk per unit and every sixth staff member at a counter.
    let mut targets = Vec::new();
    let mut target_rows = Vec::new();
    for (u, unit) in org.units.iter().enumerate() {
        targets.push((Uuid::now_v7(), u, None));
        let _ = unit;
    }
    for (i, p) in people.iter().enumerate() {
        if p.jabatan == "Pengadministrasi Layanan" {
            targets.push((Uuid::now_v7(), p.unit, Some(i)));
        }
    }
    for (id, u, emp) in &targets {
        let mut token = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut token);
        target_rows.push(target::ActiveModel {
            id: Set(*id),
            kind: Set(if emp.is_some() { "employee" } else { "unit" }.into()),
            label: Set(match emp {
                Some(i) => people[*i].name.clone(),
                None => "Loket Pelayanan".into(),
            }),
            unit_id: Set(org.units[*u].id),
            employee_id: Set(emp.map(|i| people[i].id)),
            token: Set(hex::encode(token)),
            active: Set(true),
            created_at: Set(org.at),
            updated_at: Set(org.at),
        });
    }
    c.targets = insert_all(txn, target_rows).await?;
    let wita = chrono::FixedOffset::east_opt(8 * 3600).ok_or_else(|| anyhow::anyhow!("offset"))?;
    let year_start = at(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(), 0);
    let span_minutes = (now - year_start).num_minutes().max(1) as u64;
    let total = people.len() * SUBMISSIONS_PER_EMPLOYEE;
    let mut rows = Vec::with_capacity(total.min(200_000));
    for k in 0..total {
        let (tid, u, emp) = targets[k % targets.len()];
        let created = year_start + Duration::minutes(rng.below(span_minutes) as i64);
        let quality = (u % 4) as u64;
        let mut score = || -> i16 {
            match rng.below(100) {
                r if r < 35 + 10 * quality => 4,
                r if r < 85 + 4 * quality => 3,
                r if r < 97 => 2,
                _ => 1,
            }
        };
        let u9: Vec<i16> = (0..9).map(|_| score()).collect();
        let held = k % 211 == 0;
        rows.push(sub::ActiveModel {
            id: Set(Uuid::now_v7()),
            target_id: Set(tid),
            unit_id: Set(org.units[u].id),
            employee_id: Set(emp.map(|i| people[i].id)),
            u1: Set(u9[0]),
            u2: Set(u9[1]),
            u3: Set(u9[2]),
            u4: Set(u9[3]),
            u5: Set(u9[4]),
            u6: Set(u9[5]),
            u7: Set(u9[6]),
            u8: Set(u9[7]),
            u9: Set(u9[8]),
            comment: Set((k % 7 == 0).then(|| "Pelayanan cepat dan petugas ramah.".into())),
            comment_hidden: Set(false),
            comment_hidden_reason: Set(None),
            ticket_id: Set(None),
            verified: Set(k % 5 == 0),
            status: Set(if held { "held" } else { "counted" }.into()),
            hold_reason: Set(held.then(|| "beruntun: banyak isian dari perangkat yang sama".into())),
            client_hash: Set(None),
            month: Set(created.with_timezone(&wita).format("%Y-%m").to_string()),
            created_at: Set(created),
            reply: Set(None),
            replied_at: Set(None),
            kiosk_id: Set(None),
        });
        if rows.len() == 200_000 {
            c.submissions += insert_all(txn, std::mem::take(&mut rows)).await?;
        }
    }
    c.submissions += insert_all(txn, rows).await?;
    Ok(c)
}
