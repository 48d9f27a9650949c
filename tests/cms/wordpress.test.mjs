// @ts-check
// The WordPress plugin (integrations/wordpress/article-diff/) in Debian's WordPress 6.1: a private
// MariaDB in a temp folder, WordPress installed through wp_install(), served by `php -S` on
// 127.0.0.1, the plugin activated, and its revisions screen read as a logged-in editor sees it
// in headless Chromium, and in Firefox and WebKit over WebDriver.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {cp, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, test} from 'node:test';

import {until} from 'selenium-webdriver';

import {firefoxEsr, viewScreenshot, webkitGtk} from '../package/browsers.mjs';

import {
  HOSTILE_NAME, expected, wordpressClassicRevisions, wordpressHostileRevisions, wordpressRevisions,
} from './article.mjs';
import {DESKTOP, PHONE, ROOT, cmsSuite, phpString, screenshotDir} from './harness.mjs';
import {startMariadb} from './mariadb.mjs';
import {startPhpServer} from './php-server.mjs';
import {freePort, run} from './processes.mjs';
import {
  assertInert, assertLinkFormatting, assertMoveLinked, assertWordEdits, drawnDiff, readDiff, watchForScript,
} from './reader.mjs';
import {dataBlockStrings, englishProblems, keyProblems, placeholderProblems} from './strings.mjs';

const WORDPRESS = '/usr/share/wordpress';
const PLUGIN = path.join(ROOT, 'integrations/wordpress/article-diff');
const EDITOR = {login: 'eddie', password: randomBytes(12).toString('hex'), email: 'eddie@example.org', name: 'Eddie Editor'};
const ADMIN = {login: 'admin', password: randomBytes(12).toString('hex'), email: 'admin@example.org'};

/**
 * @type {{db?: import('./mariadb.mjs').Mariadb, server?: import('./php-server.mjs').PhpServer,
 *   configFile?: string, made?: {posts: Record<string, {id: number, revisions: number[]}>, users: Record<string, number>},
 *   context?: import('playwright-core').BrowserContext}}
 */
const wp = {};

const env = cmsSuite('WordPress', {
  integration: 'integrations/wordpress/article-diff/lib/article-diff',
  async start({tmp, browser}) {
    wp.db = await startMariadb(path.join(tmp, 'db'));
    const dbPassword = randomBytes(12).toString('hex');
    await wp.db.query(`CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${dbPassword}';
      GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`);

    // The plugin installed as a user would: its folder, element included, in wp-content/plugins.
    const content = path.join(tmp, 'wp-content');
    await mkdir(path.join(content, 'themes'), {recursive: true});
    await mkdir(path.join(content, 'uploads'), {recursive: true});
    await cp(PLUGIN, path.join(content, 'plugins/article-diff'), {recursive: true});
    // A Polish translation of a few of the plugin's strings, for requests that ask for it.
    await mkdir(path.join(content, 'mu-plugins'), {recursive: true});
    await cp(path.join(ROOT, 'tests/cms/wordpress/l10n-test.php'), path.join(content, 'mu-plugins/article-diff-l10n-test.php'));

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Debian's wp-config.php reads /etc/wordpress/config-NAME.php; NAME is ours alone and the
    // file goes in `stop`.
    const name = `article-diff-test-${process.pid}`;
    wp.configFile = `/etc/wordpress/config-${name}.php`;
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    const constants = {
      DB_NAME: 'wordpress', DB_USER: 'wordpress', DB_PASSWORD: dbPassword, DB_HOST: `localhost:${wp.db.socket}`,
      WP_HOME: url, WP_SITEURL: url, WP_CONTENT_DIR: content, WP_CONTENT_URL: `${url}/wp-content`,
      WP_DEBUG_LOG: path.join(tmp, 'debug.log'),
      ...Object.fromEntries(salts.map((key) => [key, randomBytes(32).toString('hex')])),
    };
    const config = ['<?php', '// article-diff CMS suite (tests/cms/wordpress.test.mjs); removed when the suite ends.',
      ...Object.entries(constants).map(([key, value]) => `define('${key}', ${phpString(value)});`),
      "define('WP_DEBUG', true);", "define('WP_DEBUG_DISPLAY', false);",
      // A closed network: no update checks, no loopback cron requests.
      "define('WP_HTTP_BLOCK_EXTERNAL', true);", "define('DISABLE_WP_CRON', true);", "define('AUTOMATIC_UPDATER_DISABLED', true);",
      ''].join('\n');
    await writeFile(wp.configFile, config, {mode: 0o640}).catch((error) => {
      throw new Error(`cannot write ${wp.configFile} (the suite needs root, as ./run test has): ${error.message}`);
    });

    const [block, classic, hostile] = [wordpressRevisions(), wordpressClassicRevisions(), wordpressHostileRevisions()];
    const input = {
      title: 'article-diff test site', admin: ADMIN, editor: EDITOR, plugin: 'article-diff/article-diff.php',
      posts: [
        {key: 'block', title: expected.title, revisions: block, authors: ['admin', 'eddie', 'admin']},
        {key: 'classic', title: 'Harbour plan (classic editor)', revisions: classic, authors: ['admin', 'eddie']},
        {key: 'hostile', title: 'Hostile revision', revisions: hostile, authors: ['admin', 'admin']},
      ],
      hostileName: HOSTILE_NAME,
    };
    const setup = await run('php', [path.join(ROOT, 'tests/cms/wordpress/setup.php')], {
      input: JSON.stringify(input), env: {WORDPRESS_CONFIG: name},
    });
    wp.made = JSON.parse(setup.stdout);

    wp.server = await startPhpServer({
      docroot: WORDPRESS, port, staticPrefix: '/wp-content/', staticDir: content, env: {WORDPRESS_CONFIG: name},
    });
    wp.context = await browser.newContext({viewport: DESKTOP, reducedMotion: 'reduce'});
    const page = await wp.context.newPage();
    await logIn(page, url);
    await page.close();
  },
  async stop() {
    await wp.context?.close();
    await wp.server?.stop();
    await wp.db?.stop();
    if (wp.configFile) await rm(wp.configFile, {force: true});
  },
});

/**
 * Logs the editor in through wp-login.php. A CI run once saw the form come back instead of the
 * dashboard (the cause was not kept): the form's message is reported, and a second attempt made.
 * @param {import('playwright-core').Page} page @param {string} url
 */
async function logIn(page, url) {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${url}/wp-login.php`);
    await page.fill('#user_login', EDITOR.login);
    await page.fill('#user_pass', EDITOR.password);
    try {
      await Promise.all([page.waitForURL(/\/wp-admin\//, {timeout: 30_000}), page.click('#wp-submit')]);
      return;
    } catch (error) {
      const said = (await page.locator('#login_error').textContent({timeout: 1000}).catch(() => null))?.trim();
      if (attempt === 2) throw new Error(`the editor could not log in: ${said ?? String(error)}`);
      console.log(`# the editor's login ${attempt} failed (${said ?? 'no message on the page'}): trying again`);
    }
  }
}

/** @param {string} key @param {number} n 1-based */
const revision = (key, n) => /** @type {NonNullable<typeof wp.made>} */ (wp.made).posts[key].revisions[n - 1];

/**
 * Opens a revisions screen URL (relative to wp-admin/) as the editor.
 * @param {string} query e.g. `revision=12`
 */
async function openRevisions(query) {
  const page = await /** @type {import('playwright-core').BrowserContext} */ (wp.context).newPage();
  const watch = watchForScript(page);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${wp.server?.url}/wp-admin/revision.php?${query}`);
  return {page, watch, errors};
}

/** An inserted word's background in the element's light and dark tints. */
const LIGHT_INS = 'rgb(200, 240, 209)';
const DARK_INS = 'rgb(29, 90, 47)';

/**
 * A stand-in for an admin colour scheme with a dark mode (WordPress 6.1 has none of its own):
 * it declares the dark scheme and colours the screen.
 */
const DARK_ADMIN = `:root { color-scheme: dark; }
html, body, #wpwrap, #wpcontent, #wpbody, .wrap, .revisions, .revisions-meta, .revisions-controls, .revisions-diff-frame,
.revisions-diff, .diff-meta, table.diff, table.diff td {
  background: #101517 !important; color: #f0f0f1 !important; }
.wrap h1, .revisions-diff h3, .diff-title strong, table.diff td { color: #f0f0f1 !important; }
.wrap a, .article-diff-switch a { color: #72aee6 !important; }`;

/**
 * The background of the first inserted word the element draws.
 * @param {import('playwright-core').Page} page
 */
const insertedColour = (page) => page.evaluate(() => {
  const ins = /** @type {any} */ (document.querySelector('article-diff')).shadowRoot.querySelector('[part~="ins"]');
  return getComputedStyle(ins).backgroundColor;
});

/**
 * The Polish form of a count's noun: one, few (2–4 but not 12–14) or many.
 * @param {number} n @param {string} one @param {string} few @param {string} many
 */
const polish = (n, one, few, many) => (n === 1 ? one : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? few : many);

/**
 * A label naming `author` and then `date` (e.g. "Mar 19, 2024").
 * @param {string} author @param {string} date
 */
const labelled = (author, date) => new RegExp(`${author}.*${date.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

describe('WordPress: the revisions screen', () => {
  test('single mode: revision 2 shows the edited words, labelled with each revision\'s author and date', async () => {
    const {page, errors} = await openRevisions(`revision=${revision('block', 2)}`);
    const drawn = await readDiff(page);
    assertWordEdits(drawn, expected);
    assert.match(drawn.labels[0], labelled('admin', 'Mar 19, 2024'));
    assert.match(drawn.labels[1], labelled(EDITOR.name, 'Mar 20, 2024'));
    assert.equal(await page.getAttribute('article-diff', 'theme'), 'page', 'the theme follows the admin around it');
    assert.equal(await insertedColour(page), LIGHT_INS, 'light like the admin around it');
    // The element replaces core's table for the content; the classic view is a link away.
    const tables = await page.locator('.revisions-diff table.diff').allTextContents();
    assert.ok(!tables.some((table) => table.includes('council')), 'no classic table for the content (the title keeps its own)');
    assert.equal(await page.getByRole('link', {name: 'Show the classic comparison'}).count(), 1);
    assert.deepEqual(errors, []);
    await page.screenshot({path: path.join(screenshotDir, 'wordpress-revisions.png')});
    // On a phone the admin scrolls inside <body>, which a full-page screenshot does not follow:
    // show the screen as a phone does, scrolled to the comparison.
    await page.setViewportSize(PHONE);
    await readDiff(page);
    await page.locator('.article-diff-revisions').evaluate((el) => el.scrollIntoView());
    await page.screenshot({path: path.join(screenshotDir, 'wordpress-revisions-phone.png')});
    await page.close();
  });

  test('single mode: revision 3 links the moved paragraph at both ends', async () => {
    const {page, errors} = await openRevisions(`revision=${revision('block', 3)}`);
    const drawn = await readDiff(page);
    assert.equal(drawn.error, '');
    await assertMoveLinked(page, drawn, expected);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('compare mode: revisions 1 → 3 show the edited words and the move', async () => {
    const {page, errors} = await openRevisions(`from=${revision('block', 1)}&to=${revision('block', 3)}`);
    const drawn = await readDiff(page);
    await page.screenshot({path: path.join(screenshotDir, 'wordpress-compare.png')});
    assertWordEdits(drawn, expected);
    await assertMoveLinked(page, drawn, expected);
    assert.match(drawn.labels[0], labelled('admin', 'Mar 19, 2024'));
    assert.match(drawn.labels[1], labelled('admin', 'Mar 21, 2024'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the slider\'s comparisons, loaded over admin-ajax, are drawn by the element too', async () => {
    const {page, errors} = await openRevisions(`revision=${revision('block', 3)}`);
    await readDiff(page);
    await page.click('.revisions-previous .button');
    await page.waitForFunction((label) => {
      const el = document.querySelector('article-diff');
      return el?.getAttribute('new-label')?.includes(label);
    }, EDITOR.name);
    const drawn = await readDiff(page);
    assertWordEdits(drawn, expected);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('on a dark system the comparison stays light like the admin; under a dark admin colour scheme it is dark', async () => {
    const {page, errors} = await openRevisions(`revision=${revision('block', 2)}`);
    await page.emulateMedia({colorScheme: 'dark'});
    await readDiff(page);
    assert.equal(await insertedColour(page), LIGHT_INS, 'the admin declares no dark scheme, so neither does the element');
    // What an admin colour scheme with a dark mode does: declare it, and colour the screen.
    await page.addStyleTag({content: DARK_ADMIN});
    assert.equal(await insertedColour(page), DARK_INS);
    const background = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector('article-diff'))).backgroundColor);
    assert.equal(background, 'rgb(29, 35, 39)', 'on the admin\'s dark panel colour');
    await page.screenshot({path: path.join(screenshotDir, 'wordpress-revisions-dark.png')});
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the interface speaks the user\'s language: the plugin\'s translations, plural forms and numbers', async () => {
    const context = await /** @type {import('playwright-core').Browser} */ (env.browser).newContext({
      viewport: DESKTOP, reducedMotion: 'reduce', storageState: await /** @type {import('playwright-core').BrowserContext} */ (wp.context).storageState(),
    });
    await context.addCookies([{name: 'article_diff_test_locale', value: 'pl_PL', url: /** @type {string} */ (wp.server?.url)}]);
    const page = await context.newPage();
    await page.goto(`${wp.server?.url}/wp-admin/revision.php?revision=${revision('block', 2)}`);
    const drawn = await readDiff(page);
    assertWordEdits(drawn, expected);
    const shown = await page.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('article-diff'));
      const root = /** @type {ShadowRoot} */ (el.shadowRoot);
      const text = (/** @type {string} */ part) => [...root.querySelectorAll(`[part~="${part}"]`)].map((n) => (n.textContent ?? '').trim());
      const counter = () => text('counter').join('');
      const before = counter();
      el.next();
      return {locale: el.strings.locale, before, after: counter(), changes: el.changeCount, prev: text('prev').join(''),
        next: text('next').join(''), view: text('view-switch').join('|'), summary: text('summary').join(' '), words: el.stats.wordsInserted};
    });
    assert.equal(shown.locale, 'pl-PL');
    assert.match(shown.prev, /Poprzednia/);
    assert.match(shown.next, /Następna/);
    assert.match(shown.view, /Obok siebie.*W jednej kolumnie/);
    assert.equal(shown.before, `${shown.changes} ${polish(shown.changes, 'zmiana', 'zmiany', 'zmian')}`);
    assert.equal(shown.after, `1 z ${shown.changes}`);
    assert.ok(shown.summary.includes(`+${shown.words} ${polish(shown.words, 'słowo', 'słowa', 'słów')}`), shown.summary);
    assert.match(shown.summary, /paragraph/, 'strings without a translation stay English');
    await page.setViewportSize(PHONE);
    await readDiff(page);
    await page.locator('.article-diff-revisions').evaluate((el) => el.scrollIntoView());
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({path: path.join(screenshotDir, 'wordpress-revisions-pl-phone.png')});
    await context.close();
  });

  test('the data block holds every string of the element and no other: in English its very text, in Polish its placeholders', async () => {
    const {page} = await openRevisions(`revision=${revision('block', 2)}`);
    await readDiff(page);
    const english = await dataBlockStrings(page);
    assert.equal(english.locale, 'en-US');
    assert.deepEqual(englishProblems(english), []);
    await page.close();

    const context = await /** @type {import('playwright-core').Browser} */ (env.browser).newContext({
      storageState: await /** @type {import('playwright-core').BrowserContext} */ (wp.context).storageState(),
    });
    await context.addCookies([{name: 'article_diff_test_locale', value: 'pl_PL', url: /** @type {string} */ (wp.server?.url)}]);
    const polishPage = await context.newPage();
    await polishPage.goto(`${wp.server?.url}/wp-admin/revision.php?revision=${revision('block', 2)}`);
    await readDiff(polishPage);
    const polish = await dataBlockStrings(polishPage);
    assert.equal(polish.locale, 'pl-PL');
    assert.deepEqual([...keyProblems(polish), ...placeholderProblems(polish)], []);
    // Polish counts have the forms one, few and many (other for fractions), each from gettext.
    assert.deepEqual(polish.changeCount, {one: '{n} zmiana', few: '{n} zmiany', many: '{n} zmian', other: '{n} zmian'});
    assert.deepEqual(Object.keys(/** @type {object} */ (polish.exportOldPart)).sort(), ['few', 'many', 'one', 'other']);
    await context.close();
  });

  test('the changed link is flagged as a formatting change (needs format="html", issue 27)', async () => {
    const {page} = await openRevisions(`revision=${revision('block', 3)}`);
    assert.equal(await page.getAttribute('article-diff', 'format'), 'html');
    const drawn = await readDiff(page);
    assertLinkFormatting(drawn, expected);
    await page.close();
  });

  test('classic-editor content: its paragraphs are paragraphs, its edited words changes', async () => {
    const {page, errors} = await openRevisions(`revision=${revision('classic', 2)}`);
    const drawn = await readDiff(page);
    assertWordEdits(drawn, expected);
    const rows = await page.evaluate(() => [...(/** @type {any} */ (document.querySelector('article-diff')).shadowRoot
      .querySelectorAll('[part~="row"]'))].map((row) => row.textContent));
    assert.ok(rows.some((row) => row.includes('Residents') && !row.includes('council')), `the last paragraph is a row of its own: ${JSON.stringify(rows)}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the link to the classic view switches to core\'s table and back, per user', async () => {
    const {page} = await openRevisions(`revision=${revision('block', 2)}`);
    await readDiff(page);
    await Promise.all([page.waitForURL(/revision\.php/), page.getByRole('link', {name: 'Show the classic comparison'}).click()]);
    await page.waitForSelector('.revisions-diff table.diff');
    assert.equal(await page.locator('article-diff').count(), 0, 'the classic view has no element');
    assert.match(page.url(), new RegExp(`revision=${revision('block', 2)}`), 'back on the same comparison');
    await Promise.all([page.waitForURL(/revision\.php/), page.getByRole('link', {name: 'Show this comparison with article-diff'}).click()]);
    assertWordEdits(await readDiff(page), expected);
    await page.close();
  });

  test('a hostile revision renders inert, and its author\'s name is text', async () => {
    const {page, watch} = await openRevisions(`revision=${revision('hostile', 2)}`);
    const drawn = await readDiff(page);
    assert.equal(drawn.error, '');
    assert.ok(drawn.labels[1].includes(HOSTILE_NAME), `the label shows the name as written: ${drawn.labels[1]}`);
    await assertInert(page, watch, '.revisions-diff');
    await page.screenshot({path: path.join(screenshotDir, 'wordpress-hostile.png')});
    await page.close();
  });

  test('the plugin adds no inline script: its files are module scripts, its texts a data block', async () => {
    const {page} = await openRevisions(`revision=${revision('block', 2)}`);
    await readDiff(page);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => ({
      src: s.getAttribute('src'), type: s.getAttribute('type'), id: s.id, text: s.textContent ?? '',
    })));
    const ours = scripts.filter((s) => s.src?.includes('/plugins/article-diff/'));
    assert.deepEqual(ours.map((s) => s.type), ['module'], 'the element, a module; it reads its own data block');
    // Core hands the screen its first comparison through its own settings script
    // (revisions-js-extra); no other inline script carries anything of ours.
    const inline = scripts.filter((s) => !s.src && s.type !== 'application/json' && /article-diff/.test(s.text));
    assert.deepEqual(inline.map((s) => s.id), ['revisions-js-extra']);
    await page.close();
  });

  for (const [name, start] of /** @type {const} */ ([['Firefox', firefoxEsr], ['WebKit', webkitGtk]])) {
    test(`in ${name}: the editor logs in; the edited words, the move linked at both ends and the changed link drawn`, async () => {
      const browser = await start();
      try {
        const url = /** @type {import('./php-server.mjs').PhpServer} */ (wp.server).url;
        const driver = /** @type {import('selenium-webdriver').WebDriver} */ (browser.driver);
        await driver.manage().window().setRect({width: DESKTOP.width, height: DESKTOP.height});
        const login = await browser.open(`${url}/wp-login.php`);
        await login.run(([user, password]) => {
          /** @type {HTMLInputElement} */ (document.querySelector('#user_login')).value = user;
          /** @type {HTMLInputElement} */ (document.querySelector('#user_pass')).value = password;
          // After the script has answered: the form's submission leaves the page.
          setTimeout(() => /** @type {HTMLElement} */ (document.querySelector('#wp-submit')).click());
        }, [EDITOR.login, EDITOR.password]);
        await driver.wait(until.urlContains('/wp-admin/'), 30_000);

        let page = await browser.open(`${url}/wp-admin/revision.php?revision=${revision('block', 2)}`);
        let drawn = await page.run(drawnDiff, 'article-diff');
        assertWordEdits(drawn, expected);
        assert.match(drawn.labels[0], labelled('admin', 'Mar 19, 2024'));
        assert.match(drawn.labels[1], labelled(EDITOR.name, 'Mar 20, 2024'));
        await page.run(() => document.querySelector('.article-diff-revisions')?.scrollIntoView(), null);
        await writeFile(path.join(screenshotDir, `wordpress-revisions-${name.toLowerCase()}.png`), await viewScreenshot(driver, null), 'base64');

        page = await browser.open(`${url}/wp-admin/revision.php?revision=${revision('block', 3)}`);
        drawn = await page.run(drawnDiff, 'article-diff');
        await assertMoveLinked(page, drawn, expected);
        assertLinkFormatting(drawn, expected);
      } finally {
        await browser.close();
      }
    });
  }

  test('WordPress logged no notice, warning or error from the plugin', async () => {
    const log = await readFile(path.join(env.tmp, 'debug.log'), 'utf8').catch(() => '');
    const ours = log.split('\n').filter((line) => line.includes('/plugins/article-diff/'));
    assert.deepEqual(ours, []);
  });
});
