//! Planted moves in real text: every one is found, nothing else is called a move.
//!
//! The base is the seed article's new version (real prose). For k = 1..=10, k paragraphs are
//! taken out and put back far from where they were, optionally with a few words changed.

mod common;

use article_diff::{diff, Options, RowKind};
use common::{assert_exact, NEW};
use common::rng::Rng;


/// The seed's body paragraphs with at least 12 words (long enough to be unique prose).
fn base() -> Vec<String> {
    NEW.split("\n\n")
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 12)
        .map(str::to_string)
        .collect()
}

/// Replaces about one word in fifteen (never the first), as a copy editor would.
fn edit(paragraph: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = paragraph.split(' ').collect();
    let edits = (words.len() / 15).max(1);
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    for _ in 0..edits {
        let at = 1 + rng.below(words.len() - 1);
        out[at] = format!("edited{}", rng.below(1000));
    }
    out.join(" ")
}

/// Moves `k` paragraphs from the first half to the second; returns (old, new, planted texts).
fn plant(k: usize, edited: bool, seed: u64) -> (String, String, Vec<(String, String)>) {
    let paragraphs = base();
    let mut rng = Rng(seed);
    let half = paragraphs.len() / 2;
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < k {
        let i = rng.below(half);
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    let mut new: Vec<String> = paragraphs.iter().enumerate().filter(|(i, _)| !chosen.contains(i)).map(|(_, p)| p.clone()).collect();
    let mut planted = Vec::new();
    for &i in &chosen {
        let moved = if edited { edit(&paragraphs[i], &mut rng) } else { paragraphs[i].clone() };
        // Somewhere in the second half, never next to another planted paragraph's old place.
        let at = new.len() / 2 + rng.below(new.len() / 2 + 1);
        new.insert(at, moved.clone());
        planted.push((paragraphs[i].clone(), moved));
    }
    (paragraphs.join("\n\n"), new.join("\n\n"), planted)
}

fn check(k: usize, edited: bool, seed: u64) {
    let (old, new, planted) = plant(k, edited, seed);
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    let mut found: Vec<(String, String)> = d
        .moves
        .iter()
        .map(|m| (d.old_paragraphs[m.from].text(&old).to_string(), d.new_paragraphs[m.to].text(&new).to_string()))
        .collect();
    let mut planted = planted;
    found.sort();
    planted.sort();
    assert_eq!(found.len(), planted.len(), "k={k} edited={edited} seed={seed}: found {} moves, planted {}", found.len(), planted.len());
    assert_eq!(found, planted, "k={k} edited={edited} seed={seed}");
    for m in &d.moves {
        assert!(m.similarity >= article_diff::DEFAULT_MOVE_THRESHOLD);
        let (src, dst) = (d.row(m.old_row).unwrap(), d.row(m.new_row).unwrap());
        assert_eq!(src.kind, RowKind::Moved);
        assert_eq!(dst.kind, RowKind::Moved);
        assert_eq!(src.move_id, Some(m.id));
        assert_eq!(dst.move_id, Some(m.id));
        assert!(src.new.is_none() && dst.old.is_none());
        if !edited {
            assert_eq!(m.similarity, 1.0);
        }
    }
    // Nothing moved shows as an unrelated deletion plus insertion.
    assert_eq!(d.stats.paragraphs_deleted, 0, "k={k} edited={edited}");
    assert_eq!(d.stats.paragraphs_inserted, 0, "k={k} edited={edited}");
}

#[test]
fn shuffled_paragraphs_are_all_found() {
    for k in 1..=10 {
        for seed in [1, 2, 3] {
            check(k, false, seed * 7919 + k as u64);
        }
    }
}

#[test]
fn shuffled_and_edited_paragraphs_are_all_found() {
    for k in 1..=10 {
        for seed in [1, 2, 3] {
            check(k, true, seed * 104_729 + k as u64);
        }
    }
}

#[test]
fn moved_and_edited_paragraph_shows_its_word_diff() {
    let old = "Alpha paragraph stays first and long enough.\n\nThe moving paragraph talks about sanctions and summits in Helsinki today.\n\nBeta paragraph stays in the middle of things.\n\nGamma paragraph stays last of the three.";
    let new = "Alpha paragraph stays first and long enough.\n\nBeta paragraph stays in the middle of things.\n\nGamma paragraph stays last of the three.\n\nThe moving paragraph talks about sanctions and summits in Geneva today.";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert_eq!(d.moves.len(), 1);
    let m = d.moves[0];
    assert_eq!((m.from, m.to), (1, 3));
    let (src, dst) = (d.row(m.old_row).unwrap().old.unwrap(), d.row(m.new_row).unwrap().new.unwrap());
    assert_eq!(common::changes(&src.spans, article_diff::SpanKind::Delete, false), ["Helsinki"]);
    assert_eq!(common::changes(&dst.spans, article_diff::SpanKind::Insert, false), ["Geneva"]);
    assert!(m.similarity > 0.85 && m.similarity < 1.0);
}

#[test]
fn short_common_lines_never_move() {
    // Each short line occurs twice in each text (boilerplate), at other places in the new one.
    let old = "Related article:\n\nFirst long paragraph about the summit and its many consequences.\n\n* * *\n\nSummit\n\nSecond long paragraph about sanctions and what they mean for trade.\n\nRelated article:\n\n* * *\n\nSummit\n\nThird long paragraph about the press conference that followed.";
    let new = "First long paragraph about the summit and its many consequences.\n\nRelated article:\n\nSecond long paragraph about sanctions and what they mean for trade.\n\n* * *\n\nSummit\n\nThird long paragraph about the press conference that followed.\n\nRelated article:\n\n* * *\n\nSummit";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert!(d.moves.is_empty(), "{:?}", d.moves);
}

#[test]
fn no_moves_when_order_is_unchanged() {
    let (old, _, _) = plant(1, false, 5);
    let d = diff(&old, &old, &Options::default()).unwrap();
    assert!(d.moves.is_empty());
    assert!(d.rows().all(|r| r.kind == RowKind::Equal));
}

#[test]
fn moves_off_shows_deletion_and_insertion() {
    let (old, new, _) = plant(3, false, 11);
    let d = diff(&old, &new, &Options::default().with_detect_moves(false)).unwrap();
    assert_exact(&d, &old, &new);
    assert!(d.moves.is_empty());
    assert_eq!(d.stats.paragraphs_deleted, 3);
    assert_eq!(d.stats.paragraphs_inserted, 3);
}

#[test]
fn swapped_neighbours_are_one_move() {
    let old = "Keep this opening paragraph right where it is.\n\nThe first of two neighbours talks about the summit.\n\nThe second of two neighbours talks about sanctions.\n\nKeep this closing paragraph right where it is.";
    let new = "Keep this opening paragraph right where it is.\n\nThe second of two neighbours talks about sanctions.\n\nThe first of two neighbours talks about the summit.\n\nKeep this closing paragraph right where it is.";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert_eq!(d.moves.len(), 1);
    assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
}

// ---------------------------------------------------------------------------------------------
// Short paragraphs (issue #23): headings, list items, captions and symbol lines.

/// The rows of a diff as `kind: old text | new text`, for readable assertions.
fn rows(d: &article_diff::Diff<'_>) -> Vec<String> {
    let text = |c: &Option<article_diff::Cell<'_>>| c.as_ref().map_or(String::new(), |c| c.spans.iter().map(|s| s.text).collect());
    d.rows.iter().map(|r| format!("{:?}: {} | {}", r.kind, text(&r.old), text(&r.new))).collect()
}

#[test]
fn wordless_lines_pair_with_their_edited_versions() {
    let body = |x: &str| format!("The reviewer liked the food and the service a lot.\n\n{x}\n\nThe reviewer would come back for the desserts alone.");
    for (a, b) in [("★★★★☆", "★★★☆☆"), ("* * *", "***"), ("🎉🎉🎉", "🎉🎉"), ("---", "- - -")] {
        let (old, new) = (body(a), body(b));
        let d = diff(&old, &new, &Options::default()).unwrap();
        assert_exact(&d, &old, &new);
        assert_eq!(rows(&d)[1], format!("Changed: {a} | {b}"), "{:#?}", rows(&d));
        assert_eq!(d.stats.paragraphs_changed, 1);
        assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
    }
    // Unrelated symbol lines share nothing: deleted and inserted.
    let (old, new) = (body("★★★★☆"), body("* * *"));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_eq!((d.stats.paragraphs_deleted, d.stats.paragraphs_inserted), (1, 1), "{:#?}", rows(&d));
}

#[test]
fn a_wordless_line_splits_like_any_paragraph() {
    let (x, y) = ("The reviewer liked the food and the service a lot.", "The reviewer would come back for the desserts alone.");
    let (old, new) = (format!("{x}\n\n★★★★★ ☆☆☆☆☆\n\n{y}"), format!("{x}\n\n★★★★★\n\n☆☆☆☆☆\n\n{y}"));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    assert_eq!(rows(&d)[1], "Split: ★★★★★ ☆☆☆☆☆ | ★★★★★\n\n☆☆☆☆☆", "{:#?}", rows(&d));
}
