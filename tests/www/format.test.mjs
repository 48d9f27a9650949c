// Unit tests of the demo page's format detection (www/app-format.js).
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {detectFormat, formatOfName, looksLikeHtml} from '../../www/app-format.js';

test('a file name says the format', () => {
  assert.equal(formatOfName('post.HTML'), 'html');
  assert.equal(formatOfName('notes.md'), 'markdown');
  assert.equal(formatOfName('old.txt'), null);
  assert.equal(formatOfName('README'), null);
});

test('HTML is recognised by its tags, prose that mentions a tag is not', () => {
  assert.ok(looksLikeHtml('<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->'));
  assert.ok(looksLikeHtml('  <h2>Title</h2>\n<p>Body</p>'));
  assert.ok(looksLikeHtml('Intro text <em>one</em> and <strong>two</strong> and <a href="/x">three</a>'));
  assert.ok(!looksLikeHtml('Use the <p> element for paragraphs.'));
  assert.ok(!looksLikeHtml('By [Vladimir Frolov](#)\n\nPlain *Markdown* text.'));
});

test('auto picks by file name first, then by content on both sides', () => {
  assert.equal(detectFormat([{text: 'a', name: 'a.md'}, {text: 'b'}]), 'markdown');
  assert.equal(detectFormat([{text: '<p>a</p>'}, {text: '<p>b</p>'}]), 'html');
  assert.equal(detectFormat([{text: '<p>a</p>'}, {text: 'plain b'}]), 'text');
  assert.equal(detectFormat([{text: '<p>a</p>'}, {text: ''}]), 'html');
  assert.equal(detectFormat([{text: ''}, {text: ''}]), 'text');
});
