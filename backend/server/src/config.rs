//! Settings: one struct, loaded once at start from defaults, an optional TOML file
//! (`kinerja.toml` or `--config`), `KINERJA_*` environment variables and `DATABASE_URL`.
//!
//! Invariant: production mode never runs with a missing or default JWT secret or audit key.

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The JWT secret used in development when none is configured. Refused in production.
pub const DEV_JWT_SECRET: &str = "kinerja360-development-secret-change-me";

/// The audit key used in development and tests when none is configured. Refused in
/// production.
pub const DEV_AUDIT_KEY: &str = "kinerja360-development-audit-key-change-me";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Settings {
    /// `sqlite://./data/kinerja.db?mode=rwc` (default) or `postgres://…`.
    pub database_url: String,
    /// Address to listen on.
    pub bind: String,
    /// HMAC secret for access tokens (at least 32 characters in production).
    pub jwt_secret: String,
    /// HMAC key that anchors the audit log (ADR 0015): every entry and the head carry a mac
    /// with it. Keep it apart from the database and its backups (at least 32 characters in
    /// production); changing it makes every earlier entry fail verification.
    pub audit_key: String,
    pub env: Environment,
    /// Folder of the built SPA (`frontend/dist`); served at `/` when it exists.
    pub static_dir: PathBuf,
    /// Seed the demo data on start when the database has no units yet.
    pub seed_demo: bool,
    /// Connections of the read pool (SQLite) or the whole pool (PostgreSQL).
    pub db_pool_size: u32,
    /// Largest accepted request body, in bytes.
    pub max_body_bytes: usize,
    /// Lifetime of an access token, in seconds.
    pub access_token_ttl_secs: i64,
    /// Lifetime of a refresh token, in days.
    pub refresh_token_ttl_days: i64,
    /// Failed sign-ins per account (or per client address × 4) in the window before 429.
    pub login_max_failures: u32,
    /// The throttling window, in seconds.
    pub login_window_secs: i64,
    /// Deprecated: `true` means one trusted proxy (`trusted_proxies = 1`).
    pub trust_proxy: bool,
    /// Reverse proxies in front of the server (nginx in docker-compose: 1). The client
    /// address for throttling is the entry of `X-Forwarded-For` that many places from the
    /// right; 0 takes the socket peer and ignores the header.
    pub trusted_proxies: u32,
    /// Public address of this server as citizens reach it (printed in QR codes), e.g.
    /// `https://kinerja.mataramkota.go.id`. Defaults to `http://<bind>`.
    pub public_base_url: Option<String>,
    /// Offset of local time from UTC in minutes (WITA, Kota Mataram: 480). Months of
    /// reports and date ranges are local.
    pub utc_offset_minutes: i32,
    /// No index is shown below this many respondents (never below 1).
    pub feedback_min_respondents: i64,
    /// Citizen submissions accepted per client address per hour, per target, before 429.
    pub feedback_client_limit_per_hour: u32,
    /// Citizen submissions accepted per target per minute before 429.
    pub feedback_token_limit_per_minute: u32,
    /// Submissions from one client for one target within 10 minutes before the next is held.
    pub feedback_client_burst: u64,
    /// Submissions for one target within one minute before the next is held.
    pub feedback_target_burst: u64,
    /// Submissions per hour accepted from one kiosk (a desk's own tablet, ADR 0027) before 429.
    pub feedback_kiosk_limit_per_hour: u32,
    /// Submissions from one kiosk within 10 minutes before the next is held.
    pub feedback_kiosk_burst: u64,
    /// Days a salted client-address hash is kept (for abuse checks), then erased.
    pub feedback_hash_retention_days: i64,
    /// Folder for uploaded bukti dukung files (created on first upload).
    pub upload_dir: PathBuf,
    /// Largest accepted upload, in bytes.
    pub upload_max_bytes: usize,
    /// Fewest responses before an anonymous 360 group (peers, subordinates) is shown; never
    /// below 3 whatever is configured.
    pub anonymity_threshold: u32,
    /// Weights of the 360 rater groups in the suggested rating perilaku (renormalised over
    /// the groups that have results).
    pub weight_360_supervisor: f64,
    pub weight_360_peer: f64,
    pub weight_360_subordinate: f64,
    pub weight_360_public: f64,
    pub weight_360_self: f64,
    /// Days after publication during which an employee may appeal.
    pub appeal_days: i64,
    /// SMTP server for notification emails (ADR 0024), e.g. `smtps://user:pass@host:465`
    /// or `smtp://host:587?tls=required`. Email is off when neither this nor `smtp_host`
    /// is set. Never logged.
    pub smtp_url: Option<String>,
    /// SMTP host when `smtp_url` is not given (STARTTLS unless `smtp_tls` says otherwise).
    pub smtp_host: Option<String>,
    pub smtp_port: u16,
    pub smtp_user: Option<String>,
    /// Never logged.
    pub smtp_password: Option<String>,
    /// `starttls` (default), `tls` (implicit TLS) or `none` (plain, local relays only).
    pub smtp_tls: String,
    /// The sender of notification emails.
    pub mail_from: String,
    /// Seconds between two runs of the mail worker.
    pub mail_interval_secs: u64,
    /// Seconds between two runs of the deadline reminder job.
    pub reminder_interval_secs: u64,
    /// The agency (instansi) printed at the top of the official PDF documents, e.g.
    /// `Pemerintah Kota Mataram`; empty prints none.
    pub document_agency: String,
    /// The place printed before the date above the penilai's signature, e.g. `Mataram`;
    /// empty leaves a dotted blank to fill by hand.
    pub document_place: String,
    /// Log filter (`info`, `kinerja=debug,actix_web=info`, …).
    pub log: String,
    /// Runs the webhook delivery worker in this instance (ADR 0021). Several instances on one
    /// PostgreSQL may all run it: each delivery is claimed by one of them.
    pub webhooks_enabled: bool,
    /// How often the worker looks for due webhook deliveries, in milliseconds.
    pub webhook_poll_ms: u64,
    /// Timeout of one webhook delivery (connect and answer), in seconds.
    pub webhook_timeout_secs: u64,
    /// Length of one second of the retry schedule (`domain::backoff`) in milliseconds: 1000
    /// in operation; tests shrink it so a retry after "30 s" comes after 30 ms.
    pub webhook_retry_unit_ms: u64,
    /// SIASN web service base URL (`https://apimws.bkn.go.id:8243/apisiasn/1.0`); unset
    /// disables the SIASN push (ADR 0020).
    #[serde(default)]
    pub siasn_base_url: Option<String>,
    /// OAuth2 token URL of SIASN's gateway (`https://apimws.bkn.go.id/oauth2/token`).
    #[serde(default)]
    pub siasn_token_url: Option<String>,
    /// OAuth2 client id (consumer key) for the client-credentials grant.
    #[serde(default)]
    pub siasn_client_id: Option<String>,
    /// OAuth2 client secret (consumer secret); never logged.
    #[serde(default)]
    pub siasn_client_secret: Option<String>,
    /// Seconds to wait for one SIASN answer.
    #[serde(default = "default_siasn_timeout")]
    pub siasn_timeout_secs: u64,
}

fn default_siasn_timeout() -> u64 {
    30
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://./data/kinerja.db?mode=rwc".into(),
            bind: "127.0.0.1:8080".into(),
            jwt_secret: DEV_JWT_SECRET.into(),
            audit_key: DEV_AUDIT_KEY.into(),
            env: Environment::Development,
            static_dir: PathBuf::from("frontend/dist"),
            seed_demo: false,
            db_pool_size: 4,
            max_body_bytes: 2 * 1024 * 1024,
            access_token_ttl_secs: 15 * 60,
            refresh_token_ttl_days: 14,
            login_max_failures: 5,
            login_window_secs: 15 * 60,
            trust_proxy: false,
            trusted_proxies: 0,
            public_base_url: None,
            utc_offset_minutes: 480,
            feedback_min_respondents: 5,
            feedback_client_limit_per_hour: 30,
            feedback_token_limit_per_minute: 120,
            feedback_client_burst: 3,
            feedback_target_burst: 30,
            feedback_kiosk_limit_per_hour: 600,
            feedback_kiosk_burst: 100,
            feedback_hash_retention_days: 7,
            upload_dir: PathBuf::from("data/uploads"),
            upload_max_bytes: 10 * 1024 * 1024,
            anonymity_threshold: 3,
            weight_360_supervisor: 40.0,
            weight_360_peer: 20.0,
            weight_360_subordinate: 20.0,
            weight_360_public: 20.0,
            weight_360_self: 0.0,
            appeal_days: 14,
            smtp_url: None,
            smtp_host: None,
            smtp_port: 587,
            smtp_user: None,
            smtp_password: None,
            smtp_tls: "starttls".into(),
            mail_from: "Kinerja360 <noreply@localhost>".into(),
            mail_interval_secs: 30,
            reminder_interval_secs: 3600,
            document_agency: String::new(),
            document_place: String::new(),
            log: "info".into(),
            webhooks_enabled: true,
            webhook_poll_ms: 5000,
            webhook_timeout_secs: 10,
            webhook_retry_unit_ms: 1000,
            siasn_base_url: None,
            siasn_token_url: None,
            siasn_client_id: None,
            siasn_client_secret: None,
            siasn_timeout_secs: default_siasn_timeout(),
        }
    }
}

impl Settings {
    /// Loads the settings; `file` defaults to `kinerja.toml` in the working folder (optional).
    pub fn load(file: Option<&Path>) -> Result<Settings, Box<figment::Error>> {
        let file = file.map_or_else(|| PathBuf::from("kinerja.toml"), Path::to_path_buf);
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("KINERJA_").ignore(&["database_url"]))
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .merge(Env::prefixed("KINERJA_").only(&["database_url"]))
            .extract()
            .map_err(Box::new)
    }

    /// Refuses settings that are unsafe to run with; the message says why.
    pub fn check(&self) -> Result<(), String> {
        if self.env == Environment::Production {
            if self.jwt_secret == DEV_JWT_SECRET || self.jwt_secret.trim().is_empty() {
                return Err(
                    "KINERJA_JWT_SECRET is missing or still the development default; \
                     set a random secret of at least 32 characters before starting in production"
                        .into(),
                );
            }
            if self.jwt_secret.len() < 32 {
                return Err("KINERJA_JWT_SECRET is shorter than 32 characters; \
                     use a longer random secret in production"
                    .into());
            }
            if self.audit_key == DEV_AUDIT_KEY || self.audit_key.trim().len() < 32 {
                return Err(
                    "KINERJA_AUDIT_KEY is missing, too short or the development default; \
                     set a random key of at least 32 characters, kept apart from the database"
                        .into(),
                );
            }
        }
        if self.access_token_ttl_secs <= 0 || self.refresh_token_ttl_days <= 0 {
            return Err("token lifetimes must be positive".into());
        }
        let w = self.weights_360();
        let weights = [w.self_rating, w.supervisor, w.peer, w.subordinate, w.public];
        if weights.iter().any(|x| !x.is_finite() || *x < 0.0) || weights.iter().sum::<f64>() <= 0.0
        {
            return Err(
                "KINERJA_WEIGHT_360_* must be non-negative numbers and at least one above zero"
                    .into(),
            );
        }
        if self.upload_max_bytes == 0 {
            return Err("KINERJA_UPLOAD_MAX_BYTES must be positive".into());
        }
        if !["starttls", "tls", "none"].contains(&self.smtp_tls.as_str()) {
            return Err("KINERJA_SMTP_TLS must be starttls, tls or none".into());
        }
        if self.mail_interval_secs == 0 || self.reminder_interval_secs == 0 {
            return Err(
                "KINERJA_MAIL_INTERVAL_SECS and KINERJA_REMINDER_INTERVAL_SECS must be positive"
                    .into(),
            );
        }
        if self.appeal_days < 0 {
            return Err("KINERJA_APPEAL_DAYS must not be negative".into());
        }
        if self.siasn_base_url.is_some()
            && (self.siasn_token_url.is_none()
                || self.siasn_client_id.is_none()
                || self.siasn_client_secret.is_none())
        {
            return Err("KINERJA_SIASN_BASE_URL needs KINERJA_SIASN_TOKEN_URL, \
                 KINERJA_SIASN_CLIENT_ID and KINERJA_SIASN_CLIENT_SECRET"
                .into());
        }
        Ok(())
    }

    /// Trusted proxy hops: `trusted_proxies`, or 1 for the deprecated `trust_proxy = true`.
    pub fn proxy_hops(&self) -> u32 {
        if self.trusted_proxies == 0 && self.trust_proxy {
            1
        } else {
            self.trusted_proxies
        }
    }

    /// The base URL printed in QR codes, without a trailing slash.
    pub fn public_base(&self) -> String {
        self.public_base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
            .trim_end_matches('/')
            .to_string()
    }

    /// The local time zone of reports.
    pub fn local_offset(&self) -> chrono::FixedOffset {
        chrono::FixedOffset::east_opt(self.utc_offset_minutes * 60)
            .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("UTC is a valid offset"))
    }

    /// The 360 group weights.
    pub fn weights_360(&self) -> crate::domain::aggregation::Weights {
        crate::domain::aggregation::Weights {
            self_rating: self.weight_360_self,
            supervisor: self.weight_360_supervisor,
            peer: self.weight_360_peer,
            subordinate: self.weight_360_subordinate,
            public: self.weight_360_public,
        }
    }

    /// Whether notification emails are sent (an SMTP server is set).
    pub fn smtp_enabled(&self) -> bool {
        let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        set(&self.smtp_url) || set(&self.smtp_host)
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_or_all_zero_360_weights_are_refused() {
        let s = Settings {
            weight_360_peer: -1.0,
            ..Settings::default()
        };
        assert!(s.check().is_err());
        let zero = Settings {
            weight_360_supervisor: 0.0,
            weight_360_peer: 0.0,
            weight_360_subordinate: 0.0,
            weight_360_public: 0.0,
            weight_360_self: 0.0,
            ..Settings::default()
        };
        assert!(zero.check().is_err());
        assert!(Settings::default().check().is_ok());
    }

    #[test]
    fn production_refuses_the_default_secret() {
        let s = Settings {
            env: Environment::Production,
            ..Settings::default()
        };
        assert!(s.check().unwrap_err().contains("KINERJA_JWT_SECRET"));
    }

    #[test]
    fn production_refuses_a_short_secret_and_accepts_a_long_one() {
        let mut s = Settings {
            env: Environment::Production,
            jwt_secret: "short".into(),
            ..Settings::default()
        };
        assert!(s.check().is_err());
        s.jwt_secret = "x".repeat(40);
        s.audit_key = "k".repeat(40);
        assert!(s.check().is_ok());
    }

    #[test]
    fn production_refuses_a_missing_or_short_audit_key() {
        let mut s = Settings {
            env: Environment::Production,
            jwt_secret: "x".repeat(40),
            ..Settings::default()
        };
        assert!(s.check().unwrap_err().contains("KINERJA_AUDIT_KEY"));
        s.audit_key = "short".into();
        assert!(s.check().unwrap_err().contains("KINERJA_AUDIT_KEY"));
        s.audit_key = "a".repeat(32);
        assert!(s.check().is_ok());
    }

    #[test]
    fn development_runs_with_the_default_secret() {
        assert!(Settings::default().check().is_ok());
    }
}
