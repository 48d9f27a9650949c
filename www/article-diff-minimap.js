// @ts-check
/**
 * `<article-diff>`'s minimap: a column beside the rows with one marker per change, placed at
 * the change's height in the whole diff, and a box for the part of the rows in view. Clicking
 * a marker goes to its change; clicking elsewhere brings that part of the diff into view.
 * Positions come from the rows' measured sizes (see `ChunkedRows.extent`), never from reading
 * a row's layout, and are set through `style.setProperty`, which a strict CSP allows.
 *
 * @module article-diff-minimap
 */

import {h} from './article-diff-dom.js';

/**
 * @typedef {import('./article-diff-chunks.js').ChunkedRows} ChunkedRows
 * @typedef {import('./article-diff-navigation.js').Navigation} Navigation
 * @typedef {{top: number, bottom: number}} Extent a row's top and bottom, in pixels from the top of the rows
 * @typedef {{top: number, height: number}} Box the rows' top and height, in viewport pixels
 */

/**
 * A length as a share of `total`, in the form the stylesheet reads (`--top`, `--height`).
 * @param {number} length @param {number} total
 */
export function percent(length, total) {
  return `${(100 * length / total).toFixed(3)}%`;
}

/**
 * The part of the rows' box inside a window `viewHeight` tall, as shares of the box, clamped
 * to it: with the rows wholly out of view the box is empty, at the end nearer the view.
 * @param {Box} box @param {number} viewHeight
 * @returns {[top: string, height: string]}
 */
export function viewportPlace(box, viewHeight) {
  const top = Math.min(1, Math.max(0, -box.top / box.height));
  const bottom = Math.min(1, Math.max(0, (viewHeight - box.top) / box.height));
  return [percent(top, 1), percent(Math.max(0, bottom - top), 1)];
}

/**
 * Where a marker goes on a minimap `mapHeight` pixels tall, in whole pixels: from its first
 * row's top to its last row's bottom, out of rows `total` pixels tall. Whole pixels, so that a
 * chunk laid out far above moves no marker by a fraction (a thousand needless style writes).
 * @param {Extent} first @param {Extent} last @param {number} total @param {number} mapHeight
 * @returns {[top: string, height: string]}
 */
export function markerPixels(first, last, total, mapHeight) {
  const scale = total > 0 ? mapHeight / total : 0;
  return [`${Math.round(first.top * scale)}px`, `${Math.round((last.bottom - first.top) * scale)}px`];
}

/** Shortest time between two placements of the markers while rows are being laid out (ms). */
const PLACE_EVERY_MS = 150;

/** One element's minimap. */
export class Minimap {
  /** The minimap's column of markers. */
  element = h('div', {class: 'minimap', part: 'minimap', attrs: {'aria-hidden': 'true'}});
  /** @type {HTMLElement} the visible part of the rows, drawn on the minimap */
  #viewport = h('div', {class: 'viewport', part: 'minimap-viewport'});
  /** @type {HTMLElement} */ #container;
  /** @type {ChunkedRows} */ #rows;
  /** @type {Navigation} */ #navigation;
  /** @type {() => boolean} */ #shown;
  /** @type {() => number[][]} the runs that are only old ends of moves */ #movedAway;
  /** @type {HTMLElement[]} the markers, one per change, then one per run of moved-away rows */ #markers = [];
  /** @type {number[][] | null} the changes `#markers` were made for */ #markersFor = null;
  /** @type {number[][]} the runs of moved-away rows `#markers` ends with */ #awayRuns = [];
  #markerFrame = 0;
  #markerTimer = 0;
  #lastPlaced = 0;

  /**
   * @param {HTMLElement} container the element the rows are drawn in
   * @param {ChunkedRows} rows @param {Navigation} navigation
   * @param {() => boolean} shown whether the element is shown (its stylesheet applied)
   * @param {() => number[][]} movedAway the runs of rows that are only old ends of moves
   */
  constructor(container, rows, navigation, shown, movedAway) {
    this.#container = container;
    this.#rows = rows;
    this.#navigation = navigation;
    this.#shown = shown;
    this.#movedAway = movedAway;
    this.element.addEventListener('click', this.#onClick);
  }

  /**
   * Places the markers after the next paint (reading the minimap's height then reuses the
   * layout the paint just did), and at most once per `PLACE_EVERY_MS` while rows are laid out.
   */
  schedule() {
    if (this.#markerFrame || this.#markerTimer) return;
    this.#markerFrame = requestAnimationFrame(() => {
      this.#markerFrame = 0;
      const wait = Math.max(0, this.#lastPlaced + PLACE_EVERY_MS - performance.now());
      this.#markerTimer = window.setTimeout(() => {
        this.#markerTimer = 0;
        this.#lastPlaced = performance.now();
        this.#place();
      }, wait);
    });
  }

  /** Places the markers for a new draw: their number changed, so no waiting. */
  redraw() {
    this.#markersFor = null;
    this.dispose();
    this.#lastPlaced = 0;
    this.schedule();
  }

  /** @param {number} current the current change's index, or -1 */
  markCurrent(current) {
    for (const el of this.element.querySelectorAll('.marker.current')) el.classList.remove('current');
    this.element.querySelector(`.marker[data-hunk="${current}"]`)?.classList.add('current');
  }

  /** Moves the box of the part in view (after a scroll or a resize). */
  placeViewport() {
    const box = this.#container.getBoundingClientRect();
    if (box.height <= 0) return;
    const [top, height] = viewportPlace(box, window.innerHeight);
    this.#viewport.style.setProperty('--top', top);
    this.#viewport.style.setProperty('--height', height);
  }

  /** Cancels the placing under way (the element left the page). */
  dispose() {
    cancelAnimationFrame(this.#markerFrame);
    clearTimeout(this.#markerTimer);
    this.#markerFrame = 0;
    this.#markerTimer = 0;
  }

  #place() {
    const hunks = this.#navigation.hunks;
    const total = this.#rows.height;
    if (!(total > 0) || !this.#shown() || !this.#rows.drawing) {
      this.element.replaceChildren(this.#viewport);
      this.#markers = [];
      this.#markersFor = null;
      return;
    }
    // One marker per change, made once per draw; later calls (resizes, rows laid out as they
    // scroll into view) only move them.
    if (this.#markersFor !== hunks) {
      this.#markersFor = hunks;
      this.#awayRuns = this.#movedAway();
      const kinds = this.#navigation.kinds;
      const current = this.#navigation.current;
      this.#markers = hunks.map((_, i) => {
        const marker = h('button', {class: `marker ${kinds[i]}`, part: 'marker',
          attrs: {type: 'button', tabindex: '-1', 'data-hunk': String(i), title: `Change ${i + 1}`}});
        if (i === current) marker.classList.add('current');
        return marker;
      });
      for (const run of this.#awayRuns) {
        this.#markers.push(h('button', {class: 'marker-away', part: 'marker marker-away',
          attrs: {type: 'button', tabindex: '-1', 'data-row': String(run[0]), title: 'A paragraph moved away from here'}}));
      }
      this.element.replaceChildren(this.#viewport, ...this.#markers);
    }
    // One read (the map's height); the rows' places come from the sizes measured as they were
    // laid out, not from the layout.
    const mapHeight = this.element.clientHeight;
    const runs = hunks.concat(this.#awayRuns);
    runs.forEach((run, i) => {
      const first = this.#rows.extent(run[0]);
      const last = run.length === 1 ? first : this.#rows.extent(run[run.length - 1]);
      const [top, height] = markerPixels(first, last, total, mapHeight);
      const marker = this.#markers[i];
      // Writes that change nothing are skipped: they would restyle a thousand markers.
      if (marker.style.getPropertyValue('--top') !== top) marker.style.setProperty('--top', top);
      if (marker.style.getPropertyValue('--height') !== height) marker.style.setProperty('--height', height);
    });
    this.placeViewport();
  }

  /** @param {MouseEvent} event */
  #onClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const marker = target?.closest('.marker');
    if (marker instanceof HTMLElement) {
      this.#navigation.goTo(Number(marker.dataset.hunk));
      return;
    }
    const away = target?.closest('.marker-away');
    if (away instanceof HTMLElement) {
      this.#navigation.jumpToRow(Number(away.dataset.row));
      return;
    }
    // Elsewhere on the minimap: bring that part of the diff to the middle of the view.
    const map = this.element.getBoundingClientRect();
    const el = this.#rows.elementAt(((event.clientY - map.top) / map.height) * this.#rows.height);
    if (el) this.#rows.reveal(el);
  };
}
