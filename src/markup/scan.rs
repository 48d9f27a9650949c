//! The reader's text scans, a chunk of bytes a step: the end of a run of text between tags
//! ([`find4`]: the next `<`, `&`, CR or NUL), the next point where a run of words stops
//! being a copy of its source ([`next_stop`]: whitespace other than a single space between two
//! visible characters), and both at once for the HTML fast path ([`text_end`]).
//!
//! A chunk of bytes is tested at once, giving a mask of the bytes that pass. In a wasm build
//! with the `simd128` target feature a chunk is sixteen bytes and a mask one bit a byte
//! (`u8x16_bitmask`); elsewhere it is a `u64` of eight bytes with a flag in bit 7 of each
//! (`crate::unicode::byte_masks`). The tests run the sixteen-lane step natively through a
//! stand-in that tests lane by lane. Any bytes are fine: only ASCII bytes are looked for,
//! and no byte of a longer UTF-8 sequence is ASCII.
//!
//! [`Chunk`] is kept apart from the word counter's `Lanes` (`src/unicode/tokenize/lanes.rs`):
//! that one loads only all-ASCII chunks and keeps a flag as a lane of ones for its shuffles,
//! this one takes any bytes and wants bit masks, so a shared trait would be the union of two
//! disjoint sets of operations.

use crate::unicode::byte_masks::{bytes_below, bytes_equal, bytes_in, word_at, HIGH, ONES};

/// A chunk of bytes tested at once, giving masks with [`Chunk::BITS`] bits per byte (the
/// lowest bit of the first byte's first).
trait Chunk: Copy {
    /// Bytes per chunk.
    const WIDTH: usize;
    /// Bits per byte in a mask; a byte's flag is the highest of them.
    const BITS: u32;
    /// `bytes[i..i + WIDTH]`, which must be in bounds.
    fn load(bytes: &[u8], i: usize) -> Self;
    /// The bytes that are one of `needles`: exact up to the first (later flags may be wrong).
    fn any_of(self, needles: [u8; 4]) -> u64;
    /// The bytes that are HTML whitespace (space, tab, LF, FF, CR).
    fn spaces(self) -> u64;
    /// The bytes that are a space.
    fn blanks(self) -> u64;
    /// The bytes that are a control (below 0x20), `<` or `&`: exact up to the first.
    fn breaks(self) -> u64;
}

#[inline(always)]
fn space_flags(word: u64) -> u64 {
    // Tab, LF, (VT, excluded), FF, CR are 9..=13; `bytes_in` wants bytes below 0x80.
    (bytes_in(word & !HIGH, 9, 13) & !bytes_equal(word, 0x0B) | bytes_equal(word, b' '))
        & !(word & HIGH)
}

/// [`Chunk`] as a `u64` of eight bytes, a flag in bit 7 of each byte.
impl Chunk for u64 {
    const WIDTH: usize = 8;
    const BITS: u32 = 8;

    #[inline(always)]
    fn load(bytes: &[u8], i: usize) -> u64 {
        word_at(bytes, i)
    }

    #[inline(always)]
    fn any_of(self, [a, b, c, d]: [u8; 4]) -> u64 {
        // The zero bytes of `self ^ n`, and maybe bytes after the first (a borrow): fewer
        // steps than `bytes_equal`, and the lowest flag is exact, which is all `find4` reads.
        let zeros = |n: u8| {
            let x = self ^ (ONES * u64::from(n));
            x.wrapping_sub(ONES) & !x & HIGH
        };
        zeros(a) | zeros(b) | zeros(c) | zeros(d)
    }

    #[inline(always)]
    fn spaces(self) -> u64 {
        space_flags(self)
    }

    #[inline(always)]
    fn blanks(self) -> u64 {
        bytes_equal(self, b' ')
    }

    #[inline(always)]
    fn breaks(self) -> u64 {
        // `any_of`'s zero bytes for `<` and `&`: a wrong flag only follows a right one.
        let zeros = |n: u8| {
            let x = self ^ (ONES * u64::from(n));
            x.wrapping_sub(ONES) & !x & HIGH
        };
        bytes_below(self, 0x20) | zeros(b'<') | zeros(b'&')
    }
}

/// [`Chunk`] as a wasm SIMD `v128` of sixteen bytes, a flag a bit (`u8x16_bitmask`).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[derive(Clone, Copy)]
struct Simd(core::arch::wasm32::v128);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl Chunk for Simd {
    const WIDTH: usize = 16;
    const BITS: u32 = 1;

    #[inline(always)]
    fn load(bytes: &[u8], i: usize) -> Simd {
        use core::arch::wasm32::{v128, v128_load};
        let chunk = &bytes[i..i + 16];
        // One `v128.load` rather than two `i64.load`s and the lanes built from them.
        // SAFETY: `chunk` holds sixteen bytes, all that `v128_load` reads; it needs no
        // alignment.
        Simd(unsafe { v128_load(chunk.as_ptr().cast::<v128>()) })
    }

    #[inline(always)]
    fn any_of(self, [a, b, c, d]: [u8; 4]) -> u64 {
        use core::arch::wasm32::*;
        let eq = |n: u8| u8x16_eq(self.0, u8x16_splat(n));
        u64::from(u8x16_bitmask(v128_or(v128_or(eq(a), eq(b)), v128_or(eq(c), eq(d)))))
    }

    #[inline(always)]
    fn spaces(self) -> u64 {
        use core::arch::wasm32::*;
        // 9..=13 but VT (11), or a space.
        let controls = u8x16_le(u8x16_sub(self.0, u8x16_splat(9)), u8x16_splat(4));
        let vt = u8x16_eq(self.0, u8x16_splat(0x0B));
        let space = u8x16_eq(self.0, u8x16_splat(b' '));
        u64::from(u8x16_bitmask(v128_or(v128_andnot(controls, vt), space)))
    }

    #[inline(always)]
    fn blanks(self) -> u64 {
        use core::arch::wasm32::*;
        u64::from(u8x16_bitmask(u8x16_eq(self.0, u8x16_splat(b' '))))
    }

    #[inline(always)]
    fn breaks(self) -> u64 {
        use core::arch::wasm32::*;
        let controls = u8x16_lt(self.0, u8x16_splat(0x20));
        let eq = |n: u8| u8x16_eq(self.0, u8x16_splat(n));
        u64::from(u8x16_bitmask(v128_or(controls, v128_or(eq(b'<'), eq(b'&')))))
    }
}

/// The chunk of this build: sixteen bytes with wasm SIMD, eight in a `u64` elsewhere.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type Native = Simd;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
type Native = u64;

/// The first index in `from..end` of a byte of `needles`, or `end`.
pub(crate) fn find4(bytes: &[u8], from: usize, end: usize, needles: [u8; 4]) -> usize {
    find4_with::<Native>(bytes, from, end, needles)
}

#[inline(always)]
fn find4_with<C: Chunk>(bytes: &[u8], from: usize, end: usize, needles: [u8; 4]) -> usize {
    let end = end.min(bytes.len());
    let mut i = from;
    while i + C::WIDTH <= end {
        let hits = C::load(bytes, i).any_of(needles);
        if hits != 0 {
            return i + (hits.trailing_zeros() / C::BITS) as usize;
        }
        i += C::WIDTH;
    }
    while i < end && !needles.contains(&bytes[i]) {
        i += 1;
    }
    i
}

/// The bytes that end a run of text between tags: what the tokenizer must read (a tag, a
/// character reference, a CR to normalise, a NUL).
pub(crate) const TEXT_ENDS: [u8; 4] = [b'<', b'&', b'\r', b'\0'];

/// The text that starts at `from`, in one pass: where it ends (the first byte of
/// [`TEXT_ENDS`], or the length) and where in it its words first stop being a copy of the
/// source (`next_stop` of that text alone from its start: the end if nowhere).
pub(crate) fn text_end(bytes: &[u8], from: usize) -> (usize, usize) {
    text_end_with::<Native>(bytes, from)
}

#[inline(always)]
fn text_end_with<C: Chunk>(bytes: &[u8], from: usize) -> (usize, usize) {
    // A stop just before `k`: the text's last byte when it ends at `k`, or a space followed
    // by whitespace at `k`.
    let stop_before = |k: usize| if k > from && bytes[k - 1] == b' ' { k - 1 } else { k };
    let mut i = from;
    loop {
        let k = first_break::<C>(bytes, i);
        match bytes.get(k) {
            None => return (k, stop_before(k)),
            Some(b'<' | b'&' | b'\r' | b'\0') => return (k, stop_before(k)),
            Some(b'\t' | b'\n' | b'\x0C') => {
                return (find4(bytes, k + 1, bytes.len(), TEXT_ENDS), stop_before(k));
            }
            // The first of two spaces.
            Some(b' ') => return (find4(bytes, k + 1, bytes.len(), TEXT_ENDS), k),
            // Another control: text like any other.
            Some(_) => i = k + 1,
        }
    }
}

/// The first byte from `from` that is a control, `<`, `&`, or a space followed by a space
/// (the length if none): every stop or end of `text_end` is one, or the space before one.
#[inline(always)]
fn first_break<C: Chunk>(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + C::WIDTH <= bytes.len() {
        let chunk = C::load(bytes, i);
        let blanks = chunk.blanks();
        let next = bytes.get(i + C::WIDTH) == Some(&b' ');
        let doubles =
            blanks & (blanks >> C::BITS | u64::from(next) << (C::WIDTH as u32 * C::BITS - 1));
        // The lowest flag of `breaks` is exact, and every flag of `doubles`.
        let hits = chunk.breaks() | doubles;
        if hits != 0 {
            return i + (hits.trailing_zeros() / C::BITS) as usize;
        }
        i += C::WIDTH;
    }
    while i < bytes.len() {
        match bytes[i] {
            b' ' if bytes.get(i + 1) == Some(&b' ') => return i,
            b if b < 0x20 || b == b'<' || b == b'&' => return i,
            _ => i += 1,
        }
    }
    i
}

/// HTML whitespace: what collapses outside `<pre>`.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// The first index from `from` of whitespace that is not a single space followed by a
/// visible byte (so not a copy of the source once collapsed): any whitespace but a space,
/// or a space followed by whitespace or by the end; the length if there is none.
pub(crate) fn next_stop(bytes: &[u8], from: usize) -> usize {
    next_stop_with::<Native>(bytes, from)
}

#[inline(always)]
fn next_stop_with<C: Chunk>(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + C::WIDTH <= bytes.len() {
        let chunk = C::load(bytes, i);
        let spaces = chunk.spaces();
        if spaces != 0 {
            // Each byte's flag moved onto the byte before it: whether its next byte is
            // whitespace (the chunk's last byte looks past the chunk, or at the end).
            let after = bytes.get(i + C::WIDTH).is_none_or(|&b| is_space(b));
            let next = spaces >> C::BITS | u64::from(after) << (C::WIDTH as u32 * C::BITS - 1);
            let stops = spaces & (!chunk.blanks() | next);
            if stops != 0 {
                return i + (stops.trailing_zeros() / C::BITS) as usize;
            }
        }
        i += C::WIDTH;
    }
    while i < bytes.len() {
        let b = bytes[i];
        if is_space(b) && (b != b' ' || bytes.get(i + 1).is_none_or(|&c| is_space(c))) {
            return i;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sixteen-lane step's stand-in: lane by lane, a bit a byte, as `u8x16_bitmask` gives.
    #[derive(Clone, Copy)]
    struct Lanes([u8; 16]);

    impl Lanes {
        fn mask(self, test: impl Fn(u8) -> bool) -> u64 {
            (0..16).filter(|&k| test(self.0[k])).fold(0, |m, k| m | 1 << k)
        }
    }

    impl Chunk for Lanes {
        const WIDTH: usize = 16;
        const BITS: u32 = 1;

        fn load(bytes: &[u8], i: usize) -> Lanes {
            Lanes(bytes[i..i + 16].try_into().unwrap())
        }

        fn any_of(self, needles: [u8; 4]) -> u64 {
            self.mask(|b| needles.contains(&b))
        }

        fn spaces(self) -> u64 {
            self.mask(is_space)
        }

        fn blanks(self) -> u64 {
            self.mask(|b| b == b' ')
        }

        fn breaks(self) -> u64 {
            self.mask(|b| b < 0x20 || b == b'<' || b == b'&')
        }
    }

    /// Random bytes, mostly letters so that whole chunks pass, from an alphabet of the
    /// bytes each scan looks for and their neighbours.
    fn samples(mut f: impl FnMut(&[u8])) {
        let alphabet = b"ab <&\r\0\t\n\x0B\x0C\x1F!\xC3\xA9\x80\xFF";
        let mut x = 7u64;
        for len in 0..48 {
            for _ in 0..60 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        let k = (x % 48) as usize;
                        if k < alphabet.len() {
                            alphabet[k]
                        } else {
                            b'a' + (k % 26) as u8
                        }
                    })
                    .collect();
                f(&bytes);
            }
        }
    }

    #[test]
    fn find4_finds_the_first_needle() {
        let needles = [b'<', b'&', b'\r', b'\0'];
        samples(|bytes| {
            for from in 0..=bytes.len() {
                for end in from..=bytes.len() + 1 {
                    let naive = (from..end.min(bytes.len()))
                        .find(|&i| needles.contains(&bytes[i]))
                        .unwrap_or(end.min(bytes.len()));
                    assert_eq!(find4(bytes, from, end, needles), naive, "{bytes:?} {from} {end}");
                    let lanes = find4_with::<Lanes>(bytes, from, end, needles);
                    assert_eq!(lanes, naive, "{bytes:?} {from} {end}");
                }
            }
        });
    }

    #[test]
    fn next_stop_is_the_first_whitespace_that_does_not_copy() {
        samples(|bytes| {
            for from in 0..=bytes.len() {
                let naive = (from..bytes.len())
                    .find(|&i| {
                        is_space(bytes[i])
                            && (bytes[i] != b' ' || bytes.get(i + 1).is_none_or(|&c| is_space(c)))
                    })
                    .unwrap_or(bytes.len());
                assert_eq!(next_stop(bytes, from), naive, "{bytes:?} {from}");
                assert_eq!(next_stop_with::<Lanes>(bytes, from), naive, "{bytes:?} {from}");
            }
        });
    }

    #[test]
    fn text_end_is_find4_then_next_stop_of_the_text() {
        samples(|bytes| {
            for from in 0..=bytes.len() {
                let end = find4(bytes, from, bytes.len(), TEXT_ENDS);
                let naive = (end, next_stop(&bytes[..end], from));
                assert_eq!(text_end(bytes, from), naive, "{bytes:?} {from}");
                assert_eq!(text_end_with::<Lanes>(bytes, from), naive, "{bytes:?} {from}");
            }
        });
    }

    #[test]
    fn word_masks_are_the_bytewise_tests() {
        samples(|bytes| {
            for i in 0..bytes.len().saturating_sub(7) {
                let chunk = <u64 as Chunk>::load(bytes, i);
                let mask = |test: &dyn Fn(u8) -> bool| {
                    (0..8).filter(|&k| test(bytes[i + k])).fold(0u64, |m, k| m | 0x80 << (8 * k))
                };
                assert_eq!(chunk.spaces(), mask(&is_space));
                assert_eq!(chunk.blanks(), mask(&|b| b == b' '));
                let needles = [b'<', b'&', b'\r', b'\0'];
                let first = |m: u64| m & m.wrapping_neg();
                let breaks = |b: u8| b < 0x20 || b == b'<' || b == b'&';
                assert_eq!(first(chunk.breaks()), first(mask(&breaks)));
                assert_eq!(first(chunk.any_of(needles)), first(mask(&|b| needles.contains(&b))));
            }
        });
    }
}
