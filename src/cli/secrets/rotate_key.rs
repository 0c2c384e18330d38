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
            .map(|why| CliError::general(format!("cannot rotate the key: {why}"))),
        Err(e) => Some(CliError::general("cannot read the workspace").with_cause(e)),
    };
    if let Some(refusal) = refusal {
        store.close().await;
        return Err(refusal);
    }
    let old = keys.sealing_key_id();
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
    let was = match &old {
        Some(old) if *old != new => format!(" (was {old})"),
        _ => String::new(),
    };
    session.ui.success(&format!(
        "Sealed {sealed} secret(s) with key {new}{was}, from {}",
        keys.source()
    ));
    if made && matches!(location, Location::Postgres(_)) {
        session.ui.info(
            "Every replica needs the new key: copy the key file to each, or set \
             DESKCTL_SECRET_KEY, and restart them",
        );
    }
    if !made && old.is_some() {
        session.ui.info(
            "Old keys can now be dropped from DESKCTL_SECRET_KEY once every replica has \
             the new one first",
        );
    }
    Ok(())
}
