// @ts-check
/**
 * Issue 27's speed target in the browser: the diff of two HTML bodies (both read by the HTML
 * module, the engine's diff of their visible texts, the formatting changes) against the diff of
 * the same two visible texts as plain text, which is at most 1.5× by the target. Runs in the
 * benchmark page's own thread (`bench/bench.js`, `bench.htmlAgainstText`) on the bodies of
 * `markup-pairs.mjs`; `bench/markup.mjs` times the same calls in Node.
 *
 * A machine that gets busier or quieter weighs on both calls alike only if they run close
 * together, so each round times one batch of each call (about `BATCH_MS` of calls), back to back,
 * the order reversed every other round, and the ratios are taken within a round: the report
 * gives the median of the rounds' ratios with their middle half.
 */
import {MARKUP_SIZES, markupPair, wordsOf} from './markup-pairs.mjs';
import {spreadOf} from './suite.mjs';

/** About this long of calls per batch: longer than a timer step and a scheduling hiccup. */
const BATCH_MS = 30;
/** Calls of each kind before the timing starts (wasm and JS tier up). */
const WARMUP_CALLS = 5;

/**
 * @typedef {{ratio: number, low: number, high: number}} Spread the median ratio and its quartiles
 * @typedef {{htmlBytes: number, visibleChars: number, formattingChanges: number, rounds: number,
 *   textMs: number, htmlMs: number, readingMs: number, html: Spread, reading: Spread}} HtmlResult
 *   one body size: each call's median time per call, and the rounds' paired ratios to the text
 *   diff (`html`: the whole HTML call; `reading`: reading alone)
 */

/** Mean time of one call over `calls` calls in a row, in ms. @param {() => unknown} f @param {number} calls */
function batch(f, calls) {
  const t0 = performance.now();
  for (let k = 0; k < calls; k++) f();
  return (performance.now() - t0) / calls;
}

/**
 * Times the HTML diff against the text diff for each size of `MARKUP_SIZES`.
 * @param {{pkg: string, markupPkg: string, rounds: number}} spec the engine's and the HTML
 *   module's glue, from the server root, and the rounds per size
 * @returns {Promise<HtmlResult[]>}
 */
export async function htmlAgainstText({pkg, markupPkg, rounds}) {
  const from = (/** @type {string} */ p) => new URL(`../${p}`, import.meta.url).href;
  const engine = await import(from(pkg));
  await engine.default();
  const reader = await import(from(markupPkg));
  await reader.default();
  const {diffRead} = await import(from('article-diff-documents.js'));
  const words = wordsOf(await (await fetch(from('fixtures/new.txt'))).text());
  /** @type {HtmlResult[]} */
  const results = [];
  for (const bytes of MARKUP_SIZES) {
    const [oldHtml, newHtml] = markupPair(bytes, words);
    const read = () => reader.Documents.read(oldHtml, newHtml, 'html');
    const html = () => {
      const documents = read();
      try {
        const {packed, oldText, newText} = diffRead(engine, documents, {});
        return engine.unpack(packed, oldText, newText);
      } finally {
        documents.free();
      }
    };
    const model = html();
    const {oldText, newText} = model;
    /** @type {Record<'text'|'html'|'reading', () => unknown>} */
    const calls = {text: () => engine.diff(oldText, newText, {}), html, reading: () => read().free()};
    const names = /** @type {(keyof typeof calls)[]} */ (Object.keys(calls));
    /** @type {Record<string, number>} */
    const size = {};
    for (const name of names) {
      let ms = 0;
      for (let k = 0; k < WARMUP_CALLS; k++) ms = batch(calls[name], 1);
      size[name] = Math.max(1, Math.round(BATCH_MS / Math.max(ms, 0.01)));
    }
    /** @type {Record<string, number[]>} */
    const times = {text: [], html: [], reading: []};
    const ratios = {html: /** @type {number[]} */ ([]), reading: /** @type {number[]} */ ([])};
    for (let round = 0; round < rounds; round++) {
      /** @type {Record<string, number>} */
      const t = {};
      for (const name of round % 2 ? [...names].reverse() : names) t[name] = batch(calls[name], size[name]);
      for (const name of names) times[name].push(t[name]);
      ratios.html.push(t.html / t.text);
      ratios.reading.push(t.reading / t.text);
    }
    results.push({
      htmlBytes: new TextEncoder().encode(oldHtml).length,
      visibleChars: oldText.length,
      formattingChanges: model.stats.formattingChanges ?? 0,
      rounds,
      textMs: spreadOf(times.text).ratio,
      htmlMs: spreadOf(times.html).ratio,
      readingMs: spreadOf(times.reading).ratio,
      html: spreadOf(ratios.html),
      reading: spreadOf(ratios.reading),
    });
  }
  return results;
}
