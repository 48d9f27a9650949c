// @ts-check
// Unit tests of www/article-diff-engine-client.js's recovery from a trapped engine.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {withEngine} from '../../www/article-diff-engine-client.js';

/** A stand-in for the engine: `diff` answers with the instance's number, or traps. */
function engines(/** @type {boolean[]} */ traps) {
  /** @type {boolean[]} */
  const loads = [];
  let made = 0;
  const load = async (/** @type {boolean} */ fresh) => {
    loads.push(fresh);
    const instance = fresh ? ++made : made;
    return /** @type {any} */ ({
      diff: () => {
        if (traps.shift()) throw new WebAssembly.RuntimeError('unreachable');
        return `instance ${instance}`;
      },
    });
  };
  return {load, loads};
}

test('a trapped engine is instantiated afresh and the call runs again, once', async () => {
  const ok = engines([false]);
  assert.equal(await withEngine((e) => e.diff('a', 'b', {}), ok.load), 'instance 0');
  assert.deepEqual(ok.loads, [false]);

  const once = engines([true, false]);
  assert.equal(await withEngine((e) => e.diff('a', 'b', {}), once.load), 'instance 1');
  assert.deepEqual(once.loads, [false, true]);

  const twice = engines([true, true]);
  await assert.rejects(withEngine((e) => e.diff('a', 'b', {}), twice.load), WebAssembly.RuntimeError);
  assert.deepEqual(twice.loads, [false, true]);
});

test('any other error is the caller\'s, with no new instance', async () => {
  const {load, loads} = engines([]);
  await assert.rejects(withEngine(() => { throw new TypeError('bad options'); }, load), TypeError);
  assert.deepEqual(loads, [false]);
});
