// @ts-check
// Unit tests of www/article-diff-updates.js: when the element diffs and when it only redraws.
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {Updates, nextTask} from '../../www/article-diff-updates.js';

/** The calls a queue made, and a promise that the test settles by hand. */
function harness() {
  /** @type {string[]} */
  const calls = [];
  /** @type {() => void} */
  let finish = () => {};
  const updates = new Updates(async () => {
    calls.push('update');
    await updates.run(() => { calls.push('redraw'); }, async (version) => {
      calls.push(`diff ${version}`);
      await new Promise((resolve) => { finish = () => resolve(undefined); });
      if (!updates.isStale(version)) updates.diffed(version);
    });
  });
  return {updates, calls, finish: () => finish()};
}

test('many changes in one task are one update', async () => {
  const {updates, calls, finish} = harness();
  updates.changed();
  updates.schedule();
  updates.changed();
  updates.schedule();
  assert.equal(updates.queued, true);
  const last = updates.last;
  await Promise.resolve();
  assert.deepEqual(calls, ['update', 'diff 2']);
  assert.equal(updates.queued, false);
  assert.equal(updates.settled, false, 'diffing');
  finish();
  await last;
  assert.equal(updates.settled, true);
});

test('inputs diffed already are redrawn, not diffed again', async () => {
  const {updates, calls, finish} = harness();
  updates.schedule();
  await Promise.resolve();
  finish();
  await updates.last;
  updates.schedule();
  await updates.last;
  assert.deepEqual(calls, ['update', 'diff 0', 'update', 'redraw']);
});

test('a redraw asked for during a diff of the same inputs waits for it; new inputs diff again', async () => {
  const {updates, calls, finish} = harness();
  updates.schedule();
  await Promise.resolve();
  const first = updates.last;
  updates.schedule();
  const second = updates.last;
  await Promise.resolve();
  assert.deepEqual(calls, ['update', 'diff 0', 'update'], 'the second update waits for the first diff');
  let waited = false;
  void second.then(() => { waited = true; });
  await Promise.resolve();
  assert.equal(waited, false);
  finish();
  await first;
  await second;
  assert.equal(updates.settled, true);
  updates.changed();
  assert.equal(updates.isStale(0), true);
  assert.equal(updates.settled, false, 'new inputs');
  updates.schedule();
  await Promise.resolve();
  assert.deepEqual(calls.slice(3), ['update', 'diff 1']);
});

test('nextTask resolves in a later task: after the microtasks and the timers queued before it', async () => {
  /** @type {string[]} */
  const order = [];
  setTimeout(() => order.push('timer'), 0);
  const next = nextTask().then(() => order.push('next task'));
  void Promise.resolve().then(() => order.push('microtask'));
  await next;
  assert.deepEqual(order, ['microtask', 'timer', 'next task']);
});
