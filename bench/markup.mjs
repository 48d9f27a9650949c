// @ts-check
/**
 * HTML against plain text in WebAssembly (issue 27): the time to diff two HTML bodies as
 * documents (read both, engine diff of the visible texts, formatting) against the time to diff
 * the same visible texts as plain text. Target: at most 1.5×. Run after `./run bench` or
 * `./run serve` built `pkg/`: `node bench/markup.mjs` (Node's V8, the engine Chromium runs).
 * Prints one line per input size; the native counterpart is `cargo bench --bench markup`.
 */
import {readFileSync} from 'node:fs';

const root = new URL('../', import.meta.url);
const pkg = process.argv[2] ? new URL(`${process.argv[2].replace(/\/?$/, '/')}`, `file://${process.cwd()}/`) : new URL('pkg/', root);
const load = async (/** @type {string} */ name) => {
  const module = await import(new URL(`${name}.js`, pkg).href);
  module.initSync({module: readFileSync(new URL(`${name}_bg.wasm`, pkg))});
  return module;
};
const engine = await load('article_diff');
const reader = await load('article_diff_markup');

const words = readFileSync(new URL('tests/fixtures/new.txt', root), 'utf8').split(/\s+/).filter((w) => /^[\p{L}\p{N}.,;:'’-]+$/u.test(w));

/** A seeded generator (xorshift), so runs compare like with like. @param {number} seed */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return (/** @type {number} */ n) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s % n;
  };
}

/** A WordPress-like body of about `bytes` and a copy with word edits and formatting changes. @param {number} bytes */
function pair(bytes) {
  const next = rng(11);
  /** @type {string[][]} */
  const blocks = [];
  for (let total = 0; total < bytes;) {
    const block = Array.from({length: 30 + next(90)}, () => words[next(words.length)]);
    total += block.join(' ').length + 60;
    blocks.push(block);
  }
  const changed = new Set();
  const edited = blocks.map((b) => [...b]);
  for (let k = 0; k < 40; k++) {
    const b = next(blocks.length);
    edited[b][next(edited[b].length)] = `edit${next(10000)}`;
    changed.add(`${b}/${next(blocks[b].length)}`);
  }
  const render = (/** @type {string[][]} */ bs, /** @type {boolean} */ isNew) => bs.map((ws, b) => {
    const inner = ws.map((w, i) => {
      const mod = (b + i) % 17;
      if (mod === 0) return isNew && changed.has(`${b}/${i}`) ? `<strong>${w}</strong>` : `<em>${w}</em>`;
      if (mod === 5) return `<a href="https://example.org/${isNew && changed.has(`${b}/${i}`) ? 'moved/' : ''}${b}/${i}">${w}</a>`;
      return w;
    }).join(' ');
    if (b % 25 === 0) return `<!-- wp:heading --><h2>${inner}</h2><!-- /wp:heading -->`;
    if (b % 7 === 0) return `<!-- wp:list --><ul><li>${inner}</li></ul><!-- /wp:list -->`;
    return `<!-- wp:paragraph -->\n<p>${inner}</p>\n<!-- /wp:paragraph -->\n`;
  }).join('\n');
  return [render(blocks, false), render(edited, true)];
}

/** Median of `runs` timings of `f`, in ms. @param {() => unknown} f @param {number} runs */
function time(f, runs) {
  const times = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

for (const bytes of [20_000, 200_000, 1_000_000]) {
  const [oldHtml, newHtml] = pair(bytes);
  // Reading: both sources read into the HTML module's `Documents` (and the records the element
  // draws from made); the documents diff: the rest of `diffDocuments` (`www/article-diff-documents.js`).
  const read = () => reader.Documents.read(oldHtml, newHtml, 'html');
  const diffDocuments = (/** @type {ReturnType<typeof read>} */ docs) => {
    const [o, n] = docs.engineTexts();
    const packed = docs.annotate(engine.diff(o, n, {}).packed);
    return engine.unpack(packed, docs.oldText, docs.newText);
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
  const runs = bytes > 500_000 ? 7 : 15;
  // Warm up first: V8 compiles wasm in tiers, and a first timed run would pay for it.
  for (let k = 0; k < 3; k++) {
    engine.diff(oldText, newText, {});
    documents();
  }
  const text = time(() => engine.diff(oldText, newText, {}), runs);
  const html = time(documents, runs);
  const reading = time(() => read().free(), runs);
  const diffing = time(() => diffDocuments(kept), runs);
  kept.free();
  console.log(`${(oldHtml.length / 1024).toFixed(0).padStart(5)} KiB of HTML (${(oldText.length / 1024).toFixed(0)} KiB visible): ` +
    `text ${text.toFixed(1)} ms, HTML ${html.toFixed(1)} ms (reading ${reading.toFixed(1)}, documents diff ${diffing.toFixed(1)}), ` +
    `ratio ${(html / text).toFixed(2)}×, without reading ${(diffing / text).toFixed(2)}× ` +
    `(${model.stats.formattingChanges} formatting changes, ${model.stats.wordsInserted} words inserted)`);
}
