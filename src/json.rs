//! The model as one JSON text, written by hand, with texts as offsets.
//!
//! The wasm binding hands JavaScript one string and one `JSON.parse` instead of building the
//! objects field by field: that dropped `serde_wasm_bindgen` and the derived serializers from
//! the module (11 KB of its 60 KB gzipped budget). The shape is what serde's derives produce
//! with `rename_all = "camelCase"` (a test compares the two), except that
//! * every text (of an edit, of a span) is written as `[start, end]`, offsets into its input in
//!   the caller's units, which the caller turns back into text: JavaScript slices its own strings
//!   (V8 shares the characters), so no article text crosses the boundary twice. On a 2 MB
//!   near-identical pair that shrank the JSON from 6.7 M chars to a few hundred K;
//! * the paragraphs of each side are one flat list `[start, end, start, end, …]` in the caller's
//!   units, and an equal row (always one whole paragraph a side, byte for byte the same) is
//!   `[oldParagraph, newParagraph]`: the caller builds those objects. Most rows of a long,
//!   lightly edited pair are equal ones; written in full they made the JSON of the 2 MB book
//!   pair 758 K chars, and `JSON.parse` took longer than building the same objects in JavaScript;
//! * similarities are rounded to six decimals.

use core::fmt::Write;

use crate::error::Side;
use crate::model::{Cell, Diff, Edit, Fallback, FallbackReason, Move, Op, Paragraph, Row, RowKind, Span, SpanKind, Stats};

/// Where a text borrowed from an input lies in it, in the caller's units: `locate(side, text)`.
pub(crate) type Locate<'l> = dyn FnMut(Side, &str) -> (usize, usize) + 'l;

/// Writes `d` as JSON, with `old_paragraphs` and `new_paragraphs` as the paragraph offsets and
/// every text as the offsets `locate` gives.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn diff_json(d: &Diff<'_>, old_paragraphs: &[(usize, usize)], new_paragraphs: &[(usize, usize)], locate: &mut Locate<'_>) -> String {
    let mut w = Writer {
        out: String::with_capacity(d.edits.len() * 24 + d.rows.len() * 160 + 256),
        locate,
        paragraphs: [&d.old_paragraphs, &d.new_paragraphs],
    };
    w.raw("{\"edits\":");
    w.list(&d.edits, Writer::edit);
    w.raw(",\"oldParagraphs\":");
    w.list(old_paragraphs, Writer::range);
    w.raw(",\"newParagraphs\":");
    w.list(new_paragraphs, Writer::range);
    w.raw(",\"rows\":");
    w.list(&d.rows, Writer::row);
    w.raw(",\"moves\":");
    w.list(&d.moves, Writer::movement);
    w.raw(",\"stats\":");
    w.stats(&d.stats);
    w.raw(",\"approximate\":");
    w.raw(if d.approximate { "true" } else { "false" });
    w.raw(",\"fallback\":");
    match &d.fallback {
        Some(f) => w.fallback(f),
        None => w.raw("null"),
    }
    w.raw("}");
    w.out
}

struct Writer<'w, 'l> {
    out: String,
    locate: &'w mut Locate<'l>,
    /// The paragraphs of the old and the new text, to tell a whole-paragraph span.
    paragraphs: [&'w [Paragraph]; 2],
}

impl Writer<'_, '_> {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `n` in decimal. By hand, not `write!`: it runs for every paragraph and row (16 K times on
    /// a 2 MB book), and `core::fmt` took 0.25 ms of that in Chromium.
    fn number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // ASCII digits are always UTF-8.
        self.out.push_str(core::str::from_utf8(&digits[at..]).unwrap_or_default());
    }

    /// A similarity in `0.0..=1.0`, to six decimals, without the float formatter (which would
    /// add 20 KB to the module).
    fn fraction(&mut self, x: f64) {
        let millionths = (x.clamp(0.0, 1.0) * 1_000_000.0).round() as u32;
        let (whole, part) = (millionths / 1_000_000, millionths % 1_000_000);
        let _ = write!(self.out, "{whole}.{part:06}");
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escaped = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1F => "",
                _ => continue,
            };
            self.out.push_str(crate::text::slice(s, start..i));
            if escaped.is_empty() {
                let _ = write!(self.out, "\\u{:04x}", b);
            } else {
                self.out.push_str(escaped);
            }
            start = i + 1;
        }
        self.out.push_str(crate::text::from(s, start));
        self.out.push('"');
    }

    fn key(&mut self, first: bool, name: &str) {
        if !first {
            self.out.push(',');
        }
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            item(self, x);
        }
        self.out.push(']');
    }

    /// A text of `side` as `[start,end]`.
    fn at(&mut self, side: Side, text: &str) {
        let (start, end) = (self.locate)(side, text);
        self.raw("[");
        self.number(start);
        self.raw(",");
        self.number(end);
        self.raw("]");
    }

    fn edit(&mut self, e: &Edit<'_>) {
        self.raw(match e.op {
            Op::Equal => "[0,",
            Op::Delete => "[-1,",
            Op::Insert => "[1,",
        });
        self.at(if e.op == Op::Insert { Side::New } else { Side::Old }, e.text);
        self.raw("]");
    }

    /// A paragraph as `start,end` (an item pair of the flat list).
    fn range(&mut self, r: &(usize, usize)) {
        self.number(r.0);
        self.raw(",");
        self.number(r.1);
    }

    fn row(&mut self, r: &Row<'_>) {
        if let (RowKind::Equal, Some(o), Some(n), None, false) = (r.kind, &r.old, &r.new, r.move_id, r.cosmetic) {
            if let ([i], [j], [os], [ns]) = (&o.paragraphs[..], &n.paragraphs[..], &o.spans[..], &n.spans[..]) {
                // The compact form stands for the whole paragraphs: write it only for them.
                let whole = |side: usize, k: usize, s: &Span<'_>| {
                    self.paragraphs[side].get(k).is_some_and(|p| p.byte_end - p.byte_start == s.text.len())
                };
                let plain = |s: &Span<'_>| s.kind == SpanKind::Equal && !s.cosmetic;
                if plain(os) && plain(ns) && whole(0, *i, os) && whole(1, *j, ns) {
                    self.raw("[");
                    self.number(*i);
                    self.raw(",");
                    self.number(*j);
                    return self.raw("]");
                }
            }
        }
        self.raw("{\"kind\":\"");
        self.raw(match r.kind {
            RowKind::Equal => "equal",
            RowKind::Changed => "changed",
            RowKind::Split => "split",
            RowKind::Merged => "merged",
            RowKind::Inserted => "inserted",
            RowKind::Deleted => "deleted",
            RowKind::Moved => "moved",
        });
        self.raw("\",\"old\":");
        self.cell(Side::Old, r.old.as_ref());
        self.raw(",\"new\":");
        self.cell(Side::New, r.new.as_ref());
        if let Some(m) = r.move_id {
            self.raw(",\"move\":");
            self.number(m);
        }
        self.raw(if r.cosmetic { ",\"cosmetic\":true}" } else { ",\"cosmetic\":false}" });
    }

    fn cell(&mut self, side: Side, c: Option<&Cell<'_>>) {
        let Some(c) = c else { return self.raw("null") };
        self.raw("{\"paragraphs\":");
        self.list(&c.paragraphs, |w, &p| w.number(p));
        self.raw(",\"spans\":");
        self.list(&c.spans, |w, s| w.span(side, s));
        self.raw("}");
    }

    fn span(&mut self, side: Side, s: &Span<'_>) {
        self.raw(match (s.kind, s.cosmetic) {
            (SpanKind::Equal, false) => "{\"kind\":\"equal\",\"cosmetic\":false,\"text\":",
            (SpanKind::Equal, true) => "{\"kind\":\"equal\",\"cosmetic\":true,\"text\":",
            (SpanKind::Insert, false) => "{\"kind\":\"insert\",\"cosmetic\":false,\"text\":",
            (SpanKind::Insert, true) => "{\"kind\":\"insert\",\"cosmetic\":true,\"text\":",
            (SpanKind::Delete, false) => "{\"kind\":\"delete\",\"cosmetic\":false,\"text\":",
            (SpanKind::Delete, true) => "{\"kind\":\"delete\",\"cosmetic\":true,\"text\":",
        });
        self.at(side, s.text);
        self.raw("}");
    }

    fn movement(&mut self, m: &Move) {
        for (i, (name, value)) in [("id", m.id), ("from", m.from), ("to", m.to)].into_iter().enumerate() {
            self.raw(if i == 0 { "{" } else { "" });
            self.key(i == 0, name);
            self.number(value);
        }
        self.key(false, "similarity");
        self.fraction(m.similarity);
        self.key(false, "oldRow");
        self.number(m.old_row);
        self.key(false, "newRow");
        self.number(m.new_row);
        self.raw("}");
    }

    fn stats(&mut self, s: &Stats) {
        let fields = [
            ("wordsInserted", s.words_inserted),
            ("wordsDeleted", s.words_deleted),
            ("wordsUnchanged", s.words_unchanged),
            ("paragraphsChanged", s.paragraphs_changed),
            ("paragraphsInserted", s.paragraphs_inserted),
            ("paragraphsDeleted", s.paragraphs_deleted),
            ("paragraphsMoved", s.paragraphs_moved),
            ("paragraphsSplit", s.paragraphs_split),
            ("paragraphsMerged", s.paragraphs_merged),
            ("cosmeticChanges", s.cosmetic_changes),
        ];
        self.raw("{");
        for (i, (name, value)) in fields.into_iter().enumerate() {
            self.key(i == 0, name);
            self.number(value);
        }
        self.raw("}");
    }

    fn fallback(&mut self, f: &Fallback) {
        self.raw("{\"reason\":");
        self.raw(match f.reason {
            FallbackReason::Deadline => "\"deadline\"",
        });
        self.raw(",\"detail\":");
        self.string(&f.detail);
        self.raw("}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{diff, Options};

    /// Our JSON, its offsets turned back into text, parses to what serde's derives give,
    /// paragraph offsets and rounding aside.
    fn check(old: &str, new: &str, options: &Options) {
        let d = diff(old, new, options).unwrap();
        let ranges = |ps: &[crate::Paragraph]| -> Vec<(usize, usize)> { ps.iter().map(|p| (p.byte_start, p.byte_end)).collect() };
        let base = |side: Side| if side == Side::Old { old.as_ptr() as usize } else { new.as_ptr() as usize };
        let mut locate = |side: Side, text: &str| {
            let start = text.as_ptr() as usize - base(side);
            (start, start + text.len())
        };
        let json = diff_json(&d, &ranges(&d.old_paragraphs), &ranges(&d.new_paragraphs), &mut locate);
        let mut ours: serde_json::Value = serde_json::from_str(&json).unwrap();
        let text = |side: &str, at: &serde_json::Value| {
            let (s, e) = (at[0].as_u64().unwrap() as usize, at[1].as_u64().unwrap() as usize);
            serde_json::Value::from(if side == "new" { &new[s..e] } else { &old[s..e] })
        };
        for e in ours["edits"].as_array_mut().unwrap() {
            e[1] = text(if e[0] == 1 { "new" } else { "old" }, &e[1]);
        }
        // What `materialize` in src/wasm.rs does with the compact forms.
        for side in ["oldParagraphs", "newParagraphs"] {
            let flat: Vec<serde_json::Value> = ours[side].as_array().unwrap().clone();
            ours[side] = flat.chunks(2).map(|p| serde_json::json!({"start": p[0], "end": p[1]})).collect();
        }
        let (old_ps, new_ps) = (ours["oldParagraphs"].clone(), ours["newParagraphs"].clone());
        for r in ours["rows"].as_array_mut().unwrap() {
            if let Some([i, j]) = r.as_array().map(|a| [a[0].as_u64().unwrap() as usize, a[1].as_u64().unwrap() as usize]) {
                let whole = |ps: &serde_json::Value, k: usize| serde_json::json!({"paragraphs": [k], "spans": [{"kind": "equal", "cosmetic": false, "text": [ps[k]["start"], ps[k]["end"]]}]});
                *r = serde_json::json!({"kind": "equal", "old": whole(&old_ps, i), "new": whole(&new_ps, j), "cosmetic": false});
            }
            for side in ["old", "new"] {
                // (`r[side]["spans"]` on a null cell would turn it into an object.)
                if r[side].is_null() {
                    continue;
                }
                if let Some(spans) = r[side]["spans"].as_array_mut() {
                    for s in spans {
                        s["text"] = text(side, &s["text"]);
                    }
                }
            }
        }
        let mut theirs = serde_json::to_value(&d).unwrap();
        for side in ["oldParagraphs", "newParagraphs"] {
            for p in theirs[side].as_array_mut().unwrap() {
                let (s, e) = (p["byteStart"].clone(), p["byteEnd"].clone());
                *p = serde_json::json!({"start": s, "end": e});
            }
        }
        for m in theirs["moves"].as_array_mut().unwrap() {
            let sim = m["similarity"].as_f64().unwrap();
            m["similarity"] = serde_json::json!((sim * 1e6).round() / 1e6);
        }
        assert_eq!(ours, theirs);
    }

    #[test]
    fn matches_serde_on_the_seed_pair() {
        check(include_str!("../tests/fixtures/old.txt"), include_str!("../tests/fixtures/new.txt"), &Options::default());
    }

    #[test]
    fn matches_serde_with_moves_escapes_and_a_fallback() {
        let old = "Tab\there, \"quotes\", back\\slash, \u{1}control, emoji \u{1F600}.\n\nThe moving paragraph talks about sanctions and summits in Helsinki today.\n\nStays.";
        let new = "Stays.\n\nTab\there, \"quotes\", back\\slash, \u{1}control, emoji \u{1F600}!\n\nThe moving paragraph talks about sanctions and summits in Geneva today.";
        check(old, new, &Options::default());
        check(old, new, &Options::default().with_timeout(Some(core::time::Duration::from_nanos(1))));
    }

    #[test]
    fn only_whole_paragraph_equal_rows_are_compact() {
        let (old, new) = ("One.\n\nTwo, unchanged.\n\nThree.", "One!\n\nTwo, unchanged.\n\nThree?");
        let mut d = diff(old, new, &Options::default()).unwrap();
        let ranges = |ps: &[crate::Paragraph]| -> Vec<(usize, usize)> { ps.iter().map(|p| (p.byte_start, p.byte_end)).collect() };
        let (olds, news) = (ranges(&d.old_paragraphs), ranges(&d.new_paragraphs));
        let mut locate = |_: Side, _: &str| (0, 0);
        let rows = |d: &Diff<'_>, locate: &mut Locate<'_>| -> serde_json::Value {
            serde_json::from_str::<serde_json::Value>(&diff_json(d, &olds, &news, locate)).unwrap()["rows"].clone()
        };
        assert_eq!(rows(&d, &mut locate)[1], serde_json::json!([1, 1]));
        // A (hypothetical) equal row showing part of its paragraph must be written in full.
        let span = &mut d.rows[1].old.as_mut().unwrap().spans[0];
        span.text = &span.text[..3];
        assert_eq!(rows(&d, &mut locate)[1]["kind"], "equal");
    }

    #[test]
    fn numbers_in_decimal() {
        let mut locate = |_: Side, _: &str| (0, 0);
        let mut w = Writer { out: String::new(), locate: &mut locate, paragraphs: [&[], &[]] };
        for n in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            w.number(n);
            w.raw(" ");
        }
        assert_eq!(w.out, format!("0 7 10 99 100 12345 {} ", usize::MAX));
    }

    #[test]
    fn fractions_round_to_six_decimals() {
        let mut locate = |_: Side, _: &str| (0, 0);
        let mut w = Writer { out: String::new(), locate: &mut locate, paragraphs: [&[], &[]] };
        for x in [0.0, 1.0, 0.8, 2.0 / 3.0] {
            w.fraction(x);
            w.raw(" ");
        }
        assert_eq!(w.out, "0.000000 1.000000 0.800000 0.666667 ");
    }
}
