// @ts-check
/**
 * What `<article-diff>` draws from a model, as plain data: the changes the navigation steps
 * through, the rows and folded runs in drawing order, the kind a row is drawn as, and the
 * interleaved spans of the inline view. Pure functions of the model and the view settings (no
 * DOM), so they are unit-tested under `node --test` (tests/www/).
 *
 * @module article-diff-layout
 */

/**
 * @typedef {import('./pkg/article_diff.js').Block} Block
 * @typedef {import('./pkg/article_diff.js').Row} Row
 * @typedef {import('./pkg/article_diff.js').RowKind} RowKind
 * @typedef {import('./pkg/article_diff.js').Span} Span
 * @typedef {{runStart: number, from: number, to: number}} Fold
 *   Rows `[from, to)` of the unchanged run starting at row `runStart`, drawn as one button
 * @typedef {number | Fold} Item a row (its model index), or a folded run
 * @typedef {{hunks: number[][], kinds: RowKind[]}} Changes
 *   `hunks`: runs of adjacent changed rows (model row indices), the unit of "next change";
 *   `kinds`: the kind of each hunk's first row, for its minimap marker
 */

/** Equal rows kept visible on each side of a change when a long unchanged run folds. */
export const CONTEXT_ROWS = 1;

/** Unchanged runs longer than this fold to a "N unchanged paragraphs" button. */
export const COLLAPSE_ABOVE = 3;

/**
 * Whether a block is drawn as a change: with `hide-cosmetic`, a cosmetic-only row reads as
 * unchanged, except a move, whose other end must stay reachable.
 * @param {Block} block @param {boolean} hideCosmetic
 */
export function isChange(block, hideCosmetic) {
  return block.kind !== 'equal' && !(hideCosmetic && block.cosmetic && block.kind !== 'moved');
}

/**
 * The kind a row is drawn as (the same rule as `isChange`, for a built row).
 * @param {Row} row @param {boolean} hideCosmetic
 * @returns {RowKind}
 */
export function drawnKind(row, hideCosmetic) {
  return hideCosmetic && row.cosmetic && row.kind !== 'moved' ? 'equal' : row.kind;
}

/**
 * The changes of a model: maximal runs of adjacent changed rows. Walks the blocks, so the work
 * grows with the changes, not with the length of the unchanged text.
 * @param {Block[]} blocks @param {boolean} hideCosmetic
 * @returns {Changes}
 */
export function changesOf(blocks, hideCosmetic) {
  /** @type {number[][]} */
  const hunks = [];
  /** @type {RowKind[]} */
  const kinds = [];
  for (const block of blocks) {
    if (!isChange(block, hideCosmetic)) continue;
    let last = hunks[hunks.length - 1];
    if (!last || last[last.length - 1] !== block.row - 1) {
      hunks.push((last = []));
      kinds.push(block.kind);
    }
    // A deleted or inserted run is one block of `rowCount` rows.
    for (let row = block.row; row < block.row + block.rowCount; row++) last.push(row);
  }
  return {hunks, kinds};
}

/**
 * What is drawn, top to bottom: every changed row (a deleted or inserted run is a row per
 * paragraph), and each unchanged run either in full or,
 * when longer than `COLLAPSE_ABOVE` and not expanded, as `CONTEXT_ROWS` rows next to each
 * neighbouring change around one fold.
 * @param {Block[]} blocks @param {number} rowCount
 * @param {boolean} hideCosmetic
 * @param {ReadonlySet<number>} expanded runs the reader unfolded, by their first row
 * @returns {Item[]}
 */
export function itemsOf(blocks, rowCount, hideCosmetic, expanded) {
  /** @type {Item[]} */
  const items = [];
  let k = 0;
  while (k < blocks.length) {
    if (isChange(blocks[k], hideCosmetic)) {
      const {row, rowCount} = blocks[k++];
      pushRows(items, row, row + rowCount);
      continue;
    }
    // Unchanged run [start, end): equal blocks and, with hide-cosmetic, cosmetic-only rows.
    const start = blocks[k].row;
    while (k < blocks.length && !isChange(blocks[k], hideCosmetic)) k++;
    const end = k < blocks.length ? blocks[k].row : rowCount;
    const keepHead = start > 0 ? CONTEXT_ROWS : 0;
    const keepTail = end < rowCount ? CONTEXT_ROWS : 0;
    const length = end - start;
    // A fold of a single row would take as much room as the row.
    if (length > COLLAPSE_ABOVE && length - keepHead - keepTail > 1 && !expanded.has(start)) {
      pushRows(items, start, start + keepHead);
      items.push({runStart: start, from: start + keepHead, to: end - keepTail});
      pushRows(items, end - keepTail, end);
    } else {
      pushRows(items, start, end);
    }
  }
  return items;
}

/**
 * Rows `[from, to)` as items (an unfolded run).
 * @param {number} from @param {number} to
 * @returns {Item[]}
 */
export function rowItems(from, to) {
  /** @type {Item[]} */
  const items = [];
  pushRows(items, from, to);
  return items;
}

/** @param {Item[]} items @param {number} from @param {number} to */
function pushRows(items, from, to) {
  for (let row = from; row < to; row++) items.push(row);
}

/**
 * The change after `current` (wrapping to the first); -1 when there is none.
 * @param {number} current -1 before the first step
 * @param {number} count
 */
export function nextChange(current, count) {
  return count > 0 ? (current + 1) % count : -1;
}

/**
 * The change before `current` (wrapping to the last, also from before the first step); -1 when
 * there is none.
 * @param {number} current @param {number} count
 */
export function previousChange(current, count) {
  if (count === 0) return -1;
  return current <= 0 ? count - 1 : current - 1;
}

/**
 * The change that holds row `row`, or -1.
 * @param {number[][]} hunks @param {number} row
 */
export function changeOfRow(hunks, row) {
  return hunks.findIndex((rows) => rows.includes(row));
}

/**
 * Interleaves an old cell's spans with a new cell's: between consecutive equal spans, the
 * old side's deletions, then the new side's insertions (the model guarantees the k-th equal
 * spans of both cells hold the same text).
 * @param {Span[]} oldSpans @param {Span[]} newSpans @param {boolean} hideCosmetic
 * @returns {Span[]}
 */
export function interleave(oldSpans, newSpans, hideCosmetic) {
  /** @type {Span[]} */
  const out = [];
  let i = 0;
  let j = 0;
  while (i < oldSpans.length || j < newSpans.length) {
    while (i < oldSpans.length && oldSpans[i].kind !== 'equal') {
      // Hidden cosmetic changes read as the new text only.
      if (!(hideCosmetic && oldSpans[i].cosmetic)) out.push(oldSpans[i]);
      i++;
    }
    while (j < newSpans.length && newSpans[j].kind !== 'equal') out.push(newSpans[j++]);
    if (i < oldSpans.length && j < newSpans.length) {
      out.push(newSpans[j]);
      i++;
      j++;
    } else if (i < oldSpans.length) {
      out.push(oldSpans[i++]);
    } else if (j < newSpans.length) {
      out.push(newSpans[j++]);
    }
  }
  return out;
}
