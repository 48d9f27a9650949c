//! Assembly: the units and moves that move detection hands on ([`Moves`]) become the model's
//! blocks, flat edits and stats.
//!
//! What it allocates grows with the changes, not with the paragraphs: a run of unchanged
//! paragraphs extends one [`Block::Equal`], moves are looked up through a list sorted by
//! paragraph (the units come in document order on each side), and only rows with a change get
//! cells and spans.
//!
//! Every byte of both texts lands in exactly one place: paragraph text in a row's cells (and in
//! the edits), and what lies between paragraphs (blank lines, leading and trailing whitespace)
//! in the edits as the separator that follows the row's last paragraph. That is what makes the
//! edits rebuild both inputs exactly, whatever the alignment decided.

use core::ops::Range;

use crate::align::Unit;
use crate::call::Ctx;
use crate::model::{Block, Cell, Diff, Edit, Move, Op, Row, RowKind, Span, SpanKind, Stats};
use crate::moves::{FoundMove, Moves};
use crate::paragraphs::side::Side;
use crate::unicode::text;
use crate::unicode::tokenize::count_words;
use crate::words::{diff_cells, PieceKind, WordDiff};

/// Builds the flat edit list as byte ranges: deletions before insertions within a change, and
/// adjacent edits of one kind merged (they are contiguous in their text by construction).
#[derive(Default)]
struct Edits {
    done: Vec<(Op, Range<usize>)>,
    delete: Option<Range<usize>>,
    insert: Option<Range<usize>>,
}

impl Edits {
    fn delete(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        match &mut self.delete {
            Some(d) if d.end == r.start => d.end = r.end,
            _ => {
                // Rows walk both texts in order, so a pending deletion always ends where the
                // next one starts; were that ever false, a separate edit keeps the text exact.
                debug_assert!(self.delete.is_none(), "deletions are contiguous");
                self.flush();
                self.delete = Some(r);
            }
        }
    }

    fn insert(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        match &mut self.insert {
            Some(i) if i.end == r.start => i.end = r.end,
            _ => {
                debug_assert!(self.insert.is_none(), "insertions are contiguous");
                if self.insert.is_some() {
                    self.flush();
                }
                self.insert = Some(r);
            }
        }
    }

    fn flush(&mut self) {
        if let Some(d) = self.delete.take() {
            self.done.push((Op::Delete, d));
        }
        if let Some(i) = self.insert.take() {
            self.done.push((Op::Insert, i));
        }
    }

    fn equal(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        self.flush();
        match self.done.last_mut() {
            Some((Op::Equal, last)) if last.end == r.start => last.end = r.end,
            _ => self.done.push((Op::Equal, r)),
        }
    }

    fn finish<'a>(mut self, old: &'a str, new: &'a str) -> Vec<Edit<'a>> {
        self.flush();
        self.done
            .into_iter()
            .map(|(op, r)| Edit {
                op,
                text: text::slice(if op == Op::Insert { new } else { old }, r),
            })
            .collect()
    }
}

/// The bytes [`Builder::unchanged_pairs`] compares in its first stretch, and in its longest: a
/// stretch doubles while the texts agree, so that a pair whose length did not change but whose
/// text did costs a look at the layout of a few pairs after it, not of kilobytes (a text whose
/// every one-letter line changed would otherwise take a stretch's look per line).
const FIRST_STRETCH_BYTES: usize = 64;
const MAX_STRETCH_BYTES: usize = 4096;

struct Builder<'s, 'a> {
    old: &'s Side<'a>,
    new: &'s Side<'a>,
    /// Pairs move detection found in place, with their word diffs ([`Moves::in_place`]), and
    /// the first whose pair is not yet assembled.
    in_place: Vec<FoundMove>,
    next_in_place: usize,
    blocks: Vec<Block<'a>>,
    /// Rows so far (each unchanged pair counts one): the index of the next row.
    rows: usize,
    edits: Edits,
    stats: Stats,
}

impl<'a> Builder<'_, 'a> {
    fn push_row(&mut self, row: Row<'a>) {
        self.blocks.push(Block::Row(row));
        self.rows += 1;
    }

    /// The bytes after paragraph `i` up to the next paragraph (or the end of the text).
    fn separator(side: &Side<'a>, i: usize) -> Range<usize> {
        let end = side.paragraphs.get(i + 1).map_or(side.text.len(), |p| p.byte_start);
        side.paragraphs[i].byte_end..end
    }

    /// Edits for two separators that sit at the same place in the rows.
    fn separators(&mut self, o: Range<usize>, n: Range<usize>) {
        if text::slice(self.old.text, o.clone()) == text::slice(self.new.text, n.clone()) {
            self.edits.equal(o);
        } else {
            self.edits.delete(o);
            self.edits.insert(n);
        }
    }

    /// Spans of both cells of a word diff between `old_text` and `new_text`.
    fn spans(
        words: &WordDiff,
        old_text: &'a str,
        new_text: &'a str,
    ) -> (Vec<Span<'a>>, Vec<Span<'a>>) {
        let (mut o, mut n) = (Vec::new(), Vec::new());
        for p in &words.pieces {
            let (ot, nt) =
                (text::slice(old_text, p.old.clone()), text::slice(new_text, p.new.clone()));
            match p.kind {
                PieceKind::Equal => {
                    o.push(Span::new(SpanKind::Equal, false, ot));
                    n.push(Span::new(SpanKind::Equal, false, nt));
                }
                PieceKind::Change { cosmetic } => {
                    if !ot.is_empty() {
                        o.push(Span::new(SpanKind::Delete, cosmetic, ot));
                    }
                    if !nt.is_empty() {
                        n.push(Span::new(SpanKind::Insert, cosmetic, nt));
                    }
                }
            }
        }
        (o, n)
    }

    fn count(&mut self, words: &WordDiff) {
        self.stats.words_inserted += words.stats.inserted;
        self.stats.words_deleted += words.stats.deleted;
        self.stats.words_unchanged += words.stats.unchanged;
        self.stats.cosmetic_changes += words.stats.cosmetic_changes;
    }

    /// The word diff move detection computed for the pair `o`, `n`, if it found that pair in
    /// place (taken: each pair is assembled once).
    fn in_place_words(&mut self, o: &Range<usize>, n: &Range<usize>) -> Option<WordDiff> {
        if o.len() != 1 || n.len() != 1 {
            return None;
        }
        // Pairs come in document order, and so by old paragraph, as `in_place` is.
        while self.in_place.get(self.next_in_place).is_some_and(|m| m.from < o.start) {
            self.next_in_place += 1;
        }
        let m = self
            .in_place
            .get_mut(self.next_in_place)
            .filter(|m| m.from == o.start && m.to == n.start)?;
        Some(core::mem::take(&mut m.words))
    }

    /// A row with a change: a paragraph edited in place, split or merged.
    fn pair(&mut self, o: Range<usize>, n: Range<usize>, ctx: &mut Ctx<'a>) {
        let (os, ot) = self.old.cell(&o);
        let (ns, nt) = self.new.cell(&n);
        let (last_old, last_new) = (o.end - 1, n.end - 1);
        let words = self
            .in_place_words(&o, &n)
            .unwrap_or_else(|| diff_cells(self.old, &o, self.new, &n, ctx));
        self.count(&words);
        for p in &words.pieces {
            match p.kind {
                PieceKind::Equal => self.edits.equal(os + p.old.start..os + p.old.end),
                PieceKind::Change { .. } => {
                    self.edits.delete(os + p.old.start..os + p.old.end);
                    self.edits.insert(ns + p.new.start..ns + p.new.end);
                }
            }
        }
        let substantive = words.has_substantive_change();
        let kind = match (o.len(), n.len()) {
            (1, 1) => RowKind::Changed,
            (1, _) => RowKind::Split,
            _ => RowKind::Merged,
        };
        self.stats.paragraphs_changed += usize::from(substantive);
        self.stats.paragraphs_split += usize::from(kind == RowKind::Split);
        self.stats.paragraphs_merged += usize::from(kind == RowKind::Merged);
        let (old_spans, new_spans) = Self::spans(&words, ot, nt);
        self.push_row(Row {
            kind,
            old: Some(Cell { paragraphs: o.collect(), spans: old_spans }),
            new: Some(Cell { paragraphs: n.collect(), spans: new_spans }),
            move_id: None,
            cosmetic: !substantive,
        });
        self.separators(Self::separator(self.old, last_old), Self::separator(self.new, last_new));
    }

    /// How many of the `len` pairs from old `i` and new `j` on are unchanged, counted from the
    /// first: each paragraph the same text as its counterpart, and the separators between them
    /// the same too. One pass over the bytes, as far as they agree: pairs laid out alike on
    /// both sides (the same offsets from the first pair's start) are compared a stretch at a
    /// time ([`FIRST_STRETCH_BYTES`], doubling up to [`MAX_STRETCH_BYTES`]), not one by one (a
    /// text of short paragraphs has tens of thousands); the first byte that differs, or the
    /// first pair laid out otherwise, ends it.
    fn unchanged_pairs(&self, i: usize, j: usize, len: usize) -> usize {
        let (old, new) = (self.old.paragraphs.as_slice(), self.new.paragraphs.as_slice());
        let (old_bytes, new_bytes) = (self.old.text.as_bytes(), self.new.text.as_bytes());
        let (o, n) = (old[i].byte_start, new[j].byte_start);
        // Pairs `..t` and bytes `..done` (from `o` and `n`) are known to agree.
        let (mut t, mut done, mut stretch) = (0, 0, FIRST_STRETCH_BYTES);
        while t < len {
            let mut end = t;
            while end < len {
                let (p, q) = (old[i + end], new[j + end]);
                if p.byte_start - o != q.byte_start - n || p.byte_end - o != q.byte_end - n {
                    break;
                }
                end += 1;
                if p.byte_end - o - done >= stretch {
                    break;
                }
            }
            if end == t {
                break;
            }
            let upto = old[i + end - 1].byte_end - o;
            let agree = done
                + text::common_prefix(
                    &old_bytes[o + done..o + upto],
                    &new_bytes[n + done..n + upto],
                );
            if agree < upto {
                while old[i + t].byte_end - o <= agree {
                    t += 1;
                }
                break;
            }
            (t, done, stretch) = (end, upto, (2 * stretch).min(MAX_STRETCH_BYTES));
        }
        t
    }

    /// `len` unchanged pairs from old `i` and new `j` on ([`Builder::unchanged_pairs`]): one
    /// count of words and one edit for the whole run.
    fn equal_run(&mut self, i: usize, j: usize, len: usize) {
        let (os, ot) = self.old.cell(&(i..i + len));
        // What lies between paragraphs is whitespace: the run's words are its paragraphs'.
        self.stats.words_unchanged += count_words(ot);
        self.edits.equal(os..os + ot.len());
        self.rows += len;
        match self.blocks.last_mut() {
            Some(Block::Equal { old, new }) if old.end == i && new.end == j => {
                (old.end, new.end) = (i + len, j + len)
            }
            _ => self.blocks.push(Block::Equal { old: i..i + len, new: j..j + len }),
        }
        self.separators(
            Self::separator(self.old, i + len - 1),
            Self::separator(self.new, j + len - 1),
        );
    }

    /// `len` deleted (`old`) or inserted paragraphs from `i` on, none of them moved: one count
    /// of words and one edit for the whole run, separators included.
    fn whole_run(&mut self, i: usize, len: usize, old: bool) {
        let side = if old { self.old } else { self.new };
        let (start, text) = side.cell(&(i..i + len));
        let end = Self::separator(side, i + len - 1).end;
        let words = count_words(text);
        if old {
            self.stats.words_deleted += words;
            self.stats.paragraphs_deleted += len;
            self.edits.delete(start..end);
        } else {
            self.stats.words_inserted += words;
            self.stats.paragraphs_inserted += len;
            self.edits.insert(start..end);
        }
        self.rows += len;
        match self.blocks.last_mut() {
            Some(Block::Deleted { old: r }) if old && r.end == i => r.end += len,
            Some(Block::Inserted { new: r }) if !old && r.end == i => r.end += len,
            _ => self.blocks.push(if old {
                Block::Deleted { old: i..i + len }
            } else {
                Block::Inserted { new: i..i + len }
            }),
        }
    }

    /// The source row of move `id`: old paragraph `i`, gone from here.
    fn moved_out(&mut self, i: usize, id: usize, m: &FoundMove) {
        let p = self.old.paragraphs[i];
        self.edits.delete(p.byte_start..p.byte_end);
        self.count(&m.words);
        let (spans, _) = Self::spans(&m.words, self.old.para(i), self.new.para(m.to));
        self.push_row(Row {
            kind: RowKind::Moved,
            old: Some(Cell { paragraphs: vec![i], spans }),
            new: None,
            move_id: Some(id),
            cosmetic: false,
        });
        self.edits.delete(Self::separator(self.old, i));
    }

    /// The destination row of move `id`: new paragraph `j`, arrived here.
    fn moved_in(&mut self, j: usize, id: usize, m: &FoundMove) {
        let p = self.new.paragraphs[j];
        self.edits.insert(p.byte_start..p.byte_end);
        let (_, spans) = Self::spans(&m.words, self.old.para(m.from), self.new.para(j));
        self.push_row(Row {
            kind: RowKind::Moved,
            old: None,
            new: Some(Cell { paragraphs: vec![j], spans }),
            move_id: Some(id),
            cosmetic: false,
        });
        self.edits.insert(Self::separator(self.new, j));
    }
}

/// Move ids by paragraph: `(paragraph, move id)` pairs sorted by paragraph, searched by
/// halves (one allocation per move, not per paragraph).
struct MoveIndex {
    by_paragraph: Vec<(usize, usize)>,
}

impl MoveIndex {
    fn new(pairs: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut by_paragraph: Vec<(usize, usize)> = pairs.collect();
        crate::sort::sort_by_key(&mut by_paragraph, |&(p, _)| p as u64);
        MoveIndex { by_paragraph }
    }

    /// The move of paragraph `i`, if it moved.
    fn get(&self, i: usize) -> Option<usize> {
        let k = self.by_paragraph.partition_point(|&(p, _)| p < i);
        self.by_paragraph.get(k).filter(|&&(p, _)| p == i).map(|&(_, id)| id)
    }
}

/// Builds the model from the alignment and the moves.
pub(crate) fn assemble<'a>(
    old: Side<'a>,
    new: Side<'a>,
    moved: Moves,
    ctx: &mut Ctx<'a>,
) -> Diff<'a> {
    let Moves { units, moves: found, in_place } = moved;
    let old_move = MoveIndex::new(found.iter().enumerate().map(|(id, m)| (m.from, id)));
    let new_move = MoveIndex::new(found.iter().enumerate().map(|(id, m)| (m.to, id)));
    let mut b = Builder {
        old: &old,
        new: &new,
        in_place,
        next_in_place: 0,
        blocks: Vec::new(),
        rows: 0,
        edits: Edits::default(),
        stats: Stats::default(),
    };
    let preamble =
        |side: &Side<'_>| 0..side.paragraphs.first().map_or(side.text.len(), |p| p.byte_start);
    b.separators(preamble(&old), preamble(&new));

    let mut moves: Vec<Move> = found
        .iter()
        .enumerate()
        .map(|(id, m)| Move {
            id,
            from: m.from,
            to: m.to,
            similarity: m.similarity,
            old_row: 0,
            new_row: 0,
        })
        .collect();
    let mut k = 0;
    while k < units.len() {
        // How many units from `k` on continue a run of the same kind over consecutive
        // paragraphs (one for one on both sides, for pairs), none of them moved.
        let run = |step: &dyn Fn(usize) -> bool| {
            (k + 1..units.len()).take_while(|&e| step(e)).count() + 1
        };
        match units[k] {
            Unit::Pair { old: ref o, new: ref n } if o.len() == 1 && n.len() == 1 => {
                let (i, j) = (o.start, n.start);
                // (A plain loop, not `run`: a call per unit through `dyn Fn`, and on a text
                // of short paragraphs nearly every unit is such a pair.)
                let mut len = 1;
                while matches!(units.get(k + len), Some(Unit::Pair { old, new }) if old.len() == 1 && new.len() == 1 && old.start == i + len && new.start == j + len)
                {
                    len += 1;
                }
                // Unchanged stretches a run at a time, changed pairs (or a hash collision) one
                // by one: on a near-identical pair the few changes sit among long runs.
                let mut t = 0;
                while t < len {
                    let same = b.unchanged_pairs(i + t, j + t, len - t);
                    if same > 0 {
                        b.equal_run(i + t, j + t, same);
                        t += same;
                    } else {
                        b.pair(i + t..i + t + 1, j + t..j + t + 1, ctx);
                        t += 1;
                    }
                }
                k += len;
            }
            Unit::Pair { old: ref o, new: ref n } => {
                b.pair(o.clone(), n.clone(), ctx);
                k += 1;
            }
            // Left unpaired and not spelled out: move detection did not run.
            Unit::Unpaired { ref old, ref new } => {
                if !old.is_empty() {
                    b.whole_run(old.start, old.len(), true);
                }
                if !new.is_empty() {
                    b.whole_run(new.start, new.len(), false);
                }
                k += 1;
            }
            Unit::Deleted(i) => match old_move.get(i) {
                Some(id) => {
                    moves[id].old_row = b.rows;
                    b.moved_out(i, id, &found[id]);
                    k += 1;
                }
                None => {
                    let len = run(&|e| {
                        units[e] == Unit::Deleted(i + e - k) && old_move.get(i + e - k).is_none()
                    });
                    b.whole_run(i, len, true);
                    k += len;
                }
            },
            Unit::Inserted(j) => match new_move.get(j) {
                Some(id) => {
                    moves[id].new_row = b.rows;
                    b.moved_in(j, id, &found[id]);
                    k += 1;
                }
                None => {
                    let len = run(&|e| {
                        units[e] == Unit::Inserted(j + e - k) && new_move.get(j + e - k).is_none()
                    });
                    b.whole_run(j, len, false);
                    k += len;
                }
            },
        }
    }
    b.stats.paragraphs_moved = moves.len();
    let fallback = ctx.coarsened.fallback();
    let (blocks, stats, edits) = (b.blocks, b.stats, b.edits.finish(old.text, new.text));
    Diff {
        edits,
        old_paragraphs: old.paragraphs,
        new_paragraphs: new.paragraphs,
        blocks,
        moves,
        stats,
        approximate: fallback.is_some(),
        fallback,
        #[cfg(all(
            feature = "markup",
            any(not(target_arch = "wasm32"), feature = "markup-module")
        ))]
        formatting: Vec::new(),
        old_text: old.text,
        new_text: new.text,
    }
}

#[cfg(test)]
mod tests {
    use super::MoveIndex;
    use crate::paragraphs::side::rng::Rng;
    use crate::words::DIFFED;
    use crate::Options;

    /// A document of `n` paragraphs of twelve words each, every paragraph its own words.
    fn document(n: usize) -> Vec<String> {
        (0..n)
            .map(|p| (0..12).map(|w| format!("w{p}x{w}")).collect::<Vec<_>>().join(" ") + ".")
            .collect()
    }

    /// Issue 22: a word diff that move detection computed (to verify a candidate, moved or
    /// found in place) is handed on, not computed again by assembly.
    #[test]
    fn no_pair_of_paragraphs_is_word_diffed_twice() {
        let mut rng = Rng(0x5eed_2222_0000_0022);
        let mut cases = vec![(
            include_str!("../../tests/fixtures/old.txt").to_string(),
            include_str!("../../tests/fixtures/new.txt").to_string(),
        )];
        for _ in 0..40 {
            let old = document(12);
            let mut new = old.clone();
            // Moves, edits of one word, and edits of a moved paragraph.
            for _ in 0..1 + rng.below(4) {
                let p = new.remove(rng.below(new.len()));
                new.insert(rng.below(new.len() + 1), p);
            }
            for _ in 0..1 + rng.below(4) {
                let p = rng.below(new.len());
                new[p] = new[p].replacen("x3", "y3", 1);
            }
            // Two thirds of a paragraph rewritten: too little left for the alignment to pair it
            // (`PAIR_MIN_SIMILARITY`), enough for move detection at a threshold of 0.3, which
            // finds it in place.
            let p = rng.below(new.len());
            let words: Vec<String> = new[p]
                .split(' ')
                .enumerate()
                .map(|(k, w)| if k < 8 { w.replacen('w', "v", 1) } else { w.to_string() })
                .collect();
            new[p] = words.join(" ");
            cases.push((old.join("\n\n"), new.join("\n\n")));
        }
        let options = Options::default().with_timeout(None).with_move_threshold(0.3);
        let (mut diffed, mut moves) = (0, 0);
        for (old, new) in &cases {
            DIFFED.with(|d| d.borrow_mut().clear());
            let d = crate::diff(old, new, &options).unwrap();
            moves += d.moves.len();
            let mut seen = DIFFED.with(|d| d.take());
            diffed += seen.len();
            seen.sort_unstable();
            assert!(seen.windows(2).all(|w| w[0] != w[1]), "a pair diffed twice: {old:?}");
        }
        assert!(diffed > cases.len() && moves > 0, "{diffed} diffs, {moves} moves");
    }

    #[test]
    fn move_index_finds_each_moved_paragraph() {
        let index = MoveIndex::new([(9, 0), (2, 1), (5, 2)].into_iter());
        let found: Vec<Option<usize>> = (0..11).map(|i| index.get(i)).collect();
        assert_eq!(
            found,
            [None, None, Some(1), None, None, Some(2), None, None, None, Some(0), None]
        );
        assert_eq!((index.get(5), index.get(3), index.get(2)), (Some(2), None, Some(1)));
        assert_eq!(MoveIndex::new(core::iter::empty()).get(0), None);
    }
}
