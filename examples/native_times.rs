//! The native core's time on the browser benchmark's inputs, so each browser figure has its
//! native counterpart: `cargo run --release --example native_times -- DIR [ID…]`.
//!
//! `DIR` holds `ID.old.txt` and `ID.new.txt` for each input (`bench/run.mjs` writes them from
//! `bench/inputs.mjs`, so both runs diff the same texts; `common/inputs.rs` reads them); without
//! IDs every pair in `DIR` runs.
//! Each input is timed as the browser benchmark times a call: warm-up calls until at least 2
//! calls and 1 s are done (a call over 1 s ends the warm-up), then up to 7 timed calls, fewer
//! once 10 s are spent; the median is reported. Only `article_diff::diff` is timed (default
//! options, as the browser's `diff(oldText, newText, {})`), not reading the files.
//!
//! Prints one JSON object per line: `{"id", "medianMs", "firstMs", "runs", "rows", "blocks",
//! "approximate"}`.
//!
//! `native_times DIR --serve` times batches on request instead, so that `bench/run.mjs` can
//! take them in turn with the browser's batches on the same machine load: each line `ID CALLS`
//! read from stdin is answered by `{"id", "meanMs", "calls"}`, the mean of CALLS calls in a row
//! (an input is read and warmed up with two calls on its first request, and kept).

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::time::Instant;

use article_diff::{diff, Options};

#[path = "common/inputs.rs"]
mod inputs;

const WARMUP_CALLS: usize = 2;
const WARMUP_MS: f64 = 1000.0;
const SLOW_CALL_MS: f64 = 1000.0;
const RUNS: usize = 7;
const BUDGET_MS: f64 = 10_000.0;

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    let m = times.len() / 2;
    if times.len() % 2 == 1 {
        times[m]
    } else {
        (times[m - 1] + times[m]) / 2.0
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: native_times DIR [ID…] | DIR --serve")?;
    let options = Options::default();
    let ids: Vec<String> = args.collect();
    if ids.iter().any(|a| a == "--serve") {
        return serve(&dir, &options);
    }
    for pair in inputs::pairs(&dir, ids)? {
        let inputs::Pair { id, old, new } = pair?;
        let call = || {
            let t0 = Instant::now();
            let d =
                diff(&old, &new, &options).map(|d| (d.row_count(), d.blocks.len(), d.approximate));
            (d, t0.elapsed().as_secs_f64() * 1000.0)
        };
        let (first, first_ms) = call();
        let (rows, blocks, approximate) = first?;
        let (mut warmed, mut spent, mut last_ms) = (1, first_ms, first_ms);
        while last_ms <= SLOW_CALL_MS && (warmed < WARMUP_CALLS || spent < WARMUP_MS) {
            last_ms = call().1;
            warmed += 1;
            spent += last_ms;
        }
        let (mut times, mut spent) = (Vec::new(), 0.0);
        while times.len() < RUNS && (times.is_empty() || spent < BUDGET_MS) {
            let ms = call().1;
            times.push(ms);
            spent += ms;
        }
        let runs = times.len();
        println!(
            "{{\"id\":\"{id}\",\"medianMs\":{:.4},\"firstMs\":{first_ms:.4},\"runs\":{runs},\"rows\":{rows},\"blocks\":{blocks},\"approximate\":{approximate}}}",
            median(&mut times)
        );
    }
    Ok(())
}

/// The `--serve` mode: answers each `ID CALLS` line on stdin with the mean time of CALLS calls.
fn serve(dir: &str, options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    let mut loaded: HashMap<String, inputs::Pair> = HashMap::new();
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let line = line?;
        let (id, calls) = line.trim().split_once(' ').ok_or("expected `ID CALLS`")?;
        let calls: usize = calls.parse()?;
        if !loaded.contains_key(id) {
            let pair =
                inputs::pairs(dir, vec![id.to_string()])?.next().ok_or("no such input")??;
            for _ in 0..2 {
                diff(&pair.old, &pair.new, options)?;
            }
            loaded.insert(id.to_string(), pair);
        }
        let pair = &loaded[id];
        let t0 = Instant::now();
        for _ in 0..calls.max(1) {
            drop(diff(&pair.old, &pair.new, options)?);
        }
        let mean_ms = t0.elapsed().as_secs_f64() * 1000.0 / calls.max(1) as f64;
        writeln!(out, "{{\"id\":\"{id}\",\"meanMs\":{mean_ms:.4},\"calls\":{calls}}}")?;
        out.flush()?;
    }
    Ok(())
}
