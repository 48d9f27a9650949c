// @ts-check
/**
 * `<article-diff>`: two versions of an article side by side, rendered from the model that the
 * wasm package computes. The element draws; it never diffs, patches or reinterprets the model.
 *
 * This module is the element itself: its attributes and properties, one coalesced update per
 * task, and the wiring of the modules that do the work, one job each (docs/element.md lists them).
 *
 * Article text only ever enters the DOM through `textContent` / text nodes, never `innerHTML`,
 * so hostile strings render literally. Styles live in `article-diff.css` next to this file,
 * linked from the shadow root, so the element runs under a strict Content-Security-Policy
 * (`style-src 'self'`; WebAssembly needs `script-src 'wasm-unsafe-eval'`).
 *
 * @module article-diff
 */

import {DataBlockReader, applyDataBlock, upgradeProperties} from './article-diff-data.js';
import {diffInputs} from './article-diff-diffing.js';
import {messageOf} from './article-diff-engine-client.js';
import {ArticleDiffErrorEvent, ArticleDiffEvent, ArticleDiffNavigateEvent} from './article-diff-events.js';
import {CurrentChangeAttribute} from './article-diff-current-change.js';
import {exportDocument, plainText} from './article-diff-export.js';
import {Inputs} from './article-diff-inputs.js';
import {changeId} from './article-diff-labels.js';
import {parseTimeout} from './article-diff-options.js';
import {parseMaxBytes} from './article-diff-source.js';
import {DEFAULT_STRINGS, resolveStrings, say} from './article-diff-strings.js';
import {Updates} from './article-diff-updates.js';
import {DiffView} from './article-diff-view.js';

export {TRUSTED_TYPES_POLICY, loadEngine} from './article-diff-engine-client.js';
export {
  ArticleDiffErrorEvent, ArticleDiffEvent, ArticleDiffNavigateEvent, ArticleDiffWorkerUnavailableEvent,
} from './article-diff-events.js';
export {DEFAULT_STRINGS} from './article-diff-strings.js';
// Helpers the demo page (app.js) shares; not part of the package's typed API.
export {decodeText} from './article-diff-source.js';
export {h} from './article-diff-dom.js';
export {interleave} from './article-diff-layout.js';
export {isTyping} from './article-diff-navigation.js';

/**
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {import('./article-diff-data.js').DataBlock} DataBlock
 * @typedef {import('./article-diff-view.js').Settings} Settings
 */

/**
 * The `<article-diff>` element. See `docs/element.md` for attributes, events and styling.
 */
export class ArticleDiffElement extends HTMLElement {
  static observedAttributes = [
    'old-src', 'new-src', 'old-label', 'new-label', 'max-bytes',
    'ignore-case', 'ignore-whitespace', 'no-moves', 'timeout-ms', 'hide-cosmetic', 'view', 'theme',
    'format', 'hide-formatting',
    'only-changes', 'current-change',
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

  /** @type {Updates} */ #updates = new Updates(() => this.update());
  #inputs = new Inputs(this, {
    changed: () => this.#updates.changed(),
    settled: () => this.#updates.schedule(),
    failed: (message, shown) => this.#fail(message, shown),
  });
  /** @type {Strings} */ #strings = DEFAULT_STRINGS;
  #data = new DataBlockReader(this, {
    read: (data) => this.#readData(data),
    failed: (message) => this.#fail(message),
  });
  /** @type {Set<string>} properties a script set before the element was defined: the first data block read leaves them */
  #setBeforeDefined = new Set();
  #changeAttribute = new CurrentChangeAttribute(this);
  #root = this.shadowRoot ?? this.attachShadow({mode: 'open'});
  /** What is drawn in the shadow root. */
  #view = new DiffView(this, this.#root, {
    settings: () => this.#settings(),
    hide: (attribute, on) => { this.toggleAttribute(attribute, on); },
    view: (view) => { this.view = view; },
    onlyChanges: (on) => { this.onlyChanges = on; },
    hideFormatting: (on) => { this.hideFormatting = on; },
    navigated: (current, count) => {
      const id = this.#changeAttribute.reflect(current);
      if (id !== undefined) this.dispatchEvent(new ArticleDiffNavigateEvent(current, id, count));
    },
    drawn: () => this.#goToWanted(),
    viewChanged: () => this.#updates.schedule(),
  });

  // ---- Inputs -------------------------------------------------------------------------------

  /** The old text (set directly, or loaded from `old-src`); `null` until known. */
  get oldText() { return this.#inputs.text('old'); }
  set oldText(value) { this.#inputs.write('old', value); }

  /** The new text (set directly, or loaded from `new-src`); `null` until known. */
  get newText() { return this.#inputs.text('new'); }
  set newText(value) { this.#inputs.write('new', value); }

  /**
   * The words of the interface: every string, English unless set (docs/element.md, "Interface
   * language"). Setting an object replaces the English of the keys it has; `null` restores
   * English. Strings that cannot be used are refused with an `error` event, and the ones before
   * stay.
   * @returns {Strings}
   */
  get strings() { return this.#strings; }
  set strings(value) {
    let strings;
    try {
      strings = resolveStrings(value);
    } catch (error) {
      this.#fail(error instanceof Error ? error.message : String(error));
      return;
    }
    this.#strings = strings;
    this.#view.showStrings(strings);
    this.#updates.schedule(); // headings, summary and rows in the new words
  }

  /** The last diff drawn (the model from the wasm package), or `null`. */
  get model() { return this.#view.model; }

  /** The last diff's stats, or `null`. */
  get stats() { return this.#view.model?.stats ?? null; }

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
  /** Draw formatting changes as unchanged text (a diff of two documents). */
  get hideFormatting() { return this.hasAttribute('hide-formatting'); }
  set hideFormatting(on) { this.toggleAttribute('hide-formatting', Boolean(on)); }
  /**
   * What the texts are: `'text'` (default), `'html'` or `'markdown'` (diffed as a reader sees
   * them, formatting changes included). Another value is an error shown in the element.
   * @returns {string}
   */
  get format() { return this.getAttribute('format') ?? 'text'; }
  set format(v) { this.#reflect('format', v); }
  /** `true` unless the `no-moves` attribute is set. */
  get detectMoves() { return !this.hasAttribute('no-moves'); }
  set detectMoves(on) { this.toggleAttribute('no-moves', !on); }
  /**
   * The view drawn: `'split'` or `'inline'` as the `view` attribute says, or, when it says
   * neither (`auto`, or no attribute), inline on a narrow element and split otherwise.
   * Setting `'auto'` or `null` goes back to following the width.
   * @returns {'split'|'inline'}
   */
  get view() {
    const value = this.getAttribute('view');
    if (value === 'split' || value === 'inline') return value;
    return this.#view.autoView;
  }
  set view(v) {
    if (v === 'split' || v === 'inline') this.setAttribute('view', v);
    else this.removeAttribute('view');
  }
  /** `only-changes`: every unchanged run folded, with no context rows. Redraws without re-diffing. */
  get onlyChanges() { return this.hasAttribute('only-changes'); }
  set onlyChanges(on) { this.toggleAttribute('only-changes', Boolean(on)); }
  /**
   * `current-change`: the id of the current change ("change-3"), or `null` before the first
   * step. Setting it (as a link to a change does on load) goes there once its diff is drawn.
   */
  get currentChangeId() { return this.currentChange >= 0 ? changeId(this.currentChange) : null; }
  set currentChangeId(id) { this.#reflect('current-change', id); }
  /** `'light'`, `'dark'`, `'page'` (follow the page's color-scheme) or `null` (follow `prefers-color-scheme`). */
  get theme() { return this.getAttribute('theme'); }
  set theme(v) { this.#reflect('theme', v); }
  /** The engine's time budget in ms (`timeout-ms`); `null` for its default (one second), `NaN` when the attribute is not a valid budget. */
  get timeoutMs() {
    const value = this.getAttribute('timeout-ms');
    return value === null ? null : parseTimeout(value);
  }
  set timeoutMs(ms) { this.#reflect('timeout-ms', ms); }

  /** @param {string} name @param {string|number|null|undefined} value */
  #reflect(name, value) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  // ---- Lifecycle ----------------------------------------------------------------------------

  connectedCallback() {
    for (const name of upgradeProperties(this)) this.#setBeforeDefined.add(name);
    this.#data.connect();
    this.#view.connect();
    this.#updates.schedule();
  }

  disconnectedCallback() {
    this.#data.disconnect();
    this.#view.disconnect();
  }

  /** @param {string} name @param {string|null} oldValue @param {string|null} newValue */
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    switch (name) {
      case 'old-src':
      case 'new-src':
        this.#inputs.load(name === 'old-src' ? 'old' : 'new', newValue);
        return;
      case 'max-bytes':
        // A source refused under the old limit (or a bad value) gets another try.
        for (const side of /** @type {const} */ (['old', 'new'])) {
          if (this.#inputs.sideFailed(side) && this.getAttribute(`${side}-src`)) this.#inputs.load(side, this.getAttribute(`${side}-src`));
        }
        return;
      case 'ignore-case':
      case 'ignore-whitespace':
      case 'no-moves':
      case 'timeout-ms':
      case 'format':
        this.#updates.changed();
        break;
      case 'old-label':
      case 'new-label':
        this.#renderHeadings(); // no need to redraw the rows
        return;
      case 'theme':
        this.#view.repaint(); // the rest is CSS (`:host([theme=dark])`)
        return;
      case 'current-change':
        if (this.#changeAttribute.changed(newValue) && this.#updates.settled) this.#goToWanted();
        return;
    }
    this.#updates.schedule();
  }


  /**
   * Resolves once every queued input change is diffed and every row drawn (or failed), and,
   * in a document, once the stylesheet applies. For tests and hosts that need to read the
   * shadow DOM after setting inputs.
   */
  async ready() {
    for (;;) {
      const update = this.#updates.last;
      await Promise.all(this.#inputs.loads);
      await update;
      await this.#view.filled;
      // A stylesheet outside a document never loads: wait for it only where it can.
      if (this.isConnected) await this.#view.styled;
      if (update === this.#updates.last && !this.#updates.queued && !this.#inputs.isLoading && !this.#view.filling) return;
    }
  }

  // ---- Diffing ------------------------------------------------------------------------------

  /**
   * Diffs (only when a text or diff option changed since the last drawn diff) and draws.
   * View, label and hide-cosmetic changes redraw from the same model.
   */
  async update() {
    this.#renderHeadings();
    if (this.oldText === null && this.newText === null) return;
    if (this.#inputs.isLoading) return; // the last load schedules another update
    // A side whose source failed is never diffed (as empty, or as its previous text): the
    // last good diff stays, under the message that says which side failed.
    if (this.#inputs.failed) return;
    return this.#updates.run(() => this.#view.render(), (version) => this.#diffAndDraw(version));
  }

  /** Diffs the inputs of `version` and draws the result, unless newer inputs came meanwhile. @param {number} version */
  async #diffAndDraw(version) {
    const stale = () => this.#updates.isStale(version);
    let diffed;
    try {
      diffed = await diffInputs({oldText: this.oldText ?? '', newText: this.newText ?? '', format: this.format,
        attribute: (name) => this.getAttribute(name)}, this.#root, {
        stale,
        long: () => this.#view.showBusy(),
        workerUnavailable: (event) => this.dispatchEvent(event),
      });
    } catch (error) {
      if (!stale()) {
        this.#view.showIdle();
        this.#fail(messageOf(error));
      }
      return;
    }
    if (!diffed) return; // newer input queued its own update
    this.#updates.diffed(version);
    if (await this.#view.showNew(diffed.model, diffed.long, stale)) this.dispatchEvent(new ArticleDiffEvent(diffed.model));
  }

  /** @param {DataBlock} data a data block's content, read (again) */
  #readData(data) {
    const skip = this.#setBeforeDefined;
    this.#setBeforeDefined = new Set();
    applyDataBlock(this, data, skip);
  }

  /** @param {string} message for the event @param {string} [shown] for the box, when it says more */
  #fail(message, shown = message) {
    this.#view.showError(shown);
    this.dispatchEvent(new ArticleDiffErrorEvent(message));
  }

  // ---- Drawing ------------------------------------------------------------------------------

  #renderHeadings() {
    this.#view.showLabels(this.#labels());
  }

  /** The versions' names: the labels the host gave, else "Old version" and "New version". */
  #labels() {
    return {old: this.oldLabel ?? say(this.#strings, 'oldVersion'), new: this.newLabel ?? say(this.#strings, 'newVersion')};
  }

  /** @returns {Settings} how to draw, as the attributes say now */
  #settings() {
    return {view: this.view, hideCosmetic: this.hideCosmetic, hideFormatting: this.hideFormatting, onlyChanges: this.onlyChanges,
      hidden: (name) => this.hasAttribute(name), labels: this.#labels(), strings: this.#strings};
  }

  /**
   * Goes to the change a `current-change` set from outside names, once it is drawn and shown:
   * a diff can be drawn before the stylesheet applies, while the frame is hidden and scrolling
   * to a row does nothing.
   */
  #goToWanted() {
    if (!this.#view.model) return;
    if (this.#view.shown) this.#changeAttribute.goToWanted(this.#view.navigation);
    else this.#view.styled.then(() => this.#goToWanted());
  }

  // ---- Navigation ---------------------------------------------------------------------------

  /** Number of changes ("hunks" of adjacent changed rows) the navigation steps through. */
  get changeCount() { return this.#view.navigation.hunks.length; }

  /** Index of the current change, or -1 before the first step. */
  get currentChange() { return this.#view.navigation.current; }

  /** Moves to the next change (wrapping to the first). */
  next() { this.#view.navigation.next(); }

  /** Moves to the previous change (wrapping to the last). */
  previous() { this.#view.navigation.previous(); }

  /** @param {number} index change index, 0-based */
  goToChange(index) { this.#view.navigation.goTo(index); }

  /** Opens every folded run of unchanged paragraphs (the toolbar's "Expand all"). */
  expandAll() { this.#view.foldAll(true); }

  /** Folds every run of unchanged paragraphs again (the toolbar's "Fold all"). */
  foldAll() { this.#view.foldAll(false); }

  /**
   * The diff as drawn (view aside: the export is always side by side), as a self-contained
   * HTML document (styles inside, no script) or as plain text with `[-deleted-]{+inserted+}`
   * marks; `''` before the first diff.
   * @param {'html'|'text'} [format]
   */
  exportDiff(format = 'html') {
    const input = this.#view.exportInput();
    if (!input) return '';
    return format === 'text' ? plainText(input) : exportDocument(input);
  }
}
