//! Wire types of the task inbox (`GET /api/v1/me/tasks`).

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub use crate::domain::tasks::TaskKind;

/// One pending duty of the signed-in person. The SPA writes the title from `kind` and the
/// parameters (period name, year, NIPs), in either language.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskOut {
    pub kind: TaskKind,
    /// How many objects wait (forms, members, appeals, units, items, submissions).
    pub count: i64,
    /// The last day to act, when the duty has one (local date).
    pub deadline: Option<NaiveDate>,
    /// Whether the deadline has passed.
    pub overdue: bool,
    /// The SPA route where the person acts.
    pub link: String,
    /// The period the duty belongs to, if any.
    pub period_id: Option<Uuid>,
    pub period_name: Option<String>,
    /// The SKP year, for SKP duties.
    pub year: Option<i32>,
    /// The employees concerned, when they are the caller's own direct reports (never a
    /// ratee of an anonymous form).
    pub nips: Vec<String>,
    /// The objects concerned (appeal ids for appeal duties), at most 50.
    pub ids: Vec<Uuid>,
}

/// Every pending duty, most urgent first (overdue, then by deadline, then by kind).
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskList {
    pub items: Vec<TaskOut>,
    /// The sum of the tasks' counts (the header badge).
    pub total: i64,
}
