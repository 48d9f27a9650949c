// @ts-check
/**
 * Two HTML or Markdown documents diffed as a reader sees them (issue 27; `docs/markup.md`). The
 * engine's module knows nothing of markup and keeps its size budget; the readers are modules of
 * their own, imported on first use from `./pkg/` next to this file:
 *
 * ```text
 *  HTML      sources ─ Documents.read ──────────────────────┐  (the HTML module reads both itself)
 *  Markdown  source ─ read() ─► record ─┐                   │  article_diff_markdown
 *            source ─ read() ─► record ─┴► Documents.fromRecords
 *                                                           ▼
 *            Documents ─ engineBytes() ─► engine diffUtf8() ─► packed
 *                └──────────── annotate(packed) ◄─────────────────┘
 *                        = the model with its formatting changes
 * ```
 *
 * The texts the engine diffs cross as UTF-8: `engineBytes()` are views of the HTML module's
 * memory, which `diffUtf8()` copies into the engine's with one `Uint8Array.set`, so the
 * visible texts are decoded into JS strings once (for the records and the model), never
 * encoded again.
 *
 * The records (`oldRecord`, `newRecord`) are what the element draws from.
 *
 * Runs the same on the page and in the worker (`article-diff-worker.js`): no DOM.
 *
 * @module article-diff-documents
 */

/**
 * @typedef {'text'|'html'|'markdown'} Format
 * @typedef {{text: string, blocks: Int32Array, marks: Int32Array, embeds: Int32Array,
 *   anchors: Int32Array, strings: string[]}} DocumentRecord what a reader's `read()` returns
 * @typedef {{free(): void, readonly oldText: string, readonly newText: string,
 *   readonly oldRecord: DocumentRecord, readonly newRecord: DocumentRecord, engineBytes(): Uint8Array[],
 *   annotate(packed: Uint32Array): Uint32Array}} Documents
 * @typedef {{default: (options?: unknown) => Promise<unknown>, read: (source: string, markup: string) => DocumentRecord}} ReaderModule
 * @typedef {ReaderModule & {Documents: {fromRecords(oldRecord: DocumentRecord, newRecord: DocumentRecord): Documents,
 *   read(oldSource: string, newSource: string, markup: 'html'): Documents}}} HtmlModule
 * @typedef {{diffUtf8: (oldBytes: Uint8Array, newBytes: Uint8Array, options?: object) => Uint32Array}} Engine
 *   the part of the engine's module used here: its diff of two UTF-8 texts, the packed model
 * @typedef {{packed: Uint32Array, oldText: string, newText: string, oldDocument: DocumentRecord,
 *   newDocument: DocumentRecord}} DocumentsDiff the model's packed array, the visible texts it
 *   is over and the two documents (their blocks and marks, for drawing)
 */

/** The formats `format` accepts. */
export const FORMATS = /** @type {const} */ (['text', 'html', 'markdown']);

const MODULES = {
  html: new URL('./pkg/article_diff_markup.js', import.meta.url).href,
  markdown: new URL('./pkg/article_diff_markdown.js', import.meta.url).href,
};

/** @type {{html?: Promise<HtmlModule>, markdown?: Promise<ReaderModule>}} */
const loading = {};

/**
 * Loads a reader's module once per page (or worker). `options` is what its `init()` takes
 * (`{module_or_path}`), for a CMS that hosts the `.wasm` elsewhere or preloads it.
 * @template {'html'|'markdown'} M
 * @param {M} markup
 * @param {unknown} [options]
 * @returns {Promise<M extends 'html' ? HtmlModule : ReaderModule>}
 */
export function loadReader(markup, options) {
  const started = loading[markup] ?? import(MODULES[markup]).then(async (/** @type {HtmlModule} */ module) => {
    await module.default(options);
    return module;
  });
  loading[markup] = /** @type {any} */ (started);
  // A failed load (offline, 404) must not poison every later attempt.
  started.catch(() => {
    if (loading[markup] === started) delete loading[markup];
  });
  return /** @type {any} */ (started);
}

/**
 * `format` checked: `'text'`, `'html'` or `'markdown'` (`undefined` is `'text'`).
 * @param {unknown} format
 * @returns {Format}
 */
export function checkFormat(format) {
  if (format === undefined || format === null) return 'text';
  if (typeof format === 'string' && /** @type {readonly string[]} */ (FORMATS).includes(format)) return /** @type {Format} */ (format);
  throw new Error(`diffDocuments(): option \`format\` must be "text", "html" or "markdown", got ${typeof format === 'string' ? JSON.stringify(format) : typeof format}`);
}

/**
 * Diffs two HTML or Markdown sources with `engine`, the engine's module.
 * @param {Engine} engine
 * @param {string} oldSource @param {string} newSource
 * @param {'html'|'markdown'} markup
 * @param {object} options the engine's options (without `format`)
 * @returns {Promise<DocumentsDiff>}
 */
export async function diffDocumentsWith(engine, oldSource, newSource, markup, options) {
  for (const [name, value] of [['oldText', oldSource], ['newText', newSource]]) {
    if (typeof value !== 'string') throw new Error(`diffDocuments(): \`${name}\` must be a string, got ${value === null ? 'null' : typeof value}`);
  }
  const html = await loadReader('html');
  let documents;
  if (markup === 'html') {
    // Read where the documents are diffed: their records never travel back in.
    documents = html.Documents.read(oldSource, newSource, markup);
  } else {
    const reader = await loadReader('markdown');
    const read = (/** @type {string} */ source, /** @type {string} */ side) => {
      try {
        return reader.read(source, markup);
      } catch (error) {
        throw new Error(`diffDocuments(): the ${side} text could not be read as Markdown: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const oldRecord = read(oldSource, 'old');
    documents = html.Documents.fromRecords(oldRecord, read(newSource, 'new'));
  }
  try {
    return diffRead(engine, documents, options);
  } finally {
    documents.free();
  }
}

/**
 * The diff of two documents already read (what `diffDocumentsWith` does after reading; the
 * caller frees `documents`). Exported for `bench/markup.mjs`, which times it apart from reading.
 * @param {Engine} engine
 * @param {Documents} documents @param {object} options the engine's options
 * @returns {DocumentsDiff}
 */
export function diffRead(engine, documents, options) {
  // The views are good until the next call into the HTML module: the engine copies them first.
  const [oldBytes, newBytes] = documents.engineBytes();
  const packed = documents.annotate(engine.diffUtf8(oldBytes, newBytes, options));
  return {packed, oldText: documents.oldText, newText: documents.newText, oldDocument: documents.oldRecord, newDocument: documents.newRecord};
}
