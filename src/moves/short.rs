//! Short paragraphs as moves: headings, list items, captions and symbol lines, which have fewer
//! than [`MIN_MOVE_WORDS`] words (or none) and so too few for word similarity to be evidence.
//!
//! A paragraph's **identity** is its text under the call's folds (`normalize::fold_text`:
//! typography and whitespace amount always, case and whitespace when the options say so)
//! without leading or trailing whitespace: `“Summit”` and `"Summit"` are one text, and so are
//! `* * *` with and without a trailing space.
//!
//! 1. **Unchanged**: a short paragraph whose identity occurs exactly once in the old text and
//!    once in the new one, both unpaired, moved: similarity 1. Boilerplate that recurs
//!    (`* * *`, `Advertisement`, a bullet glyph) occurs more than once and never moves.
//! 2. **Edited**: a short paragraph whose identity occurs once in its own text and nowhere in
//!    the other moves to the one such paragraph on the other side whose letters match its own
//!    by at least [`MIN_LETTER_SIMILARITY`] (or the move threshold, if higher), when neither has
//!    another such match: `"Michgrig",` → `"Michgrigg",` (0.94), `★★★★☆` → `★★★☆☆` (0.8).
//!    Letters are the chars of its folded words, or of its symbols when it has no word, taken
//!    as a multiset (VS Code's moved-block check compares character histograms the same way):
//!    similarity is their Dice coefficient. A paragraph with two look-alikes (`Section 2`
//!    against `Section 3` and `Section 4`) has a coincidence, not evidence: it stays deleted.
//!
//! Cost: identities are computed only when both sides have an unpaired short paragraph, in one
//! pass over all paragraphs (a word count each, of a long one's first [`PREFIX`] bytes, then the
//! folded text of the short ones); a new paragraph the alignment paired with an identical old
//! one takes that one's identity. At most [`MAX_LETTER_PAIRS`] pairs are compared by letters,
//! each in O(letters).

use super::FoundMove;
use crate::align::Unit;
use crate::call::Ctx;
use crate::intern::TokenId;
use crate::paragraphs::side::{sort_ids, Side};
use crate::paragraphs::similarity::dice;
use crate::paragraphs::MIN_MOVE_WORDS;
use crate::unicode::fold::fold_text;
use crate::unicode::text::same;
use crate::unicode::tokenize::count_words;
use crate::words::{diff_cells, ClusterId};

/// Lowest letter similarity for an edited short paragraph to move: stricter than the word
/// threshold's default (0.7), because sharing letters is weaker evidence than sharing most of a
/// paragraph's words (`colour` → `color`: 0.91; `Summit` → `Summary`: 0.62).
pub(super) const MIN_LETTER_SIMILARITY: f64 = 0.8;
/// Most pairs of edited short paragraphs compared by letters. Past it (hundreds of short lines
/// gone on both sides, as between two unrelated lists) a letter match is as likely chance as an
/// edit, and comparing every pair would cost their product.
const MAX_LETTER_PAIRS: usize = 4096;
const NONE: usize = usize::MAX;

/// The identities of the short paragraphs of both texts as interned ids ([`NONE`] for longer
/// ones), and how many times each occurs in the old and in the new text.
pub(super) struct Keys {
    old: Vec<TokenId>,
    new: Vec<TokenId>,
    in_old: Vec<u32>,
    in_new: Vec<u32>,
}

impl Keys {
    /// The keys of every paragraph of `old` and `new`; `units` (any alignment of the two)
    /// says which new paragraphs may be unchanged old ones, whose identity is not computed
    /// twice.
    pub(super) fn of<'a>(
        old: &Side<'a>,
        new: &Side<'a>,
        units: &[Unit],
        ctx: &mut Ctx<'a>,
    ) -> Self {
        // The old paragraph each new one is an unchanged copy of, if a unit pairs them.
        let mut twin = vec![NONE; new.paragraphs.len()];
        for unit in units {
            if let Unit::Pair { old: o, new: n } = unit {
                if o.len() == 1 && n.len() == 1 && same(old.para(o.start), new.para(n.start)) {
                    twin[n.start] = o.start;
                }
            }
        }
        let (mut in_old, mut in_new) = (Vec::new(), Vec::new());
        let old_ids = identities(old, &[], &[], &mut in_old, ctx);
        let new_ids = identities(new, &twin, &old_ids, &mut in_new, ctx);
        Keys { old: old_ids, new: new_ids, in_old, in_new }
    }

    /// How many times identity `id` occurs in the old and in the new text.
    fn count(&self, id: TokenId) -> (u32, u32) {
        let at = |counts: &[u32]| counts.get(id.0 as usize).copied().unwrap_or(0);
        (at(&self.in_old), at(&self.in_new))
    }

    /// Whether old paragraph `i` is short and unique in both texts.
    pub(super) fn unique_old(&self, i: usize) -> bool {
        self.count(self.old[i]) == (1, 1)
    }
}

/// The identity of each paragraph of `side` ([`NONE`] for one of [`MIN_MOVE_WORDS`] words or
/// more), counted into `counts`; paragraph `i` with `twin[i] != NONE` has the text, hence the
/// identity, of the other side's paragraph `twin[i]`, whose identity is `twin_ids[twin[i]]`.
fn identities<'a>(
    side: &Side<'a>,
    twin: &[usize],
    twin_ids: &[TokenId],
    counts: &mut Vec<u32>,
    ctx: &mut Ctx<'a>,
) -> Vec<TokenId> {
    let mut out = Vec::with_capacity(side.paragraphs.len());
    for i in 0..side.paragraphs.len() {
        let text = side.para(i);
        let id = match twin.get(i) {
            Some(&t) if t != NONE => twin_ids[t],
            _ if is_short(text) => identity(text, ctx),
            _ => TokenId(NONE as u32),
        };
        if id != TokenId(NONE as u32) {
            if counts.len() <= id.0 as usize {
                counts.resize(id.0 as usize + 1, 0);
            }
            counts[id.0 as usize] += 1;
        }
        out.push(id);
    }
    out
}

/// Bytes of a paragraph whose words are counted first: most paragraphs of [`MIN_MOVE_WORDS`]
/// words or more have that many within them, and a long one is then not read to its end.
const PREFIX: usize = 64;

/// Whether `text` has fewer than [`MIN_MOVE_WORDS`] words. Whether a cluster starts a word
/// depends only on the clusters before it (`count_words`), so a prefix that ends between two
/// ASCII chars (a cluster boundary, CR LF aside) holds no word the whole text lacks: when it
/// has enough, the rest is not counted.
fn is_short(text: &str) -> bool {
    let b = text.as_bytes();
    let mut cut = PREFIX;
    while cut < b.len() && !(b[cut - 1] < 0x80 && b[cut] < 0x80 && b[cut - 1] != b'\r') {
        cut += 1;
    }
    (cut >= b.len() || count_words(crate::unicode::text::slice(text, 0..cut)) < MIN_MOVE_WORDS)
        && count_words(text) < MIN_MOVE_WORDS
}

/// The interned identity of a short paragraph: its text under the call's folds, without
/// leading or trailing whitespace. Plain ASCII that folding leaves as it is (single spaces, no
/// dash runs, no capitals when case is ignored, no space when whitespace is) is interned as
/// it stands, without building the folded copy.
fn identity<'a>(text: &str, ctx: &mut Ctx<'a>) -> TokenId {
    let fold = ctx.fold;
    // (Plain loops over bytes: `str::trim` and iterator adaptors add a few hundred bytes to
    // the wasm module.)
    let b = text.as_bytes();
    let space = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let (mut start, mut end) = (0, b.len());
    while start < end && space(b[start]) {
        start += 1;
    }
    while end > start && space(b[end - 1]) {
        end -= 1;
    }
    let mut k = start;
    while k < end {
        let (c, last) = (b[k], if k > start { b[k - 1] } else { 0 });
        let kept = match c {
            b' ' => !fold.ignore_whitespace && last != b' ',
            b'-' => last != b'-',
            b'A'..=b'Z' => !fold.ignore_case,
            _ => c.is_ascii_graphic(),
        };
        if !kept {
            break;
        }
        k += 1;
    }
    if k == end {
        return ctx.interner.intern_folded(crate::unicode::text::slice(text, start..end));
    }
    // Whitespace runs fold to one space, so trimming is one byte at each end.
    let folded = fold_text(text, fold);
    let b = folded.as_bytes();
    let start = usize::from(b.first() == Some(&b' '));
    let end = b.len() - usize::from(b.len() > start && b.last() == Some(&b' '));
    ctx.interner.intern_folded(crate::unicode::text::slice(&folded, start..end))
}

/// Moves among the unpaired short paragraphs `olds` and `news`.
pub(super) fn find<'a>(
    olds: &[usize],
    news: &[usize],
    keys: &Keys,
    old: &Side<'a>,
    new: &Side<'a>,
    threshold: f64,
    ctx: &mut Ctx<'a>,
) -> Vec<FoundMove> {
    let mut found = Vec::new();
    // Rule 1: unchanged and unique; the unpaired new paragraph of each identity.
    let mut new_at = vec![NONE; keys.in_new.len()];
    let mut edited_new = Vec::new();
    for &j in news {
        let id = keys.new[j];
        if let Some(at) = new_at.get_mut(id.0 as usize) {
            *at = j;
            if keys.count(id) == (0, 1) {
                edited_new.push(j);
            }
        }
    }
    let mut edited_old = Vec::new();
    for &i in olds {
        let id = keys.old[i];
        match keys.count(id) {
            (1, 1) => {
                let j = new_at[id.0 as usize];
                if j != NONE {
                    let words = diff_cells(old, &(i..i + 1), new, &(j..j + 1), ctx);
                    found.push(FoundMove { from: i, to: j, similarity: 1.0, words });
                }
            }
            (1, 0) => edited_old.push(i),
            _ => {}
        }
    }
    // Rule 2: edited, unique, and the only look-alike of its only look-alike.
    if edited_old.is_empty()
        || edited_new.is_empty()
        || edited_old.len() * edited_new.len() > MAX_LETTER_PAIRS
    {
        return found;
    }
    let min = threshold.max(MIN_LETTER_SIMILARITY);
    let (mut old_letters, mut new_letters) = (Vec::new(), Vec::new());
    for &i in &edited_old {
        old_letters.push(letters(old, i, ctx));
    }
    for &j in &edited_new {
        new_letters.push(letters(new, j, ctx));
    }
    // How many look-alikes each paragraph has, and each old one's last.
    let (mut old_matches, mut new_matches) =
        (vec![0u32; edited_old.len()], vec![0u32; edited_new.len()]);
    let mut last = vec![NONE; edited_old.len()];
    for (a, x) in old_letters.iter().enumerate() {
        for (b, y) in new_letters.iter().enumerate() {
            if dice(x, y) >= min {
                (old_matches[a], new_matches[b], last[a]) =
                    (old_matches[a] + 1, new_matches[b] + 1, b);
            }
        }
    }
    for (a, &b) in last.iter().enumerate() {
        if old_matches[a] == 1 && new_matches[b] == 1 {
            let (i, j) = (edited_old[a], edited_new[b]);
            let words = diff_cells(old, &(i..i + 1), new, &(j..j + 1), ctx);
            found.push(FoundMove {
                from: i,
                to: j,
                similarity: dice(&old_letters[a], &new_letters[b]),
                words,
            });
        }
    }
    found
}

/// The letters of paragraph `i` (profile filled), sorted: the chars of its folded words, or of
/// its symbols when it has no word. Each is the id of a one-char cluster.
fn letters(side: &Side<'_>, i: usize, ctx: &Ctx<'_>) -> Vec<ClusterId> {
    let mut out = Vec::new();
    for &id in side.profile_ref(i) {
        for c in ctx.interner.key(id).chars() {
            out.push(ClusterId::of_char(c));
        }
    }
    sort_ids(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::Deadline;
    use crate::unicode::fold::Fold;

    /// The keys of two one-paragraph-a-line texts, and the letters of each paragraph.
    fn run(
        old: &'static str,
        new: &'static str,
        fold: Fold,
    ) -> (Keys, Vec<Vec<ClusterId>>, Vec<Vec<ClusterId>>) {
        let mut ctx = Ctx::new(fold, Deadline::NEVER, true);
        let (mut o, mut n) = (Side::new(old), Side::new(new));
        o.ensure_profiles(0..o.paragraphs.len(), &mut ctx);
        n.ensure_profiles(0..n.paragraphs.len(), &mut ctx);
        let keys = Keys::of(&o, &n, &[], &mut ctx);
        // Identical paragraphs paired by units take their identities from the old side, as
        // they would have been computed.
        let units: Vec<Unit> = (0..o.paragraphs.len().min(n.paragraphs.len()))
            .map(|k| Unit::Pair { old: k..k + 1, new: k..k + 1 })
            .collect();
        let twinned = Keys::of(&o, &n, &units, &mut ctx);
        assert_eq!(
            (&twinned.old, &twinned.new, &twinned.in_old, &twinned.in_new),
            (&keys.old, &keys.new, &keys.in_old, &keys.in_new)
        );
        let ol = (0..o.paragraphs.len()).map(|i| letters(&o, i, &ctx)).collect();
        let nl = (0..n.paragraphs.len()).map(|j| letters(&n, j, &ctx)).collect();
        (keys, ol, nl)
    }

    #[test]
    fn identity_folds_typography_and_outer_whitespace() {
        let (keys, _, _) =
            run("“Summit”  talks \nSummit\nSummit", "\"Summit\" talks\nsummit", Fold::default());
        assert_eq!(keys.old[0], keys.new[0]);
        assert_eq!(keys.count(keys.old[0]), (1, 1));
        // "Summit" twice in the old text: not unique; "summit" differs by case.
        assert_eq!(keys.count(keys.old[1]), (2, 0));
        assert_eq!(keys.count(keys.new[1]), (0, 1));
        let (keys, _, _) =
            run("Summit\nSummit", "summit", Fold { ignore_case: true, ..Fold::default() });
        assert_eq!(keys.count(keys.new[0]), (2, 1));
    }

    /// Random texts over pieces that stress the word rules and the folds: letters and digits,
    /// joiners, spaces and other whitespace, dashes, capitals, CR LF, marks, emoji and a
    /// Prepend char that joins the ASCII letter after it into one cluster.
    fn random_texts(seed: u64) -> Vec<String> {
        const PIECES: &[&str] = &[
            "a",
            "Bc",
            "1",
            "2",
            ",",
            ".",
            "'",
            " ",
            "  ",
            "\t",
            "\r\n",
            "\n",
            "-",
            "--",
            "—",
            "“",
            "e\u{301}",
            "\u{600}",
            "\u{1F44D}",
            "\u{200D}",
            "中",
            "ß",
            "İ",
            "\u{A0}",
            "x y z",
        ];
        let mut rng = crate::paragraphs::side::rng::Rng(seed);
        (0..4000)
            .map(|_| {
                let n = rng.below(80);
                (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect::<String>()
            })
            .collect()
    }

    #[test]
    fn a_counted_prefix_decides_as_the_whole_text_does() {
        for text in random_texts(7) {
            assert_eq!(is_short(&text), count_words(&text) < MIN_MOVE_WORDS, "{text:?}");
        }
        // Past the prefix: the words are counted to the end when the prefix has too few.
        let long = format!("{}{}", "x".repeat(PREFIX + 3), " a b c");
        assert!(!is_short(&long));
        assert!(is_short(&format!("{}{}", "x".repeat(PREFIX + 3), " a b")));
    }

    #[test]
    fn identities_interned_as_they_stand_are_the_folded_texts() {
        for (seed, ignore_case, ignore_whitespace) in
            [(3, false, false), (5, true, false), (9, false, true), (11, true, true)]
        {
            let fold = Fold { ignore_case, ignore_whitespace };
            let mut ctx = Ctx::new(fold, Deadline::NEVER, true);
            for text in random_texts(seed).iter().chain(&[" a-b c ".to_string()]) {
                let folded = fold_text(text, fold);
                let expected = folded.strip_prefix(' ').unwrap_or(&folded);
                let expected = expected.strip_suffix(' ').unwrap_or(expected);
                let id = identity(text, &mut ctx);
                assert_eq!(ctx.interner.key(id), expected, "{text:?} {fold:?}");
            }
        }
    }

    #[test]
    fn paragraphs_of_four_words_have_no_identity() {
        let (keys, _, _) =
            run("one two three four\none two three", "one two three four", Fold::default());
        assert_eq!(keys.old[0], TokenId(NONE as u32));
        assert!(!keys.unique_old(0));
        assert_ne!(keys.old[1], TokenId(NONE as u32));
    }

    #[test]
    fn letters_are_those_of_the_words_or_else_of_the_symbols() {
        let (_, o, n) = run(
            "colour\nSummit\n\"AB\",\n★★★★☆",
            "color\nSummary\n\"AC\",\n★★★☆☆",
            Fold::default(),
        );
        let similarity = |k: usize| dice(&o[k], &n[k]);
        assert_eq!(similarity(0), 10.0 / 11.0);
        assert_eq!(similarity(1), 8.0 / 13.0);
        // Quotes and commas are not letters when there are words.
        assert_eq!(similarity(2), 0.5);
        assert_eq!(similarity(3), 0.8);
    }
}
