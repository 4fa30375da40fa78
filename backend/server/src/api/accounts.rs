//! Sign-in accounts for employees that arrive from the HR system: HR creates an account
//! (the NIP is the username) with a temporary password shown once, changes its roles, or
//! resets its password. Only an admin grants `admin`, `hr` or `auditor`.

use actix_web::{HttpResponse, put, web};
use chrono::Utc;
use rand::RngCore;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{Principal, ROLES, password, policy};
use crate::domain::master::full_name;
use crate::error::{ApiError, ApiResult, ErrorResponse};
use crate::state::AppState;
use crate::store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(put_employee_account);
}

#[derive(Deserialize, ToSchema)]
pub struct AccountInput {
    /// Roles of the account; `employee` is always included.
    #[serde(default)]
    #[schema(value_type = Vec<crate::api::Role>)]
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
    #[schema(value_type = Vec<crate::api::Role>)]
    pub roles: Vec<String>,
    pub active: bool,
    /// Only when created or reset: give it to the employee; it is not shown again.
    pub temporary_password: Option<String>,
}

/// Readable temporary passwords without ambiguous characters.
fn temporary_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 14];
    rand::rng().fill_bytes(&mut b);
    b.iter()
        .map(|x| ALPHABET[*x as usize % ALPHABET.len()] as char)
        .collect()
}

/// Creates (201) or updates (200) the sign-in account of an employee (admin, HR).
#[utoipa::path(
    tag = "employees",
    params(("nip" = String, Path, description = "NIP or NI PPPK")),
    request_body = AccountInput,
    security(("bearer_auth" = [])),
    responses(
        (status = 200, description = "Updated", body = AccountOut),
        (status = 201, description = "Created, with a temporary password", body = AccountOut),
        (status = 400, body = ErrorResponse),
        (status = 401, body = ErrorResponse),
        (status = 403, description = "Not admin/HR, or HR granting a staff role", body = ErrorResponse),
        (status = 404, body = ErrorResponse),
        (status = 413, body = ErrorResponse),
        (status = 415, body = ErrorResponse),
        (status = 422, body = ErrorResponse),
    )
)]
#[put("/employees/{nip}/account")]
pub async fn put_employee_account(
    state: web::Data<AppState>,
    p: Principal,
    nip: web::Path<String>,
    body: web::Json<AccountInput>,
) -> ApiResult<HttpResponse> {
    policy::require(p.has_role("admin") || p.has_role("hr"))?;
    let mut roles: Vec<String> = vec!["employee".into()];
    for r in &body.roles {
        if !ROLES.contains(&r.as_str()) {
            return Err(ApiError::field(
                "roles",
                format!(
                    "Peran '{r}' tidak dikenal; pilih dari: {}",
                    ROLES.join(", ")
                ),
            ));
        }
        if !roles.contains(r) {
            roles.push(r.clone());
        }
    }
    if roles.iter().any(|r| r != "employee") && !p.has_role("admin") {
        return Err(ApiError::Forbidden);
    }
    let txn = state.db.write.begin().await?;
    let e = store::employees::find_by_nip(&txn, nip.trim())
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    let existing = store::users::find_by_employee(&txn, e.id).await?;
    let created = existing.is_none();
    let temp = (created || body.reset_password).then(temporary_password);
    let hash = match &temp {
        Some(pw) => {
            let pw = pw.clone();
            Some(
                web::block(move || password::hash(&pw))
                    .await
                    .map_err(|err| anyhow::anyhow!("hashing failed: {err}"))??,
            )
        }
        None => None,
    };
    let user = match existing {
        Some(u) => {
            let mut am: entity::user::ActiveModel = u.into();
            am.roles = Set(roles.join(","));
            if let Some(h) = hash {
                am.password_hash = Set(h);
            }
            if let Some(a) = body.active {
                am.active = Set(a);
            }
            am.updated_at = Set(Utc::now());
            am.update(&txn).await?
        }
        None => {
            let u = store::users::insert(
                &txn,
                store::users::NewUser {
                    employee_id: Some(e.id),
                    name: full_name(
                        &e.name,
                        e.gelar_depan.as_deref(),
                        e.gelar_belakang.as_deref(),
                    ),
                    nip: Some(e.nip.clone()),
                    email: e.email.clone(),
                    password_hash: hash.unwrap_or_default(),
                    roles: roles.clone(),
                },
            )
            .await
            .map_err(|err| {
                crate::error::on_constraint(
                    err,
                    "uq_users_email",
                    "email",
                    "Email pegawai ini sudah dipakai akun lain",
                )
            })?;
            if body.active == Some(false) {
                let mut am: entity::user::ActiveModel = u.into();
                am.active = Set(false);
                am.update(&txn).await?
            } else {
                u
            }
        }
    };
    if body.reset_password || body.active == Some(false) {
        // Sessions of the old password (or a deactivated account) end now.
        store::tokens::revoke_user(&txn, user.id).await?;
    }
    store::audit::append(
        &txn,
        &p.actor(),
        if created { "account.create" } else { "account.update" },
        "user",
        &user.id.to_string(),
        json!({ "nip": e.nip, "roles": roles, "reset_password": body.reset_password, "active": user.active }),
    )
    .await?;
    txn.commit().await?;
    let out = AccountOut {
        username: e.nip,
        email: user.email.clone(),
        roles: store::users::roles_of(&user),
        active: user.active,
        temporary_password: temp,
    };
    Ok(if created {
        HttpResponse::Created().json(out)
    } else {
        HttpResponse::Ok().json(out)
    })
}
