//! A chunk of ASCII bytes as lanes, one per byte, for the word counter's chunk step
//! ([`super::count`]): the few operations that step needs, on three representations.
//!
//! * `u64`: eight lanes, a lane's flag in bit 7 of its byte (the form of
//!   [`crate::unicode::byte_masks::bytes_in`]). Every build has it.
//! * `Simd`: sixteen lanes of a wasm SIMD `v128`, a flag as a lane of all ones. Only in a
//!   wasm build with the `simd128` target feature.
//! * `Portable`: the same sixteen lanes as a `[u8; 16]`, lane by lane. It is `Simd`'s
//!   stand-in in native tests, so that the property tests run the sixteen-lane step (which the
//!   browser tests alone could otherwise reach) against the tokenizer.
//!
//! A flag mask crosses to and from the counter's `u64` form ([`Lanes::from_last`],
//! [`Lanes::last`]), where bit 63 is the last byte before the chunk and bit 55 the one before it.

use crate::unicode::byte_masks::{bytes_in, flags_in, word_at, HIGH, ONES};

/// A chunk of [`Lanes::WIDTH`] ASCII bytes, or a mask with a flag per byte.
pub(super) trait Lanes: Copy {
    /// Bytes per chunk.
    const WIDTH: usize;
    /// The chunk at `bytes[i..]`, when all of it is ASCII and the byte after it (if any) too: a
    /// byte followed by ASCII is a grapheme cluster by itself, CR LF aside (and CR is no letter
    /// or joiner, so counting it alone is right).
    fn load(bytes: &[u8], i: usize) -> Option<Self>;
    /// The lanes whose byte is in `range` (inclusive).
    fn in_range(self, range: (u8, u8)) -> Self;
    /// The bytes with `bits` set in each.
    fn with_bits(self, bits: u8) -> Self;
    /// A mask whose lanes before the chunk are those of the counter's `u64` form (the last
    /// eight bytes before it), the others clear.
    fn from_last(mask: u64) -> Self;
    /// The last eight lanes, in the counter's `u64` form.
    fn last(self) -> u64;
    /// Each lane's neighbour one byte before it: the last lane of `earlier`, then `now`'s.
    fn one_before(earlier: Self, now: Self) -> Self;
    /// Each lane's neighbour two bytes before it.
    fn two_before(earlier: Self, now: Self) -> Self;
    fn and(self, other: Self) -> Self;
    fn or(self, other: Self) -> Self;
    /// `self` without the lanes of `other`.
    fn and_not(self, other: Self) -> Self;
    fn any(self) -> bool;
    fn count(self) -> u32;
    /// The chunk's last byte.
    fn last_byte(self) -> u8;
}

impl Lanes for u64 {
    const WIDTH: usize = 8;

    #[inline(always)]
    fn load(bytes: &[u8], i: usize) -> Option<u64> {
        let word = word_at(bytes, i);
        (i + 8 <= bytes.len() && word & HIGH == 0 && bytes.get(i + 8).is_none_or(|&n| n < 0x80))
            .then_some(word)
    }

    #[inline(always)]
    fn in_range(self, (lo, hi): (u8, u8)) -> u64 {
        bytes_in(self, lo, hi)
    }

    #[inline(always)]
    fn with_bits(self, bits: u8) -> u64 {
        self | (ONES * u64::from(bits))
    }

    #[inline(always)]
    fn from_last(mask: u64) -> u64 {
        mask
    }

    #[inline(always)]
    fn last(self) -> u64 {
        self
    }

    #[inline(always)]
    fn one_before(earlier: u64, now: u64) -> u64 {
        now << 8 | earlier >> 56
    }

    #[inline(always)]
    fn two_before(earlier: u64, now: u64) -> u64 {
        now << 16 | earlier >> 48
    }

    #[inline(always)]
    fn and(self, other: u64) -> u64 {
        self & other
    }

    #[inline(always)]
    fn or(self, other: u64) -> u64 {
        self | other
    }

    #[inline(always)]
    fn and_not(self, other: u64) -> u64 {
        self & !other
    }

    #[inline(always)]
    fn any(self) -> bool {
        self != 0
    }

    #[inline(always)]
    fn count(self) -> u32 {
        flags_in(self)
    }

    #[inline(always)]
    fn last_byte(self) -> u8 {
        (self >> 56) as u8
    }
}

/// Sixteen lanes of wasm SIMD.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[derive(Clone, Copy)]
pub(super) struct Simd(core::arch::wasm32::v128);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl Lanes for Simd {
    const WIDTH: usize = 16;

    #[inline(always)]
    fn load(bytes: &[u8], i: usize) -> Option<Simd> {
        use core::arch::wasm32::*;
        let chunk = bytes.get(i..i + 16)?;
        // One `v128.load` rather than two `i64.load`s and the lanes built from them.
        // SAFETY: `chunk` holds sixteen bytes, all that `v128_load` reads; it needs no
        // alignment.
        let v = unsafe { v128_load(chunk.as_ptr().cast::<v128>()) };
        let ascii = u8x16_bitmask(v) == 0 && bytes.get(i + 16).is_none_or(|&n| n < 0x80);
        ascii.then_some(Simd(v))
    }

    #[inline(always)]
    fn in_range(self, (lo, hi): (u8, u8)) -> Simd {
        use core::arch::wasm32::*;
        // `b - lo <= hi - lo`, unsigned: one comparison.
        Simd(u8x16_le(u8x16_sub(self.0, u8x16_splat(lo)), u8x16_splat(hi - lo)))
    }

    #[inline(always)]
    fn with_bits(self, bits: u8) -> Simd {
        use core::arch::wasm32::*;
        Simd(v128_or(self.0, u8x16_splat(bits)))
    }

    #[inline(always)]
    fn from_last(mask: u64) -> Simd {
        use core::arch::wasm32::*;
        Simd(i8x16_lt(u64x2(0, mask), u8x16_splat(0)))
    }

    #[inline(always)]
    fn last(self) -> u64 {
        core::arch::wasm32::u64x2_extract_lane::<1>(self.0) & HIGH
    }

    #[inline(always)]
    fn one_before(earlier: Simd, now: Simd) -> Simd {
        use core::arch::wasm32::i8x16_shuffle;
        Simd(i8x16_shuffle::<15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30>(
            earlier.0, now.0,
        ))
    }

    #[inline(always)]
    fn two_before(earlier: Simd, now: Simd) -> Simd {
        use core::arch::wasm32::i8x16_shuffle;
        Simd(i8x16_shuffle::<14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29>(
            earlier.0, now.0,
        ))
    }

    #[inline(always)]
    fn and(self, other: Simd) -> Simd {
        Simd(core::arch::wasm32::v128_and(self.0, other.0))
    }

    #[inline(always)]
    fn or(self, other: Simd) -> Simd {
        Simd(core::arch::wasm32::v128_or(self.0, other.0))
    }

    #[inline(always)]
    fn and_not(self, other: Simd) -> Simd {
        Simd(core::arch::wasm32::v128_andnot(self.0, other.0))
    }

    #[inline(always)]
    fn any(self) -> bool {
        core::arch::wasm32::v128_any_true(self.0)
    }

    #[inline(always)]
    fn count(self) -> u32 {
        core::arch::wasm32::u8x16_bitmask(self.0).count_ones()
    }

    #[inline(always)]
    fn last_byte(self) -> u8 {
        core::arch::wasm32::u8x16_extract_lane::<15>(self.0)
    }
}

/// [`Simd`]'s sixteen lanes, one at a time: what each wasm SIMD instruction does, written out.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Portable([u8; 16]);

#[cfg(test)]
impl Portable {
    fn map(self, other: Portable, f: impl Fn(u8, u8) -> u8) -> Portable {
        Portable(core::array::from_fn(|k| f(self.0[k], other.0[k])))
    }

    /// Lane `k` of the 32 lanes `earlier` then `now`, taken from `16 - by` on, as
    /// `i8x16_shuffle` does.
    fn shifted(earlier: Portable, now: Portable, by: usize) -> Portable {
        Portable(core::array::from_fn(
            |k| if k < by { earlier.0[16 - by + k] } else { now.0[k - by] },
        ))
    }
}

#[cfg(test)]
impl Lanes for Portable {
    const WIDTH: usize = 16;

    fn load(bytes: &[u8], i: usize) -> Option<Portable> {
        let chunk: [u8; 16] = bytes.get(i..i + 16)?.try_into().ok()?;
        (chunk.is_ascii() && bytes.get(i + 16).is_none_or(|&n| n < 0x80)).then_some(Portable(chunk))
    }

    fn in_range(self, (lo, hi): (u8, u8)) -> Portable {
        Portable(self.0.map(|b| if (lo..=hi).contains(&b) { 0xFF } else { 0 }))
    }

    fn with_bits(self, bits: u8) -> Portable {
        Portable(self.0.map(|b| b | bits))
    }

    fn from_last(mask: u64) -> Portable {
        let bytes = mask.to_le_bytes();
        Portable(core::array::from_fn(
            |k| if k >= 8 && bytes[k - 8] & 0x80 != 0 { 0xFF } else { 0 },
        ))
    }

    fn last(self) -> u64 {
        u64::from_le_bytes(core::array::from_fn(|k| self.0[8 + k] & 0x80))
    }

    fn one_before(earlier: Portable, now: Portable) -> Portable {
        Portable::shifted(earlier, now, 1)
    }

    fn two_before(earlier: Portable, now: Portable) -> Portable {
        Portable::shifted(earlier, now, 2)
    }

    fn and(self, other: Portable) -> Portable {
        self.map(other, |a, b| a & b)
    }

    fn or(self, other: Portable) -> Portable {
        self.map(other, |a, b| a | b)
    }

    fn and_not(self, other: Portable) -> Portable {
        self.map(other, |a, b| a & !b)
    }

    fn any(self) -> bool {
        self.0 != [0; 16]
    }

    fn count(self) -> u32 {
        self.0.iter().map(|&lane| u32::from(lane >> 7)).sum()
    }

    fn last_byte(self) -> u8 {
        self.0[15]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sixteen lanes from two masks in the `u64` form, the first for lanes 0 to 7.
    fn lanes_of(low: u64, high: u64) -> Portable {
        Portable(core::array::from_fn(|k| {
            let word = if k < 8 { low } else { high };
            if word >> (8 * (k % 8) + 7) & 1 == 1 {
                0xFF
            } else {
                0
            }
        }))
    }

    /// Sixteen lanes and two `u64`s of the same bytes agree on every operation, at every offset.
    #[test]
    fn sixteen_lanes_agree_with_two_words() {
        let text =
            b"Don't 1,000.5 a-b (x) {y} ~z\x7F\0 Zz 09 ',-.! well-known U.S. 3.14 ''--..,, end";
        let masks = |chunk: u64| {
            chunk.in_range((b'0', b'9'))
                | chunk.with_bits(0x20).in_range((b'a', b'z'))
                | chunk.in_range((b',', b'.'))
        };
        let lane_masks = |chunk: Portable| {
            chunk
                .in_range((b'0', b'9'))
                .or(chunk.with_bits(0x20).in_range((b'a', b'z')))
                .or(chunk.in_range((b',', b'.')))
        };
        for i in 0..=text.len() - 33 {
            let (Some(earlier), Some(now)) =
                (Portable::load(text, i), Portable::load(text, i + 16))
            else {
                panic!("an ASCII chunk at {i} did not load");
            };
            let [el, eh, nl, nh] = [i, i + 8, i + 16, i + 24].map(|j| masks(word_at(text, j)));
            let (e, n) = (lane_masks(earlier), lane_masks(now));
            assert_eq!(e, lanes_of(el, eh), "at {i}");
            assert_eq!(
                Portable::one_before(e, n),
                lanes_of(u64::one_before(eh, nl), u64::one_before(nl, nh)),
                "at {i}"
            );
            assert_eq!(
                Portable::two_before(e, n),
                lanes_of(u64::two_before(eh, nl), u64::two_before(nl, nh)),
                "at {i}"
            );
            assert_eq!(Portable::from_last(eh), lanes_of(0, eh));
            assert_eq!(e.last(), eh);
            assert_eq!(e.count(), el.count() + eh.count());
            assert_eq!(e.any(), el.any() || eh.any());
            assert_eq!(e.and(n), lanes_of(el & nl, eh & nh));
            assert_eq!(e.or(n), lanes_of(el | nl, eh | nh));
            assert_eq!(e.and_not(n), lanes_of(el & !nl, eh & !nh));
            assert_eq!(earlier.last_byte(), word_at(text, i + 8).last_byte());
        }
    }

    #[test]
    fn a_chunk_loads_only_when_it_and_the_byte_after_are_ascii() {
        let text = "0123456789abcdef😀0123456789abcdefg".as_bytes();
        assert!(Portable::load(text, 0).is_none(), "followed by an emoji");
        assert!(<u64 as Lanes>::load(text, 0).is_some());
        assert!(<u64 as Lanes>::load(text, 8).is_none());
        assert!(Portable::load(text, 20).is_some(), "followed by ASCII");
        assert!(Portable::load(text, 21).is_some(), "at the end");
        assert!(Portable::load(text, 22).is_none(), "past the end");
    }
}
