//! `article-diff` shows what changed between two versions of an article: aligned paragraphs,
//! word-level insertions and deletions, split and merged paragraphs, paragraphs that moved
//! (even moved and edited), and which changes are only cosmetic (curly vs straight quotes,
//! whitespace, a paragraph break).
//!
//! ```
//! use article_diff::{diff, Options, RowKind, SpanKind};
//!
//! let d = diff("A cat sat.", "A black cat sat.", &Options::default())?;
//! let rows: Vec<_> = d.rows().collect();
//! assert_eq!(rows.len(), 1);
//! assert_eq!(rows[0].kind, RowKind::Changed);
//! let inserted: Vec<&str> = rows[0].new.as_ref().unwrap().spans.iter()
//!     .filter(|s| s.kind == SpanKind::Insert)
//!     .map(|s| s.text)
//!     .collect();
//! assert_eq!(inserted, ["black "]);
//! assert_eq!(d.stats.words_inserted, 1);
//! # Ok::<(), article_diff::Error>(())
//! ```
//!
//! # The pipeline
//!
//! ```text
//!  old ─┐ unicode   ─► paragraphs ─► align ─► moves ────────► output ─► model::Diff
//!  new ─┘ tokens,      split, hash,   units    moves, in-place  blocks, edits, stats, fallback
//!         folded keys  profiles                 pairs
//!                                             └ words: the word diff of one pair of paragraphs ┘
//! ```
//!
//! * `unicode` — the tokenizer: Unicode words (CJK by character), whitespace runs,
//!   punctuation; grapheme clusters are never split (`unicode::graphemes`);
//! * `paragraphs` — blank-line blocks, or one per line when a text has no blank line, each
//!   with its hash and (when needed) its word profile;
//! * `align` — identical paragraphs matched by hash first, then each changed stretch aligned
//!   by the heaviest chain of in-place, split and merged pairs;
//! * `words` — a word diff over interned, typographically folded tokens (`unicode::fold`), cleaned
//!   up to read like a human edit and refined to letters inside a misspelled word;
//! * `moves` — unpaired paragraphs linked by a global best assignment over the whole document;
//!   it consumes the alignment and hands on a new value (`Moves`: the units with pairs found
//!   in place, the moves), each pair with the word diff that verified it, so assembly never
//!   diffs it again;
//! * `output` — blocks (runs of unchanged paragraphs, rows with a change), exact flat edits
//!   and stats; the model's formatting changes (`output::formatting`).
//!
//! Each module's docs state its cost; `myers` says why every diff goes through one Myers on
//! `u32` ids, each kind of id (`TokenId`, `TextId`, `ClusterId`) a newtype of its own. The
//! deadline reads the clock [`Options::clock`] names: the core reads no platform clock of its
//! own choosing.
//!
//! # The model
//!
//! [`Diff`] borrows all its text from the inputs. Its flat [`Diff::edits`] always rebuild both
//! inputs exactly (equal + delete = old, equal + insert = new), whatever the options and even
//! when the deadline cut the work short ([`Diff::approximate`]).
//!
//! Its size follows the changes, not the paragraphs: [`Diff::blocks`] holds a run of unchanged
//! paragraphs as one [`Block::Equal`] and only rows with a change in full. [`Diff::rows`] still
//! yields every row, unchanged ones built on the fly, and row indices ([`Move::old_row`]) count
//! rows as before.
//!
//! ```
//! use article_diff::{diff, Block, Options, RowKind};
//!
//! let old = "One.\n\nTwo.\n\nThree.\n\nFour.";
//! let new = "One.\n\nTwo.\n\nThree!\n\nFour.";
//! let d = diff(old, new, &Options::default())?;
//! assert_eq!(d.blocks.len(), 3);
//! assert_eq!(d.blocks[0], Block::Equal { old: 0..2, new: 0..2 });
//! assert!(matches!(&d.blocks[1], Block::Row(r) if r.kind == RowKind::Changed));
//! assert_eq!(d.row_count(), 4);
//! assert_eq!(d.row(1).unwrap().kind, RowKind::Equal);
//! # Ok::<(), article_diff::Error>(())
//! ```
//!
//! # Deadline
//!
//! [`Options::timeout`] (default one second) caps the work. Past it, the remaining paragraph
//! pairs get a whole-text replacement instead of a word diff and move detection stops; the
//! result is exact but coarser, and [`Diff::fallback`] says what was cut. [`Options::clock`]
//! says how time is read: `std::time::Instant` by default; on `wasm32-unknown-unknown`, which
//! has no clock in `std`, a function the caller hands in (the binding passes JavaScript's
//! `performance.now()`).
//!
//! # Feature flags
//!
//! * `markup` (default): [`markup`], the HTML reader: what a reader sees of an article a CMS
//!   stores as HTML (`docs/markup.md`); and [`diff_documents`], which diffs two read documents
//!   block by block and marks formatting changes on equal text ([`Diff::formatting`]).
//! * `markdown` (default): Markdown in the reader too (`pulldown-cmark`).
//! * `markup-module`: builds the reader's own wasm module (`src/wasm_markup.rs`) instead of the
//!   engine's. On wasm32 the reader is compiled only with it, so the engine's module never
//!   carries it.
#![warn(missing_docs)]
// The reader's wasm module (src/wasm_markup.rs) uses none of the engine's binding helpers.
#![cfg_attr(feature = "markup-module", allow(dead_code))]

// The pipeline's stages in the order they run (the crate docs above draw it), then what they
// share.
mod align;
mod call;
mod deadline;
mod error;
mod intern;
mod model;
mod moves;
mod myers;
mod options;
mod output;
mod paragraphs;
mod sort;
mod unicode;
mod words;
// `src/copy.js` as the two wasm modules that copy strings with it declare it: the engine's and
// the HTML reader's, not the Markdown reader's.
#[cfg(all(target_arch = "wasm32", any(not(feature = "markup-module"), not(feature = "markdown"))))]
mod copy;
// On wasm32 the reader is compiled only into its own module (`markup-module`): in the engine's
// module it would be dead code that still costs bytes (a few hundred, through inlining).
#[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
pub mod markup;
#[cfg(all(target_arch = "wasm32", not(feature = "markup-module")))]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "markup-module"))]
pub mod wasm_markup;

pub use deadline::Clock;
pub use error::{Error, Side as InputSide};
#[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
pub use markup::diff_documents;
pub use model::{
    Block, Cell, Diff, Edit, Fallback, FallbackReason, Formatting, FormattingChange, FormattingId,
    FormattingKind, Move, Op, Paragraph, Row, RowKind, Rows, Span, SpanKind, Stats,
};
pub use options::{Options, DEFAULT_MOVE_THRESHOLD, DEFAULT_TIMEOUT};

/// The README's Rust example runs as a doc test, so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Largest input accepted per side, in bytes of UTF-8 (32 MiB: ten times a long book).
///
/// Set by wasm32, where the module has 4 GiB of memory and no allocation may exceed 2 GiB: the
/// engine's tables take up to a few dozen bytes per input byte on inputs made of tiny
/// paragraphs or one-letter words (`docs/limits.md`), and its largest single table, a sort of
/// one 16-byte item per token, must stay under 2 GiB. Checked before anything is allocated.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// Diffs `old` against `new`.
///
/// # Errors
/// [`Error::InvalidOption`] when an option is out of range, [`Error::InputTooLarge`] when a
/// text is over [`MAX_INPUT_BYTES`].
pub fn diff<'a>(old: &'a str, new: &'a str, options: &Options) -> Result<Diff<'a>, Error> {
    options.validate()?;
    for (side, text) in [(InputSide::Old, old), (InputSide::New, new)] {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::InputTooLarge { side, bytes: text.len(), limit: MAX_INPUT_BYTES });
        }
    }
    let fold = unicode::fold::Fold {
        ignore_case: options.ignore_case,
        ignore_whitespace: options.ignore_whitespace,
    };
    let deadline = deadline::Deadline::after(options.timeout, options.clock);
    let mut ctx = call::Ctx::new(fold, deadline, options.detect_moves);
    let mut old_side = paragraphs::side::Side::new(old);
    let mut new_side = paragraphs::side::Side::new(new);
    let aligned = align::align(&mut old_side, &mut new_side, &mut ctx);
    let moved = if options.detect_moves {
        moves::find(aligned, &mut old_side, &mut new_side, options.move_threshold, &mut ctx)
    } else {
        moves::Moves::none(aligned)
    };
    Ok(output::assemble::assemble(old_side, new_side, moved, &mut ctx))
}
