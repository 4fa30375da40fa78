//! Request and response bodies of `api::accounts`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::master::Role;

#[derive(Deserialize, ToSchema)]
pub struct AccountInput {
    /// Roles of the account; `employee` is always included. Left out: the roles are kept
    /// (`employee` for a new account). Changing them is for the admin only.
    #[serde(default)]
    #[schema(value_type = Option<Vec<crate::dto::Role>>)]
    pub roles: Option<Vec<String>>,
    /// Issue a new one-time set-password code for an existing account; its password and
    /// sessions end at once.
    #[serde(default)]
    pub reset_password: bool,
    /// Deactivate (false) or reactivate (true) the account.
    #[serde(default)]
    pub active: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct AccountOut {
    /// Sign in with this NIP (or the email).
    pub username: String,
    pub email: Option<String>,
    pub roles: Vec<Role>,
    pub active: bool,
    /// Deprecated: always null. Accounts get a one-time `set_password_code` instead.
    #[schema(deprecated)]
    pub temporary_password: Option<String>,
    /// Only when created or reset: give it to the employee, who sets a password with it
    /// (`POST /auth/set-password`) within 24 hours; it is not shown again.
    pub set_password_code: Option<String>,
    pub set_password_code_expires_at: Option<chrono::DateTime<chrono::Utc>>,
}
