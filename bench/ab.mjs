// @ts-check
/**
 * A/B of two builds of the package in one Chromium page, for changes to the binding or the
 * engine: each round is a fresh worker that loads both builds and calls them in turn on the
 * same input (which is loaded and called first alternates by round), so a machine that gets busier or quieter
 * weighs on both alike.
 *
 *   node bench/ab.mjs --a=<dir> --b=<dir> [--only=book,world] [--rounds=8] [--calls=8] [--clock=cpu]
 *
 * `--a` and `--b` are folders holding a wasm-pack `--target web` build (`article_diff.js`, its
 * wasm and `snippets/`), e.g. a copy of main's `pkg/` and `pkg/` itself; they are copied into
 * `bench/.pkg/ab-a` and `bench/.pkg/ab-b` (git-ignored) before the run. Printed per input: the
 * first call of a fresh worker (baseline wasm code) and the later calls, each as min and median
 * over all rounds, B ÷ A of those medians, and the median of B ÷ A over paired calls (the figure
 * to read on a busy machine). Each round's last result of each build is written with
 * `JSON.stringify` and hashed, so an A/B of a change that alters the diff says so.
 *
 * `--clock=cpu` times CPU time instead of wall time: on a machine shared with other work a call
 * that waits for a core counts that wait in wall time. Both builds are then loaded once in the
 * page itself and called there, as the DevTools protocol reports the CPU time of the page's own
 * thread only (`Performance.getMetrics`, `ThreadTime`): each round, each build in turn makes one
 * call (its "first") and then `calls - 1` calls in a row, whose mean is each of its "later"
 * figures.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { ensureDocs } from './docs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The worker: loads both builds (two module instances, each with its own memory), then calls
 * `diff()` of each in turn, `calls` times: paired calls a few milliseconds apart see the same
 * machine, which on a shared machine matters more than anything. The last result of each is
 * hashed.
 */
const HASH = `(json) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16) + ':' + json.length;
}`;
const WORKER = `
const hash = ${HASH};
self.onmessage = async ({data: {glues, oldText, newText, calls, bFirst}}) => {
  try {
    const pkgs = [];
    for (const k of bFirst ? [1, 0] : [0, 1]) {
      const pkg = await import(glues[k]);
      await pkg.default();
      pkgs[k] = pkg;
    }
    const times = [[], []];
    const last = [null, null];
    for (let i = 0; i < calls; i++) {
      for (const k of bFirst ? [1, 0] : [0, 1]) {
        last[k] = null;
        const t0 = performance.now();
        last[k] = pkgs[k].diff(oldText, newText, {});
        times[k].push(performance.now() - t0);
      }
    }
    postMessage({times, hashes: last.map((d) => hash(JSON.stringify(d)))});
  } catch (e) {
    postMessage({error: String(e && e.stack || e)});
  }
};`;

function parseArgs() {
  /** @type {Record<string, string>} */
  const args = {};
  for (const a of process.argv.slice(2)) {
    const m = /^--([a-z]+)=(.*)$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}; see the header of bench/ab.mjs`);
    args[m[1]] = m[2];
  }
  if (!args.a || !args.b) throw new Error('--a=<dir> and --b=<dir> are required');
  return {
    a: path.resolve(args.a),
    b: path.resolve(args.b),
    only: (args.only ?? 'seed,book,world,docs-near,docs-moved,docs-releases').split(','),
    rounds: Number(args.rounds ?? 8),
    calls: Number(args.calls ?? 8),
    cpu: (args.clock ?? 'wall') === 'cpu',
  };
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** @param {number[]} xs */
const minMedian = (xs) => `${Math.min(...xs).toFixed(2).padStart(8)} ${median(xs).toFixed(2).padStart(8)}`;

async function main() {
  const { a, b, only, rounds, calls, cpu } = parseArgs();
  /** @type {Record<string, string>} */
  const glues = {};
  for (const [name, dir] of [['A', a], ['B', b]]) {
    if (!existsSync(path.join(dir, 'article_diff.js'))) throw new Error(`${dir} holds no article_diff.js`);
    const copy = path.join(ROOT, 'bench/.pkg', `ab-${name.toLowerCase()}`);
    rmSync(copy, { recursive: true, force: true });
    cpSync(dir, copy, { recursive: true });
    glues[name] = `/bench/.pkg/ab-${name.toLowerCase()}/article_diff.js`;
  }
  ensureDocs();
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('bench/', server.url).href);
    await page.evaluate(async ({ worker }) => {
      const { buildInputs } = /** @type {typeof import('./inputs.mjs')} */ (await import(new URL('/bench/inputs.mjs', location.href).href));
      const load = async (/** @type {string} */ p) => (await fetch('/' + p)).text();
      const g = /** @type {any} */ (globalThis);
      g.abInputs = await buildInputs(load);
      g.abWorker = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
    }, { worker: WORKER });
    const round = cpu ? await cpuRounds(page, [glues.A, glues.B]) : null;
    console.log(`${'input'.padEnd(14)} build  first: min   median   later: min   median`);
    for (const id of only) {
      /** @type {Record<string, {first: number[], later: number[], hash: Set<string>}>} */
      const acc = { A: { first: [], later: [], hash: new Set() }, B: { first: [], later: [], hash: new Set() } };
      /** Per-call ratios B ÷ A of the calls after the first. */
      const pairs = [];
      for (let r = 0; r < rounds; r++) {
        const out = round ? await round(id, calls, r % 2 === 1) : await page.evaluate(
          ({ id, glues, calls, bFirst }) =>
            new Promise((resolve) => {
              const g = /** @type {any} */ (globalThis);
              const input = g.abInputs.find((/** @type {any} */ i) => i.id === id);
              if (!input) return resolve({ error: `no input ${id}` });
              const w = new Worker(g.abWorker, { type: 'module' });
              w.onmessage = (e) => {
                w.terminate();
                resolve(e.data);
              };
              const urls = glues.map((/** @type {string} */ glue) => new URL(glue, location.href).href);
              w.postMessage({ glues: urls, oldText: input.oldText, newText: input.newText, calls, bFirst });
            }),
          { id, glues: [glues.A, glues.B], calls, bFirst: r % 2 === 1 },
        );
        if (out.error) throw new Error(`${id}: ${out.error}`);
        ['A', 'B'].forEach((name, k) => {
          acc[name].first.push(out.times[k][0]);
          acc[name].later.push(...out.times[k].slice(1));
          acc[name].hash.add(out.hashes[k]);
        });
        for (let i = 1; i < calls; i++) pairs.push(out.times[1][i] / out.times[0][i]);
      }
      for (const name of ['A', 'B']) {
        console.log(`${id.padEnd(14)} ${name}     ${minMedian(acc[name].first)}       ${minMedian(acc[name].later)}`);
      }
      const ratio = (/** @type {'first' | 'later'} */ k) => (median(acc.B[k]) / median(acc.A[k])).toFixed(3);
      const paired = median(pairs).toFixed(3);
      const same = acc.A.hash.size === 1 && [...acc.A.hash][0] === [...acc.B.hash][0] && acc.B.hash.size === 1;
      console.log(`${id.padEnd(14)} B÷A medians: first ${ratio('first')}, later ${ratio('later')}, median of paired calls ${paired}; results ${same ? 'identical' : 'DIFFER'}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The `--clock=cpu` rounds: both builds loaded in the page, each round's calls timed by the CPU
 * time of the page's thread. Returns a round as the worker reports one.
 * @param {import('playwright-core').Page} page @param {string[]} glues
 */
async function cpuRounds(page, glues) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return /** @type {{value: number}} */ (metrics.find((m) => m.name === 'ThreadTime')).value * 1000;
  };
  await page.evaluate(async ({ hash, glues }) => {
    const g = /** @type {any} */ (globalThis);
    g.abPkgs = [];
    for (const glue of glues) {
      const pkg = await import(new URL(glue, location.href).href);
      await pkg.default();
      g.abPkgs.push(pkg);
    }
    // The worker's hash, for the same check of the results.
    g.abHash = new Function(`return ${hash}`)();
    g.abLast = [null, null];
  }, { hash: HASH, glues });
  /** @param {string} id @param {number} calls @param {boolean} bFirst */
  return async (id, calls, bFirst) => {
    const times = /** @type {number[][]} */ ([[], []]);
    const hashes = /** @type {string[]} */ ([]);
    for (const k of bFirst ? [1, 0] : [0, 1]) {
      for (const n of [1, calls - 1]) {
        const t0 = await threadMs();
        await page.evaluate(({ k, id, n }) => {
          const g = /** @type {any} */ (globalThis);
          const input = g.abInputs.find((/** @type {any} */ i) => i.id === id);
          if (!input) throw new Error(`no input ${id}`);
          for (let i = 0; i < n; i++) {
            g.abLast[k] = null;
            g.abLast[k] = g.abPkgs[k].diff(input.oldText, input.newText, {});
          }
        }, { k, id, n });
        const ms = ((await threadMs()) - t0) / Math.max(n, 1);
        for (let i = 0; i < n; i++) times[k].push(ms);
      }
      hashes[k] = await page.evaluate((k) => {
        const g = /** @type {any} */ (globalThis);
        const hash = /** @type {string} */ (g.abHash(JSON.stringify(g.abLast[k])));
        g.abLast[k] = null;
        return hash;
      }, k);
    }
    return { times, hashes };
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
