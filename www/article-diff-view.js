// @ts-check
/**
 * What `<article-diff>` draws in its shadow root, and what the reader does to the drawing. The
 * view builds the frame (message box, notice, toolbar, rows, minimap) once; it keeps the model
 * drawn and its layout (the items, the folds the reader opened, aligned or one after the
 * other); it answers the rows' clicks (move links, fold buttons), the notice's "align anyway"
 * and what the page does to the rows (scrolling, printing, find, the element's width).
 *
 * The element hands it each new model and reads its attributes for it (`ViewHandlers.settings`);
 * the view never diffs, and reports what the reader asked for that is the element's to decide.
 *
 * @module article-diff-view
 */

import {ChunkedRows} from './article-diff-chunks.js';
import {h} from './article-diff-dom.js';
import {copyDiff, downloadDiff} from './article-diff-export.js';
import {FormattingToggle, linkFormattingStyles} from './article-diff-formatting.js';
import {changeId, shownStats, stackedSummaryItems, summaryItems} from './article-diff-labels.js';
import {FoldMemory, autoView, formattingHidden, layoutOf, movedAwayRuns} from './article-diff-layout.js';
import {Minimap} from './article-diff-minimap.js';
import {Navigation} from './article-diff-navigation.js';
import {showNotice} from './article-diff-notice.js';
import {PageWatch} from './article-diff-page.js';
import {DEFAULT_STRINGS, directionOf, say} from './article-diff-strings.js';
import {Toolbar, columnHeaders} from './article-diff-toolbar.js';
import {nextTask} from './article-diff-updates.js';

/**
 * @typedef {import('./pkg/article_diff.js').ArticleDiff} ArticleDiff
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {import('./article-diff-layout.js').Item} Item
 * @typedef {{model: ArticleDiff, hideCosmetic: boolean, hideFormatting: boolean, onlyChanges: boolean, alignAnyway: boolean, folds: number}} LayoutKey
 *   what a layout depends on: the model, the settings and the folds' version it was laid out with
 * @typedef {LayoutKey & {paragraphs: {old: number, new: number}, unrelated: boolean, stacked: boolean, items: Item[],
 *   changes: import('./article-diff-layout.js').Changes}} Layout
 *   what `render` draws of a model, and what it was laid out with
 * @typedef {object} Settings how to draw, as the element's attributes say
 * @property {'split'|'inline'} view
 * @property {boolean} hideCosmetic
 * @property {boolean} hideFormatting
 * @property {boolean} onlyChanges
 * @property {(attribute: string) => boolean} hidden whether a `hide-…` attribute is set
 * @property {{old: string, new: string}} labels the versions' names
 * @property {Strings} strings
 * @typedef {object} ViewHandlers what the view asks of the element
 * @property {() => Settings} settings the settings of now
 * @property {import('./article-diff-toolbar.js').ToolbarActions['hide']} hide a "Hide …" toggle was clicked
 * @property {(view: 'split'|'inline') => void} view the split/inline switch was clicked
 * @property {(on: boolean) => void} onlyChanges "Only changes" was clicked
 * @property {(on: boolean) => void} hideFormatting "Hide formatting" was clicked
 * @property {(current: number, count: number) => void} navigated the current change moved (or the changes were replaced)
 * @property {() => void} drawn a model was drawn
 * @property {() => void} viewChanged the element's width changed the automatic view
 */

const STYLESHEET_URL = new URL('./article-diff.css', import.meta.url).href;

/**
 * Whether a layout computed earlier can be drawn now: the same model, settings and folds.
 * @param {LayoutKey} laidOut @param {LayoutKey} now
 */
export function sameLayout(laidOut, now) {
  return laidOut.model === now.model && laidOut.hideCosmetic === now.hideCosmetic && laidOut.hideFormatting === now.hideFormatting
    && laidOut.onlyChanges === now.onlyChanges && laidOut.alignAnyway === now.alignAnyway && laidOut.folds === now.folds;
}

/** The drawing in one element's shadow root. */
export class DiffView {
  /** @type {ArticleDiff | null} */ #model = null;
  /** Unchanged runs the reader unfolded, by their first row. */
  #folds = new FoldMemory();
  /** @type {Item[]} what the last draw drew (for copying and export) */
  #items = [];
  /** Whether the last draw showed the versions one after the other. */
  #stacked = false;
  /** Whether the reader asked to align versions that share little text anyway (this diff). */
  #alignAnyway = false;
  /** @type {'split'|'inline'|null} the view for the element's width, once it was measured */
  #autoView = null;
  #legendBeforePrint = false;
  #host;
  #root;
  #on;
  #frame = h('div', {class: 'frame', part: 'frame', attrs: {dir: 'ltr'}});
  #error = h('div', {class: 'error', part: 'error', attrs: {role: 'alert'}});
  #notice = h('div', {class: 'notice', part: 'notice', attrs: {role: 'status'}});
  #rows = h('div', {class: 'rows', part: 'rows', attrs: {tabindex: '0', role: 'table', 'aria-label': 'Differences'}});
  #drawer = new ChunkedRows(this.#rows, () => this.#minimap.schedule());
  #navigation = new Navigation(this.#drawer, (current) => this.#changed(current));
  #minimap = new Minimap(this.#rows, this.#drawer, this.#navigation, () => !this.#frame.hidden,
    () => {
      if (!this.#model || this.#stacked) return [];
      const {hideCosmetic, hideFormatting} = this.#on.settings();
      return movedAwayRuns(this.#model.blocks, hideCosmetic, formattingHidden(this.#model, hideCosmetic, hideFormatting));
    });
  #toolbar;
  /** @type {Promise<void>} */
  #styled;
  #formattingToggle;
  #page;

  /**
   * Fills `root` with the frame, hidden until its stylesheet applies.
   * @param {HTMLElement} host the element: its size is watched, its keys move between changes
   * @param {ShadowRoot} root its shadow root
   * @param {ViewHandlers} on
   */
  constructor(host, root, on) {
    this.#host = host;
    this.#root = root;
    this.#on = on;
    this.#toolbar = new Toolbar({
      hide: on.hide,
      view: on.view,
      onlyChanges: on.onlyChanges,
      foldAll: (open) => this.foldAll(open),
      previous: () => this.#navigation.previous(),
      next: () => this.#navigation.next(),
      copy: () => copyDiff(this.exportInput(), on.settings().strings),
      download: () => downloadDiff(this.exportInput(), root),
    });
    this.#formattingToggle = new FormattingToggle(on.hideFormatting);
    this.#page = new PageWatch(host, this.#toolbar.element, {
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
        if (this.#model && !this.#folds.allOpen) this.foldAll(true);
      },
      schemeChanged: () => this.#minimap.repaint(),
      toolbarResized: () => {
        this.#frame.style.setProperty('--article-diff-bar-height', `${this.#toolbar.element.offsetHeight}px`);
        this.#minimap.schedule();
      },
      hostResized: (entry) => this.#onHostResize(entry),
      // In a scroll box of the page, the sticky header and the minimap follow its height, not the window's.
      scrollerResized: (height) => {
        if (height === null) this.#frame.style.removeProperty('--_scroller-height');
        else this.#frame.style.setProperty('--_scroller-height', `${height}px`);
        this.#minimap.schedule();
      },
    });
    this.#minimap.band = () => this.#page.band;
    const link = h('link', {attrs: {rel: 'stylesheet', href: STYLESHEET_URL}});
    // Among the tools, after "Hide cosmetic": behind Options on a narrow element, like it.
    this.#toolbar.bar.querySelector('.tools .hide-cosmetic-toggle')?.after(this.#formattingToggle.element);
    // Until the stylesheet applies, keep the frame hidden (the `hidden` attribute needs no CSS)
    // rather than flash unstyled text.
    this.#frame.hidden = true;
    this.#error.hidden = true;
    this.#notice.hidden = true;
    // The controls speak the strings' language (English until the element is given others).
    this.#toolbar.bar.lang = DEFAULT_STRINGS.locale;
    this.#notice.lang = DEFAULT_STRINGS.locale;
    const reveal = () => {
      this.#frame.hidden = false;
      this.#drawer.fillVisible();
      this.#minimap.schedule();
    };
    this.#styled = new Promise((resolve) => {
      const applied = () => {
        reveal();
        resolve();
      };
      link.addEventListener('load', applied, {once: true});
      link.addEventListener('error', applied, {once: true});
    });
    this.#rows.addEventListener('click', this.#onRowsClick);
    // The browser's find reached text in a fold: it opens the fold; remember that it is open.
    this.#rows.addEventListener('beforematch', (event) => {
      const run = this.#drawer.foundInFold(event);
      if (run !== null) this.#folds.set(run, true);
      this.#showSettings(on.settings());
    });
    this.#notice.addEventListener('click', (event) => {
      if (!(event.target instanceof Element && event.target.closest('.notice-action'))) return;
      this.#alignAnyway = !this.#alignAnyway;
      this.render();
    });
    const body = h('div', {class: 'body'}, [this.#rows, h('div', {class: 'minimap-column'}, [this.#minimap.element])]);
    this.#frame.append(this.#error, this.#notice, this.#toolbar.element, body);
    root.replaceChildren(link, this.#frame);
  }

  /** The last model drawn, or `null`. */
  get model() { return this.#model; }

  /** The current change and the steps between changes. */
  get navigation() { return this.#navigation; }

  /** Settles once the stylesheet has loaded (or failed to) and the frame is shown. */
  get styled() { return this.#styled; }

  /** Whether the frame is shown (its stylesheet applied): before, rows have no place to scroll to. */
  get shown() { return !this.#frame.hidden; }

  /** Settles once every row of the last draw is drawn. */
  get filled() { return this.#drawer.filled; }

  /** Whether rows of the last draw are still to be drawn. */
  get filling() { return this.#drawer.filling; }

  /** The view for the element's width (inline when narrow), for when its `view` attribute leaves it automatic. */
  get autoView() {
    return this.#autoView ?? autoView(this.#host.getBoundingClientRect().width || window.innerWidth, null);
  }

  /** Starts hearing the element's keys and the page around it. */
  connect() {
    this.#host.addEventListener('keydown', this.#navigation.onKeydown);
    this.#page.connect();
  }

  disconnect() {
    this.#host.removeEventListener('keydown', this.#navigation.onKeydown);
    this.#page.disconnect();
    this.#minimap.dispose();
    // A fill under way goes on (a detached tree costs no layout), so `ready()` still settles.
    this.#navigation.dispose();
  }

  /**
   * The interface's words changed: the controls say them now (the rows at the next draw).
   * @param {Strings} strings
   */
  showStrings(strings) {
    this.#toolbar.showStrings(strings);
    this.#minimap.strings = strings;
    // The controls speak the strings' language, which may not be the article's (a screen
    // reader pronounces each in its own).
    this.#toolbar.bar.lang = strings.locale;
    this.#notice.lang = strings.locale;
    // The layout too follows the interface's language, not the page's: English controls in a
    // right-to-left page stay left to right (each paragraph takes its own text's direction).
    this.#frame.dir = directionOf(strings.locale);
    this.#rows.setAttribute('aria-label', say(strings, 'differences'));
    this.#toolbar.showCounter(this.#navigation.current, this.#navigation.hunks.length);
  }

  /** @param {{old: string, new: string}} labels the column headings */
  showLabels(labels) { this.#toolbar.showLabels(labels.old, labels.new); }

  /** @param {string} message shown in the message box, over the last good diff */
  showError(message) {
    this.#error.textContent = message;
    this.#error.hidden = false;
  }

  /** A long diff is being computed: the diff drawn stays, dimmed. */
  showBusy() {
    if (!this.#model) return;
    this.#frame.classList.add('busy');
    this.#toolbar.showBusy();
  }

  /** The diff being computed failed: the diff drawn is the one to read again. */
  showIdle() {
    this.#frame.classList.remove('busy');
    this.#toolbar.showCounter(this.#navigation.current, this.#navigation.hunks.length);
  }

  /** The page's colours changed (`theme`): the minimap's canvas follows (the rest is CSS). */
  repaint() { this.#minimap.repaint(); }

  /**
   * Draws a new diff: the folds, "align anyway" and the current change start over.
   * @param {ArticleDiff} model
   * @param {boolean} long whether it is a long diff: laid out in a task, drawn in the next
   * @param {() => boolean} stale whether newer inputs came meanwhile (they draw themselves)
   * @returns {Promise<boolean>} whether it was drawn
   */
  async showNew(model, long, stale) {
    this.#frame.classList.remove('busy');
    this.#model = model;
    this.#folds.clear();
    this.#alignAnyway = false;
    this.#navigation.restart();
    this.#error.hidden = true;
    /** @type {Layout | undefined} */
    let laidOut;
    if (long) {
      laidOut = this.#layoutOf(model, this.#on.settings());
      await nextTask();
      // Newer inputs draw themselves; a redraw meanwhile (a view change) drew this model.
      if (stale() || this.#model !== model) return false;
    }
    this.render(laidOut);
    return true;
  }

  /**
   * Draws the model with the settings of now.
   * @param {Layout} [laidOut] its layout, computed earlier
   *   (in a task of its own, for a long diff); used only if the model and settings are the same
   */
  render(laidOut) {
    const model = this.#model;
    const settings = this.#on.settings();
    const {view, hideCosmetic, hideFormatting, labels, strings} = settings;
    this.#frame.dataset.view = view;
    if (!model) {
      this.#showSettings(settings);
      return;
    }
    const {paragraphs, unrelated, stacked, items, changes} = laidOut && sameLayout(laidOut, this.#layoutKey(model, settings))
      ? laidOut : this.#layoutOf(model, settings);
    this.#stacked = stacked;
    this.#frame.dataset.layout = stacked ? 'stacked' : 'aligned';
    this.#items = items;
    showNotice(this.#notice, model, unrelated, stacked, strings);
    this.#toolbar.showSummary(stacked ? stackedSummaryItems(paragraphs, model.stats, strings)
      : summaryItems(shownStats(model.stats, model.blocks, hideCosmetic), strings, hideFormatting && Boolean(model.documents)),
    model.stats, settings.hidden);
    if (model.documents) void linkFormattingStyles(this.#root);
    this.#formattingToggle.show(model.documents ? model.stats.formattingChanges ?? 0 : undefined, hideFormatting, strings);
    this.#navigation.setChanges(changes);
    this.#showSettings(settings);
    // Paragraph numbers up to six digits fit their gutter.
    this.#frame.style.setProperty('--digits', String(Math.max(2, String(Math.max(paragraphs.old, paragraphs.new)).length)));
    this.#rows.setAttribute('aria-label', say(strings, 'differencesBetween', labels));
    /** @type {Map<number, string>} */
    const changeIds = new Map();
    changes.hunks.forEach((hunk, i) => changeIds.set(hunk[0], changeId(i)));
    this.#drawer.draw({model, view, hideCosmetic, hideFormatting, stacked, labels, changeIds, strings,
      hidden: stacked ? null : formattingHidden(model, hideCosmetic, hideFormatting),
      current: new Set(this.#navigation.currentRows), folds: this.#folds}, items);
    this.#rows.prepend(columnHeaders(labels, view, stacked, strings));
    this.#navigation.show(false);
    this.#minimap.redraw();
    this.#on.drawn();
  }

  /** @param {boolean} open expand every fold, or fold every run again */
  foldAll(open) {
    this.#folds.setAll(open);
    this.#drawer.setAllFolds(open);
    this.#showSettings(this.#on.settings());
    this.#minimap.schedule();
  }

  /**
   * What the copy and download buttons export: what is drawn.
   * @returns {import('./article-diff-export.js').ExportInput | null}
   */
  exportInput() {
    const model = this.#model;
    if (!model) return null;
    const {hideCosmetic, hideFormatting, labels, strings} = this.#on.settings();
    return {model, items: this.#items, hideCosmetic, hideFormatting, stacked: this.#stacked, labels, summary: this.#toolbar.summaryText, strings};
  }

  /**
   * What `render` draws of `model` with `settings` and the folds of now.
   * @param {ArticleDiff} model @param {Settings} settings
   * @returns {Layout}
   */
  #layoutOf(model, settings) {
    const key = this.#layoutKey(model, settings);
    return {...key, ...layoutOf(model, key, this.#folds)};
  }

  /** @param {ArticleDiff} model @param {Settings} settings @returns {LayoutKey} */
  #layoutKey(model, {hideCosmetic, hideFormatting, onlyChanges}) {
    return {model, hideCosmetic, hideFormatting, onlyChanges, alignAnyway: this.#alignAnyway, folds: this.#folds.version};
  }

  /** The toolbar's tools as the settings and the folds say. @param {Settings} settings */
  #showSettings({view, hidden, onlyChanges}) {
    this.#toolbar.showSettings({
      view,
      hidden,
      onlyChanges,
      allOpen: this.#folds.allOpen,
      folds: this.#items.some((item) => typeof item !== 'number' && 'runStart' in item),
    });
  }

  /**
   * The current change moved (or the changes were replaced): the counter and the minimap
   * follow, and the element is told.
   * @param {number} current
   */
  #changed(current) {
    const count = this.#navigation.hunks.length;
    this.#minimap.markCurrent(current);
    this.#toolbar.showCounter(current, count);
    this.#on.navigated(current, count);
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
      this.#showSettings(this.#on.settings());
      this.#minimap.schedule();
    }
  };

  /**
   * The element's width changed: with an automatic view, a narrow element turns inline.
   * @param {ResizeObserverEntry | undefined} entry
   */
  #onHostResize(entry) {
    const width = entry?.contentRect.width ?? 0;
    if (!(width > 0)) return;
    const next = autoView(width, this.#autoView);
    if (next === this.#autoView) return;
    const before = this.#on.settings().view;
    this.#autoView = next;
    if (this.#on.settings().view !== before) this.#on.viewChanged();
  }
}
