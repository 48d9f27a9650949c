//! The model packed into one `u32` buffer for JavaScript, every offset in UTF-16 code units.
//!
//! The wasm binding hands JavaScript this buffer (one copy out of linear memory, transferable
//! to another thread) instead of a JSON text or an object per row; `src/model.js` reads it and
//! builds row, span and text objects only when asked for. Nothing in it is text: texts are
//! `[start, end)` offsets into the caller's own strings, which JavaScript slices without copying
//! characters. Its size follows the changes: an unchanged run is one block record, whatever its
//! length; only the paragraph offsets grow with the paragraphs (four numbers a pair).
//!
//! Layout (`src/model.js` reads the same constants; `tests/web.rs` checks them end to end):
//!
//! ```text
//!  header  HEADER words: MAGIC, old text units, new text units, old paragraphs P,
//!          new paragraphs Q, blocks B, spans S, edits E, moves M, rows R,
//!          fallback reason (0 none, 1 deadline), fallback detail bytes D, then the ten stats
//!          in Stats' field order
//!  2P      old paragraphs: start, end
//!  2Q      new paragraphs: start, end
//!  10B     blocks: kind | cosmetic << 3, first row, old start, old end, new start, new end
//!          (paragraph indices; an empty range where the block has no cell on that side, at
//!          the place it would be), move + 1 (0: none), first span, old spans, new spans. An
//!          equal or deleted block stands for a row per old paragraph, an inserted one for a
//!          row per new paragraph (each paragraph whole: no spans), any other for one row
//!  3S      spans: kind | cosmetic << 2, start, end (in the text of the cell's side); a block's
//!          old cell's spans, then its new cell's
//!  3E      edits: op + 1 (0 delete, 1 equal, 2 insert), start, end
//!  5M      moves: from, to, similarity in millionths, old row, new row
//!  D       the fallback detail as UTF-8, one byte a word
//! ```
//!
//! Row kinds are coded in [`RowKind`]'s order (0 equal … 6 moved), span kinds as 0 equal,
//! 1 insert, 2 delete. Every number fits: inputs are at most [`crate::MAX_INPUT_BYTES`]
//! (`u32::MAX`) bytes, and no count or offset exceeds its input's length.

use crate::model::{Block, Diff, FallbackReason, Op, Paragraph, RowKind, SpanKind, Stats};
use crate::unicode::byte_masks::{utf16_units_16, utf16_units_before};

/// First word of a packed model: "AD" and the layout's version.
pub(crate) const MAGIC: u32 = 0x4144_0001;
/// Words before the first section.
pub(crate) const HEADER: usize = 22;
/// Words per block record.
pub(crate) const BLOCK: usize = 10;
/// Words per span record.
pub(crate) const SPAN: usize = 3;
/// Words per edit record.
pub(crate) const EDIT: usize = 3;
/// Words per move record.
pub(crate) const MOVE: usize = 5;

/// A count or offset as a word (see the module docs for why it always fits).
fn word(n: usize) -> u32 {
    n as u32
}

/// `d` packed as the module docs lay out, or, when memory has no room for it, its size in words
/// (a typed refusal for the caller rather than a trap).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn pack(d: &Diff<'_>) -> Result<Vec<u32>, usize> {
    let (mut spans, mut rows) = (0, 0);
    for block in &d.blocks {
        rows += block.row_count();
        if let Block::Row(r) = block {
            spans += [&r.old, &r.new]
                .iter()
                .filter_map(|c| c.as_ref())
                .map(|c| c.spans.len())
                .sum::<usize>();
        }
    }
    let detail = d.fallback.as_ref().map_or(&[][..], |f| f.detail.as_bytes());
    let (p, q) = (d.old_paragraphs.len(), d.new_paragraphs.len());
    let size = HEADER
        + 2 * (p + q)
        + BLOCK * d.blocks.len()
        + SPAN * spans
        + EDIT * d.edits.len()
        + MOVE * d.moves.len()
        + detail.len();
    let mut out = Vec::new();
    out.try_reserve_exact(size).map_err(|_| size)?;
    let (mut old_units, mut new_units) =
        (Utf16::new(d.old_text.as_bytes()), Utf16::new(d.new_text.as_bytes()));
    let s = &d.stats;
    let reason = match d.fallback.as_ref().map(|f| f.reason) {
        None => 0,
        Some(FallbackReason::Deadline) => 1,
    };
    // The text lengths (words 1 and 2) are known once the texts are counted, at the end.
    let counts = [
        0,
        0,
        p,
        q,
        d.blocks.len(),
        spans,
        d.edits.len(),
        d.moves.len(),
        rows,
        reason,
        detail.len(),
    ];
    out.push(MAGIC);
    out.extend_from_slice(&counts.map(word));
    out.extend_from_slice(&stats(s));
    // The paragraphs' offsets written in place (within the reserved room).
    out.resize(HEADER + 2 * (p + q), 0);
    let (old_slots, new_slots) = out[HEADER..].split_at_mut(2 * p);
    paragraphs(&d.old_paragraphs, None, old_slots, &mut old_units);
    paragraphs(&d.new_paragraphs, Some((d, &*old_slots)), new_slots, &mut new_units);
    blocks(d, &mut out);
    let new_at = HEADER + 2 * p;
    let mut at = |op: Op, text: &str, out: &[u32]| {
        let (input, units, paragraphs, slots) = if op == Op::Insert {
            (d.new_text, &mut new_units, &d.new_paragraphs, &out[new_at..new_at + 2 * q])
        } else {
            (d.old_text, &mut old_units, &d.old_paragraphs, &out[HEADER..new_at])
        };
        // Every text in the model borrows from its input, so the pointer difference is its
        // byte offset.
        let start = (text.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize).min(input.len());
        let end = (start + text.len()).min(input.len());
        [start, end].map(|b| word(units.at(b, paragraphs, slots)))
    };
    for block in &d.blocks {
        let Block::Row(r) = block else { continue };
        for (cell, side) in [(&r.old, Op::Delete), (&r.new, Op::Insert)] {
            for span in cell.iter().flat_map(|c| &c.spans) {
                let kind = match span.kind {
                    SpanKind::Equal => 0,
                    SpanKind::Insert => 1,
                    SpanKind::Delete => 2,
                };
                let [start, end] = at(side, span.text, &out);
                out.extend_from_slice(&[kind | u32::from(span.cosmetic) << 2, start, end]);
            }
        }
    }
    for e in &d.edits {
        let [start, end] = at(e.op, e.text, &out);
        out.extend_from_slice(&[(e.op.as_i8() + 1) as u32, start, end]);
    }
    for m in &d.moves {
        let millionths = (m.similarity.clamp(0.0, 1.0) * 1_000_000.0).round() as u32;
        out.extend_from_slice(&[
            word(m.from),
            word(m.to),
            millionths,
            word(m.old_row),
            word(m.new_row),
        ]);
    }
    out.extend(detail.iter().map(|&b| u32::from(b)));
    let (old_len, new_len) = (d.old_text.len(), d.new_text.len());
    out[1] = word(old_units.at(old_len, &d.old_paragraphs, &out[HEADER..new_at]));
    out[2] = word(new_units.at(new_len, &d.new_paragraphs, &out[new_at..new_at + 2 * q]));
    debug_assert_eq!(out.len(), size);
    Ok(out)
}

/// The offsets of `paragraphs` into `slots`, two a paragraph, in document order. With `twins`,
/// these are the new paragraphs: one of an equal block is the same text as its old twin, so it
/// is as many units long, and only the text between paragraphs is counted there (on a
/// near-identical pair, the blank lines instead of the whole text). Plain loops over slices, as
/// a text of a million one-letter lines has a million paragraphs (`Vec::push` and iterator
/// adaptors stay calls at `opt-level = "z"`).
fn paragraphs(
    paragraphs: &[Paragraph],
    twins: Option<(&Diff<'_>, &[u32])>,
    slots: &mut [u32],
    units: &mut Utf16<'_>,
) {
    let ascii = units.ascii;
    // Paragraphs `from..to`, each (when `twin` is some) as long as the old paragraph `twin + k`.
    let mut convert = |from: usize, to: usize, twin: Option<(usize, &[u32])>| {
        let mut k = from;
        while k < to && k < paragraphs.len() && 2 * k + 1 < slots.len() {
            let p = &paragraphs[k];
            let (start, end) = if ascii {
                (p.byte_start, p.byte_end)
            } else {
                let start = units.forward(p.byte_start);
                let old =
                    twin.and_then(|(i, old)| old.get(2 * (i + k - from)..2 * (i + k - from) + 2));
                let end = match old {
                    Some(&[s, e]) => units.skip(p.byte_end, start + (e - s) as usize),
                    _ => units.forward(p.byte_end),
                };
                (start, end)
            };
            slots[2 * k] = word(start);
            slots[2 * k + 1] = word(end);
            k += 1;
        }
    };
    let mut j = 0;
    if let (false, Some((d, old))) = (ascii, twins) {
        for block in &d.blocks {
            if let Block::Equal { old: i, new } = block {
                // Equal blocks come in new order; the paragraphs before one are converted as
                // they are.
                convert(j, new.start, None);
                let skipped = j.saturating_sub(new.start);
                convert(new.start.max(j), new.end, Some((i.start + skipped, old)));
                j = j.max(new.end);
            }
        }
    }
    convert(j, paragraphs.len(), None);
}

/// The stats section, in the layout's order (also the formatted model's,
/// `crate::markup::packed`).
pub(crate) fn stats(s: &Stats) -> [u32; 10] {
    [
        s.words_inserted,
        s.words_deleted,
        s.words_unchanged,
        s.paragraphs_changed,
        s.paragraphs_inserted,
        s.paragraphs_deleted,
        s.paragraphs_moved,
        s.paragraphs_split,
        s.paragraphs_merged,
        s.cosmetic_changes,
    ]
    .map(word)
}

/// The block records (also the formatted model's, `crate::markup::packed`).
pub(crate) fn blocks(d: &Diff<'_>, out: &mut Vec<u32>) {
    let (mut row, mut span, mut next_old, mut next_new) = (0, 0, 0, 0);
    for block in &d.blocks {
        let record = match block {
            Block::Equal { old, new } => {
                [0, row, old.start, old.end, new.start, new.end, 0, span, 0, 0]
            }
            Block::Deleted { old } => [
                kind_code(RowKind::Deleted),
                row,
                old.start,
                old.end,
                next_new,
                next_new,
                0,
                span,
                0,
                0,
            ],
            Block::Inserted { new } => [
                kind_code(RowKind::Inserted),
                row,
                next_old,
                next_old,
                new.start,
                new.end,
                0,
                span,
                0,
                0,
            ],
            Block::Row(r) => {
                let range = |cell: &Option<crate::Cell<'_>>, next: usize| match cell {
                    Some(c) => (
                        c.paragraphs.first().copied().unwrap_or(next),
                        c.paragraphs.last().map_or(next, |&l| l + 1),
                        c.spans.len(),
                    ),
                    None => (next, next, 0),
                };
                let (os, oe, on) = range(&r.old, next_old);
                let (ns, ne, nn) = range(&r.new, next_new);
                let kind = kind_code(r.kind) | usize::from(r.cosmetic) << 3;
                [kind, row, os, oe, ns, ne, r.move_id.map_or(0, |m| m + 1), span, on, nn]
            }
        };
        (next_old, next_new) = (record[3], record[5]);
        row += block.row_count();
        span += record[8] + record[9];
        out.extend_from_slice(&record.map(word));
    }
}

/// A row kind's code: its place in [`RowKind`]'s declaration.
fn kind_code(kind: RowKind) -> usize {
    match kind {
        RowKind::Equal => 0,
        RowKind::Changed => 1,
        RowKind::Split => 2,
        RowKind::Merged => 3,
        RowKind::Inserted => 4,
        RowKind::Deleted => 5,
        RowKind::Moved => 6,
    }
}

/// Byte offsets of one text to UTF-16 offsets, counted forward from the last one: the
/// paragraphs in document order, then each span's and edit's ends from the paragraph they lie
/// in (whose offset is packed by then), so no text is counted twice but a changed paragraph's.
struct Utf16<'t> {
    bytes: &'t [u8],
    /// Every byte is ASCII, so a byte offset is its UTF-16 offset (nothing to count).
    ascii: bool,
    /// The last offset converted, and its UTF-16 offset.
    byte: usize,
    unit: usize,
}

impl<'t> Utf16<'t> {
    fn new(bytes: &'t [u8]) -> Self {
        Utf16 { bytes, ascii: bytes.is_ascii(), byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `to`, at or after the last one converted.
    fn forward(&mut self, to: usize) -> usize {
        debug_assert!(to >= self.byte);
        // Every UTF-8 sequence but continuation bytes starts one unit; four-byte ones need two.
        // Sixteen bytes a step (`utf16_units_16`), sixteen units at once when all are ASCII, as
        // most of most article text is. (A plain index loop: see `text::word_at`.)
        let mut i = self.byte;
        while i + 16 <= to {
            self.unit += utf16_units_16(self.bytes, i);
            i += 16;
        }
        self.unit += utf16_units_before(self.bytes, i, to);
        self.byte = to;
        self.unit
    }

    /// Byte offset `to`, `units` UTF-16 units: what [`Utf16::forward`] would count.
    fn skip(&mut self, to: usize, units: usize) -> usize {
        (self.byte, self.unit) = (to, units);
        units
    }

    /// The UTF-16 offset of byte offset `to`, anywhere in the text: counted from the last
    /// offset converted, or from the start of the paragraph `to` lies in or after when that
    /// is nearer or the last offset lies beyond `to` (`slots`: the paragraphs' UTF-16 offsets).
    fn at(&mut self, to: usize, paragraphs: &[Paragraph], slots: &[u32]) -> usize {
        if self.ascii {
            return to;
        }
        let k = paragraphs.partition_point(|p| p.byte_start <= to);
        let (byte, unit) = match k.checked_sub(1) {
            Some(k) => (paragraphs[k].byte_start, slots.get(2 * k).map_or(0, |&u| u as usize)),
            None => (0, 0),
        };
        if to < self.byte || byte > self.byte {
            (self.byte, self.unit) = (byte, unit);
        }
        self.forward(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{diff, Options};

    /// A packed model read back the way `src/model.js` reads it, with Rust strings indexed by
    /// UTF-16 units, checked against the model it came from.
    fn check(old: &str, new: &str, options: &Options) {
        let d = diff(old, new, options).unwrap();
        let packed = pack(&d).unwrap();
        let (o16, n16): (Vec<u16>, Vec<u16>) =
            (old.encode_utf16().collect(), new.encode_utf16().collect());
        let text = |side: &[u16], s: u32, e: u32| {
            String::from_utf16(&side[s as usize..e as usize]).unwrap()
        };
        let h = |k: usize| packed[k] as usize;
        assert_eq!(packed[0], MAGIC);
        assert_eq!((h(1), h(2)), (o16.len(), n16.len()));
        let (p, q, b, s, e, m, rows, d_len) = (h(3), h(4), h(5), h(6), h(7), h(8), h(9), h(11));
        assert_eq!(
            (p, q, b, e, m, rows),
            (
                d.old_paragraphs.len(),
                d.new_paragraphs.len(),
                d.blocks.len(),
                d.edits.len(),
                d.moves.len(),
                d.row_count()
            )
        );
        assert_eq!(
            packed.len(),
            HEADER + 2 * (p + q) + BLOCK * b + SPAN * s + EDIT * e + MOVE * m + d_len
        );
        let stats = &packed[12..22];
        assert_eq!(stats[0] as usize, d.stats.words_inserted);
        assert_eq!(stats[9] as usize, d.stats.cosmetic_changes);
        let mut at = HEADER;
        for (paragraphs, units, input) in
            [(&d.old_paragraphs, &o16, old), (&d.new_paragraphs, &n16, new)]
        {
            for para in paragraphs.iter() {
                assert_eq!(text(units, packed[at], packed[at + 1]), para.text(input));
                at += 2;
            }
        }
        let (blocks_at, spans_at) = (at, at + BLOCK * b);
        let edits_at = spans_at + SPAN * s;
        let moves_at = edits_at + EDIT * e;
        // Rows rebuilt from the records are the rows of the model.
        let mut rebuilt = Vec::new();
        for k in 0..b {
            let r = &packed[blocks_at + BLOCK * k..blocks_at + BLOCK * (k + 1)];
            assert_eq!(r[1] as usize, rebuilt.len(), "first row of block {k}");
            let kind = r[0] & 7;
            if kind == 0 {
                for j in 0..r[3] - r[2] {
                    rebuilt.push(format!("equal {} {}", r[2] + j, r[4] + j));
                }
                continue;
            }
            if kind == 4 || kind == 5 {
                // A run of whole paragraphs: a row each, its one span the paragraph.
                let (deleted, first) = (kind == 5, if kind == 5 { HEADER } else { HEADER + 2 * p });
                let (start, end, units) =
                    if deleted { (r[2], r[3], &o16) } else { (r[4], r[5], &n16) };
                for i in start..end {
                    let x = first + 2 * i as usize;
                    let span = vec![(
                        if deleted { 2u32 } else { 1 },
                        text(units, packed[x], packed[x + 1]),
                    )];
                    let (one, none) = (format!("{i}..{}", i + 1), Vec::<(u32, String)>::new());
                    rebuilt.push(if deleted {
                        format!("5 0 {one} none {span:?} {none:?} 0")
                    } else {
                        format!("4 0 none {one} {none:?} {span:?} 0")
                    });
                }
                continue;
            }
            let span_text = |first: u32, count: u32, units: &[u16]| -> Vec<(u32, String)> {
                (first..first + count)
                    .map(|t| {
                        let x = spans_at + SPAN * t as usize;
                        (packed[x], text(units, packed[x + 1], packed[x + 2]))
                    })
                    .collect()
            };
            let (old_spans, new_spans) =
                (span_text(r[7], r[8], &o16), span_text(r[7] + r[8], r[9], &n16));
            // A row's cells are never empty, so an empty range stands for a missing cell.
            let range =
                |s: u32, e: u32| if s == e { "none".to_string() } else { format!("{s}..{e}") };
            rebuilt.push(format!(
                "{kind} {} {} {} {old_spans:?} {new_spans:?} {}",
                r[0] >> 3,
                range(r[2], r[3]),
                range(r[4], r[5]),
                r[6]
            ));
        }
        let spans = |c: &Option<crate::Cell<'_>>| -> Vec<(u32, String)> {
            let code = |k: SpanKind| match k {
                SpanKind::Equal => 0,
                SpanKind::Insert => 1,
                SpanKind::Delete => 2,
            };
            c.iter()
                .flat_map(|c| &c.spans)
                .map(|s| (code(s.kind) | u32::from(s.cosmetic) << 2, s.text.to_string()))
                .collect()
        };
        let range = |c: &Option<crate::Cell<'_>>| {
            c.as_ref().map_or("none".to_string(), |c| {
                format!("{}..{}", c.paragraphs[0], c.paragraphs.last().unwrap() + 1)
            })
        };
        let expected: Vec<String> = d
            .rows()
            .map(|row| match row.kind {
                RowKind::Equal => format!(
                    "equal {} {}",
                    row.old.unwrap().paragraphs[0],
                    row.new.unwrap().paragraphs[0]
                ),
                kind => format!(
                    "{} {} {} {} {:?} {:?} {}",
                    kind_code(kind),
                    u32::from(row.cosmetic),
                    range(&row.old),
                    range(&row.new),
                    spans(&row.old),
                    spans(&row.new),
                    row.move_id.map_or(0, |m| m + 1)
                ),
            })
            .collect();
        assert_eq!(rebuilt, expected);
        // Edits rebuild both texts.
        let (mut rebuilt_old, mut rebuilt_new) = (String::new(), String::new());
        for k in 0..e {
            let x = edits_at + EDIT * k;
            let (op, s, t) = (packed[x], packed[x + 1], packed[x + 2]);
            if op != 2 {
                rebuilt_old += &text(&o16, s, t);
            }
            // Equal edits are offsets into the old text, as their texts borrow from it.
            match op {
                1 => rebuilt_new += &text(&o16, s, t),
                2 => rebuilt_new += &text(&n16, s, t),
                _ => {}
            }
        }
        assert_eq!((rebuilt_old.as_str(), rebuilt_new.as_str()), (old, new));
        for (k, mv) in d.moves.iter().enumerate() {
            let x = moves_at + MOVE * k;
            assert_eq!(
                &packed[x..x + 5],
                &[
                    mv.from as u32,
                    mv.to as u32,
                    (mv.similarity * 1e6).round() as u32,
                    mv.old_row as u32,
                    mv.new_row as u32
                ]
            );
        }
        let detail: Vec<u8> = packed[moves_at + MOVE * m..].iter().map(|&b| b as u8).collect();
        assert_eq!(
            String::from_utf8(detail).unwrap(),
            d.fallback.map(|f| f.detail).unwrap_or_default()
        );
    }

    #[test]
    fn round_trips_the_seed_pair() {
        check(
            include_str!("../../tests/fixtures/old.txt"),
            include_str!("../../tests/fixtures/new.txt"),
            &Options::default(),
        );
    }

    #[test]
    fn round_trips_moves_astral_text_and_a_fallback() {
        let old = "Tab\there, \"quotes\", emoji \u{1F600} and \u{10437}.\n\nThe moving paragraph talks about sanctions and summits in Helsinki today.\n\nStays.\n\nStays too.";
        let new = "Stays.\n\nStays too.\n\nTab\there, \"quotes\", emoji \u{1F600} and \u{10437}!\n\nThe moving paragraph talks about sanctions and summits in Geneva today.";
        check(old, new, &Options::default());
        check(
            old,
            new,
            &Options::default().with_timeout(Some(core::time::Duration::from_nanos(1))),
        );
    }

    #[test]
    fn offsets_of_wide_text_converted_back_and_forth() {
        // Changed, moved and unchanged paragraphs of text beyond ASCII, some of them long: the
        // spans' and edits' offsets are counted from the paragraphs', out of document order
        // where a move or an insertion sends them back.
        let para = |i: usize| {
            let word = ["caf\u{e9}", "\u{4e16}\u{754c}", "\u{1F600}", "plain"][i % 4];
            format!("Paragraph {i} with {word} and {}.\n\n", "more words ".repeat(i % 7 * 3))
        };
        let old: String = (0..60).map(para).collect();
        let mut new: String = (0..60).filter(|&i| i != 7).map(para).collect();
        new = new.replacen("Paragraph 30 with", "Paragraph 30 now with \u{e9}", 1);
        new = new.replacen("Paragraph 55 with", "Paragraph 55 w\u{1F600}th", 1);
        new.push_str(&para(7).replace("Paragraph", "Moved paragraph"));
        new.insert_str(0, "A new \u{4e16} first paragraph.\n\n");
        for options in [Options::default(), Options::default().with_move_threshold(0.3)] {
            check(&old, &new, &options);
            check(&new, &old, &options);
        }
    }

    #[test]
    fn an_unchanged_run_is_one_record_whatever_its_length() {
        let old: String = (0..500).map(|i| format!("Paragraph {i} is here.\n\n")).collect();
        let new = old.replacen("Paragraph 250 is", "Paragraph 250 was", 1);
        let d = diff(&old, &new, &Options::default()).unwrap();
        let packed = pack(&d).unwrap();
        assert_eq!(packed[5], 3, "blocks: a run, the changed row, a run");
        assert_eq!(packed[9], 500, "rows");
        assert!(
            packed.len() < HEADER + 4 * 500 + 3 * BLOCK + 20 * SPAN + 10 * EDIT,
            "{} words",
            packed.len()
        );
        check(&old, &new, &Options::default());
    }

    #[test]
    fn a_run_of_deleted_or_inserted_paragraphs_is_one_record() {
        let (old, new) = ("a\n".repeat(3000), "b\n".repeat(2000));
        let d = diff(&old, &new, &Options::default()).unwrap();
        let packed = pack(&d).unwrap();
        assert_eq!((packed[5], packed[6], packed[9]), (2, 0, 5000), "blocks, spans, rows");
        check(&old, &new, &Options::default());
        check("x\n\nkept paragraph\n\ny\n\nz", "kept paragraph\n\nw", &Options::default());
    }

    #[test]
    fn empty_inputs_pack_to_a_header() {
        let d = diff("", "", &Options::default()).unwrap();
        assert_eq!(pack(&d).unwrap().len(), HEADER);
        check("", "", &Options::default());
        check("", "Only new.", &Options::default());
    }
}
