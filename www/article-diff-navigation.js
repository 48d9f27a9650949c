// @ts-check
/**
 * Moving between `<article-diff>`'s changes: the current change, next and previous (buttons
 * and the `n`/`j`, `p`/`k` keys), jumps to a row (move links) with a brief highlight. Rows not
 * drawn yet are drawn first (see article-diff-chunks.js).
 *
 * @module article-diff-navigation
 */

import {changeOfRow, nextChange, previousChange} from './article-diff-layout.js';

/**
 * @typedef {import('./article-diff-layout.js').Changes} Changes
 * @typedef {import('./article-diff-layout.js').RowKind} RowKind
 * @typedef {import('./article-diff-chunks.js').ChunkedRows} ChunkedRows
 */

/** How long a jumped-to row stays highlighted (ms); matches the CSS animation. */
const FLASH_MS = 1600;

/** Input types where a letter key is not text. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * Whether a key press on `target` types text (so `n`/`p` must not navigate).
 * @param {EventTarget|null|undefined} target
 */
export function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** The current change of one element's drawn diff, and the ways to move it. */
export class Navigation {
  /** @type {ChunkedRows} */ #rows;
  /** @type {(current: number) => void} */ #onChange;
  /** @type {number[][]} */ #hunks = [];
  /** @type {RowKind[]} */ #kinds = [];
  #current = -1;
  /** @type {Map<HTMLElement, number>} */ #flashTimers = new Map();

  /**
   * @param {ChunkedRows} rows the drawn rows
   * @param {(current: number) => void} onChange told after the current change moved or the
   *   changes were replaced (to update the counter and the minimap)
   */
  constructor(rows, onChange) {
    this.#rows = rows;
    this.#onChange = onChange;
  }

  /** The changes: runs of adjacent changed rows (model row indices). */
  get hunks() { return this.#hunks; }
  /** The kind of each change's first row. */
  get kinds() { return this.#kinds; }
  /** Index of the current change, or -1 before the first step. */
  get current() { return this.#current; }
  /** The rows of the current change (none before the first step). */
  get currentRows() { return this.#hunks[this.#current] ?? []; }

  /**
   * Takes the changes of a new draw. A redraw of the same diff (another view) keeps the current
   * change, or the last one when there are fewer now.
   * @param {Changes} changes
   */
  setChanges({hunks, kinds}) {
    this.#hunks = hunks;
    this.#kinds = kinds;
    if (this.#current >= hunks.length) this.#current = hunks.length - 1;
  }

  /** Goes back to before the first change (a new diff). */
  restart() {
    this.#current = -1;
  }

  /** Moves to the next change (wrapping to the first). */
  next() { this.goTo(nextChange(this.#current, this.#hunks.length)); }

  /** Moves to the previous change (wrapping to the last). */
  previous() { this.goTo(previousChange(this.#current, this.#hunks.length)); }

  /**
   * @param {number} index change index, 0-based; out of range does nothing
   * @param {boolean} [focus] focus its first row (a link followed on load scrolls without)
   */
  goTo(index, focus = true) {
    if (index < 0 || index >= this.#hunks.length) return;
    this.#current = index;
    this.show(true, focus);
  }

  /**
   * Marks the current change's rows and reports it; with `scroll`, brings its first row to the
   * middle of the view and, with `focus`, focuses it.
   * @param {boolean} scroll @param {boolean} [focus]
   */
  show(scroll, focus = true) {
    const hunk = this.#hunks[this.#current];
    this.#rows.markCurrent(hunk ?? []);
    this.#onChange(this.#current);
    const first = hunk && scroll ? this.#rows.element(hunk[0]) : undefined;
    if (first) {
      if (focus) first.focus({preventScroll: true});
      this.#rows.reveal(first);
    }
  }

  /**
   * Brings row `row` into view and highlights it (a move link's other end); it becomes the
   * current change when it is in one.
   * @param {number} row
   */
  jumpToRow(row) {
    const target = this.#rows.element(row);
    if (!target) return;
    const hunk = changeOfRow(this.#hunks, row);
    if (hunk >= 0) {
      this.#current = hunk;
      this.show(false);
    }
    target.focus({preventScroll: true});
    this.#rows.reveal(target);
    this.#flash(target);
  }

  /** `n`/`j` next change, `p`/`k` previous, unless the key types text or has a modifier. */
  onKeydown = (/** @type {KeyboardEvent} */ event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.composedPath()[0])) return;
    const key = event.key.toLowerCase();
    if (key === 'n' || key === 'j') this.next();
    else if (key === 'p' || key === 'k') this.previous();
    else return;
    event.preventDefault();
  };

  /** Ends the highlights under way (the element left the page). */
  dispose() {
    for (const timer of this.#flashTimers.values()) clearTimeout(timer);
    this.#flashTimers.clear();
  }

  /** @param {HTMLElement} el */
  #flash(el) {
    el.classList.remove('flash');
    clearTimeout(this.#flashTimers.get(el));
    void el.offsetWidth; // restart the CSS animation on a second jump to the same row
    el.classList.add('flash');
    this.#flashTimers.set(el, window.setTimeout(() => {
      el.classList.remove('flash');
      this.#flashTimers.delete(el);
    }, FLASH_MS));
  }
}
