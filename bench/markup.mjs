// @ts-check
/**
 * HTML against plain text in WebAssembly (issue 27): the time to diff two HTML bodies as
 * documents (read both, engine diff of the visible texts, formatting) against the time to diff
 * the same visible texts as plain text. Target: at most 1.5×. Run after `./run bench` or
 * `./run serve` built `pkg/`: `node bench/markup.mjs [pkg-dir]` (Node's V8, the engine Chromium
 * runs). Prints one line per input size; the native counterpart is `cargo bench --bench markup`.
 *
 * On a shared machine single timings swing by 2× or more, so the four calls (plain text, HTML,
 * and the HTML call's two parts: reading, and the documents diff after it) are timed in rounds:
 * each round times one batch of each, back to back (the order reversed every other round), so
 * the calls of a round ran on the same load, and its ratios are taken within it. Each batch is
 * timed twice over: by the wall clock, and by the CPU time of the process (`process.cpuUsage`,
 * V8's own threads included), which other processes' load barely moves. Printed: the median
 * CPU time per call of each, the median (with the middle half) of the rounds' paired ratios of
 * CPU time, which is the figure to read, and the wall-clock ratio beside it. `ROUNDS=n`
 * changes the number of rounds (default 21).
 */
import {readFileSync} from 'node:fs';

import {diffRead} from '../www/article-diff-documents.js';
import {MARKUP_SIZES, markupPair, wordsOf} from './markup-pairs.mjs';
import {spreadOf} from './suite.mjs';

const root = new URL('../', import.meta.url);
const pkg = process.argv[2] ? new URL(`${process.argv[2].replace(/\/?$/, '/')}`, `file://${process.cwd()}/`) : new URL('pkg/', root);
const load = async (/** @type {string} */ name) => {
  const module = await import(new URL(`${name}.js`, pkg).href);
  module.initSync({module: readFileSync(new URL(`${name}_bg.wasm`, pkg))});
  return module;
};
const engine = await load('article_diff');
const reader = await load('article_diff_markup');
const ROUNDS = Number(process.env.ROUNDS ?? 21);
/** Each batch is made long enough to outlast a timer tick and a scheduling hiccup. */
const BATCH_MS = 20;

const words = wordsOf(readFileSync(new URL('tests/fixtures/new.txt', root), 'utf8'));

/**
 * Mean time of one call over a batch of `calls`, in ms: by the wall clock and in CPU time.
 * @param {() => unknown} f @param {number} calls
 */
function batch(f, calls) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let k = 0; k < calls; k++) f();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return {wall: wall / calls, cpu: (used.user + used.system) / 1000 / calls};
}

for (const bytes of MARKUP_SIZES) {
  const [oldHtml, newHtml] = markupPair(bytes, words);
  // Reading: both sources read into the HTML module's `Documents` (and the records the element
  // draws from made); the documents diff: the rest of `diffDocuments`, `diffRead` in
  // `www/article-diff-documents.js`.
  const read = () => reader.Documents.read(oldHtml, newHtml, 'html');
  const diffDocuments = (/** @type {ReturnType<typeof read>} */ docs) => {
    const {packed, oldText, newText} = diffRead(engine, docs, {});
    return engine.unpack(packed, oldText, newText);
  };
  const documents = () => {
    const docs = read();
    try {
      return diffDocuments(docs);
    } finally {
      docs.free();
    }
  };
  const model = documents();
  const kept = read();
  const [oldText, newText] = [model.oldText, model.newText];
  /** @type {Record<'text'|'html'|'reading'|'diffing', () => unknown>} */
  const calls = {
    text: () => engine.diff(oldText, newText, {}),
    html: documents,
    reading: () => read().free(),
    diffing: () => diffDocuments(kept),
  };
  const names = /** @type {(keyof typeof calls)[]} */ (Object.keys(calls));
  // Warm up first: V8 compiles wasm in tiers, and a first timed run would pay for it. The
  // warm-up's last timing sizes each call's batch.
  /** @type {Record<string, number>} */
  const size = {};
  for (const name of names) {
    let t = 0;
    for (let k = 0; k < 3; k++) t = batch(calls[name], 1).wall;
    size[name] = Math.max(1, Math.round(BATCH_MS / Math.max(t, 0.01)));
  }
  /** @type {Record<string, number[]>} */
  const times = {text: [], html: [], reading: [], diffing: []};
  const ratios = {html: /** @type {number[]} */ ([]), reading: /** @type {number[]} */ ([]), diffing: /** @type {number[]} */ ([])};
  /** @type {number[]} */
  const wallRatios = [];
  for (let round = 0; round < ROUNDS; round++) {
    /** @type {Record<string, {wall: number, cpu: number}>} */
    const t = {};
    for (const name of round % 2 ? [...names].reverse() : names) t[name] = batch(calls[name], size[name]);
    for (const name of names) times[name].push(t[name].cpu);
    ratios.html.push(t.html.cpu / t.text.cpu);
    ratios.reading.push(t.reading.cpu / t.text.cpu);
    ratios.diffing.push(t.diffing.cpu / t.text.cpu);
    wallRatios.push(t.html.wall / t.text.wall);
  }
  kept.free();
  const ms = (/** @type {string} */ name) => spreadOf(times[name]).ratio.toFixed(1);
  const ratio = (/** @type {number[]} */ r) => {
    const q = spreadOf(r);
    return `${q.ratio.toFixed(2)}× (${q.low.toFixed(2)}–${q.high.toFixed(2)})`;
  };
  console.log(`${(oldHtml.length / 1024).toFixed(0).padStart(5)} KiB of HTML (${(oldText.length / 1024).toFixed(0)} KiB visible), ` +
    `CPU time, medians of ${ROUNDS} rounds: text ${ms('text')} ms, HTML ${ms('html')} ms (reading ${ms('reading')}, documents diff ${ms('diffing')}); ` +
    `paired ratios: HTML ${ratio(ratios.html)}, reading ${ratio(ratios.reading)}, documents diff ${ratio(ratios.diffing)}; ` +
    `wall clock: HTML ${ratio(wallRatios)} ` +
    `(${model.stats.formattingChanges} formatting changes, ${model.stats.wordsInserted} words inserted)`);
}
