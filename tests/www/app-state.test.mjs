// @ts-check
// Unit tests of the demo page's pure parts: its state in the URL (www/app-url.js) and its list
// of versions (www/app-versions.js).
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {readUrlState, writeUrlState} from '../../www/app-url.js';
import {Versions, versionName} from '../../www/app-versions.js';

test('the URL keeps the view, the options and the current change, and reads back the same', () => {
  const state = {view: /** @type {const} */ ('inline'), change: 'change-12', flags: {'only-changes': true, 'hide-cosmetic': false, 'ignore-case': true}};
  const hash = writeUrlState(state);
  assert.equal(hash, '#change=change-12&view=inline&only-changes&ignore-case');
  assert.deepEqual(readUrlState(hash), {view: 'inline', change: 'change-12', flags: {'only-changes': true, 'ignore-case': true}});
  assert.equal(writeUrlState({view: null, change: null, flags: {}}), '', 'the defaults need no fragment');
});

test('a bare anchor to a change is a link to it; anything unknown or malformed is ignored', () => {
  assert.deepEqual(readUrlState('#change-3'), {view: null, change: 'change-3', flags: {}});
  assert.deepEqual(readUrlState('change=change-0&view=sideways&colour=red'), {view: null, change: null, flags: {}});
  assert.deepEqual(readUrlState('#change=<script>&no-moves=0&ignore-whitespace=1'), {view: null, change: null, flags: {'no-moves': false, 'ignore-whitespace': true}});
  assert.deepEqual(readUrlState(''), {view: null, change: null, flags: {}});
  assert.equal(writeUrlState({view: 'inline', change: 'javascript:alert(1)', flags: {}}), '#view=inline');
});

/** @param {string} label */
const v = (label) => ({label, text: `${label} text`, source: ''});

test('several versions: the last two are compared; a slider step is a consecutive pair', () => {
  const versions = new Versions([v('a'), v('b'), v('c'), v('d')]);
  assert.deepEqual([versions.old, versions.new], [2, 3]);
  versions.step(1);
  assert.deepEqual([versions.old, versions.new, versions.stepAt], [0, 1, 1]);
  versions.step(99);
  assert.deepEqual([versions.old, versions.new], [2, 3], 'a step past the end is the last pair');
  assert.throws(() => new Versions([v('a')]), /two versions/);
});

test('picking a version the other side shows swaps them; any two can be compared', () => {
  const versions = new Versions([v('a'), v('b'), v('c')]);
  versions.pick('old', 0);
  assert.deepEqual([versions.old, versions.new], [0, 2]);
  versions.pick('old', 2);
  assert.deepEqual([versions.old, versions.new], [2, 0], 'newer against older is allowed: it reads backwards');
  versions.pick('new', 7);
  assert.deepEqual([versions.old, versions.new], [2, 0], 'out of range does nothing');
  versions.swap();
  assert.deepEqual([versions.old, versions.new], [0, 2]);
});

test('adding compares the new version with the one that was new; removing keeps the pair as close as it can', () => {
  const versions = new Versions([v('a'), v('b')]);
  versions.add(v('c'));
  assert.deepEqual([versions.old, versions.new, versions.list.length], [1, 2, 3]);
  assert.equal(versions.remove(2), true);
  assert.deepEqual([versions.old, versions.new], [0, 1]);
  assert.equal(versions.remove(0), false, 'two versions are always left');
  const four = new Versions([v('a'), v('b'), v('c'), v('d')]);
  four.pick('old', 0);
  four.remove(1);
  assert.deepEqual(four.list.map((x) => x.label), ['a', 'c', 'd']);
  assert.deepEqual([four.old, four.new], [0, 2], 'the pair compared is still a and d');
  assert.equal(versionName(four.list[1], 1), '2. c');
});
