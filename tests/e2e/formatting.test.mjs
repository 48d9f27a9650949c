// End-to-end tests of <article-diff format="html|markdown"> in headless Chromium, under the
// strict CSP: formatting changes drawn as formatting, marks and blocks drawn from an allow-list,
// hostile markup never becoming markup (issue 27).
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import {screenshotDir, serverAndBrowser} from './harness.mjs';
import {openElementPage} from './ui.mjs';
import {FORMATTING_PAIR, MARKDOWN_PAIR, assertFormattingDecorated, assertFormattingRow, assertFormattingPairDrawn, assertHideFormattingFolds, assertHostileHarmless, assertMarkdownPairDrawn, drawDocuments, formattingDecorations, hideFormattingPair,
  formattingRows, hostileOutcome, hostilePair, readShown} from './element-checks.mjs';

const env = serverAndBrowser({contextOptions: {viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'}});

/**
 * Sets texts and format, waits for the drawing, returns what a test reads of the shadow DOM.
 * @param {import('playwright-core').Page} page
 * @param {string} oldText @param {string} newText @param {string} format
 */
const draw = (page, oldText, newText, format) => page.evaluate(drawDocuments, /** @type {[string, string, string]} */ ([oldText, newText, format]));

describe('<article-diff format>', () => {
  test('a changed link target, emphasis made strong and a heading level are formatting; a moved list item moves', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const got = await draw(page, FORMATTING_PAIR.oldText, FORMATTING_PAIR.newText, 'html');
    assertFormattingPairDrawn(got);
    await page.screenshot({path: `${screenshotDir}formatting-html.png`, fullPage: true});

    // The legend lists formatting changes for documents (a diff of texts has none: the next test).
    await page.locator('article-diff [part="legend-toggle"]').click();
    const entry = page.locator('article-diff .legend-entry.entry-formatting');
    assert.ok(await entry.isVisible(), 'the legend has an entry for formatting changes');
    assert.match(await entry.innerText(), /Formatting changed/);
    await page.screenshot({path: `${screenshotDir}formatting-legend-1280-light.png`, fullPage: true});
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('theme', 'dark'));
    await page.screenshot({path: `${screenshotDir}formatting-legend-1280-dark.png`, fullPage: true});
    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: `${screenshotDir}formatting-legend-390-dark.png`, fullPage: true});
    await page.evaluate(() => document.querySelector('article-diff')?.removeAttribute('theme'));
    await page.setViewportSize({width: 1280, height: 900});

    // Hide formatting: the changes draw as unchanged text.
    const hidden = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      el.hideFormatting = true;
      await el.ready();
      return el.shadowRoot.querySelectorAll('[part~="formatting"]').length;
    });
    assert.equal(hidden, 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('Hide formatting folds formatting-only rows into the unchanged run; the summary counts no zero words', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const {oldText: oldHtml, newText: newHtml} = hideFormattingPair();
    const read = () => page.evaluate(readShown);
    await draw(page, oldHtml, newHtml, 'html');
    const shown = await read();
    await page.evaluate(() => { /** @type {any} */ (document.querySelector('article-diff')).hideFormatting = true; });
    assertHideFormattingFolds(shown, await read());
    await page.evaluate(() => document.querySelector('article-diff')?.removeAttribute('hide-formatting'));
    await page.screenshot({path: `${screenshotDir}formatting-hide-off-1280-light.png`, fullPage: true});
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('hide-formatting', ''));
    await read();
    await page.screenshot({path: `${screenshotDir}formatting-hide-on-1280-light.png`, fullPage: true});
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('theme', 'dark'));
    await page.setViewportSize({width: 390, height: 844});
    await read();
    await page.screenshot({path: `${screenshotDir}formatting-hide-on-390-dark.png`, fullPage: true});
    await page.evaluate(() => document.querySelector('article-diff')?.removeAttribute('theme'));
    await page.setViewportSize({width: 1280, height: 900});
    // A formatting-only diff: its summary says what changed, without "+0 words −0 words".
    await page.evaluate(() => document.querySelector('article-diff')?.removeAttribute('hide-formatting'));
    await draw(page, '<p>The <em>council</em> met.</p>', '<p>The <strong>council</strong> met.</p>', 'html');
    const only = await read();
    assert.doesNotMatch(only.summary ?? '', /0 words/);
    assert.match(only.summary ?? '', /1 formatting/);
    assertFormattingRow(await page.evaluate(formattingRows), 'split');
    await page.screenshot({path: `${screenshotDir}formatting-only-summary-1280-light.png`});
    await page.evaluate(() => document.querySelector('article-diff')?.setAttribute('theme', 'dark'));
    await page.screenshot({path: `${screenshotDir}formatting-only-summary-1280-dark.png`});
    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: `${screenshotDir}formatting-only-summary-390-dark.png`});
    assertFormattingRow(await page.evaluate(formattingRows), 'inline');
    await page.evaluate(() => document.querySelector('article-diff')?.removeAttribute('theme'));
    await page.screenshot({path: `${screenshotDir}formatting-only-summary-390-light.png`});
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a diff of plain texts has no formatting entry in its legend', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const got = await draw(page, 'The council met on Tuesday.', 'The council met on Friday.', 'text');
    assert.equal(got.error, '');
    await page.locator('article-diff [part="legend-toggle"]').click();
    assert.ok(await page.locator('article-diff .legend-entry.entry-cosmetic').isVisible(), 'the legend is open');
    assert.equal(await page.locator('article-diff .legend-entry.entry-formatting').isVisible(), false);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('long documents are diffed in the worker, their texts handed to the engine as UTF-8 there too', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    // Over the element's worker threshold (200,000 characters for both sources together).
    const body = (/** @type {string} */ mark) => Array.from({length: 1200}, (_, k) =>
      `<!-- wp:paragraph --><p>Paragraph ${k} of the council’s minutes, ${k % 50 === 7 ? `<${mark}>again</${mark}>` : 'again'} with 😀 and more words.</p><!-- /wp:paragraph -->`).join('\n');
    const [oldHtml, newHtml] = [body('em'), body('strong').replace('Paragraph 600 of', 'Paragraph 600, edited, of')];
    assert.ok(oldHtml.length + newHtml.length > 200_000);
    const got = await draw(page, oldHtml, newHtml, 'html');
    assert.equal(got.error, '');
    assert.equal(got.stats?.formattingChanges, 24);
    assert.equal(got.stats?.wordsInserted, 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('only a link target changed: a formatting span that names the link, and a count', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const got = await draw(page, '<p>Read <a href="https://a.example/">the report</a>.</p>', '<p>Read <a href="https://b.example/">the report</a>.</p>', 'html');
    assert.ok(got.stats.formattingChanges >= 1);
    assert.ok(got.formatting.some((f) => /link/.test(`${f.title} ${f.label}`)));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('Markdown: the seed copy style (emphasis, links) is formatting, not words', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const got = await draw(page, MARKDOWN_PAIR.oldText, MARKDOWN_PAIR.newText, 'markdown');
    assertMarkdownPairDrawn(got);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('hostile markup never runs and never becomes elements', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const {oldText, newText} = hostilePair();
    const got = await draw(page, oldText, newText, 'html');
    assertHostileHarmless(got, await page.evaluate(hostileOutcome));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('inline, a formatting change shows the old marks and the new; deleted text keeps its old marks, inserted its new', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url, 'view="inline"');
    await draw(page, '<p>They met <em>again</em> at the <a href="https://a.example/old">town hall</a>, said <strong>the mayor</strong> today.</p>',
      '<p>They met <strong>again</strong> at the <a href="https://a.example/new">town hall</a>, said the <em>deputy</em> today.</p>', 'html');
    const inline = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
      /** The marks in `el`: "strong:text", "a href:text". @param {Element | null} el @param {boolean} [old] those drawn as they were */
      const marks = (el, old = false) => [...(el?.querySelectorAll('strong, em, a') ?? [])]
        .filter((m) => old || !m.closest('.format-old'))
        .map((m) => `${m.localName}${m.localName === 'a' ? ` ${m.getAttribute('href') ?? `(no link) ${m.getAttribute('title')}`}` : ''}:${m.textContent}`);
      return {
        changes: [...root.querySelectorAll('.format-change')].map((f) => ({was: marks(f.querySelector('.format-old'), true), is: marks(f),
          hidden: f.querySelector('.format-old')?.getAttribute('aria-hidden') ?? null})),
        deleted: marks(root.querySelector('.row del')),
        inserted: marks(root.querySelector('.row ins')),
      };
    });
    const again = inline.changes.find((c) => c.is.includes('strong:again'));
    assert.deepEqual(again && {was: again.was, hidden: again.hidden}, {was: ['em:again'], hidden: 'true'}, JSON.stringify(inline));
    // The old target is named, but only the new one is a link (hidden text takes no focus).
    assert.ok(inline.changes.some((c) => c.was.includes('a (no link) https://a.example/old:town hall') && c.is.includes('a https://a.example/new:town hall')), JSON.stringify(inline));
    assert.ok(inline.deleted.includes('strong:mayor') || inline.deleted.some((m) => m.startsWith('strong:')), JSON.stringify(inline));
    assert.ok(inline.inserted.some((m) => m.startsWith('em:')), JSON.stringify(inline));
    assertFormattingDecorated(await page.evaluate(formattingDecorations));
    await page.locator('article-diff .row').first().screenshot({path: `${screenshotDir}/formatting-inline-both-marks.png`});
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('texts that share little are shown one after the other with their formatting and blocks', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const garden = Array.from({length: 8}, (_, i) => `<p>Garden bed ${i}: <strong>roses</strong>, tulips and <a href="https://garden.example/${i}">lilies</a> bloom.</p>`).join('\n');
    const space = `<h2>Mission log</h2>\n${Array.from({length: 8}, (_, i) => `<li>Satellite ${i} orbits <em>Jupiter</em>; telemetry is stable.</li>`).join('\n')}`;
    await draw(page, garden, space, 'html');
    const stacked = await page.evaluate(() => {
      const el = document.querySelector('article-diff');
      const root = /** @type {ShadowRoot} */ (el?.shadowRoot);
      return {
        layout: /** @type {HTMLElement} */ (root.querySelector('.frame')).dataset.layout,
        strong: root.querySelectorAll('.part-row.deleted .text strong').length,
        links: [...root.querySelectorAll('.part-row.deleted .text a')].map((a) => a.getAttribute('href')).slice(0, 2),
        em: root.querySelectorAll('.part-row.inserted .text em').length,
        headings: root.querySelectorAll('.part-row.inserted .text[role="heading"]').length,
        items: root.querySelectorAll('.part-row.inserted .text.block-li').length,
        tags: /<\/?(p|li|em|strong|a)\b/.test(root.querySelector('[role="table"]')?.textContent ?? ''),
      };
    });
    assert.equal(stacked.layout, 'stacked');
    assert.equal(stacked.strong, 8);
    assert.deepEqual(stacked.links, ['https://garden.example/0', 'https://garden.example/1']);
    assert.equal(stacked.em, 8);
    assert.equal(stacked.headings, 1);
    assert.equal(stacked.items, 8);
    assert.equal(stacked.tags, false);
    await page.screenshot({path: `${screenshotDir}/formatting-stacked.png`});
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('an unknown format is an error in the element, not a diff', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    const got = await draw(page, 'a', 'b', 'xml');
    assert.match(got.error ?? '', /format/);
    await page.close();
  });
});
