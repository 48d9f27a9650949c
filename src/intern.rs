//! Interning: each distinct token key becomes a dense `u32` id, so diffing and similarity
//! compare integers instead of strings.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use crate::normalize::{fold_token_into, is_own_key, Fold};

/// A fast, non-cryptographic hash map. Keys here come from the documents being diffed, and a
/// crafted document could in principle aim for collisions; the cost of that is slowness bounded
/// by the deadline, never a wrong diff, and FxHash is several times faster than SipHash on the
/// short keys that dominate this hot path.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Token key → id, for one diff call.
#[derive(Debug, Default)]
pub(crate) struct Interner<'a> {
    ids: FastMap<Cow<'a, str>, u32>,
    scratch: String,
}

impl<'a> Interner<'a> {
    /// The id of `token`'s folded key. Tokens that are their own key are stored borrowed.
    pub fn intern(&mut self, token: &'a str, fold: Fold) -> u32 {
        let next = self.ids.len() as u32;
        if is_own_key(token, fold) {
            return *self.ids.entry(Cow::Borrowed(token)).or_insert(next);
        }
        self.scratch.clear();
        fold_token_into(token, fold, &mut self.scratch);
        if let Some(&id) = self.ids.get(self.scratch.as_str()) {
            return id;
        }
        self.ids.insert(Cow::Owned(self.scratch.clone()), next);
        next
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
}
