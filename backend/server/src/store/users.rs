//! Queries on sign-in accounts.

use entity::user;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    prelude::Uuid,
};

/// Finds an account by NIP or (case-insensitive) email.
pub async fn find_by_login<C: ConnectionTrait>(
    conn: &C,
    username: &str,
) -> Result<Option<user::Model>, DbErr> {
    let username = username.trim();
    let column = if username.contains('@') {
        user::Column::Email
    } else {
        user::Column::Nip
    };
    let value = if username.contains('@') {
        username.to_lowercase()
    } else {
        username.to_string()
    };
    user::Entity::find()
        .filter(column.eq(value))
        .one(conn)
        .await
}

pub async fn find_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(id).one(conn).await
}

/// A new account.
pub struct NewUser {
    pub employee_id: Option<Uuid>,
    pub name: String,
    pub nip: Option<String>,
    pub email: Option<String>,
    pub password_hash: String,
    pub roles: Vec<String>,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, new: NewUser) -> Result<user::Model, DbErr> {
    let now = chrono::Utc::now();
    user::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(new.employee_id),
        name: Set(new.name),
        nip: Set(new.nip),
        email: Set(new.email.map(|e| e.to_lowercase())),
        password_hash: Set(new.password_hash),
        roles: Set(new.roles.join(",")),
        active: Set(true),
        session_version: Set(1),
        set_password_code_hash: Set(None),
        set_password_code_expires_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await
}

/// Roles as a list (stored comma-separated).
pub fn roles_of(u: &user::Model) -> Vec<String> {
    u.roles
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
}

pub async fn find_by_employee<C: ConnectionTrait>(
    conn: &C,
    employee_id: Uuid,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::EmployeeId.eq(employee_id))
        .one(conn)
        .await
}

/// Saves an account's roles and, when given, its active flag; `updated_at` is set to now.
pub async fn update_account<C: ConnectionTrait>(
    conn: &C,
    u: user::Model,
    roles: &[String],
    active: Option<bool>,
) -> Result<user::Model, DbErr> {
    let mut am: user::ActiveModel = u.into();
    am.roles = Set(roles.join(","));
    if let Some(a) = active {
        am.active = Set(a);
    }
    am.updated_at = Set(chrono::Utc::now());
    am.update(conn).await
}

/// Ends every session of an account: access tokens carrying an older version are refused.
pub async fn bump_session<C: ConnectionTrait>(
    conn: &C,
    u: user::Model,
) -> Result<user::Model, DbErr> {
    let next = u.session_version.saturating_add(1);
    let mut am: user::ActiveModel = u.into();
    am.session_version = Set(next);
    am.update(conn).await
}

/// Replaces the password with a pending one-time set-password code (its hash): the old
/// password stops working at once.
pub async fn set_password_code<C: ConnectionTrait>(
    conn: &C,
    u: user::Model,
    code_hash: String,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<user::Model, DbErr> {
    let mut am: user::ActiveModel = u.into();
    am.password_hash = Set(String::new());
    am.set_password_code_hash = Set(Some(code_hash));
    am.set_password_code_expires_at = Set(Some(expires_at));
    am.updated_at = Set(chrono::Utc::now());
    am.update(conn).await
}

/// Sets a new password hash and clears any pending set-password code.
pub async fn set_password<C: ConnectionTrait>(
    conn: &C,
    u: user::Model,
    password_hash: String,
) -> Result<user::Model, DbErr> {
    let mut am: user::ActiveModel = u.into();
    am.password_hash = Set(password_hash);
    am.set_password_code_hash = Set(None);
    am.set_password_code_expires_at = Set(None);
    am.updated_at = Set(chrono::Utc::now());
    am.update(conn).await
}

/// The account holding a pending set-password code (by the code's hash).
pub async fn find_by_code_hash<C: ConnectionTrait>(
    conn: &C,
    code_hash: &str,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::SetPasswordCodeHash.eq(code_hash))
        .one(conn)
        .await
}

/// Sets only the active flag of an account.
pub async fn set_active<C: ConnectionTrait>(
    conn: &C,
    u: user::Model,
    active: bool,
) -> Result<user::Model, DbErr> {
    let mut am: user::ActiveModel = u.into();
    am.active = Set(active);
    am.update(conn).await
}
