//! The work budget of one diff call, and the clock it is measured with.
//!
//! The core reads no platform clock of its own choosing: [`Options::clock`](crate::Options)
//! says which one. Natively the default, [`Clock::Std`], is `std::time::Instant`. On
//! `wasm32-unknown-unknown` reading `Instant` panics, so there the caller hands in a function
//! ([`Clock::Millis`]); the binding passes `performance.now()`. That keeps JavaScript out of
//! the core, and costs one indirect call per reading. Reading a clock in the browser is a call
//! out of wasm: callers read it per paragraph or per batch of work, not per token.

use core::fmt;
use core::time::Duration;

/// The clock a call's [`timeout`](crate::Options::timeout) is measured with.
#[derive(Clone, Copy, Default)]
#[non_exhaustive]
pub enum Clock {
    /// `std::time::Instant` (the default). Not on `wasm32-unknown-unknown`, which has no clock
    /// in `std`: there a timeout with this clock is refused by [`crate::diff`].
    #[default]
    Std,
    /// A function returning milliseconds since any fixed origin, never decreasing (in a
    /// browser, `performance.now()`).
    Millis(fn() -> f64),
}

impl Clock {
    /// Whether this clock can be read on the target the crate was built for.
    pub(crate) fn available(self) -> bool {
        matches!(self, Clock::Millis(_)) || cfg!(not(target_arch = "wasm32"))
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Clock::Std => "Std",
            Clock::Millis(_) => "Millis(..)",
        })
    }
}

/// Two clocks are equal when they are the same variant and, for [`Clock::Millis`], the same
/// function.
impl PartialEq for Clock {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Clock::Std, Clock::Std) => true,
            (Clock::Millis(a), Clock::Millis(b)) => core::ptr::fn_addr_eq(*a, *b),
            _ => false,
        }
    }
}

/// The moment a deadline passes, on the clock it was set with.
#[derive(Debug, Clone, Copy)]
enum At {
    #[cfg(not(target_arch = "wasm32"))]
    Instant(std::time::Instant),
    Millis {
        now: fn() -> f64,
        at: f64,
    },
}

/// When the current call has to stop refining.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    at: Option<At>,
}

impl Deadline {
    /// A deadline `timeout` from now on `clock`; `None` never passes. So does a deadline on a
    /// clock the target cannot read (which [`crate::Options::validate`] refuses first).
    pub fn after(timeout: Option<Duration>, clock: Clock) -> Self {
        let at = timeout.and_then(|t| match clock {
            #[cfg(not(target_arch = "wasm32"))]
            Clock::Std => std::time::Instant::now().checked_add(t).map(At::Instant),
            #[cfg(target_arch = "wasm32")]
            Clock::Std => None,
            Clock::Millis(now) => {
                let at = now() + t.as_secs_f64() * 1000.0;
                at.is_finite().then_some(At::Millis { now, at })
            }
        });
        Deadline { at }
    }

    /// A deadline that never passes.
    pub const NEVER: Deadline = Deadline { at: None };

    /// Whether the deadline has passed. Reads the clock: call it per paragraph or per batch,
    /// not per token.
    pub fn passed(self) -> bool {
        match self.at {
            None => false,
            #[cfg(not(target_arch = "wasm32"))]
            Some(At::Instant(at)) => std::time::Instant::now() > at,
            Some(At::Millis { now, at }) => now() > at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

    /// A clock that moves one millisecond each time it is read.
    fn ticking() -> f64 {
        static TICKS: AtomicU32 = AtomicU32::new(0);
        f64::from(TICKS.fetch_add(1, Relaxed))
    }

    #[test]
    fn a_handed_in_clock_is_the_one_read() {
        let d = Deadline::after(Some(Duration::from_millis(3)), Clock::Millis(ticking));
        let reads_before_passing = (0..10).take_while(|_| !d.passed()).count();
        assert!((1..=4).contains(&reads_before_passing), "{reads_before_passing}");
    }

    #[test]
    fn no_timeout_never_passes() {
        assert!(!Deadline::after(None, Clock::Millis(ticking)).passed());
        assert!(!Deadline::NEVER.passed());
    }

    #[test]
    fn a_timeout_past_the_clock_range_never_passes() {
        let d = Deadline::after(Some(Duration::MAX), Clock::Millis(|| f64::MAX));
        assert!(!d.passed());
    }

    #[test]
    fn the_std_clock_passes_natively() {
        let d = Deadline::after(Some(Duration::from_nanos(1)), Clock::Std);
        std::thread::sleep(Duration::from_millis(1));
        assert!(d.passed());
    }

    #[test]
    fn clocks_compare_by_variant_and_function() {
        assert_eq!(Clock::default(), Clock::Std);
        assert_eq!(Clock::Millis(ticking), Clock::Millis(ticking));
        assert_ne!(Clock::Millis(ticking), Clock::Std);
    }
}
