// @ts-check
// Unit tests of www/article-diff-diffing.js: what one diff checks before the engine is loaded.
// The diff itself (the engine, the worker, a long diff's tasks) is tested end to end.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {diffInputs} from '../../www/article-diff-diffing.js';

/** A shadow root that fails the test if the stylesheet is linked into it. */
const root = /** @type {ShadowRoot} */ (/** @type {unknown} */ (new Proxy({}, {
  get() { throw new Error('the documents\' stylesheet was linked'); },
})));

/** Handlers that record what they were told. */
function handlers() {
  /** @type {string[]} */
  const told = [];
  return {told, on: {stale: () => false, long: () => { told.push('long'); }, workerUnavailable: () => { told.push('workerUnavailable'); }}};
}

test('a format that is not text, html or markdown is an error, before anything is loaded', async () => {
  const {told, on} = handlers();
  await assert.rejects(diffInputs({oldText: 'a', newText: 'b', format: 'pdf', attribute: () => null}, root, on),
    /format` must be "text", "html" or "markdown", got "pdf"/);
  assert.deepEqual(told, []);
});

test('a timeout-ms that is not a budget is an error, before the engine is loaded', async () => {
  const {told, on} = handlers();
  const attribute = (/** @type {string} */ name) => (name === 'timeout-ms' ? '1e3' : null);
  await assert.rejects(diffInputs({oldText: 'a', newText: 'b', format: 'text', attribute}, root, on),
    /timeout-ms must be a positive number of milliseconds in decimal digits \(such as 250\), got "1e3"/);
  assert.deepEqual(told, []);
});
