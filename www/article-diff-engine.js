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
import initWasm, {diff, initSync, unpack, version} from './pkg/article_diff.js';

const WASM_URL = new URL('./pkg/article_diff_bg.wasm', import.meta.url);

/**
 * Instantiates the engine; call it once per page before `diff()` (later calls resolve at once).
 * @param {Parameters<typeof initWasm>[0]} [options] `{module_or_path}`: another URL, a
 *   `Response`, the bytes or a compiled `WebAssembly.Module`
 */
export function init(options) {
  return initWasm(options ?? {module_or_path: WASM_URL});
}

export {diff, initSync, unpack, version, init as default};
