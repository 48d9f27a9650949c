// Types of `article-diff/engine` (www/article-diff-engine.js): the engine without the element.
// The model's types (`ArticleDiff`, `DiffOptions`, `Row`, …) come from the wasm package.
import type {InitInput, InitOutput} from './pkg/article_diff.js';

export * from './pkg/article_diff.js';

/**
 * Instantiates the engine; call it once per page before `diff()` (later calls resolve at once).
 * By default it fetches `pkg/article_diff_bg.wasm` next to this module.
 */
export declare function init(
  options?: {module_or_path: InitInput | Promise<InitInput>} | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
export default init;
