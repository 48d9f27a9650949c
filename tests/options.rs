//! Each option changes what it says, and never the exactness of the edits.

mod common;

use std::time::Duration;

use article_diff::{diff, Error, FallbackReason, Options, RowKind};
use common::{assert_exact, NEW, OLD};

#[test]
fn case_change_is_substantive_by_default_and_cosmetic_when_ignored() {
    let (old, new) = ("The Senate Voted on Tuesday.", "The senate voted on Tuesday.");
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert!(!d.row(0).unwrap().cosmetic);
    assert_eq!((d.stats.words_deleted, d.stats.words_inserted), (2, 2));

    let d = diff(old, new, &Options::default().with_ignore_case(true)).unwrap();
    assert_exact(&d, old, new);
    assert_eq!(d.row(0).unwrap().kind, RowKind::Changed);
    assert!(d.row(0).unwrap().cosmetic);
    assert_eq!((d.stats.words_deleted, d.stats.words_inserted), (0, 0));
    assert_eq!(d.stats.cosmetic_changes, 2);
}

#[test]
fn whitespace_presence_is_cosmetic_only_when_ignored() {
    let (old, new) = ("It ended.Next came the vote.", "It ended. Next came the vote.");
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert!(!d.row(0).unwrap().cosmetic);

    let d = diff(old, new, &Options::default().with_ignore_whitespace(true)).unwrap();
    assert_exact(&d, old, new);
    assert!(d.row(0).unwrap().cosmetic);
}

#[test]
fn unicode_normal_forms_are_cosmetic() {
    // The same paragraphs precomposed (NFC) and decomposed (NFD, as macOS writes them): French,
    // Vietnamese and Korean, one word really changed.
    let old = "L'\u{E9}t\u{E9} est chaud.\n\nVi\u{1EC7}t Nam \u{111}\u{1EB9}p.\n\n\u{D55C}\u{AD6D}\u{C5B4} \u{BB38}\u{C7A5}";
    let new = "L'e\u{301}te\u{301} est froid.\n\nVie\u{323}\u{302}t Nam \u{111}e\u{323}p.\n\n\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165} \u{BB38}\u{C7A5}";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert_eq!((d.stats.words_deleted, d.stats.words_inserted), (1, 1), "only chaud → froid");
    assert!(!d.row(0).unwrap().cosmetic);
    assert!(d.row(1).unwrap().cosmetic && d.row(2).unwrap().cosmetic);
    assert!(d.stats.cosmetic_changes >= 4);
}

#[test]
fn whitespace_amount_is_always_cosmetic() {
    let (old, new) = ("two  spaces here", "two spaces\there");
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert!(d.row(0).unwrap().cosmetic);
    assert_eq!(d.stats.cosmetic_changes, 2);
}

#[test]
fn move_threshold_decides_edited_moves() {
    let old = "Opening paragraph that stays exactly where it is now.\n\nThe moving paragraph has ten words in it for counting.\n\nMiddle paragraph that also stays exactly where it is.\n\nClosing paragraph that stays exactly where it is too.";
    // Two of ten words changed: similarity 0.8.
    let new = "Opening paragraph that stays exactly where it is now.\n\nMiddle paragraph that also stays exactly where it is.\n\nClosing paragraph that stays exactly where it is too.\n\nThe moving paragraph has eleven words in it for tallying.";
    let found = diff(old, new, &Options::default().with_move_threshold(0.7)).unwrap();
    assert_exact(&found, old, new);
    assert_eq!(found.moves.len(), 1);
    assert!((found.moves[0].similarity - 0.8).abs() < 1e-9, "{}", found.moves[0].similarity);
    let strict = diff(old, new, &Options::default().with_move_threshold(0.9)).unwrap();
    assert_exact(&strict, old, new);
    assert!(strict.moves.is_empty());
    assert_eq!((strict.stats.paragraphs_deleted, strict.stats.paragraphs_inserted), (1, 1));
}

#[test]
fn bad_options_are_errors_naming_the_option() {
    let err = diff("a", "b", &Options::default().with_move_threshold(2.0)).unwrap_err();
    assert!(matches!(err, Error::InvalidOption { name: "moveThreshold", .. }));
    assert!(err.to_string().contains("moveThreshold"), "{err}");
    let err = diff("a", "b", &Options::default().with_timeout(Some(Duration::ZERO))).unwrap_err();
    assert!(err.to_string().contains("timeoutMs"), "{err}");
}

#[test]
fn a_deadline_that_passes_gives_an_exact_approximate_diff() {
    // Unrelated texts with many paragraphs: plenty of work to cut short.
    let old: String = (0..2000)
        .map(|i| format!("Old paragraph {i} speaks of apples, rivers and {}.\n\n", i * 7))
        .collect();
    let new: String = (0..2000)
        .map(|i| format!("New section {i} mentions trains, mountains and {}.\n\n", i * 13))
        .collect();
    let d =
        diff(&old, &new, &Options::default().with_timeout(Some(Duration::from_nanos(1)))).unwrap();
    assert_exact(&d, &old, &new);
    assert!(d.approximate);
    let fallback = d.fallback.expect("an approximate diff says why");
    assert_eq!(fallback.reason, FallbackReason::Deadline);
    assert!(fallback.detail.contains("still exact"), "{}", fallback.detail);
}

#[test]
fn no_timeout_means_no_fallback() {
    let d = diff(OLD, NEW, &Options::default().with_timeout(None)).unwrap();
    assert_exact(&d, OLD, NEW);
    assert!(!d.approximate && d.fallback.is_none());
}
