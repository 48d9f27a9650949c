//! Diffs of two documents (`diff_documents`, issue 27): golden tests on a WordPress
//! block-editor body, a plain HTML article and the seed pair's Markdown copy, and the
//! invariants every such diff keeps (edits rebuild the visible texts, paragraphs are blocks,
//! formatting only on equal text).
// The reader is compiled into the engine's wasm build only with `markup-module`.
#![cfg(all(feature = "markdown", not(target_arch = "wasm32")))]

use article_diff::markup::{read, Document, Markup};
use article_diff::{diff_documents, Diff, Error, Op, Options, RowKind, SpanKind};

fn html(s: &str) -> Document {
    read(s, Markup::Html).unwrap()
}

/// Descriptions of the formatting changes, in document order (each once).
fn descriptions(d: &Diff<'_>) -> Vec<String> {
    d.formatting.iter().map(|f| f.description.clone()).collect()
}

/// What every diff of two documents keeps.
fn check_invariants(d: &Diff<'_>, old: &Document, new: &Document) {
    let o: String = d.edits.iter().filter(|e| e.op != Op::Insert).map(|e| e.text).collect();
    let n: String = d.edits.iter().filter(|e| e.op != Op::Delete).map(|e| e.text).collect();
    assert_eq!(o, old.text, "equal + delete edits rebuild the old visible text");
    assert_eq!(n, new.text, "equal + insert edits rebuild the new visible text");
    assert_eq!(d.old_paragraphs.len(), old.blocks.len());
    assert_eq!(d.new_paragraphs.len(), new.blocks.len());
    for (p, b) in
        d.old_paragraphs.iter().zip(&old.blocks).chain(d.new_paragraphs.iter().zip(&new.blocks))
    {
        assert_eq!(p.byte_start..p.byte_end, b.text, "paragraphs are the blocks");
    }
    let mut used = vec![false; d.formatting.len()];
    for row in d.rows() {
        for s in [&row.old, &row.new].into_iter().flatten().flat_map(|c| &c.spans) {
            if let Some(f) = s.formatting {
                assert_eq!(s.kind, SpanKind::Equal, "only equal text carries formatting");
                assert!(!s.text.trim().is_empty(), "whitespace never carries formatting");
                used[f.index()] = true;
            }
        }
        if let (Some(oc), Some(nc)) = (&row.old, &row.new) {
            fn eq<'c>(
                c: &'c article_diff::Cell<'_>,
            ) -> Vec<(&'c str, Option<article_diff::FormattingId>)> {
                c.spans
                    .iter()
                    .filter(|s| s.kind == SpanKind::Equal)
                    .map(|s| (s.text, s.formatting))
                    .collect()
            }
            if row.kind != RowKind::Moved {
                assert_eq!(
                    eq(oc),
                    eq(nc),
                    "the k-th equal spans of a row match, formatting included"
                );
            }
        }
    }
    assert!(used.iter().all(|&u| u), "every formatting change is on some span");
    assert_eq!(d.stats.formatting_changes, d.formatting.len());
}

const WP_OLD: &str = r#"<!-- wp:heading {"level":2} -->
<h2 class="wp-block-heading">Harbour plans</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>The harbour board met on <em>Monday</em>. Its <a href="https://example.org/plans/v1">draft plan</a> keeps the old pier.</p>
<!-- /wp:paragraph -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>Dredging in spring</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>A new ferry ramp</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:paragraph -->
<p>Residents may comment until&nbsp;June.</p>
<!-- /wp:paragraph -->"#;

const WP_NEW: &str = r#"<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">Harbour plans</h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>The harbour board met on <strong>Monday</strong>. Its <a href="https://example.org/plans/v2">draft plan</a> keeps the old pier.</p>
<!-- /wp:paragraph -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>A new ferry ramp</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Dredging in spring</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:paragraph -->
<p>Residents may comment until&nbsp;July.</p>
<!-- /wp:paragraph -->"#;

#[test]
fn wordpress_block_editor_body() {
    let (old, new) = (html(WP_OLD), html(WP_NEW));
    assert!(!old.text.contains("wp:"), "block comments are not text");
    let d = diff_documents(&old, &new, &Options::default()).unwrap();
    check_invariants(&d, &old, &new);
    assert_eq!(
        descriptions(&d),
        [
            "heading 2 → heading 3",
            "italic removed, bold added",
            "link target changed: https://example.org/plans/v1 → https://example.org/plans/v2",
        ]
    );
    assert_eq!(
        (d.stats.words_deleted, d.stats.words_inserted),
        (1, 1),
        "June → July is the only word change"
    );
    assert_eq!(d.stats.paragraphs_moved, 1, "a moved <li> moves");
}

#[test]
fn plain_html_article_with_an_edit_a_move_and_formatting() {
    let old = html(
        "<article><h1>Night trains</h1><p>They are back in <b>fashion</b>.</p><p>Sleeper cars were retired in 2009.</p>\
         <blockquote><p>We sold out in a week.</p></blockquote><p>Tickets go on sale soon.</p></article>",
    );
    let new = html(
        "<article><h1>Night trains</h1><p>They are back in fashion.</p><p>Tickets go on sale soon.</p>\
         <p>Sleeper cars were retired in 2010.</p><p>We sold out in a week.</p></article>",
    );
    let d = diff_documents(&old, &new, &Options::default()).unwrap();
    check_invariants(&d, &old, &new);
    assert_eq!(descriptions(&d), ["bold removed", "quoted paragraph → paragraph"]);
    assert_eq!(d.stats.words_deleted, 1);
    assert_eq!(d.stats.words_inserted, 1);
}

#[test]
fn the_seed_pairs_markdown_copy_reads_without_its_syntax() {
    let seed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/new.txt"))
            .unwrap();
    let old = read(&seed, Markup::Markdown).unwrap();
    assert!(old.text.contains("By Vladimir Frolov"));
    assert!(!old.text.contains("](#)"));
    // An editor fills in the author's link: one formatting change, no word changes.
    let edited =
        seed.replacen("[Vladimir Frolov](#)", "[Vladimir Frolov](/authors/vladimir-frolov)", 1);
    let new = read(&edited, Markup::Markdown).unwrap();
    let d = diff_documents(&old, &new, &Options::default()).unwrap();
    check_invariants(&d, &old, &new);
    assert_eq!(descriptions(&d), ["link target changed: # → /authors/vladimir-frolov"]);
    assert_eq!(d.stats.words_inserted + d.stats.words_deleted, 0);
    assert_eq!(d.blocks.iter().filter(|b| matches!(b, article_diff::Block::Row(_))).count(), 1);
}

#[test]
fn a_static_site_posts_front_matter_changes_are_word_changes() {
    // Hugo's, Jekyll's and Decap CMS's posts keep their title, date and tags in front matter: a
    // retitled post is a changed title, not an unchanged diff.
    let post = |title: &str, tag: &str| {
        format!("---\ntitle: {title}\ndate: 2026-12-07\ntags:\n  - {tag}\n---\n\nThe council met on Tuesday.\n")
    };
    let old = read(&post("Harbour plan approved", "harbour"), Markup::Markdown).unwrap();
    let new = read(&post("Harbour plan delayed", "council"), Markup::Markdown).unwrap();
    let d = diff_documents(&old, &new, &Options::default()).unwrap();
    check_invariants(&d, &old, &new);
    assert_eq!(
        (d.stats.words_deleted, d.stats.words_inserted),
        (2, 2),
        "approved → delayed, harbour → council"
    );
    assert!(descriptions(&d).is_empty(), "a changed line of front matter is words, not formatting");
}

#[test]
fn markdown_heading_level_emphasis_and_list_indent() {
    let old = read("# Title\n\nSome *text* here.\n\n- one\n- two\n", Markup::Markdown).unwrap();
    let new =
        read("## Title\n\nSome **text** here.\n\n- one\n  - two\n", Markup::Markdown).unwrap();
    let d = diff_documents(&old, &new, &Options::default()).unwrap();
    check_invariants(&d, &old, &new);
    assert_eq!(
        descriptions(&d),
        ["heading 1 → heading 2", "italic removed, bold added", "list item indented"]
    );
}

#[test]
fn text_diffs_are_unchanged_by_the_markup_feature() {
    let d =
        article_diff::diff("A cat.\n\nB dog.", "A cat.\n\nB fox.", &Options::default()).unwrap();
    assert!(d.formatting.is_empty());
    assert_eq!(d.stats.formatting_changes, 0);
    let json = serde_json::to_string(&d).unwrap();
    assert!(!json.contains("formatting"), "text models serialize as before");
}

#[test]
fn hostile_documents_give_a_diff_or_a_clear_error() {
    let deep = "<div>".repeat(10_000) + "x";
    let cases = [
        deep.as_str(),
        "<p>unclosed <b>bold <i>and <a href=x>more",
        "<!-- a comment that never ends <p>hidden</p>",
        "<script><p>not a paragraph</p></script><p>shown</p>",
        "<p>&#x110000; &#xD800; \u{FFFD}</p>",
    ];
    for old in cases {
        for new in cases {
            let (Ok(a), Ok(b)) = (read(old, Markup::Html), read(new, Markup::Html)) else {
                continue;
            };
            let d = diff_documents(&a, &b, &Options::default()).unwrap();
            check_invariants(&d, &a, &b);
        }
    }
    let script = html("<script><p>not a paragraph</p></script><p>shown</p>");
    assert_eq!(script.text, "shown");
}

#[test]
fn a_document_not_made_by_the_reader_is_refused_with_its_side() {
    let good = html("<p>a</p><p>b</p>");
    let mut bad = good.clone();
    bad.blocks[0].text = 0..5;
    match diff_documents(&good, &bad, &Options::default()) {
        Err(e @ Error::InvalidDocument { .. }) => {
            assert!(e.to_string().contains("new text"), "{e}")
        }
        other => panic!("expected an InvalidDocument error, got {other:?}"),
    }
}
