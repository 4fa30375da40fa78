//! Request and response bodies of `api::auth`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::domain::master::Role;
use crate::dto::employees::{EmployeeOut, EmployeeSummary};

#[derive(Deserialize, ToSchema, Validate)]
pub struct LoginRequest {
    /// NIP (18 digits) or email.
    #[schema(min_length = 1, max_length = 254)]
    #[validate(length(min = 1, max = 254, message = "NIP atau email wajib diisi"))]
    pub username: String,
    #[schema(min_length = 1, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "Kata sandi wajib diisi"))]
    pub password: String,
}

#[derive(Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    #[schema(min_length = 1, max_length = 512)]
    #[validate(length(min = 1, max = 512, message = "refresh_token wajib diisi"))]
    pub refresh_token: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
}

/// The signed-in account.
#[derive(Serialize, ToSchema)]
pub struct UserOut {
    pub id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub nip: Option<String>,
    pub roles: Vec<Role>,
}

impl From<&entity::user::Model> for UserOut {
    fn from(u: &entity::user::Model) -> Self {
        UserOut {
            id: u.id,
            name: u.name.clone(),
            email: u.email.clone(),
            nip: u.nip.clone(),
            roles: Role::parse_list(&u.roles),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeOut {
    pub user: UserOut,
    /// The employee record, when the account belongs to an employee.
    pub employee: Option<EmployeeOut>,
    /// The direct supervisor (pejabat penilai).
    pub supervisor: Option<EmployeeSummary>,
    /// Number of direct subordinates; more than zero makes the user a supervisor.
    pub subordinates_count: u64,
}
