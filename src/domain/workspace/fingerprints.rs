//! Fingerprints of stored secrets: what the API, exports and plans show in
//! place of a secret, enough to tell whether it changed.
//!
//! A fingerprint is `hmac:` and the first 12 hex digits of an HMAC-SHA256 of
//! the secret under a key only the service holds (derived from the key that
//! seals secrets at rest), so whoever reads one — a manager, a CI log with a
//! plan in it — cannot check guesses against it. Fingerprints from before
//! secrets were keyed (`sha256:` and a plain SHA-256 prefix) are still
//! recognised in documents, so an old export applies unchanged, but never made.

use std::fmt;
use std::sync::Arc;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// The prefix of a keyed fingerprint.
pub const KEYED: &str = "hmac:";
/// The prefix of a plain-hash fingerprint, only ever read.
pub const LEGACY: &str = "sha256:";

/// How many hex digits of the MAC a fingerprint keeps.
const DIGITS: usize = 12;

/// The keys fingerprints are made with: the first makes them, every one is
/// accepted (the keys of a rotation in progress).
#[derive(Clone)]
pub struct Fingerprints {
    keys: Arc<[[u8; 32]]>,
}

impl Fingerprints {
    /// Fingerprints under `keys`, the first making them. There is always one.
    pub fn keyed(keys: Vec<[u8; 32]>) -> Fingerprints {
        assert!(!keys.is_empty(), "fingerprints need a key");
        Fingerprints { keys: keys.into() }
    }

    /// Fingerprints under a fixed, public key: for values no service holds
    /// (tests, a snapshot not read from a store). A store always replaces it.
    pub fn unkeyed() -> Fingerprints {
        Fingerprints::keyed(vec![[0; 32]])
    }

    /// The fingerprint of `secret`: `hmac:` and 12 hex digits.
    pub fn of(&self, secret: &str) -> String {
        format!("{KEYED}{}", mac(&self.keys[0], secret))
    }

    /// Whether `fingerprint` is `secret`'s under any of the keys, or its
    /// plain-hash fingerprint from before fingerprints were keyed.
    pub fn matches(&self, fingerprint: &str, secret: &str) -> bool {
        if let Some(digits) = fingerprint.strip_prefix(KEYED) {
            self.keys.iter().any(|key| mac(key, secret) == digits)
        } else if let Some(digits) = fingerprint.strip_prefix(LEGACY) {
            hex(&Sha256::digest(secret.as_bytes())) == digits
        } else {
            false
        }
    }
}

fn mac(key: &[u8; 32], secret: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(secret.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(DIGITS / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl fmt::Debug for Fingerprints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprints({} key(s))", self.keys.len())
    }
}

/// Two snapshots are equal whatever their fingerprint keys: the keys are the
/// service's, not part of the workspace.
impl PartialEq for Fingerprints {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_depends_on_the_key_and_the_secret() {
        let one = Fingerprints::keyed(vec![[1; 32]]);
        let two = Fingerprints::keyed(vec![[2; 32]]);
        let print = one.of("correct horse battery staple");
        assert!(
            print.starts_with("hmac:") && print.len() == 5 + DIGITS,
            "{print}"
        );
        assert_eq!(print, one.of("correct horse battery staple"));
        assert_ne!(print, one.of("correct horse battery stable"));
        assert_ne!(print, two.of("correct horse battery staple"));
        // Not the plain hash anyone could compute.
        let plain = hex(&Sha256::digest(b"correct horse battery staple"));
        assert!(!print.ends_with(&plain), "{print}");
    }

    #[test]
    fn any_key_of_the_ring_and_the_old_plain_form_match() {
        let old = Fingerprints::keyed(vec![[1; 32]]);
        let rotating = Fingerprints::keyed(vec![[2; 32], [1; 32]]);
        let secret = "s3cret-value-long-enough";
        assert!(rotating.matches(&old.of(secret), secret));
        assert!(rotating.matches(&rotating.of(secret), secret));
        assert!(!old.matches(&rotating.of(secret), secret));
        assert!(!rotating.matches(&old.of("another secret"), secret));
        let legacy = format!("sha256:{}", hex(&Sha256::digest(secret.as_bytes())));
        assert!(old.matches(&legacy, secret));
        assert!(!old.matches(&legacy, "another secret"));
        assert!(!old.matches("md5:0123456789ab", secret));
    }
}
