//! Demo data for career development (part of `seed --demo`, after `seed_cycle`): the
//! training catalogue, potensi assessments so every 9-box cell has someone in Cakranegara,
//! the annual (Triwulan IV) periods of the two previous years published with evaluations
//! (history: no SKPs are needed for them), so the promotion candidate list is not empty, a
//! low performer's development plan made from their recommendations (one item done, one in
//! progress) and completed training hours for some staff.
//!
//! Deterministic: the same people get the same boxes, predikats and plans on every run.
//! Written through the entities in the caller's transaction; predikats come from the
//! matrix and recommendations from the same rules the API uses.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    development_item, development_plan, evaluation, period, potensi_assessment, training,
};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set};
use std::collections::HashSet;
use uuid::Uuid;

use crate::domain::berakhlak::CoreValue;
use crate::domain::ninebox::{self, Potensi};
use crate::domain::predikat::{Predikat, Rating, predikat};
use crate::seed_cycle::Staff;
use crate::store;

/// (title, provider, value, competency, JP, mode)
type Course = (
    &'static str,
    &'static str,
    Option<CoreValue>,
    Option<&'static str>,
    i32,
    &'static str,
);

/// A plan item to write: (kind, title, training, mentor, hours, cause).
type PlanItem = (
    String,
    String,
    Option<Uuid>,
    Option<Uuid>,
    Option<i32>,
    String,
);

const COURSES: [Course; 15] = [
    (
        "Pelayanan Prima",
        "BPSDM Provinsi NTB",
        Some(CoreValue::BerorientasiPelayanan),
        None,
        24,
        "klasikal",
    ),
    (
        "Standar Pelayanan Publik dan Maklumat Pelayanan",
        "Ombudsman RI Perwakilan NTB",
        Some(CoreValue::BerorientasiPelayanan),
        None,
        12,
        "blended",
    ),
    (
        "Etika dan Integritas ASN",
        "BPSDM Provinsi NTB",
        Some(CoreValue::Akuntabel),
        None,
        12,
        "e-learning",
    ),
    (
        "Pengendalian Gratifikasi dan Benturan Kepentingan",
        "KPK - ACLC",
        Some(CoreValue::Akuntabel),
        None,
        8,
        "e-learning",
    ),
    (
        "Penyusunan SKP dan Manajemen Kinerja ASN",
        "BKPSDM Kota Mataram",
        Some(CoreValue::Kompeten),
        Some("Manajemen Kinerja"),
        16,
        "klasikal",
    ),
    (
        "Literasi Digital dan Aplikasi Perkantoran",
        "LAN RI",
        Some(CoreValue::Kompeten),
        Some("Literasi Digital"),
        20,
        "e-learning",
    ),
    (
        "Komunikasi Efektif dan Penanganan Pengaduan",
        "BPSDM Provinsi NTB",
        Some(CoreValue::Harmonis),
        Some("Komunikasi"),
        16,
        "klasikal",
    ),
    (
        "Moderasi Beragama dan Harmoni di Tempat Kerja",
        "Kemenag Kota Mataram",
        Some(CoreValue::Harmonis),
        None,
        8,
        "blended",
    ),
    (
        "Wawasan Kebangsaan dan Nilai Bela Negara",
        "Kesbangpol Kota Mataram",
        Some(CoreValue::Loyal),
        None,
        12,
        "klasikal",
    ),
    (
        "Keamanan Informasi dan Kerahasiaan Data",
        "BSSN",
        Some(CoreValue::Loyal),
        Some("Keamanan Informasi"),
        8,
        "e-learning",
    ),
    (
        "Inovasi Pelayanan Publik",
        "LAN RI",
        Some(CoreValue::Adaptif),
        Some("Inovasi"),
        20,
        "blended",
    ),
    (
        "Manajemen Perubahan di Sektor Publik",
        "BPSDM Provinsi NTB",
        Some(CoreValue::Adaptif),
        None,
        12,
        "e-learning",
    ),
    (
        "Kerja Sama Tim dan Kolaborasi Lintas Unit",
        "BPSDM Provinsi NTB",
        Some(CoreValue::Kolaboratif),
        Some("Kerja Sama"),
        12,
        "klasikal",
    ),
    (
        "Manajemen Kearsipan Dinamis",
        "ANRI",
        None,
        Some("Kearsipan"),
        24,
        "klasikal",
    ),
    (
        "Pengelolaan Administrasi Kependudukan",
        "Ditjen Dukcapil Kemendagri",
        None,
        Some("Administrasi Kependudukan"),
        16,
        "blended",
    ),
];

fn date(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("bad date {y}-{m}-{d}"))
}

/// Behaviour rating that goes with a kinerja level in the demo (plausible predikats).
fn perilaku_for(k: Rating, i: usize) -> Rating {
    match k {
        Rating::DiAtas if i.is_multiple_of(2) => Rating::DiAtas,
        _ => Rating::Sesuai,
    }
}

/// Loads the career demo data. Returns a short summary.
pub async fn seed_career(
    txn: &DatabaseTransaction,
    staff: &[Staff],
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    let today = now.date_naive();
    let year = now.year();

    // 1. Training catalogue.
    let mut course_ids = Vec::new();
    for (title, provider, value, competency, hours, mode) in COURSES {
        let id = Uuid::now_v7();
        training::ActiveModel {
            id: Set(id),
            title: Set(title.into()),
            provider: Set(provider.into()),
            value_code: Set(value.map(|v| v.as_str().to_string())),
            competency: Set(competency.map(str::to_string)),
            hours: Set(hours),
            mode: Set(mode.into()),
            active: Set(true),
            created_at: Set(now - Duration::days(300)),
            updated_at: Set(now - Duration::days(300)),
        }
        .insert(txn)
        .await?;
        course_ids.push((id, title, hours));
    }

    // 2. Who is in Cakranegara (the kecamatan and every unit below it).
    let cak_units: HashSet<Uuid> = match store::units::find_by_code(txn, "CKN").await? {
        Some(u) => store::talent::list_unit_subtree(txn, u.id)
            .await?
            .into_iter()
            .collect(),
        None => HashSet::new(),
    };
    let evaluated: Vec<usize> = (0..staff.len())
        .filter(|&i| staff[i].sup.is_some())
        .collect();

    // 3. Annual (Triwulan IV) periods of the two previous years, published, with evaluations.
    //    Target boxes cycle 1..9 over Cakranegara's staff, so every cell is filled; the
    //    others follow a mostly-good pattern.
    let mut target_box = vec![5u8; staff.len()];
    let mut k = 0usize;
    for &i in &evaluated {
        if cak_units.contains(&staff[i].unit_id) {
            // First pass fills 1..9; then a realistic spread (mostly 5, 8, 2, 7).
            target_box[i] = if k < 9 {
                (k + 1) as u8
            } else {
                [5, 8, 5, 2, 7, 5, 9, 4, 5, 3, 6, 8][k % 12]
            };
            k += 1;
        } else {
            target_box[i] = [5, 8, 2, 5, 7, 4][i % 6];
        }
    }
    let mut evaluations = 0usize;
    let mut annual_ids = Vec::new();
    for y in [year - 2, year - 1] {
        let id = Uuid::now_v7();
        let published = date(y + 1, 1, 25)?
            .and_hms_opt(2, 0, 0)
            .map(|d| d.and_utc())
            .unwrap_or(now);
        period::ActiveModel {
            id: Set(id),
            year: Set(y),
            kind: Set("quarterly".into()),
            number: Set(4),
            name: Set(format!("Triwulan IV {y}")),
            starts_on: Set(date(y, 10, 1)?),
            ends_on: Set(date(y, 12, 31)?),
            state: Set("published".into()),
            created_at: Set(published - Duration::days(120)),
            updated_at: Set(published),
            opened_at: Set(Some(published - Duration::days(110))),
            closed_at: Set(Some(published - Duration::days(5))),
            published_at: Set(Some(published)),
            run_360: Set(false),
            deadline_360: Set(None),
            evaluation_deadline: Set(Some(date(y + 1, 1, 10)?)),
            released_360_at: Set(None),
        }
        .insert(txn)
        .await?;
        annual_ids.push((y, id, published));
    }
    for (n, &i) in evaluated.iter().enumerate() {
        let s = &staff[i];
        let Some(sup) = s.sup else { continue };
        let pen = &staff[sup];
        let (kinerja, _) =
            ninebox::levels_of(target_box[i]).unwrap_or((Rating::Sesuai, Potensi::Menengah));
        for &(y, period_id, published) in &annual_ids {
            let (hk, pk) = if y == year - 1 {
                (kinerja, perilaku_for(kinerja, n))
            } else if n % 7 == 3 {
                // A weaker year two years ago keeps some top-box people off the candidate list.
                (Rating::DiBawah, Rating::Sesuai)
            } else {
                (
                    Rating::Sesuai,
                    if n.is_multiple_of(3) {
                        Rating::DiAtas
                    } else {
                        Rating::Sesuai
                    },
                )
            };
            let at = published - Duration::days(10);
            evaluation::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period_id),
                employee_id: Set(s.id),
                penilai_id: Set(pen.id),
                rating_hasil_kerja: Set(hk.as_str().into()),
                rating_perilaku: Set(pk.as_str().into()),
                predikat: Set(predikat(hk, pk).as_str().into()),
                justification: Set(None),
                status: Set("final".into()),
                golongan: Set(s.golongan.clone()),
                jabatan: Set(s.jabatan.clone()),
                unit_id: Set(s.unit_id),
                penilai_golongan: Set(pen.golongan.clone()),
                penilai_jabatan: Set(pen.jabatan.clone()),
                penilai_unit_id: Set(pen.unit_id),
                suggested_perilaku: Set(None),
                mean_360: Set(None),
                created_at: Set(at),
                updated_at: Set(at),
            }
            .insert(txn)
            .await?;
            evaluations += 1;
        }
    }

    // 4. Potensi: everyone evaluated in Cakranegara (their box needs it), most others; an
    //    older assessment for some shows the history.
    let mut assessments = 0usize;
    for &i in &evaluated {
        let in_cak = cak_units.contains(&staff[i].unit_id);
        if !in_cak && i % 10 == 7 {
            continue;
        }
        let (_, pot) =
            ninebox::levels_of(target_box[i]).unwrap_or((Rating::Sesuai, Potensi::Menengah));
        if i.is_multiple_of(5) {
            potensi_assessment::ActiveModel {
                id: Set(Uuid::now_v7()),
                employee_id: Set(staff[i].id),
                level: Set(Potensi::Rendah.as_str().into()),
                source: Set(format!("Uji Kompetensi BKPSDM Kota Mataram {}", year - 3)),
                assessed_on: Set(date(year - 3, 8, 14)?),
                recorded_by: Set("seed".into()),
                created_at: Set(now - Duration::days(900)),
            }
            .insert(txn)
            .await?;
            assessments += 1;
        }
        potensi_assessment::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(staff[i].id),
            level: Set(pot.as_str().into()),
            source: Set(format!("Assessment Center BKD Provinsi NTB {}", year - 1)),
            assessed_on: Set(date(year - 1, 9, 20)?),
            recorded_by: Set("seed".into()),
            created_at: Set(now - Duration::days(400)),
        }
        .insert(txn)
        .await?;
        assessments += 1;
    }

    // 5. The low performer's plan, from their recommendations: the latest published quarter
    //    of this year with a Butuh Perbaikan (or worse) in Cakranegara, else last year's
    //    annual period.
    let published = store::talent::list_published_periods(txn).await?;
    let mut plans = 0usize;
    let mut low: Option<(period::Model, entity::employee::Model)> = None;
    for per in &published {
        let ids: Vec<Uuid> = evaluated.iter().map(|&i| staff[i].id).collect();
        let evals = store::talent::list_final_evaluations(txn, &[per.id], &ids).await?;
        let mut weak: Vec<&evaluation::Model> = evals
            .iter()
            .filter(|e| {
                cak_units.contains(&e.unit_id)
                    && Predikat::parse(&e.predikat)
                        .is_some_and(crate::domain::development::predikat_triggers)
            })
            .collect();
        weak.sort_by_key(|e| e.employee_id);
        if let Some(e) = weak.first()
            && let Some(emp) = store::employees::find_by_id(txn, e.employee_id).await?
        {
            low = Some((per.clone(), emp));
            break;
        }
    }
    if let Some((per, emp)) = low
        && let Some(sup) = emp.supervisor_id
    {
        let recs = crate::app::career::recommendations_for(txn, &emp, &per)
            .await
            .map_err(|e| anyhow::anyhow!("recommendations: {e}"))?;
        let plan_id = Uuid::now_v7();
        let created = now - Duration::days(30);
        development_plan::ActiveModel {
            id: Set(plan_id),
            employee_id: Set(emp.id),
            supervisor_id: Set(sup),
            period_id: Set(Some(per.id)),
            title: Set(format!("Rencana pengembangan setelah {}", per.name)),
            created_at: Set(created),
            updated_at: Set(created),
        }
        .insert(txn)
        .await?;
        let mut items: Vec<PlanItem> = Vec::new();
        for r in &recs {
            for a in &r.actions {
                let mentor = match a.mentor_nip.as_deref() {
                    Some(n) => store::employees::find_by_nip(txn, n).await?.map(|m| m.id),
                    None => None,
                };
                items.push((
                    a.kind.as_str().to_string(),
                    a.title.clone(),
                    a.training_id,
                    mentor,
                    a.hours,
                    r.cause.clone(),
                ));
            }
        }
        // Keep one training (done) and one other action (in progress); pad when the rules
        // proposed fewer.
        let training_item = items.iter().position(|i| i.0 == "training");
        let other_item = items
            .iter()
            .enumerate()
            .position(|(n, i)| Some(n) != training_item && i.0 != "training")
            .or_else(|| {
                items
                    .iter()
                    .enumerate()
                    .position(|(n, _)| Some(n) != training_item)
            });
        let mut chosen = Vec::new();
        let fallback_cause = format!("{}: hasil kinerja perlu ditingkatkan", per.name);
        match training_item {
            Some(t) => chosen.push(items[t].clone()),
            None => {
                let (id, title, hours) = course_ids[0];
                chosen.push((
                    "training".into(),
                    title.into(),
                    Some(id),
                    None,
                    Some(hours),
                    fallback_cause.clone(),
                ));
            }
        }
        match other_item {
            Some(o) => chosen.push(items[o].clone()),
            None => chosen.push((
                "other".into(),
                "Bimbingan kinerja bulanan dengan atasan langsung".into(),
                None,
                None,
                None,
                fallback_cause,
            )),
        }
        for (pos, (kind, title, training_id, mentor_id, hours, cause)) in
            chosen.into_iter().enumerate()
        {
            let done = pos == 0;
            development_item::ActiveModel {
                id: Set(Uuid::now_v7()),
                plan_id: Set(plan_id),
                kind: Set(kind),
                title: Set(title),
                training_id: Set(training_id),
                mentor_id: Set(mentor_id),
                due_on: Set(today + Duration::days(if done { 10 } else { 45 })),
                hours: Set(hours),
                cause: Set(cause),
                status: Set(if done { "done" } else { "in_progress" }.into()),
                progress_note: Set(Some(
                    if done {
                        "Pelatihan selesai, sertifikat diserahkan ke subbagian kepegawaian."
                    } else {
                        "Sudah dua kali pertemuan; fokus pada penanganan antrean dan pengaduan."
                    }
                    .into(),
                )),
                completed_on: Set(done.then(|| today - Duration::days(5))),
                position: Set(pos as i32),
                created_at: Set(created),
                updated_at: Set(now - Duration::days(5)),
            }
            .insert(txn)
            .await?;
        }
        plans += 1;
    }

    // 6. Completed training for some Cakranegara staff this year (hours toward 20 JP).
    let mut trained = 0usize;
    for (n, &i) in evaluated
        .iter()
        .filter(|&&i| cak_units.contains(&staff[i].unit_id))
        .enumerate()
    {
        if !n.is_multiple_of(3) {
            continue;
        }
        let Some(sup) = staff[i].sup else { continue };
        let plan_id = Uuid::now_v7();
        let created = now - Duration::days(200);
        development_plan::ActiveModel {
            id: Set(plan_id),
            employee_id: Set(staff[i].id),
            supervisor_id: Set(staff[sup].id),
            period_id: Set(None),
            title: Set(format!("Pengembangan kompetensi {year}")),
            created_at: Set(created),
            updated_at: Set(created),
        }
        .insert(txn)
        .await?;
        let picks = [n % COURSES.len(), (n + 5) % COURSES.len()];
        for (pos, c) in picks.iter().enumerate() {
            let (id, title, hours) = course_ids[*c];
            // Completed early this year (never in the future).
            let done_on = date(year, 2 + (pos as u32) * 3, 10)?.min(today);
            let finished = pos == 0 || n.is_multiple_of(2);
            development_item::ActiveModel {
                id: Set(Uuid::now_v7()),
                plan_id: Set(plan_id),
                kind: Set("training".into()),
                title: Set(title.into()),
                training_id: Set(Some(id)),
                mentor_id: Set(None),
                due_on: Set(date(year, 11, 30)?),
                hours: Set(Some(hours)),
                cause: Set("Pemenuhan hak pengembangan kompetensi 20 JP per tahun".into()),
                status: Set(if finished { "done" } else { "planned" }.into()),
                progress_note: Set(None),
                completed_on: Set(finished.then_some(done_on)),
                position: Set(pos as i32),
                created_at: Set(created),
                updated_at: Set(created),
            }
            .insert(txn)
            .await?;
        }
        trained += 1;
    }

    Ok(format!(
        "career: {} courses, {} annual evaluations, {assessments} potensi assessments, {} development plans",
        course_ids.len(),
        evaluations,
        plans + trained
    ))
}
