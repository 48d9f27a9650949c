// @ts-check
// Unit tests of www/article-diff-data.js's reading of a data block's text (the DOM side, parsing
// order and hostile content, is tested in Chromium: tests/e2e/host.test.mjs).
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {DataBlockError, parseDataBlock} from '../../www/article-diff-data.js';

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
