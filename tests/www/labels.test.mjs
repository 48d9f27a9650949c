// @ts-check
// Unit tests of www/article-diff-labels.js: the words the element shows around the article text.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {
  counterText, describeRow, foldText, gutterSign, moveLabel, paragraphNumbers, plural, shownStats, summaryItems,
} from '../../www/article-diff-labels.js';
import {resolveStrings} from '../../www/article-diff-strings.js';

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

test('a fold says which of its paragraphs changed in a way the reader hid, never calling them unchanged', () => {
  const none = {formatting: 0, cosmetic: 0};
  assert.equal(foldText(5, none, false), '5 unchanged paragraphs');
  assert.equal(foldText(1, none, true), 'Fold 1 unchanged paragraph');
  assert.equal(foldText(6, {formatting: 2, cosmetic: 0}, false), '4 unchanged paragraphs, 2 paragraphs with hidden formatting changes');
  assert.equal(foldText(6, {formatting: 0, cosmetic: 1}, false), '5 unchanged paragraphs, 1 paragraph with hidden cosmetic changes');
  assert.equal(foldText(3, {formatting: 1, cosmetic: 2}, false),
    '1 paragraph with hidden formatting changes, 2 paragraphs with hidden cosmetic changes', 'no unchanged paragraph to count');
  assert.equal(foldText(6, {formatting: 2, cosmetic: 0}, true), 'Fold 6 paragraphs');
  // In the strings' language, with its plural forms and its list's punctuation.
  const german = resolveStrings({locale: 'de', unchangedParagraphs: {one: '{n} unveränderter Absatz', other: '{n} unveränderte Absätze'},
    foldHiddenFormatting: {one: '{n} Absatz mit ausgeblendeter Formatierung', other: '{n} Absätze mit ausgeblendeter Formatierung'}});
  assert.equal(foldText(1201, {formatting: 1, cosmetic: 0}, false, german), '1.200 unveränderte Absätze, 1 Absatz mit ausgeblendeter Formatierung');
});

test('the summary counts what is shown: hidden formatting changes and cosmetic-only splits are not listed', () => {
  const stats = {...NO_CHANGES, wordsInserted: 2, paragraphsChanged: 1, paragraphsSplit: 2, cosmeticChanges: 1, formattingChanges: 3};
  const blocks = /** @type {import('../../pkg/article_diff.js').Block[]} */ ([
    {kind: 'split', row: 0, rowCount: 1, oldStart: 0, oldEnd: 1, newStart: 0, newEnd: 2, cosmetic: true},
    {kind: 'split', row: 1, rowCount: 1, oldStart: 1, oldEnd: 2, newStart: 2, newEnd: 4, cosmetic: false},
  ]);
  const texts = (/** @type {Stats} */ s, hideFormatting = false) => summaryItems(s, undefined, hideFormatting).map((item) => item.text);
  assert.deepEqual(texts(shownStats(stats, blocks, false)), ['+2 words', '1 paragraph changed', '2 split', '3 formatting']);
  assert.deepEqual(texts(shownStats(stats, blocks, true)), ['+2 words', '1 paragraph changed', '1 split', '3 formatting']);
  assert.deepEqual(texts(shownStats(stats, blocks, false), true), ['+2 words', '−0 words', '1 paragraph changed', '2 split']);
  assert.deepEqual(texts(shownStats(stats, blocks, true), true), ['+2 words', '−0 words', '1 paragraph changed', '1 split']);
  // Versions that differ only in what is hidden still differ: their words are counted, as
  // with only cosmetic changes hidden.
  assert.deepEqual(texts({...NO_CHANGES, formattingChanges: 2}), ['2 formatting']);
  assert.deepEqual(texts({...NO_CHANGES, formattingChanges: 2}, true), ['+0 words', '−0 words']);
  assert.deepEqual(texts(shownStats({...NO_CHANGES, cosmeticChanges: 2}, [], true)), ['+0 words', '−0 words']);
  assert.deepEqual(texts(NO_CHANGES, true), ['No differences']);
});
