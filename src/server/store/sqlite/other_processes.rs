//! Whether another process has a desk file open, read from the locks SQLite
//! holds, so that a newer deskctl does not change the schema under an older
//! one (a `deskctl serve` left running through an upgrade), which would go on
//! reading and writing a schema it does not know.
//!
//! For as long as a connection has a desk open in WAL mode, SQLite holds a
//! shared lock on one byte of its `-shm` file (`UNIX_SHM_DMS` in os_unix.c,
//! offset 128). Linux lists every lock, with the process holding it, in
//! `/proc/locks`; reading that file opens no descriptor on the desk's files
//! (closing one would drop this process's own POSIX locks on them). Elsewhere,
//! or when that file cannot be read, nobody is seen.

use std::path::Path;

/// The byte of the `-shm` file every connection holds a shared lock on.
const DMS_BYTE: u64 = 128;

/// The file a lock is on: its device (major, minor) and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LockedFile {
    major: u64,
    minor: u64,
    inode: u64,
}

/// The id of another process that has the desk at `path` open, if any.
pub(super) fn holding(path: &Path) -> Option<u32> {
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    let file = locked_file(Path::new(&shm))?;
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    holder(&locks, file, std::process::id())
}

#[cfg(target_os = "linux")]
fn locked_file(path: &Path) -> Option<LockedFile> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path).ok()?;
    Some(LockedFile {
        major: rustix::fs::major(metadata.dev()).into(),
        minor: rustix::fs::minor(metadata.dev()).into(),
        inode: metadata.ino(),
    })
}

#[cfg(not(target_os = "linux"))]
fn locked_file(_path: &Path) -> Option<LockedFile> {
    None
}

/// The process other than `own` holding a lock on [`DMS_BYTE`] of `file`, in
/// `locks` as `/proc/locks` lists them:
/// `1: POSIX  ADVISORY  READ 15882 fe:00:10028107 128 128`
/// (a waiting request has `->` after its number, and holds nothing).
fn holder(locks: &str, file: LockedFile, own: u32) -> Option<u32> {
    locks.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [_, kind, _, _, pid, on, start, end] = fields.as_slice() else {
            return None;
        };
        if !matches!(*kind, "POSIX" | "OFDLCK") {
            return None;
        }
        let pid: u32 = pid.parse().ok()?;
        if pid == own || parse_file(on)? != file {
            return None;
        }
        let start: u64 = start.parse().ok()?;
        let covers = start <= DMS_BYTE && (*end == "EOF" || end.parse::<u64>().ok()? >= DMS_BYTE);
        covers.then_some(pid)
    })
}

/// `fe:00:10028107`: major and minor in hex, then the inode.
fn parse_file(text: &str) -> Option<LockedFile> {
    let mut parts = text.splitn(3, ':');
    let major = u64::from_str_radix(parts.next()?, 16).ok()?;
    let minor = u64::from_str_radix(parts.next()?, 16).ok()?;
    let inode = parts.next()?.parse().ok()?;
    Some(LockedFile {
        major,
        minor,
        inode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHM: LockedFile = LockedFile {
        major: 0xfe,
        minor: 0,
        inode: 10028107,
    };

    #[test]
    fn another_process_holding_the_shm_byte_has_the_desk_open() {
        let locks = "16: POSIX  ADVISORY  READ 15882 fe:00:10028107 128 128\n\
                     17: POSIX  ADVISORY  READ 15882 fe:00:10028102 1073741826 1073742335\n";
        assert_eq!(holder(locks, SHM, 99), Some(15882));
        // A range that covers the byte, to the end of the file.
        let to_end = "3: POSIX  ADVISORY  WRITE 41 fe:00:10028107 120 EOF\n";
        assert_eq!(holder(to_end, SHM, 99), Some(41));
    }

    #[test]
    fn this_process_other_files_other_bytes_and_waiters_are_no_one() {
        let locks = "16: POSIX  ADVISORY  READ 99 fe:00:10028107 128 128\n\
                     17: POSIX  ADVISORY  READ 15882 fe:01:10028107 128 128\n\
                     18: POSIX  ADVISORY  READ 15882 fe:00:10028102 128 128\n\
                     19: POSIX  ADVISORY  WRITE 15882 fe:00:10028107 120 127\n\
                     20: -> POSIX  ADVISORY  WRITE 15882 fe:00:10028107 128 128\n\
                     21: FLOCK  ADVISORY  WRITE 15882 fe:00:10028107 0 EOF\n\
                     garbage\n";
        assert_eq!(holder(locks, SHM, 99), None);
        assert_eq!(holder("", SHM, 99), None);
    }
}
