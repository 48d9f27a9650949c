//! The benchmark's inputs as `bench/run.mjs` writes them (from `bench/inputs.mjs`): a directory
//! holding `ID.old.txt` and `ID.new.txt` for each input. Shared by the examples that run the
//! engine on them (`native_times`, `model_json`), so that both read the same pairs the same way.

use std::io;

/// One input: its id and its two texts.
pub struct Pair {
    pub id: String,
    pub old: String,
    pub new: String,
}

/// The pairs `ids` names in `dir`, or, with no ids, every pair in `dir` in id order. Each pair
/// is read when the iterator reaches it, so only one is held at a time.
///
/// # Errors
/// Listing `dir` fails; each item fails when one of its two files cannot be read as UTF-8.
pub fn pairs(dir: &str, ids: Vec<String>) -> io::Result<impl Iterator<Item = io::Result<Pair>>> {
    let ids = if ids.is_empty() { all_ids(dir)? } else { ids };
    let dir = dir.to_string();
    Ok(ids.into_iter().map(move |id| {
        let old = std::fs::read_to_string(format!("{dir}/{id}.old.txt"))?;
        let new = std::fs::read_to_string(format!("{dir}/{id}.new.txt"))?;
        Ok(Pair { id, old, new })
    }))
}

/// The id of every `ID.old.txt` in `dir`, sorted.
fn all_ids(dir: &str) -> io::Result<Vec<String>> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".old.txt") {
            ids.push(id.to_string());
        }
    }
    ids.sort();
    Ok(ids)
}
