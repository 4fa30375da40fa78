//! A sign-in account. `roles` is a comma-separated list of role names.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub employee_id: Option<Uuid>,
    pub name: String,
    pub nip: Option<String>,
    pub email: Option<String>,
    pub password_hash: String,
    pub roles: String,
    pub active: bool,
    /// Bumped whenever the account's sessions must end; access tokens carry it.
    pub session_version: i32,
    /// SHA-256 of a pending one-time set-password code.
    pub set_password_code_hash: Option<String>,
    pub set_password_code_expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
