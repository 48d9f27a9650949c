// @ts-check
/**
 * `<article-diff>`'s sticky header: the toolbar, the legend and the two column headings. The
 * bar holds the summary and previous/next with the "3 of 17" counter; below it the tools: the
 * split/inline switch, a "Hide …" toggle per kind of mark that can be hidden (from
 * `HIDE_TOGGLES`), "Only changes", "Expand all"/"Fold all", the legend, copy and download.
 * On a narrow element the bar is one compact line and the tools open from an "Options" button,
 * so previous and next stay on screen and the diff starts on the first screen; choosing the
 * legend there closes the tools, so the legend has the screen below the bar. The header is never
 * taller than the screen less a strip of rows: the legend scrolls within it when it does not fit.
 * It shows what it is given and reports the reader's clicks; the element decides what they do.
 *
 * @module article-diff-toolbar
 */

import {h} from './article-diff-dom.js';
import {counterText} from './article-diff-labels.js';
import {renderLegend} from './article-diff-legend.js';
import {HIDE_TOGGLES} from './article-diff-marks.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/**
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {import('./article-diff-labels.js').SummaryItem} SummaryItem
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {{hide: (attribute: string, on: boolean) => void, view: (view: 'split'|'inline') => void,
 *   onlyChanges: (on: boolean) => void, foldAll: (open: boolean) => void,
 *   previous: () => void, next: () => void, copy: () => Promise<string>, download: () => void}} ToolbarActions
 *   what the reader's clicks ask for (`copy` resolves to what to tell the reader)
 * @typedef {{view: 'split'|'inline', hidden: (attribute: string) => boolean, onlyChanges: boolean,
 *   allOpen: boolean, folds: boolean}} ToolbarSettings
 *   `folds`: whether the diff has folds at all (else "Expand all" is disabled)
 */

/** How long "Copied" and the like stay on the copy button (ms). */
const FEEDBACK_MS = 2500;

/** The sticky header of one element. */
export class Toolbar {
  /** The bar: `part="toolbar"`, observed for its height. */
  bar;
  /** The whole sticky header: the bar, the legend and the headings. */
  element;
  #summary = h('div', {class: 'stats', attrs: {'aria-live': 'polite'}});
  /** @type {Map<string, {box: HTMLInputElement, text: HTMLElement, count: HTMLElement, label: HTMLElement}>} each "Hide …" toggle, by attribute */
  #hideToggles = new Map();
  #splitButton = h('button', {class: 'seg', attrs: {type: 'button'}});
  #inlineButton = h('button', {class: 'seg', attrs: {type: 'button'}});
  #onlyChanges = h('input', {attrs: {type: 'checkbox'}});
  #onlyChangesText = h('span');
  #onlyChangesLabel = h('label', {class: 'toggle only-changes-toggle', part: 'only-changes-toggle'}, [this.#onlyChanges, this.#onlyChangesText]);
  #foldAll = h('button', {class: 'tool', part: 'fold-all', attrs: {type: 'button'}});
  #legendButton = h('button', {class: 'tool', part: 'legend-toggle',
    attrs: {type: 'button', 'aria-expanded': 'false', 'aria-controls': 'legend'}});
  #legend;
  #legendClose;
  #copyButton = h('button', {class: 'tool', part: 'copy', attrs: {type: 'button'}});
  #downloadButton = h('button', {class: 'tool', part: 'download', attrs: {type: 'button'}});
  #copyStatus = h('span', {class: 'sr-only', attrs: {role: 'status'}});
  #toolsText = h('span');
  #toolsButton = h('button', {class: 'tools-toggle', part: 'tools-toggle',
    attrs: {type: 'button', 'aria-expanded': 'false', 'aria-controls': 'tools'}}, [
    this.#toolsText, h('span', {class: 'caret', text: '▾', attrs: {'aria-hidden': 'true'}}),
  ]);
  #tools;
  #prevText = h('span', {class: 'nav-text'});
  #nextText = h('span', {class: 'nav-text'});
  #prevButton = h('button', {class: 'nav', part: 'prev', attrs: {type: 'button', 'aria-keyshortcuts': 'p k'}},
    [h('span', {text: '↑', attrs: {'aria-hidden': 'true'}}), this.#prevText]);
  #nextButton = h('button', {class: 'nav', part: 'next', attrs: {type: 'button', 'aria-keyshortcuts': 'n j'}},
    [this.#nextText, h('span', {text: '↓', attrs: {'aria-hidden': 'true'}})]);
  #counter = h('span', {class: 'counter', part: 'counter', attrs: {'aria-live': 'polite', 'aria-atomic': 'true'}});
  #oldHeading = h('div', {class: 'heading old', part: 'label label-old'});
  #newHeading = h('div', {class: 'heading new', part: 'label label-new'});
  // The rows' table has its own column headers for screen readers; these are for the eye.
  #headings = h('div', {class: 'headings', part: 'headings', attrs: {'aria-hidden': 'true'}}, [this.#oldHeading, this.#newHeading]);
  #viewGroup = h('div', {class: 'segmented', part: 'view-switch', attrs: {role: 'group'}}, [this.#splitButton, this.#inlineButton]);
  #navigationGroup = h('div', {class: 'navigation', part: 'navigation', attrs: {role: 'group'}},
    [this.#prevButton, this.#counter, this.#nextButton]);
  #copyTimer = 0;
  /** @type {Strings} */ #strings = DEFAULT_STRINGS;

  /** @param {ToolbarActions} actions */
  constructor(actions) {
    ({panel: this.#legend, close: this.#legendClose} = renderLegend('legend'));
    this.#splitButton.addEventListener('click', () => actions.view('split'));
    this.#inlineButton.addEventListener('click', () => actions.view('inline'));
    this.#prevButton.addEventListener('click', () => actions.previous());
    this.#nextButton.addEventListener('click', () => actions.next());
    this.#onlyChanges.addEventListener('change', () => actions.onlyChanges(this.#onlyChanges.checked));
    this.#foldAll.addEventListener('click', () => actions.foldAll(this.#foldAll.dataset.open !== 'true'));
    this.#legendButton.addEventListener('click', () => this.#toggleLegend());
    this.#legendClose.addEventListener('click', () => this.#closeLegend());
    this.#toolsButton.addEventListener('click', () => this.#showTools(this.#toolsButton.getAttribute('aria-expanded') !== 'true'));
    this.#copyButton.addEventListener('click', async () => this.#tell(await actions.copy()));
    this.#downloadButton.addEventListener('click', () => actions.download());
    /** @type {HTMLElement[]} */
    const hideLabels = HIDE_TOGGLES.map((toggle) => {
      const box = h('input', {attrs: {type: 'checkbox'}});
      const text = h('span');
      const count = h('span', {class: 'toggle-count'});
      box.addEventListener('change', () => actions.hide(toggle.attribute, box.checked));
      const label = h('label', {class: `toggle ${toggle.attribute}-toggle${toggle.attribute === 'hide-cosmetic' ? ' cosmetic-toggle' : ''}`,
        part: `${toggle.attribute.replace(/^hide-/, '')}-toggle`}, [box, text, count]);
      this.#hideToggles.set(toggle.attribute, {box, text, count, label});
      return label;
    });
    this.#tools = h('div', {class: 'tools', part: 'tools', attrs: {id: 'tools', role: 'group'}}, [
      this.#viewGroup,
      ...hideLabels,
      this.#onlyChangesLabel,
      this.#foldAll,
      this.#legendButton,
      h('span', {class: 'tool-group', part: 'export'}, [this.#copyButton, this.#downloadButton, this.#copyStatus]),
    ]);
    this.bar = h('div', {class: 'bar', part: 'toolbar'}, [
      h('div', {class: 'summary', part: 'summary'}, [this.#summary]),
      h('div', {class: 'controls'}, [this.#navigationGroup, this.#toolsButton]),
      this.#tools,
    ]);
    this.element = h('div', {class: 'sticky'}, [this.bar, this.#legend, this.#headings]);
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      if (!this.#legend.hidden) this.#closeLegend();
      else if (this.bar.classList.contains('tools-open')) this.#showTools(false);
      else return;
      event.stopPropagation();
    });
    this.showStrings(DEFAULT_STRINGS);
  }

  /**
   * The words of the bar's controls and the legend; the summary, the counter and "Expand all"
   * take them at their next showing.
   * @param {Strings} strings
   */
  showStrings(strings) {
    this.#strings = strings;
    this.#splitButton.textContent = say(strings, 'sideBySide');
    this.#inlineButton.textContent = say(strings, 'inline');
    this.#viewGroup.setAttribute('aria-label', say(strings, 'viewGroup'));
    this.#navigationGroup.setAttribute('aria-label', say(strings, 'changesGroup'));
    this.#prevText.textContent = say(strings, 'previous');
    this.#nextText.textContent = say(strings, 'next');
    this.#prevButton.title = say(strings, 'previousTitle');
    this.#nextButton.title = say(strings, 'nextTitle');
    for (const toggle of HIDE_TOGGLES) {
      const parts = this.#hideToggles.get(toggle.attribute);
      if (!parts) continue;
      parts.text.textContent = say(strings, toggle.label);
      parts.label.title = say(strings, toggle.title);
    }
    this.#onlyChangesText.textContent = say(strings, 'onlyChanges');
    this.#onlyChangesLabel.title = say(strings, 'onlyChangesTitle');
    this.#foldAll.textContent = say(strings, this.#foldAll.dataset.open === 'true' ? 'foldAll' : 'expandAll');
    this.#legendButton.textContent = say(strings, 'legend');
    this.#copyButton.textContent = say(strings, 'copy');
    this.#copyButton.title = say(strings, 'copyTitle');
    this.#downloadButton.textContent = say(strings, 'download');
    this.#downloadButton.title = say(strings, 'downloadTitle');
    this.#toolsText.textContent = say(strings, 'options');
    this.#tools.setAttribute('aria-label', say(strings, 'options'));
    const {panel: legend, close} = renderLegend('legend', strings);
    legend.hidden = this.#legend.hidden;
    close.addEventListener('click', () => this.#closeLegend());
    this.#legend.replaceWith(legend);
    this.#legend = legend;
    this.#legendClose = close;
  }

  /**
   * The column headings; a long label is cut short on screen and shown whole as a tooltip.
   * @param {string} oldLabel @param {string} newLabel
   */
  showLabels(oldLabel, newLabel) {
    this.#oldHeading.textContent = oldLabel;
    this.#newHeading.textContent = newLabel;
    this.#oldHeading.title = oldLabel;
    this.#newHeading.title = newLabel;
  }

  /**
   * The settings the tools show: which view button is pressed, the toggles, "Expand all" or
   * "Fold all", and headings only side by side.
   * @param {ToolbarSettings} settings
   */
  showSettings({view, hidden, onlyChanges, allOpen, folds}) {
    this.#splitButton.setAttribute('aria-pressed', String(view === 'split'));
    this.#inlineButton.setAttribute('aria-pressed', String(view === 'inline'));
    for (const [attribute, {box}] of this.#hideToggles) box.checked = hidden(attribute);
    this.#onlyChanges.checked = onlyChanges;
    this.#foldAll.textContent = say(this.#strings, allOpen ? 'foldAll' : 'expandAll');
    this.#foldAll.dataset.open = String(allOpen);
    this.#foldAll.disabled = !folds && !allOpen;
    this.#headings.hidden = view === 'inline';
  }

  /**
   * The summary of a diff; a "Hide …" toggle is disabled when there is nothing of its kind.
   * @param {SummaryItem[]} items @param {Stats} stats
   * @param {(attribute: string) => boolean} hidden
   */
  showSummary(items, stats, hidden) {
    this.#summary.replaceChildren(...items.map(({cls, text, title}) => {
      const el = h('span', {class: `stat ${cls}`, text});
      if (title) el.title = title;
      return el;
    }));
    this.#summary.title = items.map((item) => item.text).join(' · ');
    for (const toggle of HIDE_TOGGLES) {
      const parts = this.#hideToggles.get(toggle.attribute);
      if (!parts) continue;
      const n = toggle.count(stats);
      parts.count.textContent = say(this.#strings, toggle.countText, {n});
      parts.box.disabled = n === 0 && !hidden(toggle.attribute);
      // "(0 … changes)" beside a disabled toggle says nothing the greyed box does not, and its
      // width pushed the tools onto a third line.
      parts.count.hidden = parts.box.disabled;
    }
  }

  /**
   * The counter and whether previous/next can be used.
   * @param {number} current -1 before the first step @param {number} count
   */
  showCounter(current, count) {
    this.#counter.textContent = counterText(current, count, this.#strings);
    this.#prevButton.disabled = count === 0;
    this.#nextButton.disabled = count === 0;
  }

  /** The summary as one line of text (the title of an export). */
  get summaryText() { return this.#summary.title; }

  /** The counter while a long diff is computed (the old one stays on screen, dimmed). */
  showBusy() {
    this.#counter.textContent = say(this.#strings, 'comparing');
  }

  /**
   * Shows or hides the legend (before printing, say).
   * @param {boolean} open
   */
  showLegend(open) {
    this.#showLegend(open);
  }

  /** Whether the legend is shown. */
  get legendShown() { return !this.#legend.hidden; }

  /**
   * The Legend button: on a narrow element, where it is one of the tools under "Options", opening
   * the legend closes the tools (the legend then has the room they took) and takes the focus
   * from the button that is no longer on screen.
   */
  #toggleLegend() {
    if (!this.#legend.hidden) {
      this.#showLegend(false);
      return;
    }
    this.#showLegend(true);
    if (!this.#toolsShown()) return;
    this.#showTools(false);
    if (!isRendered(this.#legendButton)) this.#legend.focus({preventScroll: true});
  }

  /** Hides the legend; the focus, if it was in it, goes back to a button that opens it again. */
  #closeLegend() {
    const hadFocus = this.#legend.contains(/** @type {ShadowRoot} */ (this.element.getRootNode()).activeElement ?? null);
    this.#showLegend(false);
    if (hadFocus) (isRendered(this.#legendButton) ? this.#legendButton : this.#toolsButton).focus({preventScroll: true});
  }

  /** Whether the tools are open below the bar from "Options" (a narrow element). */
  #toolsShown() {
    return this.bar.classList.contains('tools-open') && isRendered(this.#toolsButton);
  }

  /** @param {boolean} open */
  #showLegend(open) {
    this.#legend.hidden = !open;
    this.#legendButton.setAttribute('aria-expanded', String(open));
  }

  /** @param {boolean} open */
  #showTools(open) {
    this.bar.classList.toggle('tools-open', open);
    this.#toolsButton.setAttribute('aria-expanded', String(open));
  }

  /** @param {string} message what the copy did, on the button a moment and to screen readers */
  #tell(message) {
    clearTimeout(this.#copyTimer);
    this.#copyButton.textContent = message;
    this.#copyStatus.textContent = message;
    this.#copyTimer = window.setTimeout(() => {
      this.#copyButton.textContent = say(this.#strings, 'copy');
      this.#copyStatus.textContent = '';
    }, FEEDBACK_MS);
  }
}

/** Whether an element takes room on screen (not `display: none`, nor inside such a box). @param {HTMLElement} element */
function isRendered(element) {
  return element.getClientRects().length > 0;
}

/**
 * The rows' column headers, for screen readers (the headings on screen are in the toolbar,
 * which scrolls apart from the rows).
 * @param {{old: string, new: string}} labels @param {'split'|'inline'} view
 * @param {boolean} stacked whether the versions are shown one after the other
 * @param {import('./article-diff-strings.js').Strings} strings
 */
export function columnHeaders(labels, view, stacked, strings) {
  const header = (/** @type {string} */ text) => h('span', {text, attrs: {role: 'columnheader'}});
  const change = header(say(strings, 'changeColumn'));
  const cells = view === 'split' && !stacked
    ? [change, header(labels.old), header(labels.new)]
    : [change, header(say(strings, 'bothColumn', labels))];
  return h('div', {class: 'sr-only column-headers', attrs: {role: 'row'}}, cells);
}
