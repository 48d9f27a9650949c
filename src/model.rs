//! The diff model: everything a renderer needs, computed once by the core.
//!
//! A renderer draws [`Diff::rows`] top to bottom and never computes anything itself: which
//! rows are moves, where a move's other end is, what is cosmetic and the counts for a summary
//! bar are all facts stored here.
//!
//! All text in the model borrows from the two inputs (`&'a str`), so building it copies no
//! article text. Offsets are **bytes** into the inputs ([`Paragraph::byte_start`]); the wasm
//! binding converts them to UTF-16 code units once.
//!
//! Invariants (checked by the property tests in `tests/properties.rs`):
//! * the texts of [`Op::Equal`] and [`Op::Delete`] edits, joined, are the old text exactly, and
//!   those of [`Op::Equal`] and [`Op::Insert`] the new text exactly;
//! * every paragraph of each side sits in exactly one row cell;
//! * within a cell, the span texts joined are the cell's text (first paragraph's start to last
//!   paragraph's end), and the k-th `equal` span of a row's old cell has the same text as the
//!   k-th `equal` span of its new cell, so an inline view can interleave the two cells without
//!   diffing;
//! * a move links one old paragraph to one new paragraph.

use serde::ser::{SerializeTuple, Serializer};
use serde::Serialize;

/// The result of [`crate::diff`]: two texts turned into rows, moves, stats and flat edits.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diff<'a> {
    /// The flat edit list in document order. Adjacent edits never share an [`Op`].
    pub edits: Vec<Edit<'a>>,
    /// Paragraphs of the old text, in order.
    pub old_paragraphs: Vec<Paragraph>,
    /// Paragraphs of the new text, in order.
    pub new_paragraphs: Vec<Paragraph>,
    /// Side-by-side rows, top to bottom: old paragraphs appear in old order, new paragraphs in
    /// new order.
    pub rows: Vec<Row<'a>>,
    /// Moved paragraphs; [`Row::move_id`] indexes into this list.
    pub moves: Vec<Move>,
    /// Counts for a summary bar.
    pub stats: Stats,
    /// `true` when a budget was hit and part of the diff is coarser than it could be (still
    /// exact: the edits rebuild both texts). [`Diff::fallback`] says why.
    pub approximate: bool,
    /// Why the result is approximate, if it is.
    pub fallback: Option<Fallback>,
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
        crate::text::slice(input, self.byte_start..self.byte_end)
    }
}

/// One side-by-side row.
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
    /// Word similarity of the two paragraphs, `0.0..=1.0` (`1.0`: moved unchanged).
    pub similarity: f64,
    /// Index of the row showing the source (old side).
    pub old_row: usize,
    /// Index of the row showing the destination (new side).
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
