//! Password hashing with argon2id (PHC strings with their own salt and parameters).

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier},
};
use std::sync::LazyLock;

/// Hashes a password; the PHC string carries the salt and parameters.
pub fn hash(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
}

/// Checks a password against a stored hash; any malformed hash counts as a mismatch.
pub fn verify(password: &str, stored: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), stored)
        .is_ok()
}

/// A hash to verify against when the account does not exist, so that the answer takes the
/// same time whether or not the user exists.
pub static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash("kinerja360-no-such-user").unwrap_or_default());

/// Minimum password rules for accounts created here.
pub fn check_strength(password: &str) -> Result<(), String> {
    if password.chars().count() < 8 {
        return Err("Kata sandi minimal 8 karakter".into());
    }
    if password.len() > 256 {
        return Err("Kata sandi terlalu panjang (maksimal 256 byte)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_and_no_other() {
        let h = hash("Rahasia#2026").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("Rahasia#2026", &h));
        assert!(!verify("rahasia#2026", &h));
        assert!(!verify("Rahasia#2026", "not a hash"));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_strength("abc").is_err());
        assert!(check_strength("abcdefgh").is_ok());
    }
}
