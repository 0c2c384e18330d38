//! Secrets sealed at rest: every stored secret (SMTP password, delivery
//! webhook secret, integration credentials) is encrypted with
//! XChaCha20-Poly1305 under a key kept outside the database, so a copy of the
//! desk file or a database dump holds no secret.
//!
//! The key comes from `DESKCTL_SECRET_KEY` or from a key file next to the CLI's
//! config (`secret.key`, mode 0600), created on first need for a SQLite desk.
//! Either may hold several keys, the first sealing and every one opening: what
//! a rotation needs while replicas move to the new key. A running service
//! reads the key file again when it changed (another process rotated the key,
//! or an admin copied it in): before it seals, and when a sealed value names a
//! key it does not hold. A sealed value names its key by id and is bound to
//! its place (`email.password`…), so it cannot be moved to another one.
//! Fingerprints of secrets are keyed from the same key (see [`Fingerprints`]).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::domain::workspace::Fingerprints;

/// How a sealed value starts; anything else is a secret stored before
/// secrets were sealed.
const SEALED: &str = "sealed:v1:";
/// How a key is written in a key file or `DESKCTL_SECRET_KEY`.
const KEY_PREFIX: &str = "deskctl-key-v1:";
const NONCE_LEN: usize = 24;

/// Why a secret could not be sealed or opened; the message says what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct SealError(pub String);

/// One key: 32 random bytes.
#[derive(Clone)]
pub struct Key(Zeroizing<[u8; 32]>);

impl Key {
    pub fn generate() -> Key {
        let mut bytes = Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut bytes[..]).expect("the operating system's random source failed");
        Key(bytes)
    }

    /// A key as written by [`Key::encoded`], or 32 bytes in base64 (what
    /// `openssl rand -base64 32` prints).
    pub fn parse(text: &str) -> Option<Key> {
        let text = text.trim();
        let body = text.strip_prefix(KEY_PREFIX).unwrap_or(text);
        let bytes = Zeroizing::new(
            URL_SAFE_NO_PAD
                .decode(body)
                .or_else(|_| STANDARD.decode(body))
                .ok()?,
        );
        let bytes: [u8; 32] = bytes.as_slice().try_into().ok()?;
        Some(Key(Zeroizing::new(bytes)))
    }

    /// The key as a key file line holds it.
    pub fn encoded(&self) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "{KEY_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(&self.0[..])
        ))
    }

    /// Eight hex digits naming the key in sealed values and messages; they
    /// tell nothing of the key.
    pub fn id(&self) -> String {
        self.derive(b"deskctl key id")[..4]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn derive(&self, purpose: &[u8]) -> [u8; 32] {
        let mut mac =
            <Hmac<Sha256> as hmac::digest::KeyInit>::new_from_slice(&self.0[..]).expect("any key");
        mac.update(purpose);
        mac.finalize().into_bytes().into()
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.derive(b"deskctl sealing")).into())
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({})", self.id())
    }
}

/// Where the keys came from, which says what a message tells the admin to do
/// and whether a key may be made.
#[derive(Debug, Clone)]
enum Source {
    /// `DESKCTL_SECRET_KEY`.
    Env,
    /// The key file; `create` when the first key may be written to it.
    File { path: PathBuf, create: bool },
    /// Given by the caller (tests, and desks that hold no secrets).
    Given,
}

#[derive(Debug)]
struct Ring {
    keys: Vec<Key>,
    source: Source,
    /// Fingerprints while there is no key: nothing stored to compare with.
    transient: Key,
    /// The key file as it was when last read: one that has not changed since
    /// is not read again, so a secret whose key is truly absent costs a
    /// `stat`, not a read, each time it is opened.
    read: Option<FileStamp>,
    /// Moves on whenever `keys` change, so that what was opened with the
    /// keys before is opened again (see [`Keys::version`]).
    version: u64,
    /// How often the key file was read again: a key truly absent must cost
    /// none (tests look).
    rereads: u64,
}

/// What tells that a key file changed without reading it. deskctl writes key
/// files anew and renames them into place, which changes the inode even
/// within the modification time's resolution; the status change time also
/// moves on a `chmod 600` that makes a refused file readable.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Inode and status change time (seconds, nanoseconds), where there are.
    inode: (u64, i64, i64),
}

impl FileStamp {
    /// The stamp of the file at `path`; none when there is no file.
    fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = {
            use std::os::unix::fs::MetadataExt;
            (metadata.ino(), metadata.ctime(), metadata.ctime_nsec())
        };
        #[cfg(not(unix))]
        let inode = (0, 0, 0);
        Some(FileStamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            inode,
        })
    }
}

impl Ring {
    /// Reads the key file again if it changed since it was last read, and
    /// takes its keys, as a restarted process would; answers whether the keys
    /// changed. A file gone, emptied or unreadable leaves the keys held,
    /// which still open what they sealed. Keys from `DESKCTL_SECRET_KEY`
    /// cannot change in a running process: never read again.
    fn reload(&mut self) -> bool {
        let Source::File { path, .. } = &self.source else {
            return false;
        };
        // Stamped before reading: a change while it is read is seen next time.
        let stamp = FileStamp::of(path);
        if stamp == self.read {
            return false;
        }
        self.read = stamp;
        self.rereads += 1;
        let keys = match read_key_file(path) {
            Ok(Some(keys)) if !keys.is_empty() => keys,
            Ok(_) => return false,
            Err(SealError(why)) => {
                tracing::warn!("{why}: keeping the keys read before");
                return false;
            }
        };
        let ids = |keys: &[Key]| keys.iter().map(Key::id).collect::<Vec<_>>();
        if ids(&keys) == ids(&self.keys) {
            return false;
        }
        self.set_keys(keys);
        true
    }

    fn set_keys(&mut self, keys: Vec<Key>) {
        self.keys = keys;
        self.version += 1;
    }

    /// Why nothing can be sealed: no key, and none may be made here.
    fn no_sealing_key(&self) -> SealError {
        match &self.source {
            Source::File { path, .. } => SealError(format!(
                "no key to seal secrets with: set {SECRET_KEY_ENV} (the same on every replica), \
                 or create the key file {} with `deskctl secrets rotate-key`",
                path.display()
            )),
            Source::Env | Source::Given => {
                SealError(format!("no key to seal secrets with: set {SECRET_KEY_ENV}"))
            }
        }
    }
}

/// The keys a store seals and opens secrets with.
#[derive(Debug, Clone)]
pub struct Keys(Arc<Mutex<Ring>>);

/// The environment variable that holds the keys.
pub const SECRET_KEY_ENV: &str = crate::env::DESKCTL_SECRET_KEY;

impl Keys {
    /// The keys of `DESKCTL_SECRET_KEY` (`env`, several separated by commas or
    /// spaces) if set, else of the key `file`, which `create` lets this
    /// process write when the first secret is sealed.
    pub fn load(env: Option<&str>, file: &Path, create: bool) -> Result<Keys, SealError> {
        if let Some(text) = env {
            let keys = parse_keys(text).map_err(|n| {
                SealError(format!(
                    "{SECRET_KEY_ENV}: key {n} is not a deskctl key (expected 32 bytes in \
                     base64, e.g. from `openssl rand -base64 32`)"
                ))
            })?;
            if keys.is_empty() {
                return Err(SealError(format!(
                    "{SECRET_KEY_ENV} is set but holds no key"
                )));
            }
            return Ok(Keys::with(keys, Source::Env));
        }
        let read = FileStamp::of(file);
        let keys = read_key_file(file)?.unwrap_or_default();
        let keys = Keys::with(
            keys,
            Source::File {
                path: file.to_path_buf(),
                create,
            },
        );
        keys.ring().read = read;
        Ok(keys)
    }

    /// `keys`, as given: no file behind them.
    pub fn given(keys: Vec<Key>) -> Keys {
        Keys::with(keys, Source::Given)
    }

    fn with(keys: Vec<Key>, source: Source) -> Keys {
        Keys(Arc::new(Mutex::new(Ring {
            keys,
            source,
            transient: Key::generate(),
            read: None,
            version: 0,
            rereads: 0,
        })))
    }

    fn ring(&self) -> std::sync::MutexGuard<'_, Ring> {
        self.0.lock().expect("the key ring lock is never poisoned")
    }

    /// Reads the key file again if it changed since it was last read (see
    /// [`Ring::reload`]); answers whether the keys changed.
    pub fn reload_if_changed(&self) -> bool {
        self.ring().reload()
    }

    /// Moves on whenever the keys change (a reload, a rotation, a key made):
    /// what was opened under another version may open differently now.
    pub fn version(&self) -> u64 {
        self.ring().version
    }

    /// Whether a key of id `id` is at hand.
    pub fn holds(&self, id: &str) -> bool {
        self.ring().keys.iter().any(|key| key.id() == id)
    }

    /// Fingerprints under the sealing key (every key of the ring accepted).
    pub fn fingerprints(&self) -> Fingerprints {
        let mut ring = self.ring();
        if ring.keys.is_empty() {
            ring.reload();
        }
        let keys = if ring.keys.is_empty() {
            vec![ring.transient.derive(b"deskctl fingerprints")]
        } else {
            ring.keys
                .iter()
                .map(|key| key.derive(b"deskctl fingerprints"))
                .collect()
        };
        Fingerprints::keyed(keys)
    }

    /// The key that signs what the service hands out for `purpose` and
    /// checks later (requester tokens): derived from the sealing key, made
    /// and written to the key file first if this process may. A copy of the
    /// database holds no key, so it cannot sign one.
    pub fn signing_key(&self, purpose: &[u8]) -> Result<Zeroizing<[u8; 32]>, SealError> {
        Ok(Zeroizing::new(self.sealing_key()?.derive(purpose)))
    }

    /// The keys a signature for `purpose` is checked with: one from every key
    /// of the ring, so what the old key signed holds through a rotation.
    pub fn verifying_keys(&self, purpose: &[u8]) -> Vec<Zeroizing<[u8; 32]>> {
        self.ring()
            .keys
            .iter()
            .map(|key| Zeroizing::new(key.derive(purpose)))
            .collect()
    }

    /// The id of the key that seals, if there is one yet.
    pub fn sealing_key_id(&self) -> Option<String> {
        self.ring().keys.first().map(Key::id)
    }

    /// Whether this process can seal a secret (it has a key or may make one).
    pub fn can_seal(&self) -> bool {
        self.cannot_seal().is_none()
    }

    /// Why this process cannot seal a secret (it has no key and may make
    /// none), and what to set; none when it can.
    pub fn cannot_seal(&self) -> Option<SealError> {
        let mut ring = self.ring();
        if ring.keys.is_empty() {
            ring.reload();
        }
        let can = !ring.keys.is_empty() || matches!(ring.source, Source::File { create: true, .. });
        (!can).then(|| ring.no_sealing_key())
    }

    /// Whether a rotation makes a key of its own (the key file), rather than
    /// sealing under the first key it was given (`DESKCTL_SECRET_KEY`).
    pub fn rotation_makes_key(&self) -> bool {
        matches!(self.ring().source, Source::File { .. })
    }

    /// How many keys are at hand.
    pub fn count(&self) -> usize {
        self.ring().keys.len()
    }

    /// Where the keys come from, for messages.
    pub fn source(&self) -> String {
        match &self.ring().source {
            Source::Env => SECRET_KEY_ENV.to_string(),
            Source::File { path, .. } => format!("the key file {}", path.display()),
            Source::Given => "the keys given".to_string(),
        }
    }

    /// `secret`, the value of `place`, sealed under the first key (made and
    /// written to the key file first if this process may).
    pub fn seal(&self, place: &str, secret: &str) -> Result<String, SealError> {
        let key = self.sealing_key()?;
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system's random source failed");
        let sealed = key
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: secret.as_bytes(),
                    aad: place.as_bytes(),
                },
            )
            .expect("sealing a secret in memory cannot fail");
        let mut body = nonce.to_vec();
        body.extend_from_slice(&sealed);
        Ok(format!(
            "{SEALED}{}:{}",
            key.id(),
            URL_SAFE_NO_PAD.encode(body)
        ))
    }

    /// The secret `stored` holds for `place`: opened when sealed, as it is
    /// when stored before secrets were sealed.
    pub fn open(&self, place: &str, stored: &str) -> Result<String, SealError> {
        let Some(rest) = stored.strip_prefix(SEALED) else {
            return Ok(stored.to_string());
        };
        let corrupt = || SealError(format!("the sealed secret {place} is damaged"));
        let (id, body) = rest.split_once(':').ok_or_else(corrupt)?;
        let body = URL_SAFE_NO_PAD.decode(body).map_err(|_| corrupt())?;
        if body.len() < NONCE_LEN {
            return Err(corrupt());
        }
        let (nonce, sealed) = body.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().expect("split at its length");
        let mut ring = self.ring();
        // A key another process made since this one read the key file.
        if !ring.keys.iter().any(|k| k.id() == id) {
            ring.reload();
        }
        let Some(key) = ring.keys.iter().find(|k| k.id() == id) else {
            return Err(SealError(missing_key(place, id, &ring.source)));
        };
        let plain = key
            .cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: sealed,
                    aad: place.as_bytes(),
                },
            )
            .map_err(|_| {
                SealError(format!(
                    "the sealed secret {place} does not open with key {id}: it was altered or \
                     copied from another place"
                ))
            })?;
        String::from_utf8(plain).map_err(|_| corrupt())
    }

    /// The first key, read from the key file again first if it changed: a
    /// running service seals under the key another process rotated to, not
    /// one the rotation has dropped, which nothing else could open.
    fn sealing_key(&self) -> Result<Key, SealError> {
        let mut ring = self.ring();
        ring.reload();
        if let Some(key) = ring.keys.first() {
            return Ok(key.clone());
        }
        match &ring.source {
            Source::File { path, create: true } => {
                let key = create_key_file(path)?;
                ring.set_keys(vec![key.clone()]);
                Ok(key)
            }
            _ => Err(ring.no_sealing_key()),
        }
    }

    /// Starts a rotation: with a key file, a new key is made and written
    /// first in it, the old ones kept after it until [`Keys::finish_rotation`];
    /// with `DESKCTL_SECRET_KEY`, its first key is the new one already.
    /// Answers the new key's id and whether it was made here.
    pub fn start_rotation(&self) -> Result<(String, bool), SealError> {
        let mut ring = self.ring();
        ring.reload();
        let Source::File { path, .. } = &ring.source else {
            let first = ring
                .keys
                .first()
                .ok_or_else(|| SealError(format!("no key to rotate to: set {SECRET_KEY_ENV}")))?;
            return Ok((first.id(), false));
        };
        let key = Key::generate();
        let mut keys = vec![key.clone()];
        keys.extend(ring.keys.iter().cloned());
        write_key_file(path, &keys)?;
        ring.set_keys(keys);
        Ok((key.id(), true))
    }

    /// Ends a rotation once every secret is sealed under the first key: the
    /// key file keeps only that key. (Old keys in `DESKCTL_SECRET_KEY` are the
    /// admin's to drop.)
    pub fn finish_rotation(&self) -> Result<(), SealError> {
        let mut ring = self.ring();
        if let Source::File { path, .. } = &ring.source
            && ring.keys.len() > 1
        {
            let first = vec![ring.keys[0].clone()];
            write_key_file(path, &first)?;
            ring.set_keys(first);
        }
        Ok(())
    }
}

/// Whether a stored value is sealed.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED)
}

/// The id of the key a stored value is sealed with; none when it is open.
pub fn sealed_key_id(stored: &str) -> Option<&str> {
    let (id, _) = stored.strip_prefix(SEALED)?.split_once(':')?;
    Some(id)
}

fn missing_key(place: &str, id: &str, source: &Source) -> String {
    let fix = match source {
        Source::Env => format!("add that key to {SECRET_KEY_ENV}"),
        Source::File { path, .. } => format!(
            "set {SECRET_KEY_ENV} to that key, or restore the key file {}",
            path.display()
        ),
        Source::Given => format!("set {SECRET_KEY_ENV} to that key"),
    };
    format!("the secret {place} is sealed with key {id}, which is not at hand: {fix}")
}

/// The keys of `text`, separated by commas, spaces or lines (`#` comments
/// allowed); on error the number of the first bad one.
fn parse_keys(text: &str) -> Result<Vec<Key>, usize> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .flat_map(|line| line.split([',', ' ', '\t']))
        .filter(|word| !word.trim().is_empty())
        .enumerate()
        .map(|(index, word)| Key::parse(word).ok_or(index + 1))
        .collect()
}

/// The keys of the key file, if there is one. A key file others can read is
/// refused, as ssh refuses such a private key.
fn read_key_file(path: &Path) -> Result<Option<Vec<Key>>, SealError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => Zeroizing::new(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(SealError(format!(
                "cannot read the key file {}: {e}",
                path.display()
            )));
        }
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0o600);
        if mode & 0o077 != 0 {
            return Err(SealError(format!(
                "the key file {} can be read by others (mode {mode:04o}): `chmod 600 {}`",
                path.display(),
                path.display()
            )));
        }
    }
    let keys = parse_keys(&text).map_err(|n| {
        SealError(format!(
            "the key file {}: line {n} is not a deskctl key",
            path.display()
        ))
    })?;
    Ok(Some(keys))
}

/// A new key in a new key file at `path`; if another process made the file
/// first, its key.
fn create_key_file(path: &Path) -> Result<Key, SealError> {
    let key = Key::generate();
    let temp = path.with_extension(format!("{}.new", std::process::id()));
    write_private(&temp, std::slice::from_ref(&key))?;
    // A hard link appears whole or not at all, and never replaces a file.
    let linked = std::fs::hard_link(&temp, path);
    let _ = std::fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(key),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read_key_file(path)?
            .and_then(|keys| keys.into_iter().next())
            .ok_or_else(|| SealError(format!("the key file {} holds no key", path.display()))),
        Err(e) => Err(SealError(format!(
            "cannot create the key file {}: {e}",
            path.display()
        ))),
    }
}

fn write_key_file(path: &Path, keys: &[Key]) -> Result<(), SealError> {
    let temp = path.with_extension(format!("{}.new", std::process::id()));
    write_private(&temp, keys)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        SealError(format!("cannot write the key file {}: {e}", path.display()))
    })
}

/// `keys` in a new file readable by its owner only, synced to disk.
fn write_private(path: &Path, keys: &[Key]) -> Result<(), SealError> {
    use std::io::Write;
    let error =
        |e: std::io::Error| SealError(format!("cannot write the key file {}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_dir(dir).map_err(error)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(error)?;
    let mut text = Zeroizing::new(String::from(
        "# deskctl's secret key: every stored secret is sealed with the first key.\n\
         # Keep it private and back it up apart from the desk; without it, the\n\
         # desk's secrets cannot be read.\n",
    ));
    for key in keys {
        text.push_str(&key.encoded());
        text.push('\n');
    }
    file.write_all(text.as_bytes()).map_err(error)?;
    file.sync_all().map_err(error)
}

/// Creates `dir` (and its parents) when missing, readable by its owner only.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The permission bits of the file at `path` when users other than its
/// owner have any access to it (never on other systems than Unix).
pub fn open_to_others(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A directory's mode is not a file's: never advise a `chmod` of one.
        let metadata = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        let mode = metadata.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// A warning when the desk file at `path` can be read by other users.
pub fn exposed_desk(path: &Path) -> Option<String> {
    let mode = open_to_others(path)?;
    let p = path.display();
    Some(format!(
        "the desk {p} can be read by other users (mode {mode:04o}): \
         `chmod 600 {p} {p}-wal {p}-shm`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::given(vec![Key::generate()])
    }

    #[test]
    fn a_sealed_secret_opens_in_its_place_only() {
        let keys = keys();
        let sealed = keys.seal("email.password", "hunter22-long-enough").unwrap();
        assert!(
            is_sealed(&sealed) && !sealed.contains("hunter22"),
            "{sealed}"
        );
        assert_eq!(sealed_key_id(&sealed), keys.sealing_key_id().as_deref());
        assert_eq!(
            keys.open("email.password", &sealed).unwrap(),
            "hunter22-long-enough"
        );
        // The same secret seals differently each time (a fresh nonce).
        assert_ne!(
            sealed,
            keys.seal("email.password", "hunter22-long-enough").unwrap()
        );
        let moved = keys.open("delivery.secret", &sealed).unwrap_err();
        assert!(moved.0.contains("altered or copied"), "{moved}");
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(keys.open("email.password", &tampered).is_err());
    }

    #[test]
    fn a_secret_sealed_with_another_key_names_the_key() {
        let sealed = keys().seal("delivery.secret", "0123456789abcdef").unwrap();
        let id = sealed.split(':').nth(2).unwrap().to_string();
        let error = keys().open("delivery.secret", &sealed).unwrap_err();
        assert!(
            error.0.contains(&id) && error.0.contains(SECRET_KEY_ENV),
            "{error}"
        );
    }

    #[test]
    fn a_plain_value_from_before_sealing_reads_as_it_is() {
        assert_eq!(keys().open("email.password", "plain").unwrap(), "plain");
        assert!(!is_sealed("plain"));
        assert_eq!(sealed_key_id("plain"), None);
    }

    #[test]
    fn keys_parse_from_either_form_and_refuse_anything_else() {
        let key = Key::generate();
        assert_eq!(Key::parse(&key.encoded()).unwrap().id(), key.id());
        let standard = STANDARD.encode(&key.0[..]);
        assert_eq!(Key::parse(&standard).unwrap().id(), key.id());
        assert!(Key::parse("too-short").is_none());
        assert!(Key::parse(&STANDARD.encode([0u8; 16])).is_none());
        let two = format!(
            "{}, {}",
            Key::generate().encoded().as_str(),
            key.encoded().as_str()
        );
        assert_eq!(parse_keys(&two).unwrap().len(), 2);
        assert_eq!(parse_keys("# nothing\n").unwrap().len(), 0);
        let one_bad = format!("{} nope", key.encoded().as_str());
        assert_eq!(parse_keys(&one_bad).map(|keys| keys.len()), Err(2));
    }

    #[test]
    fn the_key_file_is_made_once_private_and_refused_when_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config").join("secret.key");
        let keys = Keys::load(None, &path, true).unwrap();
        assert!(keys.sealing_key_id().is_none() && keys.can_seal());
        let sealed = keys.seal("email.password", "a-password").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        // Another process reads the same key from the file.
        let again = Keys::load(None, &path, false).unwrap();
        assert_eq!(again.open("email.password", &sealed).unwrap(), "a-password");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let error = Keys::load(None, &path, false).unwrap_err();
            assert!(error.0.contains("chmod 600"), "{error}");
        }
    }

    #[test]
    fn without_a_key_and_leave_to_make_one_sealing_says_how_to_get_one() {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keys::load(None, &dir.path().join("secret.key"), false).unwrap();
        assert!(!keys.can_seal());
        let error = keys.seal("email.password", "x").unwrap_err();
        assert!(
            error.0.contains(SECRET_KEY_ENV) && error.0.contains("rotate-key"),
            "{error}"
        );
        let error = Keys::load(Some("not-a-key"), Path::new("/nonexistent"), true).unwrap_err();
        assert!(error.0.contains("key 1 is not a deskctl key"), "{error}");
    }

    #[test]
    fn a_rotation_keeps_old_secrets_open_until_it_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let keys = Keys::load(None, &path, true).unwrap();
        let old = keys.seal("delivery.secret", "0123456789abcdef").unwrap();
        let old_print = keys.fingerprints().of("0123456789abcdef");
        let (new_id, made) = keys.start_rotation().unwrap();
        assert!(made);
        assert_eq!(keys.sealing_key_id().as_deref(), Some(new_id.as_str()));
        // Still opens, and the old fingerprint is still recognised.
        assert_eq!(
            keys.open("delivery.secret", &old).unwrap(),
            "0123456789abcdef"
        );
        assert!(keys.fingerprints().matches(&old_print, "0123456789abcdef"));
        let new = keys.seal("delivery.secret", "0123456789abcdef").unwrap();
        keys.finish_rotation().unwrap();
        let reread = Keys::load(None, &path, false).unwrap();
        assert_eq!(reread.sealing_key_id().as_deref(), Some(new_id.as_str()));
        assert!(reread.open("delivery.secret", &old).is_err());
        assert_eq!(
            reread.open("delivery.secret", &new).unwrap(),
            "0123456789abcdef"
        );
    }

    #[test]
    fn a_running_process_takes_the_key_another_rotated_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let service = Keys::load(None, &path, true).unwrap();
        service.seal("delivery.secret", "0123456789abcdef").unwrap();
        let old_id = service.sealing_key_id().unwrap();
        let version = service.version();

        // Another process rotates: the file holds only its new key.
        let rotating = Keys::load(None, &path, false).unwrap();
        let (new_id, _) = rotating.start_rotation().unwrap();
        let resealed = rotating
            .seal("delivery.secret", "0123456789abcdef")
            .unwrap();
        rotating.finish_rotation().unwrap();

        // What it sealed opens here, the file read again for its key...
        assert_eq!(
            service.open("delivery.secret", &resealed).unwrap(),
            "0123456789abcdef"
        );
        assert!(service.holds(&new_id) && !service.holds(&old_id));
        assert!(service.version() > version);
        // ...and what is sealed here now, the others open.
        let sealed_here = service.seal("email.password", "a-password").unwrap();
        assert_eq!(sealed_key_id(&sealed_here), Some(new_id.as_str()));
        assert_eq!(
            rotating.open("email.password", &sealed_here).unwrap(),
            "a-password"
        );
    }

    #[test]
    fn a_process_sealing_after_another_rotated_seals_under_the_new_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let service = Keys::load(None, &path, true).unwrap();
        service.seal("delivery.secret", "0123456789abcdef").unwrap();
        let rotating = Keys::load(None, &path, false).unwrap();
        let (new_id, _) = rotating.start_rotation().unwrap();
        rotating.finish_rotation().unwrap();
        // Nothing was opened here since: the seal itself reads the file again.
        let sealed = service.seal("email.password", "a-password").unwrap();
        assert_eq!(sealed_key_id(&sealed), Some(new_id.as_str()));
        assert_eq!(service.sealing_key_id(), Some(new_id));
    }

    #[test]
    fn a_keyless_process_takes_a_key_file_made_later() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let replica = Keys::load(None, &path, false).unwrap();
        assert!(!replica.can_seal());
        let elsewhere = Keys::given(vec![Key::generate()]);
        let sealed = elsewhere.seal("email.password", "a-password").unwrap();
        assert!(replica.open("email.password", &sealed).is_err());

        let key = elsewhere_key(&elsewhere, &dir);
        std::fs::rename(key, &path).unwrap();
        assert!(replica.can_seal());
        assert_eq!(
            replica.open("email.password", &sealed).unwrap(),
            "a-password"
        );
        assert_eq!(
            replica.fingerprints().of("a-password"),
            elsewhere.fingerprints().of("a-password")
        );
    }

    /// `keys`' keys in a private key file in `dir`.
    fn elsewhere_key(keys: &Keys, dir: &tempfile::TempDir) -> PathBuf {
        let path = dir.path().join("copied.key");
        write_private(&path, &keys.ring().keys).unwrap();
        path
    }

    #[test]
    fn keys_from_the_environment_are_never_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let file_keys = Keys::load(None, &path, true).unwrap();
        let sealed = file_keys.seal("email.password", "a-password").unwrap();
        let env = Key::generate();
        let keys = Keys::load(Some(env.encoded().as_str()), &path, true).unwrap();
        assert!(keys.open("email.password", &sealed).is_err());
        assert!(!keys.reload_if_changed());
        assert_eq!(keys.sealing_key_id(), Some(env.id()));
    }

    #[test]
    fn the_key_file_is_read_again_only_when_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let keys = Keys::load(None, &path, true).unwrap();
        keys.seal("email.password", "a-password").unwrap();
        let lost = Keys::given(vec![Key::generate()]);
        let sealed_away = lost.seal("email.password", "a-password").unwrap();
        // Read once since this process made it, with nothing new in it.
        assert!(!keys.reload_if_changed());
        let rereads = keys.ring().rereads;

        // A secret whose key is truly absent: the file, unchanged, is not
        // read again however often it is opened.
        for _ in 0..3 {
            assert!(keys.open("email.password", &sealed_away).is_err());
        }
        assert_eq!(keys.ring().rereads, rereads);

        // Written anew, it is read again once.
        let other = Keys::given(vec![Key::generate()]);
        write_key_file(&path, &other.ring().keys).unwrap();
        assert!(keys.reload_if_changed());
        assert_eq!(keys.sealing_key_id(), other.sealing_key_id());
        assert!(!keys.reload_if_changed());
        assert!(keys.open("email.password", &sealed_away).is_err());
        assert_eq!(keys.ring().rereads, rereads + 1);

        // Refused as readable by others, then made private: read again.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |m| std::fs::Permissions::from_mode(m);
            write_key_file(&path, &lost.ring().keys).unwrap();
            std::fs::set_permissions(&path, mode(0o644)).unwrap();
            assert!(!keys.reload_if_changed());
            // The change time moves on at the file system clock's next tick.
            let refused = FileStamp::of(&path);
            loop {
                std::fs::set_permissions(&path, mode(0o600)).unwrap();
                if FileStamp::of(&path) != refused {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            assert!(keys.reload_if_changed());
            assert_eq!(
                keys.open("email.password", &sealed_away).unwrap(),
                "a-password"
            );
        }
    }

    #[test]
    fn a_key_file_gone_or_broken_leaves_the_keys_held() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        let keys = Keys::load(None, &path, false).unwrap();
        let held = Keys::given(vec![Key::generate()]);
        write_key_file(&path, &held.ring().keys).unwrap();
        let sealed = held.seal("email.password", "a-password").unwrap();
        assert_eq!(keys.open("email.password", &sealed).unwrap(), "a-password");

        std::fs::write(dir.path().join("broken"), "not a key\n").unwrap();
        std::fs::rename(dir.path().join("broken"), &path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        assert!(!keys.reload_if_changed());
        std::fs::remove_file(&path).unwrap();
        assert!(!keys.reload_if_changed());
        assert_eq!(keys.open("email.password", &sealed).unwrap(), "a-password");
    }
}
