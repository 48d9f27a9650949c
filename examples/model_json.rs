//! Writes the whole model of each pair in a directory as JSON, for checking that a change to
//! the engine changes no result: `cargo run --release --example model_json -- DIR OUT [ID…]`.
//!
//! `DIR` holds `ID.old.txt` and `ID.new.txt` for each input (read by `common/inputs.rs`, as
//! for `native_times`); without IDs every pair in `DIR` is written. `OUT`
//! gets `ID.json` (the model with its rows) and `ID.options.json` (the same pair with every
//! option on). No deadline, so a slow machine and a fast one write the same bytes; comparing
//! two `OUT` directories (`cmp`, `diff -r`) shows any change.

use article_diff::{diff, Diff, Options};

#[path = "common/inputs.rs"]
mod inputs;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: model_json DIR OUT [ID…]".into());
    };
    std::fs::create_dir_all(&out)?;
    let plain = Options::default().with_timeout(None);
    let every =
        plain.clone().with_ignore_case(true).with_ignore_whitespace(true).with_move_threshold(0.5);
    for pair in inputs::pairs(&dir, args.collect())? {
        let inputs::Pair { id, old, new } = pair?;
        for (suffix, options) in [("", &plain), (".options", &every)] {
            let model = diff(&old, &new, options)?;
            std::fs::write(format!("{out}/{id}{suffix}.json"), json(&model)?)?;
        }
        eprintln!("{id}");
    }
    Ok(())
}

/// The model and its rows (which the model builds on demand, so they are not among its fields).
fn json(model: &Diff<'_>) -> serde_json::Result<String> {
    let mut value = serde_json::to_value(model)?;
    value["rows"] = serde_json::to_value(model.rows().collect::<Vec<_>>())?;
    serde_json::to_string(&value)
}
