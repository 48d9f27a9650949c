//! Fuzzes `article_diff::markup::read` (HTML and Markdown) with arbitrary sources: it never
//! panics, and the document's ranges stay in bounds and on char boundaries (the property tests
//! in `tests/markup_properties.rs` check the rest).
#![no_main]

use article_diff::markup::{read, Markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &str)| {
    let (markdown, source) = input;
    let markup = if markdown { Markup::Markdown } else { Markup::Html };
    let Ok(doc) = read(source, markup) else { return };
    for b in &doc.blocks {
        assert!(b.text.start < b.text.end && b.text.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(b.text.start) && doc.text.is_char_boundary(b.text.end));
        assert!(b.source.start <= b.source.end && b.source.end <= source.len());
        assert!(source.is_char_boundary(b.source.start) && source.is_char_boundary(b.source.end));
    }
    for m in &doc.marks {
        assert!(m.text.start < m.text.end && m.text.end <= doc.text.len());
    }
    for e in &doc.embeds {
        assert!(doc.text[e.at..].starts_with('\u{FFFC}'));
    }
});
