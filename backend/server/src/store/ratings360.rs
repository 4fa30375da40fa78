//! 360-degree assignments and responses (being built).

use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use crate::config::Settings;
use crate::domain::predikat::Rating;

/// The suggested rating perilaku from a ratee's submitted 360 responses in a period, with
/// the weighted mean behind it. `None` when no group has results to count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    pub rating: Rating,
    pub mean: f64,
}

/// The suggestion the supervisor's behaviour rating is compared with.
pub async fn suggestion<C: ConnectionTrait>(
    _conn: &C,
    _settings: &Settings,
    _period: &entity::period::Model,
    _ratee_id: Uuid,
) -> Result<Option<Suggestion>, DbErr> {
    Ok(None)
}
