//! One input text with its paragraphs, their hashes and (computed on demand) their word
//! profiles; and the word similarity between paragraphs.
//!
//! A profile is the sorted list of a paragraph's word ids (folded keys, so `don’t` and `don't`
//! are one word). Similarity is the Dice coefficient of two profiles taken as multisets:
//! `2·|A∩B| / (|A|+|B|)`. Editing 30% of a paragraph's words leaves it at about 0.7.
//!
//! A paragraph without words (`★★★★☆`, `* * *`, a line of emoji) is profiled by its symbols
//! instead, so it pairs with its edited version (`★★★☆☆`: 0.8) like any paragraph does. Word and
//! symbol ids never coincide, so such a profile can only match another wordless one.
//!
//! [`candidates`] finds, for each paragraph of one list, the paragraphs of another that share
//! the most uncommon words, through an inverted index: O(total words) rather than O(n·m) pairs,
//! so alignment and move detection stay near-linear on unrelated or shuffled texts.

use core::ops::Range;

use crate::deadline::Deadline;
use crate::engine::Ctx;
use crate::model::Paragraph;
use crate::paragraphs;
use crate::text::word_at;
use crate::tokenize::{tokenize, TokenKind};

/// Up to this many pairs, every pair is a candidate (exact and cheap).
const ALL_PAIRS_LIMIT: usize = 4096;
/// A word in more than this share of the other list's paragraphs says little about a match and
/// is left out of the inverted index (it still counts in the similarity)…
const COMMON_WORD_SHARE: usize = 20;
/// …and so is one in more than this many, whatever the share: without a cap, two unrelated
/// books sharing a vocabulary make every posting list long and the index quadratic.
const COMMON_WORD_MAX: usize = 64;

/// Word tokens interned between two reads of the clock while profiles are built.
const TOKENS_PER_CLOCK_READ: usize = 4096;

/// One input and its paragraphs.
pub(crate) struct Side<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Paragraph>,
    /// Each paragraph's profile once built; empty until the first is (identical texts never
    /// need one).
    profiles: Vec<Option<Box<[u32]>>>,
    /// Whether paragraph `i`'s profile holds symbols (it has no word); set with the profile.
    wordless: Vec<bool>,
}

impl<'a> Side<'a> {
    pub fn new(text: &'a str) -> Self {
        Side { text, paragraphs: paragraphs::split(text), profiles: Vec::new(), wordless: Vec::new() }
    }

    /// Paragraph `i`'s text.
    pub fn para(&self, i: usize) -> &'a str {
        self.paragraphs[i].text(self.text)
    }

    /// The text from paragraph `range.start`'s first byte to paragraph `range.end - 1`'s last.
    pub fn cell(&self, range: &Range<usize>) -> (usize, &'a str) {
        let start = self.paragraphs[range.start].byte_start;
        let end = self.paragraphs[range.end - 1].byte_end;
        (start, crate::text::slice(self.text, start..end))
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
    /// paragraph's word ids, sorted (its symbol ids when it has no word). `false` when the
    /// deadline passed first; the profiles built so far stay. The clock is read every
    /// [`TOKENS_PER_CLOCK_READ`] words, so one huge paragraph is cut short too.
    pub fn ensure_profiles(&mut self, indices: impl IntoIterator<Item = usize>, ctx: &mut Ctx<'a>) -> bool {
        if self.profiles.is_empty() {
            self.profiles.resize(self.paragraphs.len(), None);
            self.wordless.resize(self.paragraphs.len(), false);
        }
        let mut work = 0;
        let mut tokens = std::mem::take(&mut ctx.old_tokens);
        let mut complete = true;
        for i in indices {
            if self.profiles[i].is_some() {
                continue;
            }
            let text = self.para(i);
            tokenize(text, &mut tokens);
            let wordless = !tokens.iter().any(|t| t.kind == TokenKind::Word);
            let kind = if wordless { TokenKind::Punct } else { TokenKind::Word };
            let mut ids = Vec::new();
            for t in tokens.iter().filter(|t| t.kind == kind) {
                work += 1;
                if work % TOKENS_PER_CLOCK_READ == 0 && ctx.deadline.passed() {
                    complete = false;
                    break;
                }
                ids.push(ctx.interner.intern(t.text(text), ctx.fold));
            }
            if !complete {
                break;
            }
            self.wordless[i] = wordless;
            sort_ids(&mut ids);
            self.profiles[i] = Some(ids.into_boxed_slice());
        }
        ctx.old_tokens = tokens;
        complete
    }

    /// A profile already filled by [`Side::ensure_profiles`] (empty otherwise).
    pub fn profile_ref(&self, i: usize) -> &[u32] {
        self.profiles.get(i).and_then(Option::as_deref).unwrap_or_default()
    }

    /// Whether paragraph `i` (profile filled) has no word, so its profile holds symbols.
    pub fn wordless(&self, i: usize) -> bool {
        self.wordless.get(i).copied().unwrap_or(false)
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

/// A 64-bit hash of a paragraph's bytes: four FxHash-style lanes (rotate, xor a word, multiply)
/// over 32 bytes a step, then the tail, then a final mix.
///
/// Every byte of both texts goes through here. rustc-hash's `FxHasher::write` takes 16 bytes a
/// step, with a 128-bit multiply that wasm32 does as two 64-bit ones (0.7 ms of the 2 MB book
/// pair in Chromium); four independent lanes of one native 64-bit multiply each keep the
/// multiplier busy. Not collision-resistant, like FxHash: a collision makes two paragraphs look
/// identical to the paragraph diff, and their row, which compares the texts, shows the change.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let len = bytes.len();
    let (mut a, mut b, mut c, mut d): (u64, u64, u64, u64) = (len as u64, 0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0);
    // (Plain index loops: see `text::word_at`.)
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
    let mut last = 0u64;
    while i < len {
        last = last << 8 | u64::from(bytes[i]);
        i += 1;
    }
    b = (b.rotate_left(23) ^ last).wrapping_mul(K);
    // Fold the lanes, then murmur3's finaliser, so every input bit can reach every output bit.
    let mut h = a ^ b.rotate_left(16) ^ c.rotate_left(32) ^ d.rotate_left(48);
    h = (h ^ h >> 33).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ h >> 33).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ h >> 33
}

/// Sorts a list of ids (one instantiation of the sort for every caller).
pub(crate) fn sort_ids(ids: &mut Vec<u32>) {
    crate::order::sort_by_key(ids, |&id| u64::from(id));
}

/// Size of the multiset intersection of two sorted lists.
///
/// Without branches on the comparison: which side steps is as good as random, so a three-way
/// `match` mispredicts about every other step. (Pairing a changed stretch computes this for
/// up to 4,096 pairs of paragraphs.)
pub(crate) fn overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Dice similarity of two sorted word lists; two lists without words are not similar.
pub(crate) fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * overlap(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Candidate pairs `(old, new)` between two lists of paragraph indices: every pair when there
/// are few, else for each old paragraph the `per_item` new ones sharing the most uncommon words.
/// Profiles of both lists must be filled.
/// Stops early (with the pairs found so far) once `deadline` has passed.
pub(crate) fn candidates(
    olds: &[usize],
    news: &[usize],
    old: &Side<'_>,
    new: &Side<'_>,
    per_item: usize,
    deadline: Deadline,
) -> Vec<(usize, usize)> {
    if olds.len().saturating_mul(news.len()) <= ALL_PAIRS_LIMIT {
        return olds.iter().flat_map(|&o| news.iter().map(move |&n| (o, n))).collect();
    }
    // The inverted index: for each word id (ids are dense), the positions in `news` of the
    // paragraphs that have it, ascending, as one run of `posts` from `start[word]` to
    // `start[word + 1]`. Built by counting, in two passes over the profiles: no sort, and a
    // word's run is found by indexing, not by binary search (both were a tenth of the whole
    // call on two unrelated 150 KB texts).
    let distinct = |profile: &'_ [u32], idx: usize| idx == 0 || profile[idx - 1] != profile[idx];
    let top = news.iter().filter_map(|&n| new.profile_ref(n).last()).max().map_or(0, |&w| w as usize + 1);
    let mut start = vec![0u32; top + 1];
    for &n in news {
        let profile = new.profile_ref(n);
        for idx in (0..profile.len()).filter(|&idx| distinct(profile, idx)) {
            start[profile[idx] as usize] += 1;
        }
    }
    // Counts to run ends; filling each run from its end down, in reverse paragraph order,
    // leaves `start[word]` at the run's first posting and the run ascending.
    let mut total = 0;
    for s in start.iter_mut() {
        total += *s;
        *s = total;
    }
    let mut posts = vec![0u32; total as usize];
    for (k, &n) in news.iter().enumerate().rev() {
        let profile = new.profile_ref(n);
        for idx in (0..profile.len()).filter(|&idx| distinct(profile, idx)) {
            let s = &mut start[profile[idx] as usize];
            *s -= 1;
            posts[*s as usize] = k as u32;
        }
    }
    let common = (news.len() / COMMON_WORD_SHARE).clamp(8, COMMON_WORD_MAX);
    let mut counts = vec![0u32; news.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut best: Vec<(u32, u32)> = Vec::with_capacity(per_item + 1);
    let mut out = Vec::new();
    for (n, &o) in olds.iter().enumerate() {
        if n % 64 == 63 && deadline.passed() {
            break;
        }
        let profile = old.profile_ref(o);
        for (idx, &word) in profile.iter().enumerate() {
            if !distinct(profile, idx) {
                continue;
            }
            let Some(&[first, end]) = start.get(word as usize..word as usize + 2) else { continue };
            let count = (end - first) as usize;
            if count == 0 || count > common {
                continue;
            }
            for &k in &posts[first as usize..end as usize] {
                if counts[k as usize] == 0 {
                    touched.push(k);
                }
                counts[k as usize] += 1;
            }
        }
        // The best `per_item` by shared words (ties: earlier paragraph), kept by insertion into
        // a short list: per_item is small, and no sort is needed.
        best.clear();
        for &k in &touched {
            let entry = (counts[k as usize], k);
            let at = best.iter().position(|&(c, j)| entry.0 > c || (entry.0 == c && entry.1 < j)).unwrap_or(best.len());
            if at < per_item {
                best.insert(at, entry);
                best.truncate(per_item);
            }
            counts[k as usize] = 0;
        }
        touched.clear();
        out.extend(best.iter().map(|&(_, k)| (o, news[k as usize])));
    }
    out
}

// The tests' seeded generator, shared with `tests/`, the benches and the examples.
#[cfg(test)]
#[path = "../tests/common/rng.rs"]
pub(crate) mod rng;

#[cfg(test)]
mod tests {
    use super::*;
    use rng::Rng;

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
        use crate::normalize::Fold;
        let mut ctx = Ctx::new(Fold::default(), Deadline::after(None), true);
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

    #[test]
    fn dice_of_multisets() {
        assert_eq!(dice(&[1, 2, 2, 3], &[1, 2, 2, 3]), 1.0);
        assert_eq!(dice(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(dice(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
        assert_eq!(dice(&[], &[]), 0.0);
    }

    #[test]
    fn indexed_candidates_are_the_paragraphs_sharing_most_uncommon_words() {
        use crate::normalize::Fold;
        // 80 × 80 paragraphs (past ALL_PAIRS_LIMIT, so the index is used) of words drawn from a
        // small vocabulary, some of them common enough to be left out; against counting directly.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        let mut text = || {
            let paragraphs: Vec<String> = (0..80)
                .map(|_| (0..3 + next(12)).map(|_| format!("w{}", next(150))).collect::<Vec<_>>().join(" "))
                .collect();
            paragraphs.join("\n\n")
        };
        let (old_text, new_text) = (text(), text());
        let (mut old, mut new) = (Side::new(&old_text), Side::new(&new_text));
        let mut ctx = Ctx::new(Fold::default(), Deadline::after(None), true);
        let (olds, news): (Vec<usize>, Vec<usize>) = ((0..80).collect(), (0..80).rev().collect());
        old.ensure_profiles(olds.iter().copied(), &mut ctx);
        new.ensure_profiles(news.iter().copied(), &mut ctx);
        let found = candidates(&olds, &news, &old, &new, 6, Deadline::after(None));

        let has = |side: &Side<'_>, i: usize, w: u32| side.profile_ref(i).contains(&w);
        let common = (news.len() / COMMON_WORD_SHARE).clamp(8, COMMON_WORD_MAX);
        let mut expected = Vec::new();
        for &o in &olds {
            let mut words = old.profile_ref(o).to_vec();
            words.dedup();
            // Shared uncommon words per position `k` in `news`; the best six, ties to lower `k`.
            let mut shared: Vec<(usize, usize)> = (0..news.len())
                .map(|k| {
                    let uncommon = |&&w: &&u32| (0..news.len()).filter(|&m| has(&new, news[m], w)).count() <= common;
                    (words.iter().filter(uncommon).filter(|&&w| has(&new, news[k], w)).count(), k)
                })
                .filter(|&(count, _)| count > 0)
                .collect();
            shared.sort_by_key(|&(count, k)| (usize::MAX - count, k));
            expected.extend(shared.iter().take(6).map(|&(_, k)| (o, news[k])));
        }
        assert_eq!(found, expected);
    }

    #[test]
    fn overlap_is_the_multiset_intersection() {
        // Sorted lists with repeats drawn from a few values, against counting each value.
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: u64| rng.below(n as usize) as u32;
        for round in 0..500 {
            let values = 1 + u64::from(next(12));
            let mut a: Vec<u32> = (0..next(20)).map(|_| next(values)).collect();
            let mut b: Vec<u32> = (0..next(20)).map(|_| next(values)).collect();
            a.sort_unstable();
            b.sort_unstable();
            let count = |list: &[u32], v: u32| list.iter().filter(|&&w| w == v).count();
            let expected: usize = (0..values as u32).map(|v| count(&a, v).min(count(&b, v))).sum();
            assert_eq!(overlap(&a, &b), expected, "round {round}: {a:?} {b:?}");
            assert_eq!(overlap(&b, &a), expected, "round {round}: {b:?} {a:?}");
        }
    }
}
