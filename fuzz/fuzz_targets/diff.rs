//! Fuzzes `article_diff::diff` with arbitrary texts and options and holds every result to the
//! model's invariants (`tests/invariants/mod.rs`, shared with the property tests).
//!
//! The new text is either arbitrary too, or the old text with a few arbitrary splices, so the
//! fuzzer reaches the alignment, split/merge and move paths and not only "nothing in common".
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

#[derive(Debug, Arbitrary)]
struct Input {
    old: String,
    new: String,
    /// Build the new text from the old one with `splices` instead of using `new`.
    derive_new: bool,
    /// `(at, delete, insert)`: at a char boundary picked by `at`, delete up to `delete` chars and
    /// insert the text.
    splices: Vec<(u16, u8, String)>,
    /// detect_moves, ignore_case, ignore_whitespace, and two bits of deadline.
    flags: u8,
    /// Move threshold in 1/255ths.
    threshold: u8,
}

/// `text` with the splices applied at char boundaries.
fn splice(text: &str, splices: &[(u16, u8, String)]) -> String {
    let mut out = text.to_string();
    for (at, delete, insert) in splices {
        let bounds: Vec<usize> = (0..=out.len()).filter(|&b| out.is_char_boundary(b)).collect();
        let k = *at as usize % bounds.len();
        let end = bounds[(k + *delete as usize).min(bounds.len() - 1)];
        out.replace_range(bounds[k]..end, insert);
    }
    out
}

fuzz_target!(|input: Input| {
    let new = if input.derive_new { splice(&input.old, &input.splices) } else { input.new.clone() };
    let timeout = match input.flags >> 3 & 3 {
        0 => None,
        // Passed before the first stage: every fallback path runs.
        1 => Some(Duration::from_nanos(1)),
        2 => Some(Duration::from_micros(200)),
        _ => Some(article_diff::DEFAULT_TIMEOUT),
    };
    let options = article_diff::Options::default()
        .with_detect_moves(input.flags & 1 != 0)
        .with_ignore_case(input.flags & 2 != 0)
        .with_ignore_whitespace(input.flags & 4 != 0)
        .with_move_threshold(f64::from(input.threshold) / 255.0)
        .with_timeout(timeout);
    for (old, new) in [(input.old.as_str(), new.as_str()), (new.as_str(), input.old.as_str())] {
        let d = article_diff::diff(old, new, &options).expect("valid options never fail");
        if let Err(broken) = invariants::check(&d, old, new, &options) {
            panic!("{broken}\nold: {old:?}\nnew: {new:?}\noptions: {options:?}");
        }
    }
    let d = article_diff::diff(&input.old, &input.old, &options).expect("valid options never fail");
    if let Err(broken) = invariants::check(&d, &input.old, &input.old, &options)
        .and_then(|()| invariants::check_identical(&d, &input.old))
    {
        panic!("{broken}\ntext: {:?}\noptions: {options:?}", input.old);
    }
});
