//! The outbound client of SIASN's web service (ADR 0020): OAuth2 client credentials
//! (`grant_type=client_credentials`, HTTP Basic with the client id and secret) against the
//! token URL, the token cached until shortly before it expires and fetched again once when
//! SIASN answers 401; then `POST {base}/skp22/save` or `/kinerjaperiodik/save` with the
//! bearer token. Secrets and tokens are never logged.

use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use crate::config::Settings;
use crate::domain::siasn::{Answer, SiasnKind, read_answer};

/// Seconds a token is used less than SIASN says, so it never expires mid-request.
const EXPIRY_MARGIN_SECS: u64 = 30;

/// Lifetime assumed when the token answer has no `expires_in`.
const DEFAULT_TOKEN_SECS: u64 = 3600;

/// (token URL, client id): one cached token per SIASN account.
type TokenKey = (String, String);

/// An access token and when it stops being used.
type CachedToken = (String, Instant);

/// Tokens by account, shared by every push of this process.
static TOKENS: LazyLock<Mutex<HashMap<TokenKey, CachedToken>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub struct SiasnClient {
    http: reqwest::Client,
    base_url: String,
    token_url: String,
    client_id: String,
    client_secret: String,
}

impl SiasnClient {
    /// The client of the configured SIASN, or `None` when the push is disabled (no base
    /// URL; `Settings::check` makes sure the rest is set with it).
    pub fn from_settings(s: &Settings) -> Option<SiasnClient> {
        let base = s
            .siasn_base_url
            .as_deref()?
            .trim_end_matches('/')
            .to_string();
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(s.siasn_timeout_secs.max(1)))
            .build()
            .ok()?;
        Some(SiasnClient {
            http,
            base_url: base,
            token_url: s.siasn_token_url.clone()?,
            client_id: s.siasn_client_id.clone()?,
            client_secret: s.siasn_client_secret.clone()?,
        })
    }

    fn key(&self) -> TokenKey {
        (self.token_url.clone(), self.client_id.clone())
    }

    /// A valid access token: the cached one, or a new one (always new with `fresh`).
    async fn token(&self, fresh: bool) -> Result<String, String> {
        let mut tokens = TOKENS.lock().await;
        if !fresh
            && let Some((token, until)) = tokens.get(&self.key())
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let resp = self
            .http
            .post(&self.token_url)
            .basic_auth(&self.client_id, Some(&self.client_secret))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("grant_type=client_credentials")
            .send()
            .await
            .map_err(|e| format!("token SIASN tidak dapat diminta: {}", e.without_url()))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(format!("token SIASN ditolak: HTTP {}", status.as_u16()));
        }
        let body: serde_json::Value = resp
            .json()
            .await
            .map_err(|_| "jawaban token SIASN bukan JSON".to_string())?;
        let token = body
            .get("access_token")
            .and_then(|t| t.as_str())
            .ok_or("jawaban token SIASN tanpa access_token")?
            .to_string();
        let secs = body
            .get("expires_in")
            .and_then(|v| v.as_u64())
            .unwrap_or(DEFAULT_TOKEN_SECS)
            .saturating_sub(EXPIRY_MARGIN_SECS);
        tokens.insert(
            self.key(),
            (token.clone(), Instant::now() + Duration::from_secs(secs)),
        );
        Ok(token)
    }

    async fn post(
        &self,
        kind: SiasnKind,
        token: &str,
        body: &serde_json::Value,
    ) -> Result<(u16, String), String> {
        let resp = self
            .http
            .post(format!("{}{}", self.base_url, kind.path()))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .map_err(|e| format!("SIASN tidak menjawab: {}", e.without_url()))?;
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        Ok((status, text))
    }

    /// Sends one body and reads SIASN's answer; a 401 gets a new token and one more try.
    pub async fn save(&self, kind: SiasnKind, body: &serde_json::Value) -> Answer {
        let mut fresh = false;
        loop {
            let token = match self.token(fresh).await {
                Ok(t) => t,
                Err(e) => return Answer::Transient(e),
            };
            match self.post(kind, &token, body).await {
                Err(e) => return Answer::Transient(e),
                Ok((401, _)) if !fresh => fresh = true,
                Ok((401, text)) => {
                    return Answer::Transient(format!(
                        "SIASN menolak token: HTTP 401 {}",
                        text.chars().take(200).collect::<String>()
                    ));
                }
                Ok((status, text)) => return read_answer(status, &text),
            }
        }
    }
}
