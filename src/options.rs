//! Options: one small value with defaults, checked before any work starts.

use core::time::Duration;

use crate::deadline::Clock;
use crate::error::Error;

/// Default cap on the work of one [`crate::diff`] call.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

/// Default lowest word similarity for an edited paragraph to count as moved: at most about 30%
/// of its words changed.
pub const DEFAULT_MOVE_THRESHOLD: f64 = 0.7;

/// How to diff. Build from [`Options::default`] and the `with_*` methods:
///
/// ```
/// use article_diff::Options;
/// use std::time::Duration;
/// let options = Options::default().with_ignore_case(true).with_timeout(Some(Duration::from_millis(200)));
/// assert!(options.detect_moves);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Link paragraphs that moved (default `true`). Off, a moved paragraph shows as deleted at
    /// its old place and inserted at its new one.
    pub detect_moves: bool,
    /// Treat changes of letter case as cosmetic (default `false`).
    pub ignore_case: bool,
    /// Treat every whitespace difference as cosmetic, including whitespace added or removed
    /// between words (default `false`; changes of whitespace *amount* and paragraph breaks
    /// inside a sentence are always cosmetic).
    pub ignore_whitespace: bool,
    /// Lowest word similarity (`0.0..=1.0`) for an edited paragraph to be linked as a move
    /// (default [`DEFAULT_MOVE_THRESHOLD`]). A paragraph of fewer than four words (a heading, a
    /// list item) is matched by letters instead, and needs at least this or 0.8, whichever is
    /// higher.
    pub move_threshold: f64,
    /// Cap on the work (default [`DEFAULT_TIMEOUT`]); `None` for no cap. Past it the result is
    /// coarser but still exact, and [`crate::Diff::approximate`] is set.
    pub timeout: Option<Duration>,
    /// The clock [`Options::timeout`] is measured with (default [`Clock::Std`]). On
    /// `wasm32-unknown-unknown` pass [`Clock::Millis`] (the binding passes `performance.now()`).
    pub clock: Clock,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            detect_moves: true,
            ignore_case: false,
            ignore_whitespace: false,
            move_threshold: DEFAULT_MOVE_THRESHOLD,
            timeout: Some(DEFAULT_TIMEOUT),
            clock: Clock::default(),
        }
    }
}

impl Options {
    /// Sets [`Options::detect_moves`].
    pub fn with_detect_moves(mut self, on: bool) -> Self {
        self.detect_moves = on;
        self
    }
    /// Sets [`Options::ignore_case`].
    pub fn with_ignore_case(mut self, on: bool) -> Self {
        self.ignore_case = on;
        self
    }
    /// Sets [`Options::ignore_whitespace`].
    pub fn with_ignore_whitespace(mut self, on: bool) -> Self {
        self.ignore_whitespace = on;
        self
    }
    /// Sets [`Options::move_threshold`] (checked by [`crate::diff`]).
    pub fn with_move_threshold(mut self, threshold: f64) -> Self {
        self.move_threshold = threshold;
        self
    }
    /// Sets [`Options::timeout`].
    pub fn with_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }
    /// Sets [`Options::clock`].
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Checks the values a caller can get wrong.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] naming the option and the allowed range.
    pub fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.move_threshold) {
            return Err(Error::InvalidOption {
                name: "moveThreshold",
                // The value is not echoed: formatting an f64 pulls float printing, a large part
                // of the wasm module (docs/performance.md), and the caller has the value at hand.
                reason: "must be a number from 0 to 1".to_string(),
            });
        }
        if self.timeout == Some(Duration::ZERO) {
            return Err(Error::InvalidOption {
                name: "timeoutMs",
                reason: "must be greater than 0 (use no timeout to disable the cap)".to_string(),
            });
        }
        if self.timeout.is_some() && !self.clock.available() {
            return Err(Error::InvalidOption {
                name: "clock",
                reason: "this target has no std clock: pass Clock::Millis for a timeout"
                    .to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Options::default().validate(), Ok(()));
    }

    #[test]
    fn threshold_out_of_range_is_an_error() {
        for bad in [-0.1, 1.5, f64::NAN, f64::INFINITY] {
            let err = Options::default().with_move_threshold(bad).validate().unwrap_err();
            assert!(matches!(err, Error::InvalidOption { name: "moveThreshold", .. }), "{bad}");
        }
    }

    #[test]
    fn zero_timeout_is_an_error() {
        let err = Options::default().with_timeout(Some(Duration::ZERO)).validate().unwrap_err();
        assert!(err.to_string().contains("timeoutMs"));
    }
}
