//! Moved paragraphs: a paragraph that left its place and reappears elsewhere, identical or
//! edited.
//!
//! After alignment, every old paragraph left unpaired is a possible move source and every new
//! one a possible destination, wherever they are in the document (not only inside one hunk).
//!
//! 1. Paragraphs shorter than [`MIN_MOVE_WORDS`] words cannot move: "Related article:", "* * *"
//!    or a one-word heading recur by chance, and a move made of them is noise.
//! 2. Candidates come from an inverted index over uncommon words (see [`crate::side`]); each is
//!    scored by word-multiset similarity, an upper bound of the order-aware word-diff similarity.
//! 3. Pairs are taken **best first over the whole document** (not in document order as
//!    wikidiff2 does, where an early, weaker pair can steal a later paragraph's true partner), one
//!    partner each. A pair is accepted only when its word diff keeps at least
//!    [`crate::Options::move_threshold`] of the words: that diff is kept and shown in the move.
//! 4. A pair that could be drawn as one row without crossing any other row is not a move but a
//!    paragraph edited in place (wikidiff2 renders an adjacent partner the same way); it goes
//!    back to the alignment as a pair.
//!
//! Unlike wikidiff2 there is no cap like "no moves above 100 changed lines": the index keeps the
//! cost near-linear and the deadline bounds it.
//!
//! Cost: O(unpaired words) to index, O(candidates) similarity checks, one word diff per accepted
//! move.

use crate::align::Unit;
use crate::engine::Ctx;
use crate::side::{candidates, dice, Side};
use crate::words::{diff_words, WordDiff};

/// Fewest words a paragraph needs to be linked as a move.
pub(crate) const MIN_MOVE_WORDS: usize = 4;
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

/// Finds moves among the unpaired paragraphs of `units`; pairs that turn out to be in place are
/// written back into `units` as pairs.
pub(crate) fn find<'a>(
    units: &mut Vec<Unit>,
    old: &mut Side<'a>,
    new: &mut Side<'a>,
    threshold: f64,
    ctx: &mut Ctx<'a>,
) -> Vec<FoundMove> {
    let deleted: Vec<usize> = units.iter().filter_map(|u| if let Unit::Deleted(i) = u { Some(*i) } else { None }).collect();
    let inserted: Vec<usize> = units.iter().filter_map(|u| if let Unit::Inserted(j) = u { Some(*j) } else { None }).collect();
    if deleted.is_empty() || inserted.is_empty() {
        return Vec::new();
    }
    old.ensure_profiles(deleted.iter().copied(), ctx);
    new.ensure_profiles(inserted.iter().copied(), ctx);
    let olds: Vec<usize> = deleted.into_iter().filter(|&i| old.profile_ref(i).len() >= MIN_MOVE_WORDS).collect();
    let news: Vec<usize> = inserted.into_iter().filter(|&j| new.profile_ref(j).len() >= MIN_MOVE_WORDS).collect();

    let mut scored: Vec<(f64, usize, usize)> = candidates(&olds, &news, old, new, CANDIDATES_PER_PARAGRAPH)
        .into_iter()
        .filter_map(|(i, j)| {
            let sim = dice(old.profile_ref(i), new.profile_ref(j));
            (sim >= threshold).then_some((sim, i, j))
        })
        .collect();
    // Best first; ties by document position so the result never depends on hashing order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut old_taken = vec![false; old.paragraphs.len()];
    let mut new_taken = vec![false; new.paragraphs.len()];
    let mut found = Vec::new();
    for (k, &(_, i, j)) in scored.iter().enumerate() {
        if old_taken[i] || new_taken[j] {
            continue;
        }
        if k % 64 == 63 && ctx.deadline.passed() {
            ctx.coarsened.moves = true;
            break;
        }
        let (ot, nt) = (old.para(i), new.para(j));
        let words = diff_words(ot, nt, ctx);
        let similarity = if ot == nt { 1.0 } else { words.similarity() };
        if similarity >= threshold {
            old_taken[i] = true;
            new_taken[j] = true;
            found.push(FoundMove { from: i, to: j, similarity, words });
        }
    }
    keep_real_moves(units, found, old.paragraphs.len(), new.paragraphs.len())
}

/// Turns moves whose two ends could share a row without crossing any pair back into pairs, and
/// returns the rest in order of their destination.
fn keep_real_moves(units: &mut Vec<Unit>, found: Vec<FoundMove>, old_len: usize, new_len: usize) -> Vec<FoundMove> {
    let mut layout = Layout::of(units, old_len, new_len);
    let mut moves = Vec::new();
    for m in found {
        let (a, b) = (layout.pos_old[m.from], layout.pos_new[m.to]);
        if layout.pairs_before[a] == layout.pairs_before[b] {
            pair_in_place(units, m.from, m.to);
            // The new pair lies between other candidates' ends: two in-place candidates that
            // cross each other must not both become pairs (regression: crossing in-place moves
            // put rows out of document order). Recomputing is O(units), and pairs made here
            // are rare.
            layout = Layout::of(units, old_len, new_len);
        } else {
            moves.push(m);
        }
    }
    moves.sort_by_key(|m| m.to);
    moves
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
