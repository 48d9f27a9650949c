// @ts-check
// The npm package in real browsers, as a CMS developer meets it (issue #26): `npm install` of the
// packed tarball into a scratch project, served, and pages with one module import and one
// `<article-diff>` tag under a strict CSP, in headless Chromium and Firefox and in WebKit. Three
// ways to load it: from node_modules, through an import map, and bundled by esbuild with the
// assets copied; an HTML body diffed as a document.
// Texts over 200,000 characters go to the worker: on the page's origin and from a second one
// (a CDN, with CORS), under Trusted Types; where the page forbids the worker, the element diffs
// on the main thread and says why.
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {cp, mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';

import {build} from 'esbuild';
import ts from 'typescript';

import {gzipSize} from '../../scripts/dist.mjs';
import {largePair, readFixtures} from '../e2e/ui.mjs';
import {chromium, firefoxEsr, webkitGtk} from './browsers.mjs';
import {nodeEngine, packAndInstall, serveDirectory} from './project.mjs';

/** The strict policy; every page carries it, plus what the case adds. */
const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * What a bundler user copies next to the bundle (docs/element.md, "With a bundler"): the files
 * the element loads by URL rather than by import.
 */
const BUNDLE_ASSETS = ['article-diff.css', 'article-diff-worker.js', 'pkg'];

/** An engine budget no test machine reaches, so the model does not depend on the machine's speed. */
const NO_DEADLINE_MS = 600_000;

/**
 * @typedef {import('./browsers.mjs').TestBrowser} TestBrowser
 * @typedef {import('./browsers.mjs').OpenPage} OpenPage
 * @typedef {{csp: string, html: string}} Page
 */

const env = /** @type {{
 *   installed: string, project: string, cleanup: () => Promise<void>,
 *   site: Awaited<ReturnType<typeof serveDirectory>>, cdn: Awaited<ReturnType<typeof serveDirectory>>,
 *   pages: Map<string, Page>, seedStats: any, longStats: any, longChars: number,
 *   chromium: TestBrowser, firefox: TestBrowser, webkit: TestBrowser,
 *   repeatedPairs: [string, string, 'text'|'html'|'markdown'][], repeatedResults: string[],
 * }} */ ({});

/**
 * What a diff found, in a line: its stats and how many edits, moves and blocks it has.
 * @param {any} d an `ArticleDiff`
 */
function fingerprint(d) {
  return JSON.stringify([d.stats, d.edits.length, d.moves.length, d.blocks.length, d.approximate]);
}

/**
 * A page with one `<article-diff>` and one module script (`src`); `head` goes before it (an
 * import map). The seed pages load their texts through `old-src`/`new-src`; the others get
 * theirs from the test, after it listens for the element's events.
 * @param {{src: string, seed?: boolean, head?: string}} page
 */
function html({src, seed = true, head = ''}) {
  const texts = seed ? ' old-src="/texts/old.txt" new-src="/texts/new.txt"' : ` timeout-ms="${NO_DEADLINE_MS}"`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>article-diff from npm</title><link rel="icon" href="data:,">
${head}<script type="module" src="${src}"></script></head>
<body><article-diff old-label="Before" new-label="After"${texts}></article-diff></body></html>
`;
}

before(async () => {
  const {project, installed, cleanup} = await packAndInstall();
  Object.assign(env, {project, installed, cleanup});

  // The texts: the seed pair, and a pair long enough for the worker.
  const {oldText, newText} = await readFixtures();
  const long = largePair(oldText, 150_000);
  await mkdir(path.join(project, 'texts'));
  await writeFile(path.join(project, 'texts', 'old.txt'), oldText);
  await writeFile(path.join(project, 'texts', 'new.txt'), newText);
  await writeFile(path.join(project, 'texts', 'long-old.txt'), long.oldText);
  await writeFile(path.join(project, 'texts', 'long-new.txt'), long.newText);
  env.longChars = long.oldText.length + long.newText.length;
  const engine = await nodeEngine(installed);
  env.seedStats = engine.diff(oldText, newText, {}).stats;
  env.longStats = engine.diff(long.oldText, long.newText, {timeoutMs: NO_DEADLINE_MS}).stats;
  // Pairs a page diffs call after call: over and under the length where the binding copies the
  // shared lines, with characters of every UTF-8 width in each paragraph, both ways round; and
  // one of them as HTML and as Markdown bodies, their formatting edited too.
  const wide = ['é', '漢字', '👍', 'д'];
  const pairs = [largePair(oldText, 100_000), largePair(oldText, 30_000, (i) => `${wide[i % 4]}${i}`)];
  env.repeatedPairs = [];
  env.repeatedResults = [];
  /** @param {string} name @param {string} oldBody @param {string} newBody @param {'text'|'html'|'markdown'} format */
  const repeat = async (name, oldBody, newBody, format) => {
    await writeFile(path.join(project, 'texts', `repeat-${name}-old`), oldBody);
    await writeFile(path.join(project, 'texts', `repeat-${name}-new`), newBody);
    env.repeatedPairs.push([`/texts/repeat-${name}-old`, `/texts/repeat-${name}-new`, format]);
    // The documents' results are compared with the page's first call (Node has no reader here).
    env.repeatedResults.push(format === 'text' ? fingerprint(engine.diff(oldBody, newBody, {timeoutMs: NO_DEADLINE_MS})) : '');
  };
  for (const [k, pair] of pairs.entries()) {
    await repeat(`${k}`, pair.oldText, pair.newText, 'text');
    await repeat(`${k}-back`, pair.newText, pair.oldText, 'text');
  }
  /** @param {string} text @param {boolean} edited @param {(p: string, i: number, edited: boolean) => string} block */
  const body = (text, edited, block) => text.split('\n\n').map((p, i) => block(p, i, edited)).join('\n\n');
  const escape = (/** @type {string} */ t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  /** @type {(p: string, i: number, edited: boolean) => string} */
  const htmlBlock = (p, i, edited) => {
    const [first, ...rest] = escape(p).split(' ');
    const marked = i % 9 === 4 && edited ? `<strong>${first}</strong>` : i % 6 === 4 ? `<em>${first}</em>` : first;
    const tag = i % 10 === 0 ? 'h2' : 'p';
    return `<!-- wp:paragraph --><${tag}>${[marked, ...rest].join(' ')}</${tag}><!-- /wp:paragraph -->`;
  };
  /** @type {(p: string, i: number, edited: boolean) => string} */
  const markdownBlock = (p, i, edited) => {
    const [first, ...rest] = p.replace(/[\\`*_[\]#<>!|-]/g, ' ').split(' ');
    const marked = i % 9 === 4 && edited ? `**${first}**` : i % 6 === 4 ? `*${first}*` : first;
    return `${i % 10 === 0 ? '## ' : ''}${[marked, ...rest].join(' ')}`;
  };
  await repeat('html', body(pairs[1].oldText, false, htmlBlock), body(pairs[1].newText, true, htmlBlock), 'html');
  await repeat('markdown', body(pairs[1].oldText, false, markdownBlock), body(pairs[1].newText, true, markdownBlock), 'markdown');

  // The same files from a second origin, with CORS, as from a CDN.
  env.cdn = await serveDirectory(project, {cors: true});
  const cdn = env.cdn.origin;
  const element = '/node_modules/article-diff/article-diff-define.js';

  // With a bundler: the app imports the package by name; esbuild bundles it (ESM output keeps
  // `import.meta.url`) and the assets the element loads by URL are copied next to the bundle.
  await mkdir(path.join(project, 'src'));
  await writeFile(path.join(project, 'src', 'app.js'), "import 'article-diff/define';\n");
  await build({
    absWorkingDir: project, entryPoints: ['src/app.js'], bundle: true, format: 'esm', outdir: 'bundle', logLevel: 'error',
  });
  for (const asset of BUNDLE_ASSETS) await cp(path.join(installed, asset), path.join(project, 'bundle', asset), {recursive: true});

  // Without one: an import map names the package's entry points.
  const importMap = JSON.stringify({imports: {
    'article-diff': '/node_modules/article-diff/article-diff.js',
    'article-diff/define': '/node_modules/article-diff/article-diff-define.js',
    'article-diff/engine': '/node_modules/article-diff/article-diff-engine.js',
  }});
  const mapHash = createHash('sha256').update(importMap).digest('base64');
  await writeFile(path.join(project, 'importmap-app.js'), "import 'article-diff/define';\n");

  const tt = "require-trusted-types-for 'script'; trusted-types article-diff";
  const fromCdn = `script-src 'self' ${cdn} 'wasm-unsafe-eval'; style-src 'self' ${cdn}`;
  /** @type {[string, Page][]} */
  const pages = [
    ['/installed.html', {csp: STRICT_CSP, html: html({src: element})}],
    ['/importmap.html', {
      // An inline import map is an inline script: the policy allows it by its hash.
      csp: `script-src 'self' 'sha256-${mapHash}' 'wasm-unsafe-eval'; style-src 'self'`,
      html: html({src: '/importmap-app.js', head: `<script type="importmap">${importMap}</script>\n`}),
    }],
    ['/bundled.html', {csp: STRICT_CSP, html: html({src: '/bundle/app.js'})}],
    ['/long-same-origin.html', {csp: `${STRICT_CSP}; ${tt}`, html: html({src: element, seed: false})}],
    ['/long-bundled.html', {csp: `${STRICT_CSP}; ${tt}`, html: html({src: '/bundle/app.js', seed: false})}],
    // The worker starts from a same-origin blob: that imports the worker module from the CDN.
    ['/long-cdn.html', {csp: `${fromCdn}; worker-src blob: ${cdn}; ${tt}`, html: html({src: cdn + element, seed: false})}],
    // The strict policy as it stands: no `blob:` worker, so no worker from a CDN.
    ['/long-cdn-no-blob.html', {csp: fromCdn, html: html({src: cdn + element, seed: false})}],
    ['/long-policy-refused.html', {
      csp: `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types cms-editor`,
      html: html({src: element, seed: false}),
    }],
  ];
  env.pages = new Map(pages);
  for (const [name, page] of pages) await writeFile(path.join(project, name), page.html);
  env.site = await serveDirectory(project, {headers: (pathname) => {
    const page = env.pages.get(pathname);
    /** @type {Record<string, string>} */
    const headers = page ? {'Content-Security-Policy': page.csp} : {};
    return headers;
  }});
  [env.chromium, env.firefox, env.webkit] = await Promise.all([chromium(), firefoxEsr(), webkitGtk()]);
});

after(async () => {
  await Promise.all([env.chromium?.close(), env.firefox?.close(), env.webkit?.close()]);
  await Promise.all([env.site?.close(), env.cdn?.close()]);
  await env.cleanup?.();
});

/** In the page: waits for the seed diff drawn by the page alone, and reads what it shows. */
async function seedInPage() {
  await customElements.whenDefined('article-diff');
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  await el.ready();
  const root = el.shadowRoot;
  const part = (/** @type {string} */ name) => root.querySelector(`[part~="${name}"]`);
  return {
    stats: el.stats,
    summary: part('summary')?.textContent ?? '',
    error: part('error')?.hidden === false ? part('error').textContent : '',
    frameShown: part('frame')?.hidden === false,
    stylesheetsLoaded: [...root.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet !== null),
    inserted: root.querySelectorAll('ins').length,
    deleted: root.querySelectorAll('del').length,
    labels: [...root.querySelectorAll('[part~="label"]')].map((n) => n.textContent),
  };
}

/**
 * In the page: sets the long texts (after listening for the events), waits for the diff, and
 * reports what happened.
 * @param {{oldSrc: string, newSrc: string}} texts
 */
async function longInPage({oldSrc, newSrc}) {
  await customElements.whenDefined('article-diff');
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  /** @type {string[]} */
  const unavailable = [];
  /** @type {string[]} */
  const errors = [];
  el.addEventListener('article-diff-worker-unavailable', (/** @type {any} */ event) => unavailable.push(event.detail.message));
  el.addEventListener('article-diff-error', (/** @type {any} */ event) => errors.push(event.detail.message));
  el.oldSrc = oldSrc;
  el.newSrc = newSrc;
  await el.ready();
  return {
    stats: el.stats,
    chars: (el.oldText?.length ?? 0) + (el.newText?.length ?? 0),
    unavailable,
    errors,
    rows: el.shadowRoot.querySelectorAll('.row').length,
    trustedTypes: typeof (/** @type {any} */ (globalThis)).trustedTypes,
  };
}

/**
 * Two revisions of a CMS body: emphasis made bold, a heading level, a link retargeted, a list
 * item moved, one word added; and markup that must never run or become elements.
 */
const CMS_PAIR = {
  oldHtml: '<!-- wp:paragraph --><p>One <em>two</em> three.</p><!-- /wp:paragraph --><h2>Head</h2>'
    + '<ul><li>Apples</li><li>Pears</li><li>Plums</li></ul><p>See <a href="https://a.example/x">the docs</a>.</p>'
    + '<p><img src="/x.png" alt="A chart" onerror="window.__ran = 1"><script>window.__ran = 2</script></p>',
  newHtml: '<!-- wp:paragraph --><p>One <strong>two</strong> three four.</p><!-- /wp:paragraph --><h3>Head</h3>'
    + '<ul><li>Pears</li><li>Plums</li><li>Apples</li></ul><p>See <a href="https://a.example/y">the docs</a>.</p>'
    + '<p><img src="/x.png" alt="A chart" onerror="window.__ran = 1"><script>window.__ran = 2</script></p>',
};

/**
 * In the page: diffs `CMS_PAIR` as HTML and reads what the element shows.
 * @param {typeof CMS_PAIR} pair
 */
async function htmlInPage({oldHtml, newHtml}) {
  await customElements.whenDefined('article-diff');
  const el = /** @type {any} */ (document.querySelector('article-diff'));
  /** @type {string[]} */
  const errors = [];
  el.addEventListener('article-diff-error', (/** @type {any} */ event) => errors.push(event.detail.message));
  el.format = 'html';
  el.oldText = oldHtml;
  el.newText = newHtml;
  await el.ready();
  const root = el.shadowRoot;
  return {
    errors,
    stats: el.stats,
    formatting: [...root.querySelectorAll('[part~="formatting"]')].map((f) => f.getAttribute('title')),
    bold: [...root.querySelectorAll('.text strong')].map((b) => b.textContent),
    links: [...root.querySelectorAll('.text a')].map((a) => a.getAttribute('href')),
    placeholders: [...root.querySelectorAll('.text')].filter((t) => /A chart/.test(t.textContent ?? '')).length,
    foreign: root.querySelectorAll('.row img, .row script, .row [onerror]').length,
    ran: /** @type {any} */ (window).__ran ?? null,
  };
}

/**
 * In the page: the engine module (its URL) diffs each pair (the URLs of its two texts, and
 * their format) `rounds` times over; returns each call's `fingerprint` (restated here: the
 * function is sent as source text), or its error.
 * @param {{engine: string, pairs: [string, string, 'text'|'html'|'markdown'][], rounds: number, timeoutMs: number}} arg
 * @returns {Promise<string[]>}
 */
async function repeatInPage({engine: url, pairs, rounds, timeoutMs}) {
  /** @type {typeof import('../../www/article-diff-engine.js')} */
  const engine = await import(url);
  await engine.init();
  const texts = await Promise.all(pairs.map(async ([oldUrl, newUrl, format]) => /** @type {const} */ ([
    await (await fetch(oldUrl)).text(), await (await fetch(newUrl)).text(), format,
  ])));
  /** @type {string[]} */
  const seen = [];
  for (let round = 0; round < rounds; round++) {
    for (const [oldText, newText, format] of texts) {
      try {
        const d = format === 'text' ? engine.diff(oldText, newText, {timeoutMs})
          : await engine.diffDocuments(oldText, newText, {format, timeoutMs});
        seen.push(JSON.stringify([d.stats, d.edits.length, d.moves.length, d.blocks.length, d.approximate]));
      } catch (error) {
        seen.push(`threw ${error}`);
      }
    }
  }
  return seen;
}

/** `n` as the summary writes it. */
const count = (/** @type {number} */ n) => n.toLocaleString('en');

/**
 * Loads a seed page and checks that it draws the seed pair with its counts.
 * @param {TestBrowser} browser @param {string} name
 */
async function checkSeedPage(browser, name) {
  const page = await browser.open(env.site.url(name));
  try {
    const seen = await page.run(seedInPage, null);
    assert.equal(seen.error, '', 'no error shown');
    assert.deepEqual(seen.stats, env.seedStats, "the element's stats are the engine's");
    assert.match(seen.summary, new RegExp(`\\+${count(env.seedStats.wordsInserted)} words`));
    assert.match(seen.summary, new RegExp(`−${count(env.seedStats.wordsDeleted)} words`));
    assert.ok(seen.inserted > 0 && seen.deleted > 0, `drawn <ins>/<del>: ${seen.inserted}/${seen.deleted}`);
    assert.ok(seen.frameShown && seen.stylesheetsLoaded, 'the stylesheet loaded under the CSP');
    assert.deepEqual(seen.labels, ['Before', 'After']);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.close();
  }
  return page;
}

/**
 * Loads a page without texts, gives it the long pair, and checks the diff and how it ran.
 * @param {TestBrowser} browser @param {string} name @param {{worker: boolean}} expect
 */
async function checkLongPage(browser, name, {worker}) {
  const page = await browser.open(env.site.url(name));
  /** @type {import('playwright-core').Worker[]} */
  const workers = [];
  page.page?.on('worker', (w) => workers.push(w));
  try {
    const seen = await page.run(longInPage, {oldSrc: '/texts/long-old.txt', newSrc: '/texts/long-new.txt'});
    assert.equal(seen.trustedTypes, 'object', `${browser.name} has Trusted Types`);
    assert.ok(seen.chars > 200_000 && seen.chars === env.longChars, `${seen.chars} characters: the worker's share`);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.stats, env.longStats, "the element's stats are the engine's");
    assert.ok(seen.rows > 0, 'rows are drawn');
    if (worker) {
      assert.deepEqual(seen.unavailable, [], 'the worker ran');
      assert.deepEqual(page.problems, []);
      if (page.page) {
        // Chromium shows the worker itself: started from the worker module (or, from another
        // origin, a blob: shim importing it), it fetched the wasm (module imports make no
        // resource entries).
        assert.equal(workers.length, 1, 'one worker');
        assert.match(workers[0].url(), name.includes('cdn') ? /^blob:/ : /\/article-diff-worker\.js$/);
        const loaded = await workers[0].evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
        assert.ok(loaded.some((url) => url.endsWith('/pkg/article_diff_bg.wasm')), loaded.join(' '));
      }
    } else {
      assert.equal(seen.unavailable.length, 1, 'the page is told once, for the one long diff');
      assert.match(seen.unavailable[0], /the diff worker cannot run on this page \(.+\), so texts over 200,000 characters are diffed on the main thread/);
      // Chromium reports the refused worker (or policy) on the console; nothing else may be.
      assert.deepEqual(page.problems.filter((p) => !/worker|blob:|TrustedScriptURL|trusted type|policy/i.test(p)), []);
    }
    return seen;
  } finally {
    await page.close();
  }
}

for (const browserName of /** @type {const} */ (['chromium', 'firefox', 'webkit'])) {
  const browser = () => env[browserName];
  describe(`the installed package in ${{chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit'}[browserName]}`, () => {
    test('from node_modules: one module script and one tag under the strict CSP draw the seed pair', async () => {
      await checkSeedPage(browser(), '/installed.html');
    });

    test('through an import map, without a bundler', async () => {
      await checkSeedPage(browser(), '/importmap.html');
    });

    test('bundled by esbuild, with the assets copied next to the bundle', async () => {
      await checkSeedPage(browser(), '/bundled.html');
    });

    test('long texts are diffed in the worker, on the same origin under Trusted Types', async () => {
      await checkLongPage(browser(), '/long-same-origin.html', {worker: true});
    });

    test('long texts are diffed in the worker from the bundle', async () => {
      await checkLongPage(browser(), '/long-bundled.html', {worker: true});
    });

    test('long texts are diffed in the worker with the element on another origin (CORS) under Trusted Types', async () => {
      await checkLongPage(browser(), '/long-cdn.html', {worker: true});
    });

    test('where the CSP forbids a blob: worker, long texts are diffed on the main thread and the page is told why', async () => {
      const seen = await checkLongPage(browser(), '/long-cdn-no-blob.html', {worker: false});
      assert.match(seen.unavailable[0], /did not load|worker|Content Security Policy|denied/i);
    });

    test('an HTML body is diffed as a document: formatting changes, a moved list item, no markup from the input', async () => {
      const page = await browser().open(env.site.url('/long-same-origin.html'));
      try {
        const seen = await page.run(htmlInPage, CMS_PAIR);
        assert.deepEqual(seen.errors, []);
        assert.equal(seen.stats.formattingChanges, 3, seen.formatting.join('; '));
        assert.equal(seen.stats.wordsInserted, 1);
        assert.equal(seen.stats.paragraphsMoved, 1);
        for (const change of [/italic removed, bold added/, /heading 2 → heading 3/, /link target changed: https:\/\/a\.example\/x → https:\/\/a\.example\/y/]) {
          assert.ok(seen.formatting.some((t) => change.test(t ?? '')), `${change} in ${seen.formatting.join('; ')}`);
        }
        assert.ok(seen.bold.includes('two'), 'bold drawn as bold');
        assert.ok(seen.links.includes('https://a.example/y'));
        assert.ok(seen.placeholders > 0, 'the image is a labelled placeholder');
        assert.equal(seen.foreign, 0, 'no element of the input is drawn');
        assert.equal(seen.ran, null, 'no script or handler of the input ran');
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });

    test('the engine gives one result for one pair, call after call, from a cold page', async () => {
      // The engine and the readers keep tables and buffers from call to call, and the browser
      // compiles their code anew as it runs hot: neither may change a result.
      const page = await browser().open(env.site.url('/long-same-origin.html'));
      try {
        const seen = await page.run(repeatInPage, {
          engine: '/node_modules/article-diff/article-diff-engine.js', pairs: env.repeatedPairs, rounds: 25, timeoutMs: NO_DEADLINE_MS,
        });
        const pairs = env.repeatedPairs.length;
        // Text: Node's result; a document: the page's first.
        const wrong = seen.flatMap((got, i) => got === (env.repeatedResults[i % pairs] || seen[i % pairs]) && !got.startsWith('threw')
          ? [] : [`call ${i} (${env.repeatedPairs[i % pairs][2]}): ${got.slice(0, 200)}`]);
        assert.equal(seen.length, 25 * pairs);
        assert.deepEqual(wrong, [], 'every call gives what the engine gives in Node, or the page first gave for a document');
        for (const [k, [, , format]] of env.repeatedPairs.entries()) {
          // The documents were read as documents: their formatting edits are found.
          if (format !== 'text') assert.ok(JSON.parse(seen[k])[0].formattingChanges > 0, `${format}: ${seen[k]}`);
        }
      } finally {
        await page.close();
      }
    });

    test("where the page's Trusted Types refuse the element's policy, the page is told so", async () => {
      const seen = await checkLongPage(browser(), '/long-policy-refused.html', {worker: false});
      assert.match(seen.unavailable[0], /Trusted Types do not allow the policy "article-diff"/);
    });
  });
}

test('what a page downloads for the seed diff, and how much of it once gzipped', async (t) => {
  const page = await env.chromium.open('about:blank');
  /** @type {Promise<{url: string, bytes: number, gzipped: number}>[]} */
  const downloads = [];
  const pageOf = /** @type {import('playwright-core').Page} */ (page.page);
  pageOf.on('response', (response) => {
    if (response.url().includes('/node_modules/article-diff/')) {
      downloads.push(response.body().then((body) => ({url: response.url(), bytes: body.length, gzipped: gzipSize(body)})));
    }
  });
  await pageOf.goto(env.site.url('/installed.html'));
  const seen = await page.run(seedInPage, null);
  assert.deepEqual(seen.stats, env.seedStats);
  const files = (await Promise.all(downloads)).sort((a, b) => b.bytes - a.bytes);
  await page.close();
  const names = files.map((f) => f.url.replace(/^.*\/node_modules\/article-diff\//, ''));
  // The element, its stylesheet and the engine; not the worker (the seed pair is short), types or docs.
  for (const needed of ['article-diff-define.js', 'article-diff.js', 'article-diff.css', 'pkg/article_diff.js', 'pkg/article_diff_bg.wasm']) {
    assert.ok(names.includes(needed), `${needed} among ${names.join(', ')}`);
  }
  assert.ok(!names.some((n) => n.endsWith('.d.ts') || n.endsWith('.md') || n === 'article-diff-worker.js'), names.join(', '));
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const gzipped = files.reduce((sum, f) => sum + f.gzipped, 0);
  for (const [i, f] of files.entries()) t.diagnostic(`  ${names[i].padEnd(52)} ${String(f.bytes).padStart(7)} B, ${String(f.gzipped).padStart(6)} B gzipped`);
  t.diagnostic(`a page showing the seed diff downloads ${files.length} files of the package: ${total} B, ${gzipped} B gzipped -9 (texts and page excluded)`);
});

test("the element's types declare what the modules export and what the element has, no more, no less", async () => {
  // Declared: the value exports of each entry's .d.ts and the members of ArticleDiffElement,
  // read with the TypeScript checker through the package's `exports`.
  const entry = path.join(env.project, 'types-entry.ts');
  await writeFile(entry, "export * as element from 'article-diff';\nexport * as define from 'article-diff/define';\nexport * as engine from 'article-diff/engine';\n");
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], strict: true, noEmit: true, types: [],
  });
  const checker = program.getTypeChecker();
  const entrySymbol = /** @type {ts.Symbol} */ (checker.getSymbolAtLocation(/** @type {ts.SourceFile} */ (program.getSourceFile(entry))));
  /** @type {Record<string, string[]>} */
  const declared = {};
  /** @type {ts.Symbol | undefined} */
  let elementClass;
  for (const namespace of checker.getExportsOfModule(entrySymbol)) {
    const module = checker.getAliasedSymbol(namespace);
    declared[namespace.name] = checker.getExportsOfModule(module)
      .filter((s) => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0)
      .map((s) => s.name).sort();
    const cls = checker.getExportsOfModule(module).find((s) => s.name === 'ArticleDiffElement');
    if (namespace.name === 'element' && cls) elementClass = cls;
  }
  assert.ok(elementClass, 'article-diff declares ArticleDiffElement');
  const classDeclaration = /** @type {ts.ClassDeclaration} */ (elementClass.declarations?.[0]);
  // Members HTMLElement has already (addEventListener) are declared again only to type the events.
  const base = checker.getBaseTypes(/** @type {ts.InterfaceType} */ (checker.getDeclaredTypeOfSymbol(elementClass)))[0];
  const members = (/** @type {boolean} */ statics) => [...new Set(classDeclaration.members
    .filter((m) => m.name && !ts.isConstructorDeclaration(m) && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static ? statics : !statics))
    .map((m) => /** @type {ts.Identifier} */ (m.name).text)
    .filter((name) => statics || !base.getProperty(name)))].sort();

  // At run time, in the page.
  const page = await env.chromium.open(env.site.url('/installed.html'));
  const actual = await page.run(async () => {
    const base = '/node_modules/article-diff/';
    const [element, define, engine] = await Promise.all(
      ['article-diff.js', 'article-diff-define.js', 'article-diff-engine.js'].map((file) => import(base + file)));
    const cls = element.ArticleDiffElement;
    const own = (/** @type {object} */ o, /** @type {string[]} */ skip) => Object.getOwnPropertyNames(o).filter((n) => !skip.includes(n)).sort();
    return {
      exports: {element: Object.keys(element).sort(), define: Object.keys(define).sort(), engine: Object.keys(engine).sort()},
      instance: own(cls.prototype, ['constructor']),
      statics: own(cls, ['length', 'name', 'prototype']),
    };
  }, null);
  await page.close();

  for (const name of ['element', 'define', 'engine']) {
    const missing = declared[name].filter((n) => !actual.exports[/** @type {'element'} */ (name)].includes(n));
    assert.deepEqual(missing, [], `${name}: declared but not exported`);
  }
  assert.deepEqual(declared.define, actual.exports.define);
  assert.deepEqual(declared.engine, actual.exports.engine);
  assert.deepEqual(members(false), actual.instance, 'instance members');
  assert.deepEqual(members(true), actual.statics, 'static members');
});
