//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod rng;

use article_diff::{Diff, Op, Row, Span, SpanKind};

/// The seed pair: a plain scrape (old) and a later Markdown-ish copy (new).
pub const OLD: &str = include_str!("../fixtures/old.txt");
pub const NEW: &str = include_str!("../fixtures/new.txt");

/// Spans as text, `[-deleted-]` / `[+inserted+]`, cosmetic ones `{-…-}` / `{+…+}`.
pub fn markup(spans: &[Span<'_>]) -> String {
    spans
        .iter()
        .map(|s| match (s.kind, s.cosmetic) {
            (SpanKind::Equal, _) => s.text.to_string(),
            (SpanKind::Delete, false) => format!("[-{}-]", s.text),
            (SpanKind::Insert, false) => format!("[+{}+]", s.text),
            (SpanKind::Delete, true) => format!("{{-{}-}}", s.text),
            (SpanKind::Insert, true) => format!("{{+{}+}}", s.text),
        })
        .collect()
}

/// One row as reviewable text.
pub fn show_row(row: &Row<'_>) -> String {
    let mut s = format!("{:?}", row.kind);
    if let Some(m) = row.move_id {
        s.push_str(&format!(" move {m}"));
    }
    if row.cosmetic {
        s.push_str(" (cosmetic)");
    }
    for (side, cell) in [("old", &row.old), ("new", &row.new)] {
        if let Some(c) = cell {
            s.push_str(&format!("\n  {side} {:?}: {}", c.paragraphs, markup(&c.spans)));
        }
    }
    s
}

/// The whole diff as reviewable text.
pub fn show(d: &Diff<'_>) -> String {
    let mut s: Vec<String> = d.rows().map(|r| show_row(&r)).collect();
    s.push(format!("moves: {:?}", d.moves));
    s.push(format!("stats: {:?}", d.stats));
    s.push(format!("approximate: {}", d.approximate));
    s.join("\n")
}

/// Asserts that the flat edits rebuild both inputs and never repeat an op.
pub fn assert_exact(d: &Diff<'_>, old: &str, new: &str) {
    let rebuilt_old: String =
        d.edits.iter().filter(|e| e.op != Op::Insert).map(|e| e.text).collect();
    let rebuilt_new: String =
        d.edits.iter().filter(|e| e.op != Op::Delete).map(|e| e.text).collect();
    assert!(rebuilt_old == old, "equal+delete edits do not rebuild the old text");
    assert!(rebuilt_new == new, "equal+insert edits do not rebuild the new text");
    for pair in d.edits.windows(2) {
        assert_ne!(pair[0].op, pair[1].op, "adjacent edits share an op");
    }
    assert!(d.edits.iter().all(|e| !e.text.is_empty()), "empty edit");
}

/// Texts of a cell's spans that are changes of `kind`.
pub fn changes<'a>(spans: &[Span<'a>], kind: SpanKind, cosmetic: bool) -> Vec<&'a str> {
    spans.iter().filter(|s| s.kind == kind && s.cosmetic == cosmetic).map(|s| s.text).collect()
}
