//! The work budget of one diff call.
//!
//! Natively the clock is `std::time::Instant`. In the browser `std::time::Instant::now()`
//! panics, so there it is `performance.now()`, imported directly (a crate for it would bring
//! `js-sys` and its glue into the module). Reading it is a call out of wasm: callers read it
//! per paragraph or per batch of work, not per token.

use core::time::Duration;

#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

/// Milliseconds since the page or worker started, from `performance.now()`.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Instant(f64);

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

#[cfg(target_arch = "wasm32")]
impl Instant {
    fn now() -> Self {
        Instant(performance_now())
    }

    fn checked_add(self, duration: Duration) -> Option<Self> {
        let at = self.0 + duration.as_secs_f64() * 1000.0;
        at.is_finite().then_some(Instant(at))
    }
}

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

    /// A deadline that never passes.
    pub const NEVER: Deadline = Deadline { at: None };

    /// Whether the deadline has passed. Reads the clock: call it per paragraph or per batch,
    /// not per token.
    pub fn passed(self) -> bool {
        self.at.is_some_and(|at| Instant::now() > at)
    }
}
