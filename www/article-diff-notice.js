// @ts-check
/**
 * `<article-diff>`'s notice above the rows: what the reader should know before reading the
 * diff (an approximate diff; versions that share so little text that they are shown one after
 * the other, with the button that aligns them anyway, or back).
 *
 * @module article-diff-notice
 */

import {h} from './article-diff-dom.js';
import {sharedPercent, unrelatedNotice} from './article-diff-labels.js';
import {sharedWords} from './article-diff-layout.js';
import {say} from './article-diff-strings.js';

/**
 * Fills the notice for `model`, or hides it when there is nothing to say.
 * @param {HTMLElement} notice
 * @param {import('./pkg/article_diff.js').ArticleDiff} model
 * @param {boolean} unrelated whether the versions look unrelated
 * @param {boolean} stacked whether they are shown one after the other
 * @param {import('./article-diff-strings.js').Strings} strings
 */
export function showNotice(notice, model, unrelated, stacked, strings) {
  /** @type {(string|HTMLElement)[]} */
  const parts = [];
  if (model.approximate) {
    parts.push(say(strings, 'approximate', {detail: model.fallback?.detail ?? say(strings, 'approximateDetail')}));
  }
  if (unrelated) {
    const shared = sharedWords(model.stats);
    parts.push(h('span', {text: stacked ? unrelatedNotice(shared, strings)
      : say(strings, 'unrelatedAlignedNotice', {percent: sharedPercent(shared, strings)})}));
    parts.push(h('button', {class: 'notice-action', part: 'notice-action', attrs: {type: 'button'},
      text: say(strings, stacked ? 'alignAnyway' : 'showOneAfterOther')}));
  }
  notice.replaceChildren(...parts.flatMap((part, i) => (i ? [' ', part] : [part])));
  notice.hidden = parts.length === 0;
}
