//! Moved paragraphs: a paragraph that left its place and reappears elsewhere, identical or
//! edited.
//!
//! After alignment, every old paragraph left unpaired is a possible move source and every new
//! one a possible destination, wherever they are in the document (not only inside one hunk).
//!
//! 1. Paragraphs of [`MIN_MOVE_WORDS`] words or more are matched by words. Candidates come
//!    from an inverted index over uncommon words (see [`crate::paragraphs::side`]); each is scored by
//!    word-multiset similarity, an upper bound of the order-aware word-diff similarity.
//! 2. Each candidate is verified by its word diff, which must keep at least
//!    [`crate::Options::move_threshold`] of the words; that diff is kept and shown in the move.
//! 3. Shorter paragraphs (a heading, a list item, a caption, `* * *`, a line of emoji) say too
//!    little for that, and recur by chance: they move when their text occurs once in each text,
//!    or, edited, on a letter match with one look-alike only ([`short`]). Wordless paragraphs
//!    count as short, and match by their symbols.
//! 4. Partners are chosen by a **global best assignment**: the largest total similarity with one
//!    partner each (the Hungarian algorithm on each group of competing candidates), not
//!    greedily in document order as wikidiff2 does, where an early, weaker pair can steal a
//!    later paragraph's true partner and leave it unlinked.
//! 5. A pair that could be drawn as one row without crossing any other row is not a move but a
//!    paragraph edited in place (wikidiff2 renders an adjacent partner the same way); it is a
//!    pair in the units handed on ([`Moves`]), which are built anew from the alignment's.
//! 6. Of two neighbours that traded places (`A B` → `B A`), the shorter is the move and the
//!    longer stays in place; a block of neighbours that traded places with one paragraph stays,
//!    and that paragraph moves ([`move_the_shorter`]). A paragraph that jumped over several
//!    others is the one move however short it is, and a reversed list of `n` items keeps the
//!    longest run the paragraph diff could keep in place (one item) and moves the other `n − 1`.
//!
//! Unlike wikidiff2 there is no cap like "no moves above 100 changed lines": the index keeps the
//! cost near-linear and the deadline bounds it.
//!
//! Cost: O(unpaired words) to index, O(candidates) similarity checks, one word diff per accepted
//! move; short paragraphs add O(paragraphs) once (see [`short`]).

use crate::align::Unit;
use crate::call::Ctx;
use crate::paragraphs::side::Side;
use crate::paragraphs::similarity::{candidates, dice_from};
use crate::paragraphs::MIN_MOVE_WORDS;
use crate::sort;
use crate::unicode::tokenize::count_words;
use crate::words::{diff_cells, WordDiff};

mod short;

/// Candidate partners kept per unpaired old paragraph.
const CANDIDATES_PER_PARAGRAPH: usize = 8;

/// A detected move with its word diff.
#[derive(Debug, Clone)]
pub(crate) struct FoundMove {
    pub from: usize,
    pub to: usize,
    pub similarity: f64,
    pub words: WordDiff,
}

/// What move detection hands on to assembly: the rows' order and the moves. A new value: the
/// alignment it was made from is consumed, not rewritten.
#[derive(Debug)]
pub(crate) struct Moves {
    /// The alignment's units, spelled out ([`Unit::spell_out`]) when moves were looked for,
    /// with each candidate that turned out to be in place made a pair.
    pub units: Vec<Unit>,
    /// The moves, in order of destination.
    pub moves: Vec<FoundMove>,
    /// Candidates that turned out to be in place, by old paragraph: `units` has them as pairs,
    /// and each keeps the word diff that verified it, so that assembly does not compute it
    /// again.
    pub in_place: Vec<FoundMove>,
}

impl Moves {
    /// No moves: the alignment as it is (move detection is off, or found nothing to do).
    pub(crate) fn none(aligned: Vec<Unit>) -> Self {
        Moves { units: aligned, moves: Vec::new(), in_place: Vec::new() }
    }
}

/// Finds moves among the unpaired paragraphs of the alignment `aligned`; pairs that turn out to
/// be in place become pairs in the units handed on.
pub(crate) fn find<'a>(
    aligned: Vec<Unit>,
    old: &mut Side<'a>,
    new: &mut Side<'a>,
    threshold: f64,
    ctx: &mut Ctx<'a>,
) -> Moves {
    let unpaired = |units: &[Unit], deleted: bool| -> Vec<usize> {
        let pick = |u: &Unit| match *u {
            Unit::Deleted(i) if deleted => Some(i),
            Unit::Inserted(j) if !deleted => Some(j),
            _ => None,
        };
        // Counted first: a list that doubles holds up to twice its need.
        let mut out = Vec::with_capacity(units.iter().filter(|u| pick(u).is_some()).count());
        out.extend(units.iter().filter_map(pick));
        out
    };
    let any = |deleted: bool| {
        aligned.iter().any(|u| match u {
            Unit::Unpaired { old, new } => !if deleted { old } else { new }.is_empty(),
            Unit::Deleted(_) => deleted,
            Unit::Inserted(_) => !deleted,
            Unit::Pair { .. } => false,
        })
    };
    if !(any(true) && any(false)) {
        return Moves::none(aligned);
    }
    if ctx.deadline.passed() {
        // Indexing every unpaired paragraph would only push the answer further past the time
        // limit: leave them deleted and inserted, and say so.
        ctx.coarsened.moves = true;
        return Moves::none(aligned);
    }
    let units = Unit::spell_out(aligned);
    let (deleted, inserted) = (unpaired(&units, true), unpaired(&units, false));
    if !(old.ensure_profiles(deleted.iter().copied(), ctx)
        && new.ensure_profiles(inserted.iter().copied(), ctx))
    {
        ctx.coarsened.moves = true;
        return Moves::none(units);
    }
    // Paragraphs long enough for word similarity, and shorter ones (see `short`).
    let (mut olds, mut news, mut short_olds, mut short_news) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &i in &deleted {
        if old.words(i) >= MIN_MOVE_WORDS {
            olds.push(i)
        } else {
            short_olds.push(i)
        }
    }
    for &j in &inserted {
        if new.words(j) >= MIN_MOVE_WORDS {
            news.push(j)
        } else {
            short_news.push(j)
        }
    }

    let mut scored: Vec<(f64, usize, usize)> =
        candidates(&olds, &news, old, new, CANDIDATES_PER_PARAGRAPH, ctx.deadline)
            .into_iter()
            .filter_map(|(i, j)| {
                let sim = dice_from(old.profile_ref(i), new.profile_ref(j), threshold);
                (sim >= threshold).then_some((sim, i, j))
            })
            .collect();
    if ctx.deadline.passed() {
        // The index stops at the deadline: some candidates may be missing.
        ctx.coarsened.moves = true;
    }
    // Best first (verification stops at the deadline, so the likeliest go first).
    sort::sort_by_key(&mut scored, |s| sort::descending(s.0));

    // Verify each candidate with its order-aware word diff, best upper bound first, until the
    // deadline; then choose partners.
    let mut verified = Vec::new();
    for (k, &(_, i, j)) in scored.iter().enumerate() {
        if k % 64 == 63 && ctx.deadline.passed() {
            ctx.coarsened.moves = true;
            break;
        }
        let (ot, nt) = (old.para(i), new.para(j));
        let words = diff_cells(old, &(i..i + 1), new, &(j..j + 1), ctx);
        let similarity = if crate::unicode::text::same(ot, nt) { 1.0 } else { words.similarity() };
        if similarity >= threshold {
            verified.push(FoundMove { from: i, to: j, similarity, words });
        }
    }
    let mut keys = None;
    if !short_olds.is_empty() && !short_news.is_empty() {
        let keys = keys.insert(short::Keys::of(old, new, &units, ctx));
        verified.extend(short::find(&short_olds, &short_news, keys, old, new, threshold, ctx));
    }
    let found = assign(verified, old.paragraphs.len());
    let mut moved = keep_real_moves(units, found, old.paragraphs.len(), new.paragraphs.len());
    move_the_shorter(&mut moved.units, &mut moved.moves, &mut keys, old, new, ctx);
    moved
}

/// Of a paragraph and the block of moved neighbours it traded places with, shows the cheaper as
/// the move: fewer paragraphs, then fewer bytes.
///
/// The paragraph diff keeps as many paragraphs in place as it can, but its first pass counts
/// only substantial ones, and between two equally good answers it keeps either: `A B` → `B A`
/// keeps `A` or `B`, and `H P q` → `P q H`, with `q` too short to count at first, may keep `H`
/// and move both `P` and `q`. Wherever unchanged moves whose ends sit right before and right
/// after one unchanged pair, in the same order, make a block that traded places with that
/// pair's paragraph, and that paragraph can move itself, the two trade roles when the block
/// holds several paragraphs, or one longer than that one. (Not when a moved paragraph was also
/// edited: the unchanged one beside it is the better anchor. A paragraph that jumped over
/// several stays the one move: fewer moves beat shorter ones.)
// Kept out of `find`: inlined there, it makes the wasm module larger.
#[inline(never)]
fn move_the_shorter<'a>(
    units: &mut Vec<Unit>,
    moves: &mut Vec<FoundMove>,
    keys: &mut Option<short::Keys>,
    old: &Side<'a>,
    new: &Side<'a>,
    ctx: &mut Ctx<'a>,
) {
    const NONE: usize = usize::MAX;
    let same = crate::unicode::text::same;
    // Each unchanged move: its index by old paragraph, and each end's other end.
    let (mut index, mut to) = (vec![NONE; old.paragraphs.len()], vec![NONE; old.paragraphs.len()]);
    let mut from = vec![NONE; new.paragraphs.len()];
    for (k, m) in moves.iter().enumerate() {
        if same(old.para(m.from), new.para(m.to)) {
            (index[m.from], to[m.from], from[m.to]) = (k, m.to, m.from);
        }
    }
    // From the end, so that a change leaves the units still to visit where they were.
    let mut p = units.len();
    while p > 1 {
        p -= 1;
        let Unit::Pair { old: ref o, new: ref n } = units[p] else { continue };
        let (y, z) = (o.start, n.start);
        let (ot, nt) = (old.para(y), new.para(z));
        // Old `B Y`, new `Y B` (B = b1…bk, moved): the units are `Del(b1…bk) Pair(Y) Ins(b1…bk)`,
        // b's old paragraphs right before y and new ones right after z; or the mirror. `near`
        // is the side whose ends come first.
        let old_first = matches!(units[p - 1], Unit::Deleted(_));
        let (near, far, link) = if old_first { (y, z, &to) } else { (z, y, &from) };
        let end = |first: bool, i: usize| {
            if first == old_first {
                Unit::Deleted(i)
            } else {
                Unit::Inserted(i)
            }
        };
        let k = near.checked_sub(1).map_or(NONE, |b| link[b]).wrapping_sub(far);
        let block = k >= 1
            && k <= near.min(p)
            && (1..=k).all(|t| {
                units[p - t] == end(true, near - t)
                    && link[near - t] == far + k + 1 - t
                    && units.get(p + k + 1 - t) == Some(&end(false, far + k + 1 - t))
            });
        // One paragraph for one: the shorter moves (b1 exists when `block` holds).
        let shorter = |b1: usize| ot.len() < old.para(b1).len();
        if !block
            || o.len() > 1
            || n.len() > 1
            || !same(ot, nt)
            || (k == 1 && !shorter(if old_first { y - 1 } else { from[z - 1] }))
        {
            continue;
        }
        if count_words(ot) < MIN_MOVE_WORDS
            && !keys.get_or_insert_with(|| short::Keys::of(old, new, units, ctx)).unique_old(y)
        {
            continue;
        }
        // B becomes pairs; new Y goes before them and old Y after them (or the mirror).
        let mut window = vec![end(false, if old_first { z } else { y })];
        for t in (1..=k).rev() {
            let i = if old_first { near - t } else { from[near - t] };
            window.push(Unit::Pair { old: i..i + 1, new: to[i]..to[i] + 1 });
            moves[index[i]].from = NONE;
        }
        window.push(end(true, if old_first { y } else { z }));
        // Y's new paragraph is next to b1's (or bk's): its move takes that one's place among
        // the moves, which stay in order of destination.
        let slot = index[if old_first { y - k } else { from[z - 1] }];
        moves[slot] =
            FoundMove { from: y, to: z, similarity: 1.0, words: diff_cells(old, o, new, n, ctx) };
        units.splice(p - k..=p + k, window);
        p -= k;
    }
    moves.retain(|m| m.from != NONE);
}

/// Largest side of a group of competing candidates solved exactly (Hungarian algorithm,
/// O(n³)); larger groups, which only repetitive text produces, are paired best-first.
const EXACT_ASSIGNMENT_LIMIT: usize = 64;

/// Chooses at most one partner per paragraph so that the total similarity is as large as
/// possible. Candidates that compete (share a paragraph, directly or through others) form a
/// group; each group is solved on its own.
fn assign(candidates: Vec<FoundMove>, old_len: usize) -> Vec<FoundMove> {
    // Union-find over paragraphs: old i is node i, new j is node old_len + j.
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let nodes = old_len + candidates.iter().map(|c| c.to + 1).max().unwrap_or(0);
    let mut parent: Vec<usize> = (0..nodes).collect();
    for c in &candidates {
        let (a, b) = (root(&mut parent, c.from), root(&mut parent, old_len + c.to));
        parent[a] = b;
    }
    // Group candidates by their component's root, in document order.
    let mut keyed: Vec<(usize, FoundMove)> =
        candidates.into_iter().map(|c| (root(&mut parent, c.from), c)).collect();
    sort::sort_by_key(&mut keyed, |(r, _)| *r as u64);
    let mut groups: Vec<Vec<FoundMove>> = Vec::new();
    let mut last_root = usize::MAX;
    for (r, c) in keyed {
        if r != last_root {
            groups.push(Vec::new());
            last_root = r;
        }
        if let Some(group) = groups.last_mut() {
            group.push(c); // always: a group was pushed for this root above
        }
    }
    let mut chosen = Vec::new();
    for mut group in groups {
        sort::sort_by_key(&mut group, by_ends);
        let mut olds: Vec<usize> = group.iter().map(|c| c.from).collect();
        let mut news: Vec<usize> = group.iter().map(|c| c.to).collect();
        olds.dedup();
        sort::sort_by_key(&mut news, |&j| j as u64);
        news.dedup();
        if group.len() == 1 || olds.len().max(news.len()) > EXACT_ASSIGNMENT_LIMIT {
            chosen.extend(best_first(group));
            continue;
        }
        // Rows are the smaller side, as the Hungarian algorithm wants n ≤ m.
        let swap = olds.len() > news.len();
        let (rows, cols) = if swap { (&news, &olds) } else { (&olds, &news) };
        let mut cost = vec![vec![0.0; cols.len()]; rows.len()];
        for c in &group {
            let (r, k) = if swap { (c.to, c.from) } else { (c.from, c.to) };
            let (r, k) = (rows.binary_search(&r).unwrap_or(0), cols.binary_search(&k).unwrap_or(0));
            cost[r][k] = -c.similarity;
        }
        let assignment = hungarian(&cost);
        let mut picked = vec![false; group.len()];
        for (r, &k) in assignment.iter().enumerate() {
            let (from, to) = if swap { (cols[k], rows[r]) } else { (rows[r], cols[k]) };
            if let Some(idx) = group.iter().position(|c| c.from == from && c.to == to) {
                picked[idx] = true;
            }
        }
        chosen.extend(group.into_iter().zip(picked).filter_map(|(c, p)| p.then_some(c)));
    }
    chosen
}

/// Best similarity first, one partner each; ties by document position (the sort keeps the
/// order of equal keys as they came, and they came sorted by position).
fn best_first(mut group: Vec<FoundMove>) -> Vec<FoundMove> {
    sort::sort_by_key(&mut group, by_ends);
    sort::sort_by_key(&mut group, |c| sort::descending(c.similarity));
    let mut out: Vec<FoundMove> = Vec::new();
    for c in group {
        if out.iter().all(|o| o.from != c.from && o.to != c.to) {
            out.push(c);
        }
    }
    out
}

/// Minimum-cost assignment of every row to a distinct column (rows ≤ columns), the
/// Hungarian algorithm with potentials, O(n²·m). Returns each row's column.
fn hungarian(cost: &[Vec<f64>]) -> Vec<usize> {
    let (n, m) = (cost.len(), cost.first().map_or(0, Vec::len));
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; m + 1]);
    let (mut p, mut way) = (vec![0usize; m + 1], vec![0usize; m + 1]);
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let (mut delta, mut j1) = (f64::INFINITY, 0);
            for j in 1..=m {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut row_to_col = vec![0; n];
    for j in 1..=m {
        if p[j] != 0 {
            row_to_col[p[j] - 1] = j - 1;
        }
    }
    row_to_col
}

/// Turns moves whose two ends could share a row without crossing any pair back into pairs in
/// `units`, and returns the rest in order of their destination.
fn keep_real_moves(
    mut units: Vec<Unit>,
    found: Vec<FoundMove>,
    old_len: usize,
    new_len: usize,
) -> Moves {
    let mut layout = Layout::of(&units, old_len, new_len);
    let (mut moves, mut in_place) = (Vec::new(), Vec::new());
    for m in found {
        let (a, b) = (layout.pos_old[m.from], layout.pos_new[m.to]);
        if layout.pairs_before[a] == layout.pairs_before[b] {
            pair_in_place(&mut units, m.from, m.to);
            // The new pair lies between other candidates' ends: two in-place candidates that
            // cross each other must not both become pairs (regression: crossing in-place moves
            // put rows out of document order). Recomputing is O(units), and pairs made here
            // are rare.
            layout = Layout::of(&units, old_len, new_len);
            in_place.push(m);
        } else {
            moves.push(m);
        }
    }
    by_destination(&mut moves);
    sort::sort_by_key(&mut in_place, by_ends);
    Moves { units, moves, in_place }
}

/// A candidate's sort key: by old paragraph, then new. One function for every such sort, so
/// that they share one instantiation of [`sort::sort_by_key`] in the wasm module.
fn by_ends(c: &FoundMove) -> u64 {
    sort::pair(c.from, c.to)
}

fn by_destination(moves: &mut Vec<FoundMove>) {
    sort::sort_by_key(moves, |m| m.to as u64);
}

/// Where each unpaired paragraph sits in the units, and how many pairs come before each unit:
/// two ends with the same count have no pairing row between them, so drawing them side by side
/// keeps both documents in order.
struct Layout {
    pairs_before: Vec<usize>,
    pos_old: Vec<usize>,
    pos_new: Vec<usize>,
}

impl Layout {
    fn of(units: &[Unit], old_len: usize, new_len: usize) -> Self {
        let mut layout = Layout {
            pairs_before: Vec::with_capacity(units.len()),
            pos_old: vec![usize::MAX; old_len],
            pos_new: vec![usize::MAX; new_len],
        };
        let mut pairs = 0;
        for (k, u) in units.iter().enumerate() {
            layout.pairs_before.push(pairs);
            match u {
                Unit::Deleted(i) => layout.pos_old[*i] = k,
                Unit::Inserted(j) => layout.pos_new[*j] = k,
                Unit::Pair { .. } => pairs += 1,
                // (Spelled out before the layout is taken.)
                Unit::Unpaired { .. } => {}
            }
        }
        layout
    }
}

/// Replaces `Deleted(i)` and `Inserted(j)`, which have only unpaired units between them, by one
/// pair. Units between them belong after `i` (deleted ones) and before `j` (inserted ones) when
/// the deletion comes first, and the other way round otherwise; putting each kind on its side of
/// the pair keeps both documents in order.
fn pair_in_place(units: &mut Vec<Unit>, i: usize, j: usize) {
    let (Some(a), Some(b)) = (
        units.iter().position(|u| *u == Unit::Deleted(i)),
        units.iter().position(|u| *u == Unit::Inserted(j)),
    ) else {
        return;
    };
    let (lo, hi) = (a.min(b), a.max(b));
    let between: Vec<Unit> = units[lo + 1..hi].to_vec();
    let deleted_first = a < b;
    let before = |u: &&Unit| matches!(u, Unit::Inserted(_)) == deleted_first;
    let mut middle: Vec<Unit> = between.iter().filter(before).cloned().collect();
    middle.push(Unit::Pair { old: i..i + 1, new: j..j + 1 });
    middle.extend(between.iter().filter(|u| !before(u)).cloned());
    units.splice(lo..=hi, middle);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(from: usize, to: usize, similarity: f64) -> FoundMove {
        FoundMove { from, to, similarity, words: WordDiff::default() }
    }

    #[test]
    fn assignment_beats_greedy_when_the_best_pair_steals_a_partner() {
        // Greedy takes 0→0 (0.95) and leaves 1 without a partner; the best assignment links
        // both: 0→1 and 1→0, total 1.8.
        let picked =
            assign(vec![candidate(0, 0, 0.95), candidate(0, 1, 0.9), candidate(1, 0, 0.9)], 2);
        let mut pairs: Vec<(usize, usize)> = picked.iter().map(|m| (m.from, m.to)).collect();
        pairs.sort();
        assert_eq!(pairs, [(0, 1), (1, 0)]);
    }

    #[test]
    fn independent_candidates_are_all_kept() {
        let picked = assign(vec![candidate(0, 3, 0.8), candidate(2, 1, 1.0)], 3);
        assert_eq!(picked.len(), 2);
    }

    #[test]
    fn hungarian_finds_the_minimum() {
        let cost = vec![vec![4.0, 1.0, 3.0], vec![2.0, 0.0, 5.0], vec![3.0, 2.0, 2.0]];
        let a = hungarian(&cost);
        let total: f64 = a.iter().enumerate().map(|(r, &c)| cost[r][c]).sum();
        assert_eq!(total, 5.0);
    }

    #[test]
    fn hungarian_with_more_columns_than_rows() {
        let cost = vec![vec![0.0, -0.9, -0.1], vec![-0.8, -0.7, 0.0]];
        assert_eq!(hungarian(&cost), [1, 0]);
    }
}
