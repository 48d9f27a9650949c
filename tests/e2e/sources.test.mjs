// @ts-check
// Issue 21, item 6: a source that fails is never drawn as a diff. Each way an `old-src` or
// `new-src` can fail (status, type, encoding, policy, address, network, size) shows a message
// that names the side, fires `article-diff-error`, and draws nothing until both sides loaded;
// an earlier diff stays rather than being replaced by a one-sided one. Also the element's
// other inputs a careless CMS gets wrong: `oldText = {}` and `timeout-ms="0x10"`.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';

import {CHROMIUM_ARGS, serverAndBrowser} from './harness.mjs';
import {STRICT_CSP, openElementPage, watchProblems} from './ui.mjs';

const env = serverAndBrowser({
  contextOptions: {viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'},
  // The streaming server below is a second origin on the loopback address, which Chromium's
  // Local Network Access refuses to a page it did not fetch from the network (ours is routed).
  launchOptions: {args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks']},
});

/** A second server, for what the project's own cannot send: bodies streamed without a length. */
const streamer = /** @type {{url: string, close: () => Promise<void>}} */ ({});
before(async () => {
  const server = createServer((req, res) => {
    const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('bytes') ?? 0);
    const headers = {'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*'};
    if (req.url?.startsWith('/declared')) Object.assign(headers, {'Content-Length': String(size)});
    res.writeHead(200, headers);
    // In 64 KB pieces, so that a client that gives up early stops the transfer.
    const piece = Buffer.alloc(65536, 'a');
    let sent = 0;
    const more = /** @returns {void} */ () => {
      while (sent < size) {
        const n = Math.min(piece.length, size - sent);
        sent += n;
        if (!res.write(piece.subarray(0, n))) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('close', () => (sent = size));
    more();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  streamer.url = `http://127.0.0.1:${address.port}`;
  streamer.close = () => new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
});
after(() => streamer.close?.());

/**
 * Routes `/src/<name>` of the test page's origin to the responses the cases need.
 * @param {import('playwright-core').Page} page
 */
async function routeSources(page) {
  const text = (/** @type {string} */ body, /** @type {string} */ type = 'text/plain; charset=utf-8') => ({contentType: type, body});
  /** @type {Record<string, Parameters<import('playwright-core').Route['fulfill']>[0]>} */
  const responses = {
    'server-error.txt': {status: 500, ...text('Internal Server Error')},
    'forbidden.txt': {status: 403, ...text('Forbidden')},
    'gone.txt': {status: 410, ...text('Gone')},
    'photo.png': {contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])},
    'report.pdf': {contentType: 'application/pdf', body: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')},
    'nul.txt': text('An article\u0000with a NUL byte.'),
    'latin1.txt': {contentType: 'text/plain; charset=utf-8', body: Buffer.from('Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9.', 'latin1')},
    'utf16.txt': {contentType: 'text/plain', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Plain words, two bytes each.', 'utf16le')])},
    'unknown-charset.txt': {contentType: 'text/plain; charset=x-no-such-thing', body: 'words'},
    'declared-large.txt': {contentType: 'text/plain', body: 'x'.repeat(50_000)},
    'latin1-declared.txt': {contentType: 'text/plain; charset=iso-8859-1', body: Buffer.from('Caf\xe9 cr\xe8me.', 'latin1')},
  };
  // Only `/src/` at the root: the wasm glue's own imports live under `/pkg/snippets/…/src/`.
  await page.route((url) => url.pathname.startsWith('/src/'), async (route) => {
    const url = new URL(route.request().url());
    const name = (url.pathname + url.search).replace(/^\/src\//, '');
    if (name === 'refused.txt') return route.abort('connectionrefused');
    const response = responses[name];
    return response ? route.fulfill(response) : route.fulfill({status: 404, ...text('Not Found')});
  });
}

/**
 * In the page: a fresh element with `attributes`, and what became of it once every load
 * settled: the messages of its error events, how many diffs it drew, its rows and error box.
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string>} attributes
 */
function settle(page, attributes) {
  return page.evaluate(async (attributes) => {
    const el = /** @type {any} */ (document.createElement('article-diff'));
    /** @type {string[]} */
    const errors = [];
    let diffs = 0;
    el.addEventListener('article-diff-error', (/** @type {CustomEvent} */ e) => errors.push(e.detail.message));
    el.addEventListener('diff', () => diffs++);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.body.append(el);
    await el.ready();
    const box = el.shadowRoot.querySelector('.error');
    const result = {errors, diffs, rows: el.shadowRoot.querySelectorAll('.row').length, model: el.model !== null, shown: box.hidden ? null : box.textContent};
    el.remove();
    return result;
  }, attributes);
}

/**
 * A page holding `<article-diff>` under the strict CSP, with `/src/…` routed; the streaming
 * server is the one other origin it may fetch from (it sends CORS headers).
 */
async function sourcesPage() {
  const csp = STRICT_CSP.replace("default-src 'self'", `default-src 'self'; connect-src 'self' ${streamer.url}`);
  const {page, problems} = await openElementPage(env.context, env.server.url, '', csp);
  await routeSources(page);
  return {page, problems};
}

const GOOD = '/fixtures/new.txt';

/**
 * Each bad source and what its message must say besides the side. The element's own strict
 * CSP (`default-src 'self'`) is what refuses `data:` and other origins, as a CMS's would.
 * @type {Array<[string, string, RegExp, Record<string, string>?]>}
 */
const CASES = [
  ['a missing file (404)', '/fixtures/missing-revision.txt', /from “\/fixtures\/missing-revision\.txt”: no such file was found \(HTTP 404\)\.$/],
  ['a server error (500)', '/src/server-error.txt', /server had an internal error \(HTTP 500\)/],
  ['a forbidden file (403)', '/src/forbidden.txt', /access to it is forbidden \(HTTP 403\)/],
  ['a removed file (410)', '/src/gone.txt', /HTTP 410/],
  ['an image', '/src/photo.png', /is not text: the server sent image\/png\.$/],
  ['a PDF', '/src/report.pdf', /is not text: the server sent application\/pdf\.$/],
  ['text with a NUL byte', '/src/nul.txt', /is not text: it contains NUL bytes/],
  ['Latin-1 bytes served as UTF-8', '/src/latin1.txt', /is not UTF-8 text/],
  ['UTF-16 served without a charset', '/src/utf16.txt', /is not UTF-8 text/],
  ['an encoding nobody knows', '/src/unknown-charset.txt', /encoding this page cannot read/],
  ['another origin without CORS', 'http://localhost:1/article.txt', /request failed.*Content-Security-Policy.*CORS/],
  ['a refused connection', '/src/refused.txt', /request failed/],
  ['a javascript: address', 'javascript:alert(document.domain)', /only http:, https:, data: and blob: addresses are loaded\.$/],
  ['a file: address', 'file:///etc/passwd', /only http:, https:, data: and blob: addresses are loaded\.$/],
  ['an about: address', 'about:blank', /only http:, https:, data: and blob: addresses are loaded\.$/],
  ['a blob: that does not exist', 'blob:http://127.0.0.1/00000000-0000-0000-0000-000000000000', /request failed/],
  ['a data: address the CSP refuses', 'data:text/plain,hello', /request failed.*Content-Security-Policy/],
  ['an address that is not a URL', 'http://[bad', /^The old version could not be loaded: “http:\/\/\[bad” is not a valid address\.$/],
  ['a source over max-bytes by its Content-Length', '/src/declared-large.txt', /is 50 KB, over the limit of 20 KB a side; it was not loaded \(the max-bytes attribute raises the limit\)\.$/, {'max-bytes': '20000'}],
  ['a streamed source over max-bytes (no Content-Length)', 'STREAMER/chunked?bytes=300000', /is larger, over the limit of 100 KB a side/, {'max-bytes': '100000'}],
];

describe('<article-diff> sources that fail', () => {
  for (const [what, source, expected, extra] of CASES) {
    test(`${what} is an error naming the side, and no diff is drawn`, async () => {
      const {page, problems} = await sourcesPage();
      const src = source.replace('STREAMER', streamer.url);
      for (const side of /** @type {const} */ (['old', 'new'])) {
        const other = side === 'old' ? 'new' : 'old';
        const got = await settle(page, {[`${side}-src`]: src, [`${other}-src`]: GOOD, ...extra});
        const where = `${what} as ${side}-src`;
        assert.equal(got.diffs, 0, `${where}: a diff was drawn`);
        assert.equal(got.rows, 0, `${where}: rows were drawn`);
        assert.equal(got.model, false, `${where}: a model was kept`);
        assert.equal(got.errors.length, 1, `${where}: ${JSON.stringify(got.errors)}`);
        const [message] = got.errors;
        assert.equal(got.shown, message, `${where}: the box shows the message`);
        if (!/max-bytes must/.test(message)) assert.match(message, new RegExp(`^The ${side} version `), where);
        assert.match(message, side === 'old' ? expected : new RegExp(expected.source.replace('The old version', 'The new version')), where);
      }
      // The page's CSP refusing a request is reported as a violation, and nothing else goes wrong.
      assert.deepEqual(problems.filter((p) => !/Content Security Policy|Failed to load resource|net::ERR|refused to connect|violates/i.test(p)), []);
      await page.close();
    });
  }

  test('the default limit is 10 MB a side: a 20 MB source is refused by its Content-Length, unread', async () => {
    const {page} = await sourcesPage();
    const start = Date.now();
    const src = `${streamer.url}/declared?bytes=20000000`;
    const got = await settle(page, {'old-src': src, 'new-src': GOOD});
    assert.equal(got.errors[0], `The old version at “${src}” is 20 MB, over the limit of 10 MB a side; it was not loaded (the max-bytes attribute raises the limit).`);
    assert.equal(got.rows, 0);
    assert.ok(Date.now() - start < 10_000, 'refused before the body was read');
    assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).maxBytes), 10_000_000);
    await page.close();
  });

  test('raising max-bytes loads a source refused under the lower limit; a max-bytes that is no number is an error', async () => {
    const {page} = await sourcesPage();
    const got = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      /** @type {string[]} */
      const errors = [];
      el.addEventListener('article-diff-error', (/** @type {CustomEvent} */ e) => errors.push(e.detail.message));
      el.setAttribute('max-bytes', '20000');
      el.setAttribute('old-src', '/src/declared-large.txt');
      el.setAttribute('new-src', '/fixtures/new.txt');
      await el.ready();
      const refused = {drawn: el.model !== null, maxBytes: el.maxBytes};
      el.maxBytes = 100000;
      await el.ready();
      const raised = {drawn: el.model !== null, oldLength: el.oldText?.length, hidden: el.shadowRoot.querySelector('.error').hidden};
      el.setAttribute('max-bytes', 'ten');
      el.setAttribute('old-src', '/fixtures/old.txt');
      await el.ready();
      return {refused, raised, errors, maxBytes: el.maxBytes, shown: el.shadowRoot.querySelector('.error').textContent};
    });
    assert.deepEqual(got.refused, {drawn: false, maxBytes: 20000});
    assert.deepEqual(got.raised, {drawn: true, oldLength: 50000, hidden: true});
    assert.ok(Number.isNaN(got.maxBytes));
    assert.match(got.errors[0], /is 50 KB, over the limit of 20 KB a side/);
    assert.equal(got.errors.at(-1), 'max-bytes must be a whole number of bytes in decimal digits (such as 10000000), got “ten”.');
    assert.equal(got.shown, got.errors.at(-1));
    await page.close();
  });

  test('a source in another encoding its server names is read in that encoding', async () => {
    const {page} = await sourcesPage();
    const got = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      el.setAttribute('old-src', '/src/latin1-declared.txt');
      el.newText = 'Café crème!';
      await el.ready();
      return {old: el.oldText, drawn: el.model !== null, hidden: el.shadowRoot.querySelector('.error').hidden};
    });
    assert.deepEqual(got, {old: 'Café crème.', drawn: true, hidden: true});
    await page.close();
  });

  test('an earlier diff is never replaced by a one-sided one, and comes back when the source does', async () => {
    const {page} = await sourcesPage();
    const steps = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      /** @type {string[]} */
      const errors = [];
      el.addEventListener('article-diff-error', (/** @type {CustomEvent} */ e) => errors.push(e.detail.message));
      const snapshot = () => ({
        model: el.model,
        rows: el.shadowRoot.querySelectorAll('.row').length,
        shown: el.shadowRoot.querySelector('.error').hidden ? null : el.shadowRoot.querySelector('.error').textContent,
      });
      el.setAttribute('old-src', '/fixtures/old.txt');
      el.setAttribute('new-src', '/fixtures/new.txt');
      await el.ready();
      const good = snapshot();
      // The old side fails: the good diff stays, under the message.
      el.setAttribute('old-src', '/src/missing.txt');
      await el.ready();
      const failed = snapshot();
      // The new side changes meanwhile: still no diff against a side that failed.
      el.setAttribute('new-src', '/fixtures/old.txt');
      await el.ready();
      const otherSide = snapshot();
      // Both sides fail: the box names both.
      el.setAttribute('new-src', '/src/photo.png');
      await el.ready();
      const both = snapshot();
      // Both come back: a new diff, no message.
      el.setAttribute('old-src', '/fixtures/new.txt');
      el.setAttribute('new-src', '/fixtures/old.txt');
      await el.ready();
      const back = snapshot();
      return {
        goodRows: good.rows,
        failedKeeps: failed.model === good.model && failed.rows === good.rows,
        failedShown: failed.shown,
        otherSideKeeps: otherSide.model === good.model && otherSide.rows === good.rows,
        otherSideShown: otherSide.shown,
        bothShown: both.shown,
        backIsNew: back.model !== good.model && back.rows > 0,
        backShown: back.shown,
        errors,
      };
    });
    assert.ok(steps.goodRows > 0);
    assert.ok(steps.failedKeeps, 'the good diff stays when a side fails');
    assert.match(steps.failedShown ?? '', /^The old version could not be loaded from “\/src\/missing\.txt”/);
    assert.ok(steps.otherSideKeeps, 'no diff against a side that failed');
    assert.match(steps.otherSideShown ?? '', /^The old version could not be loaded/);
    assert.match(steps.bothShown ?? '', /^The old version could not be loaded.* The new version at “\/src\/photo\.png” is not text/);
    assert.ok(steps.backIsNew, 'both sides loaded again: a new diff');
    assert.equal(steps.backShown, null);
    assert.equal(steps.errors.length, 2);
    await page.close();
  });
});

describe('<article-diff> inputs a CMS gets wrong', () => {
  test('oldText = {} is refused with a message, not diffed as "[object Object]"', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    const got = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      el.oldText = 'The council met on Monday.';
      el.newText = 'The council met on Tuesday.';
      await el.ready();
      const before = {model: el.model, rows: el.shadowRoot.querySelectorAll('.row').length};
      /** @type {string[]} */
      const errors = [];
      el.addEventListener('article-diff-error', (/** @type {CustomEvent} */ e) => errors.push(e.detail.message));
      const refused = [];
      for (const value of [{}, ['a'], 42, true, () => 'text', Symbol('x')]) {
        el.oldText = value;
        await el.ready();
        refused.push({text: el.oldText, same: el.model === before.model, rows: el.shadowRoot.querySelectorAll('.row').length});
      }
      const shown = el.shadowRoot.querySelector('.error').textContent;
      // A string (or a String object) is a text again, and clears the message.
      el.oldText = new String('The council met on Sunday.');
      await el.ready();
      return {
        before: before.rows,
        refused,
        errors,
        shown,
        after: {text: el.oldText, model: el.model?.stats.wordsInserted, hidden: el.shadowRoot.querySelector('.error').hidden},
      };
    });
    for (const r of got.refused) {
      assert.equal(r.text, 'The council met on Monday.', 'the old text is unchanged');
      assert.ok(r.same && r.rows === got.before, 'the last good diff stays');
    }
    assert.deepEqual(got.errors.map((m) => m.replace(/got .*?;/, 'got …;')), Array(6).fill('oldText must be a string (or null to clear it), got …; the old version was not changed.'));
    assert.match(got.errors[0], /got an object;/);
    assert.match(got.errors[1], /got an array;/);
    assert.match(got.errors[2], /got a number;/);
    assert.equal(got.shown, got.errors[5]);
    assert.deepEqual(got.after, {text: 'The council met on Sunday.', model: 1, hidden: true});
    await page.close();
  });

  test('timeout-ms takes decimal digits only: "0x10", "1e3", "Infinity" and "" are errors', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    for (const [value, ok] of /** @type {Array<[string, boolean]>} */ ([
      ['0x10', false], ['1e3', false], ['Infinity', false], ['', false], ['-5', false], ['0', false], ['0b11', false],
      ['250', true], [' 1500 ', true], ['2.5', true],
    ])) {
      const got = await page.evaluate(async (value) => {
        const el = /** @type {any} */ (document.createElement('article-diff'));
        el.setAttribute('timeout-ms', value);
        document.body.append(el);
        el.oldText = 'a b c';
        el.newText = 'a x c';
        await el.ready();
        const box = el.shadowRoot.querySelector('.error');
        const result = {timeoutMs: el.timeoutMs, drawn: el.model !== null, shown: box.hidden ? null : box.textContent};
        el.remove();
        return result;
      }, value);
      if (ok) {
        assert.deepEqual(got, {timeoutMs: Number(value), drawn: true, shown: null}, value);
      } else {
        assert.ok(Number.isNaN(got.timeoutMs), `${value}: timeoutMs ${got.timeoutMs}`);
        assert.equal(got.drawn, false, `${value} was used as a budget`);
        assert.equal(got.shown, `timeout-ms must be a positive number of milliseconds in decimal digits (such as 250), got "${value}"`);
      }
    }
    await page.close();
  });
});

describe('the CMS page (embed.html)', () => {
  test('a revision that fails to load shows the reason and no diff', async () => {
    const page = await env.context.newPage();
    const problems = watchProblems(page);
    await page.route('**/fixtures/old.txt', (route) => route.fulfill({status: 404, contentType: 'text/plain', body: 'Not Found'}));
    await page.goto(new URL('embed.html', env.server.url).href);
    const got = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      await customElements.whenDefined('article-diff');
      await el.ready();
      return {
        rows: el.shadowRoot.querySelectorAll('.row').length,
        summary: document.getElementById('change-summary')?.textContent,
        shown: el.shadowRoot.querySelector('.error').textContent,
      };
    });
    assert.equal(got.rows, 0, 'no diff of a revision that did not load');
    assert.match(got.shown, /^The old version could not be loaded from “\.\/fixtures\/old\.txt”: no such file was found \(HTTP 404\)\.$/);
    assert.equal(got.summary, got.shown);
    assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), []);
    await page.close();
  });
});
