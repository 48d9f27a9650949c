//! The state of one diff call: options turned into folds, the deadline, the interner, scratch
//! buffers, and a record of what had to be coarsened.

use crate::deadline::Deadline;
use crate::intern::{Interner, TokenId};
use crate::model::{Fallback, FallbackReason};
use crate::unicode::fold::Fold;
use crate::unicode::tokenize::Token;

/// What the deadline cut short, for [`Fallback::detail`].
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Coarsened {
    /// Paragraph pairs whose word diff was cut to a whole-range replacement.
    pub word_diffs: usize,
    /// Change hunks whose paragraphs were left unpaired.
    pub hunks: usize,
    /// Move detection stopped early.
    pub moves: bool,
    /// The paragraph-level diff itself hit the deadline.
    pub paragraphs: bool,
}

impl Coarsened {
    pub fn any(&self) -> bool {
        self.word_diffs > 0 || self.hunks > 0 || self.moves || self.paragraphs
    }

    pub fn fallback(&self) -> Option<Fallback> {
        if !self.any() {
            return None;
        }
        // Written piece by piece: `format!` with `join` costs a few KB of wasm.
        let mut detail = String::from("The time limit was reached: ");
        let mut part = |text: &str, count: Option<usize>| {
            if !detail.ends_with(": ") {
                detail.push_str("; ");
            }
            if let Some(n) = count {
                detail.push_str(&n.to_string());
                detail.push(' ');
            }
            detail.push_str(text);
        };
        if self.paragraphs {
            part("paragraphs were matched by a coarser line diff", None);
        }
        if self.hunks > 0 {
            part("changed stretch(es) were not paired paragraph by paragraph", Some(self.hunks));
        }
        if self.word_diffs > 0 {
            part(
                "paragraph(s) show a whole-text replacement instead of word changes",
                Some(self.word_diffs),
            );
        }
        if self.moves {
            part("move detection stopped early", None);
        }
        detail.push_str(". The diff is still exact.");
        Some(Fallback { reason: FallbackReason::Deadline, detail })
    }
}

/// Everything one call shares across its stages.
pub(crate) struct Ctx<'a> {
    pub fold: Fold,
    /// Whether moves will be looked for (alignment then leaves exact twins to them).
    pub detect_moves: bool,
    pub deadline: Deadline,
    pub interner: Interner<'a>,
    pub coarsened: Coarsened,
    /// Scratch buffers reused by every word diff of the call.
    pub old_tokens: Vec<Token>,
    pub new_tokens: Vec<Token>,
    pub old_keys: Vec<TokenId>,
    pub new_keys: Vec<TokenId>,
}

impl<'a> Ctx<'a> {
    pub fn new(fold: Fold, deadline: Deadline, detect_moves: bool) -> Self {
        Ctx {
            fold,
            detect_moves,
            deadline,
            interner: Interner::default(),
            coarsened: Coarsened::default(),
            old_tokens: Vec::new(),
            new_tokens: Vec::new(),
            old_keys: Vec::new(),
            new_keys: Vec::new(),
        }
    }
}
