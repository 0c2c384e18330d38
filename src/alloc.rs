//! The process's memory allocator: glibc's for commands, mimalloc's once the
//! process becomes the service.
//!
//! The service allocates and frees many small buffers per request on every
//! thread; glibc's malloc, free and consolidation took a quarter of the
//! request threads' time, and mimalloc serves 9–12% more handoffs a second
//! (docs/performance.md). A command runs for a few milliseconds and pays for
//! mimalloc's first use (about 0.3 ms of start-up) without gaining from it,
//! so commands keep glibc's.
//!
//! The choice is made once, before the service starts its threads. A block
//! goes back to the allocator that owns it, whichever is chosen by then:
//! mimalloc knows its own blocks by address (`mi_is_in_heap_region`), and
//! every other block is glibc's.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

use mimalloc::MiMalloc;

#[global_allocator]
static ALLOCATOR: Allocator = Allocator::new();

/// From now on, new blocks come from mimalloc. For `serve`, before its
/// runtime starts.
pub fn serve_from_mimalloc() {
    ALLOCATOR.mimalloc.store(true, Ordering::Relaxed);
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
