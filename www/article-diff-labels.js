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
 * @typedef {import('./pkg/article_diff.js').Block} Block
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {{cls: string, text: string, title?: string}} SummaryItem one entry of the summary
 */

/** Formats counts ("1,204"); one formatter, as `toLocaleString` builds one per call. */
const NUMBER = new Intl.NumberFormat('en');

/**
 * "1,204".
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
 * The words a screen reader hears before a cell's text, so that a row read aloud says which
 * text is which: "Old ¶ 3", "New ¶ 8–9", "Not in the old version".
 * @param {Cell|null} cell @param {'old'|'new'} side
 */
export function cellLabel(cell, side) {
  if (!cell) return `Not in the ${side} version`;
  return `${side === 'old' ? 'Old' : 'New'} ¶ ${paragraphNumbers(cell)}`;
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
 */
export function moveLabel(move, row, side) {
  const target = side === 'old' ? move.newRow : move.oldRow;
  const down = target > row;
  const way = move.newRow > move.oldRow ? 'down' : 'up';
  const where = side === 'old' ? `Moved ${way} to new ¶ ${move.to + 1}` : `Moved ${way} from old ¶ ${move.from + 1}`;
  return {target, down, text: `${where}${move.similarity < 1 ? ' (edited)' : ''}`, where: down ? 'below' : 'above'};
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
 * The summary of two versions shown one after the other: each version's size.
 * @param {{old: number, new: number}} paragraphs @param {Stats} stats
 * @returns {SummaryItem[]}
 */
export function stackedSummaryItems(paragraphs, stats) {
  return [
    {cls: 'del', text: `Old: ${plural(paragraphs.old, 'paragraph', 'paragraphs')}`, title: `${plural(stats.wordsUnchanged + stats.wordsDeleted, 'word', 'words')}`},
    {cls: 'ins', text: `New: ${plural(paragraphs.new, 'paragraph', 'paragraphs')}`, title: `${plural(stats.wordsUnchanged + stats.wordsInserted, 'word', 'words')}`},
  ];
}

/**
 * The notice over two versions shown one after the other.
 * @param {number} shared the share of words in common, 0 to 1
 */
export function unrelatedNotice(shared) {
  const percent = shared > 0 && shared < 0.01 ? 'under 1%' : `${Math.round(shared * 100)}%`;
  return `These versions share little text (${percent} of their words): showing them one after the other.`;
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
  add(s.paragraphsInserted, 'ins-par', `${count(s.paragraphsInserted)} inserted`, 'Paragraphs inserted');
  add(s.paragraphsDeleted, 'del-par', `${count(s.paragraphsDeleted)} deleted`, 'Paragraphs deleted');
  add(s.paragraphsMoved, 'moved', `${count(s.paragraphsMoved)} moved`, 'Paragraphs moved');
  add(s.paragraphsSplit, 'split', `${count(s.paragraphsSplit)} split`, 'Paragraphs split in two or more');
  add(s.paragraphsMerged, 'merged', `${count(s.paragraphsMerged)} merged`, 'Paragraphs merged into one');
  return items;
}

/**
 * The counter between the previous and next buttons: "17 changes" before the first step,
 * then "3 of 17".
 * @param {number} current -1 before the first step @param {number} total
 */
export function counterText(current, total) {
  if (total === 0) return 'No changes';
  if (current < 0) return plural(total, 'change', 'changes');
  return `${NUMBER.format(current + 1)} of ${NUMBER.format(total)}`;
}
