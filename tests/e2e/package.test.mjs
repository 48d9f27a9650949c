// @ts-check
// The wasm package as a CMS developer meets it: the README's JavaScript examples run in Chromium
// and log what their comments say, and pkg/article_diff.d.ts types the API.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

import {serverAndBrowser} from './harness.mjs';

const root = new URL('../../', import.meta.url);

const env = serverAndBrowser();

/**
 * The `n`-th ```js block of the README's "Use it from JavaScript" section (0: the HTML pair,
 * 1: the engine on plain text).
 * @param {number} n
 */
async function readmeExample(n) {
  const readme = await readFile(new URL('README.md', root), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it from JavaScript'));
  const match = [...section.matchAll(/```js\n([\s\S]*?)```/g)][n];
  assert.ok(match, `the README has JavaScript example ${n}`);
  return match[1];
}

for (const [n, what] of /** @type {const} */ ([[0, 'HTML'], [1, 'text']])) test(`the README's JavaScript example (${what}) runs and logs what its comments say`, async () => {
  const example = await readmeExample(n);
  /** @type {string[]} */
  const expected = [];
  for (const line of example.split('\n')) {
    const logged = /^console\.log\(.*\);\s*\/\/ (.*)$/.exec(line);
    if (logged) expected.push(logged[1]);
  }
  assert.ok(expected.length >= 3, `checked lines: ${expected.length}`);

  const page = await env.browser.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const url = new URL('readme-example.html', env.server.url).href;
  // The example as written, with console.log recording each call's arguments as JSON.
  const script = `const console = {log: (...args) => window.__logs.push(args.map((a) => JSON.stringify(a)).join(' '))};
window.__logs = [];
${example}
window.__done = true;`;
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><title>README example</title><script type="module">${script}</script>`,
  }));
  await page.goto(url);
  // On a throw the flag never comes; the assertions below then show the error.
  await page.waitForFunction(() => /** @type {any} */ (window).__done === true, null, {timeout: 10_000}).catch(() => {});
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__logs), expected);
  await page.close();
});

test('pkg/article_diff.d.ts types diff(), its options and its result', async () => {
  const types = await readFile(new URL('pkg/article_diff.d.ts', root), 'utf8');
  assert.match(types, /export function diff\(oldText: string, newText: string, options\?: DiffOptions \| null\): ArticleDiff;/);
  assert.match(types, /export function version\(\): string;/);
  assert.match(types, /export function unpack\(packed: Uint32Array, oldText: string, newText: string\): ArticleDiff;/);
  for (const name of ['ArticleDiff', 'DiffOptions', 'Block', 'Row', 'Cell', 'Span', 'Move', 'Stats', 'Paragraph', 'Fallback']) {
    assert.match(types, new RegExp(`export (interface|type) ${name}\\b`), name);
  }
  assert.doesNotMatch(types, /export function start/, 'the panic-hook start function stays internal');
});
