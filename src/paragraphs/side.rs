//! One input text ("side") with its paragraphs, their hashes and (computed on demand) their
//! word profiles.
//!
//! A profile is the sorted list of a paragraph's word ids (folded keys, so `don’t` and `don't`
//! are one word); [`super::similarity`] compares two. Building it tokenizes the paragraph and
//! interns every token, and the side keeps both (for the profiled paragraphs only, the changed
//! ones): the word diff of a changed pair reads them instead of tokenizing its texts again
//! ([`crate::words::diff_cells`]).
//!
//! A paragraph without words (`★★★★☆`, `* * *`, a line of emoji) is profiled by its symbols
//! instead, so it pairs with its edited version (`★★★☆☆`) like any paragraph does. Word and
//! symbol ids never coincide, so such a profile can only match another wordless one.

use core::ops::Range;

use crate::call::Ctx;
use crate::intern::TokenId;
use crate::model::Paragraph;
use crate::myers::Id;
use crate::paragraphs;
use crate::unicode::byte_masks::word_at;
use crate::unicode::tokenize::{tokenize, Token, TokenKind};

/// Tokens interned between two reads of the clock while profiles are built.
const TOKENS_PER_CLOCK_READ: usize = 4096;

/// One input and its paragraphs.
pub(crate) struct Side<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Paragraph>,
    /// Each paragraph's profile once built, with its tokens when [`TOKENS`] says so; empty
    /// until the first is (identical texts never need one). One allocation a paragraph, laid
    /// out as `[T, the T tokens' ids, the T tokens' ends, the profile]` with [`TOKENS`], else as
    /// the profile alone; a token's end is its offset from the paragraph's start shifted left
    /// by two over its kind ([`pack`]), and it starts where the one before it ends.
    profiles: Vec<Option<Box<[TokenId]>>>,
    /// [`WORDLESS`] and [`TOKENS`] of each paragraph; set with the profile.
    flags: Vec<u8>,
}

/// The paragraph has no word: its profile holds symbols.
const WORDLESS: u8 = 1;
/// The profile's allocation holds the paragraph's tokens (see [`Side::profiles`]): one of two
/// tokens or more. (A text of one-word lines has a paragraph per few bytes; the word diff
/// tokenizes a one-token paragraph again for less than the room its token would take.)
const TOKENS: u8 = 2;

impl<'a> Side<'a> {
    pub fn new(text: &'a str) -> Self {
        Side { text, paragraphs: paragraphs::split(text), profiles: Vec::new(), flags: Vec::new() }
    }

    /// Paragraph `i`'s text.
    pub fn para(&self, i: usize) -> &'a str {
        self.paragraphs[i].text(self.text)
    }

    /// The text from paragraph `range.start`'s first byte to paragraph `range.end - 1`'s last.
    pub fn cell(&self, range: &Range<usize>) -> (usize, &'a str) {
        let start = self.paragraphs[range.start].byte_start;
        let end = self.paragraphs[range.end - 1].byte_end;
        (start, crate::unicode::text::slice(self.text, start..end))
    }

    /// Exact-text hashes of all paragraphs, for the paragraph-level diff.
    pub fn hashes(&self) -> Vec<u64> {
        // Bytes, not `str`: a paragraph's ends are char boundaries, so there is nothing to check.
        // A plain loop over slices: at `opt-level = "z"` an iterator adaptor stays a call per
        // paragraph, and a text of one-letter lines has a paragraph per two bytes.
        let (bytes, paragraphs) = (self.text.as_bytes(), self.paragraphs.as_slice());
        let mut out = vec![0; paragraphs.len()];
        let slots = out.as_mut_slice();
        let mut k = 0;
        while k < paragraphs.len() {
            slots[k] = hash(&bytes[paragraphs[k].byte_start..paragraphs[k].byte_end]);
            k += 1;
        }
        out
    }

    /// Fills the profiles of `indices` (so later shared borrows can read them): each
    /// paragraph's word ids, sorted (its symbol ids when it has no word), and its tokens with
    /// their ids ([`Side::push_tokens`]). `false` when the deadline passed first; the profiles
    /// built so far stay. The clock is read every [`TOKENS_PER_CLOCK_READ`] tokens, so one huge
    /// paragraph is cut short too.
    pub fn ensure_profiles(
        &mut self,
        indices: impl IntoIterator<Item = usize>,
        ctx: &mut Ctx<'a>,
    ) -> bool {
        if self.profiles.is_empty() {
            self.profiles.resize(self.paragraphs.len(), None);
            self.flags.resize(self.paragraphs.len(), 0);
        }
        let mut work = 0;
        let mut tokens = std::mem::take(&mut ctx.old_tokens);
        let mut keys = std::mem::take(&mut ctx.old_keys);
        let mut complete = true;
        for i in indices {
            if self.profiles[i].is_some() {
                continue;
            }
            let text = self.para(i);
            tokenize(text, &mut tokens);
            keys.clear();
            let mut words = 0;
            for t in &tokens {
                work += 1;
                if work % TOKENS_PER_CLOCK_READ == 0 && ctx.deadline.passed() {
                    complete = false;
                    break;
                }
                words += usize::from(t.kind == TokenKind::Word);
                keys.push(ctx.interner.intern(t.text(text), ctx.fold));
            }
            if !complete {
                break;
            }
            let wordless = words == 0;
            let kind = if wordless { TokenKind::Punct } else { TokenKind::Word };
            // Ends shifted by two must fit a `u32` (else the word diff tokenizes it again).
            let kept = tokens.len() > 1 && text.len() < 1 << 30;
            let mut flags = if wordless { WORDLESS } else { 0 };
            let mut entry = Vec::with_capacity(if kept { 1 + 2 * tokens.len() } else { 0 } + words);
            if kept {
                flags |= TOKENS;
                entry.push(TokenId(tokens.len() as u32));
                entry.extend_from_slice(&keys);
                entry.extend(tokens.iter().map(|t| TokenId(pack(t))));
            }
            let profile = entry.len();
            for (t, &id) in tokens.iter().zip(&keys) {
                if t.kind == kind {
                    entry.push(id);
                }
            }
            sort_ids(&mut entry[profile..]);
            self.flags[i] = flags;
            self.profiles[i] = Some(entry.into_boxed_slice());
        }
        ctx.old_tokens = tokens;
        ctx.old_keys = keys;
        complete
    }

    /// A profile already filled by [`Side::ensure_profiles`] (empty otherwise).
    pub fn profile_ref(&self, i: usize) -> &[TokenId] {
        let entry = self.profiles.get(i).and_then(Option::as_deref).unwrap_or_default();
        if self.flags.get(i).is_some_and(|&f| f & TOKENS != 0) {
            &entry[1 + 2 * entry[0].0 as usize..]
        } else {
            entry
        }
    }

    /// Appends paragraph `i`'s tokens and their ids, if its profile kept them; `false` (and
    /// nothing appended) if not.
    pub fn push_tokens(&self, i: usize, tokens: &mut Vec<Token>, keys: &mut Vec<TokenId>) -> bool {
        let Some(entry) = self.profiles.get(i).and_then(Option::as_deref) else { return false };
        if self.flags[i] & TOKENS == 0 {
            return false;
        }
        let count = entry[0].0 as usize;
        keys.extend_from_slice(&entry[1..1 + count]);
        let mut start = 0;
        for &packed in &entry[1 + count..1 + 2 * count] {
            let t = unpack(packed.0, start);
            start = t.end;
            tokens.push(t);
        }
        true
    }

    /// Whether paragraph `i` (profile filled) has no word, so its profile holds symbols.
    pub fn wordless(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|&f| f & WORDLESS != 0)
    }

    /// Paragraph `i`'s number of words (profile filled).
    pub fn words(&self, i: usize) -> usize {
        if self.wordless(i) {
            0
        } else {
            self.profile_ref(i).len()
        }
    }
}

/// A token's end (from its paragraph's start, below 2^30) and kind, as one number.
fn pack(t: &Token) -> u32 {
    let kind = match t.kind {
        TokenKind::Word => 0,
        TokenKind::Space => 1,
        TokenKind::Punct => 2,
    };
    t.end << 2 | kind
}

/// The token [`pack`] gave `packed`, starting at `start`.
fn unpack(packed: u32, start: u32) -> Token {
    let kind = match packed & 3 {
        0 => TokenKind::Word,
        1 => TokenKind::Space,
        _ => TokenKind::Punct,
    };
    Token { start, end: packed >> 2, kind }
}

/// A 64-bit hash of a paragraph's bytes: four FxHash-style lanes (rotate, xor a word, multiply)
/// over 32 bytes a step, then the tail, then a final mix.
///
/// Every byte of both texts goes through here. rustc-hash's `FxHasher::write` takes 16 bytes a
/// step, with a 128-bit multiply that wasm32 does as two 64-bit ones (docs/performance.md);
/// four independent lanes of one native 64-bit multiply each keep the multiplier busy. Not collision-resistant, like FxHash: a collision makes two paragraphs look
/// identical to the paragraph diff, and their row, which compares the texts, shows the change.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let len = bytes.len();
    let (mut a, mut b, mut c, mut d): (u64, u64, u64, u64) =
        (len as u64, 0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0);
    // (Plain index loops: see `byte_masks::word_at`.)
    let mut i = 0;
    while i + 32 <= len {
        a = (a.rotate_left(23) ^ word_at(bytes, i)).wrapping_mul(K);
        b = (b.rotate_left(23) ^ word_at(bytes, i + 8)).wrapping_mul(K);
        c = (c.rotate_left(23) ^ word_at(bytes, i + 16)).wrapping_mul(K);
        d = (d.rotate_left(23) ^ word_at(bytes, i + 24)).wrapping_mul(K);
        i += 32;
    }
    while i + 8 <= len {
        a = (a.rotate_left(23) ^ word_at(bytes, i)).wrapping_mul(K);
        i += 8;
    }
    // The last one to seven bytes: as the last eight (some hashed already), unless the
    // paragraph is shorter.
    let mut last = 0u64;
    if i < len && len >= 8 {
        last = word_at(bytes, len - 8);
    } else {
        while i < len {
            last = last << 8 | u64::from(bytes[i]);
            i += 1;
        }
    }
    b = (b.rotate_left(23) ^ last).wrapping_mul(K);
    // Fold the lanes, then murmur3's finaliser, so every input bit can reach every output bit.
    let mut h = a ^ b.rotate_left(16) ^ c.rotate_left(32) ^ d.rotate_left(48);
    h = (h ^ h >> 33).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ h >> 33).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ h >> 33
}

/// Sorts a list of ids, through the one instantiation of the standard sort that
/// [`crate::sort::sort_by_key`] uses, without its permutation: equal ids are interchangeable,
/// so the sorted keys are the result.
pub(crate) fn sort_ids<T: Id>(ids: &mut [T]) {
    if ids.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(ids.len());
    keyed.extend(ids.iter().map(|&id| (u64::from(id.get()), 0)));
    keyed.sort_unstable();
    for (id, &(key, _)) in ids.iter_mut().zip(&keyed) {
        *id = T::new(key as u32);
    }
}

// The tests' seeded generator, shared with `tests/`, the benches, the examples and the crate's
// other unit tests.
#[cfg(test)]
#[path = "../../tests/common/rng.rs"]
pub(crate) mod rng;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::Deadline;
    use crate::paragraphs::similarity::dice;

    #[test]
    fn hash_sees_every_byte_and_only_the_bytes() {
        // Lengths around the 32-byte step and the 8-byte tail; a change of one bit anywhere, and
        // a zero byte appended, change the hash; the same bytes elsewhere hash the same.
        let text: Vec<u8> = (0u8..100).map(|b| b.wrapping_mul(37)).collect();
        let mut seen = std::collections::HashSet::new();
        for len in 0..text.len() {
            let bytes = &text[..len];
            let h = hash(bytes);
            assert!(seen.insert(h), "two prefixes collide at {len}");
            // The same bytes at another address.
            let copy = bytes.to_vec();
            assert_eq!(hash(&copy), h);
            let mut padded = bytes.to_vec();
            padded.push(0);
            assert_ne!(hash(&padded), h, "{len}");
            for at in 0..len {
                for bit in [0, 7] {
                    let mut flipped = bytes.to_vec();
                    flipped[at] ^= 1 << bit;
                    assert_ne!(hash(&flipped), h, "{len} {at} {bit}");
                }
            }
        }
    }

    #[test]
    fn a_paragraph_without_words_is_profiled_by_its_symbols() {
        use crate::unicode::fold::Fold;
        let mut ctx = Ctx::new(Fold::default(), Deadline::NEVER, true);
        let mut side = Side::new("\u{2605}\u{2605}\u{2606}\n* * *\nthe * cat");
        side.ensure_profiles(0..3, &mut ctx);
        assert!(side.wordless(0) && side.wordless(1) && !side.wordless(2));
        assert_eq!((side.profile_ref(0).len(), side.words(0)), (3, 0));
        assert_eq!((side.profile_ref(1).len(), side.words(1)), (3, 0));
        // With words, the symbols do not count.
        assert_eq!((side.profile_ref(2).len(), side.words(2)), (2, 2));
        // Symbols never match words.
        assert_eq!(dice(side.profile_ref(1), side.profile_ref(2)), 0.0);
    }
}
