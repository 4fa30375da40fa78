//! API keys of integrating systems, stored as SHA-256 hashes.

use entity::api_key;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, prelude::Uuid, sea_query::Expr,
};

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    name: String,
    prefix: String,
    key_hash: String,
    scopes: &[String],
    created_by: Option<Uuid>,
) -> Result<api_key::Model, DbErr> {
    api_key::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        prefix: Set(prefix),
        key_hash: Set(key_hash),
        scopes: Set(scopes.join(",")),
        created_by: Set(created_by),
        created_at: Set(chrono::Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(conn)
    .await
}

pub async fn find_active_by_hash<C: ConnectionTrait>(
    conn: &C,
    key_hash: &str,
) -> Result<Option<api_key::Model>, DbErr> {
    api_key::Entity::find()
        .filter(api_key::Column::KeyHash.eq(key_hash))
        .filter(api_key::Column::RevokedAt.is_null())
        .one(conn)
        .await
}

pub async fn list<C: ConnectionTrait>(conn: &C) -> Result<Vec<api_key::Model>, DbErr> {
    api_key::Entity::find()
        .order_by_desc(api_key::Column::CreatedAt)
        .all(conn)
        .await
}

pub async fn find_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<api_key::Model>, DbErr> {
    api_key::Entity::find_by_id(id).one(conn).await
}

pub async fn touch<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbErr> {
    api_key::Entity::update_many()
        .col_expr(
            api_key::Column::LastUsedAt,
            Expr::value(Some(chrono::Utc::now())),
        )
        .filter(api_key::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn revoke<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbErr> {
    api_key::Entity::update_many()
        .col_expr(
            api_key::Column::RevokedAt,
            Expr::value(Some(chrono::Utc::now())),
        )
        .filter(api_key::Column::Id.eq(id))
        .filter(api_key::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Scopes as a list (stored comma-separated).
pub fn scopes_of(k: &api_key::Model) -> Vec<String> {
    k.scopes
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
