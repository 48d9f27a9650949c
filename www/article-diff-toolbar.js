// @ts-check
/**
 * `<article-diff>`'s sticky header: the toolbar (summary, "hide cosmetic" toggle, split/inline
 * switch, previous/next buttons and the "3 of 17" counter) and the two column headings. It
 * shows what it is given and reports the reader's clicks; the element decides what they do.
 *
 * @module article-diff-toolbar
 */

import {h} from './article-diff-dom.js';
import {counterText, plural, summaryItems} from './article-diff-labels.js';

/**
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {{hideCosmetic: (on: boolean) => void, view: (view: 'split'|'inline') => void,
 *   previous: () => void, next: () => void}} ToolbarActions what the reader's clicks ask for
 */

/** The sticky header of one element. */
export class Toolbar {
  /** The bar: `part="toolbar"`, observed for its height. */
  bar;
  /** The whole sticky header: the bar and the headings. */
  element;
  #summary = h('div', {class: 'stats', attrs: {'aria-live': 'polite'}});
  #cosmeticToggle = h('input', {attrs: {type: 'checkbox'}});
  #cosmeticLabel = h('span', {class: 'cosmetic-count'});
  #splitButton = h('button', {class: 'seg', text: 'Side by side', attrs: {type: 'button'}});
  #inlineButton = h('button', {class: 'seg', text: 'Inline', attrs: {type: 'button'}});
  #prevButton = h('button', {class: 'nav', part: 'prev', attrs: {type: 'button', 'aria-keyshortcuts': 'p k', title: 'Previous change (p or k)'}},
    [h('span', {text: '↑', attrs: {'aria-hidden': 'true'}}), h('span', {class: 'nav-text', text: 'Previous'})]);
  #nextButton = h('button', {class: 'nav', part: 'next', attrs: {type: 'button', 'aria-keyshortcuts': 'n j', title: 'Next change (n or j)'}},
    [h('span', {class: 'nav-text', text: 'Next'}), h('span', {text: '↓', attrs: {'aria-hidden': 'true'}})]);
  #counter = h('span', {class: 'counter', part: 'counter', attrs: {'aria-live': 'polite', 'aria-atomic': 'true'}});
  #oldHeading = h('div', {class: 'heading old', part: 'label label-old'});
  #newHeading = h('div', {class: 'heading new', part: 'label label-new'});
  #headings = h('div', {class: 'headings', part: 'headings'}, [this.#oldHeading, this.#newHeading]);

  /** @param {ToolbarActions} actions */
  constructor(actions) {
    this.#cosmeticToggle.addEventListener('change', () => actions.hideCosmetic(this.#cosmeticToggle.checked));
    this.#splitButton.addEventListener('click', () => actions.view('split'));
    this.#inlineButton.addEventListener('click', () => actions.view('inline'));
    this.#prevButton.addEventListener('click', () => actions.previous());
    this.#nextButton.addEventListener('click', () => actions.next());
    const cosmetic = h('label', {class: 'cosmetic-toggle', part: 'cosmetic-toggle'}, [
      this.#cosmeticToggle, h('span', {text: 'Hide cosmetic'}), this.#cosmeticLabel,
    ]);
    const viewGroup = h('div', {class: 'segmented', part: 'view-switch', attrs: {role: 'group', 'aria-label': 'View'}},
      [this.#splitButton, this.#inlineButton]);
    this.bar = h('div', {class: 'bar', part: 'toolbar'}, [
      h('div', {class: 'summary', part: 'summary'}, [this.#summary, cosmetic]),
      h('div', {class: 'controls'}, [
        viewGroup,
        h('div', {class: 'navigation', part: 'navigation', attrs: {role: 'group', 'aria-label': 'Changes'}},
          [this.#prevButton, this.#counter, this.#nextButton]),
      ]),
    ]);
    this.element = h('div', {class: 'sticky'}, [this.bar, this.#headings]);
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
   * The view settings: which view button is pressed, the toggle, and headings only side by side.
   * @param {'split'|'inline'} view @param {boolean} hideCosmetic
   */
  showSettings(view, hideCosmetic) {
    this.#splitButton.setAttribute('aria-pressed', String(view === 'split'));
    this.#inlineButton.setAttribute('aria-pressed', String(view === 'inline'));
    this.#cosmeticToggle.checked = hideCosmetic;
    this.#headings.hidden = view === 'inline';
  }

  /**
   * The summary of a diff; the toggle is disabled when there is nothing cosmetic to hide.
   * @param {Stats} stats @param {boolean} hideCosmetic
   */
  showSummary(stats, hideCosmetic) {
    this.#summary.replaceChildren(...summaryItems(stats).map(({cls, text, title}) => {
      const el = h('span', {class: `stat ${cls}`, text});
      if (title) el.title = title;
      return el;
    }));
    this.#cosmeticLabel.textContent = `(${plural(stats.cosmeticChanges, 'cosmetic change', 'cosmetic changes')})`;
    this.#cosmeticToggle.disabled = stats.cosmeticChanges === 0 && !hideCosmetic;
  }

  /**
   * The counter and whether previous/next can be used.
   * @param {number} current -1 before the first step @param {number} count
   */
  showCounter(current, count) {
    this.#counter.textContent = counterText(current, count);
    this.#prevButton.disabled = count === 0;
    this.#nextButton.disabled = count === 0;
  }

  /** The counter while a long diff is computed (the old one stays on screen, dimmed). */
  showBusy() {
    this.#counter.textContent = 'Comparing…';
  }
}
