//! The process's memory allocator: glibc's for commands, mimalloc's once the
//! process becomes the service.
//!
//! The service allocates and frees many small buffers per request on every
//! thread; glibc's malloc, free and consolidation took a quarter of the
//! request threads' time. With mimalloc for its own blocks and SQLite's it
//! serves about 14% more handoffs a second (docs/performance.md). A command
//! runs for a few milliseconds and pays for mimalloc's first use (about
//! 0.3 ms of start-up) without gaining from it, so commands keep glibc's.
//!
//! The choice is made once, before the service starts its threads. A block
//! goes back to the allocator that owns it, whichever is chosen by then:
//! mimalloc knows its own blocks by address (`mi_is_in_heap_region`), and
//! every other block is glibc's. SQLite, which allocates through its own
//! layer, is given mimalloc at the same moment, before its first use.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

use mimalloc::MiMalloc;

#[global_allocator]
static ALLOCATOR: Allocator = Allocator::new();

/// From now on, new blocks come from mimalloc, SQLite's too. For `serve`,
/// before its runtime starts and before it opens a database.
pub fn serve_from_mimalloc() {
    ALLOCATOR.mimalloc.store(true, Ordering::Relaxed);
    sqlite_from_mimalloc();
}

/// SQLite's allocations from mimalloc, without its memory statistics: they
/// take a global mutex on every allocation and free, and nothing reads them.
/// SQLite takes both settings only before its first use (it answers
/// `SQLITE_MISUSE` after, and keeps glibc's malloc).
fn sqlite_from_mimalloc() {
    use rusqlite::ffi;
    use std::ffi::{c_int, c_void};
    unsafe extern "C" fn malloc(size: c_int) -> *mut c_void {
        unsafe { libmimalloc_sys::mi_malloc(size as usize) }
    }
    unsafe extern "C" fn free(ptr: *mut c_void) {
        unsafe { libmimalloc_sys::mi_free(ptr) }
    }
    unsafe extern "C" fn realloc(ptr: *mut c_void, size: c_int) -> *mut c_void {
        unsafe { libmimalloc_sys::mi_realloc(ptr, size as usize) }
    }
    unsafe extern "C" fn size(ptr: *mut c_void) -> c_int {
        unsafe { libmimalloc_sys::mi_usable_size(ptr) as c_int }
    }
    unsafe extern "C" fn roundup(size: c_int) -> c_int {
        unsafe { libmimalloc_sys::mi_good_size(size as usize) as c_int }
    }
    unsafe extern "C" fn nothing(_: *mut c_void) -> c_int {
        ffi::SQLITE_OK
    }
    unsafe extern "C" fn nothing_at_shutdown(_: *mut c_void) {}
    // SQLite copies the methods before sqlite3_config returns.
    let methods = ffi::sqlite3_mem_methods {
        xMalloc: Some(malloc),
        xFree: Some(free),
        xRealloc: Some(realloc),
        xSize: Some(size),
        xRoundup: Some(roundup),
        xInit: Some(nothing),
        xShutdown: Some(nothing_at_shutdown),
        pAppData: std::ptr::null_mut(),
    };
    // SAFETY: both options are documented for use before sqlite3_initialize;
    // called later, SQLite refuses them and changes nothing.
    let configured = unsafe {
        ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int) == ffi::SQLITE_OK
            && ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_MALLOC,
                &methods as *const ffi::sqlite3_mem_methods,
            ) == ffi::SQLITE_OK
    };
    debug_assert!(
        configured,
        "SQLite was used before serve chose its allocator"
    );
}

/// glibc's allocator until [`Allocator::mimalloc`] is set, mimalloc's after.
struct Allocator {
    /// Whether new blocks come from mimalloc.
    mimalloc: AtomicBool,
}

impl Allocator {
    const fn new() -> Self {
        Allocator {
            mimalloc: AtomicBool::new(false),
        }
    }

    fn chooses_mimalloc(&self) -> bool {
        self.mimalloc.load(Ordering::Relaxed)
    }
}

/// Whether mimalloc allocated the block at `ptr`.
fn from_mimalloc(ptr: *mut u8) -> bool {
    // SAFETY: it only looks `ptr` up in mimalloc's page map, which answers
    // false for any address outside it, before mimalloc's first use too.
    unsafe { libmimalloc_sys::mi_is_in_heap_region(ptr.cast()) }
}

// SAFETY: each call goes to one of two allocators that uphold GlobalAlloc's
// contract; a block is always freed or resized by the one that allocated it.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if self.chooses_mimalloc() {
            unsafe { MiMalloc.alloc(layout) }
        } else {
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if self.chooses_mimalloc() {
            unsafe { MiMalloc.alloc_zeroed(layout) }
        } else {
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if from_mimalloc(ptr) {
            unsafe { MiMalloc.dealloc(ptr, layout) }
        } else {
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block grows or shrinks where it was allocated.
        if from_mimalloc(ptr) {
            unsafe { MiMalloc.realloc(ptr, layout, new_size) }
        } else {
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In a process of its own (SQLite takes an allocator only before its
    /// first use, and other tests use it): after the switch SQLite's blocks
    /// are mimalloc's and it keeps no statistics, and a database works.
    #[test]
    fn sqlite_allocates_from_mimalloc_after_the_switch() {
        const CHILD: &str = "DESKCTL_TEST_ALLOC_CHILD";
        const NAME: &str = "alloc::tests::sqlite_allocates_from_mimalloc_after_the_switch";
        if std::env::var_os(CHILD).is_none() {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args([NAME, "--exact", "--nocapture", "--test-threads=1"])
                .env(CHILD, "1")
                .output()
                .unwrap();
            let said = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{said}");
            assert!(said.contains("1 passed"), "{said}");
            return;
        }
        serve_from_mimalloc();
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
             INSERT INTO t (body) SELECT printf('%0500d', i) FROM n;
             CREATE INDEX t_by_body ON t (body);",
        )
        .unwrap();
        let bodies: i64 = conn
            .query_row("SELECT count(DISTINCT body) FROM t", [], |row| row.get(0))
            .unwrap();
        assert_eq!(bodies, 5000);
        unsafe {
            let block = rusqlite::ffi::sqlite3_malloc(1000);
            assert!(from_mimalloc(block.cast()));
            rusqlite::ffi::sqlite3_free(block);
            assert_eq!(rusqlite::ffi::sqlite3_memory_used(), 0);
        }
    }

    /// Blocks allocated before and after the switch, freed and resized after
    /// it, each by its own allocator: glibc's free or realloc given a
    /// mimalloc block (or the reverse) aborts the process, so this test
    /// failing is the test process dying.
    #[test]
    fn blocks_from_before_and_after_the_switch_go_back_where_they_came_from() {
        let allocator = Allocator::new();
        let sizes = [1, 24, 100, 4096, 70_000, 300_000];
        let fill = |ptr: *mut u8, size: usize, byte: u8| {
            unsafe { std::ptr::write_bytes(ptr, byte, size) };
        };
        let check = |ptr: *mut u8, size: usize, byte: u8| {
            let bytes = unsafe { std::slice::from_raw_parts(ptr, size) };
            assert!(bytes.iter().all(|b| *b == byte), "{size} bytes");
        };
        let layout = |size| Layout::from_size_align(size, 16).unwrap();
        let before: Vec<*mut u8> = sizes
            .iter()
            .map(|&size| {
                let ptr = unsafe { allocator.alloc(layout(size)) };
                fill(ptr, size, 1);
                ptr
            })
            .collect();
        assert!(before.iter().all(|&ptr| !from_mimalloc(ptr)));
        allocator.mimalloc.store(true, Ordering::Relaxed);
        let after: Vec<*mut u8> = sizes
            .iter()
            .map(|&size| {
                let ptr = unsafe { allocator.alloc_zeroed(layout(size)) };
                check(ptr, size, 0);
                fill(ptr, size, 2);
                ptr
            })
            .collect();
        assert!(after.iter().all(|&ptr| from_mimalloc(ptr)));
        for ((&size, &old), &new) in sizes.iter().zip(&before).zip(&after) {
            // Grown in place or moved, each stays with its allocator and
            // keeps its bytes.
            let old = unsafe { allocator.realloc(old, layout(size), size * 3) };
            let new = unsafe { allocator.realloc(new, layout(size), size * 3) };
            assert!(!from_mimalloc(old) && from_mimalloc(new), "{size}");
            check(old, size, 1);
            check(new, size, 2);
            unsafe {
                allocator.dealloc(old, layout(size * 3));
                allocator.dealloc(new, layout(size * 3));
            }
        }
    }
}
