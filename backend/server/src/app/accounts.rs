//! Use cases of `accounts` (see `api::accounts` for the HTTP side): the sign-in account of
//! an employee, created with a one-time set-password code shown once, its roles, a reset
//! (a new code) and (de)activation. A reset, a role change and a deactivation end the
//! account's sessions at once (ADR 0016).

use crate::app::notifications::{Notice, announce, notify_users};
use crate::domain::notification::Kind;
use sea_orm::TransactionTrait;
use serde_json::json;

use crate::auth::{Principal, policy, secret};
use crate::domain::master::{Role, account_roles, full_name, grants_staff_role};
use crate::dto::accounts::{AccountInput, AccountOut};
use crate::error::{ApiError, ApiResult};
use crate::events::{Audience, EventKind};
use crate::state::AppState;
use crate::store;

/// How long a set-password code is valid.
const CODE_TTL_HOURS: i64 = 24;

fn same_roles(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|r| b.contains(r))
}

/// Creates or updates the account of the employee `nip`; returns the account and whether
/// it was created. Without `roles` the roles are kept (`employee` for a new account).
pub async fn put_employee_account(
    state: &AppState,
    p: &Principal,
    nip: &str,
    input: &AccountInput,
) -> ApiResult<(AccountOut, bool)> {
    policy::require(policy::master::can_manage_accounts(p))?;
    let requested = match &input.roles {
        Some(r) => Some(account_roles(r).map_err(|r| {
            ApiError::field(
                "roles",
                format!("Peran '{r}' tidak dikenal; pilih dari: {}", Role::list()),
            )
        })?),
        None => None,
    };
    if let Some(r) = &requested
        && grants_staff_role(r)
        && !policy::master::can_grant_staff_roles(p)
    {
        return Err(ApiError::Forbidden);
    }
    let requested: Option<Vec<String>> =
        requested.map(|r| r.iter().map(|x| x.as_str().to_string()).collect());
    let txn = state.db.write.begin().await?;
    let e = store::employees::find_by_nip(&txn, nip.trim())
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Pegawai dengan NIP {nip} tidak ditemukan")))?;
    let existing = store::users::find_by_employee(&txn, e.id).await?;
    let created = existing.is_none();
    let (user, roles_changed) = match existing {
        Some(u) => {
            let current = store::users::roles_of(&u);
            let roles = requested.clone().unwrap_or_else(|| current.clone());
            let roles_changed = !same_roles(&roles, &current);
            if roles_changed && !policy::master::can_change_roles(p) {
                return Err(ApiError::Forbidden);
            }
            let touches_access =
                input.reset_password || input.active.is_some_and(|a| a != u.active);
            if touches_access && !policy::master::can_reset_account(p, &current) {
                return Err(ApiError::Forbidden);
            }
            let active = input.active.filter(|a| *a != u.active);
            let changed = roles_changed || active.is_some();
            let u = if changed {
                store::users::update_account(&txn, u, &roles, active).await?
            } else {
                u
            };
            (u, roles_changed)
        }
        None => {
            let roles = requested
                .clone()
                .unwrap_or_else(|| vec![Role::Employee.as_str().to_string()]);
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
                    password_hash: String::new(),
                    roles,
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
            let u = if input.active == Some(false) {
                store::users::set_active(&txn, u, false).await?
            } else {
                u
            };
            (u, false)
        }
    };
    let reset = !created && input.reset_password;
    let code = (created || reset).then(secret::set_password_code);
    let expires = chrono::Utc::now() + chrono::Duration::hours(CODE_TTL_HOURS);
    let user = match &code {
        Some(c) => {
            store::users::set_password_code(&txn, user, secret::set_password_code_hash(c), expires)
                .await?
        }
        None => user,
    };
    let deactivated = !created && input.active == Some(false) && !user.active;
    let ends_sessions = reset || roles_changed || deactivated;
    let user = if ends_sessions {
        // Sessions of the old password, roles or an inactive account end now.
        store::tokens::revoke_user(&txn, user.id).await?;
        store::users::bump_session(&txn, user).await?
    } else {
        user
    };
    let roles = store::users::roles_of(&user);
    store::audit::append(
        &txn,
        &p.actor(),
        if created {
            "account.create"
        } else {
            "account.update"
        },
        "user",
        &user.id.to_string(),
        json!({ "nip": e.nip, "roles": roles, "reset_password": reset, "active": user.active }),
    )
    .await?;
    if roles_changed {
        store::audit::append(
            &txn,
            &p.actor(),
            "account.roles_change",
            "user",
            &user.id.to_string(),
            json!({ "nip": e.nip, "roles": roles }),
        )
        .await?;
    }
    let notified = if reset {
        let notice = Notice::new(
            Kind::AccountReset,
            "Kata sandi akun Anda disetel ulang",
            "Kata sandi akun Kinerja360 Anda telah disetel ulang oleh admin/HR dan semua sesi \
             Anda telah diakhiri. Mintalah kode setel kata sandi kepada HR, lalu buka halaman \
             Setel Kata Sandi. Bila Anda tidak memintanya, hubungi HR.",
            "/set-password",
        );
        notify_users(&txn, &state.settings, std::slice::from_ref(&user), &notice).await?
    } else {
        Vec::new()
    };
    txn.commit().await?;
    state.sessions.forget(user.id);
    // The reset event first: the stream of the ended session closes at its next event, and the
    // employee must still learn why.
    if reset {
        state.events.publish(
            EventKind::AccountReset,
            vec![user.id.to_string()],
            Audience::User(user.id),
        );
    }
    announce(state, &notified);
    let out = AccountOut {
        username: e.nip,
        email: user.email.clone(),
        roles: Role::parse_list(&user.roles),
        active: user.active,
        temporary_password: None,
        set_password_code: code,
        set_password_code_expires_at: user
            .set_password_code_expires_at
            .filter(|_| created || reset),
    };
    Ok((out, created))
}
