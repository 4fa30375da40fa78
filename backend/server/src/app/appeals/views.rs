//! The appeal views (with the parties, period and the caller's possible actions) and the
//! audiences of appeal events.

use chrono::{FixedOffset, Utc};
use std::collections::HashMap;
use uuid::Uuid;

use crate::auth::{Principal, policy};
use crate::domain::actions::{AllowedAction, allowed};
use crate::domain::appeal::{AppealStatus, Decision, ready_to_decide, statement_deadline};
use crate::domain::predikat::{Rating, predikat};
use crate::dto::appeals::{AppealOut, AppealPeriod, PersonRef, RatingsOut};
use crate::dto::evaluations::display_name;
use crate::error::ApiResult;
use crate::events::Audience;
use crate::events::EventKind;
use crate::state::AppState;
use crate::store;
use entity::{appeal, employee};

fn ratings(hk: &str, pk: &str) -> Option<RatingsOut> {
    let hk = Rating::parse(hk)?;
    let pk = Rating::parse(pk)?;
    Some(RatingsOut {
        rating_hasil_kerja: hk,
        rating_perilaku: pk,
        predikat: predikat(hk, pk).into(),
    })
}

fn person(e: Option<&employee::Model>) -> PersonRef {
    PersonRef {
        nip: e.map(|e| e.nip.clone()).unwrap_or_default(),
        name: e.map(display_name).unwrap_or_default(),
        jabatan: e.map(|e| e.jabatan.clone()).unwrap_or_default(),
    }
}

/// Views of appeals: loads their evaluations, people and periods by id sets.
pub(super) async fn views<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &Principal,
    offset: FixedOffset,
    list: Vec<appeal::Model>,
) -> ApiResult<Vec<AppealOut>> {
    let evals: HashMap<Uuid, entity::evaluation::Model> =
        store::evaluations::list_evaluations_by_ids(
            conn,
            list.iter().map(|a| a.evaluation_id).collect(),
        )
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let periods: HashMap<Uuid, entity::period::Model> =
        store::periods::list_by_ids(conn, evals.values().map(|e| e.period_id).collect())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let people = store::results::list_employees_by_ids(
        conn,
        list.iter()
            .flat_map(|a| [a.employee_id, a.decider_id])
            .chain(evals.values().map(|e| e.penilai_id)),
    )
    .await?;
    let now = Utc::now();
    Ok(list
        .into_iter()
        .filter_map(|a| {
            let ev = evals.get(&a.evaluation_id)?;
            let per = periods.get(&ev.period_id)?;
            let by_hr = policy::cycle::appeal_decided_by_hr(&a, ev.penilai_id);
            let open = AppealStatus::is_open(&a.status);
            // The decision waits for the penilai's statement or its lapse (domain::appeal).
            let ready =
                ready_to_decide(a.penilai_statement.is_some(), a.filed_at, now, offset).is_ok();
            let can_decide =
                open && ready && policy::cycle::can_decide_appeal(p, &a, ev.penilai_id);
            let statement = policy::cycle::statement_side(p, &a, ev.penilai_id);
            Some(AppealOut {
                id: a.id,
                evaluation_id: a.evaluation_id,
                period: AppealPeriod {
                    id: per.id,
                    name: per.name.clone(),
                },
                employee: person(people.get(&a.employee_id)),
                penilai: PersonRef {
                    jabatan: ev.penilai_jabatan.clone(),
                    ..person(people.get(&ev.penilai_id))
                },
                decider: (!by_hr).then(|| person(people.get(&a.decider_id))),
                decided_by_hr: by_hr,
                can_decide,
                can_write_statement: statement,
                allowed_actions: allowed(&[
                    (AllowedAction::DecideAppeal, can_decide),
                    (AllowedAction::WriteStatement, statement.is_some()),
                ]),
                penilai_statement_due: statement_deadline(a.filed_at, offset),
                old: ratings(&a.old_rating_hasil_kerja, &a.old_rating_perilaku),
                new: match (&a.new_rating_hasil_kerja, &a.new_rating_perilaku) {
                    (Some(hk), Some(pk)) => ratings(hk, pk),
                    _ => None,
                },
                status: AppealStatus::parse(&a.status)?,
                decision: a.decision.as_deref().and_then(Decision::parse),
                reasons: a.reasons,
                employee_statement: a.employee_statement,
                penilai_statement: a.penilai_statement,
                decision_reason: a.decision_reason,
                filed_at: a.filed_at,
                decided_at: a.decided_at,
            })
        })
        .collect())
}

pub(super) async fn view_one<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &Principal,
    offset: FixedOffset,
    a: appeal::Model,
) -> ApiResult<AppealOut> {
    views(conn, p, offset, vec![a])
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("appeal view").into())
}

/// The audiences of an appeal's events: the employee, the penilai and the decider (staff
/// when HR decides).
pub(super) fn notify(state: &AppState, kind: EventKind, a: &appeal::Model, penilai_id: Uuid) {
    let ids = vec![a.id.to_string()];
    state
        .events
        .publish(kind, ids.clone(), Audience::Employee(a.employee_id));
    state
        .events
        .publish(kind, ids.clone(), Audience::Employee(penilai_id));
    if policy::cycle::appeal_decided_by_hr(a, penilai_id) {
        state.events.publish(kind, ids, Audience::Staff);
    } else {
        state
            .events
            .publish(kind, ids, Audience::Employee(a.decider_id));
    }
}

/// Writes the notices of a filed or decided appeal in the caller's transaction: a filed
/// appeal tells the decider (HR when the penilai has no supervisor) and the penilai; a
/// decided one tells the employee and the penilai. Returns the accounts notified.
pub(super) async fn write_notices<C: sea_orm::ConnectionTrait>(
    conn: &C,
    state: &AppState,
    kind: EventKind,
    a: &appeal::Model,
    ev: &entity::evaluation::Model,
) -> ApiResult<Vec<Uuid>> {
    use crate::app::notifications::{Notice, notify_employees, notify_users};
    use crate::domain::notification::Kind;
    let period = store::periods::find(conn, ev.period_id)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let who = store::employees::find_by_id(conn, a.employee_id)
        .await?
        .map(|e| e.name)
        .unwrap_or_default();
    let team_link = format!("/tim/keberatan/{}", a.id);
    let mut notified = Vec::new();
    if kind == EventKind::AppealFiled {
        let notice = Notice::new(
            Kind::AppealFiled,
            format!("Keberatan baru: {who}"),
            format!("{who} mengajukan keberatan atas predikat periode {period}."),
            &team_link,
        );
        if policy::cycle::appeal_decided_by_hr(a, ev.penilai_id) {
            let hr = store::notifications::list_accounts_with_role(conn, "hr").await?;
            notified.extend(notify_users(conn, &state.settings, &hr, &notice).await?);
        }
        let people = [a.decider_id, ev.penilai_id];
        notified.extend(notify_employees(conn, &state.settings, &people, &notice).await?);
    } else {
        let outcome = match a.new_predikat.as_deref() {
            Some(p) => format!("Predikat diubah menjadi {p}."),
            None => "Predikat tetap.".to_string(),
        };
        let mine = Notice::new(
            Kind::AppealDecided,
            format!("Keberatan Anda periode {period} telah diputuskan"),
            format!("Keberatan Anda atas predikat periode {period} telah diputuskan. {outcome}"),
            "/kinerja/hasil",
        );
        notified.extend(notify_employees(conn, &state.settings, &[a.employee_id], &mine).await?);
        let theirs = Notice::new(
            Kind::AppealDecided,
            format!("Keberatan {who} telah diputuskan"),
            format!("Keberatan {who} atas predikat periode {period} telah diputuskan. {outcome}"),
            &team_link,
        );
        notified.extend(notify_employees(conn, &state.settings, &[ev.penilai_id], &theirs).await?);
    }
    Ok(notified)
}
