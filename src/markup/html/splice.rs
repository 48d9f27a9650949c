//! Reading a revision of an HTML source read before: only where the two differ.
//!
//! A CMS's revisions of an article are mostly byte-identical. The fast path ([`stream`])
//! records, as it reads the old source, the points where its reading rests
//! ([`Checkpoint`]: just after an end tag, no element open but `html`, `body` and the
//! wrappers a body sits in, `<div class="entry-content">`, `<article>`, `<main><section>`…
//! ([`Wrappers`], recorded with the point), the builder resting), which cut the source into
//! chunks. From a resting point, what a chunk's bytes make depends on those bytes and the
//! wrappers open only (every token ends before the next resting point, a wrapper changes
//! nothing the reader keeps but the stack of open tags, and nothing the builder keeps across a
//! resting point changes what it writes but the offsets it writes at and whether a block came
//! before); and every list opened in a chunk is closed in it, so its items' numbers are the
//! chunk's own. So where the new source, at a point where its reading rests with the same
//! wrappers open, goes on with the bytes of an old chunk, that chunk's blocks, marks, embeds
//! and anchors are the old document's, moved to their new text and source offsets
//! ([`Builder::append_read`]); and the reading rests again after it, with the wrappers open
//! that the old reading had there.
//!
//! [`read_revision`] walks the new source so: old chunks copied while they match, the fast
//! path reading from a resting point where none does, stopping at the first later resting
//! point where one of the next old chunks matches, or any old chunk that comes after the same
//! bytes as the point does (blocks deleted or rewritten by the dozen). The result is the document a full read of
//! the new source gives, to the last anchor (`tests` compare them over random edits): anything
//! this walk cannot vouch for (the fast path giving up on the new source, an anchor the old
//! document left out as predicted) returns `None`, and the caller reads the new source whole.
//!
//! Cost: a comparison of the bytes each copied chunk covers and a copy of what the old
//! document holds of it, instead of tokenizing and rendering them; the fast path's own for the
//! bytes read, plus at each of their resting points a comparison with a few old chunks.

use core::ops::Range;

use super::stream::{self, Checkpoint, Run, Wrappers};
use crate::markup::builder::{Builder, Tally};
use crate::markup::document::Document;

/// How many old chunks, from the one expected next, a resting point of the new source is
/// compared with: enough for a few deleted blocks; beyond, the new source is read on.
const LOOKAHEAD: usize = 8;

/// The old source, its document and the points where its reading rested
/// ([`stream::read_recorded`]), as chunks.
struct Old<'a> {
    source: &'a [u8],
    doc: &'a Document,
    points: &'a [Checkpoint],
}

impl Old<'_> {
    /// How many chunks there are: one from each resting point to the next, the last to the
    /// source's end.
    fn chunks(&self) -> usize {
        self.points.len()
    }

    /// Where chunk `k` starts, and what had been written there.
    fn start(&self, k: usize) -> Checkpoint {
        self.points.get(k).copied().unwrap_or(Checkpoint {
            source: self.source.len(),
            tally: Tally {
                text: self.doc.text.len() as u32,
                blocks: self.doc.blocks.len() as u32,
                marks: self.doc.marks.len() as u32,
                embeds: self.doc.embeds.len() as u32,
                anchors: self.doc.anchors.len() as u32,
            },
            // Unused: nothing goes on after the end.
            open: Wrappers::default(),
        })
    }

    /// Whether `new` goes on at `at`, where the wrappers `open` are open, with chunk `k`:
    /// read from the same wrappers, of the same bytes; the last chunk, read to the end of its
    /// source (where open elements are closed), must end `new` too.
    fn matches(&self, k: usize, new: &[u8], at: usize, open: Wrappers) -> bool {
        let (from, to) = (self.start(k), self.start(k + 1).source);
        let end = at + (to - from.source);
        let fits = if k + 1 == self.chunks() { end == new.len() } else { end <= new.len() };
        fits && from.open == open && same_bytes(&new[at..end], &self.source[from.source..to])
    }

    /// The first of the chunks from `k` (at most [`LOOKAHEAD`] of them) that `new` goes on
    /// with at `at`.
    fn find(&self, k: usize, new: &[u8], at: usize, open: Wrappers) -> Option<usize> {
        (k..self.chunks().min(k + LOOKAHEAD)).find(|&j| self.matches(j, new, at, open))
    }

    /// Each chunk but the first by the [`tail_hash`] of the bytes before it, in an
    /// open-addressing table (a slot per chunk or more, `(hash, chunk)`, chunk 0 for an empty
    /// slot; a chunk with no room within [`PROBES`] slots of its hash's is left out): the
    /// chunks a resting point of the new source may go on with, wherever they are.
    fn tails(&self) -> Vec<(u64, usize)> {
        let mut table = vec![(0, 0); (self.chunks() * 2).next_power_of_two()];
        let mask = table.len() - 1;
        for k in 1..self.chunks() {
            let Some(hash) = tail_hash(self.source, self.start(k).source) else { continue };
            // A lookup looks at `PROBES` slots from the hash's own: a chunk that finds no room
            // there would never be found (and looking further would make the table quadratic
            // to fill when thousands of chunks share a hash).
            let mut i = hash as usize & mask;
            for _ in 0..PROBES {
                if table[i].1 == 0 {
                    table[i] = (hash, k);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        table
    }

    /// A chunk that `new` goes on with at `at` and whose old source has bytes with the same
    /// [`tail_hash`] before it, from `tails`, among the first [`PROBES`] slots looked at.
    fn find_by_tail(
        &self,
        tails: &[(u64, usize)],
        new: &[u8],
        at: usize,
        open: Wrappers,
    ) -> Option<usize> {
        let hash = tail_hash(new, at)?;
        let mask = tails.len() - 1;
        let mut i = hash as usize & mask;
        for _ in 0..PROBES {
            if tails[i].1 == 0 {
                break;
            }
            if tails[i].0 == hash && self.matches(tails[i].1, new, at, open) {
                return Some(tails[i].1);
            }
            i = (i + 1) & mask;
        }
        None
    }
}

/// Whether `a` and `b` are the same bytes, sixteen a step: a copied chunk is compared whole
/// (most of a revision's source), and the `memcmp` slice equality calls in wasm compares a
/// byte at a time.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let wide = |chunk: &[u8]| u128::from_le_bytes(chunk.try_into().unwrap_or_default());
    if a.len() != b.len() {
        return false;
    }
    let Some(last) = a.len().checked_sub(16) else {
        return a.iter().zip(b).all(|(x, y)| x == y);
    };
    // The last sixteen bytes first: they cover what the steps leave over.
    wide(&a[last..]) == wide(&b[last..])
        && a.chunks_exact(16).zip(b.chunks_exact(16)).all(|(x, y)| wide(x) == wide(y))
}

/// How many slots of [`Old::tails`] a lookup looks at. Chunks after the same bytes share a
/// hash and sit side by side in the table (a paragraph repeated thousands of times): trying
/// every one of them at every resting point of the new source would be quadratic, and missing
/// one only means reading on.
const PROBES: usize = 8;

/// How many bytes before a resting point [`tail_hash`] reads: enough to tell apart the ends
/// of two paragraphs (their last words and end tags).
const TAIL: usize = 32;

/// A hash of the [`TAIL`] bytes of `bytes` before `at`, if there are as many: eight bytes a
/// multiplication (a byte a multiplication, as FNV-1a does, waits on a chain of 32 of them at
/// every chunk of the old source when the table is made). Its low bits pick a slot.
fn tail_hash(bytes: &[u8], at: usize) -> Option<u64> {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let tail = bytes.get(at.checked_sub(TAIL)?..at)?;
    Some(tail.chunks_exact(8).fold(K, |h, w| {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or_default());
        (h ^ word).wrapping_mul(K).rotate_left(29)
    }))
}

/// At which resting points of the new source old chunks are looked for: every one at first,
/// then, after [`Backoff::EAGER`] points in a row where none matched, every second, then every
/// fourth…, at most every [`Backoff::FURTHEST`]th; every one again after a match. Where the
/// new source is mostly not the old one's (unrelated, or rewritten), the lookups then cost
/// little beside reading it; the price is reading on up to that many chunks past the end of a
/// rewritten stretch before finding the old source again.
#[derive(Default)]
struct Backoff {
    /// Lookups in a row that found nothing.
    misses: u32,
    /// Resting points to pass before the next lookup.
    skip: u32,
}

impl Backoff {
    /// How many lookups in a row find nothing before the next ones are half as frequent.
    const EAGER: u32 = 8;
    /// The widest gap between two lookups, in resting points.
    const FURTHEST: u32 = 64;

    /// Whether to look up at this resting point.
    fn look(&mut self) -> bool {
        let skip = self.skip;
        self.skip = skip.saturating_sub(1);
        skip == 0
    }

    /// A lookup found nothing.
    fn missed(&mut self) {
        self.misses = self.misses.saturating_add(1);
        self.skip = (1 << (self.misses / Backoff::EAGER).min(Backoff::FURTHEST.ilog2())) - 1;
    }
}

/// The document of `new`, a revision of `old_source` (read into `old` by the fast path, which
/// rested at `points`), reading only the parts of `new` that differ; `None` where that cannot
/// be done exactly (see the module docs), for the caller to read `new` whole.
/// Also returns the stretches of the new document's text copied from the old one's, in order.
pub(crate) fn read_revision(
    old_source: &str,
    old: &Document,
    points: &[Checkpoint],
    new: &str,
) -> Option<(Document, Vec<TextCopy>)> {
    revise(old_source, old, points, new).map(|(doc, copies, _)| (doc, copies))
}

/// A stretch of a revision's text that is a copy of the old text's from `old` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextCopy {
    pub(crate) new: Range<usize>,
    pub(crate) old: usize,
}

/// [`read_revision`], and how many bytes of `new` were taken from old chunks.
fn revise(
    old_source: &str,
    old: &Document,
    points: &[Checkpoint],
    new: &str,
) -> Option<(Document, Vec<TextCopy>, usize)> {
    let mut copied = 0;
    let mut copies: Vec<TextCopy> = Vec::new();
    let old = Old { source: old_source.as_bytes(), doc: old, points };
    let bytes = new.as_bytes();
    let mut out = Builder::for_source(new.len());
    let mut pos = 0;
    // The wrappers open at `pos`.
    let mut open = Wrappers::default();
    // The old chunk expected next.
    let mut k = 0;
    // `Old::tails`, made when first needed.
    let mut tails = None;
    let mut backoff = Backoff::default();
    loop {
        if let Some(j) = old.find(k, bytes, pos, open) {
            let (from, to) = (old.start(j), old.start(j + 1));
            let shift = pos as isize - from.source as isize;
            if let Some(text) = out.append_read(old.doc, from.tally, to.tally, shift) {
                let end = out.tally().text as usize;
                let new = end - text.len()..end;
                match copies.last_mut() {
                    _ if text.is_empty() => {}
                    Some(c) if c.new.end == new.start && c.old + c.new.len() == text.start => {
                        c.new.end = new.end;
                    }
                    _ => copies.push(TextCopy { new, old: text.start }),
                }
                pos += to.source - from.source;
                copied += to.source - from.source;
                open = to.open;
                k = j + 1;
                if j + 1 == old.chunks() {
                    return Some((out.finish(), copies, copied));
                }
                continue;
            }
        }
        let mut found = None;
        // (At the end of `new`, this closes the wrappers left open.)
        let run = stream::run(new, &mut out, pos, open, |_, at, here| {
            if !backoff.look() {
                return false;
            }
            // The next old chunks first (an edited block, a few inserted or deleted), then
            // any old chunk after bytes like these (many deleted, a section rewritten).
            found = old.find(k, bytes, at, here).or_else(|| {
                let tails = tails.get_or_insert_with(|| old.tails());
                old.find_by_tail(tails, bytes, at, here)
            });
            if found.is_none() {
                backoff.missed();
            }
            found.is_some()
        });
        match run {
            Run::Done => return Some((out.finish(), copies, copied)),
            Run::Stopped(at) => {
                pos = at;
                k = found?;
                open = old.start(k).open;
                backoff = Backoff::default();
            }
            Run::GaveUp => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::stream;
    use crate::markup::builder::Builder;
    use crate::markup::{read, read_pair, Markup};

    /// `new` read as a revision of `old` is `read(new)`, every field of the document (its
    /// source anchors included); and `old`'s document is `read(old)`. Returns whether the
    /// share of its bytes taken from the old document's chunks (0 when read whole).
    fn check(old: &str, new: &str) -> f64 {
        let (a, b) = read_pair(old, new, Markup::Html).expect("both read");
        assert_eq!(a, read(old, Markup::Html).expect("old reads"), "old {old:?}");
        assert_eq!(b, read(new, Markup::Html).expect("new reads"), "old {old:?}\nnew {new:?}");
        let mut out = Builder::for_source(old.len());
        let Some(points) = stream::read_recorded(old, &mut out) else { return 0.0 };
        let old_doc = out.finish();
        let revised = super::revise(old, &old_doc, &points, new);
        let Some((doc, copies, copied)) = revised else { return 0.0 };
        // The copied stretches of text are copies, in order.
        let mut end = 0;
        for c in &copies {
            assert!(c.new.start >= end && !c.new.is_empty());
            assert_eq!(doc.text[c.new.clone()], old_doc.text[c.old..c.old + c.new.len()]);
            end = c.new.end;
        }
        copied as f64 / new.len().max(1) as f64
    }

    /// `source` with bytes `at..at + cut` (clamped to char boundaries) replaced by `put`.
    fn edit(source: &str, at: usize, cut: usize, put: &str) -> String {
        let floor = |mut i: usize| {
            i = i.min(source.len());
            while !source.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (from, to) = (floor(at), floor(at + cut));
        format!("{}{put}{}", &source[..from], &source[to..])
    }

    /// `blocks` with each change made in turn at its index: `0` the block replaced by the
    /// other, `1` the other inserted before it, `2` the block deleted, `3` the other appended
    /// to it; until no block is left.
    fn edit_blocks(
        blocks: &[String],
        changes: Vec<(prop::sample::Index, u8, String)>,
    ) -> Vec<String> {
        let mut new = blocks.to_vec();
        for (i, change, other) in changes {
            let i = i.index(new.len());
            match change {
                0 => new[i] = other,
                1 => new.insert(i, other),
                2 => _ = new.remove(i),
                _ => new[i].push_str(&other),
            }
            if new.is_empty() {
                break;
            }
        }
        new
    }

    const WORDPRESS: &str = include_str!("../../../tests/fixtures/markup/wordpress.html");
    const ARTICLE: &str = include_str!("../../../tests/fixtures/markup/article.html");

    /// Thousands of old chunks after the same bytes share a tail hash, and every resting point
    /// of the new source comes after those bytes but goes on with other ones: the lookups and
    /// the table stay a few slots each (this took seconds when they walked every such chunk).
    #[test]
    fn chunks_after_the_same_bytes_by_the_thousand() {
        let same = "<p>The same paragraph, with the same words at its end, over and over.</p>\n";
        let other = "<p>Another start, with the same words at its end, over and over.</p>\n";
        let old = same.repeat(20_000);
        check(&old, &other.repeat(20_000));
        let mixed: String = (0..20_000).map(|i| if i % 3 == 0 { other } else { same }).collect();
        assert!(check(&old, &mixed) > 0.5);
    }

    /// A new source that is not the old one for thousands of blocks, then is again: the
    /// lookups back off over the rewritten stretch ([`super::Backoff`]) and find the old
    /// chunks again soon after it, in a wrapper or not.
    #[test]
    fn a_long_rewrite_backs_off_and_finds_the_old_source_again() {
        let paragraph = |i: usize| format!("<p>Paragraph {i}, <em>words</em>.</p>\n");
        let old: String = (0..4000).map(paragraph).collect();
        let new: String = (10_000..12_000).chain(2000..4000).map(paragraph).collect();
        let share = check(&old, &new);
        assert!(share > 0.45, "{share}");
        let wrapped = |s: &str| format!("<div class=\"entry-content\"><main>{s}</main></div>");
        let share = check(&wrapped(&old), &wrapped(&new));
        assert!(share > 0.45, "{share}");
        // Unrelated throughout.
        let other: String = (10_000..14_000).map(paragraph).collect();
        assert!(check(&old, &other) < 0.01);
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let a: Vec<u8> = (0..100u8).collect();
        for len in 0..a.len() {
            for at in [0, 1, 15, 16, len / 2] {
                let mut b = a[..len].to_vec();
                assert!(super::same_bytes(&a[..len], &b));
                assert!(!super::same_bytes(&a[..len], &a[..len.saturating_sub(1)]) || len == 0);
                if at < len {
                    b[at] ^= 0x40;
                    assert!(!super::same_bytes(&a[..len], &b), "{len} {at}");
                }
            }
        }
    }

    #[test]
    fn identical_and_empty_sources() {
        for s in [WORDPRESS, ARTICLE, "", "<p>a</p>"] {
            check(s, s);
            check(s, "");
            check("", s);
        }
    }

    #[test]
    fn an_edited_word_reads_from_the_old_chunks() {
        let new = WORDPRESS.replacen("gulls are up", "gulls wake", 1);
        assert!(check(WORDPRESS, &new) > 0.85);
        // At the very start and the very end.
        assert!(check(WORDPRESS, &format!("<p>First.</p>{WORDPRESS}")) > 0.95);
        assert!(check(WORDPRESS, &format!("{WORDPRESS}<p>Last.</p>")) > 0.95);
        assert!(check(&format!("<p>First.</p>{WORDPRESS}"), WORDPRESS) > 0.95);
        assert!(check(&format!("{WORDPRESS}<p>Last.</p>"), WORDPRESS) > 0.95);
    }

    /// The bench's kind of pair: a long body with a few edits scattered over it.
    #[test]
    fn scattered_edits_read_from_the_old_chunks() {
        let paragraph = |i: usize| {
            format!(
                "<!-- wp:paragraph -->\n<p>Paragraph {i} of <em>many</em>, with \
                 <a href=\"https://e.org/{i}\">a link</a> and words.</p>\n<!-- /wp:paragraph -->\n"
            )
        };
        let old: String = (0..300).map(paragraph).collect();
        let mut new = old.clone();
        for (i, to) in [(3, "edited"), (100, "<strong>many</strong>"), (101, ""), (299, "x")] {
            let from = format!("Paragraph {i} of ");
            new = new.replacen(&from, &format!("{from}{to}"), 1);
        }
        new = new.replacen("https://e.org/150\"", "https://e.org/moved\"", 1);
        new = new.replacen(&paragraph(200), "", 1);
        new = new.replacen(&paragraph(50), &(paragraph(50) + &paragraph(1000)), 1);
        let share = check(&old, &new);
        assert!(share > 0.95, "{share}");
        let share = check(&new, &old);
        assert!(share > 0.95, "{share}");
        // Twenty blocks deleted, twenty rewritten, a section moved: far past the next old
        // chunks.
        let mut new = old.replacen(&(40..60).map(paragraph).collect::<String>(), "", 1);
        let rewritten: String = (2000..2020).map(paragraph).collect();
        new = new.replacen(&(100..120).map(paragraph).collect::<String>(), &rewritten, 1);
        let section: String = (200..230).map(paragraph).collect();
        new =
            new.replacen(&section, "", 1).replacen(&paragraph(10), &(paragraph(10) + &section), 1);
        let share = check(&old, &new);
        assert!(share > 0.85, "{share}");
        let share = check(&new, &old);
        assert!(share > 0.85, "{share}");
    }

    #[test]
    fn edits_that_change_how_the_rest_reads() {
        let cases = [
            // An element left open, a stray `</p>`, misnesting: the full reader takes over.
            ("</h2>", "</h3>"),
            ("<p>The first", "<p><p>The first"),
            ("</p>\n<!-- /wp:paragraph -->", "</p></p>\n<!-- /wp:paragraph -->"),
            ("<em>salt</em>", "<em>salt"),
            ("<em>salt</em>", "<b><em>salt</b></em>"),
            // A comment or a tag opened and not closed, or closed early.
            ("<!-- /wp:heading -->", "<!-- /wp:heading "),
            ("<!-- wp:list -->", "<!-- wp:list --><!--"),
            ("<!-- wp:list -->", "<!-- wp:list -->-->"),
            ("<h2 class", "<h2 title=\"a>b\" class"),
            ("The first boats", "The <pre>\nfirst</pre> boats"),
            ("The first boats", "&amp;The first&#8217;boats&nbsp"),
            ("\n", "\r\n"),
            ("<script>", "<script><!--<script>"),
            ("<ul class", "<ol start=\"4\" class"),
            ("</ul>", ""),
            ("<blockquote", "<div><blockquote"),
        ];
        for (from, to) in cases {
            let new = WORDPRESS.replacen(from, to, 1);
            check(WORDPRESS, &new);
            check(&new, WORDPRESS);
            let all = WORDPRESS.replace(from, to);
            check(WORDPRESS, &all);
        }
    }

    /// A WordPress-like body: blocks of the kinds the block editor writes.
    fn body() -> impl Strategy<Value = String> {
        let word = prop::sample::select(
            &[
                "word",
                "two words",
                "&amp;",
                "&#8217;s",
                "<em>it</em>",
                "<strong>b</strong>",
                "<a href=\"https://e.org/x\">l</a>",
                "<a href=/y>m</a>",
                "x<br>y",
                "é",
                "日本",
                "<img src=\"a.png\" alt=\"A\">",
                "<code>c</code>",
                "  ",
                "\r\n",
                "&nbsp;",
            ][..],
        );
        let inline = prop::collection::vec(word, 1..6).prop_map(|w| w.join(" "));
        let block = (0..9u8, inline).prop_map(|(kind, text)| match kind {
            0 => format!("<!-- wp:heading --><h2>{text}</h2><!-- /wp:heading -->"),
            1 => {
                format!("<!-- wp:list --><ul><li>{text}</li><li>{text}</li></ul><!-- /wp:list -->")
            }
            2 => format!("<ol start=\"3\"><li>{text}</li><li value=\"7\">x</li></ol>"),
            3 => format!("<pre>\n{text}\n</pre>"),
            4 => format!("<blockquote><p>{text}</p></blockquote>"),
            5 => format!("<div>{text}</div>"),
            6 => format!("<figure><img src=\"q.jpg\"><figcaption>{text}</figcaption></figure>"),
            7 => text,
            _ => format!("<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->\n"),
        });
        prop::collection::vec(block, 0..14).prop_map(|b| b.join("\n"))
    }

    /// What an edit puts in: words, and the pieces of markup that change how what follows
    /// reads.
    const PUT: &[&str] = &[
        "",
        "word",
        " ",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<em>x</em>",
        "<pre>",
        "</pre>",
        "\n",
        "\r\n",
        "\r",
        "<!--",
        "-->",
        "<!-- c -->",
        "<",
        ">",
        "&",
        "&amp;",
        "&#",
        "<ul><li>",
        "</li>",
        "</ul>",
        "<div>",
        "</div>",
        "<a href=/z>",
        "</a>",
        "<table>",
        "<script>",
        "</script>",
        "\"",
        "<h2>",
        "</h2>",
        "<p>new block</p>",
        "\0",
        "<br>",
        "<li>",
    ];

    /// The elements CMSes and scraped pages wrap a body in, as start and end tags.
    const WRAPPERS: &[(&str, &str)] = &[
        ("<div class=\"entry-content\">", "</div>"),
        ("<article>", "</article>"),
        ("<main>", "</main>"),
        ("<section class=\"body\">", "</section>"),
        ("<div id=\"content\">", "</div>"),
        ("<header>", "</header>"),
        ("<aside>", "</aside>"),
        ("<nav>", "</nav>"),
        ("<figure>", "</figure>"),
        // Not wrappers: nothing rests inside them.
        ("<ul><li><div>", "</div></li></ul>"),
        ("<blockquote><div>", "</div></blockquote>"),
        ("<b><div>", "</div></b>"),
    ];

    /// A [`body`] in up to four wrappers, and bodies beside them.
    fn wrapped() -> impl Strategy<Value = String> {
        let layer = (prop::sample::select(WRAPPERS), body(), body(), any::<bool>());
        (body(), prop::collection::vec(layer, 0..5)).prop_map(|(mut out, layers)| {
            for ((open, close), before, after, newline) in layers {
                let nl = if newline { "\n" } else { "" };
                out = format!("{before}{open}{nl}{out}{nl}{close}{after}");
            }
            out
        })
    }

    /// What an edit of a wrapped body puts in: [`PUT`]'s, and wrappers opened and closed.
    const PUT_WRAPPED: &[&str] = &[
        "<div>",
        "</div>",
        "<section>",
        "</section>",
        "<article>",
        "</article>",
        "<main>",
        "</main>",
        "<li><div>",
        "<blockquote><div>",
        "</blockquote>",
        "<div hidden>",
        "<p>a</p></div><div>",
        "</main><main>",
        "<div><div><div>",
        "<b>",
        "",
        "word",
        "<p>new block</p>",
    ];

    #[test]
    fn a_wrapped_body_reads_from_the_old_chunks() {
        for (open, close) in [
            ("<div class=\"entry-content\">\n", "\n</div>"),
            ("<article><header><h1>T</h1></header>", "</article>"),
            ("<main><section id=\"a\"><div class=\"x\">", "</div></section></main>"),
        ] {
            let body = [WORDPRESS; 4].join("\n");
            let old = format!("{open}{body}{close}");
            let new = old.replacen("gulls are up", "gulls wake", 1);
            let share = check(&old, &new);
            assert!(share > 0.9, "{open}: {share}");
            // As much as without the wrapper.
            let unwrapped = check(&body, &body.replacen("gulls are up", "gulls wake", 1));
            assert!(share > unwrapped - 0.02, "{open}: {share} against {unwrapped}");
            // An edit next to the wrapper's end tag, and the wrapper left unclosed.
            let share = check(&old, &old.replacen(close, &format!("<p>Last.</p>{close}"), 1));
            assert!(share > 0.9, "{open}: {share}");
            let share = check(&old, &old[..old.len() - close.len()]);
            assert!(share > 0.9, "{open}: {share}");
            // A wrapper added or dropped: nothing rests at the same stack, read whole.
            check(&old, &body);
            check(&body, &old);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Random edits of bodies in wrappers (one, nested, beside others, and elements that
        /// are not wrappers), wrappers opened or closed by the edits: the revision reads as a
        /// whole read does.
        #[test]
        fn edited_wrapped_bodies_read_as_whole_reads(
            old in wrapped(),
            edits in prop::collection::vec(
                (0.0..1.0f64, 0..40usize, prop::sample::select(PUT), prop::sample::select(PUT_WRAPPED)),
                1..4,
            ),
        ) {
            let mut new = old.clone();
            for (at, cut, put, wrapper) in edits {
                let put = if cut % 2 == 0 { put } else { wrapper };
                new = edit(&new, (at * new.len() as f64) as usize, cut, put);
            }
            check(&old, &new);
            check(&new, &old);
        }

        /// Long stretches of blocks rewritten, in a wrapper or not: the lookups back off over
        /// them and the revision still reads as a whole read does.
        #[test]
        fn long_rewrites_read_as_whole_reads(
            blocks in prop::collection::vec(body(), 20..50),
            rewrites in prop::collection::vec((any::<prop::sample::Index>(), 10..40usize, body()), 1..3),
            layer in prop::sample::select(WRAPPERS),
            wrap in any::<bool>(),
        ) {
            let mut new = blocks.clone();
            for (at, len, other) in rewrites {
                let at = at.index(new.len());
                let end = (at + len).min(new.len());
                for (n, b) in new[at..end].iter_mut().enumerate() {
                    *b = format!("<p>{n}</p>{other}");
                }
            }
            let (open, close) = if wrap { layer } else { ("", "") };
            let (old, new) = (blocks.join("\n"), new.join("\n"));
            let (old, new) = (format!("{open}{old}{close}"), format!("{open}{new}{close}"));
            check(&old, &new);
            check(&new, &old);
        }

        /// Blocks of a wrapped body edited, inserted, deleted, and an edit near the wrapper's
        /// end tag: read from the old chunks, as a whole read reads it.
        #[test]
        fn block_edits_in_wrappers_read_from_the_old_chunks(
            blocks in prop::collection::vec(body(), 2..10),
            layers in prop::collection::vec(prop::sample::select(WRAPPERS), 1..4),
            changes in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, body()), 1..3),
            tail in prop::sample::select(PUT_WRAPPED),
        ) {
            let wrap = |inner: String| {
                layers.iter().fold(inner, |out, (open, close)| format!("{open}{out}{close}"))
            };
            let new = edit_blocks(&blocks, changes);
            let old = wrap(blocks.join("\n"));
            let new = wrap(new.join("\n") + tail);
            check(&old, &new);
            check(&new, &old);
        }

        /// Random edits of generated bodies and of the fixtures: the revision reads as a
        /// whole read does.
        #[test]
        fn edited_bodies_read_as_whole_reads(
            old in body(),
            fixture in 0..3u8,
            edits in prop::collection::vec((0.0..1.0f64, 0..40usize, prop::sample::select(PUT)), 1..4),
        ) {
            let old = match fixture {
                0 => old,
                1 => WORDPRESS.to_owned(),
                _ => format!("{old}\n{WORDPRESS}"),
            };
            let mut new = old.clone();
            for (at, cut, put) in edits {
                new = edit(&new, (at * new.len() as f64) as usize, cut, put);
            }
            check(&old, &new);
            check(&new, &old);
        }

        /// Blocks edited, inserted, deleted and moved whole: the revision is read from the
        /// old chunks, and as a whole read reads it.
        #[test]
        fn block_edits_read_from_the_old_chunks(
            blocks in prop::collection::vec(body(), 2..12),
            changes in prop::collection::vec((any::<prop::sample::Index>(), 0..4u8, body()), 1..4),
        ) {
            let new = edit_blocks(&blocks, changes);
            let (old, new) = (blocks.join("\n"), new.join("\n"));
            check(&old, &new);
            check(&new, &old);
        }
    }
}
