// @ts-check
/**
 * The engine's options as `<article-diff>`'s attributes give them: `ignore-case`,
 * `ignore-whitespace`, `no-moves` and `timeout-ms`, read strictly so that a mistyped value is
 * an error rather than a silent default. Pure functions, unit-tested under `node --test`.
 *
 * @module article-diff-options
 */

/** @typedef {import('./pkg/article_diff.js').DiffOptions} DiffOptions */

/**
 * `timeout-ms` as milliseconds: a positive number in decimal digits (`250`, `1.5`), else
 * `NaN`. Stricter than `Number()`, which would also take `0x10`, `1e3` or `Infinity`.
 * @param {string} value
 */
export function parseTimeout(value) {
  const ms = /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(value) ? Number(value) : NaN;
  return ms > 0 && Number.isFinite(ms) ? ms : NaN;
}

/**
 * The options of `diff()` from the element's attributes.
 * @param {(name: string) => string | null} attribute the element's `getAttribute`
 * @returns {DiffOptions}
 * @throws {Error} when `timeout-ms` is not a valid budget (the message quotes it)
 */
export function diffOptions(attribute) {
  /** @type {DiffOptions} */
  const options = {
    detectMoves: attribute('no-moves') === null,
    ignoreCase: attribute('ignore-case') !== null,
    ignoreWhitespace: attribute('ignore-whitespace') !== null,
  };
  const timeout = attribute('timeout-ms');
  if (timeout !== null) {
    const ms = parseTimeout(timeout);
    if (Number.isNaN(ms)) {
      throw new Error(`timeout-ms must be a positive number of milliseconds in decimal digits (such as 250), got "${timeout}"`);
    }
    options.timeoutMs = ms;
  }
  return options;
}
