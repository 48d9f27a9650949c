// @ts-check
/**
 * The three browsers the package tests load pages in, behind one small interface (not a test
 * file itself): Debian's Chromium through playwright-core (as tests/e2e/ does), Debian's
 * firefox-esr through geckodriver (built by `./run` into ~/.cache/article-diff/bin) and
 * selenium-webdriver, and WebKit (Safari's engine: Debian's WebKitGTK, its MiniBrowser driven by
 * `WebKitWebDriver` from `webkit2gtk-driver`, in an `Xvfb` display of its own). None downloads
 * anything: each is told where its binaries are.
 */
import {spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {connect, createServer} from 'node:net';
import os from 'node:os';
import path from 'node:path';

import {Builder} from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

import {launchBrowser} from '../e2e/harness.mjs';
import {root} from './project.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const GECKODRIVER = process.env.GECKODRIVER
  ?? path.join(process.env.ARTICLE_DIFF_TOOLS ?? path.join(os.homedir(), '.cache', 'article-diff'), 'bin', 'geckodriver');

/**
 * An open page: `run(fn, arg)` runs `fn(arg)` in it (a self-contained, possibly async, function;
 * it is sent as source text) and resolves to its JSON-able result.
 * @typedef {{run: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>,
 *   problems: string[], page?: import('playwright-core').Page, close: () => Promise<void>}} OpenPage
 * @typedef {{name: string, open: (url: string) => Promise<OpenPage>, close: () => Promise<void>,
 *   driver?: import('selenium-webdriver').WebDriver}} TestBrowser `driver`: the WebDriver session
 *   of a browser driven over WebDriver, for what `run` cannot do (windows, keys, screenshots)
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
 * Headless firefox-esr over WebDriver (`overWebDriver`).
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
  return overWebDriver('Firefox', driver, () => driver.quit());
}

/**
 * A browser a WebDriver session drives, one window reused page after page. WebDriver classic
 * reads no console log, so `problems` stays empty: the checks read the page instead.
 * @param {string} name @param {import('selenium-webdriver').WebDriver} driver
 * @param {() => Promise<void>} close ends the session and whatever runs for it
 * @returns {Promise<TestBrowser>}
 */
async function overWebDriver(name, driver, close) {
  await driver.manage().setTimeouts({script: 120_000, pageLoad: 60_000});
  return {
    name,
    driver,
    async open(url) {
      await driver.get(url);
      return {
        problems: [],
        async run(fn, arg) {
          const result = await driver.executeAsyncScript(
            `const done = arguments[arguments.length - 1];
Promise.resolve(arguments[0]).then(${fn}).then(
  (value) => done({value: value === undefined ? null : value}),
  (error) => done({error: error instanceof Error ? String(error) + ' ' + error.stack : String(error)}));`, arg);
          if (result.error) throw new Error(`in ${name}: ${result.error}`);
          return result.value;
        },
        close: async () => {},
      };
    },
    close,
  };
}

/**
 * A PNG (base64) of what `frame`, an iframe of the window's top document, shows: the window's
 * screenshot cropped to the frame's box, in the top document's own canvas. WebKitWebDriver's
 * screenshot of the frame element paints the frame's top 40 px black. Leaves the driver in
 * the top document.
 * @param {import('selenium-webdriver').WebDriver} driver @param {import('selenium-webdriver').WebElement} frame
 * @returns {Promise<string>}
 */
export async function frameScreenshot(driver, frame) {
  await driver.switchTo().defaultContent();
  const png = await driver.takeScreenshot();
  return driver.executeAsyncScript(`const [frame, png, done] = arguments;
const image = new Image();
image.src = 'data:image/png;base64,' + png;
image.decode().then(() => {
  const box = frame.getBoundingClientRect();
  const scale = image.naturalWidth / innerWidth;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  canvas.getContext('2d').drawImage(image, box.left * scale, box.top * scale, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
  done(canvas.toDataURL('image/png').slice('data:image/png;base64,'.length));
}, (error) => done('error: ' + error));`, frame, png);
}

/**
 * Reloads the window's page inside an iframe of a phone's size (390 × 844, narrower than a
 * browser's window goes), named `title`, and takes the driver into it; with `bare`, the outer
 * page's stylesheets go first. Returns the frame, for `viewScreenshot`.
 * @param {import('selenium-webdriver').WebDriver} driver @param {OpenPage} page
 * @param {string} title @param {{bare?: boolean}} [options]
 * @returns {Promise<import('selenium-webdriver').WebElement>}
 */
export async function enterPhoneFrame(driver, page, title, {bare = false} = {}) {
  await page.run(([title, bare]) => new Promise((resolve) => {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('width', '390');
    iframe.setAttribute('height', '844');
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('title', title);
    iframe.addEventListener('load', resolve, {once: true});
    iframe.src = location.href;
    if (bare) for (const link of document.querySelectorAll('link[rel="stylesheet"]')) link.remove();
    document.body.replaceChildren(iframe);
  }), /** @type {[string, boolean]} */ ([title, bare]));
  const frame = await driver.findElement({css: 'iframe'});
  await driver.switchTo().frame(frame);
  return frame;
}

/**
 * A PNG (base64) of what the driver's view shows once the page has drawn: the window, or, when
 * `frame` is given (the driver inside it), that iframe of the top document, cropped as
 * [`frameScreenshot`] does; the driver is back in the frame after.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {import('selenium-webdriver').WebElement | null} frame
 * @returns {Promise<string>}
 */
export async function viewScreenshot(driver, frame) {
  // Two frames and a moment: what the last script changed is laid out and painted.
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));');
  if (!frame) return driver.takeScreenshot();
  const png = await frameScreenshot(driver, frame);
  if (png.startsWith('error')) throw new Error(`the frame's screenshot failed: ${png}`);
  await driver.switchTo().frame(frame);
  return png;
}

/**
 * WebKit: Debian's WebKitGTK MiniBrowser over `WebKitWebDriver`. It has no headless mode, so it
 * draws into an `Xvfb` display started for it (unless `DISPLAY` names one), which closes with
 * it. Both processes are children of this one, stopped by `close()`.
 * @returns {Promise<TestBrowser>}
 */
export async function webkitGtk() {
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const stop = () => {
    for (const child of children.reverse()) child.kill();
  };
  try {
    const display = process.env.DISPLAY || await startXvfb(children);
    const port = await freePort();
    const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: 'ignore', env: {...process.env, DISPLAY: display},
    });
    children.push(driverProcess);
    const server = `http://127.0.0.1:${port}`;
    await untilListening(port, driverProcess, 'WebKitWebDriver');
    const driver = await new Builder().usingServer(server).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {binary: MINIBROWSER, args: ['--automation']},
    }).build();
    return overWebDriver('WebKit', driver, async () => {
      try {
        await driver.quit();
      } finally {
        stop();
      }
    });
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * Starts `Xvfb` on the first free display (it writes the number it took to a pipe) and
 * returns its name, `:N`.
 * @param {import('node:child_process').ChildProcess[]} children where the process is recorded
 * @returns {Promise<string>}
 */
function startXvfb(children) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  children.push(xvfb);
  return new Promise((resolve, reject) => {
    let out = '';
    const pipe = /** @type {import('node:stream').Readable} */ (xvfb.stdio[3]);
    pipe.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it named its display`)));
  });
}

/** A TCP port nothing listens on now. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once something accepts connections on `port`; rejects if `child` exits first or
 * after 20 s.
 * @param {number} port @param {import('node:child_process').ChildProcess} child @param {string} name
 */
async function untilListening(port, child, name) {
  const until = Date.now() + 20_000;
  let exited = false;
  child.once('exit', () => { exited = true; });
  while (Date.now() < until && !exited) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not listen on port ${port}${exited ? ' (it exited)' : ''}`);
}
