//! The audit log's anchor (ADR 0015): an HMAC-SHA256 over each entry's chain hash, keyed
//! with `KINERJA_AUDIT_KEY`, and the signed checkpoint `kinerja audit checkpoint` prints.
//!
//! A plain hash chain can be recomputed by anyone who can write the table; a mac cannot be
//! without the key, which is kept apart from the data. A checkpoint stored elsewhere also
//! catches a cut tail together with a rewritten head.

use sha2::{Digest, Sha256};

const BLOCK: usize = 64;
const PREFIX: &str = "kinerja-audit-checkpoint-v1";

/// HMAC-SHA256 (RFC 2104) of `msg` with `key`.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(k.map(|b| b ^ 0x36));
    inner.update(msg);
    let mut outer = Sha256::new();
    outer.update(k.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// The mac of the entry `seq` whose chain hash is `hash` (hex).
pub fn entry_mac(key: &[u8], seq: i64, hash: &str) -> String {
    hex::encode(hmac_sha256(key, format!("audit:{seq}:{hash}").as_bytes()))
}

/// Compares two hex macs in constant time.
pub fn mac_matches(key: &[u8], seq: i64, hash: &str, mac: &str) -> bool {
    let expected = entry_mac(key, seq, hash);
    expected.len() == mac.len()
        && expected
            .bytes()
            .zip(mac.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// A signed head: the entry `seq` with its chain hash and mac, and when it was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    pub mac: String,
    pub at: String,
}

impl Checkpoint {
    /// One line to store elsewhere (a ticket, a mail, a printout).
    pub fn to_line(&self) -> String {
        format!(
            "{PREFIX} seq={} hash={} mac={} at={}",
            self.seq, self.hash, self.mac, self.at
        )
    }

    /// Reads a line written by `to_line` (extra whitespace allowed).
    pub fn parse(line: &str) -> Result<Checkpoint, String> {
        let mut parts = line.split_whitespace();
        if parts.next() != Some(PREFIX) {
            return Err(format!("a checkpoint starts with \"{PREFIX}\""));
        }
        let (mut seq, mut hash, mut mac, mut at) = (None, None, None, String::new());
        for part in parts {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("unexpected \"{part}\""))?;
            match k {
                "seq" => seq = v.parse::<i64>().ok().filter(|s| *s >= 0),
                "hash" => hash = Some(v.to_string()).filter(|h| is_hex64(h)),
                "mac" => mac = Some(v.to_string()).filter(|m| is_hex64(m)),
                "at" => at = v.to_string(),
                _ => return Err(format!("unknown field \"{k}\"")),
            }
        }
        match (seq, hash, mac) {
            (Some(seq), Some(hash), Some(mac)) => Ok(Checkpoint { seq, hash, mac, at }),
            _ => Err("a checkpoint needs seq, hash and mac (64 hex digits)".into()),
        }
    }
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_test_cases_1_and_6() {
        let tag = hmac_sha256(&[0x0b; 20], b"Hi There");
        assert_eq!(
            hex::encode(tag),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        let long = hmac_sha256(
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First",
        );
        assert_eq!(
            hex::encode(long),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn a_mac_depends_on_the_key_the_seq_and_the_hash() {
        let h = "ab".repeat(32);
        let mac = entry_mac(b"key-one", 7, &h);
        assert!(mac_matches(b"key-one", 7, &h, &mac));
        assert!(!mac_matches(b"key-two", 7, &h, &mac));
        assert!(!mac_matches(b"key-one", 8, &h, &mac));
        assert!(!mac_matches(b"key-one", 7, &"cd".repeat(32), &mac));
    }

    #[test]
    fn a_checkpoint_reads_back_what_it_wrote_and_refuses_junk() {
        let c = Checkpoint {
            seq: 12,
            hash: "ab".repeat(32),
            mac: "cd".repeat(32),
            at: "2026-12-06T01:00:00Z".into(),
        };
        assert_eq!(Checkpoint::parse(&c.to_line()), Ok(c));
        assert!(Checkpoint::parse("seq=1").is_err());
        assert!(Checkpoint::parse("kinerja-audit-checkpoint-v1 seq=1 hash=xy mac=zz").is_err());
    }
}
