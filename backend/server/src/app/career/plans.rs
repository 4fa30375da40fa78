//! Development plans: created by the direct supervisor from recommendations or free
//! items, progress recorded by the employee, read by the employee's readers and by HR
//! across employees.

use chrono::{Datelike, NaiveDate, Utc};
use entity::{development_item as item, development_plan as plan, employee};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

use super::{
    EARLIEST, LATEST, check, display_name, employee_by_nip, hours_of, optional_text, required_text,
    today,
};
use crate::auth::{Principal, policy};
use crate::domain::development::{self as rules, ItemKind, ItemStatus};
use crate::domain::plan_item;
use crate::dto::PageMeta;
use crate::dto::career::{
    CertificateOut, ItemList, ItemOut, ItemPage, ItemProgressInput, PlanInput, PlanList, PlanOut,
};
use crate::error::{ApiError, ApiResult, FieldErrors};
use crate::state::AppState;
use crate::store::{self, PageReq};

pub(super) fn item_not_found() -> ApiError {
    ApiError::NotFound("Butir rencana pengembangan tidak ditemukan".into())
}

/// Views of items with their training, mentor and certificates (loaded by id sets).
/// `owners` maps plan id → employee, for lists across employees.
async fn item_views<C: ConnectionTrait>(
    conn: &C,
    items: Vec<item::Model>,
    today: NaiveDate,
    owners: Option<&HashMap<Uuid, (employee::Model, Option<String>)>>,
) -> ApiResult<Vec<ItemOut>> {
    let trainings = store::career::list_trainings_by_ids(
        conn,
        items.iter().filter_map(|i| i.training_id).collect(),
    )
    .await?;
    let mentors =
        store::employees::find_by_ids(conn, items.iter().filter_map(|i| i.mentor_id).collect())
            .await?;
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let mut certs: HashMap<Uuid, Vec<CertificateOut>> = HashMap::new();
    for c in store::career::list_certificates(conn, &ids).await? {
        certs.entry(c.item_id).or_default().push(c.into());
    }
    Ok(items
        .into_iter()
        .map(|i| {
            let status = ItemStatus::parse(&i.status).unwrap_or(ItemStatus::Planned);
            let mentor = i.mentor_id.and_then(|m| mentors.get(&m));
            let owner = owners.and_then(|o| o.get(&i.plan_id));
            ItemOut {
                id: i.id,
                plan_id: i.plan_id,
                kind: ItemKind::parse(&i.kind).unwrap_or(ItemKind::Other),
                title: i.title,
                training_id: i.training_id,
                training_title: i
                    .training_id
                    .and_then(|t| trainings.get(&t))
                    .map(|t| t.title.clone()),
                mentor_nip: mentor.map(|m| m.nip.clone()),
                mentor_name: mentor.map(display_name),
                due_on: i.due_on,
                hours: i.hours,
                cause: i.cause,
                status,
                progress_note: i.progress_note,
                completed_on: i.completed_on,
                overdue: rules::is_overdue(status, i.due_on, today),
                certificates: certs.remove(&i.id).unwrap_or_default(),
                nip: owner.map(|(e, _)| e.nip.clone()),
                name: owner.map(|(e, _)| display_name(e)),
                unit_code: owner.and_then(|(_, u)| u.clone()),
            }
        })
        .collect())
}

async fn plan_views<C: ConnectionTrait>(
    conn: &C,
    plans: Vec<plan::Model>,
    today: NaiveDate,
) -> ApiResult<Vec<PlanOut>> {
    let plan_ids: Vec<Uuid> = plans.iter().map(|p| p.id).collect();
    let items = store::career::list_items_of_plans(conn, &plan_ids).await?;
    let mut by_plan: HashMap<Uuid, Vec<ItemOut>> = HashMap::new();
    for v in item_views(conn, items, today, None).await? {
        by_plan.entry(v.plan_id).or_default().push(v);
    }
    let mut people: Vec<Uuid> = plans.iter().map(|p| p.employee_id).collect();
    people.extend(plans.iter().map(|p| p.supervisor_id));
    let emps = store::employees::find_by_ids(conn, people).await?;
    Ok(plans
        .into_iter()
        .map(|p| {
            let e = emps.get(&p.employee_id);
            let s = emps.get(&p.supervisor_id);
            PlanOut {
                id: p.id,
                nip: e.map(|e| e.nip.clone()).unwrap_or_default(),
                name: e.map(display_name).unwrap_or_default(),
                supervisor_nip: s.map(|s| s.nip.clone()).unwrap_or_default(),
                supervisor_name: s.map(display_name).unwrap_or_default(),
                title: p.title,
                period_id: p.period_id,
                created_at: p.created_at,
                items: by_plan.remove(&p.id).unwrap_or_default(),
            }
        })
        .collect())
}

fn push(errors: &mut FieldErrors, field: String, message: impl Into<String>) {
    errors.entry(field).or_default().push(message.into());
}

/// Creates a development plan for a subordinate (the DIRECT supervisor only).
pub async fn create_plan(
    state: &AppState,
    p: &Principal,
    nip: &str,
    body: &PlanInput,
) -> ApiResult<PlanOut> {
    let txn = state.db.write.begin().await?;
    let emp = employee_by_nip(&txn, nip).await?;
    policy::require(policy::is_direct_supervisor(p, &emp))?;
    let supervisor_id = p.employee_id.ok_or(ApiError::Forbidden)?;

    let mut errors = FieldErrors::new();
    let title = optional_text(&mut errors, "title", body.title.as_deref(), 200)
        .unwrap_or_else(|| "Rencana pengembangan kompetensi".into());
    if !plan_item::item_count_is_valid(body.items.len()) {
        push(&mut errors, "items".into(), "Isi 1–20 butir rencana");
    }
    if let Some(pid) = body.period_id {
        let ok = store::periods::find(&txn, pid).await?.is_some();
        if !ok {
            push(&mut errors, "period_id".into(), "Periode tidak ditemukan");
        }
    }
    let training_ids: Vec<Uuid> = body.items.iter().filter_map(|i| i.training_id).collect();
    let trainings = store::career::list_trainings_by_ids(&txn, training_ids).await?;
    let mentor_nips: Vec<String> = body
        .items
        .iter()
        .filter_map(|i| i.mentor_nip.as_deref().map(str::trim).map(str::to_string))
        .filter(|n| !n.is_empty())
        .collect();
    let mentors = store::employees::find_by_nips(&txn, mentor_nips).await?;
    let now = Utc::now();
    let plan_id = Uuid::now_v7();
    let mut rows = Vec::new();
    for (pos, it) in body.items.iter().enumerate() {
        let f = |name: &str| format!("items[{pos}].{name}");
        let t = required_text(&mut errors, &f("title"), &it.title, 200);
        let cause = required_text(&mut errors, &f("cause"), &it.cause, 1000);
        let hours = hours_of(&mut errors, &f("hours"), it.hours.as_ref());
        let training = it.training_id.and_then(|id| trainings.get(&id));
        if it.training_id.is_some() && training.is_none() {
            push(
                &mut errors,
                f("training_id"),
                "Pelatihan tidak ada di katalog",
            );
        }
        let mentor_nip = it
            .mentor_nip
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let mentor = mentor_nip.and_then(|n| mentors.get(n));
        if let Some(n) = mentor_nip {
            match mentor {
                None => push(
                    &mut errors,
                    f("mentor_nip"),
                    format!("Pegawai dengan NIP {n} tidak ditemukan"),
                ),
                Some(m) if m.id == emp.id => push(
                    &mut errors,
                    f("mentor_nip"),
                    "Mentor tidak boleh pegawai itu sendiri",
                ),
                _ => {}
            }
        }
        if it.kind == ItemKind::Mentoring && mentor_nip.is_none() {
            push(&mut errors, f("mentor_nip"), "Mentoring memerlukan mentor");
        }
        if !plan_item::is_plausible_year(it.due_on.year()) {
            push(&mut errors, f("due_on"), "Tanggal tidak wajar");
        }
        rows.push(item::Model {
            id: Uuid::now_v7(),
            plan_id,
            kind: it.kind.as_str().into(),
            title: t,
            training_id: training.map(|t| t.id),
            mentor_id: mentor.map(|m| m.id),
            due_on: it.due_on,
            hours: hours.or_else(|| training.map(|t| t.hours)),
            cause,
            status: ItemStatus::Planned.as_str().into(),
            progress_note: None,
            completed_on: None,
            position: pos as i32,
            created_at: now,
            updated_at: now,
        });
    }
    check(errors)?;
    let plan = store::career::insert_plan(
        &txn,
        plan::Model {
            id: plan_id,
            employee_id: emp.id,
            supervisor_id,
            period_id: body.period_id,
            title,
            created_at: now,
            updated_at: now,
        },
    )
    .await?;
    for r in rows {
        store::career::insert_item(&txn, r).await?;
    }
    store::audit::append(
        &txn,
        &p.actor(),
        "development_plan.create",
        "development_plan",
        &plan.id.to_string(),
        json!({ "nip": emp.nip, "items": body.items.len(), "period": body.period_id }),
    )
    .await?;
    let out = plan_views(&txn, vec![plan], today(state))
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("plan view missing"))?;
    txn.commit().await?;
    Ok(out)
}

/// An employee's development plans with items and certificates (readers of the employee).
pub async fn list_plans(state: &AppState, p: &Principal, nip: &str) -> ApiResult<PlanList> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::can_read_performance(db, p, &emp).await?)?;
    let plans = store::career::list_plans_of_employee(db, emp.id).await?;
    Ok(PlanList {
        items: plan_views(db, plans, today(state)).await?,
    })
}

/// Updates an item's progress (the employee only): status, note, completion date.
pub async fn update_item(
    state: &AppState,
    p: &Principal,
    id: Uuid,
    body: &ItemProgressInput,
) -> ApiResult<ItemOut> {
    let today = today(state);
    let txn = state.db.write.begin().await?;
    let (it, pl) = store::career::find_item(&txn, id)
        .await?
        .ok_or_else(item_not_found)?;
    // Only the employee records progress; supervisors and HR read it.
    policy::require(policy::is_self(p, pl.employee_id))?;
    let mut errors = FieldErrors::new();
    let note = optional_text(
        &mut errors,
        "progress_note",
        body.progress_note.as_deref(),
        2000,
    );
    if body
        .completed_on
        .is_some_and(|d| !plan_item::is_past_date(d, today))
    {
        push(
            &mut errors,
            "completed_on".into(),
            "Tanggal selesai tidak boleh di masa depan",
        );
    }
    check(errors)?;
    let status = body
        .status
        .unwrap_or(ItemStatus::parse(&it.status).unwrap_or(ItemStatus::Planned));
    let completed_on =
        plan_item::completed_on_after(status, body.completed_on, it.completed_on, today);
    let before = it.status.clone();
    let mut next = it;
    next.status = status.as_str().into();
    if body.progress_note.is_some() {
        next.progress_note = note;
    }
    next.completed_on = completed_on;
    next.updated_at = Utc::now();
    let saved = store::career::update_item(&txn, next).await?;
    store::audit::append(
        &txn,
        &p.actor(),
        "development_item.update",
        "development_item",
        &saved.id.to_string(),
        json!({ "from": before, "to": saved.status, "completed_on": saved.completed_on }),
    )
    .await?;
    let out = item_views(&txn, vec![saved], today, None)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("item view missing"))?;
    txn.commit().await?;
    Ok(out)
}

/// Development plan items across employees for HR, by due date; `overdue` keeps only
/// items not done and past due. The handler has checked `policy::reads_all_performance`
/// (before validating the page), so the principal is not needed here.
pub async fn list_plan_items(
    state: &AppState,
    unit_code: Option<&str>,
    overdue: bool,
    page: PageReq,
) -> ApiResult<ItemPage> {
    let db = &state.db.read;
    let units = match crate::app::unit_filter(db, unit_code).await? {
        Some(u) => Some(store::talent::list_unit_subtree(db, u).await?),
        None => None,
    };
    let today = today(state);
    let all =
        store::career::list_items_for_units(db, units.as_deref(), overdue.then_some(today)).await?;
    let total = all.len() as u64;
    let start = ((page.page - 1) * page.per_page).min(total) as usize;
    let slice: Vec<(item::Model, plan::Model)> = all
        .into_iter()
        .skip(start)
        .take(page.per_page as usize)
        .collect();
    let emps =
        store::employees::find_by_ids(db, slice.iter().map(|(_, p)| p.employee_id).collect())
            .await?;
    let unit_map =
        store::units::find_by_ids(db, emps.values().map(|e| e.unit_id).collect()).await?;
    let owners: HashMap<Uuid, (employee::Model, Option<String>)> = slice
        .iter()
        .filter_map(|(_, pl)| {
            let e = emps.get(&pl.employee_id)?;
            Some((
                pl.id,
                (e.clone(), unit_map.get(&e.unit_id).map(|u| u.code.clone())),
            ))
        })
        .collect();
    let items = item_views(
        db,
        slice.into_iter().map(|(i, _)| i).collect(),
        today,
        Some(&owners),
    )
    .await?;
    Ok(ItemPage {
        items,
        meta: PageMeta {
            page: page.page,
            per_page: page.per_page,
            total,
        },
    })
}

/// Finished development items of an employee since a date (readers of the employee).
pub async fn completed_development(
    state: &AppState,
    p: &Principal,
    nip: &str,
    since: Option<NaiveDate>,
) -> ApiResult<ItemList> {
    let db = &state.db.read;
    let emp = employee_by_nip(db, nip).await?;
    policy::require(policy::can_read_performance(db, p, &emp).await?)?;
    let from = since.unwrap_or(EARLIEST).clamp(EARLIEST, LATEST);
    let done = store::career::list_done_items(db, &[emp.id], from, LATEST).await?;
    let items = item_views(
        db,
        done.into_iter().map(|(i, _)| i).collect(),
        today(state),
        None,
    )
    .await?;
    Ok(ItemList { items })
}
