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
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {{runStart: number, from: number, to: number, open: boolean}} Fold
 *   Rows `[from, to)` of the unchanged run starting at row `runStart`, drawn behind one button:
 *   hidden until the reader opens them (or the browser's find reaches them) when not `open`
 * @typedef {{heading: 'old'|'new', paragraphs: number}} Heading
 *   the heading of one version's part when the versions are shown one after the other
 * @typedef {number | Fold | Heading} Item a row (its model index, or a key of `stackedItems`),
 *   a folded run, or a part's heading
 * @typedef {{hunks: number[][], kinds: RowKind[]}} Changes
 *   `hunks`: runs of adjacent changed rows (model row indices), the unit of "next change";
 *   `kinds`: the kind of each hunk's first row, for its minimap marker
 */

/** Equal rows kept visible on each side of a change when a long unchanged run folds. */
export const CONTEXT_ROWS = 1;

/** Unchanged runs longer than this fold to a "N unchanged paragraphs" button. */
export const COLLAPSE_ABOVE = 3;

/**
 * @typedef {(block: Block) => boolean} Hidden whether a changed block is drawn as unchanged for
 *   a reason the block itself does not carry: a formatting-only row with `hide-formatting`
 *   (`formattingHidden`)
 */

/**
 * Whether a block is drawn as a change: with `hide-cosmetic`, a cosmetic-only row reads as
 * unchanged, except a move, whose other end must stay reachable; so does a block `hidden` says.
 * @param {Block} block @param {boolean} hideCosmetic @param {Hidden | null} [hidden]
 */
export function isChange(block, hideCosmetic, hidden = null) {
  return block.kind !== 'equal' && !(hideCosmetic && block.cosmetic && block.kind !== 'moved') && !hidden?.(block);
}

/**
 * The kind a row is drawn as (the same rule as `isChange`, for a built row; `hideFormatting`
 * only for a diff of two documents).
 * @param {Row} row @param {boolean} hideCosmetic @param {boolean} [hideFormatting]
 * @returns {RowKind}
 */
export function drawnKind(row, hideCosmetic, hideFormatting = false) {
  if (hideFormatting && formattingOnly(row, hideCosmetic)) return 'equal';
  return hideCosmetic && row.cosmetic && row.kind !== 'moved' ? 'equal' : row.kind;
}

/**
 * Whether a row of a diff of two documents changed only its formatting: both cells (a move's
 * ends have one each, and stay changes), some span with a formatting change, and nothing
 * inserted or deleted but, with `hideCosmetic`, cosmetic changes.
 * @param {Row} row @param {boolean} hideCosmetic
 */
export function formattingOnly(row, hideCosmetic) {
  if (!row.old || !row.new) return false;
  const spans = [...row.old.spans, ...row.new.spans];
  return spans.some((s) => s.formatting) && spans.every((s) => s.kind === 'equal' || (hideCosmetic && s.cosmetic));
}

/**
 * The `Hidden` test of a model with `hide-formatting` on: a one-row changed block whose row
 * changed only its formatting (rows are built only for changed blocks: the work grows with the
 * changes). `null` when nothing is hidden so.
 * @param {{documents?: unknown, row?: (index: number) => Row | null | undefined}} model
 * @param {boolean} hideCosmetic @param {boolean} hideFormatting
 * @returns {Hidden | null}
 */
export function formattingHidden(model, hideCosmetic, hideFormatting) {
  const rowOf = model.row?.bind(model);
  if (!hideFormatting || !model.documents || !rowOf) return null;
  /** @type {Map<number, boolean>} */
  const seen = new Map();
  return (block) => {
    if (block.kind !== 'changed' || block.rowCount !== 1) return false;
    let only = seen.get(block.row);
    if (only === undefined) {
      const row = rowOf(block.row);
      only = Boolean(row) && formattingOnly(/** @type {Row} */ (row), hideCosmetic);
      seen.set(block.row, only);
    }
    return only;
  };
}

/**
 * @typedef {{formatting: number, cosmetic: number}} HiddenChanges rows of a fold that changed but
 *   are drawn as unchanged because the reader hid their kind of change: formatting only
 *   (`hide-formatting`; a row whose hidden cosmetic changes come with formatting ones counts here),
 *   and cosmetic only (`hide-cosmetic`)
 */

/**
 * What a fold of rows `[from, to)` hides besides unchanged text, so that its bar says so rather
 * than calling changed rows unchanged. Finds the first block by bisection: the work grows with
 * the blocks in the fold.
 * @param {Block[]} blocks @param {number} from @param {number} to
 * @param {boolean} hideCosmetic @param {Hidden | null} [hidden] the `Hidden` test the layout used
 * @returns {HiddenChanges}
 */
export function hiddenChangesIn(blocks, from, to, hideCosmetic, hidden = null) {
  const counts = {formatting: 0, cosmetic: 0};
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].row + blocks[mid].rowCount <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < blocks.length && blocks[k].row < to; k++) {
    const block = blocks[k];
    if (block.kind === 'equal') continue;
    const rows = Math.min(to, block.row + block.rowCount) - Math.max(from, block.row);
    if (hidden?.(block)) counts.formatting += rows;
    else if (hideCosmetic && block.cosmetic && block.kind !== 'moved') counts.cosmetic += rows;
  }
  return counts;
}

/**
 * Whether a block is the old end of a move and nothing else: the paragraph left from here,
 * and its change is told where it went.
 * @param {Block} block
 */
function isMoveSource(block) {
  return block.kind === 'moved' && block.newStart === block.newEnd;
}

/**
 * The changes of a model, the stops of "next change": maximal runs of adjacent changed rows,
 * except runs that are only the old ends of moves (a move is one change, reached at its new
 * place; see `movedAwayRuns`). Walks the blocks, so the work grows with the changes, not with
 * the length of the unchanged text.
 * @param {Block[]} blocks @param {boolean} hideCosmetic @param {Hidden | null} [hidden]
 * @returns {Changes}
 */
export function changesOf(blocks, hideCosmetic, hidden = null) {
  /** @type {number[][]} */
  const hunks = [];
  /** @type {RowKind[]} */
  const kinds = [];
  for (const run of changedRuns(blocks, hideCosmetic, hidden)) {
    if (run.every(isMoveSource)) continue;
    hunks.push(rowsOf(run));
    kinds.push(run[0].kind);
  }
  return {hunks, kinds};
}

/**
 * The runs of changed rows that are only old ends of moves: no stop of their own, but the
 * minimap marks them.
 * @param {Block[]} blocks @param {boolean} hideCosmetic @param {Hidden | null} [hidden]
 * @returns {number[][]}
 */
export function movedAwayRuns(blocks, hideCosmetic, hidden = null) {
  return changedRuns(blocks, hideCosmetic, hidden).filter((run) => run.every(isMoveSource)).map(rowsOf);
}

/**
 * Maximal runs of adjacent changed blocks.
 * @param {Block[]} blocks @param {boolean} hideCosmetic @param {Hidden | null} hidden
 * @returns {Block[][]}
 */
function changedRuns(blocks, hideCosmetic, hidden) {
  /** @type {Block[][]} */
  const runs = [];
  for (const block of blocks) {
    if (!isChange(block, hideCosmetic, hidden)) continue;
    const last = runs[runs.length - 1];
    const end = last?.[last.length - 1];
    if (end && end.row + end.rowCount === block.row) last.push(block);
    else runs.push([block]);
  }
  return runs;
}

/**
 * The rows of a run of blocks (a deleted or inserted run is one block of `rowCount` rows).
 * @param {Block[]} run
 */
function rowsOf(run) {
  /** @type {number[]} */
  const rows = [];
  for (const block of run) for (let row = block.row; row < block.row + block.rowCount; row++) rows.push(row);
  return rows;
}

/**
 * What is drawn, top to bottom: every changed row (a deleted or inserted run is a row per
 * paragraph), and each unchanged run either in full or, when longer than `COLLAPSE_ABOVE`, as
 * `CONTEXT_ROWS` rows next to each neighbouring change around one fold (open when the reader
 * expanded it). With `onlyChanges`, every unchanged run is a fold, with no context rows.
 * @param {Block[]} blocks @param {number} rowCount
 * @param {boolean} hideCosmetic
 * @param {{has: (run: number) => boolean}} expanded runs the reader unfolded, by their first row
 * @param {boolean} [onlyChanges]
 * @param {Hidden | null} [hidden] changed blocks drawn as unchanged, folded with their run
 * @returns {Item[]}
 */
export function itemsOf(blocks, rowCount, hideCosmetic, expanded, onlyChanges = false, hidden = null) {
  /** @type {Item[]} */
  const items = [];
  let k = 0;
  while (k < blocks.length) {
    if (isChange(blocks[k], hideCosmetic, hidden)) {
      const {row, rowCount} = blocks[k++];
      pushRows(items, row, row + rowCount);
      continue;
    }
    // Unchanged run [start, end): equal blocks and, with hide-cosmetic, cosmetic-only rows
    // (with hide-formatting, formatting-only ones).
    const start = blocks[k].row;
    while (k < blocks.length && !isChange(blocks[k], hideCosmetic, hidden)) k++;
    const end = k < blocks.length ? blocks[k].row : rowCount;
    const context = onlyChanges ? 0 : CONTEXT_ROWS;
    const keepHead = start > 0 ? context : 0;
    const keepTail = end < rowCount ? context : 0;
    const length = end - start;
    // A fold of a single row would take as much room as the row (unless only changes are shown).
    if (onlyChanges || (length > COLLAPSE_ABOVE && length - keepHead - keepTail > 1)) {
      pushRows(items, start, start + keepHead);
      items.push({runStart: start, from: start + keepHead, to: end - keepTail, open: expanded.has(start)});
      pushRows(items, end - keepTail, end);
    } else {
      pushRows(items, start, end);
    }
  }
  return items;
}

/**
 * Which folds the reader opened, by the first row of their run: each one as toggled, or all
 * at once ("expand all", "fold all"), the later toggles then counting against that.
 */
export class FoldMemory {
  /** Whether folds are open unless toggled. */
  #allOpen = false;
  /** @type {Set<number>} runs toggled away from `#allOpen` */
  #toggled = new Set();
  /** Counts every change, so that a layout can tell whether the folds changed since. */
  #version = 0;

  /** Changes with every `set`, `setAll` and `clear`: equal versions, equal folds. */
  get version() { return this.#version; }

  /** @param {number} run */
  has(run) { return this.#allOpen !== this.#toggled.has(run); }

  /** @param {number} run @param {boolean} open */
  set(run, open) {
    this.#version += 1;
    if (open === this.#allOpen) this.#toggled.delete(run);
    else this.#toggled.add(run);
  }

  /** Opens or folds every run. @param {boolean} open */
  setAll(open) {
    this.#version += 1;
    this.#allOpen = open;
    this.#toggled.clear();
  }

  /** Whether every run is open ("expand all", with none folded since). */
  get allOpen() { return this.#allOpen && this.#toggled.size === 0; }

  /** Forgets every toggle (a new diff). */
  clear() { this.setAll(false); }
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

/**
 * Pairs each equal span of a new cell with the old cell's equal span of the same text (the k-th
 * with the k-th, as `interleave` does): the inline view draws a formatting change with both
 * sides' marks from it.
 * @param {Span[]} oldSpans @param {Span[]} newSpans
 * @returns {Map<Span, Span>} new span → old span
 */
export function equalPartners(oldSpans, newSpans) {
  const olds = oldSpans.filter((span) => span.kind === 'equal');
  /** @type {Map<Span, Span>} */
  const partners = new Map();
  let k = 0;
  for (const span of newSpans) {
    if (span.kind !== 'equal') continue;
    if (k >= olds.length) break;
    partners.set(span, olds[k++]);
  }
  return partners;
}

/** Below this width (CSS pixels), an element whose `view` is automatic shows one column. */
export const INLINE_BELOW_PX = 640;

/**
 * How far past `INLINE_BELOW_PX` the width must grow before two columns come back: a page
 * whose scroll bar comes and goes with the view would otherwise flip it back and forth.
 */
export const VIEW_HYSTERESIS_PX = 32;

/**
 * The automatic view for an element `width` pixels wide: inline on a narrow screen (two
 * columns of a phone's width break words mid-word), side by side otherwise.
 * @param {number} width @param {'split'|'inline'|null} previous the automatic view shown now
 * @returns {'split'|'inline'}
 */
export function autoView(width, previous) {
  if (width < INLINE_BELOW_PX) return 'inline';
  if (previous === 'inline' && width < INLINE_BELOW_PX + VIEW_HYSTERESIS_PX) return 'inline';
  return 'split';
}

/**
 * Versions that share less than this share of their words are shown one after the other:
 * aligned, they are a column of deletions against a column of insertions.
 */
export const UNRELATED_BELOW = 0.2;

/** Versions shorter than this (paragraphs, either side) are always aligned: they read fine. */
export const UNRELATED_MIN_PARAGRAPHS = 3;

/**
 * The paragraphs of each version, from the blocks (their ranges end at the last paragraph).
 * @param {Block[]} blocks
 * @returns {{old: number, new: number}}
 */
export function paragraphCounts(blocks) {
  let old = 0;
  let neu = 0;
  for (const block of blocks) {
    old = Math.max(old, block.oldEnd);
    neu = Math.max(neu, block.newEnd);
  }
  return {old, new: neu};
}

/**
 * The share of words the versions have in common: unchanged words (moved ones included) over
 * the words of the longer version; 1 for two empty texts.
 * @param {Stats} stats
 */
export function sharedWords(stats) {
  const longer = stats.wordsUnchanged + Math.max(stats.wordsDeleted, stats.wordsInserted);
  return longer === 0 ? 1 : stats.wordsUnchanged / longer;
}

/**
 * Whether two versions share so little text that they read better one after the other.
 * @param {Stats} stats @param {{old: number, new: number}} paragraphs from `paragraphCounts`
 */
export function looksUnrelated(stats, paragraphs) {
  if (paragraphs.old < UNRELATED_MIN_PARAGRAPHS || paragraphs.new < UNRELATED_MIN_PARAGRAPHS) return false;
  return sharedWords(stats) < UNRELATED_BELOW;
}

/**
 * The items and stops of two versions shown one after the other: the old version's heading and
 * its rows, then the new version's. A row is drawn once per version it has a cell in, under a
 * key: its index for the old part, `rowCount` plus its index for the new part.
 * @param {Block[]} blocks @param {number} rowCount
 * @returns {{items: Item[], changes: Changes}}
 */
export function stackedItems(blocks, rowCount) {
  /** @type {number[]} */
  const oldKeys = [];
  /** @type {number[]} */
  const newKeys = [];
  for (const block of blocks) {
    for (let k = 0; k < block.rowCount; k++) {
      if (block.oldEnd > block.oldStart) oldKeys.push(block.row + k);
      if (block.newEnd > block.newStart) newKeys.push(rowCount + block.row + k);
    }
  }
  /** @type {Item[]} */
  const items = [];
  /** @type {number[][]} */
  const hunks = [];
  /** @type {RowKind[]} */
  const kinds = [];
  const {old, new: neu} = paragraphCounts(blocks);
  for (const [heading, paragraphs, keys, kind] of /** @type {const} */ ([['old', old, oldKeys, 'deleted'], ['new', neu, newKeys, 'inserted']])) {
    items.push({heading, paragraphs});
    // A loop, not a spread: tens of thousands of arguments overflow the stack.
    for (const key of keys) items.push(key);
    if (keys.length) {
      hunks.push(keys);
      kinds.push(kind);
    }
  }
  return {items, changes: {hunks, kinds}};
}

/**
 * What the element draws of a model with the given settings: the paragraph counts, whether
 * the versions look unrelated and are shown one after the other, the items and the changes.
 * @param {{blocks: Block[], rowCount: number, stats: Stats, approximate?: boolean, documents?: unknown,
 *   row?: (index: number) => Row | null | undefined}} model
 * @param {{hideCosmetic: boolean, onlyChanges: boolean, alignAnyway: boolean, hideFormatting?: boolean}} settings
 *   `alignAnyway`: the reader asked to align versions that share little text; `hideFormatting`:
 *   formatting-only rows of a diff of two documents fold as unchanged
 * @param {{has: (run: number) => boolean}} expanded runs the reader unfolded, by their first row
 * @returns {{paragraphs: {old: number, new: number}, unrelated: boolean, stacked: boolean, items: Item[], changes: Changes}}
 */
export function layoutOf(model, {hideCosmetic, onlyChanges, alignAnyway, hideFormatting = false}, expanded) {
  const paragraphs = paragraphCounts(model.blocks);
  // An approximate diff (the engine's deadline passed) shares less than the texts do: saying
  // they are unrelated would be wrong, and its own notice says what happened.
  const unrelated = !model.approximate && looksUnrelated(model.stats, paragraphs);
  const stacked = unrelated && !alignAnyway;
  // Drawn from the blocks: an unchanged run is one block, so what is walked here grows with
  // the changes, and rows are built only for the ones drawn.
  const {items, changes} = stacked
    ? stackedItems(model.blocks, model.rowCount)
    : laidOut(model, hideCosmetic, onlyChanges, expanded, formattingHidden(model, hideCosmetic, hideFormatting));
  return {paragraphs, unrelated, stacked, items, changes};
}

/**
 * The items and changes of an aligned layout.
 * @param {{blocks: Block[], rowCount: number}} model @param {boolean} hideCosmetic
 * @param {boolean} onlyChanges @param {{has: (run: number) => boolean}} expanded
 * @param {Hidden | null} hidden
 */
function laidOut(model, hideCosmetic, onlyChanges, expanded, hidden) {
  return {items: itemsOf(model.blocks, model.rowCount, hideCosmetic, expanded, onlyChanges, hidden), changes: changesOf(model.blocks, hideCosmetic, hidden)};
}
