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
 * @typedef {{tag: 'span', class?: string, text?: string}} Sample
 *   one piece of a legend entry's example: `sample-*` classes, which the stylesheet's rule for
 *   each mark styles too (so a theme that restyles the rows restyles the legend), and not
 *   `<ins>`/`<del>` (an example is no change)
 * @typedef {{id: string, samples: Sample[], label: string}} LegendEntry
 * @typedef {{title: string, entries: LegendEntry[], screenOnly?: boolean}} LegendGroup
 *   `screenOnly`: about the controls, so not printed
 * @typedef {{attribute: string, label: string, count: (stats: Stats) => number, one: string, many: string, title: string}} HideToggle
 *   a toolbar checkbox that hides one kind of mark (draws it as unchanged text)
 * @typedef {{name: string, applies: (span: Span) => boolean, title: (span: Span) => string, words: string}} SpanMark
 *   a kind of changed span with a class of its own (`name`), a tooltip and the words a
 *   screen reader and the legend use for it
 */

/** The legend, in the order it reads: words, then paragraphs, then finding one's way. */
/** @type {LegendGroup[]} */
export const LEGEND = [
  {title: 'Words', entries: [
    {id: 'ins', samples: [{tag: 'span', class: 'sample-ins', text: 'new words'}], label: 'Inserted (underlined)'},
    {id: 'del', samples: [{tag: 'span', class: 'sample-del', text: 'old words'}], label: 'Deleted (struck through)'},
    {id: 'cosmetic', samples: [{tag: 'span', class: 'sample-del sample-cosmetic', text: '"'}, {tag: 'span', class: 'sample-ins sample-cosmetic', text: '“'}],
      label: 'Cosmetic change: typography, letter case or spacing only (dotted)'},
    {id: 'whitespace', samples: [{tag: 'span', class: 'sample-ins sample-ws-space'}, {tag: 'span', class: 'sample-ins sample-ws-break'}],
      label: 'A space (·) or a paragraph break (¶) added or removed'},
  ]},
  {title: 'Paragraphs', entries: [
    {id: 'signs', samples: [{tag: 'span', class: 'sample-sign sign-ins', text: '+'}, {tag: 'span', class: 'sample-sign sign-del', text: '−'}],
      label: 'Inserted or deleted paragraph, or the new and old text of a changed one'},
    {id: 'sign-inline', samples: [{tag: 'span', class: 'sample-sign sign-change', text: '±'}], label: 'A changed paragraph, both texts in one column'},
    {id: 'sign-cosmetic', samples: [{tag: 'span', class: 'sample-sign sign-cosmetic', text: '≈'}], label: 'Only cosmetic changes in the paragraph'},
    {id: 'moved', samples: [{tag: 'span', class: 'sample-badge', text: '1'}, {tag: 'span', class: 'move-sample', text: 'Moved down'}],
      label: 'A moved paragraph: both ends carry its number and link to each other'},
    {id: 'split', samples: [{tag: 'span', class: 'sample-chip', text: 'Split into 2'}],
      label: 'A paragraph split in two or more, or several merged into one'},
    {id: 'empty', samples: [{tag: 'span', class: 'swatch sample-empty'}], label: 'Not in this version'},
    {id: 'fold', samples: [{tag: 'span', class: 'fold-sample', text: '3 unchanged paragraphs'}], label: 'Unchanged paragraphs, folded: activate to show them'},
  ]},
  {title: 'Finding your way', screenOnly: true, entries: [
    {id: 'current', samples: [{tag: 'span', class: 'swatch current-sample'}], label: 'The current change (Previous and Next, or the n and p keys)'},
    {id: 'minimap', samples: [{tag: 'span', class: 'swatch marker-sample changed'}, {tag: 'span', class: 'swatch marker-sample inserted'},
      {tag: 'span', class: 'swatch marker-sample deleted'}, {tag: 'span', class: 'swatch marker-sample moved'}],
    label: 'Minimap: a changed, inserted, deleted or moved paragraph; the grey box is what is in view'},
  ]},
];

/** Toolbar checkboxes that hide one kind of mark; each is a boolean attribute of the element. */
/** @type {HideToggle[]} */
export const HIDE_TOGGLES = [
  {attribute: 'hide-cosmetic', label: 'Hide cosmetic', count: (stats) => stats.cosmeticChanges, one: 'cosmetic change',
    many: 'cosmetic changes', title: 'Draw changes of typography, letter case and spacing as unchanged text'},
];

/** Changed spans with a mark of their own, beyond inserted and deleted. */
/** @type {SpanMark[]} */
export const SPAN_MARKS = [
  {name: 'cosmetic', applies: (span) => span.cosmetic, words: 'cosmetic change',
    title: (span) => `Cosmetic change (typography or whitespace): ${span.kind === 'insert' ? 'new' : 'old'} form`},
];

/**
 * How a changed span is marked: its own mark's class and tooltip, if it has one.
 * @param {Span} span
 * @returns {{name: string, title: string} | null}
 */
export function spanMark(span) {
  const mark = SPAN_MARKS.find((m) => m.applies(span));
  return mark ? {name: mark.name, title: mark.title(span)} : null;
}

/**
 * What a whitespace-only change is, in words (a screen reader would read "·" or nothing).
 * @param {string} text the span's text, only whitespace
 * @param {'insert'|'delete'} kind
 */
export function whitespaceWords(text, kind) {
  let what = text.length > 1 ? 'spaces' : 'space';
  if (/\n\s*\n/.test(text)) what = 'paragraph break';
  else if (text.includes('\n')) what = 'line break';
  return `${what} ${kind === 'insert' ? 'added' : 'removed'}`;
}
