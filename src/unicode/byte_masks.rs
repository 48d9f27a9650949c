//! Reading text eight bytes a step: a `u64` of eight bytes ([`word_at`]) and masks with one
//! bit per byte that passes a test, computed for all eight at once without a branch.
//!
//! The loops that read every byte of both texts (paragraph breaks, hashes, UTF-16 lengths, the
//! word count) use these instead of a byte at a time.

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
// Unused by the engine's wasm build, whose paragraph split reads sixteen bytes a step with SIMD.
#[cfg_attr(all(target_arch = "wasm32", target_feature = "simd128"), allow(dead_code))]
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, c: u8) -> u64 {
    let x = word ^ (ONES * u64::from(c));
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// Bit 7 of each byte of `word` below `n` (`n` at most 0x80; any bytes): bit 7 of
/// `(x & 0x7F) + 0x80 - n` is "the low seven bits are at least `n`".
// Unused by the engine's wasm build, whose paragraph split reads sixteen bytes a step with SIMD.
#[cfg_attr(all(target_arch = "wasm32", target_feature = "simd128"), allow(dead_code))]
#[inline(always)]
pub(crate) fn bytes_below(word: u64, n: u8) -> u64 {
    !(((word & !HIGH) + ONES * u64::from(0x80 - n)) | word) & HIGH
}

/// How many bytes a mask of the form above flags (bits of [`HIGH`] only). `count_ones` where
/// it is one instruction (wasm; x86-64 with `popcnt`); x86-64's baseline has no `popcnt`, so
/// there it is a dozen instructions, and one multiply that sums the eight flags into the top
/// byte is fewer.
#[inline(always)]
pub(crate) fn flags_in(mask: u64) -> u32 {
    if cfg!(all(target_arch = "x86_64", not(target_feature = "popcnt"))) {
        ((mask >> 7).wrapping_mul(ONES) >> 56) as u32
    } else {
        mask.count_ones()
    }
}

/// UTF-16 units of the UTF-8 sequences that start in the eight bytes of `word`: each byte
/// that is not a continuation byte (`10xxxxxx`) starts one, a four-byte lead (`11110xxx`) two.
/// Shifting left by one moves each byte's bit 6 to its bit 7; the mask drops what crossed into
/// the next byte.
#[inline(always)]
pub(crate) fn utf16_units_in(word: u64) -> usize {
    let continuation = word & !(word << 1) & HIGH;
    let four_byte = word & (word << 1) & (word << 2) & (word << 3) & HIGH;
    8 - flags_in(continuation) as usize + flags_in(four_byte) as usize
}

/// UTF-16 units of the UTF-8 sequences that start in the sixteen bytes at `bytes[i..]` (0 past
/// the end): sixteen when all are ASCII, which one test tells. With wasm SIMD one `v128.load`
/// and a bitmask per class of byte; elsewhere two `u64`s.
#[inline(always)]
pub(crate) fn utf16_units_16(bytes: &[u8], i: usize) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        units_in_lanes(bytes, i, 16).unwrap_or(0)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        let (low, high) = (word_at(bytes, i), word_at(bytes, i + 8));
        if (low | high) & HIGH == 0 {
            16
        } else {
            utf16_units_in(low) + utf16_units_in(high)
        }
    }
}

/// UTF-16 units of the UTF-8 sequences that start in `bytes[i..to]`, fewer than sixteen bytes
/// (the end of a count sixteen bytes a step): with wasm SIMD one step over the sixteen bytes
/// at `i`, the lanes from `to` on left out, where the text has sixteen bytes there.
#[inline(always)]
pub(crate) fn utf16_units_before(bytes: &[u8], i: usize, to: usize) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if let Some(units) = units_in_lanes(bytes, i, to.saturating_sub(i).min(16)) {
        return units;
    }
    utf16_units(bytes.get(i..to).unwrap_or_default())
}

/// UTF-16 units of the UTF-8 sequences that start in the first `n` (at most sixteen) of the
/// sixteen bytes at `bytes[i..]`, or `None` when the text has fewer there.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn units_in_lanes(bytes: &[u8], i: usize, n: usize) -> Option<usize> {
    use core::arch::wasm32::*;
    let chunk = bytes.get(i..i + 16)?;
    // SAFETY: `chunk` holds sixteen bytes, all that `v128_load` reads; it needs no alignment.
    let v = unsafe { v128_load(chunk.as_ptr().cast::<v128>()) };
    let lanes = (1u32 << n) - 1;
    if u32::from(u8x16_bitmask(v)) & lanes == 0 {
        return Some(n);
    }
    // Continuation bytes are 0x80..=0xBF, below -64 as signed bytes.
    let continuation = u32::from(u8x16_bitmask(i8x16_lt(v, i8x16_splat(-64)))) & lanes;
    let four_byte = u32::from(u8x16_bitmask(u8x16_ge(v, u8x16_splat(0xF0)))) & lanes;
    Some(n - continuation.count_ones() as usize + four_byte.count_ones() as usize)
}

/// UTF-16 units of whole UTF-8 sequences, eight bytes a step.
pub(crate) fn utf16_units(bytes: &[u8]) -> usize {
    let mut units = 0;
    let mut i = 0;
    while i + 8 <= bytes.len() {
        units += utf16_units_in(word_at(bytes, i));
        i += 8;
    }
    units
        + bytes[i..]
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each mask against the same test done byte by byte, for every byte value at every
    /// position of the word.
    #[test]
    fn masks_are_the_bytewise_tests() {
        let bit = |k: usize, on: bool| if on { 0x80u64 << (8 * k) } else { 0 };
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[k] = b;
                let word = word_at(&bytes, 0);
                let expected = |test: &dyn Fn(u8) -> bool| {
                    (0..8).map(|j| bit(j, test(bytes[j]))).fold(0, |m, x| m | x)
                };
                assert_eq!(bytes_equal(word, b'c'), expected(&|x| x == b'c'), "{b:#x} at {k}");
                if b < 0x80 {
                    assert_eq!(
                        bytes_in(word, b'a', b'e'),
                        expected(&|x| (b'a'..=b'e').contains(&x)),
                        "{b:#x} at {k}"
                    );
                }
                assert_eq!(bytes_below(word, 0x20), expected(&|x| x < 0x20), "{b:#x} at {k}");
                assert_eq!(word & HIGH == 0, bytes.is_ascii());
            }
        }
        assert_eq!(word_at(b"abc", 0), 0, "fewer than eight bytes");
        for flags in 0..=255u64 {
            let mask = (0..8).filter(|k| flags >> k & 1 != 0).fold(0, |m, k| m | 0x80 << (8 * k));
            assert_eq!(flags_in(mask), flags.count_ones(), "{mask:#x}");
        }
        assert_eq!(ONES * 0x41, u64::from_le_bytes(*b"AAAAAAAA"));
    }

    /// The UTF-16 length of every prefix (cut at a character boundary) of text mixing one-,
    /// two-, three- and four-byte characters, against the standard library's.
    #[test]
    fn utf16_units_are_the_standard_librarys() {
        let text =
            "a é日🙂b ß\u{10FFFF}z€ aaaaaaaaaaaa 🙂🙂 x\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}";
        for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let prefix = &text[..end];
            assert_eq!(utf16_units(prefix.as_bytes()), prefix.encode_utf16().count(), "{prefix:?}");
            let (bytes, mut units, mut i) = (prefix.as_bytes(), 0, 0);
            while i + 16 <= bytes.len() {
                units += utf16_units_16(bytes, i);
                i += 16;
            }
            assert_eq!(units + utf16_units(&bytes[i..]), prefix.encode_utf16().count());
            assert_eq!(
                units + utf16_units_before(text.as_bytes(), i, end),
                prefix.encode_utf16().count()
            );
        }
    }
}
