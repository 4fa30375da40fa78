//! An evaluation period (a quarter or a month of a year).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub year: i32,
    /// `quarterly` or `monthly`.
    pub kind: String,
    /// Quarter 1–4 or month 1–12.
    pub number: i32,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Date,
    /// `draft`, `open`, `closed` or `published`.
    pub state: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub opened_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub published_at: Option<DateTimeUtc>,
    /// Whether this period runs a 360 round (HR may run it only in chosen quarters).
    pub run_360: bool,
    /// Last day raters may edit or submit their 360 responses.
    pub deadline_360: Option<Date>,
    /// Last day supervisors should rate (shown; the period's state enforces).
    pub evaluation_deadline: Option<Date>,
    /// When the 360 results were released as one snapshot (ADR 0013); set once.
    pub released_360_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
