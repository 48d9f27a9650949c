// @ts-check
/**
 * Diff quality, measured the same way for every tool on its `[op, text]` edits
 * (`0` equal, `-1` deleted, `1` inserted).
 *
 * @typedef {[number, string]} Edit
 */

/**
 * A word: a run of letters, marks and digits, or a single ideograph (the unit a reader counts;
 * spaces and punctuation are not words). Shared by every tool, so counts compare.
 */
const WORD = /\p{Ideographic}|[[\p{L}\p{M}\p{N}]--\p{Ideographic}]+/gv;

/**
 * Word spans of `text` as parallel start/end arrays (UTF-16 offsets).
 * @param {string} text
 */
function wordSpans(text) {
  const starts = [];
  const ends = [];
  for (const m of text.matchAll(WORD)) {
    starts.push(/** @type {number} */ (m.index));
    ends.push(/** @type {number} */ (m.index) + m[0].length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * Which inputs the edits rebuild: equal + deleted texts joined against `oldText`, equal +
 * inserted against `newText`.
 * @param {Edit[]} edits
 * @param {string} oldText
 * @param {string} newText
 */
export function rebuilds(edits, oldText, newText) {
  let o = '';
  let n = '';
  for (const [op, text] of edits) {
    if (op !== 1) o += text;
    if (op !== -1) n += text;
  }
  return { old: o === oldText, new: n === newText };
}

/**
 * Word tokens in the deleted and inserted texts themselves: the fallback count for edits that
 * do not rebuild both inputs (so offsets cannot be walked along them).
 * @param {Edit[]} edits
 */
export function wordsInChanges(edits) {
  let count = 0;
  for (const [op, text] of edits) if (op !== 0) for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/**
 * Words touched by a change: words of the old text that overlap deleted text plus words of the
 * new text that overlap inserted text, each counted once. A character-level tool that changes
 * "cat" into "bat" by swapping one letter touches one old and one new word, as a word-level
 * tool does, so the count compares tools of either granularity.
 *
 * Requires edits that reconstruct both texts (offsets are walked along them).
 * @param {Edit[]} edits
 * @param {string} oldText
 * @param {string} newText
 */
export function changedWords(edits, oldText, newText) {
  const sides = [wordSpans(oldText), wordSpans(newText)].map((s) => ({
    ...s,
    touched: new Uint8Array(s.starts.length),
    first: 0,
    pos: 0,
  }));
  const [oldSide, newSide] = sides;
  for (const [op, text] of edits) {
    const len = text.length;
    if (op === 0) {
      oldSide.pos += len;
      newSide.pos += len;
      continue;
    }
    const side = op === -1 ? oldSide : newSide;
    const a = side.pos;
    const b = a + len;
    side.pos = b;
    if (len === 0) continue;
    while (side.first < side.ends.length && side.ends[side.first] <= a) side.first++;
    for (let j = side.first; j < side.starts.length && side.starts[j] < b; j++) side.touched[j] = 1;
  }
  let count = 0;
  for (const side of sides) for (const t of side.touched) count += t;
  return count;
}

/**
 * Change hunks: maximal runs of consecutive non-equal edits (empty edits ignored).
 * @param {Edit[]} edits
 */
export function hunks(edits) {
  let count = 0;
  let inHunk = false;
  for (const [op, text] of edits) {
    if (text.length === 0) continue;
    if (op === 0) {
      inHunk = false;
    } else if (!inHunk) {
      inHunk = true;
      count++;
    }
  }
  return count;
}

/**
 * Hunks that change more than whitespace: what `hunks` counts once both sides of each hunk are
 * compared with all whitespace removed. The like-for-like figure for jsdiff's `diffWords`,
 * which ignores whitespace by design (so its edits do not rebuild the old text): a paragraph
 * break turned into a blank line is a hunk for a tool that rebuilds both texts, not for it.
 * @param {Edit[]} edits
 */
export function hunksIgnoringWhitespace(edits) {
  let count = 0;
  let deleted = '';
  let inserted = '';
  const close = () => {
    if (deleted.replace(/\s+/g, '') !== inserted.replace(/\s+/g, '')) count++;
    deleted = inserted = '';
  };
  for (const [op, text] of edits) {
    if (op === 0 && text.length > 0) close();
    else if (op < 0) deleted += text;
    else if (op > 0) inserted += text;
  }
  close();
  return count;
}

/**
 * Scores found moves against planted ones by paragraph index.
 * @param {{from: number, to: number}[]} found
 * @param {{from: number, to: number}[] | null} planted
 */
export function scoreMoves(found, planted) {
  if (!planted) return { found: found.length, planted: null, correct: null, falseMoves: null };
  const key = (/** @type {{from: number, to: number}} */ m) => `${m.from}>${m.to}`;
  const plantedKeys = new Set(planted.map(key));
  const correct = found.filter((m) => plantedKeys.has(key(m))).length;
  return { found: found.length, planted: planted.length, correct, falseMoves: found.length - correct };
}

/**
 * Moved blocks a tool reports as text (wikEd diff), scored against the planted moves: a planted
 * paragraph is found when the moved blocks that lie inside its new text (or hold all of it)
 * cover at least half of it; a block with a letter or digit that matches no planted paragraph
 * is a false move.
 * @param {string[]} blocks
 * @param {{newText: string}[] | null} planted
 */
export function scoreMovedBlocks(blocks, planted) {
  const norm = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();
  const visible = blocks.map(norm).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (!planted) return { found: visible.length, planted: null, correct: null, falseMoves: null };
  const paragraphs = planted.map((m) => norm(m.newText));
  const covered = paragraphs.map(() => 0);
  let falseMoves = 0;
  for (const t of visible) {
    const k = paragraphs.findIndex((p) => p.includes(t) || t.includes(p));
    if (k < 0) falseMoves++;
    else covered[k] += Math.min(t.length, paragraphs[k].length);
  }
  const correct = covered.filter((c, k) => c >= paragraphs[k].length / 2).length;
  return { found: visible.length, planted: planted.length, correct, falseMoves };
}

/**
 * All quality figures for one tool's edits.
 * @param {Edit[]} edits
 * @param {string} oldText
 * @param {string} newText
 */
export function quality(edits, oldText, newText) {
  const rebuilt = rebuilds(edits, oldText, newText);
  const exact = rebuilt.old && rebuilt.new;
  return {
    reconstructs: exact,
    rebuilds: rebuilt,
    changedWords: exact ? changedWords(edits, oldText, newText) : wordsInChanges(edits),
    changedWordsExact: exact,
    hunks: hunks(edits),
    hunksIgnoringWhitespace: hunksIgnoringWhitespace(edits),
    edits: edits.length,
  };
}
