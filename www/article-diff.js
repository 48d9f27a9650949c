// @ts-check
/**
 * `<article-diff>`: two versions of an article side by side, rendered from the model that the
 * wasm package computes. The element draws; it never diffs, patches or reinterprets the model.
 *
 * Article text only ever enters the DOM through `textContent` / text nodes, never `innerHTML`,
 * so hostile strings render literally. Styles live in `article-diff.css` next to this file,
 * linked from the shadow root, so the element runs under a strict Content-Security-Policy
 * (`style-src 'self'`; WebAssembly needs `script-src 'wasm-unsafe-eval'`).
 *
 * @module article-diff
 */

import {SourceError, loadSource, parseMaxBytes, textProblem} from './article-diff-source.js';

export {decodeText} from './article-diff-source.js';

/**
 * @typedef {{kind: 'equal'|'insert'|'delete', cosmetic: boolean, text: string}} Span
 * @typedef {{paragraphs: number[], spans: Span[]}} Cell
 * @typedef {'equal'|'changed'|'split'|'merged'|'inserted'|'deleted'|'moved'} RowKind
 * @typedef {{kind: RowKind, old: Cell|null, new: Cell|null, move?: number, cosmetic: boolean}} Row
 * @typedef {{id: number, from: number, to: number, similarity: number, oldRow: number, newRow: number}} Move
 * @typedef {{wordsInserted: number, wordsDeleted: number, wordsUnchanged: number,
 *   paragraphsChanged: number, paragraphsInserted: number, paragraphsDeleted: number,
 *   paragraphsMoved: number, paragraphsSplit: number, paragraphsMerged: number,
 *   cosmeticChanges: number}} Stats
 * @typedef {{kind: RowKind, row: number, rowCount: number, oldStart: number, oldEnd: number,
 *   newStart: number, newEnd: number, cosmetic: boolean, move?: number}} Block
 *   A run of unchanged rows (kind `equal`), or one row with a change
 * @typedef {{blocks: Block[], rowCount: number, row: (index: number) => Row | undefined,
 *   rows: Row[], edits: Array<[number, string]>, oldParagraphs: Array<{start: number, end: number}>,
 *   newParagraphs: Array<{start: number, end: number}>, moves: Move[], stats: Stats,
 *   approximate: boolean, fallback: null | {reason: string, detail: string}, packed: Uint32Array,
 *   oldText: string, newText: string}} DiffModel
 *   The package's `ArticleDiff` (src/wasm.d.ts). The element reads `blocks` and builds rows
 *   with `row(i)` only for the rows it draws; `rows` would build one object per paragraph.
 * @typedef {{detectMoves: boolean, ignoreCase: boolean, ignoreWhitespace: boolean}} DiffOptions
 * @typedef {{diff: (oldText: string, newText: string, options: object) => DiffModel,
 *   unpack: (packed: Uint32Array, oldText: string, newText: string) => DiffModel,
 *   version: () => string}} Engine
 * @typedef {number | {runStart: number, from: number, to: number}} Item a row, or a folded run
 * @typedef {{el: HTMLElement, items: Item[], lazy: boolean}} Chunk
 * @typedef {{model: DiffModel, view: 'split'|'inline', hideCosmetic: boolean, current: Set<number>}} Drawing
 */

/** Equal rows kept visible on each side of a change when a long unchanged run collapses. */
const CONTEXT_ROWS = 1;

/** Unchanged runs longer than this collapse to a "N unchanged paragraphs" button. */
const COLLAPSE_ABOVE = 3;

/**
 * Inputs longer than this (UTF-16 units, both texts) show a "Comparing…" state and are diffed
 * in a Web Worker (`article-diff-worker.js`), so the page stays responsive.
 */
const BUSY_ABOVE_CHARS = 200_000;

/** How long a jumped-to row stays highlighted (ms); matches the CSS animation. */
const FLASH_MS = 1600;

/**
 * Diffs with at most this many items (rows and folded runs) to draw are drawn in one go.
 * Longer ones are drawn a chunk at a time: the chunks in view first, the rest between frames.
 */
const DRAW_AT_ONCE_ITEMS = 300;

/**
 * Items per chunk: the unit of drawing in slices. A few screens' worth, so the page holds
 * tens of placeholders rather than thousands, and a chunk draws in a few milliseconds.
 */
const CHUNK_ITEMS = 24;

/** Longest slice of background drawing (ms): short enough that a frame stays smooth. */
const FILL_SLICE_MS = 10;
/** Even an idle period shorter than this gets one chunk drawn (ms). */
const FILL_SLICE_MIN_MS = 2;

/** An idle callback that has not come within this long (ms) runs anyway: the page is busy. */
const FILL_IDLE_TIMEOUT_MS = 100;

const STYLESHEET_URL = new URL('./article-diff.css', import.meta.url).href;
const ENGINE_URL = new URL('./pkg/article_diff.js', import.meta.url).href;
const WORKER_URL = new URL('./article-diff-worker.js', import.meta.url).href;

/**
 * The name of the Trusted Types policy that starts the worker. A page that restricts policies
 * allows it with `trusted-types article-diff` in its Content-Security-Policy.
 */
export const TRUSTED_TYPES_POLICY = 'article-diff';

/** Thrown by `diffInWorker` when the worker cannot run on this page; the message says why. */
class WorkerUnavailableError extends Error {}

/** @type {Worker | null} */
let worker = null;
/** Whether `worker` has answered yet: an error before its first answer means it never started. */
let workerAnswered = false;
/** Why the worker cannot run on this page, once it failed to start; it is not tried again. */
let workerUnavailable = '';
let nextRequest = 0;
/** @type {Map<number, {resolve: (packed: Uint32Array) => void, reject: (error: Error) => void}>} */
const requests = new Map();

/** @type {{createScriptURL: (url: string) => unknown} | null} */
let workerPolicy = null;
/** Why the page's Trusted Types refused our policy, if they did. */
let policyRefused = '';
/** The one `blob:` URL the policy vouches for besides the worker's own, while it is started. */
let shimToStart = '';

/**
 * `url` as a `TrustedScriptURL` where the browser has Trusted Types, through our policy (which
 * vouches only for the worker module and the shim being started). A page that refuses the
 * policy gets the plain URL: fine unless it also enforces Trusted Types.
 * @param {string} url
 */
function trustedScriptURL(url) {
  const factory = /** @type {any} */ (globalThis).trustedTypes;
  if (!factory || policyRefused) return url;
  try {
    workerPolicy ??= factory.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL: (/** @type {string} */ input) => {
        if (input === WORKER_URL || (input !== '' && input === shimToStart)) return input;
        throw new TypeError(`The "${TRUSTED_TYPES_POLICY}" policy only starts the diff worker`);
      },
    });
  } catch (error) {
    policyRefused = `the page's Trusted Types do not allow the policy "${TRUSTED_TYPES_POLICY}": ${messageOf(error)}`;
    return url;
  }
  return /** @type {{createScriptURL: (url: string) => unknown}} */ (workerPolicy).createScriptURL(url);
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts the page's one worker, or throws `WorkerUnavailableError`. A worker's script must come
 * from the page's own origin, so when the element is hosted elsewhere (a CDN) a same-origin
 * `blob:` module that imports the worker module by its URL stands in for it. The import needs
 * CORS, which a CDN sends, and a page with a CSP allows `blob:` and the CDN in `worker-src`
 * (a module worker's imports are worker scripts too).
 */
function startWorker() {
  let shim = new URL(WORKER_URL).origin === location.origin
    ? ''
    : URL.createObjectURL(new Blob([`import ${JSON.stringify(WORKER_URL)};\n`], {type: 'text/javascript'}));
  const forget = () => {
    // Only once the worker answered or failed: its script may still be loading until then.
    if (shim) URL.revokeObjectURL(shim);
    shim = '';
  };
  /** @type {Worker} */
  let started;
  shimToStart = shim;
  try {
    started = new Worker(/** @type {any} */ (trustedScriptURL(shim || WORKER_URL)), {type: 'module'});
  } catch (error) {
    forget();
    // Trusted Types refuse a plain URL with a TypeError; a CSP refuses with a SecurityError.
    throw new WorkerUnavailableError(policyRefused && error instanceof TypeError ? policyRefused : messageOf(error));
  } finally {
    shimToStart = '';
  }
  started.addEventListener('message', (event) => {
    workerAnswered = true;
    forget();
    const {id, packed, error} = event.data;
    const request = requests.get(id);
    requests.delete(id);
    if (error !== undefined) request?.reject(new Error(error));
    else request?.resolve(packed);
  });
  started.addEventListener('error', (event) => {
    forget();
    started.terminate();
    if (worker === started) worker = null;
    const detail = event instanceof ErrorEvent && event.message ? event.message : '';
    /** @type {Error} */
    let failure;
    if (workerAnswered) {
      // It ran, then died: fail what is pending; the next long diff starts a new one.
      failure = new Error(detail || 'the diff worker failed');
    } else {
      // It never ran: the page's CSP refused it (`worker-src`), or its module did not load
      // (no CORS from another origin, a 404, the network).
      workerUnavailable = `its script did not load${detail ? ` (${detail})` : ''}`;
      failure = new WorkerUnavailableError(workerUnavailable);
    }
    for (const request of requests.values()) request.reject(failure);
    requests.clear();
  });
  workerAnswered = false;
  return started;
}

/**
 * Diffs in the page's one worker (started on first use). The worker posts the model's packed
 * array (transferred, not copied: no long message to receive); `engine.unpack` rebuilds it.
 * Rejects with `WorkerUnavailableError` when the worker cannot run on this page.
 * @param {string} oldText @param {string} newText @param {object} options
 * @returns {Promise<Uint32Array>}
 */
function diffInWorker(oldText, newText, options) {
  if (!worker && !workerUnavailable) {
    try {
      worker = startWorker();
    } catch (error) {
      workerUnavailable = messageOf(error);
    }
  }
  if (!worker) return Promise.reject(new WorkerUnavailableError(workerUnavailable));
  const running = worker;
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    requests.set(id, {resolve, reject});
    running.postMessage({id, oldText, newText, options});
  });
}

/** @type {Promise<Engine> | null} */
let engineReady = null;

/**
 * Loads and instantiates the wasm package once per page, wherever the folder is hosted: the
 * package sits in `./pkg/` next to this module and finds its `.wasm` through its own URL.
 * @returns {Promise<Engine>}
 */
export function loadEngine() {
  engineReady ??= import(ENGINE_URL).then(async (module) => {
    await module.default();
    return /** @type {Engine} */ (module);
  });
  // A failed load (offline, 404) must not poison every later attempt.
  engineReady.catch(() => {
    engineReady = null;
  });
  return engineReady;
}

/** Fired with the stats after each new diff is drawn. `detail` is the model's `stats`. */
export class ArticleDiffEvent extends CustomEvent {
  /** @param {DiffModel} model */
  constructor(model) {
    super('diff', {bubbles: true, composed: true, detail: model.stats});
    /** The whole model that was drawn. */
    this.model = model;
  }
}

/** Fired when loading, decoding or diffing fails; the last good diff stays on screen. */
export class ArticleDiffErrorEvent extends CustomEvent {
  /** @param {string} message */
  constructor(message) {
    super('article-diff-error', {bubbles: true, composed: true, detail: {message}});
    this.message = message;
  }
}

/**
 * Fired before a long diff runs on the main thread because the page cannot run the worker (its
 * CSP or Trusted Types refuse it, or its files did not load). `detail.message` says why; the
 * diff itself goes on and fires `diff` as usual.
 */
export class ArticleDiffWorkerUnavailableEvent extends CustomEvent {
  /** @param {string} reason */
  constructor(reason) {
    const message = `the diff worker cannot run on this page (${reason}), so texts over ` +
      `${BUSY_ABOVE_CHARS.toLocaleString('en')} characters are diffed on the main thread, which waits meanwhile`;
    super('article-diff-worker-unavailable', {bubbles: true, composed: true, detail: {message, reason}});
    this.message = message;
  }
}

/** Whether the console was told once that this page diffs long texts on the main thread. */
let workerWarned = false;

/**
 * Creates an element; text goes in through `textContent` only.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{class?: string, part?: string, text?: string, attrs?: Record<string, string>}} [props]
 * @param {Array<Node|string|null|false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.part) el.setAttribute('part', props.part);
  if (props.text !== undefined) el.textContent = props.text;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === false) continue;
    el.append(child);
  }
  return el;
}

/**
 * `timeout-ms` as milliseconds: a positive number in decimal digits (`250`, `1.5`), else
 * `NaN`. Stricter than `Number()`, which would also take `0x10`, `1e3` or `Infinity`.
 * @param {string} value
 */
function parseTimeout(value) {
  const ms = /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(value) ? Number(value) : NaN;
  return ms > 0 && Number.isFinite(ms) ? ms : NaN;
}

/** @param {number} n @param {string} one @param {string} many */
const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "3", or "3–4" for a cell of several paragraphs (1-based). @param {Cell} cell */
function paragraphNumbers(cell) {
  const first = cell.paragraphs[0] + 1;
  const last = cell.paragraphs[cell.paragraphs.length - 1] + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * The `<article-diff>` element. See `docs/element.md` for attributes, events and styling.
 */
export class ArticleDiffElement extends HTMLElement {
  static observedAttributes = [
    'old-src', 'new-src', 'old-label', 'new-label', 'max-bytes',
    'ignore-case', 'ignore-whitespace', 'no-moves', 'timeout-ms', 'hide-cosmetic', 'view', 'theme',
  ];

  /**
   * Registers the element (once; a second call with the same tag is a no-op).
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   */
  static define(tag = 'article-diff', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {string|null} */ #oldText = null;
  /** @type {string|null} */ #newText = null;
  /** Bumped whenever a text or diff option changes; stale async work compares it. */
  #inputVersion = 0;
  /** The `#inputVersion` the drawn model was computed from (-1: none yet). */
  #diffedVersion = -1;
  /** @type {DiffModel | null} */ #model = null;
  #updateQueued = false;
  /** @type {Promise<void>} */ #lastUpdate = Promise.resolve();
  /** Property writes per side: a load started before the latest write must not overwrite it. */
  #textWrites = {old: 0, new: 0};
  /** @type {Set<Promise<void>>} loads of `old-src` / `new-src` under way */
  #fetches = new Set();
  /** Per side, the load under way (aborted when a newer source or text replaces it). */
  #loads = {old: /** @type {AbortController|null} */ (null), new: /** @type {AbortController|null} */ (null)};
  /**
   * Per side, why its latest source or text could not be used ('' when it could). While either
   * side has failed nothing is diffed: the last good diff stays, with the message.
   */
  #failed = {old: '', new: ''};
  /** @type {Set<number>} rows whose collapsed run the reader expanded (keyed by run start) */
  #expanded = new Set();
  /** @type {Map<number, HTMLElement>} drawn row elements by model row index */
  #rowEls = new Map();
  /**
   * What the rows on screen are drawn from: chunks not filled yet are filled from it, never
   * from a newer model or view (a new draw replaces every chunk at once). `current`: the rows
   * of the current change when the draw started.
   * @type {Drawing | null}
   */
  #drawing = null;
  /** @type {Chunk[]} this draw's chunks, in order (expanded runs add more at the end) */
  #chunks = [];
  /** Index into `#chunks` per drawn model row (rows folded away are not in it). */
  /** @type {Map<number, number>} */ #chunkOf = new Map();
  /** @type {Set<Chunk>} chunks still empty, in the order they fill in the background */
  #pending = new Set();
  /** @type {{version: number, done: Promise<void>} | null} the diff being computed, if any */
  #diffing = null;
  #fillHandle = 0;
  /** @type {(() => void) | null} resolves `#filled` */
  #resolveFilled = null;
  /** @type {Promise<void>} settles when every row element is filled */
  #filled = Promise.resolve();
  /** @type {number[][]} hunks: runs of adjacent changed rows (model row indices) */
  #hunks = [];
  /** @type {RowKind[]} the kind of each hunk's first row */
  #hunkKinds = [];
  #current = -1;
  /** @type {ResizeObserver | null} */ #resizeObserver = null;
  #markerFrame = 0;
  #markerTimer = 0;
  /** @type {HTMLElement[]} the minimap's markers, one per change */ #markers = [];
  /** @type {number[][] | null} the changes `#markers` were made for */ #markersFor = null;
  /** @type {Map<HTMLElement, number>} */ #flashTimers = new Map();

  // Shadow DOM skeleton, built once.
  /** @type {ShadowRoot} */ #root;
  /** @type {HTMLElement} */ #frame;
  /** @type {HTMLElement} */ #error;
  /** @type {HTMLElement} */ #notice;
  /** @type {HTMLElement} */ #summary;
  /** @type {HTMLInputElement} */ #cosmeticToggle;
  /** @type {HTMLElement} */ #cosmeticLabel;
  /** @type {HTMLButtonElement} */ #splitButton;
  /** @type {HTMLButtonElement} */ #inlineButton;
  /** @type {HTMLButtonElement} */ #prevButton;
  /** @type {HTMLButtonElement} */ #nextButton;
  /** @type {HTMLElement} */ #counter;
  /** @type {HTMLElement} */ #headings;
  /** @type {HTMLElement} */ #oldHeading;
  /** @type {HTMLElement} */ #newHeading;
  /** @type {HTMLElement} */ #rows;
  /** @type {HTMLElement} */ #minimap;
  /** @type {HTMLElement} the visible part of the rows, drawn on the minimap */ #viewport;
  #viewportFrame = 0;
  /** @type {HTMLElement} */ #bar;

  constructor() {
    super();
    this.#root = this.shadowRoot ?? this.attachShadow({mode: 'open'});
    this.#build();
  }

  // ---- Inputs -------------------------------------------------------------------------------

  /** The old text (set directly, or loaded from `old-src`); `null` until known. */
  get oldText() { return this.#oldText; }
  set oldText(value) { this.#writeText('old', value); }

  /** The new text (set directly, or loaded from `new-src`); `null` until known. */
  get newText() { return this.#newText; }
  set newText(value) { this.#writeText('new', value); }

  /** The last diff drawn (the model from the wasm package), or `null`. */
  get model() { return this.#model; }

  /** The last diff's stats, or `null`. */
  get stats() { return this.#model?.stats ?? null; }

  get oldSrc() { return this.getAttribute('old-src'); }
  set oldSrc(v) { this.#reflect('old-src', v); }
  get newSrc() { return this.getAttribute('new-src'); }
  set newSrc(v) { this.#reflect('new-src', v); }
  /** Largest `old-src`/`new-src` source per side, in bytes (`max-bytes`; default 10 MB). */
  get maxBytes() {
    try {
      return parseMaxBytes(this.getAttribute('max-bytes'));
    } catch {
      return NaN;
    }
  }
  set maxBytes(v) { this.#reflect('max-bytes', v); }
  get oldLabel() { return this.getAttribute('old-label'); }
  set oldLabel(v) { this.#reflect('old-label', v); }
  get newLabel() { return this.getAttribute('new-label'); }
  set newLabel(v) { this.#reflect('new-label', v); }
  get ignoreCase() { return this.hasAttribute('ignore-case'); }
  set ignoreCase(on) { this.toggleAttribute('ignore-case', Boolean(on)); }
  get ignoreWhitespace() { return this.hasAttribute('ignore-whitespace'); }
  set ignoreWhitespace(on) { this.toggleAttribute('ignore-whitespace', Boolean(on)); }
  get hideCosmetic() { return this.hasAttribute('hide-cosmetic'); }
  set hideCosmetic(on) { this.toggleAttribute('hide-cosmetic', Boolean(on)); }
  /** `true` unless the `no-moves` attribute is set. */
  get detectMoves() { return !this.hasAttribute('no-moves'); }
  set detectMoves(on) { this.toggleAttribute('no-moves', !on); }
  /** `'split'` (default) or `'inline'`. @returns {'split'|'inline'} */
  get view() { return this.getAttribute('view') === 'inline' ? 'inline' : 'split'; }
  set view(v) { this.setAttribute('view', v === 'inline' ? 'inline' : 'split'); }
  /** `'light'`, `'dark'` or `null` (follow `prefers-color-scheme`). */
  get theme() { return this.getAttribute('theme'); }
  set theme(v) { this.#reflect('theme', v); }

  /** @param {string} name @param {string|number|null|undefined} value */
  #reflect(name, value) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  /** A text set from script: a string, or null to clear; anything else is refused. @param {'old'|'new'} side @param {unknown} value */
  #writeText(side, value) {
    this.#textWrites[side]++;
    this.#loads[side]?.abort(); // the latest input wins over a load under way
    const problem = textProblem(side, value);
    if (problem) return this.#sideFailed(side, problem);
    this.#setText(side, value == null ? null : String(value));
  }

  /** @param {'old'|'new'} side @param {string|null} text */
  #setText(side, text) {
    const recovered = this.#failed[side] !== '';
    this.#failed[side] = '';
    if ((side === 'old' ? this.#oldText : this.#newText) === text && !recovered) return;
    if (side === 'old') this.#oldText = text;
    else this.#newText = text;
    this.#inputVersion++;
    this.#schedule();
  }

  /** Side `side` cannot be diffed: say why, and diff nothing until it has a usable text. @param {'old'|'new'} side @param {string} message */
  #sideFailed(side, message) {
    this.#failed[side] = message;
    this.#inputVersion++;
    this.#fail(message, [this.#failed.old, this.#failed.new].filter(Boolean).join(' '));
  }

  /** @returns {DiffOptions & {timeoutMs?: number}} */
  #diffOptions() {
    /** @type {DiffOptions & {timeoutMs?: number}} */
    const options = {
      detectMoves: this.detectMoves,
      ignoreCase: this.ignoreCase,
      ignoreWhitespace: this.ignoreWhitespace,
    };
    const timeout = this.getAttribute('timeout-ms');
    if (timeout !== null) {
      const ms = parseTimeout(timeout);
      if (Number.isNaN(ms)) {
        throw new Error(`timeout-ms must be a positive number of milliseconds in decimal digits (such as 250), got "${timeout}"`);
      }
      options.timeoutMs = ms;
    }
    return options;
  }

  /** The engine's time budget in ms (`timeout-ms`); `null` for its default (one second), `NaN` when the attribute is not a valid budget. */
  get timeoutMs() {
    const value = this.getAttribute('timeout-ms');
    return value === null ? null : parseTimeout(value);
  }
  set timeoutMs(ms) { this.#reflect('timeout-ms', ms); }

  // ---- Lifecycle ----------------------------------------------------------------------------

  connectedCallback() {
    // A CMS may set properties before this module loaded; move them onto the accessors.
    for (const name of /** @type {const} */ (['oldText', 'newText'])) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = /** @type {any} */ (this)[name];
        delete (/** @type {any} */ (this))[name];
        this[name] = value;
      }
    }
    this.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('scroll', this.#onScroll, {capture: true, passive: true});
    window.addEventListener('resize', this.#onScroll, {passive: true});
    this.#resizeObserver = new ResizeObserver(() => this.#onResize());
    this.#resizeObserver.observe(this.#rows);
    this.#resizeObserver.observe(this.#bar);
    this.#schedule();
  }

  disconnectedCallback() {
    this.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('scroll', this.#onScroll, {capture: true});
    window.removeEventListener('resize', this.#onScroll);
    cancelAnimationFrame(this.#viewportFrame);
    this.#viewportFrame = 0;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    cancelAnimationFrame(this.#markerFrame);
    clearTimeout(this.#markerTimer);
    // A fill under way goes on (a detached tree costs no layout), so `ready()` still settles.
    for (const timer of this.#flashTimers.values()) clearTimeout(timer);
    this.#flashTimers.clear();
  }

  /** @param {string} name @param {string|null} oldValue @param {string|null} newValue */
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    switch (name) {
      case 'old-src':
      case 'new-src':
        this.#load(name === 'old-src' ? 'old' : 'new', newValue);
        return;
      case 'max-bytes':
        // A source refused under the old limit (or a bad value) gets another try.
        for (const side of /** @type {const} */ (['old', 'new'])) {
          if (this.#failed[side] && this.getAttribute(`${side}-src`)) this.#load(side, this.getAttribute(`${side}-src`));
        }
        return;
      case 'ignore-case':
      case 'ignore-whitespace':
      case 'no-moves':
      case 'timeout-ms':
        this.#inputVersion++;
        break;
      case 'old-label':
      case 'new-label':
        this.#renderHeadings(); // no need to redraw the rows
        return;
      case 'theme':
        return; // CSS only (`:host([theme=dark])`).
    }
    this.#schedule();
  }

  /** Queues one `update()` for this microtask, however many inputs changed. */
  #schedule() {
    if (this.#updateQueued) return;
    this.#updateQueued = true;
    this.#lastUpdate = Promise.resolve().then(() => {
      this.#updateQueued = false;
      return this.update();
    });
  }

  /**
   * Resolves once every queued input change is diffed and every row drawn (or failed). For
   * tests and hosts that need to read the shadow DOM after setting inputs.
   */
  async ready() {
    for (;;) {
      const update = this.#lastUpdate;
      await Promise.all([...this.#fetches]);
      await update;
      await this.#filled;
      if (update === this.#lastUpdate && !this.#updateQueued && this.#fetches.size === 0 && this.#pending.size === 0) return;
    }
  }

  /** @param {'old'|'new'} side @param {string|null} src */
  #load(side, src) {
    this.#loads[side]?.abort();
    this.#loads[side] = null;
    // A new source replaces the one that failed (until it fails in turn).
    const cleared = this.#failed[side] !== '';
    if (cleared) {
      this.#failed[side] = '';
      this.#inputVersion++;
    }
    if (!src) {
      if (cleared) this.#schedule();
      return;
    }
    const controller = new AbortController();
    this.#loads[side] = controller;
    const loading = this.#fetch(side, src, controller.signal);
    this.#fetches.add(loading);
    loading.finally(() => {
      this.#fetches.delete(loading);
      if (this.#loads[side] === controller) this.#loads[side] = null;
      this.#schedule();
    });
  }

  /** @param {'old'|'new'} side @param {string} src @param {AbortSignal} signal */
  async #fetch(side, src, signal) {
    const writes = this.#textWrites[side];
    // A later src or text wins over this one.
    const superseded = () => signal.aborted || this.getAttribute(`${side}-src`) !== src || this.#textWrites[side] !== writes;
    try {
      const maxBytes = () => parseMaxBytes(this.getAttribute('max-bytes'));
      const text = await loadSource(side, src, {maxBytes, baseURI: document.baseURI, signal});
      if (!superseded()) this.#setText(side, text);
    } catch (error) {
      if (superseded()) return;
      // Anything but a `SourceError` is a bug in the checks: still a failure, never a diff.
      this.#sideFailed(side, error instanceof SourceError ? error.message : `The ${side} version could not be loaded from “${src}”: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Diffs (only when a text or diff option changed since the last drawn diff) and draws.
   * View, label and hide-cosmetic changes redraw from the same model.
   */
  async update() {
    this.#renderHeadings();
    if (this.#oldText === null && this.#newText === null) return;
    if (this.#fetches.size > 0) return; // the last load schedules another update
    // A side whose source failed is never diffed (as empty, or as its previous text): the
    // last good diff stays, under the message that says which side failed.
    if (this.#failed.old || this.#failed.new) return;
    const version = this.#inputVersion;
    if (this.#diffedVersion === version) return this.#render();
    // A redraw asked for while these very inputs are being diffed (a view change during a long
    // diff in the worker) waits for that diff, which draws with the settings of the moment it
    // lands, rather than starting the same diff again.
    if (this.#diffing?.version === version) return this.#diffing.done;
    const done = this.#diffAndDraw(version);
    this.#diffing = {version, done};
    try {
      await done;
    } finally {
      if (this.#diffing?.done === done) this.#diffing = null;
    }
  }

  /** Diffs the inputs of `version` and draws the result, unless newer inputs came meanwhile. */
  async #diffAndDraw(/** @type {number} */ version) {
    const oldText = this.#oldText ?? '';
    const newText = this.#newText ?? '';
    /** @type {DiffModel} */
    let model;
    try {
      const engine = await loadEngine();
      if (version !== this.#inputVersion) return; // newer input queued its own update
      if (oldText.length + newText.length > BUSY_ABOVE_CHARS) {
        // A long diff runs in the worker, and the page says so meanwhile.
        if (this.#model) {
          this.#frame.classList.add('busy');
          this.#counter.textContent = 'Comparing…';
        }
        const options = this.#diffOptions();
        /** @type {Uint32Array | null} */
        let packed = null;
        try {
          packed = await diffInWorker(oldText, newText, options);
        } catch (error) {
          if (!(error instanceof WorkerUnavailableError)) throw error;
          if (version !== this.#inputVersion) return;
          // The page cannot run the worker: diff here (the page waits), and tell the page why.
          this.#workerUnavailable(error.message);
          model = engine.diff(oldText, newText, options);
        }
        if (version !== this.#inputVersion) return; // newer input queued its own update
        // The worker posted the packed model; it is rebuilt over the texts the page holds.
        if (packed) model = engine.unpack(packed, oldText, newText);
      } else {
        model = engine.diff(oldText, newText, this.#diffOptions());
      }
    } catch (error) {
      if (version === this.#inputVersion) {
        this.#frame.classList.remove('busy');
        this.#updateCounter();
        this.#fail(error instanceof Error ? error.message : String(error));
      }
      return;
    }
    this.#frame.classList.remove('busy');
    this.#diffedVersion = version;
    this.#model = model;
    this.#expanded.clear();
    this.#current = -1;
    this.#error.hidden = true;
    this.#render();
    this.dispatchEvent(new ArticleDiffEvent(model));
  }

  #renderHeadings() {
    this.#oldHeading.textContent = this.oldLabel ?? 'Old version';
    this.#newHeading.textContent = this.newLabel ?? 'New version';
    this.#oldHeading.title = this.#oldHeading.textContent;
    this.#newHeading.title = this.#newHeading.textContent;
  }

  /** @param {string} reason why the worker cannot run */
  #workerUnavailable(reason) {
    const event = new ArticleDiffWorkerUnavailableEvent(reason);
    if (!workerWarned) console.warn(`<article-diff>: ${event.message}`);
    workerWarned = true;
    this.dispatchEvent(event);
  }

  /** @param {string} message for the event @param {string} [shown] for the box, when it says more */
  #fail(message, shown = message) {
    this.#error.textContent = shown;
    this.#error.hidden = false;
    this.dispatchEvent(new ArticleDiffErrorEvent(message));
  }

  // ---- Skeleton -----------------------------------------------------------------------------

  #build() {
    const link = h('link', {attrs: {rel: 'stylesheet', href: STYLESHEET_URL}});
    // Until the stylesheet applies, keep the frame hidden (the `hidden` attribute needs no CSS)
    // rather than flash unstyled text.
    this.#frame = h('div', {class: 'frame', part: 'frame'});
    this.#frame.hidden = true;
    const reveal = () => {
      this.#frame.hidden = false;
      this.#fillVisible();
      this.#scheduleMarkers();
    };
    link.addEventListener('load', reveal, {once: true});
    link.addEventListener('error', reveal, {once: true});

    this.#error = h('div', {class: 'error', part: 'error', attrs: {role: 'alert'}});
    this.#error.hidden = true;
    this.#notice = h('div', {class: 'notice', part: 'notice', attrs: {role: 'status'}});
    this.#notice.hidden = true;

    this.#summary = h('div', {class: 'stats', attrs: {'aria-live': 'polite'}});
    this.#cosmeticToggle = h('input', {attrs: {type: 'checkbox'}});
    this.#cosmeticToggle.addEventListener('change', () => {
      this.hideCosmetic = this.#cosmeticToggle.checked;
    });
    this.#cosmeticLabel = h('span', {class: 'cosmetic-count'});
    const cosmetic = h('label', {class: 'cosmetic-toggle', part: 'cosmetic-toggle'}, [
      this.#cosmeticToggle, h('span', {text: 'Hide cosmetic'}), this.#cosmeticLabel,
    ]);

    this.#splitButton = h('button', {class: 'seg', text: 'Side by side', attrs: {type: 'button'}});
    this.#inlineButton = h('button', {class: 'seg', text: 'Inline', attrs: {type: 'button'}});
    this.#splitButton.addEventListener('click', () => { this.view = 'split'; });
    this.#inlineButton.addEventListener('click', () => { this.view = 'inline'; });
    const viewGroup = h('div', {class: 'segmented', part: 'view-switch', attrs: {role: 'group', 'aria-label': 'View'}},
      [this.#splitButton, this.#inlineButton]);

    this.#prevButton = h('button', {class: 'nav', part: 'prev', attrs: {type: 'button', 'aria-keyshortcuts': 'p k', title: 'Previous change (p or k)'}},
      [h('span', {text: '↑', attrs: {'aria-hidden': 'true'}}), h('span', {class: 'nav-text', text: 'Previous'})]);
    this.#nextButton = h('button', {class: 'nav', part: 'next', attrs: {type: 'button', 'aria-keyshortcuts': 'n j', title: 'Next change (n or j)'}},
      [h('span', {class: 'nav-text', text: 'Next'}), h('span', {text: '↓', attrs: {'aria-hidden': 'true'}})]);
    this.#prevButton.addEventListener('click', () => this.previous());
    this.#nextButton.addEventListener('click', () => this.next());
    this.#counter = h('span', {class: 'counter', part: 'counter', attrs: {'aria-live': 'polite', 'aria-atomic': 'true'}});

    this.#bar = h('div', {class: 'bar', part: 'toolbar'}, [
      h('div', {class: 'summary', part: 'summary'}, [this.#summary, cosmetic]),
      h('div', {class: 'controls'}, [
        viewGroup,
        h('div', {class: 'navigation', part: 'navigation', attrs: {role: 'group', 'aria-label': 'Changes'}},
          [this.#prevButton, this.#counter, this.#nextButton]),
      ]),
    ]);
    this.#oldHeading = h('div', {class: 'heading old', part: 'label label-old'});
    this.#newHeading = h('div', {class: 'heading new', part: 'label label-new'});
    this.#headings = h('div', {class: 'headings', part: 'headings'}, [this.#oldHeading, this.#newHeading]);
    const sticky = h('div', {class: 'sticky'}, [this.#bar, this.#headings]);

    this.#rows = h('div', {class: 'rows', part: 'rows', attrs: {tabindex: '0', role: 'region', 'aria-label': 'Differences'}});
    this.#rows.addEventListener('click', this.#onRowsClick);
    this.#minimap = h('div', {class: 'minimap', part: 'minimap', attrs: {'aria-hidden': 'true'}});
    this.#viewport = h('div', {class: 'viewport', part: 'minimap-viewport'});
    this.#minimap.addEventListener('click', this.#onMinimapClick);
    const body = h('div', {class: 'body'}, [this.#rows, h('div', {class: 'minimap-column'}, [this.#minimap])]);

    this.#frame.append(this.#error, this.#notice, sticky, body);
    this.#root.replaceChildren(link, this.#frame);
  }

  // ---- Rendering ----------------------------------------------------------------------------

  #render() {
    const model = this.#model;
    const view = this.view;
    const hideCosmetic = this.hideCosmetic;
    this.#frame.dataset.view = view;
    this.#splitButton.setAttribute('aria-pressed', String(view === 'split'));
    this.#inlineButton.setAttribute('aria-pressed', String(view === 'inline'));
    this.#cosmeticToggle.checked = hideCosmetic;
    this.#headings.hidden = view === 'inline';
    if (!model) return;

    this.#renderSummary(model);
    this.#notice.hidden = !model.approximate;
    this.#notice.textContent = model.approximate
      ? `Approximate diff: ${model.fallback?.detail ?? 'a time budget ran out'}. The changes shown are exact, but coarser than they could be.`
      : '';

    // Drawn from the blocks: an unchanged run is one block, so what is walked here grows with
    // the changes, and rows are built only for the ones drawn.
    const blocks = model.blocks;
    const rowCount = model.rowCount;
    /** @param {Block} block */
    const isChange = (block) => block.kind !== 'equal' && !(hideCosmetic && block.cosmetic && block.kind !== 'moved');

    // Hunks: maximal runs of adjacent change rows; the unit of "next change".
    /** @type {number[][]} */
    const hunks = [];
    /** @type {RowKind[]} the kind of each hunk's first row, for its minimap marker */
    const hunkKinds = [];
    for (const block of blocks) {
      if (!isChange(block)) continue;
      const i = block.row;
      const last = hunks[hunks.length - 1];
      if (last && last[last.length - 1] === i - 1) {
        last.push(i);
      } else {
        hunks.push([i]);
        hunkKinds.push(block.kind);
      }
    }
    this.#hunkKinds = hunkKinds;
    this.#hunks = hunks;
    if (this.#current >= hunks.length) this.#current = hunks.length - 1;

    // A new draw replaces every row element at once and cancels what the last one had left.
    this.#cancelFill();
    this.#drawing = {model, view, hideCosmetic, current: new Set(this.#hunks[this.#current] ?? [])};
    this.#rowEls.clear();
    this.#chunkOf = new Map();
    this.#chunks = [];

    /** @type {Item[]} what is drawn, in order: rows, and runs folded into a button */
    const items = [];
    let k = 0;
    while (k < blocks.length) {
      if (isChange(blocks[k])) {
        items.push(blocks[k++].row);
        continue;
      }
      // Unchanged run [i, end): equal blocks and, with hide-cosmetic, cosmetic-only rows.
      const i = blocks[k].row;
      while (k < blocks.length && !isChange(blocks[k])) k++;
      const end = k < blocks.length ? blocks[k].row : rowCount;
      // Keep CONTEXT_ROWS next to each neighbouring change.
      const keepHead = i > 0 ? CONTEXT_ROWS : 0;
      const keepTail = end < rowCount ? CONTEXT_ROWS : 0;
      const length = end - i;
      if (length > COLLAPSE_ABOVE && length - keepHead - keepTail > 1 && !this.#expanded.has(i)) {
        for (let r = i; r < i + keepHead; r++) items.push(r);
        items.push({runStart: i, from: i + keepHead, to: end - keepTail});
        for (let r = end - keepTail; r < end; r++) items.push(r);
      } else {
        for (let r = i; r < end; r++) items.push(r);
      }
    }
    const lazy = items.length > DRAW_AT_ONCE_ITEMS;
    const chunks = this.#makeChunks(items, lazy);
    if (!lazy) for (const chunk of chunks) this.#fillChunk(chunk);
    this.#rows.replaceChildren(...chunks.map((chunk) => chunk.el));
    if (rowCount === 0) {
      this.#rows.append(h('p', {class: 'empty-note', text: 'Both versions are empty.'}));
    }
    if (this.#pending.size > 0) this.#startFill();
    this.#markCurrent(false);
    this.#updateCounter();
    this.#scheduleMarkers();
  }

  // ---- Drawing in slices --------------------------------------------------------------------
  //
  // The drawn items (rows and folded runs) are grouped into chunks of CHUNK_ITEMS. A long
  // diff first gets only its chunks' elements ("lazy" chunks): empty, as tall as their rows
  // will be before they are laid out, and skipped by layout and paint while off screen
  // (`content-visibility: auto`). The chunks in view are filled before the next paint, the
  // others in short slices while the page is idle (filling a skipped chunk costs no layout);
  // anything that needs a row now (a jump, the next change) fills its chunk first. Thousands
  // of rows created and laid out in one task are what froze the page on a long diff.

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
    const drawing = /** @type {Drawing} */ (this.#drawing);
    /** @type {HTMLElement[]} */
    const els = [];
    for (const item of chunk.items) {
      if (typeof item === 'number') {
        const el = this.#renderRow(drawing, item);
        if (drawing.current.has(item)) el.classList.add('current');
        els.push(el);
      } else {
        els.push(this.#renderCollapsed(item.runStart, item.from, item.to));
      }
    }
    chunk.el.replaceChildren(...els);
    chunk.el.classList.remove('pending');
  }

  /**
   * A row's element, drawing its chunk first if need be; `undefined` for a row not drawn
   * (folded into "N unchanged paragraphs").
   * @param {number} index
   */
  #rowElement(index) {
    const chunk = this.#chunks[this.#chunkOf.get(index) ?? -1];
    if (chunk && this.#pending.has(chunk)) {
      this.#fillChunk(chunk);
      this.#settleFilled();
    }
    return this.#rowEls.get(index);
  }

  /** Fills the chunks in view now and queues the others for the background. */
  #startFill() {
    if (!this.#resolveFilled) {
      this.#filled = new Promise((resolve) => { this.#resolveFilled = resolve; });
    }
    this.#fillVisible();
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

  /** Fills chunks in order (a Set iterates in insertion order) for one short slice. */
  #fillSlice(deadline = /** @type {IdleDeadline|undefined} */ (undefined)) {
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : FILL_SLICE_MS;
    const stop = performance.now() + Math.max(FILL_SLICE_MIN_MS, Math.min(FILL_SLICE_MS, idle));
    for (const chunk of this.#pending) {
      this.#fillChunk(chunk);
      if (performance.now() >= stop) break;
    }
    this.#settleFilled();
    this.#scheduleFill();
  }

  /**
   * Fills the chunks within half a screen of the window's viewport, measuring again after each
   * round (a filled chunk in view takes its real height, which moves the ones below).
   */
  #fillVisible() {
    if (this.#pending.size === 0) return;
    const margin = window.innerHeight / 2;
    const box = this.#rows.getBoundingClientRect();
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
   * Scrolls a row to the middle of the view, having drawn what lands around it.
   * @param {HTMLElement} el
   */
  #reveal(el) {
    el.scrollIntoView({block: 'center', behavior: 'instant'});
    if (this.#pending.size === 0) return;
    // Chunks filled above it may have pushed it off centre: fill, centre again, fill again.
    const before = this.#pending.size;
    this.#fillVisible();
    if (this.#pending.size !== before) {
      el.scrollIntoView({block: 'center', behavior: 'instant'});
      this.#fillVisible();
    }
  }

  /** @param {DiffModel} model */
  #renderSummary(model) {
    const s = model.stats;
    /** @type {Array<Node>} */
    const items = [];
    /** @param {string} cls @param {string} text @param {string} [title] */
    const item = (cls, text, title) => {
      const el = h('span', {class: `stat ${cls}`, text});
      if (title) el.title = title;
      items.push(el);
    };
    const anyChange = s.wordsInserted + s.wordsDeleted + s.paragraphsChanged + s.paragraphsInserted
      + s.paragraphsDeleted + s.paragraphsMoved + s.paragraphsSplit + s.paragraphsMerged + s.cosmeticChanges > 0;
    if (!anyChange) {
      item('same', 'No differences');
    } else {
      item('ins', `+${plural(s.wordsInserted, 'word', 'words')}`, 'Words inserted');
      item('del', `−${plural(s.wordsDeleted, 'word', 'words')}`, 'Words deleted');
      if (s.paragraphsChanged) item('changed', `${plural(s.paragraphsChanged, 'paragraph', 'paragraphs')} changed`);
      if (s.paragraphsInserted) item('ins-par', `${s.paragraphsInserted.toLocaleString('en')} inserted`, 'Paragraphs inserted');
      if (s.paragraphsDeleted) item('del-par', `${s.paragraphsDeleted.toLocaleString('en')} deleted`, 'Paragraphs deleted');
      if (s.paragraphsMoved) item('moved', `${s.paragraphsMoved.toLocaleString('en')} moved`, 'Paragraphs moved');
      if (s.paragraphsSplit) item('split', `${s.paragraphsSplit.toLocaleString('en')} split`, 'Paragraphs split in two or more');
      if (s.paragraphsMerged) item('merged', `${s.paragraphsMerged.toLocaleString('en')} merged`, 'Paragraphs merged into one');
    }
    this.#summary.replaceChildren(...items);
    this.#cosmeticLabel.textContent = `(${plural(s.cosmeticChanges, 'cosmetic change', 'cosmetic changes')})`;
    this.#cosmeticToggle.disabled = s.cosmeticChanges === 0 && !this.hideCosmetic;
  }

  /** @param {number} runStart @param {number} from @param {number} to */
  #renderCollapsed(runStart, from, to) {
    const count = to - from;
    const button = h('button', {
      class: 'collapsed', part: 'collapsed',
      attrs: {type: 'button', 'data-run': String(runStart), 'aria-expanded': 'false'},
    }, [
      h('span', {class: 'collapsed-rule', attrs: {'aria-hidden': 'true'}}),
      h('span', {class: 'collapsed-text', text: `${plural(count, 'unchanged paragraph', 'unchanged paragraphs')}`}),
      h('span', {class: 'collapsed-rule', attrs: {'aria-hidden': 'true'}}),
    ]);
    button.dataset.from = String(from);
    button.dataset.to = String(to);
    return button;
  }

  /**
   * A row's element with its content.
   * @param {Drawing} drawing @param {number} index
   */
  #renderRow({model, view, hideCosmetic}, index) {
    const row = /** @type {Row} */ (model.row(index));
    const kind = drawnKind(row, hideCosmetic);
    const el = h('div', {class: `row ${kind}`, part: `row row-${kind}`, attrs: {'data-row': String(index), tabindex: '-1'}});
    el.dataset.kind = kind;
    if (row.cosmetic && kind !== 'equal') el.classList.add('cosmetic-row');
    const move = row.move != null ? model.moves[row.move] : null;

    if (kind !== 'equal') {
      el.append(h('span', {class: 'sr-only', text: `${describeRow(row)}: `}));
    }
    if (view === 'split') {
      el.append(
        gutter(row.old, 'old', kind, row.cosmetic, view),
        this.#cell(row, 'old', row.old, move, index, hideCosmetic),
        gutter(row.new, 'new', kind, row.cosmetic, view),
        this.#cell(row, 'new', row.new, move, index, hideCosmetic),
      );
    } else {
      el.append(gutter(row.new ?? row.old, row.new ? 'new' : 'old', kind, row.cosmetic, view), this.#inlineCell(model, row, move, index, hideCosmetic));
    }
    this.#rowEls.set(index, el);
    return el;
  }

  /**
   * @param {Row} row @param {'old'|'new'} side @param {Cell|null} cell @param {Move|null} move
   * @param {number} index @param {boolean} hideCosmetic
   */
  #cell(row, side, cell, move, index, hideCosmetic) {
    const el = h('div', {class: `cell ${side}`, part: `cell cell-${side}`});
    if (!cell) {
      el.classList.add('empty');
      el.setAttribute('part', `cell cell-${side} cell-empty`);
      return el;
    }
    const head = this.#cellHead(row, side, move, index, hideCosmetic);
    if (head) el.append(head);
    const text = h('div', {class: 'text'});
    appendSpans(text, cell.spans, {wholeParagraph: row.kind === 'inserted' || row.kind === 'deleted', hideCosmetic});
    el.append(text);
    return el;
  }

  /**
   * Chips above a cell's text: move link, split/merged label, "cosmetic only".
   * @param {Row} row @param {'old'|'new'} side @param {Move|null} move
   * @param {number} index @param {boolean} hideCosmetic
   * @returns {HTMLElement|null}
   */
  #cellHead(row, side, move, index, hideCosmetic) {
    /** @type {HTMLElement[]} */
    const chips = [];
    if (move) {
      chips.push(moveLink(move, index, side));
    }
    // Row labels go on both sides, so both texts start on the same line.
    if (!(hideCosmetic && row.cosmetic) && row.old && row.new) {
      if (row.kind === 'split') {
        chips.push(h('span', {class: 'chip split', part: 'row-label', text: `Split into ${row.new.paragraphs.length}`}));
      } else if (row.kind === 'merged') {
        chips.push(h('span', {class: 'chip merged', part: 'row-label', text: `Merged from ${row.old.paragraphs.length}`}));
      }
      if (chips.length && row.cosmetic) {
        chips.push(h('span', {class: 'chip cosmetic', part: 'row-label', text: 'cosmetic',
          attrs: {title: 'Only typography, whitespace or paragraph breaks changed'}}));
      }
    }
    return chips.length ? h('div', {class: 'cell-head'}, chips) : null;
  }

  /**
   * One column: deletions before insertions between the k-th and (k+1)-th equal spans.
   * @param {DiffModel} model @param {Row} row @param {Move|null} move @param {number} index
   * @param {boolean} hideCosmetic
   */
  #inlineCell(model, row, move, index, hideCosmetic) {
    const el = h('div', {class: 'cell inline', part: 'cell cell-inline'});
    /** @type {HTMLElement[]} */
    const chips = [];
    if (move) chips.push(moveLink(move, index, row.old ? 'old' : 'new'));
    if (!(hideCosmetic && row.cosmetic)) {
      if (row.kind === 'split' && row.new) chips.push(h('span', {class: 'chip split', part: 'row-label', text: `Split into ${row.new.paragraphs.length}`}));
      if (row.kind === 'merged' && row.old) chips.push(h('span', {class: 'chip merged', part: 'row-label', text: `Merged from ${row.old.paragraphs.length}`}));
      if (chips.length && row.cosmetic) chips.push(h('span', {class: 'chip cosmetic', part: 'row-label', text: 'cosmetic'}));
    }
    if (chips.length) el.append(h('div', {class: 'cell-head'}, chips));
    const text = h('div', {class: 'text'});
    const whole = row.kind === 'inserted' || row.kind === 'deleted';
    if (move && row.new) {
      // The destination of a move reads as the move's word diff: its source's old cell
      // interleaved with this new cell.
      const source = model.row(move.oldRow)?.old ?? null;
      appendSpans(text, source ? interleave(source.spans, row.new.spans, hideCosmetic) : row.new.spans, {wholeParagraph: false, hideCosmetic});
    } else if (move && row.old) {
      // The source of a move: the paragraph as it stood, dimmed; its edits show at the destination.
      el.classList.add('moved-away');
      text.append(joinText(row.old.spans));
    } else if (row.old && row.new) {
      appendSpans(text, interleave(row.old.spans, row.new.spans, hideCosmetic), {wholeParagraph: false, hideCosmetic});
    } else {
      const cell = row.old ?? row.new;
      if (cell) appendSpans(text, cell.spans, {wholeParagraph: whole, hideCosmetic});
    }
    el.append(text);
    return el;
  }

  // ---- Navigation ---------------------------------------------------------------------------

  /** Number of changes ("hunks" of adjacent changed rows) the navigation steps through. */
  get changeCount() { return this.#hunks.length; }

  /** Index of the current change, or -1 before the first step. */
  get currentChange() { return this.#current; }

  /** Moves to the next change (wrapping to the first). */
  next() { this.goToChange(this.#hunks.length ? (this.#current + 1) % this.#hunks.length : -1); }

  /** Moves to the previous change (wrapping to the last). */
  previous() {
    const n = this.#hunks.length;
    this.goToChange(n ? (this.#current <= 0 ? n - 1 : this.#current - 1) : -1);
  }

  /** @param {number} index change index, 0-based */
  goToChange(index) {
    if (index < 0 || index >= this.#hunks.length) return;
    this.#current = index;
    this.#markCurrent(true);
    this.#updateCounter();
  }

  /** @param {boolean} scroll */
  #markCurrent(scroll) {
    for (const el of this.#rows.querySelectorAll('.row.current')) el.classList.remove('current');
    for (const el of this.#minimap.querySelectorAll('.marker.current')) el.classList.remove('current');
    const hunk = this.#hunks[this.#current];
    // Rows in chunks not drawn yet get the class when they are.
    if (this.#drawing) this.#drawing.current = new Set(hunk ?? []);
    if (!hunk) return;
    for (const r of hunk) this.#rowEls.get(r)?.classList.add('current');
    this.#minimap.querySelector(`.marker[data-hunk="${this.#current}"]`)?.classList.add('current');
    const first = scroll ? this.#rowElement(hunk[0]) : undefined;
    if (first) {
      first.focus({preventScroll: true});
      this.#reveal(first);
    }
  }

  #updateCounter() {
    const n = this.#hunks.length;
    this.#counter.textContent = n === 0 ? 'No changes'
      : this.#current < 0 ? plural(n, 'change', 'changes')
        : `${(this.#current + 1).toLocaleString('en')} of ${n.toLocaleString('en')}`;
    this.#prevButton.disabled = n === 0;
    this.#nextButton.disabled = n === 0;
  }

  /** @param {number} rowIndex */
  #jumpToRow(rowIndex) {
    const target = this.#rowElement(rowIndex);
    if (!target) return;
    const hunk = this.#hunks.findIndex((rows) => rows.includes(rowIndex));
    if (hunk >= 0) {
      this.#current = hunk;
      this.#markCurrent(false);
      this.#updateCounter();
    }
    target.focus({preventScroll: true});
    this.#reveal(target);
    this.#flash(target);
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

  /** @param {KeyboardEvent} event */
  #onKeydown = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.composedPath()[0])) return;
    const key = event.key.toLowerCase();
    if (key === 'n' || key === 'j') this.next();
    else if (key === 'p' || key === 'k') this.previous();
    else return;
    event.preventDefault();
  };

  /** @param {MouseEvent} event */
  #onRowsClick = (event) => {
    const origin = /** @type {Element} */ (event.target);
    const link = origin.closest?.('.move-link');
    if (link instanceof HTMLElement) {
      this.#jumpToRow(Number(link.dataset.target));
      return;
    }
    const collapsed = origin.closest?.('.collapsed');
    if (collapsed instanceof HTMLElement) {
      this.#expand(collapsed);
    }
  };

  /** @param {HTMLElement} button */
  #expand(button) {
    if (!this.#drawing) return;
    const from = Number(button.dataset.from);
    const to = Number(button.dataset.to);
    this.#expanded.add(Number(button.dataset.run));
    /** @type {Item[]} */
    const items = [];
    for (let r = from; r < to; r++) items.push(r);
    // A run of thousands of rows draws like a long diff: its chunks in view first.
    const lazy = items.length > DRAW_AT_ONCE_ITEMS;
    const chunks = this.#makeChunks(items, lazy);
    if (lazy) this.#fillChunk(chunks[0]);
    else for (const chunk of chunks) this.#fillChunk(chunk);
    button.replaceWith(...chunks.map((chunk) => chunk.el));
    if (this.#pending.size > 0) this.#startFill();
    this.#rowEls.get(from)?.focus({preventScroll: true});
    this.#scheduleMarkers();
  }

  /** @param {MouseEvent} event */
  #onMinimapClick = (event) => {
    const marker = /** @type {Element} */ (event.target).closest?.('.marker');
    if (marker instanceof HTMLElement) {
      this.goToChange(Number(marker.dataset.hunk));
      return;
    }
    // Elsewhere on the minimap: bring that part of the diff to the middle of the view.
    const map = this.#minimap.getBoundingClientRect();
    const box = this.#rows.getBoundingClientRect();
    const y = box.top + ((event.clientY - map.top) / map.height) * box.height;
    // Down through the chunks (drawing an empty one) to the row or button at that height.
    /** @type {Element} */
    let el = this.#rows;
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
    if (el instanceof HTMLElement && el !== this.#rows) this.#reveal(el);
  };

  #onResize() {
    this.#frame.style.setProperty('--article-diff-bar-height', `${this.#bar.parentElement?.offsetHeight ?? 0}px`);
    this.#scheduleMarkers();
  }

  /** Places minimap markers from the rows' laid-out positions, once per frame. */
  #scheduleMarkers() {
    cancelAnimationFrame(this.#markerFrame);
    clearTimeout(this.#markerTimer);
    // After the next paint, not before it: reading row positions forces a layout, which then
    // reuses the one the paint just did instead of delaying the first paint of a long diff.
    this.#markerFrame = requestAnimationFrame(() => {
      this.#markerTimer = window.setTimeout(() => this.#placeMarkers());
    });
  }

  #placeMarkers() {
    const box = this.#rows.getBoundingClientRect();
    const total = box.height;
    const model = this.#drawing?.model;
    if (!(total > 0) || this.#frame.hidden || !model) {
      this.#minimap.replaceChildren(this.#viewport);
      this.#markers = [];
      this.#markersFor = null;
      return;
    }
    // All reads, then all writes: a write between two reads would force a layout per marker.
    const places = this.#hunks.map((hunk) => {
      const first = this.#rowBox(hunk[0]);
      const last = hunk.length === 1 ? first : this.#rowBox(hunk[hunk.length - 1]);
      return [`${(100 * (first.top - box.top) / total).toFixed(3)}%`, `${(100 * (last.bottom - first.top) / total).toFixed(3)}%`];
    });
    // One marker per change, made once per draw; later calls (resizes, rows laid out as they
    // scroll into view) only move them.
    if (this.#markersFor !== this.#hunks) {
      this.#markersFor = this.#hunks;
      this.#markers = this.#hunks.map((hunk, i) => {
        const marker = h('button', {class: `marker ${this.#hunkKinds[i]}`, part: 'marker',
          attrs: {type: 'button', tabindex: '-1', 'data-hunk': String(i), title: `Change ${i + 1}`}});
        if (i === this.#current) marker.classList.add('current');
        return marker;
      });
      this.#minimap.replaceChildren(this.#viewport, ...this.#markers);
    }
    places.forEach(([top, height], i) => {
      const marker = this.#markers[i];
      // Writes that change nothing are skipped: they would restyle a thousand markers.
      if (marker.style.getPropertyValue('--top') !== top) marker.style.setProperty('--top', top);
      if (marker.style.getPropertyValue('--height') !== height) marker.style.setProperty('--height', height);
    });
    this.#placeViewport();
  }

  /**
   * Where a row is on screen. In a lazy chunk, its share of the chunk: asking the row itself
   * would lay out a chunk that is skipped while off screen, and a row or two off is finer than
   * a minimap pixel on a diff that long.
   * @param {number} index
   * @returns {{top: number, bottom: number}}
   */
  #rowBox(index) {
    const chunk = this.#chunks[this.#chunkOf.get(index) ?? -1];
    if (!chunk) return {top: 0, bottom: 0};
    const el = this.#rowEls.get(index);
    if (el && !chunk.lazy) return el.getBoundingClientRect();
    const rect = chunk.el.getBoundingClientRect();
    const slot = chunk.items.indexOf(index);
    const share = rect.height / chunk.items.length;
    return {top: rect.top + slot * share, bottom: rect.top + (slot + 1) * share};
  }

  /** Scrolling anywhere (window or a scrolling ancestor) moves the minimap's viewport box. */
  #onScroll = () => {
    if (this.#viewportFrame) return;
    this.#viewportFrame = requestAnimationFrame(() => {
      this.#viewportFrame = 0;
      // Before this frame paints: rows scrolled into view are never shown empty for long.
      this.#fillVisible();
      this.#placeViewport();
    });
  };

  #placeViewport() {
    const box = this.#rows.getBoundingClientRect();
    if (box.height <= 0) return;
    const top = Math.min(1, Math.max(0, -box.top / box.height));
    const bottom = Math.min(1, Math.max(0, (window.innerHeight - box.top) / box.height));
    this.#viewport.style.setProperty('--top', `${(100 * top).toFixed(3)}%`);
    this.#viewport.style.setProperty('--height', `${(100 * Math.max(0, bottom - top)).toFixed(3)}%`);
  }
}

/** Input types where a letter key is not text. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * Whether a key press on `target` types text (so `n`/`p` must not navigate).
 * @param {EventTarget|undefined} target
 */
export function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** @param {Row} row */
function describeRow(row) {
  switch (row.kind) {
    case 'changed': return row.cosmetic ? 'Cosmetic change' : 'Changed paragraph';
    case 'split': return 'Split paragraph';
    case 'merged': return 'Merged paragraphs';
    case 'inserted': return 'Inserted paragraph';
    case 'deleted': return 'Deleted paragraph';
    case 'moved': return row.old ? 'Paragraph moved away' : 'Moved paragraph';
    default: return 'Paragraph';
  }
}

/**
 * The kind a row is drawn as: with `hide-cosmetic`, a cosmetic-only row reads as unchanged,
 * except a move, whose other end must stay reachable.
 * @param {Row} row @param {boolean} hideCosmetic
 * @returns {RowKind}
 */
function drawnKind(row, hideCosmetic) {
  return hideCosmetic && row.cosmetic && row.kind !== 'moved' ? 'equal' : row.kind;
}

/**
 * Paragraph numbers and a sign: + / − for changes, ≈ for cosmetic-only rows.
 * @param {Cell|null} cell @param {'old'|'new'} side @param {string} kind @param {boolean} cosmetic
 * @param {'split'|'inline'} view
 */
function gutter(cell, side, kind, cosmetic, view) {
  const el = h('div', {class: `gutter ${side}`, part: `gutter gutter-${side}`});
  if (!cell) return el;
  const inline = view === 'inline';
  // Inline, the numbers are the new version's; old-only rows show just their sign.
  if (!inline || side === 'new') {
    el.append(h('span', {class: 'num', text: paragraphNumbers(cell), attrs: {title: `${side === 'old' ? 'Old' : 'New'} paragraph`}}));
  }
  const sign = kind === 'inserted' ? '+' : kind === 'deleted' ? '−' : kind === 'equal' ? ''
    : inline ? '±' : side === 'old' ? '−' : '+';
  if (sign && kind !== 'moved') {
    const mark = h('span', {class: 'sign', text: cosmetic ? '≈' : sign, attrs: {'aria-hidden': 'true'}});
    if (cosmetic) mark.title = 'Cosmetic only: typography, whitespace or paragraph breaks';
    el.append(mark);
  }
  return el;
}

/**
 * The link from one end of a move to the other.
 * @param {Move} move @param {number} index this row @param {'old'|'new'} side the side shown
 */
function moveLink(move, index, side) {
  const target = side === 'old' ? move.newRow : move.oldRow;
  const down = target > index;
  const arrow = down ? '↓' : '↑';
  const number = move.id + 1;
  const where = side === 'old'
    ? `Moved ${down ? 'down' : 'up'} to new ¶ ${move.to + 1}`
    : `Moved ${down ? 'down' : 'up'} from old ¶ ${move.from + 1}`;
  const edited = move.similarity < 1 ? ' (edited)' : '';
  const link = h('button', {
    class: `move-link ${side === 'old' ? 'source' : 'destination'}`, part: 'move-link',
    attrs: {
      type: 'button',
      'data-target': String(target),
      'data-move': String(move.id),
      'aria-label': `Move ${number}: ${where}${edited}. Jump to the other end.`,
    },
  }, [
    h('span', {class: 'move-badge', part: 'move-badge', text: String(number)}),
    h('span', {class: 'move-text', text: `${where}${edited}`}),
    h('span', {class: 'move-arrow', text: arrow, attrs: {'aria-hidden': 'true'}}),
  ]);
  return link;
}

/**
 * Interleaves an old cell's spans with a new cell's: between consecutive equal spans, the
 * old side's deletions, then the new side's insertions (the model guarantees the k-th equal
 * spans of both cells hold the same text).
 * @param {Span[]} oldSpans @param {Span[]} newSpans @param {boolean} hideCosmetic
 * @returns {Span[]}
 */
export function interleave(oldSpans, newSpans, hideCosmetic) {
  /** @type {Span[]} */
  const out = [];
  let i = 0;
  let j = 0;
  while (i < oldSpans.length || j < newSpans.length) {
    while (i < oldSpans.length && oldSpans[i].kind !== 'equal') {
      // Hidden cosmetic changes read as the new text only.
      if (!(hideCosmetic && oldSpans[i].cosmetic)) out.push(oldSpans[i]);
      i++;
    }
    while (j < newSpans.length && newSpans[j].kind !== 'equal') out.push(newSpans[j++]);
    if (i < oldSpans.length && j < newSpans.length) {
      out.push(newSpans[j]);
      i++;
      j++;
    } else if (i < oldSpans.length) {
      out.push(oldSpans[i++]);
    } else if (j < newSpans.length) {
      out.push(newSpans[j++]);
    }
  }
  return out;
}

/** @param {Span[]} spans */
function joinText(spans) {
  let text = '';
  for (const span of spans) text += span.text;
  return text;
}

/**
 * Appends spans as text nodes and `<ins>`/`<del>` elements.
 * @param {HTMLElement} parent @param {Span[]} spans
 * @param {{wholeParagraph: boolean, hideCosmetic: boolean}} how
 */
function appendSpans(parent, spans, how) {
  let plainRun = '';
  /** The character before the current run of changes: does the run start a word? */
  let before = '';
  let previous = '';
  const flush = () => {
    if (plainRun) parent.append(plainRun);
    plainRun = '';
  };
  for (const span of spans) {
    if (span.kind === 'equal' || (how.hideCosmetic && span.cosmetic)) {
      plainRun += span.text;
      previous = 'equal';
      continue;
    }
    if (previous === 'equal' || previous === '') before = plainRun.slice(-1);
    flush();
    const tag = span.kind === 'insert' ? 'ins' : 'del';
    const el = h(tag, {part: span.cosmetic ? `${tag} cosmetic` : tag, text: span.text});
    if (span.cosmetic) {
      el.className = 'cosmetic';
      el.title = span.kind === 'insert' ? 'Cosmetic change (typography or whitespace): new form' : 'Cosmetic change (typography or whitespace): old form';
    }
    if (how.wholeParagraph) el.classList.add('whole');
    if (!/\S/.test(span.text)) {
      // Whitespace-only change: give it a visible glyph (CSS `content`, not copied with the text).
      el.classList.add(span.text.includes('\n') ? 'ws-break' : 'ws-space');
    }
    // Inline, "a great deal" replaced by "enormously" reads apart, but a letter swapped inside
    // a word ("Stephanopoul[u][o]s") stays joined.
    if (span.kind === 'insert' && previous === 'delete' && !/[\p{L}\p{N}]/u.test(before)) el.classList.add('apart');
    parent.append(el);
    previous = span.kind;
  }
  flush();
}
