// @ts-check
/**
 * The tools under test, loaded inside a Web Worker (so a call that runs away can be stopped).
 *
 * Each tool is `{call(oldText, newText) → output, edits(output) → [op, text][]}`. Only `call`
 * is timed: for us it is the whole public `diff()` (engine, blocks, moves and the packed model
 * wrapped as a JS object), for a peer its own diff function with its default settings. `edits`
 * converts an output to the shared `[op, text]` form for the quality figures, untimed. wikEd
 * diff has no `edits` (its fragments do not rebuild the old text in order): it is timed, and
 * the blocks it shows as moved are scored against the planted moves (`movedBlocks`).
 *
 * The peers come straight from `node_modules/` without a bundler: jsdiff through its ES module
 * build, diff-match-patch and fast-diff (CommonJS) by evaluating their source with a
 * `module`/`exports` pair. wikEd diff is not on npm and must not be copied into the repository:
 * it is served from outside it (`/peers/`, see `scripts/serve.mjs`) and evaluated as fetched.
 *
 * @typedef {[number, string]} Edit
 * @typedef {{call: (oldText: string, newText: string) => any, edits?: (output: any) => Edit[],
 *   moves?: (output: any) => {from: number, to: number}[], movedBlocks?: (output: any) => string[],
 *   approximate?: (output: any) => boolean,
 *   stats?: (output: any) => object, paragraphs?: (output: any) => {old: number, new: number},
 *   size?: (output: any) => {packedBytes: number, blocks: number, rows: number, edits: number},
 *   memoryBytes?: () => number}} Tool
 */

const root = new URL('../', import.meta.url);

/** @param {string} path */
async function commonJs(path) {
  const response = await fetch(new URL(path, root));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const module = { exports: /** @type {any} */ ({}) };
  new Function('module', 'exports', await response.text())(module, module.exports);
  return module.exports;
}

/** @param {any[]} changes jsdiff change objects */
const fromJsdiff = (changes) => changes.map((c) => /** @type {Edit} */ ([c.added ? 1 : c.removed ? -1 : 0, c.value]));
/** @param {any[]} diffs diff-match-patch / fast-diff tuples */
const fromTuples = (diffs) => diffs.map((d) => /** @type {Edit} */ ([d[0], d[1]]));

/**
 * diff-match-patch's line mode, applied to words (its wiki's "LineOrWordDiffs" recipe): each
 * distinct token (a word, a run of whitespace, or one other character) becomes one UTF-16
 * code unit, the code-unit strings are diffed, and the result is mapped back to text.
 * @param {any} dmp a diff_match_patch instance
 * @param {string} oldText
 * @param {string} newText
 */
function dmpWords(dmp, oldText, newText) {
  const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
  /** @type {string[]} index → token; 0 unused, as in diff_linesToChars_ */
  const tokens = [''];
  /** @type {Map<string, number>} */
  const ids = new Map();
  /** @param {string} text */
  const encode = (text) => {
    let out = '';
    for (const [token] of text.matchAll(TOKEN)) {
      let id = ids.get(token);
      if (id === undefined) {
        id = tokens.length;
        if (id > 0xffff) throw new Error('more than 65535 distinct tokens: word mode cannot encode them');
        tokens.push(token);
        ids.set(token, id);
      }
      out += String.fromCharCode(id);
    }
    return out;
  };
  const diffs = dmp.diff_main(encode(oldText), encode(newText), false);
  for (const d of diffs) {
    let text = '';
    for (let i = 0; i < d[1].length; i++) text += tokens[d[1].charCodeAt(i)];
    d[1] = text;
  }
  return diffs;
}

/** @type {Record<string, (options: {pkg?: string}) => Promise<Tool>>} */
export const LOADERS = {
  /** `pkg`: the glue's path from the server root (default `pkg/article_diff.js`). */
  async 'article-diff'({ pkg: glue = 'pkg/article_diff.js' }) {
    const pkg = await import(new URL(glue, root).href);
    const wasm = await pkg.default();
    return {
      call: (oldText, newText) => pkg.diff(oldText, newText, {}),
      edits: (d) => d.edits,
      moves: (d) => d.moves,
      approximate: (d) => d.approximate,
      stats: (d) => d.stats,
      paragraphs: (d) => ({ old: d.oldParagraphs.length, new: d.newParagraphs.length }),
      size: (d) => ({ packedBytes: d.packed.byteLength, blocks: d.blocks.length, rows: d.rowCount, edits: d.edits.length }),
      memoryBytes: () => wasm.memory.buffer.byteLength,
    };
  },
  async 'jsdiff diffWordsWithSpace'() {
    const jsdiff = await import(new URL('node_modules/diff/libesm/index.js', root).href);
    return { call: (a, b) => jsdiff.diffWordsWithSpace(a, b), edits: fromJsdiff };
  },
  async 'jsdiff diffWords'() {
    const jsdiff = await import(new URL('node_modules/diff/libesm/index.js', root).href);
    return { call: (a, b) => jsdiff.diffWords(a, b), edits: fromJsdiff };
  },
  async 'dmp chars'() {
    const DMP = await commonJs('node_modules/diff-match-patch/index.js');
    const dmp = new DMP();
    dmp.Diff_Timeout = 0;
    return {
      call: (a, b) => {
        const d = dmp.diff_main(a, b);
        dmp.diff_cleanupSemantic(d);
        return d;
      },
      edits: fromTuples,
    };
  },
  async 'dmp chars (1 s time-out)'() {
    const DMP = await commonJs('node_modules/diff-match-patch/index.js');
    const dmp = new DMP();
    return {
      call: (a, b) => {
        const d = dmp.diff_main(a, b);
        dmp.diff_cleanupSemantic(d);
        return d;
      },
      edits: fromTuples,
    };
  },
  async 'dmp words'() {
    const DMP = await commonJs('node_modules/diff-match-patch/index.js');
    const dmp = new DMP();
    dmp.Diff_Timeout = 0;
    return { call: (a, b) => dmpWords(dmp, a, b), edits: fromTuples };
  },
  /** What diff-match-patch's docs tell users to do after a diff: word mode, then `diff_cleanupSemantic`. */
  async 'dmp words + cleanupSemantic'() {
    const DMP = await commonJs('node_modules/diff-match-patch/index.js');
    const dmp = new DMP();
    dmp.Diff_Timeout = 0;
    return {
      call: (a, b) => {
        const d = dmpWords(dmp, a, b);
        dmp.diff_cleanupSemantic(d);
        return d;
      },
      edits: fromTuples,
    };
  },
  /**
   * wikEd diff 1.2.4, the Wikipedia gadget's word diff with block-move detection (public
   * domain). A browser script: it writes a stylesheet and a handler to `document` and `window`
   * when constructed, so it gets stand-ins here. One instance per call (a diff frees its
   * tables); `fullDiff` keeps the whole text, as the other tools do.
   */
  async 'wikEd diff'() {
    const response = await fetch(new URL('peers/wikEdDiff.js', root));
    if (!response.ok) {
      throw new Error(`peers/wikEdDiff.js: HTTP ${response.status} (the server finds it in $ARTICLE_DIFF_PEERS or a shared/peers folder beside the checkout)`);
    }
    /** @type {Set<string>} */
    const ids = new Set();
    const element = () => ({ id: '', style: {}, appendChild() {} });
    const document = {
      getElementById: (/** @type {string} */ id) => (ids.has(id) ? element() : null),
      createElement: element,
      createTextNode: () => ({}),
      getElementsByTagName: () => [{ appendChild: (/** @type {{id: string}} */ child) => ids.add(child.id) }],
    };
    const WikEdDiff = new Function('window', 'document', `${await response.text()}\nreturn WikEdDiff;`)(globalThis, document);
    return {
      call: (a, b) => {
        const wikEd = new WikEdDiff();
        wikEd.config.fullDiff = true;
        wikEd.diff(a, b);
        return wikEd.fragments;
      },
      movedBlocks: (fragments) => {
        // A moved block sits at its new place between '(<' or '(>' and ' )'.
        /** @type {string[]} */
        const blocks = [];
        let text = null;
        for (const f of fragments) {
          if (f.type === '(<' || f.type === '(>') text = '';
          else if (f.type.trim() === ')' && text !== null) (blocks.push(text), (text = null));
          else if (text !== null && (f.type === '=' || f.type === '+')) text += f.text;
        }
        return blocks;
      },
    };
  },
  async 'fast-diff'() {
    const fastDiff = await commonJs('node_modules/fast-diff/diff.js');
    return { call: (a, b) => fastDiff(a, b), edits: fromTuples };
  },
};
