//! HTML character references (`&amp;`, `&#8217;`, `&#x1F600;`), decoded as the WHATWG tokenizer
//! decodes them: the longest name in the full named table ([`super::entities`], 2,231 names)
//! wins, the 106 legacy names match without their `;` (`&copy2024` is "©2024"), and in an
//! attribute value a legacy match followed by `=` or a letter or digit stays literal
//! (`?a=1&copy=2` keeps its `&copy`). Numeric references that name no character (zero, past
//! U+10FFFF, a surrogate) become U+FFFD; `&#128;`–`&#159;` are read as Windows-1252, as browsers do.
//!
//! Cost: a named reference is one binary search over the sorted names, then a scan of at most
//! 31 prefixes for a legacy match.

use super::entities::{ENDS, NAMES, SECOND, VALUES};

/// A decoded reference: how many bytes of input it took (from the `&`) and its one or two chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) len: usize,
    pub(crate) chars: [char; 2],
    pub(crate) count: u8,
}

impl Decoded {
    fn one(len: usize, c: char) -> Decoded {
        Decoded { len, chars: [c, '\0'], count: 1 }
    }

    /// Appends the decoded chars to `out`.
    pub(crate) fn push_to(&self, out: &mut String) {
        for &c in &self.chars[..self.count as usize] {
            out.push(c);
        }
    }
}

/// The longest name without its `;` (`CounterClockwiseContourIntegral`).
const LONGEST_NAME: usize = 31;

/// Reads the reference at the start of `input` (which begins with `&`). `None` means the `&`
/// is a literal ampersand.
pub(crate) fn decode(input: &str, in_attribute: bool) -> Option<Decoded> {
    let bytes = input.as_bytes();
    debug_assert_eq!(bytes.first(), Some(&b'&'));
    match bytes.get(1) {
        Some(b'#') => numeric(bytes),
        Some(c) if c.is_ascii_alphanumeric() => named(bytes, in_attribute),
        _ => None,
    }
}

fn numeric(bytes: &[u8]) -> Option<Decoded> {
    let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
    let digits_at = if hex { 3 } else { 2 };
    let mut at = digits_at;
    let mut value: u32 = 0;
    while let Some(&c) = bytes.get(at) {
        let digit = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'a'..=b'f' if hex => u32::from(c - b'a' + 10),
            b'A'..=b'F' if hex => u32::from(c - b'A' + 10),
            _ => break,
        };
        // Saturates past U+10FFFF: the value only has to stay "too large".
        value =
            value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(digit).min(0x11_0000);
        at += 1;
    }
    if at == digits_at {
        return None;
    }
    if bytes.get(at) == Some(&b';') {
        at += 1;
    }
    Some(Decoded::one(at, code_point(value)))
}

/// The char a numeric reference stands for (the "numeric character reference end state").
fn code_point(value: u32) -> char {
    const WINDOWS_1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => u32::from(WINDOWS_1252[(value - 0x80) as usize]),
        _ => value,
    };
    // Zero, surrogates and values past U+10FFFF are all `None` here.
    char::from_u32(value).filter(|&c| c != '\0').unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn named(bytes: &[u8], in_attribute: bool) -> Option<Decoded> {
    let run =
        bytes[1..].iter().take(LONGEST_NAME + 1).take_while(|c| c.is_ascii_alphanumeric()).count();
    let name = &bytes[1..1 + run];
    if bytes.get(1 + run) == Some(&b';') {
        if let Some(i) = find(name) {
            return Some(value(i, 2 + run));
        }
    }
    // The longest legacy name that is a prefix of the run.
    for len in (2..=run.min(LONGEST_NAME)).rev() {
        let Some(i) = find(&name[..len]) else { continue };
        if VALUES[i] >> 31 == 0 {
            continue;
        }
        let next = bytes.get(1 + len).copied();
        if in_attribute && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
            return None;
        }
        return Some(value(i, 1 + len));
    }
    None
}

fn name_at(i: usize) -> &'static [u8] {
    let start = if i == 0 { 0 } else { usize::from(ENDS[i - 1]) };
    &NAMES.as_bytes()[start..usize::from(ENDS[i])]
}

fn find(name: &[u8]) -> Option<usize> {
    let (mut lo, mut hi) = (0, ENDS.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match name_at(mid).cmp(name) {
            core::cmp::Ordering::Less => lo = mid + 1,
            core::cmp::Ordering::Greater => hi = mid,
            core::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

fn value(i: usize, len: usize) -> Decoded {
    let word = VALUES[i];
    // The generator checked that every value is a valid code point.
    let first = char::from_u32(word & 0x1F_FFFF).unwrap_or(char::REPLACEMENT_CHARACTER);
    let second = (word >> 21) & 0xF;
    if second == 0 {
        Decoded::one(len, first)
    } else {
        let c = char::from_u32(SECOND[second as usize]).unwrap_or(char::REPLACEMENT_CHARACTER);
        Decoded { len, chars: [first, c], count: 2 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str, attr: bool) -> Option<(usize, String)> {
        decode(input, attr).map(|d| {
            let mut s = String::new();
            d.push_to(&mut s);
            (d.len, s)
        })
    }

    #[test]
    fn named_with_semicolon() {
        assert_eq!(text("&amp;x", false), Some((5, "&".into())));
        assert_eq!(text("&nbsp;", false), Some((6, "\u{a0}".into())));
        assert_eq!(text("&CounterClockwiseContourIntegral;", false), Some((33, "∳".into())));
        assert_eq!(text("&rsquo;", false), Some((7, "’".into())));
    }

    #[test]
    fn two_code_points() {
        assert_eq!(text("&NotEqualTilde;", false), Some((15, "≂\u{338}".into())));
        assert_eq!(text("&fjlig;", false), Some((7, "fj".into())));
    }

    #[test]
    fn legacy_names_match_without_semicolon() {
        assert_eq!(text("&copy2024", false), Some((5, "©".into())));
        assert_eq!(text("&notit;", false), Some((4, "¬".into())));
        assert_eq!(text("&amp", false), Some((4, "&".into())));
    }

    #[test]
    fn non_legacy_names_need_their_semicolon() {
        assert_eq!(text("&rsquo", false), None);
        assert_eq!(text("&hellip ", false), None);
    }

    #[test]
    fn attribute_values_keep_legacy_names_before_equals_or_alphanumerics() {
        assert_eq!(text("&copy=2", true), None);
        assert_eq!(text("&copyx", true), None);
        assert_eq!(text("&copy;x", true), Some((6, "©".into())));
        assert_eq!(text("&copy x", true), Some((5, "©".into())));
    }

    #[test]
    fn unknown_names_and_bare_ampersands_are_literal() {
        assert_eq!(text("&foo;", false), None);
        assert_eq!(text("& b", false), None);
        assert_eq!(text("&", false), None);
        assert_eq!(text("&#;", false), None);
        assert_eq!(text("&#x;", false), None);
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("&#8217;", false), Some((7, "’".into())));
        assert_eq!(text("&#x2019;", false), Some((8, "’".into())));
        assert_eq!(text("&#X41", false), Some((5, "A".into())));
        assert_eq!(text("&#65x", false), Some((4, "A".into())));
    }

    #[test]
    fn numeric_references_to_no_character_become_replacement() {
        for input in ["&#x110000;", "&#0;", "&#xD800;", "&#xDFFF;", "&#99999999999999999999;"] {
            assert_eq!(text(input, false).map(|t| t.1), Some("\u{FFFD}".into()), "{input}");
        }
    }

    #[test]
    fn c1_references_are_windows_1252() {
        assert_eq!(text("&#150;", false).map(|t| t.1), Some("–".into()));
        assert_eq!(text("&#x80;", false).map(|t| t.1), Some("€".into()));
        assert_eq!(text("&#x81;", false).map(|t| t.1), Some("\u{81}".into()));
    }

    #[test]
    fn every_name_round_trips() {
        for i in 0..ENDS.len() {
            let name = core::str::from_utf8(name_at(i)).unwrap();
            assert!(decode(&format!("&{name};"), false).is_some(), "{name}");
            if i > 0 {
                assert!(name_at(i - 1) < name_at(i), "names are sorted");
            }
        }
    }
}
