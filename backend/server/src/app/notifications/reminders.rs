//! Deadline reminders (ADR 0024), 3 days and 1 day before each deadline, for the people
//! who still have the duty:
//! - the 360 deadline of an open period: raters with a form not yet submitted;
//! - the evaluation deadline of an open period: direct supervisors of employees who have
//!   neither a final evaluation nor an exemption (`app::exemptions::blockers`);
//! - the appeal deadline of a published period: evaluated employees who filed no appeal.
//!
//! Idempotent: each reminder carries `domain::notification::reminder_key` in the unique
//! `dedup_key`, so a later run, a restart or another instance writes it (and its email)
//! never again.

use chrono::{NaiveDate, Utc};
use entity::period;
use sea_orm::TransactionTrait;
use uuid::Uuid;

use super::{Notice, announce, notify_employees};
use crate::domain::appeal::deadline as appeal_deadline;
use crate::domain::notification::{Kind, reminder_due, reminder_key, reminder_text};
use crate::domain::period::PeriodState;
use crate::domain::ratings360::AssignmentStatus;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;

/// Writes the reminders due on `today` (local date); returns how many accounts were
/// reminded.
pub async fn remind_due(state: &AppState, today: NaiveDate) -> ApiResult<usize> {
    let mut reminded = 0;
    let open = store::ratings360::list_periods_in_state(&state.db.read, PeriodState::Open).await?;
    for p in &open {
        if p.run_360
            && let Some(d) = p.deadline_360
        {
            reminded += remind(state, p, Kind::Reminder360, d, today).await?;
        }
        if let Some(d) = p.evaluation_deadline {
            reminded += remind(state, p, Kind::ReminderEvaluation, d, today).await?;
        }
    }
    let published =
        store::ratings360::list_periods_in_state(&state.db.read, PeriodState::Published).await?;
    for p in &published {
        if let Some(at) = p.published_at {
            let offset = state.settings.local_offset();
            let d = appeal_deadline(at, state.settings.appeal_days, offset)
                .with_timezone(&offset)
                .date_naive();
            reminded += remind(state, p, Kind::ReminderAppeal, d, today).await?;
        }
    }
    Ok(reminded)
}

/// The employees who still have the duty of `kind` in the period.
async fn who<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &period::Model,
    kind: Kind,
) -> ApiResult<Vec<Uuid>> {
    Ok(match kind {
        Kind::Reminder360 => {
            let pending: Vec<&str> = AssignmentStatus::PENDING
                .iter()
                .map(|s| s.as_str())
                .collect();
            store::notifications::list_raters_with_forms_in(conn, p.id, &pending).await?
        }
        Kind::ReminderEvaluation => {
            let nips: Vec<String> = crate::app::exemptions::blockers(conn, p.id, None)
                .await?
                .into_iter()
                .map(|b| b.nip)
                .collect();
            store::notifications::list_supervisors_of_nips(conn, &nips).await?
        }
        _ => store::notifications::list_evaluated_without_appeal(conn, p.id).await?,
    })
}

async fn remind(
    state: &AppState,
    p: &period::Model,
    kind: Kind,
    deadline: NaiveDate,
    today: NaiveDate,
) -> ApiResult<usize> {
    let Some(days_left) = reminder_due(deadline, today) else {
        return Ok(0);
    };
    let txn = state.db.write.begin().await?;
    let employees = who(&txn, p, kind).await?;
    let (title, body) = reminder_text(kind, &p.name, deadline, days_left);
    let link = match kind {
        Kind::Reminder360 => "/kinerja/360",
        Kind::ReminderEvaluation => "/tim",
        _ => "/kinerja/hasil",
    };
    let mut notified = Vec::new();
    for e in employees {
        let notice = Notice {
            dedup_key: Some(reminder_key(
                kind,
                &p.id.to_string(),
                &e.to_string(),
                days_left,
            )),
            ..Notice::new(kind, title.clone(), body.clone(), link)
        };
        notified.extend(notify_employees(&txn, &state.settings, &[e], &notice).await?);
    }
    txn.commit().await?;
    announce(state, &notified);
    Ok(notified.len())
}

/// One run of the reminder job for the current local date.
pub async fn run(state: &AppState) -> ApiResult<usize> {
    let today = Utc::now()
        .with_timezone(&state.settings.local_offset())
        .date_naive();
    remind_due(state, today).await
}
