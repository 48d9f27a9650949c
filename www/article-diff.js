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

import {ChunkedRows} from './article-diff-chunks.js';
import {DataBlockReader, applyDataBlock, upgradeProperties} from './article-diff-data.js';
import {h} from './article-diff-dom.js';
import {computeDiff, messageOf} from './article-diff-engine-client.js';
import {
  ArticleDiffErrorEvent, ArticleDiffEvent, ArticleDiffNavigateEvent, ArticleDiffWorkerUnavailableEvent,
} from './article-diff-events.js';
import {CurrentChangeAttribute} from './article-diff-current-change.js';
import {copyDiff, downloadDiff, exportDocument, plainText} from './article-diff-export.js';
import {Inputs} from './article-diff-inputs.js';
import {changeId, shownStats, stackedSummaryItems, summaryItems} from './article-diff-labels.js';
import {FoldMemory, autoView, layoutOf, movedAwayRuns} from './article-diff-layout.js';
import {Minimap} from './article-diff-minimap.js';
import {Navigation} from './article-diff-navigation.js';
import {showNotice} from './article-diff-notice.js';
import {PageWatch} from './article-diff-page.js';
import {diffOptions, parseTimeout} from './article-diff-options.js';
import {parseMaxBytes} from './article-diff-source.js';
import {DEFAULT_STRINGS, resolveStrings, say} from './article-diff-strings.js';
import {Toolbar, columnHeaders} from './article-diff-toolbar.js';
import {Updates} from './article-diff-updates.js';
import {FormattingToggle, linkFormattingStyles} from './article-diff-formatting.js';
import {checkFormat} from './article-diff-documents.js';

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
 * @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {import('./article-diff-data.js').DataBlock} DataBlock
 * @typedef {import('./article-diff-layout.js').Item} Item
 * @typedef {{model: ArticleDiff, hideCosmetic: boolean, onlyChanges: boolean, alignAnyway: boolean, folds: number,
 *   paragraphs: {old: number, new: number}, unrelated: boolean, stacked: boolean, items: Item[],
 *   changes: import('./article-diff-layout.js').Changes}} Layout
 *   what `#render` draws of a model, and the settings it was laid out with
 */

const STYLESHEET_URL = new URL('./article-diff.css', import.meta.url).href;

/** Whether the console was told once that this page diffs long texts on the main thread. */
let workerWarned = false;

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
  /** @type {ArticleDiff | null} */ #model = null;
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
  /** Unchanged runs the reader unfolded, by their first row. */
  #folds = new FoldMemory();
  /** @type {Item[]} what the last draw drew (for copying and export) */
  #items = [];
  /** Whether the last draw showed the versions one after the other. */
  #stacked = false;
  /** Whether the reader asked to align versions that share little text anyway (this diff). */
  #alignAnyway = false;
  /** @type {'split'|'inline'|null} the view for the element's width, when `view` is automatic */
  #autoView = null;
  #changeAttribute = new CurrentChangeAttribute(this);

  // Shadow DOM, built once.
  #root = this.shadowRoot ?? this.attachShadow({mode: 'open'});
  #frame = h('div', {class: 'frame', part: 'frame'});
  #error = h('div', {class: 'error', part: 'error', attrs: {role: 'alert'}});
  #notice = h('div', {class: 'notice', part: 'notice', attrs: {role: 'status'}});
  #rows = h('div', {class: 'rows', part: 'rows', attrs: {tabindex: '0', role: 'table', 'aria-label': 'Differences'}});
  #drawer = new ChunkedRows(this.#rows, () => this.#minimap.schedule());
  #toolbar = new Toolbar({
    hide: (attribute, on) => { this.toggleAttribute(attribute, on); },
    view: (view) => { this.view = view; },
    onlyChanges: (on) => { this.onlyChanges = on; },
    foldAll: (open) => this.#foldAll(open),
    previous: () => this.previous(),
    next: () => this.next(),
    copy: () => copyDiff(this.#exportInput(), this.#strings),
    download: () => downloadDiff(this.#exportInput(), this.#root),
  });
  #navigation = new Navigation(this.#drawer, (current) => this.#changed(current));
  #minimap = new Minimap(this.#rows, this.#drawer, this.#navigation, () => !this.#frame.hidden,
    () => (this.#model && !this.#stacked ? movedAwayRuns(this.#model.blocks, this.hideCosmetic) : []));
  #formattingToggle = new FormattingToggle((on) => { this.hideFormatting = on; });

  constructor() {
    super();
    const link = h('link', {attrs: {rel: 'stylesheet', href: STYLESHEET_URL}});
    // Among the tools, after "Hide cosmetic": behind Options on a narrow element, like it.
    this.#toolbar.bar.querySelector('.tools .hide-cosmetic-toggle')?.after(this.#formattingToggle.element);
    // Until the stylesheet applies, keep the frame hidden (the `hidden` attribute needs no CSS)
    // rather than flash unstyled text.
    this.#frame.hidden = true;
    this.#error.hidden = true;
    this.#notice.hidden = true;
    this.#toolbar.bar.lang = this.#strings.locale;
    this.#notice.lang = this.#strings.locale;
    const reveal = () => {
      this.#frame.hidden = false;
      this.#drawer.fillVisible();
      this.#minimap.schedule();
    };
    link.addEventListener('load', reveal, {once: true});
    link.addEventListener('error', reveal, {once: true});
    this.#rows.addEventListener('click', this.#onRowsClick);
    // The browser's find reached text in a fold: it opens the fold; remember that it is open.
    this.#rows.addEventListener('beforematch', (event) => {
      const run = this.#drawer.foundInFold(event);
      if (run !== null) this.#folds.set(run, true);
      this.#showSettings();
    });
    this.#notice.addEventListener('click', (event) => {
      if (!(event.target instanceof Element && event.target.closest('.notice-action'))) return;
      this.#alignAnyway = !this.#alignAnyway;
      this.#render();
    });
    const body = h('div', {class: 'body'}, [this.#rows, h('div', {class: 'minimap-column'}, [this.#minimap.element])]);
    this.#frame.append(this.#error, this.#notice, this.#toolbar.element, body);
    this.#root.replaceChildren(link, this.#frame);
  }

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
    this.#toolbar.showStrings(strings);
    this.#minimap.strings = strings;
    // The controls speak the strings' language, which may not be the article's (a screen
    // reader pronounces each in its own).
    this.#toolbar.bar.lang = strings.locale;
    this.#notice.lang = strings.locale;
    this.#rows.setAttribute('aria-label', say(strings, 'differences'));
    this.#toolbar.showCounter(this.#navigation.current, this.#navigation.hunks.length);
    this.#updates.schedule(); // headings, summary and rows in the new words
  }

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
    return this.#autoView ?? autoView(this.getBoundingClientRect().width || window.innerWidth, null);
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
  get currentChangeId() { return this.#navigation.current >= 0 ? changeId(this.#navigation.current) : null; }
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
    this.addEventListener('keydown', this.#navigation.onKeydown);
    this.#page.connect();
    this.#updates.schedule();
  }

  disconnectedCallback() {
    this.#data.disconnect();
    this.removeEventListener('keydown', this.#navigation.onKeydown);
    this.#page.disconnect();
    this.#minimap.dispose();
    // A fill under way goes on (a detached tree costs no layout), so `ready()` still settles.
    this.#navigation.dispose();
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
        this.#minimap.repaint(); // the rest is CSS (`:host([theme=dark])`)
        return;
      case 'current-change':
        if (this.#changeAttribute.changed(newValue) && this.#updates.settled) this.#goToWanted();
        return;
    }
    this.#updates.schedule();
  }


  /**
   * Resolves once every queued input change is diffed and every row drawn (or failed). For
   * tests and hosts that need to read the shadow DOM after setting inputs.
   */
  async ready() {
    for (;;) {
      const update = this.#updates.last;
      await Promise.all(this.#inputs.loads);
      await update;
      await this.#drawer.filled;
      if (update === this.#updates.last && !this.#updates.queued && !this.#inputs.isLoading && !this.#drawer.filling) return;
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
    return this.#updates.run(() => this.#render(), (version) => this.#diffAndDraw(version));
  }

  /** Diffs the inputs of `version` and draws the result, unless newer inputs came meanwhile. @param {number} version */
  async #diffAndDraw(version) {
    const stale = () => this.#updates.isStale(version);
    /** @type {ArticleDiff | null} */
    let model;
    let long = false;
    try {
      const format = checkFormat(this.format);
      // The documents' stylesheet loads while the reader and the engine work.
      const styles = format === 'text' ? null : linkFormattingStyles(this.#root);
      model = await computeDiff(this.oldText ?? '', this.newText ?? '', diffOptions((name) => this.getAttribute(name)), {
        stale,
        long: () => {
          long = true;
          // The old diff stays on screen, dimmed, while the worker computes the new one.
          if (!this.#model) return;
          this.#frame.classList.add('busy');
          this.#toolbar.showBusy();
        },
        workerUnavailable: (reason) => this.#workerUnavailable(reason),
      }, format);
      if (model?.documents && styles) await styles;
    } catch (error) {
      if (!stale()) {
        this.#frame.classList.remove('busy');
        this.#toolbar.showCounter(this.#navigation.current, this.#navigation.hunks.length);
        this.#fail(messageOf(error));
      }
      return;
    }
    if (!model || stale()) return; // newer input queued its own update
    // A long diff's model came in the worker's message: receiving it (and building its
    // blocks), laying it out and drawing it are three tasks, none of them long.
    if (long) {
      void model.blocks;
      await nextTask();
      if (stale()) return;
    }
    this.#frame.classList.remove('busy');
    this.#updates.diffed(version);
    this.#model = model;
    this.#folds.clear();
    this.#alignAnyway = false;
    this.#navigation.restart();
    this.#error.hidden = true;
    /** @type {Layout | undefined} */
    let laidOut;
    if (long) {
      laidOut = this.#layoutOf(model);
      await nextTask();
      // Newer inputs draw themselves; a redraw meanwhile (a view change) drew this model.
      if (stale() || this.#model !== model) return;
    }
    this.#render(laidOut);
    this.dispatchEvent(new ArticleDiffEvent(model));
  }

  /** @param {string} reason why the worker cannot run */
  #workerUnavailable(reason) {
    const event = new ArticleDiffWorkerUnavailableEvent(reason);
    if (!workerWarned) console.warn(`<article-diff>: ${event.message}`);
    workerWarned = true;
    this.dispatchEvent(event);
  }

  /** @param {DataBlock} data a data block's content, read (again) */
  #readData(data) {
    const skip = this.#setBeforeDefined;
    this.#setBeforeDefined = new Set();
    applyDataBlock(this, data, skip);
  }

  /** @param {string} message for the event @param {string} [shown] for the box, when it says more */
  #fail(message, shown = message) {
    this.#error.textContent = shown;
    this.#error.hidden = false;
    this.dispatchEvent(new ArticleDiffErrorEvent(message));
  }

  // ---- Drawing ------------------------------------------------------------------------------

  #renderHeadings() {
    const labels = this.#labels();
    this.#toolbar.showLabels(labels.old, labels.new);
  }

  /** The versions' names: the labels the host gave, else "Old version" and "New version". */
  #labels() {
    return {old: this.oldLabel ?? say(this.#strings, 'oldVersion'), new: this.newLabel ?? say(this.#strings, 'newVersion')};
  }

  /**
   * What `#render` draws of `model` with the settings of now: the paragraph counts, whether the
   * versions are unrelated and shown one after the other, the items and the changes.
   * @param {ArticleDiff} model
   * @returns {Layout}
   */
  #layoutOf(model) {
    const hideCosmetic = this.hideCosmetic;
    const onlyChanges = this.onlyChanges;
    const alignAnyway = this.#alignAnyway;
    return {model, hideCosmetic, onlyChanges, alignAnyway, folds: this.#folds.version,
      ...layoutOf(model, {hideCosmetic, onlyChanges, alignAnyway}, this.#folds)};
  }

  /**
   * Draws the model with the settings of now.
   * @param {Layout} [laidOut] its layout, computed earlier
   *   (in a task of its own, for a long diff); used only if the model and settings are the same
   */
  #render(laidOut) {
    const model = this.#model;
    const view = this.view;
    const hideCosmetic = this.hideCosmetic;
    this.#frame.dataset.view = view;
    if (!model) {
      this.#showSettings();
      return;
    }
    const current = laidOut && laidOut.model === model && laidOut.hideCosmetic === hideCosmetic && laidOut.onlyChanges === this.onlyChanges
      && laidOut.alignAnyway === this.#alignAnyway && laidOut.folds === this.#folds.version;
    const {paragraphs, unrelated, stacked, items, changes} = current ? laidOut : this.#layoutOf(model);
    this.#stacked = stacked;
    this.#frame.dataset.layout = this.#stacked ? 'stacked' : 'aligned';
    this.#items = items;
    showNotice(this.#notice, model, unrelated, this.#stacked, this.#strings);
    this.#toolbar.showSummary(this.#stacked ? stackedSummaryItems(paragraphs, model.stats, this.#strings)
      : summaryItems(shownStats(model.stats, model.blocks, hideCosmetic), this.#strings), model.stats, (name) => this.hasAttribute(name));
    const hideFormatting = this.hideFormatting;
    if (model.documents) void linkFormattingStyles(this.#root);
    this.#formattingToggle.show(model.documents ? model.stats.formattingChanges ?? 0 : undefined, hideFormatting, this.#strings);
    this.#navigation.setChanges(changes);
    this.#showSettings();
    // Paragraph numbers up to six digits fit their gutter.
    this.#frame.style.setProperty('--digits', String(Math.max(2, String(Math.max(paragraphs.old, paragraphs.new)).length)));
    const labels = this.#labels();
    this.#rows.setAttribute('aria-label', say(this.#strings, 'differencesBetween', labels));
    /** @type {Map<number, string>} */
    const changeIds = new Map();
    changes.hunks.forEach((hunk, i) => changeIds.set(hunk[0], changeId(i)));
    this.#drawer.draw({model, view, hideCosmetic, hideFormatting, stacked: this.#stacked, labels, changeIds, strings: this.#strings,
      current: new Set(this.#navigation.currentRows), folds: this.#folds}, items);
    this.#rows.prepend(columnHeaders(labels, view, this.#stacked, this.#strings));
    this.#navigation.show(false);
    this.#minimap.redraw();
    this.#goToWanted();
  }

  /** The toolbar's tools as the attributes and the folds say. */
  #showSettings() {
    this.#toolbar.showSettings({
      view: this.view,
      hidden: (name) => this.hasAttribute(name),
      onlyChanges: this.onlyChanges,
      allOpen: this.#folds.allOpen,
      folds: this.#items.some((item) => typeof item !== 'number' && 'runStart' in item),
    });
  }

  /** @param {boolean} open expand every fold, or fold every run again */
  #foldAll(open) {
    this.#folds.setAll(open);
    this.#drawer.setAllFolds(open);
    this.#showSettings();
    this.#minimap.schedule();
  }

  /**
   * The current change moved (or the changes were replaced): the counter, the minimap, the
   * `current-change` attribute and an `article-diff-navigate` event follow.
   * @param {number} current
   */
  #changed(current) {
    const count = this.#navigation.hunks.length;
    this.#minimap.markCurrent(current);
    this.#toolbar.showCounter(current, count);
    const id = this.#changeAttribute.reflect(current);
    if (id !== undefined) this.dispatchEvent(new ArticleDiffNavigateEvent(current, id, count));
  }

  /** Goes to the change a `current-change` set from outside names, once it is drawn. */
  #goToWanted() {
    if (this.#model) this.#changeAttribute.goToWanted(this.#navigation);
  }

  /**
   * What the copy and download buttons export: what is drawn.
   * @returns {import('./article-diff-export.js').ExportInput | null}
   */
  #exportInput() {
    const model = this.#model;
    if (!model) return null;
    return {model, items: this.#items, hideCosmetic: this.hideCosmetic, stacked: this.#stacked,
      labels: this.#labels(), summary: this.#toolbar.summaryText, strings: this.#strings};
  }

  /** @param {MouseEvent} event */
  #onRowsClick = (event) => {
    const origin = event.target instanceof Element ? event.target : null;
    const link = origin?.closest('.move-link');
    if (link instanceof HTMLElement) {
      this.#navigation.jumpToRow(Number(link.dataset.target));
      return;
    }
    const button = origin?.closest('.fold-bar button');
    if (button && this.#drawer.drawing) {
      const toggled = this.#drawer.toggleFold(button, undefined, {focus: true});
      if (toggled) this.#folds.set(toggled.runStart, toggled.open);
      this.#showSettings();
      this.#minimap.schedule();
    }
  };

  /** The page around the element: what scrolling, printing, find and resizing do to it. */
  #page = new PageWatch(this, this.#toolbar.element, {
    // Before the frame paints: rows scrolled into view are never shown empty for long.
    scrolled: () => {
      this.#drawer.fillVisible();
      this.#minimap.placeViewport();
    },
    // Before printing: every row drawn (the page has no idle time to draw them in), the legend shown.
    beforePrint: () => {
      this.#drawer.fillAll();
      this.#legendBeforePrint = this.#toolbar.legendShown;
      this.#toolbar.showLegend(true);
    },
    afterPrint: () => this.#toolbar.showLegend(this.#legendBeforePrint),
    find: () => {
      if (this.#model && !this.#folds.allOpen) this.expandAll();
    },
    schemeChanged: () => this.#minimap.repaint(),
    toolbarResized: () => {
      this.#frame.style.setProperty('--article-diff-bar-height', `${this.#toolbar.element.offsetHeight}px`);
      this.#minimap.schedule();
    },
    hostResized: (entry) => this.#onHostResize(entry),
  });

  #legendBeforePrint = false;

  /**
   * The element's width changed: with an automatic view, a narrow element turns inline.
   * @param {ResizeObserverEntry | undefined} entry
   */
  #onHostResize(entry) {
    const width = entry?.contentRect.width ?? 0;
    if (!(width > 0)) return;
    const next = autoView(width, this.#autoView);
    if (next === this.#autoView) return;
    const before = this.view;
    this.#autoView = next;
    if (this.view !== before) this.#updates.schedule();
  }

  // ---- Navigation ---------------------------------------------------------------------------

  /** Number of changes ("hunks" of adjacent changed rows) the navigation steps through. */
  get changeCount() { return this.#navigation.hunks.length; }

  /** Index of the current change, or -1 before the first step. */
  get currentChange() { return this.#navigation.current; }

  /** Moves to the next change (wrapping to the first). */
  next() { this.#navigation.next(); }

  /** Moves to the previous change (wrapping to the last). */
  previous() { this.#navigation.previous(); }

  /** @param {number} index change index, 0-based */
  goToChange(index) { this.#navigation.goTo(index); }

  /** Opens every folded run of unchanged paragraphs (the toolbar's "Expand all"). */
  expandAll() { this.#foldAll(true); }

  /** Folds every run of unchanged paragraphs again (the toolbar's "Fold all"). */
  foldAll() { this.#foldAll(false); }

  /**
   * The diff as drawn (view aside: the export is always side by side), as a self-contained
   * HTML document (styles inside, no script) or as plain text with `[-deleted-]{+inserted+}`
   * marks; `''` before the first diff.
   * @param {'html'|'text'} [format]
   */
  exportDiff(format = 'html') {
    const input = this.#exportInput();
    if (!input) return '';
    return format === 'text' ? plainText(input) : exportDocument(input);
  }
}

/** Resolves in a later task: input and rendering can run in between. */
function nextTask() {
  return new Promise((resolve) => { setTimeout(resolve, 0); });
}
