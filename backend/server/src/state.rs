//! Shared application state handed to every handler.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::jwt::JwtKeys;
use crate::auth::throttle::LoginThrottle;
use crate::config::Settings;
use crate::events::EventBus;
use crate::store::Db;

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub jwt: JwtKeys,
    pub throttle: LoginThrottle,
    pub events: EventBus,
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
            db,
            settings,
        })
    }
}
