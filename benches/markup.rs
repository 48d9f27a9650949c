//! Native benchmark of diffing two documents against diffing their visible texts:
//! `cargo bench --bench markup`. The target (issue 27) is an HTML body costing at most 1.5× the
//! same visible text diffed as plain text; `html_*` includes reading both sources.
//!
//! Inputs: a ~1 MB WordPress-like HTML article (block comments, headings, links, emphasis,
//! lists) and a copy with scattered word edits, formatting changes and a moved list, built from
//! a fixed seed before timing.

use std::sync::LazyLock;

use article_diff::markup::{read, read_pair, Markup};
use article_diff::{diff, diff_documents, Options};
#[path = "../tests/common/rng.rs"]
mod rng;
use rng::Rng;

const NEW: &str = include_str!("../tests/fixtures/new.txt");

fn main() {
    divan::main();
}

/// A WordPress block-editor body of about `bytes`, and a copy with `edits` word edits and as
/// many formatting changes (emphasis made bold, a link retargeted).
fn articles(bytes: usize, edits: usize) -> (String, String) {
    let vocabulary: Vec<&str> = NEW
        .split_whitespace()
        .filter(|w| !w.contains(['<', '>', '&', '[', ']', '*', '_', '`', '#']))
        .collect();
    let mut rng = Rng(11);
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut total = 0;
    while total < bytes {
        let words: Vec<String> = (0..30 + rng.below(90))
            .map(|_| vocabulary[rng.below(vocabulary.len())].to_string())
            .collect();
        total += words.iter().map(|w| w.len() + 1).sum::<usize>() + 60;
        blocks.push(words);
    }
    let render = |blocks: &[Vec<String>], styled: &dyn Fn(usize, usize, &str) -> String| {
        let mut out = String::new();
        for (b, words) in blocks.iter().enumerate() {
            let inner: Vec<String> =
                words.iter().enumerate().map(|(w, word)| styled(b, w, word)).collect();
            if b % 25 == 0 {
                out.push_str(&format!(
                    "<!-- wp:heading --><h2>{}</h2><!-- /wp:heading -->\n",
                    inner[..inner.len().min(6)].join(" ")
                ));
            } else if b % 7 == 0 {
                out.push_str(&format!(
                    "<!-- wp:list --><ul><li>{}</li></ul><!-- /wp:list -->\n",
                    inner.join(" ")
                ));
            } else {
                out.push_str(&format!(
                    "<!-- wp:paragraph -->\n<p>{}</p>\n<!-- /wp:paragraph -->\n\n",
                    inner.join(" ")
                ));
            }
        }
        out
    };
    let old_style = |b: usize, w: usize, word: &str| match (b + w) % 17 {
        0 => format!("<em>{word}</em>"),
        5 => format!("<a href=\"https://example.org/{b}/{w}\">{word}</a>"),
        _ => word.to_string(),
    };
    let old = render(&blocks, &old_style);
    let mut changed = std::collections::HashSet::new();
    for _ in 0..edits {
        let b = rng.below(blocks.len());
        let w = rng.below(blocks[b].len());
        blocks[b][w] = format!("edit{}", rng.below(10_000));
        changed.insert((b, rng.below(blocks[b].len())));
    }
    let new_style = |b: usize, w: usize, word: &str| match ((b + w) % 17, changed.contains(&(b, w)))
    {
        (0, true) => format!("<strong>{word}</strong>"),
        (5, true) => format!("<a href=\"https://example.org/moved/{b}/{w}\">{word}</a>"),
        _ => old_style(b, w, word),
    };
    (old, render(&blocks, &new_style))
}

static HTML: LazyLock<(String, String)> = LazyLock::new(|| articles(1_000_000, 40));
static TEXT: LazyLock<(String, String)> = LazyLock::new(|| {
    let (old, new) = &*HTML;
    (read(old, Markup::Html).unwrap().text, read(new, Markup::Html).unwrap().text)
});

/// The visible texts diffed as plain text: the baseline.
#[divan::bench(sample_count = 20)]
fn text_1mb_visible_text() {
    let (old, new) = &*TEXT;
    divan::black_box(diff(old, new, &Options::default()).unwrap());
}

/// The HTML sources read and diffed as documents (formatting included).
#[divan::bench(sample_count = 20)]
fn html_1mb_read_and_diff_documents() {
    let (old, new) = &*HTML;
    let (a, b) = read_pair(old, new, Markup::Html).unwrap();
    divan::black_box(diff_documents(&a, &b, &Options::default()).unwrap().stats);
}

/// Both sources read as `html_1mb_read_and_diff_documents` reads them: the new one only where
/// it differs from the old one (`read_pair`).
#[divan::bench(sample_count = 20)]
fn html_1mb_read_pair() {
    let (old, new) = &*HTML;
    divan::black_box(read_pair(old, new, Markup::Html).unwrap());
}

/// Reading alone: the new 1 MB source into a document (the cost the two sides of
/// `html_1mb_read_and_diff_documents` pay before any diffing).
#[divan::bench(sample_count = 20)]
fn html_1mb_read() {
    let (_, new) = &*HTML;
    divan::black_box(read(new, Markup::Html).unwrap());
}
