// @ts-check
// Unit tests of www/article-diff-data.js's reading of a data block's text (the DOM side, parsing
// order and hostile content, is tested in Chromium: tests/e2e/host.test.mjs).
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {DataBlockError, applyDataBlock, parseDataBlock, upgradeProperties} from '../../www/article-diff-data.js';

test('a block gives texts and strings; each key is optional', () => {
  assert.deepEqual(parseDataBlock('{"oldText": "a", "newText": "b"}'), {oldText: 'a', newText: 'b'});
  assert.deepEqual(parseDataBlock(' {"newText": "only"} \n'), {newText: 'only'});
  assert.deepEqual(parseDataBlock('{"oldText": null, "strings": {"previous": "Zurück"}}'), {oldText: null, strings: {previous: 'Zurück'}});
  assert.deepEqual(parseDataBlock('{}'), {});
});

test('escaped markup in a text is text: \\u003c is <', () => {
  const data = parseDataBlock('{"oldText": "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"}');
  assert.equal(data.oldText, '</script><img src=x onerror=alert(1)>');
});

test('a block the element cannot use is refused, saying why', () => {
  /** @param {string} json @param {RegExp} message */
  const refused = (json, message) => assert.throws(() => parseDataBlock(json), (error) => error instanceof DataBlockError && message.test(error.message));
  refused('', /not valid JSON/);
  refused('{"oldText": "a"', /not valid JSON/);
  refused('["a", "b"]', /must hold a JSON object/);
  refused('"a"', /must hold a JSON object/);
  refused('null', /must hold a JSON object/);
  refused('{"old": "a"}', /key “old”; its keys are oldText, newText, strings/);
  refused('{"oldText": 5}', /oldText must be a string, not number/);
  refused('{"newText": ["a"]}', /newText must be a string, not an array/);
});

test('no proper prefix of a block is a block: a block still arriving is never read short', () => {
  const json = JSON.stringify({oldText: 'one {"two"} three', newText: '}', strings: {previous: '}'}});
  for (let end = 0; end < json.length; end++) assert.throws(() => parseDataBlock(json.slice(0, end)), DataBlockError);
  assert.ok(parseDataBlock(json));
});

/** An object with the element's three accessors, recording what they were set to, in order. */
function target() {
  /** @type {[string, unknown][]} */
  const set = [];
  class Target {
    set oldText(value) { set.push(['oldText', value]); }
    get oldText() { return null; }
    set newText(value) { set.push(['newText', value]); }
    get newText() { return null; }
    set strings(value) { set.push(['strings', value]); }
    get strings() { return null; }
  }
  return {host: new Target(), set};
}

test('properties set before the class was defined move onto its accessors', () => {
  const {host, set} = target();
  // What a script set on the element before it was upgraded: own properties, hiding the accessors.
  Object.defineProperty(host, 'newText', {value: 'early', writable: true, configurable: true, enumerable: true});
  assert.deepEqual(upgradeProperties(host), ['newText']);
  assert.deepEqual(set, [['newText', 'early']]);
  assert.equal(Object.prototype.hasOwnProperty.call(host, 'newText'), false);
  assert.deepEqual(upgradeProperties(host), [], 'once moved, nothing left to move');
});

test('a data block sets the strings first, and leaves the properties a script set', () => {
  const {host, set} = target();
  applyDataBlock(host, {oldText: 'a', newText: 'b', strings: {next: 'Nächste'}}, new Set(['oldText']));
  assert.deepEqual(set, [['strings', {next: 'Nächste'}], ['newText', 'b']]);
  set.length = 0;
  applyDataBlock(host, {oldText: null}, new Set());
  assert.deepEqual(set, [['oldText', null]], 'a key the block does not have is left alone; null is set');
});
