//! Our flat edits for benchmark input pairs, to score them natively without the browser:
//! `cargo run --release --example quality -- DIR ID…` reads `DIR/ID.old` and `DIR/ID.new`,
//! writes `DIR/ID.ours.json` (`[[op, text], …]`: 0 equal, -1 deleted, 1 inserted) and
//! `DIR/ID.rows.json` (`[old paragraphs, new paragraphs, rows]`: paragraphs as UTF-16
//! `[start, end]`, rows as `[old paragraph indices, new paragraph indices]`) and prints
//! the fastest of four calls. Score a file with bench/metrics.mjs's `quality(edits, old, new)`
//! (changed words, hunks), as the benchmark does; `bench/inputs.mjs`'s `buildInputs` makes the
//! pairs (`seed`, `gpl`, `licences`, `book`, …).

use article_diff::{diff, Op, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, ids)) = args.split_first() else {
        return Err("usage: quality DIR ID…".into());
    };
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
            .map(|e| {
                (
                    match e.op {
                        Op::Equal => 0,
                        Op::Delete => -1,
                        Op::Insert => 1,
                    },
                    e.text,
                )
            })
            .collect();
        std::fs::write(format!("{dir}/{id}.ours.json"), serde_json::to_string(&edits)?)?;
        // Which paragraphs each row shows, with paragraph offsets in UTF-16 units (as JS
        // slices), to tell a word matched in its own row from one matched across rows.
        let utf16 = |text: &str, paras: &[article_diff::Paragraph]| -> Vec<(usize, usize)> {
            let (mut at, mut units) = (0, 0);
            let mut to_units = |byte: usize| {
                units += text[at..byte].encode_utf16().count();
                at = byte;
                units
            };
            paras.iter().map(|p| (to_units(p.byte_start), to_units(p.byte_end))).collect()
        };
        let cells = |c: &Option<article_diff::Cell<'_>>| {
            c.as_ref().map_or(Vec::new(), |c| c.paragraphs.clone())
        };
        let rows: Vec<(Vec<usize>, Vec<usize>)> =
            d.rows().map(|r| (cells(&r.old), cells(&r.new))).collect();
        let layout = (utf16(&old, &d.old_paragraphs), utf16(&new, &d.new_paragraphs), rows);
        std::fs::write(format!("{dir}/{id}.rows.json"), serde_json::to_string(&layout)?)?;
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
