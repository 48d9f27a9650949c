//! Word diff of two paragraph texts, cleaned up to read like a human edit.
//!
//! 1. Both texts are tokenized and each token interned by its *folded* key (see
//!    [`crate::unicode::fold`]), so `’` and `'`, or a space and a paragraph break, match. A
//!    changed paragraph was tokenized and interned for its profile already: [`diff_cells`]
//!    takes its tokens and ids from there.
//! 2. **Words first**: Myers' diff ([`crate::myers`]) runs over the ids of the word tokens
//!    alone (with the call's deadline), then over the spaces and punctuation between each two consecutive
//!    matched words. One Myers over all tokens maximises matched *tokens*, so it gladly keeps a
//!    ", " and replaces the words around it (`red, green` → `green, red`: both words changed);
//!    matching words first keeps the most words, and the word sequences are half as long, so
//!    it is faster too (docs/performance.md).
//! 3. **Ties broken for the reader**: Myers picks one of the alignments that match as many
//!    tokens by its search order, and may scatter a dropped sentence around words it shares
//!    with the text before it. An insertion or deletion that can slide over a whole equal run
//!    into the next change does ([`slide`]: the same words matched, fewer changes); one that
//!    can sit in several places goes where its ends meet the strongest boundaries
//!    ([`snap_to_boundaries`]: `License.[- However, … compliance.-]`).
//! 4. Matched tokens whose exact text differs become **cosmetic** changes.
//! 5. **Semantic cleanup**: an unchanged stretch stranded between two substantive changes is
//!    folded into them when it is only spaces/punctuation (free: no word changes), or one short
//!    word between two changes of [`MIN_CHANGE_WORDS`] or more words each (a coincidental
//!    "the" inside a rewritten passage):
//!
//!    ```text
//!    raw:     [-a quick brown fox-][+one slow red dog+] and [-jumps over it now-][+walks past him later+]
//!    cleaned: [-a quick brown fox and jumps over it now-][+one slow red dog and walks past him later+]
//!             (a long word, or a change of fewer than four words, keeps the anchor)
//!    ```
//!
//!    Every fold of a word costs two changed words and saves one hunk. On GPL-2.0 → GPL-3.0:
//!    5,936 changed words in 212 hunks with this bar, 5,986 in 186 with changes of two words,
//!    5,886 in 237 with no word folded.
//! 6. A change that is cosmetic as a whole (same text once typography and whitespace amount
//!    are folded) is marked so.
//! 7. **Character refinement**: a substantive change whose two sides have the same shape (same
//!    token kinds, same separators) is shown letter by letter inside each word pair that shares
//!    most letters: `Stephanopoul[-u-][+o+]s`.
//!
//! Cost: tokenizing and interning are O(n); Myers is O((N+M)·D) over the words, then over the
//! tokens between matched words, bounded by the deadline (past it the change is one exact replacement of the differing middle).
//! Past the deadline nothing is interned, diffed or refined letter by letter: a pair is
//! tokenized, its common ends matched token by token, and the middle is one replacement, so
//! the work left after the deadline is linear and small.

use core::ops::Range;

use crate::call::Ctx;
use crate::deadline::Deadline;
use crate::intern::TokenId;
use crate::myers::{diff_ids, id_type, DiffOp, Past};
use crate::paragraphs::side::Side;
use crate::unicode::fold::{fold_text, Fold};
use crate::unicode::tokenize::{tokenize, Token, TokenKind};

/// Longest word (in grapheme clusters) shown letter by letter.
const MAX_REFINE_LEN: usize = 64;
/// Past the deadline, a change of more tokens than this is shown whole rather than letter by
/// letter, and the tokens of a refinement or of the gaps between matched words are checked
/// against the clock every this many.
const TOKENS_PER_CLOCK_READ: usize = 1024;
/// Shortest word shown letter by letter: in shorter ones a changed letter reads as a new word.
const MIN_REFINE_LEN: usize = 4;
/// Fraction of the longer word's letters that must be shared to show a letter-level change.
const MIN_REFINE_SIMILARITY: f64 = 0.6;
/// A word no longer than this (in chars) between two long changes is folded into them…
const SHORT_WORD_CHARS: usize = 4;
/// …when each of them has at least this many words (on its longer side): a "the" or "of"
/// matched inside a rewritten passage. Each fold costs two changed words to save one hunk, so
/// shorter changes keep their anchor.
const MIN_CHANGE_WORDS: usize = 4;

/// A run of the word diff, as byte ranges of the old and new texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub kind: PieceKind,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PieceKind {
    /// Same text on both sides.
    Equal,
    /// Old text replaced by new text (either may be empty).
    Change { cosmetic: bool },
}

/// Word counts of one word diff.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordStats {
    pub inserted: usize,
    pub deleted: usize,
    pub unchanged: usize,
    pub cosmetic_changes: usize,
}

/// The word diff of two texts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct WordDiff {
    pub pieces: Vec<Piece>,
    pub stats: WordStats,
}

impl WordDiff {
    /// Similarity of the two texts by words: shared words over all words, `0.0..=1.0`.
    pub fn similarity(&self) -> f64 {
        let s = self.stats;
        let total = 2 * s.unchanged + s.inserted + s.deleted;
        if total == 0 {
            1.0
        } else {
            (2 * s.unchanged) as f64 / total as f64
        }
    }

    /// Whether any change in it is substantive.
    pub fn has_substantive_change(&self) -> bool {
        self.pieces.iter().any(|p| p.kind == PieceKind::Change { cosmetic: false })
    }
}

/// A token-level run before it becomes byte pieces: a [`Piece`] whose ranges index tokens
/// (one type for both keeps one copy of `Vec`'s code in the wasm module).
type Run = Piece;

#[cfg(test)]
thread_local! {
    /// Every pair of texts this thread word-diffed, as `(start, len)` of each: how the tests
    /// see that no stage diffs a pair another stage diffed already.
    pub(crate) static DIFFED: core::cell::RefCell<Vec<[usize; 4]>> =
        const { core::cell::RefCell::new(Vec::new()) };
}

/// Diffs `old` against `new` word by word (the engine diffs paragraphs with [`diff_cells`]).
#[cfg(test)]
pub(crate) fn diff_words<'a>(old: &'a str, new: &'a str, ctx: &mut Ctx<'a>) -> WordDiff {
    let mut old_tokens = std::mem::take(&mut ctx.old_tokens);
    let mut new_tokens = std::mem::take(&mut ctx.new_tokens);
    tokenize(old, &mut old_tokens);
    tokenize(new, &mut new_tokens);
    let result = diff_tokens(old, new, &old_tokens, &new_tokens, [false; 2], ctx);
    ctx.old_tokens = old_tokens;
    ctx.new_tokens = new_tokens;
    result
}

/// Diffs the cell of paragraphs `o` of `old` (its text from the first one's first byte to the
/// last one's last, [`Side::cell`]) against that of `n` of `new` word by word. A cell of one
/// paragraph takes the tokens and ids its profile kept ([`Side::push_tokens`]): a changed
/// paragraph is tokenized and interned once, for its profile and its word diff.
pub(crate) fn diff_cells<'a>(
    old: &Side<'a>,
    o: &Range<usize>,
    new: &Side<'a>,
    n: &Range<usize>,
    ctx: &mut Ctx<'a>,
) -> WordDiff {
    let (ot, nt) = (old.cell(o).1, new.cell(n).1);
    let mut old_tokens = std::mem::take(&mut ctx.old_tokens);
    let mut new_tokens = std::mem::take(&mut ctx.new_tokens);
    let mut old_keys = std::mem::take(&mut ctx.old_keys);
    let mut new_keys = std::mem::take(&mut ctx.new_keys);
    let ready = [
        cell_tokens(old, o, &mut old_tokens, &mut old_keys),
        cell_tokens(new, n, &mut new_tokens, &mut new_keys),
    ];
    if !ready[0] {
        tokenize(ot, &mut old_tokens);
    }
    if !ready[1] {
        tokenize(nt, &mut new_tokens);
    }
    ctx.old_keys = old_keys;
    ctx.new_keys = new_keys;
    let result = diff_tokens(ot, nt, &old_tokens, &new_tokens, ready, ctx);
    ctx.old_tokens = old_tokens;
    ctx.new_tokens = new_tokens;
    result
}

/// Fills `tokens` and `keys` with the tokens of a cell of one paragraph and their ids, as its
/// profile kept them; `false` (and nothing to read) for a cell of several paragraphs (a split
/// or merge, tokenized whole) or a paragraph whose profile kept no tokens.
fn cell_tokens(
    side: &Side<'_>,
    range: &Range<usize>,
    tokens: &mut Vec<Token>,
    keys: &mut Vec<TokenId>,
) -> bool {
    tokens.clear();
    keys.clear();
    range.len() == 1 && side.push_tokens(range.start, tokens, keys)
}

/// The word diff of `old` and `new`, cut into `old_tokens` and `new_tokens`; `ready` says which
/// side's ids are in `ctx`'s keys already (the others are interned here).
fn diff_tokens<'a>(
    old: &'a str,
    new: &'a str,
    old_tokens: &[Token],
    new_tokens: &[Token],
    ready: [bool; 2],
    ctx: &mut Ctx<'a>,
) -> WordDiff {
    #[cfg(test)]
    DIFFED.with(|d| {
        d.borrow_mut().push([old.as_ptr() as usize, old.len(), new.as_ptr() as usize, new.len()])
    });
    let mut old_keys = std::mem::take(&mut ctx.old_keys);
    let mut new_keys = std::mem::take(&mut ctx.new_keys);
    let result = if ctx.deadline.passed() {
        // No interning (a hash per token, a fold per non-ASCII one): on a long paragraph of
        // distinct words it costs more than the rest of the call.
        let runs = common_ends(old_tokens, new_tokens, old, new);
        if runs.iter().any(|r| r.kind != PieceKind::Equal && r.old.len() + r.new.len() > 2) {
            ctx.coarsened.word_diffs += 1;
        }
        finish(&runs, old_tokens, new_tokens, old, new, ctx)
    } else {
        if !ready[0] {
            intern_all(&mut old_keys, old_tokens, old, ctx);
        }
        if !ready[1] {
            intern_all(&mut new_keys, new_tokens, new, ctx);
        }
        let (old_keys, new_keys) = (&old_keys[..], &new_keys[..]);
        let ops = token_ops(old_keys, new_keys, old_tokens, new_tokens, ctx);
        let mut runs = slide(runs_of(&ops), old_keys, new_keys);
        snap_to_boundaries(&mut runs, old_keys, new_keys, old_tokens, new_tokens, old, new);
        let runs = split_cosmetic(&runs, old_tokens, new_tokens, old, new);
        let runs = absorb_stranded(runs, old_tokens, new_tokens, old, new);
        finish(&runs, old_tokens, new_tokens, old, new, ctx)
    };
    ctx.old_keys = old_keys;
    ctx.new_keys = new_keys;
    result
}

/// Sets `keys` to the ids of `tokens` of `text`.
fn intern_all<'a>(keys: &mut Vec<TokenId>, tokens: &[Token], text: &'a str, ctx: &mut Ctx<'a>) {
    keys.clear();
    keys.extend(tokens.iter().map(|t| ctx.interner.intern(t.text(text), ctx.fold)));
}

/// The ops turning `old` into `new` (token ids; `ot`/`nt` their tokens): the words first, as
/// a longest common subsequence of the word tokens alone, then the spaces and punctuation
/// between each two consecutive matched words. Past the deadline, one exact replacement of the
/// differing middle.
fn token_ops(
    old: &[TokenId],
    new: &[TokenId],
    ot: &[Token],
    nt: &[Token],
    ctx: &mut Ctx<'_>,
) -> Vec<DiffOp> {
    if ctx.deadline.passed() {
        // Past its deadline Myers stops at once: common prefix, one replacement, common suffix.
        let ops = diff_ids(old, 0..old.len(), new, 0..new.len(), ctx.deadline, Past::Replace);
        // One replacement is the best answer anyway when a side is empty or both are one token.
        if ops.iter().any(
            |op| matches!(op, DiffOp::Replace { old_len, new_len, .. } if *old_len + *new_len > 2),
        ) {
            ctx.coarsened.word_diffs += 1;
        }
        return ops;
    }
    let deadline = ctx.deadline;
    let (old_words, old_ids) = words_only(ot, old);
    let (new_words, new_ids) = words_only(nt, new);
    let word_ops =
        diff_ids(&old_ids, 0..old_ids.len(), &new_ids, 0..new_ids.len(), deadline, Past::Replace);
    let mut ops = Vec::new();
    let (mut o, mut n, mut matched) = (0, 0, 0);
    'words: for op in &word_ops {
        let DiffOp::Equal { old_index, new_index, len } = *op else { continue };
        for k in 0..len {
            // Past the deadline the rest is matched at its ends only, below.
            matched += 1;
            if matched % TOKENS_PER_CLOCK_READ == 0 && ctx.deadline.passed() {
                break 'words;
            }
            let (i, j) = (old_words[old_index + k], new_words[new_index + k]);
            // Most gaps between two matched words are the same space or punctuation on both
            // sides: equal without a diff (a call per word was most of the time on a long
            // paragraph).
            if old[o..i] == new[n..j] {
                push_equal(&mut ops, o, n, i + 1 - o);
            } else {
                ops.append(&mut diff_ids(old, o..i, new, n..j, deadline, Past::Replace));
                push_equal(&mut ops, i, j, 1);
            }
            (o, n) = (i + 1, j + 1);
        }
    }
    ops.append(&mut diff_ids(old, o..old.len(), new, n..new.len(), deadline, Past::Replace));
    if ctx.deadline.passed() && ops.iter().any(|op| !matches!(op, DiffOp::Equal { .. })) {
        ctx.coarsened.word_diffs += 1;
    }
    ops
}

/// Appends `len` equal tokens from `old`/`new`, joined to the equal op before when they follow it.
fn push_equal(ops: &mut Vec<DiffOp>, old: usize, new: usize, len: usize) {
    if len == 0 {
        return;
    }
    if let Some(DiffOp::Equal { old_index, new_index, len: last }) = ops.last_mut() {
        if *old_index + *last == old && *new_index + *last == new {
            *last += len;
            return;
        }
    }
    ops.push(DiffOp::Equal { old_index: old, new_index: new, len });
}

/// The runs of a pair past the deadline: the tokens both texts begin and end with, and one
/// change between them. Linear in the tokens matched, with no interning. Tokens count as the
/// same only when their text is (an equal run's bytes must be equal: the edits take them from
/// the old text alone); a change that is only typographic is marked cosmetic by [`finish`].
fn common_ends(ot: &[Token], nt: &[Token], old: &str, new: &str) -> Vec<Run> {
    let same = |x: &Token, y: &Token| x.text(old) == y.text(new);
    let mut head = 0;
    while head < ot.len() && head < nt.len() && same(&ot[head], &nt[head]) {
        head += 1;
    }
    let mut tail = 0;
    while tail < ot.len() - head
        && tail < nt.len() - head
        && same(&ot[ot.len() - 1 - tail], &nt[nt.len() - 1 - tail])
    {
        tail += 1;
    }
    let mut runs = Vec::with_capacity(3);
    let (oe, ne) = (ot.len() - tail, nt.len() - tail);
    for (kind, old, new) in [
        (PieceKind::Equal, 0..head, 0..head),
        (CHANGED, head..oe, head..ne),
        (PieceKind::Equal, oe..ot.len(), ne..nt.len()),
    ] {
        if !old.is_empty() || !new.is_empty() {
            runs.push(Piece { kind, old, new });
        }
    }
    runs
}

/// The positions of the word tokens among `tokens`, and their ids. (Plain loops rather than
/// iterator chains: each adaptor type would add its own copy of `Vec::extend` to the wasm.)
fn words_only(tokens: &[Token], ids: &[TokenId]) -> (Vec<usize>, Vec<TokenId>) {
    // Room for every token: growing from empty took a reallocation per doubling, per pair.
    let (mut at, mut words) = (Vec::with_capacity(tokens.len()), Vec::with_capacity(tokens.len()));
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word {
            at.push(i);
            words.push(ids[i]);
        }
    }
    (at, words)
}

/// Turns an edit script into alternating equal and changed runs (by key).
fn runs_of(ops: &[DiffOp]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::with_capacity(ops.len());
    for op in ops {
        let kind = if matches!(op, DiffOp::Equal { .. }) { PieceKind::Equal } else { CHANGED };
        let (o, n) = (op.old_range(), op.new_range());
        match runs.last_mut() {
            Some(last) if last.kind == kind => {
                last.old.end = o.end;
                last.new.end = n.end;
            }
            _ => runs.push(Piece { kind, old: o, new: n }),
        }
    }
    runs
}

/// Among alignments that match as many tokens, prefers the one with fewer changes: an insertion
/// or deletion that can slide across a whole neighbouring equal run, because it begins with
/// the run that follows it or ends with the one before it, does so when that joins it to the
/// change beyond (diff-match-patch's `diff_cleanupMerge` slides the same way). Myers breaks
/// ties by its search order, which on a sentence dropped after a repeated phrase matches the
/// phrase's second occurrence word by word:
///
/// ```text
/// Myers:  terminate your [-rights under this License. However, parties who have received copies, or -]rights[-, from you-] under this License[- will not have …-].
/// slid:   terminate your rights under this License.[- However, parties who have received copies, or rights, from you under this License will not have …-]
/// ```
///
/// The same words are matched, in one change instead of three. One pass over the runs, sliding
/// at the end of what is built so far: each slide removes an equal run, so the work is linear
/// in the runs plus the tokens compared.
fn slide(runs: Vec<Run>, ok: &[TokenId], nk: &[TokenId]) -> Vec<Run> {
    // The changed side's keys, if `r` is a pure insertion or deletion (an equal run's keys are
    // the same on both sides, so `ok` serves for those).
    let pure = |r: &Run| match (r.old.is_empty(), r.new.is_empty()) {
        (false, true) => Some(&ok[r.old.clone()]),
        (true, false) => Some(&nk[r.new.clone()]),
        _ => None,
    };
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match out.last_mut() {
            Some(last) if last.kind == run.kind => {
                last.old.end = run.old.end;
                last.new.end = run.new.end;
            }
            _ => out.push(run),
        }
        // Runs alternate, so the last four are change, equal, change, equal or the reverse.
        while out.len() >= 4 {
            let k = out.len();
            let (a, b, c, d) = (&out[k - 4], &out[k - 3], &out[k - 2], &out[k - 1]);
            if a.kind == CHANGED {
                // [a] b [-c-] d, where c ends with b: `[a][-b c'-] b d`, one change.
                let Some(changed) = pure(c).filter(|keys| keys.ends_with(&ok[b.old.clone()]))
                else {
                    break;
                };
                let p = b.old.len();
                let end = |c: &Range<usize>, b: &Range<usize>| {
                    if c.is_empty() {
                        b.start
                    } else {
                        c.end - p
                    }
                };
                let (old_end, new_end) = (end(&c.old, &b.old), end(&c.new, &b.new));
                debug_assert!(changed.len() >= p);
                let equal = Piece {
                    kind: PieceKind::Equal,
                    old: old_end..d.old.end,
                    new: new_end..d.new.end,
                };
                out.truncate(k - 3);
                // `out[k - 4]` is `a`, a change: the slid one joins it.
                if let Some(last) = out.last_mut() {
                    last.old.end = old_end;
                    last.new.end = new_end;
                }
                out.push(equal);
            } else {
                // a [-b-] c [d], where b starts with c: `a c [-b' c d-]`, one change.
                let Some(changed) = pure(b).filter(|keys| keys.starts_with(&ok[c.old.clone()]))
                else {
                    break;
                };
                let q = c.old.len();
                let start = |b: &Range<usize>, c: &Range<usize>| {
                    if b.is_empty() {
                        c.end
                    } else {
                        b.start + q
                    }
                };
                let (old_start, new_start) = (start(&b.old, &c.old), start(&b.new, &c.new));
                debug_assert!(changed.len() >= q);
                let equal = Piece {
                    kind: PieceKind::Equal,
                    old: a.old.start..old_start,
                    new: a.new.start..new_start,
                };
                let change =
                    Piece { kind: CHANGED, old: old_start..d.old.end, new: new_start..d.new.end };
                out.truncate(k - 4);
                out.push(equal);
                out.push(change);
                // Its tail is now equal, change: nothing more slides until the next run.
                break;
            }
        }
    }
    out
}

/// Moves each insertion or deletion that sits between two equal runs, among the places it
/// could equally be (it may shift while the token leaving one end equals the one entering the
/// other), to where its ends fall on the strongest boundaries, as diff-match-patch's
/// `diff_cleanupSemanticLossless` does for characters: a removed sentence reads
/// `License.[- However, … compliance.-]` rather than `License[-. However, … compliance-].`.
/// Ties keep the place Myers chose. An equal run between two changes is never emptied (that is
/// [`slide`]'s job); one at an end of the text may be (the cosmetic split drops it).
fn snap_to_boundaries(
    runs: &mut [Run],
    ok: &[TokenId],
    nk: &[TokenId],
    ot: &[Token],
    nt: &[Token],
    old: &str,
    new: &str,
) {
    for i in 1..runs.len().saturating_sub(1) {
        let (prev, cur, next) = (runs[i - 1].clone(), runs[i].clone(), runs[i + 1].clone());
        let deletion = cur.new.is_empty();
        if prev.kind != PieceKind::Equal
            || cur.kind != CHANGED
            || next.kind != PieceKind::Equal
            || deletion == cur.old.is_empty()
        {
            continue;
        }
        // The changed side: its keys, tokens and text, and the three runs' ranges on it.
        let (keys, tokens, text, p, c, n) = if deletion {
            (ok, ot, old, prev.old, cur.old, next.old)
        } else {
            (nk, nt, new, prev.new, cur.new, next.new)
        };
        let len = c.len();
        let (old_len, new_len) = if deletion { (len, 0) } else { (0, len) };
        // An equal run at either end of the text may empty; one between changes keeps a token.
        let (low, high) = (p.start + usize::from(i > 1), n.end - usize::from(i + 2 < runs.len()));
        let (mut first, mut last) = (c.start, c.start);
        while first > low && keys[first - 1] == keys[first - 1 + len] {
            first -= 1;
        }
        while last + len < high && keys[last] == keys[last + len] {
            last += 1;
        }
        let score =
            |s: usize| boundary_score(tokens, text, s) + boundary_score(tokens, text, s + len);
        let mut best = c.start;
        for s in first..=last {
            if score(s) > score(best) {
                best = s;
            }
        }
        // Both sides of `prev` and `next` move by as many tokens (their keys are equal on both
        // sides); the change moves on its side and stays empty on the other.
        let shift = |x: usize| (x + best).wrapping_sub(c.start);
        for r in [&mut runs[i - 1].old, &mut runs[i - 1].new] {
            r.end = shift(r.end);
        }
        for r in [&mut runs[i + 1].old, &mut runs[i + 1].new] {
            r.start = shift(r.start);
        }
        let (po, pn) = (runs[i - 1].old.end, runs[i - 1].new.end);
        runs[i].old = po..po + old_len;
        runs[i].new = pn..pn + new_len;
    }
}

/// How well a change's end sits between token `at - 1` and token `at` of one side (higher is
/// better), after diff-match-patch's scale: a paragraph break, a line break, the end of a
/// sentence or clause (punctuation then a space), a space, punctuation.
fn boundary_score(tokens: &[Token], text: &str, at: usize) -> u8 {
    let (Some(x), Some(y)) = (at.checked_sub(1).and_then(|k| tokens.get(k)), tokens.get(at)) else {
        return 6;
    };
    let breaks = |t: &Token| {
        if t.kind == TokenKind::Space {
            t.text(text).bytes().filter(|&b| b == b'\n').count()
        } else {
            0
        }
    };
    match (breaks(x).max(breaks(y)), x.kind, y.kind) {
        (2.., _, _) => 5,
        (1, _, _) => 4,
        (_, TokenKind::Punct, TokenKind::Space) => 3,
        (_, TokenKind::Space, _) | (_, _, TokenKind::Space) => 2,
        (_, TokenKind::Punct, _) | (_, _, TokenKind::Punct) => 1,
        _ => 0,
    }
}

/// A substantive change, as the token-level runs carry it before cosmetic ones are told apart.
const CHANGED: PieceKind = PieceKind::Change { cosmetic: false };

/// Splits runs where matched tokens' exact text differs: those become cosmetic changes.
fn split_cosmetic(runs_in: &[Run], ot: &[Token], nt: &[Token], old: &str, new: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::with_capacity(runs_in.len());
    let push = |runs: &mut Vec<Run>, kind: PieceKind, o: Range<usize>, n: Range<usize>| {
        if let Some(last) = runs.last_mut() {
            if last.kind == kind && last.old.end == o.start && last.new.end == n.start {
                last.old.end = o.end;
                last.new.end = n.end;
                return;
            }
        }
        runs.push(Piece { kind, old: o, new: n });
    };
    for run in runs_in {
        if run.kind == PieceKind::Equal {
            for k in 0..run.old.len() {
                let (o, n) = (run.old.start + k, run.new.start + k);
                let same = ot[o].text(old) == nt[n].text(new);
                let kind =
                    if same { PieceKind::Equal } else { PieceKind::Change { cosmetic: true } };
                push(&mut runs, kind, o..o + 1, n..n + 1);
            }
        } else {
            push(&mut runs, run.kind, run.old.clone(), run.new.clone());
        }
    }
    runs
}

/// Words among `tokens`, and the chars of the longest.
fn words_in(tokens: &[Token], text: &str) -> (usize, usize) {
    tokens.iter().filter(|t| t.kind == TokenKind::Word).fold((0, 0), |(n, longest), t| {
        // Chars are the bytes that do not continue a UTF-8 sequence (smaller than
        // `chars().count()` in the wasm module, and as exact).
        let chars = t.text(text).bytes().filter(|&b| b & 0xC0 != 0x80).count();
        (n + 1, longest.max(chars))
    })
}

/// Folds unchanged stretches stranded between two substantive changes into them.
fn absorb_stranded(runs: Vec<Run>, ot: &[Token], nt: &[Token], old: &str, new: &str) -> Vec<Run> {
    const SUB: PieceKind = PieceKind::Change { cosmetic: false };
    let change_words =
        |r: &Run| words_in(&ot[r.old.clone()], old).0.max(words_in(&nt[r.new.clone()], new).0);
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        out.push(run);
        while out.len() >= 3 {
            let k = out.len();
            let (prev, eq, next) = (&out[k - 3], &out[k - 2], &out[k - 1]);
            if prev.kind != SUB || eq.kind != PieceKind::Equal || next.kind != SUB {
                break;
            }
            let (words, longest) = words_in(&ot[eq.old.clone()], old);
            let stranded = words == 0
                || (words == 1
                    && longest <= SHORT_WORD_CHARS
                    && change_words(prev) >= MIN_CHANGE_WORDS
                    && change_words(next) >= MIN_CHANGE_WORDS);
            if !stranded {
                break;
            }
            // Three runs were checked above, so both pops and the last run are there.
            if let (Some(next), Some(_), Some(prev)) = (out.pop(), out.pop(), out.last_mut()) {
                prev.old.end = next.old.end;
                prev.new.end = next.new.end;
            }
        }
    }
    out
}

/// Classifies, refines and measures the runs, producing byte pieces and word stats.
fn finish(
    runs: &[Run],
    ot: &[Token],
    nt: &[Token],
    old: &str,
    new: &str,
    ctx: &mut Ctx<'_>,
) -> WordDiff {
    let mut diff = WordDiff { pieces: Vec::with_capacity(runs.len()), stats: WordStats::default() };
    let bytes = |tokens: &[Token], r: &Range<usize>, at: usize| -> Range<usize> {
        if r.is_empty() {
            // An empty side sits where the next token starts (or at the end of the text).
            let pos = tokens.get(r.start).map_or(at, |t| t.start as usize);
            pos..pos
        } else {
            tokens[r.start].start as usize..tokens[r.end - 1].end as usize
        }
    };
    for run in runs {
        let o = bytes(ot, &run.old, old.len());
        let n = bytes(nt, &run.new, new.len());
        let (old_words, _) = words_in(&ot[run.old.clone()], old);
        let (new_words, _) = words_in(&nt[run.new.clone()], new);
        match run.kind {
            PieceKind::Equal => {
                diff.stats.unchanged += old_words;
                push_piece(&mut diff.pieces, Piece { kind: PieceKind::Equal, old: o, new: n });
            }
            PieceKind::Change { cosmetic } => {
                let (a, b) = (
                    crate::unicode::text::slice(old, o.clone()),
                    crate::unicode::text::slice(new, n.clone()),
                );
                let cosmetic = cosmetic
                    || (same_letters(a, b, ctx.fold)
                        && fold_text(a, ctx.fold) == fold_text(b, ctx.fold));
                if cosmetic {
                    diff.stats.cosmetic_changes += 1;
                    diff.stats.unchanged += old_words;
                } else {
                    diff.stats.deleted += old_words;
                    diff.stats.inserted += new_words;
                }
                let (otk, ntk) = (&ot[run.old.clone()], &nt[run.new.clone()]);
                if !refine(otk, ntk, old, new, o, n, cosmetic, ctx.deadline, &mut diff.pieces) {
                    ctx.coarsened.word_diffs += 1;
                }
            }
        }
    }
    diff
}

/// Whether `a` and `b` have the same ASCII letters and digits in the same order, which folding
/// keeps as they are unless case is ignored (then always `true`): texts that differ there
/// differ folded too, and most changed words do at their first letter, so the folded copies
/// of a real change are not built.
fn same_letters(a: &str, b: &str, fold: Fold) -> bool {
    if fold.ignore_case {
        // Some letters outside ASCII lowercase into it (`K`, the Kelvin sign, to `k`).
        return true;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    loop {
        while i < a.len() && !a[i].is_ascii_alphanumeric() {
            i += 1;
        }
        while j < b.len() && !b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => (i, j) = (i + 1, j + 1),
            (None, None) => return true,
            _ => return false,
        }
    }
}

/// Appends a piece, merging it into the previous one when both are equal.
fn push_piece(pieces: &mut Vec<Piece>, piece: Piece) {
    if piece.old.is_empty() && piece.new.is_empty() {
        return;
    }
    if let Some(last) = pieces.last_mut() {
        if last.kind == PieceKind::Equal && piece.kind == PieceKind::Equal {
            last.old.end = piece.old.end;
            last.new.end = piece.new.end;
            return;
        }
    }
    pieces.push(piece);
}

/// Emits a change, letter by letter inside word pairs when both sides have the same shape, else
/// whole. A cosmetic change inside a word (`Biden’s` → `Biden's`) always shows just the letters
/// that differ; a substantive one only when the words share most letters. Returns `false` when
/// the deadline made it show whole a change it would have refined (a long one, past the
/// deadline: a word pair's letter diff each).
#[allow(clippy::too_many_arguments)]
fn refine(
    ot: &[Token],
    nt: &[Token],
    old: &str,
    new: &str,
    o: Range<usize>,
    n: Range<usize>,
    cosmetic: bool,
    deadline: Deadline,
    out: &mut Vec<Piece>,
) -> bool {
    let change = PieceKind::Change { cosmetic };
    let whole = Piece { kind: change, old: o, new: n };
    let same_shape = !ot.is_empty()
        && ot.len() == nt.len()
        && ot.iter().zip(nt).all(|(a, b)| {
            a.kind == b.kind
                && (a.kind == TokenKind::Word || cosmetic || a.text(old) == b.text(new))
        });
    if !same_shape {
        push_piece(out, whole);
        return true;
    }
    let mut pieces = Vec::new();
    let mut refined = false;
    for (k, (a, b)) in ot.iter().zip(nt).enumerate() {
        if k % TOKENS_PER_CLOCK_READ == TOKENS_PER_CLOCK_READ - 1 && deadline.passed() {
            push_piece(out, whole);
            return false;
        }
        let (at, bt) = (a.text(old), b.text(new));
        let (a0, b0) = (a.start as usize, b.start as usize);
        if at == bt {
            pieces.push(Piece {
                kind: PieceKind::Equal,
                old: a0..a.end as usize,
                new: b0..b.end as usize,
            });
        } else if a.kind == TokenKind::Word && refine_word(at, bt, a0, b0, cosmetic, &mut pieces) {
            refined = true;
        } else {
            pieces.push(Piece { kind: change, old: a0..a.end as usize, new: b0..b.end as usize });
        }
    }
    // Without a letter-level change, splitting would only bring back the stranded spaces the
    // cleanup removed.
    if !refined {
        push_piece(out, whole);
        return true;
    }
    for piece in pieces {
        push_piece(out, piece);
    }
    true
}

id_type! {
    /// A grapheme cluster of a word being refined letter by letter: a one-char cluster is its
    /// code point, a longer one an id past the last code point ([`cluster_ids`]).
    ClusterId
}

impl ClusterId {
    /// The id of the one-char cluster `c`.
    pub(crate) fn of_char(c: char) -> Self {
        ClusterId(c as u32)
    }
}

/// Ids for clusters: a one-char cluster is its own id, longer ones get ids past the last code
/// point, equal clusters equal ids (found by a scan of `long`: a word is short).
fn cluster_ids<'w>(clusters: &[(usize, &'w str)], long: &mut Vec<&'w str>) -> Vec<ClusterId> {
    clusters
        .iter()
        .map(|&(_, g)| {
            let mut chars = g.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => ClusterId::of_char(c),
                _ => {
                    let at = long.iter().position(|&l| l == g).unwrap_or_else(|| {
                        long.push(g);
                        long.len() - 1
                    });
                    ClusterId(0x11_0000 + at as u32)
                }
            }
        })
        .collect()
}

/// The grapheme clusters of `word`, with their byte offsets.
fn clusters(word: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < word.len() {
        let end = crate::unicode::graphemes::cluster_end(word, at);
        out.push((at, crate::unicode::text::slice(word, at..end)));
        at = end;
    }
    out
}

/// Letter-level pieces for one word pair, if they share enough letters (a cosmetic pair always
/// does: it differs only in typography).
fn refine_word<'w>(
    a: &'w str,
    b: &'w str,
    a0: usize,
    b0: usize,
    cosmetic: bool,
    out: &mut Vec<Piece>,
) -> bool {
    let ga = clusters(a);
    let gb = clusters(b);
    let longest = ga.len().max(gb.len());
    if longest > MAX_REFINE_LEN || (!cosmetic && ga.len().min(gb.len()) < MIN_REFINE_LEN) {
        return false;
    }
    let mut long = Vec::new();
    let ka = cluster_ids(&ga, &mut long);
    let kb = cluster_ids(&gb, &mut long);
    let ops = diff_ids(&ka, 0..ka.len(), &kb, 0..kb.len(), Deadline::NEVER, Past::Replace);
    let shared: usize =
        ops.iter().map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 }).sum();
    if !cosmetic && (shared as f64) < MIN_REFINE_SIMILARITY * longest as f64 {
        return false;
    }
    let at = |g: &[(usize, &str)], i: usize, len: usize| g.get(i).map_or(len, |x| x.0);
    for op in &ops {
        let (or, nr) = (op.old_range(), op.new_range());
        let old = a0 + at(&ga, or.start, a.len())..a0 + at(&ga, or.end, a.len());
        let new = b0 + at(&gb, nr.start, b.len())..b0 + at(&gb, nr.end, b.len());
        let kind = if matches!(op, DiffOp::Equal { .. }) {
            PieceKind::Equal
        } else {
            PieceKind::Change { cosmetic }
        };
        match out.last_mut() {
            Some(last)
                if last.kind == kind
                    && kind != PieceKind::Equal
                    && last.old.end == old.start
                    && last.new.end == new.start =>
            {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => out.push(Piece { kind, old, new }),
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::{Clock, Deadline};

    #[test]
    fn texts_with_other_letters_never_fold_alike() {
        const PIECES: &[&str] = &[
            "a", "A", "b", "1", "é", "K", "\u{212A}", "k", " ", "\t", "\u{A0}", "-", "—", "--",
            "'", "’", "\"", "“", "…", "...", ".",
        ];
        let mut rng = crate::paragraphs::side::rng::Rng(13);
        let mut text = || {
            let n = rng.below(6);
            (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect::<String>()
        };
        let mut alike = 0;
        for _ in 0..20_000 {
            let (a, b) = (text(), text());
            for ignore_case in [false, true] {
                for ignore_whitespace in [false, true] {
                    let fold = Fold { ignore_case, ignore_whitespace };
                    if fold_text(&a, fold) == fold_text(&b, fold) {
                        alike += 1;
                        assert!(same_letters(&a, &b, fold), "{a:?} {b:?} {fold:?}");
                    }
                }
            }
        }
        assert!(alike > 1000, "{alike}");
        assert!(!same_letters("colour", "color", Fold::default()));
        assert!(same_letters("don’t — it", "don't -it", Fold::default()));
    }

    fn run(old: &'static str, new: &'static str) -> WordDiff {
        let mut ctx = Ctx::new(Fold::default(), Deadline::NEVER, true);
        diff_words(old, new, &mut ctx)
    }

    /// The diff as `[-old-]`/`[+new+]` markup (cosmetic: `{-old-}`/`{+new+}`).
    fn show(old: &str, new: &str, diff: &WordDiff) -> String {
        let mut s = String::new();
        for p in &diff.pieces {
            match p.kind {
                PieceKind::Equal => s.push_str(&old[p.old.clone()]),
                PieceKind::Change { cosmetic } => {
                    let (l, r) = if cosmetic { ('{', '}') } else { ('[', ']') };
                    if !p.old.is_empty() {
                        s.push_str(&format!("{l}-{}-{r}", &old[p.old.clone()]));
                    }
                    if !p.new.is_empty() {
                        s.push_str(&format!("{l}+{}+{r}", &new[p.new.clone()]));
                    }
                }
            }
        }
        s
    }

    #[test]
    fn a_paragraph_from_its_profile_is_cut_as_tokenizing_it_gives() {
        // Random texts of line breaks, spaces, joiners, combining marks, a prepended mark,
        // no-break and ideographic spaces, CJK and words: every paragraph of two tokens or more
        // kept them with its profile, and they and their ids are those of tokenizing and
        // interning it.
        use crate::paragraphs::side::{rng::Rng, Side};
        const PIECES: [&str; 16] = [
            "\n", "\n\n", "\r\n", "\r", " ", "  ", "word", "42", "'", ",", "-", "\u{301}",
            "\u{600}", "\u{a0}", "\u{3000}", "\u{4e2d}",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut kept, mut one_token) = (0, 0);
        for _ in 0..400 {
            let text: String =
                (0..rng.below(40)).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            let text: &'static str = Box::leak(text.into_boxed_str());
            let mut ctx = Ctx::new(Fold::default(), Deadline::NEVER, true);
            let mut side = Side::new(text);
            let count = side.paragraphs.len();
            side.ensure_profiles(0..count, &mut ctx);
            for i in 0..count {
                let (mut tokens, mut keys) = (Vec::new(), Vec::new());
                assert!(count < 2 || !cell_tokens(&side, &(0..2), &mut tokens, &mut keys));
                let para = side.para(i);
                let mut expected = Vec::new();
                tokenize(para, &mut expected);
                let whole = cell_tokens(&side, &(i..i + 1), &mut tokens, &mut keys);
                assert_eq!(whole, expected.len() > 1, "{text:?} {i}");
                if !whole {
                    one_token += 1;
                    continue;
                }
                assert_eq!(tokens, expected, "{text:?} {i}");
                let ids: Vec<TokenId> =
                    expected.iter().map(|t| ctx.interner.intern(t.text(para), ctx.fold)).collect();
                assert_eq!(keys, ids, "{text:?} {i}");
                kept += 1;
            }
        }
        // Most paragraphs keep their tokens; one-token ones do not.
        assert!(kept > 500 && one_token > 100 && kept > 2 * one_token, "{kept} {one_token}");
    }

    fn check(old: &'static str, new: &'static str, expected: &str) {
        let diff = run(old, new);
        let rebuilt_old: String = diff.pieces.iter().map(|p| &old[p.old.clone()]).collect();
        let rebuilt_new: String = diff.pieces.iter().map(|p| &new[p.new.clone()]).collect();
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
        assert_eq!(show(old, new, &diff), expected);
    }

    #[test]
    fn spelling_fix_shows_one_letter() {
        check(
            "host George Stephanopoulus\u{2019} question",
            "host George Stephanopoulos' question",
            "host George Stephanopoul[-u-][+o+]s{-\u{2019}-}{+'+} question",
        );
    }

    #[test]
    fn curly_vs_straight_quote_is_cosmetic() {
        let d = run("\u{201C}demarche\u{201D}", "\"demarche\"");
        assert!(!d.has_substantive_change());
        assert_eq!(d.stats.cosmetic_changes, 2);
        assert_eq!(d.stats.unchanged, 1);
    }

    #[test]
    fn apostrophe_inside_a_word_is_a_cosmetic_letter_change() {
        check("Biden\u{2019}s election", "Biden's election", "Biden{-\u{2019}-}{+'+}s election");
    }

    #[test]
    fn dash_variants_are_cosmetic() {
        check("war \u{2014} yet", "war -- yet", "war {-\u{2014}-}{+--+} yet");
        check("1990\u{2013}2000", "1990-2000", "1990{-\u{2013}-}{+-+}2000");
    }

    #[test]
    fn non_breaking_space_is_cosmetic() {
        check("10\u{a0}km", "10 km", "10{-\u{a0}-}{+ +}km");
    }

    #[test]
    fn paragraph_break_inside_a_sentence_is_cosmetic() {
        check(
            "home for consultations",
            "home for\n\nconsultations",
            "home for{- -}{+\n\n+}consultations",
        );
    }

    #[test]
    fn whitespace_amount_is_cosmetic_but_presence_is_not() {
        check("a  b", "a b", "a{-  -}{+ +}b");
        let d = run("end.Next", "end. Next");
        assert!(d.has_substantive_change());
    }

    #[test]
    fn lone_space_between_changes_is_absorbed() {
        check("the quick fox", "the slow dog", "the [-quick fox-][+slow dog+]");
    }

    #[test]
    fn long_word_between_changes_stays_an_anchor() {
        check(
            "alpha beta elephant gamma delta",
            "one two elephant three four",
            "[-alpha beta-][+one two+] elephant [-gamma delta-][+three four+]",
        );
    }

    #[test]
    fn short_word_between_long_changes_is_absorbed() {
        check(
            "alpha beta gamma delta the epsilon zeta eta theta",
            "one two three four the five six seven eight",
            "[-alpha beta gamma delta the epsilon zeta eta theta-][+one two three four the five six seven eight+]",
        );
    }

    #[test]
    fn short_word_between_short_changes_stays_an_anchor() {
        check(
            "alpha beta the gamma delta",
            "one two the three four",
            "[-alpha beta-][+one two+] the [-gamma delta-][+three four+]",
        );
    }

    // GFDL 1.2 → 1.3, section 9, shortened. Myers matches "rights", then "under this License"
    // inside the dropped sentence: `your [-rights … or -]rights[-, from you-] under this License[-…-].`
    const TERMINATION_OLD: &str = "Any other attempt to copy is void, and will terminate your rights under this License. However, parties who have received copies, or rights, from you under this License will not have their licenses.";
    const TERMINATION_NEW: &str =
        "Any attempt otherwise to copy is void, and will terminate your rights under this License.";

    #[test]
    fn a_dropped_sentence_after_a_repeated_phrase_is_one_change() {
        check(
            TERMINATION_OLD,
            TERMINATION_NEW,
            "Any [-other -]attempt [+otherwise +]to copy is void, and will terminate your rights under this License.[- However, parties who have received copies, or rights, from you under this License will not have their licenses.-]",
        );
    }

    #[test]
    fn an_added_sentence_after_a_repeated_phrase_is_one_change() {
        check(
            TERMINATION_NEW,
            TERMINATION_OLD,
            "Any [+other +]attempt [-otherwise -]to copy is void, and will terminate your rights under this License.[+ However, parties who have received copies, or rights, from you under this License will not have their licenses.+]",
        );
    }

    #[test]
    fn a_removed_sentence_takes_the_space_before_it() {
        // Myers: `He left. [-She came. -]They sat.`
        check(
            "He left. She came. They sat.",
            "He left. They sat.",
            "He left.[- She came.-] They sat.",
        );
    }

    #[test]
    fn a_matched_word_beats_matched_punctuation() {
        // A token-level diff keeps ", " (two tokens) and replaces both words; matching words
        // first keeps one of them.
        let d = run("red, green", "green, red");
        assert_eq!(d.stats.unchanged, 1);
        assert_eq!((d.stats.deleted, d.stats.inserted), (1, 1));
    }

    #[test]
    fn unrelated_short_words_are_replaced_whole() {
        check("a cat sat", "a dog sat", "a [-cat-][+dog+] sat");
    }

    #[test]
    fn cjk_changes_by_character() {
        check("日本語の文章", "日本語の文書", "日本語の文[-章-][+書+]");
    }

    #[test]
    fn emoji_is_never_split() {
        check(
            "ok \u{1F44D}\u{1F3FD}",
            "ok \u{1F44D}\u{1F3FF}",
            "ok [-\u{1F44D}\u{1F3FD}-][+\u{1F44D}\u{1F3FF}+]",
        );
    }

    #[test]
    fn empty_sides() {
        check("", "new words", "[+new words+]");
        check("old words", "", "[-old words-]");
        check("", "", "");
    }

    #[test]
    fn identical_texts_have_no_change() {
        let d = run("Same text, same words.", "Same text, same words.");
        assert_eq!(d.pieces.len(), 1);
        assert_eq!(d.similarity(), 1.0);
    }

    #[test]
    fn past_the_deadline_the_middle_is_one_exact_replacement() {
        let mut ctx = Ctx::new(
            Fold::default(),
            Deadline::after(Some(core::time::Duration::ZERO), Clock::Std),
            true,
        );
        std::thread::sleep(core::time::Duration::from_millis(1));
        let (old, new) = ("keep this red fox and this end", "keep this blue fox and that end");
        let d = diff_words(old, new, &mut ctx);
        let changes: Vec<_> = d.pieces.iter().filter(|p| p.kind != PieceKind::Equal).collect();
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (&old[changes[0].old.clone()], &new[changes[0].new.clone()]),
            ("red fox and this", "blue fox and that")
        );
        assert_eq!(ctx.coarsened.word_diffs, 1);
    }

    /// Regression: past the deadline the common ends once matched tokens equal when folded
    /// (`don't` and `don’t`), and an equal piece with different bytes on each side cannot
    /// rebuild the new text.
    #[test]
    fn past_the_deadline_equal_pieces_are_equal_bytes() {
        let mut ctx = Ctx::new(
            Fold { ignore_case: true, ignore_whitespace: true },
            Deadline::after(Some(core::time::Duration::ZERO), Clock::Std),
            true,
        );
        std::thread::sleep(core::time::Duration::from_millis(1));
        for (old, new) in [
            ("don't stop now", "don\u{2019}t stop now"),
            ("A  red fox", "a red FOX"),
            ("same", "same"),
            ("x “quoted” y", "x \"quoted\" z"),
        ] {
            let d = diff_words(old, new, &mut ctx);
            for p in &d.pieces {
                if p.kind == PieceKind::Equal {
                    assert_eq!(&old[p.old.clone()], &new[p.new.clone()], "{old:?} → {new:?}");
                }
            }
            let rebuilt: (String, String) = d
                .pieces
                .iter()
                .map(|p| (&old[p.old.clone()], &new[p.new.clone()]))
                .fold((String::new(), String::new()), |(mut a, mut b), (x, y)| {
                    a.push_str(x);
                    b.push_str(y);
                    (a, b)
                });
            assert_eq!(rebuilt, (old.to_string(), new.to_string()));
        }
    }
}
