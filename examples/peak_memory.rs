//! Peak memory and time of one diff of a large generated pair:
//! `cargo run --release --example peak_memory -- [MEGABYTES] [TIMEOUT_MS|none] [unrelated]`
//! (default 5 MB per side, the default one-second deadline, an edited copy).
//!
//! The old text is article-like prose (paragraphs of words drawn from a skewed vocabulary); the
//! new one is a copy edited as a copy desk would: words replaced, inserted and deleted,
//! paragraphs split, merged, moved and dropped, quotes curled; with `unrelated`, a second text
//! generated from another seed (nothing in common but the vocabulary). Reported:
//! * the heap high-water mark during the diff, by a counting global allocator (bytes live at
//!   once, inputs excluded);
//! * the process's peak resident set (`VmHWM` from `/proc/self/status`, Linux only), which
//!   includes the inputs and the allocator's slack;
//! * wall time, the row count and whether the deadline cut corners.
//!
//! `/usr/bin/time -v` on the same command gives the same peak RSS from outside.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use article_diff::{diff, Options};

/// Counts live heap bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to `System` for every operation and only adds bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
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
            if new_size > layout.size() {
                let live =
                    LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[path = "../tests/common/rng.rs"]
mod rng;
use rng::Rng;

/// Skewed towards small values, like word frequencies.
trait Skewed {
    fn skewed(&mut self, n: usize) -> usize;
}

impl Skewed for Rng {
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        self.below(a + 1)
    }
}

/// A vocabulary of 20 000 made-up words.
fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "tos", "a", "ve", "dor", "shi", "un", "pel", "ix", "qua", "br",
        "ost",
    ];
    (0..20_000)
        .map(|_| (0..1 + rng.below(4)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect())
        .collect()
}

fn paragraph(rng: &mut Rng, vocab: &[String]) -> String {
    let words = 20 + rng.below(120);
    let mut p = String::new();
    for w in 0..words {
        if w > 0 {
            p.push(' ');
        }
        p.push_str(&vocab[rng.skewed(vocab.len())]);
        match rng.below(16) {
            0 => p.push(','),
            1 => p.push('.'),
            2 => p.push_str(" 'quoted'"),
            _ => {}
        }
    }
    p.push('.');
    p
}

/// An old text of about `bytes` bytes and an edited new one.
pub fn pair(bytes: usize, seed: u64) -> (String, String) {
    let mut rng = Rng(seed);
    let vocab = vocabulary(&mut rng);
    let mut paragraphs = Vec::new();
    let mut len = 0;
    while len < bytes {
        let p = paragraph(&mut rng, &vocab);
        len += p.len() + 2;
        paragraphs.push(p);
    }
    let mut new: Vec<String> = Vec::with_capacity(paragraphs.len());
    for p in &paragraphs {
        match rng.below(40) {
            0 => {} // dropped
            1 => {
                // split mid-sentence
                let cut = p[..p.len() / 2].rfind(' ').unwrap_or(0);
                new.push(p[..cut].to_string());
                new.push(p[cut + 1..].to_string());
            }
            2 if !new.is_empty() => {
                // merged into the previous one
                let last = new.last_mut().expect("checked non-empty");
                last.push(' ');
                last.push_str(p);
            }
            3 => new.push(paragraph(&mut rng, &vocab)), // replaced by a new paragraph
            4..=11 => {
                // a few words edited
                let mut words: Vec<&str> = p.split(' ').collect();
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(words.len());
                    match rng.below(3) {
                        0 => words[at] = &vocab[rng.below(vocab.len())],
                        1 => words.insert(at, &vocab[rng.below(vocab.len())]),
                        _ if words.len() > 1 => {
                            words.remove(at);
                        }
                        _ => {}
                    }
                }
                new.push(words.join(" ").replace('\'', "\u{2019}"));
            }
            _ => new.push(p.clone()),
        }
    }
    // Move one paragraph in a hundred far away.
    for _ in 0..new.len() / 100 {
        let from = rng.below(new.len());
        let p = new.remove(from);
        let to = rng.below(new.len());
        new.insert(to, p);
    }
    (paragraphs.join("\n\n"), new.join("\n\n"))
}

/// The process's peak resident set in KiB, from `/proc/self/status`.
fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let megabytes: f64 = args.first().map_or(Ok(5.0), |a| a.parse())?;
    let timeout = match args.get(1).map(String::as_str) {
        None => Some(article_diff::DEFAULT_TIMEOUT),
        Some("none") => None,
        Some(ms) => Some(Duration::from_millis(ms.parse()?)),
    };
    let bytes = (megabytes * 1e6) as usize;
    let (old, mut new) = pair(bytes, 0x5eed);
    if args.get(2).map(String::as_str) == Some("unrelated") {
        new = pair(bytes, 0xfeed).0;
    }
    let inputs = old.len() + new.len();
    let before_kib = vm_hwm_kib();
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);

    let options = Options::default().with_timeout(timeout);
    let start = Instant::now();
    let d = diff(&old, &new, &options)?;
    let elapsed = start.elapsed();
    let heap_peak = PEAK.load(Relaxed) - base;
    let after_kib = vm_hwm_kib();

    println!(
        "old {} bytes, new {} bytes ({} + {} paragraphs)",
        old.len(),
        new.len(),
        d.old_paragraphs.len(),
        d.new_paragraphs.len()
    );
    println!(
        "timeout {timeout:?}: {elapsed:.2?}, {} rows, {} moves, approximate {}",
        d.row_count(),
        d.moves.len(),
        d.approximate
    );
    if let Some(f) = &d.fallback {
        println!("fallback: {}", f.detail);
    }
    println!(
        "heap peak during diff: {:.1} MB ({:.1}x the {:.1} MB of input)",
        heap_peak as f64 / 1e6,
        heap_peak as f64 / inputs as f64,
        inputs as f64 / 1e6
    );
    if let (Some(b), Some(a)) = (before_kib, after_kib) {
        println!(
            "peak RSS: {:.1} MB before the diff (inputs built), {:.1} MB after",
            b as f64 / 1024.0,
            a as f64 / 1024.0
        );
    }
    Ok(())
}
