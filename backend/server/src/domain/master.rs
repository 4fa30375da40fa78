//! Enumerations of master data (unit kinds, employee status, jenis jabatan, account roles,
//! API-key scopes) and the display rules for names with titles.
//!
//! The enums serialise to exactly the strings stored in the database and sent on the wire;
//! `as_str` gives that string, `parse` reads it back.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Declares a string enumeration: the variants with their stored strings, `ALL`, `as_str`,
/// `parse` and `Display`.
macro_rules! string_enum {
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored (and wire) string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Reads a stored string; `None` when it is not one of the values.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The stored strings, comma-separated (for messages).
            pub fn list() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_enum;

/// Unit kinds (documentation type; the handler validates the string).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Kecamatan,
    Kelurahan,
    Sekretariat,
    Seksi,
    Dinas,
    Bidang,
    Uptd,
    Lainnya,
}

string_enum!(UnitKind {
    Kecamatan => "kecamatan",
    Kelurahan => "kelurahan",
    Sekretariat => "sekretariat",
    Seksi => "seksi",
    Dinas => "dinas",
    Bidang => "bidang",
    Uptd => "uptd",
    Lainnya => "lainnya",
});

/// Employee status (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EmployeeStatus {
    #[serde(rename = "PNS")]
    Pns,
    #[serde(rename = "PPPK")]
    Pppk,
}

string_enum!(EmployeeStatus {
    Pns => "PNS",
    Pppk => "PPPK",
});

/// Kind of position (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JenisJabatan {
    Struktural,
    Fungsional,
    Pelaksana,
}

string_enum!(JenisJabatan {
    Struktural => "struktural",
    Fungsional => "fungsional",
    Pelaksana => "pelaksana",
});

/// Role of an account (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Hr,
    Auditor,
    Employee,
}

string_enum!(Role {
    Admin => "admin",
    Hr => "hr",
    Auditor => "auditor",
    Employee => "employee",
});

impl Role {
    /// Roles stored comma-separated (`employee,hr`), in stored order; unknown names are
    /// left out.
    pub fn parse_list(stored: &str) -> Vec<Role> {
        stored
            .split(',')
            .map(str::trim)
            .filter_map(Role::parse)
            .collect()
    }
}

/// Scope of an API key: what an integrating system (the regional HR system) may do in the
/// cycle it runs (ADR 0019). Personal acts (writing one's SKP, rating, 360 answers,
/// appeals) belong to people and no scope grants them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum ApiScope {
    /// Read units and employees.
    #[serde(rename = "master:read")]
    MasterRead,
    /// Write units and employees (PUT, import).
    #[serde(rename = "master:write")]
    MasterWrite,
    /// Read a period's results and their exports.
    #[serde(rename = "results:read")]
    ResultsRead,
    /// Push a period's results to SIASN (`POST /periods/{id}/siasn/push`).
    #[serde(rename = "siasn:push")]
    SiasnPush,
    #[serde(rename = "webhooks:write")]
    WebhooksWrite,
    /// Create sign-in accounts for employees, reset and (de)activate non-staff accounts.
    #[serde(rename = "accounts:write")]
    AccountsWrite,
    /// Create periods, change their settings, open/close/publish them, record exemptions,
    /// set org results and finalise units.
    #[serde(rename = "periods:write")]
    PeriodsWrite,
    /// Read the cycle: the unit overview and distributions, exemptions, all appeals, and
    /// every employee's SKP, realisasi and other performance records.
    #[serde(rename = "cycle:read")]
    CycleRead,
    /// Read feedback targets, tickets, submissions, the IKM and employees' citizen index.
    #[serde(rename = "feedback:read")]
    FeedbackRead,
    /// Manage feedback targets, tickets and moderation.
    #[serde(rename = "feedback:write")]
    FeedbackWrite,
    /// Read talent data of every unit: the 9-box grid, candidates, angka kredit.
    #[serde(rename = "talent:read")]
    TalentRead,
    /// Record potensi assessments and manage the training catalogue.
    #[serde(rename = "talent:write")]
    TalentWrite,
    /// Read the audit log (without who rated whom in the 360) and verify its chain.
    #[serde(rename = "audit:read")]
    AuditRead,
}

string_enum!(ApiScope {
    MasterRead => "master:read",
    MasterWrite => "master:write",
    ResultsRead => "results:read",
    SiasnPush => "siasn:push",
    WebhooksWrite => "webhooks:write",
    AccountsWrite => "accounts:write",
    PeriodsWrite => "periods:write",
    CycleRead => "cycle:read",
    FeedbackRead => "feedback:read",
    FeedbackWrite => "feedback:write",
    TalentRead => "talent:read",
    TalentWrite => "talent:write",
    AuditRead => "audit:read",
});

impl ApiScope {
    /// Scopes stored comma-separated, in stored order; unknown names are left out.
    pub fn parse_list(stored: &str) -> Vec<ApiScope> {
        stored
            .split(',')
            .map(str::trim)
            .filter_map(ApiScope::parse)
            .collect()
    }
}

/// Unit kinds accepted from the HR system.
pub const UNIT_KINDS: [&str; 8] = [
    "kecamatan",
    "kelurahan",
    "sekretariat",
    "seksi",
    "dinas",
    "bidang",
    "uptd",
    "lainnya",
];

/// Employee status.
pub const STATUSES: [&str; 2] = ["PNS", "PPPK"];

/// Kinds of position.
pub const JENIS_JABATAN: [&str; 3] = ["struktural", "fungsional", "pelaksana"];

/// The roles an account is saved with: `employee` always first, then the requested roles
/// in request order, each once. An unknown role name is returned as the error.
pub fn account_roles(requested: &[String]) -> Result<Vec<Role>, String> {
    let mut roles = vec![Role::Employee];
    for r in requested {
        let role = Role::parse(r).ok_or_else(|| r.clone())?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

/// Whether a set of roles includes a staff role (`admin`, `hr`, `auditor`), which only an
/// admin may grant.
pub fn grants_staff_role(roles: &[Role]) -> bool {
    roles.iter().any(|r| *r != Role::Employee)
}

/// The requested API-key scopes, each once, in request order. An unknown scope name is
/// returned as the error.
pub fn key_scopes(requested: &[String]) -> Result<Vec<ApiScope>, String> {
    let mut scopes = Vec::new();
    for s in requested {
        let scope = ApiScope::parse(s).ok_or_else(|| s.clone())?;
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    Ok(scopes)
}

/// Unit codes are what the HR system uses in URLs: letters, digits, `-`, `_`, `.`.
pub fn is_valid_unit_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The name as written on documents: `Drs. H. Lalu Ahmad, M.Si.`.
pub fn full_name(name: &str, gelar_depan: Option<&str>, gelar_belakang: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(d) = gelar_depan.map(str::trim).filter(|d| !d.is_empty()) {
        out.push_str(d);
        out.push(' ');
    }
    out.push_str(name.trim());
    if let Some(b) = gelar_belakang.map(str::trim).filter(|b| !b.is_empty()) {
        out.push_str(", ");
        out.push_str(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_name_places_titles_around_the_name() {
        assert_eq!(
            full_name("Lalu Ahmad", Some("Drs."), Some("M.Si.")),
            "Drs. Lalu Ahmad, M.Si."
        );
        assert_eq!(full_name("Baiq Nurul", None, Some(" ")), "Baiq Nurul");
    }

    #[test]
    fn unit_codes_are_url_safe() {
        assert!(is_valid_unit_code("CKN-KEL-CB"));
        assert!(!is_valid_unit_code("CKN KEL"));
        assert!(!is_valid_unit_code(""));
    }

    #[test]
    fn every_enumeration_reads_back_the_strings_it_stores() {
        for k in UNIT_KINDS {
            assert_eq!(UnitKind::parse(k).map(UnitKind::as_str), Some(k));
        }
        assert_eq!(UnitKind::ALL.len(), UNIT_KINDS.len());
        for s in STATUSES {
            assert_eq!(
                EmployeeStatus::parse(s).map(EmployeeStatus::as_str),
                Some(s)
            );
        }
        for j in JENIS_JABATAN {
            assert_eq!(JenisJabatan::parse(j).map(JenisJabatan::as_str), Some(j));
        }
        assert_eq!(Role::list(), "admin, hr, auditor, employee");
        assert_eq!(
            ApiScope::list(),
            "master:read, master:write, results:read, siasn:push, webhooks:write, \
             accounts:write, periods:write, cycle:read, feedback:read, feedback:write, \
             talent:read, talent:write, audit:read"
        );
        for s in ApiScope::ALL {
            assert_eq!(ApiScope::parse(s.as_str()), Some(*s));
        }
        assert_eq!(UnitKind::parse("Kecamatan"), None);
    }

    #[test]
    fn the_json_strings_are_the_stored_strings() {
        assert_eq!(
            serde_json::to_string(&EmployeeStatus::Pppk).unwrap(),
            "\"PPPK\""
        );
        assert_eq!(
            serde_json::to_string(&ApiScope::MasterWrite).unwrap(),
            "\"master:write\""
        );
        assert_eq!(serde_json::to_string(&Role::Hr).unwrap(), "\"hr\"");
        assert_eq!(serde_json::to_string(&UnitKind::Uptd).unwrap(), "\"uptd\"");
        assert_eq!(
            serde_json::to_string(&JenisJabatan::Fungsional).unwrap(),
            "\"fungsional\""
        );
    }

    #[test]
    fn an_account_always_has_the_employee_role_first_and_each_role_once() {
        let roles = account_roles(&["hr".into(), "employee".into(), "hr".into()]).unwrap();
        assert_eq!(roles, vec![Role::Employee, Role::Hr]);
        assert!(grants_staff_role(&roles));
        assert!(!grants_staff_role(&account_roles(&[]).unwrap()));
        assert_eq!(account_roles(&["boss".into()]), Err("boss".to_string()));
    }

    #[test]
    fn api_key_scopes_are_known_and_deduplicated() {
        let scopes = key_scopes(&["master:read".into(), "master:read".into()]).unwrap();
        assert_eq!(scopes, vec![ApiScope::MasterRead]);
        assert_eq!(key_scopes(&["all".into()]), Err("all".to_string()));
    }

    #[test]
    fn stored_role_lists_are_read_in_order_without_unknown_names() {
        assert_eq!(
            Role::parse_list("employee, hr,,x"),
            vec![Role::Employee, Role::Hr]
        );
        assert_eq!(
            ApiScope::parse_list("results:read,master:read"),
            vec![ApiScope::ResultsRead, ApiScope::MasterRead]
        );
    }
}
