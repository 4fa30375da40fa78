//! Logging setup. Secrets and passwords are never logged: request bodies are not logged
//! at all, and the access log records method, path (without query), status and duration.

use tracing_subscriber::{EnvFilter, fmt};

pub fn init(filter: &str) {
    let filter = EnvFilter::try_from_env("RUST_LOG")
        .or_else(|_| EnvFilter::try_new(filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}
