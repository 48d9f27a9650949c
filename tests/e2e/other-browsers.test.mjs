// @ts-check
// The reader's layout and legend in the browsers other than Chromium (issue 24): Firefox
// (Debian's firefox-esr over geckodriver) and WebKit, Safari's engine (Debian's WebKitGTK
// MiniBrowser over WebKitWebDriver, in an Xvfb display), started as tests/package/browsers.mjs
// starts them, on the demo page under its strict CSP, at a phone's width and a desktop's.
// Neither window goes below about 450 px, so the phone is an iframe 390 px wide in the page.
// Screenshots: tests/e2e/screenshots/firefox-*.png and webkit-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';

import {Key} from 'selenium-webdriver';

import {enterPhoneFrame, firefoxEsr, viewScreenshot, webkitGtk} from '../package/browsers.mjs';
import {screenshotDir, startServer} from './harness.mjs';

/** @type {{url: string, close: () => Promise<void>}} */
let server;

before(async () => {
  server = await startServer({port: 0});
});

after(async () => {
  await server?.close();
});

for (const [name, start] of /** @type {const} */ ([['Firefox', firefoxEsr], ['WebKit', webkitGtk]])) {
  describe(name, () => {
    /** @type {import('../package/browsers.mjs').TestBrowser} */
    let browser;
    /** @type {import('selenium-webdriver').WebDriver} */
    let driver;
    /** The frame the phone-sized page is in, or `null` at desktop size. @type {import('selenium-webdriver').WebElement | null} */
    let frame = null;

    /** The window's page, whichever document or frame it shows now. @type {import('../package/browsers.mjs').OpenPage} */
    let page;

    before(async () => {
      browser = await start();
      driver = /** @type {import('selenium-webdriver').WebDriver} */ (browser.driver);
      page = await browser.open(server.url);
    });

    after(async () => {
      await browser?.close();
    });

    /**
     * Runs `fn` in the window's current document (sent as source text) and resolves to its
     * JSON-able result.
     * @template T @param {() => T | Promise<T>} fn @returns {Promise<T>}
     */
    const run = (fn) => page.run(fn, null);

    /**
     * Opens the demo page in a viewport of this size: the window itself, or, narrower than
     * the browser's window goes, an iframe of that size in the page.
     * @param {number} width @param {number} height
     */
    async function openDemo(width, height) {
      await driver.switchTo().defaultContent();
      frame = null;
      const window = Math.max(width, 600);
      await driver.manage().window().setRect({width: window, height});
      const inner = await run(() => [innerWidth, innerHeight]);
      await driver.manage().window().setRect({width: 2 * window - inner[0], height: 2 * height - inner[1] + (width < window ? 40 : 0)});
      await driver.get(server.url);
      if (width < window) frame = await enterPhoneFrame(driver, page, 'The demo page at a phone\'s width');
      await run(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        while (!el.model) await new Promise((resolve) => setTimeout(resolve, 50));
        await el.ready();
      });
    }

    /** @param {string} shotName */
    async function shot(shotName) {
      await writeFile(path.join(screenshotDir, `${name.toLowerCase()}-${shotName}.png`), await viewScreenshot(driver, frame), 'base64');
    }

    /** Scrolls the element's toolbar to the top of the window. */
    const toDiff = () => run(() => window.scrollTo(0, /** @type {Element} */ (document.querySelector('article-diff')).getBoundingClientRect().top + window.scrollY));

    test(`${name}, 390 px: one column by default, a compact sticky toolbar, the legend behind Options`, async () => {
      await openDemo(390, 844);
      const layout = await run(() => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        const root = el.shadowRoot;
        return {view: el.view, width: innerWidth, bar: root.querySelector('.bar').getBoundingClientRect().height,
          pageWidth: document.documentElement.scrollWidth, rowTop: root.querySelector('.row').getBoundingClientRect().top};
      });
      assert.equal(layout.width, 390);
      assert.equal(layout.view, 'inline');
      assert.ok(layout.bar <= 0.16 * 844, `the toolbar is ${layout.bar} px tall`);
      assert.ok(layout.pageWidth <= 390, `the page scrolls sideways (${layout.pageWidth} px)`);
      assert.ok(layout.rowTop < 844, 'the diff starts on the first screen');
      await shot('demo-390-light');

      // Deep in the diff the toolbar is still on screen, and Next works.
      await run(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      const deep = await run(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
        const next = /** @type {HTMLButtonElement} */ (root.querySelector('[part="next"]'));
        const box = next.getBoundingClientRect();
        next.click();
        return {onScreen: box.top >= 0 && box.bottom <= innerHeight, counter: root.querySelector('.counter')?.textContent};
      });
      assert.ok(deep.onScreen, 'Next is on screen deep in the diff');
      assert.match(deep.counter ?? '', /^\d+ of \d+$/);

      await toDiff();
      const legend = await run(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
        /** @type {HTMLElement} */ (root.querySelector('[part="tools-toggle"]')).click();
        /** @type {HTMLElement} */ (root.querySelector('[part="legend-toggle"]')).click();
        const panel = /** @type {HTMLElement} */ (root.querySelector('.legend'));
        return {hidden: panel.hidden, entries: panel.querySelectorAll('.legend-entry').length, height: panel.getBoundingClientRect().height};
      });
      assert.equal(legend.hidden, false);
      assert.ok(legend.entries >= 10 && legend.height > 100, JSON.stringify(legend));
      await shot('legend-390-light');
      // Dark, through the element's theme (the profile's colour scheme is fixed for the session).
      await run(() => document.querySelector('article-diff')?.setAttribute('theme', 'dark'));
      await shot('legend-390-dark');
    });

    test(`${name}, 1280 px: side by side, the legend open, the minimap drawn`, async () => {
      await openDemo(1280, 900);
      await toDiff();
      const layout = await run(() => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        const root = el.shadowRoot;
        /** @type {HTMLElement} */ (root.querySelector('[part="legend-toggle"]')).click();
        const canvas = root.querySelector('.minimap canvas');
        return {view: el.view, legend: !root.querySelector('.legend').hidden, markers: Number(canvas?.dataset.markers), changes: el.changeCount,
          folds: root.querySelector('.fold-rows')?.hasAttribute('hidden')};
      });
      assert.deepEqual({view: layout.view, legend: layout.legend, folds: layout.folds}, {view: 'split', legend: true, folds: true});
      assert.equal(layout.markers, layout.changes, 'a minimap marker per change');
      await shot('legend-1280-light');
      await run(() => document.querySelector('article-diff')?.setAttribute('theme', 'dark'));
      await shot('legend-1280-dark');

      // Find reaches folded paragraphs: hidden until found where the browser supports it, else
      // the find keys open every fold first.
      const finds = await run(() => 'onbeforematch' in document.documentElement);
      await driver.findElement({css: 'h1'}).click();
      await driver.actions().keyDown(Key.CONTROL).sendKeys('f').keyUp(Key.CONTROL).perform();
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      const folds = await run(() => [...(document.querySelector('article-diff')?.shadowRoot?.querySelectorAll('.fold-rows') ?? [])].map((f) => f.getAttribute('hidden')));
      assert.ok(folds.length > 0);
      if (finds) assert.ok(folds.every((f) => f === 'until-found'), JSON.stringify(folds));
      else assert.ok(folds.every((f) => f === null), `Ctrl+F opened every fold: ${JSON.stringify(folds)}`);
    });
  });
}
