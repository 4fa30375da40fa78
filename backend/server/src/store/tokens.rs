//! Refresh tokens: stored as SHA-256 hashes, rotated on every use, revoked by family.

use entity::refresh_token;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    prelude::Uuid, sea_query::Expr,
};

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    family_id: Uuid,
    token_hash: String,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<refresh_token::Model, DbErr> {
    refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(token_hash),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(conn)
    .await
}

pub async fn find_by_hash<C: ConnectionTrait>(
    conn: &C,
    token_hash: &str,
) -> Result<Option<refresh_token::Model>, DbErr> {
    refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(token_hash))
        .one(conn)
        .await
}

/// Marks a token as used (rotated). Returns false when it was already used, so two
/// concurrent refreshes with one token cannot both succeed.
pub async fn mark_used<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbErr> {
    let res = refresh_token::Entity::update_many()
        .col_expr(
            refresh_token::Column::UsedAt,
            Expr::value(Some(chrono::Utc::now())),
        )
        .filter(refresh_token::Column::Id.eq(id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Revokes every token of a sign-in (logout, or reuse of a rotated token).
pub async fn revoke_family<C: ConnectionTrait>(conn: &C, family_id: Uuid) -> Result<(), DbErr> {
    refresh_token::Entity::update_many()
        .col_expr(
            refresh_token::Column::RevokedAt,
            Expr::value(Some(chrono::Utc::now())),
        )
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Revokes every refresh token of a user (password reset, deactivation).
pub async fn revoke_user<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> Result<(), DbErr> {
    refresh_token::Entity::update_many()
        .col_expr(
            refresh_token::Column::RevokedAt,
            Expr::value(Some(chrono::Utc::now())),
        )
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
