// @ts-check
/**
 * The HTML reader reads as a browser does: each snippet (a corpus of malformed and hostile
 * markup, random tag soup, then the ~1,600 inputs of html5lib-tests' tree-construction suite,
 * `html5lib-tests.mjs`) is parsed by Chromium, as a document with scripting enabled whose
 * scripts a Content-Security-Policy blocks (`browser-read.mjs`), and by the native reader
 * (`cargo run --example read_markup -- --batch`). The same rendering rules
 * (`markup-reference.mjs`) turn Chromium's tree into blocks, text, marks and embeds; both
 * results must be equal. `markup-other-browsers.test.mjs` does the same in Firefox and WebKit.
 *
 * A fourth test loads the reader's own wasm module (`pkg/article_diff_markdown_bg.wasm`, built by
 * `./run`) in Chromium and checks that it returns what the native reader returns, offsets
 * included: one implementation, the same result by construction.
 *
 * Deliberate differences, kept out of the random soup: Chromium nests at most 512 elements
 * deep (deeper ones become siblings), and its `<select>` parsing is not modelled (a select's
 * content is never shown). `SEED=n` explores another random soup.
 */
import assert from 'node:assert/strict';
import {readdir} from 'node:fs/promises';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {assertReadsAsBrowser} from './browser-read.mjs';
import {launchBrowser, startServer} from './harness.mjs';
import {html5libInputs} from './html5lib-tests.mjs';
import {CORPUS, rng, soup} from './markup-inputs.mjs';
import {comparable, nativeRead} from './native-reader.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

before(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
});

/** @param {string[]} sources @param {string} what */
async function compareAll(sources, what) {
  await assertReadsAsBrowser('Chromium', (fn, arg) => page.evaluate(/** @type {any} */ (fn), arg), sources, what);
}

test('malformed and hostile snippets read as Chromium reads them', async () => {
  await compareAll(CORPUS, 'corpus snippets');
});

test('random tag soup reads as Chromium reads it', async () => {
  const seed = Number(process.env.SEED ?? 27);
  const rand = rng(seed);
  const sources = Array.from({length: Number(process.env.SOUPS ?? 300)}, () => soup(rand));
  await compareAll(sources, `soups (SEED=${seed})`);
});

test("html5lib-tests' tree-construction inputs read as Chromium reads them", async () => {
  const inputs = await html5libInputs();
  assert.ok(inputs.length > 1500, `${inputs.length} inputs`);
  await compareAll(inputs, 'html5lib-tests inputs');
});

test("the reader's wasm module returns what the native reader returns", async () => {
  const server = await startServer({port: 0});
  try {
    const wasmPage = await browser.newPage();
    await wasmPage.goto(server.url);
    const markdown = ['# Title\n\nSome *em* and **strong**, a [link](/x) and `code`.\n\n- one\n- two ’😀\n\n> quote\n\n<p>html <b>block</b></p>\n'];
    const cases = [...CORPUS.map((source) => ({source, markup: 'html'})), ...markdown.map((source) => ({source, markup: 'markdown'}))];
    const fromWasm = await wasmPage.evaluate(async (cases) => {
      const module = await import('/pkg/article_diff_markdown.js');
      await module.default();
      const KINDS = ['p', 'h', 'pre', 'dt', 'dd', 'caption', 'td'];
      const MARKS = ['bold', 'italic', 'underline', 'strike', 'code', 'sub', 'sup', 'highlight', 'link'];
      const EMBEDS = ['image', 'video', 'audio', 'frame', 'object', 'svg'];
      return cases.map(({source, markup}) => {
        const d = module.read(source, markup);
        /** @type {{kind: string, quote: number, list: object | null, text: string, start: number, source: number[]}[]} */
        const blocks = [];
        for (let i = 0; i < d.blocks.length; i += 10) {
          const [kind, level, quote, flags, depth, number, ts, te, ss, se] = d.blocks.subarray(i, i + 10);
          const name = kind === 1 ? `h${level}` : kind === 6 && level ? 'th' : KINDS[kind];
          const list = flags & 1 ? {ordered: Boolean(flags & 2), depth, number: flags & 8 ? number : null, first: Boolean(flags & 4)} : null;
          blocks.push({kind: name, quote, list, text: d.text.slice(ts, te), start: ts, source: [ss, se]});
        }
        const at = (/** @type {number} */ t) => {
          let b = 0;
          while (b + 1 < blocks.length && blocks[b + 1].start <= t) b++;
          return [b, t - blocks[b].start];
        };
        const marks = [];
        for (let i = 0; i < d.marks.length; i += 4) {
          const [kind, ts, te, href] = d.marks.subarray(i, i + 4);
          const [block, start] = at(ts);
          marks.push({block, kind: MARKS[kind], href: href < 0 ? null : d.strings[href], start, end: te - blocks[block].start});
        }
        const embeds = [];
        for (let i = 0; i < d.embeds.length; i += 4) {
          const [kind, t, src, alt] = d.embeds.subarray(i, i + 4);
          const [block, a] = at(t);
          embeds.push({block, kind: EMBEDS[kind], src: src < 0 ? null : d.strings[src], alt: d.strings[alt], at: a});
        }
        // The source offset of each character through the anchors (a decoded stretch's
        // source offset is stored as -1 - offset; see src/wasm_markup.rs).
        const offsets = [];
        for (let p = 0, k = 0; p < d.text.length; p++) {
          const code = d.text.charCodeAt(p);
          if (code >= 0xDC00 && code < 0xE000) continue;
          while (k < d.anchors.length && d.anchors[k] <= p) k += 2;
          const [t, s] = k ? [d.anchors[k - 2], d.anchors[k - 1]] : [0, 0];
          offsets.push(s < 0 ? -1 - s : s + p - t);
        }
        return {text: d.text, blocks: blocks.map(({start, ...b}) => b), marks, embeds, offsets};
      });
    }, cases);
    const native = [...nativeRead(CORPUS), ...nativeRead(markdown, 'markdown')];
    for (let i = 0; i < cases.length; i++) {
      const utf16 = (/** @type {number} */ byte) => Buffer.from(cases[i].source).subarray(0, byte).toString().length;
      const n = comparable(native[i]);
      const nativeSources = native[i].blocks.map((/** @type {any} */ b) => [utf16(b.source[0]), utf16(b.source[1])]);
      const w = comparable(fromWasm[i]);
      assert.deepEqual(w, n, JSON.stringify(cases[i].source));
      assert.deepEqual(fromWasm[i].blocks.map((/** @type {any} */ b) => b.source), nativeSources, JSON.stringify(cases[i].source));
      assert.deepEqual(fromWasm[i].offsets, native[i].offsets.map(utf16), `source offsets of ${JSON.stringify(cases[i].source)}`);
    }
    await wasmPage.close();
  } finally {
    await server.close();
  }
});

test('the visible texts reach the engine as UTF-8 (diffUtf8): the model diff() gives, exact UTF-16 offsets, bad input refused', async () => {
  const server = await startServer({port: 0});
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const got = await page.evaluate(async () => {
      const engine = await import('/pkg/article_diff.js');
      await engine.default();
      const html = await import('/pkg/article_diff_markup.js');
      await html.default();
      const markdown = await import('/pkg/article_diff_markdown.js');
      await markdown.default();
      const same = (/** @type {Uint32Array} */ a, /** @type {Uint32Array} */ b) => a.length === b.length && a.every((x, i) => x === b[i]);
      const message = (/** @type {() => unknown} */ f) => {
        try {
          f();
          return '';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      };
      // Astral characters, U+FFFD, other scripts, a line break and a whitespace-only line
      // inside a block (the engine's texts then differ from the visible ones).
      const pairs = [
        ['<p>Tea ’n’ 😀 cake</p><p>日本語の文章です。</p>', '<p>Tea ’n’ 😀😀 cakes</p><p>日本語の文章でした。</p>'],
        ['<p>A \uFFFD b<br>c</p><pre>x\n\n  \ny</pre>', '<p>A \uFFFD b<br>c d</p><pre>x\n\n  \nz</pre>'],
        ['<p>lone \uD800 surrogate</p>', '<p>lone \uDC00 surrogate and more</p>'],
      ];
      const results = pairs.map(([o, n]) => {
        const docs = html.Documents.read(o, n, 'html');
        try {
          const [oldBytes, newBytes] = docs.engineBytes();
          const [oldEngine, newEngine] = [new TextDecoder().decode(oldBytes), new TextDecoder().decode(newBytes)];
          const viaBytes = engine.diffUtf8(oldBytes, newBytes, {ignoreCase: true});
          const viaStrings = engine.diff(oldEngine, newEngine, {ignoreCase: true}).packed;
          const model = engine.unpack(docs.annotate(viaBytes), docs.oldText, docs.newText);
          const rebuilt = (/** @type {-1 | 1} */ side) => model.edits.filter(([op]) => op === 0 || op === side).map(([, text]) => text).join('');
          return {same: same(viaBytes, viaStrings), lengths: [oldEngine.length === docs.oldText.length, newEngine.length === docs.newText.length],
            rebuilt: [rebuilt(-1) === docs.oldText, rebuilt(1) === docs.newText]};
        } finally {
          docs.free();
        }
      });
      const record = markdown.read('some *text*', 'markdown');
      const good = html.Documents.fromRecords(record, {...record, text: record.text.replace('text', 'te\uFFFDt')});
      good.free();
      return {
        results,
        notBytes: message(() => engine.diffUtf8(/** @type {any} */ ('text'), new Uint8Array(0), {})),
        notUtf8: message(() => engine.diffUtf8(new Uint8Array([0x61, 0xff]), new Uint8Array(0), {})),
        badOption: message(() => engine.diffUtf8(new Uint8Array(0), new Uint8Array(0), {moveThreshold: 2})),
        lone: message(() => html.Documents.fromRecords(record, {...record, text: record.text.replace('text', 'te\uD800t')})),
      };
    });
    for (const r of got.results) assert.deepEqual(r, {same: true, lengths: [true, true], rebuilt: [true, true]});
    assert.match(got.notBytes, /`oldBytes` must be a Uint8Array/);
    assert.match(got.notUtf8, /`oldBytes` is not well-formed UTF-8/);
    assert.match(got.badOption, /moveThreshold/);
    assert.match(got.lone, /new .*not a record read\(\) returned/);
    await page.close();
  } finally {
    await server.close();
  }
});

test('Documents.read in Chromium (string copier, shared lines copied, texts from placeholders) gives the records read() gives', async () => {
  const server = await startServer({port: 0});
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const [snippets] = await readdir(path.join(root, 'pkg', 'snippets'));
    const got = await page.evaluate(async (copyUrl) => {
      const html = await import('/pkg/article_diff_markup.js');
      await html.default();
      const copy = await import(copyUrl);
      // Long bodies (shared lines are looked for from 64 Ki units on) with a character beyond
      // ASCII every few hundred bytes (texts from placeholders), lone surrogates, CRLF.
      let s = 5;
      const next = (/** @type {number} */ n) => {
        s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
        return s % n;
      };
      const words = ['tea', 'cake', 'jam', 'scone', 'milk', 'bread', 'honey'];
      const body = (/** @type {number} */ n, /** @type {string} */ odd) => Array.from({length: n}, (_, b) => {
        const ws = Array.from({length: 20 + next(40)}, (_, i) => (i === 7 && b % 9 === 0 ? odd : i === 3 && b % 3 === 0 ? 'it’s' : words[next(words.length)]));
        return `<!-- wp:paragraph -->\n<p>${ws.join(' ')} <a href="/p/${b}">link</a> <em>${words[next(7)]}</em></p>\n<!-- /wp:paragraph -->`;
      }).join('\n');
      const old = body(1200, '\uD800');
      const edited = old.replace('tea', 'coffee').replace(/scone/g, (w) => (next(50) ? w : 'scones'));
      const pairs = [[old, edited], [old, old.replace(/\n/g, '\r\n')], [old, body(1200, '😀')], [body(300, 'é'), body(300, '\uDC00')]];
      const record = (/** @type {any} */ r) => JSON.stringify({...r, blocks: [...r.blocks], marks: [...r.marks], embeds: [...r.embeds], anchors: [...r.anchors]});
      const results = pairs.map(([a, b]) => {
        const docs = html.Documents.read(a, b, 'html');
        try {
          return [record(docs.oldRecord) === record(html.read(a, 'html')), record(docs.newRecord) === record(html.read(b, 'html')),
            docs.oldText === html.read(a, 'html').text, docs.newText === html.read(b, 'html').text];
        } finally {
          docs.free();
        }
      });
      return {results, placeholders: copy.placeholdersPay(), copier: !!copy.stringCopier(new WebAssembly.Memory({initial: 1})), long: old.length};
    }, `/pkg/snippets/${snippets}/src/copy.js`);
    assert.ok(got.placeholders && got.copier, 'the Chromium paths are taken');
    assert.ok(got.long > 65536);
    for (const r of got.results) assert.deepEqual(r, [true, true, true, true]);
    await page.close();
  } finally {
    await server.close();
  }
});
