//! Reviewed snapshots of whole read documents (`cargo insta review`): a WordPress block-editor
//! body with its `<!-- wp:… -->` comments, a plain HTML article (both written for these tests,
//! `tests/fixtures/markup/`), and the seed pair's later copy read as Markdown.
//!
//! Each block is one line: index, kind, quote depth, list item, source range, text; its marks
//! and embeds follow, indented.
#![cfg(all(feature = "markdown", not(target_arch = "wasm32")))]

use std::fmt::Write;

use article_diff::markup::{read, Document, Markup};

fn render(doc: &Document, source: &str) -> String {
    let mut out = String::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let list = b.list.map_or(String::new(), |l| {
            format!(
                " list(depth {}{}{})",
                l.depth,
                l.number.map_or(String::new(), |n| format!(", {n}.")),
                if l.first { "" } else { ", continued" }
            )
        });
        let quote =
            if b.quote_depth > 0 { format!(" quote {}", b.quote_depth) } else { String::new() };
        let _ = writeln!(
            out,
            "{i} {:?}{quote}{list} @{}..{} {:?}",
            b.kind,
            b.source.start,
            b.source.end,
            &doc.text[b.text.clone()]
        );
        // Every block's source range starts at a tag or at its first visible character.
        assert!(source.is_char_boundary(b.source.start) && source.is_char_boundary(b.source.end));
        for m in
            doc.marks.iter().filter(|m| b.text.start <= m.text.start && m.text.end <= b.text.end)
        {
            let _ = writeln!(out, "    {:?} {:?}", m.kind, &doc.text[m.text.clone()]);
        }
        for e in doc.embeds.iter().filter(|e| b.text.start <= e.at && e.at < b.text.end) {
            let _ = writeln!(out, "    {:?} src={:?} alt={:?}", e.kind, e.src, e.alt);
        }
    }
    out
}

fn snapshot(path: &str, markup: Markup) -> String {
    let source = std::fs::read_to_string(path).expect("fixture");
    let doc = read(&source, markup).expect("reads");
    render(&doc, &source)
}

#[test]
fn wordpress_block_editor_body() {
    insta::assert_snapshot!(snapshot("tests/fixtures/markup/wordpress.html", Markup::Html));
}

#[test]
fn plain_html_article() {
    insta::assert_snapshot!(snapshot("tests/fixtures/markup/article.html", Markup::Html));
}

#[test]
fn seed_markdown_copy() {
    insta::assert_snapshot!(snapshot("tests/fixtures/new.txt", Markup::Markdown));
}
