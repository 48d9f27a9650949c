// @ts-check
// Unit tests of www/article-diff-options.js: the engine's options from the element's attributes.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {diffOptions, parseTimeout} from '../../www/article-diff-options.js';

/**
 * `getAttribute` of an element with these attributes.
 * @param {Record<string, string>} attributes
 */
const attributesOf = (attributes) => (/** @type {string} */ name) => attributes[name] ?? null;

test('timeout-ms takes positive decimal numbers, spaces around them allowed', () => {
  assert.equal(parseTimeout('250'), 250);
  assert.equal(parseTimeout(' 1.5 '), 1.5);
  assert.equal(parseTimeout('007'), 7);
});

test('timeout-ms refuses what Number() would take but a reader would not mean', () => {
  for (const value of ['0x10', '1e3', 'Infinity', '0', '0.0', '-5', '+5', '1.', '.5', '', ' ', '250ms', '1_000']) {
    assert.ok(Number.isNaN(parseTimeout(value)), JSON.stringify(value));
  }
});

test('without attributes: moves on, case and whitespace count, the engine picks the budget', () => {
  assert.deepEqual(diffOptions(attributesOf({})), {detectMoves: true, ignoreCase: false, ignoreWhitespace: false});
});

test('boolean attributes count by presence, whatever their value', () => {
  assert.deepEqual(diffOptions(attributesOf({'no-moves': '', 'ignore-case': 'false', 'ignore-whitespace': ''})),
    {detectMoves: false, ignoreCase: true, ignoreWhitespace: true});
});

test('a valid timeout-ms is passed on; an invalid one is an error that quotes it', () => {
  assert.equal(diffOptions(attributesOf({'timeout-ms': '250'})).timeoutMs, 250);
  assert.throws(() => diffOptions(attributesOf({'timeout-ms': '1e3'})),
    {message: 'timeout-ms must be a positive number of milliseconds in decimal digits (such as 250), got "1e3"'});
});
