//! Opaque random secrets (refresh tokens, API keys) and the hashes stored for them.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// The visible prefix of every API key, so keys are recognisable in a header and in logs
/// without revealing the secret part.
pub const API_KEY_PREFIX: &str = "k360_";

/// 32 random bytes, hex-encoded.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// SHA-256 of a secret, hex-encoded. Secrets are high-entropy, so no salt is needed.
pub fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A new API key: `k360_<8 hex id>_<64 hex secret>`, and its display prefix.
pub fn new_api_key() -> (String, String) {
    let key = format!("{API_KEY_PREFIX}{}", random_token());
    let prefix = key.chars().take(API_KEY_PREFIX.len() + 8).collect();
    (key, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_are_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(sha256_hex("a"), sha256_hex("a"));
        assert_eq!(sha256_hex("a").len(), 64);
        let (key, prefix) = new_api_key();
        assert!(key.starts_with(&prefix) && prefix.starts_with("k360_"));
    }
}
