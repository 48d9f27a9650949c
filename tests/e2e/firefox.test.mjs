// @ts-check
// The reader's layout and legend in Firefox (issue 24): Debian's firefox-esr over geckodriver
// (as tests/package/ drives it), on the demo page under its strict CSP, at a phone's width
// and a desktop's. Headless Firefox keeps its window at least 450 px wide, so the phone is an
// iframe 390 px wide in the page. Screenshots: tests/e2e/screenshots/firefox-*.png.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {Builder, Key} from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

import {screenshotDir, startServer} from './harness.mjs';
import {root} from './ui.mjs';

/** Debian's firefox-esr, and the geckodriver `./run` builds (as tests/package/browsers.mjs finds them). */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER
  ?? path.join(process.env.ARTICLE_DIFF_TOOLS ?? path.join(os.homedir(), '.cache', 'article-diff'), 'bin', 'geckodriver');

/** @type {{url: string, close: () => Promise<void>}} */
let server;
/** @type {import('selenium-webdriver').WebDriver} */
let driver;

before(async () => {
  server = await startServer({port: 0});
  const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless');
  // The wasm tests' quiet profile: no update, telemetry or connectivity checks.
  const config = JSON.parse(await readFile(path.join(root, 'webdriver.json'), 'utf8'));
  for (const [name, value] of Object.entries(config['moz:firefoxOptions'].prefs)) options.setPreference(name, value);
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
  await driver.manage().setTimeouts({script: 60_000, pageLoad: 60_000});
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

/**
 * Runs `fn` in the page (sent as source text) and resolves to its JSON-able result.
 * @template T @param {() => T | Promise<T>} fn @returns {Promise<T>}
 */
async function run(fn) {
  const result = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
Promise.resolve().then(${fn}).then((value) => done({value: value === undefined ? null : value}), (error) => done({error: String(error && error.stack || error)}));`);
  const {value, error} = /** @type {{value: T, error?: string}} */ (result);
  if (error) throw new Error(`in Firefox: ${error}`);
  return value;
}

/** The frame the phone-sized page is in, or `null` at desktop size. @type {import('selenium-webdriver').WebElement | null} */
let frame = null;

/**
 * Opens the demo page in a viewport of this size: the window itself, or, narrower than
 * headless Firefox allows, an iframe of that size in the page.
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
  if (width < window) {
    await run(() => new Promise((resolve) => {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('width', '390');
      iframe.setAttribute('height', '844');
      iframe.setAttribute('frameborder', '0');
      iframe.setAttribute('title', 'The demo page at a phone\'s width');
      iframe.addEventListener('load', resolve, {once: true});
      iframe.src = location.href;
      document.body.replaceChildren(iframe);
    }));
    frame = await driver.findElement({css: 'iframe'});
    await driver.switchTo().frame(frame);
  }
  await run(async () => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    while (!el.model) await new Promise((resolve) => setTimeout(resolve, 50));
    await el.ready();
  });
}

/** @param {string} name */
async function shot(name) {
  await run(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  let png;
  if (frame) {
    await driver.switchTo().defaultContent();
    png = await frame.takeScreenshot();
    await driver.switchTo().frame(frame);
  } else {
    png = await driver.takeScreenshot();
  }
  await writeFile(path.join(screenshotDir, `firefox-${name}.png`), png, 'base64');
}

/** Scrolls the element's toolbar to the top of the window. */
const toDiff = () => run(() => window.scrollTo(0, /** @type {Element} */ (document.querySelector('article-diff')).getBoundingClientRect().top + window.scrollY));

test('Firefox, 390 px: one column by default, a compact sticky toolbar, the legend behind Options', async () => {
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

test('Firefox, 1280 px: side by side, the legend open, the minimap drawn', async () => {
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

  // Find reaches folded paragraphs: hidden until found where Firefox supports it, else the
  // find keys open every fold first.
  const finds = await run(() => 'onbeforematch' in document.documentElement);
  await driver.findElement({css: 'h1'}).click();
  await driver.actions().keyDown(Key.CONTROL).sendKeys('f').keyUp(Key.CONTROL).perform();
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  const folds = await run(() => [...(document.querySelector('article-diff')?.shadowRoot?.querySelectorAll('.fold-rows') ?? [])].map((f) => f.getAttribute('hidden')));
  assert.ok(folds.length > 0);
  if (finds) assert.ok(folds.every((f) => f === 'until-found'), JSON.stringify(folds));
  else assert.ok(folds.every((f) => f === null), `Ctrl+F opened every fold: ${JSON.stringify(folds)}`);
});
