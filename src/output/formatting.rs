//! Formatting changes: what [`crate::diff_documents`] finds where two documents' visible text
//! is the same but its formatting is not (bold added, a link's target changed, a paragraph
//! turned into a heading). Plain data only; the comparison lives in `markup/compare.rs`.
//!
//! ```text
//!  old  <p>A <em>quick</em> fox</p>       spans  equal "A "  equal "quick" ◄ formatting 0  equal " fox"
//!  new  <p>A <strong>quick</strong> fox</p>       formatting[0]: kind bold, change added,
//!                                                 "italic removed, bold added"
//! ```

use core::num::NonZeroU32;

use serde::{Serialize, Serializer};

/// Where a span's formatting change is: an index into [`crate::Diff::formatting`]. Four bytes,
/// so that a [`crate::Span`] is no larger than without it; serialized as the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FormattingId(NonZeroU32);

impl FormattingId {
    /// The index into [`crate::Diff::formatting`].
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    /// The id of index `index` (a model never holds 2^32 changes: its texts are at most 32 MiB).
    // Only the reader makes ids, and the engine's wasm module is built without it.
    #[cfg_attr(
        not(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module"))),
        allow(dead_code)
    )]
    pub(crate) fn new(index: usize) -> FormattingId {
        FormattingId(
            NonZeroU32::new(u32::try_from(index).unwrap_or(u32::MAX - 1).saturating_add(1))
                .unwrap_or(NonZeroU32::MAX),
        )
    }
}

impl Serialize for FormattingId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.index() as u64)
    }
}

/// One formatting change: a stretch of unchanged text (or a whole paragraph) formatted
/// differently on the two sides. Spans that carry it have [`crate::Span::formatting`] set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Formatting {
    /// The first formatting that differs (a stretch can differ in several ways; the
    /// description names them all).
    pub kind: FormattingKind,
    /// Whether that formatting was added, removed or changed.
    pub change: FormattingChange,
    /// For people: "bold added", "link target changed: /a → /b", "paragraph → heading 2".
    pub description: String,
    /// The old value where there is one: a link target, an image source, a block's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The new value where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// Which formatting differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FormattingKind {
    /// Bold (`<b>`, `<strong>`, `**`).
    Bold,
    /// Italic (`<i>`, `<em>`, `*`).
    Italic,
    /// Underline (`<u>`, `<ins>`).
    Underline,
    /// Strikethrough (`<s>`, `<del>`, `~~`).
    Strike,
    /// Inline code.
    Code,
    /// Subscript.
    Subscript,
    /// Superscript.
    Superscript,
    /// Highlight (`<mark>`).
    Highlight,
    /// A link: added, removed, or its target changed.
    Link,
    /// An image or embed whose source or text alternative changed.
    Embed,
    /// The paragraph's kind: paragraph, heading level, list item, quote, code block.
    Block,
}

impl FormattingKind {
    /// The name JavaScript sees (`"bold"`, `"link"`, …), as serialized.
    pub fn name(self) -> &'static str {
        match self {
            FormattingKind::Bold => "bold",
            FormattingKind::Italic => "italic",
            FormattingKind::Underline => "underline",
            FormattingKind::Strike => "strike",
            FormattingKind::Code => "code",
            FormattingKind::Subscript => "subscript",
            FormattingKind::Superscript => "superscript",
            FormattingKind::Highlight => "highlight",
            FormattingKind::Link => "link",
            FormattingKind::Embed => "embed",
            FormattingKind::Block => "block",
        }
    }
}

/// How a [`FormattingKind`] differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FormattingChange {
    /// Only the new side has it.
    Added,
    /// Only the old side has it.
    Removed,
    /// Both have it, differently (a link's target, a heading's level).
    Changed,
}

impl FormattingChange {
    /// The name JavaScript sees (`"added"`, `"removed"`, `"changed"`).
    pub fn name(self) -> &'static str {
        match self {
            FormattingChange::Added => "added",
            FormattingChange::Removed => "removed",
            FormattingChange::Changed => "changed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_span_is_no_larger_for_its_formatting() {
        // kind, cosmetic and the text's pointer and length: 24 bytes, as before formatting.
        assert_eq!(core::mem::size_of::<crate::Span<'_>>(), 24);
    }

    #[test]
    fn ids_are_indices() {
        assert_eq!(FormattingId::new(0).index(), 0);
        assert_eq!(FormattingId::new(41).index(), 41);
        assert_eq!(serde_json::to_string(&FormattingId::new(3)).unwrap(), "3");
    }
}
