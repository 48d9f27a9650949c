// @ts-check
/**
 * Drawing `<article-diff>`'s rows in chunks, so that a long diff never blocks the page.
 *
 * The drawn items (rows and folded runs) are grouped into chunks of `CHUNK_ITEMS`. A long
 * diff first gets only its chunks' elements ("lazy" chunks): empty, as tall as their rows
 * will be before they are laid out, and skipped by layout and paint while off screen
 * (`content-visibility: auto`). The chunks in view are filled before the next paint, the
 * others in short slices while the page is idle (filling a skipped chunk costs no layout);
 * anything that needs a row now (a jump, the next change) fills its chunk first. Thousands
 * of rows created and laid out in one task are what froze the page on a long diff.
 *
 * @module article-diff-chunks
 */

import {h} from './article-diff-dom.js';
import {rowItems} from './article-diff-layout.js';
import {renderFold, renderRow} from './article-diff-rows.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/**
 * @typedef {import('./article-diff-layout.js').Item} Item
 * @typedef {import('./article-diff-rows.js').DrawSettings} DrawSettings
 * @typedef {DrawSettings & {current: Set<number>}} Drawing
 *   What the rows on screen are drawn from; `current`: the rows of the current change
 * @typedef {{el: HTMLElement, items: Item[], lazy: boolean}} Chunk
 */

/**
 * Diffs with at most this many items (rows and folded runs) to draw are drawn in one go.
 * Longer ones are drawn a chunk at a time: the chunks in view first, the rest between frames.
 */
export const DRAW_AT_ONCE_ITEMS = 300;

/**
 * Items per chunk: the unit of drawing in slices. A few screens' worth, so the page holds
 * tens of placeholders rather than thousands, and a chunk draws in a few milliseconds.
 */
export const CHUNK_ITEMS = 24;

/** Longest slice of background drawing (ms): short enough that a frame stays smooth. */
const FILL_SLICE_MS = 10;
/** Even an idle period shorter than this gets one chunk drawn (ms). */
const FILL_SLICE_MIN_MS = 2;

/** An idle callback that has not come within this long (ms) runs anyway: the page is busy. */
const FILL_IDLE_TIMEOUT_MS = 100;

/** The rows of one draw in a container element, filled chunk by chunk. */
export class ChunkedRows {
  /** @type {HTMLElement} */ #container;
  /**
   * What the rows on screen are drawn from: chunks not filled yet are filled from it, never
   * from a newer model or view (a new draw replaces every chunk at once).
   * @type {Drawing | null}
   */
  #drawing = null;
  /** @type {Chunk[]} this draw's chunks, in order (unfolded runs add more at the end) */
  #chunks = [];
  /** @type {Map<number, number>} index into `#chunks` per drawn model row (folded rows are not in it) */
  #chunkOf = new Map();
  /** @type {Set<Chunk>} chunks still empty, in the order they fill in the background */
  #pending = new Set();
  /** @type {Map<number, HTMLElement>} drawn row elements by model row index */
  #rowEls = new Map();
  #fillHandle = 0;
  /** @type {(() => void) | null} resolves `#filled` */
  #resolveFilled = null;
  /** @type {Promise<void>} settles when every chunk is filled */
  #filled = Promise.resolve();

  /** @param {HTMLElement} container the element the rows are drawn into */
  constructor(container) {
    this.#container = container;
  }

  /** What the rows on screen are drawn from, or `null` before the first draw. */
  get drawing() { return this.#drawing; }

  /** Whether some chunks are still empty. */
  get filling() { return this.#pending.size > 0; }

  /** Settles when every chunk drawn so far is filled. */
  get filled() { return this.#filled; }

  /**
   * Replaces every row with `items` drawn from `drawing`, and cancels what the last draw had
   * left to fill: old and new rows never mix.
   * @param {Drawing} drawing @param {Item[]} items
   */
  draw(drawing, items) {
    this.#cancelFill();
    this.#drawing = drawing;
    this.#rowEls.clear();
    this.#chunkOf = new Map();
    this.#chunks = [];
    const lazy = items.length > DRAW_AT_ONCE_ITEMS;
    const chunks = this.#makeChunks(items, lazy);
    if (!lazy) for (const chunk of chunks) this.#fillChunk(chunk);
    this.#container.replaceChildren(...chunks.map((chunk) => chunk.el));
    if (drawing.model.rowCount === 0) {
      this.#container.append(h('p', {class: 'empty-note', text: say(drawing.strings ?? DEFAULT_STRINGS, 'bothEmpty')}));
    }
    if (this.#pending.size > 0) this.#startFill();
  }

  /**
   * Replaces a fold's button (see `renderFold`) with its rows, and focuses the first. A run of
   * thousands of rows draws like a long diff: its first chunk at once, the others in view,
   * then the rest in the background.
   * @param {HTMLElement} button
   * @returns {number} the first row of the unchanged run the fold was part of
   */
  unfold(button) {
    const from = Number(button.dataset.from);
    const items = rowItems(from, Number(button.dataset.to));
    const lazy = items.length > DRAW_AT_ONCE_ITEMS;
    const chunks = this.#makeChunks(items, lazy);
    if (lazy) this.#fillChunk(chunks[0]);
    else for (const chunk of chunks) this.#fillChunk(chunk);
    button.replaceWith(...chunks.map((chunk) => chunk.el));
    if (this.#pending.size > 0) this.#startFill();
    this.#rowEls.get(from)?.focus({preventScroll: true});
    return Number(button.dataset.run);
  }

  /**
   * Marks the rows of the current change; rows in chunks not drawn yet get the mark when they are.
   * @param {number[]} rows
   */
  markCurrent(rows) {
    for (const el of this.#container.querySelectorAll('.row.current')) el.classList.remove('current');
    if (this.#drawing) this.#drawing.current = new Set(rows);
    for (const row of rows) this.#rowEls.get(row)?.classList.add('current');
  }

  /**
   * A row's element, drawing its chunk first if need be; `undefined` for a row not drawn
   * (folded into "N unchanged paragraphs").
   * @param {number} index
   */
  element(index) {
    const chunk = this.#chunks[this.#chunkOf.get(index) ?? -1];
    if (chunk && this.#pending.has(chunk)) {
      this.#fillChunk(chunk);
      this.#settleFilled();
    }
    return this.#rowEls.get(index);
  }

  /**
   * The row or fold button at height `y` (viewport coordinates), found by bisection down
   * through the chunks and drawing each empty chunk on the way; `null` when there is none.
   * @param {number} y
   * @returns {HTMLElement | null}
   */
  elementAt(y) {
    /** @type {Element} */
    let el = this.#container;
    for (;;) {
      const children = el.children;
      if (children.length === 0) break;
      let lo = 0;
      let hi = children.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (children[mid].getBoundingClientRect().top <= y) lo = mid;
        else hi = mid - 1;
      }
      el = children[lo];
      if (!el.classList.contains('chunk')) break;
      const chunk = this.#chunks.find((c) => c.el === el);
      if (chunk && this.#pending.has(chunk)) {
        this.#fillChunk(chunk);
        this.#settleFilled();
      }
    }
    return el instanceof HTMLElement && el !== this.#container ? el : null;
  }

  /**
   * Where a row is on screen. In a lazy chunk, its share of the chunk: asking the row itself
   * would lay out a chunk that is skipped while off screen, and a row or two off is finer than
   * a minimap pixel on a diff that long.
   * @param {number} index
   * @returns {{top: number, bottom: number}}
   */
  rowBox(index) {
    const chunk = this.#chunks[this.#chunkOf.get(index) ?? -1];
    if (!chunk) return {top: 0, bottom: 0};
    const el = this.#rowEls.get(index);
    if (el && !chunk.lazy) return el.getBoundingClientRect();
    const rect = chunk.el.getBoundingClientRect();
    const slot = chunk.items.indexOf(index);
    const share = rect.height / chunk.items.length;
    return {top: rect.top + slot * share, bottom: rect.top + (slot + 1) * share};
  }

  /**
   * Scrolls a row to the middle of the view, having drawn what lands around it.
   * @param {HTMLElement} el
   */
  reveal(el) {
    el.scrollIntoView({block: 'center', behavior: 'instant'});
    if (this.#pending.size === 0) return;
    // Chunks filled above it may have pushed it off centre: fill, centre again, fill again.
    const before = this.#pending.size;
    this.fillVisible();
    if (this.#pending.size !== before) {
      el.scrollIntoView({block: 'center', behavior: 'instant'});
      this.fillVisible();
    }
  }

  /**
   * Fills the chunks within half a screen of the window's viewport, measuring again after each
   * round (a filled chunk in view takes its real height, which moves the ones below).
   */
  fillVisible() {
    if (this.#pending.size === 0) return;
    const margin = window.innerHeight / 2;
    const box = this.#container.getBoundingClientRect();
    // Hidden (stylesheet not loaded yet) or far from the view: nothing to fill now.
    if (box.height === 0 || box.bottom < -margin || box.top > window.innerHeight + margin) return;
    for (let round = 0; round < 4; round++) {
      /** @type {Chunk[]} */
      const batch = [];
      // Tens of chunks, not thousands of rows: measuring them all is cheap once laid out.
      for (const chunk of this.#pending) {
        const rect = chunk.el.getBoundingClientRect();
        if (rect.bottom >= -margin && rect.top <= window.innerHeight + margin && rect.height > 0) batch.push(chunk);
      }
      if (batch.length === 0) break;
      for (const chunk of batch) this.#fillChunk(chunk);
    }
    this.#settleFilled();
  }

  /**
   * Chunk elements for `items`, none filled yet; registers them as pending.
   * @param {Item[]} items
   * @param {boolean} lazy drawn in slices, and skipped by layout while off screen
   */
  #makeChunks(items, lazy) {
    /** @type {Chunk[]} */
    const made = [];
    for (let start = 0; start < items.length; start += CHUNK_ITEMS) {
      const slice = items.slice(start, start + CHUNK_ITEMS);
      const chunk = {el: h('div', {class: lazy ? 'chunk lazy pending' : 'chunk pending'}), items: slice, lazy};
      const id = this.#chunks.length;
      this.#chunks.push(chunk);
      let rows = 0;
      for (const item of slice) {
        if (typeof item === 'number') {
          this.#chunkOf.set(item, id);
          rows++;
        }
      }
      if (lazy) {
        // Its height until it is laid out comes from these counts (article-diff.css).
        chunk.el.style.setProperty('--rows', String(rows));
        chunk.el.style.setProperty('--folds', String(slice.length - rows));
      }
      this.#pending.add(chunk);
      made.push(chunk);
    }
    return made;
  }

  /**
   * Draws a chunk's rows and buttons, from the model and view its draw started with.
   * @param {Chunk} chunk
   */
  #fillChunk(chunk) {
    if (!this.#pending.delete(chunk)) return;
    const drawing = /** @type {Drawing} */ (this.#drawing); // set by the draw that made the chunk
    /** @type {HTMLElement[]} */
    const els = [];
    for (const item of chunk.items) {
      if (typeof item === 'number') {
        const el = renderRow(drawing, item);
        if (drawing.current.has(item)) el.classList.add('current');
        this.#rowEls.set(item, el);
        els.push(el);
      } else {
        els.push(renderFold(item, drawing.strings));
      }
    }
    chunk.el.replaceChildren(...els);
    chunk.el.classList.remove('pending');
  }

  /** Fills the chunks in view now and queues the others for the background. */
  #startFill() {
    if (!this.#resolveFilled) {
      this.#filled = new Promise((resolve) => { this.#resolveFilled = resolve; });
    }
    this.fillVisible();
    this.#scheduleFill();
  }

  /** Stops filling the last draw's chunks (a new draw replaces them all). */
  #cancelFill() {
    if (this.#fillHandle) {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.#fillHandle);
      else clearTimeout(this.#fillHandle);
      this.#fillHandle = 0;
    }
    this.#pending.clear();
    this.#settleFilled();
  }

  #settleFilled() {
    if (this.#pending.size > 0) return;
    this.#resolveFilled?.();
    this.#resolveFilled = null;
  }

  #scheduleFill() {
    if (this.#fillHandle || this.#pending.size === 0) return;
    /** @param {IdleDeadline} [deadline] */
    const run = (deadline) => {
      this.#fillHandle = 0;
      this.#fillSlice(deadline);
    };
    // Safari has no requestIdleCallback; a zero timeout still lets input and paint in between.
    this.#fillHandle = typeof requestIdleCallback === 'function'
      ? requestIdleCallback(run, {timeout: FILL_IDLE_TIMEOUT_MS})
      : window.setTimeout(run, 0);
  }

  /**
   * Fills chunks in order (a Set iterates in insertion order) for one short slice.
   * @param {IdleDeadline} [deadline]
   */
  #fillSlice(deadline) {
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : FILL_SLICE_MS;
    const stop = performance.now() + Math.max(FILL_SLICE_MIN_MS, Math.min(FILL_SLICE_MS, idle));
    for (const chunk of this.#pending) {
      this.#fillChunk(chunk);
      if (performance.now() >= stop) break;
    }
    this.#settleFilled();
    this.#scheduleFill();
  }
}
