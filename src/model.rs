//! The diff model: everything a renderer needs, computed once by the core.
//!
//! A renderer draws [`Diff::blocks`] top to bottom and never computes anything itself: which
//! rows are moves, where a move's other end is, what is cosmetic and the counts for a summary
//! bar are all facts stored here.
//!
//! # Blocks and rows
//!
//! The model's size follows the changes, not the paragraphs. A run of unchanged paragraphs is
//! one [`Block::Equal`] (its paragraph ranges on both sides), a run of deleted paragraphs one
//! [`Block::Deleted`] and a run of inserted ones one [`Block::Inserted`] (each paragraph a row
//! whose one cell is the paragraph, whole); every other row with a change (changed, split,
//! merged, moved) is a full [`Block::Row`] with its cells and spans. A ~2 MB document with
//! 16,000 paragraphs and 20 edited words is a few dozen blocks, and so is a text replaced by
//! another of a million short lines.
//!
//! ```text
//!  blocks                                   rows (Diff::rows, Move::old_row / new_row)
//!  Equal { old: 0..3, new: 0..3 }     ─►    0 equal  old 0 │ new 0
//!                                           1 equal  old 1 │ new 1
//!                                           2 equal  old 2 │ new 2
//!  Row(changed, old [3], new [3])     ─►    3 changed old 3 │ new 3
//!  Equal { old: 4..6, new: 4..6 }     ─►    4 equal  old 4 │ new 4
//!                                           5 equal  old 5 │ new 5
//! ```
//!
//! Rows are still the unit of indexing: row `r` is the `r`-th row [`Diff::rows`] yields, each
//! unchanged paragraph pair counting as one [`RowKind::Equal`] row, exactly as when the model
//! stored every row. [`Move::old_row`] and [`Move::new_row`] are such indices, and
//! [`Diff::row`] builds one row from its index.
//!
//! All text in the model borrows from the two inputs (`&'a str`), so building it copies no
//! article text. Offsets are **bytes** into the inputs ([`Paragraph::byte_start`]); the wasm
//! binding converts them to UTF-16 code units once.
//!
//! Invariants (checked by the property tests in `tests/properties.rs`):
//! * the texts of [`Op::Equal`] and [`Op::Delete`] edits, joined, are the old text exactly, and
//!   those of [`Op::Equal`] and [`Op::Insert`] the new text exactly;
//! * every paragraph of each side sits in exactly one row cell;
//! * an equal block pairs paragraphs that are byte for byte the same, its two ranges are as
//!   long as each other and never empty, and two equal blocks are never adjacent; a row block
//!   is never of kind [`RowKind::Equal`];
//! * within a cell, the span texts joined are the cell's text (first paragraph's start to last
//!   paragraph's end), and the k-th `equal` span of a row's old cell has the same text as the
//!   k-th `equal` span of its new cell, so an inline view can interleave the two cells without
//!   diffing;
//! * a move links one old paragraph to one new paragraph.

use core::iter::FusedIterator;
use core::ops::Range;

use serde::ser::{SerializeTuple, Serializer};
use serde::Serialize;

pub use crate::output::formatting::{Formatting, FormattingChange, FormattingId, FormattingKind};

/// The result of [`crate::diff`]: two texts turned into blocks of rows, moves, stats and flat
/// edits.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diff<'a> {
    /// The flat edit list in document order. Adjacent edits never share an [`Op`].
    pub edits: Vec<Edit<'a>>,
    /// Paragraphs of the old text, in order.
    pub old_paragraphs: Vec<Paragraph>,
    /// Paragraphs of the new text, in order.
    pub new_paragraphs: Vec<Paragraph>,
    /// The side-by-side view top to bottom, as runs of unchanged paragraphs and rows with a
    /// change: old paragraphs appear in old order, new paragraphs in new order.
    /// [`Diff::rows`] expands it into one [`Row`] per row.
    pub blocks: Vec<Block<'a>>,
    /// Moved paragraphs; [`Row::move_id`] indexes into this list.
    pub moves: Vec<Move>,
    /// Counts for a summary bar.
    pub stats: Stats,
    /// `true` when a budget was hit and part of the diff is coarser than it could be (still
    /// exact: the edits rebuild both texts). [`Diff::fallback`] says why.
    pub approximate: bool,
    /// Why the result is approximate, if it is.
    pub fallback: Option<Fallback>,
    /// Formatting changes of a diff of two documents ([`crate::diff_documents`]); a span's
    /// [`Span::formatting`] indexes this list. Always empty for plain text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
    pub formatting: Vec<Formatting>,
    /// The old input: every old-side text of the model borrows from it.
    #[serde(skip)]
    pub old_text: &'a str,
    /// The new input: every new-side text of the model borrows from it.
    #[serde(skip)]
    pub new_text: &'a str,
}

impl<'a> Diff<'a> {
    /// Every row top to bottom, as the model stored them before it had blocks: an unchanged
    /// paragraph pair is built into a [`RowKind::Equal`] row (one paragraph and one `equal` span
    /// a side) as the iterator reaches it; rows with a change are cloned from their block.
    ///
    /// Cost: O(1) per row plus the clone of a changed row's cells. To walk the view without
    /// building the unchanged rows, read [`Diff::blocks`].
    pub fn rows(&self) -> Rows<'_, 'a> {
        Rows { diff: self, block: 0, offset: 0, remaining: self.row_count() }
    }

    /// The formatting change `span` carries, if any (a diff of two documents).
    #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
    pub fn formatting_of(&self, span: &Span<'_>) -> Option<&Formatting> {
        self.formatting.get(span.formatting?.index())
    }

    /// How many rows [`Diff::rows`] yields: O(blocks).
    pub fn row_count(&self) -> usize {
        self.blocks.iter().map(Block::row_count).sum()
    }

    /// Row `index` (as [`Move::old_row`] and [`Move::new_row`] count), or `None` past the last
    /// row. O(blocks) to find it.
    pub fn row(&self, mut index: usize) -> Option<Row<'a>> {
        for block in &self.blocks {
            let n = block.row_count();
            if index < n {
                return Some(self.row_in(block, index));
            }
            index -= n;
        }
        None
    }

    /// Row `offset` of `block` (`offset < block.row_count()`).
    fn row_in(&self, block: &Block<'a>, offset: usize) -> Row<'a> {
        let whole = |i: usize, paragraphs: &[Paragraph], text: &'a str, kind: SpanKind| Cell {
            paragraphs: vec![i],
            spans: vec![Span::new(kind, false, paragraphs[i].text(text))],
        };
        match block {
            Block::Deleted { old } => Row {
                kind: RowKind::Deleted,
                old: Some(whole(
                    old.start + offset,
                    &self.old_paragraphs,
                    self.old_text,
                    SpanKind::Delete,
                )),
                new: None,
                move_id: None,
                cosmetic: false,
            },
            Block::Inserted { new } => Row {
                kind: RowKind::Inserted,
                old: None,
                new: Some(whole(
                    new.start + offset,
                    &self.new_paragraphs,
                    self.new_text,
                    SpanKind::Insert,
                )),
                move_id: None,
                cosmetic: false,
            },
            Block::Equal { old, new } => Row {
                kind: RowKind::Equal,
                old: Some(whole(
                    old.start + offset,
                    &self.old_paragraphs,
                    self.old_text,
                    SpanKind::Equal,
                )),
                new: Some(whole(
                    new.start + offset,
                    &self.new_paragraphs,
                    self.new_text,
                    SpanKind::Equal,
                )),
                move_id: None,
                cosmetic: false,
            },
            Block::Row(row) => row.clone(),
        }
    }
}

/// Iterator over the rows of a [`Diff`], from [`Diff::rows`].
#[derive(Debug, Clone)]
pub struct Rows<'d, 'a> {
    diff: &'d Diff<'a>,
    block: usize,
    /// Rows of `block` already yielded.
    offset: usize,
    remaining: usize,
}

impl<'a> Iterator for Rows<'_, 'a> {
    type Item = Row<'a>;

    fn next(&mut self) -> Option<Row<'a>> {
        let block = self.diff.blocks.get(self.block)?;
        let row = self.diff.row_in(block, self.offset);
        self.offset += 1;
        if self.offset == block.row_count() {
            (self.block, self.offset) = (self.block + 1, 0);
        }
        self.remaining -= 1;
        Some(row)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Rows<'_, '_> {}
impl FusedIterator for Rows<'_, '_> {}

/// A stretch of the side-by-side view: a run of unchanged, deleted or inserted paragraphs, or
/// one other row with a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Block<'a> {
    /// Unchanged paragraphs, paired in order: old paragraph `old.start + k` and new paragraph
    /// `new.start + k` are byte for byte the same, and each pair is one [`RowKind::Equal`] row.
    /// The two ranges are equally long and never empty.
    Equal {
        /// Indices into [`Diff::old_paragraphs`].
        old: Range<usize>,
        /// Indices into [`Diff::new_paragraphs`].
        new: Range<usize>,
    },
    /// Deleted paragraphs (not moved), one [`RowKind::Deleted`] row each, whose old cell is the
    /// paragraph as one `delete` span. Never empty.
    Deleted {
        /// Indices into [`Diff::old_paragraphs`].
        old: Range<usize>,
    },
    /// Inserted paragraphs (not moved), one [`RowKind::Inserted`] row each, whose new cell is
    /// the paragraph as one `insert` span. Never empty.
    Inserted {
        /// Indices into [`Diff::new_paragraphs`].
        new: Range<usize>,
    },
    /// One row with another change: changed, split, merged or moved.
    Row(Row<'a>),
}

impl Block<'_> {
    /// How many rows the block stands for: the run's length, or 1.
    pub fn row_count(&self) -> usize {
        match self {
            Block::Equal { old, .. } | Block::Deleted { old } => old.len(),
            Block::Inserted { new } => new.len(),
            Block::Row(_) => 1,
        }
    }
}

/// One flat edit: an operation and the text it covers.
///
/// Serializes as the two-element array `[op, text]` diff-match-patch users know, with `op`
/// `0` for equal, `-1` for deleted and `1` for inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit<'a> {
    /// What happened to the text.
    pub op: Op,
    /// The text, borrowed from the old input (equal, delete) or the new one (insert).
    pub text: &'a str,
}

impl Serialize for Edit<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(2)?;
        tuple.serialize_element(&self.op.as_i8())?;
        tuple.serialize_element(self.text)?;
        tuple.end()
    }
}

/// What an [`Edit`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// Text present in both, unchanged.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
}

impl Op {
    /// diff-match-patch's encoding: `-1` delete, `0` equal, `1` insert.
    pub fn as_i8(self) -> i8 {
        match self {
            Op::Delete => -1,
            Op::Equal => 0,
            Op::Insert => 1,
        }
    }
}

/// A paragraph: a half-open byte range of its input, without the blank lines around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    /// First byte of the paragraph.
    pub byte_start: usize,
    /// One past its last byte.
    pub byte_end: usize,
}

impl Paragraph {
    /// The paragraph's text within `input`.
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        crate::unicode::text::slice(input, self.byte_start..self.byte_end)
    }
}

/// One side-by-side row: a [`Block::Row`], or one paragraph pair of a [`Block::Equal`] as
/// [`Diff::rows`] builds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row<'a> {
    /// How the two cells relate.
    pub kind: RowKind,
    /// The old cell; `None` for inserted paragraphs and for the destination of a move.
    pub old: Option<Cell<'a>>,
    /// The new cell; `None` for deleted paragraphs and for the source of a move.
    pub new: Option<Cell<'a>>,
    /// For [`RowKind::Moved`] rows: index into [`Diff::moves`].
    #[serde(rename = "move", skip_serializing_if = "Option::is_none")]
    pub move_id: Option<usize>,
    /// `true` when the row differs only by cosmetic changes (typography, whitespace, a
    /// paragraph break), so a "hide cosmetic" view can draw it as equal.
    pub cosmetic: bool,
}

/// How a row's cells relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RowKind {
    /// One paragraph, identical on both sides.
    Equal,
    /// One paragraph edited in place.
    Changed,
    /// One old paragraph became several new ones (possibly edited too).
    Split,
    /// Several old paragraphs became one new one (possibly edited too).
    Merged,
    /// New paragraph(s) with no old counterpart.
    Inserted,
    /// Old paragraph(s) with no new counterpart.
    Deleted,
    /// One end of a moved paragraph: the source (only `old` set) or the destination (only
    /// `new` set). Each move has exactly two rows.
    Moved,
}

/// One side of a row: which paragraphs it shows and their text as spans.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell<'a> {
    /// Indices into [`Diff::old_paragraphs`] or [`Diff::new_paragraphs`], consecutive.
    pub paragraphs: Vec<usize>,
    /// The cell's text from its first paragraph's start to its last paragraph's end, cut into
    /// spans. An old cell holds only `equal` and `delete` spans, a new cell only `equal` and
    /// `insert` spans. Text between paragraphs of one cell (a blank line) is a span too.
    pub spans: Vec<Span<'a>>,
}

/// A run of text within a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span<'a> {
    /// Equal, inserted or deleted.
    pub kind: SpanKind,
    /// `true` for a change that only swaps typographic forms or whitespace (`false` on equal
    /// spans).
    pub cosmetic: bool,
    /// The exact text.
    pub text: &'a str,
    /// On an `equal` span of a diff of two documents whose text is the same but whose
    /// formatting differs: the index of that change in [`Diff::formatting`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
    pub formatting: Option<FormattingId>,
}

impl<'a> Span<'a> {
    /// A span without a formatting change.
    pub fn new(kind: SpanKind, cosmetic: bool, text: &'a str) -> Span<'a> {
        Span {
            kind,
            cosmetic,
            text,
            #[cfg(all(
                feature = "markup",
                any(not(target_arch = "wasm32"), feature = "markup-module")
            ))]
            formatting: None,
        }
    }
}

/// What a [`Span`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    /// Unchanged text.
    Equal,
    /// Text only in the new version.
    Insert,
    /// Text only in the old version.
    Delete,
}

/// A paragraph that left its place and reappears elsewhere, possibly edited.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    /// Index of this move in [`Diff::moves`]; shown to readers as move number `id + 1`.
    pub id: usize,
    /// The old paragraph index.
    pub from: usize,
    /// The new paragraph index.
    pub to: usize,
    /// Similarity of the two paragraphs, `0.0..=1.0` (`1.0`: moved unchanged): by words, or by
    /// letters for paragraphs of fewer than four words.
    pub similarity: f64,
    /// Index of the row showing the source (old side), counted as [`Diff::rows`] yields rows
    /// (each unchanged paragraph pair is one row); [`Diff::row`] builds it.
    pub old_row: usize,
    /// Index of the row showing the destination (new side), counted the same way.
    pub new_row: usize,
}

/// Counts for a summary bar. Words are word tokens (letters, digits, an ideograph); spaces and
/// punctuation are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Words only in the new text (substantive changes only).
    pub words_inserted: usize,
    /// Words only in the old text (substantive changes only).
    pub words_deleted: usize,
    /// Words in both, including inside moved paragraphs.
    pub words_unchanged: usize,
    /// Rows of kind changed, split or merged with at least one substantive change.
    pub paragraphs_changed: usize,
    /// New paragraphs in inserted rows.
    pub paragraphs_inserted: usize,
    /// Old paragraphs in deleted rows.
    pub paragraphs_deleted: usize,
    /// Moves.
    pub paragraphs_moved: usize,
    /// Split rows.
    pub paragraphs_split: usize,
    /// Merged rows.
    pub paragraphs_merged: usize,
    /// Cosmetic changes: each run of adjacent cosmetic spans counts once.
    pub cosmetic_changes: usize,
    /// Formatting changes on unchanged text ([`Diff::formatting`]; `0` for plain text).
    #[serde(skip_serializing_if = "is_zero")]
    #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
    pub formatting_changes: usize,
}

#[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Why a diff is approximate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fallback {
    /// Machine-readable reason.
    pub reason: FallbackReason,
    /// What was coarsened, for people.
    pub detail: String,
}

/// Machine-readable [`Fallback`] reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum FallbackReason {
    /// [`crate::Options::timeout`] ran out.
    Deadline,
}
