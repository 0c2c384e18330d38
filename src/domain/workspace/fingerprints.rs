//! Fingerprints of stored secrets: what the API, exports and plans show in
//! place of a secret, enough to tell whether it changed.
//!
//! A fingerprint is `hmac:` and the first 12 hex digits of an HMAC-SHA256 of
//! the secret under a key only the service holds (derived from the key that
//! seals secrets at rest), so whoever reads one — a manager, a CI log with a
//! plan in it — cannot check guesses against it. Fingerprints from before
//! secrets were keyed (`sha256:` and a plain SHA-256 prefix) are still
//! recognised in documents, so an old export applies unchanged, but never made.
//!
//! A stored secret no key at hand opens has no plaintext to fingerprint
//! here: it shows as `sealed-sha256:` and the first 12 hex digits of a
//! plain SHA-256 of its sealed value, the same on every replica and after
//! every restart, changing exactly when the stored value does. Nothing about
//! the secret can be learned from a hash of its ciphertext. A document may
//! name the secret by it where no key opens it; where one does, it matches
//! nothing (the plaintext's is the `hmac:` one).

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// The prefix of a keyed fingerprint.
pub const KEYED: &str = "hmac:";
/// The prefix of a plain-hash fingerprint, only ever read.
pub const LEGACY: &str = "sha256:";
/// The prefix of the fingerprint of a secret no key at hand opens: a hash of
/// its sealed value.
pub const SEALED: &str = "sealed-sha256:";

/// How many hex digits of the MAC a fingerprint keeps.
const DIGITS: usize = 12;

/// The keys fingerprints are made with: the first makes them, every one is
/// accepted (the keys of a rotation in progress).
#[derive(Clone)]
pub struct Fingerprints {
    keys: Arc<[[u8; 32]]>,
    /// The sealed values of stored secrets no key at hand opens.
    unopened: Arc<BTreeSet<String>>,
}

impl Fingerprints {
    /// Fingerprints under `keys`, the first making them. There is always one.
    pub fn keyed(keys: Vec<[u8; 32]>) -> Fingerprints {
        assert!(!keys.is_empty(), "fingerprints need a key");
        Fingerprints {
            keys: keys.into(),
            unopened: Arc::default(),
        }
    }

    /// These fingerprints, knowing `sealed` as the stored values of secrets
    /// no key at hand opens: theirs is a hash of that value, not an HMAC
    /// of a sealed text under whichever key this process happens to have.
    pub fn with_unopened(self, sealed: impl IntoIterator<Item = String>) -> Fingerprints {
        Fingerprints {
            unopened: Arc::new(sealed.into_iter().collect()),
            ..self
        }
    }

    /// Fingerprints under a fixed, public key: for values no service holds
    /// (tests, a snapshot not read from a store). A store always replaces it.
    pub fn unkeyed() -> Fingerprints {
        Fingerprints::keyed(vec![[0; 32]])
    }

    /// The fingerprint of the stored `secret`: `hmac:` and 12 hex digits,
    /// or `sealed-sha256:` and 12 for one no key at hand opens.
    pub fn of(&self, secret: &str) -> String {
        if self.unopened.contains(secret) {
            return format!("{SEALED}{}", plain(secret));
        }
        format!("{KEYED}{}", mac(&self.keys[0], secret))
    }

    /// Whether `fingerprint` is `secret`'s under any of the keys, or its
    /// plain-hash fingerprint from before fingerprints were keyed, or, for
    /// a secret no key at hand opens, the hash of its sealed value.
    pub fn matches(&self, fingerprint: &str, secret: &str) -> bool {
        if let Some(digits) = fingerprint.strip_prefix(SEALED) {
            self.unopened.contains(secret) && plain(secret) == digits
        } else if let Some(digits) = fingerprint.strip_prefix(KEYED) {
            self.keys.iter().any(|key| mac(key, secret) == digits)
        } else if let Some(digits) = fingerprint.strip_prefix(LEGACY) {
            plain(secret) == digits
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

/// The digits of a plain SHA-256 of `text`.
fn plain(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
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
    fn a_secret_no_key_opens_shows_a_hash_of_its_sealed_value_whatever_the_key() {
        let sealed = "sealed:v1:0badc0de:c2VhbGVkIGJ5dGVz";
        let one = Fingerprints::keyed(vec![[1; 32]]).with_unopened([sealed.to_string()]);
        let two = Fingerprints::keyed(vec![[2; 32]]).with_unopened([sealed.to_string()]);
        let print = one.of(sealed);
        let plain = hex(&Sha256::digest(sealed.as_bytes()));
        assert_eq!(print, format!("sealed-sha256:{plain}"));
        assert_eq!(print, two.of(sealed));
        // Sealed again, it is another value, and so another fingerprint.
        let resealed = "sealed:v1:0badc0de:YW5vdGhlciBub25jZQ";
        let three = Fingerprints::keyed(vec![[1; 32]]).with_unopened([resealed.to_string()]);
        assert_ne!(three.of(resealed), print);
        // Secrets that open keep their keyed fingerprint.
        assert_eq!(
            one.of("an-open-secret"),
            Fingerprints::keyed(vec![[1; 32]]).of("an-open-secret")
        );
        assert!(one.matches(&print, sealed));
        assert!(!three.matches(&print, resealed));
        let opened = Fingerprints::keyed(vec![[1; 32]]);
        assert!(!opened.matches(&print, sealed));
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
