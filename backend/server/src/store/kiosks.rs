//! Kiosk devices of feedback targets (ADR 0027), stored with the SHA-256 of their credential.

use chrono::{DateTime, Utc};
use entity::feedback_kiosk as kiosk;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, prelude::Uuid, sea_query::Expr,
};

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
    name: String,
    token_hash: String,
    created_by: String,
) -> Result<kiosk::Model, DbErr> {
    kiosk::ActiveModel {
        id: Set(Uuid::now_v7()),
        target_id: Set(target_id),
        name: Set(name),
        token_hash: Set(token_hash),
        created_by: Set(created_by),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(conn)
    .await
}

/// A target's kiosks, active ones first, newest first.
pub async fn list_for_target<C: ConnectionTrait>(
    conn: &C,
    target_id: Uuid,
) -> Result<Vec<kiosk::Model>, DbErr> {
    let mut list = kiosk::Entity::find()
        .filter(kiosk::Column::TargetId.eq(target_id))
        .order_by_desc(kiosk::Column::CreatedAt)
        .all(conn)
        .await?;
    list.sort_by_key(|k| k.revoked_at.is_some());
    Ok(list)
}

pub async fn find_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<kiosk::Model>, DbErr> {
    kiosk::Entity::find_by_id(id).one(conn).await
}

/// The active (not revoked) kiosk holding a credential with this hash.
pub async fn find_active_by_hash<C: ConnectionTrait>(
    conn: &C,
    token_hash: &str,
) -> Result<Option<kiosk::Model>, DbErr> {
    kiosk::Entity::find()
        .filter(kiosk::Column::TokenHash.eq(token_hash))
        .filter(kiosk::Column::RevokedAt.is_null())
        .one(conn)
        .await
}

/// Revokes a kiosk; false when it was already revoked.
pub async fn revoke<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbErr> {
    let r = kiosk::Entity::update_many()
        .col_expr(kiosk::Column::RevokedAt, Expr::value(Some(Utc::now())))
        .filter(kiosk::Column::Id.eq(id))
        .filter(kiosk::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(r.rows_affected > 0)
}

pub async fn touch<C: ConnectionTrait>(conn: &C, id: Uuid, at: DateTime<Utc>) -> Result<(), DbErr> {
    kiosk::Entity::update_many()
        .col_expr(kiosk::Column::LastUsedAt, Expr::value(Some(at)))
        .filter(kiosk::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}
