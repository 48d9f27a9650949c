//! The read document: what a reader sees of an HTML or Markdown article, as plain data.
//!
//! ```text
//!  <h2>Intro</h2>                        blocks  0 Heading(2)  "Intro"
//!  <p>A <b>bold</b> <a href="/x">move</a>        1 Paragraph   "A bold move"
//!  <ul><li>one<li>two</ul>                        2 Paragraph, list: unordered depth 1  "one"
//!                                                 3 Paragraph, list: unordered depth 1  "two"
//!  text  "Intro\n\nA bold move\n\none\n\ntwo"
//!  marks Bold over "bold", Link("/x") over "move"
//! ```
//!
//! [`Document::text`] is the blocks' visible texts joined by a blank line (`"\n\n"`), so a
//! document whose blocks hold no blank line reads back into the same paragraphs as plain text
//! would. A line break inside a block (`<br>`, a Markdown hard break, a line of a code block)
//! is `"\n"`. Each image or embed is one U+FFFC (OBJECT REPLACEMENT CHARACTER) in the text,
//! described by an [`Embed`] at that offset.
//!
//! All offsets are bytes: into [`Document::text`] for `text` ranges, into the source for
//! `source` ranges; both always fall on char boundaries.

use super::scan::find4;
use core::ops::Range;
use std::borrow::Cow;

/// An HTML or Markdown article as a reader sees it. See the [module docs](crate::markup).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The visible text: each block's text, joined by `"\n\n"`.
    pub text: String,
    /// The blocks (paragraphs, headings, list items…) in reading order.
    pub blocks: Vec<Block>,
    /// Inline formatting, sorted by start; each lies inside one block, starts and ends on a
    /// visible character (never on whitespace), and marks of one kind never touch or overlap.
    pub marks: Vec<Mark>,
    /// Images and other embedded objects, in text order.
    pub embeds: Vec<Embed>,
    /// Where each stretch of the text comes from, sorted by text offset; see
    /// [`Document::source_offset`].
    pub(crate) anchors: Vec<Anchor>,
}

/// Where the text from [`Anchor::text`] up to the next anchor comes from: a verbatim copy of
/// the source from [`Anchor::source`] on, or, when [`Anchor::decoded`], text made of the
/// source there (a character reference, collapsed whitespace, a line break's tag) that maps
/// to its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// A text offset.
    pub text: u32,
    /// The source offset of that text offset.
    pub source: u32,
    /// The stretch is not a copy of the source.
    pub decoded: bool,
}

/// One paragraph-like block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What kind of block it is.
    pub kind: BlockKind,
    /// How many block quotes (`<blockquote>`, Markdown `>`) it sits in.
    pub quote_depth: u32,
    /// The list item it belongs to, if any.
    pub list: Option<ListItem>,
    /// Its text in [`Document::text`].
    pub text: Range<usize>,
    /// Its range in the source: from the start tag (or Markdown block) that opened it, or its
    /// first visible character, to the end tag that closed it, or its last visible character.
    pub source: Range<usize>,
}

/// What a block is. Text that sits directly in a container (`<div>`, `<li>`, a tight Markdown
/// list item) is a [`BlockKind::Paragraph`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// `<p>`, or text in any other container.
    Paragraph,
    /// `<h1>`–`<h6>`, Markdown ATX and setext headings; the level is 1–6.
    Heading(u8),
    /// `<pre>` (and `<listing>`, `<xmp>`, `<plaintext>`), Markdown fenced and indented code.
    Preformatted,
    /// `<dt>`.
    Term,
    /// `<dd>`.
    Description,
    /// `<caption>`, `<figcaption>`.
    Caption,
    /// `<td>`, or `<th>` (`header`); Markdown table cells.
    TableCell {
        /// A header cell.
        header: bool,
    },
}

/// Where a block sits in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListItem {
    /// An ordered (numbered) list.
    pub ordered: bool,
    /// How many lists the item sits in (1 for a top-level item; 0 for an `<li>` outside any list).
    pub depth: u32,
    /// The item's number in an ordered list (`<ol start>`, `reversed`, `<li value>`).
    pub number: Option<i64>,
    /// The item's first block, the one its marker is drawn beside.
    pub first: bool,
}

/// Inline formatting over a stretch of one block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Which formatting.
    pub kind: MarkKind,
    /// The stretch of [`Document::text`] it covers.
    pub text: Range<usize>,
}

/// A kind of inline formatting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MarkKind {
    /// `<b>`, `<strong>`, Markdown `**`.
    Bold,
    /// `<i>`, `<em>`, `<cite>`, `<dfn>`, `<var>`, Markdown `*`.
    Italic,
    /// `<u>`, `<ins>`.
    Underline,
    /// `<s>`, `<strike>`, `<del>`, Markdown `~~`.
    Strike,
    /// `<code>`, `<kbd>`, `<samp>`, `<tt>`, Markdown code spans (not inside a preformatted block).
    Code,
    /// `<sub>`.
    Subscript,
    /// `<sup>`.
    Superscript,
    /// `<mark>`.
    Highlight,
    /// A link; its target only when it is `http:`, `https:`, `mailto:` or relative
    /// ([`link_target`]), never `javascript:` or any other scheme.
    Link(Option<String>),
}

impl MarkKind {
    /// A bit number for each kind but links, the same in the reader and in the comparison of
    /// two documents, so that a set of kinds is one byte.
    pub(crate) fn bit(&self) -> Option<usize> {
        Some(match self {
            MarkKind::Bold => 0,
            MarkKind::Italic => 1,
            MarkKind::Underline => 2,
            MarkKind::Strike => 3,
            MarkKind::Code => 4,
            MarkKind::Subscript => 5,
            MarkKind::Superscript => 6,
            MarkKind::Highlight => 7,
            MarkKind::Link(_) => return None,
        })
    }
}

/// An image or other embedded object: one U+FFFC in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// What is embedded.
    pub kind: EmbedKind,
    /// Offset of its U+FFFC in [`Document::text`].
    pub at: usize,
    /// Its source URL when `http:`, `https:`, `data:` or relative ([`embed_source`]).
    pub src: Option<String>,
    /// Its text alternative: `alt` for images, `title` for the others.
    pub alt: String,
}

/// A kind of embedded object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EmbedKind {
    /// `<img>`, Markdown `![alt](src)`.
    Image,
    /// `<video>`.
    Video,
    /// `<audio>`.
    Audio,
    /// `<iframe>`.
    Frame,
    /// `<embed>`, `<object>`, `<applet>`.
    Object,
    /// Inline `<svg>`.
    Svg,
}

impl Document {
    /// The visible text of block `i`.
    ///
    /// # Panics
    /// If `i` is out of range.
    pub fn block_text(&self, i: usize) -> &str {
        &self.text[self.blocks[i].text.clone()]
    }

    /// The source offset of text offset `at` (inside a block). Exact at the edges of every
    /// visible character that came verbatim from the source; a character that was decoded (a
    /// character reference, collapsed whitespace) maps to the start of its source.
    pub fn source_offset(&self, at: usize) -> usize {
        let at = at as u64;
        let i = self.anchors.partition_point(|a| u64::from(a.text) <= at);
        let Some(a) = i.checked_sub(1).map(|i| self.anchors[i]) else {
            return 0;
        };
        if a.decoded {
            a.source as usize
        } else {
            (u64::from(a.source) + at - u64::from(a.text)) as usize
        }
    }

    /// The anchors behind [`Document::source_offset`], one where a stretch of text copied
    /// verbatim from the source starts (a run of words is one stretch until a tag, a
    /// reference or collapsed whitespace interrupts it) and one at each decoded piece.
    pub fn source_anchors(&self) -> &[Anchor] {
        &self.anchors
    }
}

/// `url` as a URL parser reads it: without the controls and spaces at either end, nor tabs
/// and line breaks anywhere.
fn clean_url(url: &str) -> Cow<'_, str> {
    // Bytes, not chars: everything stripped is ASCII, and no byte of a longer UTF-8
    // sequence is ASCII.
    let b = url.as_bytes();
    // Most URLs hold no byte up to a space, so there is nothing to strip and nothing to copy;
    // a fold, not `any`, so that the test is made a chunk of bytes a step.
    if !b.iter().fold(false, |found, &c| found | (c <= b' ')) {
        return Cow::Borrowed(url);
    }
    let first = b.iter().position(|&c| c > b' ').unwrap_or(b.len());
    let last = b.iter().rposition(|&c| c > b' ').map_or(first, |i| i + 1);
    let trimmed = &url[first..last];
    let breaks = [b'\t', b'\n', b'\r', b'\r'];
    if find4(trimmed.as_bytes(), 0, trimmed.len(), breaks) < trimmed.len() {
        Cow::Owned(trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect())
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// The length of the scheme a cleaned `url` starts with (its name, before the `:`), if any:
/// a letter, then letters, digits, `+`, `-` and `.` up to a `:`.
fn scheme_len(url: &[u8]) -> Option<usize> {
    if !url.first()?.is_ascii_alphabetic() {
        return None;
    }
    for (i, &c) in url.iter().enumerate().skip(1) {
        match c {
            b':' => return Some(i),
            b'+' | b'-' | b'.' => {}
            c if c.is_ascii_alphanumeric() => {}
            _ => return None,
        }
    }
    None
}

/// `url` cleaned ([`clean_url`]) if it has no scheme or one of `allowed` (lower case): one
/// copy, made only for a URL that is kept.
fn url_with_scheme(url: &str, allowed: [&str; 3]) -> Option<String> {
    let clean = clean_url(url);
    let kept = match scheme_len(clean.as_bytes()) {
        None => true,
        // `| 0x20` lower-cases every byte a scheme may hold (letters, digits, `+-.`).
        Some(end) => allowed
            .iter()
            .any(|a| a.len() == end && a.bytes().zip(clean.bytes()).all(|(a, c)| a == c | 0x20)),
    };
    kept.then(|| clean.into_owned())
}

/// The target a link may lead to: `http:`, `https:`, `mailto:` and relative URLs (cleaned as a
/// URL parser would), `None` for any other scheme (`javascript:`, `data:`, `vbscript:`…).
pub fn link_target(href: &str) -> Option<String> {
    url_with_scheme(href, ["http", "https", "mailto"])
}

/// The source an embed may name: `http:`, `https:`, `data:` and relative URLs, `None` otherwise.
pub fn embed_source(src: &str) -> Option<String> {
    url_with_scheme(src, ["http", "https", "data"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_keep_safe_schemes_only() {
        assert_eq!(link_target(" https://a.example/x "), Some("https://a.example/x".into()));
        assert_eq!(link_target("HTTP://a"), Some("HTTP://a".into()));
        assert_eq!(link_target("mailto:a@b"), Some("mailto:a@b".into()));
        assert_eq!(link_target("/quuz?x=1#y"), Some("/quuz?x=1#y".into()));
        assert_eq!(link_target("#"), Some("#".into()));
        assert_eq!(link_target("a/b:c"), Some("a/b:c".into()));
        assert_eq!(link_target("javascript:alert(1)"), None);
        assert_eq!(link_target(" java\tscript:alert(1)"), None);
        assert_eq!(link_target("\u{1}JavaScript:x"), None);
        assert_eq!(link_target("data:text/html,x"), None);
        assert_eq!(link_target("vbscript:x"), None);
    }

    #[test]
    fn embed_sources_allow_data() {
        assert_eq!(
            embed_source("data:image/png;base64,AAAA"),
            Some("data:image/png;base64,AAAA".into())
        );
        assert_eq!(embed_source("javascript:x"), None);
        assert_eq!(embed_source("img/a.png"), Some("img/a.png".into()));
    }

    #[test]
    fn source_offsets_follow_the_anchors() {
        // "a&amp;b" read as "a&b": a verbatim, "&" from 5 bytes, b verbatim.
        let anchor = |text, source, decoded| Anchor { text, source, decoded };
        let doc = Document {
            text: "a&b".into(),
            anchors: vec![anchor(0, 0, false), anchor(1, 1, true), anchor(2, 6, false)],
            ..Document::default()
        };
        assert_eq!(doc.source_offset(0), 0);
        assert_eq!(doc.source_offset(1), 1);
        assert_eq!(doc.source_offset(2), 6);
        assert_eq!(doc.source_offset(3), 7);
    }
}
