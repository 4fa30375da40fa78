//! Wire types of evaluation periods.

use chrono::{DateTime, NaiveDate, Utc};
use entity::period;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PageMeta;
pub use crate::domain::period::PeriodKind;
use crate::domain::period::PeriodState;

#[derive(Deserialize, ToSchema)]
pub struct PeriodCreate {
    #[schema(minimum = 2000, maximum = 2100)]
    #[serde(deserialize_with = "crate::dto::de::integral_i32")]
    pub year: i32,
    // Checked by the use case (422 naming `kind`), so it stays a string on input.
    #[schema(value_type = PeriodKind)]
    pub kind: String,
    /// First day (a quarter starts on 1 January, 1 April, 1 July or 1 October).
    pub starts_on: NaiveDate,
    /// Last day of the quarter or month.
    pub ends_on: NaiveDate,
    /// Whether this period runs a 360 round (default true).
    #[serde(default)]
    pub run_360: Option<bool>,
    /// Last day raters may edit or submit 360 responses (within the period or at most 60
    /// days after it).
    #[serde(default)]
    pub deadline_360: Option<NaiveDate>,
    /// Last day supervisors should rate (same bounds).
    #[serde(default)]
    pub evaluation_deadline: Option<NaiveDate>,
}

/// `Some(None)` for an explicit `null`, `None` when the field is absent.
fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<NaiveDate>>, D::Error> {
    Option::<NaiveDate>::deserialize(d).map(Some)
}

/// Changes to a period's 360 and deadline settings; absent fields stay, `null` clears.
#[derive(Deserialize, ToSchema)]
pub struct PeriodUpdate {
    #[serde(default)]
    pub run_360: Option<bool>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub deadline_360: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub evaluation_deadline: Option<Option<NaiveDate>>,
}

#[derive(Serialize, ToSchema)]
pub struct PeriodOut {
    pub id: Uuid,
    pub year: i32,
    pub kind: PeriodKind,
    /// Quarter 1–4 or month 1–12.
    pub number: i32,
    /// `Triwulan II 2026`.
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub state: PeriodState,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    /// Whether this period runs a 360 round.
    pub run_360: bool,
    /// Last day of the 360 round.
    pub deadline_360: Option<NaiveDate>,
    /// Last day supervisors should rate.
    pub evaluation_deadline: Option<NaiveDate>,
}

impl From<period::Model> for PeriodOut {
    fn from(p: period::Model) -> Self {
        PeriodOut {
            state: PeriodState::parse(&p.state).unwrap_or(PeriodState::Draft),
            kind: PeriodKind::parse(&p.kind).unwrap_or(PeriodKind::Quarterly),
            id: p.id,
            year: p.year,
            number: p.number,
            name: p.name,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            opened_at: p.opened_at,
            closed_at: p.closed_at,
            published_at: p.published_at,
            run_360: p.run_360,
            deadline_360: p.deadline_360,
            evaluation_deadline: p.evaluation_deadline,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PeriodList {
    pub items: Vec<PeriodOut>,
    pub meta: PageMeta,
}

#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub year: Option<i32>,
    #[param(minimum = 0)]
    pub page: Option<i32>,
    #[param(minimum = 0)]
    pub per_page: Option<i32>,
}
