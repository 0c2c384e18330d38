//! When this process last recorded each token's use. A token's recorded use
//! is refreshed at most once per [`TOKEN_USE_RESOLUTION`], but when it goes
//! stale every request in flight on that token finds it stale at once: under
//! load, sixteen clients on one ingest token made sixteen writes (each its own
//! transaction and `fsync`) in the same moment, once a minute. The first
//! request claims the write here; the others see the claim and write nothing.

use std::collections::HashMap;
use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};

/// How fresh a token's recorded last use is kept: reads do not all become
/// writes, and `tokens list` still tells a token in use from one forgotten.
pub(super) const TOKEN_USE_RESOLUTION: SignedDuration = SignedDuration::from_secs(60);

#[derive(Debug, Default)]
pub(super) struct TokenUses(Mutex<HashMap<String, Timestamp>>);

impl TokenUses {
    /// Whether the caller is to record token `id`'s use at `now`: not if
    /// this process claimed it within [`TOKEN_USE_RESOLUTION`].
    pub(super) fn claim(&self, id: &str, now: Timestamp) -> bool {
        let mut claimed = self.claimed();
        if claimed
            .get(id)
            .is_some_and(|at| now.duration_since(*at) < TOKEN_USE_RESOLUTION)
        {
            return false;
        }
        claimed.insert(id.to_string(), now);
        true
    }

    /// Withdraws the claim on `id` (its write failed): the next request tries.
    pub(super) fn forget(&self, id: &str) {
        self.claimed().remove(id);
    }

    fn claimed(&self) -> std::sync::MutexGuard<'_, HashMap<String, Timestamp>> {
        // Only inserts and removes happen under the lock: a panic elsewhere
        // leaves the map whole.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tokens_use_is_claimed_once_per_resolution() {
        let uses = TokenUses::default();
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        assert!(uses.claim("tok_1", now));
        assert!(!uses.claim("tok_1", now), "a request in flight beside it");
        assert!(!uses.claim("tok_1", now + SignedDuration::from_secs(59)));
        assert!(uses.claim("tok_2", now), "another token is claimed apart");
        let later = now + TOKEN_USE_RESOLUTION;
        assert!(uses.claim("tok_1", later));
        assert!(!uses.claim("tok_1", later));
    }

    #[test]
    fn a_claim_withdrawn_after_a_failed_write_lets_the_next_request_write() {
        let uses = TokenUses::default();
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        assert!(uses.claim("tok_1", now));
        uses.forget("tok_1");
        assert!(uses.claim("tok_1", now));
    }
}
