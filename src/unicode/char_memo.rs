//! A memo of one byte per char, for Unicode properties that cost a table search to look up.
//!
//! The grapheme rules and the word classes of the tokenizer ask about every char of a text
//! that is not ASCII. Their answers come from binary searches over Unicode tables (ours and
//! the standard library's), which took most of the diff of a multilingual pair
//! (docs/performance.md). A text uses a few hundred distinct chars, so each answer is worked out once and
//! kept for the life of the module.
//!
//! A memo covers the first two planes (the Basic Multilingual Plane, and the Supplementary
//! Multilingual Plane of emoji and of scripts such as Adlam and Chakma): 128 KB, zeroed memory
//! rather than a data segment, so it costs nothing in the wasm module. Chars beyond are rare in
//! text and are looked up each time.

use std::sync::atomic::{AtomicU8, Ordering};

/// Chars below this are memoized.
const CHARS: usize = 0x20000;

/// One byte per char, 0 while not yet worked out. Relaxed atomics make it a plain static
/// without `unsafe`; two threads racing on a char store the same byte.
pub(crate) struct CharMemo([AtomicU8; CHARS]);

impl CharMemo {
    pub(crate) const fn new() -> Self {
        CharMemo([const { AtomicU8::new(0) }; CHARS])
    }

    /// The byte for `c`: `work_out(c)`, which must never be 0, the first time.
    #[inline]
    pub(crate) fn get(&self, c: char, work_out: fn(char) -> u8) -> u8 {
        self.get_code(c as u32, work_out)
    }

    /// [`CharMemo::get`] by code point (one that is no char, which a `str` never holds, is
    /// worked out as U+FFFD). Inlined, but for the first look-up of a char: it runs once per
    /// char of text in other scripts, and a call per char was a third of its cost.
    #[inline(always)]
    pub(crate) fn get_code(&self, code: u32, work_out: fn(char) -> u8) -> u8 {
        match self.0.get(code as usize).map(|slot| slot.load(Ordering::Relaxed)) {
            Some(known @ 1..) => known,
            _ => self.fill(code, work_out),
        }
    }

    #[cold]
    #[inline(never)]
    fn fill(&self, code: u32, work_out: fn(char) -> u8) -> u8 {
        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
        let byte = work_out(c);
        debug_assert_ne!(byte, 0, "{c:?}");
        if let Some(slot) = self.0.get(code as usize) {
            slot.store(byte, Ordering::Relaxed);
        }
        byte
    }
}
