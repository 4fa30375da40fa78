//! Authentication and authorisation.
//!
//! - `password`: argon2id hashing;
//! - `jwt`: short-lived HS256 access tokens (any other algorithm, including `none`, is refused);
//! - `secret`: random opaque tokens (refresh tokens, API keys) and their SHA-256 hashes;
//! - `extract`: the `Principal` extractor (a signed-in user or an API-key client);
//! - `policy`: every per-object permission check, in one place;
//! - `sessions`: the cached session version of each account and the event-stream tickets;
//! - `throttle`: failed sign-in counting for the 429 answer.

pub mod extract;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod secret;
pub mod sessions;
pub mod throttle;

pub use extract::{Principal, PrincipalKind};

/// Roles and API-key scopes, typed (`domain::master`). Being a supervisor is not a role: it
/// follows from the hierarchy.
pub use crate::domain::master::{ApiScope, Role};
