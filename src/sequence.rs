//! The one door to `similar`: diff two slices of interned ids with Myers.
//!
//! Every diff in the engine (paragraph hashes, word tokens, letters of a refined word) runs
//! here on `&[u32]`, for the sake of the wasm module's size (budget: 60 KB gzipped). Measured
//! choices, each checked against every test (planted moves and the seed snapshot included):
//! * similar's generic dispatcher compiled every algorithm once per element type (545 KB of
//!   code); one element type and one algorithm keep a fraction of that;
//! * Patience for the paragraph diff gave the same results as Myers and cost 76 KB;
//! * similar's heuristic Myers (`diff_deadline`) runs a preflight that instantiates Myers a
//!   second time (16 KB): the plain one (`diff_deadline_raw`) gives the same diffs on our
//!   inputs, which are paragraphs and their words, and the deadline still bounds it;
//! * `Compact` (moving sliders) changed 7 of 333 change spans on GPL-2 → GPL-3 and cost 11 KB;
//!   the word diff's own cleanup already snaps changes to words.
//!
//! Adjacent deletions and insertions are merged into replacements, as similar's
//! `capture_diff_deadline` does.

use core::convert::Infallible;
use core::ops::Range;

use similar::algorithms::{myers, Capture, Replace};
use similar::DiffOp;

use crate::deadline::Instant;

/// The ops turning `old[old_range]` into `new[new_range]` (indices are absolute), by Myers'
/// algorithm (O((N+M)·D)); past `deadline` it returns a coarser, still exact script.
pub(crate) fn diff_ids(
    old: &[u32],
    old_range: Range<usize>,
    new: &[u32],
    new_range: Range<usize>,
    deadline: Option<Instant>,
) -> Vec<DiffOp> {
    let mut hook = Replace::new(Capture::new());
    let result: Result<(), Infallible> = myers::diff_deadline_raw(&mut hook, old, old_range, new, new_range, deadline);
    match result {
        Ok(()) => hook.into_inner().into_ops(),
        Err(never) => match never {},
    }
}

/// Dense ids for a slice of hashable items (equal items, equal ids), so they can be diffed by
/// [`diff_ids`].
pub(crate) fn ids_of<T: core::hash::Hash + Eq + Copy>(items: &[T], ids: &mut crate::intern::FastMap<T, u32>) -> Vec<u32> {
    items
        .iter()
        .map(|item| {
            let next = ids.len() as u32;
            *ids.entry(*item).or_insert(next)
        })
        .collect()
}
