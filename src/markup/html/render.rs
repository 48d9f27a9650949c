//! What a reader sees of an element tree: one walk in document order, without recursion,
//! that hands text, blocks, line breaks, embeds and formatting to the [`Builder`].
//!
//! The rules (the same as `tests/e2e/markup-reference.mjs`, which applies them to Chromium's tree):
//!
//! * Never shown, with everything inside: `head`, `title`, `meta`, `link`, `base`, `style`,
//!   `script`, `noscript`, `template`, `noembed`, `noframes`, `textarea`, `select`,
//!   `datalist`, `input`, `keygen`, `param`, `source`, `track`, `area`, `rp`, `canvas`,
//!   `frameset`, a `dialog` without `open`, any HTML element with a `hidden` attribute, and
//!   MathML `annotation`, `annotation-xml`. (An `option` outside a `select` is shown.)
//! * Embeds, one placeholder each and nothing of their content: `img`, `video`, `audio`,
//!   `iframe`, `embed`, `object`, `applet`, `svg`.
//! * Blocks (a line of their own, CSS `display: block` and its table and list-item kin): see
//!   [`is_block`]. The block kind, quote depth and list item come from the nearest ancestors
//!   that set them ([`Context`]).
//! * Formatting: see [`mark_of`].

use super::tags::Tag;
use super::tree::{Data, Element, Ns, Tree, HTML_NODE, NONE};
use crate::markup::builder::{Builder, Context};
use crate::markup::document::{embed_source, link_target, BlockKind, EmbedKind, MarkKind};

/// How an element is drawn.
enum Display {
    Hidden,
    Embed(EmbedKind),
    LineBreak,
    Other,
}

fn display(e: &Element) -> Display {
    match e.ns {
        Ns::Svg => {
            return if e.tag == Tag::SVG { Display::Embed(EmbedKind::Svg) } else { Display::Other }
        }
        Ns::MathMl => {
            return if matches!(e.tag, Tag::ANNOTATION | Tag::ANNOTATION_XML) {
                Display::Hidden
            } else {
                Display::Other
            }
        }
        Ns::Html => {}
    }
    if e.attrs.hidden {
        return Display::Hidden;
    }
    match e.tag {
        Tag::HEAD
        | Tag::TITLE
        | Tag::META
        | Tag::LINK
        | Tag::BASE
        | Tag::BASEFONT
        | Tag::BGSOUND
        | Tag::STYLE
        | Tag::SCRIPT
        | Tag::NOSCRIPT
        | Tag::TEMPLATE
        | Tag::NOEMBED
        | Tag::NOFRAMES
        | Tag::TEXTAREA
        | Tag::SELECT
        | Tag::DATALIST
        | Tag::INPUT
        | Tag::KEYGEN
        | Tag::PARAM
        | Tag::SOURCE
        | Tag::TRACK
        | Tag::AREA
        | Tag::RP
        | Tag::CANVAS
        | Tag::FRAMESET
        | Tag::FRAME => Display::Hidden,
        Tag::DIALOG if !e.attrs.open => Display::Hidden,
        Tag::IMG => Display::Embed(EmbedKind::Image),
        Tag::VIDEO => Display::Embed(EmbedKind::Video),
        Tag::AUDIO => Display::Embed(EmbedKind::Audio),
        Tag::IFRAME => Display::Embed(EmbedKind::Frame),
        Tag::EMBED | Tag::OBJECT | Tag::APPLET => Display::Embed(EmbedKind::Object),
        Tag::BR => Display::LineBreak,
        _ => Display::Other,
    }
}

/// Elements drawn as blocks (`display: block`, `list-item`, `table`, its rows and cells).
pub(crate) fn is_block(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::ADDRESS
            | Tag::ARTICLE
            | Tag::ASIDE
            | Tag::BLOCKQUOTE
            | Tag::BODY
            | Tag::CAPTION
            | Tag::CENTER
            | Tag::COLGROUP
            | Tag::DD
            | Tag::DETAILS
            | Tag::DIALOG
            | Tag::DIR
            | Tag::DIV
            | Tag::DL
            | Tag::DT
            | Tag::FIELDSET
            | Tag::FIGCAPTION
            | Tag::FIGURE
            | Tag::FOOTER
            | Tag::FORM
            | Tag::HEADER
            | Tag::HGROUP
            | Tag::HR
            | Tag::HTML
            | Tag::LEGEND
            | Tag::LI
            | Tag::LISTING
            | Tag::MAIN
            | Tag::MENU
            | Tag::NAV
            | Tag::OL
            | Tag::OPTGROUP
            | Tag::OPTION
            | Tag::P
            | Tag::PLAINTEXT
            | Tag::PRE
            | Tag::SEARCH
            | Tag::SECTION
            | Tag::SUMMARY
            | Tag::TABLE
            | Tag::TBODY
            | Tag::TD
            | Tag::TFOOT
            | Tag::TH
            | Tag::THEAD
            | Tag::TR
            | Tag::UL
            | Tag::XMP
    ) || tag.is_heading()
}

/// The formatting an HTML element gives its text.
pub(crate) fn mark_of(e: &Element) -> Option<MarkKind> {
    mark_of_tag(e.tag, e.attrs.href.as_deref())
}

/// The formatting an HTML element `tag` (with that `href`) gives its text.
pub(crate) fn mark_of_tag(tag: Tag, href: Option<&str>) -> Option<MarkKind> {
    Some(match tag {
        Tag::B | Tag::STRONG => MarkKind::Bold,
        Tag::I | Tag::EM | Tag::CITE | Tag::DFN | Tag::VAR => MarkKind::Italic,
        Tag::U | Tag::INS => MarkKind::Underline,
        Tag::S | Tag::STRIKE | Tag::DEL => MarkKind::Strike,
        Tag::CODE | Tag::KBD | Tag::SAMP | Tag::TT => MarkKind::Code,
        Tag::SUB => MarkKind::Subscript,
        Tag::SUP => MarkKind::Superscript,
        Tag::MARK => MarkKind::Highlight,
        Tag::A => MarkKind::Link(link_target(href?)),
        _ => return None,
    })
}

/// The context the blocks inside an HTML element `tag` take, inside `ctx`.
pub(crate) fn context_of(tag: Tag, mut ctx: Context) -> Context {
    match tag {
        Tag::P | Tag::LI => ctx.kind = BlockKind::Paragraph,
        Tag::BLOCKQUOTE => {
            ctx.kind = BlockKind::Paragraph;
            ctx.quote_depth += 1;
        }
        t if t.is_heading() => ctx.kind = BlockKind::Heading((t.0 - Tag::H1.0 + 1) as u8),
        Tag::PRE | Tag::LISTING | Tag::XMP | Tag::PLAINTEXT => {
            ctx.kind = BlockKind::Preformatted;
            ctx.pre = true;
        }
        Tag::DT => ctx.kind = BlockKind::Term,
        Tag::DD => ctx.kind = BlockKind::Description,
        Tag::CAPTION | Tag::FIGCAPTION => ctx.kind = BlockKind::Caption,
        Tag::TD => ctx.kind = BlockKind::TableCell { header: false },
        Tag::TH => ctx.kind = BlockKind::TableCell { header: true },
        _ => {}
    }
    ctx
}

/// HTML's "rules for parsing integers" (`<ol start>`, `<li value>`).
pub(crate) fn parse_integer(value: &str) -> Option<i64> {
    let s = value.trim_start_matches(['\t', '\n', '\x0C', '\r', ' ']);
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let digits = &digits[..digits.bytes().take_while(u8::is_ascii_digit).count()];
    if digits.is_empty() {
        return None;
    }
    let magnitude =
        digits.bytes().fold(0i64, |n, d| n.saturating_mul(10).saturating_add(i64::from(d - b'0')));
    Some(if negative { -magnitude } else { magnitude })
}

struct Frame {
    node: u32,
    saved: Context,
    mark: Option<MarkKind>,
    block: bool,
    list: bool,
}

/// Walks `tree` into `out`; `pos` turns offsets in the parsed text into offsets in the source.
pub(crate) fn render(tree: &Tree<'_>, out: &mut Builder, pos: &dyn Fn(usize) -> usize) {
    let mut frames: Vec<Frame> = Vec::new();
    // Open lists: their ids, innermost last.
    let mut lists: Vec<u32> = Vec::new();
    let mut node = HTML_NODE;
    loop {
        if enter(tree, node, out, &mut frames, &mut lists, pos) {
            let first = tree.nodes[node as usize].first_child;
            if first != NONE {
                node = first;
                continue;
            }
            if let Some(frame) = frames.pop() {
                leave(tree, frame, out, &mut lists, pos);
            }
        }
        // The next node in document order, leaving the elements that end on the way.
        loop {
            if node == HTML_NODE {
                return;
            }
            let next = tree.nodes[node as usize].next;
            if next != NONE {
                node = next;
                break;
            }
            let Some(frame) = frames.pop() else { return };
            node = frame.node;
            leave(tree, frame, out, &mut lists, pos);
        }
    }
}

/// Handles the start of `node`; `true` when its children are to be visited (a frame was pushed).
fn enter(
    tree: &Tree<'_>,
    node: u32,
    out: &mut Builder,
    frames: &mut Vec<Frame>,
    lists: &mut Vec<u32>,
    pos: &dyn Fn(usize) -> usize,
) -> bool {
    let e = match &tree.nodes[node as usize].data {
        Data::Text { text, source } => {
            out.text(text, pos(source.start)..pos(source.end));
            return false;
        }
        Data::Element(e) => e,
    };
    let source = pos(e.start.start)..pos(e.start.end);
    match display(e) {
        Display::Hidden => return false,
        Display::LineBreak => {
            out.line_break(source);
            return false;
        }
        Display::Embed(kind) => {
            let (src, alt) = match kind {
                EmbedKind::Image => (e.attrs.src.as_deref(), e.attrs.alt.as_deref()),
                EmbedKind::Object if e.tag == Tag::OBJECT => {
                    (e.attrs.data.as_deref(), e.attrs.title.as_deref())
                }
                EmbedKind::Video | EmbedKind::Audio if e.attrs.src.is_none() => {
                    (first_source(tree, node), e.attrs.title.as_deref())
                }
                _ => (e.attrs.src.as_deref(), e.attrs.title.as_deref()),
            };
            out.embed(kind, src.and_then(embed_source), alt.unwrap_or("").to_owned(), source);
            return false;
        }
        Display::Other => {}
    }
    let saved = out.context();
    let mut frame = Frame { node, saved, mark: None, block: false, list: false };
    if e.ns == Ns::Html {
        if is_block(e.tag) {
            // An element the parser implied has no start tag to begin the block's source.
            out.block_start((!e.start.is_empty()).then_some(source.start));
            frame.block = true;
        }
        let mut ctx = context_of(e.tag, saved);
        match e.tag {
            Tag::OL | Tag::UL | Tag::MENU => {
                let ordered = e.tag == Tag::OL;
                let start =
                    if ordered { e.attrs.start.as_deref().and_then(parse_integer) } else { None };
                lists.push(out.new_list(ordered, ordered && e.attrs.reversed, start));
                frame.list = true;
            }
            Tag::LI => {
                let value = lists
                    .last()
                    .filter(|&&l| out.list_is_ordered(l))
                    .and(e.attrs.value.as_deref())
                    .and_then(parse_integer);
                let item = out.new_item(lists.last().copied(), value);
                ctx.item = Some((item, lists.len() as u32));
            }
            _ => {}
        }
        out.set_context(ctx);
        if let Some(mark) = mark_of(e) {
            // Leaving a link needs no target (`Builder::mark_leave`): the target is moved, not
            // copied.
            frame.mark = Some(match &mark {
                MarkKind::Link(_) => MarkKind::Link(None),
                kind => kind.clone(),
            });
            out.mark_enter(mark);
        }
    }
    frames.push(frame);
    true
}

fn leave(
    tree: &Tree<'_>,
    frame: Frame,
    out: &mut Builder,
    lists: &mut Vec<u32>,
    pos: &dyn Fn(usize) -> usize,
) {
    if let Some(mark) = &frame.mark {
        out.mark_leave(mark);
    }
    if frame.list {
        lists.pop();
    }
    if frame.block {
        let end = tree.element(frame.node).and_then(|e| e.end).map(pos);
        out.block_end(end);
    }
    out.set_context(frame.saved);
}

/// The `src` of the first `<source>` child that has one (`<video>`, `<audio>`).
fn first_source<'t>(tree: &'t Tree<'_>, node: u32) -> Option<&'t str> {
    let mut child = tree.nodes[node as usize].first_child;
    while child != NONE {
        if let Some(e) = tree.element(child) {
            if e.ns == Ns::Html && e.tag == Tag::SOURCE {
                if let Some(src) = e.attrs.src.as_deref() {
                    return Some(src);
                }
            }
        }
        child = tree.nodes[child as usize].next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_integer;

    #[test]
    fn integers_as_html_parses_them() {
        assert_eq!(parse_integer(" 3"), Some(3));
        assert_eq!(parse_integer("-2x"), Some(-2));
        assert_eq!(parse_integer("+7"), Some(7));
        assert_eq!(parse_integer("x"), None);
        assert_eq!(parse_integer("99999999999999999999999"), Some(i64::MAX));
    }
}
