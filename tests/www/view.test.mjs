// @ts-check
// Unit tests of www/article-diff-view.js's pure part: when a layout computed earlier may be drawn.
// The view itself (the frame, the rows' clicks, the page's effects) is tested end to end.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {sameLayout} from '../../www/article-diff-view.js';

/** @typedef {import('../../www/article-diff-view.js').LayoutKey} LayoutKey */

const model = /** @type {import('../../pkg/article_diff.js').ArticleDiff} */ (/** @type {unknown} */ ({blocks: []}));
/** @type {LayoutKey} */
const key = {model, hideCosmetic: false, hideFormatting: false, onlyChanges: false, alignAnyway: false, folds: 3};

test('a layout is drawn again while its model, settings and folds are as they were', () => {
  assert.equal(sameLayout(key, {...key}), true);
});

test('a layout is laid out again when anything it depends on changed', () => {
  const other = /** @type {typeof model} */ (/** @type {unknown} */ ({blocks: []}));
  /** @type {[string, Partial<LayoutKey>][]} */
  const changes = [
    ['another model (an equal one too)', {model: other}],
    ['hide-cosmetic', {hideCosmetic: true}],
    ['hide-formatting', {hideFormatting: true}],
    ['only-changes', {onlyChanges: true}],
    ['align anyway', {alignAnyway: true}],
    ['a fold opened or closed', {folds: 4}],
  ];
  for (const [what, change] of changes) {
    assert.equal(sameLayout(key, {...key, ...change}), false, what);
    assert.equal(sameLayout({...key, ...change}, key), false, what);
  }
});
