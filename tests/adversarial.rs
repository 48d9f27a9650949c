//! Hostile and huge inputs: each returns, is exact (`tests/invariants/mod.rs`), and with a
//! deadline that has already passed says it cut corners (`approximate`, a `fallback`).
//!
//! Nothing here asserts wall-clock time: the machines running it are shared and noisy. Speed
//! lives in `examples/peak_memory.rs` and the benches; `docs/limits.md` has measured figures.
//!
//! Sizes: the "large" cases use [`LARGE`] bytes per side, 2 MB in a release build
//! (`cargo test --release --test adversarial`) and 200 KB in a debug build, where the
//! unoptimized engine is ten to thirty times slower; the shapes (unrelated texts, repetition,
//! one huge line, thousands of paragraphs) are the same in both.

mod invariants;

use std::sync::OnceLock;
use std::time::Duration;

use article_diff::{diff, Diff, FallbackReason, Options, RowKind};
#[path = "common/rng.rs"]
mod rng;
use rng::Rng;
#[path = "common/shapes.rs"]
mod shapes;

/// Bytes per side of the large cases (see the module docs).
const LARGE: usize = if cfg!(debug_assertions) { 200_000 } else { 2_000_000 };

/// A deadline that has passed before the engine's first stage runs.
const TINY: Duration = Duration::from_nanos(1);

/// About `bytes` of article-like prose: paragraphs of 10..90 words from a made-up vocabulary,
/// separated by blank lines.
fn prose(bytes: usize, seed: u64) -> String {
    const SYLLABLES: &[&str] =
        &["ka", "lo", "mi", "ren", "tos", "a", "ve", "dor", "shi", "un", "pel", "ix"];
    let mut rng = Rng(seed);
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for w in 0..10 + rng.below(80) {
            if w > 0 {
                text.push(' ');
            }
            for _ in 0..1 + rng.below(3) {
                text.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
            }
            if rng.below(12) == 0 {
                text.push(',');
            }
        }
        text.push('.');
    }
    text
}

/// Two unrelated texts of [`LARGE`] bytes, built once for every test that needs them.
fn unrelated() -> &'static (String, String) {
    static PAIR: OnceLock<(String, String)> = OnceLock::new();
    PAIR.get_or_init(|| (prose(LARGE, 0x5eed), prose(LARGE, 0xfeed)))
}

/// Diffs, checks every invariant, and returns the diff.
fn checked<'a>(old: &'a str, new: &'a str, options: &Options) -> Diff<'a> {
    let d = diff(old, new, options).expect("valid options never fail");
    if let Err(broken) = invariants::check(&d, old, new, options) {
        let cut = |s: &str| s.chars().take(200).collect::<String>();
        panic!(
            "{broken}\nold starts {:?}\nnew starts {:?}\noptions {options:?}",
            cut(old),
            cut(new)
        );
    }
    d
}

/// With the default deadline (the result may or may not be approximate, depending on the
/// machine) and with a deadline that has already passed (it must say it cut corners).
fn check_both_ways(old: &str, new: &str) {
    checked(old, new, &Options::default());
    let d = checked(old, new, &Options::default().with_timeout(Some(TINY)));
    assert_cut_corners(&d);
}

fn assert_cut_corners(d: &Diff<'_>) {
    assert!(d.approximate, "a passed deadline did not make the result approximate");
    let fallback = d.fallback.as_ref().expect("approximate results carry a fallback");
    assert_eq!(fallback.reason, FallbackReason::Deadline);
    assert!(fallback.detail.contains("time limit"), "{}", fallback.detail);
}

#[test]
fn two_unrelated_large_texts() {
    let (old, new) = unrelated();
    check_both_ways(old, new);
    // Moves off takes a different path through the alignment.
    checked(old, new, &Options::default().with_detect_moves(false));
}

#[test]
fn many_repeated_identical_paragraphs() {
    // 3000 copies of a short line and 1000 of a long paragraph, interleaved with unique ones;
    // the new text drops every seventh and moves a block from the end to the front.
    let mut paragraphs = Vec::new();
    for k in 0..4000 {
        paragraphs.push(match k % 4 {
            0 => format!("Unique paragraph number {k} with a few words of its own."),
            1 => "Some repeated words that make a paragraph long enough to anchor.".to_string(),
            _ => "Related article:".to_string(),
        });
    }
    let old = paragraphs.join("\n\n");
    let mut kept: Vec<String> =
        paragraphs.iter().enumerate().filter(|(k, _)| k % 7 != 3).map(|(_, p)| p.clone()).collect();
    let tail = kept.split_off(kept.len() - 300);
    let new = [tail, kept].concat().join("\n\n");
    check_both_ways(&old, &new);
}

#[test]
fn one_token_repeated_100k_times() {
    // One paragraph of 100k words with a few edits in the middle.
    let old = "the ".repeat(100_000);
    let new = format!("{}cat {}", "the ".repeat(50_000), "the ".repeat(49_990));
    check_both_ways(&old, &new);
    // 100k one-word paragraphs, one paragraph per line.
    let old = "the\n".repeat(100_000);
    let new = format!("{}cat\n{}", "the\n".repeat(50_000), "the\n".repeat(49_990));
    check_both_ways(&old, &new);
}

#[test]
fn thousands_of_tiny_paragraphs_shuffled() {
    let paragraphs: Vec<String> = (0..5000).map(|k| format!("item {k} of the list")).collect();
    let mut shuffled = paragraphs.clone();
    let mut rng = Rng(42);
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    let (old, new) = (paragraphs.join("\n\n"), shuffled.join("\n\n"));
    check_both_ways(&old, &new);
}

/// Regression: every paragraph of a shuffled list is in the other text unchanged, so each must
/// be kept in place or moved; the aligner used to pair look-alikes in place first ("item
/// [-0-][+45+] of the list") and leave their identical twins deleted and inserted.
#[test]
fn shuffled_paragraphs_are_all_kept_or_moved() {
    for n in [50, 5000] {
        let paragraphs: Vec<String> = (0..n).map(|k| format!("item {k} of the list")).collect();
        let mut shuffled = paragraphs.clone();
        let mut rng = Rng(42);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let (old, new) = (paragraphs.join("\n\n"), shuffled.join("\n\n"));
        let d = checked(&old, &new, &Options::default().with_timeout(None));
        let wrong: Vec<_> =
            d.rows().filter(|r| !matches!(r.kind, RowKind::Equal | RowKind::Moved)).collect();
        assert!(
            wrong.is_empty(),
            "{n} paragraphs: {} rows neither equal nor moved, first {:?}",
            wrong.len(),
            wrong[0]
        );
        assert_eq!(d.stats.words_inserted + d.stats.words_deleted, 0);
    }
}

#[test]
fn one_megabyte_line_without_newline() {
    let old = prose(1_000_000, 7).replace("\n\n", " ");
    assert!(!old.contains('\n'));
    // A word changed every ~50 KB.
    let new: String = old
        .split(' ')
        .enumerate()
        .map(|(k, w)| if k % 8000 == 4000 { "CHANGED" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    check_both_ways(&old, &new);
    // Against nothing in common but the vocabulary.
    let other =
        prose(if cfg!(debug_assertions) { 100_000 } else { 1_000_000 }, 8).replace("\n\n", " ");
    check_both_ways(&old, &other);
}

/// The attack shapes of issue 21 (`tests/common/shapes.rs`: lines by the million, one word
/// repeated, swapped and shuffled lines, random Unicode against its upper case, blank lines
/// only…), each at a quarter of [`LARGE`] a side, both ways round: exact with a short
/// deadline (most of them reach it), with one that has passed, without moves, and (where the
/// exact diff is cheap) with none. `tests/limits.rs` times them at the sizes.
#[test]
fn attack_shapes_stay_exact() {
    let short = Options::default().with_timeout(Some(Duration::from_millis(150)));
    for shape in shapes::ALL {
        let (old, new) = shape.at(LARGE / 4);
        for options in [short.clone(), Options::default().with_timeout(Some(TINY))] {
            checked(&old, &new, &options);
            checked(&new, &old, &options);
        }
        checked(&old, &new, &short.clone().with_detect_moves(false));
    }
    // Without a deadline only the shapes whose exact diff is cheap: the others (random
    // Unicode against its upper case) are quadratic in the number of changed words.
    for name in
        ["identical-lines", "replaced-lines", "swapped-pairs", "one-word-repeated", "blank-lines"]
    {
        let (old, new) = shapes::named(name).at(LARGE / 4);
        checked(&old, &new, &Options::default().with_timeout(None));
    }
}

#[test]
fn empty_against_non_empty() {
    for text in ["", " ", "\n\n\n", "word", "a\n\nb", "\u{FEFF}", "\0"] {
        for (old, new) in [("", text), (text, "")] {
            let d = checked(old, new, &Options::default());
            assert!(!d.approximate);
            if new.is_empty() {
                assert!(d.rows().all(|r| r.kind == RowKind::Deleted), "{old:?} → {new:?}");
            } else {
                assert!(d.rows().all(|r| r.kind == RowKind::Inserted), "{old:?} → {new:?}");
            }
        }
    }
}

#[test]
fn identical_inputs() {
    let large = &unrelated().0;
    for text in ["", "one", "\r\n\r\n", "a\n\nb\n\nb\n\na", large.as_str()] {
        for options in [Options::default(), Options::default().with_timeout(Some(TINY))] {
            let d = checked(text, text, &options);
            invariants::check_identical(&d, text).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

#[test]
fn one_word_texts() {
    for (old, new) in [
        ("a", "b"),
        ("word", "word"),
        ("Word", "word"),
        ("don't", "don\u{2019}t"),
        ("\u{1F600}", "\u{1F601}"),
        ("日", "本"),
    ] {
        let d = checked(old, new, &Options::default());
        assert!(d.moves.is_empty());
        // One row, or a deletion and an insertion when the two words have nothing in common.
        let rows: Vec<_> = d.rows().collect();
        let expected = if old == new { 1 } else { rows.len().clamp(1, 2) };
        assert_eq!(rows.len(), expected, "{old:?} → {new:?}: {rows:?}");
        assert_eq!(rows[0].kind == RowKind::Equal, old == new);
        checked(old, new, &Options::default().with_ignore_case(true).with_timeout(Some(TINY)));
    }
}

/// No stage recurses on the input size: a big diff runs on a 256 KiB stack (the main thread
/// has 8 MiB). Each input stresses one stage: a long single-paragraph word diff with many
/// scattered changes (similar's Myers divides and conquers), tens of thousands of paragraphs
/// (alignment, moves), and unrelated texts (the widest hunks).
#[test]
fn no_stack_overflow_on_a_small_stack() {
    let words = if cfg!(debug_assertions) { 40_000 } else { 200_000 };
    let old: Vec<String> = (0..words).map(|k| format!("w{}", k % 977)).collect();
    let new: Vec<String> = old
        .iter()
        .enumerate()
        .map(|(k, w)| if k % 7 == 0 { format!("x{k}") } else { w.clone() })
        .collect();
    let (line_old, line_new) = (old.join(" "), new.join(" "));
    let (para_old, para_new) = (old.join("\n\n"), new.join("\n\n"));
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let (u_old, u_new) = unrelated();
            for (o, n) in [(&line_old, &line_new), (&para_old, &para_new), (u_old, u_new)] {
                checked(o, n, &Options::default().with_timeout(None));
            }
        })
        .expect("spawn a thread");
    handle.join().expect("the diff overflowed a 256 KiB stack or panicked");
}

// ---------------------------------------------------------------------------------------------
// Regressions found by the property tests and the fuzzer

/// Regression (found by `tests/properties.rs`, fixed in ebf5fe7): when the alignment left a
/// stretch unpaired and two move candidates inside it crossed, both became in-place pairs
/// against a layout computed once; the rows left document order and the edits stopped
/// rebuilding the new text (a debug build panicked in `assemble`).
#[test]
fn crossing_in_place_moves_under_a_passed_deadline() {
    let options = Options::default().with_timeout(Some(TINY));
    for threshold in [0.0, 0.7] {
        let options = options.clone().with_move_threshold(threshold);
        checked(
            "\u{e20}\u{e32}\u{e29}\u{e32}\nthe\u{65e5}\u{672c}\u{8a9e}",
            "the\u{65e5}\u{672c}\u{8a9e}thethethe\n\u{e20}\u{e32}\u{e29}\u{e32}",
            &options,
        );
        checked(
            "the the the the\n\nthe the the the a\n\nthe",
            "the the the the a\n\nthe the the the\n\nthe",
            &options,
        );
        checked(
            "the the the a\n\nthe\n\nRelated article: Related article:",
            "the\n\nRELATED ARTICLE: Related article:\n\nthe the the a",
            &options,
        );
    }
}

/// Regression: `approximate` promises that part of the diff "is coarser than it could be"; a
/// passed deadline used to flag it even when nothing was coarsened (`""` against `""` claimed
/// "paragraphs were matched by a coarser line diff").
#[test]
fn identical_inputs_are_not_approximate_past_the_deadline() {
    for text in ["", "one", "a\n\nb", "The president said on Monday that talks would resume."] {
        let d = checked(text, text, &Options::default().with_timeout(Some(TINY)));
        assert!(!d.approximate, "{text:?}: {:?}", d.fallback);
    }
}

/// Regression (quality): a paragraph without words ("* * *", "—") adds nothing to a group's
/// similarity, so gluing it to its neighbour made a merge (or split) exactly as heavy as the
/// plain pair, and the tie went to the group: restyling "* * *" as "***" next to an edited
/// paragraph showed "***" inserted and "* * *" merged into the paragraph, a paragraph break
/// that was never removed.
#[test]
fn zero_word_paragraph_is_not_glued_into_a_merge() {
    let old = "Intro paragraph that stays the same for everyone.\n\n* * *\n\nThe president said on Monday that talks would resume.";
    let new = "Intro paragraph that stays the same for everyone.\n\n***\n\nThe president said on Tuesday that talks would resume.";
    for (o, n) in [(old, new), (new, old)] {
        let d = checked(o, n, &Options::default().with_timeout(None));
        let kinds: Vec<RowKind> = d.rows().map(|r| r.kind).collect();
        assert!(!kinds.contains(&RowKind::Merged) && !kinds.contains(&RowKind::Split), "{kinds:?}");
    }
}
