//! The model's invariants as one checker, shared by `tests/properties.rs`,
//! `tests/adversarial.rs` and the fuzz target (`fuzz/fuzz_targets/diff.rs` includes this file
//! by path), so every input any of them makes is held to the same contract.
//!
//! [`check`] returns the first broken invariant as a sentence instead of panicking, so a
//! property test can report it with the inputs and the fuzzer can abort on it.
#![allow(dead_code)]

use article_diff::{Block, Cell, Diff, Op, Options, Paragraph, Row, RowKind, Span, SpanKind};

/// Fails the surrounding `check*` function with a message.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Every invariant of one diff of `old` against `new` made with `options`.
///
/// # Errors
/// The first broken invariant, as a sentence.
pub fn check(d: &Diff<'_>, old: &str, new: &str, options: &Options) -> Result<(), String> {
    check_paragraphs(&d.old_paragraphs, old, "old")?;
    check_paragraphs(&d.new_paragraphs, new, "new")?;
    check_model(d, old, new, options)
}

/// Every invariant of the diff of two documents (`diff_documents`), over their visible
/// texts. Its paragraphs are the documents' blocks, one for one, rather than the engine's
/// split of a text: a block may hold only whitespace a browser keeps (`<p>&nbsp;</p>`).
///
/// # Errors
/// The first broken invariant, as a sentence.
#[cfg(all(feature = "markup", not(target_arch = "wasm32")))]
pub fn check_documents(
    d: &Diff<'_>,
    old: &article_diff::markup::Document,
    new: &article_diff::markup::Document,
    options: &Options,
) -> Result<(), String> {
    for (paragraphs, doc, side) in
        [(&d.old_paragraphs, old, "old"), (&d.new_paragraphs, new, "new")]
    {
        let ranges = paragraphs.iter().map(|p| p.byte_start..p.byte_end);
        ensure!(
            ranges.eq(doc.blocks.iter().map(|b| b.text.clone())),
            "the {side} paragraphs are not the {side} document's blocks"
        );
    }
    check_model(d, &old.text, &new.text, options)
}

/// The invariants that hold whatever the paragraphs are.
fn check_model(d: &Diff<'_>, old: &str, new: &str, options: &Options) -> Result<(), String> {
    check_edits(d, old, new)?;
    check_blocks(d, old, new)?;
    check_rows(d, old, new)?;
    check_moves(d, options)?;
    check_short_moves(d, old, new, options)?;
    check_stats(d)?;
    ensure!(
        d.approximate == d.fallback.is_some(),
        "approximate is {} but fallback is {:?}",
        d.approximate,
        d.fallback
    );
    if let Some(f) = &d.fallback {
        ensure!(!f.detail.is_empty(), "a fallback without a detail");
    }
    Ok(())
}

/// Equal + delete rebuild old, equal + insert rebuild new; no empty edit; no two adjacent
/// edits with one op.
pub fn check_edits(d: &Diff<'_>, old: &str, new: &str) -> Result<(), String> {
    let rebuilt_old: String =
        d.edits.iter().filter(|e| e.op != Op::Insert).map(|e| e.text).collect();
    let rebuilt_new: String =
        d.edits.iter().filter(|e| e.op != Op::Delete).map(|e| e.text).collect();
    ensure!(rebuilt_old == old, "equal+delete edits do not rebuild the old text: {rebuilt_old:?}");
    ensure!(rebuilt_new == new, "equal+insert edits do not rebuild the new text: {rebuilt_new:?}");
    ensure!(d.edits.iter().all(|e| !e.text.is_empty()), "an empty edit");
    for (k, pair) in d.edits.windows(2).enumerate() {
        ensure!(pair[0].op != pair[1].op, "edits {k} and {} share the op {:?}", k + 1, pair[0].op);
    }
    Ok(())
}

/// Paragraphs are in order, non-empty, on char boundaries, each holds a non-blank character,
/// and everything outside them is whitespace.
pub fn check_paragraphs(paragraphs: &[Paragraph], text: &str, side: &str) -> Result<(), String> {
    let mut covered_to = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        ensure!(p.byte_start < p.byte_end, "{side} paragraph {i} is empty: {p:?}");
        ensure!(p.byte_end <= text.len(), "{side} paragraph {i} ends past the text: {p:?}");
        ensure!(
            text.is_char_boundary(p.byte_start) && text.is_char_boundary(p.byte_end),
            "{side} paragraph {i} is not on char boundaries: {p:?}"
        );
        ensure!(
            covered_to <= p.byte_start,
            "{side} paragraph {i} overlaps or precedes the one before: {p:?}"
        );
        let gap = &text[covered_to..p.byte_start];
        ensure!(
            gap.chars().all(char::is_whitespace),
            "{side} text before paragraph {i} is not blank: {gap:?}"
        );
        ensure!(!p.text(text).chars().all(char::is_whitespace), "{side} paragraph {i} is blank");
        covered_to = p.byte_end;
    }
    let tail = &text[covered_to..];
    ensure!(
        tail.chars().all(char::is_whitespace),
        "{side} text after the last paragraph is not blank: {tail:?}"
    );
    Ok(())
}

/// The text of a cell: its first paragraph's start to its last paragraph's end.
fn cell_text<'t>(cell: &Cell<'_>, paragraphs: &[Paragraph], text: &'t str) -> Option<&'t str> {
    let first = paragraphs.get(*cell.paragraphs.first()?)?;
    let last = paragraphs.get(*cell.paragraphs.last()?)?;
    text.get(first.byte_start..last.byte_end)
}

fn check_cell(
    cell: &Cell<'_>,
    paragraphs: &[Paragraph],
    text: &str,
    change: SpanKind,
    at: &str,
) -> Result<(), String> {
    ensure!(!cell.paragraphs.is_empty(), "{at}: a cell without paragraphs");
    ensure!(
        cell.paragraphs.windows(2).all(|w| w[1] == w[0] + 1),
        "{at}: paragraphs {:?} are not consecutive",
        cell.paragraphs
    );
    let Some(expected) = cell_text(cell, paragraphs, text) else {
        return Err(format!("{at}: paragraphs {:?} out of range", cell.paragraphs));
    };
    let joined: String = cell.spans.iter().map(|s| s.text).collect();
    ensure!(joined == expected, "{at}: spans join to {joined:?}, the cell text is {expected:?}");
    for s in &cell.spans {
        ensure!(!s.text.is_empty(), "{at}: an empty span");
        ensure!(s.kind == SpanKind::Equal || s.kind == change, "{at}: a {:?} span", s.kind);
        ensure!(!(s.kind == SpanKind::Equal && s.cosmetic), "{at}: a cosmetic equal span");
    }
    Ok(())
}

/// The equal spans of two cells, in order, must be the same texts.
fn check_equal_spans_match(old: &Cell<'_>, new: &Cell<'_>, at: &str) -> Result<(), String> {
    let o: Vec<&str> =
        old.spans.iter().filter(|s| s.kind == SpanKind::Equal).map(|s| s.text).collect();
    let n: Vec<&str> =
        new.spans.iter().filter(|s| s.kind == SpanKind::Equal).map(|s| s.text).collect();
    ensure!(o == n, "{at}: equal spans differ: old {o:?}, new {n:?}");
    Ok(())
}

/// The spans of a cell that are changes.
fn changes<'c, 'a>(cell: &'c Option<Cell<'a>>) -> Vec<&'c Span<'a>> {
    cell.iter().flat_map(|c| c.spans.iter()).filter(|s| s.kind != SpanKind::Equal).collect()
}

/// The compact form is compact and faithful: an equal block pairs byte-identical paragraphs
/// over two equally long, non-empty ranges, and a deleted or inserted block holds a non-empty
/// range; no run is next to another of its kind (a run is one block), and each stands for as
/// many rows as its length; a row block is never of kind equal, deleted or inserted (those are
/// runs); the inputs are the ones diffed; `row(i)` is the `i`-th row of `rows()`.
pub fn check_blocks(d: &Diff<'_>, old: &str, new: &str) -> Result<(), String> {
    ensure!(
        core::ptr::eq(d.old_text, old) && core::ptr::eq(d.new_text, new),
        "the model does not borrow the inputs it diffed"
    );
    let mut previous = None;
    for (k, block) in d.blocks.iter().enumerate() {
        let kind = match block {
            Block::Equal { old: o, new: n } => {
                ensure!(
                    !o.is_empty() && o.len() == n.len(),
                    "block {k}: equal ranges {o:?} and {n:?}"
                );
                ensure!(
                    o.end <= d.old_paragraphs.len() && n.end <= d.new_paragraphs.len(),
                    "block {k}: ranges {o:?}, {n:?} out of bounds"
                );
                for (i, j) in o.clone().zip(n.clone()) {
                    ensure!(
                        d.old_paragraphs[i].text(old) == d.new_paragraphs[j].text(new),
                        "block {k}: old {i} and new {j} differ"
                    );
                }
                Some(RowKind::Equal)
            }
            Block::Deleted { old: o } => {
                ensure!(
                    !o.is_empty() && o.end <= d.old_paragraphs.len(),
                    "block {k}: deleted range {o:?}"
                );
                Some(RowKind::Deleted)
            }
            Block::Inserted { new: n } => {
                ensure!(
                    !n.is_empty() && n.end <= d.new_paragraphs.len(),
                    "block {k}: inserted range {n:?}"
                );
                Some(RowKind::Inserted)
            }
            Block::Row(r) => {
                ensure!(
                    !matches!(r.kind, RowKind::Equal | RowKind::Deleted | RowKind::Inserted),
                    "block {k}: a row block of kind {:?}",
                    r.kind
                );
                None
            }
        };
        ensure!(
            kind.is_none() || kind != previous,
            "block {k}: a {kind:?} run right after another"
        );
        previous = kind;
        ensure!(block.row_count() >= 1, "block {k} stands for no row");
    }
    let rows: Vec<_> = d.rows().collect();
    ensure!(
        rows.len() == d.row_count() && d.rows().len() == rows.len(),
        "rows() yields {} rows, row_count() says {}",
        rows.len(),
        d.row_count()
    );
    for (i, row) in rows.iter().enumerate().step_by(rows.len() / 64 + 1) {
        ensure!(d.row(i).as_ref() == Some(row), "row({i}) is not the {i}-th row");
    }
    ensure!(d.row(rows.len()).is_none(), "row({}) past the end", rows.len());
    Ok(())
}

/// Each paragraph sits in exactly one cell, in document order on both sides; row kinds agree
/// with their cells; cells are exact.
pub fn check_rows(d: &Diff<'_>, old: &str, new: &str) -> Result<(), String> {
    let (mut next_old, mut next_new) = (0, 0);
    for (r, row) in d.rows().enumerate() {
        let at = format!("row {r} ({:?})", row.kind);
        if let Some(c) = &row.old {
            check_cell(c, &d.old_paragraphs, old, SpanKind::Delete, &format!("{at} old"))?;
            ensure!(
                c.paragraphs[0] == next_old,
                "{at}: old paragraph {} where {next_old} comes next",
                c.paragraphs[0]
            );
            next_old += c.paragraphs.len();
        }
        if let Some(c) = &row.new {
            check_cell(c, &d.new_paragraphs, new, SpanKind::Insert, &format!("{at} new"))?;
            ensure!(
                c.paragraphs[0] == next_new,
                "{at}: new paragraph {} where {next_new} comes next",
                c.paragraphs[0]
            );
            next_new += c.paragraphs.len();
        }
        let (o, n) = (
            row.old.as_ref().map(|c| c.paragraphs.len()),
            row.new.as_ref().map(|c| c.paragraphs.len()),
        );
        let shape_ok = match row.kind {
            RowKind::Equal | RowKind::Changed => o == Some(1) && n == Some(1),
            RowKind::Split => o == Some(1) && n.is_some_and(|n| n > 1),
            RowKind::Merged => o.is_some_and(|o| o > 1) && n == Some(1),
            RowKind::Inserted => o.is_none() && n.is_some(),
            RowKind::Deleted => o.is_some() && n.is_none(),
            RowKind::Moved => (o == Some(1)) != (n == Some(1)) && (o.is_none() || n.is_none()),
            _ => false,
        };
        ensure!(shape_ok, "{at}: cells with {o:?} old and {n:?} new paragraphs");
        ensure!(
            (row.kind == RowKind::Moved) == row.move_id.is_some(),
            "{at}: move id {:?}",
            row.move_id
        );
        if let (Some(oc), Some(nc)) = (&row.old, &row.new) {
            check_equal_spans_match(oc, nc, &at)?;
        }
        let (del, ins) = (changes(&row.old), changes(&row.new));
        match row.kind {
            RowKind::Equal => {
                ensure!(del.is_empty() && ins.is_empty(), "{at}: an equal row with changes");
                ensure!(!row.cosmetic, "{at}: an equal row marked cosmetic");
                // The wasm binding counts an equal row's UTF-16 length on the old side only,
                // whatever the options (ignoreCase, ignoreWhitespace): the texts must be identical.
                fn text<'t>(
                    c: &Option<Cell<'_>>,
                    paragraphs: &[Paragraph],
                    input: &'t str,
                ) -> Option<&'t str> {
                    let p = &paragraphs[*c.as_ref()?.paragraphs.first()?];
                    input.get(p.byte_start..p.byte_end)
                }
                ensure!(
                    text(&row.old, &d.old_paragraphs, old)
                        == text(&row.new, &d.new_paragraphs, new),
                    "{at}: an equal row whose paragraphs differ"
                );
            }
            RowKind::Inserted | RowKind::Deleted => {
                let all_changed = row
                    .old
                    .iter()
                    .chain(&row.new)
                    .flat_map(|c| &c.spans)
                    .all(|s| s.kind != SpanKind::Equal);
                ensure!(all_changed, "{at}: an unchanged span");
            }
            _ => {}
        }
        if row.cosmetic {
            ensure!(
                del.iter().chain(&ins).all(|s| s.cosmetic),
                "{at}: a cosmetic row with a substantive change"
            );
        }
    }
    ensure!(
        next_old == d.old_paragraphs.len(),
        "rows show {next_old} of {} old paragraphs",
        d.old_paragraphs.len()
    );
    ensure!(
        next_new == d.new_paragraphs.len(),
        "rows show {next_new} of {} new paragraphs",
        d.new_paragraphs.len()
    );
    Ok(())
}

/// Every move links a moved row showing only its old paragraph to a moved row showing only
/// its new paragraph, with a similarity at or above the threshold; each moved row belongs to
/// exactly one move.
pub fn check_moves(d: &Diff<'_>, options: &Options) -> Result<(), String> {
    if !options.detect_moves {
        ensure!(d.moves.is_empty(), "moves with detect_moves off: {:?}", d.moves);
    }
    let rows: Vec<_> = d.rows().collect();
    let mut owner = vec![None; rows.len()];
    for (id, m) in d.moves.iter().enumerate() {
        let at = format!("move {id}");
        ensure!(m.id == id, "{at} has id {}", m.id);
        ensure!(
            m.similarity >= options.move_threshold && m.similarity <= 1.0,
            "{at}: similarity {} with threshold {}",
            m.similarity,
            options.move_threshold
        );
        let (Some(src), Some(dst)) = (rows.get(m.old_row), rows.get(m.new_row)) else {
            return Err(format!("{at}: rows {} and {} out of range", m.old_row, m.new_row));
        };
        ensure!(
            src.kind == RowKind::Moved && dst.kind == RowKind::Moved,
            "{at}: rows are {:?} and {:?}",
            src.kind,
            dst.kind
        );
        ensure!(
            src.move_id == Some(id) && dst.move_id == Some(id),
            "{at}: rows point at moves {:?}, {:?}",
            src.move_id,
            dst.move_id
        );
        let (Some(oc), None) = (&src.old, &src.new) else {
            return Err(format!("{at}: source row {} does not show only an old cell", m.old_row));
        };
        let (None, Some(nc)) = (&dst.old, &dst.new) else {
            return Err(format!(
                "{at}: destination row {} does not show only a new cell",
                m.new_row
            ));
        };
        ensure!(
            oc.paragraphs == [m.from],
            "{at}: source row shows {:?}, from is {}",
            oc.paragraphs,
            m.from
        );
        ensure!(
            nc.paragraphs == [m.to],
            "{at}: destination row shows {:?}, to is {}",
            nc.paragraphs,
            m.to
        );
        check_equal_spans_match(oc, nc, &at)?;
        for row in [m.old_row, m.new_row] {
            ensure!(
                owner[row].is_none(),
                "{at}: row {row} already belongs to move {:?}",
                owner[row]
            );
            owner[row] = Some(id);
        }
    }
    let moved_rows = rows.iter().filter(|r| r.kind == RowKind::Moved).count();
    ensure!(moved_rows == 2 * d.moves.len(), "{moved_rows} moved rows for {} moves", d.moves.len());
    Ok(())
}

/// Fewest words for a paragraph to move by word similarity (the engine's `MIN_MOVE_WORDS`), and
/// the lowest letter similarity for a shorter one (`MIN_LETTER_SIMILARITY`), issue #23.
const MIN_MOVE_WORDS: usize = 4;
const MIN_LETTER_SIMILARITY: f64 = 0.8;

/// Moves of short paragraphs (fewer than four words, counted by the engine itself): both ends
/// are short; an unchanged one is unique (its text occurs once among each side's paragraphs),
/// an edited one clears the stricter letter threshold; and no move could have been drawn in
/// place, with no row showing both sides between its two rows.
pub fn check_short_moves(
    d: &Diff<'_>,
    old: &str,
    new: &str,
    options: &Options,
) -> Result<(), String> {
    let words = |text: &str| {
        article_diff::diff(text, text, &Options::default()).map_or(0, |w| w.stats.words_unchanged)
    };
    for (id, m) in d.moves.iter().enumerate() {
        let at = format!("move {id}");
        let (Some(from), Some(to)) = (d.old_paragraphs.get(m.from), d.new_paragraphs.get(m.to))
        else {
            return Err(format!("{at}: paragraphs {} and {} out of range", m.from, m.to));
        };
        let (ot, nt) = (from.text(old), to.text(new));
        let (lo, hi) = (m.old_row.min(m.new_row), m.old_row.max(m.new_row));
        ensure!(
            d.rows().skip(lo).take(hi - lo).any(|r| r.old.is_some() && r.new.is_some()),
            "{at}: no row pairs both sides between rows {lo} and {hi}, so it could sit in place"
        );
        let (ow, nw) = (words(ot), words(nt));
        ensure!(
            (ow < MIN_MOVE_WORDS) == (nw < MIN_MOVE_WORDS),
            "{at} links {ow} words to {nw}: {ot:?} → {nt:?}"
        );
        if ow >= MIN_MOVE_WORDS {
            continue;
        }
        if ot == nt {
            let count = |paragraphs: &[Paragraph], text: &str| {
                paragraphs.iter().filter(|p| p.text(text) == ot).count()
            };
            let (o, n) = (count(&d.old_paragraphs, old), count(&d.new_paragraphs, new));
            ensure!((o, n) == (1, 1), "{at}: short {ot:?} occurs {o} times in old and {n} in new");
        } else {
            let min = MIN_LETTER_SIMILARITY.max(options.move_threshold);
            ensure!(
                min <= m.similarity && m.similarity <= 1.0,
                "{at}: short {ot:?} → {nt:?} with similarity {}",
                m.similarity
            );
        }
    }
    Ok(())
}

/// Paragraph counts in the stats agree with the rows.
pub fn check_stats(d: &Diff<'_>) -> Result<(), String> {
    let s = &d.stats;
    let all: Vec<_> = d.rows().collect();
    let rows = |kind: RowKind| all.iter().filter(move |r| r.kind == kind);
    let paragraphs = |kind: RowKind, old: bool| -> usize {
        rows(kind)
            .filter_map(|r| if old { r.old.as_ref() } else { r.new.as_ref() })
            .map(|c| c.paragraphs.len())
            .sum()
    };
    ensure!(
        s.paragraphs_moved == d.moves.len(),
        "paragraphs_moved {} for {} moves",
        s.paragraphs_moved,
        d.moves.len()
    );
    ensure!(
        s.paragraphs_split == rows(RowKind::Split).count(),
        "paragraphs_split {}",
        s.paragraphs_split
    );
    ensure!(
        s.paragraphs_merged == rows(RowKind::Merged).count(),
        "paragraphs_merged {}",
        s.paragraphs_merged
    );
    ensure!(
        s.paragraphs_inserted == paragraphs(RowKind::Inserted, false),
        "paragraphs_inserted {}",
        s.paragraphs_inserted
    );
    ensure!(
        s.paragraphs_deleted == paragraphs(RowKind::Deleted, true),
        "paragraphs_deleted {}",
        s.paragraphs_deleted
    );
    let changed = all
        .iter()
        .filter(|r| {
            matches!(r.kind, RowKind::Changed | RowKind::Split | RowKind::Merged)
                && !r.cosmetic
                && !formatting_only(r)
        })
        .count();
    ensure!(
        s.paragraphs_changed == changed,
        "paragraphs_changed {} for {changed} substantive rows",
        s.paragraphs_changed
    );
    Ok(())
}

/// Whether `row` is a documents diff's row whose words are all equal and whose formatting
/// changed: it counts in `formatting_changes`, not as a changed paragraph.
#[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
fn formatting_only(row: &Row<'_>) -> bool {
    let spans = || [&row.old, &row.new].into_iter().flatten().flat_map(|c| &c.spans);
    spans().all(|s| s.kind == SpanKind::Equal) && spans().any(|s| s.formatting.is_some())
}

/// Without the reader no span carries formatting.
#[cfg(not(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module"))))]
fn formatting_only(_: &Row<'_>) -> bool {
    false
}

/// `diff(a, a)`: every row equal, no move, no changed word, one equal edit (none for "").
pub fn check_identical(d: &Diff<'_>, text: &str) -> Result<(), String> {
    ensure!(
        d.rows().all(|r| r.kind == RowKind::Equal),
        "a row that is not equal: {:?}",
        d.rows().find(|r| r.kind != RowKind::Equal)
    );
    ensure!(
        d.row_count() == d.old_paragraphs.len(),
        "{} rows for {} paragraphs",
        d.row_count(),
        d.old_paragraphs.len()
    );
    ensure!(
        d.blocks.len() <= 1,
        "{} blocks for two identical texts: an unchanged run is one block",
        d.blocks.len()
    );
    ensure!(d.moves.is_empty(), "moves: {:?}", d.moves);
    let s = &d.stats;
    ensure!(
        s.words_inserted == 0
            && s.words_deleted == 0
            && s.paragraphs_changed == 0
            && s.paragraphs_inserted == 0
            && s.paragraphs_deleted == 0
            && s.paragraphs_split == 0
            && s.paragraphs_merged == 0
            && s.cosmetic_changes == 0,
        "changes in the stats: {s:?}"
    );
    ensure!(
        d.edits.iter().all(|e| e.op == Op::Equal) && d.edits.len() == usize::from(!text.is_empty()),
        "edits: {:?}",
        d.edits
    );
    Ok(())
}
