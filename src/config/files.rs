//! Reading and writing the config and credentials files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ConfigError;
use crate::api::Environment;

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
        load_yaml(path)
    }

    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let text = serde_saphyr::to_string(self).expect("the config serializes");
        atomic_write(path, text.as_bytes(), 0o644)
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
    pub fn load(path: &Path) -> Result<Credentials, ConfigError> {
        load_yaml(path)
    }

    /// Writes the file readable by its owner only.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let text = serde_saphyr::to_string(self).expect("credentials serialize");
        atomic_write(path, text.as_bytes(), 0o600)
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

fn load_yaml<T: Default + for<'de> Deserialize<'de>>(path: &Path) -> Result<T, ConfigError> {
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
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    serde_saphyr::from_str(&text).map_err(|e| ConfigError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Replaces `path` with `contents` so a reader never sees half a file, creating
/// the directory when needed. The file gets `mode` (on Unix) from its creation.
pub fn atomic_write(path: &Path, contents: &[u8], mode: u32) -> Result<(), ConfigError> {
    let error = |source| ConfigError::Write {
        path: path.to_path_buf(),
        source,
    };
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

    #[test]
    fn a_missing_file_is_an_empty_config_and_a_broken_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.yaml");
        assert_eq!(ConfigFile::load(&path).unwrap(), ConfigFile::default());
        std::fs::write(&path, "contexts:\n  - name: a\n    sever: http://x\n").unwrap();
        let error = ConfigFile::load(&path).unwrap_err().to_string();
        assert!(error.contains("sever"), "{error}");
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
