//! A packed model ([`crate::output::pack`]) read back, and packed again with its formatting changes:
//! how the reader's wasm module annotates a diff the engine's module computed, without the
//! engine's code (which its size budget has no room for) and without a second implementation
//! of the comparison (`compare::annotate` runs on the [`Diff`] this rebuilds).
//!
//! ```text
//!  engine module   diff(engine texts) ──► packed ─┐
//!  reader module   unpack(packed, visible texts) ─┴► Diff ─► annotate ─► repack
//! ```
//!
//! `repack` writes what `pack_formatted` (the reference it is tested against) makes of the
//! annotated model: its blocks and spans, which `annotate` changed, packed again, and the
//! paragraphs and edits, which it does not change, copied from the engine's packed model.
//! `pack_formatted` writes [`crate::output::pack`]'s layout with [`MAGIC_FORMATTED`] as its first word,
//! each span's formatting as `(index + 1) << 3` in its kind word, and one more section after
//! the fallback detail:
//!
//! ```text
//!  2       F formatting changes, U units of text
//!  8F      kind, change, description start, length, old start, length, new start, length
//!          (starts and lengths in the units below; a length of u32::MAX: no old / new value)
//!  U       the texts, UTF-16 code units, one a word
//! ```
//!
//! Kinds are coded in [`FormattingKind`]'s order (0 bold … 10 block), changes in
//! [`FormattingChange`]'s (0 added, 1 removed, 2 changed).

use crate::model::{
    Block, Cell, Diff, Edit, Fallback, FallbackReason, Move, Op, Paragraph, Row, RowKind, Span,
    SpanKind, Stats,
};
use crate::output::formatting::{FormattingChange, FormattingKind};
#[cfg(test)]
use crate::output::pack::pack;
use crate::output::pack::{blocks, stats, BLOCK, EDIT, HEADER, MAGIC, MOVE, SPAN};
use crate::unicode::byte_masks::{utf16_units, utf16_units_in, word_at};
use std::borrow::Cow;

/// First word of a packed model with a formatting section.
pub(crate) const MAGIC_FORMATTED: u32 = 0x4144_8001;
/// Words per formatting record.
pub(crate) const FORMATTING: usize = 8;

/// UTF-16 offsets of one text to byte offsets: the same for an all-ASCII text; through the
/// list of its other characters for a text with a few (most Latin-script articles: curly
/// quotes, dashes, accents), with no walk over the text; through a checkpoint every
/// [`Bytes::STRIDE`] bytes otherwise.
pub(crate) struct Bytes<'t> {
    text: &'t str,
    /// Its own, or one made for the text before ([`Bytes::with_index`]).
    index: Cow<'t, Index>,
    /// The last answer `(unit, byte)`: most queries come in order and walk on from it (with
    /// `wide`: the index of the first wide character after it).
    last: core::cell::Cell<(usize, usize)>,
}

/// What [`Bytes`] converts one text's offsets through, apart from the text: a holder of the
/// text keeps it so that the text is scanned once ([`Bytes::into_index`]).
#[derive(Clone)]
pub(crate) struct Index {
    ascii: bool,
    /// The characters that are not ASCII, in order, when they are few.
    wide: Option<Vec<Wide>>,
    /// `(unit, byte)` at character boundaries, in order.
    checkpoints: Vec<(usize, usize)>,
    units: usize,
}

impl Index {
    /// Each character of the text that is not ASCII as `(the byte after it, the bytes of
    /// such characters up to it less their units)`, or `None` when they are not listed (a
    /// text with many).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn wide_ends(&self) -> Option<Vec<(u32, u32)>> {
        let mut excess = 0;
        let ends = |w: &Wide| {
            excess += u32::from(w.bytes - w.units);
            (w.byte + u32::from(w.bytes), excess)
        };
        match &self.wide {
            _ if self.ascii => Some(Vec::new()),
            Some(wide) => Some(wide.iter().map(ends).collect()),
            None => None,
        }
    }
}

/// A character that is not ASCII: its first unit and byte, its lengths in both.
#[derive(Clone, Copy)]
struct Wide {
    unit: u32,
    byte: u32,
    units: u8,
    bytes: u8,
}

impl<'t> Bytes<'t> {
    const STRIDE: usize = 64;
    /// At most one character in this many bytes listed; a text with more gets checkpoints.
    const SPARSE: usize = 16;

    pub(crate) fn new(text: &'t str) -> Self {
        Self::with_index(text, Cow::Owned(Self::index(text, None)))
    }

    /// [`Bytes`] of `text` through `index`, which must have been made for it.
    pub(crate) fn with_index(text: &'t str, index: Cow<'t, Index>) -> Self {
        Bytes { text, index, last: core::cell::Cell::new((0, 0)) }
    }

    /// The index of `text`, whose length in UTF-16 units is `units` when known (an ASCII
    /// text, as long in units as in bytes, is then not scanned).
    pub(crate) fn index(text: &str, units: Option<usize>) -> Index {
        let bytes = text.as_bytes();
        if units == Some(bytes.len()) || (units.is_none() && bytes.is_ascii()) {
            return Index { ascii: true, wide: None, checkpoints: Vec::new(), units: bytes.len() };
        }
        if let Some((wide, units)) = Self::wide_characters(bytes) {
            return Index { ascii: false, wide: Some(wide), checkpoints: Vec::new(), units };
        }
        // A checkpoint every STRIDE bytes or so (at the next character boundary), its units
        // counted eight bytes at a time.
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STRIDE + 2);
        let (mut byte, mut unit) = (0, 0);
        while byte < bytes.len() {
            checkpoints.push((unit, byte));
            let mut next = (byte + Self::STRIDE).min(bytes.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            let window = &bytes[byte..next];
            unit += if window.is_ascii() { window.len() } else { utf16_units(window) };
            byte = next;
        }
        checkpoints.push((unit, text.len()));
        Index { ascii: false, wide: None, checkpoints, units: unit }
    }

    /// The index, for [`Bytes::with_index`] of the same text later.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn into_index(self) -> Index {
        self.index.into_owned()
    }

    /// The characters of `bytes` (UTF-8) that are not ASCII, and its length in units; `None`
    /// when they are more than one in [`Bytes::SPARSE`] bytes or the text passes 4 GiB. ASCII
    /// is skipped eight bytes a step.
    fn wide_characters(bytes: &[u8]) -> Option<(Vec<Wide>, usize)> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        if u32::try_from(bytes.len()).is_err() {
            return None;
        }
        let most = bytes.len() / Self::SPARSE;
        let mut wide = Vec::new();
        // Bytes less units so far.
        let mut extra = 0;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(word) = bytes.get(i..i + 8) {
                if u64::from_le_bytes(word.try_into().unwrap_or_default()) & HIGH == 0 {
                    i += 8;
                    continue;
                }
            }
            let lead = bytes[i];
            if lead < 0x80 {
                i += 1;
                continue;
            }
            let len = match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let units = if len == 4 { 2 } else { 1 };
            if wide.len() == most {
                return None;
            }
            wide.push(Wide { unit: (i - extra) as u32, byte: i as u32, units, bytes: len });
            extra += usize::from(len - units);
            i += usize::from(len);
        }
        Some((wide, bytes.len() - extra))
    }

    /// [`Bytes::at`] through the list of wide characters.
    fn at_sparse(&self, wide: &[Wide], at: usize) -> Option<usize> {
        if at > self.index.units {
            return None;
        }
        // The first wide character at or after `at`: most queries come in order, a few
        // characters on from the last one's; others are searched for.
        let before = |i: usize| wide.get(i).is_some_and(|w| (w.unit as usize) < at);
        let mut i = self.last.get().0;
        if i > wide.len() || (i > 0 && !before(i - 1)) {
            i = wide.partition_point(|w| (w.unit as usize) < at);
        } else {
            let near = (i + 8).min(wide.len());
            while i < near && before(i) {
                i += 1;
            }
            if i == near {
                i += wide[i..].partition_point(|w| (w.unit as usize) < at);
            }
        }
        self.last.set((i, 0));
        let Some(w) = i.checked_sub(1).map(|i| wide[i]) else { return Some(at) };
        let after = w.unit as usize + usize::from(w.units);
        if at < after {
            return None; // inside a surrogate pair
        }
        Some(w.byte as usize + usize::from(w.bytes) + (at - after))
    }

    /// The byte offset of unit `at`, or `None` past the end or inside a surrogate pair.
    pub(crate) fn at(&self, at: u32) -> Option<usize> {
        let at = at as usize;
        if self.index.ascii {
            return (at <= self.index.units).then_some(at);
        }
        if let Some(wide) = &self.index.wide {
            return self.at_sparse(wide, at);
        }
        let (last_unit, last_byte) = self.last.get();
        // Walking on from the last answer is cheaper than a search up to a few strides on.
        let (mut unit, byte) = if at >= last_unit && at - last_unit <= 8 * Self::STRIDE {
            (last_unit, last_byte)
        } else {
            self.index.checkpoints
                [self.index.checkpoints.partition_point(|&(unit, _)| unit <= at).checked_sub(1)?]
        };
        let bytes = self.text.as_bytes();
        let mut i = byte;
        // Most text is ASCII: a run of ASCII bytes is as many units (and ends on a boundary).
        let gap = at - unit;
        if bytes.get(i..i + gap).is_some_and(<[u8]>::is_ascii) {
            self.last.set((at, i + gap));
            return Some(i + gap);
        }
        // Eight bytes a step while they hold fewer units than are left to walk (at most nine:
        // seven ASCII bytes and a four-byte lead), then past the character the step cut.
        while at - unit > 8 && i + 8 <= bytes.len() {
            unit += utf16_units_in(word_at(bytes, i));
            i += 8;
            while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
                i += 1;
            }
        }
        // Byte by byte: a lead byte starts a character (two units when it leads four bytes).
        while unit < at && i < bytes.len() {
            let b = bytes[i];
            unit += 1 + usize::from(b >= 0xF0);
            i += 1;
            while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
                i += 1;
            }
        }
        if unit != at {
            return None; // past the end, or inside a surrogate pair
        }
        self.last.set((unit, i));
        Some(i)
    }

    /// The UTF-16 offset of byte `at` (a character boundary of the text): the inverse of
    /// [`Bytes::at`], from the same list of wide characters or checkpoints, with no walk over
    /// the text (past the end: the text's length).
    fn unit(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        if self.index.ascii {
            return at;
        }
        if let Some(wide) = &self.index.wide {
            // The last wide character that starts before `at`: `at` is at or after its end.
            let k = wide.partition_point(|w| (w.byte as usize) < at);
            let Some(w) = k.checked_sub(1).map(|k| wide[k]) else { return at };
            let end = w.byte as usize + usize::from(w.bytes);
            return w.unit as usize + usize::from(w.units) + at.saturating_sub(end);
        }
        let k = self.index.checkpoints.partition_point(|&(_, byte)| byte <= at);
        let (unit, byte) =
            self.index.checkpoints.get(k.wrapping_sub(1)).copied().unwrap_or_default();
        unit + self.text.as_bytes().get(byte..at).map_or(0, utf16_units)
    }

    /// Queries start over from the text's start (for a new run of queries in order).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn restart(&self) {
        self.last.set((0, 0));
    }

    fn slice(&self, start: u32, end: u32) -> Option<&'t str> {
        let (s, e) = (self.at(start)?, self.at(end)?);
        self.text.get(s..e)
    }
}

/// The [`Diff`] a packed model (of the plain layout) describes, its texts slices of `old` and
/// `new` (which must be as long, in UTF-16 units, as the texts it was computed from).
///
/// # Errors
/// A sentence saying what does not fit: not a packed model, truncated, an offset out of range.
#[cfg(test)]
pub(crate) fn unpack<'a>(
    packed: &[u32],
    old: &'a str,
    new: &'a str,
) -> Result<Diff<'a>, &'static str> {
    unpack_with(packed, &Bytes::new(old), &Bytes::new(new))
}

/// `unpack` (the tests' reader) over the texts of `ob` and `nb`, whose offsets [`repack`] converts back.
pub(crate) fn unpack_with<'a>(
    packed: &[u32],
    ob: &Bytes<'a>,
    nb: &Bytes<'a>,
) -> Result<Diff<'a>, &'static str> {
    const BAD: &str = "the packed model is truncated or corrupt";
    let word = |i: usize| packed.get(i).copied().ok_or(BAD);
    let n = |i: usize| word(i).map(|w| w as usize);
    if packed.len() < HEADER || packed[0] != MAGIC {
        return Err("not a packed model of this version of article-diff");
    }
    let (old, new) = (ob.text, nb.text);
    if ob.index.units != n(1)? || nb.index.units != n(2)? {
        return Err("the texts are not the ones the model was computed from");
    }
    let (p, q, b, s, e, m, reason, d) = (n(3)?, n(4)?, n(5)?, n(6)?, n(7)?, n(8)?, n(10)?, n(11)?);
    let sizes = [2 * p, 2 * q, BLOCK * b, SPAN * s, EDIT * e, MOVE * m, d];
    if sizes.iter().try_fold(HEADER, |acc: usize, &x| acc.checked_add(x)) != Some(packed.len()) {
        return Err(BAD);
    }
    let mut at = HEADER;
    let paragraphs =
        |count: usize, at: usize, text: &Bytes<'_>| -> Result<Vec<Paragraph>, &'static str> {
            (0..count)
                .map(|k| {
                    let (start, end) = (
                        text.at(packed[at + 2 * k]).ok_or(BAD)?,
                        text.at(packed[at + 2 * k + 1]).ok_or(BAD)?,
                    );
                    if start > end {
                        return Err(BAD);
                    }
                    Ok(Paragraph { byte_start: start, byte_end: end })
                })
                .collect()
        };
    let old_paragraphs = paragraphs(p, at, ob)?;
    at += 2 * p;
    let new_paragraphs = paragraphs(q, at, nb)?;
    at += 2 * q;
    let spans_at = at + BLOCK * b;
    let span = |k: usize, text: &Bytes<'a>| -> Result<Span<'a>, &'static str> {
        let r = spans_at + SPAN * k;
        let kind = match packed[r] & 3 {
            0 => SpanKind::Equal,
            1 => SpanKind::Insert,
            2 => SpanKind::Delete,
            _ => return Err(BAD),
        };
        Ok(Span::new(
            kind,
            packed[r] & 4 != 0,
            text.slice(packed[r + 1], packed[r + 2]).ok_or(BAD)?,
        ))
    };
    let mut blocks = Vec::with_capacity(b);
    for k in 0..b {
        let r = &packed[at + BLOCK * k..at + BLOCK * (k + 1)];
        let [os, oe, ns, ne] = [r[2], r[3], r[4], r[5]].map(|x| x as usize);
        if os > oe || oe > p || ns > ne || ne > q {
            return Err(BAD);
        }
        let kind = match r[0] & 7 {
            0 => {
                blocks.push(Block::Equal { old: os..oe, new: ns..ne });
                continue;
            }
            1 => RowKind::Changed,
            2 => RowKind::Split,
            3 => RowKind::Merged,
            // A run of inserted or deleted paragraphs is one block, as the core holds it.
            4 => {
                blocks.push(Block::Inserted { new: ns..ne });
                continue;
            }
            5 => {
                blocks.push(Block::Deleted { old: os..oe });
                continue;
            }
            6 => RowKind::Moved,
            _ => return Err(BAD),
        };
        let (first, on, nn) = (r[7] as usize, r[8] as usize, r[9] as usize);
        if first.checked_add(on).and_then(|x| x.checked_add(nn)).is_none_or(|end| end > s) {
            return Err(BAD);
        }
        let cell = |from: usize,
                    to: usize,
                    spans: core::ops::Range<usize>,
                    text: &Bytes<'a>|
         -> Result<Option<Cell<'a>>, &'static str> {
            if from == to {
                return Ok(None);
            }
            Ok(Some(Cell {
                paragraphs: (from..to).collect(),
                spans: spans.map(|k| span(k, text)).collect::<Result<_, _>>()?,
            }))
        };
        blocks.push(Block::Row(Row {
            kind,
            old: cell(os, oe, first..first + on, ob)?,
            new: cell(ns, ne, first + on..first + on + nn, nb)?,
            move_id: (r[6] > 0).then(|| r[6] as usize - 1),
            cosmetic: r[0] & 8 != 0,
        }));
    }
    at = spans_at + SPAN * s;
    let mut edits = Vec::with_capacity(e);
    for k in 0..e {
        let r = &packed[at + EDIT * k..at + EDIT * (k + 1)];
        let (op, text) = match r[0] {
            0 => (Op::Delete, ob),
            1 => (Op::Equal, ob),
            2 => (Op::Insert, nb),
            _ => return Err(BAD),
        };
        edits.push(Edit { op, text: text.slice(r[1], r[2]).ok_or(BAD)? });
    }
    at += EDIT * e;
    let moves = (0..m)
        .map(|k| {
            let r = &packed[at + MOVE * k..at + MOVE * (k + 1)];
            let [from, to, similarity, old_row, new_row] =
                [r[0], r[1], r[2], r[3], r[4]].map(|x| x as usize);
            Move { id: k, from, to, similarity: similarity as f64 / 1e6, old_row, new_row }
        })
        .collect();
    at += MOVE * m;
    let detail: Vec<u8> = packed[at..at + d].iter().map(|&w| w as u8).collect();
    let fallback = match reason {
        0 => None,
        1 => Some(Fallback {
            reason: FallbackReason::Deadline,
            detail: String::from_utf8(detail).map_err(|_| BAD)?,
        }),
        _ => return Err(BAD),
    };
    let st = |k: usize| packed[12 + k] as usize;
    let stats = Stats {
        words_inserted: st(0),
        words_deleted: st(1),
        words_unchanged: st(2),
        paragraphs_changed: st(3),
        paragraphs_inserted: st(4),
        paragraphs_deleted: st(5),
        paragraphs_moved: st(6),
        paragraphs_split: st(7),
        paragraphs_merged: st(8),
        cosmetic_changes: st(9),
        formatting_changes: 0,
    };
    Ok(Diff {
        edits,
        old_paragraphs,
        new_paragraphs,
        blocks,
        moves,
        stats,
        approximate: reason != 0,
        fallback,
        formatting: Vec::new(),
        old_text: old,
        new_text: new,
    })
}

/// `d` packed with its formatting changes (see the module docs), or, when memory has no room
/// for the plain layout, its size in words (as [`pack`]). The reference [`repack`] is tested
/// against.
#[cfg(test)]
pub(crate) fn pack_formatted(d: &Diff<'_>) -> Result<Vec<u32>, usize> {
    let mut out = pack(d)?;
    out[0] = MAGIC_FORMATTED;
    let (p, q, b) = (out[3] as usize, out[4] as usize, out[5] as usize);
    let mut at = HEADER + 2 * (p + q) + BLOCK * b;
    for block in &d.blocks {
        let Block::Row(r) = block else { continue };
        for span in [&r.old, &r.new].into_iter().flatten().flat_map(|c| &c.spans) {
            if let Some(f) = span.formatting {
                out[at] |= (f.index() as u32 + 1) << 3;
            }
            at += SPAN;
        }
    }
    formatting_section(d, &mut out);
    Ok(out)
}

/// What `pack_formatted` (the tests' reference) makes of `d`, which [`unpack_with`] read from `packed` (over the
/// texts of `ob` and `nb`) and `compare::annotate` annotated, without [`pack`](crate::output::pack::pack)'s walks over
/// the texts: `annotate` changes the blocks and spans only, so the paragraphs' and edits'
/// offsets are copied from `packed`, and the spans' are converted through `ob` and `nb`.
/// Or, when memory has no room for it, its size in words (as [`pack`](crate::output::pack::pack)).
pub(crate) fn repack(
    d: &Diff<'_>,
    packed: &[u32],
    ob: &Bytes<'_>,
    nb: &Bytes<'_>,
) -> Result<Vec<u32>, usize> {
    let (mut spans, mut rows) = (0, 0);
    for block in &d.blocks {
        rows += block.row_count();
        if let Block::Row(r) = block {
            spans += [&r.old, &r.new].into_iter().flatten().map(|c| c.spans.len()).sum::<usize>();
        }
    }
    let detail = d.fallback.as_ref().map_or(&[][..], |f| f.detail.as_bytes());
    let (p, q, e) = (d.old_paragraphs.len(), d.new_paragraphs.len(), d.edits.len());
    let paragraphs = HEADER..HEADER + 2 * (p + q);
    // The edits of `packed` follow its own blocks and spans. (`unpack_with` read them all
    // from there, so both sections are in it: the fallbacks are never taken.)
    let section = |k: usize| packed.get(k).map_or(0, |&n| n as usize);
    let edits_at = paragraphs.end + BLOCK * section(5) + SPAN * section(6);
    let edits = packed.get(edits_at..edits_at + EDIT * e).unwrap_or_default();
    let size = paragraphs.end
        + BLOCK * d.blocks.len()
        + SPAN * spans
        + EDIT * e
        + MOVE * d.moves.len()
        + detail.len();
    let mut out = Vec::new();
    out.try_reserve_exact(size).map_err(|_| size)?;
    let reason = u32::from(d.fallback.is_some());
    out.extend_from_slice(&[MAGIC_FORMATTED, ob.index.units as u32, nb.index.units as u32]);
    out.extend([p, q, d.blocks.len(), spans, e, d.moves.len(), rows].into_iter().map(|n| n as u32));
    out.extend_from_slice(&[reason, detail.len() as u32]);
    out.extend_from_slice(&stats(&d.stats));
    out.extend_from_slice(packed.get(paragraphs).unwrap_or_default());
    blocks(d, &mut out);
    for block in &d.blocks {
        let Block::Row(r) = block else { continue };
        for (cell, units) in [(&r.old, ob), (&r.new, nb)] {
            for span in cell.iter().flat_map(|c| &c.spans) {
                let kind = match span.kind {
                    SpanKind::Equal => 0,
                    SpanKind::Insert => 1,
                    SpanKind::Delete => 2,
                };
                let formatting = span.formatting.map_or(0, |f| (f.index() as u32 + 1) << 3);
                // Every span borrows from its side's text: the pointer difference is its offset.
                let start = (span.text.as_ptr() as usize)
                    .wrapping_sub(units.text.as_ptr() as usize)
                    .min(units.text.len());
                out.extend_from_slice(&[
                    kind | u32::from(span.cosmetic) << 2 | formatting,
                    units.unit(start) as u32,
                    units.unit(start + span.text.len()) as u32,
                ]);
            }
        }
    }
    out.extend_from_slice(edits);
    for m in &d.moves {
        let millionths = (m.similarity.clamp(0.0, 1.0) * 1_000_000.0).round() as u32;
        out.extend([m.from, m.to].into_iter().map(|n| n as u32));
        out.push(millionths);
        out.extend([m.old_row, m.new_row].into_iter().map(|n| n as u32));
    }
    out.extend(detail.iter().map(|&b| u32::from(b)));
    formatting_section(d, &mut out);
    Ok(out)
}

/// The formatting section (see the module docs) appended to `out`.
fn formatting_section(d: &Diff<'_>, out: &mut Vec<u32>) {
    let mut units: Vec<u32> = Vec::new();
    let mut records = Vec::with_capacity(FORMATTING * d.formatting.len());
    let mut text = |s: Option<&str>| match s {
        None => [0, u32::MAX],
        Some(s) => {
            let start = units.len() as u32;
            units.extend(s.encode_utf16().map(u32::from));
            [start, units.len() as u32 - start]
        }
    };
    for f in &d.formatting {
        let [ds, dl] = text(Some(&f.description));
        let [os, ol] = text(f.old.as_deref());
        let [ns, nl] = text(f.new.as_deref());
        records.extend_from_slice(&[
            kind_code(f.kind),
            change_code(f.change),
            ds,
            dl,
            os,
            ol,
            ns,
            nl,
        ]);
    }
    out.extend_from_slice(&[d.formatting.len() as u32, units.len() as u32]);
    out.extend_from_slice(&records);
    out.extend_from_slice(&units);
}

fn kind_code(kind: FormattingKind) -> u32 {
    match kind {
        FormattingKind::Bold => 0,
        FormattingKind::Italic => 1,
        FormattingKind::Underline => 2,
        FormattingKind::Strike => 3,
        FormattingKind::Code => 4,
        FormattingKind::Subscript => 5,
        FormattingKind::Superscript => 6,
        FormattingKind::Highlight => 7,
        FormattingKind::Link => 8,
        FormattingKind::Embed => 9,
        FormattingKind::Block => 10,
    }
}

fn change_code(change: FormattingChange) -> u32 {
    match change {
        FormattingChange::Added => 0,
        FormattingChange::Removed => 1,
        FormattingChange::Changed => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::compare::{annotate, engine_text};
    use crate::markup::{diff_documents, read, Markup};
    use crate::Options;

    fn round_trip(old: &str, new: &str) {
        let d = crate::diff(old, new, &Options::default()).unwrap();
        let back = unpack(&pack(&d).unwrap(), old, new).unwrap();
        assert_eq!(back.blocks, d.blocks);
        assert_eq!(back.edits, d.edits);
        assert_eq!(back.old_paragraphs, d.old_paragraphs);
        assert_eq!(back.stats, d.stats);
        assert_eq!(back.fallback, d.fallback);
        assert_eq!(pack(&back).unwrap(), pack(&d).unwrap());
    }

    #[test]
    fn unpack_reverses_pack() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        let old = std::fs::read_to_string(format!("{fixtures}old.txt")).unwrap();
        let new = std::fs::read_to_string(format!("{fixtures}new.txt")).unwrap();
        round_trip(&old, &new);
        round_trip("a 😀 b\n\nmoved para here\n\nc", "c\n\na 😀 B\n\nmoved para here");
        round_trip("", "x");
    }

    #[test]
    fn bytes_answer_every_unit_offset_in_any_order() {
        // ASCII runs longer than a step, two- three- and four-byte characters, at every phase:
        // dense (checkpoints) and sparse (the list of wide characters).
        let mut dense = String::new();
        let mut sparse = String::new();
        for k in 0..400 {
            dense.push_str(["a", "é", "€", "😀", "abcdefghij", "\n"][k * 7 % 6]);
            sparse.push_str(["a", "é", "€", "😀", "abcdefghij", "\n"][k * 7 % 6]);
            sparse.push_str(&"abcdefghijklmnopqrstuvwxyz"[..k % 27]);
        }
        sparse.insert(0, '😀');
        sparse.push('é');
        assert!(Bytes::new(&dense).index.wide.is_none());
        assert!(Bytes::new(&sparse).index.wide.is_some());
        for text in [dense, sparse] {
            bytes_answer_every_unit_offset(&text);
        }
    }

    fn bytes_answer_every_unit_offset(text: &str) {
        let units: Vec<(u32, Option<usize>)> = {
            let mut out = Vec::new();
            let mut unit = 0;
            for (byte, c) in text.char_indices() {
                out.push((unit, Some(byte)));
                if c.len_utf16() == 2 {
                    out.push((unit + 1, None)); // inside a surrogate pair
                }
                unit += c.len_utf16() as u32;
            }
            out.push((unit, Some(text.len())));
            out.push((unit + 1, None));
            out
        };
        let bytes = Bytes::new(text);
        for &(unit, byte) in &units {
            assert_eq!(bytes.at(unit), byte, "unit {unit} in order");
        }
        for &(unit, byte) in units.iter().rev().step_by(7) {
            assert_eq!(bytes.at(unit), byte, "unit {unit} backwards");
        }
        bytes.restart();
        for &(unit, byte) in units.iter().step_by(97) {
            assert_eq!(bytes.at(unit), byte, "unit {unit} far apart");
        }
    }

    #[test]
    fn unpack_refuses_what_does_not_fit() {
        let d = crate::diff("a b", "a c", &Options::default()).unwrap();
        let packed = pack(&d).unwrap();
        assert!(unpack(&packed, "a b", "a cc").is_err());
        assert!(unpack(&packed[..packed.len() - 1], "a b", "a c").is_err());
        assert!(unpack(&[1, 2, 3], "", "").is_err());
        let mut bad = packed.clone();
        bad[HEADER] = 99;
        assert!(unpack(&bad, "a b", "a c").is_err());
    }

    /// `repack` of an annotated model is `pack_formatted` of it, over generated pairs of
    /// documents: moved, split and edited paragraphs, formatting changed, ASCII, Latin text
    /// with a few wide characters, denser scripts and astral characters (all three ways of
    /// [`Bytes`]), line breaks inside blocks.
    #[test]
    fn repack_is_pack_formatted() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<h2>",
            "</h2>",
            "<li>",
            "<ul>",
            "</ul>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<a href=/x>",
            "<a href=/y>",
            "</a>",
            "<br>",
            "<img src=a.png alt=A>",
            " ",
            " ",
            "word ",
            "other ",
            "text ",
            "more words here ",
            "’s ",
            "😀 ",
            "Привет мир ",
            "日本語のテキスト ",
            "&amp; ",
            "\n\n<p>",
        ];
        let mut rng = crate::paragraphs::side::rng::Rng(0x2545_f491_u64);
        let mut next = |n: usize| rng.below(n);
        let (mut moved, mut formatted, mut dense) = (0, 0, 0);
        for case in 0..400 {
            let paragraphs: Vec<String> = (0..1 + next(8))
                .map(|_| (0..next(30)).map(|_| PIECES[next(PIECES.len())]).collect())
                .collect();
            let mut edited = paragraphs.clone();
            for _ in 0..next(4) {
                let k = next(edited.len());
                match next(4) {
                    0 => edited[k] = edited[k].replacen("word", "changed", 1),
                    1 => edited[k] = edited[k].replacen("<b>", "<i>", 1),
                    2 => edited[k] = edited[k].replacen("/x", "/z", 1),
                    _ => {
                        let p = edited.remove(k);
                        let to = next(edited.len() + 1);
                        edited.insert(to, p);
                    }
                }
            }
            let join = |ps: &[String]| ps.iter().map(|p| format!("<p>{p}</p>")).collect::<String>();
            let (old, new) = (
                read(&join(&paragraphs), Markup::Html).unwrap(),
                read(&join(&edited), Markup::Html).unwrap(),
            );
            for options in [Options::default(), Options::default().with_move_threshold(0.3)] {
                let (oe, ne) = (engine_text(&old), engine_text(&new));
                let packed = pack(&crate::diff(&oe, &ne, &options).unwrap()).unwrap();
                let (ob, nb) = (Bytes::new(&old.text), Bytes::new(&new.text));
                let mut d = unpack_with(&packed, &ob, &nb).unwrap();
                annotate(&mut d, &old, &new);
                assert_eq!(repack(&d, &packed, &ob, &nb), pack_formatted(&d), "case {case}");
                moved += usize::from(!d.moves.is_empty());
                formatted += usize::from(!d.formatting.is_empty());
                dense += usize::from(!ob.index.ascii && ob.index.wide.is_none());
            }
        }
        assert!(moved > 20 && formatted > 100 && dense > 100, "{moved} {formatted} {dense}");
    }

    #[test]
    fn bytes_convert_back_every_character_boundary() {
        for text in ["", "ascii only", "a’b “c” é", "Привет мир 😀 日本語", "😀😀a😀"]
        {
            let bytes = Bytes::new(text);
            let mut unit = 0;
            for (byte, c) in text.char_indices() {
                assert_eq!(bytes.unit(byte), unit, "{text:?} at {byte}");
                unit += c.len_utf16();
            }
            assert_eq!(bytes.unit(text.len()), unit);
            assert_eq!(bytes.unit(text.len() + 5), unit);
        }
    }

    #[test]
    fn the_wasm_route_gives_what_diff_documents_gives() {
        let old =
            read("<h2>T</h2><p>A <b>b</b> c <a href=/x>d</a></p><p>😀 <i>e</i></p>", Markup::Html)
                .unwrap();
        let new =
            read("<h3>T</h3><p>A b c <a href=/y>d</a> more</p><p>😀 <b>e</b></p>", Markup::Html)
                .unwrap();
        let native = diff_documents(&old, &new, &Options::default()).unwrap();
        // The engine's module diffs the engine texts; the reader's module rebuilds and annotates.
        let (oe, ne) = (engine_text(&old), engine_text(&new));
        let plain = crate::diff(&oe, &ne, &Options::default()).unwrap();
        let mut d = unpack(&pack(&plain).unwrap(), &old.text, &new.text).unwrap();
        annotate(&mut d, &old, &new);
        assert_eq!(d.blocks, native.blocks);
        assert_eq!(d.formatting, native.formatting);
        assert_eq!(d.stats, native.stats);
        assert_eq!(pack_formatted(&d), pack_formatted(&native));
        // heading 2 → 3; bold removed on "b"; link target on "d"; italic → bold on "e".
        assert_eq!(native.stats.formatting_changes, 4);
    }
}
