// @ts-check
/**
 * Drawing `<article-diff>`'s rows in chunks, so that a long diff never blocks the page, and
 * knowing where each row is without asking the layout for it row by row.
 *
 * The drawn items (rows, folds, part headings) are grouped into chunks of `CHUNK_ITEMS`. A
 * long diff first gets only its chunks' elements ("lazy" chunks): empty, as tall as their rows
 * will be before they are laid out, and skipped by layout and paint while off screen
 * (`content-visibility: auto`). The chunks in view are filled before the next paint, the
 * others in short slices while the page is idle (filling a skipped chunk costs no layout);
 * anything that needs a row now (a jump, the next change) fills its chunk first. A fold's rows
 * are drawn the same way into its hidden container, after every top-level chunk, so that the
 * browser's find-in-page reaches them (`hidden="until-found"`).
 *
 * Where things are comes from the sizes a `ResizeObserver` reports for the measured units
 * (each item of a short diff, each chunk of a long one) and prefix sums over them
 * (`article-diff-extents.js`): placing a thousand minimap markers or finding the chunks in view
 * reads no row's layout.
 *
 * @module article-diff-chunks
 */

import {h} from './article-diff-dom.js';
import {Extents} from './article-diff-extents.js';
import {hiddenChangesIn, rowItems} from './article-diff-layout.js';
import {renderFold, renderHeading, renderRow, setFoldOpen} from './article-diff-rows.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/**
 * @typedef {import('./article-diff-layout.js').Item} Item
 * @typedef {import('./article-diff-layout.js').Fold} Fold
 * @typedef {import('./article-diff-rows.js').DrawSettings} DrawSettings
 * @typedef {DrawSettings & {current: Set<number>, folds: {has: (run: number) => boolean}}} Drawing
 *   What the rows on screen are drawn from; `current`: the rows of the current change;
 *   `folds`: which folds are open (by their run's first row), for those drawn later
 * @typedef {{el: HTMLElement, items: Item[], lazy: boolean, fold: FoldState | null, tops: Float64Array | null, first: number, last: number}} Chunk
 *   `fold`: the fold whose hidden rows it holds, or `null` at the top level; `tops`: where
 *   each item starts in it (px), as last laid out, `null` until it is; `first`, `last`: the
 *   lowest row key it holds (folded rows included; `Infinity` for none) and the highest key
 *   held by it or any chunk before it (row keys increase through the items, so chunks are found
 *   by bisection rather than from a map of every row)
 * @typedef {{el: HTMLElement, rows: HTMLElement, fold: Fold, chunks: Chunk[], open: boolean}} FoldState
 */

/**
 * Diffs with at most this many items (rows and folded runs) to draw are drawn in one go.
 * Longer ones are drawn a chunk at a time: the chunks in view first, the rest between frames.
 */
export const DRAW_AT_ONCE_ITEMS = 300;

/**
 * Items per chunk: the unit of drawing in slices and of skipping layout. A few screens' worth:
 * a chunk draws in a few milliseconds, and a 40,000-paragraph article is under a thousand
 * chunks, whose visibility the browser checks at every frame (halving this doubled the frames
 * a wheel scroll dropped there).
 */
export const CHUNK_ITEMS = 48;

/**
 * A row's height and a fold bar's before they are laid out, in rem: the same figures as the
 * stylesheet's (a lazy chunk's `--_estimate`, `--_collapsed-height`).
 */
const ROW_ESTIMATE_REM = 6;
const FOLD_ESTIMATE_REM = 1.9;

/** Longest slice of background drawing (ms): well under a frame, so that a frame stays smooth. */
const FILL_SLICE_MS = 6;
/** Even an idle period shorter than this gets one chunk drawn (ms). */
const FILL_SLICE_MIN_MS = 2;

/** An idle callback that has not come within this long (ms) runs anyway: the page is busy. */
const FILL_IDLE_TIMEOUT_MS = 100;
/**
 * While the reader scrolls (chunks coming into view were just filled), background slices wait
 * this long after the last such fill unless the browser offers a long idle period: a slice
 * forced in by the idle timeout cost a frame of the scroll. Chunks in view never wait.
 */
const QUIET_AFTER_SCROLL_MS = 150;
const IDLE_ENOUGH_MS = 10;

/** The rows of one draw in a container element, filled chunk by chunk. */
export class ChunkedRows {
  /** @type {HTMLElement} */ #container;
  /**
   * What the rows on screen are drawn from: chunks not filled yet are filled from it, never
   * from a newer model or view (a new draw replaces every chunk at once).
   * @type {Drawing | null}
   */
  #drawing = null;
  /** @type {Chunk[]} this draw's top-level chunks, in order */
  #chunks = [];
  /** @type {Map<number, FoldState>} the folds drawn, by their first row's key */
  #foldAt = new Map();
  /** @type {Set<Chunk>} chunks still empty, in the order they fill in the background */
  #pending = new Set();
  /** @type {Map<number, HTMLElement>} drawn row elements by key */
  #rowEls = new Map();
  /** @type {Map<HTMLElement, FoldState>} the folds drawn, by element */
  #folds = new Map();
  /** Where the measured units are (items of a short diff, chunks of a long one). */
  #extents = new Extents();
  /** @type {Map<Element, number>} the unit each measured element is */
  #unitOfEl = new Map();
  /** @type {Element[]} the measured elements, by unit */
  #unitEls = [];
  /** Whether this draw is long: drawn in slices, measured by chunk. */
  #lazy = false;
  /** @type {ResizeObserver | null} */ #sizes = null;
  /** @type {() => void} told when the measured sizes changed */ #onSizes;
  #fillHandle = 0;
  /** When chunks were last filled because they came into view (ms, `performance.now()`). */
  #scrolledAt = -Infinity;
  #quietTimer = 0;
  /** @type {(() => void) | null} resolves `#filled` */
  #resolveFilled = null;
  /** @type {Promise<void>} settles when every chunk is filled */
  #filled = Promise.resolve();

  /**
   * @param {HTMLElement} container the element the rows are drawn into
   * @param {() => void} [onSizes] told after the rows' sizes changed (once per frame at most)
   */
  constructor(container, onSizes = () => {}) {
    this.#container = container;
    this.#onSizes = onSizes;
  }

  /** What the rows on screen are drawn from, or `null` before the first draw. */
  get drawing() { return this.#drawing; }

  /** Whether some chunks are still empty. */
  get filling() { return this.#pending.size > 0; }

  /** Settles when every chunk drawn so far is filled. */
  get filled() { return this.#filled; }

  /** The rows' height, from the sizes measured so far (px). */
  get height() { return this.#extents.total; }

  /** The folds, in the order drawn (only those of chunks filled so far). */
  get folds() { return [...this.#folds.values()]; }

  /**
   * Replaces every row with `items` drawn from `drawing`, and cancels what the last draw had
   * left to fill: old and new rows never mix.
   * @param {Drawing} drawing @param {Item[]} items
   */
  draw(drawing, items) {
    this.#cancelFill();
    this.#drawing = drawing;
    this.#rowEls.clear();
    this.#foldAt = new Map();
    this.#folds = new Map();
    this.#chunks = [];
    this.#unitOfEl = new Map();
    this.#unitEls = [];
    this.#sizes?.disconnect();
    this.#sizes = new ResizeObserver((entries) => this.#measured(entries));
    const lazy = items.length > DRAW_AT_ONCE_ITEMS;
    this.#lazy = lazy;
    const chunks = this.#makeChunks(items, lazy, null);
    this.#chunks = chunks;
    if (!lazy) for (const chunk of chunks) this.#fillChunk(chunk);
    // Read before the new rows are in: reading a style after would lay them all out first.
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.#container.replaceChildren(...chunks.map((chunk) => chunk.el));
    // The measured units: each item of a short diff (exact places), each chunk of a long one.
    /** @type {Element[]} */
    const units = lazy ? chunks.map((chunk) => chunk.el) : chunks.flatMap((chunk) => [...chunk.el.children]);
    this.#extents.reset(lazy ? chunks.map((chunk) => estimate(chunk.items, rem)) : units.map(() => 0));
    this.#unitEls = units;
    units.forEach((el, unit) => {
      this.#unitOfEl.set(el, unit);
      this.#sizes?.observe(el);
    });
    if (drawing.model.rowCount === 0) {
      this.#container.append(h('p', {class: 'empty-note', text: say(drawing.strings ?? DEFAULT_STRINGS, 'bothEmpty')}));
    }
    if (this.#pending.size > 0) this.#startFill();
    else this.#settleFilled();
  }

  /**
   * Opens or closes a fold (its button, or any element inside the fold); opening draws the
   * rows in view and, with `focus`, focuses the first.
   * @param {Element} inFold @param {boolean} [open] default: the other state
   * @param {{focus?: boolean}} [how]
   * @returns {{runStart: number, open: boolean} | null} the fold's run, or `null` when `inFold` is in none
   */
  toggleFold(inFold, open, how = {}) {
    const el = inFold.closest('.fold');
    const state = el instanceof HTMLElement ? this.#folds.get(el) : undefined;
    if (!state) return null;
    const opening = open ?? !state.open;
    this.#setOpen(state, opening);
    if (opening) {
      if (state.chunks[0]) this.#fillChunk(state.chunks[0]);
      this.fillVisible();
      if (how.focus) this.#rowEls.get(state.fold.from)?.focus({preventScroll: true});
    }
    this.#settleFilled();
    return {runStart: state.fold.runStart, open: opening};
  }

  /**
   * Opens or closes every fold drawn; folds in chunks not filled yet are drawn in that state.
   * @param {boolean} open
   */
  setAllFolds(open) {
    for (const state of this.#folds.values()) if (state.open !== open) this.#setOpen(state, open);
    this.fillVisible();
  }

  /**
   * The fold the browser's find is about to open (a `beforematch` event's target): marks it
   * open (the browser removes `hidden` itself).
   * @param {Event} event
   * @returns {number | null} the fold's run, or `null`
   */
  foundInFold(event) {
    const rows = event.target instanceof HTMLElement ? event.target : null;
    const el = rows?.classList.contains('fold-rows') ? rows.parentElement : null;
    const state = el ? this.#folds.get(el) : undefined;
    if (!state) return null;
    this.#setOpen(state, true);
    return state.fold.runStart;
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
   * A row's element, drawing its chunk first if need be; `undefined` for a row not drawn.
   * @param {number} key
   */
  element(key) {
    // A row folded away is in a fold's chunk, made when the chunk holding the fold is drawn.
    for (let depth = 0; depth < 2; depth++) {
      const chunk = this.#chunkOf(key);
      if (!chunk || !this.#pending.has(chunk)) break;
      this.#fillChunk(chunk);
    }
    this.#settleFilled();
    return this.#rowEls.get(key);
  }

  /**
   * Draws every chunk now (before printing: a printed page has no idle time to fill in).
   */
  fillAll() {
    for (const chunk of this.#pending) this.#fillChunk(chunk);
    this.#settleFilled();
  }

  /**
   * The row, fold or heading at `y` pixels from the top of the rows, found from the measured
   * sizes, then by bisection among at most a chunk's items; `null` when there is none.
   * @param {number} y
   * @returns {HTMLElement | null}
   */
  elementAt(y) {
    const unit = this.#extents.unitAt(y);
    if (unit < 0) return null;
    const measured = this.#unitEls[unit];
    const chunk = this.#chunks.find((c) => c.el === measured);
    if (!chunk) return measured instanceof HTMLElement ? measured : null;
    if (this.#pending.has(chunk)) {
      this.#fillChunk(chunk);
      this.#settleFilled();
    }
    const children = chunk.el.children;
    if (children.length === 0) return null;
    const target = this.#container.getBoundingClientRect().top + y;
    let lo = 0;
    let hi = children.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (children[mid].getBoundingClientRect().top <= target) lo = mid;
      else hi = mid - 1;
    }
    const el = children[lo];
    return el instanceof HTMLElement ? el : null;
  }

  /**
   * Where a row is, in pixels from the top of the rows, from the measured sizes (no layout
   * read): exact in a short diff; in a long one, its share of its chunk, good to a row or two,
   * finer than a minimap pixel on a diff that long.
   * @param {number} key
   * @returns {{top: number, bottom: number}}
   */
  extent(key) {
    const place = this.#placeOf(key);
    if (!place) return {top: 0, bottom: 0};
    const tops = this.#lazy ? this.#chunks[place.unit]?.tops : null;
    if (tops) {
      const {top, bottom} = this.#extents.share(place.unit, 0, 1);
      return {top: top + tops[place.slot], bottom: place.slot + 1 < tops.length ? top + tops[place.slot + 1] : bottom};
    }
    return this.#extents.share(place.unit, place.slot, place.slots);
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
   * Fills the chunks within half a screen of the window's viewport: the top-level ones found
   * from the measured sizes, and those of open folds; after each round, the chunks just filled
   * are measured (they took their real height, which moves the ones below).
   */
  fillVisible() {
    if (this.#pending.size === 0) return;
    this.#scrolledAt = performance.now();
    const margin = window.innerHeight / 2;
    const box = this.#container.getBoundingClientRect();
    // Hidden (stylesheet not loaded yet) or far from the view: nothing to fill now.
    if (box.height === 0 || box.bottom < -margin || box.top > window.innerHeight + margin) return;
    for (let round = 0; round < 4; round++) {
      const [first, last] = this.#lazy ? this.#extents.unitsBetween(-margin - box.top, window.innerHeight + margin - box.top) : [0, -1];
      /** @type {Chunk[]} */
      const batch = [];
      for (let unit = first; unit <= last; unit++) {
        const chunk = this.#chunks[unit];
        if (chunk?.lazy && this.#pending.has(chunk)) batch.push(chunk);
      }
      // Rows of open folds: few folds are open, and a hidden one is never measured.
      for (const chunk of this.#pending) {
        if (!chunk.fold?.open) continue;
        const rect = chunk.el.getBoundingClientRect();
        if (rect.bottom >= -margin && rect.top <= window.innerHeight + margin && rect.height > 0) batch.push(chunk);
      }
      if (batch.length === 0) break;
      for (const chunk of batch) this.#fillChunk(chunk);
      // What the next round reads: the new heights of the chunks just filled.
      for (const chunk of batch) {
        const unit = chunk.fold ? -1 : this.#unitOfEl.get(chunk.el) ?? -1;
        if (unit >= 0) this.#extents.set(unit, chunk.el.getBoundingClientRect().height);
      }
    }
    this.#settleFilled();
  }

  /** Stops observing sizes (the element left the page); a later draw observes again. */
  dispose() {
    this.#sizes?.disconnect();
  }

  /**
   * The chunk that holds row `key` (drawn or to be drawn): the top-level one, or, for a row
   * folded away whose fold is drawn, the fold's own.
   * @param {number} key
   */
  #chunkOf(key) {
    const top = chunkAt(this.#chunks, key);
    if (!top || this.#pending.has(top) || top.items.includes(key)) return top;
    for (const item of top.items) {
      if (typeof item === 'object' && 'runStart' in item && item.from <= key && key < item.to) {
        const state = this.#foldAt.get(item.from);
        return state ? chunkAt(state.chunks, key) : top;
      }
    }
    return top;
  }

  /**
   * Where a top-level row sits among the measured units: its chunk and its slot there (a long
   * diff), or its item (a short one); `null` for a row folded away or not drawn.
   * @param {number} key
   * @returns {{unit: number, slot: number, slots: number} | null}
   */
  #placeOf(key) {
    const index = chunkIndexAt(this.#chunks, key);
    const chunk = this.#chunks[index];
    const slot = chunk ? chunk.items.indexOf(key) : -1;
    if (!chunk || slot < 0) return null;
    if (this.#lazy) return {unit: index, slot, slots: chunk.items.length};
    let unit = slot;
    for (const before of this.#chunks) {
      if (before === chunk) break;
      unit += before.items.length;
    }
    return {unit, slot: 0, slots: 1};
  }

  /**
   * Sizes the browser just laid out. A drawn chunk that was laid out also records where each
   * of its items starts: read here, after the layout and before any change, no read forces one.
   * @param {ResizeObserverEntry[]} entries
   */
  #measured(entries) {
    let changed = false;
    for (const entry of entries) {
      const unit = this.#unitOfEl.get(entry.target);
      if (unit === undefined) continue;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
      changed = this.#extents.set(unit, height) || changed;
      const chunk = this.#lazy ? this.#chunks[unit] : undefined;
      if (chunk && !this.#pending.has(chunk) && chunk.el.children.length === chunk.items.length) {
        const children = /** @type {HTMLCollectionOf<HTMLElement>} */ (chunk.el.children);
        const tops = new Float64Array(children.length);
        for (let i = 0; i < children.length; i++) tops[i] = children[i].offsetTop;
        chunk.tops = tops;
      }
    }
    if (changed) this.#onSizes();
  }

  /**
   * @param {FoldState} state @param {boolean} open
   */
  #setOpen(state, open) {
    state.open = open;
    setFoldOpen(state.el, open, this.#drawing?.strings);
  }

  /**
   * Chunk elements for `items`, none filled yet; registers them as pending.
   * @param {Item[]} items
   * @param {boolean} lazy drawn in slices, and skipped by layout while off screen
   * @param {FoldState | null} fold the fold they belong to, if any
   */
  #makeChunks(items, lazy, fold) {
    /** @type {Chunk[]} */
    const made = [];
    let last = -1;
    for (let start = 0; start < items.length; start += CHUNK_ITEMS) {
      const slice = items.slice(start, start + CHUNK_ITEMS);
      const el = document.createElement('div');
      el.className = lazy ? 'chunk lazy pending' : 'chunk pending';
      el.setAttribute('role', 'none');
      /** @type {Chunk} */
      const chunk = {el, items: slice, lazy, fold, tops: null, first: Infinity, last};
      let rows = 0;
      for (const item of slice) {
        if (typeof item === 'number') {
          chunk.first = Math.min(chunk.first, item);
          last = item;
          rows++;
        } else if ('runStart' in item && item.to > item.from) {
          // Its rows are made into chunks of their own when this one is drawn.
          chunk.first = Math.min(chunk.first, item.from);
          last = item.to - 1;
        }
      }
      chunk.last = last;
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
   * Draws a chunk's items, from the model and view its draw started with.
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
      } else if ('runStart' in item) {
        const open = drawing.folds.has(item.runStart);
        const hidden = hiddenChangesIn(drawing.model.blocks, item.from, item.to, drawing.hideCosmetic, drawing.hidden);
        const {el, rows} = renderFold({...item, open}, drawing.view, drawing.strings, hidden);
        const folded = rowItems(item.from, item.to);
        /** @type {FoldState} */
        const state = {el, rows, fold: item, chunks: [], open};
        state.chunks = this.#makeChunks(folded, folded.length > DRAW_AT_ONCE_ITEMS, state);
        rows.append(...state.chunks.map((c) => c.el));
        this.#folds.set(el, state);
        this.#foldAt.set(item.from, state);
        els.push(el);
      } else {
        els.push(renderHeading(drawing, item));
      }
    }
    chunk.el.replaceChildren(...els);
    chunk.el.classList.remove('pending');
    // The fold chunks made just now fill after the rest, in the background.
    if (this.#pending.size > 0) this.#scheduleFill();
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
    clearTimeout(this.#quietTimer);
    this.#quietTimer = 0;
    this.#pending.clear();
    this.#settleFilled();
  }

  #settleFilled() {
    if (this.#pending.size > 0) return;
    this.#resolveFilled?.();
    this.#resolveFilled = null;
  }

  #scheduleFill() {
    // Nothing left (a slice queued by a chunk of the draw, whose other chunks were then drawn at
    // once): whoever waits for `filled` is told now, not by a slice that will never come.
    if (this.#pending.size === 0) {
      this.#settleFilled();
      return;
    }
    if (this.#fillHandle || this.#quietTimer) return;
    if (!this.#resolveFilled) {
      this.#filled = new Promise((resolve) => { this.#resolveFilled = resolve; });
    }
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
    const quiet = this.#scrolledAt + QUIET_AFTER_SCROLL_MS - performance.now();
    if (quiet > 0 && idle < IDLE_ENOUGH_MS) {
      this.#quietTimer = window.setTimeout(() => {
        this.#quietTimer = 0;
        this.#scheduleFill();
      }, quiet);
      return;
    }
    const stop = performance.now() + Math.max(FILL_SLICE_MIN_MS, Math.min(FILL_SLICE_MS, idle));
    for (const chunk of this.#pending) {
      this.#fillChunk(chunk);
      // The reader's input (a wheel, a key) goes first where the browser can tell it waits.
      if (performance.now() >= stop || inputPending()) break;
    }
    this.#settleFilled();
    this.#scheduleFill();
  }
}

/**
 * Whether input waits for the page (`navigator.scheduling.isInputPending`, Chromium); `false`
 * where the browser cannot tell.
 */
function inputPending() {
  const scheduling = /** @type {{scheduling?: {isInputPending?: () => boolean}}} */ (navigator).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/**
 * The index in `chunks` of the chunk that holds row `key`, by bisection on the chunks' `last`
 * keys; -1 when none does.
 * @param {Chunk[]} chunks @param {number} key
 */
function chunkIndexAt(chunks, key) {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].last < key) lo = mid + 1;
    else hi = mid;
  }
  const chunk = chunks[lo];
  return chunk && chunk.first <= key && key <= chunk.last ? lo : -1;
}

/** The chunk of `chunks` that holds row `key`, if any. @param {Chunk[]} chunks @param {number} key */
function chunkAt(chunks, key) {
  const index = chunkIndexAt(chunks, key);
  return index < 0 ? undefined : chunks[index];
}

/**
 * A lazy chunk's height before it is laid out, in pixels (the stylesheet's estimate).
 * @param {Item[]} items @param {number} rem pixels per rem
 */
function estimate(items, rem) {
  let height = 0;
  for (const item of items) height += typeof item === 'number' ? ROW_ESTIMATE_REM * rem + 1 : FOLD_ESTIMATE_REM * rem;
  return height;
}
