//! Sign-in accounts for employees that arrive from the HR system: HR creates an account
//! (the NIP is the username) with a temporary password shown once, changes its roles, or
//! resets its password. Only an admin grants `admin`, `hr` or `auditor`.

use actix_web::{HttpResponse, put, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::created_or_ok;
use crate::app;
use crate::auth::Principal;
use crate::dto::accounts::{AccountInput, AccountOut};
use crate::error::{ApiResult, ErrorResponse};
use crate::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, Unauthorized, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_employee_account);
}

/// Creates (201) or updates (200) the sign-in account of an employee (admin, HR).
#[utoipa::path(
    tag = "employees",
    params(("nip" = String, Path, description = "NIP or NI PPPK")),
    request_body = AccountInput,
    security(("bearer_auth" = []), ("api_key" = ["accounts:write"])),
    responses(
        (status = 200, description = "Updated", body = AccountOut),
        (status = 201, description = "Created, with a temporary password", body = AccountOut),
        (status = 403, description = "Not admin/HR, or HR granting a staff role", body = ErrorResponse),
        BadRequest, Unauthorized, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
    )
)]
#[put("/employees/{nip}/account")]
pub async fn put_employee_account(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<AccountInput>,
) -> ApiResult<HttpResponse> {
    let (out, created) = app::accounts::put_employee_account(&state, &p, &nip, &body).await?;
    Ok(created_or_ok(created, &out))
}
