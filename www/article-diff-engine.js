// @ts-check
/**
 * The diff engine without the element: `import {init, diff} from 'article-diff/engine'`.
 * `diff()` returns the model `<article-diff>` draws (its shape is in `pkg/article_diff.d.ts`);
 * `unpack()` rebuilds it from its `packed` array in another thread (a worker posts that).
 *
 * `init()` fetches the `.wasm` from `./pkg/` next to this module. Naming that path here, rather
 * than leaving it to the wasm-bindgen glue, keeps it right after a bundler inlines the glue: the
 * wasm is then looked for in `pkg/` next to the bundle, where the element's other files go too.
 */
import initWasm, {diff, diffUtf8, initSync, unpack, version} from './pkg/article_diff.js';
import {checkFormat, diffDocumentsWith, loadReader} from './article-diff-documents.js';

const WASM_URL = new URL('./pkg/article_diff_bg.wasm', import.meta.url);

/**
 * Instantiates the engine; call it once per page before `diff()` (later calls resolve at once).
 * @param {Parameters<typeof initWasm>[0]} [options] `{module_or_path}`: another URL, a
 *   `Response`, the bytes or a compiled `WebAssembly.Module`
 */
export function init(options) {
  return initWasm(options ?? {module_or_path: WASM_URL});
}

/**
 * Diffs two versions of an article as a CMS stores them: `format` `'html'` or `'markdown'`
 * diffs what a reader sees (the visible text block by block, formatting changes as spans with
 * `formatting`, `stats.formattingChanges`); `'text'` (the default) is `diff()`. The reader's
 * module is imported on first use from `./pkg/`. Call `init()` first.
 * @param {string} oldSource @param {string} newSource
 * @param {import('./pkg/article_diff.js').DiffOptions & {format?: 'text'|'html'|'markdown'}} [options]
 * @returns {Promise<import('./pkg/article_diff.js').ArticleDiff>}
 */
export async function diffDocuments(oldSource, newSource, options) {
  const {format, ...rest} = options ?? {};
  const markup = checkFormat(format);
  if (markup === 'text') return diff(oldSource, newSource, rest);
  const result = await diffDocumentsWith({diffUtf8}, oldSource, newSource, markup, rest);
  const model = unpack(result.packed, result.oldText, result.newText);
  model.documents = {format: markup, old: result.oldDocument, new: result.newDocument};
  return model;
}

/**
 * Loads a reader's module ahead of its first use, or from another place:
 * `initMarkup('html', {module_or_path: url})` (the Markdown module is `'markdown'`).
 * @param {'html'|'markdown'} [markup] @param {{module_or_path?: unknown}} [options]
 */
export function initMarkup(markup = 'html', options) {
  return loadReader(markup, options);
}

export {diff, diffUtf8, initSync, unpack, version, init as default};
