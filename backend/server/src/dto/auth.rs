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

/// Deprecated body of refresh and logout, kept for one release for API clients: the
/// refresh token now travels in the `kinerja_refresh` cookie.
#[derive(Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    /// Deprecated: the `kinerja_refresh` cookie carries the refresh token.
    #[schema(min_length = 1, max_length = 512, deprecated)]
    #[validate(length(min = 1, max = 512, message = "refresh_token wajib diisi"))]
    pub refresh_token: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenPair {
    pub access_token: String,
    /// Deprecated: also set as the `HttpOnly` cookie `kinerja_refresh`; browsers must not
    /// store it. Kept in the body for one release for API clients.
    #[schema(deprecated)]
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
}

/// A new password set with a one-time set-password code.
#[derive(Deserialize, ToSchema, Validate)]
pub struct SetPasswordRequest {
    /// The code given by the admin/HR (dashes and case do not matter).
    #[schema(min_length = 1, max_length = 64)]
    #[validate(length(min = 1, max = 64, message = "Kode wajib diisi"))]
    pub code: String,
    /// At least 8 characters.
    #[schema(min_length = 8, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "Kata sandi baru wajib diisi"))]
    pub new_password: String,
}

/// A change of one's own password.
#[derive(Deserialize, ToSchema, Validate)]
pub struct ChangePasswordRequest {
    #[schema(min_length = 1, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "Kata sandi saat ini wajib diisi"))]
    pub current_password: String,
    /// At least 8 characters, different from the current one.
    #[schema(min_length = 8, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "Kata sandi baru wajib diisi"))]
    pub new_password: String,
}

/// A single-use ticket that opens the event stream (`GET /events?ticket=…`).
#[derive(Serialize, ToSchema)]
pub struct EventTicket {
    pub ticket: String,
    /// Seconds the ticket stays valid.
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
