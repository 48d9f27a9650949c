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
//!
//! **Ids the other list lacks are dropped first** (GNU diff's `discard_confusing_lines`, in
//! its exact form): such an id can be in no common subsequence, so Myers runs on what is left
//! and the dropped ids become deletions and insertions where they stood. The longest common
//! subsequence, hence the size of the edit script, is the same. It matters when most ids
//! differ: Myers' cost is O((N+M)·D), and `'a\n'` × 300 K against `'b\n'` × 300 K (D = N+M)
//! ran until the deadline, or, without one, for ever; a paragraph of random text against its
//! upper case kept only its caseless words in common. Lists under [`REDUCE_FROM`] ids, or whose
//! ids range far wider than their length (a short paragraph's word ids, taken from the whole
//! call's interner), are diffed as they are: there the reduction would cost more than it saves.

use core::convert::Infallible;
use core::ops::Range;

use similar::algorithms::{myers, Capture, DiffHook, Replace};
use similar::DiffOp;

use crate::deadline::Instant;

/// Fewest ids (both lists together) for which ids missing from the other list are dropped
/// before Myers runs (see the module docs).
const REDUCE_FROM: usize = 256;

/// The ops turning `old[old_range]` into `new[new_range]` (indices are absolute), by Myers'
/// algorithm (O((N+M)·D), D counting only ids both lists have); past `deadline` it returns a
/// coarser, still exact script.
pub(crate) fn diff_ids(
    old: &[u32],
    old_range: Range<usize>,
    new: &[u32],
    new_range: Range<usize>,
    deadline: Option<Instant>,
) -> Vec<DiffOp> {
    let mut hook = Replace::new(Capture::new());
    let result: Result<(), Infallible> = match shared_only(old, &old_range, new, &new_range) {
        Some((old_at, old_kept, new_at, new_kept)) => {
            // The same hook type as below: another one would compile Myers a second time.
            let mut reduced = Replace::new(Capture::new());
            let _ = myers::diff_deadline_raw(&mut reduced, &old_kept[..], 0..old_kept.len(), &new_kept[..], 0..new_kept.len(), deadline);
            widen(&reduced.into_inner().into_ops(), &old_at, &new_at, old_range, new_range, &mut hook)
        }
        None => myers::diff_deadline_raw(&mut hook, old, old_range, new, new_range, deadline),
    };
    match result {
        Ok(()) => hook.into_inner().into_ops(),
        Err(never) => match never {},
    }
}

/// The positions and ids of the ids each list shares with the other, or `None` when the
/// reduction is not worth it (short lists, ids spread far wider than the lists are long, or
/// nothing to drop).
#[allow(clippy::type_complexity)]
fn shared_only(old: &[u32], old_range: &Range<usize>, new: &[u32], new_range: &Range<usize>) -> Option<(Vec<usize>, Vec<u32>, Vec<usize>, Vec<u32>)> {
    let (a, b) = (&old[old_range.clone()], &new[new_range.clone()]);
    let len = a.len() + b.len();
    if len < REDUCE_FROM || a.is_empty() || b.is_empty() {
        return None;
    }
    let top = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
    if top > 4 * len {
        return None;
    }
    // Bit 1: the old list has the id; bit 2: the new one has it.
    let mut has = vec![0u8; top];
    a.iter().for_each(|&id| has[id as usize] |= 1);
    b.iter().for_each(|&id| has[id as usize] |= 2);
    let kept = |list: &[u32], start: usize| -> (Vec<usize>, Vec<u32>) {
        let (mut at, mut ids) = (Vec::new(), Vec::new());
        for (k, &id) in list.iter().enumerate() {
            if has[id as usize] == 3 {
                at.push(start + k);
                ids.push(id);
            }
        }
        (at, ids)
    };
    let (old_at, old_kept) = kept(a, old_range.start);
    let (new_at, new_kept) = kept(b, new_range.start);
    (old_kept.len() + new_kept.len() < len).then_some((old_at, old_kept, new_at, new_kept))
}

/// Replays ops over the reduced lists as ops over the whole ranges into `hook`: each equal
/// id where it stands, and what lies between two equal ids (dropped or not) as a deletion and
/// an insertion.
fn widen<H: DiffHook<Error = Infallible>>(ops: &[DiffOp], old_at: &[usize], new_at: &[usize], old_range: Range<usize>, new_range: Range<usize>, hook: &mut H) -> Result<(), Infallible> {
    let (mut o, mut n) = (old_range.start, new_range.start);
    // The equal run being built: `(old start, new start, length)`.
    let mut run = (0, 0, 0);
    let gap = |hook: &mut H, o: usize, i: usize, n: usize, j: usize| -> Result<(), Infallible> {
        if o < i {
            hook.delete(o, i - o, n)?;
        }
        if n < j {
            hook.insert(i, n, j - n)?;
        }
        Ok(())
    };
    for op in ops {
        let DiffOp::Equal { old_index, new_index, len } = *op else { continue };
        for k in 0..len {
            let (i, j) = (old_at[old_index + k], new_at[new_index + k]);
            if (i, j) != (o, n) || run.2 == 0 {
                if run.2 > 0 {
                    hook.equal(run.0, run.1, run.2)?;
                }
                gap(hook, o, i, n, j)?;
                run = (i, j, 0);
            }
            run.2 += 1;
            (o, n) = (i + 1, j + 1);
        }
    }
    if run.2 > 0 {
        hook.equal(run.0, run.1, run.2)?;
    }
    gap(hook, o, old_range.end, n, new_range.end)?;
    hook.finish()
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
