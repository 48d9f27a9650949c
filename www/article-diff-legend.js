// @ts-check
/**
 * `<article-diff>`'s legend: every mark the element draws (the list is `LEGEND` in
 * article-diff-marks.js), each with an example styled by the very rules that style the marks,
 * so a page's theme restyles the examples with the rows. Collapsible: the toolbar's "Legend" button
 * shows and hides it, and its own close button (which stays in its corner while it scrolls)
 * hides it where that button is behind "Options" (a phone).
 *
 * @module article-diff-legend
 */

import {h} from './article-diff-dom.js';
import {LEGEND} from './article-diff-marks.js';
import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/**
 * The legend's panel (hidden until shown) and its close button.
 * @param {string} id its element id, for the button's `aria-controls`
 * @param {import('./article-diff-strings.js').Strings} [strings]
 */
export function renderLegend(id, strings = DEFAULT_STRINGS) {
  // Focusable: it scrolls when taller than the room the screen leaves it (a short screen), and
  // a keyboard must be able to scroll it.
  const panel = h('section', {class: 'legend', part: 'legend', attrs: {id, 'aria-label': say(strings, 'legend'), tabindex: '0'}});
  const close = h('button', {class: 'legend-close', part: 'legend-close',
    attrs: {type: 'button', 'aria-label': say(strings, 'closeLegend'), title: say(strings, 'closeLegend')}},
  [h('span', {text: '×', attrs: {'aria-hidden': 'true'}})]);
  const groups = h('div', {class: 'legend-groups'});
  panel.append(h('div', {class: 'legend-head'}, [close]), groups);
  for (const group of LEGEND) {
    const list = h('ul', {class: 'legend-list'});
    for (const entry of group.entries) {
      const sample = h('span', {class: `legend-sample legend-${entry.id}`, attrs: {'aria-hidden': 'true'}});
      for (const piece of entry.samples) {
        const text = piece.say ? say(strings, piece.say, piece.n === undefined ? {} : {n: piece.n}) : piece.text ?? '';
        sample.append(h(piece.tag, {class: piece.class ?? '', text}));
      }
      // An example is not a change: a screen reader hears only the description.
      list.append(h('li', {class: `legend-entry entry-${entry.id}`}, [sample, h('span', {class: 'legend-label', text: say(strings, entry.label)})]));
    }
    groups.append(h('div', {class: group.screenOnly ? 'legend-group screen-only' : 'legend-group'}, [h('h2', {class: 'legend-title', text: say(strings, group.title)}), list]));
  }
  panel.hidden = true;
  return {panel, close};
}
