//! Memory that grows with the input only as the docs say: `correct` holds what it
//! needs for one stretch of a line (at most 64 KiB of it) at a time, beside copies
//! of the line itself, however long the line.
//!
//! This test binary counts the bytes allocated through a global allocator of its
//! own; it has one test, so no other thread allocates while it measures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the counts
// are bookkeeping only.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    NOW.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                NOW.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The most bytes held at once during `f`, above what was held before it.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    (out, PEAK.load(Relaxed) - before)
}

#[test]
fn correct_holds_one_stretch_of_a_long_line_at_a_time() {
    let c = akson::Corrector::new();
    // The corrector's tables and memos, built by a first call.
    assert_eq!(c.correct("ຕັກໂນ ໂລຊີ"), "ເຕັກໂນໂລຊີ");
    // One syllable repeated is the costliest text to decode (about 300 bytes a
    // character, whole), then an error to correct at the end.
    let line = "ກາ".repeat(100_000) + " ຕັກໂນ ໂລຊີ";
    let (out, peak) = peak_during(|| c.correct(&line));
    assert!(
        out == "ກາ".repeat(100_000) + " ເຕັກໂນໂລຊີ",
        "…{}",
        &out[out.len() - 60..]
    );
    // The line is 600 kB: decoded whole, it took 79 MB at its peak; in
    // stretches, 7.5 MB.
    assert!(
        peak < 16 << 20,
        "{peak} bytes at most, for a line of {}",
        line.len()
    );
    let (fixes, peak) = peak_during(|| c.corrections(&line));
    assert_eq!(fixes.len(), 1);
    assert!(
        peak < 16 << 20,
        "{peak} bytes at most, for a line of {}",
        line.len()
    );
}
