//! The seed pair, checked fact by fact and as a reviewed snapshot.

mod common;

use article_diff::{diff, Options, RowKind, SpanKind};
use common::{assert_exact, changes, show, NEW, OLD};

fn seed() -> article_diff::Diff<'static> {
    diff(OLD, NEW, &Options::default()).expect("the seed pair diffs")
}

fn new_text(row: &article_diff::Row<'_>) -> String {
    row.new.as_ref().map(|c| c.spans.iter().map(|s| s.text).collect()).unwrap_or_default()
}

fn old_text(row: &article_diff::Row<'_>) -> String {
    row.old.as_ref().map(|c| c.spans.iter().map(|s| s.text).collect()).unwrap_or_default()
}

#[test]
fn seed_is_exact() {
    assert_exact(&seed(), OLD, NEW);
}

#[test]
fn seed_has_no_moves() {
    let d = seed();
    assert!(d.moves.is_empty(), "{:?}", d.moves);
    assert!(d.rows().all(|r| r.kind != RowKind::Moved));
    assert!(!d.approximate);
}

#[test]
fn seed_header_block_is_inserted() {
    let rows: Vec<_> = seed().rows().collect();
    let header: Vec<String> = rows[..5].iter().map(new_text).collect();
    assert!(rows[..5].iter().all(|r| r.kind == RowKind::Inserted));
    assert_eq!(
        header,
        [
            "Biden Called Putin a Killer. Will That Change Anything?",
            "Although Moscow will show restraint in its foreign policy response to “Biden’s slam”, its response at home promises to be much tougher.",
            "By [Vladimir Frolov](#)",
            "March 19, 2021",
            "AP / TASS",
        ]
    );
    assert_eq!(rows[5].kind, RowKind::Equal);
}

#[test]
fn seed_spelling_fix_is_the_one_substantive_word_change_in_the_body() {
    let d = seed();
    let substantive: Vec<_> = d
        .rows()
        .filter(|r| r.old.is_some() && r.new.is_some() && !r.cosmetic && r.kind != RowKind::Equal)
        .collect();
    assert_eq!(substantive.len(), 1, "{}", show(&d));
    let row = &substantive[0];
    assert_eq!(row.kind, RowKind::Changed);
    let (old, new) = (row.old.as_ref().unwrap(), row.new.as_ref().unwrap());
    assert_eq!(changes(&old.spans, SpanKind::Delete, false), ["u"]);
    assert_eq!(changes(&new.spans, SpanKind::Insert, false), ["o"]);
    // The curly apostrophe after the name is a separate, cosmetic change.
    assert_eq!(changes(&old.spans, SpanKind::Delete, true), ["\u{2019}"]);
    assert_eq!(changes(&new.spans, SpanKind::Insert, true), ["'"]);
    assert!(old_text(row).contains("Stephanopoulus\u{2019} question"));
    assert!(new_text(row).contains("Stephanopoulos' question"));
    assert_eq!(d.stats.paragraphs_changed, 1);
}

#[test]
fn seed_related_article_lines_are_inserted() {
    // The fixture has four "Related article" inserts (issue #4 says five; the text has four).
    let d = seed();
    let related: Vec<_> =
        d.rows().filter(|r| new_text(r).starts_with("Related article:")).collect();
    assert_eq!(related.len(), 4);
    assert!(related.iter().all(|r| r.kind == RowKind::Inserted));
}

#[test]
fn seed_split_paragraphs_are_split_rows_without_word_change() {
    let d = seed();
    let splits: Vec<_> = d.rows().filter(|r| r.kind == RowKind::Split).collect();
    assert_eq!(splits.len(), 2, "{}", show(&d));
    for row in &splits {
        assert!(row.cosmetic);
        assert_eq!(row.old.as_ref().unwrap().paragraphs.len(), 1);
        assert_eq!(row.new.as_ref().unwrap().paragraphs.len(), 2);
        let new = row.new.as_ref().unwrap();
        assert_eq!(changes(&new.spans, SpanKind::Insert, true), ["\n\n"]);
        assert!(changes(&new.spans, SpanKind::Insert, false).is_empty());
    }
    assert!(old_text(&splits[0]).contains("Washington home for consultations"));
    assert_eq!(d.stats.paragraphs_split, 2);
}

#[test]
fn seed_quote_style_changes_are_cosmetic() {
    let d = seed();
    let quote_changes: usize = d
        .rows()
        .filter_map(|r| r.new)
        .flat_map(|c| c.spans)
        .filter(|s| s.kind == SpanKind::Insert && s.cosmetic && (s.text == "'" || s.text == "\""))
        .count();
    assert_eq!(quote_changes, 10);
    // Ten quote swaps and two paragraph breaks.
    assert_eq!(d.stats.cosmetic_changes, 12);
}

#[test]
fn seed_footer_is_replaced() {
    let d = seed();
    let deleted: Vec<String> =
        d.rows().filter(|r| r.kind == RowKind::Deleted).map(|r| old_text(&r)).collect();
    assert_eq!(deleted.first().map(String::as_str), Some("A Message from The Moscow Times:"));
    assert_eq!(deleted.last().map(String::as_str), Some("Remind me later."));
    assert_eq!(deleted.len(), 8);
    let rows: Vec<_> = d.rows().collect();
    let tail: Vec<String> = rows[rows.len() - 3..].iter().map(new_text).collect();
    assert_eq!(tail[0], "The views expressed in opinion pieces do not necessarily reflect the position of The Moscow Times.");
    assert_eq!(tail[1], "Original url:");
    assert!(rows[rows.len() - 3..].iter().all(|r| r.kind == RowKind::Inserted));
}

#[test]
fn seed_snapshot() {
    insta::assert_snapshot!("seed", show(&seed()));
}

#[test]
fn seed_with_moves_off_is_the_same() {
    let off = diff(OLD, NEW, &Options::default().with_detect_moves(false)).unwrap();
    assert_eq!(off, seed());
}

/// Regression: pasted twice with a blank line between the copies, the plain scrape became two
/// giant paragraphs and the edits one whole-text replacement. Long lines now mark a block as one
/// paragraph per line, and the diff is the seed's, twice.
#[test]
fn seed_twice_is_the_seed_diff_twice() {
    let (old, new) = (format!("{OLD}\n\n{OLD}"), format!("{NEW}\n\n{NEW}"));
    let twice = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&twice, &old, &new);
    let once = seed().stats;
    let s = twice.stats;
    assert_eq!(
        (s.words_inserted, s.words_deleted, s.words_unchanged),
        (2 * once.words_inserted, 2 * once.words_deleted, 2 * once.words_unchanged)
    );
    assert_eq!((s.paragraphs_split, s.paragraphs_changed, s.cosmetic_changes), (4, 2, 24));
    assert!(twice.moves.is_empty());
}

/// Issue 20: the seed's 65 rows are 20 blocks: each run of unchanged paragraphs is one
/// `Block::Equal` (the longest stands for ten rows), each run of deleted or inserted ones one
/// `Block::Deleted` or `Block::Inserted` (issue 21), and the rows are built back from the
/// blocks as the snapshot shows them.
#[test]
fn seed_unchanged_runs_are_one_block_each() {
    let d = seed();
    assert_eq!((d.row_count(), d.blocks.len()), (65, 20));
    let runs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            article_diff::Block::Equal { old, new } => Some((old.clone(), new.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(runs.iter().map(|(o, _)| o.len()).max(), Some(10));
    assert_eq!(runs[0], (0..1, 5..6));
    let rebuilt: Vec<_> = d.rows().collect();
    assert_eq!(rebuilt.len(), 65);
    assert_eq!(d.row(5), Some(rebuilt[5].clone()));
}
