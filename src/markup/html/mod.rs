//! The HTML reader: tokenizer → tree construction → rendering walk, each a module, and a
//! fast path ([`stream`]) from the tokens to the document for well-nested bodies.
//!
//! Malformed markup is read the way a browser reads it, because the first two stages follow
//! the WHATWG parsing algorithm (see [`tree`] for what is and is not modelled), and
//! `tests/e2e/markup.test.mjs` checks the result against Chromium's own parser.

mod render;
// The Markdown reader's wasm module reads no HTML sources (the HTML module does), and its size
// budget has no room for a second HTML reader.
#[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
mod splice;
#[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
mod stream;
mod tags;
mod tokenizer;
mod tree;

pub(crate) use tree::Framesets;

use super::builder::Builder;
use super::ReadError;

/// Reads `input` (HTML) into `out`, a new builder: by the fast path of [`stream`] where it
/// covers the body, else by the full reader from the start.
pub(crate) fn read(input: &str, out: &mut Builder) -> Result<(), ReadError> {
    #[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
    {
        if stream::read(input, out) {
            return Ok(());
        }
        *out = Builder::for_source(input.len());
    }
    read_into(input, out, &|p| p, Framesets::Replace)
}

/// The points where the fast path's reading of a source rested, for [`read_revision`].
#[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
pub(crate) type Checkpoints = Vec<stream::Checkpoint>;
/// Without the fast path, no reading rests anywhere.
#[cfg(all(target_arch = "wasm32", feature = "markdown"))]
pub(crate) type Checkpoints = ();

/// [`read`], and where the fast path's reading rested when it covered the body.
pub(crate) fn read_recorded(
    input: &str,
    out: &mut Builder,
) -> Result<Option<Checkpoints>, ReadError> {
    #[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
    {
        if let Some(points) = stream::read_recorded(input, out) {
            return Ok(Some(points));
        }
        *out = Builder::for_source(input.len());
    }
    read_into(input, out, &|p| p, Framesets::Replace)?;
    Ok(None)
}

#[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
pub(crate) use splice::TextCopy;

/// The document of `new`, a revision of `old_source` read into `old` with the fast path
/// resting at `points`, read only where the two differ (`splice.rs`), and the stretches of
/// its text copied from `old`'s; `None` when it must be read whole.
#[cfg(not(all(target_arch = "wasm32", feature = "markdown")))]
pub(crate) fn read_revision(
    old_source: &str,
    old: &super::Document,
    points: &Checkpoints,
    new: &str,
) -> Option<(super::Document, Vec<TextCopy>)> {
    splice::read_revision(old_source, old, points, new)
}

/// Reads `input` (HTML) into `out`; `pos` maps offsets in `input` to offsets in the source
/// the document describes (the identity, except for HTML blocks inside Markdown).
pub(crate) fn read_into(
    input: &str,
    out: &mut Builder,
    pos: &dyn Fn(usize) -> usize,
    framesets: Framesets,
) -> Result<(), ReadError> {
    let tree = tree::build(input, framesets)?;
    render::render(&tree, out, pos);
    Ok(())
}

#[cfg(feature = "markdown")]
/// One tag of raw HTML inside Markdown (`a <b>bold</b> word`), as the tokenizer reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InlineTag {
    pub(crate) name: String,
    pub(crate) end: bool,
    pub(crate) href: Option<String>,
    pub(crate) src: Option<String>,
    pub(crate) alt: Option<String>,
    pub(crate) title: Option<String>,
}

#[cfg(feature = "markdown")]
/// The text a browser shows of raw HTML that opens with a bogus comment (`<![CDATA[…]]>`,
/// `<?…?>`, `<!…>`), which ends at the first `>`, and where that text starts in `html`: the
/// tokenizer's text tokens after it (references decoded), tags left out.
pub(crate) fn text_after_comment(html: &str) -> (String, usize) {
    let mut tokenizer = tokenizer::Tokenizer::new(html);
    let (mut text, mut start) = (String::new(), html.len());
    loop {
        match tokenizer.next_token() {
            tokenizer::Token::Text { text: t, source } => {
                start = start.min(source.start);
                text.push_str(&t);
            }
            tokenizer::Token::Eof => return (text, start),
            _ => {}
        }
    }
}

#[cfg(feature = "markdown")]
/// The tag `html` holds, if it is a start or end tag (not a comment, a declaration or text).
pub(crate) fn inline_tag(html: &str) -> Option<InlineTag> {
    let mut tokenizer = tokenizer::Tokenizer::new(html);
    let (name, end, attributes) = match tokenizer.next_token() {
        tokenizer::Token::StartTag { name, attributes, .. } => (name, false, attributes),
        tokenizer::Token::EndTag { name, .. } => (name, true, Vec::new()),
        _ => return None,
    };
    let get =
        |n: &str| attributes.iter().find(|a| a.name == n).map(|a| a.value.clone().into_owned());
    Some(InlineTag {
        name: name.into_owned(),
        end,
        href: get("href"),
        src: get("src"),
        alt: get("alt"),
        title: get("title"),
    })
}
