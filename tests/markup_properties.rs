//! Property tests of the markup reader: on any input it never panics, and the document it
//! returns holds its invariants (`check`): blocks joined by blank lines, block and mark ranges
//! in bounds and on char boundaries, marks inside one block and never on whitespace, embeds on
//! their U+FFFC, source offsets on char boundaries of the source. Block source ranges are also
//! in source order, except where a table's foster parenting moves text before the table.
//!
//! Generators: tag soup glued from HTML pieces (tags, attributes, comments, references, raw-text
//! elements, multibyte text) and from Markdown pieces, and arbitrary Unicode. `PROPTEST_CASES=n`
//! scales them.
#![cfg(all(feature = "markdown", not(target_arch = "wasm32")))]

use article_diff::markup::{read, Document, Markup, ReadError};
use proptest::prelude::*;

mod invariants;

const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<em>",
    "</em>",
    "<a href='/x'>",
    "<a href=javascript:y>",
    "</a>",
    "<li>",
    "</li>",
    "<ul>",
    "</ul>",
    "<ol start=2>",
    "</ol>",
    "<h2>",
    "</h2>",
    "<blockquote>",
    "</blockquote>",
    "<pre>",
    "</pre>",
    "<br>",
    "</br>",
    "<br/>",
    "<img src=a.png alt='A'>",
    "<span>",
    "</span>",
    "<code>",
    "</code>",
    "<sub>",
    "<sup>",
    "<dl><dt>",
    "<dd>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "<xmp>",
    "</xmp>",
    "<!--",
    "-->",
    "<!-- wp:paragraph -->",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "<?x?>",
    "</ x>",
    "<svg>",
    "</svg>",
    "<math>",
    "<mi>",
    "</math>",
    "<template>",
    "</template>",
    "<noscript>",
    "<button>",
    "<nobr>",
    "<font color=red>",
    "<u>",
    "<s>",
    "<hr>",
    "<p hidden>",
    "<a href=\"",
    "\"",
    "'",
    "=",
    "<",
    ">",
    "&",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#x110000;",
    "&#0;",
    "&#xD800;",
    "&copy",
    "&notit;",
    "&NotEqualTilde;",
    "word",
    "two words",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "é",
    "😀",
    "\u{FFFC}",
    "日本語",
    "\u{301}",
];

const TABLE_PIECES: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "<tbody>",
    "<caption>",
    "<colgroup>",
    "<col>",
];

const MARKDOWN_PIECES: &[&str] = &[
    "# ",
    "## ",
    "\n",
    "\n\n",
    "> ",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "   ",
    "    ",
    "```",
    "~~~",
    "`",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "[",
    "](",
    ")",
    "![",
    "<https://a.example>",
    "<a@b.example>",
    "\\",
    "\\*",
    "---",
    "===",
    "|",
    "| --- |",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<!-- c -->",
    "<script>",
    "</script>",
    "<br>",
    "&amp;",
    "&#8217;",
    "word",
    "two words",
    "é",
    "😀",
    "\r\n",
    "\t",
    "javascript:x",
    "/rel",
];

fn glued(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pieces), 0..max).prop_map(|v| v.concat())
}

fn html_soup(with_tables: bool) -> impl Strategy<Value = String> {
    let pieces: &'static [&'static str] = if with_tables {
        Box::leak([HTML_PIECES, TABLE_PIECES].concat().into_boxed_slice())
    } else {
        HTML_PIECES
    };
    glued(pieces, 60)
}

/// U+FFFC, the placeholder of an embed.
const OBJECT: char = '\u{FFFC}';

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// The document's invariants; `ordered`: block source ranges follow the source.
fn check(doc: &Document, source: &str, ordered: bool) -> Result<(), TestCaseError> {
    let text = &doc.text;
    let mut expected_start = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        prop_assert_eq!(
            b.text.start,
            expected_start,
            "block {} starts after the previous and a blank line",
            i
        );
        prop_assert!(
            b.text.start < b.text.end && b.text.end <= text.len(),
            "block {} text in bounds",
            i
        );
        prop_assert!(text.is_char_boundary(b.text.start) && text.is_char_boundary(b.text.end));
        prop_assert!(
            text[b.text.clone()].chars().any(|c| !is_space(c)),
            "block {} has a visible character",
            i
        );
        prop_assert!(
            b.source.start <= b.source.end && b.source.end <= source.len(),
            "block {} source in bounds",
            i
        );
        prop_assert!(
            source.is_char_boundary(b.source.start) && source.is_char_boundary(b.source.end)
        );
        if i + 1 < doc.blocks.len() {
            prop_assert_eq!(&text[b.text.end..b.text.end + 2], "\n\n");
            if ordered {
                prop_assert!(
                    b.source.end <= doc.blocks[i + 1].source.start,
                    "block {} ends before block {} starts",
                    i,
                    i + 1
                );
            }
        }
        expected_start = b.text.end + 2;
    }
    prop_assert_eq!(expected_start.saturating_sub(2), text.len(), "the blocks make up the text");
    for m in &doc.marks {
        prop_assert!(m.text.start < m.text.end);
        prop_assert!(
            doc.blocks.iter().any(|b| b.text.start <= m.text.start && m.text.end <= b.text.end),
            "mark in one block"
        );
        let s = &text[m.text.clone()];
        prop_assert!(
            !s.starts_with(is_space) && !s.ends_with(is_space),
            "mark {:?} on whitespace",
            s
        );
    }
    let mut last = None;
    for e in &doc.embeds {
        prop_assert!(text[e.at..].starts_with(OBJECT), "embed on its placeholder");
        prop_assert!(last.is_none_or(|l| l < e.at));
        last = Some(e.at);
    }
    prop_assert!(doc.source_anchors().windows(2).all(|w| w[0].text < w[1].text), "anchors sorted");
    for b in &doc.blocks {
        for (i, _) in text[b.text.clone()].char_indices() {
            let at = doc.source_offset(b.text.start + i);
            prop_assert!(
                at <= source.len() && source.is_char_boundary(at),
                "source offset of text {}",
                b.text.start + i
            );
        }
    }
    Ok(())
}

fn check_read(source: &str, markup: Markup, ordered: bool) -> Result<(), TestCaseError> {
    match read(source, markup) {
        Ok(doc) => check(&doc, source, ordered),
        Err(ReadError::TooComplex { .. }) => Ok(()),
        Err(e) => Err(TestCaseError::fail(format!("unexpected error {e}"))),
    }
}

/// 600 cases per test, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(600),
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn html_soup_without_tables_reads_in_order(source in html_soup(false)) {
        check_read(&source, Markup::Html, true)?;
    }

    #[test]
    fn html_soup_with_tables_reads(source in html_soup(true)) {
        check_read(&source, Markup::Html, false)?;
    }

    #[test]
    fn markdown_reads_in_order(source in glued(MARKDOWN_PIECES, 60)) {
        check_read(&source, Markup::Markdown, true)?;
    }

    #[test]
    fn any_unicode_reads(source in "\\PC{0,200}") {
        check_read(&source, Markup::Html, false)?;
        check_read(&source, Markup::Markdown, false)?;
    }
}

/// Inputs the generators once found, checked on every run rather than by chance.
#[test]
fn markdown_found_cases_read_in_order() {
    for source in [
        // A list item whose first child is a list, then a list indented by a tab: the tab is
        // partly the outer item's indentation (pulldown-cmark issue 983).
        "- 1. **\n\t- `",
        "# \n- 1. **\n\t- `# ",
        "## | --- |<br><script><br>\n\n</div><https://a.example>## </b>   &amp;\t- \n\n\n* 2) - ~~<br>[<script>~~\\~~~</b>\n\n\t- \\*😀javascript:x<b># ",
    ] {
        if let Err(e) = check_read(source, Markup::Markdown, true) {
            panic!("{source:?}: {e}");
        }
    }
}

/// Words, and the block each sentence of them is written as: a paragraph, a heading, a list item.
fn sentences() -> impl Strategy<Value = Vec<(Vec<&'static str>, usize)>> {
    const WORDS: &[&str] =
        &["alpha", "beta", "gamma", "delta", "<b>bold</b>", "<a href=/x>link</a>"];
    prop::collection::vec(
        (prop::collection::vec(prop::sample::select(WORDS), 1..8), 0..3usize),
        1..12,
    )
}

/// The sentences as HTML: each opens a block of its kind unless `join` says it continues the
/// previous one (so that two copies with other joins split and merge paragraphs).
fn blocks_html(sentences: &[(Vec<&str>, usize)], join: &[bool]) -> String {
    let tags = ["p", "h2", "li"];
    let mut out = String::new();
    let mut open: Option<&str> = None;
    for (k, (words, kind)) in sentences.iter().enumerate() {
        if !(join.get(k).copied().unwrap_or(false) && open.is_some()) {
            if let Some(tag) = open.take() {
                out.push_str(&format!("</{tag}>"));
            }
            let tag = tags[*kind];
            out.push_str(&format!("<{tag}>"));
            open = Some(tag);
        } else {
            out.push(' ');
        }
        out.push_str(&words.join(" "));
        out.push('.');
    }
    if let Some(tag) = open {
        out.push_str(&format!("</{tag}>"));
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Two documents with the same sentences, blocked, split and merged differently: every
    /// formatting change is carried by a span and every span's change exists, and the edits
    /// rebuild both texts (what `annotate` must keep when it drops a block change no span carries).
    #[test]
    fn diffs_of_split_and_merged_blocks_keep_their_formatting_consistent(
        sentences in sentences(),
        old_join in prop::collection::vec(any::<bool>(), 12),
        new_join in prop::collection::vec(any::<bool>(), 12),
        kinds in prop::collection::vec(0..3usize, 12),
    ) {
        let old_html = blocks_html(&sentences, &old_join);
        let renamed: Vec<_> =
            sentences.iter().zip(&kinds).map(|((w, _), k)| (w.clone(), *k)).collect();
        let new_html = blocks_html(&renamed, &new_join);
        let (old, new) = (read(&old_html, Markup::Html).unwrap(), read(&new_html, Markup::Html).unwrap());
        let d = article_diff::diff_documents(&old, &new, &article_diff::Options::default()).unwrap();
        let mut carried = vec![false; d.formatting.len()];
        for row in d.rows() {
            for cell in [&row.old, &row.new].into_iter().flatten() {
                for span in &cell.spans {
                    if let Some(f) = span.formatting {
                        prop_assert!(f.index() < d.formatting.len(), "{:?} → {:?}", old_html, new_html);
                        carried[f.index()] = true;
                    }
                }
            }
        }
        prop_assert!(carried.iter().all(|&c| c), "a change no span carries: {:?} → {:?}", old_html, new_html);
        prop_assert_eq!(d.stats.formatting_changes, d.formatting.len());
        let rebuilt_old: String = d.edits.iter().filter(|e| e.op != article_diff::Op::Insert).map(|e| e.text).collect();
        let rebuilt_new: String = d.edits.iter().filter(|e| e.op != article_diff::Op::Delete).map(|e| e.text).collect();
        prop_assert_eq!(rebuilt_old, old.text);
        prop_assert_eq!(rebuilt_new, new.text);
    }
}

/// A source of `pieces` and a revision of it: up to four pieces replaced by others, so that
/// most of the two documents is shared and what differs is words, formatting and blocks.
fn revised(pieces: &'static [&'static str]) -> impl Strategy<Value = (String, String)> {
    let piece = prop::sample::select(pieces);
    (
        prop::collection::vec(piece.clone(), 1..60),
        prop::collection::vec((any::<prop::sample::Index>(), piece), 0..4),
    )
        .prop_map(|(old, replaced)| {
            let mut new = old.clone();
            for (at, with) in replaced {
                new[at.index(old.len())] = with;
            }
            (old.concat(), new.concat())
        })
}

/// Holds the documents diff of `old` and `new` (read as `markup`) to the model's invariants,
/// the checker every plain-text diff is held to.
fn check_documents_diff(old: &str, new: &str, markup: Markup) -> Result<(), TestCaseError> {
    let (old_doc, new_doc) = (read(old, markup).unwrap(), read(new, markup).unwrap());
    let options = article_diff::Options::default().with_timeout(None);
    let d = article_diff::diff_documents(&old_doc, &new_doc, &options).unwrap();
    invariants::check_documents(&d, &old_doc, &new_doc, &options)
        .map_err(|e| TestCaseError::fail(format!("{e}: {old:?} → {new:?}")))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn html_documents_diffs_hold_the_model_invariants(
        (old, new) in revised(HTML_PIECES),
        (a, b) in (html_soup(true), html_soup(true)),
    ) {
        check_documents_diff(&old, &new, Markup::Html)?;
        check_documents_diff(&a, &b, Markup::Html)?;
    }

    #[test]
    fn markdown_documents_diffs_hold_the_model_invariants((old, new) in revised(MARKDOWN_PIECES)) {
        check_documents_diff(&old, &new, Markup::Markdown)?;
    }
}
