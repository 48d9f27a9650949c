//! Typographic folding: which characters count as the same for matching and for deciding that a
//! change is cosmetic.
//!
//! Folding never changes the text carried in the model; it only produces comparison keys.
//!
//! * quotes and apostrophes: `‘ ’ ‚ ‛ ′ ʼ` → `'`, `“ ” „ ‟ ″ « »` → `"`
//! * dashes and hyphens: `‐ ‑ ‒ – — ― − ⁃` → `-` (runs of dashes collapse in [`fold_text`])
//! * `…` → `...`
//! * every Unicode whitespace (no-break and thin spaces included) → one space per run
//! * letter case, when the caller asks ([`Fold::ignore_case`])

/// What to fold besides typography.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Fold {
    /// Compare letters case-insensitively.
    pub ignore_case: bool,
    /// Drop whitespace entirely in [`fold_text`] (so adding a space between words is cosmetic).
    pub ignore_whitespace: bool,
}

/// The typographic class of one character, or `None` when it folds to itself.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => {
            Some('"')
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
        | '\u{2043}' => Some('-'),
        _ => None,
    }
}

/// Appends the comparison key of `text` (one token) to `out`.
///
/// Whitespace tokens all get the key `" "`: the amount and kind of whitespace never decides a
/// match, which is what makes a paragraph break inside a sentence cosmetic.
pub(crate) fn fold_token_into(text: &str, fold: Fold, out: &mut String) {
    if text.chars().next().is_some_and(char::is_whitespace) {
        out.push(' ');
        return;
    }
    for c in text.chars() {
        if c == '\u{2026}' {
            out.push_str("...");
        } else if let Some(f) = fold_char(c) {
            // A run of dashes folds to one (`--` and `—` are the same mark).
            if !(f == '-' && out.ends_with('-')) {
                out.push(f);
            }
        } else if c == '-' {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else if fold.ignore_case {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
}

/// Whether `text` needs [`fold_token_into`] at all: plain ASCII without upper case (when case is
/// ignored) is its own key, which keeps interning allocation-free on most English text.
#[inline]
pub(crate) fn is_own_key(text: &str, fold: Fold) -> bool {
    text.bytes().all(|b| b.is_ascii() && !(fold.ignore_case && b.is_ascii_uppercase()))
        && !text.starts_with(|c: char| c.is_ascii_whitespace() && c != ' ')
        && !(text.len() > 1 && text.starts_with(' '))
        && !text.as_bytes().windows(2).any(|w| w == b"--")
}

/// The folded form of a whole change, for deciding whether it is cosmetic: typography folded,
/// whitespace runs collapsed to one space (or dropped with [`Fold::ignore_whitespace`]), dash runs
/// collapsed to one dash.
pub(crate) fn fold_text(text: &str, fold: Fold) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    let mut last_dash = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !fold.ignore_whitespace && !last_space {
                out.push(' ');
            }
            last_space = true;
            last_dash = false;
            continue;
        }
        last_space = false;
        let f = fold_char(c).unwrap_or(c);
        if f == '-' {
            if !last_dash {
                out.push('-');
            }
            last_dash = true;
            continue;
        }
        last_dash = false;
        if f == '\u{2026}' {
            out.push_str("...");
        } else if fold.ignore_case {
            out.extend(f.to_lowercase());
        } else {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, fold: Fold) -> String {
        let mut out = String::new();
        fold_token_into(text, fold, &mut out);
        out
    }

    #[test]
    fn curly_and_straight_quotes_fold_together() {
        assert_eq!(key("\u{2019}", Fold::default()), "'");
        assert_eq!(key("\u{201C}", Fold::default()), "\"");
        assert_eq!(key("don\u{2019}t", Fold::default()), "don't");
    }

    #[test]
    fn dash_runs_share_one_key() {
        assert_eq!(key("--", Fold::default()), "-");
        assert_eq!(key("\u{2014}", Fold::default()), "-");
        assert_eq!(key("\u{2013}\u{2013}", Fold::default()), "-");
    }

    #[test]
    fn whitespace_tokens_share_one_key() {
        assert_eq!(key("\n\n", Fold::default()), " ");
        assert_eq!(key("\u{00A0}", Fold::default()), " ");
        assert_eq!(key("\t ", Fold::default()), " ");
    }

    #[test]
    fn case_folds_only_when_asked() {
        assert_eq!(key("Straße", Fold::default()), "Straße");
        assert_eq!(key("ÉTÉ", Fold { ignore_case: true, ..Fold::default() }), "été");
    }

    #[test]
    fn own_key_fast_path_agrees_with_folding() {
        for (text, fold) in [
            ("word", Fold::default()),
            ("Word", Fold::default()),
            (" ", Fold::default()),
            ("Word", Fold { ignore_case: true, ..Fold::default() }),
            ("  ", Fold::default()),
            ("\n", Fold::default()),
            ("caf\u{e9}", Fold::default()),
        ] {
            if is_own_key(text, fold) {
                assert_eq!(key(text, fold), text, "{text:?}");
            }
        }
    }

    #[test]
    fn dashes_and_whitespace_runs_fold_in_text() {
        assert_eq!(fold_text("a \u{2014} b", Fold::default()), fold_text("a -- b", Fold::default()));
        assert_eq!(fold_text("for\n\nconsultations", Fold::default()), "for consultations");
        let ws = Fold { ignore_whitespace: true, ..Fold::default() };
        assert_eq!(fold_text("foo bar", ws), fold_text("foobar", ws));
        assert_ne!(fold_text("foo bar", Fold::default()), fold_text("foobar", Fold::default()));
    }
}
