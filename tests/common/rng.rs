//! xorshift64: deterministic pseudo-random numbers, so every generated input reproduces.
//!
//! Shared by the tests (through `tests/common`), the crate's unit tests (as
//! `paragraphs::side::rng`), the benches and the examples (which include this file with
//! `#[path]`).

/// A xorshift64 generator; the seed must not be zero.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (which must not be zero).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
