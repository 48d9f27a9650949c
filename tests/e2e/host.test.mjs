// @ts-check
// End-to-end tests of what a host page (a CMS) hands <article-diff>, in headless Chromium under
// the strict CSP: texts in a data block (while the page is still arriving, and hostile), the
// interface's words in another language, and theme="page" following the page's color-scheme.
import http from 'node:http';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import {serverAndBrowser} from './harness.mjs';
import {STRICT_CSP, shadow, watchProblems} from './ui.mjs';

const env = serverAndBrowser({contextOptions: {viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'}});

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> [link](javascript:window.__pwned=3) </script>';

/**
 * JSON for a data block, as a server must write it: `<` as \u003c, so no `</script>` in a
 * text ends the block.
 * @param {unknown} data
 */
const blockJson = (data) => JSON.stringify(data).replace(/</g, '\\u003c');

/**
 * A page whose body arrives in `parts`, `pauseMs` apart, served under the strict CSP on a
 * server of its own; every other path is the project's server's (proxied). Returns the page's
 * URL and a `close`.
 * @param {string} head the head's content after the CSP and charset
 * @param {string[]} parts the body, in the pieces the server writes
 * @param {number} pauseMs
 */
async function streamingPage(head, parts, pauseMs) {
  const server = http.createServer(async (request, response) => {
    if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (request.url !== '/host.html') {
      const upstream = await fetch(new URL(request.url ?? '/', env.server.url));
      response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
      response.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    response.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP});
    response.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}</head><body>`);
    for (const [i, part] of parts.entries()) {
      if (i) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      response.write(part);
    }
    response.end('</body></html>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {url: `http://127.0.0.1:${port}/host.html`, close: () => new Promise((resolve) => server.close(resolve))};
}

/**
 * Opens `url`, counting errors, CSP violations and the element's error events from the start.
 * @param {string} url @param {import('playwright-core').BrowserContext} [context]
 */
async function open(url, context = env.context) {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__cspViolations = [];
    w.__errors = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    document.addEventListener('article-diff-error', (event) => w.__errors.push(/** @type {any} */ (event).message), true);
  });
  await page.goto(url);
  await page.evaluate(async () => {
    await customElements.whenDefined('article-diff');
    for (const el of document.querySelectorAll('article-diff')) await /** @type {any} */ (el).ready();
  });
  return {page, problems};
}

/** @param {import('playwright-core').Page} page */
const pageState = (page) => page.evaluate(() => {
  const w = /** @type {any} */ (window);
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  return {
    pwned: w.__pwned ?? null, csp: w.__cspViolations, errors: w.__errors,
    oldText: el.oldText, newText: el.newText, stats: el.stats,
    shadowImages: el.shadowRoot.querySelectorAll('img, script, a').length,
    error: el.shadowRoot.querySelector('.error').hidden ? '' : el.shadowRoot.querySelector('.error').textContent,
  };
});

describe('a data block inside <article-diff>', () => {
  test('is read even when the page stops in the middle of it, and its hostile texts stay text', async () => {
    const oldText = `First paragraph, as it was.\n\n${HOSTILE}\n\nLast paragraph.`;
    const newText = `First paragraph, as it is now.\n\n${HOSTILE}\n\nLast paragraph.`;
    const json = blockJson({oldText, newText});
    const cut = json.indexOf('as it is now');
    // The module is async: it defines the element while the server pauses in the block's JSON.
    const site = await streamingPage('<script type="module" async src="/article-diff-define.js"></script>', [
      `<article-diff old-label="Before" new-label="After"><script type="application/json">${json.slice(0, cut)}`,
      `${json.slice(cut)}</script></article-diff><p id="after">after</p>`,
    ], 1500);
    try {
      const {page, problems} = await open(site.url);
      const state = await pageState(page);
      assert.equal(state.oldText, oldText);
      assert.equal(state.newText, newText);
      assert.deepEqual(state.errors, [], 'a block still arriving is not refused');
      assert.equal(state.error, '');
      assert.equal(state.stats.wordsInserted, 2);
      assert.equal(state.pwned, null, 'no hostile script ran');
      assert.equal(state.shadowImages, 0, 'no hostile markup was made');
      assert.deepEqual(state.csp, []);
      assert.deepEqual(problems, []);
      const cells = (await shadow.texts(page, '.row .cell.old .text')).join('\n');
      assert.ok(cells.includes(HOSTILE), 'the hostile paragraph is drawn as its text');
      await page.close();
    } finally {
      await site.close();
    }
  });

  test('a block that is not what the element reads is an error, and a corrected block is read', async () => {
    const site = await streamingPage('<script type="module" src="/article-diff-define.js"></script>', [
      '<article-diff><script type="application/json">{"old": "a", "new": "b"}</script></article-diff>',
    ], 0);
    try {
      const {page} = await open(site.url);
      const state = await pageState(page);
      assert.equal(state.errors.length, 1);
      assert.match(state.errors[0], /key “old”/);
      assert.match(state.error, /key “old”/);
      // The host replaces the block's text: the element reads it again.
      await page.evaluate(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        el.querySelector('script').textContent = '{"oldText": "a b", "newText": "a c"}';
        await new Promise((resolve) => el.addEventListener('diff', resolve, {once: true}));
      });
      const fixed = await pageState(page);
      assert.equal(fixed.newText, 'a c');
      assert.equal(fixed.error, '');
      // As jQuery's .html() inserts one: the script's type disabled while it goes in, then restored.
      const late = await page.evaluate(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        const block = document.createElement('script');
        block.type = 'true/application/json';
        block.textContent = '{"oldText": "x y", "newText": "x z"}';
        el.replaceChildren(block);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const before = el.newText;
        block.type = 'application/json';
        await new Promise((resolve) => el.addEventListener('diff', resolve, {once: true}));
        return {before, after: el.newText};
      });
      assert.deepEqual(late, {before: 'a c', after: 'x z'});
      await page.close();
    } finally {
      await site.close();
    }
  });

  test('a text set from script wins over the block, even one set before the element was defined', async () => {
    const site = await streamingPage('', [
      `<article-diff><script type="application/json">${blockJson({oldText: 'block old', newText: 'block new'})}</script></article-diff>`,
      '<script src="/e2e-set-early.js"></script><script type="module" src="/article-diff-define.js"></script>',
    ], 0);
    const context = await env.browser.newContext();
    await context.route('**/e2e-set-early.js', (route) => route.fulfill({
      contentType: 'text/javascript',
      body: 'document.querySelector("article-diff").newText = "script new";',
    }));
    try {
      const {page} = await open(site.url, context);
      const state = await pageState(page);
      assert.equal(state.oldText, 'block old');
      assert.equal(state.newText, 'script new');
    } finally {
      await context.close();
      await site.close();
    }
  });
});

describe('the interface in another language', () => {
  test('strings from the data block and from the property relabel the toolbar, rows and headings', async () => {
    const strings = {
      locale: 'pl', previous: 'Poprzednia', next: 'Następna', sideBySide: 'Obok siebie', inline: 'W jednej kolumnie',
      oldVersion: 'Stara wersja', newVersion: 'Nowa wersja', hideCosmetic: 'Ukryj kosmetyczne',
      changeCount: {one: '{n} zmiana', few: '{n} zmiany', many: '{n} zmian', other: '{n} zmiany'},
      wordsInserted: {one: '+{n} słowo', few: '+{n} słowa', many: '+{n} słów', other: '+{n} słowa'},
      rowChanged: 'Zmieniony akapit', rowUnchanged: 'Niezmieniony akapit', oldParagraphNumber: 'Stary ¶ {n}',
      expandAll: 'Rozwiń wszystko', legend: 'Legenda', legendWords: 'Słowa',
    };
    const site = await streamingPage('<script type="module" src="/article-diff-define.js"></script>', [
      `<article-diff><script type="application/json">${blockJson({oldText: 'Ala ma kota.\n\nB.\n\nC.', newText: 'Ala ma dwa czarne koty.\n\nB.\n\nC i D.', strings})}</script></article-diff>`,
    ], 0);
    try {
      const {page, problems} = await open(site.url);
      const texts = async () => ({
        nav: (await shadow.texts(page, '.nav-text')).join('|'),
        view: (await shadow.texts(page, '.seg')).join('|'),
        headings: (await shadow.texts(page, '.heading')).join('|'),
        counter: (await shadow.texts(page, '.counter')).join(''),
        stats: (await shadow.texts(page, '.stat')).join('|'),
        rows: (await shadow.texts(page, '.row .sr-only')).join('|'),
        tools: (await shadow.texts(page, '[part="fold-all"], [part="legend-toggle"], .legend-title')).join('|'),
      });
      const polish = await texts();
      assert.equal(polish.nav, 'Poprzednia|Następna');
      assert.equal(polish.view, 'Obok siebie|W jednej kolumnie');
      assert.equal(polish.headings, 'Stara wersja|Nowa wersja');
      assert.equal(polish.counter, '2 zmiany');
      assert.match(polish.stats, /^\+5 słów\|/, 'five takes the "many" form in Polish');
      assert.match(polish.rows, /(^|\|)Zmieniony akapit\|/, 'a changed row’s header, a cell of its own in the rows’ table');
      assert.match(polish.rows, /\|Niezmieniony akapit\|Stary ¶ 2: \|New ¶ 2: \|/, 'an unchanged row and its cells, in the strings given, the others English');
      assert.match(polish.tools, /^Rozwiń wszystko\|Legenda\|Słowa\|/);
      assert.equal(await page.evaluate(() => document.querySelector('article-diff').shadowRoot.querySelector('[part~="toolbar"]').getAttribute('lang')),
        'pl', 'the controls are marked as Polish for screen readers');
      // Back to English through the property, without a new diff.
      const english = await page.evaluate(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        let diffs = 0;
        el.addEventListener('diff', () => diffs++);
        el.strings = null;
        await el.ready();
        return {diffs, previous: el.strings.previous};
      });
      assert.deepEqual(english, {diffs: 0, previous: 'Previous'});
      const back = await texts();
      assert.equal(back.nav, 'Previous|Next');
      assert.equal(back.counter, '2 changes');
      assert.match(back.rows, /(^|\|)Changed paragraph\|/);
      assert.match(back.tools, /^Expand all\|Legend\|Words\|/, 'the legend is redrawn in English too');
      // Strings that cannot be used are an error; the ones before stay.
      const refused = await page.evaluate(() => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        el.strings = {previus: 'x'};
        return {errors: /** @type {any} */ (window).__errors, previous: el.strings.previous};
      });
      assert.equal(refused.previous, 'Previous');
      assert.match(refused.errors.at(-1), /“previus” is not one of the element's strings/);
      // A string is text, whatever it holds.
      const hostile = await page.evaluate(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        const markup = '<img src=x onerror="window.__pwned = 4">';
        el.strings = {previous: markup, rowChanged: markup, changeCount: {other: `${markup} {n}`}, moveLinkLabel: markup};
        await el.ready();
        return {pwned: /** @type {any} */ (window).__pwned ?? null, images: el.shadowRoot.querySelectorAll('img').length,
          previous: el.shadowRoot.querySelector('[part~="prev"] .nav-text').textContent};
      });
      assert.deepEqual(hostile, {pwned: null, images: 0, previous: '<img src=x onerror="window.__pwned = 4">'});
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await site.close();
    }
  });
});

describe('theme="page"', () => {
  /**
   * The colours an inserted word and the element's background are drawn in, on a page with
   * `pageStyle`, in a browser whose system preference is `scheme`.
   * @param {string} pageStyle @param {'light'|'dark'} scheme @param {string} [theme]
   */
  async function colours(pageStyle, scheme, theme = 'page') {
    const context = await env.browser.newContext({colorScheme: scheme});
    const page = await context.newPage();
    const url = new URL('/e2e-theme.html', env.server.url).href;
    await page.route(url, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}"><link rel="stylesheet" href="/e2e-theme.css">
<script type="module" src="/article-diff-define.js"></script></head>
<body><article-diff theme="${theme}"><script type="application/json">{"oldText": "one two", "newText": "one two three"}</script></article-diff></body></html>`,
    }));
    await page.route('**/e2e-theme.css', (route) => route.fulfill({contentType: 'text/css', body: pageStyle}));
    await page.goto(url);
    const result = await page.evaluate(async () => {
      await customElements.whenDefined('article-diff');
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      await el.ready();
      const ins = el.shadowRoot.querySelector('ins');
      return {ins: getComputedStyle(ins).backgroundColor, host: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color};
    });
    await context.close();
    return result;
  }

  const LIGHT_INS = 'rgb(200, 240, 209)';
  const DARK_INS = 'rgb(29, 90, 47)';

  test('follows the page\'s color-scheme, not the system\'s preference', async () => {
    const darkPage = await colours(':root { color-scheme: dark; }', 'light');
    assert.equal(darkPage.ins, DARK_INS, 'a dark page on a light system is drawn dark');
    assert.equal(darkPage.host, 'rgb(18, 18, 18)', 'on the dark scheme\'s Canvas');
    const plainPage = await colours('body { margin: 0 }', 'dark');
    assert.equal(plainPage.ins, LIGHT_INS, 'a page that declares no scheme stays light on a dark system');
    assert.equal(plainPage.host, 'rgb(255, 255, 255)');
    const bothPage = await colours(':root { color-scheme: light dark; }', 'dark');
    assert.equal(bothPage.ins, DARK_INS, 'a page that offers both follows the system');
    // Without theme="page" the element follows the system, as before.
    assert.equal((await colours(':root { color-scheme: light; }', 'dark', '')).ins, DARK_INS);
  });

  test('takes the page\'s colours through the custom properties', async () => {
    const themed = await colours('article-diff { --article-diff-bg: #f0f0f1; --article-diff-fg: #1d2327; --article-diff-ins-bg: #abcdef; }', 'light');
    assert.deepEqual(themed, {ins: 'rgb(171, 205, 239)', host: 'rgb(240, 240, 241)', text: 'rgb(29, 35, 39)'});
  });
});
