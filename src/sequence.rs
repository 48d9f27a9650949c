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

/// Dense ids for two slices of `u64` keys (equal keys, equal ids), so they can be diffed by
/// [`diff_ids`]. Sorting instead of a hash map keeps one more map type out of the wasm module.
pub(crate) fn dense_ids(old: &[u64], new: &[u64]) -> (Vec<u32>, Vec<u32>) {
    let mut order: Vec<usize> = (0..old.len() + new.len()).collect();
    let key = |i: usize| if i < old.len() { old[i] } else { new[i - old.len()] };
    crate::order::sort_by_key(&mut order, |&i| key(i));
    let mut ids = vec![0u32; order.len()];
    let mut next = 0;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && key(order[k - 1]) != key(i) {
            next += 1;
        }
        ids[i] = next;
    }
    let new_ids = ids.split_off(old.len());
    (ids, new_ids)
}
