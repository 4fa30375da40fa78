//! Shared application state handed to every handler.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::jwt::JwtKeys;
use crate::auth::secret::ClientHasher;
use crate::auth::sessions::{SessionCache, SseTickets};
use crate::auth::throttle::{LoginThrottle, RateLimiter};
use crate::config::Settings;
use crate::events::EventBus;
use crate::store::Db;

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub jwt: JwtKeys,
    pub throttle: LoginThrottle,
    pub events: EventBus,
    /// Citizen submissions per client address (and target) per hour.
    pub feedback_per_client: RateLimiter,
    /// Citizen submissions per target per minute.
    pub feedback_per_token: RateLimiter,
    /// Citizen submissions per kiosk (desk tablet) per hour.
    pub feedback_per_kiosk: RateLimiter,
    pub client_hasher: ClientHasher,
    /// Each account's session version, cached for at most 30 s (ADR 0016).
    pub sessions: SessionCache,
    /// Single-use tickets that open the event stream.
    pub sse_tickets: SseTickets,
}

impl AppState {
    pub fn new(db: Db, settings: Arc<Settings>) -> anyhow::Result<Self> {
        Ok(AppState {
            jwt: JwtKeys::new(&settings.jwt_secret)?,
            throttle: LoginThrottle::new(
                settings.login_max_failures,
                Duration::from_secs(settings.login_window_secs.max(1) as u64),
            ),
            events: EventBus::new(),
            feedback_per_client: RateLimiter::new(
                settings.feedback_client_limit_per_hour,
                Duration::from_secs(3600),
            ),
            feedback_per_token: RateLimiter::new(
                settings.feedback_token_limit_per_minute,
                Duration::from_secs(60),
            ),
            feedback_per_kiosk: RateLimiter::new(
                settings.feedback_kiosk_limit_per_hour,
                Duration::from_secs(3600),
            ),
            client_hasher: ClientHasher::default(),
            sessions: SessionCache::default(),
            sse_tickets: SseTickets::default(),
            db,
            settings,
        })
    }
}
