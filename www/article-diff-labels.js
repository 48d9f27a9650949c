// @ts-check
/**
 * The words `<article-diff>` shows around the article text: counts, paragraph numbers, what a
 * row is (for screen readers), where a move goes, the summary and the change counter. Pure
 * functions (no DOM), unit-tested under `node --test` (tests/www/).
 *
 * @module article-diff-labels
 */

/**
 * @typedef {import('./pkg/article_diff.js').Cell} Cell
 * @typedef {import('./pkg/article_diff.js').Move} Move
 * @typedef {import('./pkg/article_diff.js').Row} Row
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {{cls: string, text: string, title?: string}} SummaryItem one entry of the summary
 */

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
 * @param {Row} row
 */
export function describeRow(row) {
  switch (row.kind) {
    case 'changed': return row.cosmetic ? 'Cosmetic change' : 'Changed paragraph';
    case 'split': return 'Split paragraph';
    case 'merged': return 'Merged paragraphs';
    case 'inserted': return 'Inserted paragraph';
    case 'deleted': return 'Deleted paragraph';
    case 'moved': return row.old ? 'Paragraph moved away' : 'Moved paragraph';
    default: return 'Paragraph';
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
 * The words of a move link on one end of a move. Both ends say which way the paragraph moved
 * (from its old place to its new one: the same word at both ends) and where the other end is;
 * the arrow points to the other end, which the link jumps to.
 * @param {Move} move @param {number} row this end's row @param {'old'|'new'} side the side shown
 * @returns {{target: number, down: boolean, text: string, where: string}} `target`: the other
 *   end's row; `down`: whether it is below this one; `where`: "above" or "below"
 */
export function moveLabel(move, row, side) {
  const target = side === 'old' ? move.newRow : move.oldRow;
  const down = target > row;
  const way = move.newRow > move.oldRow ? 'down' : 'up';
  const where = side === 'old' ? `Moved ${way} to new ¶ ${move.to + 1}` : `Moved ${way} from old ¶ ${move.from + 1}`;
  return {target, down, text: `${where}${move.similarity < 1 ? ' (edited)' : ''}`, where: down ? 'below' : 'above'};
}

/**
 * The summary's entries: words in and out, then each kind of paragraph change that occurred.
 * @param {Stats} s
 * @returns {SummaryItem[]}
 */
export function summaryItems(s) {
  const anyChange = s.wordsInserted + s.wordsDeleted + s.paragraphsChanged + s.paragraphsInserted
    + s.paragraphsDeleted + s.paragraphsMoved + s.paragraphsSplit + s.paragraphsMerged + s.cosmeticChanges > 0;
  if (!anyChange) return [{cls: 'same', text: 'No differences'}];
  /** @type {SummaryItem[]} */
  const items = [
    {cls: 'ins', text: `+${plural(s.wordsInserted, 'word', 'words')}`, title: 'Words inserted'},
    {cls: 'del', text: `−${plural(s.wordsDeleted, 'word', 'words')}`, title: 'Words deleted'},
  ];
  /** @param {number} n @param {string} cls @param {string} text @param {string} [title] */
  const add = (n, cls, text, title) => {
    if (n) items.push(title ? {cls, text, title} : {cls, text});
  };
  add(s.paragraphsChanged, 'changed', `${plural(s.paragraphsChanged, 'paragraph', 'paragraphs')} changed`);
  add(s.paragraphsInserted, 'ins-par', `${s.paragraphsInserted.toLocaleString('en')} inserted`, 'Paragraphs inserted');
  add(s.paragraphsDeleted, 'del-par', `${s.paragraphsDeleted.toLocaleString('en')} deleted`, 'Paragraphs deleted');
  add(s.paragraphsMoved, 'moved', `${s.paragraphsMoved.toLocaleString('en')} moved`, 'Paragraphs moved');
  add(s.paragraphsSplit, 'split', `${s.paragraphsSplit.toLocaleString('en')} split`, 'Paragraphs split in two or more');
  add(s.paragraphsMerged, 'merged', `${s.paragraphsMerged.toLocaleString('en')} merged`, 'Paragraphs merged into one');
  return items;
}

/**
 * The counter between the previous and next buttons: "17 changes" before the first step,
 * then "3 of 17".
 * @param {number} current -1 before the first step @param {number} count
 */
export function counterText(current, count) {
  if (count === 0) return 'No changes';
  if (current < 0) return plural(count, 'change', 'changes');
  return `${(current + 1).toLocaleString('en')} of ${count.toLocaleString('en')}`;
}
