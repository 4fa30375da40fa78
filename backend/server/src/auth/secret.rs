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

/// A one-time set-password code, easy to read aloud and type: four groups of four from
/// an alphabet without look-alike characters (about 79 bits), e.g. `K7QH-2MZP-…`.
pub fn set_password_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 16];
    rand::rng().fill_bytes(&mut b);
    b.chunks(4)
        .map(|g| {
            g.iter()
                .map(|x| ALPHABET[*x as usize % ALPHABET.len()] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The stored hash of a set-password code, whatever its case, dashes or spaces.
pub fn set_password_code_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    sha256_hex(&format!("set-password:{normal}"))
}

/// A new API key: `k360_<8 hex id>_<64 hex secret>`, and its display prefix.
pub fn new_api_key() -> (String, String) {
    let key = format!("{API_KEY_PREFIX}{}", random_token());
    let prefix = key.chars().take(API_KEY_PREFIX.len() + 8).collect();
    (key, prefix)
}

/// Hashes client addresses with a random salt that changes every day and lives only in
/// memory: a hash links submissions of the same day (abuse checks) and nothing more; the
/// stored hashes are erased after the retention period.
#[derive(Debug, Default)]
pub struct ClientHasher {
    salt: std::sync::Mutex<Option<(chrono::NaiveDate, [u8; 32])>>,
}

impl ClientHasher {
    pub fn hash(&self, client: &str) -> String {
        let today = chrono::Utc::now().date_naive();
        let mut guard = self.salt.lock().unwrap_or_else(|p| p.into_inner());
        let salt = match *guard {
            Some((day, salt)) if day == today => salt,
            _ => {
                let mut salt = [0u8; 32];
                rand::rng().fill_bytes(&mut salt);
                *guard = Some((today, salt));
                salt
            }
        };
        let mut h = Sha256::new();
        h.update(salt);
        h.update(client.as_bytes());
        hex::encode(h.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_hashes_are_stable_within_a_day_and_hide_the_address() {
        let h = ClientHasher::default();
        assert_eq!(h.hash("10.0.0.1"), h.hash("10.0.0.1"));
        assert_ne!(h.hash("10.0.0.1"), h.hash("10.0.0.2"));
        assert!(!h.hash("10.0.0.1").contains("10.0"));
        assert_ne!(ClientHasher::default().hash("10.0.0.1"), h.hash("10.0.0.1"));
    }

    #[test]
    fn tokens_are_random_and_hashes_are_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(sha256_hex("a"), sha256_hex("a"));
        assert_eq!(sha256_hex("a").len(), 64);
        let (key, prefix) = new_api_key();
        assert!(key.starts_with(&prefix) && prefix.starts_with("k360_"));
    }

    #[test]
    fn a_set_password_code_hashes_the_same_however_it_is_typed() {
        let code = set_password_code();
        assert_eq!(code.len(), 19);
        assert_eq!(
            set_password_code_hash(&code),
            set_password_code_hash(&code.to_lowercase().replace('-', " "))
        );
        assert_ne!(
            set_password_code_hash(&code),
            set_password_code_hash(&set_password_code())
        );
    }
}
