//! `deskctl secrets`: the key that seals the desk's stored secrets at rest.

mod rotate_key;

use clap::Subcommand;

pub use rotate_key::RotateKeyArgs;

use crate::cli::Session;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SecretsCommand {
    /// Seal every stored secret under a new key
    ///
    /// With the key file (secret.key beside the config), a new key is made and written
    /// first in it, every secret is sealed again under it in one transaction, and the
    /// old key is dropped from the file. With DESKCTL_SECRET_KEY, put the new key first
    /// and keep the old one after it ("NEW,OLD") on every replica, run this, then drop
    /// OLD; when the first key already seals every secret there is nothing to rotate,
    /// and it says so (exit 2). Runs where the key is: on a desk file or a database,
    /// never over HTTP.
    #[command(
        after_help = "Examples:\n  deskctl secrets rotate-key\n  deskctl secrets rotate-key --database postgres://desk@db/desk\n  DESKCTL_SECRET_KEY=\"$NEW,$OLD\" deskctl secrets rotate-key \\\n      --database postgres://desk@db/desk"
    )]
    RotateKey(RotateKeyArgs),
}

pub async fn dispatch(session: &Session, command: SecretsCommand) -> CliResult {
    match command {
        SecretsCommand::RotateKey(args) => rotate_key::cmd_rotate_key(session, args).await,
    }
}
