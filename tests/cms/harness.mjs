// @ts-check
/**
 * Shared set-up of the CMS suites (`node --test tests/cms/`, run by `./run test`): the
 * integrations built from the current element, a temp folder that is removed afterwards,
 * headless Chromium (tests/e2e/harness.mjs), screenshots, and the suite's time.
 */
import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before} from 'node:test';
import {fileURLToPath} from 'node:url';

import {buildIntegrations} from '../../integrations/build.mjs';
import {launchBrowser} from '../e2e/harness.mjs';

/** Screenshots of the real CMS screens (git-ignored; the integrations' READMEs use copies). */
export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The repository. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Desktop and phone viewports of the screenshots. */
export const DESKTOP = {width: 1280, height: 900};
export const PHONE = {width: 390, height: 844};

/**
 * @typedef {{tmp: string, browser: import('playwright-core').Browser}} CmsEnv
 */

/**
 * Registers a `before` that builds the suite's integration, makes a temp folder and starts Chromium,
 * then runs `start(env)` (the CMS); and an `after` that runs `stop(env)`, closes the browser,
 * removes the temp folder and prints how long the suite took. `stop` must undo whatever
 * `start` did, even when `start` failed half-way.
 * @param {string} name the CMS, for messages and the temp folder's name
 * @param {{integration: string, start: (env: CmsEnv) => Promise<void>, stop: (env: CmsEnv) => Promise<void>}} lifecycle
 *   `integration` is the suite's entry of integrations/build.mjs's `TARGETS`
 * @returns {CmsEnv} filled in once `before` has run
 */
export function cmsSuite(name, {integration, start, stop}) {
  const env = /** @type {CmsEnv} */ ({});
  const began = Date.now();
  before(async () => {
    await buildIntegrations({targets: [integration]});
    env.tmp = await mkdtemp(path.join(tmpdir(), `article-diff-${name.toLowerCase()}-`));
    await mkdir(screenshotDir, {recursive: true});
    env.browser = await launchBrowser();
    const set = Date.now();
    await start(env);
    console.log(`# ${name}: set up in ${((Date.now() - set) / 1000).toFixed(1)} s`);
  }, {timeout: 600_000});
  after(async () => {
    try {
      await stop(env);
    } finally {
      await env.browser?.close();
      if (env.tmp) await rm(env.tmp, {recursive: true, force: true});
      console.log(`# ${name} suite: ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  }, {timeout: 120_000});
  return env;
}

/**
 * Quotes a string as a PHP single-quoted literal.
 * @param {string} value
 */
export function phpString(value) {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}
