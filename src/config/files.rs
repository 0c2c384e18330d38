//! Reading and writing the config and credentials files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{ConfigError, LOCAL_CONTEXT};
use crate::api::Environment;
use crate::manifest::{Diagnostic, Node, Source, parse};

/// `config.yaml`: contexts and which one is current. Holds no secrets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_context: Option<String>,
    #[serde(default)]
    pub contexts: Vec<ContextEntry>,
}

/// One Desk service the CLI can talk to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ContextEntry {
    pub name: String,
    pub server: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// Every write needs confirmation or `--yes`.
    #[serde(default)]
    pub protected: bool,
}

/// `credentials.yaml` (mode 0600): the token of each context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    #[serde(default)]
    contexts: BTreeMap<String, StoredCredential>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCredential {
    token: String,
}

impl ConfigFile {
    /// The file at `path`, or an empty config when there is none yet.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        load_yaml(path, context_name_problems)
    }

    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let text = serde_saphyr::to_string(self).expect("the config serializes");
        atomic_write(path, text.as_bytes(), 0o644, 0o777)
    }

    pub fn find(&self, name: &str) -> Option<&ContextEntry> {
        self.contexts.iter().find(|c| c.name == name)
    }

    /// The context called `name`, or an error that names the known ones.
    pub fn get(&self, name: &str) -> Result<&ContextEntry, ConfigError> {
        self.find(name).ok_or_else(|| self.unknown(name))
    }

    /// [`ConfigFile::get`], to change the context.
    pub fn get_mut(&mut self, name: &str) -> Result<&mut ContextEntry, ConfigError> {
        let unknown = self.unknown(name);
        self.contexts
            .iter_mut()
            .find(|c| c.name == name)
            .ok_or(unknown)
    }

    fn unknown(&self, name: &str) -> ConfigError {
        ConfigError::UnknownContext {
            name: name.to_string(),
            known: self.contexts.iter().map(|c| c.name.clone()).collect(),
        }
    }
}

impl Credentials {
    /// The file at `path`; a problem in it is told without the value it is
    /// about, which may be a token (`prod: desk_…` for `prod: {token: …}`).
    pub fn load(path: &Path) -> Result<Credentials, ConfigError> {
        load_yaml(path, |_, _| Vec::new()).map_err(|error| match error {
            ConfigError::Parse { path, problems } => ConfigError::Parse {
                path,
                problems: problems
                    .into_iter()
                    .map(|mut problem| {
                        problem.message = without_quoted_text(&problem.message);
                        problem
                    })
                    .collect(),
            },
            other => other,
        })
    }

    /// Writes the file readable by its owner only: created 0600, and one
    /// rewritten keeps its mode less anything beyond 0600 (a file others
    /// could read is closed to them).
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let text = serde_saphyr::to_string(self).expect("credentials serialize");
        atomic_write(path, text.as_bytes(), 0o600, 0o600)
    }

    /// A warning when the credentials file at `path` can be read by other
    /// users, as a desk file's is: its tokens act as their operators.
    pub fn exposed(path: &Path) -> Option<String> {
        let mode = crate::server::sealing::open_to_others(path)?;
        let p = path.display();
        Some(format!(
            "the credentials file {p} can be read by other users (mode {mode:04o}): \
             `chmod 600 {p}`"
        ))
    }

    pub fn token(&self, context: &str) -> Option<&str> {
        self.contexts.get(context).map(|c| c.token.as_str())
    }

    pub fn set_token(&mut self, context: &str, token: String) {
        self.contexts
            .insert(context.to_string(), StoredCredential { token });
    }

    pub fn remove(&mut self, context: &str) -> bool {
        self.contexts.remove(context).is_some()
    }
}

/// The file at `path` read as `T`, or `T::default()` when there is none or
/// it holds nothing; every problem is found at its place, as a desk
/// document's are, and `check` adds those of the values read (e.g. two
/// contexts of one name).
fn load_yaml<T: Default + DeserializeOwned>(
    path: &Path,
    check: impl Fn(&T, &Node) -> Vec<Diagnostic>,
) -> Result<T, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(T::default()),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if holds_nothing(&text) {
        return Ok(T::default());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let source = Source::new(path.display().to_string(), text, dir);
    let problems = |problems| ConfigError::Parse {
        path: path.to_path_buf(),
        problems,
    };
    let read = parse::read_object::<T>(&source, &[]).map_err(problems)?;
    let mut errors = read.errors;
    if let Some(value) = &read.object {
        errors.extend(check(value, &read.read));
    }
    parse::verdict(read.object, errors).map_err(problems)
}

/// Whether `text` holds only blank lines and comments: a file emptied by
/// hand is no config yet, as a missing one is.
fn holds_nothing(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#'))
}

/// `message` with what it quotes in double quotes (a string value read
/// where another kind was expected) left out.
fn without_quoted_text(message: &str) -> String {
    match (message.find('"'), message.rfind('"')) {
        (Some(first), Some(last)) if first < last => {
            format!("{}\"…\"{}", &message[..first], &message[last + 1..])
        }
        _ => message.to_string(),
    }
}

/// Two contexts of one name (commands would use the first, `context remove`
/// remove both) and a context called `local`, which `--context local` never
/// reaches: each at its `name`.
fn context_name_problems(config: &ConfigFile, tree: &Node) -> Vec<Diagnostic> {
    let name_at = |index: usize| tree.locate(["contexts", index.to_string().as_str(), "name"]);
    let mut problems = Vec::new();
    for (index, entry) in config.contexts.iter().enumerate() {
        if entry.name == LOCAL_CONTEXT {
            problems.push(
                Diagnostic::error(
                    name_at(index),
                    "`local` is the name of the local desk, not a context's",
                )
                .with_help("rename this context: `--context local` always means the local desk"),
            );
        }
        let first = config.contexts[..index]
            .iter()
            .position(|earlier| earlier.name == entry.name);
        if let Some(first) = first {
            problems.push(
                Diagnostic::error(
                    name_at(index),
                    format!(
                        "a second context named `{}` (the first is on line {})",
                        entry.name,
                        name_at(first).line
                    ),
                )
                .with_help("rename or remove one of them: each context needs a name of its own"),
            );
        }
    }
    problems
}

/// Where a write to `path` goes: the file a symbolic link at `path` leads
/// to (through links to links), so that replacing it keeps the link, as a
/// config file kept in a dotfiles repository is; `path` itself otherwise.
fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    // As many links as Linux follows before it gives up (ELOOP).
    const MAX_LINKS: usize = 40;
    let mut target = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&target) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)?;
                // A relative link is relative to the directory holding it.
                target = match target.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
            _ => return Ok(target),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
}

/// Replaces `path` with `contents` so a reader never sees half a file, creating
/// the directory when needed. On Unix a new file gets `mode`; a file replaced
/// keeps its own (a user's `chmod 600` stays), less any bit beyond `at_most`,
/// from the moment it is written. When `path` is a symbolic link, the file it
/// leads to is replaced and the link kept.
pub fn atomic_write(
    path: &Path,
    contents: &[u8],
    mode: u32,
    at_most: u32,
) -> Result<(), ConfigError> {
    let error = |source| ConfigError::Write {
        path: path.to_path_buf(),
        source,
    };
    let path = &write_target(path).map_err(error)?;
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        match std::fs::metadata(path) {
            Ok(metadata) => metadata.permissions().mode() & 0o777 & at_most,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => mode,
            Err(e) => return Err(error(e)),
        }
    };
    #[cfg(not(unix))]
    let _ = at_most;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(error)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let result = (|| {
        let mut file = options.open(&temp)?;
        // The mode given to open() is filtered by the umask; set it exactly.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_written_for_the_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("credentials.yaml");
        let mut credentials = Credentials::default();
        credentials.set_token("prod", "desk_secret".into());
        credentials.save(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert_eq!(Credentials::load(&path).unwrap(), credentials);
    }

    /// A rewrite keeps the mode its owner gave the file; credentials never
    /// keep more than 0600.
    #[cfg(unix)]
    #[test]
    fn a_rewritten_file_keeps_its_mode_and_credentials_stay_the_owners() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode_of = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let chmod = |path: &Path, mode: u32| {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
        };
        let config = dir.path().join("config.yaml");
        ConfigFile::default().save(&config).unwrap();
        assert_eq!(mode_of(&config), 0o644, "a new config");
        chmod(&config, 0o600);
        ConfigFile::default().save(&config).unwrap();
        assert_eq!(mode_of(&config), 0o600, "a config made private stays so");
        chmod(&config, 0o640);
        ConfigFile::default().save(&config).unwrap();
        assert_eq!(mode_of(&config), 0o640);

        let credentials = dir.path().join("credentials.yaml");
        let mut stored = Credentials::default();
        stored.set_token("prod", "desk_secret".into());
        std::fs::write(&credentials, "").unwrap();
        chmod(&credentials, 0o644);
        stored.save(&credentials).unwrap();
        assert_eq!(mode_of(&credentials), 0o600, "closed to others");
        chmod(&credentials, 0o400);
        stored.save(&credentials).unwrap();
        assert_eq!(mode_of(&credentials), 0o400, "kept: no more than 0600");
        assert_eq!(Credentials::load(&credentials).unwrap(), stored);
    }

    #[test]
    fn a_missing_file_is_an_empty_config_and_a_broken_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.yaml");
        assert_eq!(ConfigFile::load(&path).unwrap(), ConfigFile::default());
        std::fs::write(
            &path,
            "contexts:\n  - name: a\n    server: http://x\n    protectd: true\n",
        )
        .unwrap();
        let problems = problems_of(ConfigFile::load(&path));
        assert_eq!(
            problems,
            ["4:5: unknown key `protectd` (did you mean `protected`?)"]
        );
        std::fs::write(&path, "# nothing yet\n\n").unwrap();
        assert_eq!(ConfigFile::load(&path).unwrap(), ConfigFile::default());
    }

    /// Each problem of a refused file as `LINE:COLUMN: message (help)`.
    fn problems_of<T: std::fmt::Debug>(loaded: Result<T, ConfigError>) -> Vec<String> {
        match loaded {
            Err(ConfigError::Parse { problems, .. }) => problems
                .iter()
                .map(|problem| match &problem.help {
                    Some(help) => format!("{}: {} ({help})", problem.pos, problem.message),
                    None => format!("{}: {}", problem.pos, problem.message),
                })
                .collect(),
            other => panic!("not refused as invalid: {other:?}"),
        }
    }

    #[test]
    fn problems_are_told_at_their_place_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.yaml");
        std::fs::write(
            &path,
            "current-context: a\ncontexts:\n  - name: a\n    server: http://x\n    \
             environment: prod\ncurrent-context: b\n",
        )
        .unwrap();
        let problems = problems_of(ConfigFile::load(&path));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("5:18: unknown value `prod` (did you mean `production`?"),
            "{problems:?}"
        );
        assert!(problems[1].starts_with("6:1: "), "{problems:?}");
        assert!(problems[1].contains("current-context"), "{problems:?}");
        assert!(!problems[1].contains("DuplicateKeyPolicy"), "{problems:?}");
    }

    #[test]
    fn two_contexts_of_one_name_or_one_called_local_are_refused_at_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.yaml");
        std::fs::write(
            &path,
            "contexts:\n- name: a\n  server: http://one\n- name: local\n  server: http://two\n\
             - name: a\n  server: http://three\n",
        )
        .unwrap();
        let problems = problems_of(ConfigFile::load(&path));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("4:9: `local` is the name of the local desk"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("6:9: a second context named `a` (the first is on line 2)"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_problem_in_the_credentials_never_shows_a_token() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("credentials.yaml");
        std::fs::write(&path, "contexts:\n  prod: desk_s3cret\n").unwrap();
        let problems = problems_of(Credentials::load(&path));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("2:9: "), "{problems:?}");
        assert!(!problems[0].contains("s3cret"), "{problems:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_write_through_a_symbolic_link_replaces_the_file_it_leads_to() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles").join("config.yaml");
        std::fs::create_dir_all(real.parent().unwrap()).unwrap();
        std::fs::write(&real, "contexts: []\n").unwrap();
        let links = dir.path().join("cfg");
        std::fs::create_dir_all(&links).unwrap();
        // A link to a link, the first relative to its own directory.
        std::os::unix::fs::symlink("../dotfiles/config.yaml", links.join("middle.yaml")).unwrap();
        let link = links.join("config.yaml");
        std::os::unix::fs::symlink(links.join("middle.yaml"), &link).unwrap();
        let config = ConfigFile {
            current_context: Some("a".into()),
            ..ConfigFile::default()
        };
        config.save(&link).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(ConfigFile::load(&real).unwrap(), config);
        let names: Vec<_> = std::fs::read_dir(dir.path().join("dotfiles"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["config.yaml"], "no temporary file is left behind");

        let looped = dir.path().join("loop.yaml");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        assert!(matches!(
            config.save(&looped),
            Err(ConfigError::Write { .. })
        ));
    }

    #[test]
    fn the_config_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.yaml");
        let config = ConfigFile {
            current_context: Some("prod".into()),
            contexts: vec![ContextEntry {
                name: "prod".into(),
                server: "https://desk.example.com".into(),
                environment: Some(Environment::Production),
                protected: true,
            }],
        };
        config.save(&path).unwrap();
        assert_eq!(ConfigFile::load(&path).unwrap(), config);
    }
}
