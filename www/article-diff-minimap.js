// @ts-check
/**
 * `<article-diff>`'s minimap: a column beside the rows with one marker per change, placed at
 * the change's height in the whole diff, and a box for the part of the rows in view. Clicking
 * a marker goes to its change; clicking elsewhere brings that part of the diff into view.
 * Positions are percentages set through `style.setProperty`, which a strict CSP allows.
 *
 * @module article-diff-minimap
 */

import {h} from './article-diff-dom.js';

/**
 * @typedef {import('./article-diff-chunks.js').ChunkedRows} ChunkedRows
 * @typedef {import('./article-diff-navigation.js').Navigation} Navigation
 * @typedef {{top: number, bottom: number}} Extent a row's top and bottom, in viewport pixels
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
 * Where a change's marker goes: from its first row's top to its last row's bottom, as shares
 * of the rows' box.
 * @param {Extent} first @param {Extent} last @param {Box} box
 * @returns {[top: string, height: string]}
 */
export function markerPlace(first, last, box) {
  return [percent(first.top - box.top, box.height), percent(last.bottom - first.top, box.height)];
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
  /** @type {HTMLElement[]} the markers, one per change */ #markers = [];
  /** @type {number[][] | null} the changes `#markers` were made for */ #markersFor = null;
  #markerFrame = 0;
  #markerTimer = 0;

  /**
   * @param {HTMLElement} container the element the rows are drawn in
   * @param {ChunkedRows} rows @param {Navigation} navigation
   * @param {() => boolean} shown whether the element is shown (its stylesheet applied)
   */
  constructor(container, rows, navigation, shown) {
    this.#container = container;
    this.#rows = rows;
    this.#navigation = navigation;
    this.#shown = shown;
    this.element.addEventListener('click', this.#onClick);
  }

  /** Places the markers from the rows' laid-out positions, once per frame. */
  schedule() {
    cancelAnimationFrame(this.#markerFrame);
    clearTimeout(this.#markerTimer);
    // After the next paint, not before it: reading row positions forces a layout, which then
    // reuses the one the paint just did instead of delaying the first paint of a long diff.
    this.#markerFrame = requestAnimationFrame(() => {
      this.#markerTimer = window.setTimeout(() => this.#place());
    });
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
  }

  #place() {
    const box = this.#container.getBoundingClientRect();
    const hunks = this.#navigation.hunks;
    if (!(box.height > 0) || !this.#shown() || !this.#rows.drawing) {
      this.element.replaceChildren(this.#viewport);
      this.#markers = [];
      this.#markersFor = null;
      return;
    }
    // All reads, then all writes: a write between two reads would force a layout per marker.
    const places = hunks.map((hunk) => {
      const first = this.#rows.rowBox(hunk[0]);
      const last = hunk.length === 1 ? first : this.#rows.rowBox(hunk[hunk.length - 1]);
      return markerPlace(first, last, box);
    });
    // One marker per change, made once per draw; later calls (resizes, rows laid out as they
    // scroll into view) only move them.
    if (this.#markersFor !== hunks) {
      this.#markersFor = hunks;
      const kinds = this.#navigation.kinds;
      const current = this.#navigation.current;
      this.#markers = hunks.map((_, i) => {
        const marker = h('button', {class: `marker ${kinds[i]}`, part: 'marker',
          attrs: {type: 'button', tabindex: '-1', 'data-hunk': String(i), title: `Change ${i + 1}`}});
        if (i === current) marker.classList.add('current');
        return marker;
      });
      this.element.replaceChildren(this.#viewport, ...this.#markers);
    }
    places.forEach(([top, height], i) => {
      const marker = this.#markers[i];
      // Writes that change nothing are skipped: they would restyle a thousand markers.
      if (marker.style.getPropertyValue('--top') !== top) marker.style.setProperty('--top', top);
      if (marker.style.getPropertyValue('--height') !== height) marker.style.setProperty('--height', height);
    });
    this.placeViewport();
  }

  /** @param {MouseEvent} event */
  #onClick = (event) => {
    const marker = event.target instanceof Element ? event.target.closest('.marker') : null;
    if (marker instanceof HTMLElement) {
      this.#navigation.goTo(Number(marker.dataset.hunk));
      return;
    }
    // Elsewhere on the minimap: bring that part of the diff to the middle of the view.
    const map = this.element.getBoundingClientRect();
    const box = this.#container.getBoundingClientRect();
    const el = this.#rows.elementAt(box.top + ((event.clientY - map.top) / map.height) * box.height);
    if (el) this.#rows.reveal(el);
  };
}
