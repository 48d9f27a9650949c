//! Prints the diff of two files as text rows: `cargo run --example show -- OLD NEW`.
//!
//! Changes are marked `[-deleted-]` / `[+inserted+]`, cosmetic ones `{-…-}` / `{+…+}`.

use article_diff::{diff, Options};

// The same markup as the tests' (`[-deleted-]`, `{+cosmetic+}`).
#[path = "../tests/common/mod.rs"]
mod common;
use common::markup;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old_path, new_path] = args.as_slice() else {
        return Err("usage: show OLD NEW".into());
    };
    let (old, new) = (std::fs::read_to_string(old_path)?, std::fs::read_to_string(new_path)?);
    let d = diff(&old, &new, &Options::default())?;
    for (i, row) in d.rows().enumerate() {
        let mv = row.move_id.map(|m| format!(" move#{}", m + 1)).unwrap_or_default();
        let cos = if row.cosmetic { " (cosmetic)" } else { "" };
        println!("── row {i} {:?}{mv}{cos}", row.kind);
        if let Some(c) = &row.old {
            println!("  old {:?}: {}", c.paragraphs, markup(&c.spans));
        }
        if let Some(c) = &row.new {
            println!("  new {:?}: {}", c.paragraphs, markup(&c.spans));
        }
    }
    println!("── stats {:?}", d.stats);
    println!("── moves {:?} approximate {}", d.moves, d.approximate);
    Ok(())
}
