// @ts-check
/**
 * Shared set-up of the end-to-end tests (`node --test tests/e2e/`, run by `./run test`): the
 * project's static server, Debian's Chromium driven by playwright-core, and where screenshots go.
 * Not a test file itself. Each test file starts its own server on port 0 and closes it
 * ([`serverAndBrowser`]).
 */
import {mkdir} from 'node:fs/promises';
import {after, before} from 'node:test';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

import {startServer} from '../../scripts/serve.mjs';

export {startServer};

/** Screenshots of test runs (git-ignored). */
export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Debian's Chromium; playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a closed network and a root user: no sandbox (root), no GPU, and none of the
 * background fetches (QUIC, component updates, sync) that would only time out here.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium. Fails (never skips) when the browser is missing.
 * @param {import('playwright-core').LaunchOptions} [options]
 */
export function launchBrowser(options = {}) {
  return chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...options});
}

/**
 * The set-up every test file shares: registers a `before` that starts the static server on a
 * free port and Chromium (and makes the screenshot folder), and an `after` that closes both
 * (closing the browser closes its contexts). With `contextOptions`, one browser context for the
 * whole file too. Returns the object whose `server`, `browser` and `context` are set once
 * `before` has run.
 * `launchOptions` add to (or override) `launchBrowser`'s.
 * @param {{contextOptions?: import('playwright-core').BrowserContextOptions, launchOptions?: import('playwright-core').LaunchOptions}} [options]
 */
export function serverAndBrowser({contextOptions, launchOptions} = {}) {
  const env = /** @type {{server: {url: string, close: () => Promise<void>}, browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext}} */ ({});
  before(async () => {
    env.server = await startServer({port: 0});
    env.browser = await launchBrowser(launchOptions);
    if (contextOptions) env.context = await env.browser.newContext(contextOptions);
    await mkdir(screenshotDir, {recursive: true});
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
