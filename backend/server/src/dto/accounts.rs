//! Request and response bodies of `api::accounts`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::master::Role;

#[derive(Deserialize, ToSchema)]
pub struct AccountInput {
    /// Roles of the account; `employee` is always included.
    #[serde(default)]
    #[schema(value_type = Vec<crate::dto::Role>)]
    pub roles: Vec<String>,
    /// Issue a new temporary password for an existing account.
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
    /// Only when created or reset: give it to the employee; it is not shown again.
    pub temporary_password: Option<String>,
}
