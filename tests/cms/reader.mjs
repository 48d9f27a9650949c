// @ts-check
/**
 * What a reader sees of an `<article-diff>` inside a CMS page, read through the element's
 * public surface only (its `ready()`, `stats` and `part` names from docs/element.md), so the
 * CMS suites hold whichever way the element draws inside.
 */
import assert from 'node:assert/strict';

import {PWNED} from './article.mjs';

/**
 * @typedef {{
 *   labels: string[], inserted: string[], deleted: string[],
 *   moveLinks: {side: string, text: string}[], movedRows: string[], formatting: {text: string, description: string}[],
 *   stats: Record<string, number> | null, error: string, rowsText: string,
 * }} DrawnDiff
 */

/**
 * In the page: waits (15 s at most) for the element matching `selector` to be there, defined,
 * loaded, diffed and drawn, and reads it. Self-contained, so that it runs in any browser: as
 * Playwright's `page.evaluate` and as a WebDriver script (tests/package/browsers.mjs's `run`).
 * @param {string} selector
 * @returns {Promise<DrawnDiff>}
 */
export async function drawnDiff(selector) {
  const until = Date.now() + 15_000;
  while (!(document.querySelector(selector) && customElements.get('article-diff'))) {
    if (Date.now() > until) throw new Error(`no defined ${selector} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const el = /** @type {any} */ (document.querySelector(selector));
  await el.ready();
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  const texts = (/** @type {string} */ part) => [...root.querySelectorAll(`[part~="${part}"]`)].map((n) => (n.textContent ?? '').trim());
  return {
    labels: [...texts('label-old'), ...texts('label-new')],
    inserted: texts('ins'),
    deleted: texts('del'),
    moveLinks: [...root.querySelectorAll('[part~="move-link"]')].map((n) => ({
      side: n.closest('[part~="cell-old"]') ? 'old' : n.closest('[part~="cell-new"]') ? 'new' : 'inline',
      text: (n.textContent ?? '').trim(),
    })),
    movedRows: [...root.querySelectorAll('[part~="row-moved"]')].map((n) => n.textContent ?? ''),
    formatting: [...root.querySelectorAll('[part~="formatting"]')].map((n) => ({
      text: (n.textContent ?? '').trim(),
      description: [n.getAttribute('title'), n.getAttribute('aria-description'), n.getAttribute('aria-label')].filter(Boolean).join(' '),
    })),
    stats: el.stats ?? null,
    error: texts('error').join(' '),
    rowsText: root.querySelector('[part~="rows"]')?.textContent ?? '',
  };
}

/**
 * Waits for the element matching `selector` to be defined, loaded, diffed and drawn, and reads
 * it ([`drawnDiff`] in a Playwright page).
 * @param {import('playwright-core').Page} page
 * @param {string} [selector]
 * @returns {Promise<DrawnDiff>}
 */
export function readDiff(page, selector = 'article-diff') {
  return page.evaluate(drawnDiff, selector);
}

/**
 * A page of any browser the suites drive: Playwright's, or an open page of
 * tests/package/browsers.mjs (`run`).
 * @typedef {import('playwright-core').Page | {run: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>}} AnyPage
 */

/**
 * Runs the self-contained `fn(arg)` in `page`, whichever kind it is.
 * @template T, A
 * @param {AnyPage} page @param {(arg: A) => T | Promise<T>} fn @param {A} arg
 * @returns {Promise<T>}
 */
export function inPage(page, fn, arg) {
  return 'run' in page ? page.run(fn, arg) : /** @type {Promise<T>} */ (page.evaluate(/** @type {any} */ (fn), arg));
}

/**
 * Asserts the word edits of revisions 1 → 2 are drawn as inserted and deleted words.
 * @param {DrawnDiff} drawn
 * @param {{inserted: string[], deleted: string[]}} want
 */
export function assertWordEdits(drawn, want) {
  assert.equal(drawn.error, '', 'the element shows no error');
  for (const word of want.inserted) {
    assert.ok(drawn.inserted.some((text) => text.includes(word)), `"${word}" is drawn as inserted (inserted: ${JSON.stringify(drawn.inserted)})`);
  }
  for (const word of want.deleted) {
    assert.ok(drawn.deleted.some((text) => text.includes(word)), `"${word}" is drawn as deleted (deleted: ${JSON.stringify(drawn.deleted)})`);
  }
}

/**
 * Asserts the moved paragraph is linked at both ends: a move link in the old column and one
 * in the new, and following one lands on the other end.
 * @param {AnyPage} page
 * @param {DrawnDiff} drawn
 * @param {{swapped: string[]}} want two paragraphs that swapped places (either may be the one drawn as moved)
 */
export async function assertMoveLinked(page, drawn, want) {
  assert.ok(drawn.stats && drawn.stats.paragraphsMoved >= 1, `a paragraph counts as moved (stats: ${JSON.stringify(drawn.stats)})`);
  assert.ok(drawn.movedRows.some((row) => want.swapped.some((text) => row.includes(text))),
    `a paragraph that swapped places is drawn as moved (moved rows: ${JSON.stringify(drawn.movedRows)})`);
  const sides = drawn.moveLinks.map((link) => link.side);
  assert.ok(sides.includes('old') && sides.includes('new'), `the move is linked from both ends (links: ${JSON.stringify(drawn.moveLinks)})`);
  // Following the old end's link focuses the new end.
  const followed = await inPage(page, async () => {
    const root = /** @type {ShadowRoot} */ (/** @type {any} */ (document.querySelector('article-diff')).shadowRoot);
    const link = /** @type {HTMLElement} */ (root.querySelector('[part~="cell-old"] [part~="move-link"]'));
    const badge = link.querySelector('[part~="move-badge"]')?.textContent;
    link.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const focused = root.activeElement;
    const row = focused?.closest('[part~="row"]') ?? focused;
    return {badge, landed: row?.querySelector('[part~="cell-new"] [part~="move-badge"]')?.textContent ?? null};
  }, null);
  assert.equal(followed.landed, followed.badge, 'following the move link lands on the same move\'s other end');
}

/**
 * Asserts the changed link target is flagged as a formatting change (issue 27's `format="html"`):
 * counted in `stats.formattingChanges` and drawn as a `formatting` part on the link's text,
 * described for the reader.
 * @param {DrawnDiff} drawn
 * @param {{linkText: string}} want
 */
export function assertLinkFormatting(drawn, want) {
  assert.ok((drawn.stats?.formattingChanges ?? 0) >= 1, `the link change counts as a formatting change (stats: ${JSON.stringify(drawn.stats)})`);
  const mark = drawn.formatting.find((f) => f.text.includes(want.linkText) || want.linkText.includes(f.text));
  assert.ok(mark, `the link's text is marked as a formatting change (marks: ${JSON.stringify(drawn.formatting)})`);
  assert.match(mark.description, /link/i, 'the mark says the link changed');
  assert.ok(!drawn.inserted.some((t) => t.includes(want.linkText)) && !drawn.deleted.some((t) => t.includes(want.linkText)),
    'the link text itself is not a word change');
}

/**
 * Watches a page for anything a hostile text could do: dialogs (dismissed and recorded) and
 * page errors. Call before the page loads.
 * @param {import('playwright-core').Page} page
 */
export function watchForScript(page) {
  /** @type {string[]} */
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  return {dialogs};
}

/**
 * Asserts a page that drew a hostile revision stayed inert: no dialog, no payload ran, and no
 * element or attribute in or around the element came from the text.
 * @param {import('playwright-core').Page} page
 * @param {{dialogs: string[]}} watch
 * @param {string} containerSelector the CMS's element around `<article-diff>`
 */
export async function assertInert(page, watch, containerSelector) {
  // Give any handler (onerror of a broken image, a module) time to run.
  await page.waitForTimeout(500);
  assert.deepEqual(watch.dialogs, [], 'no dialog opened');
  const found = await page.evaluate(({pwned, container}) => {
    const el = /** @type {any} */ (document.querySelector('article-diff'));
    const roots = [/** @type {ParentNode} */ (el.shadowRoot), /** @type {ParentNode} */ (document.querySelector(container) ?? document)];
    const bad = [];
    for (const root of roots) {
      // (An <svg> from the text is caught by its handler below: the element may draw icons.)
      for (const node of root.querySelectorAll('script:not([type="application/json"]), img, iframe, object, embed, form, [src="x"]')) {
        bad.push(`<${node.localName}> in ${root === roots[0] ? 'the shadow root' : 'the page'}`);
      }
      for (const node of root.querySelectorAll('*')) {
        for (const attr of node.attributes) {
          if (/^on/i.test(attr.name)) bad.push(`${attr.name}= on <${node.localName}>`);
          if (/^\s*javascript:/i.test(attr.value)) bad.push(`javascript: in ${attr.name} of <${node.localName}>`);
        }
      }
    }
    return {pwned: /** @type {any} */ (window)[pwned] ?? null, bad};
  }, {pwned: PWNED, container: containerSelector});
  assert.equal(found.pwned, null, 'no payload ran');
  assert.deepEqual(found.bad, [], 'no element or handler came from the text');
}
