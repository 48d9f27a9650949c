//! The Markdown reader: CommonMark (plus GFM tables and strikethrough, and YAML front matter
//! holding a mapping, which is skipped) parsed by `pulldown-cmark`, its events handed to the
//! [`Builder`].
//!
//! * Blocks: paragraphs, ATX and setext headings, list items (nested, numbered from the
//!   list's start), block quotes, fenced and indented code, table cells; a thematic break
//!   only separates blocks.
//! * Formatting: `*`/`_` emphasis, `**` strong, `~~` strikethrough, code spans, links
//!   (autolinks and e-mail autolinks included), never as words. Images are embeds whose
//!   `alt` is the image's text.
//! * Raw HTML, as a browser would show the rendered Markdown: an HTML block goes through the
//!   HTML reader (same rules, same offsets into the Markdown source); inline tags give
//!   formatting (`<b>`, `<em>`, `<a href>`, `<sub>`…), line breaks (`<br>`) and embeds
//!   (`<img>`), `<script>`/`<style>`/`<textarea>`/`<title>` hide what they hold, comments and
//!   other tags are dropped. An inline tag left open ends with its block.
//!
//! Cost: linear (`pulldown-cmark` is linear on all inputs it has been fuzzed with).

use core::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::builder::{Builder, Context};
use super::document::{embed_source, link_target, BlockKind, EmbedKind, MarkKind};
use super::html;
use super::ReadError;

/// The elements whose content an inline tag hides until its end tag.
const HIDING: [&str; 8] =
    ["script", "style", "textarea", "title", "template", "noscript", "noembed", "noframes"];

fn inline_mark(tag: &html::InlineTag) -> Option<MarkKind> {
    Some(match tag.name.as_str() {
        "b" | "strong" => MarkKind::Bold,
        "i" | "em" | "cite" | "dfn" | "var" => MarkKind::Italic,
        "u" | "ins" => MarkKind::Underline,
        "s" | "strike" | "del" => MarkKind::Strike,
        "code" | "kbd" | "samp" | "tt" => MarkKind::Code,
        "sub" => MarkKind::Subscript,
        "sup" => MarkKind::Superscript,
        "mark" => MarkKind::Highlight,
        "a" => MarkKind::Link(link_target(tag.href.as_deref()?)),
        _ => return None,
    })
}

/// Pieces of a text gathered from several source ranges: where each starts in the text, and its range.
type Pieces = Vec<(usize, Range<usize>)>;

/// An image being read: its alt text comes from the events inside it.
struct Image {
    /// Nested images inside its alt text count too.
    depth: u32,
    alt: String,
    src: Option<String>,
    source: Range<usize>,
}

struct Reader<'s, 'b> {
    source: &'s str,
    out: &'b mut Builder,
    saved: Vec<Context>,
    lists: Vec<u32>,
    image: Option<Image>,
    /// An HTML block's lines: their text, and where each starts in it and in the source.
    html_block: Option<(String, Pieces)>,
    table_head: bool,
    /// Inline HTML elements open in the current block, and the formatting each gave.
    inline_open: Vec<(String, Option<MarkKind>)>,
    /// Text is hidden until this inline end tag.
    hidden_until: Option<String>,
    /// Where the last block closed ends in the source. No later block starts before it, so
    /// blocks keep to source order even where pulldown-cmark's ranges of siblings overlap.
    closed_end: usize,
}

/// The front matter `source` starts with: where its lines between the fences start and end,
/// and its whole length; all 0 if there is none. YAML front matter is a `---` line, lines whose
/// first that is not blank or a comment is a YAML mapping's key (`title: …`), as in the front
/// matter of static-site generators (and as pandoc requires), and a `---` or `...` line (YAML's
/// end of document). TOML front matter (Hugo's) is the same between `+++` lines, its first
/// line a key and value (`title = …`) or a table (`[params]`). Otherwise the `---` is a
/// thematic break and what follows is read: `---\nFoo\n---` is a rule and a heading, as
/// CommonMark says (pulldown-cmark's metadata blocks would take any `---` block, that heading
/// too).
fn front_matter(source: &str) -> (usize, usize, usize) {
    let bytes = source.as_bytes();
    let blank = |l: &[u8]| l.iter().all(u8::is_ascii_whitespace);
    let toml = bytes.first() == Some(&b'+');
    let (fence, closing, separator): (&[u8], &[u8], u8) =
        if toml { (b"+++", b"+++", b'=') } else { (b"---", b"...", b':') };
    let (mut start, mut mapping, mut first) = (0, None, 0);
    for line in bytes.split(|&b| b == b'\n') {
        let end = start + line.len() + 1;
        let fenced = (line.starts_with(fence) || line.starts_with(closing)) && blank(&line[3..]);
        if start == 0 {
            if !(fenced && line.starts_with(fence)) {
                break;
            }
            first = end;
        }
        if start > 0 && fenced && mapping.is_some() {
            if mapping == Some(true) {
                return (first, start, end.min(bytes.len()));
            }
            break;
        }
        if start > 0 && mapping.is_none() && !blank(line) && line[0] != b'#' {
            let at = line.iter().position(|&b| b == separator).unwrap_or(0);
            let after = line.get(at + 1).copied().unwrap_or(b' ');
            mapping = Some(
                at > 0
                    && !matches!(line[0], b' ' | b'\t' | b'-')
                    && (toml || after.is_ascii_whitespace())
                    || toml && line[0] == b'[',
            );
        }
        start = end;
    }
    (0, 0, 0)
}

/// Reads Markdown `source` into `out`.
pub(crate) fn read_into(source: &str, out: &mut Builder) -> Result<(), ReadError> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let (first, last, skip) = front_matter(source);
    let mut reader = Reader {
        source,
        out,
        saved: Vec::new(),
        lists: Vec::new(),
        image: None,
        html_block: None,
        table_head: false,
        inline_open: Vec::new(),
        hidden_until: None,
        closed_end: 0,
    };
    if skip > 0 {
        // The page's metadata (its title, date, tags) is read as the block of lines it is
        // written as, a code block's, so that a change to it is a change.
        reader.event(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)), 0..skip)?;
        reader.event(Event::Text(source[first..last].into()), first..last)?;
        reader.event(Event::End(TagEnd::CodeBlock), 0..skip)?;
    }
    for (event, range) in Parser::new_ext(&source[skip..], options).into_offset_iter() {
        reader.event(event, range.start + skip..range.end + skip)?;
    }
    Ok(())
}

impl Reader<'_, '_> {
    fn open_block(&mut self, at: usize, change: impl FnOnce(&mut Context)) {
        self.end_inline_html();
        let ctx = self.out.context();
        self.saved.push(ctx);
        self.out.block_start(Some(at.max(self.closed_end)));
        let mut new = ctx;
        change(&mut new);
        self.out.set_context(new);
    }

    fn close_block(&mut self, end: usize) {
        self.end_inline_html();
        self.out.block_end(Some(end));
        self.closed_end = self.closed_end.max(end);
        if let Some(ctx) = self.saved.pop() {
            self.out.set_context(ctx);
        }
    }

    fn end_inline_html(&mut self) {
        for (_, mark) in self.inline_open.drain(..).rev() {
            if let Some(mark) = mark {
                self.out.mark_leave(&mark);
            }
        }
        self.hidden_until = None;
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) -> Result<(), ReadError> {
        if let Some(image) = &mut self.image {
            match event {
                Event::Text(t) | Event::Code(t) => image.alt.push_str(&t),
                Event::Start(Tag::Image { .. }) => image.depth += 1,
                Event::End(TagEnd::Image) if image.depth > 1 => image.depth -= 1,
                Event::End(TagEnd::Image) => {
                    if let Some(Image { alt, src, source, .. }) = self.image.take() {
                        self.out.embed(EmbedKind::Image, src, alt, source);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if let Some((text, pieces)) = &mut self.html_block {
            match event {
                Event::Html(t) | Event::Text(t) => {
                    pieces.push((text.len(), range));
                    text.push_str(&t);
                }
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some((text, pieces)) = self.html_block.take() {
                        self.html(&text, &pieces)?;
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) if self.hidden_until.is_none() => self.out.text(&t, range),
            Event::Code(t) if self.hidden_until.is_none() => {
                self.out.mark_enter(MarkKind::Code);
                self.out.text(&t, range);
                self.out.mark_leave(&MarkKind::Code);
            }
            Event::InlineHtml(t) | Event::Html(t) => self.inline_html(&t, range),
            Event::SoftBreak if self.hidden_until.is_none() => self.out.text("\n", range),
            Event::HardBreak if self.hidden_until.is_none() => self.out.line_break(range),
            Event::Rule => {
                self.out.block_start(Some(range.start.max(self.closed_end)));
                self.out.block_end(Some(range.end));
                self.closed_end = self.closed_end.max(range.end);
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.open_block(range.start, |c| c.kind = BlockKind::Paragraph),
            Tag::Heading { level, .. } => {
                self.open_block(range.start, |c| c.kind = BlockKind::Heading(level as u8))
            }
            Tag::BlockQuote(_) => self.open_block(range.start, |c| {
                c.kind = BlockKind::Paragraph;
                c.quote_depth += 1;
            }),
            Tag::CodeBlock(_) => self.open_block(range.start, |c| {
                c.kind = BlockKind::Preformatted;
                c.pre = true;
            }),
            Tag::HtmlBlock => self.html_block = Some((String::new(), Vec::new())),
            Tag::List(start) => {
                let start = start.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
                let id = self.out.new_list(start.is_some(), false, start);
                self.lists.push(id);
                self.open_block(self.list_start(range.start), |_| {});
            }
            Tag::Item => {
                let item = self.out.new_item(self.lists.last().copied(), None);
                let depth = self.lists.len() as u32;
                self.open_block(self.list_start(range.start), |c| {
                    c.kind = BlockKind::Paragraph;
                    c.item = Some((item, depth));
                });
            }
            Tag::Table(_) | Tag::TableRow => self.open_block(range.start, |_| {}),
            Tag::TableHead => {
                self.table_head = true;
                self.open_block(range.start, |_| {});
            }
            Tag::TableCell => {
                let header = self.table_head;
                self.open_block(range.start, |c| c.kind = BlockKind::TableCell { header });
            }
            Tag::Emphasis => self.out.mark_enter(MarkKind::Italic),
            Tag::Strong => self.out.mark_enter(MarkKind::Bold),
            Tag::Strikethrough => self.out.mark_enter(MarkKind::Strike),
            Tag::Superscript => self.out.mark_enter(MarkKind::Superscript),
            Tag::Subscript => self.out.mark_enter(MarkKind::Subscript),
            Tag::Link { link_type, dest_url, .. } => {
                let target = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                self.out.mark_enter(MarkKind::Link(link_target(&target)));
            }
            Tag::Image { dest_url, .. } => {
                self.image = Some(Image {
                    depth: 1,
                    alt: String::new(),
                    src: embed_source(&dest_url),
                    source: range,
                });
            }
            _ => self.open_block(range.start, |_| {}),
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Emphasis => self.out.mark_leave(&MarkKind::Italic),
            TagEnd::Strong => self.out.mark_leave(&MarkKind::Bold),
            TagEnd::Strikethrough => self.out.mark_leave(&MarkKind::Strike),
            TagEnd::Superscript => self.out.mark_leave(&MarkKind::Superscript),
            TagEnd::Subscript => self.out.mark_leave(&MarkKind::Subscript),
            TagEnd::Link => self.out.mark_leave(&MarkKind::Link(None)),
            TagEnd::Image | TagEnd::HtmlBlock => {}
            TagEnd::List(_) => {
                self.lists.pop();
                self.close_block(range.end);
            }
            TagEnd::TableHead => {
                self.table_head = false;
                self.close_block(range.end);
            }
            _ => self.close_block(range.end),
        }
    }

    /// Where a list or list item that pulldown-cmark says starts at `at` starts: on its
    /// marker's line. pulldown-cmark takes the columns of the marker's indentation from a byte
    /// offset (its issue 983), so a tab that is partly a container's indentation puts the start
    /// a byte or two early, on the line ending before it and so inside the block before.
    fn list_start(&self, at: usize) -> usize {
        let rest = self.source.as_bytes().get(at..).unwrap_or_default();
        let blank = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')).count();
        match rest[..blank].iter().rposition(|b| matches!(b, b'\r' | b'\n')) {
            Some(i) => at + i + 1,
            None => at,
        }
    }

    /// An HTML block: read by the HTML reader, its offsets mapped back through `pieces`.
    fn html(&mut self, text: &str, pieces: &[(usize, Range<usize>)]) -> Result<(), ReadError> {
        let pos = |p: usize| -> usize {
            let i = pieces.partition_point(|(at, _)| *at <= p).saturating_sub(1);
            let Some((at, source)) = pieces.get(i) else { return 0 };
            let piece_end = pieces.get(i + 1).map_or(text.len(), |next| next.0);
            if piece_end - at == source.len() {
                source.start + (p - at).min(source.len())
            } else if p == piece_end {
                source.end
            } else {
                source.start
            }
        };
        html::read_into(text, self.out, &pos, html::Framesets::Ignore)
    }

    fn inline_html(&mut self, html_text: &str, range: Range<usize>) {
        if matches!(html_text.as_bytes().get(1), Some(b'!' | b'?')) {
            // `<![CDATA[…]]>`, `<?…?>`, `<!…>` or a comment: a browser shows what follows the
            // comment's end as text.
            let (text, at) = html::text_after_comment(html_text);
            if !text.is_empty() && self.hidden_until.is_none() {
                self.out.text(&text, range.start + at..range.end);
            }
            return;
        }
        let Some(tag) = html::inline_tag(html_text) else { return };
        if let Some(until) = &self.hidden_until {
            if tag.end && tag.name == *until {
                self.hidden_until = None;
            }
            return;
        }
        if tag.end {
            if let Some(i) = self.inline_open.iter().rposition(|(name, _)| *name == tag.name) {
                for (_, mark) in self.inline_open.drain(i..).rev() {
                    if let Some(mark) = mark {
                        self.out.mark_leave(&mark);
                    }
                }
            }
            return;
        }
        match tag.name.as_str() {
            name if HIDING.contains(&name) => self.hidden_until = Some(tag.name.clone()),
            "br" => self.out.line_break(range),
            "img" => self.out.embed(
                EmbedKind::Image,
                tag.src.as_deref().and_then(embed_source),
                tag.alt.clone().unwrap_or_default(),
                range,
            ),
            "iframe" => {
                let src = tag.src.as_deref().and_then(embed_source);
                self.out.embed(EmbedKind::Frame, src, tag.title.clone().unwrap_or_default(), range);
                self.hidden_until = Some(tag.name.clone());
            }
            _ => {
                let mark = inline_mark(&tag);
                if let Some(mark) = &mark {
                    self.out.mark_enter(mark.clone());
                }
                self.inline_open.push((tag.name, mark));
            }
        }
    }
}
