//! Two documents diffed as a reader sees them: the engine diffs the visible texts, block by
//! block, and this module then marks where equal text is formatted differently.
//!
//! ```text
//!  old  <h2>Intro</h2><p>See <a href="/a">docs</a>.</p>     text  "Intro\n\nSee docs."
//!  new  <h3>Intro</h3><p>See <a href="/b">docs</a>.</p>     text  "Intro\n\nSee docs."
//!
//!  engine: one equal run of two paragraphs          after: two changed rows
//!                                                     "Intro"  ◄ heading 2 → heading 3
//!                                                     "See " "docs" ◄ link target changed: /a → /b  "."
//! ```
//!
//! * **Blocks are the paragraphs.** The engine splits a text at blank lines; a block's own line
//!   breaks (`<br>`, the lines of a `<pre>`, which may hold blank lines) must not split it. The
//!   engine is handed each text with every line break inside a block written as U+000B (a
//!   whitespace byte, as `\n` is) and a block of only whitespace given one visible character of
//!   the same UTF-8 length: byte for byte as long as the visible text, so every offset the
//!   engine returns is an offset of the visible text, and the model borrows from it.
//! * **Formatting is compared where the text is equal.** For each pair of equal spans (the
//!   k-th equal span of a row's old cell and of its new cell, as the model guarantees) the
//!   marks on both sides are sampled between their boundaries; a stretch whose marks differ
//!   (trimmed of whitespace, so a space never carries formatting) becomes a span of its own
//!   pointing at a [`Formatting`]. An unchanged paragraph pair whose formatting differs leaves
//!   its equal run as a row of kind changed, so the row indices stay the same. A paragraph
//!   whose kind (heading level, list item, quote, code block) changed marks the rest of its
//!   equal spans with one block change; in a split or merged row, each pair of paragraphs
//!   that equal spans join (a paragraph split into a heading and a paragraph: the heading's
//!   part and the old paragraph) is compared so. Text that changed is a word change, whatever
//!   its formatting: only equal spans carry formatting.
//!
//! Cost: linear in the marks and embeds of the paragraphs with a change, plus one comparison of
//! block attributes and marks per unchanged paragraph pair.

use core::ops::Range;
use std::borrow::Cow;

use super::document::{Block, BlockKind, Document, Embed, EmbedKind, MarkKind};
use crate::error::{Error, Side};
use crate::model::{Block as DiffBlock, Cell, Diff, Edit, Row, RowKind, Span, SpanKind};
use crate::output::formatting::{Formatting, FormattingChange, FormattingId, FormattingKind};
use crate::unicode::byte_masks::{bytes_equal, word_at};
use crate::Options;

/// Longest link target or image source quoted whole in a description.
const QUOTED_CHARS: usize = 60;

/// Diffs two documents ([`crate::markup::read`]) as a reader sees them: words on the visible
/// texts, paragraphs as the documents' blocks, and formatting changes on unchanged text
/// ([`Diff::formatting`], [`crate::Span::formatting`], [`crate::Stats::formatting_changes`]).
///
/// The model borrows from the documents' texts: its paragraphs are the blocks, its edits rebuild
/// `old.text` and `new.text` exactly.
///
/// ```
/// use article_diff::markup::{read, Markup};
/// use article_diff::{diff_documents, Options};
///
/// let old = read(r#"<p>See <a href="https://a.example/">the docs</a>.</p>"#, Markup::Html)?;
/// let new = read(r#"<p>See <a href="https://b.example/">the docs</a>.</p>"#, Markup::Html)?;
/// let d = diff_documents(&old, &new, &Options::default())?;
/// assert_eq!(d.stats.formatting_changes, 1);
/// assert_eq!(d.formatting[0].description, "link target changed: https://a.example/ → https://b.example/");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`crate::diff`]; [`Error::InvalidDocument`] for a document the reader could not have made
/// (blocks not in order, not joined by `"\n\n"`, a mark or embed outside every block).
pub fn diff_documents<'a>(
    old: &'a Document,
    new: &'a Document,
    options: &Options,
) -> Result<Diff<'a>, Error> {
    check(old, Side::Old)?;
    check(new, Side::New)?;
    let (old_engine, new_engine) = (engine_text(old), engine_text(new));
    let d = crate::diff(&old_engine, &new_engine, options)?;
    let mut d = rebase(d, &old.text, &new.text);
    annotate(&mut d, old, new);
    Ok(d)
}

/// Checks what [`engine_text`] and [`annotate`] rely on, so that no document makes them panic.
pub(crate) fn check(doc: &Document, side: Side) -> Result<(), Error> {
    let invalid = |reason: String| Err(Error::InvalidDocument { side, reason });
    let text = &doc.text;
    let mut end = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        let r = &b.text;
        if r.start > r.end
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            return invalid(format!("block {i}'s text range {r:?} is not a range of the text"));
        }
        let gap = &text[end..r.start.max(end)];
        if r.start < end || (i == 0 && !gap.is_empty()) || (i > 0 && gap != "\n\n") {
            return invalid(format!(
                "block {i} does not follow the one before it after a blank line (\"\\n\\n\")"
            ));
        }
        if r.is_empty() {
            return invalid(format!("block {i} is empty"));
        }
        end = r.end;
    }
    if end != text.len() {
        return invalid("the text goes on past its last block".into());
    }
    let sorted = !doc.marks.windows(2).any(|w| w[0].text.start > w[1].text.start)
        && !doc.embeds.windows(2).any(|w| w[0].at >= w[1].at);
    // The first block that ends at or after `r`'s end: searched for, or, when the ranges come
    // sorted by start, walked to from the last one's (an earlier block would hold no range
    // that starts at or after the last one's start).
    let block = core::cell::Cell::new(0);
    let inside = |r: &Range<usize>| {
        let i = if sorted {
            let mut i = block.get();
            while i < doc.blocks.len() && doc.blocks[i].text.end < r.end {
                i += 1;
            }
            block.set(i);
            i
        } else {
            doc.blocks.partition_point(|b| b.text.end < r.end)
        };
        doc.blocks
            .get(i)
            .is_some_and(|b| b.text.start <= r.start && r.start <= r.end && r.end <= b.text.end)
    };
    if let Some(k) = doc.marks.iter().position(|m| !inside(&m.text)) {
        return invalid(format!("mark {k} does not lie inside one block"));
    }
    block.set(0);
    if let Some(k) = doc.embeds.iter().position(|e| !inside(&(e.at..e.at + 1))) {
        return invalid(format!("embed {k} does not lie inside one block"));
    }
    if !sorted {
        return invalid("marks and embeds must be sorted by where they start".into());
    }
    Ok(())
}

/// The text the engine diffs for `doc`: as long as `doc.text`, byte for byte and in UTF-16
/// units, with every line break inside a block written as U+000B and a block of only
/// whitespace starting with a visible stand-in, so that the engine's paragraphs are the blocks
/// (see the module docs). Most documents need neither: their text is borrowed as it is.
/// `doc` has passed [`check`].
pub(crate) fn engine_text(doc: &Document) -> Cow<'_, str> {
    // The blocks are joined by "\n\n" (`check`): a text with no other line break has none
    // inside a block, and one pass over the whole text says so.
    let joins = 2 * doc.blocks.len().saturating_sub(1);
    let inside = line_breaks(doc.text.as_bytes()) != joins;
    let needs_change = |b: &Block| {
        let block = &doc.text.as_bytes()[b.text.clone()];
        // `contains` on bytes is a memchr: a word at a time, not a byte.
        (inside && (block.contains(&b'\n') || block.contains(&b'\r')))
            || !has_ink(&doc.text[b.text.clone()])
    };
    if !doc.blocks.iter().any(needs_change) {
        return Cow::Borrowed(&doc.text);
    }
    let mut text = doc.text.clone().into_bytes();
    for b in &doc.blocks {
        for byte in &mut text[b.text.clone()] {
            if matches!(*byte, b'\n' | b'\r') {
                *byte = 0x0b;
            }
        }
        let block = &doc.text[b.text.clone()];
        if let Some(first) = block.chars().next().filter(|_| block.chars().all(char::is_whitespace))
        {
            // Same UTF-8 length and one UTF-16 unit each, like every whitespace character.
            let stand_in = match first.len_utf8() {
                1 => "\u{1a}",
                2 => "\u{b6}",
                _ => "\u{2423}",
            };
            text[b.text.start..b.text.start + stand_in.len()].copy_from_slice(stand_in.as_bytes());
        }
    }
    // Only ASCII bytes and whole characters were replaced, by characters of the same length.
    Cow::Owned(String::from_utf8(text).unwrap_or_default())
}

/// How many bytes of `text` are `\n` or `\r`, eight bytes a step.
fn line_breaks(text: &[u8]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i + 8 <= text.len() {
        let word = word_at(text, i);
        n += (bytes_equal(word, b'\n') | bytes_equal(word, b'\r')).count_ones() as usize;
        i += 8;
    }
    n + text[i..].iter().filter(|&&b| matches!(b, b'\n' | b'\r')).count()
}

/// `d`, computed on two engine texts, borrowing from the visible texts instead (same lengths,
/// same character boundaries).
fn rebase<'a>(d: Diff<'_>, old: &'a str, new: &'a str) -> Diff<'a> {
    let (old_from, new_from) = (d.old_text, d.new_text);
    let move_to = |s: &str, from: &str, to: &'a str| -> &'a str {
        let start = (s.as_ptr() as usize).wrapping_sub(from.as_ptr() as usize);
        to.get(start..start.wrapping_add(s.len())).unwrap_or_default()
    };
    let cell = |c: Cell<'_>, from: &str, to: &'a str| Cell {
        paragraphs: c.paragraphs,
        spans: c
            .spans
            .iter()
            .map(|s| Span { text: move_to(s.text, from, to), ..Span::new(s.kind, s.cosmetic, "") })
            .collect(),
    };
    Diff {
        edits: d
            .edits
            .iter()
            .map(|e| match e.op {
                crate::Op::Insert => Edit { op: e.op, text: move_to(e.text, new_from, new) },
                _ => Edit { op: e.op, text: move_to(e.text, old_from, old) },
            })
            .collect(),
        old_paragraphs: d.old_paragraphs,
        new_paragraphs: d.new_paragraphs,
        blocks: d
            .blocks
            .into_iter()
            .map(|b| match b {
                DiffBlock::Equal { old, new } => DiffBlock::Equal { old, new },
                DiffBlock::Deleted { old } => DiffBlock::Deleted { old },
                DiffBlock::Inserted { new } => DiffBlock::Inserted { new },
                DiffBlock::Row(r) => DiffBlock::Row(Row {
                    kind: r.kind,
                    old: r.old.map(|c| cell(c, old_from, old)),
                    new: r.new.map(|c| cell(c, new_from, new)),
                    move_id: r.move_id,
                    cosmetic: r.cosmetic,
                }),
            })
            .collect(),
        moves: d.moves,
        stats: d.stats,
        approximate: d.approximate,
        fallback: d.fallback,
        formatting: d.formatting,
        old_text: old,
        new_text: new,
    }
}

/// Byte offset of `s` (a slice of `text`) in `text`.
fn offset(s: &str, text: &str) -> usize {
    (s.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize)
}

/// Marks the formatting changes of `d`, a diff of `old.text` and `new.text` whose paragraphs
/// are the documents' blocks (the module docs say how). Also how the reader's wasm module
/// annotates a model the engine's module computed.
pub(crate) fn annotate<'a>(d: &mut Diff<'a>, old: &'a Document, new: &'a Document) {
    if d.old_paragraphs.len() != old.blocks.len() || d.new_paragraphs.len() != new.blocks.len() {
        return; // not a diff of these documents' blocks: nothing to compare safely
    }
    let numbers = Numbers { old: numbering(old), new: numbering(new) };
    let (mut old_walk, mut new_walk) = (Walk::new(old), Walk::new(new));
    let mut found = Vec::new();
    let blocks = core::mem::take(&mut d.blocks);
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            DiffBlock::Equal { old: o, new: n } => {
                let mut from = 0;
                for k in 0..o.len() {
                    let (i, j) = (o.start + k, n.start + k);
                    let (ot, nt) = (old.block_text(i), new.block_text(j));
                    let (a, b) = (old_walk.block(i), new_walk.block(j));
                    if same_formatting(a, b, numbers.renumbered(i, j)) {
                        continue;
                    }
                    let mut row = Row {
                        kind: RowKind::Changed,
                        old: Some(Cell {
                            paragraphs: vec![i],
                            spans: vec![Span::new(SpanKind::Equal, false, ot)],
                        }),
                        new: Some(Cell {
                            paragraphs: vec![j],
                            spans: vec![Span::new(SpanKind::Equal, false, nt)],
                        }),
                        move_id: None,
                        cosmetic: false,
                    };
                    annotate_row(&mut row, old, new, &numbers, &mut found);
                    if !carries_formatting(&row) {
                        // What differs shows on no text (a block of only whitespace that
                        // became a heading): the pair stays in its equal run.
                        continue;
                    }
                    if k > from {
                        out.push(DiffBlock::Equal {
                            old: o.start + from..i,
                            new: n.start + from..j,
                        });
                    }
                    out.push(DiffBlock::Row(row));
                    from = k + 1;
                }
                if from < o.len() {
                    out.push(DiffBlock::Equal {
                        old: o.start + from..o.end,
                        new: n.start + from..n.end,
                    });
                }
            }
            DiffBlock::Row(mut row) => {
                annotate_row(&mut row, old, new, &numbers, &mut found);
                out.push(DiffBlock::Row(row));
            }
            // Inserted and deleted text carries no formatting change.
            other @ (DiffBlock::Deleted { .. } | DiffBlock::Inserted { .. }) => out.push(other),
        }
    }
    d.blocks = out;
    annotate_moves(d, old, new, &numbers, &mut found);
    d.stats.formatting_changes = found.len();
    d.formatting = found;
}

/// A moved paragraph's two ends are rows of their own (the source with its old cell, the
/// destination with its new cell); their equal spans pair up as a changed row's do.
fn annotate_moves<'a>(
    d: &mut Diff<'a>,
    old: &'a Document,
    new: &'a Document,
    numbers: &Numbers,
    found: &mut Vec<Formatting>,
) {
    if d.moves.is_empty() {
        return;
    }
    // Row index → block index, for the rows with a block of their own.
    let mut block_of = Vec::new();
    let mut row = 0;
    for (k, b) in d.blocks.iter().enumerate() {
        if let DiffBlock::Row(_) = b {
            block_of.push((row, k));
        }
        row += b.row_count();
    }
    let find =
        |r: usize| block_of.binary_search_by_key(&r, |&(row, _)| row).ok().map(|i| block_of[i].1);
    for m in d.moves.clone() {
        let (Some(src), Some(dst)) = (find(m.old_row), find(m.new_row)) else { continue };
        let take = |b: &mut DiffBlock<'a>, old_side: bool| match b {
            DiffBlock::Row(r) if old_side => r.old.take(),
            DiffBlock::Row(r) => r.new.take(),
            _ => None,
        };
        let (oc, nc) = (take(&mut d.blocks[src], true), take(&mut d.blocks[dst], false));
        let mut pair =
            Row { kind: RowKind::Moved, old: oc, new: nc, move_id: None, cosmetic: false };
        annotate_row(&mut pair, old, new, numbers, found);
        if let DiffBlock::Row(r) = &mut d.blocks[src] {
            r.old = pair.old;
        }
        if let DiffBlock::Row(r) = &mut d.blocks[dst] {
            r.new = pair.new;
        }
    }
}

/// One block of a document with the marks and embeds that start inside it.
struct InBlock<'d> {
    block: &'d Block,
    marks: &'d [super::Mark],
    embeds: &'d [Embed],
}

/// The blocks of one document in order with their marks and embeds, found by walking on from
/// the previous block's (searched for when a block comes before it): the unchanged pairs of
/// a diff come in order, and most blocks hold a few marks, fewer than a search's steps.
struct Walk<'d> {
    doc: &'d Document,
    /// Where the marks and embeds at or after `at` start.
    at: usize,
    mark: usize,
    embed: usize,
}

impl<'d> Walk<'d> {
    fn new(doc: &'d Document) -> Self {
        Walk { doc, at: 0, mark: 0, embed: 0 }
    }

    /// Block `i` (which must exist) with the marks and embeds that start inside it (each lies
    /// inside one block).
    fn block(&mut self, i: usize) -> InBlock<'d> {
        let (doc, block) = (self.doc, &self.doc.blocks[i]);
        let range = block.text.clone();
        if range.start < self.at {
            self.mark = doc.marks.partition_point(|m| m.text.start < range.start);
            self.embed = doc.embeds.partition_point(|e| e.at < range.start);
        }
        let (marks, embeds) = (&doc.marks, &doc.embeds);
        let mark_start = |m: &super::Mark| m.text.start;
        let from = step_past(marks, self.mark, range.start, mark_start);
        let to = step_past(marks, from, range.end, mark_start);
        let embed_from = step_past(embeds, self.embed, range.start, |e| e.at);
        let embed_to = step_past(embeds, embed_from, range.end, |e| e.at);
        (self.at, self.mark, self.embed) = (range.end, to, embed_to);
        InBlock { block, marks: &marks[from..to], embeds: &embeds[embed_from..embed_to] }
    }
}

/// The first index from `from` of `items` (sorted by `at`) whose `at` is `bound` or more.
fn step_past<T>(items: &[T], mut from: usize, bound: usize, at: impl Fn(&T) -> usize) -> usize {
    while from < items.len() && at(&items[from]) < bound {
        from += 1;
    }
    from
}

/// Whether two blocks with equal texts are formatted alike (`renumbered`: as
/// [`Numbers::renumbered`] has it for them).
fn same_formatting(a: InBlock<'_>, b: InBlock<'_>, renumbered: bool) -> bool {
    let (sa, sb) = (a.block.text.start, b.block.text.start);
    block_change(a.block, b.block, renumbered).is_none()
        && a.marks.len() == b.marks.len()
        && a.embeds.len() == b.embeds.len()
        && a.marks.iter().zip(b.marks).all(|(x, y)| {
            x.kind == y.kind
                && x.text.start - sa == y.text.start - sb
                && x.text.len() == y.text.len()
        })
        && a.embeds.iter().zip(b.embeds).all(|(x, y)| same_embed(x, y) && x.at - sa == y.at - sb)
}

fn embeds_in(doc: &Document, range: Range<usize>) -> &[Embed] {
    let from = doc.embeds.partition_point(|e| e.at < range.start);
    let to = doc.embeds.partition_point(|e| e.at < range.end);
    &doc.embeds[from..to.max(from)]
}

fn same_embed(a: &Embed, b: &Embed) -> bool {
    a.kind == b.kind && a.src == b.src && a.alt == b.alt
}

/// The block that text offset `at` lies in (or starts after the end of), if any.
fn block_at(doc: &Document, at: usize) -> Option<usize> {
    let i = doc.blocks.partition_point(|b| b.text.end < at);
    (i < doc.blocks.len()).then_some(i)
}

/// The change of block kind between the paragraph an equal span lies in on each side, as
/// [`annotate_row`] finds them: the blocks, the change's index in `found` (when their kinds
/// differ), whether a span carries it.
struct BlockPair {
    blocks: (Option<usize>, Option<usize>),
    id: Option<usize>,
    used: bool,
}

/// Marks the formatting changes of one row with both cells: its equal spans pairwise, then a
/// change of block kind (heading level, list, quote) between the paragraphs each pair of equal
/// spans lies in, on their remaining equal text. A 1:1 row has one such pair of paragraphs; a
/// split or merged row one per paragraph of its longer side (a paragraph split into a heading
/// and a paragraph: "paragraph → heading 2" on the heading's equal words).
fn annotate_row<'a>(
    row: &mut Row<'a>,
    old: &'a Document,
    new: &'a Document,
    numbers: &Numbers,
    found: &mut Vec<Formatting>,
) {
    let (Some(oc), Some(nc)) = (row.old.as_mut(), row.new.as_mut()) else { return };
    let mut pair: Option<BlockPair> = None;
    // Block changes no span carries: (index in `found`, end of its pair's records).
    let mut unused: Vec<(usize, usize)> = Vec::new();
    let mut finish_pair = |pair: Option<BlockPair>, found: &Vec<Formatting>| {
        if let Some(BlockPair { id: Some(id), used: false, .. }) = pair {
            unused.push((id, found.len()));
        }
    };
    let (mut os, mut ns) = (Vec::with_capacity(oc.spans.len()), Vec::with_capacity(nc.spans.len()));
    let (mut oi, mut ni) = (0, 0);
    loop {
        // Copy what comes before the next equal span on each side.
        while oi < oc.spans.len() && oc.spans[oi].kind != SpanKind::Equal {
            os.push(oc.spans[oi]);
            oi += 1;
        }
        while ni < nc.spans.len() && nc.spans[ni].kind != SpanKind::Equal {
            ns.push(nc.spans[ni]);
            ni += 1;
        }
        let (Some(a), Some(b)) = (oc.spans.get(oi).copied(), nc.spans.get(ni).copied()) else {
            break;
        };
        (oi, ni) = (oi + 1, ni + 1);
        let (ao, bo) = (offset(a.text, &old.text), offset(b.text, &new.text));
        let blocks = (block_at(old, ao), block_at(new, bo));
        if pair.as_ref().is_none_or(|p| p.blocks != blocks) {
            finish_pair(pair.take(), found);
            let change = match blocks {
                (Some(i), Some(j)) => {
                    block_change(&old.blocks[i], &new.blocks[j], numbers.renumbered(i, j))
                }
                _ => None,
            };
            let id = change.map(|f| {
                found.push(f);
                found.len() - 1
            });
            pair = Some(BlockPair { blocks, id, used: false });
        }
        let block_id = pair.as_ref().and_then(|p| p.id);
        let mut used_block = false;
        let pieces = if a.text.len() == b.text.len() {
            inline_changes(old, ao, new, bo, a.text.len(), found)
        } else {
            Vec::new()
        };
        let mut at = 0;
        let mut push = |from: usize, to: usize, id: Option<usize>| {
            if to > from {
                used_block |= id.is_some() && id == block_id;
                let (ta, tb) = (&a.text[from..to], &b.text[from..to]);
                os.push(Span {
                    formatting: id.map(FormattingId::new),
                    ..Span::new(SpanKind::Equal, false, ta)
                });
                ns.push(Span {
                    formatting: id.map(FormattingId::new),
                    ..Span::new(SpanKind::Equal, false, tb)
                });
            }
        };
        // Between the stretches whose marks changed, the block's change (on text with ink).
        let block_on = |text: &str| block_id.filter(|_| has_ink(text));
        for (r, id) in pieces {
            push(at, r.start, block_on(&a.text[at..r.start]));
            push(r.start, r.end, Some(id));
            at = r.end;
        }
        push(at, a.text.len(), block_on(&a.text[at..]));
        if let Some(p) = pair.as_mut() {
            p.used |= used_block;
        }
    }
    finish_pair(pair, found);
    os.extend_from_slice(&oc.spans[oi..]);
    ns.extend_from_slice(&nc.spans[ni..]);
    // Last first, so that the indices of the earlier ones still hold.
    for &(id, end) in unused.iter().rev() {
        // No span carries the block's change: every word changed (a word change, not
        // formatting), or every equal word's marks changed too, whose descriptions then name it.
        let block = found.remove(id);
        for f in &mut found[id..end - 1] {
            f.description = [&f.description, "; ", &block.description].concat();
        }
        for s in os.iter_mut().chain(ns.iter_mut()) {
            s.formatting =
                s.formatting
                    .map(|f| if f.index() > id { FormattingId::new(f.index() - 1) } else { f });
        }
    }
    oc.spans = os;
    nc.spans = ns;
}

/// Whether a span of `row` carries a formatting change.
fn carries_formatting(row: &Row<'_>) -> bool {
    [&row.old, &row.new]
        .into_iter()
        .flatten()
        .any(|c| c.spans.iter().any(|s| s.formatting.is_some()))
}

fn has_ink(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace())
}

/// The mark kinds other than links, in [`FormattingKind`]'s order, with their names.
const MARKS: [(&str, FormattingKind); 8] = [
    ("bold", FormattingKind::Bold),
    ("italic", FormattingKind::Italic),
    ("underline", FormattingKind::Underline),
    ("strikethrough", FormattingKind::Strike),
    ("code", FormattingKind::Code),
    ("subscript", FormattingKind::Subscript),
    ("superscript", FormattingKind::Superscript),
    ("highlight", FormattingKind::Highlight),
];

/// One side's formatting at a character: the marks covering it (a bit per entry of [`MARKS`]),
/// its link (`Some(None)`: a link without a safe target) and the embed it is.
struct Style<'d> {
    marks: u8,
    link: Option<&'d Option<String>>,
    embed: Option<&'d Embed>,
}

impl PartialEq for Style<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Embeds compare by what they show, not where they sit.
        self.marks == other.marks
            && self.link == other.link
            && match (self.embed, other.embed) {
                (Some(a), Some(b)) => same_embed(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

fn style_at<'d>(doc: &'d Document, at: usize, marks: &'d [super::Mark]) -> Style<'d> {
    let mut style = Style { marks: 0, link: None, embed: None };
    for m in marks.iter().filter(|m| m.text.start <= at && at < m.text.end) {
        match (&m.kind, m.kind.bit()) {
            (MarkKind::Link(target), _) => style.link = Some(target),
            (_, Some(bit)) => style.marks |= 1 << bit,
            (_, None) => {}
        }
    }
    style.embed = doc.embeds.binary_search_by(|e| e.at.cmp(&at)).ok().map(|k| &doc.embeds[k]);
    style
}

/// The stretches of two equal texts (`len` bytes at `ao` in `old`, at `bo` in `new`) whose
/// formatting differs, trimmed of whitespace, each with its new [`Formatting`]'s index.
fn inline_changes<'d>(
    old: &'d Document,
    ao: usize,
    new: &'d Document,
    bo: usize,
    len: usize,
    found: &mut Vec<Formatting>,
) -> Vec<(Range<usize>, usize)> {
    let (am, bm) = (marks_over(old, ao..ao + len), marks_over(new, bo..bo + len));
    let (ae, be) = (embeds_in(old, ao..ao + len), embeds_in(new, bo..bo + len));
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    if am.is_empty() && bm.is_empty() && ae.is_empty() && be.is_empty() {
        return out;
    }
    // The same marks (each clipped to the span) and embeds on both sides format every
    // character alike: nothing differs, found in one pass (most equal spans).
    let clipped = |marks: &'d [super::Mark], base: usize| {
        marks.iter().filter_map(move |m| {
            let (start, end) = (m.text.start.max(base), m.text.end.min(base + len));
            // Lazily: a mark that ends before the span would underflow `end - base`.
            (start < end).then(|| (&m.kind, start - base, end - base))
        })
    };
    if clipped(am, ao).eq(clipped(bm, bo))
        && ae.len() == be.len()
        && ae.iter().zip(be).all(|(x, y)| same_embed(x, y) && x.at - ao == y.at - bo)
    {
        return out;
    }
    // Every place the formatting may change, relative to the span, in order (sorted: a span
    // holds far fewer mark boundaries than bytes).
    let mut cuts = Vec::with_capacity(2 * (am.len() + bm.len() + ae.len() + be.len()) + 1);
    let at = |x: usize, base: usize| x.saturating_sub(base).min(len);
    for (marks, base) in [(am, ao), (bm, bo)] {
        cuts.extend(marks.iter().flat_map(|m| [at(m.text.start, base), at(m.text.end, base)]));
    }
    for (embeds, base) in [(ae, ao), (be, bo)] {
        cuts.extend(embeds.iter().flat_map(|e| [at(e.at, base), at(e.at + 3, base)]));
    }
    cuts.push(len);
    cuts.sort_unstable();
    cuts.dedup();
    let text = &old.text[ao..ao + len];
    let mut last: Option<(Style<'_>, Style<'_>)> = None;
    let mut from = 0;
    for to in cuts.into_iter().filter(|&to| to > 0) {
        let piece = text.get(from..to).unwrap_or_default();
        let start = from;
        from = to;
        let Some(ink) = piece.find(|c: char| !c.is_whitespace()) else { continue };
        let (sa, sb) = (style_at(old, ao + start + ink, am), style_at(new, bo + start + ink, bm));
        if sa == sb {
            last = None;
            continue;
        }
        let end = start + piece.trim_end().len();
        // Pieces cut only by the other side's boundaries, or by whitespace, are one stretch.
        match (&last, out.last_mut()) {
            (Some((la, lb)), Some((r, _))) if *la == sa && *lb == sb => r.end = end,
            _ => {
                found.push(describe(&sa, &sb));
                out.push((start + ink..end, found.len() - 1));
            }
        }
        last = Some((sa, sb));
    }
    out
}

/// The marks that may overlap `range`: those of the block `range` starts in, and later ones
/// that start before its end (marks are sorted by start and each lies inside one block).
fn marks_over(doc: &Document, range: Range<usize>) -> &[super::Mark] {
    let b = doc.blocks.partition_point(|b| b.text.end <= range.start);
    let block_start = doc.blocks.get(b).map_or(range.start, |b| b.text.start.min(range.start));
    let from = doc.marks.partition_point(|m| m.text.start < block_start);
    let to = doc.marks.partition_point(|m| m.text.start < range.end);
    &doc.marks[from..to.max(from)]
}

/// `url` whole, or its start and end around "…" when long.
fn quoted(url: &str) -> String {
    let n = url.chars().count();
    if n <= QUOTED_CHARS {
        return url.to_owned();
    }
    let half = QUOTED_CHARS / 2;
    let head: String = url.chars().take(half).collect();
    let tail: String = url.chars().skip(n - half).collect();
    format!("{head}…{tail}")
}

/// The change from `a` to `b` (which differ), described.
fn describe(a: &Style<'_>, b: &Style<'_>) -> Formatting {
    let mut description = String::new();
    let mut first: Option<(FormattingKind, FormattingChange, Option<String>, Option<String>)> =
        None;
    let mut note = |kind, change, text: &str, old: Option<String>, new: Option<String>| {
        first.get_or_insert((kind, change, old, new));
        if !description.is_empty() {
            description.push_str(", ");
        }
        description.push_str(text);
    };
    // What was removed, then what was added: "italic removed, bold added".
    for (from, to, change, verb) in [
        (a.marks, b.marks, FormattingChange::Removed, " removed"),
        (b.marks, a.marks, FormattingChange::Added, " added"),
    ] {
        for (bit, (name, kind)) in MARKS.iter().enumerate() {
            if from >> bit & 1 != 0 && to >> bit & 1 == 0 {
                note(*kind, change, &[name, verb].concat(), None, None);
            }
        }
    }
    let target = |t: &Option<String>| t.as_deref().map_or_else(|| "(no target)".to_owned(), quoted);
    match (a.link, b.link) {
        (Some(x), Some(y)) if x != y => {
            let text = ["link target changed: ", &target(x), " → ", &target(y)].concat();
            note(FormattingKind::Link, FormattingChange::Changed, &text, x.clone(), y.clone());
        }
        (Some(x), None) => note(
            FormattingKind::Link,
            FormattingChange::Removed,
            &["link removed: ", &target(x)].concat(),
            x.clone(),
            None,
        ),
        (None, Some(y)) => note(
            FormattingKind::Link,
            FormattingChange::Added,
            &["link added: ", &target(y)].concat(),
            None,
            y.clone(),
        ),
        _ => {}
    }
    if let (Some(x), Some(y)) = (a.embed, b.embed) {
        let what = embed_name(y.kind);
        if x.kind != y.kind {
            note(
                FormattingKind::Embed,
                FormattingChange::Changed,
                &[embed_name(x.kind), " → ", what].concat(),
                None,
                None,
            );
        }
        if x.src != y.src {
            let text =
                [what, " source changed: ", &target(&x.src), " → ", &target(&y.src)].concat();
            note(
                FormattingKind::Embed,
                FormattingChange::Changed,
                &text,
                x.src.clone(),
                y.src.clone(),
            );
        }
        if x.alt != y.alt {
            let text =
                [what, " description changed: “", &quoted(&x.alt), "” → “", &quoted(&y.alt), "”"]
                    .concat();
            note(
                FormattingKind::Embed,
                FormattingChange::Changed,
                &text,
                Some(x.alt.clone()),
                Some(y.alt.clone()),
            );
        }
    }
    let (kind, change, old, new) =
        first.unwrap_or((FormattingKind::Embed, FormattingChange::Changed, None, None));
    Formatting { kind, change, description, old, new }
}

fn embed_name(kind: EmbedKind) -> &'static str {
    match kind {
        EmbedKind::Image => "image",
        EmbedKind::Video => "video",
        EmbedKind::Audio => "audio",
        EmbedKind::Frame => "embedded frame",
        EmbedKind::Object => "embedded object",
        EmbedKind::Svg => "drawing",
    }
}

/// What block `a` is, for people: "heading 2", "numbered list item", "quoted paragraph".
fn block_name(b: &Block) -> String {
    let base = match b.kind {
        BlockKind::Heading(n) => format!("heading {n}"),
        BlockKind::Preformatted => "code block".into(),
        BlockKind::Term => "term".into(),
        BlockKind::Description => "description".into(),
        BlockKind::Caption => "caption".into(),
        BlockKind::TableCell { header: true } => "table header cell".into(),
        BlockKind::TableCell { header: false } => "table cell".into(),
        _ => match b.list {
            Some(l) if l.ordered => "numbered list item".into(),
            Some(_) => "bulleted list item".into(),
            None => "paragraph".into(),
        },
    };
    let base = match (b.kind, b.list) {
        (BlockKind::Paragraph, _) | (_, None) => base,
        (_, Some(l)) => {
            format!("{base} in a {} list", if l.ordered { "numbered" } else { "bulleted" })
        }
    };
    if b.quote_depth > 0 {
        format!("quoted {base}")
    } else {
        base
    }
}

/// How block `a` became block `b`, if its kind, list or quote changed, or (`renumbered`, see
/// [`Numbers`]) its list item's number was set differently.
fn block_change(a: &Block, b: &Block, renumbered: bool) -> Option<Formatting> {
    let list = |x: &Block| x.list.map(|l| (l.ordered, l.depth));
    if a.kind == b.kind && a.quote_depth == b.quote_depth && list(a) == list(b) {
        let number = |x: &Block| x.list.and_then(|l| l.number).map(|n| n.to_string());
        // A number a reader sees unchanged is no change, whatever set it.
        let (true, Some(na), Some(nb)) = (renumbered, number(a), number(b)) else {
            return None;
        };
        if na == nb {
            return None;
        }
        return Some(Formatting {
            kind: FormattingKind::Block,
            change: FormattingChange::Changed,
            description: format!("item number {na} → {nb}"),
            old: Some(na),
            new: Some(nb),
        });
    }
    let (na, nb) = (block_name(a), block_name(b));
    let description = match (a.list, b.list) {
        (Some(x), Some(y)) if na == nb && x.depth < y.depth => "list item indented".to_owned(),
        (Some(x), Some(y)) if na == nb && x.depth > y.depth => "list item outdented".to_owned(),
        _ if na == nb && a.quote_depth < b.quote_depth => "quoted more deeply".to_owned(),
        _ if na == nb => "quoted less deeply".to_owned(),
        _ => format!("{na} → {nb}"),
    };
    Some(Formatting {
        kind: FormattingKind::Block,
        change: FormattingChange::Changed,
        description,
        old: Some(na),
        new: Some(nb),
    })
}

/// How a numbered list item's number follows from its list: what an author set (`<ol start>`,
/// `<li value>`, the first number of a Markdown list) rather than what counting gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// The first item of its list: its number less the one a list starts at unless told (1,
    /// or its count of items when it counts down).
    First(i64),
    /// A later item: its number less the number of the item before it (1 when counted on,
    /// −1 in a list that counts down).
    Step(i64),
}

/// The [`Numbering`] of the first block of each numbered list item of both documents. Numbers
/// themselves are not compared: an item inserted above renumbers every later one, which
/// is not a change to them. What is compared is what set them: a list's first number and each
/// later item's step from the one before, so a changed `start` flags the first item and a
/// changed `value` the item that carries it.
struct Numbers {
    old: Vec<Option<Numbering>>,
    new: Vec<Option<Numbering>>,
}

impl Numbers {
    /// Whether block `i` of the old document and block `j` of the new one (each the first
    /// block of a numbered item, in the same place of their lists) were numbered differently.
    fn renumbered(&self, i: usize, j: usize) -> bool {
        match (self.old.get(i).copied().flatten(), self.new.get(j).copied().flatten()) {
            (Some(Numbering::First(a)), Some(Numbering::First(b)))
            | (Some(Numbering::Step(a)), Some(Numbering::Step(b))) => a != b,
            // One side's first item is the other's later one: items before it came or went.
            _ => false,
        }
    }
}

/// The [`Numbering`] of each block (`None` but for the first block of a numbered item); empty
/// for a document without numbered items. A list runs while its items follow at its depth;
/// a block outside every list, or an item of another kind of list at its depth, ends it.
fn numbering(doc: &Document) -> Vec<Option<Numbering>> {
    if !doc.blocks.iter().any(|b| b.list.is_some_and(|l| l.number.is_some())) {
        return Vec::new();
    }
    /// A list still open: its depth, whether ordered, its first item's block, the last
    /// number, its items and the step of its second item.
    struct Open {
        depth: u32,
        ordered: bool,
        first: usize,
        last: Option<i64>,
        items: i64,
        second_step: Option<i64>,
    }
    let mut out: Vec<Option<Numbering>> = vec![None; doc.blocks.len()];
    let close = |out: &mut Vec<Option<Numbering>>, list: Open| {
        if let Some(Numbering::First(n)) = out[list.first] {
            let default = if list.second_step == Some(-1) { list.items } else { 1 };
            out[list.first] = Some(Numbering::First(n.saturating_sub(default)));
        }
    };
    let mut open: Vec<Open> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let Some(item) = block.list else {
            open.drain(..).rev().for_each(|list| close(&mut out, list));
            continue;
        };
        while let Some(top) = open.pop() {
            if top.depth > item.depth || (top.depth == item.depth && top.ordered != item.ordered) {
                close(&mut out, top);
            } else {
                open.push(top);
                break;
            }
        }
        if !item.first {
            continue; // a later block of an item already seen
        }
        match open.last_mut().filter(|top| top.depth == item.depth) {
            Some(top) => {
                if let (Some(last), Some(n)) = (top.last, item.number) {
                    let step = n.saturating_sub(last);
                    out[i] = Some(Numbering::Step(step));
                    if top.items == 1 {
                        top.second_step = Some(step);
                    }
                }
                top.last = item.number;
                top.items += 1;
            }
            None => {
                out[i] = item.number.map(Numbering::First);
                open.push(Open {
                    depth: item.depth,
                    ordered: item.ordered,
                    first: i,
                    last: item.number,
                    items: 1,
                    second_step: None,
                });
            }
        }
    }
    open.drain(..).rev().for_each(|list| close(&mut out, list));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{read, Markup};
    use crate::model::Op;

    fn html(s: &str) -> Document {
        read(s, Markup::Html).unwrap()
    }

    /// Every span of every row with a formatting change: (side, text, description).
    fn formatted<'a>(d: &'a Diff<'_>) -> Vec<(&'static str, String, &'a str)> {
        let mut out = Vec::new();
        for row in d.rows() {
            for (side, cell) in [("old", &row.old), ("new", &row.new)] {
                for s in cell.iter().flat_map(|c| &c.spans) {
                    if let Some(f) = s.formatting {
                        out.push((
                            side,
                            s.text.to_owned(),
                            d.formatting[f.index()].description.as_str(),
                        ));
                    }
                }
            }
        }
        out
    }

    fn rebuilds(d: &Diff<'_>, old: &Document, new: &Document) {
        let o: String = d.edits.iter().filter(|e| e.op != Op::Insert).map(|e| e.text).collect();
        let n: String = d.edits.iter().filter(|e| e.op != Op::Delete).map(|e| e.text).collect();
        assert_eq!(o, old.text);
        assert_eq!(n, new.text);
    }

    #[test]
    fn a_changed_link_target_on_equal_text_is_formatting() {
        let old = html(r#"<p>See <a href="https://a.example/quuz">the docs</a> now.</p>"#);
        let new = html(r#"<p>See <a href="https://a.example/whee">the docs</a> now.</p>"#);
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.stats.formatting_changes, 1);
        assert_eq!(d.stats.words_inserted + d.stats.words_deleted, 0);
        let f = formatted(&d);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0],
            (
                "old",
                "the docs".into(),
                "link target changed: https://a.example/quuz → https://a.example/whee"
            )
        );
        assert_eq!(d.formatting[0].kind, FormattingKind::Link);
        assert_eq!(d.formatting[0].old.as_deref(), Some("https://a.example/quuz"));
        assert_eq!(d.row_count(), 1);
        rebuilds(&d, &old, &new);
    }

    #[test]
    fn emphasis_swapped_for_strong_names_both() {
        let old = html("<p>Hello <em>again</em>, world</p>");
        let new = html("<p>Hello <strong>again</strong>, world</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(formatted(&d)[1], ("new", "again".into(), "italic removed, bold added"));
        assert_eq!(d.formatting[0].kind, FormattingKind::Italic);
        assert_eq!(d.formatting[0].change, FormattingChange::Removed);
    }

    #[test]
    fn whitespace_never_carries_formatting() {
        let old = html("<p>one two three</p>");
        let new = html("<p>one <b>two three</b> four</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        // "four" is inserted; "two three" was made bold; the space before it is not.
        assert_eq!(
            formatted(&d),
            [("old", "two three".into(), "bold added"), ("new", "two three".into(), "bold added")]
        );
        assert_eq!(d.stats.words_inserted, 1);
        rebuilds(&d, &old, &new);
    }

    #[test]
    fn a_change_on_no_text_leaves_the_paragraphs_equal() {
        // WordPress's spacer paragraphs: a heading of only a no-break space shows no change.
        let old = html("<p>Intro</p><p>&nbsp;</p><p>Body text.</p>");
        let new = html("<p>Intro</p><h2>&nbsp;</h2><p>Body text.</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.formatting, []);
        assert!(
            matches!(&d.blocks[..], [DiffBlock::Equal { old, new }] if old.len() == 3 && new.len() == 3)
        );
        assert!(d.rows().all(|r| r.kind == RowKind::Equal));
        rebuilds(&d, &old, &new);
    }

    #[test]
    fn a_heading_level_changed_marks_the_paragraph_once() {
        let old = html("<h2>Intro</h2><p>Body text.</p>");
        let new = html("<h3>Intro</h3><p>Body text.</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.stats.formatting_changes, 1);
        assert_eq!(formatted(&d)[0], ("old", "Intro".into(), "heading 2 → heading 3"));
        assert_eq!(d.blocks.len(), 2);
        assert!(matches!(d.blocks[1], DiffBlock::Equal { .. }));
    }

    #[test]
    fn a_paragraph_turned_into_a_list_item_and_indented() {
        let old = html("<p>Milk</p><ul><li>Eggs</li></ul>");
        let new = html("<ul><li>Milk<ul><li>Eggs</li></ul></li></ul>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        let f: Vec<_> = formatted(&d).into_iter().filter(|f| f.0 == "new").map(|f| f.2).collect();
        assert_eq!(f, ["paragraph → bulleted list item", "list item indented"]);
    }

    /// The new side's formatting changes: (text, description).
    fn new_formatting(old: &Document, new: &Document) -> Vec<(String, String)> {
        let d = diff_documents(old, new, &Options::default()).unwrap();
        rebuilds(&d, old, new);
        formatted(&d).into_iter().filter(|f| f.0 == "new").map(|f| (f.1, f.2.to_owned())).collect()
    }

    #[test]
    fn an_item_inserted_above_renumbers_without_flagging_the_items_below() {
        let old = html("<ol><li>one</li><li>two</li><li>three</li></ol>");
        let new = html("<ol><li>zero</li><li>one</li><li>two</li><li>three</li></ol>");
        assert_eq!(new_formatting(&old, &new), []);
        // The first item deleted: the second becomes the first, numbered 1 as before it was 2.
        let new = html("<ol><li>two</li><li>three</li></ol>");
        assert_eq!(new_formatting(&old, &new), []);
        // A list counting down gains an item: every number moves, none was set differently.
        let old = html("<ol reversed><li>one</li><li>two</li></ol>");
        let new = html("<ol reversed><li>one</li><li>two</li><li>three</li></ol>");
        assert_eq!(new_formatting(&old, &new), []);
        let new = html("<ol reversed><li>zero</li><li>one</li><li>two</li></ol>");
        assert_eq!(new_formatting(&old, &new), []);
    }

    #[test]
    fn a_changed_start_flags_the_first_item_only() {
        let old = html("<ol start=3><li>one</li><li>two</li></ol>");
        let new = html("<ol start=4><li>one</li><li>two</li></ol>");
        assert_eq!(new_formatting(&old, &new), [("one".into(), "item number 3 → 4".into())]);
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.stats.formatting_changes, 1);
        assert_eq!(d.formatting[0].old.as_deref(), Some("3"));
        assert_eq!(d.formatting[0].new.as_deref(), Some("4"));
        // A start added where counting gave the same number changes nothing a reader sees.
        let new = html("<ol start=1><li>one</li><li>two</li></ol>");
        let plain = html("<ol><li>one</li><li>two</li></ol>");
        assert_eq!(new_formatting(&plain, &new), []);
        // Counting down instead of up: every later item's step changed.
        let new = html("<ol reversed start=3><li>one</li><li>two</li></ol>");
        assert_eq!(new_formatting(&old, &new), [("two".into(), "item number 4 → 2".into())]);
    }

    #[test]
    fn a_changed_value_flags_the_item_that_carries_it() {
        let old = html("<ol><li>a</li><li>b</li><li>c</li></ol>");
        let new = html("<ol><li>a</li><li value=7>b</li><li>c</li></ol>");
        assert_eq!(new_formatting(&old, &new), [("b".into(), "item number 2 → 7".into())]);
    }

    #[test]
    fn a_numbered_list_turned_bulleted_is_a_block_change() {
        let old = html("<ol><li>a</li><li>b</li></ol>");
        let new = html("<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            new_formatting(&old, &new),
            [
                ("a".into(), "numbered list item → bulleted list item".into()),
                ("b".into(), "numbered list item → bulleted list item".into())
            ]
        );
        // A nested list's numbers are its own: the outer item before it is not renumbered.
        let old = html("<ol><li>a<ol><li>x</li></ol></li><li>b</li></ol>");
        let new = html("<ol><li>a<ol start=5><li>x</li></ol></li><li>b</li></ol>");
        assert_eq!(new_formatting(&old, &new), [("x".into(), "item number 1 → 5".into())]);
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_markdown_list_flags_its_first_number_only() {
        let md = |s: &str| read(s, Markup::Markdown).unwrap();
        // Only the first number of a Markdown list counts; the others are the author's typing.
        assert_eq!(new_formatting(&md("1. a\n2. b\n"), &md("1. a\n1. b\n")), []);
        assert_eq!(
            new_formatting(&md("3. a\n4. b\n"), &md("4. a\n5. b\n")),
            [("a".into(), "item number 3 → 4".into())]
        );
    }

    #[test]
    fn text_that_changed_is_a_word_change_whatever_its_formatting() {
        let old = html("<p>alpha beta</p>");
        let new = html("<h2>gamma delta</h2>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.stats.formatting_changes, 0);
        assert!(d.formatting.is_empty());
        assert!(formatted(&d).is_empty());
    }

    #[test]
    fn line_breaks_and_blank_lines_inside_a_block_do_not_split_it() {
        let old = html("<pre>a\n\nb</pre><p>x<br>y</p><p>&nbsp;</p>");
        let new = html("<pre>a\n\nb!</pre><p>x<br>y</p><p>&nbsp;</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.old_paragraphs.len(), 3);
        for (p, b) in d.old_paragraphs.iter().zip(&old.blocks) {
            assert_eq!(p.byte_start..p.byte_end, b.text);
        }
        assert_eq!(d.stats.paragraphs_changed, 1);
        rebuilds(&d, &old, &new);
    }

    #[test]
    fn a_block_change_whose_words_all_changed_marks_stays_with_them() {
        let old = html("<p>Intro <a href=/a>x</a></p><p>x</p>");
        let new = html("<h2>Intro <a href=/b>x</a></h2><p>x</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(descriptions_of(&d), ["paragraph → heading 2", "link target changed: /a → /b"]);
        let old = html("<p><b>Intro</b></p>");
        let new = html("<h2>Intro</h2>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(descriptions_of(&d), ["bold removed; paragraph → heading 2"]);
        assert!(formatted(&d).iter().all(|f| f.2 == "bold removed; paragraph → heading 2"));
    }

    fn descriptions_of(d: &Diff<'_>) -> Vec<String> {
        d.formatting.iter().map(|f| f.description.clone()).collect()
    }

    #[test]
    fn an_image_source_change_is_described() {
        let old = html(r#"<p>Look <img src="a.png" alt="cat"> here</p>"#);
        let new = html(r#"<p>Look <img src="b.png" alt="cat"> here</p>"#);
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(formatted(&d)[0].2, "image source changed: a.png → b.png");
    }

    #[test]
    fn equal_documents_have_no_changes() {
        let doc = html("<h1>T</h1><p>A <b>b</b> <a href=/x>c</a></p>");
        let d = diff_documents(&doc, &doc, &Options::default()).unwrap();
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.stats.formatting_changes, 0);
    }

    #[test]
    fn a_paragraph_split_into_a_heading_and_a_paragraph_flags_the_heading() {
        let body = "the quick brown fox jumps over the lazy dog while the cat sleeps on the mat";
        let old = html(&format!("<p>Results of the annual survey. {body}.</p>"));
        let new = html(&format!("<h2>Results of the annual survey.</h2><p>{body}.</p>"));
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.stats.paragraphs_split, 1, "{:?}", d.blocks);
        assert_eq!(descriptions_of(&d), ["paragraph → heading 2"]);
        let f = formatted(&d);
        assert!(f.contains(&(
            "new",
            "Results of the annual survey.".into(),
            "paragraph → heading 2"
        )));
        // The paragraph that stayed a paragraph carries nothing.
        assert!(f.iter().all(|(_, text, _)| !text.contains("quick")), "{f:?}");
        rebuilds(&d, &old, &new);
        // Merged back: the change the other way.
        let d = diff_documents(&new, &old, &Options::default()).unwrap();
        assert_eq!(d.stats.paragraphs_merged, 1);
        assert_eq!(descriptions_of(&d), ["heading 2 → paragraph"]);
    }

    #[test]
    fn a_split_whose_parts_keep_their_kind_has_no_formatting_change() {
        let old = html("<p>One two three four five six. Seven eight nine ten eleven twelve.</p>");
        let new =
            html("<p>One two three four five six.</p><p>Seven eight nine ten eleven twelve.</p>");
        let d = diff_documents(&old, &new, &Options::default()).unwrap();
        assert_eq!(d.stats.paragraphs_split, 1);
        assert_eq!(d.stats.formatting_changes, 0);
    }

    #[test]
    fn the_engine_text_is_the_visible_text_unless_a_block_holds_a_line_break() {
        let plain = html("<p>One <b>two</b></p><ul><li>three</li></ul>");
        assert!(matches!(engine_text(&plain), Cow::Borrowed(t) if t == plain.text));
        let long = "<p>a first paragraph</p><p>then a second one</p><h2>and a heading</h2>";
        let long = html(long);
        assert!(matches!(engine_text(&long), Cow::Borrowed(t) if t == long.text));
        for source in [
            "<p>x<br>y</p>",
            "<pre>a\n\nb</pre>",
            "<p>a</p><p>&nbsp;</p>",
            "<p>a first paragraph</p><p>then a<br>second one</p><h2>and a heading</h2>",
            "<p>a first paragraph</p><p>then a second one</p><pre>and\ncode</pre>",
        ] {
            let doc = html(source);
            let engine = engine_text(&doc);
            assert!(matches!(engine, Cow::Owned(_)), "{source}");
            assert_eq!(engine.len(), doc.text.len());
            assert_ne!(engine, doc.text, "{source}");
        }
    }

    #[test]
    fn line_breaks_are_counted_eight_bytes_a_step_as_one_at_a_time() {
        let text = "ab\ncd\r\n\u{e9}\u{2028}x\n\n\ryz\u{1F600}\n\u{10a}\u{d0a}";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let bytes = &text.as_bytes()[from..to];
                let one_by_one = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
                assert_eq!(line_breaks(bytes), one_by_one, "{from}..{to}");
            }
        }
    }

    #[test]
    fn the_walk_gives_each_block_the_marks_and_embeds_that_start_in_it_in_any_order() {
        let doc = html(concat!(
            "<p><b>a</b> b <a href='/x'>c</a><img src='i.png' alt='i'></p><p>plain</p>",
            "<h2><i>d</i> <code>e</code></h2><ul><li><s>f</s></li><li>g <img src='j.png'></li></ul>",
            "<p><u>h</u><sub>i</sub></p>"
        ));
        let expected = |i: usize| {
            let r = doc.blocks[i].text.clone();
            let marks: Vec<_> = doc.marks.iter().filter(|m| r.contains(&m.text.start)).collect();
            let embeds: Vec<_> = doc.embeds.iter().filter(|e| r.contains(&e.at)).collect();
            (marks, embeds)
        };
        let n = doc.blocks.len();
        assert!(n >= 5 && doc.marks.len() >= 7 && doc.embeds.len() == 2);
        let orders =
            [(0..n).collect::<Vec<_>>(), (0..n).rev().collect(), vec![1, 1, 4, 0, 3, 3, 2]];
        for order in orders {
            let mut walk = Walk::new(&doc);
            for &i in &order {
                let got = walk.block(i);
                assert_eq!(
                    (got.marks.iter().collect::<Vec<_>>(), got.embeds.iter().collect::<Vec<_>>()),
                    expected(i),
                    "block {i} in {order:?}"
                );
            }
        }
    }

    #[test]
    fn a_document_the_reader_could_not_make_is_an_error() {
        let mut doc = html("<p>a</p><p>b</p>");
        doc.blocks[1].text = 1..3;
        let e = diff_documents(&doc, &doc, &Options::default()).unwrap_err();
        assert!(matches!(e, Error::InvalidDocument { side: Side::Old, .. }), "{e}");
        let mut doc = html("<p>a <b>b</b></p>");
        doc.marks[0].text = 0..40;
        assert!(matches!(
            diff_documents(&doc, &doc, &Options::default()),
            Err(Error::InvalidDocument { .. })
        ));
    }
}
