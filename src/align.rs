//! Paragraph alignment: which old paragraphs sit beside which new ones.
//!
//! 1. **Match the obvious first.** Identical paragraphs are matched by hash with `similar`'s
//!    Myers diff (see [`crate::sequence`] for why not Patience). Only
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

use similar::DiffOp;

use crate::engine::Ctx;
use crate::order;
use crate::sequence::{dense_ids, diff_ids};
use crate::moves::{FoundMove, MIN_MOVE_WORDS};
use crate::tokenize::{count_words, tokenize, TokenKind};
use crate::side::{candidates, dice, overlap, Side};

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
    /// Old paragraphs `old` shown beside new paragraphs `new` (1:1, 1:n or n:1). `gap` lies
    /// inside the side with several paragraphs: those are deleted or inserted whole, between
    /// the paragraphs the one on the other side continues into (see [`continue_pairs`]).
    Pair { old: Range<usize>, new: Range<usize>, gap: Range<usize> },
    /// An old paragraph with no counterpart in place.
    Deleted(usize),
    /// A new paragraph with no counterpart in place.
    Inserted(usize),
}

/// Aligns the paragraphs of `old` and `new`.
pub(crate) fn align<'a>(old: &mut Side<'a>, new: &mut Side<'a>, ctx: &mut Ctx<'a>) -> Vec<Unit> {
    // Paragraph hashes as dense ids: every diff in the engine runs on `u32` slices.
    let (old_hashes, new_hashes) = dense_ids(&old.hashes(), &new.hashes());
    // Pass 1: anchors among substantial paragraphs only, so that a short line that recurs
    // ("* * *", "Related article:") cannot hold the diff in place while the long paragraphs
    // around it are called moved.
    let substantial = |side: &Side<'_>| -> Vec<usize> {
        (0..side.paragraphs.len()).filter(|&i| side.para(i).len() >= MIN_ANCHOR_BYTES).collect()
    };
    let (old_sub, new_sub) = (substantial(old), substantial(new));
    let old_keys: Vec<u32> = old_sub.iter().map(|&i| old_hashes[i]).collect();
    let new_keys: Vec<u32> = new_sub.iter().map(|&j| new_hashes[j]).collect();
    let ops = diff_ids(
        &old_keys,
        0..old_keys.len(),
        &new_keys,
        0..new_keys.len(),
        ctx.deadline.instant(),
    );
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for op in ops {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            anchors.extend((0..len).map(|k| (old_sub[old_index + k], new_sub[new_index + k])));
        }
    }
    // Pass 2: every paragraph between two anchors, short ones included.
    let mut segments = Vec::new();
    let (mut o, mut n) = (0, 0);
    let end = (old_hashes.len(), new_hashes.len());
    for (i, j) in anchors.into_iter().chain([end]) {
        let gap = diff_ids(&old_hashes, o..i, &new_hashes, n..j, ctx.deadline.instant());
        segments_of(gap, &mut segments);
        if (i, j) != end {
            segments.push(Segment::Equal(i, j));
        }
        (o, n) = (i + 1, j + 1);
    }
    // An all-equal result is exact whenever it was computed; only changes can be coarse.
    if ctx.deadline.passed() && segments.iter().any(|s| matches!(s, Segment::Hunk(..))) {
        ctx.coarsened.paragraphs = true;
    }
    // Pass 3: pair what changed, stretch by stretch, keeping exact twins for move detection.
    let twins = if ctx.detect_moves { Twins::find(&segments, old, new, &old_hashes, &new_hashes) } else { Twins::none(old, new) };
    let mut units = Vec::with_capacity(old_hashes.len().max(new_hashes.len()));
    for segment in segments {
        match segment {
            // Equal hashes; the rows compare the texts, so a hash collision shows as a change.
            Segment::Equal(i, j) => units.push(Unit::Pair { old: i..i + 1, new: j..j + 1, gap: 0..0 }),
            Segment::Hunk(o, n) => align_hunk(o, n, old, new, &twins, ctx, &mut units),
        }
    }
    units
}

/// Longest run of consecutive words that a paired paragraph's tail must share with a later
/// paragraph for that one to be where it continues (with a third of the tail shared in runs of
/// three words or more). Shorter shared phrases ("under the terms of this License", six words)
/// recur across unrelated paragraphs of one genre; on the two ~1 MB unrelated texts a run of
/// six made one false split row, and the licences' real continuations share twelve.
const MIN_CONTINUED_RUN: usize = 8;

/// Extends a pair whose paragraph continues, past paragraphs inserted (or deleted) whole, in a
/// later paragraph of the other side. GFDL 1.2 → 1.3, section 9: old paragraph 61 became new
/// 61, two new paragraphs, and new 64, which takes up the old one's last sentence:
///
/// ```text
/// before   old 61  …terminate your rights under this License.[- However, parties who have received copies, or rights, from you under this License will not have …-]
///          new 61  …terminate your rights under this License.
///          new 62, 63, 64 inserted whole
/// after    one split row: old 61 beside new 61–64, new 62 and 63 inserted whole, and in new 64
///          "[+… does not terminate the licenses of+] parties who have received copies[-,-] or rights[-,-] from you under this License[-…-][+…+]"
/// ```
///
/// The evidence has to be continued text, not shared vocabulary. The pair's *tail* is what
/// follows the last word triple the paired paragraph shares, in order, with its partner; a
/// later paragraph continues it when it shares word triples covering a third of the tail, among
/// them a run of [`MIN_CONTINUED_RUN`] consecutive words. Without masking, the paragraphs in
/// between would be diffed too and anchor on stray words; the row shows them inserted (or
/// deleted) whole.
///
/// Runs after move detection, so a paragraph that moved is never taken into a row; the row
/// stays within [`MAX_GROUP`] paragraphs. Measured on GPL-2 → GPL-3, LGPL-2.1 → 3 and GFDL
/// 1.2 → 1.3 (the three termination clauses, the only rows it makes on the bench inputs): 24 to
/// 28 fewer changed words each, three or four more hunks (the continued text is matched
/// now, between changes); nothing on the seed, the books and the unrelated texts. Cost: the
/// words of each changed pair followed by unpaired paragraphs, and of those of the candidates
/// whose word profile holds a long enough run of the tail (no word diff); 3–6% of the call.
pub(crate) fn continue_pairs<'a>(units: &mut Vec<Unit>, found: &[FoundMove], old: &Side<'a>, new: &Side<'a>, ctx: &mut Ctx<'a>) {
    let (mut moved_old, mut moved_new) = (vec![false; old.paragraphs.len()], vec![false; new.paragraphs.len()]);
    for m in found {
        moved_old[m.from] = true;
        moved_new[m.to] = true;
    }
    let mut k = 0;
    while k < units.len() && !ctx.deadline.passed() {
        let Unit::Pair { old: o, new: n, gap } = &units[k] else {
            k += 1;
            continue;
        };
        let (o, n) = (o.clone(), n.clone());
        // An old paragraph continues into later new ones (a split), or a new one gathers later
        // old ones (a merge); a 1:1 pair may do either.
        let extended = if !gap.is_empty() {
            None
        } else {
            let as_split = if o.len() == 1 { continuation(units, k, o.start, &n, old, new, &moved_new, false, ctx) } else { None };
            match as_split {
                Some(found) => Some((true, found)),
                None if n.len() == 1 => continuation(units, k, n.start, &o, new, old, &moved_old, true, ctx).map(|found| (false, found)),
                None => None,
            }
        };
        if let Some((split, (last_unit, last))) = extended {
            // The paragraphs between the pair and `last` are all unpaired: those of the many
            // side join the row (whole), those of the other side follow it.
            let pair = if split {
                Unit::Pair { old: o, new: n.start..last + 1, gap: n.end..last }
            } else {
                Unit::Pair { old: o.start..last + 1, new: n, gap: o.end..last }
            };
            let rest: Vec<Unit> = units[k + 1..last_unit]
                .iter()
                .filter(|u| matches!((u, split), (Unit::Deleted(_), true) | (Unit::Inserted(_), false)))
                .cloned()
                .collect();
            let skipped = rest.len();
            units.splice(k..=last_unit, core::iter::once(pair).chain(rest));
            k += 1 + skipped;
        } else {
            k += 1;
        }
    }
}

/// Where the paragraph `one` of side `a`, paired with paragraphs `many` of side `b` at
/// `units[at]`, continues: the unit index and paragraph of `b` (unpaired, unmoved, after the
/// pair with only unpaired units between) that best takes up its unmatched tail, if any does.
/// `swap` says `a` is the new side.
#[allow(clippy::too_many_arguments)]
fn continuation<'a>(
    units: &[Unit],
    at: usize,
    one: usize,
    many: &Range<usize>,
    a: &Side<'a>,
    b: &Side<'a>,
    moved_b: &[bool],
    swap: bool,
    ctx: &mut Ctx<'a>,
) -> Option<(usize, usize)> {
    // The candidates: unpaired paragraphs of `b` after the pair, in order, up to the first
    // pair or moved paragraph; those of `a` between them will follow the row.
    let mut candidates = Vec::new();
    let mut expected = many.end;
    for (u, unit) in units.iter().enumerate().skip(at + 1) {
        let p = match (unit, swap) {
            (Unit::Inserted(j), false) | (Unit::Deleted(j), true) => *j,
            (Unit::Deleted(_), false) | (Unit::Inserted(_), true) => continue,
            _ => break,
        };
        // Paragraphs of `b` in the gap stay in order and none is missing (a moved one ends it).
        if p != expected || moved_b[p] || p >= many.start + MAX_GROUP {
            break;
        }
        expected += 1;
        candidates.push((u, p));
    }
    if candidates.is_empty() {
        return None;
    }
    // The pair's tail: the words of `one` after the last triple (three consecutive words) it
    // shares with its partner. Continued text is the triples of that tail the candidate has:
    // they must cover a third of the tail and include a run of MIN_CONTINUED_RUN words.
    // Triples (not single words) keep out the "of the" any two paragraphs share.
    // The partner's triples are matched in order (each at its first place after the last
    // one matched), so a phrase the tail repeats from the start ("under this License") does
    // not count as shared.
    let words = word_ids(a.para(one), ctx);
    let triple = |s: usize| hash3(&words[s..s + 3]);
    let partner = word_ids(b.cell(many).1, ctx);
    let mut known: Vec<(u32, usize)> = partner.windows(3).enumerate().map(|(k, w)| (hash3(w), k)).collect();
    crate::order::sort_by_key(&mut known, |&(h, k)| order::pair(h as usize, k));
    let starts = 0..words.len().saturating_sub(2);
    let (mut tail, mut at) = (0, 0);
    for s in starts.clone() {
        let h = triple(s);
        let next = known.partition_point(|&(kh, k)| kh < h || (kh == h && k < at));
        if let Some(&(_, k)) = known.get(next).filter(|&&(kh, _)| kh == h) {
            (tail, at) = (s + 3, k + 1);
        }
    }
    let tail_words = words.len().saturating_sub(tail);
    if tail_words < MIN_CONTINUED_RUN {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None;
    let mut covered = vec![false; words.len()];
    for (u, p) in candidates {
        // Before reading the candidate, its word profile must hold a run of the tail's words
        // long enough (cheap: no tokenizing).
        let profile = b.profile_ref(p);
        let mut run = 0;
        let possible = profile.is_empty()
            || words[tail..].iter().any(|w| {
                run = if profile.binary_search(w).is_ok() { run + 1 } else { 0 };
                run >= MIN_CONTINUED_RUN
            });
        if !possible {
            continue;
        }
        let mut theirs: Vec<u32> = word_ids(b.para(p), ctx).windows(3).map(hash3).collect();
        crate::order::sort_by_key(&mut theirs, |&h| u64::from(h));
        covered.iter_mut().for_each(|c| *c = false);
        for s in starts.clone().filter(|&s| s >= tail) {
            if theirs.binary_search(&triple(s)).is_ok() {
                covered[s..s + 3].iter_mut().for_each(|c| *c = true);
            }
        }
        let continued = covered.iter().filter(|&&c| c).count();
        let longest = covered.split(|&c| !c).map(<[bool]>::len).max().unwrap_or(0);
        if longest >= MIN_CONTINUED_RUN && 3 * continued >= tail_words && best.is_none_or(|(c, _, _)| continued > c) {
            best = Some((continued, u, p));
        }
    }
    best.map(|(_, u, p)| (u, p))
}

/// The folded ids of the words of `text`, in order.
fn word_ids<'a>(text: &'a str, ctx: &mut Ctx<'a>) -> Vec<u32> {
    let mut tokens = core::mem::take(&mut ctx.old_tokens);
    tokenize(text, &mut tokens);
    let ids = tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| ctx.interner.intern(t.text(text), ctx.fold)).collect();
    ctx.old_tokens = tokens;
    ids
}

/// A hash of three word ids (a clash can only make a rare false triple match).
fn hash3(w: &[u32]) -> u32 {
    let h = (u64::from(w[0]).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(w[1])).wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ u64::from(w[2]);
    (h >> 32) as u32 ^ h as u32
}

/// A stretch of the paragraph-level diff.
enum Segment {
    /// Old paragraph `.0` has the same hash as new paragraph `.1`.
    Equal(usize, usize),
    /// Old paragraphs `.0` and new paragraphs `.1` differ.
    Hunk(Range<usize>, Range<usize>),
}

/// Appends a paragraph-level diff as segments, merging adjacent changes into one hunk.
fn segments_of(ops: Vec<DiffOp>, out: &mut Vec<Segment>) {
    for op in ops {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            out.extend((0..len).map(|k| Segment::Equal(old_index + k, new_index + k)));
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
/// with a look-alike ("item [-0-][+45+] of the list") would leave its twin with no partner and
/// show it as an unrelated deletion and insertion. Twins are therefore left out of the hunk
/// pairing and handed to move detection, which links them, or gives a twin that turns out to be
/// in place back as a pair. Only paragraphs long enough to move count.
pub(crate) struct Twins {
    old: Vec<bool>,
    new: Vec<bool>,
}

impl Twins {
    fn none(old: &Side<'_>, new: &Side<'_>) -> Self {
        Twins { old: vec![false; old.paragraphs.len()], new: vec![false; new.paragraphs.len()] }
    }

    fn find(segments: &[Segment], old: &Side<'_>, new: &Side<'_>, old_hashes: &[u32], new_hashes: &[u32]) -> Self {
        let mut twins = Self::none(old, new);
        let movable = |side: &Side<'_>, i: usize| count_words(side.para(i)) >= MIN_MOVE_WORDS;
        // Hash ids are dense, so "is this id among the changed ones" is a table lookup.
        let ids = old_hashes.iter().chain(new_hashes).max().map_or(0, |&m| m as usize + 1);
        let (mut old_changed, mut new_changed) = (vec![false; ids], vec![false; ids]);
        for segment in segments {
            if let Segment::Hunk(o, n) = segment {
                o.clone().for_each(|i| old_changed[old_hashes[i] as usize] = true);
                n.clone().for_each(|j| new_changed[new_hashes[j] as usize] = true);
            }
        }
        for segment in segments {
            if let Segment::Hunk(o, n) = segment {
                for i in o.clone() {
                    twins.old[i] = new_changed[old_hashes[i] as usize] && movable(old, i);
                }
                for j in n.clone() {
                    twins.new[j] = old_changed[new_hashes[j] as usize] && movable(new, j);
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
        units.extend(o.map(Unit::Deleted));
        units.extend(n.map(Unit::Inserted));
    };
    if o.is_empty() || n.is_empty() {
        return unpaired(units, o, n);
    }
    if ctx.deadline.passed() {
        ctx.coarsened.hunks += 1;
        return unpaired(units, o, n);
    }
    old.ensure_profiles(o.clone(), ctx);
    new.ensure_profiles(n.clone(), ctx);
    let olds: Vec<usize> = o.clone().filter(|&i| !twins.old[i]).collect();
    let news: Vec<usize> = n.clone().filter(|&j| !twins.new[j]).collect();
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
        let sim = dice(a, b);
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
        units.push(Unit::Pair { old: g.old, new: g.new, gap: 0..0 });
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
    // A paragraph without words ("* * *") adds nothing to a group's similarity, so a group that
    // starts or grows with one would only tie with the pair it contains: leave it on its own.
    if b.profile_ref(start).is_empty() {
        return;
    }
    // How many of each word of `one` the group has not matched yet (indexed by word id; all
    // zero again on return), so each step costs the size of the added paragraph only.
    let top = single.last().map_or(0, |&w| w as usize + 1);
    if counts.len() < top {
        counts.resize(top, 0);
    }
    single.iter().for_each(|&w| counts[w as usize] += 1);
    let mut shared = take_shared(counts, b.profile_ref(start));
    let mut size = b.profile_ref(start).len();
    let mut best = pair_sim.max(GROUP_MIN_SIMILARITY - f64::EPSILON);
    let whole = |size: usize| (single.len() + size) as f64;
    for last in start + 1..end.min(start + MAX_GROUP) {
        let added = b.profile_ref(last);
        if added.is_empty() {
            break;
        }
        size += added.len();
        // Even sharing every word of `one`, a group this large could not beat `best`, and it
        // only grows from here.
        if 2.0 * single.len() as f64 / whole(size) <= best {
            break;
        }
        shared += take_shared(counts, added);
        let sim = 2.0 * shared as f64 / whole(size);
        if sim > best {
            best = sim;
            let weight = shared as f64 * sim;
            let (one_r, many_r) = (one..one + 1, start..last + 1);
            let (old, new) = if swap { (many_r, one_r) } else { (one_r, many_r) };
            push(Group { old, new, weight });
        }
    }
    single.iter().for_each(|&w| counts[w as usize] = 0);
}

/// Takes the words of `added` out of `counts` while any are left, and returns how many it took.
fn take_shared(counts: &mut [u32], added: &[u32]) -> usize {
    let mut shared = 0;
    for &w in added {
        if let Some(c) = counts.get_mut(w as usize).filter(|c| **c > 0) {
            *c -= 1;
            shared += 1;
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
    order::sort_by_key(&mut groups, |g| order::pair(g.old.start, g.new.start));
    let mut by_end: Vec<usize> = (0..groups.len()).collect();
    order::sort_by_key(&mut by_end, |&g| groups[g].old.end as u64);

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
    use crate::normalize::Fold;

    fn units(old: &'static str, new: &'static str) -> Vec<Unit> {
        let mut ctx = Ctx::new(Fold::default(), Deadline::after(None), true);
        let (mut o, mut n) = (Side::new(old), Side::new(new));
        align(&mut o, &mut n, &mut ctx)
    }

    #[test]
    fn identical_paragraphs_pair_one_to_one() {
        assert_eq!(
            units("a b c\n\nd e f", "a b c\n\nd e f"),
            [Unit::Pair { old: 0..1, new: 0..1, gap: 0..0 }, Unit::Pair { old: 1..2, new: 1..2, gap: 0..0 }]
        );
    }

    #[test]
    fn split_paragraph_is_one_group() {
        let old = "Intro line here.\nMoscow summoned its ambassador home for consultations in order to analyze what to do.\nEnd line here.";
        let new = "Intro line here.\n\nMoscow summoned its ambassador home for\n\nconsultations in order to analyze what to do.\n\nEnd line here.";
        assert_eq!(
            units(old, new),
            [
                Unit::Pair { old: 0..1, new: 0..1, gap: 0..0 },
                Unit::Pair { old: 1..2, new: 1..3, gap: 0..0 },
                Unit::Pair { old: 2..3, new: 3..4, gap: 0..0 }
            ]
        );
    }

    #[test]
    fn merged_paragraphs_are_one_group() {
        let old = "first half of a sentence about the summit\n\nsecond half of the same sentence in Helsinki";
        let new = "first half of a sentence about the summit second half of the same sentence in Helsinki";
        assert_eq!(units(old, new), [Unit::Pair { old: 0..2, new: 0..1, gap: 0..0 }]);
    }

    #[test]
    fn edited_paragraph_pairs_in_place_and_unrelated_do_not() {
        let old = "keep this one\n\nthe president said on Monday that talks would resume\n\ncompletely different words here";
        let new = "keep this one\n\nthe president said on Tuesday that talks would resume soon\n\nnothing alike at all whatsoever";
        assert_eq!(
            units(old, new),
            [
                Unit::Pair { old: 0..1, new: 0..1, gap: 0..0 },
                Unit::Pair { old: 1..2, new: 1..2, gap: 0..0 },
                Unit::Deleted(2),
                Unit::Inserted(2)
            ]
        );
    }

    /// The units after alignment and [`continue_pairs`] (no moves).
    fn continued(old: &'static str, new: &'static str) -> Vec<Unit> {
        let mut ctx = Ctx::new(Fold::default(), Deadline::after(None), true);
        let (mut o, mut n) = (Side::new(old), Side::new(new));
        let mut units = align(&mut o, &mut n, &mut ctx);
        continue_pairs(&mut units, &[], &o, &n, &mut ctx);
        units
    }

    // GFDL 1.2 → 1.3 section 9, shortened: the old paragraph's last sentence is taken up by
    // the second new paragraph after it.
    const TERMINATION_OLD: &str = "Intro line here.\n\nYou may not copy, modify, sublicense, or distribute the Document except as expressly provided under this License, and any attempt otherwise to copy, modify, sublicense or distribute it is void and will automatically terminate your rights. However, parties who have received copies, or rights, from you under this License will not have their licenses terminated.\n\nEnd line here.";
    const TERMINATION_NEW: &str = "Intro line here.\n\nYou may not copy, modify, sublicense, or distribute the Document except as expressly provided under this License, and any attempt otherwise to copy, modify, sublicense or distribute it is void and will automatically terminate your rights.\n\nMoreover, a licence from a particular copyright holder is reinstated permanently if that holder notifies you of the violation by some reasonable means, this is the first time you have received notice of violation (for any work) from that holder, and you cure the violation prior to thirty days after your receipt of the notice.\n\nTermination of your rights does not terminate the licenses of parties who have received copies or rights from you under this License.\n\nEnd line here.";

    #[test]
    fn a_paragraph_continued_after_an_inserted_one_is_one_row() {
        assert_eq!(units(TERMINATION_OLD, TERMINATION_NEW)[1..4], [Unit::Pair { old: 1..2, new: 1..2, gap: 0..0 }, Unit::Inserted(2), Unit::Inserted(3)]);
        assert_eq!(
            continued(TERMINATION_OLD, TERMINATION_NEW),
            [
                Unit::Pair { old: 0..1, new: 0..1, gap: 0..0 },
                Unit::Pair { old: 1..2, new: 1..4, gap: 2..3 },
                Unit::Pair { old: 2..3, new: 4..5, gap: 0..0 }
            ]
        );
    }

    #[test]
    fn paragraphs_merged_across_a_deleted_one_are_one_row() {
        assert_eq!(
            continued(TERMINATION_NEW, TERMINATION_OLD),
            [
                Unit::Pair { old: 0..1, new: 0..1, gap: 0..0 },
                Unit::Pair { old: 1..4, new: 1..2, gap: 2..3 },
                Unit::Pair { old: 4..5, new: 2..3, gap: 0..0 }
            ]
        );
    }

    #[test]
    fn a_shared_stock_phrase_does_not_continue_a_paragraph() {
        // "from you under this License" (five words) is all the later paragraph shares.
        let old = "Intro line here.\n\nYou may not copy, modify, sublicense, or distribute the Document except as expressly provided under this License, and any attempt otherwise to copy, modify, sublicense or distribute it is void and will automatically terminate your rights. However, parties who received copies from you under this License keep them.\n\nEnd line here.";
        let new = "Intro line here.\n\nYou may not copy, modify, sublicense, or distribute the Document except as expressly provided under this License, and any attempt otherwise to copy, modify, sublicense or distribute it is void and will automatically terminate your rights.\n\nMoreover, your license from a particular copyright holder is reinstated permanently.\n\nNo warranty applies to anything you receive from you under this License in any case.\n\nEnd line here.";
        let plain = units(old, new);
        assert_eq!(plain[1..4], [Unit::Pair { old: 1..2, new: 1..2, gap: 0..0 }, Unit::Inserted(2), Unit::Inserted(3)]);
        assert_eq!(continued(old, new), plain);
    }

    #[test]
    fn chain_prefers_total_weight() {
        let g = |o: Range<usize>, n: Range<usize>, weight| Group { old: o, new: n, weight };
        // Crossing groups: (0,1) w5 and (1,0) w3 cannot both be chosen; (0,0)+(1,1) w4+w4 wins.
        let chain = heaviest_chain(vec![g(0..1, 1..2, 5.0), g(1..2, 0..1, 3.0), g(0..1, 0..1, 4.0), g(1..2, 1..2, 4.0)], 0, 2);
        let picked: Vec<_> = chain.iter().map(|g| (g.old.start, g.new.start)).collect();
        assert_eq!(picked, [(0, 0), (1, 1)]);
    }
}
