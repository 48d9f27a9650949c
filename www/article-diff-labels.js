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
 * @typedef {import('./pkg/article_diff.js').Block} Block
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {{cls: string, text: string, title?: string}} SummaryItem one entry of the summary
 */

import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/** Formats counts ("1,204"); one formatter, as `toLocaleString` builds one per call. */
const NUMBER = new Intl.NumberFormat('en');

/**
 * "1,204" (English; the element's own words use `say`, which follows the strings' locale).
 * @param {number} n
 */
export function count(n) {
  return NUMBER.format(n);
}

/**
 * "1 word", "1,204 words".
 * @param {number} n @param {string} one @param {string} many
 */
export function plural(n, one, many) {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
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
 * The words a screen reader hears before a cell's text, so that a row read aloud says which
 * text is which: "Old ¶ 3", "New ¶ 8–9", "Not in the old version".
 * @param {Cell|null} cell @param {'old'|'new'} side @param {Strings} [strings]
 */
export function cellLabel(cell, side, strings = DEFAULT_STRINGS) {
  if (!cell) return say(strings, side === 'old' ? 'notInOld' : 'notInNew');
  return say(strings, side === 'old' ? 'oldParagraphNumber' : 'newParagraphNumber', {n: paragraphNumbers(cell)});
}

/**
 * The change id of stop `index` ("change-3" for the third), as an element's id and a link's
 * fragment; the inverse of `changeIndex`.
 * @param {number} index 0-based
 */
export function changeId(index) {
  return `change-${index + 1}`;
}

/**
 * The stop a change id names ("change-3" → 2), or -1 for anything else.
 * @param {string|null|undefined} id
 */
export function changeIndex(id) {
  const match = /^#?change-([1-9][0-9]{0,8})$/.exec(id ?? '');
  return match ? Number(match[1]) - 1 : -1;
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
 * The words of a move link on one end of a move. Both ends say which way the paragraph moved
 * (from its old place to its new one: the same word at both ends) and where the other end is;
 * the arrow points to the other end, which the link jumps to.
 * @param {Move} move @param {number} row this end's row @param {'old'|'new'} side the side shown
 * @returns {{target: number, down: boolean, text: string, where: string}} `target`: the other
 *   end's row; `down`: whether it is below this one; `where`: "above" or "below"
 * @param {Strings} [strings]
 */
export function moveLabel(move, row, side, strings = DEFAULT_STRINGS) {
  const target = side === 'old' ? move.newRow : move.oldRow;
  const down = target > row;
  const movedDown = move.newRow > move.oldRow;
  const where = side === 'old'
    ? say(strings, movedDown ? 'movedDownTo' : 'movedUpTo', {n: move.to + 1})
    : say(strings, movedDown ? 'movedDownFrom' : 'movedUpFrom', {n: move.from + 1});
  return {
    target,
    down,
    text: move.similarity < 1 ? say(strings, 'movedEdited', {move: where}) : where,
    where: say(strings, down ? 'otherEndBelow' : 'otherEndAbove'),
  };
}

/**
 * The stats as drawn: with cosmetic changes hidden, the split and merged rows that were only
 * cosmetic are not counted (they read as unchanged).
 * @param {Stats} stats @param {Block[]} blocks @param {boolean} hideCosmetic
 * @returns {Stats}
 */
export function shownStats(stats, blocks, hideCosmetic) {
  if (!hideCosmetic) return stats;
  let split = 0;
  let merged = 0;
  for (const block of blocks) {
    if (block.cosmetic) continue;
    if (block.kind === 'split') split++;
    else if (block.kind === 'merged') merged++;
  }
  return {...stats, paragraphsSplit: split, paragraphsMerged: merged};
}

/**
 * The words on a fold's bar: how many paragraphs it folds, and of them how many changed in a
 * way the reader chose to hide ("4 unchanged paragraphs, 2 paragraphs with hidden formatting
 * changes"), so that a changed paragraph is never called unchanged; opened, what activating
 * it folds again.
 * @param {number} n the rows folded
 * @param {import('./article-diff-layout.js').HiddenChanges} hidden of them, those whose change is hidden
 * @param {boolean} open @param {Strings} [strings]
 */
export function foldText(n, hidden, open, strings = DEFAULT_STRINGS) {
  const unchanged = n - hidden.formatting - hidden.cosmetic;
  if (unchanged === n) return say(strings, open ? 'foldUnchanged' : 'unchangedParagraphs', {n});
  if (open) return say(strings, 'foldParagraphs', {n});
  /** @type {string[]} */
  const parts = [];
  if (unchanged > 0) parts.push(say(strings, 'unchangedParagraphs', {n: unchanged}));
  if (hidden.formatting > 0) parts.push(say(strings, 'foldHiddenFormatting', {n: hidden.formatting}));
  if (hidden.cosmetic > 0) parts.push(say(strings, 'foldHiddenCosmetic', {n: hidden.cosmetic}));
  return listOf(parts, strings.locale);
}

/**
 * Phrases as one list in `locale` ("a, b, c" in English), without a conjunction: the parts
 * are counts side by side, as in a list of measures.
 * @param {string[]} parts @param {string} locale
 */
function listOf(parts, locale) {
  try {
    return new Intl.ListFormat(locale, {type: 'unit', style: 'short'}).format(parts);
  } catch {
    return parts.join(', ');
  }
}

/**
 * The summary of two versions shown one after the other: each version's size.
 * @param {{old: number, new: number}} paragraphs @param {Stats} stats @param {Strings} [strings]
 * @returns {SummaryItem[]}
 */
export function stackedSummaryItems(paragraphs, stats, strings = DEFAULT_STRINGS) {
  return [
    {cls: 'del', text: say(strings, 'stackedOld', {n: paragraphs.old}), title: say(strings, 'wordCount', {n: stats.wordsUnchanged + stats.wordsDeleted})},
    {cls: 'ins', text: say(strings, 'stackedNew', {n: paragraphs.new}), title: say(strings, 'wordCount', {n: stats.wordsUnchanged + stats.wordsInserted})},
  ];
}

/**
 * The notice over two versions shown one after the other.
 * @param {number} shared the share of words in common, 0 to 1 @param {Strings} [strings]
 */
export function unrelatedNotice(shared, strings = DEFAULT_STRINGS) {
  return say(strings, 'unrelatedNotice', {percent: sharedPercent(shared, strings)});
}

/**
 * The share of words two versions have in common, as a percentage: "37%", "under 1%".
 * @param {number} shared 0 to 1 @param {Strings} [strings]
 */
export function sharedPercent(shared, strings = DEFAULT_STRINGS) {
  return shared > 0 && shared < 0.01
    ? say(strings, 'sharedUnderOnePercent')
    : say(strings, 'sharedPercent', {n: Math.round(shared * 100)});
}

/**
 * The summary's entries: words in and out (a count of none left out when formatting changed),
 * then each kind of paragraph change that occurred. With `hideFormatting`, formatting changes
 * are not listed (none is marked; the toggle's count says how many it hides), as cosmetic
 * changes never are: both still make the versions differ.
 * @param {Stats} s @param {Strings} [strings] @param {boolean} [hideFormatting]
 * @returns {SummaryItem[]}
 */
export function summaryItems(s, strings = DEFAULT_STRINGS, hideFormatting = false) {
  const anyChange = s.wordsInserted + s.wordsDeleted + s.paragraphsChanged + s.paragraphsInserted
    + s.paragraphsDeleted + s.paragraphsMoved + s.paragraphsSplit + s.paragraphsMerged + s.cosmeticChanges
    + (s.formattingChanges ?? 0) > 0;
  if (!anyChange) return [{cls: 'same', text: say(strings, 'noDifferences')}];
  // A diff of two documents whose changes are formatting has no words to count: its summary
  // says what changed ("2 formatting"), not "+0 words −0 words".
  const formatted = !hideFormatting && (s.formattingChanges ?? 0) > 0;
  /** @type {SummaryItem[]} */
  const items = [];
  if (s.wordsInserted > 0 || !formatted) items.push({cls: 'ins', text: say(strings, 'wordsInserted', {n: s.wordsInserted}), title: say(strings, 'wordsInsertedTitle')});
  if (s.wordsDeleted > 0 || !formatted) items.push({cls: 'del', text: say(strings, 'wordsDeleted', {n: s.wordsDeleted}), title: say(strings, 'wordsDeletedTitle')});
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
  if (!hideFormatting) add(s.formattingChanges ?? 0, 'formatting', 'formattingChanges', 'formattingChangesTitle');
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
