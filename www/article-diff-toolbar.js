// @ts-check
/**
 * `<article-diff>`'s sticky header: the toolbar (summary, "hide cosmetic" toggle, split/inline
 * switch, previous/next buttons and the "3 of 17" counter) and the two column headings. It
 * shows what it is given and reports the reader's clicks; the element decides what they do.
 *
 * @module article-diff-toolbar
 */

import {h} from './article-diff-dom.js';
import {counterText, summaryItems} from './article-diff-labels.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/**
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {import('./article-diff-strings.js').Strings} Strings
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
  #splitButton = h('button', {class: 'seg', attrs: {type: 'button'}});
  #inlineButton = h('button', {class: 'seg', attrs: {type: 'button'}});
  #prevText = h('span', {class: 'nav-text'});
  #nextText = h('span', {class: 'nav-text'});
  #prevButton = h('button', {class: 'nav', part: 'prev', attrs: {type: 'button', 'aria-keyshortcuts': 'p k'}},
    [h('span', {text: '↑', attrs: {'aria-hidden': 'true'}}), this.#prevText]);
  #nextButton = h('button', {class: 'nav', part: 'next', attrs: {type: 'button', 'aria-keyshortcuts': 'n j'}},
    [this.#nextText, h('span', {text: '↓', attrs: {'aria-hidden': 'true'}})]);
  #counter = h('span', {class: 'counter', part: 'counter', attrs: {'aria-live': 'polite', 'aria-atomic': 'true'}});
  #oldHeading = h('div', {class: 'heading old', part: 'label label-old'});
  #newHeading = h('div', {class: 'heading new', part: 'label label-new'});
  #headings = h('div', {class: 'headings', part: 'headings'}, [this.#oldHeading, this.#newHeading]);
  #cosmeticText = h('span');
  #viewGroup = h('div', {class: 'segmented', part: 'view-switch', attrs: {role: 'group'}}, [this.#splitButton, this.#inlineButton]);
  #navigationGroup = h('div', {class: 'navigation', part: 'navigation', attrs: {role: 'group'}},
    [this.#prevButton, this.#counter, this.#nextButton]);
  /** @type {Strings} */ #strings = DEFAULT_STRINGS;

  /** @param {ToolbarActions} actions */
  constructor(actions) {
    this.#cosmeticToggle.addEventListener('change', () => actions.hideCosmetic(this.#cosmeticToggle.checked));
    this.#splitButton.addEventListener('click', () => actions.view('split'));
    this.#inlineButton.addEventListener('click', () => actions.view('inline'));
    this.#prevButton.addEventListener('click', () => actions.previous());
    this.#nextButton.addEventListener('click', () => actions.next());
    const cosmetic = h('label', {class: 'cosmetic-toggle', part: 'cosmetic-toggle'}, [
      this.#cosmeticToggle, this.#cosmeticText, this.#cosmeticLabel,
    ]);
    this.bar = h('div', {class: 'bar', part: 'toolbar'}, [
      h('div', {class: 'summary', part: 'summary'}, [this.#summary, cosmetic]),
      h('div', {class: 'controls'}, [this.#viewGroup, this.#navigationGroup]),
    ]);
    this.element = h('div', {class: 'sticky'}, [this.bar, this.#headings]);
    this.showStrings(DEFAULT_STRINGS);
  }

  /**
   * The words of the bar's controls; the summary and the counter take them at their next
   * showing.
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
    this.#cosmeticText.textContent = say(strings, 'hideCosmetic');
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
    this.#summary.replaceChildren(...summaryItems(stats, this.#strings).map(({cls, text, title}) => {
      const el = h('span', {class: `stat ${cls}`, text});
      if (title) el.title = title;
      return el;
    }));
    this.#cosmeticLabel.textContent = say(this.#strings, 'cosmeticCount', {n: stats.cosmeticChanges});
    this.#cosmeticToggle.disabled = stats.cosmeticChanges === 0 && !hideCosmetic;
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

  /** The counter while a long diff is computed (the old one stays on screen, dimmed). */
  showBusy() {
    this.#counter.textContent = say(this.#strings, 'comparing');
  }
}
