//! The mail worker (ADR 0024): sends due outbox emails over SMTP with `lettre`.
//!
//! Each run takes up to `BATCH` due rows, claims each with a lease (`store::notifications::
//! claim_email`: one instance per row), sends it, and marks it sent, or records the failure
//! with the next attempt from `domain::backoff` (given up after its last attempt). A row
//! is deleted never; a crash leaves it claimed until the lease ends, then it is sent again.
//! The SMTP URL and password are never logged; an SMTP error is logged and stored without
//! them (lettre's errors do not carry credentials).

use chrono::{Duration, Utc};
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;
use crate::domain::backoff;
use crate::state::AppState;
use crate::store;

/// Emails per run.
const BATCH: u64 = 20;

/// How long a claimed email is held before another worker may take it.
const LEASE_SECONDS: i64 = 300;

type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// The SMTP transport of the settings, `None` when email is off.
pub fn transport(settings: &Settings) -> anyhow::Result<Option<Transport>> {
    if !settings.smtp_enabled() {
        return Ok(None);
    }
    if let Some(url) = settings
        .smtp_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    {
        // The URL may hold a password: its parse error is reported without it.
        let t = Transport::from_url(url.trim())
            .map_err(|_| anyhow::anyhow!("KINERJA_SMTP_URL is not a valid SMTP URL"))?
            .build();
        return Ok(Some(t));
    }
    let host = settings.smtp_host.as_deref().unwrap_or_default().trim();
    let mut b = match settings.smtp_tls.as_str() {
        "tls" => Transport::relay(host)?,
        "none" => Transport::builder_dangerous(host),
        _ => Transport::starttls_relay(host)?,
    }
    .port(settings.smtp_port);
    if let (Some(user), Some(pass)) = (&settings.smtp_user, &settings.smtp_password) {
        b = b.credentials(Credentials::new(user.clone(), pass.clone()));
    }
    Ok(Some(b.build()))
}

fn message(settings: &Settings, row: &entity::email_outbox::Model) -> anyhow::Result<Message> {
    let from: Mailbox = settings
        .mail_from
        .parse()
        .map_err(|_| anyhow::anyhow!("KINERJA_MAIL_FROM is not an email address"))?;
    let to: Mailbox = row
        .recipient
        .parse()
        .map_err(|_| anyhow::anyhow!("recipient is not an email address"))?;
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject(row.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(row.body.clone())?)
}

/// One run: sends what is due; returns how many were sent.
pub async fn deliver_due(state: &AppState, transport: &Transport) -> anyhow::Result<usize> {
    let db = &state.db.write;
    let now = Utc::now();
    let due = store::notifications::list_due_emails(db, now, BATCH).await?;
    let mut sent = 0;
    for row in due {
        let now = Utc::now();
        let lease = now + Duration::seconds(LEASE_SECONDS);
        if !store::notifications::claim_email(db, &row, now, lease).await? {
            continue;
        }
        let result = match message(&state.settings, &row) {
            Ok(m) => transport
                .send(m)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(()) => {
                store::notifications::mark_sent(db, row.id, Utc::now()).await?;
                sent += 1;
            }
            Err(error) => {
                let attempts = row.attempts.saturating_add(1);
                let at = Utc::now();
                let next = backoff::next_attempt_at(attempts.unsigned_abs(), at);
                tracing::warn!(email = %row.id, attempts, error = %error, given_up = next.is_none(), "email not delivered");
                let error: String = error.chars().take(500).collect();
                store::notifications::mark_failed(db, row.id, attempts, next, &error, at).await?;
            }
        }
    }
    Ok(sent)
}
