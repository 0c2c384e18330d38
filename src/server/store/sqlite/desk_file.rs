//! Whether the desk file this process writes to is still the one at its
//! path, and whether the disk holding it has room.
//!
//! A desk file removed (or replaced, e.g. by a backup restored over it) under
//! a running service stays open: SQLite goes on committing to the unlinked
//! file, every write is acknowledged, and all of it is gone when the service
//! stops. A full disk fails every commit until space is freed. Either way the
//! service must say so: writes are refused with a 503 naming the cause and
//! the path, and the health check answers 503 too ([`DeskFile::health`]).
//!
//! The file is compared by (device, inode) once per write transaction, just
//! before its `COMMIT`: one `stat` of the path, not one per statement.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::server::store::{StoreError, StoreResult};

/// What identifies a file on this machine: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    device: u64,
    inode: u64,
}

/// The free space that must appear on the desk's file system, beyond what
/// was free when a write failed for a full disk, before the health check
/// reports the desk writable again: room for a few batches of writes. A
/// write that still fails reports the disk full again.
const ROOM_FREED: u64 = 256 * 1024;

/// The desk file a store opened, and what became of it.
#[derive(Debug)]
pub(crate) struct DeskFile {
    path: PathBuf,
    /// The file at `path` when the store opened it; none where it cannot be
    /// told (not a Unix system, or the path could not be read then).
    opened: Option<FileId>,
    /// Set, for good, once the file at `path` is no longer the one opened.
    replaced: AtomicBool,
    /// Set while writes fail for a full disk: the bytes free on the desk's
    /// file system then (none when they could not be read).
    full: Mutex<Option<Option<u64>>>,
    /// Set while writes fail for a desk read-only to this user (its file
    /// made read-only under the service, which reopens connections): only a
    /// write that commits tells it is writable again.
    read_only: AtomicBool,
}

impl DeskFile {
    /// The desk file at `path`, as it is now (the store has just opened it).
    pub(crate) fn new(path: &Path) -> DeskFile {
        DeskFile {
            path: path.to_path_buf(),
            opened: file_id(path).ok(),
            replaced: AtomicBool::new(false),
            full: Mutex::new(None),
            read_only: AtomicBool::new(false),
        }
    }

    /// `Err` when the file at the desk's path is not the one this store
    /// opened (removed, moved away, or another file put in its place);
    /// logged once.
    pub(crate) fn check_in_place(&self) -> StoreResult<()> {
        if self.replaced.load(Ordering::Acquire) {
            return Err(self.replaced_error());
        }
        let Some(opened) = self.opened else {
            return Ok(());
        };
        if still_in_place(opened, file_id(&self.path)) {
            return Ok(());
        }
        if !self.replaced.swap(true, Ordering::AcqRel) {
            tracing::error!(
                desk = %self.path.display(),
                "the desk file was removed or replaced while the service had it open: every \
                 write is refused from now on, since it would be lost; restart the service on \
                 the desk file to serve"
            );
        }
        Err(self.replaced_error())
    }

    fn replaced_error(&self) -> StoreError {
        StoreError::DeskReplaced(format!(
            "the desk file {} was removed or replaced after deskctl opened it: writes are \
             refused, since they would be lost with the file that was removed, and reads can \
             fail; restart `deskctl serve` on the desk file to serve",
            self.path.display()
        ))
    }

    /// What a write transaction's `result` tells: a commit clears a full
    /// disk and a read-only desk; an error is [`Self::explain`]ed.
    pub(crate) fn outcome<T>(&self, result: StoreResult<T>) -> StoreResult<T> {
        match result {
            Ok(done) => {
                let was_full = self.full().take().is_some();
                if self.read_only.swap(false, Ordering::AcqRel) || was_full {
                    tracing::info!(desk = %self.path.display(), "the desk is writable again");
                }
                Ok(done)
            }
            Err(error) => Err(self.explain(error)),
        }
    }

    /// `error`, from a write to this desk, said of this desk: a full disk
    /// or a read-only desk names the path (and is remembered for the health
    /// check, logged once until a write succeeds again); any error while the
    /// file is no longer the one opened is that (e.g. the writer's
    /// connection, opened anew, finding no file).
    pub(crate) fn explain(&self, error: StoreError) -> StoreError {
        match error {
            StoreError::DiskFull(_) => {
                let mut full = self.full();
                if full.is_none() {
                    tracing::error!(
                        desk = %self.path.display(),
                        "the disk holding the desk is full: writes are refused until space \
                         is freed there"
                    );
                    *full = Some(free_bytes(&self.path));
                }
                StoreError::disk_full(Some(&self.path))
            }
            StoreError::DeskReplaced(_) => error,
            // A desk moved away is read-only to SQLite too: that says more.
            StoreError::ReadOnly(_) => match self.check_in_place() {
                Err(replaced) => replaced,
                Ok(()) => {
                    if !self.read_only.swap(true, Ordering::AcqRel) {
                        tracing::error!(
                            desk = %self.path.display(),
                            "the desk is read-only to this user: writes are refused until it \
                             is made writable and the service restarted"
                        );
                    }
                    StoreError::read_only(Some(&self.path))
                }
            },
            error => match self.check_in_place() {
                Err(replaced) => replaced,
                Ok(()) => error,
            },
        }
    }

    /// `Err` while writes cannot succeed: the file replaced, the desk
    /// read-only to this user, or the disk full and no room freed on it since.
    pub(crate) fn health(&self) -> StoreResult<()> {
        self.check_in_place()?;
        if self.read_only.load(Ordering::Acquire) {
            return Err(StoreError::read_only(Some(&self.path)));
        }
        let mut full = self.full();
        if let Some(free_then) = *full {
            if !space_freed(free_then, free_bytes(&self.path)) {
                return Err(StoreError::disk_full(Some(&self.path)));
            }
            // The next write tells whether the room freed is enough.
            *full = None;
        }
        Ok(())
    }

    fn full(&self) -> std::sync::MutexGuard<'_, Option<Option<u64>>> {
        // Only ever set whole: a panic elsewhere leaves it sound.
        self.full.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether the file at a desk's path is still the one `opened`, given what
/// is there now: a file gone, or another file there, is not.
fn still_in_place(opened: FileId, now: std::io::Result<FileId>) -> bool {
    match now {
        Ok(now) => now == opened,
        Err(error) => error.kind() != std::io::ErrorKind::NotFound,
    }
}

/// Whether space was freed on a disk that had `free_then` bytes free when a
/// write failed for lack of it, and has `free_now`: [`ROOM_FREED`] more.
fn space_freed(free_then: Option<u64>, free_now: Option<u64>) -> bool {
    match (free_then, free_now) {
        (Some(then), Some(now)) => now >= then.saturating_add(ROOM_FREED),
        // Not known: only a write that commits tells.
        _ => false,
    }
}

#[cfg(unix)]
fn file_id(path: &Path) -> std::io::Result<FileId> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path)?;
    Ok(FileId {
        device: metadata.dev(),
        inode: metadata.ino(),
    })
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> std::io::Result<FileId> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The bytes an unprivileged process may still write on the file system
/// holding the desk at `path`.
#[cfg(unix)]
fn free_bytes(path: &Path) -> Option<u64> {
    let directory = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stats = rustix::fs::statvfs(directory).ok()?;
    Some(stats.f_bavail.saturating_mul(stats.f_frsize))
}

#[cfg(not(unix))]
fn free_bytes(_path: &Path) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENED: FileId = FileId {
        device: 1,
        inode: 7,
    };

    #[test]
    fn a_file_gone_or_another_in_its_place_is_not_the_desk_opened() {
        assert!(still_in_place(OPENED, Ok(OPENED)));
        let other = FileId { inode: 8, ..OPENED };
        assert!(!still_in_place(OPENED, Ok(other)));
        let elsewhere = FileId {
            device: 2,
            ..OPENED
        };
        assert!(!still_in_place(OPENED, Ok(elsewhere)));
        assert!(!still_in_place(
            OPENED,
            Err(std::io::ErrorKind::NotFound.into())
        ));
        // A path that cannot be read now says nothing of the file.
        assert!(still_in_place(
            OPENED,
            Err(std::io::ErrorKind::PermissionDenied.into())
        ));
    }

    #[test]
    fn a_full_disk_counts_as_freed_once_room_for_a_few_batches_appears() {
        assert!(!space_freed(Some(0), Some(0)));
        assert!(!space_freed(Some(4096), Some(4096 + ROOM_FREED - 1)));
        assert!(space_freed(Some(4096), Some(4096 + ROOM_FREED)));
        assert!(!space_freed(None, Some(u64::MAX)));
        assert!(!space_freed(Some(0), None));
    }

    #[test]
    fn a_desk_file_removed_or_replaced_refuses_writes_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        std::fs::write(&path, b"desk").unwrap();
        let file = DeskFile::new(&path);
        file.check_in_place().unwrap();
        file.health().unwrap();

        // Another file put in its place, as a restore with `mv` does.
        let other = dir.path().join("other.sqlite");
        std::fs::write(&other, b"other").unwrap();
        std::fs::rename(&other, &path).unwrap();
        let error = file.check_in_place().unwrap_err();
        assert!(matches!(error, StoreError::DeskReplaced(_)), "{error:?}");
        let said = error.to_string();
        assert!(said.contains(&path.display().to_string()), "{said}");
        assert!(said.contains("removed or replaced"), "{said}");
        assert!(matches!(file.health(), Err(StoreError::DeskReplaced(_))));
        // Any error of a write is that now.
        let explained = file.explain(StoreError::Database("no such table: tickets".into()));
        assert!(matches!(explained, StoreError::DeskReplaced(_)));

        let removed = dir.path().join("removed.sqlite");
        std::fs::write(&removed, b"desk").unwrap();
        let file = DeskFile::new(&removed);
        std::fs::remove_file(&removed).unwrap();
        assert!(matches!(
            file.check_in_place(),
            Err(StoreError::DeskReplaced(_))
        ));
        // Put back, it is still not the file opened.
        std::fs::write(&removed, b"desk").unwrap();
        assert!(matches!(
            file.check_in_place(),
            Err(StoreError::DeskReplaced(_))
        ));
    }

    #[test]
    fn a_full_disk_is_reported_with_the_path_until_a_write_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        std::fs::write(&path, b"desk").unwrap();
        let file = DeskFile::new(&path);
        let error = file.explain(StoreError::disk_full(None));
        let said = error.to_string();
        assert!(matches!(error, StoreError::DiskFull(_)), "{error:?}");
        assert!(
            said.contains(&format!("the desk at {} is full", path.display())),
            "{said}"
        );
        assert!(file.full().is_some(), "the full disk was not remembered");
        // As if no room was freed since (other tests free space beside this one).
        *file.full() = Some(Some(u64::MAX));
        let health = file.health().unwrap_err();
        assert_eq!(health.to_string(), said);
        // A write that commits says the disk has room again.
        file.outcome(Ok(())).unwrap();
        file.health().unwrap();
        // As does room freed, with no write: the health check recovers by itself.
        file.explain(StoreError::disk_full(None));
        *file.full() = Some(Some(0));
        file.health().unwrap();
        assert!(file.full().is_none());
        // Other errors are left as they are.
        let other = file.explain(StoreError::Database("syntax error".into()));
        assert!(matches!(other, StoreError::Database(_)), "{other:?}");
        file.health().unwrap();
    }
}
