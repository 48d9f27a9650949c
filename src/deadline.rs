//! The work budget of one diff call.
//!
//! Natively the clock is `std::time::Instant`. In the browser `std::time::Instant::now()`
//! panics, so there it is `similar::Instant`, which similar's `wasm32_web_time` feature (enabled
//! for wasm32 in Cargo.toml) backs with `performance.now()`. Both are the type similar's
//! `*_deadline` functions take, so one deadline caps our own loops and similar's algorithms.

use core::time::Duration;

#[cfg(target_arch = "wasm32")]
pub(crate) use similar::Instant;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use std::time::Instant;

/// When the current call has to stop refining.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    at: Option<Instant>,
}

impl Deadline {
    /// A deadline `timeout` from now; `None` never passes.
    pub fn after(timeout: Option<Duration>) -> Self {
        Deadline { at: timeout.and_then(|t| Instant::now().checked_add(t)) }
    }

    /// The instant to hand to similar's `*_deadline` functions.
    pub fn instant(self) -> Option<Instant> {
        self.at
    }

    /// Whether the deadline has passed. Reads the clock: call it per paragraph or per batch,
    /// not per token.
    pub fn passed(self) -> bool {
        self.at.is_some_and(|at| Instant::now() > at)
    }
}
