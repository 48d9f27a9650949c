//! Sorting by one integer key, through a single instantiation of the standard sort.
//!
//! Every `sort_by_key` with its own element type and closure compiles its own copy of the
//! standard sort into the wasm module, kilobytes each (docs/performance.md). The engine's sorts are all "by an integer key", so they go through one `sort_unstable` on
//! `(u64, u32)` pairs and a permutation.

/// Sorts `items` by `key`, ascending. Ties end up in a deterministic order (by position).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, u32)> =
        items.iter().enumerate().map(|(i, item)| (key(item), i as u32)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // Each index appears exactly once in `keyed`, so every slot is taken exactly once.
    items.extend(keyed.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

/// A key that sorts larger similarities first (similarities are finite and non-negative, whose
/// IEEE bits order like the numbers).
pub(crate) fn descending(similarity: f64) -> u64 {
    !similarity.max(0.0).to_bits()
}

/// Two indices as one key, `high` first.
pub(crate) fn pair(high: usize, low: usize) -> u64 {
    ((high as u64) << 32) | (low as u64 & 0xFFFF_FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_every_item() {
        let mut v = vec!["ccc", "a", "bb", "dddd", ""];
        sort_by_key(&mut v, |s| s.len() as u64);
        assert_eq!(v, ["", "a", "bb", "ccc", "dddd"]);
    }

    #[test]
    fn descending_similarity() {
        let mut v = vec![0.5, 1.0, 0.0, 0.75];
        sort_by_key(&mut v, |&s| descending(s));
        assert_eq!(v, [1.0, 0.75, 0.5, 0.0]);
    }

    #[test]
    fn pair_orders_by_high_then_low() {
        assert!(pair(1, 0) > pair(0, 9));
        assert!(pair(2, 3) < pair(2, 4));
    }
}
