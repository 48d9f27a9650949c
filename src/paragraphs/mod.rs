//! Paragraphs: where each one starts and ends in its text.
//!
//! A paragraph is a block of non-blank lines separated by blank (empty or whitespace-only)
//! lines. A text with no blank line between two non-blank lines (a plain scrape, like the
//! seed's `old.txt`) has one paragraph per non-blank line instead, so both styles of the same
//! article align. So does a block with a line longer than [`WRAP_CHARS`]: hard-wrapped prose
//! never has one, so such a block is paragraphs written one per line (two scrapes pasted one
//! after the other with a blank line between them, say).
//!
//! A paragraph's range runs from its first line's first byte to its last line's last byte,
//! line terminator excluded (`\n`, `\r\n` and a lone `\r` all end a line). What lies between
//! paragraphs (line breaks, blank lines, leading and trailing whitespace) is kept by the rows
//! as separators, so nothing of the text is lost.
//!
//! Cost: one pass over the bytes, O(n), eight bytes at a time between line breaks (plus a
//! look at the first lines of a text with blank lines between others, and a second pass over
//! one without); no memory but the paragraphs (a text of blank lines, or of one-letter lines, has
//! as many lines as bytes).

pub(crate) mod side;
pub(crate) mod similarity;

use crate::model::Paragraph;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use crate::unicode::byte_masks::{bytes_below, bytes_equal};
use crate::unicode::byte_masks::{flags_in, word_at, HIGH};
use crate::unicode::text;

/// Fewest words a paragraph needs to be linked as a move by word similarity; shorter ones move
/// only by the rules of `moves::short`. Alignment reads it too: a short paragraph that is not
/// unique cannot move, so it is never held back from a pair as a possible one. Here, where both
/// stages read it, so that neither reaches into the other.
pub(crate) const MIN_MOVE_WORDS: usize = 4;

/// Longest line (in chars) that hard-wrapped prose has; see the module docs.
const WRAP_CHARS: usize = 100;

/// The lines of `bytes[from..to]` as byte ranges, terminator excluded, in order. (A final
/// terminator ends the last line; it does not start an empty one.)
///
/// A struct with inlined methods rather than a function taking a closure: at
/// `opt-level = "z"` a closure stays a function call, one per line, and a text of one-letter
/// lines has as many lines as half its bytes.
struct Lines<'t> {
    bytes: &'t [u8],
    to: usize,
    /// The next byte to scan for line breaks.
    at: usize,
    /// Bit 7 of each byte of the eight at `hits_at` that is a line break not yet reported.
    hits: u64,
    hits_at: usize,
    /// Where the next line starts.
    start: usize,
}

impl<'t> Lines<'t> {
    #[inline(always)]
    fn new(bytes: &'t [u8], from: usize, to: usize) -> Self {
        Lines { bytes, to, at: from, hits: 0, hits_at: from, start: from }
    }

    /// The offset of the next `\n` or `\r`. [`STEP`] bytes a step, as a mask with a bit per
    /// line-break byte ([`breaks_at`]), so a line of prose costs a few operations per step;
    /// `memchr2` steps by `usize`, which is four bytes on wasm32.
    #[inline(always)]
    fn next_break(&mut self) -> Option<usize> {
        loop {
            if self.hits != 0 {
                let k = (self.hits.trailing_zeros() / STEP.1) as usize;
                self.hits &= self.hits - 1;
                return Some(self.hits_at + k);
            }
            if self.at + STEP.0 <= self.to {
                (self.hits, self.hits_at) = (breaks_at(self.bytes, self.at), self.at);
                self.at += STEP.0;
            } else if self.at < self.to {
                let b = self.bytes[self.at];
                self.at += 1;
                if b == b'\n' || b == b'\r' {
                    return Some(self.at - 1);
                }
            } else {
                return None;
            }
        }
    }

    /// The next line's `(start, end)`.
    #[inline(always)]
    fn next_line(&mut self) -> Option<(usize, usize)> {
        while let Some(i) = self.next_break() {
            if i < self.start {
                continue; // the `\n` of a `\r\n` already consumed
            }
            let start = self.start;
            self.start = if self.bytes[i] == b'\r' && self.bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            return Some((start, i));
        }
        let start = self.start;
        self.start = self.to;
        (start < self.to).then_some((start, self.to))
    }
}

/// Bytes a step of [`breaks_at`] reads, and its mask's bits per byte: sixteen bytes with wasm
/// SIMD, a bit each; eight bytes in a `u64` elsewhere, bit 7 of each byte.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
const STEP: (usize, u32) = (16, 1);
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
const STEP: (usize, u32) = (8, 8);

/// The `\n` and `\r` bytes among the [`STEP`] bytes at `bytes[i..]` (all in `bytes`), as a
/// mask; 0 when there is none, which most steps rule out with one cheap test.
#[inline(always)]
fn breaks_at(bytes: &[u8], i: usize) -> u64 {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::*;
        let Some(chunk) = bytes.get(i..i + 16) else { return 0 };
        // SAFETY: `chunk` holds sixteen bytes, all that `v128_load` reads; it needs no
        // alignment.
        let v = unsafe { v128_load(chunk.as_ptr().cast::<v128>()) };
        if !v128_any_true(u8x16_lt(v, u8x16_splat(b'\r' + 1))) {
            return 0;
        }
        let breaks = v128_or(u8x16_eq(v, u8x16_splat(b'\n')), u8x16_eq(v, u8x16_splat(b'\r')));
        u64::from(u8x16_bitmask(breaks))
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        let w = word_at(bytes, i);
        if bytes_below(w, b'\r' + 1) == 0 {
            return 0;
        }
        bytes_equal(w, b'\n') | bytes_equal(w, b'\r')
    }
}

/// Whether line `start..end` of `text` is only whitespace.
#[inline(always)]
fn is_blank(text: &str, start: usize, end: usize) -> bool {
    // Byte by byte while ASCII (most lines are decided by their first byte, indented ones a few
    // bytes in); chars only from the first other byte on. (`chars()` stays a call per char at
    // `opt-level = "z"`.) A line holds no `\n` or `\r`, so only `\t`, U+000B, U+000C and the
    // space are ASCII whitespace here, as for `char::is_whitespace`.
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\t'..=b'\r' | b' ' => i += 1,
            0x80.. => return text::slice(text, i..end).chars().all(char::is_whitespace),
            _ => return false,
        }
    }
    true
}

/// Whether line `start..end` is longer than [`WRAP_CHARS`] chars: by its bytes when they
/// decide (a char is one to four bytes), else by [`chars_over_wrap`]. Inlined: it runs for
/// every line of a block of several, and most lines are short enough for the bytes to decide.
#[inline(always)]
fn is_long(bytes: &[u8], start: usize, end: usize) -> bool {
    let n = end - start;
    n > WRAP_CHARS && (n > 4 * WRAP_CHARS || chars_over_wrap(bytes, start, end))
}

/// Whether `bytes[start..end]` holds more than [`WRAP_CHARS`] chars, counting the bytes that
/// start a char eight at a time (a line of prose is one paragraph, and long).
fn chars_over_wrap(bytes: &[u8], start: usize, end: usize) -> bool {
    let (mut chars, mut i) = (0, start);
    while i + 8 <= end {
        let w = word_at(bytes, i);
        // Continuation bytes are `10xxxxxx`.
        chars += 8 - flags_in(w & !(w << 1) & HIGH) as usize;
        i += 8;
    }
    while i < end {
        chars += usize::from(bytes[i] & 0xC0 != 0x80);
        i += 1;
    }
    chars > WRAP_CHARS
}

/// Splits `text` into paragraphs, in order. A text that is empty or only whitespace has none.
pub(crate) fn split(text: &str) -> Vec<Paragraph> {
    let bytes = text.as_bytes();
    let one = |start: usize, end: usize| Paragraph { byte_start: start, byte_end: end };
    // Pass 1: is there a blank line between two non-blank ones? Most texts that have one show
    // it within their first lines, and go on to pass 2 from there having stored nothing. A
    // text that has none (a plain scrape) has a paragraph per non-blank line, counted here and
    // then written, in a second pass, into a list with room for all of them at once rather than
    // one that doubles (and, for a text of one-letter lines, holds twice its need). Written
    // through a slice, not pushed: `Vec::push` stays a call at `opt-level = "z"`, one per line.
    let (mut seen_text, mut gap, mut n) = (false, false, 0);
    let mut lines = Lines::new(bytes, 0, bytes.len());
    while let Some((start, end)) = lines.next_line() {
        if is_blank(text, start, end) {
            gap = seen_text;
        } else if gap {
            n = usize::MAX;
            break;
        } else {
            seen_text = true;
            n += 1;
        }
    }
    if n != usize::MAX {
        let mut per_line = vec![one(0, 0); n];
        let slots = per_line.as_mut_slice();
        let (mut lines, mut k) = (Lines::new(bytes, 0, bytes.len()), 0);
        while let Some((start, end)) = lines.next_line() {
            if k < slots.len() && !is_blank(text, start, end) {
                slots[k] = one(start, end);
                k += 1;
            }
        }
        return per_line;
    }
    // Pass 2: one paragraph per block of non-blank lines (see the module docs); blocks are far
    // fewer than lines in most texts.
    let mut paragraphs = Vec::new();
    // The open block: first line's start, last line's end, line count, whether a line is long.
    let mut block: Option<(usize, usize, usize, bool)> = None;
    let close = |block: &mut Option<(usize, usize, usize, bool)>,
                 paragraphs: &mut Vec<Paragraph>| match block.take() {
        Some((start, end, count, any_long)) if count > 1 && any_long => {
            let mut lines = Lines::new(bytes, start, end);
            while let Some((s, e)) = lines.next_line() {
                paragraphs.push(one(s, e));
            }
        }
        Some((start, end, _, _)) => paragraphs.push(one(start, end)),
        None => {}
    };
    let mut lines = Lines::new(bytes, 0, bytes.len());
    while let Some((start, end)) = lines.next_line() {
        if is_blank(text, start, end) {
            close(&mut block, &mut paragraphs);
        } else {
            // Whether a line is long matters only in a block of two lines or more: worked out
            // when the second line comes (for both), and for each line after while none is.
            block = Some(match block {
                Some((s, e, 1, _)) => {
                    (s, end, 2, is_long(bytes, s, e) || is_long(bytes, start, end))
                }
                Some((s, _, count, any_long)) => {
                    (s, end, count + 1, any_long || is_long(bytes, start, end))
                }
                None => (start, end, 1, false),
            });
        }
    }
    close(&mut block, &mut paragraphs);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|p| p.text(text)).collect()
    }

    #[test]
    fn blank_lines_separate_blocks() {
        assert_eq!(
            texts("\n\nTitle\n\nOne\nstill one\n\n\nTwo\n"),
            ["Title", "One\nstill one", "Two"]
        );
    }

    #[test]
    fn no_blank_line_means_one_paragraph_per_line() {
        assert_eq!(
            texts("First line.\nSecond line.\nThird."),
            ["First line.", "Second line.", "Third."]
        );
    }

    #[test]
    fn trailing_blank_lines_do_not_switch_to_blocks() {
        assert_eq!(texts("a\nb\n\n\n"), ["a", "b"]);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        assert_eq!(texts("a\r\n\r\nb\rc"), ["a", "b\rc"]);
        assert_eq!(texts("a\r\r\nb"), ["a", "b"]);
    }

    #[test]
    fn whitespace_only_lines_are_blank() {
        assert_eq!(texts("a\n \t\u{a0}\nb"), ["a", "b"]);
    }

    #[test]
    fn a_block_with_a_long_line_is_one_paragraph_per_line() {
        let long = "x".repeat(WRAP_CHARS + 1);
        let text = format!("{long}\nsecond line\n\nshort\nwrapped");
        assert_eq!(texts(&text), [long.as_str(), "second line", "short\nwrapped"]);
    }

    #[test]
    fn next_break_finds_every_one() {
        // Breaks at every position of a sixteen-byte step and of the remainder, among bytes
        // one bit away from them and non-ASCII ones.
        let pattern = "a\n\u{e9}\x0b\r\x0c\u{8a}\n\n\r\u{2028}z\x0e\r\n\u{8d}";
        let text: String = pattern.repeat(7);
        for len in 0..text.len() {
            let Some(t) = text.get(..len) else { continue };
            let mut got = Vec::new();
            let mut lines = Lines::new(t.as_bytes(), 0, t.len());
            while let Some(i) = lines.next_break() {
                got.push(i);
            }
            let expected: Vec<usize> = t
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n' || b == b'\r')
                .map(|(i, _)| i)
                .collect();
            assert_eq!(got, expected, "{len}");
        }
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(split("").is_empty());
        assert!(split(" \n\n\t").is_empty());
    }

    #[test]
    fn is_blank_and_is_long_agree_with_chars() {
        let lines = [
            "",
            " ",
            "\t\x0b\x0c ",
            " x",
            "\u{a0}",
            " \u{a0}\u{3000} ",
            " \u{a0}y",
            "\x1c",
            "\u{85}",
            "\u{200b}",
            "é",
        ];
        for line in lines {
            assert_eq!(
                is_blank(line, 0, line.len()),
                line.chars().all(char::is_whitespace),
                "{line:?}"
            );
        }
        for (unit, n) in [("a", 1), ("é", 2), ("日", 3), ("😀", 4)] {
            for count in [WRAP_CHARS - 1, WRAP_CHARS, WRAP_CHARS + 1, WRAP_CHARS + 9] {
                let line = format!("{}{}", unit.repeat(count), "b".repeat(count % 7));
                let chars = line.chars().count();
                assert_eq!(
                    is_long(line.as_bytes(), 0, line.len()),
                    chars > WRAP_CHARS,
                    "{n}-byte chars, {chars}"
                );
            }
        }
    }

    #[test]
    fn lines_end_at_every_break() {
        // Breaks among bytes that the eight-byte test must not take for one, at every offset.
        let text = "a\n\u{e9}\x0b\r\x0c\u{8a}\n\n\r\u{2028}z\x0e\r\n\u{8d}".repeat(5);
        for len in 0..text.len() {
            let t = &text.as_bytes()[..len];
            let mut lines = Lines::new(t, 0, len);
            let found: Vec<(usize, usize)> = core::iter::from_fn(|| lines.next_line()).collect();
            let (mut expected, mut start, mut i) = (Vec::new(), 0, 0);
            while i < len {
                if t[i] == b'\n' || t[i] == b'\r' {
                    expected.push((start, i));
                    i += if t[i] == b'\r' && t.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    start = i;
                } else {
                    i += 1;
                }
            }
            if start < len {
                expected.push((start, len));
            }
            assert_eq!(found, expected, "{len}");
        }
    }

    #[test]
    fn one_line_without_newline() {
        assert_eq!(texts("  indented"), ["  indented"]);
    }
}
