//! `src/copy.js` as the two wasm modules that copy strings into their memory declare it: the
//! engine's (`crate::wasm`: `diff()`'s texts) and the HTML reader's (`crate::wasm_markup`:
//! `Documents.read`'s sources). The Markdown reader's module copies nothing with it.
//!
//! A [`TextCopy`] writes each string as UTF-8 where the Rust side asks: the new string's runs
//! of lines shared with the old one are copied from the old one's bytes, the rest encoded (in
//! Chromium by its string copier). [`encode_into_spare`] is the one place that hands it a
//! `Vec`'s spare room.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/copy.js")]
extern "C" {
    /// One call's copy of its two strings into wasm memory.
    pub(crate) type TextCopy;
    /// The copy of two strings into `memory` (a `WebAssembly.Memory`).
    #[wasm_bindgen(constructor)]
    pub(crate) fn new(old: &JsValue, new: &JsValue, memory: &JsValue) -> TextCopy;
    /// Whether the strings hold lone surrogates (written as U+FFFD): then the copies start
    /// over with stand-ins for them. Throws when they cannot be told apart. The engine's only:
    /// the reader's sources keep U+FFFD, as `encodeInto` writes it.
    #[wasm_bindgen(catch, method, js_name = standIns)]
    pub(crate) fn stand_ins(this: &TextCopy) -> Result<bool, JsValue>;
    /// Writes string `side` (0 old, 1 new) from UTF-16 unit `from` on as UTF-8 into `room`
    /// bytes at `at`, as much as fits without cutting a character; returns the bytes written.
    /// `old_at` is where the old string's bytes are (for the new one, which copies from them).
    #[wasm_bindgen(method, js_name = encodeInto)]
    pub(crate) fn encode_into(
        this: &TextCopy,
        side: u32,
        from: usize,
        at: usize,
        room: usize,
        old_at: usize,
    ) -> usize;
    /// The UTF-16 unit the last [`TextCopy::encode_into`] stopped at.
    #[wasm_bindgen(method, getter)]
    pub(crate) fn read(this: &TextCopy) -> usize;
    /// Bytes of the new string copied from the old string's rather than encoded.
    #[wasm_bindgen(method, getter)]
    pub(crate) fn copied(this: &TextCopy) -> usize;
    /// Whether the copies may hold a lone surrogate (as U+FFFD): `false` when the encoders
    /// know they wrote none.
    #[wasm_bindgen(method, getter, js_name = mayHoldLone)]
    pub(crate) fn may_hold_lone(this: &TextCopy) -> bool;
}

// The HTML reader's only: declared in the engine's module, they grow it though it never
// calls them.
#[cfg(feature = "markup-module")]
#[wasm_bindgen(module = "/src/copy.js")]
extern "C" {
    /// Whether the HTML reader makes its visible texts by [`text_from_placeholders`] here
    /// (Blink, whose `TextDecoder` is slow on text with a few characters beyond ASCII).
    #[wasm_bindgen(js_name = placeholdersPay)]
    pub(crate) fn placeholders_pay() -> bool;
    /// The text whose UTF-8 is `ascii` with each character beyond ASCII as U+0000, those
    /// characters being `wide`, each followed by U+0000.
    #[wasm_bindgen(js_name = textFromPlaceholders)]
    pub(crate) fn text_from_placeholders(ascii: &js_sys::Uint8Array, wide: &JsValue) -> JsValue;
}

/// Encodes string `side` of `copy` from UTF-16 unit `from` on into `buf`'s spare room, after
/// its bytes (`old_at`: where the old string's bytes are); returns the unit it stopped at.
pub(crate) fn encode_into_spare(
    copy: &TextCopy,
    side: u32,
    buf: &mut Vec<u8>,
    from: usize,
    old_at: usize,
) -> usize {
    let spare = buf.spare_capacity_mut();
    let (at, room) = (spare.as_mut_ptr() as usize, spare.len());
    let n = copy.encode_into(side, from, at, room, old_at);
    // SAFETY: the encoder wrote `n` bytes at the start of the spare room (never more than that
    // room, and wasm memory has no uninitialised bytes in any case).
    unsafe { buf.set_len(buf.len() + n.min(room)) };
    copy.read()
}
