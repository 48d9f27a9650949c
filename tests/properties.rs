//! Property tests: random Unicode texts and random edits of an article, diffed under every
//! option that changes the engine's path, held to the model's invariants
//! (`tests/invariants/mod.rs`).
//!
//! Two generators:
//! * [`noise`]: texts glued from hostile atoms (astral planes, combining marks with nothing to
//!   combine with, ZWJ sequences, RTL, CJK, CRLF/CR/LF mixes, a BOM, NUL and control
//!   characters, tabs, blank lines, no-break and ideographic spaces, curly quotes, any `char`);
//! * [`edited`]: an article of paragraphs and a script of human edits applied to it (words
//!   inserted, deleted and replaced, paragraphs split, merged, moved, duplicated, dropped and
//!   added, quote styles swapped, line endings and paragraph styles changed).
//!
//! `PROPTEST_CASES=n` scales every test (default: the counts below, a few thousand diffs in all,
//! a few seconds in a debug build).

mod invariants;

use std::time::Duration;

use article_diff::{diff, Diff, Options, Row, RowKind};
use proptest::prelude::*;
use proptest::sample::Index;

// ---------------------------------------------------------------------------------------------
// Generators

/// A deadline that has passed before the engine's first stage runs.
const TINY: Duration = Duration::from_nanos(1);

/// Pieces of hostile text. Glued at random they make mixed line endings, stray combining marks
/// and joiners, and paragraphs of every script.
const ATOMS: &[&str] = &[
    "the",
    "cat",
    "sat",
    "on",
    "mat",
    "a",
    "Biden",
    "Putin",
    "don't",
    "don\u{2019}t",
    "well-known",
    "U.S.",
    "1,000",
    "3.14",
    "caf\u{e9}",
    "cafe\u{301}",
    "na\u{ef}ve",
    "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{645}\u{631}\u{62d}\u{628}\u{627}",
    "\u{65e5}\u{672c}\u{8a9e}",
    "\u{d55c}\u{ad6d}\u{c5b4}",
    "\u{e20}\u{e32}\u{e29}\u{e32}",
    "\u{1d518}\u{1d52b}",
    "\u{20000}\u{2A6D6}",
    "\u{1F600}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "\u{1F1FA}\u{1F1E6}",
    "\u{1F44D}\u{1F3FD}",
    "\u{301}",
    "\u{200D}",
    "\u{200B}",
    "\u{FE0F}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{202E}",
    "\u{0}",
    "\u{1}",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{A0}",
    "\u{3000}",
    "\u{2009}",
    "\t",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\n \n",
    "\r\r",
    "'",
    "\u{2019}",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "\u{AB}",
    "\u{BB}",
    "-",
    "\u{2013}",
    "\u{2014}",
    "...",
    "\u{2026}",
    ",",
    ".",
    ";",
    "<b>",
    "&amp;",
    "*",
    "#",
];

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(ATOMS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A text glued from 0..`max` hostile atoms.
fn noise(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..max).prop_map(|atoms| atoms.concat())
}

/// Words an article is made of: mostly plain, some in other scripts, some with typography.
const WORDS: &[&str] = &[
    "the",
    "president",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "would",
    "resume",
    "in",
    "Moscow",
    "Washington",
    "sanctions",
    "ambassador",
    "relations",
    "of",
    "and",
    "a",
    "new",
    "stage",
    "U.S.",
    "Russia\u{2019}s",
    "Biden's",
    "\u{201C}demarche\u{201D}",
    "\"killer\"",
    "\u{2014}",
    "-",
    "1,000",
    "2021",
    "caf\u{e9}",
    "\u{65e5}\u{672c}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{1F600}",
    "\u{1F468}\u{200D}\u{1F469}",
    "e\u{301}t\u{e9}",
    "\u{1d518}",
    "Related article:",
    "* * *",
    "week",
    "summit",
    "Helsinki",
    "press",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => atom(),
        1 => "[a-z]{1,10}",
    ]
}

fn paragraph() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(word(), 1..16)
}

/// One human edit of an article held as paragraphs of words.
#[derive(Debug, Clone)]
enum Edit {
    InsertWord(Index, Index, String),
    DeleteWord(Index, Index),
    ReplaceWord(Index, Index, String),
    /// Split a paragraph before a word.
    Split(Index, Index),
    /// Merge a paragraph with the next one.
    Merge(Index),
    /// Take a paragraph out and put it back elsewhere.
    Move(Index, Index),
    Duplicate(Index),
    DeleteParagraph(Index),
    InsertParagraph(Index, Vec<String>),
    /// Uppercase a word.
    Shout(Index, Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = any::<Index>;
    prop_oneof![
        3 => (i(), i(), word()).prop_map(|(p, w, s)| Edit::InsertWord(p, w, s)),
        3 => (i(), i()).prop_map(|(p, w)| Edit::DeleteWord(p, w)),
        3 => (i(), i(), word()).prop_map(|(p, w, s)| Edit::ReplaceWord(p, w, s)),
        2 => (i(), i()).prop_map(|(p, w)| Edit::Split(p, w)),
        2 => i().prop_map(Edit::Merge),
        3 => (i(), i()).prop_map(|(p, to)| Edit::Move(p, to)),
        1 => i().prop_map(Edit::Duplicate),
        1 => i().prop_map(Edit::DeleteParagraph),
        1 => (i(), paragraph()).prop_map(|(at, p)| Edit::InsertParagraph(at, p)),
        1 => (i(), i()).prop_map(|(p, w)| Edit::Shout(p, w)),
    ]
}

fn apply(paragraphs: &mut Vec<Vec<String>>, edit: &Edit) {
    if paragraphs.is_empty() {
        if let Edit::InsertParagraph(_, p) = edit {
            paragraphs.push(p.clone());
        }
        return;
    }
    let n = paragraphs.len();
    match edit {
        Edit::InsertWord(p, w, s) => {
            let para = &mut paragraphs[p.index(n)];
            para.insert(w.index(para.len() + 1), s.clone());
        }
        Edit::DeleteWord(p, w) => {
            let para = &mut paragraphs[p.index(n)];
            para.remove(w.index(para.len()));
            if para.is_empty() {
                paragraphs.remove(p.index(n));
            }
        }
        Edit::ReplaceWord(p, w, s) => {
            let para = &mut paragraphs[p.index(n)];
            let k = w.index(para.len());
            para[k] = s.clone();
        }
        Edit::Split(p, w) => {
            let k = p.index(n);
            let para = &mut paragraphs[k];
            if para.len() > 1 {
                let tail = para.split_off(1 + w.index(para.len() - 1));
                paragraphs.insert(k + 1, tail);
            }
        }
        Edit::Merge(p) => {
            let k = p.index(n);
            if k + 1 < n {
                let next = paragraphs.remove(k + 1);
                paragraphs[k].extend(next);
            }
        }
        Edit::Move(p, to) => {
            let para = paragraphs.remove(p.index(n));
            paragraphs.insert(to.index(n), para);
        }
        Edit::Duplicate(p) => {
            let k = p.index(n);
            paragraphs.insert(k, paragraphs[k].clone());
        }
        Edit::DeleteParagraph(p) => {
            paragraphs.remove(p.index(n));
        }
        Edit::InsertParagraph(at, para) => paragraphs.insert(at.index(n + 1), para.clone()),
        Edit::Shout(p, w) => {
            let para = &mut paragraphs[p.index(n)];
            let k = w.index(para.len());
            para[k] = para[k].to_uppercase();
        }
    }
}

/// How an article is written out: paragraph separator, line ending, quote style.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// 0: blank line between paragraphs; 1: one paragraph per line; 2: a blank line holding
    /// spaces; 3: two blank lines and a tab.
    separator: u8,
    /// 0: LF, 1: CRLF, 2: CR.
    line_ending: u8,
    /// Swap straight quotes and apostrophes for curly ones.
    curly: bool,
    /// Leading BOM and trailing newline.
    bom: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (0u8..4, 0u8..3, any::<bool>(), any::<bool>()).prop_map(
        |(separator, line_ending, curly, bom)| Style { separator, line_ending, curly, bom },
    )
}

fn render(paragraphs: &[Vec<String>], style: Style) -> String {
    let separator = ["\n\n", "\n", "\n  \n", "\n\n\n\t"][style.separator as usize];
    let mut text: String =
        paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join(separator);
    if style.bom {
        text.insert(0, '\u{FEFF}');
        text.push('\n');
    }
    if style.curly {
        text = text.replace("'", "\u{2019}").replace('"', "\u{201C}");
    }
    match style.line_ending {
        1 => text.replace('\n', "\r\n"),
        2 => text.replace('\n', "\r"),
        _ => text,
    }
}

/// An article and a human edit of it, each written out in its own style.
fn edited() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(paragraph(), 0..9),
        prop::collection::vec(edit(), 0..8),
        style(),
        style(),
    )
        .prop_map(|(base, edits, old_style, new_style)| {
            let mut changed = base.clone();
            for e in &edits {
                apply(&mut changed, e);
            }
            (render(&base, old_style), render(&changed, new_style))
        })
}

/// An article of paragraphs that share no word (each is long enough to anchor the paragraph
/// diff), and a copy with some paragraphs dropped, some new ones added and some moved; no
/// paragraph is edited, so the only freedom an aligner has is which of two crossing paragraphs
/// to keep in place.
fn reordered() -> impl Strategy<Value = (String, String)> {
    let op = prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(p, to)| Edit::Move(p, to)),
        any::<Index>().prop_map(Edit::DeleteParagraph),
        (any::<Index>(), 3..12usize)
            .prop_map(|(at, words)| Edit::InsertParagraph(at, vec![String::new(); words])),
    ];
    // At least four words each, so that any of them can be linked as a move; no BOM and no
    // tab after the blank line, which would make the first paragraph differ from the others.
    (prop::collection::vec(3..12usize, 0..10), prop::collection::vec(op, 0..6), style()).prop_map(
        |(base, edits, style)| {
            let style = plain(style);
            let base: Vec<Vec<String>> =
                base.iter().enumerate().map(|(n, &words)| fresh(n, words)).collect();
            let mut changed = base.clone();
            for (k, e) in edits.iter().enumerate() {
                let e = match e {
                    Edit::InsertParagraph(at, p) => {
                        Edit::InsertParagraph(*at, fresh(100 + k, p.len()))
                    }
                    other => other.clone(),
                };
                apply(&mut changed, &e);
            }
            (render(&base, style), render(&changed, style))
        },
    )
}

/// A paragraph of `words` + 1 words no other paragraph shares, long enough to anchor the
/// paragraph diff.
fn fresh(n: usize, words: usize) -> Vec<String> {
    let mut p = vec![format!("paragraph-number-{n:04}-of-the-article")];
    p.extend((0..words).map(|w| format!("w{n}x{w}")));
    p
}

/// A unique short paragraph of one to three words: a heading, a list item, a caption.
fn short(n: usize, words: usize) -> Vec<String> {
    const HEADS: &[&str] = &[
        "Background",
        "\u{dc}berblick",
        "\u{41f}\u{440}\u{435}\u{434}\u{44b}\u{441}\u{442}\u{43e}\u{440}\u{438}\u{44f}",
        "Reactions",
        "Item",
    ];
    let mut p = vec![format!("{}{n}", HEADS[n % HEADS.len()])];
    p.extend(["and", "more"].iter().take(words % 3).map(|w| w.to_string()));
    p
}

/// A style that keeps every paragraph's text as generated: no BOM, and no tab after a blank
/// line (which would make the first paragraph differ from the others).
fn plain(style: Style) -> Style {
    Style { bom: false, separator: style.separator % 3, ..style }
}

/// An article of unique paragraphs, long ones and short ones in random order, and a style.
fn sectioned() -> impl Strategy<Value = (Vec<Vec<String>>, Style)> {
    (prop::collection::vec((any::<bool>(), 3..12usize), 2..14), style()).prop_map(
        |(kinds, style)| {
            let paragraphs = kinds.iter().enumerate().map(|(n, &(is_short, words))| {
                if is_short {
                    short(n, words)
                } else {
                    fresh(n, words)
                }
            });
            (paragraphs.collect(), plain(style))
        },
    )
}

/// The (old, new) texts of each move of `d`.
fn moved<'a>(d: &Diff<'a>, old: &'a str, new: &'a str) -> Vec<(&'a str, &'a str)> {
    d.moves
        .iter()
        .map(|m| (d.old_paragraphs[m.from].text(old), d.new_paragraphs[m.to].text(new)))
        .collect()
}

/// Every option combination that takes the engine down a different path. The deadline is off,
/// tiny (it has passed before the first stage runs) or the default; thresholds below the
/// aligner's own 0.4 leave similar paragraphs to move detection.
fn options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(vec![0.0, 0.3, 0.7, 1.0]),
        prop::sample::select(vec![None, Some(TINY), Some(article_diff::DEFAULT_TIMEOUT)]),
    )
        .prop_map(|(moves, case, space, threshold, timeout)| {
            Options::default()
                .with_detect_moves(moves)
                .with_ignore_case(case)
                .with_ignore_whitespace(space)
                .with_move_threshold(threshold)
                .with_timeout(timeout)
        })
}

// ---------------------------------------------------------------------------------------------
// Checks

fn checked<'a>(old: &'a str, new: &'a str, options: &Options) -> Result<Diff<'a>, TestCaseError> {
    let d =
        diff(old, new, options).map_err(|e| TestCaseError::fail(format!("diff failed: {e}")))?;
    invariants::check(&d, old, new, options).map_err(TestCaseError::fail)?;
    Ok(d)
}

/// Row kinds seen from the other side.
fn mirrored(kind: RowKind) -> RowKind {
    match kind {
        RowKind::Split => RowKind::Merged,
        RowKind::Merged => RowKind::Split,
        RowKind::Inserted => RowKind::Deleted,
        RowKind::Deleted => RowKind::Inserted,
        other => other,
    }
}

/// `diff(new, old)` against `diff(old, new)`: the same paragraphs, each with the other's role;
/// the same pairs of paragraphs in the same rows; inserted and deleted swapped.
fn check_mirror(ab: &Diff<'_>, ba: &Diff<'_>) -> Result<(), TestCaseError> {
    prop_assert_eq!(&ab.old_paragraphs, &ba.new_paragraphs);
    prop_assert_eq!(&ab.new_paragraphs, &ba.old_paragraphs);
    let kinds = |d: &Diff<'_>, mirror: bool| {
        let mut k: Vec<RowKind> =
            d.rows().map(|r| if mirror { mirrored(r.kind) } else { r.kind }).collect();
        k.sort_by_key(|k| format!("{k:?}"));
        k
    };
    prop_assert_eq!(kinds(ab, false), kinds(ba, true), "row kinds are not mirrored");
    prop_assert_eq!(ab.moves.len(), ba.moves.len());
    let (s, t) = (ab.stats, ba.stats);
    prop_assert_eq!(
        (s.paragraphs_inserted, s.paragraphs_deleted),
        (t.paragraphs_deleted, t.paragraphs_inserted)
    );
    prop_assert_eq!(
        (s.paragraphs_split, s.paragraphs_merged),
        (t.paragraphs_merged, t.paragraphs_split)
    );
    prop_assert_eq!(s.paragraphs_moved, t.paragraphs_moved);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties

fn config(cases: u32) -> ProptestConfig {
    // `PROPTEST_CASES` overrides the count, for a longer run.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(600))]

    #[test]
    fn noise_diffs_hold_every_invariant((old, new) in (noise(80), noise(80)), options in options()) {
        checked(&old, &new, &options)?;
    }

    #[test]
    fn noise_against_its_own_edit((base, edits) in (noise(60), prop::collection::vec((any::<Index>(), noise(6)), 1..6)), options in options()) {
        // Splice a few hostile atoms into a hostile text, at char boundaries.
        let mut new = base.clone();
        for (at, piece) in &edits {
            let bounds: Vec<usize> = (0..=new.len()).filter(|&b| new.is_char_boundary(b)).collect();
            new.insert_str(bounds[at.index(bounds.len())], piece);
        }
        checked(&base, &new, &options)?;
        checked(&new, &base, &options)?;
    }

    #[test]
    fn edited_articles_hold_every_invariant((old, new) in edited(), options in options()) {
        checked(&old, &new, &options)?;
    }

    #[test]
    fn identical_texts_have_no_changes(text in prop_oneof![noise(80), edited().prop_map(|p| p.0)], options in options()) {
        let d = checked(&text, &text, &options)?;
        invariants::check_identical(&d, &text).map_err(TestCaseError::fail)?;
        // Nothing about identical texts can be coarser, whatever the clock says.
        prop_assert!(!d.approximate, "approximate on identical texts: {:?}", d.fallback);
    }

    #[test]
    fn swapping_old_and_new_keeps_both_exact((old, new) in prop_oneof![edited(), (noise(60), noise(60))], options in options()) {
        let ab = checked(&old, &new, &options)?;
        let ba = checked(&new, &old, &options)?;
        prop_assert_eq!(&ab.old_paragraphs, &ba.new_paragraphs);
        prop_assert_eq!(&ab.new_paragraphs, &ba.old_paragraphs);
        // Every word of a text is either kept or deleted, whichever way round: the words of
        // `diff(a, a)` are all unchanged.
        for (d, text) in [(&ab, &old), (&ba, &new)] {
            let all = checked(text, text, &options)?.stats.words_unchanged;
            prop_assert_eq!(d.stats.words_unchanged + d.stats.words_deleted, all, "words of {:?}", text);
        }
    }

    #[test]
    fn swapping_old_and_new_mirrors_reordered_paragraphs((old, new) in reordered(), moves in any::<bool>()) {
        let options = Options::default().with_detect_moves(moves).with_timeout(None);
        let ab = checked(&old, &new, &options)?;
        let ba = checked(&new, &old, &options)?;
        check_mirror(&ab, &ba)?;
    }
}

// Issue #23: moves of any length.
proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn a_planted_short_paragraph_move_is_found(((mut paragraphs, style), pick, to) in (sectioned(), any::<Index>(), any::<Index>())) {
        // A one-word heading (or a two- or three-word item) taken out and put back elsewhere.
        // At least one short paragraph, and a long one last, past which any can move.
        paragraphs.insert(pick.index(paragraphs.len() + 1), short(98, 0));
        paragraphs.push(fresh(99, 5));
        let shorts: Vec<usize> = (0..paragraphs.len()).filter(|&i| paragraphs[i].len() <= 3).collect();
        let from = shorts[pick.index(shorts.len())];
        let mut changed = paragraphs.clone();
        let planted = changed.remove(from);
        let to = match to.index(changed.len() + 1) {
            to if to == from => to + 1,
            to => to,
        };
        changed.insert(to, planted.clone());
        let (old, new) = (render(&paragraphs, style), render(&changed, style));
        let options = Options::default().with_timeout(None);
        let d = checked(&old, &new, &options)?;
        prop_assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
        let found = moved(&d, &old, &new);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        let planted = render(&[planted], style);
        if to.abs_diff(from) == 1 {
            // Two neighbours traded places: the shorter is the move.
            let other = render(&[paragraphs[to.max(from)].clone()], style);
            prop_assert!(found[0].0.len() <= planted.len().min(other.len()), "{:?} moved, of {:?} and {:?}", found, planted, other);
        } else {
            prop_assert_eq!(found[0].0, planted);
        }
    }

    #[test]
    fn repeated_separators_never_move(
        ((paragraphs, style), edits, old_at, new_at, variant) in (sectioned(), prop::collection::vec((any::<Index>(), any::<Index>()), 0..5), prop::collection::vec(any::<Index>(), 2..5), prop::collection::vec(any::<Index>(), 2..5), 0..3usize)
    ) {
        // `* * *` at two or more places in each text (one of them written another way in the
        // new one); the paragraphs between them reordered.
        let mut changed = paragraphs.clone();
        for (p, to) in &edits {
            apply(&mut changed, &Edit::Move(*p, *to));
        }
        let separate = |mut article: Vec<Vec<String>>, at: &[Index], first: &str| {
            for (k, i) in at.iter().enumerate() {
                let line = if k == 0 { first } else { "* * *" };
                article.insert(i.index(article.len() + 1), vec![line.to_string()]);
            }
            article
        };
        let variant = ["* * *", "*  * *", "* * * "][variant];
        let (old, new) = (render(&separate(paragraphs, &old_at, "* * *"), style), render(&separate(changed, &new_at, variant), style));
        for options in [Options::default(), Options::default().with_ignore_whitespace(true), Options::default().with_move_threshold(0.0)] {
            let d = checked(&old, &new, &options)?;
            for (o, n) in moved(&d, &old, &new) {
                prop_assert!(!o.starts_with('*') && !n.starts_with('*'), "a separator moved: {:?} → {:?}", o, n);
            }
        }
    }

    #[test]
    fn swapped_neighbours_are_one_move_the_shorter(((paragraphs, style), at) in (sectioned(), any::<Index>())) {
        let k = at.index(paragraphs.len() - 1);
        let mut changed = paragraphs.clone();
        changed.swap(k, k + 1);
        let (old, new) = (render(&paragraphs, style), render(&changed, style));
        let options = Options::default().with_timeout(None);
        let d = checked(&old, &new, &options)?;
        let found = moved(&d, &old, &new);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
        let (a, b) = (render(&[paragraphs[k].clone()], style), render(&[paragraphs[k + 1].clone()], style));
        prop_assert!(found[0].0.len() <= a.len().min(b.len()), "{:?} moved, not the shorter of {:?} and {:?}", found, a, b);
        check_mirror(&d, &checked(&new, &old, &options)?)?;
    }

    #[test]
    fn a_rating_edited_by_one_star_is_one_changed_row(((mut paragraphs, style), at, stars, up) in (sectioned(), any::<Index>(), 1..5usize, any::<bool>())) {
        let rating = |n: usize| "\u{2605}".repeat(n) + &"\u{2606}".repeat(5 - n);
        let at = at.index(paragraphs.len() + 1);
        let mut changed = paragraphs.clone();
        paragraphs.insert(at, vec![rating(stars)]);
        changed.insert(at, vec![rating(if up { stars + 1 } else { stars - 1 })]);
        let (old, new) = (render(&paragraphs, style), render(&changed, style));
        let d = checked(&old, &new, &Options::default())?;
        let changes: Vec<Row<'_>> = d.rows().filter(|r| r.kind != RowKind::Equal).collect();
        prop_assert_eq!(changes.len(), 1);
        prop_assert_eq!(changes[0].kind, RowKind::Changed);
        prop_assert!(d.moves.is_empty());
    }
}
