// @ts-check
// The element's features in the browsers other than Chromium: Firefox (Debian's firefox-esr
// over geckodriver) and WebKit, Safari's engine (Debian's WebKitGTK MiniBrowser over
// WebKitWebDriver, in an Xvfb display), started as tests/package/browsers.mjs starts them, one
// session per browser for the whole file. The formatting view of HTML and Markdown, hostile
// markup and strings, moves, splits and merges, cosmetic and hidden changes, folds, views,
// sources, themes, the table's semantics, a change linked on load, the `diff` event and the
// keyboard, held to the checks Chromium's tests make (tests/e2e/element-checks.mjs: the same
// page functions and assertions), on a bare element under the strict CSP.
//
// Clicks and keys go through WebDriver (a shadow-root element returned by a script is a
// WebDriver element, clicked at its centre like a reader's pointer; keys are typed into the
// focused element), so the browser's own hit testing, focus and key handling are tested.
// Screenshots: tests/e2e/screenshots/firefox-formatting-*.png and webkit-formatting-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';

import {Key} from 'selenium-webdriver';

import {enterPhoneFrame, firefoxEsr, viewScreenshot, webkitGtk} from '../package/browsers.mjs';
import {screenshotDir, startServer} from './harness.mjs';
import {readFixtures, root, shuffledPair} from './ui.mjs';
import {
  AUDIT_HTML_PAIR, COSMETIC_PAIR, RTL_PAIR, FORMATTING_PAIR, HOSTILE_LABEL, HOSTILE_STRINGS, MARKDOWN_PAIR, SPLIT_MERGE_PAIR, WHITESPACE_PAIR,
  assertDrawnAsHtml, assertOwnDirections, assertFormattingDecorated, assertFormattingPairDrawn, assertFormattingRow, assertHideFormattingFolds, assertHostileHarmless,
  assertHostileTextsLiteral, assertMarkdownPairDrawn, assertMoveEnds, assertTableSemantics, assertUnrelatedShown,
  axeViolations, bareElementPage, colours, countShadow, currentChange, diffEventsOfOneUpdate, drawDocuments, drawnAgainstModel, drawnAsHtml,
  drawTexts, embedInMain, errorShown, formattingRows, freshEngine, paragraphDirections, failedLoad, focusAgainstToolbar, focusedInShadow, foldPair, formattingDecorations, hiddenCosmeticFoldPair,
  hiddenFormattingFoldPair, hideFormattingPair, hostileOutcome, hostilePair, hostileTextsOutcome, inlineSequence, landedOn,
  lateUpgrade, modelJson, moveEnds, pageProblems, readShown, setLabels, shadowTexts, tableSemantics, typedWhileLoading,
  unrelatedPair, unrelatedShown,
} from './element-checks.mjs';

/** @type {{url: string, close: () => Promise<void>}} */
let server;
/** axe-core's own build, run in the page by WebDriver (which the page's CSP does not govern). */
const axeSource = readFile(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

before(async () => {
  server = await startServer({port: 0});
  await mkdir(screenshotDir, {recursive: true});
});

after(async () => {
  await server?.close();
});

for (const [name, start] of /** @type {const} */ ([['Firefox', firefoxEsr], ['WebKit', webkitGtk]])) {
  describe(`${name}: the element's features`, () => {
    /** @type {import('../package/browsers.mjs').TestBrowser} */
    let browser;
    /** @type {import('selenium-webdriver').WebDriver} */
    let driver;
    /** The window's page, whichever document or frame it shows now. @type {import('../package/browsers.mjs').OpenPage} */
    let page;
    /** The frame the phone-sized page is in, or `null` at desktop size. @type {import('selenium-webdriver').WebElement | null} */
    let frame = null;

    /**
     * Runs `fn(arg)` in the window's current document and resolves to its JSON-able result.
     * @template T, A @param {(arg: A) => T | Promise<T>} fn @param {A} arg @returns {Promise<T>}
     */
    const run = (fn, arg) => page.run(fn, arg);
    /** @template T @param {() => T | Promise<T>} fn @returns {Promise<T>} */
    const run0 = (fn) => page.run(fn, null);

    /** Sizes the window so that its page is `width`×`height` (or as near as the window manager allows). @param {number} width @param {number} height */
    async function viewport(width, height) {
      await driver.switchTo().defaultContent();
      await driver.manage().window().setRect({width, height});
      const inner = await run0(() => [innerWidth, innerHeight]);
      await driver.manage().window().setRect({width: 2 * width - inner[0], height: 2 * height - inner[1]});
    }

    before(async () => {
      browser = await start();
      driver = /** @type {import('selenium-webdriver').WebDriver} */ (browser.driver);
      page = await browser.open(new URL('/embed.html', server.url).href);
      await viewport(1280, 900);
    });

    after(async () => {
      await browser?.close();
    });

    /**
     * A bare element with `attributes` under the strict CSP, at the window's size, or (with
     * `phone`) in an iframe 390 px wide, narrower than the browser's window goes.
     * @param {string} [attributes] @param {{phone?: boolean}} [options]
     */
    async function elementPage(attributes = '', {phone = false} = {}) {
      await driver.switchTo().defaultContent();
      frame = null;
      await driver.get(new URL('/embed.html', server.url).href);
      if (phone) frame = await enterPhoneFrame(driver, page, 'The element at a phone\'s width', {bare: true});
      await run(bareElementPage, attributes);
    }

    /** The shadow root's first element that matches `selector`, for WebDriver to click. @param {string} selector */
    const shadowElement = async (selector) => {
      const element = await driver.executeScript('return document.querySelector("article-diff").shadowRoot.querySelector(arguments[0])', selector);
      assert.ok(element, `no ${selector} in the shadow root`);
      return /** @type {import('selenium-webdriver').WebElement} */ (element);
    };

    /** The shadow root's button whose text is `text`. @param {string} text */
    const shadowButton = async (text) => {
      const element = await driver.executeScript('return [...document.querySelector("article-diff").shadowRoot.querySelectorAll("button")].find((b) => b.textContent.trim() === arguments[0])', text);
      assert.ok(element, `no button "${text}" in the shadow root`);
      return /** @type {import('selenium-webdriver').WebElement} */ (element);
    };

    /** @param {string} selector */
    const click = async (selector) => (await shadowElement(selector)).click();
    /** @param {...string} keys */
    const press = (...keys) => driver.actions().sendKeys(...keys).perform();
    const ready = () => run0(() => /** @type {any} */ (document.querySelector('article-diff')).ready());

    /** Writes a screenshot of what the window (or the phone's frame) shows. @param {string} shotName */
    async function shot(shotName) {
      await writeFile(path.join(screenshotDir, `${name.toLowerCase()}-${shotName}.png`), await viewScreenshot(driver, frame), 'base64');
    }

    /** Sets the element's theme. @param {'light' | 'dark'} theme */
    const theme = (theme) => run((theme) => document.querySelector('article-diff')?.setAttribute('theme', theme), theme);

    test(`${name}: format="html": a heading level, emphasis made strong and a link target are described, focusable formatting; a moved list item moves`, async () => {
      await elementPage();
      assertFormattingPairDrawn(await run(drawDocuments, [FORMATTING_PAIR.oldText, FORMATTING_PAIR.newText, 'html']));
      await theme('light');
      await shot('formatting-1280-light');
      await theme('dark');
      await shot('formatting-1280-dark');
      // Hide formatting: the changes draw as unchanged text.
      const hidden = await run0(async () => {
        const el = /** @type {any} */ (document.querySelector('article-diff'));
        el.hideFormatting = true;
        await el.ready();
        return el.shadowRoot.querySelectorAll('[part~="formatting"]').length;
      });
      assert.equal(hidden, 0);
      assert.deepEqual(await run0(pageProblems), []);

      for (const scheme of /** @type {const} */ (['light', 'dark'])) {
        await elementPage('', {phone: true});
        assertFormattingPairDrawn(await run(drawDocuments, [FORMATTING_PAIR.oldText, FORMATTING_PAIR.newText, 'html']), {inline: true});
        assertFormattingDecorated(await run0(formattingDecorations));
        await theme(scheme);
        const width = await run0(() => ({page: document.documentElement.scrollWidth, window: innerWidth}));
        assert.ok(width.page <= width.window, `the page scrolls sideways at 390 px (${width.page} px)`);
        await shot(`formatting-390-${scheme}`);
        assert.deepEqual(await run0(pageProblems), []);
      }
    });

    test(`${name}: after a trap the engine is instantiated afresh under the strict CSP, and diffs as before`, async () => {
      await elementPage();
      assert.deepEqual(await run0(freshEngine), {distinct: true, kept: true, same: true});
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: each paragraph reads in its own direction (Arabic and Hebrew right to left), side by side and inline`, async () => {
      for (const phone of [false, true]) {
        await elementPage('', {phone});
        await run(drawTexts, [RTL_PAIR.oldText, RTL_PAIR.newText]);
        assertOwnDirections(await run0(paragraphDirections), phone ? 'inline' : 'split');
        await shot(`directions-${phone ? 390 : 1280}-light`);
      }
    });

    test(`${name}: a paragraph whose formatting alone changed is marked ✎ and left untinted, side by side and inline`, async () => {
      for (const phone of [false, true]) {
        await elementPage('format="html"', {phone});
        await run(drawTexts, ['<p>The <em>council</em> met.</p>', '<p>The <strong>council</strong> met.</p>']);
        assertFormattingRow(await run0(formattingRows), phone ? 'inline' : 'split');
        assert.deepEqual(await run0(pageProblems), []);
      }
    });

    test(`${name}: format="markdown": a link target, a heading level and emphasis made strong are formatting, not words`, async () => {
      await elementPage();
      assertMarkdownPairDrawn(await run(drawDocuments, [MARKDOWN_PAIR.oldText, MARKDOWN_PAIR.newText, 'markdown']));
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: the "Hide formatting" toggle folds formatting-only rows into the unchanged run`, async () => {
      await elementPage();
      const {oldText, newText} = hideFormattingPair();
      await run(drawDocuments, [oldText, newText, 'html']);
      const shown = await run0(readShown);
      await click('[part="tools-toggle"]').catch(() => {});
      await click('[part="formatting-toggle"] input');
      assert.equal(await run0(() => document.querySelector('article-diff')?.hasAttribute('hide-formatting')), true);
      assertHideFormattingFolds(shown, await run0(readShown));
      await shot('formatting-hidden-1280-light');
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: hostile markup never runs and never becomes elements; links only to http(s), mailto and relative targets`, async () => {
      await elementPage();
      const {oldText, newText} = hostilePair();
      const got = await run(drawDocuments, [oldText, newText, 'html']);
      // Hover and click what was drawn: still nothing runs.
      await driver.actions().move({origin: await shadowElement('.rows .text')}).perform();
      await click('.rows .text a');
      assertHostileHarmless(got, await run0(hostileOutcome));
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: keyboard: Tab reaches a formatting change, which shows its description`, async () => {
      await elementPage();
      await run(drawDocuments, [FORMATTING_PAIR.oldText, FORMATTING_PAIR.newText, 'html']);
      /** @type {Awaited<ReturnType<typeof focusedInShadow>>} */
      let focused = null;
      for (let i = 0; i < 40 && !focused?.className.includes('format-change'); i++) {
        await press(Key.TAB);
        focused = await run0(focusedInShadow);
      }
      assert.ok(focused?.className.includes('format-change'), `Tab never reached a formatting change: ${JSON.stringify(focused)}`);
      assert.ok(focused.title && focused.label === focused.title, JSON.stringify(focused));
      assert.equal(focused.focusVisible, true, 'the focus shows');
      assert.ok(focused.descriptionShown && focused.description.includes(focused.title), `the description shows: ${JSON.stringify(focused)}`);
      assert.ok(focused.inView, 'the focused change is on screen');
      await shot('formatting-focus-1280-light');
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: both ends of a move say the same direction and name each other; a move link jumps to the other end`, async () => {
      await elementPage();
      for (const [from, to] of [[2, 11], [11, 2]]) {
        const {oldText, newText} = shuffledPair(14, from, to);
        await run(drawTexts, [oldText, newText]);
        assertMoveEnds(await run0(moveEnds), from, to);
      }
      const {oldText, newText} = shuffledPair();
      await run(drawTexts, [oldText, newText]);
      const model = await run(modelJson, [oldText, newText, {}]);
      assert.equal(model.moves.length, 1, 'the shuffled pair has one move');
      const move = model.moves[0];
      await click(`.row[data-row="${move.oldRow}"] .move-link`);
      const landed = await run(landedOn, `.row[data-row="${move.newRow}"]`);
      assert.deepEqual({...landed, scrolled: landed.scrolled > 0}, {flash: true, focused: true, inView: true, scrolled: true}, JSON.stringify(landed));
      await click(`.row[data-row="${move.newRow}"] .move-link`);
      const back = await run(landedOn, `.row[data-row="${move.oldRow}"]`);
      assert.deepEqual({flash: back.flash, inView: back.inView}, {flash: true, inView: true});
      assert.deepEqual(await run(shadowTexts, '.move-badge'), ['1', '1']);
      assert.deepEqual(await run(shadowTexts, '.move-arrow'), ['↓', '↑']);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: the seed pair is drawn as the model says, its splits labelled; a split and a merge are labelled`, async () => {
      await elementPage();
      const {oldText, newText} = await readFixtures();
      await run(drawTexts, [oldText, newText]);
      const seed = await run(drawnAgainstModel, [oldText, newText]);
      assert.deepEqual(seed.mismatches, []);
      assert.deepEqual({ins: seed.drawn.ins, del: seed.drawn.del}, {ins: seed.model.ins, del: seed.model.del});
      assert.equal(seed.drawn.shown + seed.drawn.folded, seed.model.rows);
      assert.ok(seed.drawn.folded > 0, 'long unchanged runs are folded');
      assert.deepEqual(seed.drawn.stats, seed.model.stats);
      assert.match(seed.drawn.summary, new RegExp(`\\+${seed.model.stats.wordsInserted} words?`));
      assert.match(await run(shadowTexts, '.summary').then((t) => t[0]), /2 split/);
      assert.ok((await run(shadowTexts, '.chip.split')).some((t) => /^Split into \d+$/.test(t)));
      // The seed pair's splits are cosmetic: hidden, they are not counted.
      await run0(() => document.querySelector('article-diff')?.setAttribute('hide-cosmetic', ''));
      await ready();
      assert.doesNotMatch(await run(shadowTexts, '.summary').then((t) => t[0]), /split/);
      await run0(() => document.querySelector('article-diff')?.removeAttribute('hide-cosmetic'));

      await run(drawTexts, [SPLIT_MERGE_PAIR.oldText, SPLIT_MERGE_PAIR.newText]);
      const chips = await run(shadowTexts, '.chip.split, .chip.merged');
      assert.ok(chips.includes('Split into 2') && chips.includes('Merged from 2'), JSON.stringify(chips));
      assert.deepEqual((await run(drawnAgainstModel, [SPLIT_MERGE_PAIR.oldText, SPLIT_MERGE_PAIR.newText])).mismatches, []);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: cosmetic changes are marked; the "Hide cosmetic" toggle draws them as text and skips them`, async () => {
      await elementPage();
      await run(drawTexts, [COSMETIC_PAIR.oldText, COSMETIC_PAIR.newText]);
      assert.ok(await run(countShadow, 'ins.cosmetic') > 0, 'cosmetic changes are marked');
      const before = await run0(() => /** @type {any} */ (document.querySelector('article-diff')).changeCount);
      await click('.cosmetic-toggle input');
      await ready();
      assert.equal(await run0(() => document.querySelector('article-diff')?.hasAttribute('hide-cosmetic')), true);
      assert.equal(await run(countShadow, '.cosmetic'), 0);
      assert.equal(await run(countShadow, 'ins'), 1, 'the real insertion stays');
      const afterCount = await run0(() => /** @type {any} */ (document.querySelector('article-diff')).changeCount);
      assert.deepEqual([before, afterCount], [2, 1]);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: Hide formatting and Hide cosmetic: the summary stops counting them, a fold says it holds them`, async () => {
      await elementPage('format="html"');
      const formatting = hiddenFormattingFoldPair();
      await run(drawTexts, [formatting.oldText, formatting.newText]);
      assert.match((await run0(readShown)).summary, /2 formatting/);
      await click('[part="formatting-toggle"] input');
      const hidden = await run0(readShown);
      assert.doesNotMatch(hidden.summary, /formatting/, 'the hidden formatting changes are not counted as shown');
      assert.match(hidden.summary, /\+1 word/);
      assert.match(await run(shadowTexts, '[part="formatting-toggle"]').then((t) => t[0]), /2 formatting changes/);
      assert.deepEqual(hidden.folds, ['9 unchanged paragraphs, 2 paragraphs with hidden formatting changes']);
      await click('.fold-bar button');
      assert.deepEqual((await run0(readShown)).folds, ['Fold 11 paragraphs']);

      await elementPage();
      const cosmetic = hiddenCosmeticFoldPair();
      await run(drawTexts, [cosmetic.oldText, cosmetic.newText]);
      assert.deepEqual((await run0(readShown)).folds, ['6 unchanged paragraphs']);
      await click('.cosmetic-toggle input');
      assert.deepEqual((await run0(readShown)).folds, ['10 unchanged paragraphs, 1 paragraph with hidden cosmetic changes']);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: Expand all, Fold all and Only changes`, async () => {
      await elementPage();
      const {oldText, newText} = await readFixtures();
      await run(drawTexts, [oldText, newText]);
      const shown = () => run(countShadow, '.row:not(.fold-rows[hidden] .row)');
      const total = await run0(() => /** @type {any} */ (document.querySelector('article-diff')).model.rowCount);
      const folded = await shown();
      assert.ok(folded < total, 'the seed pair folds some rows');
      await click('[part="fold-all"]');
      assert.equal(await shown(), total, 'Expand all shows every row');
      assert.deepEqual(await run(shadowTexts, '[part="fold-all"]'), ['Fold all']);
      await click('[part="fold-all"]');
      assert.equal(await shown(), folded, 'Fold all folds them again');
      await click('[part="only-changes-toggle"] input');
      assert.equal(await run0(() => document.querySelector('article-diff')?.hasAttribute('only-changes')), true);
      assert.equal(await run(countShadow, '.row.equal:not(.fold-rows[hidden] .row)'), 0, 'only changes: no unchanged paragraph is shown');
      assert.ok(await shown() < folded);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: keyboard focus is never hidden under the sticky toolbar`, async () => {
      await elementPage();
      const {oldText, newText} = shuffledPair(30, 3, 25);
      await run(drawTexts, [oldText, newText]);
      await run0(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const links = /** @type {NodeListOf<HTMLElement>} */ (document.querySelector('article-diff')?.shadowRoot?.querySelectorAll('.move-link'));
        links[links.length - 1].focus();
      });
      const hidden = [];
      for (let i = 0; i < 20; i++) {
        await driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
        const place = await run0(focusAgainstToolbar);
        if (place && place.top < place.barBottom - 1) hidden.push(place);
      }
      assert.deepEqual(hidden, []);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: current-change on load goes to that change and follows the reader`, async () => {
      await elementPage('current-change="change-5"');
      await run0(() => {
        /** @type {any} */ (window).__navigated = [];
        document.addEventListener('article-diff-navigate', (e) => /** @type {any} */ (window).__navigated.push(/** @type {CustomEvent} */ (e).detail.id));
      });
      const {oldText, newText} = await readFixtures();
      await run(drawTexts, [oldText, newText]);
      await run0(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
      const state = await run(currentChange, 'change-5');
      assert.equal(state.ids, state.count, 'one id per change');
      assert.deepEqual({current: state.current, inView: state.inView, marked: state.marked}, {current: 'change-5', inView: true, marked: true}, JSON.stringify(state));
      assert.ok(state.focused, 'a link followed on load does not take the keyboard');
      await click('[part="next"]');
      assert.equal(await run0(() => document.querySelector('article-diff')?.getAttribute('current-change')), 'change-6');
      assert.deepEqual((await run0(() => /** @type {string[]} */ (/** @type {any} */ (window).__navigated))).filter(Boolean), ['change-5', 'change-6']);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: the rows are a table with labelled cells; whitespace changes are said as words`, async () => {
      await elementPage();
      await run(drawTexts, [WHITESPACE_PAIR.oldText, WHITESPACE_PAIR.newText]);
      assertTableSemantics(await run0(tableSemantics));
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: texts that share little are said to, shown one after the other, and can still be aligned`, async () => {
      await elementPage();
      const {oldText, newText} = unrelatedPair();
      await run(drawTexts, [oldText, newText]);
      assertUnrelatedShown(await run0(unrelatedShown));
      await click('[part="notice-action"]');
      await ready();
      assert.equal(await run(countShadow, '.part-heading'), 0);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: hostile strings in plain texts and labels are drawn literally and never run`, async () => {
      await elementPage();
      await run(setLabels, [HOSTILE_STRINGS[0], HOSTILE_LABEL]);
      await run(drawTexts, [`Intro.\n\n${HOSTILE_STRINGS[0]}\n\n${HOSTILE_STRINGS[1]}\n`, `Intro.\n\n${HOSTILE_STRINGS[2]}\n\n${HOSTILE_STRINGS[3]}\n`]);
      assertHostileTextsLiteral(await run0(hostileTextsOutcome));
      // Hover what was drawn: still nothing runs.
      const drawnTexts = /** @type {import('selenium-webdriver').WebElement[]} */ (await driver.executeScript(
        'return [...document.querySelector("article-diff").shadowRoot.querySelectorAll(".row .text, .heading")].filter((e) => e.getClientRects().length)'));
      assert.ok(drawnTexts.length >= 4, `${drawnTexts.length} texts drawn`);
      for (const text of drawnTexts) await driver.actions().move({origin: text}).perform();
      assert.equal((await run0(hostileTextsOutcome)).pwned, null);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: Inline interleaves deletions before insertions, without a new diff; Side by side goes back`, async () => {
      await elementPage();
      await run(drawTexts, ['The quick brown fox jumps.\n\nSecond paragraph stays.\n', 'The slow brown fox jumps.\n\nSecond paragraph stays.\n']);
      await run0(() => {
        const page = /** @type {any} */ (window);
        page.__diffs = 0;
        document.querySelector('article-diff')?.addEventListener('diff', () => page.__diffs++);
      });
      await (await shadowButton('Inline')).click();
      await ready();
      assert.equal(await run0(() => document.querySelector('article-diff')?.getAttribute('view')), 'inline');
      assert.deepEqual([await run(countShadow, '.cell.old'), await run(countShadow, '.cell.inline')], [0, 2]);
      assert.deepEqual(await run0(inlineSequence), ['#text:The ', 'DEL:quick', 'INS:slow', '#text: brown fox jumps.']);
      assert.equal(await run(countShadow, '.cell.inline ins.apart'), 1);
      await (await shadowButton('Side by side')).click();
      await ready();
      assert.equal(await run(countShadow, '.cell.old'), 2);
      assert.equal(await run0(() => /** @type {any} */ (window).__diffs), 0, 'changing the view does not diff again');
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: old-src/new-src load; a text set during a load wins; a failed load shows an error and keeps the last diff`, async () => {
      await elementPage('old-src="/fixtures/old.txt" new-src="/fixtures/new.txt" old-label="Revision of 19 March 2021" new-label="Current"');
      await ready();
      assert.ok(await run(countShadow, '.row') > 0);
      assert.deepEqual(await run(shadowTexts, '.heading'), ['Revision of 19 March 2021', 'Current']);
      assert.equal(await run0(typedWhileLoading), 'Typed by the editor while the file loaded.');
      const drawn = await run(countShadow, '.row');
      const error = await run0(failedLoad);
      assert.match(error, /missing-revision\.txt.*404/);
      assert.deepEqual(await run0(errorShown), {hidden: false, text: error});
      assert.equal(await run(countShadow, '.row'), drawn, 'the last good diff stays');
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: the theme attribute sets the colours, and a page restyles through the public custom properties`, async () => {
      await elementPage();
      await run(drawTexts, ['A cat sat.', 'A black cat sat.']);
      await theme('dark');
      assert.deepEqual(await run0(colours), {ins: 'rgb(29, 90, 47)', host: 'rgb(15, 19, 24)'});
      await theme('light');
      assert.deepEqual(await run0(colours), {ins: 'rgb(200, 240, 209)', host: 'rgb(255, 255, 255)'});
      await run0(() => /** @type {HTMLElement} */ (document.querySelector('article-diff')).style.setProperty('--article-diff-ins-bg', 'rgb(1, 2, 3)'));
      assert.equal((await run0(colours)).ins, 'rgb(1, 2, 3)');
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: properties set before the element is defined are kept on upgrade; define() twice is harmless`, async () => {
      await elementPage();
      assert.deepEqual(await run0(lateUpgrade), {upgraded: true, ins: ['black ']});
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: a folded unchanged run expands on a click`, async () => {
      await elementPage();
      const {oldText, newText} = foldPair();
      await run(drawTexts, [oldText, newText]);
      const shownRows = () => run(countShadow, '.row:not(.fold-rows[hidden] .row)');
      assert.deepEqual(await run(shadowTexts, '.collapsed').then((t) => t.map((s) => s.trim())), ['10 unchanged paragraphs']);
      assert.equal(await shownRows(), 2);
      await click('.collapsed');
      assert.equal(await shownRows(), 12);
      assert.equal(await run(countShadow, '.collapsed'), 0);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: one \`diff\` event per new diff, with the stats, out of the shadow root`, async () => {
      await elementPage();
      const events = await run0(diffEventsOfOneUpdate);
      assert.equal(events.length, 1);
      assert.equal(events[0].detail.wordsInserted, 1);
      assert.equal(events[0].composed, true);
      assert.deepEqual(await run0(pageProblems), []);
    });

    test(`${name}: keyboard: Tab into the element, n/p and j/k step through changes, with a counter`, async () => {
      await elementPage();
      const {oldText, newText} = await readFixtures();
      await run(drawTexts, [oldText, newText]);
      const total = await run0(() => /** @type {any} */ (document.querySelector('article-diff')).changeCount);
      assert.ok(total >= 3, `the seed pair has several changes (${total})`);
      const counter = () => run(shadowTexts, '.counter').then((t) => t[0]);
      assert.equal(await counter(), `${total} changes`);
      await press(Key.TAB);
      assert.equal(await run0(() => document.activeElement?.tagName), 'ARTICLE-DIFF');
      /** @type {[string, number][]} */
      const steps = [['n', 1], ['n', 2], ['j', 3], ['k', 2], ['p', 1], ['p', total]];
      for (const [key, at] of steps) {
        await press(key);
        assert.equal(await counter(), `${at} of ${total}`, `after ${key}`);
      }
      const current = await run0(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('article-diff')?.shadowRoot);
        const box = /** @type {Element} */ (root.querySelector('.row.current')).getBoundingClientRect();
        return {inView: box.top >= 0 && box.top < innerHeight, marker: root.querySelector('.minimap canvas')?.getAttribute('data-current')};
      });
      assert.deepEqual(current, {inView: true, marker: String(total - 1)});
      await click('.nav[part="next"]');
      assert.equal(await counter(), `1 of ${total}`);
      assert.deepEqual(await run0(pageProblems), []);
    });

    for (const [pairName, attributes] of [['seed', ''], ['html', 'format="html"']]) {
      test(`${name}: axe-core finds no violation: the ${pairName} pair, light and dark, with its legend open`, async () => {
        for (const scheme of /** @type {const} */ (['light', 'dark'])) {
          await elementPage(attributes);
          await run0(embedInMain);
          const {oldText, newText} = pairName === 'html' ? AUDIT_HTML_PAIR : await readFixtures();
          await run(drawTexts, [oldText, newText]);
          if (pairName === 'html') assertDrawnAsHtml(await run0(drawnAsHtml));
          await theme(scheme);
          await click('[part="legend-toggle"]');
          await click('[part="next"]');
          await run0(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
          // Before the audit: axe sets inline styles of its own, which the strict CSP reports.
          assert.deepEqual(await run0(pageProblems), []);
          await shot(`axe-${pairName}-${scheme}`);
          await driver.executeScript(await axeSource);
          assert.deepEqual(await run0(axeViolations), [], `${scheme}`);
        }
      });
    }
  });
}
