// @ts-check
/**
 * Shared set-up of the end-to-end tests (`node --test tests/e2e/`, run by `./run test`): the
 * project's static server, Debian's Chromium driven by playwright-core, and where screenshots go.
 * Not a test file itself. Each test file starts its own server on port 0 and closes it.
 */
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

export {startServer} from '../../scripts/serve.mjs';

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
