use std::collections::BTreeSet;

use clap::Args;
use secrecy::ExposeSecret;

use crate::cli::Session;
use crate::config::Target;
use crate::error::{CliError, CliResult};
use crate::server::store::{Location, Open, Store};

#[derive(Debug, Args)]
pub struct RotateKeyArgs {}

/// Makes a new key (with a key file), seals every secret under it, then
/// leaves only it in the key file. A crash in between leaves both keys in
/// the file, so every secret still opens and running it again finishes.
pub async fn cmd_rotate_key(session: &Session, _args: RotateKeyArgs) -> CliResult {
    let location = match session.target()? {
        Target::Local { path } => Location::Sqlite(path),
        Target::Database { url } => Location::Postgres(url.expose_secret().to_string()),
        Target::Remote { .. } => {
            return Err(CliError::usage(
                "rotate-key works on the desk's database, where the key is used: run it on \
                 the service's machine with --desk PATH or --database URL",
            ));
        }
    };
    let keys = session.keys(&location)?;
    let store = Store::open_for_command(&location, Open::Existing, keys.clone())
        .await
        .map_err(|e| CliError::opening(&location.describe(), &e))?;
    // A secret no key at hand opens cannot be sealed again: refused before a
    // key is made, so nothing changes.
    let refusal = match store.workspace().await {
        Ok(workspace) => workspace
            .sealed_away
            .values()
            .next()
            .map(|away| CliError::general(format!("cannot rotate the key: {}", away.why))),
        Err(e) => Some(CliError::general("cannot read the workspace").with_cause(e)),
    };
    if let Some(refusal) = refusal {
        store.close().await;
        return Err(refusal);
    }
    let sealed_with = match store.sealing_key_ids().await {
        Ok(ids) => ids,
        Err(e) => {
            store.close().await;
            return Err(CliError::general("cannot read the workspace").with_cause(e));
        }
    };
    // Given keys (DESKCTL_SECRET_KEY), the rotation seals under the first: a
    // run where that key already seals every secret would change nothing
    // and say it rotated.
    if !keys.rotation_makes_key()
        && let Some(first) = keys.sealing_key_id()
        && let Some(refusal) = nothing_to_rotate(&first, keys.count(), &keys.source(), &sealed_with)
    {
        store.close().await;
        return Err(refusal);
    }
    let sealing = |e: crate::server::sealing::SealError| CliError::general(e.to_string());
    let (new, made) = keys.start_rotation().map_err(sealing)?;
    let sealed = store.reseal_secrets().await;
    store.close().await;
    let sealed = sealed.map_err(|e| {
        CliError::general(
            "could not seal the secrets again (the key file keeps both keys, so every secret \
             still opens): run it again",
        )
        .with_cause(e)
    })?;
    keys.finish_rotation().map_err(sealing)?;
    let before: Vec<&str> = sealed_with
        .iter()
        .map(String::as_str)
        .filter(|id| *id != new)
        .collect();
    let was = match before.as_slice() {
        [] => String::new(),
        ids => format!(" (was {})", ids.join(", ")),
    };
    session.ui.success(&format!(
        "Sealed {sealed} secret(s) with key {new}{was}, from {}",
        keys.source()
    ));
    if made && matches!(location, Location::Postgres(_)) {
        session.ui.info(
            "Every replica needs the new key: copy the key file to each (a running replica \
             reads it again, with no restart)",
        );
    }
    if !made && keys.count() > 1 {
        session.ui.info(
            "Old keys can now be dropped from DESKCTL_SECRET_KEY once every replica has \
             the new one first",
        );
    }
    Ok(())
}

/// The refusal when the key a rotation would seal with, `first` of the
/// `given` keys from `source`, already seals every stored secret: nothing
/// would change. None when some secret is sealed with another key, or none
/// is stored (then there is nothing to say either way).
fn nothing_to_rotate(
    first: &str,
    given: usize,
    source: &str,
    sealed_with: &BTreeSet<String>,
) -> Option<CliError> {
    if sealed_with.len() != 1 || !sealed_with.contains(first) {
        return None;
    }
    let (which, hint) = if given == 1 {
        (
            format!("the only key in {source}"),
            format!(
                "to rotate, make a new key (`openssl rand -base64 32`) and put it first, the \
                 current one after it: {source}=\"$NEW,$OLD\" (on every replica, restarted), \
                 then run this again"
            ),
        )
    } else {
        (
            format!("the first key in {source}"),
            format!(
                "the other keys in {source} seal no secret: drop them once every replica has \
                 key {first} first. To rotate again, put a new key first: {source}=\"$NEW,$OLD\""
            ),
        )
    };
    Some(
        CliError::usage(format!(
            "nothing to rotate: every secret is already sealed with key {first}, {which}"
        ))
        .with_hint(hint),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    #[test]
    fn a_rotation_to_the_key_that_seals_every_secret_is_refused() {
        let refused = nothing_to_rotate("11111111", 1, "K", &ids(&["11111111"])).unwrap();
        assert_eq!(refused.kind.code(), 2);
        assert!(refused.message.contains("the only key in K"), "{refused:?}");
        let again = nothing_to_rotate("11111111", 2, "K", &ids(&["11111111"])).unwrap();
        assert!(again.message.contains("the first key in K"), "{again:?}");
    }

    #[test]
    fn a_rotation_that_moves_a_secret_or_has_none_goes_ahead() {
        assert!(nothing_to_rotate("22222222", 2, "K", &ids(&["11111111"])).is_none());
        let both = ids(&["11111111", "22222222"]);
        assert!(nothing_to_rotate("22222222", 2, "K", &both).is_none());
        assert!(nothing_to_rotate("22222222", 1, "K", &ids(&[])).is_none());
    }
}
