//! Builds a [`Document`] from a stream of rendering events, shared by the HTML and Markdown
//! readers: text with the source it came from, line breaks, embeds, block breaks, formatting
//! entered and left. It applies the rules of CSS rendering that decide what a reader sees:
//!
//! * Whitespace (space, tab, line feed, carriage return, form feed) collapses to one space,
//!   and none is kept at the start or end of a block or around a line break, as
//!   `white-space: normal` renders it. In a preformatted block it is kept as written, except
//!   blank lines at the block's start and whitespace at its end.
//! * A block is kept only if it holds a visible character; `"\n\n"` joins the kept blocks.
//! * Formatting is sampled at visible characters only: a mark starts at the first visible
//!   character inside its element and ends after the last one, so `<b>a</b> <b>b</b>` and
//!   `<b>a b</b>` give the same single bold mark, and a mark never starts or ends on a space.
//!   Code formatting inside a preformatted block is not a mark.
//!
//! Cost: linear in the text, plus one comparison of the (at most nine) active marks each time
//! the formatting changes between two visible characters.

use core::ops::Range;

use super::document::{Block, BlockKind, Document, Embed, EmbedKind, ListItem, Mark, MarkKind};

/// The number of mark kinds counted in [`Builder`] (all but links).
const COUNTED: usize = 8;
const COUNTED_KINDS: [MarkKind; COUNTED] = [
    MarkKind::Bold,
    MarkKind::Italic,
    MarkKind::Underline,
    MarkKind::Strike,
    MarkKind::Code,
    MarkKind::Subscript,
    MarkKind::Superscript,
    MarkKind::Highlight,
];

fn counted_index(kind: &MarkKind) -> Option<usize> {
    COUNTED_KINDS.iter().position(|k| k == kind)
}

/// What the blocks opened from here on are: the reader's context at a point of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Context {
    pub(crate) kind: BlockKind,
    pub(crate) quote_depth: u32,
    /// The innermost list item: its id from [`Builder::new_item`], and its list's depth.
    pub(crate) item: Option<(u32, u32)>,
    /// Whitespace is kept as written.
    pub(crate) pre: bool,
}

impl Default for Context {
    fn default() -> Self {
        Context { kind: BlockKind::Paragraph, quote_depth: 0, item: None, pre: false }
    }
}

struct List {
    ordered: bool,
    reversed: bool,
    start: Option<i64>,
}

struct Item {
    list: Option<u32>,
    value: Option<i64>,
}

/// Whitespace and line breaks seen since the last visible character.
#[derive(Default)]
struct Pending {
    space: bool,
    breaks: u32,
    /// Where the pending whitespace starts in the source.
    source: Option<usize>,
    /// In a preformatted block: the whitespace as written, and its pieces' offsets
    /// `(offset in text, source range)`.
    pre: String,
    pre_pieces: Vec<(usize, Range<usize>)>,
}

/// The block being filled.
struct Open {
    ctx: Context,
    text_start: usize,
    source_start: usize,
}

/// See the [module docs](self).
pub(crate) struct Builder {
    doc: Document,
    /// Each block's list item and list depth, until [`Builder::finish`] numbers the items.
    block_items: Vec<Option<(u32, u32)>>,
    lists: Vec<List>,
    items: Vec<Item>,
    ctx: Context,
    open: Option<Open>,
    pending: Pending,
    /// The most recent block element start since the last block got its first visible char.
    opener: Option<usize>,
    /// The end of the last visible character, in the text and in the source.
    ink_end: usize,
    ink_source_end: usize,
    counts: [u32; COUNTED],
    links: Vec<Option<String>>,
    /// Marks open in the current block: kind, start.
    marks_open: Vec<(MarkKind, usize)>,
    marks_dirty: bool,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder {
            doc: Document::default(),
            block_items: Vec::new(),
            lists: Vec::new(),
            items: Vec::new(),
            ctx: Context::default(),
            open: None,
            pending: Pending::default(),
            opener: None,
            ink_end: 0,
            ink_source_end: 0,
            counts: [0; COUNTED],
            links: Vec::new(),
            marks_open: Vec::new(),
            marks_dirty: false,
        }
    }

    /// The context new blocks take.
    pub(crate) fn context(&self) -> Context {
        self.ctx
    }

    pub(crate) fn set_context(&mut self, ctx: Context) {
        self.ctx = ctx;
    }

    /// Registers a list; returns its id.
    pub(crate) fn new_list(&mut self, ordered: bool, reversed: bool, start: Option<i64>) -> u32 {
        self.lists.push(List { ordered, reversed, start });
        (self.lists.len() - 1) as u32
    }

    /// Registers a list item of `list` (or of none); returns its id.
    pub(crate) fn new_item(&mut self, list: Option<u32>, value: Option<i64>) -> u32 {
        self.items.push(Item { list, value });
        (self.items.len() - 1) as u32
    }

    /// Whether list `id` is ordered.
    pub(crate) fn list_is_ordered(&self, id: u32) -> bool {
        self.lists[id as usize].ordered
    }

    /// A block element starts (its start tag at source offset `at`, if it had one): the
    /// current block ends.
    pub(crate) fn block_start(&mut self, at: Option<usize>) {
        self.block_break(None);
        self.opener = at;
    }

    /// A block element ends; `end` is the end of its end tag when it had one.
    pub(crate) fn block_end(&mut self, end: Option<usize>) {
        self.block_break(end);
    }

    fn block_break(&mut self, end: Option<usize>) {
        let Some(open) = self.open.take() else {
            self.pending = Pending::default();
            return;
        };
        self.close_marks();
        let source_end = end.unwrap_or(self.ink_source_end).max(self.ink_source_end);
        self.doc.blocks.push(Block {
            kind: open.ctx.kind,
            quote_depth: open.ctx.quote_depth,
            list: None,
            text: open.text_start..self.doc.text.len(),
            source: open.source_start..source_end,
        });
        self.block_items.push(open.ctx.item);
        self.pending = Pending::default();
        self.opener = None;
    }

    /// Formatting starts (`<b>`, Markdown `**`…).
    pub(crate) fn mark_enter(&mut self, kind: MarkKind) {
        match counted_index(&kind) {
            Some(i) => self.counts[i] += 1,
            None => {
                let MarkKind::Link(target) = kind else { return };
                self.links.push(target);
            }
        }
        self.marks_dirty = true;
    }

    /// Formatting entered with `kind` ends.
    pub(crate) fn mark_leave(&mut self, kind: &MarkKind) {
        match counted_index(kind) {
            Some(i) => self.counts[i] = self.counts[i].saturating_sub(1),
            None => {
                self.links.pop();
            }
        }
        self.marks_dirty = true;
    }

    /// Visible text: `text` is what the reader sees of `source` (which it copies verbatim
    /// when the lengths agree).
    pub(crate) fn text(&mut self, text: &str, source: Range<usize>) {
        let verbatim = text.len() == source.len();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let ws = is_space(bytes[i]);
            let mut j = i + 1;
            while j < bytes.len() && is_space(bytes[j]) == ws {
                j += 1;
            }
            let piece_source =
                if verbatim { source.start + i..source.start + j } else { source.clone() };
            if ws {
                self.whitespace(&text[i..j], piece_source);
            } else if !(verbatim && self.word(&text[i..j], piece_source.clone())) {
                self.ink(&text[i..j], piece_source, verbatim);
            }
            i = j;
        }
    }

    /// A line break (`<br>`, a Markdown hard break).
    pub(crate) fn line_break(&mut self, source: Range<usize>) {
        if self.ctx.pre {
            self.whitespace("\n", source);
        } else {
            self.pending.breaks += 1;
            self.pending.source.get_or_insert(source.start);
        }
    }

    /// An image or other embed.
    pub(crate) fn embed(
        &mut self,
        kind: EmbedKind,
        src: Option<String>,
        alt: String,
        source: Range<usize>,
    ) {
        self.flush_pending(source.start);
        let at = self.doc.text.len();
        self.ink("\u{FFFC}", source, false);
        self.doc.embeds.push(Embed { kind, at, src, alt });
    }

    fn whitespace(&mut self, text: &str, source: Range<usize>) {
        if self.ctx.pre {
            let at = self.pending.pre.len();
            self.pending.pre.push_str(text);
            self.pending.pre_pieces.push((at, source.clone()));
        } else {
            self.pending.space = true;
        }
        self.pending.source.get_or_insert(source.start);
    }

    /// Starts a block if none is open and writes the pending whitespace the next visible
    /// character (whose source starts at `ink_source`) needs before it.
    fn flush_pending(&mut self, ink_source: usize) {
        let pending = core::mem::take(&mut self.pending);
        if self.open.is_none() {
            if !self.doc.blocks.is_empty() {
                self.doc.text.push_str("\n\n");
            }
            // Blank lines at the start of a preformatted block are not shown; the indentation
            // of its first line is.
            let kept = pending.pre.rfind('\n').map_or(0, |nl| nl + 1);
            let kept_source =
                pending.pre_pieces.iter().enumerate().find_map(|(k, (at, source))| {
                    let end = pending.pre_pieces.get(k + 1).map_or(pending.pre.len(), |p| p.0);
                    (kept < end).then(|| {
                        let verbatim = end - at == source.len();
                        if verbatim {
                            source.start + kept.saturating_sub(*at)
                        } else {
                            source.start
                        }
                    })
                });
            let source_start = self.opener.take().or(kept_source).unwrap_or(ink_source);
            self.open = Some(Open { ctx: self.ctx, text_start: self.doc.text.len(), source_start });
            self.marks_open.clear();
            self.marks_dirty = true;
            self.write_pre(&pending, kept);
            return;
        }
        if !pending.pre.is_empty() {
            self.write_pre(&pending, 0);
        } else if pending.breaks > 0 {
            self.anchor(self.doc.text.len(), pending.source.unwrap_or(self.ink_source_end), false);
            for _ in 0..pending.breaks {
                self.doc.text.push('\n');
            }
        } else if pending.space {
            let source = pending.source.unwrap_or(self.ink_source_end);
            self.anchor(self.doc.text.len(), source, false);
            self.doc.text.push(' ');
        }
    }

    /// Writes the pending preformatted whitespace from byte `from` of it.
    fn write_pre(&mut self, pending: &Pending, from: usize) {
        for (k, (at, source)) in pending.pre_pieces.iter().enumerate() {
            let end = pending.pre_pieces.get(k + 1).map_or(pending.pre.len(), |p| p.0);
            if end <= from {
                continue;
            }
            let start = (*at).max(from);
            let piece = &pending.pre[start..end];
            let verbatim = end - at == source.len();
            let source_start = if verbatim { source.start + (start - at) } else { source.start };
            self.anchor(self.doc.text.len(), source_start, verbatim);
            self.doc.text.push_str(piece);
            if !verbatim {
                self.anchor(self.doc.text.len(), source.end, false);
            }
        }
    }

    /// [`Builder::ink`] of a verbatim word in the common case, without its general steps: a
    /// block is open, outside `<pre>`, and only a space (if anything) is pending before it, with
    /// no change of formatting. Writes exactly what `ink` would; `false` (and nothing written)
    /// in any other case.
    fn word(&mut self, text: &str, source: Range<usize>) -> bool {
        let p = &self.pending;
        if self.open.is_none()
            || self.ctx.pre
            || self.marks_dirty
            || p.breaks > 0
            || !p.pre.is_empty()
            || !p.pre_pieces.is_empty()
        {
            return false;
        }
        if p.space {
            let space_source = p.source.unwrap_or(self.ink_source_end);
            self.anchor(self.doc.text.len(), space_source, false);
            self.doc.text.push(' ');
        }
        self.pending.space = false;
        self.pending.source = None;
        self.anchor(self.doc.text.len(), source.start, true);
        self.doc.text.push_str(text);
        self.ink_end = self.doc.text.len();
        self.ink_source_end = source.end;
        true
    }

    fn ink(&mut self, text: &str, source: Range<usize>, verbatim: bool) {
        self.flush_pending(source.start);
        let at = self.doc.text.len();
        if self.marks_dirty {
            self.sync_marks(at);
        }
        self.anchor(at, source.start, verbatim);
        self.doc.text.push_str(text);
        if !verbatim {
            self.anchor(self.doc.text.len(), source.end, false);
        }
        self.ink_end = self.doc.text.len();
        self.ink_source_end = source.end;
    }

    /// Records that text offset `text` comes from source offset `source`. A verbatim piece
    /// whose start the last anchor already predicts needs none; every other piece (decoded,
    /// collapsed) starts with one, so that no stretch between anchors mixes the two.
    fn anchor(&mut self, text: usize, source: usize, verbatim: bool) {
        let (t, s) = (text as u32, source as u32);
        if let Some(&(lt, ls)) = self.doc.anchors.last() {
            if lt == t {
                self.doc.anchors.pop();
            } else if verbatim && t - lt == s.wrapping_sub(ls) {
                return;
            }
        }
        self.doc.anchors.push((t, s));
    }

    /// The marks other than links in force now, as the current block sees them: a bit per
    /// entry of [`COUNTED_KINDS`] (the link in force is the innermost, `links.last()`). No
    /// allocation: it is asked at every change of formatting.
    fn active(&self) -> u8 {
        let pre = self.open.as_ref().is_some_and(|o| o.ctx.pre);
        let mut bits = 0u8;
        for (i, (kind, n)) in COUNTED_KINDS.iter().zip(self.counts).enumerate() {
            if n > 0 && !(pre && *kind == MarkKind::Code) {
                bits |= 1 << i;
            }
        }
        bits
    }

    fn sync_marks(&mut self, at: usize) {
        self.marks_dirty = false;
        let bits = self.active();
        let link = self.links.last();
        let is_active = |kind: &MarkKind| match kind {
            MarkKind::Link(target) => link == Some(target),
            kind => counted_index(kind).is_some_and(|i| bits >> i & 1 != 0),
        };
        let mut k = 0;
        while k < self.marks_open.len() {
            if is_active(&self.marks_open[k].0) {
                k += 1;
            } else {
                let (kind, start) = self.marks_open.remove(k);
                self.doc.marks.push(Mark { kind, text: start..self.ink_end });
            }
        }
        // Opened in the order of COUNTED_KINDS, the link last.
        for (i, kind) in COUNTED_KINDS.iter().enumerate() {
            if bits >> i & 1 != 0 && !self.marks_open.iter().any(|(k, _)| k == kind) {
                self.marks_open.push((kind.clone(), at));
            }
        }
        if let Some(target) = link {
            let open = |k: &MarkKind| matches!(k, MarkKind::Link(t) if t == target);
            if !self.marks_open.iter().any(|(k, _)| open(k)) {
                self.marks_open.push((MarkKind::Link(target.clone()), at));
            }
        }
    }

    fn close_marks(&mut self) {
        for (kind, start) in self.marks_open.drain(..) {
            self.doc.marks.push(Mark { kind, text: start..self.ink_end });
        }
        self.marks_dirty = true;
    }

    /// Ends the last block, numbers the list items and returns the document.
    pub(crate) fn finish(mut self) -> Document {
        self.block_break(None);
        let mut counters: Vec<Option<i64>> = vec![None; self.lists.len()];
        let mut owned = vec![0i64; self.lists.len()];
        for item in &self.items {
            if let Some(list) = item.list {
                owned[list as usize] += 1;
            }
        }
        let mut numbers = Vec::with_capacity(self.items.len());
        for item in &self.items {
            let Some(list_id) = item.list else {
                numbers.push((false, None));
                continue;
            };
            let list = &self.lists[list_id as usize];
            let step = if list.reversed { -1 } else { 1 };
            let counter = &mut counters[list_id as usize];
            let number = match (item.value, *counter) {
                (Some(v), _) => v,
                (None, Some(previous)) => previous.saturating_add(step),
                (None, None) => {
                    list.start.unwrap_or(if list.reversed { owned[list_id as usize] } else { 1 })
                }
            };
            *counter = Some(number);
            numbers.push((list.ordered, list.ordered.then_some(number)));
        }
        let mut seen = vec![false; self.items.len()];
        for (block, item) in self.doc.blocks.iter_mut().zip(&self.block_items) {
            let Some((id, depth)) = *item else { continue };
            let (ordered, number) = numbers[id as usize];
            let first = !core::mem::replace(&mut seen[id as usize], true);
            block.list = Some(ListItem { ordered, depth, number, first });
        }
        self.doc.marks.sort_by_key(|m| (m.text.start, m.text.end));
        self.doc
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}
