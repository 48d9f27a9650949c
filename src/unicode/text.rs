//! Slicing a text at offsets the engine found itself, comparing two texts, and the helpers of
//! every loop that reads text eight bytes at a time (`word_at` and byte masks on a `u64`).
//!
//! Every offset the engine keeps comes from scanning the text, so it is a char boundary and
//! `&text[range]` cannot fail. Its failure path is still compiled in, though, and formats the
//! text, the range and the char in the way for its message: kilobytes of the wasm module, which
//! has a size budget (docs/performance.md). These functions slice with [`str::get`] and, should a bug ever hand them
//! an offset inside a character, panic with a fixed message instead.

use core::ops::Range;

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
    let byte = |k: usize| u32::from(text.as_bytes().get(i + k).copied().unwrap_or(0));
    let (lead, len) = match text.as_bytes().get(i).copied() {
        Some(b @ 0..=0x7F) => return (char::from(b), 1),
        Some(b @ 0xC0..=0xDF) => (u32::from(b & 0x1F), 2),
        Some(b @ 0xE0..=0xEF) => (u32::from(b & 0x0F), 3),
        Some(b @ 0xF0..=0xF7) => (u32::from(b & 0x07), 4),
        _ => return ('\u{FFFD}', 1),
    };
    let c = (1..len).fold(lead, |c, k| c << 6 | byte(k) & 0x3F);
    (char::from_u32(c).unwrap_or('\u{FFFD}'), len)
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

/// The little-endian `u64` at `bytes[i..i + 8]` (0 past the end), for loops that read text
/// eight or sixteen bytes a step. In a plain `while` loop over an index this is one `i64.load`
/// in wasm even at `opt-level = "z"`, where iterator adaptors (`chunks_exact`, `zip`), closures
/// and `copy_from_slice` stay function calls, one or more per step.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
        None => 0,
    }
}

/// Bit 7 of every byte of a `u64`: the masks below have one bit per byte there.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// `0x01` in every byte: `ONES * b` is `b` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// Bit 7 of each byte of `word` (all below 0x80) that is in `lo..=hi`: bit 7 of `b + 0x80 - lo`
/// is `b >= lo`, of `b + 0x7F - hi` it is `b > hi`, and no byte carries into the next.
#[inline(always)]
pub(crate) fn bytes_in(word: u64, lo: u8, hi: u8) -> u64 {
    (word + ONES * u64::from(0x80 - lo)) & !(word + ONES * u64::from(0x7F - hi)) & HIGH
}

/// Bit 7 of each byte of `word` equal to `c` (any bytes, not only ASCII): bit 7 of
/// `(x & 0x7F) + 0x7F` is "the low seven bits of `x` are not all zero", and no byte carries
/// into the next.
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, c: u8) -> u64 {
    let x = word ^ (ONES * u64::from(c));
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// Bit 7 of each byte of `word` below `n` (`n` at most 0x80; any bytes): bit 7 of
/// `(x & 0x7F) + 0x80 - n` is "the low seven bits are at least `n`".
#[inline(always)]
pub(crate) fn bytes_below(word: u64, n: u8) -> u64 {
    !(((word & !HIGH) + ONES * u64::from(0x80 - n)) | word) & HIGH
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
    #[should_panic(expected = "inside a character")]
    fn an_offset_inside_a_character_panics() {
        let _ = slice("naïve", 3..4);
    }
}
