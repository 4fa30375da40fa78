//! The release of a round's 360 results as one snapshot (ADR 0013): recorded once per
//! period (`periods.released_360_at`) when `domain::ratings360::release` says it is due,
//! with its audit entry, then announced to the round's ratees and supervisors with the
//! event `results360_released`. Run once a minute by `startup`, and at once when a period
//! closes or its 360 settings change.

use chrono::Utc;
use sea_orm::TransactionTrait;
use serde_json::json;

use super::today;
use crate::domain::period::PeriodState;
use crate::domain::ratings360::release;
use crate::error::ApiResult;
use crate::events::{Audience, EventKind};
use crate::state::AppState;
use crate::store;

/// Records and announces every release that is due; returns how many periods were released.
pub async fn announce_due(state: &AppState) -> ApiResult<usize> {
    let today = today(&state.settings);
    let due: Vec<_> = store::periods::list_unreleased_360(&state.db.read)
        .await?
        .into_iter()
        .filter(|p| {
            release::release_due(
                p.released_360_at.is_some(),
                p.deadline_360,
                PeriodState::parse(&p.state),
                today,
            )
        })
        .collect();
    let mut released = 0;
    for period in due {
        let txn = state.db.write.begin().await?;
        if !store::periods::mark_released_360(&txn, period.id, Utc::now()).await? {
            continue;
        }
        store::audit::append(
            &txn,
            "system",
            "period.release_360",
            "period",
            &period.id.to_string(),
            json!({ "deadline_360": period.deadline_360, "state": period.state }),
        )
        .await?;
        let audience = store::periods::list_360_release_audience(&txn, period.id).await?;
        txn.commit().await?;
        released += 1;
        let ids = vec![period.id.to_string()];
        for employee in audience {
            state.events.publish(
                EventKind::Results360Released,
                ids.clone(),
                Audience::Employee(employee),
            );
        }
        state
            .events
            .publish(EventKind::Results360Released, ids, Audience::Staff);
    }
    Ok(released)
}
