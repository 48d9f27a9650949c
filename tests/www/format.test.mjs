// Unit tests of the demo page's format detection (www/app-format.js).
import {test} from 'node:test';
import assert from 'node:assert/strict';

import {readFileSync} from 'node:fs';

import {detectFormat, formatOfName, looksLikeHtml, looksLikeMarkdown} from '../../www/app-format.js';

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

test('Markdown is recognised by several constructs of more than one kind', () => {
  assert.ok(looksLikeMarkdown('# Title\n\nSome *emphasis* and a [link](https://a.example/).\n'));
  assert.ok(looksLikeMarkdown('Intro\n=====\n\n- one\n- two\n\nSee `code`.'));
  assert.ok(looksLikeMarkdown('1. First\n2. Second\n\n> A quote with **strong** words.'));
  assert.ok(looksLikeMarkdown('Text with _emphasis_, **strong** and ![a chart](chart.png).'));
  assert.ok(looksLikeMarkdown('```js\nlet x = 1;\n```\n\n## Notes\n\nSee [the docs][1].\n\n[1]: https://a.example/'));
});

test('a static-site post\'s front matter says Markdown, YAML or TOML; a YAML file or a rule does not', () => {
  assert.ok(looksLikeMarkdown('---\ntitle: Harbour plan\ndate: 2026-12-07\n---\n\nThe council met on Tuesday.\n'));
  assert.ok(looksLikeMarkdown('---\r\n# draft\r\ntitle: x\r\n...\r\nBody.'));
  assert.ok(looksLikeMarkdown('+++\ntitle = \'Harbour plan\'\n[params]\n  author = \'Eddie\'\n+++\n\nThe council met.'));
  assert.ok(looksLikeMarkdown('+++\n[taxonomies]\n+++\n'));
  assert.ok(!looksLikeMarkdown('---\nname: build\non: push\njobs:\n  test:\n    runs-on: debian\n'), 'a YAML file: never closed');
  assert.ok(!looksLikeMarkdown('---\nA rule, then a sentence.\n---\nAnd another.'), 'no mapping key');
  assert.ok(!looksLikeMarkdown('+++\nsome text\n+++\n'), 'no TOML key');
  assert.ok(!looksLikeMarkdown('Intro\n---\ntitle: x\n---\n'), 'not at the start');
  // As the reader decides: the first colon (or equals sign) must end the key.
  assert.ok(!looksLikeMarkdown('---\na:b: c\n---\n'), 'a key the reader does not take');
  assert.ok(!looksLikeMarkdown('---\n  # indented\ntitle: x\n---\n'), 'an indented comment is no comment line to the reader');
  assert.equal(detectFormat([{text: '---\ntitle: a\n---\nOld.'}, {text: '---\ntitle: b\n---\nNew.'}]), 'markdown');
});

test('prose, code and a stray construct are not Markdown', () => {
  assert.ok(!looksLikeMarkdown('The price is 5 * 3 = 15, or 5*3 if you like.'));
  assert.ok(!looksLikeMarkdown('Please see the *important* note.'), 'one construct');
  assert.ok(!looksLikeMarkdown('Call snake_case_name and another_snake_name with 2 * 3 * 4.'));
  assert.ok(!looksLikeMarkdown('By [Vladimir Frolov](#)\n\nMarch 19, 2021\n\nA [second](#) link.'), 'links alone are one kind');
  assert.ok(!looksLikeMarkdown('- Well, that was a sentence starting with a dash.\nAnd *one* more line.'), 'one list line');
  const python = '# Load the data\nimport json\n\ndef load(path):\n    # **kwargs go through\n    return handlers[kind](json.load(open(path)), **kwargs)\n';
  assert.ok(!looksLikeMarkdown(python));
  const c = '#include <stdio.h>\n/* *ptr is the *first* item */\nint main(int argc, char **argv) {\n  return *argv[0];\n}\n';
  assert.ok(!looksLikeMarkdown(c));
  assert.ok(!looksLikeMarkdown(''));
});

test('auto picks Markdown when both texts look like it; the seed pair stays text', () => {
  const md = '# Title\n\nSome *emphasis* and a [link](/x).';
  assert.equal(detectFormat([{text: md}, {text: md.replace('Title', 'Heading')}]), 'markdown');
  assert.equal(detectFormat([{text: md}, {text: 'Plain words only.'}]), 'text');
  assert.equal(detectFormat([{text: md}, {text: ''}]), 'markdown');
  // HTML first: a body of tags with a stray asterisk is HTML.
  assert.equal(detectFormat([{text: '<p>a *b* c</p><p>d</p>'}, {text: '<p>x</p>'}]), 'html');
  // The seed pair: a plain old copy, a new one with five bracketed links and nothing else of
  // Markdown. Read as Markdown its single-newline lines would join; as text every word counts.
  const fixture = (/** @type {string} */ name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  assert.equal(looksLikeMarkdown(fixture('new.txt')), false);
  assert.equal(detectFormat([{text: fixture('old.txt')}, {text: fixture('new.txt')}]), 'text');
});
