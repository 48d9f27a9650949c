// @ts-check
// Unit tests of www/article-diff-labels.js: the words the element shows around the article text.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {
  counterText, describeRow, gutterSign, moveLabel, paragraphNumbers, plural, summaryItems,
} from '../../www/article-diff-labels.js';

/**
 * @typedef {import('../../pkg/article_diff.js').Row} Row
 * @typedef {import('../../pkg/article_diff.js').Stats} Stats
 */

/** @type {Stats} */
const NO_CHANGES = {
  wordsInserted: 0, wordsDeleted: 0, wordsUnchanged: 120, paragraphsChanged: 0, paragraphsInserted: 0,
  paragraphsDeleted: 0, paragraphsMoved: 0, paragraphsSplit: 0, paragraphsMerged: 0, cosmeticChanges: 0,
};

test('plural: one, none and thousands', () => {
  assert.equal(plural(1, 'word', 'words'), '1 word');
  assert.equal(plural(0, 'word', 'words'), '0 words');
  assert.equal(plural(1204, 'word', 'words'), '1,204 words');
});

test('paragraph numbers are 1-based, a range for a cell of several paragraphs', () => {
  assert.equal(paragraphNumbers({paragraphs: [0], spans: []}), '1');
  assert.equal(paragraphNumbers({paragraphs: [11, 12, 13], spans: []}), '12–14');
});

test('describeRow names each kind, and which end of a move', () => {
  const cell = {paragraphs: [0], spans: []};
  /** @param {Partial<Row>} row @returns {Row} */
  const row = (row) => ({kind: 'changed', old: cell, new: cell, cosmetic: false, ...row});
  assert.equal(describeRow(row({})), 'Changed paragraph');
  assert.equal(describeRow(row({cosmetic: true})), 'Cosmetic change');
  assert.equal(describeRow(row({kind: 'moved', new: null})), 'Paragraph moved away');
  assert.equal(describeRow(row({kind: 'moved', old: null})), 'Moved paragraph');
  assert.equal(describeRow(row({kind: 'merged'})), 'Merged paragraphs');
  assert.equal(describeRow(row({kind: 'equal'})), 'Paragraph');
});

test('gutter signs: + and − per side, ± inline, none on unchanged rows', () => {
  assert.equal(gutterSign('inserted', 'new', 'split'), '+');
  assert.equal(gutterSign('deleted', 'old', 'inline'), '−');
  assert.equal(gutterSign('changed', 'old', 'split'), '−');
  assert.equal(gutterSign('split', 'new', 'split'), '+');
  assert.equal(gutterSign('changed', 'new', 'inline'), '±');
  assert.equal(gutterSign('equal', 'old', 'split'), '');
});

test('both ends of a move say which way the paragraph went (issue 24), and where the other end is', () => {
  // Paragraph 3 went down to new paragraph 10: its source is row 2, its destination row 10.
  const down = {id: 0, from: 2, to: 9, similarity: 1, oldRow: 2, newRow: 10};
  assert.deepEqual(moveLabel(down, 2, 'old'), {target: 10, down: true, text: 'Moved down to new ¶ 10', where: 'below'});
  assert.deepEqual(moveLabel(down, 10, 'new'), {target: 2, down: false, text: 'Moved down from old ¶ 3', where: 'above'});
  // Old paragraph 16 to new 513 reads "down" at its destination too.
  const far = {id: 1, from: 15, to: 512, similarity: 1, oldRow: 15, newRow: 530};
  assert.equal(moveLabel(far, 530, 'new').text, 'Moved down from old ¶ 16');
  // Old paragraph 5 up to new paragraph 2: "up" at both ends.
  const up = {id: 2, from: 4, to: 1, similarity: 1, oldRow: 6, newRow: 1};
  assert.equal(moveLabel(up, 6, 'old').text, 'Moved up to new ¶ 2');
  assert.deepEqual(moveLabel(up, 1, 'new'), {target: 6, down: true, text: 'Moved up from old ¶ 5', where: 'below'});
  assert.equal(moveLabel({...down, similarity: 0.82}, 2, 'old').text, 'Moved down to new ¶ 10 (edited)');
});

test('the summary says "No differences" when nothing changed, cosmetic changes included', () => {
  assert.deepEqual(summaryItems(NO_CHANGES), [{cls: 'same', text: 'No differences'}]);
  assert.notDeepEqual(summaryItems({...NO_CHANGES, cosmeticChanges: 1}), [{cls: 'same', text: 'No differences'}]);
});

test('the summary lists words in and out, then only the kinds of paragraph change that occurred', () => {
  const items = summaryItems({...NO_CHANGES, wordsInserted: 1, wordsDeleted: 2500, paragraphsChanged: 1, paragraphsMoved: 3});
  assert.deepEqual(items, [
    {cls: 'ins', text: '+1 word', title: 'Words inserted'},
    {cls: 'del', text: '−2,500 words', title: 'Words deleted'},
    {cls: 'changed', text: '1 paragraph changed'},
    {cls: 'moved', text: '3 moved', title: 'Paragraphs moved'},
  ]);
});

test('the summary of formatting changes leaves out the word counts that are zero', () => {
  assert.deepEqual(summaryItems({...NO_CHANGES, formattingChanges: 2}), [
    {cls: 'formatting', text: '2 formatting', title: 'Formatting changes on unchanged text (bold, links, headings…)'},
  ]);
  assert.deepEqual(summaryItems({...NO_CHANGES, wordsDeleted: 1, formattingChanges: 1}).map((item) => item.text), ['−1 word', '1 formatting']);
  // Without formatting changes a zero count still says that nothing went in (or out).
  assert.deepEqual(summaryItems({...NO_CHANGES, wordsDeleted: 3}).map((item) => item.text), ['+0 words', '−3 words']);
});

test('the counter: no changes, the count before the first step, then "n of N"', () => {
  assert.equal(counterText(-1, 0), 'No changes');
  assert.equal(counterText(-1, 1), '1 change');
  assert.equal(counterText(-1, 1017), '1,017 changes');
  assert.equal(counterText(2, 1017), '3 of 1,017');
});
