//! The reader's JavaScript boundary, compiled only into the reader's own wasm module
//! (`--features markup-module --out-name article_diff_markup`), never into the engine's: the
//! engine's module has a 60 KB gzipped budget that an HTML reader with its entity table does
//! not fit in. A page loads this module only when a format other than text is asked for.
//!
//! `read(source, markup)` returns the [`crate::markup::Document`] as flat typed arrays (views
//! of one buffer) and one string, which the engine module takes as they are (stage 2 of issue 27). Every offset is in
//! UTF-16 code units: of `text` for text offsets, of `source` for source offsets.
//!
//! ```text
//! { text: string,
//!   blocks:  Int32Array, 10 per block: kind, level, quoteDepth, listFlags, listDepth, number,
//!            textStart, textEnd, sourceStart, sourceEnd
//!            kind 0 paragraph, 1 heading (level 1–6), 2 preformatted, 3 term, 4 description,
//!            5 caption, 6 table cell (level 1 = header); listFlags bit 0 in a list item,
//!            bit 1 ordered, bit 2 the item's first block, bit 3 has a number
//!   marks:   Int32Array, 4 per mark: kind, textStart, textEnd, href (index in strings, or -1)
//!            kind 0 bold, 1 italic, 2 underline, 3 strike, 4 code, 5 sub, 6 sup, 7 highlight,
//!            8 link
//!   embeds:  Int32Array, 4 per embed: kind, at, src (index in strings, or -1), alt (index)
//!            kind 0 image, 1 video, 2 audio, 3 frame, 4 object, 5 svg
//!   anchors: Int32Array, 2 per anchor: text offset, source offset; the text from there to
//!            the next anchor is a copy of the source from there, or, when the source
//!            offset is stored as -1 - offset, decoded from the source there (a character
//!            reference, collapsed whitespace, a line break): `Document::source_offset`
//!   strings: string[] }
//! ```
//!
//! Two modules are built from this file. `article_diff_markup` (feature `markup-module`) reads
//! HTML and diffs documents; `article_diff_markdown` (`markup-module,markdown`) reads HTML and
//! Markdown only: pulldown-cmark and the diffing code together do not fit one module's budget.
//!
//! `Documents` (HTML module) holds both sides of a diff of two documents (`diffDocuments` in
//! `www/article-diff-documents.js`). `Documents.read(oldSource, newSource, "html")` reads
//! both sources here (the new one only where it differs from the old one:
//! `crate::markup::read_pair`; copied in as `diff()` copies its texts, by `src/copy.js`) and keeps the documents, with their records for drawing
//! (`oldRecord`, `newRecord`, as `read()` returns them); `Documents.fromRecords(oldRecord, newRecord)`
//! rebuilds them from what `read()` returned for each side, for the Markdown module's records.
//! `engineBytes()` gives the two texts the engine's module diffs (the visible texts with each
//! block's line breaks as U+000B, `crate::markup::compare`) as UTF-8 views of this module's
//! memory, for the engine's `diffUtf8()`; `annotate(packed)` turns the
//! engine's packed model into one with the formatting changes (`crate::markup::packed`), over
//! `oldText` and `newText`.

#[cfg(not(feature = "markdown"))]
use core::ops::Range;
use js_sys::{Array, Int32Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::markup::{read as read_markup, BlockKind, Document, EmbedKind, MarkKind, Markup};
#[cfg(not(feature = "markdown"))]
use std::borrow::Cow;

#[cfg(not(feature = "markdown"))]
use crate::{
    copy::{encode_into_spare, placeholders_pay, text_from_placeholders, TextCopy},
    error::Side,
    markup::compare::{annotate, engine_text},
    markup::packed::{repack, unpack_with, Bytes, Index},
    markup::{Block, Embed, ListItem, Mark},
    markup::{ReadError, Revision},
    unicode::utf8::is_utf8,
};

#[wasm_bindgen]
extern "C" {
    /// The page's `TextEncoder`: a source or a record's text written into linear memory by
    /// `encodeInto`, not by the glue's character loop.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsValue, into: &js_sys::Uint8Array) -> JsValue;
}

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(start, skip_typescript)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Byte offsets of one string to UTF-16 offsets. A byte offset is its UTF-16 offset less the
/// bytes that the non-ASCII characters before it take beyond their UTF-16 units, so only those
/// characters are listed, with that running excess. A query between the same two of them as
/// the previous query costs two comparisons (the records are converted in order, each kind of
/// record in its own pass, and an ASCII text has no such characters); others move on or search.
/// Finding them skips eight ASCII bytes a step: this conversion was most of `read()`'s time.
struct Utf16 {
    len: u32,
    /// `(byte after the character, excess up to it)` for each non-ASCII character.
    extra: Vec<(u32, u32)>,
    /// How many of `extra` end at or before the last query…
    k: usize,
    /// …so that queries from `lo` to before `hi` have the excess `excess`.
    lo: u32,
    hi: u32,
    excess: u32,
}

impl Utf16 {
    /// The offsets of `text`, whose JS string has `units` code units (as many as its bytes
    /// only when it is ASCII: then there is nothing to look for).
    fn new(text: &str, units: u32) -> Utf16 {
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let mut extra = Vec::new();
        let mut excess = 0u32;
        let mut i = if units as usize == bytes.len() { bytes.len() } else { 0 };
        while i < bytes.len() {
            // With SIMD, 32 bytes a step first.
            #[cfg(target_feature = "simd128")]
            if let Some(chunk) = bytes.get(i..i + 32) {
                use core::arch::wasm32::{u64x2, u8x16_bitmask, v128_or};
                let word =
                    |k: usize| u64::from_le_bytes(chunk[k..k + 8].try_into().unwrap_or_default());
                let (low, high) = (u64x2(word(0), word(8)), u64x2(word(16), word(24)));
                if u8x16_bitmask(v128_or(low, high)) == 0 {
                    i += 32;
                    continue;
                }
            }
            if let Some(chunk) = bytes.get(i..i + 8) {
                if u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & HIGHS == 0 {
                    i += 8;
                    continue;
                }
            }
            let (len, units) = match bytes[i] {
                0..0x80 => (1, 1),
                0xF0.. => (4, 2),
                0xE0.. => (3, 1),
                _ => (2, 1),
            };
            if len > 1 {
                excess += len - units;
                extra.push(((i + len as usize) as u32, excess));
            }
            i += len as usize;
        }
        let mut utf16 = Utf16 { len: bytes.len() as u32, extra, k: 0, lo: 0, hi: 0, excess: 0 };
        utf16.restart();
        utf16
    }

    /// The offsets of a text of `len` bytes whose non-ASCII characters are listed already
    /// (`Index::wide_ends`): no scan.
    #[cfg(not(feature = "markdown"))]
    fn from_ends(len: usize, extra: Vec<(u32, u32)>) -> Utf16 {
        let mut utf16 = Utf16 { len: len as u32, extra, k: 0, lo: 0, hi: 0, excess: 0 };
        utf16.restart();
        utf16
    }

    #[inline(always)]
    fn at(&mut self, byte: usize) -> i32 {
        let byte = (byte as u32).min(self.len);
        if byte >= self.lo && byte < self.hi {
            return (byte - self.excess) as i32;
        }
        self.seek(byte)
    }

    fn seek(&mut self, byte: u32) -> i32 {
        let mut k = self.k;
        if byte < self.lo {
            k = self.extra.partition_point(|&(end, _)| end <= byte);
        } else {
            while self.extra.get(k).is_some_and(|&(end, _)| end <= byte) {
                k += 1;
            }
        }
        self.k = k;
        (self.lo, self.excess) = if k > 0 { self.extra[k - 1] } else { (0, 0) };
        self.hi = self.extra.get(k).map_or(u32::MAX, |&(end, _)| end);
        (byte - self.excess) as i32
    }

    /// Queries start over from the text's start: each kind of record is in order of its own,
    /// and walking on from its previous query is cheaper than a search.
    fn restart(&mut self) {
        self.k = 0;
        self.seek(0);
    }
}

/// The property names the HTML module sets or reads, as JS strings made once per module
/// rather than decoded at every use (a record has six, and every read and record conversion
/// asks). Not in the Markdown module, whose size budget has no room for the cache.
#[cfg(not(feature = "markdown"))]
const KEYS: [&str; 8] =
    ["text", "blocks", "marks", "embeds", "anchors", "strings", "read", "written"];

#[cfg(not(feature = "markdown"))]
thread_local! {
    static KEY_VALUES: Vec<JsValue> = KEYS.iter().map(|k| JsValue::from_str(k)).collect();
}

/// `f` of `name` as a JS string: one of [`KEYS`] made once, any other made now.
#[cfg(not(feature = "markdown"))]
fn with_key<T>(name: &str, f: impl FnOnce(&JsValue) -> T) -> T {
    match KEYS.iter().position(|k| *k == name) {
        Some(i) => KEY_VALUES.with(|keys| f(&keys[i])),
        None => f(&JsValue::from_str(name)),
    }
}

/// `f` of `name` as a JS string.
#[cfg(feature = "markdown")]
fn with_key<T>(name: &str, f: impl FnOnce(&JsValue) -> T) -> T {
    f(&JsValue::from_str(name))
}

fn set(object: &Object, name: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    with_key(name, |key| _ = Reflect::set(object, key, value));
}

fn strings_index<'d>(strings: &mut Vec<&'d str>, s: &'d str) -> i32 {
    strings.push(s);
    (strings.len() - 1) as i32
}

/// `doc` as its JS record; `source` is what it was read from, a JS string of `source_units`.
fn to_js(doc: &Document, source: &str, source_units: u32) -> Object {
    let text = JsValue::from_str(&doc.text);
    let text16 = Utf16::new(&doc.text, text.unchecked_ref::<JsString>().length());
    record(doc, text, text16, source, source_units)
}

/// [`to_js`], and the text's [`Index`] for [`Documents`], which the text's offsets are
/// converted through too (the text is scanned once for both). `text` is the document's text
/// as a JS string when it is made already.
#[cfg(not(feature = "markdown"))]
fn to_js_indexed(
    doc: &Document,
    text: Option<JsValue>,
    source: &str,
    source_units: u32,
) -> (Object, JsValue, Index) {
    let (text, index) = match text {
        Some(text) => {
            let units = text.unchecked_ref::<JsString>().length() as usize;
            (text, Bytes::index(&doc.text, Some(units)))
        }
        // The same index (the length in units only spares an ASCII text the scan), made
        // first: `js_text` goes by its characters beyond ASCII.
        None => {
            let index = Bytes::index(&doc.text, None);
            (js_text(&doc.text, index.wide_ends().as_deref()), index)
        }
    };
    let units = text.unchecked_ref::<JsString>().length();
    let text16 = match index.wide_ends() {
        Some(ends) => Utf16::from_ends(doc.text.len(), ends),
        None => Utf16::new(&doc.text, units),
    };
    (record(doc, text.clone(), text16, source, source_units), text, index)
}

/// `text` as a JS string, its characters beyond ASCII being those that end where `ends` say
/// (`Index::wide_ends`). Decoded, or, where `placeholders_pay` and those characters are few
/// (at most one in [`SPARSE_WIDE`] bytes) in a long text without U+0000, made by
/// `text_from_placeholders` from its ASCII and those characters apart.
#[cfg(not(feature = "markdown"))]
fn js_text(text: &str, ends: Option<&[(u32, u32)]>) -> JsValue {
    let bytes = text.as_bytes();
    let ends = match ends {
        Some(ends)
            if !ends.is_empty()
                && ends.len() <= bytes.len() / SPARSE_WIDE
                && placeholders_pay()
                && !bytes.contains(&0) =>
        {
            ends
        }
        _ => return JsValue::from_str(text),
    };
    let mut ascii = Vec::with_capacity(bytes.len());
    let mut wide = String::with_capacity(ends.len() * 5);
    let mut at = 0;
    for &(end, _) in ends {
        let end = end as usize;
        // The character's first byte: a UTF-8 character is at most four bytes long.
        let start = (1..=4).map(|n| end.saturating_sub(n)).find(|&s| text.is_char_boundary(s));
        let Some((start, char)) = start.and_then(|s| Some((s, text.get(s..end)?))) else {
            return JsValue::from_str(text);
        };
        ascii.extend_from_slice(bytes.get(at..start).unwrap_or_default());
        ascii.push(0);
        wide.push_str(char);
        wide.push('\0');
        at = end;
    }
    ascii.extend_from_slice(bytes.get(at..).unwrap_or_default());
    let wide = JsValue::from_str(&wide);
    // A view of linear memory, decoded before anything else is allocated.
    let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
    let view = js_sys::Uint8Array::new_with_byte_offset_and_length(
        &memory.buffer(),
        ascii.as_ptr() as u32,
        ascii.len() as u32,
    );
    text_from_placeholders(&view, &wide)
}

/// [`js_text`] makes a text from placeholders when it has at most one character beyond
/// ASCII in this many bytes: Blink decodes such a text in about a third of the time
/// (`docs/performance.md`), one with many more of them faster whole.
#[cfg(not(feature = "markdown"))]
const SPARSE_WIDE: usize = 256;

/// The record of `doc`, whose text is `text` (offsets through `text16`), read from `source`.
fn record(
    doc: &Document,
    text: JsValue,
    mut text16: Utf16,
    source: &str,
    source_units: u32,
) -> Object {
    let mut source16 = Utf16::new(source, source_units);
    let mut strings = Vec::new();
    // One array for the four kinds of record, handed out as views of it: one copy out of
    // linear memory.
    let sizes = [
        doc.blocks.len() * 10,
        doc.marks.len() * 4,
        doc.embeds.len() * 4,
        doc.source_anchors().len() * 2,
    ];
    let mut ints = Vec::with_capacity(sizes.iter().sum());
    for b in &doc.blocks {
        let (kind, level) = match b.kind {
            BlockKind::Paragraph => (0, 0),
            BlockKind::Heading(n) => (1, i32::from(n)),
            BlockKind::Preformatted => (2, 0),
            BlockKind::Term => (3, 0),
            BlockKind::Description => (4, 0),
            BlockKind::Caption => (5, 0),
            BlockKind::TableCell { header } => (6, i32::from(header)),
        };
        let (flags, depth, number) = match b.list {
            None => (0, 0, 0),
            Some(l) => (
                1 | i32::from(l.ordered) << 1
                    | i32::from(l.first) << 2
                    | i32::from(l.number.is_some()) << 3,
                l.depth as i32,
                l.number.map_or(0, |n| n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32),
            ),
        };
        ints.extend_from_slice(&[
            kind,
            level,
            b.quote_depth as i32,
            flags,
            depth,
            number,
            text16.at(b.text.start),
            text16.at(b.text.end),
            source16.at(b.source.start),
            source16.at(b.source.end),
        ]);
    }
    text16.restart();
    for m in &doc.marks {
        let (kind, href) = match &m.kind {
            MarkKind::Bold => (0, -1),
            MarkKind::Italic => (1, -1),
            MarkKind::Underline => (2, -1),
            MarkKind::Strike => (3, -1),
            MarkKind::Code => (4, -1),
            MarkKind::Subscript => (5, -1),
            MarkKind::Superscript => (6, -1),
            MarkKind::Highlight => (7, -1),
            MarkKind::Link(target) => {
                (8, target.as_deref().map_or(-1, |t| strings_index(&mut strings, t)))
            }
        };
        ints.extend_from_slice(&[kind, text16.at(m.text.start), text16.at(m.text.end), href]);
    }
    text16.restart();
    for e in &doc.embeds {
        let kind = match e.kind {
            EmbedKind::Image => 0,
            EmbedKind::Video => 1,
            EmbedKind::Audio => 2,
            EmbedKind::Frame => 3,
            EmbedKind::Object => 4,
            EmbedKind::Svg => 5,
        };
        let src = e.src.as_deref().map_or(-1, |s| strings_index(&mut strings, s));
        let alt = strings_index(&mut strings, &e.alt);
        ints.extend_from_slice(&[kind, text16.at(e.at), src, alt]);
    }
    text16.restart();
    source16.restart();
    for a in doc.source_anchors() {
        let s = source16.at(a.source as usize);
        ints.extend_from_slice(&[text16.at(a.text as usize), if a.decoded { -1 - s } else { s }]);
    }
    let out = Object::new();
    set(&out, "text", &text);
    let all = Int32Array::from(&ints[..]);
    let mut start = 0;
    for (name, size) in ["blocks", "marks", "embeds", "anchors"].into_iter().zip(sizes) {
        set(&out, name, &all.subarray(start as u32, (start + size) as u32));
        start += size;
    }
    set(&out, "strings", &to_js_strings(&strings));
    out
}

/// `strings` as a JS array. Passing each across on its own costs a decoder call apiece (most of
/// `read()`'s time in a page of links), so they cross as one string split at U+0000, which
/// no attribute value or Markdown destination holds (both readers replace it with U+FFFD);
/// should one hold it anyway, one by one.
fn to_js_strings(strings: &[&str]) -> Array {
    if strings.is_empty() || strings.iter().any(|s| s.contains('\0')) {
        return strings.iter().map(|s| JsValue::from_str(s)).collect();
    }
    JsString::from(strings.join("\0").as_str()).split("\0")
}

/// A JS string as a Rust string (lone surrogates as U+FFFD, as `as_string` has them), or
/// `None` when it is not a string or does not fit in memory.
fn string_from_js(value: &JsValue, encoder: &TextEncoder) -> Option<String> {
    let js = value.dyn_ref::<JsString>()?;
    let units = js.length() as usize;
    // `vec!` traps when memory runs out: ask first (and fill the room asked for, rather than
    // free it and ask again). Room for mostly one byte a unit, then three bytes for each unit
    // left should the text need more.
    let zeroed = |bytes: usize| {
        let mut room = Vec::<u8>::new();
        room.try_reserve_exact(bytes).ok()?;
        room.resize(bytes, 0);
        Some(room)
    };
    let encode = |text: &JsValue, into: &mut [u8]| {
        let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        let view = js_sys::Uint8Array::new_with_byte_offset_and_length(
            &memory.buffer(),
            into.as_mut_ptr() as u32,
            into.len() as u32,
        );
        let done = encoder.encode_into(text, &view);
        let field = |name: &str| with_key(name, |key| Reflect::get(&done, key)).ok()?.as_f64();
        Some((field("read")? as usize, field("written")? as usize))
    };
    let mut bytes = zeroed(units.checked_add(units / 8 + 8)?)?;
    let (read, mut written) = encode(value, &mut bytes)?;
    if read < units {
        let mut larger = zeroed(written.checked_add((units - read).checked_mul(3)?)?)?;
        larger[..written].copy_from_slice(&bytes[..written]);
        bytes = larger;
        let rest = js.slice(read as u32, units as u32);
        written += encode(&rest, &mut bytes[written..])?.1;
    }
    bytes.truncate(written);
    String::from_utf8(bytes).ok()
}

/// Why a source of [`Documents::read_sources`] could not be copied in.
#[cfg(not(feature = "markdown"))]
enum Unsourced {
    NotString,
    NoMemory,
}

/// Both sources of [`Documents::read_sources`] as Rust strings (lone surrogates as U+FFFD, as
/// [`string_from_js`] has them), copied in by [`TextCopy`]: the new source's runs of lines
/// shared with the old one are copied from the old one's bytes rather than encoded again.
#[cfg(not(feature = "markdown"))]
fn sources_from_js(old: &JsValue, new: &JsValue) -> Result<(String, String), (Side, Unsourced)> {
    let units = |value: &JsValue, side: Side| {
        value.dyn_ref::<JsString>().map(|s| s.length() as usize).ok_or((side, Unsourced::NotString))
    };
    let units = [units(old, Side::Old)?, units(new, Side::New)?];
    let copy = TextCopy::new(old, new, &wasm_bindgen::memory());
    let old = copy_source(&copy, 0, units[0], 0).ok_or((Side::Old, Unsourced::NoMemory))?;
    let new = copy_source(&copy, 1, units[1], old.as_ptr() as usize)
        .ok_or((Side::New, Unsourced::NoMemory))?;
    Ok((old, new))
}

/// Source `side` (`units` UTF-16 units) copied in by `copy` (see `copy_text` in src/wasm.rs,
/// which this follows), `None` when it does not fit in memory. Room for mostly one byte a
/// unit, then three bytes for each unit left should the source need more.
#[cfg(not(feature = "markdown"))]
fn copy_source(copy: &TextCopy, side: u32, units: usize, old_at: usize) -> Option<String> {
    // Room only, not zeroed: the encoder writes every byte the source is given. `Vec`'s own
    // growth traps when memory runs out: ask first.
    let room = |bytes: usize| {
        let mut buf = Vec::<u8>::new();
        buf.try_reserve_exact(bytes).ok()?;
        Some(buf)
    };
    let encode = |buf: &mut Vec<u8>, from: usize| encode_into_spare(copy, side, buf, from, old_at);
    let mut buf = room(units.checked_add(units / 8 + 8)?)?;
    let mut read = encode(&mut buf, 0);
    if read < units {
        let mut larger = room(buf.len().checked_add((units - read).checked_mul(3)?)?)?;
        larger.extend_from_slice(&buf);
        buf = larger;
        read = encode(&mut buf, read);
    }
    // Three bytes a unit always fit, and the encoders write UTF-8; should either not hold,
    // the source is refused rather than read truncated.
    if read != units || !is_utf8(&buf) {
        return None;
    }
    // SAFETY: `is_utf8` found the bytes to be UTF-8.
    Some(unsafe { String::from_utf8_unchecked(buf) })
}

/// A JS array of strings as one Rust string and each element's range in it (one string
/// across, split at U+0000 as [`to_js_strings`] joined them: one copy of each, made when a
/// mark or embed takes it), or `None` when an element is not a string.
#[cfg(not(feature = "markdown"))]
fn from_js_strings(array: &Array, encoder: &TextEncoder) -> Option<(String, Vec<Range<usize>>)> {
    let n = array.length() as usize;
    if !array.iter().all(|s| s.is_string()) {
        return None;
    }
    let split = |joined: String| {
        let mut ranges = Vec::with_capacity(n);
        let mut start = 0;
        for part in joined.split('\0') {
            ranges.push(start..start + part.len());
            start += part.len() + 1;
        }
        (joined, ranges)
    };
    if n > 0 {
        let (joined, ranges) = split(string_from_js(&array.join("\0"), encoder)?);
        if ranges.len() == n {
            return Some((joined, ranges));
        }
    }
    let mut joined = String::new();
    let mut ranges = Vec::with_capacity(n);
    for s in array.iter() {
        let start = joined.len();
        joined.push_str(&s.as_string()?);
        ranges.push(start..joined.len());
    }
    Some((joined, ranges))
}

/// Reads `source` written in `markup` (`"html"` or `"markdown"`) into what a reader sees of
/// it (see the module docs for the shape).
///
/// # Errors
/// A JS `Error` for an unknown markup name, or from [`crate::markup::ReadError`].
#[wasm_bindgen(js_name = read)]
pub fn read(
    // Taken as the JS string it is: the glue's own copy walks an ASCII text character by
    // character in JS and over-allocates threefold for any other.
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    markup: &str,
) -> Result<JsValue, JsError> {
    let Some(markup) = Markup::from_name(markup) else {
        return Err(JsError::new(&format!(
            "read(): `markup` must be \"html\" or \"markdown\", got \"{markup}\""
        )));
    };
    let Some(source_text) = string_from_js(&source, &TextEncoder::new()) else {
        return Err(JsError::new(if source.is_string() {
            "read(): the source does not fit in the memory left"
        } else {
            "read(): `source` must be a string"
        }));
    };
    let doc = read_markup(&source_text, markup)?;
    Ok(to_js(&doc, &source_text, source.unchecked_ref::<JsString>().length()).into())
}

/// Both sides of a diff of two documents, rebuilt from what `read()` returned for each (in
/// this module for HTML, in the Markdown module for Markdown; see the module docs).
#[cfg(not(feature = "markdown"))]
#[wasm_bindgen]
pub struct Documents {
    old: Document,
    new: Document,
    /// What `read()` returns for each side, for drawing.
    old_record: JsValue,
    new_record: JsValue,
    /// The records' texts as JS strings: handed back as they are rather than decoded again.
    old_text: JsValue,
    new_text: JsValue,
    /// The engine's texts where they are not the documents' own (`engineBytes()`).
    old_engine: Option<String>,
    new_engine: Option<String>,
    /// The texts' offsets (`annotate`), from the scan made for the records.
    old_index: Index,
    new_index: Index,
}

/// One side of [`Documents`]: the document, its record, the record's text, the text's index.
#[cfg(not(feature = "markdown"))]
type Side4 = (Document, JsValue, JsValue, Index);

#[cfg(not(feature = "markdown"))]
impl Documents {
    /// The documents of both sides, each with its record, the record's text and its index.
    fn of(old: Side4, new: Side4) -> Documents {
        let ((old, old_record, old_text, old_index), (new, new_record, new_text, new_index)) =
            (old, new);
        Documents {
            old,
            new,
            old_record,
            new_record,
            old_text,
            new_text,
            old_engine: None,
            new_engine: None,
            old_index,
            new_index,
        }
    }
}

#[cfg(not(feature = "markdown"))]
#[wasm_bindgen]
impl Documents {
    /// Reads `oldSource` and `newSource`, both written in `markup` (`"html"`; this module
    /// does not read Markdown), keeping the documents here: the same documents as
    /// `fromRecords` of what `read()` returns for each, without the records' trip back in.
    ///
    /// # Errors
    /// A JS `Error` for an unknown markup name, or naming the side that could not be read.
    #[wasm_bindgen(js_name = read)]
    pub fn read_sources(
        // Taken as the JS strings they are and copied in by `src/copy.js` (`sources_from_js`):
        // the glue's own copy walks an ASCII text character by character in JS.
        #[wasm_bindgen(js_name = oldSource, unchecked_param_type = "string")] old_source: JsValue,
        #[wasm_bindgen(js_name = newSource, unchecked_param_type = "string")] new_source: JsValue,
        markup: &str,
    ) -> Result<Documents, JsError> {
        let (markup, name) = match Markup::from_name(markup) {
            Some(m @ Markup::Html) => (m, "HTML"),
            Some(m @ Markup::Markdown) => (m, "Markdown"),
            None => {
                return Err(JsError::new(&format!(
                    "Documents.read(): `markup` must be \"html\" or \"markdown\", got \"{markup}\""
                )))
            }
        };
        let (old_text, new_text) =
            sources_from_js(&old_source, &new_source).map_err(|(side, why)| {
                JsError::new(&format!(
                    "diffDocuments(): the {side} {}",
                    match why {
                        Unsourced::NoMemory => "does not fit in the memory left",
                        Unsourced::NotString => "is not a string",
                    }
                ))
            })?;
        let unread = |side: Side| {
            move |e: ReadError| {
                JsError::new(&format!(
                    "diffDocuments(): the {side} could not be read as {name}: {e}"
                ))
            }
        };
        let record =
            |doc: &Document, text: Option<JsValue>, value: &JsValue, source: &str, side: Side| {
                crate::markup::compare::check(doc, side)
                    .map_err(|e| JsError::new(&format!("diffDocuments(): {e}")))?;
                let (record, text, index) =
                    to_js_indexed(doc, text, source, value.unchecked_ref::<JsString>().length());
                Ok::<_, JsError>((JsValue::from(record), text, index))
            };
        let old = Revision::read(&old_text, markup).map_err(unread(Side::Old))?;
        let (old_record, old_js, old_index) =
            record(&old.document, None, &old_source, &old_text, Side::Old)?;
        // Read only where it differs from the old source (`Revision::next`), and its text
        // made of slices of the old one's JS string where it is a copy of it.
        let (new, copies) = old.next_copying(&new_text).map_err(unread(Side::New))?;
        let new_js_text = copied_text(&new.text, &copies, &old.document.text, &old_js, &old_index);
        let (new_record, new_js, new_index) =
            record(&new, new_js_text, &new_source, &new_text, Side::New)?;
        Ok(Documents::of(
            (old.document, old_record, old_js, old_index),
            (new, new_record, new_js, new_index),
        ))
    }

    /// The documents `read()` returned as `oldRecord` and `newRecord`.
    ///
    /// # Errors
    /// A JS `Error` naming the side whose record is not one `read()` returns.
    #[wasm_bindgen(js_name = fromRecords)]
    pub fn from_records(
        #[wasm_bindgen(js_name = oldRecord)] old_record: JsValue,
        #[wasm_bindgen(js_name = newRecord)] new_record: JsValue,
    ) -> Result<Documents, JsError> {
        let side = |record: &JsValue, side: Side| {
            let fail = |reason: &str| {
                JsError::new(&format!(
                    "diffDocuments(): {}",
                    crate::Error::InvalidDocument { side, reason: reason.into() }
                ))
            };
            let (doc, text, index) =
                from_js(record).ok_or_else(|| fail("it is not a record read() returned"))?;
            crate::markup::compare::check(&doc, side)
                .map_err(|e| JsError::new(&format!("diffDocuments(): {e}")))?;
            Ok::<_, JsError>((doc, record.clone(), text, index))
        };
        Ok(Documents::of(side(&old_record, Side::Old)?, side(&new_record, Side::New)?))
    }

    /// The old document as `read()` returns it.
    #[wasm_bindgen(getter, js_name = oldRecord)]
    pub fn old_record(&self) -> JsValue {
        self.old_record.clone()
    }

    /// The new document as `read()` returns it.
    #[wasm_bindgen(getter, js_name = newRecord)]
    pub fn new_record(&self) -> JsValue {
        self.new_record.clone()
    }

    /// The old document's visible text.
    #[wasm_bindgen(getter, js_name = oldText, unchecked_return_type = "string")]
    pub fn old_text(&self) -> JsValue {
        self.old_text.clone()
    }

    /// The new document's visible text.
    #[wasm_bindgen(getter, js_name = newText, unchecked_return_type = "string")]
    pub fn new_text(&self) -> JsValue {
        self.new_text.clone()
    }

    /// `[old, new]`: the texts the engine's `diffUtf8()` is to be given (the visible texts
    /// themselves when no block holds a line break or only whitespace), as UTF-8: views of
    /// this module's memory, so that the engine copies each with one `Uint8Array.set`, with
    /// no JS string decoded and encoded again on the way. A view is good until the next call
    /// into this module (which may grow its memory) or `free()`: hand both over at once.
    #[wasm_bindgen(js_name = engineBytes, unchecked_return_type = "Uint8Array[]")]
    pub fn engine_bytes(&mut self) -> Array {
        let owned = |doc: &Document| match engine_text(doc) {
            Cow::Borrowed(_) => None,
            Cow::Owned(t) => Some(t),
        };
        self.old_engine = owned(&self.old);
        self.new_engine = owned(&self.new);
        // The buffer is taken after the allocations above, which may have grown the memory.
        let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        let buffer = memory.buffer();
        let view = |text: &str| {
            js_sys::Uint8Array::new_with_byte_offset_and_length(
                &buffer,
                text.as_ptr() as u32,
                text.len() as u32,
            )
        };
        [
            view(self.old_engine.as_deref().unwrap_or(&self.old.text)),
            view(self.new_engine.as_deref().unwrap_or(&self.new.text)),
        ]
        .iter()
        .collect()
    }

    /// The engine's packed model of `engineBytes()`, with the formatting changes: a model over
    /// `oldText` and `newText`.
    ///
    /// # Errors
    /// A JS `Error` when `packed` is not the engine's model of these documents.
    pub fn annotate(&self, packed: &[u32]) -> Result<Vec<u32>, JsError> {
        let (ob, nb) = (
            Bytes::with_index(&self.old.text, Cow::Borrowed(&self.old_index)),
            Bytes::with_index(&self.new.text, Cow::Borrowed(&self.new_index)),
        );
        let mut d = unpack_with(packed, &ob, &nb)
            .map_err(|why| JsError::new(&format!("diffDocuments(): {why}")))?;
        annotate(&mut d, &self.old, &self.new);
        repack(&d, packed, &ob, &nb).map_err(|words| {
            JsError::new(&format!(
                "diffDocuments(): the result ({words} words) does not fit in the memory left"
            ))
        })
    }
}

/// `text` as a JS string made of slices of `old_js` (the JS string of `old`, indexed by
/// `old_index`) where `copies` (`(range of text, offset in old)`, in order) say it is a copy
/// of `old`, and of its own decoded bytes elsewhere: a copy of UTF-16 units instead of a
/// decoding of UTF-8. `None` (decode it all) when most of it is not a copy.
#[cfg(not(feature = "markdown"))]
fn copied_text(
    text: &str,
    copies: &[(Range<usize>, usize)],
    old: &str,
    old_js: &JsValue,
    old_index: &Index,
) -> Option<JsValue> {
    let copied: usize = copies.iter().map(|(r, _)| r.len()).sum();
    if copied < text.len() / 2 {
        return None;
    }
    let old_js = old_js.unchecked_ref::<JsString>();
    let mut old16 = match old_index.wide_ends() {
        Some(ends) => Utf16::from_ends(old.len(), ends),
        None => Utf16::new(old, old_js.length()),
    };
    let mut out = JsString::from("");
    let mut at = 0;
    for (range, from) in copies {
        if at < range.start {
            out = out.concat(&JsValue::from_str(&text[at..range.start]));
        }
        let (start, end) = (old16.at(*from), old16.at(from + range.len()));
        out = out.concat(&old_js.slice(start as u32, end as u32));
        at = range.end;
    }
    if at < text.len() {
        out = out.concat(&JsValue::from_str(&text[at..]));
    }
    Some(out.into())
}

/// A document from its `read()` record (source ranges and anchors are left out: the diff
/// needs neither), its text as the JS string it is and the text's index, or `None` when the
/// record is not one.
#[cfg(not(feature = "markdown"))]
fn from_js(record: &JsValue) -> Option<(Document, JsValue, Index)> {
    let get = |name: &str| with_key(name, |key| Reflect::get(record, key)).ok();
    let ints = |key: &str| get(key)?.dyn_into::<Int32Array>().ok().map(|a| a.to_vec());
    let js_text = get("text")?;
    let encoder = TextEncoder::new();
    let text = string_from_js(&js_text, &encoder)?;
    // A lone surrogate was read as U+FFFD, which the engine, given these bytes, would take
    // for an equal character: no text `read()` returns holds one, so such a record is refused.
    if text.contains('\u{FFFD}') && JsValue::from_str(&text) != js_text {
        return None;
    }
    let (strings, ranges) = from_js_strings(&get("strings")?.dyn_into::<Array>().ok()?, &encoder)?;
    let string = |k: i32| {
        let range = ranges.get(usize::try_from(k).ok()?)?;
        strings.get(range.clone()).map(str::to_owned)
    };
    let units = js_text.unchecked_ref::<JsString>().length() as usize;
    let bytes = Bytes::with_index(&text, Cow::Owned(Bytes::index(&text, Some(units))));
    let at = |u: i32| bytes.at(u32::try_from(u).ok()?);
    let (blocks, marks, embeds) = (ints("blocks")?, ints("marks")?, ints("embeds")?);
    let mut doc = Document {
        blocks: Vec::with_capacity(blocks.len() / 10),
        marks: Vec::with_capacity(marks.len() / 4),
        embeds: Vec::with_capacity(embeds.len() / 4),
        ..Document::default()
    };
    for r in blocks.chunks_exact(10) {
        let kind = match (r[0], r[1]) {
            (0, _) => BlockKind::Paragraph,
            (1, n @ 1..=6) => BlockKind::Heading(n as u8),
            (2, _) => BlockKind::Preformatted,
            (3, _) => BlockKind::Term,
            (4, _) => BlockKind::Description,
            (5, _) => BlockKind::Caption,
            (6, h) => BlockKind::TableCell { header: h != 0 },
            _ => return None,
        };
        let list = (r[3] & 1 != 0).then(|| ListItem {
            ordered: r[3] & 2 != 0,
            depth: r[4] as u32,
            number: (r[3] & 8 != 0).then_some(i64::from(r[5])),
            first: r[3] & 4 != 0,
        });
        doc.blocks.push(Block {
            kind,
            quote_depth: r[2] as u32,
            list,
            text: at(r[6])?..at(r[7])?,
            source: 0..0,
        });
    }
    bytes.restart();
    for r in marks.chunks_exact(4) {
        let kind = match r[0] {
            0 => MarkKind::Bold,
            1 => MarkKind::Italic,
            2 => MarkKind::Underline,
            3 => MarkKind::Strike,
            4 => MarkKind::Code,
            5 => MarkKind::Subscript,
            6 => MarkKind::Superscript,
            7 => MarkKind::Highlight,
            8 => MarkKind::Link(string(r[3])),
            _ => return None,
        };
        doc.marks.push(Mark { kind, text: at(r[1])?..at(r[2])? });
    }
    bytes.restart();
    for r in embeds.chunks_exact(4) {
        let kind = match r[0] {
            0 => EmbedKind::Image,
            1 => EmbedKind::Video,
            2 => EmbedKind::Audio,
            3 => EmbedKind::Frame,
            4 => EmbedKind::Object,
            5 => EmbedKind::Svg,
            _ => return None,
        };
        doc.embeds.push(Embed { kind, at: at(r[1])?, src: string(r[2]), alt: string(r[3])? });
    }
    let index = bytes.into_index();
    doc.text = text;
    Some((doc, js_text, index))
}
