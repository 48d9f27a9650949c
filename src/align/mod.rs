//! Paragraph alignment: which old paragraphs sit beside which new ones.
//!
//! 1. **Match the obvious first.** Identical paragraphs are matched by hash with Myers' diff
//!    ([`crate::myers`]). Only
//!    paragraphs of [`MIN_ANCHOR_BYTES`] or more anchor at first; short lines are matched
//!    between those anchors, so "* * *" cannot pin the diff while real paragraphs look moved.
//!    On a near-identical book this leaves only a few short stretches to look at.
//! 2. Each changed stretch ("hunk") between two matched paragraphs is aligned by **the
//!    heaviest chain of groups**: a group pairs one old paragraph with one new one (changed in
//!    place), or one with up to [`MAX_GROUP`] consecutive ones on the other side (split or
//!    merged). A group's weight is `shared words × similarity`, so a split that accounts for
//!    all of a paragraph's words beats pairing it with only its first half. The chain (groups
//!    increasing on both sides, not overlapping) is found in O(G log G) with a Fenwick tree.
//!    Paragraphs left out are deleted or inserted; move detection looks at them next.
//!
//! The seed pair's split paragraph, which a line diff shows as one deletion and two insertions:
//!
//! ```text
//! old  Biden promised … and Moscow summoned its ambassador to Washington home for consultations “in order to analyze …”
//! new  Biden promised … and Moscow summoned its ambassador to Washington home for
//!      consultations “in order to analyze …”
//! ```
//!
//! is one `split` row here (similarity 1.0 against both new paragraphs together), whose only
//! change is the cosmetic paragraph break.
//!
//! Cost: the paragraph diff is O((N+M)·D) on hash ids; each hunk costs O(words) to profile plus
//! O(candidates · MAX_GROUP) similarity checks; all of it stops at the deadline, leaving the rest
//! of a hunk unpaired (exact, coarser).

use core::ops::Range;

use crate::call::Ctx;
use crate::intern::TokenId;
use crate::myers::{dense_ids, diff_ids, id_type, DiffOp, Past};
use crate::paragraphs::side::Side;
use crate::paragraphs::similarity::{candidates, dice_from, overlap};
use crate::paragraphs::MIN_MOVE_WORDS;
use crate::sort;
use crate::unicode::tokenize::count_words;

/// Most paragraphs on one side of a split or merged row.
pub(crate) const MAX_GROUP: usize = 6;
/// Lowest similarity for two paragraphs to be shown as one paragraph edited in place.
const PAIR_MIN_SIMILARITY: f64 = 0.4;
/// Lowest similarity for a split or merge (one paragraph against several).
const GROUP_MIN_SIMILARITY: f64 = 0.6;
/// Shortest paragraph (in bytes) that anchors the paragraph-level diff on its own; shorter
/// ones are matched only between anchors.
const MIN_ANCHOR_BYTES: usize = 24;
/// Candidates kept per old paragraph in large hunks.
const CANDIDATES_PER_PARAGRAPH: usize = 6;

/// One step of the alignment, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Old paragraphs `old` shown beside new paragraphs `new` (1:1, 1:n or n:1).
    Pair { old: Range<usize>, new: Range<usize> },
    /// An old paragraph with no counterpart in place.
    Deleted(usize),
    /// A new paragraph with no counterpart in place.
    Inserted(usize),
    /// Old paragraphs `old` deleted, then new paragraphs `new` inserted, none paired: how the
    /// alignment hands over what it left unpaired, so that a huge stretch is one unit; move
    /// detection spells it out as `Deleted` and `Inserted` units when it runs.
    Unpaired { old: Range<usize>, new: Range<usize> },
}

impl Unit {
    /// `units` with every [`Unit::Unpaired`] spelled out as a `Deleted` unit per old paragraph
    /// and an `Inserted` unit per new one.
    pub(crate) fn spell_out(units: Vec<Unit>) -> Vec<Unit> {
        let size = units
            .iter()
            .map(|u| if let Unit::Unpaired { old, new } = u { old.len() + new.len() } else { 1 })
            .sum();
        let mut out = Vec::with_capacity(size);
        for unit in units {
            match unit {
                Unit::Unpaired { old, new } => {
                    out.extend(old.map(Unit::Deleted));
                    out.extend(new.map(Unit::Inserted));
                }
                unit => out.push(unit),
            }
        }
        out
    }
}

id_type! {
    /// A paragraph's text, as the dense id of its hash ([`middle_ids`]): equal ids, equal
    /// hashes (the rows compare the texts themselves).
    TextId
}

/// Aligns the paragraphs of `old` and `new`.
pub(crate) fn align<'a>(old: &mut Side<'a>, new: &mut Side<'a>, ctx: &mut Ctx<'a>) -> Vec<Unit> {
    let (old_raw, new_raw) = (old.hashes(), new.hashes());
    // Match the obvious first: the paragraphs both texts begin and end with (all of them, for
    // identical texts) are paired by hash before anything is sorted or diffed.
    let prefix = old_raw.iter().zip(&new_raw).take_while(|(a, b)| a == b).count();
    let suffix = old_raw[prefix..]
        .iter()
        .rev()
        .zip(new_raw[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_mid, new_mid) = (prefix..old_raw.len() - suffix, prefix..new_raw.len() - suffix);
    let (old_hashes, new_hashes) = middle_ids(&old_raw, &old_mid, &new_raw, &new_mid);
    drop((old_raw, new_raw));
    let mut segments = Vec::new();
    push_equal(&mut segments, 0, 0, prefix);
    if !old_mid.is_empty() || !new_mid.is_empty() {
        // Pass 1: anchors among substantial paragraphs only, so that a short line that recurs
        // ("* * *", "Related article:") cannot hold the diff in place while the long
        // paragraphs around it are called moved.
        // (A plain loop: iterator adaptors stay calls per paragraph at `opt-level = "z"`.)
        let substantial = |side: &Side<'_>, mid: &Range<usize>| -> Vec<usize> {
            let paragraphs = side.paragraphs.as_slice();
            let mut out = Vec::new();
            let mut i = mid.start;
            while i < mid.end {
                if paragraphs[i].byte_end - paragraphs[i].byte_start >= MIN_ANCHOR_BYTES {
                    out.push(i);
                }
                i += 1;
            }
            out
        };
        let (old_sub, new_sub) = (substantial(old, &old_mid), substantial(new, &new_mid));
        let old_keys: Vec<TextId> = old_sub.iter().map(|&i| old_hashes[i]).collect();
        let new_keys: Vec<TextId> = new_sub.iter().map(|&j| new_hashes[j]).collect();
        let ops = diff_ids(
            &old_keys,
            0..old_keys.len(),
            &new_keys,
            0..new_keys.len(),
            ctx.deadline,
            Past::Scan,
        );
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        for op in ops {
            if let DiffOp::Equal { old_index, new_index, len } = op {
                anchors.extend((0..len).map(|k| (old_sub[old_index + k], new_sub[new_index + k])));
            }
        }
        // Pass 2: every paragraph between two anchors, short ones included.
        let (mut o, mut n) = (old_mid.start, new_mid.start);
        let end = (old_mid.end, new_mid.end);
        for (i, j) in anchors.into_iter().chain([end]) {
            // Most gaps between two anchors are empty, or the same short lines on both sides
            // (what the diff would find as one equal run): a comparison, not a diff, so that
            // a text of thousands of short paragraphs pays per change, not per anchor.
            if old_hashes[o..i] == new_hashes[n..j] {
                push_equal(&mut segments, o, n, i - o);
            } else {
                let gap = diff_ids(&old_hashes, o..i, &new_hashes, n..j, ctx.deadline, Past::Scan);
                segments_of(gap, &mut segments);
            }
            if (i, j) != end {
                push_equal(&mut segments, i, j, 1);
            }
            (o, n) = (i + 1, j + 1);
        }
        // An all-equal result is exact whenever it was computed; only changes can be coarse.
        if ctx.deadline.passed() && segments.iter().any(|s| matches!(s, Segment::Hunk(..))) {
            ctx.coarsened.paragraphs = true;
        }
    }
    push_equal(&mut segments, old_mid.end, new_mid.end, suffix);
    // Pass 3: pair what changed, stretch by stretch, keeping exact twins for move detection.
    // (Past the deadline nothing is paired or moved: no twin to look for.)
    let twins = if ctx.detect_moves && !ctx.deadline.passed() {
        Twins::find(&segments, old, new, &old_hashes, &new_hashes)
    } else {
        Twins::none(old, new)
    };
    // One unit per equal pair, and at most one per paragraph of a hunk, or, past the
    // deadline, where every hunk is left unpaired, one per hunk.
    let passed = ctx.deadline.passed();
    let size = segments.iter().map(|s| match s {
        Segment::Equal(_, _, len) => *len,
        Segment::Hunk(o, n) => {
            if passed {
                1
            } else {
                o.len() + n.len()
            }
        }
    });
    let mut units = Vec::with_capacity(size.sum());
    for segment in segments {
        match segment {
            // Equal hashes; the rows compare the texts, so a hash collision shows as a change.
            Segment::Equal(i, j, len) => units.extend(
                (0..len).map(|k| Unit::Pair { old: i + k..i + k + 1, new: j + k..j + k + 1 }),
            ),
            Segment::Hunk(o, n) => align_hunk(o, n, old, new, &twins, ctx, &mut units),
        }
    }
    units
}

/// Dense ids of the paragraph hashes (every diff in the engine runs on `u32` ids), numbered
/// for the middle ranges only. A paragraph outside them gets the id of the same text in the
/// middle, or one id shared by all the others (such paragraphs are never in a hunk; the ids
/// only count how often a changed paragraph's text occurs, see [`Twins`]).
fn middle_ids(
    old: &[u64],
    old_mid: &Range<usize>,
    new: &[u64],
    new_mid: &Range<usize>,
) -> (Vec<TextId>, Vec<TextId>) {
    if let Some(ids) = HashIds::middle_ids(old, old_mid, new, new_mid) {
        return ids;
    }
    let (old_ids, new_ids, keys) = dense_ids(&old[old_mid.clone()], &new[new_mid.clone()]);
    let outside = TextId(keys.len() as u32);
    let full = |hashes: &[u64], mid: &Range<usize>, ids: Vec<TextId>| -> Vec<TextId> {
        if mid.len() == hashes.len() {
            return ids;
        }
        let id = |h: &u64| keys.binary_search(h).map_or(outside, |k| TextId(k as u32));
        let mut out = Vec::with_capacity(hashes.len());
        out.extend(hashes[..mid.start].iter().map(id));
        out.extend(ids);
        out.extend(hashes[mid.end..].iter().map(id));
        out
    };
    (full(old, old_mid, old_ids), full(new, new_mid, new_ids))
}

/// [`middle_ids`] by a table with open addressing keyed by the hashes themselves (already
/// mixed), numbering them in order of first appearance: a probe or two a paragraph, where
/// sorting them (`myers::dense_ids`) was a fifth of the diff of a near-identical pair of many
/// short paragraphs. Hashes crafted to share their low bits would make the probes quadratic,
/// so past a budget of probes it gives up and [`middle_ids`] sorts instead.
struct HashIds {
    /// Per slot, 1 + the index in `keys` of the hash it holds, 0 when empty.
    slots: Vec<u32>,
    keys: Vec<u64>,
    /// Probes left.
    budget: usize,
}

impl HashIds {
    /// Probes allowed per paragraph, on average, before giving up.
    const PROBES_PER_KEY: usize = 8;

    /// [`middle_ids`], or `None` past the budget of probes.
    fn middle_ids(
        old: &[u64],
        old_mid: &Range<usize>,
        new: &[u64],
        new_mid: &Range<usize>,
    ) -> Option<(Vec<TextId>, Vec<TextId>)> {
        let size = (2 * (old_mid.len() + new_mid.len())).next_power_of_two().max(16);
        let budget = Self::PROBES_PER_KEY * (old.len() + new.len()) + 64;
        let mut table = HashIds { slots: vec![0; size], keys: Vec::new(), budget };
        let old_ids = table.ids(&old[old_mid.clone()], true)?;
        let new_ids = table.ids(&new[new_mid.clone()], true)?;
        let mut full = |hashes: &[u64], mid: &Range<usize>, ids: Vec<TextId>| {
            if mid.len() == hashes.len() {
                return Some(ids);
            }
            let mut out = table.ids(&hashes[..mid.start], false)?;
            out.extend(ids);
            out.extend(table.ids(&hashes[mid.end..], false)?);
            Some(out)
        };
        Some((full(old, old_mid, old_ids)?, full(new, new_mid, new_ids)?))
    }

    /// The ids of `hashes`, numbering new ones when `number`, else giving them the id after
    /// every numbered one.
    fn ids(&mut self, hashes: &[u64], number: bool) -> Option<Vec<TextId>> {
        let mut out = vec![TextId(0); hashes.len()];
        let slots = out.as_mut_slice();
        // (A plain loop: iterator adaptors stay calls per paragraph at `opt-level = "z"`.)
        let mut k = 0;
        while k < hashes.len() {
            // A run of one text (a text of one repeated line) takes one look-up.
            slots[k] = if k > 0 && hashes[k] == hashes[k - 1] {
                slots[k - 1]
            } else {
                self.id(hashes[k], number)?
            };
            k += 1;
        }
        Some(out)
    }

    /// `key`'s id (see [`HashIds::ids`]); `None` once the budget is spent.
    fn id(&mut self, key: u64, number: bool) -> Option<TextId> {
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            self.budget = self.budget.checked_sub(1)?;
            match self.slots[at] {
                0 if number => {
                    self.keys.push(key);
                    self.slots[at] = self.keys.len() as u32;
                    return Some(TextId(self.slots[at] - 1));
                }
                0 => return Some(TextId(self.keys.len() as u32)),
                s if self.keys[s as usize - 1] == key => return Some(TextId(s - 1)),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// A stretch of the paragraph-level diff.
enum Segment {
    /// Old paragraphs `.0..` have the same hashes as new paragraphs `.1..`, `.2` of them.
    Equal(usize, usize, usize),
    /// Old paragraphs `.0` and new paragraphs `.1` differ.
    Hunk(Range<usize>, Range<usize>),
}

/// Appends `len` equal pairs from old `i` and new `j` on, joined to an equal run they follow.
fn push_equal(out: &mut Vec<Segment>, i: usize, j: usize, len: usize) {
    if len == 0 {
        return;
    }
    if let Some(Segment::Equal(a, b, n)) = out.last_mut() {
        if *a + *n == i && *b + *n == j {
            *n += len;
            return;
        }
    }
    out.push(Segment::Equal(i, j, len));
}

/// Appends a paragraph-level diff as segments, merging adjacent changes into one hunk.
fn segments_of(ops: Vec<DiffOp>, out: &mut Vec<Segment>) {
    for op in ops {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            push_equal(out, old_index, new_index, len);
        } else {
            let (o, n) = (op.old_range(), op.new_range());
            match out.last_mut() {
                Some(Segment::Hunk(ho, hn)) if ho.end == o.start && hn.end == n.start => {
                    ho.end = o.end;
                    hn.end = n.end;
                }
                _ => out.push(Segment::Hunk(o, n)),
            }
        }
    }
}

/// Changed paragraphs whose exact text is also among the other side's changed paragraphs.
///
/// Such a paragraph is a move (or stays in place) with similarity 1; pairing it in its hunk
/// with a look-alike (`item [-0-][+45+] of the list`) would leave its twin with no partner and
/// show it as an unrelated deletion and insertion. Twins are therefore left out of the hunk
/// pairing and handed to move detection, which links them, or gives a twin that turns out to be
/// in place back as a pair. Only paragraphs that can move count: those of [`MIN_MOVE_WORDS`]
/// words or more, and shorter ones whose text occurs once in each text (see `moves::short`).
pub(crate) struct Twins {
    old: Vec<bool>,
    new: Vec<bool>,
}

impl Twins {
    fn none(old: &Side<'_>, new: &Side<'_>) -> Self {
        Twins { old: vec![false; old.paragraphs.len()], new: vec![false; new.paragraphs.len()] }
    }

    fn find(
        segments: &[Segment],
        old: &Side<'_>,
        new: &Side<'_>,
        old_hashes: &[TextId],
        new_hashes: &[TextId],
    ) -> Self {
        let mut twins = Self::none(old, new);
        // Hash ids are dense, so "is this id among the changed ones" is a table lookup.
        let ids = old_hashes.iter().chain(new_hashes).max().map_or(0, |&m| m.0 as usize + 1);
        let (mut old_changed, mut new_changed) = (vec![false; ids], vec![false; ids]);
        // How many times each text occurs, in both texts together; twins occur on both sides.
        let mut count = vec![0u32; ids];
        for &h in old_hashes {
            count[h.0 as usize] += 1;
        }
        for &h in new_hashes {
            count[h.0 as usize] += 1;
        }
        let movable = |side: &Side<'_>, i: usize, h: TextId| {
            count[h.0 as usize] == 2 || count_words(side.para(i)) >= MIN_MOVE_WORDS
        };
        for segment in segments {
            if let Segment::Hunk(o, n) = segment {
                o.clone().for_each(|i| old_changed[old_hashes[i].0 as usize] = true);
                n.clone().for_each(|j| new_changed[new_hashes[j].0 as usize] = true);
            }
        }
        for segment in segments {
            if let Segment::Hunk(o, n) = segment {
                for i in o.clone() {
                    let h = old_hashes[i];
                    twins.old[i] = new_changed[h.0 as usize] && movable(old, i, h);
                }
                for j in n.clone() {
                    let h = new_hashes[j];
                    twins.new[j] = old_changed[h.0 as usize] && movable(new, j, h);
                }
            }
        }
        twins
    }
}

/// A candidate row: old paragraphs `old` beside new paragraphs `new`.
#[derive(Debug, Clone)]
struct Group {
    old: Range<usize>,
    new: Range<usize>,
    weight: f64,
}

fn align_hunk<'a>(
    o: Range<usize>,
    n: Range<usize>,
    old: &mut Side<'a>,
    new: &mut Side<'a>,
    twins: &Twins,
    ctx: &mut Ctx<'a>,
    units: &mut Vec<Unit>,
) {
    let unpaired = |units: &mut Vec<Unit>, o: Range<usize>, n: Range<usize>| {
        if !o.is_empty() || !n.is_empty() {
            units.push(Unit::Unpaired { old: o, new: n });
        }
    };
    if o.is_empty() || n.is_empty() {
        return unpaired(units, o, n);
    }
    if ctx.deadline.passed() {
        ctx.coarsened.hunks += 1;
        return unpaired(units, o, n);
    }
    // Profiles cost a hash per word: on one huge paragraph they are cut short at the deadline.
    if !(old.ensure_profiles(o.clone(), ctx) && new.ensure_profiles(n.clone(), ctx)) {
        ctx.coarsened.hunks += 1;
        return unpaired(units, o, n);
    }
    let kept = |range: &Range<usize>, twin: &[bool]| {
        let mut out = Vec::with_capacity(range.len());
        out.extend(range.clone().filter(|&i| !twin[i]));
        out
    };
    let (olds, news) = (kept(&o, &twins.old), kept(&n, &twins.new));
    let pairs = candidates(&olds, &news, old, new, CANDIDATES_PER_PARAGRAPH, ctx.deadline);
    let mut cut = ctx.deadline.passed(); // the index stops at the deadline

    let mut groups = Vec::new();
    let mut counts = Vec::new();
    for (k, &(i, j)) in pairs.iter().enumerate() {
        if k % 256 == 255 && ctx.deadline.passed() {
            cut = true;
            break;
        }
        let (a, b) = (old.profile_ref(i), new.profile_ref(j));
        // (Below the floor, the similarity only matters as less than both minimums.)
        let sim = dice_from(a, b, PAIR_MIN_SIMILARITY);
        if sim >= PAIR_MIN_SIMILARITY {
            groups.push(Group { old: i..i + 1, new: j..j + 1, weight: overlap(a, b) as f64 * sim });
        }
        // One old paragraph against new j, j+1, … (split), and the mirror (merge).
        extend(i, j, n.end, sim, old, new, |g| groups.push(g), false, &mut counts);
        extend(j, i, o.end, sim, new, old, |g| groups.push(g), true, &mut counts);
    }
    ctx.coarsened.hunks += usize::from(cut);
    groups.retain(|g| !g.old.clone().any(|i| twins.old[i]) && !g.new.clone().any(|j| twins.new[j]));
    let chain = heaviest_chain(groups, n.start, n.len());

    let (mut next_old, mut next_new) = (o.start, n.start);
    for g in chain {
        unpaired(units, next_old..g.old.start, next_new..g.new.start);
        next_old = g.old.end;
        next_new = g.new.end;
        units.push(Unit::Pair { old: g.old, new: g.new });
    }
    unpaired(units, next_old..o.end, next_new..n.end);
}

/// Groups of paragraph `one` of side `a` with `start, start+1, …` of side `b` (below `end`),
/// kept while the similarity beats the best so far. `swap` says `a` is the new side.
#[allow(clippy::too_many_arguments)]
fn extend(
    one: usize,
    start: usize,
    end: usize,
    pair_sim: f64,
    a: &Side<'_>,
    b: &Side<'_>,
    mut push: impl FnMut(Group),
    swap: bool,
    counts: &mut Vec<u32>,
) {
    let single = a.profile_ref(one);
    // Words and symbols never match: a paragraph without words ("* * *") in a group of worded
    // ones (or the reverse) would only lower its similarity, so groups hold one kind.
    let wordless = a.wordless(one);
    if b.wordless(start) != wordless {
        return;
    }
    // How many of each word of `one` the group has not matched yet (indexed by word id; all
    // zero again on return), so each step costs the size of the added paragraph only.
    let mut size = b.profile_ref(start).len();
    let mut best = pair_sim.max(GROUP_MIN_SIMILARITY - f64::EPSILON);
    let whole = |size: usize| (single.len() + size) as f64;
    // Filled when the first group gets past the bound below (most pairs have none that does).
    let mut matched = None;
    for last in start + 1..end.min(start + MAX_GROUP) {
        let added = b.profile_ref(last);
        if b.wordless(last) != wordless {
            break;
        }
        size += added.len();
        // Even sharing every word of `one`, a group this large could not beat `best`, and it
        // only grows from here.
        if 2.0 * single.len() as f64 / whole(size) <= best {
            break;
        }
        let shared = matched.get_or_insert_with(|| {
            let top = single.last().map_or(0, |&w| w.0 as usize + 1);
            if counts.len() < top {
                counts.resize(top, 0);
            }
            single.iter().for_each(|&w| counts[w.0 as usize] += 1);
            take_shared(counts, b.profile_ref(start))
        });
        *shared += take_shared(counts, added);
        let shared = *shared;
        let sim = 2.0 * shared as f64 / whole(size);
        if sim > best {
            best = sim;
            let weight = shared as f64 * sim;
            let (one_r, many_r) = (one..one + 1, start..last + 1);
            let (old, new) = if swap { (many_r, one_r) } else { (one_r, many_r) };
            push(Group { old, new, weight });
        }
    }
    if matched.is_some() {
        single.iter().for_each(|&w| counts[w.0 as usize] = 0);
    }
}

/// Takes the words of `added` out of `counts` while any are left, and returns how many it took.
fn take_shared(counts: &mut [u32], added: &[TokenId]) -> usize {
    let mut shared = 0;
    for &w in added {
        // Without a branch on the count (see `side::overlap`).
        if let Some(c) = counts.get_mut(w.0 as usize) {
            let took = u32::from(*c > 0);
            *c -= took;
            shared += took as usize;
        }
    }
    shared
}

/// The heaviest chain of groups increasing on both sides without overlap. `new_base` and
/// `new_len` give the hunk's new range (the Fenwick tree is indexed by new positions).
fn heaviest_chain(mut groups: Vec<Group>, new_base: usize, new_len: usize) -> Vec<Group> {
    if groups.is_empty() {
        return groups;
    }
    // Ties on the old start cannot chain with each other, so their order does not matter.
    sort::sort_by_key(&mut groups, |g| sort::pair(g.old.start, g.new.start));
    let mut by_end: Vec<usize> = (0..groups.len()).collect();
    sort::sort_by_key(&mut by_end, |&g| groups[g].old.end as u64);

    // Fenwick tree over new positions 1..=new_len of (best chain weight ending there, group).
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); new_len + 1];
    let mut best = vec![0.0; groups.len()];
    let mut prev = vec![usize::MAX; groups.len()];
    let mut inserted = 0;
    for g in 0..groups.len() {
        while inserted < by_end.len() && groups[by_end[inserted]].old.end <= groups[g].old.start {
            let h = by_end[inserted];
            let mut pos = groups[h].new.end - new_base;
            while pos <= new_len {
                if best[h] > tree[pos].0 {
                    tree[pos] = (best[h], h);
                }
                pos += pos & pos.wrapping_neg();
            }
            inserted += 1;
        }
        let (mut pos, mut top) = (groups[g].new.start - new_base, (0.0, usize::MAX));
        while pos > 0 {
            if tree[pos].0 > top.0 {
                top = tree[pos];
            }
            pos &= pos - 1;
        }
        best[g] = groups[g].weight + top.0;
        prev[g] = top.1;
    }
    let mut at = (0..groups.len()).fold(0, |m, g| if best[g] > best[m] { g } else { m });
    let mut chain = Vec::new();
    while at != usize::MAX {
        chain.push(at);
        at = prev[at];
    }
    chain.reverse();
    chain.into_iter().map(|g| groups[g].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::Deadline;
    use crate::unicode::fold::Fold;

    /// Whether two lists of ids name the same texts as two lists of hashes: equal ids exactly
    /// for equal hashes, across both lists.
    fn same_classes(hashes: [&[u64]; 2], ids: [&[TextId]; 2]) -> bool {
        let (h, i): (Vec<u64>, Vec<TextId>) = (hashes.concat(), ids.concat().into_iter().collect());
        h.len() == i.len()
            && (0..h.len()).all(|a| (0..h.len()).all(|b| (h[a] == h[b]) == (i[a] == i[b])))
    }

    #[test]
    fn middle_ids_by_table_and_by_sorting_agree() {
        let mut rng = crate::paragraphs::side::rng::Rng(7);
        for round in 0..200 {
            // Few distinct texts, so repeats, runs and texts on one side only all occur; and
            // in half the rounds, hashes that all share their low bits.
            let list = |rng: &mut crate::paragraphs::side::rng::Rng| -> Vec<u64> {
                let len = rng.below(40);
                let text = |k: u64| match round % 2 {
                    0 => k.wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    _ => k << 32 | 0x5A5A,
                };
                (0..len).map(|_| text(rng.below(12) as u64 + 1)).collect()
            };
            let (old, new) = (list(&mut rng), list(&mut rng));
            let old_mid = rng.below(old.len() + 1)..old.len();
            let new_mid = old_mid.start.min(new.len())..new.len();
            let (o, n) = middle_ids(&old, &old_mid, &new, &new_mid);
            assert!(same_classes(
                [&old[old_mid.clone()], &new[new_mid.clone()]],
                [&o[old_mid.clone()], &n[new_mid.clone()]]
            ));
            // Outside the middle: the id of the same text in it, or one id above all of them.
            let known = o[old_mid.clone()].iter().chain(&n[new_mid.clone()]).map(|t| t.0);
            let outside = known.max().map_or(0, |m| m + 1);
            for (hashes, ids, mid) in [(&old, &o, &old_mid), (&new, &n, &new_mid)] {
                for k in (0..mid.start).chain(mid.end..hashes.len()) {
                    let inside = old[old_mid.clone()]
                        .iter()
                        .zip(&o[old_mid.clone()])
                        .chain(new[new_mid.clone()].iter().zip(&n[new_mid.clone()]))
                        .find(|(h, _)| **h == hashes[k]);
                    assert_eq!(ids[k], inside.map_or(TextId(outside), |(_, &id)| id));
                }
            }
        }
    }

    #[test]
    fn hashes_that_share_their_low_bits_fall_back_to_sorting() {
        // 4,096 distinct hashes on one home slot: the table gives up, the sort numbers them.
        let old: Vec<u64> = (1..=4096u64).map(|k| k << 40).collect();
        let new: Vec<u64> = old.iter().rev().copied().collect();
        let mid = 0..old.len();
        assert!(HashIds::middle_ids(&old, &mid, &new, &mid).is_none());
        let (o, n) = middle_ids(&old, &mid, &new, &mid);
        assert!(same_classes([&old, &new], [&o, &n]));
        // Spread hashes stay in the table.
        let spread: Vec<u64> =
            (1..=4096u64).map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        assert!(HashIds::middle_ids(&spread, &mid, &spread, &mid).is_some());
    }

    fn units(old: &'static str, new: &'static str) -> Vec<Unit> {
        let mut ctx = Ctx::new(Fold::default(), Deadline::NEVER, true);
        let (mut o, mut n) = (Side::new(old), Side::new(new));
        align(&mut o, &mut n, &mut ctx)
    }

    #[test]
    fn identical_paragraphs_pair_one_to_one() {
        assert_eq!(
            units("a b c\n\nd e f", "a b c\n\nd e f"),
            [Unit::Pair { old: 0..1, new: 0..1 }, Unit::Pair { old: 1..2, new: 1..2 }]
        );
    }

    #[test]
    fn split_paragraph_is_one_group() {
        let old = "Intro line here.\nMoscow summoned its ambassador home for consultations in order to analyze what to do.\nEnd line here.";
        let new = "Intro line here.\n\nMoscow summoned its ambassador home for\n\nconsultations in order to analyze what to do.\n\nEnd line here.";
        assert_eq!(
            units(old, new),
            [
                Unit::Pair { old: 0..1, new: 0..1 },
                Unit::Pair { old: 1..2, new: 1..3 },
                Unit::Pair { old: 2..3, new: 3..4 }
            ]
        );
    }

    #[test]
    fn merged_paragraphs_are_one_group() {
        let old = "first half of a sentence about the summit\n\nsecond half of the same sentence in Helsinki";
        let new = "first half of a sentence about the summit second half of the same sentence in Helsinki";
        assert_eq!(units(old, new), [Unit::Pair { old: 0..2, new: 0..1 }]);
    }

    #[test]
    fn edited_paragraph_pairs_in_place_and_unrelated_do_not() {
        let old = "keep this one\n\nthe president said on Monday that talks would resume\n\ncompletely different words here";
        let new = "keep this one\n\nthe president said on Tuesday that talks would resume soon\n\nnothing alike at all whatsoever";
        assert_eq!(
            units(old, new),
            [
                Unit::Pair { old: 0..1, new: 0..1 },
                Unit::Pair { old: 1..2, new: 1..2 },
                Unit::Unpaired { old: 2..3, new: 2..3 }
            ]
        );
    }

    #[test]
    fn paragraphs_without_words_pair_by_their_symbols_and_never_with_words() {
        let (a, b) = ("the reviewer liked the food a lot", "the reviewer will come back soon");
        let old = format!("{a}\n\n\u{2605}\u{2605}\u{2605}\u{2605}\u{2606}\n\n{b}");
        let new = format!("{a}\n\n\u{2605}\u{2605}\u{2605}\u{2606}\u{2606}\n\n{b}");
        let pairs = units(Box::leak(old.into_boxed_str()), Box::leak(new.into_boxed_str()));
        assert_eq!(pairs[1], Unit::Pair { old: 1..2, new: 1..2 });
        // A separator between the halves of a split paragraph stays out of the split row.
        let old = "first half of a sentence about the summit second half of the same sentence";
        let new = "first half of a sentence about the summit\n\n* * *\n\nsecond half of the same sentence";
        assert_eq!(
            units(old, new),
            [Unit::Pair { old: 0..1, new: 0..1 }, Unit::Unpaired { old: 1..1, new: 1..3 }]
        );
    }

    #[test]
    fn chain_prefers_total_weight() {
        let g = |o: Range<usize>, n: Range<usize>, weight| Group { old: o, new: n, weight };
        // Crossing groups: (0,1) w5 and (1,0) w3 cannot both be chosen; (0,0)+(1,1) w4+w4 wins.
        let chain = heaviest_chain(
            vec![g(0..1, 1..2, 5.0), g(1..2, 0..1, 3.0), g(0..1, 0..1, 4.0), g(1..2, 1..2, 4.0)],
            0,
            2,
        );
        let picked: Vec<_> = chain.iter().map(|g| (g.old.start, g.new.start)).collect();
        assert_eq!(picked, [(0, 0), (1, 1)]);
    }
}
