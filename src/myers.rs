//! The one sequence diff of the engine: Myers' algorithm over two slices of interned ids.
//!
//! Every diff in the engine (paragraph texts, word tokens, clusters of a refined word) runs
//! here. Each kind of id is its own `u32` newtype ([`Id`]: `TextId`, `TokenId`, `ClusterId`),
//! so one kind cannot be diffed or compared against another by mistake; all of them reach the
//! algorithm as `&[u32]`, so that one element type and one algorithm keep the wasm module
//! small (budget: 60 KB gzipped). Myers' O((N+M)·D) algorithm finds a longest common
//! subsequence in linear space (divide and conquer on the middle snake, Myers 1986 §4b), with
//! the work kept on an explicit stack rather than recursion, so no input can exhaust the call
//! stack.
//!
//! * time: O((N+M)·D), D the edit distance counting only ids both lists have; space O(N+M)
//!   for the matches plus O(D) for the search.
//! * **Match the obvious first**: common prefixes and suffixes are matched before any search.
//! * **Ids the other list lacks are dropped first** (GNU diff's `discard_confusing_lines`, in
//!   its exact form): such an id can be in no common subsequence, so Myers runs on what is left
//!   and the dropped ids become deletions and insertions where they stood. The longest common
//!   subsequence, hence the size of the edit script, is the same. It matters when most ids
//!   differ: `'a\n'` × 300 K against `'b\n'` × 300 K (D = N+M) would run until the deadline.
//!   Lists under [`REDUCE_FROM`] ids, or whose ids range far wider than their length (a short
//!   paragraph's word ids, taken from the whole call's interner), are diffed as they are.
//! * **The deadline** ([`Deadline`]) is read every [`WORK_PER_CLOCK_READ`] steps of the search,
//!   not at every step (in the browser each read is a call out of wasm). Once it has passed,
//!   what is left of each range is finished in linear time as [`Past`] says: one replacement
//!   (word diffs: the cheapest answer to show), or a scan that matches equal ids within
//!   [`LOOKAHEAD`] places of each other ([`Past::Scan`]; paragraphs: `'a\nb\n'` × n against
//!   `'b\na\n'` × n is then still one deletion, n - 1 equal pairs and one insertion, where a
//!   replacement of everything would double the rows, so a tighter budget would cost more).
//!
//! Adjacent deletions and insertions come out as one replacement.

use core::ops::Range;

use crate::deadline::Deadline;

/// Fewest ids (both lists together) for which ids missing from the other list are dropped
/// before Myers runs (see the module docs).
const REDUCE_FROM: usize = 256;

/// Search steps (diagonals visited) between two reads of the clock.
const WORK_PER_CLOCK_READ: usize = 1 << 14;

/// How far ahead [`Past::Scan`] looks on either side for the id the other side is at.
const LOOKAHEAD: usize = 8;

/// A kind of id the engine diffs: a `#[repr(transparent)]` newtype over `u32`, declared with
/// [`id_type!`]. Generic code over ids stays a thin shell over one `u32` instantiation
/// ([`Id::raw`]), so a new kind of id adds no copy of an algorithm to the wasm module.
pub(crate) trait Id: Copy + Eq + Ord + core::fmt::Debug {
    /// The id of number `raw`.
    fn new(raw: u32) -> Self;
    /// The id's number, for indexing tables by id.
    fn get(self) -> u32;
    /// The ids as their numbers, without a copy.
    fn raw(ids: &[Self]) -> &[u32];
}

/// Declares a kind of id: `id_type!(/// docs\n Name)` makes `pub(crate) struct Name(pub u32)`,
/// `#[repr(transparent)]`, with its [`Id`] impl.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(transparent)]
        pub(crate) struct $name(pub u32);

        impl $crate::myers::Id for $name {
            #[inline(always)]
            fn new(raw: u32) -> Self {
                $name(raw)
            }
            #[inline(always)]
            fn get(self) -> u32 {
                self.0
            }
            #[inline(always)]
            fn raw(ids: &[Self]) -> &[u32] {
                // SAFETY: `$name` is `#[repr(transparent)]` over `u32`, so `[$name]` has the
                // layout of `[u32]`; the borrow keeps `ids`' lifetime.
                unsafe { core::slice::from_raw_parts(ids.as_ptr().cast::<u32>(), ids.len()) }
            }
        }
    };
}
pub(crate) use id_type;

/// One step of an edit script over two id lists (indices are absolute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DiffOp {
    /// `old[old_index..old_index + len]` equals `new[new_index..new_index + len]`.
    Equal { old_index: usize, new_index: usize, len: usize },
    /// `old[old_index..old_index + old_len]` is deleted before `new[new_index]`.
    Delete { old_index: usize, old_len: usize, new_index: usize },
    /// `new[new_index..new_index + new_len]` is inserted before `old[old_index]`.
    Insert { old_index: usize, new_index: usize, new_len: usize },
    /// `old[old_index..][..old_len]` is replaced by `new[new_index..][..new_len]`.
    Replace { old_index: usize, old_len: usize, new_index: usize, new_len: usize },
}

impl DiffOp {
    /// The old ids the op covers.
    pub fn old_range(&self) -> Range<usize> {
        match *self {
            DiffOp::Equal { old_index, len, .. } => old_index..old_index + len,
            DiffOp::Delete { old_index, old_len, .. }
            | DiffOp::Replace { old_index, old_len, .. } => old_index..old_index + old_len,
            DiffOp::Insert { old_index, .. } => old_index..old_index,
        }
    }

    /// The new ids the op covers.
    pub fn new_range(&self) -> Range<usize> {
        match *self {
            DiffOp::Equal { new_index, len, .. } => new_index..new_index + len,
            DiffOp::Insert { new_index, new_len, .. }
            | DiffOp::Replace { new_index, new_len, .. } => new_index..new_index + new_len,
            DiffOp::Delete { new_index, .. } => new_index..new_index,
        }
    }
}

/// How a range is finished once the deadline has passed (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Past {
    /// Common ends matched, the middle one replacement.
    Replace,
    /// Equal ids matched by a scan with a short lookahead, in linear time.
    Scan,
}

/// The ops turning `old[old_range]` into `new[new_range]` (indices are absolute), by Myers'
/// algorithm; past `deadline`, finished as `past` says: coarser, still exact.
#[inline(always)]
pub(crate) fn diff_ids<T: Id>(
    old: &[T],
    old_range: Range<usize>,
    new: &[T],
    new_range: Range<usize>,
    deadline: Deadline,
    past: Past,
) -> Vec<DiffOp> {
    diff_raw(T::raw(old), old_range, T::raw(new), new_range, deadline, past)
}

/// [`diff_ids`] on the ids' numbers: the one instantiation every kind of id runs through.
fn diff_raw(
    old: &[u32],
    old_range: Range<usize>,
    new: &[u32],
    new_range: Range<usize>,
    deadline: Deadline,
    past: Past,
) -> Vec<DiffOp> {
    let mut script = Script::default();
    match shared_only(old, &old_range, new, &new_range) {
        Some((old_at, old_kept, new_at, new_kept)) => {
            let mut matches = Script::default();
            Myers::new(deadline, past, old_kept.len() + new_kept.len()).run(
                &old_kept,
                &new_kept,
                &mut matches,
            );
            // The matches over the reduced lists, as matches over the whole ranges.
            for &(i, j, len) in &matches.matches {
                for k in 0..len {
                    script.matched(old_at[i + k], new_at[j + k], 1);
                }
            }
        }
        None => {
            let (old, new) = (&old[..old_range.end], &new[..new_range.end]);
            Myers::new(deadline, past, old_range.len() + new_range.len()).run_from(
                old,
                old_range.start,
                new,
                new_range.start,
                &mut script,
            );
        }
    }
    script.ops(old_range, new_range)
}

/// Matched runs `(old, new, len)` in order, adjacent runs joined.
#[derive(Default)]
struct Script {
    matches: Vec<(usize, usize, usize)>,
}

impl Script {
    fn matched(&mut self, i: usize, j: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some((a, b, n)) = self.matches.last_mut() {
            if *a + *n == i && *b + *n == j {
                *n += len;
                return;
            }
        }
        self.matches.push((i, j, len));
    }

    /// The edit script over `old_range` and `new_range`: each run, and what lies between two
    /// runs as a deletion, an insertion or a replacement.
    fn ops(self, old_range: Range<usize>, new_range: Range<usize>) -> Vec<DiffOp> {
        let mut ops = Vec::with_capacity(2 * self.matches.len() + 1);
        let (mut o, mut n) = (old_range.start, new_range.start);
        let gap =
            |ops: &mut Vec<DiffOp>, o: usize, i: usize, n: usize, j: usize| match (i - o, j - n) {
                (0, 0) => {}
                (old_len, 0) => ops.push(DiffOp::Delete { old_index: o, old_len, new_index: n }),
                (0, new_len) => ops.push(DiffOp::Insert { old_index: o, new_index: n, new_len }),
                (old_len, new_len) => {
                    ops.push(DiffOp::Replace { old_index: o, old_len, new_index: n, new_len })
                }
            };
        for (i, j, len) in self.matches {
            gap(&mut ops, o, i, n, j);
            ops.push(DiffOp::Equal { old_index: i, new_index: j, len });
            (o, n) = (i + len, j + len);
        }
        gap(&mut ops, o, old_range.end, n, new_range.end);
        ops
    }
}

/// One run of Myers' algorithm: the search vectors (grown as D grows) and the clock.
struct Myers {
    clock: Clock,
    past: Past,
    /// Furthest x on each diagonal k, forward and backward, at index `k + offset`. Only the
    /// diagonals the current search wrote are ever read, so they are never cleared.
    forward: Vec<usize>,
    backward: Vec<usize>,
    offset: isize,
}

/// The deadline, read once enough work was done since the last read.
struct Clock {
    deadline: Deadline,
    /// Set once the deadline was seen to have passed: the clock is not read again.
    expired: bool,
    /// Steps since the clock was last read.
    work: usize,
}

impl Clock {
    /// Whether the deadline has passed, counting `steps` more of work.
    fn expired(&mut self, steps: usize) -> bool {
        self.work += steps;
        if !self.expired && self.work >= WORK_PER_CLOCK_READ {
            self.work = 0;
            self.expired = self.deadline.passed();
        }
        self.expired
    }
}

impl Myers {
    /// A run over lists of `len` ids in all: a long run reads the clock before it starts, a
    /// short one only once it has done that much work.
    fn new(deadline: Deadline, past: Past, len: usize) -> Self {
        Myers {
            clock: Clock { deadline, expired: false, work: len },
            past,
            forward: Vec::new(),
            backward: Vec::new(),
            offset: 0,
        }
    }

    fn run(&mut self, old: &[u32], new: &[u32], out: &mut Script) {
        self.run_from(old, 0, new, 0, out);
    }

    /// Matches `old[o..]` against `new[n..]` into `out`.
    fn run_from(&mut self, old: &[u32], o: usize, new: &[u32], n: usize, out: &mut Script) {
        // Ranges still to diff, and common suffixes to emit once what precedes them is done,
        // popped last in first out so the script comes out in order.
        enum Task {
            Diff(Range<usize>, Range<usize>),
            Equal(usize, usize, usize),
        }
        let mut tasks = vec![Task::Diff(o..old.len(), n..new.len())];
        while let Some(task) = tasks.pop() {
            let (mut a, mut b) = match task {
                Task::Equal(i, j, len) => {
                    out.matched(i, j, len);
                    continue;
                }
                Task::Diff(a, b) => (a, b),
            };
            let prefix = common_prefix(&old[a.clone()], &new[b.clone()]);
            out.matched(a.start, b.start, prefix);
            (a.start, b.start) = (a.start + prefix, b.start + prefix);
            let suffix = common_suffix(&old[a.clone()], &new[b.clone()]);
            (a.end, b.end) = (a.end - suffix, b.end - suffix);
            tasks.push(Task::Equal(a.end, b.end, suffix));
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let found = if self.clock.expired(0) {
                None
            } else {
                self.middle_snake(old, a.clone(), new, b.clone())
            };
            match found {
                Some((x, y)) => {
                    tasks.push(Task::Diff(x..a.end, y..b.end));
                    tasks.push(Task::Diff(a.start..x, b.start..y));
                }
                None if self.past == Past::Scan => scan(old, a, new, b, out),
                None => {}
            }
        }
    }

    /// A point `(x, y)` on a shortest edit path from `(a.start, b.start)` to `(a.end, b.end)`
    /// that cuts it into two shorter problems (both ranges non-empty, their first ids differing
    /// and their last ids differing); `None` once the deadline has passed.
    ///
    /// The furthest reaching paths of D edits are followed from both ends at once, on every
    /// diagonal `k = x - y` (x from the start forward, and from the end backward), until a
    /// forward and a backward path overlap. The search vectors grow with D, not with the ranges.
    fn middle_snake(
        &mut self,
        old: &[u32],
        a: Range<usize>,
        new: &[u32],
        b: Range<usize>,
    ) -> Option<(usize, usize)> {
        let (n, m) = (a.len() as isize, b.len() as isize);
        let delta = n - m;
        let odd = delta & 1 != 0;
        let max_d = (n + m + 1) / 2;
        if self.offset < 2 {
            self.grow(32.min(max_d + 2));
        }
        // The ranges as slices: the snakes below index them with no offset to add and no
        // bound to check past the loop's own.
        let (olds, news) = (&old[a.clone()], &new[b.clone()]);
        let offset = self.offset;
        self.forward[(offset + 1) as usize] = 0;
        self.backward[(offset + 1) as usize] = 0;
        for d in 0..=max_d {
            if d + 2 > self.offset {
                self.grow((2 * self.offset).min(max_d + 2));
            }
            let (vf, vb, offset) = (&mut self.forward, &mut self.backward, self.offset);
            // Diagonals from k = d down, as similar's Myers visits them, so that of several
            // shortest scripts the same one is found.
            let mut k = d;
            while k >= -d {
                let at = (k + offset) as usize;
                let (left, right) = (get(vf, at - 1), get(vf, at + 1));
                let x0 = if k == -d || (k != d && left < right) { right } else { left + 1 };
                let y0 = (x0 as isize - k) as usize;
                let (mut x, mut y) = (x0, y0);
                while x < olds.len() && y < news.len() && olds[x] == news[y] {
                    (x, y) = (x + 1, y + 1);
                }
                vf[at] = x;
                // With an odd delta, a forward path of D edits meets a backward one of D - 1:
                // cut where its last snake starts.
                let back = delta - k;
                if odd && back.abs() < d && vb[(back + offset) as usize] + x >= a.len() {
                    return Some((a.start + x0, b.start + y0));
                }
                k -= 2;
            }
            let mut k = d;
            while k >= -d {
                let at = (k + offset) as usize;
                let (left, right) = (get(vb, at - 1), get(vb, at + 1));
                let mut x = if k == -d || (k != d && left < right) { right } else { left + 1 };
                let mut y = (x as isize - k) as usize;
                while x < olds.len()
                    && y < news.len()
                    && olds[olds.len() - 1 - x] == news[news.len() - 1 - y]
                {
                    (x, y) = (x + 1, y + 1);
                }
                vb[at] = x;
                // With an even delta, a backward path of D edits meets a forward one of D.
                let fore = delta - k;
                if !odd && fore.abs() <= d && vf[(fore + offset) as usize] + x >= a.len() {
                    return Some((a.end - x, b.end - (x as isize - k) as usize));
                }
                k -= 2;
            }
            if self.clock.expired(2 * d as usize + 2) {
                return None;
            }
        }
        None
    }

    /// Makes room for diagonals `-offset..=offset`, keeping the values already found.
    fn grow(&mut self, offset: isize) {
        let shift = (offset - self.offset) as usize;
        for v in [&mut self.forward, &mut self.backward] {
            let mut larger = vec![0; (2 * offset + 1) as usize];
            larger[shift..shift + v.len()].copy_from_slice(v);
            *v = larger;
        }
        self.offset = offset;
    }
}

/// `v[i]` without a bounds check, for the search's reads of the diagonals next to the one it
/// extends: `grow` keeps `-offset..=offset` in the vectors and `offset` at least `d + 2`, so
/// `k ± 1` for `-d <= k <= d` is always inside (checked in debug builds).
#[inline(always)]
fn get(v: &[usize], i: usize) -> usize {
    debug_assert!(i < v.len());
    // SAFETY: `i < v.len()`, as said above.
    unsafe { *v.get_unchecked(i) }
}

/// Past the deadline: matches `old[a]` against `new[b]` in one pass, taking an id that is
/// equal on both sides, or else skipping to the nearer of the two ids within [`LOOKAHEAD`]
/// places, or else both ids as changed. Linear, and every match exact.
fn scan(old: &[u32], a: Range<usize>, new: &[u32], b: Range<usize>, out: &mut Script) {
    let (mut i, mut j) = (a.start, b.start);
    while i < a.end && j < b.end {
        if old[i] == new[j] {
            out.matched(i, j, 1);
            (i, j) = (i + 1, j + 1);
            continue;
        }
        let ahead = |list: &[u32], from: usize, end: usize, id: u32| {
            (1..=LOOKAHEAD).find(|&s| from + s < end && list[from + s] == id)
        };
        match (ahead(old, i, a.end, new[j]), ahead(new, j, b.end, old[i])) {
            (Some(s), Some(t)) if s <= t => i += s,
            (_, Some(t)) => j += t,
            (Some(s), None) => i += s,
            (None, None) => (i, j) = (i + 1, j + 1),
        }
    }
}

// (Plain loops: see `shared_only`.)
fn common_prefix(a: &[u32], b: &[u32]) -> usize {
    let mut i = 0;
    while i < a.len() && i < b.len() && a[i] == b[i] {
        i += 1;
    }
    i
}

fn common_suffix(a: &[u32], b: &[u32]) -> usize {
    let mut i = 0;
    while i < a.len() && i < b.len() && a[a.len() - 1 - i] == b[b.len() - 1 - i] {
        i += 1;
    }
    i
}

/// The positions and ids of the ids each list shares with the other, or `None` when the
/// reduction is not worth it (short lists, ids spread far wider than the lists are long, or
/// nothing to drop).
#[allow(clippy::type_complexity)]
fn shared_only(
    old: &[u32],
    old_range: &Range<usize>,
    new: &[u32],
    new_range: &Range<usize>,
) -> Option<(Vec<usize>, Vec<u32>, Vec<usize>, Vec<u32>)> {
    let (a, b) = (&old[old_range.clone()], &new[new_range.clone()]);
    let len = a.len() + b.len();
    if len < REDUCE_FROM || a.is_empty() || b.is_empty() {
        return None;
    }
    // Plain loops over slices throughout: iterator adaptors and closures stay calls per id at
    // `opt-level = "z"`, and a paragraph list can hold millions of ids.
    let (mut top, mut k) = (0, 0);
    while k < a.len() {
        top = top.max(a[k] as usize + 1);
        k += 1;
    }
    k = 0;
    while k < b.len() {
        top = top.max(b[k] as usize + 1);
        k += 1;
    }
    if top > 4 * len {
        return None;
    }
    // Bit 1: the old list has the id; bit 2: the new one has it.
    let mut has = vec![0u8; top];
    let marks = has.as_mut_slice();
    for (list, bit) in [(a, 1), (b, 2)] {
        let mut k = 0;
        while k < list.len() {
            marks[list[k] as usize] |= bit;
            k += 1;
        }
    }
    let has = marks;
    let kept = |list: &[u32], start: usize| -> (Vec<usize>, Vec<u32>) {
        let (mut at, mut ids) = (Vec::new(), Vec::new());
        let mut k = 0;
        while k < list.len() {
            let id = list[k];
            if has[id as usize] == 3 {
                at.push(start + k);
                ids.push(id);
            }
            k += 1;
        }
        (at, ids)
    };
    let (old_at, old_kept) = kept(a, old_range.start);
    let (new_at, new_kept) = kept(b, new_range.start);
    (old_kept.len() + new_kept.len() < len).then_some((old_at, old_kept, new_at, new_kept))
}

/// Dense ids for two slices of `u64` keys (equal keys, equal ids), so they can be diffed by
/// [`diff_ids`], and the keys by id (ascending: ids follow the keys' order). Sorting instead
/// of a hash map keeps one more map type out of the wasm module; a run of equal keys in a row
/// (a text of one repeated line) is sorted as one key.
pub(crate) fn dense_ids<T: Id>(old: &[u64], new: &[u64]) -> (Vec<T>, Vec<T>, Vec<u64>) {
    let unset = T::new(u32::MAX);
    // The first key of each run, with its position (runs do not cross from `old` to `new`).
    // (Plain loops over slices: iterator adaptors and `Vec` indexing stay calls at
    // `opt-level = "z"`, and there can be millions of keys.)
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    for (list, base) in [(old, 0), (new, old.len())] {
        let mut i = 0;
        while i < list.len() {
            if i == 0 || list[i] != list[i - 1] {
                keyed.push((list[i], (base + i) as u32));
            }
            i += 1;
        }
    }
    keyed.sort_unstable();
    let mut ids = vec![unset; old.len() + new.len()];
    let slots = ids.as_mut_slice();
    let mut keys = Vec::new();
    for &(key, i) in &keyed {
        if keys.last() != Some(&key) {
            keys.push(key);
        }
        slots[i as usize] = T::new(keys.len() as u32 - 1);
    }
    // The rest of each run takes its first key's id.
    let mut i = 1;
    while i < slots.len() {
        if slots[i] == unset {
            slots[i] = slots[i - 1];
        }
        i += 1;
    }
    let new_ids = ids.split_off(old.len());
    (ids, new_ids, keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::Clock;
    use crate::paragraphs::side::rng::Rng;

    /// Bare numbers as ids, for the tests' random lists.
    impl Id for u32 {
        fn new(raw: u32) -> Self {
            raw
        }
        fn get(self) -> u32 {
            self
        }
        fn raw(ids: &[Self]) -> &[u32] {
            ids
        }
    }

    /// Length of a longest common subsequence, by dynamic programming.
    fn lcs(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { row[j + 1].max(row[j]) };
                diagonal = above;
            }
        }
        row[b.len()]
    }

    /// Checks that `ops` is an edit script of `old[o]` into `new[n]` (in order, covering both
    /// ranges, equal ops over equal ids, no two equal ops adjacent) and returns the ids matched.
    fn matched(
        ops: &[DiffOp],
        old: &[u32],
        o: Range<usize>,
        new: &[u32],
        n: Range<usize>,
    ) -> usize {
        let (mut i, mut j, mut total) = (o.start, n.start, 0);
        for (k, op) in ops.iter().enumerate() {
            assert_eq!((op.old_range().start, op.new_range().start), (i, j), "op {k} of {ops:?}");
            if let DiffOp::Equal { old_index, new_index, len } = *op {
                assert!(len > 0);
                assert_eq!(old[old_index..old_index + len], new[new_index..new_index + len]);
                assert!(
                    k == 0 || !matches!(ops[k - 1], DiffOp::Equal { .. }),
                    "adjacent equal ops: {ops:?}"
                );
                total += len;
            } else {
                assert!(!op.old_range().is_empty() || !op.new_range().is_empty());
            }
            (i, j) = (op.old_range().end, op.new_range().end);
        }
        assert_eq!((i, j), (o.end, n.end), "{ops:?}");
        total
    }

    fn random(rng: &mut Rng, len: usize, alphabet: usize) -> Vec<u32> {
        (0..len).map(|_| rng.below(alphabet) as u32).collect()
    }

    #[test]
    fn finds_a_longest_common_subsequence() {
        let mut rng = Rng(0x5eed_1234_abcd_0001);
        for round in 0..3000 {
            let alphabet = 1 + rng.below(if round % 3 == 0 { 400 } else { 6 });
            let (la, lb) = (rng.below(60), rng.below(60));
            let (a, b) = (random(&mut rng, la, alphabet), random(&mut rng, lb, alphabet));
            // Sub-ranges too: indices are absolute.
            let (o, n) = (rng.below(la + 1)..la, rng.below(lb + 1)..lb);
            let ops = diff_ids(&a, o.clone(), &b, n.clone(), Deadline::NEVER, Past::Replace);
            assert_eq!(
                matched(&ops, &a, o.clone(), &b, n.clone()),
                lcs(&a[o], &b[n]),
                "round {round}: {a:?} {b:?}"
            );
        }
    }

    #[test]
    fn long_lists_far_apart_are_still_exact() {
        // D in the hundreds (the search vectors regrow) and lists past REDUCE_FROM (ids only
        // one side has are dropped first).
        let mut rng = Rng(0x5eed_1234_abcd_0002);
        for alphabet in [3, 40, 3000] {
            let (a, b) = (random(&mut rng, 900, alphabet), random(&mut rng, 700, alphabet));
            let ops = diff_ids(&a, 0..a.len(), &b, 0..b.len(), Deadline::NEVER, Past::Replace);
            assert_eq!(
                matched(&ops, &a, 0..a.len(), &b, 0..b.len()),
                lcs(&a, &b),
                "alphabet {alphabet}"
            );
        }
    }

    #[test]
    fn dense_ids_are_equal_exactly_for_equal_keys() {
        let mut rng = Rng(0x5eed_1234_abcd_0004);
        for round in 0..500 {
            // Few distinct keys, so runs of equal keys are common, across the two lists too.
            let values: Vec<u64> =
                (0..1 + rng.below(6)).map(|_| rng.below(usize::MAX) as u64).collect();
            let (la, lb) = (rng.below(30), rng.below(30));
            let a: Vec<u64> = (0..la).map(|_| values[rng.below(values.len())]).collect();
            let b: Vec<u64> = (0..lb).map(|_| values[rng.below(values.len())]).collect();
            let (ia, ib, keys) = dense_ids(&a, &b);
            let (all, ids): (Vec<u64>, Vec<u32>) =
                (a.iter().chain(&b).copied().collect(), ia.iter().chain(&ib).copied().collect());
            for (x, &id) in all.iter().zip(&ids) {
                assert_eq!(keys[id as usize], *x, "round {round}");
            }
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "round {round}: {keys:?}");
        }
    }

    #[test]
    fn past_the_deadline_the_script_is_coarser_but_exact() {
        let passed = Deadline::after(Some(core::time::Duration::from_nanos(1)), Clock::Std);
        std::thread::sleep(core::time::Duration::from_millis(1));
        let mut rng = Rng(0x5eed_1234_abcd_0003);
        for round in 0..300 {
            let (a, b) = (random(&mut rng, 5000, 8), random(&mut rng, 4000, 8));
            for past in [Past::Replace, Past::Scan] {
                let ops = diff_ids(&a, 0..a.len(), &b, 0..b.len(), passed, past);
                let found = matched(&ops, &a, 0..a.len(), &b, 0..b.len());
                if past == Past::Replace {
                    // Common ends and one replacement.
                    assert!(ops.len() <= 3, "round {round}: {} ops", ops.len());
                }
                assert!(found <= 4000);
            }
        }
        // Two lists shifted by one: the scan still matches all but the ends, where one
        // replacement would have matched nothing.
        let (a, b): (Vec<u32>, Vec<u32>) =
            ((0..20_000).map(|k| k % 2).collect(), (1..20_001).map(|k| k % 2).collect());
        let ops = diff_ids(&a, 0..a.len(), &b, 0..b.len(), passed, Past::Scan);
        assert_eq!(matched(&ops, &a, 0..a.len(), &b, 0..b.len()), 19_999);
    }
}
