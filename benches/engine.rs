//! Native benchmarks of the engine: `cargo bench --bench engine`.
//!
//! Inputs are built before timing (divan's `with_inputs`/statics), so only `diff` is measured:
//! * the seed pair (a real 12 KB article and its later version);
//! * a ~2 MB near-identical book (a few dozen scattered word edits), the same with 10
//!   paragraphs moved, and two unrelated ~1 MB texts (the worst case, cut by the deadline).
//!
//! Generated texts come from a fixed seed, so runs compare like with like.

use std::sync::LazyLock;
use std::time::Duration;

use article_diff::{diff, Options};
#[path = "../tests/common/rng.rs"]
mod rng;
use rng::Rng;

const OLD: &str = include_str!("../tests/fixtures/old.txt");
const NEW: &str = include_str!("../tests/fixtures/new.txt");

fn main() {
    divan::main();
}


/// Paragraphs of prose drawn from the seed article's vocabulary, about `bytes` in all.
fn book(seed: u64, bytes: usize) -> Vec<String> {
    let vocabulary: Vec<&str> = NEW.split_whitespace().collect();
    let mut rng = Rng(seed);
    let mut paragraphs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let words = 40 + rng.below(120);
        let p: Vec<&str> = (0..words).map(|_| vocabulary[rng.below(vocabulary.len())]).collect();
        let p = p.join(" ");
        total += p.len() + 2;
        paragraphs.push(p);
    }
    paragraphs
}

/// A ~2 MB book and a copy with `edits` scattered word edits and `moves` paragraphs moved.
fn near_identical(edits: usize, moves: usize) -> (String, String) {
    let old = book(42, 2_000_000);
    let mut new = old.clone();
    let mut rng = Rng(7);
    for _ in 0..edits {
        let p = rng.below(new.len());
        let mut words: Vec<String> = new[p].split(' ').map(str::to_string).collect();
        let w = rng.below(words.len());
        words[w] = format!("edit{}", rng.below(10_000));
        new[p] = words.join(" ");
    }
    for _ in 0..moves {
        let from = rng.below(new.len());
        let p = new.remove(from);
        let to = rng.below(new.len());
        new.insert(to, p);
    }
    (old.join("\n\n"), new.join("\n\n"))
}

static NEAR: LazyLock<(String, String)> = LazyLock::new(|| near_identical(40, 0));
static NEAR_MOVED: LazyLock<(String, String)> = LazyLock::new(|| near_identical(40, 10));
static UNRELATED: LazyLock<(String, String)> =
    LazyLock::new(|| (book(1, 1_000_000).join("\n\n"), book(2, 1_000_000).join("\n\n")));

#[divan::bench]
fn seed_pair() {
    divan::black_box(diff(OLD, NEW, &Options::default()).unwrap());
}

#[divan::bench(sample_count = 20)]
fn book_2mb_near_identical() {
    let (old, new) = &*NEAR;
    divan::black_box(diff(old, new, &Options::default()).unwrap());
}

#[divan::bench(sample_count = 20)]
fn book_2mb_ten_moves() {
    let (old, new) = &*NEAR_MOVED;
    divan::black_box(diff(old, new, &Options::default()).unwrap());
}

#[divan::bench(sample_count = 5)]
fn unrelated_1mb_deadline_1s() {
    let (old, new) = &*UNRELATED;
    let options = Options::default().with_timeout(Some(Duration::from_secs(1)));
    divan::black_box(diff(old, new, &options).unwrap());
}
