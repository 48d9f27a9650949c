// @ts-check
/**
 * The two browsers the package tests load pages in, behind one small interface (not a test file
 * itself): Debian's Chromium through playwright-core (as tests/e2e/ does) and Debian's
 * firefox-esr through geckodriver (built by `./run` into ~/.cache/article-diff/bin) and
 * selenium-webdriver. Neither downloads anything: both are told where their binaries are.
 */
import {readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {Builder} from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

import {launchBrowser} from '../e2e/harness.mjs';
import {root} from './project.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER
  ?? path.join(process.env.ARTICLE_DIFF_TOOLS ?? path.join(os.homedir(), '.cache', 'article-diff'), 'bin', 'geckodriver');

/**
 * An open page: `run(fn, arg)` runs `fn(arg)` in it (a self-contained, possibly async, function;
 * it is sent as source text) and resolves to its JSON-able result.
 * @typedef {{run: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>,
 *   problems: string[], page?: import('playwright-core').Page, close: () => Promise<void>}} OpenPage
 * @typedef {{name: string, open: (url: string) => Promise<OpenPage>, close: () => Promise<void>}} TestBrowser
 */

/**
 * Headless Chromium. `problems` collects uncaught errors and console errors (CSP violations
 * among them).
 * @returns {Promise<TestBrowser>}
 */
export async function chromium() {
  const browser = await launchBrowser();
  return {
    name: 'Chromium',
    async open(url) {
      const page = await browser.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      await page.goto(url);
      return {
        page,
        problems,
        run: (fn, arg) => page.evaluate(/** @type {any} */ (fn), arg),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

/**
 * Headless firefox-esr over WebDriver, one window reused page after page. WebDriver classic
 * has no console log in Firefox, so `problems` stays empty: the checks read the page instead.
 * @returns {Promise<TestBrowser>}
 */
export async function firefoxEsr() {
  const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless');
  // The same quiet profile as the wasm tests' (webdriver.json): no update, telemetry or
  // connectivity checks, which would only time out in a closed network.
  const config = JSON.parse(await readFile(path.join(root, 'webdriver.json'), 'utf8'));
  for (const [name, value] of Object.entries(config['moz:firefoxOptions'].prefs)) options.setPreference(name, value);
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  await driver.manage().setTimeouts({script: 120_000, pageLoad: 60_000});
  return {
    name: 'Firefox',
    async open(url) {
      await driver.get(url);
      return {
        problems: [],
        async run(fn, arg) {
          const result = await driver.executeAsyncScript(
            `const done = arguments[arguments.length - 1];
Promise.resolve(arguments[0]).then(${fn}).then(
  (value) => done({value: value === undefined ? null : value}),
  (error) => done({error: String(error && error.stack || error)}));`, arg);
          if (result.error) throw new Error(`in Firefox: ${result.error}`);
          return result.value;
        },
        close: async () => {},
      };
    },
    close: () => driver.quit(),
  };
}
