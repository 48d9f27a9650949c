// @ts-check
// The MediaWiki extension (integrations/mediawiki/ArticleDiff/) in Debian's MediaWiki 1.39:
// installed with maintenance/install.php on SQLite in a temp folder, served by `php -S` on
// 127.0.0.1, the extension loaded, and its diff pages read as a logged-in editor sees them in
// headless Chromium, and in Firefox and WebKit over WebDriver.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {appendFile, cp, mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, test} from 'node:test';

import {firefoxEsr, viewScreenshot, webkitGtk} from '../package/browsers.mjs';

import {expected, mediawikiHostileRevisions, mediawikiRevisions} from './article.mjs';
import {DESKTOP, PHONE, ROOT, cmsSuite, phpString, screenshotDir} from './harness.mjs';
import {startPhpServer} from './php-server.mjs';
import {freePort, run} from './processes.mjs';
import {assertInert, assertMoveLinked, assertWordEdits, drawnDiff, readDiff, watchForScript} from './reader.mjs';
import {
  DEFAULT_STRINGS, STRING_KEYS, dataBlockStrings, englishProblems, entryPlaceholders, keyProblems, placeholders,
} from './strings.mjs';

const MEDIAWIKI = '/usr/share/mediawiki';
const EXTENSION = path.join(ROOT, 'integrations/mediawiki/ArticleDiff');
const password = () => randomBytes(12).toString('hex');
const EDITOR = {name: 'Eddie', password: password(), groups: []};
const AUTHOR = {name: 'Alice', password: password(), groups: []};

/**
 * @type {{server?: import('./php-server.mjs').PhpServer, context?: import('playwright-core').BrowserContext,
 *   pages?: Record<string, {title: string, revisions: number[]}>}}
 */
const mw = {};

const env = cmsSuite('MediaWiki', {
  integration: 'integrations/mediawiki/ArticleDiff/lib/article-diff',
  async start({tmp, browser}) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const settings = path.join(tmp, 'LocalSettings.php');
    await mkdir(path.join(tmp, 'db'));
    await run('php', [path.join(MEDIAWIKI, 'maintenance/install.php'), '--dbtype=sqlite', `--dbpath=${path.join(tmp, 'db')}`,
      '--dbname=wiki', `--confpath=${tmp}`, `--server=${url}`, '--scriptpath=', '--lang=en', '--skins=Vector',
      `--pass=${password()}`, 'article-diff test wiki', 'Admin'], {timeoutMs: 300_000});

    // The extension installed as a user would: its folder, element included, in extensions/.
    const extensions = path.join(tmp, 'extensions');
    await cp(EXTENSION, path.join(extensions, 'ArticleDiff'), {recursive: true});
    await appendFile(settings, [
      '',
      '# article-diff CMS suite (tests/cms/mediawiki.test.mjs)',
      `$wgExtensionDirectory = ${phpString(extensions)};`,
      "$wgExtensionAssetsPath = '/extensions';",
      "wfLoadExtension( 'ArticleDiff' );",
      "$wgDefaultSkin = 'vector-2022';",
      // Debian's other skins; Minerva is MediaWiki's phone skin (Vector is a desktop skin in 1.39).
      "wfLoadSkin( 'MonoBook' );", "wfLoadSkin( 'Timeless' );", "wfLoadSkin( 'MinervaNeue' );",
      `$wgCacheDirectory = ${phpString(path.join(tmp, 'cache'))};`,
      `$wgUploadDirectory = ${phpString(path.join(tmp, 'images'))};`,
      // MediaWiki's own Content-Security-Policy (nonces on its scripts): the element must load under it.
      '$wgCSPHeader = true;',
      // Errors are failures of the suite: shown in the page and logged where the last test reads
      // them, exceptions and PHP's warnings apart.
      '$wgShowExceptionDetails = true;',
      `$wgDebugLogGroups['exception'] = ${phpString(path.join(tmp, 'exception.log'))};`,
      `$wgDebugLogGroups['error'] = ${phpString(path.join(tmp, 'error.log'))};`,
      '',
    ].join('\n'));

    const mwEnv = {MW_CONFIG_FILE: settings, MW_INSTALL_PATH: MEDIAWIKI};
    const [article, hostile] = [mediawikiRevisions(), mediawikiHostileRevisions()];
    const seed = await run('php', [path.join(ROOT, 'tests/cms/mediawiki/seed.php')], {
      env: mwEnv,
      input: JSON.stringify({
        users: [EDITOR, AUTHOR],
        pages: [
          {key: 'article', title: 'Harbour plan', revisions: article, authors: ['Alice', 'Eddie', 'Alice'], timestamps: days(3)},
          {key: 'hostile', title: 'Hostile revision', revisions: hostile, authors: ['Alice', 'Alice'], timestamps: days(2)},
        ],
      }),
    });
    mw.pages = JSON.parse(seed.stdout).pages;

    mw.server = await startPhpServer({docroot: MEDIAWIKI, port, staticPrefix: '/extensions/', staticDir: extensions, env: mwEnv});
    mw.context = await browser.newContext({viewport: DESKTOP, reducedMotion: 'reduce'});
    const page = await mw.context.newPage();
    await page.goto(`${url}/index.php?title=Special:UserLogin`);
    await page.fill('#wpName1', EDITOR.name);
    await page.fill('#wpPassword1', EDITOR.password);
    await Promise.all([page.waitForURL((u) => !u.search.includes('UserLogin')), page.click('#wpLoginAttempt')]);
    await page.close();
  },
  async stop() {
    await mw.context?.close();
    await mw.server?.stop();
  },
});

/**
 * Times of `n` revisions a day and a few hours apart, from 19 March 2024 09:12 UTC.
 * @param {number} n
 */
function days(n) {
  return Array.from({length: n}, (_, i) => Date.UTC(2024, 2, 19, 9, 12) / 1000 + i * (86400 + 5 * 3600 + 18 * 60));
}

/** @param {string} key @param {number} n 1-based */
const revision = (key, n) => /** @type {NonNullable<typeof mw.pages>} */ (mw.pages)[key].revisions[n - 1];

/** An inserted word's background in the element's light and dark tints. */
const LIGHT_INS = 'rgb(200, 240, 209)';
const DARK_INS = 'rgb(29, 90, 47)';

/** A stand-in for a skin that declares a dark colour scheme (MediaWiki 1.39's declare none). */
const DARK_SKIN = `:root { color-scheme: dark; }
html, body, .mw-page-container, .mw-body, #content, #mw-head, #mw-panel, .vector-header-container, table.diff, .diff-title {
  background: #101418 !important; color: #eaecf0 !important; }
a { color: #88a3e8 !important; }
h1, h2, .firstHeading, .mw-body h2 { color: #eaecf0 !important; }
td.diff-addedline, td.diff-deletedline, td.diff-context { background: #202122 !important; color: #eaecf0 !important; }
td .diffchange { color: #202122 !important; }`;

/**
 * The background of the first inserted word the element draws.
 * @param {import('playwright-core').Page} page
 */
const insertedColour = (page) => page.evaluate(() => {
  const ins = /** @type {any} */ (document.querySelector('article-diff')).shadowRoot.querySelector('[part~="ins"]');
  return getComputedStyle(ins).backgroundColor;
});

/**
 * Opens a diff page as the editor.
 * @param {string} query e.g. `diff=3&oldid=2`
 */
async function openDiff(query) {
  const page = await /** @type {import('playwright-core').BrowserContext} */ (mw.context).newPage();
  const watch = watchForScript(page);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // CSP violations (ours would stop the element) are reported on the console.
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${mw.server?.url}/index.php?${query}`);
  return {page, watch, errors};
}

/**
 * A screenshot of the page at desktop width, tall enough to show the table diff under the
 * comparison (a full-page screenshot would leave rows that are skipped off screen blank).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function screenshotTall(page, name) {
  await page.setViewportSize({width: DESKTOP.width, height: 1500});
  await readDiff(page);
  await page.screenshot({path: path.join(screenshotDir, name)});
  await page.setViewportSize(DESKTOP);
}

/**
 * Sets the extension's preference through Special:Preferences, as the editor would, and checks
 * it was saved.
 * @param {'above'|'replace'|'off'} value
 */
async function setPreference(value) {
  const page = await /** @type {import('playwright-core').BrowserContext} */ (mw.context).newPage();
  const url = `${mw.server?.url}/index.php?title=Special:Preferences#mw-prefsection-rendering`;
  const radio = `input[name="wparticlediff-view"][value="${value}"]`;
  await page.goto(url);
  await page.check(radio);
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('Preferences')),
    page.click('#prefcontrol button'),
  ]);
  await page.waitForLoadState('load');
  await page.goto(url);
  assert.ok(await page.isChecked(radio), `the preference is saved as "${value}"`);
  await page.close();
}

/** The table diff's own rows (deleted, added and context lines). */
const tableRows = (/** @type {import('playwright-core').Page} */ page) =>
  page.locator('table.diff td.diff-deletedline, table.diff td.diff-addedline, table.diff td.diff-context').count();

describe('MediaWiki: diff pages', () => {
  test('revisions 1 → 2: the edited words, above the table diff, labelled with the revision headers', async () => {
    const {page, errors} = await openDiff(`title=Harbour_plan&diff=${revision('article', 2)}&oldid=${revision('article', 1)}`);
    const drawn = await readDiff(page);
    assertWordEdits(drawn, expected);
    assert.equal(drawn.labels[0], 'Revision as of 09:12, 19 March 2024 by Alice');
    assert.equal(drawn.labels[1], 'Revision as of 14:30, 20 March 2024 by Eddie');
    assert.equal(await page.getAttribute('article-diff', 'theme'), 'page', 'the theme follows the skin around it');
    assert.equal(await page.getAttribute('article-diff', 'format'), 'text', 'wikitext is compared as text');
    // Right under the revision headers, and the table's own rows after it.
    const order = await page.evaluate(() => [...document.querySelectorAll('table.diff tr')].slice(0, 3).map((tr) => tr.className));
    assert.deepEqual(order.slice(0, 2), ['diff-title', 'mw-articlediff-row']);
    assert.ok(await tableRows(page) > 0, 'the table diff is still there');
    assert.deepEqual(errors, []);
    await screenshotTall(page, 'mediawiki-diff.png');
    await page.close();
  });

  test('at phone width, in MediaWiki\'s phone skin (Minerva)', async () => {
    const {page, errors} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}&useskin=minerva`);
    await page.setViewportSize(PHONE);
    assertWordEdits(await readDiff(page), expected);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no sideways scrolling (page width ${width})`);
    // Minerva scrolls the wide table sideways; the comparison keeps within what the table shows.
    const box = await page.evaluate(() => {
      const table = /** @type {HTMLElement} */ (document.querySelector('table.diff'));
      const diff = /** @type {HTMLElement} */ (document.querySelector('article-diff')).getBoundingClientRect();
      const shown = table.getBoundingClientRect();
      return {diff: [diff.left, diff.right], shown: [shown.left, shown.left + table.clientWidth]};
    });
    assert.ok(box.diff[0] >= box.shown[0] && box.diff[1] <= box.shown[1] && box.diff[1] <= PHONE.width,
      `the comparison fits the screen (${JSON.stringify(box)})`);
    assert.deepEqual(errors, []);
    // Rows below the fold are drawn when scrolled to (content-visibility): show what a phone shows,
    // from the revision headers down.
    await page.locator('table.diff').evaluate((el) => el.scrollIntoView());
    await page.screenshot({path: path.join(screenshotDir, 'mediawiki-diff-phone.png')});
    await page.close();
  });

  test('in every skin Debian ships, the comparison is drawn inside the diff table', async () => {
    for (const skin of ['vector', 'monobook', 'timeless', 'minerva']) {
      const {page, errors} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}&useskin=${skin}`);
      assertWordEdits(await readDiff(page), expected);
      const fits = await page.evaluate(() => {
        const table = /** @type {HTMLElement} */ (document.querySelector('table.diff')).getBoundingClientRect();
        const diff = /** @type {HTMLElement} */ (document.querySelector('article-diff')).getBoundingClientRect();
        return {table: [table.left, table.right], diff: [diff.left, diff.right]};
      });
      const [tableWidth, diffWidth] = [fits.table[1] - fits.table[0], fits.diff[1] - fits.diff[0]];
      assert.ok(fits.diff[0] >= fits.table[0] - 1 && fits.diff[1] <= fits.table[1] + 1 && diffWidth > tableWidth * 0.8,
        `${skin}: the comparison spans the table's width, within it (${JSON.stringify(fits)})`);
      assert.deepEqual(errors, [], skin);
      await page.close();
    }
  });

  test('on a dark system the comparison stays light like the skin; under a skin that declares dark it is dark', async () => {
    const {page, errors} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}`);
    await page.emulateMedia({colorScheme: 'dark'});
    await readDiff(page);
    assert.equal(await insertedColour(page), LIGHT_INS, 'the skin declares no dark scheme, so neither does the element');
    // What a dark skin or gadget (Vector 2022's night mode, from MediaWiki 1.43) does: declare it and colour the page.
    await page.addStyleTag({content: DARK_SKIN});
    assert.equal(await insertedColour(page), DARK_INS);
    const background = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector('article-diff'))).backgroundColor);
    assert.equal(background, 'rgb(16, 20, 24)', 'on the dark page colour');
    await screenshotTall(page, 'mediawiki-diff-dark.png');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the interface\'s words are the extension\'s messages in the reader\'s language, plural forms and numbers', async () => {
    // uselang=qqx shows every message by its key: each word of the interface is a message.
    let {page, errors} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}&uselang=qqx`);
    await readDiff(page);
    const keys = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      const text = (/** @type {string} */ part) => [...el.shadowRoot.querySelectorAll(`[part~="${part}"]`)].map((n) => (n.textContent ?? '').trim()).join('|');
      const before = text('counter');
      el.next();
      return {prev: text('prev'), view: text('view-switch'), before, after: text('counter'), changes: el.changeCount};
    });
    assert.match(keys.prev, /\(articlediff-ui-previous\)/);
    assert.match(keys.view, /\(articlediff-ui-side-by-side\).*\(articlediff-ui-inline\)/);
    assert.equal(keys.before, `(articlediff-ui-change-count: ${keys.changes})`);
    assert.equal(keys.after, `(articlediff-ui-counter: 1, ${keys.changes})`);
    assert.deepEqual(errors, []);
    await page.close();

    // In Polish (English messages, as the extension has no Polish yet): Polish plural categories
    // and numbers, MediaWiki's {{PLURAL}} choosing each category's form.
    ({page, errors} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}&uselang=pl`));
    const drawn = await readDiff(page);
    const polish = await page.evaluate(() => /** @type {any} */ (document.querySelector('article-diff')).strings);
    assert.equal(polish.locale, 'pl');
    assert.deepEqual(Object.keys(polish.changeCount).sort(), ['few', 'many', 'one', 'other']);
    assert.equal(polish.changeCount.one, '{n} change');
    assert.equal(polish.changeCount.few, '{n} changes');
    assert.ok(drawn.inserted.length > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the data block holds every string of the element and no other: in English its very text, each a message with its placeholders', async () => {
    const query = `diff=${revision('article', 2)}&oldid=${revision('article', 1)}`;
    let {page, errors} = await openDiff(`${query}&uselang=en`);
    await readDiff(page);
    const english = await dataBlockStrings(page);
    assert.equal(english.locale, 'en');
    assert.deepEqual(englishProblems(english), []);
    assert.deepEqual(errors, []);
    await page.close();

    // uselang=qqx renders each message as "(its-key: $1, $2…)": every string is a message, and
    // its parameters are exactly the element's placeholders.
    ({page, errors} = await openDiff(`${query}&uselang=qqx`));
    await readDiff(page);
    const keys = await dataBlockStrings(page);
    assert.deepEqual(keyProblems(keys), []);
    /** @type {string[]} */
    const problems = [];
    for (const key of STRING_KEYS) {
      const value = /** @type {string | Record<string, string>} */ (keys[key]);
      for (const form of typeof value === 'string' ? [value] : Object.values(value)) {
        if (!/^\(articlediff-ui-[a-z-]+(: .*)?\)$/s.test(form)) problems.push(`${key}: ${JSON.stringify(form)} is not a message`);
        else if (placeholders(form).join() !== entryPlaceholders(DEFAULT_STRINGS[key]).join()) {
          problems.push(`${key}: ${JSON.stringify(form)} does not pass the element's placeholders`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('revisions 2 → 3: the moved paragraph linked at both ends, the new link target drawn', async () => {
    const {page, errors} = await openDiff(`diff=${revision('article', 3)}&oldid=${revision('article', 2)}`);
    const drawn = await readDiff(page);
    await assertMoveLinked(page, drawn, expected);
    // Wikitext is plain text: the link's target is a word change there.
    assert.ok(drawn.inserted.some((text) => text.includes('2024')), `the new target is drawn as inserted: ${JSON.stringify(drawn.inserted)}`);
    assert.match(drawn.labels[1], /^Latest revision as of .+ by Alice$/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('revisions 1 → 3 at once, and the first revision against nothing', async () => {
    let {page} = await openDiff(`diff=${revision('article', 3)}&oldid=${revision('article', 1)}`);
    let drawn = await readDiff(page);
    assertWordEdits(drawn, expected);
    await assertMoveLinked(page, drawn, expected);
    await page.close();

    ({page} = await openDiff(`oldid=${revision('article', 1)}&diff=prev`));
    drawn = await readDiff(page);
    assert.equal(drawn.labels[0], 'No earlier revision');
    assert.ok(drawn.inserted.some((text) => text.includes('Tuesday')), 'the whole first revision is inserted');
    await page.close();
  });

  test('the preference "instead of the table diff" leaves the table\'s rows out; a link brings them back', async () => {
    await setPreference('replace');

    const {page: diff, errors} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}`);
    assertWordEdits(await readDiff(diff), expected);
    assert.equal(await tableRows(diff), 0, 'no table rows');
    assert.equal(await diff.locator('table.diff .diff-title').count(), 1, 'the revision headers stay');
    await screenshotTall(diff, 'mediawiki-diff-replace.png');
    await Promise.all([diff.waitForURL(/articlediff=above/), diff.getByRole('link', {name: 'Show the table diff too'}).click()]);
    assert.ok(await tableRows(diff) > 0, 'the table rows are back');
    assertWordEdits(await readDiff(diff), expected);
    assert.deepEqual(errors, []);
    await diff.close();

    // Back to the default for the other tests.
    await setPreference('above');
  });

  test('?articlediff=off leaves MediaWiki\'s own diff as it was', async () => {
    const {page} = await openDiff(`diff=${revision('article', 2)}&oldid=${revision('article', 1)}&articlediff=off`);
    await page.waitForSelector('table.diff');
    assert.equal(await page.locator('article-diff').count(), 0);
    assert.ok(await tableRows(page) > 0);
    await page.close();
  });

  test('a hostile revision renders inert', async () => {
    const {page, watch} = await openDiff(`diff=${revision('hostile', 2)}&oldid=${revision('hostile', 1)}`);
    const drawn = await readDiff(page);
    assert.equal(drawn.error, '');
    assert.ok(drawn.inserted.some((text) => text.includes('onerror')), 'the markup is drawn as the characters it is');
    await assertInert(page, watch, '.mw-articlediff');
    await page.close();
  });

  for (const [name, start] of /** @type {const} */ ([['Firefox', firefoxEsr], ['WebKit', webkitGtk]])) {
    test(`in ${name}: the editor logs in; the edited words and the move linked at both ends, under MediaWiki's CSP`, async () => {
      const browser = await start();
      try {
        const url = /** @type {import('./php-server.mjs').PhpServer} */ (mw.server).url;
        const driver = /** @type {import('selenium-webdriver').WebDriver} */ (browser.driver);
        await driver.manage().window().setRect({width: DESKTOP.width, height: DESKTOP.height});
        const login = await browser.open(`${url}/index.php?title=Special:UserLogin`);
        await login.run(([user, password]) => {
          /** @type {HTMLInputElement} */ (document.querySelector('#wpName1')).value = user;
          /** @type {HTMLInputElement} */ (document.querySelector('#wpPassword1')).value = password;
          // After the script has answered: the form's submission leaves the page.
          setTimeout(() => /** @type {HTMLElement} */ (document.querySelector('#wpLoginAttempt')).click());
        }, [EDITOR.name, EDITOR.password]);
        await driver.wait(async () => !(await driver.getCurrentUrl()).includes('UserLogin'), 30_000);

        let page = await browser.open(`${url}/index.php?title=Harbour_plan&diff=${revision('article', 2)}&oldid=${revision('article', 1)}`);
        let drawn = await page.run(drawnDiff, 'article-diff');
        assertWordEdits(drawn, expected);
        assert.equal(drawn.labels[1], 'Revision as of 14:30, 20 March 2024 by Eddie');
        await page.run(() => document.querySelector('article-diff')?.scrollIntoView(), null);
        await writeFile(path.join(screenshotDir, `mediawiki-diff-${name.toLowerCase()}.png`), await viewScreenshot(driver, null), 'base64');

        page = await browser.open(`${url}/index.php?diff=${revision('article', 3)}&oldid=${revision('article', 2)}`);
        drawn = await page.run(drawnDiff, 'article-diff');
        await assertMoveLinked(page, drawn, expected);
      } finally {
        await browser.close();
      }
    });
  }

  test('MediaWiki logged no exception, and PHP no warning from the extension', async () => {
    const exceptions = await readFile(path.join(env.tmp, 'exception.log'), 'utf8').catch(() => '');
    assert.equal(exceptions, '');
    // PHP's warnings, each an entry that starts with its date and carries its stack: those whose
    // stack passes through the extension. MediaWiki's own are not the extension's to answer for
    // (with the server's four workers, its SQLite lock files race: `unlink(…/locks/….lock)`).
    const errors = await readFile(path.join(env.tmp, 'error.log'), 'utf8').catch(() => '');
    const ours = errors.split(/^(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d )/m).filter((entry) => /ArticleDiff/.test(entry));
    assert.deepEqual(ours, []);
    const output = mw.server?.output() ?? '';
    assert.deepEqual(output.split('\n').filter((line) => /\[5\d\d\]:|PHP Fatal/.test(line)
      || (/PHP (Warning|Notice|Deprecated)/.test(line) && /ArticleDiff/.test(line))), []);
  });
});
