//! Word-diff quality of Myers vs Patience on two texts taken as one paragraph each:
//! `cargo run --release --example compare_algorithms -- OLD NEW`. Prints, per algorithm, the
//! number of change hunks and of changed word tokens (fewer of both reads better).

use similar::{capture_diff_slices, Algorithm, DiffOp};

fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !c.is_alphanumeric() {
            if start < i {
                out.push(&text[start..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = args.as_slice() else {
        return Err("usage: compare_algorithms OLD NEW".into());
    };
    let (old, new) = (std::fs::read_to_string(old)?, std::fs::read_to_string(new)?);
    let (a, b) = (tokens(&old), tokens(&new));
    for alg in [Algorithm::Myers, Algorithm::Patience, Algorithm::Histogram] {
        let t = std::time::Instant::now();
        let ops = capture_diff_slices(alg, &a, &b);
        let hunks = ops.iter().filter(|op| !matches!(op, DiffOp::Equal { .. })).count();
        let changed: usize = ops
            .iter()
            .filter(|op| !matches!(op, DiffOp::Equal { .. }))
            .map(|op| {
                let words = |r: std::ops::Range<usize>, t: &[&str]| {
                    t[r].iter().filter(|w| w.chars().all(char::is_alphanumeric)).count()
                };
                words(op.old_range(), &a) + words(op.new_range(), &b)
            })
            .sum();
        println!("{alg:?}: {hunks} hunks, {changed} changed words, {:?}", t.elapsed());
    }
    Ok(())
}
