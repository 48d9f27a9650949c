// @ts-check
/**
 * Every mark `<article-diff>` draws, as data: the legend lists them, the toolbar's "Hide …"
 * toggles come from them, and the rows ask here how a changed span is marked. A new kind of
 * mark (formatting changes, say) is one entry in `LEGEND`, one in `SPAN_MARKS` and, when a
 * reader may hide it, one in `HIDE_TOGGLES`. Pure data and functions (no DOM), unit-tested
 * under `node --test` (tests/www/).
 *
 * @module article-diff-marks
 */

/**
 * @typedef {import('./pkg/article_diff.js').Span} Span
 * @typedef {import('./pkg/article_diff.js').Stats} Stats
 * @typedef {import('./article-diff-strings.js').Strings} Strings
 * @typedef {import('./article-diff-strings.js').StringKey} StringKey
 * @typedef {{tag: 'span', class?: string, text?: string, say?: StringKey, n?: number}} Sample
 *   one piece of a legend entry's example: `sample-*` classes, which the stylesheet's rule for
 *   each mark styles too (so a theme that restyles the rows restyles the legend), and not
 *   `<ins>`/`<del>` (an example is no change); `text` is shown as is, `say` is one of the
 *   element's strings (with `n` for its count)
 * @typedef {{id: string, samples: Sample[], label: StringKey}} LegendEntry
 * @typedef {{title: StringKey, entries: LegendEntry[], screenOnly?: boolean}} LegendGroup
 *   `screenOnly`: about the controls, so not printed
 * @typedef {{attribute: string, label: StringKey, count: (stats: Stats) => number, countText: StringKey, title: StringKey}} HideToggle
 *   a toolbar checkbox that hides one kind of mark (draws it as unchanged text)
 * @typedef {{name: string, applies: (span: Span) => boolean, title: (span: Span) => StringKey}} SpanMark
 *   a kind of changed span with a class of its own (`name`) and a tooltip
 */

import {DEFAULT_STRINGS, say} from './article-diff-strings.js';

/** The legend, in the order it reads: words, then paragraphs, then finding one's way. */
/** @type {LegendGroup[]} */
export const LEGEND = [
  {title: 'legendWords', entries: [
    {id: 'ins', samples: [{tag: 'span', class: 'sample-ins', say: 'legendNewWordsSample'}], label: 'legendInserted'},
    {id: 'del', samples: [{tag: 'span', class: 'sample-del', say: 'legendOldWordsSample'}], label: 'legendDeleted'},
    {id: 'cosmetic', samples: [{tag: 'span', class: 'sample-del sample-cosmetic', text: '"'}, {tag: 'span', class: 'sample-ins sample-cosmetic', text: '“'}],
      label: 'legendCosmetic'},
    {id: 'whitespace', samples: [{tag: 'span', class: 'sample-ins sample-ws-space'}, {tag: 'span', class: 'sample-ins sample-ws-break'}],
      label: 'legendWhitespace'},
    // Drawn only for diffs of two documents: the formatting stylesheet shows the entry.
    {id: 'formatting', samples: [{tag: 'span', class: 'sample-formatting', say: 'legendFormattingSample'}], label: 'legendFormatting'},
  ]},
  {title: 'legendParagraphs', entries: [
    {id: 'signs', samples: [{tag: 'span', class: 'sample-sign sign-ins', text: '+'}, {tag: 'span', class: 'sample-sign sign-del', text: '−'}],
      label: 'legendSigns'},
    {id: 'sign-inline', samples: [{tag: 'span', class: 'sample-sign sign-change', text: '±'}], label: 'legendSignInline'},
    {id: 'sign-cosmetic', samples: [{tag: 'span', class: 'sample-sign sign-cosmetic', text: '≈'}], label: 'legendSignCosmetic'},
    // Drawn only for diffs of two documents, as the formatting entry above.
    {id: 'sign-formatting', samples: [{tag: 'span', class: 'sample-sign sign-formatting', text: '✎'}], label: 'legendSignFormatting'},
    {id: 'moved', samples: [{tag: 'span', class: 'sample-badge', text: '1'}, {tag: 'span', class: 'move-sample', say: 'legendMovedSample'}],
      label: 'legendMoved'},
    {id: 'split', samples: [{tag: 'span', class: 'sample-chip', say: 'splitInto', n: 2}],
      label: 'legendSplit'},
    {id: 'empty', samples: [{tag: 'span', class: 'swatch sample-empty'}], label: 'legendEmpty'},
    {id: 'fold', samples: [{tag: 'span', class: 'fold-sample', say: 'unchangedParagraphs', n: 3}], label: 'legendFold'},
  ]},
  {title: 'legendFindingYourWay', screenOnly: true, entries: [
    {id: 'current', samples: [{tag: 'span', class: 'swatch current-sample'}], label: 'legendCurrent'},
    {id: 'minimap', samples: [{tag: 'span', class: 'swatch marker-sample changed'}, {tag: 'span', class: 'swatch marker-sample inserted'},
      {tag: 'span', class: 'swatch marker-sample deleted'}, {tag: 'span', class: 'swatch marker-sample moved'}],
    label: 'legendMinimap'},
  ]},
];

/** Toolbar checkboxes that hide one kind of mark; each is a boolean attribute of the element. */
/** @type {HideToggle[]} */
export const HIDE_TOGGLES = [
  {attribute: 'hide-cosmetic', label: 'hideCosmetic', count: (stats) => stats.cosmeticChanges, countText: 'cosmeticCount',
    title: 'hideCosmeticTitle'},
];

/** Changed spans with a mark of their own, beyond inserted and deleted. */
/** @type {SpanMark[]} */
export const SPAN_MARKS = [
  {name: 'cosmetic', applies: (span) => span.cosmetic,
    title: (span) => (span.kind === 'insert' ? 'cosmeticNewTitle' : 'cosmeticOldTitle')},
];

/**
 * How a changed span is marked: its own mark's class and tooltip, if it has one.
 * @param {Span} span @param {Strings} [strings]
 * @returns {{name: string, title: string} | null}
 */
export function spanMark(span, strings = DEFAULT_STRINGS) {
  const mark = SPAN_MARKS.find((m) => m.applies(span));
  return mark ? {name: mark.name, title: say(strings, mark.title(span))} : null;
}

/**
 * What a whitespace-only change is, in words (a screen reader would read "·" or nothing).
 * @param {string} text the span's text, only whitespace
 * @param {'insert'|'delete'} kind @param {Strings} [strings]
 */
export function whitespaceWords(text, kind, strings = DEFAULT_STRINGS) {
  const added = kind === 'insert';
  if (/\n\s*\n/.test(text)) return say(strings, added ? 'paragraphBreakAdded' : 'paragraphBreakRemoved');
  if (text.includes('\n')) return say(strings, added ? 'lineBreakAdded' : 'lineBreakRemoved');
  if (text.length > 1) return say(strings, added ? 'spacesAdded' : 'spacesRemoved');
  return say(strings, added ? 'spaceAdded' : 'spaceRemoved');
}
