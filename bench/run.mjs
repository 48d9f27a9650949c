#!/usr/bin/env node
// @ts-check
/**
 * Runs the benchmark page (`bench/index.html`) in headless Debian Chromium and writes the
 * Markdown report: `node bench/run.mjs` (or `./run bench`, which first builds `pkg/` in release).
 *
 * The page does the timing; this script drives it case by case, measures the wasm file, and
 * supplies what only the DevTools protocol can read from inside a worker: the heap during one
 * extra call (polled with `Runtime.getHeapUsage`, which a worker answers even mid-call) and a
 * sampled CPU profile of our `diff()`. First it fetches the documentation inputs' source
 * (`docs.mjs`), and times the native core on the same inputs (`examples/native_times.rs`,
 * built with cargo), so that every browser figure has its native counterpart.
 *
 * Options:
 *   --only=seed,gpl      inputs to run (default all; `html` names the HTML-against-text bodies)
 *   --tools=article-diff,fast-diff   tools to run (default all)
 *   --cutoff=60          seconds after which one call is stopped
 *   --quick              cut-off 10 s, 1 warm-up, 3 runs: a smoke test, not a result
 *   --out=PATH           where to write the Markdown (default bench/results.md for a full
 *                        run, target/bench/results.md otherwise)
 * The raw figures go to target/bench/results.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { PEERS, resolvePath, startServer } from '../scripts/serve.mjs';
// The same Debian Chromium and closed-network flags as the end-to-end tests.
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { ensureDocs } from './docs.mjs';
import { buildInputs } from './inputs.mjs';
import { DEFAULT_SETTINGS, OURS, TOOLS, peersToPair, renderMarkdown } from './suite.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM = path.join(ROOT, 'pkg', 'article_diff_bg.wasm');
/** The release build's wasm before wasm-bindgen and wasm-opt (what `pkg/` was made from). */
const CARGO_WASM = path.join(
  process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target'),
  'wasm32-unknown-unknown/release/article_diff.wasm',
);
/**
 * A copy of `pkg/` taken when the run starts (git-ignored): every timed call uses it, so a
 * rebuild of `pkg/` by someone else mid-run cannot mix two builds in one report.
 */
const SNAPSHOT = path.join(ROOT, 'bench/.pkg');
/** A copy of the release build that keeps function names, for the CPU profile only (git-ignored). */
const PROFILING_PKG = path.join(ROOT, 'bench/.profiling-pkg');


/** Rounds of the HTML-against-text batches per body size (issue 27). */
const HTML_ROUNDS = 15;

/** Gap between heap polls; each poll briefly interrupts the worker. */
const HEAP_POLL_MS = 1;
/** Profiler sampling interval. */
const PROFILE_INTERVAL_US = 100;

function parseArgs() {
  /** @type {Record<string, string | true>} */
  const args = {};
  for (const a of process.argv.slice(2)) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}; see the header of bench/run.mjs`);
    args[m[1]] = m[2] ?? true;
  }
  const settings = { ...DEFAULT_SETTINGS };
  if (args.quick) Object.assign(settings, { cutoffMs: 10_000, warmup: 1, runs: 3, budgetMs: 3_000 });
  if (typeof args.cutoff === 'string') settings.cutoffMs = Number(args.cutoff) * 1000;
  const list = (/** @type {string | true | undefined} */ v) => (typeof v === 'string' ? v.split(',') : null);
  const only = list(args.only);
  const tools = list(args.tools);
  for (const t of tools ?? []) if (!TOOLS.some((x) => x.id === t)) throw new Error(`unknown tool ${t}; tools: ${TOOLS.map((x) => x.id).join(', ')}`);
  const partial = !!(args.quick || only || tools || args.cutoff);
  const out = typeof args.out === 'string' ? path.resolve(args.out) : path.join(ROOT, partial ? 'target/bench/results.md' : 'bench/results.md');
  return { settings, only, tools, out };
}

/** @param {string[]} cmd */
function git(...cmd) {
  try {
    return execFileSync('git', cmd, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The release code with its wasm name section kept, so the profile can tell engine functions
 * from serialization: the cargo release build through wasm-bindgen only. (wasm-opt drops the
 * names, and Debian's binaryen 108 also breaks wasm-bindgen's externref table even with `-g`.)
 * The engine is built here, with the features `wasm-pack` gives it: `./run`'s build of `pkg/`
 * ends with the reader modules, the same crate with other features, which leave theirs at the
 * same path. The timed figures always come from `pkg/`. Returns the glue's path from the server
 * root, or `null` (with the reason on stderr) when it cannot be built.
 */
function buildProfilingPkg() {
  const why = (/** @type {string} */ reason) => {
    console.error(`profile without function names: ${reason}`);
    return null;
  };
  const env = { ...process.env, PATH: `${path.join(os.homedir(), '.cache/article-diff/bin')}:${path.join(os.homedir(), '.cargo/bin')}:${process.env.PATH}` };
  try {
    execFileSync('cargo', ['build', '--lib', '--release', '--target', 'wasm32-unknown-unknown'], { cwd: ROOT, env, stdio: 'pipe' });
  } catch (e) {
    return why(`cargo could not build the engine: ${String(/** @type {any} */ (e).stderr || e).trim().split('\n').pop()}`);
  }
  try {
    rmSync(PROFILING_PKG, { recursive: true, force: true });
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', PROFILING_PKG, CARGO_WASM], { env, stdio: 'pipe' });
  } catch (e) {
    return why(String(/** @type {any} */ (e).stderr || e).split('\n')[0]);
  }
  return 'bench/.profiling-pkg/article_diff.js';
}

/** Copies the served package into `SNAPSHOT`; returns its glue's path from the server root. */
function snapshotPkg() {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  mkdirSync(SNAPSHOT, { recursive: true });
  for (const file of ['article_diff.js', 'article_diff_bg.wasm']) copyFileSync(path.join(ROOT, 'pkg', file), path.join(SNAPSHOT, file));
  // The HTML module, for the HTML-against-text section (which says so if it is missing).
  for (const file of ['article_diff_markup.js', 'article_diff_markup_bg.wasm']) {
    if (existsSync(path.join(ROOT, 'pkg', file))) copyFileSync(path.join(ROOT, 'pkg', file), path.join(SNAPSHOT, file));
  }
  // The module imports wasm-bindgen's snippets (the JavaScript half of the binding).
  const snippets = path.join(ROOT, 'pkg', 'snippets');
  if (existsSync(snippets)) cpSync(snippets, path.join(SNAPSHOT, 'snippets'), { recursive: true });
  return 'bench/.pkg/article_diff.js';
}

/**
 * The served module's size, gzipped as `./run test` checks its budget: GNU `gzip -9`. Node's
 * zlib at level 9 makes a different stream, kilobytes larger on this module, which would put
 * the report at odds with the budget; it stands in only where `gzip` is missing (and says so).
 */
function wasmSize() {
  const file = path.join(SNAPSHOT, 'article_diff_bg.wasm');
  const bytes = readFileSync(file);
  try {
    return { rawBytes: bytes.length, gzipBytes: execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length, gzip: 'gzip -9' };
  } catch {
    return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, gzip: 'zlib level 9' };
  }
}

/**
 * The native core on the benchmark's inputs, built here exactly as the page builds them: the
 * texts go to `target/bench/inputs/`, and `examples/native_times.rs` (built once with cargo)
 * times one input per call, so that each input's native figure is taken right before its
 * browser cases, on a machine as busy as it is for them; `batch` times batches on request
 * from a process that stays up (`native_times --serve`), which the page takes in turn with its
 * own. `null` (with the reason on stderr) when cargo cannot build it.
 * @param {string[] | null} only
 * @returns {Promise<{time: (id: string) => import('./suite.mjs').NativeResult | null,
 *   batch: (id: string, calls: number) => Promise<{meanMs: number} | null>, close: () => void} | null>}
 */
async function nativeTimer(only) {
  const load = (/** @type {string} */ p) => {
    const resolved = resolvePath('/' + p);
    if (!resolved) throw new Error(`no file for ${p}`);
    return Promise.resolve(readFileSync(resolved.file, 'utf8'));
  };
  const inputs = (await buildInputs(load)).filter((i) => !only || only.includes(i.id));
  const dir = path.join(ROOT, 'target/bench/inputs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const i of inputs) {
    writeFileSync(path.join(dir, `${i.id}.old.txt`), i.oldText);
    writeFileSync(path.join(dir, `${i.id}.new.txt`), i.newText);
  }
  console.error('native: building examples/native_times.rs (cargo build --release)');
  try {
    execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'native_times'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    console.error(`native: no native figures (${String(e).split('\n')[0]})`);
    return null;
  }
  const binary = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target'), 'release/examples/native_times');
  const server = spawn(binary, [dir, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  /** @type {((line: string | null) => void)[]} answers awaited, in request order */
  const waiting = [];
  createInterface({ input: /** @type {import('node:stream').Readable} */ (server.stdout) }).on('line', (line) => waiting.shift()?.(line));
  server.on('exit', () => waiting.splice(0).forEach((answer) => answer(null)));
  server.on('error', (e) => console.error(`native: --serve failed (${e.message})`));
  /** @type {(id: string, calls: number) => Promise<{meanMs: number} | null>} */
  const batch = (id, calls) =>
    new Promise((resolve) => {
      if (server.exitCode !== null || !server.stdin?.writable) return resolve(null);
      waiting.push((line) => resolve(line ? JSON.parse(line) : null));
      server.stdin.write(`${id} ${calls}\n`);
    });
  const close = () => server.stdin?.end();
  const time = (/** @type {string} */ id) => {
    try {
      const out = execFileSync(binary, [dir, id], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const { id: _, ...result } = JSON.parse(out.trim());
      return result;
    } catch (e) {
      console.error(`native: ${id} failed (${String(e).split('\n')[0]})`);
      return null;
    }
  };
  return { time, batch, close };
}

/**
 * Wasm function names that belong to turning the model into a JS value, not to diffing:
 * the binding, `pack` (the model as one `u32` buffer), and wasm-bindgen's exported helpers (`__wbindgen_malloc`,
 * `__externref_table_alloc`, …). The allocator and `memcpy` serve both sides and count as engine.
 */
const ENCODING_NAMES = /serde|wasm_bindgen|__wbindgen|__externref|js_sys|JsDiff|article_diff::output::pack::|article_diff::wasm::|itoa|ryu/;

/**
 * Which self-time bucket a profile node falls in. V8 attributes builtins such as `JSON.parse`
 * to their JS caller, so the glue's closure around `JSON.parse` carries the parse.
 * @param {{functionName: string, url: string}} frame
 */
function category(frame) {
  const { functionName: name, url } = frame;
  if (url.endsWith('.wasm') || url.startsWith('wasm://')) {
    // The module `src/copy.js` assembles to copy the texts in (Chromium).
    if (name === 'copyStringAsUtf8' || name === 'loadString') return 'JS: texts into wasm (UTF-8)';
    if (/^(\$|wasm-function|\$?func\d)/.test(name)) return 'wasm (names stripped)';
    return ENCODING_NAMES.test(name) ? 'wasm: encoding the result' : 'wasm: engine';
  }
  if (name === '(garbage collector)') return 'GC';
  if ((name === 'now' && !url) || name.startsWith('__wbg_now_')) return 'performance.now() (deadline clock)';
  // The package's own JS (glue and wasm-bindgen snippets), wherever it is served from.
  const glue = /\/(pkg|\.pkg|\.profiling-pkg)\//.test(url);
  // (The binding's own copy: encodeInto and the line walk that lets it skip the shared lines.)
  const copying = /^(encode|encodeInto|encodeRange|sharedRuns|commonLength|same|sameLine|lineEnd)$/;
  if ((!url && /^(encode|encodeInto)$/.test(name)) || (glue && (copying.test(name) || /^passStringToWasm/.test(name)))) return 'JS: texts into wasm (UTF-8)';
  if ((!url && name === 'decode') || (glue && (/^getArrayU32FromWasm|^getStringFromWasm|^getCachedStringFromWasm|^decodeText|^materialize$/.test(name) || name === ''))) {
    return 'JS: result out (copy from wasm memory)';
  }
  if (glue || (!url && /^(wasm-to-js|js-to-wasm)$/.test(name))) return 'JS: other glue and snippets (wrapping the result)';
  if (url.includes('/bench/') || (name === 'postMessage' && !url)) return 'bench harness';
  if (name === '(idle)') return 'idle';
  return 'other';
}

/**
 * Self time per category, and the hottest functions, from a DevTools `Profiler.Profile`.
 * @param {any} profile
 */
function summarizeProfile(profile) {
  /** @type {Map<number, any>} */
  const frames = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node.callFrame]));
  /** @type {Record<string, number>} */
  const categories = {};
  /** @type {Map<string, {ms: number, category: string}>} */
  const functions = new Map();
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = frames.get(id);
    const c = category(frame);
    if (c === 'idle') return;
    categories[c] = (categories[c] ?? 0) + ms;
    const key = `${frame.functionName || '(anonymous)'}${frame.url ? ' (' + frame.url.split('/').pop() + ')' : ''}`;
    const f = functions.get(key) ?? { ms: 0, category: c };
    f.ms += ms;
    functions.set(key, f);
  });
  const top = [...functions].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10).map(([name, f]) => ({ name, ...f }));
  return { categories, totalMs: Object.values(categories).reduce((a, b) => a + b, 0), top };
}

/**
 * The DevTools side channel for one page: tracks the page's worker (one at a time) and
 * answers the page's `__benchProbe(op)` calls.
 * @param {import('playwright-core').Page} page
 */
async function attachProbe(page) {
  const client = await page.context().newCDPSession(page);
  /** @type {string[]} attached worker sessions, newest last */
  const workers = [];
  let nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: any) => void}>} */
  const pending = new Map();
  client.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.push(e.sessionId);
  });
  client.on('Target.detachedFromTarget', (e) => {
    const k = workers.indexOf(e.sessionId);
    if (k >= 0) workers.splice(k, 1);
  });
  client.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(`${msg.error.message}`));
    else p.resolve(msg.result);
  });
  // Non-flattened auto-attach: messages to the worker travel inside Target.sendMessageToTarget,
  // which Playwright's CDPSession can send (it cannot address a flattened child session).
  await client.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  /**
   * @param {string} method
   * @param {object} [params]
   */
  const send = (method, params = {}) => {
    const sessionId = workers[workers.length - 1];
    if (!sessionId) return Promise.reject(new Error('no worker attached'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      client.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  };

  /** @type {{stop: boolean, peak: number, baseline: number, samples: number, loop: Promise<void>} | null} */
  let heap = null;
  await page.exposeFunction('__benchProbe', async (/** @type {string} */ op) => {
    if (op === 'heap-begin') {
      await send('HeapProfiler.collectGarbage');
      const baseline = (await send('Runtime.getHeapUsage')).usedSize;
      const state = { stop: false, peak: baseline, baseline, samples: 0, loop: Promise.resolve() };
      state.loop = (async () => {
        while (!state.stop) {
          const used = (await send('Runtime.getHeapUsage')).usedSize;
          state.peak = Math.max(state.peak, used);
          state.samples++;
          await new Promise((r) => setTimeout(r, HEAP_POLL_MS));
        }
      })();
      heap = state;
      return null;
    }
    if (op === 'heap-end') {
      const state = /** @type {NonNullable<typeof heap>} */ (heap);
      state.stop = true;
      await state.loop;
      const used = (await send('Runtime.getHeapUsage')).usedSize;
      state.peak = Math.max(state.peak, used);
      heap = null;
      return { peakBytes: state.peak, baselineBytes: state.baseline, samples: state.samples + 1 };
    }
    if (op === 'profile-begin') {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
      await send('Profiler.start');
      return null;
    }
    if (op === 'profile-end') {
      const { profile } = await send('Profiler.stop');
      return summarizeProfile(profile);
    }
    throw new Error(`unknown probe ${op}`);
  });
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {((id: string, calls: number) => Promise<{meanMs: number} | null>) | null} nativeBatch
 *   exposed to the page as `__benchNative`
 */
async function openPage(browser, url, nativeBatch) {
  const page = await browser.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await attachProbe(page);
  if (nativeBatch) await page.exposeFunction('__benchNative', nativeBatch);
  await page.goto(new URL('bench/', url).href);
  try {
    await page.waitForFunction(() => /** @type {any} */ (globalThis).bench?.ready, null, { timeout: 60_000 });
    await page.evaluate(() => /** @type {any} */ (globalThis).bench.ready);
  } catch (e) {
    throw new Error(`the benchmark page did not load: ${errors.join('; ') || e}`);
  }
  return page;
}

async function main() {
  const { settings, only, tools, out } = parseArgs();
  const withOurs = !tools || tools.includes(OURS);
  try {
    readFileSync(WASM);
  } catch {
    if (withOurs) throw new Error(`${path.relative(ROOT, WASM)} is missing: build it first (\`./run bench\` does)`);
  }
  const startedAt = new Date().toISOString();
  ensureDocs();
  if (!PEERS) console.error('wikEd diff: no shared/peers folder found beside the checkout (set ARTICLE_DIFF_PEERS); its cases will fail');
  const timeNative = withOurs ? await nativeTimer(only) : null;
  /** @type {Record<string, import('./suite.mjs').NativeResult> | null} */
  const native = timeNative ? {} : null;
  const oursPkg = withOurs ? snapshotPkg() : null;
  const profilePkg = withOurs ? buildProfilingPkg() : null;
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    let page = await openPage(browser, server.url, timeNative?.batch ?? null);
    const init = oursPkg ? await page.evaluate((pkg) => /** @type {any} */ (globalThis).bench.measureInit(pkg), oursPkg) : null;
    const inputs = /** @type {import('./suite.mjs').Report['inputs']} */ (
      await page.evaluate(() => /** @type {any} */ (globalThis).bench.describeInputs())
    ).filter((i) => !only || only.includes(i.id));
    /** @type {import('./suite.mjs').CaseResult[]} */
    const cases = [];
    for (const input of inputs) {
      const nativeResult = timeNative?.time(input.id);
      if (native && nativeResult) {
        native[input.id] = nativeResult;
        console.error(`${input.id.padEnd(15)} ${'native core'.padEnd(42)} ${nativeResult.medianMs.toFixed(2)} ms`);
      }
      for (const t of TOOLS) {
        if (tools && !tools.includes(t.id)) continue;
        const spec = {
          inputId: input.id,
          tool: t.id,
          settings,
          overhead: t.id === OURS && input.id === inputs[0].id,
          pkg: oursPkg,
          profilePkg,
          done: cases.map(({ inputId, tool, status, reason }) => ({ inputId, tool, status, reason })),
        };
        const t0 = Date.now();
        /** @type {import('./suite.mjs').CaseResult} */
        let result;
        try {
          result = await page.evaluate((s) => /** @type {any} */ (globalThis).bench.runCase(s), spec);
        } catch (e) {
          // The renderer died (a peer exhausting memory can take the page with it): record it
          // and carry on in a fresh page.
          result = { inputId: input.id, tool: t.id, status: 'error', reason: `page crashed: ${String(e).split('\n')[0]}` };
          await page.close().catch(() => {});
          page = await openPage(browser, server.url, timeNative?.batch ?? null);
        }
        cases.push(result);
        const shown = result.status === 'ok' ? `${result.medianMs?.toFixed(2)} ms` : `${result.status}${result.reason ? ': ' + result.reason : ''}`;
        console.error(`${input.id.padEnd(15)} ${t.id.padEnd(42)} ${shown}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }
      // Our diff() and the peers the speed targets read, in alternating batches (bench.js, pairPeers).
      const ours = cases.find((c) => c.inputId === input.id && c.tool === OURS);
      const peers = peersToPair(cases, input.id);
      if (ours?.medianMs !== undefined && peers.length) {
        const spec = { inputId: input.id, oursMs: ours.medianMs, peers, settings, pkg: oursPkg };
        try {
          ours.pairedPeers = await page.evaluate((s) => /** @type {any} */ (globalThis).bench.pairPeers(s), spec);
        } catch (e) {
          const reason = `page crashed: ${String(e).split('\n')[0]}`;
          ours.pairedPeers = peers.map(({ tool }) => ({ tool, status: /** @type {const} */ ('error'), reason, seconds: 0 }));
          await page.close().catch(() => {});
          page = await openPage(browser, server.url, timeNative?.batch ?? null);
        }
        for (const p of ours.pairedPeers ?? []) {
          const shown = p.status === 'ok'
            ? `${p.ratio.toFixed(2)}× (${p.low.toFixed(2)}–${p.high.toFixed(2)}), ${p.rounds.length} rounds`
            : `${p.status}${p.status === 'error' ? ': ' + p.reason : ''}`;
          console.error(`${input.id.padEnd(15)} ${('paired: ' + p.tool).padEnd(42)} ${shown}  (${p.seconds.toFixed(1)} s)`);
        }
      }
    }
    // Issue 27's target: two HTML bodies against their visible texts (html-vs-text.mjs).
    /** @type {import('./html-vs-text.mjs').HtmlResult[] | null} */
    let html = null;
    if (oursPkg && (!only || only.includes('html'))) {
      const t0 = Date.now();
      try {
        html = await page.evaluate((s) => /** @type {any} */ (globalThis).bench.htmlAgainstText(s),
          { pkg: oursPkg, markupPkg: oursPkg.replace('article_diff.js', 'article_diff_markup.js'), rounds: HTML_ROUNDS });
      } catch (e) {
        // The inputs' results are written whatever becomes of this section.
        console.error(`html: HTML against plain text failed: ${String(e).split('\n')[0]}`);
      }
      for (const h of html ?? []) {
        console.error(`${'html'.padEnd(15)} ${`${(h.htmlBytes / 1024).toFixed(0)} KiB: HTML ÷ text`.padEnd(42)} ${h.html.ratio.toFixed(2)}× (${h.html.low.toFixed(2)}–${h.html.high.toFixed(2)})`);
      }
      console.error(`${'html'.padEnd(15)} ${'(all sizes)'.padEnd(42)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    /** @type {import('./suite.mjs').Report} */
    const report = {
      startedAt,
      commit: git('describe', '--always', '--dirty'),
      browser: `Chromium ${browser.version()}`,
      machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      settings,
      wasm: withOurs ? wasmSize() : null,
      init: init && {
        coldPageMs: init.coldPageMs,
        workerMs: cases.filter((c) => c.tool === OURS && c.status === 'ok').map((c) => /** @type {number} */ (c.loadMs)),
      },
      inputs,
      cases,
      native,
      html,
    };
    const markdown = renderMarkdown(report);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, markdown);
    mkdirSync(path.join(ROOT, 'target/bench'), { recursive: true });
    writeFileSync(path.join(ROOT, 'target/bench/results.json'), JSON.stringify(report, null, 1));
    console.log(markdown);
    console.error(`written to ${path.relative(process.cwd(), out)}`);
  } finally {
    timeNative?.close();
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
