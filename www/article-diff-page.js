// @ts-check
/**
 * What `<article-diff>` hears from the page around it while it is connected: scrolling (in the
 * window or any scrolling ancestor), the window's size, printing, the find keys, the colour
 * scheme, and the sizes of the element and its toolbar. The view that draws the element
 * (article-diff-view.js) says what each one does, in the handlers it passes.
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
 */

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
  }

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
