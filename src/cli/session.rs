//! What every command has: the terminal, the environment, deskctl's files, and
//! the target the global flags pick.

use std::io::Read;

use secrecy::ExposeSecret;

use crate::client::Client;
use crate::config::{ConfigFile, Credentials, Paths, Target, TargetFlags, resolve_target};
use crate::env::EnvVars;
use crate::error::{CliError, CliResult};
use crate::server::LocalDesk;
use crate::server::sealing::Keys;
use crate::server::store::{Location, Open};
use crate::ui::Ui;

pub struct Session {
    pub ui: Ui,
    pub env: EnvVars,
    pub paths: Paths,
    pub flags: TargetFlags,
    /// `-v` given this many times.
    pub verbose: u8,
    /// The local desks this command opened, finished by [`Session::finish`],
    /// each with its file when this command created it.
    pub opened: std::sync::Mutex<Vec<(LocalDesk, Option<std::path::PathBuf>)>>,
    /// Whether this command warned already that others can read the
    /// credentials file.
    pub credentials_warned: std::sync::atomic::AtomicBool,
    /// Whether this command warned already that a bare `--server` (or
    /// `DESKCTL_SERVER`) sends the token in clear.
    pub in_clear_warned: std::sync::atomic::AtomicBool,
}

impl Session {
    pub fn load_config(&self) -> CliResult<ConfigFile> {
        Ok(ConfigFile::load(&self.paths.config)?)
    }

    /// The stored tokens, with a warning (once a command) when others can
    /// read them.
    pub fn load_credentials(&self) -> CliResult<Credentials> {
        let credentials = Credentials::load(&self.paths.credentials)?;
        if let Some(warning) = Credentials::exposed(&self.paths.credentials)
            && !self
                .credentials_warned
                .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            self.ui.warn(&warning);
        }
        Ok(credentials)
    }

    /// The target the flags, environment and config pick. A local desk that
    /// is a directory is refused here, before anything looks at its mode or
    /// tries to open it: SQLite cannot, and advice to `chmod` the directory
    /// (`/tmp`) would be harmful.
    pub fn target(&self) -> CliResult<Target> {
        let config = self.load_config()?;
        let credentials = self.load_credentials()?;
        let target = resolve_target(
            &self.flags,
            &self.env,
            &config,
            &credentials,
            &self.paths.default_desk,
        )?;
        if let Target::Local { path } = &target
            && path.is_dir()
        {
            return Err(CliError::usage(format!(
                "{} is a directory, not a desk file",
                self.desk_named(path)
            ))
            .with_hint(format!(
                "a local desk is one SQLite file: name a file, e.g. {}",
                path.join("desk.sqlite").display()
            )));
        }
        // A context warned when it was added; a bare server URL is warned of
        // here, once a command, before anything sends the token.
        if let Target::Remote {
            context: None,
            server,
            token: Some(_),
            ..
        } = &target
            && let Some(warning) = crate::client::in_clear_warning(server)
            && !self
                .in_clear_warned
                .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            self.ui.warn(&warning);
        }
        Ok(target)
    }

    /// A client for reading. A read never creates a desk: a local desk that
    /// does not exist — named by `--desk`, by `DESKCTL_DESK`, by a context, or
    /// the default desk on a fresh machine — is an error ("no desk at PATH",
    /// exit 5), so a mistyped path never becomes a new empty desk that answers
    /// with empty lists. Any command that writes creates it.
    pub async fn client(&self) -> CliResult<Client> {
        let target = self.target()?;
        if let Target::Local { path } = &target
            && !path.exists()
        {
            return Err(self.no_desk(path));
        }
        self.connect_with(&target, Open::Existing).await
    }

    /// The error of a read on a local desk that does not exist, naming what
    /// chose the path.
    fn no_desk(&self, path: &std::path::Path) -> CliError {
        CliError::new(
            crate::error::ExitKind::NotFound,
            format!("no desk at {} ({})", path.display(), self.desk_origin(path)),
        )
        .with_hint(
            "a read never creates a desk: check the path, or create the desk with any \
             command that writes (e.g. `deskctl apply -f desk.yaml` or `deskctl teams add`) \
             or with `deskctl serve`",
        )
    }

    /// What chose the local desk at `path`: `named by --desk`, `the default desk`…
    fn desk_origin(&self, path: &std::path::Path) -> String {
        if self.flags.desk.is_some() {
            "named by --desk".to_string()
        } else if self.env.desk.is_some() {
            format!("named by {}", crate::env::DESKCTL_DESK)
        } else if path == self.paths.default_desk {
            "the default desk".to_string()
        } else {
            "the current context's desk".to_string()
        }
    }

    /// The local desk at `path` as the one who chose it wrote it: `--desk
    /// PATH`, `DESKCTL_DESK=PATH`, or the default desk's path.
    fn desk_named(&self, path: &std::path::Path) -> String {
        let shown = path.display();
        if self.flags.desk.is_some() {
            format!("--desk {shown}")
        } else if self.env.desk.is_some() {
            format!("{}={shown}", crate::env::DESKCTL_DESK)
        } else {
            format!("the desk {shown} ({})", self.desk_origin(path))
        }
    }

    /// A client for a command that plans and then changes (`apply`): it may
    /// create the desk it applies to; it confirms on its own.
    pub async fn planner(&self) -> CliResult<Client> {
        let target = self.target()?;
        self.connect(&target).await
    }

    /// A client for a change described by `action` (e.g. "add operator alice").
    /// On a protected context the change is confirmed first, or needs `--yes`.
    pub async fn writer(&self, action: &str) -> CliResult<Client> {
        let target = self.target()?;
        if target.is_protected() {
            self.ui.confirm(&format!(
                "{action} on protected context '{}'",
                target.label()
            ))?;
        }
        self.connect(&target).await
    }

    /// A client for a change to `count` tickets at once: from
    /// [`crate::ui::BULK_TYPED_FROM`] tickets it waits for a typed `yes` (or
    /// --yes), on any context, and where nobody can answer it says exactly
    /// that --yes is missing; fewer are a [`Session::writer`] change.
    pub async fn bulk_writer(&self, action: &str, count: usize) -> CliResult<Client> {
        if count < crate::ui::BULK_TYPED_FROM {
            return self.writer(action).await;
        }
        if !self.ui.assume_yes() && !self.ui.can_prompt() {
            return Err(CliError::usage(format!(
                "{count} tickets: pass --yes to change them without asking"
            ))
            .with_hint(format!(
                "from {} tickets at once deskctl asks for `yes` typed in full, and it asks only \
                 when stdin and stdout are terminals and --no-input is not set",
                crate::ui::BULK_TYPED_FROM
            )));
        }
        let target = self.target()?;
        self.ui
            .confirm_typed(&format!("{action} on {}", target.describe()))?;
        self.connect(&target).await
    }

    /// Confirms a destructive or customer-visible change (or takes `--yes`)
    /// without connecting: for a command that looked things up first.
    pub fn confirm_change(&self, action: &str) -> CliResult<()> {
        let target = self.target()?;
        let question = if target.is_protected() {
            format!("{action} on protected context '{}'", target.label())
        } else {
            action.to_string()
        };
        self.ui.confirm(&question)
    }

    /// A client for a destructive change, once `find` has found what it
    /// removes and the change is confirmed (or `--yes` given). Found first,
    /// so a name the desk does not have is not found (exit 5) rather than
    /// asked about, or refused for want of a confirmation.
    pub async fn destroyer<T>(
        &self,
        action: &str,
        find: impl AsyncFnOnce(&Client) -> CliResult<T>,
    ) -> CliResult<(Client, T)> {
        let client = self.client().await?;
        let found = find(&client).await?;
        self.confirm_change(action)?;
        Ok((client, found))
    }

    /// Reads text from a file, or from stdin when `path` is `-`.
    pub fn read_text(&self, path: &std::path::Path) -> CliResult<String> {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| CliError::general("cannot read stdin").with_cause(e))?;
            Ok(text)
        } else {
            std::fs::read_to_string(path).map_err(|e| {
                CliError::general(format!("cannot read {}", path.display())).with_cause(e)
            })
        }
    }
}

impl Session {
    /// The keys that seal the secrets of the desk at `location`: those of
    /// `DESKCTL_SECRET_KEY`, else of the key file beside the config, which is
    /// made on first need for a SQLite desk (a PostgreSQL desk's replicas must
    /// share one key, so it is never made for one behind the admin's back).
    pub fn keys(&self, location: &Location) -> CliResult<Keys> {
        let env = self.env.secret_key.as_ref().map(|k| k.expose_secret());
        let create = matches!(location, Location::Sqlite(_));
        Keys::load(env, &self.paths.secret_key, create)
            .map_err(|e| CliError::general(e.to_string()))
    }

    async fn connect(&self, target: &Target) -> CliResult<Client> {
        self.connect_with(target, Open::CreateIfMissing).await
    }

    async fn connect_with(&self, target: &Target, open: Open) -> CliResult<Client> {
        let mut created = None;
        let location = match target {
            Target::Remote { server, token, .. } => {
                return Ok(Client::http(server, token.clone())?);
            }
            Target::Local { path } => {
                if let Some(warning) = crate::server::sealing::exposed_desk(path) {
                    self.ui.warn(&warning);
                }
                if !path.exists() {
                    created = Some(path.clone());
                }
                Location::Sqlite(path.clone())
            }
            Target::Database { url } => Location::Postgres(url.expose_secret().to_string()),
        };
        let keys = self.keys(&location)?;
        let client = Client::local_with(&location, open, keys).await?;
        if let Some(desk) = client.local_desk() {
            self.opened_desks().push((desk.clone(), created));
        }
        Ok(client)
    }

    fn opened_desks(
        &self,
    ) -> std::sync::MutexGuard<'_, Vec<(LocalDesk, Option<std::path::PathBuf>)>> {
        self.opened
            .lock()
            .expect("the list of opened desks is never poisoned")
    }

    /// Ends the command's use of the desks it opened (see [`LocalDesk::finish`]),
    /// in the runtime their connections belong to; after an interrupt they are
    /// only let go.
    /// A desk file this command created to write to is removed when the
    /// command failed with every change refused (a confirmation not given, a
    /// name not found, a value not valid): a mistyped `--desk` never becomes
    /// an empty desk that answers with empty lists. One that succeeded keeps
    /// the desk it made, changed or not (`apply` of an empty document).
    pub async fn finish(&self, interrupted: bool, failed: bool) {
        let desks = std::mem::take(&mut *self.opened_desks());
        if interrupted {
            return;
        }
        for (desk, created) in desks {
            match created {
                Some(path) if failed && !desk.committed() => {
                    desk.close().await;
                    for suffix in ["", "-wal", "-shm"] {
                        let mut file = path.clone().into_os_string();
                        file.push(suffix);
                        let _ = std::fs::remove_file(file);
                    }
                }
                _ => desk.finish().await,
            }
        }
    }
}
