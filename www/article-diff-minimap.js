// @ts-check
/**
 * `<article-diff>`'s minimap: a column beside the rows with one marker per change, placed at
 * the change's height in the whole diff, and a box for the part of the rows in view. Clicking
 * a marker goes to its change; clicking elsewhere brings that part of the diff into view.
 * Positions come from the rows' measured sizes (see `ChunkedRows.extent`), never from reading
 * a row's layout; the markers are drawn on a canvas (thousands of them cost nothing per frame)
 * and the viewport box is moved by a transform set through `style.setProperty`, which a strict
 * CSP allows.
 *
 * @module article-diff-minimap
 */

import {DEFAULT_STRINGS, say} from './article-diff-strings.js';
import {h} from './article-diff-dom.js';

/**
 * @typedef {import('./article-diff-strings.js').Strings} Strings
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
 * The part of the rows' box inside the band `[viewTop, viewHeight)` of the window (the whole
 * window, or the part a page's scroll box shows), as shares of the box, clamped to it: with the
 * rows wholly out of view the box is empty, at the end nearer the view.
 * @param {Box} box @param {number} viewHeight the band's bottom @param {number} [viewTop] its top
 * @returns {[top: string, height: string]}
 */
export function viewportPlace(box, viewHeight, viewTop = 0) {
  const top = Math.min(1, Math.max(0, (viewTop - box.top) / box.height));
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

/** Shortest time between two drawings of the markers while rows are laid out (ms). */
const PLACE_EVERY_MS = 100;

/** A marker is drawn at least this tall (px), and a click this close to one hits it. */
const MARKER_MIN_PX = 3;
const HIT_SLOP_PX = 3;

/**
 * The marker a click at `y` hits: the one that covers it, else the nearest within
 * `HIT_SLOP_PX`; -1 for none. Markers are `[top, height]` pairs in pixels, top to bottom.
 * @param {ArrayLike<number>} places @param {number} y
 */
export function markerAt(places, y) {
  let best = -1;
  let bestDistance = HIT_SLOP_PX + 1;
  for (let i = 0; 2 * i < places.length; i++) {
    const top = places[2 * i];
    const bottom = top + Math.max(MARKER_MIN_PX, places[2 * i + 1]);
    const distance = y < top ? top - y : y > bottom ? y - bottom : 0;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** The colours the markers are drawn in, read from the stylesheet's custom properties. */
const COLOURS = /** @type {const} */ ({changed: '--_change', inserted: '--_ins-line', deleted: '--_del-line', moved: '--_move', current: '--_fg'});

/** One element's minimap. */
export class Minimap {
  /** The minimap's column. */
  element = h('div', {class: 'minimap', part: 'minimap', attrs: {'aria-hidden': 'true'}});
  /** @type {HTMLElement} the visible part of the rows, drawn on the minimap */
  #viewport = h('div', {class: 'viewport', part: 'minimap-viewport'});
  /**
   * The markers, drawn on a canvas: thousands of marker elements were laid out, painted and
   * hit-tested again at every frame of a scroll.
   */
  #canvas = h('canvas', {class: 'markers', part: 'markers'});
  /** @type {HTMLElement} an element the colours are resolved on */
  #probe = h('span', {class: 'marker-colour'});
  /** The part of the window the rows can be seen in (viewport px): the window's, or a scroll box's. */
  band = () => ({top: 0, bottom: window.innerHeight});
  /** @type {HTMLElement} */ #container;
  /** @type {ChunkedRows} */ #rows;
  /** @type {Navigation} */ #navigation;
  /** @type {() => boolean} */ #shown;
  /** @type {() => number[][]} the runs that are only old ends of moves */ #movedAway;
  /** @type {number[][]} the runs of moved-away rows, drawn after the changes */ #awayRuns = [];
  /** @type {number[][] | null} the changes `#awayRuns` were taken for */ #runsFor = null;
  /** @type {Float64Array} `[top, height]` of each change's marker, then each moved-away run's (px) */
  #places = new Float64Array(0);
  #markerFrame = 0;
  #markerTimer = 0;
  #lastPlaced = 0;
  /** The minimap's size (CSS px), as last measured. */
  #mapWidth = 0;
  #mapHeight = 0;
  #viewportHeight = '';
  #mapObserver = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    this.#mapWidth = box?.width ?? 0;
    this.#mapHeight = box?.height ?? 0;
    this.placeViewport();
    this.schedule();
  });

  /** @type {Strings} the words of the markers' tooltips */
  strings = DEFAULT_STRINGS;

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
    this.#probe.hidden = true;
    this.element.append(this.#canvas, this.#viewport, this.#probe);
    this.element.addEventListener('click', this.#onClick);
    this.#canvas.addEventListener('mousemove', this.#onHover);
    this.#mapObserver.observe(this.element);
  }

  /**
   * Places the markers after the next paint (reading sizes then reuses the layout the paint
   * just did), at most once per `PLACE_EVERY_MS` while rows are laid out.
   */
  schedule() {
    if (this.#markerFrame || this.#markerTimer) return;
    this.#markerFrame = requestAnimationFrame(() => {
      this.#markerFrame = 0;
      this.#markerTimer = window.setTimeout(() => {
        this.#markerTimer = 0;
        this.#lastPlaced = performance.now();
        this.#place();
      }, Math.max(0, this.#lastPlaced + PLACE_EVERY_MS - performance.now()));
    });
  }

  /** Places the markers of a new draw right after its first paint. */
  redraw() {
    this.#runsFor = null;
    this.dispose();
    this.#lastPlaced = 0;
    this.schedule();
  }

  /**
   * Outlines the current change's marker; `data-current` on the canvas says which it is.
   * @param {number} current the current change's index, or -1
   */
  markCurrent(current) {
    this.#canvas.dataset.current = String(current);
    this.#paint();
  }

  /** Draws the markers again in the theme's colours (the theme changed). */
  repaint() {
    this.#paint();
  }

  /**
   * Moves the box of the part in view (after a scroll or a resize): by a transform, which
   * neither lays out nor repaints the minimap.
   */
  placeViewport() {
    const box = this.#container.getBoundingClientRect();
    if (box.height <= 0) return;
    const band = this.band();
    const [top, height] = viewportPlace(box, band.bottom, band.top);
    const map = this.#mapHeight || this.element.clientHeight;
    this.#viewport.style.setProperty('--y', `${(parseFloat(top) / 100 * map).toFixed(1)}px`);
    const h = `${(parseFloat(height) / 100 * map).toFixed(1)}px`;
    if (h !== this.#viewportHeight) this.#viewport.style.setProperty('--height', (this.#viewportHeight = h));
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
      this.#places = new Float64Array(0);
      this.#canvas.dataset.markers = '0';
      this.#paint();
      return;
    }
    if (this.#runsFor !== hunks) {
      this.#runsFor = hunks;
      this.#awayRuns = this.#movedAway();
    }
    const mapHeight = this.#mapHeight || this.element.clientHeight;
    const runs = hunks.concat(this.#awayRuns);
    const places = new Float64Array(2 * runs.length);
    // The rows' places come from the sizes measured as they were laid out, not from the layout.
    runs.forEach((run, i) => {
      const first = this.#rows.extent(run[0]);
      const last = run.length === 1 ? first : this.#rows.extent(run[run.length - 1]);
      const [top, height] = markerPixels(first, last, total, mapHeight);
      places[2 * i] = parseFloat(top);
      places[2 * i + 1] = parseFloat(height);
    });
    this.#places = places;
    this.#canvas.dataset.markers = String(hunks.length);
    this.#paint();
    this.placeViewport();
  }

  /** Draws the markers placed last: a bar per change in its kind's colour, the current one outlined. */
  #paint() {
    const width = this.#mapWidth || this.element.clientWidth;
    const height = this.#mapHeight || this.element.clientHeight;
    const scale = window.devicePixelRatio || 1;
    const [w, h] = [Math.round(width * scale), Math.round(height * scale)];
    if (this.#canvas.width !== w || this.#canvas.height !== h) {
      this.#canvas.width = w;
      this.#canvas.height = h;
    }
    const context = this.#canvas.getContext('2d');
    if (!context) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, width, height);
    if (this.#places.length === 0) return;
    const colours = this.#colours();
    const kinds = this.#navigation.kinds;
    const count = this.#navigation.hunks.length;
    const current = this.#navigation.current;
    // One path per colour, filled once: a long diff has thousands of markers, most of them on
    // the pixels of the one before (a marker inside the last of its colour adds nothing).
    /** @type {Map<string, {path: Path2D, top: number, bottom: number}>} */
    const fills = new Map();
    const hollow = new Path2D();
    for (let i = 0; 2 * i < this.#places.length; i++) {
      const top = this.#places[2 * i];
      const tall = Math.max(MARKER_MIN_PX, this.#places[2 * i + 1]);
      if (i < count) {
        const colour = colours[/** @type {keyof typeof COLOURS} */ (kinds[i])] ?? colours.changed;
        let fill = fills.get(colour);
        if (!fill) fills.set(colour, (fill = {path: new Path2D(), top: -1, bottom: -1}));
        if (top >= fill.top && top + tall <= fill.bottom) continue;
        fill.path.rect(3, top, width - 6, tall);
        fill.top = top;
        fill.bottom = top + tall;
      } else {
        // Where a paragraph moved away from: no stop of its own, a hollow marker.
        hollow.rect(4.5, top + 0.5, width - 9, Math.max(1, tall - 1));
      }
    }
    for (const [colour, {path}] of fills) {
      context.fillStyle = colour;
      context.fill(path);
    }
    context.strokeStyle = colours.moved;
    context.lineWidth = 1;
    context.stroke(hollow);
    if (current >= 0 && current < count) {
      const top = this.#places[2 * current];
      const tall = Math.max(MARKER_MIN_PX, this.#places[2 * current + 1]);
      context.fillStyle = colours[/** @type {keyof typeof COLOURS} */ (kinds[current])] ?? colours.changed;
      context.fillRect(0, top, width, tall);
      context.strokeStyle = colours.current;
      context.lineWidth = 2;
      context.strokeRect(1, top - 1, width - 2, tall + 2);
    }
  }

  /** The markers' colours as the theme sets them now. */
  #colours() {
    /** @type {Record<keyof typeof COLOURS, string>} */
    const colours = {changed: '', inserted: '', deleted: '', moved: '', current: ''};
    // A hidden element still has computed styles: no layout is needed to read them.
    for (const [kind, property] of Object.entries(COLOURS)) {
      this.#probe.style.setProperty('color', `var(${property})`);
      colours[/** @type {keyof typeof COLOURS} */ (kind)] = getComputedStyle(this.#probe).color;
    }
    return colours;
  }

  /** @param {MouseEvent} event */
  #onHover = (event) => {
    const i = markerAt(this.#places, event.offsetY);
    const count = this.#navigation.hunks.length;
    this.#canvas.title = i < 0 ? '' : i < count ? say(this.strings, 'minimapChange', {n: i + 1}) : say(this.strings, 'minimapMovedAway');
    this.#canvas.classList.toggle('over-marker', i >= 0);
  };

  /** @param {MouseEvent} event */
  #onClick = (event) => {
    const map = this.element.getBoundingClientRect();
    const y = event.clientY - map.top;
    const i = markerAt(this.#places, y);
    const count = this.#navigation.hunks.length;
    if (i >= 0 && i < count) {
      this.#navigation.goTo(i);
      return;
    }
    if (i >= count) {
      this.#navigation.jumpToRow(this.#awayRuns[i - count][0]);
      return;
    }
    // Elsewhere on the minimap: bring that part of the diff to the middle of the view.
    const el = this.#rows.elementAt((y / map.height) * this.#rows.height);
    if (el) this.#rows.reveal(el);
  };
}
