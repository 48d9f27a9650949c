//! The JavaScript boundary (wasm32 only): read the arguments, call [`crate::diff`], hand back
//! one `ArticleDiff`. It decides nothing about the diff.
//!
//! * The arguments are read and checked in JavaScript (`readArguments` in `src/arguments.js`),
//!   where whatever the caller's getters or Proxy traps throw becomes a `diff(): …` error naming
//!   the argument, before anything is allocated here. Rust gets plain numbers and a `TextCopy`.
//! * The texts are copied into wasm memory as UTF-8 by `TextCopy` (`src/copy.js`): a text over
//!   [`MAX_INPUT_BYTES`] is refused from its length when it must be over, and otherwise when its
//!   buffer fills up, before the engine sees it. Lone surrogates reach the engine as characters
//!   neither text holds, so texts are equal to it exactly where they are equal to JavaScript.
//! * Refusals cross as codes ([`Failure`]); `failure` in `src/arguments.js` words them, so the
//!   module carries no message formatting.
//! * The result crosses as one `Uint32Array` ([`crate::output::pack`]: UTF-16 offsets, no text), copied
//!   once out of linear memory by `materialize` in `src/model.js`, which wraps it in an
//!   `ArticleDiff`: blocks, moves and stats at once; rows, spans, edits and paragraph objects
//!   only when asked for, their texts sliced from the caller's own strings.
//! * [`unpack`] rebuilds an `ArticleDiff` from its `packed` array in another thread, so a worker
//!   posts the array (transferred, not copied) and the page never receives a long message.
//! * [`diff_utf8`] takes two texts that are UTF-8 already (the visible texts of two documents,
//!   in the HTML reader's memory) and returns only the packed model: each text is copied in with
//!   one `Uint8Array.set` and checked, never decoded into a JS string and encoded again.

use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use core::time::Duration;

use wasm_bindgen::prelude::*;

use crate::copy::{encode_into_spare, TextCopy};
use crate::unicode::utf8::is_utf8;
use crate::{Clock, Error, Options, MAX_INPUT_BYTES};

#[wasm_bindgen]
extern "C" {
    /// The clock the core's deadline reads here: `std` has none on wasm32.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

#[wasm_bindgen(module = "/src/arguments.js")]
extern "C" {
    /// Reads and checks `diff()`'s arguments; `out` holds the default options on entry and
    /// `[old units, new units, detectMoves, ignoreCase, ignoreWhitespace, moveThreshold,
    /// timeoutMs]` on return. Throws a `diff(): …` error naming a wrong argument.
    #[wasm_bindgen(catch, js_name = readArguments)]
    fn read_arguments(
        old_text: &JsValue,
        new_text: &JsValue,
        options: &JsValue,
        limit: usize,
        out: &mut [f64],
    ) -> Result<(), JsValue>;
    /// The `Error` for a [`Failure`].
    #[wasm_bindgen(js_name = failure)]
    fn failure_error(code: u32, side: u32, n: f64, limit: usize) -> JsValue;
    /// Reads and checks [`diff_utf8`]'s arguments: `out` as for [`read_arguments`], with the
    /// texts' lengths in bytes.
    #[wasm_bindgen(catch, js_name = readBytesArguments)]
    fn read_bytes_arguments(
        old_bytes: &JsValue,
        new_bytes: &JsValue,
        options: &JsValue,
        limit: usize,
        out: &mut [f64],
    ) -> Result<(), JsValue>;
    /// Copies `bytes` (a `Uint8Array` [`read_bytes_arguments`] checked) into `memory` at `at`.
    #[wasm_bindgen(js_name = copyBytes)]
    fn copy_bytes(bytes: &JsValue, memory: &JsValue, at: usize);
}

#[wasm_bindgen(module = "/src/model.js")]
extern "C" {
    /// Copies a [`crate::output::pack`]ed model out of linear memory into an `ArticleDiff`; throws
    /// when JavaScript cannot hold it.
    #[wasm_bindgen(catch)]
    fn materialize(
        packed: &[u32],
        old_text: &JsValue,
        new_text: &JsValue,
    ) -> Result<JsValue, JsValue>;
    /// `new ArticleDiff(packed, oldText, newText)`, after checking that they belong together.
    #[wasm_bindgen(catch, js_name = fromPacked)]
    fn unpack_js(
        packed: &JsValue,
        old_text: &JsValue,
        new_text: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

// TypeScript types of the result and the options, for editors (written to pkg/article_diff.d.ts).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm.d.ts");

// Talc instead of the default dlmalloc: smaller in the module and faster (the module has a
// size budget). The module is single-threaded (no `atomics`).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Diffs two versions of an article; see the `ArticleDiff` type.
///
/// # Errors
/// Throws an `Error` naming the argument or option that is wrong, or saying why the texts or
/// the result could not be held.
#[wasm_bindgen(unchecked_return_type = "ArticleDiff")]
pub fn diff(
    #[wasm_bindgen(js_name = oldText, unchecked_param_type = "string")] old_text: JsValue,
    #[wasm_bindgen(js_name = newText, unchecked_param_type = "string")] new_text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut args = default_args();
    SHARED.store(0, Relaxed);
    read_arguments(&old_text, &new_text, &options, MAX_INPUT_BYTES, &mut args)?;
    let copy = TextCopy::new(&old_text, &new_text, &wasm_bindgen::memory());
    let units = [args[0] as usize, args[1] as usize];
    let mut texts = copy_texts(&copy, units)?;
    // Lone surrogates were written as U+FFFD: only a text holding it can have them, and only
    // when the encoders cannot tell that they wrote none.
    if copy.may_hold_lone()
        && texts.iter().any(|t| holds_replacement_character(t))
        && copy.stand_ins()?
    {
        drop(texts);
        texts = copy_texts(&copy, units)?;
    }
    SHARED.store(copy.copied(), Relaxed);
    let packed = diff_packed(copied(&texts[0]), copied(&texts[1]), &args)?;
    materialize(&packed, &old_text, &new_text)
}

/// The arguments' list [`read_arguments`] fills, with the default options in it.
fn default_args() -> [f64; 7] {
    let defaults = Options::default();
    let flag = |on: bool| f64::from(u8::from(on));
    [
        0.0,
        0.0,
        flag(defaults.detect_moves),
        flag(defaults.ignore_case),
        flag(defaults.ignore_whitespace),
        defaults.move_threshold,
        defaults.timeout.map_or(f64::INFINITY, |t| t.as_secs_f64() * 1000.0),
    ]
}

/// The packed model of `old` against `new` with the options read into `args` (laid out as
/// [`read_arguments`] leaves them): what [`diff`] and [`diff_utf8`] share.
fn diff_packed(old: &str, new: &str, args: &[f64; 7]) -> Result<Vec<u32>, JsValue> {
    let ms = args[6];
    // Past `Duration`'s range the budget is unlimited anyway; below a nanosecond it is the
    // shortest one.
    let timeout = (ms != f64::INFINITY).then(|| {
        Duration::try_from_secs_f64(ms / 1000.0)
            .map_or(Duration::MAX, |t| t.max(Duration::from_nanos(1)))
    });
    let options = Options::default()
        .with_detect_moves(args[2] != 0.0)
        .with_ignore_case(args[3] != 0.0)
        .with_ignore_whitespace(args[4] != 0.0)
        .with_move_threshold(args[5])
        .with_timeout(timeout)
        .with_clock(Clock::Millis(performance_now));
    let d = crate::diff(old, new, &options).map_err(|e| match e {
        Error::InputTooLarge { side, bytes, .. } => {
            refuse(Failure::TooLarge, side as u32, bytes as f64)
        }
        Error::InvalidOption { name, .. } => {
            refuse(Failure::BadOption, 0, f64::from(u8::from(name == "timeoutMs") + 3))
        }
    })?;
    crate::output::pack::pack(&d).map_err(|words| refuse(Failure::ResultTooLarge, 0, words as f64))
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

/// Bytes of the last [`diff`]'s new text copied from the old text's (see `src/copy.js`).
static SHARED: AtomicUsize = AtomicUsize::new(0);

/// How many bytes of the last [`diff`]'s new text were copied from the old text's rather than
/// encoded (see `src/copy.js`); for tests, which check that the shortcut is taken.
#[doc(hidden)]
pub fn shared_bytes_of_last_call() -> usize {
    SHARED.load(Relaxed)
}

/// Why a call was refused, as `failure` in `src/arguments.js` reads the code.
#[derive(Clone, Copy)]
enum Failure {
    /// A text is over [`MAX_INPUT_BYTES`]; `n` is its size in bytes, `NaN` when only known to
    /// be over.
    TooLarge = 0,
    /// No memory is left for a text's copy; `n` is its length in UTF-16 units.
    NoMemory = 1,
    /// A text's copy is not the whole text.
    Unreadable = 2,
    /// An option is out of range; `n` is its index in the options' list.
    BadOption = 3,
    /// The result needs more memory than is left; `n` is its size in numbers.
    ResultTooLarge = 4,
    /// No memory is left for the copy of a text given as UTF-8 ([`diff_utf8`]); `n` is its
    /// length in bytes.
    NoMemoryForBytes = 5,
    /// A text given as UTF-8 ([`diff_utf8`]) is not well-formed UTF-8.
    NotUtf8 = 6,
}

/// The `Error` for `failure` about text `side` (0 old, 1 new).
fn refuse(failure: Failure, side: u32, n: f64) -> JsValue {
    failure_error(failure as u32, side, n, MAX_INPUT_BYTES)
}

/// Copies both texts (`units` UTF-16 units each) into wasm memory as UTF-8.
fn copy_texts(copy: &TextCopy, units: [usize; 2]) -> Result<[Vec<u8>; 2], JsValue> {
    let old = copy_text(copy, 0, units[0], 0)?;
    let new = copy_text(copy, 1, units[1], old.as_ptr() as usize)?;
    Ok([old, new])
}

/// Whether `bytes` hold U+FFFD (`EF BF BD`), as the encoder writes every lone surrogate: sixteen
/// bytes a step for the lead byte, then the three bytes where it occurs.
fn holds_replacement_character(bytes: &[u8]) -> bool {
    const FFFD: [u8; 3] = [0xEF, 0xBF, 0xBD];
    let around = |at: usize| {
        bytes
            .get(at..bytes.len().min(at + 18))
            .is_some_and(|near| near.windows(3).any(|w| w == FFFD))
    };
    let chunks = bytes.chunks_exact(16);
    let tail = bytes.len() - chunks.remainder().len();
    #[cfg(target_feature = "simd128")]
    let lead = |chunk: &[u8]| {
        use core::arch::wasm32::*;
        let (low, high) = chunk.split_at(8);
        let word = |half: &[u8]| half.try_into().map_or(0, u64::from_le_bytes);
        v128_any_true(u8x16_eq(u64x2(word(low), word(high)), u8x16_splat(FFFD[0])))
    };
    #[cfg(not(target_feature = "simd128"))]
    let lead = |chunk: &[u8]| chunk.contains(&FFFD[0]);
    chunks.enumerate().any(|(k, chunk)| lead(chunk) && around(16 * k)) || around(tail)
}

/// Copies text `side` (`units` UTF-16 units) into wasm memory as UTF-8 ([`utf8`] reads it).
///
/// The buffer starts at a byte per unit plus an eighth, which holds English with its curly
/// quotes and dashes in one go; a text that needs more (most other scripts) is continued from
/// where the encoder stopped, into room for the rest at three bytes a unit. Neither buffer is
/// larger than [`MAX_INPUT_BYTES`]: a text that does not fit is over the cap, and refused.
fn copy_text(copy: &TextCopy, side: u32, units: usize, old_at: usize) -> Result<Vec<u8>, JsValue> {
    // Room only, not zeroed: the encoder writes every byte the text is given.
    let room = |bytes: usize| {
        let mut buf = Vec::<u8>::new();
        buf.try_reserve_exact(bytes).map_err(|_| refuse(Failure::NoMemory, side, units as f64))?;
        Ok::<_, JsValue>(buf)
    };
    let encode = |buf: &mut Vec<u8>, from: usize| encode_into_spare(copy, side, buf, from, old_at);
    let over = || refuse(Failure::TooLarge, side, f64::NAN);
    let mut buf = room((units + units / 8).min(MAX_INPUT_BYTES))?;
    let mut read = encode(&mut buf, 0);
    if read < units {
        // Every unit left is at least a byte.
        if buf.len() + (units - read) > MAX_INPUT_BYTES {
            return Err(over());
        }
        let mut larger = room((buf.len() + (units - read) * 3).min(MAX_INPUT_BYTES))?;
        larger.extend_from_slice(&buf);
        buf = larger;
        read = encode(&mut buf, read);
        if read < units && buf.capacity() >= MAX_INPUT_BYTES {
            return Err(over());
        }
    }
    // Three bytes a unit always fit; should an encoder still stop short, say so rather than
    // diff a truncated text.
    if read != units {
        return Err(refuse(Failure::Unreadable, side, read as f64));
    }
    Ok(buf)
}

/// A text of [`copy_text`] as a `str`, unchecked, as wasm-bindgen takes the strings its own
/// glue encodes: every byte was written by an encoder that writes UTF-8 (`TextEncoder` by
/// its specification, the string copier as `tests/e2e/copy.test.mjs` holds it to
/// `TextEncoder` over every UTF-16 unit), or copied from the old text's bytes of a whole
/// encoded piece. Builds with debug assertions (the wasm tests) check it all the same.
fn copied(bytes: &[u8]) -> &str {
    debug_assert!(is_utf8(bytes), "a copy is not UTF-8");
    // SAFETY: as above, the bytes are UTF-8 by how they were written.
    unsafe { core::str::from_utf8_unchecked(bytes) }
}

/// Text `side` given as UTF-8 ([`diff_utf8`], the caller's bytes) as a `str`, or `failure` if
/// it is not UTF-8. Sixteen bytes a step with SIMD ([`is_utf8`]): `core::str::from_utf8` goes a
/// char at a time through text that is not ASCII.
fn utf8(side: u32, bytes: &[u8], failure: Failure) -> Result<&str, JsValue> {
    if !is_utf8(bytes) {
        return Err(refuse(failure, side, 0.0));
    }
    // SAFETY: `is_utf8` found the bytes to be UTF-8.
    Ok(unsafe { core::str::from_utf8_unchecked(bytes) })
}

// `Uint32Array` declared here and the bytes copied in by `copyBytes`, rather than through
// `js_sys`: its `RefCell`s bring panic formatting into a module that has no room for it.
#[wasm_bindgen]
extern "C" {
    /// A copy of `words` out of linear memory: `new Uint32Array(view)`.
    #[wasm_bindgen(js_name = Uint32Array)]
    type Words;
    #[wasm_bindgen(constructor, js_class = "Uint32Array")]
    fn copy_out(words: &[u32]) -> Words;
}

/// [`diff`] of two texts given as UTF-8 bytes, returning only the packed model (its UTF-16
/// offsets are those of the texts the bytes decode to). For texts that are UTF-8 already in
/// another module's memory: the two visible texts of `diffDocuments`, whose reader hands
/// views of its memory here, so each is copied across with one `Uint8Array.set` and never
/// decoded and encoded again (`www/article-diff-documents.js`). The bytes are checked: only
/// well-formed UTF-8 is diffed, so a lone surrogate cannot be among them.
///
/// # Errors
/// Throws an `Error` naming the argument or option that is wrong, or saying why a text or the
/// result could not be held or a text is not UTF-8.
#[wasm_bindgen(js_name = diffUtf8, unchecked_return_type = "Uint32Array")]
pub fn diff_utf8(
    #[wasm_bindgen(js_name = oldBytes, unchecked_param_type = "Uint8Array")] old_bytes: JsValue,
    #[wasm_bindgen(js_name = newBytes, unchecked_param_type = "Uint8Array")] new_bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut args = default_args();
    read_bytes_arguments(&old_bytes, &new_bytes, &options, MAX_INPUT_BYTES, &mut args)?;
    let old = bytes_in(0, &old_bytes, args[0] as usize)?;
    let new = bytes_in(1, &new_bytes, args[1] as usize)?;
    let packed =
        diff_packed(utf8(0, &old, Failure::NotUtf8)?, utf8(1, &new, Failure::NotUtf8)?, &args)?;
    Ok(Words::copy_out(&packed).into())
}

/// A copy of the `n` bytes of `bytes` (text `side`) in this module's memory: one
/// `Uint8Array.set`.
fn bytes_in(side: u32, bytes: &JsValue, n: usize) -> Result<Vec<u8>, JsValue> {
    let mut buf = Vec::new();
    // `vec!` traps when memory runs out: ask first.
    buf.try_reserve_exact(n).map_err(|_| refuse(Failure::NoMemoryForBytes, side, n as f64))?;
    // Room only, not zeroed: the copy writes all `n` bytes.
    copy_bytes(bytes, &wasm_bindgen::memory(), buf.spare_capacity_mut().as_mut_ptr() as usize);
    // SAFETY: `copy_bytes` wrote `n` bytes at the start of the room reserved for them (and wasm
    // memory has no uninitialised bytes in any case).
    unsafe { buf.set_len(n) };
    Ok(buf)
}
