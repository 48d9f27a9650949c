// Helpers shared by the UI end-to-end tests (element, page, perf). Not a test file itself.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

import {countShadow, modelJson, shadowTexts} from './element-checks.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The CSP every page of ours carries; the element test page uses it too. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** The seed pair. */
export async function readFixtures() {
  const [oldText, newText] = await Promise.all([
    readFile(new URL('../fixtures/old.txt', import.meta.url), 'utf8'),
    readFile(new URL('../fixtures/new.txt', import.meta.url), 'utf8'),
  ]);
  return {oldText, newText};
}

/**
 * Collects what must never happen on our pages: uncaught errors, console errors and CSP
 * violations (reported from the page through a console message).
 * @param {import('playwright-core').Page} page
 */
export function watchProblems(page) {
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return problems;
}

/**
 * Opens an empty page (served under our origin through a route, with the strict CSP) holding
 * one `<article-diff>`; returns once the element is defined.
 * @param {import('playwright-core').BrowserContext | import('playwright-core').Browser} context
 *   where the page opens (a browser opens it in a context of its own)
 * @param {string} baseUrl
 * @param {string} [attributes] extra attributes for the element
 * @param {string} [csp] the page's Content-Security-Policy
 */
export async function openElementPage(context, baseUrl, attributes = '', csp = STRICT_CSP) {
  const page = await context.newPage();
  const problems = watchProblems(page);
  const url = new URL('/e2e-element.html', baseUrl).href;
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>article-diff element test</title>
<script type="module" src="/article-diff-define.js"></script></head>
<body><article-diff id="subject" ${attributes}></article-diff></body></html>`,
  }));
  // CSP violations do not always reach the console; count them in the page as well.
  await page.addInitScript(() => {
    /** @type {any} */ (window).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      /** @type {any} */ (window).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.evaluate(() => customElements.whenDefined('article-diff'));
  return {page, problems};
}

/**
 * Sets both texts (and optionally attributes) and waits until the element drew them.
 * @param {import('playwright-core').Page} page
 * @param {string} oldText
 * @param {string} newText
 */
export async function setTexts(page, oldText, newText) {
  await page.evaluate(async ([oldText, newText]) => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.oldText = oldText;
    el.newText = newText;
    await el.ready();
  }, [oldText, newText]);
}

/**
 * The model computed in the page by the wasm package itself, for comparison with the DOM.
 * @param {import('playwright-core').Page} page
 * @param {string} oldText
 * @param {string} newText
 * @param {object} [options]
 */
export async function modelInPage(page, oldText, newText, options = {}) {
  return page.evaluate(modelJson, /** @type {[string, string, object]} */ ([oldText, newText, options]));
}

/**
 * The rows a reader sees: a fold's rows are in the DOM too (hidden until opened or found by
 * the browser's find, issue 24), and are not counted as drawn.
 */
export const SHOWN_ROW = '.row:not(.fold-rows[hidden] .row)';

/** Shadow-root query helpers evaluated in the page. */
export const shadow = {
  /** @param {import('playwright-core').Page} page @param {string} selector */
  count: (page, selector) => page.evaluate(countShadow, selector),
  /** @param {import('playwright-core').Page} page @param {string} selector */
  texts: (page, selector) => page.evaluate(shadowTexts, selector),
};

/**
 * A shuffled article: `count` distinct paragraphs; the new version moves paragraph `from` to
 * after paragraph `to` and edits one word elsewhere.
 */
export function shuffledPair(count = 14, from = 2, to = 11) {
  const topics = ['harbour', 'orchard', 'railway', 'library', 'market', 'bridge', 'festival', 'council',
    'museum', 'river', 'school', 'stadium', 'theatre', 'factory', 'airport', 'garden'];
  const paragraphs = Array.from({length: count}, (_, i) => {
    const topic = topics[i % topics.length];
    return `Paragraph ${i + 1} is about the ${topic}. Residents said the ${topic} had changed a great deal since ${1950 + i}, and the mayor promised a review of the ${topic} budget before the next election.`;
  });
  const moved = [...paragraphs];
  const [piece] = moved.splice(from, 1);
  moved.splice(to, 0, piece);
  moved[0] = moved[0].replace('a great deal', 'enormously');
  return {oldText: paragraphs.join('\n\n') + '\n', newText: moved.join('\n\n') + '\n'};
}

/**
 * About `bytes` of article per side: the seed's paragraphs, numbered so that each copy is
 * distinct, with edits a reporter would make: a changed word in every 7th paragraph, a
 * deleted one every 40th, an inserted one every 45th and a moved one every 90th.
 * @param {string} oldSeed @param {number} bytes
 * @param {(i: number) => string} [tag] what makes paragraph `i` distinct
 */
export function largePair(oldSeed, bytes, tag = (i) => `[${i}]`) {
  const seedParagraphs = oldSeed.split('\n').filter((p) => p.trim());
  /** @type {string[]} */
  const oldParagraphs = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const p = `${seedParagraphs[i % seedParagraphs.length]} ${tag(i)}`;
    oldParagraphs.push(p);
    size += p.length + 2;
  }
  return editPair(oldParagraphs);
}

/**
 * The new version of `oldParagraphs` as a reporter edits it: a changed word in every 7th
 * paragraph, a deleted one every 40th, an inserted one every 45th and a moved one every 90th.
 * @param {string[]} oldParagraphs
 */
function editPair(oldParagraphs) {
  /** @type {string[]} */
  const newParagraphs = [];
  /** @type {string[]} */
  const moved = [];
  oldParagraphs.forEach((p, i) => {
    if (i % 40 === 39) return;
    if (i % 90 === 10) {
      moved.push(p);
      return;
    }
    newParagraphs.push(i % 7 === 3 ? p.replace(/\b(the|a|of)\b/, 'this') : p);
    if (i % 45 === 44) newParagraphs.push(`An editor added this paragraph after paragraph ${i}, with a little new reporting.`);
    if (i % 90 === 80 && moved.length) newParagraphs.push(/** @type {string} */ (moved.shift()));
  });
  newParagraphs.push(...moved);
  return {oldText: oldParagraphs.join('\n\n') + '\n', newText: newParagraphs.join('\n\n') + '\n'};
}

/**
 * About `bytes` per side of documentation-like text: thousands of short paragraphs (the seed's
 * sentences, numbered), with the lines such docs repeat (`::`, `.. code-block:: python`, `>>>`
 * prompts, heading rules), and `edits` words replaced in scattered paragraphs of the new side.
 * @param {string} oldSeed @param {number} bytes @param {number} edits
 */
export function docsLikePair(oldSeed, bytes, edits) {
  const sentences = oldSeed.split(/(?<=[.?!])\s+/).filter((s) => s.split(' ').length >= 4);
  const repeated = ['::', '.. code-block:: python', '>>> import article_diff', '-------'];
  /** @type {string[]} */
  const paragraphs = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const p = i % 5 === 4 ? repeated[(i / 5) % repeated.length | 0] : `${sentences[i % sentences.length]} (${i})`;
    paragraphs.push(p);
    size += p.length + 2;
  }
  const changed = [...paragraphs];
  const step = Math.floor(paragraphs.length / edits);
  for (let k = 0; k < edits; k++) {
    const i = k * step + 1;
    changed[i] = changed[i].replace(/\b(\p{L}{4,})\b/u, 'replaced');
  }
  return {oldText: paragraphs.join('\n\n') + '\n', newText: changed.join('\n\n') + '\n'};
}

/**
 * About `bytes` per side of short paragraphs (the seed's sentences, numbered so that each is
 * distinct; ~125 bytes each, so 5 MB is ~40,000 paragraphs), with the edits of `largePair`:
 * a changed word in every 7th paragraph, a deleted one every 40th, an inserted one every 45th
 * and a moved one every 90th.
 * @param {string} oldSeed @param {number} bytes
 */
export function sentencePair(oldSeed, bytes) {
  const sentences = oldSeed.split(/(?<=[.?!”])\s+/).filter((s) => s.split(' ').length >= 6 && s.length < 200);
  /** @type {string[]} */
  const oldParagraphs = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const p = `${sentences[i % sentences.length]} (${i})`;
    oldParagraphs.push(p);
    size += new TextEncoder().encode(p).length + 2;
  }
  return editPair(oldParagraphs);
}

/**
 * The set-up of the timing tests (perf, scroll): a page with one element at 1280×900 whose wasm
 * module is instantiated already (a page does this once), so that what is timed is the diff.
 * @param {import('playwright-core').Browser} browser @param {string} baseUrl
 */
export async function warmElementPage(browser, baseUrl) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const {page, problems} = await openElementPage(context, baseUrl);
  await page.evaluate(async () => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    el.oldText = 'warm';
    el.newText = 'up';
    await el.ready();
  });
  return {context, page, problems};
}

/**
 * The 5 MB / 40,000-paragraph pair of the big-document targets (issue 24), made from the seed.
 */
export async function bigPair() {
  const {oldText: seed} = await readFixtures();
  return sentencePair(seed, 5_000_000);
}

/**
 * Runs `during` with Chromium tracing the page's main thread, and returns the longest tasks it
 * ran meanwhile: by CPU time (the thread's own time: what the page's code and rendering cost,
 * however busy the machine is) and by wall time (what a reader waited, which other processes
 * on a loaded machine stretch).
 * @param {import('playwright-core').Browser} browser @param {import('playwright-core').Page} page
 * @param {() => Promise<void>} during
 * @returns {Promise<{longestCpuMs: number, longestWallMs: number, wallOfLongestCpuMs: number, tasks: number}>}
 */
export async function mainThreadTasks(browser, page, during) {
  await browser.startTracing(page, {categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline']});
  /** @type {Buffer} */
  let trace;
  try {
    await during();
  } finally {
    trace = await browser.stopTracing();
  }
  /** @type {{traceEvents: {name: string, ph: string, pid: number, tid: number, dur?: number, tdur?: number, args?: {name?: string}}[]}} */
  const {traceEvents} = JSON.parse(trace.toString('utf8'));
  const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const tasks = traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  /** @type {{dur?: number, tdur?: number}} */
  let longestCpu = {tdur: 0, dur: 0};
  for (const task of tasks) if ((task.tdur ?? 0) > (longestCpu.tdur ?? 0)) longestCpu = task;
  return {
    longestCpuMs: (longestCpu.tdur ?? 0) / 1000,
    wallOfLongestCpuMs: (longestCpu.dur ?? 0) / 1000,
    longestWallMs: Math.max(0, ...tasks.map((t) => t.dur ?? 0)) / 1000,
    tasks: tasks.length,
  };
}

/**
 * A timing measured on the wall clock, measured once more when it misses its bound: a shared
 * CI box that stalled the page once rarely stalls it twice in a row, while a slow page is slow
 * every time. Returns the last measure and, when there were two, the first one's figure.
 * @template T
 * @param {() => Promise<T>} measure @param {(figures: T) => boolean} within
 * @returns {Promise<{figures: T, first: T | null}>}
 */
export async function measureAgainIfOver(measure, within) {
  const first = await measure();
  if (within(first)) return {figures: first, first: null};
  return {figures: await measure(), first};
}
