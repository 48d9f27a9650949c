//! Tokenizer: words, whitespace runs and punctuation, by Unicode rules.
//!
//! * A **word** is a run of letters and digits (Unicode `Alphabetic`/`Numeric`, combining marks
//!   included, because the scanner walks grapheme clusters). An apostrophe or hyphen between two
//!   word characters stays inside the word (`don't`, `don’t`, `well-known`), as does a full stop
//!   between two word characters (`U.S`, `3.14`) and a comma between two digits (`1,000`).
//! * Each CJK ideograph, kana, Hangul syllable and Thai/Lao/Khmer/Myanmar cluster is a word of
//!   its own: those scripts do not separate words with spaces, so one cluster is the finest
//!   unit a reader can see change.
//! * A **whitespace** token is a maximal run of Unicode whitespace, line breaks included.
//! * Everything else (punctuation, symbols, emoji) is one token per grapheme cluster, so a ZWJ
//!   emoji sequence, a flag or a letter with combining accents is never split.
//!
//! The tokens tile the input: their concatenation is the input, byte for byte (CRLF, BOM, NUL
//! and tabs included).
//!
//! Cost: one pass, O(n). ASCII takes a byte-at-a-time fast path; other text asks
//! `unicode-segmentation` for grapheme boundaries.

use unicode_segmentation::GraphemeCursor;

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
        &text[self.start as usize..self.end as usize]
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
pub(crate) fn count_words(text: &str) -> usize {
    let mut words = 0;
    scan(text, |_, _, kind| words += usize::from(kind == TokenKind::Word));
    words
}

/// The one scanner behind [`tokenize`] and [`count_words`].
fn scan(text: &str, mut emit: impl FnMut(usize, usize, TokenKind)) {
    let len = text.len();
    let mut i = 0;
    while i < len {
        let (end, class) = cluster(text, i);
        match class {
            Class::Space => {
                let mut e = end;
                while e < len {
                    let (next, c) = cluster(text, e);
                    if c != Class::Space {
                        break;
                    }
                    e = next;
                }
                emit(i, e, TokenKind::Space);
                i = e;
            }
            Class::Letter { digit } => {
                let mut e = end;
                let mut last_digit = digit;
                while e < len {
                    let (next, c) = cluster(text, e);
                    match c {
                        Class::Letter { digit } => {
                            last_digit = digit;
                            e = next;
                        }
                        Class::Joiner { digits_only } if next < len => {
                            // A joiner stays inside the word only with a word character after it.
                            match cluster(text, next) {
                                (after, Class::Letter { digit })
                                    if !digits_only || (last_digit && digit) =>
                                {
                                    last_digit = digit;
                                    e = after;
                                }
                                _ => break,
                            }
                        }
                        _ => break,
                    }
                }
                emit(i, e, TokenKind::Word);
                i = e;
            }
            Class::Single => {
                emit(i, end, TokenKind::Word);
                i = end;
            }
            Class::Joiner { .. } | Class::Other => {
                emit(i, end, TokenKind::Punct);
                i = end;
            }
        }
    }
}

/// The grapheme cluster starting at byte `i` (its end) and its class.
#[inline]
fn cluster(text: &str, i: usize) -> (usize, Class) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    // ASCII followed by ASCII (or the end) is a whole cluster, CR LF aside; a combining mark
    // after an ASCII letter sends us to the slow path.
    if b < 0x80 && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
        let end = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        let class = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            b'0'..=b'9' => Class::Letter { digit: true },
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter { digit: false },
            b'\'' | b'-' | b'.' => Class::Joiner { digits_only: false },
            b',' => Class::Joiner { digits_only: true },
            _ => Class::Other,
        };
        return (end, class);
    }
    let mut cursor = GraphemeCursor::new(i, text.len(), true);
    let end = match cursor.next_boundary(text, 0) {
        Ok(Some(end)) => end,
        // The whole text is one chunk, so the cursor cannot ask for more; fall back to the
        // next char boundary rather than trust that.
        _ => i + text[i..].chars().next().map_or(1, char::len_utf8),
    };
    // `i` is a char boundary: every caller starts at 0 or at a previous cluster's end.
    let c = text[i..].chars().next().unwrap_or(' ');
    (end, classify(c))
}

fn classify(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if is_single_script(c) {
        Class::Single
    } else if c.is_alphanumeric() {
        Class::Letter { digit: c.is_numeric() }
    } else if matches!(c, '\'' | '-' | '.' | '\u{2019}' | '\u{02BC}' | '\u{2010}' | '\u{2011}') {
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
    fn whitespace_runs_are_one_token() {
        assert_eq!(toks("a \r\n\n\u{a0}b")[1], (" \r\n\n\u{a0}", TokenKind::Space));
    }

    #[test]
    fn rtl_and_cyrillic_words() {
        assert_eq!(words("שלום עולם Привет"), ["שלום", "עולם", "Привет"]);
    }

    #[test]
    fn count_words_matches_tokenize() {
        let text = "Biden’s “linguistic intemperance” — 日本 1,000 don't";
        assert_eq!(count_words(text), words(text).len());
    }

    #[test]
    fn empty_input_has_no_tokens() {
        assert!(toks("").is_empty());
    }
}
