//! Word similarity between paragraphs, and the candidate pairs worth computing it for.
//!
//! Similarity is the Dice coefficient of two profiles ([`super::side`]) taken as multisets:
//! `2·|A∩B| / (|A|+|B|)`. Editing 30% of a paragraph's words leaves it at about 0.7.
//!
//! [`candidates`] finds, for each paragraph of one list, the paragraphs of another that share
//! the most uncommon words, through an inverted index: O(total words) rather than O(n·m) pairs,
//! so alignment and move detection stay near-linear on unrelated or shuffled texts.

use crate::deadline::Deadline;
use crate::intern::TokenId;
use crate::myers::Id;
use crate::paragraphs::side::Side;

/// Up to this many pairs, every pair is a candidate (exact and cheap).
const ALL_PAIRS_LIMIT: usize = 4096;
/// A word in more than this share of the other list's paragraphs says little about a match and
/// is left out of the inverted index (it still counts in the similarity)…
const COMMON_WORD_SHARE: usize = 20;
/// …and so is one in more than this many, whatever the share: without a cap, two unrelated
/// books sharing a vocabulary make every posting list long and the index quadratic.
const COMMON_WORD_MAX: usize = 64;

/// Size of the multiset intersection of two sorted lists.
///
/// Without branches on the comparison: which side steps is as good as random, so a three-way
/// `match` mispredicts about every other step. (Pairing a changed stretch computes this for
/// up to 4,096 pairs of paragraphs.)
#[inline(always)]
pub(crate) fn overlap<T: Id>(a: &[T], b: &[T]) -> usize {
    overlap_raw(T::raw(a), T::raw(b))
}

/// [`overlap`] on the ids' numbers, one instantiation for every kind of id.
fn overlap_raw(a: &[u32], b: &[u32]) -> usize {
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
pub(crate) fn dice<T: Id>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * overlap(a, b) as f64 / (a.len() + b.len()) as f64
}

/// [`dice`] when it can reach `floor`, else 0: lists of very different lengths cannot (sharing
/// every word of the shorter one), and then their overlap is not counted. Most pairs of a
/// changed stretch pair a heading or a short line with a long paragraph.
pub(crate) fn dice_from<T: Id>(a: &[T], b: &[T], floor: f64) -> f64 {
    let most = 2.0 * a.len().min(b.len()) as f64 / (a.len() + b.len()) as f64;
    if most < floor {
        return 0.0;
    }
    dice(a, b)
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
    // word's run is found by indexing, not by binary search (both showed in profiles of
    // unrelated texts: docs/performance.md).
    let distinct =
        |profile: &'_ [TokenId], idx: usize| idx == 0 || profile[idx - 1] != profile[idx];
    let top = news
        .iter()
        .filter_map(|&n| new.profile_ref(n).last())
        .max()
        .map_or(0, |&w| w.0 as usize + 1);
    let mut start = vec![0u32; top + 1];
    for &n in news {
        let profile = new.profile_ref(n);
        for idx in (0..profile.len()).filter(|&idx| distinct(profile, idx)) {
            start[profile[idx].0 as usize] += 1;
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
            let s = &mut start[profile[idx].0 as usize];
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
            let Some(&[first, end]) = start.get(word.0 as usize..word.0 as usize + 2) else {
                continue;
            };
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
            let at = best
                .iter()
                .position(|&(c, j)| entry.0 > c || (entry.0 == c && entry.1 < j))
                .unwrap_or(best.len());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Ctx;
    use crate::paragraphs::side::rng::Rng;

    #[test]
    fn dice_of_multisets() {
        assert_eq!(dice(&[1, 2, 2, 3], &[1, 2, 2, 3]), 1.0);
        assert_eq!(dice(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(dice(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
        assert_eq!(dice::<u32>(&[], &[]), 0.0);
    }

    #[test]
    fn dice_from_is_dice_wherever_dice_reaches_the_floor() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            let list = |rng: &mut Rng| {
                let mut ids: Vec<u32> = (0..rng.below(12)).map(|_| rng.below(8) as u32).collect();
                ids.sort_unstable();
                ids
            };
            let (a, b) = (list(&mut rng), list(&mut rng));
            let floor = [0.0, 0.4, 0.6, 1.0][rng.below(4)];
            let (exact, cut) = (dice(&a, &b), dice_from(&a, &b, floor));
            if exact >= floor {
                assert_eq!(cut, exact, "{a:?} {b:?} {floor}");
            } else {
                assert!(cut < floor, "{a:?} {b:?} {floor}");
            }
        }
    }

    #[test]
    fn indexed_candidates_are_the_paragraphs_sharing_most_uncommon_words() {
        use crate::unicode::fold::Fold;
        // 80 × 80 paragraphs (past ALL_PAIRS_LIMIT, so the index is used) of words drawn from a
        // small vocabulary, some of them common enough to be left out; against counting directly.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        let mut text = || {
            let paragraphs: Vec<String> = (0..80)
                .map(|_| {
                    (0..3 + next(12))
                        .map(|_| format!("w{}", next(150)))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            paragraphs.join("\n\n")
        };
        let (old_text, new_text) = (text(), text());
        let (mut old, mut new) = (Side::new(&old_text), Side::new(&new_text));
        let mut ctx = Ctx::new(Fold::default(), Deadline::NEVER, true);
        let (olds, news): (Vec<usize>, Vec<usize>) = ((0..80).collect(), (0..80).rev().collect());
        old.ensure_profiles(olds.iter().copied(), &mut ctx);
        new.ensure_profiles(news.iter().copied(), &mut ctx);
        let found = candidates(&olds, &news, &old, &new, 6, Deadline::NEVER);

        let has = |side: &Side<'_>, i: usize, w: TokenId| side.profile_ref(i).contains(&w);
        let common = (news.len() / COMMON_WORD_SHARE).clamp(8, COMMON_WORD_MAX);
        let mut expected = Vec::new();
        for &o in &olds {
            let mut words = old.profile_ref(o).to_vec();
            words.dedup();
            // Shared uncommon words per position `k` in `news`; the best six, ties to lower `k`.
            let mut shared: Vec<(usize, usize)> = (0..news.len())
                .map(|k| {
                    let uncommon = |&&w: &&TokenId| {
                        (0..news.len()).filter(|&m| has(&new, news[m], w)).count() <= common
                    };
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
