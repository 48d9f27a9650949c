//! Slicing a text at offsets the engine found itself, and comparing two texts.
//!
//! Every offset the engine keeps comes from scanning the text, so it is a char boundary and
//! `&text[range]` cannot fail. Its failure path is still compiled in, though, and formats the
//! text, the range and the char in the way for its message: kilobytes of the wasm module, which
//! has a size budget (docs/performance.md). These functions slice with [`str::get`] and, should
//! a bug ever hand them an offset inside a character, panic with a fixed message instead.

use core::ops::Range;

use crate::unicode::byte_masks::word_at;

/// `&text[range]`.
#[inline]
pub(crate) fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or_else(|| inside_a_character())
}

/// `&text[start..]`.
#[inline]
pub(crate) fn from(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or_else(|| inside_a_character())
}

/// The char that starts at byte `i` of `text` (a char boundary) and its length in bytes, decoded
/// in place: `str::chars` decodes through a call per char in the wasm build, and the tokenizer
/// reads each char of text in other scripts than Latin twice. `(U+FFFD, 1)` where no char
/// starts (never at a boundary of a `str` before its end).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let (c, len) = code_at(text, i);
    (char::from_u32(c).unwrap_or('\u{FFFD}'), len)
}

/// [`char_at`] as a code point, for a lookup by code that need not check it is a char (at a
/// boundary of a `str` it always is).
#[inline(always)]
pub(crate) fn code_at(text: &str, i: usize) -> (u32, usize) {
    // Each length spelled out: a loop over the continuation bytes stays a loop at
    // `opt-level = "z"`, and this runs for every char of text in other scripts.
    let bytes = text.as_bytes();
    let tail = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
    match bytes.get(i).copied() {
        Some(b @ 0..=0x7F) => (u32::from(b), 1),
        Some(b @ 0xC0..=0xDF) => (u32::from(b & 0x1F) << 6 | tail(1), 2),
        Some(b @ 0xE0..=0xEF) => (u32::from(b & 0x0F) << 12 | tail(1) << 6 | tail(2), 3),
        Some(b @ 0xF0..=0xF7) => {
            (u32::from(b & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3), 4)
        }
        _ => (0xFFFD, 1),
    }
}

/// `a == b`, sixteen bytes a step.
///
/// Rows compare every pair of paragraphs the hashes matched (a collision must show as a change),
/// which on a near-identical pair is the whole text. In wasm, `==` on slices calls a `memcmp`
/// that compares byte by byte; two `u64` loads a step take a fraction of its time
/// (docs/performance.md). Natively `memcmp` is vectorised, and this is about as fast.
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i + 16 <= a.len() {
        if (word_at(a, i) ^ word_at(b, i)) | (word_at(a, i + 8) ^ word_at(b, i + 8)) != 0 {
            return false;
        }
        i += 16;
    }
    a.get(i..) == b.get(i..)
}

/// How many bytes `a` and `b` begin with in common, sixteen bytes a step (as [`same`]).
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let mut i = 0;
    while i + 16 <= len {
        let low = word_at(a, i) ^ word_at(b, i);
        if low != 0 {
            return i + low.trailing_zeros() as usize / 8;
        }
        let high = word_at(a, i + 8) ^ word_at(b, i + 8);
        if high != 0 {
            return i + 8 + high.trailing_zeros() as usize / 8;
        }
        i += 16;
    }
    while i < len && a[i] == b[i] {
        i += 1;
    }
    i
}

#[cold]
#[inline(never)]
fn inside_a_character() -> ! {
    panic!("article-diff: a text was cut inside a character (a bug in the engine)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_at_decodes_every_char_and_nothing_inside_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(char_at(&text, 1), (c, c.len_utf8()), "{c:?}");
            for inside in 2..1 + c.len_utf8() {
                assert_eq!(char_at(&text, inside), ('\u{FFFD}', 1), "{c:?} at {inside}");
            }
        }
        assert_eq!(char_at("a", 1), ('\u{FFFD}', 1));
    }

    #[test]
    fn slices_like_indexing() {
        assert_eq!(slice("naïve", 2..4), "ï");
        assert_eq!(from("naïve", 4), "ve");
    }

    #[test]
    fn same_is_equality() {
        let text = "0123456789abcdef0123456789abcdef naïve";
        for len in 0..text.len() {
            let Some(a) = text.get(..len) else { continue };
            // The same bytes at another address.
            let copy = a.to_string();
            assert!(same(a, &copy));
            assert!(!same(a, text));
            // One byte changed anywhere: in a sixteen-byte step or in the remainder.
            for at in 0..a.len() {
                let mut b = a.as_bytes().to_vec();
                b[at] ^= 1;
                if let Ok(b) = std::str::from_utf8(&b) {
                    assert!(!same(a, b), "{a:?} at {at}");
                }
            }
        }
    }

    #[test]
    fn common_prefix_finds_the_first_difference() {
        let text: Vec<u8> = (0u8..70).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..text.len() {
            let a = &text[..len];
            assert_eq!(common_prefix(a, a), len);
            assert_eq!(common_prefix(a, &text), len, "a prefix of the other");
            for at in 0..len {
                let mut b = a.to_vec();
                b[at] ^= 0x80;
                assert_eq!(common_prefix(a, &b), at, "{len} {at}");
                assert_eq!(common_prefix(&b, a), at, "{len} {at}");
            }
        }
    }

    #[test]
    #[should_panic(expected = "inside a character")]
    fn an_offset_inside_a_character_panics() {
        let _ = slice("naïve", 3..4);
    }
}
