//! Planted moves in real text: every one is found, nothing else is called a move.
//!
//! The base is the seed article's new version (real prose). For k = 1..=10, k paragraphs are
//! taken out and put back far from where they were, optionally with a few words changed.

mod common;

use article_diff::{diff, Options, RowKind};
use common::rng::Rng;
use common::{assert_exact, NEW};

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
    let mut new: Vec<String> = paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| !chosen.contains(i))
        .map(|(_, p)| p.clone())
        .collect();
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
        .map(|m| {
            (
                d.old_paragraphs[m.from].text(&old).to_string(),
                d.new_paragraphs[m.to].text(&new).to_string(),
            )
        })
        .collect();
    let mut planted = planted;
    found.sort();
    planted.sort();
    assert_eq!(
        found.len(),
        planted.len(),
        "k={k} edited={edited} seed={seed}: found {} moves, planted {}",
        found.len(),
        planted.len()
    );
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
    let (src, dst) =
        (d.row(m.old_row).unwrap().old.unwrap(), d.row(m.new_row).unwrap().new.unwrap());
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
    let text = |c: &Option<article_diff::Cell<'_>>| {
        c.as_ref().map_or(String::new(), |c| c.spans.iter().map(|s| s.text).collect())
    };
    d.rows().map(|r| format!("{:?}: {} | {}", r.kind, text(&r.old), text(&r.new))).collect()
}

/// The (old, new) texts of each move.
fn moved<'a>(d: &article_diff::Diff<'a>, old: &'a str, new: &'a str) -> Vec<(&'a str, &'a str)> {
    d.moves
        .iter()
        .map(|m| (d.old_paragraphs[m.from].text(old), d.new_paragraphs[m.to].text(new)))
        .collect()
}

/// The seed article's long paragraphs, each under a unique one-word heading.
fn sectioned() -> Vec<String> {
    const HEADINGS: [&str; 8] = [
        "Background",
        "Sanctions",
        "Diplomacy",
        "Cyberspace",
        "Elections",
        "Reactions",
        "Outlook",
        "Sources",
    ];
    let mut out = Vec::new();
    for (k, p) in base().into_iter().enumerate() {
        if k % 3 == 0 && k / 3 < HEADINGS.len() {
            out.push(HEADINGS[k / 3].to_string());
        }
        out.push(p);
    }
    out
}

#[test]
fn a_one_word_heading_moved_in_a_long_article_is_found() {
    let paragraphs = sectioned();
    let headings: Vec<usize> =
        (0..paragraphs.len()).filter(|&i| paragraphs[i].split(' ').count() == 1).collect();
    for &h in &headings {
        for to in [0, paragraphs.len() / 2, paragraphs.len() - 1] {
            if to.abs_diff(h) < 2 {
                continue;
            }
            let mut new = paragraphs.clone();
            let heading = new.remove(h);
            new.insert(to, heading.clone());
            let (old, new) = (paragraphs.join("\n\n"), new.join("\n\n"));
            let d = diff(&old, &new, &Options::default()).unwrap();
            assert_exact(&d, &old, &new);
            assert_eq!(
                moved(&d, &old, &new),
                [(heading.as_str(), heading.as_str())],
                "{heading} to {to}"
            );
            assert_eq!(d.moves[0].similarity, 1.0);
            assert_eq!(
                d.stats.paragraphs_deleted + d.stats.paragraphs_inserted,
                0,
                "{heading} to {to}"
            );
        }
    }
}

#[test]
fn a_unique_heading_separator_and_list_item_that_moved_are_moves() {
    let old = "== Background ==\n\nThe summit opened with a long statement on arms control and trade.\n\n---line---\n\nThe talks went on for three hours behind closed doors in the villa.\n\n\"Michgrig\",\n\nBoth leaders spoke to the press separately after the meeting ended.";
    let new = "The summit opened with a long statement on arms control and trade.\n\n\"Michgrig\",\n\nThe talks went on for three hours behind closed doors in the villa.\n\n== Background ==\n\nBoth leaders spoke to the press separately after the meeting ended.\n\n---line---";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    let mut found = moved(&d, old, new);
    found.sort();
    assert_eq!(
        found,
        [
            ("\"Michgrig\",", "\"Michgrig\","),
            ("---line---", "---line---"),
            ("== Background ==", "== Background ==")
        ]
    );
    assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
}

#[test]
fn short_lines_moved_among_repeated_ones_after_wikidiff2() {
    // After wikidiff2's tests/001.phpt (one line a paragraph): a unique line moved within a run
    // of repeated "a" lines, two unique lines moved together, and "x1"/"x2" repeated lines
    // dropped (which never move).
    let a = |n: usize| vec!["a"; n].join("\n");
    let old = format!("== Moved text ==\n{}\n---line---\n{}\n== Two moved lines ==\n{}\n--line1--\n--line2--\n{}\n== Shortest sequence in Y ==\nx1\nx2\nx1\nx2\nx1\nx2\nx1\nx2\ncontext\ncontext\n== Changed line ==\nblah blah blah 1", a(1), a(8), a(3), a(13));
    let new = format!("== Moved text ==\n{}\n---line---\n{}\n== Two moved lines ==\n{}\n--line1--\n--line2--\n{}\n== Shortest sequence in Y ==\nx2\nx1\nx2\nx1\ncontext\ncontext\n== Changed line ==\nblah blah blah 2", a(7), a(2), a(11), a(5));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    assert_eq!(
        moved(&d, &old, &new),
        [("---line---", "---line---"), ("--line1--", "--line1--"), ("--line2--", "--line2--")]
    );
    assert_eq!(d.stats.paragraphs_inserted, 0);
    assert_eq!(d.stats.paragraphs_deleted, 4, "the four x lines");
    assert!(rows(&d).contains(&"Changed: blah blah blah 1 | blah blah blah 2".to_string()));
}

#[test]
fn list_items_moved_between_lists_after_wikidiff2() {
    // After wikidiff2's tests/016.phpt: two names moved from one JSON list to another; the
    // deleted and inserted names are not linked to each other by their shared quotes and commas.
    let old = "{\n  \"A\": [\n    \"Wulfson\",\n    \"Zanka\",\n    \"АлександрВв\",\n    \"Всеслав Чародей\"\n  ],\n  \"B\": [\n    \"Oleksiy.golubov\",\n    \"Saramag\",\n  ],\n  \"K\": [\n    \"Biathlon\",\n    \"Q-bit array\"\n  ],\n  \"Ar\": [\n    \"Drbug\",\n    \"Michgrig\",\n    \"Sir Shurf\",\n    \"TenBaseT\",\n    \"Deltahead\"\n  ]\n}";
    let new = "{\n  \"A\": [\n    \"Wulfson\",\n    \"Zanka\",\n    \"Всеслав Чародей\"\n  ],\n  \"B\": [\n    \"Oleksiy.golubov\",\n    \"Saint Johann\",\n    \"Saramag\",\n  ],\n  \"K\": [\n    \"Biathlon\",\n    \"Michgrig\",\n    \"TenBaseT\",\n    \"Q-bit array\"\n  ],\n  \"Ar\": [\n    \"Deltahead\"\n  ]\n}";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert_eq!(
        moved(&d, old, new),
        [("    \"Michgrig\",", "    \"Michgrig\","), ("    \"TenBaseT\",", "    \"TenBaseT\",")]
    );
    assert_eq!((d.stats.paragraphs_deleted, d.stats.paragraphs_inserted), (3, 1));
}

#[test]
fn repeated_separators_never_move() {
    // "* * *" between every two sections; the sections are reordered, so the separators could
    // be matched across the document, but a line that occurs more than once never moves.
    let sections = base();
    let old: Vec<&str> = sections[..6].iter().map(String::as_str).collect();
    let new = [old[3], old[4], old[5], old[0], old[1], old[2]];
    let (old, new) = (old.join("\n\n* * *\n\n"), new.join("\n\n* * *\n\n"));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    assert!(moved(&d, &old, &new).iter().all(|(o, _)| *o != "* * *"), "{:?}", d.moves);
    // A cosmetic variant (a trailing space) is the same line: still repeated.
    let new = new.replacen("* * *", "* * * ", 1);
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert!(moved(&d, &old, &new).iter().all(|(o, _)| !o.starts_with('*')), "{:?}", d.moves);
}

#[test]
fn swapped_neighbours_move_the_shorter() {
    let long = "The first of two neighbours talks about the summit at length, and then some more.";
    let short = "The second talks about sanctions.";
    for (a, b) in [
        (long, short),
        (short, long),
        ("Summit", "Sanctions imposed"),
        ("Sanctions imposed", "Summit"),
    ] {
        let old = format!("Keep this opening paragraph right where it is.\n\n{a}\n\n{b}\n\nKeep this closing paragraph right where it is.");
        let new = format!("Keep this opening paragraph right where it is.\n\n{b}\n\n{a}\n\nKeep this closing paragraph right where it is.");
        for (o, n) in [(&old, &new), (&new, &old)] {
            let d = diff(o, n, &Options::default()).unwrap();
            assert_exact(&d, o, n);
            let shorter = if a.len() < b.len() { a } else { b };
            assert_eq!(moved(&d, o, n), [(shorter, shorter)], "{a} / {b}");
            assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
            assert_eq!(d.rows().filter(|r| r.kind == RowKind::Equal).count(), 3, "{:#?}", rows(&d));
        }
    }
}

#[test]
fn a_block_that_traded_places_with_one_paragraph_stays_and_the_paragraph_moves() {
    // "Charlie" is short in words, "Item 4" short in bytes: each travels with its neighbour.
    let old = "Alpha paragraph stands first here.\n\nBravo paragraph is the one that moves.\n\nCharlie paragraph stays.\n\nDelta paragraph stays too.";
    let new = "Alpha paragraph stands first here.\n\nCharlie paragraph stays.\n\nDelta paragraph stays too.\n\nBravo paragraph is the one that moves.";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert_eq!(
        moved(&d, old, new),
        [("Bravo paragraph is the one that moves.", "Bravo paragraph is the one that moves.")]
    );
    let old = "The summit opened with a long statement on arms control and trade.\n\nПредыстория саммита\n\nThe talks went on for three hours behind closed doors in the villa.\n\nItem 4\n\nBoth leaders spoke to the press separately after the meeting ended.";
    let new = "The summit opened with a long statement on arms control and trade.\n\nThe talks went on for three hours behind closed doors in the villa.\n\nItem 4\n\nПредыстория саммита\n\nBoth leaders spoke to the press separately after the meeting ended.";
    for (o, n) in [(old, new), (new, old)] {
        let d = diff(o, n, &Options::default()).unwrap();
        assert_exact(&d, o, n);
        assert_eq!(moved(&d, o, n), [("Предыстория саммита", "Предыстория саммита")]);
        assert_eq!(d.stats.paragraphs_deleted + d.stats.paragraphs_inserted, 0);
    }
}

#[test]
fn a_paragraph_that_jumped_over_several_is_the_one_move() {
    // However short it is: one move beats several.
    let old = "Summit\n\nThe first long paragraph about the summit stays in place.\n\nThe second long paragraph about sanctions stays in place.\n\nThe third long paragraph about elections stays in place.";
    let new = "The first long paragraph about the summit stays in place.\n\nThe second long paragraph about sanctions stays in place.\n\nThe third long paragraph about elections stays in place.\n\nSummit";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_eq!(moved(&d, old, new), [("Summit", "Summit")]);
    // A list of short unique items turned around: what a longest common subsequence keeps stays,
    // every other item is one move.
    let old = "alpha\nbravo\ncharlie\ndelta\necho";
    let new = "echo\ndelta\ncharlie\nbravo\nalpha";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert_eq!(d.moves.len(), 4);
    assert_eq!(d.rows().filter(|r| r.kind == RowKind::Equal).count(), 1);
}

#[test]
fn an_edited_short_paragraph_moves_on_letter_evidence() {
    // `x` first in the old text, `y` last in the new one.
    let body = |x: &str, y: &str| {
        let middle = "The summit opened with a long statement on arms control and trade.\n\nThe talks went on for three hours behind closed doors in the villa.";
        (format!("{x}\n\n{middle}"), format!("{middle}\n\n{y}"))
    };
    // One letter added to a name that moved: a move, with its letter similarity.
    let (old, new) = body("\"Michgrig\",", "\"Michgrigg\",");
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    assert_eq!(moved(&d, &old, &new), [("\"Michgrig\",", "\"Michgrigg\",")]);
    assert!((d.moves[0].similarity - 16.0 / 17.0).abs() < 1e-9, "{}", d.moves[0].similarity);
    // Off when the move threshold asks for more than the letters give.
    let d = diff(&old, &new, &Options::default().with_move_threshold(0.95)).unwrap();
    assert!(d.moves.is_empty());
    // Too different by letters: "Summit" → "Summary" shares 4 of 6 and 7 letters.
    let (old, new) = body("Summit", "Summary");
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert!(d.moves.is_empty(), "{:?}", d.moves);
    // Two look-alikes for one paragraph: a coincidence, not evidence.
    let (old, new) = body("Section 2", "Section 3\n\nSection 4");
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert!(d.moves.is_empty(), "{:?}", d.moves);
}

#[test]
fn wordless_lines_pair_with_their_edited_versions() {
    let body = |x: &str| {
        format!("The reviewer liked the food and the service a lot.\n\n{x}\n\nThe reviewer would come back for the desserts alone.")
    };
    for (a, b) in [("★★★★☆", "★★★☆☆"), ("* * *", "***"), ("🎉🎉🎉", "🎉🎉"), ("---", "- - -")]
    {
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
    assert_eq!(
        (d.stats.paragraphs_deleted, d.stats.paragraphs_inserted),
        (1, 1),
        "{:#?}",
        rows(&d)
    );
}

#[test]
fn a_wordless_line_splits_like_any_paragraph() {
    let (x, y) = (
        "The reviewer liked the food and the service a lot.",
        "The reviewer would come back for the desserts alone.",
    );
    let (old, new) =
        (format!("{x}\n\n★★★★★ ☆☆☆☆☆\n\n{y}"), format!("{x}\n\n★★★★★\n\n☆☆☆☆☆\n\n{y}"));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    assert_eq!(rows(&d)[1], "Split: ★★★★★ ☆☆☆☆☆ | ★★★★★\n\n☆☆☆☆☆", "{:#?}", rows(&d));
}

#[test]
fn a_wordless_line_moves_by_its_symbols() {
    let (x, y) = (
        "The reviewer liked the food and the service a lot.",
        "The reviewer would come back for the desserts alone.",
    );
    // A rating moved to the end and edited: a move, by its symbols.
    let (old, new) = (format!("★★★★☆\n\n{x}\n\n{y}"), format!("{x}\n\n{y}\n\n★★★☆☆"));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_exact(&d, &old, &new);
    assert_eq!(moved(&d, &old, &new), [("★★★★☆", "★★★☆☆")]);
    assert!((d.moves[0].similarity - 0.8).abs() < 1e-9);
    // Unrelated symbol lines at both ends are no move.
    let (old, new) = (format!("★★★★☆\n\n{x}\n\n{y}"), format!("{x}\n\n{y}\n\n* * *"));
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert!(d.moves.is_empty(), "{:?}", d.moves);
}

#[test]
fn an_edited_short_paragraph_in_place_is_one_changed_row() {
    // No word in common, so the stretch's pairing leaves them apart; their letters pair them,
    // and with nothing between them that pairs, they are one row, not a move.
    let old = "The summit opened with a long statement on arms control and trade.\n\n\"Michgrig\",\n\nThe talks went on for three hours behind closed doors in the villa.";
    let new = "The summit opened with a long statement on arms control and trade.\n\nA new paragraph was added here by the editor of the piece.\n\n\"Michgrigg\",\n\nThe talks went on for three hours behind closed doors in the villa.";
    let d = diff(old, new, &Options::default()).unwrap();
    assert_exact(&d, old, new);
    assert!(d.moves.is_empty());
    assert!(
        rows(&d).contains(&"Changed: \"Michgrig\", | \"Michgrigg\",".to_string()),
        "{:#?}",
        rows(&d)
    );
}

#[test]
fn short_moves_follow_the_case_and_whitespace_options() {
    // `x` first in the old text, `y` last in the new one.
    let body = |x: &str, y: &str| {
        let middle = "The summit opened with a long statement on arms control and trade.\n\nThe talks went on for three hours behind closed doors in the villa.";
        (format!("{x}\n\n{middle}"), format!("{middle}\n\n{y}"))
    };
    let (old, new) = body("SUMMIT TALKS", "Summit talks");
    // By case, the letters differ: no move; with case ignored the line moved unchanged.
    assert!(diff(&old, &new, &Options::default()).unwrap().moves.is_empty());
    let d = diff(&old, &new, &Options::default().with_ignore_case(true)).unwrap();
    assert_eq!(moved(&d, &old, &new), [("SUMMIT TALKS", "Summit talks")]);
    assert_eq!(d.moves[0].similarity, 1.0);
    // Quote style and spacing never count.
    let (old, new) = body("“Summit”  talks", "\"Summit\" talks");
    let d = diff(&old, &new, &Options::default()).unwrap();
    assert_eq!(d.moves.len(), 1);
    assert_eq!(d.moves[0].similarity, 1.0);
}

#[test]
fn the_seed_pair_still_has_no_moves() {
    let d = diff(common::OLD, common::NEW, &Options::default()).unwrap();
    assert!(d.moves.is_empty(), "{:?}", d.moves);
}
