//! Our flat edits for benchmark input pairs, to score them natively without the browser:
//! `cargo run --release --example quality -- DIR ID…` reads `DIR/ID.old` and `DIR/ID.new`,
//! writes `DIR/ID.ours.json` (`[[op, text], …]`: 0 equal, -1 deleted, 1 inserted) and prints
//! the fastest of four calls. Score a file with bench/metrics.mjs's `quality(edits, old, new)`
//! (changed words, hunks), as the benchmark does; `bench/inputs.mjs`'s `buildInputs` makes the
//! pairs (`seed`, `gpl`, `licences`, `book`, …).

use article_diff::{diff, Op, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, ids)) = args.split_first() else { return Err("usage: quality DIR ID…".into()) };
    for id in ids {
        let old = std::fs::read_to_string(format!("{dir}/{id}.old"))?;
        let new = std::fs::read_to_string(format!("{dir}/{id}.new"))?;
        // The fastest of a few calls: this machine is shared and noisy.
        let mut elapsed = std::time::Duration::MAX;
        for _ in 0..4 {
            let t = std::time::Instant::now();
            let _ = diff(&old, &new, &Options::default())?;
            elapsed = elapsed.min(t.elapsed());
        }
        let d = diff(&old, &new, &Options::default())?;
        let edits: Vec<(i8, &str)> = d
            .edits
            .iter()
            .map(|e| (match e.op { Op::Equal => 0, Op::Delete => -1, Op::Insert => 1 }, e.text))
            .collect();
        std::fs::write(format!("{dir}/{id}.ours.json"), serde_json::to_string(&edits)?)?;
        let s = &d.stats;
        eprintln!(
            "{id}: {elapsed:?}, {} moves, approximate {}; paragraphs changed {}, split {}, merged {}, moved {}, inserted {}, deleted {}",
            d.moves.len(),
            d.approximate,
            s.paragraphs_changed,
            s.paragraphs_split,
            s.paragraphs_merged,
            s.paragraphs_moved,
            s.paragraphs_inserted,
            s.paragraphs_deleted
        );
    }
    Ok(())
}

