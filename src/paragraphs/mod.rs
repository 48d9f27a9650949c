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
//! Cost: two passes over the bytes, O(n), sixteen at a time between line breaks; no memory but
//! the paragraphs (a text of blank lines, or of one-letter lines, has as many lines as bytes).

pub(crate) mod side;
pub(crate) mod similarity;

use core::ops::Range;

use crate::model::Paragraph;
use crate::unicode::text;
use crate::unicode::byte_masks::{bytes_below, bytes_equal, word_at};

/// Fewest words a paragraph needs to be linked as a move by word similarity; shorter ones move
/// only by the rules of `moves::short`. Alignment reads it too: a short paragraph that is not
/// unique cannot move, so it is never held back from a pair as a possible one. Here, where both
/// stages read it, so that neither reaches into the other.
pub(crate) const MIN_MOVE_WORDS: usize = 4;

/// Longest line (in chars) that hard-wrapped prose has; see the module docs.
const WRAP_CHARS: usize = 100;

/// Calls `line(start, end)` with the byte range of each line of `text[from..to]`, terminator
/// excluded, in order. (A final terminator ends the last line; it does not start an empty one.)
fn lines(text: &str, from: usize, to: usize, mut line: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut start = from;
    line_breaks(&bytes[from..to], |at| {
        let i = from + at;
        if i < start {
            return; // the `\n` of a `\r\n` already consumed
        }
        line(start, i);
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
    });
    if start < to {
        line(start, to);
    }
}

/// Calls `found` with the offset of every `\n` and `\r`, in order.
///
/// Sixteen bytes a step, as two `u64` words with a bit per line-break byte, so a line of prose
/// costs a few operations per sixteen bytes. (`memchr2` does this with `usize` words, four bytes
/// on wasm32, several times slower: docs/performance.md.)
fn line_breaks(bytes: &[u8], mut found: impl FnMut(usize)) {
    let mut at = 0;
    while at + 16 <= bytes.len() {
        let (low, high) = (word_at(bytes, at), word_at(bytes, at + 8));
        // Most steps have no byte below `\r` + 1 at all: one cheap test rules both words out.
        if (bytes_below(low, b'\r' + 1) | bytes_below(high, b'\r' + 1)) != 0 {
            let mut hits = bytes_equal(low, b'\n') | bytes_equal(low, b'\r');
            while hits != 0 {
                found(at + hits.trailing_zeros() as usize / 8);
                hits &= hits - 1;
            }
            hits = bytes_equal(high, b'\n') | bytes_equal(high, b'\r');
            while hits != 0 {
                found(at + 8 + hits.trailing_zeros() as usize / 8);
                hits &= hits - 1;
            }
        }
        at += 16;
    }
    while at < bytes.len() {
        if bytes[at] == b'\n' || bytes[at] == b'\r' {
            found(at);
        }
        at += 1;
    }
}

/// Whether line `range` of `text` is only whitespace.
fn is_blank(text: &str, range: Range<usize>) -> bool {
    // Most lines start with a visible ASCII character: decide on the first byte, before
    // slicing (which checks both ends for char boundaries).
    match text.as_bytes()[range.clone()].first() {
        None => true,
        Some(&b) if b.is_ascii_graphic() => false,
        Some(_) => text::slice(text, range).chars().all(char::is_whitespace),
    }
}

/// Splits `text` into paragraphs, in order. A text that is empty or only whitespace has none.
pub(crate) fn split(text: &str) -> Vec<Paragraph> {
    let blank = |start: usize, end: usize| is_blank(text, start..end);
    let one = |start: usize, end: usize| Paragraph { byte_start: start, byte_end: end };
    // Pass 1: is there a blank line between two non-blank ones? Until there is, each non-blank
    // line is taken as a paragraph, so a text that has none (a plain scrape) is split here,
    // in one pass, into a list with room for every line at once rather than one that doubles
    // (and, for a text of one-letter lines, holds twice its need).
    let mut per_line = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n' || b == b'\r').count() + 1);
    let (mut seen_text, mut gap, mut has_blank_between, mut non_blank) = (false, false, false, 0);
    lines(text, 0, text.len(), |start, end| {
        if blank(start, end) {
            gap = seen_text;
        } else {
            has_blank_between |= gap;
            seen_text = true;
            non_blank += 1;
            if !has_blank_between {
                per_line.push(one(start, end));
            }
        }
    });
    if !has_blank_between {
        return per_line;
    }
    drop(per_line);
    // Pass 2: one paragraph per block of non-blank lines (see the module docs), at most as
    // many as non-blank lines.
    let mut paragraphs = Vec::with_capacity(non_blank);
    let long = |start: usize, end: usize| end - start > WRAP_CHARS && text.as_bytes()[start..end].iter().filter(|&b| b & 0xC0 != 0x80).count() > WRAP_CHARS;
    // The open block: first line's start, last line's end, line count, whether a line is long.
    let mut block: Option<(usize, usize, usize, bool)> = None;
    let close = |block: &mut Option<(usize, usize, usize, bool)>, paragraphs: &mut Vec<Paragraph>| match block.take() {
        Some((start, end, count, any_long)) if count > 1 && any_long => lines(text, start, end, |s, e| paragraphs.push(one(s, e))),
        Some((start, end, _, _)) => paragraphs.push(one(start, end)),
        None => {}
    };
    lines(text, 0, text.len(), |start, end| {
        if blank(start, end) {
            close(&mut block, &mut paragraphs);
        } else {
            let is_long = long(start, end);
            block = Some(match block {
                Some((s, _, count, any_long)) => (s, end, count + 1, any_long || is_long),
                None => (start, end, 1, is_long),
            });
        }
    });
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
        assert_eq!(texts("\n\nTitle\n\nOne\nstill one\n\n\nTwo\n"), ["Title", "One\nstill one", "Two"]);
    }

    #[test]
    fn no_blank_line_means_one_paragraph_per_line() {
        assert_eq!(texts("First line.\nSecond line.\nThird."), ["First line.", "Second line.", "Third."]);
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
    fn line_breaks_finds_every_one() {
        // Breaks at every position of a sixteen-byte step and of the remainder, among bytes
        // one bit away from them and non-ASCII ones.
        let pattern = "a\n\u{e9}\x0b\r\x0c\u{8a}\n\n\r\u{2028}z\x0e\r\n\u{8d}";
        let text: String = pattern.repeat(7);
        for len in 0..text.len() {
            let Some(t) = text.get(..len) else { continue };
            let mut got = Vec::new();
            line_breaks(t.as_bytes(), |i| got.push(i));
            let expected: Vec<usize> = t.bytes().enumerate().filter(|&(_, b)| b == b'\n' || b == b'\r').map(|(i, _)| i).collect();
            assert_eq!(got, expected, "{len}");
        }
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(split("").is_empty());
        assert!(split(" \n\n\t").is_empty());
    }

    #[test]
    fn one_line_without_newline() {
        assert_eq!(texts("  indented"), ["  indented"]);
    }
}
