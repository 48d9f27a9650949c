// @ts-check
// Unit tests of www/article-diff-layout.js: what the element draws from a model's blocks.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {
  CONTEXT_ROWS, FoldMemory, INLINE_BELOW_PX, VIEW_HYSTERESIS_PX, autoView, changeOfRow, changesOf, drawnKind, equalPartners, formattingHidden,
  formattingOnly, hiddenChangesIn, interleave,
  isChange, itemsOf, layoutOf, looksUnrelated, movedAwayRuns, nextChange, paragraphCounts, previousChange, rowItems, sharedWords,
  stackedItems,
} from '../../www/article-diff-layout.js';

/**
 * @typedef {import('../../pkg/article_diff.js').Block} Block
 * @typedef {import('../../pkg/article_diff.js').RowKind} RowKind
 * @typedef {import('../../pkg/article_diff.js').Span} Span
 */

/**
 * Blocks from a compact description, top to bottom: a number is an unchanged run of that many
 * rows, a string one changed row of that kind (`'changed~'` a cosmetic-only one).
 * @param {(number | string)[]} parts
 * @returns {{blocks: Block[], rowCount: number}}
 */
function model(parts) {
  /** @type {Block[]} */
  const blocks = [];
  let row = 0;
  for (const part of parts) {
    const rowCount = typeof part === 'number' ? part : 1;
    const kind = /** @type {RowKind} */ (typeof part === 'number' ? 'equal' : part.replace('~', ''));
    const cosmetic = typeof part === 'string' && part.endsWith('~');
    blocks.push({kind, row, rowCount, oldStart: row, oldEnd: row + rowCount, newStart: row, newEnd: row + rowCount, cosmetic});
    row += rowCount;
  }
  return {blocks, rowCount: row};
}

/** @param {'equal'|'insert'|'delete'} kind @param {string} text @param {boolean} [cosmetic] @returns {Span} */
const span = (kind, text, cosmetic = false) => ({kind, text, cosmetic});

test('adjacent changed rows are one change; an unchanged row between them makes two', () => {
  const {blocks} = model([2, 'changed', 'inserted', 1, 'deleted']);
  assert.deepEqual(changesOf(blocks, false), {hunks: [[2, 3], [5]], kinds: ['changed', 'deleted']});
});

test('hide-cosmetic: a cosmetic-only row is no change, a cosmetic move still is', () => {
  const {blocks} = model([1, 'changed~', 1, 'moved~', 'changed']);
  assert.deepEqual(changesOf(blocks, false).hunks, [[1], [3, 4]]);
  assert.deepEqual(changesOf(blocks, true), {hunks: [[3, 4]], kinds: ['moved']});
  assert.equal(isChange(blocks[1], true), false);
  assert.equal(isChange(blocks[3], true), true);
});

test('a move is one change, reached where the paragraph went: a run of only old ends is no stop', () => {
  const {blocks} = model([2, 'moved', 3, 'changed', 'moved', 2, 'moved']);
  // The first moved row is a source (no new side); the one next to a change stays with it.
  blocks[1].newEnd = blocks[1].newStart;
  blocks[5].newEnd = blocks[5].newStart;
  assert.deepEqual(changesOf(blocks, false), {hunks: [[6, 7], [10]], kinds: ['changed', 'moved']});
  assert.deepEqual(movedAwayRuns(blocks, false), [[2]]);
});

test('drawnKind: a cosmetic-only row reads as equal under hide-cosmetic, a move never does', () => {
  const row = {kind: /** @type {RowKind} */ ('changed'), old: null, new: null, cosmetic: true};
  assert.equal(drawnKind(row, false), 'changed');
  assert.equal(drawnKind(row, true), 'equal');
  assert.equal(drawnKind({...row, kind: 'moved'}, true), 'moved');
  assert.equal(drawnKind({...row, cosmetic: false}, true), 'changed');
});

test('a no-change model has no changes and draws nothing', () => {
  assert.deepEqual(changesOf([], false), {hunks: [], kinds: []});
  assert.deepEqual(itemsOf([], 0, false, new Set()), []);
});

test('an unchanged run of three rows or fewer is drawn whole', () => {
  const {blocks, rowCount} = model(['changed', 3, 'changed']);
  assert.deepEqual(itemsOf(blocks, rowCount, false, new Set()), [0, 1, 2, 3, 4]);
});

test('a long unchanged run between changes folds, keeping one row of context on each side', () => {
  const {blocks, rowCount} = model(['changed', 10, 'changed']);
  assert.equal(CONTEXT_ROWS, 1);
  assert.deepEqual(itemsOf(blocks, rowCount, false, new Set()), [0, 1, {runStart: 1, from: 2, to: 10, open: false}, 10, 11]);
});

test('a long run at the start or the end keeps context only towards the change', () => {
  const {blocks, rowCount} = model([5, 'inserted', 6]);
  assert.deepEqual(itemsOf(blocks, rowCount, false, new Set()),
    [{runStart: 0, from: 0, to: 4, open: false}, 4, 5, 6, {runStart: 6, from: 7, to: 12, open: false}]);
});

test('an unfolded run stays a fold, open (its rows show, and it can be folded again); the others stay folded', () => {
  const {blocks, rowCount} = model([5, 'deleted', 6]);
  assert.deepEqual(itemsOf(blocks, rowCount, false, new Set([6])),
    [{runStart: 0, from: 0, to: 4, open: false}, 4, 5, 6, {runStart: 6, from: 7, to: 12, open: true}]);
});

test('only changes: every unchanged run is a fold, however short, with no context rows', () => {
  const {blocks, rowCount} = model([2, 'changed', 1, 'deleted', 6]);
  assert.deepEqual(itemsOf(blocks, rowCount, false, new Set(), true), [
    {runStart: 0, from: 0, to: 2, open: false}, 2, {runStart: 3, from: 3, to: 4, open: false}, 4,
    {runStart: 5, from: 5, to: 11, open: false},
  ]);
});

test('fold memory: each fold as toggled, or all at once, later toggles counting against that', () => {
  const folds = new FoldMemory();
  assert.equal(folds.has(3), false);
  folds.set(3, true);
  assert.deepEqual([folds.has(3), folds.has(9), folds.allOpen], [true, false, false]);
  folds.setAll(true);
  assert.deepEqual([folds.has(3), folds.has(9), folds.allOpen], [true, true, true]);
  folds.set(9, false);
  assert.deepEqual([folds.has(3), folds.has(9), folds.allOpen], [true, false, false]);
  folds.clear();
  assert.deepEqual([folds.has(3), folds.has(9)], [false, false]);
});

test('fold memory: its version changes with every toggle, so a layout made before one is not reused', () => {
  const folds = new FoldMemory();
  const seen = [folds.version];
  folds.set(3, true);
  seen.push(folds.version);
  folds.setAll(true);
  seen.push(folds.version);
  folds.clear();
  seen.push(folds.version);
  assert.equal(new Set(seen).size, seen.length, `versions ${seen.join(', ')}`);
});

test('hide-cosmetic: cosmetic-only rows join the unchanged run around them', () => {
  const {blocks, rowCount} = model([2, 'changed~', 3]);
  assert.deepEqual(itemsOf(blocks, rowCount, false, new Set()), [0, 1, 2, 3, 4, 5]);
  // One unchanged run of all six rows, with no change to keep context for.
  assert.deepEqual(itemsOf(blocks, rowCount, true, new Set()), [{runStart: 0, from: 0, to: 6, open: false}]);
});

/**
 * A row of a diff of two documents: equal spans, the ones named in `formatted` carrying a
 * formatting change, and `others` (inserted, deleted) on both sides.
 * @param {string[]} formatted @param {Span[]} [others]
 * @returns {import('../../pkg/article_diff.js').Row}
 */
function documentRow(formatted, others = []) {
  const formatting = {kind: /** @type {const} */ ('bold'), change: /** @type {const} */ ('added'), description: 'bold added'};
  const spans = [span('equal', 'A '), ...formatted.map((text) => ({...span('equal', text), formatting})), ...others];
  return {kind: 'changed', old: {paragraphs: [0], spans}, new: {paragraphs: [0], spans}, cosmetic: false};
}

test('formattingOnly: equal text whose formatting changed, and nothing else but hidden cosmetic changes', () => {
  assert.equal(formattingOnly(documentRow(['bold']), false), true);
  assert.equal(formattingOnly(documentRow([]), false), false, 'no formatting change at all');
  assert.equal(formattingOnly(documentRow(['bold'], [span('insert', 'new')]), false), false, 'a word change too');
  const cosmetic = documentRow(['bold'], [span('delete', '"', true), span('insert', '“', true)]);
  assert.equal(formattingOnly(cosmetic, false), false);
  assert.equal(formattingOnly(cosmetic, true), true, 'with hide-cosmetic, the cosmetic change is hidden too');
  // A move's ends are rows with one cell each: they stay changes, so the other end is reachable.
  assert.equal(formattingOnly({...documentRow(['bold']), kind: 'moved', new: null}, false), false);
});

test('drawnKind under hide-formatting: a formatting-only row reads as equal', () => {
  const row = documentRow(['bold']);
  assert.equal(drawnKind(row, false), 'changed');
  assert.equal(drawnKind(row, false, true), 'equal');
  assert.equal(drawnKind(documentRow(['bold'], [span('insert', 'x')]), false, true), 'changed');
});

test('hide-formatting: formatting-only rows fold into the unchanged run around them and are no stop', () => {
  const {blocks, rowCount} = model([2, 'changed', 3, 'changed', 4]);
  const rows = [documentRow(['bold']), documentRow(['bold'], [span('insert', 'word')])];
  const doc = {blocks, rowCount, stats: {...STATS, wordsUnchanged: 800, formattingChanges: 2}, documents: {},
    row: (/** @type {number} */ i) => (i === 2 ? rows[0] : i === 6 ? rows[1] : null)};
  const shown = layoutOf(doc, {hideCosmetic: false, onlyChanges: false, alignAnyway: false}, new Set());
  assert.deepEqual(shown.changes.hunks, [[2], [6]]);
  const hidden = layoutOf(doc, {hideCosmetic: false, onlyChanges: false, alignAnyway: false, hideFormatting: true}, new Set());
  assert.deepEqual(hidden.changes, {hunks: [[6]], kinds: ['changed']});
  // Rows 0–5 are one unchanged run: folded but for the context row next to the change.
  assert.deepEqual(hidden.items, [{runStart: 0, from: 0, to: 5, open: false}, 5, 6, 7, {runStart: 7, from: 8, to: 11, open: false}]);
  // Only a diff of two documents has formatting to hide; its rows are built once each.
  assert.equal(formattingHidden({...doc, documents: undefined}, false, true), null);
  assert.equal(formattingHidden(doc, false, false), null);
  let built = 0;
  const hide = /** @type {(block: Block) => boolean} */ (formattingHidden({...doc, row: (i) => (built++, doc.row(i))}, false, true));
  assert.equal(hide(blocks[1]) && hide(blocks[1]) && !hide(blocks[0]), true);
  assert.equal(built, 1);
});

test('hiddenChangesIn: the rows of a fold whose changes are hidden, by kind', () => {
  const {blocks, rowCount} = model([2, 'changed~', 3, 'changed', 1, 'split~', 'moved~', 4]);
  const formattingRows = new Set([6]);
  const hidden = /** @type {(block: Block) => boolean} */ ((block) => formattingRows.has(block.row));
  // Nothing hidden: a fold of unchanged rows holds no change.
  assert.deepEqual(hiddenChangesIn(blocks, 0, 2, false), {formatting: 0, cosmetic: 0});
  // Without hide-cosmetic, a cosmetic row is a change and never in a fold: not counted.
  assert.deepEqual(hiddenChangesIn(blocks, 0, rowCount, false), {formatting: 0, cosmetic: 0});
  // With it: the cosmetic changed and split rows; not the cosmetic move, which stays a change.
  assert.deepEqual(hiddenChangesIn(blocks, 0, rowCount, true), {formatting: 0, cosmetic: 2});
  assert.deepEqual(hiddenChangesIn(blocks, 0, rowCount, true, hidden), {formatting: 1, cosmetic: 2});
  // Only the rows within [from, to): a fold keeps context rows outside it.
  assert.deepEqual(hiddenChangesIn(blocks, 3, 9, true, hidden), {formatting: 1, cosmetic: 1});
  assert.deepEqual(hiddenChangesIn(blocks, 3, 8, true, hidden), {formatting: 1, cosmetic: 0});
  assert.deepEqual(hiddenChangesIn(blocks, 3, 6, true, hidden), {formatting: 0, cosmetic: 0});
  assert.deepEqual(hiddenChangesIn([], 0, 4, true, hidden), {formatting: 0, cosmetic: 0});
});

test('every row is drawn or folded exactly once', () => {
  const {blocks, rowCount} = model([7, 'changed', 'split', 4, 'moved', 1, 'merged', 40, 'inserted~', 9]);
  for (const [hideCosmetic, onlyChanges] of [[false, false], [true, false], [false, true], [true, true]]) {
    const seen = [];
    for (const item of itemsOf(blocks, rowCount, hideCosmetic, new Set([11]), onlyChanges)) {
      if (typeof item === 'number') seen.push(item);
      else if ('runStart' in item) for (let row = item.from; row < item.to; row++) seen.push(row);
    }
    assert.deepEqual(seen, Array.from({length: rowCount}, (_, i) => i), `hideCosmetic ${hideCosmetic}, onlyChanges ${onlyChanges}`);
  }
});

test('rowItems lists an unfolded run', () => {
  assert.deepEqual(rowItems(3, 6), [3, 4, 5]);
  assert.deepEqual(rowItems(4, 4), []);
});

test('next and previous wrap around, and previous before the first step goes to the last', () => {
  assert.equal(nextChange(-1, 3), 0);
  assert.equal(nextChange(2, 3), 0);
  assert.equal(previousChange(-1, 3), 2);
  assert.equal(previousChange(0, 3), 2);
  assert.equal(previousChange(2, 3), 1);
  assert.equal(nextChange(-1, 0), -1);
  assert.equal(previousChange(-1, 0), -1);
});

test('changeOfRow finds the change holding a row, or -1', () => {
  const hunks = [[2, 3], [7]];
  assert.equal(changeOfRow(hunks, 3), 0);
  assert.equal(changeOfRow(hunks, 7), 1);
  assert.equal(changeOfRow(hunks, 5), -1);
});

test('interleave: deletions before insertions between the equal spans, which come from the new side', () => {
  const oldSpans = [span('equal', 'The '), span('delete', 'quick'), span('equal', ' brown fox.')];
  const newSpans = [span('equal', 'The '), span('insert', 'slow'), span('equal', ' brown fox.')];
  assert.deepEqual(interleave(oldSpans, newSpans, false), [newSpans[0], oldSpans[1], newSpans[1], newSpans[2]]);
});

test('equalPartners: each new equal span with the old one of the same rank, changes skipped', () => {
  const oldSpans = [span('equal', 'The '), span('delete', 'quick'), span('equal', ' brown'), span('equal', ' fox.')];
  const newSpans = [span('insert', 'So '), span('equal', 'The '), span('equal', ' brown'), span('insert', ' red'), span('equal', ' fox.')];
  const partners = equalPartners(oldSpans, newSpans);
  assert.deepEqual([...partners].map(([n, o]) => [newSpans.indexOf(n), oldSpans.indexOf(o)]), [[1, 0], [2, 2], [4, 3]]);
  assert.equal(equalPartners([], newSpans).size, 0);
});

test('interleave: a trailing deletion or insertion comes last', () => {
  assert.deepEqual(interleave([span('equal', 'A'), span('delete', ' B')], [span('equal', 'A')], false).map((s) => s.text), ['A', ' B']);
  assert.deepEqual(interleave([span('equal', 'A')], [span('equal', 'A'), span('insert', ' C')], false).map((s) => s.text), ['A', ' C']);
  assert.deepEqual(interleave([], [span('insert', 'New')], false).map((s) => s.text), ['New']);
});

test('interleave under hide-cosmetic: a cosmetic change reads as the new text only', () => {
  const oldSpans = [span('equal', 'He said '), span('delete', '"', true), span('equal', 'hi')];
  const newSpans = [span('equal', 'He said '), span('insert', '“', true), span('equal', 'hi')];
  assert.deepEqual(interleave(oldSpans, newSpans, true).map((s) => s.text), ['He said ', '“', 'hi']);
  assert.deepEqual(interleave(oldSpans, newSpans, false).map((s) => s.text), ['He said ', '"', '“', 'hi']);
});

test('a deleted or inserted run is one block and draws a row per paragraph, one change with its neighbours', () => {
  /** @type {Block[]} */
  const blocks = [
    {kind: 'equal', row: 0, rowCount: 5, oldStart: 0, oldEnd: 5, newStart: 0, newEnd: 5, cosmetic: false},
    {kind: 'deleted', row: 5, rowCount: 3, oldStart: 5, oldEnd: 8, newStart: 5, newEnd: 5, cosmetic: false},
    {kind: 'inserted', row: 8, rowCount: 2, oldStart: 8, oldEnd: 8, newStart: 5, newEnd: 7, cosmetic: false},
    {kind: 'equal', row: 10, rowCount: 1, oldStart: 8, oldEnd: 9, newStart: 7, newEnd: 8, cosmetic: false},
    {kind: 'inserted', row: 11, rowCount: 4, oldStart: 9, oldEnd: 9, newStart: 8, newEnd: 12, cosmetic: false},
  ];
  assert.deepEqual(changesOf(blocks, false), {hunks: [[5, 6, 7, 8, 9], [11, 12, 13, 14]], kinds: ['deleted', 'inserted']});
  assert.deepEqual(changesOf(blocks, true).hunks, [[5, 6, 7, 8, 9], [11, 12, 13, 14]]);
  assert.deepEqual(itemsOf(blocks, 15, false, new Set()), [{runStart: 0, from: 0, to: 4, open: false}, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  assert.equal(changeOfRow(changesOf(blocks, false).hunks, 13), 1);
});

test('the automatic view: inline below the width, two columns again only clearly above it', () => {
  assert.equal(autoView(390, null), 'inline');
  assert.equal(autoView(1280, null), 'split');
  assert.equal(autoView(INLINE_BELOW_PX, null), 'split');
  // A scroll bar's width either way does not flip it.
  assert.equal(autoView(INLINE_BELOW_PX + VIEW_HYSTERESIS_PX - 1, 'inline'), 'inline');
  assert.equal(autoView(INLINE_BELOW_PX + VIEW_HYSTERESIS_PX, 'inline'), 'split');
  assert.equal(autoView(INLINE_BELOW_PX - 1, 'split'), 'inline');
});

/** @type {import('../../pkg/article_diff.js').Stats} */
const STATS = {
  wordsInserted: 0, wordsDeleted: 0, wordsUnchanged: 0, paragraphsChanged: 0, paragraphsInserted: 0,
  paragraphsDeleted: 0, paragraphsMoved: 0, paragraphsSplit: 0, paragraphsMerged: 0, cosmeticChanges: 0,
};

test('unrelated versions: little text in common, both long enough to read apart', () => {
  const unrelated = {...STATS, wordsUnchanged: 30, wordsDeleted: 900, wordsInserted: 400};
  assert.equal(sharedWords(unrelated), 30 / 930);
  assert.equal(looksUnrelated(unrelated, {old: 40, new: 20}), true);
  // A short pair reads fine aligned, however different.
  assert.equal(looksUnrelated(unrelated, {old: 2, new: 20}), false);
  // An edited article shares most of its words.
  assert.equal(looksUnrelated({...STATS, wordsUnchanged: 800, wordsDeleted: 100, wordsInserted: 300}, {old: 40, new: 42}), false);
  assert.equal(sharedWords(STATS), 1, 'two empty texts are the same');
});

test('paragraph counts come from the blocks', () => {
  const {blocks} = model([3, 'changed', 4]);
  assert.deepEqual(paragraphCounts(blocks), {old: 8, new: 8});
  assert.deepEqual(paragraphCounts([]), {old: 0, new: 0});
});

test('versions one after the other: the old part, then the new, each a stop', () => {
  const {blocks, rowCount} = model([1, 'deleted', 'inserted']);
  blocks[1].newEnd = blocks[1].newStart; // a deleted row has no new side
  blocks[2].oldEnd = blocks[2].oldStart; // an inserted one no old side
  const {items, changes} = stackedItems(blocks, rowCount);
  assert.deepEqual(items, [{heading: 'old', paragraphs: 2}, 0, 1, {heading: 'new', paragraphs: 3}, 3, 5]);
  assert.deepEqual(changes, {hunks: [[0, 1], [3, 5]], kinds: ['deleted', 'inserted']});
});

test('layoutOf: related versions are aligned, with their folds and changes', () => {
  const {blocks, rowCount} = model([1, 'changed', 8, 'inserted']);
  const related = {blocks, rowCount, stats: {...STATS, wordsUnchanged: 800, wordsDeleted: 10, wordsInserted: 30}, approximate: false};
  const settings = {hideCosmetic: false, onlyChanges: false, alignAnyway: false};
  assert.deepEqual(layoutOf(related, settings, new Set()), {
    paragraphs: {old: 11, new: 11}, unrelated: false, stacked: false,
    items: itemsOf(blocks, rowCount, false, new Set()), changes: changesOf(blocks, false),
  });
  // The settings reach the items: only changes folds every unchanged run, an unfolded run stays open.
  assert.deepEqual(layoutOf(related, {...settings, onlyChanges: true}, new Set([2])).items,
    itemsOf(blocks, rowCount, false, new Set([2]), true));
});

test('layoutOf: unrelated versions one after the other, unless aligned anyway or approximate', () => {
  const {blocks, rowCount} = model([1, 'deleted', 'inserted', 'changed']);
  const unrelated = {blocks, rowCount, stats: {...STATS, wordsUnchanged: 30, wordsDeleted: 900, wordsInserted: 400}, approximate: false};
  const settings = {hideCosmetic: false, onlyChanges: false, alignAnyway: false};
  const stacked = layoutOf(unrelated, settings, new Set());
  assert.equal(stacked.unrelated, true);
  assert.equal(stacked.stacked, true);
  assert.deepEqual({items: stacked.items, changes: stacked.changes}, stackedItems(blocks, rowCount));
  const aligned = layoutOf(unrelated, {...settings, alignAnyway: true}, new Set());
  assert.deepEqual([aligned.unrelated, aligned.stacked], [true, false]);
  assert.deepEqual(aligned.changes, changesOf(blocks, false));
  // An approximate diff shares less than its texts do: it is not called unrelated.
  const approximate = layoutOf({...unrelated, approximate: true}, settings, new Set());
  assert.deepEqual([approximate.unrelated, approximate.stacked], [false, false]);
});
