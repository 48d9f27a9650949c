// @ts-check
/**
 * The Markdown reader reads each example of the CommonMark spec (0.31.2, the npm package
 * `commonmark-spec`) as the HTML reader reads the example's reference HTML: the same blocks,
 * visible text, formatting and embeds, as a browser would show the rendered Markdown. The HTML
 * reader itself is held to Chromium's parser by `markup.test.mjs`.
 *
 * A link target the reader keeps as the Markdown has it matches the reference renderer's
 * percent-encoded one. The examples that differ by design are listed in
 * `DIFFERENT`, each with its reason, and must still differ (so a fix shows up here).
 */
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {test} from 'node:test';

import {comparable, nativeReadCases} from './native-reader.mjs';

/** @type {{tests: {markdown: string, html: string, section: string, number: number}[]}} */
const spec = createRequire(import.meta.url)('commonmark-spec');

/** Examples read otherwise by design, by number. */
const DIFFERENT = new Map([
  // Each HTML block is read on its own: an element opened in one does not wrap the Markdown
  // blocks after it (here `<del>` around a paragraph, a table's rows split by blank lines).
  [167, 'an HTML block does not wrap the blocks after it'],
  [190, 'an HTML block does not wrap the blocks after it'],
]);

/**
 * A link target as CommonMark's reference renderer writes it (mdurl's `encode`): ASCII letters,
 * digits, `;/?:@&=+$,-_.!~*'()#` and existing `%XX` escapes kept, everything else
 * percent-encoded as UTF-8.
 * @param {string} href
 */
function encodeHref(href) {
  let out = '';
  for (const char of href) {
    if (/[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#%]/.test(char)) out += char;
    else out += char.length === 1 && char >= '\uD800' && char <= '\uDFFF' ? '%EF%BF%BD' : encodeURIComponent(char);
  }
  return out.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}

/**
 * The Markdown's document, each link target the HTML's where that is the Markdown's encoded
 * (a target from raw HTML in the Markdown is already the HTML's as it stands).
 * @param {any} markdown @param {any} html
 */
function withHtmlHrefs(markdown, html) {
  const read = comparable(markdown);
  const marks = read.marks.map((/** @type {any} */ m, /** @type {number} */ i) => {
    const theirs = html.marks[i]?.href;
    return m.href !== null && theirs != null && encodeHref(m.href) === theirs ? {...m, href: theirs} : m;
  });
  return {...read, marks};
}

test("the CommonMark spec's examples read as their reference HTML reads", () => {
  // The spec writes a tab as →.
  const examples = spec.tests.map((t) => ({...t, markdown: t.markdown.replace(/→/g, '\t'), html: t.html.replace(/→/g, '\t')}));
  assert.ok(examples.length > 600, `${examples.length} examples`);
  const docs = nativeReadCases(examples.flatMap((t) => [{source: t.markdown, markup: 'markdown'}, {source: t.html, markup: 'html'}]));
  const failures = [];
  for (const [i, example] of examples.entries()) {
    const [markdown, html] = [docs[2 * i], docs[2 * i + 1]];
    assert.ok(!markdown.error && !html.error, `example ${example.number}: ${markdown.error ?? html.error}`);
    const expected = comparable(html);
    const actual = withHtmlHrefs(markdown, expected);
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    if (same === DIFFERENT.has(example.number)) {
      failures.push(`example ${example.number} (${example.section}) ${same ? `now reads alike: ${DIFFERENT.get(example.number)}?` : 'reads differently'}: ${JSON.stringify(example.markdown)}\n` +
        `  markdown: ${JSON.stringify(actual)}\n  html:     ${JSON.stringify(expected)}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} of ${examples.length} examples:\n${failures.slice(0, 8).join('\n')}`);
});
