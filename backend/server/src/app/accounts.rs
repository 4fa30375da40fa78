//! Use cases of `accounts` (see `api::accounts` for the HTTP side): the sign-in account of
//! an employee, created with a temporary password shown once, its roles, a password reset
//! and (de)activation.

use rand::RngCore;
use sea_orm::TransactionTrait;
use serde_json::json;

use crate::app::auth::blocking;
use crate::auth::{Principal, password, policy};
use crate::domain::master::{Role, account_roles, full_name, grants_staff_role};
use crate::dto::accounts::{AccountInput, AccountOut};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

/// Readable temporary passwords without ambiguous characters.
fn temporary_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 14];
    rand::rng().fill_bytes(&mut b);
    b.iter()
        .map(|x| ALPHABET[*x as usize % ALPHABET.len()] as char)
        .collect()
}

/// Creates or updates the account of the employee `nip`; returns the account and whether
/// it was created.
pub async fn put_employee_account(
    state: &AppState,
    p: &Principal,
    nip: &str,
    input: &AccountInput,
) -> ApiResult<(AccountOut, bool)> {
    policy::require(policy::master::can_manage_accounts(p))?;
    let roles = account_roles(&input.roles).map_err(|r| {
        ApiError::field(
            "roles",
            format!("Peran '{r}' tidak dikenal; pilih dari: {}", Role::list()),
        )
    })?;
    if grants_staff_role(&roles) && !policy::master::can_grant_staff_roles(p) {
        return Err(ApiError::Forbidden);
    }
    let roles: Vec<String> = roles.iter().map(|r| r.as_str().to_string()).collect();
    let txn = state.db.write.begin().await?;
    let e = store::employees::find_by_nip(&txn, nip.trim())
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    let existing = store::users::find_by_employee(&txn, e.id).await?;
    let created = existing.is_none();
    let temp = (created || input.reset_password).then(temporary_password);
    let hash = match &temp {
        Some(pw) => {
            let pw = pw.clone();
            Some(blocking("hashing", move || password::hash(&pw)).await??)
        }
        None => None,
    };
    let user = match existing {
        Some(u) => store::users::update_account(&txn, u, &roles, hash, input.active).await?,
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
            if input.active == Some(false) {
                store::users::set_active(&txn, u, false).await?
            } else {
                u
            }
        }
    };
    if input.reset_password || input.active == Some(false) {
        // Sessions of the old password (or a deactivated account) end now.
        store::tokens::revoke_user(&txn, user.id).await?;
    }
    store::audit::append(
        &txn,
        &p.actor(),
        if created { "account.create" } else { "account.update" },
        "user",
        &user.id.to_string(),
        json!({ "nip": e.nip, "roles": roles, "reset_password": input.reset_password, "active": user.active }),
    )
    .await?;
    txn.commit().await?;
    let out = AccountOut {
        username: e.nip,
        email: user.email.clone(),
        roles: Role::parse_list(&user.roles),
        active: user.active,
        temporary_password: temp,
    };
    Ok((out, created))
}
