//! Tokenizer: words, whitespace runs and punctuation, by Unicode rules.
//!
//! * A **word** is a run of letters and digits (Unicode `Alphabetic`/`Numeric`, combining marks
//!   included, because the scanner walks grapheme clusters). An apostrophe, hyphen or en dash
//!   between two word characters stays inside the word (`don't`, `don’t`, `well-known`,
//!   `1990–2000`), as does a full stop between two word characters (`U.S`, `3.14`) and a comma
//!   between two digits (`1,000`).
//! * Each CJK ideograph, kana, Hangul syllable and Thai/Lao/Khmer/Myanmar cluster is a word of
//!   its own: those scripts do not separate words with spaces, so one cluster is the finest
//!   unit a reader can see change.
//! * A **whitespace** token is a maximal run of Unicode whitespace, line breaks included.
//! * Everything else (punctuation, symbols, emoji) is one token per grapheme cluster, so a ZWJ
//!   emoji sequence, a flag or a letter with combining accents is never split; a run of dashes
//!   (`--`, `——`) is one token, so `--` typed for `—` matches it.
//!
//! The tokens tile the input: their concatenation is the input, byte for byte (CRLF, BOM, NUL
//! and tabs included).
//!
//! Cost: one pass, O(n). ASCII takes a byte-at-a-time fast path; other chars are classified
//! once per char and remembered ([`crate::memo`]), and only a char that may join its neighbour
//! asks [`crate::graphemes`] for the cluster's end.

use crate::memo::CharMemo;
use crate::text::{bytes_equal, bytes_in, word_at, HIGH, ONES};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TokenKind {
    /// Letters and digits (counted as a word in the stats).
    Word,
    /// A run of whitespace.
    Space,
    /// One punctuation mark, symbol or emoji.
    Punct,
}

/// A token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        crate::text::slice(text, self.start as usize..self.end as usize)
    }
}

/// How one grapheme cluster behaves in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    /// Letters/digits that join neighbours into one word.
    Letter { digit: bool },
    /// A script without spaces: one cluster, one word.
    Single,
    /// Can join two letter runs (`'`, `’`, `-`, `.`), or two digit runs (`,`).
    Joiner { digits_only: bool },
    Other,
}

/// Cuts `text` into tokens, appending to `out` (cleared first). Offsets are relative to `text`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    scan(text, |start, end, kind| {
        out.push(Token { start: start as u32, end: end as u32, kind })
    });
}

/// Counts the word tokens of `text` without storing tokens.
///
/// It runs over every unchanged paragraph (for the stats), so it is the hottest loop on a
/// near-identical pair. [`tokenize`]'s rules, restated so that each cluster's part depends only
/// on the two clusters before it: a [`Class::Single`] cluster is a word, and a letter starts one
/// unless the cluster before it is a letter, or a joiner with a letter before it (for `,`, only
/// between digits). That makes eight ASCII bytes at a time one word-sized computation
/// ([`Counter::ascii8`]), and in a wasm build with SIMD a run of sixteen-byte chunks a vector
/// computation each (`Counter::ascii16`, wasm only: in Chromium, counting one 2 MB English text,
/// copy excluded, takes ~0.9 ms, against ~1.2 ms when the masks crossed to `u64` form at every
/// chunk and ~1.5 ms with `u64` words only); other clusters go one by one
/// ([`Counter::others`]). The browser tests check the vector path against the tokenizer; the
/// native property tests check the word path and the one-by-one path.
pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut counter = Counter::default();
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen or eight ASCII bytes followed by ASCII (or the end) are as many clusters.
        // Not tried inside a run of other chars: in other scripts it would fail at every one.
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        if bytes[i] < 0x80 {
            let after = counter.ascii16(bytes, i);
            if after > i {
                i = after;
                continue;
            }
        }
        if i + 8 <= bytes.len() && bytes[i] < 0x80 {
            let word = word_at(bytes, i);
            if word & HIGH == 0 && bytes.get(i + 8).is_none_or(|&n| n < 0x80) {
                counter.ascii8(word);
                i += 8;
                continue;
            }
        }
        // An ASCII char followed by ASCII (or the end) is a cluster, CR LF aside.
        let b = bytes[i];
        if b < 0x80 && b != b'\r' && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
            counter.push(ASCII_CODE[usize::from(b)]);
            i += 1;
        } else {
            i = counter.others(text, i);
        }
    }
    counter.words
}

/// The word count so far, and the classes of the clusters before the next one as masks in the
/// form of [`Counter::ascii8`]: bit 63 is the last cluster, bit 55 the one before it (read for
/// letters and digits only).
#[derive(Debug, Default)]
struct Counter {
    words: usize,
    letter: u64,
    digit: u64,
    /// Any joiner, `,` included.
    joiner: u64,
    /// A joiner that joins digits only (`,`).
    comma: u64,
}

impl Counter {
    /// Takes the next cluster, by its class code ([`Class::code`]). Without a branch: in text
    /// other than ASCII, classes follow each other too irregularly for the branch predictor.
    #[inline(always)]
    fn push(&mut self, code: u8) {
        let bits = u64::from(CODE_BITS[usize::from(code & 0x07)]);
        let (letter, digit, joiner, comma) = (bits & 1, bits >> 1 & 1, bits >> 2 & 1, bits >> 3 & 1);
        let (last, before_last) = (|m: u64| m >> 63, |m: u64| m >> 55 & 1);
        let joined = last(self.joiner) & before_last(self.letter) & (!last(self.comma) & 1 | before_last(self.digit) & digit);
        let starts = letter & !last(self.letter) & !joined & 1;
        self.words += (starts + (bits >> 4)) as usize;
        let shift = |m: u64, bit: u64| m >> 8 | bit << 63;
        (self.letter, self.digit, self.joiner, self.comma) =
            (shift(self.letter, letter), shift(self.digit, digit), shift(self.joiner, joiner), shift(self.comma, comma));
    }

    /// [`Counter::push`] for the clusters from byte `i` on, one by one, up to eight ASCII bytes
    /// in a row, which the chunk steps take (or the end); returns where it stopped (past `i`).
    ///
    /// What [`cluster`] does, with each char decoded and looked up once: the char after a
    /// cluster, read to see whether it joins it, is carried over as the next cluster's first
    /// char. Single ASCII chars between others (spaces, punctuation) stay in the run, and the
    /// counter's state stays in locals for it. Counting the old text of the bench's `world`
    /// pair (the UDHR in 120 scripts other than Latin, 2.4 MB) took ~16 ms in Chromium with a
    /// [`cluster`] call per cluster, ~13 ms this way; its Cyrillic part alone 5.0 and 3.3 ms.
    #[inline(never)]
    fn others(&mut self, text: &str, mut i: usize) -> usize {
        let mut counter = core::mem::take(self);
        let bytes = text.as_bytes();
        let (c, mut len) = crate::text::char_at(text, i);
        let mut char = Char::of(c);
        let end = loop {
            let next = i + len;
            // At eight ASCII bytes the run stops without reading the next char: no ASCII char
            // joins the char before it (`\n` does after `\r`, whose own `joins_next` is set).
            let ascii_run = next + 8 <= bytes.len() && word_at(bytes, next) & HIGH == 0;
            let after = (next < bytes.len() && !ascii_run).then(|| {
                let (c, len) = crate::text::char_at(text, next);
                (len, Char::of(c))
            });
            counter.push(char.0);
            if char.joins_next() || after.is_some_and(|(_, a)| a.joins_previous()) {
                break crate::graphemes::cluster_end(text, i);
            }
            let Some(a) = after else { break next };
            (i, (len, char)) = (next, a);
        };
        *self = counter;
        end
    }

    /// [`Counter::push`] for eight ASCII bytes (little-endian in `word`) at once: each class is a
    /// mask with bit 7 of a byte set, and "the byte before" is a shift by eight bits.
    ///
    /// Joiners are rare between two letters, so they are first looked for with one range test,
    /// `'` to `.`, which also lets through `(`, `)`, `*` and `+`; only a chunk where that finds a
    /// letter–mark–letter runs the exact tests (and the digits-only rule of `,`).
    #[inline(always)]
    fn ascii8(&mut self, word: u64) {
        let digit = bytes_in(word, b'0', b'9');
        let letter = digit | bytes_in(word | (ONES * 0x20), b'a', b'z');
        // The last two clusters before the chunk shifted in: one and two bytes on.
        let starts = letter & !(letter << 8 | self.letter >> 56);
        let letter_two_before = letter << 16 | self.letter >> 48;
        let mut joined = starts & (bytes_in(word, b'\'', b'.') << 8 | self.joiner >> 56) & letter_two_before;
        if joined != 0 {
            let comma = bytes_equal(word, b',');
            let joiner = comma | bytes_equal(word, b'\'') | bytes_equal(word, b'-') | bytes_equal(word, b'.');
            joined &= (joiner << 8 | self.joiner >> 56)
                & (!(comma << 8 | self.comma >> 56) | ((digit << 16 | self.digit >> 48) & digit));
        }
        self.words += (starts & !joined).count_ones() as usize;
        self.carry(letter, digit, (word >> 56) as u8);
    }

    /// Keeps what the next chunk reads of this one: its letter and digit masks (in `u64` form),
    /// and whether its `last` byte is a joiner or a comma (only the last cluster's bit of those
    /// is ever read).
    #[inline(always)]
    fn carry(&mut self, letter: u64, digit: u64, last: u8) {
        (self.joiner, self.comma) = Counter::joiner_masks(last);
        (self.letter, self.digit) = (letter, digit);
    }

    /// The `joiner` and `comma` masks after a chunk whose last byte is `last`.
    #[inline(always)]
    fn joiner_masks(last: u8) -> (u64, u64) {
        (u64::from(matches!(last, b'\'' | b',' | b'-' | b'.')) << 63, u64::from(last == b',') << 63)
    }

    /// [`Counter::ascii8`] for the run of sixteen-byte ASCII chunks from `bytes[i]` on (each
    /// followed by ASCII or the end), a wasm SIMD vector per chunk with a lane per byte: the
    /// same tests, a third of the instructions per byte. Returns where the run ends (`i` when
    /// there is none).
    ///
    /// "The byte before" is a shuffle of the chunk's vector with the one before it, so what a
    /// chunk hands the next stays a vector for the whole run, and the masks cross to and from
    /// `Counter`'s `u64` form only at its ends: converting them at every chunk was most of the
    /// cost. The cheap joiner test reads the chunk before through its range test, a superset;
    /// the exact one, rarely run, through its last byte.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn ascii16(&mut self, bytes: &[u8], mut i: usize) -> usize {
        use core::arch::wasm32::*;
        let splat = u8x16_splat;
        // A mask in `Counter`'s form as lanes 8 to 15 (all ones where bit 7 is set), and back.
        let vector = |mask: u64| i8x16_lt(u64x2(0, mask), splat(0));
        let mask = |v: v128| u64x2_extract_lane::<1>(v) & HIGH;
        let one_before = |earlier: v128, now: v128| i8x16_shuffle::<15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30>(earlier, now);
        let two_before = |earlier: v128, now: v128| i8x16_shuffle::<14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29>(earlier, now);
        let (mut letter_before, mut digit_before, mut mark_before) = (vector(self.letter), vector(self.digit), vector(self.joiner));
        let (mut joiner_last, mut comma_last) = (self.joiner, self.comma);
        let start = i;
        while i + 16 <= bytes.len() {
            let (low, high) = (word_at(bytes, i), word_at(bytes, i + 8));
            if (low | high) & HIGH != 0 || bytes.get(i + 16).is_some_and(|&n| n >= 0x80) {
                break;
            }
            let bytes = u64x2(low, high);
            let digit = u8x16_le(u8x16_sub(bytes, splat(b'0')), splat(9));
            let letter = v128_or(digit, u8x16_le(u8x16_sub(v128_or(bytes, splat(0x20)), splat(b'a')), splat(25)));
            let starts = v128_andnot(letter, one_before(letter_before, letter));
            let mark = u8x16_le(u8x16_sub(bytes, splat(b'\'')), splat(b'.' - b'\''));
            let mut joined = v128_and(v128_and(starts, one_before(mark_before, mark)), two_before(letter_before, letter));
            if v128_any_true(joined) {
                let comma = i8x16_eq(bytes, splat(b','));
                let joiner = v128_or(v128_or(comma, i8x16_eq(bytes, splat(b'\''))), v128_or(i8x16_eq(bytes, splat(b'-')), i8x16_eq(bytes, splat(b'.'))));
                let digits = v128_and(two_before(digit_before, digit), digit);
                joined = v128_and(joined, one_before(vector(joiner_last), joiner));
                joined = v128_and(joined, v128_or(v128_not(one_before(vector(comma_last), comma)), digits));
            }
            self.words += u8x16_bitmask(v128_andnot(starts, joined)).count_ones() as usize;
            (letter_before, digit_before, mark_before) = (letter, digit, mark);
            (joiner_last, comma_last) = Counter::joiner_masks((high >> 56) as u8);
            i += 16;
        }
        if i > start {
            (self.letter, self.digit, self.joiner, self.comma) = (mask(letter_before), mask(digit_before), joiner_last, comma_last);
        }
        i
    }
}

/// What [`Counter::push`] needs of each class code ([`Class::code`]): bit 0 a letter or digit,
/// 1 a digit, 2 a joiner, 3 a joiner of digits only (`,`), 4 a word by itself.
const CODE_BITS: [u8; 8] = [0, 0, 0b1, 0b11, 0b1_0000, 0b100, 0b1100, 0];

/// Classes of ASCII bytes, as [`classify`] gives them.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            b'0'..=b'9' => Class::Letter { digit: true },
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter { digit: false },
            b'\'' | b'-' | b'.' => Class::Joiner { digits_only: false },
            b',' => Class::Joiner { digits_only: true },
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// The one scanner behind [`tokenize`] and [`count_words`]. It looks one cluster ahead and
/// hands that cluster to the next token, so each cluster is classified once.
fn scan(text: &str, mut emit: impl FnMut(usize, usize, TokenKind)) {
    let (bytes, len) = (text.as_bytes(), text.len());
    let peek = |at: usize| (at < len).then(|| cluster(text, at));
    let mut start = 0;
    let mut current = peek(0);
    while let Some((end, class)) = current {
        let (token_end, kind, next) = match class {
            Class::Space => {
                let mut e = end;
                let next = loop {
                    e = skip_ascii(bytes, e, |b| b == b' ' || b == b'\t' || b == b'\n');
                    match peek(e) {
                        Some((after, Class::Space)) => e = after,
                        other => break other,
                    }
                };
                (e, TokenKind::Space, next)
            }
            Class::Letter { digit } => {
                let mut e = end;
                let mut last_digit = digit;
                let next = loop {
                    let skipped = skip_ascii(bytes, e, |b| b.is_ascii_alphanumeric());
                    if skipped > e {
                        last_digit = bytes[skipped - 1].is_ascii_digit();
                        e = skipped;
                    }
                    match peek(e) {
                        Some((after, Class::Letter { digit })) => {
                            last_digit = digit;
                            e = after;
                        }
                        // A joiner stays inside the word only with a word character after it.
                        Some((after, Class::Joiner { digits_only })) => match peek(after) {
                            Some((word_end, Class::Letter { digit })) if !digits_only || (last_digit && digit) => {
                                last_digit = digit;
                                e = word_end;
                            }
                            _ => break Some((after, Class::Joiner { digits_only })),
                        },
                        other => break other,
                    }
                };
                (e, TokenKind::Word, next)
            }
            Class::Single => (end, TokenKind::Word, peek(end)),
            Class::Joiner { .. } | Class::Other if is_dash(text, start) => {
                // A run of dashes is one mark: `--` typed for `—` must match it as one token.
                let mut e = end;
                while e < len && is_dash(text, e) {
                    e = peek(e).map_or(len, |c| c.0);
                }
                (e, TokenKind::Punct, peek(e))
            }
            Class::Joiner { .. } | Class::Other => (end, TokenKind::Punct, peek(end)),
        };
        emit(start, token_end, kind);
        start = token_end;
        current = next;
    }
}

/// Whether a hyphen or dash (`-`, `‐`, `‑`, `‒`, `–`, `—`, `―`, `−`) starts at byte `i`.
#[inline]
fn is_dash(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b'-' => true,
        0xE2 => matches!(crate::text::from(text, i).chars().next(), Some('\u{2010}'..='\u{2015}' | '\u{2212}')),
        _ => false,
    }
}

/// Skips bytes matching `keep` from `i`, each of which must be ASCII and followed by ASCII (or the
/// end): exactly the clusters the fast path of [`cluster`] would return one by one.
#[inline]
fn skip_ascii(bytes: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && keep(bytes[i]) && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
        i += 1;
    }
    i
}

/// [`ASCII_CLASS`] as [`Class::code`]s.
const ASCII_CODE: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_CLASS[b].code();
        b += 1;
    }
    table
};

/// The grapheme cluster starting at byte `i` (its end) and its class.
#[inline]
fn cluster(text: &str, i: usize) -> (usize, Class) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    // ASCII followed by ASCII (or the end) is a whole cluster, CR LF aside; a combining mark
    // after an ASCII letter sends us to the slow path.
    if b < 0x80 && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
        let end = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        return (end, ASCII_CLASS[b as usize]);
    }
    // `i` is a char boundary: every caller starts at 0 or at a previous cluster's end.
    let (c, len) = crate::text::char_at(text, i);
    let char = Char::of(c);
    // Most text has few combining marks: when neither char can join the other, the cluster is
    // one char and the (slower) grapheme rules need not run.
    let alone = !char.joins_next() && (i + len == bytes.len() || !Char::of(crate::text::char_at(text, i + len).0).joins_previous());
    let end = if alone { i + len } else { crate::graphemes::cluster_end(text, i) };
    (end, char.class())
}

/// What the tokenizer needs to know of a char, worked out once per char ([`crate::memo`]):
/// its [`Class`] in the low three bits ([`Class::code`]), and whether it may join the char
/// after it (`JOINS_NEXT`) or before it (`JOINS_PREVIOUS`) in a grapheme cluster
/// ([`crate::graphemes::joining`]). `char::is_alphanumeric`, `char::is_numeric` and the
/// grapheme tables search Unicode tables at every call: a 2.4 MB text in scripts other than
/// Latin took ten times longer to count this way.
#[derive(Clone, Copy)]
struct Char(u8);

const JOINS_NEXT: u8 = 0x08;
const JOINS_PREVIOUS: u8 = 0x10;

impl Char {
    #[inline]
    fn of(c: char) -> Char {
        static KNOWN: CharMemo = CharMemo::new();
        Char(KNOWN.get(c, |c| {
            let (next, previous) = crate::graphemes::joining(c);
            classify(c).code() | if next { JOINS_NEXT } else { 0 } | if previous { JOINS_PREVIOUS } else { 0 }
        }))
    }

    #[inline]
    fn class(self) -> Class {
        Class::from_code(self.0 & 0x07)
    }

    #[inline]
    fn joins_next(self) -> bool {
        self.0 & JOINS_NEXT != 0
    }

    #[inline]
    fn joins_previous(self) -> bool {
        self.0 & JOINS_PREVIOUS != 0
    }
}

impl Class {
    /// A nonzero number below 8, for [`Char`].
    const fn code(self) -> u8 {
        match self {
            Class::Space => 1,
            Class::Letter { digit: false } => 2,
            Class::Letter { digit: true } => 3,
            Class::Single => 4,
            Class::Joiner { digits_only: false } => 5,
            Class::Joiner { digits_only: true } => 6,
            Class::Other => 7,
        }
    }

    #[inline]
    fn from_code(code: u8) -> Class {
        match code {
            1 => Class::Space,
            2 => Class::Letter { digit: false },
            3 => Class::Letter { digit: true },
            4 => Class::Single,
            5 => Class::Joiner { digits_only: false },
            6 => Class::Joiner { digits_only: true },
            _ => Class::Other,
        }
    }
}

fn classify(c: char) -> Class {
    // General punctuation (curly quotes, dashes, thin spaces) is common in edited prose and
    // holds no letters: decide it without the Unicode property tables.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return match c {
            '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' => Class::Space,
            '\u{2019}' | '\u{2010}' | '\u{2011}' | '\u{2013}' => Class::Joiner { digits_only: false },
            _ => Class::Other,
        };
    }
    if c.is_whitespace() {
        Class::Space
    } else if is_single_script(c) {
        Class::Single
    } else if c.is_alphanumeric() {
        Class::Letter { digit: c.is_numeric() }
    } else if matches!(c, '\'' | '-' | '.' | '\u{02BC}') {
        Class::Joiner { digits_only: false }
    } else if c == ',' {
        Class::Joiner { digits_only: true }
    } else {
        Class::Other
    }
}

/// Scripts written without spaces between words: each cluster is its own token.
fn is_single_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1100..=0x11FF    // Hangul Jamo
        | 0x1780..=0x17FF    // Khmer
        | 0x2E80..=0x2FDF    // CJK radicals
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x312F    // Bopomofo
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x31F0..=0x31FF    // Katakana extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xA960..=0xA97F    // Hangul Jamo extended A
        | 0xAC00..=0xD7FF    // Hangul syllables, Jamo extended B
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x3FFFF  // CJK extensions B..
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().filter(|t| t.1 == TokenKind::Word).map(|t| t.0).collect()
    }

    #[test]
    fn tokens_tile_the_input() {
        for text in ["", "a", "\u{feff}Hi,\r\nthere\0\tyou\r", "x  \n\n y", "e\u{301}t\u{e9}"] {
            let joined: String = toks(text).iter().map(|t| t.0).collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn inner_apostrophes_and_hyphens_stay_in_the_word() {
        assert_eq!(words("don't don\u{2019}t well-known"), ["don't", "don\u{2019}t", "well-known"]);
    }

    #[test]
    fn trailing_curly_apostrophe_is_punctuation() {
        // The seed's "Stephanopoulus’ question": the apostrophe is its own token, so the
        // spelling fix and the quote change are separate changes.
        assert_eq!(
            toks("Stephanopoulus\u{2019} question")[..2],
            [("Stephanopoulus", TokenKind::Word), ("\u{2019}", TokenKind::Punct)]
        );
    }

    #[test]
    fn numbers_and_abbreviations() {
        assert_eq!(words("U.S. 1,000.50 a,b"), ["U.S", "1,000.50", "a", "b"]);
    }

    #[test]
    fn cjk_each_ideograph_is_a_word() {
        assert_eq!(words("日本語のテキスト"), ["日", "本", "語", "の", "テ", "キ", "ス", "ト"]);
        assert_eq!(words("한국어"), ["한", "국", "어"]);
    }

    #[test]
    fn emoji_sequences_are_never_split() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let flag = "\u{1F1FA}\u{1F1E6}";
        let thumbs = "\u{1F44D}\u{1F3FD}";
        let text = format!("{family} {flag}{thumbs}");
        assert_eq!(
            toks(&text),
            [
                (family, TokenKind::Punct),
                (" ", TokenKind::Space),
                (flag, TokenKind::Punct),
                (thumbs, TokenKind::Punct)
            ]
        );
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        assert_eq!(words("cafe\u{301} na\u{308}ive"), ["cafe\u{301}", "na\u{308}ive"]);
    }

    #[test]
    fn dash_runs_are_one_token_but_hyphens_stay_in_words() {
        assert_eq!(toks("a--b")[1], ("--", TokenKind::Punct));
        assert_eq!(toks("x \u{2014}\u{2014} y")[2], ("\u{2014}\u{2014}", TokenKind::Punct));
        assert_eq!(words("well-known -dash"), ["well-known", "dash"]);
    }

    #[test]
    fn whitespace_runs_are_one_token() {
        assert_eq!(toks("a \r\n\n\u{a0}b")[1], (" \r\n\n\u{a0}", TokenKind::Space));
    }

    #[test]
    fn rtl_and_cyrillic_words() {
        assert_eq!(words("שלום עולם Привет"), ["שלום", "עולם", "Привет"]);
    }

    #[test]
    fn each_char_is_worked_out_once_and_alike() {
        // Twice: the second answer comes from the memo (first two planes), or is worked out again.
        for c in (0..0x30000).filter_map(char::from_u32) {
            for known in [Char::of(c), Char::of(c)] {
                assert_eq!(known.class(), classify(c), "{c:?}");
                assert_eq!((known.joins_next(), known.joins_previous()), crate::graphemes::joining(c), "{c:?}");
            }
        }
    }

    #[test]
    fn count_words_matches_tokenize() {
        let text = "Biden’s “linguistic intemperance” — 日本 1,000 don't";
        assert_eq!(count_words(text), words(text).len());
    }

    /// The same tokens computed the slow way: every cluster from the grapheme rules, no fast
    /// paths. The fast paths must never change a token.
    fn reference(text: &str) -> Vec<(usize, usize, TokenKind)> {
        use unicode_segmentation::UnicodeSegmentation;
        let clusters: Vec<(usize, usize, Class)> = text
            .grapheme_indices(true)
            .map(|(i, g)| (i, i + g.len(), classify(g.chars().next().unwrap())))
            .collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < clusters.len() {
            let (start, mut end, class) = clusters[k];
            k += 1;
            let kind = match class {
                Class::Space => {
                    while k < clusters.len() && clusters[k].2 == Class::Space {
                        end = clusters[k].1;
                        k += 1;
                    }
                    TokenKind::Space
                }
                Class::Letter { digit } => {
                    let mut last_digit = digit;
                    loop {
                        match clusters.get(k).map(|c| c.2) {
                            Some(Class::Letter { digit }) => {
                                last_digit = digit;
                                end = clusters[k].1;
                                k += 1;
                            }
                            Some(Class::Joiner { digits_only }) => match clusters.get(k + 1) {
                                Some(&(_, e, Class::Letter { digit })) if !digits_only || (last_digit && digit) => {
                                    last_digit = digit;
                                    end = e;
                                    k += 2;
                                }
                                _ => break,
                            },
                            _ => break,
                        }
                    }
                    TokenKind::Word
                }
                Class::Single => TokenKind::Word,
                Class::Joiner { .. } | Class::Other => {
                    if is_dash(text, start) {
                        while k < clusters.len() && is_dash(text, clusters[k].0) {
                            end = clusters[k].1;
                            k += 1;
                        }
                    }
                    TokenKind::Punct
                }
            };
            out.push((start, end, kind));
        }
        out
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_grapheme_rules(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "0", " ", "\t", "\n", "\r", "\r\n", "'", "-", ".", ",", "!", "\u{2019}",
                "\u{301}", "\u{308}", "\u{200D}", "\u{FE0F}", "\u{1F44D}", "\u{1F3FD}", "\u{1F1FA}",
                "\u{1F1E6}", "é", "ß", "Ж", "ω", "日", "の", "한", "\u{1100}", "\u{1161}", "\u{11A8}",
                "क", "\u{93F}", "\u{94D}", "ש", "\u{5B8}", "ت", "\u{64E}", "\u{600}", "\u{a0}", "—",
                "\u{3099}", "\u{E01}", "\u{E31}", "\u{feff}", "\0", "\u{2013}", "\u{2212}",
                // Prepend marks join what follows, even ASCII; Adlam and Chakma are beyond the BMP.
                "\u{890}", "\u{D4E}", "\u{1E922}", "\u{1E944}", "\u{11103}", "\u{11127}", "\u{11133}",
            ]), 0..40).prop_map(|parts: Vec<&'static str>| -> String { parts.concat() })
        ) {
            let mut tokens = Vec::new();
            tokenize(&text, &mut tokens);
            let fast: Vec<(usize, usize, TokenKind)> =
                tokens.iter().map(|t| (t.start as usize, t.end as usize, t.kind)).collect();
            let expected = reference(&text);
            let words = expected.iter().filter(|t| t.2 == TokenKind::Word).count();
            proptest::prop_assert_eq!(fast, expected);
            proptest::prop_assert_eq!(count_words(&text), words);
        }
    }

    proptest::proptest! {
        /// Long ASCII stretches, so eight-byte chunks meet every class at every position and at
        /// the chunk edges, with a few non-ASCII clusters between them.
        #[test]
        fn word_counts_agree_over_long_ascii_runs(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "0", "a", "b", "9", " ", " ", "\n", "'", "-", ".", ",", ",", "!", "\r\n",
                "\u{2019}", "\u{301}", "é", "日", "\u{200D}", "(", ")", "*", "+", "&", "/", "@", "[", "`", "{",
                ":",
            ]), 0..200).prop_map(|parts: Vec<&'static str>| -> String { parts.concat() })
        ) {
            let words = reference(&text).iter().filter(|t| t.2 == TokenKind::Word).count();
            proptest::prop_assert_eq!(count_words(&text), words);
        }
    }

    #[test]
    fn empty_input_has_no_tokens() {
        assert!(toks("").is_empty());
    }
}
