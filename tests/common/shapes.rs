//! The attack shapes of issue 21: degenerate pairs whose cost lies in the count of paragraphs,
//! rows, tokens or edits rather than in their bytes. Shared by `tests/adversarial.rs` (exact),
//! `tests/limits.rs` (deadlines, memory) and `examples/shapes.rs` (where the time goes).
//!
//! [`Shape::make`] builds a pair at a scale of the size the issue measured it at (1.0);
//! [`Shape::at`] at about a given number of bytes per side.
#![allow(dead_code)]

/// A xorshift generator (the shapes must not depend on `common/rng.rs`, which the test files
/// that include this one declare themselves).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One shape: a name, what it is, its size per side at scale 1.0, and how to build it.
pub struct Shape {
    pub name: &'static str,
    pub what: &'static str,
    /// Bytes of the old side at scale 1.0.
    pub bytes: usize,
    make: fn(f64) -> (String, String),
}

impl Shape {
    /// The pair at `scale` times the size.
    pub fn make(&self, scale: f64) -> (String, String) {
        (self.make)(scale)
    }

    /// The pair at about `bytes` per side (never above the size).
    pub fn at(&self, bytes: usize) -> (String, String) {
        self.make((bytes as f64 / self.bytes as f64).min(1.0))
    }
}

/// `count` scaled, at least one.
fn n(count: f64, scale: f64) -> usize {
    ((count * scale) as usize).max(1)
}

/// `count` distinct one-word lines, and the same lines shuffled.
fn shuffled_lines(count: usize, seed: u64) -> (String, String) {
    let lines: Vec<String> = (0..count).map(|k| format!("w{k}\n")).collect();
    let mut shuffled = lines.clone();
    let mut rng = Rng(seed);
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    (lines.concat(), shuffled.concat())
}

/// A line of `chars` random characters from many scripts (with and without case, CJK,
/// Hangul, combining marks, emoji, astral letters), spaces and punctuation, without newlines.
pub fn random_unicode_line(chars: usize, seed: u64) -> String {
    const RANGES: &[(u32, u32)] = &[
        (0x20, 0x7E),
        (0xC0, 0x24F),
        (0x300, 0x36F),
        (0x370, 0x3FF),
        (0x400, 0x4FF),
        (0x590, 0x5FF),
        (0x600, 0x6FF),
        (0xE00, 0xE7F),
        (0x1E00, 0x1EFF),
        (0x3040, 0x30FF),
        (0x4E00, 0x9FFF),
        (0xAC00, 0xD7A3),
        (0x1F300, 0x1F64F),
        (0x10400, 0x1044F),
    ];
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(chars * 3);
    for _ in 0..chars {
        let (lo, hi) = RANGES[rng.below(RANGES.len())];
        // Every code point of these ranges is a char (none is a surrogate).
        s.push(char::from_u32(lo + rng.below((hi - lo + 1) as usize) as u32).unwrap_or(' '));
    }
    s
}

/// Every shape, in the order of the issue.
pub const ALL: &[Shape] = &[
    Shape {
        name: "identical-lines",
        what: "'a\\n' × 1M against itself",
        bytes: 2_000_000,
        make: |s| ("a\n".repeat(n(1e6, s)), "a\n".repeat(n(1e6, s))),
    },
    Shape {
        name: "replaced-lines",
        what: "'a\\n' × 300k against 'b\\n' × 300k",
        bytes: 600_000,
        make: |s| ("a\n".repeat(n(3e5, s)), "b\n".repeat(n(3e5, s))),
    },
    Shape {
        name: "replaced-lines-huge",
        what: "'a\\n' × 1.8M against 'b\\n' × 1.8M (its result outgrew a JavaScript string)",
        bytes: 3_600_000,
        make: |s| ("a\n".repeat(n(1.8e6, s)), "b\n".repeat(n(1.8e6, s))),
    },
    Shape {
        name: "swapped-pairs",
        what: "'a\\nb\\n' × 100k against 'b\\na\\n' × 100k",
        bytes: 400_000,
        make: |s| ("a\nb\n".repeat(n(1e5, s)), "b\na\n".repeat(n(1e5, s))),
    },
    Shape {
        name: "shuffled-lines",
        what: "100k distinct one-word lines, shuffled",
        bytes: 688_890,
        make: |s| shuffled_lines(n(1e5, s), 21),
    },
    Shape {
        name: "shuffled-paragraphs",
        what: "20k distinct one-word paragraphs (blank lines between), shuffled",
        bytes: 148_890,
        make: |s| {
            let (a, b) = shuffled_lines(n(2e4, s), 22);
            (a.replace('\n', "\n\n"), b.replace('\n', "\n\n"))
        },
    },
    Shape {
        name: "unicode-line-upper",
        what: "a 1M-character line of random Unicode against its upper case",
        bytes: 2_570_000,
        make: |s| {
            let line = random_unicode_line(n(1e6, s), 5);
            let upper = line.to_uppercase();
            (line, upper)
        },
    },
    Shape {
        name: "unicode-line-unrelated",
        what: "two unrelated 1M-character lines of random Unicode",
        bytes: 2_570_000,
        make: |s| (random_unicode_line(n(1e6, s), 6), random_unicode_line(n(1e6, s), 7)),
    },
    Shape {
        name: "one-word-repeated",
        what: "'the ' × 1M against 'a ' × 1M, one paragraph each",
        bytes: 4_000_000,
        make: |s| ("the ".repeat(n(1e6, s)), "a ".repeat(n(1e6, s))),
    },
    Shape {
        name: "alternating-words",
        what: "'a b ' × 500k against 'b a ' × 500k, one paragraph each",
        bytes: 2_000_000,
        make: |s| ("a b ".repeat(n(5e5, s)), "b a ".repeat(n(5e5, s))),
    },
    Shape {
        name: "blank-lines",
        what: "'\\n' × 2M against '\\n \\n' × 700k: no paragraph at all",
        bytes: 2_000_000,
        make: |s| ("\n".repeat(n(2e6, s)), "\n \n".repeat(n(7e5, s))),
    },
    Shape {
        name: "cjk-wide",
        what: "'日' × 2^27 against 'x' (402 MB: over the input cap)",
        bytes: 402_653_184,
        make: |s| ("日".repeat(n(134_217_728.0, s)), "x".to_string()),
    },
];

/// The shape called `name`.
pub fn named(name: &str) -> &'static Shape {
    ALL.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no shape {name}"))
}
