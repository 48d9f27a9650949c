//! HTML tree construction (WHATWG "Tree construction"): the element tree a browser builds from
//! the tokens, malformed input included, in an arena of nodes.
//!
//! ```text
//!  <p>1<b>2<p>3</b>4          html─body─┬─p─┬─"1"
//!                                      │   └─b──"2"
//!                                      └─p─┬─b──"3"      (the list of active formatting
//!                                          └─"4"          elements reopened <b> in the new <p>)
//! ```
//!
//! What is modelled: the "in body" rules (implied end tags, `p` closed by block starts, `li`,
//! `dd`/`dt`, `option` and heading auto-closing, `</p>` and `</br>` without a start, forms,
//! buttons, ruby), the list of active formatting elements with its markers, Noah's Ark clause
//! and reconstruction, the adoption agency algorithm, the table modes with foster parenting,
//! raw-text and RCDATA elements, templates, and foreign content (SVG and MathML, with their
//! integration points and the HTML elements that break out of them).
//!
//! What is not, because it never changes what a reader sees: the `head` and `after body`
//! modes (their elements are invisible wherever they land, and content after `</body>` joins
//! the body anyway), quirks mode (an article body is read as in a standards-mode page), the
//! frameset modes (a `<frameset>` that replaces the body leaves nothing to show, so reading
//! stops there), and the template contents' own insertion modes (template content is never
//! shown).
//!
//! Cost: the spec's algorithms walk the stack of open elements. Per-tag counts of open
//! elements answer "not in scope" at once; the walks that remain are counted, and past
//! [`WORK_PER_BYTE`] steps per input byte the reader stops with
//! [`ReadError::TooComplex`](crate::markup::ReadError) instead of taking quadratic time.

use core::ops::Range;
use std::borrow::Cow;
use std::rc::Rc;

use super::tags::{Names, Tag};
use super::tokenizer::{Attribute, State, Token, Tokenizer};
use crate::markup::ReadError;

/// No node.
pub(crate) const NONE: u32 = u32::MAX;

/// Steps of stack and list walks allowed per input byte, on top of [`WORK_BASE`].
pub(crate) const WORK_PER_BYTE: u64 = 64;
/// Steps allowed whatever the input's size.
pub(crate) const WORK_BASE: u64 = 4_000_000;
/// The most formatting elements the list of active formatting elements keeps after its last
/// marker; past it the oldest is forgotten (browsers keep them all, and reopen them all for
/// every later run of text).
const MAX_ACTIVE_FORMATTING: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    Html,
    Svg,
    MathMl,
}

/// The attributes the reader looks at, behind a pointer because most elements have none of
/// them (an element then costs a pointer, not the dozen fields), and shared because the token,
/// its element and the elements the formatting rules clone from it all hold the same values;
/// the others only count for Noah's Ark ([`Element::attr_hash`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attrs(Option<Rc<AttrValues>>);

impl core::ops::Deref for Attrs {
    type Target = AttrValues;

    fn deref(&self) -> &AttrValues {
        self.0.as_deref().unwrap_or(&NO_ATTRS)
    }
}

static NO_ATTRS: AttrValues = AttrValues {
    href: None,
    src: None,
    alt: None,
    title: None,
    data: None,
    start: None,
    value: None,
    kind: None,
    encoding: None,
    reversed: false,
    hidden: false,
    open: false,
    font_attrs: false,
};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AttrValues {
    pub(crate) href: Option<String>,
    pub(crate) src: Option<String>,
    pub(crate) alt: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) data: Option<String>,
    pub(crate) start: Option<String>,
    pub(crate) value: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) encoding: Option<String>,
    pub(crate) reversed: bool,
    pub(crate) hidden: bool,
    pub(crate) open: bool,
    /// `color`, `face` or `size` (a `<font>` with one leaves SVG and MathML).
    pub(crate) font_attrs: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub(crate) tag: Tag,
    pub(crate) ns: Ns,
    pub(crate) attrs: Attrs,
    /// All attributes, hashed independently of their order.
    attr_hash: u64,
    /// The start tag in the source (empty for an element the parser implied).
    pub(crate) start: Range<usize>,
    /// The end of the end tag that closed it, if one did.
    pub(crate) end: Option<usize>,
    in_stack: bool,
}

#[derive(Debug)]
pub(crate) enum Data<'s> {
    Element(Element),
    Text { text: Cow<'s, str>, source: Range<usize> },
}

#[derive(Debug)]
pub(crate) struct Node<'s> {
    pub(crate) data: Data<'s>,
    pub(crate) parent: u32,
    pub(crate) first_child: u32,
    last_child: u32,
    prev: u32,
    pub(crate) next: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    InBody,
    Text,
    InTable,
    InTableText,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Marker,
    Element(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Default,
    ListItem,
    Button,
    Table,
    Select,
}

/// A token as the tree builder handles it: tag names interned.
#[derive(Debug)]
enum Tok<'s> {
    Start { tag: Tag, attrs: Attrs, attr_hash: u64, self_closing: bool, source: Range<usize> },
    End { tag: Tag, source: Range<usize> },
    Text { text: Cow<'s, str>, source: Range<usize> },
    Null { source: Range<usize> },
    Comment,
    Eof,
}

/// The tree of a whole document: node 0 is `html`, node 1 its `body`.
pub(crate) struct Tree<'s> {
    pub(crate) nodes: Vec<Node<'s>>,
}

pub(crate) const HTML_NODE: u32 = 0;
const BODY_NODE: u32 = 1;

impl<'s> Tree<'s> {
    pub(crate) fn element(&self, id: u32) -> Option<&Element> {
        match &self.nodes[id as usize].data {
            Data::Element(e) => Some(e),
            Data::Text { .. } => None,
        }
    }
}

struct Builder<'s> {
    nodes: Vec<Node<'s>>,
    names: Names,
    stack: Vec<u32>,
    afe: Vec<Entry>,
    mode: Mode,
    original_mode: Mode,
    template_modes: Vec<Mode>,
    form: u32,
    foster_parenting: bool,
    /// The next token's leading LF is dropped (after `<pre>`, `<listing>`, `<textarea>`).
    skip_lf: bool,
    /// Open HTML elements per tag.
    open_count: Vec<u32>,
    pending_table_text: Vec<(Cow<'s, str>, Range<usize>)>,
    /// The spec's frameset-ok flag: nothing yet rules out a `<frameset>` replacing the body.
    frameset_ok: bool,
    /// A browser would have made the body element by now: before it (head content,
    /// whitespace, templates) a `<frameset>` takes its place whatever `frameset_ok` says.
    body_started: bool,
    /// A `<frameset>` replaced the body: the document shows nothing, whatever follows.
    frameset: bool,
    work: u64,
    budget: u64,
}

/// What a `<frameset>` start tag does where the spec lets it replace the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framesets {
    /// The input is a whole document: as in a browser, the document then shows nothing.
    Replace,
    /// The input is an HTML block inside Markdown, which may follow other blocks: ignored, so
    /// that no later content is lost.
    Ignore,
}

/// Builds the element tree of `input`.
pub(crate) fn build(input: &str, framesets: Framesets) -> Result<Tree<'_>, ReadError> {
    let mut b = Builder {
        nodes: Vec::with_capacity(input.len() / 16 + 4),
        names: Names::new(),
        stack: Vec::new(),
        afe: Vec::new(),
        mode: Mode::InBody,
        original_mode: Mode::InBody,
        template_modes: Vec::new(),
        form: NONE,
        foster_parenting: false,
        skip_lf: false,
        open_count: Vec::new(),
        pending_table_text: Vec::new(),
        frameset_ok: framesets == Framesets::Replace,
        body_started: framesets == Framesets::Ignore,
        frameset: false,
        work: 0,
        budget: WORK_BASE + WORK_PER_BYTE * input.len() as u64,
    };
    b.open_count.resize(b.names.len(), 0);
    let html = b.new_element(Tag::HTML, Ns::Html, Attrs::default(), 0, 0..0);
    b.push(html);
    let body = b.new_element(Tag::BODY, Ns::Html, Attrs::default(), 0, 0..0);
    b.append(html, body);
    b.push(body);
    let mut tokenizer = Tokenizer::new(input);
    loop {
        tokenizer.cdata_allowed = b.current_ns() != Ns::Html;
        let token = b.intern(tokenizer.next_token());
        let eof = matches!(token, Tok::Eof);
        if let Some(state) = b.process(token)? {
            tokenizer.set_state(state);
        }
        // After a frameset only frames, `noframes` and whitespace are read, none of them shown.
        if eof || b.frameset {
            break;
        }
    }
    Ok(Tree { nodes: b.nodes })
}

fn attr_hash(attributes: &[Attribute<'_>]) -> u64 {
    // FNV-1a per attribute, summed so that order does not matter.
    attributes.iter().fold(0u64, |sum, a| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in a.name.bytes().chain([0]).chain(a.value.bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        sum.wrapping_add(h)
    })
}

fn attrs_of(attributes: &[Attribute<'_>]) -> Attrs {
    let mut attrs = AttrValues::default();
    // Whether an attribute the reader looks at was met: then `attrs` is not NO_ATTRS.
    let mut any = false;
    for a in attributes {
        let value = || Some(a.value.clone().into_owned());
        match a.name.as_ref() {
            "href" => attrs.href = value(),
            "src" => attrs.src = value(),
            "alt" => attrs.alt = value(),
            "title" => attrs.title = value(),
            "data" => attrs.data = value(),
            "start" => attrs.start = value(),
            "value" => attrs.value = value(),
            "type" => attrs.kind = value(),
            "encoding" => attrs.encoding = value(),
            "reversed" => attrs.reversed = true,
            "hidden" => attrs.hidden = true,
            "open" => attrs.open = true,
            "color" | "face" | "size" => attrs.font_attrs = true,
            _ => continue,
        }
        any = true;
    }
    Attrs(any.then(|| Rc::new(attrs)))
}

/// The text token after `<pre>`, `<listing>` or `<textarea>`, without its leading line feed
/// (`None` when nothing else is left).
pub(crate) fn skip_lf(
    text: Cow<'_, str>,
    source: Range<usize>,
) -> Option<(Cow<'_, str>, Range<usize>)> {
    let Some(rest) = text.strip_prefix('\n') else { return Some((text, source)) };
    if rest.is_empty() {
        return None;
    }
    let text = match text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[1..]),
        Cow::Owned(s) => Cow::Owned(s[1..].to_owned()),
    };
    let source = if source.len() == text.len() + 1 { source.start + 1..source.end } else { source };
    Some((text, source))
}

fn is_ws_text(text: &str) -> bool {
    text.bytes().all(|c| matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))
}

impl<'s> Builder<'s> {
    fn intern(&mut self, token: Token<'s>) -> Tok<'s> {
        match token {
            Token::StartTag { name, attributes, self_closing, source } => {
                let mut tag = self.names.intern(&name);
                if tag == Tag::IMAGE {
                    tag = Tag::IMG;
                }
                if self.open_count.len() < self.names.len() {
                    self.open_count.resize(self.names.len(), 0);
                }
                Tok::Start {
                    tag,
                    attrs: attrs_of(&attributes),
                    attr_hash: attr_hash(&attributes),
                    self_closing,
                    source,
                }
            }
            Token::EndTag { name, source } => {
                let tag = self.names.intern(&name);
                if self.open_count.len() < self.names.len() {
                    self.open_count.resize(self.names.len(), 0);
                }
                Tok::End { tag, source }
            }
            Token::Text { text, source } => Tok::Text { text, source },
            Token::Null { source } => Tok::Null { source },
            Token::Comment => Tok::Comment,
            Token::Eof => Tok::Eof,
        }
    }

    #[inline(always)]
    fn step(&mut self) -> Result<(), ReadError> {
        self.work += 1;
        if self.work > self.budget {
            return Err(ReadError::TooComplex { steps: self.work });
        }
        Ok(())
    }

    // ---- The arena ----------------------------------------------------------------------------

    #[inline(always)]
    fn new_node(&mut self, data: Data<'s>) -> u32 {
        self.nodes.push(Node {
            data,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
        });
        (self.nodes.len() - 1) as u32
    }

    fn new_element(
        &mut self,
        tag: Tag,
        ns: Ns,
        attrs: Attrs,
        attr_hash: u64,
        start: Range<usize>,
    ) -> u32 {
        self.new_node(Data::Element(Element {
            tag,
            ns,
            attrs,
            attr_hash,
            start,
            end: None,
            in_stack: false,
        }))
    }

    #[inline(always)]
    fn el(&self, id: u32) -> &Element {
        match &self.nodes[id as usize].data {
            Data::Element(e) => e,
            // Only element ids are ever passed here.
            Data::Text { .. } => unreachable!("a text node where an element was expected"),
        }
    }

    #[inline(always)]
    fn el_mut(&mut self, id: u32) -> &mut Element {
        match &mut self.nodes[id as usize].data {
            Data::Element(e) => e,
            Data::Text { .. } => unreachable!("a text node where an element was expected"),
        }
    }

    /// Records the end tag that closed `id` (nothing for NONE).
    fn set_end(&mut self, id: u32, end: Option<usize>) {
        if id != NONE {
            self.el_mut(id).end = end;
        }
    }

    #[inline(always)]
    fn is_html(&self, id: u32, tag: Tag) -> bool {
        let e = self.el(id);
        e.ns == Ns::Html && e.tag == tag
    }

    #[inline(always)]
    fn html_tag(&self, id: u32) -> Option<Tag> {
        let e = self.el(id);
        (e.ns == Ns::Html).then_some(e.tag)
    }

    fn detach(&mut self, id: u32) {
        let (parent, prev, next) = {
            let n = &self.nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.nodes[parent as usize].first_child = next;
        } else {
            self.nodes[prev as usize].next = next;
        }
        if next == NONE {
            self.nodes[parent as usize].last_child = prev;
        } else {
            self.nodes[next as usize].prev = prev;
        }
        let n = &mut self.nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append(&mut self, parent: u32, id: u32) {
        self.detach(id);
        let last = self.nodes[parent as usize].last_child;
        {
            let n = &mut self.nodes[id as usize];
            n.parent = parent;
            n.prev = last;
        }
        if last == NONE {
            self.nodes[parent as usize].first_child = id;
        } else {
            self.nodes[last as usize].next = id;
        }
        self.nodes[parent as usize].last_child = id;
    }

    fn insert_before(&mut self, parent: u32, sibling: u32, id: u32) {
        self.detach(id);
        let prev = self.nodes[sibling as usize].prev;
        {
            let n = &mut self.nodes[id as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = sibling;
        }
        self.nodes[sibling as usize].prev = id;
        if prev == NONE {
            self.nodes[parent as usize].first_child = id;
        } else {
            self.nodes[prev as usize].next = id;
        }
    }

    // ---- The stack of open elements -------------------------------------------------------------

    #[inline(always)]
    fn current(&self) -> u32 {
        *self.stack.last().unwrap_or(&HTML_NODE)
    }

    #[inline(always)]
    fn current_ns(&self) -> Ns {
        self.el(self.current()).ns
    }

    fn push(&mut self, id: u32) {
        self.stack.push(id);
        let (tag, ns) = {
            let e = self.el_mut(id);
            e.in_stack = true;
            (e.tag, e.ns)
        };
        if ns == Ns::Html {
            self.open_count[tag.0 as usize] += 1;
        }
    }

    fn on_popped(&mut self, id: u32) {
        let (tag, ns) = {
            let e = self.el_mut(id);
            e.in_stack = false;
            (e.tag, e.ns)
        };
        if ns == Ns::Html {
            self.open_count[tag.0 as usize] -= 1;
        }
    }

    fn pop(&mut self) -> u32 {
        // The stack never pops its `html` element.
        if self.stack.len() <= 1 {
            return NONE;
        }
        let id = self.stack.pop().unwrap_or(NONE);
        self.on_popped(id);
        id
    }

    fn remove_from_stack(&mut self, id: u32) -> Result<(), ReadError> {
        for i in (0..self.stack.len()).rev() {
            self.step()?;
            if self.stack[i] == id {
                self.stack.remove(i);
                self.on_popped(id);
                break;
            }
        }
        Ok(())
    }

    fn stack_index(&mut self, id: u32) -> Result<Option<usize>, ReadError> {
        if !self.el(id).in_stack {
            return Ok(None);
        }
        for i in (0..self.stack.len()).rev() {
            self.step()?;
            if self.stack[i] == id {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn open(&self, tag: Tag) -> bool {
        self.open_count.get(tag.0 as usize).is_some_and(|&n| n > 0)
    }

    fn is_scope_boundary(&self, id: u32, scope: Scope) -> bool {
        let e = self.el(id);
        match e.ns {
            Ns::Html => match scope {
                Scope::Select => !matches!(e.tag, Tag::OPTGROUP | Tag::OPTION),
                Scope::Table => matches!(e.tag, Tag::HTML | Tag::TABLE | Tag::TEMPLATE),
                _ => {
                    matches!(
                        e.tag,
                        Tag::APPLET
                            | Tag::CAPTION
                            | Tag::HTML
                            | Tag::TABLE
                            | Tag::TD
                            | Tag::TH
                            | Tag::MARQUEE
                            | Tag::OBJECT
                            | Tag::TEMPLATE
                    ) || (scope == Scope::ListItem && matches!(e.tag, Tag::OL | Tag::UL))
                        || (scope == Scope::Button && e.tag == Tag::BUTTON)
                }
            },
            Ns::MathMl => {
                scope != Scope::Table
                    && scope != Scope::Select
                    && matches!(
                        e.tag,
                        Tag::MI | Tag::MO | Tag::MN | Tag::MS | Tag::MTEXT | Tag::ANNOTATION_XML
                    )
            }
            Ns::Svg => {
                scope != Scope::Table
                    && scope != Scope::Select
                    && matches!(e.tag, Tag::FOREIGNOBJECT | Tag::DESC | Tag::TITLE)
            }
        }
    }

    /// "Has an element in scope" for any of `tags`.
    fn in_scope(&mut self, tags: &[Tag], scope: Scope) -> Result<bool, ReadError> {
        if !tags.iter().any(|&t| self.open(t)) {
            return Ok(false);
        }
        for i in (0..self.stack.len()).rev() {
            self.step()?;
            let id = self.stack[i];
            if self.html_tag(id).is_some_and(|t| tags.contains(&t)) {
                return Ok(true);
            }
            if self.is_scope_boundary(id, scope) {
                return Ok(false);
            }
        }
        Ok(false)
    }

    /// Pops until an HTML element with one of `tags` has been popped; returns it.
    fn pop_until(&mut self, tags: &[Tag]) -> u32 {
        if !tags.iter().any(|&t| self.open(t)) {
            return NONE;
        }
        while self.stack.len() > 1 {
            let id = self.pop();
            if self.html_tag(id).is_some_and(|t| tags.contains(&t)) {
                return id;
            }
        }
        NONE
    }

    /// Pops until `id` has been popped.
    fn pop_until_node(&mut self, id: u32) {
        if !self.el(id).in_stack {
            return;
        }
        while self.stack.len() > 1 {
            if self.pop() == id {
                return;
            }
        }
    }

    fn generate_implied_end_tags(&mut self, except: Option<Tag>) {
        while let Some(tag) = self.html_tag(self.current()) {
            if !tag.has_implied_end() || Some(tag) == except {
                break;
            }
            self.pop();
        }
    }

    fn generate_implied_end_tags_thoroughly(&mut self) {
        while let Some(tag) = self.html_tag(self.current()) {
            if !tag.has_implied_end_thoroughly() {
                break;
            }
            self.pop();
        }
    }

    fn close_p(&mut self, end: Option<usize>) {
        self.generate_implied_end_tags(Some(Tag::P));
        let p = self.pop_until(&[Tag::P]);
        self.set_end(p, end);
    }

    fn close_p_in_button_scope(&mut self) -> Result<(), ReadError> {
        if self.in_scope(&[Tag::P], Scope::Button)? {
            self.close_p(None);
        }
        Ok(())
    }

    fn clear_to_context(&mut self, tags: &[Tag]) {
        while self.stack.len() > 1
            && !self.html_tag(self.current()).is_some_and(|t| tags.contains(&t))
        {
            self.pop();
        }
    }

    // ---- Inserting ------------------------------------------------------------------------------

    /// The appropriate place for inserting a node: (parent, before this sibling or NONE).
    fn insertion_place(&mut self, target: Option<u32>) -> Result<(u32, u32), ReadError> {
        let target = target.unwrap_or_else(|| self.current());
        let fosters = self.foster_parenting
            && self.html_tag(target).is_some_and(|t| {
                matches!(t, Tag::TABLE | Tag::TBODY | Tag::TFOOT | Tag::THEAD | Tag::TR)
            });
        if !fosters {
            return Ok((target, NONE));
        }
        let mut last_table = None;
        let mut last_template = None;
        for i in (0..self.stack.len()).rev() {
            self.step()?;
            let id = self.stack[i];
            if last_template.is_none() && self.is_html(id, Tag::TEMPLATE) {
                last_template = Some(i);
            }
            if self.is_html(id, Tag::TABLE) {
                last_table = Some(i);
                break;
            }
        }
        if let Some(t) = last_template {
            if last_table.is_none_or(|table| t > table) {
                return Ok((self.stack[t], NONE));
            }
        }
        let Some(table_index) = last_table else { return Ok((self.stack[0], NONE)) };
        let table = self.stack[table_index];
        let parent = self.nodes[table as usize].parent;
        if parent != NONE {
            return Ok((parent, table));
        }
        Ok((self.stack[table_index.saturating_sub(1)], NONE))
    }

    fn place(&mut self, id: u32, target: Option<u32>) -> Result<(), ReadError> {
        let (parent, before) = self.insertion_place(target)?;
        if before == NONE {
            self.append(parent, id);
        } else {
            self.insert_before(parent, before, id);
        }
        Ok(())
    }

    fn insert_text(&mut self, text: Cow<'s, str>, source: Range<usize>) -> Result<(), ReadError> {
        let id = self.new_node(Data::Text { text, source });
        self.place(id, None)
    }

    fn insert_element(
        &mut self,
        tag: Tag,
        ns: Ns,
        attrs: Attrs,
        attr_hash: u64,
        source: Range<usize>,
    ) -> Result<u32, ReadError> {
        let id = self.new_element(tag, ns, attrs, attr_hash, source);
        self.place(id, None)?;
        self.push(id);
        Ok(id)
    }

    fn insert_start(&mut self, tok: &Tok<'s>) -> Result<u32, ReadError> {
        let Tok::Start { tag, attrs, attr_hash, source, .. } = tok else { return Ok(NONE) };
        self.insert_element(*tag, Ns::Html, attrs.clone(), *attr_hash, source.clone())
    }

    /// Inserts an element the parser implies (`tbody`, `tr`, `colgroup`, a `p` for a stray `</p>`).
    fn insert_implied(&mut self, tag: Tag, at: usize) -> Result<u32, ReadError> {
        self.insert_element(tag, Ns::Html, Attrs::default(), 0, at..at)
    }

    fn insert_void(&mut self, tok: &Tok<'s>) -> Result<(), ReadError> {
        self.insert_start(tok)?;
        self.pop();
        Ok(())
    }

    // ---- Active formatting elements ----------------------------------------------------------

    fn push_formatting(&mut self, id: u32) {
        let (tag, ns, hash) = {
            let e = self.el(id);
            (e.tag, e.ns, e.attr_hash)
        };
        let mut same = 0;
        let mut earliest = None;
        let mut since_marker = 0;
        for i in (0..self.afe.len()).rev() {
            let Entry::Element(other) = self.afe[i] else { break };
            since_marker += 1;
            let o = self.el(other);
            if o.tag == tag && o.ns == ns && o.attr_hash == hash {
                same += 1;
                earliest = Some(i);
            }
        }
        // Noah's Ark: at most three identical entries after the last marker.
        if same >= 3 {
            if let Some(i) = earliest {
                self.afe.remove(i);
                since_marker -= 1;
            }
        }
        if since_marker >= MAX_ACTIVE_FORMATTING {
            let first = self.afe.len() - since_marker;
            self.afe.remove(first);
        }
        self.afe.push(Entry::Element(id));
    }

    fn afe_index(&self, id: u32) -> Option<usize> {
        self.afe.iter().rposition(|&e| e == Entry::Element(id))
    }

    fn clone_element(&mut self, id: u32, at: usize) -> u32 {
        let e = self.el(id);
        let (tag, ns, attrs, hash) = (e.tag, e.ns, e.attrs.clone(), e.attr_hash);
        self.new_element(tag, ns, attrs, hash, at..at)
    }

    fn reconstruct_formatting(&mut self, at: usize) -> Result<(), ReadError> {
        let Some(&last) = self.afe.last() else { return Ok(()) };
        let on_stack = |b: &Self, e: Entry| match e {
            Entry::Marker => true,
            Entry::Element(id) => b.el(id).in_stack,
        };
        if on_stack(self, last) {
            return Ok(());
        }
        let mut i = self.afe.len() - 1;
        while i > 0 && !on_stack(self, self.afe[i - 1]) {
            i -= 1;
        }
        for k in i..self.afe.len() {
            self.step()?;
            let Entry::Element(old) = self.afe[k] else { continue };
            let new = self.clone_element(old, at);
            self.place(new, None)?;
            self.push(new);
            self.afe[k] = Entry::Element(new);
        }
        Ok(())
    }

    fn clear_formatting_to_marker(&mut self) {
        while let Some(e) = self.afe.pop() {
            if e == Entry::Marker {
                break;
            }
        }
    }

    /// The adoption agency algorithm for an end tag (or a new `<a>`/`<nobr>`) of `tag`.
    /// Returns `false` when the end tag is to be handled as "any other end tag".
    fn adoption_agency(
        &mut self,
        tag: Tag,
        at: usize,
        end: Option<usize>,
    ) -> Result<bool, ReadError> {
        let current = self.current();
        if self.is_html(current, tag) && self.afe_index(current).is_none() {
            let id = self.pop();
            self.set_end(id, end);
            return Ok(true);
        }
        for _ in 0..8 {
            // The last element with this tag after the last marker.
            let mut found = None;
            for i in (0..self.afe.len()).rev() {
                self.step()?;
                match self.afe[i] {
                    Entry::Marker => break,
                    Entry::Element(id) if self.is_html(id, tag) => {
                        found = Some(i);
                        break;
                    }
                    Entry::Element(_) => {}
                }
            }
            let Some(fe_index) = found else { return Ok(false) };
            let Entry::Element(fe) = self.afe[fe_index] else { return Ok(true) };
            let Some(fe_stack) = self.stack_index(fe)? else {
                self.afe.remove(fe_index);
                return Ok(true);
            };
            // In scope: no boundary between it and the current node.
            for i in (fe_stack + 1..self.stack.len()).rev() {
                self.step()?;
                if self.is_scope_boundary(self.stack[i], Scope::Default) {
                    return Ok(true);
                }
            }
            let mut furthest = None;
            for i in fe_stack + 1..self.stack.len() {
                self.step()?;
                let id = self.stack[i];
                let e = self.el(id);
                let special = match e.ns {
                    Ns::Html => e.tag.is_special(),
                    _ => self.is_scope_boundary(id, Scope::Default),
                };
                if special {
                    furthest = Some(i);
                    break;
                }
            }
            let Some(fb_stack) = furthest else {
                while self.stack.len() > fe_stack {
                    self.pop();
                }
                self.el_mut(fe).end = end;
                if let Some(i) = self.afe_index(fe) {
                    self.afe.remove(i);
                }
                return Ok(true);
            };
            let furthest_block = self.stack[fb_stack];
            let common_ancestor = self.stack[fe_stack - 1];
            let mut bookmark = fe_index;
            let mut node_index = fb_stack;
            let mut last_node = furthest_block;
            let mut inner = 0;
            loop {
                inner += 1;
                node_index -= 1;
                let node = self.stack[node_index];
                if node == fe {
                    break;
                }
                let mut afe_pos = self.afe_index(node);
                if inner > 3 {
                    if let Some(i) = afe_pos {
                        self.afe.remove(i);
                        if i < bookmark {
                            bookmark -= 1;
                        }
                        afe_pos = None;
                    }
                }
                let Some(pos) = afe_pos else {
                    self.stack.remove(node_index);
                    self.on_popped(node);
                    continue;
                };
                let new = self.clone_element(node, at);
                self.afe[pos] = Entry::Element(new);
                self.on_popped(node);
                self.stack[node_index] = new;
                self.el_mut(new).in_stack = true;
                if let Some(t) = self.html_tag(new) {
                    self.open_count[t.0 as usize] += 1;
                }
                if last_node == furthest_block {
                    bookmark = pos + 1;
                }
                self.append(new, last_node);
                last_node = new;
            }
            self.detach(last_node);
            self.place(last_node, Some(common_ancestor))?;
            let new = self.clone_element(fe, at);
            // Move the furthest block's children into the new element.
            let mut child = self.nodes[furthest_block as usize].first_child;
            while child != NONE {
                let next = self.nodes[child as usize].next;
                self.append(new, child);
                child = next;
            }
            self.append(furthest_block, new);
            if let Some(fe_afe) = self.afe_index(fe) {
                self.afe.remove(fe_afe);
                if bookmark > fe_afe {
                    bookmark -= 1;
                }
            }
            self.afe.insert(bookmark.min(self.afe.len()), Entry::Element(new));
            self.remove_from_stack(fe)?;
            let fb_now = self.stack_index(furthest_block)?.unwrap_or(self.stack.len() - 1);
            self.stack.insert(fb_now + 1, new);
            self.el_mut(new).in_stack = true;
            if let Some(t) = self.html_tag(new) {
                self.open_count[t.0 as usize] += 1;
            }
        }
        Ok(true)
    }

    // ---- The dispatcher --------------------------------------------------------------------------

    /// Handles one token; returns the tokenizer state to switch to, if any.
    fn process(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        let tok = match tok {
            Tok::Text { text, source } if self.skip_lf => {
                self.skip_lf = false;
                let Some((text, source)) = skip_lf(text, source) else { return Ok(None) };
                Tok::Text { text, source }
            }
            other => {
                self.skip_lf = false;
                other
            }
        };
        if self.use_foreign_rules(&tok) {
            return self.foreign(tok);
        }
        self.in_mode(self.mode, tok)
    }

    fn use_foreign_rules(&self, tok: &Tok<'s>) -> bool {
        let current = self.current();
        let e = self.el(current);
        if e.ns == Ns::Html || matches!(tok, Tok::Eof) {
            return false;
        }
        let mathml_text_point = e.ns == Ns::MathMl
            && matches!(e.tag, Tag::MI | Tag::MO | Tag::MN | Tag::MS | Tag::MTEXT);
        match tok {
            Tok::Start { tag, .. }
                if mathml_text_point && !matches!(*tag, Tag::MGLYPH | Tag::MALIGNMARK) =>
            {
                return false
            }
            Tok::Text { .. } | Tok::Null { .. } if mathml_text_point => return false,
            Tok::Start { tag: Tag::SVG, .. }
                if e.ns == Ns::MathMl && e.tag == Tag::ANNOTATION_XML =>
            {
                return false
            }
            _ => {}
        }
        if self.is_html_integration_point(current)
            && matches!(tok, Tok::Start { .. } | Tok::Text { .. } | Tok::Null { .. })
        {
            return false;
        }
        true
    }

    fn is_html_integration_point(&self, id: u32) -> bool {
        let e = self.el(id);
        match e.ns {
            Ns::Svg => matches!(e.tag, Tag::FOREIGNOBJECT | Tag::DESC | Tag::TITLE),
            Ns::MathMl => {
                e.tag == Tag::ANNOTATION_XML
                    && e.attrs.encoding.as_deref().is_some_and(|v| {
                        v.eq_ignore_ascii_case("text/html")
                            || v.eq_ignore_ascii_case("application/xhtml+xml")
                    })
            }
            Ns::Html => false,
        }
    }

    fn foreign(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::Null { source } => self.insert_text(Cow::Borrowed("\u{FFFD}"), source)?,
            Tok::Text { text, source } => {
                if !is_ws_text(&text) {
                    self.frameset_ok = false;
                }
                self.insert_text(text, source)?;
            }
            Tok::Comment | Tok::Eof => {}
            Tok::Start { tag, ref attrs, .. }
                if matches!(
                    tag,
                    Tag::B
                        | Tag::BIG
                        | Tag::BLOCKQUOTE
                        | Tag::BODY
                        | Tag::BR
                        | Tag::CENTER
                        | Tag::CODE
                        | Tag::DD
                        | Tag::DIV
                        | Tag::DL
                        | Tag::DT
                        | Tag::EM
                        | Tag::EMBED
                        | Tag::H1
                        | Tag::H2
                        | Tag::H3
                        | Tag::H4
                        | Tag::H5
                        | Tag::H6
                        | Tag::HEAD
                        | Tag::HR
                        | Tag::I
                        | Tag::IMG
                        | Tag::LI
                        | Tag::LISTING
                        | Tag::MENU
                        | Tag::META
                        | Tag::NOBR
                        | Tag::OL
                        | Tag::P
                        | Tag::PRE
                        | Tag::RUBY
                        | Tag::S
                        | Tag::SMALL
                        | Tag::SPAN
                        | Tag::STRONG
                        | Tag::STRIKE
                        | Tag::SUB
                        | Tag::SUP
                        | Tag::TABLE
                        | Tag::TT
                        | Tag::U
                        | Tag::UL
                        | Tag::VAR
                ) || (tag == Tag::FONT && attrs.font_attrs) =>
            {
                self.pop_to_html_content();
                return self.in_mode(self.mode, tok);
            }
            Tok::End { tag: Tag::BR | Tag::P, .. } => {
                self.pop_to_html_content();
                return self.in_mode(self.mode, tok);
            }
            Tok::Start { tag, attrs, attr_hash, self_closing, source } => {
                let ns = self.current_ns();
                self.insert_element(tag, ns, attrs, attr_hash, source)?;
                if self_closing {
                    self.pop();
                }
            }
            Tok::End { tag, ref source } => {
                let mut i = self.stack.len() - 1;
                loop {
                    self.step()?;
                    if i == 0 {
                        return Ok(None);
                    }
                    let node = self.stack[i];
                    let e = self.el(node);
                    if e.tag == tag && e.ns != Ns::Html {
                        self.pop_until_node(node);
                        self.el_mut(node).end = Some(source.end);
                        return Ok(None);
                    }
                    i -= 1;
                    if self.el(self.stack[i]).ns == Ns::Html {
                        return self.in_mode(self.mode, tok);
                    }
                }
            }
        }
        Ok(None)
    }

    fn pop_to_html_content(&mut self) {
        while self.stack.len() > 1 {
            let current = self.current();
            let e = self.el(current);
            let mathml_text_point = e.ns == Ns::MathMl
                && matches!(e.tag, Tag::MI | Tag::MO | Tag::MN | Tag::MS | Tag::MTEXT);
            if e.ns == Ns::Html || mathml_text_point || self.is_html_integration_point(current) {
                break;
            }
            self.pop();
        }
    }

    fn in_mode(&mut self, mode: Mode, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match mode {
            Mode::InBody => self.in_body(tok),
            Mode::Text => self.text_mode(tok),
            Mode::InTable => self.in_table(tok),
            Mode::InTableText => self.in_table_text(tok),
            Mode::InCaption => self.in_caption(tok),
            Mode::InColumnGroup => self.in_column_group(tok),
            Mode::InTableBody => self.in_table_body(tok),
            Mode::InRow => self.in_row(tok),
            Mode::InCell => self.in_cell(tok),
        }
    }

    fn reset_mode(&mut self) {
        for i in (0..self.stack.len()).rev() {
            let last = i == 0;
            let Some(tag) = self.html_tag(self.stack[i]) else { continue };
            let mode = match tag {
                Tag::TD | Tag::TH if !last => Mode::InCell,
                Tag::TR => Mode::InRow,
                Tag::TBODY | Tag::THEAD | Tag::TFOOT => Mode::InTableBody,
                Tag::CAPTION => Mode::InCaption,
                Tag::COLGROUP => Mode::InColumnGroup,
                Tag::TABLE => Mode::InTable,
                Tag::TEMPLATE => Mode::InBody,
                Tag::BODY | Tag::HTML => Mode::InBody,
                _ => continue,
            };
            self.mode = mode;
            return;
        }
        self.mode = Mode::InBody;
    }

    /// A raw-text or RCDATA element: its content is read in `state` until its end tag.
    fn raw_element(&mut self, tok: &Tok<'s>, state: State) -> Result<Option<State>, ReadError> {
        self.insert_start(tok)?;
        self.original_mode = self.mode;
        self.mode = Mode::Text;
        Ok(Some(state))
    }

    fn text_mode(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::Text { text, source } => self.insert_text(text, source)?,
            Tok::End { source, .. } => {
                let id = self.pop();
                self.set_end(id, Some(source.end));
                self.mode = self.original_mode;
            }
            Tok::Eof => {
                self.pop();
                self.mode = self.original_mode;
            }
            _ => {}
        }
        Ok(None)
    }

    /// The "in head" rules for the head elements met elsewhere.
    fn head_element(&mut self, tok: &Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::Start { tag: Tag::TITLE, .. } => self.raw_element(tok, State::RcData),
            Tok::Start { tag: Tag::NOFRAMES | Tag::STYLE | Tag::NOSCRIPT, .. } => {
                self.raw_element(tok, State::RawText)
            }
            Tok::Start { tag: Tag::SCRIPT, .. } => self.raw_element(tok, State::ScriptData),
            Tok::Start { tag: Tag::TEMPLATE, .. } => {
                self.insert_start(tok)?;
                self.afe.push(Entry::Marker);
                self.template_modes.push(self.mode);
                self.mode = Mode::InBody;
                Ok(None)
            }
            Tok::End { tag: Tag::TEMPLATE, source } => {
                if !self.open(Tag::TEMPLATE) {
                    return Ok(None);
                }
                self.generate_implied_end_tags_thoroughly();
                let id = self.pop_until(&[Tag::TEMPLATE]);
                self.set_end(id, Some(source.end));
                self.clear_formatting_to_marker();
                self.template_modes.pop();
                self.reset_mode();
                Ok(None)
            }
            // base, basefont, bgsound, link, meta.
            _ => {
                self.insert_void(tok)?;
                Ok(None)
            }
        }
    }

    fn in_body(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::Null { .. } | Tok::Comment | Tok::Eof => {}
            Tok::Text { text, source } => {
                if !is_ws_text(&text) {
                    self.start_body();
                    self.frameset_ok = false;
                }
                self.reconstruct_formatting(source.start)?;
                self.insert_text(text, source)?;
            }
            Tok::Start { tag, .. } => return self.in_body_start(tag, tok),
            Tok::End { tag, ref source } => {
                let source = source.clone();
                self.in_body_end(tag, source)?;
            }
        }
        Ok(None)
    }

    fn in_body_start(&mut self, tag: Tag, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tag {
            Tag::HTML | Tag::HEAD => {}
            Tag::FRAME => self.start_body(),
            Tag::BODY => {
                if !self.open(Tag::TEMPLATE) {
                    self.frameset_ok = false;
                    self.body_started = true;
                }
            }
            // Never inside a template, as in Chromium (the spec looks only at the stack's
            // second element).
            Tag::FRAMESET => {
                if (self.frameset_ok || !self.body_started) && !self.open(Tag::TEMPLATE) {
                    self.detach(BODY_NODE);
                    self.frameset = true;
                }
            }
            _ => {
                if !tag.is_head_content() {
                    self.start_body();
                }
                if Self::rules_out_frameset(tag, &tok) {
                    self.frameset_ok = false;
                }
                return self.in_body_start_tag(tag, tok);
            }
        }
        Ok(None)
    }

    /// The start tags after which a `<frameset>` no longer replaces the body (a `select` too,
    /// where it is inserted).
    fn rules_out_frameset(tag: Tag, tok: &Tok<'s>) -> bool {
        match tag {
            Tag::PRE
            | Tag::LISTING
            | Tag::LI
            | Tag::DD
            | Tag::DT
            | Tag::APPLET
            | Tag::MARQUEE
            | Tag::OBJECT
            | Tag::TABLE
            | Tag::AREA
            | Tag::BR
            | Tag::EMBED
            | Tag::IMG
            | Tag::KEYGEN
            | Tag::WBR
            | Tag::HR
            | Tag::TEXTAREA
            | Tag::XMP
            | Tag::IFRAME => true,
            // Every input but `type=hidden`.
            Tag::INPUT => {
                let Tok::Start { attrs, .. } = tok else { return false };
                !attrs.kind.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("hidden"))
            }
            _ => false,
        }
    }

    /// What the "after head" mode does on a token other than head content: the body is made
    /// (template contents, which stay in the head's template, do not count), with the flag set
    /// again as Chromium does, whatever a template in the head held.
    fn start_body(&mut self) {
        if !self.body_started && !self.open(Tag::TEMPLATE) {
            self.body_started = true;
            self.frameset_ok = true;
        }
    }

    fn in_body_start_tag(&mut self, tag: Tag, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        let Tok::Start { ref source, self_closing, .. } = tok else { return Ok(None) };
        let at = source.start;
        match tag {
            Tag::CAPTION
            | Tag::COL
            | Tag::COLGROUP
            | Tag::TBODY
            | Tag::TD
            | Tag::TFOOT
            | Tag::TH
            | Tag::THEAD
            | Tag::TR => {}
            _ if tag.is_head_content() => return self.head_element(&tok),
            Tag::ADDRESS
            | Tag::ARTICLE
            | Tag::ASIDE
            | Tag::BLOCKQUOTE
            | Tag::CENTER
            | Tag::DETAILS
            | Tag::DIALOG
            | Tag::DIR
            | Tag::DIV
            | Tag::DL
            | Tag::FIELDSET
            | Tag::FIGCAPTION
            | Tag::FIGURE
            | Tag::FOOTER
            | Tag::HEADER
            | Tag::HGROUP
            | Tag::MAIN
            | Tag::MENU
            | Tag::NAV
            | Tag::OL
            | Tag::P
            | Tag::SEARCH
            | Tag::SECTION
            | Tag::SUMMARY
            | Tag::UL => {
                self.close_p_in_button_scope()?;
                self.insert_start(&tok)?;
            }
            _ if tag.is_heading() => {
                self.close_p_in_button_scope()?;
                if self.html_tag(self.current()).is_some_and(Tag::is_heading) {
                    self.pop();
                }
                self.insert_start(&tok)?;
            }
            Tag::PRE | Tag::LISTING => {
                self.close_p_in_button_scope()?;
                self.insert_start(&tok)?;
                self.skip_lf = true;
            }
            Tag::FORM => {
                if self.form != NONE && !self.open(Tag::TEMPLATE) {
                    return Ok(None);
                }
                self.close_p_in_button_scope()?;
                let id = self.insert_start(&tok)?;
                if !self.open(Tag::TEMPLATE) {
                    self.form = id;
                }
            }
            Tag::LI | Tag::DD | Tag::DT => {
                let closes: &[Tag] = if tag == Tag::LI { &[Tag::LI] } else { &[Tag::DD, Tag::DT] };
                for i in (0..self.stack.len()).rev() {
                    self.step()?;
                    let node = self.stack[i];
                    let e = self.el(node);
                    if e.ns == Ns::Html && closes.contains(&e.tag) {
                        let t = e.tag;
                        self.generate_implied_end_tags(Some(t));
                        self.pop_until(&[t]);
                        break;
                    }
                    let special = e.ns == Ns::Html && e.tag.is_special()
                        || e.ns != Ns::Html && self.is_scope_boundary(node, Scope::Default);
                    if special
                        && !(e.ns == Ns::Html && matches!(e.tag, Tag::ADDRESS | Tag::DIV | Tag::P))
                    {
                        break;
                    }
                }
                self.close_p_in_button_scope()?;
                self.insert_start(&tok)?;
            }
            Tag::PLAINTEXT => {
                self.close_p_in_button_scope()?;
                self.insert_start(&tok)?;
                return Ok(Some(State::PlainText));
            }
            Tag::BUTTON => {
                if self.in_scope(&[Tag::BUTTON], Scope::Default)? {
                    self.generate_implied_end_tags(None);
                    self.pop_until(&[Tag::BUTTON]);
                }
                self.reconstruct_formatting(at)?;
                self.insert_start(&tok)?;
            }
            Tag::A => {
                let mut existing = None;
                for i in (0..self.afe.len()).rev() {
                    self.step()?;
                    match self.afe[i] {
                        Entry::Marker => break,
                        Entry::Element(id) if self.is_html(id, Tag::A) => {
                            existing = Some(id);
                            break;
                        }
                        Entry::Element(_) => {}
                    }
                }
                if let Some(id) = existing {
                    self.adoption_agency(Tag::A, at, None)?;
                    if let Some(i) = self.afe_index(id) {
                        self.afe.remove(i);
                    }
                    self.remove_from_stack(id)?;
                }
                self.reconstruct_formatting(at)?;
                let id = self.insert_start(&tok)?;
                self.push_formatting(id);
            }
            Tag::NOBR => {
                self.reconstruct_formatting(at)?;
                if self.in_scope(&[Tag::NOBR], Scope::Default)? {
                    self.adoption_agency(Tag::NOBR, at, None)?;
                    self.reconstruct_formatting(at)?;
                }
                let id = self.insert_start(&tok)?;
                self.push_formatting(id);
            }
            _ if tag.is_formatting() => {
                self.reconstruct_formatting(at)?;
                let id = self.insert_start(&tok)?;
                self.push_formatting(id);
            }
            Tag::APPLET | Tag::MARQUEE | Tag::OBJECT => {
                self.reconstruct_formatting(at)?;
                self.insert_start(&tok)?;
                self.afe.push(Entry::Marker);
            }
            Tag::TABLE => {
                self.close_p_in_button_scope()?;
                self.insert_start(&tok)?;
                self.mode = Mode::InTable;
            }
            Tag::AREA | Tag::BR | Tag::EMBED | Tag::IMG | Tag::KEYGEN | Tag::WBR | Tag::INPUT => {
                if tag == Tag::INPUT && self.in_scope(&[Tag::SELECT], Scope::Default)? {
                    self.pop_until(&[Tag::SELECT]);
                }
                self.reconstruct_formatting(at)?;
                self.insert_void(&tok)?;
            }
            Tag::PARAM | Tag::SOURCE | Tag::TRACK => self.insert_void(&tok)?,
            Tag::HR => {
                self.close_p_in_button_scope()?;
                if self.in_scope(&[Tag::SELECT], Scope::Default)? {
                    self.generate_implied_end_tags(None);
                }
                self.insert_void(&tok)?;
            }
            Tag::TEXTAREA => {
                if self.in_scope(&[Tag::SELECT], Scope::Default)? {
                    self.pop_until(&[Tag::SELECT]);
                }
                self.skip_lf = true;
                return self.raw_element(&tok, State::RcData);
            }
            Tag::XMP => {
                self.close_p_in_button_scope()?;
                self.reconstruct_formatting(at)?;
                return self.raw_element(&tok, State::RawText);
            }
            Tag::IFRAME | Tag::NOEMBED => return self.raw_element(&tok, State::RawText),
            Tag::SELECT => {
                // A select inside a select closes it.
                if self.in_scope(&[Tag::SELECT], Scope::Default)? {
                    self.pop_until(&[Tag::SELECT]);
                    return Ok(None);
                }
                self.reconstruct_formatting(at)?;
                self.insert_start(&tok)?;
                self.frameset_ok = false;
            }
            Tag::OPTION | Tag::OPTGROUP => {
                if self.in_scope(&[Tag::SELECT], Scope::Default)? {
                    self.generate_implied_end_tags(
                        Some(Tag::OPTGROUP).filter(|_| tag == Tag::OPTION),
                    );
                } else if self.is_html(self.current(), Tag::OPTION) {
                    self.pop();
                }
                self.reconstruct_formatting(at)?;
                self.insert_start(&tok)?;
            }
            Tag::RB | Tag::RTC => {
                if self.in_scope(&[Tag::RUBY], Scope::Default)? {
                    self.generate_implied_end_tags(None);
                }
                self.insert_start(&tok)?;
            }
            Tag::RP | Tag::RT => {
                if self.in_scope(&[Tag::RUBY], Scope::Default)? {
                    self.generate_implied_end_tags(Some(Tag::RTC));
                }
                self.insert_start(&tok)?;
            }
            Tag::MATH | Tag::SVG => {
                self.reconstruct_formatting(at)?;
                let Tok::Start { attrs, attr_hash, source, .. } = tok else { return Ok(None) };
                let ns = if tag == Tag::MATH { Ns::MathMl } else { Ns::Svg };
                self.insert_element(tag, ns, attrs, attr_hash, source)?;
                if self_closing {
                    self.pop();
                }
            }
            _ => {
                self.reconstruct_formatting(at)?;
                self.insert_start(&tok)?;
            }
        }
        Ok(None)
    }

    fn in_body_end(&mut self, tag: Tag, source: Range<usize>) -> Result<(), ReadError> {
        let end = Some(source.end);
        match tag {
            Tag::TEMPLATE => {
                self.head_element(&Tok::End { tag, source })?;
            }
            Tag::BODY | Tag::HTML => self.start_body(),
            Tag::ADDRESS
            | Tag::ARTICLE
            | Tag::ASIDE
            | Tag::BLOCKQUOTE
            | Tag::BUTTON
            | Tag::CENTER
            | Tag::DETAILS
            | Tag::DIALOG
            | Tag::DIR
            | Tag::DIV
            | Tag::DL
            | Tag::FIELDSET
            | Tag::FIGCAPTION
            | Tag::FIGURE
            | Tag::FOOTER
            | Tag::HEADER
            | Tag::HGROUP
            | Tag::LISTING
            | Tag::MAIN
            | Tag::MENU
            | Tag::NAV
            | Tag::OL
            | Tag::PRE
            | Tag::SEARCH
            | Tag::SECTION
            | Tag::SUMMARY
            | Tag::UL
            | Tag::SELECT => {
                if self.in_scope(&[tag], Scope::Default)? {
                    self.generate_implied_end_tags(None);
                    let id = self.pop_until(&[tag]);
                    self.set_end(id, end);
                }
            }
            Tag::FORM => {
                if self.open(Tag::TEMPLATE) {
                    if self.in_scope(&[Tag::FORM], Scope::Default)? {
                        self.generate_implied_end_tags(None);
                        self.pop_until(&[Tag::FORM]);
                    }
                    return Ok(());
                }
                let node = core::mem::replace(&mut self.form, NONE);
                if node == NONE
                    || !self.el(node).in_stack
                    || !self.in_scope(&[Tag::FORM], Scope::Default)?
                {
                    return Ok(());
                }
                self.generate_implied_end_tags(None);
                self.remove_from_stack(node)?;
                self.el_mut(node).end = end;
            }
            Tag::P => {
                if !self.in_scope(&[Tag::P], Scope::Button)? {
                    self.insert_implied(Tag::P, source.start)?;
                }
                self.close_p(end);
            }
            Tag::LI => {
                if self.in_scope(&[Tag::LI], Scope::ListItem)? {
                    self.generate_implied_end_tags(Some(Tag::LI));
                    let id = self.pop_until(&[Tag::LI]);
                    self.set_end(id, end);
                }
            }
            Tag::DD | Tag::DT => {
                if self.in_scope(&[tag], Scope::Default)? {
                    self.generate_implied_end_tags(Some(tag));
                    let id = self.pop_until(&[tag]);
                    self.set_end(id, end);
                }
            }
            _ if tag.is_heading() => {
                const HEADINGS: [Tag; 6] = [Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6];
                if self.in_scope(&HEADINGS, Scope::Default)? {
                    self.generate_implied_end_tags(None);
                    let id = self.pop_until(&HEADINGS);
                    self.set_end(id, end);
                }
            }
            _ if tag.is_formatting() => {
                if !self.adoption_agency(tag, source.start, end)? {
                    self.any_other_end_tag(tag, end)?;
                }
            }
            Tag::APPLET | Tag::MARQUEE | Tag::OBJECT => {
                if self.in_scope(&[tag], Scope::Default)? {
                    self.generate_implied_end_tags(None);
                    let id = self.pop_until(&[tag]);
                    self.set_end(id, end);
                    self.clear_formatting_to_marker();
                }
            }
            Tag::BR => {
                // `</br>` is read as `<br>`.
                self.start_body();
                self.frameset_ok = false;
                self.reconstruct_formatting(source.start)?;
                let id = self.new_element(Tag::BR, Ns::Html, Attrs::default(), 0, source);
                self.place(id, None)?;
            }
            _ => self.any_other_end_tag(tag, end)?,
        }
        Ok(())
    }

    fn any_other_end_tag(&mut self, tag: Tag, end: Option<usize>) -> Result<(), ReadError> {
        if !self.open(tag) {
            return Ok(());
        }
        for i in (0..self.stack.len()).rev() {
            self.step()?;
            let node = self.stack[i];
            if self.is_html(node, tag) {
                self.generate_implied_end_tags(Some(tag));
                self.pop_until_node(node);
                self.el_mut(node).end = end;
                return Ok(());
            }
            let e = self.el(node);
            let special = if e.ns == Ns::Html {
                e.tag.is_special()
            } else {
                self.is_scope_boundary(node, Scope::Default)
            };
            if special {
                return Ok(());
            }
        }
        Ok(())
    }

    // ---- Tables ------------------------------------------------------------------------------------

    fn in_table(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        let current_tag = self.html_tag(self.current());
        match tok {
            Tok::Text { .. } | Tok::Null { .. }
                if current_tag.is_some_and(|t| {
                    matches!(
                        t,
                        Tag::TABLE | Tag::TBODY | Tag::TEMPLATE | Tag::TFOOT | Tag::THEAD | Tag::TR
                    )
                }) =>
            {
                self.pending_table_text.clear();
                self.original_mode = self.mode;
                self.mode = Mode::InTableText;
                self.in_table_text(tok)
            }
            Tok::Comment => Ok(None),
            Tok::Start { tag: Tag::CAPTION, .. } => {
                self.clear_to_context(&[Tag::TABLE, Tag::TEMPLATE, Tag::HTML]);
                self.afe.push(Entry::Marker);
                self.insert_start(&tok)?;
                self.mode = Mode::InCaption;
                Ok(None)
            }
            Tok::Start { tag: Tag::COLGROUP, .. } => {
                self.clear_to_context(&[Tag::TABLE, Tag::TEMPLATE, Tag::HTML]);
                self.insert_start(&tok)?;
                self.mode = Mode::InColumnGroup;
                Ok(None)
            }
            Tok::Start { tag: Tag::COL, ref source, .. } => {
                self.clear_to_context(&[Tag::TABLE, Tag::TEMPLATE, Tag::HTML]);
                self.insert_implied(Tag::COLGROUP, source.start)?;
                self.mode = Mode::InColumnGroup;
                self.in_mode(self.mode, tok)
            }
            Tok::Start { tag: Tag::TBODY | Tag::TFOOT | Tag::THEAD, .. } => {
                self.clear_to_context(&[Tag::TABLE, Tag::TEMPLATE, Tag::HTML]);
                self.insert_start(&tok)?;
                self.mode = Mode::InTableBody;
                Ok(None)
            }
            Tok::Start { tag: Tag::TD | Tag::TH | Tag::TR, ref source, .. } => {
                self.clear_to_context(&[Tag::TABLE, Tag::TEMPLATE, Tag::HTML]);
                self.insert_implied(Tag::TBODY, source.start)?;
                self.mode = Mode::InTableBody;
                self.in_mode(self.mode, tok)
            }
            Tok::Start { tag: Tag::TABLE, .. } => {
                if !self.in_scope(&[Tag::TABLE], Scope::Table)? {
                    return Ok(None);
                }
                self.pop_until(&[Tag::TABLE]);
                self.reset_mode();
                self.in_mode(self.mode, tok)
            }
            Tok::End { tag: Tag::TABLE, ref source } => {
                if self.in_scope(&[Tag::TABLE], Scope::Table)? {
                    let id = self.pop_until(&[Tag::TABLE]);
                    self.set_end(id, Some(source.end));
                    self.reset_mode();
                }
                Ok(None)
            }
            Tok::End {
                tag:
                    Tag::BODY
                    | Tag::CAPTION
                    | Tag::COL
                    | Tag::COLGROUP
                    | Tag::HTML
                    | Tag::TBODY
                    | Tag::TD
                    | Tag::TFOOT
                    | Tag::TH
                    | Tag::THEAD
                    | Tag::TR,
                ..
            } => Ok(None),
            Tok::Start { tag: Tag::STYLE | Tag::SCRIPT | Tag::TEMPLATE, .. }
            | Tok::End { tag: Tag::TEMPLATE, .. } => self.head_element(&tok),
            Tok::Start { tag: Tag::INPUT, ref attrs, .. }
                if attrs.kind.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("hidden")) =>
            {
                self.insert_void(&tok)?;
                Ok(None)
            }
            Tok::Start { tag: Tag::FORM, .. } => {
                if self.open(Tag::TEMPLATE) || self.form != NONE {
                    return Ok(None);
                }
                let id = self.insert_start(&tok)?;
                self.form = id;
                self.pop();
                Ok(None)
            }
            Tok::Eof => Ok(None),
            _ => self.foster(tok),
        }
    }

    /// "Anything else" in a table: the in-body rules with foster parenting.
    fn foster(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        self.foster_parenting = true;
        let result = self.in_body(tok);
        self.foster_parenting = false;
        result
    }

    fn in_table_text(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::Null { .. } => Ok(None),
            Tok::Text { text, source } => {
                self.pending_table_text.push((text, source));
                Ok(None)
            }
            other => {
                let pending = core::mem::take(&mut self.pending_table_text);
                let all_ws = pending.iter().all(|(t, _)| is_ws_text(t));
                for (text, source) in pending {
                    if all_ws {
                        self.insert_text(text, source)?;
                    } else {
                        self.foster(Tok::Text { text, source })?;
                    }
                }
                self.mode = self.original_mode;
                self.in_mode(self.mode, other)
            }
        }
    }

    fn in_caption(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::End { tag: Tag::CAPTION, ref source } => {
                let end = source.end;
                self.close_caption(Some(end))?;
                Ok(None)
            }
            Tok::Start {
                tag:
                    Tag::CAPTION
                    | Tag::COL
                    | Tag::COLGROUP
                    | Tag::TBODY
                    | Tag::TD
                    | Tag::TFOOT
                    | Tag::TH
                    | Tag::THEAD
                    | Tag::TR,
                ..
            }
            | Tok::End { tag: Tag::TABLE, .. } => {
                if self.close_caption(None)? {
                    return self.in_mode(self.mode, tok);
                }
                Ok(None)
            }
            Tok::End {
                tag:
                    Tag::BODY
                    | Tag::COL
                    | Tag::COLGROUP
                    | Tag::HTML
                    | Tag::TBODY
                    | Tag::TD
                    | Tag::TFOOT
                    | Tag::TH
                    | Tag::THEAD
                    | Tag::TR,
                ..
            } => Ok(None),
            _ => self.in_body(tok),
        }
    }

    fn close_caption(&mut self, end: Option<usize>) -> Result<bool, ReadError> {
        if !self.in_scope(&[Tag::CAPTION], Scope::Table)? {
            return Ok(false);
        }
        self.generate_implied_end_tags(None);
        let id = self.pop_until(&[Tag::CAPTION]);
        self.set_end(id, end);
        self.clear_formatting_to_marker();
        self.mode = Mode::InTable;
        Ok(true)
    }

    fn in_column_group(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::Text { text, source } => {
                // Leading whitespace stays in the column group; the rest leaves it.
                let ws = text
                    .bytes()
                    .take_while(|&c| matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))
                    .count();
                if ws == text.len() {
                    self.insert_text(text, source)?;
                    return Ok(None);
                }
                let verbatim = text.len() == source.len();
                let (head, tail) = match &text {
                    Cow::Borrowed(s) => (Cow::Borrowed(&s[..ws]), Cow::Borrowed(&s[ws..])),
                    Cow::Owned(s) => {
                        (Cow::Owned(s[..ws].to_owned()), Cow::Owned(s[ws..].to_owned()))
                    }
                };
                let split = if verbatim { source.start + ws } else { source.start };
                if ws > 0 {
                    self.insert_text(head, source.start..split)?;
                }
                self.column_group_else(Tok::Text { text: tail, source: split..source.end })
            }
            Tok::Comment => Ok(None),
            Tok::Start { tag: Tag::COL, .. } => {
                self.insert_void(&tok)?;
                Ok(None)
            }
            Tok::End { tag: Tag::COLGROUP, ref source } => {
                if self.is_html(self.current(), Tag::COLGROUP) {
                    let id = self.pop();
                    self.set_end(id, Some(source.end));
                    self.mode = Mode::InTable;
                }
                Ok(None)
            }
            Tok::End { tag: Tag::COL, .. } => Ok(None),
            Tok::Start { tag: Tag::TEMPLATE, .. } | Tok::End { tag: Tag::TEMPLATE, .. } => {
                self.head_element(&tok)
            }
            Tok::Eof => Ok(None),
            _ => self.column_group_else(tok),
        }
    }

    fn column_group_else(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        if !self.is_html(self.current(), Tag::COLGROUP) {
            return Ok(None);
        }
        self.pop();
        self.mode = Mode::InTable;
        self.in_mode(self.mode, tok)
    }

    fn in_table_body(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        const CONTEXT: [Tag; 5] = [Tag::TBODY, Tag::TFOOT, Tag::THEAD, Tag::TEMPLATE, Tag::HTML];
        match tok {
            Tok::Start { tag: Tag::TR, .. } => {
                self.clear_to_context(&CONTEXT);
                self.insert_start(&tok)?;
                self.mode = Mode::InRow;
                Ok(None)
            }
            Tok::Start { tag: Tag::TH | Tag::TD, ref source, .. } => {
                self.clear_to_context(&CONTEXT);
                self.insert_implied(Tag::TR, source.start)?;
                self.mode = Mode::InRow;
                self.in_mode(self.mode, tok)
            }
            Tok::End { tag: tag @ (Tag::TBODY | Tag::TFOOT | Tag::THEAD), ref source } => {
                if self.in_scope(&[tag], Scope::Table)? {
                    self.clear_to_context(&CONTEXT);
                    let id = self.pop();
                    self.set_end(id, Some(source.end));
                    self.mode = Mode::InTable;
                }
                Ok(None)
            }
            Tok::Start {
                tag: Tag::CAPTION | Tag::COL | Tag::COLGROUP | Tag::TBODY | Tag::TFOOT | Tag::THEAD,
                ..
            }
            | Tok::End { tag: Tag::TABLE, .. } => {
                if !self.in_scope(&[Tag::TBODY, Tag::THEAD, Tag::TFOOT], Scope::Table)? {
                    return Ok(None);
                }
                self.clear_to_context(&CONTEXT);
                self.pop();
                self.mode = Mode::InTable;
                self.in_mode(self.mode, tok)
            }
            Tok::End {
                tag:
                    Tag::BODY
                    | Tag::CAPTION
                    | Tag::COL
                    | Tag::COLGROUP
                    | Tag::HTML
                    | Tag::TD
                    | Tag::TH
                    | Tag::TR,
                ..
            } => Ok(None),
            _ => self.in_table(tok),
        }
    }

    fn in_row(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        const CONTEXT: [Tag; 3] = [Tag::TR, Tag::TEMPLATE, Tag::HTML];
        match tok {
            Tok::Start { tag: Tag::TH | Tag::TD, .. } => {
                self.clear_to_context(&CONTEXT);
                self.insert_start(&tok)?;
                self.mode = Mode::InCell;
                self.afe.push(Entry::Marker);
                Ok(None)
            }
            Tok::End { tag: Tag::TR, ref source } => {
                if self.in_scope(&[Tag::TR], Scope::Table)? {
                    self.clear_to_context(&CONTEXT);
                    let id = self.pop();
                    self.set_end(id, Some(source.end));
                    self.mode = Mode::InTableBody;
                }
                Ok(None)
            }
            Tok::Start {
                tag:
                    Tag::CAPTION
                    | Tag::COL
                    | Tag::COLGROUP
                    | Tag::TBODY
                    | Tag::TFOOT
                    | Tag::THEAD
                    | Tag::TR,
                ..
            }
            | Tok::End { tag: Tag::TABLE, .. } => {
                if !self.in_scope(&[Tag::TR], Scope::Table)? {
                    return Ok(None);
                }
                self.clear_to_context(&CONTEXT);
                self.pop();
                self.mode = Mode::InTableBody;
                self.in_mode(self.mode, tok)
            }
            Tok::End { tag: tag @ (Tag::TBODY | Tag::TFOOT | Tag::THEAD), .. } => {
                if !self.in_scope(&[tag], Scope::Table)?
                    || !self.in_scope(&[Tag::TR], Scope::Table)?
                {
                    return Ok(None);
                }
                self.clear_to_context(&CONTEXT);
                self.pop();
                self.mode = Mode::InTableBody;
                self.in_mode(self.mode, tok)
            }
            Tok::End {
                tag:
                    Tag::BODY | Tag::CAPTION | Tag::COL | Tag::COLGROUP | Tag::HTML | Tag::TD | Tag::TH,
                ..
            } => Ok(None),
            _ => self.in_table(tok),
        }
    }

    fn in_cell(&mut self, tok: Tok<'s>) -> Result<Option<State>, ReadError> {
        match tok {
            Tok::End { tag: tag @ (Tag::TD | Tag::TH), ref source } => {
                if self.in_scope(&[tag], Scope::Table)? {
                    self.generate_implied_end_tags(None);
                    let id = self.pop_until(&[tag]);
                    self.set_end(id, Some(source.end));
                    self.clear_formatting_to_marker();
                    self.mode = Mode::InRow;
                }
                Ok(None)
            }
            Tok::Start {
                tag:
                    Tag::CAPTION
                    | Tag::COL
                    | Tag::COLGROUP
                    | Tag::TBODY
                    | Tag::TD
                    | Tag::TFOOT
                    | Tag::TH
                    | Tag::THEAD
                    | Tag::TR,
                ..
            } => {
                if !self.in_scope(&[Tag::TD, Tag::TH], Scope::Table)? {
                    return Ok(None);
                }
                self.close_cell();
                self.in_mode(self.mode, tok)
            }
            Tok::End {
                tag: Tag::BODY | Tag::CAPTION | Tag::COL | Tag::COLGROUP | Tag::HTML,
                ..
            } => Ok(None),
            Tok::End {
                tag: tag @ (Tag::TABLE | Tag::TBODY | Tag::TFOOT | Tag::THEAD | Tag::TR),
                ..
            } => {
                if !self.in_scope(&[tag], Scope::Table)? {
                    return Ok(None);
                }
                self.close_cell();
                self.in_mode(self.mode, tok)
            }
            _ => self.in_body(tok),
        }
    }

    fn close_cell(&mut self) {
        self.generate_implied_end_tags(None);
        self.pop_until(&[Tag::TD, Tag::TH]);
        self.clear_formatting_to_marker();
        self.mode = Mode::InRow;
    }
}
