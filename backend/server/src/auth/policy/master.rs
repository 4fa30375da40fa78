//! Permissions — Master data, accounts, API keys, citizen feedback, IKM and the audit log: who manages and reads.
//!
//! Who reads an employee (`can_read_employee`, `visible_employee_ids`) and who writes
//! master data (`can_write_master`) are in `policy` itself, used by every area.

use super::{Access, MANAGING_STAFF, staff_or_key};
use crate::auth::Principal;
use crate::domain::master::{ApiScope, Role};

/// May create sign-in accounts for employees, reset their passwords and (de)activate them
/// (admin, HR, keys with `accounts:write`).
pub fn can_manage_accounts(p: &Principal) -> Access {
    staff_or_key(p, MANAGING_STAFF, ApiScope::AccountsWrite)
}

/// May give an account a staff role (`admin`, `hr`, `auditor`): the admin only.
pub fn can_grant_staff_roles(p: &Principal) -> bool {
    p.has_role(Role::Admin)
}

/// May change an existing account's roles: the admin only (HR gets 403).
pub fn can_change_roles(p: &Principal) -> bool {
    p.has_role(Role::Admin)
}

/// May reset the password of, or (de)activate, an account holding `target_roles`: the
/// admin any account; HR and keys with `accounts:write` only accounts without the `hr` or
/// `admin` role.
pub fn can_reset_account(p: &Principal, target_roles: &[String]) -> bool {
    if p.has_role(Role::Admin) {
        return true;
    }
    (p.has_role(Role::Hr) || p.has_scope(ApiScope::AccountsWrite))
        && !target_roles
            .iter()
            .any(|r| r == Role::Hr.as_str() || r == Role::Admin.as_str())
}

/// May create, list and revoke API keys: the admin only.
pub fn can_manage_api_keys(p: &Principal) -> bool {
    p.has_role(Role::Admin)
}

/// May register webhooks and read their deliveries: the admin and API keys with
/// `webhooks:write`.
pub fn can_manage_webhooks(p: &Principal) -> bool {
    p.has_role(Role::Admin) || p.has_scope(ApiScope::WebhooksWrite)
}

/// Sees (and changes) a webhook registered by `created_by`: the admin every one, an API
/// key with `webhooks:write` those it registered itself.
pub fn can_see_webhook(p: &Principal, created_by: &str) -> bool {
    p.has_role(Role::Admin) || (p.has_scope(ApiScope::WebhooksWrite) && created_by == p.actor())
}

/// May read the audit log and verify its chain (auditor, admin, keys with `audit:read`;
/// a key, like the admin, reads it without who rated whom in the 360).
pub fn can_read_audit(p: &Principal) -> Access {
    staff_or_key(p, &[Role::Auditor, Role::Admin], ApiScope::AuditRead)
}

/// Object types of audit entries the caller does not see: who rated whom in the 360 is for
/// the auditor's eyes only (DOMAIN.md §5), so an admin reads the log without them.
pub fn hidden_audit_object_types(p: &Principal) -> &'static [&'static str] {
    if p.has_role(Role::Auditor) {
        &[]
    } else {
        &["rating_360"]
    }
}

/// Receives the change events meant for staff (admin, HR, auditor) on the event stream.
pub fn receives_staff_events(p: &Principal) -> bool {
    [Role::Admin, Role::Hr, Role::Auditor]
        .into_iter()
        .any(|r| p.has_role(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::PrincipalKind;
    use uuid::Uuid;

    fn user(roles: &[&str]) -> Principal {
        Principal {
            kind: PrincipalKind::User {
                user_id: Uuid::now_v7(),
            },
            employee_id: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            scopes: vec![],
        }
    }

    #[test]
    fn hr_manages_accounts_but_only_the_admin_grants_staff_roles() {
        assert!(can_manage_accounts(&user(&["hr"])).granted());
        assert!(can_manage_accounts(&user(&["admin"])).granted());
        assert!(!can_manage_accounts(&user(&["auditor"])).granted());
        assert!(!can_manage_accounts(&user(&["employee"])).granted());
        assert!(can_grant_staff_roles(&user(&["admin"])));
        assert!(!can_grant_staff_roles(&user(&["hr"])));
    }

    #[test]
    fn hr_resets_only_accounts_without_staff_write_roles_and_never_changes_roles() {
        let hr = user(&["hr"]);
        let staff = vec!["employee".to_string(), "hr".to_string()];
        let plain = vec!["employee".to_string()];
        assert!(can_reset_account(&hr, &plain));
        assert!(!can_reset_account(&hr, &staff));
        assert!(can_reset_account(&user(&["admin"]), &staff));
        assert!(!can_reset_account(&user(&["employee"]), &plain));
        assert!(!can_change_roles(&hr));
        assert!(can_change_roles(&user(&["admin"])));
    }

    #[test]
    fn only_the_admin_manages_api_keys() {
        assert!(can_manage_api_keys(&user(&["admin"])));
        assert!(!can_manage_api_keys(&user(&["hr"])));
        assert!(!can_manage_api_keys(&user(&["auditor"])));
    }

    #[test]
    fn the_auditor_and_the_admin_read_the_audit_log_but_the_admin_not_the_360_raters() {
        assert!(can_read_audit(&user(&["auditor"])).granted());
        assert!(can_read_audit(&user(&["admin"])).granted());
        assert!(!can_read_audit(&user(&["hr"])).granted());
        assert!(hidden_audit_object_types(&user(&["auditor"])).is_empty());
        assert_eq!(
            hidden_audit_object_types(&user(&["admin"])),
            &["rating_360"]
        );
    }

    #[test]
    fn staff_receive_staff_events_employees_do_not() {
        assert!(receives_staff_events(&user(&["hr"])));
        assert!(receives_staff_events(&user(&["auditor"])));
        assert!(!receives_staff_events(&user(&["employee"])));
    }
}
