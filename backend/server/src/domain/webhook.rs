//! Webhook rules (ADR 0021): the event kinds a subscription may ask for, which URLs are
//! accepted, and the signature every delivery carries.
//!
//! Signature: `X-Kinerja-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
//! over the exact bytes of the body.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit_anchor::hmac_sha256;
use super::master::string_enum;

/// Event kinds a webhook can subscribe to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum WebhookEvent {
    /// A period was published (one event per period).
    #[serde(rename = "period.published")]
    PeriodPublished,
    /// An employee's result is published: ratings and predikat (one event per employee).
    #[serde(rename = "result.ready")]
    ResultReady,
    /// An appeal decision changed an employee's ratings and predikat.
    #[serde(rename = "predikat.changed")]
    PredikatChanged,
}

string_enum!(WebhookEvent {
    PeriodPublished => "period.published",
    ResultReady => "result.ready",
    PredikatChanged => "predikat.changed",
});

impl WebhookEvent {
    /// Kinds stored comma-separated; unknown names are left out.
    pub fn parse_list(stored: &str) -> Vec<WebhookEvent> {
        stored
            .split(',')
            .map(str::trim)
            .filter_map(WebhookEvent::parse)
            .collect()
    }
}

/// The requested kinds, each once, in request order; an unknown name is the error.
pub fn event_kinds(requested: &[String]) -> Result<Vec<WebhookEvent>, String> {
    let mut kinds = Vec::new();
    for k in requested {
        let kind = WebhookEvent::parse(k.trim()).ok_or_else(|| k.clone())?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

/// Longest URL accepted.
pub const URL_MAX: usize = 2000;

/// Checks a receiver URL: `https`, or `http` to the local machine (127.0.0.1, ::1,
/// localhost) or anywhere outside production; a host; no user name or password in it;
/// no fragment. The error is the Indonesian message for the `url` field.
pub fn check_url(raw: &str, production: bool) -> Result<String, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > URL_MAX {
        return Err("URL wajib diisi (maksimal 2000 karakter)");
    }
    let url = url::Url::parse(raw).map_err(|_| "URL tidak valid")?;
    let host = url.host_str().unwrap_or("");
    if host.is_empty() {
        return Err("URL harus menyebut host");
    }
    let local = matches!(host, "127.0.0.1" | "[::1]" | "::1" | "localhost");
    match url.scheme() {
        "https" => {}
        "http" if local || !production => {}
        "http" => return Err("URL harus memakai https"),
        _ => return Err("URL harus memakai https (atau http ke 127.0.0.1)"),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("URL tidak boleh memuat nama pengguna atau kata sandi");
    }
    if url.fragment().is_some() {
        return Err("URL tidak boleh memuat fragmen (#)");
    }
    Ok(url.to_string())
}

/// The `X-Kinerja-Signature` value of `body` sent at `unix_time`.
pub fn signature(secret: &str, unix_time: i64, body: &str) -> String {
    let mac = hmac_sha256(secret.as_bytes(), format!("{unix_time}.{body}").as_bytes());
    format!("t={unix_time},v1={}", hex::encode(mac))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_parsed_once_each_and_unknown_ones_are_named() {
        let k = event_kinds(&[
            "result.ready".into(),
            "period.published".into(),
            "result.ready".into(),
        ]);
        assert_eq!(
            k,
            Ok(vec![
                WebhookEvent::ResultReady,
                WebhookEvent::PeriodPublished
            ])
        );
        assert_eq!(
            event_kinds(&["period.closed".into()]),
            Err("period.closed".into())
        );
        assert_eq!(
            WebhookEvent::parse_list("predikat.changed,x"),
            vec![WebhookEvent::PredikatChanged]
        );
    }

    #[test]
    fn https_is_accepted_and_http_only_locally_in_production() {
        assert!(check_url("https://simpeg.example.go.id/hooks", true).is_ok());
        assert!(check_url("http://127.0.0.1:9000/h", true).is_ok());
        assert!(check_url("http://localhost/h", true).is_ok());
        assert!(check_url("http://simpeg.example.go.id/h", true).is_err());
        assert!(check_url("http://simpeg.example.go.id/h", false).is_ok());
    }

    #[test]
    fn other_schemes_credentials_fragments_and_garbage_are_refused() {
        for bad in [
            "ftp://example.org/x",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://user:pw@example.org/h",
            "https://user@example.org/h",
            "https://example.org/h#frag",
            "not a url",
            "",
        ] {
            assert!(check_url(bad, false).is_err(), "{bad} accepted");
        }
        assert!(check_url(&format!("https://e.org/{}", "a".repeat(URL_MAX)), false).is_err());
    }

    #[test]
    fn the_signature_is_the_hmac_of_time_dot_body() {
        let sig = signature("rahasia", 1_700_000_000, "{\"a\":1}");
        let expected = hex::encode(hmac_sha256(b"rahasia", b"1700000000.{\"a\":1}"));
        assert_eq!(sig, format!("t=1700000000,v1={expected}"));
    }
}
