//! Access tokens: HS256 JWTs with a short lifetime. Validation accepts HS256 only, so
//! `alg: none` and algorithm-confusion tokens are refused.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: Uuid,
    /// The linked employee, when there is one.
    #[serde(default)]
    pub emp: Option<Uuid>,
    pub roles: Vec<String>,
    /// The account's session version when issued (ADR 0016); a token whose version is
    /// no longer current is refused with `session_ended`.
    #[serde(default)]
    pub sv: i32,
    pub iat: i64,
    pub exp: i64,
    /// Token type; only `access` is accepted by the API.
    pub typ: String,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl JwtKeys {
    pub fn new(secret: &str) -> anyhow::Result<Self> {
        Ok(JwtKeys {
            encoding: EncodingKey::from_secret(secret.as_bytes())?,
            decoding: DecodingKey::from_secret(secret.as_bytes())?,
        })
    }

    pub fn issue(
        &self,
        user: Uuid,
        employee: Option<Uuid>,
        roles: Vec<String>,
        session_version: i32,
        ttl_secs: i64,
    ) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user,
            emp: employee,
            roles,
            sv: session_version,
            iat: now,
            exp: now + ttl_secs,
            typ: "access".into(),
        };
        Ok(encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// Decodes and checks signature, algorithm, expiry (no leeway) and type.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        let data = decode::<Claims>(token, &self.decoding, &validation).ok()?;
        (data.claims.typ == "access").then_some(data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_token_verifies_with_the_same_secret_only() {
        let keys = JwtKeys::new("a-secret-of-sufficient-length-0123456789").expect("keys");
        let t = keys
            .issue(Uuid::now_v7(), None, vec!["employee".into()], 1, 60)
            .expect("issue");
        assert!(keys.verify(&t).is_some());
        assert!(
            JwtKeys::new("another-secret-xxxxxxxxxxxxxxxxxxxxxx")
                .expect("keys")
                .verify(&t)
                .is_none()
        );
    }

    #[test]
    fn an_expired_token_is_refused() {
        let keys = JwtKeys::new("s").expect("keys");
        let t = keys
            .issue(Uuid::now_v7(), None, vec![], 1, -10)
            .expect("issue");
        assert!(keys.verify(&t).is_none());
    }
}
