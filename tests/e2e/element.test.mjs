// End-to-end tests of <article-diff> on its own, in headless Chromium, under the strict CSP.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import {screenshotDir, serverAndBrowser} from './harness.mjs';
import {SHOWN_ROW, modelInPage, openElementPage, readFixtures, setTexts, shadow, shuffledPair} from './ui.mjs';
import {HOSTILE_LABEL, HOSTILE_STRINGS, RTL_PAIR, freshEngine, assertHostileTextsLiteral, assertOwnDirections, paragraphDirections, colours as coloursInPage, diffEventsOfOneUpdate, drawnAgainstModel, hostileTextsOutcome, inlineSequence,
  errorShown, failedLoad, landedOn, lateUpgrade, minimapMarker, setLabels, typedWhileLoading} from './element-checks.mjs';

const env = serverAndBrowser({contextOptions: {viewport: {width: 1280, height: 900}, reducedMotion: 'reduce'}});

/**
 * Counts of what the model says should be drawn in split view (all changes visible).
 * @param {{rows: import('../../pkg/article_diff.js').Row[]}} model
 */
function expectedCounts(model) {
  let ins = 0;
  let del = 0;
  for (const row of model.rows) {
    for (const span of row.old?.spans ?? []) if (span.kind === 'delete') del++;
    for (const span of row.new?.spans ?? []) if (span.kind === 'insert') ins++;
  }
  return {ins, del, rows: model.rows.length};
}

describe('<article-diff>', () => {
  test('draws the seed pair exactly as the model says', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    const model = await modelInPage(page, oldText, newText);
    const expected = expectedCounts(model);
    assert.ok(expected.ins > 0 && expected.del > 0, 'the seed pair has word changes');

    assert.equal(await shadow.count(page, 'ins'), expected.ins);
    assert.equal(await shadow.count(page, 'del'), expected.del);
    // Rows shown plus rows folded behind "N unchanged paragraphs" buttons = the model's rows.
    const drawn = await shadow.count(page, SHOWN_ROW);
    const folded = await page.evaluate(() => [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelector('article-diff').shadowRoot.querySelectorAll('.collapsed'))]
      .reduce((sum, b) => sum + Number(b.dataset.to) - Number(b.dataset.from), 0));
    assert.equal(drawn + folded, expected.rows);
    assert.ok(folded > 0, 'long unchanged runs are collapsed');

    // Every drawn cell holds exactly its model text, in model order.
    const {mismatches} = await page.evaluate(drawnAgainstModel, /** @type {[string, string]} */ ([oldText, newText]));
    assert.deepEqual(mismatches, []);

    // The summary bar shows the model's stats.
    const summary = (await shadow.texts(page, '.stats')).join(' ');
    assert.match(summary, new RegExp(`\\+${model.stats.wordsInserted} words?`));
    assert.match(summary, new RegExp(`${model.stats.wordsDeleted} words?`));
    const stats = await page.evaluate(() => document.querySelector('article-diff').stats);
    assert.deepEqual(stats, model.stats);
    // Split rows carry a label.
    if (model.stats.paragraphsSplit > 0) {
      assert.ok((await shadow.texts(page, '.chip.split')).some((t) => /^Split into \d+$/.test(t)));
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('fires one `diff` event per new diff, with the stats, bubbling out of the shadow root', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    const result = await page.evaluate(diffEventsOfOneUpdate);
    assert.equal(result.length, 1);
    assert.equal(result[0].detail.wordsInserted, 1);
    assert.equal(result[0].composed, true);
    await page.close();
  });

  test('properties set before the element is defined are kept on upgrade; define() is idempotent', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    const result = await page.evaluate(lateUpgrade);
    assert.deepEqual(result, {upgraded: true, ins: ['black ']});
    await page.close();
  });

  test('a move badge jumps to the other end and highlights it', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const {oldText, newText} = shuffledPair();
    await setTexts(page, oldText, newText);
    const model = await modelInPage(page, oldText, newText);
    assert.equal(model.moves.length, 1, 'the shuffled pair has one move');
    const move = model.moves[0];

    const source = page.locator(`article-diff .row[data-row="${move.oldRow}"] .move-link`);
    await source.click();
    const target = `.row[data-row="${move.newRow}"]`;
    const landed = await page.evaluate(landedOn, target);
    assert.ok(landed.flash, 'the destination is highlighted');
    assert.ok(landed.focused, 'focus follows the jump');
    assert.ok(landed.inView, 'the destination is scrolled into view');
    assert.ok(landed.scrolled > 0, 'the page scrolled down to the destination');

    // And back up from the destination.
    await page.locator(`article-diff ${target} .move-link`).click();
    const {flash, inView} = await page.evaluate(landedOn, `.row[data-row="${move.oldRow}"]`);
    const back = {flash, inView};
    assert.deepEqual(back, {flash: true, inView: true});

    // The badge carries the move number and the right arrows.
    assert.deepEqual(await shadow.texts(page, '.move-badge'), ['1', '1']);
    assert.deepEqual(await shadow.texts(page, '.move-arrow'), ['↓', '↑']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('keyboard: n/p and j/k step through changes, with a counter', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    const {oldText, newText} = await readFixtures();
    await setTexts(page, oldText, newText);
    const total = await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).changeCount);
    assert.ok(total >= 3, `the seed pair has several changes (${total})`);
    const counter = () => shadow.texts(page, '.counter').then((t) => t[0]);
    assert.equal(await counter(), `${total} changes`);

    // Tab into the element: every control is reachable by keyboard.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    assert.equal(focused, 'ARTICLE-DIFF');

    await page.keyboard.press('n');
    assert.equal(await counter(), `1 of ${total}`);
    await page.keyboard.press('n');
    assert.equal(await counter(), `2 of ${total}`);
    await page.keyboard.press('j');
    assert.equal(await counter(), `3 of ${total}`);
    await page.keyboard.press('k');
    assert.equal(await counter(), `2 of ${total}`);
    await page.keyboard.press('p');
    assert.equal(await counter(), `1 of ${total}`);
    await page.keyboard.press('p'); // wraps to the last change
    assert.equal(await counter(), `${total} of ${total}`);

    const current = await page.evaluate(() => {
      const root = document.querySelector('article-diff').shadowRoot;
      const rows = [...root.querySelectorAll('.row.current')];
      const box = rows[0].getBoundingClientRect();
      return {count: rows.length, inView: box.top >= 0 && box.top < window.innerHeight, marker: root.querySelector('.minimap canvas')?.getAttribute('data-current')};
    });
    assert.ok(current.count >= 1 && current.inView, 'the current change is marked and visible');
    assert.equal(current.marker, String(total - 1), 'the minimap marks the current change');

    // The buttons do the same.
    await page.locator('article-diff .nav[part="next"]').click();
    assert.equal(await counter(), `1 of ${total}`);

    // Clicking a minimap marker goes to that change: the markers are drawn where their
    // changes are in the whole diff, scaled to the minimap's height.
    const at = await page.evaluate(minimapMarker, 'change-3');
    await page.mouse.click(at.x, at.y);
    assert.equal(await counter(), `3 of ${total}`);
    await page.close();
  });

  test('inline view interleaves deletions before insertions, without re-diffing', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    await setTexts(page, 'The quick brown fox jumps.\n\nSecond paragraph stays.\n', 'The slow brown fox jumps.\n\nSecond paragraph stays.\n');
    await page.evaluate(() => {
      const page = /** @type {typeof window & {__diffs: number}} */ (window);
      page.__diffs = 0;
      document.querySelector('article-diff').addEventListener('diff', () => page.__diffs++);
    });
    await page.locator('article-diff button.seg', {hasText: 'Inline'}).click();
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    assert.equal(await page.getAttribute('article-diff', 'view'), 'inline');
    assert.equal(await shadow.count(page, '.cell.old'), 0);
    assert.equal(await shadow.count(page, '.cell.inline'), 2);
    const sequence = await page.evaluate(inlineSequence);
    assert.deepEqual(sequence, ['#text:The ', 'DEL:quick', 'INS:slow', '#text: brown fox jumps.']);
    // A replaced word is set apart from its deletion (a margin, not a character).
    assert.equal(await shadow.count(page, '.cell.inline ins.apart'), 1);
    assert.equal(await page.evaluate(() => /** @type {typeof window & {__diffs?: number}} */ (window).__diffs), 0, 'toggling the view does not diff again');

    await page.locator('article-diff button.seg', {hasText: 'Side by side'}).click();
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    assert.equal(await shadow.count(page, '.cell.old'), 2);
    assert.equal(await page.evaluate(() => /** @type {typeof window & {__diffs?: number}} */ (window).__diffs), 0);
    await page.close();
  });

  test('hide-cosmetic draws cosmetic changes as plain text and skips them in navigation', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    // Only typography changed in the first paragraph; a real edit in the second.
    await setTexts(page, 'He said "yes" - twice.\n\nNothing changed here.\n\nThe vote was close.\n',
      'He said “yes” — twice.\n\nNothing changed here.\n\nThe vote was very close.\n');
    assert.ok(await shadow.count(page, 'ins.cosmetic') > 0, 'cosmetic changes are marked');
    const before = await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).changeCount);
    await page.locator('article-diff .cosmetic-toggle input').check();
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    assert.equal(await page.evaluate(() => document.querySelector('article-diff').hasAttribute('hide-cosmetic')), true);
    assert.equal(await shadow.count(page, '.cosmetic'), 0);
    assert.equal(await shadow.count(page, 'ins'), 1, 'the real insertion stays');
    const afterCount = await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).changeCount);
    assert.deepEqual([before, afterCount], [2, 1]);
    await page.close();
  });

  test('a collapsed unchanged run expands on click', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    const paragraphs = Array.from({length: 12}, (_, i) => `Unchanged paragraph number ${i + 1} of the story.`);
    const edited = [...paragraphs];
    edited[11] = 'Unchanged paragraph number 12 of the whole story.';
    await setTexts(page, paragraphs.join('\n\n'), edited.join('\n\n'));
    const button = page.locator('article-diff .collapsed');
    assert.equal(await button.count(), 1);
    assert.equal((await button.textContent()).trim(), '10 unchanged paragraphs');
    assert.equal(await shadow.count(page, SHOWN_ROW), 2);
    await button.click();
    assert.equal(await shadow.count(page, SHOWN_ROW), 12);
    assert.equal(await shadow.count(page, '.collapsed'), 0);
    await page.close();
  });

  test('hostile strings in texts and labels render literally and never run', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    const oldText = `Intro.\n\n${HOSTILE_STRINGS[0]}\n\n${HOSTILE_STRINGS[1]}\n`;
    const newText = `Intro.\n\n${HOSTILE_STRINGS[2]}\n\n${HOSTILE_STRINGS[3]}\n`;
    await page.evaluate(setLabels, /** @type {[string, string]} */ ([HOSTILE_STRINGS[0], HOSTILE_LABEL]));
    await setTexts(page, oldText, newText);
    assertHostileTextsLiteral(await page.evaluate(hostileTextsOutcome));
    // Hover and click everything drawn: still nothing runs.
    await page.locator('article-diff .row').last().hover();
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned ?? null), null);
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__cspViolations), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('old-src/new-src load, and a failed load shows an error but keeps the last diff', async () => {
    const {page} = await openElementPage(env.context, env.server.url,
      'old-src="/fixtures/old.txt" new-src="/fixtures/new.txt" old-label="Revision of 19 March 2021" new-label="Current"');
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    const rows = await shadow.count(page, '.row');
    assert.ok(rows > 0);
    assert.deepEqual(await shadow.texts(page, '.heading'), ['Revision of 19 March 2021', 'Current']);

    // A text set while a load is under way wins over the load.
    const latest = await page.evaluate(typedWhileLoading);
    assert.equal(latest, 'Typed by the editor while the file loaded.');
    const drawn = await shadow.count(page, '.row');

    const error = await page.evaluate(failedLoad);
    assert.match(error, /missing-revision\.txt.*404/);
    await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).ready());
    const shown = await page.evaluate(errorShown);
    assert.equal(shown.hidden, false);
    assert.equal(shown.text, error);
    assert.equal(await shadow.count(page, '.row'), drawn, 'the last good diff stays');
    await page.close();
  });

  test('ready() settles when a short diff fills its last rows while the page is busy (a hang seen under load)', async () => {
    const {page} = await openElementPage(env.context, env.server.url);
    // A busy page: every idle period is too short for background drawing, as under heavy load.
    await page.evaluate(() => {
      window.requestIdleCallback = (callback) => window.setTimeout(() => callback({didTimeout: false, timeRemaining: () => 1}), 0);
    });
    const {oldText, newText} = await readFixtures();
    const settled = await page.evaluate(async ([oldText, newText]) => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      // The seed pair leaves folded rows to draw in the background; a moment later comes a diff
      // drawn at once in more than one chunk, with no fold: its drawing queued a background
      // slice that finds nothing left to draw, in the quiet time after the first draw.
      const drawn = new Promise((resolve) => el.addEventListener('diff', resolve, {once: true}));
      el.oldText = oldText;
      el.newText = newText;
      await drawn;
      el.oldText = 'Only this.';
      el.newText = Array.from({length: 80}, (_, i) => `Paragraph ${i + 1} of a new text.`).join('\n\n');
      return Promise.race([el.ready().then(() => 'ready'), new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000))]);
    }, [oldText, newText]);
    assert.equal(settled, 'ready');
    assert.ok(await shadow.count(page, '.row') >= 80);
    await page.close();
  });

  test('an approximate diff shows its fallback detail', async () => {
    const {page} = await openElementPage(env.context, env.server.url, 'timeout-ms="1"');
    // A long, heavily edited pair cannot finish its word diffs within one millisecond.
    const {oldText, newText} = await readFixtures();
    const scramble = (/** @type {string} */ text, /** @type {number} */ seed) => text.split(/(\s+)/).map((w, i) => ((i * 7 + seed) % 5 === 0 ? w.split('').reverse().join('') : w)).join('');
    const copies = Array.from({length: 12}, (_, i) => i);
    await setTexts(page, copies.map((i) => scramble(oldText, i)).join('\n\n'), copies.map((i) => scramble(newText, i + 1)).join('\n\n'));
    const notice = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      const box = el.shadowRoot.querySelector('.notice');
      return {approximate: el.model.approximate, detail: el.model.fallback?.detail, hidden: box.hidden, text: box.textContent};
    });
    assert.equal(notice.approximate, true, 'one millisecond is too short for this pair');
    assert.equal(notice.hidden, false);
    assert.ok(notice.text.includes(notice.detail), notice.text);

    // A bad budget is an error shown inline, not a crash.
    const message = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      el.setAttribute('timeout-ms', 'soon');
      await el.ready();
      return el.shadowRoot.querySelector('.error').textContent;
    });
    assert.match(message, /timeout-ms/);
    await page.close();
  });

  test('each paragraph reads in its own direction; the interface in its strings\' language\'s, whatever the page\'s', async () => {
    /** @type {[string, string, 'light' | 'dark', number, string][]} page direction, strings' locale, scheme, width, interface direction */
    const cases = [['ltr', 'en', 'light', 1280, 'ltr'], ['rtl', 'en', 'dark', 1280, 'ltr'], ['rtl', 'en', 'light', 390, 'ltr'], ['rtl', 'he', 'light', 1280, 'rtl'], ['ltr', 'he', 'dark', 390, 'rtl']];
    for (const [pageDir, locale, scheme, width, frameDir] of cases) {
      const context = await env.browser.newContext({colorScheme: scheme, viewport: {width, height: 700}});
      const {page} = await openElementPage(context, env.server.url);
      await page.evaluate(([dir, locale]) => {
        document.documentElement.dir = dir;
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        if (locale !== 'en') el.strings = {locale, next: 'הבא', previous: 'הקודם', oldVersion: 'גרסה ישנה', newVersion: 'גרסה חדשה'};
      }, [pageDir, locale]);
      await setTexts(page, RTL_PAIR.oldText, RTL_PAIR.newText);
      assertOwnDirections(await page.evaluate(paragraphDirections), width < 700 ? 'inline' : 'split');
      const frame = await page.evaluate(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        el.next();
        await el.ready();
        const root = /** @type {ShadowRoot} */ (el.shadowRoot);
        const x = (/** @type {string} */ selector) => root.querySelector(selector)?.getBoundingClientRect().x ?? NaN;
        return {direction: getComputedStyle(/** @type {Element} */ (root.querySelector('.frame'))).direction, oldOnRight: x('.heading.old') > x('.heading.new'),
          bar: getComputedStyle(/** @type {Element} */ (root.querySelector('.row.current > .gutter'))).boxShadow};
      });
      assert.equal(frame.direction, frameDir, `${pageDir} page, ${locale} strings`);
      // The current row's bar is at the gutter's inline start.
      assert.match(frame.bar, frameDir === 'rtl' ? / -3px 0px 0px 0px inset$/ : / 3px 0px 0px 0px inset$/);
      if (width >= 700) assert.equal(frame.oldOnRight, frameDir === 'rtl');
      await page.screenshot({path: `${screenshotDir}directions-${pageDir}-page-${locale}-${width}-${scheme}.png`});
      await context.close();
    }
  });

  test('after a trap the engine is instantiated afresh, and diffs as before', async () => {
    const {page, problems} = await openElementPage(env.context, env.server.url);
    assert.deepEqual(await page.evaluate(freshEngine), {distinct: true, kept: true, same: true});
    // The element goes on with the new instance.
    await setTexts(page, 'One two three.', 'One two four.');
    assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).stats.wordsInserted), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('dark theme follows prefers-color-scheme and the theme attribute overrides it', async () => {
    const dark = await env.browser.newContext({colorScheme: 'dark', viewport: {width: 1000, height: 700}});
    const {page} = await openElementPage(dark, env.server.url);
    await setTexts(page, 'A cat sat.', 'A black cat sat.');
    const colours = () => page.evaluate(coloursInPage);
    assert.deepEqual(await colours(), {ins: 'rgb(29, 90, 47)', host: 'rgb(15, 19, 24)'});
    await page.evaluate(() => document.querySelector('article-diff').setAttribute('theme', 'light'));
    assert.deepEqual(await colours(), {ins: 'rgb(200, 240, 209)', host: 'rgb(255, 255, 255)'});
    await page.emulateMedia({colorScheme: 'light'});
    await page.evaluate(() => document.querySelector('article-diff').setAttribute('theme', 'dark'));
    assert.deepEqual(await colours(), {ins: 'rgb(29, 90, 47)', host: 'rgb(15, 19, 24)'});
    // A host page restyles through the public custom properties.
    await page.evaluate(() => document.querySelector('article-diff').style.setProperty('--article-diff-ins-bg', 'rgb(1, 2, 3)'));
    assert.equal((await colours()).ins, 'rgb(1, 2, 3)');
    await dark.close();
  });
});
