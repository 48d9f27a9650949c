// @ts-check
// The reader's experience (issue 24), in headless Chromium under the strict CSP: move labels,
// phones, the legend, links to a change, several versions on the demo page, find, fold and
// "only changes", print, copy and export, screen-reader semantics with an axe-core audit, and
// texts that share little. Screenshots go to tests/e2e/screenshots/reader-*.png.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import path from 'node:path';

import {screenshotDir, serverAndBrowser} from './harness.mjs';
import {SHOWN_ROW, openElementPage, readFixtures, root, setTexts, shadow, shuffledPair} from './ui.mjs';
import {AUDIT_HTML_PAIR, WHITESPACE_PAIR, assertDrawnAsHtml, axeViolations, drawnAsHtml, embedInMain, assertMoveEnds, assertTableSemantics, assertUnrelatedShown, currentChange, focusAgainstToolbar, hiddenCosmeticFoldPair, hiddenFormattingFoldPair, moveEnds, readShown, tableSemantics, unrelatedPair, unrelatedShown} from './element-checks.mjs';

const env = serverAndBrowser();

/** @param {import('playwright-core').Page} page */
const settle = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));

/** @param {import('playwright-core').BrowserContextOptions} [options] */
async function elementPage(options = {}, attributes = '') {
  const context = await env.browser.newContext({viewport: {width: 1280, height: 900}, reducedMotion: 'reduce', ...options});
  const {page, problems} = await openElementPage(context, env.server.url, attributes);
  return {context, page, problems};
}

/** Opens the demo page and waits for its first diff. @param {import('playwright-core').BrowserContext} context @param {string} [hash] */
async function demoPage(context, hash = '') {
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await page.goto(new URL(hash, env.server.url).href);
  await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff'))?.model);
  await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
  return {page, problems};
}

/** @param {import('playwright-core').Page} page @param {string} name */
async function shot(page, name) {
  await settle(page);
  await page.screenshot({path: path.join(screenshotDir, `reader-${name}.png`)});
}

describe('moves', () => {
  test('both ends of a move say the same direction, and each names the other end', async () => {
    const {context, page, problems} = await elementPage();
    for (const [from, to] of [[2, 11], [11, 2]]) {
      const {oldText, newText} = shuffledPair(14, from, to);
      await setTexts(page, oldText, newText);
      assertMoveEnds(await page.evaluate(moveEnds), from, to);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('phones', () => {
  for (const [width, height] of [[390, 844], [768, 1024]]) {
    test(`at ${width}×${height}: the view follows the width, the diff is on the first screen, Previous/Next stay reachable`, async () => {
      const {context, page, problems} = await elementPage({viewport: {width, height}});
      const {oldText, newText} = await readFixtures();
      await setTexts(page, oldText, newText);
      const first = await page.evaluate(() => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        const root = /** @type {ShadowRoot} */ (el.shadowRoot);
        const row = /** @type {HTMLElement} */ (root.querySelector('.row'));
        const bar = /** @type {HTMLElement} */ (root.querySelector('.bar')).getBoundingClientRect();
        const text = /** @type {HTMLElement} */ (root.querySelector('.row .cell:not(.empty) .text, .row .cell .text'));
        return {view: el.view, rowTop: row.getBoundingClientRect().top, barHeight: bar.height, textWidth: text?.getBoundingClientRect().width ?? 0,
          pageWidth: document.documentElement.scrollWidth};
      });
      assert.equal(first.view, width < 640 ? 'inline' : 'split');
      assert.ok(first.rowTop < height / 2, `the first row starts at ${first.rowTop} px`);
      assert.ok(first.barHeight <= 0.16 * height, `the toolbar is ${first.barHeight} px tall`);
      // Two lines at most (the summary; previous, next and Options), on a tablet too.
      assert.ok(first.barHeight <= 80, `the toolbar is ${first.barHeight} px tall: more than two lines`);
      assert.ok(first.textWidth >= width * (first.view === 'inline' ? 0.6 : 0.35), `text columns are ${first.textWidth} px wide`);
      assert.ok(first.pageWidth <= width, `the page scrolls sideways (${first.pageWidth} px)`);
      await shot(page, `phone-${width}-light`);

      // Deep in the diff, Next is on screen and works.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await settle(page);
      const next = page.locator('article-diff [part="next"]');
      const box = await next.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= height, 'Next is on screen after scrolling');
      await next.click();
      const counter = await shadow.texts(page, '.counter');
      assert.match(counter[0], /^\d+ of \d+$/);
      // The reader can still pick the other view.
      await page.locator('article-diff [part="tools-toggle"]').click().catch(() => {});
      await page.locator('article-diff button.seg', {hasText: width < 640 ? 'Side by side' : 'Inline'}).click();
      assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).view), width < 640 ? 'split' : 'inline');
      await page.emulateMedia({colorScheme: 'dark'});
      await page.evaluate(() => { /** @type {any} */ (document.querySelector('article-diff')).view = 'auto'; window.scrollTo(0, 0); });
      await shot(page, `phone-${width}-dark`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('legend', () => {
  test('the legend explains every mark the element draws, in light and dark', async () => {
    const {context, page, problems} = await elementPage({viewport: {width: 1280, height: 900}});
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    const toggle = page.locator('article-diff [part="legend-toggle"]');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const labels = await shadow.texts(page, '.legend .legend-label');
    for (const mark of [/inserted/i, /deleted/i, /cosmetic/i, /moved/i, /split/i, /Not in this version/, /folded/i, /Minimap/, /current change/i, /space|whitespace/i, /paragraph break|¶/i]) {
      assert.ok(labels.some((l) => mark.test(l)), `the legend has no entry for ${mark}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'legend-1280-light');
    await page.emulateMedia({colorScheme: 'dark'});
    await shot(page, 'legend-1280-dark');
    await page.setViewportSize({width: 390, height: 844});
    await shot(page, 'legend-390-dark');
    // On a phone the legend's button is behind Options.
    await page.locator('article-diff [part="tools-toggle"]').click();
    await toggle.click();
    assert.equal(await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('article-diff')?.shadowRoot?.querySelector('.legend')).hidden), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the open legend is never under the rows: whole on a tall screen, scrolling within the header on a short one, at the top and scrolled down', async () => {
    const {context, page, problems} = await elementPage({viewport: {width: 390, height: 844}, colorScheme: 'dark'});
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    const toolsToggle = page.locator('article-diff [part="tools-toggle"]');
    await toolsToggle.click();
    await page.locator('article-diff [part="legend-toggle"]').click();
    // Chosen under Options on a phone, it closes the tools (they took its room) and takes the focus.
    assert.equal(await toolsToggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.querySelector('article-diff')?.shadowRoot?.activeElement?.id), 'legend');
    for (const [width, height] of [[390, 844], [390, 600], [768, 1024], [1280, 900]]) {
      await page.setViewportSize({width, height});
      for (const at of ['top', 'down']) {
        await page.evaluate((at) => window.scrollTo(0, at === 'top' ? 0 : document.documentElement.scrollHeight / 2), at);
        await settle(page);
        await shot(page, `legend-open-${width}x${height}-${at}-dark`);
        const seen = await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
          const legend = /** @type {HTMLElement} */ (root.querySelector('.legend'));
          const header = /** @type {HTMLElement} */ (root.querySelector('.sticky')).getBoundingClientRect();
          /** Whether what the eye sees at the centre of `element` is within `within`. @param {Element} element @param {Element} [within] */
          const shown = (element, within = element) => {
            const box = element.getBoundingClientRect();
            return within.contains(root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
          };
          const entries = [...legend.querySelectorAll('.legend-entry')].filter((entry) => entry.getClientRects().length > 0);
          const whole = legend.scrollHeight <= legend.clientHeight + 1;
          const lastAsOpened = shown(entries[entries.length - 1], legend);
          // Where it scrolls, the reader scrolls it to its end, then back.
          legend.scrollTop = legend.scrollHeight;
          const last = shown(entries[entries.length - 1], legend);
          legend.scrollTop = 0;
          const first = shown(entries[0], legend);
          const rows = /** @type {HTMLElement} */ (root.querySelector('.rows'));
          const box = rows.getBoundingClientRect();
          return {whole, lastAsOpened, last, first, roomForRows: innerHeight - header.bottom >= 64,
            rowsBelow: rows.contains(root.elementFromPoint(box.left + box.width / 2, header.bottom + 24)),
            close: shown(/** @type {Element} */ (root.querySelector('[part="legend-close"]'))),
            previous: shown(/** @type {Element} */ (root.querySelector('[part="prev"]'))),
            next: shown(/** @type {Element} */ (root.querySelector('[part="next"]')))};
        });
        assert.deepEqual(seen, {whole: height !== 600, lastAsOpened: height !== 600, last: true, first: true, roomForRows: true, rowsBelow: true, close: true, previous: true, next: true},
          `${width}×${height}, scrolled ${at}`);
        if (width >= 1280) {
          // On a desktop its entries flow through balanced columns: a strip of the screen, not most of it.
          const legendHeight = await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('article-diff')?.shadowRoot?.querySelector('.legend')).getBoundingClientRect().height);
          assert.ok(legendHeight <= 0.3 * height, `the legend is ${legendHeight} px tall at ${width}×${height}`);
        }
      }
    }
    await page.emulateMedia({colorScheme: 'light'});
    for (const width of [1280, 390]) {
      await page.setViewportSize({width, height: width === 390 ? 844 : 900});
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await shot(page, `legend-open-${width}x${width === 390 ? 844 : 900}-down-light`);
    }
    // Its own button closes it on a phone, and gives the focus to Options, where the Legend button is.
    await page.locator('article-diff [part="legend-close"]').click();
    assert.equal(await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('article-diff')?.shadowRoot?.querySelector('.legend')).hidden), true);
    assert.equal(await page.evaluate(() => document.querySelector('article-diff')?.shadowRoot?.activeElement?.getAttribute('part')), 'tools-toggle');
    await shot(page, 'legend-closed-390-down-light');
    await page.emulateMedia({colorScheme: 'dark'});
    await shot(page, 'legend-closed-390-down-dark');
    await page.setViewportSize({width: 1280, height: 900});
    await shot(page, 'legend-closed-1280-down-dark');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('in a scroll box of the page', () => {
  test('the sticky header and the minimap follow the box the element scrolls in, not the window', async () => {
    const {context, page, problems} = await elementPage();
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    // A CMS's scrolling panel, 420 px tall in a 900 px window: the element moves into it.
    await page.evaluate(() => {
      const panel = document.createElement('div');
      panel.id = 'panel';
      panel.style.height = '420px';
      panel.style.overflow = 'auto';
      panel.style.marginTop = '120px';
      document.body.prepend(panel);
      panel.append(/** @type {Element} */ (document.querySelector('article-diff')));
    });
    await page.locator('article-diff [part="legend-toggle"]').click();
    const measure = () => page.evaluate(() => {
      const panel = /** @type {HTMLElement} */ (document.getElementById('panel'));
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      const box = panel.getBoundingClientRect();
      const header = /** @type {HTMLElement} */ (root.querySelector('.sticky')).getBoundingClientRect();
      const legend = /** @type {HTMLElement} */ (root.querySelector('.legend'));
      const minimap = /** @type {HTMLElement} */ (root.querySelector('[part="minimap"]')).getBoundingClientRect();
      const viewport = /** @type {HTMLElement} */ (root.querySelector('[part="minimap-viewport"]')).getBoundingClientRect();
      return {headerTop: Math.round(header.top - box.top), roomForRows: Math.round(box.bottom - header.bottom),
        legendScrolls: legend.scrollHeight > legend.clientHeight + 1, minimapBottom: Math.round(minimap.bottom - box.bottom),
        viewportShare: viewport.height / minimap.height};
    });
    await settle(page);
    const top = await measure();
    assert.ok(top.roomForRows >= 64, `the header leaves ${top.roomForRows} px of the panel for rows`);
    assert.equal(top.legendScrolls, true, 'the legend scrolls within what the panel leaves it');
    // Scrolled down the panel: the header sticks to the panel's top; the minimap ends within it,
    // and its grey box is the share of the rows the panel shows.
    await page.evaluate(() => { /** @type {HTMLElement} */ (document.getElementById('panel')).scrollTop = 1500; });
    await settle(page);
    const down = await measure();
    assert.equal(down.headerTop, 0);
    assert.ok(down.roomForRows >= 64, `scrolled, the header leaves ${down.roomForRows} px for rows`);
    assert.ok(down.minimapBottom <= 1, `the minimap ends ${down.minimapBottom} px below the panel`);
    const rowsHeight = await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('article-diff')?.shadowRoot?.querySelector('.rows')).getBoundingClientRect().height);
    assert.ok(down.viewportShare < 420 / rowsHeight + 0.02, `the minimap's grey box is ${down.viewportShare} of it, the panel shows under ${420 / rowsHeight}`);
    await shot(page, 'scroll-box-legend-1280-light');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('links to a change', () => {
  test('each change has an id; current-change on load goes there and follows the reader', async () => {
    const {oldText, newText} = await readFixtures();
    const {context, page, problems} = await elementPage({}, 'current-change="change-5"');
    await page.evaluate(() => {
      /** @type {any} */ (window).__navigated = [];
      document.addEventListener('article-diff-navigate', (e) => /** @type {any} */ (window).__navigated.push(/** @type {CustomEvent} */ (e).detail.id));
    });
    await setTexts(page, oldText, newText);
    await settle(page);
    const state = await page.evaluate(currentChange, 'change-5');
    assert.equal(state.ids, state.count, 'one id per change');
    assert.deepEqual({current: state.current, inView: state.inView, marked: state.marked}, {current: 'change-5', inView: true, marked: true});
    assert.ok(state.focused, 'a link followed on load does not take the keyboard');
    await page.locator('article-diff [part="next"]').click();
    assert.equal(await page.getAttribute('article-diff', 'current-change'), 'change-6');
    assert.deepEqual((await page.evaluate(() => /** @type {any} */ (window).__navigated)).filter(Boolean), ['change-5', 'change-6']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('current-change on load goes there when the diff is drawn before the stylesheet applies', async () => {
    const {oldText, newText} = await readFixtures();
    const context = await env.browser.newContext({viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'});
    // A slow stylesheet: the frame stays hidden, with no place to scroll to, after the diff is
    // drawn. An element made after the page loaded (a page's own load waits for the first's).
    await context.route('**/article-diff.css', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const {page, problems} = await openElementPage(context, env.server.url);
    await page.evaluate(async ([oldText, newText]) => {
      document.body.innerHTML = '<article-diff current-change="change-5"></article-diff>';
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      el.oldText = oldText;
      el.newText = newText;
      await new Promise((resolve) => el.addEventListener('diff', resolve, {once: true}));
    }, [oldText, newText]);
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    await settle(page);
    const state = await page.evaluate(currentChange, 'change-5');
    assert.deepEqual({current: state.current, inView: state.inView, marked: state.marked}, {current: 'change-5', inView: true, marked: true}, JSON.stringify(state));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the demo page keeps the view and the current change in its URL, and a reload goes back there', async () => {
    const context = await env.browser.newContext({viewport: {width: 1280, height: 900}});
    const {page, problems} = await demoPage(context);
    const el = page.locator('article-diff');
    await page.locator('article-diff [part="next"]').click();
    await page.locator('article-diff [part="next"]').click();
    await page.locator('article-diff [part="next"]').click();
    await page.locator('article-diff button.seg', {hasText: 'Inline'}).click();
    await page.waitForFunction(() => location.hash.includes('change=change-3'));
    assert.equal(new URL(page.url()).hash, '#change=change-3&view=inline');
    assert.ok(!decodeURIComponent(page.url()).includes('Biden'), 'no text in the URL');
    await page.reload();
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff'))?.currentChangeId === 'change-3');
    const after = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      const box = el.shadowRoot.getElementById('change-3').getBoundingClientRect();
      return {view: el.view, inView: box.top >= 0 && box.top < innerHeight, counter: el.shadowRoot.querySelector('.counter').textContent};
    });
    assert.equal(after.view, 'inline');
    assert.ok(after.inView, 'the reload scrolled to change 3');
    assert.match(after.counter, /^3 of /);
    // A bare anchor copied from the element works too.
    await page.goto(new URL('#change-2', env.server.url).href);
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff'))?.currentChangeId === 'change-2')
      .catch(async (error) => {
        const state = await page.evaluate(() => {
          const el = /** @type {any} */ (document.querySelector('article-diff'));
          return {hash: location.hash, current: el?.currentChangeId, attribute: el?.getAttribute('current-change'), changes: el?.changeCount};
        });
        throw new Error(`${error.message} (the page: ${JSON.stringify(state)})`);
      });
    assert.equal(await el.getAttribute('current-change'), 'change-2');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('several versions', () => {
  test('the demo page holds any number of versions and compares any two, by menus or a slider', async () => {
    const context = await env.browser.newContext({viewport: {width: 1280, height: 900}});
    const {page, problems} = await demoPage(context);
    // Three files dropped at once, given out of order: the oldest is the first version.
    await page.evaluate(() => {
      const data = new DataTransfer();
      const day = 86_400_000;
      data.items.add(new File(['Alpha one.\n\nBeta two, in the third draft.\n\nGamma three.\n'], 'draft-3.txt', {lastModified: 3 * day}));
      data.items.add(new File(['Alpha one.\n\nBeta two.\n'], 'draft-1.txt', {lastModified: 1 * day}));
      data.items.add(new File(['Alpha one.\n\nBeta two, in the second draft.\n'], 'draft-2.txt', {lastModified: 2 * day}));
      document.querySelector('#inputs')?.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
    });
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff')).newLabel === 'draft-3.txt');
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    const options = await page.locator('#old-version option').allTextContents();
    assert.deepEqual(options, ['1. draft-1.txt', '2. draft-2.txt', '3. draft-3.txt']);
    assert.equal(await page.inputValue('#old-version'), '1');
    assert.equal(await page.inputValue('#new-version'), '2');
    assert.ok((await shadow.texts(page, 'ins')).some((t) => t.includes('third')), 'draft 2 → 3 is shown');
    await shot(page, 'versions-1280-light');

    // The slider steps to the first pair.
    await page.locator('#version-slider').fill('1');
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff')).oldLabel === 'draft-1.txt');
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    assert.ok((await shadow.texts(page, 'ins')).some((t) => t.includes('second')), 'draft 1 → 2 is shown');
    assert.equal(await page.inputValue('#old-text'), 'Alpha one.\n\nBeta two.\n');

    // Any two: draft 1 against draft 3.
    await page.selectOption('#new-version', '2');
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff')).newLabel === 'draft-3.txt');
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    assert.equal(await page.inputValue('#old-version'), '0');

    // An edit made in a text box is kept when the reader picks another pair and comes back.
    await page.fill('#new-text', 'Alpha one.\n\nBeta two, edited by hand.\n');
    await page.selectOption('#new-version', '1');
    await page.selectOption('#new-version', '2');
    assert.equal(await page.inputValue('#new-text'), 'Alpha one.\n\nBeta two, edited by hand.\n');

    // Add a version (a copy of the new one, selected to paste over), then remove it.
    await page.click('#add-version');
    assert.equal(await page.locator('#new-version option').count(), 4);
    assert.equal(await page.inputValue('#new-version'), '3');
    assert.equal(await page.inputValue('#old-version'), '2');
    await page.keyboard.type('A fourth version.');
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('article-diff')).newText === 'A fourth version.');
    await page.click('#remove-version');
    assert.equal(await page.locator('#new-version option').count(), 3);
    await page.setViewportSize({width: 390, height: 844});
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'versions-390-light');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('find, folds and only changes', () => {
  test('folded text is in the DOM hidden until found; expand all, fold all and only changes', async () => {
    const {context, page, problems} = await elementPage();
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    const folded = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      const rows = /** @type {HTMLElement} */ (root.querySelector('.fold-rows'));
      return {hidden: rows.getAttribute('hidden'), text: rows.textContent?.trim().slice(0, 40) ?? ''};
    });
    assert.equal(folded.hidden, 'until-found', 'Chromium finds text in a closed fold');
    assert.ok(folded.text.length > 10, 'the folded paragraphs are in the DOM');
    // What the browser's find does when it matches there: the fold opens.
    const opened = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      const rows = /** @type {HTMLElement} */ (root.querySelector('.fold-rows'));
      rows.removeAttribute('hidden');
      rows.dispatchEvent(new Event('beforematch', {bubbles: true}));
      return /** @type {HTMLElement} */ (rows.closest('.fold')).querySelector('.fold-bar button')?.getAttribute('aria-expanded');
    });
    assert.equal(opened, 'true');

    const shown = () => shadow.count(page, SHOWN_ROW);
    const total = await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).model.rowCount);
    const foldAll = page.locator('article-diff [part="fold-all"]');
    await foldAll.click();
    assert.equal(await shown(), total, 'Expand all shows every row');
    assert.equal(await foldAll.textContent(), 'Fold all');
    await foldAll.click();
    assert.ok(await shown() < total, 'Fold all folds them again');

    const before = await shown();
    await page.locator('article-diff [part="only-changes-toggle"] input').check();
    assert.equal(await page.evaluate(() => document.querySelector('article-diff')?.hasAttribute('only-changes')), true);
    const only = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      return [...root.querySelectorAll('.row:not(.fold-rows[hidden] .row)')].filter((r) => r.classList.contains('equal')).length;
    });
    assert.equal(only, 0, 'only changes: no unchanged paragraph is shown');
    assert.ok(await shown() < before);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('print, copy and export', () => {
  test('print shows every paragraph and the legend, and no control', async () => {
    const {context, page, problems} = await elementPage();
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    await page.emulateMedia({media: 'print'});
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await settle(page);
    const printed = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      const visible = (/** @type {Element} */ el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      return {
        rows: [...root.querySelectorAll('.row')].filter(visible).length,
        controls: [...root.querySelectorAll('button:not(.move-link), input, select, .minimap')].filter(visible).map((el) => el.className || el.tagName),
        legend: visible(/** @type {Element} */ (root.querySelector('.legend'))),
        labels: [...root.querySelectorAll('.heading, .column-headers')].filter(visible).length,
      };
    });
    const total = await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).model.rowCount);
    assert.equal(printed.rows, total, 'every row is printed, folded ones too');
    assert.deepEqual(printed.controls, [], 'no control is printed');
    assert.ok(printed.legend, 'the legend is printed');
    assert.ok(printed.labels > 0, 'the versions are named');
    const pdf = await page.pdf({format: 'A4'});
    assert.ok(pdf.length > 10_000);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('copy puts rich and plain text on the clipboard; download saves one self-contained HTML file; hostile text stays text', async () => {
    const {context, page, problems} = await elementPage({acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write']});
    await setTexts(page, 'A calm <b>line</b>.\n\nKept paragraph.\n', 'A calm <img src=x onerror=alert(1)> line.\n\nKept paragraph.\n');
    await page.locator('article-diff [part="copy"]').click();
    await page.waitForFunction(() => document.querySelector('article-diff')?.shadowRoot?.textContent?.includes('Copied'));
    assert.deepEqual(problems, [], 'copying reports nothing');
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {types: item.types, html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text()};
    });
    assert.deepEqual([...clip.types].sort(), ['text/html', 'text/plain']);
    assert.match(clip.html, /<table/);
    assert.match(clip.html, /&lt;<ins[^>]*>img src=x onerror=alert\(1\)&gt; <\/ins>/);
    assert.doesNotMatch(clip.html, /<img/);
    assert.match(clip.text, /\{\+img src=x onerror=alert\(1\)> \+\}/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('article-diff [part="download"]').click()]);
    assert.match(download.suggestedFilename(), /^diff-.*\.html$/);
    const file = await readFile(/** @type {string} */ (await download.path()), 'utf8');
    assert.match(file, /^<!doctype html>/i);
    assert.match(file, /Content-Security-Policy/);
    assert.doesNotMatch(file, /<script|<img|<link /i);
    assert.match(file, /Kept paragraph/);
    assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).exportDiff('html').length > 1000), true);
    // The exported file opens as a page of its own and shows the diff.
    const viewer = await context.newPage();
    await viewer.setContent(file);
    assert.ok(await viewer.locator('ins, del').count() > 0);
    await viewer.screenshot({path: path.join(screenshotDir, 'reader-export-1280-light.png')});
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('screen readers', () => {
  /** axe-core's own build, run in the page (evaluate is not subject to the page's CSP). */
  const axeSource = readFile(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

  /**
   * Runs axe on the whole page (shadow roots included) and returns its violations, with the
   * experimental label-content-name-mismatch rule on.
   * @param {import('playwright-core').Page} page
   */
  async function audit(page) {
    await page.evaluate(await axeSource);
    return page.evaluate(axeViolations);
  }

  test('rows are a table with labelled cells; whitespace changes are words', async () => {
    const {context, page, problems} = await elementPage();
    await setTexts(page, WHITESPACE_PAIR.oldText, WHITESPACE_PAIR.newText);
    assertTableSemantics(await page.evaluate(tableSemantics));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard focus is never hidden under the sticky toolbar', async () => {
    const {context, page} = await elementPage({viewport: {width: 1280, height: 700}});
    const {oldText, newText} = shuffledPair(30, 3, 25);
    await setTexts(page, oldText, newText);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('article-diff .move-link').last().focus();
    const hidden = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Shift+Tab');
      const place = await page.evaluate(focusAgainstToolbar);
      if (place && place.top < place.barBottom - 1) hidden.push(place);
    }
    assert.deepEqual(hidden, []);
    await context.close();
  });

  /**
   * The pairs audited: each with the element's attributes. The HTML pair is drawn as HTML
   * (`format="html"`): headings, a list, emphasis and a link, a formatting change and a move.
   * @type {Record<string, {attributes: string, pair: () => Promise<{oldText: string, newText: string}>}>}
   */
  const pairs = {
    seed: {attributes: '', pair: async () => readFixtures()},
    moves: {attributes: '', pair: async () => shuffledPair(14, 2, 11)},
    html: {attributes: 'format="html"', pair: async () => AUDIT_HTML_PAIR},
  };
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    for (const [name, {attributes, pair}] of Object.entries(pairs)) {
      test(`axe-core finds no violation: the ${name} pair, ${scheme}, in the element with its legend open, at 1280 and 390 px`, async () => {
        const {context, page, problems} = await elementPage({colorScheme: scheme}, attributes);
        await page.evaluate(embedInMain);
        const {oldText, newText} = await pair();
        await setTexts(page, oldText, newText);
        if (attributes.includes('html')) {
          // Drawn as HTML, not read as text: a heading and emphasis, never a tag as a word.
          assertDrawnAsHtml(await page.evaluate(drawnAsHtml));
        }
        await page.locator('article-diff [part="legend-toggle"]').click();
        await page.locator('article-diff [part="next"]').click();
        await settle(page);
        // Before the audit: axe sets inline styles of its own, which the strict CSP reports.
        assert.deepEqual(problems, []);
        await shot(page, `axe-${name}-1280-${scheme}`);
        assert.deepEqual(await audit(page), []);
        await page.setViewportSize({width: 390, height: 844});
        await settle(page);
        await shot(page, `axe-${name}-390-${scheme}`);
        assert.deepEqual(await audit(page), []);
        await context.close();
      });
    }
    test(`axe-core finds no violation on the demo page, ${scheme}, at 1280 and 390 px`, async () => {
      const context = await env.browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: scheme, reducedMotion: 'reduce'});
      const {page, problems} = await demoPage(context);
      assert.deepEqual(problems, []);
      assert.deepEqual(await audit(page), []);
      await page.setViewportSize({width: 390, height: 844});
      await settle(page);
      assert.deepEqual(await audit(page), []);
      await shot(page, `demo-390-${scheme}`);
      await context.close();
    });
  }
});

describe('texts that share little', () => {
  test('are said to be unrelated and shown one after the other, counted as shown', async () => {
    const {context, page, problems} = await elementPage();
    const {oldText, newText} = unrelatedPair();
    await setTexts(page, oldText, newText);
    assertUnrelatedShown(await page.evaluate(unrelatedShown));
    await shot(page, 'unrelated-1280-light');
    // The reader can still ask for them aligned.
    await page.locator('article-diff [part="notice-action"]').click();
    await settle(page);
    assert.equal(await shadow.count(page, '.part-heading'), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('counts', () => {
  test('with cosmetic changes hidden, the summary no longer counts them: the seed pair splits are cosmetic', async () => {
    const {context, page, problems} = await elementPage();
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    const summary = () => shadow.texts(page, '.summary').then((t) => t[0]);
    assert.match(await summary(), /2 split/);
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('hide-cosmetic', ''));
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    assert.doesNotMatch(await summary(), /split/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('hidden changes', () => {
  /** The summary and the folds' bars, once drawn. @param {import('playwright-core').Page} page */
  const seen = (page) => page.evaluate(readShown);

  test('Hide formatting: the summary no longer counts them, and a fold says it holds them rather than calling them unchanged', async () => {
    const {context, page, problems} = await elementPage({}, 'format="html"');
    const {oldText, newText} = hiddenFormattingFoldPair();
    await setTexts(page, oldText, newText);
    const shown = await seen(page);
    assert.match(shown.summary, /2 formatting/);
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('hide-formatting', ''));
    const hidden = await seen(page);
    assert.doesNotMatch(hidden.summary, /formatting/, 'the hidden formatting changes are not counted as shown');
    assert.match(hidden.summary, /\+1 word/);
    // The toggle still says how many it hides.
    assert.match(await shadow.texts(page, '[part="formatting-toggle"]').then((t) => t[0]), /2 formatting changes/);
    // Rows 1–12 fold but for the context row next to the change; two of them changed formatting.
    assert.deepEqual(hidden.folds, ['9 unchanged paragraphs, 2 paragraphs with hidden formatting changes']);
    await shot(page, 'hide-formatting-on-1280-light');
    await page.emulateMedia({colorScheme: 'dark'});
    await page.setViewportSize({width: 390, height: 844});
    await shot(page, 'hide-formatting-on-390-dark');
    await page.locator('article-diff .fold-bar button').first().click();
    assert.deepEqual((await seen(page)).folds, ['Fold 11 paragraphs']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Hide cosmetic: a fold says it holds paragraphs with hidden cosmetic changes', async () => {
    const {context, page, problems} = await elementPage();
    const {oldText, newText} = hiddenCosmeticFoldPair();
    await setTexts(page, oldText, newText);
    assert.deepEqual((await seen(page)).folds, ['6 unchanged paragraphs']);
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('hide-cosmetic', ''));
    assert.deepEqual((await seen(page)).folds, ['10 unchanged paragraphs, 1 paragraph with hidden cosmetic changes']);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('gutters', () => {
  test('six-digit paragraph numbers fit their gutters', async () => {
    const {context, page, problems} = await elementPage();
    const count = 100_010;
    const oldText = Array.from({length: count}, (_, i) => `P${i}.`).join('\n\n');
    const newText = oldText.replace(/P100005\.$/m, 'P100005, edited.');
    // Not waiting for every row: going to the change draws its chunk first.
    await page.evaluate(([oldText, newText]) => new Promise((resolve) => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      el.addEventListener('diff', () => { el.goToChange(0); resolve(null); }, {once: true});
      el.oldText = oldText;
      el.newText = newText;
    }), [oldText, newText]);
    await settle(page);
    const gutters = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      const row = /** @type {HTMLElement} */ (root.querySelector('.row.current'));
      return [...row.querySelectorAll('.gutter')].map((g) => ({text: g.textContent?.replace(/\D/g, ''), fits: g.scrollWidth <= g.clientWidth}));
    });
    assert.deepEqual(gutters.map((g) => g.text), ['100006', '100006']);
    assert.ok(gutters.every((g) => g.fits), JSON.stringify(gutters));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
