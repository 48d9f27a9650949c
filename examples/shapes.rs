//! Time, heap peak and result size of one adversarial shape at one budget:
//! `cargo run --release --example shapes -- SHAPE [TIMEOUT_MS|none] [SCALE]`.
//!
//! The shapes are the ones of issue 21 (and `tests/adversarial.rs`): degenerate texts whose
//! cost is in the number of paragraphs, rows or edits rather than in bytes. `SCALE` (default 1)
//! multiplies the repetition counts. Run with no argument for the list.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use article_diff::{diff, Options};

#[path = "../tests/common/shapes.rs"]
mod shapes;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to `System` for every operation and only adds bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            PEAK.fetch_max(LIVE.fetch_add(layout.size(), Relaxed) + layout.size(), Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as a move: both blocks live at once, as they are in wasm's allocator.
            PEAK.fetch_max(LIVE.load(Relaxed) + new_size, Relaxed);
            LIVE.fetch_add(new_size, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        eprintln!("usage: shapes SHAPE [TIMEOUT_MS|none] [SCALE]; shapes:");
        for s in shapes::ALL {
            eprintln!("  {:<28} {}", s.name, s.what);
        }
        std::process::exit(2);
    };
    let timeout = match args.get(1).map(String::as_str) {
        None => Some(Duration::from_secs(1)),
        Some("none") => None,
        Some(ms) => Some(Duration::from_millis(ms.parse().expect("TIMEOUT_MS is a number"))),
    };
    let scale: f64 = args.get(2).map_or(1.0, |s| s.parse().expect("SCALE is a number"));
    let (old, new) = shapes::named(name).make(scale);
    let options = Options::default().with_timeout(timeout);
    LIVE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    let start = Instant::now();
    let result = diff(&old, &new, &options);
    let took = start.elapsed();
    let peak = PEAK.load(Relaxed);
    match result {
        Ok(d) => {
            let changed_bytes: usize = d
                .edits
                .iter()
                .filter(|e| e.op != article_diff::Op::Equal)
                .map(|e| e.text.len())
                .sum();
            let spans: usize =
                d.rows().flat_map(|r| [r.old, r.new]).flatten().map(|c| c.spans.len()).sum();
            println!(
                "{name}: {} + {} bytes, timeout {timeout:?}: {took:.2?}, heap peak {:.1} MB, {} rows, {spans} spans, {} edits ({changed_bytes} bytes changed), {} moves, approximate {}{}",
                old.len(),
                new.len(),
                peak as f64 / 1e6,
                d.row_count(),
                d.edits.len(),
                d.moves.len(),
                d.approximate,
                d.fallback.map(|f| format!(" ({})", f.detail)).unwrap_or_default()
            );
            // Dropping a huge model is part of the call's cost to a caller.
            let start = Instant::now();
            drop(old);
            println!("  (freed inputs in {:.2?})", start.elapsed());
        }
        Err(e) => {
            println!("{name}: error after {took:.2?}, heap peak {:.1} MB: {e}", peak as f64 / 1e6)
        }
    }
}
