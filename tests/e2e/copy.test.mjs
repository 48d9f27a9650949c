// @ts-check
// The string copier (`src/copy.js`, issue 20): the WebAssembly module that copies `diff()`'s
// texts into wasm memory through JS String Builtins writes what `TextEncoder.encodeInto`
// writes, in Chromium and in Firefox, and `diff()` returns the same results with it and
// without it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile, readdir} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {Builder} from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

import {serverAndBrowser} from './harness.mjs';
import {root} from './ui.mjs';

const env = serverAndBrowser();

/**
 * In the page: random strings (ASCII, Latin-1, the rest of the Basic Multilingual Plane,
 * surrogate pairs, lone high and low surrogates, runs of ASCII) with random ranges and rooms,
 * each written by the copier and by `encodeInto`: the bytes, the units read and the bytes
 * written must agree, and no byte outside what was written may change. Resolves to the first
 * disagreements (none expected) and how many cases ran.
 * @param {string} copyUrl where `src/copy.js` is served (`snippetUrl`)
 */
const COMPARE = async (/** @type {string} */ copyUrl) => {
  const {stringCopierBytes} = await import(copyUrl);
  const memory = new WebAssembly.Memory({initial: 1});
  // JS String Builtins' compile options are newer than TypeScript's DOM types.
  const module = new /** @type {any} */ (WebAssembly.Module)(stringCopierBytes(), {builtins: ['js-string']});
  const {encode, load, read} = /** @type {any} */ (new WebAssembly.Instance(module, {engine: {memory}}).exports);
  const encoder = new TextEncoder();
  let seed = 20;
  const random = (/** @type {number} */ n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pieces = [
    () => String.fromCharCode(random(0x80)),
    () => String.fromCharCode(0x80 + random(0x780)),
    () => String.fromCharCode(0x800 + random(0xd000)),
    () => String.fromCharCode(0xe000 + random(0x2000)),
    () => String.fromCodePoint(0x10000 + random(0x100000)),
    () => String.fromCharCode(0xd800 + random(0x400)),
    () => String.fromCharCode(0xdc00 + random(0x400)),
    () => 'the quick brown fox '.slice(random(20)),
  ];
  const failures = [];
  let cases = 0;
  const SCRATCH = 4096;
  for (let t = 0; t < 60000 && failures.length < 5; t++) {
    let s = '';
    const parts = random(t % 3 === 0 ? 60 : 10);
    for (let k = 0; k < parts; k++) s += pieces[random(pieces.length)]();
    // Ranges that start and end anywhere, inside a surrogate pair too; rooms from none to
    // more than enough.
    const from = random(s.length + 1);
    const to = from + random(s.length - from + 1);
    const room = random(3 * (to - from) + 8);
    const at = 8 + random(64);
    const expected = new Uint8Array(memory.buffer, SCRATCH + at, room);
    expected.fill(0xaa);
    const r = encoder.encodeInto(s.substring(from, to), expected);
    const bytes = new Uint8Array(memory.buffer, at - 8, room + 16);
    // Each range as a substring of its own (`loaded` 0), and read from the whole string loaded
    // into the copier's array (`load`, then `loaded` 1).
    for (const loaded of [0, 1]) {
      if (loaded) load(s, s.length);
      bytes.fill(0xaa);
      const written = encode(s, from, to, at, at + room, loaded);
      const units = read.value - from;
      const same = written === r.written && units === r.read &&
        bytes.subarray(8, 8 + room).every((b, k) => b === expected[k]) &&
        bytes.subarray(0, 8).every((b) => b === 0xaa) && bytes.subarray(8 + room).every((b) => b === 0xaa);
      if (!same) failures.push({s: [...s].map((c) => c.codePointAt(0)?.toString(16)).join(' '), from, to, room, loaded, expected: r, got: {read: units, written}});
      cases++;
    }
  }
  // Longer than the copier's first array of units (16 Ki), in one range.
  const long = 'añ漢👍\ud800 '.repeat(5000);
  const big = new Uint8Array(memory.buffer, 0, 0x8000);
  const r = encoder.encodeInto(long, big);
  const expected = big.slice(0, r.written);
  big.fill(0);
  for (const loaded of [0, 1]) {
    if (loaded) load(long, long.length);
    big.fill(0);
    const written = encode(long, 0, long.length, 0, 0x8000, loaded);
    if (written !== r.written || read.value !== r.read || big.subarray(0, written).some((b, k) => b !== expected[k])) failures.push({long: true, loaded, expected: r, got: {read: read.value, written}});
  }
  // Every UTF-16 unit, in order (so every surrogate alone but the last high one, which pairs
  // with the first low one), and every code point beyond the BMP's, each once: `diff()` trusts
  // the copier's bytes to be UTF-8 (`copied` in src/wasm.rs) because it writes what
  // `encodeInto` writes for each of them. Whole and in ranges of 1,009 units (that sometimes
  // part a pair).
  const units = String.fromCharCode(...Array.from({length: 0x10000}, (_, k) => k));
  const astral = Array.from({length: 0x100000}, (_, k) => String.fromCodePoint(0x10000 + k)).join('');
  const all = new Uint8Array(memory.buffer, 0, 0x8000);
  for (const s of [units, astral]) {
    for (let from = 0; from < s.length; from += 1009) {
      const to = Math.min(from + 1009, s.length);
      const r = encoder.encodeInto(s.substring(from, to), all);
      const expected = all.slice(0, r.written);
      all.fill(0);
      const written = encode(s, from, to, 0, 0x8000, 0);
      if (written !== r.written || read.value - from !== r.read || all.subarray(0, written).some((b, k) => b !== expected[k])) {
        failures.push({every: s === units ? 'unit' : 'astral', from, expected: r, got: {read: read.value - from, written}});
        break;
      }
      cases++;
    }
  }
  return {failures, cases: cases + 2};
};

test('in Chromium, the string copier writes what encodeInto writes, stopping where it stops', async () => {
  const page = await env.browser.newPage();
  await page.goto(new URL('/bench/', env.server.url).href);
  const {failures, cases} = await page.evaluate(`(${COMPARE})(${JSON.stringify(await snippetUrl())})`);
  assert.deepEqual(failures, []);
  assert.ok(cases > 50000, `cases: ${cases}`);
  await page.close();
});

/** The URL the wasm glue imports `src/copy.js` from (wasm-bindgen copies it under `snippets/`). */
async function snippetUrl() {
  const [dir] = await readdir(path.join(root, 'pkg', 'snippets'));
  return `/pkg/snippets/${dir}/src/copy.js`;
}

test('diff() returns the same results with the string copier as with encodeInto, and copies through it in Chromium', async () => {
  const page = await env.browser.newPage();
  await page.goto(new URL('/bench/', env.server.url).href);
  const copyUrl = await snippetUrl();
  const outcome = await page.evaluate(async (copyUrl) => {
    const engine = await import('/pkg/article_diff.js');
    const wasm = await engine.default();
    const copy = await import(copyUrl);
    const {buildInputs} = /** @type {typeof import('../../bench/inputs.mjs')} */ (await import(new URL('/bench/inputs.mjs', location.href).href));
    const load = async (/** @type {string} */ p) => (await fetch('/' + p)).text();
    /** @type {{id: string, oldText: string, newText: string}[]} */
    const inputs = await buildInputs(load);
    // Texts only JavaScript can hold: long, sharing their lines, with lone surrogates here and
    // there (copied again with stand-ins), and astral characters next to the cuts.
    const lines = Array.from({length: 3000}, (_, k) => `line ${k} 漢字 👍 é ${k % 7 ? '' : '\ud800'}${k % 11 ? '' : '\udfff'}\n`);
    const edited = lines.map((l, k) => (k % 97 === 0 ? l.replace('line', 'Line') : l));
    inputs.push({id: 'lone surrogates', oldText: lines.join(''), newText: edited.join('')});
    inputs.push({id: 'empty', oldText: '', newText: 'a\ud83d'});
    const hash = (/** @type {string} */ json) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
      return `${(h >>> 0).toString(16)}:${json.length}`;
    };
    const results = [];
    const automatic = copy.stringCopier(wasm.memory) !== null;
    for (const input of inputs) {
      const seen = [];
      for (const use of [false, true]) {
        copy.useStringCopier(use);
        seen.push(hash(JSON.stringify(engine.diff(input.oldText, input.newText))));
      }
      results.push({id: input.id, seen});
    }
    copy.useStringCopier(undefined);
    return {results, automatic};
  }, copyUrl);
  assert.ok(outcome.results.length >= 10, `inputs: ${outcome.results.map((r) => r.id)}`);
  for (const {id, seen} of outcome.results) assert.equal(seen[1], seen[0], id);
  assert.equal(outcome.automatic, true, 'Chromium copies through the string copier by itself');
  await page.close();
});

/** @type {import('selenium-webdriver').WebDriver | undefined} */
let driver;

before(async () => {
  const options = new firefox.Options().setBinary(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr').addArguments('-headless');
  const config = JSON.parse(await readFile(path.join(root, 'webdriver.json'), 'utf8'));
  for (const [name, value] of Object.entries(config['moz:firefoxOptions'].prefs)) options.setPreference(name, value);
  const geckodriver = process.env.GECKODRIVER
    ?? path.join(process.env.ARTICLE_DIFF_TOOLS ?? path.join(os.homedir(), '.cache', 'article-diff'), 'bin', 'geckodriver');
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(geckodriver)).build();
  await driver.manage().setTimeouts({script: 300_000, pageLoad: 60_000});
});

after(async () => {
  await driver?.quit();
});

test('in Firefox, the string copier writes what encodeInto writes, and diff() keeps encodeInto by itself', async () => {
  const web = /** @type {import('selenium-webdriver').WebDriver} */ (driver);
  await web.get(new URL('/bench/', env.server.url).href);
  const copyUrl = await snippetUrl();
  const result = /** @type {{value?: any, error?: string}} */ (await web.executeAsyncScript(`const done = arguments[arguments.length - 1];
(async () => {
  const compared = await (${COMPARE})(${JSON.stringify(copyUrl)});
  const engine = await import('/pkg/article_diff.js');
  const wasm = await engine.default();
  const copy = await import(${JSON.stringify(copyUrl)});
  return {...compared, automatic: copy.stringCopier(wasm.memory) !== null};
})().then((value) => done({value}), (error) => done({error: String(error && error.stack || error)}));`));
  if (result.error) throw new Error(`in Firefox: ${result.error}`);
  const {failures, cases, automatic} = result.value;
  assert.deepEqual(failures, []);
  assert.ok(cases > 50000, `cases: ${cases}`);
  assert.equal(automatic, false, 'Firefox keeps encodeInto (faster there)');
});
