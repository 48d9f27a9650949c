//! The one door to `similar`: diff two slices of interned ids with Myers.
//!
//! Every diff in the engine (paragraph hashes, word tokens, letters of a refined word) runs
//! here on `&[u32]`. Calling similar's generic dispatcher with several element types compiled
//! every algorithm once per type into the wasm module (545 KB of code); one element type and
//! one algorithm keep it to a third of that. Patience for the paragraph diff was measured and
//! dropped: every test (planted moves included) gives the same result with Myers, and Patience
//! cost 76 KB of wasm. The ops are compacted (sliders moved to
//! natural boundaries) and adjacent deletions and insertions merged into replacements, as
//! similar's `capture_diff_deadline` does.

use core::convert::Infallible;
use core::ops::Range;

use similar::algorithms::{myers, Capture, Compact, Replace};
use similar::DiffOp;

use crate::deadline::Instant;

/// The ops turning `old[old_range]` into `new[new_range]` (indices are absolute), by Myers'
/// algorithm with similar's heuristics for hard inputs; past `deadline` it returns a coarser,
/// still exact script.
pub(crate) fn diff_ids(
    old: &[u32],
    old_range: Range<usize>,
    new: &[u32],
    new_range: Range<usize>,
    deadline: Option<Instant>,
) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let result: Result<(), Infallible> = myers::diff_deadline(&mut hook, old, old_range, new, new_range, deadline);
    match result {
        Ok(()) => hook.into_inner().into_inner().into_ops(),
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
