//! The one error type of the core. Every variant names what was wrong and the limit.

use core::fmt;

/// Which input an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first argument, the old text.
    Old,
    /// The second argument, the new text.
    New,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Old => "old text",
            Side::New => "new text",
        })
    }
}

/// Why [`crate::diff`] refused to diff.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// An option is out of range. `name` is the option's JavaScript name.
    InvalidOption {
        /// The option, as JavaScript spells it (`moveThreshold`).
        name: &'static str,
        /// What is allowed and what was given.
        reason: String,
    },
    /// An input is larger than [`crate::MAX_INPUT_BYTES`].
    InputTooLarge {
        /// Which input.
        side: Side,
        /// Its size in bytes of UTF-8.
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// A [`crate::markup::Document`] handed to [`crate::diff_documents`] is not one the reader
    /// could have made (a block outside its text, blocks not joined by a blank line, a mark
    /// across two blocks).
    #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
    InvalidDocument {
        /// Which document.
        side: Side,
        /// What is wrong with it.
        reason: String,
    },
    /// A source could not be read as HTML or Markdown ([`crate::markup::read`]).
    #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
    Markup {
        /// Which source.
        side: Side,
        /// Why.
        error: crate::markup::ReadError,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidOption { name, reason } => write!(f, "option `{name}` {reason}"),
            Error::InputTooLarge { side, bytes, limit } => write!(
                f,
                "the {side} is {bytes} bytes of UTF-8; the most article-diff accepts is {limit} bytes"
            ),
            #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
            Error::InvalidDocument { side, reason } => write!(f, "the {side}'s document is not valid: {reason}"),
            #[cfg(all(feature = "markup", any(not(target_arch = "wasm32"), feature = "markup-module")))]
            Error::Markup { side, error } => write!(f, "the {side} could not be read: {error}"),
        }
    }
}

impl std::error::Error for Error {}
