// @ts-check
/**
 * The HTML reader reads as Firefox and WebKit read: the snippets `markup.test.mjs` holds to
 * Chromium (the corpus, 300 random tag soups, html5lib-tests' tree-construction inputs) are read
 * by Debian's firefox-esr and WebKitGTK (`tests/package/browsers.mjs`) the same way
 * (`browser-read.mjs`) and must give what the native reader gives.
 *
 * Where the browsers disagree the reader follows Chromium; those snippets are listed with the
 * browser's reading, and must keep differing, so that a browser's change shows here.
 */
import {after, before, describe, test} from 'node:test';

import {firefoxEsr, webkitGtk} from '../package/browsers.mjs';
import {assertReadsAsBrowser} from './browser-read.mjs';
import {html5libInputs} from './html5lib-tests.mjs';
import {CORPUS, rng, soup} from './markup-inputs.mjs';

/** Where each browser reads otherwise than Chromium (and the reader), and how. */
const DIFFER = {
  Firefox: new Map([
    ['</br><frameset>h', "`</br>` (read as `<br>`) leaves the frameset-ok flag set, so the frameset replaces the body"],
  ]),
  WebKit: new Map([
    ['<!doctype html><table><select><plaintext>a<caption>b',
      "WebKit's select parsing, older than Chromium's customizable select: the caption ends the select and shows"],
  ]),
};

const soups = () => {
  const rand = rng(27);
  return Array.from({length: 300}, () => soup(rand));
};

for (const [name, start] of /** @type {const} */ ([['Firefox', firefoxEsr], ['WebKit', webkitGtk]])) {
  describe(`the HTML reader reads as ${name} reads`, () => {
    /** @type {import('../package/browsers.mjs').TestBrowser} */
    let browser;
    /** @type {import('../package/browsers.mjs').OpenPage} */
    let page;
    before(async () => {
      browser = await start();
      page = await browser.open('about:blank');
    });
    after(async () => {
      await browser?.close();
    });
    const check = (/** @type {string[]} */ sources, /** @type {string} */ what) =>
      assertReadsAsBrowser(name, page.run, sources, what, DIFFER[name]);

    test('malformed and hostile snippets, and random tag soup', async () => {
      await check([...CORPUS, ...soups()], 'corpus snippets and soups');
    });
    test("html5lib-tests' tree-construction inputs", async () => {
      await check(await html5libInputs(), 'html5lib-tests inputs');
    });
  });
}
