// @ts-check
/**
 * What `<article-diff>` hears from the page around it while it is connected: scrolling (in the
 * window or any scrolling ancestor), the window's size, printing, the find keys, the colour
 * scheme, the sizes of the element and its toolbar, and the height of the box it scrolls in
 * (the window's, or an embedding scroll box's: a CMS's scrolling panel), which its sticky
 * header must not outgrow. The view that draws the element (article-diff-view.js) says what
 * each one does, in the handlers it passes.
 *
 * @module article-diff-page
 */

/** Whether the browser's find reaches `hidden="until-found"` text and opens it (`beforematch`). */
const FINDS_HIDDEN_TEXT = typeof document !== 'undefined' && 'onbeforematch' in document.documentElement;

/**
 * @typedef {object} PageHandlers
 * @property {() => void} scrolled the page scrolled or resized, once per frame, before it paints
 * @property {() => void} beforePrint
 * @property {() => void} afterPrint
 * @property {() => void} find the find keys were pressed where find cannot reach folded rows
 * @property {() => void} schemeChanged the page's `prefers-color-scheme` changed
 * @property {() => void} toolbarResized
 * @property {(entry: ResizeObserverEntry | undefined) => void} hostResized the element's size changed
 * @property {(height: number | null) => void} scrollerResized the height of the box the element
 *   scrolls in (px), when that is a scroll box of the page rather than the window (`null`)
 */

/** Overflow values that make a box a scroll container, which a sticky descendant sticks to. */
const SCROLLING = new Set(['auto', 'scroll', 'hidden', 'overlay']);

/**
 * The box `el` scrolls in, when it is not the window's: its nearest ancestor (through slots
 * and shadow roots) that is a scroll container, below the document's root and body (whose
 * overflow is the window's). `null` when the element scrolls with the window.
 * @param {Element} el
 * @returns {Element | null}
 */
export function scrollContainerOf(el) {
  /** @type {Element | null} */
  let at = el;
  for (;;) {
    /** @type {Node} */
    const root = at.getRootNode();
    at = at.assignedSlot ?? at.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
    if (!at || at === document.body || at === document.documentElement) return null;
    if (SCROLLING.has(getComputedStyle(at).overflowY)) return at;
  }
}

/**
 * The part of the window `scroller` shows (viewport coordinates, px): its padding box cut to the
 * window; the window itself without one.
 * @param {Element | null} scroller
 * @returns {{top: number, bottom: number}}
 */
export function visibleBand(scroller) {
  if (!scroller) return {top: 0, bottom: window.innerHeight};
  const box = scroller.getBoundingClientRect();
  const top = box.top + scroller.clientTop;
  return {top: Math.max(0, top), bottom: Math.min(window.innerHeight, top + scroller.clientHeight)};
}

/** The page's listeners for one element, added on `connect()` and removed on `disconnect()`. */
export class PageWatch {
  #host;
  #toolbar;
  #on;
  /** The page's colour scheme: the minimap's canvas follows it (the rest is CSS). */
  #darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
  #scrollFrame = 0;
  /** @type {ResizeObserver | null} */ #toolbarObserver = null;
  /** @type {ResizeObserver | null} */ #hostObserver = null;
  /** @type {ResizeObserver | null} */ #scrollerObserver = null;
  /** @type {Element | null} the box the element scrolls in, when not the window's */
  #scroller = null;

  /**
   * @param {HTMLElement} host the element
   * @param {HTMLElement} toolbar its toolbar, whose height the rows' sticky offsets follow
   * @param {PageHandlers} on
   */
  constructor(host, toolbar, on) {
    this.#host = host;
    this.#toolbar = toolbar;
    this.#on = on;
  }

  connect() {
    document.addEventListener('scroll', this.#onScroll, {capture: true, passive: true});
    window.addEventListener('resize', this.#onScroll, {passive: true});
    window.addEventListener('beforeprint', this.#on.beforePrint);
    window.addEventListener('keydown', this.#onFindKey, {capture: true});
    this.#darkScheme.addEventListener('change', this.#on.schemeChanged);
    window.addEventListener('afterprint', this.#on.afterPrint);
    this.#toolbarObserver = new ResizeObserver(() => this.#on.toolbarResized());
    this.#toolbarObserver.observe(this.#toolbar);
    this.#hostObserver = new ResizeObserver((entries) => this.#on.hostResized(entries[entries.length - 1]));
    this.#hostObserver.observe(this.#host);
    // Found where the element is connected (a move to another box connects it again).
    this.#scroller = scrollContainerOf(this.#host);
    const scroller = this.#scroller;
    if (scroller) {
      this.#scrollerObserver = new ResizeObserver(() => this.#on.scrollerResized(scroller.clientHeight));
      this.#scrollerObserver.observe(scroller);
    } else {
      this.#on.scrollerResized(null);
    }
  }

  /** The part of the window the element can be seen in: its scroll box's, or the window's. */
  get band() { return visibleBand(this.#scroller); }

  disconnect() {
    document.removeEventListener('scroll', this.#onScroll, {capture: true});
    window.removeEventListener('resize', this.#onScroll);
    window.removeEventListener('beforeprint', this.#on.beforePrint);
    window.removeEventListener('keydown', this.#onFindKey, {capture: true});
    this.#darkScheme.removeEventListener('change', this.#on.schemeChanged);
    window.removeEventListener('afterprint', this.#on.afterPrint);
    cancelAnimationFrame(this.#scrollFrame);
    this.#scrollFrame = 0;
    this.#toolbarObserver?.disconnect();
    this.#toolbarObserver = null;
    this.#hostObserver?.disconnect();
    this.#hostObserver = null;
    this.#scrollerObserver?.disconnect();
    this.#scrollerObserver = null;
    this.#scroller = null;
  }

  #onScroll = () => {
    if (this.#scrollFrame) return;
    this.#scrollFrame = requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      this.#on.scrolled();
    });
  };

  /**
   * Where `hidden="until-found"` is not supported (Firefox, Safari), the browser's find cannot
   * reach folded rows: the find keys open every fold first.
   * @param {KeyboardEvent} event
   */
  #onFindKey = (event) => {
    if (FINDS_HIDDEN_TEXT || !(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
    this.#on.find();
  };
}
