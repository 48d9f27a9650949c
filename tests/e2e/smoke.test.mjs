// @ts-check
// The pipeline end to end: `./run`'s release pkg/, served by scripts/serve.mjs, loaded by the
// demo page in headless Chromium, which draws the seed pair diffed word by word.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';

import {screenshotDir, serverAndBrowser} from './harness.mjs';

const env = serverAndBrowser();

test('the server sends the wasm module as application/wasm', async () => {
  const response = await fetch(new URL('pkg/article_diff_bg.wasm', env.server.url));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/wasm');
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]); // "\0asm"
});

test('the served page shows the seed pair diffed word by word, side by side', async () => {
  const page = await env.browser.newPage({viewport: {width: 1280, height: 900}});
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

  await page.goto(env.server.url);
  const shadow = page.locator('article-diff');
  // Rendered rows, and the spelling fix of the seed pair as a deleted and an inserted letter.
  await shadow.locator('.row').first().waitFor();
  await shadow.locator('del', {hasText: /^u$/}).first().waitFor();

  const seen = await page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    const root = /** @type {ShadowRoot} */ (el.shadowRoot);
    const texts = (/** @type {string} */ selector) => [...root.querySelectorAll(selector)].map((n) => n.textContent ?? '');
    return {
      rows: root.querySelectorAll('.row').length,
      modelRows: el.model.rows.length,
      kinds: [...new Set([...root.querySelectorAll('.row')].map((r) => r.className.split(' ')[1]))].sort(),
      oldCells: root.querySelectorAll('.cell.old').length,
      newCells: root.querySelectorAll('.cell.new').length,
      ins: texts('ins'),
      del: texts('del'),
    };
  });
  // The model is the wasm module's: the page's element rendered each of its rows (a collapsed
  // run of equal rows may stand for several, so at most as many).
  assert.ok(seen.modelRows > 40, `model rows: ${seen.modelRows}`);
  assert.ok(seen.rows > 10 && seen.rows <= seen.modelRows, `rows drawn: ${seen.rows}`);
  assert.ok(seen.oldCells > 10 && seen.newCells > 10, 'two columns');
  for (const kind of ['equal', 'inserted', 'deleted', 'changed', 'split']) {
    assert.ok(seen.kinds.includes(kind), `a ${kind} row is drawn (kinds: ${seen.kinds})`);
  }
  // Word level: "Stephanopoulus’" → "Stephanopoulos'" is one letter and one apostrophe.
  assert.ok(seen.del.includes('u') && seen.ins.includes('o'), `del ${seen.del.slice(0, 5)}, ins ${seen.ins.slice(0, 5)}`);
  assert.ok(seen.ins.some((t) => t.startsWith('Biden Called Putin a Killer')), 'the new headline is inserted');
  assert.deepEqual(problems, []);

  await page.screenshot({path: path.join(screenshotDir, 'smoke.png'), fullPage: false});
  await page.close();
});
