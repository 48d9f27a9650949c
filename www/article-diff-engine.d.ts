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

/**
 * Diffs two versions of an article as a CMS stores them. `format: 'html' | 'markdown'` diffs
 * what a reader sees: paragraphs are the documents' blocks, words are diffed on the visible
 * text, and equal text whose formatting differs is a span with `formatting` (counted in
 * `stats.formattingChanges`); `'text'` (the default) is `diff()`. The reader's module is
 * imported on first use; call `init()` first.
 */
export declare function diffDocuments(
  oldSource: string,
  newSource: string,
  options?: import('./pkg/article_diff.js').DiffOptions & {format?: 'text' | 'html' | 'markdown'},
): Promise<import('./pkg/article_diff.js').ArticleDiff>;

/** Loads a reader's module ahead of its first use, or from another URL (`{module_or_path}`). */
export declare function initMarkup(markup?: 'html' | 'markdown', options?: {module_or_path?: unknown}): Promise<unknown>;
