// End-to-end tests of the demo page (www/index.html) and the CMS example (www/embed.html).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {copyFile} from 'node:fs/promises';
import path from 'node:path';

import {screenshotDir, serverAndBrowser} from './harness.mjs';
import {readFixtures, root, watchProblems} from './ui.mjs';

const env = serverAndBrowser();

/**
 * Opens a page of ours with CSP violations recorded, and waits for its diff to be drawn.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} file
 */
async function open(context, file = 'index.html') {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    /** @type {any} */ (window).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      /** @type {any} */ (window).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(file, env.server.url).href);
  await waitForDiff(page);
  return {page, problems};
}

/** @param {import('playwright-core').Page} page */
async function waitForDiff(page) {
  await page.waitForFunction(() => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    return el?.model && el.shadowRoot.querySelector('.row') && !el.shadowRoot.querySelector('.frame').hidden;
  });
  await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
}

/** @param {import('playwright-core').Page} page */
const insTexts = (page) => page.evaluate(() =>
  [...document.querySelector('article-diff').shadowRoot.querySelectorAll('ins')].map((el) => el.textContent));

/** @param {import('playwright-core').Page} page */
const cspViolations = (page) => page.evaluate(() => /** @type {any} */ (window).__cspViolations);

describe('demo page', () => {
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  before(async () => {
    context = await env.browser.newContext({viewport: {width: 1280, height: 900}});
  });
  after(() => context?.close());

  test('opens with the seed pair diffed, under the strict CSP, without errors', async () => {
    const {page, problems} = await open(context);
    const {oldText, newText} = await readFixtures();
    assert.equal(await page.inputValue('#old-text'), oldText);
    assert.equal(await page.inputValue('#new-text'), newText);
    const drawn = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      return {old: el.oldText.length, new: el.newText.length, rows: el.model.rows.length};
    });
    assert.deepEqual(drawn, {old: oldText.length, new: newText.length, rows: drawn.rows});
    assert.ok(drawn.rows > 10);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:");
    await page.waitForFunction(() => /drawn in \d+ ms/.test(document.getElementById('status').textContent));
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('re-diffs as you type or paste, debounced', async () => {
    const {page} = await open(context);
    const diffs = await page.evaluateHandle(() => {
      const counter = {n: 0};
      document.querySelector('article-diff').addEventListener('diff', () => counter.n++);
      return counter;
    });
    const newText = await page.inputValue('#new-text');
    await page.fill('#new-text', `${newText}\nA closing paragraph pasted by the editor.\n`);
    await page.locator('#new-text').pressSequentially(' Typed', {delay: 20});
    // The pasted line and the typed word may land in one paragraph or two (the block they join
    // has a line too long to be hard-wrapped, so the engine reads it one paragraph per line).
    await page.waitForFunction(() => {
      const inserted = [...document.querySelector('article-diff').shadowRoot.querySelectorAll('ins')].map((el) => el.textContent).join('');
      return inserted.includes('A closing paragraph pasted by the editor.') && inserted.includes('Typed');
    });
    // A paste and six keystrokes within the debounce window diff once (or twice at most).
    assert.ok(await diffs.evaluate((c) => c.n) <= 2);
    await page.close();
  });

  test('opens files from the pickers and from a drop of two files', async () => {
    const {page} = await open(context);
    await page.setInputFiles('#old-file', {name: 'draft-1.txt', mimeType: 'text/plain', buffer: Buffer.from('The first draft of the story.\n')});
    await page.setInputFiles('#new-file', {name: 'draft-2.txt', mimeType: 'text/plain', buffer: Buffer.from('The second draft of the story.\n')});
    await page.waitForFunction(() => document.querySelector('article-diff').shadowRoot.querySelectorAll('.row').length === 1);
    assert.deepEqual(await insTexts(page), ['second']);
    assert.equal(await page.inputValue('#old-label'), 'draft-1.txt');
    assert.equal(await page.inputValue('#new-label'), 'draft-2.txt');

    // Two files dropped at once: the older one becomes the old version, whatever the order.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Minutes of the meeting, approved in May.\n'], 'after.txt', {type: 'text/plain', lastModified: 2_000_000}));
      dt.items.add(new File(['Minutes of the meeting.\n'], 'before.txt', {type: 'text/plain', lastModified: 1_000_000}));
      const target = document.getElementById('inputs');
      target.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
      target.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    });
    await page.waitForFunction(() => [...document.querySelector('article-diff').shadowRoot.querySelectorAll('ins')]
      .some((el) => el.textContent.includes('approved in May')));
    assert.equal(await page.inputValue('#old-text'), 'Minutes of the meeting.\n');
    assert.equal(await page.inputValue('#old-label'), 'before.txt');
    assert.equal(await page.inputValue('#new-label'), 'after.txt');
    const headings = await page.evaluate(() => [...document.querySelector('article-diff').shadowRoot.querySelectorAll('.heading')].map((h) => h.textContent));
    assert.deepEqual(headings, ['before.txt', 'after.txt']);
    await page.close();
  });

  test('a non-text file shows a clear message and keeps the last good diff', async () => {
    const {page} = await open(context);
    const rowsBefore = await page.evaluate(() => document.querySelector('article-diff').model.rows.length);
    // A PNG header (0x89 is not valid UTF-8) dropped onto the new pane.
    await page.evaluate(() => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      const dt = new DataTransfer();
      dt.items.add(new File([png], 'photo.png', {type: 'image/png'}));
      document.getElementById('new-text').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    });
    const message = page.locator('#message');
    await message.waitFor({state: 'visible'});
    assert.match(await message.textContent(), /“photo\.png” is not UTF-8 text/);
    // Invalid UTF-8 through the picker says the same.
    await page.setInputFiles('#old-file', {name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])});
    await page.waitForFunction(() => document.getElementById('message').textContent.includes('latin1.txt'));
    const {oldText, newText} = await readFixtures();
    assert.equal(await page.inputValue('#old-text'), oldText);
    assert.equal(await page.inputValue('#new-text'), newText);
    assert.equal(await page.evaluate(() => document.querySelector('article-diff').model.rows.length), rowsBefore);
    await page.close();
  });

  test('swap exchanges texts and labels', async () => {
    const {page} = await open(context);
    const {oldText, newText} = await readFixtures();
    await page.click('#swap');
    await page.waitForFunction((oldText) => document.querySelector('article-diff').newText === oldText, oldText);
    await waitForDiff(page);
    assert.equal(await page.inputValue('#old-text'), newText);
    assert.equal(await page.inputValue('#new-label'), 'old.txt — plain scrape');
    const {inserted, deleted} = await page.evaluate(() => {
      const stats = document.querySelector('article-diff').stats;
      return {inserted: stats.wordsInserted, deleted: stats.wordsDeleted};
    });
    const original = await page.evaluate(async ([oldText, newText]) => {
      const engine = await import('/pkg/article_diff.js');
      await engine.default();
      return engine.diff(oldText, newText, {}).stats;
    }, [oldText, newText]);
    assert.deepEqual({inserted, deleted}, {inserted: original.wordsDeleted, deleted: original.wordsInserted});
    await page.close();
  });

  test('a paste over a whole pane drops the label the page gave it, not one the user typed', async () => {
    const {page, problems} = await open(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(env.server.url).origin});
    const pasteOver = async (/** @type {string} */ selector, /** @type {string} */ text) => {
      await page.evaluate((text) => navigator.clipboard.writeText(text), text);
      await page.click(selector);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+V');
    };
    const heading = (/** @type {'old'|'new'} */ side) => page.evaluate((side) => document.querySelector('article-diff')[`${side}Label`], side);
    assert.equal(await page.inputValue('#old-label'), 'old.txt — plain scrape');
    await pasteOver('#old-text', 'A different article, pasted over the fixture.');
    assert.equal(await page.inputValue('#old-text'), 'A different article, pasted over the fixture.');
    assert.equal(await page.inputValue('#old-label'), 'Old version');
    assert.equal(await heading('old'), 'Old version');
    // A label the user typed is theirs: a paste keeps it.
    await page.fill('#new-label', 'Revision of 19 March');
    await pasteOver('#new-text', 'The newer article, pasted.');
    assert.equal(await page.inputValue('#new-label'), 'Revision of 19 March');
    assert.equal(await heading('new'), 'Revision of 19 March');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('options survive a reload (in the URL and in localStorage, never the texts); keys work page-wide', async () => {
    const own = await env.browser.newContext({viewport: {width: 1280, height: 900}});
    const {page} = await open(own);
    await page.check('#opt-ignore-case');
    assert.equal(await page.evaluate(() => document.querySelector('article-diff').hasAttribute('ignore-case')), true);
    // The element's own toolbar settings are persisted too.
    await page.locator('article-diff button.seg', {hasText: 'Inline'}).click();
    await page.locator('article-diff .cosmetic-toggle input').check();
    await page.reload();
    await waitForDiff(page);
    assert.equal(new URL(page.url()).search, '');
    // The fragment holds the view and the options (issue 24), no text.
    assert.equal(new URL(page.url()).hash, '#view=inline&hide-cosmetic&ignore-case');
    assert.equal(await page.isChecked('#opt-ignore-case'), true);
    assert.equal(await page.isChecked('#opt-no-moves'), false);
    const restored = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      return {view: el.view, hideCosmetic: el.hideCosmetic, ignoreCase: el.ignoreCase, toggle: el.shadowRoot.querySelector('.cosmetic-toggle input').checked};
    });
    assert.deepEqual(restored, {view: 'inline', hideCosmetic: true, ignoreCase: true, toggle: true});
    // Without the fragment, localStorage still brings them back.
    await page.goto(page.url().split('#')[0]);
    await waitForDiff(page);
    assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).view), 'inline');
    assert.equal(await page.isChecked('#opt-ignore-case'), true);

    // `n` from the page body (not inside the element) moves to the first change.
    await page.locator('h1').click();
    await page.keyboard.press('n');
    const counter = await page.evaluate(() => document.querySelector('article-diff').shadowRoot.querySelector('.counter').textContent);
    assert.match(counter, /^1 of \d+$/);
    // Typing `n` in a text area types, it does not navigate.
    await page.locator('#old-label').click();
    await page.keyboard.press('n');
    assert.match(await page.inputValue('#old-label'), /n$/);
    await own.close();
  });

  test('screenshots of the seed diff: light split, dark split, light inline', async () => {
    /** @param {'light'|'dark'} scheme @param {'split'|'inline'} view @param {string} name */
    const shoot = async (scheme, view, name) => {
      const shot = await env.browser.newContext({viewport: {width: 1280, height: 1000}, colorScheme: scheme, deviceScaleFactor: 1});
      await shot.addInitScript((view) => {
        localStorage.setItem('article-diff.options', JSON.stringify({view}));
      }, view);
      const {page, problems} = await open(shot);
      // Scroll so the diff fills the picture, its toolbar at the top.
      await page.evaluate(() => window.scrollTo(0, document.querySelector('article-diff').getBoundingClientRect().top + window.scrollY - 8));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const file = path.join(screenshotDir, name);
      await page.screenshot({path: file});
      assert.deepEqual(problems, []);
      await shot.close();
      return file;
    };
    const light = await shoot('light', 'split', 'fixtures-light-split.png');
    await shoot('dark', 'split', 'fixtures-dark-split.png');
    await shoot('light', 'inline', 'fixtures-light-inline.png');
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      await copyFile(light, path.join(root, 'docs', 'screenshot.png'));
    }
  });
});

describe('embed.html (mock CMS, strict CSP)', () => {
  test('loads both revisions through old-src/new-src with no CSP violation', async () => {
    const context = await env.browser.newContext({viewport: {width: 1280, height: 900}});
    const {page, problems} = await open(context, 'embed.html');
    const {oldText, newText} = await readFixtures();
    const loaded = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      return {old: el.oldText, new: el.newText, labels: [...el.shadowRoot.querySelectorAll('.heading')].map((h) => h.textContent)};
    });
    assert.equal(loaded.old, oldText);
    assert.equal(loaded.new, newText);
    assert.deepEqual(loaded.labels, ['Revision of 19 March 2021', 'Current']);
    await page.waitForFunction(() => /words added/.test(document.getElementById('change-summary').textContent));
    // The stylesheet applied (a linked file: no inline style needed).
    const radius = await page.evaluate(() => getComputedStyle(document.querySelector('article-diff').shadowRoot.querySelector('.bar')).borderTopLeftRadius);
    assert.equal(radius, '8px');
    await page.screenshot({path: path.join(screenshotDir, 'embed-light.png')});
    // Switching the compared revision reloads through old-src.
    await page.selectOption('#revision', './fixtures/new.txt');
    await page.waitForFunction(() => document.getElementById('change-summary').textContent === '0 words added, 0 removed');
    assert.deepEqual(await cspViolations(page), []);
    assert.equal(await page.textContent('h1'), 'Current vs current');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
