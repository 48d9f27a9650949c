// @ts-check
/**
 * The words `<article-diff>` shows around the article text: counts, paragraph numbers, what a
 * row is (for screen readers), where a move goes, the summary and the change counter. Pure
 * functions (no DOM), unit-tested under `node --test` (tests/www/). Each takes the element's
 * strings (article-diff-strings.js; English by default).
 *
 * @module article-diff-labels
 */

/**
 * @typedef {import('./pkg/article_diff.js').Cell} Cell
 * @typedef {import('./pkg/article_diff.js').Move} Move
 * @typedef {import('./pkg/article_diff.js').Row} Row
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {{cls: string, text: string, title?: string}} SummaryItem one entry of the summary
 */

import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/**
 * "1 word", "1,204 words".
 * @param {number} n @param {string} one @param {string} many
 */
export function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * "3", or "3–4" for a cell of several paragraphs (1-based).
 * @param {Cell} cell
 */
export function paragraphNumbers(cell) {
  const first = cell.paragraphs[0] + 1;
  const last = cell.paragraphs[cell.paragraphs.length - 1] + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * What a changed row is, read before its text by a screen reader (colour and signs are not).
 * @param {Row} row @param {Strings} [strings]
 */
export function describeRow(row, strings = DEFAULT_STRINGS) {
  switch (row.kind) {
    case 'changed': return say(strings, row.cosmetic ? 'rowCosmetic' : 'rowChanged');
    case 'split': return say(strings, 'rowSplit');
    case 'merged': return say(strings, 'rowMerged');
    case 'inserted': return say(strings, 'rowInserted');
    case 'deleted': return say(strings, 'rowDeleted');
    case 'moved': return say(strings, row.old ? 'rowMovedAway' : 'rowMoved');
    default: return say(strings, 'rowEqual');
  }
}

/**
 * The sign in a gutter: + / − for changes (± inline, where one column shows both), none for
 * unchanged rows; a cosmetic-only row's sign is shown as ≈ instead.
 * @param {string} kind the kind the row is drawn as @param {'old'|'new'} side
 * @param {'split'|'inline'} view
 */
export function gutterSign(kind, side, view) {
  if (kind === 'inserted') return '+';
  if (kind === 'deleted') return '−';
  if (kind === 'equal') return '';
  if (view === 'inline') return '±';
  return side === 'old' ? '−' : '+';
}

/**
 * The words of a move link on one end of a move: which way the other end is, where, and
 * whether the paragraph was edited on the way.
 * @param {Move} move @param {number} row this end's row @param {'old'|'new'} side the side shown
 * @param {Strings} [strings]
 * @returns {{target: number, down: boolean, text: string}} `target`: the other end's row
 */
export function moveLabel(move, row, side, strings = DEFAULT_STRINGS) {
  const target = side === 'old' ? move.newRow : move.oldRow;
  const down = target > row;
  const where = side === 'old'
    ? say(strings, down ? 'movedDownTo' : 'movedUpTo', {n: move.to + 1})
    : say(strings, down ? 'movedDownFrom' : 'movedUpFrom', {n: move.from + 1});
  return {target, down, text: move.similarity < 1 ? say(strings, 'movedEdited', {move: where}) : where};
}

/**
 * The summary's entries: words in and out, then each kind of paragraph change that occurred.
 * @param {Stats} s @param {Strings} [strings]
 * @returns {SummaryItem[]}
 */
export function summaryItems(s, strings = DEFAULT_STRINGS) {
  const anyChange = s.wordsInserted + s.wordsDeleted + s.paragraphsChanged + s.paragraphsInserted
    + s.paragraphsDeleted + s.paragraphsMoved + s.paragraphsSplit + s.paragraphsMerged + s.cosmeticChanges
    + (s.formattingChanges ?? 0) > 0;
  if (!anyChange) return [{cls: 'same', text: say(strings, 'noDifferences')}];
  /** @type {SummaryItem[]} */
  const items = [
    {cls: 'ins', text: say(strings, 'wordsInserted', {n: s.wordsInserted}), title: say(strings, 'wordsInsertedTitle')},
    {cls: 'del', text: say(strings, 'wordsDeleted', {n: s.wordsDeleted}), title: say(strings, 'wordsDeletedTitle')},
  ];
  /**
   * @param {number} n @param {string} cls
   * @param {import('./article-diff-strings.js').StringKey} text @param {import('./article-diff-strings.js').StringKey} [title]
   */
  const add = (n, cls, text, title) => {
    if (n) items.push(title ? {cls, text: say(strings, text, {n}), title: say(strings, title)} : {cls, text: say(strings, text, {n})});
  };
  add(s.paragraphsChanged, 'changed', 'paragraphsChanged');
  add(s.paragraphsInserted, 'ins-par', 'paragraphsInserted', 'paragraphsInsertedTitle');
  add(s.paragraphsDeleted, 'del-par', 'paragraphsDeleted', 'paragraphsDeletedTitle');
  add(s.paragraphsMoved, 'moved', 'paragraphsMoved', 'paragraphsMovedTitle');
  add(s.paragraphsSplit, 'split', 'paragraphsSplit', 'paragraphsSplitTitle');
  add(s.paragraphsMerged, 'merged', 'paragraphsMerged', 'paragraphsMergedTitle');
  add(s.formattingChanges ?? 0, 'formatting', 'formattingChanges', 'formattingChangesTitle');
  return items;
}

/**
 * The counter between the previous and next buttons: "17 changes" before the first step,
 * then "3 of 17".
 * @param {number} current -1 before the first step @param {number} count
 * @param {Strings} [strings]
 */
export function counterText(current, count, strings = DEFAULT_STRINGS) {
  if (count === 0) return say(strings, 'noChanges');
  if (current < 0) return say(strings, 'changeCount', {n: count});
  return say(strings, 'counter', {current: current + 1, count});
}
