//! Queries of the SIASN deliveries (one per period, employee and body kind).

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

use entity::siasn_delivery;

/// Every delivery of a period.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    period_id: Uuid,
) -> Result<Vec<siasn_delivery::Model>, DbErr> {
    siasn_delivery::Entity::find()
        .filter(siasn_delivery::Column::PeriodId.eq(period_id))
        .all(conn)
        .await
}

/// A delivery's outcome after one attempt.
pub struct Attempt {
    pub period_id: Uuid,
    pub employee_id: Uuid,
    pub kind: String,
    pub body_hash: String,
    pub body: String,
    pub status: String,
    pub attempts: i32,
    pub siasn_id: Option<String>,
    pub response: Option<String>,
    pub next_attempt_at: Option<chrono::DateTime<chrono::Utc>>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Records an attempt: updates `existing` or inserts the first row.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    existing: Option<siasn_delivery::Model>,
    a: Attempt,
) -> Result<siasn_delivery::Model, DbErr> {
    let insert = existing.is_none();
    let mut am: siasn_delivery::ActiveModel = match existing {
        Some(m) => m.into(),
        None => siasn_delivery::ActiveModel {
            id: Set(Uuid::now_v7()),
            period_id: Set(a.period_id),
            employee_id: Set(a.employee_id),
            kind: Set(a.kind),
            created_at: Set(a.at),
            ..Default::default()
        },
    };
    am.body_hash = Set(a.body_hash);
    am.body = Set(a.body);
    am.status = Set(a.status);
    am.attempts = Set(a.attempts);
    am.siasn_id = Set(a.siasn_id);
    am.response = Set(a.response);
    am.next_attempt_at = Set(a.next_attempt_at);
    am.last_attempt_at = Set(a.at);
    am.updated_at = Set(a.at);
    if insert {
        am.insert(conn).await
    } else {
        am.update(conn).await
    }
}
