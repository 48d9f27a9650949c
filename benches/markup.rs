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

/// The bench pair as a CMS's theme or a scraped page gives it: the body inside
/// `<main><article><div class="entry-content">`.
static WRAPPED: LazyLock<(String, String)> = LazyLock::new(|| {
    let wrap = |body: &str| {
        format!(
            "<main>\n<article>\n<div class=\"entry-content\">\n{body}</div>\n</article>\n</main>\n"
        )
    };
    let (old, new) = &*HTML;
    (wrap(old), wrap(new))
});

/// Two unrelated bodies of about 1 MB of short paragraphs (3–12 words): nothing of the old
/// one is found in the new one.
static UNRELATED: LazyLock<(String, String)> = LazyLock::new(|| {
    let vocabulary: Vec<&str> = NEW.split_whitespace().filter(|w| w.is_ascii()).collect();
    let body = |seed: u64| {
        let mut rng = Rng(seed);
        let mut out = String::new();
        while out.len() < 1_000_000 {
            let words: Vec<&str> =
                (0..3 + rng.below(10)).map(|_| vocabulary[rng.below(vocabulary.len())]).collect();
            out.push_str(&format!("<p>{}</p>\n", words.join(" ").replace(['<', '&'], "")));
        }
        out
    };
    (body(3), body(5))
});

/// The 1 MB pair wrapped (`WRAPPED`), read as `html_1mb_read_pair` reads it.
#[divan::bench(sample_count = 20)]
fn html_1mb_wrapped_read_pair() {
    let (old, new) = &*WRAPPED;
    divan::black_box(read_pair(old, new, Markup::Html).unwrap());
}

/// Both wrapped sources read whole: what `html_1mb_wrapped_read_pair` saves on.
#[divan::bench(sample_count = 20)]
fn html_1mb_wrapped_read_both() {
    let (old, new) = &*WRAPPED;
    divan::black_box((read(old, Markup::Html).unwrap(), read(new, Markup::Html).unwrap()));
}

/// Unrelated sources (`UNRELATED`) read as a revision of each other: what looking for old
/// chunks costs when none is found.
#[divan::bench(sample_count = 20)]
fn html_1mb_unrelated_read_pair() {
    let (old, new) = &*UNRELATED;
    divan::black_box(read_pair(old, new, Markup::Html).unwrap());
}

/// Unrelated sources read whole: the cost `html_1mb_unrelated_read_pair` should stay near.
#[divan::bench(sample_count = 20)]
fn html_1mb_unrelated_read_both() {
    let (old, new) = &*UNRELATED;
    divan::black_box((read(old, Markup::Html).unwrap(), read(new, Markup::Html).unwrap()));
}

/// Thousands of old chunks after the same bytes, every resting point of the new source after
/// those bytes too but going on with others (`splice.rs`'s
/// `chunks_after_the_same_bytes_by_the_thousand`), about 1 MB each.
static SAME_TAILS: LazyLock<(String, String)> = LazyLock::new(|| {
    let same = "<p>The same paragraph, with the same words at its end, over and over.</p>\n";
    let other = "<p>Another start, with the same words at its end, over and over.</p>\n";
    (same.repeat(14_000), other.repeat(14_000))
});

/// `SAME_TAILS` read as a revision.
#[divan::bench(sample_count = 20)]
fn html_1mb_same_tails_read_pair() {
    let (old, new) = &*SAME_TAILS;
    divan::black_box(read_pair(old, new, Markup::Html).unwrap());
}

/// `SAME_TAILS` read whole.
#[divan::bench(sample_count = 20)]
fn html_1mb_same_tails_read_both() {
    let (old, new) = &*SAME_TAILS;
    divan::black_box((read(old, Markup::Html).unwrap(), read(new, Markup::Html).unwrap()));
}
