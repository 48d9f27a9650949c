//! The fast path of the HTML reader: a body of well-nested common elements read straight from
//! the tokens into the [`Builder`], with no element tree.
//!
//! Most article bodies a CMS stores are such bodies: paragraphs, headings, lists, quotes,
//! figures, `pre`, inline formatting, links, images and line breaks, scripts and styles (never
//! shown), every element closed by
//! its own end tag (or left open at the end), WordPress's block comments between them. For
//! them the WHATWG tree builder only ever appends to the current node and pops it at its end
//! tag, so its tree is the nesting of the tags as written, and the rendering walk of
//! `render.rs` sees the elements in the order the tokens come. This reader makes the same
//! [`Builder`] calls as that walk, in that order, as each token comes (the rules that decide
//! them, [`context_of`] and [`mark_of_tag`], are the walk's own).
//!
//! It gives up ([`read`] returns `false`) at the first token whose meaning the tree builder
//! would take from more than the tags as written: an element outside the set above, an end
//! tag that is not the current element's (misnesting, implied end tags, the adoption agency),
//! a start tag that would close an open `p` or `li` or a heading, a link inside a link, a
//! `hidden` attribute, U+0000, or nesting deeper than [`MAX_DEPTH`]. The caller then reads
//! the whole source again with the full reader from a fresh builder, so the result never
//! depends on this reader's coverage; `html::tests` run both on the same inputs.
//!
//! It records where its reading rests ([`Checkpoint`], for `splice.rs`), and reads on from
//! such a point given the [`Wrappers`] open there ([`run`]).
//!
//! Cost: the tokenizer's and the builder's, with no node, no attribute copy and no tree walk.

use std::borrow::Cow;

use super::render::{context_of, is_block, mark_of_tag, parse_integer};
use super::tags::Tag;
use super::tokenizer::{comment_end, Attribute, State, Token, Tokenizer};
use super::tree::skip_lf;
use crate::markup::builder::{Builder, Context, Tally};
use crate::markup::document::{embed_source, EmbedKind};
use crate::markup::scan::{find4, text_end};

/// Open elements past which this reader hands over to the full one (which counts its work
/// on deep nesting).
pub(crate) const MAX_DEPTH: usize = 256;

/// An open element.
struct Frame<'s> {
    tag: Tag,
    /// The name of an element without a [`Tag`] constant (a custom element).
    other: Option<Cow<'s, str>>,
    saved: Context,
    /// The formatting it entered, by its `MarkKind::bit` (`Some(None)`: a link).
    mark: Option<Option<usize>>,
    block: bool,
    list: bool,
}

struct Reader<'s, 'b> {
    out: &'b mut Builder,
    frames: Vec<Frame<'s>>,
    /// The outermost open elements, as long as they are wrappers ([`Wrappers`]).
    wrappers: Wrappers,
    /// How many open elements are not counted in `wrappers`: the first that is not a wrapper
    /// (or is one past [`Wrappers::ROOM`]) and every one inside it. The reading rests only at 0.
    opaque: usize,
    /// Open lists: their ids, innermost last.
    lists: Vec<u32>,
    /// Open elements per known tag.
    open: Vec<u32>,
}

/// The attributes the rendering looks at.
#[derive(Default)]
struct Attrs<'a> {
    href: Option<&'a str>,
    src: Option<&'a str>,
    alt: Option<&'a str>,
    start: Option<&'a str>,
    value: Option<&'a str>,
    reversed: bool,
    hidden: bool,
}

impl<'a> Attrs<'a> {
    /// Takes attribute `name` (lower-cased, decoded `value`), unless one of that name came
    /// before (the tokenizer keeps the first).
    fn set(&mut self, name: &str, value: &'a str) {
        match name {
            "hidden" => self.hidden = true,
            "href" => _ = self.href.get_or_insert(value),
            "src" => _ = self.src.get_or_insert(value),
            "alt" => _ = self.alt.get_or_insert(value),
            "start" => _ = self.start.get_or_insert(value),
            "value" => _ = self.value.get_or_insert(value),
            "reversed" => self.reversed = true,
            _ => {}
        }
    }
}

/// Reads `input` into `out` if it is a body this reader covers (see the module docs);
/// `false` when it is not, with `out` part-written.
pub(crate) fn read(input: &str, out: &mut Builder) -> bool {
    run(input, out, 0, Wrappers::default(), |_, _, _| false) == Run::Done
}

/// A point of a source where the reading rests: just after an end tag, with no element open
/// but `html`, `body` and wrappers ([`Wrappers`]) and the builder resting
/// ([`Builder::resting`]), so that what is read from there on depends on the bytes from there
/// on and the wrappers open only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Checkpoint {
    /// Its offset in the source.
    pub(crate) source: usize,
    /// What the builder had written there.
    pub(crate) tally: Tally,
    /// The wrappers open there (nothing else is).
    pub(crate) open: Wrappers,
}

/// Open elements that leave the reading as it is outside them, the elements a CMS or a page
/// wraps an article body in (`<div class="entry-content">`, `<article>`, `<main><section>`):
/// they change no [`Context`], enter no formatting and open no list, so everything the reader
/// and the builder keep inside them is what they keep outside but the stack of their tags.
/// That stack, exactly: a [`Tag`] code a nibble (0 for none), the innermost in the lowest, at
/// most [`Wrappers::ROOM`] deep; two points with equal `Wrappers` have the same elements open
/// (hence the same depth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Wrappers(u64);

impl Wrappers {
    /// The wrapper elements, by their code less one.
    const TAGS: [Tag; 10] = [
        Tag::DIV,
        Tag::SECTION,
        Tag::ARTICLE,
        Tag::MAIN,
        Tag::HEADER,
        Tag::FOOTER,
        Tag::ASIDE,
        Tag::NAV,
        Tag::FIGURE,
        Tag::ADDRESS,
    ];
    /// How many wrappers deep a stack is kept: deeper, the reading does not rest.
    const ROOM: usize = 16;

    /// `self` with `tag` opened inside, if it is a wrapper and there is room.
    #[inline]
    fn push(self, tag: Tag) -> Option<Wrappers> {
        // `TAGS`'s order (a test checks it), without a search at every element.
        let code = match tag {
            Tag::DIV => 1,
            Tag::SECTION => 2,
            Tag::ARTICLE => 3,
            Tag::MAIN => 4,
            Tag::HEADER => 5,
            Tag::FOOTER => 6,
            Tag::ASIDE => 7,
            Tag::NAV => 8,
            Tag::FIGURE => 9,
            Tag::ADDRESS => 10,
            _ => return None,
        };
        (self.0 >> (4 * (Wrappers::ROOM - 1)) == 0).then_some(Wrappers(self.0 << 4 | code))
    }

    /// `self` without its innermost element.
    fn pop(self) -> Wrappers {
        Wrappers(self.0 >> 4)
    }

    /// The elements, the outermost first.
    fn tags(self) -> impl Iterator<Item = Tag> {
        let depth = (64 - self.0.leading_zeros() as usize).div_ceil(4);
        let code = move |i: usize| ((self.0 >> (4 * i)) & 15) as usize;
        (0..depth).rev().filter_map(move |i| Wrappers::TAGS.get(code(i).wrapping_sub(1)).copied())
    }
}

/// [`read`], and the points where the reading rested, the source's start first; `None` when
/// this reader does not cover the body.
pub(crate) fn read_recorded(input: &str, out: &mut Builder) -> Option<Vec<Checkpoint>> {
    let start = Wrappers::default();
    let mut points = vec![Checkpoint { source: 0, tally: out.tally(), open: start }];
    let run = run(input, out, 0, start, |b, source, open| {
        points.push(Checkpoint { source, tally: b.tally(), open });
        false
    });
    (run == Run::Done).then_some(points)
}

/// How a reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Run {
    /// At the input's end, the document complete but for [`Builder::finish`].
    Done,
    /// At this resting point, where the caller asked to stop.
    Stopped(usize),
    /// At a token this reader does not cover.
    GaveUp,
}

/// Reads `input` from `from`, a resting point of it (its start, or one a [`Run::Stopped`]
/// gave) with `out` resting there and the wrappers `open` open, asking `stop` at every
/// resting point whether to stop there (given the builder, the point and the wrappers open).
pub(crate) fn run(
    input: &str,
    out: &mut Builder,
    from: usize,
    open: Wrappers,
    mut stop: impl FnMut(&Builder, usize, Wrappers) -> bool,
) -> Run {
    #[cfg(test)]
    if tests::full_only() {
        return Run::GaveUp;
    }
    let mut tokens = Tokenizer::new(input);
    let root = out.context();
    let mut r = Reader {
        out,
        frames: Vec::with_capacity(16),
        wrappers: open,
        opaque: 0,
        lists: Vec::new(),
        open: vec![0; Tag::KNOWN_COUNT],
    };
    // The wrappers open at `from`, as `enter` left them: inside them the context is the
    // root's, which a resting builder has.
    for tag in open.tags() {
        r.open[tag.0 as usize] += 1;
    }
    // (By `extend`: a second `push` of a frame would take `enter`'s out of line.)
    r.frames.extend(open.tags().map(|tag| Frame {
        tag,
        other: None,
        saved: root,
        mark: None,
        block: is_block(tag),
        list: false,
    }));
    // `html` and `body`, which the tree builder implies: blocks without a start tag.
    if from == 0 {
        for _ in 0..2 {
            r.out.block_start(None);
            r.out.set_context(root);
        }
    }
    let bytes = input.as_bytes();
    let mut pos = from;
    // The last token was `<pre>`'s start tag: a line feed starting the next one is dropped.
    let mut after_pre = false;
    loop {
        // Text and tags without attributes are read here, everything else by the tokenizer
        // (which reads the same tokens the same way).
        if !after_pre {
            match bytes.get(pos) {
                Some(b'<' | b'&' | b'\r' | b'\0') => {}
                Some(_) => {
                    let (end, stop) = text_end(bytes, pos);
                    r.out.copied_text(&input[pos..end], pos, stop - pos);
                    pos = end;
                    continue;
                }
                None => break,
            }
        }
        if let Some((end_tag, tag, after)) = plain_tag(bytes, pos) {
            // Any tag ends what `<pre>` drops: in `<pre></pre>` the end tag came first.
            after_pre = !end_tag && tag == Tag::PRE;
            let ok = if end_tag {
                r.end_tag(tag, None, after)
            } else {
                r.start_tag(tag, None, &Attrs::default(), pos..after)
            };
            if !ok {
                return Run::GaveUp;
            }
            pos = after;
            if end_tag && r.opaque == 0 && r.out.resting() && stop(r.out, pos, r.wrappers) {
                return Run::Stopped(pos);
            }
            continue;
        }
        if let Some((tag, attrs, after)) = quoted_attributes_tag(input, pos) {
            if !r.start_tag(tag, None, &attrs, pos..after) {
                return Run::GaveUp;
            }
            after_pre = tag == Tag::PRE;
            pos = after;
            continue;
        }
        // A comment (the block editor writes two around every block), as the tokenizer ends it.
        if bytes[pos..].starts_with(b"<!--") {
            after_pre = false;
            pos = comment_end(input, pos + 4);
            continue;
        }
        tokens.seek(pos);
        let token = match tokens.next_token() {
            Token::Text { text, source } if after_pre => match skip_lf(text, source) {
                Some((text, source)) => Token::Text { text, source },
                None => {
                    after_pre = false;
                    pos = tokens.position();
                    continue;
                }
            },
            token => token,
        };
        after_pre = false;
        let ok = match token {
            Token::Text { text, source } => {
                r.out.text(&text, source);
                true
            }
            Token::Comment => true,
            Token::StartTag { name, .. } if matches!(name.as_ref(), "script" | "style") => {
                tokens.set_state(if name == "script" { State::ScriptData } else { State::RawText });
                skip_hidden(&mut tokens)
            }
            Token::StartTag { name, attributes, source, .. } => {
                after_pre = name == "pre";
                r.start(name, &attributes, source.start..source.end)
            }
            Token::EndTag { name, source } => {
                if !r.end(name, source.end) {
                    return Run::GaveUp;
                }
                pos = tokens.position();
                if r.opaque == 0 && r.out.resting() && stop(r.out, pos, r.wrappers) {
                    return Run::Stopped(pos);
                }
                continue;
            }
            Token::Null { .. } => false,
            Token::Eof => break,
        };
        if !ok {
            return Run::GaveUp;
        }
        pos = tokens.position();
    }
    while let Some(frame) = r.frames.pop() {
        r.leave(frame, None);
    }
    for _ in 0..2 {
        r.out.block_end(None);
        r.out.set_context(root);
    }
    Run::Done
}

/// A start or end tag at `at` written in lower case without attributes (`<em>`, `</p>`), of
/// a known element other than `script` and `style` (whose content the tokenizer reads):
/// whether it ends an element, the element, and where the tag ends.
fn plain_tag(bytes: &[u8], at: usize) -> Option<(bool, Tag, usize)> {
    let end_tag = bytes.get(at + 1) == Some(&b'/');
    let from = at + 1 + usize::from(end_tag);
    let mut i = from;
    while bytes.get(i).is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        i += 1;
    }
    if i == from || !bytes[from].is_ascii_lowercase() || bytes.get(i) != Some(&b'>') {
        return None;
    }
    let name = &bytes[from..i];
    let tag = match name {
        b"p" => Tag::P,
        b"a" => Tag::A,
        b"em" => Tag::EM,
        b"li" => Tag::LI,
        b"strong" => Tag::STRONG,
        b"ul" => Tag::UL,
        b"h2" => Tag::H2,
        _ => Tag::known(core::str::from_utf8(name).ok()?)?,
    };
    if matches!(tag, Tag::SCRIPT | Tag::STYLE) {
        return None;
    }
    Some((end_tag, tag, i + 1))
}

/// A start tag at `at` written in lower case with attributes in the plainest form
/// (`<a href="https://…">`, `<h2 class="wp-block-heading">`): a space before each, names of
/// lower-case letters and `-`, values in double quotes with no reference, CR or U+0000 in them
/// (so the tokenizer would give them as written), or no value. The element, its attributes
/// and where the tag ends; `None` for anything else, which the tokenizer then reads.
fn quoted_attributes_tag(input: &str, at: usize) -> Option<(Tag, Attrs<'_>, usize)> {
    let bytes = input.as_bytes();
    let from = at + 1;
    let mut i = from;
    while bytes.get(i).is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        i += 1;
    }
    if i == from || !bytes[from].is_ascii_lowercase() || bytes.get(i) != Some(&b' ') {
        return None;
    }
    let tag = Tag::known(&input[from..i])?;
    if matches!(tag, Tag::SCRIPT | Tag::STYLE) {
        return None;
    }
    let mut attrs = Attrs::default();
    loop {
        match bytes.get(i)? {
            b'>' => return Some((tag, attrs, i + 1)),
            b'/' if bytes.get(i + 1) == Some(&b'>') => return Some((tag, attrs, i + 2)),
            b' ' => i += 1,
            _ => return None,
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|&c| c.is_ascii_lowercase() || c == b'-') {
            i += 1;
        }
        if i == name_start {
            return None;
        }
        let name = &input[name_start..i];
        match bytes.get(i)? {
            b'=' if bytes.get(i + 1) == Some(&b'"') => {
                let value_start = i + 2;
                // The closing quote, unless a byte the tokenizer would decode or replace
                // comes first.
                let end = find4(bytes, value_start, bytes.len(), [b'"', b'&', b'\r', b'\0']);
                if bytes.get(end) != Some(&b'"') {
                    return None;
                }
                attrs.set(name, &input[value_start..end]);
                i = end + 1;
            }
            b' ' | b'>' | b'/' => attrs.set(name, ""),
            _ => return None,
        }
    }
}

/// The content of a `script` or `style` (never shown) and its end tag; `false` if anything
/// else comes.
fn skip_hidden(tokens: &mut Tokenizer<'_>) -> bool {
    loop {
        match tokens.next_token() {
            Token::Text { .. } => {}
            Token::EndTag { .. } | Token::Eof => return true,
            _ => return false,
        }
    }
}

impl<'s> Reader<'s, '_> {
    fn current(&self) -> Option<Tag> {
        self.frames.last().map(|f| f.tag)
    }

    /// A start tag; `false` when the tree builder would do more than open it (or than draw a
    /// void element) here.
    fn start(
        &mut self,
        name: Cow<'s, str>,
        attributes: &[Attribute<'_>],
        source: core::ops::Range<usize>,
    ) -> bool {
        let mut attrs = Attrs::default();
        for a in attributes {
            attrs.set(&a.name, &a.value);
        }
        let tag = Tag::known(&name).unwrap_or(Tag::OTHER);
        let other = (tag == Tag::OTHER).then_some(name);
        self.start_tag(tag, other, &attrs, source)
    }

    /// A start tag of `tag` (named `other` when it has no constant) with `attrs`.
    fn start_tag(
        &mut self,
        tag: Tag,
        other: Option<Cow<'s, str>>,
        attrs: &Attrs<'_>,
        source: core::ops::Range<usize>,
    ) -> bool {
        if attrs.hidden {
            return false;
        }
        match tag {
            Tag::OTHER => self.enter(tag, other, attrs, source.start),
            // Ignored in the body, as the tree builder ignores them.
            Tag::HTML | Tag::BODY | Tag::HEAD | Tag::WBR => true,
            Tag::BR => {
                self.out.line_break(source);
                true
            }
            Tag::IMG => {
                let src = attrs.src.and_then(embed_source);
                self.out.embed(EmbedKind::Image, src, attrs.alt.unwrap_or("").to_owned(), source);
                true
            }
            Tag::HR => {
                if self.open[Tag::P.0 as usize] > 0 {
                    return false;
                }
                let saved = self.out.context();
                self.out.block_start(Some(source.start));
                self.out.block_end(None);
                self.out.set_context(saved);
                true
            }
            Tag::P
            | Tag::UL
            | Tag::OL
            | Tag::LI
            | Tag::BLOCKQUOTE
            | Tag::DIV
            | Tag::SECTION
            | Tag::ARTICLE
            | Tag::ASIDE
            | Tag::HEADER
            | Tag::FOOTER
            | Tag::MAIN
            | Tag::NAV
            | Tag::FIGURE
            | Tag::FIGCAPTION
            | Tag::ADDRESS
            | Tag::PRE
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6 => {
                // Each of them closes an open `p`.
                if self.open[Tag::P.0 as usize] > 0 {
                    return false;
                }
                if tag.is_heading() && self.current().is_some_and(Tag::is_heading) {
                    return false;
                }
                if tag == Tag::LI && self.li_would_close() {
                    return false;
                }
                self.enter(tag, None, attrs, source.start)
            }
            // A link inside a link closes the first (the adoption agency).
            Tag::A if self.open[Tag::A.0 as usize] > 0 => false,
            t if is_inline(t) => self.enter(tag, None, attrs, source.start),
            _ => false,
        }
    }

    /// Whether a new `li` would close an open one: the tree builder's walk down the stack,
    /// which stops at a special element other than `address`, `div` and `p`.
    fn li_would_close(&self) -> bool {
        for f in self.frames.iter().rev() {
            if f.tag == Tag::LI {
                return true;
            }
            if f.tag.is_special() && !matches!(f.tag, Tag::ADDRESS | Tag::DIV | Tag::P) {
                return false;
            }
        }
        false
    }

    /// Opens an element, as the rendering walk enters it.
    fn enter(
        &mut self,
        tag: Tag,
        other: Option<Cow<'s, str>>,
        attrs: &Attrs<'_>,
        at: usize,
    ) -> bool {
        if self.frames.len() >= MAX_DEPTH {
            return false;
        }
        let out = &mut *self.out;
        let saved = out.context();
        let block = tag != Tag::OTHER && is_block(tag);
        if block {
            out.block_start(Some(at));
        }
        let mut ctx = context_of(tag, saved);
        let mut list = false;
        match tag {
            Tag::OL | Tag::UL => {
                let ordered = tag == Tag::OL;
                let start = if ordered { attrs.start.and_then(parse_integer) } else { None };
                self.lists.push(out.new_list(ordered, ordered && attrs.reversed, start));
                list = true;
            }
            Tag::LI => {
                let value = self
                    .lists
                    .last()
                    .filter(|&&l| out.list_is_ordered(l))
                    .and(attrs.value)
                    .and_then(parse_integer);
                let item = out.new_item(self.lists.last().copied(), value);
                ctx.item = Some((item, self.lists.len() as u32));
            }
            _ => {}
        }
        out.set_context(ctx);
        let mark = mark_of_tag(tag, attrs.href).map(|mark| {
            let bit = mark.bit();
            out.mark_enter(mark);
            bit
        });
        if tag != Tag::OTHER {
            self.open[tag.0 as usize] += 1;
        }
        match self.wrappers.push(tag) {
            Some(w) if self.opaque == 0 => self.wrappers = w,
            _ => self.opaque += 1,
        }
        self.frames.push(Frame { tag, other, saved, mark, block, list });
        true
    }

    /// An end tag; `false` unless it closes the current element or is one the tree builder
    /// ignores here.
    fn end(&mut self, name: Cow<'s, str>, end: usize) -> bool {
        let tag = Tag::known(&name).unwrap_or(Tag::OTHER);
        self.end_tag(tag, Some(&name), end)
    }

    /// An end tag of `tag` (named `name` when it has no constant) ending at `end`.
    fn end_tag(&mut self, tag: Tag, name: Option<&str>, end: usize) -> bool {
        if let Some(top) = self.frames.last() {
            if top.tag == tag && (tag != Tag::OTHER || top.other.as_deref() == name) {
                let Some(frame) = self.frames.pop() else { return false };
                self.leave(frame, Some(end));
                return true;
            }
        }
        // An end tag with no element of its name open is ignored, except those the tree
        // builder reads otherwise (`</p>` and `</br>` insert an element, a heading's end tag
        // closes any heading).
        match tag {
            Tag::OTHER => !self.frames.iter().any(|f| f.other.as_deref() == name),
            Tag::HTML | Tag::BODY => true,
            Tag::P | Tag::BR => false,
            t if t.is_heading() => !self.frames.iter().any(|f| f.tag.is_heading()),
            Tag::UL
            | Tag::OL
            | Tag::LI
            | Tag::BLOCKQUOTE
            | Tag::DIV
            | Tag::SECTION
            | Tag::ARTICLE
            | Tag::ASIDE
            | Tag::HEADER
            | Tag::FOOTER
            | Tag::MAIN
            | Tag::NAV
            | Tag::FIGURE
            | Tag::FIGCAPTION
            | Tag::ADDRESS
            | Tag::PRE
            | Tag::IMG
            | Tag::HR
            | Tag::WBR => self.open[tag.0 as usize] == 0,
            t if is_inline(t) => self.open[tag.0 as usize] == 0,
            _ => false,
        }
    }

    /// Closes an element, as the rendering walk leaves it; `end` is the end of its end tag.
    fn leave(&mut self, frame: Frame<'s>, end: Option<usize>) {
        if let Some(bit) = frame.mark {
            self.out.mark_leave_bit(bit);
        }
        if frame.list {
            self.lists.pop();
        }
        if frame.block {
            self.out.block_end(end);
        }
        self.out.set_context(frame.saved);
        if frame.tag != Tag::OTHER {
            self.open[frame.tag.0 as usize] -= 1;
        }
        if self.opaque > 0 {
            self.opaque -= 1;
        } else {
            self.wrappers = self.wrappers.pop();
        }
    }
}

/// The inline elements the fast path opens and closes itself (a mark each, none for `span`):
/// the formatting elements but `nobr` (whose start tag closes an open one, which the fast path
/// does not model), and phrasing elements the list of active formatting elements never holds.
fn is_inline(tag: Tag) -> bool {
    (tag.is_formatting() && tag != Tag::NOBR)
        || matches!(
            tag,
            Tag::SPAN
                | Tag::SUB
                | Tag::SUP
                | Tag::MARK
                | Tag::CITE
                | Tag::DFN
                | Tag::VAR
                | Tag::KBD
                | Tag::SAMP
                | Tag::INS
                | Tag::DEL
        )
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    use proptest::prelude::*;

    use crate::markup::builder::Builder;
    use crate::markup::{read, Document, Markup};

    thread_local! {
        static FULL_ONLY: Cell<bool> = const { Cell::new(false) };
    }

    /// Whether [`super::read`] is switched off, so that every source takes the full reader.
    pub(crate) fn full_only() -> bool {
        FULL_ONLY.with(Cell::get)
    }

    /// The full reader's document of `source`.
    fn full(source: &str) -> Document {
        FULL_ONLY.with(|c| c.set(true));
        let doc = read(source, Markup::Html);
        FULL_ONLY.with(|c| c.set(false));
        doc.expect("the full reader reads it")
    }

    /// The fast path's document of `source`, where it covers it.
    fn fast(source: &str) -> Option<Document> {
        let mut out = Builder::new();
        super::read(source, &mut out).then(|| out.finish())
    }

    /// Where the fast path reads `source`, its document is the full reader's, to the last
    /// anchor; and `read` gives the full reader's document either way. Returns whether the
    /// fast path covered it.
    fn check(source: &str) -> bool {
        let expected = full(source);
        let fast = fast(source);
        if let Some(doc) = &fast {
            assert_eq!(doc, &expected, "fast path differs on {source:?}");
        }
        assert_eq!(read(source, Markup::Html).as_ref(), Ok(&expected), "{source:?}");
        fast.is_some()
    }

    #[test]
    fn the_fixtures_read_as_the_full_reader_reads_them() {
        assert!(check(include_str!("../../../tests/fixtures/markup/wordpress.html")));
        check(include_str!("../../../tests/fixtures/markup/article.html"));
        check(include_str!("../../../tests/fixtures/old.txt"));
        check(include_str!("../../../tests/fixtures/new.txt"));
    }

    #[test]
    fn a_block_editor_body_takes_the_fast_path() {
        let body = "<!-- wp:heading --><h2 class=\"wp-block-heading\">A <em>title</em></h2>\
                    <!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>One two  three&nbsp;four \
                    <a href=\"https://example.org/a?b=1&amp;c=2\">five</a>, <strong>six\
                    <br>seven</strong>&#8217;s.</p>\n<!-- /wp:paragraph -->\n<ol start=\"3\" \
                    reversed><li>a</li><li value=\"9\">b <ul><li>c</li></ul></li></ol>\
                    <figure><img src=\"https://example.org/q.jpg\" alt=\"Q\"/><figcaption>Cap\
                    </figcaption></figure><pre>\n  x\r\n y  </pre><hr><blockquote><p>q</p>\
                    <cite>c</cite></blockquote><my-widget>w</my-widget><p>end</p>";
        assert!(check(&(body.repeat(30) + "<p>open at the end")));
    }

    /// A wrapper leaves the reading as it is outside it: its context is its parent's, it
    /// enters no formatting, and the fast path opens it.
    #[test]
    fn wrappers_change_nothing_but_the_stack() {
        use super::super::render::{context_of, mark_of_tag};
        use super::{Tag, Wrappers};
        use crate::markup::builder::Context;
        let mut stack = Wrappers::default();
        for (i, &tag) in Wrappers::TAGS.iter().cycle().take(Wrappers::ROOM).enumerate() {
            assert_eq!(context_of(tag, Context::default()), Context::default());
            assert!(mark_of_tag(tag, Some("/x")).is_none());
            stack = stack.push(tag).expect("room");
            assert_eq!(stack.tags().count(), i + 1);
            assert_eq!(stack.tags().last(), Some(tag));
        }
        assert_eq!(stack.push(Tag::DIV), None);
        assert_eq!(Wrappers::default().push(Tag::BLOCKQUOTE), None);
        assert_eq!(Wrappers::default().push(Tag::LI), None);
        assert_eq!(stack.pop().tags().count(), Wrappers::ROOM - 1);
        for name in ["div", "section", "article", "main", "header", "footer", "aside", "nav"] {
            assert!(check(&format!("<{name} class=\"x\"><p>a</p>b</{name}>")), "{name}");
        }
        assert!(check(
            "<figure><img src=a.png><figcaption>c</figcaption></figure><address>a</address>"
        ));
    }

    /// Where the reading rests: after an end tag with nothing open but wrappers, at most
    /// [`Wrappers::ROOM`] deep, none inside a list item, a quote or anything else.
    #[test]
    fn the_reading_rests_inside_wrappers_only() {
        let rests = |source: &str| {
            let mut out = Builder::new();
            let points = super::read_recorded(source, &mut out).expect("covered");
            points.iter().map(|p| (p.source, p.open.tags().count())).collect::<Vec<_>>()
        };
        let s = "<div><p>a</p><section><p>b</p></section></div><p>c</p>";
        assert_eq!(rests(s), [(0, 0), (13, 1), (30, 2), (40, 1), (46, 0), (54, 0)]);
        for s in [
            "<ul><li><div><p>a</p><p>b</p></div></li></ul>",
            "<blockquote><div><p>a</p><p>b</p></div></blockquote>",
            "<b><div><p>a</p></div></b>",
            "<my-el><div><p>a</p></div></my-el>",
        ] {
            assert_eq!(rests(s), [(0, 0), (s.len(), 0)], "{s}");
        }
        let deep = "<div>".repeat(super::Wrappers::ROOM + 1) + "<p>a</p><p>b</p>";
        assert_eq!(rests(&deep), [(0, 0)]);
        let deep = "<div>".repeat(super::Wrappers::ROOM) + "<p>a</p><p>b</p>";
        assert_eq!(rests(&deep).len(), 3);
    }

    #[test]
    fn an_empty_pre_reads_as_the_full_reader_reads_it() {
        // Only a line feed right after `<pre>`'s start tag is dropped, not one after `</pre>`.
        for source in
            ["<pre>a<pre></pre>\nb</pre>", "<pre></pre>\nx", "<pre><pre></pre>\n\ny</pre>"]
        {
            assert!(check(source), "the fast path gave up on {source:?}");
        }
    }

    #[test]
    fn bodies_it_does_not_cover_take_the_full_reader() {
        for source in [
            "<p>a<p>b",
            "<ul><li>a<li>b</ul>",
            "<p>a <b>b</p> c</b>",
            "<b>a<i>b</b>c</i>",
            "<a href=/x>a<a href=/y>b</a>",
            "<p>a<div>b</div>",
            "<h1>a<h2>b</h2>",
            "<h2>a</h3>b",
            "</p>",
            "a</br>b",
            "<table><tr><td>a</td></tr></table>",
            "<p hidden>a</p><p>b</p>",
            "<title>t</title><p>b",
            "a\0b",
            "<svg><p>x</p></svg>",
            "<dl><dt>a<dd>b</dl>",
            &"<div>".repeat(10_000),
        ] {
            assert!(!check(source), "the fast path took {source:?}");
        }
    }

    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<P>",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "<strong>",
        "</strong>",
        "<a href=/x>",
        "<a href=\"https://e.org/&amp;y\">",
        "<a>",
        "</a>",
        "<code>",
        "</code>",
        "<span>",
        "</span>",
        "<my-el>",
        "</my-el>",
        "<sub>",
        "</sub>",
        "<pre>",
        "</pre>",
        "<br>",
        "<br/>",
        "<wbr>",
        "<hr>",
        "</hr>",
        "<li>",
        "<li value=4>",
        "</li>",
        "<ul>",
        "</ul>",
        "<ol start=2 reversed>",
        "</ol>",
        "<h2>",
        "</h2>",
        "<h3>",
        "</h3>",
        "<div>",
        "</div>",
        "<blockquote>",
        "</blockquote>",
        "<figure>",
        "</figure>",
        "<figcaption>",
        "</figcaption>",
        "<img src=a.png alt=A>",
        "<img src='https://e.org/b.jpg'>",
        "<td>",
        "<!-- wp:paragraph -->",
        "<!doctype html>",
        "<html>",
        "</html>",
        "<body>",
        "</body>",
        "<head>",
        "</head>",
        "<div hidden>",
        "<textarea>",
        "</textarea>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "</script",
        "<!--<script>",
        "&amp;",
        "&nbsp;",
        "&#8217;",
        "&#10;",
        "&",
        "<",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\x0C",
        "word",
        "two words",
        "x  y",
        " z ",
        "é",
        "日本 語",
        "\0",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Tag soup: wherever the fast path reads it, its document is the full reader's.
        #[test]
        fn soup_reads_as_the_full_reader_reads_it(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..60),
        ) {
            check(&parts.concat());
        }

        /// Well-nested bodies of the covered elements: the fast path reads all of them, and
        /// as the full reader does.
        #[test]
        fn nested_bodies_take_the_fast_path(tree in nested(4)) {
            prop_assert!(check(&tree), "the fast path gave up on {:?}", tree);
        }
    }

    /// Well-nested markup of the elements the fast path covers, the way a CMS writes it.
    fn nested(depth: u32) -> impl Strategy<Value = String> {
        let text = prop::sample::select(
            &[
                "a",
                "word ",
                " two  words\n",
                "&amp; ",
                "&#8217;",
                "",
                "\t",
                "<br>",
                "<img src=x.png alt=X>",
                "<!-- c -->",
                "&lt;p&gt;",
                "<a href=/l>l</a>",
                "<script>a<p>b</script>",
            ][..],
        )
        .prop_map(str::to_owned);
        let inline = text.prop_recursive(depth, 40, 4, |inner| {
            (
                prop::sample::select(&["b", "em", "code", "span", "sup", "x-y"][..]),
                prop::collection::vec(inner, 0..4),
            )
                .prop_map(|(tag, kids)| {
                    let name = tag.split(' ').next().unwrap_or(tag);
                    format!("<{tag}>{}</{name}>", kids.concat())
                })
        });
        let block = prop::collection::vec(inline, 0..4).prop_map(|k| k.concat()).prop_recursive(
            depth,
            40,
            4,
            |inner| {
                (
                    prop::sample::select(
                        &[
                            "p",
                            "h2",
                            "blockquote",
                            "div",
                            "ul",
                            "ol start=3",
                            "figure",
                            "pre",
                            "p class=\"lead\"",
                            "ol start=\"2\" reversed",
                        ][..],
                    ),
                    prop::collection::vec(inner, 0..4),
                )
                    .prop_map(|(tag, kids)| {
                        let name = tag.split(' ').next().unwrap_or(tag);
                        match name {
                            // Nothing inside a `p` or a heading may close it.
                            "p" | "h2" | "pre" => format!("<{tag}>{}</{name}>", inline_only(&kids)),
                            "ul" | "ol" => {
                                let items: String =
                                    kids.iter().map(|k| format!("<li>{k}</li>\n")).collect();
                                format!("<{tag}>{items}</{name}>")
                            }
                            _ => format!("<{tag}>{}</{name}>\n", kids.concat()),
                        }
                    })
            },
        );
        prop::collection::vec(block, 0..5).prop_map(|b| b.concat())
    }

    /// `kids` without their block elements (the text and inline elements inside them).
    fn inline_only(kids: &[String]) -> String {
        let blocks = ["p", "h2", "blockquote", "div", "ul", "ol", "li", "figure", "pre"];
        let mut out = kids.concat();
        for b in blocks {
            out = out.replace(&format!("</{b}>"), "").replace(&format!("<{b}>"), "");
        }
        out.replace("<ol start=3>", "")
            .replace("<p class=\"lead\">", "")
            .replace("<ol start=\"2\" reversed>", "")
    }
}
