//! Assembly: alignment units and moves become the model's blocks, flat edits and stats.
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
use crate::engine::Ctx;
use crate::model::{Block, Cell, Diff, Edit, Move, Op, Row, RowKind, Span, SpanKind, Stats};
use crate::moves::FoundMove;
use crate::side::Side;
use crate::text;
use crate::tokenize::count_words;
use crate::words::{diff_words, PieceKind, WordDiff};

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
            .map(|(op, r)| Edit { op, text: text::slice(if op == Op::Insert { new } else { old }, r) })
            .collect()
    }
}

struct Builder<'s, 'a> {
    old: &'s Side<'a>,
    new: &'s Side<'a>,
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

    /// One more unchanged pair: extends the last block when it is the run just before.
    fn push_equal(&mut self, i: usize, j: usize) {
        self.rows += 1;
        if let Some(Block::Equal { old, new }) = self.blocks.last_mut() {
            if old.end == i && new.end == j {
                (old.end, new.end) = (i + 1, j + 1);
                return;
            }
        }
        self.blocks.push(Block::Equal { old: i..i + 1, new: j..j + 1 });
    }

    /// One more deleted (`old`) or inserted paragraph `i`: extends the last block when it is
    /// the run of the same kind just before.
    fn push_whole(&mut self, i: usize, old: bool) {
        self.rows += 1;
        match self.blocks.last_mut() {
            Some(Block::Deleted { old: r }) if old && r.end == i => r.end += 1,
            Some(Block::Inserted { new: r }) if !old && r.end == i => r.end += 1,
            _ => self.blocks.push(if old { Block::Deleted { old: i..i + 1 } } else { Block::Inserted { new: i..i + 1 } }),
        }
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
    fn spans(words: &WordDiff, old_text: &'a str, new_text: &'a str) -> (Vec<Span<'a>>, Vec<Span<'a>>) {
        let (mut o, mut n) = (Vec::new(), Vec::new());
        for p in &words.pieces {
            let (ot, nt) = (text::slice(old_text, p.old.clone()), text::slice(new_text, p.new.clone()));
            match p.kind {
                PieceKind::Equal => {
                    o.push(Span { kind: SpanKind::Equal, cosmetic: false, text: ot });
                    n.push(Span { kind: SpanKind::Equal, cosmetic: false, text: nt });
                }
                PieceKind::Change { cosmetic } => {
                    if !ot.is_empty() {
                        o.push(Span { kind: SpanKind::Delete, cosmetic, text: ot });
                    }
                    if !nt.is_empty() {
                        n.push(Span { kind: SpanKind::Insert, cosmetic, text: nt });
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

    fn pair(&mut self, o: Range<usize>, n: Range<usize>, ctx: &mut Ctx<'a>) {
        let (os, ot) = self.old.cell(&o);
        let (ns, nt) = self.new.cell(&n);
        let (last_old, last_new) = (o.end - 1, n.end - 1);
        if o.len() == 1 && n.len() == 1 && text::same(ot, nt) {
            self.stats.words_unchanged += count_words(ot);
            self.edits.equal(os..os + ot.len());
            self.push_equal(o.start, n.start);
        } else {
            let words = diff_words(ot, nt, ctx);
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
        }
        self.separators(Self::separator(self.old, last_old), Self::separator(self.new, last_new));
    }

    fn deleted(&mut self, i: usize, moved: Option<(usize, &FoundMove)>) {
        let p = self.old.paragraphs[i];
        self.edits.delete(p.byte_start..p.byte_end);
        match moved {
            Some((id, m)) => {
                self.count(&m.words);
                let (spans, _) = Self::spans(&m.words, self.old.para(i), self.new.para(m.to));
                self.push_row(Row { kind: RowKind::Moved, old: Some(Cell { paragraphs: vec![i], spans }), new: None, move_id: Some(id), cosmetic: false });
            }
            None => {
                self.stats.words_deleted += count_words(self.old.para(i));
                self.stats.paragraphs_deleted += 1;
                self.push_whole(i, true);
            }
        }
        self.edits.delete(Self::separator(self.old, i));
    }

    fn inserted(&mut self, j: usize, moved: Option<(usize, &FoundMove)>) {
        let p = self.new.paragraphs[j];
        self.edits.insert(p.byte_start..p.byte_end);
        match moved {
            Some((id, m)) => {
                let (_, spans) = Self::spans(&m.words, self.old.para(m.from), self.new.para(j));
                self.push_row(Row { kind: RowKind::Moved, old: None, new: Some(Cell { paragraphs: vec![j], spans }), move_id: Some(id), cosmetic: false });
            }
            None => {
                self.stats.words_inserted += count_words(self.new.para(j));
                self.stats.paragraphs_inserted += 1;
                self.push_whole(j, false);
            }
        }
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
        crate::order::sort_by_key(&mut by_paragraph, |&(p, _)| p as u64);
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
    units: Vec<Unit>,
    found: Vec<FoundMove>,
    ctx: &mut Ctx<'a>,
) -> Diff<'a> {
    let old_move = MoveIndex::new(found.iter().enumerate().map(|(id, m)| (m.from, id)));
    let new_move = MoveIndex::new(found.iter().enumerate().map(|(id, m)| (m.to, id)));
    let mut b = Builder { old: &old, new: &new, blocks: Vec::new(), rows: 0, edits: Edits::default(), stats: Stats::default() };
    let preamble = |side: &Side<'_>| 0..side.paragraphs.first().map_or(side.text.len(), |p| p.byte_start);
    b.separators(preamble(&old), preamble(&new));

    let mut moves: Vec<Move> = found
        .iter()
        .enumerate()
        .map(|(id, m)| Move { id, from: m.from, to: m.to, similarity: m.similarity, old_row: 0, new_row: 0 })
        .collect();
    for unit in units {
        match unit {
            Unit::Pair { old: o, new: n } => b.pair(o, n, ctx),
            Unit::Deleted(i) => {
                let moved = old_move.get(i).map(|id| (id, &found[id]));
                if let Some((id, _)) = moved {
                    moves[id].old_row = b.rows;
                }
                b.deleted(i, moved);
            }
            Unit::Inserted(j) => {
                let moved = new_move.get(j).map(|id| (id, &found[id]));
                if let Some((id, _)) = moved {
                    moves[id].new_row = b.rows;
                }
                b.inserted(j, moved);
            }
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
        old_text: old.text,
        new_text: new.text,
    }
}

#[cfg(test)]
mod tests {
    use super::MoveIndex;

    #[test]
    fn move_index_finds_each_moved_paragraph() {
        let index = MoveIndex::new([(9, 0), (2, 1), (5, 2)].into_iter());
        let found: Vec<Option<usize>> = (0..11).map(|i| index.get(i)).collect();
        assert_eq!(found, [None, None, Some(1), None, None, Some(2), None, None, None, Some(0), None]);
        assert_eq!((index.get(5), index.get(3), index.get(2)), (Some(2), None, Some(1)));
        assert_eq!(MoveIndex::new(core::iter::empty()).get(0), None);
    }
}
