//! The JavaScript boundary (wasm32 only): check the arguments, call [`crate::diff`], turn byte
//! offsets into UTF-16 offsets, hand back one plain object. It decides nothing about the diff.
//!
//! * A wrong argument throws an `Error` naming it (``diff(): `oldText` must be a string, got
//!   number``); so does an unknown option name or an out-of-range value. The module stays
//!   usable after a throw.
//! * Lone surrogates cannot cross into Rust: each becomes U+FFFD, which is one UTF-16 unit too,
//!   so every offset still indexes the caller's string. The span and edit texts then carry
//!   U+FFFD; joined, the edits give `oldText.toWellFormed()` (equal to `oldText` whenever it
//!   is well formed).
//! * The result is one JSON text from [`crate::json`] and one `JSON.parse`: plain objects,
//!   `null` for `None`. It replaced `serde_wasm_bindgen` (`json_compatible`), which built the
//!   same objects field by field: measured in headless Chromium on two 1 MB pairs, converting
//!   took 15–37 ms (5,160 rows) and 62–114 ms (2,926 rows, 17,248 edits) that way and 40–76 ms
//!   and 66–105 ms through `serde_json` and `JSON.parse`, less than the diff itself either way
//!   (0.2–1.5 s); but serde-wasm-bindgen and the derived serializers were 11 KB of the module's
//!   60 KB gzipped budget, and the hand-written writer is 1.

use core::time::Duration;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{Options, Paragraph};

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
    let old = text_arg("oldText", &old_text)?;
    let new = text_arg("newText", &new_text)?;
    let options = options_arg(&options)?;
    let d = crate::diff(&old, &new, &options).map_err(fail)?;
    let json = crate::json::diff_json(&d, &utf16_ranges(&old, &d.old_paragraphs), &utf16_ranges(&new, &d.new_paragraphs));
    js_sys::JSON::parse(&json).map_err(|_| fail("the result could not be handed to JavaScript"))
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

fn text_arg(name: &str, value: &JsValue) -> Result<String, JsError> {
    // `as_string` encodes with `TextEncoder`, which turns each lone surrogate into U+FFFD.
    value.as_string().ok_or_else(|| fail(format_args!("`{name}` must be a string, got {}", type_name(value))))
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

/// Converts byte ranges to UTF-16 ranges in one pass over the text (paragraphs are in order).
fn utf16_ranges(text: &str, paragraphs: &[Paragraph]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut byte, mut unit) = (0, 0);
    let mut to_unit = |to: usize| {
        if to < byte {
            (byte, unit) = (0, 0); // out of order: recount from the start rather than panic
        }
        // Every UTF-8 sequence but continuation bytes starts one unit; four-byte ones need two.
        unit += bytes[byte..to].iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum::<usize>();
        byte = to;
        unit
    };
    paragraphs.iter().map(|p| (to_unit(p.byte_start), to_unit(p.byte_end))).collect()
}
