//! Promotion candidates of a unit tree: Baik or better in each of the last two annual
//! periods and box 7, 8 or 9, with the evidence (masa kerja, completed development).

use chrono::NaiveDate;
use entity::employee;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use uuid::Uuid;

use super::{annual_results, annual_years, places};
use crate::app::career::{EARLIEST, LATEST, display_name, today};
use crate::auth::{Principal, policy};
use crate::domain::masa_kerja::{MASA_KERJA_NOTE, masa_kerja, tmt_label, tmt_of};
use crate::domain::ninebox;
use crate::domain::predikat::Predikat;
use crate::dto::talent::{AnnualResult, Candidate, CandidateList, CompletedDevelopment};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;

async fn candidates<C: ConnectionTrait>(
    conn: &C,
    units: Option<&[Uuid]>,
    today: NaiveDate,
) -> ApiResult<CandidateList> {
    let published = store::talent::list_published_periods(conn).await?;
    let years: Vec<i32> = annual_years(&published).into_iter().take(2).collect();
    let rule = ninebox::CANDIDATE_RULE.to_string();
    if years.len() < 2 {
        return Ok(CandidateList {
            years,
            rule,
            items: Vec::new(),
        });
    }
    let people = store::talent::list_employees_in_units(conn, units).await?;
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let latest = places(conn, &published, years[0], &ids).await?;
    let previous = annual_results(conn, &published, years[1], &ids).await?;
    let chosen: Vec<&employee::Model> = people
        .iter()
        .filter(|e| {
            let now = latest.get(&e.id);
            let before = previous
                .get(&e.id)
                .and_then(|x| Predikat::parse(&x.predikat));
            ninebox::is_promotion_candidate(
                [now.and_then(|pl| pl.predikat), before],
                now.and_then(|pl| pl.box_),
            )
        })
        .collect();
    let chosen_ids: Vec<Uuid> = chosen.iter().map(|e| e.id).collect();
    let mut dev: HashMap<Uuid, Vec<CompletedDevelopment>> = HashMap::new();
    for (i, emp) in store::career::list_done_items(conn, &chosen_ids, EARLIEST, LATEST).await? {
        dev.entry(emp).or_default().push(CompletedDevelopment {
            title: i.title,
            completed_on: i.completed_on,
            hours: i.hours,
        });
    }
    let unit_map =
        store::units::find_by_ids(conn, chosen.iter().map(|e| e.unit_id).collect()).await?;
    let mut items: Vec<Candidate> = chosen
        .into_iter()
        .filter_map(|e| {
            let pl = latest.get(&e.id)?;
            let before = previous
                .get(&e.id)
                .and_then(|x| Predikat::parse(&x.predikat))?;
            let tmt = tmt_of(&e.nip);
            Some(Candidate {
                nip: e.nip.clone(),
                name: display_name(e),
                unit_code: unit_map
                    .get(&e.unit_id)
                    .map(|u| u.code.clone())
                    .unwrap_or_default(),
                jabatan: e.jabatan.clone(),
                golongan: e.golongan.clone(),
                box_: pl.box_?,
                potensi: pl.potensi?,
                annual: vec![
                    AnnualResult {
                        year: years[0],
                        predikat: pl.predikat?,
                        predikat_label: pl.predikat?.label().into(),
                    },
                    AnnualResult {
                        year: years[1],
                        predikat: before,
                        predikat_label: before.label().into(),
                    },
                ],
                tmt_cpns: tmt.map(tmt_label),
                masa_kerja_tahun: tmt.map(|t| masa_kerja(t, today)),
                masa_kerja_note: MASA_KERJA_NOTE.into(),
                completed_development: dev.remove(&e.id).unwrap_or_default(),
            })
        })
        .collect();
    items.sort_by(|a, b| {
        b.box_
            .cmp(&a.box_)
            .then(a.unit_code.cmp(&b.unit_code))
            .then(a.name.cmp(&b.name))
    });
    Ok(CandidateList { years, rule, items })
}

/// The promotion candidates of a unit tree (staff and the unit's leaders).
pub async fn promotion_candidates(
    state: &AppState,
    p: &Principal,
    unit_code: Option<&str>,
) -> ApiResult<CandidateList> {
    let db = &state.db.read;
    let units = policy::career::authorised_units(db, p, unit_code).await?;
    candidates(db, units.as_deref(), today(state)).await
}

/// The promotion candidates as CSV rows (the header first), same rule and visibility.
pub async fn promotion_candidates_csv(
    state: &AppState,
    p: &Principal,
    unit_code: Option<&str>,
) -> ApiResult<Vec<Vec<String>>> {
    let list = promotion_candidates(state, p, unit_code).await?;
    let mut rows = vec![
        [
            "nip",
            "nama",
            "unit_code",
            "jabatan",
            "golongan",
            "kotak",
            "potensi",
            "predikat_tahun_terakhir",
            "predikat_tahun_sebelumnya",
            "tmt_cpns",
            "masa_kerja_tahun",
            "pengembangan_selesai",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    for c in list.items {
        let annual = |i: usize| {
            c.annual
                .get(i)
                .map(|a| format!("{} {}", a.year, a.predikat_label))
                .unwrap_or_default()
        };
        rows.push(vec![
            c.nip.clone(),
            c.name.clone(),
            c.unit_code.clone(),
            c.jabatan.clone(),
            c.golongan.clone(),
            c.box_.to_string(),
            c.potensi.label().into(),
            annual(0),
            annual(1),
            c.tmt_cpns.clone().unwrap_or_default(),
            c.masa_kerja_tahun
                .map(|y| y.to_string())
                .unwrap_or_default(),
            c.completed_development
                .iter()
                .map(|d| d.title.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    Ok(rows)
}
