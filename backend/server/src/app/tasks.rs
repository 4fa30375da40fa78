//! The task inbox (`GET /api/v1/me/tasks`): every pending duty of the signed-in person,
//! computed on read from the rows the duties are about (ADR 0023). Each duty is kept only
//! when the `auth::policy` function that authorises the action agrees, so the inbox never
//! offers what the server would refuse. Queries are bounded: grouped counts, or lists of
//! the caller's own direct reports; nothing runs per member.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::period;
use std::collections::HashMap;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::appeal::{AppealStatus, StatementSide, ready_to_decide, statement_deadline};
use crate::domain::period::PeriodState;
use crate::domain::ratings360::AssignmentStatus;
use crate::domain::skp::SkpStatus;
use crate::domain::tasks::{PLAN_ITEM_HORIZON_DAYS, TaskKind, rating_duty, skp_duty};
use crate::dto::tasks::{TaskList, TaskOut};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::{self, PageReq, appeals::AppealFilter};

/// Appeals looked at per role; a person with more open appeals than this sees the count
/// of this many (the list page has them all).
const APPEALS_MAX: u64 = 100;
/// Object ids carried per task.
const IDS_MAX: usize = 50;

fn task(kind: TaskKind, count: i64, link: impl Into<String>) -> TaskOut {
    TaskOut {
        kind,
        count,
        deadline: None,
        overdue: false,
        link: link.into(),
        period_id: None,
        period_name: None,
        year: None,
        nips: Vec::new(),
        ids: Vec::new(),
    }
}

fn in_period(mut t: TaskOut, p: &period::Model, deadline: Option<NaiveDate>) -> TaskOut {
    t.period_id = Some(p.id);
    t.period_name = Some(p.name.clone());
    t.deadline = deadline;
    t
}

/// The link to one object's page (`{prefix}/{key}`) when there is exactly one, else to
/// the list.
fn one_or_list(list: &str, prefix: &str, one: Option<&str>, count: usize) -> String {
    match one {
        Some(key) if count == 1 => format!("{prefix}/{key}"),
        _ => list.to_string(),
    }
}

pub async fn my_tasks(state: &AppState, p: &Principal) -> ApiResult<TaskList> {
    let db = &state.db.read;
    let offset = state.settings.local_offset();
    let now = Utc::now();
    let today = now.with_timezone(&offset).date_naive();
    let local_date = |t: DateTime<Utc>| t.with_timezone(&offset).date_naive();
    let mut out: Vec<TaskOut> = Vec::new();

    let periods =
        store::tasks::list_periods_in_states(db, &[PeriodState::Open, PeriodState::Closed]).await?;
    let open: Vec<&period::Model> = periods
        .iter()
        .filter(|x| PeriodState::parse(&x.state) == Some(PeriodState::Open))
        .collect();
    let open_ids: Vec<Uuid> = open.iter().map(|x| x.id).collect();
    let by_id: HashMap<Uuid, &period::Model> = periods.iter().map(|x| (x.id, x)).collect();

    if let Some(me) = p.employee_id {
        // My own SKP of the year (only employees with a penilai have one to write).
        let year = open.first().map(|x| x.year).unwrap_or_else(|| {
            use chrono::Datelike;
            today.year()
        });
        if let Some(employee) = store::employees::find_by_id(db, me).await?
            && employee.active
            && employee.supervisor_id.is_some()
        {
            let plan = store::skp::find(db, me, year).await?;
            let status = plan.as_ref().and_then(|s| SkpStatus::parse(&s.status));
            let editable = status.is_none_or(|s| policy::plans::can_edit_plan(p, me, s));
            if let Some(kind) = skp_duty(status).filter(|_| editable) {
                let mut t = task(kind, 1, "/kinerja/skp");
                t.year = Some(year);
                out.push(t);
            }
        }

        // 360 forms I fill in.
        let forms = store::tasks::count_360_by_period(
            db,
            &open_ids,
            Some(me),
            None,
            &[AssignmentStatus::Assigned, AssignmentStatus::Draft],
        )
        .await?;
        for (period_id, n) in forms {
            if let Some(x) = by_id.get(&period_id) {
                out.push(in_period(
                    task(TaskKind::Form360, n, "/kinerja/360"),
                    x,
                    x.deadline_360,
                ));
            }
        }

        // My direct reports: plans to approve, members to rate and finalise, nominations.
        let subs = store::skp::list_direct_subordinates(db, me).await?;
        if !subs.is_empty() {
            let sub_ids: Vec<Uuid> = subs.iter().map(|e| e.id).collect();
            let plans = store::skp::list_for_employees(db, sub_ids.clone(), year).await?;
            let mut to_approve: Vec<String> = subs
                .iter()
                .filter(|e| {
                    plans
                        .get(&e.id)
                        .and_then(|s| SkpStatus::parse(&s.status))
                        .is_some_and(|s| policy::plans::can_decide_plan(p, e, s))
                })
                .map(|e| e.nip.clone())
                .collect();
            if !to_approve.is_empty() {
                to_approve.sort();
                let link = one_or_list(
                    "/tim/skp",
                    "/tim/skp",
                    to_approve.first().map(String::as_str),
                    to_approve.len(),
                );
                let mut t = task(TaskKind::SkpApprove, to_approve.len() as i64, link);
                t.year = Some(year);
                t.nips = to_approve;
                out.push(t);
            }

            let raters: Vec<&entity::employee::Model> = subs
                .iter()
                .filter(|e| policy::cycle::rater_of(p, e).is_some())
                .collect();
            let rated_ids: Vec<Uuid> = raters.iter().map(|e| e.id).collect();
            let statuses =
                store::tasks::list_evaluation_statuses(db, &open_ids, &rated_ids).await?;
            let status_of: HashMap<(Uuid, Uuid), String> = statuses
                .into_iter()
                .map(|(pe, em, s)| ((pe, em), s))
                .collect();
            for x in &open {
                let mut waiting: HashMap<TaskKind, Vec<String>> = HashMap::new();
                for e in &raters {
                    let status = status_of.get(&(x.id, e.id)).map(String::as_str);
                    if let Some(kind) = rating_duty(status) {
                        waiting.entry(kind).or_default().push(e.nip.clone());
                    }
                }
                for kind in [TaskKind::MemberRate, TaskKind::MemberFinalise] {
                    let Some(nips) = waiting.remove(&kind) else {
                        continue;
                    };
                    let link = one_or_list(
                        "/tim",
                        "/tim/pegawai",
                        nips.first().map(String::as_str),
                        nips.len(),
                    );
                    let mut t = in_period(
                        task(kind, nips.len() as i64, link),
                        x,
                        x.evaluation_deadline,
                    );
                    t.nips = nips;
                    out.push(t);
                }
            }

            let nominations = store::tasks::count_360_by_period(
                db,
                &open_ids,
                None,
                Some(&sub_ids),
                &[AssignmentStatus::Nominated],
            )
            .await?;
            for (period_id, n) in nominations {
                if let Some(x) = by_id.get(&period_id) {
                    out.push(in_period(
                        task(TaskKind::NominationDecide, n, "/tim"),
                        x,
                        x.deadline_360,
                    ));
                }
            }
        }

        // Development plan items due within the horizon (or overdue).
        let (n, first_due) = store::tasks::count_plan_items_due(
            db,
            me,
            today + Duration::days(PLAN_ITEM_HORIZON_DAYS),
        )
        .await?;
        if n > 0 {
            let mut t = task(TaskKind::PlanItemDue, n, "/career");
            t.deadline = first_due;
            out.push(t);
        }
    }

    // Appeals: statements I owe as penilai, decisions I owe as atasan (or HR).
    let page = PageReq {
        page: 1,
        per_page: APPEALS_MAX,
    };
    if let Some(me) = p.employee_id {
        let f = AppealFilter {
            penilai_id: Some(me),
            status: Some(AppealStatus::Filed),
            ..AppealFilter::default()
        };
        let (list, _) = store::appeals::list(db, &f, page).await?;
        let owed: Vec<_> = list
            .into_iter()
            .filter(|a| {
                a.penilai_statement.is_none()
                    && policy::cycle::statement_side(p, a, me) == Some(StatementSide::Penilai)
            })
            .collect();
        if !owed.is_empty() {
            let first = owed
                .iter()
                .map(|a| statement_deadline(a.filed_at, offset))
                .min();
            let id = owed[0].id.to_string();
            let mut t = task(
                TaskKind::AppealStatement,
                owed.len() as i64,
                one_or_list("/tim/keberatan", "/tim/keberatan", Some(&id), owed.len()),
            );
            t.deadline = first.map(local_date);
            t.ids = owed.iter().take(IDS_MAX).map(|a| a.id).collect();
            out.push(t);
        }
    }
    let hr = policy::cycle::decides_for_hr(p);
    if p.employee_id.is_some() || hr {
        let f = AppealFilter {
            decider_id: p.employee_id,
            hr_decides: hr,
            status: Some(AppealStatus::Filed),
            ..AppealFilter::default()
        };
        let (list, _) = store::appeals::list(db, &f, page).await?;
        let evaluation_ids: Vec<Uuid> = list.iter().map(|a| a.evaluation_id).collect();
        let evaluations = store::evaluations::list_evaluations_by_ids(db, evaluation_ids).await?;
        let penilai: HashMap<Uuid, Uuid> =
            evaluations.iter().map(|e| (e.id, e.penilai_id)).collect();
        let to_decide: Vec<_> = list
            .into_iter()
            .filter(|a| {
                let ready =
                    ready_to_decide(a.penilai_statement.is_some(), a.filed_at, now, offset).is_ok();
                ready
                    && penilai
                        .get(&a.evaluation_id)
                        .is_some_and(|pen| policy::cycle::can_decide_appeal(p, a, *pen))
            })
            .collect();
        if !to_decide.is_empty() {
            let id = to_decide[0].id.to_string();
            let mut t = task(
                TaskKind::AppealDecide,
                to_decide.len() as i64,
                one_or_list(
                    "/tim/keberatan",
                    "/tim/keberatan",
                    Some(&id),
                    to_decide.len(),
                ),
            );
            t.ids = to_decide.iter().take(IDS_MAX).map(|a| a.id).collect();
            out.push(t);
        }
    }

    // HR: units whose members block publication; citizen submissions held.
    if policy::cycle::can_manage_periods(p).granted() {
        for x in &periods {
            let (blockers, _) = crate::app::exemptions::blockers_with_units(db, x.id, None).await?;
            let mut units: Vec<&str> = blockers.iter().map(|b| b.unit_code.as_str()).collect();
            units.sort_unstable();
            units.dedup();
            if !units.is_empty() {
                out.push(in_period(
                    task(
                        TaskKind::PublicationBlocked,
                        units.len() as i64,
                        format!("/hr/periods/{}/progress", x.id),
                    ),
                    x,
                    x.evaluation_deadline,
                ));
            }
        }
    }
    if policy::feedback::can_manage_feedback(p).granted() {
        let n = store::tasks::count_held_submissions(db).await? as i64;
        if n > 0 {
            out.push(task(TaskKind::FeedbackHeld, n, "/feedback/moderation"));
        }
    }

    for t in &mut out {
        t.overdue = t.deadline.is_some_and(|d| d < today);
    }
    out.sort_by(|a, b| {
        (!a.overdue, a.deadline.is_none(), a.deadline, a.kind).cmp(&(
            !b.overdue,
            b.deadline.is_none(),
            b.deadline,
            b.kind,
        ))
    });
    let total = out.iter().map(|t| t.count).sum();
    Ok(TaskList { items: out, total })
}
