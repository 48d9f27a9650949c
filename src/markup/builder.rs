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

use super::document::{
    Anchor, Block, BlockKind, Document, Embed, EmbedKind, ListItem, Mark, MarkKind,
};
use super::scan::{is_space, next_stop};

/// The number of mark kinds counted in [`Builder`] (all but links).
const COUNTED: usize = 8;
/// The counted kinds, each at its [`MarkKind::bit`].
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
    /// Bit `i` set when `counts[i] > 0`.
    count_bits: u8,
    links: Vec<Option<String>>,
    /// The counted marks open in the current block (a bit per entry of [`COUNTED_KINDS`]) and
    /// where each starts.
    open_bits: u8,
    open_starts: [usize; COUNTED],
    /// The link mark open in the current block: its target (unless lent, below) and start.
    link_open: Option<(Option<String>, usize)>,
    /// When the open link mark (at most one is open) has not its own copy of its target yet:
    /// the index in `links` of the element whose target it is (its `Link` holds `None` until
    /// that element ends and hands its target over, or the mark closes first and copies it).
    lent: Option<usize>,
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
            count_bits: 0,
            links: Vec::new(),
            open_bits: 0,
            open_starts: [0; COUNTED],
            link_open: None,
            lent: None,
            marks_dirty: false,
        }
    }

    /// A builder for a source of `bytes`: room for a text as long and for an anchor every
    /// 32 bytes (about one a tag), so that neither grows by copying as it is written.
    pub(crate) fn for_source(bytes: usize) -> Builder {
        let mut b = Builder::new();
        b.doc.text.reserve(bytes);
        b.doc.anchors.reserve(bytes / 32);
        b
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
        match kind.bit() {
            Some(i) => {
                self.counts[i] += 1;
                self.count_bits |= 1 << i;
            }
            None => {
                let MarkKind::Link(target) = kind else { return };
                self.links.push(target);
            }
        }
        self.marks_dirty = true;
    }

    /// Formatting entered with `kind` ends.
    pub(crate) fn mark_leave(&mut self, kind: &MarkKind) {
        self.mark_leave_bit(kind.bit());
    }

    /// [`Builder::mark_leave`] of a kind given by its [`MarkKind::bit`] (`None`: a link).
    pub(crate) fn mark_leave_bit(&mut self, bit: Option<usize>) {
        match bit {
            Some(i) => {
                self.counts[i] = self.counts[i].saturating_sub(1);
                if self.counts[i] == 0 {
                    self.count_bits &= !(1 << i);
                }
            }
            None => {
                let target = self.links.pop().flatten();
                if self.lent.is_some() && self.lent == Some(self.links.len()) {
                    self.lent = None;
                    if let Some((open, _)) = &mut self.link_open {
                        *open = target;
                    }
                }
            }
        }
        self.marks_dirty = true;
    }

    /// Visible text: `text` is what the reader sees of `source` (which it copies verbatim
    /// when the lengths agree).
    pub(crate) fn text(&mut self, text: &str, source: Range<usize>) {
        self.text_with_stop(text, source, None);
    }

    /// [`Builder::text`] of a `text` copied verbatim from the source at `source`, whose first
    /// point that is not a copy once collapsed (`next_stop(text, 0)`) is known: `stop`.
    pub(crate) fn copied_text(&mut self, text: &str, source: usize, stop: usize) {
        self.text_with_stop(text, source..source + text.len(), Some(stop));
    }

    fn text_with_stop(&mut self, text: &str, source: Range<usize>, stop: Option<usize>) {
        let verbatim = text.len() == source.len();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if verbatim && self.words_fit() {
                self.verbatim_run(text, source.start, i, stop);
                return;
            }
            let ws = is_space(bytes[i]);
            let mut j = i + 1;
            while j < bytes.len() && is_space(bytes[j]) == ws {
                j += 1;
            }
            let piece_source =
                if verbatim { source.start + i..source.start + j } else { source.clone() };
            if ws {
                self.whitespace(&text[i..j], piece_source);
            } else {
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
        if self.open.is_some() && self.pending.pre.is_empty() && self.pending.pre_pieces.is_empty()
        {
            // The common case, without moving the (empty) preformatted buffers.
            let p = &mut self.pending;
            let (breaks, space, source) = (p.breaks, p.space, p.source);
            (p.breaks, p.space, p.source) = (0, false, None);
            if breaks > 0 {
                self.anchor(self.doc.text.len(), source.unwrap_or(self.ink_source_end), false);
                for _ in 0..breaks {
                    self.doc.text.push('\n');
                }
            } else if space {
                // One character for the whitespace's first: a copy as far as offsets go.
                self.anchor(self.doc.text.len(), source.unwrap_or(self.ink_source_end), true);
                self.doc.text.push(' ');
            }
            return;
        }
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
            self.open_bits = 0;
            self.link_open = None;
            self.lent = None;
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
            self.anchor(self.doc.text.len(), source, true);
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
                self.anchor(self.doc.text.len(), source.end, true);
            }
        }
    }

    /// Whether the words of a verbatim run can skip [`Builder::ink`]'s general steps: a block
    /// is open, outside `<pre>`, with nothing but a space (if anything) pending. Nothing in a
    /// run of text changes that, so it holds to the run's end.
    fn words_fit(&self) -> bool {
        #[cfg(test)]
        if general_only::get() {
            return false;
        }
        let p = &self.pending;
        self.open.is_some()
            && !self.ctx.pre
            && p.breaks == 0
            && p.pre.is_empty()
            && p.pre_pieces.is_empty()
    }

    /// Bytes `from..` of a verbatim `text` (whose source starts at `source`) when
    /// [`Builder::words_fit`]: writes exactly what [`Builder::whitespace`] and [`Builder::ink`]
    /// would, piece by piece, in one pass over the bytes. `stop`, when known, is
    /// `next_stop(text, 0)`.
    fn verbatim_run(&mut self, text: &str, source: usize, from: usize, stop: Option<usize>) {
        let bytes = text.as_bytes();
        if self.marks_dirty {
            // The formatting changed since the last visible character: the marks change where
            // the first word of the run starts, after the space before it if there is one.
            let first = (from..bytes.len()).find(|&k| !is_space(bytes[k]));
            if let Some(k) = first {
                let space = self.pending.space || k > from;
                self.sync_marks(self.doc.text.len() + usize::from(space));
            }
        }
        let out = &mut self.doc.text;
        let anchors = &mut self.doc.anchors;
        let mut space = self.pending.space;
        let mut space_source = self.pending.source;
        let mut ink_source_end = self.ink_source_end;
        let mut wrote = false;
        let mut i = from;
        while i < bytes.len() {
            if is_space(bytes[i]) {
                space = true;
                space_source.get_or_insert(source + i);
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                continue;
            }
            // The first byte to copy: the word's, or the space before it when that space is
            // the whole whitespace, so that the two go in one copy under one anchor.
            let mut copy = i;
            if space {
                let space_at = space_source.unwrap_or(ink_source_end);
                push_anchor(anchors, out.len(), space_at, true);
                if i > 0 && bytes[i - 1] == b' ' && space_at == source + i - 1 {
                    copy = i - 1;
                } else {
                    out.push(' ');
                    push_anchor(anchors, out.len(), source + i, true);
                }
                space = false;
            } else {
                push_anchor(anchors, out.len(), source + i, true);
            }
            space_source = None;
            // Words joined by single spaces are copied as one stretch: the text is the source,
            // and the anchor of its start predicts every word and space in it.
            let j = match stop {
                // The first stop of the text, so the first after `i` too.
                Some(stop) if stop > i => stop,
                _ => next_stop(bytes, i + 1),
            };
            out.push_str(&text[copy..j]);
            ink_source_end = source + j;
            wrote = true;
            i = j;
        }
        self.pending.space = space;
        self.pending.source = space_source;
        if wrote {
            self.ink_end = self.doc.text.len();
            self.ink_source_end = ink_source_end;
        }
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
            self.anchor(self.doc.text.len(), source.end, true);
        }
        self.ink_end = self.doc.text.len();
        self.ink_source_end = source.end;
    }

    /// Records that text offset `text` comes from source offset `source`. A verbatim piece
    /// (or a single collapsed space) whose start the last anchor already predicts needs none;
    /// every decoded piece starts with one, and the piece after it with another.
    fn anchor(&mut self, text: usize, source: usize, verbatim: bool) {
        push_anchor(&mut self.doc.anchors, text, source, verbatim);
    }

    /// The marks other than links in force now, as the current block sees them: a bit per
    /// entry of [`COUNTED_KINDS`] (the link in force is the innermost, `links.last()`). No
    /// allocation: it is asked at every change of formatting.
    fn active(&self) -> u8 {
        let pre = self.open.as_ref().is_some_and(|o| o.ctx.pre);
        let code = MarkKind::Code.bit().map_or(0, |i| 1 << i);
        let mut bits = self.count_bits;
        if pre {
            bits &= !code;
        }
        bits
    }

    /// Closes the marks no longer in force and opens the new ones, at text offset `at`. Marks
    /// closed together are written in the order of [`COUNTED_KINDS`], the link last, as
    /// [`Builder::finish`]'s stable sort needs for marks of equal ranges (which opened
    /// together too).
    fn sync_marks(&mut self, at: usize) {
        self.marks_dirty = false;
        let bits = self.active();
        let closing = self.open_bits & !bits;
        if closing != 0 {
            self.close_counted(closing);
        }
        let links = &self.links;
        let top = links.len().checked_sub(1);
        // An open link mark stays open while the link in force has its target: it is the
        // element the mark lent its target from, or one with an equal target.
        if let Some((target, _)) = &self.link_open {
            let active = match (top, self.lent) {
                (None, _) => false,
                (Some(top), Some(from)) => top == from || links[top] == links[from],
                (Some(top), None) => links[top] == *target,
            };
            if !active {
                self.close_link();
            }
        }
        let mut opening = bits & !self.open_bits;
        self.open_bits = bits;
        while opening != 0 {
            self.open_starts[opening.trailing_zeros() as usize] = at;
            opening &= opening - 1;
        }
        // A link mark still open is the link in force's (the one above closed otherwise).
        if let Some(top) = top {
            if self.link_open.is_none() {
                self.link_open = Some((None, at));
                self.lent = Some(top);
            }
        }
    }

    /// Writes the counted marks of `closing` (open ones), ending at the last visible character.
    fn close_counted(&mut self, closing: u8) {
        let mut left = closing;
        while left != 0 {
            let i = left.trailing_zeros() as usize;
            let text = self.open_starts[i]..self.ink_end;
            self.doc.marks.push(Mark { kind: COUNTED_KINDS[i].clone(), text });
            left &= left - 1;
        }
        self.open_bits &= !closing;
    }

    /// Writes the open link mark, with its own target or the one it lent.
    fn close_link(&mut self) {
        let Some((mut target, start)) = self.link_open.take() else { return };
        if let Some(from) = self.lent.take() {
            target = self.links[from].clone();
        }
        self.doc.marks.push(Mark { kind: MarkKind::Link(target), text: start..self.ink_end });
    }

    fn close_marks(&mut self) {
        self.close_counted(self.open_bits);
        self.close_link();
        self.lent = None;
        self.marks_dirty = true;
    }

    /// How much of the document is written: the counts a [`Tally`] keeps.
    pub(crate) fn tally(&self) -> Tally {
        let d = &self.doc;
        Tally {
            text: d.text.len() as u32,
            blocks: d.blocks.len() as u32,
            marks: d.marks.len() as u32,
            embeds: d.embeds.len() as u32,
            anchors: d.anchors.len() as u32,
        }
    }

    /// Whether nothing written before can change what is written next, but the offsets it is
    /// written at and whether a block came before: no block open, nothing pending, no
    /// formatting in force, the context the reading started in. From such a point on, the
    /// same events make the same document (shifted), which is what lets a revision of a
    /// source reuse what was read of the source before (`html/splice.rs`).
    pub(crate) fn resting(&self) -> bool {
        let p = &self.pending;
        self.open.is_none()
            && self.ctx == Context::default()
            && self.opener.is_none()
            && !p.space
            && p.breaks == 0
            && p.source.is_none()
            && p.pre.is_empty()
            && p.pre_pieces.is_empty()
            && self.count_bits == 0
            && self.links.is_empty()
            && self.open_bits == 0
            && self.link_open.is_none()
            && self.lent.is_none()
    }

    /// Appends what was written of `old` between two resting points of its reading, tallied
    /// `from` and `to` (its blocks numbered already), its source offsets moved by `shift`: what
    /// the same events would write here, the builder resting. `false`, with nothing written,
    /// when that cannot be told from `old`: its first anchor was left out as predicted by the
    /// anchor before it, or would be here. Returns a range of `old`'s text equal to the end of
    /// the text now: what was copied (empty when no block was), with the `"\n\n"` before it
    /// when there is one in both.
    pub(crate) fn append_read(
        &mut self,
        old: &Document,
        from: Tally,
        to: Tally,
        shift: isize,
    ) -> Option<Range<usize>> {
        let (b0, b1) = (from.blocks as usize, to.blocks as usize);
        let (a0, a1) = (from.anchors as usize, to.anchors as usize);
        if b0 == b1 {
            // No visible character: nothing is written but list numbers, which its blocks
            // would carry.
            let empty = a0 == a1 && from.marks == to.marks && from.embeds == to.embeds;
            return empty.then_some(0..0);
        }
        let old_start = old.blocks[b0].text.start;
        let joined = !self.doc.blocks.is_empty();
        let start = self.doc.text.len() + if joined { 2 } else { 0 };
        let text_shift = start as isize - old_start as isize;
        let moved = |at: usize| (at as isize + text_shift) as usize;
        let moved_source = |at: usize| (at as isize + shift) as usize;
        // Calls at one text offset leave the last one's anchor (an anchor at the offset of
        // the last replaces it): `old`'s first anchor here is the last call at the first
        // block's start unless that call was left out, and the same call here must not be.
        let first = old.anchors.get(a0).filter(|a| a.text as usize == old_start)?;
        let (t, s) = (start as u32, moved_source(first.source as usize) as u32);
        if !first.decoded
            && self
                .doc
                .anchors
                .last()
                .is_some_and(|a| !a.decoded && t - a.text == s.wrapping_sub(a.source))
        {
            return None;
        }
        if joined {
            self.doc.text.push_str("\n\n");
        }
        self.doc.text.push_str(&old.text[old_start..to.text as usize]);
        for b in &old.blocks[b0..b1] {
            self.doc.blocks.push(Block {
                text: moved(b.text.start)..moved(b.text.end),
                source: moved_source(b.source.start)..moved_source(b.source.end),
                ..b.clone()
            });
            // Numbered already: `finish` leaves it as it is.
            self.block_items.push(None);
        }
        for m in &old.marks[from.marks as usize..to.marks as usize] {
            let text = moved(m.text.start)..moved(m.text.end);
            self.doc.marks.push(Mark { kind: m.kind.clone(), text });
        }
        for e in &old.embeds[from.embeds as usize..to.embeds as usize] {
            self.doc.embeds.push(Embed { at: moved(e.at), ..e.clone() });
        }
        for a in &old.anchors[a0..a1] {
            self.doc.anchors.push(Anchor {
                text: moved(a.text as usize) as u32,
                source: moved_source(a.source as usize) as u32,
                decoded: a.decoded,
            });
        }
        // With the "\n\n" before it when `old` had one there too: consecutive chunks then
        // make one stretch of copied text.
        let with_joint = joined && b0 > 0;
        Some(old_start - if with_joint { 2 } else { 0 }..to.text as usize)
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

/// How much of a document a builder has written: its text's length and how many blocks,
/// marks, embeds and anchors, at a point where it rests ([`Builder::resting`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) text: u32,
    pub(crate) blocks: u32,
    pub(crate) marks: u32,
    pub(crate) embeds: u32,
    pub(crate) anchors: u32,
}

/// See [`Builder::anchor`]. An anchor at the text offset of the last one replaces it (the
/// last one's piece was empty).
#[inline(always)]
fn push_anchor(anchors: &mut Vec<Anchor>, text: usize, source: usize, verbatim: bool) {
    let (t, s) = (text as u32, source as u32);
    if anchors.last().is_some_and(|a| a.text == t) {
        anchors.pop();
    }
    if verbatim
        && anchors.last().is_some_and(|a| !a.decoded && t - a.text == s.wrapping_sub(a.source))
    {
        return;
    }
    anchors.push(Anchor { text: t, source: s, decoded: !verbatim });
}

/// A switch for the tests: [`Builder::words_fit`] always `false`, so that every piece of text
/// takes the general path the fast one must agree with.
#[cfg(test)]
pub(crate) mod general_only {
    use std::cell::Cell;

    thread_local! {
        static ON: Cell<bool> = const { Cell::new(false) };
    }

    pub(crate) fn get() -> bool {
        ON.with(Cell::get)
    }

    pub(crate) fn set(on: bool) {
        ON.with(|c| c.set(on));
    }
}

/// The fast path of verbatim text against the general one, on tag soup.
#[cfg(all(test, feature = "markdown"))]
mod fast_path_tests {
    use proptest::prelude::*;

    use super::general_only;
    use crate::markup::{read, Markup};

    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "<a href=/x>",
        "<a href=/y>",
        "</a>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<br>",
        "<li>",
        "<ul>",
        "</ul>",
        "<h2>",
        "</h2>",
        "<div>",
        "</div>",
        "<blockquote>",
        "<img src=a.png alt=A>",
        "<table><td>",
        "</td>",
        "<!-- wp:paragraph -->",
        "<script>",
        "</script>",
        "<textarea>",
        "</textarea>",
        "&amp;",
        "&nbsp;",
        "&#8217;",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\x0C",
        "\0",
        "word",
        "two words",
        "a b c",
        "x  y",
        " z ",
        "é",
        "日本 語",
        "**",
        "_",
        "`",
        "# ",
        "- ",
        "\n\n",
    ];

    fn read_both(source: &str, markup: Markup) -> (String, String) {
        let fast = read(source, markup);
        general_only::set(true);
        let general = read(source, markup);
        general_only::set(false);
        (format!("{fast:?}"), format!("{general:?}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Same text, blocks, marks, embeds and source anchors, in HTML and in Markdown.
        #[test]
        fn verbatim_runs_read_as_the_general_path(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..80),
            markdown in any::<bool>(),
        ) {
            let source = parts.concat();
            let markup = if markdown { Markup::Markdown } else { Markup::Html };
            let (fast, general) = read_both(&source, markup);
            prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn an_article_reads_as_the_general_path() {
        let body = "<!-- wp:paragraph -->\n<p>One two  three\tfour <em>five</em> six\n seven \
                    <a href=\"https://example.org/a\">eight nine</a>, ten&nbsp;eleven.</p>\n\
                    <!-- /wp:paragraph -->\n\n<ul><li>a b</li><li> c  d </li></ul><pre>\n x  y\n\
                    </pre><p>z<br> w</p>";
        let (fast, general) = read_both(&body.repeat(20), Markup::Html);
        assert_eq!(fast, general);
    }
}
