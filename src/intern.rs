//! Interning: each distinct token key becomes a dense [`TokenId`], so diffing and similarity
//! compare integers instead of strings.

use std::borrow::Cow;

use crate::myers::id_type;
use crate::unicode::byte_masks::word_at;
use crate::unicode::fold::{fold_token_into, is_own_key, Fold};

id_type! {
    /// The id of an interned key: a token's folded text (a word, a space, a punctuation mark),
    /// or a short paragraph's whole folded text (`moves::short`). Dense: ids count up from 0.
    TokenId
}

/// Token key → id, for one diff call: a small open-addressing table (linear probing, at most
/// half full) over the keys in id order.
///
/// Not `HashMap`: this is the engine's only map, and hashbrown's generic table costs kilobytes of
/// the wasm module's size budget (docs/performance.md) for a job this narrow (insert-or-get of
/// short strings). An FxHash-style hash ([`hash`]) is
/// several times faster than SipHash on short keys; keys come from the documents, and a crafted
/// document aiming for collisions could only make the diff slower (bounded by the deadline),
/// never wrong.
#[derive(Debug, Default)]
pub(crate) struct Interner<'a> {
    /// Key of each id.
    keys: Vec<Cow<'a, str>>,
    /// The table: 0 for an empty slot, else the id plus one. Its length is a power of two.
    slots: Vec<u32>,
    scratch: String,
}

/// A key's hash for the table: FxHash's step (rotate, xor a word, multiply) over eight bytes at
/// a time and then the last few as one word, the high half folded onto the low bits that the
/// table reads. Keys are a word or a space: rustc-hash's `FxHasher::write` takes 16 bytes a step
/// with a 128-bit multiply (two 64-bit ones in wasm32) and costs more to set up and finish
/// than such a key takes to hash.
fn hash(key: &str) -> usize {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let bytes = key.as_bytes();
    let mut h = bytes.len() as u64;
    // (Plain index loops: see `byte_masks::word_at`.)
    let mut i = 0;
    while i + 8 <= bytes.len() {
        h = (h.rotate_left(26) ^ word_at(bytes, i)).wrapping_mul(K);
        i += 8;
    }
    let mut last = 0u64;
    while i < bytes.len() {
        last = last << 8 | u64::from(bytes[i]);
        i += 1;
    }
    h = (h.rotate_left(26) ^ last).wrapping_mul(K);
    (h ^ h >> 32) as usize
}

impl<'a> Interner<'a> {
    /// The id of `token`'s folded key. Tokens that are their own key are stored borrowed.
    pub fn intern(&mut self, token: &'a str, fold: Fold) -> TokenId {
        if is_own_key(token, fold) {
            return self.id(token, |_| Cow::Borrowed(token));
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        fold_token_into(token, fold, &mut scratch);
        let id = self.intern_folded(&scratch);
        self.scratch = scratch;
        id
    }

    /// The id of a key folded already (a whole short paragraph's, say), stored as a copy.
    pub fn intern_folded(&mut self, key: &str) -> TokenId {
        self.id(key, |key| Cow::Owned(key.to_string()))
    }

    /// The folded key of `id`.
    pub fn key(&self, id: TokenId) -> &str {
        &self.keys[id.0 as usize]
    }

    /// The id of `key`, adding `stored(key)` under a new id when it is not there yet.
    fn id(&mut self, key: &str, stored: impl FnOnce(&str) -> Cow<'a, str>) -> TokenId {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = hash(key) & mask;
        loop {
            match self.slots[at] {
                0 => {
                    let id = self.keys.len() as u32;
                    self.keys.push(stored(key));
                    self.slots[at] = id + 1;
                    return TokenId(id);
                }
                slot if self.keys[(slot - 1) as usize] == key => return TokenId(slot - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Doubles the table and puts every key back.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        self.slots = vec![0; size];
        for (id, key) in self.keys.iter().enumerate() {
            let mut at = hash(key) & (size - 1);
            while self.slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            self.slots[at] = id as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_variants_share_an_id() {
        let mut interner = Interner::default();
        let fold = Fold::default();
        let straight = interner.intern("'", fold);
        assert_eq!(interner.intern("\u{2019}", fold), straight);
        assert_eq!(interner.intern(" ", fold), interner.intern("\n\n", fold));
        assert_ne!(interner.intern("The", fold), interner.intern("the", fold));
        let nocase = Fold { ignore_case: true, ..fold };
        assert_eq!(interner.intern("THE", nocase), interner.intern("the", nocase));
    }

    #[test]
    fn hash_spreads_short_keys_over_the_low_bits() {
        // The table reads the low bits: 4,096 short keys, alike but for a byte or two, should
        // land on nearly as many of 65,536 slots as random numbers would (~3,970).
        let keys: Vec<String> = (0..4096).map(|i| format!("w{i}")).collect();
        let slots: std::collections::HashSet<usize> =
            keys.iter().map(|k| hash(k) & 0xFFFF).collect();
        assert!(slots.len() > 3800, "{}", slots.len());
        // Every byte counts, in the eight-byte steps and in the tail.
        let long = "abcdefghijklmnopqrstu";
        for at in 0..long.len() {
            let mut changed = long.as_bytes().to_vec();
            changed[at] ^= 1;
            assert_ne!(hash(long), hash(std::str::from_utf8(&changed).unwrap_or_default()), "{at}");
        }
    }

    #[test]
    fn ids_are_dense_and_stable_across_growth() {
        let mut interner = Interner::default();
        let words: Vec<String> = (0..10_000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(interner.intern(w, Fold::default()), TokenId(i as u32));
        }
        for (i, w) in words.iter().enumerate().rev() {
            assert_eq!(interner.intern(w, Fold::default()), TokenId(i as u32));
        }
    }
}
