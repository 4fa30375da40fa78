//! Angka kredit of functional positions (PerBKN 3/2023) per published period and year,
//! for one employee or a unit tree.

use chrono::Datelike;
use entity::{employee, evaluation, period};
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use uuid::Uuid;

use crate::app::career::{display_name, employee_by_nip, today, valid_year};
use crate::auth::{Principal, policy};
use crate::domain::angka_kredit::{self as ak, AK_FORMULA, Jenjang, parse_jabatan};
use crate::domain::predikat::Predikat;
use crate::dto::talent::{AkPeriod, EmployeeAk, UnitAk, UnitAkRow};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;

/// The published periods of a year used for angka kredit, in order (one kind only).
fn ak_periods(published: &[period::Model], year: i32) -> Vec<period::Model> {
    let of_year: Vec<&period::Model> = published.iter().filter(|p| p.year == year).collect();
    let kind = ak::period_kind_for_year(of_year.iter().map(|p| p.kind.as_str()));
    let mut out: Vec<period::Model> = of_year
        .into_iter()
        .filter(|p| p.kind == kind)
        .cloned()
        .collect();
    out.sort_by_key(|p| p.number);
    out
}

fn ak_rows(periods: &[period::Model], evals: &[&evaluation::Model]) -> Vec<AkPeriod> {
    periods
        .iter()
        .filter_map(|per| {
            let e = evals.iter().find(|e| e.period_id == per.id)?;
            let pr = Predikat::parse(&e.predikat)?;
            let months = ak::months_of(&per.kind);
            let jenjang = parse_jabatan(&e.jabatan).jenjang;
            Some(AkPeriod {
                period_id: per.id,
                name: per.name.clone(),
                months,
                predikat: pr,
                percentage: ak::percentage(pr),
                jabatan: e.jabatan.clone(),
                jenjang,
                coefficient: jenjang.map(Jenjang::coefficient),
                ak: jenjang.map(|j| ak::angka_kredit(pr, j, months)),
            })
        })
        .collect()
}

fn total(rows: &[AkPeriod]) -> f64 {
    ak::total(rows.iter().filter_map(|r| r.ak))
}

/// Angka kredit of an employee in a year (readers of the employee).
pub async fn employee_angka_kredit(
    state: &AppState,
    p: &Principal,
    nip: &str,
    year: Option<i32>,
) -> ApiResult<EmployeeAk> {
    let year = valid_year(year, today(state).year())?;
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::career::can_read_employee_talent(db, p, &emp).await?)?;
    let published = store::talent::list_published_periods(db).await?;
    let periods = ak_periods(&published, year);
    let pids: Vec<Uuid> = periods.iter().map(|p| p.id).collect();
    let evals = store::talent::list_final_evaluations(db, &pids, &[emp.id]).await?;
    let refs: Vec<&evaluation::Model> = evals.iter().collect();
    let rows = ak_rows(&periods, &refs);
    let parsed = parse_jabatan(&emp.jabatan);
    Ok(EmployeeAk {
        nip: emp.nip.clone(),
        name: display_name(&emp),
        jabatan: emp.jabatan.clone(),
        family: parsed.family,
        jenjang: parsed.jenjang,
        coefficient: parsed.jenjang.map(Jenjang::coefficient),
        functional: ak::is_functional(&emp.jenis_jabatan, &emp.jabatan),
        year,
        formula: AK_FORMULA.into(),
        total_ak: total(&rows),
        periods: rows,
    })
}

async fn unit_ak<C: ConnectionTrait>(
    conn: &C,
    units: Option<&[Uuid]>,
    year: i32,
) -> ApiResult<UnitAk> {
    let people: Vec<employee::Model> = store::talent::list_employees_in_units(conn, units)
        .await?
        .into_iter()
        .filter(|e| ak::is_functional(&e.jenis_jabatan, &e.jabatan))
        .collect();
    let ids: Vec<Uuid> = people.iter().map(|e| e.id).collect();
    let published = store::talent::list_published_periods(conn).await?;
    let periods = ak_periods(&published, year);
    let pids: Vec<Uuid> = periods.iter().map(|p| p.id).collect();
    let evals = store::talent::list_final_evaluations(conn, &pids, &ids).await?;
    let mut by_emp: HashMap<Uuid, Vec<&evaluation::Model>> = HashMap::new();
    for e in &evals {
        by_emp.entry(e.employee_id).or_default().push(e);
    }
    let unit_map =
        store::units::find_by_ids(conn, people.iter().map(|e| e.unit_id).collect()).await?;
    let items = people
        .iter()
        .map(|e| {
            let rows = ak_rows(
                &periods,
                by_emp.get(&e.id).map(Vec::as_slice).unwrap_or(&[]),
            );
            let jenjang = parse_jabatan(&e.jabatan).jenjang;
            UnitAkRow {
                nip: e.nip.clone(),
                name: display_name(e),
                unit_code: unit_map
                    .get(&e.unit_id)
                    .map(|u| u.code.clone())
                    .unwrap_or_default(),
                jabatan: e.jabatan.clone(),
                jenjang,
                coefficient: jenjang.map(Jenjang::coefficient),
                periods: rows.len(),
                total_ak: total(&rows),
            }
        })
        .collect();
    Ok(UnitAk {
        year,
        formula: AK_FORMULA.into(),
        items,
    })
}

/// Angka kredit of the functional employees of a unit tree in a year (staff and the
/// unit's leaders).
pub async fn unit_angka_kredit(
    state: &AppState,
    p: &Principal,
    unit_code: Option<&str>,
    year: Option<i32>,
) -> ApiResult<UnitAk> {
    let year = valid_year(year, today(state).year())?;
    let db = &state.db.read;
    let units = policy::career::authorised_units(db, p, unit_code).await?;
    unit_ak(db, units.as_deref(), year).await
}

/// The same list as CSV rows (the header first) with the year, for the file name.
pub async fn unit_angka_kredit_csv(
    state: &AppState,
    p: &Principal,
    unit_code: Option<&str>,
    year: Option<i32>,
) -> ApiResult<(i32, Vec<Vec<String>>)> {
    let list = unit_angka_kredit(state, p, unit_code, year).await?;
    let year = list.year;
    let mut rows = vec![
        [
            "nip",
            "nama",
            "unit_code",
            "jabatan",
            "jenjang",
            "koefisien",
            "jumlah_periode",
            "tahun",
            "angka_kredit",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    for r in list.items {
        rows.push(vec![
            r.nip,
            r.name,
            r.unit_code,
            r.jabatan,
            r.jenjang.map(|j| j.label().to_string()).unwrap_or_default(),
            r.coefficient.map(|c| c.to_string()).unwrap_or_default(),
            r.periods.to_string(),
            year.to_string(),
            r.total_ak.to_string(),
        ]);
    }
    Ok((year, rows))
}
