//! Holds the readers and the engine to their contracts on real documents, pairs of files named
//! on standard input (`OLD<TAB>NEW` a line):
//!
//! ```text
//! cargo run --release --example real_pairs -- html < pairs.tsv
//! cargo run --release --example real_pairs -- markdown < pairs.tsv
//! ```
//!
//! For each pair: both sources read (`markup::read`); `read_pair` both ways equal to them, field
//! for field; the documents diff and the plain-text diff of the two sources each held to the
//! model's invariants (`tests/invariants/mod.rs`, the checker the property tests and the fuzzer
//! use); a panic is a failure too. Prints each failure, the five slowest pairs, and
//! `N pairs, N failed`; exits non-zero when one failed.
//!
//! Real revisions are at hand on any machine with rustup: the same page of two toolchains'
//! documentation (`rustup doc --path` of stable and of nightly) is two revisions of one HTML
//! document, and the `README.md` or `CHANGELOG.md` of two versions of one crate under
//! `~/.cargo/registry/src` two revisions of one Markdown document. docs/markup.md says what
//! was run and found.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/invariants/mod.rs"]
mod invariants;

/// `wasm-pack test` builds the examples for wasm32 too, where the reader is not compiled.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::BufRead;
    use std::time::Instant;

    use article_diff::markup::Markup;

    let Some(markup) = std::env::args().nth(1).as_deref().and_then(Markup::from_name) else {
        eprintln!("usage: real_pairs html|markdown < pairs.tsv (OLD<TAB>NEW a line)");
        return std::process::ExitCode::FAILURE;
    };
    let (mut pairs, mut failed) = (0, 0);
    let mut times: Vec<(f64, String)> = Vec::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Some((old_path, new_path)) = line.split_once('\t') else { continue };
        let (old, new) =
            match (std::fs::read_to_string(old_path), std::fs::read_to_string(new_path)) {
                (Ok(old), Ok(new)) => (old, new),
                _ => {
                    eprintln!("skipped (not UTF-8 text, or unreadable): {line}");
                    continue;
                }
            };
        pairs += 1;
        let started = Instant::now();
        let problems = std::panic::catch_unwind(|| check(&old, &new, markup))
            .unwrap_or_else(|_| vec!["panicked".to_string()]);
        times.push((started.elapsed().as_secs_f64() * 1e3, line.clone()));
        if !problems.is_empty() {
            failed += 1;
            println!("FAILED {line}: {}", problems.join("; "));
        }
    }
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, line) in times.iter().take(5) {
        println!("slow: {ms:.1} ms {line}");
    }
    println!("{pairs} pairs, {failed} failed");
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

/// What is wrong with one pair, as sentences (none: all holds).
#[cfg(not(target_arch = "wasm32"))]
fn check(old: &str, new: &str, markup: article_diff::markup::Markup) -> Vec<String> {
    use article_diff::markup::{read, read_pair};
    use article_diff::{diff, diff_documents, Options};

    let options = Options::default();
    let mut problems = Vec::new();
    let (old_doc, new_doc) = match (read(old, markup), read(new, markup)) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => return vec![format!("unread: {:?}, {:?}", o.err(), n.err())],
    };
    let ways = [
        ("forward", (old, new), (&old_doc, &new_doc)),
        ("backward", (new, old), (&new_doc, &old_doc)),
    ];
    for (way, (a, b), (read_a, read_b)) in ways {
        match read_pair(a, b, markup) {
            Ok((x, y)) if (&x, &y) != (read_a, read_b) => {
                problems.push(format!("read_pair ({way}) differs from read"));
            }
            Ok(_) => {}
            Err(e) => problems.push(format!("read_pair ({way}): {e}")),
        }
    }
    match diff_documents(&old_doc, &new_doc, &options) {
        Ok(d) => {
            if let Err(e) = invariants::check_documents(&d, &old_doc, &new_doc, &options) {
                problems.push(format!("documents diff: {e}"));
            }
        }
        Err(e) => problems.push(format!("documents diff: {e}")),
    }
    match diff(old, new, &options) {
        Ok(d) => {
            if let Err(e) = invariants::check(&d, old, new, &options) {
                problems.push(format!("diff of the sources: {e}"));
            }
        }
        Err(e) => problems.push(format!("diff of the sources: {e}")),
    }
    problems
}
