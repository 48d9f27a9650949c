//! Whether bytes are UTF-8, sixteen a step: the check of the texts the binding copies into
//! wasm memory (`utf8` in src/wasm.rs).
//!
//! The lookup algorithm of Keiser and Lemire ("Validating UTF-8 In Less Than One Instruction
//! Per Byte", 2021), with the tables simdjson and simdutf8 use: three table look-ups per step
//! classify each byte with the byte before it, and two saturating subtractions say where a
//! continuation byte must come; a step of ASCII only checks that no sequence was left open.
//! Written once over [`Lanes`]: wasm SIMD in the wasm build (`Simd`), where it is one loop
//! with its state in locals (simdutf8's steps are calls at this crate's `opt-level`), and a
//! plain `[u8; 16]` elsewhere ([`Portable`]), which the tests run against the standard
//! library's check.

// Only the wasm build checks bytes; native builds compile it for the tests.
#![cfg_attr(not(all(target_arch = "wasm32", target_feature = "simd128")), allow(dead_code))]

/// Sixteen bytes, and the operations a step needs.
trait Lanes: Copy {
    fn load(chunk: &[u8; 16]) -> Self;
    fn splat(byte: u8) -> Self;
    fn and(self, other: Self) -> Self;
    fn or(self, other: Self) -> Self;
    fn xor(self, other: Self) -> Self;
    /// Each byte shifted right by four.
    fn shr4(self) -> Self;
    /// `table[lane]` for each lane (every lane below 16).
    fn lookup(self, table: [u8; 16]) -> Self;
    /// Each lane less `other`'s, at least 0.
    fn sub_sat(self, other: Self) -> Self;
    /// Each lane's neighbour `N` (1 to 3) bytes before it: the last lanes of `earlier`, then
    /// `self`'s.
    fn before<const N: usize>(self, earlier: Self) -> Self;
    fn any(self) -> bool;
    fn ascii(self) -> bool;
}

/// Whether `bytes` are UTF-8.
pub(crate) fn is_utf8(bytes: &[u8]) -> bool {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        check::<Simd>(bytes)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        check::<Portable>(bytes)
    }
}

const TOO_SHORT: u8 = 1 << 0;
const TOO_LONG: u8 = 1 << 1;
const OVERLONG_3: u8 = 1 << 2;
const TOO_LARGE: u8 = 1 << 3;
const SURROGATE: u8 = 1 << 4;
const OVERLONG_2: u8 = 1 << 5;
const TOO_LARGE_1000: u8 = 1 << 6;
const OVERLONG_4: u8 = 1 << 6;
const TWO_CONTS: u8 = 1 << 7;
const CARRY: u8 = TOO_SHORT | TOO_LONG | TWO_CONTS;
const BIG: u8 = CARRY | TOO_LARGE | TOO_LARGE_1000;

/// The errors a byte's high nibble allows, as the byte before a lane.
const BYTE_1_HIGH: [u8; 16] = [
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TWO_CONTS,
    TWO_CONTS,
    TWO_CONTS,
    TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
];
/// The same for its low nibble.
const BYTE_1_LOW: [u8; 16] = [
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY,
    CARRY,
    CARRY | TOO_LARGE,
    BIG,
    BIG,
    BIG,
    BIG,
    BIG,
    BIG,
    BIG,
    BIG,
    BIG | SURROGATE,
    BIG,
    BIG,
];
/// The same for the lane's own high nibble.
const BYTE_2_HIGH: [u8; 16] = [
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
];
/// Above these, a step's last three bytes open a sequence the step does not close.
const LAST_COMPLETE: [u8; 16] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xEF, 0xDF, 0xBF,
];

/// Whether `bytes` are UTF-8, sixteen a step (the last few padded with zeros, which are ASCII).
/// (A plain index loop with the step inlined: at `opt-level = "z"` a closure or `chunks_exact`
/// stays a call per step.)
#[inline(always)]
fn check<L: Lanes>(bytes: &[u8]) -> bool {
    let (mut error, mut open, mut earlier) = (L::splat(0), L::splat(0), L::splat(0));
    let (mut i, mut last) = (0, [0; 16]);
    while i < bytes.len() {
        let input = match bytes.get(i..i + 16) {
            Some(chunk) => L::load(chunk.try_into().unwrap_or(&[0; 16])),
            None => {
                let rest = &bytes[i..];
                last[..rest.len()].copy_from_slice(rest);
                L::load(&last)
            }
        };
        if input.ascii() {
            // A sequence the step before left open is cut short.
            error = error.or(open);
            open = L::splat(0);
        } else {
            let prev1 = input.before::<1>(earlier);
            let special = prev1
                .shr4()
                .lookup(BYTE_1_HIGH)
                .and(prev1.and(L::splat(0x0F)).lookup(BYTE_1_LOW))
                .and(input.shr4().lookup(BYTE_2_HIGH));
            // A third byte after a three- or four-byte lead, a fourth after a four-byte one.
            let must_continue = input
                .before::<2>(earlier)
                .sub_sat(L::splat(0xE0 - 0x80))
                .or(input.before::<3>(earlier).sub_sat(L::splat(0xF0 - 0x80)))
                .and(L::splat(0x80));
            error = error.or(must_continue.xor(special));
            open = input.sub_sat(L::load(&LAST_COMPLETE));
        }
        earlier = input;
        i += 16;
    }
    !error.or(open).any()
}

/// Sixteen lanes of wasm SIMD.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[derive(Clone, Copy)]
struct Simd(core::arch::wasm32::v128);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl Lanes for Simd {
    #[inline(always)]
    fn load(chunk: &[u8; 16]) -> Simd {
        // SAFETY: `chunk` is sixteen bytes, all that `v128_load` reads; it needs no alignment.
        Simd(unsafe { core::arch::wasm32::v128_load(chunk.as_ptr().cast()) })
    }
    #[inline(always)]
    fn splat(byte: u8) -> Simd {
        Simd(core::arch::wasm32::u8x16_splat(byte))
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
    fn xor(self, other: Simd) -> Simd {
        Simd(core::arch::wasm32::v128_xor(self.0, other.0))
    }
    #[inline(always)]
    fn shr4(self) -> Simd {
        Simd(core::arch::wasm32::u8x16_shr(self.0, 4))
    }
    #[inline(always)]
    fn lookup(self, table: [u8; 16]) -> Simd {
        Simd(core::arch::wasm32::u8x16_swizzle(Simd::load(&table).0, self.0))
    }
    #[inline(always)]
    fn sub_sat(self, other: Simd) -> Simd {
        Simd(core::arch::wasm32::u8x16_sub_sat(self.0, other.0))
    }
    #[inline(always)]
    fn before<const N: usize>(self, earlier: Simd) -> Simd {
        use core::arch::wasm32::u8x16_shuffle;
        let (e, s) = (earlier.0, self.0);
        Simd(match N {
            1 => u8x16_shuffle::<15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30>(
                e, s,
            ),
            2 => u8x16_shuffle::<14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29>(
                e, s,
            ),
            _ => u8x16_shuffle::<13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28>(
                e, s,
            ),
        })
    }
    #[inline(always)]
    fn any(self) -> bool {
        core::arch::wasm32::v128_any_true(self.0)
    }
    #[inline(always)]
    fn ascii(self) -> bool {
        core::arch::wasm32::u8x16_bitmask(self.0) == 0
    }
}

/// Sixteen lanes as plain bytes: `Simd`'s stand-in where there is no wasm SIMD, and in the
/// tests.
#[cfg_attr(all(target_arch = "wasm32", target_feature = "simd128"), allow(dead_code))]
#[derive(Clone, Copy)]
struct Portable([u8; 16]);

#[cfg_attr(all(target_arch = "wasm32", target_feature = "simd128"), allow(dead_code))]
impl Portable {
    fn map(self, other: Portable, f: impl Fn(u8, u8) -> u8) -> Portable {
        Portable(core::array::from_fn(|k| f(self.0[k], other.0[k])))
    }
}

impl Lanes for Portable {
    fn load(chunk: &[u8; 16]) -> Portable {
        Portable(*chunk)
    }
    fn splat(byte: u8) -> Portable {
        Portable([byte; 16])
    }
    fn and(self, other: Portable) -> Portable {
        self.map(other, |a, b| a & b)
    }
    fn or(self, other: Portable) -> Portable {
        self.map(other, |a, b| a | b)
    }
    fn xor(self, other: Portable) -> Portable {
        self.map(other, |a, b| a ^ b)
    }
    fn shr4(self) -> Portable {
        self.map(self, |a, _| a >> 4)
    }
    fn lookup(self, table: [u8; 16]) -> Portable {
        self.map(self, |a, _| table[usize::from(a & 15)])
    }
    fn sub_sat(self, other: Portable) -> Portable {
        self.map(other, u8::saturating_sub)
    }
    fn before<const N: usize>(self, earlier: Portable) -> Portable {
        Portable(core::array::from_fn(
            |k| if k < N { earlier.0[16 + k - N] } else { self.0[k - N] },
        ))
    }
    fn any(self) -> bool {
        self.0 != [0; 16]
    }
    fn ascii(self) -> bool {
        self.0.iter().all(|&b| b < 0x80)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sequence of one to four bytes from a set that holds each class of byte (ASCII,
    /// continuations at the edges of the ranges that matter, every kind of lead, the bytes that
    /// never occur), at every offset of a step and around its end: the same answer as the
    /// standard library.
    #[test]
    fn agrees_with_the_standard_library() {
        const BYTES: [u8; 24] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xF8, 0xFF,
        ];
        let mut text = Vec::new();
        for a in BYTES {
            for b in BYTES {
                for c in [0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC3, 0xE2, 0xF0] {
                    for d in [0x41, 0x80, 0xBF, 0xC3] {
                        for (len, pad) in [(1, 0), (2, 5), (3, 13), (4, 14), (4, 15), (3, 16)] {
                            text.clear();
                            text.extend(core::iter::repeat_n(b'x', pad));
                            text.extend_from_slice(&[a, b, c, d][..len]);
                            for tail in [0, 1, 17] {
                                text.resize(pad + len + tail, b'y');
                                let std = core::str::from_utf8(&text).is_ok();
                                assert_eq!(check::<Portable>(&text), std, "{text:x?}");
                            }
                        }
                    }
                }
            }
        }
    }

    /// Random pieces of valid text and stray bytes, up to a few steps long.
    #[test]
    fn random_text_agrees_with_the_standard_library() {
        const PIECES: [&[u8]; 12] = [
            b"a",
            b"word ",
            "\u{e9}".as_bytes(),
            "\u{6f22}".as_bytes(),
            "\u{1f44d}".as_bytes(),
            "\u{fffd}".as_bytes(),
            &[0x80],
            &[0xC3],
            &[0xE2, 0x82],
            &[0xF0, 0x9F, 0x91],
            &[0xED, 0xA0, 0x80],
            &[0xF4, 0x90, 0x80, 0x80],
        ];
        let mut rng = crate::paragraphs::side::rng::Rng(0x9E37_79B9_7F4A_7C15u64);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..100_000 {
            let mut text = Vec::new();
            for _ in 0..next(40) {
                // Mostly valid pieces, so that whole texts are valid often.
                text.extend_from_slice(PIECES[if next(8) == 0 { next(12) } else { next(6) }]);
            }
            assert_eq!(check::<Portable>(&text), core::str::from_utf8(&text).is_ok(), "{text:x?}");
        }
    }

    /// Valid text of every width, cut at every byte (so sequences are cut short at every
    /// offset of a step), and with every byte changed to a continuation or a lead.
    #[test]
    fn cut_and_altered_text() {
        let text = "a\u{e9}\u{7ff}\u{800}\u{d7ff}\u{e000}\u{fffd}\u{ffff}\u{10000}\u{10ffff} z"
            .repeat(3)
            .into_bytes();
        for end in 0..=text.len() {
            let cut = &text[..end];
            assert_eq!(check::<Portable>(cut), core::str::from_utf8(cut).is_ok(), "{end}");
        }
        for at in 0..text.len() {
            for byte in [0x80, 0xBF, 0xC0, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0x20] {
                let mut altered = text.clone();
                altered[at] = byte;
                let std = core::str::from_utf8(&altered).is_ok();
                assert_eq!(check::<Portable>(&altered), std, "{at} {byte:x}");
            }
        }
    }
}
