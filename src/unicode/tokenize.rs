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
//! once per char and remembered ([`crate::unicode::char_memo`]), and only a char that may join its neighbour
//! asks [`crate::unicode::graphemes`] for the cluster's end.

mod count;
mod lanes;

pub(crate) use count::count_words;

use crate::unicode::char_memo::CharMemo;

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
        crate::unicode::text::slice(text, self.start as usize..self.end as usize)
    }
}

/// How one grapheme cluster behaves in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    /// Letters/digits that join neighbours into one word.
    Letter {
        digit: bool,
    },
    /// A script without spaces: one cluster, one word.
    Single,
    /// Can join two letter runs (`'`, `’`, `-`, `.`), or two digit runs (`,`).
    Joiner {
        digits_only: bool,
    },
    Other,
}

/// Cuts `text` into tokens, appending to `out` (cleared first). Offsets are relative to `text`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    scan(text, |start, end, kind| out.push(Token { start: start as u32, end: end as u32, kind }));
}

/// Classes of ASCII bytes, as [`classify`] gives them (a test checks it): the one statement of
/// the ASCII word rules, which the fast paths of the scanner and every step of the word
/// counter ([`count`]) read or derive their masks from.
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

/// The scanner behind [`tokenize`]. It looks one cluster ahead and
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
                    e = skip_ascii(bytes, e, |class| class == Class::Space);
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
                    let skipped =
                        skip_ascii(bytes, e, |class| matches!(class, Class::Letter { .. }));
                    if skipped > e {
                        last_digit = ASCII_CLASS[usize::from(bytes[skipped - 1])]
                            == Class::Letter { digit: true };
                        e = skipped;
                    }
                    match peek(e) {
                        Some((after, Class::Letter { digit })) => {
                            last_digit = digit;
                            e = after;
                        }
                        // A joiner stays inside the word only with a word character after it.
                        Some((after, Class::Joiner { digits_only })) => match peek(after) {
                            Some((word_end, Class::Letter { digit }))
                                if !digits_only || (last_digit && digit) =>
                            {
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
        0xE2 => matches!(
            crate::unicode::text::from(text, i).chars().next(),
            Some('\u{2010}'..='\u{2015}' | '\u{2212}')
        ),
        _ => false,
    }
}

/// Skips ASCII bytes whose class passes `keep` from `i`, each followed by ASCII (or the end):
/// the clusters the fast path of [`cluster`] would return one by one (CR LF as two, which
/// changes no token: both are spaces).
#[inline]
fn skip_ascii(bytes: &[u8], mut i: usize, keep: impl Fn(Class) -> bool) -> usize {
    while i < bytes.len()
        && bytes[i] < 0x80
        && keep(ASCII_CLASS[usize::from(bytes[i])])
        && bytes.get(i + 1).is_none_or(|&n| n < 0x80)
    {
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
    let (c, len) = crate::unicode::text::char_at(text, i);
    let char = Char::of(c);
    // Most text has few combining marks: when neither char can join the other, the cluster is
    // one char and the (slower) grapheme rules need not run.
    let alone = !char.joins_next()
        && (i + len == bytes.len()
            || !Char::of(crate::unicode::text::char_at(text, i + len).0).joins_previous());
    let end = if alone { i + len } else { crate::unicode::graphemes::cluster_end(text, i) };
    (end, char.class())
}

/// What the tokenizer needs to know of a char, worked out once per char ([`crate::unicode::char_memo`]):
/// its [`Class`] in the low three bits ([`Class::code`]), and whether it may join the char
/// after it (`JOINS_NEXT`) or before it (`JOINS_PREVIOUS`) in a grapheme cluster
/// ([`crate::unicode::graphemes::joining`]), whether it takes or is a plain combining mark
/// (`BASE`, `PLAIN_MARK`), and whether it is an Indic conjunct linker (`LINKER`:
/// [`crate::unicode::graphemes::plain_marks`] for the three). `char::is_alphanumeric`, `char::is_numeric` and the
/// grapheme tables search Unicode tables at every call, which made text in scripts other than
/// Latin many times slower to count (docs/performance.md).
#[derive(Clone, Copy)]
struct Char(u8);

/// Every [`Char`] met so far.
static KNOWN_CHARS: CharMemo = CharMemo::new();

const JOINS_NEXT: u8 = 0x08;
const JOINS_PREVIOUS: u8 = 0x10;
const BASE: u8 = 0x20;
const PLAIN_MARK: u8 = 0x40;
const LINKER: u8 = 0x80;

impl Char {
    #[inline]
    fn of(c: char) -> Char {
        Char(KNOWN_CHARS.get(c, Char::work_out))
    }

    /// The char that starts at byte `i` of `text` (a char boundary), and its length in bytes:
    /// [`crate::unicode::text::char_at`] and [`Char::of`] without making a `char` on the way.
    #[inline(always)]
    fn at(text: &str, i: usize) -> (Char, usize) {
        let (code, len) = crate::unicode::text::code_at(text, i);
        (Char(KNOWN_CHARS.get_code(code, Char::work_out)), len)
    }

    /// [`Char::at`] for a char of two or three bytes with three bytes after its first: read
    /// in one load, without a bounds check per byte. `None` for any other char (ASCII, four
    /// bytes) and near the end of the text, which [`Char::at`] takes.
    #[inline(always)]
    fn multibyte_at(bytes: &[u8], i: usize) -> Option<(Char, usize)> {
        let w = u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?);
        let (code, len) = match w as u8 {
            0xC0..=0xDF => ((w & 0x1F) << 6 | (w >> 8 & 0x3F), 2),
            0xE0..=0xEF => ((w & 0x0F) << 12 | (w >> 2 & 0xFC0) | (w >> 16 & 0x3F), 3),
            _ => return None,
        };
        Some((Char(KNOWN_CHARS.get_code(code, Char::work_out)), len))
    }

    fn work_out(c: char) -> u8 {
        let (next, previous) = crate::unicode::graphemes::joining(c);
        let (base, plain, linker) = crate::unicode::graphemes::plain_marks(c);
        classify(c).code()
            | if next { JOINS_NEXT } else { 0 }
            | if previous { JOINS_PREVIOUS } else { 0 }
            | if base { BASE } else { 0 }
            | if plain { PLAIN_MARK } else { 0 }
            | if linker { LINKER } else { 0 }
    }

    /// A plain mark after this char joins it ([`crate::unicode::graphemes::plain_marks`]).
    #[inline]
    fn base(self) -> bool {
        self.0 & BASE != 0
    }

    /// A mark that only joins the char before it ([`crate::unicode::graphemes::plain_marks`]).
    #[inline]
    fn plain_mark(self) -> bool {
        self.0 & PLAIN_MARK != 0
    }

    /// An Indic conjunct linker ([`crate::unicode::graphemes::plain_marks`]).
    #[inline]
    fn linker(self) -> bool {
        self.0 & LINKER != 0
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
    const fn from_code(code: u8) -> Class {
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
            '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' => {
                Class::Space
            }
            '\u{2019}' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {
                Class::Joiner { digits_only: false }
            }
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

    pub(super) fn words(text: &str) -> Vec<&str> {
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
            let text = c.to_string();
            for known in [Char::of(c), Char::of(c), Char::at(&text, 0).0] {
                assert_eq!(known.class(), classify(c), "{c:?}");
                assert_eq!(
                    (known.joins_next(), known.joins_previous()),
                    crate::unicode::graphemes::joining(c),
                    "{c:?}"
                );
                assert_eq!(
                    (known.base(), known.plain_mark(), known.linker()),
                    crate::unicode::graphemes::plain_marks(c),
                    "{c:?}"
                );
                // The word counter steps over a linker in a run, takes a consonant after it
                // that continues a run of letters for a cluster of its own and sends any other
                // char but a space to the grapheme rules: that a consonant is a letter or of a
                // script without spaces (which makes no runs) keeps its count exact.
                if crate::unicode::graphemes::conjunct_consonant(c) {
                    assert!(
                        matches!(known.class(), Class::Letter { digit: false } | Class::Single),
                        "{c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_ascii_table_is_classify() {
        for b in 0..128u8 {
            assert_eq!(ASCII_CLASS[usize::from(b)], classify(char::from(b)), "{b:#04x}");
        }
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
                                Some(&(_, e, Class::Letter { digit }))
                                    if !digits_only || (last_digit && digit) =>
                                {
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
                "\u{1F1E6}", "é", "ß", "Ж", "ω", "日", "の", "한", "\u{AC00}", "\u{1100}", "\u{1161}", "\u{11A8}",
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
            proptest::prop_assert_eq!(count::counts(&text), [words, words]);
        }
    }

    proptest::proptest! {
        /// Long ASCII stretches, so eight-byte chunks and sixteen lanes meet every class at every
        /// position and at the chunk edges, with a few non-ASCII clusters between them.
        #[test]
        fn word_counts_agree_over_long_ascii_runs(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "0", "a", "b", "9", " ", " ", "\n", "'", "-", ".", ",", ",", "!", "\r\n",
                "\u{2019}", "\u{301}", "é", "日", "\u{200D}", "(", ")", "*", "+", "&", "/", "@", "[", "`", "{",
                ":",
            ]), 0..200).prop_map(|parts: Vec<&'static str>| -> String { parts.concat() })
        ) {
            let words = reference(&text).iter().filter(|t| t.2 == TokenKind::Word).count();
            proptest::prop_assert_eq!(count::counts(&text), [words, words]);
        }
    }

    proptest::proptest! {
        /// Indic conjuncts, Hangul syllables and jamo and emoji sequences among the clusters
        /// around them, where the word counter steps over the grapheme rules: its count is the
        /// tokenizer's (whose clusters are the rules', which approximate one property of
        /// Unicode's, so it is not compared with `unicode-segmentation` here).
        #[test]
        fn word_counts_agree_around_conjuncts_and_syllables(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "\u{915}", "\u{937}", "\u{94D}", "\u{94D}", "\u{93F}", "\u{941}", "\u{902}", "\u{967}",
                "\u{D15}", "\u{D4D}", "\u{D3E}", "\u{1A20}", "\u{1A60}", "\u{1780}", "\u{17D2}",
                "\u{17B6}", "\u{1000}", "\u{1039}", "\u{102C}", "\u{AC00}", "\u{AC01}", "\u{D55C}",
                "\u{1100}", "\u{1161}", "\u{11A8}", "\u{200D}", "\u{200C}", "\u{301}", "\u{1F468}",
                "\u{2764}", "\u{E01}", "\u{E31}", "\u{600}", "a", "7", " ", "\u{a0}", "\n", "\r", ".",
                ",", "-", "!", "\u{2019}",
            ]), 0..40).prop_map(|parts: Vec<&'static str>| -> String { parts.concat() })
        ) {
            let words = words(&text).len();
            proptest::prop_assert_eq!(count::counts(&text), [words, words]);
        }
    }

    #[test]
    fn empty_input_has_no_tokens() {
        assert!(toks("").is_empty());
    }
}
