//! The JavaScript boundary (wasm32 only): check the arguments, call [`crate::diff`], turn byte
//! offsets into UTF-16 offsets, hand back one plain object. It decides nothing about the diff.
//!
//! * A wrong argument throws an `Error` naming it (``diff(): `oldText` must be a string, got
//!   number``); so does an unknown option name or an out-of-range value. The module stays
//!   usable after a throw.
//! * Lone surrogates cannot cross into Rust: each becomes U+FFFD, which is one UTF-16 unit too,
//!   so every offset still indexes the caller's string. Texts in the result are slices of the
//!   caller's own strings, so the edits join to `oldText` and `newText` exactly, lone
//!   surrogates included.
//! * The result crosses as one `Uint32Array` ([`crate::pack`]: UTF-16 offsets, no text), copied
//!   once out of linear memory by `materialize` in `src/model.js`, which wraps it in an
//!   `ArticleDiff`: blocks, moves and stats at once; rows, spans, edits and paragraph objects
//!   only when asked for, their texts sliced from the caller's own strings (V8 shares the
//!   characters). Before, the model was one JSON text parsed into an object per row: on a 2 MB
//!   document of 16,000 short paragraphs that took 3–8× as long as the diff itself.
//! * [`unpack`] rebuilds an `ArticleDiff` from its `packed` array in another thread, so a worker
//!   posts the array (transferred, not copied) and the page never receives a long message.

use core::time::Duration;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::Options;

#[wasm_bindgen(inline_js = "export function textLength(s) {
  return typeof s === 'string' ? s.length : -1;
}
const encoder = new TextEncoder();
let read = 0;
// What the new text can copy, found as the old one is copied: flat [newStart, newEnd, oldByte,
// oldByteEnd] quadruples (UTF-16 units of the new text, bytes of the old one), and the two
// strings they belong to.
let plan = null;
// Bytes of the last new text copied from the old one rather than encoded (for tests).
let copied = 0;
// Texts this long or longer are walked for shared lines; runs this long or longer are copied.
// The lookahead tries LOOK lines on either side and resumes on a line of LINE units or more.
// Texts are encoded CHUNK units at a time (see encodeRange).
const LONG = 65536, RUN = 1024, LOOK = 4, LINE = 16, CHUNK = 16384;
const lineEnd = (s, at) => {
  const e = s.indexOf('\\n', at);
  return e < 0 ? s.length : e + 1;
};
const sameLine = (a, p, pe, b, q, qe) => pe - p === qe - q && a.substring(p, pe) === b.substring(q, qe);
// How many units a[p..] and b[q..] have in common from their start, to within 64: galloping,
// then bisecting, over native comparisons of substrings.
function commonLength(a, p, b, q) {
  const max = Math.min(a.length - p, b.length - q);
  const same = (from, n) => a.substring(p + from, p + from + n) === b.substring(q + from, q + from + n);
  let lo = 0, n = 256;
  for (; lo < max; n *= 2) {
    n = Math.min(n, max - lo);
    if (!same(lo, n)) break;
    lo += n;
  }
  for (; lo < max && n > 64; n >>= 1) if (same(lo, n >> 1)) lo += n >> 1;
  return lo;
}
// Runs of whole lines the old text `a` and the new text `b` share, in order in both, as flat
// [oldStart, oldEnd, newStart] triples; each at least RUN units long. While in step, the common
// stretch is found by galloping; at a line that differs, the next few lines on either side are
// tried for the one that brings the texts back in step. Given up once the lines that differ
// outweigh what is shared, so unrelated texts cost little.
function sharedRuns(a, b) {
  const runs = [];
  let p = 0, q = 0, misses = 0, shared = 0;
  while (p < a.length && q < b.length && (misses < 64 || shared > 1024 * misses)) {
    const n = commonLength(a, p, b, q);
    // Cut at a line start (never inside a surrogate pair), or where both texts end.
    const end = p + n === a.length && q + n === b.length ? a.length : n > 0 ? a.lastIndexOf('\\n', p + n - 1) + 1 : p;
    if (end > p) {
      if (end - p >= RUN) runs.push(p, end, q);
      (shared += end - p), (q += end - p), (p = end);
      continue;
    }
    const pe = lineEnd(a, p), qe = lineEnd(b, q);
    if (sameLine(a, p, pe, b, q, qe)) {
      (p = pe), (q = qe);
      continue;
    }
    misses++;
    // Back in step on a line of some length only: blank lines match anywhere.
    let ap = pe, bq = qe, found = false;
    for (let k = 0; k < LOOK && !found && (ap < a.length || bq < b.length); k++) {
      const ape = lineEnd(a, ap), bqe = lineEnd(b, bq);
      if (ap < a.length && qe - q >= LINE && sameLine(a, ap, ape, b, q, qe)) (p = ap), (found = true);
      else if (bq < b.length && pe - p >= LINE && sameLine(a, p, pe, b, bq, bqe)) (q = bq), (found = true);
      (ap = ape), (bq = bqe);
    }
    if (!found) (p = pe), (q = qe);
  }
  return runs;
}
// Encodes s[from..to] into `bytes` from `w` on, as much as fits; returns the bytes written and
// leaves the unit it stopped at in `read`. In pieces of CHUNK units or fewer, never between the
// two halves of a surrogate pair. Chromium 156 encodes these at ~1.8 ns a unit; a longer
// substring, or a long string made in JS and not yet handed to the DOM, at ~3 ns.
function encodeRange(s, from, to, bytes, w) {
  let at = from, written = 0;
  while (at < to) {
    let end = Math.min(at + CHUNK, to);
    if (end < to && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    const r = encoder.encodeInto(s.substring(at, end), bytes.subarray(w + written));
    (written += r.written), (at += r.read);
    if (at < end) break;
  }
  read = at;
  return written;
}
// A copy the buffer was too small to finish: where it stopped, to go on from there when the
// caller calls again with more room (see `text_arg`), so that a text wider than its first
// buffer (most scripts other than Latin) still takes the shortcut.
let pending = null;
export function encodeInto(s, from, memory, at, room, twin, twinAt) {
  const bytes = new Uint8Array(memory.buffer, at, room);
  let p = pending;
  pending = null;
  if (from === 0) {
    if (twinAt === 0) {
      copied = 0;
      p = null;
      if (s.length >= LONG && typeof twin === 'string' && twin.length >= LONG) {
        // The old text, in pieces cut at each shared run's ends, noting each run's bytes:
        // flat [start, end, newStart] triples, newStart -1 for a stretch between runs.
        const runs = sharedRuns(s, twin), pieces = [];
        let cur = 0;
        for (let k = 0; k < runs.length; k += 3) {
          pieces.push(cur, runs[k], -1, runs[k], runs[k + 1], runs[k + 2]);
          cur = runs[k + 1];
        }
        pieces.push(cur, s.length, -1);
        p = {old: true, s, twin, pieces, k: 0, base: 0, b0: 0, copies: []};
      }
    } else {
      // The new text: each run the old text's copy noted is copied from its bytes.
      p = plan && plan.new === s && plan.old === twin ? {old: false, s, copies: plan.copies, k: 0, cur: 0} : null;
    }
    plan = null;
  } else if (!p || p.s !== s || from !== read || p.old !== (twinAt === 0)) {
    p = null;
  }
  if (p && p.old) {
    // `base`: bytes written by earlier calls, so that the runs' byte offsets count from the
    // text's first byte.
    let w = 0;
    for (const pieces = p.pieces; p.k < pieces.length; p.k += 3) {
      const [start, end, q0] = [pieces[p.k], pieces[p.k + 1], pieces[p.k + 2]];
      const begin = Math.max(start, from);
      if (q0 >= 0 && begin === start) p.b0 = p.base + w;
      w += encodeRange(s, begin, end, bytes, w);
      if (read !== end) {
        p.base += w;
        pending = p;
        return w;
      }
      if (q0 >= 0) p.copies.push(q0, q0 + end - start, p.b0, p.base + w);
    }
    plan = {old: s, new: p.twin, copies: p.copies};
    return w;
  }
  if (p) {
    const {copies} = p, memoryBytes = new Uint8Array(memory.buffer);
    let w = 0;
    for (; p.k < copies.length; p.k += 4) {
      const [q0, q1, b0, b1] = [copies[p.k], copies[p.k + 1], copies[p.k + 2], copies[p.k + 3]];
      w += encodeRange(s, Math.max(p.cur, from), q0, bytes, w);
      if (read !== q0 || w + b1 - b0 > room) {
        pending = p;
        return w;
      }
      memoryBytes.copyWithin(at + w, twinAt + b0, twinAt + b1);
      (w += b1 - b0), (copied += b1 - b0), (p.cur = q1);
    }
    return w + encodeRange(s, Math.max(p.cur, from), s.length, bytes, w);
  }
  return encodeRange(s, from, s.length, bytes, 0);
}
export function encodedRead() {
  return read;
}
export function copiedBytes() {
  return copied;
}")]
extern "C" {
    /// `s.length` for a string, `-1` for anything else.
    #[wasm_bindgen(js_name = textLength)]
    fn text_length(s: &JsValue) -> f64;
    /// Writes `s` from UTF-16 unit `from` on as UTF-8 into `room` bytes of `memory` at `at`, as
    /// much as fits without cutting a character; returns the bytes written. `twin` is the other
    /// text; `twin_at` is `0` for the old text and, for the new one, where the old one's bytes
    /// are (see [`text_arg`]).
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(s: &JsValue, from: usize, memory: &JsValue, at: usize, room: usize, twin: &JsValue, twin_at: usize) -> usize;
    /// The UTF-16 unit the last [`encode_into`] stopped at.
    #[wasm_bindgen(js_name = encodedRead)]
    fn encoded_read() -> usize;
    /// Bytes of the last new text copied from the old text's rather than encoded.
    #[wasm_bindgen(js_name = copiedBytes)]
    fn copied_bytes() -> usize;
}

#[wasm_bindgen(module = "/src/model.js")]
extern "C" {
    /// Copies a [`crate::pack`]ed model out of linear memory into an `ArticleDiff`.
    fn materialize(packed: &[u32], old_text: &JsValue, new_text: &JsValue) -> JsValue;
    /// `new ArticleDiff(packed, oldText, newText)`, after checking that they belong together.
    #[wasm_bindgen(catch, js_name = fromPacked)]
    fn unpack_js(packed: &JsValue, old_text: &JsValue, new_text: &JsValue) -> Result<JsValue, JsValue>;
}

// TypeScript types of the result and the options, for editors (written to pkg/article_diff.d.ts).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm.d.ts");

/// The option names `diff()` accepts, as JavaScript spells them.
const OPTION_NAMES: [&str; 5] = ["detectMoves", "ignoreCase", "ignoreWhitespace", "moveThreshold", "timeoutMs"];
/// The same, for messages (a literal: `join` would add a few KB to the module).
const OPTION_LIST: &str = "detectMoves, ignoreCase, ignoreWhitespace, moveThreshold, timeoutMs";

// Talc instead of the default dlmalloc: smaller in the module and faster (the module has a
// size budget). The module is single-threaded (no `atomics`).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(start, skip_typescript)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Diffs two versions of an article; see the `ArticleDiff` type.
///
/// # Errors
/// Throws an `Error` naming the argument or option that is wrong.
#[wasm_bindgen(unchecked_return_type = "ArticleDiff")]
pub fn diff(
    #[wasm_bindgen(js_name = oldText, unchecked_param_type = "string")] old_text: JsValue,
    #[wasm_bindgen(js_name = newText, unchecked_param_type = "string")] new_text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions | null")] options: JsValue,
) -> Result<JsValue, JsError> {
    let old_bytes = text_arg("oldText", &old_text, &new_text, None)?;
    let old = utf8("oldText", &old_bytes)?;
    let new_bytes = text_arg("newText", &new_text, &old_text, Some(old))?;
    let new = utf8("newText", &new_bytes)?;
    let options = options_arg(&options)?;
    let d = crate::diff(old, new, &options).map_err(fail)?;
    Ok(materialize(&crate::pack::pack(&d), &old_text, &new_text))
}

/// Rebuilds the `ArticleDiff` whose `packed` array this is, for the two texts it was computed
/// from: how a page reads a diff a worker computed (the worker posts `packed`, transferred).
///
/// # Errors
/// Throws an `Error` when `packed` is not a packed model of this version or the texts are not
/// as long as the ones it was computed from.
#[wasm_bindgen(unchecked_return_type = "ArticleDiff")]
pub fn unpack(
    #[wasm_bindgen(unchecked_param_type = "Uint32Array")] packed: JsValue,
    #[wasm_bindgen(js_name = oldText, unchecked_param_type = "string")] old_text: JsValue,
    #[wasm_bindgen(js_name = newText, unchecked_param_type = "string")] new_text: JsValue,
) -> Result<JsValue, JsValue> {
    unpack_js(&packed, &old_text, &new_text)
}

/// How many bytes of the last [`diff`]'s new text were copied from the old text's rather than
/// encoded (see [`text_arg`]); for tests, which check that the shortcut is taken.
#[doc(hidden)]
pub fn shared_bytes_of_last_call() -> usize {
    copied_bytes()
}

fn fail(why: impl core::fmt::Display) -> JsError {
    JsError::new(&format!("diff(): {why}"))
}

/// `typeof`, except that `null` and arrays are named as such.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Copies a string argument into wasm memory as UTF-8 ([`utf8`] reads it as text).
///
/// `TextEncoder.encodeInto` straight into the buffer, instead of wasm-bindgen's `as_string`,
/// which copies in a JavaScript loop until the first non-ASCII character (4.5 ms of a 2 MB
/// article in Chromium) and then encodes the rest anyway. The buffer starts at a byte per UTF-16
/// unit plus an eighth, which holds English with its curly quotes and dashes (three bytes each)
/// in one go; a text that needs more (most other scripts) is continued from where the encoder
/// stopped, into room for the rest at three bytes a unit. The copy is still the largest single
/// cost of a 2 MB near-identical pair (~1.8 ns a unit in Chromium 156).
///
/// Two long texts (64 Ki units each) are first walked for the runs of lines they share, in
/// JavaScript (`indexOf` and `===` on substrings, which read the strings where they are,
/// galloping while the texts are in step: 0.2–0.4 ms for a 2 MB pair with a few dozen changes,
/// against ~3.5 ms to encode one 2 MB text). The old text is then copied in pieces cut where a run of
/// lines shared with the new text begins and ends, so those runs' byte offsets are known; the
/// new text (`twin_text` is the old one, already here) copies each shared run of 1 Ki units or
/// more from the old text's bytes with `copyWithin` and encodes only what lies between. The
/// bytes are the same either way: the runs are equal strings, cut at line starts (never inside
/// a surrogate pair), and encoding is per character. The engine gets the same two texts. When
/// either text outgrows its first buffer, its copy goes on in the larger one from where it
/// stopped, runs and all: before, the old text's plan was dropped there, so text in most scripts
/// other than Latin encoded the new text whole (~5 ms more on a 2.4 MB multilingual pair).
fn text_arg(name: &str, value: &JsValue, twin: &JsValue, twin_text: Option<&str>) -> Result<Vec<u8>, JsError> {
    let len = text_length(value);
    if len < 0.0 {
        return Err(fail(format_args!("`{name}` must be a string, got {}", type_name(value))));
    }
    let (len, memory) = (len as usize, wasm_bindgen::memory());
    let zeroed = |bytes: usize| {
        // `vec!` traps when memory runs out: ask first. (Its zeroing is one `memory.fill`;
        // `resize` would zero byte by byte.)
        Vec::<u8>::new().try_reserve_exact(bytes).map_err(|_| fail(format_args!("`{name}` is too large for the memory left ({len} UTF-16 units)")))?;
        Ok::<_, JsError>(vec![0; bytes])
    };
    let mut buf = zeroed(len + len / 8)?;
    let twin_at = twin_text.map_or(0, |t| t.as_ptr() as usize);
    let mut written = encode_into(value, 0, &memory, buf.as_mut_ptr() as usize, buf.len(), twin, twin_at);
    let mut read = encoded_read();
    if read < len {
        // The encoder says where it stopped (`read`), so the rest is not found by counting the
        // UTF-16 units of what it wrote, a second pass over the text.
        let mut larger = zeroed(written + (len - read) * 3)?;
        larger[..written].copy_from_slice(&buf[..written]);
        buf = larger;
        written += encode_into(value, read, &memory, buf.as_mut_ptr() as usize + written, buf.len() - written, twin, twin_at);
        read = encoded_read();
    }
    // Three bytes a unit always fit; should an encoder still stop short, say so rather than
    // diff a truncated text.
    if read != len {
        return Err(fail(format_args!("`{name}` could not be read whole ({read} of {len} UTF-16 units)")));
    }
    buf.truncate(written);
    Ok(buf)
}

/// The text of a [`text_arg`]. Lone surrogates were written as U+FFFD, so the bytes are always
/// valid UTF-8; they are checked all the same, with SIMD (`simdutf8`): `String::from_utf8`
/// goes a char at a time through text that is not ASCII, ~4 ms a text of the 2.4 MB
/// multilingual pair in Chromium.
fn utf8<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, JsError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| fail(format_args!("`{name}` could not be read as UTF-8")))
}

fn options_arg(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_null_or_undefined() {
        return Ok(options);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(fail(format_args!("`options` must be an object, undefined or null, got {}", type_name(value))));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()) {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(fail(format_args!("unknown option `{key}`; the options are {}", OPTION_LIST)));
        }
        let v = Reflect::get(value, &JsValue::from_str(&key)).map_err(|_| fail(format_args!("option `{key}` could not be read")))?;
        if v.is_undefined() {
            continue; // `{timeoutMs: undefined}` means "the default", as in most JS APIs
        }
        let wrong = |expected: &str| fail(format_args!("option `{key}` must be {expected}, got {}", type_name(&v)));
        match key.as_str() {
            "detectMoves" => options.detect_moves = v.as_bool().ok_or_else(|| wrong("a boolean"))?,
            "ignoreCase" => options.ignore_case = v.as_bool().ok_or_else(|| wrong("a boolean"))?,
            "ignoreWhitespace" => options.ignore_whitespace = v.as_bool().ok_or_else(|| wrong("a boolean"))?,
            // The range is the core's to check (`Options::validate`).
            "moveThreshold" => options.move_threshold = v.as_f64().ok_or_else(|| wrong("a number"))?,
            _ if v.is_null() => options.timeout = None,
            _ => {
                let ms = v.as_f64().ok_or_else(|| wrong("a number of milliseconds or null"))?;
                if !(ms.is_finite() && ms > 0.0) {
                    let shown = String::from(v.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).unwrap_or_default());
                    return Err(fail(format_args!("option `timeoutMs` must be a positive finite number of milliseconds, or null for no limit, got {shown}")));
                }
                // Past `Duration`'s range the budget is unlimited anyway; below a nanosecond
                // it is the shortest one.
                options.timeout = Some(Duration::try_from_secs_f64(ms / 1000.0).map_or(Duration::MAX, |t| t.max(Duration::from_nanos(1))));
            }
        }
    }
    Ok(options)
}
