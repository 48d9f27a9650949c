//! Articles as a CMS stores them: HTML and Markdown read into what a reader sees.
//!
//! [`read`] turns a source into a [`Document`]: the visible text of each block (paragraph,
//! heading, list item, quote, code block, table cell…), its inline formatting ([`Mark`]s:
//! bold, italic, links with their targets…), images and embeds as placeholders, and where each
//! block came from in the source. Nothing of the markup is text: tags, attributes, comments
//! (WordPress's `<!-- wp:… -->` included), scripts and styles never appear in
//! [`Document::text`].
//!
//! ```
//! use article_diff::markup::{read, BlockKind, Markup, MarkKind};
//!
//! let doc = read("<!-- wp:heading --><h2>Hi</h2><!-- /wp:heading -->\n<p>A <b>bold</b>  move</p>", Markup::Html)?;
//! assert_eq!(doc.text, "Hi\n\nA bold move");
//! assert_eq!(doc.blocks[0].kind, BlockKind::Heading(2));
//! assert_eq!(doc.marks[0].kind, MarkKind::Bold);
//! assert_eq!(&doc.text[doc.marks[0].text.clone()], "bold");
//! # Ok::<(), article_diff::markup::ReadError>(())
//! ```
//!
//! * HTML (`html/`) is parsed by the WHATWG algorithm, malformed input included, and
//!   rendered by the rules in `html/render.rs` and `builder.rs`: whitespace collapses as CSS
//!   collapses it, `<pre>` keeps it. Well-nested bodies of common elements take a fast path
//!   with no element tree (`html/stream.rs`) that gives the same document.
//! * Markdown (`markdown.rs`) is CommonMark (with GFM tables and strikethrough), parsed by
//!   `pulldown-cmark`; raw HTML inside it is read by the HTML reader.
//!
//! Cost: linear in the source. The HTML tree builder counts the steps of its stack walks and
//! stops with [`ReadError::TooComplex`] rather than take quadratic time on hostile nesting.

mod builder;
mod charref;
pub(crate) mod compare;
mod document;
mod entities;
mod html;
// Used by the reader's wasm module (and the tests); natively `diff_documents` needs none of it.
#[cfg(feature = "markdown")]
mod markdown;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod packed;
mod scan;

use core::fmt;
use core::ops::Range;

pub use compare::diff_documents;
pub use document::{
    embed_source, link_target, Anchor, Block, BlockKind, Document, Embed, EmbedKind, ListItem,
    Mark, MarkKind,
};

/// The markup a source is written in. (Plain text needs no reader: the engine diffs it as it is.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Markup {
    /// HTML: a whole document or a fragment such as a CMS's article body.
    Html,
    /// CommonMark Markdown, with GFM tables and strikethrough.
    Markdown,
}

impl Markup {
    /// The markup named `name` (`"html"`, `"markdown"`), as the JavaScript API spells it.
    pub fn from_name(name: &str) -> Option<Markup> {
        match name {
            "html" => Some(Markup::Html),
            "markdown" => Some(Markup::Markdown),
            _ => None,
        }
    }
}

/// Why a source could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// The markup nests so that reading it as a browser does would take more than linear time
    /// (thousands of open elements that every later tag has to walk past).
    TooComplex {
        /// The steps taken when the reader stopped.
        steps: u64,
    },
    /// This build of the crate leaves out the reader for this markup (a cargo feature).
    NotBuiltIn {
        /// The cargo feature that adds it.
        feature: &'static str,
    },
    /// The source is larger than the document's `u32` offsets can address.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooComplex { steps } => write!(
                f,
                "the markup nests too deeply to be read in time (stopped after {steps} steps); \
                 try diffing it as text"
            ),
            ReadError::NotBuiltIn { feature } => {
                write!(f, "this build of article-diff reads no {feature} (its cargo feature `{feature}` is off)")
            }
            ReadError::TooLarge { bytes } => {
                write!(
                    f,
                    "the source is {bytes} bytes; the most the reader accepts is {} bytes",
                    u32::MAX
                )
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads `source`, written in `markup`, into what a reader sees of it.
///
/// # Errors
/// [`ReadError::TooLarge`] past 4 GiB; [`ReadError::TooComplex`] for HTML whose nesting would
/// make a browser's parsing algorithm quadratic.
pub fn read(source: &str, markup: Markup) -> Result<Document, ReadError> {
    if source.len() >= u32::MAX as usize {
        return Err(ReadError::TooLarge { bytes: source.len() });
    }
    let mut out = builder::Builder::for_source(source.len());
    match markup {
        Markup::Html => html::read(source, &mut out)?,
        #[cfg(feature = "markdown")]
        Markup::Markdown => markdown::read_into(source, &mut out)?,
        #[cfg(not(feature = "markdown"))]
        Markup::Markdown => return Err(ReadError::NotBuiltIn { feature: "markdown" }),
    }
    Ok(out.finish())
}

/// Reads two revisions of an article, `old` and `new`, both written in `markup`: the
/// documents [`read`] gives for each, read faster when the two are mostly the same bytes (a
/// CMS's revisions usually are). Of an HTML `new`, only the parts that differ from `old` are
/// read; the rest is taken from `old`'s document, moved to its place. The result is exactly
/// what [`read`] gives for each.
///
/// ```
/// use article_diff::markup::{read, read_pair, Markup};
///
/// let old = "<p>One.</p>\n<p>Two <em>words</em>.</p>\n<p>Three.</p>".repeat(100);
/// let new = old.replacen("Two <em>words</em>", "Two <strong>words</strong>", 1);
/// let (a, b) = read_pair(&old, &new, Markup::Html)?;
/// assert_eq!((a, b), (read(&old, Markup::Html)?, read(&new, Markup::Html)?));
/// # Ok::<(), article_diff::markup::ReadError>(())
/// ```
///
/// # Errors
/// As [`read`], for the first source that cannot be read.
pub fn read_pair(old: &str, new: &str, markup: Markup) -> Result<(Document, Document), ReadError> {
    let first = Revision::read(old, markup)?;
    let second = first.next(new)?;
    Ok((first.document, second))
}

/// Stretches of a text that are copies of another's: `(range in the text, offset in the
/// other)`, in order.
pub(crate) type TextCopies = Vec<(Range<usize>, usize)>;

/// A source read so that a revision of it can be read faster ([`Revision::next`]).
pub(crate) struct Revision<'s> {
    source: &'s str,
    markup: Markup,
    /// What [`read`] gives for `source`.
    pub(crate) document: Document,
    /// Where the HTML fast path's reading of `source` rested, when it read all of it.
    points: Option<html::Checkpoints>,
}

impl<'s> Revision<'s> {
    /// Reads `source` as [`read`] does, recording what [`Revision::next`] needs.
    pub(crate) fn read(source: &'s str, markup: Markup) -> Result<Revision<'s>, ReadError> {
        if markup != Markup::Html {
            let document = read(source, markup)?;
            return Ok(Revision { source, markup, document, points: None });
        }
        if source.len() >= u32::MAX as usize {
            return Err(ReadError::TooLarge { bytes: source.len() });
        }
        let mut out = builder::Builder::for_source(source.len());
        let points = html::read_recorded(source, &mut out)?;
        Ok(Revision { source, markup, document: out.finish(), points })
    }

    /// What [`read`] gives for `new`, written in the same markup: a clone of this document
    /// when the sources are equal, and for HTML read only where `new` differs from this
    /// source (`html/splice.rs`). Markdown is read whole: a link reference definition
    /// anywhere changes what the text before it reads as.
    pub(crate) fn next(&self, new: &str) -> Result<Document, ReadError> {
        self.next_copying(new).map(|(doc, _)| doc)
    }

    /// [`Revision::next`], and the stretches of its text that are copies of this document's,
    /// in order: `(range in the new text, offset in this one)`.
    pub(crate) fn next_copying(&self, new: &str) -> Result<(Document, TextCopies), ReadError> {
        if new == self.source {
            let all = (!self.document.text.is_empty()).then_some((0..self.document.text.len(), 0));
            return Ok((self.document.clone(), all.into_iter().collect()));
        }
        #[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
        if let Some(points) = &self.points {
            if new.len() < u32::MAX as usize {
                if let Some((doc, copies)) =
                    html::read_revision(self.source, &self.document, points, new)
                {
                    return Ok((doc, copies.into_iter().map(|c| (c.new, c.old)).collect()));
                }
            }
        }
        Ok((read(new, self.markup)?, Vec::new()))
    }
}
