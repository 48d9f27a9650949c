//! Counting the words of a text without storing its tokens ([`count_words`]).
//!
//! The word rules are [`super::tokenize`]'s, restated so that each cluster's part depends only
//! on the two clusters before it: a [`Class::Single`] cluster is a word, and a letter starts
//! one unless the cluster before it is a letter, or a joiner with a letter before it (for `,`,
//! only between digits). They are stated twice here, once a cluster at a time
//! ([`Counter::push`]) and once a chunk of ASCII bytes at a time ([`Counter::run`], over any
//! [`Lanes`]); every class, range and code both read is derived from the tokenizer's own table
//! ([`super::ASCII_CLASS`]), so a rule change is made there and in these two functions.
//!
//! Cost: one pass, O(n), eight ASCII bytes a step (sixteen with wasm SIMD), other clusters one
//! by one, each a look-up in a table that [`Counter::push`] fills at compile time. The property tests run all three steps (the sixteen-lane one through
//! `lanes::Portable`, its native stand-in) against the tokenizer.

use super::lanes::Lanes;
use super::{Char, Class, ASCII_CLASS, ASCII_CODE};
use crate::unicode::byte_masks::{word_at, HIGH};

/// Counts the word tokens of `text` without storing tokens.
///
/// It runs over every unchanged paragraph (for the stats), so it is the hottest loop on a
/// near-identical pair.
pub(crate) fn count_words(text: &str) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return count::<super::lanes::Simd>(text);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    count::<u64>(text)
}

/// The word count of `text` by each step of the counter: eight-byte chunks only (as natively),
/// and sixteen lanes first, as the wasm build does, through their portable stand-in.
#[cfg(test)]
pub(super) fn counts(text: &str) -> [usize; 2] {
    [count::<u64>(text), count::<super::lanes::Portable>(text)]
}

/// [`count_words`] with chunks of `V` tried first, then of eight bytes (when `V` is wider).
#[inline(always)]
fn count<V: Lanes>(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut counter = Counter::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Chunks are not tried inside a run of other chars: in other scripts they would fail
        // at every one.
        if b < 0x80 {
            let mut after = if V::WIDTH > 8 { counter.run::<V>(bytes, i) } else { i };
            if after == i {
                after = counter.run::<u64>(bytes, i);
            }
            if after > i {
                i = after;
                continue;
            }
        }
        // An ASCII char followed by ASCII (or the end) is a cluster, CR LF aside.
        if b < 0x80 && b != b'\r' && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
            counter.push(ASCII_CODE[usize::from(b)]);
            i += 1;
        } else {
            i = counter.others(text, i);
        }
    }
    counter.words
}

/// What the chunk step tests, as ranges of ASCII bytes, each derived from [`ASCII_CLASS`] at
/// compile time. Letters and digits both start and continue words; digits also let `,` join.
const DIGITS: [(u8, u8); 1] = ranges(&[Class::Letter { digit: true }]);
const LETTERS: [(u8, u8); 2] = ranges(&[Class::Letter { digit: false }]);
const JOINERS: [(u8, u8); 2] =
    ranges(&[Class::Joiner { digits_only: false }, Class::Joiner { digits_only: true }]);
const COMMAS: [(u8, u8); 1] = ranges(&[Class::Joiner { digits_only: true }]);
/// The span from the lowest joiner byte to the highest: one range test finds every joiner (and
/// a few other bytes), so the exact tests run only where it finds one between two letters.
const JOINER_SPAN: (u8, u8) = (JOINERS[0].0, JOINERS[1].1);
/// [`LETTERS`] in one range test, of each byte with bit 5 set (`b | 0x20`): the capitals are
/// the small letters less 0x20. Fails to compile if the table stops being so.
const LETTERS_FOLDED: (u8, u8) = {
    let (lo, hi) = LETTERS[1];
    let mut b = 0;
    while b < 128 {
        let letter = (LETTERS[0].0 <= b && b <= LETTERS[0].1) || (lo <= b && b <= hi);
        assert!(
            letter == (lo <= b | 0x20 && b | 0x20 <= hi),
            "the letters do not fold onto one range"
        );
        b += 1;
    }
    (lo, hi)
};

/// [`JOINERS`] and [`COMMAS`] as sets, for the last byte of a chunk.
const JOINER_BYTES: ByteSet = ByteSet::of(&JOINERS);
const COMMA_BYTES: ByteSet = ByteSet::of(&COMMAS);

/// A set of bytes below 64, one bit each: membership in a shift, without a memory load.
struct ByteSet(u64);

impl ByteSet {
    /// Fails to compile if a byte of `ranges` is 64 or more.
    const fn of(ranges: &[(u8, u8)]) -> ByteSet {
        let (mut set, mut k) = (0u64, 0);
        while k < ranges.len() {
            let (mut b, hi) = ranges[k];
            assert!(hi < 64, "a byte too large for a ByteSet");
            while b <= hi {
                set |= 1 << b;
                b += 1;
            }
            k += 1;
        }
        ByteSet(set)
    }

    /// Bit 63 set when `b` is in the set: the counter's form of "the last cluster is one".
    #[inline(always)]
    fn last(&self, b: u8) -> u64 {
        (self.0 >> (b & 63) & u64::from(b < 64)) << 63
    }
}

/// The ASCII bytes whose class is one of `classes`, as exactly `N` maximal ranges, in order.
/// Fails to compile when they make another number of ranges (the chunk step would then need
/// another number of tests).
const fn ranges<const N: usize>(classes: &[Class]) -> [(u8, u8); N] {
    let mut out = [(0, 0); N];
    let (mut len, mut b) = (0, 0);
    while b < 128 {
        let mut k = 0;
        let mut found = false;
        while k < classes.len() {
            found |= classes[k].code() == ASCII_CLASS[b as usize].code();
            k += 1;
        }
        if found && len > 0 && out[len - 1].1 + 1 == b {
            out[len - 1].1 = b;
        } else if found {
            assert!(len < N, "more ranges of ASCII bytes than the chunk step tests");
            out[len] = (b, b);
            len += 1;
        }
        b += 1;
    }
    assert!(len == N, "fewer ranges of ASCII bytes than the chunk step tests");
    out
}

/// The word count so far, and the classes of the clusters before the next one as masks in the
/// `u64` form of [`Lanes`]: bit 63 is the last cluster, bit 55 the one before it (read for
/// letters and digits only).
#[derive(Debug)]
struct Counter {
    words: usize,
    letter: u64,
    digit: u64,
    /// Any joiner, `,` included.
    joiner: u64,
    /// A joiner that joins digits only (`,`).
    comma: u64,
}

/// What [`Counter::push`] needs of each class code ([`Class::code`]): bit 0 a letter or digit,
/// 1 a digit, 2 a joiner, 3 a joiner of digits only (`,`), 4 a word by itself.
const CODE_BITS: [u8; 8] = {
    let mut table = [0; 8];
    let mut code = 0;
    while code < 8 {
        table[code] = match Class::from_code(code as u8) {
            Class::Letter { digit } => 0b1 | (digit as u8) << 1,
            Class::Joiner { digits_only } => 0b100 | (digits_only as u8) << 3,
            Class::Single => 0b1_0000,
            Class::Space | Class::Other => 0,
        };
        code += 1;
    }
    table
};

/// Whether a cluster of class code `now` starts a word after clusters of codes `before_last`
/// and `last`: bit `last * 8 + now` of entry `before_last`. Worked out by [`Counter::push`]
/// itself, the only two clusters it reads being the last two.
const STARTS: [u64; 8] = {
    let mut table = [0u64; 8];
    let mut k = 0;
    while k < 512 {
        let mut counter = Counter::new();
        counter.push((k >> 6) as u8);
        counter.push((k >> 3 & 7) as u8);
        let before = counter.words;
        counter.push((k & 7) as u8);
        let added = counter.words - before;
        assert!(added <= 1, "a cluster adds one word at most");
        table[k >> 6] |= (added as u64) << (k & 63);
        k += 1;
    }
    table
};

/// Which clusters a char continues a run of, by its [`Char`] byte: bit `c` for a cluster of
/// class code `c` ([`Class::code`]). A plain mark continues any (it joins the cluster); a char
/// that joins no neighbour and takes marks continues a run of its own class, when a cluster of
/// that class after one of the same adds no word whatever came before ([`STARTS`]), so that
/// the state after such a run is two clusters of that class.
const RUN: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        let code = byte & 0x07;
        let mut silent = code != 0;
        let mut before = 0;
        while before < 8 {
            silent &= STARTS[before] >> (code * 8 + code) & 1 == 0;
            before += 1;
        }
        table[byte] = if byte as u8 & super::PLAIN_MARK != 0 {
            0xFF
        } else if byte as u8 & (super::JOINS_NEXT | super::JOINS_PREVIOUS) == 0
            && byte as u8 & super::BASE != 0
            && silent
        {
            1 << code
        } else {
            0
        };
        byte += 1;
    }
    table
};

/// The bits of a [`Char`] that send the char after a linker in a run of [`Counter::others`] to
/// the grapheme rules: that it joins the char before it, or that its class code is no space's
/// (it may then be an Indic consonant, whose class is a letter's or a script without spaces').
const AFTER_LINKER: u8 = super::JOINS_PREVIOUS | 0x06;
const _: () = assert!(
    Class::Space.code() & 0x06 == 0
        && Class::Letter { digit: false }.code() & 0x06 != 0
        && Class::Single.code() & 0x06 != 0
);

impl Counter {
    const fn new() -> Counter {
        Counter { words: 0, letter: 0, digit: 0, joiner: 0, comma: 0 }
    }

    /// Takes the next cluster, by its class code ([`Class::code`]). Without a branch: in text
    /// other than ASCII, classes follow each other too irregularly for the branch predictor.
    #[inline(always)]
    const fn push(&mut self, code: u8) {
        const fn last(m: u64) -> u64 {
            m >> 63
        }
        const fn before_last(m: u64) -> u64 {
            m >> 55 & 1
        }
        const fn shift(m: u64, bit: u64) -> u64 {
            m >> 8 | bit << 63
        }
        let bits = CODE_BITS[(code & 0x07) as usize] as u64;
        let (letter, digit, joiner, comma) =
            (bits & 1, bits >> 1 & 1, bits >> 2 & 1, bits >> 3 & 1);
        let joined = last(self.joiner)
            & before_last(self.letter)
            & (!last(self.comma) & 1 | before_last(self.digit) & digit);
        let starts = letter & !last(self.letter) & !joined & 1;
        self.words += (starts + (bits >> 4)) as usize;
        (self.letter, self.digit, self.joiner, self.comma) = (
            shift(self.letter, letter),
            shift(self.digit, digit),
            shift(self.joiner, joiner),
            shift(self.comma, comma),
        );
    }

    /// The class codes of the last two clusters as [`STARTS`] reads them (`before_last * 8 +
    /// last`): a code with the same bits of [`CODE_BITS`] as [`Counter::push`] reads of each.
    #[inline(always)]
    fn codes(&self) -> u32 {
        let (last, before_last) = (|m: u64| m >> 63 != 0, |m: u64| m >> 55 & 1 != 0);
        let last = if last(self.comma) {
            Class::Joiner { digits_only: true }
        } else if last(self.joiner) {
            Class::Joiner { digits_only: false }
        } else if last(self.letter) {
            Class::Letter { digit: last(self.digit) }
        } else {
            Class::Space
        };
        let before_last = if before_last(self.letter) {
            Class::Letter { digit: before_last(self.digit) }
        } else {
            Class::Space
        };
        u32::from(before_last.code()) << 3 | u32::from(last.code())
    }

    /// The counter after `words` words and clusters of the codes `codes` ([`Counter::codes`]).
    #[inline(always)]
    fn from_codes(words: usize, codes: u32) -> Counter {
        let mut counter = Counter::new();
        counter.push((codes >> 3) as u8);
        counter.push((codes & 7) as u8);
        counter.words = words;
        counter
    }

    /// [`Counter::push`] for the clusters from byte `i` on, one by one, up to eight ASCII bytes
    /// in a row, which the chunk steps take (or the end); returns where it stopped (past `i`).
    ///
    /// What [`super::cluster`] does, with each char decoded and looked up once: the char after
    /// a cluster, read to see whether it joins it, is carried over as the next cluster's first
    /// char. Single ASCII chars between others (spaces, punctuation) stay in the run, and the
    /// counter's state stays in locals for it. A char's plain combining marks (the vowel signs
    /// of the Indic scripts, accents) are stepped over here, and so are the linkers of their
    /// conjuncts inside words: only the rarer joins (conjuncts of the scripts without spaces,
    /// emoji sequences, Hangul jamo, CR LF) take the grapheme rules.
    #[inline(never)]
    fn others(&mut self, text: &str, mut i: usize) -> usize {
        // The state as the last two clusters' codes, each cluster one look-up in `STARTS`.
        let (mut words, mut codes) = (self.words, self.codes());
        let (mut char, mut len) = Char::at(text, i);
        let end = 'clusters: loop {
            let k = codes << 3 | u32::from(char.0 & 0x07);
            words += (STARTS[(k >> 6) as usize] >> (k & 63) & 1) as usize;
            codes = k & 63;
            // Where the grapheme rules end the cluster, when they are asked.
            let ruled = 'rules: {
                if char.joins_next() {
                    break 'rules crate::unicode::graphemes::cluster_end(text, i);
                }
                // What a run of clusters of this one's class leaves ([`RUN`]): the state of two
                // such clusters, and the count as it is.
                let run = RUN[usize::from(char.0)] & 1 << (char.0 & 0x07);
                let run_codes = (k << 3 | u32::from(char.0 & 0x07)) & 63;
                let mut next = i + len;
                // The char after the cluster so far: a plain mark goes on with it, a char that
                // continues the run starts a cluster that changes nothing but the state, any
                // other char that joins it sends the whole cluster to the rules, and a char
                // that does not starts the next cluster.
                loop {
                    let Some((after, after_len)) = Self::char_after(text, next) else {
                        break 'clusters next;
                    };
                    if RUN[usize::from(after.0)] & run != 0 {
                        if !after.plain_mark() {
                            (i, codes) = (next, run_codes);
                        }
                        next += after_len;
                        continue;
                    }
                    // A line feed joins a carriage return only, which went to the rules.
                    if !after.joins_previous() || text.as_bytes()[next] == b'\n' {
                        (i, len, char) = (next, after_len, after);
                        continue 'clusters;
                    }
                    if after.linker() && run != 0 {
                        // A linker (a virama) in a run joins the cluster as a mark does. The
                        // one rule it adds, an Indic consonant after it joining the cluster
                        // (GB9c), needs a consonant before it in the cluster, so a run of
                        // letters (a consonant is a letter, or of a script without spaces,
                        // which makes no run). There a consonant after it continues the run as
                        // a cluster of its own: it adds no word after a letter, and the rules
                        // started from it end the cluster where they would from its start (a
                        // consonant leaves them in their first state). Any other char after
                        // it but a space may be a consonant joining it: the rules tell. The
                        // rest of the run is taken here, so that the loop above tests nothing
                        // more for the linkers it never meets.
                        next += after_len;
                        loop {
                            let Some((after, after_len)) = Self::char_after(text, next) else {
                                break 'clusters next;
                            };
                            if RUN[usize::from(after.0)] & run != 0 || after.linker() {
                                if after.0 & (super::PLAIN_MARK | super::LINKER) == 0 {
                                    (i, codes) = (next, run_codes);
                                }
                                next += after_len;
                                continue;
                            }
                            if after.0 & AFTER_LINKER == 0 || text.as_bytes()[next] == b'\n' {
                                (i, len, char) = (next, after_len, after);
                                continue 'clusters;
                            }
                            break 'rules crate::unicode::graphemes::cluster_end(text, i);
                        }
                    }
                    if !(char.base() && after.plain_mark()) {
                        break 'rules crate::unicode::graphemes::cluster_end(text, i);
                    }
                    next += after_len;
                }
            };
            // The char after a cluster the rules ended starts the next one, here rather than
            // on a return and a new call: a conjunct or a Hangul syllable is no reason to
            // leave the run.
            let Some((after, after_len)) = Self::char_after(text, ruled) else {
                break 'clusters ruled;
            };
            (i, len, char) = (ruled, after_len, after);
        };
        *self = Counter::from_codes(words, codes);
        end
    }

    /// The char at byte `at` (a char boundary), to go on with the clusters of
    /// [`Counter::others`]; `None` at the end of the text, and where eight ASCII bytes begin,
    /// which the chunk steps take (no ASCII char joins the char before it: `\n` does after
    /// `\r`, whose `joins_next` is set).
    #[inline(always)]
    fn char_after(text: &str, at: usize) -> Option<(Char, usize)> {
        let bytes = text.as_bytes();
        if let Some(after) = Char::multibyte_at(bytes, at) {
            return Some(after);
        }
        let &b = bytes.get(at)?;
        if b >= 0x80 {
            return Some(Char::at(text, at));
        }
        if at + 8 <= bytes.len() && word_at(bytes, at) & HIGH == 0 {
            return None;
        }
        // An ASCII char (the space between two words of another script): its code is its byte.
        Some((Char::of(char::from(b)), 1))
    }

    /// [`Counter::push`] for the run of ASCII chunks from `bytes[i]` on (each followed by ASCII
    /// or the end), a lane per byte; returns where the run ends (`i` when there is none).
    ///
    /// The chunk's classes come from range tests, and "the cluster before" is its neighbour
    /// lane ([`Lanes::one_before`]), so what a chunk hands the next stays in lanes for the whole
    /// run, crossing to and from the counter's `u64` form only at its ends: with wasm SIMD,
    /// converting at every chunk was most of the cost. Joiners are rare between two letters, so
    /// they are first looked for with one range test over [`JOINER_SPAN`] (a superset); only a
    /// chunk where that finds a letter–mark–letter runs the exact tests (and the digits-only
    /// rule of `,`), which read the chunk before through its last byte.
    #[inline(always)]
    fn run<V: Lanes>(&mut self, bytes: &[u8], mut i: usize) -> usize {
        let (mut letter_before, mut digit_before) =
            (V::from_last(self.letter), V::from_last(self.digit));
        let mut span_before = V::from_last(self.joiner);
        // The chunk before's last byte, once there is one; whether it is a joiner (or `,`) is
        // worked out only where a chunk or the run's end needs it.
        let mut byte_before: Option<u8> = None;
        let last = |counter: &Counter, byte: Option<u8>| match byte {
            Some(b) => (JOINER_BYTES.last(b), COMMA_BYTES.last(b)),
            None => (counter.joiner, counter.comma),
        };
        let start = i;
        while let Some(chunk) = V::load(bytes, i) {
            let digit = chunk.in_range(DIGITS[0]);
            let letter = digit.or(chunk.with_bits(0x20).in_range(LETTERS_FOLDED));
            let span = chunk.in_range(JOINER_SPAN);
            let starts = letter.and_not(V::one_before(letter_before, letter));
            let mut joined = starts
                .and(V::one_before(span_before, span))
                .and(V::two_before(letter_before, letter));
            if joined.any() {
                let (joiner_last, comma_last) = last(self, byte_before);
                let comma = chunk.in_range(COMMAS[0]);
                let joiner = chunk.in_range(JOINERS[0]).or(chunk.in_range(JOINERS[1]));
                let digits = V::two_before(digit_before, digit).and(digit);
                joined = joined.and(V::one_before(V::from_last(joiner_last), joiner));
                joined =
                    joined.and_not(V::one_before(V::from_last(comma_last), comma).and_not(digits));
            }
            self.words += starts.and_not(joined).count() as usize;
            (letter_before, digit_before, span_before) = (letter, digit, span);
            byte_before = Some(chunk.last_byte());
            i += V::WIDTH;
        }
        if i > start {
            let (joiner_last, comma_last) = last(self, byte_before);
            (self.letter, self.digit, self.joiner, self.comma) =
                (letter_before.last(), digit_before.last(), joiner_last, comma_last);
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_come_from_the_table() {
        assert_eq!(DIGITS, [(b'0', b'9')]);
        assert_eq!(LETTERS, [(b'A', b'Z'), (b'a', b'z')]);
        assert_eq!(LETTERS_FOLDED, (b'a', b'z'));
        assert_eq!(JOINERS, [(b'\'', b'\''), (b',', b'.')]);
        assert_eq!(COMMAS, [(b',', b',')]);
        assert_eq!(JOINER_SPAN, (b'\'', b'.'));
    }

    #[test]
    fn counts_words_as_the_tokenizer_does() {
        for text in [
            "Biden’s “linguistic intemperance” — 日本 1,000 don't",
            // Line feeds after other chars and their marks, and after a carriage return.
            "日本\n語\r\nсвобода\r\n\nе\u{301}\nक्ष\n한\n\u{200d}\n",
            // Indic conjuncts: a virama inside words, before a zero-width joiner or non-joiner,
            // after a letter, digit or space that is no consonant, and at a word's end.
            "क्षत्रिय संस्कृत, मनुष्य। സ്വാതന്ത്ര്യം ᨣ᩠ᨠ ꦱ꧀ꦮ ক্ষ ਸ੍ਰ",
            "क्\u{200d}ष क्\u{200c}ष a्क ७्क 7्क .्क \u{a0}्क क्7 क्, क्- क्\u{301}ष \u{94d}क क्",
            // Conjuncts of scripts written without spaces: each cluster is a word.
            "ស្វាតន្ត្រ လွတ်လပ်ခွင့် ក្ក ក្ ្ក",
            // A consonant of a script without spaces after a Devanagari one and a linker.
            "क\u{1039}က क्က",
            // Hangul: syllables in a row, syllables and jamo, jamo alone.
            "모든 인간은 태어날 때부터\u{1100}\u{1161}\u{11a8}각\u{11a8}가\u{1161}\u{1100}한",
            // Emoji sequences, Thai, combining marks.
            "👨\u{200d}👩\u{200d}👧 👍🏽 \u{1f1fa}\u{1f1e6} a\u{200d}b มนุษย์ทั้งหลาย e\u{301}\u{308}t",
        ] {
            let words = super::super::tests::words(text).len();
            assert_eq!(counts(text), [words, words], "{text:?}");
            assert_eq!(count_words(text), words, "{text:?}");
        }
    }
}
